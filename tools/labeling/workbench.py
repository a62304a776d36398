"""The labeling workbench: look at a labeling run's LFs and rows, edit LFs, re-apply, fix labels.

A workbench lives in `<labeling_dir>/workbench/` next to the artifacts `label_dataset` wrote
(`labeled.parquet`, `labeling_functions.json`, `metrics.json`) and never changes them:

- `data.parquet`      the rows the LFs run on (the run's original columns and its `id`)
- `hand_labels.csv`   `id, label, source, at`: the run's hand labels (`gold`) and the person's
                      corrections (`correction`); a correction replaces an earlier label of the row
- `labeling_functions.json`, `labeled.parquet`   the current version's LFs and labels
- `state.json`        classes, columns, and one entry per version (LF analysis, label model
                      metrics on the hand labels, what changed)
- `exports/`          files written by `export_labeled_data`
"""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import Field, field_validator, model_validator

from errors import BadInput, Conflict, NotFound, candidate_details, closest, column_not_found
from store.outputs import named_target, record
from store.workspace import relative_to_workspace, resolve_path
from tools.base import ToolContext, ToolInput, tool
from tools.labeling.analysis import lf_summary, matrix_summary
from tools.labeling.apply import apply_lfs
from tools.labeling.combine import class_prior, combine
from tools.labeling.gold import _key, join_gold, plan_join
from tools.labeling.outputs import (
    FILLED_SUFFIX,
    HAND,
    SOURCE_SUFFIX,
    add_filled,
    artifact,
    filled_marks,
    labeled_meta,
    write_json,
    write_summary,
)
from tools.labeling.rowrefs import ref_of, resolve_rows
from tools.labeling.specs import ABSTAIN, parse_lfs
from tools.tabular import load_table

CONTRACT = ("id", "label", "covered", "label_source")
FOLDER = "workbench"
HAND_SOURCES = ("gold", "correction")
MAX_LFS = 500
_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _lock(folder: Path) -> threading.Lock:
    """One lock per workbench: edits of the same workbench never interleave."""
    with _locks_guard:
        return _locks.setdefault(str(folder), threading.Lock())


# ----- inputs ----------------------------------------------------------------------------------
class WorkbenchInput(ToolInput):
    """Which labeling output the workbench works on."""

    labeling_dir: str = Field(
        max_length=1000,
        description="The workspace folder label_dataset wrote (it holds labeled.parquet), "
        "e.g. labeling/reviews-20260101-120000.",
    )


class OpenWorkbenchInput(WorkbenchInput):
    """Arguments of labeling_workbench (the hand-label fields are read on first open only)."""

    gold: str | None = Field(
        default=None, max_length=1000, description="Hand labels file/dataset the run used."
    )
    label_column: str | None = Field(
        default=None, max_length=300, description="The data column holding the hand labels."
    )
    gold_id_column: str | None = Field(default=None, max_length=300)
    gold_label_column: str | None = Field(default=None, max_length=300)


class RowsInput(WorkbenchInput):
    """Arguments of workbench_rows."""

    lf: str | None = Field(
        default=None, max_length=100, description="Only rows this labeling function votes on."
    )
    label: str | None = Field(
        default=None, max_length=300, description="Only rows with this label."
    )
    source: Literal["hand", "label_model", "majority_vote", "end_model", "prior"] | None = Field(
        default=None, description="Only rows whose label came from here."
    )
    query: str | None = Field(
        default=None, max_length=200, description="Only rows whose shown text contains this."
    )
    offset: int = Field(default=0, ge=0, le=10_000_000)
    limit: int = Field(default=25, ge=1, le=200)


class ReapplyInput(WorkbenchInput):
    """Arguments of reapply_labeling_functions."""

    labeling_functions: list[dict[str, Any]] = Field(
        min_length=1,
        max_length=MAX_LFS,
        description="The whole edited LF set (declarative specs {name, label, kind, column, "
        "...} or {name, code}); LFs left out are removed.",
    )
    end_model: bool = Field(
        default=True, description="Label the rows no LF covers with a model trained on the rest."
    )


