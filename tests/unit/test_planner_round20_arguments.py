"""Round 20: arguments of goals whose tools are right (invented beekeeping-cooperative files and
wording): a target said outside the training's clause, a file held out as the test set."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.arguments import (
    _looked_up_in_plan,
    _synthetic_count,
    anomaly_options,
    quality_floor,
)
from agents.options import stated
from agents.plan import Plan, Planning
from agents.planner import _carry_metric, plan_goal, validation_share
from agents.slots import extract_slots, extract_targets
from settings import get_settings

ROWS = 60


def _hives(with_label: bool = True) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "hive_id": [f"H{700 + i}" for i in range(ROWS)],
            "apiary": ["ridge", "orchard", "meadow"] * (ROWS // 3),
            "frames_brood": [3 + (i * 5) % 8 for i in range(ROWS)],
            "mite_count": [(i * 11) % 40 for i in range(ROWS)],
            "keeper_note": [f"queen seen, calm, frame {i % 9} heavy" for i in range(ROWS)],
            "swarmed": ["no", "no", "yes", "no"] * (ROWS // 4),
        }
    )
    return frame if with_label else frame.drop(columns=["swarmed"])


@pytest.fixture
def hives() -> Path:
    """Inspections to learn from, a held-out season, and this spring's hives (no outcome)."""
    root = get_settings().workspace
    _hives().to_csv(root / "hives_train.csv", index=False)
    _hives().to_csv(root / "hives_test.csv", index=False)
    _hives(with_label=False).to_csv(root / "hives_spring.csv", index=False)
    return root


def _trainer(plan: Plan) -> dict:
    return next(s.args for s in plan.steps if s.tool == "train_model")


def test_a_target_said_outside_the_trainings_clause() -> None:
    # the training built from another clause ('name the model x') than the one that said the
    # metric and its value (planned as a prediction with no model, dropped)
    goal = (
        "Take hives_train.csv and predict swarmed with an MLP, aiming for a validation F1 of "
        "0.7 within at most 3 attempts; name the model swarm_watch"
    )
    planning = Planning(memory={}, goal=goal)
    planning.add("train_model", {"dataset": "hives_train.csv", "name": "swarm_watch"}, "")
    _carry_metric(planning, goal)
    args = planning.steps[0].args
    assert (args["target_metric"], args["target_value"]) == ("f1", 0.7)
    planning = Planning(memory={}, goal="Learn swarmed from hives_train.csv. Judged on F1.")
    planning.add("train_model", {"dataset": "hives_train.csv"}, "")
    _carry_metric(planning, planning.goal)
    assert "target_value" not in planning.steps[0].args  # no value said: one attempt


def test_a_file_held_out_as_the_test_set(hives: Path) -> None:
    for goal in (
        "MLP on hives_train.csv for swarmed, hives_test.csv held out as the test set",
        "Learn swarmed from hives_train.csv with hives_test.csv kept back",
    ):
        args = _trainer(plan_goal(goal))
        assert args["dataset"] == "hives_train.csv", goal
        assert args["test_dataset"] == "hives_test.csv", goal


def test_detectors_ruled_out_are_not_run() -> None:
    said = anomaly_options("outlier scores from isolation forest and LOF only (no CVAE, no pairs)")
    assert said["detectors"] == ["isolation_forest", "local_outlier_factor"]
    said = anomaly_options("score the hives with isolation forest and the autoencoder, not LOF")
    assert said["detectors"] == ["isolation_forest", "cvae"]


def test_a_hedged_count_that_ends_the_goal() -> None:
    assert _synthetic_count("hive inspections... could you make fake ones? like 300") == 300
    assert _synthetic_count("made-up hives that look real please, about 250 or so.") == 250
    assert _synthetic_count("made-up hives from hives_train.csv, 2024") is None


def test_a_suggestion_query_without_the_sentences_marks() -> None:
    for goal, query in (
        ("what dataset names on kaggle start with apiary? just the names", "apiary"),
        (
            "I think there's a dataset called something like 'bee-hea...' - autocomplete it",
            "bee-hea",
        ),
    ):
        plan = plan_goal(goal)
        assert [s.tool for s in plan.steps] == ["suggest_datasets"], goal
        assert plan.steps[0].args["query"] == query, goal


def test_a_terse_quality_floor() -> None:
    assert quality_floor("QA pairs from docs/hive_care.md, 2/chunk, q>=0.75, jsonl") == 0.75
    assert quality_floor("qual > .8 please") == 0.8
    assert quality_floor("the q1 swarm report") is None


