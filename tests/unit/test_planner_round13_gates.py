"""Thirteenth round: a rules' question the router's plan does not raise, and a chunking split."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest

import agents.planner as planner
from agents import thread_state
from agents.arguments import export_options
from agents.planner import clause_tools, plan_goal
from settings import get_settings
from tests.utils.arbitration import arbitrating
from tests.utils.arbitration import router_says as says

# The rules read 'show me' as an inspection and ask which table; the router plans a listing.
LISTING = "show me every file i put up here"
# The rules miss the generation in 'answers data' and ask which QA set to export.
# 'answer mdoel' is read 'answer model' (a typo fixed), which the rules do not read as the QA
# mode: their plan is the export alone, which asks (round 19: 'mode' is no longer 'model')
EXPORT = "answers data from docs/glazing_notes.md in answer mdoel, after that export to jsonl"
QA = ("chunk_documents", "generate_qa", "export_dataset")


@pytest.fixture
def pottery(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict]:
    """An invented kiln log and glazing notes; the router counted as ready; a trace installed."""
    rows = 40
    workspace = get_settings().workspace
    pd.DataFrame(
        {
            "reading": [f"r{i:03d}" for i in range(rows)],
            "kiln": ["north", "south"] * (rows // 2),
            "temp": [900 + (i * 13) % 70 for i in range(rows)],
            "glaze": ["ash", "celadon", "tenmoku", "shino"] * (rows // 4),
        }
    ).to_csv(workspace / "kiln_temps.csv", index=False)
    (workspace / "docs").mkdir(exist_ok=True)
    (workspace / "docs" / "glazing_notes.md").write_text(
        "# Glazes\n\nA glaze is fired at high heat until it turns to glass.\n\n"
        "# Cooling\n\nThe kiln must cool slowly over many hours or the pots crack.\n"
    )
    yield from arbitrating(monkeypatch)


def test_the_bars_are_set() -> None:
    assert planner.ROUTER_QUESTION is not None
    assert 0.5 <= planner.ROUTER_QUESTION < planner.ROUTER_QUESTION_ANY < 0.9


def test_a_confident_router_answers_a_question_asked_for_a_tool_it_does_not_plan(
    pottery: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    says(monkeypatch, ("list_local_datasets",), planner.ROUTER_QUESTION)
    plan = plan_goal(LISTING)
    assert [s.tool for s in plan.steps] == ["list_local_datasets"] and plan.question is None
    assert pottery["gate"] == "router" and pottery["passed"] == ["question"]


def test_below_the_bar_the_question_stands(pottery: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    says(monkeypatch, ("list_local_datasets",), planner.ROUTER_QUESTION - 0.05)
    plan = plan_goal(LISTING)
    assert not plan.steps and plan.question and "Which dataset" in plan.question
    assert pottery["gate"] == "question"
    monkeypatch.setattr(planner, "ROUTER_QUESTION", None)  # off: even a sure router is held
    says(monkeypatch, ("list_local_datasets",), 0.99)
    plan = plan_goal(LISTING)
    assert not plan.steps and plan.question and "Which dataset" in plan.question
    assert pottery["gate"] == "question"


def test_a_router_that_feeds_the_asking_step_answers_its_question(
    pottery: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rules' export asks which QA set; the router generates it first, so its plan asks nothing.
    says(monkeypatch, QA, 0.9)
    plan = plan_goal(EXPORT)
    assert [s.tool for s in plan.steps] == list(QA) and plan.question is None
    assert plan.steps[0].args["paths"] == ["docs/glazing_notes.md"]
    assert plan.steps[2].args["format"] == "jsonl"
    assert pottery["gate"] == "router"
    # The export alone would be fed the same as the rules' step: below ROUTER_QUESTION_ANY
    # the question stands; above it the router's build is tried, and asks the same.
    says(monkeypatch, ("export_dataset",), planner.ROUTER_QUESTION_ANY - 0.05)
    plan = plan_goal(EXPORT)
    assert not plan.steps and plan.question and "QA dataset" in plan.question
    assert pottery["gate"] == "question"


def test_the_same_step_keeps_its_question(pottery: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    # Which column to predict is the data's ambiguity: a router planning the same training asks it
    # too: held at the gate below ROUTER_QUESTION_ANY, by its own build's question above it.
    says(monkeypatch, ("train_model",), planner.ROUTER_QUESTION_ANY - 0.05)
    plan = plan_goal("fit a model on kiln_temps.csv")
    assert not plan.steps and plan.question
    assert pottery["gate"] == "question" and pottery["passed"] == []
    says(monkeypatch, ("train_model",), 0.99)
    plan = plan_goal("fit a model on kiln_temps.csv")
    assert not plan.steps and plan.question and "kiln_temps.csv" in plan.question
    assert pottery["gate"] == "build_asks" and pottery["passed"] == ["question"]


def test_a_router_whose_own_build_asks_leaves_the_question(
    pottery: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A synthetic-data generator needs a labeled table the goal does not name: its build asks.
    says(monkeypatch, ("train_generator", "generate_synthetic"), 0.99)
    plan = plan_goal(LISTING)
    assert not plan.steps and plan.question
    assert pottery["gate"] == "build_asks" and pottery["passed"] == ["question"]


def test_on_a_thread_the_question_stands(pottery: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    from agents import router

    states: list[str | None] = []

    def route(goal: str, exclude: object = None, state: str | None = None) -> router.Route:
        states.append(state)
        return router.Route(("list_local_datasets",), 0.99)

    monkeypatch.setattr(router, "route", route)
    memory = {"last_turn": [{"tool": "train_model"}], thread_state.TURN_KEY: "answer"}
    plan = plan_goal(LISTING, memory)
    assert not plan.steps and plan.question  # the rules' question, as on any thread before
    assert "question" not in (pottery.get("passed") or [])


@pytest.mark.parametrize(
    "goal",
    [
        "make a qa set from docs/glazing_notes.md, split it at the markdown headings",
        "build qa pairs out of docs/glazing_notes.md please, two per section, split it by heading",
        "generate question-answer pairs from docs/glazing_notes.md, split into sections",
    ],
)
def test_a_chunking_split_is_no_export(goal: str) -> None:
    assert clause_tools(goal) == ["chunk_documents", "generate_qa"]
    assert "splits" not in export_options(goal)


@pytest.mark.parametrize(
    "goal",
    [
        "make qa pairs from docs/glazing_notes.md and give me a file split into training, "
        "validation and test",
        "generate a qa set from docs/glazing_notes.md, split 80/10/10",
    ],
)
def test_a_train_test_split_is_still_an_export(goal: str) -> None:
    assert clause_tools(goal) == ["chunk_documents", "generate_qa", "export_dataset"]
    assert export_options(goal)["splits"]


def test_a_qa_request_split_at_headings_plans_no_export(
    pottery: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    says(monkeypatch, ("chunk_documents", "generate_qa"), 0.2)
    plan = plan_goal(
        "From the glazing notes (docs/glazing_notes.md) please make questions and answers for "
        "the new studio assistants, 2 for each section. Split it by the markdown headings."
    )
    assert [s.tool for s in plan.steps] == ["chunk_documents", "generate_qa"]
    assert plan.steps[0].args.get("strategy") == "markdown"
