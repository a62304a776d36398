"""save_table: write a workspace table or an earlier output as csv, jsonl or parquet."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from pydantic import Field

from errors import BadInput, ForgeflowError, candidate_details
from store.outputs import record, refuse_replacing
from store.workspace import output_file, relative_to_workspace, resolve_path
from tools.base import ToolContext, ToolInput, tool
from tools.local import Where, filtered_rows, where_field
from tools.tabular import load_table, table_format

SaveFormat = Literal["csv", "jsonl", "parquet"]
SAVE_SUFFIX = {"csv": ".csv", "jsonl": ".jsonl", "parquet": ".parquet"}
# The main table of an output folder, by the tools that write one.
_MAIN_TABLES = ("labeled.parquet", "predictions.parquet", "scores.parquet")


class SaveTableInput(ToolInput):
    """Arguments of save_table."""

    dataset: str = Field(
        min_length=1,
        max_length=1000,
        description="The table to save: a workspace file, a dataset id, a bundled name, or an "
        "earlier output (a labeling folder saves its labeled rows).",
    )
    path: str | None = Field(
        default=None,
        min_length=1,
        max_length=1000,
        description="The file to write, relative to the workspace (e.g. 'reviews_labeled.csv'); "
        "unset: the dataset's name with the format's suffix, beside it ('convert orders.jsonl "
        "to csv' writes orders.csv).",
    )
    format: SaveFormat | None = Field(
        default=None, description="csv, jsonl or parquet (default: from the path's suffix)."
    )
    overwrite: bool = Field(
        default=False,
        description="Replace a file that save_table did not write itself (refused otherwise).",
    )
    where: Where | None = where_field()
    run_columns: bool = Field(
        default=False,
        description="Keep a labeling run's own columns (label, prob_<class>, covered, "
        "label_source, <x>_filled, <x>_source) when saving a run that filled in a partly filled "
        "column <x>; by default that table is saved as the person's own columns with <x> filled in.",
    )


def _default_path(source: str, fmt: SaveFormat | None) -> str:
    """`<source's folder>/<its stem>.<fmt>` (a bundled set or an output folder: `exports/`)."""
    if fmt is None:
        raise BadInput(
            "say where to save it or in which format",
            hint="set path (e.g. 'out/table.csv') or format (csv, jsonl, parquet)",
            details=candidate_details("format", list(SAVE_SUFFIX), "missing"),
        )
    where = Path(source)
    if table_format(where) is None:  # a bundled set or a dataset id: no file of its own
        return f"exports/{where.name or 'table'}{SAVE_SUFFIX[fmt]}"
    stem = where.name
    for suffix in (".gz", ".parquet", ".csv", ".tsv", ".jsonl", ".json"):
        stem = stem.removesuffix(suffix)
    return (where.parent / f"{stem}{SAVE_SUFFIX[fmt]}").as_posix()


def source_table(ref: str) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The rows of `ref` (a table, or the main table of an output folder) and load_table's
    description of where they came from (`source`, `id`).
    """
    try:
        folder = resolve_path(ref)
    except ForgeflowError:
        folder = None
    if folder is not None and folder.is_dir():
        tables = [folder / name for name in _MAIN_TABLES if (folder / name).is_file()]
        if not tables:
            tables = sorted(p for p in folder.iterdir() if p.is_file() and table_format(p))
        if len(tables) != 1:
            names = [relative_to_workspace(p) for p in tables]
            raise BadInput(
                f"{ref!r} is a folder with {len(tables)} tables; name the file to save",
                hint="tables in it: " + (", ".join(names) or "(none)"),
                details=candidate_details(
                    "dataset", names, "ambiguous" if names else "not_found", value=ref
                ),
            )
        ref = relative_to_workspace(tables[0])
    return load_table(ref)


