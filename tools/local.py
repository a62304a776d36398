"""Local dataset tools: list what is on this machine and inspect a table."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from pydantic import Field

from errors import column_not_found
from store import datasets as dataset_store
from store.workspace import relative_to_workspace
from tools.base import ToolContext, ToolInput, tool
from tools.tabular import (
    SKLEARN_DATASETS,
    guess_label_column,
    load_table,
    local_files,
    table_format,
)


class ListLocalDatasetsInput(ToolInput):
    """Arguments of list_local_datasets."""

    query: str = Field(default="", description="Only datasets whose name contains this text.")


@tool(ListLocalDatasetsInput, tags=("datasets", "local"))
def list_local_datasets(args: ListLocalDatasetsInput, ctx: ToolContext) -> dict[str, Any]:
    """List the datasets available offline: scikit-learn's bundled sets, data files and downloads.

    Files are csv, tsv, parquet or jsonl under `$FORGEFLOW_HOME/data`, FORGEFLOW_DATA_DIRS
    and the workspace. Each item has id, title, source, format, size and description.
    """
    query = args.query.lower().strip()
    items: list[dict[str, Any]] = []
    for name, description in SKLEARN_DATASETS.items():
        items.append(
            {
                "id": name,
                "title": name.replace("_", " "),
                "source": "sklearn",
                "format": "bundled",
                "size": None,
                "description": description,
            }
        )
    for root, path in local_files():
        items.append(
            {
                "id": relative_to_workspace(path),
                "title": path.name,
                "source": "local",
                "format": table_format(path),
                "size": path.stat().st_size,
                "path": str(path.relative_to(root)),
                "description": f"file in {root}",
            }
        )
    for record in dataset_store.list_records():
        items.append(
            {
                "id": record["id"],
                "title": record["dataset_id"],
                "source": record["source"],
                "format": "download",
                "size": record["size_bytes"],
                "path": record["path"],
                "description": f"downloaded at revision {record['revision'] or 'n/a'}",
            }
        )
    if query:
        items = [i for i in items if query in i["id"].lower() or query in i["title"].lower()]
    ctx.progress(f"found {len(items)} local datasets", 1.0)
    return {"count": len(items), "datasets": items}


class InspectDatasetInput(ToolInput):
    """Arguments of inspect_dataset."""

    dataset: str = Field(description="A bundled name (breast_cancer), a file path or a dataset id.")
    label_column: str | None = Field(
        default=None, description="Column whose value distribution to report (guessed if unset)."
    )
    sample_rows: int = Field(default=5, ge=0, le=100, description="How many sample rows to show.")


def _jsonable(value: Any) -> Any:
    if isinstance(value, float | np.floating):
        return None if np.isnan(value) else round(float(value), 6)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, str) and len(value) > 300:
        return value[:300] + "…"
    if pd.isna(value) if np.isscalar(value) else False:
        return None
    return value if isinstance(value, str | int | bool | type(None)) else str(value)


@tool(InspectDatasetInput, tags=("datasets",))
def inspect_dataset(args: InspectDatasetInput, ctx: ToolContext) -> dict[str, Any]:
    """Inspect a dataset: columns, dtypes, row count, missing values, label distribution, samples.

    Works on bundled scikit-learn sets, local files and downloaded datasets.
    """
    frame, origin = load_table(args.dataset)
    ctx.progress(f"loaded {origin['id']}", 0.5)
    label = args.label_column
    if label is not None and label not in frame.columns:
        raise column_not_found(label, frame.columns, argument="label_column", code="bad_input")
    label = label or guess_label_column(frame)
    distribution = None
    if label is not None:
        counts = frame[label].value_counts(dropna=False).head(50)
        distribution = {str(k): int(v) for k, v in counts.items()}
    missing = {str(c): int(n) for c, n in frame.isna().sum().items()}
    samples = [
        {str(k): _jsonable(v) for k, v in row.items()}
        for row in frame.head(args.sample_rows).to_dict(orient="records")
    ]
    ctx.progress("inspected", 1.0)
    return {
        "dataset": origin["id"],
        "source": origin["source"],
        "rows": int(len(frame)),
        "columns": [
            {"name": str(c), "dtype": str(frame[c].dtype), "missing": missing[str(c)]}
            for c in frame.columns
        ],
        "missing_total": int(sum(missing.values())),
        "label_column": label,
        "label_distribution": distribution,
        "sample": samples,
    }
