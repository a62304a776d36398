"""The OpenAI provider path: the server's planner talks to a fake OpenAI-compatible server."""

from __future__ import annotations

import pytest

from tests.utils.fake_openai import FakeOpenAI, FakeReply


def test_llm_planner_through_the_real_server(make_server) -> None:
    bad = FakeReply(tool_calls=[{"name": "inspect_dataset", "arguments": {"dataset": 7, "x": 1}}])
    good = FakeReply(
        tool_calls=[
            {"name": "list_local_datasets", "arguments": {"query": "wine"}},
            {"name": "inspect_dataset", "arguments": {"dataset": "${steps.0.datasets.0.id}"}},
        ]
    )
    with FakeOpenAI([bad, good]) as fake:
        srv = make_server({"FORGEFLOW_LLM": "openai:fake-model", "OPENAI_BASE_URL": fake.base_url})
        with srv.client() as c:
            assert c.get("/health").json()["llm"] == "openai:fake-model"
            body = c.post("/generate", json={"goal": "tell me about the wine data"}).json()
        assert body["status"] == "completed", body
        assert body["result"]["plan"]["planner"] == "llm"
        steps = body["result"]["steps"]
        assert [s["tool"] for s in steps] == ["list_local_datasets", "inspect_dataset"]
        assert steps[1]["args"] == {"dataset": "wine"}
        assert steps[1]["output"]["rows"] == 178
        # The model saw the registry as tools and got its invalid call back as a tool message.
        first, second = fake.requests[0], fake.requests[1]
        assert {t["function"]["name"] for t in first["tools"]} >= {"inspect_dataset"}
        feedback = [m for m in second["messages"] if m["role"] == "tool"]
        assert feedback and "invalid arguments" in feedback[0]["content"]


def test_unreachable_llm_is_a_clear_error(make_server) -> None:
    srv = make_server({"FORGEFLOW_LLM": "openai:m", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"})
    with srv.client() as c:
        body = c.post("/generate", json={"goal": "list local datasets"}).json()
    assert body["status"] == "failed"
    assert body["error"]["code"] == "upstream_error"
    assert "FORGEFLOW_LLM" in body["error"]["hint"]


@pytest.mark.parametrize("value", ["gpt4", "claude:x", "openai:"])
def test_bad_llm_setting_is_refused(monkeypatch, value: str) -> None:
    from pydantic import ValidationError

    from settings import Settings

    monkeypatch.setenv("FORGEFLOW_LLM", value)
    with pytest.raises(ValidationError) as err:
        Settings()
    assert "openai:<model>" in str(err.value)
