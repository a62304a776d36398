"""Models trained on the hand labels alone, and the final choice among every candidate.

The labeling loop's own labels (LFs + label model + end model) compete with models that see
only the hand labels: a linear model on the same features, a gradient-boosted model on tables,
and self-training seeded by the linear model. Every candidate is trained on the dev labels
only, so its held-out predictions are honest; the winner is the best on the held-out labels,
and the figure reported for "choose the best" is cross-fitted (each half of the held-out
labels scored by the candidate the other half chose). The winner is then refit on every hand
label. A candidate that fails is dropped and reported; the others go on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from tools.labeling.analysis import label_metrics

# Ties on the held-out score fall to the first in this order.
PREFERENCE = (
    "weak_supervision",
    "self_training",
    "embedding_self_training",
    "hand_labels_linear",
    "embedding_linear",
    "hand_labels_gbm",
)

MIN_HELDOUT_PER_CLASS = 3
"""Fewer held-out labels per class than this: the candidates are not compared on them."""
DEFAULT_FEW_LABELS = ("embedding_self_training", "self_training", "hand_labels_linear")


def safe_probs(probs: np.ndarray, k: int | None = None) -> np.ndarray:
    """Finite probabilities that sum to one per row (NaN/inf/negatives repaired, no zeros)."""
    p = np.asarray(probs, dtype=float)
    if p.ndim == 1:
        p = np.stack([1.0 - p, p], axis=1)
    if k is not None and p.shape[1] != k:
        raise ValueError(f"expected {k} probability columns, got {p.shape[1]}")
    p = np.nan_to_num(p, nan=0.0, posinf=1.0, neginf=0.0)
    p = np.clip(p, 1e-9, None)
    return p / p.sum(axis=1, keepdims=True)


@dataclass
class Candidate:
    """Probabilities for every row from a model trained on the dev labels only."""

    name: str
    probs: np.ndarray
    refit: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None
    """(hand-labelled rows, their labels) -> probabilities for every row, refit on them."""
    note: str = ""


def table_matrix(
    frame: pd.DataFrame, columns: list[str]
) -> tuple[np.ndarray, np.ndarray, list[str]] | None:
    """A dense matrix for tree models: numbers as they are (NaN kept), categories as codes.

    Returns (matrix, categorical mask, column names), or None with no usable column. Text-like
    columns (more than 50 distinct values that are not numbers) are left out.
    """
    parts: list[np.ndarray] = []
    cats: list[bool] = []
    names: list[str] = []
    for col in columns:
        series = frame[col]
        numbers = pd.to_numeric(series, errors="coerce")
        if pd.api.types.is_bool_dtype(series) or (
            numbers.notna().sum() >= 0.9 * series.notna().sum() and numbers.notna().any()
        ):
            parts.append(numbers.to_numpy(dtype=float))
            cats.append(False)
        elif series.nunique(dropna=True) <= 50:
            codes = series.astype("string").astype("category").cat.codes.to_numpy(dtype=float)
            codes[codes < 0] = np.nan
            parts.append(codes)
            cats.append(True)
        else:
            continue
        names.append(str(col))
    if not parts:
        return None
    matrix = np.column_stack(parts)
    keep = ~np.all(np.isnan(matrix), axis=0)
    if not keep.any():
        return None
    return (
        matrix[:, keep],
        np.asarray(cats, dtype=bool)[keep],
        [n for n, k in zip(names, keep, strict=True) if k],
    )


def _lr(C: float, seed: int):  # noqa: ANN202
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=3000, random_state=seed)


def _proba(model, X, k: int) -> np.ndarray:  # noqa: ANN001
    out = np.zeros((X.shape[0], k))
    out[:, model.classes_] = model.predict_proba(X)
    return safe_probs(out)


def linear_candidate(
    X, rows: np.ndarray, labels: np.ndarray, k: int, C: float, seed: int
) -> Candidate:  # noqa: ANN001
    """Logistic regression on the hand labels only (the baseline a user would train)."""

    def fit(r: np.ndarray, y: np.ndarray) -> np.ndarray:
        if len(np.unique(y)) < 2:
            raise ValueError("the hand labels have one class only")
        return _proba(_lr(C, seed).fit(X[r], y), X, k)

    return Candidate("hand_labels_linear", fit(rows, labels), fit, f"logistic regression C={C}")


def gbm_model(n_rows: int, cats: np.ndarray, seed: int):  # noqa: ANN202
    """Gradient boosting sized for a few labelled rows (leaves of a few rows, shallow trees)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(
        max_iter=100,
        learning_rate=0.1,
        max_leaf_nodes=8,
        min_samples_leaf=max(2, min(20, n_rows // 10)),
        l2_regularization=1.0,
        categorical_features=cats if cats.any() else None,
        early_stopping=False,
        random_state=seed,
    )


def gbm_candidate(
    T: np.ndarray, cats: np.ndarray, rows: np.ndarray, labels: np.ndarray, k: int, seed: int
) -> Candidate:
    """Gradient-boosted trees on the hand labels only (tables)."""

    def fit(r: np.ndarray, y: np.ndarray) -> np.ndarray:
        if len(np.unique(y)) < 2:
            raise ValueError("the hand labels have one class only")
        return _proba(gbm_model(len(r), cats, seed).fit(T[r], y), T, k)

    return Candidate("hand_labels_gbm", fit(rows, labels), fit, "histogram gradient boosting")


def _score(probs: np.ndarray, labels: np.ndarray, k: int, metric: str) -> tuple[float, float]:
    """(the metric, minus the Brier score): the Brier score breaks ties of a coarse metric."""
    m = label_metrics(probs, labels, k)
    value = m.get(metric) if m.get(metric) is not None else m.get("accuracy")
    brier = float(np.mean(np.sum((probs - np.eye(k)[labels]) ** 2, axis=1))) if len(labels) else 0
    return (-1.0 if value is None else float(value), -brier)


def _best(
    cands: list[Candidate], rows: np.ndarray, labels: np.ndarray, k: int, metric: str
) -> tuple[Candidate, dict[str, tuple[float, float]]]:
    scores = {c.name: _score(c.probs[rows], labels, k, metric) for c in cands}
    order = {n: i for i, n in enumerate(PREFERENCE)}
    best = max(
        cands,
        key=lambda c: (*scores[c.name], -order.get(c.name, len(order))),
    )
    return best, scores


def choose(
    cands: list[Candidate],
    heldout_rows: np.ndarray,
    heldout_labels: np.ndarray,
    k: int,
    metric: str,
    seed: int = 0,
) -> tuple[Candidate, dict[str, Any]]:
    """The candidate with the best held-out score, and a cross-fitted figure for the choice.

    Without two classes among the held-out labels nothing can be compared: the first
    candidate (the weak-supervision labels) is kept and the report says why.
    """
    if len(cands) == 1:
        return cands[0], {"chosen": cands[0].name, "reason": "the only candidate", "heldout": {}}
    counts = np.bincount(heldout_labels, minlength=k)[np.unique(heldout_labels)]
    if len(counts) < 2 or counts.min() < MIN_HELDOUT_PER_CLASS:
        # A held-out AUC on two or three rows per class is a coin toss; LFs mined from a few
        # dev labels are the least reliable candidate then. Self-training from the hand-label
        # model is the default (on sentence embeddings where they are on: short texts, where
        # held-out labels favoured them; the hand-label model itself when that failed).
        names = {c.name: c for c in cands}
        pick = next((names[n] for n in DEFAULT_FEW_LABELS if n in names), cands[0])
        scores = (
            {c.name: _score(c.probs[heldout_rows], heldout_labels, k, metric) for c in cands}
            if len(counts) >= 2
            else {}
        )
        return pick, {
            "chosen": pick.name,
            "metric": metric,
            "heldout": {n: round(s[0], 6) for n, s in scores.items()},
            "heldout_n": int(len(heldout_rows)),
            "crossfit": None,
            "reason": f"fewer than {MIN_HELDOUT_PER_CLASS} held-out labels per class: too few to "
            f"choose on, so the default for few labels ({pick.name})",
        }
    best, scores = _best(cands, heldout_rows, heldout_labels, k, metric)
    # Cross-fitted: split the held-out labels in two (per class); each half is scored by the
    # candidate chosen on the other half, so the figure is not the one the choice was made on.
    rng = np.random.default_rng(seed)
    half = np.zeros(len(heldout_rows), dtype=int)
    for c in np.unique(heldout_labels):
        idx = np.flatnonzero(heldout_labels == c)
        half[rng.permutation(idx)[: len(idx) // 2]] = 1
    crossed = np.zeros((len(heldout_rows), k))
    picks = []
    usable = True
    for h in (0, 1):
        pick_on, score_on = half != h, half == h
        if len(np.unique(heldout_labels[pick_on])) < 2:
            usable = False
            break
        chosen, _ = _best(cands, heldout_rows[pick_on], heldout_labels[pick_on], k, metric)
        picks.append(chosen.name)
        crossed[score_on] = chosen.probs[heldout_rows[score_on]]
    crossfit = None
    if usable:
        crossfit = _score(crossed, heldout_labels, k, metric)[0]
    ref = scores.get("hand_labels_linear")
    report = {
        "chosen": best.name,
        "metric": metric,
        "heldout": {n: round(s[0], 6) for n, s in scores.items()},
        "heldout_n": int(len(heldout_rows)),
        "margin_vs_hand_labels": None if ref is None else round(scores[best.name][0] - ref[0], 6),
        "crossfit": None if crossfit is None else round(crossfit, 6),
        "crossfit_picks": picks,
        "reason": f"best held-out {metric} of {len(cands)} candidates (ties: Brier score, then "
        + " > ".join(PREFERENCE)
        + ")",
    }
    return best, report
