"""Writing labeling artifacts: labeled parquet, LF set JSON, LF summary table and its chart.

Each file is written to a temporary name in its folder and renamed over the old one, so a
rerun step never leaves a half-written file behind a fixed path.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from store.workspace import output_folder, relative_to_workspace


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`; on success it replaces `path` in one step (os.replace).

    A step killed or failing mid-write leaves the previous file whole (and no partial file
    under the real name); the temporary file is removed on failure. It keeps `path`'s suffix,
    since some writers (matplotlib) pick the format from it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def file_stem(dataset: str) -> str:
    """A short folder-name stem for a dataset reference (its file name without suffixes)."""
    from tools.tabular import table_stem

    name = table_stem(dataset.rstrip("/").rsplit("/", 1)[-1])
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:60] or "data"


def output_dir(requested: str | None, default_name: str) -> Path:
    """A folder inside the workspace for this run's artifacts (created)."""
    return output_folder(requested or f"labeling/{default_name}")


def artifact(name: str, path: Path, kind: str) -> dict[str, str]:
    """One entry of an output's "artifacts" list."""
    return {"name": name, "path": relative_to_workspace(path), "kind": kind}


def write_labeled(
    path: Path,
    frame: pd.DataFrame,
    id_column: str,
    classes: list[str],
    probs: np.ndarray,
    covered: np.ndarray,
    source: np.ndarray,
    label_name: str | None = None,
    fill_from: str | None = None,
) -> dict[str, Any] | None:
    """The labeled-data contract: id, label, prob_<class>..., covered, label_source, originals.

    The hand labels' column name (`label_name`, e.g. `income`) and the classes are stored in the
    parquet's metadata (pandas `attrs`, key `forgeflow`), so training and evaluation find a
    test file's label column by that name. With `fill_from` (the data's own, partly filled
    label column), `<column>_filled` and `<column>_source` follow that column (see
    `add_filled`); their names are returned and stored in the metadata under `filled`.
    """
    out = pd.DataFrame({"id": frame[id_column].to_numpy()})
    out["label"] = np.asarray(classes, dtype=object)[probs.argmax(axis=1)]
    for i, c in enumerate(classes):
        out[f"prob_{c}"] = probs[:, i].astype(float)
    out["covered"] = covered.astype(bool)
    out["label_source"] = source.astype(str)
    renamed: dict[str, str] = {}
    for col in frame.columns:
        if col == id_column and id_column == "id":
            continue
        name = col if col not in out.columns else f"{col}_original"
        renamed[col] = name
        out[name] = frame[col].to_numpy()
    filled = None
    if fill_from is not None and fill_from in renamed:
        filled = add_filled(out, renamed[fill_from], out["label"], list(classes))
        if filled is not None:
            filled["named"] = fill_from  # the person's own name for it ('label', not its copy's)
    meta: dict[str, Any] = {"label_name": label_name, "classes": list(classes)}
    # The person's own columns, in their order (a save of the filled-in table gives them back).
    meta["columns"] = [str(c) for c in frame.columns]
    meta["renamed"] = {str(k): str(v) for k, v in renamed.items() if k != v}
    meta["id_column"] = str(id_column)
    if filled is not None:
        meta["filled"] = filled
    out.attrs["forgeflow"] = meta
    with replacing(path) as tmp:
        out.to_parquet(tmp, index=False)
    return filled


FILLED_SUFFIX, SOURCE_SUFFIX = "_filled", "_source"
HAND, WEAK = "hand", "weak"
"""The values of `<column>_source`: the person's own (or corrected) label, or the run's."""


