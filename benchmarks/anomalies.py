"""Anomaly detection: detect_anomalies (combined detectors) vs IsolationForest alone.

Real tables with anomalies injected at random rows, one kind per variant:
- extreme values: one numeric column multiplied by 3-6;
- broken correlations: a column taken from another row at the other end of a correlated
  column (each value is ordinary alone; the pair is not);
- rare combinations: a category value moved to where it never occurs (every value seen
  alone, never together);
- negative entries: a small value of a column that is never negative typed with a minus
  (children -1, a concavity of -0.05: inside the column's usual spread).

`before` is the combination without the `negative_values` rule (the mean robust z of the
five statistical detectors, computed from their own scores in the same run), so one run
gives the rule's effect on every variant.

Each variant is run through `detect_anomalies` the way a user calls it (call_tool, the default
detectors, a generator trained on the rows themselves; the injected labels are never given).
Its output has the combined score and each detector's own score, so one run gives ROC-AUC and
precision at k (k = number injected) for the combination and for each detector alone
(IsolationForest, LocalOutlierFactor, the CVAE, and the two pair detectors where they run).

Run: .venv/bin/python benchmarks/anomalies.py [--seeds 0 1 2] [--epochs 150] [--quick]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def breast_cancer() -> pd.DataFrame:
    from sklearn.datasets import load_breast_cancer

    frame = load_breast_cancer(as_frame=True).data
    cols = [c for c in frame.columns if c.startswith("mean ")]
    return frame[cols].rename(columns=lambda c: c.replace(" ", "_")).reset_index(drop=True)


def penguins() -> pd.DataFrame:
    from palmerpenguins import load_penguins

    frame = load_penguins().dropna().reset_index(drop=True)
    return frame.drop(columns=["year"])


def affairs() -> pd.DataFrame:
    import statsmodels.api as sm

    frame = sm.datasets.fair.load_pandas().data
    return frame.sample(2000, random_state=0).reset_index(drop=True)


def extreme(column: str) -> Callable:
    def inject(frame: pd.DataFrame, rows: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
        frame.loc[rows, column] = frame.loc[rows, column] * rng.uniform(3.0, 6.0, len(rows))
        return frame

    return inject


def broken(column: str, by: str) -> Callable:
    """`column` of each chosen row is replaced by that of a row from the other end of `by`."""

    def inject(frame: pd.DataFrame, rows: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
        order = frame[by].rank(pct=True).to_numpy()
        low = np.flatnonzero(order < 0.15)
        high = np.flatnonzero(order > 0.85)
        for r in rows:
            donors = high if order[r] < 0.5 else low
            frame.loc[r, column] = frame.loc[int(rng.choice(donors)), column]
        return frame

    return inject


def rare_island(frame: pd.DataFrame, rows: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
    """Gentoo penguins live on Biscoe only: move some to Torgersen."""
    frame.loc[rows, "island"] = "Torgersen"
    return frame


def years_married(frame: pd.DataFrame, rows: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
    """Married longer than possible for the age: 22-year-olds married 23 years."""
    frame.loc[rows, "age"] = 22.0
    frame.loc[rows, "yrs_married"] = 23.0
    return frame


def negative(column: str, low: float, high: float) -> Callable:
    """`column` of each chosen row set to a small negative number (a minus typed by mistake)."""

    def inject(frame: pd.DataFrame, rows: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
        frame.loc[rows, column] = -np.round(rng.uniform(low, high, len(rows)), 3)
        return frame

    return inject


VARIANTS: dict[str, tuple[Callable[[], pd.DataFrame], str, Callable, Callable | None, int]] = {
    # name: (table, kind, injector, which rows may be chosen, how many)
    "breast-cancer/extreme": (breast_cancer, "extreme values", extreme("mean_area"), None, 10),
    "breast-cancer/broken": (
        breast_cancer,
        "broken correlation",
        broken("mean_area", "mean_radius"),
        None,
        10,
    ),
    "penguins/extreme": (penguins, "extreme values", extreme("flipper_length_mm"), None, 8),
    "penguins/broken": (
        penguins,
        "broken correlation",
        broken("body_mass_g", "flipper_length_mm"),
        None,
        8,
    ),
    "penguins/rare": (
        penguins,
        "rare combination",
        rare_island,
        lambda f: np.flatnonzero(f.species == "Gentoo"),
        8,
    ),
    "affairs/broken": (
        affairs,
        "broken correlation",
        years_married,
        lambda f: np.flatnonzero(f.yrs_married <= 2.5),
        10,
    ),
    "breast-cancer/negative": (
        breast_cancer,
        "negative entry",
        negative("mean_concavity", 0.01, 0.1),
        None,
        8,
    ),
    "affairs/negative": (affairs, "negative entry", negative("children", 1.0, 2.0), None, 10),
}


DETECTOR_COLUMNS = (
    "combined",
    "before",
    "isolation_forest",
    "local_outlier_factor",
    "cvae",
    "category_pairs",
    "binned_pairs",
)


def run(name: str, seed: int, epochs: int) -> dict:
    from sklearn.metrics import roc_auc_score

    from graphs.workflows import call_tool
    from settings import reset_settings
    from store.db import reset_engines
    from tools.training.anomalies import DETECTORS, robust_z

    load, kind, inject, eligible, m = VARIANTS[name]
    frame = load()
    rng = np.random.default_rng(seed)
    pool = eligible(frame) if eligible else np.arange(len(frame))
    rows = rng.choice(pool, size=m, replace=False)
    frame = inject(frame.copy(), rows, rng)
    truth = np.zeros(len(frame), dtype=int)
    truth[rows] = 1
    with tempfile.TemporaryDirectory() as home:
        os.environ["FORGEFLOW_HOME"] = home
        reset_settings()
        reset_engines()
        ws = Path(home) / "workspace"
        ws.mkdir(parents=True, exist_ok=True)
        frame.to_parquet(ws / "rows.parquet", index=False)
        out = call_tool(
            "detect_anomalies",
            {"dataset": "rows.parquet", "epochs": epochs, "seed": seed, "top_k": m},
        )
        scored = pd.read_parquet(ws / out["scores_path"]).sort_values("row")
    statistical = [f"score_{d}" for d in DETECTORS if f"score_{d}" in scored]
    scored["before"] = np.mean([robust_z(scored[c].to_numpy()) for c in statistical], axis=0)
    y = truth[scored.row.to_numpy()]
    result = {"variant": name, "kind": kind, "seed": seed, "flagged": out["flagged"]}
    for label, col in (
        ("combined", "score"),
        ("before", "before"),
        ("isolation_forest", "score_isolation_forest"),
        ("local_outlier_factor", "score_local_outlier_factor"),
        ("cvae", "score_cvae"),
        ("category_pairs", "score_category_pairs"),
        ("binned_pairs", "score_binned_pairs"),
    ):
        if col not in scored:  # a pair detector sits out with fewer than two such columns
            result[f"{label}_auc"] = result[f"{label}_p@k"] = float("nan")
            continue
        s = scored[col].to_numpy()
        top = np.argsort(-s, kind="stable")[:m]
        result[f"{label}_auc"] = float(roc_auc_score(y, s))
        result[f"{label}_p@k"] = float(y[top].mean())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", nargs="*", default=list(VARIANTS))
    parser.add_argument("--seeds", nargs="*", type=int, default=[0, 1, 2])
    parser.add_argument("--epochs", type=int, default=150)
    parser.add_argument("--quick", action="store_true", help="seed 0, 40 epochs")
    args = parser.parse_args()
    if args.quick:
        args.seeds, args.epochs = [0], 40
    rows = []
    for name in args.variants:
        for seed in args.seeds:
            r = run(name, seed, args.epochs)
            rows.append(r)
            print(
                f"{name:22s} seed={seed} AUC combined {r['combined_auc']:.3f} before "
                f"{r['before_auc']:.3f} IF "
                f"{r['isolation_forest_auc']:.3f} LOF {r['local_outlier_factor_auc']:.3f} CVAE "
                f"{r['cvae_auc']:.3f} | p@k combined {r['combined_p@k']:.2f} IF "
                f"{r['isolation_forest_p@k']:.2f} flagged {r['flagged']}",
                flush=True,
            )
    table = pd.DataFrame(rows).groupby(["variant", "kind"], sort=False).mean(numeric_only=True)
    print()
    print(
        "| table / anomalies | kind | ROC-AUC: combined | before | IsolationForest | LOF | CVAE | "
        "category pairs | binned pairs | precision@k: combined | before | IsolationForest | LOF | "
        "CVAE | category pairs | binned pairs |"
    )
    print("| --- | --- |" + " --- |" * 14)
    names = DETECTOR_COLUMNS
    for (variant, kind), r in table.iterrows():
        auc = " | ".join("-" if np.isnan(r[f"{d}_auc"]) else f"{r[f'{d}_auc']:.3f}" for d in names)
        pk = " | ".join("-" if np.isnan(r[f"{d}_p@k"]) else f"{r[f'{d}_p@k']:.2f}" for d in names)
        print(f"| {variant} | {kind} | {auc} | {pk} |")


if __name__ == "__main__":
    main()
