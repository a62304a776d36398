"""A feature column empty exactly on one class's rows (a ferry's delay, recorded only for the
crossings that sailed) is said in train_model's warnings: it may be known only after the
outcome it is used to predict."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from graphs.workflows import call_tool
from settings import get_settings
from tests.utils.training_data import put
from tools.training.features import missing_marks_label

FAST = {"epochs": 6, "patience": 2}


def _crossings(n: int = 240, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    cancelled = rng.random(n) < 0.25
    wind = rng.uniform(0, 40, n) + 15 * cancelled
    delay = np.where(cancelled, np.nan, rng.uniform(0, 30, n).round(1))
    return pd.DataFrame(
        {
            "crossing_id": [f"C{i}" for i in range(n)],
            "wind_kn": wind.round(1),
            "route": rng.choice(["north", "south"], n),
            "delay_minutes": delay,
            "cancelled": np.where(cancelled, "yes", "no"),
        }
    )


def test_a_column_empty_exactly_when_cancelled_is_warned_about() -> None:
    put(_crossings(), "crossings.csv")
    out = call_tool(
        "train_model",
        {
            "dataset": "crossings.csv",
            "label_column": "cancelled",
            "id_column": "crossing_id",
            **FAST,
        },
    )
    assert out["columns"]["missing_with_label"] == {"delay_minutes": "yes"}
    said = [w for w in out["warnings"] if "delay_minutes" in w]
    assert len(said) == 1 and "empty exactly when 'cancelled' is 'yes'" in said[0]
    assert "without delay_minutes" in said[0]


def test_named_feature_columns_are_the_persons_choice() -> None:
    put(_crossings(), "crossings.csv")
    out = call_tool(
        "train_model",
        {
            "dataset": "crossings.csv",
            "label_column": "cancelled",
            "id_column": "crossing_id",
            "numeric_columns": ["wind_kn", "delay_minutes"],
            **FAST,
        },
    )
    assert not any("empty exactly when" in w for w in out.get("warnings") or [])


def test_missing_marks_label_only_for_an_exact_gap() -> None:
    frame = _crossings()
    labels = frame["cancelled"]
    assert missing_marks_label(frame["delay_minutes"], labels) == "yes"
    assert missing_marks_label(frame["wind_kn"], labels) is None  # never empty
    blurred = frame["delay_minutes"].copy()
    blurred[frame.index[frame["cancelled"] == "no"][:3]] = np.nan  # also empty on 3 sailings
    assert missing_marks_label(blurred, labels) is None
    filled = frame["delay_minutes"].copy()
    filled[frame.index[frame["cancelled"] == "yes"][:1]] = 5.0  # one cancelled row has a delay
    assert missing_marks_label(filled, labels) is None
    few = frame.head(10)
    assert missing_marks_label(few["delay_minutes"], few["cancelled"]) is None
    one_class = pd.Series(["no"] * len(frame))
    assert missing_marks_label(frame["delay_minutes"], one_class) is None


def test_without_the_column_the_training_leaves_it_out() -> None:
    put(_crossings(), "crossings.csv")
    out = call_tool(
        "train_model",
        {
            "dataset": "crossings.csv",
            "label_column": "cancelled",
            "id_column": "crossing_id",
            "exclude_columns": ["delay_minutes"],
            **FAST,
        },
    )
    used = [*out["columns"]["text"], *out["columns"]["numeric"], *out["columns"]["categorical"]]
    assert "delay_minutes" not in used and "wind_kn" in used
    assert out["columns"]["excluded"] == ["delay_minutes"]
    assert not any("empty exactly when" in w for w in out.get("warnings") or [])


@pytest.mark.parametrize(
    ("excluded", "status"),
    [
        (["cancelled"], 400),
        (["no_such"], 400),
        (["delay\x00minutes"], 400),
        (["../x"], 400),
        (["\ud800"], 422),
        (["x"] * 1001, 422),
    ],
)
def test_a_bad_exclusion_is_refused_and_changes_nothing(excluded: list[str], status: int) -> None:
    from errors import ForgeflowError

    put(_crossings(), "crossings.csv")
    models = get_settings().workspace / "models"
    before = sorted(models.iterdir()) if models.exists() else []
    with pytest.raises(ForgeflowError) as caught:
        call_tool(
            "train_model",
            {"dataset": "crossings.csv", "label_column": "cancelled", "exclude_columns": excluded},
        )
    assert caught.value.status_code == status
    assert (sorted(models.iterdir()) if models.exists() else []) == before
