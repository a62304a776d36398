"""Round 10: 'work out / figure out / guess the <column> for the others' fills a partly filled column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.grounding import filled_in
from settings import get_settings
from tests.utils.planning import plan_tools as _plan

ROWS = 240
CAUSES = ["battery", "screen", "hinge"]
# A repair shop's intake notes: six stock sentences, two per cause, repeated over every row.
NOTES = [
    "phone dies within an hour even when charged overnight",
    "the battery swells and the back cover pops open",
    "cracked glass after a drop on the pavement",
    "touch stops responding on the lower half of the display",
    "the lid wobbles and makes a clicking sound when opened",
    "laptop will not stay open at any angle any more",
]


@pytest.fixture
def ws() -> Path:
    """Repair tickets: `cause` filled on 40 of 240 rows."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(
        {
            "ticket": [f"RP-{800 + i}" for i in range(ROWS)],
            "note": [NOTES[i % 6] for i in range(ROWS)],
            "cause": [CAUSES[(i % 6) // 2] if i < 40 else None for i in range(ROWS)],
            "days_open": [1 + (i * 5) % 19 for i in range(ROWS)],
        }
    ).to_csv(root / "repairs.csv", index=False)
    return root


@pytest.mark.parametrize(
    "goal",
    [
        "repairs.csv only has a cause on some tickets, can you work out the cause for the others",
        "figure out the cause for the rest of the tickets in repairs.csv",
        "guess the missing causes in repairs.csv",
    ],
)
def test_working_out_a_partly_filled_column_labels_every_row(ws: Path, goal: str) -> None:
    tools, args = _plan(goal)
    assert tools == ["label_dataset"], (goal, tools)
    assert args["label_dataset"]["data_path"] == "repairs.csv"
    assert args["label_dataset"]["label_column"] == "cause"


def test_working_out_without_gaps_or_a_numeric_column_is_no_fill_in(ws: Path) -> None:
    files = ["repairs.csv"]
    assert filled_in("work out the cause of the slowest repairs in repairs.csv", files) is None
    assert filled_in("figure out the days_open for the rest of repairs.csv", files) is None
    assert filled_in("work out the cause for the others in repairs.csv", files) == "cause"
