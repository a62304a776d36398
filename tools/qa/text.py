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
_CODEY = re.compile(
    r"::=|>>>|^\s*\.\.\.|[{}]\s*$|(?:=|\))[^;]{0,30};\s*$|^\s*\S+(?:\s+\S+){0,2};\s*$"
    r"|^\s*[\w.]+\(.*\)\s*$"
)
"""A code line. A line ending in ';' is code when short or with '=', brackets near its end; a
line of prose wrapped after a semicolon ('... set by the general meeting;') is not."""
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


# --------------------------------------------------------------------------- kinds of answer
# What a question word asks for ('when' a time, 'how many' a number, 'who' a person or body,
# 'where' a place, 'how is X done' a manner) and which of these a piece of text says. Shared by
# the built-in writer (to pick the question word that fits a sentence) and the built-in judge
# (to lower a pair whose answer is not the kind its question asks for).

_NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred|thousand|million|billion|dozen|half|quarter|single|double|twice|once"
)
_TIME_UNITS = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))"
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|weekends|weekday"
_TIME_RE = re.compile(
    r"\b(?:(?:\d+(?:[.,]\d+)?|a|an|"
    + _NUMBER_WORDS
    + r"|few|several|many)(?:[\s-]\w+)?\s+"
    + _TIME_UNITS
    + r"|(?:"
    + _MONTHS
    + r"|"
    + _WEEKDAYS
    + r")\b|(?:1[5-9]|20)\d\d\b|\d{1,2}(?::\d\d)?\s*(?:am|pm)"
    r"|o'clock|noon|midnight|morning|afternoon|evening|night|tonight|today|tomorrow|yesterday"
    r"|in advance|beforehand|annually|daily|weekly|monthly|yearly|quarterly|hourly|nightly"
    r"|(?:every|each|per|a)\s+(?:\w+\s+)?(?:" + _TIME_UNITS[3:-1] + r"|spring|summer|autumn|"
    r"winter|season|term|quarter|meeting)|spring|summer|autumn|winter|immediately|promptly"
    r"|soon|later|earlier|ago|(?:before|after|until|till|since|during|within|by|at|towards?)"
    r"\s+(?:the\s+)?"
    r"(?:end|start|beginning|middle|next|last|first|deadline|meeting|time|date)"
    r"|(?:first|second|third|fourth|last)\s+(?:" + _WEEKDAYS + r"))",
    re.I,
)
_NUMBER_RE = re.compile(
    r"\d|\b(?:" + _NUMBER_WORDS + r"|few|several|many|most|all|none|no|every|each|both|"
    r"percent|per cent)\b",
    re.I,
)
_AMOUNT_RE = re.compile(r"\d|\b(?:" + _NUMBER_WORDS + r"|percent|per cent)\b", re.I)
"""A number proper (digits or number words), not a quantifier like 'no' or 'all'."""
_PEOPLE = (
    "person|people|persons|members?|households?|volunteers?|staff|employees?|employers?|users?|"
    "customers?|clients?|owners?|parents?|guardians?|children|child|students?|pupils?|"
    "residents?|citizens?|patients?|doctors?|nurses?|board|committee|council|government|"
    "agency|department|office|team|company|companies|firm|society|association|club|union|"
    "authority|ministry|court|bank|cooperative|co-op|group|organi[sz]ations?|institutions?|"
    "university|school|anyone|everyone|someone|nobody|no one|secretary|treasurer|chair|"
    "chairs?|directors?|managers?|officers?|administrators?|operators?|electricians?|"
    "engineers?|technicians?|inspectors?|auditors?|coordinators?|contractors?|suppliers?|"
    "providers?|vendors?|partners?|landlords?|tenants?|teachers?|workers?|leaders?|"
    "drivers?|lawyers?|farmers?|builders?|developers?|maintainers?|researchers?|scientists?|"
    "physicians?|agents?|presidents?|ministers?|mayors?|police|trustees?|nominees?|"
    "shareholders?|holders?|applicants?|authors?|writers?|editors?|publishers?|inventors?|"
    "founders?|wardens?|keepers?|caretakers?|stewards?|clerks?|judges?|juries|jury|hosts?|"
    "chefs?|cooks?|pilots?|captains?|crews?|guards?|coaches?|tutors?|instructors?|"
    "he|she|they|we|you|i|him|her|them|us|me"
)
_PERSON_RE = re.compile(r"\b(?:" + _PEOPLE + r")\b", re.I)
_NAME_RE = re.compile(
    r"\b(?!(?:The|A|An|It|Its|This|That|These|Those|There|They|In|On|At|If|When|Yes|No|Every|"
    r"Each|Once|Twice|Before|After|By|From|Only|Always|Never|About|Around|Between|Within|"
    r"Until|During|Since|Next|Last|First|"
    + _NUMBER_WORDS.title()
    + r"|"
    + _MONTHS.title()
    + r"|"
    + _WEEKDAYS.title()
    + r")\b)[A-Z][a-z]+\b|\b[A-Z]{2,}\b"
)
_NOT_PLACE = (
    "writing|person|advance|total|general|order|addition|case|part|practice|time|fact|short|"
    "turn|particular|full|public|private|effect|return|response|place|use|line|charge|"
    "favou?r|spite|light|terms|which|what|this|that|these|those|it|them|me|us|him|her|"
    "less|more|about|around|least|most|up|down|off"
)
_PLACE_RE = re.compile(
    r"\b(?:in|at|on|into|inside|near|from|under|behind|beside|outside|above|below|across|"
    r"onto|within|beneath|opposite|next to|throughout)\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+|"
    r"your\s+|our\s+|his\s+|her\s+|my\s+|each\s+|every\s+)?(?!(?:" + _NOT_PLACE + r")\b)"
    r"(?!(?:" + _MONTHS + r"|" + _WEEKDAYS + r"|" + _NUMBER_WORDS + r"|end|start|beginning|middle"
    r"|age|least|the|a|an)\b)(?!\d)[a-z][\w'-]*"
    r"|\b(?:room|hall|office|building|site|roof|city|town|village|country|area|street|road|"
    r"house|home|website|page|park|school|floor|field|shop|store|station|folder|directory|"
    r"region|county|state|abroad|online|locally|nearby|here|there|everywhere|anywhere|upstairs"
    r"|downstairs|outdoors|indoors)\b",
    re.I,
)
_MANNER_RE = re.compile(
    r"\bby\b(?!\s+(?:the\s+)?(?:end|start|beginning|middle|time|then|now|next|last|\d|"
    + _MONTHS
    + r"|"
    + _WEEKDAYS
    + r"))|\b(?:using|with|without|via|through|as|in writing|in person|by hand|online|manually|"
    r"automatically|remotely|electronically|digitally|physically|mechanically|directly|"
    r"carefully|gently|slowly|quickly|separately|together|jointly|individually|first|then|"
    r"steps?|method|means|way|process|procedure|form|email|e-mail|post|mail|letter|phone|"
    r"telephone|app|portal|if|unless|whenever|provided|according|depending)\b",
    re.I,
)


