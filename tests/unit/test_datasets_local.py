"""Local dataset search/suggest/download, workspace confinement of download paths, and the TTL cache."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Any

import pytest

from errors import BadInput, NotFound, UpstreamError
from graphs.workflows import call_tool
from settings import get_settings, reset_settings
from tools.base import ToolContext
from tools.cache import TTLCache, credential_identity


def run(name: str, args: dict[str, Any]) -> dict[str, Any]:
    return call_tool(name, args, ToolContext())


@pytest.fixture
def data_dirs(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file in $FORGEFLOW_HOME/data and three in an extra FORGEFLOW_DATA_DIRS folder."""
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "reviews_sentiment.tsv").write_text("text\tlabel\ngood\tpos\nbad\tneg\n")
    (extra / "tickets.jsonl").write_text('{"text": "help", "label": "bug"}\n')
    with gzip.open(extra / "news.csv.gz", "wt") as fh:
        fh.write("text,label\nhello,a\n")
    monkeypatch.setenv("FORGEFLOW_DATA_DIRS", str(extra))
    reset_settings()
    (get_settings().data_dir / "spam_sms.csv").write_text("text,label\nwin,spam\nhi,ham\n")
    return extra


def test_local_search_finds_bundled_sets_by_their_description() -> None:
    out = run("search_datasets", {"query": "flowers", "source": "local"})
    assert out["results"][0]["id"] == "iris"
    assert out["results"][0]["source"] == "local" and "bundled" in out["results"][0]["tags"]


def test_local_search_finds_files_in_every_data_folder(data_dirs: Path) -> None:
    found = run("search_datasets", {"query": "sentiment", "source": "local", "limit": 50})
    assert [Path(i["id"]).name for i in found["results"]] == ["reviews_sentiment.tsv"]
    spam = run("search_datasets", {"query": "spam", "source": "local"})["results"][0]
    assert spam["size"] > 0 and spam["lastUpdated"] and spam["tags"] == ["csv"]
    news = run("search_datasets", {"query": "news", "source": "local"})["results"]
    assert any(i["tags"] == ["csv"] and i["id"].endswith("news.csv.gz") for i in news)


def test_local_suggestions_complete_a_prefix(data_dirs: Path) -> None:
    out = run("suggest_datasets", {"query": "tick", "source": "local"})
    assert [Path(s["id"]).name for s in out["suggestions"]] == ["tickets.jsonl"]
    assert (
        run("suggest_datasets", {"query": "bre", "source": "local"})["suggestions"][0]["id"]
        == "breast_cancer"
    )


def test_local_download_confirms_the_set_loads(data_dirs: Path) -> None:
    out = run("download_dataset", {"source": "local", "dataset_id": "spam_sms.csv"})
    assert out["reused"] is True and out["dataset"]["columns"] == ["text", "label"]
    assert run("inspect_dataset", {"dataset": out["dataset"]["id"]})["rows"] == 2
    with pytest.raises(NotFound):
        run("download_dataset", {"source": "local", "dataset_id": "missing.csv"})


@pytest.mark.parametrize("path", ["../outside", "/etc", "a/../../outside"])
def test_download_path_outside_the_workspace_is_refused(path: str) -> None:
    with pytest.raises(BadInput) as err:
        run("download_dataset", {"source": "huggingface", "dataset_id": "a/b", "path": path})
    assert err.value.code == "path_outside_workspace" and err.value.status_code == 400


def test_download_path_through_a_symlink_leading_out_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, get_settings().workspace / "link")
    with pytest.raises(BadInput) as err:
        run("download_dataset", {"source": "kaggle", "dataset_id": "a/b", "path": "link/sub"})
    assert err.value.code == "path_outside_workspace"
    assert not list(outside.iterdir())


def test_cache_expires_after_the_ttl(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    monkeypatch.setattr("tools.cache.time.monotonic", lambda: clock[0])
    cache = TTLCache(ttl=10)
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    key = cache.make_key("list:huggingface", "anon", query="x")
    assert cache.get_or_compute(key, compute) == (1, False)
    clock[0] += 9
    assert cache.get_or_compute(key, compute) == (1, True)
    clock[0] += 2
    assert cache.get_or_compute(key, compute) == (2, False)
    status = cache.status()
    assert status["hits"] == 1 and status["misses"] == 2 and status["entries"] == 1
    assert status["items"][0]["namespace"] == "list"


def test_cache_does_not_keep_errors() -> None:
    cache = TTLCache(ttl=60)
    key = cache.make_key("configs:huggingface", "anon", dataset_id="x")

    def fail() -> int:
        raise UpstreamError("down")

    with pytest.raises(UpstreamError):
        cache.get_or_compute(key, fail)
    assert cache.get_or_compute(key, lambda: 5) == (5, False)


def test_credential_identity_is_one_way_and_distinct() -> None:
    a = credential_identity("hf", "hf_secret_token_a")
    assert "secret" not in a and len(a) == 16
    assert a != credential_identity("hf", "hf_secret_token_b")
    assert credential_identity(None, "") == "anon"
