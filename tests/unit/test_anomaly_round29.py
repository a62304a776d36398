"""detect_anomalies, round 29: a negative number in a column that is otherwise never negative
(a meter reading of -35 among readings of 0 to 1,400) is flagged, though it lies inside the
column's usual spread; a column where negatives are ordinary is left alone."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pydantic import ValidationError

from graphs.workflows import call_tool
from tests.utils.training_data import put
from tools.base import ToolContext
from tools.training.anomalies import combined, negative_values
from tools.training.tools import DetectAnomaliesInput

NEGATIVE = {"M0040": -35.0, "M0250": -120.0}


def meters(n: int = 400, seed: int = 3) -> pd.DataFrame:
    """Monthly meter reads: kWh spread wide (gamma), two reads typed with a minus."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "meter_id": [f"M{i:04d}" for i in range(n)],
            "building": rng.choice(list("ABCDE"), n),
            "kwh": np.round(rng.gamma(2.0, 150, n), 1),
            "read_type": rng.choice(["manual", "auto"], n),
            "days": rng.integers(28, 33, n),
            # a balance: a quarter below 0, so a negative one is ordinary there
            "balance": np.round(rng.normal(40, 60, n), 2),
        }
    )
    for meter, kwh in NEGATIVE.items():
        frame.loc[frame["meter_id"] == meter, "kwh"] = kwh
    return frame


def test_the_rule_counts_negatives_only_where_a_column_is_otherwise_never_negative() -> None:
    frame = meters()
    breaks = negative_values(frame, ["kwh", "days", "balance"])
    assert breaks is not None
    flagged = set(frame.loc[breaks > 0, "meter_id"])
    assert flagged == set(NEGATIVE)  # the balance's many negatives are not breaks
    assert negative_values(frame, []) is None
    # Too few rows to call a column 'never negative': nothing.
    small = pd.DataFrame({"kwh": [5.0] * 12 + [-3.0]})
    assert not negative_values(small, ["kwh"]).any()
    assert negative_values(pd.DataFrame({"kwh": [5.0] * 60 + [-3.0]}), ["kwh"])[-1] == 1


def test_a_rule_raises_a_row_to_its_z_and_leaves_the_others_at_the_mean() -> None:
    raw = {
        "isolation_forest": np.array([0.1, 0.3, 0.1, 0.1, 0.12, 0.1]),
        "negative_values": np.array([0.0, 0.0, 0.0, 1.0, 0.0, 0.0]),
    }
    scores = combined(raw, 6)
    without = combined({"isolation_forest": raw["isolation_forest"]}, 6)
    assert without[3] == 0 and scores[3] > 2  # ordinary to the forest, raised by the rule
    others = [0, 1, 2, 4, 5]
    assert np.allclose(scores[others], without[others])
    # Only a rule: its z, and zeros where it finds nothing (not NaN).
    alone = combined({"negative_values": np.zeros(6)}, 6)
    assert np.array_equal(alone, np.zeros(6))


def test_negative_reads_inside_the_usual_spread_are_flagged_with_their_reason() -> None:
    put(meters(), "meters.csv")
    out = call_tool(
        "detect_anomalies",
        {"dataset": "meters.csv", "id_column": "meter_id", "epochs": 40, "top_k": 5},
        ToolContext(),
    )
    assert "negative_values" in out["detectors"]
    top = {r["meter_id"]: r for r in out["top"]}
    assert set(NEGATIVE) <= set(top)
    for meter in NEGATIVE:
        assert top[meter]["score"] > out["threshold"]  # flagged, not merely listed
        assert top[meter]["reasons"][0]["column"] == "kwh"
    # Without the rule (the five statistical detectors) the -35 read is not in the top five.
    before = call_tool(
        "detect_anomalies",
        {
            "dataset": "meters.csv",
            "model": out["model"],
            "id_column": "meter_id",
            "top_k": 5,
            "detectors": [
                "isolation_forest",
                "local_outlier_factor",
                "cvae",
                "category_pairs",
                "binned_pairs",
            ],
            "output": "before.csv",
        },
        ToolContext(),
    )
    assert "M0040" not in {r["meter_id"] for r in before["top"]}


def test_the_rule_is_a_detector_a_person_may_name_and_no_other_name_is_taken() -> None:
    args = DetectAnomaliesInput(dataset="x.csv", detectors=["negative_values"])
    assert args.detectors == ["negative_values"]
    assert "negative_values" in DetectAnomaliesInput(dataset="x.csv").detectors
    with pytest.raises(ValidationError):
        DetectAnomaliesInput(dataset="x.csv", detectors=["negative_values; rm -rf /"])
