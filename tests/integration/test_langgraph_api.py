"""LangGraph-style threads and runs with the real `langgraph-sdk` client."""

from __future__ import annotations

from pathlib import Path

import httpx
import numpy as np
import pandas as pd
import pytest
from langgraph_sdk import get_sync_client


def human(text: str) -> dict:
    return {"messages": [{"role": "user", "content": text}]}


def test_assistants(server) -> None:
    client = get_sync_client(url=server.url)
    found = client.assistants.search()
    assert [a["graph_id"] for a in found] == ["forgeflow"]
    assert client.assistants.get("forgeflow")["assistant_id"] == found[0]["assistant_id"]
    with pytest.raises(httpx.HTTPStatusError) as err:
        client.assistants.get("other")
    assert err.value.response.status_code == 404


def test_thread_stream_state_continue_history(server) -> None:
    client = get_sync_client(url=server.url)
    thread = client.threads.create(metadata={"user": "t"})
    tid = thread["thread_id"]
    assert thread["status"] == "idle"
    parts = list(
        client.runs.stream(
            tid,
            "forgeflow",
            input=human("list local datasets"),
            stream_mode=["values", "updates", "messages-tuple", "custom"],
        )
    )
    events = [p.event for p in parts]
    assert events[0] == "metadata"
    assert {"values", "updates", "messages", "custom"} <= set(events)
    last_values = [p.data for p in parts if p.event == "values"][-1]
    assert "breast_cancer" in last_values["answer"]
    ai = [p.data for p in parts if p.event == "messages"]
    assert ai[-1][0]["type"] == "ai" and "breast_cancer" in ai[-1][0]["content"]

    state = client.threads.get_state(tid)
    assert state["next"] == []
    assert state["values"]["memory"]["listing"][0]["id"] == "breast_cancer"

    result = client.runs.wait(tid, "forgeflow", input={"goal": "inspect the second one"})
    assert result["result"]["steps"][0]["args"] == {"dataset": "iris"}
    assert [m["type"] for m in result["messages"]] == ["human", "ai", "human", "ai"]

    history = client.threads.get_history(tid, limit=50)
    assert len(history) >= 4
    assert client.threads.get(tid)["values"]["answer"] == result["answer"]
    runs = client.runs.list(tid)
    assert {r["status"] for r in runs} == {"success"}


def test_background_run_join_and_get(server) -> None:
    client = get_sync_client(url=server.url)
    tid = client.threads.create()["thread_id"]
    run = client.runs.create(tid, "forgeflow", input=human("inspect wine"))
    assert run["status"] in ("pending", "running", "success")
    values = client.runs.join(tid, run["run_id"])
    assert values["result"]["steps"][0]["output"]["rows"] == 178
    assert client.runs.get(tid, run["run_id"])["status"] == "success"


def test_stateless_runs(server) -> None:
    client = get_sync_client(url=server.url)
    values = client.runs.wait(None, "forgeflow", input={"goal": "inspect digits"})
    assert values["result"]["steps"][0]["output"]["rows"] == 1797
    parts = list(client.runs.stream(None, "forgeflow", input={"goal": "inspect iris"}))
    assert parts[0].event == "metadata"
    assert "150 rows" in [p.data for p in parts if p.event == "values"][-1]["answer"]


def _slow_server(make_server):
    srv = make_server()
    data = Path(srv.env["FORGEFLOW_HOME"]) / "data"
    data.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(np.random.default_rng(0).normal(size=(300_000, 8))).to_csv(
        data / "big.csv", index=False
    )
    return srv


SLOW_GOAL = "inspect big.csv then inspect big.csv then inspect big.csv then inspect big.csv"


def test_cancel_and_multitask_strategies(make_server) -> None:
    srv = _slow_server(make_server)
    client = get_sync_client(url=srv.url)
    tid = client.threads.create()["thread_id"]
    run = client.runs.create(tid, "forgeflow", input={"goal": SLOW_GOAL})
    # A second run on the busy thread is rejected by default.
    with pytest.raises(httpx.HTTPStatusError) as err:
        client.runs.create(tid, "forgeflow", input={"goal": "inspect iris"})
    assert err.value.response.status_code == 409
    client.runs.cancel(tid, run["run_id"], wait=True)
    assert client.runs.get(tid, run["run_id"])["status"] == "interrupted"

    # interrupt: the running run is cancelled and the new one runs.
    first = client.runs.create(tid, "forgeflow", input={"goal": SLOW_GOAL})
    second = client.runs.create(
        tid, "forgeflow", input={"goal": "inspect iris"}, multitask_strategy="interrupt"
    )
    values = client.runs.join(tid, second["run_id"])
    assert values["result"]["steps"][0]["output"]["rows"] == 150
    assert client.runs.get(tid, first["run_id"])["status"] == "interrupted"

    # enqueue: the new run waits for the running one, and both complete.
    a = client.runs.create(tid, "forgeflow", input={"goal": "inspect big.csv"})
    b = client.runs.create(
        tid, "forgeflow", input={"goal": "inspect wine"}, multitask_strategy="enqueue"
    )
    client.runs.join(tid, b["run_id"])
    assert client.runs.get(tid, a["run_id"])["status"] == "success"
    assert client.runs.get(tid, b["run_id"])["status"] == "success"


def test_interrupt_resumes_with_command(server) -> None:
    client = get_sync_client(url=server.url)
    tid = client.threads.create()["thread_id"]
    values = client.runs.wait(tid, "forgeflow", input={"goal": "inspect it"})
    assert "Which dataset" in values["__interrupt__"][0]["value"]["question"]
    thread = client.threads.get(tid)
    assert thread["status"] == "interrupted"
    resumed = client.runs.wait(tid, "forgeflow", command={"resume": "iris"})
    assert resumed["result"]["steps"][0]["output"]["rows"] == 150
    assert client.threads.get(tid)["status"] == "idle"
    with pytest.raises(httpx.HTTPStatusError) as err:
        client.runs.wait(tid, "forgeflow", command={"resume": "again"})
    assert err.value.response.status_code == 409


def test_bad_requests(server) -> None:
    with httpx.Client(base_url=server.url) as c:
        r = c.post(
            "/threads/nope/runs/wait", json={"assistant_id": "forgeflow", "input": {"goal": "x"}}
        )
        assert r.status_code == 404
        tid = c.post("/threads", json={}).json()["thread_id"]
        r = c.post(f"/threads/{tid}/runs/wait", json={"assistant_id": "forgeflow", "input": {}})
        assert r.status_code == 400 and "goal" in r.json()["error"]["hint"]
        r = c.post(f"/threads/{tid}/runs", json={"assistant_id": "nope", "input": {"goal": "x"}})
        assert r.status_code == 404
        r = c.post("/threads", json={"thread_id": tid})
        assert r.status_code == 409
        assert (
            c.post("/threads", json={"thread_id": tid, "if_exists": "do_nothing"}).status_code
            == 200
        )
