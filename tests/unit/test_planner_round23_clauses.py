"""Round 23, missing steps: a clause of the goal that no planned step covers gets its tool back."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from agents.clause_check import NOT_ASKED_RE, second_reading, uncovered_clauses
from agents.plan import Plan, PlanStep
from agents.planner import Goal, _plan_clauses
from agents.slots import split_clauses
from settings import get_settings

LABEL = (
    "Label topic on shop/tickets.csv with weak supervision, using shop/tickets_reviewed.csv as "
    "the hand labels"
)
TRAIN = "train an MLP on the labeled rows"


def _write(folder: Path) -> None:
    rng = np.random.default_rng(23)
    n = 120
    topics = rng.choice(["refund", "shipping", "account"], n)
    words = {
        "refund": "money back refund charge",
        "shipping": "parcel late courier box",
        "account": "password login email locked",
    }
    shop = folder / "shop"
    shop.mkdir(parents=True, exist_ok=True)
    tickets = pd.DataFrame(
        {
            "ticket_id": range(1000, 1000 + n),
            "body": [f"my {words[t]} issue number {i}" for i, t in enumerate(topics)],
        }
    )
    tickets.to_csv(shop / "tickets.csv", index=False)
    reviewed = pd.DataFrame({"ticket_id": tickets.ticket_id, "topic": topics}).iloc[::4]
    reviewed.to_csv(shop / "tickets_reviewed.csv", index=False)
    tickets.head(30).to_csv(shop / "tickets_new.csv", index=False)


@pytest.fixture
def files() -> None:
    _write(get_settings().workspace)


def _read(goal: str) -> tuple[Goal, list[str]]:
    clauses = split_clauses(goal)
    return Goal(goal, goal, {}, (), None, None), clauses


def _dropped(goal: str, kept: dict[int, list[str]]) -> tuple[Goal, Plan]:
    """The goal planned with only the tools `kept` by clause number: a step left out, as the
    router's 'drop' leaves it."""
    read, clauses = _read(goal)
    plan = _plan_clauses(read, {clauses[i]: tools for i, tools in kept.items()})
    assert not plan.question and not plan.answer
    return read, plan


def test_a_dropped_prediction_is_planned_where_its_clause_sits(files: None) -> None:
    goal = f"{LABEL}. Then {TRAIN}, and predict shop/tickets_new.csv with it into shop/out.csv"
    read, plan = _dropped(goal, {0: ["label_dataset"], 1: ["train_model"]})
    assert [s.tool for s in plan.steps] == ["label_dataset", "train_model"]
    added = second_reading(read, plan)
    assert [s.tool for s in added.steps] == ["label_dataset", "train_model", "predict"]
    predict = added.steps[2].args
    assert predict["dataset"] == "shop/tickets_new.csv"
    assert predict["output"] == "shop/out.csv"
    assert predict["model"] == "${steps.1.model_path}"
    assert any("predict" in note for note in added.notes)


def test_a_dropped_labeling_run_after_labeling_functions(files: None) -> None:
    goal = (
        "Write labeling functions for topic on shop/tickets.csv from shop/tickets_reviewed.csv, "
        "then run the whole labeling loop to an F1 of 0.8"
    )
    read, plan = _dropped(goal, {0: ["write_labeling_functions"]})
    added = second_reading(read, plan)
    assert [s.tool for s in added.steps] == ["write_labeling_functions", "label_dataset"]
    run = added.steps[1].args
    assert run["data_path"] == "shop/tickets.csv"
    assert run["gold_path"] == "shop/tickets_reviewed.csv"
    assert run["target_value"] == 0.8


@pytest.mark.parametrize(
    "tail",
    [
        "Don't predict shop/tickets_new.csv yet",
        "We will not predict shop/tickets_new.csv",
        "If the F1 is below 0.8, predict shop/tickets_new.csv with it",
        "Once it is good, predict shop/tickets_new.csv with it",
        "Could you predict shop/tickets_new.csv with it?",
        "shop/tickets_new.csv has the tickets still to label",
        "Our agents labeled shop/tickets_new.csv last week",
    ],
)
def test_negated_conditional_and_describing_clauses_add_nothing(files: None, tail: str) -> None:
    goal = f"{LABEL}. {tail}."
    read, plan = _dropped(goal, {0: ["label_dataset"]})
    assert second_reading(read, plan) is plan


