"""Train-then-predict plans: history table + sibling without the outcome (invented wording)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.planner import plan_goal
from agents.prediction import _pairs
from settings import get_settings


def _hives(n: int, offset: int = 0) -> list[dict[str, object]]:
    return [
        {
            "hive_id": f"H{offset + i:03d}",
            "apiary": "north" if i % 2 else "south",
            "frames_brood": 4 + i % 5,
            "queen_cells": i % 4,
            "mite_count": (i * 7) % 30,
            "swarmed": "yes" if i % 4 == 3 else "no",
        }
        for i in range(n)
    ]


@pytest.fixture
def workspace() -> Path:
    folder = get_settings().workspace
    folder.mkdir(parents=True, exist_ok=True)
    history = pd.DataFrame(_hives(80))
    history.to_csv(folder / "hive_inspections.csv", index=False)
    history.drop(columns=["swarmed"]).head(25).to_csv(
        folder / "hive_checks_spring.csv", index=False
    )
    history.head(30).to_csv(folder / "hive_holdout.csv", index=False)
    trials = pd.DataFrame(
        [{"plot": i, "rain_mm": 300 + i, "grade": "a" if i % 2 else "b"} for i in range(40)]
    )
    trials.to_csv(folder / "trials_2024.csv", index=False)
    trials.to_csv(folder / "trials_2025.csv", index=False)
    return folder


def _tools(plan) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.tool for s in plan.steps if s.tool not in ("inspect_dataset", "preview_rows")]


def test_pairs_are_tables_that_differ_by_the_outcome(workspace: Path) -> None:
    files = [p.name for p in workspace.iterdir()]
    assert ("hive_inspections.csv", "hive_checks_spring.csv", ["swarmed"]) in _pairs(files)
    # same columns on both sides: a test set, not rows to score
    assert not [
        p for p in _pairs(files) if "hive_holdout.csv" in p[:2] and p[1] != "hive_checks_spring.csv"
    ]


def test_outcome_question_over_described_rows_trains_then_predicts(workspace: Path) -> None:
    plan = plan_goal(
        "Roughly how many of the spring hive checks are going to swarm? "
        "Go by our inspection history."
    )
    assert _tools(plan) == ["train_model", "predict"]
    train, predict = [s for s in plan.steps if s.tool in ("train_model", "predict")]
    assert train.args["dataset"] == "hive_inspections.csv"
    assert train.args["label_column"] == "swarmed"
    assert predict.args["dataset"] == "hive_checks_spring.csv"
    assert predict.args["model"] == "${steps.0.model_path}"


def test_prediction_reads_the_named_new_file_not_the_history(workspace: Path) -> None:
    plan = plan_goal(
        "Learn swarmed from hive_inspections.csv, then tag every hive in hive_checks_spring.csv "
        "and write the calls to swarm_calls.csv"
    )
    predict = next(s for s in plan.steps if s.tool == "predict")
    assert predict.args["dataset"] == "hive_checks_spring.csv"
    assert predict.args["output"] == "swarm_calls.csv"
    train = next(s for s in plan.steps if s.tool == "train_model")
    assert train.args["dataset"] == "hive_inspections.csv"


def test_training_version_said_by_one_word_of_its_name(workspace: Path) -> None:
    plan = plan_goal("predict grade for trials_2025.csv with a model fitted on 2024")
    assert _tools(plan) == ["train_model", "predict"]
    train, predict = [s for s in plan.steps if s.tool in ("train_model", "predict")]
    assert train.args["dataset"] == "trials_2024.csv"
    assert predict.args["dataset"] == "trials_2025.csv"


def test_a_test_set_stays_a_test_set(workspace: Path) -> None:
    plan = plan_goal(
        "Train a swarm classifier on hive_inspections.csv (label swarmed) and test it on "
        "hive_holdout.csv"
    )
    assert "predict" not in _tools(plan)


def test_no_outcome_asked_no_training(workspace: Path) -> None:
    plan = plan_goal("what columns does hive_checks_spring.csv have?")
    assert "train_model" not in _tools(plan)


def test_week_is_not_read_as_a_typo_of_weak() -> None:
    from agents.intent import fix_typos

    assert fix_typos("the hives of next week") == "the hives of next week"


def test_a_model_predicting_something_is_no_run_over_new_rows(workspace: Path) -> None:
    plan = plan_goal(
        "I'd like a model predicting swarmed from the hive_inspections.csv numbers; "
        "afterwards just tell me its F1."
    )
    assert "predict" not in _tools(plan)


def test_the_predictions_file_is_no_model_name(workspace: Path) -> None:
    plan = plan_goal(
        "predict swarmed for hive_checks_spring.csv with a model you fit on hive_inspections.csv, "
        "save it as spring_calls.parquet"
    )
    train = next(s for s in plan.steps if s.tool == "train_model")
    predict = next(s for s in plan.steps if s.tool == "predict")
    assert "name" not in train.args
    assert predict.args["output"] == "spring_calls.parquet"
    assert predict.args["dataset"] == "hive_checks_spring.csv"


def test_validation_set_said_is_one_training_with_validation_dataset(workspace: Path) -> None:
    plan = plan_goal(
        "Take hive_holdout.csv as the validation set for early stopping; train on "
        "hive_inspections.csv for swarmed and push accuracy to 0.8.",
        {},
    )
    trainers = [s for s in plan.steps if s.tool == "train_model"]
    assert len(trainers) == 1
    assert trainers[0].args["dataset"] == "hive_inspections.csv"
    assert trainers[0].args["validation_dataset"] == "hive_holdout.csv"
    assert trainers[0].args.get("test_dataset") != "hive_holdout.csv"


def test_validation_file_only_when_said_as_validation() -> None:
    from agents.prediction import _validation_file

    assert _validation_file("validation split: bees_val.csv, train on bees.csv") == "bees_val.csv"
    assert _validation_file("train on bees.csv and test it on bees_val.csv") is None


def test_scores_for_rows_with_model_from_history(workspace: Path) -> None:
    plan = plan_goal(
        "swarmed probabilities for hive_checks_spring.csv, model from hive_inspections.csv, "
        "out spring_risk.csv",
        {},
    )
    assert _tools(plan) == ["train_model", "predict"]
    assert plan.steps[-2].args["dataset"] == "hive_inspections.csv"
    assert plan.steps[-1].args["dataset"] == "hive_checks_spring.csv"
    assert plan.steps[-1].args["output"] == "spring_risk.csv"
