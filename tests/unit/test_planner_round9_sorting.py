"""Round 9: rows sorted into a partly filled column ('sort the X into <column>') are labeled,
not learned from: label_dataset with the filled-in cells as hand labels (invented wording)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.grounding import sorted_into
from settings import get_settings
from tests.utils.planning import plan_tools as _plan

ROWS = 240
DESKS = ["plants", "delivery", "payments", "returns"]


def _messages(n: int) -> list[str]:
    things = ["fern", "rose bush", "hedge trimmer", "compost bag", "bird bath", "trellis"]
    troubles = [
        "arrived with a broken pot",
        "was charged to my card twice",
        "has not come after ten days",
        "looks wilted and brown at the edges",
        "should go back for a refund",
    ]
    return [f"the {things[i % 6]} I ordered {troubles[i % 5]}, order {i}" for i in range(n)]


@pytest.fixture
def ws() -> Path:
    """A garden shop's enquiries: `desk` filled on 30 of 240 rows (the rest blank), and a copy
    whose `desk` is filled on every row."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    base = {
        "enquiry_ref": [f"GQ-{8100 + i}" for i in range(ROWS)],
        "message": _messages(ROWS),
    }
    pd.DataFrame({**base, "desk": [DESKS[i % 4] if i < 30 else None for i in range(ROWS)]}).to_csv(
        root / "enquiries.csv", index=False
    )
    pd.DataFrame({**base, "desk": [DESKS[i % 4] for i in range(ROWS)]}).to_csv(
        root / "enquiries_done.csv", index=False
    )
    return root


@pytest.mark.parametrize(
    "goal",
    [
        "sort the enquiries in enquiries.csv into desks",
        "could you put every enquiry from enquiries.csv into the right desk",
        "assign each enquiry in enquiries.csv a desk",
        "categorise the enquiries.csv messages by desk",
        "file the rows of enquiries.csv under plants, delivery, payments or returns",
        "I'd like all of enquiries.csv routed to a desk",
    ],
)
def test_sorting_rows_into_a_partly_filled_column_labels_every_row(ws: Path, goal: str) -> None:
    tools, args = _plan(goal)
    assert tools == ["label_dataset"], (goal, tools)
    assert args["label_dataset"]["data_path"] == "enquiries.csv"
    assert args["label_dataset"]["label_column"] == "desk"
    assert not args["label_dataset"].get("gold_path")


def test_a_model_asked_for_stays_a_training(ws: Path) -> None:
    tools, args = _plan("train a classifier that sorts the enquiries in enquiries.csv into desks")
    assert tools == ["train_model"]
    assert args["train_model"]["label_column"] == "desk"
    said = "teach something to sort the enquiries in enquiries.csv into desks"
    assert sorted_into(said, ["enquiries.csv"]) is None


def test_a_fully_filled_column_is_not_labeled(ws: Path) -> None:
    """Nothing to fill: the sorting rule needs a column with gaps (predict stays training)."""
    assert (
        sorted_into("sort the enquiries in enquiries_done.csv into desks", ["enquiries_done.csv"])
        is None
    )
    tools, _ = _plan("predict desk from enquiries_done.csv")
    assert tools == ["train_model"]


def test_ordering_by_a_column_or_counting_is_no_sorting_into_it(ws: Path) -> None:
    assert sorted_into("sort enquiries.csv by desk", ["enquiries.csv"]) is None
    assert (
        sorted_into("how many enquiries in enquiries.csv are assigned to a desk", ["enquiries.csv"])
        is None
    )
    assert sorted_into("sort the enquiries in enquiries.csv into piles", ["enquiries.csv"]) is None
    assert sorted_into("put the enquiries of enquiries.csv into parquet", ["enquiries.csv"]) is None
