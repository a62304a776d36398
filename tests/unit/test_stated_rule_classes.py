"""Keyword rules stated in words vote for their own (string) classes, not a default 0/1."""

from __future__ import annotations

import pandas as pd

from agents.rules import parse_rules, to_lfs
from graphs.workflows import call_tool
from settings import get_settings
from tools.base import ToolContext

TICKETS = pd.DataFrame(
    {
        "ticket": [1, 2, 3, 4, 5, 6],
        "body": [
            "my card was charged twice",
            "please reset my password",
            "the app will crash on start",
            "crash after the refund screen",
            "thanks, all good",
            "password expired again",
        ],
    }
)
RULES = (
    "label tickets.csv by majority vote into tickets_labeled.csv: 'charged' or 'refund' "
    "means billing, 'password' means account, any ticket mentioning 'crash' is bug"
)


def test_rules_in_mixed_phrasings_all_become_keyword_lfs() -> None:
    rules = parse_rules(RULES)
    assert [(r["label"], r["keywords"]) for r in rules] == [
        ("billing", ["charged", "refund"]),
        ("account", ["password"]),
        ("bug", ["crash"]),
    ]


def test_vote_labels_takes_its_classes_from_the_rules_labels() -> None:
    TICKETS.to_csv(get_settings().workspace / "tickets.csv", index=False)
    lfs = to_lfs(parse_rules(RULES), list(TICKETS.columns), "body")
    args = {
        "data_path": "tickets.csv",
        "output_path": "tickets_labeled.csv",
        "labeling_functions": lfs,
        "id_column": "ticket",
    }
    out = call_tool("vote_labels", args, ToolContext())
    assert out["classes"] == ["account", "billing", "bug"]  # sorted: stable whatever the order
    labeled = pd.read_csv(get_settings().workspace / "tickets_labeled.csv")
    names = labeled["label_name"].fillna("-").tolist()
    assert names == ["billing", "account", "bug", "billing", "-", "account"]


def test_one_stated_class_is_a_class_of_its_own() -> None:
    TICKETS.to_csv(get_settings().workspace / "tickets.csv", index=False)
    lfs = to_lfs(parse_rules("anything saying 'password' is account"), ["body"], "body")
    args = {"data_path": "tickets.csv", "output_path": "one.csv", "labeling_functions": lfs}
    out = call_tool("vote_labels", args, ToolContext())
    assert out["classes"] == ["account"] and out["labeled_rows"] == 2


def test_apply_takes_its_classes_from_the_hand_labels_when_the_data_has_them() -> None:
    frame = TICKETS.assign(kind=["billing", None, "bug", None, "other", None])
    frame.to_csv(get_settings().workspace / "tickets.csv", index=False)
    lfs = to_lfs(parse_rules(RULES), list(frame.columns), "body")
    args = {"dataset": "tickets.csv", "labeling_functions": lfs[::2], "label_column": "kind"}
    out = call_tool("apply_labeling_functions", args, ToolContext())
    assert out["classes"] == ["billing", "bug", "other"]
