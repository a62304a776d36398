"""End-to-end quality: 50 hand labels -> label_dataset -> train_model on the pool -> test AUC.

Compared, on the same test split of 20 Newsgroups `sci.med` vs `sci.space`, with TF-IDF +
logistic regression trained on the same 50 hand labels and on every training label. Writes
the table into docs/BENCHMARKS.md (between the pipeline-quality markers).

    .venv/bin/python benchmarks/pipeline_quality.py [--draws 5] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
DOC = ROOT / "docs" / "BENCHMARKS.md"
START, END = "<!-- pipeline-quality:start -->", "<!-- pipeline-quality:end -->"
CLASSES = ["sci.med", "sci.space"]


def load_split(name: str) -> pd.DataFrame:
    """The two-class subset of one 20 Newsgroups split, with ids."""
    frame = pd.read_csv(DATA / f"20newsgroups-{name}.csv.gz")
    frame = frame[frame["Category"].isin(CLASSES)].reset_index(drop=True)
    return pd.DataFrame(
        {
            "id": [f"{name}-{i}" for i in range(len(frame))],
            "text": frame["Text"].astype(str),
            "truth": frame["Category"],
        }
    )


def tfidf_lr_auc(train_text: pd.Series, train_y: pd.Series, test: pd.DataFrame) -> float:
    """The baseline: TF-IDF (sublinear tf) + scikit-learn logistic regression, test ROC-AUC."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    vec = TfidfVectorizer(sublinear_tf=True)
    clf = LogisticRegression(max_iter=2000)
    clf.fit(vec.fit_transform(train_text), train_y)
    proba = clf.predict_proba(vec.transform(test["text"]))[:, list(clf.classes_).index(CLASSES[1])]
    return float(roc_auc_score(test["truth"] == CLASSES[1], proba))


def one_draw(seed: int, train: pd.DataFrame, test: pd.DataFrame, workspace: Path) -> dict:
    """Hand-label 50 random rows, run labeling then training, and measure all three on test."""
    from graphs.workflows import call_tool
    from tools.base import ToolContext

    rng = np.random.default_rng(seed)
    hand = np.sort(rng.choice(len(train), 50, replace=False))
    pool = train[["id", "text"]].copy()
    pool["label"] = None
    pool.loc[hand, "label"] = train.loc[hand, "truth"]
    pool.to_parquet(workspace / f"pool-{seed}.parquet", index=False)
    test.rename(columns={"truth": "label"}).to_parquet(workspace / "test.parquet", index=False)
    started = time.perf_counter()
    labeled = call_tool(
        "label_dataset",
        {
            "dataset": f"pool-{seed}.parquet",
            "label_column": "label",
            "text_column": "text",
            "seed": seed,
        },
        ToolContext(),
    )
    label_seconds = time.perf_counter() - started
    frame = pd.read_parquet(workspace / labeled["labeled_path"])
    truth = dict(zip(train["id"], train["truth"], strict=True))
    label_accuracy = float((frame["label"] == frame["id"].map(truth)).mean())
    started = time.perf_counter()
    trained = call_tool(
        "train_model",
        {
            "dataset": labeled["labeled_path"],
            "soft_labels": True,
            "text_columns": ["text"],
            "test_dataset": "test.parquet",
            "test_label_column": "label",
            "seed": seed,
        },
        ToolContext(),
    )
    train_seconds = time.perf_counter() - started
    return {
        "seed": seed,
        "pipeline": trained["test_metrics"]["auc"],
        "lr_50": tfidf_lr_auc(train.loc[hand, "text"], train.loc[hand, "truth"], test),
        "label_accuracy": label_accuracy,
        "coverage": labeled["covered"] / labeled["rows"],
        "label_seconds": label_seconds,
        "train_seconds": train_seconds,
    }


def write_doc(table: str) -> None:
    """Put the table between the markers in docs/BENCHMARKS.md (appending them if absent)."""
    text = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
    block = f"{START}\n{table}\n{END}"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        text = head + block + tail
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text)


def main() -> int:
    """Run the draws, print the table and the ratios, and write them into the docs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=5, help="random 50-label draws (seeds 0..)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    opts = parser.parse_args()
    if not DATA.is_dir():
        print(f"shared data not found at {DATA}", file=sys.stderr)
        return 2
    home = tempfile.mkdtemp(prefix="forgeflow-bench-")
    os.environ["FORGEFLOW_HOME"] = home
    sys.path.insert(0, str(ROOT))
    from settings import get_settings, reset_settings

    reset_settings()
    workspace = get_settings().workspace
    train, test = load_split("train"), load_split("test")
    all_labels = tfidf_lr_auc(train["text"], train["truth"], test)
    rows = []
    for seed in range(opts.draws):
        row = one_draw(seed, train, test, workspace)
        rows.append(row)
        print(
            f"draw {seed}: pipeline {row['pipeline']:.4f}  TF-IDF LR on 50 labels "
            f"{row['lr_50']:.4f}  label accuracy {row['label_accuracy']:.3f}  "
            f"({row['label_seconds']:.0f}s labeling, {row['train_seconds']:.0f}s training)",
            flush=True,
        )

    def mean(key: str) -> float:
        return statistics.fmean(r[key] for r in rows)

    pipe, lr50 = mean("pipeline"), mean("lr_50")
    table = "\n".join(
        [
            f"20 Newsgroups `sci.med` vs `sci.space`: {len(train)} training posts (the pool), "
            f"{len(test)} test posts; mean of {opts.draws} random draws of 50 hand labels.",
            "",
            "| approach | test ROC-AUC | vs TF-IDF LR on 50 labels |",
            "| --- | --- | --- |",
            f"| TF-IDF LR on the same 50 hand labels | {lr50:.4f} | 1.000x |",
            f"| forgeflow: 50 labels -> label_dataset -> train_model (soft labels) "
            f"| {pipe:.4f} | {pipe / lr50:.3f}x |",
            f"| TF-IDF LR on all {len(train)} training labels | {all_labels:.4f} "
            f"| {all_labels / lr50:.3f}x |",
            "",
            f"Gap closed by weak supervision: {(pipe - lr50) / (all_labels - lr50):.0%} of the way "
            f"from 50 labels to all labels. Pool label accuracy {mean('label_accuracy'):.3f}, "
            f"LF coverage {mean('coverage'):.3f}; per draw {mean('label_seconds'):.0f}s labeling + "
            f"{mean('train_seconds'):.0f}s training on this machine's CPU.",
            "",
            "Per draw (seed: pipeline / LR-50): "
            + ", ".join(f"{r['seed']}: {r['pipeline']:.4f} / {r['lr_50']:.4f}" for r in rows),
        ]
    )
    print()
    print(table)
    if not opts.no_write:
        write_doc(table)
        print(f"\nwritten to {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