def test_a_greeting_clause_takes_the_goals_quoted_word() -> None:
    plan = plan_goal(
        "Hi there! I began typing 'apiary' into the dataset search and wondered what names "
        "come up - any suggestions?"
    )
    assert [s.tool for s in plan.steps] == ["suggest_datasets"]
    assert plan.steps[0].args["query"] == "apiary"


def test_an_evaluation_measures_the_file_said_tested_not_the_one_written(hives: Path) -> None:
    plan = plan_goal(
        "What we need: (1) an MLP trained on hives_train.csv predicting swarmed, (2) an "
        "evaluation on the holdout file hives_test.csv, (3) predictions for the spring hives in "
        "hives_spring.csv written to swarm_risk.csv."
    )
    evaluation = next(s.args for s in plan.steps if s.tool == "evaluate_model")
    assert evaluation["dataset"] == "hives_test.csv"


def test_a_switch_said_on() -> None:
    said = stated("train_generator", "CVAE on hives_train.csv by swarmed with the utility check")
    assert said["measure_utility"] is True
    assert (
        stated("train_generator", "CVAE on hives_train.csv, no utility holdout")["measure_utility"]
        is False
    )


# -- numbers and settings said tersely ------------------------------------------------------------


def test_a_share_held_out_of_the_training_rows() -> None:
    assert validation_share("hold out 20% of the training rows instead") == 0.2
    assert validation_share("can a model learn it from the frames? test is 30 percent") == 0.3
    assert validation_share("report the test accuracy of 80%") is None


def test_a_count_shown_ends_an_anomaly_goal() -> None:
    assert anomaly_options("anomalys in hives_train.csv, show 5")["top_k"] == 5


def test_numbers_of_hub_goals(hives: Path) -> None:
    plan = plan_goal("trending hf datasets, 5")
    assert plan.steps[0].args["limit"] == 5
    plan = plan_goal(
        "Pull the Kaggle dataset beekeepers/hive-weights, version 2, into datasets/hw."
    )
    assert plan.steps[0].args["dataset_id"] == "beekeepers/hive-weights"
    assert plan.steps[0].args["revision"] == "2"
    plan = plan_goal("download_dataset kaggle owner/slug = beekeepers/hive-weights, version 3")
    assert plan.steps[0].args["dataset_id"] == "beekeepers/hive-weights"
    assert plan.steps[0].args["revision"] == "3"


def test_a_config_downloaded_after_the_configs_looked_up() -> None:
    planning = Planning(memory={}, goal="configs of bees/apis, then download the en config")
    planning.add("dataset_configs", {"dataset_id": "bees/apis"}, "")
    clause = extract_slots("and then download the en config")
    assert _looked_up_in_plan(planning, clause) == ("bees/apis", None, "en")
    clause = extract_slots("and then download it")
    assert _looked_up_in_plan(planning, clause) is None  # no config said: not this reading


def test_generator_and_chunk_settings_in_clauses_of_their_own(hives: Path) -> None:
    plan = plan_goal(
        "fit a CVAE on hives_train.csv, label swarmed, latent 4, 200 epochs, then 50 yes rows "
        "to fake_swarms.parquet"
    )
    generator = next(s.args for s in plan.steps if s.tool == "train_generator")
    assert generator["latent_dim"] == 4
    (hives / "docs").mkdir()
    (hives / "docs" / "hive_care.md").write_text("# Care\n\nInspect frames weekly.\n" * 20)
    plan = plan_goal("fixed-window chunking of docs/hive_care.md, 300 tokens overlap 30")
    chunking = plan.steps[0].args
    assert (chunking["chunk_size"], chunking["chunk_overlap"]) == (300, 30)
    assert extract_targets("a 2-question-per-chunk QA set over docs/hive_care.md")["per_chunk"] == 2


# -- the class of synthetic rows ------------------------------------------------------------------


def test_rows_of_a_value_condition_the_generator_on_its_column(hives: Path) -> None:
    frame = _hives().assign(grade=["G1", "G2", "G2", "G3"] * (ROWS // 4))
    frame.to_csv(hives / "graded_hives.csv", index=False)
    plan = plan_goal(
        "we have few G3 hives in graded_hives.csv. can you generate 40 more fake G3 rows "
        "to g3_fake.csv?"
    )
    generator = next(s.args for s in plan.steps if s.tool == "train_generator")
    assert generator["label_column"] == "grade"
    assert next(s.args for s in plan.steps if s.tool == "generate_synthetic")["label"] == "G3"


def test_a_column_then_its_value_after_label(hives: Path) -> None:
    plan = plan_goal(
        "make 30 syntethic hive rows from hives_train.csv, label apiary ridge, into ridge.csv"
    )
    assert next(s.args for s in plan.steps if s.tool == "generate_synthetic")["label"] == "ridge"
