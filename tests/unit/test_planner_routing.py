"""Routing: which tools one goal runs, decided by verbs, negations and the data's own columns."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from agents.planner import plan_goal
from settings import get_settings


@pytest.fixture
def files() -> None:
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    n = 60
    claims = pd.DataFrame(
        {
            "claim_id": [f"C{i:03d}" for i in range(n)],
            "amount": [float(10 + i * 3 % 97) for i in range(n)],
            "region": [["north", "south", "east"][i % 3] for i in range(n)],
            "is_scam": ["Y" if i % 7 == 0 else "N" for i in range(n)],
        }
    )
    claims.to_csv(root / "claims.csv", index=False)
    claims.head(20).to_csv(root / "claims_test.csv", index=False)
    claims.drop(columns="is_scam").head(10).to_csv(root / "claims_new.csv", index=False)
    pd.DataFrame(
        {
            "meter_id": range(n),
            "kwh": [float(i % 13) for i in range(n)],
            "volts": [230.0 + i % 5 for i in range(n)],
        }
    ).to_csv(root / "meters.csv", index=False)
    pd.DataFrame(
        {
            "pack_id": range(n),
            "weight_g": [500.0 + i % 11 for i in range(n)],
            "line": [["a", "b"][i % 2] for i in range(n)],
            "leak_fail": ["Y" if i % 9 == 0 else "N" for i in range(n)],
        }
    ).to_csv(root / "packs.csv", index=False)
    moods = ["happy", "sad", "meh"]
    pd.DataFrame(
        {
            "note_id": [f"N{i}" for i in range(n)],
            "body": [f"today the {moods[i % 3]} weather was number {i} of many" for i in range(n)],
            "mood": [moods[i % 3] if i % 4 == 0 else None for i in range(n)],
        }
    ).to_csv(root / "notes.csv", index=False)
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "handbook.md").write_text(
        "# Arrival\n\nSign in at the desk and collect a badge.\n\n"
        "# Safety\n\nGoggles are worn in every workshop at all times.\n"
    )


def tools(goal: str, memory: dict[str, Any] | None = None) -> list[str]:
    plan = plan_goal(goal, memory)
    assert plan.question is None, plan.question
    return [s.tool for s in plan.steps]


def test_a_window_of_rows_is_a_preview(files: None) -> None:
    assert tools("pull up 15 rows of claims.csv starting from row 40") == ["preview_rows"]
    assert tools("show me the frist 5 rows of meters.csv") == ["preview_rows"]


def test_questions_about_the_make_up_of_the_data_read_it(files: None) -> None:
    assert tools("how many claims in claims.csv were scams?") == ["inspect_dataset"]
    assert tools("how are the regions spread out in claims.csv?") == ["inspect_dataset"]


def test_domain_words_follow_the_data(files: None) -> None:
    # An outcome column in the table, or a model asked for: a model, not a detector.
    for goal in (
        "train a logistic model on claims.csv and name it scam_lr",
        "Build something on packs.csv and report recall, 0.7 is enough.",
    ):
        plan = plan_goal(goal)
        # a model's plan, or a model's question (which column to predict), never a detector
        assert [s.tool for s in plan.steps] == ["train_model"] or (
            not plan.steps and "predict" in (plan.question or "")
        ), plan
    # No model and nothing to learn from: the detector.
    assert tools("flag scams in meters.csv") == ["detect_anomalies"]


def test_fake_rows_of_a_kind_are_synthetic(files: None) -> None:
    assert tools("make me 200 fake leaking packs from packs.csv") == [
        "train_generator",
        "generate_synthetic",
    ]


def test_a_spec_with_heading_lines_trains_once(files: None) -> None:
    goal = (
        "Model spec. Data: claims.csv; target: is_scam. Architecture: MLP, 3 hidden layers, "
        "dropout 0.2. Afterwards evaluate it on claims_test.csv."
    )
    assert tools(goal) == ["train_model", "evaluate_model"]


def test_held_out_numbers_on_a_file_fold_into_training(files: None) -> None:
    plan = plan_goal(
        "Fit a logistic baseline on claims.csv for is_scam. Report the held-out numbers on "
        "claims_test.csv."
    )
    assert [s.tool for s in plan.steps] == ["train_model"]
    assert plan.steps[0].args["test_dataset"] == "claims_test.csv"


def test_opinion_and_concept_questions_run_nothing(files: None) -> None:
    plan = plan_goal(
        "Is recall or precision the better yardstick for claims.csv? Just your opinion, "
        "don't train anything."
    )
    assert not plan.steps and plan.answer and "Precision" in plan.answer
    plan = plan_goal("Conceptually, why keep the probabilities instead of hard labels?")
    assert not plan.steps and plan.answer and "probabilit" in plan.answer


def test_what_follows_a_labeling_run(files: None) -> None:
    assert tools("after labelling notes.csv from the mood column, correct one: N7 is happy") == [
        "label_dataset",
        "correct_labels",
    ]
    assert tools("label notes.csv off its mood column and open the review screen") == [
        "label_dataset",
        "labeling_workbench",
    ]
    assert tools("after you label notes.csv off the mood column, export the labels as parquet") == [
        "label_dataset",
        "export_labeled_data",
    ]


def test_labeling_function_wording(files: None) -> None:
    assert tools(
        "Only draft labeling functions for mood from notes.csv; don't run the labeling loop."
    ) == ["write_labeling_functions"]
    assert tools("keep writing mood rules for notes.csv until they cover 90% of the rows") == [
        "label_dataset"
    ]
    plan = plan_goal("Apply the rules in rules/mood.json to notes.csv")
    assert [s.tool for s in plan.steps] == ["apply_labeling_functions"]
    assert plan.steps[0].args["lfs_path"] == "rules/mood.json"


def test_finding_data(files: None) -> None:
    assert tools("Do we have anything about weather in here?") == ["list_local_datasets"]
    assert tools("Is there on kaggle some data about tides? Search only there.") == [
        "search_datasets"
    ]


def test_new_rows_described_earlier_are_predicted(files: None) -> None:
    goal = (
        "we just got new claims in claims_new.csv. learn the is_scam flags from claims.csv and "
        "tell me what flag each new one gets"
    )
    plan = plan_goal(goal)
    assert [s.tool for s in plan.steps] == ["train_model", "predict"]
    assert plan.steps[1].args["dataset"] == "claims_new.csv"


def test_a_set_from_documents_is_a_qa_set(files: None) -> None:
    goal = (
        "Test set from the handbook (docs/handbook.md). Chunking: one chunk per heading. "
        "Generation: 3 questions per chunk."
    )
    assert tools(goal) == ["chunk_documents", "generate_qa"]