def target_name(raw: str, fmt: SaveFormat | None) -> tuple[str, SaveFormat]:
    """The file name to write and its format: from the suffix, or `fmt` (added when missing)."""
    suffix_fmt = table_format(Path(raw))
    if fmt is None:
        if suffix_fmt not in SAVE_SUFFIX:
            raise BadInput(
                f"cannot tell the format of {raw!r} from its name",
                hint="end the path with .csv, .jsonl or .parquet, or set format",
                code="unknown_format",
            )
        fmt = suffix_fmt  # type: ignore[assignment]
    elif suffix_fmt is None:
        raw = raw + SAVE_SUFFIX[fmt]
    elif suffix_fmt != fmt or raw.lower().endswith(".gz"):
        raise BadInput(
            f"the path {raw!r} does not end in {SAVE_SUFFIX[fmt]} (format {fmt})",
            hint=f"name the file …{SAVE_SUFFIX[fmt]}, or leave format unset",
            code="format_mismatch",
        )
    return raw, fmt  # type: ignore[return-value]


def _target(raw: str, fmt: SaveFormat | None) -> tuple[Path, SaveFormat]:
    name, fmt = target_name(raw, fmt)
    return output_file(name), fmt


def temp_beside(path: Path) -> Path:
    """A new empty hidden file beside `path` that a table is written to before it is moved
    onto `path`; created exclusively, so it is never a link or a file that was already there.
    """
    for _ in range(100):  # a random name taken 100 times over is a bug, not bad luck
        temp = path.with_name(f".{path.name[:100]}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:  # O_EXCL: refused where anything (a link too) already is; the umask's mode
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return temp
    raise FileExistsError(f"no free temporary name beside {path}")


def write_frame(frame: pd.DataFrame, path: Path, fmt: SaveFormat) -> None:
    """Write `frame` to `path` as `fmt` (csv, jsonl or parquet), without its index."""
    if fmt == "csv":
        frame.to_csv(path, index=False)
    elif fmt == "jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        frame.to_parquet(path, index=False)


def _write(frame: pd.DataFrame, path: Path, fmt: SaveFormat) -> None:
    """Write to a temporary file beside `path`, then move it in: no half-written file is left."""
    temp = temp_beside(path)
    try:
        write_frame(frame, temp, fmt)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


@tool(SaveTableInput, tags=("datasets", "export"))
def save_table(args: SaveTableInput, ctx: ToolContext) -> dict[str, Any]:
    """Save a table (a workspace file or an earlier output) to a file as csv, jsonl or parquet.

    The path is inside the workspace (unset: the dataset's name with the format's suffix,
    beside it). A labeling run that filled in a partly filled column is saved as the person's
    own columns with that column filled in (run_columns=true keeps the run's columns). A file
    that save_table did not write itself (the person's data, another tool's output) is replaced
    only with overwrite=true. Returns the path written, its rows and columns.
    """
    frame, origin = source_table(args.dataset)
    source = str(origin["id"])
    filled: list[str] = []
    left_out: list[str] = []
    if not args.run_columns:
        from tools.labeling.outputs import filled_pairs, labeled_meta, person_table

        meta = labeled_meta(frame)
        mine = person_table(frame, meta)
        if mine is not None:
            filled = [p["from"] for p in filled_pairs(frame, meta)]
            left_out = [str(c) for c in frame.columns if c not in mine.columns]
            frame = mine
    frame, filtered = filtered_rows(frame, args.where)  # 'save only the manual reads'
    path, fmt = _target(args.path or _default_path(source, args.format), args.format)
    rel = relative_to_workspace(path)
    if path.is_dir():
        raise BadInput(f"{args.path!r} is a folder", hint="name a file to write")
    refuse_replacing("path", rel, [rel], tool="save_table", overwrite=args.overwrite)
    ctx.progress(f"writing {len(frame)} rows to {rel}", 0.5)
    _write(frame, path, fmt)
    record([rel], tool="save_table", run_id=ctx.run_id)
    ctx.progress("saved", 1.0)
    return {
        "path": rel,
        "format": fmt,
        "rows": int(len(frame)),
        "columns": [str(c) for c in frame.columns],
        "dataset": source,
        "artifacts": [{"name": Path(rel).name, "path": rel, "kind": "table"}],
        **({"filled": filled, "left_out": left_out} if filled else {}),
        **({"filtered": filtered} if filtered else {}),
    }
