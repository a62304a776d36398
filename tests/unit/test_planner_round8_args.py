"""Round 8 argument binding: data-evident id columns, save_table's format and name from the
words, and training settings written as a specification (invented tables and wording)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.arguments import loop_options, said_table_format
from agents.planner import network_options
from agents.slots import extract_targets
from settings import get_settings
from tests.utils.planning import plan_tools as _plan
from tools.profile import evident_id, profile_table

ROWS = 60


@pytest.fixture
def ws() -> Path:
    """Invented tables: tenancy cases keyed by case_no, claims by claim_ref, bird sightings by a
    numeric sighting_id, members with only a unique e-mail and name, orders with a repeated
    customer_id beside the unique order_id, grain lots keyed by code values, and a table with
    two unique id columns."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    n = ROWS
    pd.DataFrame(
        {
            "case_no": [f"T-{4100 + i}" for i in range(n)],
            "opened": pd.date_range("2026-02-01", periods=n).astype(str),
            "complaint": [
                f"the boiler in flat {i} keeps cutting out at night" if i % 2 else None
                for i in range(n)
            ],
            "severity": [["urgent", "routine", None][i % 3] for i in range(n)],
            "repair_cost": [80.0 + (i * 7) % 55 for i in range(n)],
        }
    ).to_csv(root / "tenancy_cases.csv", index=False)
    pd.DataFrame(
        {
            "claim_ref": [f"CLM{7300 + i}" for i in range(n)],
            "holder_name": [f"Robin Tester{i}" for i in range(n)],
            "amount": [400.0 + (i * 37) % 900 for i in range(n)],
            "days_to_report": [(i * 5) % 41 for i in range(n)],
            "region": ["north", "south", "coast"] * (n // 3),
            "fraud": ["yes", "no", "no", "no"] * (n // 4),
        }
    ).to_csv(root / "cover_claims.csv", index=False)
    pd.DataFrame(
        {
            "sighting_id": range(900, 900 + n),
            "species": ["wren", "kite", "heron"] * (n // 3),
            "weight_g": [10.0 + (i * 3) % 17 for i in range(n)],
            "wingspan_cm": [15.0 + (i * 2) % 13 for i in range(n)],
        }
    ).to_csv(root / "bird_walks.csv", index=False)
    pd.DataFrame(
        {
            "email": [f"member{i}@club.example" for i in range(n)],
            "full_name": [f"Sam Member{i}" for i in range(n)],
            "visits": [(i * 3) % 20 for i in range(n)],
            "lapsed": ["yes", "no", "no"] * (n // 3),
        }
    ).to_csv(root / "gym_members.csv", index=False)
    pd.DataFrame(
        {
            "order_id": range(n),
            "customer_id": [i % 12 for i in range(n)],
            "basket": [20.0 + (i * 11) % 70 for i in range(n)],
            "late": ["y", "n", "n"] * (n // 3),
        }
    ).to_csv(root / "cafe_orders.csv", index=False)
    pd.DataFrame(
        {
            "lot": [f"L{i:04d}" for i in range(n)],
            "moisture": [11.0 + (i % 7) / 3 for i in range(n)],
            "grade": ["A", "B", "B"] * (n // 3),
        }
    ).to_csv(root / "grain_lots.csv", index=False)
    pd.DataFrame(
        {
            "visit_id": range(n),
            "patient_no": [f"P{i:03d}" for i in range(n)],
            "pulse": [60 + i % 30 for i in range(n)],
            "triage": ["red", "green", "green"] * (n // 3),
        }
    ).to_csv(root / "clinic_visits.csv", index=False)
    return root


# --- 1. data-evident id columns ---------------------------------------------------------------


def test_the_evident_id_is_the_one_unique_identifier_column(ws: Path) -> None:
    assert evident_id(profile_table("tenancy_cases.csv")) == "case_no"  # dates are not ids
    assert evident_id(profile_table("cover_claims.csv")) == "claim_ref"
    assert evident_id(profile_table("bird_walks.csv")) == "sighting_id"
    assert evident_id(profile_table("grain_lots.csv")) == "lot"  # values like 'L0042'
    assert evident_id(profile_table("cafe_orders.csv")) == "order_id"  # customer_id repeats
    assert evident_id(profile_table("gym_members.csv")) is None  # an e-mail or a name is not
    assert evident_id(profile_table("clinic_visits.csv")) is None  # two compete


def test_anomalies_report_rows_by_the_evident_id(ws: Path) -> None:
    tools, args = _plan("which of the cover claims in cover_claims.csv look fishy?")
    assert tools == ["detect_anomalies"]
    assert args["detect_anomalies"]["id_column"] == "claim_ref"


def test_training_keeps_the_evident_id_out_of_the_features(ws: Path) -> None:
    tools, args = _plan("fit a classifier on cover_claims.csv that predicts fraud")
    assert tools == ["train_model"]
    assert args["train_model"]["label_column"] == "fraud"
    assert args["train_model"]["id_column"] == "claim_ref"


def test_a_generator_and_labeling_get_the_evident_id(ws: Path) -> None:
    _, args = _plan("train a synthetic data generator on bird_walks.csv conditioned on species")
    assert args["train_generator"]["id_column"] == "sighting_id"
    tools, args = _plan("tenancy_cases.csv: finish the severity labels for the rows still blank")
    assert tools == ["label_dataset"]
    assert args["label_dataset"]["id_column"] == "case_no"


def test_no_evident_id_leaves_the_default(ws: Path) -> None:
    _, args = _plan("fit a classifier on gym_members.csv that predicts lapsed")
    assert "id_column" not in args["train_model"]
    _, args = _plan("fit a classifier on clinic_visits.csv that predicts triage")
    assert "id_column" not in args["train_model"]


def test_the_id_the_person_names_wins(ws: Path) -> None:
    _, args = _plan("spot unusual rows in cafe_orders.csv and list them by customer id")
    assert args["detect_anomalies"]["id_column"] == "customer_id"
    _, args = _plan("spot unusual visits in clinic_visits.csv, report them by the patient number")
    assert args["detect_anomalies"]["id_column"] == "patient_no"


# --- 2. save_table's format and name --------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "fmt"),
    [
        ("keep it as JSON", "jsonl"),
        ("newline-delimited json please", "jsonl"),
        ("Format: parquet", "parquet"),
        ("an excel-friendly copy", "csv"),
        ("something the office can open in a spreadsheet", "csv"),
        ("in columnar format", "parquet"),
        ("save the csv as parquet", "parquet"),  # the format said as one, not the source's
        ("no format said", None),
    ],
)
def test_the_format_said_in_words(words: str, fmt: str | None) -> None:
    assert said_table_format(words) == fmt


def test_save_table_reads_format_and_name(ws: Path) -> None:
    _, args = _plan("store bird_walks.csv as newline-delimited json")
    assert args["save_table"]["format"] == "jsonl"
    _, args = _plan("make an Excel-friendly copy of grain_lots.csv named lots_for_office")
    assert args["save_table"] == {
        "dataset": "grain_lots.csv",
        "path": "lots_for_office.csv",
        "format": "csv",
    }
    _, args = _plan("Save cafe_orders.csv. Format: parquet. Name: orders_archive")
    assert args["save_table"]["format"] == "parquet"
    assert args["save_table"]["path"] == "orders_archive.parquet"
    _, args = _plan("write grain_lots.csv out to lots_dump.json")
    assert args["save_table"]["format"] == "jsonl"


# --- 3. training settings in a specification -------------------------------------------------


def test_spec_words_for_network_settings() -> None:
    assert network_options("depth 3; width 48; dropout rate 0.15") == {
        "layers": 3,
        "hidden_size": 48,
        "dropout": 0.15,
    }
    assert network_options("Regularise it with 30% dropout") == {"dropout": 0.3}
    assert network_options("net: 2x96 MLP") == {"layers": 2, "hidden_size": 96}
    assert network_options("hidden layers: 2, units per layer: 200") == {
        "layers": 2,
        "hidden_size": 200,
    }
    assert network_options("n_layers 3") == {"layers": 3}
    assert loop_options("try up to 4 times")["max_attempts"] == 4
    assert loop_options("max attempts 7")["max_attempts"] == 7


def test_a_semicolon_specification_binds_every_setting(ws: Path) -> None:
    tools, args = _plan(
        "Claims model spec: data cover_claims.csv; target column fraud; architecture mlp; "
        "depth 2; width 64; dropout rate 0.25; max attempts 6; done when f1 reaches 0.8."
    )
    assert tools == ["train_model"]
    assert args["train_model"] == {
        **args["train_model"],
        "dataset": "cover_claims.csv",
        "label_column": "fraud",
        "model": "mlp",
        "layers": 2,
        "hidden_size": 64,
        "dropout": 0.25,
        "max_attempts": 6,
        "target_metric": "f1",
        "target_value": 0.8,
    }


def test_a_bulleted_specification_binds_every_setting(ws: Path) -> None:
    tools, args = _plan(
        "What I need for the grain grading model\n"
        "- table: grain_lots.csv\n"
        "- predict: grade\n"
        "- network: 3x32 neural net\n"
        "- dropout = 0.1\n"
        "- budget: 4 attempts\n"
        "- stop once accuracy >= 0.9"
    )
    assert tools == ["train_model"]
    got = args["train_model"]
    assert (got["model"], got["layers"], got["hidden_size"], got["dropout"]) == ("mlp", 3, 32, 0.1)
    assert (got["max_attempts"], got["target_metric"], got["target_value"]) == (4, "accuracy", 0.9)


# --- 4. validation shares, targets in other words, a target between two loops ----------------


@pytest.mark.parametrize(
    ("words", "share"),
    [
        ("keep back 25 percent for validation", 0.25),
        ("Validation: 15% of the rows, stratified", 0.15),
        ("a 75/25 stratified split", 0.25),
        ("validate on 10% of the data", 0.1),
        ("validation share = 0.3", 0.3),
        ("reach 80% validation accuracy", None),  # a target, not a share
        ("a 60/30 split", None),  # does not add up
    ],
)
def test_the_validation_share_in_spec_words(words: str, share: float | None) -> None:
    assert network_options(words).get("validation_fraction") == share


@pytest.mark.parametrize(
    ("words", "targets"),
    [
        ("recall must be at least 0.65", {"recall": 0.65}),
        ("could it be 85% accurate?", {"accuracy": 0.85}),
        ("we hope to arrive to 70% of accuracy", {"accuracy": 0.7}),
        ("stop once the AUC on the checked rows reaches 0.88", {"auc": 0.88}),
    ],
)
def test_targets_said_in_other_words(words: str, targets: dict[str, float]) -> None:
    assert extract_targets(words) == targets


def test_a_target_between_two_loops_belongs_to_the_one_before(ws: Path) -> None:
    tools, args = _plan(
        "Work plan:\n1. Weak-label tenancy_cases.csv from the severity rows already filled in.\n"
        "2. Target coverage 0.9.\n3. Train a classifier on the probabilistic labels."
    )
    assert tools == ["label_dataset", "train_model"]
    assert args["label_dataset"]["target_metric"] == "coverage"
    assert args["label_dataset"]["target_value"] == 0.9
    assert "target_value" not in args["train_model"]
    _, args = _plan(
        "Weak-label tenancy_cases.csv from the severity rows already filled in, then train a "
        "classifier on the labels. We need 80% accuracy."
    )
    assert args["train_model"]["target_value"] == 0.8  # said after both: the last loop
