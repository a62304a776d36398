"""Round 13: a new user's chat (invented bakery-orders tables and wording): gaps said only as gaps
are labeled, a label the thread or the test file makes evident is bound, 'do better' with nothing
to improve says so, and a stronger run without a target claims no attempts it will not make."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.memory import stronger_args
from agents.planner import plan_goal
from agents.thread_state import SAID_KEY, said_after
from settings import get_settings

ROWS = 120


@pytest.fixture
def ws() -> Path:
    """Bakery orders whose `verdict` is filled on a quarter of the rows (a `shop` column beside
    it), and a checked file whose `shop` is the same on every row."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    notes = ["crust was perfect", "bread arrived stale", "lovely sourdough", "burnt and late"]
    verdicts = ["liked", "disliked", "liked", "disliked"]
    orders = pd.DataFrame(
        {
            "order_id": [f"B{i:04d}" for i in range(ROWS)],
            "note": [f"{notes[i % 4]} on day {i}" for i in range(ROWS)],
            "verdict": [verdicts[i % 4] if i < ROWS // 4 else None for i in range(ROWS)],
            "shop": ["east", "west", "west"] * (ROWS // 3),
        }
    )
    orders.to_csv(root / "bakery_orders.csv", index=False)
    checked = orders.head(40).assign(
        verdict=[verdicts[i % 4] for i in range(40)], shop=["east"] * 40
    )
    checked.to_csv(root / "orders_checked.csv", index=False)
    return root


def _inspected(**more: Any) -> dict[str, Any]:
    """A thread that looked at the orders table (and maybe said more)."""
    call = {"tool": "inspect_dataset", "args": {"dataset": "bakery_orders.csv"}}
    return {
        "dataset": "bakery_orders.csv",
        "last_call": call,
        "results": [{"tool": "inspect_dataset", "args": dict(call["args"])}],
        **more,
    }


@pytest.mark.parametrize(
    "goal",
    [
        "the verdict column only has values on a few rows, could you fill the others",
        "only some orders have a verdict so far; please fill in the rest",
        "verdict is blank for most orders, can you fill them in for me",
        "we marked the verdict on a handful of orders. fill in the remaining ones?",
    ],
)
def test_gaps_said_only_as_gaps_label_the_column_named_elsewhere(ws: Path, goal: str) -> None:
    plan = plan_goal(goal, _inspected())
    assert [s.tool for s in plan.steps] == ["label_dataset"], (plan.steps, plan.answer)
    args = plan.steps[0].args
    assert args["data_path"] == "bakery_orders.csv" and args["label_column"] == "verdict"


def test_fill_the_rest_reads_the_only_column_with_gaps(ws: Path) -> None:
    plan = plan_goal("some rows are still empty there, can you fill in the rest?", _inspected())
    assert [s.tool for s in plan.steps] == ["label_dataset"]
    assert plan.steps[0].args["label_column"] == "verdict"


def test_gaps_said_as_a_constant_or_a_showing_are_no_labeling(ws: Path) -> None:
    from agents.grounding import filled_in

    files = ["bakery_orders.csv"]
    said = "verdict is only filled on some rows"
    assert filled_in(f"{said}, fill the others with 'unknown'", files) is None
    assert filled_in(f"{said}, can you show me the others", files) is None
    plan = plan_goal(f"{said}, can you show me the others", _inspected())
    assert "label_dataset" not in [s.tool for s in plan.steps]


TRAIN_ON_THAT = "now fit a model on that and score it against orders_checked.csv"


def test_a_test_file_column_with_one_value_is_no_label(ws: Path) -> None:
    plan = plan_goal(TRAIN_ON_THAT, _inspected())
    assert plan.question is None, plan.question
    (step,) = plan.steps
    assert step.tool == "train_model" and step.args["label_column"] == "verdict"
    assert step.args["test_dataset"] == "orders_checked.csv"
    assert any("orders_checked.csv" in n and "verdict" in n for n in plan.notes)


@pytest.mark.parametrize(
    "earlier", ["how many orders have a verdict?", "is the verdict column balanced?"]
)
def test_the_column_the_thread_talked_about_is_the_label(ws: Path, earlier: str) -> None:
    memory = _inspected(**{SAID_KEY: said_after({}, earlier)})
    plan = plan_goal("ok, train a classifier on it", memory)
    assert plan.question is None, plan.question
    assert plan.steps[0].args["label_column"] == "verdict"
    assert any("this thread talked about" in n for n in plan.notes)


def test_two_columns_talked_about_and_no_test_file_still_ask(ws: Path) -> None:
    memory = _inspected(**{SAID_KEY: ["how many orders per shop and per verdict?"]})
    plan = plan_goal("ok, train a classifier on it", memory)
    assert not plan.steps and plan.question and "verdict" in plan.question
    assert "shop" in plan.question
    assert plan_goal("ok, train a classifier on it", _inspected()).question  # nothing said


def test_words_about_another_table_bind_nothing(ws: Path) -> None:
    memory = {**_inspected(**{SAID_KEY: ["how is the verdict spread?"]}), "dataset": "x.csv"}
    plan = plan_goal("train a classifier on bakery_orders.csv", memory)
    assert plan.question and "shop" in plan.question


def test_said_keeps_the_last_three_requests() -> None:
    said = said_after({SAID_KEY: ["a", "b", "c"]}, "d" * 400)
    assert said == ["b", "c", "d" * 300]
    assert said_after({SAID_KEY: ["a"]}, "  ") == ["a"]


@pytest.mark.parametrize(
    "goal",
    [
        "can you do better",
        "improve it",
        "that's not good enough, try harder",
        "can the results be improved?",
        "do it again but better",
    ],
)
def test_do_better_with_nothing_to_improve_says_so_in_the_persons_terms(
    ws: Path, goal: str
) -> None:
    plan = plan_goal(goal, _inspected())
    assert not plan.steps and plan.answer
    assert plan.answer.startswith("There is nothing on this thread to improve yet")
    assert "'fill in the verdict column of bakery_orders.csv'" in plan.answer
    fresh = plan_goal(goal, {})
    assert fresh.answer and "nothing on this thread to improve" in fresh.answer
    assert "could not tell" not in fresh.answer


def test_a_better_model_asked_with_its_data_is_still_trained(ws: Path) -> None:
    plan = plan_goal("train a better model on bakery_orders.csv to predict verdict", {})
    assert [s.tool for s in plan.steps] == ["train_model"]


SATURATED = {
    "tool": "train_model",
    "args": {"dataset": "bakery_orders.csv", "label_column": "verdict"},
    "attempts": 1,
    "target": {"metric": "auc", "value": None},
    "metrics": {"auc": 0.94},
    "validation": {"auc": 1.0},
    "history": [{"attempt": 1, "model": "logistic"}],
}


def test_no_target_and_a_perfect_validation_split_claim_no_attempts() -> None:
    args, changes = stronger_args(dict(SATURATED), {"max_attempts": 50})
    assert "max_attempts" not in args and "target_value" not in args
    assert args["model"] == "mlp"
    assert not any("attempts instead of" in c for c in changes)
    assert any("AUC is already 1.000 on the validation split" in c for c in changes)


def test_the_improve_note_says_only_what_changes(ws: Path) -> None:
    memory = {"last_loop": dict(SATURATED), "last_call": dict(SATURATED)}
    plan = plan_goal("can you do better", memory)
    (note,) = plan.notes
    assert "attempts instead of" not in note and "an MLP instead of" in note
    assert "cannot be judged there" in note and "one attempt" in note
    asked = plan_goal("can you get it above 0.97 auc", memory)
    assert "6 attempts instead of 1" in asked.notes[0]
    assert asked.steps[0].args["max_attempts"] == 6
    assert asked.steps[0].args["target_value"] == 0.97


def test_a_target_below_the_top_still_runs_more_attempts() -> None:
    loop = {**SATURATED, "validation": {"auc": 0.9}}
    args, changes = stronger_args(loop, {"max_attempts": 50})
    assert args["max_attempts"] == 6 and args["target_value"] == 0.95
    assert changes[0] == "6 attempts instead of 1"
