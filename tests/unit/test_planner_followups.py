"""Follow-up turns that lean on the thread: a trained generator, a file looked at, a labeling run."""

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
    folder.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(
        {
            "lease_id": [f"L-{i}" for i in range(30)],
            "rent": [1000 + 10 * i for i in range(30)],
            "renewed": ["yes" if i % 3 else "no" for i in range(30)],
        }
    ).to_csv(folder / "leases_2025.csv", index=False)
    pd.DataFrame({"lease_note": ["renewal letters"] * 5}).to_csv(
        folder / "renewal_letters.csv", index=False
    )


def _steps(goal: str, memory: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    plan = plan_goal(goal, memory)
    return [(s.tool, s.args) for s in plan.steps]


def _generator_thread(classes: list[str], column: str = "renewed") -> dict[str, Any]:
    return remember(
        "train_generator",
        {"model_path": "generators/leases-0", "label_column": column, "classes": classes},
        {},
        {"dataset": "leases_2025.csv", "label_column": column},
    )


def test_rows_of_a_class_come_from_the_threads_generator(files: None) -> None:
    memory = _generator_thread(["no", "yes"])
    steps = _steps("Sample 40 rows of renewed leases please", memory)
    assert steps == [
        ("generate_synthetic", {"model": "generators/leases-0", "n": 40, "label": "yes"})
    ]
    steps = _steps("sample 25 rows of leases that were not renewed", memory)
    assert steps[0][1]["label"] == "no"


def test_a_class_named_by_its_value_is_generated(files: None) -> None:
    memory = _generator_thread(["bronze", "silver", "gold"], column="tier")
    steps = _steps("now make 60 rows for the silver tier", memory)
    assert steps == [
        ("generate_synthetic", {"model": "generators/leases-0", "n": 60, "label": "silver"})
    ]


def test_generated_rows_then_a_new_count_and_a_save(files: None) -> None:
    memory = _generator_thread(["no", "yes"])
    plan = plan_goal("Sample 40 rows of renewed leases", memory)
    step = plan.steps[0]
    memory = remember(
        step.tool,
        {"path": "synthetic/leases-0-yes-40.parquet", "rows": 40, "label": "yes"},
        memory,
        step.args,
    )
    assert _steps("make that 120", memory) == [
        ("generate_synthetic", {"model": "generators/leases-0", "n": 120, "label": "yes"})
    ]
    assert _steps("Keep them as fake_leases.csv.", memory) == [
        ("save_table", {"dataset": "synthetic/leases-0-yes-40.parquet", "path": "fake_leases.csv"})
    ]


def _looked_at(name: str, memory: dict[str, Any] | None = None) -> dict[str, Any]:
    return remember("preview_rows", {"dataset": name, "rows": []}, memory or {}, {"dataset": name})


def test_that_file_is_the_one_just_previewed(files: None) -> None:
    folder = Path(get_settings().workspace)
    pd.DataFrame({"n": [1, 2], "note": ["a", "b"]}).to_json(
        folder / "lease_notes.jsonl", orient="records", lines=True
    )
    earlier = {"last_table": "predictions/older-run.parquet"}
    memory = _looked_at("lease_notes.jsonl", earlier)
    want = [("save_table", {"dataset": "lease_notes.jsonl", "path": "notes.csv", "format": "csv"})]
    assert _steps("turn that file into a csv and call it notes.csv", memory) == want
    assert _steps("please save that one as notes.csv", memory) == [
        ("save_table", {"dataset": "lease_notes.jsonl", "path": "notes.csv"})
    ]


def test_the_ones_it_called_a_class_are_listed(files: None) -> None:
    memory = remember(
        "label_dataset",
        {"labeled_path": "labeling/leases-3/labeled.parquet", "project_id": "p9"},
        {},
        {"data_path": "leases_2025.csv", "label_column": "renewed"},
    )
    memory = remember("labeling_workbench", {"url": "/ui/w"}, memory, {"labeling_dir": "x"})
    [(tool, args)] = _steps("can I see the ones it called no?", memory)
    assert (tool, args["label"]) == ("workbench_rows", "no")
    [(tool, args)] = _steps("show me those it classified as yes", memory)
    assert (tool, args["label"]) == ("workbench_rows", "yes")


def test_classified_is_not_a_typo_of_classifier() -> None:
    from agents.intent import fix_typos

    assert fix_typos("the rows it classified as late") == "the rows it classified as late"


def _targeted(tool: str, args: dict[str, Any]) -> dict[str, Any]:
    return remember(tool, {"labeled_path": "labeling/leases-4/labeled.parquet"}, {}, args)


def test_a_corrected_metric_reruns_the_last_target_with_the_schemas_name(files: None) -> None:
    first = {"data_path": "leases_2025.csv", "label_column": "renewed"}
    memory = _targeted("label_dataset", {**first, "target_metric": "auc", "target_value": 0.8})
    [(tool, args)] = _steps("Oops, I meant F1 not AUC. Keep 0.8.", memory)
    assert tool == "label_dataset"
    assert (args["target_metric"], args["target_value"]) == ("f1_macro", 0.8)
    assert args["data_path"] == "leases_2025.csv"
    [(tool, args)] = _steps("make the target coverage rather than auc, 70%", memory)
    assert (tool, args["target_metric"], args["target_value"]) == ("label_dataset", "coverage", 0.7)


def test_a_metric_named_without_a_target_run_does_not_rerun(files: None) -> None:
    memory = remember(
        "inspect_dataset", {"dataset": "leases_2025.csv"}, {}, {"dataset": "leases_2025.csv"}
    )
    plan = plan_goal("I meant F1, not accuracy", memory)
    assert [s.tool for s in plan.steps] != ["label_dataset"]


def test_the_mean_quality_of_a_generated_qa_set_is_answered_from_the_thread() -> None:
    memory = remember(
        "generate_qa",
        {
            "dataset_id": "ds-kettle",
            "counts": {"generated": 12, "kept": 10},
            "quality_after": {"average_score": 0.7734, "scored": 10, "total": 10},
        },
        {"chunk_set": "cs-kettle"},
        {"chunk_set_id": "cs-kettle", "datasets_per_chunk": 3},
    )
    plan = plan_goal("so what's the mean quality score?", memory)
    assert not plan.steps and "0.773" in (plan.answer or "")
    plan = plan_goal("What is the average quality score?", memory)
    assert not plan.steps and "0.773" in (plan.answer or "")
    fresh = plan_goal("what is the average quality score?", {})
    assert not fresh.steps and "0.773" not in (fresh.answer or "")


def test_the_converted_file_is_the_table_the_thread_wrote(files: None) -> None:
    folder = Path(get_settings().workspace)
    pd.read_csv(folder / "leases_2025.csv").to_csv(folder / "leases_copy.csv", index=False)
    memory = remember(
        "save_table",
        {"path": "leases_copy.csv", "rows": 30},
        {},
        {"dataset": "leases_2025.jsonl", "path": "leases_copy.csv"},
    )
    plan = plan_goal(
        "train a renewed classifier on leases_2025.csv, then predict the saved copy", memory
    )
    assert [s.tool for s in plan.steps] == ["train_model", "predict"]
    assert plan.steps[1].args["dataset"] == "leases_copy.csv"


def test_a_class_said_through_its_flag_columns_word(files: None) -> None:
    memory = _generator_thread(["N", "Y"], column="defect_flag")
    steps = _steps("ok, generate 75 defective parts from it", memory)
    assert steps == [
        ("generate_synthetic", {"model": "generators/leases-0", "n": 75, "label": "Y"})
    ]
    memory = _generator_thread(["no", "yes"])
    steps = _steps("no, sample 30 rows of renewed leases", memory)
    assert steps[0][1]["label"] == "yes"


def test_how_much_the_rules_covered_is_answered_from_the_thread(files: None) -> None:
    memory = remember(
        "label_dataset",
        {
            "labeled_path": "labeling/leases-5/labeled.parquet",
            "metrics": {"accuracy": 0.81, "coverage": 0.642},
        },
        {},
        {"data_path": "leases_2025.csv", "label_column": "renewed"},
    )
    plan = plan_goal("how many of the leases did the rules end up covering?", memory)
    assert not plan.steps and "0.642" in (plan.answer or "")


def test_a_number_with_its_field_word_changes_only_that_field(files: None) -> None:
    memory = remember(
        "train_model",
        {"model_path": "models/leases-0", "metrics": {"accuracy": 0.7}},
        {},
        {"dataset": "leases_2025.csv", "label_column": "renewed"},
    )
    [(tool, args)] = _steps("make it 40 epochs", memory)
    assert tool == "train_model" and args["epochs"] == 40 and "max_attempts" not in args


def test_a_choice_said_by_its_initials(files: None) -> None:
    memory = remember(
        "detect_anomalies",
        {"output": "anomalies/leases-0.parquet"},
        {},
        {"dataset": "leases_2025.csv"},
    )
    [(tool, args)] = _steps("just the LOF and the isolation forest this time", memory)
    assert tool == "detect_anomalies"
    assert sorted(args["detectors"]) == ["isolation_forest", "local_outlier_factor"]


def test_over_there_is_the_source_the_thread_searched() -> None:
    memory = remember(
        "search_datasets",
        {"results": [{"id": "someone/lease-notes", "source": "kaggle"}]},
        {},
        {"query": "lease notes", "source": "kaggle"},
    )
    [(tool, args)] = _steps("ok and what is popular over there this week?", memory)
    assert (tool, args["source"]) == ("trending_datasets", "kaggle")


def test_the_labeling_loop_after_written_rules_reads_their_data(files: None) -> None:
    memory = remember(
        "write_labeling_functions",
        {"labeling_functions": [{"name": "kw_yes"}], "lfs_path": "lease_lfs.json", "count": 1},
        {},
        {"dataset": "leases_2025.csv", "label_column": "renewed", "output_path": "lease_lfs.json"},
    )
    [(tool, args)] = _steps("ok now run the full labeling loop up to AUC 0.9", memory)
    assert (tool, args["data_path"], args["target_value"]) == (
        "label_dataset",
        "leases_2025.csv",
        0.9,
    )


def test_outliers_conditioned_on_a_column_take_it_as_the_class(files: None) -> None:
    [(tool, args)] = _steps("find odd rows in leases_2025.csv conditioned on renewed", {})
    assert (tool, args.get("label_column")) == ("detect_anomalies", "renewed")
    [(tool, args)] = _steps("find odd rows in leases_2025.csv", {})
    assert "label_column" not in args
