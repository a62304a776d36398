"""Export a QA dataset version: splits by source chunk, jsonl/parquet/csv files, one zip."""

from __future__ import annotations

import json
import os
import random
import re
import zipfile
from collections import defaultdict
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd

from errors import BadInput, candidate_details, closest
from store.workspace import output_file, relative_to_workspace, resolve_path

FORMATS = ("jsonl", "parquet", "csv")
SUFFIXES = {"jsonl": ".jsonl", "parquet": ".parquet", "csv": ".csv"}
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
FIELDS = (*COLUMNS, "question_type", "quality_reasons", "metadata", "instruction", "output")
"""Every field an exported row may keep (`fields`): instruction/output are set for the
instruction and summarization modes only (empty for the others)."""
_JSON_FIELDS = ("metadata", "quality_reasons")


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


def write_table(
    rows: list[dict[str, Any]], path: Path, fmt: str, fields: list[str] | None = None
) -> None:
    """Write rows as jsonl (metadata as objects), parquet or csv; `fields` keeps those, in order."""
    if fields is not None:
        rows = [{f: row.get(f) for f in fields} for row in rows]
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                out = dict(row)
                for key in _JSON_FIELDS:
                    if isinstance(out.get(key), str):
                        out[key] = json.loads(out[key])
                fh.write(json.dumps(out, ensure_ascii=False) + "\n")
        return
    frame = pd.DataFrame(rows)
    if frame.empty:
        frame = pd.DataFrame(
            columns=fields or [*COLUMNS, "question_type", "quality_reasons", "metadata"]
        )
    if fmt == "parquet":
        frame.to_parquet(path, index=False)
    elif fmt == "csv":
        frame.to_csv(path, index=False)
    else:
        raise BadInput(f"unknown format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")


def check_fields(fields: list[str] | None) -> list[str] | None:
    """`fields` as given when every name is an entry field and none repeats; else a 400 whose
    details name the first unknown field and the nearest valid names (all of them when none is
    near), as the planner's repair reads them.
    """
    if fields is None:
        return None
    unknown = [f for f in fields if f not in FIELDS]
    if unknown:
        near = closest(unknown[0], FIELDS)
        raise BadInput(
            f"unknown field(s) {', '.join(repr(f) for f in unknown)}",
            hint=f"fields are: {', '.join(FIELDS)}",
            code="unknown_field",
            details=candidate_details(
                "fields", near or list(FIELDS), "not_found", value=unknown[0], choices=list(FIELDS)
            ),
        )
    repeated = sorted({f for f in fields if fields.count(f) > 1})
    if repeated:
        raise BadInput(
            f"field(s) named twice: {', '.join(repeated)}",
            hint="name each field once, in the order wanted",
            code="duplicate_fields",
            details={"argument": "fields", "value": fields},
        )
    return list(fields)


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


Target = tuple[str | None, str, Path]
"""One file an export with `output_path` writes: (split or None, workspace path, resolved)."""


def output_format(raw: str, fmt: str, fmt_given: bool) -> tuple[str, str]:
    """The file `output_path` names and its format: from its suffix (.jsonl, .csv, .parquet),
    or `fmt` with its suffix added when the name has none; a 400 when a given format disagrees
    with the suffix, or the suffix is none of the three.
    """
    if raw.endswith(("/", os.sep)):
        raise BadInput(
            f"output_path {raw!r} is a folder",
            hint="name a file, e.g. 'handbook_qa.jsonl' (or use output_dir for a folder)",
            code="output_is_folder",
            details={"argument": "output_path", "value": raw},
        )
    name = PurePosixPath(raw)
    by_suffix = {v: k for k, v in SUFFIXES.items()}
    suffix = name.suffix.lower()
    if suffix in by_suffix:
        named = by_suffix[suffix]
        if fmt_given and fmt != named:
            raise BadInput(
                f"output_path {raw!r} ends in {suffix} but format is {fmt!r}",
                hint=f"name the file …{SUFFIXES[fmt]}, or leave format unset (the suffix gives it)",
                code="format_mismatch",
                # the file's name is the more specific word ('export to faq.csv' with a planned
                # jsonl default): the suffix's format is the one candidate, an evident repair
                details=candidate_details("format", [named], "not_found", value=fmt, path=raw),
            )
        return raw, named
    if not suffix:
        return raw + SUFFIXES[fmt], fmt
    order = [fmt, *(f for f in FORMATS if f != fmt)] if fmt_given else list(FORMATS)
    stem = raw[: len(raw) - len(name.suffix)]
    raise BadInput(
        f"cannot tell the format of output_path {raw!r} from its suffix {name.suffix!r}",
        hint="end the file name with .jsonl, .csv or .parquet",
        code="unknown_format",
        details=candidate_details(
            "output_path",
            [stem + SUFFIXES[f] for f in (order[:1] if fmt_given else order)],
            "not_found",
            value=raw,
        ),
    )


