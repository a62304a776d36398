"""Files a person names by description ('the meal kit reviews', 'the q3 file') resolved to the
one workspace file whose name those words spell; ambiguous or weak matches resolve to nothing.
"""

from __future__ import annotations

import re

GENERIC = {
    *"data file files table csv doc docs the my a of new hand label labels gold".split(),
    *"labeled labelled tags sample".split(),
}
COMMON = set(
    "one two three first second last next new old test train this that data model final "
    "result results output input sample".split()
)
ORDINAL_REF = re.compile(
    r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|last|next|previous|other|same|that|this)\s+"
    r"(?:one|file|table|dataset)\b",
    re.I,
)
ONLINE = re.compile(r"\b(hugging ?face|hf|kaggle|hub|online|internet|download)\b", re.I)


def _name_tokens(path: str) -> list[str]:
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    tokens = re.findall(r"[a-z]+\d*|\d+", stem)
    return [t for t in tokens if not re.fullmatch(r"\d{4}", t)]  # years are optional


def _goal_words(goal: str) -> set[str]:
    # An identifier ('digits_mlp', 'q3-report') is one word: its parts describe no file.
    plain = re.sub(r"\b\w+[_-][\w-]+\b", " ", goal.lower())
    words = re.findall(r"[a-z]+\d*|\d+", plain)
    out = set(words)
    out.update(w[:-1] for w in words if w.endswith("s") and len(w) > 3)
    out.update(w + "s" for w in words)
    out.update(a + b for a, b in zip(words, words[1:], strict=False))  # 'meal kit' → 'mealkit'
    return out - GENERIC


def described_file(goal: str, files: list[str]) -> str | None:
    """The single file the goal's words describe, or None (none, several, or a hub request)."""
    if ONLINE.search(goal) or ORDINAL_REF.search(goal):
        return None
    words = _goal_words(goal)
    scored: list[tuple[float, int, str]] = []
    for path in files:
        tokens = [t for t in _name_tokens(path) if t not in GENERIC]
        if not tokens:
            continue
        if len(tokens) == 1 and (
            len(tokens[0]) < 4
            or tokens[0] in COMMON
            or not re.search(
                rf"\b{re.escape(tokens[0][:4])}\w*\s+(?:\w+\s+)?(?:data|dataset|file|table|"
                r"set|spreadsheet|sheet|csv|export|dump)\b",
                goal,
                re.I,
            )
        ):
            # 'one.csv', 'test.csv': an everyday word names no file; 'digits.csv' only when
            # the word is said as data ('the digits data'), not as a column ('target is digit').
            continue
        hit = sum(1 for t in tokens if t in words)
        if hit == len(tokens) or hit >= 2:
            scored.append((hit / len(tokens), hit, path))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][:2] == scored[1][:2]:
        return None
    best = scored[0]
    return best[2] if best[0] >= 0.5 else None


THREAD_REF = re.compile(r"\b(it|its|them|that|those|these|this|same|again)\b", re.I)


def with_described_file(
    goal: str, files: list[str], thread_has_data: bool = False
) -> tuple[str, list[str]]:
    """The goal with the described file's name added after the words that describe it (for a
    goal that names no input file of its own).
    """
    if len(goal.split()) < 4:
        return goal, []  # a fragment ('the digit column') answers a question; it names no data
    if thread_has_data and THREAD_REF.search(goal):
        return goal, []  # 'train an MLP on it': the thread's data, not a described file
    found = described_file(goal, files)
    if found is None:
        return goal, []
    tokens = [t for t in _name_tokens(found) if t not in GENERIC]
    spans = []
    for token in tokens:
        match = re.search(
            rf"\b{re.escape(token[:4])}[\w]*(?:\s+{re.escape(token[4:])}\w*)?", goal, re.I
        )
        if match:
            spans.append((match.start(), match.end()))
    if not spans:
        return goal, []
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    note = [f"the data you described → {found}"]
    between = re.sub(
        r"\b(?:the|of|a|an|my|our|from|data|dataset|file|table|csv|set|sheet)\b|[\s\-_,]",
        "",
        re.sub("|".join(re.escape(goal[a:b]) for a, b in spans), "", goal[start:end]),
        flags=re.I,
    )
    if end - start <= 48 and not between:
        # The describing words become the name ('the wine train data' → 'the wine_train.csv
        # data'), so a word like 'train' in them is not read as a request.
        return f"{goal[:start]}{found}{goal[end:]}", note
    return f"{goal[:end]} ({found}){goal[end:]}", note
