"""Paged row preview of a table (the console's dataset page; also a tool)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from pydantic import Field

from tools.base import ToolContext, ToolInput, tool
from tools.local import Where, filtered_rows, where_field
from tools.tabular import load_table


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


@tool(PreviewRowsInput, tags=("datasets",))
def preview_rows(args: PreviewRowsInput, ctx: ToolContext) -> dict[str, Any]:
    """Show one page of a table's rows (cells JSON-safe, long text cut at 1,000 characters);
    with `where`, of the rows that match it (`total` counts those, `filtered` says of how many).
    """
    frame, origin = load_table(args.dataset)
    frame, filtered = filtered_rows(frame, args.where)  # 'rows where Neighborhood is Airport'
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
    }
