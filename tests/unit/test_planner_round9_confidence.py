"""Asking how sure the last result is ('how confident is it about those?') is a thread question."""

from __future__ import annotations

from agents.memory import answer_from_memory, is_results_question, summarise_result


def test_how_sure_a_labeling_is_answered_from_the_thread() -> None:
    output = {
        "target": {"metric": "auc", "value": 0.9},
        "target_met": True,
        "attempts": 2,
        "metrics": {"auc": 0.93, "accuracy": 0.71, "coverage": 0.8, "measured_on": "heldout"},
        "labeled_path": "labeling/crates-1/labeled.parquet",
    }
    memory = {"results": [summarise_result("label_dataset", output, {"dataset": "crates.csv"})]}
    for goal in (
        "how sure is it about those?",
        "how confident are you in the new tags?",
        "is it certain about these?",
        "what's the confidence on them?",
    ):
        assert is_results_question(goal, has_file=False), goal
        answer = answer_from_memory(goal, memory)
        assert answer is not None and "auc=0.930" in answer and "heldout" in answer, goal
    # Not about results: a person unsure of something, or a request naming a file.
    assert not is_results_question("I'm not sure which crate file to use", has_file=False)
    assert not is_results_question("how sure is the model on crates.csv?", has_file=True)


def test_counts_among_the_figures_are_shown_as_whole_numbers() -> None:
    output = {"metrics": {"auc": 0.9, "n_labels": 27.0, "measured_on": "heldout"}}
    memory = {"results": [summarise_result("label_dataset", output, {"dataset": "crates.csv"})]}
    answer = answer_from_memory("how sure is it?", memory) or ""
    assert "n_labels=27" in answer and "27.000" not in answer and "auc=0.900" in answer


def test_make_it_better_raises_the_target_where_the_loop_judges_it() -> None:
    from agents.memory import stronger_args

    output = {
        "target": {"metric": "auc", "value": None},
        "target_met": False,
        "attempts": 1,
        "metrics": {"auc": 0.92, "measured_on": "test"},
        "validation_metrics": {"auc": 0.97},
        "model_path": "models/crates-1",
    }
    loop = summarise_result("train_model", output, {"dataset": "crates.csv"})
    loop["args"] = {"dataset": "crates.csv"}
    args, changes = stronger_args(loop, {})
    # Judged on validation (0.97), a target set from the test figure (0.92 → 0.96) would be met
    # before the stronger search ran a second attempt.
    assert args["target_value"] == 0.985 and args["target_metric"] == "auc"
    assert any("best so far 0.970 on the validation split" in c for c in changes)
    del loop["validation"]  # an older thread's memory: the figure it has
    args, _ = stronger_args(loop, {})
    assert args["target_value"] == 0.96
