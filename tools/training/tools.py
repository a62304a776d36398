"""Training tools for the registry: train_model input, evaluate_model, predict, generator tools."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pydantic import Field

from errors import (
    BadInput,
    Conflict,
    ForgeflowError,
    NotFound,
    candidate_details,
    column_not_found,
)
from store.outputs import named_target, record, refuse_replacing
from store.workspace import free_name, relative_to_workspace, resolve_path
from store.workspace import output_file as workspace_output_file
from store.workspace import output_folder as workspace_output_folder
from tools.base import ToolContext, ToolInput, tool, workflow
from tools.tabular import guess_label_column, label_candidates, load_table


# ----- shared helpers --------------------------------------------------------------------------
def slug(text: str) -> str:
    """A short file-system-safe name."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return cleaned[:60] or "model"


def stamp() -> str:
    """A sortable UTC timestamp for default artifact names."""
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def output_folder(
    kind: str, name: str | None, default_stem: str, ctx: ToolContext | None = None
) -> Path:
    """A folder in the workspace for a tool's outputs: `<kind>/<name>` (refused outside it).

    Unnamed, it is `<kind>/<stem>-<step>` when the call is a step of a run (the same folder
    when a resumed step runs again, never a second one), else `<kind>/<stem>-<timestamp>`.
    The run is told about the folder, so a run that ends unfinished can remove it.
    """
    if name:
        rel = f"{kind}/{slug(name)}"
    elif ctx is not None and ctx.output_key:
        rel = f"{kind}/{slug(default_stem)}-{slug(ctx.output_key.removeprefix('run_'))}"
    else:
        rel = f"{kind}/{slug(default_stem)}-{stamp()}"
    if ctx is not None and ctx.on_output is not None and not name:
        ctx.on_output(resolve_path(rel, for_write=True))
    return workspace_output_folder(rel)


def refuse_taken_name(
    kind: str, name: str | None, *, tool: str, overwrite: bool, ctx: ToolContext | None = None
) -> None:
    """Before any work: a 409 (`refuse_replacing`, consent) when `name` names a folder
    `<kind>/<name>` that exists and that `tool` did not write (another tool's, e.g. a copy
    `save_model` made, or the person's own), unless `overwrite`. A folder `tool` itself wrote,
    in any run, is replaced without asking (retraining under the same name); the folder is
    then noted as `tool`'s (`record`), so the next retraining finds it its own.
    """
    if not name:
        return
    rel = f"{kind}/{slug(name)}"
    path = resolve_path(rel, for_write=True)
    if path.exists():
        suggested = PurePosixPath(free_name(rel)).name
        refuse_replacing(
            "name",
            name,
            [rel],
            tool=tool,
            overwrite=overwrite,
            suggested=suggested,
            renamed={rel: f"{kind}/{suggested}"},
            message=f"{rel} already exists and {tool} did not write it (a model saved under "
            "that name, or your own folder)",
            hint=f"choose another name (e.g. {suggested!r}), or set overwrite=true to replace it",
        )
    record([rel], tool=tool, run_id=ctx.run_id if ctx is not None else None)


def model_folder(ref: str) -> Path:
    """A model folder named by a request (workspace-confined, must exist); a bare name that is
    no folder of its own is the model of that name under models/ ('tickets_base').
    """
    if "/" not in ref and not resolve_path(ref).exists() and resolve_path(f"models/{ref}").is_dir():
        ref = f"models/{ref}"
    path = resolve_path(ref, must_exist=True)
    if not path.is_dir():
        raise BadInput(
            f"{ref!r} is not a model folder",
            hint="give the model_path returned by train_model (a folder)",
        )
    return path


def output_file(ref: str | None, default: str) -> Path:
    """A writable file path in the workspace (refused when it names a folder)."""
    return workspace_output_file(ref or default)


def artifact(name: str, path: Path, kind: str) -> dict[str, str]:
    """One entry of an output's `artifacts` list."""
    return {"name": name, "path": relative_to_workspace(path), "kind": kind}


def stem_of(ref: str) -> str:
    """A dataset reference's short name."""
    name = Path(ref).name
    for suffix in (".gz", ".parquet", ".csv", ".tsv", ".jsonl", ".json"):
        name = name.removesuffix(suffix)
    return name or "data"


# ----- train_model (workflow: the loop lives in graphs/training.py) -------------------------
class TrainModelInput(ToolInput):
    """Arguments of train_model."""

    dataset: str = Field(description="Training data: a workspace file, dataset id or bundled name.")
    label_column: str | None = Field(
        default=None, description="The label column (guessed: label/target/... when unset)."
    )
    task: Literal["auto", "classification", "regression"] = Field(
        default="auto",
        description="auto: regression when the label is numeric with more than 20 distinct "
        "values (not an integer column named like classes: label, class, category, digit), "
        "else classification.",
    )
    soft_labels: bool = Field(
        default=False,
        description="Train on the prob_<class> columns of a label_dataset output with a "
        "noise-aware soft-label loss (classification only).",
    )
    drop_uncovered: bool = Field(
        default=True, description="Drop rows no labeling function covered (label_dataset output)."
    )
    id_column: str | None = Field(default=None, description="Row id column (default: `id`).")
    text_columns: list[str] | None = Field(default=None, description="Text feature columns.")
    numeric_columns: list[str] | None = Field(default=None, description="Numeric feature columns.")
    categorical_columns: list[str] | None = Field(
        default=None, description="Categorical feature columns (all inferred when none given)."
    )
    exclude_columns: list[str] | None = Field(
        default=None,
        max_length=1000,
        description="Columns never used as features ('without delay_minutes'): left out of the "
        "inferred and the named feature columns.",
    )
    validation_dataset: str | None = Field(
        default=None, description="Validation rows (default: a stratified split of dataset)."
    )
    validation_fraction: float = Field(default=0.2, gt=0.0, lt=0.9)
    test_dataset: str | None = Field(
        default=None,
        description="Held-out test rows, measured once on the best attempt (never tuned on).",
    )
    test_label_column: str | None = Field(
        default=None, description="Label column of test_dataset (default: label_column)."
    )
    target_metric: str | None = Field(
        default=None,
        description="Classification: auc (default) | f1 (macro) | accuracy | precision | "
        "recall | log_loss. Regression: r2 (default) | mae | rmse (lower is better: a target "
        "is a ceiling).",
    )
    target_value: float | None = Field(
        default=None, description="Stop when the validation metric reaches this; none: one attempt."
    )
    target_class: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        pattern=r"^[^\x00-\x1f\x7f]+$",
        description="Aim at one class's own figure instead of the macro average: with "
        "target_metric precision, recall or f1 on a classifier ('recall of no_show >= 0.9': "
        "target_metric recall, target_class no_show, target_value 0.9). One of the label's "
        "classes (the same name in another case is accepted).",
    )
    max_attempts: int | None = Field(
        default=None, ge=1, le=50, description="Attempts before giving up (FORGEFLOW_MAX_ATTEMPTS)."
    )
    tuner: Literal["auto", "builtin", "llm"] = Field(
        default="auto", description="Who proposes the next config: auto = LLM when configured."
    )
    model: Literal["auto", "logistic", "linear", "mlp"] = Field(default="auto")
    text_features: Literal["tfidf", "hashed"] = Field(default="tfidf")
    ngram_max: int = Field(default=2, ge=1, le=3)
    max_features: int = Field(default=20000, ge=16, le=1 << 20)
    min_df: int = Field(default=1, ge=1, le=100)
    hidden_size: int = Field(default=128, ge=4, le=4096)
    layers: int = Field(default=1, ge=1, le=4)
    dropout: float = Field(default=0.2, ge=0.0, le=0.9)
    learning_rate: float = Field(default=0.01, gt=0.0, le=1.0)
    weight_decay: float = Field(default=1e-4, ge=0.0, le=1.0)
    epochs: int = Field(default=40, ge=1, le=2000)
    batch_size: int = Field(default=64, ge=1, le=65536)
    patience: int = Field(default=5, ge=1, le=200)
    class_weights: Literal["balanced", "none"] = Field(
        default="balanced", description="Classification only (ignored for regression)."
    )
    seed: int = Field(default=0, ge=0)
    device: Literal["auto", "cpu", "cuda"] = Field(default="auto")
    name: str | None = Field(
        default=None,
        description="Model folder name under models/. Retraining under the same name replaces "
        "the model train_model saved there; a folder another tool wrote there (a copy "
        "save_model made) or your own is refused with a 409 unless overwrite.",
    )
    overwrite: bool = Field(
        default=False,
        description="Replace the folder `name` names when train_model did not write it (a model "
        "save_model saved, or the person's own folder): refused with a 409 otherwise.",
    )


