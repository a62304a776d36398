"""Split document text into chunks (paragraph, markdown, fixed chars/tokens) with offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

from errors import BadInput

Strategy = Literal["paragraph", "markdown", "fixed"]
Unit = Literal["chars", "tokens"]

_ATX = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)
_SETEXT_RULE = re.compile(r"^(=+|-+|\*+|~+|\^+)[ \t]*$")
_PARA_SPLIT = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'(\[])")
TOKEN_RE = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Span:
    """A chunk of one document: `text == document[start:end]`; `heading` is its section title."""

    start: int
    end: int
    text: str
    heading: str


def find_headings(text: str) -> list[tuple[int, str]]:
    """(offset, title) of every heading: ATX `# Title` lines and setext (underlined) titles."""
    found: dict[int, str] = {}
    in_fence = False
    offset = 0
    lines = text.split("\n")
    positions = []
    for line in lines:
        positions.append(offset)
        offset += len(line) + 1
    for i, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        m = _ATX.match(line)
        if m:
            found[positions[i]] = m.group(2).strip()
            continue
        if (
            i > 0
            and _SETEXT_RULE.match(line)
            and len(line.strip()) >= 3
            and lines[i - 1].strip()
            and not lines[i - 1].startswith((" ", "\t"))
            and (i < 2 or not lines[i - 2].strip())
            and len(lines[i - 1]) <= 120
        ):
            found[positions[i - 1]] = lines[i - 1].strip()
    return sorted(found.items())


def _paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank paragraph spans inside text[start:end]."""
    spans = []
    pos = start
    for m in _PARA_SPLIT.finditer(text, start, end):
        if text[pos : m.start()].strip():
            spans.append(_trim(text, pos, m.start()))
        pos = m.end()
    if text[pos:end].strip():
        spans.append(_trim(text, pos, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in "\n\r":
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_long(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    """Split an over-long span at sentence ends, then at whitespace, so each piece <= size."""
    cuts = [start]
    for m in _SENTENCE_END.finditer(text, start, end):
        cuts.append(m.end())
    cuts.append(end)
    pieces: list[tuple[int, int]] = []
    cur = prev = start
    for b in cuts[1:]:
        if b - cur > size and prev > cur:
            pieces.append(_trim(text, cur, prev))
            cur = prev
        prev = b
    pieces.append(_trim(text, cur, end))
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        while b - a > size:
            cut = text.rfind(" ", a + size // 2, a + size)
            cut = cut if cut > a else a + size
            out.append(_trim(text, a, cut))
            a = cut
            while a < b and text[a].isspace():
                a += 1
        if b > a:
            out.append((a, b))
    return [p for p in out if p[1] > p[0]]


def _pack(
    text: str, spans: list[tuple[int, int]], size: int, min_chars: int
) -> list[tuple[int, int]]:
    """Greedily merge consecutive spans up to `size` chars; a short tail joins its predecessor."""
    units: list[tuple[int, int]] = []
    for a, b in spans:
        units.extend(_split_long(text, a, b, size) if b - a > size else [(a, b)])
    packed: list[tuple[int, int]] = []
    for a, b in units:
        if packed and b - packed[-1][0] <= size:
            packed[-1] = (packed[-1][0], b)
        else:
            packed.append((a, b))
    if len(packed) > 1 and packed[-1][1] - packed[-1][0] < min_chars:
        tail = packed.pop()
        packed[-1] = (packed[-1][0], tail[1])
    return packed


def _fixed(text: str, size: int, overlap: int, unit: Unit) -> list[tuple[int, int]]:
    if unit == "tokens":
        tokens = [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
        out = []
        step = size - overlap
        for i in range(0, len(tokens), step):
            window = tokens[i : i + size]
            out.append((window[0][0], window[-1][1]))
            if i + size >= len(tokens):
                break
        return out
    out = []
    step = size - overlap
    pos = 0
    n = len(text)
    while pos < n:
        end = min(n, pos + size)
        if end < n:  # end on whitespace when one is near, so words are not cut
            cut = text.rfind(" ", pos + int(size * 0.8), end)
            end = cut if cut > pos else end
        a, b = _trim(text, pos, end)
        while a < b and text[a] == " ":
            a += 1
        if b > a:
            out.append((a, b))
        if end >= n:
            break
        pos = max(pos + 1, end - overlap)
    return out


def chunk_text(
    text: str,
    *,
    strategy: Strategy = "paragraph",
    size: int = 1500,
    overlap: int = 0,
    unit: Unit = "chars",
    min_chars: int = 100,
) -> list[Span]:
    """Split `text` by `strategy`; every span satisfies `span.text == text[span.start:span.end]`.

    `size` is in characters (tokens for `fixed` with `unit="tokens"`); `overlap` applies to
    `fixed` only. Paragraph and markdown chunks never split a paragraph unless it alone is
    longer than `size`; markdown chunks never cross a heading.
    """
    if size < 1:
        raise BadInput("chunk_size must be at least 1", hint="use e.g. 1500 characters")
    if overlap < 0 or overlap >= size:
        raise BadInput(
            f"chunk_overlap {overlap} must be >= 0 and smaller than chunk_size {size}",
            hint="use an overlap of about 10% of the chunk size",
        )
    if unit == "tokens" and strategy != "fixed":
        raise BadInput(
            "unit 'tokens' applies to the 'fixed' strategy only",
            hint="use strategy 'fixed' or unit 'chars'",
        )
    headings = find_headings(text)
    if strategy == "fixed":
        ranges = _fixed(text, size, overlap, unit)
    elif strategy == "paragraph":
        ranges = _pack(text, _paragraph_spans(text, 0, len(text)), size, min_chars)
    elif strategy == "markdown":
        bounds = [p for p, _ in headings]
        starts = [0, *bounds] if not bounds or bounds[0] != 0 else bounds
        ranges = []
        pending_start: int | None = None
        for i, s in enumerate(starts):
            e = starts[i + 1] if i + 1 < len(starts) else len(text)
            a = s if pending_start is None else pending_start
            body = text[a:e].strip()
            if not body:
                continue
            # a heading with (almost) nothing under it travels with the next section
            if e < len(text) and len(body) < min_chars:
                pending_start = a
                continue
            pending_start = None
            ranges.extend(_pack(text, _paragraph_spans(text, a, e), size, min_chars))
    else:
        raise BadInput(
            f"unknown chunking strategy {strategy!r}",
            hint="use 'paragraph', 'markdown' or 'fixed'",
        )
    positions = [p for p, _ in headings]
    spans = []
    for a, b in ranges:
        first_line_end = text.find("\n", a, b)
        probe = first_line_end if first_line_end != -1 else b
        idx = bisect.bisect_right(positions, probe) - 1
        heading = headings[idx][1] if idx >= 0 else ""
        spans.append(Span(a, b, text[a:b], heading))
    return spans


def count_tokens(text: str) -> int:
    """The number of word/punctuation tokens (the unit of `fixed` chunking with tokens)."""
    return sum(1 for _ in TOKEN_RE.finditer(text))
