"""What one clause of a goal names: files, sources, columns, labels, numbers and targets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from agents import patterns as rx

SOURCES = {
    "hugging face": "huggingface",
    "huggingface": "huggingface",
    "hugging-face": "huggingface",
    "hf hub": "huggingface",
    "the hub": "huggingface",
    "hf": "huggingface",
    "kaggle": "kaggle",
    "local": "local",
    "locally": "local",
    "offline": "local",
    "on disk": "local",
}
SOURCE_TYPOS = (
    ("huggingface", re.compile(r"\bh[ua]g+[iy]?n?g?[\s_-]?fa[cs]e?\b", re.I)),
    ("kaggle", re.compile(r"\bk[ae]g+(?:le|el|l|e)\b", re.I)),
)
"""The hubs spelt as people mistype them ('hugginface', 'hugingface', 'kaggel', 'kagle')."""


def source_said(text: str) -> str | None:
    """The dataset source a text names, spelt right or mistyped, or None."""
    lower = text.lower()
    for phrase, source in sorted(SOURCES.items(), key=lambda kv: -len(kv[0])):
        if rx.search(rf"\b{re.escape(phrase)}\b", lower):
            return source
    return next((source for source, typo in SOURCE_TYPOS if typo.search(text)), None)


SKLEARN_NAMES = {
    "breast_cancer": "breast_cancer",
    "breast cancer": "breast_cancer",
    "iris": "iris",
    "wine": "wine",
    "digits": "digits",
    "diabetes": "diabetes",
}
ORDINALS = {
    "first": 0,
    "1st": 0,
    "second": 1,
    "2nd": 1,
    "third": 2,
    "3rd": 2,
    "fourth": 3,
    "4th": 3,
    "fifth": 4,
    "5th": 4,
    "sixth": 5,
    "seventh": 6,
    "eighth": 7,
    "ninth": 8,
    "tenth": 9,
    "last": -1,
    "top": 0,
}
METRICS = {
    "auc": "auc",
    "roc auc": "auc",
    "roc-auc": "auc",
    "rocauc": "auc",
    "auroc": "auc",
    "f1": "f1",
    "macro f1": "f1",
    "macro-f1": "f1",
    "macro_f1": "f1",
    "f1 macro": "f1",
    "f1_macro": "f1",
    "f1-macro": "f1",
    "accuracy": "accuracy",
    "acc": "accuracy",
    "precision": "precision",
    "recall": "recall",
    "quality": "quality",
    "utility": "utility",
    "coverage": "coverage",
    "log loss": "log_loss",
    "log_loss": "log_loss",
    "logloss": "log_loss",
    "cross entropy": "log_loss",
}
LOWER_BETTER = {"log_loss"}
"""Metrics whose target is a ceiling in their own units, not a fraction."""
VERBS = (
    "list|inspect|show|download|search|find|label|train|evaluate|predict|export|chunk|generate"
    "|score|judge|detect|describe|get|fetch|tell|build|create|make|apply|write|look|what|which"
    "|suggest|rank|compare|test|produce|fit|split"
)
FILE_RE = re.compile(
    r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.(?:csv\.gz|csv|tsv|parquet|jsonl|json|txt|md|pdf|html|zip))\b",
    re.I,
)
TRADE_WORDS = set(
    "config configs configuration configurations split splits subset subsets schema columns "
    "column rows row features labels label train test val validation dev size sizes".split()
)
"""Words that, joined by a slash, name things of a dataset rather than a hub id."""
REPO_RE = re.compile(r"(?<![\w/.-])([A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*)(?![\w/])")
# an apostrophe inside a word ("I've", "there's") opens and closes no quotation
QUOTED_RE = re.compile(r"(?:(?<!\w)'|[\"“`])([^\"”'`]{1,200})(?:'(?!\w)|[\"”`])")
METRIC_RE = re.compile(
    r"\b(roc[- ]?auc|auroc|auc|macro[- ]f1|f1|accuracy|acc|precision|recall|quality|utility)\b"
    r"(?:\s*(?:score|target|threshold))?\s*(?:of|at least|>=|≥|>|=|:|to|above|over|target|is|"
    r"must be|should be|needs to be|of at least|must reach|around|about|like|near)?"
    r"\s*(?:at least\s*)?(\d+(?:\.\d+)?)\s*(%?)",
    re.I,
)
TARGET_FIRST_RE = re.compile(
    r"\b(?:target|to|reach|reaching|hit|least|of|than|over|above|minimum|min|get|with|want|need|"
    r"achieve|achieving|aim for|like|around|about)\s+(?:an?\s+)?(?:~|about\s+)?(\d+(?:\.\d+)?)\s*(%|\s?percent)?\s*"
    r"(?:macro[-\s]+)?"
    r"(roc[- ]?auc|auroc|auc|f1|accuracy|acc|precision|recall|quality)\b",
    re.I,
)
PERCENT_FIRST_RE = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s*(%|\s?percent)\s*(?:macro[-\s]+)?"
    r"(roc[- ]?auc|auroc|auc|f1|accuracy|acc|precision|recall)\b",
    re.I,
)
PER_CHUNK_RE = re.compile(
    # ('a 2-question-per-chunk QA set': hyphens join the words)
    r"(?<!\d)(\d+)[\s-]+(?:questions?|qa pairs?|q&a pairs?|pairs?|entries|examples|items)[\s-]+"
    r"(?:per|for each|each|a)[\s-]+chunk"
    # '5 per chunk' with no noun: a small count is the questions (a chunk's size is said in
    # tokens or words, and in hundreds)
    r"|(?<![\d.])(\d{1,2})\s+(?:per|for each)\s+chunk\b",
    re.I,
)
COUNT_WORDS = {
    w: i + 2
    for i, w in enumerate("two three four five six seven eight nine ten eleven twelve".split())
}
COUNT_WORDS["twenty"] = 20
_COUNT = r"(\d{1,3}|" + "|".join(COUNT_WORDS) + r")"
LIMIT_RE = re.compile(
    rf"\b(?:top|first|best|limit|show me|give me|up to)\s+(?:the\s+)?(?:best\s+|top\s+)?{_COUNT}\b"
    # 'Five results is enough', 'which five off-the-shelf text-classification models'
    rf"|\b{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?(?:datasets|results|models|hits)\b"
    rf"|\ba\s+(?:short\s+)?list\s+of\s+(?:the\s+)?{_COUNT}\b",  # 'give me a list of five'
    re.I,
)


def said_limit(text: str) -> int | None:
    """How many results a text asks for ('top 5', 'ten results', 'give me the 10 most ...')."""
    match = LIMIT_RE.search(text)
    if match is None:
        return None
    word = next(g for g in match.groups() if g).lower()
    return int(word) if word.isdigit() else COUNT_WORDS[word]


REVISION_RE = re.compile(r"(?:\brevision\b|\brev\b|\bcommit\b|@)\s*([0-9a-zA-Z][\w.-]{2,63})", re.I)
CONFIG_NAME = (
    rf"(?:(?!_)[\w.-]){{0,{rx.WORD_MAX}}}+_[\w.-]{{0,{rx.WORD_MAX}}}|[\w.-]{{1,{rx.WORD_MAX}}}\d"
)
"""A config's name said before 'config' ('en_us config', 'v2 subset'): one with a '_' (split at
its first: each '_' of a long word tried as the one was quadratic) or ending in a digit, of
`WORD_MAX` characters either side at most (its start may be anywhere in a long word)."""
DOTTED = rf"[a-z][\w-]{{0,{rx.WORD_MAX}}}\.[\w.-]{{1,{rx.WORD_MAX}}}"
"""A dotted name compared with another ('roberta.v2 vs bert.v1'), bounded like `CONFIG_NAME`."""
CONFIG_RE = re.compile(
    r"\b(?:config(?:uration)?|subset)\s+[\"']?(?!is\b|the\b|of\b)([\w.-]+)|"
    rf"\b(?:the\s+)?[\"'`]?({CONFIG_NAME})[\"'`]?\s+(?:config|subset)\b",
    re.I,
)
QUOTED_CONFIG_RE = re.compile(
    r"(?<![\w'\"`])[\"'`]([\w.-]{1,40})[\"'`]\s+(?:config|subset)\b", re.I
)
"""A quoted config name needs no '_' or digit to be one: "the 'split' config"."""
PROJECT_RE = re.compile(r"\bproject\s*(?:#|id\s*)?([\w-]+)", re.I)
COLUMN_RE = re.compile(
    r"\b(text|label|id)(?:\s+|_)column(?:\s*[=:]\s*|\s+)[\"']?([\w.-]+)|\bcolumn\s+[\"']?"
    # 'the ... column for the accuracies': a word that joins the sentence names no column
    r"(?!(?:for|to|in|into|of|on|with|and|or|that|which|is|are|as|from|by|at|so|but|then|"
    r"when|where|because|instead|only|too|also|please|here|there)\b)([\w.-]+)",
    re.I,
)
LABELS_RE = re.compile(
    r"\bas\s+([\w.-]+)\s+(?:or|vs\.?|versus)\s+([\w.-]+)|"
    rf"\b({DOTTED})\s+(?:vs\.?|versus)\s+({DOTTED})",
    re.I,
)
ROWS_RE = re.compile(r"\b(\d{1,7})\s+(?:synthetic\s+)?(?:rows|samples|records)\b", re.I)
FORMAT_RE = re.compile(r"\b(jsonl|parquet|csv)\b", re.I)
GOLD_RE = re.compile(
    r"(?:hand[- ]labels?|gold(?: labels?)?|labeled examples|labels)\s+(?:are\s+)?(?:in|from|at)\s+"
    r"[\"']?((?:[\w.-]+/)*[\w.-]+\.(?:csv\.gz|csv|tsv|parquet|jsonl|json))",
    re.I,
)
MODEL_REF_RE = re.compile(r"\bmodel\s+(?:at\s+|in\s+)?[\"']?((?:[\w.-]+/)*[\w.-]+)", re.I)
TASK_RE = re.compile(
    # a task in the hub's own hyphenated form, whatever its first words ('tabular-classification',
    # 'zero-shot-classification', 'text-to-speech'), then the built-in names said loosely
    r"((?<![\w-])[a-z]+(?:-[a-z]+)*-(?:classification|detection|segmentation|generation|"
    r"answering|recognition|regression|retrieval|to-[a-z]+)(?![\w-])|"
    # ... said with a space before its last word ('zero-shot classification'): the same tag
    r"(?<![\w-])[a-z]+(?:-[a-z]+)+ (?:classification|detection|segmentation|generation|"
    r"answering|recognition|regression|retrieval)(?![\w-])|text[- ]classification|sentiment(?:[- ]analysis)?|question[- ]answering|summari[sz]ation|"
    r"translation|token[- ]classification|named entity recognition|ner|image[- ]classification|"
    r"object[- ]detection|fill[- ]mask|text[- ]generation)",
    re.I,
)

STOP_WORDS = set(
    "a an the some any me us for about on of in from with to and or please can you could would "
    "find search look looking get show list dataset datasets data set sets that is are which "
    "hugging face huggingface hf kaggle local locally hub i want need good few new".split()
)


@dataclass
class Slots:
    """Entities extracted from a goal clause."""

    text: str
    source: str | None = None
    files: list[str] = field(default_factory=list)
    repos: list[str] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)
    sklearn: str | None = None
    ordinal: int | None = None
    pronoun: bool = False
    limit: int | None = None
    revision: str | None = None
    config: str | None = None
    project: str | None = None
    text_column: str | None = None
    label_column: str | None = None
    group_by: str | None = None
    where: dict[str, Any] = field(default_factory=dict)
    id_column: str | None = None
    labels: list[str] = field(default_factory=list)
    rows: int | None = None
    formats: list[str] = field(default_factory=list)
    gold: str | None = None
    model: str | None = None
    task: str | None = None


LIST_MARK_RE = re.compile(r"(?:^|(?<=\n))[ \t]*[(\[]?\d{1,2}\s*[.,)\]:]\s+(?=[A-Za-z])")


SPELT_METRICS = ("accuracy", "precision", "recall", "coverage")
"""Metric names long enough that a misspelling of them is still theirs alone."""


def _metric_spelling(word: str) -> str:
    """A misspelt metric name as the metric ('acurracy', 'precsion', 'recal'): the same first
    letter, one edit (two from eight letters on), and no word of the dictionary ('accurate
    predictions for 60 rows' states no target).
    """
    from tools.profile import edit_distance

    lower = word.lower()
    if lower in SPELT_METRICS:
        return word
    limit = 2 if len(lower) >= 8 else 1
    for metric in SPELT_METRICS:
        if lower[0] == metric[0] and abs(len(lower) - len(metric)) <= limit:
            if edit_distance(lower, metric, limit) <= limit and not _dictionary_word(lower):
                return metric
    return word


def _dictionary_word(lower: str) -> bool:
    from agents.intent import _dictionary  # lazily: intent imports this module

    return lower in _dictionary()


def respelt_metrics(goal: str, keep: frozenset[str] = frozenset()) -> str:
    """The goal with misspelt metric names and 'atleast' written out, for the target patterns;
    the words in `keep` (the workspace's file-name words) untouched.
    """
    goal = rx.sub(r"\batleast\b", "at least", goal)

    def respelt(m: re.Match[str]) -> str:
        word = m.group(1)
        if word.lower() in keep or (word[0].isupper() and not _opens_sentence(goal, m.start())):
            return word  # a file's word, or a proper name ('the Coverdale tickets')
        return _metric_spelling(word)

    return rx.sub(r"(?<![\w./-])([A-Za-z]{5,12})(?![\w./-])", respelt, goal)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens the text or a sentence (after '.', '!', '?', a line)."""
    before = text[max(0, start - 20) : start].rstrip(" \t\"'`(")
    return not before or before[-1] in ".!?:\n"


def extract_targets(goal: str) -> dict[str, float]:
    """Quality targets named in a goal: `{"auc": 0.9, "quality": 0.8, "per_chunk": 3}`."""
    targets: dict[str, float] = {}
    goal = LIST_MARK_RE.sub(" ", goal)  # '2. Target coverage 0.9': a list's number is no value
    goal = respelt_metrics(goal)
    for match in METRIC_RE.finditer(goal):
        name = METRICS.get(match.group(1).lower().replace("-", " "), match.group(1).lower())
        if not match.group(3) and 1 < float(match.group(2)) < 50 and name in SCORES_0_1:
            continue  # 'F1 >= 7': no score (a score runs 0 to 1); the plan says so
        targets[name] = fraction(match.group(2), match.group(3))
    for match in TARGET_FIRST_RE.finditer(goal):
        name = METRICS.get(match.group(3).lower().replace("-", " "), match.group(3).lower())
        targets.setdefault(name, fraction(match.group(1), match.group(2)))
    for match in PERCENT_FIRST_RE.finditer(goal):
        name = METRICS.get(match.group(3).lower().replace("-", " "), match.group(3).lower())
        targets.setdefault(name, fraction(match.group(1), "%"))
    for match in NEAR_METRIC_RE.finditer(goal):
        metric = match.group(1) or match.group(6)
        number, percent = (match.group(2), match.group(3)) if match.group(1) else match.group(4, 5)
        name = METRICS.get(rx.sub(r"[-_ ]+", " ", metric.lower()), metric.lower())
        value = float(number)
        if name in LOWER_BETTER:
            targets.setdefault(name, value)
        elif percent or value <= 1 or 50 <= value <= 100:
            targets.setdefault(name, fraction(number, percent))
    for match in AIM_TARGET_RE.finditer(goal):
        metric, number, percent = match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
        name = METRICS.get(rx.sub(r"[-_ ]+", " ", metric.lower()), metric.lower())
        if name not in LOWER_BETTER and (
            percent or float(number) <= 1 or 50 <= float(number) <= 100
        ):
            targets.setdefault(name, fraction(number, percent))
    for name, pattern in DEED_TARGETS:
        for match in pattern.finditer(goal):
            value = fraction(match.group("n"), match.group("pct"))
            if (match.group("pct") or float(match.group("n")) <= 1) and value >= 0.5:
                # a target, not a share to act on ('flag 5% of the rows')
                targets.setdefault(name, value)
    per_chunk = PER_CHUNK_RE.search(goal)
    if per_chunk:
        targets["per_chunk"] = float(per_chunk.group(1) or per_chunk.group(2))
    return targets


REGRESSION_METRIC_RE = re.compile(
    r"(?<![\w.])(mae|mean[- ]absolute[- ]error|rmse|root[- ]mean[- ]squared?[- ]error|r2|r²|"
    r"r\^2|r[- ]squared)(?![\w^²]|[./-]\w)",
    re.I,
)
REGRESSION_VALUE_RE = re.compile(
    # 'rmse under 3', 'MAE below 2.5 days', 'r2 of 0.8', 'r-squared at least 80%', 'r2 >= .7'
    r"\s*(?:score\s+|target\s+|value\s+)?(?:(?:of|under|below|at\s+most|at\s+least|above|over|"
    r"less\s+than|lower\s+than|no\s+more\s+than|more\s+than|around|about|near|to|is|=|:|<=?|"
    r">=?|≤|≥)\s*){0,2}(?:~\s*)?(\d*\.\d+|\d+(?:\.\d+)?)\s*(%|\s?percent)?(?![\w.]\d)",
    re.I,
)


def regression_target(text: str) -> tuple[str, float | None] | None:
    """A regression metric a goal names and the number said with it: ('mae', 3.0) for 'MAE
    under 3', ('r2', 0.8) for 'an r2 of 0.8', ('mae', None) for 'MAE please'. MAE and RMSE are
    in the target's units (a ceiling); R² is a share (80% → 0.8).
    """
    match = REGRESSION_METRIC_RE.search(text)
    if match is None:
        return None
    word = match.group(1).lower()
    if word.startswith(("rmse", "root")):
        metric = "rmse"
    elif word.startswith(("mae", "mean")):
        metric = "mae"
    else:
        metric = "r2"
    said = REGRESSION_VALUE_RE.match(text, match.end())
    if said is None:
        return metric, None
    if metric == "r2":
        return metric, fraction(said.group(1), said.group(2))
    return metric, float(said.group(1))


_METRIC_WORD = (
    r"(roc[- ]?auc|auroc|auc|macro[- _]f1|f1[- _]macro|f1|accuracy|acc|precision|recall|coverage|"
    r"log[- _]?loss|cross[- ]entropy)"
)
_NUMBER = r"(\d*\.\d+|\d+(?:\.\d+)?)\s*(%|\s?percent)?"
NEAR_METRIC_RE = re.compile(
    # A target said loosely: 'accuracy objective of 0.96', '0.8 accuracy', 'auc .9'.
    rf"\b{_METRIC_WORD}(?:[^\w.%]+[a-z]+){{0,3}}[^\w.%]+{_NUMBER}(?!\w|\.\d)|"
    rf"(?<![\w.]){_NUMBER}(?:[^\w.%]+(?:macro|score|target|minimum|min))?[^\w.%]+{_METRIC_WORD}\b",
    re.I,
)


# 'recall matters most for us, aim for 0.7': the metric, then (same sentence) an aim and a number
AIM_TARGET_RE = re.compile(
    rf"\b{_METRIC_WORD}\b[^.;?!\d]{{0,50}}?\b(?:aim(?:ing)?\s+(?:for|at)|target(?:ing)?|"
    r"target\s+(?:value\s+)?(?:is|of|=)|"
    r"shoot(?:ing)?\s+for|reach(?:es|ed|ing)?|hits?|hitting|gets?\s+(?:it\s+)?to|getting\s+(?:it\s+)?to|"
    r"ideally|hopefully|preferably|(?:must|should|needs?\s+to|has\s+to)\s+be|(?:is|be|stays?)\s+"
    r"(?=at\s+least|above|over))\s+"
    rf"(?:at\s+least\s+|about\s+|around\s+)?{_NUMBER}(?!\w|\.\d)"
    # 'accuracy is what my boss reads, 70% would be great': the metric, then a number wished for
    rf"|\b{_METRIC_WORD}\b[^.;?!\d]{{0,60}}?(?<![\w.]){_NUMBER}\s+(?:would|will|'d)\s+be\s+"
    r"(?:great|good|nice|ideal|perfect|fine|enough|brilliant|lovely)\b",
    re.I,
)


_SHARE = (
    r"(?:at\s+least\s+|over\s+|more\s+than\s+|above\s+|about\s+|around\s+|~\s*)?"
    r"(?P<n>\d*\.\d+|\d+(?:\.\d+)?)\s*(?P<pct>%|\s?per\s?cent)?"
)
DEED_TARGETS = (
    # A target said as what the model should do, not by the metric's name.
    (  # 'catch at least 80% of the fraud', 'flag 9 in 10 bad units' → recall
        "recall",
        re.compile(
            rf"\b(?:catch|detect|spot|flag|find|identify|recover|pick\s+up|miss\s+no\s+more\s+than)"
            rf"\w*\s+{_SHARE}\s+of\s+(?!the\s+time\b)",
            re.I,
        ),
    ),
    (  # 'right at least 90% of the time', 'gets 85% of them correct' → accuracy
        "accuracy",
        re.compile(
            rf"\b(?:right|correct|accurate|spot[- ]on)\s+{_SHARE}\s+of\s+the\s+time\b",
            re.I,
        ),
    ),
    (  # '80% accurate', 'arrive to 90% of accuracy'
        "accuracy",
        re.compile(rf"(?<![\w.]){_SHARE}\s+(?:accurate\b|of\s+accuracy\b)", re.I),
    ),
    (
        "accuracy",
        re.compile(
            rf"\b(?:gets?|getting|predicts?)\s+{_SHARE}\s+(?:of\s+(?:them|the\s+\w+)\s+)?"
            r"(?:right|correct(?:ly)?)\b",
            re.I,
        ),
    ),
    (  # 'until they cover at least 85% of the rows', 'label 70% of the data' → coverage
        "coverage",
        re.compile(rf"\bcover(?:s|ing)?\s+{_SHARE}\s+of\b", re.I),
    ),
    (  # '0.95 of posts covered', '90% of the emails should end up with a label' → coverage
        "coverage",
        re.compile(
            rf"(?<![\w.]){_SHARE}\s+of\s+(?:the\s+|all\s+|our\s+|my\s+)?(?:[a-z]+\s+){{1,2}}?"
            r"(?:(?:should|must|to|will|would)\s+)?(?:(?:are|is|be|get|gets|getting|being)\s+)?"
            r"(?:covered\b|(?:end\s+up\s+with|get|receive|have)\s+(?:an?\s+)?"
            r"(?:label|intent|class|tag|category|topic)\b)",
            re.I,
        ),
    ),
)


SCORES_0_1 = frozenset({"auc", "f1", "accuracy", "precision", "recall", "coverage", "quality"})
"""Metrics that run 0 to 1 (said as 0.9 or 90%); 7 is none of them."""


def fraction(number: str, percent: str | None) -> float:
    value = float(number)
    if percent or value > 1.0:
        value = value / 100.0
    return round(min(value, 1.0), 6)


def extract_slots(text: str) -> Slots:
    """Pull datasets, files, sources, numbers and references out of one clause."""
    lower = text.lower()
    slots = Slots(text=text)
    slots.source = source_said(text)
    slots.files = FILE_RE.findall(text)
    slots.repos = [r for r in REPO_RE.findall(text) if not FILE_RE.fullmatch(r) and "/" in r]
    slots.repos = [r for r in slots.repos if r.lower() not in ("train/val", "val/test")]
    # 'configs/splits of the first hit', 'rows/columns': two words of the trade, not a hub id
    slots.repos = [r for r in slots.repos if not set(r.lower().split("/")) <= TRADE_WORDS]
    slots.quoted = QUOTED_RE.findall(text)
    for phrase, name in SKLEARN_NAMES.items():
        if rx.search(rf"\b{re.escape(phrase)}\b", lower):
            slots.sklearn = name
            break
    for word, index in ORDINALS.items():
        if rx.search(rf"\b(?:the\s+)?{word}\s+(?:one|dataset|result|item|model)\b", lower) or (
            word != "top" and rx.search(rf"\bthe\s+{word}\b", lower)
        ):
            slots.ordinal = index
            break
    number = rx.search(r"(?:#|number\s+|no\.\s*)(\d{1,3})\b", lower)
    if slots.ordinal is None and number:
        slots.ordinal = int(number.group(1)) - 1
    slots.pronoun = bool(rx.search(r"\b(it|that|this|them|those|the dataset|that one)\b", lower))
    slots.limit = said_limit(text)
    revision = REVISION_RE.search(text)
    if revision and revision.group(1).lower() not in ("the", "main"):
        slots.revision = revision.group(1)
    elif revision:
        slots.revision = revision.group(1)
    config = CONFIG_RE.search(text)
    if config:
        slots.config = config.group(1) or config.group(2)
    else:
        quoted = QUOTED_CONFIG_RE.search(text)
        slots.config = quoted.group(1) if quoted else None
    project = PROJECT_RE.search(text)
    if project:
        slots.project = project.group(1)
    in_column = rx.search(
        r"\b(?:hand[- ]?labels?|gold(?: labels?)?|labels?)\s+(?:are\s+)?in\s+(?:the\s+)?"
        r"[\"'`]?([\w.-]+)[\"'`]?\s+column\b",
        text,
        re.I,
    )
    if in_column:
        slots.label_column = in_column.group(1)
    the_column = rx.search(r"\bthe\s+[\"'`]?([\w.-]+)[\"'`]?\s+column\b", text, re.I)
    if (
        the_column
        and slots.label_column is None
        and the_column.group(1).lower()
        not in ("label", "text", "id", "same", "other", "first", "last", "target")
    ):
        slots.label_column = the_column.group(1)
    for match in COLUMN_RE.finditer(text):
        kind, name, bare = match.group(1), match.group(2), match.group(3)
        if kind:
            setattr(slots, f"{kind.lower()}_column", name)
        elif bare and slots.label_column is None:
            slots.label_column = bare
    labels = LABELS_RE.search(text)
    if labels:
        pair = [g for g in labels.groups() if g]
        slots.labels = pair[:2]
    rows = ROWS_RE.search(text)
    if rows:
        slots.rows = int(rows.group(1))
    slots.formats = [f.lower() for f in FORMAT_RE.findall(text)]
    gold = GOLD_RE.search(text)
    if gold:
        slots.gold = gold.group(1)
    model = MODEL_REF_RE.search(text)
    if model and ("/" in model.group(1) or "." in model.group(1)):
        slots.model = model.group(1)
    task = TASK_RE.search(text)
    if task:
        slots.task = task.group(1).lower().replace(" ", "-")
    return slots


_COMMA, _SEMICOLON = "\ue000", "\ue001"
"""Stand-ins for the separators inside parentheses while a goal is split."""


SENTENCE_END = (
    r"(?<!\b(?-i:[A-Z]))\.\s+|(?<=\b(?-i:[A-Z]))\.\s+(?!(?!(?:" + VERBS + r")\b)(?-i:[a-z]+\b))"
)
"""A full stop ending a sentence; not a name's initial before a lower-case word other than a
request's verb ('how many hours did Maria G. do in total'; 'use plan B. train a model' splits)."""


def split_clauses(goal: str) -> list[str]:
    """Split a goal into clauses at 'then', ';', sentence ends, and ', and <verb>' joins."""
    pattern = (
        rf"(?:,?\s*\band then\b|,?\s*\bthen\b|,?\s*\b(?:and )?after (?:that|this|it)\b|"
        rf",?\s*\bafterwards\b|;|{SENTENCE_END}|,?\s+\band\s+(?=(?:{VERBS})\b)"
        rf"|,\s*(?=(?:{VERBS})\b))"
    )
    # an aside in parentheses ('(id column note_id, label column issue)') is one clause's detail:
    # its commas and semicolons split nothing
    masked = rx.sub(
        r"\([^()]{0,160}\)",
        lambda m: m.group(0).replace(",", _COMMA).replace(";", _SEMICOLON),
        goal,
    )
    parts = [
        p.strip(" ,.").replace(_COMMA, ",").replace(_SEMICOLON, ";")
        for p in rx.split(pattern, rx.sub(r"([?!])\s+", r"\1. ", masked), flags=re.I)
    ]
    merged: list[str] = []
    pending: list[str] = []  # list items that only give a parameter, before any request
    for part in (p for p in parts if p):
        # "train wine_train.csv, label cultivar, test wine_test.csv": fragments that only
        # give a parameter belong to the clause before them; in a numbered spec ("1) data
        # a.csv; 2) label y; 3) an MLP ...") the leading ones belong to the first request.
        bare = rx.sub(LIST_MARKER_RE, "", part)
        param = bool(PARAMETER_RE.match(bare) and len(bare.split()) <= 5)
        if param and bare != part and (pending or not merged):
            pending.append(part)
        elif merged and (
            param or (rx.match(r"^predict\w*\s+[\w-]+$", part, re.I) and not FILE_RE.search(part))
        ):
            merged[-1] = f"{merged[-1]}, {part}"
        else:
            merged.append(", ".join([*pending, part]))
            pending = []
    if pending:
        merged.append(", ".join(pending))
    return merged


# A numbered or bulleted item's marker, after an optional heading ('Model spec: 1) ').
LIST_MARKER_RE = re.compile(r"^(?:[^:;,.]{1,40}:\s*)?(?:\(?\d{1,2}[.)]|[-*\u2022])\s+")


PARAMETER_RE = re.compile(
    r"^(?:label(?:ed)?|target|test(?:ed)?|name(?:d)?|call(?:ed)?|column|id|y|with|using|file|"
    r"(?:the\s+)?(?:file|data|dataset|table)\s+is|data|dataset|table|"
    r"evaluate(?:d)? on|score(?:d)? on|write|save|sample|show|output)\b(?!\s+(?:the|all|every|"
    r"each|these|those|my|it|them|rows?|remaining|rest)\b)",
    re.I,
)


def query_terms(slots: Slots) -> str:
    if slots.quoted:
        return slots.quoted[0]
    # a file name the planner wrote in for a word it read as a workspace file: its first
    # name word is what was said ('search local for fault' → fault_reports.csv → fault)
    text = rx.sub(
        # anchored at a name's start: unanchored, a long run of letters backtracked cubically
        r"(?<![\w./-])(?:[\w.-]+/)*+([a-z0-9]++)[\w.-]*\.(?:csv|tsv|parquet|jsonl|json|md|txt)\b",
        r"\1",
        slots.text.lower(),
    )
    text = rx.sub(r"\b(on|from|in)\s+(hugging\s*face|kaggle|the hub|hf)\b", " ", text)
    named = rx.search(
        # 'there's a public blood transfusion dataset on kaggle': the words before 'dataset'
        r"\b(?:a|an|some|any)\s+(?:public\s+|open\s+|free\s+)?"
        r"(?!(?:public|open|free|datasets?)\b)((?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)"
        r"\s+(?:datasets?|data\s*sets?)\b",
        text,
    )
    if named and not set(named.group(1).split()) & STOP_WORDS:
        return named.group(1)
    # '... datasets I could use for pretraining X': the use is the topic; 'is there anything
    # about X' after an earlier 'thinking about ...': the asked-for thing's topic
    match = rx.search(
        r"\b(?:datasets?|data\s*sets?|data)\s+(?:that\s+|which\s+)?(?:i|we|you|one)\s+"
        r"(?:could|can|might|may|would|should)\s+(?:use|try)\s+(?:for|to|in|on)\s+(.+)"
        r"|\b(?:anything|something|datasets?|data\s*sets?)\s+(?:about|covering|on)\s+(.+)",
        text,
    ) or rx.search(
        r"\b(?:search(?:\s+for)?|find|look(?:ing)?\s+for|about|like|for|"
        r"datasets? (?:on|about|for))\s+(.+)",
        text,
    )
    body = next((g for g in match.groups() if g), text) if match else text
    body = rx.split(r"[?!;]|\.(?!\w)", body)[0]  # the topic ends with its sentence
    body = rx.sub(r"\b(top|first)\s+\d+\b|\b\d+\s+(datasets|results)\b", " ", body)
    words = [w for w in rx.findall(r"[\w.-]+", body) if w not in STOP_WORDS]
    return " ".join(words[:6])