train_model = workflow(
    "train_model",
    TrainModelInput,
    """Train a classifier or regressor (PyTorch linear/logistic or MLP) and tune it to a target.

    task auto: a numeric label with many distinct values is regressed (MSE on a standardised
    target; metrics r2, mae, rmse), anything else classified.

    Features: text columns as TF-IDF or hashed n-grams, numeric columns scaled, categorical
    columns one-hot, all fitted on the training split only. The label is a column, or (with
    soft_labels) the prob_<class> columns of a label_dataset output, trained with a noise-aware
    soft-label loss. Seeded, early stopping on a validation split, class weights for imbalance,
    CUDA when available. Loop: train -> measure on validation -> target met? stop : the tuner
    proposes the next config, up to max_attempts. The test_dataset is measured once, on the best
    attempt. Saves safetensors weights, JSON config and preprocessing, curves PNG, metrics JSON.
    """,
)


# ----- evaluate_model ----------------------------------------------------------------------
class EvaluateModelInput(ToolInput):
    """Arguments of evaluate_model."""

    model: str = Field(description="The model folder (model_path from train_model).")
    dataset: str | None = Field(
        default=None,
        description="Rows to evaluate on (features, and labels unless `labels`). Unset: the "
        "model's validation split of its training data (no id column needed).",
    )
    label_column: str | None = Field(
        default=None, description="Label column (default: the one the model was trained on)."
    )
    labels: str | None = Field(
        default=None,
        description="A separate file of id + label; joined to dataset by id_column, never by "
        "position.",
    )
    id_column: str | None = Field(default=None, description="Id column for the join (default id).")
    compare_model: str | None = Field(
        default=None,
        description="A second model measured on the same rows (with no dataset: the first "
        "model's validation rows, which the second also held out when trained on the same "
        "table with the same seed and validation_fraction).",
    )
    name: str | None = Field(default=None, description="Output folder name under evaluations/.")


def _label_for(frame_cols: list[str], given: str | None, config: dict[str, Any]) -> str | None:
    if given:
        return given
    trained = config.get("columns", {}).get("label")
    if trained and trained in frame_cols:
        return trained
    # A model trained on a label_dataset output knows the hand labels' column name.
    named = config.get("label_name")
    if named and named in frame_cols:
        return named
    if "label" in frame_cols:
        return "label"
    return None


def read_splits(folder: Path) -> dict[str, Any] | None:
    """The model's `splits.json` (which rows were its validation split), or None."""
    path = folder / "splits.json"
    if not path.is_file():
        return None
    try:
        splits = json.loads(path.read_text())
    except (ValueError, UnicodeDecodeError):
        return None
    return splits if isinstance(splits, dict) else None


def _validation_rows(folder: Path) -> tuple[Any, dict[str, Any]]:
    """The rows of the model's validation split in its training table.

    By position when the table is unchanged (its fingerprint matches the one recorded at
    training: no id column needed), else by id when it had one; a table edited since training
    without ids is refused, since its rows can no longer be told apart.
    """
    from tools.training.train import table_fingerprint

    splits = read_splits(folder)
    if splits is None:
        raise BadInput(
            "this model has no recorded validation split",
            hint="name the dataset to evaluate on (e.g. a held-out test file)",
            details=candidate_details("dataset", [], "missing"),
        )
    if splits.get("validation_dataset"):
        frame, origin = load_table(splits["validation_dataset"])
        return frame, {**origin, "split": "validation"}
    frame, origin = load_table(splits["dataset"])
    origin = {**origin, "split": "validation"}
    rows, id_col = splits.get("validation_rows"), splits.get("id_column")
    recorded = splits.get("table_fingerprint")
    # `table_rows`: each row's number in the training table (for the rows an answer names).
    if rows is not None and recorded and table_fingerprint(frame) == recorded:
        found = frame.iloc[rows].reset_index(drop=True)
        return found, {**origin, "matched_by": "position", "table_rows": list(rows)}
    ids = splits.get("validation_ids")
    if ids and id_col and id_col in frame.columns:
        wanted = set(ids)
        frame = frame.reset_index(drop=True)
        frame = frame[frame[id_col].astype(str).isin(wanted)]
        numbers = [int(i) for i in frame.index]
        return frame.reset_index(drop=True), {
            **origin,
            "matched_by": "id",
            "table_rows": numbers,
        }
    if recorded:
        raise Conflict(
            f"{splits['dataset']} changed since the model was trained "
            f"({splits.get('table_rows')} rows then, {len(frame)} now) and has no id column, "
            "so its validation rows can no longer be found",
            hint="retrain the model on the current table (then evaluate without a dataset), "
            "or name a dataset to evaluate on (e.g. a held-out test file)",
            code="training_data_changed",
            details=candidate_details("dataset", [], "missing"),
        )
    raise BadInput(
        "the model's training data had no id column, so its validation rows are unknown",
        hint="retrain the model (newer models record their validation rows), or name the "
        "dataset to evaluate on (e.g. a held-out test file)",
        details=candidate_details("dataset", [], "missing"),
    )


