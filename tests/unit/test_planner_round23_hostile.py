"""Hostile input, twenty-third round: runs of white space reach no pattern of the planner."""

from __future__ import annotations

import re

from agents import patterns as rx
from agents.planner import plan_goal
from tests.unit import test_planner_round20_hostile as shapes


def test_runs_of_white_space_are_read_as_one() -> None:
    text, note = rx.bounded("train  a\t\tmodel" + " " * 5000 + "on wine.csv\n\n\n  then stop")
    assert note is None  # 5,000 spaces made one: the goal is short again
    assert text == "train a model on wine.csv\nthen stop"
    assert not re.search(r"\s\s", rx.bounded("a" + " \t" * 3000 + "b" * 3000)[0])


def test_patterns_quadratic_on_a_run_of_spaces_never_meet_one() -> None:
    # With white space counted as a run character, the shape check flags patterns that split
    # a long run of spaces every way (`\s*…\s+`): the planner's input holds no such run.
    run = {" ", "\t", "\n"}
    flagged = []
    for _where, pattern, flags in shapes.scanning_uses():
        saved = shapes.WORD
        shapes.WORD = saved | run
        try:
            if shapes.quadratic_shapes(pattern, flags):
                flagged.append(pattern)
        finally:
            shapes.WORD = saved
    assert flagged  # the widened check does find such patterns ...
    spaced = "label reviews.csv" + " " * 1900 + "with weak supervision"
    assert not re.search(r"\s{2}", rx.bounded(spaced)[0])  # ... and no run reaches them


def test_a_goal_spaced_out_plans_as_the_same_goal() -> None:
    words = "train a classifier on wine.csv to predict cultivar".split()
    plain = plan_goal(" ".join(words))
    spaced = plan_goal((" " * 300).join(words))
    assert [s.tool for s in spaced.steps] == [s.tool for s in plain.steps]
    assert [s.args for s in spaced.steps] == [s.args for s in plain.steps]
