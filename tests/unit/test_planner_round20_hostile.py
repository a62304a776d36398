"""Hostile input, twentieth round: no pattern the planner scans a goal with may be quadratic on
one long word.

No timing asserts. The shapes that made a search quadratic are read from each pattern's parse
tree (`re._parser`), for every pattern agents/ scans text with (`search`, `finditer`, `findall`,
`sub`, `split`, through `rx.` or `re.` or a compiled module constant):
- a match that can start with an unbounded repeat of word characters and nothing before it that
  pins where it starts (a lookbehind, `^`, or `\\b` before a repeat of word characters only):
  on a long word every character starts a try that reads to the word's end;
- `[\\w-]*\\d[\\w-]*`: two unbounded repeats around one character both hold (or two side by side
  sharing word characters), so a long word splits at each of its characters, every split tried
  when what follows fails.
A bounded repeat (`{0,100}`, `patterns.WORD_MAX`) or a possessive one (`*+`) is neither.
"""

from __future__ import annotations

import ast
import importlib
import random
import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agents import arguments, options, slots
from agents import patterns as rx

SCANNING = {"search", "finditer", "findall", "sub", "subn", "split"}
WORD = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_é")
PROBE = "".join(sorted(WORD)) + " -./,;:'\"#%&()[]!?\n\t<>=+*@$"
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)
ONE_CHAR = (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY)


def _chars(item: tuple[Any, Any], flags: int) -> set[str]:
    """The probe characters a one-character item matches."""
    shell = sre_parse.parse(".", flags)
    shell.data = [item]
    code = re._compiler._code(shell, flags)  # type: ignore[attr-defined]
    one = re._compiler._sre.compile(".", flags, code, 0, {}, (None,))  # type: ignore[attr-defined]
    return {c for c in PROBE if one.match(c)}


def _unbounded(item: tuple[Any, Any]) -> bool:
    op, av = item
    return op in REPEATS and av[1] == sre.MAXREPEAT and len(av[2]) == 1 and av[2][0][0] in ONE_CHAR


def _nullable(item: tuple[Any, Any]) -> bool:
    return item[0] in (*REPEATS, sre.POSSESSIVE_REPEAT) and item[1][0] == 0


def _starts(items: list[Any], flags: int, guard: str | None, found: list[str], tail: bool) -> bool:
    """Record the unguarded unbounded word repeats a match can start with; whether `items` can
    match nothing (so what follows may start the match too).
    """
    for i, (op, av) in enumerate(items):
        rest = tail or not all(_nullable(x) for x in items[i + 1 :])
        if op is sre.AT:
            if av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
                return False
            guard = guard or ("b" if av is sre.AT_BOUNDARY else None)
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            guard = "behind" if av[0] == -1 else guard
            continue
        if op is sre.BRANCH and all(
            alt and all(x[0] in (sre.AT, sre.ASSERT, sre.ASSERT_NOT) for x in alt) for alt in av[1]
        ):
            # '(?:^|(?<=[\s,]))': every way in is an anchor or a lookbehind
            guard = "behind"
            continue
        if op in REPEATS and len(av[2]) == 1 and av[2][0][0] in ONE_CHAR:
            if _unbounded((op, av)) and rest:
                chars = _chars(av[2][0], flags)
                if chars & WORD and (guard is None or (guard == "b" and not chars <= WORD)):
                    found.append(f"starts with an unbounded repeat of {av[2][0]}")
            if av[0] == 0:
                continue
            return False
        if op in (*REPEATS, sre.SUBPATTERN, sre.BRANCH):
            inner = [av[2]] if op in REPEATS else [av[-1]] if op is sre.SUBPATTERN else av[1]
            empty = any([_starts(list(s), flags, guard, found, rest) for s in inner])
            if empty or (op in REPEATS and av[0] == 0):
                continue
            return False
        if op in ONE_CHAR and guard != "behind" and i + 1 < len(items) and _unbounded(items[i + 1]):
            # 'x[\w-]*': one character, then a repeat of a set holding it: a long word again
            first, then = _chars((op, av), flags), _chars(items[i + 1][1][2][0], flags)
            later = tail or not all(_nullable(x) for x in items[i + 2 :])
            if first & WORD and first <= then and later and (guard is None or not then <= WORD):
                found.append(f"leading after one character {(op, av)}")
        return False
    return True


