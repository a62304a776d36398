"""LF analysis (coverage, overlaps, conflicts, polarity, dev accuracy) and the metrics of labels."""

from __future__ import annotations

from typing import Any

import numpy as np

from tools.labeling.specs import ABSTAIN


def lf_summary(
    matrix: np.ndarray,
    names: list[str],
    classes: list[str],
    *,
    dev_rows: np.ndarray | None = None,
    dev_labels: np.ndarray | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """One row per LF, as Snorkel's LFAnalysis reports them, plus accuracy on the dev labels.

    coverage: share of rows it votes on; overlaps: share of rows it votes on where another LF
    votes too; conflicts: where another LF votes for a different class; polarity: the classes
    it votes for; dev_accuracy: share of its dev votes that are right (None: no dev votes).
    """
    failed = {e["name"]: e["reason"] for e in errors or []}
    n = max(len(matrix), 1)
    voted = matrix != ABSTAIN
    votes_per_row = voted.sum(axis=1)
    rows: list[dict[str, Any]] = []
    for j, name in enumerate(names):
        col = matrix[:, j]
        mine = voted[:, j]
        others = votes_per_row - mine
        conflict = np.zeros(len(col), dtype=bool)
        if mine.any():
            sub = matrix[mine]
            conflict_sub = ((sub != ABSTAIN) & (sub != col[mine][:, None])).any(axis=1)
            conflict[mine] = conflict_sub
        row: dict[str, Any] = {
            "name": name,
            "polarity": sorted({classes[int(v)] for v in np.unique(col[mine])}),
            "coverage": round(float(mine.sum() / n), 6),
            "overlaps": round(float((mine & (others > 0)).sum() / n), 6),
            "conflicts": round(float(conflict.sum() / n), 6),
            "dev_votes": 0,
            "dev_correct": 0,
            "dev_accuracy": None,
            "error": failed.get(name),
        }
        if dev_rows is not None and dev_labels is not None and len(dev_rows):
            dev_votes = col[dev_rows]
            hit = dev_votes != ABSTAIN
            row["dev_votes"] = int(hit.sum())
            row["dev_correct"] = int((dev_votes[hit] == dev_labels[hit]).sum())
            if hit.any():
                row["dev_accuracy"] = round(row["dev_correct"] / row["dev_votes"], 6)
        rows.append(row)
    return rows


def matrix_summary(matrix: np.ndarray) -> dict[str, float]:
    """Coverage of the whole LF set: any vote, two or more votes, and conflicting votes."""
    n = max(len(matrix), 1)
    voted = matrix != ABSTAIN
    count = voted.sum(axis=1)
    conflict = np.zeros(len(matrix), dtype=bool)
    for row in np.flatnonzero(count > 1):
        vals = matrix[row][voted[row]]
        conflict[row] = len(np.unique(vals)) > 1
    return {
        "coverage": round(float((count > 0).sum() / n), 6),
        "overlap": round(float((count > 1).sum() / n), 6),
        "conflict": round(float(conflict.sum() / n), 6),
    }


def label_metrics(probs: np.ndarray, labels: np.ndarray, n_classes: int) -> dict[str, Any]:
    """AUC (binary: ROC-AUC of class 1; multi-class: macro one-vs-rest), accuracy and macro-F1."""
    from sklearn.metrics import accuracy_score, f1_score, roc_auc_score

    out: dict[str, Any] = {"n": int(len(labels))}
    if len(labels) == 0:
        return {**out, "auc": None, "accuracy": None, "f1_macro": None}
    pred = probs.argmax(axis=1)
    out["accuracy"] = round(float(accuracy_score(labels, pred)), 6)
    out["f1_macro"] = round(
        float(
            f1_score(labels, pred, average="macro", labels=list(range(n_classes)), zero_division=0)
        ),
        6,
    )
    present = np.unique(labels)
    auc = None
    if len(present) >= 2:
        if n_classes == 2:
            auc = float(roc_auc_score(labels, probs[:, 1]))
        else:
            scores = []
            for c in present:
                scores.append(roc_auc_score(labels == c, probs[:, c]))
            auc = float(np.mean(scores))
    out["auc"] = None if auc is None else round(auc, 6)
    return out
