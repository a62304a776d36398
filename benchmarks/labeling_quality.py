"""Labeling quality: the built-in pipeline vs TF-IDF + logistic regression on the same hand labels.

For each 20 Newsgroups task and seed: draw 50 random hand labels from the training split, the
rest of the training split is the unlabeled pool. Reports ROC-AUC of
- baseline: TF-IDF + LR trained on the 50 labels, scored on the pool rows and on the test split;
- ours: label_dataset's probabilities for the pool rows (built-in writer, no LLM), and the same
  end model scored on the test split;
- all labels: TF-IDF + LR trained on every training label (the ceiling), on the test split.

Run: .venv/bin/python benchmarks/labeling_quality.py [--seeds 0 1 2] [--tasks med-space ...]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"

TASKS = {
    "med-space": ("sci.med", "sci.space"),
    "graphics-windows": ("comp.graphics", "comp.windows.x"),
    "religion-atheism": ("talk.religion.misc", "alt.atheism"),
}


def tfidf_lr(train_text, train_y, score_texts, C: float = 10.0):  # noqa: ANN001, ANN201
    """The baseline: TF-IDF (fit on the training texts given) + logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(sublinear_tf=True, min_df=1)
    X = vec.fit_transform(train_text)
    model = LogisticRegression(C=C, max_iter=2000).fit(X, train_y)
    return [model.predict_proba(vec.transform(t))[:, 1] for t in score_texts]


def run_task(name: str, seed: int, n_labels: int, max_attempts: int) -> dict:
    from sklearn.metrics import roc_auc_score

    from graphs.workflows import call_tool
    from settings import reset_settings
    from store.db import reset_engines

    neg, pos = TASKS[name]
    train = pd.read_csv(DATA / "20newsgroups-train.csv.gz")
    test = pd.read_csv(DATA / "20newsgroups-test.csv.gz")
    train = train[train.Category.isin([neg, pos])].reset_index(drop=True)
    test = test[test.Category.isin([neg, pos])].reset_index(drop=True)
    train.insert(0, "id", [f"r{i}" for i in range(len(train))])
    rng = np.random.default_rng(seed)
    while True:
        gold_idx = rng.choice(len(train), size=n_labels, replace=False)
        if train.Category.iloc[gold_idx].nunique() == 2:
            break
    pool_mask = np.ones(len(train), dtype=bool)
    pool_mask[gold_idx] = False
    y_train = (train.Category == pos).to_numpy(int)
    y_test = (test.Category == pos).to_numpy(int)

    base_pool, base_test = tfidf_lr(
        train.Text.iloc[gold_idx], y_train[gold_idx], [train.Text[pool_mask], test.Text]
    )
    (all_test,) = tfidf_lr(train.Text, y_train, [test.Text])

    with tempfile.TemporaryDirectory() as home:
        os.environ["FORGEFLOW_HOME"] = home
        reset_settings()
        reset_engines()
        ws = Path(home) / "workspace"
        ws.mkdir(parents=True, exist_ok=True)
        train[["id", "Text"]].to_parquet(ws / "pool.parquet", index=False)
        gold = pd.DataFrame({"id": train.id.iloc[gold_idx], "label": train.Category.iloc[gold_idx]})
        gold.to_csv(ws / "gold.csv", index=False)
        started = time.perf_counter()
        out = call_tool(
            "label_dataset",
            {
                "dataset": "pool.parquet",
                "gold": "gold.csv",
                "classes": [neg, pos],
                "text_column": "Text",
                "target_metric": "auc",
                "target_value": 1.0,
                "max_attempts": max_attempts,
                "seed": seed,
                "writer": "builtin",
            },
        )
        seconds = time.perf_counter() - started
        labeled = pd.read_parquet(ws / out["labeled_path"])
    probs = labeled[f"prob_{pos}"].to_numpy()
    ours_pool = roc_auc_score(y_train[pool_mask], probs[pool_mask])
    # The same labels, generalised: TF-IDF + LR trained on the pipeline's hard labels for
    # the pool is a fair proxy for "our end model on the test split".
    (ours_test,) = tfidf_lr(
        train.Text[pool_mask], (probs[pool_mask] > 0.5).astype(int), [test.Text]
    )
    return {
        "task": name,
        "seed": seed,
        "baseline_pool": roc_auc_score(y_train[pool_mask], base_pool),
        "ours_pool": ours_pool,
        "baseline_test": roc_auc_score(y_test, base_test),
        "ours_test": roc_auc_score(y_test, ours_test),
        "all_labels_test": roc_auc_score(y_test, all_test),
        "heldout_auc": out["metrics"]["auc"],
        "heldout_n": out["metrics"]["n_labels"],
        "attempts": out["attempts"],
        "lfs": out["lf_count"],
        "coverage": out["metrics"]["coverage"],
        "combiner": out["combiner"],
        "seconds": seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", nargs="*", default=list(TASKS))
    parser.add_argument("--seeds", nargs="*", type=int, default=[0, 1, 2])
    parser.add_argument("--labels", type=int, default=50)
    parser.add_argument("--max-attempts", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for task in args.tasks:
        for seed in args.seeds:
            row = run_task(task, seed, args.labels, args.max_attempts)
            rows.append(row)
            print(
                f"{task:18s} seed={seed} pool AUC: baseline {row['baseline_pool']:.3f} "
                f"ours {row['ours_pool']:.3f} | test AUC: baseline {row['baseline_test']:.3f} "
                f"ours {row['ours_test']:.3f} all-labels {row['all_labels_test']:.3f} | "
                f"held-out {row['heldout_auc']} (n={row['heldout_n']}) lfs={row['lfs']} "
                f"cov={row['coverage']:.2f} {row['combiner']} attempts={row['attempts']} "
                f"{row['seconds']:.1f}s",
                flush=True,
            )
    table = pd.DataFrame(rows)
    print("\nmean per task:")
    summary = table.groupby("task")[
        ["baseline_pool", "ours_pool", "baseline_test", "ours_test", "all_labels_test"]
    ].mean()
    summary["gap_closed_pool"] = (summary.ours_pool - summary.baseline_pool) / (
        summary.all_labels_test - summary.baseline_pool
    )
    summary["ratio_pool"] = summary.ours_pool / summary.baseline_pool
    print(summary.round(3).to_string())


if __name__ == "__main__":
    main()
