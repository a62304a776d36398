"""Round 17: questions a careful analyst would not ask, and arguments of goals routed right
(invented bicycle-workshop tables and wording): a label column said whole beside a gold file of
another label name, a table family whose name ends in a role word, 'infer' after a training,
rules written then voted, settings said beside a test file, an outcome value said as the rows'
verb, and 'that file' on an empty thread next to a description."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.plan import Plan
from agents.planner import plan_goal
from agents.references import described_files
from settings import get_settings

ROWS = 80
NOTES = [
    "squeal from the front pads on every stop",
    "rotor warped after the long descent",
    "lever feels spongy, air in the line",
    "all fine, pads have plenty left",
]


@pytest.fixture
def workshop() -> Path:
    """Brake tests (a family: the table, its train and test versions), a mechanic's checked
    sample under another label name, a batch without outcomes, and ride logs of two seasons."""
    root = get_settings().workspace
    tests = pd.DataFrame(
        {
            "bike_id": [f"B{500 + i}" for i in range(ROWS)],
            "bike_model": ["gravel", "road", "city", "cargo", "mtb"] * (ROWS // 5),
            "pad_wear_mm": [1.0 + (i % 7) * 0.5 for i in range(ROWS)],
            "rotor_temp_c": [60 + (i * 13) % 90 for i in range(ROWS)],
            "mechanic_note": [f"{NOTES[i % 4]} (bay {i})" for i in range(ROWS)],
            "rider_complaint": [
                None
                if i % 10 == 0
                else ["squeaks", "pulls left", "soft lever", "grinds"][i % 4]
                + f" after {i % 3} rides"
                for i in range(ROWS)
            ],
            "fault_type": [
                ["pads", "rotor", "hydraulic", "none"][i % 4] if i % 3 == 0 else None
                for i in range(ROWS)
            ],
            "verdict": ["pass", "fail", "pass", "pass"] * (ROWS // 4),
            "rework": ["yes", "no"] * (ROWS // 2),
            "warranty": ["no", "no", "yes", "no"] * (ROWS // 4),
        }
    )
    tests.to_csv(root / "brake_tests.csv", index=False)
    full = tests.assign(
        fault_type=[["pads", "rotor", "hydraulic", "none"][i % 4] for i in range(ROWS)]
    )
    full.head(60).to_csv(root / "brake_tests_train.csv", index=False)
    full.tail(20).to_csv(root / "brake_tests_test.csv", index=False)
    full.drop(columns=["fault_type", "verdict", "rework"]).head(15).to_csv(
        root / "brake_new.csv", index=False
    )
    checked = pd.DataFrame(
        {
            "bike_id": [f"B{500 + i}" for i in range(0, 40, 2)],
            "checked_fault": ["pads", "rotor", "hydraulic", "none"] * 5,
        }
    )
    checked.to_csv(root / "mechanic_checked.csv", index=False)
    rides = pd.DataFrame(
        {
            "ride_id": [f"R{i}" for i in range(40)],
            "km": [5 + i % 30 for i in range(40)],
            "stops": [i % 9 for i in range(40)],
        }
    )
    rides.to_csv(root / "ride_logs_autumn.csv", index=False)
    orders = pd.DataFrame(
        {
            "order_id": [f"O{i}" for i in range(ROWS)],
            "bell_style": ["ding", "dong", "brass", "retro", "mini"] * (ROWS // 5),
            "price": [9 + i % 11 for i in range(ROWS)],
            "returned_items": [i % 6 for i in range(ROWS)],
            "was_returned": ["no", "no", "yes", "no"] * (ROWS // 4),
            "gift_wrapped": ["yes", "no"] * (ROWS // 2),
        }
    )
    orders.to_csv(root / "bell_orders.csv", index=False)
    rides.to_csv(root / "ride_logs_spring.csv", index=False)
    return root


def _step(plan: Plan, tool: str) -> dict[str, Any]:
    return next(s.args for s in plan.steps if s.tool == tool)


def test_a_label_column_said_whole_is_filled_beside_a_gold_of_another_label_name(
    workshop: Path,
) -> None:
    plan = plan_goal(
        "fill blank fault_type in brake_tests.csv, gold = mechanic_checked.csv, acc 0.8"
    )
    args = _step(plan, "label_dataset")
    assert args["label_column"] == "fault_type"  # was the gold's checked_fault
    assert args["gold_label_column"] == "checked_fault"


def test_a_family_name_ending_in_a_role_word_names_the_family_table(workshop: Path) -> None:
    files = sorted(p.name for p in workshop.iterdir())
    assert described_files("how complete is the workshop's brake test file?", files) == [
        "brake_tests.csv"
    ]
    assert described_files("the brake tests test file", files) == ["brake_tests_test.csv"]
    assert described_files("the brake test training rows", files) == ["brake_tests_train.csv"]
    plan = plan_goal(
        "Before the service audit I want to know how many bikes in the workshop's brake test "
        "results still have no fault type. Just have a look and tell me."
    )
    assert [s.tool for s in plan.steps] == ["inspect_dataset"]
    assert _step(plan, "inspect_dataset")["dataset"] == "brake_tests.csv"


def test_infer_on_a_file_after_a_training_is_a_prediction(workshop: Path) -> None:
    plan = plan_goal(
        "Fault model: train on brake_tests_train.csv (y = fault_type), then infer on "
        "brake_new.csv -> brake_preds.csv."
    )
    assert [s.tool for s in plan.steps] == ["train_model", "predict"]
    assert _step(plan, "predict")["dataset"] == "brake_new.csv"


def test_rules_written_in_the_goal_are_the_ones_voted(workshop: Path) -> None:
    plan = plan_goal(
        "Write LFs for fault_type from the tagged rows of brake_tests.csv to brake_lfs.json, "
        "then majority-vote them over brake_tests.csv into brake_voted.csv."
    )
    assert plan.question is None
    assert [s.tool for s in plan.steps] == ["write_labeling_functions", "vote_labels"]
    vote = _step(plan, "vote_labels")
    assert vote["labeling_functions"] == "brake_lfs.json"  # the file the rules are written to
    assert vote["output_path"] == "brake_voted.csv"


def test_settings_said_beside_the_test_file_are_the_trainings(workshop: Path) -> None:
    plan = plan_goal(
        "Fault classifier: y = fault_type, train brake_tests_train.csv, test "
        "brake_tests_test.csv, logistic, target AUC 0.9."
    )
    assert [s.tool for s in plan.steps] == ["train_model"]
    args = _step(plan, "train_model")
    assert args["test_dataset"] == "brake_tests_test.csv"
    assert args["model"] == "logistic"
    assert (args["target_metric"], args["target_value"]) == ("auc", 0.9)


def test_an_outcome_value_said_as_the_rows_verb_names_the_label(workshop: Path) -> None:
    plan = plan_goal("could we predict which bikes fail, learning from brake_tests_train.csv?")
    assert plan.question is None
    assert _step(plan, "train_model")["label_column"] == "verdict"


def test_that_file_on_an_empty_thread_is_the_file_described(workshop: Path) -> None:
    plan = plan_goal("the office asked about the autumn ride logs, can you look at that file")
    assert _step(plan, "inspect_dataset")["dataset"] == "ride_logs_autumn.csv"
    # nothing described: still asked
    assert plan_goal("can you look at that file").question


def test_a_copula_in_a_yes_no_column_name_spells_no_outcome(workshop: Path) -> None:
    plan = plan_goal("could we predict which bell orders were returned?")
    assert plan.question is None
    assert _step(plan, "train_model")["label_column"] == "was_returned"


def test_of_two_named_columns_with_gaps_the_one_said_as_text_is_read(workshop: Path) -> None:
    plan = plan_goal("WS-label fault_type in brake_tests.csv off the rider_complaint text.")
    args = _step(plan, "label_dataset")
    assert args["label_column"] == "fault_type"  # was the text column, first in the table
    assert args["text_column"] == "rider_complaint"


def test_two_plain_words_joined_by_a_hyphen_describe_a_file(workshop: Path) -> None:
    files = sorted(p.name for p in workshop.iterdir())
    assert described_files("open the mechanic-checked sample", files) == ["mechanic_checked.csv"]


def test_a_hub_task_in_its_own_hyphenated_form_is_the_leaderboards_task(workshop: Path) -> None:
    plan = plan_goal("Leaderboard for tabular-regression models, top 4.")
    assert _step(plan, "model_leaderboard")["task"] == "tabular-regression"
