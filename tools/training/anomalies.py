"""Anomaly scores: IsolationForest, LocalOutlierFactor, a generator's reconstruction error and
how rare each row's pairs of values are.

IsolationForest and LOF see the generator's preprocessed rows (standardised numbers, one-hot
categories). `category_pairs` and `binned_pairs` score combinations: for every ordered pair of
columns, how unlikely a row's value of one is given its value of the other (categorical
columns; numeric columns cut into quintiles), the worst pair per row. Scores are put on one
scale (robust z: distance from the median in MADs, negative parts cut to 0) and averaged: a
row any detector finds far out stays high, and no labels of anomalies are needed or used.
"""

from __future__ import annotations

from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from errors import BadInput
from tools.training.anomaly_reasons import explain_rows
from tools.training.cvae import Generator

DETECTORS = ("isolation_forest", "local_outlier_factor", "cvae", "category_pairs", "binned_pairs")
"""The statistical detectors: their robust z-scores are averaged."""
RULES = ("negative_values",)
"""Rules, not statistics: a row a rule finds scores at least the rule's robust z (a maximum,
not a share of the mean, which five detectors that see nothing odd would dilute)."""
NONNEGATIVE_MIN_ROWS = 20
"""A column is a quantity that is never negative only with this many values 0 or more..."""
NONNEGATIVE_BREAK_SHARE = 0.02
"""...and at most this share of its values below 0 (more: negatives are ordinary there)."""
PAIR_COLUMNS = 40
"""At most this many columns per pair detector (the first ones): pairs grow with the square."""
PAIR_LEVELS = 50
"""Categorical columns with more distinct values (ids, free text) are left out of the pairs."""
PAIR_BINS = 5
PAIR_SMOOTHING = 0.5


def pair_rarity(columns: list[np.ndarray]) -> np.ndarray | None:
    """Per row, the largest -log P(value of b | value of a) over ordered column pairs (a, b).

    P is the pair's share among rows with that value of a, add-`PAIR_SMOOTHING` smoothed. A
    value common on its own but never seen with the other column's value scores high. Each
    column is integer codes (0..k-1). None with fewer than two columns.
    """
    if len(columns) < 2:
        return None
    n = len(columns[0])
    worst = np.zeros(n)
    for i, a in enumerate(columns):
        ka = int(a.max()) + 1 if n else 0
        for j, b in enumerate(columns):
            if i == j:
                continue
            kb = int(b.max()) + 1 if n else 0
            joint = np.zeros((ka, kb))
            np.add.at(joint, (a, b), 1.0)
            given = (joint[a, b] + PAIR_SMOOTHING) / (joint.sum(axis=1)[a] + PAIR_SMOOTHING * kb)
            np.maximum(worst, -np.log(given), out=worst)
    return worst


def _category_codes(frame: pd.DataFrame, names: list[str]) -> list[np.ndarray]:
    out = []
    for name in names:
        values = frame[name].astype("string").fillna("<missing>")
        if values.nunique() <= PAIR_LEVELS:
            out.append(pd.factorize(values)[0])
    return out[:PAIR_COLUMNS]


def _bin_codes(frame: pd.DataFrame, names: list[str]) -> list[np.ndarray]:
    out = []
    for name in names:
        numbers = pd.to_numeric(frame[name], errors="coerce").replace([np.inf, -np.inf], np.nan)
        if numbers.nunique() < 2:
            continue
        # Equal values share a bin (a column of a few codes keeps them); missing is a bin.
        bins = pd.qcut(numbers, PAIR_BINS, labels=False, duplicates="drop")
        out.append(bins.fillna(-1).to_numpy(dtype=int) + 1)
    return out[:PAIR_COLUMNS]


def negative_values(frame: pd.DataFrame, names: list[str]) -> np.ndarray | None:
    """Per row, how many of its numbers are negative in a column that is otherwise never
    negative (hours, counts, readings: at least NONNEGATIVE_MIN_ROWS values 0 or more and at
    most NONNEGATIVE_BREAK_SHARE below 0). A meter reading of -35 among readings of 0 to
    1,400 is inside the usual spread, so no distance-based detector ranks it high, yet it is
    an entry no meter can give. None without number columns.
    """
    if not names:
        return None
    breaks = np.zeros(len(frame))
    for name in names:
        numbers = pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=float)
        finite = np.isfinite(numbers)
        below = finite & (numbers < 0)
        count = int(below.sum())
        if not count or int(finite.sum()) - count < NONNEGATIVE_MIN_ROWS:
            continue
        if count <= NONNEGATIVE_BREAK_SHARE * int(finite.sum()):
            breaks += below
    return breaks


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
    """Raw outlier scores per detector that could run (higher = more anomalous)."""
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
    pre = generator.preprocessor
    label = generator.config.get("label_column")
    categorical = list(pre.categorical_columns)
    if label in frame.columns and label not in categorical:
        categorical.append(label)
    for name, codes in (
        ("category_pairs", lambda: _category_codes(frame, categorical)),
        ("binned_pairs", lambda: _bin_codes(frame, list(pre.numeric_columns))),
    ):
        if name in detectors:
            rarity = pair_rarity(codes())
            if rarity is not None:  # fewer than two such columns: this detector sits out
                out[name] = rarity
    if "negative_values" in detectors:
        breaks = negative_values(frame, list(pre.numeric_columns))
        if breaks is not None:
            out["negative_values"] = breaks
    return out


