"""Files a person names by description ('the meal kit reviews', 'the q3 file', 'the test
postings') resolved to the workspace file their words, its role words and its columns point at.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from agents import patterns as rx
from agents.hand_labels import labels_shaped, only_labels, shares_key, table_profile
from store.outputs import OUTPUT_FOLDERS as TOOL_FOLDERS

GENERIC = {
    *"data file files table csv doc docs the my a of new hand label labels gold".split(),
    *"labeled labelled tags sample".split(),
}
COMMON = set(
    "one two three first second last next new old test train this that data model final "
    "result results output input sample".split()
)
MONTHS = "jan feb mar apr may jun jul aug sep sept oct nov dec".split()
MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
# Words that say which version of a dataset a file is (the split, the batch, the period):
# a file carrying one is meant only when the person says it.
ROLE = {
    *"test tests testing train training trainset val valid validation dev holdout heldout".split(),
    *"eval evaluation".split(),
    *"new newest latest incoming old older previous copy backup final fresh batch".split(),
    *"q1 q2 q3 q4 h1 h2".split(),
    *MONTHS,
    *MONTH_NAMES,
}
ROLE_ALIASES = {
    "training": "train",
    "testing": "test",
    "tests": "test",
    "validation": "val",
    "valid": "val",
    "evaluation": "eval",
}
GOLD_TOKENS = {"gold", "handlabels", "handlabel", "handlabeled", "audit", "audited", "annotations"}
HAND_LABELS_RE = re.compile(
    r"\b(?:hand[- ]?(?:labels?|labell?ed|tagged|tags|sorted|graded|coded|checked|marked)|"
    r"handlabels?|gold(?:\s+labels?)?|"
    r"(?:auditor|annotator|reviewer)'?s?\s+labels?|labels?\s+file|answer\s+key|"
    r"(?:did|done|sorted|labell?ed|tagged|marked|graded|coded|classified|categori[sz]ed)"
    r"\s+(?:\w+\s+){0,2}?by\s+hand|"
    # 'Priya's file has some done already', 'a sheet with a few tagged already': another file
    # that holds some rows already labeled is the hand labels, however the labeling is called
    r"(?:file|sheet|table|csv|spreadsheet)\s+(?:has|have|with|holds|contains)\s+(?:\w+\s+){0,2}?"
    r"(?:already\s+(?:done|labell?ed|tagged|sorted|marked|graded|coded|classified|filled)|"
    r"(?:done|labell?ed|tagged|sorted|marked|graded|coded|classified|filled)(?:\s+in)?\s+already)|"
    # 'the paralegals labelled 50 in x.csv', 'we tagged a few of them in x.csv': rows someone
    # labeled, said with their count and the file they are in
    r"(?:labell?ed|tagged|marked|graded|coded|classified|categori[sz]ed|annotated|did)\s+"
    r"(?:\d+|some|a few|a handful|a couple|a bunch|several|about \d+|around \d+)\s+"
    r"(?:\w+\s+)?(?:of (?:them|those|these)\s+)?(?:already\s+|by hand\s+)?(?:in|into|on)(?=\s+\S+\.\w)|"
    r"(?:some|a few|a couple|\d+)\s+(?:\w+\s+)?(?:are\s+|were\s+)?already\s+(?:done|labell?ed|"
    r"tagged|sorted|marked|graded|coded|classified)\s+(?:in|on)\s+(?:\w+'s|her|his|their|a|"
    r"another|the\s+other)\s+(?:file|sheet|table|csv|spreadsheet))\b",
    re.I,
)
"""Words that introduce hand labels: 'the hand labels', 'the ones I sorted by hand'."""
HAND_NAMED_RE = re.compile(r"byhand|hand(?:sort|grad|cod|check|mark|tag)")
"""A file name that says its rows were done by hand ('messages_sorted_by_hand.csv')."""
STOP = set(
    "a an the of in on at to for from by with and or but is are was were be been it its this "
    "that these those my our your their me i we you he she they them what which who how many "
    "much some any all both each every only just also please can could would should will do "
    "does did have has had not no yes so than then there here into out up down over about "
    "make give get use using show tell let want need like look one ones".split()
)
# Column words too everyday to point at a table on their own.
PLAIN_COLUMNS = set(
    "id ids key index text label labels name names value values score type date time row rows "
    "column columns count number amount class target item items".split()
)
OUTPUT_FOLDERS = {*TOOL_FOLDERS, "saved", "lfs", "rules"}
"""Folders whose files are no data a person names: the tools' outputs (store.outputs) and the
names people give folders of saved runs and rules."""
TABLE_EXT = (".csv", ".tsv", ".jsonl", ".parquet", ".csv.gz")
DOC_EXT = (".md", ".txt", ".pdf", ".html", ".htm", ".rst", ".docx")
ORDINAL_REF = re.compile(
    r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|last|next|previous|other|same|that|this)\s+"
    r"(?:one|file|table|dataset)\b",
    re.I,
)
MODEL_PUT_TO = (
    r"\b(?:run|apply|use|try|put|point)\s+(?:this|that|the\s+(?:new|last|same))\s+one\s+"
    r"(?:again\s+)?(?=(?:on|to|for|over|against)\s+(?:the|our|my|all|every|each|those|these)\b)"
)
"""A model put to use ('apply that one to the ...'): its 'one' points at the model, not a file."""
ONLINE = re.compile(r"\b(hugging ?face|hf|kaggle|hub|online|internet|download)\b", re.I)
# 'train', 'test' and 'eval' are also verbs ('train an MLP on it', 'test it on march.csv'): as a
# word that picks a file's version they follow a determiner or come before a data noun.
VERB_ROLES = {"train", "training", "test", "testing", "eval"}
ROLE_AS_NOUN = re.compile(
    r"(?:\b(?:the|a|my|our|your|their|this|that|these|those|its)\s+(?P<after>\w+)\b)|"
    r"(?:\b(?P<before>\w+)\s+(?:data|dataset|datasets|set|sets|split|splits|file|files|table|"
    r"tables|rows|csv|sheet|part|portion|sample|batch|fold|one|ones|half)\b)",
    re.I,
)
CARDINALS = "one two three four five six seven eight nine ten eleven twelve".split()
ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
)
NUMBER_WORDS = {w: str(i) for words in (CARDINALS, ORDINALS) for i, w in enumerate(words, 1)}
"""Number words a description may use for a file name's digits ('week two' → week2)."""
NUMBER_WORD_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_LETTERS_DIGITS = re.compile(r"([a-z]*)(\d*)")
FILE_NAME_RE = re.compile(rx.file_name(r"csv\.gz|csv|tsv|parquet|jsonl|json|md|txt|pdf|html?|rst"))


def _split_name(text: str, years: bool = False) -> list[str]:
    text = rx.sub(r"([a-z])([A-Z])", r"\1 \2", text)  # CommentID → Comment ID
    tokens = rx.findall(r"[a-z]+\d*|\d+", text.lower())
    if years:
        return tokens
    return [t for t in tokens if not rx.fullmatch(r"\d{4}", t)]  # years are optional


def file_tokens(path: str, years: bool = False) -> list[str]:
    """The words of a file's name, without folder or suffix, the one reading every file-naming
    path uses ('visitLog_q3_2025.csv' → visit, log, q3; `years` keeps 2025).
    """
    stem = path.rsplit("/", 1)[-1].split(".", 1)[0]
    return _split_name(stem, years)


_name_tokens = file_tokens


def name_words(path: str) -> list[str]:
    """The lower-case words of a file's name, without folder or suffix ('shop_sales_feb.csv' →
    shop, sales, feb).
    """
    return [t.lower() for t in _name_tokens(path)]


def _role(token: str) -> str | None:
    token = ROLE_ALIASES.get(token, token)
    if token in MONTH_NAMES:
        return token[:3]
    return token if token in ROLE else None


def same_form(a: str, b: str) -> bool:
    """Two words that are one word's forms by their spelling alone ('topics' and 'topic',
    'scout' and 'scouting'): equal, or the longer one the shorter (4 letters or more) and at
    most 3 letters more. Stricter than `same_word` (no typos, no 's' dropped from a short word):
    a short word only matches itself ('lab' is not 'label').
    """
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3


DERIVED_ENDINGS = frozenset(
    "e s es ed d ing ion ions ation ations al als ure ures ment ments".split() + [""]
)
"""Endings of one stem's forms ('cancell-ed' / 'cancell-ation', 'approv-al' / 'approv-ed')."""


