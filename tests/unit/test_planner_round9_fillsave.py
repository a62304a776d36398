"""Round 9: a partly filled column filled in is labeled (its cells the hand labels), a save said
after the labeling in the same clause saves the labeled table, and a column of a few repeated
sentences is text, not a label (invented wording and data)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.grounding import filled_in
from settings import get_settings
from tests.utils.planning import plan_tools as _plan
from tools.profile import profile_table

ROWS = 260
SHELVES = ["fiction", "history", "science", "children"]
# A library's return notes: nine stock sentences, repeated over every row.
NOTES = [
    "The cover is torn along the spine and needs new tape",
    "A reader left pencil marks on most of the middle pages",
    "Returned two weeks late with a coffee ring on the back",
    "This copy came back with a missing map from the inside flap",
    "The pages are stuck together near the end of the book",
    "Barcode label peeled off and the shelf mark is unreadable",
    "Perfect condition, the reader even added a plastic cover",
    "A bookmark from another library was left inside this copy",
    "Water damage on the lower corner of the first chapter pages",
]


@pytest.fixture
def ws() -> Path:
    """Returned books: `shelf` filled on 35 of 260 rows, `note` nine sentences repeated."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(
        {
            "loan_no": [f"LN-{5300 + i}" for i in range(ROWS)],
            "note": [NOTES[i % 9] for i in range(ROWS)],
            "shelf": [SHELVES[i % 4] if i < 35 else None for i in range(ROWS)],
            "pages": [120 + (i * 7) % 300 for i in range(ROWS)],
        }
    ).to_csv(root / "returns.csv", index=False)
    return root


def test_repeated_sentences_are_text_not_a_label(ws: Path) -> None:
    profile = profile_table("returns.csv")
    assert profile is not None
    columns = {c["name"]: c for c in profile["columns"]}
    assert columns["note"]["text_like"] and not columns["note"]["label_like"]
    assert columns["shelf"]["label_like"] and not columns["shelf"]["text_like"]


def test_few_short_categories_stay_labels(tmp_path: Path) -> None:
    """Repeated values of four words or fewer ('Some college, no degree') are categories."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    levels = ["High school only", "Some college, no degree", "Masters degree", "Doctorate"]
    pd.DataFrame({"level": [levels[i % 4] for i in range(120)]}).to_csv(
        root / "levels.csv", index=False
    )
    column = profile_table("levels.csv")["columns"][0]
    assert column["label_like"] and not column["text_like"]


@pytest.mark.parametrize(
    "goal",
    [
        "fill in the shelf for the rest of returns.csv",
        "please complete the missing shelf entries in returns.csv",
        "could you populate the blank shelf cells of returns.csv",
        "finish filling the remaining shelf cells in returns.csv",
    ],
)
def test_filling_a_partly_filled_column_labels_every_row(ws: Path, goal: str) -> None:
    tools, args = _plan(goal)
    assert tools == ["label_dataset"], (goal, tools)
    assert args["label_dataset"]["data_path"] == "returns.csv"
    assert args["label_dataset"]["label_column"] == "shelf"


@pytest.mark.parametrize(
    ("goal", "path", "fmt"),
    [
        ("fill in the shelf for the rest of returns.csv and save the result as shelved.csv",
         "shelved.csv", "csv"),
        ("complete the missing shelf values in returns.csv then write it to out/shelved.parquet",
         "out/shelved.parquet", "parquet"),
        ("sort the books in returns.csv into a shelf each and save it as sorted_returns.jsonl",
         "sorted_returns.jsonl", "jsonl"),
        ("put every loan in returns.csv under fiction, history, science or children and "
         "store the result as shelved.csv", "shelved.csv", "csv"),
    ],
)  # fmt: skip
def test_a_save_after_the_labeling_saves_the_labeled_table(
    ws: Path, goal: str, path: str, fmt: str
) -> None:
    tools, args = _plan(goal)
    assert tools == ["label_dataset", "save_table"], (goal, tools)
    assert args["label_dataset"]["label_column"] == "shelf"
    assert args["save_table"] == {"dataset": "${steps.0.labeled_path}", "path": path, "format": fmt}


def test_a_format_alone_names_the_saved_table_after_the_input(ws: Path) -> None:
    tools, args = _plan("label the rest of returns.csv and save it as parquet")
    assert tools == ["label_dataset", "save_table"]
    assert args["save_table"]["dataset"] == "${steps.0.labeled_path}"
    assert args["save_table"]["path"] == "returns_labeled.parquet"


def test_a_constant_in_the_gaps_or_a_model_is_no_fill_in(ws: Path) -> None:
    files = ["returns.csv"]
    assert filled_in("fill the blanks in shelf of returns.csv with 'unknown'", files) is None
    assert filled_in("fill in the missing shelves of returns.csv using the mode", files) is None
    assert filled_in("train a model to fill in the shelf of returns.csv", files) is None
    assert filled_in("the shelves filled in by staff in returns.csv look odd", files) is None
    assert filled_in("show the complete list of shelves in returns.csv", files) is None
    assert filled_in("fill in the pages for the rest of returns.csv", files) is None  # numbers
    assert filled_in("fill in the shelf for the rest of returns.csv", files) == "shelf"


def test_a_plain_conversion_stays_a_conversion(ws: Path) -> None:
    tools, args = _plan("save returns.csv as parquet")
    assert tools == ["save_table"]
    assert args["save_table"]["dataset"] == "returns.csv"


def test_a_save_of_something_else_than_the_table_adds_no_save(ws: Path) -> None:
    tools, _ = _plan(
        "fill in the shelf for the rest of returns.csv and save the labeling functions as "
        "shelf_rules.json"
    )
    assert "save_table" not in tools