def combined(raw: dict[str, np.ndarray], rows: int) -> np.ndarray:
    """The mean robust z of the statistical detectors, raised to each rule's robust z."""
    statistical = [robust_z(v) for name, v in raw.items() if name not in RULES]
    scores = np.mean(statistical, axis=0) if statistical else np.zeros(rows)
    for name in RULES:
        if name in raw:
            scores = np.maximum(scores, robust_z(raw[name]))
    return scores


REASON_ROWS = 20
"""The top rows that get `reasons` (each a few columns: the answer stays short)."""
UPPER_QUANTILE = 0.9
"""The default threshold measures the scores' spread up to this quantile (see below)."""


def default_threshold(scores: np.ndarray) -> float:
    """The median plus five spreads, the spread measured above the median: (P90 - P50) / 1.2816.

    For normal scores that spread is the standard deviation, and it stays robust to up to a
    tenth of the rows being anomalies. It is not the median absolute deviation: the combined
    score cuts every detector's negative part to 0, so at least half of one detector's scores
    are 0, the median is 0 (or half the smallest positive score) and so is the MAD, and median
    + 5 MAD flagged every row above the median (228 of 460). A detector whose ordinary rows
    sit on one value (LOF of near-duplicate rows, pair scores that only take a few values) has
    the same tiny MAD. Std when P90 = P50 (nine rows in ten tie).
    """
    s = np.asarray(scores, dtype=float)
    if not len(s):
        return 0.0
    median = float(np.median(s))
    upper = float(np.quantile(s, UPPER_QUANTILE)) - median
    spread = upper / NormalDist().inv_cdf(UPPER_QUANTILE) or float(np.std(s)) or 1e-12
    return median + 5 * spread


def score_rows(
    generator: Generator,
    frame: pd.DataFrame,
    *,
    id_column: str | None,
    detectors: tuple[str, ...] = DETECTORS + RULES,
    seed: int = 0,
) -> pd.DataFrame:
    """A table of id (or row number), anomaly score and rank, sorted highest score first.

    `score` is the mean robust z of the detectors (one detector: its robust z), raised to a
    rule's robust z where a rule finds the row (`combined`); each detector's raw score is kept
    in a `score_<detector>` column.
    """
    if frame.empty:
        raise BadInput("the dataset is empty", hint="give rows to score")
    raw = detector_scores(generator, frame, detectors, seed)
    scores = combined(raw, len(frame))
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
    id_column: str | None = None,
) -> dict[str, Any]:
    """min / max / mean / std of the scores, a threshold and the rows above it, the top rows.

    With `frame`, each top row carries its values (`values`), so the answer shows the rows,
    and the first REASON_ROWS carry `reasons`: the values furthest from their column's usual
    ones (`anomaly_reasons.explain_rows`; `id_column` is never one). The default threshold is
    `default_threshold`.
    """
    s = scored["score"].to_numpy(dtype=float)
    median = float(np.median(s))
    cut = threshold if threshold is not None else default_threshold(s)
    flagged = int((s > cut).sum())
    top = scored.head(top_k).to_dict(orient="records")
    if frame is not None:
        for record in top:
            values = frame.iloc[int(record["row"])].to_dict()
            record["values"] = {str(k): _cell(v) for k, v in values.items()}
        explained = top[:REASON_ROWS]
        skip = {id_column} if id_column is not None else set()
        rows = [int(r["row"]) for r in explained]
        for record, reasons in zip(explained, explain_rows(frame, rows, skip=skip), strict=True):
            record["reasons"] = reasons
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


def _cell(value: Any) -> Any:
    """A cell as strict JSON: numpy to Python, missing (NaN, NA) as None, infinity as text."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return None
    return str(value) if isinstance(value, float) and np.isinf(value) else value


def flagged_rows(scored: pd.DataFrame, frame: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """The rows scored above `threshold`, highest first: all their columns, then
    `anomaly_score` and `anomaly_rank` (an underscore added while the data has that name).
    """
    hits = scored[scored["score"] > threshold]
    rows = frame.iloc[hits["row"].to_numpy(dtype=int)].reset_index(drop=True)
    rows.columns = [str(c) for c in rows.columns]
    for name, values in (("anomaly_score", hits["score"]), ("anomaly_rank", hits["rank"])):
        while name in rows.columns:
            name += "_"
        rows[name] = values.to_numpy()
    return rows
