"""Classification and regression metrics, calibration, plots, baselines, id-joined evaluation."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from errors import BadInput, candidate_details, closest, column_not_found

if TYPE_CHECKING:
    from tools.training.train import LoadedModel

METRIC_ALIASES = {
    "auc": "auc",
    "roc_auc": "auc",
    "f1": "f1_macro",
    "f1_macro": "f1_macro",
    "macro_f1": "f1_macro",
    "accuracy": "accuracy",
    "acc": "accuracy",
    "precision": "precision_macro",
    "precision_macro": "precision_macro",
    "recall": "recall_macro",
    "recall_macro": "recall_macro",
    "log_loss": "log_loss",
    "mae": "mae",
    "mean_absolute_error": "mae",
    "rmse": "rmse",
    "root_mean_squared_error": "rmse",
    "root_mean_square_error": "rmse",
    "r2": "r2",
    "r²": "r2",
    "r^2": "r2",
    "r_squared": "r2",
    "rsquared": "r2",
    "r2_score": "r2",
    "coefficient_of_determination": "r2",
}
LOWER_IS_BETTER = frozenset({"log_loss", "mae", "rmse"})
"""Metrics where a smaller value is better: a target on them is a ceiling (reach <= value)."""
CLASSIFICATION_METRICS = (
    "auc",
    "f1_macro",
    "accuracy",
    "precision_macro",
    "recall_macro",
    "log_loss",
)
REGRESSION_METRICS = ("r2", "mae", "rmse")
DEFAULT_METRIC = {"classification": "auc", "regression": "r2"}


def canonical_metric(name: str) -> str:
    """The metric key for a user's name ('f1' -> 'f1_macro', 'R-squared' -> 'r2')."""
    key = METRIC_ALIASES.get(re.sub(r"[\s_-]+", "_", str(name).strip().lower()))
    if key is None:
        raise BadInput(
            f"unknown metric {str(name)[:60]!r}",
            hint=f"use one of: {', '.join(sorted(METRIC_ALIASES))}",
        )
    return key


def metric_for_task(name: str | None, task: str) -> str:
    """The canonical target metric for a task; a metric of the other task is a 400 naming
    the valid ones (AUC has no meaning for a regressor, nor MAE for a classifier).
    """
    if name is None:
        return DEFAULT_METRIC[task]
    metric = canonical_metric(name)
    valid = REGRESSION_METRICS if task == "regression" else CLASSIFICATION_METRICS
    if metric not in valid:
        other = "classification" if task == "regression" else "regression"
        raise BadInput(
            f"{metric!r} is a {other} metric, and this is a {task} task",
            hint=f"use one of: {', '.join(valid)} (or set task to {other!r} if that is meant)",
            details=candidate_details(
                "target_metric", [DEFAULT_METRIC[task]], "not_found", choices=list(valid)
            ),
        )
    return metric


CLASS_METRICS = ("precision", "recall", "f1")
"""What a target on one class can aim at (its own figure in `per_class`)."""


def class_metric_key(metric: str, cls: str) -> str:
    """The key of one class's figure among an attempt's metrics: 'recall:no_show'."""
    return f"{metric}:{cls}"


def class_kind(target_metric: str | None) -> str:
    """The per-class figure a target_metric names with a target_class ('recall' → recall);
    a metric with no per-class figure (AUC, accuracy, a regressor's) is a 400.
    """
    if target_metric is None:
        raise BadInput(
            "target_class needs a target_metric: precision, recall or f1",
            hint="set target_metric to precision, recall or f1 (the class's own figure)",
            details=candidate_details("target_metric", [], "missing", choices=list(CLASS_METRICS)),
        )
    kind = canonical_metric(target_metric).removesuffix("_macro")
    if kind not in CLASS_METRICS:
        raise BadInput(
            f"target_class is for precision, recall or f1, not {target_metric[:60]!r}",
            hint="set target_metric to precision, recall or f1, or leave target_class unset",
            details=candidate_details(
                "target_metric", list(CLASS_METRICS), "not_found", choices=list(CLASS_METRICS)
            ),
        )
    return kind


