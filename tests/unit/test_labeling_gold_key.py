"""Hand labels that share a non-id key and the label column with the data join on the key."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from errors import BadInput
from graphs.workflows import call_tool
from settings import get_settings
from tools.labeling.gold import plan_join


def test_the_one_distinct_shared_column_is_the_key_and_the_other_the_labels() -> None:
    gold = pd.DataFrame(
        {"case_ref": [f"C{i:03d}" for i in range(12)], "urgency": ["high", "low", "mid"] * 4}
    )
    plan = plan_join(
        ["case_ref", "street", "note", "urgency"], gold, id_column=None, label_column=None
    )
    assert (plan.id_column, plan.gold_id_column, plan.gold_label_column) == (
        "case_ref",
        "case_ref",
        "urgency",
    )
    assert "all distinct" in plan.how


def test_two_distinct_shared_columns_still_ask_with_the_candidates() -> None:
    gold = pd.DataFrame(
        {
            "ref_a": [f"A{i}" for i in range(8)],
            "ref_b": [f"B{i}" for i in range(8)],
            "verdict": ["x", "y"] * 4,
        }
    )
    with pytest.raises(BadInput) as err:
        plan_join(["ref_a", "ref_b", "text"], gold, id_column=None, label_column=None)
    assert err.value.code == "ambiguous_join"


def test_a_key_with_a_repeat_or_a_blank_is_no_key() -> None:
    refs = [f"R{i}" for i in range(10)]
    for broken in (refs[:-1] + ["R0"], refs[:-1] + [None]):
        gold = pd.DataFrame({"case_ref": broken, "urgency": ["high", "low"] * 5})
        with pytest.raises(BadInput) as err:
            plan_join(["case_ref", "urgency", "text"], gold, id_column=None, label_column=None)
        assert err.value.code == "ambiguous_join"


def test_label_dataset_joins_such_hand_labels_without_being_told(home: Path) -> None:
    ws = get_settings().workspace
    ws.mkdir(parents=True, exist_ok=True)
    words = {"high": "burst main flooding road", "low": "faded paint on kerb"}
    rows = []
    for i in range(60):
        kind = "high" if i % 2 else "low"
        rows.append({"case_ref": f"C{i:03d}", "text": f"{words[kind]} near {i}", "urgency": ""})
    pd.DataFrame(rows).to_csv(ws / "cases.csv", index=False)
    gold = pd.DataFrame(
        {
            "case_ref": [r["case_ref"] for r in rows[:20]],
            "urgency": ["high" if i % 2 else "low" for i in range(20)],
        }
    )
    gold.to_csv(ws / "cases_checked.csv", index=False)
    out = call_tool(
        "label_dataset",
        {
            "dataset": "cases.csv",
            "gold": "cases_checked.csv",
            "writer": "builtin",
            "max_attempts": 1,
        },
    )
    assert out["label_name"] == "urgency"
    assert "case_ref" in out["gold"]["join"]
