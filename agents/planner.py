"""The built-in planner: turns a plain-language goal (and the thread's memory) into tool steps."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

from agents.options import WORD_NUMBERS
from errors import ForgeflowError
from tools.registry import CAPABILITIES


class PlanStep(BaseModel):
    """One step: a registry tool and its arguments (values may be `${steps.N.path}` references)."""

    tool: str
    args: dict[str, Any] = Field(default_factory=dict)
    why: str = ""


class Plan(BaseModel):
    """What a goal will do: ordered steps, the quality targets it named, or a question back."""

    steps: list[PlanStep] = Field(default_factory=list)
    targets: dict[str, float] = Field(default_factory=dict)
    question: str | None = None
    notes: list[str] = Field(default_factory=list)
    planner: str = "builtin"
    asked: dict[str, Any] = Field(default_factory=dict)
    """What the person asked to see, e.g. {"metric": "f1"} (the answer leads with it)."""
    answer: str | None = None
    """An answer from the thread's memory when the turn needs no tool ("what was the F1?")."""


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
}
VERBS = (
    "list|inspect|show|download|search|find|label|train|evaluate|predict|export|chunk|generate"
    "|score|judge|detect|describe|get|fetch|tell|build|create|make|apply|write|look|what|which"
    "|suggest|rank|compare|test|produce|fit|split"
)
FILE_RE = re.compile(
    r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.(?:csv\.gz|csv|tsv|parquet|jsonl|json|txt|md|pdf|html|zip))\b",
    re.I,
)
REPO_RE = re.compile(r"(?<![\w/.-])([A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*)(?![\w/])")
QUOTED_RE = re.compile(r"[\"“'`]([^\"”'`]{1,200})[\"”'`]")
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
    r"(\d+)\s+(?:questions?|qa pairs?|q&a pairs?|pairs?|entries|examples|items)\s+"
    r"(?:per|for each|each|a)\s+chunk",
    re.I,
)
LIMIT_RE = re.compile(
    r"\b(?:top|first|limit|show me|give me|up to)\s+(\d{1,3})\b|\b(\d{1,3})\s+(?:datasets|results|models)",
    re.I,
)
REVISION_RE = re.compile(r"(?:\brevision\b|\brev\b|\bcommit\b|@)\s*([0-9a-zA-Z][\w.-]{2,63})", re.I)
CONFIG_RE = re.compile(
    r"\b(?:config(?:uration)?|subset)\s+[\"']?(?!is\b|the\b|of\b)([\w.-]+)|"
    r"\b(?:the\s+)?[\"'`]?([\w.-]*_[\w.-]*|[\w.-]+\d)[\"'`]?\s+(?:config|subset)\b",
    re.I,
)
PROJECT_RE = re.compile(r"\bproject\s*(?:#|id\s*)?([\w-]+)", re.I)
COLUMN_RE = re.compile(
    r"\b(text|label|id)\s+column\s+[\"']?([\w.-]+)|\bcolumn\s+[\"']?([\w.-]+)", re.I
)
LABELS_RE = re.compile(
    r"\bas\s+([\w.-]+)\s+(?:or|vs\.?|versus)\s+([\w.-]+)|\b([a-z][\w-]*\.[\w.-]+)\s+(?:vs\.?|versus)\s+([a-z][\w-]*\.[\w.-]+)",
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
    r"(text[- ]classification|sentiment(?:[- ]analysis)?|question[- ]answering|summari[sz]ation|"
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
    id_column: str | None = None
    labels: list[str] = field(default_factory=list)
    rows: int | None = None
    formats: list[str] = field(default_factory=list)
    gold: str | None = None
    model: str | None = None
    task: str | None = None


def extract_targets(goal: str) -> dict[str, float]:
    """Quality targets named in a goal: `{"auc": 0.9, "quality": 0.8, "per_chunk": 3}`."""
    targets: dict[str, float] = {}
    for match in METRIC_RE.finditer(goal):
        name = METRICS.get(match.group(1).lower().replace("-", " "), match.group(1).lower())
        targets[name] = _fraction(match.group(2), match.group(3))
    for match in TARGET_FIRST_RE.finditer(goal):
        name = METRICS.get(match.group(3).lower().replace("-", " "), match.group(3).lower())
        targets.setdefault(name, _fraction(match.group(1), match.group(2)))
    for match in PERCENT_FIRST_RE.finditer(goal):
        name = METRICS.get(match.group(3).lower().replace("-", " "), match.group(3).lower())
        targets.setdefault(name, _fraction(match.group(1), "%"))
    for match in NEAR_METRIC_RE.finditer(goal):
        metric = match.group(1) or match.group(6)
        number, percent = (match.group(2), match.group(3)) if match.group(1) else match.group(4, 5)
        name = METRICS.get(metric.lower().replace("-", " "), metric.lower())
        value = float(number)
        if percent or value <= 1 or 50 <= value <= 100:
            targets.setdefault(name, _fraction(number, percent))
    per_chunk = PER_CHUNK_RE.search(goal)
    if per_chunk:
        targets["per_chunk"] = float(per_chunk.group(1))
    return targets


_METRIC_WORD = (
    r"(roc[- ]?auc|auroc|auc|macro[- _]f1|f1[- _]macro|f1|accuracy|acc|precision|recall|coverage)"
)
_NUMBER = r"(\d*\.\d+|\d+(?:\.\d+)?)\s*(%|\s?percent)?"
NEAR_METRIC_RE = re.compile(
    # A target said loosely: 'accuracy objective of 0.96', '0.8 accuracy', 'auc .9'.
    rf"\b{_METRIC_WORD}(?:[^\w.%]+[a-z]+){{0,3}}[^\w.%]+{_NUMBER}(?!\w|\.\d)|"
    rf"(?<![\w.]){_NUMBER}(?:[^\w.%]+(?:macro|score|target|minimum|min))?[^\w.%]+{_METRIC_WORD}\b",
    re.I,
)


def _fraction(number: str, percent: str | None) -> float:
    value = float(number)
    if percent or value > 1.0:
        value = value / 100.0
    return round(min(value, 1.0), 6)


def extract_slots(text: str) -> Slots:
    """Pull datasets, files, sources, numbers and references out of one clause."""
    lower = text.lower()
    slots = Slots(text=text)
    for phrase, source in sorted(SOURCES.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(phrase)}\b", lower):
            slots.source = source
            break
    slots.files = FILE_RE.findall(text)
    slots.repos = [r for r in REPO_RE.findall(text) if not FILE_RE.fullmatch(r) and "/" in r]
    slots.repos = [r for r in slots.repos if r.lower() not in ("train/val", "val/test")]
    slots.quoted = QUOTED_RE.findall(text)
    for phrase, name in SKLEARN_NAMES.items():
        if re.search(rf"\b{re.escape(phrase)}\b", lower):
            slots.sklearn = name
            break
    for word, index in ORDINALS.items():
        if re.search(rf"\b(?:the\s+)?{word}\s+(?:one|dataset|result|item|model)\b", lower) or (
            word != "top" and re.search(rf"\bthe\s+{word}\b", lower)
        ):
            slots.ordinal = index
            break
    number = re.search(r"(?:#|number\s+|no\.\s*)(\d{1,3})\b", lower)
    if slots.ordinal is None and number:
        slots.ordinal = int(number.group(1)) - 1
    slots.pronoun = bool(re.search(r"\b(it|that|this|them|those|the dataset|that one)\b", lower))
    limit = LIMIT_RE.search(text)
    if limit:
        slots.limit = int(limit.group(1) or limit.group(2))
    revision = REVISION_RE.search(text)
    if revision and revision.group(1).lower() not in ("the", "main"):
        slots.revision = revision.group(1)
    elif revision:
        slots.revision = revision.group(1)
    config = CONFIG_RE.search(text)
    if config:
        slots.config = config.group(1) or config.group(2)
    project = PROJECT_RE.search(text)
    if project:
        slots.project = project.group(1)
    in_column = re.search(
        r"\b(?:hand[- ]?labels?|gold(?: labels?)?|labels?)\s+(?:are\s+)?in\s+(?:the\s+)?"
        r"[\"'`]?([\w.-]+)[\"'`]?\s+column\b",
        text,
        re.I,
    )
    if in_column:
        slots.label_column = in_column.group(1)
    the_column = re.search(r"\bthe\s+[\"'`]?([\w.-]+)[\"'`]?\s+column\b", text, re.I)
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


def split_clauses(goal: str) -> list[str]:
    """Split a goal into clauses at 'then', ';', sentence ends, and ', and <verb>' joins."""
    pattern = (
        rf"(?:,?\s*\band then\b|,?\s*\bthen\b|,?\s*\b(?:and )?after (?:that|this|it)\b|"
        rf",?\s*\bafterwards\b|;|\.\s+|,?\s+\band\s+(?=(?:{VERBS})\b)"
        rf"|,\s*(?=(?:{VERBS})\b))"
    )
    parts = [
        p.strip(" ,.") for p in re.split(pattern, re.sub(r"([?!])\s+", r"\1. ", goal), flags=re.I)
    ]
    merged: list[str] = []
    for part in (p for p in parts if p):
        # "train wine_train.csv, label cultivar, test wine_test.csv": fragments that only
        # give a parameter belong to the clause before them.
        if merged and (
            (PARAMETER_RE.match(part) and len(part.split()) <= 5)
            or (re.match(r"^predict\w*\s+[\w-]+$", part, re.I) and not FILE_RE.search(part))
        ):
            merged[-1] = f"{merged[-1]}, {part}"
        else:
            merged.append(part)
    return merged


PARAMETER_RE = re.compile(
    r"^(?:label(?:ed)?|target|test(?:ed)?|name(?:d)?|call(?:ed)?|column|id|y|with|using|file|"
    r"(?:the\s+)?(?:file|data|dataset|table)\s+is|data|dataset|table|"
    r"evaluate(?:d)? on|score(?:d)? on|write|save|sample|show|output)\b(?!\s+(?:the|all|every|"
    r"each|these|those|my|it|them|rows?|remaining|rest)\b)",
    re.I,
)


def _query_terms(slots: Slots) -> str:
    if slots.quoted:
        return slots.quoted[0]
    text = slots.text.lower()
    text = re.sub(r"\b(on|from|in)\s+(hugging\s*face|kaggle|the hub|hf)\b", " ", text)
    match = re.search(
        r"\b(?:search(?:\s+for)?|find|look(?:ing)?\s+for|about|for|datasets? (?:on|about|for))\s+(.+)",
        text,
    )
    body = match.group(1) if match else text
    body = re.sub(r"\b(top|first)\s+\d+\b|\b\d+\s+(datasets|results)\b", " ", body)
    words = [w for w in re.findall(r"[\w.-]+", body) if w not in STOP_WORDS]
    return " ".join(words[:6])


@dataclass
class _Planning:
    memory: dict[str, Any]
    steps: list[PlanStep] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    question: str | None = None
    answer: str | None = None
    context_files: list[str] = field(default_factory=list)
    goal: str = ""

    def last_step(self, *tools: str) -> int | None:
        for index in range(len(self.steps) - 1, -1, -1):
            if not tools or self.steps[index].tool in tools:
                return index
        return None

    def add(self, tool: str, args: dict[str, Any], why: str) -> None:
        self.steps.append(PlanStep(tool=tool, args=args, why=why))


# --- what a clause refers to ---------------------------------------------------------------


def _from_listing(p: _Planning, slots: Slots) -> dict[str, Any] | None:
    """The listing item a clause points at ('the second one'), from this plan or the thread."""
    index = slots.ordinal
    producer = p.last_step("search_datasets", "trending_datasets", "list_local_datasets")
    if producer is not None and (index is not None or slots.pronoun):
        i = index if index is not None else 0
        return {"id": f"${{steps.{producer}.results.{i}.id}}", "source": None, "ref": True}
    listing = p.memory.get("listing") or []
    if index is not None:
        if not listing:
            p.question = (
                "Which dataset do you mean? There is no earlier listing on this thread; "
                "search first (e.g. 'find sentiment datasets on hugging face')."
            )
            return None
        if not -len(listing) <= index < len(listing):
            p.question = f"The last listing has {len(listing)} items; which one do you mean (1-{len(listing)})?"
            return None
        return dict(listing[index])
    return None


def _dataset_ref(p: _Planning, slots: Slots, *, prefer_files: bool = True) -> str | None:
    """The dataset a clause is about: explicit name, earlier step, or the thread's last one."""
    if prefer_files and slots.files:
        return slots.files[0]
    if slots.sklearn:
        return slots.sklearn
    if slots.repos:
        return slots.repos[0]
    if slots.quoted:
        return slots.quoted[0]
    item = _from_listing(p, slots)
    if item is not None:
        return item["id"]
    producer = p.last_step("download_dataset")
    if producer is not None:
        return f"${{steps.{producer}.dataset.id}}"
    if p.context_files:
        return p.context_files[-1]
    named = _named_file(p, slots)
    if named or p.question:
        return named
    if p.memory.get("dataset"):
        return p.memory["dataset"]
    listing = p.memory.get("listing") or []
    if listing and slots.pronoun:
        return listing[0]["id"]
    return None


TEST_FILE_RE = (
    r"\b(?:test|tested|validate|check|measure|hold[- ]?out|held[- ]?out)\w*\b[^.;]{0,40}?"
)
TEST_NEAR_RE = (
    r"\b(?:test|tested|testing|check|validate|held[- ]?out|hold[- ]?out)\w*\s+(?:it\s+|the model\s+|"
    r"once\s+|them\s+)*(?:on|with|against|using|in)\s+(?:the\s+)?(?:held[- ]?out\s+)?(?:file\s+)?"
)
OUT_FILE_RE = (
    r"(?:\b(?:save|saved|saving|write|writes|written|writing|export|exported|dump|dumped|output|"
    r"outputs|put|store|stored|send)\b[^.;]{0,40}?\b(?:to|into|as|in|at|under)|"
    r"\b(?:convert|converted|scores?|predictions?|preds|results?|labels|rows|records|copy|"
    r"version)\b[^.;]{0,40}?(?<!similar )(?<!compared )(?<!close )(?<!identical )\b(?:to|into|as)|"
    r"\b(?:with|under|using) the (?:file ?)?name|\bnamed|\bcalled)"
    r"\s+(?:an?\s+|the\s+)?(?:file\s+)?[\"'`]?"
)


def role_files(text: str, files: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Split a clause's files into (data, test, output) by the words before each."""
    data, test, out = [], [], []
    for name in files:
        escaped = re.escape(name)
        if re.search(OUT_FILE_RE + escaped, text, re.I) or re.search(
            rf"{escaped}\s+is\s+(?:a\s+)?(?:fine|good|ok|okay)\s+name|\bname(?:d)?\s+(?:it\s+)?{escaped}",
            text,
            re.I,
        ):
            out.append(name)
        elif re.search(TEST_NEAR_RE + escaped, text, re.I) or (
            re.search(TEST_FILE_RE + escaped, text, re.I) and name != files[0]
        ):
            test.append(name)
        else:
            data.append(name)
    return data, test, out


def _data_path(p: _Planning, slots: Slots) -> str | None:
    """The table a data step reads: a file named here, the last labeled output, or a dataset."""
    if slots.files:
        data, _, _ = role_files(slots.text, slots.files)
        slots = Slots(**{**slots.__dict__, "files": data})
    if slots.gold and slots.files == [slots.gold]:
        slots.gold = None
    data_files = [f for f in slots.files if f != slots.gold]
    if data_files:
        return data_files[0]
    producer = p.last_step("label_dataset")
    if producer is not None:
        return f"${{steps.{producer}.labeled_path}}"
    if slots.sklearn:
        return slots.sklearn
    producer = p.last_step("download_dataset")
    if producer is not None:
        return f"${{steps.{producer}.dataset.id}}"
    found = p.last_step("search_datasets", "trending_datasets")
    if found is not None:
        # "find a dataset, label it": fetch the top result first, then work on the download.
        p.add(
            "download_dataset",
            {
                "source": f"${{steps.{found}.results.0.source}}",
                "dataset_id": f"${{steps.{found}.results.0.id}}",
            },
            why="download the top search result to work on it",
        )
        return f"${{steps.{len(p.steps) - 1}.dataset.id}}"
    if p.context_files:
        return p.context_files[-1]
    named = _named_file(p, slots)
    if named or p.question:
        return named
    return p.memory.get("labeled") or p.memory.get("dataset")


def _named_file(p: _Planning, slots: Slots) -> str | None:
    """'the transactions one', 'the other reviews file': a workspace table named by a word."""
    match = re.search(
        r"\bthe\s+(other\s+)?([a-z][\w-]*)\s+(?:one|file|csv|table|data|dataset|spreadsheet)\b",
        slots.text,
        re.I,
    )
    if not match or match.group(2).lower() in ("same", "new", "first", "second", "last", "labeled"):
        return None
    from agents.grounding import workspace_match

    found = workspace_match(match.group(2))
    if match.group(1):
        found = [f for f in found if f != p.memory.get("dataset")]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        p.question = f"Which {match.group(2)} file do you mean: {', '.join(found[:6])}?"
    return None


def _model_ref(p: _Planning, slots: Slots, *tools: str) -> str | None:
    if slots.model:
        return slots.model
    folder = "generators/" if "train_generator" in tools else "models/"
    named = [r for r in slots.repos if r.startswith(folder)]
    if named:
        return named[0]
    named = re.search(r"\bthe\s+([\w-]+)\s+(?:model|classifier)\b", slots.text, re.I)
    if named and "train_generator" not in tools:
        word = named.group(1).lower()
        for model in reversed(p.memory.get("models") or []):
            if (
                word in str(model.get("dataset", "")).lower()
                or word in str(model.get("path")).lower()
            ):
                return str(model["path"])
    producer = p.last_step(*(tools or ("train_model",)))
    if producer is not None:
        return f"${{steps.{producer}.model_path}}"
    return p.memory.get("generator" if "train_generator" in tools else "model")


# --- argument builders: one per tool (the tool's owner keeps these in step with its input) ---


def _args_search_datasets(p: _Planning, s: Slots) -> dict[str, Any] | None:
    sort = re.search(
        r"\b(?:sort(?:ed)?|order(?:ed)?|rank(?:ed)?)\s+by\s+(downloads|likes|votes|trending|recent|updated|date)",
        s.text,
        re.I,
    )
    text = re.sub(
        r"\b(?:sort(?:ed)?|order(?:ed)?|rank(?:ed)?)\s+by\s+\w+|\b\d+\s+results?\b|\b(?:a few|some) options\b",
        " ",
        s.text,
        flags=re.I,
    )
    query = _query_terms(Slots(**{**s.__dict__, "text": text}))
    args: dict[str, Any] = {"query": query, "source": s.source or "all"}
    if sort:
        args["sort"] = sort.group(1).lower()
    if s.limit:
        args["limit"] = s.limit
    return args


def _args_trending_datasets(p: _Planning, s: Slots) -> dict[str, Any] | None:
    args: dict[str, Any] = {"source": s.source or "all"}
    if s.limit:
        args["limit"] = s.limit
    return args


def _args_dataset_configs(p: _Planning, s: Slots) -> dict[str, Any] | None:
    ref = _dataset_ref(p, s, prefer_files=False)
    if ref is None:
        p.question = (
            "Which Hugging Face dataset's configs? Name it, e.g. 'configs of nyu-mll/glue'."
        )
        return None
    return {"dataset_id": ref}


def _args_suggest_datasets(p: _Planning, s: Slots) -> dict[str, Any] | None:
    query = s.quoted[0] if s.quoted else re.sub(r".*\b(?:for|to|with)\s+", "", s.text).strip()
    args: dict[str, Any] = {"query": query, "source": s.source or "all"}
    if s.limit:
        args["limit"] = s.limit
    return args


def _args_download_dataset(p: _Planning, s: Slots) -> dict[str, Any] | None:
    item = _from_listing(p, s)
    if p.question:
        return None
    if item is not None:
        dataset_id, source = item["id"], item.get("source")
        if item.get("ref"):
            index = dataset_id.rsplit(".", 2)[-2]
            producer = dataset_id.split(".")[1]
            source = f"${{steps.{producer}.results.{index}.source}}"
    elif s.repos:
        dataset_id, source = s.repos[0], s.source
    elif s.quoted:
        dataset_id, source = s.quoted[0], s.source
    else:
        words = re.sub(
            r"\b(download|fetch|grab|pull|get|the|dataset|from|on|at|revision|rev|config|subset|"
            r"hugging\s*face|huggingface|kaggle|hf|and|it|please)\b",
            " ",
            s.text,
            flags=re.I,
        )
        if s.revision:
            words = words.replace(s.revision, " ")
        tokens = [t for t in re.findall(r"[\w.-]+", words) if not t.isdigit()]
        if not tokens:
            p.question = "Which dataset should I download? Name it, or search first."
            return None
        dataset_id, source = tokens[0], s.source
        if len(tokens) > 1 and s.config is None:
            s.config = tokens[1]
    args: dict[str, Any] = {"source": source or "huggingface", "dataset_id": dataset_id}
    if s.config:
        args["config"] = s.config
    if s.revision:
        args["revision"] = s.revision
    return args


def _args_preview_rows(p: _Planning, s: Slots) -> dict[str, Any] | None:
    ref = _dataset_ref(p, s)
    if ref is None:
        p.question = "Preview which table? Name a file."
        return None
    args: dict[str, Any] = {"dataset": ref}
    span = re.search(r"\brows?\s+(\d+)\s*(?:to|-|through|until)\s*(\d+)", s.text, re.I)
    count = re.search(
        rf"\b(?:first|top)\s+{NUM}\b|\b{NUM}\s+(?:rows|lines|records)\b|\b{NUM}\s+(?:is|are|will be) enough\b",
        p.goal or s.text,
        re.I,
    )
    if span:
        start, end = int(span.group(1)), int(span.group(2))
        args["offset"], args["limit"] = start, max(1, min(200, end - start))
    elif count:
        number = _number(next(g for g in count.groups() if g))
        if number:
            args["limit"] = min(200, number)
    return args


def _args_list_local_datasets(p: _Planning, s: Slots) -> dict[str, Any] | None:
    return {}


def _args_inspect_dataset(p: _Planning, s: Slots) -> dict[str, Any] | None:
    ref = _dataset_ref(p, s)
    if ref is None:
        p.question = "Which dataset should I inspect? Name a bundled set, a file or a download."
        return None
    args: dict[str, Any] = {"dataset": ref}
    if s.label_column:
        args["label_column"] = s.label_column
    return args


def _args_model_leaderboard(p: _Planning, s: Slots) -> dict[str, Any] | None:
    args: dict[str, Any] = {"task": s.task or "text-classification"}
    on = re.search(
        r"\b(?:on|for)\s+(?:the\s+)?([\w./-]+?)(?:\s+(?:dataset|benchmark))?\s*\??$",
        s.text.strip(),
        re.I,
    )
    if s.repos:
        args["dataset"] = s.repos[0]
    elif on and on.group(1).lower() not in (s.task or "", "text-classification", "sentiment", "me"):
        args["dataset"] = on.group(1)
    if s.limit:
        args["limit"] = s.limit
    return args


def _labeling_common(p: _Planning, s: Slots) -> dict[str, Any] | None:
    data = _data_path(p, s)
    if data is None:
        p.question = "Which data should I label? Name a file in the workspace (e.g. tweets.csv)."
        return None
    args: dict[str, Any] = {"data_path": data}
    if s.gold and s.gold != data:
        args["gold_path"] = s.gold
    if s.labels:
        args["labels"] = s.labels
    for key in ("text_column", "label_column", "id_column"):
        if getattr(s, key):
            args[key] = getattr(s, key)
    return args


def _args_label_dataset(p: _Planning, s: Slots) -> dict[str, Any] | None:
    args = _labeling_common(p, s)
    if args is None:
        return None
    targets = extract_targets(s.text)
    metric = next((m for m in ("auc", "f1", "accuracy") if m in targets), None)
    if metric:
        args["target_metric"] = "f1_macro" if metric == "f1" else metric
        args["target_value"] = targets[metric]
    options = loop_options(s.text)
    if "max_attempts" in options:
        args["max_attempts"] = options["max_attempts"]
    folder = re.search(
        r"\b(?:put|save|write|store)\s+(?:the\s+)?(?:output|results?|artifacts?|files?)\s+"
        r"(?:in|into|to|under)\s+[\"'`]?([\w./-]+?)[\"'`]?(?:[,.;]|\s|$)",
        s.text,
        re.I,
    )
    if folder:
        args["output_dir"] = folder.group(1).rstrip("/")
    return args


def _args_write_labeling_functions(p: _Planning, s: Slots) -> dict[str, Any] | None:
    args = _labeling_common(p, s)
    if args is None:
        return None
    _, _, out = role_files(s.text, s.files)
    if out:
        args["output_path"] = out[-1]
    return args


def _args_apply_labeling_functions(p: _Planning, s: Slots) -> dict[str, Any] | None:
    args = _labeling_common(p, s)
    if args is None:
        return None
    if s.files:
        args["data_path"] = s.files[-1]
    producer = p.last_step("write_labeling_functions")
    lfs = f"${{steps.{producer}.labeling_functions}}" if producer is not None else None
    lfs = lfs or _stated_lfs(p, s) or p.memory.get("labeling_functions")
    if lfs is None:
        p.question = "Which labeling functions should I apply? Write them first, or give them."
        return None
    args["labeling_functions"] = lfs
    args.pop("gold_path", None)
    args.pop("labels", None)
    return args


def _stated_lfs(p: _Planning, s: Slots) -> list[dict[str, Any]]:
    """Keyword rules the goal states in words, as LFs on the named table's text column."""
    from agents.grounding import _table
    from agents.rules import parse_rules, to_lfs

    rules = parse_rules(p.goal)
    data = next((f for f in s.files if not f.lower().endswith(DOC_FILES)), None)
    profile = _table(data) if rules and data else None
    if profile is None:
        return []
    texts = [c["name"] for c in profile["columns"] if c["text_like"]]
    return to_lfs(rules, profile["names"], texts[0] if texts else None)


def _args_vote_labels(p: _Planning, s: Slots) -> dict[str, Any] | None:
    from agents.grounding import _table

    lfs = _stated_lfs(p, s)
    if not lfs:
        p.question = "Which rules should vote? e.g. \"'refund' → billing, 'password' → account\"."
        return None
    data, _, _ = role_files(p.goal, s.files)
    outs = role_files(p.goal, FILE_RE.findall(p.goal))[2]
    if not data:
        return None
    out = outs[0] if outs else re.sub(r"(\.\w+)$", r"_votes\1", data[0])
    args: dict[str, Any] = {"data_path": data[0], "output_path": out, "labeling_functions": lfs}
    profile = _table(data[0])
    ids = [c["name"] for c in (profile or {}).get("columns", []) if c["id_like"]]
    if ids:
        args["id_column"] = ids[0]
    return args


def _args_labeling_workbench(p: _Planning, s: Slots) -> dict[str, Any] | None:
    producer = p.last_step("label_dataset")
    if producer is not None:
        return {"labeling_dir": f"${{steps.{producer}.labeled_path}}"}
    folder = _labeling_dir(p)
    if folder is not None:
        return {"labeling_dir": folder}
    p.question = "Open the workbench on which labeling run? Label a table first."
    return None


def _labeling_dir(p: _Planning) -> str | None:
    producer = p.last_step("label_dataset")
    if producer is not None:
        return f"${{steps.{producer}.labeled_path}}"
    labeled = p.memory.get("labeled")
    if isinstance(labeled, str) and labeled.endswith("labeled.parquet"):
        return re.sub(r"(?:/workbench)?/labeled\.parquet$", "", labeled)
    return None


def _args_workbench_rows(p: _Planning, s: Slots) -> dict[str, Any] | None:
    folder = _labeling_dir(p)
    if folder is None:
        return None
    args: dict[str, Any] = {"labeling_dir": folder}
    label = re.search(
        r"\b(?:labell?ed|voted|marked|tagged|predicted)\s+(?:as\s+)?[\"'`]?([\w<>=.-]+)|"
        r"\b(?:label|class)\s+(?:is\s+|=\s*)?[\"'`]([\w<>=.-]+)|\blabel\s+(?:is|=)\s*([\w<>=.-]+)",
        _without_names(s.text),
        re.I,
    )
    value = label and next(g for g in label.groups() if g)
    if value and value.lower() not in ("the", "a", "by", "from", "with", "as", "came", "by"):
        args["label"] = value
    for source, words in (
        ("end_model", r"end[- ]model"),
        ("label_model", r"label[- ]model"),
        ("majority_vote", r"majority"),
        ("hand", r"hand[- ]?label"),
    ):
        if re.search(words, s.text, re.I):
            args["source"] = source
            break
    return args


CORRECTION_RE = re.compile(
    r"\b(?:row|post|id|item|record|ticket|visit|review)?\s*#?([\w-]*\d[\w-]*)\s+(?:is|should be|"
    r"=|→|->)\s+(?:actually\s+|really\s+|clearly\s+|obviously\s+|definitely\s+)*"
    r"(?:a\s+|an\s+)?[\"'`]?([\w<>=.-]+)",
    re.I,
)


def _args_correct_labels(p: _Planning, s: Slots) -> dict[str, Any] | None:
    folder = _labeling_dir(p)
    fixes = [
        {"id": int(i) if i.isdigit() else i, "label": label}
        for i, label in CORRECTION_RE.findall(s.text)
    ]
    if folder is None or not fixes:
        return None
    return {"labeling_dir": folder, "corrections": fixes}


def _args_export_labeled_data(p: _Planning, s: Slots) -> dict[str, Any] | None:
    folder = _labeling_dir(p)
    if folder is None:
        return None
    args: dict[str, Any] = {"labeling_dir": folder}
    fmt = re.search(r"\b(csv|parquet)\b", s.text, re.I)
    if fmt:
        args["format"] = fmt.group(1).lower()
    out = [f for f in s.files if f.lower().endswith((".csv", ".parquet"))]
    if out:
        args["output_path"] = out[-1]
    return args


def _args_train_model(p: _Planning, s: Slots) -> dict[str, Any] | None:
    data = _data_path(p, s)
    if data is None:
        p.question = "Which data should I train on? Name a file or a bundled dataset."
        return None
    args: dict[str, Any] = {"dataset": data}
    if p.last_step("label_dataset") is not None or (data == p.memory.get("labeled")):
        args["soft_labels"] = True
    if s.label_column:
        args["label_column"] = s.label_column
    if s.text_column:
        args["text_columns"] = [s.text_column]
    targets = extract_targets(s.text)
    metric = next((m for m in TRAIN_METRICS if m in targets), None)
    if metric:
        args["target_metric"] = metric
        args["target_value"] = targets[metric]
    kind = model_kind(s.text)
    if kind:
        args["model"] = kind
    name = output_name(s.text)
    if name:
        args["name"] = name
    _, tests, _ = role_files(s.text, s.files)
    tests = [f for f in tests if f != data]
    if tests:
        args["test_dataset"] = tests[0]
    if "target_metric" not in args:
        named = re.search(
            r"\b(roc[- ]?auc|auc|macro[- ]?f1|f1|accuracy|precision|recall|log[- ]?loss)\b",
            s.text,
            re.I,
        )
        if named:
            word = named.group(1).lower().replace("-", " ")
            args["target_metric"] = (
                "auc"
                if "auc" in word
                else "f1"
                if "f1" in word
                else "log_loss"
                if "log" in word
                else word
            )
            value = re.search(
                rf"{re.escape(named.group(1))}\s*(?:of|>=|≥|=|:|at least|to)?\s*(\d+(?:\.\d+)?)\s*(%?)",
                s.text,
                re.I,
            )
            if value:
                args["target_value"] = _fraction(value.group(1), value.group(2))
    args.update(loop_options(s.text))
    if re.search(r"\bclass[- ]weights?\s+balanced|\bbalanced class", s.text, re.I):
        args["class_weights"] = "balanced"
    return args


NUM = r"(\d+|" + "|".join(WORD_NUMBERS) + r")"


def _number(text: str) -> int:
    text = text.lower().strip()
    return int(text) if text.isdigit() else WORD_NUMBERS.get(text, 0)


def loop_options(text: str) -> dict[str, Any]:
    """Loop bounds and output names a person states: 'up to 5 attempts', 'name it x'."""
    out: dict[str, Any] = {}
    attempts = re.search(
        rf"\b(?:at most|up to|max(?:imum)?(?: of)?|no more than|only|give it(?: up to)?)?\s*{NUM}\s+"
        r"(?:attempts?|tries|rounds?|iterations?|runs?)\b",
        text,
        re.I,
    ) or re.search(rf"\b(?:attempts?|tries|rounds?)\s*(?:=|:|of|max)?\s*{NUM}\b", text, re.I)
    if attempts and _number(attempts.group(1)) > 0:
        out["max_attempts"] = _number(attempts.group(1))
    elif re.search(r"\bone[- ]shot\b|\bno tuning\b|\bsingle attempt\b", text, re.I):
        out["max_attempts"] = 1
    name = output_name(text)
    if name:
        out["name"] = name
    return out


MODEL_KINDS = (
    (r"\b(mlp|multi-?layer perceptron|neural net\w*|deep (?:learning|model|net\w*)|nn)\b", "mlp"),
    (r"\b(logistic(?: regression)?|logreg|linear classifier|linear model|lr model)\b", "logistic"),
)
OUTPUT_NAME_RE = re.compile(
    r"\b(?:call(?:ed)?(?: it| the model| the dataset| the set)?|name (?:must|should|will|shall|has "
    r"to) be|name(?:d)?(?: it| the model| the dataset)?(?: is| =|:)?|with (?:the )?name|under the "
    r"name|save (?:it|the model) as|as model)\s+"
    r"[\"'`]?(?!it\b|the\b|a\b|must\b|should\b|is\b|will\b|be\b|to\b)([\w-]+(?:\.[\w-]+)*)",
    re.I,
)


def model_kind(text: str) -> str | None:
    """The model kind a goal names ('an MLP' → mlp, 'logistic regression' → logistic); a kind
    it rules out ('not an mlp', 'instead of the MLP') does not count.
    """
    text = re.sub(
        r"\b(?:not|no|instead of|rather than|without)\s+(?:an?\s+|the\s+)?[\w-]+(?:\s+regression)?",
        " ",
        text,
        flags=re.I,
    )
    for pattern, kind in MODEL_KINDS:
        if re.search(pattern, text, re.I):
            return kind
    return None


def output_name(text: str) -> str | None:
    """An output name the person gave ('call it wine_v2')."""
    match = OUTPUT_NAME_RE.search(text)
    return match.group(1).strip(".") if match else None


def _args_save_table(p: _Planning, s: Slots) -> dict[str, Any] | None:
    lower = s.text.lower()
    formats = [f.lower() for f in FORMAT_RE.findall(_without_names(s.text))]
    fmt = formats[0] if formats else None
    if fmt is None and re.search(r"\b(spreadsheet|excel)\b", lower):
        fmt = "csv"
    if fmt is None and "json lines" in lower:
        fmt = "jsonl"
    source = path = None
    if len(s.files) >= 2:
        source, path = s.files[0], s.files[-1]
    elif s.files:
        if (
            re.search(rf"\b(?:to|as|into|in)\s+[\"'`]?{re.escape(s.files[0])}", s.text, re.I)
            or role_files(s.text, s.files)[2]
        ):
            path = s.files[0]
        else:
            source = s.files[0]
    if source is None:
        producer = p.last_step("label_dataset")
        if producer is not None:
            source = f"${{steps.{producer}.labeled_path}}"
    if source is None:
        labeled, dataset = p.memory.get("labeled"), p.memory.get("dataset")
        last = p.memory.get("last_table")
        if labeled and "label" in lower:
            source = labeled
        else:
            source = last or dataset or labeled
    if source is None:
        p.question = "Save which table? Name a file, or label something first."
        return None
    args: dict[str, Any] = {"dataset": source}
    if path:
        suffix = path.rsplit(".", 1)[-1].lower()
        fmt = fmt or (suffix if suffix in ("csv", "jsonl", "parquet") else None)
    fmt = fmt or "csv"
    if not path:
        # No name given: beside the source, under the format's suffix (x.csv → x.jsonl).
        base = source if "${" not in source else "saved/table"
        stem = re.sub(r"\.(csv|tsv|parquet|jsonl|json)(\.gz)?$", "", base.rsplit(":", 1)[-1])
        path = f"{stem}.{fmt}" if f"{stem}.{fmt}" != base else f"{stem}_copy.{fmt}"
    args["path"] = path
    args["format"] = fmt
    return args


def _args_evaluate_model(p: _Planning, s: Slots) -> dict[str, Any] | None:
    model = _model_ref(p, s, "train_model")
    if model is None:
        p.question = "Which model should I evaluate? Train one first, or name its folder."
        return None
    args: dict[str, Any] = {"model": model}
    models = p.memory.get("models") or []
    if re.search(r"\bcompare\b|\bversus\b|\bvs\.?\b", s.text, re.I) and len(models) >= 2:
        args["model"], args["compare_model"] = models[-1]["path"], models[-2]["path"]
    trainer = p.last_step("train_model")
    train_args = p.steps[trainer].args if trainer is not None else {}
    # The training file itself is never the evaluation set: without another file the model's
    # validation split is used (dataset unset) rather than rows it trained on.
    if s.files and s.files[-1] != train_args.get("dataset"):
        args["dataset"] = s.files[-1]
    # "... and evaluate it on test.csv, target F1 0.85": the target belongs to the training loop.
    targets = extract_targets(s.text)
    metric = next((m for m in ("auc", "f1", "accuracy") if m in targets), None)
    if metric and trainer is not None and "target_value" not in train_args:
        train_args["target_metric"] = metric
        train_args["target_value"] = targets[metric]
    if s.label_column:
        args["label_column"] = s.label_column
    return args


def _args_predict(p: _Planning, s: Slots) -> dict[str, Any] | None:
    model = _model_ref(p, s, "train_model")
    data_files, test_files, out = role_files(s.text, s.files)
    trained = p.last_step("train_model")
    if trained is not None:
        # "train on a.csv and predict b.csv": the training file is not what to predict.
        used = p.steps[trained].args.get("dataset")
        others = [f for f in [*data_files, *test_files] if f != used]
        # ... unless it is the only file this clause names ('score every row of a.csv').
        data_files = others or [f for f in data_files if f == used]
    data = data_files[0] if data_files else (test_files[0] if test_files else None)
    if model is None or data is None:
        p.question = (
            "Predict with which model, on which file? e.g. 'predict new.csv with model models/m1'."
        )
        return None
    args: dict[str, Any] = {"model": model, "dataset": data}
    if out:
        args["output"] = out[-1]
    return args


def _args_train_generator(p: _Planning, s: Slots) -> dict[str, Any] | None:
    data = _data_path(p, s)
    if data is None:
        p.question = "Which labeled table should the generator learn from?"
        return None
    args: dict[str, Any] = {"dataset": data}
    if s.label_column:
        args["label_column"] = s.label_column
    latent = re.search(r"\blatent(?:[_ ]dim(?:ension)?)?\s*(?:=|:|of)?\s*(\d+)", s.text, re.I)
    if latent:
        args["latent_dim"] = int(latent.group(1))
    epochs = re.search(r"\b(\d+)\s+epochs?\b|\bepochs?\s*(?:=|:)?\s*(\d+)", s.text, re.I)
    if epochs:
        args["epochs"] = int(epochs.group(1) or epochs.group(2))
    return args


def _args_generate_synthetic(p: _Planning, s: Slots) -> dict[str, Any] | None:
    model = _model_ref(p, s, "train_generator")
    if model is None and (s.files or s.sklearn):
        train_args = _args_train_generator(p, s)
        if train_args is not None:
            p.add("train_generator", train_args, why="a generator is needed first")
            model = f"${{steps.{len(p.steps) - 1}.model_path}}"
    if model is None:
        p.question = "Generate from which generator? Train one first ('train a generator on ...')."
        return None
    count = s.rows or _synthetic_count(s.text)
    args: dict[str, Any] = {"model": model, "n": count or 100}
    _, _, out = role_files(s.text, s.files)
    if out:
        args["output"] = out[-1]
    if s.labels:
        args["label"] = s.labels[0]
    else:
        match = re.search(r"\b(?:class|label)\s+[\"']?([\w.-]+)", s.text, re.I)
        if match:
            args["label"] = match.group(1)
    return args


def _args_detect_anomalies(p: _Planning, s: Slots) -> dict[str, Any] | None:
    data = _data_path(p, s)
    if data is None:
        p.question = "Score which table for anomalies?"
        return None
    args: dict[str, Any] = {"dataset": data}
    model = _model_ref(p, s, "train_generator")
    if model:
        args["model"] = model
    top = re.search(
        r"\btop[- ]?(?:k\s*=?\s*)?(\d+)\b|\b(\d+)\s+(?:most|worst|strangest|weirdest)", s.text, re.I
    )
    if top:
        args["top_k"] = int(top.group(1) or top.group(2))
    detectors = [
        name
        for name, pattern in (
            ("isolation_forest", r"isolation[ _-]?forest|iforest"),
            ("local_outlier_factor", r"local[ _-]?outlier[ _-]?factor|\blof\b"),
            ("cvae", r"\bc?vae\b|autoencoder"),
        )
        if re.search(pattern, s.text, re.I)
    ]
    if detectors:
        args["detectors"] = detectors
    _, _, out = role_files(s.text, s.files)
    if out:
        args["output"] = out[-1]
    return args


def _synthetic_count(text: str) -> int | None:
    match = re.search(
        r"\b(\d{1,7})\s+(?:extra\s+|more\s+|new\s+|fake\s+|synthetic\s+)*(?:[\w-]+\s+)?"
        r"(?:rows|samples|records|examples|customers|people|items|points|entries)\b"
        r"|\b(\d{1,7})\s+synthetic\b|\bsample\s+(\d{1,7})\b",
        text,
        re.I,
    )
    if match:
        return int(next(g for g in match.groups() if g))
    return None


DOC_FILES = (".md", ".txt", ".pdf", ".html", ".htm", ".rst", ".docx")


def _args_chunk_documents(p: _Planning, s: Slots) -> dict[str, Any] | None:
    args: dict[str, Any] = {}
    if s.project:
        args["project_id"] = s.project
    elif s.files or any(f.lower().endswith(DOC_FILES) for f in p.context_files):
        args["paths"] = s.files or [f for f in p.context_files if f.lower().endswith(DOC_FILES)]
    elif p.memory.get("project"):
        args["project_id"] = p.memory["project"]
    else:
        p.question = "Which documents? Name a project ('project 3') or files in the workspace."
        return None
    text = p.goal or s.text
    lower = text.lower()
    for strategy, pattern in (
        ("markdown", r"\bmarkdown|\bheadings?\b|\bheaders?\b|\bsections?\b"),
        ("paragraph", r"\bparagraphs?\b"),
        ("fixed", r"\bfixed\b|\bwindows?\b"),
    ):
        if re.search(pattern, lower):
            args["strategy"] = strategy
            break
    size = re.search(
        r"\b(\d+)\s*(characters?|chars?|tokens?)\b(?!\s+(?:of\s+)?overlap)", text, re.I
    )
    if size:
        args["chunk_size"] = int(size.group(1))
        args["unit"] = "tokens" if size.group(2).lower().startswith("token") else "chars"
    overlap = re.search(
        r"\b(\d+)\s*(?:characters?|chars?|tokens?)?\s+(?:of\s+)?overlap|overlap\s+(?:of\s+)?(\d+)",
        text,
        re.I,
    )
    if overlap:
        args["chunk_overlap"] = int(overlap.group(1) or overlap.group(2))
    return args


def _args_generate_qa(p: _Planning, s: Slots) -> dict[str, Any] | None:
    producer = p.last_step("chunk_documents")
    args: dict[str, Any] = {}
    if producer is not None:
        args["chunk_set_id"] = f"${{steps.{producer}.chunk_set_id}}"
    elif p.memory.get("chunk_set") and not s.project:
        args["chunk_set_id"] = p.memory["chunk_set"]
    elif s.project or p.memory.get("project"):
        args["project_id"] = s.project or p.memory["project"]
    else:
        p.question = "Generate QA pairs from which documents? Name a project or files."
        return None
    text = p.goal or s.text
    args.update(qa_options(text))
    return args


STYLE_WORDS = {
    "answer_style": r"\b(concise|short|brief|detailed|comprehensive|long|step[- ]by[- ]step|"
    r"one[- ]sentence)\s+answers?",
    "question_style": r"\b(analytical|factual|conceptual|open[- ]ended|multiple[- ]choice|"
    r"yes/no|tricky|simple|practical|case[- ]based|scenario)\s+(?:questions?|qa|q&a|pairs|style)",
    "complexity_level": r"\b(beginner|basic|intermediate|advanced|expert)(?:[- ]level)?\b",
}


STYLE_CANON = {
    "short": "concise",
    "brief": "concise",
    "one_sentence": "concise",
    "detailed": "comprehensive",
    "long": "comprehensive",
    "scenario": "case_based",
    "case": "case_based",
}


def qa_options(text: str) -> dict[str, Any]:
    """QA generation settings a person states: per chunk, quality, mode, styles, a name."""
    out: dict[str, Any] = {}
    per = re.search(
        rf"\b{NUM}\s+(?:\w+\s+)?(?:questions?|qa pairs?|q&a pairs?|pairs?|entries|examples|items)?"
        r"\s*(?:per|for each|each|a|every)\s+(?:chunk|section|paragraph)",
        text,
        re.I,
    )
    if per and _number(per.group(1)):
        out["datasets_per_chunk"] = _number(per.group(1))
    quality = re.search(
        r"\b(?:quality|judge|score|threshold)\b[^.;\d]{0,30}?(0?\.\d+|\d{2}\s*%)", text, re.I
    ) or re.search(
        r"\b(?:regenerate|redo|rewrite)\b[^.;]{0,40}?(?:under|below)\s+(0?\.\d+)", text, re.I
    )
    if quality:
        value = quality.group(1).replace(" ", "")
        out["quality_threshold"] = _fraction(value.rstrip("%"), "%" if value.endswith("%") else "")
    lower = text.lower()
    if re.search(r"\bsummar(?:y|ies|i[sz]e|i[sz]ation)\b", lower):
        out["generation_mode"] = "summarization"
    elif re.search(r"\binstruction", lower):
        out["generation_mode"] = "instruction"
    elif re.search(
        r"\bonly questions\b|\bno answers\b|\bquestions only\b|\bjust (?:the )?questions\b", lower
    ):
        out["generation_mode"] = "question"
    for key, pattern in STYLE_WORDS.items():
        match = re.search(pattern, text, re.I)
        if match:
            word = re.sub(r"[- ]", "_", match.group(1).lower())
            out[key] = STYLE_CANON.get(word, word)
    name = output_name(text)
    if name:
        out["dataset_name"] = name
    return out


def _args_score_qa(p: _Planning, s: Slots) -> dict[str, Any] | None:
    producer = p.last_step("generate_qa")
    ref = (
        f"${{steps.{producer}.dataset_id}}" if producer is not None else p.memory.get("qa_dataset")
    )
    if ref is None:
        p.question = "Score which QA dataset? Generate one first or give its id."
        return None
    args: dict[str, Any] = {"dataset_id": ref}
    quality = qa_options(s.text).get("quality_threshold")
    if quality is None:
        mark = re.search(
            r"\b(?:pass mark|bar|cut-?off|minimum|at least)\D{0,15}(0?\.\d+)", s.text, re.I
        )
        quality = float(mark.group(1)) if mark else None
    if quality is not None:
        args["quality_threshold"] = quality
    return args


def _args_export_dataset(p: _Planning, s: Slots) -> dict[str, Any] | None:
    producer = p.last_step("generate_qa")
    ref = (
        f"${{steps.{producer}.dataset_id}}" if producer is not None else p.memory.get("qa_dataset")
    )
    if ref is None:
        p.question = "Export which QA dataset? Generate one first or give its id."
        return None
    text = p.goal or s.text
    formats = list(dict.fromkeys(f.lower() for f in FORMAT_RE.findall(_without_names(text))))
    args: dict[str, Any] = {
        "dataset_id": ref,
        "format": (formats[0] if len(formats) == 1 else formats) if formats else "jsonl",
    }
    if re.search(r"\bsplits?\b|train/val|train/test|\d+/\d+/\d+", text, re.I):
        args["splits"] = True
    floor = re.search(
        r"\b(?:scor\w*|quality)\s+(?:of\s+)?(?:at least|above|over|>=?|≥)\s*(0?\.\d+)", s.text, re.I
    )
    if floor:
        args["min_quality"] = float(floor.group(1))
    return args


def _without_names(text: str) -> str:
    return FILE_RE.sub(" ", text)


BUILDERS = {
    name: globals()[f"_args_{name}"]
    for name in [
        *CAPABILITIES,
        *("save_table", "preview_rows", "vote_labels", "labeling_workbench", "workbench_rows"),
        *("correct_labels", "export_labeled_data"),
    ]
}


# --- intents ---------------------------------------------------------------------------------


def _has(text: str, pattern: str) -> bool:
    return re.search(pattern, text, re.I) is not None


def clause_tools(clause: str) -> list[str]:
    """The tools one clause asks for, in order (empty when nothing matched)."""
    t = clause.lower()
    if _has(t, r"\b(trending|popular|hottest|hot datasets|most (?:downloaded|voted))\b"):
        return ["trending_datasets"]
    if _has(t, r"\b(suggest|autocomplete|auto-complete|complete the name)\b"):
        return ["suggest_datasets"]
    if _has(t, r"\b(leaderboard|best models?|top models?|which models?|rank(?:ed|ing)? models?)\b"):
        return ["model_leaderboard"]
    if _has(
        t, r"\b(q&a|qa|question[- ]answer(?:ing)?|questions? per chunk|instruction dataset)\b"
    ) and _has(t, r"\b(build|generate|create|make|produce|write)\b"):
        tools = ["chunk_documents", "generate_qa"]
        if _has(t, r"\b(export|jsonl|parquet|csv|splits?|download)\b"):
            tools.append("export_dataset")
        return tools
    if _has(t, r"\b(score|judge|rate)\b") and _has(t, r"\b(qa|questions?|entries|pairs)\b"):
        return ["score_qa"]
    if _has(t, r"\bchunk"):
        return ["chunk_documents"]
    if _has(t, r"\bexport\b"):
        return ["export_dataset"]
    if _has(t, r"\blabel(?:l)?ing functions?\b|\blfs?\b"):
        if _has(t, r"\bapply\b"):
            return ["apply_labeling_functions"]
        if _has(t, r"\b(write|mine|create|generate|suggest|make)\b"):
            return ["write_labeling_functions"]
    if _has(t, r"\bsynthetic\b"):
        if _has(t, r"\b(generator|cvae|vae)\b") and not _has(t, r"\bgenerate\b"):
            return ["train_generator"]
        return ["generate_synthetic"]
    if _has(t, r"\btrain\b.*\b(generator|cvae|vae)\b"):
        return ["train_generator"]
    if _has(t, r"\b(anomal\w*|outliers?)\b"):
        return ["detect_anomalies"]
    if _has(
        t,
        r"\bweak(?:ly)?[- ]supervis\w*|\bannotate\b"
        r"|(?<!hand )(?<!gold )(?<!the )\blabel(?:l?ing|l?ed)?\b(?!\s+columns?)",
    ) and not _has(t, r"\b(train|fit)\b"):
        return ["label_dataset"]
    if _has(t, r"\b(train|fit)\b"):
        tools = ["train_model"]
        if _has(t, r"\b(evaluate|evaluation|how good)\b"):
            tools.append("evaluate_model")
        return tools
    if _has(t, r"\b(evaluate|evaluation|how good|assess|test (?:it|the model))\b"):
        return ["evaluate_model"]
    if _has(t, r"\b(predict|inference|classify)\b"):
        return ["predict"]
    if _has(t, r"\b(download|fetch|grab|pull)\b"):
        return ["download_dataset"]
    if _has(t, r"\b(configs?|configurations?|subsets?)\b") or _has(t, r"\bsplits of\b"):
        return ["dataset_configs"]
    if _has(t, r"\b(search|find|look(?:ing)? for|any\b.*\bdatasets?)\b"):
        return ["search_datasets"]
    if _has(t, r"\b(list|available|what datasets|which datasets|show (?:me )?(?:the )?datasets)\b"):
        return ["list_local_datasets"]
    if _has(
        t,
        r"\b(inspect|describe|columns?|schema|summar\w*|look at|show|explore|profile|stats|what'?s in)\b",
    ):
        return ["inspect_dataset"]
    return []


def plan_goal(goal: str, memory: dict[str, Any] | None = None) -> Plan:
    """Plan a goal: thread questions and 'make it better' first, then clauses → tools → arguments.

    Tools come from cue rules that read the person's wording and the data it names
    (agents/intent.py), then the keyword rules (`clause_tools`), then the nearest known
    phrasing; arguments from `BUILDERS`, then bound to the real columns of the named tables
    (agents/grounding.py). Nothing understood: the two or three closest things it can do.
    """
    from agents import memory as thread
    from agents.grounding import ground_plan
    from agents.intent import fix_typos
    from agents.options import bind_stated

    memory = memory or {}
    goal = fix_typos(goal)
    goal, renamed = _existing_files(goal)
    files = FILE_RE.findall(goal)
    asked = thread.asked_metric(goal)
    if not files:
        from agents.glossary import concept_answer

        concept = concept_answer(goal)
        if concept is not None:
            return Plan(answer=concept)
    if thread.is_results_question(goal, bool(files)):
        answer = thread.answer_from_memory(goal, memory)
        if answer is None and asked:
            answer = (
                f"Nothing on this thread has measured {asked} yet. Train or label something "
                "first, e.g. 'train a classifier on data.csv'."
            )
        if answer is not None:
            return Plan(answer=answer, asked={"metric": asked} if asked else {})
    if thread.is_improve_request(goal, bool(files)):
        improved = _improve(goal, memory)
        if improved is not None:
            return improved
    if RERUN_RE.search(goal) and not files:
        again = _rerun(goal, memory)
        if again is not None:
            return again
    if FOLLOW_UP_RE.search(goal) and not files:
        changed = _adjust_last_call(goal, memory)
        if changed is not None:
            return changed
    if SMALL_TALK_RE.match(goal.strip()):
        return Plan(answer=_small_talk(goal))
    from agents.intent import is_description

    if not [f for f in files if f not in role_files(goal, files)[2]]:
        from agents.grounding import workspace_files
        from agents.references import with_described_file

        held = any(memory.get(k) for k in ("dataset", "labeled", "last_table", "model"))
        goal, described = with_described_file(goal, workspace_files(), held)
        renamed.extend(described)
    planning = _Planning(memory=memory, goal=goal)
    clauses = split_clauses(goal)
    for clause in clauses:
        if is_description(clause):
            planning.context_files.extend(FILE_RE.findall(clause))
    deferred: str | None = None
    for clause in clauses:
        slots = extract_slots(clause)
        if not slots.gold:
            gold = GOLD_RE.search(goal)
            slots.gold = gold.group(1) if gold else None
        if is_description(clause):
            # "reviews.csv has product reviews and only some rows have a label": context for
            # the request that follows, not a request (its files were taken above).
            continue
        own_files = list(slots.files)
        if not slots.files and planning.context_files and not planning.steps:
            slots.files = list(planning.context_files)
        tools = _clause_intent(clause, slots, planning)
        if _folds_into_training(planning, clause, tools, slots):
            continue
        for tool_name in tools:
            args = BUILDERS[tool_name](planning, slots)
            if planning.question:
                break
            if args is None or _repeats(planning, tool_name, args, bool(own_files)):
                continue
            planning.add(tool_name, args, why=clause)
        if planning.question and not slots.files and (planning.steps or len(clauses) > 1):
            # A side remark that cannot stand alone ("I want to look at the chunks first")
            # does not sink the request: its question is asked only if nothing else planned.
            deferred = deferred or planning.question
            planning.question = None
            continue
        if planning.question or planning.answer:
            break
        planning.context_files.extend(f for f in slots.files if f not in planning.context_files)
    if not planning.steps and not planning.question and deferred:
        planning.question = deferred
    targets = extract_targets(goal)
    if not planning.question:
        _carry_targets(planning, targets)
        _goal_options(planning, goal)
        ground_plan(planning, goal)
        bind_stated(planning.steps, goal)
        _merge_duplicates(planning)
    plan = Plan(
        steps=[] if (planning.question or planning.answer) else planning.steps,
        targets=targets,
        question=None if planning.answer else planning.question,
        notes=[*renamed, *planning.notes],
        answer=planning.answer,
    )
    metric = asked or next((m for m in ("f1", "auc", "accuracy") if m in targets), None)
    if metric:
        plan.asked = {"metric": metric}
    if plan.question and re.search(
        r"\bwhich (?:data|dataset|labeled table|table)\b", plan.question, re.I
    ):
        plan.question = _with_candidates(plan.question)
    if not plan.steps and (
        plan.question or not plan.answer or plan.answer.startswith(NOT_UNDERSTOOD)
    ):
        changed = _adjust_last_call(goal, memory)
        if changed is not None:
            return changed
    missing = _missing_input(plan, goal)
    if missing:
        return Plan(answer=_no_such_file(missing), notes=plan.notes)
    if not plan.steps and not plan.question and not plan.answer:
        # Nothing fits: say so and offer the closest things, as an answer (not a question
        # that would swallow the person's next, complete request).
        plan.answer = closest_question(goal)
    return plan


READ_ONLY = ("inspect_dataset", "preview_rows", "list_local_datasets")
READS_A_FILE = (
    "inspect_dataset",
    "preview_rows",
    "train_model",
    "label_dataset",
    "write_labeling_functions",
    "detect_anomalies",
    "train_generator",
    "save_table",
)


OUTPUT_FOLDERS = {"models", "generators", "labeling", "evaluations", "predictions", "qa"}
OUTPUT_FOLDERS |= {"exports", "anomalies", "saved"}


def _no_such_file(name: str) -> str:
    """What to say about a named file that is not there: the closest names, else the tables."""
    from tools.tabular import closest_datasets, display_id, local_files

    near = closest_datasets(name, n=3)
    if near:
        return f"There is no file named {name}. Did you mean {', '.join(near)}?"
    tables = [
        d
        for d in (display_id(path) for _, path in local_files())
        if not d.startswith(".") and d.split("/", 1)[0] not in OUTPUT_FOLDERS
    ]
    shown = ", ".join(sorted(tables)[:15]) or "none yet (put files in the workspace)"
    return f"There is no file named {name}, and no step here makes it. Your tables: {shown}."


def _missing_input(plan: Plan, goal: str) -> str | None:
    """The first file the person named that a step reads but is not in the workspace (nor
    written by an earlier step): better said at once than as a failed run.
    """
    from tools.tabular import find_table_file

    named = set(FILE_RE.findall(goal))
    made: set[str] = set()
    for step in plan.steps:
        ref = step.args.get("dataset") or step.args.get("data_path")
        if step.tool in READS_A_FILE and isinstance(ref, str) and "${" not in ref:
            if ref in named and ref not in made:
                try:
                    if find_table_file(ref) is None:
                        return ref
                except ForgeflowError:
                    return None  # a hostile or odd name: the tool's own error explains it
        for key in ("path", "output", "output_path"):
            if isinstance(step.args.get(key), str):
                made.add(step.args[key])
    return None


def _folds_into_training(p: _Planning, clause: str, tools: list[str], slots: Slots) -> bool:
    """'..., and test it with test.csv' after a training step: the training's test set."""
    trainer = p.last_step("train_model")
    if trainer is None or tools not in (["evaluate_model"], ["predict"]) or not slots.files:
        return False
    if not re.search(r"\b(test|tested|testing|check|validate|held[- ]?out)\w*\b", clause, re.I):
        return False
    if re.search(r"\bevaluat", clause, re.I) or "test_dataset" in p.steps[trainer].args:
        return False
    p.steps[trainer].args["test_dataset"] = slots.files[-1]
    return True


def _goal_options(p: _Planning, goal: str) -> None:
    """Settings said anywhere in the goal reach its one loop step ('... Use an MLP.')."""
    for tool in ("train_model", "label_dataset"):
        steps = [s for s in p.steps if s.tool == tool]
        if len(steps) != 1:
            continue
        args = steps[0].args
        options = loop_options(goal)
        if tool == "train_model":
            kind = model_kind(goal)
            if kind:
                options["model"] = kind
            options.update(network_options(goal))
        else:
            options.pop("name", None)
        for key, value in options.items():
            args.setdefault(key, value)


def network_options(text: str) -> dict[str, Any]:
    """MLP settings a person states: layers, hidden size, dropout, learning rate, epochs."""
    out: dict[str, Any] = {}
    layers = re.search(r"\b(\d)\s+(?:hidden\s+)?layers?(?:\s+of\s+(\d+))?", text, re.I)
    if layers:
        out["layers"] = int(layers.group(1))
        if layers.group(2):
            out["hidden_size"] = int(layers.group(2))
    hidden = re.search(r"\bhidden(?:[_ ]size)?\s*(?:=|:|of)?\s*(\d+)", text, re.I)
    if hidden and "hidden_size" not in out:
        out["hidden_size"] = int(hidden.group(1))
    dropout = re.search(r"\bdropout\s*(?:=|:|of)?\s*(0?\.\d+)", text, re.I)
    if dropout:
        out["dropout"] = float(dropout.group(1))
    rate = re.search(
        r"\b(?:lr|learning[ _]rate)\s*(?:=|:|of)?\s*(\d+(?:\.\d+)?(?:e-?\d+)?)", text, re.I
    )
    if rate:
        out["learning_rate"] = float(rate.group(1))
    epochs = re.search(r"\b(\d+)\s+epochs?\b|\bepochs?\s*(?:=|:)?\s*(\d+)", text, re.I)
    if epochs:
        out["epochs"] = int(epochs.group(1) or epochs.group(2))
    batch = re.search(
        r"\bbatch(?:[_ ]size)?\s*(?:=|:|of)?\s*(\d+)|\b(\d+)\s+(?:per )?batch\b", text, re.I
    )
    if batch:
        out["batch_size"] = int(batch.group(1) or batch.group(2))
    decay = re.search(r"\bweight[_ ]decay\s*(?:=|:|of)?\s*(\d+(?:\.\d+)?(?:e-?\d+)?)", text, re.I)
    if decay:
        out["weight_decay"] = float(decay.group(1))
    patience = re.search(r"\bpatience\s*(?:=|:|of)?\s*(\d+)", text, re.I)
    if patience:
        out["patience"] = int(patience.group(1))
    if re.search(r"\bhash(?:ing|ed)?\b", text, re.I):
        out["text_features"] = "hashed"
    elif re.search(r"\btf-?idf\b", text, re.I):
        out["text_features"] = "tfidf"
    grams = re.search(
        r"\b(uni|bi|tri)-?grams?\b|\bn-?grams?\s*(?:up to|<=|=|of|max)?\s*(\d)", text, re.I
    )
    if grams:
        out["ngram_max"] = {"uni": 1, "bi": 2, "tri": 3}.get((grams.group(1) or "").lower()) or int(
            grams.group(2)
        )
    features = re.search(
        r"\b(\d+)\s*(k)?\s+(?:max\s+)?features\b|\bmax[_ ]features\s*(?:=|:)?\s*(\d+)", text, re.I
    )
    if features:
        value = int(features.group(1) or features.group(3))
        out["max_features"] = value * 1000 if features.group(2) else value
    if re.search(r"\b(gpu|cuda)\b", text, re.I) and not re.search(
        r"\b(no|without|not on)\s+(?:a\s+)?(gpu|cuda)\b", text, re.I
    ):
        out["device"] = "cuda"
    elif re.search(r"\b(on (?:the )?cpu|cpu only|without (?:a )?gpu)\b", text, re.I):
        out["device"] = "cpu"
    if re.search(r"\bno class weights?\b|\bunweighted\b", text, re.I):
        out["class_weights"] = "none"
    split = re.search(
        r"\b(\d{2})\s*/\s*(\d{2})\s+(?:train/?val\w*\s+)?split\b|\b(\d{1,2})\s*%\s+(?:for\s+)?validation\b",
        text,
        re.I,
    )
    if split:
        value = int(split.group(2)) if split.group(2) else int(split.group(3))
        if 0 < value < 90:
            out["validation_fraction"] = value / 100
    return out


def _merge_duplicates(p: _Planning) -> None:
    """One step per tool and table: a later step on the same data only adds missing arguments."""
    kept: list[PlanStep] = []
    for step in p.steps:
        key = step.args.get("dataset") or step.args.get("data_path")
        if isinstance(key, str) and key in FILE_RE.findall(step.why or ""):
            kept.append(step)  # the clause named this file itself: a step of its own
            continue
        twin = next(
            (
                k
                for k in kept
                if k.tool == step.tool
                and key
                and (k.args.get("dataset") or k.args.get("data_path")) == key
            ),
            None,
        )
        if twin is not None and not any("${steps." in str(v) for v in step.args.values()):
            for name, value in step.args.items():
                twin.args.setdefault(name, value)
            continue
        kept.append(step)
    if len(kept) != len(p.steps) and not any("${steps." in str(s.args) for s in kept):
        p.steps[:] = kept


def _with_candidates(question: str) -> str:
    """A question about which data, with the workspace's tables as the candidates."""
    from agents.grounding import workspace_files

    tables = [f for f in workspace_files() if re.search(r"\.(csv|tsv|parquet|jsonl)$", f, re.I)]
    if not tables:
        return question
    shown = ", ".join(tables[:20]) + (f" (+{len(tables) - 20} more)" if len(tables) > 20 else "")
    return f"{question} Tables in the workspace: {shown}."


def _existing_files(goal: str) -> tuple[str, list[str]]:
    """A named file that does not exist but has one close name in the workspace
    ('transactoins.csv' → 'transactions.csv') is read as that file; the change is noted.
    """
    from errors import closest
    from store.workspace import resolve_path

    names = FILE_RE.findall(goal)
    if not names:
        return goal, []
    _, _, outputs = role_files(goal, names)
    names = [n for n in names if n not in outputs]
    changed: list[str] = []
    known: list[str] | None = None
    for name in dict.fromkeys(names):
        try:
            if resolve_path(name).exists():
                continue
        except ForgeflowError:
            continue
        if known is None:
            from agents.grounding import workspace_files

            known = workspace_files()
        suffix = name.rsplit(".", 1)[-1].lower()
        near = [
            n
            for n in closest(name, known, n=3)
            if n.lower().endswith("." + suffix)
            and difflib.SequenceMatcher(None, name.lower(), n.lower()).ratio() >= 0.8
        ]
        if len(near) == 1 or (near and _same_stem(name, near[0])):
            goal = re.sub(rf"(?<![\w/.-]){re.escape(name)}\b", near[0], goal)
            changed.append(f"{name} → {near[0]} (no file named {name})")
    return goal, changed


def _same_stem(a: str, b: str) -> bool:
    return sorted(a.lower()) == sorted(b.lower())


def _repeats(p: _Planning, tool: str, args: dict[str, Any], explicit: bool = False) -> bool:
    """A step that only repeats the one before it (same tool on the same or its own output).

    A clause that names its file itself ("inspect a.csv then inspect a.csv") is meant as said.
    """
    for step in p.steps:
        if step.tool != tool:
            continue
        if step.args == args and not explicit:
            return True
        index = p.steps.index(step)
        if any(isinstance(v, str) and v.startswith(f"${{steps.{index}.") for v in args.values()):
            return True
    return False


def _adjust_last_call(goal: str, memory: dict[str, Any]) -> Plan | None:
    """'rank by f1 instead', 'top 3 only', 'I meant logistic regression': the last call again
    with what this sentence changes (only when the sentence plans nothing on its own).
    """
    last = memory.get("last_call")
    if not isinstance(last, dict) or last.get("tool") not in BUILDERS:
        return None
    tool, args = last["tool"], dict(last.get("args") or {})
    fields = _tool_fields(tool)
    changes: dict[str, Any] = {}
    kind = model_kind(goal)
    if kind and "model" in fields and tool == "train_model":
        changes["model"] = kind
    changes.update({k: v for k, v in loop_options(goal).items() if k in fields})
    targets = extract_targets(goal)
    metric = next((m for m in ("auc", "f1", "accuracy") if m in targets), None)
    if metric and "target_value" in fields:
        changes["target_metric"], changes["target_value"] = metric, targets[metric]
    named = re.search(r"\b(?:by|on|using)\s+(f1|accuracy|auc|precision|recall)\b", goal, re.I)
    if named and "metric" in fields:
        changes["metric"] = named.group(1).lower()
    top = re.search(r"\btop\s+(\d+)\b|\b(\d+)\s+only\b|\bonly\s+(\d+)\b", goal, re.I)
    if top and "limit" in fields:
        changes["limit"] = int(next(g for g in top.groups() if g))
    slots = extract_slots(goal)
    if slots.source and "source" in fields:
        changes["source"] = slots.source
    from agents.options import stated

    changes.update({k: v for k, v in stated(tool, goal).items() if k in fields})
    planning = _Planning(memory=memory, goal=goal)
    other = _named_file(planning, slots)
    key = "dataset" if "dataset" in args else "data_path" if "data_path" in args else None
    if other and key:
        changes[key] = other
    if not changes:
        return None
    args.update(changes)
    said = ", ".join(f"{k}={v!r}" for k, v in changes.items())
    return Plan(
        steps=[PlanStep(tool=tool, args=args, why=goal)],
        targets=targets,
        notes=[f"{tool} again with {said}"],
    )


def _tool_fields(tool: str) -> set[str]:
    from tools.registry import get_tool

    try:
        model = get_tool(tool).input_model
    except Exception:  # noqa: BLE001 - a capability without a tool has no fields
        return set()
    names = set(model.model_fields)
    for info in model.model_fields.values():
        for choice in getattr(info.validation_alias, "choices", None) or []:
            names.add(str(choice))
    return names


def closest_question(goal: str) -> str:
    """What to say when nothing fits: the two or three nearest things it can do, with examples."""
    from agents.intent import nearest_tools

    near = [t for t, score in nearest_tools(goal, k=3) if score >= 0.2 and t in EXAMPLES]
    for fallback in ("list_local_datasets", "inspect_dataset", "train_model"):
        if len(near) >= 3:
            break
        if fallback not in near:
            near.append(fallback)
    options = "; ".join(f"{CAPABILITIES.get(t, t)} (e.g. '{EXAMPLES[t]}')" for t in near[:3])
    return f"{NOT_UNDERSTOOD} The closest things I can do: {options}."


NOT_UNDERSTOOD = "I could not tell what to do."


EXAMPLES: dict[str, str] = {
    "list_local_datasets": "what data do I have?",
    "inspect_dataset": "show me the columns of reviews.csv",
    "search_datasets": "find sentiment datasets on hugging face",
    "trending_datasets": "what's trending on kaggle",
    "download_dataset": "download imdb",
    "dataset_configs": "configs of nyu-mll/glue",
    "suggest_datasets": "suggest datasets for 'squ'",
    "model_leaderboard": "best models for sentiment analysis",
    "label_dataset": "fill in the missing labels of reviews.csv",
    "write_labeling_functions": "write labeling functions for reviews.csv",
    "apply_labeling_functions": "apply the labeling functions to reviews.csv",
    "train_model": "predict label from data.csv",
    "evaluate_model": "evaluate the model on test.csv",
    "predict": "predict new.csv with the model",
    "train_generator": "train a generator on data.csv",
    "generate_synthetic": "generate 100 synthetic rows like data.csv",
    "detect_anomalies": "find unusual rows in data.csv",
    "chunk_documents": "split docs/guide.md into chunks",
    "generate_qa": "generate question/answer pairs from docs/guide.md",
    "score_qa": "score the QA pairs",
    "export_dataset": "export the QA pairs as jsonl with splits",
    "save_table": "save the labeled data as a csv file",
}


def _clause_intent(clause: str, slots: Slots, p: _Planning) -> list[str]:
    """The tools one clause asks for: cue rules with data evidence, keyword rules, neighbours."""
    from agents import semantic
    from agents.grounding import label_target
    from agents.intent import OUT_OF_SCOPE, cue_tools, nearest_tools
    from tools.registry import has_tool

    if re.search(OUT_OF_SCOPE, clause, re.I) and not p.steps:
        p.answer = "That is outside what I can do here. " + closest_question(clause).replace(
            "I could not tell what to do. ", ""
        )
        return []
    lower = clause.lower()
    if p.last_step("write_labeling_functions") is not None and re.search(r"\bapply\b", lower):
        return ["apply_labeling_functions"]
    in_plan = p.last_step("generate_qa") is not None
    qa_context = in_plan or (
        p.memory.get("qa_dataset")
        and p.memory.get("last_call", {}).get("tool")
        in ("generate_qa", "score_qa", "export_dataset")
    )
    if qa_context and not slots.files:
        judge = re.search(r"\b(score|judge|rate|grade|re-?score|re-?judge)\w*\b", lower)
        if (
            judge
            and not re.search(r"\bexport\b", lower)
            and (
                not in_plan or re.search(r"^(?:then\s+|and\s+)?(?:score|judge|rate|grade)\b", lower)
            )
        ):
            return ["score_qa"]
        if in_plan and judge and not re.search(r"\b(export|csv|jsonl|parquet)\b", lower):
            return []
        if re.search(r"\b(export|download|give me|save|dump|write)\b", lower) or re.search(
            r"\b(csv|jsonl|parquet|splits?)\b", lower
        ):
            return ["export_dataset"]
    if (
        p.memory.get("generator")
        and not [f for f in slots.files if f not in role_files(clause, slots.files)[2]]
        and re.search(r"\b(generate|make|sample|create|produce|synthesi[sz]e)\b", lower)
        and re.search(r"\b\d+\b|\bmore\b|\bsynthetic\b|\bfake\b", lower)
    ):
        return ["generate_synthetic"]
    if (
        p.memory.get("chunk_set")
        and not slots.files
        and re.search(r"\b(chunks?)\b", lower)
        and re.search(r"\b(generate|make|create|write|produce|build)\b", lower)
        and p.last_step("chunk_documents") is None
    ):
        return ["generate_qa"]  # 'now make instruction pairs from those chunks'
    if (
        p.memory.get("labeling_functions")
        and re.search(r"\bapply\b|\brun\b", lower)
        and re.search(r"\b(functions?|them|those|these|rules|lfs?)\b", lower)
        and p.last_step("write_labeling_functions") is None
    ):
        return ["apply_labeling_functions"]
    models = p.memory.get("models") or []
    if re.search(r"\bcompare\b|\bversus\b|\bvs\.?\b", lower) and len(models) >= 2:
        return ["evaluate_model"]
    if (
        p.memory.get("model")
        and slots.files
        and re.search(
            r"\b(run (?:it|the model|that) on|apply (?:it|the model) (?:to|on)|predict\w* (?:on|for)|"
            r"score|inference on|use (?:it|the model) on|route|classify|categori[sz]e|assign|tag)\b",
            lower,
        )
    ):
        return ["predict"]
    named = [t for t in BUILDERS if "_" in t and re.search(rf"\b{t}\b", clause)]
    if len(named) == 1:
        return named  # the person named the tool itself ('run label_dataset on ...')
    if re.match(r"^\s*(?:the\s+)?[\w ]{1,24}?\s*[=:]\s*[\w.%<>-]+\s*$", clause):
        return []  # a setting ('label=late'), read by the other steps' builders
    if re.search(
        r"\bworkbench\b|\b(?:go through|review|check|look over|fix|correct)\b[^.]{0,30}"
        r"\b(?:myself|by hand|manually|wrong ones)\b",
        lower,
    ) and (p.last_step("label_dataset") is not None or p.memory.get("labeled")):
        return ["labeling_workbench"]
    inputs = [f for f in slots.files if f not in role_files(clause, slots.files)[2]]
    if p.last_step("apply_labeling_functions", "vote_labels") is not None and not inputs:
        from agents.rules import parse_rules

        if parse_rules(p.goal):
            return []  # the rest of the rules the step already holds
    workbench = _workbench_follow_up(p, clause, slots)
    if workbench:
        return workbench
    stated_rules = _stated_lfs(p, slots)
    if stated_rules:
        vote = (
            re.search(r"\b(vote|votes|voting|majority)\b", lower)
            or role_files(p.goal, FILE_RE.findall(p.goal))[2]
        )
        return ["vote_labels"] if vote else ["apply_labeling_functions"]
    tables = [t for t in [p.memory.get("last_table"), *_memory_tables(p)] if isinstance(t, str)]
    if (
        not slots.files
        and tables
        and re.search(
            r"^\s*(?:please\s+)?(?:preview|peek at|head)\b|\b(?:first|some|a few) rows\b", lower
        )
    ):
        slots.files = [tables[0]]
        return ["preview_rows"]  # 'preview that file'
    if (
        p.last_step("label_dataset") is not None
        and slots.files
        and all(f in role_files(clause, slots.files)[2] for f in slots.files)
        and re.search(r"\b(save|write|store|export|dump)\b", lower)
    ):
        return ["save_table"]  # '... and save the labeled rows as x.csv'
    asked_about = _column_question(p, clause, slots)
    if asked_about:
        return asked_about
    target = label_target(clause, slots.files or _memory_tables(p))
    after_train = p.last_step("train_model") is not None
    tools = cue_tools(clause, slots.files, target, has_tool, after_train)
    if tools is None:
        tools = clause_tools(clause)
        lower = clause.lower()
        if tools == ["predict"] and target and not _model_ref(p, slots, "train_model"):
            tools = ["train_model"]
        if (
            not tools
            and re.search(
                r"\b(test|evaluate|check|score|validate|measure)\w*\b.*\b(on|against|with)\b", lower
            )
            and slots.files
            and (p.last_step("train_model") is not None or p.memory.get("model"))
        ):
            tools = ["evaluate_model"]
    words = len(re.sub(r"[\w./-]+\.(?:csv|tsv|parquet|jsonl|json|md|txt)\b", " ", clause).split())
    fragment = words < 2 or (
        bool(re.match(r"^\s*(?:the|a|an|that|this|my|our|its?)\b", clause, re.I)) and words <= 4
    )
    last = p.memory.get("last_call") or {}
    if not tools and not slots.files and not p.steps and last.get("tool") in BUILDERS:
        from agents.options import stated

        if model_kind(clause) or stated(last["tool"], clause):
            return []  # settings for the last call ('now an MLP, 2 layers'): adjusted below
    if not tools and semantic.available() and (slots.files or not p.steps) and not fragment:
        # (A noun phrase alone, 'the late one', answers a question; it is not a request.)
        # (A side remark after planned steps, naming no data, is not a request of its own.)
        from agents.intent import data_kind

        inputs = [f for f in slots.files if f not in role_files(clause, slots.files)[2]]
        tools = semantic.route(clause, data_kind(inputs)) if inputs or not slots.files else []
        if slots.files and set(tools) & semantic.ONLINE_TOOLS:
            tools = []
    elif not tools:
        near = nearest_tools(clause, k=2)
        if near and near[0][1] >= 0.55 and (len(near) == 1 or near[0][1] - near[1][1] >= 0.15):
            tool = near[0][0]
            online = (
                "search_datasets",
                "trending_datasets",
                "download_dataset",
                "suggest_datasets",
            )
            if tool in BUILDERS and (tool != "save_table" or has_tool(tool)):
                if not (slots.files and tool in online):
                    tools = [tool]
    if tools and tools[0] == "chunk_documents" and "generate_qa" in tools and not slots.files:
        if p.memory.get("chunk_set") and p.last_step("chunk_documents") is None:
            tools = tools[1:]  # "now generate questions from those chunks"
    return [t for t in tools if t in BUILDERS]


def _workbench_follow_up(p: _Planning, clause: str, slots: Slots) -> list[str]:
    """On a thread with a labeling run: its rows, corrections and export, asked in words."""
    if slots.files and not re.search(r"\b(export|save)\b", clause, re.I):
        return []
    if _labeling_dir(p) is None or p.last_step("label_dataset") is not None:
        return []
    lower = clause.lower()
    opened = "/workbench/" in str(p.memory.get("labeled") or "")
    if CORRECTION_RE.search(clause) and re.search(
        r"\b(actually|really|should be|wrong|fix|correct)\w*\b", lower
    ):
        return ["correct_labels"]
    if re.search(r"\b(export|download|save|write)\b", lower) and (
        re.search(r"\b(corrected|corrections|workbench)\b", lower)
        or (opened and re.search(r"\b(labels|labeled|labelled|csv|parquet)\b", lower))
    ):
        return ["export_labeled_data"]
    if (
        re.search(r"\b(show|list|which|see|find)\b", lower)
        and re.search(r"\brows?\b|\bposts?\b|\bexamples?\b|\brecords?\b", lower)
        and re.search(r"\blabel|\bend[- ]model|\bvoted?\b|\bclass\b", lower)
    ):
        return ["workbench_rows"]
    return []


def _column_question(p: _Planning, clause: str, slots: Slots) -> list[str]:
    """'what categories exist?' on a thread about a table: inspect that column of it."""
    from agents.grounding import _table
    from tools.profile import columns_mentioned

    tables = _memory_tables(p)
    if slots.files or not tables or p.steps:
        return []
    if not re.search(r"^\s*(what|which|how many|are there|list)\b|\?\s*$", clause, re.I):
        return []
    if re.search(
        r"\b(train|fit|predict|label|generate|build|make|find|detect|search)\b", clause, re.I
    ):
        return []
    profile = _table(tables[0])
    if profile is None or not columns_mentioned(profile, clause):
        return []
    slots.files = [tables[0]]
    slots.label_column = slots.label_column or columns_mentioned(profile, clause)[0]
    return ["inspect_dataset"]


def _memory_tables(p: _Planning) -> list[str]:
    ref = p.memory.get("labeled") or p.memory.get("dataset")
    return [ref] if isinstance(ref, str) and FILE_RE.fullmatch(ref.rsplit("/", 1)[-1]) else []


TRAIN_METRICS = ("auc", "f1", "accuracy", "precision", "recall")


def _carry_targets(p: _Planning, targets: dict[str, float]) -> None:
    """A target said in another sentence ('... Need 90% acc.') goes to the loop that lacks one."""
    metric = next((m for m in (*TRAIN_METRICS, "coverage") if m in targets), None)
    if metric is None or any("target_value" in s.args for s in p.steps):
        return
    for step in reversed(p.steps):
        if step.tool in ("train_model", "label_dataset") and "target_value" not in step.args:
            name = "f1_macro" if (metric == "f1" and step.tool == "label_dataset") else metric
            allowed = (
                ("auc", "accuracy", "f1_macro", "coverage")
                if step.tool == "label_dataset"
                else TRAIN_METRICS
            )
            if name not in allowed:
                return
            step.args["target_metric"] = name
            step.args["target_value"] = targets[metric]
            return
        if step.tool in ("train_model", "label_dataset"):
            return


def _tool_limit(tool: str, field_name: str) -> int | None:
    from tools.registry import get_tool

    try:
        info = get_tool(tool).input_model.model_fields.get(field_name)
    except Exception:  # noqa: BLE001 - an unknown tool has no limits to respect
        return None
    if info is None:
        return None
    return next((int(m.le) for m in info.metadata if getattr(m, "le", None) is not None), None)


RERUN_RE = re.compile(
    r"\b(re-?run|run (?:it|that|this) again|retry|try (?:it |that )?again|redo|do (?:it|that) again|"
    r"one more time|same (?:thing|again) (?:but|with))\b",
    re.I,
)


FOLLOW_UP_RE = re.compile(
    r"\b(this time|instead|i meant|i mean|rather|switch to|same but|but with|only|actually)\b", re.I
)
SMALL_TALK_RE = re.compile(
    r"^(?:(?:ok|okay|cool|great|nice|perfect|thanks|thank you|thx|cheers|hi|hello|hey|good morning|"
    r"bye|goodbye|awesome|got it|sounds good)[\s!.,]*)+$|^(?:what can you do|help|who are you)\??$",
    re.I,
)


def _small_talk(goal: str) -> str:
    lower = goal.lower()
    if re.search(r"\b(thanks|thank you|thx|cheers)\b", lower):
        return "You're welcome. Ask for the next step whenever you like."
    if re.search(r"\b(ok|okay|cool|great|nice|perfect|awesome|got it|sounds good)\b", lower):
        return "Good. What next?"
    examples = "; ".join(
        f"'{EXAMPLES[t]}'"
        for t in (
            "list_local_datasets",
            "inspect_dataset",
            "label_dataset",
            "train_model",
            "generate_qa",
        )
    )
    return (
        "I work on your data: list and inspect tables, fill in labels from a few hand labels, "
        f"train and evaluate classifiers, build QA sets from documents. Try e.g. {examples}."
    )


def _rerun(goal: str, memory: dict[str, Any]) -> Plan | None:
    """'rerun with up to 5 attempts': the last loop again (or the last call, when the sentence
    changes that call's settings: 'do it again with fixed chunks of 600'), with the changes.
    """
    from agents.options import stated

    loop = memory.get("last_loop")
    last = memory.get("last_call")
    if isinstance(last, dict) and last.get("tool") in BUILDERS:
        own = stated(last["tool"], goal)
        if own and (not isinstance(loop, dict) or last["tool"] != loop.get("tool")):
            loop = last
    if not isinstance(loop, dict) or loop.get("tool") not in BUILDERS:
        return None
    args = dict(loop.get("args") or {})
    fields = _tool_fields(loop["tool"])
    changes: dict[str, Any] = {k: v for k, v in loop_options(goal).items() if k in fields}
    changes.update({k: v for k, v in stated(loop["tool"], goal).items() if k in fields})
    kind = model_kind(goal)
    if kind and loop["tool"] == "train_model":
        changes["model"] = kind
    targets = extract_targets(goal)
    metric = next((m for m in ("auc", "f1", "accuracy") if m in targets), None)
    if metric:
        changes["target_metric"] = (
            "f1_macro" if metric == "f1" and loop["tool"] == "label_dataset" else metric
        )
        changes["target_value"] = targets[metric]
    if loop["tool"] != "train_model":
        changes.pop("name", None)
    args.update(changes)
    said = ", ".join(f"{k}={v!r}" for k, v in changes.items()) or "the same settings"
    return Plan(
        steps=[PlanStep(tool=loop["tool"], args=args, why=goal)],
        targets=targets,
        notes=[f"re-running {loop['tool']} with {said}"],
    )


def _improve(goal: str, memory: dict[str, Any]) -> Plan | None:
    """'make it better': the last loop again with a stronger search; notes say what changed."""
    from agents import memory as thread

    loop = memory.get("last_loop")
    if not isinstance(loop, dict) or loop.get("tool") not in BUILDERS:
        return None
    args, changes = thread.stronger_args(
        loop, {"max_attempts": _tool_limit(loop["tool"], "max_attempts")}
    )
    targets = extract_targets(goal)
    metric = next((m for m in ("auc", "f1", "accuracy") if m in targets), None)
    if metric:
        args["target_metric"] = (
            "f1_macro" if metric == "f1" and loop["tool"] == "label_dataset" else metric
        )
        args["target_value"] = targets[metric]
        changes.append(f"target {metric} {targets[metric]} as asked")
    note = f"make it better: re-running {loop['tool']} with " + (
        ", ".join(changes) if changes else "the same settings (nothing stronger to try)"
    )
    step = PlanStep(tool=loop["tool"], args=args, why=goal)
    plan = Plan(steps=[step], targets=targets, notes=[note])
    asked = thread.asked_metric(goal) or (
        thread._short_metric(str(args["target_metric"])) if args.get("target_metric") else None
    )
    if asked:
        plan.asked = {"metric": asked}
    return plan


# --- thread memory ---------------------------------------------------------------------------

_LISTING_KEYS = ("results", "datasets", "items", "models")


def remember(
    tool: str, output: Any, memory: dict[str, Any], args: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Update the thread memory from a tool's output so later turns can say 'it', 'the second
    one', ask 'what was the F1?' or 'make it better' (the last loop and its arguments).
    """
    from agents.memory import LOOP_TOOLS, summarise_result

    if not isinstance(output, dict):
        return memory
    memory = dict(memory)
    summary = summarise_result(tool, output, args)
    memory["results"] = [*(memory.get("results") or [])[-9:], summary]
    if args is not None:
        memory["last_call"] = {"tool": tool, "args": dict(args)}
        ref = args.get("dataset") or args.get("data_path")
        if isinstance(ref, str) and tool in ("inspect_dataset", "preview_rows", "train_model"):
            memory["dataset"] = ref
    for key in ("output", "path", "labeled_path", "predictions_path", "scores_path"):
        value = output.get(key)
        if isinstance(value, str) and re.search(r"\.(csv|tsv|parquet|jsonl)$", value):
            memory["last_table"] = value
            break
    if output.get("chunk_set_id"):
        memory["chunk_set"] = output["chunk_set_id"]
    if tool in LOOP_TOOLS and args is not None:
        memory["last_loop"] = {**summary, "args": dict(args)}
    if tool == "train_model" and output.get("model_path"):
        entry = {
            "path": output["model_path"],
            "dataset": str(output.get("dataset") or (args or {}).get("dataset") or ""),
            "label_column": output.get("label_column"),
        }
        memory["models"] = [*(memory.get("models") or [])[-9:], entry]
    for key in _LISTING_KEYS:
        items = output.get(key)
        if isinstance(items, list) and items and isinstance(items[0], dict) and "id" in items[0]:
            memory["listing"] = [
                {"id": str(i.get("id")), "source": i.get("source")}
                for i in items[:50]
                if i.get("id")
            ]
            memory["listing_tool"] = tool
            break
    dataset = output.get("dataset")
    if isinstance(dataset, dict) and dataset.get("id"):
        memory["dataset"] = str(dataset["id"])
    elif isinstance(dataset, str) and tool == "inspect_dataset":
        memory["dataset"] = dataset
    for key, slot in (
        ("labeled_path", "labeled"),
        ("labeling_functions", "labeling_functions"),
        ("project_id", "project"),
    ):
        if output.get(key):
            memory[slot] = output[key]
    if output.get("model_path"):
        memory["generator" if tool == "train_generator" else "model"] = output["model_path"]
    if tool in ("generate_qa", "score_qa", "export_dataset") and output.get("dataset_id"):
        memory["qa_dataset"] = output["dataset_id"]
    return memory
