"""Issue 11 through the graph: pending questions, repair of bad inputs, the LLM planner grounded."""

from __future__ import annotations

import json
from typing import Any

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command

import graphs.orchestrator as orchestrator
from agents.plan import Plan, PlanStep
from errors import column_not_found
from graphs.orchestrator import build_graph, repair_args
from graphs.state import RunContext
from settings import get_settings, reset_settings
from tests.utils.fake_openai import FakeOpenAI, FakeReply
from tests.utils.person_data import write_person_data


@pytest.fixture
def files() -> None:
    write_person_data(get_settings().workspace)


def turn(graph: Any, goal: Any, thread: str = "t") -> dict[str, Any]:
    config = {"configurable": {"thread_id": thread}}
    payload = goal if isinstance(goal, Command) else {"goal": goal}
    list(graph.stream(payload, config, context=RunContext(), stream_mode="custom"))
    snapshot = graph.get_state(config)
    return {"values": snapshot.values, "interrupts": snapshot.interrupts}


def test_a_pending_question_does_not_swallow_a_new_complete_goal(
    files: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(
        orchestrator, "call_tool", lambda tool, args, ctx: calls.append((tool, args)) or {}
    )
    graph = build_graph(InMemorySaver())
    first = turn(graph, "train a model")
    assert first["interrupts"], "a goal with no data asks which data"
    # The person does not answer: they state a complete new goal, as the runner resumes with it.
    second = turn(graph, Command(resume="predict cultivar from wine_train.csv"))
    assert not second["interrupts"]
    assert calls == [("train_model", {"dataset": "wine_train.csv", "label_column": "cultivar"})]


def test_a_reply_that_only_answers_the_question_completes_the_goal(
    files: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(
        orchestrator, "call_tool", lambda tool, args, ctx: calls.append((tool, args)) or {}
    )
    graph = build_graph(InMemorySaver())
    turn(graph, "train a classifier on digits.csv")  # which column? digit, pixel_...
    turn(graph, Command(resume="the digit column"))
    assert calls == [("train_model", {"dataset": "digits.csv", "label_column": "digit"})]


def test_a_column_error_with_one_candidate_is_repaired_and_said(
    files: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = orchestrator.call_tool
    seen: list[dict[str, Any]] = []

    def strict(tool: str, args: dict[str, Any], ctx: Any) -> Any:
        seen.append(dict(args))
        if tool == "inspect_dataset" and args.get("label_column") == "Cultivar":
            raise column_not_found("Cultivar", ["alcohol", "cultivar"], argument="label_column")
        return real(tool, args, ctx)

    monkeypatch.setattr(orchestrator, "call_tool", strict)
    monkeypatch.setattr(
        orchestrator,
        "_plan",
        lambda goal, memory, history: Plan(
            steps=[
                PlanStep(
                    tool="inspect_dataset",
                    args={"dataset": "wine_train.csv", "label_column": "Cultivar"},
                )
            ]
        ),
    )
    out = turn(build_graph(InMemorySaver()), "inspect wine_train.csv by Cultivar")
    step = out["values"]["result"]["steps"][0]
    assert step["status"] == "completed"
    assert step["args"]["label_column"] == "cultivar"
    assert step["repairs"] == ["label_column 'Cultivar' → 'cultivar'"]
    assert "label_column 'Cultivar' → 'cultivar'" in out["values"]["answer"]
    assert len(seen) == 2


def test_a_persons_file_is_never_overwritten_by_the_repair_step(
    files: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """save_table refuses to replace a file it did not write; its error names overwrite=true as
    the one fix, but that is the person's consent to give: the repair step never gives it, the
    person is asked, and their 'no' keeps the file."""
    workspace = get_settings().workspace
    (workspace / "mine.csv").write_text("kept\n1\n")
    monkeypatch.setattr(
        orchestrator,
        "_plan",
        lambda goal, memory, history: Plan(
            steps=[
                PlanStep(tool="save_table", args={"dataset": "wine_train.csv", "path": "mine.csv"})
            ]
        ),
    )
    graph = build_graph(InMemorySaver())
    out = turn(graph, "save wine_train.csv as mine.csv")
    assert out["interrupts"], "the person is asked (round 10), the step does not replace"
    assert (workspace / "mine.csv").read_text() == "kept\n1\n"
    out = turn(graph, Command(resume="no"))
    step = out["values"]["result"]["steps"][0]
    assert step["status"] == "skipped" and not step.get("repairs")
    assert (workspace / "mine.csv").read_text() == "kept\n1\n"
    # A plan that sets overwrite itself (an LLM's tool call) is not the person's word either.
    monkeypatch.setattr(
        orchestrator,
        "_plan",
        lambda goal, memory, history: Plan(
            steps=[
                PlanStep(
                    tool="save_table",
                    args={"dataset": "wine_train.csv", "path": "mine.csv", "overwrite": True},
                )
            ]
        ),
    )
    out = turn(graph, "save wine_train.csv over mine.csv", thread="t2")
    assert out["interrupts"] and (workspace / "mine.csv").read_text() == "kept\n1\n"
    consent = {"details": {"argument": "overwrite", "candidates": ["true"], "reason": "consent"}}
    assert repair_args("save_table", {"dataset": "a.csv", "path": "b.csv"}, consent) is None


def test_repair_is_only_for_evident_fixes() -> None:
    ambiguous = {"details": {"argument": "label_column", "candidates": ["a", "b"]}}
    assert repair_args("train_model", {"label_column": "x"}, ambiguous) is None
    join = {"details": {"argument": "id_column", "candidates": ["person_id"], "reason": "missing"}}
    fixed = repair_args("label_dataset", {"dataset": "c.csv"}, join)
    assert fixed == (
        {"dataset": "c.csv", "id_column": "person_id"},
        "id_column unset → 'person_id'",
    )
    schema = {
        "details": {"errors": [{"loc": "label_col", "type": "extra_forbidden", "msg": "extra"}]}
    }
    renamed = repair_args("train_model", {"dataset": "d.csv", "label_col": "y"}, schema)
    assert renamed == (
        {"dataset": "d.csv", "label_column": "y"},
        "argument 'label_col' → 'label_column'",
    )


def test_the_llm_planner_sees_the_profile_and_its_bad_call_is_repaired(
    files: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = {
        "name": "inspect_dataset",
        "arguments": {"dataset": "wine_train.csv", "label_column": "Cultivar"},
    }
    with FakeOpenAI([FakeReply(tool_calls=[call])]) as fake:
        monkeypatch.setenv("FORGEFLOW_LLM", "openai:fake-model")
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "test")
        reset_settings()
        out = turn(build_graph(InMemorySaver()), "how are the cultivars spread in wine_train.csv?")
        requests = list(fake.requests)
    system = requests[0]["messages"][0]["content"]
    profiles = system.split("<profiles>")[1].split("</profiles>")[0]
    profile = json.loads(profiles)[0]
    assert profile["file"] == "wine_train.csv" and profile["rows"] == 130
    cultivar = next(c for c in profile["columns"] if c["name"] == "cultivar")
    assert "label" in cultivar["flags"] and "class_0" in cultivar["values"]
    step = out["values"]["result"]["steps"][0]
    assert step["status"] == "completed"
    assert step["repairs"] == ["label_column 'Cultivar' → 'cultivar'"]
    assert step["output"]["label_column"] == "cultivar"


def test_the_llm_planner_answers_results_questions_from_memory(
    files: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeOpenAI(["should not be asked"]) as fake:
        monkeypatch.setenv("FORGEFLOW_LLM", "openai:fake-model")
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "test")
        reset_settings()
        from agents.llm import get_chat_model
        from agents.llm_planner import plan_with_llm
        from agents.planner import remember

        memory = remember(
            "train_model", {"model_path": "models/m", "metrics": {"f1_macro": 0.8}}, {}, {}
        )
        plan = plan_with_llm(get_chat_model(), "what was the F1?", memory)
        assert not fake.requests
    assert plan.answer is not None and plan.answer.startswith("F1: 0.800")


def test_an_id_column_whose_values_repeat_is_unset_unless_a_gold_file_joins_on_it() -> None:
    """A plan binds an evident id from a sample of rows; when the whole table repeats it, the
    labeling error says so in structured form and the repair numbers the rows instead."""
    import pandas as pd
    import pytest

    from errors import BadInput
    from tools.labeling.gold import ensure_ids

    frame = pd.DataFrame({"ticket_no": ["T-1", "T-2", "T-1"], "note": ["a", "b", "c"]})
    with pytest.raises(BadInput) as caught:
        ensure_ids(frame, "ticket_no")
    error = {"details": caught.value.details}
    assert error["details"]["reason"] == "not_unique"
    args = {"data_path": "t.csv", "id_column": "ticket_no", "text_column": "note"}
    fixed, said = repair_args("label_dataset", args, error)
    assert fixed == {"data_path": "t.csv", "text_column": "note"}
    assert "'ticket_no' → unset" in said
    assert repair_args("label_dataset", {**args, "gold_path": "g.csv"}, error) is None
