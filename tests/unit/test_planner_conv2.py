"""A goal that trains a generator and then asks for rows generates them in the same plan."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.planner import plan_goal
from settings import get_settings


@pytest.fixture
def kilns() -> None:
    folder = Path(get_settings().workspace)
    pd.DataFrame(
        {
            "kiln_temp": [900.0 + 7 * (i % 13) for i in range(60)],
            "humidity": [30.0 + (i % 9) for i in range(60)],
            "outcome": ["cracked" if i % 4 == 0 else "sound" for i in range(60)],
        }
    ).to_csv(folder / "kiln_firings.csv", index=False)


def test_then_generate_after_training_a_generator_in_the_same_goal(kilns: None) -> None:
    goal = "fit a generator on kiln_firings.csv, class column outcome, then generate 40 rows of class cracked"
    steps = [(s.tool, s.args) for s in plan_goal(goal, {}).steps]
    assert [t for t, _ in steps] == ["train_generator", "generate_synthetic"]
    assert steps[1][1]["n"] == 40 and steps[1][1]["label"] == "cracked"
    assert steps[1][1]["model"] == "${steps.0.model_path}"


def test_a_training_setting_after_the_generator_is_not_a_generate_step(kilns: None) -> None:
    goal = "fit a generator on kiln_firings.csv, then make sure it trains for 150 epochs"
    assert "generate_synthetic" not in [s.tool for s in plan_goal(goal, {}).steps]
