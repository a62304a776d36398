"""The planner's phrase embeddings are kept on disk between processes, safely."""

from __future__ import annotations

import numpy as np
import pytest

from settings import reset_settings
from tools.labeling import embeddings


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FORGEFLOW_CACHE_DIR", str(tmp_path / "cache"))
    reset_settings()
    yield tmp_path / "cache"
    reset_settings()


def _fake_embed(calls: list[int]):
    def embed(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        rows = [np.full(384, float(len(t)), dtype=np.float32) for t in texts]
        return np.stack(rows)

    return embed


def test_second_process_reads_the_file_instead_of_embedding(cache, monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(embeddings, "embed", _fake_embed(calls))
    phrases = ["count the llamas in pasture.csv", "draft quiz cards from notes.md"]
    first = embeddings.embed_corpus(phrases)
    again = embeddings.embed_corpus(phrases)
    assert calls == [2]  # the second call (a new process in real life) embedded nothing
    assert np.array_equal(first, again)
    assert len(list(cache.glob("phrases-*.npy"))) == 1
    embeddings.embed_corpus([*phrases, "one more phrasing"])
    assert calls == [2, 3]  # a changed corpus is embedded again, under another name


def test_a_damaged_or_wrong_shaped_file_is_ignored(cache, monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(embeddings, "embed", _fake_embed(calls))
    phrases = ["sort the otter sightings by river"]
    embeddings.embed_corpus(phrases)
    (path,) = cache.glob("phrases-*.npy")
    path.write_bytes(b"not an array at all")
    out = embeddings.embed_corpus(phrases)
    assert out.shape == (1, 384) and calls == [1, 1]
    np.save(path, np.zeros((5, 3), dtype=np.float32))
    assert embeddings.embed_corpus(phrases).shape == (1, 384) and calls == [1, 1, 1]


def test_an_unwritable_cache_folder_still_returns_vectors(tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("FORGEFLOW_CACHE_DIR", str(blocker / "cache"))
    reset_settings()
    monkeypatch.setattr(embeddings, "embed", _fake_embed([]))
    try:
        assert embeddings.embed_corpus(["tally the kites"]).shape == (1, 384)
    finally:
        reset_settings()
