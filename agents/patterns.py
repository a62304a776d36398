"""One compile cache for the planner's regexes, large enough for the patterns it builds from words.

The planner modules build many patterns per goal from its words and the data's column names
(f-strings around `re.escape(...)`). Through `re`'s own cache (512 entries, oldest dropped
first) those push out every constant pattern too, so each plan recompiled hundreds of them.
Here every pattern the planner uses is compiled once per process (least recently used dropped
beyond `MAX_PATTERNS`); the functions mirror `re`'s module-level ones.

Hostile text is bounded here too: `MAX_TEXT` and `bounded` (the most of a goal the planner
reads), and `file_name`, the one file-name pattern the planner's modules share, linear in the
text's length.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

MAX_PATTERNS = 4096

Pattern = str | re.Pattern[str]

MAX_TEXT = 2000
"""The most characters of a goal (or a reply to a question) the planner reads (the corpora's
longest is under 500). Every pass reads the goal once per clause at least, and a pattern that
is fine on a sentence may cost the square of the length, so a pasted document or a hostile text
is cut here first, with a note in the plan. The HTTP, chat and CLI surfaces refuse a goal over
`MAX_SUBMITTED` before a run exists (graphs/runner.py `submit_goal`)."""

MAX_SUBMITTED = 10_000
"""The longest goal a surface accepts (a 400 `bad_input` beyond): `MAX_TEXT` of it is read."""


SPACE_RUN_RE = re.compile(r"\s{2,}")
"""A run of white space: read as one space (or one line break where it holds one), so no pattern
meets a long run of spaces, where two repeats of white space side by side split it every way."""


def _one_space(run: re.Match[str]) -> str:
    return "\n" if "\n" in run.group() else " "


def bounded(text: str) -> tuple[str, str | None]:
    """The text with its runs of white space made one, cut to `MAX_TEXT` at its last sentence
    end (else space) in the second half of the limit, and a note saying so; a text within the
    limit has no note.
    """
    text = SPACE_RUN_RE.sub(_one_space, text)
    if len(text) <= MAX_TEXT:
        return text, None
    head = text[:MAX_TEXT]
    end = max(head.rfind(mark) for mark in (". ", "? ", "! ", "\n", "; "))
    if end < MAX_TEXT // 2:
        end = head.rfind(" ")
    if end >= MAX_TEXT // 2:
        head = head[: end + 1]
    note = f"only the first {len(head):,} of {len(text):,} characters were read"
    return head.rstrip(), note


WORD_MAX = 100
"""The most characters of one word, id or name a pattern reads where its match may start inside a
longer run of name characters ('a-a-a…'): each start then reads that far at most, not to the
run's end (quadratic on one long word). `meaning.MAX_NAME` is the same length for column names.
"""

ID_TOKEN = rf"(?:(?!\d)[\w-]){{0,{WORD_MAX}}}+\d[\w-]{{0,{WORD_MAX}}}"
r"""An id: a word with a digit in it ('R12', 'QX-4'), as `[\w-]*\d[\w-]*` reads one (the same
ends, tried in the same order) but split at its first digit: that form tried every digit of a
long word as the one, each with every end after it.
"""

POSITIVE_VALUES = ("y", "yes", "1", "1.0", "true", "t", "pos", "positive")
NEGATIVE_VALUES = ("n", "no", "0", "0.0", "false", "f", "neg", "negative")
"""A binary label's values that mean yes and no (lower-cased): which class 'the churned ones' or
'the ones who did not' means (options `class_value`, memory `generator_label`)."""

TRAIN_VERB = r"train\w*|fit\w*|learn\w*|built|build"
"""The verbs of a training ('trained', 'fit', 'learns', 'built'), an alternation: the table a
model learns from is said after one (arguments `TRAIN_ON_RE`, planner `TRAINED_ON_SAID`)."""

WRITE_VERB = r"save|export|write|store|dump|output|convert|put|keep|copy|download"
"""Verbs of writing a file ('save as x.jsonl', 'export it as x.xlsx'): a name after one is a
file to write."""
SHOW_LEAD = (
    r"^\W*(?:(?:ok|okay|so|and|now|then|great|nice|cool|thanks)\W+)*(?:(?:please|pls|can|could|"
    r"would)\s+(?:you\s+)?)?(?:show|let\s+me\s+see|give|display|print|preview|list|read|pull\s+up)\b"
    r"(?:\s+(?:me|us))?\s+(?:(?:a\s+few|some|a\s+couple|a\s+sample|samples?|examples?|\d{1,3}|"
    r"several|the\s+first(?:\s+\d{1,3})?)\s+)?(?:of\s+)?"
)
"""The start of a request to see some of what a run made ('ok, show me a few of ...')."""
LEARNT_FROM = r"on|from|with|using"
"""The words between a training verb and the table learnt from ('trained on', 'fit from'), an
alternation (planner `TRAINED_ON_SAID`, `RETRAIN_ON_RE`)."""

MEASURED_AGAINST = r"against|versus|vs\.?|compared?\s+(?:to|with)"
"""The words before what a result is measured against ('check it against x.csv', 'versus the
gold'), an alternation (references `AGAINST`, arguments' scored gold of a rules vote)."""


NAME_CHARS = r"[\w./-]"
"""The characters of a file name as the planner reads one ('data/q3-notes.v2.csv')."""


def file_name(exts: str) -> str:
    """The pattern of a file name ending in '.' and one of `exts` (an alternation, 'csv|tsv'),
    without a trailing boundary (add `\\b` where one is meant).

    Only the start of a run of name characters may start it (the lookbehind): the leftmost
    match starts there anyway (a name preceded by a name character extends to the left), and
    after a match the rest of its run holds no other (the run is read greedily up to its last
    extension). Without it a run of name characters with no extension ('a.a.a…', a pasted
    hash) was scanned to its end from each of its positions: quadratic, minutes for 20,000
    characters.
    """
    return rf"(?<!{NAME_CHARS}){NAME_CHARS}+\.(?:{exts})"


def column_words(name: str) -> str:
    """The pattern of a column's name as a person writes it ('visits_last_month', 'visits last
    month', 'Home Club', a plural 's'), case as the caller's flags say; one that matches nothing
    for a name with no letter or digit.
    """
    parts = [re.escape(w) for w in re.findall(r"[A-Za-z]+|\d+", name)]
    return r"\b" + r"[\s_-]?".join(parts) + r"s?\b" if parts else r"(?!)"


def lists_before(
    anchor: re.Pattern[str],
    back: re.Pattern[str],
    text: str,
    ends: Callable[[re.Match[str]], list[int]] = lambda m: [m.start()],
) -> Iterator[tuple[str, re.Match[str]]]:
    """(the list, the anchor's match) for each list of words right before an anchor ('a, b and c'
    before ' as categoricals'), in order, as a forward pattern `LIST ANCHOR` finds them: `back`
    is the list's pattern spelt backwards, matched on the reversed text from where the list
    ends (`ends`: the anchor's start, or other places tried, the longest list kept) back to the
    previous list's anchor at most.

    Forwards, such a pattern is tried from every word of a list (and every letter of a long
    word), each try reading to the list's end: quadratic. Backwards each list is read once.
    """
    reverse = text[::-1]
    n, last = len(text), 0
    for m in anchor.finditer(text):
        found = [
            (n - f.end(), end)
            for end in ends(m)
            if (f := back.match(reverse, n - end, n - last)) is not None
        ]
        if found:
            start, end = min(found)
            yield text[start:end], m
            last = m.end()


@functools.lru_cache(maxsize=MAX_PATTERNS)
def compiled(pattern: Pattern, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled once per process."""
    return re.compile(pattern, flags)


def search(pattern: Pattern, string: str, flags: int = 0) -> re.Match[str] | None:
    """`re.search` through the shared cache."""
    return compiled(pattern, flags).search(string)


def match(pattern: Pattern, string: str, flags: int = 0) -> re.Match[str] | None:
    """`re.match` through the shared cache."""
    return compiled(pattern, flags).match(string)


def fullmatch(pattern: Pattern, string: str, flags: int = 0) -> re.Match[str] | None:
    """`re.fullmatch` through the shared cache."""
    return compiled(pattern, flags).fullmatch(string)


def findall(pattern: Pattern, string: str, flags: int = 0) -> list[Any]:
    """`re.findall` through the shared cache."""
    return compiled(pattern, flags).findall(string)


def finditer(pattern: Pattern, string: str, flags: int = 0) -> Iterator[re.Match[str]]:
    """`re.finditer` through the shared cache."""
    return compiled(pattern, flags).finditer(string)


def split(pattern: Pattern, string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
    """`re.split` through the shared cache."""
    return compiled(pattern, flags).split(string, maxsplit)


def sub(
    pattern: Pattern,
    repl: str | Callable[[re.Match[str]], str],
    string: str,
    count: int = 0,
    flags: int = 0,
) -> str:
    """`re.sub` through the shared cache."""
    return compiled(pattern, flags).sub(repl, string, count)


FLAGGED_SAVED_RE = (
    r"\b(?:save|write|store|put|export|keep)\s+(?:them|those|these|the\s+(?:flagged|odd|weird|"
    r"strange|anomal\w*|outliers?|suspicious)(?:\s+(?:ones|rows|records|orders|entries))?|"
    r"(?:the\s+)?(?:flagged|odd|anomalous)\s+(?:ones|rows))\s+(?:as|to|in(?:to)?)\b"
)
"""'... and save them as odd.csv' of a scan: the flagged rows are the file, not the scores."""


def flagged_saved(text: str) -> bool:
    """Whether a scan's words save its flagged rows ('find anomalies ... and save them as
    odd.csv'); not when a count of top rows is what 'them' are ('the top 25 most unusual
    readings ... save them to x.csv': the ranked scores).
    """
    return bool(search(FLAGGED_SAVED_RE, text, re.I)) and not search(
        r"\btop\s+\d+|\b\d+\s+(?:most|strangest|oddest|weirdest)\b", text, re.I
    )
