"""Round 25: a question on a thread about a table never counts the values of its id column
(one row per value answers nothing), found trying forgeflow as a new user on a flats table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.planner import plan_goal, remember
from graphs.workflows import call_tool
from settings import get_settings


@pytest.fixture
def flats_memory() -> dict:
    root: Path = get_settings().workspace
    pd.DataFrame(
        {
            "flat_id": [f"H{i}" for i in range(60)],
            "rooms": [1 + i % 5 for i in range(60)],
            "district": ["north", "south", "east"] * 20,
            "price_eur": [100_000 + 1_371 * i for i in range(60)],
        }
    ).to_csv(root / "flats.csv", index=False)
    args = {"dataset": "flats.csv"}
    return remember("inspect_dataset", call_tool("inspect_dataset", args), {}, args)


def test_a_word_of_the_id_column_is_no_column_question(flats_memory: dict) -> None:
    plan = plan_goal("how much would a flat sell for? learn it from flats.csv", flats_memory)
    labels = [s.args.get("label_column") for s in plan.steps if s.tool == "inspect_dataset"]
    assert "flat_id" not in labels
    assert len(labels) <= 1, [(s.tool, s.args) for s in plan.steps]


def test_a_question_about_a_real_column_still_inspects_it(flats_memory: dict) -> None:
    plan = plan_goal("what districts are there?", flats_memory)
    assert [(s.tool, s.args.get("label_column")) for s in plan.steps] == [
        ("inspect_dataset", "district")
    ]


def _tickets(root: Path, name: str, column: str) -> None:
    pd.DataFrame(
        {
            "ticket": [f"T{i:03d}" for i in range(30)],
            "body": ["app crashes", "refund please", "love it"] * 10,
            column: ["bug", "billing", "praise"] * 10,
        }
    ).to_csv(root / name, index=False)


def test_a_question_about_a_column_finds_the_one_table_that_has_it() -> None:
    root = get_settings().workspace
    _tickets(root, "tickets.csv", "category")
    _tickets(root, "orders.csv", "status")
    plan = plan_goal("what's the split of categories?")
    assert [(s.tool, s.args) for s in plan.steps] == [
        ("inspect_dataset", {"dataset": "tickets.csv", "label_column": "category"})
    ]
    assert any("tickets.csv" in note for note in plan.notes)
    # two tables with that column: which one is asked, with both offered
    _tickets(root, "tickets_old.csv", "category")
    plan = plan_goal("what's the split of categories?")
    assert not plan.steps and plan.question and "tickets_old.csv" in plan.question


def test_a_question_about_something_else_never_goes_to_a_table() -> None:
    # review: the person's only table is no answer to a question about a hub set or a model
    _tickets(get_settings().workspace, "tickets.csv", "category")
    for question in (
        "what columns does the imdb dataset have?",
        "how many models have I trained?",
        "how many tokens per chunk?",
    ):
        plan = plan_goal(question)
        assert ("inspect_dataset", "tickets.csv") not in [
            (s.tool, s.args.get("dataset")) for s in plan.steps
        ], question
    # a bare phrase is an answer to a question, never a request of its own
    assert not plan_goal("the category column").steps


def test_a_reply_to_a_pending_question_is_not_read_as_a_column_question() -> None:
    from agents.thread_state import TURN_KEY

    root = get_settings().workspace
    _tickets(root, "tickets.csv", "category")
    _tickets(root, "orders.csv", "status")
    plan = plan_goal("how about category, is that balanced?", {TURN_KEY: "reply"})
    assert not plan.steps


def test_more_tables_than_are_read_leave_a_column_question_asked() -> None:
    root = get_settings().workspace
    _tickets(root, "a00_tickets.csv", "category")
    _tickets(root, "z_tickets_2025.csv", "category")
    for i in range(11):
        _tickets(root, f"m{i:02d}.csv", "status")
    plan = plan_goal("what's the split of categories?")
    assert not plan.steps and plan.question


def test_an_id_like_column_said_whole_is_still_asked_about() -> None:
    root = get_settings().workspace
    pd.DataFrame(
        {
            "date": [f"2026-01-{i + 1:02d}" for i in range(28)],
            "email": [f"u{i}@x.com" for i in range(28)],
            "region": ["n", "s"] * 14,
        }
    ).to_csv(root / "sales.csv", index=False)
    args = {"dataset": "sales.csv"}
    memory = remember("inspect_dataset", call_tool("inspect_dataset", args), {}, args)
    for question, column in (
        ("what's the date range?", "date"),
        ("are any emails duplicated?", "email"),
    ):
        plan = plan_goal(question, memory)
        assert [(s.tool, s.args.get("label_column")) for s in plan.steps] == [
            ("inspect_dataset", column)
        ], question


def test_a_labeling_run_without_labeling_functions_says_why_and_what_would_help() -> None:
    from agents.reporter import write_answer

    output = {
        "labeled_path": "labeling/t/labeled.parquet",
        "target": {"metric": "auc", "value": 0.9},
        "target_met": False,
        "attempts": 0,
        "metrics": {"auc": 0.84, "coverage": 0.0, "measured_on": "heldout"},
        "rows": 200,
        "covered": 0,
        "lf_count": 0,
        "text_column": None,
        "combiner_reason": "no labeling function could be written from these hand labels",
        "label_sources": {"self_training": 200},
    }
    answer = write_answer(
        {"steps": []}, [{"tool": "label_dataset", "status": "completed", "output": output}]
    )
    assert "no labeling function could be written" in answer
    assert "came from self training" in answer and "text column" in answer
    # a run with labeling functions says nothing of the kind
    written = {**output, "lf_count": 4, "covered": 150}
    answer = write_answer(
        {"steps": []}, [{"tool": "label_dataset", "status": "completed", "output": written}]
    )
    assert "no labeling function could be written" not in answer


def test_a_label_named_by_another_form_of_its_word() -> None:
    from agents.references import derived_form

    root = get_settings().workspace
    pd.DataFrame(
        {
            "booking_ref": [f"B{i}" for i in range(60)],
            "channel": ["web", "agent", "phone"] * 20,
            "party_size": [1 + i % 6 for i in range(60)],
            "cancelled": ["no", "no", "yes"] * 20,
            "no_show": ["no", "yes", "no", "no"] * 15,
        }
    ).to_csv(root / "bookings.csv", index=False)
    for goal in (
        "Cancellation model on bookings.csv, MLP",
        "a cancellation predictor from bookings.csv",
    ):
        plan = plan_goal(goal)
        assert plan.steps and plan.steps[0].args.get("label_column") == "cancelled", goal
    # no word of the goal names an outcome: asked, with the candidates
    plan = plan_goal("train a model on bookings.csv")
    assert not plan.steps and "cancelled" in (plan.question or "")
    assert derived_form("completion", "completed") and derived_form("renewal", "renewed")
    assert not derived_form("station", "stated") and not derived_form("cancel", "cancellation")


def test_words_of_the_request_never_name_a_label_by_their_form() -> None:
    # review: 'training', 'processing', a feature's 'completion date', 'a prediction model'
    root = get_settings().workspace
    rows = 60
    pd.DataFrame(
        {
            "sid": [f"S{i}" for i in range(rows)],
            "team": ["a", "b", "c"] * 20,
            "trained": ["yes", "no"] * 30,
            "left": ["no", "no", "yes"] * 20,
        }
    ).to_csv(root / "staff.csv", index=False)
    pd.DataFrame(
        {
            "tid": [f"T{i}" for i in range(rows)],
            "owner": ["a", "b", "c"] * 20,
            "completion_date": [f"2026-01-{1 + i % 28:02d}" for i in range(rows)],
            "completed": ["yes", "no"] * 30,
            "priority": ["h", "l", "m"] * 20,
        }
    ).to_csv(root / "tasks.csv", index=False)
    for goal in (
        "training a classifier on staff.csv",
        "build a model on tasks.csv using completion date and owner as features",
        "staff.csv: make me a prediction model, random forest",
    ):
        plan = plan_goal(goal)
        assert not plan.steps and plan.question, goal


@pytest.fixture
def trace(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201 - the arbitration trace
    from tests.utils.arbitration import arbitrating

    yield from arbitrating(monkeypatch)


def test_the_routers_nothing_i_do_never_drops_a_regression(trace: dict, monkeypatch) -> None:  # noqa: ANN001
    # the router's rows learnt 'a continuous number → nothing I do' before train_model regressed
    from tests.unit.test_planner_round14_gates import ranks

    pd.DataFrame(
        {
            "flat_id": [f"H{i}" for i in range(60)],
            "rooms": [1 + i % 5 for i in range(60)],
            "price_eur": [100_000 + 1_371 * i for i in range(60)],
        }
    ).to_csv(get_settings().workspace / "flats.csv", index=False)
    ranks(monkeypatch, ((), 0.99))
    plan = plan_goal("regression on price_eur in flats.csv")
    assert [(s.tool, s.args.get("label_column")) for s in plan.steps] == [
        ("train_model", "price_eur")
    ]
    assert trace["gate"] == "regression"
    # a class column is no regression: the router's answer is weighed as before
    pd.DataFrame(
        {"flat_id": [f"H{i}" for i in range(60)], "district": ["n", "s", "e"] * 20}
    ).to_csv(get_settings().workspace / "areas.csv", index=False)
    plan_goal("train a model on areas.csv to predict district")
    assert trace["gate"] != "regression"
