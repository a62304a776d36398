"""vote_labels: apply labeling functions and write the rows with each LF's vote and the majority."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from tools.base import ToolContext, ToolInput, tool
from tools.labeling.create import create_labels


class VoteLabelsInput(ToolInput):
    """Arguments of vote_labels."""

    data_path: str = Field(description="The rows to label (a file in the workspace).")
    output_path: str = Field(description="Where to write the labeled table (.csv/.parquet/.jsonl).")
    labeling_functions: list[dict[str, Any]] | str = Field(
        min_length=1,
        description="LF specs: declarative (keyword, regex, ...) or code; or the workspace path "
        "of a JSON file of them (as write_labeling_functions writes).",
    )
    classes: list[str] | None = Field(
        default=None, description="Class names; LF return value i means classes[i]."
    )
    id_column: str = Field(default="id", description="The id column (row number if absent).")
    label_column: str | None = Field(
        default=None, description="The data's column of hand labels (its values are the classes)."
    )
    timeout_s: float = Field(default=10.0, gt=0, le=300, description="Per code LF per batch.")
    overwrite: bool = Field(
        default=False,
        description="Replace the file output_path names when it is the person's (a file "
        "vote_labels did not write in this run): refused with a 409 otherwise.",
    )


@tool(VoteLabelsInput)
def vote_labels(args: VoteLabelsInput, ctx: ToolContext) -> dict[str, Any]:
    """Apply labeling functions and write the rows with each LF's vote and the majority label.

    The output has the data's columns, one `lf_<name>` column per LF (-1 = abstain), `label`
    (majority vote, -1 where no LF voted) and `label_name` when classes are named. Classes
    come from `classes`, else the hand labels in `label_column`, else the declarative LFs'
    labels, else 0/1. Code LFs run in the sandbox. A file already at output_path that this
    run did not write is replaced only with overwrite=true. Returns the output path, row
    counts and each LF's coverage and error.
    """
    ctx.progress("applying labeling functions", 0.1)
    given = args.model_dump()
    if isinstance(args.labeling_functions, str):
        from tools.labeling.tools import load_lf_list

        given["labeling_functions"] = load_lf_list(None, args.labeling_functions)
    out = create_labels(**given, ctx=ctx)
    ctx.progress("labels written", 1.0)
    return out
