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
