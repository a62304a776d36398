"""Issue 11, verbatim: a new user's own words on their own files plan as the person means them."""

from __future__ import annotations

from typing import Any

import pytest

from agents.planner import plan_goal, remember
from settings import get_settings
from tests.utils.person_data import write_person_data


@pytest.fixture
def files() -> None:
    """The person's files (reviews with some hand labels, wine/digits CSVs, a guide) in the workspace."""
    write_person_data(get_settings().workspace)


def steps(goal: str, memory: dict[str, Any] | None = None) -> list[tuple[str, dict[str, Any]]]:
    plan = plan_goal(goal, memory)
    assert plan.question is None, plan.question
    return [(s.tool, s.args) for s in plan.steps]


def test_what_data_is_in_my_workspace(files: None) -> None:
    assert steps("what data is in my workspace?") == [("list_local_datasets", {})]


def test_missing_values_and_rows_is_one_inspection(files: None) -> None:
    assert steps("does wine_train.csv have any missing values? how many rows?") == [
        ("inspect_dataset", {"dataset": "wine_train.csv"})
    ]


def test_question_answer_pairs_from_a_markdown_guide(files: None) -> None:
    plan = steps("generate question/answer pairs from docs/guide.md")
    assert [t for t, _ in plan] == ["chunk_documents", "generate_qa"]
    assert plan[0][1]["paths"] == ["docs/guide.md"]
    assert plan[1][1]["chunk_set_id"] == "${steps.0.chunk_set_id}"


def test_show_me_whats_in_reviews_is_not_labeling(files: None) -> None:
    plan = steps("show me what's in reviews.csv — columns and how many of each label")
    assert plan == [("inspect_dataset", {"dataset": "reviews.csv", "label_column": "label"})]


def test_predict_a_column_means_train_a_classifier_for_it(files: None) -> None:
    plan = steps("predict cultivar from wine_train.csv, evaluate on wine_test.csv")
    assert [t for t, _ in plan] == ["train_model", "evaluate_model"]
    assert plan[0][1]["dataset"] == "wine_train.csv"
    assert plan[0][1]["label_column"] == "cultivar"
    assert plan[1][1] == {"model": "${steps.0.model_path}", "dataset": "wine_test.csv"}


def test_mlp_label_and_target_are_kept(files: None) -> None:
    plan = steps(
        "train an MLP on digits.csv to predict the digit column, I need at least 95% accuracy"
    )
    assert plan == [
        (
            "train_model",
            {
                "dataset": "digits.csv",
                "label_column": "digit",
                "model": "mlp",
                "target_metric": "accuracy",
                "target_value": 0.95,
            },
        )
    ]


def test_partly_filled_label_column_holds_the_hand_labels(files: None) -> None:
    plan = plan_goal(
        "reviews.csv has product reviews and only some rows have a label. fill in the rest"
    )
    assert [(s.tool, s.args) for s in plan.steps] == [
        # 'product reviews' names the free-text column the data shows: what labeling reads
        (
            "label_dataset",
            {"data_path": "reviews.csv", "text_column": "review", "label_column": "label"},
        )
    ]
    assert any("filled-in cells of 'label'" in n for n in plan.notes)


def test_gold_file_columns_bind_label_and_id(files: None) -> None:
    plan = steps(
        "Label income as >50K or <=50K for every person in data/census.csv (id column person_id) "
        "using the hand labels in data/hand_labels.csv"
    )
    assert len(plan) == 1 and plan[0][0] == "label_dataset"
    args = plan[0][1]
    assert args["data_path"] == "data/census.csv"
    assert args["gold_path"] == "data/hand_labels.csv"
    assert args["label_column"] == "income"
    assert args["id_column"] == "person_id"
    assert args["labels"] == [">50K", "<=50K"]


def test_hand_labels_are_found_by_evidence_without_the_word_gold(files: None) -> None:
    plan = steps("fill in income for everyone in data/census.csv from data/hand_labels.csv")
    args = plan[0][1]
    assert args["data_path"] == "data/census.csv" and args["gold_path"] == "data/hand_labels.csv"
    assert args["label_column"] == "income" and args["id_column"] == "person_id"


