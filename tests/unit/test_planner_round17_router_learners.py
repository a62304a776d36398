"""Seventeenth round: the router's optional fine-tuned encoder (`router.TUNED_LAYERS`)."""

from __future__ import annotations

import numpy as np
import pytest

from agents import router


def _bare_model(threads: bool = False) -> router.Model:
    model = router.Model.__new__(router.Model)
    model.threads = threads
    model.use_embeddings = True
    return model


def _name(monkeypatch: pytest.MonkeyPatch, layers: int, threads: bool = False) -> str:
    monkeypatch.setattr(router, "TUNED_LAYERS", layers)
    texts, y = ["count the kayaks in the table", "sort the paddles"], ["a", "b"]
    path = router.Model._path(_bare_model(threads), texts, y, np.ones(2), ["fresh", "fresh"])
    return path.name


def test_tuned_encoder_changes_the_fresh_fits_name_only(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _name(monkeypatch, 0) != _name(monkeypatch, 4)
    assert _name(monkeypatch, 2) != _name(monkeypatch, 4)
    # the thread fit keeps the packaged embedding: its name does not move
    assert _name(monkeypatch, 0, threads=True) == _name(monkeypatch, 4, threads=True)


class _FakeEncoder:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed(self, texts: list[str], keep: bool = True) -> np.ndarray:
        self.seen += texts
        return np.full((len(texts), 384), 0.25, dtype=np.float32)


def test_features_use_the_tuned_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    model = _bare_model()
    model.word = TfidfVectorizer(**router.WORD).fit(["rent a kayak", "return the kayak"])
    model.char = TfidfVectorizer(**{**router.CHAR, "min_df": 1}).fit(["rent a kayak"])
    model.encoder = _FakeEncoder()

    def packaged(text: str) -> np.ndarray:
        raise AssertionError("the packaged embedding was used")

    monkeypatch.setattr(router.semantic, "_embed_one", packaged)
    row = model.features("rent a canoe").toarray().ravel()
    assert model.encoder.seen == ["rent a canoe"]
    assert np.allclose(row[-384:], 0.25 * router.EMBED_WEIGHT)


def test_encoder_reproduces_then_keeps_its_tuning(tmp_path) -> None:  # noqa: ANN001
    from tools.labeling import embeddings

    if not embeddings.available():
        pytest.skip("packaged MiniLM not installed")
    from agents import router_encoder

    texts = [
        "book a canoe for saturday",
        "reserve two kayaks",
        "book a paddle board",
        "reserve a rowing boat",
        "cancel my canoe booking",
        "drop the kayak reservation",
        "cancel the paddle board",
        "call off the rowing boat",
    ]
    labels = ["book"] * 4 + ["cancel"] * 4
    encoder = router_encoder.Encoder(2)
    before = encoder.embed(texts)
    # untuned, the top-layers path is the packaged pipeline
    assert np.min(np.sum(before * embeddings.embed(texts), axis=1)) > 0.999
    encoder.tune(texts, labels, "supcon", 2)
    after = encoder.embed(texts)
    assert not np.allclose(before, after)
    path = tmp_path / "encoder.npz"
    arrays = encoder.arrays()
    embeddings.keep(path, lambda out: np.savez(out, **arrays))
    again = router_encoder.Encoder(2)
    assert again.load(path)
    assert np.allclose(again.embed(texts), after, atol=1e-5)
    assert not router_encoder.Encoder(3).load(path)  # other layers: not this tuning
