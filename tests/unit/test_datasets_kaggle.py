"""Kaggle dataset tools through the real `kaggle` package against a fake Kaggle API."""

from __future__ import annotations

import io
import threading
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest

from errors import BadInput, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UpstreamError
from graphs.workflows import call_tool
from settings import get_settings, reset_settings
from tests.utils.fake_kaggle import FakeKaggle, isolate_kaggle
from tests.utils.servers import free_port
from tools.base import ToolContext
from tools.cache import CACHE

ALICE = {"kaggle_username": "alice", "kaggle_key": "alice-key"}
IRIS_V1 = {"Iris.csv": b"sepal,species\n5.1,setosa\n4.9,setosa\n6.3,virginica\n"}
IRIS_V2 = {"Iris.csv": b"sepal,species\n5.1,setosa\n", "extra/notes.jsonl": b'{"a": 1}\n'}


@pytest.fixture(scope="module")
def kaggle_server() -> Iterator[FakeKaggle]:
    fake = FakeKaggle()
    with fake.serve():
        yield fake


@pytest.fixture
def kg(kaggle_server: FakeKaggle, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeKaggle]:
    """The fake Kaggle with a few datasets; FORGEFLOW_KAGGLE_ENDPOINT points at it."""
    isolate_kaggle(monkeypatch)
    fake = kaggle_server
    fake.datasets.clear()
    fake.requests.clear()
    fake.users = {"alice": "alice-key", "bob": "bob-key"}
    fake.add_dataset("uciml/iris", "Iris Species", dict(IRIS_V1), vote_count=50, tags=["plants"])
    fake.add_dataset(
        "alice/sentiment-tweets",
        "Sentiment Tweets",
        {"tweets.csv": b"text,label\nyay,pos\nnay,neg\n"},
        vote_count=90,
        download_count=5,
        subtitle="Tweets labelled by sentiment",
        last_updated="2024-06-01T00:00:00.000Z",
    )
    fake.add_dataset(
        "bob/movie-sentiment",
        "Movie sentiment",
        {"reviews.csv": b"text,label\ngood,pos\n"},
        vote_count=10,
        download_count=500,
    )
    assert fake.server is not None
    monkeypatch.setenv("FORGEFLOW_KAGGLE_ENDPOINT", fake.server.url)
    reset_settings()
    CACHE.clear()
    yield fake
    CACHE.clear()


def run(name: str, args: dict[str, Any], creds: dict[str, str] | None = None) -> dict[str, Any]:
    return call_tool(name, args, ToolContext(credentials=dict(ALICE if creds is None else creds)))


def test_search_returns_kaggle_items_through_the_real_client(kg: FakeKaggle) -> None:
    out = run("search_datasets", {"query": "sentiment", "source": "kaggle"})
    items = out["by_source"]["kaggle"]
    assert {i["id"] for i in items} == {"alice/sentiment-tweets", "bob/movie-sentiment"}
    tweets = next(i for i in items if i["id"] == "alice/sentiment-tweets")
    assert tweets["title"] == "Sentiment Tweets" and tweets["owner"] == "alice"
    assert tweets["voteCount"] == 90 and tweets["downloadCount"] == 5
    assert tweets["size"] == len(b"text,label\nyay,pos\nnay,neg\n")
    assert tweets["lastUpdated"].startswith("2024-06-01")
    assert tweets["url"] == "https://www.kaggle.com/datasets/alice/sentiment-tweets"
    assert tweets["description"] == "Tweets labelled by sentiment"
    call = kg.calls("ListDatasets")[0]
    assert call["body"]["search"] == "sentiment" and call["user"] == "alice"


def test_trending_uses_the_kaggle_sort(kg: FakeKaggle) -> None:
    votes = run("trending_datasets", {"source": "kaggle", "kaggle_sort": "votes"})
    assert [i["id"] for i in votes["kaggle"]][0] == "alice/sentiment-tweets"
    hottest = run("trending_datasets", {"source": "kaggle", "kaggle_sort": "hottest"})
    assert hottest["kaggle"][0]["id"] == "bob/movie-sentiment"
    sorts = [c["body"].get("sortBy") for c in kg.calls("ListDatasets")]
    assert sorts == ["DATASET_SORT_BY_VOTES", None]  # hottest is the default, left out on the wire


def test_suggestions_prefer_slug_prefix(kg: FakeKaggle) -> None:
    out = run("suggest_datasets", {"query": "movie", "source": "kaggle"})
    assert out["suggestions"][0]["id"] == "bob/movie-sentiment"


def test_missing_credentials_say_which_headers_to_set(kg: FakeKaggle) -> None:
    with pytest.raises(Unauthorized) as err:
        run("search_datasets", {"query": "iris", "source": "kaggle"}, creds={})
    assert err.value.status_code == 401
    assert "X-Kaggle-Username" in err.value.hint and "KAGGLE_KEY" in err.value.hint
    assert not kg.requests


def test_wrong_credentials_are_unauthorized(kg: FakeKaggle) -> None:
    with pytest.raises(Unauthorized):
        run(
            "search_datasets",
            {"query": "iris", "source": "kaggle"},
            creds={"kaggle_username": "alice", "kaggle_key": "wrong"},
        )


def test_all_sources_report_a_kaggle_failure_and_keep_the_rest(kg: FakeKaggle) -> None:
    out = run("search_datasets", {"query": "iris", "source": "all"}, creds={})
    assert out["errors"]["kaggle"]["code"] == "kaggle_credentials"
    assert out["by_source"]["local"][0]["id"] == "iris"
    assert "kaggle" not in out["by_source"]