def _held_out_rows(folder: Path, splits: dict[str, Any]) -> tuple[Any, dict[str, Any], list[str]]:
    """The rows to measure a model on when no dataset is named: the test file it was tested on
    (`split: test`, its label column as `label_column`), else its validation split; and notes
    saying why the test file was not used, or that it changed since.
    """
    from tools.training.train import table_fingerprint

    tested = splits.get("test_dataset")
    if not tested:
        frame, origin = _validation_rows(folder)
        return frame, origin, []
    try:
        frame, origin = load_table(str(tested))
    except ForgeflowError as exc:  # gone, unreadable, or a path now refused
        frame, origin = _validation_rows(folder)
        why = "is gone" if isinstance(exc, NotFound) else f"cannot be read ({exc.code})"
        gone = (
            f"the test file the model was tested on ({tested}) {why}, so this was measured "
            "on its validation split; name a dataset to measure on other rows"
        )
        return frame, origin, [gone]
    notes: list[str] = []
    if splits.get("test_fingerprint") not in (None, table_fingerprint(frame)):
        notes.append(
            f"{tested} changed since the model was tested on it "
            f"({splits.get('test_rows')} rows then, {len(frame)} now)"
        )
    label = splits.get("test_label_column")
    return frame, {**origin, "split": "test", "label_column": label}, notes


def _shared_rows(first: Path, second: Path) -> dict[str, Any]:
    """Whether two models held out the same validation rows, and how many of the first's
    validation rows the second trained on (then its figures there are optimistic).
    """
    a, b = read_splits(first), read_splits(second)
    if a is None or b is None:
        return {"same_validation_rows": None}
    if a.get("validation_dataset") or b.get("validation_dataset"):
        same = a.get("validation_dataset") == b.get("validation_dataset")
        return {"same_validation_rows": same}
    same_table = (
        a.get("dataset") == b.get("dataset")
        and a.get("table_fingerprint") is not None
        and a.get("table_fingerprint") == b.get("table_fingerprint")
    )
    rows_a, rows_b = a.get("validation_rows"), b.get("validation_rows")
    if not same_table or rows_a is None or rows_b is None:
        return {"same_validation_rows": False}
    seen = len(set(rows_a) - set(rows_b))
    return {"same_validation_rows": seen == 0 and len(rows_a) == len(rows_b), "rows_seen": seen}


@tool(EvaluateModelInput, tags=("training",))
def evaluate_model(args: EvaluateModelInput, ctx: ToolContext) -> dict[str, Any]:
    """Evaluate a trained classifier or regressor on labeled rows and compare it with baselines.

    Classifier: accuracy, per-class and macro precision/recall/F1, ROC-AUC (binary or
    one-vs-rest), log-loss, the confusion matrix and calibration; ROC and confusion-matrix PNGs;
    a majority-class baseline. Regressor: MAE, RMSE, R², a predicted-vs-actual scatter PNG and
    a baseline that predicts the training mean. `compare_model` measures a second model of the
    same task on the same rows. Labels from a separate file are joined by id, never by position.
    `worst_rows` lists up to 10 rows it got most wrong (regressor: largest absolute error;
    classifier: wrong predictions made with the highest confidence), each with its row number
    in the table (the training table for its validation split), its id when there is one, the
    actual and the predicted value (and the error, or the confidence).
    """
    from tools.training.evaluate import evaluate_loaded, join_labels
    from tools.training.train import guess_id_column, load_model

    model = load_model(model_folder(args.model))
    compare = load_model(model_folder(args.compare_model)) if args.compare_model else None
    folder = model_folder(args.model)
    if args.dataset is None:
        frame, origin = _validation_rows(folder)
    else:
        frame, origin = load_table(args.dataset)
    ctx.progress(f"loaded {origin['id']} ({len(frame)} rows)", 0.2)
    if args.labels:
        labels, _ = load_table(args.labels, argument="labels")
        id_col = args.id_column or model.config["columns"].get("id") or guess_id_column(frame)
        if id_col is None:
            shared = [str(c) for c in frame.columns if c in set(labels.columns)]
            raise BadInput(
                "joining labels needs an id column",
                hint="set id_column (present in both files)",
                details=candidate_details("id_column", shared, "missing"),
            )
        label_col = (
            args.label_column
            or _label_for(list(labels.columns), None, model.config)
            or guess_label_column(labels)
        )
        if label_col is None:
            raise BadInput(
                "no label column found in the labels file",
                hint=f"set label_column; columns are: {', '.join(map(str, labels.columns))}",
                details=candidate_details(
                    "label_column",
                    [c for c in label_candidates(labels) if c != id_col],
                    "missing",
                    choices=[str(c) for c in labels.columns][:200],
                ),
            )
        frame = join_labels(frame, labels, id_column=id_col, label_column=label_col)
    else:
        label_col = _label_for(list(frame.columns), args.label_column, model.config)
    soft = label_col is None and bool(model.config.get("soft_labels"))
    data_name = stem_of(args.dataset) if args.dataset else "validation"
    out_dir = output_folder("evaluations", args.name, f"{folder.name}-{data_name}", ctx)
    report = evaluate_loaded(
        model,
        frame,
        label_column=label_col,
        soft_labels=soft,
        out_dir=out_dir,
        compare=compare,
        compare_name=args.compare_model or "second_model",
        id_column=args.id_column,
        row_numbers=origin.pop("table_rows", None),
    )
    if compare is not None and args.dataset is None and "comparison" in report:
        # Both models were measured on the first one's validation rows: say whether those
        # were held out from the second one too (same table, seed and validation_fraction).
        shared = _shared_rows(folder, model_folder(args.compare_model or ""))
        report["comparison"].update(shared)
        if shared.get("rows_seen"):
            report.setdefault("warnings", []).append(
                f"{shared['rows_seen']} of these {report['rows']} validation rows were in the "
                f"training split of {args.compare_model}, so its figures here are optimistic; "
                "train both models on the same table with the same seed and "
                "validation_fraction to compare them on the same held-out rows"
            )
        elif shared.get("same_validation_rows") is False:
            report.setdefault("warnings", []).append(
                f"{args.compare_model} was not validated on these rows (another table or "
                "split), so some may have been in its training data"
            )
    ctx.progress("evaluated", 1.0)
    artifacts = [artifact("evaluation", out_dir / "evaluation.json", "json")]
    if model.task == "regression":
        artifacts.append(artifact("predicted vs actual", out_dir / "scatter.png", "image"))
    else:
        artifacts.append(artifact("confusion matrix", out_dir / "confusion.png", "image"))
    if report.get("roc_plotted"):
        artifacts.append(artifact("ROC curve", out_dir / "roc.png", "image"))
    return {
        "model": relative_to_workspace(folder),
        "dataset": origin["id"],
        "split": origin.get("split", "given"),
        **({"rows_matched_by": origin["matched_by"]} if origin.get("matched_by") else {}),
        "label_column": label_col,
        **report,
        "output_dir": relative_to_workspace(out_dir),
        "artifacts": artifacts,
    }


