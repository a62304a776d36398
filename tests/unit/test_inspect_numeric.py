"""inspect_dataset's numeric summaries: a quantity's mean/median/min/max/std instead of its
value counts, class-like columns still counted, and hostile columns and names handled.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from agents.reporter import summarise_output
from errors import BadInput, Forbidden, NotFound
from graphs.workflows import call_tool
from settings import get_settings
from tools.local import numeric_summary


def _ws() -> Path:
    ws = get_settings().workspace
    ws.mkdir(parents=True, exist_ok=True)
    return ws


def _ferry(n: int = 300) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    delay = np.round(rng.gamma(2.0, 6.0, n), 1)
    delay[:66] = np.nan
    return pd.DataFrame(
        {
            "crossing_id": range(n),
            "route": rng.choice(["north", "south", "harbour"], n),
            "delay_minutes": delay,
            "on_time": rng.random(n) < 0.7,
            "passengers": rng.integers(10, 400, n),
            "deck": rng.integers(1, 4, n),
        }
    )


def test_the_average_of_a_quantity_is_answered_not_its_value_counts() -> None:
    frame = _ferry()
    frame.to_csv(_ws() / "ferry_crossings.csv", index=False)
    out = call_tool(
        "inspect_dataset", {"dataset": "ferry_crossings.csv", "label_column": "delay_minutes"}
    )
    summary = out["numeric_summary"]
    assert next(iter(summary)) == "delay_minutes"  # the column asked about first
    delay = summary["delay_minutes"]
    present = frame["delay_minutes"].dropna()
    assert delay["count"] == 234 and delay["missing"] == 66
    assert delay["mean"] == pytest.approx(present.mean(), abs=1e-6)
    assert delay["median"] == pytest.approx(present.median())
    assert delay["min"] == present.min() and delay["max"] == present.max()
    assert delay["std"] == pytest.approx(present.std(), abs=1e-6)
    assert delay["continuous"] is True
    # booleans are not numbers; text is not; integer columns are
    assert "on_time" not in summary and "route" not in summary
    assert {"passengers", "deck", "crossing_id"} <= set(summary)
    assert summary["deck"]["continuous"] is False
    lines = summarise_output("inspect_dataset", out)
    text = "\n".join(lines)
    assert f"'delay_minutes': mean {present.mean():.3f}, median {present.median():.3f}" in text
    assert "(234 values, 66 missing)" in text
    assert "nan: 66" not in text and "label 'delay_minutes'" not in text
    # a class-like numeric column keeps its value counts, with its figures beside them
    out = call_tool("inspect_dataset", {"dataset": "ferry_crossings.csv", "label_column": "deck"})
    text = "\n".join(summarise_output("inspect_dataset", out))
    assert "label 'deck': " in text and "'deck': mean" in text
    # a text label keeps only its value counts
    out = call_tool("inspect_dataset", {"dataset": "ferry_crossings.csv", "label_column": "route"})
    text = "\n".join(summarise_output("inspect_dataset", out))
    assert "label 'route': " in text and "'route': mean" not in text


def test_hostile_columns_give_a_sane_summary() -> None:
    n = 40
    frame = pd.DataFrame(
        {
            "empty": [np.nan] * n,
            "with_inf": [np.inf, -np.inf] + [float(i) for i in range(n - 2)],
            "mixed": ["n/a", "cancelled"] + [str(i) for i in range(n - 2)],
            "words": ["a", 1, "b", 2.5] * (n // 4),
            "flags": ["True", "False"] * (n // 2),
            "huge": [1e308] * n,
        }
    )
    frame.to_csv(_ws() / "odd.csv", index=False)
    out = call_tool("inspect_dataset", {"dataset": "odd.csv", "label_column": "empty"})
    summary = out["numeric_summary"]
    assert summary["empty"] == {
        "count": 0,
        "missing": n,
        "mean": None,
        "median": None,
        "min": None,
        "max": None,
        "std": None,
        "distinct": 0,
        "continuous": False,
    }
    assert summary["with_inf"]["infinite"] == 2
    assert summary["with_inf"]["max"] == n - 3 and summary["with_inf"]["count"] == n
    mixed = summary["mixed"]  # 'n/a' reads as an empty cell, 'cancelled' is no number
    assert mixed["missing"] == 1 and mixed["not_numbers"] == 1 and mixed["count"] == n - 1
    assert mixed["mean"] == pytest.approx(18.5)
    assert "words" not in summary  # half words: not a number column
    assert "flags" not in summary  # read back as booleans
    assert summary["huge"]["mean"] is None or np.isfinite(summary["huge"]["mean"])
    assert summary["huge"]["max"] == 1e308
    text = "\n".join(summarise_output("inspect_dataset", out))
    assert "'empty': no numbers to summarise (0 values, 40 missing)" in text
    # the whole result is plain JSON (no NaN or Infinity)
    import json

    json.dumps(out, allow_nan=False)


def test_numeric_summary_of_odd_series() -> None:
    assert numeric_summary(pd.Series([True, False, True])) is None
    assert numeric_summary(pd.Series([True, False, 1.0], dtype=object)) is None
    assert numeric_summary(pd.Series(["x", "y"])) is None
    assert numeric_summary(pd.Series([], dtype=float))["count"] == 0
    assert numeric_summary(pd.Series([1 + 2j, 3j])) is None
    one = numeric_summary(pd.Series([5]))
    assert one["mean"] == 5 and one["std"] is None
    assert numeric_summary(pd.Series([{"a": 1}, [1]], dtype=object)) is None


@pytest.mark.parametrize(
    ("dataset", "error"),
    [
        ("/etc/passwd", (Forbidden, NotFound, BadInput)),
        ("../../../etc/hosts.csv", (Forbidden, NotFound, BadInput)),
        ("ferry\x00.csv", (BadInput, NotFound)),
    ],
)
def test_hostile_names_are_refused(dataset: str, error: tuple[type, ...]) -> None:
    with pytest.raises(error):
        call_tool("inspect_dataset", {"dataset": dataset})


def test_a_symlink_out_and_a_hostile_column_name_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.csv"
    pd.DataFrame({"x": [1.0, 2.0]}).to_csv(outside, index=False)
    (_ws() / "link.csv").symlink_to(outside)
    with pytest.raises(Forbidden):
        call_tool("inspect_dataset", {"dataset": "link.csv"})
    _ferry().to_csv(_ws() / "ferry.csv", index=False)
    for column in ("delay\x00minutes", "../delay_minutes", "nope"):
        with pytest.raises(BadInput) as caught:
            call_tool("inspect_dataset", {"dataset": "ferry.csv", "label_column": column})
        assert caught.value.status_code < 500


def test_many_rows_are_summarised() -> None:
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({"v": rng.normal(50, 5, 200_000)})
    frame.to_parquet(_ws() / "big.parquet")
    out = call_tool("inspect_dataset", {"dataset": "big.parquet", "label_column": "v"})
    assert out["numeric_summary"]["v"]["mean"] == pytest.approx(50, abs=0.1)
    assert len(out["label_distribution"]) <= 50
