"""Training plans that measure: two models compared, evaluation artefacts (invented wording)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.comparison import asks_comparison, kinds_named, variant_settings, variants
from agents.planner import plan_goal
from settings import get_settings


def _write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rows = [
        {
            "firing_id": i,
            "peak_temp_c": 900 + i,
            "hold_min": i % 40,
            "clay": "stoneware",
            "cracked": "yes" if i % 3 else "no",
        }
        for i in range(60)
    ]
    pd.DataFrame(rows).to_csv(folder / "kiln_firings.csv", index=False)
    pd.DataFrame(rows[:20]).to_csv(folder / "kiln_audit.csv", index=False)


@pytest.fixture
def workspace() -> Path:
    folder = get_settings().workspace
    _write(folder)
    return folder


def test_kinds_and_comparison_cues() -> None:
    assert kinds_named("pit a plain LR against a neural network") == ["logistic", "mlp"]
    assert kinds_named("an MLP, not logistic regression") == ["mlp"]
    assert kinds_named("lr 3e-3 and 50 epochs") == []
    assert asks_comparison("is the simpler one or the perceptron better? which one wins") == [
        "logistic",
        "mlp",
    ]
    assert asks_comparison("train an MLP on kiln_firings.csv") == []


def test_two_variants_of_one_kind() -> None:
    goal = (
        "two crack models to compare: (a) logistic on unigrams, (b) logistic with bigrams, min_df 3"
    )
    first, second = variants(goal)
    assert variant_settings(first)["ngram_max"] == 1
    assert variant_settings(second) == {"model": "logistic", "ngram_max": 2, "min_df": 3}


def test_comparison_trains_both_and_evaluates_once(workspace: Path) -> None:
    plan = plan_goal(
        "Does a neural net beat a logistic baseline at predicting cracked in kiln_firings.csv? "
        "Compare them on kiln_audit.csv."
    )
    tools = [s.tool for s in plan.steps]
    assert tools == ["train_model", "train_model", "evaluate_model"]
    assert [s.args["model"] for s in plan.steps[:2]] == ["mlp", "logistic"]
    assert plan.steps[0].args["dataset"] == plan.steps[1].args["dataset"] == "kiln_firings.csv"
    evaluation = plan.steps[2].args
    assert evaluation["model"] == "${steps.0.model_path}"
    assert evaluation["compare_model"] == "${steps.1.model_path}"
    assert evaluation["dataset"] == "kiln_audit.csv"


def test_artefacts_add_an_evaluation_on_the_test_file(workspace: Path) -> None:
    plan = plan_goal(
        "fit a classifier for cracked on kiln_firings.csv and show the confusion matrix on "
        "kiln_audit.csv"
    )
    tools = [s.tool for s in plan.steps if s.tool != "inspect_dataset"]
    assert tools == ["train_model", "evaluate_model"]
    assert "test_dataset" not in plan.steps[0].args
    assert plan.steps[-1].args.get("dataset") == "kiln_audit.csv"


def test_a_plain_metric_on_a_test_file_stays_one_training(workspace: Path) -> None:
    plan = plan_goal("train on kiln_firings.csv for cracked and report accuracy on kiln_audit.csv")
    assert [s.tool for s in plan.steps if s.tool != "inspect_dataset"] == ["train_model"]
