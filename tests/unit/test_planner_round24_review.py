"""Round 24 review: a method's or a count's words are no saved model's name, a sentence about the
data is no labeling rule, and one guard keeps a training from going before a named model."""

from __future__ import annotations

import pandas as pd
import pytest

from agents.arguments import said_model_name
from agents.plan import Planning, PlanStep
from agents.rules import parse_rules
from tests.unit.test_planner_round24_steps import _write


@pytest.fixture
def files() -> None:
    from settings import get_settings

    _write(get_settings().workspace)


# --- a method or a count said after 'with/using' is no saved model ---------------------------


@pytest.mark.parametrize(
    "said",
    [
        "predict topic for b.csv using gradient-boosting",
        "predict topic for b.csv via scikit-learn",
        "fit on a.csv and predict b.csv with early_stopping",
        "evaluate on b.csv with cross_validation",
        "predict topic for b.csv using top-3 features",
        "score b.csv with f1-score",
        "predict b.csv using l2-regularization",
        "evaluate the random_forest model on b.csv",
        "predict topic for b.csv using k-fold",
    ],
)
def test_a_method_or_a_count_is_no_model_name(said: str) -> None:
    assert said_model_name(said) is None


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("predict b.csv with churn_v2", "churn_v2"),
        ("evaluate the existing model grade-2024 on b.csv", "grade-2024"),
        ("predict b.csv using model topic_mlp2", "topic_mlp2"),
        ("evaluate the noshow_2026 model on b.csv", "noshow_2026"),
    ],
)
def test_a_versioned_name_is_still_a_model(said: str, name: str) -> None:
    assert said_model_name(said) == name


def test_a_method_said_keeps_the_training_before_the_prediction(files: None) -> None:
    from agents.planner import plan_goal

    plan = plan_goal("predict topic for depot/tickets_new.csv using gradient-boosting")
    tools = [s.tool for s in plan.steps]
    assert "train_model" in tools and tools[-1] == "predict", tools
    assert plan.steps[-1].args["model"].startswith("${steps.")


# --- a sentence about the data is no rule ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If the data has duplicates, that's a problem. find anomalies in x.csv",
        "find outliers in x.csv; when amount has spikes it is fraud",
        "when a file has headers it is easier",
    ],
)
def test_has_with_no_labeling_verb_is_no_rule(text: str) -> None:
    assert parse_rules(text) == []


def test_has_with_a_labeling_verb_is_a_rule() -> None:
    rules = parse_rules("if a ticket has refund or chargeback, label it billing")
    assert [(r["label"], r["keywords"]) for r in rules] == [("billing", ["refund", "chargeback"])]
    rules = parse_rules("when the memo says overdue, it's late")
    assert [(r["label"], r["keywords"]) for r in rules] == [("late", ["overdue"])]


def test_a_sentence_about_the_data_keeps_the_anomaly_search(files: None) -> None:
    from agents.planner import plan_goal

    plan = plan_goal(
        "If the data has duplicates, that's a problem. find anomalies in depot/tickets_train.csv"
    )
    assert [s.tool for s in plan.steps] == ["detect_anomalies"]


# --- one guard for a prediction with a named model --------------------------------------------


def test_one_guard_keeps_a_training_from_a_named_models_prediction(files: None) -> None:
    from agents import planner
    from agents.prediction import train_then_predict

    # the planner's copy of the guard is gone: train_then_predict holds it
    assert not hasattr(planner, "_said_model_used")
    goal = "how many of depot/tickets_new.csv will be refund? learn it from depot/tickets_train.csv"
    p = Planning(memory={}, goal=goal)
    p.steps.append(
        PlanStep(
            tool="predict", args={"model": "topic_v3", "dataset": "depot/tickets_new.csv"}, why="x"
        )
    )
    assert (
        train_then_predict(p, goal, ["depot/tickets_train.csv", "depot/tickets_new.csv"]) is False
    )
    assert [s.tool for s in p.steps] == ["predict"]


# --- classes said with a slash are no labeling run's folder ------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "label the rows as refund/shipping/account",
        "open the workbench of the yes/no labeling",
        "T00003 should be refund/billing, not account; fix it in the workbench",
    ],
)
def test_classes_joined_by_a_slash_name_no_run(files: None, said: str) -> None:
    from agents.arguments import said_run_folder

    assert said_run_folder(said) is None


