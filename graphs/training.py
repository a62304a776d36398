"""The train_model workflow: train, measure on validation, stop at the target or tune and retry.

The loop is the shared StateGraph from graphs/loop.py (attempts in state, `done = target_met or
attempts >= max_attempts`); the held-out test set is measured once, on the best attempt only.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from errors import BadInput, candidate_details, column_not_found
from graphs.loop import run_loop
from settings import get_settings
from store.workspace import relative_to_workspace
from tools.base import ToolContext
from tools.labeling.limits import looks_like_quantity
from tools.tabular import guess_label_column, load_table
from tools.training.evaluate import (
    LOWER_IS_BETTER,
    baseline_metric,
    baseline_warning,
    canonical_metric,
    class_figure,
    class_kind,
    class_metric_key,
    class_of,
    evaluate_loaded,
    headline,
    majority_baseline,
    mean_baseline,
    metric_for_task,
)
from tools.training.tools import (
    TrainModelInput,
    artifact,
    output_folder,
    refuse_taken_name,
    stem_of,
)
from tools.training.train import (
    LabeledData,
    TrainConfig,
    copy_model,
    fit,
    guess_id_column,
    load_model,
    prepare_labels,
    resolve_task,
    save_trained,
    split_validation,
    table_fingerprint,
)


def _tuner(mode: str):  # noqa: ANN202 - returns the propose function
    from agents.tuner import builtin_tune, llm_tune

    chat = None
    if mode in ("auto", "llm"):
        from agents.llm import get_chat_model

        chat = get_chat_model()
        if chat is None and mode == "llm":
            raise BadInput(
                "tuner 'llm' needs an LLM but FORGEFLOW_LLM is builtin",
                hint="set FORGEFLOW_LLM=openai:<model> (or gemini:<model>), or use tuner 'builtin'",
                code="llm_not_configured",
            )
    if chat is None:
        return builtin_tune, "builtin"
    return (lambda history, target, profile: llm_tune(chat, history, target, profile)), "llm"


def _load_split(args: TrainModelInput) -> tuple[LabeledData, LabeledData, dict[str, Any]]:
    frame, origin = load_table(args.dataset)
    # A label_dataset output names its label (the hand labels' column, e.g. `income`).
    meta_attrs = frame.attrs.get("forgeflow")
    label_name = meta_attrs.get("label_name") if isinstance(meta_attrs, dict) else None
    label = args.label_column
    if label is None and not args.soft_labels:
        label = guess_label_column(frame)
    id_col = args.id_column or guess_id_column(frame)
    task = "classification" if args.soft_labels and args.task == "auto" else args.task
    task = resolve_task(frame, label, task)
    excluded = _excluded(frame, args.exclude_columns, label)

    def kept(names: list[str] | None) -> list[str] | None:
        return None if names is None else [n for n in names if n not in excluded]

    data = prepare_labels(
        frame.drop(columns=excluded),  # the table's fingerprint below is of all its columns
        label_column=label,
        soft_labels=args.soft_labels,
        id_column=id_col,
        text_columns=kept(args.text_columns),
        numeric_columns=kept(args.numeric_columns),
        categorical_columns=kept(args.categorical_columns),
        drop_uncovered=args.drop_uncovered,
        task=task,
    )
    if args.validation_dataset:
        vframe, _ = load_table(args.validation_dataset, argument="validation_dataset")
        cols = data.columns
        val = prepare_labels(
            vframe,
            label_column=label,
            soft_labels=args.soft_labels,
            text_columns=cols.text,
            numeric_columns=cols.numeric,
            categorical_columns=cols.categorical,
            drop_uncovered=False,
            classes=None if task == "regression" else data.classes,
            task=task,
            fitted=True,
        )
        train = data
    else:
        train, val = split_validation(data, args.validation_fraction, args.seed)
    return (
        train,
        val,
        {
            "origin": origin,
            "label": label,
            "task": task,
            "id": id_col,
            "dropped": data.dropped,
            "label_name": label_name,
            "excluded": excluded,
            "table_rows": len(frame),
            "fingerprint": table_fingerprint(frame),
        },
    )


def _fmt(value: Any) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def split_record(
    args: TrainModelInput,
    val: LabeledData,
    meta: dict[str, Any],
    test: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Which rows were the validation split, so evaluate_model can re-measure on exactly them,
    and the test file the model was tested on (`test`: its `test_*` fields), if any.

    Rows are recorded by their position in the training table together with the table's
    fingerprint (so no id column is needed, and an edited table is noticed), and by id when the
    table has one. Two models trained on the same table with the same seed and
    validation_fraction hold out the same rows.
    """
    splits: dict[str, Any] = {
        "dataset": meta["origin"]["id"],
        "id_column": meta["id"],
        "table_rows": meta["table_rows"],
        "table_fingerprint": meta["fingerprint"],
        "seed": args.seed,
        "validation_fraction": args.validation_fraction,
        **(test or {}),
    }
    if args.validation_dataset:
        splits["validation_dataset"] = args.validation_dataset
        return splits
    if val.positions is not None:
        splits["validation_rows"] = [int(p) for p in val.positions]
    if meta["id"] is not None:
        splits["validation_ids"] = [str(v) for v in val.frame[meta["id"]].tolist()]
    return splits


