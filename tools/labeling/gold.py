"""Hand labels ("gold"): decide how they join to the data, join them, split into dev/held-out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from errors import BadInput, candidate_details, closest
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
    label_name: str | None = None
    """The hand labels' column name (e.g. `income`): it travels with the labeled output."""
    join: str = ""
    """How the hand labels were joined to the data, in words."""
    from_data: bool = False
    """Whether the hand labels are the filled-in cells of the data's own label column."""
    merged_spellings: dict[str, list[str]] = field(default_factory=dict)
    """Hand labels that differ from a class only by case or outer spaces, folded into it:
    {class: [other spellings]} ('History': ['history'])."""

    def report(self) -> dict[str, Any]:
        """What was joined and what was not, for the output."""
        return {
            "source": self.source,
            "label_name": self.label_name,
            "join": self.join,
            "joined": int(len(self.rows)),
            "unknown_ids": [_plain(v) for v in self.unknown_ids[:50]],
            "unknown_id_count": len(self.unknown_ids),
            "duplicate_ids": [_plain(v) for v in self.duplicate_ids[:50]],
            "unknown_labels": self.unknown_labels[:50],
            "per_class": {c: int((self.labels == i).sum()) for i, c in enumerate(self.classes)},
            **({"merged_spellings": self.merged_spellings} if self.merged_spellings else {}),
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
            details=candidate_details("id_column", [], "not_unique", value=id_column),
        )
    if keys.duplicated().any():
        dupes = keys[keys.duplicated()].head(5).tolist()
        raise BadInput(
            f"id column {id_column!r} has repeated ids: {', '.join(map(str, dupes))}",
            hint="ids must be unique; name another id column with id_column",
            code="bad_ids",
            details=candidate_details("id_column", [], "not_unique", value=id_column),
        )
    return frame


ID_NAMES = ("id", "ID", "Id", "row_id", "uid", "_id")
POSITION = "__position"
"""The gold id column planned for a join by position (the data's row order)."""


@dataclass
class JoinPlan:
    """How hand labels meet the data: the data's id column and the gold file's columns."""

    id_column: str
    """The data's id column (row numbers are added under this name when it is absent)."""
    gold_id_column: str | None = None
    gold_label_column: str | None = None
    how: str = ""


def _looks_like_id(name: str) -> bool:
    low = name.lower()
    return name in ID_NAMES or low.endswith("_id") or low.endswith("id") and len(low) <= 4


KEY_MIN_ROWS = 5
"""Fewest hand-label rows for distinct values to mark a join key (one or two rows are distinct
by chance)."""


def _distinct_key(gold_frame: pd.DataFrame, shared: list[str]) -> str | None:
    """The one shared column whose values are filled and all distinct in the hand labels: the
    key a person would join on ('report_ref' beside a repeated 'priority'); None when not one.
    """
    if len(gold_frame) < KEY_MIN_ROWS:
        return None
    keys = [
        c
        for c in shared
        if gold_frame[c].notna().all() and gold_frame[c].nunique() == len(gold_frame)
    ]
    return keys[0] if len(keys) == 1 else None


