"""A small noise-aware end model: logistic regression on the label model's soft labels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from tools.labeling.analysis import label_metrics


@dataclass
class EndModel:
    """Probabilities for every row from a model trained on soft labels, and how it did on dev."""

    probs: np.ndarray
    dev_metrics: dict[str, Any]
    trained_on: int
    C: float
    features: dict[str, Any]
    kind: str = "lr"


MODEL_NAMES = {"nb": "naive_bayes", "lr": "logistic_regression"}


def features(
    frame: pd.DataFrame, text_columns: list[str], feature_columns: list[str]
) -> tuple[sparse.csr_matrix, dict[str, Any]]:
    """TF-IDF of the text columns plus standardised numbers and one-hot categories."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    blocks: list[sparse.csr_matrix] = []
    info: dict[str, Any] = {"text": list(text_columns), "numeric": [], "categorical": []}
    for col in text_columns:
        text = frame[col].astype("string").fillna("").to_numpy(dtype=object)
        vec = TfidfVectorizer(
            sublinear_tf=True,
            min_df=2,
            max_df=0.9,
            max_features=100_000,
            ngram_range=(1, 2),
            dtype=np.float32,
        )
        try:
            blocks.append(vec.fit_transform(text).tocsr())
        except ValueError:  # empty vocabulary (all-blank text): skip this column
            continue
    for col in feature_columns:
        if col in text_columns:
            continue
        series = frame[col]
        numbers = pd.to_numeric(series, errors="coerce")
        if numbers.notna().mean() > 0.9 and pd.api.types.is_numeric_dtype(numbers):
            values = numbers.fillna(numbers.median()).to_numpy(dtype=float)
            std = values.std() or 1.0
            blocks.append(sparse.csr_matrix(((values - values.mean()) / std)[:, None]))
            info["numeric"].append(col)
        elif series.nunique(dropna=True) <= 50:
            dummies = pd.get_dummies(series.astype("string"), dtype=np.float32)
            blocks.append(sparse.csr_matrix(dummies.to_numpy()))
            info["categorical"].append(col)
    if not blocks:
        return sparse.csr_matrix((len(frame), 0)), info
    return sparse.hstack(blocks).tocsr(), info


