"""Labeling on tasks the pipeline was never developed on: ours vs the hand labels alone.

The task list below was frozen (committed) before any change to the pipeline that this
benchmark measures; the three 20 Newsgroups pairs of benchmarks/labeling_quality.py (the
development tasks) are deliberately absent. Per task, seed and hand-label count:

- the pool is the task's rows; `n` random rows (both classes present) are the hand labels, the
  rest are unlabeled;
- ours: `label_dataset` called the way a user calls it (graphs.workflows.call_tool, every
  argument explicit, built-in writer, no LLM); "pool AUC" is the ROC-AUC of its probabilities on
  the rows without hand labels against their true classes;
- baseline: a model trained on the same `n` hand labels only (text: TF-IDF fit on all rows'
  text, no labels used, + logistic regression C=10; tables: one-hot categories + standardised
  numbers, logistic regression C=1), scored on the same pool rows;
- ceiling: the same kind of model with every row's true label, 5-fold cross-fitted so each pool
  row is scored by a model that did not train on it, AUC over all rows (tables: the better of logistic regression
  and gradient boosting);
- gap closed: (ours - baseline) / (ceiling - baseline), on the means over seeds;
- crashes: runs where label_dataset raised (counted, its AUC left out of the means).

Tasks (all offline):
- text, long posts: 20 Newsgroups rec.autos vs rec.motorcycles, comp.sys.ibm.pc.hardware vs
  comp.sys.mac.hardware, talk.politics.guns vs talk.politics.mideast (training split);
- text, short: rec.sport.baseball vs rec.sport.hockey cut to each post's first 12 words (the
  data has the subject line prepended, so this is roughly subject + first words: tweet-sized);
- table, numeric: scikit-learn's breast cancer (malignant vs benign, 30 measurements);
- table, categorical: Palmer penguins (palmerpenguins package; sex from species, island,
  four measurements, year; rows without sex dropped);
- table, coded categoricals: the Fair (1978) affairs survey bundled with statsmodels (any
  affair vs none; occupation codes mapped to the survey's category names, the rest numeric).

Run: .venv/bin/python benchmarks/labeling_unseen.py [--quick] [--tasks ...] [--seeds 0 1 2]
     [--labels 10 50 100] [--json out.json]
--quick: seed 0, 50 hand labels, text pools subsampled to 600 rows.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
TEXT_POOL_CAP = 1200
"""Text pools above this many rows are subsampled (stratified by class, fixed seed)."""


@dataclass
class Task:
    """One binary task: a frame with an id column, the label column, and how to model it."""

    name: str
    kind: str  # "text" or "table"
    load: Callable[[], pd.DataFrame]
    label: str
    classes: tuple[str, str]
    text_column: str | None = None


def _newsgroups(neg: str, pos: str, words: int | None = None) -> Callable[[], pd.DataFrame]:
    def load() -> pd.DataFrame:
        train = pd.read_csv(DATA / "20newsgroups-train.csv.gz")
        train = train[train.Category.isin([neg, pos])].reset_index(drop=True)
        text = train.Text.astype(str)
        if words is not None:
            text = text.str.split().str[:words].str.join(" ")
        return pd.DataFrame({"topic": train.Category.to_numpy(), "text": text.to_numpy()})

    return load


def _breast_cancer() -> pd.DataFrame:
    from sklearn.datasets import load_breast_cancer

    data = load_breast_cancer(as_frame=True)
    frame = data.data.copy()
    frame.columns = [c.replace(" ", "_") for c in frame.columns]
    frame["diagnosis"] = np.where(data.target == 1, "benign", "malignant")
    return frame


def _penguins() -> pd.DataFrame:
    from palmerpenguins import load_penguins

    frame = load_penguins()
    return frame[frame.sex.notna()].reset_index(drop=True)


OCCUPATIONS = {
    1: "student",
    2: "farming_semiskilled_unskilled",
    3: "white_collar",
    4: "teacher_nurse_writer_technician_skilled",
    5: "managerial_administrative_business",
    6: "professional_advanced_degree",
}


def _affairs() -> pd.DataFrame:
    import statsmodels.api as sm

    frame = sm.datasets.fair.load_pandas().data.copy()
    frame["had_affair"] = np.where(frame.pop("affairs") > 0, "yes", "no")
    for col in ("occupation", "occupation_husb"):
        frame[col] = frame[col].astype(int).map(OCCUPATIONS)
    return frame


TASKS: dict[str, Task] = {
    t.name: t
    for t in (
        Task(
            "autos-motorcycles",
            "text",
            _newsgroups("rec.autos", "rec.motorcycles"),
            "topic",
            ("rec.autos", "rec.motorcycles"),
            "text",
        ),
        Task(
            "pc-mac",
            "text",
            _newsgroups("comp.sys.ibm.pc.hardware", "comp.sys.mac.hardware"),
            "topic",
            ("comp.sys.ibm.pc.hardware", "comp.sys.mac.hardware"),
            "text",
        ),
        Task(
            "guns-mideast",
            "text",
            _newsgroups("talk.politics.guns", "talk.politics.mideast"),
            "topic",
            ("talk.politics.guns", "talk.politics.mideast"),
            "text",
        ),
        Task(
            "baseball-hockey-short",
            "text",
            _newsgroups("rec.sport.baseball", "rec.sport.hockey", words=12),
            "topic",
            ("rec.sport.baseball", "rec.sport.hockey"),
            "text",
        ),
        Task("breast-cancer", "table", _breast_cancer, "diagnosis", ("malignant", "benign")),
        Task("penguins-sex", "table", _penguins, "sex", ("female", "male")),
        Task("affairs", "table", _affairs, "had_affair", ("no", "yes")),
    )
}


# --------------------------------------------------------------------------------------------
# The baseline and the ceiling


def _text_matrix(texts: pd.Series):  # noqa: ANN202
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform(texts.fillna(""))


def _table_matrix(frame: pd.DataFrame) -> np.ndarray:
    parts = []
    for col in frame.columns:
        series = frame[col]
        if pd.api.types.is_numeric_dtype(series):
            values = series.astype(float).fillna(series.median()).to_numpy()
            parts.append(((values - values.mean()) / (values.std() or 1.0))[:, None])
        else:
            parts.append(pd.get_dummies(series.astype("string"), dtype=float).to_numpy())
    return np.hstack(parts)


def _lr(kind: str):  # noqa: ANN202
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=10.0 if kind == "text" else 1.0, max_iter=3000)


def baseline_scores(task: Task, X, y: np.ndarray, gold: np.ndarray) -> np.ndarray:  # noqa: ANN001
    """The hand-labels-only model's P(positive) for every row."""
    return _lr(task.kind).fit(X[gold], y[gold]).predict_proba(X)[:, 1]


