"""The direct one-text forward gives sentence-transformers' encode vectors, or stands aside."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from tools.labeling import embeddings, one_text

needs_model = pytest.mark.skipif(
    not embeddings.available(), reason="the packaged embedding model is missing"
)

TEXTS = [
    "",
    "  sort out which of the kiln firings in batches.csv went wrong   ",
    "could you teach something to guess from orchard_yields.parquet whether a tree fruits late",
    "Crème brûlée ratings — naïve über-fans, 東京 and 🙂 emoji too?",
    "quarry " * 200,  # far beyond the 128-token limit: truncated the same way
]


@needs_model
@pytest.mark.parametrize("text", TEXTS)
def test_the_direct_forward_gives_encodes_vector(text: str) -> None:
    model = embeddings._load()
    expected = np.asarray(model.encode([text], normalize_embeddings=True), dtype=np.float32)[0]
    got = embeddings.embed_one(text)
    assert isinstance(embeddings._one, one_text.Forward)  # the fast path is the one measured
    assert got.shape == (384,) and got.dtype == np.float32
    assert float(np.abs(got - expected).max()) <= one_text.TOLERANCE
    assert abs(float(np.linalg.norm(got)) - 1.0) < 1e-5


@needs_model
def test_a_forward_that_disagrees_with_encode_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    model = embeddings._load()
    honest = one_text.Forward.__call__

    def drifted(self: one_text.Forward, text: str) -> np.ndarray:
        return honest(self, text) + 1e-3

    monkeypatch.setattr(one_text.Forward, "__call__", drifted)
    assert one_text.build(model) is None


Normalize = type("Normalize", (), {})


def _pipeline(pooling: str = "mean", **config: Any) -> list[Any]:
    """A stand-in sentence-transformers pipeline: Transformer, Pooling, Normalize."""
    settings = {"model_type": "bert", "hidden_act": "gelu", "position_embedding_type": "absolute"}
    auto_model = SimpleNamespace(config=SimpleNamespace(**{**settings, **config}))
    return [
        SimpleNamespace(auto_model=auto_model),
        SimpleNamespace(pooling_mode=pooling),
        Normalize(),
    ]


def test_only_the_pipeline_it_reproduces_is_accepted() -> None:
    assert one_text.supported(_pipeline())
    assert not one_text.supported(_pipeline(pooling="cls"))
    assert one_text.build(_pipeline(pooling="cls")) is None  # encode stays
    assert not one_text.supported(_pipeline(hidden_act="gelu_new"))
    assert not one_text.supported(_pipeline(position_embedding_type="relative_key"))
    assert not one_text.supported(_pipeline(model_type="roberta"))
    assert not one_text.supported(_pipeline()[:2])  # no normalisation step
    assert not one_text.supported(object())  # not a module sequence at all