def derived_form(a: str, b: str) -> bool:
    """Two words made of one stem (five letters or more) and each an ending of a verb's or its
    noun's ('cancellation' and 'cancelled', 'completion' and 'completed', 'renewal' and
    'renewed'); 'station' and 'stated' share too short a stem.
    """
    return derived_endings(a, b) is not None


def derived_endings(a: str, b: str) -> tuple[str, str] | None:
    """The two endings after the stem `derived_form` finds ('ation', 'ed'), or None."""
    if a == b:
        return "", ""
    stem = len(os.path.commonprefix((a, b)))
    ends = a[stem:], b[stem:]
    return ends if stem >= 5 and all(e in DERIVED_ENDINGS for e in ends) else None


@functools.lru_cache(maxsize=65536)
def same_word(word: str, token: str) -> bool:
    """'feedbak' ~ 'feedback', 'postings' ~ 'posting', 'handbok' ~ 'handbook', 'ads' ~ 'ad'."""
    if word == token:
        return True
    if word.rstrip("s") == token.rstrip("s") and min(len(word), len(token)) >= 2:
        return True
    if min(len(word), len(token)) < 5:
        return False
    if word.startswith(token) or token.startswith(word):
        return abs(len(word) - len(token)) <= 3
    return similar(word, token, 0.86)


def similar(a: str, b: str, bar: float) -> bool:
    """`SequenceMatcher(None, a, b).ratio() >= bar`, decided first by the ratio's cheap upper
    bounds (the shorter length, then the letters in common, as difflib's `real_quick_ratio` and
    `quick_ratio`): most word pairs differ too much to need the matching itself.
    """
    total = len(a) + len(b)
    if not total or 2.0 * min(len(a), len(b)) / total < bar:
        return bool(not total and bar <= 1.0)
    common = sum(min(a.count(c), b.count(c)) for c in set(a))
    if 2.0 * common / total < bar:
        return False
    return SequenceMatcher(None, a, b).ratio() >= bar


ACK_RE = (
    r"^\W*(?:(?:ok(?:ay)?|fine|great|good|cool|perfect|right|sure|alright|nice|lovely|thanks)"
    r"\s*[.!,;:-]+\s*)+"
)
"""A reply's opening acknowledgement ('Fine.', 'Good, ...'): no word of it describes a file."""


def goal_words(goal: str, keep: bool = False) -> list[str]:
    """The goal's words that can describe a file (`keep`: all its words, unfiltered)."""
    # An identifier ('digits_mlp', 'q3-report') or a file name is one word: its parts describe
    # no other file.
    plain = FILE_NAME_RE.sub(" ", goal.lower())
    plain = rx.sub(ACK_RE, " ", plain)  # 'Fine. Export the labels': a reply, not fines.csv
    # 'week-two' is 'week-2': a number word names a file's digits
    plain = rx.sub(
        rf"\b([a-z]+)-({NUMBER_WORD_RE})\b", lambda m: f"{m[1]}-{NUMBER_WORDS[m[2]]}", plain
    )
    plain = rx.sub(r"\b([a-z]+)-(\d+)\b", r"\1\2", plain)  # 'week-49' is 'week49', not a name
    # 'the inspected-lots gold file': two plain words joined by one hyphen are words, not a name
    plain = rx.sub(r"(?<![\w-])([a-z]{3,})-([a-z]{3,})(?![\w-])", r"\1 \2", plain)
    plain = rx.sub(YEARS_RE, lambda m: " ".join(rx.findall(r"\d+", m.group())), plain)  # 2019-2021
    plain = rx.sub(r"\b\w+[_-][\w-]+\b", " ", plain)
    words = rx.findall(r"[a-z]+\d*|\d+", plain)
    # '... and check it on the test file': a word opening a clause with 'it'/'them' after it
    # is the clause's verb, acting on the thread's thing; it describes no file (checked.csv)
    verbs = set() if keep else set(rx.findall(ACTING_ON_IT, plain))
    joined = [  # 'meal kit' → 'mealkit'
        a + b for a, b in zip(words, words[1:], strict=False) if a not in verbs and b not in verbs
    ]
    # 'week two' → 'week2', 'the third batch' → 'batch3': a number word with its noun
    joined += [
        a + NUMBER_WORDS[b] if b in NUMBER_WORDS else b + NUMBER_WORDS[a]
        for a, b in zip(words, words[1:], strict=False)
        if b in NUMBER_WORDS
        and a not in NUMBER_WORDS
        and a not in STOP
        or a in ORDINALS
        and b not in NUMBER_WORDS
        and b not in STOP
    ]
    if keep:
        return words
    return [w for w in [*words, *joined] if w not in GENERIC and w not in STOP and w not in verbs]


ACTING_ON_IT = (
    r"(?:^|[,;:.!?]|\b(?:and|then|to|please|also|now|so|you|could|can|would|will|just|pls)\b)"
    r"\s*([a-z]+)\s+(?:it|them)\b"
)
"""A verb and its pronoun object at a clause's opening ('and check it', 'please score them')."""


def says(word: str, token: str) -> bool:
    """Whether a said word names a file-name token: the same word, its plural or a slip
    (`same_word`); a number only exactly ('2025' is not '2024', nor a 19-digit number its
    neighbour, nor 'week2' 'week3'), whether in digits or words ('two' is '2', 'week2' is
    'week_two').
    """
    if word == token:
        return True
    # A number word alone in the goal ('first, clean up ...', 'a second look', 'two tables') is
    # ordinary English, not a file's digit: only a file name's number word is read as digits
    # (the goal's joined forms, 'week two' → 'week2', carry its own).
    token = NUMBER_WORDS.get(token, token)
    said, named = _LETTERS_DIGITS.fullmatch(word), _LETTERS_DIGITS.fullmatch(token)
    if said and named and said[2] and (named[2] or not said[1]):
        # A number said names a file only by the same number (leading zeros aside); said with
        # its noun ('covid19') it may still name a file of the noun alone ('covid_cases').
        if not named[2] or said[2].lstrip("0") != named[2].lstrip("0"):
            return False
        if not said[1] or not named[1]:
            return said[1] == named[1]
        # 'season 9' names s9, 'quarter 3' q3: a one-letter name part is the said noun's initial
        initial = len(named[1]) == 1 and len(said[1]) > 2 and said[1][0] == named[1]
        return initial or same_word(said[1], named[1])
    if token.isdigit():
        return word == token
    return same_word(word, token)


def _said(token: str, words: list[str]) -> bool:
    named = _LETTERS_DIGITS.fullmatch(token)
    if named and named[1] and named[2]:
        # 'the third batch' (batch3) with 'batch' said too: of batch3 and batch4, the number
        # said picks one, the bare noun names neither on its own
        numbered = [
            w
            for w in words
            if (m := _LETTERS_DIGITS.fullmatch(w)) and m[1] and m[2] and same_word(m[1], named[1])
        ]
        if numbered:
            return any(says(w, token) for w in numbered)
    return any(says(w, token) for w in words)


# Header columns by (real path, modification time, size): a file is read again only when it
# changed, so planning a goal does not reread every workspace table's first line.
_HEADERS: dict[tuple[str, int, int], list[str]] = {}
MAX_HEADERS = 1024


def _columns(path: str) -> list[str]:
    """The column names of a workspace table (its header only), or [] when unreadable."""
    if not path.lower().endswith((".csv", ".tsv", ".jsonl")):
        return []
    try:
        from store.workspace import resolve_path

        real = resolve_path(path)
        stat = os.stat(real)
        key = (str(real), stat.st_mtime_ns, stat.st_size)
        if key in _HEADERS:
            return list(_HEADERS[key])
        with open(real, encoding="utf-8", errors="replace") as handle:
            head = handle.readline()
    except (OSError, ValueError, Exception):  # noqa: BLE001 - a file we cannot read names nothing
        return []
    if path.lower().endswith(".jsonl"):
        found = rx.findall(r'"([^"]+)"\s*:', head)
    else:
        found = [c.strip().strip('"') for c in rx.split(r"[,\t;]", head)]
    if len(_HEADERS) >= MAX_HEADERS:
        _HEADERS.clear()
    _HEADERS[key] = found
    return list(found)


