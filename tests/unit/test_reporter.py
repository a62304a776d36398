"""The answer shows each tool's key result, the metric asked for first, and degenerate outputs."""

from __future__ import annotations

from typing import Any

from agents.reporter import metric_values, summarise_output, write_answer


def _done(tool: str, output: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"tool": tool, "status": "completed", "output": output, **extra}


TRAINED = {
    "model_path": "models/wine",
    "target": {"metric": "auc", "value": None},
    "target_met": False,
    "attempts": 1,
    "metrics": {
        "accuracy": 0.9,
        "f1_macro": 0.88,
        "precision_macro": 0.87,
        "recall_macro": 0.89,
        "auc": 0.97,
        "log_loss": 0.3,
        "measured_on": "test",
    },
    "validation_metrics": {"accuracy": 0.92, "f1_macro": 0.9, "auc": 0.98},
    "test_metrics": {"accuracy": 0.9},
    "test_baseline": {"accuracy": 0.4, "f1_macro": 0.19, "predicts": "b"},
    "rows": {"train": 100, "validation": 25, "dropped": 0},
}


def test_the_asked_metric_comes_first() -> None:
    plan = {"steps": [], "asked": {"metric": "F1"}}
    answer = write_answer(plan, [_done("train_model", TRAINED)])
    metrics_line = next(line for line in answer.splitlines() if "AUC=" in line)
    assert metrics_line.strip().startswith("F1 (macro)=0.880")
    assert "on the test set" in metrics_line
    assert "models/wine" in answer
    # Without a request, F1 is still shown (it was missing from the answer before).
    plain = write_answer({"steps": []}, [_done("train_model", TRAINED)])
    assert "F1 (macro)=0.880" in plain and "precision (macro)=0.870" in plain


def test_an_asked_metric_is_worked_out_from_the_confusion_matrix() -> None:
    metrics = {
        "accuracy": 0.75,
        "confusion_matrix": {"labels": ["a", "b"], "matrix": [[3, 1], [1, 3]]},
    }
    shown, notes = metric_values(metrics, ["f1_macro"])
    assert shown[0] == "F1 (macro)=0.750 (from the confusion matrix)"
    assert notes == []


def test_an_asked_metric_that_is_not_there_says_what_is() -> None:
    shown, notes = metric_values({"auc": 0.8, "accuracy": 0.7}, ["log_loss"])
    assert shown == ["AUC=0.800", "accuracy=0.700"]
    assert notes == ["log loss is not available for this output (it has: AUC, accuracy)"]


def test_no_better_than_the_majority_class_is_a_warning() -> None:
    output = {
        "metrics": {"accuracy": 0.6, "auc": 0.5, "n": 50},
        "baseline": {"accuracy": 0.6, "predicts": "neg"},
        "split": "given",
        "dataset": "data/test.csv",
    }
    lines = summarise_output("evaluate_model", output)
    assert any("no better than chance" in line for line in lines)
    output["metrics"]["auc"] = 0.8
    lines = summarise_output("evaluate_model", output)
    assert any("no better than always predicting 'neg'" in line for line in lines)


def test_a_target_far_from_met_is_a_warning() -> None:
    output = {
        **TRAINED,
        "target": {"metric": "accuracy", "value": 0.99},
        "target_met": False,
        "attempts": 5,
        "validation_metrics": {"accuracy": 0.8},
    }
    lines = summarise_output("train_model", output)
    assert any("target far from met: best accuracy 0.800 against 0.990" in x for x in lines)
    labeled = {
        "target": {"metric": "auc", "value": 0.9},
        "target_met": False,
        "attempts": 3,
        "metrics": {"auc": 0.86, "accuracy": 0.8, "coverage": 0.9, "measured_on": "heldout"},
        "labeled_path": "labeling/r/labeled.parquet",
        "rows": 400,
        "covered": 380,
    }
    lines = summarise_output("label_dataset", labeled)
    assert any("warning: target not met" in x for x in lines)
    assert any("labeled path: labeling/r/labeled.parquet" in x for x in lines)
    assert any("380 of 400 rows covered" in x for x in lines)


