"""vote_labels: apply labeling functions and write the rows with each LF's vote and the majority."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from pydantic import Field

from errors import BadInput
from store.workspace import relative_to_workspace, resolve_path
from tools.base import ToolContext, ToolInput, tool
from tools.labeling.apply import apply_lfs
from tools.labeling.gold import ensure_ids
from tools.labeling.specs import parse_lfs
from tools.tabular import read_table


class VoteLabelsInput(ToolInput):
    """Arguments of vote_labels."""

    data_path: str = Field(description="The rows to label (a file in the workspace).")
    output_path: str = Field(description="Where to write the labeled table (.csv/.parquet/.jsonl).")
    labeling_functions: list[dict[str, Any]] = Field(
        min_length=1, description="LF specs: declarative (keyword, regex, ...) or code."
    )
    classes: list[str] | None = Field(
        default=None, description="Class names; LF return value i means classes[i]."
    )
    id_column: str = Field(default="id", description="The id column (row number if absent).")
    timeout_s: float = Field(default=10.0, gt=0, le=300, description="Per code LF per batch.")


def guess_classes(specs: list[Any]) -> list[str]:
    """Without classes, code LFs vote 0..K-1 where K covers every literal label they return."""
    highest = 1
    for spec in specs:
        for match in re.finditer(r"return\s+(\d+)", getattr(spec, "code", "")):
            highest = max(highest, int(match.group(1)))
    return [str(i) for i in range(highest + 1)]


@tool(VoteLabelsInput)
def vote_labels(args: VoteLabelsInput, ctx: ToolContext) -> dict[str, Any]:
    """Apply labeling functions and write the rows with each LF's vote and the majority label.

    The output has the data's columns, one `lf_<name>` column per LF (-1 = abstain), `label`
    (majority vote, -1 where no LF voted) and `label_name` when classes are given. Code LFs
    run in the sandbox. Returns the output path, row counts and each LF's coverage and error.
    """
    data = resolve_path(args.data_path, must_exist=True)
    out = resolve_path(args.output_path, for_write=True)
    specs = parse_lfs(args.labeling_functions, args.classes)
    frame = read_table(data)
    if len(frame) == 0:
        raise BadInput("the data has no rows", hint="give a table with at least one row")
    frame.columns = [str(c) for c in frame.columns]
    frame = ensure_ids(frame, args.id_column).reset_index(drop=True)
    classes = args.classes or guess_classes(specs)
    ctx.progress("applying labeling functions", 0.1)
    result = apply_lfs(
        frame,
        specs,
        classes,
        id_column=args.id_column,
        sandbox_options={"timeout_s": args.timeout_s},
    )
    ctx.check_cancelled()
    table = frame.copy()
    for j, name in enumerate(result.names):
        table[f"lf_{name}"] = result.matrix[:, j]
    counts = np.stack([(result.matrix == c).sum(axis=1) for c in range(len(classes))], axis=1)
    label = np.where(counts.sum(axis=1) > 0, counts.argmax(axis=1), -1)
    table["label"] = label
    if args.classes:
        table["label_name"] = [classes[i] if i >= 0 else None for i in label]
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed: a run resumed after a crash never finds half a file.
    partial = out.with_name(f".{out.name}.partial")
    suffix = out.name.lower()
    if suffix.endswith(".parquet"):
        table.to_parquet(partial, index=False)
    elif suffix.endswith(".jsonl"):
        table.to_json(partial, orient="records", lines=True)
    else:
        table.to_csv(partial, index=False)
    partial.replace(out)
    ctx.progress("labels written", 1.0)
    return {
        "status": "success",
        "output_path": relative_to_workspace(out),
        "rows": int(len(frame)),
        "labeled_rows": int((label >= 0).sum()),
        "labeling_functions": [
            {
                "name": name,
                "coverage": round(float((result.matrix[:, j] != -1).mean()), 6),
                "error": next((e["reason"] for e in result.errors if e["name"] == name), None),
            }
            for j, name in enumerate(result.names)
        ],
        "errors": result.errors,
    }
