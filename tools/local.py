"""Local dataset tools: list what is on this machine and inspect a table."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
import pandas as pd
from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    Tag,
    model_validator,
)

from errors import BadInput, candidate_details, closest, column_not_found
from settings import get_settings
from store import datasets as dataset_store
from store import outputs as outputs_store
from store.workspace import confined, is_hidden, workspace_root
from tools.base import ToolContext, ToolInput, tool
from tools.profile import REGRESSION_MIN_DISTINCT
from tools.tabular import (
    SKLEARN_DATASETS,
    TABLE_SUFFIX_RE,
    guess_label_column,
    load_table,
    local_files,
    table_format,
)


class ListLocalDatasetsInput(ToolInput):
    """Arguments of list_local_datasets."""

    query: str = Field(default="", description="Only datasets whose name contains this text.")


OUTPUTS_SHOWN = 500
"""At most this many outputs are itemised (newest first); `output_count` has them all."""


def table_entries() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The local table files as (the person's data, forgeflow's outputs), ids relative.

    An id is the file's path relative to its folder (the workspace, `$FORGEFLOW_HOME/data` or a
    FORGEFLOW_DATA_DIRS folder), which is also how load_table finds it: no server path is shown.
    Outputs are files under the folders tools write to, or noted in the outputs manifest; they
    carry the tool and run that made them when known.
    """
    workspace = workspace_root().resolve()
    known = outputs_store.records()
    data: list[dict[str, Any]] = []
    made: list[dict[str, Any]] = []
    seen: set[str] = set()
    # The workspace first: a name found in two folders is read from the workspace (load_table).
    files = sorted(local_files(), key=lambda found: found[0].resolve() != workspace)
    for root, path in files:
        rel = path.relative_to(root).as_posix()
        if rel in seen:
            continue
        seen.add(rel)
        stat = path.stat()
        in_workspace = root.resolve() == workspace
        item: dict[str, Any] = {
            "id": rel,
            "title": path.name,
            "source": "local",
            "format": table_format(path),
            "size": stat.st_size,
            "path": rel,
            "modified": datetime.fromtimestamp(stat.st_mtime, UTC).isoformat(),
            "description": "file in the workspace" if in_workspace else "file in a data folder",
        }
        if in_workspace and outputs_store.is_output(rel, known):
            maker = outputs_store.made_by(rel, known) or {}
            item.update(
                source="output",
                tool=maker.get("tool"),
                run_id=maker.get("run_id"),
                description=f"written by {maker['tool']}" if maker.get("tool") else "run output",
            )
            made.append(item)
        else:
            data.append(item)
    made.sort(key=lambda i: i["modified"], reverse=True)
    return data, made


DOCUMENTS_SHOWN = 500
"""At most this many documents are itemised (by name); `document_count` has them all."""