def is_gold_file(path: str) -> bool:
    """Whether a file's name says it holds hand labels ('feedback_handlabels.csv', 'gold.csv')."""
    tokens = _name_tokens(path)
    joined = "".join(tokens)
    return (
        bool(GOLD_TOKENS & set(tokens))
        or any(t.startswith("gold") for t in tokens)
        or "handlabel" in joined
        or "handtag" in joined
        or bool(HAND_NAMED_RE.search(joined))
    )


LABELS_TAIL = {"labels", "labelled", "labeled", "tags", "annotations", "annotated"}


def labels_named(path: str) -> bool:
    """Whether a file's name ends in a labels word ('feedback_labels.csv'): the labels of
    another table, meant as data only when the goal speaks of labels.
    """
    tokens = _name_tokens(path)
    return len(tokens) > 1 and tokens[-1] in LABELS_TAIL


def person_files(files: list[str]) -> list[str]:
    """The person's tables and documents among `files` (not forgeflow's output folders)."""
    return [
        f
        for f in files
        if f.split("/", 1)[0] not in OUTPUT_FOLDERS
        and not f.rsplit("/", 1)[-1].startswith(".")
        and f.lower().endswith((*TABLE_EXT, *DOC_EXT))
    ]


def _family_part(path: str, files: list[str]) -> int:
    """How many of a file's first name words are a table family's name, shared by its versions
    (fabric_tests of fabric_tests_test and fabric_tests_train): there a role word ('tests') is
    the subject's name, not a version; only the words after it say the version.
    """
    own = [t.lower() for t in _name_tokens(path)]
    part = 0
    for other in files:
        if other == path:
            continue
        theirs = [t.lower() for t in _name_tokens(other)]
        if len(theirs) < len(own) and own[: len(theirs)] == theirs:
            part = max(part, len(theirs))  # a version of the family named `other`
        elif len(own) < len(theirs) and theirs[: len(own)] == own:
            part = max(part, len(own))  # the family's own table
    return part


def _without_families(goal: str, tables: list[str]) -> str:
    """The goal without the spoken names of table families whose name ends in a role word ('the
    fabric test file' of fabric_tests, fabric_tests_test): that word names the family, so it says
    no version; a role word said after the name still does ('the fabric tests test file').
    """
    for path in tables:
        if not _family_part(path, tables) == len(_name_tokens(path)):
            continue
        tokens = [t.lower() for t in _name_tokens(path)]
        if len(tokens) < 2 or _role(tokens[-1]) is None:
            continue
        parts = [re.escape(t[:-1] if t.endswith("s") and len(t) > 3 else t) for t in tokens]
        spoken = r"[\s_-]+".join(p + r"s?" for p in parts)
        goal = rx.sub(rf"\b{spoken}\b", " ", goal, count=1, flags=re.I)
    return goal


