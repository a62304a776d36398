"""Labeling tools: apply_labeling_functions (@tool) and the inputs of the labeling workflows."""

from __future__ import annotations

import json
import time
from typing import Any, Literal

import pandas as pd
from pydantic import AliasChoices, Field

from errors import BadInput
from store.outputs import refuse_filling
from store.workspace import relative_to_workspace, resolve_path
from tools.base import ToolContext, ToolInput, tool, workflow
from tools.labeling.analysis import lf_summary, matrix_summary
from tools.labeling.apply import apply_lfs
from tools.labeling.create import hand_classes
from tools.labeling.gold import ensure_ids, join_gold, plan_join, split_gold
from tools.labeling.limits import checked_classes
from tools.labeling.outputs import artifact, file_stem, output_dir, write_json, write_summary
from tools.labeling.specs import parse_lfs
from tools.tabular import load_table


class _DataArgs(ToolInput):
    """Where the rows and the hand labels are."""

    dataset: str = Field(
        description="The rows to label: a file path in the workspace or a dataset id.",
        validation_alias=AliasChoices("dataset", "data_path"),
    )
    gold: str | None = Field(
        default=None,
        validation_alias=AliasChoices("gold", "gold_path"),
        description="Hand labels: a file/dataset with an id column and a label column. "
        "Unset: the filled-in cells of the data's label_column are the hand labels.",
    )
    classes: list[str] | None = Field(
        default=None,
        min_length=2,
        validation_alias=AliasChoices("classes", "labels"),
        description="The class names (default: those in the hand labels).",
    )
    id_column: str | None = Field(
        default=None,
        description="The data's id column. Unset: the column the gold file shares with the data; "
        "with none shared and equal row counts, by position (said in the result).",
    )
    label_column: str | None = Field(
        default=None,
        description="The data's label column holding the hand labels that are filled in; also the "
        "gold file's label column name when gold_label_column is unset.",
    )
    gold_id_column: str | None = Field(default=None, description="Id column of the gold file.")
    gold_label_column: str | None = Field(
        default=None, description="Label column of the gold file."
    )
    text_column: str | None = Field(default=None, description="The free-text column (guessed).")
    feature_columns: list[str] | None = Field(
        default=None,
        description="Columns LFs and the end model may use (default: all but id/label).",
    )
    dev_fraction: float = Field(
        default=0.6, gt=0, le=1, description="Share of the hand labels the loop may tune on."
    )
    seed: int = Field(default=0, description="Seed of the dev/held-out split and the models.")
    allow_many_classes: bool = Field(
        default=False,
        description="Label even when the label looks like a quantity (numeric, many values) or "
        "has more than 30 classes; only when the person asks for it.",
    )


class LabelDatasetInput(_DataArgs):
    """Arguments of label_dataset."""

    goal: str = Field(
        default="", description="What the labels mean, in words (for the LLM writer)."
    )
    labeling_functions: list[dict[str, Any]] | None = Field(
        default=None,
        description="Starting LFs (declarative specs or {name, code}); mined if unset.",
    )
    target_metric: Literal["auc", "accuracy", "f1_macro", "coverage"] = Field(
        default="auc",
        description="The metric the loop drives to target_value (on held-out labels).",
    )
    target_value: float = Field(
        default=0.9, ge=0, le=1, description="The target for target_metric."
    )
    max_attempts: int = Field(
        default=3, ge=1, le=20, description="Write/apply/evaluate rounds at most."
    )
    writer: Literal["auto", "builtin", "llm"] = Field(
        default="auto", description="auto: the LLM when one is configured, else the built-in miner."
    )
    end_model: bool = Field(
        default=True, description="Train a small model on the soft labels to label uncovered rows."
    )
    refit_with_heldout: bool = Field(
        default=True,
        description="After the loop, retrain the end model with all hand labels (metrics are "
        "reported as measured before this refit).",
    )
    accuracy_floor: float = Field(
        default=0.6,
        ge=0,
        le=1,
        description="LFs below this dev accuracy are dropped between attempts.",
    )
    output_dir: str | None = Field(default=None, description="Workspace folder for the artifacts.")
    overwrite: bool = Field(
        default=False,
        description="Replace the files of the person's that output_dir holds under the names "
        "this tool writes (refused with a 409 otherwise).",
    )
    code_timeout_s: float = Field(default=10.0, gt=0, le=300, description="Per code LF per batch.")
    embeddings: Literal["auto", "on", "off"] = Field(
        default="auto",
        description="Sentence embeddings (offline MiniLM) as features of extra hand-label "
        "candidates: auto = for short texts (tweet-sized) when the model package is installed.",
    )


