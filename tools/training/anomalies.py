"""Anomaly scores: IsolationForest, LocalOutlierFactor and a generator's reconstruction error.

Each detector sees the generator's preprocessed rows (standardised numbers, one-hot
categories). Their scores are put on one scale (robust z: distance from the median in MADs,
negative parts cut to 0) and averaged: a row any detector finds far out stays high, and no
labels of anomalies are needed or used to combine them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from errors import BadInput
from tools.training.cvae import Generator

DETECTORS = ("isolation_forest", "local_outlier_factor", "cvae")


def robust_z(scores: np.ndarray) -> np.ndarray:
    """(score - median) / (1.4826 MAD), negatives cut to 0; NaN/inf repaired."""
    s = np.nan_to_num(np.asarray(scores, dtype=float), nan=0.0, posinf=0.0, neginf=0.0)
    finite_max = s.max() if len(s) else 0.0
    s = np.where(np.isfinite(s), s, finite_max)
    median = float(np.median(s))
    spread = 1.4826 * float(np.median(np.abs(s - median))) or float(s.std()) or 1.0
    return np.clip((s - median) / spread, 0.0, None)


def detector_scores(
    generator: Generator, frame: pd.DataFrame, detectors: tuple[str, ...], seed: int = 0
) -> dict[str, np.ndarray]:
    """Raw outlier scores per detector (higher = more anomalous)."""
    out: dict[str, np.ndarray] = {}
    matrix = None
    if {"isolation_forest", "local_outlier_factor"} & set(detectors):
        matrix = np.asarray(generator.preprocessor.transform(frame).toarray(), dtype=float)
        matrix = np.nan_to_num(matrix)
    if "isolation_forest" in detectors:
        from sklearn.ensemble import IsolationForest

        forest = IsolationForest(n_estimators=200, random_state=seed).fit(matrix)
        out["isolation_forest"] = -forest.score_samples(matrix)
    if "local_outlier_factor" in detectors and len(frame) >= 3:
        from sklearn.neighbors import LocalOutlierFactor

        lof = LocalOutlierFactor(n_neighbors=min(20, len(frame) - 1)).fit(matrix)
        out["local_outlier_factor"] = -lof.negative_outlier_factor_
    if "cvae" in detectors:
        out["cvae"] = generator.reconstruction_errors(frame)
    return out


def score_rows(
    generator: Generator,
    frame: pd.DataFrame,
    *,
    id_column: str | None,
    detectors: tuple[str, ...] = DETECTORS,
    seed: int = 0,
) -> pd.DataFrame:
    """A table of id (or row number), anomaly score and rank, sorted highest score first.

    `score` is the mean robust z of the detectors (one detector: its robust z); each
    detector's raw score is kept in a `score_<detector>` column.
    """
    if frame.empty:
        raise BadInput("the dataset is empty", hint="give rows to score")
    raw = detector_scores(generator, frame, detectors, seed)
    scores = np.mean([robust_z(v) for v in raw.values()], axis=0)
    out = pd.DataFrame({"row": np.arange(len(frame))})
    if id_column is not None:
        out.insert(0, id_column, frame[id_column].to_numpy())
    label = generator.config["label_column"]
    if label in frame.columns:
        out[label] = frame[label].astype(str).to_numpy()
    out["score"] = np.round(scores, 6)
    for name, values in raw.items():
        out[f"score_{name}"] = np.round(np.nan_to_num(values, nan=0.0), 6)
    out = out.sort_values("score", ascending=False, kind="stable").reset_index(drop=True)
    out["rank"] = np.arange(1, len(out) + 1)
    return out


def summarise(
    scored: pd.DataFrame,
    *,
    threshold: float | None,
    top_k: int,
    frame: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """min / max / mean / std of the scores, a threshold and the rows above it, the top rows.

    With `frame`, each top row carries its values (`values`), so the answer shows the rows.

    The default threshold is the median plus five median absolute deviations: robust to the
    anomalies themselves, unlike mean + k * std.
    """
    s = scored["score"].to_numpy(dtype=float)
    median = float(np.median(s))
    mad = float(np.median(np.abs(s - median))) or float(np.std(s)) or 1e-12
    cut = threshold if threshold is not None else median + 5 * 1.4826 * mad
    flagged = int((s > cut).sum())
    top = scored.head(top_k).to_dict(orient="records")
    if frame is not None:
        for record in top:
            values = frame.iloc[int(record["row"])].to_dict()
            record["values"] = {
                str(k): (v.item() if isinstance(v, np.generic) else v) for k, v in values.items()
            }
    return {
        "rows": int(len(s)),
        "min": round(float(s.min()), 6),
        "max": round(float(s.max()), 6),
        "mean": round(float(s.mean()), 6),
        "std": round(float(s.std()), 6),
        "median": round(median, 6),
        "threshold": round(float(cut), 6),
        "flagged": flagged,
        "top": top,
    }
