"""Combine LF votes into probabilistic labels: Snorkel's LabelModel and majority vote."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tools.labeling.analysis import label_metrics
from tools.labeling.specs import ABSTAIN

MIN_LFS_FOR_LABEL_MODEL = 3
MAX_LABEL_MODEL_SIZE = 1000
"""LFs x classes past which majority vote stands in for the label model.

Snorkel's LabelModel fits a (LFs x classes)^2 overlap matrix: on 2,000 rows of a busy 2-core
machine 250 LFs x 4 classes took 28 s and 500 x 4 took 113 s, and the caps (500 LFs, 200
classes) allow 100,000, i.e. a 10^10-entry matrix. 1,000 keeps 500 binary LFs on it.
"""


@dataclass
class Combined:
    """Probabilities per row (n x k) from the chosen combiner, and why it was chosen."""

    probs: np.ndarray
    covered: np.ndarray
    method: str
    reason: str
    dev_metrics: dict[str, dict[str, Any]] = field(default_factory=dict)
    """{"label_model": {...}, "majority_vote": {...}} on the dev rows."""


def class_prior(n_classes: int, labels: np.ndarray | None = None) -> np.ndarray:
    """Class balance from the dev labels (add-one smoothed), uniform without labels."""
    counts = np.ones(n_classes)
    if labels is not None and len(labels):
        counts += np.bincount(labels, minlength=n_classes)
    return counts / counts.sum()


def majority_vote(matrix: np.ndarray, n_classes: int, prior: np.ndarray) -> np.ndarray:
    """Vote shares per row (ties split evenly); rows with no vote get the prior."""
    probs = np.zeros((len(matrix), n_classes))
    for c in range(n_classes):
        probs[:, c] = (matrix == c).sum(axis=1)
    total = probs.sum(axis=1, keepdims=True)
    covered = total[:, 0] > 0
    probs[covered] /= total[covered]
    probs[~covered] = prior
    return probs


def label_model(
    matrix: np.ndarray, n_classes: int, prior: np.ndarray, *, seed: int = 0, epochs: int = 200
) -> np.ndarray:
    """Snorkel LabelModel probabilities; rows with no vote get the prior."""
    import torch
    from snorkel.labeling.model import LabelModel

    # The label model's tensors are tiny (LFs x classes); extra intra-op threads only
    # contend (measured 40x slower with 2 threads on a busy 2-core machine).
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        model = LabelModel(cardinality=n_classes, verbose=False, device="cpu")
        model.fit(
            matrix,
            n_epochs=epochs,
            seed=seed,
            log_freq=epochs + 1,
            progress_bar=False,
            class_balance=list(prior),
        )
        probs = np.asarray(model.predict_proba(matrix), dtype=float)
    finally:
        torch.set_num_threads(threads)
    covered = (matrix != ABSTAIN).any(axis=1)
    probs[~covered] = prior
    probs = np.clip(probs, 1e-6, None)
    return probs / probs.sum(axis=1, keepdims=True)


def _score(metrics: dict[str, Any], metric: str) -> float:
    value = metrics.get(metric)
    if value is None:
        value = metrics.get("accuracy")
    return -1.0 if value is None else float(value)


def combine(
    matrix: np.ndarray,
    n_classes: int,
    *,
    dev_rows: np.ndarray,
    dev_labels: np.ndarray,
    metric: str = "auc",
    seed: int = 0,
) -> Combined:
    """Run majority vote and (with 3+ usable LFs) the label model; keep the better on dev.

    Usable LFs vote on at least one row. Both are reported in `dev_metrics`. Past
    MAX_LABEL_MODEL_SIZE (usable LFs x classes) only majority vote runs, and `reason` says so.
    """
    prior = class_prior(n_classes, dev_labels)
    covered = (matrix != ABSTAIN).any(axis=1)
    usable = (matrix != ABSTAIN).any(axis=0)
    mv = majority_vote(matrix, n_classes, prior)
    mv_dev = label_metrics(mv[dev_rows], dev_labels, n_classes)
    results = {"majority_vote": mv_dev}
    if int(usable.sum()) < MIN_LFS_FOR_LABEL_MODEL:
        return Combined(
            probs=mv,
            covered=covered,
            method="majority_vote",
            reason=f"only {int(usable.sum())} usable labeling functions; the label model needs "
            f"at least {MIN_LFS_FOR_LABEL_MODEL}, so majority vote was used",
            dev_metrics=results,
        )
    size = int(usable.sum()) * n_classes
    if size > MAX_LABEL_MODEL_SIZE:
        return Combined(
            probs=mv,
            covered=covered,
            method="majority_vote",
            reason=f"{int(usable.sum())} usable labeling functions x {n_classes} classes = "
            f"{size}, past the label model's size limit of {MAX_LABEL_MODEL_SIZE} (its cost "
            "grows with the square), so majority vote was used",
            dev_metrics=results,
        )
    lm = label_model(matrix[:, usable], n_classes, prior, seed=seed)
    lm_dev = label_metrics(lm[dev_rows], dev_labels, n_classes)
    results["label_model"] = lm_dev
    if _score(lm_dev, metric) >= _score(mv_dev, metric):
        return Combined(
            lm, covered, "label_model", f"label model >= majority vote on dev {metric}", results
        )
    return Combined(
        mv, covered, "majority_vote", f"majority vote beat the label model on dev {metric}", results
    )