# ----- predict -----------------------------------------------------------------------------
class PredictInput(ToolInput):
    """Arguments of predict."""

    model: str = Field(description="The model folder (model_path from train_model).")
    dataset: str = Field(description="Rows to predict (the model's feature columns).")
    id_column: str | None = Field(default=None, description="Id column copied to the output.")
    output: str | None = Field(
        default=None, description="Output file in the workspace (.parquet, .csv or .jsonl)."
    )
    overwrite: bool = Field(
        default=False,
        description="Replace the file `output` names when it is the person's (a file this tool "
        "did not write in this run): refused with a 409 otherwise. The default file, under "
        "predictions/, never needs it.",
    )
    missing_features: Literal["impute", "fail"] = Field(
        default="impute",
        description="A feature column the dataset lacks: impute it as training treats missing "
        "values and warn (default), or fail listing the missing columns.",
    )


@tool(PredictInput, tags=("training",))
def predict(args: PredictInput, ctx: ToolContext) -> dict[str, Any]:
    """Predict classes or values for a dataset with a saved model; write the predictions.

    A classifier's output has the id, `prediction`, `confidence` and one `prob_<class>` column
    per class; a regressor's the id and a numeric `prediction`.
    The label and columns the model ignored need not be there. A feature column the dataset
    lacks is imputed the way training treats missing values and named in `warnings` (or, with
    missing_features 'fail', refused); a dataset with none of the model's features is refused.
    """
    from tools.training.features import imputation_warnings, missing_features_error
    from tools.training.predict import WRITE_SUFFIXES, predict_frame, write_table
    from tools.training.train import guess_id_column, load_model

    if args.output:  # a file of the person's is refused before any work
        named_target(
            args.output,
            "output",
            tool="predict",
            overwrite=args.overwrite,
            run_id=ctx.run_id,
            suffixes=WRITE_SUFFIXES,
        )
    folder = model_folder(args.model)
    model = load_model(folder)
    frame, origin = load_table(args.dataset)
    imputed = model.preprocessor.imputed(frame)
    absent = [i["column"] for i in imputed if i["absent"]]
    if absent and args.missing_features == "fail":
        raise missing_features_error(absent, frame.columns, every=False)
    id_col = args.id_column
    if id_col is not None and id_col not in frame.columns:
        raise column_not_found(id_col, frame.columns, argument="id_column", what="id")
    if id_col is None:
        trained_id = model.config["columns"].get("id")
        id_col = trained_id if trained_id in frame.columns else guess_id_column(frame)
    ctx.progress(f"predicting {len(frame)} rows", 0.3)
    out = predict_frame(model, frame, id_col)
    path = output_file(args.output, f"predictions/{folder.name}-{stem_of(args.dataset)}.parquet")
    write_table(out, path)
    record([path], tool="predict", run_id=ctx.run_id)  # a resumed step may write it again
    ctx.progress("predicted", 1.0)
    if model.task == "regression":
        values = out["prediction"]
        summary: dict[str, Any] = {
            "task": "regression",
            "prediction_summary": {
                "min": float(values.min()),
                "max": float(values.max()),
                "mean": round(float(values.mean()), 6),
                "median": round(float(values.median()), 6),
            },
            "extremes": _extremes(out, id_col),
        }
    else:
        counts = out["prediction"].value_counts()
        summary = {"class_counts": {str(k): int(v) for k, v in counts.items()}}
    return {
        "model": relative_to_workspace(folder),
        "dataset": origin["id"],
        "rows": int(len(out)),
        "predictions_path": relative_to_workspace(path),
        **summary,
        "sample": out.head(5).to_dict(orient="records"),
        **({"imputed": imputed} if imputed else {}),
        **({"warnings": warnings} if (warnings := imputation_warnings(imputed)) else {}),
        "artifacts": [artifact("predictions", path, "table")],
    }


def _extremes(out: Any, id_col: str | None) -> dict[str, dict[str, Any]]:
    """The rows of the highest and lowest predicted value: their row number and id ('which
    sailing has the biggest predicted delay?').
    """
    values = out["prediction"].to_numpy()
    if not len(values):
        return {}
    found: dict[str, dict[str, Any]] = {}
    for name, at in (("max", int(values.argmax())), ("min", int(values.argmin()))):
        row: dict[str, Any] = {"row": at, "prediction": float(values[at])}
        if id_col and id_col in out.columns:
            value = out[id_col].iloc[at]
            row["id_column"] = str(id_col)
            row["id"] = value.item() if hasattr(value, "item") else str(value)
        found[name] = row
    return found


# ----- explain_model -----------------------------------------------------------------------
class ExplainModelInput(ToolInput):
    """Arguments of explain_model."""

    model: str = Field(description="The model folder (model_path from train_model).")
    dataset: str | None = Field(
        default=None,
        description="Labeled rows to measure on (e.g. a test file). Unset: the test file "
        "train_model tested the model on, else its validation split of its training data.",
    )
    label_column: str | None = Field(
        default=None, description="Label column (default: the one the model was trained on)."
    )
    top: int = Field(default=10, ge=1, le=100, description="Columns listed, most important first.")
    repeats: int = Field(
        default=3, ge=1, le=10, description="Shuffles per column (their mean and std are given)."
    )
    seed: int = Field(
        default=0, ge=0, le=2**32 - 1, description="Seed of the row sample and shuffles."
    )


