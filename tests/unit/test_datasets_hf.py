"""Hugging Face dataset tools through the real huggingface_hub client against a fake Hub."""

from __future__ import annotations

import io
import tarfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from errors import BadInput, Forbidden, NotFound, PayloadTooLarge, Unauthorized, UpstreamError
from graphs.workflows import call_tool
from tests.utils.fake_hub import FakeHub, point_hf_at
from tests.utils.servers import free_port
from tools.base import ToolContext
from tools.cache import CACHE

GLUE_CARD = {
    "configs": [
        {
            "config_name": "cola",
            "data_files": [
                {"split": "train", "path": "cola/train-*.parquet"},
                {"split": "validation", "path": "cola/validation-*.parquet"},
            ],
            "default": True,
        },
        {"config_name": "sst2", "data_files": [{"split": "train", "path": "sst2/train.csv"}]},
    ],
    "dataset_info": [
        {
            "config_name": "cola",
            "splits": [
                {"name": "train", "num_examples": 4, "num_bytes": 120},
                {"name": "validation", "num_examples": 2, "num_bytes": 60},
            ],
            "download_size": 900,
            "dataset_size": 180,
        }
    ],
}


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    frame.to_parquet(buf, index=False)
    return buf.getvalue()


def glue_files(tag: str = "v1") -> dict[str, bytes]:
    train = pd.DataFrame(
        {"sentence": [f"{tag} a", "b", "c", "d"], "label": ["ok", "bad", "ok", "ok"]}
    )
    valid = pd.DataFrame({"sentence": ["e", "f"], "label": ["ok", "bad"]})
    return {
        "README.md": b"# GLUE",
        "cola/train-00000-of-00001.parquet": parquet_bytes(train),
        "cola/validation-00000-of-00001.parquet": parquet_bytes(valid),
        "sst2/train.csv": b"sentence,label\ngreat,1\nawful,0\nfine,1\n",
    }


@pytest.fixture(scope="module")
def hub_server() -> Iterator[FakeHub]:
    """One fake Hub server for the module (its state is reset for every test)."""
    fake = FakeHub()
    with fake.serve():
        yield fake


