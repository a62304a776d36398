"""The planner's general mechanisms: settings through the schemas, rules said in words, files
named by description, loosely named columns, the embedding fallback, workbench follow-ups.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from agents import semantic
from agents.options import stated
from agents.planner import plan_goal
from agents.references import described_file
from agents.rules import parse_rules
from agents.slots import extract_targets
from settings import get_settings
from tests.utils.person_data import write_person_data
from tools.labeling.gold import plan_join
from tools.profile import columns_mentioned, profile_table


@pytest.fixture
def files() -> None:
    write_person_data(get_settings().workspace)


def steps(goal: str, memory: dict[str, Any] | None = None) -> list[tuple[str, dict[str, Any]]]:
    plan = plan_goal(goal, memory)
    assert plan.question is None, plan.question
    return [(s.tool, s.args) for s in plan.steps]


def test_any_schema_field_named_with_a_value_is_bound() -> None:
    assert stated("train_model", "tf-idf, min_df 2, ngram_max 3, validation fraction of 0.3") == {
        "min_df": 2,
        "ngram_max": 3,
        "validation_fraction": 0.3,
    }
    assert stated("detect_anomalies", "list the twenty most anomalous rows")["top_k"] == 20
    assert stated("chunk_documents", "cut it in pieces of 300 tokens") == {
        "chunk_size": 300,
        "strategy": "fixed",
        "unit": "tokens",
    }


def test_enum_values_and_switches_said_in_words() -> None:
    assert (
        stated("trending_datasets", "most voted kaggle datasets, top 5")["kaggle_sort"] == "votes"
    )
    assert stated("detect_anomalies", "isolation forest and local outlier factor")["detectors"] == [
        "isolation_forest",
        "local_outlier_factor",
    ]
    assert stated("train_generator", "no utility measurement")["measure_utility"] is False
    assert stated("export_dataset", "one jsonl file, no train/test split needed")["splits"] is False
    assert stated("export_dataset", "export it into exports/qa_v2 with splits")["output_dir"] == (
        "exports/qa_v2"
    )


def test_targets_said_loosely() -> None:
    assert extract_targets("accuracy objective of 0.96") == {"accuracy": 0.96}
    assert extract_targets("churned auc .9") == {"auc": 0.9}
    assert extract_targets("optimise recall and aim for 0.7.") == {"recall": 0.7}
    assert extract_targets("top 10 models by accuracy") == {}


def test_keyword_rules_in_words_become_keyword_lfs() -> None:
    arrows = parse_rules("'refund' or 'charged' → billing, 'password' -> account")
    assert arrows == [
        {"label": "billing", "keywords": ["refund", "charged"], "column": None},
        {"label": "account", "keywords": ["password"], "column": None},
    ]
    conditions = parse_rules(
        "billing if body mentions refund or charged, technical if it mentions error or crashes"
    )
    assert [(r["label"], r["keywords"], r["column"]) for r in conditions] == [
        ("billing", ["refund", "charged"], "body"),
        ("technical", ["error", "crashes"], None),
    ]
    assert parse_rules("train a model on 'reviews.csv', name it 'x'") == []


def test_rules_route_to_apply_or_vote(files: None) -> None:
    applied = steps(
        "try these rules on reviews.csv and tell me how accurate they are against label: "
        "'great' or 'love' -> positive, 'awful' -> negative"
    )
    assert [t for t, _ in applied] == ["apply_labeling_functions"]
    lfs = applied[0][1]["labeling_functions"]
    assert lfs[0] == {
        "name": "positive_1",
        "label": "positive",
        "kind": "keyword",
        "column": "review",
        "keywords": ["great", "love"],
    }
    voted = steps("majority vote on reviews.csv: 'great' -> positive, 'awful' -> negative")
    assert voted[0][0] == "vote_labels"
    assert voted[0][1]["output_path"] == "reviews_votes.csv"


def test_a_file_named_by_description(files: None) -> None:
    workspace = ["meal_kit_reviews.csv", "meal_kit_reviews_test.csv", "claims_2026q3.csv"]
    assert described_file("label the meal kit reviews please", workspace) == (
        "meal_kit_reviews.csv"
    )
    assert described_file("which claims are fraud in the q3 file", workspace) == (
        "claims_2026q3.csv"
    )
    assert described_file("find reviews datasets on hugging face", workspace) is None
    plan = steps("what columns does the wine train data have?")
    assert plan == [("inspect_dataset", {"dataset": "wine_train.csv"})]


def test_loosely_named_columns(files: None) -> None:
    profile = profile_table("wine_train.csv")
    assert profile is not None
    assert columns_mentioned(profile, "predict the cultivr") == ["cultivar"]
    assert columns_mentioned(profile, "how much flavanoid is there") == ["flavanoids"]


def test_gold_id_column_spelt_differently_joins() -> None:
    gold = pd.DataFrame({"PostID": ["p1", "p2"], "tag": ["a", "b"], "ta": ["kim", "lee"]})
    plan = plan_join(["post_id", "body"], gold, id_column=None, label_column=None)
    assert (plan.id_column, plan.gold_id_column, plan.gold_label_column) == (
        "post_id",
        "PostID",
        "tag",
    )


@pytest.mark.skipif(not semantic.available(), reason="the packaged embedding model is missing")
def test_embedding_fallback_reads_unseen_wording_and_refuses_out_of_scope() -> None:
    assert semantic.route("which transactions look not normal", "tables") == ["detect_anomalies"]
    assert semantic.route("tell me a joke about statisticians", None) == []


def test_workbench_follow_ups_on_a_thread(files: None) -> None:
    memory = {"labeled": "labeling/reviews-1/workbench/labeled.parquet"}
    assert steps("post 17 is actually negative, fix it", memory) == [
        (
            "correct_labels",
            {
                "labeling_dir": "labeling/reviews-1",
                "corrections": [{"id": 17, "label": "negative"}],
            },
        )
    ]
    assert steps("export the corrected labels as parquet", memory) == [
        ("export_labeled_data", {"labeling_dir": "labeling/reviews-1", "format": "parquet"})
    ]
    rows = steps("show me the rows the end model labeled positive", memory)
    assert rows == [
        (
            "workbench_rows",
            {"labeling_dir": "labeling/reviews-1", "label": "positive", "source": "end_model"},
        )
    ]


def test_conceptual_questions_get_plain_answers(files: None) -> None:
    plan = plan_goal("Remind me, what's the difference between precision and recall?")
    assert not plan.steps and "Precision:" in plan.answer and "Recall:" in plan.answer
    plan = plan_goal("what's the difference between a label model and a majority vote?")
    assert "Label model" in plan.answer and "Majority vote" in plan.answer
    # A results question is not a conceptual one.
    assert plan_goal("what was the accuracy?").answer.startswith("Nothing on this thread")


def test_thread_answers_compare_and_judge(files: None) -> None:
    from agents.planner import remember

    memory = remember(
        "evaluate_model",
        {"metrics": {"accuracy": 0.9}, "baseline": {"accuracy": 0.6}},
        {},
        {"model": "models/a"},
    )
    said = plan_goal("how is the accuracy compared with the baseline?", memory).answer
    assert "0.9" in said and "0.6" in said and "baseline" in said
    memory = remember(
        "train_model",
        {
            "model_path": "models/b",
            "metrics": {"accuracy": 0.95},
            "target_met": True,
            "target": {"metric": "accuracy", "value": 0.9},
        },
        memory,
        {"dataset": "wine_train.csv"},
    )
    assert plan_goal("did we hit it?", memory).answer.startswith("Yes")
    better = plan_goal("which of the two had the better accuracy?", memory).answer
    assert better.startswith("Better accuracy: models/b")


def test_a_named_file_that_does_not_exist_is_said_at_once(files: None) -> None:
    plan = plan_goal("inspect customer_churn.csv")
    assert not plan.steps and "no file named customer_churn.csv" in plan.answer
    assert "wine_train.csv" in plan.answer  # what is there instead


def test_goals_split_after_that_and_predict_on_the_training_file(files: None) -> None:
    plan = steps("learn cultivar on wine_train.csv and after that predict wine_test.csv")
    assert [t for t, _ in plan] == ["train_model", "predict"]
    plan = steps(
        "train on wine_train.csv (cultivar), then score every wine in wine_train.csv with it"
    )
    assert plan[1] == ("predict", {"model": "${steps.0.model_path}", "dataset": "wine_train.csv"})


def test_describing_words_far_apart_are_not_swallowed() -> None:
    from agents.references import with_described_file

    goal, _ = with_described_file(
        "is it possible to tell which claims are fraud from the q3 file?",
        ["claims_2026q3.csv", "claims_2026q4.csv"],
    )
    assert "fraud" in goal and "claims_2026q3.csv" in goal


def test_rules_said_as_votes() -> None:
    rules = parse_rules("posts that mention extension, deadline or regrade vote logistics")
    assert rules == [
        {"label": "logistics", "keywords": ["extension", "deadline", "regrade"], "column": None}
    ]
    arrows = parse_rules("keyword 'pothole' on description -> Roads")
    assert arrows == [{"label": "Roads", "keywords": ["pothole"], "column": "description"}]


def test_make_it_better_after_a_run_without_target_sets_one() -> None:
    from agents.memory import stronger_args

    loop = {
        "tool": "train_model",
        "args": {"dataset": "a.csv"},
        "attempts": 1,
        "metrics": {"auc": 0.8, "accuracy": 0.7},
        "history": [],
    }
    args, said = stronger_args(loop, {"max_attempts": 50})
    # Without a target the loop would stop after its first attempt, whatever max_attempts says.
    assert args["target_metric"] == "auc" and args["target_value"] == 0.9
    assert args["max_attempts"] == 6 and any("target auc 0.9" in s for s in said)
