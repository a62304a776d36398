"""Twenty-ninth round, the planner: what the new-user trial and the round's review found."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from agents.planner import plan_goal
from settings import get_settings

TRAINED = {"dataset": "exam_train.csv", "label_column": "result"}


def _exams(n: int = 120) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    return pd.DataFrame(
        {
            "student_id": [f"S{i}" for i in range(n)],
            "attendance_pct": rng.uniform(60, 100, n).round(1),
            "result": rng.choice(["pass", "fail"], n),
        }
    )


@pytest.fixture
def ws() -> Path:
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    _exams().to_csv(root / "exam_train.csv", index=False)
    return root


def _trained() -> dict[str, Any]:
    """A thread whose last turn trained models/exam_train on exam_train.csv."""
    call = {"tool": "train_model", "args": TRAINED}
    return {
        "dataset": "exam_train.csv",
        "model": "models/exam_train",
        "models": [
            {"path": "models/exam_train", "dataset": "exam_train.csv", "label_column": "result"}
        ],
        "trainings": [call],
        "last_loop": {**call, "metrics": {"f1": 0.7}},
        "last_call": call,
        "last_turn": [call],
        "results": [],
    }


@pytest.mark.parametrize("goal", ["save it as scores.csv", "save it as results.parquet"])
def test_a_table_name_after_a_training_is_asked_about_not_a_retraining(ws: Path, goal: str) -> None:
    # Before: the training ran again into models/scores.csv.
    plan = plan_goal(goal, memory=_trained())
    assert not plan.steps
    assert plan.question and "models/exam_train" in plan.question
    assert "predict" in plan.question and "save the model as" in plan.question


def test_a_model_name_after_a_training_still_keeps_a_copy(ws: Path) -> None:
    (ws / "models/exam_train").mkdir(parents=True)
    plan = plan_goal("save it as exam_best", memory=_trained())
    assert [s.tool for s in plan.steps] == ["save_model"]
    assert plan.steps[0].args["name"] == "exam_best"


@pytest.mark.parametrize(
    ("goal", "share"),
    [
        ("fit a classifier on exam_train.csv, y=result, 25% holdout, report AUC", 0.25),
        ("train a model for result on exam_train.csv with a 30 % hold-out", 0.3),
        ("predict result from exam_train.csv, holdout of 15%", 0.15),
    ],
)
def test_a_holdout_share_said_alone_is_the_validation_share(
    ws: Path, goal: str, share: float
) -> None:
    # Before: '25% holdout' was dropped (the default 20% was used).
    plan = plan_goal(goal)
    train = next(s for s in plan.steps if s.tool == "train_model")
    assert train.args["validation_fraction"] == share


def test_a_target_on_the_holdout_is_no_share() -> None:
    from agents.planner import validation_share

    assert validation_share("accuracy on the holdout of 80%") is None
    assert validation_share("the 25% holdout file is b.csv") is None


@pytest.mark.parametrize(
    ("text", "ratios"),
    [
        ("export as csv with train/test splits", {"train": 0.8, "test": 0.2}),
        ("save them with train and validation sets", {"train": 0.8, "validation": 0.2}),
        ("90/10 train/test", {"train": 0.9, "test": 0.1}),
        ("train, validation and test files", None),  # three: the default (splits=True)
        ("export with splits", None),
    ],
)
def test_two_splits_named_without_shares_are_two_not_the_default_three(
    text: str, ratios: dict[str, float] | None
) -> None:
    from agents.arguments import split_ratios

    assert split_ratios(text) == ratios
