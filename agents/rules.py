"""Keyword rules a person states in words, as declarative labeling functions.

"'refund' or 'charged' → billing, 'password' → account", "anything saying 'love it' is
positive", "technical if the body mentions error or crashes": each becomes a keyword LF
(`{"name", "label", "kind": "keyword", "column", "keywords"}`) that apply_labeling_functions
and vote_labels run as they are; no code is written or executed.
"""

from __future__ import annotations

import copy
import functools
import re
from typing import Any

from agents import patterns as rx

QUOTED = r"[\"'‘’“”`]([^\"'‘’“”`]{1,60})[\"'‘’“”`]"
ARROW = r"\s*(?:->|→|=>|⇒|:)\s*"
LABEL = r"([A-Za-z][\w<>=+-]*)"
LABEL_FIRST = rf"([A-Za-z][\w<>=+-]{{0,{rx.WORD_MAX}}})"
"""A label that starts a rule ('spam if ...'): its match may start at any word of a long run
('a-a-a…'), so it reads `WORD_MAX` characters at most."""

# 'a' or 'b' -> label   |   'a', 'b' → label
ARROW_RULE = re.compile(
    rf"((?:{QUOTED}(?:\s*(?:,|or|and|/)\s*)?)+)(?:\s+(?:on|in)\s+(?:the\s+)?(\w+))?{ARROW}{LABEL}",
    re.I,
)
# (posts that mention) a, b or c vote label
VOTE_TAIL = re.compile(rf"\s+votes?\s+(?:for\s+)?{LABEL}", re.I)
MENTION = re.compile(r"\b(?:mentions?|mentioning|contains?|containing|says?|with)\s+", re.I)
VOTE_WORDS = re.compile(r"[\w' ,-]+")
# anything saying 'a' or 'b' is label  |  rows mentioning 'a' are label
SAYS_RULE = re.compile(
    r"\b(?:anything|any (?:row|text|review|message|ticket|post)s?|rows?|texts?|ones|those|it|"
    r"reviews?|messages?|tickets?|posts?)\s+(?:that\s+)?(?:saying|says|say|mentioning|mentions|"
    r"mention|with|containing|contains|contain|that (?:say|mention|contain)s?)\s+"
    rf"((?:{QUOTED}(?:\s*(?:,|or|and|/)\s*)?)+)\s+(?:is|are|=|means?|should be|gets?|as)\s+"
    rf"(?:labell?ed\s+|marked\s+)?(?:as\s+)?{LABEL}",
    re.I,
)
# label if (the) column mentions a or b, other if it mentions c
IF_HEAD = re.compile(
    rf"\b{LABEL_FIRST}[\"'`’”]?\s+(?:if|when|where)\s+(?:the\s+)?(?:(\w+)\s+)?(?:mentions?|contains?|says|has|"
    r"includes?)\s+",
    re.I,
)
# 'a' or 'b' label, 'c' other   (no arrow)
BARE_RULE = re.compile(
    rf"((?:{QUOTED}(?:\s*(?:,|or|and|/)\s*)?)+)\s+(?:(?:is|are|means|=)\s+)?{LABEL}"
    r"(?=\s*(?:[,;.)]|$))",
    re.I,
)
# a billing rule firing on 'invoice' or 'late fee' in body
NAMED_RULE = re.compile(
    rf"\b{LABEL_FIRST}\s+(?:rule|lf|labell?ing function)\s+(?:that\s+)?(?:fir(?:es|ing)|vot(?:es|ing)|"
    r"match(?:es|ing)|trigger(?:s|ing|ed)|look(?:s|ing) for)\s+(?:on\s+|for\s+)?"
    rf"((?:{QUOTED}(?:\s*(?:,|or|and|/)\s*)?)+)(?:\s*(?:in|on)\s+(?:the\s+)?(\w+))?",
    re.I,
)
# sport if cup/derby/play-offs   |   politics = any of minister, parliament, senate
LIST_RULE = re.compile(
    rf"\b{LABEL_FIRST}\s+(?:(?:if|when)\s+(?:it\s+(?:says|mentions)\s+)?([\w' -]+(?:\s*/\s*[\w' -]+)+)|"
    r"=\s*(?:any of\s+)?([\w' -]+(?:\s*,\s*[\w' -]+)+))(?=\s*(?:[;.,\n]|$))",
    re.I,
)
# if the text says 'a' or 'b' it is label  |  if 'c', it's label
IF_IT_RULE = re.compile(
    r"\bif\s+(?:the\s+|an?\s+)?(?:(\w+)\s+)?(?:(?:say|says|mention|mentions|contain|contains|has|"
    r"includes?)\s+)?"
    rf"((?:{QUOTED}(?:\s*(?:,|or|and|/)\s*)?)+)\s*,?\s*(?:then\s+)?(?:it|that|this)?\s*"
    rf"(?:is|['’]s|means|->|→|=>)\s+(?:labell?ed\s+|marked\s+)?(?:as\s+)?(?:an?\s+(?=\w))?{LABEL}",
    re.I,
)
# anything mentioning a, b or c is label; d / e -> other   (unquoted, one rule a segment)
SEGMENT_LEAD = re.compile(
    r"^(?:(?:and|or|then|also)\s+)?(?:if\s+|when\s+)?(?:(?:anything|everything|any\s+\w+|(?:the\s+)?(\w+))\s+)?"
    r"(?:that\s+)?(?:mentions?|mentioning|says?|saying|contains?|containing|includes?|including|"
    r"with|has|having)\s+",
    re.I,
)
# A keyword (31 characters at most) holds no word 'or' and ends in no space, so a list splits
# one way only: '[a-z][\w' -]{0,30}' items took ' or ' and the spaces around a separator,
# and 80 characters of 'a or a or ...' with no label took 30 s.
_KEYWORD = r"(?!or\b)[a-z](?:[\w'-]|[ ](?=[ ]*(?!or\b)[\w'-])){0,30}"
SEGMENT_RULE = re.compile(
    rf"^((?:or\b\s*)?{_KEYWORD}(?:\s*(?:,\s*(?:or\s+)?|\bor\b\s*|/\s*){_KEYWORD})*?(?:\s*\bor\b)?)"
    rf"\s*(?:->|→|=>|=|\bis\b|\bare\b|\bmeans\b|\bit'?s\b|\bit\s+is\b|\bthen\b)\s+(?:labell?ed\s+|marked\s+)?(?:as\s+)?{LABEL}\s*$",
    re.I,
)
RULE_WORDS = (
    r"\b(?:rules?|ruls|heuristics?|label\w*|lable\w*|tag\w*|flag\w*|mark\w*|classif\w*|"
    r"categori[sz]\w*|mention\w*)\b"
)
STOP_LABELS = {"is", "are", "the", "a", "an", "and", "or", "it", "them", "then", "if"}