def test_unreachable_kaggle_names_the_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORGEFLOW_KAGGLE_ENDPOINT", f"http://127.0.0.1:{free_port()}")
    reset_settings()
    with pytest.raises(UpstreamError) as err:
        run("search_datasets", {"query": "iris", "source": "kaggle"})
    assert "Kaggle" in err.value.message and err.value.code == "source_unreachable"


def test_cache_keys_separate_kaggle_accounts(kg: FakeKaggle) -> None:
    run("search_datasets", {"query": "iris", "source": "kaggle"})
    run("search_datasets", {"query": "iris", "source": "kaggle"})
    assert len(kg.calls("ListDatasets")) == 1
    bob = {"kaggle_username": "bob", "kaggle_key": "bob-key"}
    run("search_datasets", {"query": "iris", "source": "kaggle"}, creds=bob)
    assert [c["user"] for c in kg.calls("ListDatasets")] == ["alice", "bob"]
    assert "bob-key" not in repr(CACHE._entries.keys())


def test_download_extracts_records_version_and_rows(kg: FakeKaggle) -> None:
    out = run("download_dataset", {"source": "kaggle", "dataset_id": "uciml/iris"})
    record = out["dataset"]
    assert record["revision"] == "1" and record["path"] == "datasets/kaggle/uciml/iris/1"
    assert record["files"] == [{"path": "Iris.csv", "size": len(IRIS_V1["Iris.csv"]), "rows": 3}]
    assert record["rows"] == 3
    assert not (get_settings().workspace / record["path"] / ".download").exists()
    inspected = call_tool("inspect_dataset", {"dataset": record["id"]}, ToolContext())
    assert inspected["rows"] == 3 and inspected["label_column"] is None
    again = run("download_dataset", {"source": "kaggle", "dataset_id": "uciml/iris"})
    assert again["reused"] is True and len(kg.calls("DownloadDataset")) == 1


def test_download_pins_a_version(kg: FakeKaggle) -> None:
    kg.add_version("uciml/iris", IRIS_V2)
    latest = run("download_dataset", {"source": "kaggle", "dataset_id": "uciml/iris"})
    assert latest["dataset"]["revision"] == "2" and latest["dataset"]["rows"] == 2
    pinned = run(
        "download_dataset", {"source": "kaggle", "dataset_id": "uciml/iris", "revision": "1"}
    )
    assert pinned["dataset"]["revision"] == "1" and pinned["dataset"]["rows"] == 3
    assert kg.calls("DownloadDataset")[-1]["body"]["datasetVersionNumber"] == 1


def test_download_of_an_unknown_dataset_is_not_found(kg: FakeKaggle) -> None:
    with pytest.raises(NotFound):
        run("download_dataset", {"source": "kaggle", "dataset_id": "nobody/nothing"})


@pytest.mark.parametrize("bad", ["iris", "../x/y", "a/b/c/d", "a/.."])
def test_bad_kaggle_ids_are_refused(kg: FakeKaggle, bad: str) -> None:
    with pytest.raises(BadInput):
        run("download_dataset", {"source": "kaggle", "dataset_id": bad})
    assert not kg.requests


def test_non_numeric_kaggle_revision_is_refused(kg: FakeKaggle) -> None:
    with pytest.raises(BadInput):
        run("download_dataset", {"source": "kaggle", "dataset_id": "uciml/iris", "revision": "abc"})


def test_download_over_the_limit_stops_before_fetching(
    kg: FakeKaggle, monkeypatch: pytest.MonkeyPatch
) -> None:
    kg.add_dataset("big/one", "Big", {"big.csv": b"x\n" + b"1\n" * 5000})
    monkeypatch.setenv("FORGEFLOW_MAX_DOWNLOAD_MB", "0.001")
    reset_settings()
    with pytest.raises(PayloadTooLarge):
        run("download_dataset", {"source": "kaggle", "dataset_id": "big/one"})
    assert not kg.calls("DownloadDataset")


def test_zip_with_traversal_is_refused_and_nothing_kept(kg: FakeKaggle) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("ok.csv", "a\n1\n")
        zf.writestr("../../../evil.csv", "a\n1\n")
    kg.add_dataset("evil/zip", "Evil", {"ok.csv": b"a\n1\n"}, raw_archive=buf.getvalue())
    with pytest.raises(Forbidden) as err:
        run("download_dataset", {"source": "kaggle", "dataset_id": "evil/zip"})
    assert err.value.code == "unsafe_archive"
    home = get_settings().home_dir
    assert not list(home.parent.rglob("evil.csv"))
    assert not (get_settings().workspace / "datasets/kaggle/evil").exists()


def test_concurrent_requests_keep_their_own_kaggle_accounts(kg: FakeKaggle) -> None:
    errors: list[BaseException] = []
    accounts = [ALICE, {"kaggle_username": "bob", "kaggle_key": "bob-key"}]

    def worker(creds: dict[str, str]) -> None:
        try:
            for i in range(3):
                CACHE.clear()
                run("search_datasets", {"query": f"s{i}", "source": "kaggle"}, creds=creds)
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(a,)) for a in accounts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    users = [c["user"] for c in kg.calls("ListDatasets")]
    assert sorted(users) == ["alice"] * 3 + ["bob"] * 3
