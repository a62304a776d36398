"""Round 23, said but left unbound: values the goal says that no argument took (`bind_said`)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from agents.plan import PlanStep
from agents.planner import plan_goal
from agents.said_check import bind_said
from settings import get_settings


def _write(folder: Path) -> None:
    rng = np.random.default_rng(23)
    n = 80
    pd.DataFrame(
        {
            "visit_no": range(1000, 1000 + n),
            "branch": rng.choice(["north", "south", "east"], n),
            "pet_kind": rng.choice(["cat", "dog"], n),
            "notes": [f"itchy skin on the left ear, visit {i}, cream given" for i in range(n)],
            "days_ahead": rng.integers(0, 30, n),
            "past_missed": rng.integers(0, 4, n),
            "distance_km": rng.uniform(1, 40, n).round(6),
            "missed": rng.choice(["yes", "no"], n),
        }
    ).to_csv(folder / "bookings.csv", index=False)
    pd.DataFrame(
        {
            "call_ref": range(n),
            "message": [f"my tap leaks again, street {i}, please come" for i in range(n)],
            "reason": [None] * (n - 10) + ["leak", "billing"] * 5,
        }
    ).to_csv(folder / "calls.csv", index=False)


@pytest.fixture
def files() -> None:
    _write(get_settings().workspace)


def test_a_list_after_its_role_word_is_bound(files: None) -> None:
    # 'numeric: a, b and c' after another role's list: every listed column gets the role
    plan = plan_goal(
        "Train a classifier on bookings.csv. Label: missed. Categorical: branch and pet_kind; "
        "numeric: days_ahead, past_missed and distance_km."
    )
    train = plan.steps[0].args
    assert train["label_column"] == "missed"
    assert train["numeric_columns"] == ["days_ahead", "past_missed", "distance_km"]


def test_a_class_column_said_by_conditioning_and_an_id_said_by_its_role(files: None) -> None:
    plan = plan_goal("bookings.csv: anomaly scores, key visit_no, cond. on pet_kind, top 5")
    (step,) = plan.steps
    assert step.tool == "detect_anomalies"
    assert step.args.get("label_column") == "pet_kind"
    assert step.args.get("id_column") == "visit_no"


def test_classes_named_then_listed(files: None) -> None:
    plan = plan_goal(
        "Label reason on calls.csv with the classes billing, leak, supply and quality, "
        "max 2 attempts"
    )
    step = plan.steps[0]
    assert step.tool == "label_dataset"
    assert step.args.get("classes") == ["billing", "leak", "supply", "quality"]


def _step(goal_args: dict[str, object], tool: str = "train_model") -> PlanStep:
    return PlanStep(tool=tool, args=dict(goal_args), why="")


def test_only_unbound_arguments_and_fitting_columns(files: None) -> None:
    # a bound argument is never replaced
    step = _step({"dataset": "bookings.csv", "label_column": "missed", "id_column": "branch"})
    bind_said([step], "on bookings.csv, id col visit_no")
    assert step.args["id_column"] == "branch"
    # a numeric role on a text column binds nothing; a negated column takes no role
    step = _step({"dataset": "bookings.csv", "label_column": "missed"})
    bind_said([step], "on bookings.csv, numeric: notes. Text: not notes")
    assert "numeric_columns" not in step.args and "text_columns" not in step.args
    # a column another argument took is not bound twice
    step = _step({"dataset": "bookings.csv", "label_column": "missed"})
    bind_said([step], "on bookings.csv, label missed, numeric: days_ahead")
    assert step.args["numeric_columns"] == ["days_ahead"]
    # a role after 'as' closes the list
    step = _step({"dataset": "bookings.csv", "label_column": "missed"})
    bind_said([step], "on bookings.csv, days_ahead and distance_km as numbers")
    assert step.args["numeric_columns"] == ["days_ahead", "distance_km"]
    # an id that repeats is no key
    step = _step({"dataset": "bookings.csv", "label_column": "missed"})
    bind_said([step], "on bookings.csv, id branch")
    assert "id_column" not in step.args
    # measured values all differ, yet a measure is no key; another table's label is not this one's
    step = _step({"dataset": "bookings.csv"})
    bind_said([step], "on bookings.csv, key distance_km, gold label column: missed")
    assert "id_column" not in step.args and "label_column" not in step.args
    # a column named like a role word is no evidence of a role
    pd.DataFrame({"id": [1, 2, 3], "text": ["a b", "c d", "e f"]}).to_csv(
        get_settings().workspace / "plain.csv", index=False
    )
    step = _step({"dataset": "plain.csv"})
    bind_said([step], "on plain.csv with the label text")
    assert "label_column" not in step.args
    # a list ends where a word follows an item without a comma or 'and'
    step = _step({"data_path": "calls.csv"}, tool="vote_labels")
    bind_said([step], "vote calls.csv, classes ok, warn, out votes.csv")
    assert step.args["classes"] == ["ok", "warn"]
    step = _step({"data_path": "calls.csv"}, tool="vote_labels")
    bind_said([step], "vote calls.csv, classes ok/warn/mute, out votes.csv")
    assert step.args["classes"] == ["ok", "warn", "mute"]
    step = _step({"data_path": "calls.csv"}, tool="vote_labels")
    bind_said([step], "what class of ticket is it")
    assert "classes" not in step.args


def test_hostile_dataset_paths_are_never_read(files: None, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    pd.DataFrame({"secret_id": [1, 2, 3], "pin": [4, 5, 6]}).to_csv(outside / "s.csv", index=False)
    workspace = get_settings().workspace
    os.symlink(outside / "s.csv", workspace / "link.csv")
    for ref in (
        "../outside/s.csv",
        str(outside / "s.csv"),
        "~root/s.csv",
        "s\x00.csv",
        "link.csv",
        "bookings.csv/../../outside/s.csv",
    ):
        step = _step({"dataset": ref, "label_column": "pin"})
        bind_said([step], f"train on {ref}, id col secret_id, numeric: pin")
        assert "id_column" not in step.args, ref
        assert "numeric_columns" not in step.args, ref


def test_long_inputs_are_read_once(files: None) -> None:
    step = _step({"dataset": "bookings.csv", "label_column": "missed"})
    goal = "numeric: " + ", ".join(["days_ahead"] * 20_000) + " classes " + "a/" * 50_000
    bind_said([step], goal)  # cut to the planner's limit, read in linear passes
    assert step.args["numeric_columns"] == ["days_ahead"]
    assert bind_said([step], "(" * 100_000 + "classes " + "a, " * 30_000) == []
    assert "classes" not in step.args  # the list lies past the part of the goal read
