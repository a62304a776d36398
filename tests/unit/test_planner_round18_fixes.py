"""Round 18: documents filed a folder further down, a named folder of documents, leaderboard questions, out-of-time test sets, search terms, a hub dataset said as one word, and rules applied from the file they were written to (invented beekeeping-club files and wording)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.grounding import workspace_files
from agents.plan import Plan
from agents.planner import plan_goal
from agents.references import with_described_file
from settings import get_settings

ROWS = 60


@pytest.fixture
def club() -> Path:
    """Hive inspections of two seasons and this week's, a notes table, and the club's documents
    filed by subject two folders down (docs/apiary/, docs/shop/)."""
    root = get_settings().workspace
    hives = pd.DataFrame(
        {
            "hive_id": [f"H{300 + i}" for i in range(ROWS)],
            "frames_brood": [3 + i % 6 for i in range(ROWS)],
            "queen_seen": ["yes", "no", "yes"] * (ROWS // 3),
            "mite_count": [(i * 7) % 23 for i in range(ROWS)],
            "swarmed": ["no", "no", "yes", "no"] * (ROWS // 4),
        }
    )
    hives.to_csv(root / "hive_checks_2023.csv", index=False)
    hives.to_csv(root / "hive_checks_2024.csv", index=False)
    hives.drop(columns=["swarmed"]).to_csv(root / "hive_checks_now.csv", index=False)
    pd.DataFrame(
        {
            "note_id": [f"N{i}" for i in range(ROWS)],
            "note": [f"calm colony, frame {i % 9} capped" for i in range(ROWS)],
            "mood": [["calm", "defensive", None][i % 3] for i in range(ROWS)],
        }
    ).to_csv(root / "keeper_notes.csv", index=False)
    for folder, name, text in (
        ("apiary", "swarm_control_guide.md", "# Swarm control\n\nSplit the colony early.\n"),
        ("apiary", "winter_feeding.txt", "Feed fondant from November.\n"),
        ("shop", "honey_labelling_rules.md", "# Labels\n\nName the origin and weight.\n"),
    ):
        (root / "docs" / folder).mkdir(parents=True, exist_ok=True)
        (root / "docs" / folder / name).write_text(text * 20)
    return root


def _tools(plan: Plan) -> list[str]:
    return [s.tool for s in plan.steps]


def test_documents_a_folder_further_down_are_listed(club: Path) -> None:
    files = workspace_files()
    assert "docs/apiary/swarm_control_guide.md" in files
    assert "docs/shop/honey_labelling_rules.md" in files
    (club / "docs" / "apiary" / "old").mkdir()
    (club / "docs" / "apiary" / "old" / "hives.csv").write_text("a\n1\n")
    assert not any(f.endswith("hives.csv") for f in workspace_files())  # no tables that deep


def test_a_described_document_a_folder_down_is_chunked_without_a_question(club: Path) -> None:
    plan = plan_goal("Turn the swarm control guide into a Q&A set for new members, 2 per part.")
    assert plan.question is None
    assert _tools(plan)[:2] == ["chunk_documents", "generate_qa"]
    assert plan.steps[0].args["paths"] == ["docs/apiary/swarm_control_guide.md"]


def test_a_named_folder_gives_its_documents(club: Path) -> None:
    plan = plan_goal("chunk both docs under docs/apiary and generate QA, 3 per chunk")
    assert plan.question is None
    assert sorted(plan.steps[0].args["paths"]) == [
        "docs/apiary/swarm_control_guide.md",
        "docs/apiary/winter_feeding.txt",
    ]
    plan = plan_goal("make questions and answers from everything in the shop folder")
    assert plan.steps[0].args["paths"] == ["docs/shop/honey_labelling_rules.md"]
    plan = plan_goal("chunk the apiary markdown docs by heading, judge threshold 0.6, gen QA")
    assert plan.steps[0].args["paths"] == ["docs/apiary/swarm_control_guide.md"]
    assert plan.steps[1].args["quality_threshold"] == 0.6


def test_nothing_is_written_inside_a_folder_path(club: Path) -> None:
    goal, _ = with_described_file("QA pairs from the docs in docs/apiary", workspace_files())
    assert "docs/docs" not in goal
    assert "docs/apiary/winter_feeding.txt" in goal


def test_which_models_rank_highest_asks_the_leaderboard(club: Path) -> None:
    plan = plan_goal("Which image-classification models rank highest on cifar10 by accuracy?")
    assert plan.answer is None
    assert _tools(plan) == ["model_leaderboard"]
    assert plan.steps[0].args["dataset"] == "cifar10"
    # the thread's own models are still the thread's
    plan = plan_goal("which of the models we trained had the best recall?")
    assert _tools(plan) == []
    assert plan.answer


def test_an_out_of_time_test_set_is_the_training_test_set(club: Path) -> None:
    plan = plan_goal(
        "swarm model: y=swarmed on hive_checks_2023.csv, logistic; OOT test = hive_checks_2024.csv"
    )
    assert plan.steps[0].args["test_dataset"] == "hive_checks_2024.csv"
    plan = plan_goal(
        "y = swarmed on hive_checks_2023.csv, AUC target .7, OOT on hive_checks_2024.csv, "
        "then score hive_checks_now.csv"
    )
    assert _tools(plan) == ["train_model", "predict"]
    assert plan.steps[0].args["test_dataset"] == "hive_checks_2024.csv"
    assert plan.steps[1].args["dataset"] == "hive_checks_now.csv"


def test_search_terms_are_the_use_or_the_asked_topic(club: Path) -> None:
    plan = plan_goal("are there public datasets I could use for forecasting honey yield?")
    assert plan.steps[0].args["query"] == "forecasting honey yield"
    plan = plan_goal(
        "I was thinking about selling candles - is there anything about beeswax prices on kaggle?"
    )
    assert plan.steps[0].args["query"] == "beeswax prices"


def test_a_hub_dataset_said_as_one_word_beside_a_hub_verb(club: Path) -> None:
    plan = plan_goal("before pulling emotion from the hub, list its configs and splits")
    assert plan.question is None
    configs = [s for s in plan.steps if s.tool == "dataset_configs"]
    assert [s.args["dataset_id"] for s in configs] == ["emotion"]
    plan = plan_goal("list the configs and splits of emotion")
    assert [(s.tool, s.args["dataset_id"]) for s in plan.steps] == [("dataset_configs", "emotion")]
    assert plan_goal("list its configs").question  # nothing named: still asks


def test_rules_applied_after_writing_them_to_a_file_read_that_file(club: Path) -> None:
    plan = plan_goal(
        "write labeling functions for keeper_notes.csv from the mood column into "
        "rules/mood_rules.json, then apply them to keeper_notes.csv"
    )
    assert _tools(plan) == ["write_labeling_functions", "apply_labeling_functions"]
    assert plan.steps[1].args["lfs_path"] == "rules/mood_rules.json"
    assert "labeling_functions" not in plan.steps[1].args
    plan = plan_goal(
        "write labeling functions for keeper_notes.csv from the mood column, then apply them"
    )
    assert plan.steps[1].args["labeling_functions"] == "${steps.0.labeling_functions}"
