"""Round 25: a question on a thread about a table never counts the values of its id column
(one row per value answers nothing), found trying forgeflow as a new user on a flats table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.planner import plan_goal, remember
from graphs.workflows import call_tool
from settings import get_settings


@pytest.fixture
def flats_memory() -> dict:
    root: Path = get_settings().workspace
    pd.DataFrame(
        {
            "flat_id": [f"H{i}" for i in range(60)],
            "rooms": [1 + i % 5 for i in range(60)],
            "district": ["north", "south", "east"] * 20,
            "price_eur": [100_000 + 1_371 * i for i in range(60)],
        }
    ).to_csv(root / "flats.csv", index=False)
    args = {"dataset": "flats.csv"}
    return remember("inspect_dataset", call_tool("inspect_dataset", args), {}, args)


def test_a_word_of_the_id_column_is_no_column_question(flats_memory: dict) -> None:
    plan = plan_goal("how much would a flat sell for? learn it from flats.csv", flats_memory)
    labels = [s.args.get("label_column") for s in plan.steps if s.tool == "inspect_dataset"]
    assert "flat_id" not in labels
    assert len(labels) <= 1, [(s.tool, s.args) for s in plan.steps]


def test_a_question_about_a_real_column_still_inspects_it(flats_memory: dict) -> None:
    plan = plan_goal("what districts are there?", flats_memory)
    assert [(s.tool, s.args.get("label_column")) for s in plan.steps] == [
        ("inspect_dataset", "district")
    ]
