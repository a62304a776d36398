"""Dataset goals through the orchestrator graph: search, follow-up download, inspect, over a fake Hub."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
from langgraph.checkpoint.memory import InMemorySaver

from graphs.orchestrator import build_graph
from graphs.state import RunContext
from tests.utils.fake_hub import FakeHub, point_hf_at
from tools.cache import CACHE


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    fake = FakeHub()
    buf = io.BytesIO()
    pd.DataFrame({"text": ["great", "awful", "fine"], "label": ["pos", "neg", "pos"]}).to_parquet(
        buf, index=False
    )
    fake.add_dataset("acme/tweet-sentiment", {"train.parquet": buf.getvalue()}, downloads=50)
    fake.add_dataset(
        "acme/movie-sentiment", {"data/train.csv": b"text,label\nok,pos\nbad,neg\n"}, downloads=9
    )
    with fake.serve():
        point_hf_at(monkeypatch, fake.url)
        CACHE.clear()
        yield fake
    CACHE.clear()


def turn(graph: Any, goal: str, thread: str = "d") -> dict[str, Any]:
    config = {"configurable": {"thread_id": thread}}
    list(graph.stream({"goal": goal}, config, context=RunContext(), stream_mode="custom"))
    return graph.get_state(config).values["result"]


def test_search_then_download_the_second_one_then_inspect_it(hub: FakeHub) -> None:
    graph = build_graph(InMemorySaver())
    found = turn(graph, "find sentiment datasets on hugging face")
    step = found["steps"][0]
    assert step["tool"] == "search_datasets" and step["status"] == "completed"
    assert [i["id"] for i in step["output"]["results"]] == [
        "acme/tweet-sentiment",
        "acme/movie-sentiment",
    ]
    fetched = turn(graph, "download the second one")
    download = fetched["steps"][0]
    assert download["tool"] == "download_dataset" and download["status"] == "completed"
    record = download["output"]["dataset"]
    assert record["dataset_id"] == "acme/movie-sentiment" and record["rows"] == 2
    shown = turn(graph, "show me the columns of it")
    inspect = shown["steps"][0]
    assert inspect["tool"] == "inspect_dataset"
    assert [c["name"] for c in inspect["output"]["columns"]] == ["text", "label"]


def test_download_at_a_revision_goal_pins_it(hub: FakeHub) -> None:
    sha = hub.datasets["acme/tweet-sentiment"].head().sha
    hub.add_commit("acme/tweet-sentiment", {"train.parquet": b"broken"})
    graph = build_graph(InMemorySaver())
    result = turn(graph, f"download acme/tweet-sentiment at revision {sha[:10]}")
    step = result["steps"][0]
    assert step["status"] == "completed", step
    assert step["args"]["revision"] == sha[:10]
    assert step["output"]["dataset"]["revision"] == sha and step["output"]["dataset"]["rows"] == 3


def test_trending_on_kaggle_goal_uses_the_run_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    from settings import reset_settings
    from tests.utils.fake_kaggle import FakeKaggle

    kg = FakeKaggle()
    kg.add_dataset("alice/hot-one", "Hot one", {"a.csv": b"x\n1\n"}, download_count=99)
    kg.add_dataset("bob/cold-one", "Cold one", {"b.csv": b"x\n1\n"}, download_count=1)
    with kg.serve() as srv:
        monkeypatch.setenv("FORGEFLOW_KAGGLE_ENDPOINT", srv.url)
        reset_settings()
        CACHE.clear()
        graph = build_graph(InMemorySaver())
        config = {"configurable": {"thread_id": "k"}}
        creds = {"kaggle_username": "alice", "kaggle_key": "alice-key"}
        list(
            graph.stream(
                {"goal": "what's trending on kaggle"},
                config,
                context=RunContext(credentials=creds),
                stream_mode="custom",
            )
        )
        step = graph.get_state(config).values["result"]["steps"][0]
    assert step["tool"] == "trending_datasets" and step["status"] == "completed", step
    assert [i["id"] for i in step["output"]["kaggle"]] == ["alice/hot-one", "bob/cold-one"]
    assert kg.calls("ListDatasets")[0]["user"] == "alice"
