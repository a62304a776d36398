"""Round 26: questions a new user asked about what the thread's runs made and measured, answered
from the thread's stored results (a regression's error in its label's units, how many rows a
labeling filled and how sure it is, how many QA pairs were kept and how good they are, the
largest prediction, the rows a run labeled shown), and every tool's warnings in the answer.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from agents.memory import answer_from_memory, figures_answer
from agents.planner import plan_goal, remember
from agents.reporter import summarise_output, write_answer
from graphs.workflows import call_tool
from settings import get_settings
from tools.base import ToolContext

LABELED = "labeling/bike_jobs-20261205-110327/labeled.parquet"


def _bike_jobs() -> None:
    """bike_jobs.csv in the workspace: a repair time, a partly filled fault type."""
    pd.DataFrame(
        {
            "job_id": [f"J{i:03d}" for i in range(40)],
            "note": ["brake pads worn", "chain slipping", "flat tyre", "gears skipping"] * 10,
            "fault_type": ["brakes", None, None, "gears"] * 10,
            "repair_minutes": [20.5 + 3 * i for i in range(40)],
        }
    ).to_csv(get_settings().workspace / "bike_jobs.csv", index=False)


@pytest.fixture
def regressed() -> dict[str, Any]:
    """After 'predict repair_minutes from bike_jobs.csv': a regression (MAE, RMSE, R²)."""
    _bike_jobs()
    args = {"dataset": "bike_jobs.csv", "label_column": "repair_minutes", "id_column": "job_id"}
    output = {
        "model_path": "models/bike_jobs-1-0",
        "dataset": "bike_jobs.csv",
        "label_column": "repair_minutes",
        "task": "regression",
        "classes": [],
        "rows": {"train": 600, "validation": 150, "dropped": 0},
        "target": {"metric": "r2", "value": None},
        "target_met": True,
        "attempts": 1,
        "best_attempt": 1,
        "metrics": {"r2": 0.648, "mae": 16.04, "rmse": 21.31, "measured_on": "validation"},
        "validation_metrics": {"n": 150, "r2": 0.648, "mae": 16.04, "rmse": 21.31},
        "test_metrics": None,
    }
    return remember("train_model", output, {}, args)


@pytest.mark.parametrize(
    "question",
    [
        "what's the error in minutes?",
        "how far off is it on average?",
        "how wrong are its estimates, typically?",
        "what's the MAE?",
        "and how accurate is it?",
    ],
)
def test_the_error_of_the_last_regression_is_answered_in_its_units(
    regressed: dict[str, Any], question: str
) -> None:
    plan = plan_goal(question, regressed)
    assert not plan.steps, [(s.tool, s.args) for s in plan.steps]
    assert plan.answer is not None
    assert "16.0 minutes" in plan.answer, plan.answer
    assert "RMSE 21.3" in plan.answer and "validation" in plan.answer


def _filled_labeling() -> dict[str, Any]:
    """After 'fill in the missing fault types in bike_jobs.csv': 228 filled, 229 hand labels."""
    _bike_jobs()
    args = {"data_path": "bike_jobs.csv", "label_column": "fault_type", "id_column": "job_id"}
    output = {
        "target": {"metric": "auc", "value": 0.9, "higher_is_better": True},
        "target_met": True,
        "attempts": 1,
        "best_attempt": 1,
        "metrics": {
            "auc": 0.958,
            "accuracy": 0.919,
            "f1_macro": 0.88,
            "coverage": 0.303,
            "measured_on": "heldout",
            "n_labels": 92,
            "lfs": 43,
        },
        "label_name": "fault_type",
        "filled": {
            "from": "fault_type",
            "column": "fault_type_filled",
            "source": "fault_type_source",
            "hand": 229,
            "weak": 228,
            "named": "fault_type",
        },
        "labeled_path": LABELED,
        "classes": ["brakes", "chain", "gears"],
        "label_counts": {"brakes": 150, "chain": 157, "gears": 150},
        "rows": 457,
        "covered": 457,
        "gold": {"joined": 229, "per_class": {"brakes": 80, "chain": 70, "gears": 79}},
        "final_refit": {"done": True, "hand_labels": 229, "rows": 457},
        "lf_count": 43,
    }
    return remember("label_dataset", output, {}, args)


@pytest.mark.parametrize(
    "question",
    [
        "how many did you fill and how sure are you?",
        "how many rows did you label, and can I trust them?",
        "so how many got filled in? are they any good?",
    ],
)
def test_how_many_a_labeling_filled_and_how_sure(question: str) -> None:
    plan = plan_goal(question, _filled_labeling())
    assert not plan.steps and plan.answer is not None
    answer = plan.answer
    assert "228" in answer and "229" in answer, answer  # filled, and the hand labels kept
    assert "held-out hand labels" in answer and "0.958" in answer, answer
    assert "92%" in answer  # the accuracy in plain words


def test_how_many_rows_got_a_label_counts_the_labeling_not_its_held_out_labels() -> None:
    answer = plan_goal("how many rows got a label?", _filled_labeling()).answer
    assert answer is not None and "228" in answer and "n labels" not in answer, answer


def _qa_thread() -> dict[str, Any]:
    """After 'make 10 question-answer pairs from volunteer_handbook.md': 5 kept of 9."""
    memory = remember(
        "chunk_documents",
        {"chunk_set_id": "cs_1", "chunk_count": 4, "document_count": 1, "project_id": 1},
        {},
        {"paths": ["volunteer_handbook.md"]},
    )
    output = {
        "message": "kept 5 of 9 entries from 4 chunks (regenerated 0, dropped 4, duplicates "
        "removed 0); quality 0.86 average, high 4 / medium 1 / low 0; warning: 10 asked, only 5 "
        "kept: 4 scored under the quality threshold 0.7 (lower quality_threshold, or add "
        "documents)",
        "dataset_id": "dataset_qa1",
        "version": 1,
        "chunk_set_id": "cs_1",
        "counts": {"chunks": 4, "generated": 9, "dropped": 4, "kept": 5, "trimmed": 0},
        "quality_after": {"average_score": 0.862, "scored": 5, "total": 5},
        "target": {"metric": "share_at_or_above_threshold", "value": 1.0, "quality_threshold": 0.7},
        "target_met": True,
        "attempts": 1,
        "best_attempt": 1,
    }
    return remember("generate_qa", output, memory, {"chunk_set_id": "cs_1", "max_pairs": 10})


@pytest.mark.parametrize(
    "question",
    [
        "how many did you make and are they any good?",
        "how many pairs are there, and how good are they?",
        "how many questions did you end up with? any good?",
    ],
)
def test_how_many_pairs_were_kept_and_how_good(question: str) -> None:
    answer = plan_goal(question, _qa_thread()).answer
    assert answer is not None and not answer.startswith("Yes"), answer
    assert "5 QA pairs kept of 9" in answer, answer
    assert "0.862" in answer and "met" in answer
    assert "10 asked, only 5 kept" in answer  # the shortfall's warning, once
    assert answer.count("10 asked") == 1


def test_how_many_pairs_alone_is_the_count_not_the_chunks() -> None:
    answer = plan_goal("how many pairs are there?", _qa_thread()).answer
    assert answer is not None and answer.startswith("5 QA pairs"), answer


def _predicted() -> dict[str, Any]:
    """A ferry-delay regressor, then 'predict ferry_next_week.csv with it and write
    next_week_delays.csv' (max 35.509 at sailing N12)."""
    model = "models/ferry_sailings-1-0"
    memory = remember(
        "train_model",
        {
            "model_path": model,
            "label_column": "delay_minutes",
            "task": "regression",
            "metrics": {"r2": 0.4, "mae": 4.2, "rmse": 5.0, "measured_on": "validation"},
        },
        {},
        {"dataset": "ferry_sailings.csv", "label_column": "delay_minutes"},
    )
    output = {
        "model": model,
        "dataset": "ferry_next_week.csv",
        "rows": 30,
        "predictions_path": "next_week_delays.csv",
        "task": "regression",
        "prediction_summary": {"min": 3.25, "max": 35.509, "mean": 14.1, "median": 13.8},
        "extremes": {
            "max": {"row": 12, "prediction": 35.509, "id_column": "sailing_id", "id": "N12"},
            "min": {"row": 4, "prediction": 3.25, "id_column": "sailing_id", "id": "N4"},
        },
    }
    args = {"model": model, "dataset": "ferry_next_week.csv", "output": "next_week_delays.csv"}
    return remember("predict", output, memory, args)


