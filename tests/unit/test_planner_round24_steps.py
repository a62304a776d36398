"""Round 24, wrong and extra steps: a saved model or labeling run the person names is used, not made anew."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from agents.arguments import RUN_FOLDER_RE, SAID_MODEL_RES, said_model_name, said_run_folder
from agents.plan import Planning, PlanStep
from agents.planner import _made_already, _remakes_said, plan_goal
from settings import get_settings


def _write(folder: Path) -> None:
    rng = np.random.default_rng(24)
    n = 160
    topics = rng.choice(["refund", "shipping", "account"], n)
    words = {
        "refund": "money back refund charge",
        "shipping": "parcel late courier box",
        "account": "password login email locked",
    }
    depot = folder / "depot"
    depot.mkdir(parents=True, exist_ok=True)
    rows = pd.DataFrame(
        {
            "ticket_id": [f"T{i:05d}" for i in range(n)],
            "body": [f"my {words[t]} issue number {i}" for i, t in enumerate(topics)],
            "amount": rng.normal(50, 10, n).round(2),
            "topic": topics,
        }
    )
    rows.iloc[:100].to_csv(depot / "tickets_train.csv", index=False)
    rows.iloc[100:140].to_csv(depot / "tickets_test.csv", index=False)
    rows.iloc[140:].drop(columns="topic").to_csv(depot / "tickets_new.csv", index=False)


@pytest.fixture
def files() -> None:
    _write(get_settings().workspace)


def _tools(goal: str) -> list[str]:
    plan = plan_goal(goal)
    assert plan.question is None, plan.question
    return [s.tool for s in plan.steps if s.tool not in ("inspect_dataset", "preview_rows")]


# --- a saved model named ---------------------------------------------------------------------


def test_a_saved_model_by_name_is_evaluated_without_a_training(files: None) -> None:
    plan = plan_goal(
        "Evaluate the saved model topic_v3 on depot/tickets_test.csv, label column topic; "
        "tell me the accuracy."
    )
    assert [s.tool for s in plan.steps] == ["evaluate_model"]
    assert plan.steps[0].args["model"] == "topic_v3"


def test_a_saved_model_by_name_predicts_without_a_training(files: None) -> None:
    plan = plan_goal("predict topic for depot/tickets_new.csv using model topic_mlp2")
    assert [s.tool for s in plan.steps] == ["predict"]
    assert plan.steps[0].args["model"] == "topic_mlp2"


def test_a_model_to_make_is_still_trained_first(files: None) -> None:
    # the near wording names no saved model: training first, as before
    assert _tools(
        "train a model for topic on depot/tickets_train.csv, then evaluate it on "
        "depot/tickets_test.csv"
    ) == ["train_model", "evaluate_model"]
    assert _tools("predict topic for depot/tickets_new.csv")[-1] == "predict"
    assert "train_model" in _tools("predict topic for depot/tickets_new.csv")


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("score b.csv with model churn_v2, out c.csv", "churn_v2"),
        ("evaluate the existing model `grade-2024` on x.csv", "grade-2024"),
        ("name the model churn_v2 and predict b.csv", None),  # a new model's name
        ("call the new model churn_v2", None),
        ("predict with model mlp", None),  # a kind, no name
        ("predict with the model mlp-64", None),  # a kind with its size
        ("evaluate model v2.pkl on b.csv", None),  # a file
        ("the model was least sure about 20 rows", None),
    ],
)
def test_said_model_names(said: str, name: str | None) -> None:
    assert said_model_name(said) == name


# --- a labeling run named by its folder ------------------------------------------------------


def test_a_run_folder_said_opens_its_workbench_without_labeling(files: None) -> None:
    plan = plan_goal("open the ticket labeling result in the workbench, the folder is depot/tl_run")
    assert [s.tool for s in plan.steps] == ["labeling_workbench"]
    plan = plan_goal(
        "I would like to open the labeling result of the tickets in the workbench to see the "
        "label counts, the folder is depot/tl_run"
    )
    assert [s.tool for s in plan.steps] == ["labeling_workbench"]
    assert plan.steps[0].args["labeling_dir"] == "depot/tl_run"


def test_a_clause_telling_of_the_run_plans_no_labeling(files: None) -> None:
    plan = plan_goal(
        "From the ticket labeling in depot/tl_run, show me the rows the label model was least "
        "sure about, first 10 rows from the label model."
    )
    assert [s.tool for s in plan.steps] == ["workbench_rows"]
    assert plan.steps[0].args["labeling_dir"] == "depot/tl_run"


def test_corrections_in_a_named_run_plan_no_labeling(files: None) -> None:
    plan = plan_goal(
        "I checked the ticket labels and T00003 should be refund, not account. Please fix that "
        "in the depot/tl_run workbench."
    )
    assert [s.tool for s in plan.steps] == ["correct_labels"]
    assert plan.steps[0].args["labeling_dir"] == "depot/tl_run"


def test_a_labeling_asked_into_a_folder_still_labels() -> None:
    # the near wording asks for the run: a clause opening with 'label' keeps its step
    p = Planning(memory={}, goal="label topic on depot/tickets_train.csv into depot/tl_run")
    p.cued = True
    assert _made_already(["label_dataset"], p.goal, p) == ["label_dataset"]
    told = Planning(memory={}, goal="From the ticket labeling in depot/tl_run, show me rows")
    told.cued = True
    assert _made_already(["label_dataset"], "From the ticket labeling in depot/tl_run", told) == []
    told.cued = False  # hard evidence stands
    assert _made_already(["label_dataset"], "From the ticket labeling in depot/tl_run", told) == [
        "label_dataset"
    ]


def test_the_router_does_not_remake_what_is_named() -> None:
    bench = [PlanStep(tool="labeling_workbench", args={"labeling_dir": "depot/tl_run"}, why="x")]
    goal = "open the workbench on depot/tl_run"
    assert _remakes_said(bench, [], ["label_dataset", "labeling_workbench"], goal)
    assert not _remakes_said(bench, ["label_dataset"], ["label_dataset"], goal)
    made = [PlanStep(tool="labeling_workbench", args={"labeling_dir": "${steps.0.x}"}, why="x")]
    assert not _remakes_said(made, [], ["label_dataset", "labeling_workbench"], goal)
    used = [PlanStep(tool="predict", args={"model": "churn_v2", "dataset": "b.csv"}, why="x")]
    said = "predict b.csv with model churn_v2"
    assert _remakes_said(used, ["predict"], ["train_model", "predict"], said)
    assert not _remakes_said(used, ["predict"], ["train_model", "predict"], "predict b.csv")


@pytest.mark.parametrize(
    "name",
    ["../etc/labels", "/etc/labels", "~root/labels", "a\x00b/labels", "a\udc80/labels", str(2**63)],
)
def test_a_folder_or_model_outside_the_workspace_is_never_named(files: None, name: str) -> None:
    assert said_run_folder(f"fix T00003 in the {name} workbench") is None
    assert said_model_name(f"predict b.csv with model {name}") is None
    assert said_model_name(f"predict b.csv with model ../{name}_x") is None


def test_a_file_or_two_folders_name_no_run(files: None) -> None:
    assert said_run_folder("open depot/tickets_train.csv in the workbench") is None
    assert said_run_folder("open the workbench on depot/tickets_train") is None  # a file's stem
    assert said_run_folder("compare depot/run_a with depot/run_b") is None
    assert said_run_folder("open depot/run_a/workbench") == "depot/run_a"


def test_the_new_patterns_have_no_backtracking_shape_and_read_long_input() -> None:
    from tests.unit import test_planner_round20_hostile as shapes

    for pattern in (*SAID_MODEL_RES, RUN_FOLDER_RE):
        assert not shapes.quadratic_shapes(pattern.pattern, pattern.flags), pattern.pattern
    for text in ("model " + "a_" * 20_000, "x/" * 20_000 + "y", "a" * 40_000 + "/b" * 5000):
        assert said_model_name(text) is None or len(said_model_name(text) or "") <= 61
        RUN_FOLDER_RE.findall(text)


def test_a_folder_written_to_is_no_run_and_the_thread_run_comes_first(files: None) -> None:
    from agents.arguments import labeling_dir

    assert said_run_folder("export the corrected labels to depot/final_out") is None
    assert said_run_folder("save it into the folder depot/final_out") is None
    thread = {"labeled": "labeling/tickets-1/workbench/labeled.parquet"}
    p = Planning(memory=thread, goal="fix T00003 in the depot/tl_run workbench")
    assert labeling_dir(p) == "labeling/tickets-1"  # the named folder is not there
    (get_settings().workspace / "depot" / "tl_run").mkdir(parents=True, exist_ok=True)
    assert labeling_dir(p) == "depot/tl_run"  # a folder there, named: that run
    assert labeling_dir(Planning(memory={}, goal="open depot/other_run")) == "depot/other_run"