def test_a_folder_said_is_still_a_run(files: None) -> None:
    from agents.arguments import said_run_folder

    assert said_run_folder("the folder is depot/tl_run") == "depot/tl_run"  # depot/ is there
    assert said_run_folder("open the runs/q3_labels workbench") == "runs/q3_labels"
    assert said_run_folder("open the labels/tickets workbench") is None  # plain words, no root


def test_a_labeling_asked_with_slashed_classes_still_labels(files: None) -> None:
    from agents.planner import plan_goal

    plan = plan_goal(
        "could you have depot/tickets_new.csv labeled with topics refund/shipping/account and "
        "list the rows in the workbench the labels disagree on"
    )
    assert [s.tool for s in plan.steps][0] == "label_dataset"
    plan = plan_goal("T00003 should be refund/billing, not account; fix it in the workbench")
    assert all(s.args.get("labeling_dir") != "refund/billing" for s in plan.steps)


# --- a column of the named tables is no model's name, in every reading of it -----------------


def test_a_column_said_after_using_keeps_the_training(files: None) -> None:
    from agents.planner import _made_already, _remakes_said, plan_goal
    from settings import get_settings

    depot = get_settings().workspace / "depot"
    for name in ("tickets_train.csv", "tickets_test.csv"):
        frame = pd.read_csv(depot / name)
        frame["spend_q4"] = frame["amount"]
        frame.to_csv(depot / name, index=False)
    goal = (
        "evaluate a topic model on depot/tickets_test.csv using spend_q4, trained on "
        "depot/tickets_train.csv"
    )
    p = Planning(memory={}, goal=goal)
    p.cued = True
    clause = "evaluate a topic model on depot/tickets_test.csv using spend_q4"
    assert _made_already(["train_model", "evaluate_model"], clause, p) == [
        "train_model",
        "evaluate_model",
    ]
    used = [PlanStep(tool="evaluate_model", args={"model": "spend_q4"}, why="x")]
    assert not _remakes_said(used, ["evaluate_model"], ["train_model", "evaluate_model"], goal)
    plan = plan_goal(goal)
    train = [s for s in plan.steps if s.tool == "train_model"]
    assert train and train[0].args["dataset"] == "depot/tickets_train.csv"


# --- 'me'/'us' after a verb that shows nothing is no count's lead -----------------------------


@pytest.mark.parametrize(
    "goal",
    [
        "find anomalies in x.csv; usually we see 12.",
        "find anomalies in x.csv. Last month those rows cost us 500.",
        "find anomalies in x.csv. I expect just 3.",
        "find anomalies in x.csv, the refunds hurt me 40",
        "find anomalies in x.csv. Our SLA gives us 48",
    ],
)
def test_a_number_after_a_verb_that_shows_nothing_is_no_count(goal: str) -> None:
    from agents.said_check import bind_said

    step = PlanStep(tool="detect_anomalies", args={}, why="find anomalies in x.csv")
    bind_said([step], goal)
    assert "top_k" not in step.args


@pytest.mark.parametrize(
    ("goal", "value"),
    [
        ("find anomalies in x.csv, show us 5", 5),
        ("find anomalies in x.csv, give me only 9.", 9),
        ("find anomalies in x.csv, only 7", 7),
        ("find anomalies in x.csv; just 4", 4),
        ("find anomalies in x.csv, let me see 11", 11),
    ],
)
def test_a_count_after_a_showing_verb_is_still_bound(goal: str, value: int) -> None:
    from agents.said_check import bind_said

    step = PlanStep(tool="detect_anomalies", args={}, why="find anomalies in x.csv")
    bind_said([step], goal)
    assert step.args.get("top_k") == value


# --- a score reached before is no target --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "make it better; last run we hit 0.72, try again",
        "it hit 0.8, and I want more",
        "they reached 0.7, make it better",
    ],
)
def test_a_score_reached_is_no_target(text: str) -> None:
    from agents.said_check import said_target

    assert said_target(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("make it better, aim for 90%", 0.9),
        ("can you hit 0.9, please", 0.9),
        ("we need to hit 0.85, then stop", 0.85),
        ("make it hit 0.9, then stop", 0.9),
    ],
)
def test_a_target_asked_is_still_read(text: str, value: float) -> None:
    from agents.said_check import said_target

    assert said_target(text) == value


@pytest.mark.parametrize("fmt", ["pickle", "pkl", "joblib", "onnx", "safetensors"])
def test_a_model_format_is_no_models_name(fmt: str) -> None:
    from agents.said_check import bind_said

    step = PlanStep(tool="train_model", args={}, why="train on a.csv for late")
    bind_said([step], f"train on a.csv for late, save as {fmt}")
    assert "name" not in step.args
