"""Text helpers for QA: prose sentences of a chunk, normalisation, content words, similarity."""

from __future__ import annotations

import re
from dataclasses import dataclass

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can cannot could did do does doing done down during each few
    for from further had has have having he her here hers him his how i if in into is it its itself
    just may me might more most must my no nor not now of off on once only or other our ours out
    over own same shall she should so some such than that the their theirs them then there these
    they this those through to too under until up upon very was we were what when where which
    while who whom why will with would you your yours""".split()
)

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_'\-]*|\d+(?:[.,]\d+)*")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|cf|Mr|Mrs|Dr|St|No|Fig|approx)\.|\b[A-Z]\.)$")
_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")
_CODEY = re.compile(r"::=|>>>|^\s*\.\.\.|[{};]\s*$|^\s*[\w.]+\(.*\)\s*$")
_RULE = re.compile(r"^\s*([=\-*~^#_])\1{2,}\s*$")
_BULLET = re.compile(r"^\s*(?:[*\-+\u2022]|\d+[.)])\s+")
_MARK = re.compile(r"^\s*[*\-+\u2022]\s+")


@dataclass(frozen=True)
class Sentence:
    """A prose sentence of a chunk; `paragraph` and `index` give its place."""

    text: str
    paragraph: int
    index: int


def normalize(text: str) -> str:
    """Collapse whitespace (line wraps, indents) so spans can be compared across layouts."""
    return re.sub(r"\s+", " ", text).strip()


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens."""
    return [w.lower() for w in _WORD.findall(text)]


def content_words(text: str) -> list[str]:
    """Tokens that carry meaning (no stopwords, no one-letter words)."""
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


def jaccard(a: set[str], b: set[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def _prose_paragraphs(text: str) -> list[str]:
    """Paragraphs of running prose: headings, rules, code and grammar blocks are left out."""
    out = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if len(lines) >= 2 and _RULE.match(lines[-1]) and len(lines) == 2:
            continue  # setext heading
        if len(lines) == 1 and re.match(r"^\s*#{1,6}\s", lines[0]):
            continue
        lines = [ln for ln in lines if not _RULE.match(ln) and not re.match(r"^\s*#{1,6}\s", ln)]
        if not lines:
            continue
        if any(_CODEY.search(ln) for ln in lines):
            continue
        indented = all(ln.startswith((" ", "\t")) for ln in lines)
        ends_like_prose = lines[-1].rstrip().endswith((".", "!", "?", ":"))
        if indented and not ends_like_prose:
            continue
        joined = ""
        for n, ln in enumerate(lines):
            # a numbered item starts a block; "2) == x" mid-paragraph is a wrapped line
            piece = (_BULLET if n == 0 else _MARK).sub("", ln).strip()
            if re.search(r"\w-$", joined) and piece[:1].islower():
                joined += piece  # a word hyphenated across a line wrap
            else:
                joined = f"{joined} {piece}" if joined else piece
        out.append(normalize(joined))
    return out


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, not at abbreviations like 'e.g.'."""
    parts: list[str] = []
    pos = 0
    for m in _SPLIT.finditer(paragraph):
        head = paragraph[pos : m.start() + 1]
        if _ABBREV.search(paragraph[: m.start() + 1]):
            continue
        parts.append(head.strip())
        pos = m.end()
    tail = paragraph[pos:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if p]


def prose_sentences(chunk_text: str) -> list[Sentence]:
    """Every prose sentence of a chunk, in order."""
    out: list[Sentence] = []
    for p, para in enumerate(_prose_paragraphs(chunk_text)):
        for sent in split_sentences(para):
            out.append(Sentence(sent, p, len(out)))
    return out


def grounding_form(text: str) -> str:
    """Text as compared for grounding: whitespace collapsed, line-wrap hyphenation undone."""
    return re.sub(r"(?<=\w-) (?=[a-z])", "", normalize(text))


def is_verbatim(span: str, source: str) -> bool:
    """Whether `span` appears in `source` up to whitespace and line wraps."""
    return bool(span.strip()) and grounding_form(span) in grounding_form(source)
