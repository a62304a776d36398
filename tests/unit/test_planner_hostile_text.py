"""Long hostile goals plan in bounded work: no regex with nested lists over one character set."""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.arguments import role_files
from agents.planner import MAX_GOAL_CHARS, bounded, plan_goal
from agents.rules import _vote_rules
from settings import get_settings


@pytest.fixture
def ws() -> Path:
    """A workspace with one small table of hive inspections."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    rows = [f"H{i:02d},{'calm' if i % 3 else 'testy'},{20 + i}" for i in range(30)]
    (root / "hives.csv").write_text("hive_id,temper,frames\n" + "\n".join(rows) + "\n")
    return root


def test_vote_rules_are_read_from_the_clause_start_or_a_mention_word() -> None:
    rules = _vote_rules(
        "notes that mention swarm, queenless or robbing vote alarm; calm, docile vote ok"
    )
    assert [(r["label"], r["keywords"]) for r in rules] == [
        ("alarm", ["swarm", "queenless", "robbing"]),
        ("ok", ["calm", "docile"]),
    ]
    # a second 'vote' with no clause start of its own is not a rule of the first one's words
    assert [r["label"] for r in _vote_rules("swarm vote alarm, calm vote ok")] == ["alarm"]


def test_a_long_list_before_vote_words_plans_at_once(ws: Path) -> None:
    # Many comma-separated items and no 'vote': the former pattern backtracked through every
    # way of splitting the list (minutes for ~1,000 characters); read linearly now.
    goal = "label hives.csv " + "frames 1 to 999999 are testy, " * 40
    plan = plan_goal(goal)
    assert plan is not None
    assert _vote_rules(goal) == []


def test_a_file_named_many_times_is_read_once_per_name() -> None:
    text = "same for hives.csv, " * 300 + "and write it to out.csv"
    data, test, out = role_files(text, ["hives.csv"] * 300 + ["out.csv"])
    assert data == ["hives.csv"] * 300
    assert (test, out) == ([], ["out.csv"])


def test_a_very_long_goal_is_read_up_to_the_cap_and_says_so(ws: Path) -> None:
    # Punctuation runs made one clause per mark and the rule readers re-read the whole goal for
    # every clause (minutes for 10,000 characters); only the first MAX_GOAL_CHARS are read now.
    goal = "predict temper from hives.csv" + " ,;:.!?()[]'\"-" * 700
    plan = plan_goal(goal)
    notes = [n for n in plan.notes if n.endswith(f" of {len(goal):,} characters were read")]
    assert len(notes) == 1
    read = int(notes[0].split()[3].replace(",", ""))
    assert MAX_GOAL_CHARS // 2 <= read <= MAX_GOAL_CHARS  # the bound on the planner's work


def test_the_cap_cuts_at_a_sentence_end_and_leaves_short_goals_alone() -> None:
    short = "train a model on hives.csv to predict temper. " * 10
    assert bounded(short) == (short, None)
    long = "Count the frames of hives.csv. " * 100
    head, note = bounded(long)
    assert len(head) <= MAX_GOAL_CHARS and head.endswith("hives.csv.")
    assert note == f"only the first {len(head):,} of {len(long):,} characters were read"