def _split_ambiguously(items: list[Any], flags: int, found: list[str]) -> None:
    """Record `A*bC*` (b in A and in C, both unbounded) anywhere in the pattern."""
    for i, (op, av) in enumerate(items):
        if op in (*REPEATS, sre.POSSESSIVE_REPEAT):
            _split_ambiguously(list(av[2]), flags, found)
        elif op is sre.SUBPATTERN:
            _split_ambiguously(list(av[-1]), flags, found)
        elif op is sre.BRANCH:
            for alt in av[1]:
                _split_ambiguously(list(alt), flags, found)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _split_ambiguously(list(av[1]), flags, found)
        if i + 1 < len(items) and _unbounded(items[i]) and _unbounded(items[i + 1]):
            a, c = _chars(items[i][1][2][0], flags), _chars(items[i + 1][1][2][0], flags)
            if a & c & WORD:
                found.append("two repeats side by side share word characters")
        if i + 2 < len(items) and _unbounded(items[i]) and _unbounded(items[i + 2]):
            middle = items[i + 1]
            if middle[0] in ONE_CHAR:
                a = _chars(items[i][1][2][0], flags)
                b = _chars(middle, flags)
                c = _chars(items[i + 2][1][2][0], flags)
                if b and b <= a and b <= c and a & c & WORD:
                    found.append(f"split ambiguously around {middle}")


def quadratic_shapes(pattern: str, flags: int = 0) -> list[str]:
    """The shapes that make a search with `pattern` quadratic on one long word (none: linear)."""
    parsed = list(sre_parse.parse(pattern, flags))
    found: list[str] = []
    _starts(parsed, flags, None, found, False)
    _split_ambiguously(parsed, flags, found)
    return found


def scanning_uses() -> Iterator[tuple[str, str, int]]:
    """(module:line, pattern, flags) for every search / finditer / findall / sub / split in
    agents/ whose pattern is a literal or a module constant.
    """
    for path in sorted(Path(rx.__file__).parent.glob("*.py")):
        module = importlib.import_module(f"agents.{path.stem}")
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr not in SCANNING:
                continue
            base, pattern, flags = node.func.value, None, 0
            if isinstance(base, ast.Name) and base.id in ("rx", "re") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    pattern = first.value
                elif isinstance(first, ast.Name):
                    pattern = getattr(module, first.id, None)
                for keyword in node.keywords:
                    if keyword.arg == "flags":
                        flags = re.I  # the flags never change a shape's cost
            elif isinstance(base, ast.Name):
                pattern = getattr(module, base.id, None)
            if isinstance(pattern, re.Pattern):
                pattern, flags = pattern.pattern, pattern.flags
            if isinstance(pattern, str):
                yield f"{path.stem}:{node.lineno}", pattern, flags & ~re.U


def test_no_pattern_the_planner_scans_with_is_quadratic_on_a_long_word() -> None:
    uses = list(scanning_uses())
    assert len(uses) > 300  # the walk found the planner's patterns
    flagged = {where: quadratic_shapes(p, f) for where, p, f in uses if quadratic_shapes(p, f)}
    assert flagged == {}


@pytest.mark.parametrize(
    "pattern",
    [
        r"[\w-]+\s+as\s+numeric",  # every letter of a long word starts a try
        r"\b[\w-]+\s+holds\s+the\s+text",  # '\b' at every dash of 'a-a-a…'
        r"\b[A-Za-z][\w<>=+-]*\s+if",  # one letter, then the same run
        r"(?<![\w-])([\w-]*\d[\w-]*)\s+is",  # one start, split at every character
        r"\d+\s*%",
        r"(?:x|[\w.-]+/)",
        r"(?<![\w./-])[a-z0-9]+[\w.-]*\.csv",  # side by side: split at every character
    ],
)
def test_the_shape_check_finds_quadratic_patterns(pattern: str) -> None:
    assert quadratic_shapes(pattern, re.I)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<![\w-])[\w-]+\s+as\s+numeric",
        rf"\b[\w-]{{1,{rx.WORD_MAX}}}\s+holds\s+the\s+text",
        r"\bas\s+[\w-]+",
        r"\b\w+\s+it\b",  # '\b' before word characters only: one start per word
        rf"(?<![\w-])({rx.ID_TOKEN})\s+is",
        r"(?<!\d)\d+\s*%",
        r"[a-z]+",  # nothing after the repeat can fail
        r"(?:^|(?<=\n))\w+:",
        r"(?<![\w./-])[a-z0-9]++[\w.-]*\.csv",
    ],
)
def test_the_shape_check_passes_linear_patterns(pattern: str) -> None:
    assert quadratic_shapes(pattern, re.I) == []