def run_train_model(args: TrainModelInput, ctx: ToolContext) -> dict[str, Any]:
    """Train to a validation target with the tuner between attempts; test the best once."""
    if args.target_metric is not None:
        canonical_metric(args.target_metric)  # an unknown name is refused before data is read
    # A named folder that another tool (save_model) or the person wrote: a 409 before any work.
    refuse_taken_name("models", args.name, tool="train_model", overwrite=args.overwrite, ctx=ctx)
    kind = class_kind(args.target_metric) if args.target_class is not None else None
    max_attempts = (
        1 if args.target_value is None else (args.max_attempts or get_settings().max_attempts)
    )
    train, val, meta = _load_split(args)
    metric = metric_for_task(args.target_metric, meta["task"])
    aimed = _aimed_class(args, kind, meta["task"], train.classes)
    if aimed is not None:
        # the loop measures, stops on and picks by that class's own figure ('recall:no_show')
        metric = class_metric_key(aimed["metric"], aimed["class"])
    lower = metric in LOWER_IS_BETTER
    test_frame = None
    test_label = args.test_label_column or meta["label"] or meta["label_name"] or "label"
    tested: dict[str, Any] | None = None  # the test file, recorded in splits.json
    if args.test_dataset:
        test_frame, test_origin = load_table(args.test_dataset, argument="test_dataset")
        if not args.test_label_column and test_label not in test_frame:
            if meta["label_name"] and meta["label_name"] in test_frame:
                test_label = meta["label_name"]  # a labeled file's `label` is the test's `topic`
            elif not meta["label"]:
                test_label = "label"
        if test_label not in test_frame.columns:
            raise column_not_found(
                test_label,
                test_frame.columns,
                argument="test_label_column",
                what="label",
                where="the test dataset",
                hint="set test_label_column; columns are: "
                + ", ".join(map(str, test_frame.columns)),
            )
        tested = {
            "test_dataset": test_origin["id"],
            "test_label_column": test_label,
            "test_rows": len(test_frame),
            "test_fingerprint": table_fingerprint(test_frame),
        }
    propose, tuner_kind = _tuner(args.tuner)
    folder = output_folder("models", args.name, stem_of(args.dataset), ctx)
    # Retraining under the same name replaces the earlier model and its attempts entirely
    # (a folder train_model did not write was refused above unless overwrite).
    for old in [*folder.glob("attempt-*"), folder / "test"]:
        if old.is_dir():
            shutil.rmtree(old)
    base = TrainConfig(**{k: getattr(args, k) for k in TrainConfig.model_fields}).model_dump()
    profile = {
        "rows_train": len(train),
        "rows_validation": len(val),
        "task": meta["task"],
        "classes": train.classes,
        "has_text": bool(train.columns.text),
        "text_columns": train.columns.text,
        "numeric_columns": len(train.columns.numeric),
        "categorical_columns": len(train.columns.categorical),
        "soft_labels": train.soft,
    }
    records: dict[int, dict[str, Any]] = {}
    pending: dict[str, Any] = {"changes": [], "reason": "initial configuration"}

    def produce(config: dict[str, Any]) -> dict[str, Any]:
        attempt = len(records) + 1
        cfg = TrainConfig(**config)

        def on_epoch(epoch: int, epochs: int, record: dict[str, Any]) -> None:
            done = (attempt - 1 + epoch / epochs) / max_attempts
            score = (
                f"val_r2 {_fmt(record.get('val_r2'))}"
                if "val_r2" in record
                else f"val_acc {record['val_accuracy']:.3f}"
            )
            ctx.progress(
                f"attempt {attempt}/{max_attempts}: epoch {epoch}/{epochs} "
                f"val_loss {record['val_loss']:.4f} {score}",
                0.9 * done,
                attempt=attempt,
                force=True,
                **record,
            )

        trained = fit(train, val, cfg, on_epoch=on_epoch, check_cancelled=ctx.check_cancelled)
        where = folder / f"attempt-{attempt}"
        save_trained(trained, where, extra={"dataset": meta["origin"]["id"], "attempt": attempt})
        metrics = _with_class(headline(trained.val_metrics), trained.val_metrics, aimed)
        records[attempt] = {
            "attempt": attempt,
            "config": cfg.model_dump(),
            "changes": pending["changes"],
            "reason": pending["reason"],
            "model": trained.arch["kind"],
            "metrics": metrics,
            "train_metrics": trained.train_metrics,
            "best_epoch": trained.best_epoch,
            "epochs_run": len(trained.history),
            "path": str(where),
            "validation_full": trained.val_metrics,
            "device": trained.device,
        }
        ctx.progress(
            f"attempt {attempt}: validation {metric} {metrics.get(metric)}",
            0.9 * attempt / max_attempts,
            force=True,
        )
        return {"attempt": attempt, "metrics": metrics}

    def measure(output: dict[str, Any]) -> dict[str, Any]:
        return output["metrics"]

    def adjust(config: dict[str, Any], history: list[dict[str, Any]]) -> tuple[dict, list[str]]:
        enriched = [
            {**records[h["attempt"]], "resolved_model": records[h["attempt"]]["model"]}
            for h in history
        ]
        proposal = propose(enriched, target, profile)
        from agents.tuner import best_entry

        start = dict(best_entry(enriched, metric)["config"])
        new = TrainConfig(**{**start, **proposal.changes}).model_dump()
        changes = [f"{k}: {start.get(k)!r} -> {v!r}" for k, v in proposal.changes.items()]
        pending["changes"], pending["reason"] = changes, f"[{proposal.source}] {proposal.reason}"
        return new, changes

    # With no target value the loop makes one attempt; the bound is still explicit.
    sentinel = float("inf") if lower else float("-inf")
    target = {
        "metric": metric,
        "value": args.target_value if args.target_value is not None else sentinel,
        "higher_is_better": not lower,
        **({"class": aimed["class"], "class_metric": aimed["metric"]} if aimed else {}),
    }
    result = run_loop(
        produce, measure, adjust, config=base, target=target, max_attempts=max_attempts
    )
    best = records[result["best_attempt"]]
    copy_model(Path(best["path"]), folder)
    config_path = folder / "config.json"
    saved = json.loads(config_path.read_text())
    saved["best_attempt"] = best["attempt"]
    saved["label_name"] = meta["label_name"] or meta["label"]
    if aimed is not None:
        # evaluate_model reports this class's figure beside its others
        saved["target"] = {**aimed, "value": args.target_value}
    config_path.write_text(json.dumps(saved, indent=2))
    (folder / "splits.json").write_text(json.dumps(split_record(args, val, meta, tested)))
    artifacts = [
        artifact("model weights", folder / "model.safetensors", "model"),
        artifact("model config", config_path, "json"),
        artifact("preprocessing", folder / "preprocessing.json", "json"),
        artifact("training curves", folder / "curves.png", "image"),
        artifact("metrics", folder / "metrics.json", "json"),
    ]
    test_report = None
    if test_frame is not None:
        ctx.progress("measuring the best attempt on the test set (once)", 0.95, force=True)
        test_report = evaluate_loaded(
            load_model(folder),
            test_frame,
            label_column=test_label,
            out_dir=folder / "test",
        )
        artifacts.append(artifact("test evaluation", folder / "test" / "evaluation.json", "json"))
        if meta["task"] == "regression":
            artifacts.append(
                artifact("test predicted vs actual", folder / "test" / "scatter.png", "image")
            )
        else:
            artifacts.append(
                artifact("test confusion matrix", folder / "test" / "confusion.png", "image")
            )
        if test_report.get("roc_plotted"):
            artifacts.append(artifact("test ROC curve", folder / "test" / "roc.png", "image"))
    validation_baseline = _validation_baseline(val, saved)
    reported = test_report["metrics"] if test_report else best["validation_full"]
    baseline = test_report["baseline"] if test_report else validation_baseline
    warnings = _column_warnings(train, meta)
    compared_on = baseline_metric(meta["task"], args.target_metric)
    where = "the test set" if test_report else "the validation split"
    if beaten := baseline_warning(reported, baseline, compared_on, where):
        if compared_on == "accuracy" and best["config"].get("class_weights") == "balanced":
            default = "" if "class_weights" in args.model_fields_set else " (the default)"
            beaten += (
                f"; class_weights 'balanced'{default} trades accuracy for the rarer "
                "classes' recall: compare F1 (macro), or set class_weights 'none' if plain "
                "accuracy matters"
            )
        warnings.insert(0, beaten)  # first: the answer shows the first few warnings
    ctx.progress("training done", 1.0)

    history = [
        {
            k: (relative_to_workspace(Path(v)) if k == "path" else v)
            for k, v in records[h["attempt"]].items()
            if k != "validation_full"
        }
        for h in result["history"]
    ]
    return {
        "model_path": relative_to_workspace(folder),
        # the kind trained ('auto' resolved from the data): logistic, linear or mlp
        "model_kind": (saved.get("arch") or {}).get("kind"),
        "dataset": meta["origin"]["id"],
        "label_column": meta["label"],
        "id_column": meta["id"],
        "soft_labels": args.soft_labels,
        "task": meta["task"],
        "classes": train.classes,
        "columns": {
            "text": train.columns.text,
            "numeric": train.columns.numeric,
            "categorical": train.columns.categorical,
            "ignored": train.columns.ignored,
            "label_copies": train.columns.label_copies,
            "missing_with_label": train.columns.missing_with_label,
            "excluded": meta.get("excluded", []),
        },
        "rows": {"train": len(train), "validation": len(val), "dropped": meta["dropped"]},
        "device": best["device"],
        "tuner": tuner_kind,
        "target": {
            "metric": metric,
            "value": args.target_value,
            **({"class": aimed["class"], "class_metric": aimed["metric"]} if aimed else {}),
        },
        "target_met": bool(result["target_met"]),
        "attempts": result["attempts"],
        "best_attempt": best["attempt"],
        "history": history,
        "metrics": {
            **_with_class(headline(reported), reported, aimed),
            "measured_on": "test" if test_report else "validation",
        },
        "validation_metrics": _with_class(
            dict(best["validation_full"]), best["validation_full"], aimed
        ),
        "test_metrics": test_report["metrics"] if test_report else None,
        "test_baseline": test_report["baseline"] if test_report else None,
        # the test rows it got most wrong (evaluate_model's worst_rows): for a later question
        "test_worst_rows": test_report.get("worst_rows") if test_report else None,
        # the baseline on the rows `metrics` was measured on, as evaluate_model's `baseline`
        "baseline": {**baseline, "measured_on": "test" if test_report else "validation"},
        "validation_baseline": validation_baseline,
        "baseline_metric": compared_on,
        **({"warnings": warnings} if warnings else {}),
        "artifacts": artifacts,
    }


