"""Round 17: a test file said as the object of 'test' ('test b.csv, logistic, target accuracy
0.8') in a clause of its own after a training is that training's test set, not dropped."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.planner import plan_goal
from settings import get_settings


@pytest.fixture
def seasons() -> Path:
    """Ferry crossings of two seasons (invented), each with the outcome `delayed`."""
    root = get_settings().workspace
    for name, shift in (("crossings_spring.csv", 0), ("crossings_autumn.csv", 3)):
        pd.DataFrame(
            {
                "crossing_id": [f"C{shift}{i:03d}" for i in range(60)],
                "wind_knots": [(i * 7 + shift) % 40 for i in range(60)],
                "passengers": [50 + (i * 11) % 200 for i in range(60)],
                "delayed": ["yes" if (i * 7 + shift) % 40 > 25 else "no" for i in range(60)],
            }
        ).to_csv(root / name, index=False)
    return root


@pytest.mark.parametrize(
    "goal",
    [
        "train on crossings_spring.csv for delayed, test crossings_autumn.csv, logistic, "
        "target accuracy 0.8",
        "fit delayed from crossings_spring.csv; validate crossings_autumn.csv, 85% accuracy pls",
    ],
)
def test_a_test_file_said_bare_is_the_trainings_test_set(seasons: Path, goal: str) -> None:
    plan = plan_goal(goal)
    assert [s.tool for s in plan.steps] == ["train_model"]
    args = plan.steps[0].args
    assert args["dataset"] == "crossings_spring.csv"
    assert args["test_dataset"] == "crossings_autumn.csv"
    assert args["target_metric"] == "accuracy"


def test_predicting_a_file_after_training_is_still_a_prediction(seasons: Path) -> None:
    plan = plan_goal("train on crossings_spring.csv for delayed, then predict crossings_autumn.csv")
    assert [s.tool for s in plan.steps] == ["train_model", "predict"]
    assert "test_dataset" not in plan.steps[0].args