@pytest.mark.parametrize(
    "question",
    [
        "what's the biggest predicted delay?",
        "what's the largest prediction?",
        "which sailing has the highest predicted delay?",
        "what's the longest delay it expects?",
    ],
)
def test_the_largest_prediction_is_answered_from_the_predict_result(question: str) -> None:
    pd.DataFrame({"sailing_id": ["N1"], "prediction": [1.0]}).to_csv(
        get_settings().workspace / "next_week_delays.csv", index=False
    )
    plan = plan_goal(question, _predicted())
    assert not plan.steps, [(s.tool, s.args) for s in plan.steps]
    assert plan.answer is not None and "35.5" in plan.answer and "N12" in plan.answer, plan.answer


def test_the_smallest_prediction_too() -> None:
    answer = plan_goal("and the smallest predicted delay?", _predicted()).answer
    assert answer is not None and "lowest predicted delay_minutes is 3.25" in answer, answer
    assert "N4" in answer


def test_predict_names_the_rows_of_its_extremes() -> None:
    root = get_settings().workspace
    frame = pd.DataFrame({"sailing_id": [f"S{i}" for i in range(60)], "wind": range(60)})
    frame["delay_minutes"] = frame["wind"] * 0.5 + (frame.index % 3)
    frame.to_csv(root / "sailings.csv", index=False)
    frame.drop(columns=["delay_minutes"]).to_csv(root / "next.csv", index=False)
    trained = call_tool(
        "train_model",
        {"dataset": "sailings.csv", "label_column": "delay_minutes", "model": "linear"},
        ToolContext(),
    )
    out = call_tool(
        "predict",
        {"model": trained["model_path"], "dataset": "next.csv", "id_column": "sailing_id"},
        ToolContext(),
    )
    top = out["extremes"]["max"]
    assert (
        top["id_column"] == "sailing_id" and top["prediction"] == out["prediction_summary"]["max"]
    )
    table = pd.read_parquet(root / out["predictions_path"])
    assert table["prediction"].iloc[top["row"]] == pytest.approx(top["prediction"])
    assert table["sailing_id"].iloc[top["row"]] == top["id"]


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("show me some of the rows you labeled", 10),
        ("can you show me a few of the rows it labelled?", 10),
        ("give me 5 of the rows you filled in", 5),
        ("show me the labeled rows", 10),
    ],
)
def test_the_rows_a_labeling_wrote_are_previewed(question: str, limit: int) -> None:
    plan = plan_goal(question, _filled_labeling())
    assert [(s.tool, s.args) for s in plan.steps] == [
        ("preview_rows", {"dataset": LABELED, "limit": limit})
    ]