def _keywords(chunk: str) -> list[str]:
    quoted = rx.findall(QUOTED, chunk)
    if quoted:
        return [q.strip() for q in quoted if q.strip()]
    parts = rx.split(r"\s*(?:,|\bor\b)\s*", chunk)
    return [p.strip(" '\"‘’“”`") for p in parts if p.strip(" '\"‘’“”`")]


def _arrow_rules(text: str) -> list[dict[str, Any]]:
    return [
        {"label": m.group(4), "keywords": _keywords(m.group(1)), "column": m.group(3)}
        for m in ARROW_RULE.finditer(text)
    ]


def _says_rules(text: str) -> list[dict[str, Any]]:
    return [
        {"label": m.group(3), "keywords": _keywords(m.group(1)), "column": None}
        for m in SAYS_RULE.finditer(text)
    ]


def _if_rules(text: str) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    heads = list(IF_HEAD.finditer(text))
    for i, head in enumerate(heads):
        stop = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        chunk = rx.split(r"[.;:\n]", text[head.end() : stop], maxsplit=1)[0]
        chunk = rx.sub(r"[\s,]*(?:\band\b)?[\s,]*$", "", chunk)
        column = head.group(2)
        if column and column.lower() in ("it", "text", "row", "message"):
            column = None if column.lower() != "text" else column
        rules.append({"label": head.group(1), "keywords": _keywords(chunk), "column": column})
    return rules


