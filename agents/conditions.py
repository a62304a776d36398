"""Labeling rules said with column conditions ('suspicious if amount > 1000 and channel is ecom').

Each rule becomes a declarative LF (threshold / category / missing, joined by and / not) on
the table's real columns, validated by tools.labeling.specs; no user text is ever executed.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from agents import patterns as rx

NUM = r"(-?\d+(?:\.\d+)?)"
OPS = (
    (rf"(?:is\s+)?between\s+{NUM}\s+and\s+{NUM}", "between"),
    (rf"(?:is\s+)?{NUM}\s+or\s+(?:more|higher|above|greater|over|worse|bigger|larger)", ">="),
    (rf"(?:is\s+)?{NUM}\s+or\s+(?:less|lower|below|under|fewer|smaller)", "<="),
    (rf"(?:is\s+)?(?:at least|no less than|>=|≥)\s*{NUM}", ">="),
    (rf"(?:is\s+)?(?:at most|no more than|<=|≤)\s*{NUM}", "<="),
    (
        rf"(?:is\s+|are\s+)?(?:over|above|greater than|more than|higher than|bigger than|larger than|"
        rf"exceeds?|exceeding|>)\s*{NUM}",
        ">",
    ),
    (
        rf"(?:is\s+|are\s+)?(?:under|below|less than|lower than|smaller than|fewer than|<)\s*{NUM}",
        "<",
    ),
    (r"(?:is\s+)?negative\b", "negative"),
    (r"(?:is\s+)?positive\b", "positive"),
    (r"(?:is\s+)?(?:missing|empty|blank|null)\b", "missing"),
    (r"(?:is\s+not|isn'?t|!=|≠)\s*[\"'`]?([\w.-]+)", "not_value"),
    (r"(?:is|equals?|==?)\s*[\"'`]?([\w.-]+)", "value"),
)
HEAD = re.compile(
    r"(?:^|(?<=[\s,;:(\n]))(?:label\s+|put\s+label\s+)?[\"'`]?([A-Za-z][\w-]*)[\"'`]?\s+(?:if|when|where|whenever)\s+",
    re.I,
)
STOP = {
    "is",
    "it",
    "and",
    "or",
    "the",
    "a",
    "label",
    "only",
    "rows",
    "them",
    "that",
    "this",
    "rule",
}


def _column(word: str, columns: dict[str, dict[str, Any]], last: str | None) -> str | None:
    if word.lower() in ("it", "they", "that", "this") and last:
        return last
    exact = next((c for c in columns if c.lower() == word.lower()), None)
    if exact is not None or len(word) < 4:
        return exact
    # 'vibration' names vibration_mm_s when no other column starts with that word
    prefixed = [c for c in columns if c.lower().startswith(word.lower() + "_")]
    return prefixed[0] if len(prefixed) == 1 else None


COMPARE = (
    r"(?:over|above|more than|greater than|higher than|bigger than|larger than|at least|at most|"
    r"no more than|no less than|under|below|less than|fewer than|lower than|smaller than|>=|<=|>|<|"
    r"≥|≤)"
)
UNIT = re.compile(r"(\d)\s*(?:[%£$€]|[A-Za-zµ°][\w/°.]*(?:\s*/\s*[\w.]+)?)\s*$")
ARROW_SEGMENT = re.compile(
    r"^\s*(?:\(?[a-z0-9]\)\s+)?(.+?)\s*(?:->|→|=>|⇒|\s+means)\s+[\"'`]?([A-Za-z][\w-]*)[\"'`]?\s*$",
    re.I | re.S,
)


IS_SEGMENT = re.compile(
    r"^\s*(?:(?:and|or|then)\s+)?(.+)\s+(?:is|are|means)\s+(?:labell?ed\s+|marked\s+)?(?:as\s+)?"
    r"[\"'`]?([A-Za-z][\w-]*)[\"'`]?\s*$",
    re.I | re.S,
)


def _atom(text: str, columns: dict[str, dict[str, Any]], last: str | None) -> dict[str, Any] | None:
    """One condition: 'amount_eur > 1000', 'channel is ecom', 'it is over 7.5'."""
    text = rx.sub(r"^\s*(?:the\s+)?", "", text)
    for name in sorted(columns, key=len, reverse=True):  # 'speed limit is 60' → speed_limit
        spaced = name.replace("_", " ")
        if "_" in name and text.lower().startswith(spaced.lower() + " "):
            text = name + text[len(spaced) :]
            break
    compare = rx.match(
        rf"^((?:is\s+|are\s+|has\s+|have\s+|with\s+)?{COMPARE}\s*{NUM})\s*(.*?)\s*$", text, re.I
    )
    if compare and compare.group(3):  # 'more than 8 night shifts': the column after the number
        words = compare.group(3)
        named = next(
            (c for c in columns if c.lower() in (words.lower().replace(" ", "_"), words.lower())),
            None,
        ) or (_column(words, columns, None) if " " not in words else None)
        if named is not None:
            text = f"{named} {compare.group(1)}"
    if compare and last and (not compare.group(3) or UNIT.search(text)):
        if not any(text.lower().startswith(c.lower() + " ") for c in columns):
            text = f"{last} {text}"  # 'hours over 48 is lost, under 5 is damaged': its column
    m = rx.match(r"\s*(?:the\s+)?([\w-]+)\s+(.*)$", text, re.I | re.S)
    if m is None:
        return None
    column = _column(m.group(1), columns, last)
    said = rx.match(r"(?:is|=)\s+[\"'`]?([\w.-]+)[\"'`]?\s*$", m.group(2).strip(), re.I)
    if m.group(1).lower() == "it" and said and column and columns[column]["numeric"]:
        # 'it is daylight' after a numeric column: the column that holds that value
        holders = [
            c
            for c, info in columns.items()
            if any(str(v).lower() == said.group(1).lower() for v in info["values"])
        ]
        column = holders[0] if len(holders) == 1 else column
    if column is None:
        return None
    rest = m.group(2).strip()
    numeric = columns[column]["numeric"]
    for pattern, op in OPS:
        hit = rx.match(pattern + r"\s*$", rest, re.I)
        if hit is None and numeric:  # 'over 30 kg', 'under 60%': a unit after the number
            hit = rx.match(pattern + r"\s*$", UNIT.sub(r"\1", rest), re.I)
        if hit is None:
            continue
        if op == "between":
            return {
                "kind": "threshold",
                "column": column,
                "op": "between",
                "value": float(hit.group(1)),
                "high": float(hit.group(2)),
            }
        if op in (">", ">=", "<", "<="):
            return (
                {"kind": "threshold", "column": column, "op": op, "value": float(hit.group(1))}
                if numeric
                else None
            )
        if op in ("negative", "positive"):
            return (
                {
                    "kind": "threshold",
                    "column": column,
                    "op": "<" if op == "negative" else ">",
                    "value": 0.0,
                }
                if numeric
                else None
            )
        if op == "missing":
            return {"kind": "missing", "column": column}
        value = _value(hit.group(1), columns[column])
        if value is None:
            return None
        cond = {"kind": "category", "column": column, "values": [value]}
        return {"kind": "not", "condition": cond} if op == "not_value" else cond
    return None


def _value(word: str, column: dict[str, Any]) -> Any:
    """The column's own spelling of a value ('ECOM' → 'ecom'), a number on a numeric column."""
    if column["numeric"]:
        try:
            return float(word) if "." in word else int(word)
        except ValueError:
            return None
    for seen in column["values"]:
        if str(seen).lower() == word.lower():
            return seen
    return word if column.get("more", True) else None