def _aimed_class(
    args: TrainModelInput, kind: str | None, task: str, classes: list[str]
) -> dict[str, str] | None:
    """The class a target aims at ({"metric": "recall", "class": "no_show"}), or None; a
    target_class on a regressor, or one that is none of the label's classes, is a 400.
    """
    if args.target_class is None or kind is None:
        return None
    if task != "classification":
        raise BadInput(
            "target_class is for a classifier, and this is a regression task",
            hint="leave target_class unset (a regressor has no classes), or set task "
            "'classification'",
            details=candidate_details("target_class", [], "not_found", value=args.target_class),
        )
    return {"metric": kind, "class": class_of(args.target_class, [str(c) for c in classes])}


def _with_class(
    metrics: dict[str, Any], full: dict[str, Any], aimed: dict[str, str] | None
) -> dict[str, Any]:
    """`metrics` with the aimed class's own figure added as 'recall:no_show' (when aimed)."""
    if aimed is None:
        return metrics
    key = class_metric_key(aimed["metric"], aimed["class"])
    return {**metrics, key: class_figure(full, aimed["metric"], aimed["class"])}


def _excluded(frame: Any, names: list[str] | None, label: str | None) -> list[str]:
    """The columns `exclude_columns` leaves out of the features: each must be a column of the
    data and none the label (that is no feature to leave out).
    """
    out: list[str] = []
    for name in dict.fromkeys(names or []):
        if name not in frame.columns:
            raise column_not_found(name, frame.columns, argument="exclude_columns", what="exclude")
        if name == label:
            raise BadInput(
                f"the label column {name!r} cannot be excluded: it is what the model predicts",
                hint="remove it from exclude_columns, or name another label_column",
            )
        out.append(name)
    return out