@tool(ExplainModelInput, tags=("training",))
def explain_model(args: ExplainModelInput, ctx: ToolContext) -> dict[str, Any]:
    """Rank a trained model's input columns by permutation importance ("which features mattered?").

    Each input column of the table (a text column as a whole, not its words) is shuffled in turn,
    the rows are re-featurised with the model's own preprocessing, and the drop in its metric is
    measured: macro F1 lost for a classifier, MAE added for a regressor (mean and std over
    `repeats` shuffles). `importances` is sorted, largest drop first (`top` of them);
    `baseline_value` is the metric unshuffled. At most 2,000 rows are used (a seeded sample), and
    columns x repeats x rows is capped (`capped` says what was cut). Deterministic given `seed`.
    Measured on `dataset`; unset, on the test file train_model tested the model on (`split`
    'test'), else on its validation split (`warnings` says when a recorded test file is gone).
    Writes nothing.
    """
    from tools.training.evaluate import labeled_rows
    from tools.training.explain import SMALL_SAMPLE, permutation_importance
    from tools.training.train import load_model

    folder = model_folder(args.model)
    model = load_model(folder)
    notes: list[str] = []
    if args.dataset is not None:
        frame, origin = load_table(args.dataset)
    elif (splits := read_splits(folder)) is None:
        raise BadInput(
            "this model records no validation data to measure importance on",
            hint="name the dataset to measure on: a labeled table with the model's columns "
            "(e.g. the test file you evaluated it on)",
            details=candidate_details("dataset", [], "missing"),
        )
    else:
        frame, origin, notes = _held_out_rows(folder, splits)
    ctx.progress(f"loaded {origin['id']} ({len(frame)} rows)", 0.1)
    label_col = _label_for(
        list(frame.columns), args.label_column or origin.get("label_column"), model.config
    )
    soft = label_col is None and bool(model.config.get("soft_labels"))
    data, imputed = labeled_rows(model, frame, label_col, soft)
    absent = {i["column"] for i in imputed if i["absent"]}

    def on_column(index: int, total: int, column: str) -> None:
        ctx.check_cancelled()
        ctx.progress(
            f"shuffling {column} ({index + 1}/{total})", 0.2 + 0.8 * index / total, force=True
        )

    found = permutation_importance(
        model, data.frame, data.y, repeats=args.repeats, seed=args.seed, on_column=on_column
    )
    ctx.progress("measured", 1.0)
    ranked = found.pop("importances")
    warnings = list(notes)
    if found["capped"]:
        warnings.append(
            "the cost cap (columns x repeats x rows) was hit: " + "; ".join(found["capped"])
        )
    if found["rows_used"] < SMALL_SAMPLE:
        warnings.append(
            f"only {found['rows_used']} labeled rows: the importances are noisy; measure on "
            "a larger labeled table"
        )
    if absent:
        warnings.append("not in the dataset, so not measured: " + ", ".join(sorted(absent)[:10]))
    return {
        "model": relative_to_workspace(folder),
        "dataset": origin["id"],
        "split": origin.get("split", "given"),
        "label_column": label_col,
        "task": model.task,
        **found,
        "columns_measured": len(ranked),
        "importances": ranked[: args.top],
        "seed": args.seed,
        **({"warnings": warnings} if warnings else {}),
    }


# ----- train_generator -----------------------------------------------------------------------
class TrainGeneratorInput(ToolInput):
    """Arguments of train_generator."""

    dataset: str = Field(description="A labeled table (numeric and/or categorical columns).")
    label_column: str | None = Field(
        default=None, description="The class column to condition on (guessed when unset)."
    )
    id_column: str | None = Field(default=None, description="Row id column, not modelled.")
    numeric_columns: list[str] | None = Field(default=None, description="Numeric columns.")
    categorical_columns: list[str] | None = Field(
        default=None, description="Categorical columns (both inferred when neither is given)."
    )
    latent_dim: int = Field(default=8, ge=1, le=256)
    hidden_size: int = Field(default=128, ge=8, le=2048)
    epochs: int = Field(default=150, ge=1, le=5000)
    batch_size: int = Field(default=64, ge=2, le=65536)
    learning_rate: float = Field(default=2e-3, gt=0.0, le=1.0)
    beta: float = Field(default=1.0, ge=0.0, le=10.0, description="Weight of the KL term.")
    measure_utility: bool = Field(
        default=True,
        description="Hold out real rows and report train-on-synthetic vs train-on-real AUC "
        "(the generator then learns from the remaining rows).",
    )
    holdout_fraction: float = Field(default=0.25, gt=0.0, lt=0.9)
    seed: int = Field(default=0, ge=0)
    device: Literal["auto", "cpu", "cuda"] = Field(default="auto")
    name: str | None = Field(
        default=None,
        description="Folder name under generators/. Retraining under the same name replaces "
        "the generator train_generator saved there; a folder another tool wrote there or your "
        "own is refused with a 409 unless overwrite.",
    )
    overwrite: bool = Field(
        default=False,
        description="Replace the folder `name` names when train_generator did not write it (the "
        "person's own folder, another tool's output): refused with a 409 otherwise.",
    )


def _guess_label(frame: Any, given: str | None) -> str:
    label = given or guess_label_column(frame)
    if label is None:
        raise BadInput(
            "no label column given and none found",
            hint=f"set label_column to one of: {', '.join(map(str, frame.columns))}",
            details=candidate_details(
                "label_column",
                label_candidates(frame),
                "missing",
                choices=[str(c) for c in frame.columns][:200],
            ),
        )
    return label


UNLABELED = "_all_rows"