def class_of(name: str, classes: list[str]) -> str:
    """The label class `name` names: itself, else the one class equal to it ignoring case; a
    name no class matches is a 400 with the classes as candidates.
    """
    if name in classes:
        return name
    folded = [c for c in classes if c.casefold() == name.casefold()]
    if len(folded) == 1:
        return folded[0]
    shown = ", ".join(classes[:30])
    raise BadInput(
        f"class {name[:60]!r} is not a class of the label",
        hint=f"target_class must be one of the label's classes: {shown}",
        code="unknown_class",
        details=candidate_details(
            "target_class",
            closest(name, classes),
            "not_found",
            value=name[:200],
            choices=classes[:200],
        ),
    )


def class_figure(metrics: dict[str, Any], metric: str, cls: str) -> float | None:
    """One class's precision, recall or F1 from compute_metrics' `per_class` (None if absent)."""
    per_class = metrics.get("per_class")
    entry = per_class.get(cls) if isinstance(per_class, dict) else None
    return entry.get(metric) if isinstance(entry, dict) else None


def trained_for(config: dict[str, Any], metrics: dict[str, Any]) -> dict[str, Any] | None:
    """The class target a model was trained for, measured in `metrics`: {"metric": "recall",
    "class": "no_show", "value": 0.9, "measured": 0.87, "met": False}; None when it had none.

    The figure is also put in `metrics` as 'recall:no_show', beside the macro ones.
    """
    target = config.get("target")
    if not isinstance(target, dict):
        return None
    kind, cls = target.get("metric"), target.get("class")
    if not isinstance(kind, str) or not isinstance(cls, str):
        return None
    measured = class_figure(metrics, kind, cls)
    metrics[class_metric_key(kind, cls)] = measured
    value = target.get("value")
    met = None if measured is None or value is None else bool(measured >= float(value))
    return {"metric": kind, "class": cls, "value": value, "measured": measured, "met": met}


def _r(x: float | None) -> float | None:
    return None if x is None or not np.isfinite(x) else round(float(x), 6)


