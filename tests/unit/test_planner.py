"""The built-in planner: goals in plain words become the right tool steps and targets."""

from __future__ import annotations

import pytest

from agents.planner import plan_goal, remember
from agents.slots import extract_targets, split_clauses


@pytest.fixture(autouse=True)
def _imaginary_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """These routing tests name files that are not there; whether a named file exists is
    checked separately (tests/unit/test_planner_generalise.py)."""
    import agents.planner as planner

    monkeypatch.setattr(planner, "_missing_input", lambda plan, goal: None)


def tools_of(goal: str, memory: dict | None = None) -> list[str]:
    return [s.tool for s in plan_goal(goal, memory).steps]


@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        (
            "list the local datasets and inspect breast_cancer",
            ["list_local_datasets", "inspect_dataset"],
        ),
        ("find sentiment datasets on hugging face", ["search_datasets"]),
        ("what's trending on kaggle", ["trending_datasets"]),
        ("show me the configs of nyu-mll/glue", ["dataset_configs"]),
        ("suggest datasets for 'imdb'", ["suggest_datasets"]),
        ("download glue cola at revision abc123", ["download_dataset"]),
        ("download nyu-mll/glue config cola", ["download_dataset"]),
        ("best models for sentiment analysis", ["model_leaderboard"]),
        ("write labeling functions for tweets.csv", ["write_labeling_functions"]),
        (
            "label the tweets in tweets.csv as positive or negative, hand labels in gold.csv, target AUC 0.9",
            ["label_dataset"],
        ),
        (
            "train a classifier on labeled.csv and evaluate it on test.csv, target F1 0.85",
            ["train_model", "evaluate_model"],
        ),
        ("predict new.csv with model models/m1", ["predict"]),
        (
            "generate 200 synthetic rows for class malignant from breast_cancer",
            ["train_generator", "generate_synthetic"],
        ),
        ("find anomalies in breast_cancer", ["detect_anomalies"]),
        (
            "build a QA dataset from the docs in project 3, 3 questions per chunk, quality at least 0.8, "
            "jsonl with train/val/test splits",
            ["chunk_documents", "generate_qa", "export_dataset"],
        ),
    ],
)
def test_goals_route_to_tools(goal: str, expected: list[str]) -> None:
    assert tools_of(goal) == expected


def test_mission_goal_chains_steps_with_references() -> None:
    plan = plan_goal(
        "find a sentiment dataset, label it with weak supervision to AUC 0.9 from these 50 hand "
        "labels, train a classifier and evaluate it"
    )
    assert [s.tool for s in plan.steps] == [
        "search_datasets",
        "download_dataset",
        "label_dataset",
        "train_model",
        "evaluate_model",
    ]
    assert plan.steps[1].args["dataset_id"] == "${steps.0.results.0.id}"
    assert plan.steps[2].args["data_path"] == "${steps.1.dataset.id}"
    assert plan.steps[2].args["target_value"] == 0.9
    assert plan.steps[3].args == {"dataset": "${steps.2.labeled_path}", "soft_labels": True}
    assert plan.steps[4].args["model"] == "${steps.3.model_path}"
    assert plan.targets == {"auc": 0.9}


def test_download_args_and_label_args() -> None:
    step = plan_goal("download glue cola at revision abc123").steps[0]
    assert step.args == {
        "source": "huggingface",
        "dataset_id": "glue",
        "config": "cola",
        "revision": "abc123",
    }
    label = plan_goal(
        "label the tweets in tweets.csv as positive or negative, hand labels in gold.csv"
    ).steps[0]
    assert label.args["data_path"] == "tweets.csv"
    assert label.args["gold_path"] == "gold.csv"
    assert label.args["labels"] == ["positive", "negative"]


@pytest.mark.parametrize(
    ("goal", "targets"),
    [
        ("label to AUC 0.9", {"auc": 0.9}),
        ("quality at least 0.8", {"quality": 0.8}),
        ("target F1 of 85%", {"f1": 0.85}),
        ("accuracy >= 90", {"accuracy": 0.9}),
        ("3 questions per chunk", {"per_chunk": 3.0}),
        ("reach 0.95 auc", {"auc": 0.95}),
    ],
)
def test_targets(goal: str, targets: dict) -> None:
    assert extract_targets(goal) == targets


def test_follow_ups_resolve_from_thread_memory() -> None:
    memory = remember(
        "search_datasets",
        {
            "results": [
                {"id": "a/one", "source": "huggingface"},
                {"id": "b/two", "source": "kaggle"},
            ]
        },
        {},
    )
    step = plan_goal("download the second one", memory).steps[0]
    assert step.args == {"source": "kaggle", "dataset_id": "b/two"}
    memory = remember("download_dataset", {"dataset": {"id": "ds_1"}}, memory)
    assert plan_goal("show me the columns of it", memory).steps[0].args == {"dataset": "ds_1"}


def test_ambiguous_follow_up_asks_a_question() -> None:
    plan = plan_goal("download the second one", {})
    assert plan.steps == []
    assert "Which dataset" in (plan.question or "")
    out_of_range = plan_goal(
        "download the fifth one", {"listing": [{"id": "x", "source": "kaggle"}]}
    )
    assert "1-1" in (out_of_range.question or "")


def test_unknown_goal_offers_the_closest_capabilities_as_an_answer() -> None:
    # Issue 11: not the whole tool list, and not a question that would swallow the next goal.
    plan = plan_goal("hello there")
    assert plan.steps == [] and plan.question is None
    assert "closest things I can do" in (plan.answer or "")
    assert (plan.answer or "").count("(e.g.") <= 3


def test_split_clauses_keeps_non_verb_commas() -> None:
    assert split_clauses("label tweets.csv as positive or negative, hand labels in gold.csv") == [
        "label tweets.csv as positive or negative, hand labels in gold.csv"
    ]
    assert split_clauses("list datasets and then inspect iris") == ["list datasets", "inspect iris"]


def test_hand_labels_in_a_column() -> None:
    step = plan_goal(
        "label reviews.csv with weak supervision, hand labels in the sentiment column"
    ).steps[0]
    assert step.tool == "label_dataset"
    assert step.args["label_column"] == "sentiment"
