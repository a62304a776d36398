"""Questions about a labeling run's classes answered from the thread's memory."""

from __future__ import annotations

from agents.planner import plan_goal, remember


def test_how_many_rows_got_a_class_is_answered_from_the_labeling_run() -> None:
    output = {
        "labeled_path": "labeling/permits-1/labeled.parquet",
        "metrics": {"accuracy": 0.9, "n_labels": 30},
        "classes": ["approve", "reject", "defer"],
        "label_counts": {"approve": 61, "reject": 25, "defer": 14},
        "label_sources": {"label_model": 80, "hand": 20},
        "rows": 100,
    }
    memory = remember("label_dataset", output, {}, {"dataset": "permits.csv"})
    plan = plan_goal("how many got reject?", memory)
    assert not plan.steps
    assert plan.answer is not None and "reject: 25" in plan.answer
    plan = plan_goal("And how many ended up as approve?", memory)
    assert plan.answer is not None and "approve: 61" in plan.answer


def test_make_it_better_after_a_loop_that_failed_reruns_that_call_stronger() -> None:
    memory = {
        "last_call": {
            "tool": "label_dataset",
            "args": {"dataset": "permits.csv", "label_column": "decision", "max_attempts": 2},
        }
    }
    plan = plan_goal("make it better", memory)
    assert [s.tool for s in plan.steps] == ["label_dataset"]
    assert plan.steps[0].args["dataset"] == "permits.csv"
    assert plan.steps[0].args["max_attempts"] > 2


def test_did_it_beat_the_first_one_compares_the_two_trainings() -> None:
    memory: dict = {}
    for auc, path in ((0.71, "models/permits-1"), (0.78, "models/permits-2")):
        memory = remember(
            "train_model",
            {"model_path": path, "metrics": {"auc": auc, "accuracy": 0.7}},
            memory,
            {"dataset": "permits.csv", "label_column": "decision"},
        )
    plan = plan_goal("Brilliant, cheers! Did it beat the first one?", memory)
    assert not plan.steps
    assert plan.answer is not None and plan.answer.startswith("Yes") and "0.710" in plan.answer


def test_a_format_of_the_threads_questions_exports_that_qa_set() -> None:
    memory = {"qa_dataset": "dataset_kiln", "chunk_set": "cs_kiln"}
    plan = plan_goal("Could I get the kiln questions as a parquet file for the trainers?", memory)
    assert [(s.tool, s.args) for s in plan.steps] == [
        ("export_dataset", {"dataset_id": "dataset_kiln", "format": "parquet"})
    ]
    # asking for new questions is a new request, not an export
    plan = plan_goal("generate 20 more questions as csv", memory)
    assert [s.tool for s in plan.steps] != ["export_dataset"]


def test_first_one_in_the_list_answers_with_the_worst_rows_values() -> None:
    output = {
        "flagged": 2,
        "rows": 50,
        "top": [
            {"row": 7, "score": 3.5, "tank": "T8", "values": {"tank": "T8", "ph": 11.2}},
            {"row": 3, "score": 2.1, "tank": "T4", "values": {"tank": "T4", "ph": 9.0}},
        ],
    }
    memory = remember("detect_anomalies", output, {}, {"dataset": "tanks.csv", "id_column": "tank"})
    plan = plan_goal("the first one in the list, what values it has?", memory)
    assert not plan.steps
    assert plan.answer is not None and "T8" in plan.answer and "ph=11.2" in plan.answer


def test_how_many_ended_up_in_a_split_is_a_thread_question() -> None:
    output = {"dataset_id": "d7", "rows": 30, "splits": {"train": 24, "validation": 3, "test": 3}}
    memory = remember("export_dataset", output, {"qa_dataset": "d7"}, {"dataset_id": "d7"})
    plan = plan_goal("How many questions ended up in the train split?", memory)
    assert not plan.steps and plan.answer is not None and "train: 24" in plan.answer
