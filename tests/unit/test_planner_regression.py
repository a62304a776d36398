"""The planner and regression: a continuous label is bound (train_model's task 'auto' then
regresses), regression metric words bind target_metric / target_value, and the forecast and
glossary answers say what is in scope.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from agents.glossary import concept_answer
from agents.memory import asked_metric
from agents.planner import forecast_answer, plan_goal
from agents.slots import regression_target
from settings import get_settings


@pytest.fixture
def files() -> None:
    rng = np.random.default_rng(3)
    n = 120
    orders = pd.DataFrame(
        {
            "order_id": [f"O{i:04d}" for i in range(n)],
            "region": rng.choice(["north", "south", "east"], n),
            "units": rng.integers(1, 200, n),
            "distance_km": rng.uniform(1, 900, n).round(1),
            "days_to_supply": rng.uniform(0.5, 40, n).round(2),
        }
    )
    root = get_settings().workspace
    orders.to_csv(root / "orders.csv", index=False)
    orders.drop(columns=["days_to_supply"]).head(20).to_csv(root / "incoming.csv", index=False)


def _train_args(goal: str) -> dict:
    plan = plan_goal(goal)
    assert plan.answer is None, plan.answer
    assert plan.question is None, plan.question
    steps = [s for s in plan.steps if s.tool == "train_model"]
    assert len(steps) == 1, [s.tool for s in plan.steps]
    return steps[0].args


def test_a_continuous_label_is_bound_not_refused(files: None) -> None:
    args = _train_args("train an MLP regression of days_to_supply on orders.csv")
    assert args["label_column"] == "days_to_supply"
    assert args.get("model") == "mlp"
    assert "target_metric" not in args  # the tool's default for a regressor: r2
    assert args["task"] == "regression"


def test_logistic_regression_names_a_classifier_not_the_task(files: None) -> None:
    args = _train_args("train a logistic regression on orders.csv to predict region")
    assert args.get("model") == "logistic" and "task" not in args
    args = _train_args("fit a linear regression of days_to_supply on orders.csv")
    assert "task" not in args  # task auto regresses the quantity
    assert args["label_column"] == "days_to_supply"


@pytest.mark.parametrize(
    ("goal", "metric", "value"),
    [
        ("predict days_to_supply from orders.csv, MAE please", "mae", None),
        ("predict days_to_supply from orders.csv with rmse under 3", "rmse", 3.0),
        ("predict days_to_supply from orders.csv, aim for an r2 of 0.8", "r2", 0.8),
        ("predict days_to_supply from orders.csv with MAE below 2.5 days", "mae", 2.5),
    ],
)
def test_regression_metric_words_bind_the_target(
    files: None, goal: str, metric: str, value: float | None
) -> None:
    args = _train_args(goal)
    assert args["label_column"] == "days_to_supply"
    assert args["target_metric"] == metric
    assert args.get("target_value") == value


def test_regression_target_reader() -> None:
    assert regression_target("MAE under 3") == ("mae", 3.0)
    assert regression_target("mean absolute error of at most 4.5") == ("mae", 4.5)
    assert regression_target("RMSE please") == ("rmse", None)
    assert regression_target("r-squared at least 80%") == ("r2", 0.8)
    assert regression_target("R² of .75") == ("r2", 0.75)
    assert regression_target("train a classifier, auc 0.9") is None
    assert regression_target("the r2d2 droid") is None
    assert regression_target("train on mae.csv") is None  # a file's name is no metric
    assert asked_metric("what was the MAE?") == "mae"
    assert asked_metric("and the r-squared?") == "r2"


def test_a_classification_goal_is_unchanged(files: None) -> None:
    args = _train_args("predict region from orders.csv, f1 of at least 0.7")
    assert args["label_column"] == "region"
    assert args["target_metric"] == "f1" and args["target_value"] == 0.7


def test_forecast_and_glossary_answers_say_what_is_in_scope() -> None:
    said = forecast_answer(["sales.csv"])
    assert "time series" in said and "regression" in said
    assert "classifiers, not regressions" not in said
    answer = concept_answer("what does MAE mean?")
    assert answer is not None and "mean absolute error" in answer.lower()
    answer = concept_answer("what's a regression?")
    assert answer is not None and "time series" in answer
    mlp = concept_answer("what's the difference between an mlp and logistic regression?")
    assert mlp is not None and "Regression: predicting a number" not in mlp


def _regression_thread() -> dict:
    loop = {
        "tool": "train_model",
        "args": {"dataset": "orders.csv", "target_metric": "mae", "target_value": 50.0},
        "target": {"metric": "mae", "value": 50.0},
        "target_met": True,
        "metrics": {"r2": 0.4, "mae": 45.0, "rmse": 55.0},
        "validation": {"r2": 0.4, "mae": 45.0, "rmse": 55.0},
        "history": [{"attempt": 1, "model": "linear"}],
    }
    result = {"tool": "train_model", "model_path": "models/x", **loop}
    return {"last_loop": loop, "last_call": loop, "results": [result]}


def test_make_it_better_aims_lower_on_an_error_metric() -> None:
    plan = plan_goal("make it better", _regression_thread())
    args = plan.steps[0].args
    assert args["target_metric"] == "mae"
    assert args["target_value"] == 36.0  # a fifth under the best MAE, not a share above it
    plan = plan_goal("make it better, aim for an MAE under 40", _regression_thread())
    assert plan.steps[0].args["target_value"] == 40.0


def test_regression_then_predict_plans_both_steps(files: None) -> None:
    plan = plan_goal(
        "MLP regression of days_to_supply on orders.csv, MAE under 3, then predict incoming.csv"
    )
    assert plan.answer is None and plan.question is None
    assert [s.tool for s in plan.steps] == ["train_model", "predict"]
    args = plan.steps[0].args
    assert (args["label_column"], args["task"], args["model"]) == (
        "days_to_supply",
        "regression",
        "mlp",
    )
    assert (args["target_metric"], args["target_value"]) == ("mae", 3.0)
    assert plan.steps[1].args["dataset"] == "incoming.csv"
    assert plan.asked == {"metric": "mae"}