class Correction(ToolInput):
    """One corrected label: the row named by its id, or by its position ("row 12")."""

    id: str | int | None = Field(
        default=None,
        description="The row's id: a value of the labeled data's id column (`id`, or the "
        "id-like column that holds it, e.g. `ticket_no`).",
    )
    row: int | None = Field(
        default=None,
        ge=0,
        le=1_000_000_000,
        description="Set instead of id when the person named a row ('row 12'): the value in the "
        "id column when one holds it, else the row's position counted from 0.",
    )
    label: str = Field(min_length=1, max_length=300, description="The right class.")

    @field_validator("id")
    @classmethod
    def _id_text(cls, value: str | int | None) -> str | int | None:
        if isinstance(value, str) and not value.strip():
            raise ValueError("id must not be blank")
        return value

    @model_validator(mode="after")
    def _one_reference(self) -> Correction:
        if (self.id is None) == (self.row is None):
            raise ValueError("give the row's id or its row number (one of them)")
        return self


class CorrectLabelsInput(WorkbenchInput):
    """Arguments of correct_labels."""

    corrections: list[Correction] = Field(min_length=1, max_length=1000)
    id_column: str | None = Field(
        default=None,
        max_length=300,
        description="The labeled data's column the corrections' ids are in (default `id`; "
        "when it does not hold them, the one id-like column that does).",
    )


class ExportLabelsInput(WorkbenchInput):
    """Arguments of export_labeled_data."""

    format: Literal["csv", "parquet"] = Field(default="csv", description="File format.")
    output_path: str | None = Field(
        default=None,
        max_length=1000,
        description="Where to write it in the workspace (default: <labeling_dir>/workbench/"
        "exports/labeled-v<version>.<format>).",
    )
    overwrite: bool = Field(
        default=False,
        description="Replace the file output_path names when it is the person's (a file "
        "export_labeled_data did not write in this run): refused with a 409 otherwise; the "
        "default file never needs it.",
    )


# ----- files -----------------------------------------------------------------------------------
def _labeling_dir(raw: str) -> Path:
    folder = resolve_path(raw, must_exist=True, for_write=True)
    if folder.is_file() and folder.name == "labeled.parquet":
        folder = folder.parent  # a run's labeled_path names its folder too
    if folder.name == FOLDER and (folder.parent / "labeled.parquet").is_file():
        folder = folder.parent  # the workbench's own labeled_path: its labeling run
    if not folder.is_dir() or not (folder / "labeled.parquet").is_file():
        raise NotFound(
            f"{raw!r} is not a labeling output folder (no labeled.parquet in it)",
            hint="use the folder of a label_dataset run (its labeled_path without the file name)",
            code="not_a_labeling_dir",
        )
    return folder


def _ensure_open(folder: Path, labeling_dir: str, ctx: ToolContext) -> None:
    """Open the workbench on first use by any of its tools (hand labels as the run had them),
    so 'show me the rows ...' right after labeling works without an explicit open.
    """
    wb = folder / FOLDER
    with _lock(wb):
        if not (wb / "state.json").is_file():
            _open(folder, OpenWorkbenchInput(labeling_dir=labeling_dir), ctx)


def _read_state(wb: Path) -> dict[str, Any]:
    path = wb / "state.json"
    if not path.is_file():
        raise Conflict(
            "this labeling output has no workbench yet",
            hint="open it first with labeling_workbench",
            code="workbench_not_open",
        )
    return json.loads(path.read_text(encoding="utf-8"))


def _write_state(wb: Path, state: dict[str, Any]) -> None:
    tmp = wb / "state.json.tmp"
    write_json(tmp, state)
    tmp.replace(wb / "state.json")


def _data_frame(labeled: pd.DataFrame, classes: list[str]) -> pd.DataFrame:
    """The run's rows as they were: the labeled file less its own columns, clashes renamed back.

    The filled-in hand-label column (`team_filled`, `team_source`) is the run's output, not data:
    as a feature it would be the label itself.
    """
    own = {*CONTRACT, *(f"prob_{c}" for c in classes)}
    own |= filled_marks(labeled, labeled_meta(labeled))
    keep = ["id"] + [c for c in labeled.columns if c not in own]
    frame = labeled[keep].copy()
    renames = {}
    for col in frame.columns:
        base = col.removesuffix("_original")
        if col != base and base in own and base not in frame.columns:
            renames[col] = base
    return frame.rename(columns=renames)


def _hand_labels(wb: Path) -> pd.DataFrame:
    table = pd.read_csv(wb / "hand_labels.csv", dtype={"id": str, "label": str})
    return table.drop_duplicates("id", keep="last")