def fit_generator(
    args: TrainGeneratorInput, ctx: ToolContext, *, unlabeled_ok: bool = False
) -> dict[str, Any]:
    """Train and save a generator; the shared body of train_generator and detect_anomalies.

    With `unlabeled_ok` (anomaly scoring), a table without a label column is modelled as one
    class: the conditional VAE then reduces to a plain VAE.
    """
    from tools.training.cvae import (
        plot_generator_curves,
        prepare_generator_data,
        train_cvae,
        utility,
    )
    from tools.training.train import guess_id_column

    # A named folder that another tool or the person wrote: a 409 before any work.
    refuse_taken_name(
        "generators", args.name, tool="train_generator", overwrite=args.overwrite, ctx=ctx
    )
    frame, origin = load_table(args.dataset)
    min_classes = 2
    if unlabeled_ok and args.label_column is None and guess_label_column(frame) is None:
        frame = frame.assign(**{UNLABELED: "all"})
        label, min_classes = UNLABELED, 1
    else:
        label = _guess_label(frame, args.label_column)
    id_col = args.id_column or guess_id_column(frame)
    frame, spec, classes = prepare_generator_data(
        frame,
        label_column=label,
        id_column=id_col,
        numeric_columns=args.numeric_columns,
        categorical_columns=args.categorical_columns,
        min_classes=min_classes,
    )
    train_rows, holdout = frame, None
    counts = frame[label].astype(str).value_counts()
    one_class = label == UNLABELED
    if args.measure_utility and not one_class and len(frame) >= 20 and counts.min() >= 2:
        from sklearn.model_selection import train_test_split

        train_rows, holdout = train_test_split(
            frame,
            test_size=args.holdout_fraction,
            random_state=args.seed,
            stratify=frame[label].astype(str),
        )
        train_rows, holdout = train_rows.reset_index(drop=True), holdout.reset_index(drop=True)

    def on_epoch(epoch: int, epochs: int, record: dict[str, Any]) -> None:
        ctx.check_cancelled()
        ctx.progress(
            f"generator epoch {epoch}/{epochs} reconstruction {record['reconstruction']:.3f}",
            0.85 * epoch / epochs,
            epoch=epoch,
        )

    generator, history = train_cvae(
        train_rows,
        spec,
        classes,
        latent=args.latent_dim,
        hidden=args.hidden_size,
        epochs=args.epochs,
        batch_size=args.batch_size,
        learning_rate=args.learning_rate,
        beta=args.beta,
        seed=args.seed,
        device=args.device,
        on_epoch=on_epoch,
    )
    generator.config["dataset"] = origin["id"]
    report = None
    if holdout is not None:
        ctx.progress("measuring utility: train-on-synthetic vs train-on-real", 0.9)
        synthetic = generator.sample(None, len(train_rows), seed=args.seed + 1)
        report = utility(train_rows, synthetic, holdout, spec, classes)
        generator.config["utility"] = report
    folder = output_folder("generators", args.name, stem_of(args.dataset), ctx)
    generator.save(folder)
    plot_generator_curves(history, folder / "curves.png")
    (folder / "metrics.json").write_text(
        json.dumps({"history": history, "utility": report}, indent=2)
    )
    ctx.progress("generator trained", 1.0)
    return {
        "model_path": relative_to_workspace(folder),
        "dataset": origin["id"],
        "label_column": None if one_class else label,
        # a one-class generator has no class to name: its stand-in class ('all') is no value a
        # follow-up may ask for ('200 rows, all of them realistic' named it, then was refused)
        "classes": [] if one_class else classes,
        "class_counts": {} if one_class else generator.config["class_counts"],
        "columns": {
            "numeric": spec.numeric,
            "categorical": spec.categorical,
            "ignored": spec.ignored,
        },
        "rows": {"train": len(train_rows), "holdout": 0 if holdout is None else len(holdout)},
        "final_loss": history[-1] if history else None,
        "utility": report,
        **(
            {"utility_note": _utility_skipped(one_class)}
            if args.measure_utility and report is None
            else {}
        ),
        "device": str(generator.device),
        "artifacts": [
            artifact("generator weights", folder / "generator.safetensors", "model"),
            artifact("generator config", folder / "config.json", "json"),
            artifact("preprocessing", folder / "preprocessing.json", "json"),
            artifact("loss curves", folder / "curves.png", "image"),
            artifact("metrics", folder / "metrics.json", "json"),
        ],
    }


def _utility_skipped(one_class: bool) -> str:
    """Why utility was asked for and not measured (the result says so, not only the docs)."""
    if one_class:
        return (
            "not measured: the table has no label column, and utility compares classifiers of "
            "its classes"
        )
    return "not measured: it needs at least 20 rows and 2 of each class to hold some back"


@tool(TrainGeneratorInput, tags=("training", "synthetic"))
def train_generator(args: TrainGeneratorInput, ctx: ToolContext) -> dict[str, Any]:
    """Train a tabular conditional VAE on a table, to generate rows (for a class when labeled).

    Numeric columns are modelled as Gaussians (scaled), categorical columns as softmaxes
    (one-hot), conditioned on the label. Reports utility: ROC-AUC on held-out real rows of a
    classifier trained on synthetic rows against one trained on the real rows. A table with no
    label column given or found is modelled as one class (a plain VAE, no utility measured):
    "realistic rows like these" needs no classes. Saves safetensors weights plus JSON config and
    preprocessing.
    """
    return fit_generator(args, ctx, unlabeled_ok=True)


# ----- generate_synthetic --------------------------------------------------------------------
class GenerateSyntheticInput(ToolInput):
    """Arguments of generate_synthetic."""

    model: str = Field(description="The generator folder (model_path from train_generator).")
    n: int = Field(default=100, ge=1, le=1_000_000, description="How many rows.")
    label: str | None = Field(
        default=None, description="The class to generate (default: all, in training proportions)."
    )
    seed: int = Field(default=0, ge=0)
    output: str | None = Field(
        default=None, description="Output file in the workspace (.parquet, .csv or .jsonl)."
    )
    overwrite: bool = Field(
        default=False,
        description="Replace the file `output` names when it is the person's (a file this tool "
        "did not write in this run): refused with a 409 otherwise. The default file, under "
        "synthetic/, never needs it.",
    )


@tool(GenerateSyntheticInput, tags=("synthetic",))
def generate_synthetic(args: GenerateSyntheticInput, ctx: ToolContext) -> dict[str, Any]:
    """Generate synthetic rows for a class with a trained generator; write parquet, csv or jsonl."""
    from tools.training.cvae import load_generator
    from tools.training.predict import WRITE_SUFFIXES, write_table

    if args.output:  # a file of the person's (the table the generator learned) is refused
        named_target(
            args.output,
            "output",
            tool="generate_synthetic",
            overwrite=args.overwrite,
            run_id=ctx.run_id,
            suffixes=WRITE_SUFFIXES,
        )
    folder = model_folder(args.model)
    generator = load_generator(folder)
    label = generator.config["label_column"]
    if args.label is not None and label == UNLABELED:
        raise BadInput(
            f"the generator was trained without a label column, so it has no class {args.label!r}",
            hint="leave label unset, or train a generator with label_column set",
        )
    ctx.progress(f"sampling {args.n} rows", 0.3)
    rows = generator.sample(args.label, args.n, seed=args.seed)
    if label == UNLABELED:
        rows = rows.drop(columns=[UNLABELED], errors="ignore")
    id_col = generator.config.get("id_column")
    if id_col:
        rows.insert(0, id_col, [f"syn-{i}" for i in range(len(rows))])
    which = slug(args.label) if args.label else "all"
    path = output_file(args.output, f"synthetic/{folder.name}-{which}-{args.n}.parquet")
    write_table(rows, path)
    record([path], tool="generate_synthetic", run_id=ctx.run_id)  # a resumed step may rewrite it
    ctx.progress("generated", 1.0)
    counts = rows[label].value_counts() if label in rows.columns else {}
    return {
        "model": relative_to_workspace(folder),
        "rows": int(len(rows)),
        "label": args.label,
        "path": relative_to_workspace(path),
        "class_counts": {str(k): int(v) for k, v in counts.items()},
        "columns": [str(c) for c in rows.columns],
        "sample": rows.head(3).to_dict(orient="records"),
        "artifacts": [artifact("synthetic rows", path, "table")],
    }


