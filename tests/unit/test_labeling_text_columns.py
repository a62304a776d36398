"""Free-text columns for labeling: words, not codes or time stamps; the wordiest first."""

from __future__ import annotations

import numpy as np
import pandas as pd

from agents.lf_writer import MinerConfig, doc_term
from tools.labeling.task import guess_text_columns


def _frame(rows: int = 120) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    words = ["kettle", "leaking", "handle", "loose", "arrived", "cracked", "lid", "stiff"]
    return pd.DataFrame(
        {
            "order_code": [f"KX-{7000 + i}" for i in range(rows)],
            "placed_at": pd.date_range("2026-03-01", periods=rows, freq="h").astype(str),
            "short_note": [f"{rng.choice(words)} {rng.choice(words)} {i}" for i in range(rows)],
            "review": [" ".join(rng.choice(words, 9)) + f" order {i}" for i in range(rows)],
        }
    )


def test_codes_and_time_stamps_are_not_free_text_and_the_wordiest_comes_first() -> None:
    found = guess_text_columns(_frame(), exclude=set())
    assert found == ["review", "short_note"]


def test_a_column_of_numbers_and_stop_words_gives_nothing_to_mine() -> None:
    frame = pd.DataFrame({"t": [f"2026-01-{1 + i % 28:02d} {i}" for i in range(200)]})
    assert doc_term(frame, "t", MinerConfig()) is None  # was a zero-column matrix (a crash)


def test_sentences_repeated_from_a_few_stock_phrases_are_still_free_text() -> None:
    """300 rows made of 12 sentences: few distinct values, but each reads as words (was taken
    for a category column, leaving labeling nothing to mine)."""
    phrases = [
        f"the {thing} on the {place} has been {state} since last week"
        for thing, place, state in [
            ("lamp", "landing", "flickering"),
            ("tap", "kitchen", "dripping"),
            ("window", "attic", "rattling"),
            ("boiler", "cellar", "banging"),
            ("gate", "drive", "sticking"),
            ("radiator", "hallway", "cold"),
            ("socket", "bedroom", "sparking"),
            ("gutter", "porch", "overflowing"),
            ("door", "shed", "jammed"),
            ("fan", "bathroom", "humming"),
            ("hob", "kitchen", "clicking"),
            ("skylight", "study", "leaking"),
        ]
    ]
    rows = 300
    frame = pd.DataFrame(
        {
            "job_ref": [f"HM-{3000 + i}" for i in range(rows)],
            "logged": pd.date_range("2026-05-01", periods=rows, freq="h").astype(str),
            "report": [phrases[(i * 7) % 12] for i in range(rows)],
            "trade": [["plumbing", "electrics", "joinery"][i % 3] for i in range(rows)],
            "grade": [
                ["Some college no degree", "Trade school finished"][i % 2] for i in range(rows)
            ],
            "segment": [
                ["managerial_administrative_business", "sales_and_service"][i % 2]
                for i in range(rows)
            ],
        }
    )
    assert guess_text_columns(frame, exclude=set()) == ["report"]
