"""Export a QA dataset version: splits by source chunk, jsonl/parquet/csv files, one zip."""

from __future__ import annotations

import json
import random
import re
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import pandas as pd

from errors import BadInput
from store.workspace import relative_to_workspace, resolve_path

FORMATS = ("jsonl", "parquet", "csv")
COLUMNS = (
    "id",
    "question",
    "answer",
    "mode",
    "category",
    "difficulty",
    "quality_score",
    "source_chunk",
    "document_id",
    "split",
)


def split_by_chunk(
    entries: list[dict[str, Any]],
    ratios: dict[str, float],
    *,
    seed: int = 0,
) -> dict[str, list[dict[str, Any]]]:
    """Assign whole chunks to splits so no chunk's entries land in two splits.

    Chunks are shuffled with `seed`, then each goes to the split furthest below its target
    share of entries. When there are at least as many chunks as splits with a share above
    0, every such split gets at least one chunk: a split left empty takes the smallest chunk
    of the split furthest above its share that holds two or more. Deterministic for a seed.
    """
    total_ratio = sum(ratios.values())
    if total_ratio <= 0 or any(r < 0 for r in ratios.values()):
        raise BadInput(
            f"split ratios {ratios} must be non-negative and not all zero",
            hint='use e.g. {"train": 0.8, "validation": 0.1, "test": 0.1}',
        )
    shares = {k: v / total_ratio for k, v in ratios.items()}
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in entries:
        groups[str(e.get("source_chunk") or e["id"])].append(e)
    order = sorted(groups)
    random.Random(seed).shuffle(order)
    placed: dict[str, list[str]] = {k: [] for k in ratios}
    sizes = {k: 0 for k in ratios}
    assigned = 0
    for chunk_id in order:
        after = assigned + len(groups[chunk_id])
        # the split whose count is furthest below its share once this chunk is placed
        name = max(shares, key=lambda k: (shares[k] * after - sizes[k], shares[k]))
        placed[name].append(chunk_id)
        sizes[name] += len(groups[chunk_id])
        assigned = after
    asked = [k for k in ratios if shares[k] > 0]
    if len(order) >= len(asked):
        # 10 pairs from 5 chunks at 0.8/0.1/0.1 went 8 / 2 / 0: a split asked for is never
        # left empty while another holds two chunks or more (one chunk still in one split)
        for name in sorted((k for k in asked if not placed[k]), key=lambda k: -shares[k]):
            donor = max(
                (k for k in ratios if len(placed[k]) > 1),
                key=lambda k: (sizes[k] - shares[k] * assigned, len(placed[k])),
            )
            moved = min(reversed(placed[donor]), key=lambda c: len(groups[c]))
            placed[donor].remove(moved)
            placed[name].append(moved)
            sizes[donor] -= len(groups[moved])
            sizes[name] += len(groups[moved])
    return {k: [e for c in placed[k] for e in groups[c]] for k in ratios}


SMALL_SPLIT = 2
"""A split asked for that holds this many entries or fewer is named in the export's notes."""


def split_targets(total: int, ratios: dict[str, float]) -> dict[str, int]:
    """What the ratios ask of `total` entries per split (largest remainders, summing to total)."""
    ratio_sum = sum(ratios.values()) or 1.0
    exact = {k: total * v / ratio_sum for k, v in ratios.items()}
    out = {k: int(v) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: -(exact[k] - out[k]))[: total - sum(out.values())]:
        out[k] += 1
    return out


def split_notes(
    parts: dict[str, list[dict[str, Any]]], ratios: dict[str, float]
) -> tuple[list[str], list[str]]:
    """(notes, warnings) in plain words on splits that came out other than the ratios ask.

    Warnings: a split asked for is empty (fewer source chunks than splits). Notes: the counts
    differ from the ratios' (whole chunks per split, one chunk at least per split), and splits
    asked for that hold SMALL_SPLIT entries or fewer.
    """
    counts = {k: len(v) for k, v in parts.items()}
    total = sum(counts.values())
    chunks = {k: len({str(e.get("source_chunk") or e["id"]) for e in v}) for k, v in parts.items()}
    sources = sum(chunks.values())
    asked = [k for k, r in ratios.items() if r > 0]
    notes: list[str] = []
    warnings: list[str] = []
    empty = [k for k in asked if not counts[k]]
    if empty and total:
        warnings.append(
            f"the {' and '.join(empty)} split(s) are empty: the {total} entries come from "
            f"{sources} source chunk(s), fewer than the {len(asked)} splits asked, and one "
            "chunk's entries stay in one split (chunk the documents smaller, e.g. a lower "
            "chunk_size, for more source chunks)"
        )
        return notes, warnings
    targets = split_targets(total, ratios)
    if total and counts != targets:
        notes.append(
            "each source chunk's entries stay in one split and every split asked for gets at "
            "least one chunk, so the splits are "
            + " / ".join(str(counts[k]) for k in ratios)
            + " where the ratios alone give "
            + " / ".join(str(targets[k]) for k in ratios)
            + f" of {total}"
        )
    small = [k for k in asked if 0 < counts[k] <= SMALL_SPLIT]
    if small and total > len(asked):
        notes.append(
            "small split(s): "
            + ", ".join(
                f"{k} {counts[k]} entr{'y' if counts[k] == 1 else 'ies'} from "
                f"{chunks[k]} chunk{'' if chunks[k] == 1 else 's'}"
                for k in small
            )
        )
    return notes, warnings