def ceiling_auc(task: Task, X, raw: pd.DataFrame, y: np.ndarray, pool: np.ndarray) -> float:  # noqa: ANN001
    """Pool AUC of a model trained with every true label, 5-fold cross-fitted."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    best = roc_auc_score(
        y[pool], cross_val_predict(_lr(task.kind), X, y, cv=folds, method="predict_proba")[pool, 1]
    )
    if task.kind == "table":
        cats = [not pd.api.types.is_numeric_dtype(raw[c]) for c in raw.columns]
        coded = raw.copy()
        for col, is_cat in zip(raw.columns, cats, strict=True):
            if is_cat:
                coded[col] = coded[col].astype("category").cat.codes
        gbm = HistGradientBoostingClassifier(categorical_features=cats, random_state=0)
        p = cross_val_predict(gbm, coded.to_numpy(float), y, cv=folds, method="predict_proba")
        best = max(best, roc_auc_score(y[pool], p[pool, 1]))
    return float(best)


# --------------------------------------------------------------------------------------------
# One run


def run_one(task: Task, frame: pd.DataFrame, seed: int, n_labels: int) -> dict:
    """Baseline, ceiling and label_dataset for one draw of hand labels."""
    from sklearn.metrics import roc_auc_score

    from graphs.workflows import call_tool
    from settings import reset_settings
    from store.db import reset_engines

    y = (frame[task.label] == task.classes[1]).to_numpy(int)
    rng = np.random.default_rng(1000 + seed)
    while True:
        gold = rng.choice(len(frame), size=n_labels, replace=False)
        if len(np.unique(y[gold])) == 2:
            break
    pool = np.ones(len(frame), dtype=bool)
    pool[gold] = False
    features = frame.drop(columns=[task.label, "row_id"])
    X = _text_matrix(frame[task.text_column]) if task.kind == "text" else _table_matrix(features)
    base = baseline_scores(task, X, y, gold)
    row = {
        "task": task.name,
        "seed": seed,
        "labels": n_labels,
        "pool_rows": int(pool.sum()),
        "baseline": float(roc_auc_score(y[pool], base[pool])),
        "ours": None,
        "crash": None,
    }
    with tempfile.TemporaryDirectory() as home:
        os.environ["FORGEFLOW_HOME"] = home
        reset_settings()
        reset_engines()
        ws = Path(home) / "workspace"
        ws.mkdir(parents=True, exist_ok=True)
        frame.drop(columns=[task.label]).to_csv(ws / "pool.csv", index=False)
        pd.DataFrame(
            {"row_id": frame.row_id.iloc[gold], task.label: frame[task.label].iloc[gold]}
        ).to_csv(ws / "gold.csv", index=False)
        args = {
            "dataset": "pool.csv",
            "gold": "gold.csv",
            "id_column": "row_id",
            "gold_id_column": "row_id",
            "gold_label_column": task.label,
            "classes": list(task.classes),
            "target_metric": "auc",
            "target_value": 1.0,
            "max_attempts": 3,
            "seed": seed,
            "writer": "builtin",
        }
        if task.text_column:
            args["text_column"] = task.text_column
        started = time.perf_counter()
        try:
            out = call_tool("label_dataset", args)
            labeled = pd.read_parquet(ws / out["labeled_path"])
        except Exception as exc:  # noqa: BLE001 - a crash is what this counts
            row["crash"] = f"{type(exc).__name__}: {exc}"[:300]
            row["trace"] = traceback.format_exc(limit=-3)[-800:]
        else:
            probs = labeled.set_index("id").loc[frame.row_id, f"prob_{task.classes[1]}"]
            row["ours"] = float(roc_auc_score(y[pool], probs.to_numpy()[pool]))
            row["heldout_auc"] = out["metrics"].get("auc")
            row["chosen"] = (out.get("selection") or {}).get("chosen") or out.get("combiner")
        row["seconds"] = round(time.perf_counter() - started, 1)
    return row


def load_frame(task: Task, quick: bool) -> pd.DataFrame:
    frame = task.load()
    cap = 600 if quick else TEXT_POOL_CAP
    if task.kind == "text" and len(frame) > cap:
        per = cap // 2
        rng = np.random.default_rng(0)
        keep = [
            rng.choice(idx, size=min(per, len(idx)), replace=False)
            for idx in (np.flatnonzero(frame[task.label] == c) for c in task.classes)
        ]
        frame = frame.iloc[np.sort(np.concatenate(keep))]
    frame = frame.reset_index(drop=True)
    frame.insert(0, "row_id", [f"r{i}" for i in range(len(frame))])
    return frame


def summarise(rows: list[dict], ceilings: dict[str, float]) -> pd.DataFrame:
    table = pd.DataFrame(rows)
    out = []
    for (task, labels), group in table.groupby(["task", "labels"], sort=False):
        ok = group[group.crash.isna()]
        base = float(group.baseline.mean())
        ours = float(ok.ours.mean()) if len(ok) else float("nan")
        ceil = ceilings[task]
        gap = ceil - base
        out.append(
            {
                "task": task,
                "labels": labels,
                "baseline": base,
                "ours": ours,
                "ceiling": ceil,
                "ours_minus_baseline": ours - base,
                "gap": gap,
                "gap_closed": (ours - base) / gap if gap > 0 else float("nan"),
                "crashes": int(group.crash.notna().sum()),
                "runs": int(len(group)),
                "seconds": float(group.seconds.mean()),
            }
        )
    return pd.DataFrame(out)


def markdown(summary: pd.DataFrame) -> str:
    lines = [
        "| task | hand labels | pool AUC: baseline | ours | ceiling | ours - baseline | gap "
        "closed | crashes |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in summary.itertuples():
        closed = "-" if np.isnan(r.gap_closed) else f"{100 * r.gap_closed:.0f}%"
        ours = "crashed" if np.isnan(r.ours) else f"{r.ours:.3f}"
        lines.append(
            f"| {r.task} | {r.labels} | {r.baseline:.3f} | {ours} | {r.ceiling:.3f} | "
            f"{r.ours_minus_baseline:+.3f} | {closed} | {r.crashes}/{r.runs} |"
        )
    wide = summary[summary.gap >= 0.02]
    below = summary[summary.ours_minus_baseline < -0.005]
    lines.append("")
    lines.append(
        f"Crashes: {int(summary.crashes.sum())} of {int(summary.runs.sum())} runs. "
        f"Cells below the baseline by more than 0.005: {len(below)} of {len(summary)}"
        + (
            f" ({', '.join(f'{r.task}/{r.labels}' for r in below.itertuples())})"
            if len(below)
            else ""
        )
        + f". Mean gap closed where the gap is >= 0.02: "
        f"{100 * wide.gap_closed.mean():.0f}% over {len(wide)} cells."
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", nargs="*", default=list(TASKS))
    parser.add_argument("--seeds", nargs="*", type=int, default=[0, 1, 2])
    parser.add_argument("--labels", nargs="*", type=int, default=[10, 50, 100])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", default=None, help="write every run's row here")
    args = parser.parse_args()
    if args.quick:
        args.seeds, args.labels = [0], [50]
    rows: list[dict] = []
    ceilings: dict[str, float] = {}
    for name in args.tasks:
        task = TASKS[name]
        frame = load_frame(task, args.quick)
        y = (frame[task.label] == task.classes[1]).to_numpy(int)
        features = frame.drop(columns=[task.label, "row_id"])
        X = (
            _text_matrix(frame[task.text_column])
            if task.kind == "text"
            else _table_matrix(features)
        )
        ceilings[name] = ceiling_auc(task, X, features, y, np.ones(len(frame), dtype=bool))
        for n in args.labels:
            for seed in args.seeds:
                row = run_one(task, frame, seed, n)
                rows.append(row)
                ours = "CRASH " + row["crash"] if row["crash"] else f"{row['ours']:.3f}"
                print(
                    f"{name:22s} n={n:3d} seed={seed} baseline {row['baseline']:.3f} ours {ours} "
                    f"ceiling {ceilings[name]:.3f} chosen={row.get('chosen')} "
                    f"{row['seconds']}s",
                    flush=True,
                )
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rows, "ceilings": ceilings}, indent=1))
    print()
    print(markdown(summarise(rows, ceilings)))


if __name__ == "__main__":
    main()
