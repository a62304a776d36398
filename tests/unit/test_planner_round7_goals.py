"""Round 7: a measurement or prediction that needs a model the goal asks to be made, test files
described in words or said after their name, and 'predictor' read as a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.intent import fix_typos
from agents.planner import plan_goal
from agents.references import with_described_test_file
from agents.slots import extract_targets
from settings import get_settings
from tests.utils.planning import plan_tools as _plan


@pytest.fixture
def ws() -> Path:
    """Orchard inspections: a training table, a holdout version and a later month."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    head = "tree_id,variety,height_cm,blight\n"

    def rows(start: int) -> str:
        return "\n".join(
            f"T{i:03d},{'gala' if i % 3 else 'fuji'},{150 + i % 40},{'yes' if i % 4 == 0 else 'no'}"
            for i in range(start, start + 40)
        )

    (root / "orchard_trees.csv").write_text(head + rows(0) + "\n")
    (root / "orchard_trees_holdout.csv").write_text(head + rows(100) + "\n")
    (root / "orchard_trees_june.csv").write_text(head + rows(200) + "\n")
    return root


def test_a_model_asked_in_loose_words_is_trained_before_it_is_measured(ws: Path) -> None:
    tools, args = _plan(
        "We'd like something that can tell which trees will get blight. The survey is in "
        "orchard_trees.csv. Could you make that, then evaluate it on orchard_trees_june.csv? "
        "A confusion matrix please."
    )
    assert tools == ["train_model", "evaluate_model"], args
    assert args["train_model"]["dataset"] == "orchard_trees.csv"
    assert args["evaluate_model"]["dataset"] == "orchard_trees_june.csv"


def test_how_accurate_on_the_one_table_is_the_training_itself(ws: Path) -> None:
    tools, args = _plan(
        "Could we get something that flags blighted trees early? All we have is orchard_trees.csv."
        " Mostly I want to know how accurate it is."
    )
    assert tools == ["train_model"]
    assert args["train_model"]["dataset"] == "orchard_trees.csv"


def test_an_evaluation_with_nothing_to_make_still_asks(ws: Path) -> None:
    plan = plan_goal("evaluate it on orchard_trees_june.csv")
    assert plan.question and "Which model" in plan.question


def test_predictions_over_the_same_rows_and_an_output_said_later(ws: Path) -> None:
    tools, args = _plan(
        "Please train something that predicts blight in orchard_trees.csv, then run it over "
        "that same file and save the predictions as blight_guess.csv"
    )
    assert tools == ["train_model", "predict"]
    assert args["predict"]["dataset"] == "orchard_trees.csv"
    assert args["predict"]["output"] == "blight_guess.csv"


def test_build_something_from_a_table_is_a_training(ws: Path) -> None:
    tools, args = _plan(
        "Which trees are going to get sick? Build something from orchard_trees.csv that spots "
        "blight and tell me how good it is."
    )
    assert tools == ["train_model"]
    assert args["train_model"]["label_column"] == "blight"


def test_a_holdout_file_described_in_words_next_to_the_named_table(ws: Path) -> None:
    tools, args = _plan(
        "Train on orchard_trees.csv to predict blight and tell me the accuracy on the holdout "
        "trees file."
    )
    # the held-out file as the training's test set, or as an evaluation of the trained model on it
    assert tools in (["train_model"], ["train_model", "evaluate_model"]), args
    tested = args["train_model"].get("test_dataset") or args.get("evaluate_model", {}).get(
        "dataset"
    )
    assert tested == "orchard_trees_holdout.csv", args
    files = ["orchard_trees.csv", "orchard_trees_holdout.csv", "orchard_trees_test.csv"]
    text = "fit on orchard_trees.csv, then the test set please"
    assert with_described_test_file(text, files) == (text, [])  # two fit: unchanged


def test_a_file_said_to_be_the_test_set_after_its_name(ws: Path) -> None:
    tools, args = _plan(
        "Predict blight from orchard_trees.csv and keep the June survey (orchard_trees_june.csv) "
        "as the out-of-season test set."
    )
    assert tools == ["train_model"]
    assert args["train_model"]["test_dataset"] == "orchard_trees_june.csv"


def test_predictor_and_inspector_are_words_not_typos() -> None:
    assert fix_typos("a blight predictor for the inspectors") == (
        "a blight predictor for the inspectors"
    )


def test_coverage_said_as_a_share_covered_or_given_a_label() -> None:
    assert extract_targets("I need at least 0.9 of the notes covered by some rule") == {
        "coverage": 0.9
    }
    assert extract_targets("80% of the tickets must end up with a category") == {"coverage": 0.8}
    assert extract_targets("only 20% of the rows have a label") == {}  # a share, not a target


def test_a_purpose_at_the_end_does_not_make_a_request_out_of_scope(ws: Path) -> None:
    tools, args = _plan(
        "invent 300 fake orchard trees like orchard_trees.csv for the dashboard demo"
    )
    assert tools == ["train_generator", "generate_synthetic"]
    assert args["generate_synthetic"]["n"] == 300
    plan = plan_goal("build a dashboard for the orchard team")
    assert not plan.steps and plan.answer and "outside" in plan.answer


@pytest.fixture
def barns() -> Path:
    """Barn checks: a class column and another column sharing two of its values."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    levels, risks = ["poor", "fair", "good"], ["poor", "good"]
    rows = [
        f"B{i:03d},{i % 7},{10 + i % 13}.5,{4 + i % 5}.0,{risks[i % 2]},{levels[i % 3]}"
        for i in range(60)
    ]
    (root / "barn_checks.csv").write_text(
        "barn_id,visits,humidity_pct,ammonia_ppm,roof_state,air_quality\n" + "\n".join(rows) + "\n"
    )
    return root


def test_the_column_holding_most_of_the_class_values_named_is_the_label(barns: Path) -> None:
    tools, args = _plan(
        "We've logged barns over many visits in barn_checks.csv. Train a model that sorts each "
        "barn into poor / fair / good air."
    )
    assert tools == ["train_model"]
    assert args["train_model"]["label_column"] == "air_quality"


def test_inputs_said_in_words_then_listed_in_parentheses(barns: Path) -> None:
    _, args = _plan(
        "Predict air_quality in barn_checks.csv from the sensor readings only "
        "(humidity_pct, ammonia_ppm), nothing about the roof."
    )
    assert args["train_model"]["numeric_columns"] == ["humidity_pct", "ammonia_ppm"]
    _, args = _plan("Predict air_quality in barn_checks.csv (target: air_quality, id barn_id).")
    assert "numeric_columns" not in args["train_model"]


def test_the_training_goes_to_the_named_table_that_has_the_label(ws: Path) -> None:
    root = get_settings().workspace
    rows = "\n".join(f"N{i:03d},{'gala' if i % 3 else 'fuji'},{150 + i % 40}" for i in range(30))
    (root / "nursery_saplings.csv").write_text("sapling_id,variety,height_cm\n" + rows + "\n")
    tools, args = _plan(
        "Score nursery_saplings.csv with a blight model trained on orchard_trees.csv; I want "
        "the probabilities per sapling_id in sapling_risk.csv"
    )
    assert tools == ["train_model", "predict"]
    assert args["train_model"]["dataset"] == "orchard_trees.csv"
    assert args["train_model"]["label_column"] == "blight"
    assert args["predict"]["dataset"] == "nursery_saplings.csv"
    assert args["predict"]["output"] == "sapling_risk.csv"
