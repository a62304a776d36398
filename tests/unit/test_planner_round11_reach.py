"""A metric target said for what the thread already ran re-runs that loop aiming at it."""

from __future__ import annotations

from typing import Any

from agents.memory import is_reach_request, is_results_question
from agents.planner import plan_goal, remember


def _trained() -> dict[str, Any]:
    return remember(
        "train_model",
        {
            "model_path": "models/churn-1",
            "dataset": "members.csv",
            "metrics": {"f1": 0.70, "auc": 0.86, "accuracy": 0.74},
            "attempts": 1,
        },
        {},
        {"dataset": "members.csv", "label_column": "cancelled"},
    )


def test_a_target_to_reach_reruns_the_training_with_that_target() -> None:
    for goal, metric, value in (
        ("can you get it above 0.8 f1?", "f1", 0.8),
        ("push the auc past 0.9 please", "auc", 0.9),
        ("let's aim for 85% accuracy", "accuracy", 0.85),
        ("could we reach an f1 of 0.75?", "f1", 0.75),
    ):
        plan = plan_goal(goal, _trained())
        assert [s.tool for s in plan.steps] == ["train_model"], goal
        args = plan.steps[0].args
        assert args["dataset"] == "members.csv" and args["label_column"] == "cancelled", goal
        assert args["target_metric"] == metric and args["target_value"] == value, goal
        assert plan.answer is None, goal


def test_a_question_about_a_result_is_still_answered_from_the_thread() -> None:
    for goal in ("is the f1 above 0.8?", "what was the f1?", "did it get over 0.8 auc?"):
        assert not is_reach_request(goal, False), goal
    plan = plan_goal("is the f1 above 0.8?", _trained())
    assert plan.steps == [] and plan.answer and "0.7" in plan.answer
    assert is_results_question("what was the f1?", False)


def test_a_target_with_a_file_is_a_new_goal_not_a_rerun() -> None:
    assert not is_reach_request("get it above 0.8 f1 on members.csv", True)


def test_an_outcome_asked_of_a_table_runs_the_threads_model(tmp_path, monkeypatch) -> None:
    import pandas as pd

    monkeypatch.setenv("FORGEFLOW_HOME", str(tmp_path))
    work = tmp_path / "workspace"
    work.mkdir()
    rows = {"member_id": [1, 2, 3], "visits": [3, 0, 9], "fee": [20.0, 35.5, 20.0]}
    pd.DataFrame({**rows, "cancelled": ["no", "yes", "no"]}).to_csv(work / "members.csv")
    pd.DataFrame(rows).to_csv(work / "members_spring.csv", index=False)
    memory = _trained()
    for goal in (
        "which members in members_spring.csv are most at risk of cancelling?",
        "who in members_spring.csv is likely to cancel?",
        "what are the chances that the people in members_spring.csv cancel",
    ):
        plan = plan_goal(goal, memory)
        assert [s.tool for s in plan.steps] == ["predict"], goal
        assert plan.steps[0].args["model"] == "models/churn-1", goal
        assert plan.steps[0].args["dataset"] == "members_spring.csv", goal
    # a question about the table itself stays a look-up
    plan = plan_goal("how many rows does members_spring.csv have?", memory)
    assert [s.tool for s in plan.steps] == ["inspect_dataset"]
