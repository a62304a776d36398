"""Columns, twenty-first round: roles said after a group or in brackets, a which/who question's
yes/no column, and the labeled history to train on when several hold the outcome."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from agents.columns import asked_outcome, feature_roles
from agents.grounding import _history_among
from agents.planner import plan_goal
from settings import get_settings
from tools.profile import profile_table


def _write(folder: Path) -> None:
    rng = np.random.default_rng(21)
    n = 80
    pots = pd.DataFrame(
        {
            "pot_no": [f"P{i:04d}" for i in range(n)],
            "kiln_temp": rng.uniform(900, 1300, n).round(0),
            "glaze_hours": rng.uniform(1, 9, n).round(1),
            "clay_type": rng.choice(["stoneware", "porcelain", "earthenware"], n),
            "studio": rng.choice(["north", "quay", "mill"], n),
            "buyer_note": [f"lovely glaze on piece {i}, small chip near the rim" for i in range(n)],
            "sold": rng.choice(["yes", "no"], n),
        }
    )
    pots.to_csv(folder / "pottery_sales.csv", index=False)
    swimmers = pd.DataFrame(
        {
            "member_no": [f"M{i:03d}" for i in range(n)],
            "age": rng.integers(8, 16, n),
            "stage": rng.choice(["otter", "seal", "dolphin", "orca"], n),
            "sessions": rng.integers(4, 40, n),
            "passed_stage": [rng.choice(["yes", "no"]) if i < 50 else None for i in range(n)],
        }
    )
    swimmers.to_csv(folder / "swim_club.csv", index=False)
    trips = pd.DataFrame(
        {
            "trip_ref": [f"T{i:04d}" for i in range(n)],
            "route": rng.choice(["isle_a", "isle_b", "mainland"], n),
            "wind_kn": rng.uniform(0, 45, n).round(1),
            "swell_m": rng.uniform(0, 4, n).round(1),
            "skipper": rng.choice(["ann", "bo", "cy", "di"], n),
            "cancelled": rng.choice(["yes", "no"], n),
            "delay_band": rng.choice(["none", "short", "long"], n),
            "route_switched": rng.choice(["yes", "no"], n),
        }
    )
    trips.to_csv(folder / "ferry_trips_train.csv", index=False)
    hives = pd.DataFrame(
        {
            "hive_ref": [f"H{i:03d}" for i in range(n)],
            "apiary": rng.choice(["orchard", "heath", "roof"], n),
            "frames": rng.integers(4, 12, n),
            "mite_count": rng.integers(0, 60, n),
            "swarmed_yn": rng.choice(["Y", "N"], n),
        }
    )
    hives.to_csv(folder / "hive_checks.csv", index=False)
    trips.sample(frac=0.5, random_state=1).to_csv(folder / "ferry_trips_test.csv", index=False)
    trips.drop(columns=["cancelled", "delay_band", "route_switched"]).head(20).to_csv(
        folder / "ferry_trips_tomorrow.csv", index=False
    )


@pytest.fixture
def files() -> None:
    _write(get_settings().workspace)


def test_a_role_said_after_a_group_takes_it_from_the_list_before(files: None) -> None:
    profile = profile_table("pottery_sales.csv")
    assert profile is not None
    roles = feature_roles(
        "numeric features kiln_temp and glaze_hours plus clay_type and studio as categories",
        profile,
    )
    assert roles == {
        "numeric_columns": ["kiln_temp", "glaze_hours"],
        "categorical_columns": ["clay_type", "studio"],
    }


def test_roles_in_brackets_and_by_the_argument_name(files: None) -> None:
    profile = profile_table("pottery_sales.csv")
    assert profile is not None
    roles = feature_roles(
        "predict sold from buyer_note (text) plus glaze_hours (numeric) and studio (categorical)",
        profile,
    )
    assert roles == {
        "text_columns": ["buyer_note"],
        "numeric_columns": ["glaze_hours"],
        "categorical_columns": ["studio"],
    }
    roles = feature_roles(
        "classifier on sold. text_columns [buyer_note], categorical [clay_type, studio]", profile
    )
    assert roles == {"text_columns": ["buyer_note"], "categorical_columns": ["clay_type", "studio"]}


def test_a_which_question_means_the_yes_no_column_holding_the_named_one(files: None) -> None:
    profile = profile_table("swim_club.csv")
    assert profile is not None
    # the words spell `stage` (four values); each row's answer is yes or no: passed_stage
    assert asked_outcome(profile, "which of the kids will get through their stage?") == (
        "passed_stage"
    )
    # a 'what' question asks for the value itself
    assert asked_outcome(profile, "what will the stage of each kid be by june?") == "stage"


def test_the_history_to_train_on_among_several() -> None:
    same = [
        ("boats/ferry_trips_test.csv", "cancelled"),
        ("boats/ferry_trips_train.csv", "cancelled"),
    ]
    assert _history_among(same, "ferry_trips_tomorrow") == [same[1]]
    later = [("harbour_log_2026.csv", "late"), ("harbour_log.csv", "late")]
    assert _history_among(later, "harbour_next") == [later[1]]
    held = [("visits_2023.csv", "renewed"), ("visits_2024_test.csv", "renewed")]
    assert _history_among(held, "visits_new") == [held[0]]
    # two labels read, or two equal candidates: no guess
    assert _history_among([("a_x.csv", "late"), ("b_y.csv", "cancelled")], "c") == []
    assert _history_among([("log_2024.csv", "late"), ("log_2025.csv", "late")], "c") == []


def test_a_batch_trains_on_the_history_marked_for_training(files: None) -> None:
    plan = plan_goal(
        "which of tomorrow's ferry trips (ferry_trips_tomorrow.csv) are likely to be cancelled?"
        " go by the trips we logged before"
    )
    assert plan.question is None, plan.question
    train = next(s.args for s in plan.steps if s.tool == "train_model")
    assert train["dataset"] == "ferry_trips_train.csv"
    assert train["label_column"] == "cancelled"
    predict = next(s.args for s in plan.steps if s.tool == "predict")
    assert predict["dataset"] == "ferry_trips_tomorrow.csv"


def test_a_batch_column_named_in_passing_yields_to_the_historys_fuller_name(files: None) -> None:
    # the batch alone reads `route`; the history, which has every batch column too, reads
    # route_switched on the same words: the batch's column was the lesser reading
    plan = plan_goal(
        "Who on tomorrow's list (ferry_trips_tomorrow.csv) is unlikely to switch their route?"
        " Base it on how the trips we logged before went."
    )
    assert plan.question is None, plan.question
    train = next(s.args for s in plan.steps if s.tool == "train_model")
    assert (train["dataset"], train["label_column"]) == ("ferry_trips_train.csv", "route_switched")


def test_a_column_left_out_of_the_inputs_is_no_label(files: None) -> None:
    plan = plan_goal(
        "Two steps on pottery_sales.csv. First, fit a classifier for 'sold' (yes/no) using"
        " everything except kiln_temp and clay_type, target accuracy 0.8. Second, tell me its"
        " accuracy."
    )
    assert plan.question is None, plan.question
    train = next(s.args for s in plan.steps if s.tool == "train_model")
    assert train["label_column"] == "sold"


def _generated(goal: str) -> tuple[dict, dict]:
    plan = plan_goal(goal)
    assert plan.question is None, plan.question
    trainer = next(s.args for s in plan.steps if s.tool == "train_generator")
    maker = next(s.args for s in plan.steps if s.tool == "generate_synthetic")
    return trainer, maker


def test_rows_of_a_kind_condition_the_generator_on_the_yes_no_column_it_names(files: None) -> None:
    # 'apiary' names a column in passing: the kind of rows asked for is the yes/no one
    trainer, maker = _generated(
        "we need more examples of apiary hives that swarmed, 200 made-up ones from hive_checks.csv"
    )
    assert trainer["label_column"] == "swarmed_yn"
    assert maker.get("label") == "Y"
    trainer, maker = _generated(
        "make me 200 made-up hives from hive_checks.csv the swarmed ones in the right proportions"
    )
    assert trainer["label_column"] == "swarmed_yn"
    assert "label" not in maker  # both classes, as the data has them