def question_wants(question: str) -> str | None:
    """The kind of answer a question's opening words ask for: time, number, person, place,
    manner, or None (what/which/why/yes-no questions are not checked).
    """
    q = normalize(question).lower()
    q = re.sub(r"^(?:and|so|but|then|also|exactly|roughly|approximately)\s+", "", q)
    if re.match(
        r"(?:when|what time|what date|what year|what day|what month|by when|until "
        r"when|since when|how soon|how often|how long)\b",
        q,
    ):
        return "time"
    if re.match(
        r"(?:how many|how much|what percentage|what proportion|what share|what number"
        r"|how old|how far|how big|how large|how tall|how high|how fast|how heavy)\b",
        q,
    ):
        return "number"
    if re.match(r"(?:who|whom|whose|by whom|to whom|from whom|with whom)\b", q):
        return "person"
    if re.match(r"(?:where|from where|to where)\b", q):
        return "place"
    if re.match(
        r"how (?:is|are|was|were|do|does|did|can|could|should|must|will|would|may|"
        r"might|has|have|had)\b",
        q,
    ):
        return "manner"
    return None


def answer_cues(text: str) -> set[str]:
    """Which kinds of answer `text` can give: time, number (quantifiers too), amount (a
    number proper), person, place, manner.
    """
    cues = set()
    if _TIME_RE.search(text):
        cues.add("time")
    if _NUMBER_RE.search(text):
        cues.add("number")
    if _AMOUNT_RE.search(text):
        cues.add("amount")
    if _PERSON_RE.search(text) or _NAME_RE.search(text):
        cues.add("person")
    if _PLACE_RE.search(text):
        cues.add("place")
    if _MANNER_RE.search(text):
        cues.add("manner")
    return cues


def answer_news(question: str, answer: str) -> str:
    """The answer's words the question does not already say, in order (what the answer adds)."""
    said = set(words(question))
    kept = [w for w in re.findall(r"[\w'-]+", answer) if w.lower() not in said]
    return " ".join(kept)


def leading_kind(text: str) -> str | None:
    """time, place or manner: the kind of the first such phrase in `text` (None: none found).

    'in 2019 by forty-two households' leads with a time, 'into the bank account' with a
    place, 'by volunteers every six weeks' with a manner.
    """
    found = [
        (m.start(), kind)
        for kind, pattern in (("manner", _MANNER_RE), ("time", _TIME_RE), ("place", _PLACE_RE))
        if (m := pattern.search(text))
    ]
    return min(found)[1] if found else None


def is_agent(phrase: str) -> bool:
    """Whether a noun phrase names a person or organisation by its head word ('a qualified
    electrician', 'the board', 'Volunteers'); pronouns do not count.
    """
    toks = re.findall(r"[\w'-]+", phrase)
    if not toks or toks[-1].lower() in ("he", "she", "they", "we", "you", "i", "him", "her"):
        return False
    return bool(re.fullmatch(r"(?:" + _PEOPLE + r")", toks[-1], re.I))
