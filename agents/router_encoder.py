"""The router's own MiniLM: its top layers fine-tuned on a fit's rows (SetFit-style), as arrays.

`Encoder` runs the packaged all-MiniLM-L6-v2 (`tools/labeling/embeddings.py`) with its lower
layers frozen (their outputs computed once per text) and its top `layers` transformer layers
trained for one epoch, either with a supervised contrastive loss (`supcon`: texts of the same
tool sequence pulled together, batches of 16 sequences x 4 texts) or a cosine classifier head
(`ce`); embeddings are mean-pooled and unit length, as the packaged pipeline's are (untuned,
they are the packaged embeddings). `tuned` is what `agents/router.py` calls when
`router.TUNED_LAYERS` is on: the tuned layers are kept in the cache folder as plain arrays
(no pickles) and loaded, not retrained, while the fit's rows are unchanged.
"""

from __future__ import annotations

import collections
import math
import threading
from pathlib import Path
from typing import Any

import numpy as np

SEED = 0
VERSION = "router-encoder-v2"
"""Part of a tuned fit's cache name: bump when the tuning changes (v2: the lower layers' batches
in a fixed order, so two fits of the same rows are the same arrays)."""


def unseen_in_order(texts: list[str], seen: Any) -> list[str]:
    """The distinct texts not in `seen`, by (length, text): batches of like lengths (little
    padding) whose make-up does not follow the hash seed, as a set's order would.
    """
    return sorted({t for t in texts if t not in seen}, key=lambda t: (len(t), t))


