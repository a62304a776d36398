"""Twenty-ninth round: 'save that model as rent_model_v1' keeps a copy of the thread's model
under that name (save_model), and 'run the same training on wine_2024.csv' reruns the thread's
training on that table (a different file unnamed: asked which)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from agents.planner import plan_goal
from settings import get_settings
from tests.utils.planning import turn

TRAINED = {
    "dataset": "exam_train.csv",
    "label_column": "result",
    "model": "mlp",
    "epochs": 30,
    "target_metric": "f1",
    "target_value": 0.8,
    "name": "exam",
    "test_dataset": "exam_test.csv",
}


def _exams(n: int = 200) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    return pd.DataFrame(
        {
            "student_id": [f"S{i}" for i in range(n)],
            "attendance_pct": rng.uniform(60, 100, n).round(1),
            "homework_avg": rng.uniform(30, 100, n).round(0),
            "result": rng.choice(["pass", "fail"], n),
        }
    )


@pytest.fixture
def ws() -> Path:
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    frame = _exams()
    frame[:150].to_csv(root / "exam_train.csv", index=False)
    frame[150:].to_csv(root / "exam_test.csv", index=False)
    frame.to_csv(root / "exam_2024.csv", index=False)
    (root / "models/exam").mkdir(parents=True)
    return root


def _thread(**last: Any) -> dict[str, Any]:
    """A thread whose last turn trained models/exam on exam_train.csv (TRAINED's settings)."""
    result = {"tool": "train_model", "metrics": {"f1": 0.76}, "args": TRAINED}
    call = {"tool": "train_model", "args": TRAINED}
    memory = {
        "dataset": "exam_train.csv",
        "model": "models/exam",
        "models": [{"path": "models/exam", "dataset": "exam_train.csv", "label_column": "result"}],
        "trainings": [call],
        "last_loop": result,
        "last_call": call,
        "last_turn": [call],
        "results": [result],
    }
    return {**memory, **last}


def _steps(plan: Any) -> list[tuple[str, dict[str, Any]]]:
    assert plan.question is None and plan.answer is None, (plan.question, plan.answer)
    return [(s.tool, s.args) for s in plan.steps]


# ----- A: the thread's model under a new name -----------------------------------------------------
@pytest.mark.parametrize(
    ("goal", "name"),
    [
        ("save that model as rent_model_v1", "rent_model_v1"),
        ("call the model churn_v2", "churn_v2"),
        ("keep a copy of this model named exam_best", "exam_best"),
        ("name it exam_v2", "exam_v2"),
        ("rename the model to exam_v3", "exam_v3"),
        ("please save the classifier under exam_final", "exam_final"),
        ("Save that model as 'exam_v4'.", "exam_v4"),
        ("keep a copy of it called exam-2024", "exam-2024"),
        ("store the trained model as models/exam_v5", "exam_v5"),
    ],
)
def test_a_name_for_the_threads_model_saves_a_copy_under_it(ws: Path, goal: str, name: str) -> None:
    plan = plan_goal(goal, _thread())
    assert _steps(plan) == [("save_model", {"model": "models/exam", "name": name})]
    assert plan.notes[0] == f"saving a copy of models/exam as models/{name}"


def test_a_rename_is_a_copy_and_the_answer_says_so(ws: Path) -> None:
    plan = plan_goal("rename the model to exam_v3", _thread())
    assert [s.tool for s in plan.steps] == ["save_model"]
    assert any("a copy, not a move" in n and "models/exam" in n for n in plan.notes)
    plain = plan_goal("save that model as exam_v3", _thread())
    assert not any("a copy, not a move" in n for n in plain.notes)  # said only for a rename


def test_a_model_named_before_model_is_the_one_copied(ws: Path) -> None:
    (ws / "models/churn_a").mkdir()
    plan = plan_goal("save the churn_a model as churn_best", _thread())
    assert _steps(plan) == [("save_model", {"model": "models/churn_a", "name": "churn_best"})]
    # a plain word before 'model' is no model's name: the thread's
    plan = plan_goal("save the new model as churn_best", _thread())
    assert _steps(plan) == [("save_model", {"model": "models/exam", "name": "churn_best"})]


def test_with_no_model_known_it_asks_which_and_offers_the_saved_ones(ws: Path) -> None:
    plan = plan_goal("save that model as rent_model_v1", {"dataset": "exam_train.csv"})
    assert not plan.steps and plan.question is not None
    assert plan.question.startswith("Which model should I save as rent_model_v1?")
    assert "models/exam" in plan.question


def test_save_the_model_without_a_name_says_where_it_already_is(ws: Path) -> None:
    plan = plan_goal("save the model", _thread())
    assert not plan.steps and plan.answer is not None
    assert "already saved, at models/exam" in plan.answer and "save that model as" in plan.answer


@pytest.mark.parametrize(
    "goal",
    [
        "save the predictions as csv",
        "save the model as well as the predictions",
        "save it as scores.csv",
        "save that model as rent.csv",
        "keep the model under 50",
    ],
)
def test_a_table_or_a_format_is_not_a_model_name(ws: Path, goal: str) -> None:
    plan = plan_goal(goal, _thread())
    assert all(s.tool != "save_model" for s in plan.steps), [s.tool for s in plan.steps]


def test_the_predictions_saved_as_csv_are_a_table_save(ws: Path) -> None:
    pd.DataFrame({"student_id": ["S1"], "prediction": ["pass"]}).to_parquet(
        ws / "preds.parquet", index=False
    )
    call = {"tool": "predict", "args": {"model": "models/exam", "dataset": "exam_test.csv"}}
    memory = _thread(last_call=call, last_turn=[call], last_table="preds.parquet")
    plan = plan_goal("save the predictions as csv", memory)
    assert [s.tool for s in plan.steps] in (["save_table"], ["export_dataset"]), plan.steps
    assert plan.steps[0].args.get("dataset") == "preds.parquet"


def test_it_is_the_model_only_right_after_a_model_tool(ws: Path) -> None:
    call = {"tool": "inspect_dataset", "args": {"dataset": "exam_2024.csv"}}
    plan = plan_goal("name it exam_v2", _thread(last_call=call, last_turn=[call]))
    assert all(s.tool != "save_model" for s in plan.steps)
    # the model said in words is the thread's model whatever ran last
    plan = plan_goal("name the model exam_v2", _thread(last_call=call, last_turn=[call]))
    assert _steps(plan) == [("save_model", {"model": "models/exam", "name": "exam_v2"})]


# ----- B: the thread's training on another table --------------------------------------------------
KEPT = {k: v for k, v in TRAINED.items() if k not in ("name", "test_dataset")}


@pytest.mark.parametrize(
    "goal",
    [
        "run the same training on exam_2024.csv",
        "do the same on exam_2024.csv",
        "same thing but on exam_2024.csv",
        "same model on exam_2024.csv",
        "train it the same way on exam_2024.csv",
        "repeat the training on exam_2024.csv",
    ],
)
def test_the_same_training_on_a_named_file_keeps_its_settings(ws: Path, goal: str) -> None:
    plan = plan_goal(goal, _thread())
    steps = _steps(plan)
    assert [t for t, _ in steps] == ["train_model"], steps
    assert steps[0][1] == {**KEPT, "dataset": "exam_2024.csv"}  # label, kind, target, epochs


def test_the_same_training_leaves_the_old_models_name_and_test_file(ws: Path) -> None:
    plan = plan_goal("run the same training on exam_2024.csv", _thread())
    args = plan.steps[0].args
    assert "name" not in args  # a new training under 'exam' would replace models/exam
    assert "test_dataset" not in args
    assert "again on exam_2024.csv" in plan.notes[0]


def test_a_setting_said_with_it_is_applied(ws: Path) -> None:
    plan = plan_goal("same model on exam_2024.csv with 50 epochs", _thread())
    assert _steps(plan) == [("train_model", {**KEPT, "dataset": "exam_2024.csv", "epochs": 50})]


@pytest.mark.parametrize(
    "goal",
    [
        "run the same training on a different file",
        "same training, different file",
        "same thing, different file",
        "do the same model on another table",
    ],
)
def test_a_different_file_unnamed_asks_which_offering_the_other_tables(ws: Path, goal: str) -> None:
    plan = plan_goal(goal, _thread())
    assert not plan.steps and plan.question is not None, (plan.answer, plan.steps)
    assert plan.question.startswith("Which table should I run the same training on")
    assert plan.question.endswith("Tables in the workspace: exam_2024.csv, exam_test.csv.")


def test_a_table_without_the_label_asks_which_column_to_predict(ws: Path) -> None:
    _exams().drop(columns=["result"]).assign(grade=["a", "b"] * 100).to_csv(
        ws / "wine_2024.csv", index=False
    )
    plan = plan_goal("run the same training on wine_2024.csv", _thread())
    assert not plan.steps and plan.question is not None
    assert plan.question.startswith("wine_2024.csv has no column 'result'")
    assert "grade" in plan.question


def test_the_same_thing_after_a_training_and_more_repeats_the_whole_turn(ws: Path) -> None:
    predict = {"tool": "predict", "args": {"model": "${steps.0.model_path}", "dataset": "x.csv"}}
    memory = _thread(last_turn=[{"tool": "train_model", "args": TRAINED}, predict])
    plan = plan_goal("same thing but on exam_2024.csv", memory)
    assert [s.tool for s in plan.steps] == ["train_model", "predict"]
    assert plan.steps[0].args["dataset"] == "exam_2024.csv"
    # the training said by name: only the training
    plan = plan_goal("run the same training on exam_2024.csv", memory)
    assert [s.tool for s in plan.steps] == ["train_model"]


def test_the_same_on_a_thread_with_no_training_is_its_last_turn(ws: Path) -> None:
    call = {"tool": "inspect_dataset", "args": {"dataset": "exam_train.csv"}}
    plan = plan_goal("same thing but on exam_2024.csv", {"last_call": call, "last_turn": [call]})
    assert [(s.tool, s.args["dataset"]) for s in plan.steps] == [
        ("inspect_dataset", "exam_2024.csv")
    ]
    plan = plan_goal("run the same training on a different file", {"dataset": "exam_train.csv"})
    assert not (plan.question or "").startswith("Which table should I run the same training")


# ----- A through the graph: a trained model saved by name, a taken name asked about ----------------
def test_a_thread_saves_its_model_by_name_and_asks_before_replacing(manager: Any, ws: Path) -> None:
    first = turn(manager, "train a classifier to predict result from exam_train.csv")
    assert first["status"] == "completed", first
    thread = first["thread_id"]
    trained = first["result"]["steps"][0]["output"]["model_path"]
    second = turn(manager, "save that model as exam_keep", thread)
    assert second["status"] == "completed", second
    step = second["result"]["steps"][0]
    assert (step["tool"], step["args"]) == ("save_model", {"model": trained, "name": "exam_keep"})
    assert (ws / "models/exam_keep/model.safetensors").is_file()
    assert (ws / trained / "model.safetensors").is_file()  # the old one kept
    mine = ws / "models/exam_mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    third = turn(manager, "call the model exam_mine", thread)
    assert third["status"] == "interrupted"
    assert third["result"]["question"] == (
        "models/exam_mine exists — replace it, or save as exam_mine_2?"
    )
    fourth = turn(manager, "save it as the new name", thread)
    assert fourth["status"] == "completed", fourth
    assert (mine / "notes.txt").read_text() == "mine" and len(list(mine.iterdir())) == 1
    assert (ws / "models/exam_mine_2/model.safetensors").is_file()


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "~root", "/tmp/abs", "a\x00b", "x" * 300, "..", ".hidden", str(2**63)],
)
def test_a_hostile_name_said_is_refused_by_the_tool_and_writes_nothing(ws: Path, name: str) -> None:
    from errors import ForgeflowError
    from graphs.workflows import call_tool

    before = sorted(p.as_posix() for p in ws.rglob("*"))
    plan = plan_goal(f"save that model as {name}", _thread())
    for step in plan.steps:
        if step.tool != "save_model":
            continue
        with pytest.raises(ForgeflowError) as exc:
            call_tool("save_model", step.args)
        assert 400 <= exc.value.status_code < 500 and exc.value.hint
    assert sorted(p.as_posix() for p in ws.rglob("*")) == before


def test_a_lone_surrogate_in_the_name_is_a_clear_400(ws: Path) -> None:
    from errors import BadInput

    with pytest.raises(BadInput):
        plan_goal("save that model as bad\ud800name", _thread())
