"""split_table: split a table's rows into train / validation (/ test) files, stratified or not."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import pandas as pd
from pydantic import Field

from errors import (
    INT64_MAX,
    BadInput,
    column_not_found,
)
from store.outputs import record, refuse_replacing
from store.workspace import (
    free_names,
    output_file,
    relative_to_workspace,
    resolve_path,
)
from tools.base import ToolContext, ToolInput, tool
from tools.save import (
    SAVE_SUFFIX,
    SaveFormat,
    source_table,
    target_name,
    temp_beside,
    write_frame,
)
from tools.tabular import find_table_file, table_format, table_stem

MAX_SPLITS = 3
"""train, validation and test: a fourth split is refused (nothing in forgeflow reads one)."""
DEFAULT_NAMES = {2: ("train", "validation"), 3: ("train", "validation", "test")}
TINY_SPLIT_ROWS = 10
"""A split with fewer rows than this (but not none) is named in the warnings."""
SUM_TOLERANCE = 1e-6
"""How far from 1 (fractions) or 100 (percentages, scaled) the given shares may sum."""
CLASSES_NAMED = 5
"""At most this many small classes are named in the fallback's warning."""

Fraction = Annotated[float, Field(gt=0, le=100, allow_inf_nan=False)]
SplitName = Annotated[
    str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
]
OutputPath = Annotated[str, Field(min_length=1, max_length=1000)]


class SplitTableInput(ToolInput):
    """Arguments of split_table."""

    dataset: str = Field(
        min_length=1,
        max_length=1000,
        description="The table to split: a workspace file, a dataset id, a bundled name, or an "
        "earlier output folder (its main table).",
    )
    fractions: list[Fraction] = Field(
        default=[0.8, 0.2],
        min_length=2,
        max_length=MAX_SPLITS,
        description="Each split's share of the rows, 2 or 3 numbers summing to 1 (e.g. [0.8, 0.2] "
        "or [0.7, 0.15, 0.15]); numbers summing to 100 are read as percentages ([80, 20]).",
    )
    names: list[SplitName] | None = Field(
        default=None,
        min_length=2,
        max_length=MAX_SPLITS,
        description="The splits' names, one per fraction (letters, digits, '_' and '-'); unset: "
        "train, validation (and test for three).",
    )
    paths: list[OutputPath] | None = Field(
        default=None,
        min_length=2,
        max_length=MAX_SPLITS,
        description="The files to write, one per split, relative to the workspace; unset: "
        "'<stem>_<name>.<format>' beside the source (a bundled set: 'exports/<name>_<split>').",
    )
    stratify_column: str | None = Field(
        default=None,
        min_length=1,
        max_length=1000,
        description="Keep this column's class shares in every split (usually the label); a "
        "class with fewer rows than there are splits makes it a plain random split, with a warning.",
    )
    seed: int = Field(
        default=0,
        ge=0,
        le=INT64_MAX,
        description="The shuffle's seed: the same seed splits the same table the same way.",
    )
    format: SaveFormat | None = Field(
        default=None,
        description="csv, jsonl or parquet for every split (default: each path's suffix, else "
        "the source's format; csv for a bundled set or a tsv/json source).",
    )
    overwrite: bool = Field(
        default=False,
        description="Replace files that split_table did not write itself (refused otherwise).",
    )


def shares(values: Sequence[float]) -> list[float]:
    """The fractions as shares of 1: numbers summing to 1, or to 100 (percentages); else a 400."""
    total = math.fsum(values)
    if abs(total - 1.0) <= SUM_TOLERANCE or abs(total / 100.0 - 1.0) <= SUM_TOLERANCE:
        return [v / total for v in values]
    raise BadInput(
        f"fractions {list(values)} sum to {total:g}, not 1",
        hint="give shares summing to 1 (e.g. [0.8, 0.2], [0.7, 0.15, 0.15]) or percentages "
        "summing to 100 ([80, 20])",
        code="fractions_sum",
        details={"argument": "fractions", "value": list(values), "sum": total},
    )


def split_counts(n: int, fractions: Sequence[float]) -> list[int]:
    """`n` rows shared by `fractions` (summing to 1), each rounded down, the rows left over
    given to the largest remainders (ties: the earlier split): the counts sum to `n`.
    """
    ideal = [n * f for f in fractions]
    counts = [math.floor(x) for x in ideal]
    order = sorted(range(len(ideal)), key=lambda i: (counts[i] - ideal[i], i))
    for i in order[: n - sum(counts)]:
        counts[i] += 1
    return counts


