"""Column binding from a person's words: abbreviated names, values, feature roles, join keys."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from agents.columns import feature_roles, join_columns, label_from_words, name_tokens, token_fit
from agents.planner import plan_goal
from settings import get_settings
from tools.profile import profile_table


def _write(folder: Path) -> None:
    rng = np.random.default_rng(5)
    n = 60
    shipments = pd.DataFrame(
        {
            "shp_id": [f"S{i:04d}" for i in range(n)],
            "carrier": rng.choice(["dhl", "ups", "gls"], n),
            "wgt_kg": rng.uniform(1, 30, n).round(2),
            "dist_km": rng.uniform(5, 900, n).round(1),
            "hub": rng.choice(["north", "south"], n),
            "delay_cat": rng.choice(["on_time", "late", "very_late"], n),
        }
    )
    shipments.to_csv(folder / "shipments.csv", index=False)
    shipments.drop(columns=["delay_cat"]).to_csv(folder / "shipments_next.csv", index=False)
    audits = pd.DataFrame(
        {
            "audit_no": range(100, 100 + n),
            "region": rng.choice(["east", "west", "central"], n),
            "auditor_notes": [f"checked the stock room and shelf {i} today" for i in range(n)],
            "verdict": rng.choice(["ok", "breach"], n),
        }
    )
    audits.to_csv(folder / "audits.csv", index=False)
    memos = pd.DataFrame(
        {
            "memo_id": [f"M{i}" for i in range(n)],
            "body": [f"please see the note about item {i} and reply soon" for i in range(n)],
            "tone": [rng.choice(["calm", "angry"]) if i < 10 else None for i in range(n)],
        }
    )
    memos.to_csv(folder / "memos.csv", index=False)
    pd.DataFrame(
        {"MemoID": [f"M{i}" for i in range(10, 40)], "tone": rng.choice(["calm", "angry"], 30)}
    ).to_csv(folder / "memo_marks.csv", index=False)
    pd.DataFrame({"ref_no": range(100, 130), "risk_grade": rng.choice(["hi", "lo"], 30)}).to_csv(
        folder / "reviewer.csv", index=False
    )


@pytest.fixture
def files() -> None:
    _write(get_settings().workspace)


def _step(goal: str, tool: str) -> dict:
    plan = plan_goal(goal)
    assert plan.question is None, plan.question
    return next(s.args for s in plan.steps if s.tool == tool)


def test_name_words_and_abbreviations() -> None:
    assert name_tokens("riskGrade") == ["risk", "grade"]
    assert name_tokens("wgt_kg") == ["wgt", "kg"]
    assert token_fit("weight", "wgt") >= 0.7
    assert token_fit("delays", "delay") == 1.0
    assert token_fit("categorised", "cat") > 0
    assert token_fit("hubs", "carrier") == 0.0


def test_label_named_loosely(files: None) -> None:
    profile = profile_table("shipments.csv")
    assert profile is not None
    assert label_from_words(profile, "how late will each parcel be, by delay category") == (
        "delay_cat"
    )
    assert label_from_words(profile, "nothing about columns here") is None


def test_label_from_values_and_missing_in_new_batch(files: None) -> None:
    args = _step("fit a classifier on audits.csv to spot a breach before it happens", "train_model")
    assert args["label_column"] == "verdict"
    args = _step("train a model on shipments.csv", "train_model")
    assert args["label_column"] == "delay_cat"  # shipments_next.csv lacks it


def test_feature_roles_in_words(files: None) -> None:
    profile = profile_table("shipments.csv")
    assert profile is not None
    assert feature_roles("numeric features wgt_kg and dist_km", profile) == {
        "numeric_columns": ["wgt_kg", "dist_km"]
    }
    assert feature_roles("please treat carrier and hub as categoricals", profile) == {
        "categorical_columns": ["carrier", "hub"]
    }
    roles = feature_roles("leave out the carrier and hub columns, only the numbers", profile)
    assert roles == {"numeric_columns": ["wgt_kg", "dist_km"]}
    audits = profile_table("audits.csv")
    assert audits is not None
    assert feature_roles("classify on just the auditor_notes column", audits) == {
        "text_columns": ["auditor_notes"]
    }


def test_join_keys_without_and_with_words(files: None) -> None:
    memos, marks = profile_table("memos.csv"), profile_table("memo_marks.csv")
    assert memos is not None and marks is not None
    assert join_columns(memos, marks, "label memos.csv from memo_marks.csv") == {
        "id_column": "memo_id",
        "gold_id_column": "MemoID",
        "gold_label_column": "tone",
    }
    args = _step(
        "label memos.csv using memo_marks.csv; the body holds the text, keys are MemoID there",
        "label_dataset",
    )
    assert args["id_column"] == "memo_id"  # never the label column 'tone'
    assert args["gold_id_column"] == "MemoID"
    assert args["text_column"] == "body"


def test_gold_file_shaped_like_hand_labels(files: None) -> None:
    args = _step(
        "label audits.csv with reviewer.csv, the ref_no there is the audit_no here",
        "label_dataset",
    )
    assert args["gold_path"] == "reviewer.csv"
    assert args["id_column"] == "audit_no"
    assert args["gold_id_column"] == "ref_no"
    assert args["gold_label_column"] == "risk_grade"