def add_filled(
    table: pd.DataFrame, column: str, labels: pd.Series, classes: list[str] | None = None
) -> dict[str, Any] | None:
    """Put `<column>_filled` (the person's own value where the cell is filled, else the row's
    label) and `<column>_source` ('hand' / 'weak') right after `column`, in place. A person's
    value that differs from one of `classes` only by case or outer spaces is written as that
    class ('history' → 'History'), as the run counted it.

    The person's column itself is never changed: it stays the record of which rows they
    labelled, which the workbench and a rerun read as the hand labels. Names already taken get
    a number (`team_filled_2`). Returns {"from", "column", "source", "hand", "weak"} (names and
    row counts), or None when `column` is absent.
    """
    if column not in table.columns:
        return None
    own = table[column]
    given = own.notna() & own.astype("string").str.strip().fillna("").ne("")
    cells = own.map(_cell_text)
    if classes:
        from tools.labeling.gold import fold_spellings

        cells = fold_spellings(cells, [str(c) for c in classes])[0]
    values = np.where(given.to_numpy(), cells.to_numpy(), labels.to_numpy())
    names: dict[str, Any] = {"from": column}
    at = table.columns.get_loc(column) + 1
    for key, suffix, data in (
        ("column", FILLED_SUFFIX, values.astype(object)),
        ("source", SOURCE_SUFFIX, np.where(given.to_numpy(), HAND, WEAK).astype(object)),
    ):
        name, n = f"{column}{suffix}", 2
        while name in table.columns:
            name, n = f"{column}{suffix}_{n}", n + 1
        table.insert(at, name, data)
        names[key] = name
        at += 1
    return {**names, "hand": int(given.sum()), "weak": int((~given).sum())}


def _cell_text(value: Any) -> Any:
    """A filled cell as the class name the run used for it (1.0 -> '1'); blanks untouched."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def filled_pairs(table: pd.DataFrame, meta: dict[str, Any] | None = None) -> list[dict[str, str]]:
    """The filled-label columns a labeling run added beside the person's own label column:
    [{"from": their column, "column": `<x>_filled`, "source": `<x>_source`}].

    From the labeled file's metadata when it has it; else (a copy saved as CSV loses it) from
    the columns themselves: `<x>`, `<x>_filled` and `<x>_source` all present, `<x>_source` holding
    only the run's marks ('hand' / 'weak', no blank) and 'hand' wherever `<x>` is filled. A table
    that merely uses such names keeps them as its own columns.
    """
    names = {str(c) for c in table.columns}
    filled = (meta or {}).get("filled")
    if isinstance(filled, dict):
        pair = {k: str(filled.get(k)) for k in ("from", "column", "source")}
        return [pair] if {pair["column"], pair["source"]} <= names else []
    out = []
    for name in sorted(names):
        stem = name.removesuffix(SOURCE_SUFFIX)
        column = f"{stem}{FILLED_SUFFIX}"
        if stem == name or stem not in names or column not in names:
            continue
        if _marks_of_a_run(table[stem], table[name]):
            out.append({"from": stem, "column": column, "source": name})
    return out


def _marks_of_a_run(own: pd.Series, source: pd.Series) -> bool:
    """Whether `source` is what add_filled writes beside `own`."""
    if isinstance(own, pd.DataFrame) or isinstance(source, pd.DataFrame) or source.empty:
        return False  # a duplicated column name: not a run's output
    if source.isna().any() or not source.astype(str).isin((HAND, WEAK)).all():
        return False
    given = own.notna() & own.astype("string").str.strip().fillna("").ne("")
    return bool((source[given].astype(str) == HAND).all())


def filled_marks(table: pd.DataFrame, meta: dict[str, Any] | None = None) -> set[str]:
    """The names of filled_pairs' `<x>_filled` and `<x>_source` columns. They are outputs,
    never features: `<x>_filled` is the label itself and `<x>_source` only says who labelled a
    row.
    """
    return {p[k] for p in filled_pairs(table, meta) for k in ("column", "source")}


CONTRACT_HEAD = ("id", "label")
"""The first columns of a labeling run's output; its own columns end with `label_source`."""