def _cells(sizes: np.ndarray, fractions: Sequence[float], totals: Sequence[int]) -> np.ndarray:
    """Rows per (class, split): each class shared by `fractions`, each split holding exactly
    `totals[i]` rows. Rounded down, then the leftover rows go first where a class has none yet,
    then to the largest remainders, within what each class and split still needs.
    """
    ideal = sizes[:, None] * np.asarray(fractions)[None, :]
    cells = np.floor(ideal).astype(np.int64)
    need_class = sizes - cells.sum(axis=1)
    need_split = np.asarray(totals, dtype=np.int64) - cells.sum(axis=0)
    remainder = ideal - cells
    flat = np.lexsort((-remainder.ravel(), cells.ravel() > 0))  # empty cells first, then largest
    k = len(fractions)
    for index in flat:
        c, i = divmod(int(index), k)
        if need_class[c] > 0 and need_split[i] > 0:
            cells[c, i] += 1
            need_class[c] -= 1
            need_split[i] -= 1
    for c in np.flatnonzero(need_class > 0):  # what the one-per-cell pass could not place
        for i in range(k):
            take = int(min(need_class[c], need_split[i]))
            cells[c, i] += take
            need_class[c] -= take
            need_split[i] -= take
    return cells


def assign_rows(
    n: int,
    fractions: Sequence[float],
    seed: int,
    classes: np.ndarray | None = None,
) -> list[np.ndarray]:
    """The row positions of each split, in the table's order; every row in exactly one split.

    Shuffled with `seed`; with `classes` (each row's class code, 0..k-1, as `class_codes`
    gives) each class is shared by the fractions too.
    """
    rng = np.random.default_rng(seed)
    totals = split_counts(n, fractions)
    parts: list[list[np.ndarray]] = [[] for _ in fractions]
    if classes is None:
        shuffled = rng.permutation(n)
        bounds = np.cumsum([0, *totals])
        for i in range(len(fractions)):
            parts[i].append(shuffled[bounds[i] : bounds[i + 1]])
    else:
        sizes = np.bincount(classes)
        cells = _cells(sizes, fractions, totals)
        by_class = np.argsort(classes, kind="stable")
        starts = np.cumsum([0, *sizes])
        for c in range(len(sizes)):
            members = rng.permutation(by_class[starts[c] : starts[c + 1]])
            bounds = np.cumsum([0, *cells[c]])
            for i in range(len(fractions)):
                parts[i].append(members[bounds[i] : bounds[i + 1]])
    return [np.sort(np.concatenate(p)) if p else np.array([], dtype=np.int64) for p in parts]


def class_codes(column: pd.Series, name: str) -> tuple[np.ndarray, list[str]]:
    """Each row's class code (in order of first appearance; missing values one class of their
    own) and the classes' names; a 400 for a column of lists or objects.
    """
    try:
        codes, uniques = pd.factorize(column, use_na_sentinel=False)
    except TypeError:  # lists or dicts in the cells (a jsonl field): no classes to keep
        raise BadInput(
            f"column {name!r} holds lists or objects, not classes",
            hint="stratify by a column of labels or categories",
            code="not_classes",
            details={"argument": "stratify_column", "value": name},
        ) from None
    return codes, ["missing" if pd.isna(u) else str(u) for u in uniques]


def _small_classes(codes: np.ndarray, names: list[str], splits: int) -> list[tuple[str, int]]:
    """(class, rows) of each class with fewer rows than there are splits, smallest first."""
    sizes = np.bincount(codes, minlength=len(names))
    small = sorted((int(sizes[c]), c) for c in np.flatnonzero(sizes < splits))
    return [(names[c], size) for size, c in small]


def _names(args: SplitTableInput, splits: int) -> list[str]:
    if args.names is None:
        return list(DEFAULT_NAMES[splits])
    if len(args.names) != splits:
        raise BadInput(
            f"{len(args.names)} names for {splits} fractions",
            hint="give one name per fraction, or leave names unset",
            code="names_count",
            details={"argument": "names", "value": args.names},
        )
    folded = [n.casefold() for n in args.names]
    if len(set(folded)) != len(folded):
        raise BadInput(
            f"split names repeat: {args.names}",
            hint="give each split its own name",
            code="duplicate_names",
            details={"argument": "names", "value": args.names},
        )
    return list(args.names)


