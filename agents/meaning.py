"""Columns by meaning: an outcome phrase matched to column descriptions by MiniLM similarity."""

from __future__ import annotations

import functools
import re
from typing import Any

import numpy as np

from agents import patterns as rx

FLOOR = 0.4
"""Least cosine similarity of the phrase and the chosen column's description."""
MARGIN = 0.05
"""Least lead of the chosen column over the next one (else the question stays)."""

# Short forms in column names, said out in full so the model reads them ('returned_90d' →
# 'returned 90 days', 'retest_req' → 'retest required').
_SHORT = {
    "d": "days",
    "wk": "weeks",
    "w": "weeks",
    "m": "months",
    "mo": "months",
    "yr": "years",
    "y": "years",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "req": "required",
    "reqd": "required",
    "amt": "amount",
    "qty": "quantity",
    "pct": "percent",
    "cnt": "count",
    "flg": "flag",
    "ind": "indicator",
    "cat": "category",
    "desc": "description",
    "txt": "text",
    "msg": "message",
    "cust": "customer",
    "acct": "account",
    "addr": "address",
    "dept": "department",
    "mgr": "manager",
    "prev": "previous",
    "nxt": "next",
}
_BINARY = frozenset("0 1 yes no true false y n t f 0.0 1.0".split())
VALUES = 3
"""Values of a categorical column said in its description ('outcome: approved, denied')."""
MAX_CANDIDATES = 64
"""The most columns a phrase is matched against: each is one model forward (a table of 10,000
label-like columns took minutes, and its matrix stayed in the cache); with more, the meaning
match is not tried and the word rules' question stays (a nearest of hundreds is no clear pick)."""
MAX_NAME = 100
"""The most characters of a column name read (described, spelt): the model reads 128 tokens
of a description at most, and a 5,000-character name only cost time and cache memory."""


MODE = "all"
"""Where binding by meaning is used: 'all' (the question's fallback and the outcome readers
of agents/columns.py), 'ask' (only before a label question) or 'off'; FORGEFLOW_MEANING
overrides it (for before/after comparisons)."""


def enabled(scope: str = "ask") -> bool:
    """Whether binding by meaning is on for `scope` ('ask' or 'outcome')."""
    from settings import get_settings

    mode = (get_settings().meaning or MODE).lower()
    return mode == "all" or mode == scope


def _words(name: str) -> list[str]:
    spaced = rx.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", str(name))
    spaced = rx.sub(r"(?<=\d)(?=[A-Za-z])|(?<=[A-Za-z])(?=\d)", " ", spaced)
    words = [w for w in rx.split(r"[^A-Za-z0-9]+", spaced.lower()) if w]
    return [_SHORT.get(w, w) for w in words]


def describe(column: dict[str, Any]) -> str:
    """A column in words: its name's words, short forms spelt out, and for a column of a few
    named classes its commonest values ('reprint_needed' → 'reprint needed'; 'outcome' with
    approved/denied → 'outcome: approved, denied').
    """
    text = " ".join(_words(str(column["name"])[:MAX_NAME]))
    values = [str(v) for v in (column.get("top") or {})]
    shown = [
        v
        for v in values
        if v.strip().lower() not in _BINARY and re.search(r"[A-Za-z]{2}", v) and len(v) <= 30
    ]
    if shown and column.get("distinct", 99) <= 12 and not column.get("text_like"):
        text += ": " + ", ".join(shown[:VALUES])
    return text


@functools.lru_cache(maxsize=512)
def _matrix(descriptions: tuple[str, ...]) -> np.ndarray:
    """The descriptions' embeddings (one row each), cached per profile's candidate set."""
    from agents.semantic import _embed_one

    return np.stack([_embed_one(d) for d in descriptions]).astype(np.float32)


def similarities(phrase: str, columns: list[dict[str, Any]]) -> list[tuple[str, float]]:
    """(column, cosine similarity to the phrase) for each column, best first; [] without the
    model, a phrase or columns, and for more than `MAX_CANDIDATES` columns.
    """
    from agents import semantic

    phrase = phrase.strip()[: rx.MAX_TEXT]
    if not phrase or not columns or len(columns) > MAX_CANDIDATES or not semantic.available():
        return []
    matrix = _matrix(tuple(describe(c) for c in columns))
    sims = matrix @ semantic._embed_one(phrase)
    ranked = sorted(
        zip((c["name"] for c in columns), sims.tolist(), strict=True), key=lambda x: -x[1]
    )
    return [(name, round(float(s), 4)) for name, s in ranked]


def clearly_best(
    ranked: list[tuple[str, float]], floor: float | None = None, margin: float | None = None
) -> str | None:
    """The first column when it is near enough and clearly ahead of the next, else None."""
    floor = FLOOR if floor is None else floor
    margin = MARGIN if margin is None else margin
    if not ranked or ranked[0][1] < floor:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < margin:
        return None
    return ranked[0][0]


def label_candidates(profile: dict[str, Any]) -> list[dict[str, Any]]:
    """The columns an outcome may be: label-like, no ids, no free text."""
    return [
        c
        for c in profile.get("columns") or []
        if c.get("label_like") and not c.get("id_like") and not c.get("text_like")
    ]


def meant_column(
    phrase: str,
    columns: list[dict[str, Any]],
    floor: float | None = None,
    margin: float | None = None,
) -> str | None:
    """The one column among `columns` the phrase means, when clearly best; else None."""
    try:
        ranked = similarities(phrase, columns)
    except Exception:  # noqa: BLE001 - the model failing leaves the word rules' answer
        return None
    return clearly_best(ranked, floor, margin)


