"""Training goals said loosely: input-column lists, a stated label, a test file by its role,
targets and settings said around their names, a purpose clause that asks for nothing.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from agents.columns import feature_list, roles_by_type, stated_label
from agents.options import stated
from agents.planner import plan_goal
from agents.slots import extract_targets
from settings import get_settings
from tools.profile import profile_table


def _write(folder: Path) -> None:
    rng = np.random.default_rng(11)
    n = 80
    hives = pd.DataFrame(
        {
            "hive_id": [f"H{i:03d}" for i in range(n)],
            "apiary": rng.choice(["ridge", "meadow", "orchard"], n),
            "queen_age_months": rng.integers(1, 40, n),
            "brood_frames": rng.integers(2, 12, n),
            "mite_count": rng.uniform(0, 30, n).round(1),
            "keeper_log": [
                f"colony calm today, frame {i} capped, some drones seen" for i in range(n)
            ],
            "swarmed": rng.choice(["yes", "no"], n),
        }
    )
    hives.to_csv(folder / "hives.csv", index=False)
    hives.sample(30, random_state=1).to_csv(folder / "hives_spring.csv", index=False)


@pytest.fixture
def files() -> None:
    _write(get_settings().workspace)


def _train(goal: str) -> dict:
    plan = plan_goal(goal)
    assert plan.question is None, plan.question
    tools = [s.tool for s in plan.steps]
    assert tools.count("train_model") == 1, tools
    return next(s.args for s in plan.steps if s.tool == "train_model")


def test_input_list_sorted_by_column_type(files: None) -> None:
    profile = profile_table("hives.csv")
    assert profile is not None
    said = "learn it using only mite_count, apiary and keeper_log please"
    assert feature_list(said, profile) == ["mite_count", "apiary", "keeper_log"]
    assert roles_by_type(feature_list(said, profile), profile) == {
        "numeric_columns": ["mite_count"],
        "categorical_columns": ["apiary"],
        "text_columns": ["keeper_log"],
    }
    # one column after a weak cue, not limited: a label may follow 'using', not an input list
    assert feature_list("train using swarmed", profile) == []


def test_listed_inputs_are_never_the_label(files: None) -> None:
    args = _train("Could we predict swarming on hives.csv using just apiary and brood_frames?")
    assert args["label_column"] == "swarmed"
    assert args["categorical_columns"] == ["apiary"]
    assert args["numeric_columns"] == ["brood_frames"]


def test_plus_starts_a_new_role_group(files: None) -> None:
    args = _train(
        "fit a classifier on hives.csv, target swarmed, drivers mite_count and brood_frames "
        "plus apiary as categoricals"
    )
    assert args["label_column"] == "swarmed"
    assert args["numeric_columns"] == ["mite_count", "brood_frames"]
    assert args["categorical_columns"] == ["apiary"]


def test_label_said_outright_even_misspelt(files: None) -> None:
    profile = profile_table("hives.csv")
    assert profile is not None
    assert stated_label("the label is swarmd", profile) == "swarmed"
    assert stated_label("target AUC 0.8", profile) is None
    args = _train("train on hives.csv with the keeper_log text and mite_count, label is swarmd")
    assert args["label_column"] == "swarmed"
    assert args["text_columns"] == ["keeper_log"]
    assert args["numeric_columns"] == ["mite_count"]


def test_test_file_by_its_role(files: None) -> None:
    args = _train(
        "How well can we tell which hives swarm from hives.csv (label swarmed)? "
        "Keep hives_spring.csv as the impartial yardstick."
    )
    assert args["dataset"] == "hives.csv"
    assert args["test_dataset"] == "hives_spring.csv"
    args = _train(
        "train on hives.csv for swarmed, up to 3 attempts, then score the winning attempts "
        "once on hives_spring.csv"
    )
    assert args["test_dataset"] == "hives_spring.csv"


def test_targets_and_settings_said_around_their_names() -> None:
    assert extract_targets("Precision is what we care about, shoot for 0.65 if you can") == {
        "precision": 0.65
    }
    assert stated("train_model", "fit it for 40 epohcs")["epochs"] == 40
    assert stated("train_model", "no class weighting at all")["class_weights"] == "none"


def test_purpose_clause_asks_for_no_search(files: None) -> None:
    plan = plan_goal(
        "train a model on hives.csv for swarmed and name it hive_a so we can locate it again later"
    )
    assert [s.tool for s in plan.steps] == ["train_model"]
    assert plan.steps[0].args["name"] == "hive_a"


def test_spaced_names_and_sole_inputs(files: None) -> None:
    profile = profile_table("hives.csv")
    assert profile is not None
    assert feature_list("say if it swarms only from the keeper log", profile) == ["keeper_log"]
    assert feature_list("mite_count as the only input, nothing else", profile) == ["mite_count"]


def test_test_file_set_aside_by_role(files: None) -> None:
    args = _train("train on hives.csv, label swarmed, with hives_spring.csv set aside as the test")
    assert args["test_dataset"] == "hives_spring.csv"


def test_outcome_asked_of_unlabelled_rows_trains_on_the_labelled_sibling(files: None) -> None:
    folder = get_settings().workspace
    hives = pd.read_csv(folder / "hives.csv")
    hives.drop(columns=["swarmed"]).head(20).to_csv(folder / "hives_autumn.csv", index=False)
    plan = plan_goal("Which colonies in hives_autumn.csv are likely to swarm soon?")
    assert [(s.tool, s.args.get("dataset")) for s in plan.steps] == [
        ("train_model", "hives.csv"),
        ("predict", "hives_autumn.csv"),
    ]
    assert plan.steps[0].args["label_column"] == "swarmed"


def test_validation_file_said_as_where_validation_happens(files: None) -> None:
    args = _train(
        "Model for swarmed please. Data is hives.csv. Validation should be on the separate "
        "file hives_spring.csv, no random split."
    )
    assert args["dataset"] == "hives.csv"
    assert args["validation_dataset"] == "hives_spring.csv"


def test_outcome_without_a_question_needs_a_word_about_learning(files: None) -> None:
    folder = get_settings().workspace
    hives = pd.read_csv(folder / "hives.csv")
    hives.drop(columns=["swarmed"]).head(20).to_csv(folder / "hives_autumn.csv", index=False)
    plan = plan_goal("Predict the honey yield in kilos of each colony in hives_autumn.csv")
    assert [s.args.get("dataset") for s in plan.steps if s.tool == "train_model"] != ["hives.csv"]