def _joined(frame: pd.DataFrame, hand: pd.DataFrame, classes: list[str]) -> tuple[Any, Any]:
    """Row positions and class indices of the hand labels."""
    position = pd.Series(np.arange(len(frame)), index=pd.Index(_key(frame["id"])))
    hand = hand[hand["id"].isin(position.index) & hand["label"].isin(classes)]
    rows = position.loc[hand["id"].to_numpy()].to_numpy(dtype=np.int64)
    labels = np.array([classes.index(v) for v in hand["label"]], dtype=np.int64)
    return rows, labels


def _analysis(
    frame: pd.DataFrame, lfs: list[dict[str, Any]], classes: list[str], hand: pd.DataFrame
) -> tuple[dict[str, Any], Any]:
    """Apply the LFs; their analysis on the hand labels and the label model's result."""
    specs = parse_lfs(lfs, classes)
    result = apply_lfs(frame, specs, classes, id_column="id")
    rows, labels = _joined(frame, hand, classes)
    summary = lf_summary(
        result.matrix, result.names, classes, dev_rows=rows, dev_labels=labels, errors=result.errors
    )
    for row in summary:
        # The hand labels here are all of them (the run's and the corrections), not a dev split.
        row["hand_votes"] = row.pop("dev_votes")
        row["hand_correct"] = row.pop("dev_correct")
        row["hand_accuracy"] = row.pop("dev_accuracy")
    ok = np.array([n not in result.failed for n in result.names], dtype=bool)
    matrix = result.matrix[:, ok] if ok.any() else result.matrix[:, :0]
    combined = combine(matrix, len(classes), dev_rows=rows, dev_labels=labels)
    chosen = combined.dev_metrics.get(combined.method, {})
    info = {
        "lf_summary": summary,
        "lf_errors": result.errors,
        "matrix": matrix_summary(result.matrix),
        "label_model": {
            "method": combined.method,
            "reason": combined.reason,
            "on_hand_labels": chosen,
            "both": combined.dev_metrics,
            "note": f"measured on the {len(rows)} hand labels, which also chose the combiner "
            "and weigh the class balance: development figures, not a held-out estimate",
        },
    }
    return info, (result, combined, rows, labels)


def _distribution(labels: pd.Series, classes: list[str]) -> dict[str, int]:
    counts = labels.astype(str).value_counts()
    return {c: int(counts.get(c, 0)) for c in classes}


def _summary_chart(wb: Path, version: int, summary: list[dict[str, Any]]) -> Path:
    charts = wb / "charts"
    charts.mkdir(exist_ok=True)
    chart = charts / f"lf_summary_v{version}.png"
    plain = [
        {**r, "dev_accuracy": r["hand_accuracy"], "dev_votes": r["hand_votes"]} for r in summary
    ]
    write_summary(charts / f"lf_summary_v{version}.csv", chart, plain, accuracy_label="hand")
    return chart


def _public(folder: Path, wb: Path, state: dict[str, Any]) -> dict[str, Any]:
    """The workbench as the console shows it."""
    labeled = pd.read_parquet(wb / "labeled.parquet", columns=["label", "label_source"])
    hand = _hand_labels(wb)
    current = state["versions"][-1]
    lfs = json.loads((wb / "labeling_functions.json").read_text(encoding="utf-8"))
    return {
        "labeling_dir": relative_to_workspace(folder),
        "version": current["version"],
        "classes": state["classes"],
        "rows": state["rows"],
        "text_columns": state["text_columns"],
        "columns": state["columns"],
        "hand_labels": {
            "count": int(len(hand)),
            "per_class": _distribution(hand["label"], state["classes"]),
            "corrections": int((hand["source"] == "correction").sum()),
            "source": state["hand_label_source"],
        },
        "label_distribution": _distribution(labeled["label"], state["classes"]),
        "label_sources": {
            str(k): int(v) for k, v in labeled["label_source"].value_counts().items()
        },
        "labeling_functions": lfs,
        "lf_summary": current["lf_summary"],
        "lf_errors": current.get("lf_errors", []),
        "matrix": current["matrix"],
        "label_model": current["label_model"],
        "versions": [
            {k: v for k, v in entry.items() if k not in ("lf_summary", "lf_errors")}
            for entry in state["versions"]
        ],
        "labeled_path": relative_to_workspace(wb / "labeled.parquet"),
        "chart": current.get("chart"),
    }


