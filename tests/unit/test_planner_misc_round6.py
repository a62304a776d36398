"""Anomaly, preview, generator, inspection and listing arguments said in loose wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.arguments import _synthetic_count
from agents.planner import plan_goal
from settings import get_settings


@pytest.fixture
def pumps() -> Path:
    """A workspace with one table of pump readings whose `state` is ok / leak / stall."""
    ws = get_settings().workspace
    ws.mkdir(parents=True, exist_ok=True)
    states = ["ok"] * 20 + ["leak"] * 6 + ["stall"] * 4
    rows = [
        f"P{i:03d},{3.1 + (i % 7) * 0.2:.1f},{40 + i % 9},{'north' if i % 2 else 'south'},{s}"
        for i, s in enumerate(states)
    ]
    (ws / "pumps.csv").write_text("pump_id,pressure,flow,site,state\n" + "\n".join(rows) + "\n")
    return ws


def _step(goal: str, tool: str) -> dict:
    plan = plan_goal(goal)
    assert plan.question is None, plan.question
    step = next((s for s in plan.steps if s.tool == tool), None)
    assert step is not None, [s.tool for s in plan.steps]
    return step.args


def test_anomaly_count_threshold_and_class_column(pumps: Path) -> None:
    args = _step(
        "Run outlier detection on pumps.csv and list the twelve oddest pumps; "
        "flag anything scoring above 2.5.",
        "detect_anomalies",
    )
    assert args["top_k"] == 12
    assert args["threshold"] == 2.5
    args = _step(
        "Outlier screening of pumps.csv: use state as the class column, show the top 7.",
        "detect_anomalies",
    )
    assert args["label_column"] == "state"
    assert args["top_k"] == 7


def test_preview_ranges_count_the_round_number(pumps: Path) -> None:
    args = _step("show rows 20 to 29 of pumps.csv", "preview_rows")
    assert (args["offset"], args["limit"]) == (20, 10)
    args = _step("show rows 5 to 15 of pumps.csv", "preview_rows")
    assert (args["offset"], args["limit"]) == (5, 10)
    args = _step("in pumps.csv skip the first 12 rows and show the next 6", "preview_rows")
    assert args["limit"] == 6


def test_generator_class_column_from_the_value_asked_for(pumps: Path) -> None:
    plan = plan_goal("We rarely see leaks. Make 300 more fake leak rows from pumps.csv.")
    gen = next(s for s in plan.steps if s.tool == "train_generator")
    sample = next(s for s in plan.steps if s.tool == "generate_synthetic")
    assert gen.args["label_column"] == "state"
    assert sample.args["label"] == "leak"
    assert sample.args["n"] == 300
    args = _step(
        "Synthetic pump data:\n1. Train a generator on pumps.csv, class column state.\n"
        "2. Generate 40 synthetic rows of the stall class.",
        "generate_synthetic",
    )
    assert args["label"] == "stall"


def test_synthetic_count_with_thousands_and_sets() -> None:
    assert _synthetic_count("a stand-in batch of 2,500 pumps for the vendor") == 2500
    assert _synthetic_count("synthetic pump rows: 750, class leak") == 750


def test_inspection_class_column_from_values_named(pumps: Path) -> None:
    args = _step(
        "In pumps.csv, how many of the pumps are stalls? Just the count.", "inspect_dataset"
    )
    assert args["label_column"] == "state"


def test_listing_narrowed_to_a_topic(pumps: Path) -> None:
    args = _step("anything about turbines lying around?", "list_local_datasets")
    assert args == {"query": "turbine"}


def test_qa_settings_in_loose_wording() -> None:
    from agents.arguments import qa_options

    assert qa_options("quiz from the kiln manual, 2 each, keep it short")["datasets_per_chunk"] == 2
    assert qa_options("5 conceptual QA per chunk")["datasets_per_chunk"] == 5
    assert qa_options("QA with at most 4 generation rounds")["max_attempts"] == 4
    assert qa_options("two judging rounds at most, please")["max_attempts"] == 2
    assert (
        qa_options("generate pairs with the quality analysis turned off")["analyze_quality"]
        is False
    )
    assert qa_options("pairs from the first 8 chunks only")["max_chunks"] == 8


def test_split_ratios_other_than_the_default() -> None:
    from agents.arguments import split_ratios

    assert split_ratios("export with a 60/20/20 split") == {
        "train": 0.6,
        "validation": 0.2,
        "test": 0.2,
    }
    assert split_ratios("split 0.9/0.05/0.05 by chunk") == {
        "train": 0.9,
        "validation": 0.05,
        "test": 0.05,
    }
    assert split_ratios("the usual 80/10/10 split") is None  # the default: splits=True
    assert split_ratios("dated 12/03/2026") is None


def test_plain_file_over_its_dated_version() -> None:
    from agents.references import described_files

    files = ["kiln_batches.csv", "kiln_batches_2027.csv", "glaze_notes.md"]
    assert described_files("which kiln batches look odd?", files) == ["kiln_batches.csv"]
    # the year said picks the dated file
    assert described_files("which 2027 kiln batches look odd?", files) == ["kiln_batches_2027.csv"]


def test_hub_dataset_named_without_owner() -> None:
    from agents.arguments import bare_hub_name

    assert bare_hub_name("which configs does the HF dataset tide_tables expose?") == "tide_tables"
    assert bare_hub_name("splits for moth-wings on hugging face") == "moth-wings"
    assert bare_hub_name("what configs does it have") is None
    assert bare_hub_name("configs of kiln_a or kiln_b") is None  # two names: ask


def test_listing_topic_read_as_a_described_file(pumps: Path) -> None:
    (pumps / "turbine_logs.csv").write_text("turbine_id,rpm\nT1,1200\nT2,1180\n")
    args = _step("anything about turbines in here?", "list_local_datasets")
    assert args == {"query": "turbine"}


def test_chunking_a_table_names_its_text_column() -> None:
    ws = get_settings().workspace
    ws.mkdir(parents=True, exist_ok=True)
    (ws / "sermons.csv").write_text("sermon_id,body\n1,Be kind.\n2,Be patient.\n")
    args = _step("chunk sermons.csv (text col body) and make QA, 2 per chunk", "chunk_documents")
    assert args["text_column"] == "body"
