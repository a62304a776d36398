"""What a free-text column is: the one rule the table profile and labeling's text guess share."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

SAMPLE_VALUES = 2000
"""Values read per column (the first ones present): enough to judge, bounded on a large table."""
VALUE_CHARS = 2000
"""Characters of a value its words and length are read in: a 100k-character cell costs no more
than a long paragraph, and any value this long is wordy enough already."""
PROSE_WORDS = 5
"""Plain words per value from which a column reads as sentences, however few distinct values it
has: a category name rarely runs to five words ('Some college, no degree' has four), a sentence
does."""
PHRASE_WORDS = 3
"""Plain words per value from which values read as phrases ('printer not printing in office'):
text once they vary enough (`PHRASE_DISTINCT`); one- or two-word values ('north', 'gold plan')
are category names unless nearly every row has its own."""
PHRASE_DISTINCT = 30
"""Distinct phrases from which a phrase column is text: more than a class column can have (the
profile's label-like bound is 30 values), so 25 ticket types of three words ('billing refund
issue') or 30 job titles stay classes, and 40 stock subjects repeated over 200 tickets are text."""
WORDY = 1.5
"""Plain words per value under which a column is never text: codes (`TK-40012`), stamps
(`2026-01-01 09:00`), numbers, snake_case names and single words."""
_PROSE_WORD = r"(?<!\S)[^\W\d_]+(?:'[^\W\d_]+)?[,.;:!?]?(?!\S)"
# One token between spaces, tried only where a space (or the start) precedes it: linear in the
# value's length, whatever the value holds.


def prose_words(sample: pd.Series) -> float:
    """Mean number of plain words per value: runs of letters between spaces (a trailing comma or
    full stop allowed); codes, numbers, stamps and snake_case names count none.
    """
    return float(sample.str.count(_PROSE_WORD).mean()) if len(sample) else 0.0


@dataclass(frozen=True)
class TextReading:
    """How a column reads as text: whether it is free text, and its plain words per value."""

    free_text: bool
    words: float
    """Mean plain words per value (`prose_words`) of the values read; 0 for a non-text dtype."""


def read_text_column(series: pd.Series) -> TextReading:
    """Whether a column holds free text to mine words from, by its values.

    Numbers, booleans and times never are; nor are values under `WORDY` plain words (codes,
    stamps, ids, single words). Values are text when they are sentences (`PROSE_WORDS`+) with
    at least 3 distinct, phrases (`PHRASE_WORDS`+) with more than `PHRASE_DISTINCT` distinct, however often each repeats, or shorter wordy values that are nearly all
    different (more than half the rows and more than 30) or long (20+ characters) and varied
    (more than min(50, a fifth of the rows) distinct). One- or two-word values with few distinct
    values are categories. Reads at most `SAMPLE_VALUES` values of `VALUE_CHARS` characters.
    """
    dtype = series.dtype
    if (
        pd.api.types.is_numeric_dtype(dtype)
        or pd.api.types.is_bool_dtype(dtype)
        or pd.api.types.is_datetime64_any_dtype(dtype)
        or pd.api.types.is_timedelta64_dtype(dtype)
    ):
        return TextReading(False, 0.0)
    # str() of every value: mixed cells (ints among strings, JSON lists) are read as written.
    sample = series.dropna().head(SAMPLE_VALUES).astype(str).astype(object)
    sample = sample[sample.str.strip() != ""]
    if sample.empty:
        return TextReading(False, 0.0)
    clipped = sample.str.slice(0, VALUE_CHARS)
    words = prose_words(clipped)
    if words < WORDY:
        return TextReading(False, words)
    rows = len(sample)
    distinct = int(sample.nunique())  # whole values: long ones may differ only at the end
    sentences = words >= PROSE_WORDS and distinct >= 3
    phrases = words >= PHRASE_WORDS and distinct > PHRASE_DISTINCT
    varied = distinct > 0.5 * rows and distinct > 30
    long = clipped.str.len().mean() >= 20 and distinct > min(50, 0.2 * rows)
    return TextReading(bool(sentences or phrases or varied or long), words)


def is_free_text(series: pd.Series) -> bool:
    """Whether a column holds free text (`read_text_column`)."""
    return read_text_column(series).free_text