# -- the rewritten patterns read what the former ones read ------------------------------------

FORMER_ID = r"[\w-]*\d[\w-]*"


def _same_matches(former: str, now: re.Pattern[str], pieces: list[str], seed: int) -> None:
    old = re.compile(former, now.flags)
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", "", " "]) for _ in range(12))
        before = [(m.groups(), m.start(1), m.end()) for m in old.finditer(text)]
        assert before == [(m.groups(), m.start(1), m.end()) for m in now.finditer(text)], text


def test_corrections_read_the_same_ids() -> None:
    pieces = "row ticket id is should be = spam a # - 12 x QX 4 _ . ( , and & are".split()
    _same_matches(
        rf"\b(?:row|post|id|item|record|ticket|visit|review)?\s*#?({FORMER_ID})\s+(?:is|should be|"
        r"=|→|->)\s+(?:actually\s+|really\s+|clearly\s+|obviously\s+|definitely\s+)*"
        r"(?:a\s+|an\s+)?[\"'`]?([\w<>=.-]+)",
        arguments.CORRECTION_RE,
        pieces,
        1,
    )
    _same_matches(
        rf"(?<![\w-])({FORMER_ID}(?:\s*(?:,|and|&)\s*{FORMER_ID})+)\s+(?:are|should be|=)\s+"
        r"(?:all\s+|both\s+)?(?:actually\s+|really\s+)?(?:a\s+|an\s+)?[\"'`]?([\w-]+)",
        arguments.LISTED_IDS_RE,
        pieces,
        2,
    )
    _same_matches(
        rf"#?\b({FORMER_ID})\s+(?:is|was|'s|looks|seems|got|came out)\s+(?:\w+\s+)?"
        r"(?:wrong|mislabell?ed|incorrect|not right|off)\b"
        r"[^.;]*?\b(?:it|that(?: one)?|this(?: one)?|which)\s*(?:'s|is|should be|must be|=)\s+"
        r"(?:actually\s+|really\s+|clearly\s+)*(?:a\s+|an\s+)?[\"'`]?([\w<>=.-]+)",
        arguments.WRONG_LABEL_RE,
        [*pieces, "wrong", "it", "which"],
        3,
    )


def test_config_names_read_the_same() -> None:
    pieces = "config subset named the is a _ 1 . - ' en".split()
    _same_matches(
        r"\b(?:config(?:uration)?|subset)\s+[\"']?(?!is\b|the\b|of\b)([\w.-]+)|"
        r"\b(?:the\s+)?[\"'`]?([\w.-]*_[\w.-]*|[\w.-]+\d)[\"'`]?\s+(?:config|subset)\b",
        slots.CONFIG_RE,
        pieces,
        4,
    )
    _same_matches(
        r"\b(?:config(?:uration)?|subset)\s+(?:named\s+|called\s+)?[\"'`]?(?!is\b|the\b|of\b|and\b)"
        r"([\w.-]+)|\b[\"'`]?([\w.-]*_[\w.-]*|[\w.-]+\d)[\"'`]?\s+(?:config|subset)\b",
        options.CONFIG_RE,
        pieces,
        5,
    )


def test_a_search_query_drops_the_same_lead_in_linear_time() -> None:
    former = re.compile(r".*\b(?:for|to|with)\s+")
    pieces = ["search", "for", "to", "with", "a", "x", "\n", " ", "  ", "forto"]
    rng = random.Random(6)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(12))
        assert arguments._after_last_for(text) == former.sub("", text), text
