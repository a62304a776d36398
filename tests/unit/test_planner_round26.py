"""Twenty-sixth round: what a new user met on invented tables (a ferry operator's crossings, a
bike shop's jobs): 'eval on b.csv' keeps the test file, the file a conversation used settles a
description several files fit, and the router no longer learns a regression as out of scope."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from agents import router
from agents.planner import plan_goal
from settings import get_settings


@pytest.fixture
def ferries() -> None:
    rng = np.random.default_rng(1)
    n = 300
    frame = pd.DataFrame(
        {
            "crossing_id": [f"C{i}" for i in range(n)],
            "route": rng.choice(["a", "b", "c"], n),
            "wind_kn": rng.uniform(0, 40, n).round(1),
            "passengers": rng.integers(10, 400, n),
            "delay_minutes": rng.uniform(0, 60, n).round(1),
            "cancelled": rng.choice(["yes", "no"], n),
        }
    )
    root = get_settings().workspace
    frame[:240].to_csv(root / "ferry_crossings.csv", index=False)
    frame[240:].to_csv(root / "ferry_test.csv", index=False)


@pytest.mark.parametrize(
    ("goal", "label"),
    [
        (
            "fit an MLP regressor on ferry_crossings.csv for delay_minutes, target MAE under 5, "
            "eval on ferry_test.csv",
            "delay_minutes",
        ),
        ("fit an MLP on ferry_crossings.csv for cancelled, eval on ferry_test.csv", "cancelled"),
    ],
)
def test_eval_on_a_file_keeps_it_as_the_test_set(ferries: None, goal: str, label: str) -> None:
    plan = plan_goal(goal)
    assert plan.question is None and plan.answer is None
    train = [s for s in plan.steps if s.tool == "train_model"]
    assert len(train) == 1
    args = train[0].args
    assert (args["dataset"], args["label_column"]) == ("ferry_crossings.csv", label)
    tested = args.get("test_dataset") or next(
        (s.args.get("dataset") for s in plan.steps if s.tool == "evaluate_model"), None
    )
    assert tested == "ferry_test.csv"  # was dropped: 'eval' was no measuring word


@pytest.fixture
def bike_thread() -> dict:
    rng = np.random.default_rng(2)
    n = 200
    jobs = pd.DataFrame(
        {
            "job_id": [f"J{i}" for i in range(n)],
            "bike_type": rng.choice(["road", "mtb", "city"], n),
            "parts": rng.integers(0, 6, n),
            "repair_minutes": rng.uniform(5, 200, n).round(0),
        }
    )
    root = get_settings().workspace
    jobs.to_csv(root / "bike_jobs.csv", index=False)
    jobs.to_parquet(root / "bike_jobs.parquet")
    pd.DataFrame({"crossing_id": ["C1"], "prediction": [1.0]}).to_csv(
        root / "ferry_predictions.csv", index=False
    )
    (root / "models" / "bike").mkdir(parents=True)
    loop = {
        "tool": "train_model",
        "args": {"dataset": "bike_jobs.csv", "label_column": "repair_minutes"},
        "metrics": {"r2": 0.4, "mae": 45.0, "rmse": 55.0},
        "history": [{"attempt": 1, "model": "mlp"}],
    }
    result = {"tool": "train_model", "model_path": "models/bike", **loop}
    return {
        "last_loop": loop,
        "last_call": loop,
        "results": [result],
        "model": "models/bike",
        "dataset": "bike_jobs.csv",
    }


@pytest.mark.parametrize(
    "goal",
    [
        "save the predictions for all jobs to bike_minutes_pred.csv",
        "predict all the jobs and save to bike_minutes_pred.csv",
    ],
)
def test_the_conversations_file_settles_a_description_several_fit(
    bike_thread: dict, goal: str
) -> None:
    plan = plan_goal(goal, bike_thread)
    assert (
        plan.question is None
    )  # was: 'bike_jobs.csv, bike_jobs.parquet or ferry_predictions.csv?'
    assert [s.tool for s in plan.steps] == ["predict"]
    args = plan.steps[0].args
    assert (args["dataset"], args["output"]) == ("bike_jobs.csv", "bike_minutes_pred.csv")
    assert any("the one this conversation used" in n for n in plan.notes)


def test_a_thread_that_used_none_of_them_still_asks(bike_thread: dict) -> None:
    other = {**bike_thread, "dataset": "elsewhere.csv"}
    other["last_loop"] = other["last_call"] = {
        **bike_thread["last_loop"],
        "args": {"dataset": "elsewhere.csv", "label_column": "repair_minutes"},
    }
    other["results"] = [{**bike_thread["results"][0], **other["last_loop"]}]
    plan = plan_goal("save the predictions for all jobs to bike_minutes_pred.csv", other)
    assert plan.question is not None and "bike_jobs.parquet" in plan.question


@pytest.mark.parametrize(
    "goal",
    [
        "estimate the sale price of each house in homes.csv (a number, not a band)",
        "regress rent_eur on the other columns of rentals.csv",
        "could you model how many kWh each site uses, from sites.csv?",
    ],
)
def test_the_router_reads_a_regression_as_a_training(goal: str) -> None:
    # Its rows learnt regressions as 'nothing I do' until train_model regressed (round 25):
    # these wordings were routed to none or to an inspection.
    assert router.ranked(goal)[0].tools == ("train_model",)


@pytest.mark.parametrize(
    "goal",
    [
        "make a bar chart of attendance per rehearsal date in choir_attendance.csv",
        "plot a histogram of the ages in choir_attendance.csv",
    ],
)
def test_a_chart_of_the_data_is_said_to_be_out_of_scope(goal: str) -> None:
    pd.DataFrame({"date": ["2026-01-01"] * 30, "present": ["yes"] * 30}).to_csv(
        get_settings().workspace / "choir_attendance.csv", index=False
    )
    plan = plan_goal(goal)
    assert plan.steps == []
    assert plan.answer is not None and plan.answer.startswith("That is outside what I can do")
    assert "I draw no charts of a table's columns" in plan.answer


def test_an_evaluations_own_curves_stay_in_scope() -> None:
    plan = plan_goal("evaluate models/x on choir_test.csv and plot the ROC curve")
    assert plan.answer is None or not plan.answer.startswith("That is outside")


@pytest.mark.parametrize(
    "goal",
    [
        "show the line chart of the training and validation loss for models/x",
        "draw a bar chart of per-class F1 for models/x on test.csv",
    ],
)
def test_a_chart_of_a_model_is_not_refused(goal: str) -> None:
    (get_settings().workspace / "models" / "x").mkdir(parents=True)
    plan = plan_goal(goal)
    assert plan.answer is None or not plan.answer.startswith("That is outside")


def test_other_out_of_scope_words_are_kept() -> None:
    plan = plan_goal("deploy the model to kubernetes")
    assert plan.answer is not None and plan.answer.startswith("That is outside")


def _ferry_leak() -> None:
    from tests.unit.test_train_hindsight import _crossings

    _crossings().to_csv(get_settings().workspace / "ferries.csv", index=False)


@pytest.mark.parametrize(
    "goal",
    [
        "train a model on ferries.csv to predict cancelled without delay_minutes",
        "predict cancelled in ferries.csv without using delay_minutes",
    ],
)
def test_without_a_column_leaves_it_out_of_the_training(goal: str) -> None:
    # train_model's hindsight warning says "say 'without delay_minutes'": it must work
    _ferry_leak()
    plan = plan_goal(goal)
    (step,) = [s for s in plan.steps if s.tool == "train_model"]
    assert step.args["label_column"] == "cancelled"
    assert step.args["exclude_columns"] == ["delay_minutes"]


@pytest.mark.parametrize(
    "goal", ["retrain without delay_minutes", "ok train it again without delay_minutes"]
)
def test_retrain_without_a_column_leaves_it_out(goal: str) -> None:
    _ferry_leak()
    (get_settings().workspace / "models" / "f").mkdir(parents=True)
    loop = {
        "tool": "train_model",
        "args": {"dataset": "ferries.csv", "label_column": "cancelled", "id_column": "crossing_id"},
        "metrics": {"auc": 0.9, "accuracy": 0.8},
        "history": [{"attempt": 1, "model": "logistic"}],
    }
    memory = {
        "last_loop": loop,
        "last_call": loop,
        "results": [{"tool": "train_model", "model_path": "models/f", **loop}],
        "model": "models/f",
        "dataset": "ferries.csv",
    }
    plan = plan_goal(goal, memory)
    assert [s.tool for s in plan.steps] == ["train_model"]
    assert plan.steps[0].args["exclude_columns"] == ["delay_minutes"]
    assert plan.steps[0].args["label_column"] == "cancelled"


def test_a_preview_of_labeled_rows_shows_the_persons_columns_first() -> None:
    from agents.reporter import summarise_output

    columns = [
        "id", "label", "prob_negative", "prob_positive", "covered", "label_source", "loan_id",
        "branch", "due", "returned", "patron_comment", "sentiment", "sentiment_filled",
        "sentiment_source",
    ]  # fmt: skip
    row = [1, "positive", 0.2, 0.8, True, "label_model", "L1", "north", "d", "r", "great",
           None, "positive", "run"]  # fmt: skip
    output = {"rows": [row], "columns": columns, "offset": 0, "total": 1}
    lines = summarise_output("preview_rows", output)
    header = lines[1].strip().split(" | ")
    assert header[:4] == ["id", "sentiment", "sentiment_filled", "sentiment_source"]
    assert "prob_negative" not in header and "covered" not in header
    assert lines[2].strip().split(" | ")[2] == "positive"  # the cells follow their columns
    assert "prob_negative" in lines[-1]  # the bookkeeping listed as more columns
    plain = summarise_output("preview_rows", {**output, "columns": ["a", "b"], "rows": [[1, 2]]})
    assert plain[1].strip() == "a | b"
