"""Profiles, typos, misspelt files and thread follow-ups: the planner's reading of people and data."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from agents.intent import fix_typos
from agents.planner import plan_goal, remember
from settings import get_settings
from tests.utils.person_data import write_person_data
from tools.profile import columns_mentioned, profile_table


@pytest.fixture
def files() -> None:
    write_person_data(get_settings().workspace)


def test_profile_flags_partly_filled_id_text_and_label_columns(files: None) -> None:
    profile = profile_table("reviews.csv")
    assert profile is not None and profile["rows"] == 160
    by_name = {c["name"]: c for c in profile["columns"]}
    assert by_name["id"]["id_like"]
    assert by_name["review"]["text_like"]
    assert by_name["label"]["label_like"] and by_name["label"]["partly_filled"]
    assert by_name["label"]["missing_share"] == pytest.approx(0.75)
    assert profile_table("reviews.csv") is profile  # cached by path and mtime
    assert profile_table("nope.csv") is None


def test_column_mentions_ignore_case_plurals_and_values(files: None) -> None:
    profile = profile_table("data/census.csv")
    assert profile is not None
    text = "hours per week by person id, and education years >50K"
    assert columns_mentioned(profile, text) == ["hours_per_week", "person_id", "education_years"]


def test_typos_in_cue_words_are_fixed_and_names_are_not() -> None:
    assert fix_typos("trian a clasifier on reveiws.csv") == "train a classifier on reveiws.csv"
    assert fix_typos("product reviews") == "product reviews"  # not 'predict'
    assert fix_typos("sort by downloads") == "sort by downloads"


def test_a_typo_two_cue_words_fit_is_fixed_the_same_in_every_process() -> None:
    # 'colums' is one edit from 'column' and from 'columns': the set's iteration order (which
    # changes with PYTHONHASHSEED) used to decide; the typed ending now does, in every process.
    code = "from agents.intent import fix_typos; print(fix_typos('which colums hav gaps'))"
    seen = set()
    for seed in ("0", "1", "2", "3"):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        seen.add(out.stdout.strip())
    assert seen == {"which columns hav gaps"}


def test_a_misspelt_file_is_read_as_the_one_close_file(files: None) -> None:
    plan = plan_goal("inspect wine_trian.csv")
    assert [(s.tool, s.args) for s in plan.steps] == [
        ("inspect_dataset", {"dataset": "wine_train.csv"})
    ]
    assert "wine_trian.csv → wine_train.csv" in plan.notes[0]


def _memory() -> dict[str, Any]:
    return remember(
        "train_model",
        {"model_path": "models/w", "dataset": "wine_train.csv", "metrics": {"accuracy": 0.9}},
        {},
        {"dataset": "wine_train.csv", "label_column": "cultivar", "model": "mlp"},
    )


def test_rerun_and_instead_change_only_what_the_sentence_says() -> None:
    again = plan_goal("rerun with up to 5 attempts", _memory()).steps[0]
    assert again.args == {
        "dataset": "wine_train.csv",
        "label_column": "cultivar",
        "model": "mlp",
        "max_attempts": 5,
    }
    meant = plan_goal("sorry, I meant logistic regression, not an mlp", _memory()).steps[0]
    assert meant.args["model"] == "logistic" and meant.args["label_column"] == "cultivar"


def test_small_talk_is_answered_not_planned() -> None:
    for goal in ("thanks!", "ok", "hello"):
        plan = plan_goal(goal, _memory())
        assert plan.steps == [] and plan.question is None and plan.answer


def test_questions_about_the_world_are_not_thread_questions() -> None:
    plan = plan_goal("what models are best for sentiment analysis?", _memory())
    assert [s.tool for s in plan.steps] == ["model_leaderboard"]


def test_asking_for_data_names_the_candidates(files: None) -> None:
    plan = plan_goal("detect anomalies")
    assert plan.question is not None
    assert "wine_train.csv" in plan.question and "digits.csv" in plan.question


def test_a_bounded_edit_distance_is_exact_within_the_bound_and_over_it_beyond() -> None:
    import itertools

    from tools.profile import edit_distance

    words = ["", "a", "ab", "ba", "abc", "acb", "bca", "abcd", "dcba", "aabb", "abab", "bbaa"]
    for a, b in itertools.product(words, repeat=2):
        exact = edit_distance(a, b)
        for bound in (0, 1, 2):
            bounded = edit_distance(a, b, bound)
            assert bounded == exact if exact <= bound else bounded > bound, (a, b, bound)
    assert edit_distance("departmnet", "department", 1) == 1  # one swap
    assert edit_distance("zzzzzzzz", "department", 2) == 3  # given up early: over the bound
