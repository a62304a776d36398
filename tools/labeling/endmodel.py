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
    self_train_rounds: int = 0


SELF_TRAIN_ROUNDS = 2
SOFT_TOP_CLASSES = 5
"""Soft-label training copies a row for at most this many of its likeliest classes."""
MAX_TREE_CLASSES = 10
"""Boosted trees (a tree per class per round) are candidates up to this many classes."""
SELF_TRAIN_TOLERANCE = 0.02
MODEL_NAMES = {
    "nb": "naive_bayes",
    "lr": "logistic_regression",
    "nb+lr": "naive_bayes+logistic_regression",
    "gbm": "gradient_boosting",
}


class _Blend:
    """Naive Bayes and logistic regression fit on the same rows; their log-odds averaged.

    Naive Bayes log-probabilities grow with document length and are far more extreme than
    LR's, so they are rescaled (once, on the training rows) to LR's spread before averaging.
    """

    def __init__(self, nb, lr, X: sparse.csr_matrix) -> None:  # noqa: ANN001
        self.nb, self.lr = nb, lr
        self.classes_ = lr.classes_
        nb_c, lr_c = self._centred(X)
        self.scale = float(lr_c.std() / nb_c.std()) if nb_c.std() > 0 else 1.0

    def _centred(self, X: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
        out = []
        for model in (self.nb, self.lr):
            # float64 first: text features are float32, and so are LR's probabilities, in
            # which a saturated class is exactly 0 and a 1e-300 floor is 0 too (log -> -inf).
            probs = np.asarray(model.predict_proba(X), dtype=np.float64)
            logp = np.log(np.clip(np.nan_to_num(probs, nan=0.0), 1e-300, None))
            out.append(logp - logp.mean(axis=1, keepdims=True))
        return out[0], out[1]

    def predict_proba(self, X: sparse.csr_matrix) -> np.ndarray:
        nb_c, lr_c = self._centred(X)
        z = 0.5 * (lr_c + self.scale * nb_c)
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)


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
            # inf and NaN (and an all-missing column) become the median, then 0.
            numbers = numbers.astype(float).replace([np.inf, -np.inf], np.nan)
            values = np.nan_to_num(numbers.fillna(numbers.median()).to_numpy(dtype=float))
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
    cats: np.ndarray | None = None,
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
    soft = np.nan_to_num(np.asarray(soft, dtype=float), nan=0.0, posinf=1.0, neginf=0.0)
    weights = np.clip(soft, 0, None) * row_weight[:, None]
    if k > SOFT_TOP_CLASSES:
        # Only each row's likeliest classes get a copy: at most SOFT_TOP_CLASSES copies per
        # row whatever the number of classes (k copies made the cost grow with k squared).
        top = np.argpartition(-weights, SOFT_TOP_CLASSES - 1, axis=1)[:, :SOFT_TOP_CLASSES]
        kept = np.zeros_like(weights, dtype=bool)
        kept[np.arange(n)[:, None], top] = True
        weights = np.where(kept, weights, 0.0)
    # Class-major order (every row's class-0 copy, then class 1, ...), light copies dropped.
    y, rows = np.nonzero(weights.T > 1e-4)
    w = weights[rows, y]
    if len(np.unique(y)) < 2:
        raise ValueError("the soft labels put weight on one class only")
    Xr = X[rows]
    keep = slice(None)
    if kind == "gbm":
        from tools.labeling.candidates import gbm_model

        model = gbm_model(n, np.asarray(cats, dtype=bool), seed)
        model.fit(Xr[keep], y[keep], sample_weight=w[keep])
        return model
    if kind == "nb+lr":
        nb = MultinomialNB(alpha=1.0 / C).fit(Xr[keep], y[keep], sample_weight=w[keep])
        lr = LogisticRegression(C=C, max_iter=2000, random_state=seed)
        lr.fit(Xr[keep], y[keep], sample_weight=w[keep])
        return _Blend(nb, lr, X)
    if kind == "nb":
        model = MultinomialNB(alpha=1.0 / C)
    else:
        model = LogisticRegression(C=C, max_iter=2000, random_state=seed)
    model.fit(Xr[keep], y[keep], sample_weight=w[keep])
    return model


