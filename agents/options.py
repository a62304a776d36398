"""Settings a person states, bound through the tools' own schemas (field names, enum values).

The keyword parsers in agents/slots.py and agents/arguments.py know the common phrasings ("up to 5 attempts", "an
MLP"); this module is the general mechanism behind them: any field of the planned tool that
the goal names with a value ("min_df 2", "validation fraction of 0.3", "top 20"), any enum
value it names ("case-based questions", "most voted"), an output file it names after "save
to / write to", and column lists it assigns to a role ("tenure and charges as numeric
features"). Only arguments the planner left unset are filled, so a specific parser wins.
"""

from __future__ import annotations

import functools
import json
import os
import re
import typing
from typing import Any

from agents import patterns as rx
from agents.hand_labels import table_profile
from agents.slots import CONFIG_NAME, QUOTED_CONFIG_RE
from tools.profile import edit_distance

WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a single": 1,
    "single": 1,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
"""Numbers people write as words (shared with the planner's own parsers)."""
NUMBER = r"(\d+(?:\.\d+)?(?:e-?\d+)?\s*%?|\.\d+\s*%?|" + "|".join(WORD_NUMBERS) + r")"

# Fields whose names people say differently, or that need a unit-specific phrase.
FIELD_PHRASES: dict[str, tuple[str, ...]] = {
    "top_k": (r"top[ _-]?k", r"top", r"(?:the )?(?:worst|first|most anomalous)"),
    "ngram_max": (r"n-?gram[ _]?max", r"max(?:imum)? n-?grams?", r"n-?grams? (?:up to|max)"),
    "min_df": (r"min[ _]?df", r"min(?:imum)? document frequency"),
    "max_features": (r"max[ _]?features",),
    "validation_fraction": (r"validation[ _]fraction", r"val(?:idation)?[ _]split"),
    "dev_fraction": (r"dev(?:elopment)?[ _](?:fraction|share|split)",),
    "holdout_fraction": (r"hold-?out[ _]fraction",),
    "quality_threshold": (
        r"quality[ _]threshold",
        r"quality (?:gate|bar|cut-?off)",
        r"pass(?:ing)? (?:mark|score|bar)",
        r"(?:regenerat|redo|rewrit|retry|repeat)\w*[^.;\d]{0,25}?(?:under|below|less than)",
    ),
    "max_attempts": (r"max[ _]attempts",),
    "min_quality": (r"min(?:imum)?[ _]quality",),
    "max_chunks": (r"max[ _]chunks", r"first"),
    "chunk_size": (r"chunk[ _]size", r"chunks? of", r"pieces? of", r"blocks? of"),
    "chunk_overlap": (r"(?:chunk[ _])?overlap",),
    "min_precision": (
        r"min(?:imum)?[ _]precision",
        r"precision (?:floor|minimum|of at least)",
        # 'keep rules with precision >= 0.85'
        r"(?:keep|only)\s+(?:the\s+)?(?:rules?|lfs?|labell?ing functions?|keywords?)\s+(?:with|whose|of)\s+"
        r"(?:a\s+)?precision\s*(?:>=|≥|of at least|at least|above|over|>)",
    ),
    "max_per_class": (r"max[ _]per[ _]class", r"max(?:imum)? (?:of )?"),
    "latent_dim": (r"latent[ _]dim\w*",),
    "threshold": (
        r"threshold",
        r"(?:(?:combined|anomaly|outlier|total) )?(?:z(?:[- ]?score)?|score) (?:of|above|over|beyond|>)",
    ),
    "accuracy_floor": (
        r"accuracy[ _]floor",
        # 'drop any LF under 0.7 dev accuracy', 'discard rules below 60%'
        r"(?:drop|discard|remove|prune|throw out|cut)\w*\s+(?:any\s+|all\s+|the\s+|every\s+)?"
        r"(?:lfs?|labell?ing functions?|rules?|functions?|heuristics?)\s+(?:with\s+|whose\s+)?"
        r"(?:(?:dev\s+)?accuracy\s+)?(?:is\s+)?(?:under|below|less than|lower than)",
    ),
    "datasets_per_chunk": (r"datasets[ _]per[ _]chunk",),
    "limit": (r"limit", r"top", r"first"),
    "sample_rows": (r"sample[ _]rows",),
    "offset": (
        r"(?:start|begin)\w*\s+(?:from|at|with)\s+(?:the\s+)?(?:row|line|record)s?(?:\s+(?:number|no\.?|#))?",
        r"(?:from|after)\s+(?:the\s+)?(?:row|line|record)(?:\s+(?:number|no\.?|#))?",
        r"skip(?:ping)?\s+(?:the\s+)?first",
    ),
    "n": (r"generate", r"make", r"create", r"produce", r"sample"),
}
# Numbers that must be read after their unit ("max 20 keyword LFs per class").
UNIT_AFTER: dict[str, str] = {
    "sample_rows": r"(?:(?:sample|example|random)\s+\w+|samples\b|examples\b)",  # '+ 3 samples'
    "n": r"(?:synthetic\s+|fake\s+|new\s+|more\s+|extra\s+)?(?:rows|records|samples|examples)",
    "max_per_class": r"(?:(?:\w+\s+){0,2}(?:lfs?|labeling functions|rules|keywords?)\s+)?"
    r"(?:per|for each)\s+(?:class|label)",
    "chunk_size": r"(?:tokens?|characters?|chars?|words?)",
    "max_chunks": r"chunks",
    # '3 question and answer pairs for each section', '2 Q&A pairs per chunk'
    "datasets_per_chunk": r"(?:(?:question|q)\s*(?:and|&|/)\s*(?:answer|a)\s+pairs?|questions?|pairs?|"
    r"entries|items)\s+(?:per|for each|each|a)\s+"
    r"(?:chunk|window|section|passage|piece|paragraph|block)",
    "max_attempts": r"(?:rounds?|attempts?|tries|try|iterations?)",
    "dev_fraction": r"of\s+(?:the\s+|my\s+|our\s+)?(?:hand[- ]?labels?|gold(?:\s+labels?)?|labels|labeled "
    r"rows)\s+(?:for|as)\s+(?:the\s+)?(?:dev\w*|tuning)",
    "top_k": r"(?:most (?:anomalous|unusual|suspicious|extreme)|worst|top)\s+(?:rows|readings|"
    r"records|transactions|items|entries|ones)",
}
# Enum values people say in other words.
ENUM_SYNONYMS: dict[tuple[str, str], str] = {
    ("kaggle_sort", "votes"): r"(?:most )?vot(?:ed|es)",
    ("kaggle_sort", "hottest"): r"hottest",
    ("hf_sort", "downloads"): r"(?:most )?download(?:ed|s)",
    ("sort", "downloads"): r"most downloaded|by downloads",
    ("sort", "likes"): r"most liked|by likes",
    ("sort", "updated"): r"recently updated|most recent|newest",
    ("question_style", "case_based"): r"case[- ]based|case studies|scenario",
    ("answer_style", "step_by_step"): r"step[- ]by[- ]step",
    (
        "detectors",
        "isolation_forest",
    ): r"isolation[ -]?forest|iforest|\bif\s*(?:\+|and|&|,)\s*lof\b",
    ("detectors", "local_outlier_factor"): r"local outlier(?: factor)?|\blof\b",
    ("detectors", "cvae"): r"\bc?vae\b|autoencoder",
    ("detectors", "category_pairs"): r"\bcategor\w*[ _-]pairs?\b",
    ("detectors", "binned_pairs"): r"\bbinned[ _-]pairs?\b",
    ("strategy", "fixed"): r"fixed(?:[- ]size)?|\d+[- ](?:token|char\w*|word)s?\b(?! overlap)",
    ("strategy", "markdown"): r"markdown (?:strategy|headings|sections)|by (?:the )?headings",
    ("strategy", "paragraph"): r"by paragraphs?|paragraph strategy",
    ("unit", "tokens"): r"\btokens?\b",
    ("unit", "chars"): r"\bchar(?:acter)?s\b",
}
# Words right before an enum value that rule it out ('no MLP', 'rather than the hashed ones').
NEGATED_BEFORE = r"\b(?:no|not|without|instead of|rather than|never)\s+(?:an?\s+|the\s+)?$"
_NEGATED_BEFORE = re.compile(NEGATED_BEFORE, re.I)
NEGATION_WINDOW = 40
"""How far before a mention a negation is looked for ('instead of the ' and its spaces)."""


