"""Argument builders: one per tool, binding a clause's words and the named data to its input."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG
from typing import Any

from agents import patterns as rx
from agents.hand_labels import labeled_by, table_profile
from agents.options import ARTIFACTS_DIR_RE, WORD_NUMBERS, negated_before, stated
from agents.plan import Planning
from agents.slots import (
    FILE_RE,
    FORMAT_RE,
    QUOTED_RE,
    Slots,
    extract_targets,
    fraction,
    query_terms,
    regression_target,
)
from agents.thread_state import TURN_KEY
from errors import ForgeflowError
from store.workspace import is_workspace_file, is_workspace_folder
from tools.registry import CAPABILITIES
from tools.tabular import TABLE_SUFFIX_RE, table_stem

TRAIN_METRICS = ("auc", "f1", "accuracy", "precision", "recall", "log_loss")
LABEL_METRICS = {"auc": "auc", "f1": "f1_macro", "accuracy": "accuracy", "coverage": "coverage"}
"""Targets label_dataset measures (its target_metric enum), by extract_targets' names."""


# --- what a clause refers to ---------------------------------------------------------------


TOP_ITEM_RE = (
    r"\bthe\s+(?:top|best|closest|nearest|most\s+(?:popular|downloaded|liked))\s+"
    r"(?:match|hit|result|one|find)\b"
)
"""The first item of a listing said by its rank ('the top match', 'the best hit')."""


def _from_listing(p: Planning, slots: Slots) -> dict[str, Any] | None:
    """The listing item a clause points at ('the second one'), from this plan or the thread."""
    index = slots.ordinal
    producer = p.last_step("search_datasets", "trending_datasets", "list_local_datasets")
    top = rx.search(TOP_ITEM_RE, slots.text, re.I) if producer is not None else None
    if top and index is None:
        index = 0  # 'download the top match': the listing's first item
        most = rx.search(r"\bmost\s+(popular|downloaded|liked)\b", top.group(0), re.I)
        search = p.steps[producer]
        if most and search.tool == "search_datasets" and "sort" not in search.args:
            # 'the most popular one': first by downloads (likes), not by relevance
            search.args["sort"] = "likes" if most.group(1).lower() == "liked" else "downloads"
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


def _dataset_ref(p: Planning, slots: Slots, *, prefer_files: bool = True) -> str | None:
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
    named = named_file(p, slots)
    if named or p.question:
        return named
    if p.memory.get("dataset") and not rx.search(OTHER_FILE_RE, slots.text):
        return p.memory["dataset"]
    listing = p.memory.get("listing") or []
    if listing and slots.pronoun:
        return listing[0]["id"]
    return None


TEST_FILE_RE = (
    r"\b(?:test|tested|validate|check|measure|hold[- ]?out|held[- ]?out)\w*\b[^.;]{0,40}?"
)
TEST_NEAR_RE = (
    # 'OOT on b.csv': an out-of-time test set
    r"\b(?:test|tested|testing|check|validate|held[- ]?out|hold[- ]?out|oot|out[- ]of[- ]time)\w*\s+"
    r"(?:it\s+|the model\s+|"
    r"once\s+|them\s+)*(?:on|with|against|using|in)\s+(?:the\s+)?(?:held[- ]?out\s+)?(?:file\s+)?"
)
TRAIN_ON_RE = rf"\b(?:{rx.TRAIN_VERB})\b[^.;]{{0,40}}?"
"""A training verb before a file (within 40 characters): the file is what is learnt from."""
TEST_MEASURED_RE = (
    r"(?:\b(?:evaluat\w*|eval(?:s|ed|ing)?\b|assess\w*|benchmark\w*|scor(?:e|ed|ing)\s+(?:it|the model)|"
    # 'see how it does against b.csv', 'tell me how well the model performs on b.csv'
    r"how\s+(?:well\s+|good\s+)?(?:it|the model|they|this|that)\s+(?:does|do|did|performs?|"
    r"performed|fares?|fared|works?|holds?\s+up|scores?)|"
    # 'report AUC on b.csv', 'give me the accuracy on b.csv'
    r"(?:roc[- ]?auc|auc|accuracy|f1(?:[- ]score)?|precision|recall|log[- ]?loss|metrics?|"
    r"performance)(?:\s+(?:figures?|numbers?|scores?))?)"
    r"(?:\s+(?:it|the model|once|at the end|then)\b|\s*,)*\s+(?:on|against)\s+"
    r"(?:the\s+|our\s+)?(?:held[- ]?out\s+|holdout\s+|test\s+)?(?:file\s+|set\s+|data\s+)?[\"'`(]?)"
)
"""A file a training is measured on, said by the measuring ('evaluate on b.csv', 'see how it
does against b.csv', 'report AUC on b.csv', 'score it on b.csv'): its test set."""
TEST_AFTER_RE = (
    r"[\"'`]?\)?\s+(?:(?:is\s+|being\s+)?(?:held|kept|set|put)\s+(?:out|aside|apart|back)\s+|"
    r"(?:is\s+|being\s+|to\s+be\s+)?(?:used|serving|taken)\s+)?"
    r"as\s+(?:the|a|an|our|my)\s+(?:[\w-]+\s+){0,2}?(?:test|hold[- ]?out|held[- ]?out|evaluation)\b"
    # 'b.csv held out', 'with b.csv kept back': a file held out of the training is its test set
    r"|[\"'`]?\)?\s+(?:is\s+|being\s+)?(?:held|kept)\s+(?:out|back)\b(?!\s+(?:of|from)\b)"
)
"""A file said to be the test set after its name ('keep b.csv as the out-of-time test set',
'b.csv held out as the test set', 'b.csv used as the test set', 'b.csv held out')."""
TEST_TERSE_RE = r"(?:[,;]\s*|\band\s+)test(?:\s+(?:set|file|data|split))?\s*[:=]?\s*[\"'`]?"
"""A terse clause that names the test file after a training ('fit on that, test b.csv', 'and
test set: b.csv'): the file is the test set even when it is the first said."""
OUT_FILE_RE = (
    r"(?:(?:\b(?:save|saved|saving|write|writes|written|writing|export|exported|dump|dumped|output|"
    r"outputs|put|store|stored|send)\b"
    # 'write labeling functions for x in a.csv': the functions are written, a.csv is read
    r"(?!\s+(?:some\s+|the\s+|a\s+few\s+|new\s+)?(?:label(?:l)?ing\s+functions?|lfs?|rules?)\b)"
    # 'put a topic on every comment in a.csv': a label put on rows, a.csv is read
    r"(?!\s+(?:an?|the|some)\s+(?:[\w-]+\s+){0,2}?(?:on|onto)\s+(?:every|each|all|the)\b)"
    r"[^.;]{0,40}?\b(?:to|into|as|in|at|under)|"
    r"\b(?:convert|converted|scores?|predictions?|preds|results?|labels?|votes?|rows|records|copy|"
    r"version)\b[^.;]{0,40}?(?<!similar )(?<!compared )(?<!close )(?<!identical )\b(?:to|into|as)|"
    r"\b(?:with|under|using) the (?:file ?)?name|\bnamed|\bcalled|"
    r"(?<!data )(?<!input )(?<!source )\b(?:output |file |save |target )?path\s*[:=]|"
    r"\b(?:call|name)\s+(?:it|that|this|them|the (?:new )?(?:file|one|copy|result|output))|"
    r"\boutput(?:\s+file)?\s*[:=]?|\bout\s*[:=]|"
    # 'predict a flag for every row into x.csv'; '..., write x.csv' after the data file
    # ('score the current rows with it, ids included, into x.csv': scores are predictions)
    r"\b(?:predict\w*|classif\w*|scor(?:e|es|ed|ing))\b(?:[^.;]|\.(?=[A-Za-z])){0,60}?\binto|"
    r"(?<=,\s)(?:and\s+)?write|"
    r"\band\s+write|"
    # 'then sample 300 synthetic late trips to x.csv', 'make me 200 fake ones as x.csv', '150
    # synthetic bins into x.csv': rows generated into a file (not 'similar to x.csv', 'according to x.csv')
    # (a generating verb only with a count or a row word before: 'create a classifier on a.csv
    # and apply it to b.csv' writes no b.csv)
    r"(?:\b(?:sample|sampled|generate|generated|synthesi[sz]e|make|made|create|produce|draw)\b"
    r"[^.;]{0,60}?\b(?:\d+|rows?|ones|records?|samples|examples|entries)\b[^.;]{0,30}?|"
    r"\b(?:synthetic|fake|artificial|simulated)\b[^.;]{0,60}?)"
    r"(?<!similar )(?<!according )(?<!compared )(?<!close )(?<!identical )"
    r"\b(?:to|into|as)|"
    # 'give me the file as parquet, x.parquet'; terse ', out x.parquet'
    r"\b(?:give|hand)\s+(?:me|us)\b[^.;]{0,40}?\b(?:as|into)|(?:^|[,;]\s*)out(?=\s)|"
    # 'a file with the October predictions for finance: x.csv'
    r"\b(?:a|an|the)\s+(?:new\s+|separate\s+)?file\b(?:[^.;:]|\.(?=[A-Za-z])){0,60}?:)"
    # 'put them in a file, x.csv', 'save it in a new file: x.csv'
    r"\s+(?:an?\s+|the\s+)?(?:(?:new\s+|separate\s+)?file\s*[,:]?\s+)?"
    # 'save that as csv too, x.csv', 'store it as a parquet file: x.parquet'
    r"(?:(?:csv|tsv|parquet|jsonl)(?:\s+file)?(?:\s+(?:too|also|as\s+well))?\s*[,:]\s*)?[\"'`]?"
    # an arrow from input to output: 'predict new.csv -> scored.csv'
    r"|\S\s*(?:->|=>|→)\s*[\"'`]?)"
)


