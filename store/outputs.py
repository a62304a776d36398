"""Forgeflow's own outputs in the workspace: which files runs wrote, by which tool and run."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from errors import BadInput, Conflict, consent_details
from store.workspace import (
    STATE_FOLDER,
    free_name,
    numbered,
    relative_to_workspace,
    resolve_path,
    workspace_root,
)

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


def replaceable(
    rel: str,
    tool: str | None,
    *,
    run_id: str | None = None,
    same_run: bool = False,
    known: dict[str, dict[str, Any]] | None = None,
) -> bool:
    """Whether a call of `tool` may replace the existing workspace file `rel` without asking:
    `tool` wrote that very path itself (in run `run_id` when `same_run`: a resumed step), or,
    with `tool` None, it is any forgeflow output (`is_output`). Anything else is the person's.
    """
    if tool is None:
        return is_output(rel, known)
    maker = (records() if known is None else known).get(rel)
    if maker is None or maker.get("tool") != tool:
        return False
    return not same_run or (run_id is not None and maker.get("run_id") == run_id)


def persons_files(
    targets: Iterable[str],
    tool: str | None,
    *,
    run_id: str | None = None,
    same_run: bool = False,
) -> list[str]:
    """The workspace paths among `targets` that exist and that `tool` may not replace without
    asking (`replaceable`): the person's files, in order.
    """
    known = records()
    root = workspace_root()
    return [
        rel
        for rel in dict.fromkeys(targets)
        if (root / rel).exists()
        and not replaceable(rel, tool, run_id=run_id, same_run=same_run, known=known)
    ]


def refuse_replacing(
    argument: str,
    value: Any,
    targets: Iterable[str],
    *,
    tool: str | None,
    overwrite: bool,
    run_id: str | None = None,
    same_run: bool = False,
    suggested: Any = None,
    renamed: dict[str, str] | None = None,
    message: str | None = None,
    hint: str | None = None,
) -> None:
    """The one consent check of every tool that writes a file a person can name: a 409
    (`Conflict`, code file_exists, `errors.consent_details`) when a file among `targets` (the
    workspace paths the call writes) exists and is not `replaceable` by `tool`; nothing when
    `overwrite` or none is. `argument`/`value` name what the call said; `suggested` (default:
    a free name beside the one file; a function of the person's files) is the value that
    writes beside them.
    Call it before anything is written.
    """
    if overwrite:
        return
    theirs = persons_files(targets, tool, run_id=run_id, same_run=same_run)
    if not theirs:
        return
    one = len(theirs) == 1
    named = theirs[0] if one else ", ".join(theirs[:-1]) + " and " + theirs[-1]
    it = "it" if one else "them"
    if suggested is None:
        suggested = free_name(theirs[0])
    elif callable(suggested):
        suggested = suggested(theirs)
    if tool is None:
        maker = f"no forgeflow tool wrote {it}"
    elif same_run:
        # The same tool may have written it in another run: only this run's write is its own.
        maker = f"{'it was' if one else 'they were'} not written by this run of {tool}"
    else:
        maker = f"{tool} did not write {it}"
    raise Conflict(
        message or f"{named} already exist{'s' if one else ''} and {maker}",
        hint=hint
        or f"choose {'other' if isinstance(value, list) else 'another'} {argument}, or set "
        f"overwrite=true to replace {it}",
        code="file_exists",
        details=consent_details(argument, value, theirs, suggested, renamed=renamed),
    )


def named_target(
    ref: str,
    argument: str,
    *,
    tool: str,
    overwrite: bool,
    run_id: str | None,
    suffixes: tuple[str, ...] = (),
) -> tuple[Path, str]:
    """(path, workspace path) of a file a person named for a tool to write, checked before any
    work and before anything is written: inside the workspace and not hidden (`resolve_path`),
    not a folder, one of `suffixes` (when given), and not a file of theirs unless `overwrite`
    (`refuse_replacing`: only this run's own earlier write of it, a resumed step, is replaced
    without asking).
    """
    path = resolve_path(ref, for_write=True)
    rel = relative_to_workspace(path)
    if path.is_dir() or ref.endswith(("/", os.sep)):
        raise BadInput(
            f"{argument} {ref!r} is a folder",
            hint="name a file to write, e.g. 'out/rows.csv'",
            code="output_is_folder",
            details={"argument": argument, "value": ref},
        )
    if suffixes and path.suffix.lower() not in suffixes:
        raise BadInput(
            f"{argument} {ref!r} is not a {' / '.join(s.lstrip('.') for s in suffixes)} file",
            hint=f"name a file ending in {', '.join(suffixes)}",
            code="unknown_format",
            details={"argument": argument, "value": ref},
        )
    refuse_replacing(
        argument, rel, [rel], tool=tool, overwrite=overwrite, run_id=run_id, same_run=True
    )
    return path, rel


def refuse_filling(
    ref: str,
    names: Iterable[str],
    argument: str,
    *,
    tool: str,
    overwrite: bool,
    run_id: str | None,
) -> None:
    """A folder a person named for a tool's files (`names`, written inside it): the consent 409
    when any of those files is there and is theirs (`refuse_replacing`, same-run rule), with a
    free folder beside it as the suggested value; nothing for a new folder. Call it before any
    work (a path out of the workspace or hidden is refused here too).
    """
    path = resolve_path(ref, for_write=True)
    if not path.is_dir():
        return  # new (or a file: the tool's own output_folder refuses that)
    rel = relative_to_workspace(path)
    base = "" if rel in (".", "") else f"{rel}/"
    targets = [f"{base}{name}" for name in names]
    root = workspace_root()
    stem = rel if base else "outputs"
    suggested = next(
        (c for n in range(2, 1000) if not (root / (c := numbered(stem, n))).exists()),
        numbered(stem, "new"),
    )
    refuse_replacing(
        argument,
        rel,
        targets,
        tool=tool,
        overwrite=overwrite,
        run_id=run_id,
        same_run=True,
        suggested=suggested,
        renamed={f"{base}{name}": f"{suggested}/{name}" for name in names},
    )


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
