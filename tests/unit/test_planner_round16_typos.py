"""Round 16: the second typo pass (invented kayak-rental wording): longer misspelt words that are
no dictionary word become the one nearest word of the planner's vocabulary; real words, names,
codes, contractions and words people write often are left alone."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents import intent
from agents.intent import fix_typos
from agents.planner import plan_goal
from settings import get_settings


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("keep the paddle logs as parqeut", "keep the paddle logs as parquet"),
        ("reaply the remaining rules", "reapply the remaining rules"),
        ("the maintenence notes of the kayaks", "the maintenance notes of the kayaks"),
        ("look on hugingface for rental data", "look on huggingface for rental data"),
        ("write the ouput to kayak_scores", "write the output to kayak_scores"),
    ],
)
def test_a_longer_misspelt_word_becomes_the_planners_word(typed: str, meant: str) -> None:
    assert fix_typos(typed) == meant


@pytest.mark.parametrize(
    "text",
    [
        "predict the defect kind of each hull",  # 'defect' is a word, one edit from 'detect'
        "a rule for condensation on the hulls",  # two edits from 'compensation'
        "thrips on the statin shelf",  # real words of 6 letters, one edit from 'trips', 'station'
        "join on RentalID and HullCode",  # names and codes keep their spelling
        "theyre in the dock sheet, dont touch them",  # contractions without the apostrophe
        "a latent size of 8 for the generator",  # a word the phrasings use often
        "show the stauts of each boat",  # status, stats or starts: no guess
    ],
)
def test_words_that_are_no_typos_are_left_alone(text: str) -> None:
    assert fix_typos(text) == text


def test_without_the_dictionary_the_second_pass_corrects_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    intent._correct.cache_clear()
    monkeypatch.setattr(intent, "_dictionary", lambda: frozenset())
    try:
        assert fix_typos("the maintenence notes") == "the maintenence notes"
        assert fix_typos("trian a clasifier") == "train a classifier"  # the first pass stays
    finally:
        intent._correct.cache_clear()


@pytest.fixture
def rentals() -> Path:
    root = get_settings().workspace
    pd.DataFrame(
        {
            "rental_id": [f"R{i}" for i in range(30)],
            "boat": ["single", "double", "canoe"] * 10,
            "hours": [1 + i % 5 for i in range(30)],
            "returned_late": ["yes", "no"] * 15,
        }
    ).to_csv(root / "rentals.csv", index=False)
    return root


def test_a_misspelt_format_reaches_the_saved_file(rentals: Path) -> None:
    plan = plan_goal("save rentals.csv as parqeut please")
    assert [s.tool for s in plan.steps] == ["save_table"]
    assert plan.steps[0].args.get("format") == "parquet"