def role_files(text: str, files: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Split a clause's files into (data, test, output) by the words before each."""
    data, test, out = [], [], []
    seen: dict[str, list[str]] = {}
    for name in files:
        if name in seen:  # a name said many times is read once (each read scans the clause)
            seen[name].append(name)
            continue
        escaped = re.escape(name)
        if (
            rx.search(OUT_FILE_RE + escaped, text, re.I)
            or rx.search(
                rf"{escaped}\s+is\s+(?:a\s+)?(?:fine|good|ok|okay)\s+name|\bname(?:d)?\s+(?:it\s+)?{escaped}|"
                rf"[,;]\s*as\s+[\"'`]?{escaped}|"
                rf"{escaped}[\"'`]?\s+(?:would be|will be|is)\s+(?:perfect|great|fine|good|ideal)\b",
                text,
                re.I,
            )
            or _saved_bare(text, name)
        ):
            seen[name] = out
        elif (
            rx.search(TEST_NEAR_RE + escaped, text, re.I)
            or rx.search(TEST_TERSE_RE + escaped, text, re.I)
            or rx.search(TEST_MEASURED_RE + escaped, text, re.I)
            or (rx.search(TEST_FILE_RE + escaped, text, re.I) and name != files[0])
            or (name != files[0] and rx.search(escaped + TEST_AFTER_RE, text, re.I))
        ):
            seen[name] = test
        else:
            seen[name] = data
        seen[name].append(name)
    return data, test, out


def _saved_bare(text: str, name: str) -> bool:
    """'... and save week2.csv please': a file right after a save verb that is not in the
    workspace (an existing one saved 'as' something is the data: 'save a.csv as parquet'); so
    is a file the person asks to be given ('... and give me the file week2.csv after').
    """
    escaped = re.escape(name)
    if not rx.search(
        rf"\b(?:save|write|store|dump)\s+(?:it\s+|them\s+|that\s+|those\s+)?{escaped}"
        r"(?!\s*(?:as|to|into|in|under|with|from)\b)"
        r"|\b(?:give|send|hand)\s+(?:it\s+)?(?:back\s+)?(?:to\s+)?(?:me|us|her|him|them)\s+(?:back\s+)?"
        rf"(?:(?:the|a|an)\s+)?(?:(?:new|finished|filled|complete|updated)\s+)?"
        rf"(?:(?:file|copy|version|table|spreadsheet)\s+)?(?:called\s+|named\s+)?{escaped}",
        text,
        re.I,
    ):
        return False
    from store.workspace import resolve_path

    try:
        return not resolve_path(name).exists()
    except ForgeflowError:  # a refused path is no file of the workspace
        return False


def looked_at_last(memory: dict[str, Any]) -> str | None:
    """The file the thread's last turn only looked at (previewed, inspected): 'that file'."""
    last = memory.get("last_call")
    dataset = memory.get("dataset")
    if not isinstance(last, dict) or last.get("tool") not in ("inspect_dataset", "preview_rows"):
        return None
    if isinstance(dataset, str) and TABLE_SUFFIX_RE.search(dataset):
        return dataset
    return None


def _data_path(p: Planning, slots: Slots) -> str | None:
    """The table a data step reads: a file named here, the last labeled output, or a dataset."""
    said = slots
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
    named = named_file(p, slots)
    if named or p.question:
        return named
    written = last_written(p.memory)
    if written and rx.search(THIS_FILE_RE, slots.text, re.I):
        return written  # 'now train a model on this file': the table the last turn wrote
    if rx.search(OTHER_FILE_RE, slots.text):
        return None  # 'train on a different dataset': not the thread's; the caller asks which
    return p.memory.get("labeled") or p.memory.get("dataset") or _named_here(said)


def _named_here(slots: Slots) -> str | None:
    """The one table the clause names that its words read as a test set ('a quality check on
    x.parquet'), when nothing else is there to read: with no other data it is the data.
    """
    from store.workspace import is_workspace_file

    _, tests, outs = role_files(slots.text, slots.files)
    tables = [f for f in dict.fromkeys(tests) if f != slots.gold]
    if len(tables) == 1:
        return tables[0]
    # 'predict the daily kwh output in solar_daily.csv': 'output' a noun, the one file named is
    # the person's table (there already), and no verb says to write anything
    outs = list(dict.fromkeys(outs))
    if (
        len(outs) == 1
        and len(set(slots.files)) == 1
        and not rx.search(SAVE_VERB_RE, slots.text, re.I)
        and is_workspace_file(outs[0])
    ):
        return outs[0]
    return None


SAVE_VERB_RE = (
    r"\b(?:save|saved|saving|write|writes|written|writing|export|exported|dump|dumped|put|store|"
    r"stored|send|call|name|named|called|overwrite|replace)\b"
)
"""Verbs that write a file: with none, a file read as an output by 'output in x.csv' is read."""


THIS_FILE_RE = (
    r"\b(?:this|that|the (?:new|saved|exported|written|resulting))\s+(?:file|table|csv|one)\b"
)
OTHER_FILE_RE = re.compile(
    r"\b(?:a\s+|an\s+|the\s+)?(?:different|another|other)\s+"
    r"(?:file|table|csv|dataset|data\s*set|sheet|batch)\b",
    re.I,
)
"""'in a different file than before', 'on another table': rows other than the thread's."""
WRITERS = ("save_table", "export_labeled_data", "predict", "generate_synthetic", "vote_labels")
PRODUCED_TABLE = {"label_dataset": "labeled_path"}
"""The output field of the table a step writes into a folder of its own, with no argument naming
the file: a save said after it ('label x.csv and save the result as y.csv') is a save_table step
reading that field. Steps that name their file (predict's `output`, vote_labels' `output_path`)
take the file said themselves."""


FLAGGED_RE = re.compile(
    r"\b(?:flagged|odd|weird|strange|unusual|suspicious|anomal\w*|outliers?|fishy)\b", re.I
)
"""Words naming the rows an anomaly scan flagged ('save the flagged rows', 'the odd ones')."""


def flagged_table(memory: dict[str, Any], text: str) -> str | None:
    """The file of the rows the thread's last anomaly scan flagged (with their data), when the
    text names them; None otherwise.
    """
    flagged = memory.get("flagged_table")
    said = FLAGGED_RE.search(text)
    if not isinstance(flagged, str) or said is None:
        return None
    before = text[: said.start()][-40:]
    if rx.search(
        r"\b(?:without|excluding|except|minus|no|not|drop\w*|remov\w*|skip\w*|filter\w* out)\b",
        before,
        re.I,
    ):
        return None  # 'the data without the outliers': not those rows
    return flagged


def scan_rows_meant(p: Planning, text: str) -> str | None:
    """'the ones from truck TR-02', 'those' right after an anomaly scan: its flagged rows."""
    last = p.memory.get("last_call")
    if not isinstance(last, dict) or last.get("tool") != "detect_anomalies":
        return None
    flagged = p.memory.get("flagged_table")
    if not isinstance(flagged, str) or not rx.search(
        r"\b(?:the ones|those|these|them|they)\b", text, re.I
    ):
        return None
    return flagged


def last_written(memory: dict[str, Any]) -> str | None:
    """The table the thread's last call wrote (a save, an export, predictions), or None."""
    last = memory.get("last_call")
    table = memory.get("last_table")
    if isinstance(last, dict) and last.get("tool") in WRITERS and isinstance(table, str):
        return table
    return None


def named_file(p: Planning, slots: Slots) -> str | None:
    """'the transactions one', 'the other reviews file': a workspace table named by a word."""
    match = rx.search(
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


NAMING_BEFORE_RE = re.compile(
    r"\b(?:name|call|save)\s+(?:it\s+as\s+)?(?:the\s+|this\s+|that\s+|my\s+|your\s+|a\s+)?"
    r"(?:new\s+|trained\s+|final\s+)?$",
    re.I,
)
"""Words before 'model x' that name a model to be made ('call the new model x')."""


SAID_MODEL_RES = (
    re.compile(
        r"\b(?:with|using|via)\s+(?:the\s+|my\s+|our\s+)?(?:model\s+)?[\"'`]?"
        r"([A-Za-z][\w-]{0,60}+)(?![\w./-])",
        re.I,
    ),
    re.compile(
        r"\bthe\s+[\"'`]?([A-Za-z][\w-]{0,60}+)[\"'`]?\s+(?:model|classifier)\b(?![./])",
        re.I,
    ),
    re.compile(
        r"\bmodel\s+(?:called\s+|named\s+)?[\"'`]?([A-Za-z][\w-]{0,60}+)(?![\w./-])",
        re.I,
    ),
)
"""Where a request says a saved model by its bare name: 'with churn_v2', 'the noshow_2026
model', 'model churn_v2' (each name at most 61 characters, read once: linear)."""
NAME_SHAPE_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+|[A-Za-z]+[0-9][\w-]*")
"""A name shaped as a saved model's folder is: words joined by '_' or '-', or a word and digits."""
COUNT_LEADS = ("top", "first", "last", "best", "bottom")
"""First words of a count said as one word ('top-3 features'), not of a model's name."""


def _versioned(name: str) -> bool:
    """Whether a name not saved reads as a model's (its last part carries a digit: 'churn_v2',
    'grade-2024', 'topic_mlp2'), not a method's or a count's words ('gradient-boosting',
    'early_stopping', 'f1-score', 'top-3').
    """
    parts = re.split(r"[_-]", name)
    return any(c.isdigit() for c in parts[-1]) and parts[0].lower() not in COUNT_LEADS


@lru_cache(maxsize=1)
def _schema_words() -> frozenset[str]:
    """Every argument name of every tool's input (said names that are settings, not models)."""
    from tools.registry import all_tools

    names: set[str] = set()
    for tool in all_tools():
        names.update(getattr(tool.input_model, "model_fields", {}) or {})
    return frozenset(n.lower() for n in names)


def _saved_model(name: str) -> bool:
    """Whether models/<name> is a model folder inside the workspace."""
    if not re.fullmatch(r"[A-Za-z0-9][\w-]{0,60}", name, re.ASCII):
        return False  # one plain folder name: no '..', slash, '~', NUL or odd character
    return is_workspace_folder(f"models/{name}")


def said_model_name(text: str, files: Iterable[str] = ()) -> str | None:
    """The saved model a request names by its bare name ('predict x.csv with churn_v2', 'the
    noshow_2026 model'): a folder under models/, or a name shaped like one ('_'/'-' joined or
    with digits, its last part with a digit) that is no metric, setting, column of a named table, nor file. None when the
    request names none, or two different ones.
    """
    from agents.slots import METRICS

    text = text[: rx.MAX_TEXT]
    columns = {c.lower() for f in files if "${" not in f for c in _table_columns(f)}
    found: list[str] = []
    for pattern in SAID_MODEL_RES:
        for match in pattern.finditer(text):
            name = match.group(1).strip("-")
            low = name.lower()
            if (
                not name
                or low in columns
                or low in METRICS
                or low.replace("_", " ") in METRICS
                or low in _schema_words()
                or low.endswith(("_column", "_col", "_id"))
            ):
                continue
            if rx.search(NAMING_BEFORE_RE, text[max(0, match.start() - 40) : match.start()]):
                continue  # 'name the model churn_v2': a new model's name, not a saved one
            if _saved_model(name) or (
                # 'with the model mlp-64': a kind (with its size), unless a folder has that name
                NAME_SHAPE_RE.fullmatch(name) and _versioned(name) and model_kind(name) is None
            ):
                found.append(name)
    names = set(found)
    return found[0] if len(names) == 1 else None


MODELS_READ = 500
"""Model folders looked through for 'the churn model' at most (newest kept)."""
MODEL_WORD_RE = re.compile(
    r"\b(?:the|my|our|your)\s+([A-Za-z][\w-]{1,40})\s+(?:model|classifier|regressor|predictor)\b",
    re.I,
)
NOT_MODEL_WORDS = frozenset(
    "trained best new last latest same first second other old current final saved previous "
    "earlier whole good better right wrong one this that".split()
)


def saved_model_dataset(model: str) -> str | None:
    """The table a saved model (models/<name>) learnt from, from its config; None otherwise."""
    if not model.startswith("models/") or "${" in model:
        return None
    config = _model_config(model.removeprefix("models/"))
    return str(config.get("dataset") or "") or None if config else None


def _model_config(folder: str) -> dict[str, Any] | None:
    """A saved model's config.json (read bounded), or None when it is not one."""
    from store.workspace import workspace_root

    if not _saved_model(folder) or not is_workspace_file(f"models/{folder}/config.json"):
        return None
    try:
        with (workspace_root() / "models" / folder / "config.json").open("rb") as handle:
            config = json.loads(handle.read(MODEL_CONFIG_BYTES))
    except (OSError, ValueError):
        return None
    return config if isinstance(config, dict) else None


def saved_model_by_word(text: str, avoid: Iterable[str] = ()) -> str | None:
    """'the churn model', 'my price model' (no such model on the thread): the newest folder
    under models/ whose name, training table or label holds the word, and that did not learn
    from a table the request measures (`avoid`); None when none does.
    """
    named = MODEL_WORD_RE.search(text[: rx.MAX_TEXT])
    if named is None:
        return None
    word = named.group(1).lower()
    if word in NOT_MODEL_WORDS or model_kind(word) is not None:
        return None
    avoided = {str(a) for a in avoid}
    for folder in _model_folders():
        name = f"models/{folder.name}"
        config = _model_config(folder.name)
        if config is None:
            continue
        data, label = str(config.get("dataset") or ""), str(config.get("label_name") or "")
        if data in avoided:
            continue  # a model that learnt from the rows to measure is no measure of them
        words = set(rx.findall(r"[a-z0-9]+", f"{folder.name} {data} {label}".lower()))
        words.add(rx.sub(r"[^a-z0-9]+", "", label.lower()))  # 'the noshow model': no_show
        if word in words or word.rstrip("s") in words:  # whole words: 'live' is no 'deliveries'
            return name
    return None


MODEL_CONFIG_BYTES = 1_000_000
"""The most of a model's config.json read (a config is a few kilobytes)."""


MODEL_NAME_SAID_RE = re.compile(
    r"(?<![\w./-])([A-Za-z][\w-]{0,60}_(?:model|clf|classifier|regressor)|model_[\w-]{1,60})(?![\w./-])",
    re.I,
)
"""A model said by a name shaped like one ('rent_model', 'model_v2')."""


def missing_model_question(text: str) -> str | None:
    """'eval rent_model on x.parquet' with no models/rent_model: say so, with the newest saved
    models offered; None when no such name is said or it is saved.
    """
    said = MODEL_NAME_SAID_RE.search(text[: rx.MAX_TEXT])
    if said is None or _saved_model(said.group(1)):
        return None
    return f"There is no saved model named {said.group(1)}.{saved_models_said()}"


def saved_models_said() -> str:
    """' Saved models: models/a, models/b.' (the newest five) or ' No model is saved yet.'"""
    saved = [f"models/{f.name}" for f in _model_folders()[:5] if _saved_model(f.name)]
    return f" Saved models: {', '.join(saved)}." if saved else " No model is saved yet."


def _model_folders() -> list[Path]:
    """The folders under the workspace's models/, newest first, at most MODELS_READ of the first
    ten times as many listed (an entry that cannot be read is left out).
    """
    from itertools import islice

    from store.workspace import workspace_root

    dated: list[tuple[float, Path]] = []
    try:
        for entry in islice((workspace_root() / "models").iterdir(), 10 * MODELS_READ):
            try:
                dated.append((entry.stat().st_mtime, entry))
            except OSError:
                continue  # a link to nothing
    except OSError:
        return []
    return [p for _, p in sorted(dated, key=lambda d: d[0], reverse=True)[:MODELS_READ]]


def model_ref(p: Planning, slots: Slots, *tools: str) -> str | None:
    if slots.model:
        return slots.model
    folder = "generators/" if "train_generator" in tools else "models/"
    named = [r for r in slots.repos if r.startswith(folder)]
    if named:
        return named[0]
    named = rx.search(r"\bthe\s+([\w-]+)\s+(?:model|classifier)\b", slots.text, re.I)
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
    if "train_generator" not in tools and not p.memory.get("models"):
        saved = saved_model_by_word(slots.text, slots.files)
        if saved:
            p.notes.append(f"the model you named → {saved} (the newest that fits)")
            return saved  # 'evaluate the churn model on b.csv' on a new thread
        from agents.memory import WRONG_RE

        own = saved_model_by_word(slots.text) if rx.search(WRONG_RE, slots.text) else None
        if own and saved_model_dataset(own) in slots.files:
            # 'which appointments did the noshow model get most wrong?' with its own table
            # described: that model, measured on its validation split (not its training rows)
            p.notes.append(f"the model you named → {own} (the newest that fits)")
            return own
    if "train_generator" not in tools:
        said = said_model_name(slots.text, slots.files or FILE_RE.findall(p.goal))
        thread = [str(m.get("path")) for m in p.memory.get("models") or [] if isinstance(m, dict)]
        held = [t for t in thread if t.rsplit("/", 1)[-1] == said]
        if said and held:
            return held[-1]  # the thread's model by its folder's name
        if said:
            p.notes.append(f"the model you named → {said}")
            return said  # a saved model by its name (the tool reads it under models/)
    return p.memory.get("generator" if "train_generator" in tools else "model")


# --- argument builders: one per tool (the tool's owner keeps these in step with its input) ---


SEARCH_LEAD_RE = re.compile(r".*\b(?:for|to|with)\s+")
"""A line's words up to its last 'for' / 'to' / 'with' ('find me datasets for'): not the query."""


def _after_last_for(text: str) -> str:
    """`SEARCH_LEAD_RE.sub("", text)`, in linear time: each line's words up to its last 'for',
    'to' or 'with' dropped. A search that fails at a line's first character fails everywhere
    on that line (`.*` reaches every later start), so the next try is the next line; the
    regex's own scan tried every character, each reading to the line's end.
    """
    kept, pos = [], 0
    while pos <= len(text):
        lead = SEARCH_LEAD_RE.match(text, pos)
        if lead is not None:
            pos = lead.end()
            continue
        end = text.find("\n", pos)
        if end < 0:
            kept.append(text[pos:])
            break
        kept.append(text[pos : end + 1])
        pos = end + 1
    return "".join(kept)


def _args_search_datasets(p: Planning, s: Slots) -> dict[str, Any] | None:
    sort = rx.search(
        r"\b(?:sort(?:ed)?|order(?:ed)?|rank(?:ed)?)\s+by\s+(downloads|likes|votes|trending|recent|updated|date)",
        s.text,
        re.I,
    )
    order = rx.search(
        r"\b(?:most|highest|top)[- ](voted|liked|downloaded|starred)\b|\b(newest|latest|most recent)\b",
        s.text,
        re.I,
    )
    text = rx.sub(
        r"\b(?:sort(?:ed)?|order(?:ed)?|rank(?:ed)?)\s+by\s+\w+|\b\d+\s+results?\b|\b(?:a few|some) options\b|"
        # a count per source ('5 per source') is the limit, no search term
        rf"\b{PER_SOURCE}\b|"
        # an order said in words ('most voted first') is no search term
        r"\b(?:(?:most|highest|top)[- ](?:voted|liked|downloaded|starred)|newest|latest|most recent)"
        r"(?:\s+(?:first|on top|at the top))?\b",
        " ",
        s.text,
        flags=re.I,
    )
    query = query_terms(Slots(**{**s.__dict__, "text": text}))
    earlier = p.last_step("search_datasets")
    if not query and earlier is not None:
        # 'a public set on food waste. Find a few on Kaggle': the search already planned, with
        # the source this clause says
        if s.source:
            p.steps[earlier].args["source"] = s.source
        return None
    source = s.source or _goal_source(p.goal) or "all"
    named = _sources_named(s.text)
    if len(named) > 1:
        # 'search Hugging Face and Kaggle': both, not the first one named; 'Kaggle, not Hugging
        # Face': the one not refused
        refused = _sources_named(" ".join(rx.findall(REFUSED_SOURCE, s.text, re.I)))
        kept = named - refused
        source = next(iter(kept)) if len(kept) == 1 else "all"
    args: dict[str, Any] = {"query": query, "source": source}
    if sort:
        args["sort"] = sort.group(1).lower()
    elif order:
        word = (order.group(1) or order.group(2)).lower()
        args["sort"] = {"downloaded": "downloads"}.get(
            word, "likes" if order.group(1) else "updated"
        )
    limit = s.limit or _goal_limit(p.goal)
    per_source = rx.search(PER_SOURCE, s.text, re.I)
    if limit is None and per_source and 0 < int(per_source.group(1)) <= 100:
        limit = int(per_source.group(1))  # '5 per source': the limit is per source already
    if limit:
        args["limit"] = limit
    return args


PER_SOURCE = r"(\d{1,3})\s+(?:results?\s+|datasets?\s+|hits?\s+)?(?:per|from\s+each|for\s+each|each)\s+(?:source|site|hub)"
"""A count of results said per source ('5 per source', '3 from each site')."""


REFUSED_SOURCE = (
    r"\b(?:not|rather\s+than|instead\s+of|except|without)\s+(?:on\s+|from\s+|in\s+)?([^,.;]{1,20})"
)
"""A source turned down ('not Hugging Face', 'rather than kaggle'): the words after the refusal."""


def _sources_named(text: str) -> set[str]:
    """The remote sources a text names (Hugging Face, Kaggle), spelt right or mistyped."""
    from agents.slots import SOURCE_TYPOS, SOURCES

    lower = text.lower()
    said = {v for k, v in SOURCES.items() if rx.search(rf"\b{re.escape(k)}\b", lower)}
    said |= {source for source, typo in SOURCE_TYPOS if typo.search(text)}
    return said & {"huggingface", "kaggle"}


def _goal_limit(goal: str) -> int | None:
    """A count of results said in another clause of the goal ('..., and show me 10 results')."""
    from agents.slots import said_limit

    return said_limit(goal) if goal else None


def _goal_source(goal: str) -> str | None:
    """The one dataset source the whole goal names ('Is there a public set of X? Check Hugging
    Face.': said in another sentence than the search), or None (none, or several).
    """
    said = _sources_named(goal)  # 'locally' elsewhere in a goal is where to keep a file
    return next(iter(said)) if len(said) == 1 else None


def _thread_source(p: Planning, s: Slots) -> str | None:
    """'what's trending over there?': the source the thread's last call searched."""
    if not rx.search(r"\b(?:over )?there\b|\bsame (?:site|place|source|hub)\b", s.text, re.I):
        return None
    source = ((p.memory.get("last_call") or {}).get("args") or {}).get("source")
    return source if isinstance(source, str) and source != "all" else None


def _args_trending_datasets(p: Planning, s: Slots) -> dict[str, Any] | None:
    args: dict[str, Any] = {
        "source": s.source or _thread_source(p, s) or _goal_source(p.goal) or "all"
    }
    # 'trending hf datasets, 5', '... on HF and kaggle, 5 each': a bare count ending the goal
    bare = rx.search(
        r",\s*([1-9]\d{0,2})(?:\s+(?:each|apiece|per\s+source))?\s*[.!?]*\s*$", p.goal or s.text
    )
    if s.limit or bare:
        args["limit"] = s.limit or int(bare.group(1))
    return args


def _args_dataset_configs(p: Planning, s: Slots) -> dict[str, Any] | None:
    ref = _dataset_ref(p, s, prefer_files=False)
    if ref is None:
        ref = bare_hub_name(s.text) or hub_word_named(p.goal or s.text)
    if ref is None:
        p.question = (
            "Which Hugging Face dataset's configs? Name it, e.g. 'configs of nyu-mll/glue'."
        )
        return None
    return {"dataset_id": ref}


def bare_hub_name(text: str) -> str | None:
    """A hub dataset named without its owner ('the configs of big_patent', 'splits for
    ag_news'): one word joined by '_' or '-', not a file, not a word of the request.
    """
    names = [
        m.group(1)
        for m in rx.finditer(r"(?<![\w./])([a-z0-9]+(?:[_-][a-z0-9]+)+)(?![\w./])", text, re.I)
        if not rx.fullmatch(
            r"hugging[_-]?face|hf|kaggle|open[_-]?ml|uci|sk[_-]?learn", m.group(1), re.I
        )
        and not rx.search(r"\d{3,}", m.group(1))
    ]
    return names[0] if len(names) == 1 else None


HUB_WORD_RE = (
    # 'before pulling glue from the hub', 'download imdb, but first ...', 'the configs of glue',
    # 'the glue dataset on hugging face'
    r"\b(?:pull(?:ing)?|download(?:ing)?|fetch(?:ing)?|grab(?:bing)?)\s+(?:down\s+)?(?:the\s+)?"
    r"(?P<a>[a-z][\w-]*)\b(?!\.\w)"
    r"|\b(?:configs?|configurations?|splits?|subsets?)(?:\s+(?:and|&)\s+splits?)?\s+(?:of|for|in)\s+"
    r"(?:the\s+)?(?P<b>[a-z][\w-]*)\b(?!\.\w)"
    r"|\bthe\s+(?P<c>[a-z][\w-]*)\s+dataset\s+(?:on|from)\s+(?:the\s+)?(?:hub|hugging\s*face|hf)\b"
)
"""A hub dataset named by one plain word where the words say it is one."""


def hub_word_named(text: str) -> str | None:
    """A hub dataset said as one plain word beside a hub verb or its configs ('before pulling
    glue from the hub, list its configs'); none for a request word ('pulling it', 'the data').
    """
    from agents.slots import STOP_WORDS

    for match in rx.finditer(HUB_WORD_RE, text, re.I):
        word = next(g for g in match.groups() if g)
        if word.lower() not in STOP_WORDS and word.lower() not in HUB_NOT_NAMES:
            return word
    return None


HUB_NOT_NAMES = frozenset(
    "it its this that these those them data dataset datasets file files table everything all "
    "some any one hub hf kaggle huggingface results model models configs splits".split()
)


def _args_suggest_datasets(p: Planning, s: Slots) -> dict[str, Any] | None:
    # 'I typed tweet_ev into the search box': a name's beginning said as an identifier
    typed = [
        w
        for w in rx.findall(r"(?<![\w./-])[a-z]\w*[_-][\w-]*(?![\w./-])", s.text, re.I)
        if "." not in w
    ]
    # 'Hello! I started typing 'museum' ...': a clause of greeting alone, the goal's one quoted
    # word is what was typed
    quoted = s.quoted or (
        []
        if typed or not p.goal
        else [q for q in QUOTED_RE.findall(p.goal) if not FILE_RE.fullmatch(q)]
    )
    query = (
        quoted[0]
        if len(quoted) == 1 or s.quoted
        else typed[0]
        if len(typed) == 1
        else _after_last_for(s.text).strip()
    )
    # 'yelp_rev-something': the part the person remembers, without the filler
    query = rx.sub(r"[-_ ]?\b(?:something|whatever|or so|etc)\b.*$", "", query, flags=re.I).strip()
    # 'start with spotify?', 'something like telco-ch...': the sentence's marks are no part of it
    query = rx.sub(r"(?<=\w)[\s.?!,;:…]+$", "", query)
    args: dict[str, Any] = {"query": query, "source": s.source or _goal_source(p.goal) or "all"}
    if s.limit:
        args["limit"] = s.limit
    return args


HUB_LOOKS = ("dataset_configs", "download_dataset", "dataset_card", "preview_remote")
"""Tools whose `dataset_id` is the hub dataset a later 'it' means."""


def _thread_hub_dataset(p: Planning, s: Slots) -> tuple[str, str | None] | None:
    """(id, source) of the hub dataset the thread's last call looked at, when the clause says
    'it' / 'that one' and names no dataset of its own.
    """
    last = p.memory.get("last_call")
    if not s.pronoun:
        return None
    if not isinstance(last, dict) or last.get("tool") not in HUB_LOOKS:
        # a look-up added after it ('configs of the first hit' then an inspection): the
        # hub dataset of the turn's results
        recent = (p.memory.get("results") or [])[-2:]
        looked = [r for r in recent if isinstance(r, dict) and r.get("tool") in HUB_LOOKS]
        last = {"args": {"dataset_id": looked[-1].get("dataset_id")}} if looked else None
    if last is None:
        return None
    args = last.get("args") or {}
    found = args.get("dataset_id")
    if not isinstance(found, str) or not found or found.startswith("${"):
        return None
    source = args.get("source")
    return found, source if isinstance(source, str) and source != "all" else s.source


CONFIG_FILLER = (
    r"(?:the|that|this|these|those|its|their|a|an|each|every|same|first|last|next|other|which|"
    r"what|default|right|one|chosen|said)"
)
"""Words before 'config' that name no config ('download that config'): a determiner, not a name."""
CONFIG_SAID = (
    rf"\b(?:the\s+)?[\"'`]?(?<![\w.-])(?!{CONFIG_FILLER}\b)([\w.-]{{1,{rx.WORD_MAX}}})[\"'`]?"
    r"\s+(?:config|subset)\b"
)
"""A config named before 'config' ('then download the en config'), read from its run's start."""


def _looked_up_in_plan(p: Planning, s: Slots) -> tuple[str, str | None, str] | None:
    """'what configs does x/y have, and then download the en config': (id, source, config) of
    the hub dataset an earlier step of the plan looks at, when the clause names a config and no
    dataset of its own.
    """
    said = rx.search(CONFIG_SAID, s.text, re.I)
    config = s.config or (said.group(1) if said else None)
    step = p.last_step(*HUB_LOOKS)
    found = p.steps[step].args.get("dataset_id") if step is not None else None
    if config is None or not isinstance(found, str) or not found or found.startswith("${"):
        return None
    return found, s.source or p.steps[step].args.get("source"), config


def _args_download_dataset(p: Planning, s: Slots) -> dict[str, Any] | None:
    item = _from_listing(p, s)
    if p.question:
        return None
    if item is not None:
        dataset_id, source = item["id"], item.get("source")
        if item.get("ref"):
            index = dataset_id.rsplit(".", 2)[-2]
            producer = dataset_id.split(".")[1]
            source = f"${{steps.{producer}.results.{index}.source}}"
            searched = p.steps[int(producer)].args.get("source") if producer.isdigit() else None
            # the source said ('the first one from Hugging Face'), else the one source searched
            if s.source and s.source != "all":
                source = s.source
            elif isinstance(searched, str) and searched not in ("all", ""):
                source = searched
    elif repos := [r for r in s.repos if r != download_folder(s.text, "")]:
        # 'owner/slug = maker/set': the value said for a placeholder; 'download imdb to
        # data/imdb': the folder it goes into is no dataset
        said = [r for r in repos[1:] if rx.search(rf"/\S*\s*[=:]\s*{re.escape(r)}", s.text)]
        dataset_id, source = (said or repos)[0], s.source
    elif s.quoted:
        dataset_id, source = s.quoted[0], s.source
    elif (hub := _thread_hub_dataset(p, s)) is not None:
        dataset_id, source = hub  # 'pull it, default config': the hub dataset just looked at
    elif (looked := _looked_up_in_plan(p, s)) is not None:
        dataset_id, source, s.config = looked
    else:
        said = said_download(s.text, s.revision, s.config)
        if said is None:
            p.question = "Which dataset should I download? Name it, or search first."
            return None
        (dataset_id, config), source = said, s.source
        if s.config is None:
            s.config = config
    args: dict[str, Any] = {"source": source or "huggingface", "dataset_id": dataset_id}
    if s.config:
        args["config"] = s.config
    if s.revision:
        args["revision"] = s.revision
    elif args["source"] == "kaggle":
        # 'anikannal/solar-power, version 1': a Kaggle dataset's versions are numbered
        version = rx.search(r"\bversion\s*(?:#|no\.?|number\s+)?(\d{1,4})\b", s.text, re.I)
        if version:
            args["revision"] = version.group(1)
    folder = download_folder(s.text, str(dataset_id))
    if folder:
        args["path"] = folder
    return args


DOWNLOAD_WORDS = frozenset(
    "download fetch grab pull get the dataset data from on at revision rev version config subset "
    "hugging face huggingface kaggle hf and it please with".split()
)
"""The request's own words around a dataset named without an owner or quotes: never its name,
and after its name the start of the rest of the request, not a config."""
DOWNLOAD_FILLER_RE = rf"\b(?:hugging\s*face|{'|'.join(sorted(DOWNLOAD_WORDS))})\b"
NO_CONFIG_WORDS = frozenset(
    "into onto to under in at as by so now then here there today again too also locally "
    "for me us my our your this that it its them and or but if when because after before "
    "first instead quickly asap pls thanks thank thx ty cuz coz via over through latest newest "
    "real quick pronto fast soon called named titled kindly just only "
    "train test validation valid dev split splits".split()
)
"""Words that may follow a dataset's name and are never its config ('download imdb into ...',
'download imdb train split only': a split is no config), nor its name ('the dataset called x')."""


def said_download(
    text: str, revision: str | None, config: str | None
) -> tuple[str, str | None] | None:
    """(dataset, config) of a download named by plain words: the word beside the verb ('download
    imdb'), else the one identifier ('grab the medical_questions_pairs dataset'), else the first
    word that is no request word; the config is the word right after it when it can be one
    ('download glue sst2'), never a preposition or a word of the sentence ('... lex_glue into').
    """
    from agents.slots import STOP_WORDS

    def plain(word: str) -> bool:
        lower = word.lower()
        return lower in STOP_WORDS or lower in HUB_NOT_NAMES or lower in NO_CONFIG_WORDS

    words = rx.sub(DOWNLOAD_FILLER_RE, " ", text, flags=re.I)
    if revision:
        words = words.replace(revision, " ")
    tokens = [
        t for t in rx.findall(r"[\w.-]+", words) if not t.isdigit() and not plain(t) and t != config
    ]
    named = hub_word_named(text)
    if named is None or named == config or named.lower() in NO_CONFIG_WORDS:
        named = bare_hub_name(text)
        named = None if named == config else named
    dataset = named or (tokens[0] if tokens else None)
    if dataset is None:
        return None
    after = rx.search(
        rf"(?<![\w.-]){re.escape(dataset)}(?![\w.-])[\s,]+(?:(?:config|subset)\s+)?"
        r"([A-Za-z0-9][\w.-]*)",
        text,
    )
    following = after.group(1) if after else None
    if (
        following is None
        or plain(following)
        or following.lower() in DOWNLOAD_WORDS
        or (following[0].isupper() and not rx.search(r"[\d_.-]", following))
    ):
        following = None
    return dataset, following


def download_folder(text: str, dataset_id: str) -> str | None:
    """The workspace folder a download is put in ('into datasets/glue_sst2', 'into the folder
    data/squad', 'into the workspace under data/imdb'), never the dataset's own id.
    """
    for match in rx.finditer(
        r"\b(?:into|under|to|in)\s+(?:the\s+|my\s+|our\s+)?(?:(?:local\s+)?(?:folder|directory|dir)"
        r"\s+)?[\"'`]?((?:[\w.-]+/)+[\w.-]*)",
        text,
        re.I,
    ):
        folder = match.group(1).rstrip("/.")
        if (
            folder
            and folder.lower() != dataset_id.lower()
            and "://" not in text[match.start() :][:12]
        ):
            return folder
    return None


def _args_preview_rows(p: Planning, s: Slots) -> dict[str, Any] | None:
    ref = _dataset_ref(p, s)
    if ref is None:
        p.question = "Preview which table? Name a file."
        return None
    args: dict[str, Any] = {"dataset": ref}
    span = rx.search(
        r"\b(?:rows?\s+(?:from\s+|between\s+)?|(?:from|between)\s+rows?\s+)"
        r"(?:(?:number|no\.?|#)\s*)?(\d+)\s*"  # 'rows from number 40 to 70'
        r"(?:to|-|through|until|till|and)\s*(?:rows?\s+)?(?:(?:number|no\.?|#)\s*)?(\d+)",
        p.goal or s.text,  # 'Could I peek at the fines? Rows 100 to 125 or so.'
        re.I,
    )
    count = rx.search(
        rf"\b(?:first|top)\s+{NUM}\b|\b{NUM}\s+(?:rows|lines|records|reads|readings|entries)\b"
        rf"|\b{NUM}\s+(?:is|are|will be) enough\b|\b{NUM}\s+of\s+them\b"  # 'like 50 of them'
        r"|\bhead\s*(?:-n\s*|-)(\d+)\b",  # the shell's 'head -10 of that'
        p.goal or s.text,
        re.I,
    ) or rx.search(
        # 'a few rows of x.csv? like 12': a bare count said loosely after the rows were asked for
        rf"\b(?:rows|lines|records|entries|sample|handful|few|bit|some)\b.{{0,80}}?"
        rf"\b(?:like|say|maybe|about|around|roughly)\s+{NUM}(?:\s+or\s+so)?\W*$",
        p.goal or s.text,
        re.I,
    )
    if span:
        start, end = int(span.group(1)), int(span.group(2))
        # 'rows 100 to 119' is twenty rows, 'rows 500 to 530' thirty: the round count is meant
        inclusive = end - start + 1
        size = inclusive if inclusive % 5 == 0 else end - start
        args["offset"], args["limit"] = start, max(1, min(200, size))
    elif nxt := rx.search(
        rf"\b(?:next|then|show(?:\s+me)?)\s+(?:the\s+)?{NUM}\b", p.goal or s.text, re.I
    ):
        number = _number(nxt.group(1))  # 'skip the first 50 rows, show the next 25'
        if number:
            args["limit"] = min(200, number)
    elif count:
        number = _number(next(g for g in count.groups() if g))
        if number:
            args["limit"] = min(200, number)
    start = (
        None
        if span
        else rx.search(
            # 'rows from 300, 40 of them', 'records starting at 12': where the window starts
            r"\b(?:rows?|lines?|records?|entries)\s+(?:(?:starting|beginning)\s+)?(?:from|at|after)\s+"
            r"(?:(?:number|no\.?|#)\s*)?(\d+)\b(?!\s*(?:%|percent|[.:/-]\d))(?!\s+(?:rows?|lines?|records?))",
            p.goal or s.text,
            re.I,
        )
    )
    if start and not rx.fullmatch(r"(?:19|20)\d\d", start.group(1)) and "offset" not in args:
        args["offset"] = int(start.group(1))  # a year ('rows from 2023') is no position
    where = _rows_named(ref, s.text, set())
    if where:
        args["where"] = where  # 'the first 5 rows where Neighborhood is Airport'
    return args


LIST_TOPIC_SKIP = {
    "here", "file", "files", "disk", "hand", "record", "records", "the", "my", "our", "this",
    "that", "it", "workspace", "me", "us", "there", "now", "offer", "local", "machine",
}  # fmt: skip


LIST_NAME_FILTER_RE = (
    # 'matching supply', 'whose names contain stock', 'named like results'
    r"\b(?:matching|whose\s+names?\s+(?:contains?|has|have|includes?)|names?\s+(?:containing|"
    r"including|with|like|starting\s+with)|named\s+like|called\s+like)\s+"
    r"(?:the\s+)?(?:(?:word|term)\s+)?[\"'`]?([\w-]{2,})\b|"
    # "with 'stock' in (the) name", 'that have results in their names'
    r"\b(?:with|having|have|has|containing)\s+[\"'`]?([\w-]{2,})(?:\.\w+)?[\"'`]?\s+in\s+"
    r"(?:the\s+|their\s+|its\s+)?(?:file\s*)?names?\b"
)
"""A name filter said of a workspace listing; the word is the listing's query."""


def _args_list_local_datasets(p: Planning, s: Slots) -> dict[str, Any] | None:
    """'anything about crops in here?': the topic word narrows the list ('crop'); a topic the
    planner already read as a workspace file ('about crop_yields.csv') gives its first name word.
    """
    named = rx.search(LIST_NAME_FILTER_RE, p.goal or s.text, re.I)
    if named:
        # 'datasets matching supply', "only the ones with 'stock' in the name": a filter on names
        word = next(g for g in named.groups() if g)
        start = named.start(named.lastindex or 0)
        quoted = start > 0 and named.string[start - 1] in "'\"`"
        if rx.match(r"\.\w", named.string[named.end(named.lastindex or 0) :]):
            # a word read as a file: its first name word, singular as the topic's below; a
            # quoted one was written as it is meant ("with 'repairs' in the name")
            word = rx.split(r"[_-]", word)[0]
            if not quoted:
                word = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        return {"query": word.lower()}
    topic = rx.search(
        r"\b(?:anything|something|stuff|data|datasets?|tables?|files?|got)\s+"
        # 'which datasets I have about the kitchen': who holds them, between the noun and topic
        r"(?:(?:do\s+|did\s+)?(?:i|we|you)\s+(?:have|got|keep|hold|own)\s+)?"
        r"(?:about|on|for|regarding|related\s+to)\s+(?:the\s+)?([a-z][a-z-]{2,})",
        s.text,
        re.I,
    )
    if topic is None or topic.group(1).lower() in LIST_TOPIC_SKIP:
        return {}
    word = topic.group(1).lower()
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return {"query": word}


ASKS_ABOUT_DATA_RE = (
    r"\?\s*$|^\s*(?:so\s+|ok\s+|and\s+)?(?:what|which|how|any|are|is|does|do|show|list|tell|"
    r"describe|summari[sz]e|profile)\b"
)
"""A clause that asks about data (a question, or a showing verb first); a bare phrase such as
'the digit column' is an answer to a question, not a request of its own."""
COLUMN_TABLES_READ = 12
"""Workspace tables profiled at most when a question names a column and no table."""


def table_with_column(text: str) -> tuple[str, str] | None:
    """(table, column) when exactly one workspace table has a column the text names ('what's
    the split of categories?' with one table holding `category`; an id column named by a part
    of its name never counts). None with more than COLUMN_TABLES_READ tables (their profiles
    are cached).
    """
    from agents.grounding import workspace_files
    from tools.profile import columns_mentioned

    tables = [f for f in workspace_files() if TABLE_SUFFIX_RE.search(f)]
    if len(tables) > COLUMN_TABLES_READ:
        return None  # a table not read could have the column too: asked, with the candidates
    found: list[tuple[str, str]] = []
    for table in tables:
        profile = table_profile(table)
        if profile is None:
            continue
        named = [c for c in columns_mentioned(profile, text) if not id_by_a_part(profile, c, text)]
        if named:
            found.append((table, named[0]))
    return found[0] if len(found) == 1 else None


def id_by_a_part(profile: dict[str, Any], column: str, text: str) -> bool:
    """An id column the text names by a part of its name only ('a flat' for flat_id): its
    values are one per row, so it is no column asked about. A one-word id-like column ('date',
    'email') or one said whole ('flat_id', 'flat id') is.
    """
    found = next((c for c in profile["columns"] if c["name"] == column), None)
    if found is None or not found.get("id_like"):
        return False
    parts = [w for w in rx.findall(r"[a-z]+|\d+", column.lower()) if w]
    if len(parts) < 2:
        return False
    said = {w.lower() for w in rx.findall(r"[A-Za-z]+|\d+", text)}
    return not all(part in said or part + "s" in said for part in parts)


def _args_inspect_dataset(p: Planning, s: Slots) -> dict[str, Any] | None:
    ref = _dataset_ref(p, s)
    if (
        ref is None
        and not p.question
        and p.memory.get(TURN_KEY) not in ("question", "reply")  # an answer to a question
        and rx.search(ASKS_ABOUT_DATA_RE, s.text, re.I)
        and (found := table_with_column(s.text)) is not None
    ):
        ref, column = found  # 'what's the split of categories?': the one table that has it
        s.label_column = s.label_column or column
        p.notes.append(f"the table with the column you named → {ref}")
    named = [f for f in s.files if f in s.text]  # not the thread's table filled in
    flagged = None if named else flagged_table(p.memory, s.text) or scan_rows_meant(p, s.text)
    if flagged:
        ref = flagged  # 'show only the ones from truck TR-02' after a scan: its flagged rows
    if ref is None:
        p.question = "Which dataset should I inspect? Name a bundled set, a file or a download."
        return None
    args: dict[str, Any] = {"dataset": ref}
    if s.label_column:
        args["label_column"] = s.label_column
    if s.group_by:
        args["group_by"] = s.group_by  # 'the average delay by route'
    unknown = _unknown_summarised(ref, s.text) or (
        None if s.group_by else unknown_group_question(ref, s.text)
    )
    if unknown:
        p.question = unknown
        return None
    ranked = ranked_groups(ref, s.text)
    if ranked is not None:
        # 'top 5 couriers by number of deliveries': the couriers ranked by their deliveries'
        # total (the 'by' names the figure, not the grouping)
        figure = args.get("group_by")
        figure = args.get("label_column") if figure in (None, ranked) else figure
        args["group_by"] = ranked
        from agents.grounding import number_column

        profile = table_profile(ref)
        if figure and profile is not None and number_column(profile, figure):
            args["label_column"], args["statistic"] = figure, "sum"
        elif args.get("label_column") == ranked:
            del args["label_column"]
    where = s.where or _rows_named(ref, s.text, {args.get("group_by")})
    where = _total_asked(ref, s.text, args, where)
    where = _figure_asked(ref, s.text, args, where)
    if where:
        args["where"] = where  # 'which status is most common for route A'
        if args.get("label_column") in where and not isinstance(where[args["label_column"]], dict):
            del args["label_column"]  # 'from truck TR-02': the rows, not a count of trucks
        from agents.reporter import PREVIEW_ROWS_SHOWN

        args["sample_rows"] = PREVIEW_ROWS_SHOWN  # a few rows kept are listed themselves
    sample = rx.search(rf"\bsample\s+of\s+{NUM}\s+(?:\w+\s+)?rows\b", p.goal or s.text, re.I)
    if sample and _number(sample.group(1)):
        args["sample_rows"] = _number(sample.group(1))  # 'a sample of 3 rows with the columns'
    return args


TOP_GROUPS_RE = re.compile(
    r"\b(?:top|bottom|best|worst)\s+(?:\d{1,3}\s+|ten\s+|five\s+|three\s+)?([a-z][\w-]*?)(?:e?s)?\s+"
    r"(?:by|on|for)\s+",
    re.I,
)
"""'top 5 couriers by number of deliveries': the groups ranked (a column of few values)."""


def ranked_groups(ref: Any, text: str) -> str | None:
    """The column whose groups 'top 5 couriers by deliveries' ranks (few values, not an id);
    None when the word names no such column.
    """
    from tools.profile import column_named

    # (a described file is written in after its words: 'couriers (courier_shifts.jsonl) by')
    said = rx.search(TOP_GROUPS_RE, rx.sub(r"\s*\(\s*\)", "", FILE_RE.sub(" ", text)))
    profile = table_profile(ref) if said else None
    name = column_named(profile, said.group(1)) if profile is not None else None
    column = next((c for c in profile["columns"] if c["name"] == name), None) if name else None
    if column is None or column["id_like"] or not (column.get("values") or column.get("top")):
        return None
    return name


def _total_asked(
    ref: Any, text: str, args: dict[str, Any], where: dict[str, Any]
) -> dict[str, Any]:
    """A total asked of a number column ('total revenue by show', 'how many hours did Maria G.
    do in total'): the look's `statistic` is sum, the column named the label where none is,
    and, with no grouping nor filter, a value said alone limits the rows (volunteer = Maria
    G.). Returns the rows the look is limited to.
    """
    from agents.grounding import asks_total, total_column, value_named

    profile = table_profile(ref)
    if profile is None:
        return where
    label = args.get("label_column")
    if label is None and "group_by" not in args:
        label = total_column(profile, text, set(where))
    if label is None or label == args.get("group_by") or not asks_total(profile, text, label):
        return where
    args["label_column"] = label
    args["statistic"] = "sum"
    if not where and "group_by" not in args:
        where = value_named(profile, text, {label})
    return where


FIGURE_WORDS = (
    ("median", r"\bmedian\b"),
    ("min", r"\b(?:min(?:imum)?|lowest|smallest|fewest)\b"),
    ("max", r"\b(?:max(?:imum)?|highest|largest|biggest|longest)\b"),
    ("mean", r"\b(?:average|avg|mean|typical)\b"),
)
"""The figure a look of one number column is asked for, by its word (the first said wins)."""


def figure_said(text: str) -> str | None:
    """The figure the words ask for ('the max instead of the average' → max): the first said,
    not one after 'instead of', 'rather than' or 'not the'; None when none is said.
    """
    found = []
    for name, pattern in FIGURE_WORDS:
        for m in rx.finditer(pattern, text, re.I):
            before = text[max(0, m.start() - 20) : m.start()]
            if not rx.search(r"\b(?:instead\s+of|rather\s+than|not)\s+(?:the\s+)?$", before, re.I):
                found.append((m.start(), name))
    return min(found)[1] if found else None


def _figure_asked(
    ref: Any, text: str, args: dict[str, Any], where: dict[str, Any]
) -> dict[str, Any]:
    """'average hours for Hannah', 'the median rent of the Harbor View units' (no grouping): the
    number column the words name is the look's column and its figure the `statistic`, of the
    rows the words name; the rows' own column is no count. Returns the rows looked at.
    """
    from agents.grounding import number_column, quantity_by_part, value_named
    from tools.profile import columns_mentioned

    if "group_by" in args or "statistic" in args:
        return where
    figure = figure_said(text)
    profile = table_profile(ref) if figure else None
    if profile is None:
        return where
    bare = FILE_RE.sub(" ", text)
    numbers = [n for n in columns_mentioned(profile, bare) if number_column(profile, n)]
    column = next((n for n in numbers if n not in where), None) or quantity_by_part(
        profile, bare, set(where)
    )
    if column is None:
        return where
    args["label_column"], args["statistic"] = column, figure
    if not where:
        where = value_named(profile, text, {column})
    return where


def unknown_group_question(ref: Any, text: str) -> str | None:
    """The question when a summary groups by a column the table has not ('the average rent
    by Zip Code'): which, with the columns of few values offered; None otherwise.
    """
    from agents.grounding import unknown_group

    return _missing_column_question(ref, text, unknown_group, "groups")


def _unknown_summarised(ref: Any, text: str) -> str | None:
    """The question when a summary names a column the table has not ('the average salary_usd
    by Department' on tickets): which column, with its numeric ones offered; None otherwise.
    """
    from agents.grounding import unknown_summarised

    return _missing_column_question(ref, text, unknown_summarised, "numbers")


def _missing_column_question(
    ref: Any, text: str, finder: Callable[[dict[str, Any], str], str | None], offer: str
) -> str | None:
    """A summary's column the table has not (`finder` reads it from the words): the question,
    offering the columns that could be meant (`groups`: few values; `numbers`: numeric).
    """
    profile = table_profile(ref)
    name = finder(profile, text) if profile is not None else None
    if name is None:
        return None
    columns = profile["columns"]
    if offer == "groups":
        fits = [c["name"] for c in columns if c.get("values") and not c["id_like"]]
        offered = f" Columns with few values: {', '.join(fits[:8])}." if fits else ""
        return f"{ref} has no column {name!r} to group by.{offered}"
    fits = [c["name"] for c in columns if c["dtype"].startswith(("int", "float", "uint"))]
    offered = f" Number columns: {', '.join(fits[:8])}." if fits else ""
    return f"{ref} has no column {name!r}. Which column should I summarise?{offered}"


def _rows_named(ref: Any, text: str, looked_at: set[str | None]) -> dict[str, Any]:
    """'how many gaps among the rows where region is North': the rows a look at a table is
    limited to, by its own columns and values (none for a column the look counts or groups).
    """
    from agents.grounding import row_filter

    profile = table_profile(ref)
    if profile is None:
        return {}
    # a range or a value left out of the column grouped by still limits the rows it groups
    return {
        k: v
        for k, v in row_filter(profile, text).items()
        if k not in looked_at or isinstance(v, dict)
    }


LEADERBOARD_SKIP = {
    "hub", "hugging", "huggingface", "hf", "kaggle", "leaderboard", "leaderboards", "it", "them",
    "me", "us", "accuracy", "f1", "average", "top", "sentiment", "text", "this", "that", "our",
    "my", "your", "a", "an", "each", "every", "any", "which", "what", "task", "tasks",
}  # fmt: skip


def _args_model_leaderboard(p: Planning, s: Slots) -> dict[str, Any] | None:
    args: dict[str, Any] = {"task": s.task or "text-classification"}
    on = rx.search(
        r"\b(?:on|for)\s+(?:the\s+)?([\w./-]+?)(?:\s+(?:dataset|benchmark))?\s*\??$",
        s.text.strip(),
        re.I,
    )
    if s.repos:
        args["dataset"] = s.repos[0]
    elif on and on.group(1).lower() not in (s.task or "", "text-classification", "sentiment", "me"):
        args["dataset"] = on.group(1)
    else:
        # 'rank best on sst2 on the Hub leaderboard', 'for sentiment on amazon reviews?': the
        # first word after 'on' that names no hub, task or leaderboard
        for said in rx.finditer(r"\bon\s+(?:the\s+)?([a-z][\w./-]*)", p.goal or s.text, re.I):
            word = said.group(1).rstrip(".")
            if word.lower() not in LEADERBOARD_SKIP and word.lower() != (s.task or "").lower():
                args["dataset"] = word
                break
    limit = s.limit or _goal_limit(p.goal)
    if limit:
        args["limit"] = limit
    return args


def partly_labeled_tables() -> list[tuple[str, str]]:
    """(table, column) for each person's table with a label-like column that is partly filled
    in (some rows labeled, many not): the data a goal like 'label the rest' means.
    """
    from agents.grounding import workspace_files
    from agents.references import is_gold_file, person_files
    from tools.profile import profile_table

    found = []
    for name in person_files(workspace_files()):
        if is_gold_file(name) or not name.lower().endswith((".csv", ".tsv", ".jsonl", ".parquet")):
            continue
        profile = profile_table(name)
        columns = [
            c
            for c in (profile or {}).get("columns", [])
            if c["label_like"] and c["partly_filled"] and c["missing_share"] >= 0.3
        ]
        if len(columns) == 1:
            found.append((name, columns[0]["name"]))
    return found


def _labeling_common(p: Planning, s: Slots) -> dict[str, Any] | None:
    data = _data_path(p, s)
    if data is None and not p.question and FILE_RE.search(p.goal or ""):
        # 'get the open claims labelled ..., then score new.csv': a goal that names another
        # file was not read for described data; the table this clause's words describe
        from agents.grounding import workspace_files
        from agents.references import described_files

        described = described_files(s.text, workspace_files())
        if len(described) == 1 and TABLE_SUFFIX_RE.search(described[0]):
            data = described[0]
            p.notes.append(f"the data you described → {data}")
    if data is None and not p.question and s.gold:
        # 'rules learned from the gold labels in g.csv': the one table those hand labels are
        # shaped for (a key it has, a label it lacks or has only partly) is the data
        from agents.grounding import workspace_files

        gold = table_profile(s.gold)
        labeled = labeled_by(s.gold, gold, workspace_files()) if gold is not None else []
        if len(labeled) == 1:
            data = labeled[0]
            p.notes.append(f"the table your hand labels in {s.gold} label → {data}")
    if data is None and not p.question:
        partly = partly_labeled_tables()
        own = [(name, column) for name, column in partly if name == s.gold]
        if own:
            # 'from the 90 hand-labelled rows in returns.csv': the file named as hand labels
            # is the data itself, its filled-in cells the hand labels
            partly, s.gold = own, None
        if len(partly) == 1:
            data, column = partly[0]
            s.label_column = s.label_column or column
            p.notes.append(f"the table with labels still to fill in → {data} ({column})")
        elif partly:
            shown = ", ".join(f"{name} ({column})" for name, column in partly[:8])
            p.question = f"Which data should I label? These have labels to fill in: {shown}."
            return None
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


def _args_label_dataset(p: Planning, s: Slots) -> dict[str, Any] | None:
    args = _labeling_common(p, s)
    if args is None:
        return None
    source = (p.memory.get("labeled_sources") or {}).get(args["data_path"])
    if isinstance(source, str) and not s.files:
        # 'the category one' after a labeling run: the table it read, not its output (whose
        # label column is already full); a file named outright stays what it names
        args["data_path"] = source
    targets = extract_targets(s.text)
    metric = next((m for m in LABEL_METRICS if m in targets), None)
    if metric:
        args["target_metric"] = LABEL_METRICS[metric]
        args["target_value"] = targets[metric]
    options = loop_options(s.text, "label_dataset")
    if "max_attempts" in options:
        args["max_attempts"] = options["max_attempts"]
    folder = ARTIFACTS_DIR_RE.search(s.text)
    if folder:
        args["output_dir"] = folder.group(1).rstrip("/")
    return args


def _args_write_labeling_functions(p: Planning, s: Slots) -> dict[str, Any] | None:
    _, _, out = role_files(s.text, s.files)
    # 'save the rule set to rules/x.json': a .json that is not there is where the rules go,
    # whatever verb said so; it is no data to label
    unwritten = [f for f in s.files if f.lower().endswith(".json") and not is_workspace_file(f)]
    if not out and len(unwritten) == 1:
        out = unwritten
    if out and not is_workspace_file(out[-1]):
        s = Slots(**{**s.__dict__, "files": [f for f in s.files if f not in out]})
    args = _labeling_common(p, s)
    if args is None:
        return None
    if out:
        args["output_path"] = out[-1]
    return args


MAX_RUNS_LISTED = 20_000
"""The most labeling/ entries read when looking for a data's earlier labeling functions (names
only, no file is opened: a busy workspace's ten thousand runs are read in milliseconds)."""


def earlier_lfs(data: Any) -> str | None:
    """The labeling functions the newest earlier labeling run on `data` wrote (a workspace path),
    or None: folders of labeling/ named as the labeling loop names them
    (`<file_stem>-<YYYYmmdd-HHMMSS>`, so notes.csv's runs are not notes-archive.csv's), not
    symlinks, holding their own labeling_functions.json.
    """
    from store.workspace import workspace_root
    from tools.labeling.outputs import file_stem

    if not isinstance(data, str) or not data.strip() or "${" in data:
        return None
    root = workspace_root() / "labeling"
    if root.is_symlink() or not root.is_dir():
        return None
    run_name = rx.compiled(rf"{re.escape(file_stem(data))}-\d{{8}}-\d{{6}}")
    runs = []
    try:
        with os.scandir(root) as entries:
            for i, entry in enumerate(entries):
                if i >= MAX_RUNS_LISTED:
                    break
                if run_name.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
                    runs.append(entry.name)
    except OSError:
        return None
    for name in sorted(runs, reverse=True):  # the stamp sorts as the time does
        lfs = root / name / "labeling_functions.json"
        if lfs.is_file() and not lfs.is_symlink():
            return f"labeling/{name}/labeling_functions.json"
    return None


def has_hand_labels(args: dict[str, Any]) -> bool:
    """Whether labeling arguments name hand labels to write labeling functions from: a gold file,
    or a label-like column of the data that is partly filled in.
    """
    from tools.profile import profile_table

    if args.get("gold_path"):
        return True
    data = args.get("data_path")
    profile = profile_table(data) if isinstance(data, str) and "${" not in data else None
    wanted = args.get("label_column")
    return any(
        c["partly_filled"] and (c["name"] == wanted if wanted else c["label_like"])
        for c in (profile or {}).get("columns", [])
    )


def _args_apply_labeling_functions(p: Planning, s: Slots) -> dict[str, Any] | None:
    args = _labeling_common(p, s)
    if args is None:
        return None
    if s.files:
        args["data_path"] = s.files[-1]
    producer = p.last_step("write_labeling_functions")
    lfs = f"${{steps.{producer}.labeling_functions}}" if producer is not None else None
    lfs = lfs or stated_lfs(p, s) or None
    said_file = next((f for f in s.files if f.lower().endswith(".json")), None)
    if lfs is None and said_file is None:
        lfs = p.memory.get("labeling_functions")  # a rules file named here beats the thread's
    rules_file = said_file or next(
        (f for f in FILE_RE.findall(p.goal) if f.lower().endswith(".json") and s.files), None
    )  # 'I have the rules in x.json. Apply them to new.jsonl': the file an earlier clause named
    if lfs is None and rules_file is None:
        rules_file = rules_meant(p.goal)  # 'apply our triage rules to ...': the file described
    if lfs is None and rules_file:
        args["lfs_path"] = rules_file  # 'apply the rules in rules/x.json to ...'
        others = [f for f in s.files + FILE_RE.findall(p.goal) if f != rules_file]
        args["data_path"] = next(iter(others), args.get("data_path"))
    elif lfs is None:
        data = args.get("data_path")
        earlier = earlier_lfs(data)
        if earlier:
            args["lfs_path"] = earlier  # 'run the labeling on x.csv' after a run on x.csv
            p.notes.append(f"the labeling functions of the last run on {data} → {earlier}")
        elif has_hand_labels(args):
            # 'apply the labeling functions to x.csv' with none written yet: write them from
            # the hand labels first, then apply them (the LF-applying tool, not a question).
            p.add(
                "write_labeling_functions",
                {k: v for k, v in args.items() if k != "labels"},
                why="no labeling functions yet: written from the hand labels first",
            )
            lfs = f"${{steps.{len(p.steps) - 1}.labeling_functions}}"
        else:
            p.question = "Which labeling functions should I apply? Write them first, or give them."
            return None
    written = p.steps[producer].args.get("output_path") if producer is not None else None
    if isinstance(lfs, str) and lfs.startswith("${steps.") and isinstance(written, str) and written:
        # 'write LFs ... to x.json, then apply them': the file they are written to, as a vote
        # after a write reads it (the same rules; the plan shows where they are)
        args["lfs_path"] = written
    elif lfs is not None:
        args["labeling_functions"] = lfs
    args.pop("gold_path", None)
    args.pop("labels", None)
    scored = [
        f
        for f in FILE_RE.findall(p.goal)
        if f not in (args.get("data_path"), rules_file)
        and TABLE_SUFFIX_RE.search(f)
        and rx.search(
            rf"\b(?:{rx.MEASURED_AGAINST}|gold(?:\s+(?:file|labels?))?(?:\s*(?:in|is|=|:))?)"
            # 'against the hand-checked topics in x.csv'
            rf"\s+(?:the\s+(?:[\w-]+\s+){{1,3}}in\s+)?{re.escape(f)}",
            p.goal,
            re.I,
        )
    ]
    if len(scored) == 1:
        args["gold_path"] = scored[0]  # '... with its accuracy against checked.csv': the gold

    own = own_gold_column(p.goal, args.get("data_path"), lfs)
    if own and "label_column" not in args:
        args["label_column"] = own
    return args


SCORE_OWN_RE = (
    r"\b(?:hand[- ]?label\w*|gold|already (?:filled|label\w*|tagged|marked|there)|"
    r"(?:we|i|you) (?:already )?(?:filled|labell?ed|tagged|marked)|existing labels?|"
    r"agree\w*|against)\b"
)
"""Scoring stated rules against labels the table already holds ('how often they agree with …')."""


def own_gold_column(goal: str, data: Any, lfs: Any) -> str | None:
    """The data's own label column that stated rules are scored against, when the goal asks so.

    The label-like column whose values hold the most of the rules' labels (at least one); no
    other gold file named.
    """
    if (
        not isinstance(lfs, list)
        or not isinstance(data, str)
        or not rx.search(SCORE_OWN_RE, goal, re.I)
    ):
        return None
    profile = table_profile(data)
    if profile is None:
        return None
    labels = {str(lf.get("label")).lower() for lf in lfs if isinstance(lf, dict)}
    best, hits = None, 0
    for column in profile["columns"]:
        if not column["label_like"]:
            continue
        found = len(labels & {str(v).lower() for v in column.get("top", {})})
        if found > hits:
            best, hits = column["name"], found
    return best


def stated_lfs(p: Planning, s: Slots) -> list[dict[str, Any]]:
    """Keyword rules the goal states in words, as LFs on the named table's text column."""
    from agents.conditions import condition_lfs, says_conditions
    from agents.rules import parse_rules, to_lfs

    rules = parse_rules(p.goal)
    data = next((f for f in s.files if not f.lower().endswith(DOC_FILES)), None)
    if rules and (data is None or not _table_columns(data)):
        # 'rules for a.csv: ... Vote them on every row and write v.csv': the table said before
        named = [f for f in FILE_RE.findall(p.goal) if not f.lower().endswith(DOC_FILES)]
        data = next((f for f in named if _table_columns(f)), None)
    said = says_conditions(p.goal)
    profile = table_profile(data) if (rules or said) and data else None
    if profile is None:
        return []
    texts = [c["name"] for c in profile["columns"] if c["text_like"]]
    keyword = to_lfs(rules, profile["names"], texts[0] if texts else None)
    conditions = condition_lfs(p.goal, profile) if said else []
    return conditions if len(conditions) > len(keyword) else keyword


MAX_RULES_BYTES = 2_000_000


RULES_WORD_RE = r"\b(?:rules?|lfs?|label(?:l)?ing functions?|heuristics)\b"
"""Rules spoken of at all (`planner.RULES_SAID_RE` is rules described by what they are for)."""


def rules_meant(goal: str) -> str | None:
    """The rules file a goal means without naming it in the clause: the one named .json of the
    goal that holds labeling functions ('we have rules in x.json. I want a vote ...'), else
    the workspace's rules file its words describe ('our callout rules file' →
    rules/callout_rules.json: a name word said), else the only one there is when the goal
    speaks of 'the/our rules file'. None when unclear.
    """
    if not rx.search(RULES_WORD_RE, goal, re.I):
        return None
    named = list(dict.fromkeys(f for f in FILE_RE.findall(goal) if f.lower().endswith(".json")))
    if named:
        held = [f for f in named if holds_rules(f)]
        return held[0] if len(held) == 1 else None
    from agents.grounding import workspace_files
    from agents.references import _said, file_tokens, goal_words, same_form

    files = [f for f in workspace_files() if f.lower().endswith(".json") and holds_rules(f)]
    words = goal_words(goal)
    plain = {"rules", "rule", "lfs", "lf", "labeling", "labelling", "functions", "json"}

    def hits_by(is_said: Callable[[str], bool]) -> dict[str, int]:
        """Per rules file, how many of its name words (not the plain ones) are said."""
        return {
            f: sum(1 for t in file_tokens(f.rsplit("/", 1)[-1]) if t not in plain and is_said(t))
            for f in files
        }

    hits = hits_by(lambda t: _said(t, words))
    best = max(hits.values(), default=0)
    if not best:
        # 'the rules Ravi wrote for the disease notes' (written in as disease_notes.csv): the
        # rules file that shares a name word with the table the rules are for
        tables = [file_tokens(f.rsplit("/", 1)[-1]) for f in FILE_RE.findall(goal)]
        said = {t.lower() for tokens in tables for t in tokens if t not in plain and len(t) >= 3}
        hits = hits_by(lambda t: any(same_form(t.lower(), w) for w in said))
        best = max(hits.values(), default=0)
    top = [f for f, n in hits.items() if n == best]
    if best and len(top) == 1:
        return top[0]
    if len(files) == 1 and rx.search(
        r"\b(?:the|our|my|their|those|these)\s+(?:rules?|lfs?)\s+(?:file|set)\b", goal, re.I
    ):
        return files[0]
    return None


def holds_rules(name: str) -> bool:
    """Whether a workspace .json file holds labeling functions (a list of objects, each with
    a label and a kind, keywords or code), read from its contents, not its name.
    """
    if "${" in name or not name.lower().endswith(".json"):
        return False
    from store.workspace import resolve_path

    try:
        path = resolve_path(name)
        stat = path.stat()
    except (ForgeflowError, OSError):  # refused, or not there
        return False
    if not S_ISREG(stat.st_mode) or stat.st_size > MAX_RULES_BYTES:
        return False
    # a rules goal reads every workspace .json (`rules_meant`): each file once while unchanged
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _RULES_READ:
        if len(_RULES_READ) >= MAX_RULES_READ:
            _RULES_READ.pop(next(iter(_RULES_READ)))
        _RULES_READ[key] = _reads_as_rules(path)
    return _RULES_READ[key]


MAX_RULES_READ = 2048
"""The most .json files whose reading `holds_rules` keeps (the oldest dropped first)."""
_RULES_READ: dict[tuple[str, int, int], bool] = {}


def _reads_as_rules(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # '[[[[…' nested past the stack
        return False
    if isinstance(data, dict):
        data = data.get("labeling_functions") or data.get("lfs") or data.get("rules")
    return (
        isinstance(data, list)
        and bool(data)
        and all(
            isinstance(f, dict)
            and "label" in f
            and any(k in f for k in ("kind", "keywords", "code"))
            for f in data
        )
    )


def _args_vote_labels(p: Planning, s: Slots) -> dict[str, Any] | None:
    rules = [f for f in s.files if f.lower().endswith(".json") and is_workspace_file(f)]
    held = [f for f in rules if holds_rules(f)]
    meant = None if rules else rules_meant(p.goal)
    # a named file that holds labeling functions is the rules: its contents say so, and words
    # read as rules beside it are the goal's prose ('each rule's vote plus the majority'); so
    # is the rules file an earlier clause names, or the one the words describe
    lfs: list[dict[str, Any]] | str = (
        held[0] if len(held) == 1 else meant if meant else stated_lfs(p, s)
    )
    producer = p.last_step("write_labeling_functions")
    if not held and producer is not None:
        # 'write LFs ... to x.json, then vote them over ...': the rules the goal just wrote, read
        # from the file they are written to when it is named
        written = p.steps[producer].args.get("output_path")
        lfs = written if written else f"${{steps.{producer}.labeling_functions}}"
    if held:
        s = Slots(**{**s.__dict__, "files": [f for f in s.files if f not in held]})
    if not lfs and len(rules) == 1:
        lfs = rules[0]  # 'apply mined.json to x.csv with per-row votes': the rules file
        s = Slots(**{**s.__dict__, "files": [f for f in s.files if f != rules[0]]})
    thread_rules, thread_data = _thread_rules(p.memory)
    if not lfs and thread_rules:
        lfs = thread_rules  # 'have them vote' after the thread wrote or applied its rules
        p.notes.append(f"the rules of this conversation → {_shown(thread_rules)}")
    if not lfs:
        p.question = "Which rules should vote? e.g. \"'refund' → billing, 'password' → account\"."
        return None
    data, _, _ = role_files(p.goal, s.files)
    if lfs is thread_rules and thread_data and not any(_table_columns(f) for f in data):
        data = [thread_data]  # the rows those rules were applied to
    # the rules file is read ('the rules saved in x.json'), never the votes' output
    outs = [f for f in role_files(p.goal, FILE_RE.findall(p.goal))[2] if not holds_rules(f)]
    # a file not there is written, not read; a rules file is no table of rows
    data = [f for f in data if _table_columns(f) and not holds_rules(f)]
    if not data:  # the table named in an earlier clause of the goal
        named = role_files(p.goal, FILE_RE.findall(p.goal))[0]
        data = [f for f in named if _table_columns(f) and not holds_rules(f)]
        outs = outs or [f for f in named if f not in data]
    if not data:
        return None
    # 'out x.csv', 'give me a file, x.csv': the one named table that is not there is written
    outs = outs or _unwritten_tables(p.goal, data)
    out = outs[0] if outs else rx.sub(r"(\.\w+)$", r"_votes\1", data[0])
    args: dict[str, Any] = {"data_path": data[0], "output_path": out, "labeling_functions": lfs}
    own = own_gold_column(p.goal, data[0], lfs)
    if own:
        args["label_column"] = own
    profile = table_profile(data[0])
    ids = [c["name"] for c in (profile or {}).get("columns", []) if c["id_like"]]
    if ids:
        args["id_column"] = ids[0]
    return args


RULE_TOOLS = ("apply_labeling_functions", "write_labeling_functions", "vote_labels")


def _thread_rules(memory: dict[str, Any]) -> tuple[Any, str | None]:
    """The labeling functions the thread's last rules step wrote or applied (a rules file, else
    the written functions) and the table it read; (None, None) without one.
    """
    last = memory.get("last_call") or {}
    args = last.get("args") if isinstance(last, dict) else None
    if not isinstance(args, dict) or last.get("tool") not in RULE_TOOLS:
        return memory.get("labeling_functions") or None, None
    rules = args.get("lfs_path") or args.get("labeling_functions")
    if last.get("tool") == "write_labeling_functions":
        rules = args.get("output_path") or memory.get("labeling_functions")
    data = args.get("data_path") or args.get("dataset")
    rules = rules or memory.get("labeling_functions") or None
    return rules, data if isinstance(data, str) and _table_columns(data) else None


def _shown(value: Any) -> str:
    """A short form of an argument's value for a note."""
    return value if isinstance(value, str) else f"{len(value)} functions"


def _unwritten_tables(goal: str, read: list[str]) -> list[str]:
    """The table names the goal says that are not in the workspace (and not read): when there
    is exactly one, it can only be a file to write.
    """
    from agents.references import TABLE_EXT

    new = [
        f
        for f in dict.fromkeys(FILE_RE.findall(goal))
        if f.lower().endswith(TABLE_EXT)
        and f not in read
        and "${" not in f
        and not is_workspace_file(f)
    ]
    return new if len(new) == 1 else []


def _args_labeling_workbench(p: Planning, s: Slots) -> dict[str, Any] | None:
    folder = labeling_dir(p)
    if folder is not None:
        return {"labeling_dir": folder}
    p.question = "Open the workbench on which labeling run? Label a table first."
    return None


def labeling_dir(p: Planning) -> str | None:
    producer = p.last_step("label_dataset")
    if producer is not None:
        # 'label x into labeling/q3 and show me ...': the folder the person named for the run
        named = p.steps[producer].args.get("output_dir")
        if isinstance(named, str) and named:
            return named
        return f"${{steps.{producer}.labeled_path}}"
    said = said_run_folder(p.goal or "")
    if said is not None and is_workspace_folder(said):
        return said  # 'fix R12 in the shop/ticket_labels workbench': the run the person names
    labeled = p.memory.get("labeled")
    if isinstance(labeled, str) and labeled.endswith("labeled.parquet"):
        return rx.sub(r"(?:/workbench)?/labeled\.parquet$", "", labeled)
    return said  # a folder not there (yet): only with no run on the thread


RUN_FOLDER_RE = re.compile(
    rf"(?<![^\s\"'`(\[,;:])([\w-]{{1,{rx.WORD_MAX}}}(?:/[\w-]{{1,{rx.WORD_MAX}}}){{1,8}})/?"
    r"(?![\w/~-]|\.\w)"
)
"""A folder said by its path ('tours/review_labels', 'runs/q3/'): a path with no file ending."""


WRITTEN_TO_RE = re.compile(
    r"\b(?:to|into|onto|under|as)\s+(?:the\s+|a\s+|new\s+)*(?:folder\s+|directory\s+|dir\s+)?"
    r"[\"'`]?$",
    re.I,
)
"""Words before a folder that make it a place to write to, not a run to read."""


def said_run_folder(text: str) -> str | None:
    """The one labeling run folder a goal names by its path (no producing step planned): a
    folder the workspace resolver accepts, not a file, under a folder of the workspace or with a
    digit, '_' or '-' in it (plain words joined by '/' are classes: 'refund/billing'); None when
    none or several are said.
    """
    from store.workspace import confined, workspace_root

    folders = []
    for found in rx.finditer(RUN_FOLDER_RE, text):
        if rx.search(WRITTEN_TO_RE, text[max(0, found.start() - 40) : found.start()]):
            continue  # 'export the labels to out/final': where something is written
        name = found.group(1).removesuffix("/labeled.parquet").removesuffix("/workbench")
        if not confined(name) or is_workspace_file(name) or name.split("/", 1)[0] == "models":
            continue
        where = workspace_root() / name
        if (where.exists() and not where.is_dir()) or any(where.parent.glob(f"{where.name}.*")):
            continue  # a file, or a file's name without its ending ('depot/tickets_new')
        if not is_workspace_folder(name.split("/", 1)[0]) and not rx.search(r"[\d_-]", name):
            continue  # 'refund/billing', 'yes/no': classes said with a slash, no folder's path
        folders.append(name)
    folders = list(dict.fromkeys(folders))
    return folders[0] if len(folders) == 1 else None


def bind_run_folders(steps: list[Any]) -> None:
    """A later step on the labeling run reads the folder the person named for it ('label x,
    put the run in labeling/q3, then open the workbench'): the folder may be said in a clause
    after the one that planned the step, so it is bound once every argument is.
    """
    for step in steps:
        ref = rx.fullmatch(r"\$\{steps\.(\d+)\.labeled_path\}", str(step.args.get("labeling_dir")))
        if ref is None or int(ref.group(1)) >= len(steps):
            continue
        producer = steps[int(ref.group(1))]
        named = producer.args.get("output_dir")
        if producer.tool == "label_dataset" and isinstance(named, str) and named:
            step.args["labeling_dir"] = named


AFTER_LABELING_RE = r"^\W*(?:once|after|when)\s+you(?:'ve|\s+have)?\s+(?:done\s+)?(?:the\s+)?label\w*\s+(?:the\s+)?\S+"
"""'After you've labelled X': the labeling a clause follows, not a label it asks about."""


def _args_workbench_rows(p: Planning, s: Slots) -> dict[str, Any] | None:
    folder = labeling_dir(p)
    if folder is None:
        return None
    args: dict[str, Any] = {"labeling_dir": folder}
    # the step's clause first, then the goal's other clauses (a router's step put on the
    # labeling clause: '..., then pull up the rows that came out as x')
    for text in dict.fromkeys((s.text, p.goal or s.text)):
        label = rx.search(
            r"\b(?:labell?ed|voted|marked|tagged|predicted|called|classified|ended up|came out|"
            r"turned out)\s+"
            r"(?:as\s+)?(?:being\s+)?[\"'`]?([\w<>=.-]+)|"
            r"\b(?:label|class)\s+(?:is\s+|=\s*)?[\"'`]([\w<>=.-]+)|\blabel\s+(?:is|=)\s*([\w<>=.-]+)",
            rx.sub(AFTER_LABELING_RE, "", _without_names(text)),
            re.I,
        )
        value = label and next(g for g in label.groups() if g)
        if value and value.lower() not in (
            "the", "a", "by", "from", "with", "as", "came", "coming", "on", "using", "in",
        ):  # fmt: skip
            args["label"] = value
            break
    for source, words in (
        ("end_model", r"end[- ]model"),
        ("label_model", r"label[- ]model"),
        ("majority_vote", r"majority"),
        ("hand", r"hand[- ]?label"),
    ):
        if rx.search(words, s.text, re.I):
            args["source"] = source
            break
    return args


CORRECTION_RE = re.compile(
    r"\b(?:row|post|id|item|record|ticket|visit|review)?\s*#?"
    rf"({rx.ID_TOKEN})\s+(?:is|should be|"
    r"=|→|->)\s+(?:actually\s+|really\s+|clearly\s+|obviously\s+|definitely\s+)*"
    r"(?:a\s+|an\s+)?[\"'`]?([\w<>=.-]+)",
    re.I,
)


WRONG_LABEL_RE = re.compile(
    rf"#?\b({rx.ID_TOKEN})\s+(?:is|was|'s|looks|seems|got|came out)\s+(?:\w+\s+)?"
    # 'X is not reject, it is amend': the class it was given, denied
    r"(?:wrong|mislabell?ed|incorrect|not right|off|not\s+(?:an?\s+)?[\w-]{1,40}?)\b"
    r"[^.;]*?\b(?:it|that(?: one)?|this(?: one)?|which)\s*(?:'s|is|should be|must be|=)\s+"
    r"(?:actually\s+|really\s+|clearly\s+)*(?:a\s+|an\s+)?[\"'`]?([\w<>=.-]+)",
    re.I,
)
NOT_A_LABEL = {"wrong", "incorrect", "mislabeled", "mislabelled", "not", "off", "right"}
FIX_VERB_RE = re.compile(r"\b(?:fix|change|set|correct|relabel|switch|flip|move|make)\w*\b", re.I)
FIX_TO_RE = re.compile(
    r"(?:\b(?:row|post|id|item|record|ticket|visit|review)\s*)?#?(?<![\w-])"
    rf"({rx.ID_TOKEN})\s+"
    r"(?:to|into|as)\s+(?:a\s+|an\s+)?[\"'`]?([A-Za-z][\w<>=.-]*)",
    re.I,
)
"""'fix R12 to defective and R34 to wrong_size': after a fixing verb, each id and its label."""


ROW_WORD_RE = re.compile(r"\b(?:row|line)\s*(?:no\.?|number|#)?\s*$", re.I)
"""The words before a number that make it a row ('row 12', 'line #3'), not an id."""


ROW_RANGE_RE = re.compile(
    r"\b(rows?|lines?|ids?|posts?|items?|records?|tickets?|reviews?)\s+#?(\d+)\s*(?:to|through|thru|-|–|…|\.\.)"
    r"\s*#?(\d+)\b(?:\s*\(?inclusive\)?)?\s+(?:are|is|should (?:all )?be|all are|=|→|->|(?:to|into|as))\s+"
    r"(?:all\s+|actually\s+|really\s+)*(?:a\s+|an\s+)?[\"'`]?([A-Za-z][\w<>=.-]*)",
    re.I,
)
"""'rows 40 to 55 are spam': one correction per row of an inclusive range (up to 1000)."""


def _range_corrections(text: str) -> tuple[list[dict[str, Any]], list[tuple[int, int]]]:
    out: list[dict[str, Any]] = []
    spans: list[tuple[int, int]] = []
    for m in ROW_RANGE_RE.finditer(text):
        low, high, label = int(m.group(2)), int(m.group(3)), m.group(4).rstrip(".")
        if high < low or high - low >= 1000 or label.lower() in NOT_A_LABEL:
            continue
        key = "row" if m.group(1).lower().startswith(("row", "line")) else "id"
        out += [{key: i, "label": label} for i in range(low, high + 1)]
        spans.append(m.span())
    return out, spans


LISTED_IDS_RE = re.compile(
    rf"(?<![\w-])({rx.ID_TOKEN}(?:\s*(?:,|and|&)\s*{rx.ID_TOKEN})+)\s+(?:are|should be|=)\s+"
    r"(?:all\s+|both\s+)?(?:actually\s+|really\s+)?(?:a\s+|an\s+)?[\"'`]?([\w-]+)",
    re.I,
)


def corrections(text: str) -> list[dict[str, Any]]:
    """'row 12 should be spam', 'FB10 is wrong, that one's mixed': (id or row, label) corrections.

    A bare number the person called a row ('row 12') is sent as `row`, so correct_labels can
    take it as a position when no id column holds it.
    """
    found = [(m.group(1), m.group(2), m.start(1)) for m in WRONG_LABEL_RE.finditer(text)]
    seen = {i for i, _, _ in found}
    found += [
        (m.group(1), m.group(2), m.start(1))
        for m in CORRECTION_RE.finditer(text)
        if m.group(1) not in seen and m.group(2).lower() not in NOT_A_LABEL
    ]
    verb = FIX_VERB_RE.search(text)
    if verb:
        seen = {i for i, _, _ in found}
        found += [
            (m.group(1), m.group(2), m.start(1) + verb.end())
            for m in FIX_TO_RE.finditer(text[verb.end() :])
            if m.group(1) not in seen and m.group(2).lower() not in NOT_A_LABEL
        ]
    seen = {i for i, _, _ in found}
    for m in LISTED_IDS_RE.finditer(text):  # 'QX-4 and QX-9 are porosity': one class for both
        if m.group(2).lower() in NOT_A_LABEL:
            continue
        for ident in rx.finditer(rf"(?<![\w-]){rx.ID_TOKEN}", m.group(1)):
            if ident.group() not in seen:
                found.append((ident.group(), m.group(2), m.start(1) + ident.start()))
    out, spans = _range_corrections(text)
    for i, label, start in found:
        if any(a <= start < b for a, b in spans):
            continue  # inside a range already expanded
        row = i.isdigit() and ROW_WORD_RE.search(text[max(0, start - 20) : start].rstrip("#"))
        key = "row" if row else "id"
        out.append({key: int(i) if i.isdigit() else i, "label": label.rstrip(".")})
    return out


def _args_correct_labels(p: Planning, s: Slots) -> dict[str, Any] | None:
    folder = labeling_dir(p)
    fixes = corrections(s.text) or (
        corrections(p.goal)
        if rx.search(r"\b(those|these|them|both|the two)\b", s.text, re.I)
        else []
    )
    if folder is not None and "${" not in folder:
        from agents.runs import labeling_runs, run_corrections

        run = next((r for r in labeling_runs() if r.dir == folder), None)
        if run is not None and run.ids and run.classes:
            # 'Message 506 should be a complaint and 519 a price question': with the run's ids
            # and classes known, each id said gets the class said after it, in its words
            by_run = [f for f in run_corrections(s.text, run) if "row" not in f]
            if len(by_run) > len(fixes):
                fixes = by_run
    if folder is None or not fixes:
        return None
    return {"labeling_dir": folder, "corrections": fixes}


def _args_export_labeled_data(p: Planning, s: Slots) -> dict[str, Any] | None:
    folder = labeling_dir(p)
    if folder is None:
        return None
    args: dict[str, Any] = {"labeling_dir": folder}
    fmt = rx.search(r"\b(csv|parquet)\b", s.text, re.I)
    if fmt:
        args["format"] = fmt.group(1).lower()
    out = [f for f in s.files if f.lower().endswith((".csv", ".parquet"))]
    if out:
        args["output_path"] = out[-1]
    return args


def _labeling_output(data: str) -> bool:
    """A label_dataset output named as a file: a run's labeled.parquet holding prob_<class> columns."""
    if data.startswith("${") or not data.lower().endswith("labeled.parquet"):
        return False
    from tools.profile import profile_table

    profile = profile_table(data)
    if profile is None:
        return "labeling/" in data.replace("\\", "/")
    return sum(str(n).startswith("prob_") for n in profile["names"]) >= 2


def _args_train_model(p: Planning, s: Slots) -> dict[str, Any] | None:
    data = _data_path(p, s)
    if data is None:
        p.question = "Which data should I train on? Name a file or a bundled dataset."
        return None
    args: dict[str, Any] = {"dataset": data}
    if (
        p.last_step("label_dataset") is not None
        or data == p.memory.get("labeled")
        or _labeling_output(data)
    ):
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
    name = output_name(s.text) or _named_as(s.text)
    if name is None and p.goal and p.last_step("train_model") is None:
        # 'Name the model escalation_v1.' said in a clause of its own: the first training's
        said = MODEL_NAMED_RE.search(p.goal)
        name = said.group(1) if said else None
    if name:
        args["name"] = name
    _, tests, _ = role_files(s.text, s.files)
    tests = [f for f in tests if f != data]
    if (
        not tests
        and s.files == [data]
        and rx.search(TEST_FILE_RE + re.escape(data), s.text, re.I)
        and not rx.search(TRAIN_ON_RE + re.escape(data), s.text, re.I)
    ):
        # 'we graded every bin this autumn (a.csv, ...). I'd love a model that grades them,
        # tested on last year's bins in b.csv': the clause's one file is the test set, the
        # table described before it the data (profiled only here: after the cheap checks)
        described = [f for f in p.context_files if f != data and f != s.gold and _table_columns(f)]
        if described:
            args["dataset"], tests = described[-1], [data]
    if not tests and isinstance(data, str) and held_out_named(data):
        # '..., fit on the labeled result and report metrics on x_test.csv': a file whose
        # name says it is held out is the test set when the rows to learn from are elsewhere
        rest = [f for f in s.files if f != data and f != s.gold and not held_out_named(f)]
        producer = p.last_step("label_dataset")
        learn = rest[0] if rest and _table_columns(rest[0]) else None
        if learn is None and producer is not None and not rest:
            learn = f"${{steps.{producer}.labeled_path}}"
        if learn is not None:
            args["dataset"], tests = learn, [data]
    if tests:
        args["test_dataset"] = tests[0]
    if "target_metric" not in args:
        named = rx.search(
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
            value = rx.search(
                rf"{re.escape(named.group(1))}\s*(?:of|>=|≥|=|:|at least|to)?\s*(\d+(?:\.\d+)?)\s*(%?)",
                s.text,
                re.I,
            )
            # 'F1 >= 7' is no score (they run 0 to 1): no target (the plan's notes say so)
            if value and (value.group(2) or not 1 < float(value.group(1)) < 50):
                args["target_value"] = fraction(value.group(1), value.group(2))
    if "target_metric" not in args and (said := regression_target(s.text)) is not None:
        # 'MAE please', 'rmse under 3', 'r2 of 0.8': a regression's metric and target (MAE
        # and RMSE in the target's units, reached at or under the value)
        args["target_metric"] = said[0]
        if said[1] is not None:
            args["target_value"] = said[1]
    args.update(loop_options(s.text, "train_model"))
    weights = stated("train_model", s.text).get("class_weights")
    if weights:
        args["class_weights"] = weights
    return args


HELD_OUT_ROLES = frozenset({"test", "holdout", "heldout", "val", "eval"})


def held_out_named(name: str) -> bool:
    """Whether a file's name says it is held out ('reviews_test.csv', 'val_rows.csv'), with no
    training word beside ('train_test_merged.csv' is not).
    """
    from agents.references import _role, file_tokens

    roles = {_role(t) for t in file_tokens(name)}
    return bool(roles & HELD_OUT_ROLES) and "train" not in roles


NUM = r"(\d+|" + "|".join(WORD_NUMBERS) + r")"


def _number(text: str) -> int:
    text = text.lower().strip()
    return int(text) if text.isdigit() else WORD_NUMBERS.get(text, 0)


ATTEMPT_NUMBERS = {
    **WORD_NUMBERS,
    "eleven": 11,
    "thirteen": 13,
    "fourteen": 14,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty-five": 25,
    "half a dozen": 6,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "a pair of": 2,
}
"""Counts of attempts people write as words ('give it a dozen tries', 'half a dozen goes')."""
ATTEMPT_NUM = r"(\d+|" + "|".join(sorted(ATTEMPT_NUMBERS, key=len, reverse=True)) + r")"
ATTEMPT_UNITS = r"(?:attempts?|tries|try|goes|shots?|rounds?|iterations?|runs?|cycles?|trials?)"


def _attempt_count(text: str) -> int:
    text = text.lower().strip()
    return int(text) if text.isdigit() else ATTEMPT_NUMBERS.get(text, 0)


def tool_limit(tool: str, field_name: str) -> int | None:
    """The upper bound a tool's schema puts on an integer argument, or None."""
    from tools.registry import get_tool

    try:
        info = get_tool(tool).input_model.model_fields.get(field_name)
    except Exception:  # noqa: BLE001 - an unknown tool has no limits to respect
        return None
    if info is None:
        return None
    return next((int(m.le) for m in info.metadata if getattr(m, "le", None) is not None), None)


def tool_floor(tool: str, field_name: str) -> int | None:
    """The lower bound a tool's schema puts on an integer argument (ge, or gt + 1), or None."""
    from tools.registry import get_tool

    try:
        info = get_tool(tool).input_model.model_fields.get(field_name)
    except Exception:  # noqa: BLE001 - an unknown tool has no limits to respect
        return None
    for m in info.metadata if info is not None else []:
        if getattr(m, "ge", None) is not None:
            return int(m.ge)
        if getattr(m, "gt", None) is not None:
            return int(m.gt) + 1
    return None


def loop_options(text: str, tool: str | None = None) -> dict[str, Any]:
    """Loop bounds and output names a person states: 'up to 5 attempts', 'give it a dozen
    tries', 'try at most five times', 'name it x'. With `tool`, the count is bounded by that
    loop tool's schema (a person's '100 tries' on the labeling loop: its 20).
    """
    out: dict[str, Any] = {}
    asked = asked_attempts(text)
    if asked is not None:
        out["max_attempts"] = asked
        limit = tool_limit(tool, "max_attempts") if tool else None
        if limit is not None and out["max_attempts"] > limit:
            out["max_attempts"] = limit
    elif rx.search(r"\bone[- ]shot\b|\bno tuning\b|\bsingle attempt\b", text, re.I):
        out["max_attempts"] = 1
    name = output_name(text)
    if name:
        out["name"] = name
    return out


def asked_attempts(text: str) -> int | None:
    """The number of attempts a person states ('up to 5 attempts', 'max 99999999 attempts'),
    as said (unbounded; `loop_options` bounds it by the tool's schema), or None.
    """
    attempts = rx.search(
        r"\b(?:at most|up to|max(?:imum)?(?: of)?|no more than|not more than|only|"
        rf"give it(?: up to)?|have)?\s*{ATTEMPT_NUM}\s+(?:more\s+)?"
        rf"(?:(?:training|labell?ing|tuning|model|fitting)\s+)?{ATTEMPT_UNITS}\b",
        text,
        re.I,
    ) or rx.search(
        rf"\b(?:max[_ ]?)?(?:attempts?|tries|rounds?|trials?)\s*(?:=|:|of|max|capped at|"
        rf"limited to|at most|up to)?\s*{ATTEMPT_NUM}\b"
        # 'try up to 4 times', 'retrain at most 3 times', 'attempt it 5 times'
        rf"|\b(?:try|tries|attempt|re-?train|re-?run|iterate)\w*\s+(?:it\s+|again\s+)?"
        rf"(?:up to|at most|no more than|not more than|max(?:imum)?(?: of)?)?\s*{ATTEMPT_NUM}\s+"
        r"times\b",
        text,
        re.I,
    )
    count = next((g for g in attempts.groups() if g), None) if attempts else None
    return _attempt_count(count) if count and _attempt_count(count) > 0 else None


MODEL_KINDS = (
    (r"\b(mlp|multi-?layer perceptron|neural net\w*|deep (?:learning|model|net\w*)|nn)\b", "mlp"),
    (r"\b(logistic(?: regression)?|logreg|linear classifier|linear model|lr model)\b", "logistic"),
    (r"\blr\b(?!\s*(?:=|:|of)?\s*[\d.])", "logistic"),  # 'a multinomial LR', not 'lr 3e-3'
    (r"\b(linear regress\w*|ordinary least squares|ols)\b", "linear"),  # a regressor's one layer
)
OUTPUT_NAME_RE = re.compile(
    r"\b(?:call(?:ed)?(?: it| the model| the dataset| the set)?|name (?:must|should|will|shall|has "
    r"to) be|name(?:d)?(?: it| the model| the dataset)?(?: is| =|:)?|with (?:the )?name|under the "
    r"name|(?:save|store|keep) (?:it|the model|the generator) as|as model)\s+"
    # never a name: a preposition ('then call the model on b.csv' runs it) or a word that
    # leaves the name open ('name the model whatever you like')
    r"[\"'`]?(?!(?:it|the|a|must|should|is|will|be|to|on|onto|in|into|at|with|for|against|over"
    r"|from|by|whatever|anything|something|however|what)\b)([\w-]+(?:\.[\w-]+)*)",
    re.I,
)


MODEL_NAMED_RE = re.compile(
    r"\b(?:call|name)\s+(?:the|this|that|my|your)\s+(?:new\s+|trained\s+)?(?:model|classifier)\s+"
    r"(?:as\s+)?[\"'`]?(?!(?:it|the|a|after|for|by|with|file|output|results?|predictions?)\b)"
    # possessive: a long word is read once (a shorter part of it is no name either); the name
    # ends its phrase ('call the model on b.csv' puts it to use, 'whatever you like' is none)
    r"([\w-]++)(?![\w.-]*\.\w)[\"'`]?(?=\s*+(?:[,;:.!?)]|$|(?:and|then|so|please)\b))",
    re.I,
)
"""A model's name said of 'the model' in any clause, ending its phrase: 'name the model
escalation_v1.', 'call the classifier churn_v2 and ...' (a file name is an output's, not a
model's)."""


def model_kind(text: str) -> str | None:
    """The model kind a goal names ('an MLP' → mlp, 'logistic regression' → logistic); a kind
    it rules out ('not an mlp', 'instead of the MLP') does not count.
    """
    text = rx.sub(
        r"\b(?:not|no|instead of|rather than|without)\s+(?:an?\s+|the\s+)?[\w-]+(?:\s+regression)?",
        " ",
        text,
        flags=re.I,
    )
    for pattern, kind in MODEL_KINDS:
        if rx.search(pattern, text, re.I):
            return kind
    return None


def _named_as(text: str) -> str | None:
    """A model name said after 'as' ('MLP this time as tickets_mlp'): an identifier with an
    underscore or a digit, not a file name or a format word.
    """
    # split at the first '_' or digit: '[\w-]*(?:_|\d)[\w-]*' tried each one in a long word
    match = rx.search(r"\bas\s+[\"'`]?([a-z](?:(?![_\d])[\w-])*+[_\d][\w-]*)\b(?![./])", text, re.I)
    return match.group(1) if match else None


def thread_model_named(text: str, models: list[Any]) -> str | None:
    """The thread's model a comparison names by its folder's name ('against tickets_base')."""
    for m in rx.finditer(
        r"\b(?:against|versus|vs\.?|compared?\s+(?:it\s+)?(?:with|to)|with)\s+(?:the\s+)?"
        r"[\"'`]?([\w./-]+?)[\"'`]?(?=[\s,.;!?]|$)",
        text,
        re.I,
    ):
        said = m.group(1).lower().rstrip("/")
        for model in reversed(models):
            path = str(model.get("path") or "") if isinstance(model, dict) else ""
            if path and (path.lower() == said or path.lower().rsplit("/", 1)[-1] == said):
                return path  # the thread's path, as every other thread-model argument
    return None


def output_name(text: str) -> str | None:
    """An output name the person gave ('call it wine_v2')."""
    match = OUTPUT_NAME_RE.search(text)
    return match.group(1).strip(".") if match else None


# The format a table is saved in, by the words for it: a format after 'as/in/to/into' or in
# 'format: X' / 'X format' / 'X file' wins over a bare mention (which may name the source).
_FMT_WORD = r"(csv|tsv|jsonl|parquet|json(?:[- ]?lines?)?|nd-?json|xlsx|excel|spreadsheet)"
_FMT_SAID = (  # in this order: 'as X' / 'Format: X' first, then 'X file' / 'use X'
    re.compile(
        rf"\b(?:as|in|to|into)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?{_FMT_WORD}\b"
        rf"|\bformat\s*(?:[:=]|is|of)?\s*\.?{_FMT_WORD}\b",
        re.I,
    ),
    re.compile(
        rf"\b(?:use|using|prefer)\s+(?:an?\s+|the\s+)?{_FMT_WORD}\b"
        rf"|\.?{_FMT_WORD}[- ](?:format|file|copy|export|version|please)\b",
        re.I,
    ),
)
_FMT_BARE = re.compile(
    rf"(?<![\w/.-])\.?{_FMT_WORD}\b|\b(newline|line)[- ]delimited\s+json\b"
    r"|\bcolumnar\b|\bexcel[- ]?(?:friendly|ready|compatible)\b|\bopen (?:it |them )?in excel\b",
    re.I,
)


def _format_name(word: str) -> str | None:
    """A format word as save_table's format: json and its line forms are jsonl, a spreadsheet
    or Excel is csv, 'columnar' is parquet.
    """
    w = word.lower().replace(" ", "").replace("-", "").lstrip(".")
    if w in ("csv", "tsv", "xlsx", "spreadsheet") or "excel" in w:
        return "csv"
    if w.startswith(("json", "ndjson")) or w.endswith("delimitedjson"):
        return "jsonl"
    if w in ("parquet", "columnar"):
        return "parquet"
    return None


def said_table_format(text: str, strict: bool = False) -> str | None:
    """save_table's format from the words ('as parquet', 'Format: jsonl', 'json lines',
    'excel-friendly', 'a spreadsheet'), file names set aside; None when none is said.
    `strict`: only a format said as one ('as X', 'format: X', 'X file'), not a bare word.
    """
    plain = _without_names(text)
    for pattern in _FMT_SAID:
        for match in pattern.finditer(plain):
            fmt = _format_name(next(g for g in match.groups() if g))
            if fmt:
                return fmt
    if strict:
        return None
    for match in _FMT_BARE.finditer(plain):
        fmt = _format_name(match.group(0))
        if fmt:
            return fmt
    if rx.search(r"\b(?:spreadsheet|excel|google sheets?)\b", plain, re.I):
        return "csv"
    return None


_STEM_SAID = re.compile(
    r"\b(?:called|named|name\s*(?:it\s*)?[:=]?|file\s*name\s*[:=]?|save\s+(?:it|them)\s+as)"
    r"\s+[\"'`]?([A-Za-z][\w-]*(?:/[\w-]+)*)[\"'`]?(?![\w.])",
    re.I,
)
_NOT_STEMS = {"it", "them", "the", "a", "an", "this", "that", "something", "whatever", "after"}


def said_table_stem(text: str, source: str | None, near: bool = False) -> str | None:
    """An output name said without a suffix ('a copy called lots_out', 'Name: x_export');
    `near`: only one said next to words about the file (a goal's other clause may name a model).
    """
    profile = table_profile(source) if source else None
    columns = {str(n).lower() for n in (profile or {}).get("names", [])}
    for match in _STEM_SAID.finditer(_without_names(text)):
        stem = match.group(1)
        low = stem.lower()
        if low in _NOT_STEMS or _format_name(low) or low in columns:
            continue
        around = text[max(0, match.start() - 60) : match.end() + 40]
        if near and not rx.search(
            r"\b(?:save|saved|export|file|format|output|write|copy|csv|jsonl|parquet)\b",
            _without_names(around),
            re.I,
        ):
            continue
        return stem
    return None


RUN_COLUMNS_RE = re.compile(
    r"\b(?:all|every)\s+(?:of\s+)?(?:the\s+|its\s+)?columns\b"
    r"|\b(?:the\s+)?(?:run'?s|labell?ing(?:\s+run'?s)?|helper|internal|extra|raw)\s+columns?\b"
    r"|\b(?:with|including|include|plus|keep\w*)\s+(?:all\s+)?(?:the\s+|its\s+)?(?:class\s+)?"
    r"(?:probabilit\w+|probs|confidences?|coverage|(?:label\s+)?sources?)\b"
    r"|\bwhere each (?:label|value|one|row) came from\b"
    r"|\bas (?:it )?is\b",
    re.I,
)
"""A save that asks for a labeling run's own columns too ('with the probabilities', 'all the
columns', 'where each label came from', 'as is'): `save_table`'s `run_columns`."""


RUN_COLUMNS_NOT_RE = re.compile(
    r"\b(?:without|no|drop\w*|remov\w*|minus|except|excluding|leav\w* out|get rid of|"
    r"strip\w*|not|don'?t|skip\w*)\W+(?:\w+\W+){0,3}$",
    re.I,
)
"""Words just before a match that say the run's columns are NOT wanted ('without the helper
columns', 'drop the extra columns')."""


def with_run_columns(args: dict[str, Any], text: str) -> dict[str, Any]:
    """The save's arguments with `run_columns` set when the words ask for the run's columns
    (and not when they say to leave them out).
    """
    for match in RUN_COLUMNS_RE.finditer(text):
        if not RUN_COLUMNS_NOT_RE.search(text[max(0, match.start() - 60) : match.start()]):
            args["run_columns"] = True
            break
    return args


def _args_save_table(p: Planning, s: Slots) -> dict[str, Any] | None:
    from agents.intent import TRAILING_SAVE

    lower = s.text.lower()
    fmt = said_table_format(s.text)
    if fmt is None and p.goal and p.goal != s.text:
        fmt = said_table_format(p.goal, strict=True)  # 'Save the rows. Format: parquet.'
    source = path = None
    files = s.files
    producer = p.last_step(*PRODUCED_TABLE)
    trailing = rx.search(TRAILING_SAVE, s.text, re.I)
    if producer is not None and trailing:
        # '... sort x.csv into teams and save the result as y.csv': the table the step read is
        # not the one to save (its output is); the files of the save stay
        read = p.steps[producer].args
        said = FILE_RE.findall(trailing.group("what"))
        files = [
            f for f in files if f in said or f not in (read.get("data_path"), read.get("dataset"))
        ]
    if len(files) >= 2:
        source, path = files[0], files[-1]
    elif files:
        if (
            rx.search(rf"\b(?:to|as|into|in)\s+[\"'`]?{re.escape(files[0])}", s.text, re.I)
            or role_files(s.text, files)[2]
        ):
            path = files[0]
        else:
            source = files[0]
    saver = p.last_step("save_table")
    if source is None and path and saver is not None:
        # 'Write it out as parquet. Path: archive/x.parquet': the name of the save just planned.
        step = p.steps[saver]
        step.args["path"] = path
        suffix = path.rsplit(".", 1)[-1].lower()
        if suffix in ("csv", "jsonl", "parquet"):
            step.args["format"] = suffix
        return None
    if source is None and producer is not None:
        source = f"${{steps.{producer}.{PRODUCED_TABLE[p.steps[producer].tool]}}}"
    if source is None and s.sklearn:
        source = s.sklearn  # 'the wine dataset of scikit-learn as a parquet file'
    fetched = p.last_step("download_dataset")
    if source is None and fetched is not None:
        source = f"${{steps.{fetched}.dataset.id}}"  # 'download x and save it as csv'
    if source is None:
        labeled, dataset = p.memory.get("labeled"), p.memory.get("dataset")
        last = p.memory.get("last_table")
        if labeled and "label" in lower:
            source = labeled
        elif flagged := flagged_table(p.memory, lower):
            source = flagged  # 'save the flagged rows as csv': those rows, with their data
        else:
            source = looked_at_last(p.memory) or last or dataset or labeled
    if source is None:
        p.question = "Save which table? Name a file, or label something first."
        return None
    if not path and p.last_step("save_table") is None:
        # The name said in another sentence ('... as parquet. Path: out/x.parquet').
        outs = [f for f in role_files(p.goal, FILE_RE.findall(p.goal))[2] if f != source]
        path = outs[0] if len(set(outs)) == 1 else None
    args: dict[str, Any] = {"dataset": source}
    if path:
        suffix = path.rsplit(".", 1)[-1].lower()
        fmt = fmt or (suffix if suffix in ("csv", "jsonl", "parquet") else _format_name(suffix))
    fmt = fmt or "csv"
    stem = None if path else said_table_stem(s.text, source)
    if stem is None and not path and p.goal and p.goal != s.text:
        stem = said_table_stem(p.goal, source, near=True)
    if stem:
        path = f"{stem}.{fmt}"
    if not path:
        # No name given: beside the source, under the format's suffix (x.csv → x.jsonl).
        base = source if "${" not in source else _produced_stem(p, source)
        stem = table_stem(base.rsplit(":", 1)[-1])
        path = f"{stem}.{fmt}" if f"{stem}.{fmt}" != base else f"{stem}_copy.{fmt}"
    args["path"] = path
    args["format"] = fmt
    where = _rows_named(source, s.text, set())
    if where:
        args["where"] = where  # 'save only the rows where read_type is manual'
    return with_run_columns(args, s.text)


def _produced_stem(p: Planning, ref: str) -> str:
    """A name for the table a planned step writes: its input's stem and what it wrote
    ('tickets_labeled'), else 'saved/table'.
    """
    made = rx.match(r"^\$\{steps\.(\d+)\.(\w+?)(?:_path)?\}$", ref)
    if made is None or int(made.group(1)) >= len(p.steps):
        return "saved/table"
    step = p.steps[int(made.group(1))]
    data = step.args.get("data_path") or step.args.get("dataset")
    if not isinstance(data, str) or "${" in data:
        return "saved/table"
    stem = table_stem(data.rsplit(":", 1)[-1])
    return f"{stem}_{made.group(2)}"


MODEL_ASKED_RE = (
    r"\b(?:model|classifier|predictor|tagger|detector|grader)s?\b|"
    r"\b(?:train|training|trained|build|built|building|fit|fitted|learn|learned|learnt|teach)\b|"
    r"\b(?:something|anything|a tool|a way)\s+(?:that|which|to)\s+(?:can\s+|could\s+|will\s+|would\s+)?"
    r"(?:tells?|predicts?|spots?|flags?|says?|guess(?:es)?|sorts?|catch(?:es)?|knows?|picks?)\b"
)
"""Words that ask for a model to be made: a measurement or prediction with no model yet trains one."""


def _train_first(p: Planning, measured: str | None, *, same: bool) -> str | None:
    """'build something that tells the price band, then evaluate it on test.csv' with no model
    on the thread or in the plan: train one first, on the other table the goal names (the first
    that is neither measured nor written), else on `measured` itself when `same` (a prediction
    over the very rows it learned from). None when the goal asks for no model to be made.
    """
    from agents.references import DOC_EXT

    if p.memory.get("model") or p.memory.get("models") or p.last_step("train_model") is not None:
        return None
    if not rx.search(MODEL_ASKED_RE, p.goal, re.I):
        return None
    named = list(dict.fromkeys(FILE_RE.findall(p.goal)))
    written = role_files(p.goal, named)[2]
    tables = [f for f in named if not f.lower().endswith(DOC_EXT) and f not in written]
    others = [f for f in tables if f != measured]
    base = others[0] if others else (measured if same else None)
    if base is None:
        return None
    p.add("train_model", {"dataset": base}, why=f"train on {base} first")
    p.notes.append(f"no model yet: training one on {base} first")
    return f"${{steps.{len(p.steps) - 1}.model_path}}"


def _args_evaluate_model(p: Planning, s: Slots) -> dict[str, Any] | None:
    model = model_ref(p, s, "train_model")
    if model is None and not p.memory.get("models") and s.files:
        # (a clause naming no table, such as a spec's heading 'churn model, requirements:',
        # trains nothing here)
        measured = s.files[-1]
        model = _train_first(p, measured, same=False)
        if model is None and _train_first(p, measured, same=True):
            return None  # 'how accurate would it be' on the one table: the training measures it
    if model is None:
        p.question = missing_model_question(s.text) or (
            "Which model should I evaluate? Train one first, or name its folder."
        )
        return None
    args: dict[str, Any] = {"model": model}
    models = p.memory.get("models") or []
    if rx.search(r"\bcompare\b|\bversus\b|\bvs\.?\b", s.text, re.I) and len(models) >= 2:
        args["model"], args["compare_model"] = models[-1]["path"], models[-2]["path"]
    other = None if "compare_model" in args else thread_model_named(s.text, models)
    if other and not str(args["model"]).endswith(other):
        args["compare_model"] = other  # '... against tickets_base': the thread's model by name
    trainer = p.last_step("train_model")
    train_args = p.steps[trainer].args if trainer is not None else {}
    # The training file itself is never the evaluation set: without another file the model's
    # validation split is used (dataset unset) rather than rows it trained on.
    # '(3) an evaluation on the holdout file b.csv, (4) predictions ... written to c.csv': a
    # file said tested is measured before any other, and a file to be written never is
    _, tests, out = role_files(s.text, s.files)
    measured = [f for f in tests or s.files if f not in out]
    learnt_from = train_args.get("dataset") or saved_model_dataset(str(args["model"]))
    if measured and measured[-1] != learnt_from:
        args["dataset"] = measured[-1]
    # "... and evaluate it on test.csv, target F1 0.85": the target belongs to the training loop.
    targets = extract_targets(s.text)
    metric = next((m for m in ("auc", "f1", "accuracy") if m in targets), None)
    if metric and trainer is not None and "target_value" not in train_args:
        train_args["target_metric"] = metric
        train_args["target_value"] = targets[metric]
    if s.label_column:
        args["label_column"] = s.label_column
    return args


SPLIT_SHARES_RE = re.compile(
    r"(?<![\d.])(\d{1,2}(?:\.\d+)?)\s*%?\s*[/:-]\s*(\d{1,2}(?:\.\d+)?)\s*%?"
    r"(?:\s*[/:-]\s*(\d{1,2}(?:\.\d+)?)\s*%?)?(?![\d.])"
)
"""'80/20', '70-15-15', '80:20', '80%/20%': the shares of a split, in percent."""
VALIDATION_WORD_RE = r"\b(?:validation|valid|val|dev)\b"
SPLIT_WORDS_RE = r"\b(?:splits?|train\w*|test\w*|validation|val|dev|hold[- ]?out)\b"
"""Words that make two shares ('90/10') a split, not a range ('chapters 30-70')."""
SPLIT_NAME_WORDS = (
    ("validation", VALIDATION_WORD_RE),
    ("test", r"\b(?:test|testing|holdout|hold-out|held[- ]out)\b"),
)


def _args_split_table(p: Planning, s: Slots) -> dict[str, Any] | None:
    """'split exam_train.csv 80/20 into a train file and a validation file': the table's rows
    into files; the shares, the splits' names, the class column kept balanced and the seed as
    said; the output files when as many are named as splits.
    """
    data = _data_path(p, s)
    if data is None:
        p.question = "Which table should I split? Name a file."
        return None
    args: dict[str, Any] = {"dataset": data}
    shares = SPLIT_SHARES_RE.search(s.text)
    parts = [float(x) for x in shares.groups() if x] if shares else []
    if parts and abs(sum(parts) - 100) < 1e-6:
        args["fractions"] = [round(x / 100, 6) for x in parts]
    parts_said = rx.search(
        r"\binto\s+(2|3|two|three)\s+(?:equal\s+)?(?:parts|pieces|files|sets|splits)\b",
        s.text,
        re.I,
    )
    if parts_said and "fractions" not in args:
        n = {"two": 2, "three": 3}.get(parts_said.group(1).lower()) or int(parts_said.group(1))
        args["fractions"] = [1 / n] * n  # 'break x.csv into 3 parts': equal thirds
    count = len(args.get("fractions") or [0, 0])
    said = [name for name, pattern in SPLIT_NAME_WORDS if rx.search(pattern, s.text, re.I)]
    if count == 2 and said == ["test"]:
        args["names"] = ["train", "test"]  # 'a train file and a test file'
    elif count == 3 or len(said) == 2:
        if count == 2 and "fractions" not in args:
            args["fractions"] = [0.8, 0.1, 0.1]  # 'train, validation and test files'
    if rx.search(
        r"\bstratif\w*|\b(?:keep|keeping|same|preserv\w*)\b[^.;]{0,30}\b(?:balance|"
        r"proportions?|ratios?|shares?|class(?:es)?)\b",
        s.text,
        re.I,
    ):
        column = s.label_column or _split_class_column(p, data, s.text)
        if column:
            args["stratify_column"] = column
        elif p.question:
            return None
    seed = rx.search(r"\bseed\s*(?:=|:|of)?\s*(\d{1,9})\b", s.text, re.I)
    if seed:
        args["seed"] = int(seed.group(1))
    # 'into ferries_tr.csv and ferries_va.csv': the other files named, one per split
    outs = [f for f in dict.fromkeys(s.files) if f != data]
    if outs and len(outs) == len(args.get("fractions") or [0, 0]):
        args["paths"] = outs
    return args


def _split_class_column(p: Planning, data: str, text: str) -> str | None:
    """The column a stratified split keeps balanced: a class column the words name, else the
    table's one class column or one named like a label; several and none said: a question.
    """
    from tools.profile import columns_mentioned
    from tools.tabular import LABEL_COLUMN_GUESSES

    profile = table_profile(data) if "${" not in data else None
    if profile is None:
        return None
    labels = [c["name"] for c in profile["columns"] if c["label_like"] and not c["id_like"]]
    named = [c for c in columns_mentioned(profile, text) if c in labels]
    guessed = [c for c in labels if c.lower() in LABEL_COLUMN_GUESSES]
    found = named or guessed or (labels if len(labels) == 1 else [])
    if found:
        return found[0]
    if labels:
        p.question = f"Keep the balance of which column of {data}: {', '.join(labels[:8])}?"
    return None


def _args_explain_model(p: Planning, s: Slots) -> dict[str, Any] | None:
    """'which features mattered?': the thread's (or this plan's) model, measured on a table the
    clause names, else on its training's test file, else on its validation split (unset).
    """
    model = model_ref(p, s, "train_model")
    if model is None:
        p.question = "Which model should I explain? Train one first, or name its folder."
        return None
    args: dict[str, Any] = {"model": model}
    trainer = p.last_step("train_model")
    trained = p.steps[trainer].args if trainer is not None else _thread_training(p, model)
    _, tests, out = role_files(s.text, s.files)
    measured = [f for f in tests or s.files if f not in out and f != trained.get("dataset")]
    tested = trained.get("test_dataset")
    if measured:
        args["dataset"] = measured[-1]
    elif isinstance(tested, str):
        args["dataset"] = tested  # the rows the model was tested on, not its training rows
    count = rx.search(EXPLAIN_COUNT_RE, s.text, re.I)
    if count and int(count.group(1) or count.group(2)) > 0:  # 'top 0 features': none said
        args["top"] = min(
            int(count.group(1) or count.group(2)), tool_limit("explain_model", "top") or 100
        )
    return args


EXPLAIN_COUNT_RE = (
    r"\btop\s+(\d{1,3})\s+(?:\w+\s+)?(?:features?|columns?|inputs?|variables?|factors?|predictors?)"
    r"\b|\b(\d{1,3})\s+most\s+(?:important|influential|predictive|useful)\b"
)
"""How many features a person wants listed ('the top 5 features', 'the 3 most important')."""


def _args_save_model(p: Planning, s: Slots) -> dict[str, Any] | None:
    """'... and save the model as churn_v2': this plan's (or the thread's) model under the name
    the clause gives (agents/model_copy.py reads it); no name said: asked.
    """
    from agents.model_copy import said_model_copy

    said = said_model_copy(s.text, p.memory)
    model = (said[1] if said else None) or model_ref(p, s, "train_model")
    if model is None:
        p.question = "Which model should I save? Train one first, or name its folder."
        return None
    if said is None:
        p.question = f"What name should I save {model} under (e.g. churn_v2)?"
        return None
    return {"model": model, "name": said[0]}


def _thread_training(p: Planning, model: str) -> dict[str, Any]:
    """The arguments of the thread's training that wrote `model` (its last training when the
    path is not known), or {}.
    """
    trainings = [t for t in p.memory.get("trainings") or [] if isinstance(t, dict)]
    models = [m for m in p.memory.get("models") or [] if isinstance(m, dict)]
    if not trainings or (models and str(models[-1].get("path")) != model):
        return {}
    args = trainings[-1].get("args")
    return args if isinstance(args, dict) else {}


def _args_predict(p: Planning, s: Slots) -> dict[str, Any] | None:
    model = model_ref(p, s, "train_model")
    data_files, test_files, out = role_files(s.text, s.files)
    trained = p.last_step("train_model")
    if trained is not None:
        # "train on a.csv and predict b.csv": the training file is not what to predict.
        used = p.steps[trained].args.get("dataset")
        others = [f for f in [*data_files, *test_files] if f != used]
        # ... unless it is the only file this clause names ('score every row of a.csv').
        data_files = others or [f for f in data_files if f == used]
    data = data_files[0] if data_files else (test_files[0] if test_files else None)
    earlier = p.last_step("predict")
    if earlier is not None and data is not None and not out and _not_there(data):
        data, out = None, [data]  # 'probabilities per id in p.parquet': a file yet to be written
    if data is None and earlier is not None and model is not None:
        # '..., then predict the new ones and put them in preds.csv' after a clause that
        # planned the prediction: the output of that step, not a second prediction
        if out:
            p.steps[earlier].args.setdefault("output", out[-1])
        return None
    if (
        data is None
        and trained is not None
        and out
        and rx.search(r"\b(every|all|each|same)\b", s.text)
    ):
        data = _trained_rows(p, trained)  # 'predict a class for every row into x.csv'
    if data is None and trained is not None:
        # 'label a.csv, fit a model on the result, then run it over b.csv': the predict step
        # planned for an earlier clause reads the goal's one table no step reads yet
        data = _unread_table(p, out)
    if data is None and trained is not None and _learned_from_labeling(p, trained):
        # 'label x.csv, train on it, predict -> y.csv': the rows the labeling filled in
        data = _trained_rows(p, trained)
    if model is None and data is not None and not p.memory.get("models"):
        model = _train_on_base_table(p, data)
    if model is None and not p.memory.get("models"):
        if data is None:
            named = [f for f in FILE_RE.findall(p.goal) if f not in out]
            written = role_files(p.goal, named)[2]
            tables = [f for f in dict.fromkeys(named) if f not in written]
            data = (
                tables[1] if len(tables) > 1 else None
            )  # 'train on a.csv, predict the new ones (b.csv)'
        # the very rows it learns from only when said ('run it over that same file')
        same = bool(rx.search(r"\b(?:same|itself)\b", p.goal, re.I))
        model = _train_first(p, data, same=same) if data is not None else None
    if model is not None and data is None and not str(model).startswith("${"):
        # 'predict on another file' with the thread's model: only the rows are to be said
        p.question = f"Which table should I predict on with {model}?"
        return None
    if model is None or data is None:
        p.question = missing_model_question(s.text) if model is None else None
        p.question = p.question or (
            "Predict with which model, on which file? e.g. 'predict new.csv with model models/m1'."
        )
        return None
    args: dict[str, Any] = {"model": model, "dataset": data}
    if out:
        args["output"] = out[-1]
    return args


def _unread_table(p: Planning, out: list[str]) -> str | None:
    """The one workspace table the goal names that no planned step reads or writes and that
    the goal does not say to write; None when there is not exactly one.
    """
    named = list(dict.fromkeys(FILE_RE.findall(p.goal)))
    written = set(role_files(p.goal, named)[2]) | set(out)
    used = {str(v) for step in p.steps for v in step.args.values() if isinstance(v, str)}
    tables = [
        f
        for f in named
        if f not in written and f not in used and not _not_there(f) and _table_columns(f)
    ]
    return tables[0] if len(tables) == 1 else None


def _not_there(name: str) -> bool:
    """Whether a file named by a clause is not in the workspace (an output to write)."""
    from agents.grounding import workspace_files

    return "${" not in name and "/" not in name.strip("./") and name not in workspace_files()


def _trained_rows(p: Planning, trained: int) -> str | None:
    """The table a training learned from, as a file: a labeling step's input for its output."""
    used = p.steps[trained].args.get("dataset")
    made = rx.match(r"^\$\{steps\.(\d+)\.labeled_path\}$", str(used or ""))
    if made:
        step = p.steps[int(made.group(1))]
        used = step.args.get("data_path") or step.args.get("dataset")
    return used if isinstance(used, str) and "${" not in used else None


def _learned_from_labeling(p: Planning, trained: int) -> bool:
    """Whether the training step learns from the labeling step's output in this plan."""
    used = str(p.steps[trained].args.get("dataset") or "")
    return bool(rx.match(r"^\$\{steps\.\d+\.labeled_path\}$", used))


def _train_on_base_table(p: Planning, data: str) -> str | None:
    """'predict which of the Q4 orders ship late' with no model yet: train one on the table the
    file is a version of (orders.csv for orders_q4.csv), then predict with it.
    """
    from agents.grounding import workspace_files
    from agents.references import base_table

    base = base_table(data, workspace_files())
    if base is None:
        return None
    p.add("train_model", {"dataset": base}, why=f"train on {base} to predict {data}")
    p.notes.append(f"no model yet: training one on {base}, the table {data} is a version of")
    return f"${{steps.{len(p.steps) - 1}.model_path}}"


def _class_asked(data: Any, text: str) -> str | None:
    """'we have few C1 students in a.csv, generate 100 more fake C1 rows': the one class-like
    column (2 to 12 values) of the data holding the value said as the rows to make.
    """
    profile = table_profile(data)
    if profile is None:
        return None
    found: set[str] = set()
    for column in profile["columns"]:
        values = column.get("values") or []
        if column["id_like"] or column["text_like"] or not 2 <= len(values) <= 12:
            continue
        for value in values:
            if value.lower() in ("yes", "no", "true", "false", "0", "1") or len(value) < 2:
                continue
            said = re.escape(value)
            if rx.search(
                rf"\b(?:more|fake|synthetic|extra|made[- ]up|artificial)\s+(?:[\w-]+\s+)?{said}\b"
                rf"|(?<![\w-]){said}\s+(?:rows|ones|examples|records|samples|cases)\b",
                text,
                re.I,
            ):
                found.add(column["name"])
    return found.pop() if len(found) == 1 else None


def _args_train_generator(p: Planning, s: Slots) -> dict[str, Any] | None:
    data = _data_path(p, s)
    if data is None:
        p.question = "Which labeled table should the generator learn from?"
        return None
    args: dict[str, Any] = {"dataset": data}
    if s.label_column:
        args["label_column"] = s.label_column
    else:
        # 'look-alike rows (by outcome)', 'per region', 'keyed on churned': a column of the data
        # the rows are made by is the class to condition on
        columns = _table_columns(data) if isinstance(data, str) else []
        given = [
            m.group(1)
            for text in (s.text, p.goal or "")
            for m in rx.finditer(
                r"\b(?:by|per|for each|conditioned on|conditional on|keyed on|keyed by)\s+"
                r"(?:the\s+|each\s+)?[\"'`]?([a-z][\w-]*)",
                text,
                re.I,
            )
            if m.group(1) in columns
        ]
        if given:
            args["label_column"] = given[0]
        elif (valued := _class_asked(data, p.goal or s.text)) is not None:
            args["label_column"] = valued
    # 'fit a CVAE on a.csv, label x, latent 4, 200 epochs': said in a clause of its own
    latent = _first_said(
        r"\blatent(?:[_ ](?:dim(?:ension)?s?|size|space|width))?\s*(?:=|:|of)?\s*(\d+)",
        (s.text, p.goal or ""),
    )
    if latent:
        args["latent_dim"] = int(latent.group(1))
    epochs = rx.search(r"\b(\d+)\s+epochs?\b|\bepochs?\s*(?:=|:)?\s*(\d+)", s.text, re.I)
    if epochs:
        args["epochs"] = int(epochs.group(1) or epochs.group(2))
    # 'call it x_gen' in any clause: the generator's folder name (a file name is an output's)
    name = output_name(s.text) or (output_name(p.goal) if p.goal else None)
    if name and "." not in name:
        args["name"] = name
    return args


def _args_generate_synthetic(p: Planning, s: Slots) -> dict[str, Any] | None:
    model = model_ref(p, s, "train_generator")
    if model is None and (s.files or s.sklearn):
        train_args = _args_train_generator(p, s)
        if train_args is not None:
            p.add("train_generator", train_args, why="a generator is needed first")
            model = f"${{steps.{len(p.steps) - 1}.model_path}}"
    if model is None:
        p.question = "Generate from which generator? Train one first ('train a generator on ...')."
        return None
    count = s.rows or _synthetic_count(s.text) or (_synthetic_count(p.goal) if p.goal else None)
    args: dict[str, Any] = {"model": model, "n": count or 100}
    _, _, out = role_files(s.text, s.files)
    if out:
        args["output"] = out[-1]
    if s.labels:
        args["label"] = s.labels[0]
    else:
        match = rx.search(
            r"\bof\s+(?:the\s+)?[\"']?(?!the\b|a\b)([\w.-]+)[\"']?\s+(?:class|label)\b(?!\s+column)"
            r"|\b(?:class|label)\s+(?!(?:column|col|of|is|as|values?|named|called|and|or|to|with|"
            r"from|then|the|in|on|for|into|so|but)\b)[\"']?([\w.-]+)",
            s.text,
            re.I,
        )  # 'class column status, ... rows of class normal': the value, not the word 'column'
        if match:
            args["label"] = match.group(1) or match.group(2)
            trainer = p.last_step("train_generator")
            data = p.steps[trainer].args.get("dataset") if trainer is not None else None
            columns = _table_columns(data) if isinstance(data, str) else []
            value = rx.match(
                r"\s*(?:=|:|is\s+)?\s*[\"']?(?!(?:and|or|then|to|with|from|in|on|for|into|so|but|"
                r"the|a|an|rows?)\b)([\w.-]+)",
                s.text[match.end() :],
            )
            if args["label"] in columns and value:
                args["label"] = value.group(1)  # 'label shift_type night': the column, its value
    info = p.memory.get("generator_info")
    if "label" not in args and isinstance(info, dict) and info.get("path") == model:
        from agents.memory import generator_label

        label = generator_label(s.text, info)  # 'rows of the churned ones': the thread's classes
        if label is None:
            from agents.memory import contrasted_label

            classes = [str(c) for c in info.get("classes") or []]
            # 'and 300 of people who did': the whole goal (a file written in after it is a
            # clause of its own)
            label = contrasted_label(p.goal or s.text, p.memory, classes)
        if label is not None:
            args["label"] = label
    if count is None and "label" in args:
        # '500 churners -> x.csv': a class asked for, the number before its word is the count
        named = rx.search(
            r"\b(\d{1,7})\s+(?!%|percent|epochs?\b|layers?\b|times\b|x\b)[a-z][\w-]*", s.text, re.I
        )
        if named:
            args["n"] = int(named.group(1))
    return args


def _first_said(
    pattern: str, texts: Iterable[str], fits: Callable[[re.Match[str]], bool] = bool
) -> re.Match[str] | None:
    """The first match of `pattern` (case-insensitive) in the first of `texts` holding one that
    `fits`.
    """
    for text in texts:
        m = rx.search(pattern, text, re.I)
        if m and fits(m):
            return m
    return None


def _args_detect_anomalies(p: Planning, s: Slots) -> dict[str, Any] | None:
    data = _data_path(p, s)
    if data is None:
        p.question = "Score which table for anomalies?"
        return None
    args: dict[str, Any] = {"dataset": data}
    model = model_ref(p, s, "train_generator")
    info = p.memory.get("generator_info")
    columns = _table_columns(data)
    if (
        model
        and isinstance(info, dict)
        and model == info.get("path")
        and "${" not in data
        and not set(_table_columns(info.get("dataset") or "")) <= set(columns)
    ):
        model = None  # the thread's generator learnt another table's columns: not this one's
    if model:
        args["model"] = model
    args.update(anomaly_options(p.goal or s.text, s.text))
    texts = (s.text, p.goal or "")  # the step's clause first, then the whole goal
    given = _first_said(  # 'any odd rows in x.csv? group by status'
        r"\b(?:condition(?:ed|ing)?|per|within each|(?:group(?:ed)?|split)\s+by|"
        r"(?<!sort )(?<!sorted )(?<!rank )(?<!ranked )(?<!order )(?<!ordered )by)\s+"
        r"(?:on\s+)?(?:the\s+|each\s+|their\s+)?[\"'`]?([a-z][\w.-]*)",
        texts,
        lambda m: m.group(1) in columns,
    )
    if given and "model" not in args:
        args["label_column"] = given.group(1)  # 'conditioning on usage_band': the class column
    said = _first_said(  # '...; use the x column as the class; ...'
        r"\b[\"'`]?([a-z][\w.-]*)[\"'`]?\s+(?:col(?:umn)?\s+)?as\s+(?:the\s+)?"
        r"(?:class|label|group)(?:\s+col(?:umn)?)?\b"
        r"|\b(?:class|label|group)\s+col(?:umn)?\s*(?:is\s+|=\s*|:\s*)?[\"'`]?"
        r"([a-z][\w.-]*)",
        texts,
    )
    if said and "label_column" not in args and "model" not in args:
        name = said.group(1) or said.group(2)
        if name in (columns or _table_columns(data)):
            args["label_column"] = name  # 'use status as the class column'
    _, _, out = role_files(s.text, s.files)
    if out and rx.flagged_saved(s.text):
        args["flagged_path"] = out[-1]  # 'find anomalies ... and save them as odd.csv': those
    elif out:
        args["output"] = out[-1]
    return args


def anomaly_options(text: str, clause: str | None = None) -> dict[str, Any]:
    """Anomaly settings a person states: 'the ten strangest' (top_k), 'flag anything scoring
    above 3' (threshold), 'isolation forest and LOF' (detectors, read from `clause`).
    """
    args: dict[str, Any] = {}
    top = rx.search(
        rf"\b(?:top|first)[- ]?(?:k\s*=?\s*)?{NUM}\b|\bk\s*=\s*(\d+)\b"
        # 'the 15 more worst', 'the 20 sensor readings most likely to be faulty'
        rf"|\b{NUM}\s+(?:more\s+)?(?:most|worst|strange\w*|weird\w*|odd\w*|least\s+normal)"
        # '... and show me 30': the count of rows shown is the scan's top
        rf"|\bshow\s+(?:(?:me|us)\s+)?(?:the\s+)?(?:top\s+)?{NUM}\s*(?:[.!?]|$)"
        # '... show me 20 of them with the id': a count of the flagged rows shown
        rf"|\b(?:show|give|list)\s+(?:(?:me|us)\s+)?{NUM}\s+of\s+(?:them|those|these)\b"
        rf"|\bthe\s+{NUM}\s+(?:[\w-]+\s+){{1,4}}?(?:most|least)\s+(?:likely|suspicious|unusual|"
        r"anomalous|strange|odd|normal)\b",
        text,
        re.I,
    )
    said = next((g for g in top.groups() if g), None) if top else None
    if said and _number(said):
        args["top_k"] = _number(said)
    above = rx.search(
        # 'flag anything scoring above 3', 'whose combined robust z is above 4'
        r"\b(?:scor\w*|z(?:[- ]?scores?)?)\s+(?:is\s+|of\s+)?(?:above|over|beyond|exceeding|>=?)"
        r"\s*(\d+(?:\.\d+)?)\b(?!\s*%)",
        text,
        re.I,
    )
    if above:
        value = float(above.group(1))
        args["threshold"] = int(value) if value.is_integer() else value
    scanned = clause if clause is not None else text
    detectors = [
        name
        for name, pattern in (
            ("isolation_forest", r"isolation[ _-]?forest|iforest"),
            ("local_outlier_factor", r"local[ _-]?outlier(?:[ _-]?factor)?|\blof\b"),
            ("cvae", r"\bc?vae\b|autoencoder"),
            # 'rare combinations of values, like region with plan': the pair detector
            (
                "category_pairs",
                r"\b(?:rare|unusual|odd|strange)\s+(?:combinations?|pairs?|mix\w*)\b"
                r"|\bcategor\w*[ _-]pairs?\b",
            ),
            ("binned_pairs", r"\bbinned[ _-]pairs?\b"),
        )
        # 'isolation forest and LOF only (no CVAE)': a detector ruled out is not said
        if any(not negated_before(scanned, m.start()) for m in rx.finditer(pattern, scanned, re.I))
    ]
    if detectors:
        args["detectors"] = detectors
    return args


def _table_columns(ref: str) -> list[str]:
    profile = table_profile(ref) if "${" not in ref else None
    return list(profile["names"]) if profile else []


NUMBER_WORDS = {
    w: i + 1 for i, w in enumerate("one two three four five six seven eight nine ten".split())
}
NUMBER_WORDS["a"] = 1
SCALE_WORDS = {"hundred": 100, "thousand": 1000}


def _spelt_numbers(text: str) -> str:
    """'a thousand' → '1000', 'five hundred' → '500' (the simple spelt-out counts)."""
    return rx.sub(
        r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(hundred|thousand)\b",
        lambda m: str(NUMBER_WORDS[m.group(1).lower()] * SCALE_WORDS[m.group(2).lower()]),
        text,
        flags=re.I,
    )


def _synthetic_count(text: str) -> int | None:
    text = rx.sub(r"\b(\d{1,3}),(\d{3})\b", r"\1\2", _spelt_numbers(text))  # '1,000 rows'
    said = rx.search(
        # 'synthetic rows: 500', 'a lookalike set of 1000 moves'
        r"\b(?:rows|records|samples)\s*[:=]\s*(\d{1,7})\b|\b(?:set|batch|table)\s+of\s+(\d{1,7})\b",
        text,
        re.I,
    )
    if said:
        return int(said.group(1) or said.group(2))
    times = rx.search(r"(?:\bx|×)\s?(\d{1,7})\b", text, re.I)
    if times:
        return int(times.group(1))  # 'synthetic rows x1000'
    match = rx.search(
        r"\b(\d{1,7})\s+(?:extra\s+|more\s+|new\s+|fake\s+|synthetic\s+)*(?:[\w-]+\s+)?"
        r"(?:rows|samples|records|examples|customers|people|items|points|entries)\b"
        r"|\b(\d{1,7})\s+synthetic\b|\bsample\s+(\d{1,7})\b",
        text,
        re.I,
    )
    if match:
        return int(next(g for g in match.groups() if g))
    # 'make me 500 fake fraudulent ones', '300 realistic synthetic failing units'
    match = rx.search(
        r"\b(\d{1,7})\s+(?:[a-z-]+\s+){0,2}?(?:fake|synthetic|artificial|simulated|made[- ]up)\b|"
        # 'a fake data of 400 auction lots': the count after what is made up, in one phrase
        r"\b(?:fake|synthetic|artificial|simulated|made[- ]up|dummy)\s+(?:[a-z-]+\s+){0,2}?"
        r"of\s+(\d{1,7})\s+(?!%|percent)|"
        r"\b(?:make|generate|create|produce|synthesi[sz]e|give)\w*\s+(?:up\s+)?(?:me\s+|us\s+|another\s+)?"
        r"(\d{1,7})\s+(?!%|percent)",
        text,
        re.I,
    )
    if match:
        return int(next(g for g in match.groups() if g))
    # '... could you make fake ones that look real? like 300': a hedged number that is the whole
    # last sentence
    match = rx.search(
        r"(?:^|[.?!;,]\s*)(?:like|about|around|roughly|approximately|maybe|say|some|ideally)\s+"
        r"~?(\d{1,7})\s*(?:or\s+so|ish|(?:of\s+)?them)?\s*[.?!]*\s*$",
        text,
        re.I,
    )
    return int(match.group(1)) if match else None


DOC_FILES = (".md", ".txt", ".pdf", ".html", ".htm", ".rst", ".docx")


DOCUMENTS_PLURAL = (
    r"\b(?:docs|documents|guides|manuals|handbooks|policies|pdfs|notes|write-?ups|readmes|"
    r"articles|papers|markdown\s+files|text\s+files)\b"
)
"""Documents spoken of in the plural ('the docs', 'my documents', 'both guides'): with no file
or project named, every document of the workspace is meant."""


def _all_documents_meant(p: Planning, s: Slots) -> bool:
    """Whether the words speak of documents in the plural with none named and no chunking
    planned yet ('the docs', not 'docs/x.md' nor a later clause of the same request).
    """
    text = p.goal or s.text
    named = FILE_RE.findall(text)
    if p.last_step("chunk_documents") is not None or any(
        f.lower().endswith(DOC_FILES) for f in named
    ):
        return False
    return bool(
        rx.search(
            DOCUMENTS_PLURAL, rx.sub(r"(?<![\w.-])(?:[\w./-]+/|[\w./-]+\.\w+)", " ", text), re.I
        )
    )


def workspace_documents() -> list[str]:
    """The person's documents in the workspace (not forgeflow's outputs)."""
    from agents.grounding import workspace_files
    from agents.references import person_files

    return [f for f in person_files(workspace_files()) if f.lower().endswith(DOC_FILES)]


def _nested_document(name: str) -> str:
    """A document named by its bare name: itself when the workspace holds it at the top, else
    the one file of that name two or three folders down (folders of outputs left out).
    """
    from store.workspace import confined, workspace_root

    root = workspace_root()
    if not str(name).lower().endswith(DOC_FILES) or (root / name).exists():
        return name
    import glob

    skip = {"models", "generators", "labeling", "evaluations", "predictions", "qa", "exports"}
    bare = glob.escape(str(name))
    found = [
        rel
        for pattern in (f"*/{bare}", f"*/*/{bare}")
        for hit in root.glob(pattern)
        if hit.is_file()
        and (rel := hit.relative_to(root).as_posix()).split("/", 1)[0] not in skip
        and confined(rel)
    ]
    return found[0] if len(found) == 1 else name


def documents_meant(p: Planning, said: str) -> None:
    """A chunking step's paths as documents: a document named by its bare name that lives in a
    folder ('terminal_handbook.md' for docs/port/terminal_handbook.md) is that file; tables the
    goal did not name but described ('the falls procedure' read as falls.csv) give way to the
    one document the person's own words (`said`) describe.
    """
    from agents.references import described_files

    for step in p.steps:
        paths = step.args.get("paths")
        if step.tool != "chunk_documents" or not isinstance(paths, list):
            continue
        docs = workspace_documents()
        fixed = [_nested_document(path) if "/" not in str(path) else path for path in paths]
        step.args["paths"] = fixed
        named = set(FILE_RE.findall(said))
        if step.args.get("text_column") or any(
            str(f).lower().endswith(DOC_FILES) or f in named for f in fixed
        ):
            continue
        described = described_files(said, docs)
        if len(described) == 1:
            step.args["paths"] = described
            p.notes.append(f"the document you described → {described[0]}")


def _args_chunk_documents(p: Planning, s: Slots) -> dict[str, Any] | None:
    args: dict[str, Any] = {}
    if s.project:
        args["project_id"] = s.project
    elif s.files or any(f.lower().endswith(DOC_FILES) for f in p.context_files):
        args["paths"] = s.files or [f for f in p.context_files if f.lower().endswith(DOC_FILES)]
        written = role_files(s.text, args["paths"])[2]
        kept = [f for f in args["paths"] if f not in written or is_workspace_file(f)]
        if kept and len(kept) < len(args["paths"]):
            args["paths"] = kept  # '... and save them as qa.jsonl': a file to write, not to read
    elif p.memory.get("project"):
        args["project_id"] = p.memory["project"]
    else:
        from agents.references import said_folder_documents

        docs = workspace_documents()
        in_folder = said_folder_documents(p.goal or s.text, docs)
        if in_folder:
            # 'the docs under docs/courier', 'everything in the manuals folder': its documents
            p.notes.append(f"the documents in the folder you named → {', '.join(in_folder)}")
            args["paths"] = in_folder
        elif len(docs) >= 2 and _all_documents_meant(p, s):
            # 'the docs', 'my documents', 'our guides': every document there is (chunk_documents
            # takes a list of paths; one chunk set over all of them)
            p.notes.append(f"the documents you named → all {len(docs)}: {', '.join(docs)}")
            args["paths"] = docs
        elif len(docs) != 1:
            shown = f" Documents in the workspace: {', '.join(docs[:12])}." if docs else ""
            p.question = (
                "Which documents? Name a project ('project 3') or files in the workspace." + shown
            )
            return None
        else:
            args["paths"] = docs  # the one document there is
    text = p.goal or s.text
    column = rx.search(
        # 'text col abstract', '(text column = body)': the column of a table whose cells are docs
        r"\btext[ _]col(?:umn)?\s*(?:=|:|is\s+)?\s*[\"'`]?([a-z][\w-]*)",
        text,
        re.I,
    )
    if column and args.get("paths"):
        args["text_column"] = column.group(1)
    lower = text.lower()
    for strategy, pattern in (
        ("markdown", r"\bmarkdown|\bheadings?\b|\bheaders?\b|\bsections?\b"),
        ("paragraph", r"\bparagraphs?\b"),
        ("fixed", r"\bfixed\b|\bwindows?\b"),
    ):
        if rx.search(pattern, lower):
            args["strategy"] = strategy
            break
    size = rx.search(
        r"\b(\d+)\s*(characters?|chars?|tokens?)\b(?!\s+(?:of\s+)?overlap(?!\s*(?:of\s+)?\d))",
        text,
        re.I,
    )
    if size:
        args["chunk_size"] = int(size.group(1))
        args["unit"] = "tokens" if size.group(2).lower().startswith("token") else "chars"
    overlap = rx.search(
        # '50 chars of overlap', 'a 50-character overlap', 'overlap of 50'
        # ('200 tokens overlap 20': the number after 'overlap' is its own)
        r"\b(\d+)\s*(?:-?\s*(?:characters?|chars?|tokens?))?\s+(?:of\s+)?overlap(?!\s*(?:of\s+)?\d)"
        r"|overlap\s+(?:of\s+)?(\d+)",
        text,
        re.I,
    )
    if overlap:
        args["chunk_overlap"] = int(overlap.group(1) or overlap.group(2))
    return args


def _args_generate_qa(p: Planning, s: Slots) -> dict[str, Any] | None:
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
    # 'short answers', 'short snappy answers', 'brief and clear answers'
    "answer_style": r"\b(concise|short|brief|detailed|comprehensive|long|step[- ]by[- ]step|"
    r"one[- ]sentence)(?:,?\s+(?:and\s+)?(?!of\b|list\b)[a-z]+)?\s+answers?",
    "question_style": r"\b(analytical|factual|conceptual|open[- ]ended|multiple[- ]choice|"
    r"yes/no|tricky|simple|practical|case[- ]based|scenario)\s+(?:questions?|qa|q&a|pairs|style)",
    "complexity_level": r"\b(beginner|basic|intermediate|advanced|expert)(?:[- ]level)?\b",
}


STYLE_AFTER = {
    # the style said after what it is about: 'answers short please', 'keep the answers brief'
    "answer_style": r"\banswers?\s+(?:should\s+be\s+|must\s+be\s+|to\s+be\s+|kept\s+|are\s+)?"
    r"(?:very\s+|fairly\s+|quite\s+|rather\s+)?(concise|short|brief|detailed|comprehensive|long|"
    r"step[- ]by[- ]step)\b",
    # ... or of the questions already made: 'could you make them more analytical?'
    "question_style": r"\b(?:questions?\s+(?:should\s+be\s+|must\s+be\s+|to\s+be\s+|are\s+)?|"
    r"(?:make|keep|have)\s+(?:them|those|these|the\s+questions)\s+(?:a\s+bit\s+|much\s+)?more\s+)"
    r"(analytical|factual|conceptual|practical|case[- ]based|scenario[- ]based)\b",
    "complexity_level": r"(?!x)x",
}
STYLE_CANON = {
    "short": "concise",
    "brief": "concise",
    "one_sentence": "concise",
    "detailed": "comprehensive",
    "long": "comprehensive",
    "scenario": "case_based",
    "case": "case_based",
    "scenario_based": "case_based",
}


_SCORE = r"(0?\.\d+|1\.0|\d{2}\s*%)"
_FLOOR_NAME = r"(?:quality|judge|(?:re)?scor\w*|threshold|pass(?:ing)?\s+mark|bar|cut-?off|floor)"
QUALITY_FLOOR_RES = (
    # the name, then the score: 'quality threshold 0.75', 'scoring at least 0.8'
    re.compile(rf"\b{_FLOOR_NAME}\b[^.;\d]{{0,30}}?{_SCORE}", re.I),
    # the score, then what it is: 'a 0.85 pass mark', '0.8 quality or better', '(0.8 or better)'
    re.compile(
        rf"(?<![\w.]){_SCORE}\s*(?:quality\s+|score\s+)?(?:{_FLOOR_NAME}\b|or\s+(?:better|above|"
        r"higher|more|over|up)\b|and\s+(?:above|up|over|higher)\b|\+)",
        re.I,
    ),
    # the score said to be the mark: '0.85 should be the pass mark', 'make 0.9 the bar'
    re.compile(
        rf"(?<![\w.]){_SCORE}\s+(?:(?:should|must|will|would|shall|can)\s+)?(?:be|is|as)?\s*"
        r"(?:the|our|my|a|your)?\s*(?:new\s+)?(?:pass(?:ing)?[- ]?mark|threshold|bar|cut-?off|"
        r"floor|minimum|pass(?:ing)? (?:score|level|grade))\b",
        re.I,
    ),
    # what to redo or drop: 'regenerate anything under 0.7', 'throw out pairs below 60%'
    re.compile(
        r"\b(?:regenerat|redo|rewrit|retry|drop|discard|remov|reject|throw\w*\s+(?:out|away)|"
        r"filter\w*\s+out|exclud|omit|skip|leav\w*\s+out|leave\s+out|cut\w*\s+out|"
        rf"weed\w*\s+out|without)\w*\b[^.;]{{0,40}}?(?:under|below|less\s+than|<)\s*{_SCORE}",
        re.I,
    ),
    # what to keep: 'only the ones above 0.8', 'keep those at least 0.75'
    re.compile(
        rf"\b(?:only|just|keep\w*)\b[^.;]{{0,40}}?(?:above|over|at\s+least|>=?|≥)\s+{_SCORE}", re.I
    ),
    # terse: 'q>=0.8', 'quality>0.75', 'q ≥ .8'
    re.compile(rf"\bq(?:ual)?\s*(?:>=?|≥|=)\s*{_SCORE}", re.I),
    # a stricter (or looser) judge, then the mark: 'again but stricter, like 0.85'
    re.compile(
        r"\b(?:strict\w*|harsher|tougher|lenient|looser|(?:more|less)\s+(?:strict|harsh|picky))\b"
        rf"[^.;\d]{{0,30}}?(?<![\w.]){_SCORE}",
        re.I,
    ),
)


def quality_floor(text: str) -> float | None:
    """The least quality score a person accepts for QA pairs ('keep only 0.8 or better')."""
    for pattern in QUALITY_FLOOR_RES:
        match = pattern.search(text)
        if match:
            value = match.group(1).replace(" ", "")
            return fraction(value.rstrip("%"), "%" if value.endswith("%") else "")
    return None


QA_ENTRY_WORDS = (
    r"(?:(?:qa|q&a|q\s*/\s*a|question[- ]answer|question-and-answer|quiz|faq|training)\s+)?"
    r"(?:pairs?|questions?|entries|flashcards?|examples|summaries)"
)
"""The words of QA entries counted in all ('10 Q&A pairs', 'twenty questions')."""


QA_TOTAL_RES = (
    # '30 in total', '100 overall', 'fifty altogether'
    rf"\b{NUM}\s+(?:{QA_ENTRY_WORDS}\s+)?(?:in\s+total|in\s+all|total|overall|altogether)\b",
    # '10 Q&A pairs', 'twenty questions': not '3 questions per section', '2 qa pairs per page',
    # '10 questions from each of ...', and not 'use 5 examples as few-shot'
    rf"(?<!\buse\s)\b{NUM}\s+{QA_ENTRY_WORDS}\b(?!\s*(?:per|each|for\s+each|from\s+each|"
    r"a\s+(?:chunk|section|page|document|doc|paragraph|part|heading)|every|by|/|as)\b|\s*/)",
    # 'Q&A pairs, 10 of them'
    rf"\b{QA_ENTRY_WORDS}\b[^.;\d]{{0,20}}?,\s*{NUM}\s+of\s+(?:them|those)\b",
)
"""Where a count of QA entries in all is said; a count per chunk, section, page or document is
not one."""


def _qa_total(text: str) -> int | None:
    """The entries wanted in all ('10 Q&A pairs', 'Q&A pairs, 10 of them', '3 per chunk, 30 in
    total'); a count per unit ('3 questions per section', '10 questions from each of the 3
    documents') or of other things ('40 page instructions') is none.
    """
    for pattern in QA_TOTAL_RES:
        said = rx.search(pattern, text, re.I)
        if said:
            # a count over the tool's bound is kept: the plan caps it and says so
            number = _number(said.group(1)) if len(said.group(1)) <= 12 else 0
            return number if number > 0 else None
    return None


def qa_options(text: str) -> dict[str, Any]:
    """QA generation settings a person states: per chunk, quality, mode, styles, a name."""
    out: dict[str, Any] = {}
    per = rx.search(
        # '3 pairs per chunk', 'Three question-answer pairs per chunk', 'two for each part'; a
        # size ('200 tokens per chunk') is not a count of pairs
        rf"\b{NUM}\s+(?!(?:tokens?|characters?|chars?|words?|lines?|sentences?)\b)"
        r"(?:[\w-]+\s+)?(?:questions?|(?:qa|q&a|question[- ]answer)(?: pairs?)?|pairs?|entries|"
        r"examples|items)?\s*(?:per|for each|each|a|every|by|/)\s*"
        r"(?:chunk|section|paragraph|part|piece|bit|passage|block)",
        text,
        re.I,
    )
    per = per or rx.search(rf"\b{NUM}\s*/\s*(?:chunk|section)\b", text, re.I)  # '3/chunk'
    per = per or rx.search(
        # 'for each chunk one summary', 'every section: 2 questions'
        rf"\b(?:per|each|every)\s+(?:chunk|section|paragraph|part|piece)\s*[:,]?\s+{NUM}\b",
        text,
        re.I,
    )
    per = per or rx.search(
        # 'the first 5 chunks, 3 questions each': 'each' after the count of questions
        rf"\b{NUM}\s+(?:\w+\s+)?(?:questions?|qa pairs?|q&a pairs?|pairs?)\s+(?:each|apiece)\b",
        text,
        re.I,
    )
    per = per or rx.search(
        # 'qa from the guide, 3 each': a bare count with 'each' right after the QA words
        rf"\b(?:qa|q&a|questions?|pairs?|quiz|faqs?)\b(?:[^.;\d]|\.(?=\w)){{0,60}}?,\s*{NUM}\s+(?:each|apiece)\b",
        text,
        re.I,
    )
    if per and _number(per.group(1)):
        out["datasets_per_chunk"] = _number(per.group(1))
    total = _qa_total(text)
    if total is not None and not (per and per.group(1) and _number(per.group(1)) == total):
        out["max_pairs"] = total
    rounds = rx.search(
        # 'at most 2 generation rounds', 'three generation rounds at most'
        rf"\b{NUM}\s+(?:generation|regeneration|judge|judging)\s+(?:rounds?|passes|attempts)\b",
        text,
        re.I,
    )
    if rounds and _number(rounds.group(1)):
        out["max_attempts"] = _number(rounds.group(1))
    if rx.search(
        # 'with the quality analysis switched off', 'no quality analysis (raw output)'
        r"\bquality\s+(?:analysis|check(?:ing)?|filter(?:ing)?)\s+(?:switched\s+|turned\s+)?off\b"
        r"|\b(?:no|without|skip\w*)\s+(?:the\s+)?quality\s+(?:analysis|check(?:ing)?|filter(?:ing)?)",
        text,
        re.I,
    ):
        out["analyze_quality"] = False
    first = rx.search(rf"\bfirst\s+{NUM}\s+chunks\b", text, re.I)
    if first and _number(first.group(1)):
        out["max_chunks"] = _number(first.group(1))  # 'first 20 chunks only'
    quality = quality_floor(text)
    if quality is not None:
        out["quality_threshold"] = quality
    lower = text.lower()
    if rx.search(r"\bsummar(?:y|ies|i[sz]e|i[sz]ation)\b", lower):
        out["generation_mode"] = "summarization"
    elif rx.search(r"\binstruction", lower) or _misspelt_instruction(lower):
        out["generation_mode"] = "instruction"
    elif rx.search(
        r"\bonly (?:the )?questions\b|\bno answers\b|\bquestions only\b|\bjust (?:the )?questions\b"
        r"|\bquestions?,? (?:but )?(?:without|not) (?:the )?answers\b",
        lower,
    ):
        out["generation_mode"] = "question"
    for key, pattern in STYLE_WORDS.items():
        match = rx.search(pattern, text, re.I) or rx.search(STYLE_AFTER[key], text, re.I)
        if match:
            word = rx.sub(r"[- ]", "_", match.group(1).lower())
            out[key] = STYLE_CANON.get(word, word)
    name = output_name(text)
    if name:
        out["dataset_name"] = name
    return out


def _misspelt_instruction(lower: str) -> bool:
    """'instrcutions', 'insturction mode': the mode's word with a slip (two edits at most)."""
    from tools.profile import edit_distance

    return any(
        edit_distance(word, target, 2) <= 2
        for word in rx.findall(r"\bins\w{7,10}\b", lower)
        for target in ("instruction", "instructions")
    )


def _qa_dataset_ref(p: Planning, verb: str) -> str | None:
    """The QA dataset a step works on: this plan's generate_qa, else the thread's; or a question."""
    producer = p.last_step("generate_qa")
    if producer is not None:
        return f"${{steps.{producer}.dataset_id}}"
    ref = p.memory.get("qa_dataset")
    if ref is None:
        p.question = f"{verb} which QA dataset? Generate one first or give its id."
    return ref


BARE_MARK_RE = (
    r"\b(?:pass mark|bar|cut-?off|minimum|at least|reach(?:es|ed|ing)?)\D{0,15}(0?\.\d+|1\.0)\b"
)
"""A score said as the least a scored pair needs ('pairs that reach 0.7', 'needs at least 0.7')."""


def scoring_floor(text: str) -> float | None:
    """The pass mark of a scoring of QA pairs: `quality_floor`, else a bare score said as the
    least a pair needs (`BARE_MARK_RE`).
    """
    quality = quality_floor(text)
    if quality is None:
        mark = rx.search(BARE_MARK_RE, text, re.I)
        quality = float(mark.group(1)) if mark else None
    return quality


def _args_score_qa(p: Planning, s: Slots) -> dict[str, Any] | None:
    ref = _qa_dataset_ref(p, "Score")
    if ref is None:
        return None
    args: dict[str, Any] = {"dataset_id": ref}
    quality = scoring_floor(s.text)
    if quality is not None:
        args["quality_threshold"] = quality
    return args


def _args_export_dataset(p: Planning, s: Slots) -> dict[str, Any] | None:
    ref = _qa_dataset_ref(p, "Export")
    if ref is None:
        return None
    text = p.goal or s.text
    formats = list(dict.fromkeys(f.lower() for f in FORMAT_RE.findall(_without_names(text))))
    if not formats and rx.search(r"\b(?:excel|spreadsheets?|google sheets?)\b", text, re.I):
        formats = ["csv"]  # 'a file I can open in Excel': a spreadsheet reads csv
    args: dict[str, Any] = {
        "dataset_id": ref,
        "format": (formats[0] if len(formats) == 1 else formats) if formats else "jsonl",
    }
    args.update(export_options(text, s.text))
    named = [f for f in FILE_RE.findall(s.text) if not is_workspace_file(f)]
    args.update(export_file_options(s.text, named[:1], str(args["format"])))
    from agents.repeat import PASSED_RE, thread_pass_mark

    if "min_quality" not in args and rx.search(PASSED_RE, text, re.I):
        mark = thread_pass_mark(p.memory)  # 'give me the good ones': those at the pass mark
        if mark is not None:
            args["min_quality"] = mark
    if "splits" not in args and (same := same_splits(text, p.memory)) is not None:
        args["splits"] = same  # 'a jsonl copy with the same splits'
    return args


def same_splits(text: str, memory: Any) -> Any:
    """The splits of the thread's last export when the text asks for the same ones ('a parquet
    copy with those same splits'); None otherwise.
    """
    last = memory.get("last_call") if isinstance(memory, dict) else None
    if (
        rx.search(SAME_SPLITS_RE, text, re.I)
        and isinstance(last, dict)
        and last.get("tool") == "export_dataset"
        and "splits" in (last.get("args") or {})
    ):
        return last["args"]["splits"]
    return None


SET_ASIDE_RE = (
    r"\b(?:test|held[- ]out|holdout|evaluation|eval)\s+(?:part|portion|share|slice|set|bit|chunk)\b"
    r"[^.;]{0,20}?\b(?:kept|set|put|held|left)\s+(?:aside|apart|back|out)\b"
    r"|\b(?:keep|set|put|hold|leave)\w*\s+(?:\w+\s+){0,3}?(?:aside|apart|back)\s+for\s+"
    r"(?:testing|a test|the test|evaluation)\b"
)
"""A test share said as kept aside ('with a test part kept aside', 'keep some back for
testing'): the export's default splits."""
SAME_SPLITS_RE = r"\b(?:same|those|these|earlier|previous|identical)\s+splits?\b"


QA_FIELDS_RE = re.compile(
    r"\b(?:with|only|just|keep(?:ing)?)\s+(?:the\s+)?(?:columns?|fields?)\s*[:=]?\s*"
    r"([a-z_]+(?:\s*(?:,|and|&|/)\s*[a-z_]+){0,9})|\bcolumns?\s+([a-z_]+(?:\s*(?:,|and|&|/)\s*"
    r"[a-z_]+){1,9})\s+only\b",
    re.I,
)
"""'with columns question,answer', 'only the fields question and answer'."""
QA_FIELD_NAMES = frozenset(
    "id question answer mode category difficulty quality_score metadata source_chunk "
    "document_id split question_type reasons instruction output".split()
)


def export_file_options(text: str, named: list[str], fmt: str) -> dict[str, Any]:
    """A QA export's file as said: a name to write ('save as faq.csv', 'name it chatbot_eval'),
    its format from the suffix, and the fields kept ('with columns question,answer').
    """
    out: dict[str, Any] = {}
    if named:
        suffix = named[0].rsplit(".", 1)[-1].lower()
        out["output_path"] = named[0]
        if suffix in ("csv", "jsonl", "parquet"):
            out["format"] = suffix
    else:
        stem = rx.search(
            r"\b(?:name|call)\s+(?:it|them|the\s+file)\s+[\"'`]?([A-Za-z][\w-]{0,80})\b",
            text,
            re.I,
        )
        if stem:
            out["output_path"] = f"{stem.group(1)}.{fmt}"  # 'export them as csv, name it x'
    said = QA_FIELDS_RE.search(text)
    if said:
        words = rx.findall(r"[a-z_]+", (said.group(1) or said.group(2)).lower())
        fields = [w for w in dict.fromkeys(words) if w in QA_FIELD_NAMES]
        if len(fields) >= 1 and len(fields) == len([w for w in words if w not in ("and",)]):
            out["fields"] = fields
    return out


def export_options(text: str, clause: str | None = None) -> dict[str, Any]:
    """QA export settings a person states: splits ('no splits', '70/15/15', '90% train 10%
    test'; 'the same splits' keeps the earlier ones) and the least quality kept (from `clause`).
    """
    from agents.intent import CHUNK_SPLIT

    args: dict[str, Any] = {}
    clause = text if clause is None else clause
    text = rx.sub(CHUNK_SPLIT, " ", text, flags=re.I)  # 'split it by the headings': the chunking
    if rx.search(r"\b(?:no|without|skip(?:ping)?)\s+(?:the\s+)?splits?\b|\bunsplit\b", text, re.I):
        args["splits"] = False
    elif rx.search(SAME_SPLITS_RE, text, re.I):
        pass  # 'with the same splits': what the earlier export used (its builder carries them)
    elif rx.search(
        r"\bsplits?\b|train/val|train/test|(?<!\d)\d+/\d+/\d+|"
        r"\btrain(?:ing)?,?\s+(?:validation|val|dev)\w*,?\s+(?:and\s+)?test\b",
        text,
        re.I,
    ):
        args["splits"] = split_ratios(text) or True
    elif split_ratios(text):
        args["splits"] = split_ratios(text)
    elif rx.search(SET_ASIDE_RE, text, re.I):
        args["splits"] = True  # 'with a test part kept aside'
    floor = rx.search(
        r"\b(?:scor\w*|quality)\s+(?:of\s+)?(?:at least|above|over|>=?|≥)\s*(0?\.\d+)", clause, re.I
    )
    if floor:
        args["min_quality"] = float(floor.group(1))
    elif quality_floor(clause) is not None:
        args["min_quality"] = quality_floor(clause)
    return args


def split_ratios(text: str) -> dict[str, float] | None:
    """'a 70/15/15 split', 'split 0.7/0.15/0.15': train/validation/test shares when they differ
    from the default 80/10/10 (the default itself stays `splits=True`).
    """
    match = rx.search(r"(?<![\w./])(\d*\.?\d+)\s*/\s*(\d*\.?\d+)\s*/\s*(\d*\.?\d+)(?![\w/])", text)
    if match is None and rx.search(SPLIT_WORDS_RE, text):
        match = rx.search(SPLIT_SHARES_RE, text)  # '90/10 train/test': two splits
    if match is None:
        return _named_shares(text) or _two_splits_named(text)
    values = [float(v) for v in match.groups() if v]
    total = sum(values)
    if total <= 0 or not (0.99 <= total <= 1.01 or 99 <= total <= 101):
        return None
    shares = [round(v / total, 4) for v in values]
    names = ("train", "validation", "test")
    if len(shares) == 2:  # the second is the test part unless a validation part is said
        names = ("train", "validation" if rx.search(VALIDATION_WORD_RE, text) else "test")
    ratios = dict(zip(names, shares, strict=False))
    return None if ratios == {"train": 0.8, "validation": 0.1, "test": 0.1} else ratios


TWO_SPLITS_RE = (
    r"\btrain(?:ing)?\s*(?:/|and|&|\+|,)\s*(test|testing|validation|val|dev)\s+(?:splits?|sets?|files?"
    r"|parts?)\b|\b(?:a\s+)?(test|validation)\s+split\s+(?:and|&)\s+(?:a\s+)?train(?:ing)?\s+split\b"
)


def _two_splits_named(text: str) -> dict[str, float] | None:
    """'with train/test splits', 'train and validation files': two splits, no shares said
    (80/20), never the default three; None when a third is named too.
    """
    said = rx.search(TWO_SPLITS_RE, text, re.I)
    if said is None or rx.search(
        r"\btrain\w*[,/\s]+(?:val\w*|dev)[,/\s]+(?:and\s+)?test", text, re.I
    ):
        return None
    second = (said.group(1) or said.group(2) or "").lower()
    return {"train": 0.8, "test" if second.startswith("test") else "validation": 0.2}


SHARE_RE = re.compile(
    r"(?<![\w.])(\d{1,2})\s*%\s*(?:for\s+|to\s+|as\s+)?(train\w*|val\w*|dev|test\w*)\b"
    r"|\b(train\w*|val\w*|dev|test\w*)\s*(?:=|:)?\s*(\d{1,2})\s*%",
    re.I,
)


def _named_shares(text: str) -> dict[str, float] | None:
    """'90% train 10% test', 'train 80%, validation 20%': shares named by split, summing to 100."""
    shares: dict[str, float] = {}
    for m in SHARE_RE.finditer(text):
        value, word = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        name = {"tr": "train", "va": "validation", "de": "validation", "te": "test"}[
            word[:2].lower()
        ]
        shares.setdefault(name, round(int(value) / 100, 4))
    if len(shares) < 2 or abs(sum(shares.values()) - 1) > 0.011:
        return None
    return None if shares == {"train": 0.8, "validation": 0.1, "test": 0.1} else shares


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
