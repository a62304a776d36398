"""The compatible API's create-labels: apply LFs to a table and write it with votes and labels."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from errors import BadInput, column_not_found
from store.outputs import named_target, record
from store.workspace import output_file, relative_to_workspace, resolve_path
from tools.base import ToolContext
from tools.labeling.apply import apply_lfs
from tools.labeling.gold import ensure_ids
from tools.labeling.limits import BINARY, checked_classes
from tools.labeling.specs import DeclarativeLF, LFSpec, parse_lfs
from tools.tabular import read_table


def request_classes(
    given: list[str] | None,
    frame: pd.DataFrame,
    label_column: str | None,
    specs: list[LFSpec],
) -> list[str]:
    """The classes of a create-labels request, never derived from what LF code returns.

    In order: the request's `classes`; the hand labels in `label_column`; the labels the
    declarative LFs name (sorted; one named class other than `0`/`1` is a class set of its
    own, so rules that all say 'mixed' vote 'mixed' or abstain); else binary `0`/`1`. A code
    LF's vote outside them is that LF's error, and every source passes the class cap.
    """
    if given is not None:
        return checked_classes(given, "the request's classes")
    if label_column is not None:
        if label_column not in frame.columns:
            raise column_not_found(
                label_column,
                frame.columns,
                argument="label_column",
                what="label",
                code="column_not_found",
            )
        return checked_classes(hand_classes(frame[label_column]), "the hand labels")
    named = sorted({s.label for s in specs if isinstance(s, DeclarativeLF)})
    if len(named) >= 2 or not set(named) <= set(BINARY):
        return checked_classes(named, "the labeling functions' labels", minimum=1)
    return list(BINARY)


def hand_classes(labels: pd.Series) -> list[str]:
    """The distinct filled-in hand labels of a column, as text, sorted."""
    hand = labels.dropna().map(_label_text)
    return sorted(set(hand[hand != ""]))


def _label_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def majority_labels(matrix: np.ndarray) -> np.ndarray:
    """Each row's most voted class (ties: the smaller class), -1 where no LF voted.

    Memory is rows x LFs, whatever the number of classes.
    """
    if matrix.shape[1] == 0:
        return np.full(len(matrix), -1, dtype=np.int64)
    votes = np.where(matrix >= 0, matrix, np.iinfo(np.int64).max)
    ordered = np.sort(votes, axis=1)
    best = np.full(len(matrix), -1, dtype=np.int64)
    best_count = np.zeros(len(matrix), dtype=np.int64)
    run = np.ones(len(matrix), dtype=np.int64)
    for j in range(ordered.shape[1]):
        if j:
            same = ordered[:, j] == ordered[:, j - 1]
            run = np.where(same, run + 1, 1)
        valid = ordered[:, j] != np.iinfo(np.int64).max
        better = valid & (run > best_count)
        best = np.where(better, ordered[:, j], best)
        best_count = np.where(better, run, best_count)
    return best


def create_labels(
    *,
    data_path: str,
    output_path: str,
    labeling_functions: list[dict[str, Any]],
    classes: list[str] | None,
    id_column: str,
    label_column: str | None,
    timeout_s: float,
    ctx: ToolContext,
    overwrite: bool = False,
) -> dict[str, Any]:
    """Apply LFs (code in the sandbox) to a table and write it with one column per LF, `label`
    (majority vote, -1 where no LF voted) and `label_name` when classes were named.
    """
    data = resolve_path(data_path, must_exist=True)
    # The person's file at output_path is refused (a 409) before anything runs or is written.
    named_target(
        output_path, "output_path", tool="vote_labels", overwrite=overwrite, run_id=ctx.run_id
    )
    out = output_file(output_path)
    frame = read_table(data)
    if len(frame) == 0:
        raise BadInput("the data has no rows", hint="give a table with at least one row")
    frame.columns = [str(c) for c in frame.columns]
    frame = ensure_ids(frame, id_column).reset_index(drop=True)
    specs = parse_lfs(labeling_functions)
    names = request_classes(classes, frame, label_column, specs)
    specs = parse_lfs(labeling_functions, names)
    result = apply_lfs(
        frame,
        specs,
        names,
        id_column=id_column,
        sandbox_options={"timeout_s": timeout_s, "cancel_event": ctx.cancel_event},
    )
    table = frame.copy()
    for j, name in enumerate(result.names):
        table[f"lf_{name}"] = result.matrix[:, j]
    label = majority_labels(result.matrix)
    table["label"] = label
    if names != BINARY or classes is not None:
        table["label_name"] = [names[i] if i >= 0 else None for i in label]
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
    record([out], tool="vote_labels", run_id=ctx.run_id)  # a resumed step may write it again
    return {
        "status": "success",
        "output_path": relative_to_workspace(out),
        "rows": int(len(frame)),
        "labeled_rows": int((label >= 0).sum()),
        "classes": names,
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
