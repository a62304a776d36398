"""Follow-ups on a model the thread trained: 'use that one on', 'the tier of each', 'is it good on'."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.planner import plan_goal, remember
from settings import get_settings


@pytest.fixture
def files() -> None:
    folder = Path(get_settings().workspace)
    folder.mkdir(parents=True, exist_ok=True)
    rows = {
        "parcel_id": [f"P-{i}" for i in range(40)],
        "weight_kg": [1 + i % 9 for i in range(40)],
        "distance_km": [5 * i for i in range(40)],
    }
    tiers = ["slow" if i % 3 else "express" for i in range(40)]
    pd.DataFrame({**rows, "shipping_tier": tiers}).to_csv(folder / "parcels.csv", index=False)
    pd.DataFrame({**rows, "shipping_tier": tiers}).to_csv(folder / "parcels_audit.csv", index=False)
    pd.DataFrame(rows).to_csv(folder / "parcels_tomorrow.csv", index=False)


def _thread() -> dict[str, Any]:
    output = {
        "model_path": "models/parcels-0",
        "dataset": "parcels.csv",
        "label_column": "shipping_tier",
        "metrics": {"accuracy": 0.71, "f1_macro": 0.64},
    }
    args = {"dataset": "parcels.csv", "label_column": "shipping_tier"}
    return remember("train_model", output, {}, args)


def _steps(goal: str) -> list[tuple[str, dict[str, Any]]]:
    return [(s.tool, s.args) for s in plan_goal(goal, _thread()).steps]


@pytest.mark.parametrize(
    "goal",
    [
        "ok, use that one on parcels_tomorrow.csv",
        "try the new model on parcels_tomorrow.csv and write the output to tiers_out.csv",
        "apply this one to parcels_tomorrow.csv",
    ],
)
def test_the_threads_model_named_as_that_one_predicts(files: None, goal: str) -> None:
    steps = _steps(goal)
    assert [t for t, _ in steps] == ["predict"]
    assert steps[0][1]["model"] == "models/parcels-0"
    assert steps[0][1]["dataset"] == "parcels_tomorrow.csv"


def test_the_models_label_asked_for_every_row_predicts(files: None) -> None:
    steps = _steps("What tier does every parcel in parcels_tomorrow.csv get?")
    assert [t for t, _ in steps] == ["predict"]
    assert steps[0][1]["dataset"] == "parcels_tomorrow.csv"
    # Training words keep it a training goal, not the thread's model.
    trained = _steps("train a fresh model for the tier of every parcel in parcels_audit.csv")
    assert [t for t, _ in trained][0] == "train_model"


def test_is_the_model_good_on_a_file_evaluates_once(files: None) -> None:
    goal = "Would the model be reliable on parcels_audit.csv? The tiers are filled in, so check it."
    steps = _steps(goal)
    assert [t for t, _ in steps] == ["evaluate_model"]
    assert steps[0][1] == {"model": "models/parcels-0", "dataset": "parcels_audit.csv"}