# ----- detect_anomalies ----------------------------------------------------------------------
class DetectAnomaliesInput(ToolInput):
    """Arguments of detect_anomalies."""

    dataset: str = Field(description="The rows to score.")
    model: str | None = Field(
        default=None,
        description="A generator folder; unset: train one on the dataset itself first.",
    )
    label_column: str | None = Field(
        default=None, description="Class column (to train a generator when no model is given)."
    )
    id_column: str | None = Field(default=None, description="Id column copied to the report.")
    top_k: int = Field(default=20, ge=1, le=1000, description="Rows shown in the report.")
    threshold: float | None = Field(
        default=None,
        description="Score above which a row is flagged (default: the median plus 5 spreads, "
        "the spread measured between the median and the 90th percentile).",
    )
    epochs: int = Field(default=150, ge=1, le=5000, description="Epochs when training a generator.")
    output: str | None = Field(
        default=None, description="Scores file in the workspace (.parquet, .csv or .jsonl)."
    )
    detectors: list[
        Literal[
            "isolation_forest",
            "local_outlier_factor",
            "cvae",
            "category_pairs",
            "binned_pairs",
            "negative_values",
        ]
    ] = Field(
        default_factory=lambda: [
            "isolation_forest",
            "local_outlier_factor",
            "cvae",
            "category_pairs",
            "binned_pairs",
            "negative_values",
        ],
        min_length=1,
        description="Detectors whose scores are combined (mean of robust z-scores); the pair "
        "detectors score rare combinations of two columns' values (categorical; numeric in "
        "quintiles) and sit out with fewer than two such columns; negative_values is a rule "
        "(a negative number in a column otherwise never below 0) whose robust z a row it finds "
        "scores at least.",
    )
    seed: int = Field(default=0, ge=0, description="Seed of the isolation forest.")
    flagged_path: str | None = Field(
        default=None,
        description="The flagged rows' file in the workspace (.parquet, .csv or .jsonl); unset: "
        "'<scores name>-flagged.<suffix>' beside the scores.",
    )
    overwrite: bool = Field(
        default=False,
        description="Replace the person's file that `output` or the flagged rows would replace "
        "(a file this tool did not write in this run): refused with a 409 otherwise. The "
        "default files, under anomalies/, never need it.",
    )


def _flagged_target(
    args: DetectAnomaliesInput, scores: Path | None, ctx: ToolContext
) -> Path | None:
    """Where the flagged rows go (`flagged_path`, else '<scores stem>-flagged' beside the
    scores; None while neither is known). A named file there (`flagged_path`, or beside a named
    `output`) that this run of detect_anomalies did not write is the person's, as for the
    scores file: a 409 (`consent_details`) unless `overwrite`, before anything is written. The
    default file beside the default scores, under anomalies/, never asks.
    """
    from tools.training.predict import WRITE_SUFFIXES

    if args.flagged_path:
        ref = args.flagged_path
    elif scores is not None:
        ref = relative_to_workspace(scores.with_name(f"{scores.stem[:180]}-flagged{scores.suffix}"))
    else:
        return None
    path = resolve_path(ref, for_write=True)
    rel = relative_to_workspace(path)
    if path.suffix.lower() not in WRITE_SUFFIXES or scores is not None and path == scores:
        problem = "is the scores file" if path == scores else "has no table suffix"
        raise BadInput(
            f"flagged_path {ref!r} {problem}",
            hint=f"name another file ending in {', '.join(WRITE_SUFFIXES)}",
            details={"argument": "flagged_path", "value": ref},
        )
    if args.flagged_path or args.output:  # the default files are the tool's own to replace
        refuse_replacing(
            "flagged_path",
            rel,
            [rel],
            tool="detect_anomalies",
            overwrite=args.overwrite,
            run_id=ctx.run_id,
            same_run=True,
            message=f"{rel} already exists and was not written by this run of detect_anomalies "
            "(the flagged rows would replace it)",
            hint="choose another flagged_path (or output name), or set overwrite=true to replace "
            "it",
        )
    return path


def _scores_target(args: DetectAnomaliesInput, ctx: ToolContext) -> Path | None:
    """The scores file `output` names (None: the default under anomalies/), refused (a 409)
    when it is the person's; with no flagged_path, the flagged rows' file beside it that is
    theirs too is named in the same question, so one answer covers both files.
    """
    from store.outputs import persons_files
    from store.workspace import numbered, workspace_root
    from tools.training.predict import WRITE_SUFFIXES

    if not args.output:
        return None
    path = resolve_path(args.output, for_write=True)
    rel = relative_to_workspace(path)
    beside = relative_to_workspace(path.with_name(f"{path.stem[:180]}-flagged{path.suffix}"))
    mine = {"tool": "detect_anomalies", "run_id": ctx.run_id, "same_run": True}
    if (
        not args.overwrite
        and not args.flagged_path
        and persons_files([rel], **mine)
        and persons_files([beside], **mine)
    ):
        root, suggested = workspace_root(), numbered(rel, "new")
        for number in range(2, 1000):
            candidate = numbered(rel, number)
            flagged = PurePosixPath(candidate)
            flagged = str(flagged.with_name(f"{flagged.stem[:180]}-flagged{flagged.suffix}"))
            if not (root / candidate).exists() and not (root / flagged).exists():
                suggested = candidate
                break
        twin = PurePosixPath(suggested)
        renamed = {
            rel: suggested,
            beside: str(twin.with_name(f"{twin.stem[:180]}-flagged{twin.suffix}")),
        }
        refuse_replacing(
            "output",
            rel,
            [rel, beside],
            overwrite=False,
            suggested=suggested,
            renamed=renamed,
            **mine,
        )
    named_target(
        args.output,
        "output",
        tool="detect_anomalies",
        overwrite=args.overwrite,
        run_id=ctx.run_id,
        suffixes=WRITE_SUFFIXES,
    )
    return path