def test_rows_of_a_class_are_not_a_preview_of_the_whole_table() -> None:
    plan = plan_goal("show me the rows it labeled as brakes", _filled_labeling())
    assert ("preview_rows", {"dataset": LABELED, "limit": 10}) not in [
        (s.tool, s.args) for s in plan.steps
    ]


def test_every_tools_warnings_reach_the_answer_once() -> None:
    qa = {
        "message": "kept 5 of 5 entries; warning: 10 asked, only 5 kept: too few chunks",
        "counts": {"kept": 5, "generated": 5, "chunks": 2},
        "dataset_id": "d1",
        "version": 1,
    }
    steps = [
        {"tool": "generate_qa", "status": "completed", "output": qa},
        {"tool": "save_table", "status": "completed", "output": {"path": "x.csv", "warning": "a"}},
        {
            "tool": "some_new_tool",
            "status": "completed",
            "output": {"message": "done; warning: column b was empty", "warnings": ["c imputed"]},
        },
        {
            "tool": "predict",
            "status": "completed",
            "output": {"rows": 2, "predictions_path": "p.csv", "warnings": ["wind imputed"]},
        },
    ]
    answer = write_answer({"steps": []}, steps)
    assert answer.count("10 asked, only 5 kept: too few chunks") == 1, answer
    assert "warning: a" in answer and "warning: c imputed" in answer
    assert answer.count("column b was empty") == 1  # in the message line already
    assert answer.count("wind imputed") == 1  # predict says its own


@pytest.mark.parametrize(
    "text",
    [
        "how many did you fill? " + "x" * 50_000,
        "what's the error\x00 in minutes?",
        "wie groß ist der Fehler in Minuten? 最大の予測は?",
        "how many " * 5_000,
        "show me " + "some of the rows " * 3_000 + "you labeled",
    ],
)
def test_hostile_questions_do_not_crash(text: str, regressed: dict[str, Any]) -> None:
    for memory in (regressed, _filled_labeling(), _qa_thread(), _predicted()):
        plan_goal(text, memory)
        answer_from_memory(text, memory)
        figures_answer(text, memory["results"], memory)
    broken = {"results": [{"tool": "predict", "predicted": {"max": "x"}, "made": {}}, 3, None]}
    figures_answer("what's the biggest prediction? how many did you make?", [], broken)
    answer_from_memory("what's the biggest prediction?", broken)


def test_summary_lines_of_a_tool_without_warnings_are_unchanged() -> None:
    lines = summarise_output("chunk_documents", {"chunk_count": 2, "document_count": 1})
    assert not any("warning" in line for line in lines)