def test_predict_anomalies_and_chunks_show_their_key_result() -> None:
    lines = summarise_output(
        "predict",
        {
            "rows": 54,
            "predictions_path": "predictions/m-test.parquet",
            "class_counts": {"a": 30, "b": 24},
        },
    )
    assert lines[0] == "  54 predictions written to predictions/m-test.parquet"
    assert "a: 30, b: 24" in lines[1]
    lines = summarise_output(
        "detect_anomalies",
        {
            "rows": 100,
            "flagged": 3,
            "threshold": 2.1,
            "scores_path": "anomalies/x.parquet",
            "answer": "3 of 100 rows flagged (score above 2.1); worst: row 7 9.1",
        },
    )
    assert "3 of 100 rows flagged" in lines[0] and "row 7" in lines[0]
    assert "anomalies/x.parquet" in lines[1]
    lines = summarise_output(
        "chunk_documents",
        {"chunk_count": 12, "document_count": 2, "chunk_set_id": 4, "project_id": 1},
    )
    assert lines[0].startswith("  12 chunks from 2 documents")


def test_empty_splits_are_said() -> None:
    export = {
        "rows": 9,
        "formats": ["jsonl"],
        "split_counts": {"train": 9, "validation": 0, "test": 0},
        "split_chunks": {"train": ["c1"], "validation": [], "test": []},
        "files": [{"path": "qa/exports/d/v1/d_train.jsonl", "split": "train", "rows": 9}],
        "path": "qa/exports/d/v1/d.zip",
    }
    lines = summarise_output("export_dataset", export)
    assert "  pairs per split: train 9, validation 0, test 0" in lines
    warning = next(x for x in lines if "warning" in x)
    assert "validation and test split(s) are empty" in warning
    assert "1 source chunk" in warning
    assert any("download: qa/exports/d/v1/d.zip" in x for x in lines)


def test_save_table_and_listing() -> None:
    lines = summarise_output(
        "save_table", {"path": "out.csv", "rows": 3, "columns": ["a", "b"], "format": "csv"}
    )
    assert lines == ["  saved 3 rows × 2 columns to out.csv (csv)"]
    listing = {
        "datasets": [{"id": "reviews.csv", "source": "local"}],
        "outputs": [{"id": "models/m/x.parquet", "tool": "train_model"}] * 4,
    }
    lines = summarise_output("list_local_datasets", listing)
    assert lines[0] == "  1 datasets:"
    assert "4 outputs of earlier runs (by train_model)" in lines[-1]


def test_plan_fields_answer_notes_repairs_and_suggestions() -> None:
    assert write_answer({"answer": "The F1 was 0.88 (run run_1).", "steps": []}, []) == (
        "The F1 was 0.88 (run run_1)."
    )
    plan = {"steps": [], "notes": ["trained an MLP as asked; target accuracy 0.95 kept"]}
    step = _done("train_model", TRAINED, repairs=["label_column 'Cultivar' → 'cultivar'"])
    answer = write_answer(plan, [step])
    assert answer.splitlines()[0] == "Note: trained an MLP as asked; target accuracy 0.95 kept"
    assert "  repaired: label_column 'Cultivar' → 'cultivar'" in answer.splitlines()
    nothing = write_answer(
        {
            "steps": [],
            "suggestions": ["inspect reviews.csv", "train a classifier", "label rows", "x"],
        },
        [],
    )
    assert nothing.splitlines() == [
        "I could not tell what to do. Closest things I can do:",
        "  - inspect reviews.csv",
        "  - train a classifier",
        "  - label rows",
    ]
    question = write_answer(
        {"question": "Which file?", "suggestions": [{"text": "list my data", "why": "see files"}]},
        [],
    )
    assert question.splitlines() == [
        "Which file?",
        "Closest things I can do:",
        "  - list my data (see files)",
    ]


