"""Columns named in a person's words: abbreviations, stems, values, roles and join keys."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from agents import patterns as rx
from tools.profile import edit_distance

# Words too common in goals to name a column by a loose match (an exact column name still counts).
GENERIC = frozenset(
    "a an the of to in on for by and or at as is it be we i my our their its with from this that "
    "these those which what will can could should would all any each every new old data file "
    "table column columns row rows value values model models train training predict prediction "
    "test label labels text number numbers count score class classes type name names time date "
    "first last other only just use using make build some more most best good right get set "
    "run report accuracy precision recall auc log loss out off up down ahead before after "
    "something thing things tell tells know need want like".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_FILE = re.compile(rx.file_name("csv|tsv|parquet|jsonl|json|md|txt|pdf") + r"\b", re.I)


def name_tokens(name: str) -> list[str]:
    """A column name's words: split at `_`, `-`, spaces, digits and camelCase ('fraudInd')."""
    spaced = rx.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", str(name))
    return [t for t in rx.split(r"[^A-Za-z]+", spaced.lower()) if t]


def _skeleton(word: str) -> str:
    """The first letter and the consonants after it, repeats collapsed ('level' → 'lvl')."""
    rest = rx.sub(r"[aeiouy]", "", word[1:])
    return word[0] + rx.sub(r"(.)\1+", r"\1", rest)


def _subsequence(short: str, word: str) -> bool:
    it = iter(word)
    return all(ch in it for ch in short)


_IRREGULAR = {
    "left": ("leave", "leaves", "leaving"),
    "lost": ("lose", "loses", "losing"),
    "won": ("win", "wins", "winning"),
    "paid": ("pay", "pays", "paying"),
    "bought": ("buy", "buys", "buying"),
    "sold": ("sell", "sells", "selling"),
    "spent": ("spend", "spends", "spending"),
    "came": ("come", "comes", "coming"),
    "went": ("go", "goes", "going"),
    "fell": ("fall", "falls", "falling"),
    "broke": ("break", "breaks", "breaking"),
    "sent": ("send", "sends", "sending"),
    "kept": ("keep", "keeps", "keeping"),
    "returned": ("back",),  # 'comes back', 'came back'
}
"""Past forms a column name uses and the other forms a person says them in ('who leaves' →
left_us, 'which deals we lose' → lost_deal)."""


@lru_cache(maxsize=65536)
def token_fit(word: str, token: str) -> float:
    """How well one word of the goal stands for one word of a column name (0 = not at all).

    1.0 the same word (or its plural); 0.9 one is the other's stem ('fraudulent' ~ 'fraud');
    0.8 a misspelling ('seniorty'); 0.7 an abbreviation spelt as the word's consonants
    ('lvl' ~ 'level', 'amt' ~ 'amount'); 0.5 an abbreviation that is a short prefix or
    subsequence ('ind' ~ 'indicator', 'pr' ~ 'price'), too weak to stand alone.
    """
    word, token = word.lower(), token.lower()
    if word == token or word in (token + "s", token + "es") or token in (word + "s", word + "es"):
        return 1.0
    if word in _IRREGULAR.get(token, ()) or token in _IRREGULAR.get(word, ()):
        return 0.9  # 'leaves' ~ 'left'
    if len(word) < 2 or len(token) < 2:
        return 0.0
    short, long = sorted((word, token), key=len)
    if len(short) >= 4 and long.startswith(short):
        return 0.9
    limit = 1 if len(short) <= 7 else 2
    if (
        len(short) >= 5
        and len(long) - len(short) <= limit
        and edit_distance(word, token, limit) <= limit
    ):
        return 0.8
    if len(token) <= 4 and len(word) > len(token) and word[0] == token[0]:
        if len(token) >= 3 and token == _skeleton(token) and _subsequence(token, _skeleton(word)):
            return 0.7
        if word.startswith(token) or _subsequence(token, word):
            return 0.5
    return 0.0


def _goal_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(_FILE.sub(" ", text))]