def negated_before(text: str, at: int) -> bool:
    """Whether a mention at `at` comes right after a negation ('no CVAE', 'not the MLP'): only
    the last `NEGATION_WINDOW` characters are searched (word boundaries still see the character
    before them), so many mentions in a long goal cost linear time, not one scan each.
    """
    return _NEGATED_BEFORE.search(text, max(0, at - NEGATION_WINDOW), at) is not None


# Enum values too common in ordinary requests to mean a setting on their own.
ENUM_SYNONYMS[("missing_features", "fail")] = (
    r"\b(?:fail|stop|refuse|error)\w*\b[^.;]{0,40}?\bmissing\b"
    r"|\bmissing\b[^.;]{0,40}?\b(?:fail|stop|refuse|error)\w*"
)
"""'fail if a feature is missing': the word alone ('how likely each job was to fail') says no
setting."""
ENUM_SYNONYMS[("missing_features", "impute")] = r"\bimput\w*"
ENUM_SYNONYMS[("task", "regression")] = r"(?<!logistic )(?<!linear )\bregress(?:ion|or)\b"
"""'an MLP regression of price': train_model's task; 'logistic regression' is a classifier's
name and 'linear regression' a model kind, left to task auto (which regresses a quantity)."""
ENUM_SKIP = {
    ("task", "auto"),
    ("task", "classification"),
    ("generation_mode", "qa"),
    ("generation_mode", "question"),
    ("generation_mode", "answer"),
    ("source", "all"),
    ("source", "local"),
    ("source", "hand"),
    ("source", "prior"),
    ("model", "auto"),
    ("model", "linear"),
    ("class_weights", "none"),
    ("tuner", "auto"),
    ("writer", "auto"),
    ("writer", "llm"),
    # inspect_dataset's figure: 'mean', 'count', 'sum' are said of many things (a mean value,
    # a row count); the planner sets it from a number column's total (agents/arguments.py)
    *(("statistic", v) for v in ("sum", "mean", "median", "min", "max", "count")),
    ("embeddings", "on"),
    ("embeddings", "off"),
    ("embeddings", "auto"),
    ("device", "auto"),
    ("format", "csv"),
    ("format", "jsonl"),
    ("format", "parquet"),
    ("target_metric", "auc"),
    ("target_metric", "accuracy"),
    ("target_metric", "f1_macro"),
    ("target_metric", "coverage"),
    ("sort", "relevance"),
    ("sort", "trending"),
    ("hf_sort", "modified"),
    ("hf_sort", "trending"),
    ("kaggle_sort", "updated"),
    ("kaggle_sort", "active"),
    ("kaggle_sort", "published"),
}
ENUM_EXTRA: dict[tuple[str, str], str] = {
    (
        "writer",
        "builtin",
    ): r"built-?in (?:(?:lf|keyword|rule|labell?ing[- ]function)s? )?(?:miner|writer)"
    r"|without (?:an? )?llm|no llm",
}
OUTPUT_FIELDS = {
    "predict": "output",
    "generate_synthetic": "output",
    "detect_anomalies": "output",
    "write_labeling_functions": "output_path",
    "vote_labels": "output_path",
}
OUTPUT_RE = re.compile(
    r"\b(?:save|write|store|dump|put|output|export|generate|make|produce|create)\w*\b"
    r"(?:[^.;]|\.(?=\w)){0,60}?"
    r"\b(?:to|into|in|as)\s+[\"'`]?([\w./-]+\.(?:csv|jsonl|parquet|tsv|json))\b",
    re.I,
)
FOLDER_RES = (
    re.compile(
        r"\b(?:into|to|in|under)\s+(?:the\s+)?(?:folder|directory)?\s*[\"'`]?((?:[\w.-]+/)+[\w-]*)"
        r"(?![\w/.-]*\.\w{2,5}\b)",
        re.I,
    ),
    re.compile(
        r"\b(?:into|to|in|under)\s+(?:the\s+|a\s+)?[\"'`]?([\w.-]+)[\"'`]?\s+(?:folder|directory|dir)\b",
        re.I,
    ),
)
ARTIFACTS_DIR_RE = re.compile(
    # 'put all artifacts in runs/r1', 'save the outputs under out/labels'
    r"(?:(?:\b(?:put|save|write|store|keep)\s+(?:all\s+)?(?:of\s+)?(?:the\s+|its\s+|this\s+)?"
    r"(?:outputs?|results?|artifacts?|files?|everything|run)\s+"
    # 'output to labeling/reviews': a folder (a file name is an output file, not a folder)
    r"|\boutputs?\s+(?=(?:in|into|to|under)\s+(?:the\s+)?(?:folder\s+|directory\s+)?[\w.-]+/)"
    # 'artifacts in runs/a', 'outputs written to out/b', 'results should go to x/': what is
    # written, then a folder path (a path with a folder in it)
    r"|\b(?:outputs?|results?|artifacts?|artefacts?|everything)\s+(?:(?:are|is|get|gets|go|goes|"
    r"should|to|be|written|saved|stored|kept|placed|dropped|put)\s+){0,3}"
    r"(?=(?:in|into|to|under)\s+(?:the\s+)?(?:folder\s+|directory\s+)?[\w.-]+/)"
    # 'write to runs/a', 'put it under out/b': a verb of writing straight to a folder path
    # ... 'put it all in labeling/a'
    r"|\b(?:write|save|store|put|keep)\s+(?:it\s+|them\s+|this\s+)?(?:all\s+)?"
    r"(?=(?:in|into|to|under)\s+(?:the\s+)?[\w.-]+/))"
    r"(?:in|into|to|under)\s+(?:the\s+)?(?:folder\s+|directory\s+)?"
    # terse: 'out labeling/v2', 'output labeling/v2', 'output_dir=runs/a' (a path with a folder)
    # ... 'Output folder: labeling/b', 'output directory runs/c'
    r"|\b(?:out|output|output[_ ]dir|out_?dir|output\s+(?:folder|directory))(?:\s*[=:]\s*|\s+)"
    r"(?=[\w.-]+/)"
    # 'label x into folder labeling/q3', 'categorised ... into labeling/sept': a folder path
    r"|\b(?:into|in|under)\s+(?:the\s+)?(?:folder|directory|dir)\s+|\binto\s+(?=[\w.-]+/)"
    # '..., write to labeling/topics': a folder path said after a bare writing verb
    r"|\b(?:write|save|put|store)\s+(?:it\s+|them\s+|everything\s+)?(?:to|into|under)\s+"
    r"(?=[\w.-]+/))[\"'`]?"
    r"(?![\w./-]+\.(?:csv|tsv|parquet|jsonl?|txt|md)\b)([\w./-]+?)[\"'`]?"
    r"(?:[,;)]|\.(?!\w)|\s|$)",
    re.I,
)
CLASS_VALUE_RE = re.compile(
    r"\b(?:where|with|whose|in which)\s+(?:the\s+)?[\w]+\s*(?:is|=|==|equals)\s*[\"']?([\w.<>=-]+)|"
    r"\(\s*[\w]+\s*=\s*([\w.<>-]+)\s*\)",
    re.I,
)
# Switches a person turns off in words: field → the words that name it.
SWITCHES = {
    "measure_utility": r"utility(?: measurement| check)?",
    "end_model": r"end[- ]model",
    "analyze_quality": r"regenerat\w*|quality (?:analysis|check)",
    "splits": r"(?:train/test |train/val\w* |test )?splits?",
    "refit_with_heldout": r"refit\w*",
    "drop_uncovered": r"dropping",
}
OFF_RE = r"\b(?:no|without|skip(?:ping)?|don'?t|do not|never|not)\b(?:\s+\w+){0,3}?\s+(?:the\s+)?"
ON_RE = (
    r"\b(?:with|measur(?:e|ing)|run(?:ning)?|includ(?:e|ing)|keep(?:ing)?|do(?:ing)?)\s+"
    r"(?:the\s+|a\s+)?"
)


