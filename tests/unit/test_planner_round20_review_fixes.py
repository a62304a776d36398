"""Round 20 review fixes: patterns that read ordinary wording as settings, files or classes."""

from __future__ import annotations

import re

import pytest

from agents import arguments
from agents.planner import POLITE_REQUEST_RE, VALIDATION_SHARE_RES


def test_a_generator_class_check_runs_without_the_removed_grounding_helper() -> None:
    # the merged code imported grounding._table, removed by the review refactor
    assert arguments._class_asked("no_such_table.csv", "make 40 more fake C1 rows") is None


@pytest.mark.parametrize(
    ("text", "config"),
    [
        ("then download the en config", "en"),
        ("grab the v2 subset", "v2"),
        ("then download the config", None),
        ("and download that config too", None),
    ],
)
def test_a_determiner_before_config_is_no_config_name(text: str, config: str | None) -> None:
    found = re.search(arguments.CONFIG_SAID, text, re.I)
    assert (found.group(1) if found else None) == config


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("test is 30 percent", True),
        ("test split: 20%", True),
        ("recall on test is 75% or better", False),
        ("accuracy on the test set is 80%", False),
        ("test = 20% at least", False),
    ],
)
def test_a_test_share_is_not_a_metric_target_on_the_test_set(text: str, share: bool) -> None:
    assert bool(VALIDATION_SHARE_RES[-1].search(text)) is share


@pytest.mark.parametrize(
    ("text", "polite"),
    [
        ("ok, so could you fill in the categories that are missing?", True),
        ("could we also teach something to spot the ones that fail?", True),
        ("what categories can we pick from?", False),
        ("hey, which ones can you fill", False),
        ("could you tell me the columns", False),
    ],
)
def test_a_question_word_makes_no_polite_request(text: str, polite: bool) -> None:
    assert bool(re.search(POLITE_REQUEST_RE, text, re.I)) is polite


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("create a classifier on the churn table and apply it to b.csv", False),
        ("make a model and compare them to gold.csv", False),
        ("generate 100 rows into out.csv", True),
        ("then sample 300 synthetic late trips to x.csv", True),
        ("make me 200 fake ones as x.csv", True),
    ],
)
def test_a_generating_verb_writes_a_file_only_with_rows_said(text: str, written: bool) -> None:
    assert bool(re.search(arguments.OUT_FILE_RE + r"\s*x?\w*\.csv", text, re.I)) is written


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("isolation forest and LOF only (no CVAE)", True),
        ("use not the MLP", True),
        ("rather than an  MLP", True),
        ("please tie a knot CVAE", False),
        ("no, CVAE", False),
    ],
)
def test_a_negation_is_read_just_before_a_mention(text: str, negated: bool) -> None:
    from agents.options import negated_before

    at = text.rindex(text.split()[-1].strip("()"))
    assert negated_before(text, at) is negated


def test_a_negation_far_before_a_mention_does_not_count() -> None:
    from agents.options import NEGATION_WINDOW, negated_before

    # the look-back is a window (linear over many mentions), so a 'no' long before is not it
    text = "no " + "x" * (NEGATION_WINDOW + 5) + " CVAE"
    assert not negated_before(text, text.rindex("CVAE"))


def test_a_dot_folder_or_file_is_hidden_wherever_it_lies() -> None:
    from store.workspace import is_hidden

    assert is_hidden(".cache/x.csv") and is_hidden("runs/.tmp/x.csv") and is_hidden(".x.csv")
    assert not is_hidden("runs/x.csv") and not is_hidden("data/x.v2.csv")
