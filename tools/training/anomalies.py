"""Anomaly scores from a generator's reconstruction error: a per-row report, highest first."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from errors import BadInput
from tools.training.cvae import Generator


def score_rows(generator: Generator, frame: pd.DataFrame, *, id_column: str | None) -> pd.DataFrame:
    """A table of id (or row number), anomaly score and rank, sorted highest score first."""
    if frame.empty:
        raise BadInput("the dataset is empty", hint="give rows to score")
    scores = generator.reconstruction_errors(frame)
    out = pd.DataFrame({"row": np.arange(len(frame))})
    if id_column is not None:
        out.insert(0, id_column, frame[id_column].to_numpy())
    label = generator.config["label_column"]
    if label in frame.columns:
        out[label] = frame[label].astype(str).to_numpy()
    out["score"] = np.round(scores, 6)
    out = out.sort_values("score", ascending=False, kind="stable").reset_index(drop=True)
    out["rank"] = np.arange(1, len(out) + 1)
    return out


def summarise(scored: pd.DataFrame, *, threshold: float | None, top_k: int) -> dict[str, Any]:
    """min / max / mean / std of the scores, a threshold and the rows above it, the top rows.

    The default threshold is the median plus five median absolute deviations: robust to the
    anomalies themselves, unlike mean + k * std.
    """
    s = scored["score"].to_numpy(dtype=float)
    median = float(np.median(s))
    mad = float(np.median(np.abs(s - median))) or float(np.std(s)) or 1e-12
    cut = threshold if threshold is not None else median + 5 * 1.4826 * mad
    flagged = int((s > cut).sum())
    return {
        "rows": int(len(s)),
        "min": round(float(s.min()), 6),
        "max": round(float(s.max()), 6),
        "mean": round(float(s.mean()), 6),
        "std": round(float(s.std()), 6),
        "median": round(median, 6),
        "threshold": round(float(cut), 6),
        "flagged": flagged,
        "top": scored.head(top_k).to_dict(orient="records"),
    }
