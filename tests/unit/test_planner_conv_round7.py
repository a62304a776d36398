"""Seventh round, conversations: questions that ask several things, follow-ups that change one
setting of an earlier call through the tool's own option readers, retraining a named
training, added input columns, bare file stems and the table a turn just wrote."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.planner import plan_goal, remember
from settings import get_settings


def _steps(plan) -> list[tuple[str, dict]]:
    return [(s.tool, s.args) for s in plan.steps]


@pytest.fixture
def orchard() -> Path:
    folder = get_settings().workspace
    folder.mkdir(parents=True, exist_ok=True)
    n = 40
    pd.DataFrame(
        {
            "tree_id": [f"t{i}" for i in range(n)],
            "girth_cm": [30 + i for i in range(n)],
            "rain_mm": [100 + 2 * i for i in range(n)],
            "rootstock": ["m9", "m26", "mm106", "m9"] * (n // 4),
            "slope": ["flat", "steep"] * (n // 2),
            "blight": ["yes", "no", "no", "no"] * (n // 4),
        }
    ).to_csv(folder / "orchard_rows.csv", index=False)
    pd.DataFrame({"hive": range(n), "weight_kg": range(n)}).to_csv(
        folder / "hive_weights.csv", index=False
    )
    return folder


def _trained(**extra) -> dict:
    output = {
        "model_path": "models/kiln-1",
        "metrics": {"auc": 0.91, "f1_macro": 0.71, "accuracy": 0.83, "measured_on": "validation"},
        "target": {"metric": "auc", "value": 0.9},
        "target_met": True,
        "validation_metrics": {
            "calibration": {"ece": 0.061},
            "confusion_matrix": {
                "labels": ["cracked", "warped", "sound"],
                "matrix": [[6, 3, 1], [2, 8, 0], [1, 0, 19]],
            },
        },
        **extra,
    }
    args = {"dataset": "kiln.csv", "label_column": "outcome", "seed": 4, "class_weights": "none"}
    return remember("train_model", output, {}, args)


def test_two_metrics_asked_get_two_lines() -> None:
    memory = remember(
        "evaluate_model",
        {"metrics": {"auc": 0.8, "precision_macro": 0.61, "recall_macro": 0.74}},
        _trained(),
        {"model": "models/kiln-1", "dataset": "kiln_later.csv"},
    )
    plan = plan_goal("recall and precision??", memory)
    assert not plan.steps
    assert plan.answer is not None and "0.740" in plan.answer and "0.610" in plan.answer


def test_a_metric_and_a_confusion_are_both_answered() -> None:
    plan = plan_goal(
        "Validation accuracy, and how often does it mix up warped and cracked?", _trained()
    )
    answer = plan.answer or ""
    assert "accuracy: 0.830" in answer
    assert "3 of the 10 true cracked rows were predicted warped" in answer
    assert "2 of the 10 true warped rows were predicted cracked" in answer


def test_calibration_is_answered_with_the_ece() -> None:
    plan = plan_goal("how well calibrated is it?", _trained())
    assert plan.answer is not None and "ECE: 0.061" in plan.answer


def test_did_it_make_it_is_the_target_verdict() -> None:
    plan = plan_goal("did it make it", _trained())
    assert plan.answer is not None and plan.answer.startswith("Yes") and "0.900" in plan.answer


def test_guessing_means_the_majority_baseline() -> None:
    memory = _trained(test_baseline={"accuracy": 0.5, "auc": 0.5})
    plan = plan_goal("Is it any better than just guessing that every pot survives?", memory)
    assert plan.answer is not None and "baseline" in plan.answer


def test_did_that_help_compares_with_the_previous_training() -> None:
    memory = remember(
        "train_model",
        {"model_path": "models/kiln-2", "metrics": {"auc": 0.91, "f1_macro": 0.78}},
        _trained(),
        {"dataset": "kiln.csv"},
    )
    plan = plan_goal("did that help?", memory)
    assert plan.answer is not None and plan.answer.startswith("Yes") and "0.780" in plan.answer


def test_lower_is_better_for_a_loss_asked_of_both() -> None:
    memory: dict = {}
    for path, loss in (("models/a", 0.52), ("models/b", 0.47)):
        memory = remember(
            "train_model", {"model_path": path, "metrics": {"log_loss": loss}}, memory, {}
        )
    plan = plan_goal("Report log-loss for both.", memory)
    assert plan.answer is not None and plan.answer.startswith("Better log_loss: models/b")


def test_how_many_came_out_as_the_label_word_reads_the_prediction_counts() -> None:
    memory = remember(
        "train_model",
        {"model_path": "models/hedge", "label_column": "pruned", "metrics": {"auc": 0.8}},
        {},
        {"dataset": "hedges.csv", "label_column": "pruned"},
    )
    memory = remember(
        "predict",
        {"model": "models/hedge", "rows": 90, "class_counts": {"no": 61, "yes": 29}},
        memory,
        {"model": "models/hedge", "dataset": "hedges_new.csv"},
    )
    assert "yes: 29 of 90" in (
        plan_goal("How many came out as needing pruning?", memory).answer or ""
    )
    assert "no: 61" in (plan_goal("and how many not pruned?", memory).answer or "")


def test_a_qa_target_is_said_with_its_quality_bar() -> None:
    output = {
        "dataset_id": "ds9",
        "quality_after": {"average_score": 0.93},
        "target": {"metric": "share_at_or_above_threshold", "value": 1.0, "quality_threshold": 0.8},
        "target_met": True,
    }
    memory = remember("generate_qa", output, {}, {"chunk_set_id": "cs9"})
    plan = plan_goal("So did we clear the bar? did we hit it?", memory)
    assert plan.answer is not None and "quality ≥ 0.800" in plan.answer


def test_follow_up_settings_come_from_the_tools_own_readers() -> None:
    qa = remember(
        "generate_qa", {"dataset_id": "ds3"}, {"chunk_set": "cs3"}, {"chunk_set_id": "cs3"}
    )
    plan = plan_goal("redo it a bit stricter, quality minimum 0.9", qa)
    assert _steps(plan) == [("generate_qa", {"chunk_set_id": "cs3", "quality_threshold": 0.9})]
    plan = plan_goal("switch to summary mode instead", qa)
    assert plan.steps and plan.steps[0].args["generation_mode"] == "summarization"
    plan = plan_goal("Can you make them more conceptual?", qa)
    assert plan.steps and plan.steps[0].args.get("question_style") == "conceptual"
    scored = remember(
        "detect_anomalies", {"flagged": 3, "rows": 50}, {}, {"dataset": "boilers.csv", "top_k": 5}
    )
    plan = plan_goal("tighter please: flag only what scores over 2.5", scored)
    assert _steps(plan) == [
        ("detect_anomalies", {"dataset": "boilers.csv", "top_k": 5, "threshold": 2.5})
    ]
    plan = plan_goal("now just the rare combinations of values, e.g. site with crew", scored)
    assert plan.steps[0].args["detectors"] == ["category_pairs"]
    plan = plan_goal("go on, do it once more and write the scores to boiler_scores.csv", scored)
    assert plan.steps[0].args["output"] == "boiler_scores.csv"


def test_a_setting_of_the_training_after_an_evaluation_changes_the_training() -> None:
    memory = remember("evaluate_model", {"metrics": {"auc": 0.8}}, _trained(), {"model": "m"})
    plan = plan_goal("bump to bigrams and min_df 3", memory)
    assert plan.steps[0].tool == "train_model"
    assert plan.steps[0].args["ngram_max"] == 2 and plan.steps[0].args["min_df"] == 3
    assert plan.steps[0].args["label_column"] == "outcome"
    plan = plan_goal("Go back to balanced weights and retrain, all else unchanged.", memory)
    assert plan.steps[0].tool == "train_model"
    assert plan.steps[0].args["class_weights"] == "balanced" and plan.steps[0].args["seed"] == 4


def test_retrain_the_named_kind_picks_that_training() -> None:
    memory: dict = {}
    for kind, name in (("logistic", "vat_lr"), ("mlp", "vat_net")):
        memory = remember(
            "train_model",
            {"model_path": f"models/{name}", "metrics": {"auc": 0.7}},
            memory,
            {"dataset": "vats.csv", "label_column": "spoiled", "model": kind, "name": name},
        )
    memory = remember("evaluate_model", {"metrics": {"auc": 0.7}}, memory, {"model": "m"})
    plan = plan_goal("Retrain the logistic one with 4 attempts", memory)
    assert plan.steps[0].tool == "train_model"
    assert plan.steps[0].args["name"] == "vat_lr" and plan.steps[0].args["max_attempts"] == 4


def test_export_splits_named_by_share_and_the_same_splits_again() -> None:
    memory = remember(
        "export_dataset",
        {"dataset_id": "ds5", "path": "qa/exports/ds5.zip"},
        {"qa_dataset": "ds5"},
        {
            "dataset_id": "ds5",
            "format": "csv",
            "splits": {"train": 0.6, "validation": 0.2, "test": 0.2},
        },
    )
    plan = plan_goal("export it as jsonl, 85% train 15% test", memory)
    assert plan.steps[0].args["splits"] == {"train": 0.85, "test": 0.15}
    plan = plan_goal("and a parquet copy with those same splits please", memory)
    assert plan.steps[0].args["splits"] == {"train": 0.6, "validation": 0.2, "test": 0.2}


def test_now_a_count_changes_the_last_sample_and_its_output() -> None:
    memory = remember(
        "generate_synthetic",
        {"path": "synthetic/s.parquet", "rows": 200},
        {"generator_info": {"path": "generators/g", "classes": ["leak", "ok"]}},
        {"model": "generators/g", "n": 200, "label": "leak"},
    )
    plan = plan_goal("great, now 750 rows and put them in leak_rows.csv", memory)
    assert _steps(plan) == [
        (
            "generate_synthetic",
            {"model": "generators/g", "n": 750, "label": "leak", "output": "leak_rows.csv"},
        )
    ]


def test_a_bare_format_word_changes_the_last_save() -> None:
    memory = remember(
        "save_table",
        {"path": "tides.csv"},
        {},
        {"dataset": "tides.parquet", "path": "tides.csv", "format": "csv"},
    )
    plan = plan_goal("actually parquet suits the analysts better, same data", memory)
    assert (
        plan.steps[0].args["format"] == "parquet" and plan.steps[0].args["path"] == "tides.parquet"
    )


def test_added_columns_join_the_last_trainings_input_lists(orchard: Path) -> None:
    args = {
        "dataset": "orchard_rows.csv",
        "label_column": "blight",
        "numeric_columns": ["girth_cm"],
    }
    memory = remember("train_model", {"model_path": "models/o"}, {}, args)
    plan = plan_goal("please add also rain_mm and slope", memory)
    assert plan.steps[0].args["numeric_columns"] == ["girth_cm", "rain_mm"]
    assert plan.steps[0].args["categorical_columns"] == ["slope"]
    plan = plan_goal("Same setup but add rain_mm as a categorical one", memory)
    assert plan.steps[0].args["categorical_columns"] == ["rain_mm"]


def test_a_bare_stem_names_its_file(orchard: Path) -> None:
    plan = plan_goal("first rows of hive_weights please", {})
    assert _steps(plan) == [("preview_rows", {"dataset": "hive_weights.csv"})]


def test_this_file_after_a_save_is_the_file_just_written(orchard: Path) -> None:
    memory = {
        "labeled": "labeling/o/labeled.parquet",
        "last_table": "orchard_rows.csv",
        "last_call": {"tool": "save_table", "args": {"path": "orchard_rows.csv"}},
    }
    plan = plan_goal("now fit a model on this file, label blight", memory)
    assert plan.steps and plan.steps[0].args["dataset"] == "orchard_rows.csv"


def test_after_labeling_rows_it_put_in_a_class_and_corrected_labels_saved() -> None:
    memory = {
        "labeled": "labeling/hops/labeled.parquet",
        "last_table": "labeling/hops/labeled.parquet",
        "last_call": {"tool": "label_dataset", "args": {"dataset": "hops.csv"}},
    }
    plan = plan_goal("show me the ones it sorted into mildew", memory)
    assert [s.tool for s in plan.steps] == ["workbench_rows"]
    plan = plan_goal("then save the corrected labels as hops_fixed.csv", memory)
    assert _steps(plan) == [
        (
            "export_labeled_data",
            {"labeling_dir": "labeling/hops", "format": "csv", "output_path": "hops_fixed.csv"},
        )
    ]


def test_use_it_for_a_described_file_predicts(orchard: Path) -> None:
    memory = {
        "model": "models/o",
        "models": [{"path": "models/o", "dataset": "orchard_rows.csv", "label_column": "blight"}],
        "last_call": {"tool": "train_model", "args": {"dataset": "orchard_rows.csv"}},
    }
    plan = plan_goal(
        "use it for the hive weights file and write the result to hive_out.csv", memory
    )
    assert [s.tool for s in plan.steps] == ["predict"]
    assert plan.steps[0].args["dataset"] == "hive_weights.csv"


def _labeling_thread() -> dict:
    args = {"dataset": "hops.csv", "label_column": "disease", "text_column": "remark"}
    return {
        "labeled": "labeling/hops/labeled.parquet",
        "last_table": "labeling/hops/labeled.parquet",
        "dataset": "hops.csv",
        "last_call": {"tool": "label_dataset", "args": args},
        "last_loop": {"tool": "label_dataset", "args": args},
    }


def test_ids_listed_together_share_the_class_said_after_them() -> None:
    plan = plan_goal("HP-0007 and HP-0011 are mildew, not aphids. Fix both.", _labeling_thread())
    assert _steps(plan) == [
        (
            "correct_labels",
            {
                "labeling_dir": "labeling/hops",
                "corrections": [
                    {"id": "HP-0007", "label": "mildew"},
                    {"id": "HP-0011", "label": "mildew"},
                ],
            },
        )
    ]


def test_an_export_after_labeling_without_a_qa_set_exports_the_labels() -> None:
    plan = plan_goal("csv export", _labeling_thread())
    assert _steps(plan) == [
        ("export_labeled_data", {"labeling_dir": "labeling/hops", "format": "csv"})
    ]
    plan = plan_goal("Export the fixed labels as csv to hops_v2.csv.", _labeling_thread())
    assert plan.steps[0].tool == "export_labeled_data"
    assert plan.steps[0].args["output_path"] == "hops_v2.csv"


def test_column_is_x_not_y_swaps_that_value(orchard: Path) -> None:
    args = {"dataset": "orchard_rows.csv", "label_column": "blight", "text_column": "slope"}
    memory = {"last_call": {"tool": "label_dataset", "args": args}}
    plan = plan_goal("no, text is rootstock, not slope", memory)
    assert plan.steps[0].tool == "label_dataset"
    assert plan.steps[0].args["text_column"] == "rootstock"


def test_retrain_a_named_training_on_another_table(orchard: Path) -> None:
    memory = remember(
        "train_model",
        {"model_path": "models/hv"},
        {},
        {"dataset": "old_rows.csv", "label_column": "blight", "name": "tree_clf"},
    )
    plan = plan_goal("Retrain tree_clf on orchard_rows.csv.", memory)
    assert _steps(plan) == [
        (
            "train_model",
            {"dataset": "orchard_rows.csv", "label_column": "blight", "name": "tree_clf"},
        )
    ]


def test_a_file_described_outright_wins_over_it(orchard: Path) -> None:
    memory = {"dataset": "orchard_rows.csv", "last_call": {"tool": "inspect_dataset", "args": {}}}
    plan = plan_goal("and the hive weights file, does it even have a weight column?", memory)
    assert _steps(plan) == [("inspect_dataset", {"dataset": "hive_weights.csv"})]


def test_a_noun_count_is_a_thread_question() -> None:
    memory = remember(
        "chunk_documents", {"chunk_set_id": "cs2", "chunks": 12}, {}, {"paths": ["g.md"]}
    )
    plan = plan_goal("chunk count?", memory)
    assert not plan.steps and "chunks: 12" in (plan.answer or "")


def test_a_bare_count_of_class_rows_and_again_into_a_file_sample_the_generator() -> None:
    memory = {"generator_info": {"path": "generators/pots", "classes": ["glazed", "raw"]}}
    plan = plan_goal("300 glazed rows", memory)
    assert _steps(plan) == [
        ("generate_synthetic", {"model": "generators/pots", "n": 300, "label": "glazed"})
    ]
    memory = remember(
        "generate_synthetic", {"path": "synthetic/p.parquet"}, memory, plan.steps[0].args
    )
    plan = plan_goal("again, into glazed_pots.csv", memory)
    assert plan.steps[0].args == {
        "model": "generators/pots",
        "n": 300,
        "label": "glazed",
        "output": "glazed_pots.csv",
    }


def test_utility_gap_subtracts_synthetic_from_real() -> None:
    output = {
        "model_path": "generators/g",
        "utility": {"metric": "auc", "train_on_real": 0.9, "train_on_synthetic": 0.85},
    }
    memory = remember("train_generator", output, {}, {"dataset": "pots.csv"})
    plan = plan_goal("utility gap?", memory)
    assert plan.answer is not None and "a gap of 0.050" in plan.answer


def test_an_export_with_a_quality_floor_is_no_rerun_of_the_generation() -> None:
    qa = remember(
        "generate_qa", {"dataset_id": "ds4"}, {"chunk_set": "cs4"}, {"chunk_set_id": "cs4"}
    )
    plan = plan_goal("ok export, only the good ones above 0.9, csv", qa)
    assert [s.tool for s in plan.steps] == ["export_dataset"]
    assert plan.steps[0].args["min_quality"] == 0.9
