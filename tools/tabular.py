"""Reading tables: bundled scikit-learn sets, local files (csv/tsv/parquet/jsonl), by name or path."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from errors import BadInput, ForgeflowError, NotFound, candidate_details, check_value, closest
from settings import get_settings
from store.workspace import relative_to_workspace, resolve_path

TABLE_SUFFIXES = (".csv", ".tsv", ".parquet", ".jsonl", ".json", ".csv.gz", ".tsv.gz", ".jsonl.gz")
TABLE_SUFFIX_RE = re.compile(r"\.(csv|tsv|parquet|jsonl|json)(\.gz)?$", re.I)
"""A table file's suffix, compressed or not: the one definition the planner and tools strip."""
LABEL_COLUMN_GUESSES = ("label", "labels", "target", "category", "class", "y", "sentiment")

SKLEARN_DATASETS: dict[str, str] = {
    "breast_cancer": "Breast cancer Wisconsin (diagnostic): 569 tumours, 30 numeric features, "
    "malignant vs benign",
    "iris": "Iris flowers: 150 rows, 4 measurements, 3 species",
    "wine": "Wine recognition: 178 wines, 13 chemical measurements, 3 cultivars",
    "digits": "Handwritten digits: 1,797 8x8 images as 64 pixel columns, 10 classes",
    "diabetes": "Diabetes progression: 442 patients, 10 baseline variables, regression target",
}


def _sklearn_loader(name: str) -> Callable[..., Any]:
    from sklearn import datasets

    return getattr(datasets, f"load_{name}")


def sklearn_frame(name: str) -> pd.DataFrame:
    """Load a bundled scikit-learn dataset as a frame with an `id` and a `target` column.

    Classification targets are the class names (e.g. 'malignant'), regression targets numbers.
    """
    bunch = _sklearn_loader(name)(as_frame=True)
    frame = bunch.frame.copy()
    names = getattr(bunch, "target_names", None)
    if names is not None and len(names) and name != "diabetes":
        frame["target"] = [str(names[int(i)]) for i in frame["target"]]
    frame.insert(0, "id", range(len(frame)))
    return frame


def table_stem(name: str) -> str:
    """`name` without its table suffix, folders kept ('data/x.csv.gz' → 'data/x')."""
    return TABLE_SUFFIX_RE.sub("", name)


def table_format(path: Path) -> str | None:
    """The format name for a file by its suffix, or None if it is not a table."""
    lower = path.name.lower()
    for suffix in TABLE_SUFFIXES:
        if lower.endswith(suffix):
            return suffix.lstrip(".").replace(".gz", "")
    return None