def column_evidence(column: dict[str, Any], words: list[str]) -> tuple[float, int, float]:
    """How strongly the words name the column: (coverage of its name, words matched, weight).

    A weak abbreviation counts only beside a stronger match of the same name ('price band' →
    pr_band), and generic words ('model', 'data') only match a name word exactly.
    """
    tokens = [t for t in name_tokens(column["name"]) if t not in ("id", "no", "num", "nr")]
    if not tokens:
        return (0.0, 0, 0.0)
    best: list[tuple[float, int]] = []
    for token in tokens:
        fits = [
            (token_fit(w, token), i)
            for i, w in enumerate(words)
            if w not in GENERIC or w == token or w.rstrip("s") == token
        ]
        fits = [f for f in fits if f[0] > 0]
        best.append(max(fits) if fits else (0.0, -1))
    strong = [i for (s, i) in best if s >= 0.7]
    matched = 0
    weight = 0.0
    for score, at in best:
        if score >= 0.7 or (score > 0 and any(abs(at - i) <= 1 for i in strong)):
            matched += 1
            weight += score
    values = [v.lower() for v in column.get("top", {}) if len(str(v)) > 1]
    if column.get("label_like") and values:
        said = sum(1 for v in values if v in words)
        if said and not matched:
            # 'fail their inspection' → a column whose values are pass/fail
            return (0.5 * said / len(values), 0, 0.5 * said)
    return (matched / len(tokens), matched, weight)


def ranked_columns(
    profile: dict[str, Any], text: str, *, labels_only: bool = False
) -> list[tuple[str, tuple[float, int, float]]]:
    """The profile's columns the text names (loosely), best first; ties keep the table order."""
    words = _goal_words(text)
    own = set(name_tokens(str(profile.get("dataset", "")).rsplit("/", 1)[-1].split(".")[0]))
    # the table's own name is not a column ('inspections.csv' … 'fail their inspection')
    words = [w for w in words if not any(token_fit(w, o) >= 0.9 for o in own if len(o) > 3)]
    found = []
    for column in profile["columns"]:
        if labels_only and (column["id_like"] or column["text_like"] or not column["label_like"]):
            continue
        evidence = column_evidence(column, words)
        if evidence[0] >= 0.5 or (evidence[1] == 0 and evidence[0] > 0):
            found.append((column["name"], evidence))
    found.sort(key=lambda item: (-item[1][0], -item[1][1], -item[1][2]))
    return found


def label_from_words(profile: dict[str, Any], text: str) -> str | None:
    """The one label-like column the words name best ('seniority level' → seniority_lvl), or
    None when nothing fits or the best two fit equally well.
    """
    ranked = ranked_columns(profile, text, labels_only=True)
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def label_missing_elsewhere(profile: dict[str, Any], tables: list[dict[str, Any]]) -> str | None:
    """The label-like column that another table with this table's other columns lacks (the
    unlabeled batch: 'incoming.csv' has every column but fraud_ind), or None.
    """
    names = set(profile["names"])
    missing: set[str] = set()
    for other in tables:
        if other is profile or other.get("dataset") == profile.get("dataset"):
            continue
        lacks = names - set(other["names"])
        if len(lacks) == 1 and set(other["names"]) <= names:
            missing |= lacks
    labels = [c["name"] for c in profile["columns"] if c["name"] in missing and c["label_like"]]
    return labels[0] if len(labels) == 1 else None


# -- feature roles ---------------------------------------------------------------------------

_ROLE_WORDS = {
    "numeric": "numeric_columns",
    "numerical": "numeric_columns",
    "number": "numeric_columns",
    "numbers": "numeric_columns",
    "categorical": "categorical_columns",
    "category": "categorical_columns",
    "categories": "categorical_columns",
    "text": "text_columns",
    "free-text": "text_columns",
}
_ROLE = r"(numeric|numerical|numbers?|categorical|categories|category|text|free-text)"
# 'a and b plus c and d as categoricals': 'plus' starts a new group, so the role covers c, d.
# A name is never 'and', and a separator splits its spaces one way only: 'x  and  and  and ...'
# read every split of its words and spaces as a list (exponential: 16 'and's took 0.6 s).
_LIST = (
    r"((?:[\"'`]?(?!and\b)[\w-]+[\"'`]?(?:\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+))*"
    r"[\"'`]?(?!and\b)[\w-]+[\"'`]?)"
)


_AS_ROLE = re.compile(
    rf"(?<!\s)\s+(?:(columns?)\s+)?as\s+(?:the\s+|a\s+|an\s+)?(?:only\s+|sole\s+|one\s+)?{_ROLE}s?\b",
    re.I,
)
# `_LIST` read backwards from the end of a list: its items (none of them 'and'), its
# separators spelt backwards
_ITEM_BACK = r"[\"'`]?[\w-]+(?<!\Wdna)[\"'`]?"
_LIST_BACK = re.compile(
    rf"(?:{_ITEM_BACK}(?:(?:\s+(?:dna|&))?\s*,\s*|\s+(?:dna|&)\s+))*{_ITEM_BACK}", re.I
)


