"""Forgeflow's own outputs in the workspace: which files runs wrote, by which tool and run."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from store.workspace import STATE_FOLDER, relative_to_workspace, workspace_root

OUTPUT_FOLDERS: tuple[str, ...] = (
    "labeling",
    "models",
    "evaluations",
    "generators",
    "predictions",
    "synthetic",
    "anomalies",
    "qa",
    "exports",
)
"""Top-level workspace folders the tools write their outputs into (never the person's data)."""

MANIFEST = f"{STATE_FOLDER}/outputs.jsonl"
"""The manifest, inside the workspace (so every worker sharing the files shares it); hidden
folders are never listed as data."""

_lock = threading.Lock()


def manifest_path() -> Path:
    """Where the manifest lives in this home's workspace."""
    return workspace_root() / MANIFEST


def _relative(path: str | Path) -> str | None:
    """A workspace-relative POSIX path, or None for a path outside the workspace."""
    text = str(path)
    candidate = Path(text)
    if candidate.is_absolute():
        rel = relative_to_workspace(candidate)
        if Path(rel).is_absolute():
            return None
        text = rel
    parts = PurePosixPath(text.replace(os.sep, "/")).parts
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


def record(paths: Iterable[str | Path], *, tool: str, run_id: str | None = None) -> list[str]:
    """Note that `tool` (in run `run_id`) wrote `paths` (files or folders); returns what it noted.

    One JSON line per path, appended: concurrent writers (threads, worker processes) each add
    whole lines, and the newest line for a path names its maker.
    """
    rels = list(dict.fromkeys(r for r in map(_relative, paths) if r))
    if not rels:
        return []
    now = datetime.now(UTC).isoformat()
    lines = "".join(
        json.dumps({"path": r, "tool": tool, "run_id": run_id, "at": now}) + "\n" for r in rels
    )
    target = manifest_path()
    with _lock:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, lines.encode("utf-8"))
        finally:
            os.close(fd)
    return rels


def written_since(paths: Iterable[str], since: float) -> list[str]:
    """The workspace paths among `paths` that were created or changed at or after `since`.

    A tool's output also names paths it only read or reopened (the workbench names its
    labeling folder): those keep the maker they had.
    """
    found = []
    for raw in paths:
        rel = _relative(raw)
        if rel is None:
            continue
        try:
            changed = (workspace_root() / rel).stat().st_mtime
        except OSError:
            continue
        if changed >= since - 1.0:  # file systems keep mtimes at a coarse granularity
            found.append(rel)
    return found


def records() -> dict[str, dict[str, Any]]:
    """Every noted output path → the record of its newest maker {path, tool, run_id, at}."""
    target = manifest_path()
    if not target.is_file():
        return {}
    found: dict[str, dict[str, Any]] = {}
    with open(target, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                item = json.loads(line)
            except ValueError:  # a torn last line from a crash: skipped
                continue
            if isinstance(item, dict) and isinstance(item.get("path"), str):
                found[item["path"]] = item
    return found


def made_by(rel: str, known: dict[str, dict[str, Any]] | None = None) -> dict[str, Any] | None:
    """The record of the output `rel` is (or is inside of), or None when no tool noted it."""
    table = records() if known is None else known
    parts = PurePosixPath(rel).parts
    for i in range(len(parts), 0, -1):
        found = table.get("/".join(parts[:i]))
        if found is not None:
            return found
    return None


def is_output(rel: str, known: dict[str, dict[str, Any]] | None = None) -> bool:
    """Whether a workspace-relative path is forgeflow's output rather than the person's data."""
    parts = PurePosixPath(rel).parts
    if parts and parts[0] in OUTPUT_FOLDERS:
        return True
    return made_by(rel, known) is not None


def output_paths(output: Any) -> list[str]:
    """The workspace paths a tool's output names: its `artifacts` and its `*path` / `*_dir` fields."""
    found: list[str] = []
    if not isinstance(output, dict):
        return found
    for item in output.get("artifacts") or []:
        if isinstance(item, dict) and isinstance(item.get("path"), str):
            found.append(item["path"])
    for key, value in output.items():
        if isinstance(value, str) and value and (key.endswith("path") or key.endswith("_dir")):
            found.append(value)
    return found
