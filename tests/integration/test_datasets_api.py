"""The dataset HTTP API on a real server process, with fake Hub and Kaggle services behind it."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pandas as pd
import pytest

from tests.utils.fake_hub import FakeHub
from tests.utils.fake_kaggle import FakeKaggle
from tests.utils.servers import ServerProcess, start_server

KAGGLE_HEADERS = {"X-Kaggle-Username": "alice", "X-Kaggle-Key": "alice-key"}
CARD = {
    "configs": [
        {"config_name": "cola", "data_files": "cola/*.parquet", "default": True},
        {"config_name": "sst2", "data_files": "sst2/*.csv"},
    ],
    "dataset_info": [
        {
            "config_name": "cola",
            "splits": [{"name": "train", "num_examples": 3, "num_bytes": 90}],
            "dataset_size": 90,
        }
    ],
}


def _parquet(frame: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    frame.to_parquet(buf, index=False)
    return buf.getvalue()


@pytest.fixture(scope="module")
def fakes() -> Iterator[tuple[FakeHub, FakeKaggle]]:
    hub, kg = FakeHub(), FakeKaggle()
    hub.add_dataset(
        "nyu-mll/glue",
        {
            "cola/train.parquet": _parquet(
                pd.DataFrame({"sentence": ["a", "b", "c"], "label": ["ok", "bad", "ok"]})
            ),
            "sst2/train.csv": b"sentence,label\nfine,1\n",
        },
        card=CARD,
        downloads=300,
        likes=7,
        description="GLUE",
    )
    hub.add_dataset("acme/gated", {"d.csv": b"a\n1\n"}, gated=True)
    kg.add_dataset(
        "alice/sentiment-tweets",
        "Sentiment Tweets",
        {"tweets.csv": b"text,label\nyay,pos\n"},
        vote_count=9,
    )
    kg.add_dataset("uciml/iris", "Iris", {"Iris.csv": b"a,species\n1,x\n"}, vote_count=90)
    with hub.serve(), kg.serve():
        yield hub, kg


@pytest.fixture(scope="module")
def srv(
    fakes: tuple[FakeHub, FakeKaggle], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    hub, kg = fakes
    assert kg.server is not None
    proc = start_server(
        {
            "FORGEFLOW_HOME": str(tmp_path_factory.mktemp("datasets-api")),
            "KAGGLE_CONFIG_DIR": str(tmp_path_factory.mktemp("kaggle-config")),
            "HF_ENDPOINT": hub.url,
            "HF_TOKEN_PATH": "/nonexistent/forgeflow-test/hf-token",
            "FORGEFLOW_KAGGLE_ENDPOINT": kg.server.url,
        }
    )
    yield proc
    proc.stop()


def test_search_returns_both_sources_in_the_compatible_shape(srv: ServerProcess) -> None:
    with srv.client(headers=KAGGLE_HEADERS) as c:
        body = c.get("/api/search", params={"query": "sentiment", "source": "all"}).json()
        assert [i["id"] for i in body["kaggle"]] == ["alice/sentiment-tweets"]
        kaggle_item = body["kaggle"][0]
        for key in ("id", "title", "owner", "url", "size", "lastUpdated", "downloadCount"):
            assert key in kaggle_item
        assert kaggle_item["voteCount"] == 9
        hf = c.get("/api/search", params={"query": "glue", "source": "huggingface"}).json()
        assert hf["kaggle"] == [] and hf["huggingface"][0]["id"] == "nyu-mll/glue"
        for key in ("author", "url", "downloads", "likes", "lastModified", "tags", "description"):
            assert key in hf["huggingface"][0]


def test_without_kaggle_credentials_all_still_answers_and_kaggle_alone_is_401(
    srv: ServerProcess,
) -> None:
    with srv.client() as c:
        body = c.get("/api/search", params={"query": "glue"}).json()
        assert body["huggingface"][0]["id"] == "nyu-mll/glue"
        assert body["errors"]["kaggle"]["code"] == "kaggle_credentials"
        r = c.get("/api/datasets", params={"source": "kaggle"})
        assert r.status_code == 401
        assert isinstance(r.json()["error"], str)
        assert "X-Kaggle-Username" in r.json()["hint"]


def test_trending_uses_the_sorts(srv: ServerProcess) -> None:
    with srv.client(headers=KAGGLE_HEADERS) as c:
        body = c.get(
            "/api/datasets", params={"source": "kaggle", "kaggle_sort": "votes", "limit": 5}
        ).json()
        assert [i["id"] for i in body["kaggle"]] == ["uciml/iris", "alice/sentiment-tweets"]
        assert body["huggingface"] == []
        both = c.get("/api/datasets", params={"hf_sort": "downloads"}).json()
        assert both["huggingface"][0]["id"] == "nyu-mll/glue" and both["kaggle"]
        bad = c.get("/api/datasets", params={"kaggle_sort": "sideways"})
        assert bad.status_code == 422 and isinstance(bad.json()["error"], str)


def test_configs_and_search_with_configs(srv: ServerProcess) -> None:
    with srv.client() as c:
        body = c.get("/api/datasets/configs", params={"dataset_id": "nyu-mll/glue"}).json()
        cola = next(x for x in body["configs"] if x["name"] == "cola")
        assert cola["total_size_bytes"] == 90 and cola["total_examples"] == 3
        basic = c.get(
            "/api/search/huggingface", params={"query": "glue", "include_configs": "true"}
        ).json()
        assert basic["datasets"][0]["configs"] == ["cola", "sst2"]
        full = c.get(
            "/api/search/huggingface", params={"query": "glue", "config_detail": "full"}
        ).json()
        assert full["datasets"][0]["configs"][0]["splits"][0]["name"] == "train"
        missing = c.get("/api/datasets/configs", params={"dataset_id": "nobody/nothing"})
        assert missing.status_code == 404 and "not found" in missing.json()["error"]


def test_suggestions_and_cache_status(srv: ServerProcess) -> None:
    with srv.client() as c:
        params = {"query": "gl", "source": "huggingface"}
        first = c.get("/api/suggestions", params=params).json()
        assert first["suggestions"][0]["id"] == "nyu-mll/glue"
        before = c.get("/api/cache-status").json()
        c.get("/api/suggestions", params=params)
        after = c.get("/api/cache-status").json()
        assert after["hits"] == before["hits"] + 1
        assert after["entries"] >= 1 and after["ttl_seconds"] == 300
        assert {"namespace", "age_seconds", "expires_in_seconds", "hits"} <= set(after["items"][0])


def test_download_list_inspect_delete(srv: ServerProcess) -> None:
    with srv.client() as c:
        r = c.post(
            "/api/datasets/download",
            json={"source": "huggingface", "dataset_id": "nyu-mll/glue", "config": "cola"},
        )
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["status"] == "success" and body["message"]
        record = body["dataset"]
        assert body["path"] == record["path"] and not Path(body["path"]).is_absolute()
        assert record["rows"] == 3 and len(record["revision"]) == 40
        folder = Path(srv.env["FORGEFLOW_HOME"]).resolve() / "workspace" / body["path"]
        assert (folder / "cola/train.parquet").is_file()

        listed = c.get("/datasets").json()
        assert record["id"] in [d["id"] for d in listed["datasets"]]
        assert c.get(f"/datasets/{record['id']}").json()["revision"] == record["revision"]
        inspected = c.post("/tools/inspect_dataset", json={"dataset": record["id"]}).json()
        assert inspected["output"]["rows"] == 3

        again = c.post(
            "/api/datasets/download",
            json={"source": "huggingface", "dataset_id": "nyu-mll/glue", "config": "cola"},
        ).json()
        assert again["reused"] is True and again["dataset"]["id"] == record["id"]

        assert c.delete(f"/datasets/{record['id']}").json()["deleted"] is True
        assert not folder.exists()
        gone = c.get(f"/datasets/{record['id']}")
        assert gone.status_code == 404 and gone.json()["error"]["code"] == "not_found"


def test_kaggle_download_over_http(srv: ServerProcess) -> None:
    with srv.client(headers=KAGGLE_HEADERS) as c:
        body = c.post(
            "/api/datasets/download", json={"source": "kaggle", "dataset_id": "uciml/iris"}
        ).json()
        assert body["dataset"]["revision"] == "1" and body["dataset"]["rows"] == 1
        assert body["path"] == "datasets/kaggle/uciml/iris/1"


@pytest.mark.parametrize("path", ["../../escape", "/tmp/escape"])
def test_download_path_outside_the_workspace_is_400(srv: ServerProcess, path: str) -> None:
    with srv.client() as c:
        r = c.post(
            "/api/datasets/download",
            json={"source": "huggingface", "dataset_id": "nyu-mll/glue", "path": path},
        )
        assert r.status_code == 400
        assert isinstance(r.json()["error"], str) and "outside" in r.json()["error"]


def test_gated_download_is_403_and_tokens_never_come_back(srv: ServerProcess) -> None:
    with srv.client() as c:
        r = c.post(
            "/api/datasets/download", json={"source": "huggingface", "dataset_id": "acme/gated"}
        )
        assert r.status_code == 403 and r.json()["code"] == "gated"
    token = "hf_secret_never_echoed"
    with srv.client(headers={"X-HF-Token": token}) as c:
        r = c.post(
            "/api/datasets/download", json={"source": "huggingface", "dataset_id": "acme/gated"}
        )
        assert r.status_code == 401 and token not in r.text
        searched = c.get("/api/search", params={"query": "glue", "source": "huggingface"})
        assert token not in searched.text
        assert token not in c.get("/api/cache-status").text
    assert token not in srv.output()


def test_mcp_tool_calls_carry_the_request_credentials(
    srv: ServerProcess, fakes: tuple[FakeHub, FakeKaggle]
) -> None:
    import anyio
    from mcp import Client
    from mcp.client.streamable_http import streamable_http_client
    from mcp.shared._httpx_utils import create_mcp_http_client

    hub, _ = fakes
    hub.granted["acme/gated"] = {"alice"}
    args = {"source": "huggingface", "dataset_id": "acme/gated"}

    async def call(headers: dict[str, str] | None) -> Any:
        http = create_mcp_http_client(headers=headers)
        async with http, Client(streamable_http_client(f"{srv.url}/mcp", http_client=http)) as c:
            return await c.call_tool("download_dataset", args)

    anonymous = anyio.run(call, None)
    assert anonymous.is_error and "gated" in anonymous.content[0].text.lower()
    signed = anyio.run(call, {"X-HF-Token": "hf_good_token"})
    assert not signed.is_error, signed.content[0].text
    assert "hf_good_token" not in signed.content[0].text
    runs = httpx.get(f"{srv.url}/runs", params={"source": "mcp", "kind": "tool"}).json()["runs"]
    assert [r["status"] for r in runs[:2]] == ["completed", "failed"]
    assert "hf_good_token" not in json.dumps(runs)
