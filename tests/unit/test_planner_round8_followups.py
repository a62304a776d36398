"""Round 8: conversation follow-ups routed by the learned router given the thread's state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents import router, semantic, thread_state
from agents.planner import plan_goal, remember
from settings import get_settings, reset_settings


@pytest.fixture
def hives() -> None:
    """Invented tables: beehives with an apiary, a frame count, a note and whether they swarmed,
    and a spring batch without the label.
    """
    rows = 40
    workspace = get_settings().workspace
    pd.DataFrame(
        {
            "hive_id": [f"h{i:03d}" for i in range(rows)],
            "apiary": ["north", "south"] * (rows // 2),
            "frames": [i % 9 for i in range(rows)],
            "keeper_note": ["queen seen", "no brood"] * (rows // 2),
            "swarmed": ["yes", "no", "no", "no"] * (rows // 4),
        }
    ).to_csv(workspace / "hives.csv", index=False)
    pd.DataFrame(
        {
            "hive_id": [f"s{i:03d}" for i in range(10)],
            "apiary": ["north", "south"] * 5,
            "frames": [i % 9 for i in range(10)],
            "keeper_note": ["queen seen", "no brood"] * 5,
        }
    ).to_csv(workspace / "hives_spring.csv", index=False)


def trained_thread() -> dict[str, Any]:
    """A thread whose last acting turn trained a model on hives.csv (what the graph keeps)."""
    args = {"dataset": "hives.csv", "label_column": "swarmed"}
    output = {"model_path": "models/hives-1", "dataset": "hives.csv", "label_column": "swarmed"}
    memory = remember("train_model", {**output, "metrics": {"accuracy": 0.8}}, {}, args)
    memory["last_turn"] = [{"tool": "train_model", "args": args}]
    memory[thread_state.TURN_KEY] = "tools"
    return memory


class FakeRouter:
    """A stand-in router answering `tools` with `confidence`; it records the state it got."""

    def __init__(self, tools: tuple[str, ...], confidence: float) -> None:
        self.answer = router.Route(tools, confidence)
        self.states: list[str] = []

    def __call__(
        self, goal: str, exclude: frozenset[str] | None = None, state: str = "fresh"
    ) -> router.Route:
        self.states.append(state)
        return self.answer


def use_router(monkeypatch: pytest.MonkeyPatch, tools: tuple[str, ...], p: float) -> FakeRouter:
    fake = FakeRouter(tools, p)
    monkeypatch.setattr(semantic, "available", lambda: True)
    monkeypatch.setattr(router, "route", fake)
    return fake


def planned(goal: str, memory: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    plan = plan_goal(goal, memory)
    assert plan.question is None, plan.question
    return [(s.tool, s.args) for s in plan.steps]


def test_rows_and_live_threads_share_one_state_vocabulary() -> None:
    turns = [
        {"user": "teach it swarming from hives.csv", "expect": {"tools": ["train_model"]}},
        {"user": "how accurate?", "expect": {"tools": []}},
    ]
    from_rows = thread_state.from_turns(turns)
    memory = {**trained_thread(), thread_state.TURN_KEY: "answer"}
    assert from_rows == thread_state.from_memory(memory)
    assert from_rows == "has_model last_answer last_train_model thread"
    assert set(from_rows.split()) <= set(thread_state.TOKENS)
    asked = [{"user": "label it", "expect": {"tools": [], "ask": True}}]
    assert thread_state.from_turns(asked) == "last_answer pending_question thread"
    assert thread_state.from_memory({thread_state.TURN_KEY: "question"}) == (
        "last_answer pending_question thread"
    )
    assert thread_state.from_turns([]) == thread_state.from_memory({}) == thread_state.FRESH
    odd = thread_state.tokens(["a_tool_nobody_knows"], ["nothing_known"])
    assert odd == "last_other thread"


def test_the_router_reads_the_same_words_by_the_threads_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    goals = tmp_path / "goals.tsv"
    goals.write_text(
        "train_model\tteach a model the swarm column of a.csv\talpha\n"
        "label_dataset\tput a tag on every note in a.csv\talpha\n"
    )
    follow = tmp_path / "followups.tsv"
    model_state = "has_model last_train_model thread"
    label_state = "has_labels last_label_dataset thread"
    follow.write_text(
        "# tools<TAB>turn<TAB>corpus<TAB>state\n"
        f"predict\tnow the next batch, b.csv\talpha\t{model_state}\n"
        f"predict\tok the next batch too, c.csv\tbeta\t{model_state}\n"
        f"label_dataset\tnow the next batch, b.csv\talpha\t{label_state}\n"
        f"label_dataset\tok the next batch too, c.csv\tbeta\t{label_state}\n"
    )
    monkeypatch.setattr(router, "GOALS", goals)
    monkeypatch.setattr(router, "FOLLOW_UPS", follow)
    monkeypatch.setattr(semantic, "available", lambda: False)
    monkeypatch.setenv("FORGEFLOW_CACHE_DIR", str(tmp_path / "cache"))
    reset_settings()
    model = router.Model(frozenset(), threads=True)
    said = "and the next batch please, d.csv"
    assert model.predict(said, model_state)[0].tools == ("predict",)
    assert model.predict(said, label_state)[0].tools == ("label_dataset",)
    # FORGEFLOW_ROUTER_EXCLUDE drops a corpus's follow-ups with its goals.
    assert router.Model(frozenset({"beta"}), threads=True).size == model.size - 2
    # A goal on an empty thread is routed by a fit without the follow-ups (their words never
    # move a fresh goal's routing).
    assert router.Model(frozenset()).size == model.size - 4


def test_a_confident_router_fills_a_follow_up_the_rules_could_not_route(
    hives: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = "what would it say about hives_spring.csv"
    use_router(monkeypatch, ("predict",), 0.3)
    doubtful = [t for t, _ in planned(goal, trained_thread())]
    assert "predict" not in doubtful  # the rules' own (a look-up at most)
    fake = use_router(monkeypatch, ("predict",), 0.9)
    steps = planned(goal, trained_thread())
    assert [t for t, _ in steps] == ["predict"]
    assert steps[0][1]["model"] == "models/hives-1"  # the thread's model
    assert steps[0][1]["dataset"] == "hives_spring.csv"
    assert fake.states == ["has_model last_train_model thread"]  # the state from the memory


def test_a_follow_up_the_rules_met_with_a_look_up_takes_the_routers_tool(
    hives: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = "right, carry on with the next one: hives_spring.csv"
    use_router(monkeypatch, ("evaluate_model",), 0.5)
    looked = [t for t, _ in planned(goal, trained_thread())]
    assert looked and set(looked) <= {"inspect_dataset", "preview_rows"}  # the rules: a look-up
    use_router(monkeypatch, ("evaluate_model",), 0.95)
    steps = planned(goal, trained_thread())
    # the router's use of the thread's model is taken; the spring batch has no label column to
    # measure against, so the use is a prediction (round 12: the table decides which use)
    assert steps == [("predict", {"model": "models/hives-1", "dataset": "hives_spring.csv"})]


def test_the_rules_cued_tools_on_a_thread_are_replaced_only_at_high_confidence(
    hives: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = "fill in hives_spring.csv"  # a wording cue: labeling
    use_router(monkeypatch, ("predict",), 0.5)
    assert [t for t, _ in planned(goal, trained_thread())] == ["label_dataset"]
    use_router(monkeypatch, ("predict",), 0.95)
    steps = planned(goal, trained_thread())
    ((tool, args),) = steps  # (the table's evident id, hive_id, is bound too)
    assert tool == "predict"
    assert {args["model"], args["dataset"]} == {"models/hives-1", "hives_spring.csv"}


def test_a_tool_said_in_words_on_a_thread_is_never_replaced(
    hives: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_router(monkeypatch, ("predict",), 0.99)
    steps = planned("evaluate_model on hives_spring.csv please", trained_thread())
    assert [t for t, _ in steps] == ["evaluate_model"]


def test_a_look_up_is_not_dropped_for_an_answer_on_a_thread(
    hives: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = "right, carry on with the next one: hives_spring.csv"
    use_router(monkeypatch, (), 0.99)
    looked = [t for t, _ in planned(goal, trained_thread())]
    assert looked and set(looked) <= {"inspect_dataset", "preview_rows"}


def test_a_first_goal_is_routed_as_fresh(hives: None, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = use_router(monkeypatch, ("detect_anomalies",), 0.97)
    steps = planned("have a look over hives.csv for me", {})
    assert [t for t, _ in steps] == ["detect_anomalies"]
    assert fake.states == ["fresh"]


def test_the_routers_tool_takes_its_data_from_the_thread(
    hives: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory = remember(
        "inspect_dataset", {"dataset": "hives.csv", "rows": 40}, {}, {"dataset": "hives.csv"}
    )
    memory["last_turn"] = [{"tool": "inspect_dataset", "args": {"dataset": "hives.csv"}}]
    fake = use_router(monkeypatch, ("detect_anomalies",), 0.95)
    steps = planned("which of them look off?", memory)
    assert steps == [
        ("detect_anomalies", {"dataset": "hives.csv", "id_column": "hive_id"})
    ]  # thread's
    assert fake.states == ["last_inspect_dataset thread"]


def test_the_graph_marks_how_each_turn_ended() -> None:
    from langgraph.checkpoint.memory import InMemorySaver

    from graphs.orchestrator import build_graph
    from graphs.state import RunContext

    graph = build_graph(InMemorySaver())
    config = {"configurable": {"thread_id": "bees"}}

    def turn(goal: str) -> dict[str, Any]:
        list(graph.stream({"goal": goal}, config, context=RunContext(), stream_mode="custom"))
        return graph.get_state(config).values["memory"]

    memory = turn("list the local datasets")
    assert memory[thread_state.TURN_KEY] == "tools"
    assert thread_state.from_memory(memory) == "last_list_local_datasets thread"
    memory = turn("hello there, how are you today?")
    assert memory[thread_state.TURN_KEY] == "answer"
    assert thread_state.from_memory(memory) == "last_answer last_list_local_datasets thread"


def test_training_on_a_table_a_labeling_run_wrote_predicts_its_label(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = 30
    pd.DataFrame(
        {
            "firing_id": [f"F{i:03d}" for i in range(rows)],
            "kiln": ["east", "west", "annex"] * (rows // 3),
            "glaze_note": ["crazing on rim", "even gloss"] * (rows // 2),
            "label": ["flawed", "fine", "fine"] * (rows // 3),
            "covered": [True, False, True] * (rows // 3),
            "label_source": ["rules", "model", "hand"] * (rows // 3),
            "hand_label": ["flawed", "", ""] * (rows // 3),
        }
    ).to_csv(get_settings().workspace / "firings_labeled.csv", index=False)
    args = {"output_path": "firings_labeled.csv", "format": "csv"}
    memory = remember("export_labeled_data", {"path": "firings_labeled.csv"}, {}, args)
    memory["last_turn"] = [{"tool": "export_labeled_data", "args": args}]
    monkeypatch.setattr(semantic, "available", lambda: False)
    steps = planned("thanks. now train a model on this file", memory)
    assert steps == [
        (
            "train_model",
            {"dataset": "firings_labeled.csv", "label_column": "label", "id_column": "firing_id"},
        )
    ]
    named = planned("train a model on firings_labeled.csv to predict the kiln", memory)
    assert named[0][1]["label_column"] == "kiln"  # a column named outright still wins


def test_a_number_before_the_class_word_is_how_many_to_generate(
    hives: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = {"model_path": "models/gen-hives", "classes": ["yes", "no"], "label_column": "swarmed"}
    args = {"dataset": "hives.csv", "label_column": "swarmed"}
    memory = remember("train_generator", output, {}, args)
    memory["last_turn"] = [{"tool": "train_generator", "args": args}]
    use_router(monkeypatch, ("generate_synthetic",), 0.9)
    steps = planned("300 swarmers -> fake_swarms.csv", memory)
    assert steps == [
        (
            "generate_synthetic",
            {"model": "models/gen-hives", "n": 300, "output": "fake_swarms.csv", "label": "yes"},
        )
    ]


def test_a_bare_reply_to_a_question_is_never_made_a_new_goal_by_the_router(
    hives: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The graph plans a reply alone to see whether it is a new request; a confident router
    must not turn a bare 'hives_spring' (the answer to 'which data?') into one."""
    use_router(monkeypatch, ("train_model",), 0.99)
    reply = {**trained_thread(), thread_state.TURN_KEY: "reply"}
    assert plan_goal("hives_spring", reply).steps == []
    pending = {**trained_thread(), thread_state.TURN_KEY: "question"}
    assert "pending_question" in thread_state.from_memory(reply).split()
    assert thread_state.from_memory(reply) == thread_state.from_memory(pending)
