"""Round 10: no question back when a file the person named, a bundled set or an earlier step
of the plan already fills the argument (invented pottery-studio tables and wording)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.plan import Planning
from agents.planner import _bound_otherwise, plan_goal
from agents.references import format_described
from agents.slots import extract_slots
from settings import get_settings
from tests.utils.planning import plan_tools as _plan

ROWS = 90


@pytest.fixture
def ws() -> Path:
    """Kiln firings (a `cracked` outcome, partly filled), their reviewer gold, glaze notes with a
    partly filled `finish`, and one parquet table of clay batches."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    firings = {
        "firing_id": [f"K-{500 + i}" for i in range(ROWS)],
        "peak_temp": [1180 + (i * 13) % 90 for i in range(ROWS)],
        "hours": [6 + i % 5 for i in range(ROWS)],
        "kiln": [["gas", "electric", "wood"][i % 3] for i in range(ROWS)],
    }
    pd.DataFrame(firings).to_csv(root / "kiln_firings.csv", index=False)
    gold = {
        "firing_id": [f"K-{500 + i}" for i in range(30)],
        "cracked": [["yes", "no"][i % 2] for i in range(30)],
    }
    pd.DataFrame(gold).to_csv(root / "kiln_gold.csv", index=False)
    words = ["glossy and smooth after the second coat", "matte with small pinholes near rim"]
    notes = {
        "note_id": [f"G{i}" for i in range(ROWS)],
        "note": [f"{words[i % 2]} batch {i}" for i in range(ROWS)],
        "finish": [["gloss", "matte"][i % 2] if i < 25 else None for i in range(ROWS)],
    }
    pd.DataFrame(notes).to_csv(root / "glaze_notes.csv", index=False)
    other = {
        "row": list(range(ROWS)),
        "text": [f"{words[(i + 1) % 2]} mug {i}" for i in range(ROWS)],
        "tag": [["chip", "ok"][i % 2] if i < 20 else None for i in range(ROWS)],
    }
    pd.DataFrame(other).to_csv(root / "mug_returns.csv", index=False)
    clay = {
        "batch": [f"B{i}" for i in range(ROWS)],
        "moisture": [0.1 + i / 900 for i in range(ROWS)],
    }
    pd.DataFrame(clay).to_parquet(root / "clay_batches.parquet", index=False)
    return root


def test_a_table_described_by_its_format_alone_is_the_one_of_that_format(ws: Path) -> None:
    files = ["kiln_firings.csv", "clay_batches.parquet", "glaze_notes.csv"]
    assert format_described("could you open the parquet file for me", files) == (
        "clay_batches.parquet"
    )
    assert format_described("could you open the csv file for me", files) is None  # two csvs
    tools, args = _plan("what columns does the parquet file have?")
    assert tools == ["inspect_dataset"]
    assert args["inspect_dataset"]["dataset"] == "clay_batches.parquet"


def test_a_bundled_set_is_what_a_save_reads(ws: Path) -> None:
    tools, args = _plan("could I get the iris dataset from scikit-learn as a parquet file here?")
    assert tools == ["save_table"]
    assert args["save_table"]["dataset"] == "iris"
    assert args["save_table"]["format"] == "parquet"


def test_a_prediction_after_training_on_labeled_rows_reads_the_labeled_table(ws: Path) -> None:
    tools, args = _plan(
        "label kiln_firings.csv using the gold in kiln_gold.csv, train on it, "
        "then predict -> kiln_cracks.csv"
    )
    assert tools == ["label_dataset", "train_model", "predict"]
    assert args["predict"]["dataset"] == "kiln_firings.csv"
    assert args["predict"]["output"] == "kiln_cracks.csv"


def test_hand_labelled_rows_inside_the_named_file_make_it_the_data(ws: Path) -> None:
    tools, args = _plan(
        "just sketch some labeling functions from the 25 hand-labelled rows in glaze_notes.csv "
        "and save them to lfs/glaze.json"
    )
    assert tools == ["write_labeling_functions"]
    assert args["write_labeling_functions"]["data_path"] == "glaze_notes.csv"
    assert args["write_labeling_functions"]["output_path"] == "lfs/glaze.json"


def test_a_file_the_words_read_as_a_test_set_is_the_data_when_there_is_no_other(ws: Path) -> None:
    slots = extract_slots("run a quality check on kiln_firings.csv")
    p = Planning(memory={}, goal=slots.text)
    from agents.arguments import _data_path

    assert _data_path(p, slots) == "kiln_firings.csv"


def test_an_export_with_no_qa_set_exports_the_labeling_run_at_hand(ws: Path) -> None:
    memory = {"labeled": "labeling/glaze_notes-20261130-090000/labeled.parquet"}
    p = Planning(memory=memory, goal="export it as parquet")
    p.question = "Export which QA dataset?"
    tool, args = _bound_otherwise(p, "export_dataset", extract_slots("export it as parquet"))
    assert tool == "export_labeled_data" and p.question is None
    assert args == {"labeling_dir": "labeling/glaze_notes-20261130-090000", "format": "parquet"}


def test_no_labeling_run_and_no_qa_set_still_asks(ws: Path) -> None:
    p = Planning(memory={}, goal="export it as parquet")
    p.question = "Export which QA dataset?"
    tool, args = _bound_otherwise(p, "export_dataset", extract_slots("export it as parquet"))
    assert tool == "export_dataset" and args is None and p.question == "Export which QA dataset?"


def test_two_partly_filled_tables_and_none_named_still_ask(ws: Path) -> None:
    plan = plan_goal("please fill in the missing labels")
    assert (
        plan.question
        and "glaze_notes.csv" in plan.question
        and "mug_returns.csv" in (plan.question)
    )
