"""Test data for the training tools: small text and tabular tables written into the workspace."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from settings import get_settings
from tools.tabular import sklearn_frame

SPACE = "rocket orbit launch satellite nasa shuttle moon mars astronaut telescope".split()
MED = "doctor patient drug disease treatment symptom clinic vaccine diagnosis surgery".split()
COMMON = "the a is of and to in it that was for on with as this".split()


def put(frame: pd.DataFrame, name: str) -> str:
    """Write `frame` into the workspace under `name` (by suffix) and return the relative path."""
    path = get_settings().workspace / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if name.endswith(".csv"):
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path, index=False)
    return name


def text_frame(n: int = 200, seed: int = 0, noise: float = 0.25) -> pd.DataFrame:
    """Two topics of short posts; each post mixes its topic's words with shared filler."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        label = "sci.space" if i % 2 == 0 else "sci.med"
        own, other = (SPACE, MED) if label == "sci.space" else (MED, SPACE)
        words = list(rng.choice(COMMON, 8))
        words += list(rng.choice(own, 3))
        if rng.random() < noise:
            words += list(rng.choice(other, 2))
        rng.shuffle(words)
        rows.append({"id": f"d{i}", "text": " ".join(words), "label": label})
    return pd.DataFrame(rows)


def breast_cancer_split(seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The bundled breast-cancer table split 75/25 (stratified)."""
    from sklearn.model_selection import train_test_split

    frame = sklearn_frame("breast_cancer")
    train, test = train_test_split(frame, test_size=0.25, random_state=seed, stratify=frame.target)
    return train.reset_index(drop=True), test.reset_index(drop=True)


def workspace() -> Path:
    """The current test's workspace folder."""
    return get_settings().workspace


def write_census(ws: Path) -> None:
    """A census-like task: census.csv (no income), census_gold.csv (row_id, income: 100 hand
    labels) and census_test.csv (all columns) in `ws`, the label named after the task."""
    rng = np.random.default_rng(2)
    n = 400
    frame = pd.DataFrame(
        {
            "row_id": np.arange(n),
            "age": rng.integers(18, 80, n).astype(float),
            "hours": rng.integers(10, 70, n).astype(float),
            "education": rng.choice(["school", "college", "masters"], n),
        }
    )
    score = 0.04 * (frame.age - 45) + 0.05 * (frame.hours - 40) + (frame.education == "masters")
    frame["income"] = np.where(score + rng.normal(scale=0.7, size=n) > 0.3, ">50K", "<=50K")
    pool, test = frame.iloc[:300], frame.iloc[300:]
    pool.drop(columns=["income"]).to_csv(ws / "census.csv", index=False)
    pool.iloc[:100][["row_id", "income"]].to_csv(ws / "census_gold.csv", index=False)
    test.to_csv(ws / "census_test.csv", index=False)
