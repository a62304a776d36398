"""Intent scoring: cue rules plus data evidence, with a nearest-neighbour phrasing corpus behind."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

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
    words = re.findall(r"[a-z0-9]+", text.lower().replace("q&a", "question answer"))
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
    r"\b(fill (?:in|out)?\s*(?:the )?(?:rest|missing|gaps?|blanks?|empty|remaining|others?|labels?)|"
    r"fill (?:them|it) in|missing labels?|unlabel+ed|label the (?:rest|others|remaining)|"
    r"complete the labels?|(?:rest|remainder) of the (?:rows|labels)|propagate (?:the )?labels?|"
    r"weak(?:ly)?[- ]?supervis\w*|auto-?label\w*|pseudo-?label\w*)\b"
)
SAVE_CUES = (
    r"\b(save|export|write|dump|convert|store|download)\b.*\b(as|to|into|in)\s+(?:an? )?"
    r"(csv|jsonl|json lines|parquet|spreadsheet|excel)\b|\b(csv|jsonl|parquet) (?:file|copy|version)\b"
)
QA_CUES = (
    r"\b(q\s*&\s*a|q/a|qa|question[- /]answer\w*|questions? and answers?|faqs?|quiz|"
    r"questions? (?:about|from|on))\b"
)
ACTION_CUES = (
    r"\b(train|fit|fill|predict|classify|generate|build|create|make)\b|"
    r"\b(label|annotate|tag)\s+(?:the|all|every|each|these|those|my|it|them|rows?|remaining|rest|"
    r"\S+\.(?:csv|tsv|parquet|jsonl))\b|^\s*(?:please\s+)?(?:label|annotate|tag)\b"
)
DESCRIPTION = re.compile(
    r"^(?:(?:my|the|this|that)\s+)?(?:[\w./-]+\s+)?(?:file\s+|table\s+|data\s+)?"
    r"(?:has|have|contains?|holds?|includes?|is|are|got)\b|"
    r"^(?:i have|i've got|i got|there (?:are|is)|it has|it's|its|here is|here's)\b",
    re.I,
)


def is_description(clause: str) -> bool:
    """A clause that describes the data instead of asking for something ('x.csv has reviews')."""
    text = clause.strip()
    return bool(DESCRIPTION.match(text)) and not text.endswith("?")
MODEL_CUES = (
    r"\b(classifier|model|mlp|neural net\w*|logistic regression|predict\w*|classify|forecast|"
    r"recogni[sz]e|tell apart)\b"
)


def data_kind(files: list[str]) -> str | None:
    """'documents' when the named files are documents, 'tables' when tables, else None."""
    if not files:
        return None
    docs = [f for f in files if f.lower().endswith(DOC_SUFFIXES)]
    return "documents" if len(docs) == len(files) else "tables"


def cue_tools(
    clause: str,
    files: list[str],
    label_target: str | None,
    has_tool: Any,
) -> list[str] | None:
    """Tools decided by the person's wording and the data it names, or None to fall through.

    `label_target` is a column of a named table that the clause asks to predict (data
    evidence); `has_tool` tells which tools this version has.
    """
    t = clause.lower()
    kind = data_kind(files)
    action = re.search(ACTION_CUES, t)
    if re.search(SAVE_CUES, t) and has_tool("save_table") and not re.search(QA_CUES, t):
        return ["save_table"]
    if re.search(QA_CUES, t) and (kind == "documents" or re.search(r"\b(generate|make|create|build|write|produce|turn|give)\b", t)):
        if not re.search(r"\b(score|judge|rate|grade)\b", t):
            tools = ["chunk_documents", "generate_qa"]
            if re.search(r"\b(export|jsonl|parquet|csv|splits?)\b", t):
                tools.append("export_dataset")
            return tools
    if kind == "documents" and re.search(r"\b(split|chunk|break|cut)\b", t):
        return ["chunk_documents"]
    if re.search(FILL_CUES, t) and not re.search(r"\b(train|fit)\b", t):
        return ["label_dataset"]
    if label_target and re.search(MODEL_CUES, t) and kind != "documents":
        tools = ["train_model"]
        if re.search(r"\b(evaluate|test|check|score|measure|validate)\w*\b.*\b(on|against|with)\b", t) and len(files) > 1:
            tools.append("evaluate_model")
        return tools
    if re.search(WORKSPACE_CUES, t) and not files and not action:
        return ["list_local_datasets"]
    if files and kind == "tables" and re.search(INSPECT_CUES, t) and not action:
        return ["inspect_dataset"]
    if re.search(r"\b(how many|does|do|is there|are there|any)\b", t) and files and kind == "tables":
        if not action and t.rstrip().endswith("?"):
            return ["inspect_dataset"]
    return None