def _source_of_hand_labels(folder: Path, args: OpenWorkbenchInput) -> tuple[str | None, str | None]:
    """(gold ref, label column) from the arguments, else from the run's metrics.json."""
    if args.gold or args.label_column:
        return args.gold, args.label_column
    metrics = folder / "metrics.json"
    if metrics.is_file():
        source = str(
            (json.loads(metrics.read_text(encoding="utf-8")).get("gold") or {}).get("source", "")
        )
        match = re.fullmatch(r"data column '(.+)'", source)
        if match:
            return None, match.group(1)
        if source:
            return source, None
    raise BadInput(
        "where are the hand labels of this run?",
        hint="give gold (a file with id and label columns) or label_column (the data's column)",
        code="no_gold",
    )


def _classes(folder: Path, labeled: pd.DataFrame) -> list[str]:
    """The run's classes: from its metrics.json, else the labeled data's prob_<class> columns."""
    classes = [c.removeprefix("prob_") for c in labeled.columns if c.startswith("prob_")]
    metrics_path = folder / "metrics.json"
    metrics = json.loads(metrics_path.read_text(encoding="utf-8")) if metrics_path.is_file() else {}
    if metrics.get("classes"):
        classes = [str(c) for c in metrics["classes"]]
    if len(classes) < 2:
        raise BadInput(
            "the labeled data has no prob_<class> columns",
            hint="open the folder of a label_dataset run",
            code="not_a_labeling_dir",
        )
    return classes


def _open(folder: Path, args: OpenWorkbenchInput, ctx: ToolContext) -> None:
    """Create the workbench from the run's artifacts (version 0 = the run's labels)."""
    wb = folder / FOLDER
    labeled = pd.read_parquet(folder / "labeled.parquet")
    classes = _classes(folder, labeled)
    metrics_path = folder / "metrics.json"
    metrics = json.loads(metrics_path.read_text(encoding="utf-8")) if metrics_path.is_file() else {}
    frame = _data_frame(labeled, classes)
    gold_ref, label_column = _source_of_hand_labels(folder, args)
    gold_frame = None
    if gold_ref:
        gold_frame, _ = load_table(gold_ref, argument="gold")
        gold_frame.columns = [str(c) for c in gold_frame.columns]
    elif label_column not in frame.columns:
        raise column_not_found(
            label_column,
            frame.columns,
            argument="label_column",
            where="the labeled data",
            code="column_not_found",
        )
    ctx.progress("joining the hand labels", 0.2)
    # The same join rules as the run itself (the labeled data keeps the original columns, so
    # a gold file keyed by e.g. `tweet_id` joins on that shared column).
    plan = plan_join(
        list(frame.columns),
        gold_frame,
        id_column="id" if args.gold_id_column else None,
        label_column=label_column,
        gold_id_column=args.gold_id_column,
        gold_label_column=args.gold_label_column,
        data_rows=len(frame),
    )
    gold = join_gold(
        frame,
        gold_frame,
        id_column=plan.id_column,
        label_column=label_column,
        gold_id_column=plan.gold_id_column,
        gold_label_column=plan.gold_label_column,
        classes=classes,
        how=plan.how,
    )
    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    hand = pd.DataFrame(
        {
            "id": _key(frame["id"]).to_numpy()[gold.rows],
            "label": [classes[i] for i in gold.labels],
            "source": "gold",
            "at": now,
        }
    )
    lfs_file = folder / "labeling_functions.json"
    if not lfs_file.is_file():
        raise NotFound(
            "the labeling output has no labeling_functions.json",
            hint="open the folder of a label_dataset run",
            code="not_a_labeling_dir",
        )
    lfs = json.loads(lfs_file.read_text(encoding="utf-8"))
    exclude = {"id", label_column or ""}
    text = metrics.get("text_column")
    text_columns = [text] if text and text in frame.columns else []
    feature_columns = [c for c in frame.columns if c not in exclude]
    ctx.progress("applying the run's labeling functions", 0.5)
    info, _ = _analysis(frame, lfs, classes, hand)
    wb.mkdir(exist_ok=True)
    frame.to_parquet(wb / "data.parquet", index=False)
    hand.to_csv(wb / "hand_labels.csv", index=False)
    write_json(wb / "labeling_functions.json", lfs)
    labeled.to_parquet(wb / "labeled.parquet", index=False)
    chart = _summary_chart(wb, 0, info["lf_summary"])
    state = {
        "classes": classes,
        "rows": int(len(frame)),
        "text_columns": text_columns,
        "feature_columns": feature_columns,
        "columns": [c for c in frame.columns if c != "id"],
        "hand_label_source": gold.source or (gold_ref or f"data column {label_column!r}"),
        "versions": [
            {
                "version": 0,
                "at": now,
                "note": "the labeling run's labels and labeling functions",
                "lf_count": len(lfs),
                "chart": relative_to_workspace(chart),
                **info,
            }
        ],
    }
    _write_state(wb, state)


