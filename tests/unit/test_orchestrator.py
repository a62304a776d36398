"""The orchestrator graph: plan, dispatch with references, report, threads, the LLM planner."""

from __future__ import annotations

import threading
from typing import Any, ClassVar

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, ToolMessage
from langgraph.checkpoint.memory import InMemorySaver

from agents.llm_planner import plan_with_llm
from errors import Cancelled, UpstreamError
from graphs.orchestrator import StepFailed, build_graph, resolve_refs
from graphs.state import RunContext


class ScriptedChat(GenericFakeChatModel):
    """A fake chat model that replays scripted replies and records what it was sent."""

    seen: ClassVar[list[Any]] = []

    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedChat:
        return self

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):  # type: ignore[override]
        self.seen.append(list(messages))
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


def run_goal(graph: Any, goal: str, thread: str = "t1", **ctx: Any) -> dict[str, Any]:
    config = {"configurable": {"thread_id": thread}}
    events = list(
        graph.stream({"goal": goal}, config, context=RunContext(**ctx), stream_mode="custom")
    )
    values = graph.get_state(config).values
    return {"values": values, "events": events}


def test_goal_runs_steps_and_streams_progress() -> None:
    graph = build_graph(InMemorySaver())
    out = run_goal(graph, "list the local datasets and inspect breast_cancer")
    result = out["values"]["result"]
    assert [s["tool"] for s in result["steps"]] == ["list_local_datasets", "inspect_dataset"]
    assert all(s["status"] == "completed" for s in result["steps"])
    assert result["steps"][1]["output"]["rows"] == 569
    assert "569 rows" in out["values"]["answer"]
    kinds = [e["type"] for e in out["events"]]
    assert "plan" in kinds and "progress" in kinds
    progress = [e["progress"] for e in out["events"] if "progress" in e]
    assert progress == sorted(progress) and progress[-1] == 100.0


def test_follow_up_turn_sees_the_earlier_listing() -> None:
    graph = build_graph(InMemorySaver())
    run_goal(graph, "list local datasets", thread="t")
    second = run_goal(graph, "inspect the second one", thread="t")
    step = second["values"]["result"]["steps"][0]
    assert step["args"] == {"dataset": "iris"}
    assert step["output"]["rows"] == 150
    messages = second["values"]["messages"]
    assert [m.type for m in messages] == ["human", "ai", "human", "ai"]


def test_dry_run_plans_without_running() -> None:
    graph = build_graph(InMemorySaver())
    out = run_goal(graph, "inspect iris then find anomalies in iris", dry_run=True)
    result = out["values"]["result"]
    assert result["steps"] == []
    assert [s["tool"] for s in result["plan"]["steps"]] == ["inspect_dataset", "detect_anomalies"]
    assert result["plan"]["steps"][0]["reads"] == {"dataset": "iris"}
    assert "dry run" in out["values"]["answer"]


def test_unbuilt_tool_gets_a_clear_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    import tools.registry as registry

    monkeypatch.delitem(registry._BY_NAME, "inspect_dataset")
    graph = build_graph(InMemorySaver())
    out = run_goal(graph, "inspect iris then list local datasets")
    steps = out["values"]["result"]["steps"]
    assert steps[0]["status"] == "unavailable"
    assert steps[1]["status"] == "skipped"
    assert "not available in this version" in out["values"]["answer"]


def test_failed_step_reports_error_with_hint(home: Any) -> None:
    graph = build_graph(InMemorySaver())
    # A link in the workspace that leads out: planned by its name, refused by the tool.
    home.mkdir(parents=True, exist_ok=True)
    outside = home / "elsewhere.csv"
    outside.write_text("a,b\n1,2\n")
    workspace = home / "workspace"
    workspace.mkdir(exist_ok=True)
    (workspace / "orders_link.csv").symlink_to(outside)
    out = run_goal(graph, "inspect orders_link.csv")
    step = out["values"]["result"]["steps"][0]
    assert step["status"] == "failed"
    assert step["error"]["code"] == "path_outside_workspace"
    assert "Hint:" in out["values"]["answer"]


def test_path_outside_said_in_goal_is_refused_before_any_step() -> None:
    graph = build_graph(InMemorySaver())
    out = run_goal(graph, "inspect ../outside.csv")
    assert out["values"]["result"]["steps"] == []
    assert "outside the workspace" in out["values"]["answer"]


def test_cancel_stops_at_step_boundary() -> None:
    graph = build_graph(InMemorySaver())
    event = threading.Event()
    event.set()
    with pytest.raises(Cancelled):
        run_goal(graph, "list local datasets", cancel_event=event)


def test_resolve_refs() -> None:
    steps = [{"status": "completed", "output": {"results": [{"id": "a"}, {"id": "b"}]}}]
    assert resolve_refs({"x": "${steps.0.results.1.id}"}, steps) == {"x": "b"}
    assert resolve_refs("id=${steps.0.results.0.id}", steps) == "id=a"
    assert resolve_refs(["${steps.0.results}"], steps) == [[{"id": "a"}, {"id": "b"}]]
    with pytest.raises(StepFailed):
        resolve_refs("${steps.0.results.5.id}", steps)
    with pytest.raises(StepFailed):
        resolve_refs("${steps.3.x}", steps)


def _call(name: str, args: dict, call_id: str) -> dict:
    return {"name": name, "args": args, "id": call_id, "type": "tool_call"}


def test_llm_planner_feeds_invalid_calls_back() -> None:
    ScriptedChat.seen = []
    model = ScriptedChat(
        messages=iter(
            [
                AIMessage(
                    "",
                    tool_calls=[
                        _call("inspect_dataset", {"dataset": "iris", "sample_rows": "lots"}, "c1")
                    ],
                ),
                AIMessage(
                    "",
                    tool_calls=[
                        _call("inspect_dataset", {"dataset": "iris", "sample_rows": 3}, "c2")
                    ],
                ),
            ]
        )
    )
    plan = plan_with_llm(model, "look at iris, target accuracy 0.9", {})
    assert plan.planner == "llm"
    assert [(s.tool, s.args) for s in plan.steps] == [
        ("inspect_dataset", {"dataset": "iris", "sample_rows": 3})
    ]
    assert plan.targets == {"accuracy": 0.9}
    feedback = [m for m in ScriptedChat.seen[1] if isinstance(m, ToolMessage)]
    assert feedback and "sample_rows" in feedback[0].content


def test_llm_planner_question_and_give_up() -> None:
    model = ScriptedChat(messages=iter([AIMessage("Which dataset do you mean?")]))
    assert plan_with_llm(model, "do it", {}).question == "Which dataset do you mean?"
    bad = AIMessage("", tool_calls=[_call("no_such_tool", {}, "x")])
    model = ScriptedChat(messages=iter([bad, bad, bad]))
    with pytest.raises(UpstreamError):
        plan_with_llm(model, "do it", {})


def test_graph_uses_llm_planner_when_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    import graphs.orchestrator as orchestrator

    model = ScriptedChat(
        messages=iter(
            [AIMessage("", tool_calls=[_call("list_local_datasets", {"query": "ir"}, "a")])]
        )
    )
    monkeypatch.setattr(orchestrator, "get_chat_model", lambda: model)
    out = run_goal(build_graph(InMemorySaver()), "what flower data is there?")
    result = out["values"]["result"]
    assert result["plan"]["planner"] == "llm"
    assert [d["id"] for d in result["steps"][0]["output"]["datasets"]] == ["iris"]