def _vote_rules(text: str) -> list[dict[str, Any]]:
    """'a, b or c vote label' (after a sentence start or a mention word).

    Found by the ' vote(s) LABEL' tail, then read back to the clause's start with plain string
    steps: one regex with nested lists over the same characters took minutes on a long goal.
    """
    rules: list[dict[str, Any]] = []
    done = 0
    for tail in VOTE_TAIL.finditer(text):
        if tail.start() < done:
            continue
        head = text[done : tail.start()]
        cut = max(head.rfind(";"), head.rfind(":"), head.rfind("."))
        segment: str | None = head[cut + 1 :] if cut >= 0 or done == 0 else None
        mentions = list(MENTION.finditer(head if segment is None else segment))
        if mentions:
            segment = (head if segment is None else segment)[mentions[-1].end() :]
        if segment is None:
            continue
        segment = segment.strip()
        if not segment or not VOTE_WORDS.fullmatch(segment):
            continue
        rules.append({"label": tail.group(1), "keywords": _keywords(segment), "column": None})
        done = tail.end()
    return rules


def _bare_rules(text: str) -> list[dict[str, Any]]:
    return [
        {"label": m.group(3), "keywords": _keywords(m.group(1)), "column": None}
        for m in BARE_RULE.finditer(text)
    ]


def _named_rules(text: str) -> list[dict[str, Any]]:
    return [
        {"label": m.group(1), "keywords": _keywords(m.group(2)), "column": m.group(4)}
        for m in NAMED_RULE.finditer(text)
    ]


def _if_it_rules(text: str) -> list[dict[str, Any]]:
    rules = []
    for m in IF_IT_RULE.finditer(text):
        column = m.group(1)
        if column and column.lower() in ("it", "they", "row", "message"):
            column = None
        rules.append({"label": m.group(4), "keywords": _keywords(m.group(2)), "column": column})
    return rules


def _segment_rules(text: str) -> list[dict[str, Any]]:
    """Unquoted 'a, b or c is label' segments (split on ; : and sentence ends); two or more."""
    if not rx.search(RULE_WORDS, text, re.I):
        return []
    rules: list[dict[str, Any]] = []
    listed = 0
    pieces = []
    for part in rx.split(r"[;:\n]|\.(?:\s|$)", text):
        # 'soaked or wet is water, crushed is crushed': rules one after another, by commas
        ends = [m.end() for m in rx.finditer(r"\b(?:is|are|means|it'?s)\s+[\w-]+\s*,", part, re.I)]
        starts = [0, *ends]
        pieces += [part[a:b] for a, b in zip(starts, [*ends, len(part)], strict=False)]
    for segment in pieces:
        segment = segment.strip(" ,")
        lead = SEGMENT_LEAD.match(segment)
        column = (lead.group(1) if lead else None) or (rules[-1]["column"] if rules else None)
        body = segment[lead.end() :] if lead else segment
        match = SEGMENT_RULE.match(body)
        if not match or rx.search(r"\d|\.\w", match.group(1)):
            continue
        keywords = [
            w.strip(" '")
            for w in rx.split(r"\s*(?:,\s*(?:or\s+)?|\bor\b|/)\s*", match.group(1))
            if w.strip(" '")
        ]
        if any(len(w.split()) > 4 for w in keywords):
            continue
        arrow = rx.search(r"->|→|=>", body)
        listed += bool(lead or arrow or len(keywords) > 1)
        rules.append({"label": match.group(2), "keywords": keywords, "column": column})
    return rules if len(rules) >= 2 and 2 * listed >= len(rules) else []


def _list_rules(text: str) -> list[dict[str, Any]]:
    rules = []
    for m in LIST_RULE.finditer(text):
        chunk = m.group(2) or m.group(3)
        if m.group(3) and not (
            rx.search(r"=\s*any of\b", m.group(0), re.I)
            or rx.search(r"\b(?:rules?|lfs?|labell?ing functions?|keywords?)\b", text, re.I)
        ):
            continue  # 'model = MLP, 2 layers': a setting, not a keyword list
        if rx.search(r"\d", chunk):
            continue
        words = [w.strip(" '") for w in rx.split(r"\s*[/,]\s*|\s+or\s+", chunk) if w.strip(" '")]
        rules.append({"label": m.group(1), "keywords": words, "column": None})
    return rules


