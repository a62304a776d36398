"""QA questions, round 29: a time said with 'at' ('at the end of the day', 'at six months of
age') is asked with When, not Where (the trial's 'Where are spaying and neutering
recommended?' was answered with an age)."""

from __future__ import annotations

import pytest

from tools.qa.text import leading_kind


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("at the end of the day", "time"),
        ("at six months of age", "time"),
        ("at 6 months of age", "time"),
        ("at the beginning of each term", "time"),
        ("at least 24 hours before", "time"),
        # places stay places
        ("at the front desk", "place"),
        ("in the waiting room", "place"),
        ("into the bank account", "place"),
        ("in front of the building", "place"),
    ],
)
def test_the_kind_of_a_phrase_after_at(phrase: str, kind: str) -> None:
    assert leading_kind(phrase) == kind