# ----- tools -----------------------------------------------------------------------------------
@tool(OpenWorkbenchInput, tags=("labeling",))
def labeling_workbench(args: OpenWorkbenchInput, ctx: ToolContext) -> dict[str, Any]:
    """Open a labeling run's output for review: LF table, label model result, label counts.

    The first call creates `<labeling_dir>/workbench/` (the run's labels are version 0; hand
    labels come from gold/label_column or, when unset, from the run's metrics.json). Each LF's
    coverage, overlaps, conflicts and accuracy on the hand labels (None: no hand-label votes).
    """
    folder = _labeling_dir(args.labeling_dir)
    wb = folder / FOLDER
    with _lock(wb):
        if not (wb / "state.json").is_file():
            _open(folder, args, ctx)
        return _public(folder, wb, _read_state(wb))


def _shown_columns(state: dict[str, Any]) -> list[str]:
    return (state["text_columns"] or [])[:1] + [
        c for c in state["feature_columns"] if c not in (state["text_columns"] or [])
    ][: 8 if not state["text_columns"] else 3]


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    if isinstance(value, str) and len(value) > 2000:
        return value[:2000] + "…"
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)


@tool(RowsInput, tags=("labeling",))
def workbench_rows(args: RowsInput, ctx: ToolContext) -> dict[str, Any]:
    """List a workbench's labeled rows, a page at a time: label, confidence, source, hand label.

    With `lf`, only the rows that labeling function votes on, with its vote.
    """
    folder = _labeling_dir(args.labeling_dir)
    _ensure_open(folder, args.labeling_dir, ctx)
    wb = folder / FOLDER
    state = _read_state(wb)
    classes = state["classes"]
    labeled = pd.read_parquet(wb / "labeled.parquet")
    frame = pd.read_parquet(wb / "data.parquet")
    keep = np.ones(len(frame), dtype=bool)
    votes = None
    if args.lf is not None:
        lfs = json.loads((wb / "labeling_functions.json").read_text(encoding="utf-8"))
        chosen = [f for f in lfs if isinstance(f, dict) and f.get("name") == args.lf]
        if not chosen:
            raise NotFound(
                f"labeling function {args.lf!r} is not in the current version",
                hint="names: " + ", ".join(str(f.get("name")) for f in lfs[:30]),
                code="lf_not_found",
            )
        result = apply_lfs(frame, parse_lfs(chosen, classes), classes, id_column="id")
        if result.errors:
            raise BadInput(
                f"labeling function {args.lf!r} failed: {result.errors[0]['reason']}",
                hint="edit it and re-apply",
                code="lf_failed",
            )
        votes = result.matrix[:, 0]
        keep &= votes != ABSTAIN
    if args.label is not None:
        if args.label not in classes:
            raise BadInput(
                f"unknown label {args.label!r}", hint=f"classes are: {', '.join(classes)}"
            )
        keep &= labeled["label"].astype(str).to_numpy() == args.label
    if args.source is not None:
        keep &= labeled["label_source"].astype(str).to_numpy() == args.source
    shown = _shown_columns(state)
    if args.query:
        text = frame[shown].astype("string").fillna("").agg(" ".join, axis=1)
        keep &= text.str.contains(args.query, case=False, regex=False).to_numpy()
    hand = _hand_labels(wb).set_index("id")
    idx = np.flatnonzero(keep)
    page = idx[args.offset : args.offset + args.limit]
    prob_cols = [f"prob_{c}" for c in classes]
    items = []
    keys = _key(frame["id"])
    for i in page:
        key = keys.iloc[i]
        item: dict[str, Any] = {
            "id": _plain(frame["id"].iloc[i]),
            "label": str(labeled["label"].iloc[i]),
            "confidence": round(float(labeled[prob_cols].iloc[i].max()), 4),
            "label_source": str(labeled["label_source"].iloc[i]),
            "hand_label": str(hand["label"].get(key)) if key in hand.index else None,
            "hand_source": str(hand["source"].get(key)) if key in hand.index else None,
            "values": {c: _plain(frame[c].iloc[i]) for c in shown},
        }
        if votes is not None:
            item["vote"] = classes[int(votes[i])]
        items.append(item)
    return {
        "labeling_dir": relative_to_workspace(folder),
        "version": state["versions"][-1]["version"],
        "total": int(len(idx)),
        "offset": args.offset,
        "limit": args.limit,
        "columns": shown,
        "classes": classes,
        "lf": args.lf,
        "rows": items,
    }