def _predict(model, X: sparse.csr_matrix, k: int) -> np.ndarray:  # noqa: ANN001
    probs = np.zeros((X.shape[0], k))
    probs[:, model.classes_] = model.predict_proba(X)
    # Never a zero or NaN probability: later steps take logs and ratios of them.
    probs = np.clip(np.nan_to_num(probs, nan=0.0), 1e-9, None)
    return probs / probs.sum(axis=1, keepdims=True)


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
    unlabeled_rows: np.ndarray | None = None,
    self_train_rounds: int = SELF_TRAIN_ROUNDS,
    table: tuple[np.ndarray, np.ndarray] | None = None,
) -> EndModel | None:
    """Train on the soft labels of `train_rows` plus the dev hand labels; pick C on dev.

    Dev rows' own probabilities come from two-fold cross-fitting (each half predicted by a
    model that did not see it), so the dev score that picks C, and that is compared with the
    label model, stays honest; the training rows' own probabilities come from `pool_folds`-fold
    cross-fitting for the same reason. Then `self_train_rounds` rounds of self-training (EM):
    the model is refit on its own probabilities for every pool row (`train_rows` and
    `unlabeled_rows`) plus the dev hand labels; a round is kept unless its cross-fitted dev
    score falls more than SELF_TRAIN_TOLERANCE below the best so far, and the result is the
    geometric mean of the model before and after. None when there is nothing to learn from.
    """
    k = soft.shape[1]
    soft = np.nan_to_num(np.asarray(soft, dtype=float), nan=1.0 / k, posinf=1.0, neginf=0.0)
    soft = np.clip(soft, 0.0, None)
    soft = soft / np.clip(soft.sum(axis=1, keepdims=True), 1e-12, None)
    if (X.shape[1] == 0 and table is None) or len(train_rows) < 2:
        return None
    hard = soft[train_rows].argmax(axis=1)
    if len(np.unique(np.concatenate([hard, dev_labels]))) < 2:
        return None
    onehot = np.eye(k)[dev_labels]
    if kinds is None:
        if X.shape[1] == 0:
            kinds = ()
        elif X.nnz == 0 or X.data.min() >= 0:
            kinds = ("nb", "nb+lr", "lr")
        else:
            kinds = ("lr",)
        # Tables: gradient-boosted trees on the soft labels compete with the linear model
        # (one tree per class and round: left out past MAX_TREE_CLASSES classes).
        if table is not None and k <= MAX_TREE_CLASSES:
            kinds = (*kinds, "gbm")
    cats = None if table is None else table[1]

    def design(kind: str):  # noqa: ANN202
        return table[0] if kind == "gbm" and table is not None else X

    rng = np.random.default_rng(seed)
    fold = rng.permutation(len(dev_rows)) % 2

    def fit(  # noqa: ANN202
        dev_mask: np.ndarray, C: float, kind: str, train_mask: np.ndarray | None = None
    ):
        train = train_rows if train_mask is None else train_rows[train_mask]
        rows = np.concatenate([train, dev_rows[dev_mask]])
        labels = np.vstack([soft[train], onehot[dev_mask]])
        weight = np.concatenate([np.ones(len(train)), np.full(int(dev_mask.sum()), gold_weight)])
        return _fit_soft(design(kind)[rows], labels, weight, C, seed, kind, cats)

    best: EndModel | None = None
    best_score = -1.0
    combos = [(kind, C) for kind in kinds for C in (grid if kind != "gbm" else grid[:1])]
    for kind, C in combos:
        D = design(kind)
        try:
            probs = _predict(fit(np.ones(len(dev_rows), dtype=bool), C, kind), D, k)
            for f in (0, 1):
                held = fold == f
                if held.any():
                    probs[dev_rows[held]] = _predict(fit(~held, C, kind), D[dev_rows[held]], k)
        except ValueError:
            # e.g. a fold whose rows hold one class only: this candidate is skipped.
            continue
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
        D = design(best.kind)
        try:
            for f in range(pool_folds):
                held = parts == f
                model = fit(all_dev, best.C, best.kind, ~held)
                best.probs[train_rows[held]] = _predict(model, D[train_rows[held]], k)
        except ValueError:
            pass  # a fold without two classes: the in-sample probabilities stay
    if best is not None and self_train_rounds > 0:
        _self_train(
            best,
            design(best.kind),
            train_rows,
            unlabeled_rows,
            dev_rows,
            onehot,
            fold,
            gold_weight,
            seed,
            metric,
            self_train_rounds,
            cats,
        )
    return best