def _fit_soft(  # noqa: ANN202
    X: sparse.csr_matrix,
    soft: np.ndarray,
    row_weight: np.ndarray,
    C: float,
    seed: int,
    kind: str = "lr",
):
    """Fit on soft labels via one weighted copy of each row per class.

    That is exactly the soft-label cross-entropy for logistic regression, and fractional
    counts for naive Bayes. `kind` "nb" (non-negative features: text only) is multinomial
    naive Bayes with smoothing 1/C, which learns better than LR from a few hundred noisy
    labels on the benchmark tasks (pool AUC +0.02 to +0.05); "lr" is LR with strength C.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import MultinomialNB

    n, k = soft.shape
    Xr = sparse.vstack([X] * k).tocsr()
    y = np.repeat(np.arange(k), n)
    w = (soft * row_weight[:, None]).T.reshape(-1)
    keep = w > 1e-4
    if kind == "nb":
        model = MultinomialNB(alpha=1.0 / C)
    else:
        model = LogisticRegression(C=C, max_iter=2000, random_state=seed)
    model.fit(Xr[keep], y[keep], sample_weight=w[keep])
    return model


def _predict(model, X: sparse.csr_matrix, k: int) -> np.ndarray:  # noqa: ANN001
    probs = np.zeros((X.shape[0], k))
    probs[:, model.classes_] = model.predict_proba(X)
    return probs


def train_end_model(
    X: sparse.csr_matrix,
    soft: np.ndarray,
    train_rows: np.ndarray,
    *,
    dev_rows: np.ndarray,
    dev_labels: np.ndarray,
    metric: str = "auc",
    seed: int = 0,
    grid: tuple[float, ...] = (1.0, 10.0, 100.0),
    gold_weight: float = 10.0,
    pool_folds: int = 4,
    kinds: tuple[str, ...] | None = None,
) -> EndModel | None:
    """Train on the soft labels of `train_rows` plus the dev hand labels; pick C on dev.

    Dev rows' own probabilities come from two-fold cross-fitting (each half predicted by a
    model that did not see it), so the dev score that picks C, and that is compared with the
    label model, stays honest; the training rows' own probabilities come from `pool_folds`-fold
    cross-fitting for the same reason. None when there is nothing to learn from.
    """
    k = soft.shape[1]
    if X.shape[1] == 0 or len(train_rows) < 2:
        return None
    hard = soft[train_rows].argmax(axis=1)
    if len(np.unique(np.concatenate([hard, dev_labels]))) < 2:
        return None
    onehot = np.eye(k)[dev_labels]
    if kinds is None:
        kinds = ("nb", "lr") if X.nnz == 0 or X.data.min() >= 0 else ("lr",)
    rng = np.random.default_rng(seed)
    fold = rng.permutation(len(dev_rows)) % 2

    def fit(  # noqa: ANN202
        dev_mask: np.ndarray, C: float, kind: str, train_mask: np.ndarray | None = None
    ):
        train = train_rows if train_mask is None else train_rows[train_mask]
        rows = np.concatenate([train, dev_rows[dev_mask]])
        labels = np.vstack([soft[train], onehot[dev_mask]])
        weight = np.concatenate([np.ones(len(train)), np.full(int(dev_mask.sum()), gold_weight)])
        return _fit_soft(X[rows], labels, weight, C, seed, kind)

    best: EndModel | None = None
    best_score = -1.0
    for kind, C in [(kind, C) for kind in kinds for C in grid]:
        probs = _predict(fit(np.ones(len(dev_rows), dtype=bool), C, kind), X, k)
        for f in (0, 1):
            held = fold == f
            if held.any():
                probs[dev_rows[held]] = _predict(fit(~held, C, kind), X[dev_rows[held]], k)
        dev = label_metrics(probs[dev_rows], dev_labels, k)
        score = dev.get(metric) if dev.get(metric) is not None else dev.get("accuracy")
        score = -1.0 if score is None else float(score)
        if best is None or score > best_score:
            best_score = score
            best = EndModel(
                probs=probs,
                dev_metrics=dev,
                trained_on=int(len(train_rows) + len(dev_rows)),
                C=C,
                features={"model": MODEL_NAMES[kind]},
                kind=kind,
            )
    if best is not None and pool_folds > 1 and len(train_rows) >= 2 * pool_folds:
        # A model scores its own training rows by their (noisy) soft labels; each training
        # row's probability comes instead from a model trained on the other folds.
        all_dev = np.ones(len(dev_rows), dtype=bool)
        parts = rng.permutation(len(train_rows)) % pool_folds
        for f in range(pool_folds):
            held = parts == f
            model = fit(all_dev, best.C, best.kind, ~held)
            best.probs[train_rows[held]] = _predict(model, X[train_rows[held]], k)
    return best


def match_prior(
    probs: np.ndarray, prior: np.ndarray, rows: np.ndarray, iterations: int = 100
) -> np.ndarray:
    """Reweight classes so the predicted-class shares on `rows` match `prior`.

    A model trained on LF labels inherits the LFs' class skew (one class's LFs fire more);
    its ranking is fine but the 0.5 cut is off. Rescaling by class weights keeps the ranking
    within a class and moves the cut to where the hand labels' class balance puts it.
    """
    if len(rows) == 0:
        return probs
    sub = np.clip(probs[rows], 1e-12, None)
    weights = np.ones(probs.shape[1])
    if probs.shape[1] == 2:
        # Exact for two classes: put the cut at the prior's quantile of p1 / p0.
        ratio = sub[:, 1] / sub[:, 0]
        weights[0] = float(np.quantile(ratio, 1.0 - prior[1]))
    else:
        for i in range(iterations):
            scaled = sub * weights
            shares = np.bincount(scaled.argmax(axis=1), minlength=probs.shape[1]) / len(rows)
            if np.abs(shares - prior).max() < 0.01:
                break
            # Damped steps: flat probabilities flip many rows at once.
            weights *= ((prior + 1e-3) / (shares + 1e-3)) ** (0.5 / (1 + 0.2 * i))
    out = np.clip(probs, 1e-12, None) * weights
    return out / out.sum(axis=1, keepdims=True)
