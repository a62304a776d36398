"""The real server process: /generate in three modes, runs, cancel, threads, tools, auth, bad input."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import httpx
import numpy as np
import pandas as pd
import pytest


def sse_events(response: httpx.Response) -> list[tuple[str, dict]]:
    events, name = [], None
    for line in response.iter_lines():
        if line.startswith("event:"):
            name = line.split(":", 1)[1].strip()
        elif line.startswith("data:"):
            events.append((name, json.loads(line.split(":", 1)[1])))
    return events


def test_generate_wait_answers_with_plan_steps_and_datasets(server) -> None:
    with server.client() as c:
        r = c.post("/generate", json={"goal": "list local datasets"})
        assert r.status_code == 200
        body = r.json()
        assert body["status"] == "completed"
        assert body["result"]["plan"]["steps"][0]["tool"] == "list_local_datasets"
        output = body["result"]["steps"][0]["output"]
        assert "breast_cancer" in {d["id"] for d in output["datasets"]}
        assert "breast_cancer" in body["message"]
        run = c.get(f"/runs/{body['run_id']}").json()
        assert run["status"] == "completed" and run["progress"] == 100.0
        assert run["started_at"] and run["finished_at"]


def test_input_message_alias_and_dry_run(server) -> None:
    with server.client() as c:
        r = c.post("/generate", json={"input_message": "inspect wine", "dry_run": True})
        body = r.json()
        assert r.status_code == 200
        assert body["result"]["steps"] == []
        assert body["result"]["plan"]["steps"][0] == {
            "tool": "inspect_dataset",
            "args": {"dataset": "wine"},
            "why": "inspect wine",
            "reads": {"dataset": "wine"},
            "writes": "nothing (read-only)",
        }


def test_generate_background_then_poll(server) -> None:
    with server.client() as c:
        r = c.post("/generate", json={"goal": "inspect digits", "mode": "background"})
        assert r.status_code == 202
        run_id = r.json()["run_id"]
        for _ in range(200):
            run = c.get(f"/runs/{run_id}").json()
            if run["status"] not in ("pending", "running"):
                break
            time.sleep(0.05)
        assert run["status"] == "completed"
        assert run["result"]["steps"][0]["output"]["rows"] == 1797


def test_generate_stream_sends_ordered_events(server) -> None:
    with (
        server.client() as c,
        c.stream("POST", "/generate", json={"goal": "inspect iris", "mode": "stream"}) as r,
    ):
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        events = sse_events(r)
    names = [n for n, _ in events]
    assert names[-3:] == ["message", "result", "end"]
    assert "progress" in names and "step" in names
    assert events[-1][1]["status"] == "completed"
    assert "150 rows" in dict(events)["message"]["content"]


def test_thread_follow_up_and_thread_state(server) -> None:
    with server.client() as c:
        first = c.post("/generate", json={"goal": "list local datasets"}).json()
        tid = first["thread_id"]
        second = c.post(
            "/generate", json={"goal": "inspect the third one", "thread_id": tid}
        ).json()
        assert second["thread_id"] == tid
        assert second["result"]["steps"][0]["args"] == {"dataset": "wine"}
        state = c.get(f"/threads/{tid}").json()
        assert [m["role"] for m in state["messages"]] == ["user", "assistant", "user", "assistant"]
        assert state["memory"]["dataset"] == "wine"
        assert state["status"] == "idle"
        runs = c.get("/runs", params={"thread_id": tid}).json()["runs"]
        assert {r["run_id"] for r in runs} == {first["run_id"], second["run_id"]}
        completed = c.get("/runs", params={"thread_id": tid, "status": "failed"}).json()["runs"]
        assert completed == []


def test_cancel_a_running_run(make_server, tmp_path: Path) -> None:
    srv = make_server()
    data = Path(srv.env["FORGEFLOW_HOME"]) / "data"
    data.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    pd.DataFrame(rng.normal(size=(300_000, 8))).to_csv(data / "big0.csv", index=False)
    for i in range(1, 8):  # distinct files: no step can reuse another's work
        shutil.copyfile(data / "big0.csv", data / f"big{i}.csv")
    # Eight slow steps: the run is still going when the cancel lands, even on a fast machine
    # (step events reach the stream in batches, so "started" may arrive a little late).
    goal = " then ".join(f"inspect big{i}.csv" for i in range(8))
    with (
        srv.client() as c,
        c.stream("POST", "/generate", json={"goal": goal, "mode": "stream"}) as r,
    ):
        run_id = None
        lines = r.iter_lines()
        for line in lines:
            if line.startswith("data:"):
                event = json.loads(line[5:])
                run_id = run_id or event.get("run_id")
                if event.get("type") == "step" and event.get("status") == "started":
                    cancel = httpx.post(f"{srv.url}/runs/{run_id}/cancel", timeout=30)
                    assert cancel.status_code == 200
                    break
        rest = list(lines)
    assert any("cancelled" in line for line in rest), rest
    run = httpx.get(f"{srv.url}/runs/{run_id}", timeout=30).json()
    assert run["status"] == "cancelled"
    again = httpx.post(f"{srv.url}/runs/{run_id}/cancel", timeout=30).json()
    assert again["status"] == "cancelled"


def test_tools_list_and_call(server) -> None:
    with server.client() as c:
        tools = c.get("/tools").json()["tools"]
        by_name = {t["name"]: t for t in tools}
        assert {"list_local_datasets", "inspect_dataset"} <= set(by_name)
        schema = by_name["inspect_dataset"]["input_schema"]
        assert schema["required"] == ["dataset"]
        r = c.post("/tools/inspect_dataset", json={"dataset": "iris", "sample_rows": 1})
        assert r.status_code == 200
        assert r.json()["output"]["rows"] == 150


def test_health_is_open_and_reports_features(server) -> None:
    body = httpx.get(f"{server.url}/health").json()
    assert body["status"] == "ok" and body["llm"] == "builtin"
    assert "inspect_dataset" in body["features"]["tools"]


@pytest.mark.parametrize(
    ("method", "path", "payload", "status", "code"),
    [
        ("post", "/generate", {"goal": ""}, 400, "bad_input"),
        ("post", "/generate", {"goal": "   "}, 400, "bad_input"),
        ("post", "/generate", {}, 400, "bad_input"),
        ("post", "/generate", {"goal": "x", "mode": "later"}, 422, "invalid_request"),
        ("post", "/generate", {"goal": "x", "max_attempts": 0}, 422, "invalid_request"),
        ("post", "/generate", {"goal": "x", "thread_id": "../../etc"}, 422, "invalid_request"),
        ("post", "/generate", {"goal": "x", "colour": "red"}, 422, "invalid_request"),
        ("get", "/runs/run_missing", None, 404, "not_found"),
        ("post", "/runs/run_missing/cancel", None, 404, "not_found"),
        ("get", "/runs?status=bogus", None, 422, "invalid_request"),
        ("get", "/threads/thr_missing", None, 404, "not_found"),
        ("get", "/tools/nope", None, 404, "not_found"),
        ("post", "/tools/nope", {}, 404, "not_found"),
        ("post", "/tools/inspect_dataset", {"dataset": 5}, 422, "invalid_arguments"),
        ("post", "/tools/inspect_dataset", {}, 422, "invalid_arguments"),
        (
            "post",
            "/tools/inspect_dataset",
            {"dataset": "../../etc/passwd.csv"},
            403,
            "path_outside_workspace",
        ),
        ("get", "/no/such/endpoint", None, 404, "http_404"),
    ],
)
def test_bad_input_gets_4xx_with_hint_and_persists_nothing(
    server, method: str, path: str, payload: dict | None, status: int, code: str
) -> None:
    with server.client() as c:
        before = len(c.get("/runs", params={"limit": 500}).json()["runs"])
        r = (
            c.request(method.upper(), path, json=payload)
            if payload is not None
            else c.request(method.upper(), path)
        )
        assert r.status_code == status, r.text
        error = r.json()["error"]
        assert error["code"] == code
        assert error["message"] and error["hint"]
        assert "Traceback" not in r.text
        runs = c.get("/runs", params={"limit": 500}).json()["runs"]
        if status == 403:
            # The tool ran and refused the path: the call is a run that failed with that error.
            assert len(runs) == before + 1
            assert runs[0]["kind"] == "tool" and runs[0]["status"] == "failed"
            assert runs[0]["error"]["code"] == code
        else:
            assert len(runs) == before


@pytest.mark.parametrize("mode", ["wait", "stream", "background"])
def test_goal_naming_a_path_out_of_the_workspace_is_refused_before_a_run(server, mode) -> None:
    """The same 403 `path_outside_workspace` a tool call gets, on every mode, and no run or
    thread is made: the refused goal changes nothing.
    """
    goals = ["summarise ../../secrets/payroll.csv for me", "train a model on /etc/ssl/x.csv"]
    with server.client() as c:
        before = c.get("/runs", params={"limit": 500}).json()["runs"]
        for goal in goals:
            r = c.post("/generate", json={"goal": goal, "thread_id": "t-out", "mode": mode})
            assert r.status_code == 403, r.text
            error = r.json()["error"]
            assert error["code"] == "path_outside_workspace"
            assert "outside the workspace" in error["message"] and "inside" in error["hint"]
        chat = c.post(
            "/v1/chat/completions",
            json={"model": "forgeflow", "messages": [{"role": "user", "content": goals[0]}]},
        )
        assert chat.status_code == 403 and "outside the workspace" in chat.text
        assert c.get("/runs", params={"limit": 500}).json()["runs"] == before
        assert c.get("/threads/t-out").status_code == 404
        # A path inside the workspace, said the same way, still runs.
        ok = c.post("/generate", json={"goal": "inspect ./data/../wine.csv", "dry_run": True})
        assert ok.status_code == 200


def test_malformed_json_and_oversized_body(make_server) -> None:
    srv = make_server({"FORGEFLOW_MAX_BODY_BYTES": "2048"})
    with srv.client() as c:
        r = c.post("/generate", content=b"{not json", headers={"content-type": "application/json"})
        assert r.status_code == 422 and r.json()["error"]["hint"]
        r = c.post("/generate", json={"goal": "x" * 5000})
        assert r.status_code == 413
        assert r.json()["error"]["code"] == "payload_too_large"

        def chunks():
            for _ in range(10):
                yield b" " * 1024

        r = c.post("/generate", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413
        assert c.get("/runs").json()["runs"] == []


def test_auth_on(make_server) -> None:
    srv = make_server({"FORGEFLOW_API_KEYS": "key-one, key-two"})
    with srv.client() as c:
        assert c.get("/health").status_code == 200
        r = c.get("/tools")
        assert r.status_code == 401 and r.json()["error"]["hint"]
        assert c.get("/tools", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/tools", headers={"Authorization": "Bearer key-one"}).status_code == 200
        assert c.get("/tools", headers={"X-API-Key": "key-two"}).status_code == 200
        r = c.post("/generate", json={"goal": "list local datasets"})
        assert r.status_code == 401
        r = c.post(
            "/generate", json={"goal": "list local datasets"}, headers={"X-API-Key": "key-two"}
        )
        assert r.status_code == 200
        assert c.get("/health").json()["auth"] is True


def test_interrupted_run_resumes_through_generate(server) -> None:
    with server.client() as c:
        first = c.post("/generate", json={"goal": "inspect it"}).json()
        assert first["status"] == "interrupted"
        assert first["result"]["question"].startswith("Which dataset")
        tid = first["thread_id"]
        assert c.get(f"/threads/{tid}").json()["status"] == "interrupted"
        assert c.get(f"/runs/{first['run_id']}").json()["status"] == "interrupted"
        second = c.post("/generate", json={"goal": "breast_cancer", "thread_id": tid}).json()
        assert second["status"] == "completed"
        assert second["result"]["steps"][0]["output"]["rows"] == 569
        assert c.get(f"/threads/{tid}").json()["status"] == "idle"


def test_curl_style_form_content_type_is_read_as_json(server) -> None:
    # `curl -X POST .../generate -d '{"goal": ...}'` sends application/x-www-form-urlencoded.
    r = httpx.post(
        f"{server.url}/generate",
        content=b'{"goal":"list local datasets"}',
        headers={"content-type": "application/x-www-form-urlencoded"},
        timeout=60,
    )
    assert r.status_code == 200
    assert r.json()["result"]["steps"][0]["tool"] == "list_local_datasets"