def test_a_training_on_a_test_file_covers_the_evaluation_clause(files: None) -> None:
    goal = (
        "Train a classifier for topic on shop/tickets_reviewed.csv, then evaluate it on "
        "shop/tickets_new.csv"
    )
    read, clauses = _read(goal)
    plan = _plan_clauses(read, {clauses[0]: ["train_model"]})
    assert [s.tool for s in plan.steps] == ["train_model"]
    assert uncovered_clauses(clauses, plan) == {}
    assert second_reading(read, plan) is plan


def test_labels_put_on_another_way_cover_a_labeling_clause() -> None:
    # 'apply the rules, label the tickets with them': the rules' run is the labeling
    clauses = ["apply the rules in shop/rules.json", "label shop/tickets.csv with them"]
    plan = Plan(steps=[PlanStep(tool="apply_labeling_functions", args={}, why=clauses[0])])
    assert uncovered_clauses(clauses, plan) == {}
    plan = Plan(steps=[PlanStep(tool="train_model", args={}, why=clauses[0])])
    assert uncovered_clauses(clauses, plan) == {clauses[1]: ["label_dataset"]}


def test_a_bracketed_aside_asks_for_nothing() -> None:
    # 'label candidates' in an aside is what to look at, not a labeling run
    clauses = ["train a model on shop/tickets.csv", "inspect it (columns, label candidates)"]
    plan = Plan(steps=[PlanStep(tool="train_model", args={}, why=clauses[0])])
    assert uncovered_clauses(clauses, plan) == {}


@pytest.mark.parametrize(
    "said",
    [
        "save the rule-labeled rows as shop/x.csv",  # a save, with a labeled word in it
        "label col topic, feature col body",  # the label column said, no labeling asked
        "label topic, 200 epochs",  # a setting
        "write the votes plus the majority label to shop/v.csv",
    ],
)
def test_a_tool_word_inside_another_request_asks_for_nothing(said: str) -> None:
    clauses = ["train a model on shop/tickets.csv", said]
    plan = Plan(steps=[PlanStep(tool="train_model", args={}, why=clauses[0])])
    assert uncovered_clauses(clauses, plan) == {}


def test_a_doing_verb_asks_for_what_its_object_names() -> None:
    clauses = ["train a model on shop/tickets.csv", "run the full labeling loop to an F1 of 0.8"]
    plan = Plan(steps=[PlanStep(tool="train_model", args={}, why=clauses[0])])
    assert uncovered_clauses(clauses, plan) == {clauses[1]: ["label_dataset"]}


def test_a_look_up_reading_is_never_added(files: None) -> None:
    goal = f"{LABEL}, then find similar datasets on the hub"
    read, plan = _dropped(goal, {0: ["label_dataset"]})
    assert second_reading(read, plan) is plan


@pytest.mark.parametrize(
    "name",
    ["../secret.csv", "/etc/secret.csv", "~root/secret.csv", "shop/a\x00b.csv", "shop/link.csv"],
)
def test_a_path_outside_the_workspace_is_never_bound(files: None, name: str) -> None:
    outside = get_settings().workspace.parent / "secret.csv"
    pd.DataFrame({"ticket_id": [1], "body": ["x"]}).to_csv(outside, index=False)
    link = get_settings().workspace / "shop" / "link.csv"
    if not link.exists():
        os.symlink(outside, link)
    goal = f"{LABEL}. Then {TRAIN}, and predict {name} with it into shop/out.csv"
    read, plan = _dropped(goal, {0: ["label_dataset"], 1: ["train_model"]})
    added = second_reading(read, plan)
    for step in added.steps:
        for value in step.args.values():
            assert not (isinstance(value, str) and ("secret" in value or "link.csv" in value))


def test_long_inputs_are_read_in_linear_time() -> None:
    asked = {"n" * 100_000: [], "if " * 33_000: [], "predict " + "a " * 50_000: ["predict"]}
    for text, tools in asked.items():
        assert list(uncovered_clauses([text], Plan()).values()) == ([tools] if tools else [])
    assert NOT_ASKED_RE.search("if " * 33_000) and not NOT_ASKED_RE.search("'" * 100_000)
