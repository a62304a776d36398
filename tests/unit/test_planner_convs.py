"""Follow-up turns on a thread: changes to the last call, saving its output, models, labeling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.planner import plan_goal, remember
from settings import get_settings


def _write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    kiln = pd.DataFrame(
        {
            "kiln_no": [f"K-{i}" for i in range(40)],
            "temp_c": [900 + i for i in range(40)],
            "hours": [i % 7 for i in range(40)],
        }
    )
    kiln.to_csv(folder / "kiln_logs.csv", index=False)
    boiler = kiln.rename(columns={"kiln_no": "boiler_no"})
    boiler.to_csv(folder / "boiler_pressure_logs.csv", index=False)
    tickets = pd.DataFrame(
        {
            "ticket_ref": [f"T-{i}" for i in range(30)],
            "body": [("refund my card" if i % 2 else "the app crashes") for i in range(30)],
            "queue": [("billing" if i % 2 else "bug") if i < 10 else None for i in range(30)],
        }
    )
    tickets.to_csv(folder / "support_tickets.csv", index=False)
    tickets.to_csv(folder / "support_tickets_holdout.csv", index=False)
    tickets.drop(columns=["queue"]).to_csv(folder / "support_tickets_april.csv", index=False)
    tickets[["ticket_ref", "queue"]].rename(columns={"ticket_ref": "Ref"}).to_csv(
        folder / "queue_gold.csv", index=False
    )


@pytest.fixture
def files() -> None:
    _write(Path(get_settings().workspace))


def _steps(goal: str, memory: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    plan = plan_goal(goal, memory)
    return [(s.tool, s.args) for s in plan.steps]


def _sampled() -> dict[str, Any]:
    memory = remember(
        "train_generator",
        {"model_path": "generators/kiln"},
        {},
        {"dataset": "kiln_logs.csv", "label_column": "hours"},
    )
    return remember(
        "generate_synthetic",
        {"path": "synthetic/kiln-50.parquet", "rows": 50},
        memory,
        {"model": "generators/kiln", "n": 50, "label": "3"},
    )


def test_a_bare_new_number_changes_the_last_calls_count_and_keeps_the_rest(files: None) -> None:
    for goal in ("no wait, bump it to 120", "Make that 120.", "120 instead"):
        assert _steps(goal, _sampled()) == [
            ("generate_synthetic", {"model": "generators/kiln", "n": 120, "label": "3"})
        ], goal
    memory = remember(
        "generate_qa", {"dataset_id": "d9"}, {}, {"chunk_set": "c1", "datasets_per_chunk": 2}
    )
    [(tool, args)] = _steps("ok raise it to 6 please", memory)
    assert tool == "generate_qa" and args["datasets_per_chunk"] == 6


def test_saving_those_writes_the_last_output_table_to_the_named_file(files: None) -> None:
    assert _steps("please store them as hot_kilns.csv", _sampled()) == [
        ("save_table", {"dataset": "synthetic/kiln-50.parquet", "path": "hot_kilns.csv"})
    ]
    labeled = remember(
        "label_dataset",
        {"labeled_path": "labeling/tickets-1", "project_id": "p1"},
        {},
        {"data_path": "support_tickets.csv"},
    )
    assert _steps("write the labelled tickets to queues_done.parquet", labeled) == [
        (
            "save_table",
            {"dataset": "labeling/tickets-1", "path": "queues_done.parquet", "format": "parquet"},
        )
    ]


def _scored() -> dict[str, Any]:
    return remember(
        "detect_anomalies",
        {
            "scores_path": "anomalies/kiln.parquet",
            "rows": 40,
            "flagged": 4,
            "top": [
                {"row": 39, "kiln_no": "K-39", "score": 9.5, "score_cvae": 2.0},
                {"row": 0, "kiln_no": "K-0", "score": 7.25},
            ],
            "answer": "4 of 40 rows flagged",
        },
        {},
        {"dataset": "kiln_logs.csv"},
    )


def test_redo_with_only_named_choices_narrows_a_list_setting(files: None) -> None:
    [(tool, args)] = _steps("do it again, just the local outlier factor this time", _scored())
    assert tool == "detect_anomalies"
    assert args == {"dataset": "kiln_logs.csv", "detectors": ["local_outlier_factor"]}


def test_the_wrong_file_follow_up_reruns_the_last_tool_on_the_described_file(files: None) -> None:
    [(tool, args)] = _steps("ah, wrong table: I meant the boiler pressure logs", _scored())
    assert (tool, args["dataset"]) == ("detect_anomalies", "boiler_pressure_logs.csv")


def test_anomaly_questions_are_answered_from_the_thread(files: None) -> None:
    worst = plan_goal("which kiln looked the most unusual?", _scored())
    assert not worst.steps and "K-39" in (worst.answer or "")
    counted = plan_goal("so how many were flaged in the end?", _scored())
    assert not counted.steps and "4" in (counted.answer or "")


def _labeled() -> dict[str, Any]:
    memory = remember(
        "label_dataset",
        {"labeled_path": "labeling/tickets-1/labeled.parquet", "project_id": "p1"},
        {},
        {"data_path": "support_tickets.csv", "label_column": "queue"},
    )
    return memory


def test_labeling_follow_ups_reach_the_workbench_tools(files: None) -> None:
    memory = _labeled()
    [(tool, args)] = _steps("T-17 looks wrong to me - it's billing", memory)
    assert tool == "correct_labels" and args["corrections"] == [{"id": "T-17", "label": "billing"}]
    [(tool, args)] = _steps("The ticket 4411 is wrong, it should be bug.", memory)
    assert tool == "correct_labels" and args["corrections"] == [{"id": 4411, "label": "bug"}]
    [(tool, args)] = _steps("show me the records that came out as billing", memory)
    assert tool == "workbench_rows" and args["label"] == "billing"
    opened = remember("labeling_workbench", {"url": "/ui/x"}, memory, {"labeling_dir": "x"})
    [(tool, args)] = _steps("ok now export it as parquet", opened)
    assert tool == "export_labeled_data" and args["format"] == "parquet"


def _trained() -> dict[str, Any]:
    return remember(
        "train_model",
        {"model_path": "models/queue", "dataset": "support_tickets.csv", "metrics": {"f1": 0.8}},
        {},
        {"dataset": "support_tickets.csv", "label_column": "queue"},
    )


def test_model_follow_ups_use_the_threads_model(files: None) -> None:
    memory = _trained()
    [(tool, args)] = _steps("and what about the holdout tickets?", memory)
    assert (tool, args["dataset"], args["model"]) == (
        "evaluate_model",
        "support_tickets_holdout.csv",
        "models/queue",
    )
    [(tool, args)] = _steps("how would that one do on support_tickets_holdout.csv", memory)
    assert tool == "evaluate_model" and args["dataset"] == "support_tickets_holdout.csv"
    [(tool, args)] = _steps("Fine. Now apply it to the april tickets.", memory)
    assert (tool, args["dataset"]) == ("predict", "support_tickets_april.csv")


def test_that_file_the_thread_looked_at_becomes_the_hand_labels(files: None) -> None:
    memory = remember("preview_rows", {"rows": []}, {}, {"dataset": "queue_gold.csv"})
    [(tool, args)] = _steps("label support_tickets.csv with that file", memory)
    assert tool == "label_dataset"
    assert args["data_path"] == "support_tickets.csv" and args["gold_path"] == "queue_gold.csv"