def plan_join(
    data_columns: list[str],
    gold_frame: pd.DataFrame | None,
    *,
    id_column: str | None,
    label_column: str | None,
    gold_id_column: str | None = None,
    gold_label_column: str | None = None,
    data_rows: int | None = None,
) -> JoinPlan:
    """Decide how the hand labels join to the data, as a person would expect.

    - An id column named (`id_column` and/or `gold_id_column`): join on it.
    - None named: the one column the gold file shares with the data (an id-like name wins
      when several are shared, else the one whose values are all distinct in the hand labels);
      none shared but the gold file has an `id` column and the data
      has none: the data's row numbers are its ids (as before); nothing shared and the same
      row count: by position, said in `how`; otherwise a 4xx naming the candidates.
    - The gold label column: `gold_label_column`, else `label_column`, else `label`, else the
      one gold column that is not the join column.
    """
    if gold_frame is None:
        name = id_column or "id"
        return JoinPlan(name, None, None, f"hand labels from the data's column {label_column!r}")
    gold_cols = [str(c) for c in gold_frame.columns]
    glabel = gold_label_column
    if glabel is None:
        for cand in (label_column, "label"):
            if cand and cand in gold_cols:
                glabel = cand
                break
    if id_column or gold_id_column:
        data_id = id_column or (gold_id_column if gold_id_column in data_columns else "id")
        gid = gold_id_column or data_id
        how = f"by id: data column {data_id!r} = gold column {gid!r}"
    else:
        shared = [c for c in gold_cols if c in data_columns and c != glabel]
        if not shared:
            # The same column spelt differently ('PostID' in the gold file, 'post_id' in the data).
            squashed = {_squash(str(c)): str(c) for c in data_columns}
            pairs = [(squashed[_squash(c)], c) for c in gold_cols if _squash(c) in squashed]
            pairs = [(d, g) for d, g in pairs if g != glabel and _looks_like_id(d)]
            if len(pairs) == 1:
                data_id, gid = pairs[0]
                glabel = glabel or _label_named(gold_cols, gid)
                return _finish(
                    data_id,
                    gid,
                    glabel,
                    gold_cols,
                    label_column,
                    (
                        f"by id: data column {data_id!r} = gold column {gid!r} (the same name, "
                        "spelt differently)"
                    ),
                )
        how = ""
        if len(shared) > 1:
            id_like = [c for c in shared if _looks_like_id(c)]
            if len(id_like) != 1 and (keyed := _distinct_key(gold_frame, shared)):
                id_like = [keyed]
                how = (
                    f"by {keyed!r}: of the columns both files share, the only one whose values "
                    "are all distinct in the hand labels"
                )
            if len(id_like) != 1:
                raise BadInput(
                    "the hand labels share several columns with the data: "
                    + ", ".join(map(repr, shared)),
                    hint="name the one to join on with id_column (and gold_id_column if the "
                    "gold file calls it differently)",
                    code="ambiguous_join",
                    details=candidate_details("id_column", id_like or shared, "ambiguous"),
                )
            shared = id_like
        if shared:
            data_id = gid = shared[0]
            how = how or f"by the column both files share, {gid!r}"
        elif "id" in gold_cols and glabel != "id" and "id" not in data_columns:
            data_id = gid = "id"
            how = "gold column 'id' = the data's row number (the data has no id column)"
        elif data_rows is not None and len(gold_frame) == data_rows:
            data_id, gid = "id", POSITION
            how = (
                f"by position: the gold file shares no column with the data and has the same "
                f"number of rows ({data_rows}), so gold row i labels data row i"
            )
        else:
            raise BadInput(
                "cannot tell how the hand labels join to the data: they share no column and "
                "their row counts differ",
                hint=f"gold columns: {', '.join(gold_cols)}; data columns: "
                f"{', '.join(map(str, data_columns))}; name id_column (the data's) and "
                "gold_id_column (the gold file's)",
                code="no_join_column",
                # Nothing is shared: the id-like columns of each file are what could be named.
                details=candidate_details(
                    "id_column",
                    [c for c in map(str, data_columns) if _looks_like_id(c)],
                    "missing",
                    gold_candidates=[c for c in gold_cols if _looks_like_id(c)],
                    data_columns=[str(c) for c in data_columns][:200],
                    gold_columns=gold_cols[:200],
                ),
            )
    return _finish(data_id, gid, glabel, gold_cols, label_column, how)


LABEL_NAMES = re.compile(
    r"^(?:label|labels|tag|tags|class|category|target|y|gold|verdict|answer|annotation|"
    r"sentiment|outcome)$|_(?:label|tag|class|category)$",
    re.I,
)


def _squash(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.lower())


def _label_named(gold_cols: list[str], gid: str | None) -> str | None:
    """The one gold column (besides the join column) whose name says it holds labels."""
    named = [c for c in gold_cols if c != gid and LABEL_NAMES.search(c)]
    return named[0] if len(named) == 1 else None