def _combined_as(detectors: tuple[str, ...]) -> str:
    """How the detectors' scores were combined, in words (the rule named when it ran)."""
    said = "mean of the detectors' robust z-scores (median / MAD), negative parts cut to 0"
    if "negative_values" in detectors:
        said += (
            "; negative_values is a rule, not averaged: a row it finds (a negative number in a "
            "column otherwise never below 0) scores at least its robust z (a floor)"
        )
    return said


@tool(DetectAnomaliesInput, tags=("synthetic", "cleaning"))
def detect_anomalies(args: DetectAnomaliesInput, ctx: ToolContext) -> dict[str, Any]:
    """Score rows for anomalies (IsolationForest, LOF, a CVAE, rare value pairs, impossible
    negatives), highest first.

    The detectors' scores are combined as the mean of their robust z-scores (one scale, no
    anomaly labels needed), a rule's (negative_values) as a floor; `detectors` in the answer
    names those that ran. The report has per-row scores (sorted, written to a table, one
    column per detector too), min/max/mean, a threshold, how many rows are above it, and the
    worst rows with their values and `reasons` (the columns whose values are furthest from
    their usual ones: "quantity 240 (usual 1 to 8)"). The flagged rows, with all their columns
    plus anomaly_score and anomaly_rank, are saved beside the scores, or to `flagged_path` (a
    file there that this run did not write is replaced only with overwrite=true). Without
    a model, a generator is trained on the dataset first (on its label column when it has one,
    else on all rows as one class).
    """
    from tools.training.anomalies import default_threshold, flagged_rows, score_rows, summarise
    from tools.training.cvae import load_generator
    from tools.training.predict import write_table
    from tools.training.train import guess_id_column

    # A named file over the person's own is refused before a generator is trained.
    _flagged_target(args, _scores_target(args, ctx), ctx)
    trained = None
    if args.model is None:
        trained = fit_generator(
            TrainGeneratorInput(
                dataset=args.dataset,
                label_column=args.label_column,
                id_column=args.id_column,
                epochs=args.epochs,
                measure_utility=False,
            ),
            ctx,
            unlabeled_ok=True,
        )
        folder = resolve_path(trained["model_path"], must_exist=True)
    else:
        folder = model_folder(args.model)
    generator = load_generator(folder)
    frame, origin = load_table(args.dataset)
    id_col = args.id_column
    if id_col is not None and id_col not in frame.columns:
        raise column_not_found(id_col, frame.columns, argument="id_column", what="id")
    id_col = id_col or guess_id_column(frame)
    ctx.progress(f"scoring {len(frame)} rows", 0.9)
    detectors = tuple(dict.fromkeys(args.detectors))
    scored = score_rows(generator, frame, id_column=id_col, detectors=detectors, seed=args.seed)
    path = output_file(args.output, f"anomalies/{folder.name}-{stem_of(args.dataset)}.parquet")
    # The flagged rows with their data (beside the scores unless flagged_path names the file).
    target = _flagged_target(args, path, ctx) or path.with_name(f"{path.stem}-flagged{path.suffix}")
    flagged_path = workspace_output_file(relative_to_workspace(target))
    write_table(scored, path)
    record([path], tool="detect_anomalies", run_id=ctx.run_id)  # a resumed step may rewrite it
    cut = args.threshold if args.threshold is not None else default_threshold(scored["score"])
    summary = summarise(scored, threshold=cut, top_k=args.top_k, frame=frame, id_column=id_col)
    flagged = flagged_rows(scored, frame, cut)
    write_table(
        _parquet_safe(flagged) if flagged_path.suffix.lower() == ".parquet" else flagged,
        flagged_path,
    )
    record([flagged_path], tool="detect_anomalies", run_id=ctx.run_id)
    ctx.progress("scored", 1.0)
    artifacts = [
        artifact("anomaly scores", path, "table"),
        artifact("flagged rows", flagged_path, "table"),
    ]
    if trained is not None:
        artifacts += trained["artifacts"]
    return {
        "model": relative_to_workspace(folder),
        "dataset": origin["id"],
        "scores_path": relative_to_workspace(path),
        "flagged_path": relative_to_workspace(flagged_path),
        "detectors": [d for d in detectors if f"score_{d}" in scored.columns],
        "combined_as": _combined_as(detectors),
        **summary,
        # 'top 10': as many rows said as asked for (at most 20), else the five highest
        "answer": _scan_answer(
            summary, id_col, min(args.top_k, 20) if "top_k" in args.model_fields_set else 5
        ),
        "artifacts": artifacts,
    }


def _scan_answer(summary: dict[str, Any], id_col: str | None, shown: int = 5) -> str:
    """'4 of 1200 rows flagged (score above 5.3); flagged: ...; next highest: ...': the flagged
    rows among the five highest apart from those that were not (so 4 flagged never reads as 5).
    """
    top = summary["top"][:shown]
    flagged = int(summary["flagged"])
    said = [_worst_row(r, id_col, why=i < 3) for i, r in enumerate(top)]
    head = f"{flagged} of {summary['rows']} rows flagged (score above {summary['threshold']})"
    parts = [head]
    if said[:flagged]:
        parts.append("flagged: " + "; ".join(said[:flagged]))
    if said[flagged:]:
        parts.append("next highest, not flagged: " + "; ".join(said[flagged:]))
    return "; ".join(parts)


def _worst_row(record: dict[str, Any], id_col: str | None, *, why: bool) -> str:
    """'order_id 700034 (row 33, score 167.2): quantity 240 (usual 1 to 8), ...'."""
    from tools.training.anomaly_reasons import reason_text

    name = (
        f"{id_col} {record[id_col]} (row {record['row']}, " if id_col else f"row {record['row']} ("
    )
    reasons = [reason_text(r) for r in (record.get("reasons") or [])] if why else []
    return f"{name}score {record['score']})" + (": " + ", ".join(reasons) if reasons else "")


def _parquet_safe(frame: Any) -> Any:
    """Object columns holding more than one kind of value (numbers and text) as text."""
    mixed = [
        c
        for c in frame.columns
        if frame[c].dtype == object and frame[c].dropna().map(type).nunique() > 1
    ]
    return frame.astype({c: "string" for c in mixed}) if mixed else frame