def _default_format(origin: dict[str, Any]) -> SaveFormat:
    fmt = table_format(Path(str(origin["id"]))) if origin.get("source") == "local" else None
    return fmt if fmt in SAVE_SUFFIX else "csv"  # type: ignore[return-value]


def _default_paths(origin: dict[str, Any], names: list[str], fmt: SaveFormat) -> list[str]:
    """`<stem>_<name>.<format>` beside the source; a bundled set's under `exports/`."""
    source = str(origin["id"])
    if origin.get("source") == "local":
        stem = table_stem(source)
    else:
        stem = f"exports/{Path(source).name or 'table'}"
    return [f"{stem}_{name}{SAVE_SUFFIX[fmt]}" for name in names]


def _source_file(origin: dict[str, Any]) -> Path | None:
    """The file the rows were read from (None for a bundled set)."""
    if origin.get("source") != "local":
        return None
    found = find_table_file(str(origin["id"]))
    return found.resolve() if found is not None else None


def _check_folder(path: Path, raw: str) -> None:
    """Refuse a target that is a folder, or whose folder would have to be where a file is."""
    if path.is_dir() or raw.endswith(("/", os.sep)):
        raise BadInput(
            f"output path {raw!r} is a folder",
            hint="name a file to write, e.g. 'out/train.csv'",
            code="output_is_folder",
            details={"argument": "paths", "value": raw},
        )
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise BadInput(
                    f"{raw!r} needs a folder where a file already is",
                    hint="choose another output path",
                    code="output_is_file",
                    details={"argument": "paths", "value": raw},
                )
            return


def _targets(
    raws: list[str],
    fmt: SaveFormat | None,
    source: Path | None,
    overwrite: bool,
) -> list[tuple[str, Path, SaveFormat]]:
    """(workspace path, resolved file, format) of each split: every check made before any
    write, so a refused call leaves nothing behind (not even a folder).
    """
    found: list[tuple[str, Path, SaveFormat]] = []
    for raw in raws:
        name, file_fmt = target_name(raw, fmt)
        path = resolve_path(name, for_write=True)
        _check_folder(path, name)
        rel = relative_to_workspace(path)
        if source is not None and path == source:
            raise BadInput(
                f"{rel} is the table being split",
                hint="write the splits to other files (unset paths: '<name>_train.<ext>' beside it)",
                code="output_is_source",
                details={"argument": "paths", "value": raw},
            )
        if any(path == other for _, other, _ in found):
            raise BadInput(
                f"two splits would be written to {rel}",
                hint="give each split its own path",
                code="duplicate_paths",
                details={"argument": "paths", "value": raws},
            )
        found.append((rel, path, file_fmt))
    if not overwrite:
        _refuse_theirs(found)
    return found


def _refuse_theirs(found: list[tuple[str, Path, SaveFormat]]) -> None:
    """A 409 naming every target that exists and that split_table did not write (the person's),
    with free names for them beside the others (`consent_details`); nothing when none.
    """
    rels = [rel for rel, _, _ in found]

    def suggested(theirs: list[str]) -> list[str]:
        renamed = dict(zip(theirs, free_names(theirs, avoid=rels), strict=True))
        return [renamed.get(r, r) for r in rels]

    refuse_replacing(
        "paths",
        rels,
        rels,
        tool="split_table",
        overwrite=False,
        suggested=suggested,
    )


def _write_all(frames: list[pd.DataFrame], targets: list[tuple[str, Path, SaveFormat]]) -> None:
    """Write every split beside its target, then move them all in: a failure leaves none."""
    temps: list[Path] = []
    try:
        for frame, (rel, _, fmt) in zip(frames, targets, strict=True):
            path = output_file(rel)
            temp = temp_beside(path)
            temps.append(temp)
            write_frame(frame, temp, fmt)
        for temp, (_, path, _) in zip(temps, targets, strict=True):
            os.replace(temp, path)
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)


def _size_warnings(
    names: list[str], counts: list[int], n: int, fractions: list[float]
) -> list[str]:
    found = []
    for name, count, share in zip(names, counts, fractions, strict=True):
        if count == 0:
            found.append(
                f"the {name} split is empty ({n} rows × {share:.4g} rounds to 0): give it a "
                "larger fraction or split a larger table"
            )
        elif count < TINY_SPLIT_ROWS:
            found.append(f"the {name} split has only {count} row(s)")
    return found


