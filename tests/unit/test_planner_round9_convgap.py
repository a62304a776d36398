"""Round 9: turns routed right that still failed in conversations (invented tables, wording):
a thread question about a loop's attempts, an English word one letter off a short column name,
and relabeling after a labeling run."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from agents import router, semantic
from agents.memory import is_results_question
from agents.planner import plan_goal, remember
from settings import get_settings
from tools.profile import columns_mentioned, profile_table

ROWS = 40


@pytest.fixture
def kennels() -> None:
    """Invented tables: dogs at a boarding kennel with a short 'coat' column beside the label
    'returned', and visit notes with a half-filled 'mood' and an empty 'room' column."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(
        {
            "dog_id": [f"D-{100 + i}" for i in range(ROWS)],
            "coat": ["short", "long", "curly", "wire"] * (ROWS // 4),
            "nights": [i % 7 + 1 for i in range(ROWS)],
            "returned": ["yes", "no"] * (ROWS // 2),
        }
    ).to_csv(root / "kennel.csv", index=False)
    pd.DataFrame(
        {
            "dog_id": [f"N-{i}" for i in range(8)],
            "coat": ["short", "long"] * 4,
            "nights": [i + 1 for i in range(8)],
        }
    ).to_csv(root / "kennel_new.csv", index=False)
    pd.DataFrame(
        {
            "visit_id": [f"V{i:03d}" for i in range(ROWS)],
            "note": [f"barked at the gate then slept, visit {i}" for i in range(ROWS)],
            "mood": [["calm", "anxious", None, None][i % 4] for i in range(ROWS)],
            "room": [["north", "south", None, None, None][i % 5] for i in range(ROWS)],
        }
    ).to_csv(root / "visits.csv", index=False)
    pd.DataFrame(
        {
            "visit_id": [f"G{i:03d}" for i in range(10)],
            "note": [f"ate well and played, visit {i}" for i in range(10)],
            "mood": ["calm", "anxious"] * 5,
        }
    ).to_csv(root / "visits_graded.csv", index=False)


def trained(loop: bool = True) -> dict[str, Any]:
    """A thread that trained an MLP on kennel.csv for 'returned' in two attempts."""
    args = {"dataset": "kennel.csv", "label_column": "returned", "model": "mlp", "name": "k-mlp"}
    output = {
        "model_path": "models/k-mlp",
        "dataset": "kennel.csv",
        "label_column": "returned",
        "metrics": {"f1_macro": 0.7},
        "attempts": 2,
        "best_attempt": 2,
        "history": [
            {"attempt": 1, "metrics": {"f1_macro": 0.6}, "model": "mlp"},
            {"attempt": 2, "metrics": {"f1_macro": 0.7}, "model": "mlp"},
        ],
    }
    memory = remember("train_model", output, {}, args)
    memory["last_turn"] = [{"tool": "train_model", "args": args}]
    return memory


def test_a_two_part_question_about_the_attempts_is_answered_from_the_thread(kennels: None) -> None:
    goal = "Which attempt scored highest and what differed across attempts?"
    assert is_results_question(goal, False)
    plan = plan_goal(goal, trained())
    assert plan.steps == [] and plan.answer is not None
    assert "attempt 2" in plan.answer and "attempt" in plan.answer.lower()
    assert is_results_question("which attempt won and what changed across the runs?", False)


def test_attempt_questions_do_not_swallow_a_request() -> None:
    assert not is_results_question("train it again with 6 attempts on kennel.csv", True)
    assert not is_results_question("run it again, more attempts this time", False)


def test_an_english_word_one_letter_off_a_short_column_is_not_that_column(kennels: None) -> None:
    profile = profile_table("kennel.csv")
    assert profile is not None
    assert "coat" not in columns_mentioned(profile, "a baseline for the coast office")
    # a misspelt longer name is still read ('retruned' → returned)
    assert "returned" in columns_mentioned(profile, "predict retruned please")
    plan = plan_goal(
        "Now a coast office logistic baseline on the same table, call it k-lr.", trained()
    )
    steps = [(s.tool, s.args) for s in plan.steps]
    assert steps and steps[0][0] == "train_model"
    assert steps[0][1]["label_column"] == "returned"
    assert steps[0][1]["model"] == "logistic"


def test_relabeling_after_a_labeling_run_reads_the_table_it_labeled(kennels: None) -> None:
    args = {"data_path": "visits.csv", "label_column": "mood"}
    output = {"labeled_path": "labeling/visits-1/labeled.parquet", "metrics": {"auc": 0.8}}
    memory = remember("label_dataset", output, {}, args)
    memory["last_turn"] = [{"tool": "label_dataset", "args": args}]
    plan = plan_goal("now label the room column of it too: north or south", memory)
    steps = [(s.tool, s.args) for s in plan.steps]
    assert steps and steps[0][0] == "label_dataset"
    assert steps[0][1]["data_path"] == "visits.csv"
    assert steps[0][1]["label_column"] == "room"
    # training on it still reads the labeled output
    plan = plan_goal("now train a classifier on that", memory)
    assert plan.steps[0].args["dataset"] == "labeling/visits-1/labeled.parquet"


def test_the_labeled_sources_stay_bounded() -> None:
    memory: dict[str, Any] = {}
    for i in range(15):
        memory = remember(
            "label_dataset",
            {"labeled_path": f"labeling/r{i}/labeled.parquet"},
            memory,
            {"data_path": f"t{i}.csv", "label_column": "mood"},
        )
    sources = memory["labeled_sources"]
    assert len(sources) == 10
    assert sources["labeling/r14/labeled.parquet"] == "t14.csv"


def test_a_split_off_write_clause_is_the_prediction_output(kennels: None) -> None:
    goal = "Now predict returned for kennel_new.csv and write dog_scores.csv so I can look it over."
    plan = plan_goal(goal, trained())
    steps = [(s.tool, s.args) for s in plan.steps]
    assert [t for t, _ in steps] == ["predict"], steps
    assert steps[0][1]["output"] == "dog_scores.csv"


def test_an_evaluation_the_router_drops_becomes_the_training_test_set(
    kennels: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The router's plan (labeling, then training) has no tool for the evaluation clause: its
    file is the training's test set instead of being lost."""
    monkeypatch.setattr(semantic, "available", lambda: True)
    monkeypatch.setattr(
        router,
        "route",
        lambda goal, exclude=None, state="fresh": router.Route(
            ("label_dataset", "train_model"), 0.95
        ),
    )

    def plan_for(opening: str) -> dict[str, dict[str, Any]]:
        goal = (
            f"{opening}, then fit a classifier on the result and evaluate it "
            "on visits_graded.csv, which is complete."
        )
        return {s.tool: s.args for s in plan_goal(goal, {}).steps}

    steps = plan_for("weakly label the mood of visits.csv")
    assert list(steps) == ["label_dataset", "train_model"]
    assert steps["train_model"]["test_dataset"] == "visits_graded.csv"
    # Filling in a partly filled column is data evidence: the rules' plan stands, and keeps the
    # evaluation as a step of its own (the file is not lost either way).
    steps = plan_for("fill in the mood of visits.csv")
    assert list(steps) == ["label_dataset", "train_model", "evaluate_model"]
    assert steps["evaluate_model"]["dataset"] == "visits_graded.csv"


def test_a_hub_said_in_another_sentence_is_the_search_source() -> None:
    plan = plan_goal("Do public sets of kennel booking logs exist? Try Kaggle for me.", {})
    steps = {s.tool: s.args for s in plan.steps}
    assert steps["search_datasets"]["source"] == "kaggle"
    # two hubs said: every source, as before
    plan = plan_goal("any public datasets of dog breeds? kaggle or hugging face is fine", {})
    assert {s.tool: s.args for s in plan.steps}["search_datasets"]["source"] == "all"
