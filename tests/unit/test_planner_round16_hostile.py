"""Round 16: hostile input to the round's new readers (invented names): a column name that is
regex syntax, a rules file nested past the stack, a long run of letters in a search."""

from __future__ import annotations

import json

import pandas as pd

from agents.arguments import holds_rules
from agents.grounding import _whole_name_said
from agents.slots import extract_slots, query_terms
from settings import get_settings


def test_a_column_name_that_is_regex_syntax_is_read_as_text() -> None:
    assert _whole_name_said("count(*)", "the count column") is False  # no error, no match
    assert _whole_name_said("Q1) rating", "predict the rating") is False
    assert _whole_name_said("score [x", "score it") is False
    assert _whole_name_said("Amount (USD)", "the amount") is False
    assert _whole_name_said("(a+)+$", "a" * 3000 + "!") is False


def test_a_rules_file_nested_past_the_stack_is_no_rules_file() -> None:
    root = get_settings().workspace
    (root / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    assert holds_rules("deep.json") is False


def test_a_long_search_word_does_not_backtrack() -> None:
    # unanchored, the file-name pattern backtracked cubically here (7.6 s for this goal)
    terms = query_terms(extract_slots("search kaggle for " + "x" * 1950))
    assert terms.startswith("xxxx")
    assert query_terms(extract_slots("search local for data/fault_reports.csv")) == "fault"


def test_a_planned_question_on_a_table_with_odd_column_names_is_no_500() -> None:
    from agents.planner import plan_goal

    root = get_settings().workspace
    pd.DataFrame(
        {
            "count(*)": [1, 2, 3, 4] * 5,
            "Q1) rating": ["a", "b", "c", "d"] * 5,
            "(a+)+$": ["x", "y", "z", "w"] * 5,
            "note": ["fine", "odd", "fine", "odd"] * 5,
        }
    ).to_csv(root / "odd_cols.csv", index=False)
    plan = plan_goal("train a model on odd_cols.csv to predict the rating")
    assert plan.steps or plan.question or plan.answer
    assert json.dumps([s.args for s in plan.steps], default=str)