# The outcome a goal asks of rows, looser than the word rules' readings (agents/columns.py
# `_OUTCOME_RE`, `_WILL_RE`): 'which ones end up getting redone', 'which callouts we're likely
# to fix first time', 'which samples will we need to do again'. Only read for a meaning match.
_ASKED_RE = re.compile(
    r"\b(?:which|who|whether|if)\b(?:\s+of)?[^.?!;]{0,60}?\b(?:will|would|'ll|gonna|might|"
    r"(?:is|are|'re|'s)\s+(?:likely|going|about)\s+to|likely to|going to|ends?\s+up|could end up)"
    r"\s+(?:(?:we|you|they|i|it)\s+)?(?:probably\s+|actually\s+)?"
    r"(?:end\s+up\s+(?:with\s+|being\s+|getting\s+|having\s+)?)?"
    r"([\w' -]{3,50}?)(?=\s+(?:from|using|with|based|in|by|next|soon|this|within|so|and|before|"
    r"after|on|for)\b|[,.;:?!(]|$)",
    re.I,
)
_PREDICT_RE = re.compile(
    r"\b(?:predict\w*|forecast\w*|guess\w*|anticipat\w*|flag\w*|estimat\w*|spot\w*|catch\w*|"
    r"identif\w*|foresee\w*|tell|figure out|work out|find out|know)\s+"
    r"(?:the\s+|which\s+|whether\s+|if\s+|who\s+|a\s+|an\s+)?(?!(?:for|on|of|about)\b)"
    r"([\w' -]{3,60}?)(?=\s+(?:from|using|with|based|off|on|in|for|given|by|out of)\b|"
    r"[,.;:?!(]|$)",
    re.I,
)
_FILES = re.compile(rx.file_name("csv|tsv|parquet|jsonl|json|md|txt|pdf") + r"\b", re.I)


# 'kids likely to get scouted': the rows before the future verb are no part of the outcome
_FUTURE = re.compile(
    r"^.*?\b(?:will|would|'ll|gonna|likely to|going to|about to|end(?:s)? up)\s+", re.I
)
_FILLER = frozenset(
    "a an the to of in on at by for from into with and or it its their our my we they you i "
    "be is are was were been being this that these those some all any each one ones "
    "likely probably actually really".split()
)


def _cleaned(phrase: str) -> str | None:
    """The outcome's words without the rows said before a future verb ('kids likely to get
    scouted' → 'get scouted'); None for words that only name the rows (a lone plural noun,
    'members') or nothing at all ('into').
    """
    phrase = _FUTURE.sub("", phrase.strip()).strip()
    words = [w for w in re.findall(r"[A-Za-z']+", phrase.lower()) if w not in _FILLER]
    if not words:
        return None
    if len(words) == 1 and re.fullmatch(r"[a-z]{3,}[^s]s", words[0]):
        return None  # 'members', 'kids': the rows, not an outcome
    return phrase


def outcome_phrase(text: str) -> str | None:
    """The words of the outcome a goal asks a model for, or None (no such wording)."""
    text = _FILES.sub(" ", text)
    for pattern in (_ASKED_RE, _PREDICT_RE):
        m = pattern.search(text)
        if m is not None and (phrase := _cleaned(m.group(1))):
            return phrase
    return None


def meant_outcome(
    profile: dict[str, Any], phrase: str, allowed: list[str] | None = None, scope: str = "ask"
) -> str | None:
    """The label-like column (of `allowed`, when given) an outcome phrase means by its sense
    rather than its words ('need to do again' → retest_required), when its similarity is
    clearly best; else None (the question stays).
    """
    if not enabled(scope):
        return None
    cleaned = _cleaned(phrase)
    if cleaned is None:
        return None
    columns = label_candidates(profile)
    if allowed is not None:
        columns = [c for c in columns if c["name"] in allowed]
    if not columns or len(columns) > MAX_CANDIDATES:
        return None
    spelt = _spelt_by(cleaned, [c for c in profile.get("columns") or [] if not c.get("id_like")])
    if len(spelt) >= 2 or any(n not in {c["name"] for c in columns} for n in spelt):
        # 'how the exams go' with exam_grade and exam_board: the words tie, asked; 'the
        # monthly_charges number' names a column that is no label: the words said it
        return None
    return meant_column(cleaned, columns)


def _spelt_by(phrase: str, columns: list[dict[str, Any]]) -> list[str]:
    """The columns one of whose name words a word of the phrase spells ('exams' ~ exam_grade)."""
    from agents.columns import name_tokens, token_fit

    words = {w for w in re.findall(r"[A-Za-z]+", phrase.lower()) if len(w) >= 3}
    fits: dict[str, bool] = {}  # a name word fits or not once, however many columns share it

    def fit(token: str) -> bool:
        if token not in fits:
            fits[token] = len(token) >= 3 and any(token_fit(w, token) >= 0.9 for w in words)
        return fits[token]

    return [
        c["name"]
        for c in columns
        if any(fit(t) for t in dict.fromkeys(name_tokens(str(c["name"])[:MAX_NAME])))
    ]


def meant_label(
    profile: dict[str, Any], text: str, allowed: list[str] | None = None, scope: str = "ask"
) -> str | None:
    """The label-like column the outcome a goal asks means (`meant_outcome` of the outcome's
    words read from the whole text: 'figure out which ones end up getting redone'), or None.
    """
    if not enabled(scope):
        return None
    phrase = outcome_phrase(text)
    return meant_outcome(profile, phrase, allowed, scope) if phrase else None
