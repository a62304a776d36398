"""A tabular conditional VAE (numeric + categorical columns, conditioned on the label)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import torch
from torch import nn

from errors import BadInput, column_not_found
from tools.training.features import ColumnSpec, Preprocessor, infer_columns
from tools.training.models import (
    load_weights,
    open_artifact,
    pick_device,
    read_json,
    save_weights,
    small_work_threads,
)

WEIGHTS = "generator.safetensors"
CONFIG = "config.json"
PREPROCESSING = "preprocessing.json"


class TabularCVAE(nn.Module):
    """Encoder q(z | x, y) and decoder p(x | z, y): Gaussian numbers, softmax categories."""

    def __init__(
        self, n_numeric: int, cat_sizes: list[int], n_classes: int, latent: int, hidden: int
    ) -> None:
        super().__init__()
        width = n_numeric + sum(cat_sizes)
        self.n_numeric, self.cat_sizes, self.n_classes = n_numeric, list(cat_sizes), n_classes
        self.encoder = nn.Sequential(
            nn.Linear(width + n_classes, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU()
        )
        self.mu = nn.Linear(hidden, latent)
        self.logvar = nn.Linear(hidden, latent)
        self.decoder = nn.Sequential(
            nn.Linear(latent + n_classes, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU()
        )
        self.out = nn.Linear(hidden, width)
        # One learned noise scale per numeric column: the Gaussian likelihood's variance.
        self.num_logvar = nn.Parameter(torch.zeros(max(n_numeric, 1)))

    def encode(self, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Posterior mean and log-variance."""
        h = self.encoder(torch.cat([x, y], dim=1))
        return self.mu(h), self.logvar(h).clamp(-10, 10)

    def decode(self, z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """Numeric means followed by categorical logits."""
        return self.out(self.decoder(torch.cat([z, y], dim=1)))

    def reconstruction(self, x: torch.Tensor, out: torch.Tensor) -> torch.Tensor:
        """Per-row negative log-likelihood (up to constants) of `x` under the decoder output."""
        total = torch.zeros(x.shape[0], device=x.device)
        n = self.n_numeric
        if n:
            lv = self.num_logvar[:n].clamp(-6, 4)
            total = total + 0.5 * (((x[:, :n] - out[:, :n]) ** 2) / lv.exp() + lv).sum(dim=1)
        start = n
        for size in self.cat_sizes:
            if size:
                target = x[:, start : start + size]
                logp = torch.log_softmax(out[:, start : start + size], dim=1)
                total = total - (target * logp).sum(dim=1)
            start += size
        return total


def _one_hot(index: np.ndarray, k: int) -> np.ndarray:
    out = np.zeros((len(index), k), dtype=np.float32)
    out[np.arange(len(index)), index] = 1.0
    return out


@dataclass
class Generator:
    """A trained generator: module, fitted preprocessing and its JSON config."""

    module: TabularCVAE
    preprocessor: Preprocessor
    config: dict[str, Any]
    device: torch.device

    @property
    def classes(self) -> list[str]:
        """Class names the generator is conditioned on."""
        return list(self.config["classes"])

    def save(self, folder: Path) -> None:
        """safetensors weights + JSON config + JSON preprocessing (never pickle)."""
        folder.mkdir(parents=True, exist_ok=True)
        save_weights(self.module, folder / WEIGHTS)
        self.preprocessor.save(folder / PREPROCESSING)
        (folder / CONFIG).write_text(json.dumps(self.config, indent=2))

    # ----- sampling ------------------------------------------------------------------------
    def sample(self, label: str | None, n: int, seed: int = 0) -> pd.DataFrame:
        """`n` synthetic rows of class `label` (None: classes in their training proportions)."""
        classes = self.classes
        if label is not None and label not in classes:
            raise BadInput(
                f"unknown class {label!r}", hint=f"the generator knows: {', '.join(classes)}"
            )
        rng = np.random.default_rng(seed)
        if label is None:
            counts = np.array([self.config["class_counts"][c] for c in classes], dtype=float)
            ys = rng.choice(len(classes), size=n, p=counts / counts.sum())
        else:
            ys = np.full(n, classes.index(label))
        gen = torch.Generator().manual_seed(seed)
        latent = int(self.config["arch"]["latent"])
        self.module.eval()
        with torch.no_grad():
            y = torch.from_numpy(_one_hot(ys, len(classes))).to(self.device)
            z = torch.randn(n, latent, generator=gen).to(self.device)
            out = self.module.decode(z, y).cpu()
            lv = self.module.num_logvar.detach().cpu().clamp(-6, 4)
        return self._to_frame(out, lv, ys, gen)

    def _to_frame(
        self, out: torch.Tensor, lv: torch.Tensor, ys: np.ndarray, gen: torch.Generator
    ) -> pd.DataFrame:
        pre, cfg = self.preprocessor, self.config
        n_num = len(pre.numeric_columns)
        frame = pd.DataFrame(index=range(out.shape[0]))
        if n_num:
            noise = torch.randn(out.shape[0], n_num, generator=gen) * (0.5 * lv[:n_num]).exp()
            scaled = (out[:, :n_num] + noise).numpy().astype(np.float64)
            values = scaled * np.asarray(pre.stds) + np.asarray(pre.means)
            for j, name in enumerate(pre.numeric_columns):
                lo, hi = cfg["numeric_range"][name]
                col = np.clip(values[:, j], lo, hi)
                kind = cfg["numeric_kinds"][name]
                if kind == "int":
                    col = np.round(col).astype(np.int64)
                elif kind == "bool":
                    col = col >= 0.5
                frame[name] = col
        start = n_num
        for name in pre.categorical_columns:
            cats = pre.categories[name]
            logits = out[:, start : start + len(cats)]
            picks = torch.multinomial(torch.softmax(logits, dim=1), 1, generator=gen).squeeze(1)
            frame[name] = [cats[i] for i in picks.numpy()]
            start += len(cats)
        frame[cfg["label_column"]] = [self.classes[i] for i in ys]
        ordered = [c for c in cfg["column_order"] if c in frame.columns]
        return frame[ordered]

    # ----- scoring -------------------------------------------------------------------------
    def reconstruction_errors(self, frame: pd.DataFrame) -> np.ndarray:
        """Per-row reconstruction error, averaged over columns: squared error in standard
        deviations for numbers, cross-entropy for categories, decoded at the posterior mean.

        Rows are conditioned on their label when the label column is present and known;
        otherwise on the class that reconstructs them best.
        """
        pre = self.preprocessor
        x = torch.from_numpy(pre.transform(frame).toarray()).to(self.device)
        classes, label = self.classes, self.config["label_column"]
        k, n_num = len(classes), len(pre.numeric_columns)
        width = n_num + len(pre.categorical_columns)
        self.module.eval()
        errors = []
        with torch.no_grad():
            for c in range(k):
                y = torch.zeros(len(frame), k, device=self.device)
                y[:, c] = 1.0
                mu, _ = self.module.encode(x, y)
                out = self.module.decode(mu, y)
                err = ((x[:, :n_num] - out[:, :n_num]) ** 2).sum(dim=1)
                start = n_num
                for size in self.module.cat_sizes:
                    if size:
                        logp = torch.log_softmax(out[:, start : start + size], dim=1)
                        err = err - (x[:, start : start + size] * logp).sum(dim=1)
                    start += size
                errors.append((err / max(width, 1)).cpu().numpy())
        table = np.stack(errors, axis=1).astype(np.float64)
        best = table.min(axis=1)
        if label not in frame.columns:
            return best
        index = {c: i for i, c in enumerate(classes)}
        known = frame[label].astype(str).map(index).to_numpy()
        return np.array([table[r, int(i)] if pd.notna(i) else best[r] for r, i in enumerate(known)])


def prepare_generator_data(
    frame: pd.DataFrame,
    *,
    label_column: str,
    id_column: str | None,
    numeric_columns: list[str] | None,
    categorical_columns: list[str] | None,
    min_classes: int = 2,
) -> tuple[pd.DataFrame, ColumnSpec, list[str]]:
    """Validate the table for the generator: a label with two or more classes, mixed columns."""
    if frame.empty:
        raise BadInput("the dataset is empty", hint="give a labeled table with rows")
    if label_column not in frame.columns:
        raise column_not_found(label_column, frame.columns, argument="label_column", what="label")
    frame = frame[frame[label_column].notna()].reset_index(drop=True)
    classes = sorted(frame[label_column].astype(str).unique().tolist())
    if len(classes) < min_classes:
        raise BadInput(
            f"only one class ({classes[0] if classes else 'none'}) in {label_column!r}",
            hint="the conditional generator needs at least two classes",
            code="one_class",
        )
    spec = infer_columns(
        frame,
        label=label_column,
        id_column=id_column,
        numeric=numeric_columns,
        categorical=categorical_columns,
        text=[] if (numeric_columns is not None or categorical_columns is not None) else None,
    )
    spec.ignored += spec.text
    spec.text = []
    if not spec.numeric and not spec.categorical:
        raise BadInput(
            "no numeric or categorical columns to model",
            hint="the generator models tabular columns; text columns are not supported",
        )
    return frame, spec, classes


def train_cvae(
    frame: pd.DataFrame,
    spec: ColumnSpec,
    classes: list[str],
    *,
    latent: int = 8,
    hidden: int = 128,
    epochs: int = 300,
    batch_size: int = 64,
    learning_rate: float = 2e-3,
    beta: float = 1.0,
    seed: int = 0,
    device: str = "auto",
    on_epoch: Any = None,
) -> tuple[Generator, list[dict[str, Any]]]:
    """Fit the preprocessing and the CVAE on `frame` (ELBO: reconstruction + beta * KL)."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    dev = pick_device(device)
    pre = Preprocessor.fit(frame, spec)
    x_all = torch.from_numpy(pre.transform(frame).toarray()).to(dev)
    label = spec.label or ""
    index = {c: i for i, c in enumerate(classes)}
    ys = frame[label].astype(str).map(index).to_numpy()
    y_all = torch.from_numpy(_one_hot(ys, len(classes))).to(dev)
    cat_sizes = [len(pre.categories[c]) for c in pre.categorical_columns]
    with small_work_threads(dev, x_all.shape[1] * hidden + hidden * hidden):
        module = TabularCVAE(len(pre.numeric_columns), cat_sizes, len(classes), latent, hidden).to(
            dev
        )
        opt = torch.optim.Adam(module.parameters(), lr=learning_rate)
        n = len(frame)
        history: list[dict[str, Any]] = []
        for epoch in range(1, epochs + 1):
            module.train()
            order = rng.permutation(n)
            total_rec = total_kl = 0.0
            # KL warm-up over the first fifth of training keeps the latent code in use.
            weight = beta * min(1.0, epoch / max(1, epochs // 5))
            for start in range(0, n, batch_size):
                idx = torch.from_numpy(order[start : start + batch_size]).to(dev)
                x, y = x_all[idx], y_all[idx]
                mu, logvar = module.encode(x, y)
                z = mu + torch.randn_like(mu) * (0.5 * logvar).exp()
                rec = module.reconstruction(x, module.decode(z, y)).mean()
                kl = (-0.5 * (1 + logvar - mu**2 - logvar.exp()).sum(dim=1)).mean()
                loss = rec + weight * kl
                opt.zero_grad()
                loss.backward()
                opt.step()
                total_rec += float(rec.detach()) * len(idx)
                total_kl += float(kl.detach()) * len(idx)
            record = {"epoch": epoch, "reconstruction": total_rec / n, "kl": total_kl / n}
            history.append(record)
            if on_epoch is not None:
                on_epoch(epoch, epochs, record)
        kinds: dict[str, str] = {}
        ranges: dict[str, list[float]] = {}
        for name in pre.numeric_columns:
            col = frame[name]
            if pd.api.types.is_bool_dtype(col):
                kinds[name] = "bool"
            elif pd.api.types.is_integer_dtype(col):
                kinds[name] = "int"
            else:
                kinds[name] = "float"
            values = col.astype("float64")
            ranges[name] = [float(values.min()), float(values.max())]
        counts = frame[label].astype(str).value_counts()
        config = {
            "kind": "forgeflow.generator",
            "version": 1,
            "arch": {
                "n_numeric": len(pre.numeric_columns),
                "cat_sizes": cat_sizes,
                "n_classes": len(classes),
                "latent": latent,
                "hidden": hidden,
            },
            "classes": classes,
            "class_counts": {c: int(counts.get(c, 0)) for c in classes},
            "label_column": label,
            "id_column": spec.id,
            "numeric_kinds": kinds,
            "numeric_range": ranges,
            "column_order": [c for c in frame.columns if c in set(spec.features) | {label}],
            "ignored_columns": spec.ignored,
            "train_config": {
                "epochs": epochs,
                "batch_size": batch_size,
                "learning_rate": learning_rate,
                "beta": beta,
                "seed": seed,
            },
            "rows": n,
            "created_at": datetime.now(UTC).isoformat(),
        }
        return Generator(module, pre, config, dev), history


def load_generator(folder: Path, device: str = "auto") -> Generator:
    """Load a generator folder (JSON + safetensors only)."""
    config = open_artifact(
        folder,
        kind="forgeflow.generator",
        config_name=CONFIG,
        what="generator",
        hint="give the model_path returned by train_generator",
    )
    pre = Preprocessor.from_dict(read_json(folder / PREPROCESSING, "preprocessing"))
    arch = config["arch"]
    module = TabularCVAE(
        int(arch["n_numeric"]),
        [int(s) for s in arch["cat_sizes"]],
        int(arch["n_classes"]),
        int(arch["latent"]),
        int(arch["hidden"]),
    )
    dev = pick_device(device)
    load_weights(module, folder / WEIGHTS)
    return Generator(module.to(dev), pre, config, dev)


def utility(
    real_train: pd.DataFrame,
    synthetic: pd.DataFrame,
    real_test: pd.DataFrame,
    spec: ColumnSpec,
    classes: list[str],
) -> dict[str, Any]:
    """Train-on-synthetic / test-on-real against train-on-real, with logistic regression.

    Both classifiers use preprocessing fitted on their own training rows and are scored by
    ROC-AUC (one-vs-rest for more than two classes) on the same real test rows.
    """
    from sklearn.linear_model import LogisticRegression

    from tools.training.evaluate import compute_metrics

    label = spec.label or ""
    index = {c: i for i, c in enumerate(classes)}
    y_test = real_test[label].astype(str).map(index).to_numpy()
    scores = {}
    for name, train in (("real", real_train), ("synthetic", synthetic)):
        pre = Preprocessor.fit(train, ColumnSpec(None, None, [], spec.numeric, spec.categorical))
        y = train[label].astype(str).map(index).to_numpy()
        if len(set(y)) < 2:
            scores[name] = None
            continue
        clf = LogisticRegression(max_iter=2000)
        clf.fit(pre.transform(train), y)
        proba = np.zeros((len(real_test), len(classes)))
        proba[:, clf.classes_] = clf.predict_proba(pre.transform(real_test))
        scores[name] = compute_metrics(y_test, proba, classes)["auc"]
    real, syn = scores["real"], scores["synthetic"]
    return {
        "metric": "auc",
        "train_on_real": real,
        "train_on_synthetic": syn,
        "gap": None if real is None or syn is None else round(real - syn, 6),
        "ratio": None if not real or syn is None else round(syn / real, 6),
        "test_rows": int(len(real_test)),
    }


def plot_generator_curves(history: list[dict[str, Any]], path: Path) -> None:
    """Reconstruction and KL terms per epoch, as PNG."""
    from tools.training.evaluate import new_figure

    fig, ax = new_figure((6, 4))
    epochs = [h["epoch"] for h in history]
    ax.plot(epochs, [h["reconstruction"] for h in history], label="reconstruction")
    ax.plot(epochs, [h["kl"] for h in history], label="KL")
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss term (mean per row)")
    ax.set_title("Generator training: reconstruction and KL terms")
    # Under the plot, so it never covers a curve.
    fig.legend(loc="lower center", ncol=2, fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    fig.savefig(path, dpi=100)