def _row(entry: dict[str, Any], split: str | None) -> dict[str, Any]:
    row = {c: entry.get(c) for c in COLUMNS if c != "split"}
    row["split"] = split
    meta = entry.get("metadata") or {}
    row["question_type"] = meta.get("question_type")
    row["quality_reasons"] = json.dumps(entry.get("quality_reasons") or [])
    row["metadata"] = json.dumps(meta, ensure_ascii=False, sort_keys=True)
    if entry.get("mode") in ("instruction", "summarization"):
        row["instruction"] = entry.get("question")
        row["output"] = entry.get("answer")
    return row


def write_table(rows: list[dict[str, Any]], path: Path, fmt: str) -> None:
    """Write rows as jsonl (metadata as objects), parquet or csv."""
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                out = dict(row)
                out["metadata"] = json.loads(out["metadata"])
                out["quality_reasons"] = json.loads(out["quality_reasons"])
                fh.write(json.dumps(out, ensure_ascii=False) + "\n")
        return
    frame = pd.DataFrame(rows)
    if frame.empty:
        frame = pd.DataFrame(columns=[*COLUMNS, "question_type", "quality_reasons", "metadata"])
    if fmt == "parquet":
        frame.to_parquet(path, index=False)
    elif fmt == "csv":
        frame.to_csv(path, index=False)
    else:
        raise BadInput(f"unknown format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")


def read_table(path: Path) -> list[dict[str, Any]]:
    """Read an exported file back (for checks and round trips)."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    frame = (
        pd.read_parquet(path) if suffix == ".parquet" else pd.read_csv(path, keep_default_na=False)
    )
    return frame.to_dict(orient="records")


def _safe_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "dataset"


def export_entries(
    entries: list[dict[str, Any]],
    *,
    name: str,
    folder: str,
    formats: list[str],
    splits: dict[str, float] | None,
    seed: int = 0,
    zip_name: str | None = None,
) -> dict[str, Any]:
    """Write `entries` to `folder` (inside the workspace) in each format, split when asked.

    Returns files (relative paths, rows, split), split counts, the zip (when more than one
    file was written) and the artifacts list.
    """
    for fmt in formats:
        if fmt not in FORMATS:
            raise BadInput(f"unknown format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")
    if not formats:
        raise BadInput("no export format given", hint=f"use one of: {', '.join(FORMATS)}")
    out_dir = resolve_path(folder, for_write=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = _safe_name(name)
    parts = split_by_chunk(entries, splits, seed=seed) if splits else {None: entries}
    files: list[dict[str, Any]] = []
    for fmt in formats:
        for split, rows in parts.items():
            path = out_dir / (f"{stem}_{split}.{fmt}" if split else f"{stem}.{fmt}")
            write_table([_row(e, split) for e in rows], path, fmt)
            files.append(
                {
                    "path": relative_to_workspace(path),
                    "format": fmt,
                    "split": split,
                    "rows": len(rows),
                    "bytes": path.stat().st_size,
                }
            )
    result: dict[str, Any] = {
        "files": files,
        "split_counts": {str(k): len(v) for k, v in parts.items()} if splits else None,
        "split_chunks": {
            str(k): sorted({str(e.get("source_chunk")) for e in v}) for k, v in parts.items()
        }
        if splits
        else None,
        "zip": None,
    }
    notes, warnings = split_notes(parts, splits) if splits else ([], [])
    result["split_notes"] = notes
    if warnings:
        result["warnings"] = warnings
    artifacts = [
        {"name": Path(f["path"]).name, "path": f["path"], "kind": "dataset"} for f in files
    ]
    if len(files) > 1:
        zip_path = out_dir / f"{_safe_name(zip_name or stem)}.zip"
        with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for f in files:
                zf.write(resolve_path(f["path"]), arcname=Path(f["path"]).name)
        result["zip"] = relative_to_workspace(zip_path)
        artifacts.append({"name": zip_path.name, "path": result["zip"], "kind": "archive"})
    result["artifacts"] = artifacts
    return result