class WriteLabelingFunctionsInput(_DataArgs):
    """Arguments of write_labeling_functions."""

    goal: str = Field(
        default="", description="What the labels mean, in words (for the LLM writer)."
    )
    writer: Literal["auto", "builtin", "llm"] = Field(
        default="auto", description="auto: the LLM when one is configured, else the built-in miner."
    )
    min_precision: float = Field(
        default=0.75, ge=0.5, le=1, description="Built-in miner strictness."
    )
    max_per_class: int = Field(default=40, ge=1, le=500, description="Keyword LFs kept per class.")
    output_path: str | None = Field(default=None, description="Where to save the LF set (JSON).")
    overwrite: bool = Field(
        default=False,
        description="Replace the file output_path names when it is the person's (a file "
        "write_labeling_functions did not write in this run): refused with a 409 otherwise.",
    )


write_labeling_functions = workflow(
    "write_labeling_functions",
    WriteLabelingFunctionsInput,
    """Write labeling functions for a dataset from its hand labels (mined offline, or by the LLM).

    Returns the LF set as reusable specs ({name, label, kind, column, ...}) saved as JSON.
    """,
)

label_dataset = workflow(
    "label_dataset",
    LabelDatasetInput,
    """Weak-supervise labels for a dataset until a quality target is met (Snorkel label model).

    Loop: write LFs -> apply -> analyse -> combine (label model vs majority vote) -> end model
    -> evaluate on dev hand labels -> diagnose and rewrite, up to max_attempts. The target is
    measured on held-out hand labels. Writes a parquet (id, label, prob_<class>, covered,
    label_source + original columns), the LF set, an LF summary table and chart.
    """,
)


class ApplyLabelingFunctionsInput(ToolInput):
    """Arguments of apply_labeling_functions."""

    dataset: str = Field(
        description="The rows: a file path in the workspace or a dataset id.",
        validation_alias=AliasChoices("dataset", "data_path"),
    )
    labeling_functions: list[dict[str, Any]] | None = Field(
        default=None,
        description="LFs: declarative specs {name, label, kind, column, ...} or {name, code}.",
    )
    lfs_path: str | None = Field(
        default=None, description="A JSON file of LFs (as written by write_labeling_functions)."
    )
    classes: list[str] | None = Field(
        default=None,
        min_length=2,
        validation_alias=AliasChoices("classes", "labels"),
        description="The class names; label i = classes[i] (default: the hand labels' values, "
        "else the labels the declarative LFs vote for; sorted).",
    )
    id_column: str | None = Field(
        default=None,
        description="The data's id column (unset: `id`, or the column a gold file shares).",
    )
    gold: str | None = Field(
        default=None,
        validation_alias=AliasChoices("gold", "gold_path"),
        description="Hand labels (id + label) for dev accuracy.",
    )
    label_column: str | None = Field(default=None, description="Label column (data or gold file).")
    gold_id_column: str | None = Field(default=None, description="Id column of the gold file.")
    gold_label_column: str | None = Field(
        default=None, description="Label column of the gold file."
    )
    output_dir: str | None = Field(default=None, description="Workspace folder for the artifacts.")
    overwrite: bool = Field(
        default=False,
        description="Replace the files of the person's that output_dir holds under the names "
        "this tool writes (refused with a 409 otherwise).",
    )
    code_timeout_s: float = Field(default=10.0, gt=0, le=300, description="Per code LF per batch.")


def load_lf_list(labeling_functions: list[dict[str, Any]] | None, lfs_path: str | None) -> list:
    """LFs given inline or as a JSON file in the workspace (a list, or {labeling_functions})."""
    if labeling_functions:
        return list(labeling_functions)
    if lfs_path:
        path = resolve_path(lfs_path, must_exist=True)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BadInput(
                f"{lfs_path} is not valid JSON: {exc}", hint="give a JSON list of LFs"
            ) from None
        if isinstance(data, dict):
            data = data.get("labeling_functions")
        if not isinstance(data, list):
            raise BadInput(f"{lfs_path} holds no list of LFs", hint="a JSON list of LF specs")
        return data
    raise BadInput(
        "no labeling functions given", hint="pass labeling_functions or lfs_path", code="no_lfs"
    )


def _classes_of(raw: list[Any], given: list[str] | None, hand: list[str] | None) -> list[str]:
    """The classes given, else the hand labels' (sorted), else those the declarative LFs name
    (sorted); code LFs need one of the first two.
    """
    if given is not None:
        return checked_classes(given, "the classes given")
    if hand:
        return checked_classes(hand, "the hand labels")
    found = sorted({str(r["label"]) for r in raw if isinstance(r, dict) and "label" in r})
    if len(found) < 2 or any(isinstance(r, dict) and "code" in r for r in raw):
        raise BadInput(
            "classes are needed to apply these labeling functions",
            hint="pass classes, e.g. ['negative', 'positive']; code LFs return classes[i] as i",
            code="no_classes",
        )
    return checked_classes(found, "the labeling functions' labels")


APPLY_FILES = (
    "label_matrix.parquet",
    "labeling_functions.json",
    "lf_summary.csv",
    "lf_summary.png",
)
"""The files apply_labeling_functions writes into its output folder."""


