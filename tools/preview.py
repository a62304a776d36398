"""Paged row preview of a table (the console's dataset page; also a tool), in file order or sorted."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from pydantic import Field

from errors import BadInput, candidate_details, column_not_found
from tools.base import ToolContext, ToolInput, tool
from tools.local import Where, _as_numbers, filtered_rows, where_field
from tools.tabular import load_table

CONFIDENCE = "confidence"
"""The sort key a table of `prob_<class>` columns without a `confidence` column still has: its
largest probability per row (a labeling output's certainty in its label)."""


class PreviewRowsInput(ToolInput):
    """Arguments of preview_rows."""

    dataset: str = Field(
        max_length=1000,
        description="A file path in the workspace or a data folder, a dataset id, or a bundled "
        "scikit-learn name.",
    )
    offset: int = Field(default=0, ge=0, le=100_000_000, description="First row (0-based).")
    limit: int = Field(default=25, ge=1, le=200, description="Rows on the page.")
    where: Where | None = where_field()
    sort_by: str | None = Field(
        default=None,
        min_length=1,
        max_length=300,
        description=(
            "Column to order the rows by before paging ('the 10 most expensive': price, "
            "descending; 'least sure': confidence). Numbers sort as numbers (also numbers "
            "written as text), other cells as text ignoring case; empty cells come last, and "
            "rows that tie keep their file order. `confidence` on a table with prob_<class> "
            "columns and no confidence column sorts by each row's largest probability."
        ),
    )
    descending: bool = Field(
        default=False,
        description="With sort_by: largest (or last in the alphabet) first; default smallest first.",
    )


def _cell(value: Any) -> Any:
    """A JSON-safe cell: NaN and inf become None, long text is cut."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    if value is None or (not isinstance(value, list | dict | np.ndarray) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return value if len(value) <= 1000 else value[:1000] + "…"
    return value if isinstance(value, int | float | bool) else str(value)


def _iso_dates(series: pd.Series) -> pd.Series | None:
    """A text column whose every filled cell is an ISO date or time, as datetimes; else None."""
    present = series.dropna()
    if present.empty or not all(isinstance(v, str) for v in present.head(1000)):
        return None
    try:
        parsed = pd.to_datetime(series, format="ISO8601", errors="coerce", utc=True)
    except (TypeError, ValueError, OverflowError):
        return None
    return parsed if int(parsed.notna().sum()) == len(present) else None


def _sort_key(frame: pd.DataFrame, by: str) -> tuple[pd.Series, str, list[str]]:
    """The values rows are ordered by (empty: NaN/NA), how they compare (`numbers`, `dates`,
    `text`) and the columns they come from.

    A column of the table (its first, if the name repeats); else `confidence` as the largest
    `prob_<class>` of each row. Any other name is a 400 with the closest columns as candidates.
    """
    names = [str(c) for c in frame.columns]
    if by in names:
        series = frame.iloc[:, names.index(by)]
        if pd.api.types.is_bool_dtype(series):
            return series.astype("float64"), "numbers", [by]
        if pd.api.types.is_datetime64_any_dtype(series):
            return series, "dates", [by]
        numbers = _as_numbers(series)
        if numbers is not None:
            return numbers[0], "numbers", [by]
        dates = _iso_dates(series)
        if dates is not None:  # '2024-03-02' cells read from a csv: ordered as dates
            return dates, "dates", [by]
        # text (or lists, objects): compared as text ignoring case, empty cells stay empty
        return series.astype("string").str.casefold(), "text", [by]
    probs = [n for n in names if n.startswith("prob_")]
    if by == CONFIDENCE and probs:
        found = [_as_numbers(frame.iloc[:, names.index(n)]) for n in probs]
        if all(f is not None for f in found):
            table = pd.concat([f[0] for f in found if f is not None], axis=1)
            return table.max(axis=1, skipna=True), "numbers", probs
    raise column_not_found(by, names, argument="sort_by", what="sort_by", code="bad_input")


def sorted_rows(
    frame: pd.DataFrame, by: str, descending: bool
) -> tuple[pd.DataFrame, pd.Series, dict[str, Any]]:
    """The rows ordered by column `by` (empty cells last, ties in file order), the sort key in
    that order and the `sorted` output ({by, descending, kind, missing (empty cells),
    not_numbers (a number column's other cells, after its numbers and before the empty cells),
    and `from`: the columns a derived key comes from}).
    """
    key, kind, sources = _sort_key(frame, by)
    key = key.reset_index(drop=True)
    order = key.sort_values(ascending=not descending, kind="stable", na_position="last").index
    said: dict[str, Any] = {"by": by, "descending": descending, "kind": kind}
    empty = key.isna().to_numpy()
    if kind == "numbers" and sources == [by]:
        # a number column's words ('n/a', 'TBC') are no numbers: after the numbers, in file
        # order, and before the empty cells; only the empty cells are `missing`
        names = [str(c) for c in frame.columns]
        cells = frame.iloc[:, names.index(by)].reset_index(drop=True)
        blank = (cells.isna() | cells.astype("string").str.strip().eq("")).fillna(True)
        words = empty & ~blank.to_numpy(dtype=bool)
        if words.any():
            numbered = order[~empty[order.to_numpy()]]
            order = numbered.append(key.index[words]).append(key.index[empty & ~words])
            said["not_numbers"] = int(words.sum())
        empty = empty & ~words
    said["missing"] = int(empty.sum())
    if sources != [by]:
        said["from"] = sources
    return frame.iloc[order.to_numpy()], key.iloc[order.to_numpy()], said


@tool(PreviewRowsInput, tags=("datasets",))
def preview_rows(args: PreviewRowsInput, ctx: ToolContext) -> dict[str, Any]:
    """Show one page of a table's rows (cells JSON-safe, long text cut at 1,000 characters);
    with `where`, of the rows that match it (`total` counts those, `filtered` says of how many);
    with `sort_by`, ordered by that column first (`sorted` says how), then paged.
    """
    if args.descending and args.sort_by is None:
        raise BadInput(
            "descending orders the rows by a column, and no sort_by was given",
            hint="name the column to order by in sort_by, e.g. {'sort_by': 'price', "
            "'descending': true}",
            code="bad_input",
            details=candidate_details("sort_by", [], "missing"),
        )
    frame, origin = load_table(args.dataset)
    frame, filtered = filtered_rows(frame, args.where)  # 'rows where Neighborhood is Airport'
    ordered: dict[str, Any] | None = None
    if args.sort_by is not None:  # 'the 10 most expensive', after the filter, before the page
        frame, key, ordered = sorted_rows(frame, args.sort_by, args.descending)
        if "from" in ordered:  # a derived key is in no column: its values on the page
            window = key.iloc[args.offset : args.offset + args.limit]
            ordered["values"] = [_cell(v) for v in window]
    page = frame.iloc[args.offset : args.offset + args.limit]
    columns = [str(c) for c in frame.columns]
    return {
        "dataset": origin["id"],
        "total": int(len(frame)),
        "offset": args.offset,
        "limit": args.limit,
        "columns": columns,
        "dtypes": {str(c): str(frame[c].dtype) for c in frame.columns},
        "rows": [[_cell(v) for v in row] for row in page.itertuples(index=False, name=None)],
        **({"filtered": filtered} if filtered else {}),
        **({"sorted": ordered} if ordered else {}),
    }