def _score(
    path: str, words: list[str], said_roles: set[str], columns: bool, family: int = 0
) -> tuple[int, int]:
    """(score, name words matched) of how well the goal's words describe one file; the first
    `family` name words are the subject's whatever their role (`_family_part`).
    """
    named = _name_tokens(path)
    tokens = [t for t in named[family:] if t not in GENERIC or _role(t)]
    subject = [t for t in tokens if _role(t) is None and t not in COMMON and len(t) >= 2]
    subject += [t for t in named[:family] if t not in GENERIC and len(t) >= 2]
    roles = {_role(t) for t in tokens if _role(t) is not None}
    if len(subject) == 1 and len(subject[0]) < 4 and not any(w == subject[0] for w in words):
        subject_hits = 0  # a short name word counts only said exactly ('qc', not 'quick')
    else:
        subject_hits = sum(1 for t in subject if _said(t, words))
    role_hits = len(roles & said_roles)
    missing_roles = len(roles - said_roles)
    extra = 0
    folder = path.rsplit("/", 1)[0].lower() if "/" in path else ""
    if folder and any(same_word(w, t) for w in words for t in _split_name(folder)):
        extra += 1
    if columns:
        names = {t for c in _columns(path) for t in _split_name(c)} - PLAIN_COLUMNS
        extra += sum(1 for t in names if len(t) >= 3 and any(same_word(w, t) for w in words))
    if not subject_hits and not role_hits and not extra:
        return 0, 0
    # A year in the name ('results_2024') is optional, but said it picks its file.
    years = set(rx.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", path.rsplit("/", 1)[-1]))
    said_years = set(rx.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", " ".join(words)))
    if years and said_years:
        extra += 3 if years & said_years else -3
    return 3 * subject_hits + 3 * role_hits - 3 * missing_roles + extra, subject_hits


def _table_by_its_columns(
    goal: str, scored: list[tuple[int, int, str]], best: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Documents described best, but a table's columns said whole outweigh them ('the no-show
    rate for each of our clinics': vet_appointments.csv's no_show, not clinic_policies.md) when
    the goal does not speak of documents; else `best` as it is.
    """
    if rx.search(DOC_WORDS, goal, re.I):
        return best
    tables = [
        (score + 3 * _whole_columns_said(path, goal), hits, path)
        for score, hits, path in scored
        if not path.lower().endswith(DOC_EXT)
    ]
    tables.sort(key=lambda s: (-s[0], -s[1], s[2]))
    if tables and tables[0][0] > best[0][0] and (len(tables) == 1 or tables[1][0] < tables[0][0]):
        return tables[:1]
    return best


def _whole_columns_said(path: str, goal: str) -> int:
    """How many of a table's columns of two or more words the goal says whole ('the no-show
    rate' says no_show): as telling as a word of the file's name (a document named after one
    word of the goal, clinic_policies.md, is no better a fit).
    """
    names = [c for c in _columns(path) if len(_split_name(c)) >= 2]
    return sum(1 for c in names if rx.search(rx.column_words(c), goal, re.I))


def _unsaid(path: str, words: list[str]) -> int:
    """How many of a file's name words the goal leaves unsaid ('forum_posts_week9' says more
    than 'the forum posts' asks for).
    """
    tokens = [t for t in _name_tokens(path) if t not in GENERIC and _role(t) is None]
    return sum(1 for t in tokens if not _said(t, words))


def description_score(goal: str, path: str) -> int:
    """How well the goal's words describe one file by its name words and role words (0: not)."""
    return _score(path, goal_words(goal), _said_roles(goal), False)[0]


def described_files(
    goal: str, files: list[str], *, columns: bool = True, gold: bool = False
) -> list[str]:
    """The files the goal's words describe best, best first: one when it is clear, several
    when they are equally good, none when nothing fits (or the goal asks for a hub).

    Name words count most; a role word ('test', 'new', 'March', 'Q4') must be said for a file
    that carries one; folder and column names count a little. Hand-label files are left out
    unless `gold` asks for them.
    """
    # 'use this one for the december reports': 'this one' is the thread's model put to use, and
    # the data after it is described (no earlier file pointed at)
    if ONLINE.search(goal) or ORDINAL_REF.search(rx.sub(MODEL_PUT_TO, " ", goal, flags=re.I)):
        return []
    words = goal_words(goal)
    tables = [f for f in person_files(files) if not f.lower().endswith(DOC_EXT)]
    said_roles = _said_roles(_without_families(goal, tables))
    scored: list[tuple[int, int, str]] = []
    labels_said = rx.search(
        r"\b(?:labels|labell?ed|tags|annotations)\b", HAND_LABELS_RE.sub(" ", goal), re.I
    )
    for path in person_files(files):
        if is_gold_file(path) != gold and not (gold and labels_named(path)):
            continue
        if not gold and labels_named(path) and not labels_said:
            continue  # 'the feedback sheet': class_feedback.csv, not feedback_labels.csv
        family = 0 if path.lower().endswith(DOC_EXT) else _family_part(path, tables)
        score, hits = _score(path, words, said_roles, columns, family)
        if score > 0 and (hits or _needs_no_name(path, goal)):
            scored.append((score, hits, path))
    if not scored:
        return []
    scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
    best = [s for s in scored if s[:2] == scored[0][:2]]
    if columns and all(s[2].lower().endswith(DOC_EXT) for s in best):
        best = _table_by_its_columns(goal, scored, best)
    speaks_of_documents = rx.search(
        r"\b(?:docs?|documents?|handbooks?|manuals?|guides?|faqs?|pdfs?)\b", goal, re.I
    )
    if len(best) > 1 and not (
        speaks_of_documents and not any(s[2].lower().endswith(DOC_EXT) for s in best)
    ):
        # Equally described: the file with no name words beyond what was said is meant (not
        # among tables when the goal asks for a document).
        fewest = min(_unsaid(s[2], words) for s in best)
        best = [s for s in best if _unsaid(s[2], words) == fewest]
        year = r"(?<!\d)(?:19|20)\d\d(?!\d)"
        undated = [s for s in best if not rx.search(year, s[2].rsplit("/", 1)[-1])]
        if len(best) > 1 and len(undated) == 1 and not rx.search(year, " ".join(words)):
            best = undated  # 'the river samples': the plain file, not its dated version
    kinds = {s[2].lower().endswith(DOC_EXT) for s in best}
    if len(kinds) > 1:
        # A table and a document equally described: the goal's own words say which kind.
        docs = bool(rx.search(DOC_WORDS, goal, re.I))
        best = [s for s in best if s[2].lower().endswith(DOC_EXT) == docs]
    return [s[2] for s in best]


DOC_WORDS = (
    r"\b(?:docs?|documents?|handbooks?|manuals?|guides?|faqs?|pdfs?|markdown|pages?|chapters?|"
    r"sections?|paragraphs?|chunks?|q\s*&\s*a|qa|questions?|answers?|read(?:ing)?)\b"
)
"""Words that speak of documents rather than tables (to choose between an equally described
table and document)."""


def _said_roles(goal: str) -> set[str]:
    """The version words the goal says of its data ('the test file', 'march', 'training rows'),
    not the verbs ('train a model', 'test it on ...').
    """
    nouns = set()
    for match in ROLE_AS_NOUN.finditer(FILE_NAME_RE.sub(" ", goal)):
        nouns.add((match.group("after") or match.group("before") or "").lower())
    return {
        r
        for w in goal_words(goal, keep=True)
        if (r := _role(w)) is not None and (w not in VERB_ROLES or w in nouns)
    }


def _needs_no_name(path: str, goal: str) -> bool:
    # A file matched only by its columns or folder: the goal must speak of data ('the student
    # comments', 'the guide'), not merely mention a column word.
    return bool(rx.search(r"\b(?:the|those|these|my|our|all)\s+\w+", goal, re.I))


def described_file(goal: str, files: list[str]) -> str | None:
    """The single file the goal's words describe, or None (none, several, or a hub request)."""
    found = described_files(goal, files)
    return found[0] if len(found) == 1 else None


THREAD_REF = re.compile(
    # ('on its own', 'by itself': alone, no earlier thing pointed at)
    r"\b(it|its(?!\s+own\b)|them|that|those|these|this|same|again)\b|"
    r"\bthe\s+(?:newly\s+|freshly\s+)?(?:labell?ed|predicted|synthetic|generated|saved|cleaned)\s+"
    r"(?:data|dataset|rows|table|file|output|set|version)\b",
    re.I,
)


DESCRIBED_RE = (
    # 'the 2025 season file, does it even have ...': a file described outright, whatever 'it' is
    r"\b(?:the|my|our)\s+(?:own\s+)?(?!same\b|other\b|new\b|labell?ed\b|predicted\b|saved\b)"
    r"(?:[\w-]+\s+){1,3}(?:file|table|csv|sheet|spreadsheet|log)\b"
)


def mark_file(goal: str, found: str) -> str:
    """The goal with `found` written in place of (or after) the words that describe it."""
    return _mark(goal, found)


def _mark(goal: str, found: str) -> str:
    """The goal with `found` written in place of (or after) the words that describe it."""
    tokens = [t for t in _name_tokens(found) if t not in GENERIC]
    masked = FILE_NAME_RE.sub(lambda m: "\0" * len(m.group()), goal)
    # a folder's path ('docs/tutoring/') is no describing word: nothing is written inside it
    masked = rx.sub(
        r"(?<![\w.-])(?:[\w.-]+(?:/[\w.-]+)+/?|[\w.-]+/)", lambda m: "\0" * len(m.group()), masked
    )
    spans = []
    numbered = rf"[A-Za-z]+\d*(?:[- ](?:{NUMBER_WORD_RE}|\d+)\b)?"
    for match in rx.finditer(numbered, masked, re.I):
        word, _, number = match.group().lower().replace("-", " ").partition(" ")
        if number and any(says(word + NUMBER_WORDS.get(number, number), t) for t in tokens):
            spans.append((match.start(), match.end()))  # 'the week-two readings' of week2
            continue
        if word in STOP or (word in GENERIC and not _role(word)):
            continue
        if any(says(word, t) or ROLE_ALIASES.get(word) == t for t in tokens):
            spans.append((match.start(), match.start() + len(word)))
    # a year the name carries describes it too ('measured on 2024', 'the 2024 ones')
    spans += [
        (m.start(), m.end())
        for m in rx.finditer(r"(?<![\w-])(?:19|20)\d\d(?![\w-])", masked)
        if m.group() in rx.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", found.rsplit("/", 1)[-1])
    ]
    spans.sort()
    if not spans:
        return f"{goal} ({found})"
    # the nearest run of describing words: no more than 3 words between two of them
    runs: list[list[tuple[int, int]]] = [[spans[0]]]
    for span in spans[1:]:
        if len(goal[runs[-1][-1][1] : span[0]].split()) <= 3:
            runs[-1].append(span)
        else:
            runs.append([span])
    run = max(runs, key=len)
    start, end = run[0][0], run[-1][1]
    between = rx.sub(
        r"\b(?:the|of|a|an|my|our|from|data|dataset|file|table|csv|set|sheet)\b|[\s\-_,]",
        "",
        rx.sub("|".join(re.escape(goal[a:b]) for a, b in run), "", goal[start:end]),
        flags=re.I,
    )
    inside = start > 1 and goal[start - 1] == "-" and goal[start - 2].isalpha()
    if end - start <= 48 and not between and not inside:
        # (not from inside a joined word: 'the hand-tagged comments' keeps its 'hand-')
        # The describing words become the name ('the wine train data' → 'the wine_train.csv
        # data'), so a word like 'train' in them is not read as a request.
        return f"{goal[:start]}{found}{goal[end:]}"
    return f"{goal[:end]} ({found}){goal[end:]}"


AGAINST = rf"\b(?:{rx.MEASURED_AGAINST}|checked\s+(?:with|against))"
"""Words before what a result is measured against ('check it against x.csv')."""


def gold_named(goal: str) -> str | None:
    """The named file the goal introduces as hand labels ('hand labels r in x.csv', 'using the
    handlabels file x.csv', 'x.csv has the gold labels'), else a named file whose name says
    hand labels when the goal speaks of them and names other data too; or None.
    """
    named = list(dict.fromkeys(FILE_NAME_RE.findall(goal)))
    if not HAND_LABELS_RE.search(goal):
        # 'how do the rules do on the reports, against priority_gold.csv?': a file whose name
        # says hand labels, said as what something is measured against, beside other data
        for name in named:
            if (is_gold_file(name) or labels_named(name)) and rx.search(
                rf"{AGAINST}\s+(?:\w+\s+){{0,2}}?{re.escape(name)}", goal, re.I
            ):
                return name
        return None
    hand = HAND_LABELS_RE.pattern
    for name in named:
        forward = rf"{hand}\W+(?:\w+\W+){{0,3}}?{re.escape(name)}"
        backward = rx.search(
            # (\W{0,8} and a possessive \s: '\W*\s+' split a long run of spaces every way)
            rf"{re.escape(name)}\W{{0,8}}\s++(?:has|holds|contains|is|are|with|as|=|:)\s+"
            rf"(?:\w+\s+){{0,2}}?{hand}",
            goal,
            re.I,
        )
        others = "|".join(re.escape(n) for n in named if n != name)
        if (
            backward
            and others
            and rx.match(
                rf"\W+(?:(?:file|sheet|table|in|at|from|is|are)\W+){{0,2}}(?:{others})",
                goal[backward.end() :],
                re.I,
            )
        ):
            backward = None  # 'on x.csv with gold y.csv': the hand words introduce the file after
        if rx.search(forward, goal, re.I) or backward:
            return name
    golds = [n for n in named if is_gold_file(n)]
    if len(golds) == 1 and len(named) > 1:
        return golds[0]
    return None


ALL_DOCUMENTS = re.compile(
    r"\b(?:(?P<both>both)|all|every|each)\b(?:\s+(?:of|the|our|my|your|these|those|[\w-]+)){0,3}?"
    r"\s+(?:docs?|documents?|guides?|manuals?|handbooks?|policies|pdfs?|markdown (?:files|docs))\b",
    re.I,
)
"""'both docs', 'both of our procedure documents', 'all the docs': every document there is."""


def said_folder_documents(text: str, docs: list[str]) -> list[str]:
    """The documents of the one workspace folder the words name by its path ('docs/courier',
    'docs/courier/', 'manuals/') or by its last name before 'folder' or a documents word ('the
    courier folder', 'the hydrology markdown docs': its .md files);
    none when no folder holding documents is named, or when a document itself is. A bare word
    ('the docs') names no folder.
    """
    found = _said_folder(text, docs)
    return found[0] if found else []


def _said_folder(text: str, docs: list[str]) -> tuple[list[str], int] | None:
    """`said_folder_documents` with where the folder's mention ends in the text."""
    if rx.search(r"[\w-]\.(?:md|txt|pdf|html?|rst|docx)\b", text, re.I):
        return None
    folders = sorted({d.rsplit("/", 1)[0] for d in docs if "/" in d})
    named: list[tuple[str, int]] = []
    for folder in folders:
        slash = "/?" if "/" in folder else "/"
        last = re.escape(folder.rsplit("/", 1)[-1])
        said = rx.search(
            rf"(?<![\w/.-]){re.escape(folder)}{slash}(?![\w.-])"
            rf"|\b{last}\s+(?:folder|directory|dir)\b"
            # 'the hydrology markdown docs' of docs/hydrology/
            rf"|\b{last}\s+(?:(?:markdown|text|pdf)\s+)?(?:docs|documents|guides|manuals)\b",
            text,
            re.I,
        )
        if said:
            named.append((folder, said.end()))
    # a folder whose subfolder is named too is not meant ('docs/courier' is not 'docs')
    named = [(f, e) for f, e in named if not any(o.startswith(f + "/") for o, _ in named)]
    if len(named) != 1:
        return None
    folder, end = named[0]
    found = [d for d in docs if d.rsplit("/", 1)[0] == folder]
    if rx.search(r"\bmarkdown\s+(?:docs|documents|files|guides|manuals)\b", text, re.I):
        found = [d for d in found if d.lower().endswith(".md")] or found
    return found, end


FOLDER_DOCUMENTS_RE = (
    r"\b(?:docs|documents|files|guides|manuals|handbooks|pdfs|everything|all|both|each|every)\b"
    r"(?!/)"
)
"""Words that take a named folder's documents together ('the docs in docs/x', 'everything
under manuals/'); a folder path's own 'docs/' is no such word."""


def every_document(goal: str, files: list[str]) -> list[str]:
    """The person's documents when the goal speaks of all of them ('both internal documents');
    'both' holds only when there are exactly two. Empty when it does not.
    """
    match = ALL_DOCUMENTS.search(goal)
    if match is None:
        return []
    docs = sorted(f for f in person_files(files) if f.lower().endswith(DOC_EXT))
    docs = said_folder_documents(goal, docs) or docs  # 'both docs under docs/courier'
    if len(docs) < 2 or (match.group("both") and len(docs) != 2):
        return []
    return docs


def with_described_file(
    goal: str, files: list[str], thread_has_data: bool = False
) -> tuple[str, list[str]]:
    """The goal with the described files' names written in (for a goal that names no input
    file of its own): the data it describes, and the hand-label file it describes.
    """
    goal, notes, _ = described_input(goal, files, thread_has_data)
    return goal, notes


OTHER_FILE_RE = re.compile(
    r"\b(?:another|other|separate|different|second|a|her|his|their|\w+'s)\s+"
    r"(?:file|sheet|table|csv|spreadsheet)\b",
    re.I,
)


def _other_gold(goal: str, files: list[str]) -> list[str]:
    """'some done by hand in another file': the one file whose name says hand labels."""
    if not OTHER_FILE_RE.search(goal):
        return []
    golds = [
        f
        for f in person_files(files)
        if f.lower().endswith(TABLE_EXT) and (is_gold_file(f) or labels_named(f))
    ]
    return golds if len(golds) == 1 else []


POINTED_FILE_RE = re.compile(r"\b(?:that|this)\s+(?:file|table|dataset)\b", re.I)
"""A file pointed at ('that file'): the thread's, or, with none, the one the words describe."""


def thread_table_said(goal: str, files: list[str], thread_tables: tuple[str, ...]) -> str | None:
    """The one table the thread used that the goal names by all its subject words, saying no
    version word it lacks ('the real refunds file' after a turn on refunds_nov.csv: its month
    need not be said again), else None. A version word said that the table lacks ('the april
    sales' after sales_march.csv) points elsewhere.
    """
    if not thread_tables or ONLINE.search(goal):
        return None
    words = goal_words(goal)
    said_roles = _said_roles(goal)
    present = set(person_files(files))
    fits = []
    for table in dict.fromkeys(thread_tables[-8:]):
        if table not in present or table.lower().endswith(DOC_EXT):
            continue
        tokens = [t for t in _name_tokens(table) if t not in GENERIC]
        subject = [t for t in tokens if _role(t) is None and t not in COMMON and len(t) >= 3]
        roles = {_role(t) for t in tokens if _role(t) is not None}
        if subject and all(_said(t, words) for t in subject) and said_roles <= roles:
            fits.append(table)
    return fits[0] if len(fits) == 1 else None


def described_input(
    goal: str, files: list[str], thread_has_data: bool = False, thread_tables: tuple[str, ...] = ()
) -> tuple[str, list[str], list[str]]:
    """The goal with the described input files' names written in (for a goal that names no
    input file of its own), the notes saying so, and the files the words describe equally well
    when they are several ('the sales export' with a March and an April export): none is
    written in then, the planner asks which one it is rather than pick one silently.
    """
    if len(goal.split()) < 4 and not TIME_SAID.search(goal):
        # a fragment ('the digit column') answers a question; no data named ("preview
        # yesterday's sheet" is a goal: a file described by its time)
        return goal, [], []
    notes: list[str] = []
    named = FILE_NAME_RE.findall(goal)
    hand_said = HAND_LABELS_RE.search(goal)
    if (
        hand_said
        and rx.search(
            r"\bby\s+hand\b|\bhand[- ]?(?:sorted|graded|coded|checked|marked)\b", hand_said[0], re.I
        )
        and not rx.search(
            r"^[^.;!?]{0,30}?\b(?:file|sheet|table|csv|spreadsheet)\b",
            goal[hand_said.end() :],
            re.I,
        )
    ):
        hand_said = None  # 'only some are done by hand': the table's own filled-in cells
    if hand_said and not any(is_gold_file(n) for n in named):
        gold = described_files(goal, files, columns=False, gold=True) or _other_gold(goal, files)
        hand = HAND_LABELS_RE.search(goal)
        if len(gold) == 1 and hand:
            goal = f"{goal[: hand.end()]} ({gold[0]}){goal[hand.end() :]}"
            notes.append(f"the hand labels you described → {gold[0]}")
    if thread_has_data and THREAD_REF.search(goal) and not rx.search(DESCRIBED_RE, goal, re.I):
        return goal, notes, []  # 'train an MLP on it': the thread's data, not a described file
    folder = _said_folder(
        goal, sorted(f for f in person_files(files) if f.lower().endswith(DOC_EXT))
    )
    if folder and not named and rx.search(FOLDER_DOCUMENTS_RE, goal, re.I):
        # 'the docs in docs/tutoring/': that folder's documents, written in after its name
        listed, end = folder
        notes.append(f"the documents in the folder you named → {' and '.join(listed)}")
        return f"{goal[:end]} ({' and '.join(listed)}){goal[end:]}", notes, []
    every = every_document(goal, files)
    if every and not any(n.lower().endswith(DOC_EXT) for n in named):
        notes.append(f"the documents you described → {' and '.join(every)}")
        end = ALL_DOCUMENTS.search(goal).end()  # type: ignore[union-attr]
        return f"{goal[:end]} ({' and '.join(every)}){goal[end:]}", notes, []
    joined = _documents_parts(goal, files)
    if len(joined) > 1 and not named:
        goal = _marked_in(goal, joined)
        notes.append(f"the documents you described → {' and '.join(p for p, _, _ in joined)}")
        return goal, notes, []
    roles = [] if thread_has_data else tables_by_part(goal, files)
    if len(roles) > 1:
        goal = _marked_in(goal, roles)
        notes.append(f"the data you described → {' and '.join(p for p, _, _ in roles)}")
        return goal, notes, []
    # 'the autumn exam entries, can you look at that file' with no data in the thread: 'that
    # file' points at the file the words describe, not at an earlier turn's
    words = goal if thread_has_data else POINTED_FILE_RE.sub(" ", goal)
    found = described_files(words, files, columns=not thread_has_data)
    ours = thread_table_said(goal, files, thread_tables)
    if ours is not None and (
        len(found) != 1 or (found[0] not in thread_tables and _unsaid(found[0], goal_words(goal)))
    ):
        # 'the real refunds file' on a thread that used refunds_nov.csv: not refund_policy.md,
        # whose 'policy' was not said (a file all of whose name words were said stays)
        found = [ours]
    timed = timed_file(goal, files, found)
    if timed is not None:
        picked, words = timed
        if len(picked) != 1:
            return goal, notes, picked  # 'the older one' of three: ask, naming them
        notes.append(f"the {words} → {picked[0]} (by when the files were last written)")
        if found:
            return _mark(goal, picked[0]), notes, []
        end = goal.find(words) + len(words)
        return f"{goal[:end]} ({picked[0]}){goal[end:]}", notes, []
    if not found and not notes:
        by_format = format_described(goal, files)
        if by_format is None:
            return goal, [], []
        found = [by_format]
    if len(found) == 2 and rx.search(r"\bboth\b", goal, re.I):
        for path in found:
            goal = _mark(goal, path)
        notes.append(f"the data you described → {' and '.join(found)}")
        return goal, notes, []
    if len(found) > 1:
        found = _said_more(found, goal_words(goal, keep=True)) or found
    if len(found) > 1 and rx.search(MODEL_WORDS, goal, re.I):
        labeled = _labeled_one(found)
        if labeled is not None:
            notes.append(
                f"the data you described → {labeled[0]}: of {' and '.join(found)}, the one "
                f"with the {labeled[1]!r} column a model learns from"
            )
            return _mark(goal, labeled[0]), notes, []
    if len(found) > 1:
        found = _not_hand_labels(found)
    if len(found) != 1:
        return goal, notes, found
    notes.append(f"the data you described → {found[0]}")
    return _mark(goal, found[0]), notes, []


JOIN_RE = r"\s*(?:,|;|&|\band\b|\bplus\b|\bas well as\b|\balong with\b)\s*"


def documents_joined(goal: str, files: list[str]) -> list[str]:
    """Documents described one by one and joined ('our engagement terms and the retention
    policy'): each joined part describes one document on its own, two or more different ones.
    """
    picked = [path for path, _, _ in _documents_parts(goal, files)]
    return picked if len(picked) > 1 else []


def _parts(goal: str, join: str) -> Iterator[tuple[int, str, int]]:
    """(sentence number, part, where the part starts in the goal) for the parts `join` splits
    each sentence into: a part said twice is told apart by where it is.
    """
    at = 0
    for number, sentence in enumerate(rx.split(r"(?<=[.!?])\s+", goal)):
        at = goal.find(sentence, at)
        inside = 0
        for part in rx.split(join, sentence, flags=re.I):
            inside = sentence.find(part, inside)
            yield number, part, at + inside
            inside += len(part)
        at += len(sentence)


def _documents_parts(goal: str, files: list[str]) -> list[tuple[str, str, int]]:
    """(document, the joined part of the goal that describes it on its own, where it starts),
    one per document
    in the order first described, for documents joined in one sentence (two or more in it, a
    document named outright counted too: 'from a/faq.txt and the returns one'); a part that
    names a file describes no other. A document described in several sentences is taken where
    it is joined with the most other documents (the request, not the story before it: 'the
    handbook is long. Make QA from the handbook and the notes').
    """
    hits: list[tuple[str, str, int, int]] = []
    named: set[str] = set()
    for number, part, start in _parts(goal, JOIN_RE):
        if not part.strip():
            continue
        said = [n for n in FILE_NAME_RE.findall(part) if n.lower().endswith(DOC_EXT)]
        if said:
            named.update(said)
            hits.extend((n, part, number, start) for n in said)
            continue
        if FILE_NAME_RE.search(part):
            continue
        found = described_files(part, files, columns=False)
        if len(found) == 1 and found[0].lower().endswith(DOC_EXT):
            hits.append((found[0], part, number, start))
    picked = _picked(hits, joined=True)
    return [(doc, part, start) for doc, part, start in picked if doc not in named]


def _picked(hits: list[tuple[str, str, int, int]], joined: bool) -> list[tuple[str, str, int]]:
    """Of (file, part, sentence number, start) hits, each file's part in the sentence that
    describes the most files (the later of equals: the request, not the story before it);
    `joined`: only sentences describing two or more.
    """
    together = {n: len({d for d, _, m, _ in hits if m == n}) for _, _, n, _ in hits}
    picked: dict[str, tuple[str, int, int]] = {}
    for path, part, number, start in hits:
        if joined and together[number] < 2:
            continue  # joined means said in one sentence; another sentence's is the story's
        if path not in picked or together[number] >= together[picked[path][1]]:
            picked[path] = (part, number, start)
    return [(path, part, start) for path, (part, _, start) in picked.items()]


YEARS_RE = r"(?<![\w-])(?:19|20)\d\d(?:\s*[-\u2013/]\s*(?:19|20)\d\d)?(?![\w-])"
"""A year or a span of years said of a table ('2023', '2019-2021')."""
ROLE_CLAUSE_RE = (
    r"\b(?:train|build|fit|learn|teach|evaluate|test|prove|check|validate|score|predict|run|"
    r"apply|label|base|measure|assess|benchmark|report|try|tri)(?:s|d|ed|ing|es)?\s+"
    r"(?:[\w']+\s+){0,3}?(?:on|off|from|against|using|over)\s+"
    r"((?:the|our|my|this|these|those|last|next)\s+(?:[\w'-]+\s+){0,3}[\w'-]+|" + YEARS_RE + ")"
)
"""A role verb and the table phrase it acts on ('evaluate it separately on the playoff stats',
'report precision on the 2024 ones', 'trained on 2023')."""
ROWS_ASKED_RE = (
    r"\b(?:(?:who|which)\b[^.?!;,]{0,40}?\b(?:among|amongst)|predictions?\s+(?:for|on|of)|"
    r"(?:score|rank)(?:s|d|ed|ing)?)\s+"
    r"((?:the|our|my|this|these|those|last|next|today's|this week's)\s+(?:[\w'-]+\s+){0,3}[\w'-]+)"
)
"""The rows a model is asked about ('who is likely to quit among the current staff', 'predictions
for next week's days', 'score next month's bookings'): a table in the role of rows to predict."""


def tables_by_part(goal: str, files: list[str]) -> list[tuple[str, str, int]]:
    """(table, the clause describing it, where it starts) for a goal whose clauses each describe one table in a
    role of its own ('train it on the season 9 stats, then evaluate it on the playoff stats'):
    two or more different tables, each described alone by a clause with a role word. The whole
    goal's words would pick one file for all of them.
    """
    hits: list[tuple[str, str, int, int]] = []
    for number, part, start in _parts(goal, JOIN_RE + r"|\bthen\b"):
        if FILE_NAME_RE.search(part):
            continue
        # the table is the phrase a role verb acts on ('train it on the 2024 results',
        # 'prove it on the test sheets'), not a word of the clause that happens to be in a
        # file's name (a class value, 'training day')
        found = {
            f
            for phrase in [
                *rx.findall(ROLE_CLAUSE_RE, part, re.I),
                *rx.findall(ROWS_ASKED_RE, part, re.I),
            ]
            for f in [_described_phrase(phrase, goal, files)]
            if len(f) == 1 and f[0].lower().endswith(TABLE_EXT)
            for f in f
        }
        if len(found) == 1:
            hits.append((found.pop(), part, number, start))
    if len({d for d, _, _, _ in hits}) < 2:
        return []
    return _picked(hits, joined=False)


def _described_phrase(phrase: str, goal: str, files: list[str]) -> list[str]:
    """The tables a role phrase describes; a phrase that names a table only by its year or role
    ('measured on 2024', 'the test ones') and so fits none or several is read among the tables
    the rest of the goal describes, its other years and roles left out ('train on the 2023
    requests, report precision on the 2024 ones' → requests_2024).
    """
    found = described_files(phrase, files, columns=False)
    if len(found) == 1 or not (_said_roles(phrase) or rx.search(YEARS_RE, phrase)):
        return found
    rest = [
        w
        for w in goal_words(goal, keep=True)
        if not rx.fullmatch(r"(?:19|20)\d\d", w) and _role(w) is None
    ]
    return described_files(f"{phrase} {' '.join(rest)}", files, columns=False)


def _marked_in(goal: str, parts: list[tuple[str, str, int]]) -> str:
    """The goal with each path written in where its part starts (the same words said earlier,
    in the person's story, are left as they are), the last part first so the starts hold.
    """
    for path, part, start in sorted(parts, key=lambda hit: -hit[2]):
        goal = goal[:start] + _mark(part, path) + goal[start + len(part) :]
    return goal


def documents_beside_named(goal: str, files: list[str]) -> tuple[str, list[str]]:
    """A named document and others described beside it ('qa pairs from a/faq.txt and the
    returns one'): the goal with each described document written into the part that describes
    it, and the notes saying so. Only when every file the goal names is a document.
    """
    named = FILE_NAME_RE.findall(goal)
    if not named or not all(n.lower().endswith(DOC_EXT) for n in named):
        return goal, []
    added = [hit for hit in _documents_parts(goal, files) if hit[0] not in named]
    if not added:
        return goal, []
    goal = _marked_in(goal, added)
    return goal, [f"the documents you described → {' and '.join(p for p, _, _ in added)}"]


FORMAT_DESCRIBED_RE = re.compile(
    r"\b(?:the|my|our|that)\s+(?:only\s+|one\s+)?(parquet|jsonl|json[- ]?lines|tsv|csv)\s+"
    r"(?:file|one|table|dataset|data)\b",
    re.I,
)


def format_described(goal: str, files: list[str]) -> str | None:
    """The one person's table of the format the goal names it by ('what is in the parquet
    file?' with a single .parquet file in the workspace), else None.
    """
    match = FORMAT_DESCRIBED_RE.search(goal)
    if match is None:
        return None
    kind = match.group(1).lower()
    suffix = ".jsonl" if kind.startswith("json") else f".{kind}"
    tables = [f for f in person_files(files) if f.lower().endswith(suffix) and not is_gold_file(f)]
    return tables[0] if len(tables) == 1 else None


MODEL_WORDS = r"\b(?:train\w*|models?|classifiers?|automat\w*|predict\w*|accura\w*|learn\w*)\b"
"""Words that ask for a model (which learns from the labeled one of several described tables)."""


def _said_more(found: list[str], words: list[str]) -> list[str]:
    """Of equally described files, the one with the most name words, each of them said (common
    words too: 'the patent labels' → patent_labels.csv over patents.csv); else empty.
    """
    whole = [f for f in found if all(_said(t, words) for t in _name_tokens(f))]
    most = max((len(_name_tokens(f)) for f in whole), default=0)
    longest = [f for f in whole if len(_name_tokens(f)) == most]
    return longest if len(longest) == 1 and most > 1 else []


def _labeled_one(found: list[str]) -> tuple[str, str] | None:
    """(table, label column) when exactly one of the described tables has a label-like column
    that each other one lacks while having every other column of it (the unlabeled batch of the
    same table: baggage_claims.csv with claim_type, claims_inbox.csv without); else None.
    """
    from agents.columns import label_missing_elsewhere

    profiles = [table_profile(f) if f.lower().endswith(TABLE_EXT) else None for f in found]
    if any(p is None for p in profiles):
        return None
    hits = [
        (f, label)
        for f, p in zip(found, profiles, strict=True)
        if (label := label_missing_elsewhere(p, [o for o in profiles if o is not p]))
    ]
    return hits[0] if len(hits) == 1 else None


def _not_hand_labels(found: list[str]) -> list[str]:
    """The described tables without those that are only hand labels for another of them (a key
    and one complete label: 'the customer comments with our tagged ones' describes the
    comments and their tags equally; the tags are not what the goal acts on, they are its
    hand labels, found as such later). Unchanged unless exactly one table is left.
    """
    profiles = {f: table_profile(f) if f.lower().endswith(TABLE_EXT) else None for f in found}
    if any(p is None for p in profiles.values()):
        return found
    rest = [
        f
        for f, p in profiles.items()
        if not (
            only_labels(p)
            and any(shares_key(p, o) and labels_shaped(p, o) for g, o in profiles.items() if g != f)
        )
    ]
    return rest if len(rest) == 1 else found


def base_table(path: str, files: list[str]) -> str | None:
    """The one table `path` is a version of ('line_qc_new.csv' → 'line_qc.csv', 'sales_q4.csv'
    → 'sales.csv' or 'sales_train.csv'): same name words, no role word but 'train'; or None.
    """
    tokens = _name_tokens(path)
    subject = [t for t in tokens if _role(t) is None]
    if not subject or len(subject) == len(tokens):
        return None
    found = []
    for other in person_files(files):
        if other == path or is_gold_file(other) or not other.lower().endswith(TABLE_EXT):
            continue
        mine = _name_tokens(other)
        roles = {_role(t) for t in mine if _role(t)}
        if [t for t in mine if _role(t) is None] == subject and roles <= {"train"}:
            found.append(other)
    return found[0] if len(found) == 1 else None


def sibling_tables(path: str, files: list[str]) -> list[str]:
    """The other tables of the same name words as `path`, roles aside ('gym_churn_train.csv' →
    'gym_churn_test.csv', 'gym_churn_new.csv'): the tables 'the other file' may mean.
    """
    subject = [t for t in _name_tokens(path) if _role(t) is None]
    if not subject:
        return []
    return [
        other
        for other in person_files(files)
        if other != path
        and other.lower().endswith(TABLE_EXT)
        and not is_gold_file(other)
        and [t for t in _name_tokens(other) if _role(t) is None] == subject
    ]


def _edits(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
    neighbouring letters ('sampels' → 'samples' is one edit).
    """
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _extension(path: str) -> str:
    name = path.rsplit("/", 1)[-1].lower()
    return ".csv.gz" if name.endswith(".csv.gz") else "." + name.rsplit(".", 1)[-1]


def misspelt_candidates(name: str, files: list[str]) -> list[str]:
    """The workspace files a named file that is not there is a close misspelling of, best first:
    same extension, few edits for the length of the name ('roaster_ordrs.csv' →
    'roaster_orders.csv', 'docs/roastry_handbook.md' → 'docs/roastery_handbook.md'). One name
    when one is clearly nearest; several when they are equally near (ask); none when far.
    """
    ext = _extension(name)
    stem = name.lower()[: -len(ext)]
    # A name with no folder is compared with each file's own name ('roastry_handbook.md' →
    # 'docs/roastery_handbook.md'); one with a folder with the whole path.
    scored: list[tuple[int, str]] = []
    for path in person_files(files):
        if _extension(path) != ext or path == name:
            continue
        other = path.lower()[: -len(ext)]
        if "/" not in stem:
            other = other.rsplit("/", 1)[-1]
        if rx.findall(r"\d+", other) != rx.findall(r"\d+", stem):
            continue  # 'sales_q3' is another quarter, not a slip of 'sales_q1'
        limit = max(1, min(len(stem), len(other)) // 5)
        distance = _edits(stem, other)
        if distance <= limit:
            scored.append((distance, path))
    if not scored:
        return []
    scored.sort()
    best = scored[0][0]
    # Equally near (or a second only one edit further on a one-edit slip) is ambiguous.
    tied = [p for d, p in scored if d <= best + (1 if best > 1 else 0)]
    return tied if len(tied) > 1 else [scored[0][1]]


DESCRIBED_TEST_RE = re.compile(
    r"\bthe\s+(?P<role>hold[- ]?out|held[- ]?out|test|testing|validation|evaluation|eval|"
    r"out[- ]of[- ](?:time|sample))(?:(?:\s+(?!(?:of|on|in|for|and|to)\b)[\w-]+){0,2}?\s+"
    r"(?:file|set|rows|data|table|sheet|split|one)\b(?![^\s]*\.\w)"
    # 'test it once on the holdout.', 'report it on the test plots, then ...': the words end
    # the clause (a test version of a named table is still required, `with_described_test_file`)
    r"|(?:\s+(?!(?:of|on|in|for|and|to|set|model|run|results?|gold|labels?|split|part|portion|fold)\b)[a-z][\w-]*)?(?=\s*(?:[.,;?!]|$)))",
    re.I,
)
"""A test file described in words: 'the holdout sessions file', 'the out-of-time test set',
'the holdout', 'the test plots' at the end of a clause."""
DESCRIBED_TEST_AFTER_RE = re.compile(
    # a file's noun only, not a share of one: 'keep 20% of the rows (the dataset) for testing',
    # 'hold out the data for evaluation' split the named table, they point at no other file
    r"(?<!\bof\s)\bthe\s+(?:file|table|sheet|dataset)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?P<role>hold[- ]?out|held[- ]?out|test|testing|validation|evaluation|eval)\b"
    r"(?!\s+(?:of|on|in)\b)(?![^\s]*\.\w)",
    re.I,
)
"""A test file described with its role after a file's noun: 'the file of test', 'the table for
testing', 'the dataset for the holdout'."""
TEST_ROLES = {
    "test": {"test", "holdout", "heldout"},
    "val": {"val", "dev"},
    "eval": {"eval", "test"},
}


def with_described_test_file(goal: str, files: list[str]) -> tuple[str, list[str]]:
    """'train on sessions.csv, check it on the holdout sessions file': the one workspace table
    that is a test version of a table the goal names (same name words, a test role word)
    written in after the description, with a note; the goal unchanged when none or several fit.
    """
    match = DESCRIBED_TEST_RE.search(goal) or DESCRIBED_TEST_AFTER_RE.search(goal)
    named = FILE_NAME_RE.findall(goal)
    if match is None or not named:
        return goal, []
    role = rx.sub(r"[- ]", "", match.group("role").lower())
    wanted = TEST_ROLES.get(
        ROLE_ALIASES.get(role, role).replace("heldout", "test").replace("holdout", "test")
    )
    found = set()
    for name in named:
        subject = [t for t in _name_tokens(name) if _role(t) is None]
        for other in person_files(files):
            if other in named or not other.lower().endswith(TABLE_EXT) or is_gold_file(other):
                continue
            tokens = _name_tokens(other)
            roles = {_role(t) for t in tokens if _role(t)}
            if [t for t in tokens if _role(t) is None] != subject or not roles or "train" in roles:
                continue
            if wanted is None or roles & wanted:  # 'out-of-time': any later version
                found.add(other)
    if len(found) != 1:
        return goal, []
    file = found.pop()
    text = f"{goal[: match.end()]} {file}{goal[match.end() :]}"
    return text, [f"the test file you described → {file}"]


FILE_NOUN = (
    r"(?:files?|ones?|sheets?|spreadsheets?|tables?|exports?|extracts?|dumps?|uploads?|versions?|"
    r"cop(?:y|ies)|data(?:sets?)?|csvs?|batch(?:es)?|documents?|docs?|reports?|logs?)"
)
_PERIOD = (
    r"(?P<period>today|yesterday|this\s+(?:morning|week|month|year)|last\s+(?:week|month|year))"
)
TIME_SAID = re.compile(
    # 'the newest export', 'the older one', "last month's file", 'the sheet from yesterday'
    r"\b(?P<rank>newest|latest|most\s+recent|freshest|oldest|earliest|least\s+recent|newer|"
    r"more\s+recent|older)\s+(?P<next>[\w-]+(?:\s+[\w-]+){0,2})"
    rf"|\b{_PERIOD}['’]s\s+(?P<pnext>[\w-]+(?:\s+[\w-]+){{0,2}})"
    rf"|\b(?P<anoun>{FILE_NOUN})\b[^.?!]{{0,30}}?\b(?:from|of|\w+ed)\s+"
    r"(?P<after>today|yesterday|this\s+(?:morning|week|month|year)|last\s+(?:week|month|year))\b",
    re.I,
)
"""Words that describe a file by when it was written (its modification time)."""


def _file_time(path: str) -> float | None:
    """A workspace file's modification time, read through the one resolver (a link leading out
    has no time here), or None.
    """
    from errors import ForgeflowError
    from store.workspace import resolve_path

    try:
        return resolve_path(path).stat().st_mtime
    except (OSError, ForgeflowError):
        return None


def written_on(path: str) -> str:
    """The day a workspace file was last written ('written 2026-11-03'), or 'date unknown'."""
    import datetime as dt

    stamp = _file_time(path)
    if stamp is None:
        return "date unknown"
    return f"written {dt.datetime.fromtimestamp(stamp).date().isoformat()}"


def _window(period: str, now: float) -> tuple[float, float]:
    """The [start, end) local-time span a period word says ('last month' → the calendar month
    before this one).
    """
    import datetime as dt

    today = dt.datetime.fromtimestamp(now).replace(hour=0, minute=0, second=0, microsecond=0)
    word = " ".join(period.lower().split())
    if word in ("today", "this morning"):
        start, end = today, today + dt.timedelta(days=1)
    elif word == "yesterday":
        start, end = today - dt.timedelta(days=1), today
    elif word.endswith("week"):
        start = today - dt.timedelta(days=today.weekday())
        end = start + dt.timedelta(days=7)
        if word.startswith("last"):
            start, end = start - dt.timedelta(days=7), start
    elif word.endswith("month"):
        start = today.replace(day=1)
        end = (start + dt.timedelta(days=32)).replace(day=1)
        if word.startswith("last"):
            start, end = (start - dt.timedelta(days=1)).replace(day=1), start
    else:  # year
        start = today.replace(month=1, day=1)
        end = start.replace(year=start.year + 1)
        if word.startswith("last"):
            start, end = start.replace(year=start.year - 1), start
    return start.timestamp(), end.timestamp()


def time_said(goal: str, names: list[str] | None = None) -> re.Match[str] | None:
    """The words that describe a file by when it was written, said of a file (a file noun, or a
    word of one of `names`: 'the newest export'), not of a model ('the latest model'); or None.
    """
    said_of = {w for n in names or [] for w in name_words(n)}
    for match in TIME_SAID.finditer(goal):
        after = (match.group("next") or match.group("pnext") or "").lower().split()
        if match.group("anoun") or any(rx.fullmatch(FILE_NOUN, w) or w in said_of for w in after):
            return match
    return None


def by_time(match: re.Match[str], candidates: list[str], now: float | None = None) -> list[str]:
    """The candidates the time words pick: one when the words make it evident ('the newest'
    of several, 'the older' of two, the only one written 'yesterday'), else the ones that
    remain to ask about (the ones written in the period said, or all of them).
    """
    import time

    stamps = {c: t for c in candidates if (t := _file_time(c)) is not None}
    if len(stamps) < 2:
        return list(candidates)
    rank = (match.group("rank") or "").lower()
    if rank:
        newest = not rx.search(r"old|earl|least", rank)
        if rank in ("newer", "older") or rank.startswith("more"):
            if len(stamps) != 2:
                return list(candidates)  # 'the older one' of three: which two?
        ordered = sorted(stamps, key=lambda c: stamps[c], reverse=newest)
        if stamps[ordered[0]] == stamps[ordered[1]]:
            return [c for c in ordered if stamps[c] == stamps[ordered[0]]]
        return [ordered[0]]
    period = match.group("period") or match.group("after") or ""
    start, end = _window(period, time.time() if now is None else now)
    inside = [c for c in stamps if start <= stamps[c] < end]
    return inside if inside else list(candidates)


def timed_file(goal: str, files: list[str], found: list[str]) -> tuple[list[str], str] | None:
    """The file(s) a goal describes by when it was written, among the equally described files
    `found` (or, with none, the person's tables or documents): (picked, the words) — one file
    when evident, several to ask about; None when no time words are said of a file or there
    is nothing to choose from.
    """
    if len(found) == 1:
        return None  # the words already name the file ('the latest_orders file')
    pool = found
    if not pool:
        docs = bool(rx.search(DOC_WORDS, goal, re.I))
        ext = DOC_EXT if docs else TABLE_EXT
        pool = [f for f in person_files(files) if f.lower().endswith(ext) and not is_gold_file(f)]
    if len(pool) < 2:
        return None
    match = time_said(goal, pool)
    if match is None:
        return None
    return by_time(match, pool), match.group(0)