def read_table(path: Path, *, nrows: int | None = None) -> pd.DataFrame:
    """Read a table file by its suffix; a clear error for formats and files that do not parse."""
    fmt = table_format(path)
    try:
        if fmt == "csv":
            return pd.read_csv(path, nrows=nrows)
        if fmt == "tsv":
            return pd.read_csv(path, sep="\t", nrows=nrows)
        if fmt == "parquet":
            frame = pd.read_parquet(path)
            return frame.head(nrows) if nrows else frame
        if fmt == "jsonl":
            return pd.read_json(path, lines=True, nrows=nrows)
        if fmt == "json":
            frame = pd.read_json(path)
            return frame.head(nrows) if nrows else frame
    except (ValueError, OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise BadInput(
            f"could not read {path.name} as {fmt}: {exc}",
            hint="check the file is a valid table (csv, tsv, parquet, jsonl)",
        ) from None
    raise BadInput(
        f"{path.name} is not a supported table",
        hint=f"supported suffixes: {', '.join(TABLE_SUFFIXES)}",
    )


def _table_candidates() -> list[tuple[Path, Path]]:
    """(root, path) of every table-named file under the read roots, links not yet checked."""
    s = get_settings()
    found: list[tuple[Path, Path]] = []
    seen: set[Path] = set()
    for root in [s.data_dir, *s.extra_data_dirs, s.workspace]:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path in seen or table_format(path) is None:
                continue
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                continue
            seen.add(path)
            found.append((root, path))
    return found


def local_files() -> list[tuple[Path, Path]]:
    """Every table under `$FORGEFLOW_HOME/data`, FORGEFLOW_DATA_DIRS and the workspace (root, file).

    Each file went through resolve_path: a symlink leading out of the allowed folders is left
    out (a read by its name is refused the same way).
    """
    found: list[tuple[Path, Path]] = []
    for root, path in _table_candidates():
        try:
            resolved = resolve_path(path)
        except ForgeflowError:
            continue
        if resolved.is_file():
            found.append((root, path))
    return found


def load_table(
    ref: str, *, nrows: int | None = None, argument: str = "dataset"
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Load a dataset by reference: a scikit-learn name, a downloaded dataset id, or a path.

    Returns the frame and a description `{source, id, path?}`. A name that finds nothing is a
    NotFound whose details name `argument` and the closest file names as candidates.
    """
    ref = (ref or "").strip()
    check_value(ref, "dataset")
    if not ref:
        raise BadInput(
            "no dataset named", hint="name a dataset, e.g. 'breast_cancer' or 'data.csv'"
        )
    key = ref.removeprefix("sklearn:").removeprefix("sklearn/")
    if key in SKLEARN_DATASETS:
        frame = sklearn_frame(key)
        return (frame.head(nrows) if nrows else frame), {"source": "sklearn", "id": key}
    path = _find_file(ref)
    if path is not None:
        name = display_id(path)
        return read_table(path, nrows=nrows), {"source": "local", "id": name, "path": name}
    raise NotFound(
        f"dataset {ref!r} not found",
        hint="list what is available with the list_local_datasets tool; bundled sets are "
        + ", ".join(SKLEARN_DATASETS),
        details=candidate_details(argument, closest_datasets(ref), "not_found", value=ref),
    )


def display_id(path: Path) -> str:
    """A file's id as shown and taken back: relative to the workspace, else to the data folder
    it is in (never a server path; load_table finds it by that name).
    """
    rel = relative_to_workspace(path)
    if not Path(rel).is_absolute():
        return rel
    s = get_settings()
    resolved = path.resolve()
    for root in [s.data_dir, *s.extra_data_dirs]:
        try:
            return resolved.relative_to(root.resolve()).as_posix()
        except ValueError:
            continue
    return path.name


def closest_datasets(ref: str, n: int = 3) -> list[str]:
    """The local tables (workspace-relative ids) and bundled names nearest to `ref` by name."""
    by_name: dict[str, list[str]] = {}
    ids: list[str] = []
    for _, path in local_files():  # the resolver's listing: no link leading out or looping
        rel = display_id(path)
        ids.append(rel)
        by_name.setdefault(path.name, []).append(rel)
        by_name.setdefault(path.name.split(".")[0], []).append(rel)
    for name in SKLEARN_DATASETS:
        by_name.setdefault(name, []).append(name)
    found = [rel for near in closest(Path(ref).name, by_name, n) for rel in by_name[near]]
    found += closest(ref, ids, n)
    return list(dict.fromkeys(found))[:n]


def find_table_file(ref: str) -> Path | None:
    """The file a table name means (workspace, data folders, downloads), or None; refused
    paths raise as the tools would.
    """
    return _find_file(ref)


def _find_file(ref: str) -> Path | None:
    from store import datasets as dataset_store

    record = dataset_store.find_record(ref)
    if record is not None:
        main = dataset_store.main_table(record)
        if main is not None:
            return main
    s = get_settings()
    refused: ForgeflowError | None = None
    for root in [s.workspace, s.data_dir, *s.extra_data_dirs]:
        try:
            candidate = resolve_path(root / ref) if not Path(ref).is_absolute() else None
        except ForgeflowError as exc:  # a refused candidate is not read; said if nothing else is
            candidate, refused = None, refused or exc
        if candidate is not None and candidate.is_file():
            return candidate
    if Path(ref).is_absolute() or "/" in ref or ref.startswith("."):
        path = resolve_path(ref)
        if path.is_file():
            return path
        if refused is not None:
            raise refused
    for _, path in _table_candidates():
        if path.name == ref or path.stem == ref:
            # The same resolver as an explicit path: a link leading out is refused, not read.
            found = resolve_path(path, must_exist=True)
            if found.is_file():
                return found
    return None


def guess_label_column(frame: pd.DataFrame) -> str | None:
    """A column that looks like the label, by common names."""
    lower = {c.lower(): c for c in frame.columns}
    for name in LABEL_COLUMN_GUESSES:
        if name in lower:
            return lower[name]
    return None


def label_candidates(frame: pd.DataFrame, limit: int = 5) -> list[str]:
    """Columns that could be a label: few distinct values, not an id, not a probability column.

    Common label names first, then by how few distinct values they hold (2 or more).
    """
    rows = max(len(frame), 1)
    found: list[tuple[int, int, str]] = []
    for col in frame.columns:
        name = str(col)
        low = name.lower()
        if low.startswith("prob_") or low in ("id", "row_id", "uid") or low.endswith("_id"):
            continue
        try:
            distinct = int(frame[col].nunique(dropna=True))
        except TypeError:  # unhashable cells (lists, dicts) are no labels
            continue
        if distinct < 2 or distinct > min(50, max(2, rows // 2)):
            continue
        named = 0 if low in LABEL_COLUMN_GUESSES else 1
        found.append((named, distinct, name))
    return [name for *_, name in sorted(found)][:limit]


def write_sample_task(folder: Path, *, hand_labels: int = 50, seed: int = 0) -> dict[str, Any]:
    """Write the bundled weak-supervision task: a pool with a few hand labels and a test split.

    From scikit-learn's breast-cancer data: 70% of the rows form `bc_pool.csv`, whose `label`
    is filled in for `hand_labels` rows only; the other 30% form `bc_test.csv` with every
    label, which neither labeling nor training sees.
    """
    import numpy as np

    frame = sklearn_frame("breast_cancer").rename(columns={"target": "label"})
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(frame))
    cut = int(0.7 * len(frame))
    pool = frame.iloc[np.sort(order[:cut])].reset_index(drop=True)
    test = frame.iloc[np.sort(order[cut:])].reset_index(drop=True)
    keep = rng.choice(len(pool), size=min(hand_labels, len(pool)), replace=False)
    pool["label"] = pool["label"].where(pool.index.isin(keep))
    folder.mkdir(parents=True, exist_ok=True)
    pool.to_csv(folder / "bc_pool.csv", index=False)
    test.to_csv(folder / "bc_test.csv", index=False)
    return {
        "pool": str(folder / "bc_pool.csv"),
        "test": str(folder / "bc_test.csv"),
        "pool_rows": len(pool),
        "hand_labels": int(pool["label"].notna().sum()),
        "test_rows": len(test),
    }
