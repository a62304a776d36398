"""Round 9 misrouted patterns: rules said as the labeling loop's starting point route to the loop,
rules said alone still apply; the router's tool on a clause naming no table reads the goal's one
input; a list item that only states a target is the loop's target (invented tables and wording)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.planner import Goal, _lone_input, _plan_clauses, plan_goal
from agents.slots import split_clauses
from settings import get_settings
from tests.utils.planning import plan_tools as _plan

ROWS = 40


@pytest.fixture
def ws() -> Path:
    """Invented table: greenhouse sensor notes with a partly filled fault column."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    n = ROWS
    pd.DataFrame(
        {
            "reading_id": [f"G-{500 + i}" for i in range(n)],
            "note": [
                f"bay {i} {'fan rattles loudly' if i % 2 else 'mist nozzle clogged with lime'}"
                for i in range(n)
            ],
            "fault": [["mechanical", "plumbing", None, None][i % 4] for i in range(n)],
        }
    ).to_csv(root / "greenhouse_notes.csv", index=False)
    return root


@pytest.mark.parametrize(
    "goal",
    [
        "Use these as a seed: 'rattle' or 'fan' means mechanical, 'nozzle' or 'lime' means "
        "plumbing. Then let the system refine them until it reaches 0.85 accuracy on the fault "
        "column of greenhouse_notes.csv.",
        "Start from these rules on greenhouse_notes.csv and run the whole weak supervision loop "
        "on the fault column: 'rattle' means mechanical, 'clogged' means plumbing.",
        "To get us started: 'fan' means mechanical and 'nozzle' means plumbing. Label the fault "
        "column of greenhouse_notes.csv, letting the loop add rules of its own on top of these.",
    ],
)
def test_rules_as_a_starting_point_are_the_labeling_loop(ws: Path, goal: str) -> None:
    tools, args = _plan(goal)
    assert tools[0] == "label_dataset"
    assert "apply_labeling_functions" not in tools
    assert args["label_dataset"]["data_path"] == "greenhouse_notes.csv"
    assert any("starting point" in n for n in plan_goal(goal).notes)


@pytest.mark.parametrize(
    "goal",
    [
        "On greenhouse_notes.csv: 'rattle' or 'fan' means mechanical, 'nozzle' means plumbing. "
        "Apply these rules and show me how many rows each one covers.",
        # a start said without a loop to carry on is still a one-off application
        "Start from these rules on greenhouse_notes.csv: 'fan' means mechanical, 'lime' means "
        "plumbing.",
    ],
)
def test_rules_said_alone_are_still_applied(ws: Path, goal: str) -> None:
    tools, _ = _plan(goal)
    assert "label_dataset" not in tools
    assert tools[0] in ("apply_labeling_functions", "vote_labels")


def _forced(goal: str, tool: str) -> list[tuple[str, dict]]:
    """The plan built when the router's `tool` is put on the goal's first clause."""
    first = split_clauses(goal)[0]
    plan = _plan_clauses(Goal(goal, goal, {}, (), None, None), {first: [tool]})
    assert plan.question is None, plan.question
    return [(s.tool, s.args) for s in plan.steps]


def test_router_tool_on_a_clause_without_a_table_reads_the_goals_one_input(ws: Path) -> None:
    goal = (
        "Could a model tell which greenhouse bays will report a fault? "
        "Use greenhouse_notes.csv and tell me how reliable it would be."
    )
    steps = _forced(goal, "train_model")
    assert [t for t, _ in steps] == ["train_model"]
    assert steps[0][1]["dataset"] == "greenhouse_notes.csv"


def test_lone_input_is_none_when_the_goal_names_several_or_only_writes(ws: Path) -> None:
    assert _lone_input("train on greenhouse_notes.csv then score spare.csv", None) == []
    assert _lone_input("how good could it get? save the result to out.csv", None) == []
    assert _lone_input("could a model do it? then test it with spare_test.csv", None) == []
    assert _lone_input("fake rows like greenhouse_notes.csv, save them as fake.jsonl", None) == [
        "greenhouse_notes.csv"
    ]
    assert _lone_input("how good could it get? (greenhouse_notes.csv)", None) == [
        "greenhouse_notes.csv"
    ]


@pytest.mark.parametrize(
    ("item", "metric", "value"),
    [("(d) target AUC 0.9 within 4 attempts", "auc", 0.9), ("(d) target f1 0.8", "f1_macro", 0.8)],
)
def test_a_target_only_item_after_the_loop_is_its_target_not_a_training(
    ws: Path, item: str, metric: str, value: float
) -> None:
    goal = (
        "Greenhouse labeling plan: (a) table greenhouse_notes.csv, column fault; "
        "(b) start from these rules: 'fan' means mechanical, 'lime' means plumbing; "
        f"(c) let the loop add mined rules on top; {item}"
    )
    tools, args = _plan(goal)
    assert tools == ["label_dataset"]
    assert args["label_dataset"]["target_metric"] == metric
    assert args["label_dataset"]["target_value"] == value