class Encoder:
    """MiniLM with its lower layers' outputs kept per text, so that tuning and re-embedding run
    the top `layers` transformer layers alone (mean pooling and unit length, as the packaged
    sentence-transformers pipeline does).
    """

    def __init__(self, layers: int) -> None:
        import importlib

        import torch

        from tools.labeling import embeddings

        torch.manual_seed(SEED)
        module = importlib.import_module(embeddings.PACKAGE)
        with embeddings.quiet_loading():
            self.st = module.load_model(device="cpu")
        self.bert = self.st[0].auto_model
        self.tokenizer = self.st.tokenizer
        self.split = len(self.bert.encoder.layer) - layers
        self.lower: dict[str, Any] = {}
        self.lock = threading.Lock()
        self.initial = {k: v.clone() for k, v in self.bert.state_dict().items()}

    def reset(self) -> None:
        """The packaged weights again (each fold tunes from the same start)."""
        self.bert.load_state_dict(self.initial)

    def prepare(self, texts: list[str]) -> None:
        """Run the embedding layer and the frozen lower layers once for the texts not yet seen."""
        import torch

        missing = unseen_in_order(texts, self.lower)
        self.bert.eval()
        with torch.no_grad():
            for start in range(0, len(missing), 64):
                batch = missing[start : start + 64]
                tokens = self.tokenizer(
                    batch, padding=True, truncation=True, max_length=128, return_tensors="pt"
                )
                hidden = self.bert.embeddings(
                    input_ids=tokens["input_ids"], token_type_ids=tokens.get("token_type_ids")
                )
                mask = self._mask(tokens["attention_mask"], hidden)
                for layer in self.bert.encoder.layer[: self.split]:
                    hidden = layer(hidden, mask)
                for i, text in enumerate(batch):
                    n = int(tokens["attention_mask"][i].sum())
                    self.lower[text] = hidden[i, :n].clone()

    def _mask(self, attention: Any, hidden: Any) -> Any:
        mask, _ = self.bert._create_attention_masks(
            attention_mask=attention,
            encoder_attention_mask=None,
            embedding_output=hidden,
            encoder_hidden_states=None,
            cache=None,
        )
        return mask

    def top(self, texts: list[str]) -> Any:
        """Unit-length embeddings of the texts through the top layers (gradients as the mode)."""
        import torch

        states = [self.lower[t] for t in texts]
        width = max(len(s) for s in states)
        hidden = torch.zeros(len(states), width, states[0].shape[1])
        attention = torch.zeros(len(states), width, dtype=torch.long)
        for i, s in enumerate(states):
            hidden[i, : len(s)] = s
            attention[i, : len(s)] = 1
        mask = self._mask(attention, hidden)
        for layer in self.bert.encoder.layer[self.split :]:
            hidden = layer(hidden, mask)
        weights = attention.unsqueeze(-1).float()
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, dim=1)

    def embed(self, texts: list[str], keep: bool = True) -> np.ndarray:
        """Unit-length embeddings (rows x 384); `keep`: remember the texts' lower-layer outputs."""
        import torch

        with self.lock:
            known = set(self.lower)
            self.prepare(texts)
            self.bert.eval()
            out = []
            order = sorted(range(len(texts)), key=lambda i: len(self.lower[texts[i]]))
            with torch.no_grad():
                for start in range(0, len(order), 64):
                    chunk = [texts[i] for i in order[start : start + 64]]
                    out.append(self.top(chunk).numpy())
            if not keep:
                for text in set(texts) - known:
                    self.lower.pop(text, None)
        vectors = np.concatenate(out) if out else np.zeros((0, 384), np.float32)
        result = np.zeros_like(vectors)
        result[order] = vectors
        return result

    def arrays(self) -> dict[str, np.ndarray]:
        """The top layers' weights by name (what `load` reads back)."""
        layers = self.bert.encoder.layer[self.split :]
        return {
            f"{i}/{name}": value.detach().numpy().copy()
            for i, layer in enumerate(layers)
            for name, value in layer.state_dict().items()
        }

    def load(self, path: Path) -> bool:
        """The top layers' weights from `path` (False when missing or not of this shape)."""
        import torch

        try:
            with np.load(path, allow_pickle=False) as saved:
                arrays = {k: saved[k] for k in saved.files}
        except (OSError, ValueError):
            return False
        mine = self.arrays()
        if set(arrays) != set(mine) or any(arrays[k].shape != mine[k].shape for k in mine):
            return False
        for i, layer in enumerate(self.bert.encoder.layer[self.split :]):
            prefix = f"{i}/"
            state = {
                k[len(prefix) :]: torch.from_numpy(v)
                for k, v in arrays.items()
                if k.startswith(prefix)
            }
            layer.load_state_dict(state)
        return True

    def tune(self, texts: list[str], y: list[str], loss: str, steps: int | None) -> Any:
        """Fine-tune the top layers on the fold's rows; returns the `ce` head (or None)."""
        import random

        import torch

        self.prepare(texts)
        rng = random.Random(SEED)
        torch.manual_seed(SEED)
        by_label: dict[str, list[str]] = collections.defaultdict(list)
        for text, label in zip(texts, y, strict=True):
            by_label[label].append(text)
        classes = sorted(by_label)
        params = [p for layer in self.bert.encoder.layer[self.split :] for p in layer.parameters()]
        head = None
        groups: list[dict[str, Any]] = [{"params": params, "lr": 5e-5}]
        if loss == "ce":
            head = torch.nn.Linear(384, len(classes), bias=True)
            groups.append({"params": list(head.parameters()), "lr": 1e-2})
        optimiser = torch.optim.AdamW(groups, weight_decay=0.01)
        steps = steps or math.ceil(len(texts) / 64)
        pairs = [c for c in classes if len(by_label[c]) >= 2]
        index = {c: i for i, c in enumerate(classes)}
        order = list(range(len(texts)))
        rng.shuffle(order)
        self.bert.train()
        for step in range(steps):
            if loss == "supcon":  # 16 sequences x 4 texts: every anchor has positives
                chosen = rng.sample(pairs, min(16, len(pairs)))
                batch = [
                    (t, c)
                    for c in chosen
                    for t in rng.sample(by_label[c], min(4, len(by_label[c])))
                ]
            else:
                picks = [order[(step * 64 + i) % len(order)] for i in range(64)]
                batch = [(texts[i], y[i]) for i in picks]
            z = self.top([t for t, _ in batch])
            labels = torch.tensor([index[c] for _, c in batch])
            if loss == "supcon":
                sims = z @ z.T / 0.05
                eye = torch.eye(len(batch), dtype=torch.bool)
                sims = sims.masked_fill(eye, -1e9)
                logp = sims - torch.logsumexp(sims, dim=1, keepdim=True)
                positive = (labels[:, None] == labels[None, :]) & ~eye
                count = positive.sum(1)
                value = -(logp * positive).sum(1)[count > 0] / count[count > 0]
                value = value.mean()
            else:
                value = torch.nn.functional.cross_entropy(head(z) * 20.0, labels)
            optimiser.zero_grad()
            value.backward()
            optimiser.step()
        self.bert.eval()
        return (head, classes) if head is not None else None


def tuned(texts: list[str], labels: list[str], layers: int, path: Path) -> Encoder:
    """MiniLM with its top `layers` layers tuned (`supcon`, one epoch) on these rows: loaded
    from `path` when kept there, else tuned now and kept.
    """
    from tools.labeling import embeddings

    encoder = Encoder(layers)
    if not encoder.load(path):
        encoder.tune(texts, labels, "supcon", None)
        encoder.lower.clear()  # the training texts' lower-layer outputs are not needed again
        arrays = encoder.arrays()
        embeddings.keep(path, lambda out: np.savez(out, **arrays))
    return encoder