def _trained_memory() -> dict[str, Any]:
    output = {
        "model_path": "models/wine",
        "dataset": "wine_train.csv",
        "label_column": "cultivar",
        "target": {"metric": "accuracy", "value": 0.9},
        "target_met": True,
        "attempts": 2,
        "best_attempt": 2,
        "history": [
            {"attempt": 1, "config": {"model": "logistic"}, "metrics": {"accuracy": 0.85}},
            {"attempt": 2, "config": {"model": "logistic"}, "metrics": {"accuracy": 0.93}},
        ],
        "metrics": {"accuracy": 0.93, "f1_macro": 0.91, "auc": 0.99, "measured_on": "test"},
    }
    args = {"dataset": "wine_train.csv", "label_column": "cultivar", "max_attempts": 2}
    return remember("train_model", output, {}, args)


def test_what_was_the_accuracy_is_answered_from_the_thread() -> None:
    plan = plan_goal("what was the accuracy?", _trained_memory())
    assert plan.steps == [] and plan.question is None
    assert "accuracy: 0.930" in (plan.answer or "")
    assert plan.asked == {"metric": "accuracy"}
    f1 = plan_goal("tell me the F1", _trained_memory())
    assert f1.answer is not None and f1.answer.startswith("F1: 0.910")
    assert plan_goal("which attempt was best?", _trained_memory()).answer.startswith(
        "train_model made 2 attempt(s); the best was attempt 2"
    )
    assert "models/wine" in (plan_goal("where is the model?", _trained_memory()).answer or "")


def test_a_metric_question_with_no_results_says_so() -> None:
    plan = plan_goal("what was the accuracy?", {})
    assert plan.steps == [] and "Nothing on this thread has measured accuracy" in (
        plan.answer or ""
    )


def test_make_it_better_reruns_the_last_loop_stronger_and_says_what_changed() -> None:
    plan = plan_goal("make it better", _trained_memory())
    assert [s.tool for s in plan.steps] == ["train_model"]
    args = plan.steps[0].args
    assert args["dataset"] == "wine_train.csv" and args["label_column"] == "cultivar"
    assert args["max_attempts"] == 6 and args["model"] == "mlp"
    assert args["target_value"] > 0.93
    assert plan.notes and "6 attempts instead of 2" in plan.notes[0]
    assert "MLP" in plan.notes[0]


def test_the_wine_model_resolves_from_memory(files: None) -> None:
    memory = _trained_memory()
    memory = remember(
        "train_model",
        {"model_path": "models/reviews", "dataset": "reviews.csv", "metrics": {}},
        memory,
        {"dataset": "reviews.csv"},
    )
    plan = steps("evaluate the wine model on wine_test.csv", memory)
    assert plan == [("evaluate_model", {"model": "models/wine", "dataset": "wine_test.csv"})]


def test_save_the_labeled_reviews_as_csv() -> None:
    memory = remember(
        "label_dataset", {"labeled_path": "labeling/run1/labeled.parquet"}, {"dataset": "x.csv"}
    )
    assert steps("save the labeled reviews as a csv file", memory) == [
        (
            "save_table",
            {
                "dataset": "labeling/run1/labeled.parquet",
                "path": "labeling/run1/labeled.csv",
                "format": "csv",
            },
        )
    ]


def test_ambiguous_label_asks_with_candidates(files: None) -> None:
    plan = plan_goal("train a classifier on digits.csv")
    assert plan.steps == [] and plan.question is not None
    assert "digit" in plan.question


@pytest.mark.parametrize(
    ("goal", "tools"),
    [
        ("waht datsets do i hvae", ["list_local_datasets"]),
        ("trian a clasifier on wine_train.csv for cultivar", ["train_model"]),
        ("could you check digits.csv for rows that look off?", ["detect_anomalies"]),
        ("give me the first 5 rows of reviews.csv", ["preview_rows"]),
        ("Could you deploy the wine model to kubernetes?", []),
    ],
)
def test_wording_it_was_not_written_against(files: None, goal: str, tools: list[str]) -> None:
    assert [s.tool for s in plan_goal(goal).steps] == tools


def test_a_test_file_of_the_same_table_is_not_taken_for_hand_labels() -> None:
    """`make run`'s goal: the hand labels are the pool's own partly filled label column."""
    from tools.tabular import write_sample_task

    write_sample_task(get_settings().workspace, hand_labels=50)
    plan = steps(
        "label bc_pool.csv with weak supervision to AUC 0.95, hand labels in the label column, "
        "then train a classifier and evaluate it on bc_test.csv"
    )
    assert [t for t, _ in plan] == ["label_dataset", "train_model", "evaluate_model"]
    assert "gold_path" not in plan[0][1] and plan[0][1]["data_path"] == "bc_pool.csv"
    assert plan[2][1]["dataset"] == "bc_test.csv"