def _finish(
    data_id: str,
    gid: str | None,
    glabel: str | None,
    gold_cols: list[str],
    label_column: str | None,
    how: str,
) -> JoinPlan:
    if glabel is None:
        glabel = _label_named(gold_cols, gid)
    if glabel is None:
        rest = [c for c in gold_cols if c != gid]
        if len(rest) != 1:
            raise BadInput(
                "cannot tell which gold column holds the labels",
                hint=f"set gold_label_column; candidates: {', '.join(rest) or '(none)'}",
                code="column_not_found",
                details=candidate_details(
                    "gold_label_column",
                    rest,
                    "ambiguous" if rest else "missing",
                    # The data's own label column, when it names one the gold file lacks.
                    value=label_column,
                ),
            )
        glabel = rest[0]
    return JoinPlan(data_id, gid, glabel, how)


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
    how: str = "",
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
            from tools.tabular import label_candidates

            near = closest(label_column, frame.columns) if label_column else []
            raise BadInput(
                "no hand labels: give a gold file, or name the data's label column",
                hint=f"columns are: {', '.join(map(str, frame.columns))}",
                code="no_gold",
                details=candidate_details(
                    "label_column",
                    near or label_candidates(frame.drop(columns=[id_column], errors="ignore")),
                    "not_found" if label_column else "missing",
                    value=label_column,
                    choices=[str(c) for c in frame.columns][:200],
                ),
            )
        filled = frame[label_column].notna() & frame[label_column].astype("string").str.strip().ne(
            ""
        )
        gold_frame = pd.DataFrame(
            {"__id": data_keys[filled.to_numpy()], "__label": frame.loc[filled, label_column]}
        )
        gid, glabel = "__id", "__label"
        source = source or f"data column {label_column!r}"
        label_name = label_column
        from_data = True
    else:
        from_data = False
        gid = gold_id_column or id_column
        glabel = gold_label_column or label_column or "label"
        label_name = glabel
        if gid == POSITION and POSITION not in gold_frame.columns:
            # A join by position: gold row i carries data row i's id.
            gold_frame = gold_frame.assign(**{POSITION: frame[id_column].to_numpy()})
        gold_cols = [str(c) for c in gold_frame.columns]
        shared = [c for c in gold_cols if c in set(map(str, frame.columns))]
        # The argument to change is gold_*_column only when the gold file's name was given
        # apart from the data's (else the data's id/label column name was carried over).
        for col, what, named in (
            (gid, "id", gold_id_column not in (None, id_column)),
            (glabel, "label", gold_label_column not in (None, label_column)),
        ):
            if col not in gold_frame.columns:
                if what == "id":
                    # A join key: the columns both files share, closest to the name first.
                    near = [c for c in closest(col, gold_cols) if c in shared]
                    fits = near + [c for c in shared if c not in near and c != glabel]
                else:
                    near = closest(col, gold_cols)
                    fits = near or [c for c in gold_cols if c not in (gid, *shared)]
                # The argument that named it: gold_*_column when given, else the data's name.
                argument = f"gold_{what}_column" if named else f"{what}_column"
                raise BadInput(
                    f"the gold labels have no {what} column {col!r}",
                    hint=f"gold columns are: {', '.join(gold_cols)}; set gold_{what}_column",
                    code="column_not_found",
                    details=candidate_details(
                        argument, fits, "not_found", value=col, choices=gold_cols[:200]
                    ),
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
    if given:
        classes = checked_classes(classes, "the classes given", minimum=0)
    glabels, merged = fold_spellings(glabels, classes if given else None)
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
        label_name=None if label_name is None else str(label_name),
        join=how,
        from_data=from_data,
        merged_spellings=merged,
    )


def fold_key(text: str) -> str:
    """A label as compared: outer spaces and case ignored ('History ' and 'history' alike)."""
    return text.strip().casefold()


def fold_spellings(
    labels: pd.Series, classes: list[str] | None = None
) -> tuple[pd.Series, dict[str, list[str]]]:
    """Hand labels that differ only by case or outer spaces made one class: the spelling of
    `classes` when given, else the commonest spelling (`tools.local.merge_spellings`); with
    {class: [other spellings]}. Labels matching no given class are left as they are.
    """
    if classes is None:
        from tools.local import merge_spellings

        folded, merged = merge_spellings(labels.astype(object))
        return folded.astype(object), merged
    spelled = {fold_key(c): c for c in classes}
    if len(spelled) < len(classes):  # classes given that differ only by case: compared exactly
        return labels, {}
    found = labels.map(lambda v: spelled.get(fold_key(v), v) if isinstance(v, str) else v)
    merged: dict[str, list[str]] = {}
    for raw, cls in zip(labels, found, strict=True):
        if raw != cls and isinstance(cls, str) and raw not in merged.setdefault(cls, []):
            merged[cls].append(raw)
    return found.astype(object), {c: v for c, v in merged.items() if v}


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