CONFIG_RE = re.compile(
    r"\b(?:config(?:uration)?|subset)\s+(?:named\s+|called\s+)?[\"'`]?(?!is\b|the\b|of\b|and\b)"
    rf"([\w.-]+)|\b[\"'`]?({CONFIG_NAME})[\"'`]?\s+(?:config|subset)\b",
    re.I,
)
# Builders' defaults that a setting said elsewhere in the goal replaces.
DEFAULTS = {("generate_synthetic", "n"): 100, ("export_dataset", "splits"): True}


def field_choices(tool: str, name: str) -> tuple[str, ...]:
    """The enum values a tool's field accepts, from its input model (empty: not an enum)."""
    kind, values = field_kinds(tool).get(name, ("other", ()))
    return values if kind in ("enum", "enums") else ()


@functools.lru_cache(maxsize=64)
def field_kinds(tool: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Field → (kind, enum values) of a tool: kind is int, float, bool, enum, enums or other."""
    from tools.registry import get_tool

    try:
        model = get_tool(tool).input_model
    except Exception:  # noqa: BLE001 - an unknown tool has no fields to bind
        return {}
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for name, info in model.model_fields.items():
        ann = info.annotation
        literals = _literals(ann)
        if literals:
            kind = "enums" if typing.get_origin(ann) is list else "enum"
            out[name] = (kind, literals)
            continue
        plain = [a for a in (typing.get_args(ann) or (ann,)) if a is not type(None)]
        if plain and plain[0] is bool:
            out[name] = ("bool", ())
        elif plain and plain[0] is int:
            out[name] = ("int", ())
        elif plain and plain[0] is float:
            out[name] = ("float", ())
        elif plain and plain[0] is str:
            out[name] = ("str", ())
        else:
            out[name] = ("other", ())
    return out


def _literals(ann: Any) -> tuple[str, ...]:
    if typing.get_origin(ann) is typing.Literal:
        return tuple(str(a) for a in typing.get_args(ann))
    for arg in typing.get_args(ann):
        found = _literals(arg)
        if found:
            return found
    return ()


def _value(raw: str, kind: str, name: str) -> int | float | None:
    raw = raw.strip().lower()
    percent = raw.endswith("%")
    raw = raw.rstrip("%").strip()
    number = float(WORD_NUMBERS[raw]) if raw in WORD_NUMBERS else float(raw)
    if kind == "int":
        return int(number) if number == int(number) and not percent else None
    if percent or (number > 1 and name.endswith(("fraction", "threshold", "quality", "floor"))):
        if name == "threshold":
            return number
        number = number / 100
    return number


OFF_VALUES = ("off", "none")
ON_VALUES = ("on",)


def _switched(name: str, values: tuple[str, ...], lower: str) -> str | None:
    """An enum with an off value that the person turns off (or on) by the field's name:
    'embeddings off', 'without the balanced class weights', 'no class weights', 'with embeddings on'.
    """
    off = next((v for v in OFF_VALUES if v in values), None)
    if off is None:
        return None
    words = name.replace("_", r"[ _-]?").rstrip("s") + "(?:s|ing)?"  # 'class weighting'
    off_words = r"\b(?:no|without|skip(?:ping)?|drop(?:ping)?|disable|turn(?:ing)?\s+off|remove)\s+"
    if rx.search(
        rf"(?:{OFF_RE}|{off_words}(?:the\s+|any\s+)?)(?:\w+\s+){{0,2}}{words}\b|\b{words}\s*(?:=|:|to|turned|switched)?\s*"
        rf"(?:off|none|disabled)\b",
        lower,
    ):
        return off
    on = next((v for v in ON_VALUES if v in values), None)
    if on and rx.search(rf"\b{words}\s*(?:=|:|turned|switched)?\s*(?:on|enabled)\b", lower):
        return on
    return None


ON_WORDS = ("on", "true", "yes", "enabled", "enable")
OFF_WORDS = ("off", "false", "no", "disabled", "disable")
NAMED_SKIP = ("_column", "_columns", "_path", "_dir", "_id", "_ids", "dataset", "output", "prompt")
"""Fields a literal name never sets here: columns and files are bound from the data and the
workspace (agents/grounding.py, agents/references.py), a prompt is free text, not one word."""
NAMED_AS_WRITTEN = ("_model", "_name")
"""Text fields whose value names a model or a set: its case and hyphens are its own."""


def said_by_name(tool: str, text: str) -> dict[str, Any]:
    """Switches and one-word settings said by the field's own (underscored) name, as people
    copy them from the docs: 'analyze_quality off', 'end_model=false', 'measure_utility on',
    'question_style analytical'. The name is the schema's, so no phrase list is kept; a
    one-word value must end there ('custom_prompt: focus on dates' is no one-word setting).
    """
    out: dict[str, Any] = {}
    for name, (kind, _) in field_kinds(tool).items():
        if "_" not in name or name.endswith(NAMED_SKIP):
            continue
        # possessive spaces: nothing before the value can be re-split when it is absent
        # ... 'is' only before a style's word: 'the judge_model is fine' names no model
        joins = r"[=:]|to\b|set\s++to\b" + ("" if name.endswith(NAMED_AS_WRITTEN) else r"|is\b")
        own = rf"(?<![\w-]){re.escape(name)}\s*+(?:(?:{joins})\s*+)?[\"'`]?"
        if kind == "bool":
            switch = r"(" + "|".join(ON_WORDS + OFF_WORDS) + r")\b"
            said = rx.search(own + switch, text, re.I)
            if said is None:
                # 'end model off', 'measure utility: false': the name's words spaced, the
                # switch word ending the phrase ('soft labels on b.csv' sets nothing)
                spaced = r"[_ ]".join(re.escape(part) for part in name.split("_"))
                said = rx.search(
                    rf"(?<![\w-]){spaced}\s*+(?:[=:]\s*+)?{switch}(?=\s*(?:[,;)]|\.(?!\w)|and\b|$))",
                    text,
                    re.I,
                )
            if said:
                out[name] = said.group(1).lower() in ON_WORDS
        elif kind == "str":
            said = rx.search(
                own + r"([a-z][\w-]{0,39})[\"'`]?\s*+(?=[,;)]|\.(?!\w)|and\b|$)", text, re.I
            )
            value = said.group(1) if said else ""
            if said and value.lower() not in ON_WORDS + OFF_WORDS + ("none", "the", "a"):
                # a model or a name ('judge_model gpt-4o-mini') is kept as written; a style or
                # level is the tool's word ('multi-hop' → multi_hop)
                named = name.endswith(NAMED_AS_WRITTEN)
                out[name] = value if named else value.lower().replace("-", "_")
    return out


def _misspelt_count(name: str, lower: str) -> re.Match[str] | None:
    """'80 epocs': a count before a word one edit from the field's name (5+ letters)."""
    stem = name.rstrip("s")
    for match in rx.finditer(rf"\b{NUMBER}\s+([a-z]{{4,}})\b", lower):
        word = match.group(2).rstrip("s")
        if word != stem and len(word) >= 4 and edit_distance(word, stem, 1) <= 1:
            return match
    return None


def _name_pattern(name: str) -> list[str]:
    own = name.replace("_", r"[ _-]?")
    return [own, *FIELD_PHRASES.get(name, ())]


def stated(tool: str, text: str) -> dict[str, Any]:
    """Arguments of `tool` that `text` states through the schema's own names and values."""
    out: dict[str, Any] = {}
    lower = files_out(text).lower()
    for name, (kind, values) in field_kinds(tool).items():
        if kind in ("int", "float"):
            match = None
            if kind == "int" and len(name) >= 5 and "_" not in name:
                # '2 layers', 'two hidden layer', '300 epochs': the count before the field's own name
                match = rx.search(rf"\b{NUMBER}\s+(?:hidden\s+)?{name.rstrip('s')}s?\b", lower)
                if match is None:
                    match = _misspelt_count(name, lower)
            for phrase in [] if match else _name_pattern(name):
                match = rx.search(
                    rf"\b{phrase}\s*(?:=|:|of|to|is|at|above|over|below|under)?\s*{NUMBER}(?!\w|\.\d)",
                    lower,
                )
                if match:
                    break
            if match is None:
                unit = UNIT_AFTER.get(name)
                match = rx.search(rf"\b{NUMBER}[\s-]+{unit}\b", lower) if unit else None
            if match:
                try:
                    value = _value(match.group(1), kind, name)
                except ValueError:
                    value = None
                if value is not None:
                    out[name] = value
        elif kind in ("enum", "enums"):
            hits = []
            for value in values:
                if (name, value) in ENUM_SKIP:
                    continue
                pattern = ENUM_SYNONYMS.get((name, value)) or ENUM_EXTRA.get((name, value))
                if pattern is None:
                    if len(value) < 3:
                        continue
                    pattern = r"\b" + re.escape(value).replace("_", "[ _-]") + r"\b"
                if any(not negated_before(lower, m.start()) for m in rx.finditer(pattern, lower)):
                    hits.append(value)  # 'no MLP, it is tiny': a value ruled out is not said
            switched = _switched(name, values, lower)
            if switched in OFF_VALUES or (switched and not hits):
                hits = [switched]  # 'without the balanced class weights': the value is turned off
            if kind == "enums" and hits:
                out[name] = hits
            elif len(hits) == 1:
                out[name] = hits[0]
    if "config" in field_kinds(tool):
        match = CONFIG_RE.search(text)
        if match:
            out["config"] = match.group(1) or match.group(2)
        elif QUOTED_CONFIG_RE.search(text):
            out["config"] = QUOTED_CONFIG_RE.search(text).group(1)
    for name in ("audience", "domain", "purpose"):
        if name in field_kinds(tool):
            said = rx.search(
                rf"\b{name}\s+(?:is|are|=|:|should be)?\s*([\w][\w '-]{{2,40}}?)\s*(?=[.,;]|$)",
                text,
                re.I,
            )
            if said:
                out[name] = said.group(1).strip()
    if "metric" in field_kinds(tool) and tool == "model_leaderboard":
        said = rx.search(
            r"\b(accuracy|f1|precision|recall|auc|bleu|rouge\w*|exact[_ ]match)\b", lower
        )
        if said:
            out["metric"] = said.group(1).replace(" ", "_")
    field = OUTPUT_FIELDS.get(tool)
    if field:
        match = OUTPUT_RE.search(text)
        flagged = tool == "detect_anomalies" and rx.flagged_saved(text)
        if match and (match.group(1).endswith(".json") == (field == "output_path")):
            # ('... and save them as odd.csv' of a scan names its flagged rows' file instead)
            out["flagged_path" if flagged else field] = match.group(1)
    fields = field_kinds(tool)
    for name, words in SWITCHES.items():
        if name in fields and rx.search(OFF_RE + rf"(?:{words})\b", lower):
            out[name] = False
        elif name in fields and rx.search(ON_RE + rf"(?:{words})\b", lower):
            out[name] = True  # 'conditioned on x with the utility check': the switch said on
    out.update(said_by_name(tool, text))  # the field's own name with its value wins
    if "output_dir" in fields and tool != "export_dataset":
        match = ARTIFACTS_DIR_RE.search(text)
        if match and not rx.search(r"\.\w{2,5}$", match.group(1)):
            out["output_dir"] = match.group(1).rstrip("/")
    if "output_dir" in fields and tool == "export_dataset":
        for pattern in FOLDER_RES:
            match = pattern.search(text)
            if match:
                out["output_dir"] = match.group(1).rstrip("/")
                break
    if tool == "generate_synthetic":
        match = CLASS_VALUE_RE.search(text)
        if match:
            out["label"] = (match.group(1) or match.group(2)).strip(".")
    return out


ROLE_RE = re.compile(
    r"((?:[\w]+\s*,\s*)*[\w]+(?:\s*,?\s*(?:and|&|plus)\s+[\w]+)?)\s+as\s+(?:the\s+)?"
    r"(numeric|numerical|categorical|text|id)s?\b\s*(?:features?|columns?|inputs?|id)?",
    re.I,
)
"""'a, b and c as numeric features' (the grammar; read backwards by `ROLE_AFTER`/`ROLE_BACK`)."""
ROLE_AFTER = re.compile(
    r"(?<!\s)\s+as\s+(?:the\s+)?(numeric|numerical|categorical|text|id)s?\b"
    r"(?:\s*(?:features?|columns?|inputs?|id))?",
    re.I,
)
ROLE_BACK = re.compile(r"(?:[\w]+\s+(?:dna|&|sulp)\s*,?\s*)?[\w]+(?:\s*,\s*[\w]+)*", re.I)
"""`ROLE_RE`'s list spelt backwards, read from the ' as <role>' after it (agents/patterns.py
`lists_before`: linear, where `ROLE_RE` tried every word of a list and letter of a word)."""
ROLE_FIELDS = {
    "numeric": "numeric_columns",
    "numerical": "numeric_columns",
    "categorical": "categorical_columns",
    "text": "text_columns",
}


def column_roles(text: str, columns: list[str]) -> dict[str, Any]:
    """Columns a person assigns to roles: 'use a, b and c as numeric features', 'text column: t',
    'keep customer_id as the id'. Only real columns of the table count.
    """
    known = {c.lower(): c for c in columns}
    out: dict[str, Any] = {}
    for listed, match in rx.lists_before(ROLE_AFTER, ROLE_BACK, text):
        words = rx.split(r"\s*,\s*|\s+(?:and|&|plus)\s+", listed)
        names = [known[w.lower()] for w in words if w.lower() in known]
        if not names or len(names) < len(words) - 1:
            continue
        role = match.group(1).lower()
        if role == "id":
            out["id_column"] = names[-1]
        else:
            out.setdefault(ROLE_FIELDS[role], []).extend(names)
    gold = rx.search(
        r"(?<![\w-])-*\b(?:the\s+)?([\w-]+)\s+column\s+as\s+(?:the\s+)?(?:gold|hand[- ]?labels?|labels?|ground "
        r"truth|truth)|\bagainst\s+(?:the\s+)?([\w-]+)(?:\s+column)?\b",
        text,
        re.I,
    )
    if gold and known.get((gold.group(1) or gold.group(2)).lower()):
        out["label_column"] = known[(gold.group(1) or gold.group(2)).lower()]
    for match in rx.finditer(
        r"\b(text|id)\s+column\s*(?:is|=|:)?\s*[\"'`]?([\w-]+)|(?<![\w-])-*\b([\w-]+)\s+(?:is|as)\s+the\s+"
        r"(text|id)\b",
        text,
        re.I,
    ):
        role = (match.group(1) or match.group(4)).lower()
        column = known.get((match.group(2) or match.group(3)).lower())
        if column is None:
            continue
        if role == "id":
            out.setdefault("id_column", column)
        else:
            out.setdefault("text_columns", [column])
    return out


GENERIC_LABEL_WORDS = {"label", "labels", "target", "class", "outcome", "status", "flag", "result"}
"""Words of a label column's name that say nothing about which class is meant."""


def _same_stem(word: str, value: str) -> bool:
    common = len(os.path.commonprefix([word, value]))
    return common >= min(len(value), max(4, len(value) - 3))


PROPORTION_RE = re.compile(
    r"\b(?:proportions?|proportionate|ratios?|balanced?|mix(?:ed)?|"
    # 'both classes', 'the class distribution'; not 'from both lines', 'a realistic
    # distribution of temperatures' (the shape of other columns)
    r"both\s+(?:classes|kinds|types|sorts|labels|outcomes)|distribution(?!\s+of\b))\b",
    re.I,
)
"""Words that ask for a generator's classes in their share of the data, not one class."""


def class_value(text: str, column: str, values: list[str]) -> str | None:
    """The value of label `column` that a class word means: 'fraudulent ones' → 'Y' of
    fraud_ind (Y/N), 'failing units' → 'Y' of qc_fail, 'the spam rows' → 'spam'.
    """
    lower = files_out(text).lower()
    if not column.isalpha():  # 'fraud_ind' said as a name is not a class word; 'churned' is
        lower = rx.sub(re.escape(column.lower()), " ", lower)
    words = rx.findall(r"[a-z]+", lower)
    for value in values:
        if len(value) >= 3 and any(_same_stem(w, value.lower()) for w in words):
            return value
    positive = [v for v in values if str(v).lower() in rx.POSITIVE_VALUES]
    negative = [v for v in values if str(v).lower() in rx.NEGATIVE_VALUES]
    if len(values) != 2 or len(positive) != 1 or len(negative) != 1:
        return None
    if PROPORTION_RE.search(lower):
        return None  # 'cancellations included in the right proportions': both classes
    parts = [t for t in rx.split(r"[^a-z]+", column.lower()) if len(t) >= 4]
    for stem in (t for t in parts if t not in GENERIC_LABEL_WORDS):
        said = rx.search(rf"\b(non[- ]?|not\s+|no\s+|un)?{stem[:4]}[a-z]*", lower)
        if said:
            return negative[0] if said.group(1) else positive[0]
    return None


def _class_values(steps: list[Any], step: Any) -> tuple[str, list[str]] | None:
    """(label column, its values) of the table a generate_synthetic step's generator learned."""
    ref = str(step.args.get("model") or "")
    producer = rx.fullmatch(r"\$\{steps\.(\d+)\.model_path\}", ref)
    if producer and int(producer.group(1)) < len(steps):
        args = steps[int(producer.group(1))].args
        column, profile = args.get("label_column"), table_profile(args.get("dataset"))
        if not isinstance(column, str) or profile is None or column not in profile["names"]:
            return None
        top = next(c for c in profile["columns"] if c["name"] == column)["top"]
        return column, [v for v in top if v.lower() not in ("nan", "none", "")]
    if ref and "${" not in ref:
        try:
            from tools.training.tools import model_folder

            config = json.loads((model_folder(ref) / "config.json").read_text())
            return str(config["label_column"]), [str(c) for c in config["classes"]]
        except Exception:  # noqa: BLE001 - no readable generator: no class to map to
            return None
    return None


def _known_words(text: str, columns: list[str]) -> bool:
    return any(c.lower() in text.lower() for c in columns)


def bind_stated(steps: list[Any], goal: str) -> None:
    """Fill unset arguments of each planned step from what its clause (then the goal) states."""
    counts: dict[str, set[str]] = {}
    for step in steps:
        data = step.args.get("dataset") or step.args.get("data_path")
        # a specification's clauses on one table count as one step (merged later)
        counts.setdefault(step.tool, set()).add(data if isinstance(data, str) else str(id(step)))
    for step in steps:
        texts = [step.why or ""]
        if len(counts[step.tool]) == 1 and goal != step.why:
            texts.append(goal)
        for text in texts:
            for name, value in stated(step.tool, text).items():
                if DEFAULTS.get((step.tool, name), object()) == step.args.get(name):
                    step.args[name] = value
                step.args.setdefault(name, value)
        if step.tool == "generate_synthetic" and "label" not in step.args:
            known = _class_values(steps, step)
            value = known and next(
                (v for v in (class_value(t, *known) for t in texts) if v is not None), None
            )
            if value:
                step.args["label"] = value
        fields = field_kinds(step.tool)
        if {"numeric_columns", "id_column"} & fields.keys():
            profile = table_profile(step.args.get("dataset") or step.args.get("data_path"))
            for name in ("text_columns", "numeric_columns", "categorical_columns"):
                value = step.args.get(name)
                if profile is not None and isinstance(value, list):
                    if not all(v in profile["names"] for v in value):
                        step.args.pop(name)  # a word that is not a column ('and')
            if profile is not None and _known_words(goal, profile["names"]):
                roles = column_roles(goal, profile["names"])
                texts = {c["name"].lower(): c["name"] for c in profile["columns"] if c["text_like"]}
                said = rx.search(
                    r"\b(?:from|on|using|use|based on)\s+(?:the\s+|their\s+|its\s+)?([\w-]+)"
                    r"(?:\s+(?:text|column|field|only))",
                    goal,
                    re.I,
                )
                if said and said.group(1).lower() in texts and "text_columns" not in roles:
                    roles["text_columns"] = [texts[said.group(1).lower()]]
                for name, value in roles.items():
                    if name == "text_columns" and "text_column" in fields:
                        step.args.setdefault("text_column", value[0])
                    elif name in fields:
                        step.args.setdefault(name, value)


def files_out(text: str) -> str:
    """The text without file names (their digits and words are not settings)."""
    return rx.sub(
        rx.file_name("csv|tsv|parquet|jsonl|json|md|txt|pdf|html") + r"\b", " FILE ", text
    )