def person_table(frame: pd.DataFrame, meta: dict[str, Any] | None = None) -> pd.DataFrame | None:
    """A labeling run's output that filled in the person's partly filled column `x`, as the
    person's own table: their columns in their order, `x` holding the filled-in values
    (`x_filled`: their own label where they gave one, the run's elsewhere), without the run's
    columns (`label`, `prob_<class>`, `covered`, `label_source`, `x_filled`, `x_source`). None
    when the table filled no column (it is saved as it is).
    """
    pairs = filled_pairs(frame, meta)
    if not pairs:
        return None
    names = [str(c) for c in frame.columns]
    meta = meta or {}
    own = meta.get("columns")
    renamed = meta.get("renamed") if isinstance(meta.get("renamed"), dict) else {}
    if isinstance(own, list) and own:
        # the person's column `id` is the run's first column (the run keeps no copy of it)
        where = {c: renamed.get(c, c) for c in own}
        if meta.get("id_column") == "id" and "id" in own:
            where["id"] = "id"
    else:  # a copy saved without its metadata: the person's columns follow `label_source`
        tail = names[names.index("label_source") + 1 :] if "label_source" in names else names
        if tuple(names[:2]) != CONTRACT_HEAD:
            tail = names
        marks = {p[k] for p in pairs for k in ("column", "source")}
        own = [c.removesuffix("_original") if c.endswith("_original") else c for c in tail]
        where = {o: t for o, t in zip(own, tail, strict=True) if t not in marks}
        own = [o for o in own if o in where]
    if frame.columns.duplicated().any() or not all(where.get(c) in names for c in own):
        return None  # repeated column names: no one reading of the person's columns
    out = pd.DataFrame({c: frame[where[c]].to_numpy() for c in own}, index=frame.index)
    for pair in pairs:
        person = next((c for c in own if where[c] == pair["from"]), None)
        if person is not None:
            out[person] = frame[pair["column"]].to_numpy()
    return out


def labeled_meta(frame: pd.DataFrame) -> dict[str, Any]:
    """What write_labeled stored about a labeled output ({} for any other table)."""
    meta = frame.attrs.get("forgeflow")
    return dict(meta) if isinstance(meta, dict) else {}


def write_json(path: Path, data: Any) -> None:
    """Pretty JSON (UTF-8), written whole or not at all."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    with replacing(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_summary(
    path_csv: Path,
    path_png: Path,
    summary: list[dict[str, Any]],
    *,
    accuracy_label: str = "dev",
) -> None:
    """The LF summary as CSV and a bar chart (coverage and accuracy on the hand labels per LF).

    An LF with no hand-labelled row among its votes has no accuracy: it is drawn as a hatched
    outline and named "no <accuracy_label>-label votes", never as a zero-accuracy bar.
    """
    table = pd.DataFrame(summary)
    if "polarity" in table:
        table["polarity"] = table["polarity"].map(lambda v: "|".join(v))
    with replacing(path_csv) as tmp:
        table.to_csv(tmp, index=False)
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    shown = sorted(summary, key=lambda r: -r["coverage"])[:40]
    height = max(3.0, 0.3 * len(shown) + 1.8)
    fig = Figure(figsize=(9, height))
    ax = fig.subplots()
    names = [r["name"][:48] for r in shown]
    y = np.arange(len(shown))
    ax.barh(y - 0.2, [r["coverage"] for r in shown], height=0.4, color="#4C72B0")
    accuracy = [r.get("dev_accuracy") for r in shown]
    ax.barh(
        y + 0.2,
        [a if a is not None else 0 for a in accuracy],
        height=0.4,
        color="#DD8452",
    )
    for i, value in enumerate(accuracy):
        if value is None:
            ax.barh(i + 0.2, 1.0, height=0.4, fill=False, hatch="//", edgecolor="#999999", lw=0)
            ax.text(0.01, i + 0.2, f"no {accuracy_label}-label votes", va="center", fontsize=6.5)
    ax.set_yticks(y, names, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"share of rows voted on (coverage) / accuracy on {accuracy_label}-labelled rows")
    ax.set_title(
        f"Labeling functions: coverage and {accuracy_label}-label accuracy "
        f"({len(shown)} of {len(summary)}, by coverage)",
        fontsize=10,
    )
    handles = [
        Patch(color="#4C72B0", label="coverage"),
        Patch(color="#DD8452", label=f"accuracy on {accuracy_label} labels"),
        Patch(
            fill=False, hatch="//", edgecolor="#999999", label=f"no {accuracy_label}-label votes"
        ),
    ]
    # Below the axes, outside them: the legend never covers a bar.
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.45 / height, 1, 1))
    with replacing(path_png) as tmp:
        fig.savefig(tmp, dpi=100, format="png")
