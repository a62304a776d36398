"""MCP with the real `mcp` client: list tools (schemas match /tools), call, bad arguments, run_goal."""

from __future__ import annotations

import json
import sys

import anyio
import httpx
from mcp import Client, StdioServerParameters


def test_mcp_over_streamable_http(server) -> None:
    http_tools = {t["name"]: t for t in httpx.get(f"{server.url}/tools").json()["tools"]}

    async def scenario() -> None:
        async with Client(f"{server.url}/mcp") as client:
            listed = await client.list_tools()
            by_name = {t.name: t for t in listed.tools}
            assert set(http_tools) <= set(by_name)
            assert "run_goal" in by_name
            for name, tool in http_tools.items():
                assert by_name[name].input_schema == tool["input_schema"]
                assert by_name[name].description == tool["description"]

            ok = await client.call_tool("inspect_dataset", {"dataset": "iris", "sample_rows": 1})
            assert not ok.is_error
            assert json.loads(ok.content[0].text)["rows"] == 150

            # the row filter travels in the same schema: rows of one class only
            kept = await client.call_tool(
                "inspect_dataset", {"dataset": "iris", "where": {"target": "SETOSA"}}
            )
            assert json.loads(kept.content[0].text)["filtered"] == {
                "where": {"target": "SETOSA"},
                "rows": 50,
                "of": 150,
            }

            bad = await client.call_tool("inspect_dataset", {"dataset": "iris", "sample_rows": "x"})
            assert bad.is_error
            missing = await client.call_tool("inspect_dataset", {"dataset": "nope.csv"})
            assert missing.is_error and "not found" in missing.content[0].text

            # The session survives errors: a goal through the orchestrator still works.
            goal = await client.call_tool("run_goal", {"goal": "inspect wine"})
            body = json.loads(goal.content[0].text)
            assert body["status"] == "completed"
            assert body["result"]["steps"][0]["output"]["rows"] == 178
            follow = await client.call_tool(
                "run_goal", {"goal": "inspect it", "thread_id": body["thread_id"]}
            )
            assert json.loads(follow.content[0].text)["result"]["steps"][0]["args"] == {
                "dataset": "wine"
            }
            # An ambiguous goal interrupts; the next run_goal on the thread is the answer.
            ask = json.loads(
                (await client.call_tool("run_goal", {"goal": "inspect it"})).content[0].text
            )
            assert ask["status"] == "interrupted" and "Which dataset" in ask["message"]
            answer = await client.call_tool(
                "run_goal", {"goal": "iris", "thread_id": ask["thread_id"]}
            )
            assert json.loads(answer.content[0].text)["result"]["steps"][0]["output"]["rows"] == 150

    anyio.run(scenario)


def test_mcp_requires_the_api_key_when_set(make_server) -> None:
    srv = make_server({"FORGEFLOW_API_KEYS": "secret"})
    r = httpx.post(f"{srv.url}/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
    assert r.status_code == 401

    init = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "t", "version": "1"},
        },
    }
    headers = {"Accept": "application/json, text/event-stream", "X-API-Key": "secret"}
    r = httpx.post(f"{srv.url}/mcp", json=init, headers=headers)
    assert r.status_code == 200
    assert "forgeflow" in r.text


def test_mcp_stdio_entry_point(tmp_path) -> None:
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "cli", "mcp"],
        env={"FORGEFLOW_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"},
        cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]),
    )

    async def scenario() -> None:
        async with Client(params) as client:
            names = {t.name for t in (await client.list_tools()).tools}
            assert {"inspect_dataset", "run_goal"} <= names
            out = await client.call_tool("list_local_datasets", {"query": "iris"})
            assert json.loads(out.content[0].text)["count"] == 1

    anyio.run(scenario)