_KW_ITEM = (
    r"(?!or\b|and\b)[a-z][\w'-]{0,30}(?:[ ](?!or\b|and\b|is\b|are\b|as\b)[a-z][\w'-]{0,30}){0,2}"
)
KW_LIST = rf"({_KW_ITEM}(?:\s{{0,3}}(?:,\s{{0,3}}(?:or\s{{1,3}})?|\bor\s{{1,3}}|/\s{{0,3}}){_KW_ITEM}){{0,9}})"
"""Unquoted keywords: up to ten items of one to three words, joined by ',', 'or' or '/' (every
repeat bounded; an item never holds 'or', so a list splits one way)."""
_MENTIONS = r"(?:mentions?|mentioning|says?|saying|contains?|containing|includes?|including|with)"
_SUBJECT = (
    r"(?:anything|everything|(?:any|all|the)\s{1,3}[a-z]{2,30}|rows|tickets|messages|reviews|"
    r"posts|notes|texts|emails|comments|calls|complaints|ones|those)"
)
_TAG_VERB = r"(?:label|mark|tag|flag|classify|call|treat|put)"
LABEL_END = r"(?=\s{0,3}(?:[,;.)!?\n]|\band\b|\bthen\b|$))"
# if a ticket mentions refund or chargeback, label it billing | when the note says leak, it's plumbing
# ('has' only with a labeling verb: 'if the data has duplicates, that's a problem' is no rule)
IF_VERB_RULE = re.compile(
    rf"\b(?:if|when|whenever)\s{{1,3}}(?:(?:the|a|an|any)\s{{1,3}})?(?:(?!mentions?\b|says\b)[a-z]{{2,30}}\s{{1,3}})?"
    rf"(?:([a-z]{{2,30}})\s{{1,3}})?"
    rf"(mentions?|says|contains?|has|includes?)\s{{1,3}}{KW_LIST}\s{{0,3}},?\s{{0,3}}(?:then\s{{1,3}})?"
    rf"(?:{_TAG_VERB}\s{{1,3}}(?:it|them|that|this)\s{{1,3}}(?:as\s{{1,3}})?(?:an?\s{{1,3}})?|"
    rf"(?:it|that)\s{{0,3}}(?:is|['’]s)\s{{1,3}}(?:an?\s{{1,3}})?|the\s{{1,3}}(?:label|class|category)\s{{1,3}}is\s{{1,3}})"
    rf"{LABEL}{LABEL_END}",
    re.I,
)
# label as spam anything that mentions unsubscribe or winner
VERB_FIRST_RULE = re.compile(
    rf"\b{_TAG_VERB}\s{{1,3}}(?:(?:it|them)\s{{1,3}})?as\s{{1,3}}{LABEL}\s{{1,3}}{_SUBJECT}\s{{1,3}}"
    rf"(?:that\s{{1,3}})?{_MENTIONS}\s{{1,3}}{KW_LIST}{LABEL_END}",
    re.I,
)
# mark rows containing crash as bug
SUBJECT_FIRST_RULE = re.compile(
    rf"\b{_TAG_VERB}\s{{1,3}}{_SUBJECT}\s{{1,3}}(?:that\s{{1,3}})?{_MENTIONS}\s{{1,3}}{KW_LIST}\s{{1,3}}"
    rf"as\s{{1,3}}(?:an?\s{{1,3}})?{LABEL}{LABEL_END}",
    re.I,
)
# tickets mentioning refund are billing (in a goal that speaks of labels or rules)
SUBJECT_IS_RULE = re.compile(
    rf"\b{_SUBJECT}\s{{1,3}}(?:that\s{{1,3}})?{_MENTIONS}\s{{1,3}}{KW_LIST}\s{{1,3}}"
    rf"(?:is|are|count\s{{1,3}}as|go\s{{1,3}}(?:to|in)|get|=)\s{{1,3}}(?:labell?ed\s{{1,3}}|marked\s{{1,3}})?"
    rf"(?:as\s{{1,3}})?{LABEL}{LABEL_END}",
    re.I,
)
NOT_LABELS = {"dropped", "removed", "ignored", "excluded", "skipped", "kept", "deleted", "fine"}
"""Words after 'rows with x are' that say what to do with rows, not a class."""