def test_a_failed_step_shows_its_hint_and_repairs() -> None:
    step = {
        "tool": "train_model",
        "status": "failed",
        "error": {"message": "label column 'x' not found", "hint": "columns are: a, b"},
        "repairs": ["label_column 'X' → 'x'"],
    }
    answer = write_answer({"steps": []}, [step])
    assert "failed — label column 'x' not found. Hint: columns are: a, b" in answer
    assert "repaired: label_column 'X' → 'x'" in answer


def test_qa_generation_shows_counts_and_its_quality_target() -> None:
    lines = summarise_output(
        "generate_qa",
        {
            "counts": {"kept": 0, "generated": 4, "chunks": 2},
            "dataset_id": "d1",
            "version": 1,
            "quality_after": {"average_score": 0.4},
            "target": {"metric": "share_at_or_above_threshold", "value": 1.0}
            | {"quality_threshold": 0.8},
            "target_met": False,
            "attempts": 3,
        },
    )
    assert lines[0] == "  0 QA pairs kept of 4 generated from 2 chunks (dataset d1 v1)"
    assert "  target every pair at quality ≥ 0.800: not met after 3 attempt(s)" in lines
    assert "  warning: no QA pair was kept" in lines


def test_labeling_tools_show_coverage_and_paths() -> None:
    applied = summarise_output(
        "apply_labeling_functions",
        {
            "rows": 200,
            "lf_count": 3,
            "rows_covered": 150,
            "matrix": {"coverage": 0.75, "overlap": 0.2, "conflict": 0.05},
            "votes": {"neg": 90, "pos": 80},
            "matrix_path": "labeling/apply-x/label_matrix.parquet",
            "errors": [{"name": "bad_lf", "reason": "timeout"}],
        },
    )
    assert "150 rows covered (coverage 75%" in applied[0]
    assert any("label matrix: labeling/apply-x/label_matrix.parquet" in x for x in applied)
    assert any("1 labeling function(s) failed: bad_lf" in x for x in applied)
    written = summarise_output(
        "write_labeling_functions", {"count": 6, "lfs_path": "lfs/tweets.json", "coverage": 0.8}
    )
    assert written == ["  wrote 6 labeling functions to lfs/tweets.json (coverage 80%)"]
    voted = summarise_output(
        "vote_labels", {"rows": 10, "labeled_rows": 7, "output_path": "tweet_votes.csv"}
    )
    assert voted == ["  7 of 10 rows labeled by majority vote, written to tweet_votes.csv"]
    # Any other tool's output paths are named in the answer.
    other = summarise_output("model_leaderboard", {"report_path": "r.json"})
    assert "  report path: r.json" in other
    synthetic = summarise_output("generate_synthetic", {"rows": 5, "path": "synth_churn.csv"})
    assert synthetic[0] == "  5 synthetic rows written to synth_churn.csv"


def test_a_target_met_on_validation_but_not_on_the_test_set_says_so() -> None:
    met = {**TRAINED, "target": {"metric": "auc", "value": 0.975}, "target_met": True}
    lines = summarise_output("train_model", met)
    assert "  target AUC 0.975: met after 1 attempt(s) on the validation split" in lines
    assert any("on the test set AUC is 0.970, short of the target" in x for x in lines)
    easy = {**met, "target": {"metric": "auc", "value": 0.95}}
    assert not any("short of the target" in x for x in summarise_output("train_model", easy))
    loss = {
        **TRAINED,
        "target": {"metric": "log_loss", "value": 0.25},
        "target_met": True,
        "validation_metrics": {"log_loss": 0.2},
    }  # lower is better: a test loss of 0.3 is above (short of) 0.25
    assert any("log loss is 0.300, short of" in x for x in summarise_output("train_model", loss))