def _condition(
    text: str, columns: dict[str, dict[str, Any]], last: str | None
) -> dict[str, Any] | None:
    """'a > 1 and b is x', 'a > 1 or b < 2': conditions joined by and (within) / or (between)."""
    alternatives = rx.split(
        r"\s+or\s+(?=(?:the\s+)?[\w-]+(?:\s+[a-z]+)?\s+(?:is|are|>|<|=|!|≥|≤|over|under|above|below|at|more|less|"
        r"between|exceeds?))",
        text.strip(),
        flags=re.I,
    )
    if len(alternatives) > 1:
        conds = []
        for alternative in alternatives:
            cond = _conjunction(alternative, columns, last)
            if cond is None:
                return None
            conds.append(cond)
            last = cond.get("column") or last
        return {"kind": "or", "conditions": conds}
    return _conjunction(text, columns, last)


def _conjunction(
    text: str, columns: dict[str, dict[str, Any]], last: str | None
) -> dict[str, Any] | None:
    parts = rx.split(
        r"\s+(?:and|with)\s+(?=(?:the\s+)?[\w-]+(?:\s+[a-z]+)?\s+(?:is|\d|are|>|<|=|!|≥|≤|over|under|above|below|at|more|less|between|exceeds?))",
        text.strip(),
        flags=re.I,
    )
    atoms = []
    for part in parts:
        atom = _atom(part, columns, last)
        if atom is None:
            return None
        atoms.append(atom)
        last = atom.get("column") or atom.get("condition", {}).get("column")
    if len(atoms) == 1:
        return atoms[0]
    return {"kind": "and", "conditions": atoms}