def _absent_classes(
    classes: np.ndarray,
    class_names: list[str],
    names: list[str],
    positions: list[np.ndarray],
    column: str | None,
) -> list[str]:
    """A warning for each non-empty split that a class has no row in (its share rounds to 0)."""
    found = []
    for name, rows in zip(names, positions, strict=True):
        if not len(rows):
            continue
        absent = np.setdiff1d(np.arange(len(class_names)), classes[rows])
        if len(absent):
            shown = ", ".join(repr(class_names[c]) for c in absent[:CLASSES_NAMED])
            more = ", …" if len(absent) > CLASSES_NAMED else ""
            found.append(
                f"the {name} split has no row of {column!r} = {shown}{more} (too few rows to share)"
            )
    return found


@tool(SplitTableInput, tags=("datasets", "export"))
def split_table(args: SplitTableInput, ctx: ToolContext) -> dict[str, Any]:
    """Split a table's rows into a train and a validation file (and a test file), e.g. 80/20.

    Every row lands in exactly one split, in the table's order; which one is drawn with `seed`
    (the same seed, the same split). `stratify_column` keeps that column's class shares in
    every split (a plain random split, with a warning, when a class has fewer rows than there
    are splits). The files go beside the source as '<stem>_<name>.<format>' unless `paths`
    names them, inside the workspace; a file split_table did not write itself is replaced only
    with overwrite=true. Returns the paths and row counts per split, the columns, the column
    stratified by, the seed and warnings (an empty or tiny split).
    """
    fractions = shares(args.fractions)
    splits = len(fractions)
    names = _names(args, splits)
    if args.paths is not None and len(args.paths) != splits:
        raise BadInput(
            f"{len(args.paths)} paths for {splits} fractions",
            hint="give one path per split, or leave paths unset",
            code="paths_count",
            details={"argument": "paths", "value": args.paths},
        )
    frame, origin = source_table(args.dataset)
    source = str(origin["id"])
    if frame.empty:
        raise BadInput(
            f"{source} has no rows to split",
            hint="split a table that has rows",
            code="empty_table",
            details={"argument": "dataset", "value": source},
        )
    columns = [str(c) for c in frame.columns]
    warnings: list[str] = []
    classes: np.ndarray | None = None
    if args.stratify_column is not None:
        if args.stratify_column not in columns:
            raise column_not_found(
                args.stratify_column, columns, argument="stratify_column", what="stratify"
            )
        column = frame[frame.columns[columns.index(args.stratify_column)]]
        classes, class_names = class_codes(column, args.stratify_column)
        small = _small_classes(classes, class_names, splits)
        if small:
            named = [f"{k!r} ({v} row{'s' if v != 1 else ''})" for k, v in small]
            shown = ", ".join(named[:CLASSES_NAMED]) + (", …" if len(named) > CLASSES_NAMED else "")
            warnings.append(
                f"not stratified: {len(small)} class(es) of {args.stratify_column!r} have fewer "
                f"rows than the {splits} splits ({shown}); the rows were split at random"
            )
            classes = None
    if args.paths is not None:
        raws = list(args.paths)  # each path's suffix gives its format, unless format is set
    else:
        raws = _default_paths(origin, names, args.format or _default_format(origin))
    targets = _targets(raws, args.format, _source_file(origin), args.overwrite)

    ctx.progress(f"splitting {len(frame)} rows into {', '.join(names)}", 0.2)
    positions = assign_rows(len(frame), fractions, args.seed, classes)
    parts = [frame.iloc[p].reset_index(drop=True) for p in positions]
    counts = [len(p) for p in parts]
    warnings += _size_warnings(names, counts, len(frame), fractions)
    if classes is not None:
        warnings += _absent_classes(classes, class_names, names, positions, args.stratify_column)
    ctx.progress("writing the splits", 0.6)
    _write_all(parts, targets)
    rels = [rel for rel, _, _ in targets]
    record(rels, tool="split_table", run_id=ctx.run_id)
    ctx.progress("split", 1.0)
    return {
        "paths": dict(zip(names, rels, strict=True)),
        "rows": dict(zip(names, counts, strict=True)),
        "fractions": {n: round(f, 6) for n, f in zip(names, fractions, strict=True)},
        "formats": {n: f for n, (_, _, f) in zip(names, targets, strict=True)},
        "columns": columns,
        "dataset": source,
        "stratified_by": args.stratify_column if classes is not None else None,
        "seed": args.seed,
        "warnings": warnings,
        "artifacts": [
            {"name": name, "path": rel, "kind": "table"}
            for name, rel in zip(names, rels, strict=True)
        ],
    }
