"""Permutation importance of a saved model's input columns, measured through its own features."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

if TYPE_CHECKING:
    from tools.training.train import LoadedModel

MAX_ROWS = 2000
"""Rows measured on at most: a larger table is sampled down with the seed."""
MIN_ROWS = 200
"""The cost cap never samples below this many rows (fewer repeats or columns first)."""
CELL_BUDGET = 300_000
"""The cost cap: columns x repeats x rows scored (each a re-featurised row through the model)."""
SMALL_SAMPLE = 50
"""Fewer rows than this: the importances are noisy, and the result says so."""


@dataclass(frozen=True)
class Plan:
    """How much work a measurement does after the cost cap: rows, repeats, columns."""

    rows: int
    repeats: int
    columns: list[str]
    capped: list[str]
    """What the cap cut, in words (empty when it was not hit)."""


def plan_work(n_rows: int, repeats: int, columns: list[str], budget: int | None = None) -> Plan:
    """Bound columns x repeats x rows by `budget`: sample rows down (not below MIN_ROWS),
    then fewer repeats (not below 1), then measure only the first columns (model order).
    """
    budget = CELL_BUDGET if budget is None else budget
    rows = min(n_rows, MAX_ROWS)
    capped: list[str] = []
    cols = list(columns)
    if not cols:
        return Plan(rows, repeats, cols, capped)
    if len(cols) * repeats * rows > budget:
        fewer = max(min(rows, MIN_ROWS), budget // (len(cols) * repeats))
        if fewer < rows:
            capped.append(f"rows sampled down from {rows} to {fewer}")
            rows = fewer
    if len(cols) * repeats * rows > budget:
        fewer = max(1, budget // (len(cols) * rows))
        if fewer < repeats:
            capped.append(f"repeats cut from {repeats} to {fewer}")
            repeats = fewer
    if len(cols) * repeats * rows > budget:
        keep = max(1, budget // (repeats * rows))
        if keep < len(cols):
            capped.append(f"only the first {keep} of {len(cols)} columns measured")
            cols = cols[:keep]
    return Plan(rows, repeats, cols, capped)


def sample_rows(n: int, rows: int, seed: int) -> np.ndarray:
    """`rows` positions of `n`, drawn with `seed` and kept in table order (all when n <= rows)."""
    if n <= rows:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=rows, replace=False))


def permuted_features(
    model: LoadedModel, frame: pd.DataFrame, base: sp.spmatrix, column: str, order: np.ndarray
) -> sp.csr_matrix:
    """The feature matrix of `frame` with `column`'s values in `order`: what the model's own
    preprocessing makes of the shuffled table, without re-featurising the other columns.

    A numeric or categorical column (or the only text column) owns its block, a function of
    that column alone, so its rows are reordered; one of several text columns shares the text
    block with the others, which is vectorised again from the shuffled documents.
    """
    pre = model.preprocessor
    start, end = pre.spans()[column]
    if pre.kind(column) == "text" and len(pre.text_columns) > 1:
        shuffled = frame.copy()
        shuffled[column] = frame[column].to_numpy()[order]
        return pre.transform(shuffled)
    base = base.tocsc()  # a no-op for the CSC matrix permutation_importance passes
    block = base[:, start:end].tocsr()[order]
    return sp.hstack([base[:, :start], block, base[:, end:]], format="csr", dtype=np.float32)


def score(model: LoadedModel, matrix: sp.csr_matrix, y: np.ndarray) -> float:
    """The model's metric on a feature matrix: macro F1 over the classes present for a
    classifier (higher is better), MAE for a regressor (lower is better).
    """
    from tools.training.train import predict_proba_matrix, predict_value_matrix

    if model.task == "regression":
        pred = predict_value_matrix(
            model.module, matrix, model.device, model.config["target_scaling"]
        )
        return float(np.abs(pred - y).mean())
    from sklearn.metrics import f1_score

    pred = predict_proba_matrix(model.module, matrix, model.device).argmax(axis=1)
    present = sorted({int(v) for v in y})
    return float(f1_score(y, pred, labels=present, average="macro", zero_division=0.0))


def permutation_importance(
    model: LoadedModel,
    frame: pd.DataFrame,
    y: np.ndarray,
    *,
    repeats: int,
    seed: int,
    budget: int | None = None,
    on_column: Callable[[int, int, str], None] | None = None,
) -> dict[str, Any]:
    """Shuffle one input column at a time (whole columns, text too), re-featurise with the
    model's preprocessing, and measure how much the metric worsens (mean and std over repeats).

    `drop` is positive when shuffling hurts: the F1 lost for a classifier, the MAE added for a
    regressor. Deterministic given `seed`: the rows sampled and each column's shuffles come
    from seeds of their own, so a column's figure does not depend on the others measured.
    `on_column(i, n, column)` is called before each column (progress, and a cancel check).
    """
    pre = model.preprocessor
    present = [c for c in pre.feature_columns if c in frame.columns]
    absent = [c for c in pre.feature_columns if c not in frame.columns]
    plan = plan_work(len(frame), repeats, present, CELL_BUDGET if budget is None else budget)
    at = sample_rows(len(frame), plan.rows, seed)
    rows = frame.iloc[at].reset_index(drop=True)
    y = np.asarray(y)[at]
    base = pre.transform(rows)
    baseline = score(model, base, y)
    columns = base.tocsc()  # sliced by column once per shuffle
    regression = model.task == "regression"
    measured: list[dict[str, Any]] = []
    for index, column in enumerate(plan.columns):
        if on_column is not None:
            on_column(index, len(plan.columns), column)
        rng = np.random.default_rng([seed, index])
        drops = []
        for _ in range(plan.repeats):
            order = rng.permutation(len(rows))
            value = score(model, permuted_features(model, rows, columns, column, order), y)
            drops.append(value - baseline if regression else baseline - value)
        measured.append(
            {
                "column": column,
                "kind": pre.kind(column),
                "drop": round(float(np.mean(drops)), 6),
                "std": round(float(np.std(drops)), 6),
            }
        )
    measured.sort(key=lambda m: (-m["drop"], m["column"]))
    not_measured = [{"column": c, "reason": "absent from the dataset"} for c in absent]
    not_measured += [
        {"column": c, "reason": "over the cost cap"} for c in present if c not in plan.columns
    ]
    return {
        "metric": "mae" if regression else "f1_macro",
        "higher_is_better": not regression,
        "baseline_value": round(baseline, 6),
        "rows_used": len(rows),
        "rows_available": len(frame),
        "repeats": plan.repeats,
        "importances": measured,
        "not_measured": not_measured,
        "capped": plan.capped,
    }