def split_file(raw: str, split: str | None) -> str:
    """The file of one split beside `raw`: 'qa/handbook.jsonl', 'train' → 'qa/handbook_train.jsonl'."""
    if split is None:
        return raw
    name = PurePosixPath(raw)
    parent = raw[: len(raw) - len(name.name)]
    return f"{parent}{name.stem}_{split}{name.suffix}"


def output_targets(raw: str, splits: list[str] | None) -> list[Target]:
    """Resolve the file(s) to write for `output_path` `raw` (one per split, beside it), each
    through the workspace's write resolver: a path out of the workspace, into a hidden or
    `.forgeflow/` folder, or through a link leading out is refused (403); a folder is a 400.
    """
    found: list[Target] = []
    for split in splits or [None]:
        text = split_file(raw, split)
        path = resolve_path(text, for_write=True)
        if path.is_dir():
            raise BadInput(
                f"output path {text!r} is a folder",
                hint="name a file to write, e.g. 'handbook_qa.jsonl'",
                code="output_is_folder",
                details={"argument": "output_path", "value": raw},
            )
        found.append((split, relative_to_workspace(path), path))
    return found


def _write_targets(
    parts: dict[str | None, list[dict[str, Any]]],
    targets: list[Target],
    fmt: str,
    fields: list[str] | None,
) -> None:
    """Write every file beside its target, then move them all in: a failure leaves none."""
    from tools.save import temp_beside

    temps: list[Path] = []
    try:
        for split, rel, _ in targets:
            temp = temp_beside(output_file(rel))
            temps.append(temp)
            write_table([_row(e, split) for e in parts[split]], temp, fmt, fields)
        for temp, (_, _, path) in zip(temps, targets, strict=True):
            os.replace(temp, path)
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)


def export_entries(
    entries: list[dict[str, Any]],
    *,
    name: str,
    folder: str,
    formats: list[str],
    splits: dict[str, float] | None,
    seed: int = 0,
    zip_name: str | None = None,
    fields: list[str] | None = None,
    targets: list[Target] | None = None,
) -> dict[str, Any]:
    """Write `entries` to `folder` (inside the workspace) in each format, split when asked.

    `fields` keeps those fields of each row, in that order (default: all). `targets` (from
    `output_targets`, one format) are the files to write instead of the folder's own names,
    one per split; no zip is made for them. Returns files (relative paths, rows, split), split
    counts, the zip (when more than one file was written to the folder) and the artifacts list.
    """
    for fmt in formats:
        if fmt not in FORMATS:
            raise BadInput(f"unknown format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")
    if not formats:
        raise BadInput("no export format given", hint=f"use one of: {', '.join(FORMATS)}")
    parts = split_by_chunk(entries, splits, seed=seed) if splits else {None: entries}
    files: list[dict[str, Any]] = []
    out_dir: Path | None = None
    if targets is not None:
        (fmt,) = formats
        _write_targets(parts, targets, fmt, fields)
        written = [(split, path, fmt) for split, _, path in targets]
    else:
        out_dir = resolve_path(folder, for_write=True)
        out_dir.mkdir(parents=True, exist_ok=True)
        stem = _safe_name(name)
        written = []
        for fmt in formats:
            for split, rows in parts.items():
                path = out_dir / (f"{stem}_{split}.{fmt}" if split else f"{stem}.{fmt}")
                write_table([_row(e, split) for e in rows], path, fmt, fields)
                written.append((split, path, fmt))
    for split, path, fmt in written:
        files.append(
            {
                "path": relative_to_workspace(path),
                "format": fmt,
                "split": split,
                "rows": len(parts[split]),
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
    if out_dir is not None and len(files) > 1:
        zip_path = out_dir / f"{_safe_name(zip_name or name)}.zip"
        with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for f in files:
                zf.write(resolve_path(f["path"]), arcname=Path(f["path"]).name)
        result["zip"] = relative_to_workspace(zip_path)
        artifacts.append({"name": zip_path.name, "path": result["zip"], "kind": "archive"})
    result["artifacts"] = artifacts
    return result
