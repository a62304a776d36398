"""The same training run on CPU and on CUDA (when present): wall time per epoch and the ratio.

Both devices go through the one code path (`tools.training.train.fit` with device 'cpu' or
'cuda'), same data, seed and config. Without a GPU it runs the CPU side and says so.

    .venv/bin/python benchmarks/training_gpu.py [--workload tabular|text|all] [--epochs 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def tabular(rows: int) -> pd.DataFrame:
    """A synthetic 4-class table: 64 numeric columns and 2 categorical ones (seeded)."""
    from sklearn.datasets import make_classification

    x, y = make_classification(
        n_samples=rows, n_features=64, n_informative=24, n_classes=4, random_state=0
    )
    frame = pd.DataFrame(x, columns=[f"f{i}" for i in range(x.shape[1])])
    rng = np.random.default_rng(0)
    frame["colour"] = rng.choice(["red", "green", "blue"], rows)
    frame["size"] = rng.choice(["s", "m", "l", "xl"], rows)
    frame["label"] = [f"c{v}" for v in y]
    return frame


def text(rows: int) -> pd.DataFrame:
    """20 Newsgroups (all 20 topics) posts, or a synthetic corpus when the file is absent."""
    path = DATA / "20newsgroups-train.csv.gz"
    if path.is_file():
        frame = pd.read_csv(path).rename(columns={"Text": "text", "Category": "label"})
        return frame.sample(min(rows, len(frame)), random_state=0).reset_index(drop=True)
    rng = np.random.default_rng(0)
    vocab = [f"w{i}" for i in range(5000)]
    labels = rng.integers(0, 20, rows)
    docs = [" ".join(rng.choice(vocab[k * 200 : k * 200 + 400], 60)) for k in labels]
    return pd.DataFrame({"text": docs, "label": [f"t{k}" for k in labels]})


def run(frame: pd.DataFrame, device: str, config: dict, text_columns: list[str] | None) -> dict:
    """Train once on `device`; return seconds per epoch and the validation metrics."""
    import torch

    from tools.training.train import TrainConfig, fit, prepare_labels, split_validation

    data = prepare_labels(frame, label_column="label", text_columns=text_columns)
    train, val = split_validation(data, 0.2, 0)
    cfg = TrainConfig(**config, device=device)
    if device == "cuda":
        torch.cuda.synchronize()
    started = time.perf_counter()
    trained = fit(train, val, cfg)
    if device == "cuda":
        torch.cuda.synchronize()
    seconds = time.perf_counter() - started
    epochs = len(trained.history)
    return {
        "seconds": seconds,
        "per_epoch": seconds / epochs,
        "epochs": epochs,
        "accuracy": trained.val_metrics["accuracy"],
        "auc": trained.val_metrics["auc"],
    }


def main() -> int:
    """Run each workload on CPU and (when available) CUDA and print both with the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workload", choices=["tabular", "text", "all"], default="all")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=40000, help="tabular rows")
    parser.add_argument("--text-rows", type=int, default=6000)
    opts = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import torch

    has_cuda = torch.cuda.is_available()
    name = torch.cuda.get_device_name(0) if has_cuda else "none"
    print(f"torch {torch.__version__}; CPU threads {torch.get_num_threads()}; CUDA: {name}")
    fixed = {"epochs": opts.epochs, "patience": opts.epochs + 1, "seed": 0}
    workloads = {
        "tabular": (
            lambda: tabular(opts.rows),
            {"model": "mlp", "hidden_size": 512, "layers": 2, "batch_size": 256, **fixed},
            None,
        ),
        "text": (
            lambda: text(opts.text_rows),
            {"model": "mlp", "hidden_size": 256, "max_features": 20000, "batch_size": 128, **fixed},
            ["text"],
        ),
    }
    chosen = list(workloads) if opts.workload == "all" else [opts.workload]
    print(
        f"{'workload':<9} {'device':<6} {'s/epoch':>9} {'epochs':>6} {'val acc':>8} {'val auc':>8}"
    )
    for key in chosen:
        make, config, text_columns = workloads[key]
        frame = make()
        results = {"cpu": run(frame, "cpu", config, text_columns)}
        if has_cuda:
            results["cuda"] = run(frame, "cuda", config, text_columns)
        for device, r in results.items():
            print(
                f"{key:<9} {device:<6} {r['per_epoch']:>9.3f} {r['epochs']:>6} "
                f"{r['accuracy']:>8.4f} {r['auc']:>8.4f}"
            )
        if "cuda" in results:
            ratio = results["cpu"]["per_epoch"] / results["cuda"]["per_epoch"]
            print(f"{key:<9} speed-up of CUDA over CPU: {ratio:.2f}x ({len(frame)} rows)")
        else:
            print(f"{key:<9} no CUDA device here: CPU only ({len(frame)} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
