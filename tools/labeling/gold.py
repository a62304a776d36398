"""Hand labels ("gold"): load, join to the data by id (never by position), split into dev/held-out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from errors import BadInput
from tools.labeling.limits import checked_classes


@dataclass
class Gold:
    """Hand labels joined to the data: row positions, class indices, and what did not join."""

    classes: list[str]
    rows: np.ndarray
    """Positions (in the data) of the hand-labelled rows."""
    labels: np.ndarray
    """Class index of each of those rows."""
    unknown_ids: list[Any] = field(default_factory=list)
    """Gold ids that are not in the data (reported, not used)."""
    duplicate_ids: list[Any] = field(default_factory=list)
    unknown_labels: list[str] = field(default_factory=list)
    """Gold labels outside the given classes (those rows are not used)."""
    source: str = ""

    def report(self) -> dict[str, Any]:
        """What was joined and what was not, for the output."""
        return {
            "source": self.source,
            "joined": int(len(self.rows)),
            "unknown_ids": [_plain(v) for v in self.unknown_ids[:50]],
            "unknown_id_count": len(self.unknown_ids),
            "duplicate_ids": [_plain(v) for v in self.duplicate_ids[:50]],
            "unknown_labels": self.unknown_labels[:50],
            "per_class": {c: int((self.labels == i).sum()) for i, c in enumerate(self.classes)},
        }


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def _key(series: pd.Series) -> pd.Series:
    """Ids compared as text so 7, 7.0 and '7' join (integral floats lose their '.0')."""

    def norm(v: Any) -> Any:
        if v is None or (isinstance(v, float) and np.isnan(v)):
            return None
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v).strip()

    return series.map(norm).astype(object)


def ensure_ids(frame: pd.DataFrame, id_column: str) -> pd.DataFrame:
    """Give the data an id column (its row number) when it has none; ids must be unique."""
    if id_column not in frame.columns:
        frame = frame.copy()
        frame.insert(0, id_column, np.arange(len(frame)))
    keys = _key(frame[id_column])
    if keys.isna().any():
        raise BadInput(
            f"id column {id_column!r} has empty values",
            hint="every row needs an id so hand labels join by id",
            code="bad_ids",
        )
    if keys.duplicated().any():
        dupes = keys[keys.duplicated()].head(5).tolist()
        raise BadInput(
            f"id column {id_column!r} has repeated ids: {', '.join(map(str, dupes))}",
            hint="ids must be unique; name another id column with id_column",
            code="bad_ids",
        )
    return frame


def join_gold(
    frame: pd.DataFrame,
    gold_frame: pd.DataFrame | None,
    *,
    id_column: str,
    label_column: str | None,
    gold_id_column: str | None = None,
    gold_label_column: str | None = None,
    classes: list[str] | None = None,
    source: str = "",
) -> Gold:
    """Join hand labels to the data by id.

    With `gold_frame`, it needs an id column and a label column; without it, the filled-in
    cells of the data's `label_column` are the hand labels. Classes default to the sorted
    distinct gold labels; at least two classes are needed.
    """
    data_keys = _key(frame[id_column])
    position = pd.Series(np.arange(len(frame)), index=pd.Index(data_keys))
    if gold_frame is None:
        if not label_column or label_column not in frame.columns:
            raise BadInput(
                "no hand labels: give a gold file, or name the data's label column",
                hint=f"columns are: {', '.join(map(str, frame.columns))}",
                code="no_gold",
            )
        filled = frame[label_column].notna() & frame[label_column].astype("string").str.strip().ne(
            ""
        )
        gold_frame = pd.DataFrame(
            {"__id": data_keys[filled.to_numpy()], "__label": frame.loc[filled, label_column]}
        )
        gid, glabel = "__id", "__label"
        source = source or f"data column {label_column!r}"
    else:
        gid = gold_id_column or id_column
        glabel = gold_label_column or label_column or "label"
        for col, what in ((gid, "id"), (glabel, "label")):
            if col not in gold_frame.columns:
                raise BadInput(
                    f"the gold labels have no {what} column {col!r}",
                    hint=f"gold columns are: {', '.join(map(str, gold_frame.columns))}; "
                    f"set gold_{what}_column",
                    code="column_not_found",
                )
    gold_frame = gold_frame[gold_frame[glabel].notna()]
    gkeys = _key(gold_frame[gid])
    glabels = gold_frame[glabel].map(_label_text)
    duplicated = gkeys.duplicated(keep="first")
    duplicates = sorted(set(gkeys[duplicated].dropna()))
    gkeys, glabels = gkeys[~duplicated], glabels[~duplicated]
    known = gkeys.isin(position.index)
    unknown = [k for k in gkeys[~known].tolist() if k is not None]
    gkeys, glabels = gkeys[known], glabels[known]
    given = classes is not None
    classes = checked_classes(
        classes if given else sorted(set(glabels)),
        "the classes given" if given else "the hand labels",
        minimum=0,  # fewer than two is reported below, after the join
    )
    in_set = glabels.isin(classes)
    unknown_labels = sorted(set(glabels[~in_set]))
    gkeys, glabels = gkeys[in_set], glabels[in_set]
    if len(gkeys) == 0:
        hint = "check that gold ids match the data's id column"
        if unknown:
            hint += f" (e.g. gold id {unknown[0]!r} is not in the data)"
        raise BadInput("no hand label joined to the data", hint=hint, code="no_gold")
    present = sorted(set(glabels))
    if len(classes) < 2 or len(present) < 2:
        raise BadInput(
            f"the hand labels have only one class ({present[0]!r})",
            hint="give hand labels for at least two classes",
            code="one_class",
        )
    return Gold(
        classes=classes,
        rows=position.loc[gkeys.to_numpy()].to_numpy(dtype=np.int64),
        labels=np.array([classes.index(v) for v in glabels], dtype=np.int64),
        unknown_ids=unknown,
        duplicate_ids=duplicates,
        unknown_labels=unknown_labels,
        source=source,
    )


def _label_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def split_gold(gold: Gold, dev_fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Stratified split into dev and held-out indices (into gold.rows).

    Each class keeps at least one dev example; a class with one example has no held-out.
    """
    rng = np.random.default_rng(seed)
    dev: list[int] = []
    held: list[int] = []
    for c in range(len(gold.classes)):
        idx = np.flatnonzero(gold.labels == c)
        if len(idx) == 0:
            continue
        rng.shuffle(idx)
        n_dev = min(len(idx), max(1, int(round(dev_fraction * len(idx)))))
        if len(idx) >= 2 and n_dev == len(idx) and dev_fraction < 1.0:
            n_dev -= 1
        dev.extend(idx[:n_dev].tolist())
        held.extend(idx[n_dev:].tolist())
    return np.array(sorted(dev), dtype=np.int64), np.array(sorted(held), dtype=np.int64)