@pytest.fixture
def hub(hub_server: FakeHub, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    """A fake Hub with a few datasets and models, and the client pointed at it."""
    fake = hub_server
    fake.reset()
    fake.add_dataset(
        "nyu-mll/glue",
        glue_files(),
        card=GLUE_CARD,
        downloads=500,
        likes=40,
        trending=5,
        tags=["task_categories:text-classification"],
        description="General Language Understanding Evaluation benchmark",
    )
    fake.add_dataset(
        "stanfordnlp/imdb",
        {"plain_text/train.csv": b"text,label\ngood film,pos\nbad film,neg\n"},
        downloads=900,
        likes=10,
        trending=50,
        description="Large movie review dataset for sentiment",
    )
    fake.add_dataset(
        "acme/sentiment-tweets",
        {"data.jsonl": b'{"text": "yay", "label": "pos"}\n{"text": "nay", "label": "neg"}\n'},
        downloads=20,
        likes=99,
        trending=1,
    )
    fake.add_dataset("acme/gated-set", {"data.csv": b"a,b\n1,2\n"}, gated=True, description="gated")
    fake.add_model(
        "a/bert-sst2",
        "text-classification",
        downloads=100,
        results=[("glue", "accuracy", 0.91), ("imdb", "accuracy", 0.88)],
    )
    fake.add_model(
        "b/roberta-sst2", "text-classification", downloads=50, results=[("glue", "accuracy", 0.95)]
    )
    fake.add_model("c/no-card", "text-classification", downloads=1000)
    fake.add_model(
        "d/distil-imdb", "text-classification", downloads=10, results=[("imdb", "f1", 0.93)]
    )
    point_hf_at(monkeypatch, fake.url)
    CACHE.clear()
    yield fake
    CACHE.clear()


def run(name: str, args: dict[str, Any], **ctx: Any) -> dict[str, Any]:
    return call_tool(name, args, ToolContext(**ctx))


# ---------------------------------------------------------------- search / trending / suggest


def test_search_returns_items_with_the_compatible_fields(hub: FakeHub) -> None:
    out = run("search_datasets", {"query": "glue", "source": "huggingface"})
    assert out["count"] == 1
    item = out["results"][0]
    assert item["id"] == "nyu-mll/glue" and item["source"] == "huggingface"
    assert item["author"] == "nyu-mll" and item["downloads"] == 500 and item["likes"] == 40
    assert item["url"].endswith("/datasets/nyu-mll/glue")
    assert item["lastModified"].startswith("2024-01-01")
    assert "task_categories:text-classification" in item["tags"]
    assert "Language Understanding" in item["description"]
    assert item["size"] > 0
    listing = [r for r in hub.requests if r["path"] == "/api/datasets"][0]
    assert listing["query"]["search"] == ["glue"]


def test_trending_sorts_by_the_requested_hub_order(hub: FakeHub) -> None:
    by_downloads = run("trending_datasets", {"source": "huggingface", "hf_sort": "downloads"})
    assert [i["id"] for i in by_downloads["huggingface"]][:2] == [
        "stanfordnlp/imdb",
        "nyu-mll/glue",
    ]
    trending = run("trending_datasets", {"source": "huggingface", "hf_sort": "trending"})
    assert trending["huggingface"][0]["id"] == "stanfordnlp/imdb"
    sorts = [r["query"].get("sort") for r in hub.requests if r["path"] == "/api/datasets"]
    assert sorts == [["downloads"], ["trendingScore"]]
    assert trending["results"] == trending["huggingface"]


def test_suggestions_put_name_prefix_matches_first(hub: FakeHub) -> None:
    hub.add_dataset("zed/glue-ish-sentiment", {"a.csv": b"x\n1\n"}, downloads=10_000)
    out = run("suggest_datasets", {"query": "glue", "source": "huggingface"})
    ids = [s["id"] for s in out["suggestions"]]
    assert ids[0] == "nyu-mll/glue"
    assert set(ids) == {"nyu-mll/glue", "zed/glue-ish-sentiment"}


def test_search_is_cached_per_credential_without_keeping_the_token(hub: FakeHub) -> None:
    args = {"query": "imdb", "source": "huggingface"}
    first = run("search_datasets", args)
    second = run("search_datasets", args)
    assert first["cached"] == {"huggingface": False} and second["cached"] == {"huggingface": True}
    assert hub.count("GET", "/api/datasets") == 1
    hub.tokens["hf_other_token"] = "bob"
    third = run("search_datasets", args, credentials={"hf_token": "hf_other_token"})
    assert third["cached"] == {"huggingface": False}
    assert hub.count("GET", "/api/datasets") == 2
    assert hub.requests[-1]["token"] == "hf_other_token"
    status = CACHE.status()
    assert status["hits"] == 1 and status["entries"] == 2
    assert "hf_other_token" not in repr(CACHE._entries.keys()) + repr(status)


def test_a_cache_ttl_of_zero_disables_caching(
    hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    from settings import reset_settings

    monkeypatch.setenv("FORGEFLOW_CACHE_TTL", "0")
    reset_settings()
    run("search_datasets", {"query": "imdb", "source": "huggingface"})
    run("search_datasets", {"query": "imdb", "source": "huggingface"})
    assert hub.count("GET", "/api/datasets") == 2


# ---------------------------------------------------------------- configs


def test_configs_come_from_the_card_with_sizes_and_examples(hub: FakeHub) -> None:
    out = run("dataset_configs", {"dataset_id": "nyu-mll/glue"})
    by_name = {c["name"]: c for c in out["configs"]}
    assert set(by_name) == {"cola", "sst2"}
    assert by_name["cola"]["total_examples"] == 6
    assert by_name["cola"]["total_size_bytes"] == 180
    assert by_name["cola"]["default"] is True
    assert [s["name"] for s in by_name["cola"]["splits"]] == ["train", "validation"]
    sst2 = by_name["sst2"]
    assert sst2["total_size_bytes"] == len(glue_files()["sst2/train.csv"])
    assert sst2["total_examples"] is None
    assert len(out["revision"]) == 40


def test_configs_of_a_dataset_without_card_metadata_is_one_default(hub: FakeHub) -> None:
    out = run("dataset_configs", {"dataset_id": "stanfordnlp/imdb"})
    assert [c["name"] for c in out["configs"]] == ["default"]
    assert out["configs"][0]["total_size_bytes"] == 38


# ---------------------------------------------------------------- download


def test_download_pins_the_revision_records_files_and_rows(hub: FakeHub) -> None:
    events: list[dict[str, Any]] = []
    out = run(
        "download_dataset",
        {"source": "huggingface", "dataset_id": "nyu-mll/glue", "config": "cola"},
        emit=events.append,
    )
    record = out["dataset"]
    head = hub.datasets["nyu-mll/glue"].head().sha
    assert out["status"] == "success" and out["reused"] is False
    assert record["revision"] == head and record["config"] == "cola"
    assert record["path"] == f"datasets/huggingface/nyu-mll/glue/{head}/cola"
    assert sorted(f["path"] for f in record["files"]) == [
        "cola/train-00000-of-00001.parquet",
        "cola/validation-00000-of-00001.parquet",
    ]
    assert record["rows"] == 6
    # every file was fetched at the pinned commit, never at a moving branch
    resolves = [r["path"] for r in hub.requests if "/resolve/" in r["path"]]
    assert resolves and all(f"/resolve/{head}/" in p for p in resolves)
    fractions = [e["fraction"] for e in events if "fraction" in e]
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)
    inspected = run("inspect_dataset", {"dataset": record["id"]})
    assert inspected["rows"] == 4 and inspected["label_column"] == "label"


def test_same_request_again_reuses_the_record(hub: FakeHub) -> None:
    args = {"source": "huggingface", "dataset_id": "stanfordnlp/imdb"}
    first = run("download_dataset", args)
    calls = len(hub.requests)
    again = run("download_dataset", args)
    assert again["reused"] is True and again["dataset"]["id"] == first["dataset"]["id"]
    assert len(hub.requests) == calls
    forced = run("download_dataset", {**args, "force": True})
    assert forced["reused"] is False and forced["dataset"]["id"] != first["dataset"]["id"]


def test_named_config_then_default_request_reuses_after_resolving(hub: FakeHub) -> None:
    named = run(
        "download_dataset",
        {"source": "huggingface", "dataset_id": "nyu-mll/glue", "config": "cola"},
    )
    unnamed = run("download_dataset", {"source": "huggingface", "dataset_id": "nyu-mll/glue"})
    assert unnamed["reused"] is True and unnamed["dataset"]["id"] == named["dataset"]["id"]
    assert sum("/resolve/" in r["path"] for r in hub.requests) == 2  # the two cola files, once


def test_download_at_an_older_revision_gets_the_old_files(hub: FakeHub) -> None:
    old = hub.datasets["nyu-mll/glue"].head().sha
    hub.add_commit("nyu-mll/glue", glue_files("v2"))
    out = run(
        "download_dataset",
        {
            "source": "huggingface",
            "dataset_id": "nyu-mll/glue",
            "config": "cola",
            "revision": old[:7],
        },
    )
    record = out["dataset"]
    assert record["revision"] == old and record["requested_revision"] == old[:7]
    frame = pd.read_parquet(
        Path(hub_workspace()) / record["path"] / "cola/train-00000-of-00001.parquet"
    )
    assert frame["sentence"][0] == "v1 a"
    latest = run("download_dataset", {"source": "huggingface", "dataset_id": "nyu-mll/glue"})
    assert latest["dataset"]["revision"] == hub.datasets["nyu-mll/glue"].head().sha
    assert latest["dataset"]["config"] == "cola"  # the card's default config


def hub_workspace() -> Path:
    from settings import get_settings

    return get_settings().workspace


def test_download_of_a_real_table_is_readable(hub: FakeHub, shared_data: Path) -> None:
    sample = pd.read_csv(shared_data / "20newsgroups-train.csv.gz", nrows=60)
    hub.add_dataset("setfit/20_newsgroups", {"train.parquet": parquet_bytes(sample)})
    out = run("download_dataset", {"source": "huggingface", "dataset_id": "setfit/20_newsgroups"})
    assert out["dataset"]["rows"] == 60
    inspected = run("inspect_dataset", {"dataset": out["dataset"]["id"], "sample_rows": 1})
    assert inspected["rows"] == 60
    assert [c["name"] for c in inspected["columns"]] == [str(c) for c in sample.columns]


# ---------------------------------------------------------------- errors


def test_unknown_dataset_is_not_found(hub: FakeHub) -> None:
    with pytest.raises(NotFound) as err:
        run("dataset_configs", {"dataset_id": "nobody/nothing"})
    assert "Hugging Face" in err.value.message


def test_unknown_revision_is_not_found(hub: FakeHub) -> None:
    with pytest.raises(NotFound) as err:
        run(
            "download_dataset",
            {"source": "huggingface", "dataset_id": "nyu-mll/glue", "revision": "deadbeef00"},
        )
    assert err.value.code == "revision_not_found"


def test_unknown_config_lists_the_configs(hub: FakeHub) -> None:
    with pytest.raises(NotFound) as err:
        run(
            "download_dataset",
            {"source": "huggingface", "dataset_id": "nyu-mll/glue", "config": "mnli"},
        )
    assert "cola" in err.value.hint and "sst2" in err.value.hint


def test_gated_dataset_needs_granted_access(hub: FakeHub) -> None:
    args = {"source": "huggingface", "dataset_id": "acme/gated-set"}
    with pytest.raises(Forbidden) as err:
        run("download_dataset", args)
    assert err.value.code == "gated" and "X-HF-Token" in err.value.hint
    assert not (hub_workspace() / "datasets/huggingface/acme").exists() or not any(
        (hub_workspace() / "datasets/huggingface/acme").rglob("*.csv")
    )
    hub.granted["acme/gated-set"] = {"alice"}
    out = run("download_dataset", args, credentials={"hf_token": "hf_good_token"})
    assert out["dataset"]["rows"] == 1


def test_private_dataset_without_token_is_not_found(hub: FakeHub) -> None:
    hub.add_dataset("acme/private", {"d.csv": b"a\n1\n"}, private=True)
    with pytest.raises(NotFound):
        run("dataset_configs", {"dataset_id": "acme/private"})
    out = run(
        "dataset_configs", {"dataset_id": "acme/private"}, credentials={"hf_token": "hf_good_token"}
    )
    assert out["configs"][0]["name"] == "default"


def test_invalid_token_is_unauthorized(hub: FakeHub) -> None:
    with pytest.raises(Unauthorized) as err:
        run("dataset_configs", {"dataset_id": "nyu-mll/glue"}, credentials={"hf_token": "nope"})
    assert "X-HF-Token" in err.value.hint


def test_hub_server_error_is_an_upstream_error(hub: FakeHub) -> None:
    hub.broken_info = True
    with pytest.raises(UpstreamError) as err:
        run("dataset_configs", {"dataset_id": "nyu-mll/glue"})
    assert "Hugging Face" in err.value.message


@pytest.mark.parametrize("bad", ["../etc", "/abs/path", "a/b/c", "a/..", "x" * 300])
def test_malformed_ids_are_refused_before_any_request(hub: FakeHub, bad: str) -> None:
    with pytest.raises(BadInput):
        run("download_dataset", {"source": "huggingface", "dataset_id": bad})
    assert not hub.requests


def test_download_over_the_size_limit_stops_before_writing(
    hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    from settings import reset_settings

    monkeypatch.setenv("FORGEFLOW_MAX_DOWNLOAD_MB", "0.001")  # ~1 KB
    reset_settings()
    with pytest.raises(PayloadTooLarge) as err:
        run("download_dataset", {"source": "huggingface", "dataset_id": "nyu-mll/glue"})
    assert "FORGEFLOW_MAX_DOWNLOAD_MB" in err.value.hint
    assert not any("/resolve/" in r["path"] for r in hub.requests)
    assert not (hub_workspace() / "datasets").exists() or not any(
        (hub_workspace() / "datasets").rglob("*.parquet")
    )


def test_estimate_download_size_reports_before_downloading(hub: FakeHub) -> None:
    from tools.datasets import download_plan, estimate_download_size

    files = glue_files()
    expected = len(files["cola/train-00000-of-00001.parquet"]) + len(
        files["cola/validation-00000-of-00001.parquet"]
    )
    plan = download_plan("huggingface", "nyu-mll/glue", "cola")
    assert plan["files"] == 2 and plan["size_bytes"] == expected and plan["config"] == "cola"
    args = {"source": "huggingface", "dataset_id": "nyu-mll/glue", "config": "cola"}
    assert estimate_download_size(args) == expected
    assert estimate_download_size({**args, "dataset_id": "nobody/none"}) is None
    assert not any("/resolve/" in r["path"] for r in hub.requests)
    run("download_dataset", args)
    assert estimate_download_size(args) is None  # a reused record fetches nothing


@pytest.mark.parametrize("name", ["../escape.csv", "data/../../escape.csv"])
def test_remote_file_names_escaping_the_folder_are_refused(hub: FakeHub, name: str) -> None:
    hub.add_dataset("evil/traversal", {name: b"a\n1\n", "ok.csv": b"a\n1\n"})
    with pytest.raises(Forbidden) as err:
        run("download_dataset", {"source": "huggingface", "dataset_id": "evil/traversal"})
    assert err.value.code == "unsafe_path"
    assert not list(hub_workspace().parent.rglob("escape.csv"))
    assert not any("/resolve/" in r["path"] for r in hub.requests)


def test_archive_members_escaping_are_refused(hub: FakeHub) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        data = b"a\n1\n"
        info = tarfile.TarInfo("../../outside.csv")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    hub.add_dataset("evil/archive", {"data.tar.gz": buf.getvalue()})
    with pytest.raises(Forbidden) as err:
        run("download_dataset", {"source": "huggingface", "dataset_id": "evil/archive"})
    assert err.value.code == "unsafe_archive"
    assert not list(hub_workspace().parent.rglob("outside.csv"))
    assert not (hub_workspace() / "datasets/huggingface/evil").exists()


def test_safe_archives_are_extracted_and_readable(hub: FakeHub) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        data = b"text,label\nx,1\ny,0\nz,1\n"
        info = tarfile.TarInfo("inner/table.csv")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    hub.add_dataset("acme/packed", {"data.tar.gz": buf.getvalue()})
    out = run("download_dataset", {"source": "huggingface", "dataset_id": "acme/packed"})
    paths = {f["path"]: f for f in out["dataset"]["files"]}
    assert paths["data/inner/table.csv"]["rows"] == 3
    assert run("inspect_dataset", {"dataset": out["dataset"]["id"]})["rows"] == 3


def test_unreachable_hub_is_named_and_other_sources_still_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    point_hf_at(monkeypatch, f"http://127.0.0.1:{free_port()}")
    CACHE.clear()
    with pytest.raises(UpstreamError) as err:
        run("search_datasets", {"query": "iris", "source": "huggingface"})
    assert "Hugging Face" in err.value.message and err.value.code == "source_unreachable"
    out = run("search_datasets", {"query": "iris", "source": "all"})
    assert out["errors"]["huggingface"]["code"] == "source_unreachable"
    assert "kaggle" in out["errors"]  # no Kaggle credentials in the test environment
    assert [i["id"] for i in out["by_source"]["local"]][0] == "iris"


# ---------------------------------------------------------------- leaderboard


def test_model_leaderboard_ranks_by_the_model_index(hub: FakeHub) -> None:
    out = run("model_leaderboard", {"task": "text-classification", "dataset": "glue"})
    assert out["metric"] == "accuracy" and out["higher_is_better"] is True
    ids = [m["id"] for m in out["models"]]
    assert ids[:2] == ["b/roberta-sst2", "a/bert-sst2"]
    assert out["models"][0]["score"] == 0.95 and out["models"][0]["rank"] == 1
    assert out["scored"] == 2
    # models with no result on glue follow, most downloaded first
    assert ids[2] == "c/no-card"
    by_f1 = run("model_leaderboard", {"task": "sentiment analysis", "metric": "f1"})
    assert by_f1["task"] == "text-classification"
    assert by_f1["models"][0]["id"] == "d/distil-imdb"


def test_concurrent_requests_keep_their_own_tokens(hub: FakeHub) -> None:
    hub.tokens["hf_bob"] = "bob"
    hub.add_dataset("acme/private", {"d.csv": b"a\n1\n"}, private=True)
    errors: list[BaseException] = []

    def worker(token: str | None) -> None:
        try:
            creds = {"hf_token": token} if token else {}
            for _ in range(3):
                CACHE.clear()
                if token:
                    run("dataset_configs", {"dataset_id": "acme/private"}, credentials=creds)
                else:
                    with pytest.raises(NotFound):
                        run("dataset_configs", {"dataset_id": "acme/private"})
        except BaseException as exc:  # noqa: BLE001 - collected and re-raised in the test
            errors.append(exc)

    threads = [
        threading.Thread(target=worker, args=(t,)) for t in ("hf_good_token", None, "hf_bob")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    tokens = {r["token"] for r in hub.requests if r["path"].startswith("/api/datasets/acme")}
    assert tokens == {"hf_good_token", "hf_bob", None}