def _self_train(
    best: EndModel,
    X: sparse.csr_matrix,
    train_rows: np.ndarray,
    unlabeled_rows: np.ndarray | None,
    dev_rows: np.ndarray,
    onehot: np.ndarray,
    fold: np.ndarray,
    gold_weight: float,
    seed: int,
    metric: str,
    rounds: int,
    cats: np.ndarray | None = None,
) -> None:
    """EM on the pool: refit on the model's own (class-balanced) probabilities, in place.

    The targets are rescaled so their class shares match the dev labels' balance, so a skew the
    LFs put into the first model is not amplified round after round. Dev rows are scored by
    two-fold cross-fitting, as in train_end_model.
    """
    from tools.labeling.combine import class_prior

    k = onehot.shape[1]
    dev_labels = onehot.argmax(axis=1)
    pool = train_rows if unlabeled_rows is None else np.union1d(train_rows, unlabeled_rows)
    prior = class_prior(k, dev_labels)
    score = _dev_score(best.probs[dev_rows], dev_labels, k, metric)
    best_score = score
    probs = best.probs
    start = best.probs.copy()
    for _ in range(rounds):
        targets = match_prior(probs, prior, pool)[pool]

        def fit(dev_mask: np.ndarray, targets: np.ndarray = targets):  # noqa: ANN202
            rows = np.concatenate([pool, dev_rows[dev_mask]])
            labels = np.vstack([targets, onehot[dev_mask]])
            weight = np.concatenate([np.ones(len(pool)), np.full(int(dev_mask.sum()), gold_weight)])
            return _fit_soft(X[rows], labels, weight, best.C, seed, best.kind, cats)

        try:
            new = _predict(fit(np.ones(len(dev_rows), dtype=bool)), X, k)
            for f in (0, 1):
                held = fold == f
                if held.any():
                    new[dev_rows[held]] = _predict(fit(~held), X[dev_rows[held]], k)
        except ValueError:
            break
        score = _dev_score(new[dev_rows], dev_labels, k, metric)
        if score < best_score - SELF_TRAIN_TOLERANCE:
            break
        best_score = max(best_score, score)
        probs = new
        best.dev_metrics = label_metrics(new[dev_rows], dev_labels, k)
        best.self_train_rounds += 1
    if best.self_train_rounds:
        # The geometric mean of the model before and after self-training: EM can drift on
        # an easy task where the first model is already near-perfect, and the dev score
        # (often saturated) cannot tell; the mean keeps most of the gain where EM helps.
        blend = np.sqrt(np.clip(start, 1e-12, None) * np.clip(probs, 1e-12, None))
        probs = blend / blend.sum(axis=1, keepdims=True)
        best.dev_metrics = label_metrics(probs[dev_rows], dev_labels, k)
    best.probs = probs


def _dev_score(probs: np.ndarray, labels: np.ndarray, k: int, metric: str) -> float:
    dev = label_metrics(probs, labels, k)
    score = dev.get(metric) if dev.get(metric) is not None else dev.get("accuracy")
    return -1.0 if score is None else float(score)


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
