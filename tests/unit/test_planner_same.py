"""'Same for the other file': the last acting turn repeated on a new input, settings carried."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.planner import plan_goal, remember
from settings import get_settings


@pytest.fixture
def files() -> None:
    folder = Path(get_settings().workspace)
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    for month, key in (("jan", "meter_no"), ("feb", "serial")):
        pd.DataFrame(
            {
                key: [f"M{i}" for i in range(40)],
                "kwh": [float(10 + i % 7) for i in range(40)],
                "volts": [230.0 + (i % 3) for i in range(40)],
            }
        ).to_csv(folder / f"boiler_meters_{month}.csv", index=False)
    (folder / "docs" / "kiln_manual.md").write_text("# Kiln\n\nFire slowly.\n" * 20)
    (folder / "docs" / "glaze_notes.md").write_text("# Glaze\n\nMix well.\n" * 20)


def _steps(goal: str, memory: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(s.tool, s.args) for s in plan_goal(goal, memory).steps]


def _anomaly_turn() -> dict[str, Any]:
    args = {
        "dataset": "boiler_meters_jan.csv",
        "top_k": 7,
        "detectors": ["iforest"],
        "id_column": "meter_no",
        "output": "jan_flags.csv",
    }
    return {"last_turn": [{"tool": "detect_anomalies", "args": args}]}


def test_same_for_a_named_file_repeats_the_last_turn_with_its_settings(files: None) -> None:
    steps = _steps("same for boiler_meters_feb.csv please", _anomaly_turn())
    # the old output name and the id column the new table lacks are dropped
    assert steps == [
        (
            "detect_anomalies",
            {"dataset": "boiler_meters_feb.csv", "top_k": 7, "detectors": ["iforest"]},
        )
    ]


def test_same_with_a_new_output_and_id_said_in_the_sentence(files: None) -> None:
    goal = "and for boiler_meters_feb.csv the same, there the id is serial, flags to feb_out.csv"
    steps = _steps(goal, _anomaly_turn())
    assert steps[0][0] == "detect_anomalies"
    assert steps[0][1]["dataset"] == "boiler_meters_feb.csv"
    assert steps[0][1]["id_column"] == "serial"
    assert steps[0][1]["output"] == "feb_out.csv"


def test_same_on_a_described_file(files: None) -> None:
    steps = _steps("now the same thing on the other file, the feb one", _anomaly_turn())
    assert [t for t, _ in steps] == ["detect_anomalies"]
    assert steps[0][1]["dataset"] == "boiler_meters_feb.csv"


def test_same_for_a_document_repeats_the_whole_chain(files: None) -> None:
    turn = [
        {"tool": "chunk_documents", "args": {"paths": ["docs/kiln_manual.md"]}},
        {
            "tool": "generate_qa",
            "args": {"chunk_set_id": "${steps.0.chunk_set_id}", "quality_threshold": 0.7},
        },
        {
            "tool": "export_dataset",
            "args": {"dataset_id": "${steps.1.dataset_id}", "format": "jsonl"},
        },
    ]
    steps = _steps(
        "Do the same for docs/glaze_notes.md, but in parquet this time", {"last_turn": turn}
    )
    assert [t for t, _ in steps] == ["chunk_documents", "generate_qa", "export_dataset"]
    assert steps[0][1]["paths"] == ["docs/glaze_notes.md"]
    assert steps[1][1] == {"chunk_set_id": "${steps.0.chunk_set_id}", "quality_threshold": 0.7}
    assert steps[2][1]["format"] == "parquet"


def test_same_for_after_a_conversion_without_a_recorded_turn(files: None) -> None:
    memory = remember(
        "save_table",
        {"path": "saved/boiler_meters_jan.parquet"},
        {},
        {"dataset": "boiler_meters_jan.csv", "format": "parquet"},
    )
    steps = _steps("same for boiler_meters_feb.csv", memory)
    assert steps == [("save_table", {"dataset": "boiler_meters_feb.csv", "format": "parquet"})]


def test_anomaly_input_becomes_the_threads_data(files: None) -> None:
    memory = remember(
        "detect_anomalies",
        {"flagged": 2, "rows": 40},
        {},
        {"dataset": "boiler_meters_feb.csv"},
    )
    assert memory["dataset"] == "boiler_meters_feb.csv"


def test_same_data_wording_is_not_a_repeat(files: None) -> None:
    memory = _anomaly_turn()
    steps = _steps("train a classifier on the same data to predict kwh", memory)
    assert all(tool != "detect_anomalies" for tool, _ in steps)


def test_rerun_with_an_id_column_carried_and_a_new_output(files: None) -> None:
    memory = remember(
        "detect_anomalies",
        {"flagged": 3, "rows": 40},
        {},
        {"dataset": "boiler_meters_jan.csv", "top_k": 4},
    )
    goal = (
        "Oops, I wanted meter_no kept in the report and the flags saved to jan_flags.csv. Redo it."
    )
    steps = _steps(goal, memory)
    assert steps == [
        (
            "detect_anomalies",
            {
                "dataset": "boiler_meters_jan.csv",
                "top_k": 4,
                "id_column": "meter_no",
                "output": "jan_flags.csv",
            },
        )
    ]


def test_one_changed_format_with_instead(files: None) -> None:
    memory = remember(
        "save_table",
        {"path": "saved/boiler_meters_jan.parquet"},
        {},
        {"dataset": "boiler_meters_jan.csv", "format": "parquet"},
    )
    steps = _steps("as jsonl instead", memory)
    assert steps == [("save_table", {"dataset": "boiler_meters_jan.csv", "format": "jsonl"})]


def test_i_meant_another_column_not_the_one_used(files: None) -> None:
    memory = remember(
        "train_model",
        {"model_path": "models/boiler-1", "metrics": {"auc": 0.7}},
        {},
        {
            "dataset": "boiler_meters_jan.csv",
            "label_column": "kwh",
            "target_metric": "auc",
            "target_value": 0.9,
        },
    )
    steps = _steps("ah no, I meant volts, not kwh!", memory)
    assert steps == [
        (
            "train_model",
            {
                "dataset": "boiler_meters_jan.csv",
                "label_column": "volts",
                "target_metric": "auc",
                "target_value": 0.9,
            },
        )
    ]
    # a word that is no column of the table changes nothing this way
    assert plan_goal("I meant amps, not kwh", memory).steps[:1] != [
        ("train_model", {"label_column": "amps"})
    ]


def test_i_mean_another_class_of_the_generator_with_a_new_count(files: None) -> None:
    memory = remember(
        "train_generator",
        {"model_path": "generators/boiler-0", "label_column": "state", "classes": ["ok", "leak"]},
        {},
        {"dataset": "boiler_meters_jan.csv", "label_column": "state"},
    )
    memory = remember(
        "generate_synthetic",
        {"path": "synthetic/boiler-ok-50.parquet", "rows": 50},
        memory,
        {"model": "generators/boiler-0", "n": 50, "label": "ok"},
    )
    steps = _steps("Sorry, I mean leak, not ok. 120 rows of leak.", memory)
    assert steps == [
        ("generate_synthetic", {"model": "generators/boiler-0", "n": 120, "label": "leak"})
    ]


def test_class_column_wording_is_not_the_class_to_sample(files: None) -> None:
    folder = Path(get_settings().workspace)
    states = ["idle" if i % 3 else "overheat" for i in range(60)]
    pd.DataFrame({"temp": [float(i) for i in range(60)], "state": states}).to_csv(
        folder / "kiln_log.csv", index=False
    )
    goal = (
        "train a generator on kiln_log.csv (class column state) and sample 300 synthetic "
        "rows of class overheat"
    )
    steps = _steps(goal, {})
    assert steps[-1][0] == "generate_synthetic" and steps[-1][1]["label"] == "overheat"