@tool(ApplyLabelingFunctionsInput, tags=("labeling",))
def apply_labeling_functions(args: ApplyLabelingFunctionsInput, ctx: ToolContext) -> dict[str, Any]:
    """Apply labeling functions to a dataset: label matrix (-1 = abstain) and per-LF analysis.

    Declarative LFs run vectorised; code LFs run in the bubblewrap sandbox (refused if it
    cannot start). LFs that fail are reported by name with the reason; the others still run.
    With hand labels (gold or label_column), each LF's dev accuracy is reported.
    """
    if args.output_dir:  # files of the person's in that folder are refused before any work
        refuse_filling(
            args.output_dir,
            APPLY_FILES,
            "output_dir",
            tool="apply_labeling_functions",
            overwrite=args.overwrite,
            run_id=ctx.run_id,
        )
    raw = load_lf_list(args.labeling_functions, args.lfs_path)
    frame, origin = load_table(args.dataset)
    frame.columns = [str(c) for c in frame.columns]
    if len(frame) == 0:
        raise BadInput(f"dataset {args.dataset!r} has no rows", hint="give a table with rows")
    with_gold = bool(args.gold or (args.label_column and args.label_column in frame.columns))
    gold_frame = None
    if args.gold:
        gold_frame, _ = load_table(args.gold, argument="gold")
        gold_frame.columns = [str(c) for c in gold_frame.columns]
    plan = plan_join(
        list(frame.columns),
        gold_frame,
        id_column=args.id_column,
        label_column=args.label_column,
        gold_id_column=args.gold_id_column,
        gold_label_column=args.gold_label_column,
        data_rows=len(frame),
    )
    hand = None
    if gold_frame is not None and plan.gold_label_column in gold_frame.columns:
        hand = hand_classes(gold_frame[plan.gold_label_column])
    elif gold_frame is None and args.label_column in frame.columns:
        hand = hand_classes(frame[args.label_column])
    classes = _classes_of(raw, args.classes, hand)
    specs = parse_lfs(raw, classes)
    id_column = plan.id_column
    frame = ensure_ids(frame, id_column).reset_index(drop=True)
    ctx.progress(f"applying {len(specs)} labeling functions to {len(frame)} rows", 0.1)
    started = time.perf_counter()
    result = apply_lfs(
        frame,
        specs,
        classes,
        id_column=id_column,
        sandbox_options={"timeout_s": args.code_timeout_s, "cancel_event": ctx.cancel_event},
    )
    seconds = time.perf_counter() - started
    dev_rows = dev_labels = None
    gold_report = None
    if with_gold:
        gold = join_gold(
            frame,
            gold_frame,
            id_column=id_column,
            label_column=args.label_column,
            gold_id_column=plan.gold_id_column,
            gold_label_column=plan.gold_label_column,
            classes=classes,
            how=plan.how,
        )
        dev_idx, _ = split_gold(gold, 1.0, 0)
        dev_rows, dev_labels = gold.rows[dev_idx], gold.labels[dev_idx]
        gold_report = gold.report()
    summary = lf_summary(
        result.matrix,
        result.names,
        classes,
        dev_rows=dev_rows,
        dev_labels=dev_labels,
        errors=result.errors,
    )
    stem = file_stem(origin["id"])
    out = output_dir(args.output_dir, f"apply-{stem}-{time.strftime('%Y%m%d-%H%M%S')}")
    matrix_path = out / "label_matrix.parquet"
    # One int column per LF, named like it (an LF named "id" becomes "lf_id").
    table = pd.DataFrame(result.matrix, columns=[n if n != "id" else "lf_id" for n in result.names])
    table.insert(0, "id", frame[id_column].to_numpy())
    table.to_parquet(matrix_path, index=False)
    lfs_path = out / "labeling_functions.json"
    write_json(lfs_path, [s.to_dict() for s in specs])
    summary_csv, chart = out / "lf_summary.csv", out / "lf_summary.png"
    write_summary(summary_csv, chart, summary)
    ctx.progress("applied", 1.0)
    return {
        "rows": int(len(frame)),
        "lf_count": len(specs),
        "classes": list(classes),
        "seconds": round(seconds, 3),
        "matrix": matrix_summary(result.matrix),
        "summary": summary,
        "errors": result.errors,
        "gold": gold_report,
        "matrix_path": relative_to_workspace(matrix_path),
        "artifacts": [
            artifact("label matrix", matrix_path, "table"),
            artifact("labeling functions", lfs_path, "json"),
            artifact("LF summary", summary_csv, "table"),
            artifact("LF summary chart", chart, "image"),
        ],
        "abstain": -1,
        "label_of": {str(i): c for i, c in enumerate(classes)},
        "votes": {c: int((result.matrix == i).sum()) for i, c in enumerate(classes)},
        "rows_covered": int((result.matrix != -1).any(axis=1).sum()),
    }
