"""Which labeled rows a person's corrections name: the id column holding their ids, or positions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from errors import BadInput, NotFound, candidate_details
from tools.labeling.gold import _key

ROW_TEXT = re.compile(r"(?:row|line|record)\s*(?:no\.?|number|#)?\s*(\d{1,9})", re.I)
"""An id given as text that names a row ("row 12", "Row #12"): read as `row` 12."""
ID_NAME = re.compile(r"(?:^|[^a-z])(?:id|ids|no|nr|num|number|key|code|ref|uuid)$|id$", re.I)
"""Column names that say they hold ids (`id`, `ticket_no`, `caseId`, `order number`)."""
MAX_ID_TEXT = 64
"""Longer text values are contents, not ids (a unique free-text column is not an id column)."""
MAX_COLUMNS = 200
"""Columns looked at for ids: a very wide table costs no more than this."""


@dataclass(frozen=True)
class Ref:
    """One correction's reference: the id text to look up, and the row number if it named a row."""

    key: str
    row: int | None


@dataclass
class Resolved:
    """Row positions of the references, in order, and how they were found."""

    positions: list[int]
    id_column: str | None
    by_position: list[str]

    def report(self) -> dict[str, Any]:
        """What the answer says about how the corrections' rows were found."""
        how = f"ids looked up in column {self.id_column!r}" if self.id_column else ""
        if self.by_position:
            rows = ", ".join(self.by_position[:10])
            how = (how + "; " if how else "") + f"row {rows} taken as row positions (from 0)"
        return {"id_column": self.id_column, "row_positions": self.by_position, "how": how}


def ref_of(id_value: str | int | None, row: int | None) -> Ref:
    """The reference of a correction's `id` or `row` ("row 12" as an id is row 12)."""
    if row is not None:
        return Ref(str(row), row)
    text = str(_key(pd.Series([id_value], dtype=object)).iloc[0])
    named = ROW_TEXT.fullmatch(text.strip())
    if named:
        return Ref(str(int(named.group(1))), int(named.group(1)))
    return Ref(text, None)


def _looks_like_ids(series: pd.Series) -> bool:
    """Filled, unique, and short: integers or short text (not fractions, flags or prose)."""
    if pd.api.types.is_bool_dtype(series.dtype) or series.isna().any():
        return False
    if pd.api.types.is_float_dtype(series.dtype):
        values = series.to_numpy(dtype=float)
        if not np.isfinite(values).all() or (values != np.round(values)).any():
            return False
    elif not pd.api.types.is_integer_dtype(series.dtype):
        text = series.astype(str)
        if text.str.len().max() > MAX_ID_TEXT:
            return False
    return bool(series.is_unique)


def id_columns(labeled: pd.DataFrame, own: set[str]) -> list[str]:
    """The labeled data's columns that could hold ids: `id` first, then id-like names."""
    found = [
        str(c)
        for c in list(labeled.columns)[:MAX_COLUMNS]
        if str(c) not in own and _looks_like_ids(labeled[c])
    ]
    return sorted(found, key=lambda c: (c != "id", not ID_NAME.search(c)))


def _examples(labeled: pd.DataFrame, columns: list[str]) -> dict[str, list[Any]]:
    return {c: [str(v) for v in _key(labeled[c].head(3))] for c in columns}


def resolve_rows(
    labeled: pd.DataFrame, refs: list[Ref], id_column: str | None, own: set[str]
) -> Resolved:
    """The row positions `refs` name, looking in this order:

    1. the given `id_column` (default `id`) when it is there and holds every id named;
    2. else the id-like column of the labeled data that holds every id named (one with an
       id-like name wins over others; several: a 400 `ambiguous_id_column`);
    3. a reference that named a row ("row 12") and is not a value of that column: the row's
       position, counted from 0.
    Nothing resolvable: a 404 `row_not_found` whose details name the candidate id columns.
    """
    given = id_column or "id"
    candidates = id_columns(labeled, own)
    order = ([given] if given in candidates else []) + [c for c in candidates if c != given]
    ids = {r.key for r in refs if r.row is None}
    keys: dict[str, set[str]] = {}

    def values(col: str) -> set[str]:
        if col not in keys:
            keys[col] = set(_key(labeled[col]).dropna())
        return keys[col]

    chosen: str | None = None
    if order and (not ids or ids <= values(order[0])):
        chosen = order[0] if order[0] == given else None
    if chosen is None and ids:
        holding = [c for c in order if ids <= values(c)]
        named = [c for c in holding if ID_NAME.search(c)]
        pick = named if len(named) == 1 else holding
        if len(pick) > 1:
            raise BadInput(
                f"the ids named are in several columns: {', '.join(pick[:10])}",
                hint="say which with id_column",
                code="ambiguous_id_column",
                details=candidate_details(
                    "id_column", pick, "ambiguous", value=sorted(ids)[:20], choices=candidates
                ),
            )
        chosen = pick[0] if pick else None
        if chosen is None:
            # No column holds them all: the one holding the most names the rest as unknown.
            overlap = {c: len(ids & values(c)) for c in order}
            candidates = sorted(candidates, key=lambda c: -overlap.get(c, 0))
            most = max(order, key=lambda c: overlap[c], default=None)
            chosen = most if most is not None and overlap[most] else None
    positions: list[int] = []
    by_position: list[str] = []
    unknown: list[str] = []
    lookup = (
        pd.Series(np.arange(len(labeled)), index=pd.Index(_key(labeled[chosen])))
        if chosen is not None
        else pd.Series([], dtype=np.int64)
    )
    for ref in refs:
        if ref.key in lookup.index:
            positions.append(int(lookup[ref.key]))
        elif ref.row is not None and ref.row < len(labeled):
            positions.append(ref.row)
            by_position.append(str(ref.row))
        else:
            unknown.append(ref.key if ref.row is None else f"row {ref.row}")
    if unknown:
        more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
        shown = "; ".join(
            f"{c} (e.g. {', '.join(v)})" for c, v in _examples(labeled, candidates[:5]).items()
        )
        hint = (
            f"the labeled data's id columns are: {shown}; use one of their values (or give id_column), "
            if candidates
            else "the labeled data has no id-like column; "
        ) + f"or name a row by its position with row (0 to {len(labeled) - 1})"
        if id_column and id_column not in labeled.columns:
            hint = f"there is no column {id_column!r}; " + hint
        raise NotFound(
            f"no row with id {unknown[0]!r}{more} in "
            + (f"column {chosen!r}" if chosen else "any id column of the labeled data"),
            hint=hint,
            code="row_not_found",
            details=candidate_details(
                "id_column",
                candidates[:10],
                "not_found",
                value=unknown[:20],
                choices=candidates,
                examples=_examples(labeled, candidates[:10]),
                rows=len(labeled),
            ),
        )
    return Resolved(positions, chosen if len(by_position) < len(refs) else None, by_position)