def _verb_rules(text: str) -> list[dict[str, Any]]:
    """Unquoted rules said with a labeling verb or a condition ('if a ticket mentions refund or
    chargeback, label it billing', 'label as spam anything that mentions lottery', 'mark rows
    containing crash as bug', 'tickets mentioning refund are billing'); keywords with a digit
    ('rows with a score above 3') are no rule, nor 'has' without a labeling verb ('when amount has
    spikes it is fraud' tells of the data).
    """
    rules: list[dict[str, Any]] = []
    found: list[tuple[int, str, str, str | None]] = []
    for m in IF_VERB_RULE.finditer(text):
        tail = text[m.end(3) : m.start(4)]
        if m.group(2).lower() == "has" and not rx.search(rf"\b{_TAG_VERB}\b", tail, re.I):
            continue  # 'if the data has duplicates, that's a problem': said of the data, no rule
        found.append((m.start(), m.group(4), m.group(3), m.group(1)))
    for m in VERB_FIRST_RULE.finditer(text):
        found.append((m.start(), m.group(1), m.group(2), None))
    for pattern in (SUBJECT_FIRST_RULE, SUBJECT_IS_RULE):
        if pattern is SUBJECT_IS_RULE and not rx.search(RULE_WORDS, text, re.I):
            continue
        for m in pattern.finditer(text):
            found.append((m.start(), m.group(2), m.group(1), None))
    seen: set[int] = set()
    for start, label, chunk, column in sorted(found, key=lambda f: f[0]):
        if start in seen or rx.search(r"\d", chunk) or label.lower() in NOT_LABELS:
            continue
        seen.add(start)
        keywords = [
            w.strip() for w in rx.split(r"\s*(?:,\s*(?:or\s+)?|\bor\b|/)\s*", chunk) if w.strip()
        ]
        if column and column.lower() in ("it", "they", "row", "message", "ticket", "one"):
            column = None
        rules.append({"label": label, "keywords": keywords, "column": column})
    return rules


def parse_rules(text: str) -> list[dict[str, Any]]:
    """Rules stated in `text`: [{'label', 'keywords', 'column' (or None)}], in order.

    Each phrasing (arrows, "anything saying", "label if", "votes for", bare) reads the whole
    text; the one that finds the most rules wins, the earlier phrasing on a tie, so a goal
    mixing "'a' means x" with one "anything with 'b' is y" keeps all its rules. Read once per
    text (every clause of a goal asks about the whole goal): callers get their own copies.
    """
    return copy.deepcopy(_parse_rules(text))


@functools.lru_cache(maxsize=64)
def _parse_rules(text: str) -> list[dict[str, Any]]:
    best: list[dict[str, Any]] = []
    for family in (
        _arrow_rules,
        _says_rules,
        _if_rules,
        _vote_rules,
        _named_rules,
        _list_rules,
        _bare_rules,
        _if_it_rules,
        _segment_rules,
        _verb_rules,
    ):
        found = [r for r in family(text) if r["keywords"] and r["label"].lower() not in STOP_LABELS]
        if len(found) > len(best):
            best = found
    return best


def to_lfs(rules: list[dict[str, Any]], columns: list[str], text_column: str | None) -> list[dict]:
    """Keyword LFs on the named column (a real one) or else the table's text column."""
    known = {c.lower(): c for c in columns}
    lfs: list[dict[str, Any]] = []
    for i, rule in enumerate(rules):
        column = known.get((rule["column"] or "").lower()) or text_column
        if column is None:
            return []
        slug = rx.sub(r"[^A-Za-z0-9_]+", "_", rule["label"]).strip("_") or "rule"
        lfs.append(
            {
                "name": f"{slug}_{i + 1}",
                "label": rule["label"],
                "kind": "keyword",
                "column": column,
                "keywords": rule["keywords"],
            }
        )
    return lfs
