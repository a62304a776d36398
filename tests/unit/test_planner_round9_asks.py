"""Round 9: no question back when the words or the data leave one candidate (invented wording):
an outcome 'spotted' names its column, the labeled one of several described tables is trained
on, a file whose every name word is said beats its shorter namesake; real ambiguity still asks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.planner import plan_goal
from agents.references import described_input
from settings import get_settings
from tests.utils.planning import plan_tools as _plan

ROWS = 120


@pytest.fixture
def ws() -> Path:
    """A ferry operator's bookings (a `no_show` label and two other class columns), the same
    table's unlabeled batch, a crew table and its hand tags, and two equally named exports."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    base = {
        "booking_ref": [f"FB-{3000 + i}" for i in range(ROWS)],
        "route": [["north", "south", "island"][i % 3] for i in range(ROWS)],
        "fare_class": [["deck", "cabin"][i % 2] for i in range(ROWS)],
        "days_ahead": [(i * 7) % 40 for i in range(ROWS)],
        "party_size": [1 + i % 5 for i in range(ROWS)],
    }
    no_show = ["yes" if (i * 3) % 7 == 0 else "no" for i in range(ROWS)]
    pd.DataFrame({**base, "no_show": no_show}).to_csv(root / "ferry_bookings.csv", index=False)
    pd.DataFrame(base).to_csv(root / "ferry_queue.csv", index=False)
    crew = {"crew_id": [f"C{i}" for i in range(40)], "notes": ["on deck at dawn"] * 40}
    pd.DataFrame(crew).to_csv(root / "crew.csv", index=False)
    tags = {
        "crew_id": [f"C{i}" for i in range(40)],
        "grade": [["a", "b"][i % 2] for i in range(40)],
    }
    pd.DataFrame(tags).to_csv(root / "crew_tags.csv", index=False)
    for month in ("june", "july"):
        pd.DataFrame({**base, "no_show": no_show}).to_csv(
            root / f"harbour_log_{month}.csv", index=False
        )
    return root


def test_an_outcome_the_model_spots_names_its_column(ws: Path) -> None:
    tools, args = _plan(
        "put together something on ferry_bookings.csv that spots no shows, and say how good it is"
    )
    assert tools == ["train_model"]
    assert args["train_model"]["label_column"] == "no_show"


def test_several_class_columns_and_no_outcome_said_still_ask(ws: Path) -> None:
    plan = plan_goal("train a model on harbour_log_june.csv for me")
    assert plan.question and "no_show" in plan.question and "route" in plan.question


def test_the_labeled_table_of_a_described_pair_is_trained_on(ws: Path) -> None:
    from agents.grounding import workspace_files

    goal = "How accurately could a model trained on our ferry history catch problems?"
    written, notes, several = described_input(goal, workspace_files())
    assert several == []
    assert "ferry_bookings.csv" in written and "ferry_queue.csv" not in written
    assert any("no_show" in n for n in notes)


def test_a_described_pair_without_a_model_asked_still_asks(ws: Path) -> None:
    from agents.grounding import workspace_files

    _, _, several = described_input("show me the ferry rows please", workspace_files())
    assert sorted(several) == ["ferry_bookings.csv", "ferry_queue.csv"]


def test_every_name_word_said_picks_the_longer_name(ws: Path) -> None:
    from agents.grounding import workspace_files

    written, notes, several = described_input(
        "the crew tags seem wrong, can we open them", workspace_files()
    )
    assert several == [] and "crew_tags.csv" in written
    assert notes == ["the data you described → crew_tags.csv"]


def test_two_months_equally_described_still_ask(ws: Path) -> None:
    plan = plan_goal("train a classifier on the harbour log for me")
    assert plan.question and "harbour_log_june.csv" in plan.question
    assert "harbour_log_july.csv" in plan.question