def calibration(y_true: np.ndarray, proba: np.ndarray, bins: int = 10) -> dict[str, Any]:
    """Reliability of the top-class confidence: per-bin confidence vs accuracy and the ECE."""
    conf = proba.max(axis=1)
    correct = (proba.argmax(axis=1) == y_true).astype(float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    out, ece = [], 0.0
    for i in range(bins):
        lo, hi = edges[i], edges[i + 1]
        mask = (conf > lo) & (conf <= hi) if i else (conf >= lo) & (conf <= hi)
        n = int(mask.sum())
        if n == 0:
            continue
        mc, acc = float(conf[mask].mean()), float(correct[mask].mean())
        ece += n / len(conf) * abs(mc - acc)
        out.append(
            {
                "lower": _r(lo),
                "upper": _r(hi),
                "count": n,
                "confidence": _r(mc),
                "accuracy": _r(acc),
            }
        )
    return {"bins": out, "ece": _r(ece)}


def compute_metrics(y_true: np.ndarray, proba: np.ndarray, classes: list[str]) -> dict[str, Any]:
    """Accuracy, per-class and macro P/R/F1, ROC-AUC (binary / one-vs-rest), log-loss,
    confusion matrix and calibration for integer labels `y_true` against `proba` (n x k).
    """
    from sklearn.metrics import (
        confusion_matrix,
        log_loss,
        precision_recall_fscore_support,
        roc_auc_score,
    )

    k = len(classes)
    labels = list(range(k))
    pred = proba.argmax(axis=1)
    p, r, f, s = precision_recall_fscore_support(y_true, pred, labels=labels, zero_division=0.0)
    present = sorted(set(int(v) for v in y_true))
    auc: float | None = None
    if len(present) >= 2:
        if k == 2:
            auc = float(roc_auc_score(y_true, proba[:, 1]))
        else:
            cols = [c for c in labels if c in present]
            sub = proba[:, cols] / np.clip(proba[:, cols].sum(axis=1, keepdims=True), 1e-12, None)
            remap = {c: i for i, c in enumerate(cols)}
            y_sub = np.array([remap[int(v)] for v in y_true])
            auc = (
                float(roc_auc_score(y_sub, sub[:, 1]))
                if len(cols) == 2
                else float(roc_auc_score(y_sub, sub, multi_class="ovr", average="macro"))
            )
    clipped = np.clip(proba, 1e-7, 1.0)
    clipped = clipped / clipped.sum(axis=1, keepdims=True)
    metrics: dict[str, Any] = {
        "n": int(len(y_true)),
        "accuracy": _r(float((pred == y_true).mean())) if len(y_true) else None,
        "precision_macro": _r(float(np.mean(p[present]))) if present else None,
        "recall_macro": _r(float(np.mean(r[present]))) if present else None,
        "f1_macro": _r(float(np.mean(f[present]))) if present else None,
        "auc": _r(auc),
        "log_loss": _r(float(log_loss(y_true, clipped, labels=labels))) if len(y_true) else None,
        "per_class": {
            c: {
                "precision": _r(p[i]),
                "recall": _r(r[i]),
                "f1": _r(f[i]),
                "support": int(s[i]),
            }
            for i, c in enumerate(classes)
        },
        "confusion_matrix": {
            "labels": list(classes),
            "matrix": confusion_matrix(y_true, pred, labels=labels).tolist(),
        },
        "calibration": calibration(y_true, proba),
    }
    if k == 2:
        metrics["positive_class"] = classes[1]
        metrics["brier"] = _r(float(np.mean((proba[:, 1] - (y_true == 1)) ** 2)))
    return metrics


def regression_metrics(y_true: np.ndarray, pred: np.ndarray) -> dict[str, Any]:
    """MAE, RMSE and R² of predictions against true values (original units).

    R² is None where it is undefined: fewer than two rows, or true values that do not vary.
    """
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(pred, dtype=np.float64)
    n = len(y)
    if n == 0:
        return {"n": 0, "r2": None, "mae": None, "rmse": None, "mean_error": None}
    err = p - y
    spread = float(((y - y.mean()) ** 2).sum())
    r2 = 1.0 - float((err**2).sum()) / spread if n >= 2 and spread > 0 else None
    return {
        "n": int(n),
        "r2": _r(r2),
        "mae": _r(float(np.abs(err).mean())),
        "rmse": _r(float(np.sqrt((err**2).mean()))),
        # the mean signed error: a model that is off in one direction (bias)
        "mean_error": _r(float(err.mean())),
    }


CLASSIFICATION_HEADLINE = (
    "accuracy",
    "f1_macro",
    "precision_macro",
    "recall_macro",
    "auc",
    "log_loss",
)
REGRESSION_HEADLINE = ("r2", "mae", "rmse")


def headline(metrics: dict[str, Any]) -> dict[str, Any]:
    """The scalar metrics only (for histories and comparisons): a regressor's r2/mae/rmse,
    a classifier's accuracy, macro P/R/F1, AUC and log-loss.
    """
    keys = REGRESSION_HEADLINE if "mae" in metrics else CLASSIFICATION_HEADLINE
    return {k: metrics.get(k) for k in keys}


def mean_baseline(y_true: np.ndarray, train_mean: float) -> dict[str, Any]:
    """Metrics of always predicting the training mean (nothing about these rows is used)."""
    out = headline(regression_metrics(y_true, np.full(len(y_true), float(train_mean))))
    out["predicts"] = _r(float(train_mean))
    return out


def majority_baseline(
    y_true: np.ndarray, classes: list[str], train_counts: dict[str, float]
) -> dict[str, Any]:
    """Metrics of always predicting the training majority class with the training priors."""
    counts = np.array([float(train_counts.get(c, 0.0)) for c in classes])
    prior = counts / counts.sum() if counts.sum() > 0 else np.full(len(classes), 1 / len(classes))
    proba = np.tile(prior, (len(y_true), 1))
    # Break the tie in favour of the majority so argmax predicts it everywhere.
    proba[:, int(np.argmax(prior))] += 1e-9
    out = headline(compute_metrics(y_true, proba, classes))
    out["predicts"] = classes[int(np.argmax(prior))]
    return out


METRIC_WORDS = {
    "accuracy": "accuracy",
    "f1_macro": "F1 (macro)",
    "precision_macro": "precision (macro)",
    "recall_macro": "recall (macro)",
    "auc": "AUC",
    "log_loss": "log loss",
    "mae": "MAE",
    "rmse": "RMSE",
    "r2": "R²",
}
"""A metric key as a person reads it (warnings in tool results)."""


def baseline_metric(task: str, target_metric: str | None) -> str:
    """The metric a model is held against its baseline on: a regressor's MAE; a classifier's
    target metric when one was named, else macro F1 (always guessing the commonest class scores
    low on it whatever the balance; on accuracy it beats most good models of a rare class
    trained with balanced class weights, the review's fraud case).
    """
    if task == "regression":
        return "mae"
    return canonical_metric(target_metric) if target_metric else "f1_macro"


def beats_baseline(metrics: dict[str, Any], baseline: dict[str, Any], metric: str) -> bool | None:
    """Whether `metrics` is strictly better than `baseline` on `metric` (None: not measured)."""
    mine, base = metrics.get(metric), baseline.get(metric)
    if mine is None or base is None:
        return None
    return float(mine) < float(base) if metric in LOWER_IS_BETTER else float(mine) > float(base)


def baseline_warning(
    metrics: dict[str, Any], baseline: dict[str, Any], metric: str, where: str
) -> str | None:
    """A warning when the model does not beat its baseline on `metric`, else None."""
    if beats_baseline(metrics, baseline, metric) is not False:
        return None
    name = METRIC_WORDS.get(metric, metric)
    mine, base = float(metrics[metric]), float(baseline[metric])
    if "mae" in baseline:
        return (
            f"the model's {name} {mine:.3f} on {where} is no better than always predicting the "
            f"training mean {float(baseline['predicts']):.3f} ({name} {base:.3f}): its features "
            "do not explain the target here"
        )
    return (
        f"the model's {name} {mine:.3f} on {where} is no better than always guessing "
        f"{baseline['predicts']!r} ({name} {base:.3f}), so by this measure it adds nothing over "
        "that guess"
    )


def join_labels(
    frame: pd.DataFrame,
    labels: pd.DataFrame,
    *,
    id_column: str,
    label_column: str,
) -> pd.DataFrame:
    """Attach `labels[label_column]` to `frame` by `id_column` (never by position).

    Every row of `frame` must find exactly one label; ids that do not match are an error.
    """
    shared = [str(c) for c in frame.columns if c in set(labels.columns)]
    for what, table in (("dataset", frame), ("labels", labels)):
        if id_column not in table.columns:
            error = column_not_found(
                id_column,
                table.columns,
                argument="id_column",
                what="id",
                where=f"the {what}",
                hint=f"columns are: {', '.join(map(str, table.columns))}; set id_column",
            )
            # A join key must be in both files: the columns they share come first.
            near = [c for c in error.details["candidates"] if c in shared]
            error.details["candidates"] = near or [c for c in shared if c != label_column]
            raise error
    if label_column not in labels.columns:
        raise column_not_found(
            label_column, labels.columns, argument="label_column", what="label", where="the labels"
        )
    for what, table in (("dataset", frame), ("labels", labels)):
        dup = table[id_column][table[id_column].duplicated()]
        if len(dup):
            raise BadInput(
                f"the {what} has duplicate ids, e.g. {dup.iloc[0]!r}",
                hint="ids must be unique to join labels to rows",
                code="mismatched_ids",
            )
    left = frame[id_column].astype(str)
    right = labels[id_column].astype(str)
    missing = left[~left.isin(set(right))]
    if len(missing):
        raise BadInput(
            f"{len(missing)} of {len(frame)} rows have no label with the same id, "
            f"e.g. {missing.iloc[0]!r}",
            hint="the labels file must hold a label for every row id of the dataset",
            code="mismatched_ids",
        )
    mapping = dict(zip(right, labels[label_column], strict=True))
    joined = frame.drop(columns=[label_column], errors="ignore").copy()
    joined[label_column] = [mapping[i] for i in left]
    return joined


# ----- plots -------------------------------------------------------------------------------
def new_figure(size: tuple[float, float]):  # noqa: ANN201 - (Figure, Axes)
    """A figure and its axes without pyplot: no global state, safe in concurrent jobs."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=size)
    return fig, fig.subplots()


def plot_roc(y_true: np.ndarray, proba: np.ndarray, classes: list[str], path: Path) -> bool:
    """ROC curve(s) (binary: the positive class; else one-vs-rest per class), AUC in the legend."""
    from sklearn.metrics import roc_auc_score, roc_curve

    fig, ax = new_figure((5.5, 5))
    drawn = False
    targets = [1] if len(classes) == 2 else list(range(len(classes)))
    for c in targets:
        positives = y_true == c
        if positives.all() or not positives.any():
            continue
        fpr, tpr, _ = roc_curve(positives.astype(int), proba[:, c])
        auc = roc_auc_score(positives.astype(int), proba[:, c])
        name = f"{classes[c]} (positive class)" if len(classes) == 2 else f"{classes[c]} vs rest"
        ax.plot(fpr, tpr, linewidth=1.8, label=f"{name}, AUC = {auc:.3f}")
        drawn = True
    ax.plot([0, 1], [0, 1], "--", color="grey", linewidth=0.8, label="chance, AUC = 0.500")
    ax.set_xlim(-0.01, 1.01)
    ax.set_ylim(-0.01, 1.01)
    ax.set_xlabel("false positive rate")
    ax.set_ylabel("true positive rate")
    ax.set_title(f"ROC curve ({len(y_true)} rows)")
    if drawn:
        # A ROC curve hugs the top-left corner; the bottom-right is where it never goes.
        ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    return drawn


def plot_confusion(matrix: list[list[int]], classes: list[str], path: Path) -> None:
    """Confusion matrix heat map with counts and row shares, as PNG."""
    m = np.asarray(matrix)
    size = max(4.5, 0.6 * len(classes) + 2.5)
    fig, ax = new_figure((size, size))
    image = ax.imshow(m, cmap="Blues")
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label="rows")
    ax.set_xticks(range(len(classes)), labels=classes, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(classes)), labels=classes, fontsize=8)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.set_title(f"Confusion matrix ({int(m.sum())} rows)")
    totals = m.sum(axis=1)
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            dark = m[i, j] > m.max() / 2
            colour = "white" if dark else "black"
            share = f"\n{m[i, j] / totals[i]:.0%}" if totals[i] else ""
            ax.text(j, i, f"{m[i, j]}{share}", ha="center", va="center", fontsize=8, color=colour)
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def plot_scatter(y_true: np.ndarray, pred: np.ndarray, path: Path) -> None:
    """Predicted against actual values, with the y = x line a perfect regressor lies on."""
    fig, ax = new_figure((5.5, 5))
    y = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(pred, dtype=np.float64)
    ax.scatter(y, p, s=10, alpha=0.6, label="rows")
    if len(y):
        lo = float(min(y.min(), p.min()))
        hi = float(max(y.max(), p.max()))
        ax.plot([lo, hi], [lo, hi], "--", color="grey", linewidth=0.8, label="predicted = actual")
    ax.set_xlabel("actual value")
    ax.set_ylabel("predicted value")
    ax.set_title(f"Predicted vs actual ({len(y)} rows)")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def plot_curves(history: list[dict[str, Any]], path: Path, best_epoch: int | None = None) -> None:
    """Training curves: train/validation loss and validation accuracy (or R²) per epoch, the
    best epoch marked.
    """
    epochs = [h["epoch"] for h in history]
    val = [h["val_loss"] for h in history]
    if best_epoch is None and val:
        best_epoch = epochs[int(np.argmin(val))]
    fig, ax = new_figure((7, 4.5))
    lines = ax.plot(epochs, [h["train_loss"] for h in history], label="train loss")
    lines += ax.plot(epochs, val, label="validation loss")
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    # a classifier's validation accuracy, a regressor's validation R², on the right axis
    key, what = (
        ("val_r2", "validation R²")
        if any("val_r2" in h for h in history)
        else (
            "val_accuracy",
            "validation accuracy",
        )
    )
    acc = [h.get(key) for h in history]
    if any(a is not None for a in acc):
        twin = ax.twinx()
        lines += twin.plot(epochs, acc, color="green", linestyle=":", label=f"{what} (right axis)")
        twin.set_ylabel(what)
    if best_epoch is not None and best_epoch in epochs:
        at = epochs.index(best_epoch)
        lines.append(
            ax.axvline(
                best_epoch,
                color="crimson",
                linestyle="--",
                linewidth=1,
                label=f"best epoch ({best_epoch}, kept)",
            )
        )
        ax.plot([best_epoch], [val[at]], "o", color="crimson")
    ax.set_title("Training curves")
    # One legend for both axes, under the plot, so it never covers a curve.
    fig.legend(handles=lines, loc="lower center", ncol=2, fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.14, 1, 1))
    fig.savefig(path, dpi=100)


# ----- the rows a model got most wrong ----------------------------------------------------------
WORST_ROWS = 10
"""Rows listed in `worst_rows` at most."""
ID_CHARS = 200
"""An id value is cut to this many characters in `worst_rows`."""


def _cell_value(value: Any) -> Any:
    """A table cell as plain JSON: numpy scalars unwrapped, missing as None, long text cut."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return None
    if isinstance(value, bool | int | float):
        return value
    return str(value)[:ID_CHARS]


def row_key(
    frame: pd.DataFrame, config: dict[str, Any], given: str | None, label: str | None
) -> str | None:
    """The column that names a row in `worst_rows`: `given`, the model's id column, `id`, else
    the first column that is neither a feature nor the label and is filled and unique on these
    rows, not a float (a `day` the model ignored: "which days did it get most wrong?").
    """
    from tools.training.train import guess_id_column

    cols = config.get("columns", {})
    for name in (given, cols.get("id"), guess_id_column(frame)):
        if name and name in frame.columns:
            return str(name)
    used = {*cols.get("text", []), *cols.get("numeric", []), *cols.get("categorical", [])}
    used |= {label, cols.get("label"), config.get("label_name")}
    for name in frame.columns:
        values = frame[name]
        if (
            name in used
            or str(name).startswith("prob_")
            or pd.api.types.is_float_dtype(values)
            or not values.notna().all()
        ):
            continue
        try:
            unique = values.is_unique
        except TypeError:  # unhashable cells (lists, dicts) name no row
            continue
        if unique:
            return str(name)
    return None


def _row_record(
    at: int, frame: pd.DataFrame, row_numbers: Any, id_column: str | None
) -> dict[str, Any]:
    """Where a row is: its number in the table the person named, and its id when there is one."""
    record: dict[str, Any] = {"row": int(row_numbers[at]) if row_numbers is not None else at}
    if id_column and id_column in frame.columns:
        record["id_column"] = str(id_column)
        record["id"] = _cell_value(frame[id_column].iloc[at])
    return record


def worst_regression_rows(
    y: np.ndarray,
    pred: np.ndarray,
    frame: pd.DataFrame,
    *,
    row_numbers: Any = None,
    id_column: str | None = None,
    limit: int = WORST_ROWS,
) -> list[dict[str, Any]]:
    """The rows with the largest absolute error, largest first: row (and id), actual,
    predicted and error (predicted - actual; positive is an over-estimate).
    """
    err = np.asarray(pred, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    order = np.argsort(-np.abs(err), kind="stable")[:limit]
    return [
        {
            **_row_record(int(i), frame, row_numbers, id_column),
            "actual": _r(float(y[i])),
            "predicted": _r(float(pred[i])),
            "error": _r(float(err[i])),
        }
        for i in order
    ]


def worst_classified_rows(
    y: np.ndarray,
    proba: np.ndarray,
    classes: list[str],
    frame: pd.DataFrame,
    *,
    row_numbers: Any = None,
    id_column: str | None = None,
    limit: int = WORST_ROWS,
) -> list[dict[str, Any]]:
    """The wrong predictions made with the highest confidence in the wrong class, most
    confident first: row (and id), actual, predicted and the confidence in the prediction.
    """
    pred = proba.argmax(axis=1)
    confidence = proba.max(axis=1)
    wrong = np.flatnonzero(pred != y)
    order = wrong[np.argsort(-confidence[wrong], kind="stable")][:limit]
    return [
        {
            **_row_record(int(i), frame, row_numbers, id_column),
            "actual": classes[int(y[i])],
            "predicted": classes[int(pred[i])],
            "confidence": _r(float(confidence[i])),
        }
        for i in order
    ]


# ----- evaluating a saved model on labeled rows ----------------------------------------------
def labeled_rows(
    model: LoadedModel, frame: pd.DataFrame, label_column: str | None, soft_labels: bool = False
) -> tuple[Any, list[dict[str, Any]]]:
    """The labeled rows of `frame` as a fitted model reads them (its own feature columns), and
    the feature columns imputed as missing, as predict does (all absent: 400); what
    evaluate_model and explain_model measure on.
    """
    from tools.training.train import prepare_labels

    cols = model.config["columns"]
    imputed = model.preprocessor.imputed(frame)
    absent = {i["column"] for i in imputed if i["absent"]}
    data = prepare_labels(
        frame,
        label_column=label_column,
        soft_labels=soft_labels,
        text_columns=[c for c in cols["text"] if c not in absent],
        numeric_columns=[c for c in cols["numeric"] if c not in absent],
        categorical_columns=[c for c in cols["categorical"] if c not in absent],
        drop_uncovered=False,
        classes=None if model.task == "regression" else model.classes,
        task=model.task,
        fitted=True,
    )
    return data, imputed


def evaluate_loaded(
    model: LoadedModel,
    frame: pd.DataFrame,
    *,
    label_column: str | None,
    soft_labels: bool = False,
    out_dir: Path | None = None,
    compare: LoadedModel | None = None,
    compare_name: str = "second_model",
    id_column: str | None = None,
    row_numbers: Any = None,
) -> dict[str, Any]:
    """Evaluate `model` on labeled rows: metrics, majority baseline, optional second model, plots,
    and `worst_rows` (the rows it got most wrong).

    The majority baseline predicts the model's training majority with its training priors, so
    nothing about the evaluation rows is used to build it. `worst_rows` name each row by its
    position in `frame` (or `row_numbers[position]`: its number in the table the person named)
    and by `id_column` (default: see `row_key`).
    """
    regression = model.task == "regression"
    if compare is not None and compare.task != model.task:
        raise BadInput(
            f"the second model is a {compare.task} model and the first a {model.task} model",
            hint="compare two classifiers or two regressors",
        )
    data, imputed = labeled_rows(model, frame, label_column, soft_labels)
    id_column = row_key(frame, model.config, id_column, label_column)
    # Each labeled row's number in the person's table (unlabeled rows were dropped).
    assert data.positions is not None
    numbers = data.positions if row_numbers is None else np.asarray(row_numbers)[data.positions]
    where = {"row_numbers": numbers, "id_column": id_column}
    if regression:
        return _evaluate_regressor(
            model,
            data,
            imputed,
            out_dir=out_dir,
            compare=compare,
            compare_name=compare_name,
            where=where,
        )
    proba = model.predict_proba(data.frame)
    y = data.y
    metrics = compute_metrics(y, proba, model.classes)
    report: dict[str, Any] = {
        "rows": len(data),
        "dropped_unlabeled": data.dropped,
        "classes": model.classes,
        "metrics": metrics,
        "baseline": majority_baseline(y, model.classes, model.config.get("class_counts", {})),
        "worst_rows": worst_classified_rows(y, proba, model.classes, data.frame, **where),
    }
    if (aimed := trained_for(model.config, metrics)) is not None:
        report["trained_for"] = aimed  # 'recall of no_show', as the model was trained to reach
    _note_imputed(report, imputed)
    if compare is not None:
        if compare.classes != model.classes:
            raise BadInput(
                f"the second model's classes {compare.classes} differ from {model.classes}",
                hint="compare models trained for the same classes",
            )
        other = compute_metrics(y, compare.predict_proba(data.frame), model.classes)
        report["comparison"] = comparison(compare_name, metrics, other)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        plot_confusion(
            metrics["confusion_matrix"]["matrix"], model.classes, out_dir / "confusion.png"
        )
        report["roc_plotted"] = plot_roc(y, proba, model.classes, out_dir / "roc.png")
        (out_dir / "evaluation.json").write_text(json.dumps(report, indent=2))
    return report


def _note_imputed(report: dict[str, Any], imputed: list[dict[str, Any]]) -> None:
    """The feature columns imputed as missing, and a warning when that matters, in the report."""
    from tools.training.features import imputation_warnings

    if imputed:
        report["imputed"] = imputed
        if warnings := imputation_warnings(imputed):
            report["warnings"] = warnings


def comparison(name: str, metrics: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """A second model's headline metrics on the same rows, and the first's lead on each."""
    mine, theirs = headline(metrics), headline(other)
    return {
        "name": name,
        "metrics": theirs,
        "delta": {
            k: (None if mine[k] is None or theirs[k] is None else round(mine[k] - theirs[k], 6))
            for k in mine
        },
    }


def _evaluate_regressor(
    model: LoadedModel,
    data: Any,
    imputed: list[dict[str, Any]],
    *,
    out_dir: Path | None,
    compare: LoadedModel | None,
    compare_name: str,
    where: dict[str, Any],
) -> dict[str, Any]:
    """evaluate_loaded for a regressor: MAE/RMSE/R², the training-mean baseline, a scatter."""
    y = data.y
    pred = model.predict_values(data.frame)
    metrics = regression_metrics(y, pred)
    report: dict[str, Any] = {
        "task": "regression",
        "rows": len(data),
        "dropped_unlabeled": data.dropped,
        "metrics": metrics,
        "baseline": mean_baseline(y, model.config["target_scaling"]["mean"]),
        "worst_rows": worst_regression_rows(y, pred, data.frame, **where),
    }
    _note_imputed(report, imputed)
    if compare is not None:
        other = regression_metrics(y, compare.predict_values(data.frame))
        report["comparison"] = comparison(compare_name, metrics, other)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        plot_scatter(y, pred, out_dir / "scatter.png")
        (out_dir / "evaluation.json").write_text(json.dumps(report, indent=2))
    return report