def _segments(text: str) -> list[tuple[str, str]]:
    """(label, condition text) for each 'LABEL if/when CONDITION' said."""
    heads = [h for h in HEAD.finditer(text) if h.group(1).lower() not in STOP]
    out = []
    for i, head in enumerate(heads):
        stop = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        chunk = rx.split(
            r"[;\n]|\s+and\s+[\"'`]?\w+[\"'`]?\s+(?:in\s+)?between\s+(?:them|those|the two)|\.(?:\s|$)|,\s+(?:the rest|and the|but|leave|write|save|output|then|otherwise|else|everything else|and (?:save|write|store|put|output))\b|[,;]\s*\d+[.)]\s",
            text[head.end() : stop],
            maxsplit=1,
        )[0]
        chunk = rx.sub(r"[\s,.]*(?:\band\b)?[\s,.]*$", "", chunk)
        out.append((head.group(1), chunk))
    return out or _arrow_segments(text)


def _arrow_segments(text: str) -> list[tuple[str, str]]:
    """(label, condition text) for each 'CONDITION → LABEL' / 'CONDITION means LABEL' said."""
    out = []
    for chunk in rx.split(r"[;\n]|,\s+|\.(?:\s|$)", text):
        if not rx.search(r"->|→|=>|⇒|\bmeans\b", chunk):
            continue
        chunk = chunk.rsplit(":", 1)[-1]  # 'rules for x.csv: a > 2 -> b'
        m = ARROW_SEGMENT.match(chunk)
        if m and m.group(2).lower() not in STOP and rx.search(r"[<>=≤≥]|\d", m.group(1)):
            out.append((m.group(2), m.group(1)))
    if out:
        return out
    for chunk in rx.split(
        r"[;\n]|,\s+|\.(?:\s|$)", text
    ):  # 'x more than 48 is lost, less than 5 is y'
        chunk = chunk.rsplit(":", 1)[-1]
        m = IS_SEGMENT.match(chunk)
        if (
            m
            and m.group(2).lower() not in STOP
            and rx.search(COMPARE + r"\s*-?\d", m.group(1), re.I)
        ):
            out.append((m.group(2), m.group(1)))
    return out if len(out) >= 2 else []


def condition_lfs(text: str, profile: dict[str, Any]) -> list[dict[str, Any]]:
    """LFs for the column-condition rules `text` states on the table `profile` describes.

    All or nothing: a rule whose condition does not read as conditions on real columns
    makes the whole set empty (the caller then asks), so no rule is silently dropped.
    """
    from tools.labeling.specs import parse_lf

    columns = {
        c["name"]: {
            "numeric": str(c.get("dtype", "")).startswith(("int", "float", "uint")),
            "values": list((c.get("top") or {}).keys()),
            "more": int(c.get("distinct") or 0) > len(c.get("top") or {}),
        }
        for c in profile.get("columns", [])
    }
    lfs: list[dict[str, Any]] = []
    last = None
    for i, (label, chunk) in enumerate(_segments(text)):
        cond = _condition(chunk, columns, last)
        if cond is None:
            return []
        last = cond.get("column") or (cond.get("conditions") or [{}])[-1].get("column") or last
        slug = rx.sub(r"[^A-Za-z0-9_]+", "_", label).strip("_") or "rule"
        lf = {"name": f"{slug}_{i + 1}", "label": label, **cond}
        try:
            parse_lf(dict(lf))
        except ValueError:
            return []
        lfs.append(lf)
    middle = rx.search(
        r"[\"'`]?(?<!\w)(\w+)[\"'`]?\s+(?:in\s+)?between\s+(?:them|those|the two)\b", text, re.I
    )
    bounds = [
        lf for lf in lfs if lf.get("kind") == "threshold" and lf["op"] in ("<", "<=", ">", ">=")
    ]
    if middle and len(bounds) >= 2 and bounds[-1]["column"] == bounds[-2]["column"]:
        low, high = sorted((bounds[-2]["value"], bounds[-1]["value"]))
        slug = rx.sub(r"[^A-Za-z0-9_]+", "_", middle.group(1)).strip("_") or "rule"
        lfs.append(
            {
                "name": f"{slug}_{len(lfs) + 1}",
                "label": middle.group(1),
                "kind": "threshold",
                "column": bounds[-1]["column"],
                "op": "between",
                "value": low,
                "high": high,
            }
        )
    return lfs


@functools.lru_cache(maxsize=64)
def says_conditions(text: str) -> bool:
    """Whether `text` states a 'LABEL if/when <column condition>' rule (before any table read)."""
    return any(
        rx.search(r"[<>=≤≥]|\d|\b(?:is|are|isn'?t)\b", chunk) for _, chunk in _segments(text)
    )