def _validation_baseline(val: LabeledData, saved: dict[str, Any]) -> dict[str, Any]:
    """The trivial model's metrics on the validation split, built from the training split
    only (evaluate.py's baselines, as evaluate_model uses): a classifier's majority class with
    the training priors, a regressor's training mean.
    """
    if saved.get("task") == "regression":
        return mean_baseline(val.y, saved["target_scaling"]["mean"])
    return majority_baseline(val.y, list(saved["classes"]), saved.get("class_counts") or {})


LABELED_OUTPUT_COLUMNS = frozenset({"label", "label_original"})
"""What the labeling tools write beside the rows of a labeled file: its labels, as expected."""


def _column_warnings(train: LabeledData, meta: dict[str, Any]) -> list[str]:
    """Say when the label looks like a quantity (numeric, many values: trained as classes
    anyway), and which columns were left out as copies of the label (they would leak it); on a
    labeled file (soft labels) its own label columns are left out without a word.
    """
    soft = not meta.get("label")
    warnings = []
    if not soft and looks_like_quantity(train.classes, len(train)):
        k = len(train.classes)
        warnings.append(
            f"the label {meta['label']!r} has {k} distinct numeric values: it looks like a "
            f"quantity (a regression target), trained here as {k} unordered classes; bin it "
            f"into a few classes, or set task 'regression' if the order and distance matter"
        )
    # A labeled file keeps the hand labels' own column (`topic`, partly filled): it is that
    # file's label too, left out as silently as `label`.
    own = set(LABELED_OUTPUT_COLUMNS) | {meta.get("label_name")} if soft else set()
    label = meta["label"] or meta.get("label_name") or "label"
    return (
        warnings
        + [
            f"column {name!r} is a one-to-one recoding of the label {label!r} "
            "and was not used as a feature (it would leak the label); name it in numeric_columns "
            "or categorical_columns to use it anyway"
            for name in train.columns.label_copies
            if name not in own
        ]
        + [
            f"column {name!r} is empty exactly when {label!r} is {cls!r}: a value like that is "
            "often recorded only after the outcome (hindsight); if it is not known when you "
            f"predict, train without it (say 'without {name}', or list the feature columns)"
            for name, cls in train.columns.missing_with_label.items()
        ]
    )