def document_entries() -> list[dict[str, Any]]:
    """The person's documents in the workspace (.md .txt .html .pdf: what chunk_documents
    reads), ids relative to it; forgeflow's outputs, hidden folders and links leading out
    are left out. Only the file's size is read, never its content (a huge file lists as any).
    """
    from tools.qa.documents import DOCUMENT_SUFFIXES

    workspace = workspace_root()
    if not workspace.is_dir():
        return []
    known = outputs_store.records()
    found: list[dict[str, Any]] = []
    for path in sorted(workspace.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in DOCUMENT_SUFFIXES:
            continue
        rel = path.relative_to(workspace).as_posix()
        if is_hidden(rel) or outputs_store.is_output(rel, known) or not confined(rel):
            continue
        try:
            if not path.is_file():
                continue
            stat = path.stat()
        except OSError:  # a link to nothing, a file gone since the walk
            continue
        found.append(
            {
                "id": rel,
                "title": path.name,
                "source": "local",
                "format": suffix.lstrip("."),
                "size": stat.st_size,
                "path": rel,
                "modified": datetime.fromtimestamp(stat.st_mtime, UTC).isoformat(),
                "description": "document in the workspace (chunk_documents reads it)",
            }
        )
    return found


MISPLACED_COUNTED = 1000
"""Entries of $FORGEFLOW_HOME looked at, at most, when counting files put beside the workspace."""


def misplaced_files() -> int:
    """How many tables and documents lie in $FORGEFLOW_HOME itself, beside its workspace folder
    (where a person easily puts their files). A count, never the names: the home may hold
    files no request may read or learn of.
    """
    from itertools import islice

    from tools.qa.documents import DOCUMENT_SUFFIXES

    home = get_settings().home_dir
    count = 0
    try:
        for entry in islice(home.iterdir(), MISPLACED_COUNTED):
            name = entry.name
            if (
                TABLE_SUFFIX_RE.search(name) or Path(name).suffix.lower() in DOCUMENT_SUFFIXES
            ) and entry.is_file():
                count += 1
    except OSError:
        return 0
    return count


@tool(ListLocalDatasetsInput, tags=("datasets", "local"))
def list_local_datasets(args: ListLocalDatasetsInput, ctx: ToolContext) -> dict[str, Any]:
    """List the person's datasets and documents available offline, and forgeflow's outputs apart.

    `datasets`: scikit-learn's bundled sets, table files (csv, tsv, parquet, jsonl) in the
    workspace, `$FORGEFLOW_HOME/data` and FORGEFLOW_DATA_DIRS, and downloads; each has id,
    title, source, format, size and description. `documents`: the person's documents in the
    workspace (.md .txt .html .pdf), which chunk_documents takes as `paths` to chunk and make
    QA pairs from. `outputs`: tables that runs wrote (labeled data, predictions, exports …)
    with the tool and run that made them when known. Ids and paths are relative (a file's id
    is what other tools take as `dataset`).
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
    files, made = table_entries()
    items.extend(files)
    documents = document_entries()
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

        def hit(i: dict[str, Any]) -> bool:
            return query in i["id"].lower() or query in i["title"].lower()

        items, made = [i for i in items if hit(i)], [i for i in made if hit(i)]
        documents = [i for i in documents if hit(i)]
    ctx.progress(
        f"found {len(items)} datasets, {len(documents)} documents and {len(made)} outputs", 1.0
    )
    hint = None
    if not files and not documents and not query:
        hint = (
            "no tables or documents of yours in the workspace yet: put them in the workspace "
            "folder ($FORGEFLOW_HOME/workspace) and name them in a request"
        )
    return {
        "count": len(items),
        "datasets": items,
        "document_count": len(documents),
        "documents": documents[:DOCUMENTS_SHOWN],
        "output_count": len(made),
        "outputs": made[:OUTPUTS_SHOWN],
        "hint": hint,
        "misplaced": misplaced_files() if hint else 0,
    }


WHERE_MAX = 10
"""The most columns a `where` filter names."""
WHERE_VALUES_MAX = 20
"""The most values one `where` column may take ('any of')."""
WHERE_TEXT_MAX = 300
"""The longest column name or text value a `where` filter takes."""

WHERE_NUMBER_MAX = 1e18
"""The largest bound a comparison takes (either sign): beyond it a number is no cell's."""

WhereText = Annotated[str, Strict(), Field(min_length=1, max_length=WHERE_TEXT_MAX)]
WhereNumber = Annotated[float, Strict(), Field(allow_inf_nan=False)]
WhereValue = Annotated[bool, Strict()] | Annotated[int, Strict()] | WhereNumber | WhereText
"""One cell value to match: text, a number or a yes/no (never a list, an object or null)."""
WhereBound = Annotated[
    float, Strict(), Field(allow_inf_nan=False, ge=-WHERE_NUMBER_MAX, le=WHERE_NUMBER_MAX)
]
"""A number a number column's cells are compared with (finite, at most 1e18 either way)."""
WhereValues = Annotated[list[WhereValue], Field(min_length=1, max_length=WHERE_VALUES_MAX)]
SoughtText = Annotated[
    str,
    Strict(),
    Field(min_length=1, max_length=WHERE_TEXT_MAX, pattern=r"^[^\x00-\x08\x0b-\x1f]+$"),
]
"""A text a text column's cells are to contain (no control characters: no cell holds them)."""
SoughtTexts = Annotated[list[SoughtText], Field(min_length=1, max_length=WHERE_VALUES_MAX)]

COMPARISONS = {"gt": ">", "ge": "≥", "lt": "<", "le": "≤"}
"""The comparisons of a number column a `where` condition takes, and how an answer says them."""


class WhereCondition(BaseModel):
    """A condition on one column other than equality: a range of a number column (gt, ge, lt,
    le), values left out (ne) or a text column's cells containing text (contains).
    """

    model_config = ConfigDict(extra="forbid", strict=True)

    gt: WhereBound | None = Field(default=None, description="Greater than this number.")
    ge: WhereBound | None = Field(default=None, description="At least this number.")
    lt: WhereBound | None = Field(default=None, description="Less than this number.")
    le: WhereBound | None = Field(default=None, description="At most this number.")
    ne: WhereValue | WhereValues | None = Field(
        default=None, description="Not this value, or none of these (empty cells are kept)."
    )
    contains: SoughtText | SoughtTexts | None = Field(
        default=None, description="Text containing this, ignoring case (a list: any of them)."
    )

    @model_validator(mode="after")
    def _one_sense(self) -> WhereCondition:
        """Refuse an empty condition, two bounds on one side, a range with no number in it, and
        text containment mixed with a comparison (a column is a number or a text, not both).
        """
        given = {k for k, v in self.__dict__.items() if v is not None}
        if not given:
            raise ValueError("a condition needs one of gt, ge, lt, le, ne, contains")
        if {"gt", "ge"} <= given or {"lt", "le"} <= given:
            raise ValueError("one lower bound (gt or ge) and one upper bound (lt or le) at most")
        if "contains" in given and given & set(COMPARISONS):
            raise ValueError("contains is for a text column, gt/ge/lt/le for a number column")
        low = self.gt if self.gt is not None else self.ge
        high = self.lt if self.lt is not None else self.le
        if low is not None and high is not None:
            strict = self.gt is not None or self.lt is not None
            if low > high or (low == high and strict):
                raise ValueError(f"no number lies in that range (from {low} to {high})")
        return self


def _where_shape(wanted: Any) -> str:
    """Which shape a `where` column's value has, so a refusal names only that shape's fault."""
    if isinstance(wanted, dict | WhereCondition):
        return "condition"
    return "values" if isinstance(wanted, list) else "value"


WhereWanted = Annotated[
    Annotated[WhereValue, Tag("value")]
    | Annotated[WhereValues, Tag("values")]
    | Annotated[WhereCondition, Tag("condition")],
    Discriminator(_where_shape),
]
Where = dict[WhereText, WhereWanted]
"""A row filter: column → value, a list of values (any of them) or a condition object;
every column must match."""
WHERE_DESCRIPTION = (
    "Only the rows whose cells meet these conditions, column → value ({'route': 'A'}); a list "
    "means any of them ({'region': ['North', 'East']}); several columns must all match. Text "
    "matches ignoring case and outer spaces; numbers match as numbers ('2' matches 2 and 2.0). "
    "An object compares instead: a number column with gt, ge, lt, le ({'bedrooms': {'gt': 4}}, "
    "{'rent': {'ge': 1000, 'le': 2000}}), any column with ne (not this value, or none of a "
    "list: {'status': {'ne': 'closed'}}; empty cells are kept) and a text column with contains "
    "(ignoring case; a list: any of them: {'review': {'contains': ['refund', 'return']}})."
)


def where_field() -> Any:
    """The `where` argument of a tool that reads a table's rows (one shape everywhere)."""
    return Field(default=None, max_length=WHERE_MAX, description=WHERE_DESCRIPTION)


def filtered_rows(
    frame: pd.DataFrame, where: dict[str, Any] | None
) -> tuple[pd.DataFrame, dict[str, Any] | None]:
    """The rows `where` keeps and the `filtered` output ({where, rows, of}); no filter: all."""
    if not where:
        return frame, None
    kept = frame[where_mask(frame, where)]
    return kept, _filtered(where, len(kept), len(frame))


Statistic = Literal["sum", "mean", "median", "min", "max", "count"]
"""A figure inspect_dataset can order groups by and lead its answer with."""


class InspectDatasetInput(ToolInput):
    """Arguments of inspect_dataset."""

    dataset: str = Field(description="A bundled name (breast_cancer), a file path or a dataset id.")
    label_column: str | None = Field(
        default=None, description="Column whose value distribution to report (guessed if unset)."
    )
    sample_rows: int = Field(default=5, ge=0, le=100, description="How many sample rows to show.")
    group_by: str | None = Field(
        default=None,
        max_length=300,
        description=(
            "Column to break the table down by ('delay by route', 'which species is most "
            "common'): each of its values with its row count and, for label_column, the "
            "figures of a number (mean, median, min, max, sum) or the counts of each class."
        ),
    )
    where: Where | None = Field(
        default=None,
        max_length=WHERE_MAX,
        description=WHERE_DESCRIPTION + " Applied before every figure (rows, missing values, "
        "label counts, numeric summaries, groups).",
    )
    statistic: Statistic | None = Field(
        default=None,
        description=(
            "The figure asked of label_column's numbers ('total revenue by show': sum; 'average "
            "rent by building': mean, the default): groups are ordered by it, highest first, and "
            "the answer leads with it; without group_by it is the figure of the rows kept "
            "('hours in total for Maria G.'). count orders groups by their rows."
        ),
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, float | np.floating):
        if np.isnan(value):
            return None
        # JSON has no infinity: a sample's inf cell is shown as text, not a 500 on encoding
        return round(float(value), 6) if np.isfinite(value) else str(float(value))
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

    `numeric_summary`: for each numeric column (the label first; booleans are not numbers) the
    count of values present, missing, mean, median, min, max, std and distinct values, and
    `continuous` when it has many distinct values (a quantity, not classes). `where` keeps only
    the rows whose cells equal the values given ('route A', 'dogs only'), or meet a condition
    ('more than 4 bedrooms', 'status not closed', 'mentions refund') before every figure;
    `filtered` then says the conditions and how many rows met them of how many. `statistic`
    ('total revenue by show': sum) orders `groups` by that figure of label_column; without
    group_by it is the figure of the rows kept. Text values differing only by case or outer
    spaces are counted as one (groups, label counts, value counts), their spellings listed in
    `merged_spellings`. Works on bundled scikit-learn sets, local files and downloaded datasets.
    """
    frame, origin = load_table(args.dataset)
    ctx.progress(f"loaded {origin['id']}", 0.5)
    label = args.label_column
    if label is not None and label not in frame.columns:
        raise column_not_found(label, frame.columns, argument="label_column", code="bad_input")
    if args.group_by is not None and args.group_by not in frame.columns:
        raise column_not_found(
            args.group_by, frame.columns, argument="group_by", what="group_by", code="bad_input"
        )
    if args.statistic not in (None, "count"):
        _check_statistic(frame, label, args.group_by, args.statistic)
    total = int(len(frame))
    # a label is guessed from the whole table: the filter does not change which column it is
    guessed = guess_label_column(frame) if label is None else None
    if args.where:
        frame = frame[where_mask(frame, args.where)]
    merged: dict[str, dict[str, list[str]]] = {}
    # the figures per group are of the column named; a guessed label is no column asked about
    grouped = (
        group_summary(
            frame,
            args.group_by,
            label if label != args.group_by else None,
            statistic=args.statistic,
            merged=merged,
        )
        if args.group_by is not None
        else None
    )
    figure = (
        _statistic_of(frame, label, args.statistic)
        if args.statistic is not None and args.group_by is None
        else None
    )
    label = label or guessed
    distribution = None
    if label is not None:
        cells, merged_label = merge_spellings(frame[label])
        if merged_label:
            merged[str(label)] = merged_label
        counts = cells.value_counts(dropna=False).head(50)
        distribution = {str(k): int(v) for k, v in counts.items()}
    missing = {str(c): int(n) for c, n in frame.isna().sum().items()}
    value_counts = _class_columns(frame, label, missing, merged)
    numeric = numeric_summaries(frame, first=label)
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
        "value_counts": value_counts,
        "numeric_summary": numeric,
        **({"groups": grouped} if grouped is not None else {}),
        **({"statistic": figure} if figure is not None else {}),
        **({"merged_spellings": merged} if merged else {}),
        **({"filtered": _filtered(args.where, len(frame), total)} if args.where else {}),
        "sample": samples,
    }


def plain_where(where: dict[str, Any]) -> dict[str, Any]:
    """A `where` filter as plain JSON: a condition object as its operators given (no nulls)."""
    return {str(k): _condition(v) if _is_condition(v) else v for k, v in where.items()}


def _is_condition(wanted: Any) -> bool:
    return isinstance(wanted, WhereCondition | dict)


def _condition(wanted: Any) -> dict[str, Any]:
    """A condition object's operators (checked by the schema when a plain dict is passed)."""
    model = wanted if isinstance(wanted, WhereCondition) else WhereCondition.model_validate(wanted)
    return model.model_dump(exclude_none=True)


STATISTIC_WORDS = {"sum": "total", "mean": "mean", "median": "median", "min": "least"}
"""How a statistic is said in an error ('no numbers to total')."""


def _check_statistic(
    frame: pd.DataFrame, label: str | None, group_by: str | None, statistic: str
) -> None:
    """A figure of numbers ('sum') needs label_column, a number column other than group_by:
    else a 400 naming the table's number columns.
    """
    numbers = [str(c) for c in frame.columns[:NUMERIC_SUMMARY_MAX] if _as_numbers(frame[c])]
    hint = (
        f"set label_column to the column to {STATISTIC_WORDS.get(statistic, statistic)}; number "
        f"columns: {', '.join(numbers[:12])}"
        if numbers
        else "the table has no number column"
    )
    if label is None or label == group_by:
        raise BadInput(
            f"statistic {statistic!r} needs label_column, a number column"
            + (f" other than group_by {group_by!r}" if label is not None else ""),
            hint=hint,
            code="bad_input",
            details=candidate_details("label_column", numbers[:12], "missing", value=label),
        )
    if _as_numbers(frame[label]) is None:
        raise BadInput(
            f"column {label!r} holds no numbers for statistic {statistic!r}",
            hint=hint,
            code="bad_input",
            details=candidate_details("label_column", numbers[:12], "ambiguous", value=label),
        )


def _statistic_of(frame: pd.DataFrame, label: str | None, statistic: str) -> dict[str, Any]:
    """The figure asked of the kept rows ('hours in total for Maria G.'): {name, column, value,
    count}; count is of the values present (of the rows without label_column).
    """
    if label is None or statistic == "count":
        present = int(frame[label].notna().sum()) if label is not None else int(len(frame))
        return {"name": statistic, "column": label, "value": present, "count": present}
    found = _as_numbers(frame[label])
    values = found[0] if found is not None else pd.Series(dtype="float64")
    finite = values[np.isfinite(values)]
    with np.errstate(all="ignore"):
        figure = float(getattr(finite, statistic)()) if len(finite) else None
    if figure is not None and not np.isfinite(figure):
        figure = None  # huge values overflowing the sum: no figure rather than inf
    return {
        "name": statistic,
        "column": label,
        "value": round(figure, 6) if figure is not None else None,
        "count": int(len(finite)),
    }


MERGED_SHOWN = 20
"""The most other spellings listed of one merged value."""


def merge_spellings(series: pd.Series) -> tuple[pd.Series, dict[str, list[str]]]:
    """The column with text values that differ only by case or outer spaces ('dog', 'Dog',
    'dog ') made one, shown as its commonest spelling (on a tie the trimmed one, then the
    first in the table), and each
    merged value's other spellings ({'dog': ['Dog', 'dog ']}); a column with none unchanged.
    """
    if not (
        pd.api.types.is_object_dtype(series)
        or pd.api.types.is_string_dtype(series)
        or isinstance(series.dtype, pd.CategoricalDtype)
    ):
        return series, {}
    try:
        distinct = pd.unique(series.dropna().astype("string"))
    except (TypeError, ValueError):  # cells with no text form: nothing to merge
        return series, {}
    folded = pd.Series(distinct, dtype="string").str.strip().str.casefold()
    if folded.nunique(dropna=False) == len(distinct):
        return series, {}  # the usual case: one pass over the distinct values only
    text = series.astype("string")
    counts = text.value_counts(sort=False)
    table = pd.DataFrame(
        {"raw": counts.index.astype(object), "n": counts.to_numpy()}, index=range(len(counts))
    )
    spelled = table["raw"].astype("string")
    table["key"] = spelled.str.strip().str.casefold().astype(object)
    table = table[table["key"].duplicated(keep=False)]  # only the values that clash
    if table.empty:
        return series, {}
    seen = text.dropna().drop_duplicates()
    first = pd.Series(np.arange(len(seen)), index=seen.to_numpy(dtype=object))
    table = table.assign(
        untrimmed=table["raw"] != table["raw"].astype("string").str.strip().astype(object),
        first=table["raw"].map(first),
    )
    # the commonest spelling; on a tie the trimmed one, then the one the table has first
    table = table.sort_values(
        ["n", "untrimmed", "first"], ascending=[False, True, True], kind="stable"
    )
    spellings: dict[str, list[str]] = {
        key: list(group) for key, group in table.groupby("key", sort=False)["raw"]
    }
    shown = {raw: found[0] for found in spellings.values() if len(found) > 1 for raw in found}
    out = series.astype(object) if isinstance(series.dtype, pd.CategoricalDtype) else series.copy()
    hits = text.isin(list(shown)).fillna(False).to_numpy(dtype=bool)
    out[hits] = text[hits].map(shown).astype(object).to_numpy()
    merged = {f[0]: f[1 : MERGED_SHOWN + 1] for f in spellings.values() if len(f) > 1}
    return out, merged


def _filtered(where: dict[str, Any], rows: int, total: int) -> dict[str, Any]:
    """What the filter kept: its conditions, the rows that met them all and the table's rows."""
    out: dict[str, Any] = {"where": plain_where(where), "rows": rows, "of": total}
    if not rows:
        out["note"] = (
            "no row meets the conditions"
            if any(_is_condition(v) for v in where.values())
            else "each value is in the table, but no row meets all the conditions together"
        )
    return out


WHERE_CHOICES = 20
"""The commonest values of a column a `where` value found in no row names as choices."""
WHERE_NEAR_FROM = 1000
"""A misspelt `where` value is looked for among this many of the column's commonest values."""


def _as_number(value: Any) -> float | None:
    """A `where` value as a number ('2', 2 and 2.0 are 2.0); None for words and yes/no."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    return number if np.isfinite(number) else None


def _value_mask(series: pd.Series, text: pd.Series, value: Any) -> pd.Series:
    """The cells of `series` equal to `value`: as text, ignoring case and outer spaces, or as
    numbers ('2' is 2 and 2.0); yes/no values match cells that read true/false. Empty cells
    never match.
    """
    want = str(value).strip().casefold()
    if isinstance(value, bool):
        want = "true" if value else "false"
    hits = (text == want).fillna(False).astype(bool)
    number = _as_number(value)
    if number is not None and not pd.api.types.is_bool_dtype(series):
        if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_complex_dtype(series):
            numbers = series.astype("float64")
        else:
            numbers = pd.to_numeric(text, errors="coerce").astype("float64")
        hits |= (numbers == number).to_numpy()
    return hits


def where_mask(frame: pd.DataFrame, where: dict[str, Any]) -> pd.Series:
    """The rows meeting every condition of `where` (column → value, a list: any of them, or a
    condition object: gt/ge/lt/le of a number column, ne, contains in a text column).

    A column that is not in the table is a 400 with the closest columns as candidates; a
    value found in no row is a 400 naming the closest values (text) as candidates and the
    column's commonest values as choices, so a typo is caught rather than answered with an
    empty table. Values met separately but never together keep no rows (a true answer).
    """
    positions = {}
    for i, column in enumerate(frame.columns):
        positions.setdefault(str(column), i)  # a repeated name: its first column
    for name in where:
        if name not in positions:
            error = column_not_found(
                name, frame.columns, argument="where", what="where", code="bad_input"
            )
            error.details["part"] = "column"
            raise error
    keep = pd.Series(True, index=frame.index)
    for name, wanted in where.items():
        series = frame.iloc[:, positions[name]]
        text = series.astype("string").str.strip().str.casefold()
        if _is_condition(wanted):
            keep &= _condition_mask(frame, name, series, text, _condition(wanted))
            continue
        keep &= _any_of(name, series, text, wanted)
    return keep


def _any_of(name: str, series: pd.Series, text: pd.Series, wanted: Any) -> pd.Series:
    """The cells equal to `wanted` or to any of a list; a value in no row is a 400."""
    hits = pd.Series(False, index=series.index)
    for value in wanted if isinstance(wanted, list) else [wanted]:
        found = _value_mask(series, text, value)
        if not found.any():
            raise _value_not_found(name, series, value)
        hits |= found
    return hits


def _condition_mask(
    frame: pd.DataFrame, name: str, series: pd.Series, text: pd.Series, ops: dict[str, Any]
) -> pd.Series:
    """The cells meeting a condition object: compared as numbers (gt, ge, lt, le; empty cells
    never match), none of the values `ne` names (a value in no row is a 400, a typo; empty
    cells are kept) and containing any text of `contains`, ignoring case.
    """
    hits = pd.Series(True, index=series.index)
    compared = [op for op in COMPARISONS if op in ops]
    if compared:
        numbers = _numbers(series, text)
        if numbers is None:
            raise _wrong_kind(frame, name, series, "number", compared)
        for op in compared:
            bound = float(ops[op])
            met = {
                "gt": numbers > bound,
                "ge": numbers >= bound,
                "lt": numbers < bound,
                "le": numbers <= bound,
            }[op]
            hits &= met.fillna(False).to_numpy(dtype=bool)
    if "contains" in ops:
        if _kind(series) != "text":
            raise _wrong_kind(frame, name, series, "text", ["contains"])
        cells = series.astype("string").str.casefold()
        found = pd.Series(False, index=series.index)
        terms = ops["contains"] if isinstance(ops["contains"], list) else [ops["contains"]]
        for term in terms:
            found |= cells.str.contains(str(term).casefold(), regex=False).fillna(False)
        hits &= found.astype(bool)
    if "ne" in ops:
        hits &= ~_any_of(name, series, text, ops["ne"])
    return hits


def _kind(series: pd.Series) -> str:
    """A column's kind as a filter sees it: yes/no, number, date or text."""
    if pd.api.types.is_bool_dtype(series):
        return "yes/no"
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_complex_dtype(series):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    return "text"


def _numbers(series: pd.Series, text: pd.Series | None = None) -> pd.Series | None:
    """A column's cells as numbers for a comparison (empty and non-number cells NaN, so they
    never match), or None when it is no number column; the one rule `_as_numbers` (mostly
    numbers) decides, as for a statistic and for sorting. `text` is unused (kept for callers).
    """
    found = _as_numbers(series)
    return None if found is None else found[0]


def _wrong_kind(
    frame: pd.DataFrame, name: str, series: pd.Series, wanted: str, ops: list[str]
) -> BadInput:
    """The 400 for a comparison of a column that holds no numbers, or text looked for in one
    that holds no text: the column's kind said, the columns of the right kind as candidates.
    """
    fitting = []
    for i, column in enumerate(frame.columns):
        other = frame.iloc[:, i]
        if str(column) == name or str(column) in fitting:
            continue
        text = other.astype("string").str.strip().str.casefold()
        if (_numbers(other, text) is not None) if wanted == "number" else _kind(other) == "text":
            fitting.append(str(column))
    said = " and ".join(ops)
    kind = _kind(series)
    near = closest(name, fitting)  # a similar name only: another column is no evident fix
    which = f"{wanted} columns are: {', '.join(fitting[:12])}" if fitting else f"no {wanted} column"
    return BadInput(
        f"{said} needs a {wanted} column; {name} is a {kind} column",
        hint=(
            f"compare a number column with gt/ge/lt/le, look for text with contains, or match "
            f"{name}'s values themselves ({{{name!r}: value}}); {which}"
        ),
        code="bad_input",
        details=candidate_details(
            "where",
            near,
            "not_found",
            value=name,
            column=name,
            part="kind",
            kind=kind,
            choices=fitting,
        ),
    )


def _value_not_found(name: str, series: pd.Series, value: Any) -> BadInput:
    """The 400 for a `where` value that no row of column `name` holds."""
    counts = series.dropna().astype("string").str.strip().value_counts()
    common = [str(v) for v in counts.index[:WHERE_CHOICES]]
    # a near spelling is a candidate (an evident fix); a number near another is no typo
    near = (
        closest(str(value), [str(v) for v in counts.index[:WHERE_NEAR_FROM]])
        if isinstance(value, str) and _as_number(value) is None
        else []
    )
    shown = ", ".join(f"{v} ({int(n)})" for v, n in list(counts.items())[:8])
    return BadInput(
        f"no row has {name} = {value!r}",
        hint=f"{name}'s most common values are: {shown}" if shown else f"{name} is empty",
        code="bad_input",
        details=candidate_details(
            "where", near, "not_found", value=value, column=name, part="value", choices=common
        ),
    )


GROUPS_SHOWN = 50
"""At most this many groups are itemised (`group_count` has them all)."""
EMPTY_GROUP = "(empty)"
"""The group of the rows whose group_by cell is empty (and the count of empty cells in one)."""
GROUP_CLASSES_SHOWN = 20
"""A class column's commonest values counted per group; the others are counted together."""
OTHER_CLASSES = "(other)"


def group_summary(
    frame: pd.DataFrame,
    by: str,
    column: str | None,
    statistic: str | None = None,
    merged: dict[str, dict[str, list[str]]] | None = None,
) -> dict[str, Any]:
    """The table broken down by column `by`: each value's row count and, for `column`, its
    figures. A number (`numeric_summary`'s reading, 'n/a' cells left out) gets count, mean,
    median, min, max and sum per group, groups ordered by `statistic` (mean by default; count:
    by rows), highest first; classes get each value's count per group, and its share of the
    group's present cells; no column, the row counts, most rows first. Empty `by` cells are one
    group, EMPTY_GROUP. Values differing only by case or outer spaces are one group (and one
    class), their spellings added to `merged` by column.
    """
    merged = {} if merged is None else merged
    by_cells, merged_by = merge_spellings(frame[by])
    if merged_by:
        merged[str(by)] = merged_by
    keys = by_cells.astype("string").fillna(EMPTY_GROUP)
    sizes = keys.value_counts(sort=False)
    out: dict[str, Any] = {"by": by, "column": column, "group_count": int(len(sizes))}
    numbers = _as_numbers(frame[column]) if column is not None else None
    rows: list[dict[str, Any]] = []
    if column is None:
        out["kind"] = "rows"
        shown = sizes.sort_values(ascending=False, kind="stable").head(GROUPS_SHOWN)
        rows = [{"value": str(k), "rows": int(n)} for k, n in shown.items()]
    elif numbers is not None:
        out["kind"] = "numbers"
        values = numbers[0].where(np.isfinite(numbers[0]))
        with np.errstate(all="ignore"):  # a sum overflowing is shown as no figure, not inf
            stats = values.groupby(keys, sort=False).agg(
                ["count", "mean", "median", "min", "max", "sum"]
            )
        stats = stats.reindex(sizes.index)
        figures = ["mean", "median", "min", "max", "sum"]
        # a group with no number (its sum would be 0) or whose figure overflowed (inf) has no
        # figure: NaN, so it sorts after every group that has one
        stats.loc[~(stats["count"] > 0), figures] = np.nan
        stats[figures] = stats[figures].where(np.isfinite(stats[figures].astype(float)))
        stats["rows"] = sizes
        out["statistic"] = statistic or "mean"
        order = "rows" if statistic == "count" else out["statistic"]
        # the asked figure highest first; groups with no number last, the larger first
        stats = stats.sort_values(
            list(dict.fromkeys([order, "rows"])), ascending=False, na_position="last", kind="stable"
        )
        for key, found in stats.head(GROUPS_SHOWN).iterrows():
            count = int(found["count"]) if pd.notna(found["count"]) else 0
            row: dict[str, Any] = {"value": str(key), "rows": int(found["rows"]), "count": count}
            for name in ("mean", "median", "min", "max", "sum"):
                figure = float(found[name])
                row[name] = round(figure, 6) if count and np.isfinite(figure) else None
            rows.append(row)
    else:
        out["kind"] = "classes"
        # the largest groups only, and the commonest classes (the rest one '(other)'), so a key
        # or free-text column makes no groups-by-values table the size of the data squared
        shown = sizes.sort_values(ascending=False, kind="stable").head(GROUPS_SHOWN)
        inside = keys.isin(shown.index)
        classes, merged_classes = merge_spellings(frame[column])
        if merged_classes:
            merged[str(column)] = merged_classes
        cells = classes.astype("string")[inside].fillna(EMPTY_GROUP)
        common = cells.value_counts().head(GROUP_CLASSES_SHOWN).index
        cells = cells.where(cells.isin(common), OTHER_CLASSES)
        table = pd.crosstab(keys[inside], cells)
        for key, n in shown.items():
            counts = {str(v): int(c) for v, c in table.loc[key].items() if c}
            present = sum(c for v, c in counts.items() if v != EMPTY_GROUP)
            shares = {v: round(c / present, 4) for v, c in counts.items() if v != EMPTY_GROUP}
            rows.append(
                {
                    "value": str(key),
                    "rows": int(n),
                    "counts": counts,
                    "shares": shares if present else {},
                }
            )
    out["groups"] = rows[:GROUPS_SHOWN]
    return out


CLASS_COLUMNS_SHOWN = 4
"""The most label-like columns inspect_dataset counts the values of (partly filled ones first)."""
CLASS_VALUES_MAX = 12
"""A column with more distinct values than this is not counted (a name, a free-text field)."""
MERGED_CLASSES_FROM = 4
"""A column with up to this many times CLASS_VALUES_MAX spellings is counted when they are few
values written several ways ('dog', 'Dog', 'dog ')."""


def _class_columns(
    frame: pd.DataFrame,
    label: str | None,
    missing: dict[str, int],
    merged: dict[str, dict[str, list[str]]] | None = None,
) -> dict[str, dict[str, int]]:
    """The value counts of the table's label-like columns besides `label`: text or yes/no
    columns with 2 to CLASS_VALUES_MAX distinct values (spellings differing only by case or
    outer spaces counted as one, added to `merged`), not ids; empty cells counted last, as
    '(empty)'. A partly filled one (the labels someone started on) comes first.
    """
    merged = {} if merged is None else merged
    found: list[tuple[int, str]] = []
    for col in frame.columns:
        name = str(col)
        if name == label or name.lower() in ("id", "uid") or name.lower().endswith("_id"):
            continue
        series = frame[col]
        if not (
            pd.api.types.is_object_dtype(series)
            or pd.api.types.is_bool_dtype(series)
            or isinstance(series.dtype, pd.CategoricalDtype)
            or pd.api.types.is_string_dtype(series)
        ):
            continue
        try:
            distinct = int(series.nunique(dropna=True))
        except TypeError:  # unhashable cells (lists, dicts) are no classes
            continue
        if 2 <= distinct <= MERGED_CLASSES_FROM * CLASS_VALUES_MAX:
            # 'dog', 'Dog', 'dog ': a few values written several ways are few classes
            distinct = int(merge_spellings(series)[0].nunique(dropna=True))
        if 2 <= distinct <= CLASS_VALUES_MAX and distinct < max(3, len(frame) // 2):
            found.append((0 if missing.get(name) else 1, name))
    found.sort(key=lambda item: item[0])
    out: dict[str, dict[str, int]] = {}
    for _, name in found[:CLASS_COLUMNS_SHOWN]:
        cells, spellings = merge_spellings(frame[name])
        if spellings:
            merged.setdefault(name, spellings)
        counts = {str(k): int(v) for k, v in cells.value_counts().items()}
        empty = int(frame[name].isna().sum())
        out[name] = {**counts, **({"(empty)": empty} if empty else {})}
    return out


NUMERIC_SUMMARY_MAX = 100
"""The most numeric columns summarised (the label first, then in table order)."""
MOSTLY_NUMBERS = 0.8
"""A text column whose present values are numbers at least this often is summarised as numbers
('12', '15', 'n/a', '9'), its other values counted as `not_numbers`."""


def _as_numbers(series: pd.Series) -> tuple[pd.Series, int] | None:
    """The column as float64 (missing and non-number cells NaN) and how many present cells are
    not numbers; None for a column that is not numeric (booleans, text, mostly words).

    The one rule for "is this a number column", used by where-comparisons, statistics, group
    figures and sorting: a text column is one when at least MOSTLY_NUMBERS of its filled cells
    read as numbers (blank cells are empty, not words).
    """
    if pd.api.types.is_bool_dtype(series):
        return None
    if pd.api.types.is_numeric_dtype(series):
        if pd.api.types.is_complex_dtype(series):
            return None
        return series.astype("float64"), 0
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(object)
    if not (pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series)):
        return None
    present = series.dropna()
    present = present[[not (isinstance(v, str) and not v.strip()) for v in present]]
    if present.empty:
        return None
    # True/False cells are answers, not numbers; anything else is tried as a number.
    usable = present[[not isinstance(v, bool | np.bool_) for v in present]]
    try:
        parsed = pd.to_numeric(usable.astype(str).str.strip(), errors="coerce")
    except (TypeError, ValueError, OverflowError):
        return None
    numbers = int(parsed.notna().sum())
    if numbers == 0 or numbers < MOSTLY_NUMBERS * len(present):
        return None
    return parsed.reindex(series.index).astype("float64"), len(present) - numbers


def numeric_summary(series: pd.Series) -> dict[str, Any] | None:
    """count (present), missing, mean, median, min, max, std and distinct of a numeric column;
    infinite values are counted apart and left out of the figures. None: not numeric.
    """
    found = _as_numbers(series)
    if found is None:
        return None
    values, not_numbers = found
    array = values.to_numpy(dtype=np.float64, na_value=np.nan)
    finite = array[np.isfinite(array)]
    infinite = int(np.isinf(array).sum())
    present = int(series.notna().sum())
    with np.errstate(all="ignore"):  # huge values overflow to inf in the mean: shown as None
        figures = (
            {
                "mean": float(np.mean(finite)),
                "median": float(np.median(finite)),
                "min": float(np.min(finite)),
                "max": float(np.max(finite)),
                "std": float(np.std(finite, ddof=1)) if len(finite) > 1 else None,
            }
            if len(finite)
            else dict.fromkeys(("mean", "median", "min", "max", "std"))
        )
    distinct = int(len(np.unique(finite)))
    out: dict[str, Any] = {
        "count": present,
        "missing": int(len(series) - present),
        **{
            k: (round(v, 6) if v is not None and np.isfinite(v) else None)
            for k, v in figures.items()
        },
        "distinct": distinct,
        "continuous": distinct > REGRESSION_MIN_DISTINCT,
    }
    if infinite:
        out["infinite"] = infinite
    if not_numbers:
        out["not_numbers"] = not_numbers
    return out


def numeric_summaries(frame: pd.DataFrame, first: str | None = None) -> dict[str, dict[str, Any]]:
    """numeric_summary of the table's numeric columns, `first` (the label) first."""
    names = [str(c) for c in frame.columns]
    order = sorted(range(len(names)), key=lambda i: names[i] != first)
    out: dict[str, dict[str, Any]] = {}
    for i in order:
        if len(out) >= NUMERIC_SUMMARY_MAX:
            break
        if names[i] in out:
            continue  # a repeated column name: its first column
        summary = numeric_summary(frame.iloc[:, i])
        if summary is not None:
            out[names[i]] = summary
    return out