_BARE_ROLE = r"(numeric|numerical|numbers|categorical|categories|text|free-text)"
"""A role said bare after a list: an adjective or a plural ('the entry number', 'the product
category' are a column's noun phrase, no role)."""
_ROLE_AFTER_LIST = re.compile(
    rf"(?<![\s(])(?:\s?\(\s?{_ROLE}s?\s?\)|\s+{_BARE_ROLE}s?(?=\s*(?:[;:.,)]|$)))", re.I
)
"""A role right after a list of names, in brackets or bare before a break: 'a, b, c (numeric)',
'a, b and c numeric;'. The role is every listed name's when they are all columns."""


def _lists_before_role(text: str, known: dict[str, str]) -> Iterator[tuple[list[str], str]]:
    """(the columns, the role) of each list that `_ROLE_AFTER_LIST` ends: all the list's items
    when each is a column, else its last alone when that is one (in brackets: 'the x and
    stars (numeric)'), else none.
    """
    for chunk, m in rx.lists_before(_ROLE_AFTER_LIST, _LIST_BACK, text):
        words = [
            w.strip("\"'`") for w in rx.split(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+", chunk)
        ]
        words = [w.lower() for w in words if w]
        role = m.group(1) or m.group(2)
        if words and all(w in known for w in words):
            yield [known[w] for w in words], role
        elif m.group(1) and words and words[-1] in known:
            yield [known[words[-1]]], role


def _lists_as_role(text: str) -> Iterator[tuple[str, str]]:
    """(the list, the role) of each 'a, b and c as categoricals' in the text, in order: what
    `_LIST` followed by ' as <role>' finds, read backwards from each ' as <role>' (linear,
    agents/patterns.py `lists_before`); the list ends before the anchor or, in 'x, & columns
    as text', at its 'columns'.
    """
    for chunk, m in rx.lists_before(
        _AS_ROLE, _LIST_BACK, text, lambda m: [m.start(), m.end(1)] if m.group(1) else [m.start()]
    ):
        yield chunk, m.group(2)


def _names(chunk: str, known: dict[str, str]) -> list[str]:
    words = [w.strip("\"'`") for w in rx.split(r"\s*,\s*|\s*,?\s+(?:and|&|plus)\s+", chunk)]
    words = [w for w in words if w and w.lower() not in ("the", "columns", "column")]
    return [known[w.lower()] for w in words if w.lower() in known]


_LIST_FILLER = frozenset(
    "and plus the columns column fields field only just text texts its their or".split()
)


def _list_after(text: str, start: int, known: dict[str, str]) -> list[str]:
    """Column names listed from `start` on ('a, b and c'), stopping at the first non-column."""
    out: list[str] = []
    for m in rx.finditer(r"[\"'`]?([\w-]+)[\"'`]?", text[start:]):
        word = m.group(1).lower()
        if word in known:
            out.append(known[word])
        elif word in _LIST_FILLER:
            continue
        else:
            break
        tail = text[start + m.end() : start + m.end() + 3]
        if rx.match(r"\s*[.;:)\]]", tail) or rx.match(r"\s*\(", tail):
            break
    return out


def feature_roles(text: str, profile: dict[str, Any]) -> dict[str, list[str]]:
    """Feature columns the person assigns by role: 'numeric features a, b and c', 'treat x and
    y as categoricals', 'text = t1 and t2', 'only t as text', 'on just the t column' (a text
    column), 'don't use a and b, only the measured numbers'. Only real columns count.
    """
    known = {n.lower(): n for n in profile["names"]}
    columns = {c["name"]: c for c in profile["columns"]}
    out: dict[str, list[str]] = {}
    for m in rx.finditer(
        # 'text_columns [notes]': the argument's own name as the role word
        rf"\b{_ROLE}(?:_(?=(?:column|feature)s?\b)|\s+)(features?|columns?|inputs?|fields?)?\s*"
        r"([:=]|(?:are|is|would be)\b)?\s*",
        text,
        re.I,
    ):
        if m.group(1).lower().startswith("number") and not (m.group(2) or m.group(3)):
            continue  # 'the number of ...', 'a number like 5': no role said
        if rx.match(r"(?:and|or|plus|&)\b", text[m.end() :], re.I):
            continue  # 'the notes text and age': 'text' ends a name, it starts no list
        names = _list_after(text, m.end(), known)
        field = _ROLE_WORDS[m.group(1).lower()]
        if names and field not in out:
            out[field] = names
    after: dict[str, list[str]] = {}
    for chunk, role in _lists_as_role(text):
        names = _names(chunk, known)
        field = _ROLE_WORDS[role.lower()]
        if names and field not in after:
            after[field] = names
    for names, role in _lists_before_role(text, known):
        # 'from notes (text) plus age (numeric)': each column's role in brackets after it;
        # 'a, b, c (numeric)', 'a, b and c numeric;': the list's
        listed = after.setdefault(_ROLE_WORDS[role.lower()], [])
        listed += [n for n in names if n not in listed]
    for field, names in after.items():
        # a role said after a group ('numeric a and b plus c and d as categories') is that
        # group's: the list read on from 'numeric' ran over it, and a column has one role
        for other in [f for f in out if f != field]:
            out[other] = [n for n in out[other] if n not in names]
        out.setdefault(field, names)
    out = {f: names for f, names in out.items() if names}
    if "text_columns" not in out:
        on = rx.search(
            r"\b(?:on|from|using|use)\s+(?:only\s+|just\s+)?(?:the\s+)?[\"'`]?([\w-]+)[\"'`]?"
            r"\s+(?:column|field|text)s?\b",
            text,
            re.I,
        )
        name = known.get(on.group(1).lower()) if on else None
        if name and columns[name]["text_like"] and rx.search(r"\b(only|just|alone)\b", text, re.I):
            out["text_columns"] = [name]
    excluded = _excluded(text, known)
    if excluded and rx.search(
        r"\bonly\s+(?:the\s+)?(?:\w+\s+)?(?:numbers|numeric|numerical|measurements)\b",
        text,
        re.I,
    ):
        out.setdefault(
            "numeric_columns",
            [
                c["name"]
                for c in profile["columns"]
                if c["dtype"].startswith(("float", "int"))
                and not c["id_like"]
                and c["name"] not in excluded
                and not rx.search(rf"\b{re.escape(c['name'])}\b", _label_said(text), re.I)
            ],
        )
    return out


# words before a list of input columns; the weak ones ('using x') need 'only'/'just', two or
# more columns, or a text column, so 'train using the grade column' still names a label
_STRONG_CUE = r"features?|inputs?|predictors?|drivers?|variables?|signals?"
_WEAK_CUE = r"using|use|with|from|based on|on"


def feature_list(text: str, profile: dict[str, Any]) -> list[str]:
    """Input columns the person lists without a role: 'using only a, b and c', 'features x
    and y', 'drivers a and b', 'using the notes text and years', 'just a and b'. Real column
    names only, in the order said.
    """
    known = {n.lower(): n for n in profile["names"]}
    columns = {c["name"]: c for c in profile["columns"]}
    text = _spaced_names(text, profile)
    out: list[str] = []
    for m in rx.finditer(
        rf"\b(?:(only|just|solely)\s+)?(?:({_STRONG_CUE})|({_WEAK_CUE}))\s*(?:[:=]|are|is)?\s*"
        r"(only|just|solely)?\s*",
        text,
        re.I,
    ):
        names = _list_after(text, m.end(), known)
        if not names:
            continue
        limited = (
            m.group(1)
            or m.group(4)
            or rx.match(r"\s*(?:only|alone|and nothing else)\b", _after_list(text, m.end(), names))
        )
        if m.group(2) or limited or len(names) >= 2 or all(columns[n]["text_like"] for n in names):
            out.extend(n for n in names if n not in out)
    # 'from the lab params only (a, b, c)', 'off morphometrics + habitat (a, b, habitat)': the
    # inputs said in words, then listed in parentheses (two or more real columns, nothing else)
    for m in rx.finditer(
        rf"\b(?:{_STRONG_CUE}|{_WEAK_CUE}|off|only|just)\b[^.;:()]{{0,60}}?\(\s*", text, re.I
    ):
        names = _list_after(text, m.end(), known)
        if len(names) >= 2 and rx.match(r"\s*\)", _after_list(text, m.end(), names)):
            out.extend(n for n in names if n not in out)
    # 'transcript as the only feature', 'age as the sole input'
    for m in rx.finditer(
        r"[\"'`]?(?<![\w-])([\w-]+)[\"'`]?\s+as\s+(?:the|our|its)\s+(?:only|sole|single)\s+"
        rf"(?:{_STRONG_CUE})\b",
        text,
        re.I,
    ):
        name = known.get(m.group(1).lower())
        if name and name not in out:
            out.append(name)
    return out


def _spaced_names(text: str, profile: dict[str, Any]) -> str:
    """The text with column names said with spaces written as the names ('inspector notes' →
    inspector_notes), so lists of them read like lists of names.
    """
    for name in profile["names"]:
        parts = [p for p in rx.split(r"[_\s-]+", str(name)) if p]
        if len(parts) >= 2 and all(p.isalnum() for p in parts):
            text = rx.sub(
                r"\b" + r"[\s_-]+".join(re.escape(p) for p in parts) + r"\b", name, text, flags=re.I
            )
    return text


def _after_list(text: str, start: int, names: list[str]) -> str:
    at = start
    for name in names:
        found = text.lower().find(name.lower(), at)
        if found >= 0:
            at = found + len(name)
    return text[at:]


def roles_by_type(names: list[str], profile: dict[str, Any]) -> dict[str, list[str]]:
    """Listed input columns sorted into roles by the data: text → text_columns, numbers →
    numeric_columns, the rest → categorical_columns.
    """
    columns = {c["name"]: c for c in profile["columns"]}
    out: dict[str, list[str]] = {}
    for name in names:
        column = columns[name]
        if column["text_like"]:
            key = "text_columns"
        elif column["dtype"].startswith(("float", "int")):
            key = "numeric_columns"
        else:
            key = "categorical_columns"
        out.setdefault(key, []).append(name)
    return out


def stated_label(text: str, profile: dict[str, Any]) -> str | None:
    """The label column said outright: 'label decision', 'target is churned', 'label is
    decison' (a misspelt name counts when one edit away), or None.
    """
    names = profile["names"]
    for m in rx.finditer(
        r"\b(?:labels?|target|label column|target column|outcome)\b\s*(?:column\s*)?(?:is|=|:|being)?"
        r"\s*(?:the\s+)?[\"'`]?([A-Za-z][\w-]*)",
        text,
        re.I,
    ):
        word = m.group(1)
        exact = [n for n in names if n.lower() == word.lower()]
        if exact:
            return exact[0]
        if len(word) >= 5:
            near = [
                n
                for n in names
                if abs(len(n) - len(word)) <= 1 and edit_distance(n.lower(), word.lower(), 1) <= 1
            ]
            if len(near) == 1:
                return near[0]
    for m in rx.finditer(
        r"[\"'`]?(?<![\w-])([A-Za-z][\w-]*)[\"'`]?\s+(?:column\s+)?(?:as|is)\s+(?:the|our|my)\s+"
        r"(?:label|target|outcome)(?:\s+column)?\b",
        text,
        re.I,
    ):
        exact = [n for n in names if n.lower() == m.group(1).lower()]
        if exact:
            return exact[0]  # 'status as the target'
    return None


def _label_said(text: str) -> str:
    m = rx.search(r"\b(?:for|predict|label|target)\s+(?:the\s+)?([\w-]+)", text, re.I)
    return m.group(1) if m else ""


def _excluded(text: str, known: dict[str, str]) -> set[str]:
    """Columns the person leaves out: "don't use a and b columns", 'without a', 'ignore a'."""
    out: set[str] = set()
    for m in rx.finditer(
        r"\b(?:don'?t|do not|never)\s+use\s+(?:the\s+)?|\b(?:without|excluding|except|ignore|"
        r"ignoring|drop|dropping|leave out|leaving out|skip)\s+(?:using\s+)?(?:the\s+)?",
        text,
        re.I,
    ):
        out.update(_list_after(text, m.end(), known))
    return out


def left_out(text: str, profile: dict[str, Any]) -> set[str]:
    """The profile's columns the text leaves out of a model ('everything except a and b',
    'without c'): inputs refused, so no label either.
    """
    return _excluded(text, {n.lower(): n for n in profile["names"]})


# -- join keys for hand labels ----------------------------------------------------------------


def squashed(name: str) -> str:
    """A column name without case, '_' and marks ('PostID' and 'post_id' alike)."""
    return rx.sub(r"[\W_]+", "", str(name).lower())


def _said_id(text: str, known: dict[str, str]) -> list[str]:
    """Columns the text calls keys or ids: 'key column is called X', 'ids are under X',
    'X for the ids', 'their key is X', 'join keys: X'.
    """
    out: list[str] = []
    for m in rx.finditer(r"[\"'`]?([\w-]+)[\"'`]?", text):
        word = m.group(1).lower()
        if word not in known:
            continue
        before = text[max(0, m.start() - 40) : m.start()].lower()
        after = text[m.end() : m.end() + 25].lower()
        if rx.search(r"\b(?:keys?|ids?|identifiers?)\b[^.;,()]*$", before) or rx.match(
            r"\s+(?:for|as)\s+(?:the\s+)?(?:ids?|keys?|identifiers?)\b", after
        ):
            out.append(known[word])
    return out


def join_columns(
    data: dict[str, Any], gold: dict[str, Any], text: str, data_values: Any = None
) -> dict[str, str]:
    """How a gold file joins the data: id_column, gold_id_column and gold_label_column from the
    words ('their key is CommentID, ours is comment_id', 'the number there is insp_id') or,
    without words, from names equal once squashed (HeadlineID = headline_id) or an id-like gold
    column whose values overlap the data's id column. A label column is never an id.
    """
    out: dict[str, str] = {}
    dcols = {c["name"]: c for c in data["columns"]}
    gcols = {c["name"]: c for c in gold["columns"]}
    text = _FILE.sub(" ", text)

    def id_ok(column: dict[str, Any], profile: dict[str, Any]) -> bool:
        filled = max(1.0, profile.get("sampled", 1) * (1 - column["missing_share"]))
        unique = column["id_like"] or (
            looks_id(column["name"]) and column["distinct"] >= 0.9 * filled
        )
        return unique and column["missing_share"] < 0.05 and not column["label_like"]

    said_d = [n for n in _said_id(text, {k.lower(): k for k in dcols}) if id_ok(dcols[n], data)]
    said_g = [n for n in _said_id(text, {k.lower(): k for k in gcols}) if id_ok(gcols[n], gold)]
    # a name said anywhere that is a column of exactly one side and id-like there
    for word in (w.lower() for w in rx.findall(r"[A-Za-z][\w-]*", text)):
        for name, col in dcols.items():
            if name.lower() == word and name not in gcols and id_ok(col, data):
                said_d.append(name)
        for name, col in gcols.items():
            if name.lower() == word and name not in dcols and id_ok(col, gold):
                said_g.append(name)
    if said_d:
        out["id_column"] = said_d[0]
    if said_g:
        out["gold_id_column"] = said_g[0]
    if "id_column" not in out or "gold_id_column" not in out:
        pairs = [
            (d, g)
            for d in dcols
            for g in gcols
            if squashed(d) == squashed(g) and dcols[d]["id_like"] and id_ok(gcols[g], gold)
        ]
        if len(pairs) == 1:
            out.setdefault("id_column", pairs[0][0])
            out.setdefault("gold_id_column", pairs[0][1])
    if "gold_id_column" not in out:
        ids = [g for g, c in gcols.items() if g not in dcols and id_ok(c, gold)]
        if len(ids) == 1:
            out["gold_id_column"] = ids[0]
    if "id_column" not in out and "gold_id_column" in out:
        data_ids = [n for n, c in dcols.items() if c["id_like"] and n not in gcols]
        if len(data_ids) == 1:
            out["id_column"] = data_ids[0]
    gid = out.get("gold_id_column")
    labels = [
        g
        for g, c in gcols.items()
        if g != gid and c["label_like"] and not c["id_like"] and not looks_id(g)
    ]
    named = [g for g in labels if g in dcols or rx.search(rf"\b{re.escape(g)}\b", text, re.I)]
    if len(named) == 1:
        out["gold_label_column"] = named[0]
    elif len(labels) == 1:
        out["gold_label_column"] = labels[0]
    return out


def looks_id(name: str) -> bool:
    tokens = name_tokens(name)
    return bool(tokens) and tokens[-1] in ("id", "key", "no", "nr", "num", "number", "uuid")


def text_column_said(text: str, profile: dict[str, Any]) -> str | None:
    """The free-text column the words point at: 'text is in free_text', 'the text column is t',
    't holds the text'. Only a real column counts.
    """
    known = {n.lower(): n for n in profile["names"]}
    for m in rx.finditer(
        r"\btexts?\s+(?:is|are|sits?|lives?)?\s*(?:in|under)\s+(?:the\s+)?[\"'`]?([\w-]+)|"
        r"\btext\s+column\s*(?:is|=|:)?\s*(?:called\s+)?[\"'`]?([\w-]+)|"
        rf"\b([\w-]{{1,{rx.WORD_MAX}}})[\"'`]?\s+(?:column\s+)?(?:holds|has|contains|is)\s+the\s+"
        r"(?:free\s+)?text\b",
        text,
        re.I,
    ):
        name = known.get((m.group(1) or m.group(2) or m.group(3)).lower())
        if name:
            return name
    # 'reading review_text', 'based on the body column': a free-text column the rules read
    text_like = {
        str(c["name"]).lower(): str(c["name"])
        for c in profile.get("columns") or []
        if isinstance(c, dict) and c.get("text_like")
    }
    for m in rx.finditer(
        r"\b(?:reading|reads?|based on|looking at|from|using|off)\s+(?:the\s+|its\s+)?[\"'`]?([\w-]+)",
        text,
        re.I,
    ):
        if m.group(1).lower() in text_like:
            return text_like[m.group(1).lower()]
    return None


# The outcome a goal asks a model for: the words after 'predict/forecast/tell ...' up to the
# data ('from', 'using', 'in', a file) or the clause's end.
_OUTCOME_RE = re.compile(
    r"\b(?:predict\w*|forecast\w*|guess\w*|anticipat\w*|flag\w*|estimat\w*|"
    # 'something that spots cancellations': a model asked to catch an outcome
    r"spots?|spotting|catch(?:es|ing)?|identif(?:y|ies|ying)|foresee\w*|"
    # 'how likely each job was to fail', 'who is unlikely to renew their plan': the chance asked
    r"(?:un)?likel(?:y|ihood)\b(?:\s+(?!(?:to|that|and|or|from|using)\b)[\w'-]+){0,6}?\s+to)\s+"
    r"(?:the\s+|which\s+|whether\s+|if\s+|who\s+|a\s+|an\s+)?"
    # 'make the prediction for the callouts of this week': the rows predicted, not an outcome
    r"(?!(?:for|on|of|about|over|across)\b)"
    r"([\w -]{3,60}?)(?=\s+(?:from|using|with|based|off|on|in|for|given|by|out of)\b|[,.;:?!(]|$)",
    re.I,
)


def _loose_fit(word: str, token: str) -> bool:
    """Whether an outcome word spells a name word: token_fit, or a shared start of 6 letters
    ('readmissions' ~ 'readmitted', 'returns' ~ 'returned').
    """
    if token_fit(word, token) >= 0.7:
        return True
    common = len(os.path.commonprefix([word.lower(), token.lower()]))
    return common >= 6 or (common >= 5 and common >= 0.8 * min(len(word), len(token)))


def outcome_label(profile: dict[str, Any], text: str) -> str | None:
    """The one label-like column whose name the asked outcome's words spell ('how accurately
    can we predict 30-day readmissions' → readmitted_30d), or None.
    """
    said = _OUTCOME_RE.search(_FILE.sub(" ", text))
    if said is None:
        return None
    spelt = _spelt_label(profile, said.group(1))
    relative = RELATIVE_OUTCOME_RE.match(said.group(1))
    if spelt is None and relative:
        # 'spot the packs that end up logging a fault': the rows' noun (a pack_type column) is
        # who, the words after 'that ... end up' are the outcome (fault_logged)
        spelt = _spelt_label(profile, relative.group(1))
    return spelt or _meant(profile, said.group(1), text)


RELATIVE_OUTCOME_RE = re.compile(
    r"(?:[\w-]+\s+){1,3}?(?:that|who|which)\s+(?:will\s+|would\s+|might\s+|(?:do|does|did)\s+|"
    r"(?:end|ends|ended)\s+up\s+|go(?:es)?\s+on\s+to\s+|turn(?:s)?\s+out\s+to\s+(?:be\s+)?)?"
    r"([\w -]{3,})$",
    re.I,
)
"""An outcome said of rows in a relative clause ('packs that end up logging a fault', 'customers
who will cancel'): group 1 is the outcome's words, after the rows' noun."""


def _meant(profile: dict[str, Any], outcome: str, text: str) -> str | None:
    """The label-like column the outcome's words mean though they spell none of it ('need to
    do it again' → retest_required), by a sentence-embedding match (agents/meaning.py); None
    when the text's words name a label-like column anywhere ('flag odd parcels and predict
    late': the words' column stands).
    """
    from agents import meaning

    if not meaning.enabled("outcome") or ranked_columns(profile, text, labels_only=True):
        return None
    return meaning.meant_outcome(profile, outcome, scope="outcome")


# An outcome asked of rows ahead of time ('which ponds will go bad?', 'who is going to cancel',
# 'which orders are likely to arrive late'): the words after the future verb, to the clause's end.
_WILL_RE = re.compile(
    r"\b(?:which|who|what|whether|if)\b[^.?!;]{0,60}?\b(?:will|(?-i:would|might|may)|"
    r"(?:is|are) (?:going|likely) to|gonna|(?:is|are) about to|could end up)"
    r"(?!\s+(?:you|we|i|u)\b)\s+(?:not\s+)?"
    r"([\w -]{3,50}?)(?=\s+(?:from|using|with|based|in|by|next|soon|this|within)\b|[,.;:?!(]|$)",
    re.I,
)


def asks_outcome(text: str) -> bool:
    """Whether the text asks an outcome of rows ahead of time at all (no table read)."""
    return _WILL_RE.search(_FILE.sub(" ", text)) is not None


def asked_outcome(profile: dict[str, Any], text: str) -> str | None:
    """The one label-like column whose name spells an outcome asked of rows ahead of time
    ('which ponds will go bad?' → went_bad, 'who is going to cancel' → cancelled), or None.
    """
    said = _WILL_RE.search(_FILE.sub(" ", text))
    if said is None:
        return None
    named = _spelt_label(profile, said.group(1))
    if named and not said.group(0).lower().startswith("what"):
        named = _yes_no_holding(profile, named)
    if named or not profile.get("rows"):
        return named
    # 'which lakes will turn green?' with `colour_after` of green/clear: the one label-like
    # column that has the outcome's word among its values ('close' ~ closed: a form of it)
    words = {w for w in _goal_words(said.group(1)) if len(w) >= 3 and w not in GENERIC}
    holding = [
        c["name"]
        for c in profile["columns"]
        if c["label_like"]
        and not c["id_like"]
        and not c["text_like"]
        and any(
            token_fit(w, v) >= 0.9
            for v in (str(v).lower() for v in c.get("top") or {})
            if len(v) >= 4
            for w in words
        )
    ]
    return holding[0] if len(holding) == 1 else _meant(profile, said.group(1), text)


def _yes_no_holding(profile: dict[str, Any], name: str) -> str:
    """The outcome of a which/who/whether question (a yes or no for each row) when its words
    spell a column of several values: 'which pupils will pass the module?' spells `module` (what
    the rows are about), and a yes/no column whose name holds that whole name and more
    (`passed_module`) is what is asked of each row. The one such column, else `name`.
    """
    columns = {c["name"]: c for c in profile["columns"]}
    if columns[name].get("distinct", 0) <= 2:  # a thread model's label: no counts known
        return name
    tokens = set(name_tokens(name))
    wider = [
        c["name"]
        for c in profile["columns"]
        if c["label_like"]
        and c.get("distinct") == 2
        and not c["id_like"]
        and not c["text_like"]
        and tokens < set(name_tokens(c["name"]))
    ]
    return wider[0] if len(wider) == 1 else name


COPULAS = frozenset({"is", "was", "were", "are", "has", "had", "did", "does", "got"})
"""Leading words of yes/no column names ('was_helpful', 'has_churned') that spell no outcome."""


def _spelt_label(profile: dict[str, Any], outcome: str) -> str | None:
    """The one label-like column of `profile` whose name words the outcome's words spell."""
    words = [w for w in _goal_words(outcome) if len(w) >= 3 and w not in GENERIC]
    scores = []
    for column in profile["columns"]:
        if column["id_like"] or column["text_like"] or not column["label_like"]:
            continue
        # 'was_helpful' is spelt by 'were helpful' or 'helpful': a copula names no outcome
        tokens = [t for t in name_tokens(column["name"]) if len(t) >= 3 and t not in COPULAS]
        hits = sum(1 for t in tokens if any(_loose_fit(w, t) for w in words))
        if hits:
            scores.append((hits / len(tokens), hits, column["name"]))
    scores.sort(reverse=True)
    if not scores or (len(scores) > 1 and scores[0][:2] == scores[1][:2]):
        return None
    return scores[0][2]


YES_VALUES = ("yes", "y", "true", "t", "1")
NO_VALUES = ("no", "n", "false", "f", "0")


def yes_no_spelt(profile: dict[str, Any], text: str) -> tuple[str, str] | None:
    """The one yes/no column whose name words the text spells ('more examples of fraudulent
    claims' → fraud_flag, 'all ones that sold' → sold_4wks), with the word that spelt it; None
    when none or several do. The table's own name words spell nothing ('claims.csv' … 'claims'),
    and a spelling word has 4 letters or more.
    """
    own = set(name_tokens(str(profile.get("dataset", "")).rsplit("/", 1)[-1].split(".")[0]))
    words = [
        w
        for w in _goal_words(text)
        if len(w) >= 4
        and w not in GENERIC
        and not any(token_fit(w, o) >= 0.9 for o in own if len(o) > 3)
    ]
    found = []
    for column in profile["columns"]:
        values = {str(v).lower() for v in column.get("top") or {}}
        if (
            column["id_like"]
            or column["text_like"]
            or not column["label_like"]
            or column.get("distinct") != 2
            or not values & set(YES_VALUES)
            or not values & set(NO_VALUES)
        ):
            continue
        tokens = [t for t in name_tokens(column["name"]) if len(t) >= 4 and t not in COPULAS]
        said = [w for t in tokens for w in words if _loose_fit(w, t)]
        if said:
            found.append((column["name"], said[0]))
    return found[0] if len(found) == 1 else None