def synthetic_data_job(request: dict[str, Any], ctx: ToolContext) -> dict[str, Any]:
    """The generate-data job: sample from a generator, training one first when only data is given.

    `request` holds model_path or labeled_data_path (+ label_column, epochs), label,
    num_samples, output_path (a file of the person's there is replaced only with overwrite) and
    seed.
    """
    from graphs.workflows import call_tool
    from store.outputs import named_target

    if request.get("output_path"):  # the person's file there: a 409 before a generator trains
        named_target(
            request["output_path"],
            "output",
            tool="generate_synthetic",
            overwrite=bool(request.get("overwrite")),
            run_id=ctx.run_id,
        )
    trained = None
    model = request.get("model_path")
    if model is None:
        gen_args: dict[str, Any] = {"dataset": request["labeled_data_path"]}
        if request.get("label_column"):
            gen_args["label_column"] = request["label_column"]
        if request.get("epochs"):
            gen_args["epochs"] = request["epochs"]
        trained = call_tool("train_generator", gen_args, ctx)
        model = trained["model_path"]
    args: dict[str, Any] = {
        "model": model,
        "n": request.get("num_samples", 100),
        "seed": request.get("seed", 0),
    }
    if request.get("label") is not None:
        args["label"] = request["label"]
    if request.get("output_path"):
        args["output"] = request["output_path"]
        args["overwrite"] = bool(request.get("overwrite"))
    out = call_tool("generate_synthetic", args, ctx)
    out["output_path"] = out["path"]
    if trained is not None:
        out["generator"] = {"model_path": model, "utility": trained.get("utility")}
    return out
