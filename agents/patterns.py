"""One compile cache for the planner's regexes, large enough for the patterns it builds from words.

The planner modules build many patterns per goal from its words and the data's column names
(f-strings around `re.escape(...)`). Through `re`'s own cache (512 entries, oldest dropped
first) those push out every constant pattern too, so each plan recompiled hundreds of them.
Here every pattern the planner uses is compiled once per process (least recently used dropped
beyond `MAX_PATTERNS`); the functions mirror `re`'s module-level ones.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

MAX_PATTERNS = 4096

Pattern = str | re.Pattern[str]


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