def _lf_changes(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> dict[str, list]:
    old = {str(f.get("name")): f for f in before if isinstance(f, dict)}
    new = {str(f.get("name")): f for f in after if isinstance(f, dict)}
    return {
        "added": sorted(set(new) - set(old)),
        "removed": sorted(set(old) - set(new)),
        "edited": sorted(n for n in set(old) & set(new) if old[n] != new[n]),
    }


@tool(ReapplyInput, tags=("labeling",))
def reapply_labeling_functions(args: ReapplyInput, ctx: ToolContext) -> dict[str, Any]:
    """Apply an edited LF set in a workbench, recombine with the label model: a new version.

    Rows with hand labels keep them; covered rows get the label model's (or majority vote's)
    label; rows no LF covers get the end model's. Returns the new analysis, the label model's
    metrics on the hand labels before and after, and how many labels changed.
    """
    folder = _labeling_dir(args.labeling_dir)
    _ensure_open(folder, args.labeling_dir, ctx)
    wb = folder / FOLDER
    with _lock(wb):
        state = _read_state(wb)
        classes = state["classes"]
        k = len(classes)
        specs = parse_lfs(args.labeling_functions, classes)
        lfs = [s.to_dict() for s in specs]
        frame = pd.read_parquet(wb / "data.parquet")
        hand = _hand_labels(wb)
        ctx.progress(f"applying {len(lfs)} labeling functions", 0.2)
        info, (result, combined, rows, labels) = _analysis(frame, lfs, classes, hand)
        probs = combined.probs.copy()
        covered = combined.covered
        source = np.where(covered, combined.method, "prior").astype(object)
        end_note = "end model off"
        hand_mask = np.zeros(len(frame), dtype=bool)
        hand_mask[rows] = True
        uncovered = np.flatnonzero(~covered & ~hand_mask)
        if args.end_model and len(uncovered):
            from tools.labeling.endmodel import features, match_prior, train_end_model

            ctx.progress("training the end model for uncovered rows", 0.6)
            X, _ = features(frame, state["text_columns"], state["feature_columns"])
            end = train_end_model(
                X,
                combined.probs,
                np.flatnonzero(covered & ~hand_mask),
                dev_rows=rows,
                dev_labels=labels,
                unlabeled_rows=uncovered,
                self_train_rounds=0,
            )
            if end is None:
                end_note = "end model skipped: too few covered rows or one class only"
            else:
                end_probs = match_prior(end.probs, class_prior(k, labels), uncovered)
                probs[uncovered] = end_probs[uncovered]
                source[uncovered] = "end_model"
                end_note = f"end model ({end.features.get('model')}) labelled {len(uncovered)} uncovered rows"
        probs[rows] = np.eye(k)[labels]
        source[rows] = "hand"
        previous = pd.read_parquet(wb / "labeled.parquet")
        new = previous.copy()
        new["label"] = np.asarray(classes, dtype=object)[probs.argmax(axis=1)]
        for i, c in enumerate(classes):
            new[f"prob_{c}"] = probs[:, i].astype(float)
        new["covered"] = covered.astype(bool)
        new["label_source"] = source.astype(str)
        changed = new["label"].astype(str).to_numpy() != previous["label"].astype(str).to_numpy()
        before = state["versions"][-1]
        version = int(before["version"]) + 1
        old_lfs = json.loads((wb / "labeling_functions.json").read_text(encoding="utf-8"))
        chart = _summary_chart(wb, version, info["lf_summary"])
        entry = {
            "version": version,
            "at": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "note": "re-applied edited labeling functions",
            "lf_count": len(lfs),
            "lf_changes": _lf_changes(old_lfs, lfs),
            "rows_changed": int(changed.sum()),
            "changed_ids": [_plain(v) for v in new["id"].to_numpy()[changed][:50]],
            "end_model_note": end_note,
            "chart": relative_to_workspace(chart),
            **info,
        }
        _refill(new, labeled_meta(new), _hand_by_row(new, hand))  # weak rows take the new labels
        tmp = wb / "labeled.parquet.tmp"
        new.to_parquet(tmp, index=False)
        tmp.replace(wb / "labeled.parquet")
        write_json(wb / "labeling_functions.json", lfs)
        state["versions"].append(entry)
        _write_state(wb, state)
        ctx.progress("re-applied", 1.0)
        out = _public(folder, wb, state)
        out["change"] = {
            "rows_changed": entry["rows_changed"],
            "changed_ids": entry["changed_ids"],
            "lf_changes": entry["lf_changes"],
            "end_model_note": end_note,
            "before": {
                "version": before["version"],
                "matrix": before["matrix"],
                "label_model": before["label_model"]["on_hand_labels"],
                "method": before["label_model"]["method"],
            },
            "after": {
                "version": version,
                "matrix": entry["matrix"],
                "label_model": entry["label_model"]["on_hand_labels"],
                "method": entry["label_model"]["method"],
            },
        }
        out["artifacts"] = [
            artifact("labeled data (workbench)", wb / "labeled.parquet", "dataset"),
            artifact("LF summary chart", chart, "image"),
        ]
        return out


@tool(CorrectLabelsInput, tags=("labeling",))
def correct_labels(args: CorrectLabelsInput, ctx: ToolContext) -> dict[str, Any]:
    """Correct individual labels in a workbench; each correction becomes a hand label.

    A correction names its row by id (looked up in `id_column`, default `id`; when that column
    does not hold the ids, in the id-like column that does, e.g. `ticket_no`) or by `row` (that
    value in the id column, else the row's position from 0). The rows get the label at once
    (label_source "hand"); the hand labels then count in every LF's accuracy and in the next
    re-apply's label model. A correction that names no row or no class changes nothing.
    """
    folder = _labeling_dir(args.labeling_dir)
    wb = folder / FOLDER
    # Checked before the workbench is opened: a refused correction leaves no trace.
    source = wb if (wb / "state.json").is_file() else folder
    labeled = pd.read_parquet(source / "labeled.parquet")
    classes = _classes(folder, labeled)
    own = {*CONTRACT, *(f"prob_{c}" for c in classes)} - {"id"}
    refs = [ref_of(c.id, c.row) for c in args.corrections]
    resolved = resolve_rows(labeled, refs, args.id_column, own)
    bad = [c.label for c in args.corrections if c.label not in classes]
    if bad:
        raise BadInput(
            f"unknown label {bad[0]!r}",
            hint=f"classes are: {', '.join(classes)}",
            code="unknown_label",
            details=candidate_details(
                "label", closest(bad[0], classes), "not_found", value=bad[0], choices=classes
            ),
        )
    _ensure_open(folder, args.labeling_dir, ctx)
    with _lock(wb):
        state = _read_state(wb)
        classes = state["classes"]
        labeled = pd.read_parquet(wb / "labeled.parquet")
        keys = _key(labeled["id"])
        now = time.strftime("%Y-%m-%dT%H:%M:%S")
        added = pd.DataFrame(
            {
                "id": keys.to_numpy()[resolved.positions],
                "label": [c.label for c in args.corrections],
                "source": "correction",
                "at": now,
            }
        )
        hand = pd.concat([_hand_labels(wb), added]).drop_duplicates("id", keep="last")
        changed = []
        for i, label in zip(resolved.positions, added["label"], strict=True):
            before = str(labeled.at[i, "label"])
            labeled.at[i, "label"] = label
            for c in classes:
                labeled.at[i, f"prob_{c}"] = 1.0 if c == label else 0.0
            labeled.at[i, "label_source"] = "hand"
            item = {"id": _plain(labeled.at[i, "id"]), "before": before, "after": label}
            if resolved.id_column not in (None, "id"):
                item[resolved.id_column] = _plain(labeled.at[i, resolved.id_column])
            changed.append(item)
        frame = pd.read_parquet(wb / "data.parquet")
        lfs = json.loads((wb / "labeling_functions.json").read_text(encoding="utf-8"))
        ctx.progress("re-scoring the labeling functions on the hand labels", 0.5)
        info, _ = _analysis(frame, lfs, classes, hand)
        # The filled-in copy of the person's column follows the corrections (hand labels).
        _refill(labeled, labeled_meta(labeled), _hand_by_row(labeled, hand))
        tmp = wb / "labeled.parquet.tmp"
        labeled.to_parquet(tmp, index=False)
        tmp.replace(wb / "labeled.parquet")
        hand.to_csv(wb / "hand_labels.csv", index=False)
        current = state["versions"][-1]
        current.update({k: v for k, v in info.items()})
        current["chart"] = relative_to_workspace(
            _summary_chart(wb, int(current["version"]), info["lf_summary"])
        )
        current.setdefault("corrections", []).extend(changed)
        _write_state(wb, state)
        out = _public(folder, wb, state)
        out["corrected"] = changed
        out["resolved"] = resolved.report()
        return out


def _refill(table: pd.DataFrame, meta: dict[str, Any], hand: pd.Series) -> None:
    """The run's filled-in label column, brought up to the workbench's labels (in place).

    `hand` is each row's hand label (theirs or a correction; missing where none). The person's
    own column stays as the run read it; `<column>_filled` is the hand label where there is one,
    else their own cell, else the current label; `<column>_source` says 'hand' for the first
    two, 'weak' for the rest.
    """
    marks = filled_marks(table, meta)
    filled = meta.get("filled")
    if not isinstance(filled, dict):
        column = next((m for m in sorted(marks) if m.endswith(FILLED_SUFFIX)), "")
        stem = column.removesuffix(FILLED_SUFFIX)
        filled = {"from": stem, "column": column, "source": f"{stem}{SOURCE_SUFFIX}"}
    if not {filled["column"], filled["source"]} <= marks or filled["from"] not in table.columns:
        return
    given = hand.notna().to_numpy()
    table.drop(columns=[filled["column"], filled["source"]], inplace=True)
    known = meta.get("classes")
    names = add_filled(
        table, filled["from"], table["label"], known if isinstance(known, list) else None
    )
    if names is not None:
        table.loc[given, names["column"]] = hand[given].to_numpy()
        table.loc[given, names["source"]] = HAND
        if isinstance(meta.get("filled"), dict):
            by_hand = int((table[names["source"]] == HAND).sum())
            meta["filled"] = {**meta["filled"], "hand": by_hand, "weak": len(table) - by_hand}
            table.attrs["forgeflow"] = meta


def _hand_by_row(table: pd.DataFrame, hand: pd.DataFrame) -> pd.Series:
    """Each row's hand label (`hand`: the run's and the corrections, by id), else missing."""
    by_id = hand.drop_duplicates("id", keep="last").set_index("id")["label"]
    return pd.Series(_key(table["id"]).map(by_id).to_numpy(), index=table.index, dtype=object)


@tool(ExportLabelsInput, tags=("labeling",))
def export_labeled_data(args: ExportLabelsInput, ctx: ToolContext) -> dict[str, Any]:
    """Export a workbench's current labels as CSV or Parquet (hand labels marked).

    Columns: id, label, prob_<class>..., covered, label_source, hand_label, then the data's.
    A file already at output_path that this run did not write is replaced only with
    overwrite=true.
    """
    if args.output_path:  # the person's file there is refused (a 409) before any work
        named_target(
            args.output_path,
            "output_path",
            tool="export_labeled_data",
            overwrite=args.overwrite,
            run_id=ctx.run_id,
        )
    folder = _labeling_dir(args.labeling_dir)
    _ensure_open(folder, args.labeling_dir, ctx)
    wb = folder / FOLDER
    state = _read_state(wb)
    version = int(state["versions"][-1]["version"])
    target = resolve_path(
        args.output_path or f"{relative_to_workspace(wb)}/exports/labeled-v{version}.{args.format}",
        for_write=True,
    )
    if target.exists() and target.is_dir():
        raise BadInput(f"{args.output_path!r} is a folder", hint="give a file name")
    labeled = pd.read_parquet(wb / "labeled.parquet")
    hand = _hand_labels(wb).set_index("id")["label"]
    table = labeled.copy()
    position = table.columns.get_loc("label_source") + 1
    table.insert(position, "hand_label", _key(table["id"]).map(hand).astype(object))
    _refill(table, labeled_meta(labeled), table["hand_label"])
    target.parent.mkdir(parents=True, exist_ok=True)
    if args.format == "parquet":
        table.to_parquet(target, index=False)
    else:
        table.to_csv(target, index=False)
    record([target], tool="export_labeled_data", run_id=ctx.run_id)  # a resumed step rewrites it
    ctx.progress("exported", 1.0)
    return {
        "path": relative_to_workspace(target),
        "format": args.format,
        "rows": int(len(table)),
        "version": version,
        "hand_labels": int(table["hand_label"].notna().sum()),
        "label_distribution": _distribution(table["label"], state["classes"]),
        "artifacts": [artifact("labeled data export", target, "dataset")],
    }
