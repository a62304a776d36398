"""'Save that model as rent_model_v1': the thread's model kept under a new name (save_model)."""

from __future__ import annotations

import re
from typing import Any

from agents import patterns as rx
from agents.plan import Plan, PlanStep

MODEL_WORD = r"(?:model|classifier|regressor|network|net|predictor)"
THE = r"(?:(?:that|this|the|my|our|your|its|it'?s)\s+)"
KIND = r"(?:(?:new|trained|last|latest|current|best|final|same|whole|mlp|logistic|linear)\s+)"
COPY = r"(?:(?:a\s+)?(?:copy|snapshot|version|backup)\s+of\s+)"
NAME = r"['\"`]?(?P<name>[^\s'\"`,;:!?()]{1,200}?)['\"`]?(?=[\s,;:!?()]|[.!?]?\s*$)"
AS = r"(?:as|under|named|called|with\s+the\s+name|under\s+the\s+name|by\s+the\s+name)"
SAVE = r"(?:save|keep|store|stash|register|put\s+away|hold\s+on\s+to)"
CALL = r"(?:call|name|rename|re-name|title)"
SAVE_MODEL_RES = (
    # 'save that model as rent_model_v1', 'keep a copy of this model named X', 'store the
    # churn_a model under churn_best'
    rf"\b{SAVE}\s+{COPY}?{THE}?{KIND}?(?:(?P<src>[\w-]+)\s+)?{MODEL_WORD}\s+{AS}\s+{NAME}",
    # 'call the model churn_v2', 'rename the model to X', 'name that classifier X'
    rf"\b{CALL}\s+{THE}?{KIND}?(?:(?P<src>[\w-]+)\s+)?{MODEL_WORD}\s+(?:as\s+|to\s+|into\s+)?{NAME}",
)
"""A model kept or named under a new name, the model said ('model', 'classifier')."""
PRONOUN_RES = (
    # 'save it as X', 'keep a copy of it named X' (after a training)
    rf"\b{SAVE}\s+(?:(?:it|that|this)\s+|{COPY}(?:it|that|this)\s+|a\s+copy\s+){AS}\s+{NAME}",
    # 'name it X', 'rename it to X'
    rf"\b{CALL}\s+(?:it|that|this|(?:a\s+)?copy)\s+(?:as\s+|to\s+|into\s+)?{NAME}",
)
"""The same said of 'it': the thread's model only right after a model tool ran."""
RENAME_RE = re.compile(r"\bre-?name\b", re.I)
MODEL_TOOLS = frozenset({"train_model", "evaluate_model", "explain_model", "save_model"})
"""Tools after which 'it' (save it as X, name it X) is the thread's model."""
NOT_NAMES = frozenset(
    {"well", "before", "it", "this", "that", "a", "an", "the", "new", "file", "one", "copy"}
    | {"csv", "tsv", "jsonl", "json", "parquet", "excel", "xlsx", "table", "default", "is", "too"}
    | {"model", "classifier", "regressor", "such", "again", "same", "usual", "follows"}
    | {"something", "what", "whatever", "per", "for", "in", "to", "and", "so", "then"}
    | {"done", "quits", "good", "finished", "final", "ready", "anything", "you"}
    | {"on", "at", "by", "with", "from", "after", "against", "like", "using", "via", "into"}
)
"""Words after 'as' / 'name' that name no model ('save the model as well', 'as csv')."""
SAVED_ALREADY_RE = re.compile(
    rf"^\W*(?:(?:please|pls|ok(?:ay)?|now|and|then|also)\W+)*(?:can\s+you\s+)?{SAVE}\s+{THE}"
    rf"{KIND}?{MODEL_WORD}\W*$",
    re.I,
)
"""'save the model' with no name: it was saved when trained; the answer says where."""
FILLER_RE = re.compile(
    r"^(?:\W|\b(?:please|pls|ok(?:ay)?|now|and|then|also|great|thanks?|thank\s+you|cool|nice|"
    r"perfect|good|can\s+you|could\s+you|would\s+you|kindly|let'?s|i\s+want\s+to|i'?d\s+like\s+to|"
    r"go\s+ahead\s+and|just|yes|yeah|alright|hey|hi|so|for\s+later|for\s+now)\b)*$",
    re.I,
)
"""What else a sentence that only names the model may hold ('ok great, now ... please')."""
REASON_RE = (
    r"(?:,\s*|\s+)(?:so(?:\s+that)?|because|since|as)\s+(?:i|we|you|it|they)\b[^.;!?]*[.!?]?\s*$"
)
"""A trailing reason ('so I can find it later'): not another request."""


def _thread_model(memory: dict[str, Any]) -> str | None:
    """The thread's last model (a path with no reference to a step still to run), or None."""
    model = memory.get("model")
    if not isinstance(model, str) or not model or "${" in model:
        models = [m for m in memory.get("models") or [] if isinstance(m, dict)]
        model = str(models[-1].get("path") or "") if models else ""
    return model or None


def _named_source(word: str | None, memory: dict[str, Any]) -> str | None:
    """The model a word before 'model' names ('the churn_a model'): one of the thread's models
    by its folder's name, else a saved folder models/<word>; None for a plain word ('new').
    """
    if not word:
        return None
    from agents.arguments import _saved_model

    low = word.lower()
    for entry in reversed([m for m in memory.get("models") or [] if isinstance(m, dict)]):
        path = str(entry.get("path") or "")
        if path.rsplit("/", 1)[-1].lower() == low:
            return path
    return f"models/{word}" if _saved_model(word) else None


def _saved_models(limit: int = 5) -> list[str]:
    """A few model folders under models/ (newest first), to offer when no model is known."""
    from store.workspace import workspace_root

    root = workspace_root() / "models"
    try:
        found = [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")]
    except OSError:
        return []
    found.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    return [f"models/{p.name}" for p in found[:limit]]


def _first(patterns: tuple[str, ...], text: str) -> re.Match[str] | None:
    """The first of `patterns` found in `text` (case-insensitive)."""
    for pattern in patterns:
        found = rx.search(pattern, text, re.I)
        if found is not None:
            return found
    return None


def said_model_copy(goal: str, memory: dict[str, Any]) -> tuple[str, str | None] | None:
    """The new name a sentence gives a model and the model it names (None: the thread's), or
    None when it gives no model a name ('save the predictions as csv', 'save it as x.csv').
    """
    text = goal[: rx.MAX_TEXT]
    match = _first(SAVE_MODEL_RES, text)
    source = None
    if match is not None:
        source = _named_source(match.group("src"), memory)
    else:
        last = memory.get("last_call") if isinstance(memory.get("last_call"), dict) else {}
        if last.get("tool") not in MODEL_TOOLS:
            return None
        match = _first(PRONOUN_RES, text)
        if match is None:
            return None
    rest = rx.sub(REASON_RE, " ", text[: match.start()] + " " + text[match.end() :], flags=re.I)
    if not FILLER_RE.match(rest.strip()):
        return None  # naming is not the whole request ('a logistic baseline, call it k-lr')
    name = match.group("name").rstrip(".")
    if name.lower() in NOT_NAMES or "." in name or "/" in name.removeprefix("models/"):
        return None  # a file ('as rent.csv'), a format, or no name at all
    if not rx.search(r"[A-Za-z]", name):
        return None  # 'keep the model under 50': a size, not a name
    return name.removeprefix("models/"), source


def model_copy_plan(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'save that model as rent_model_v1', 'call the model churn_v2', 'rename the model to X':
    save_model of the thread's model (or the one named) under that name. A rename is a copy:
    the old folder is kept, so earlier runs and threads that name it still work.
    """
    if files:
        return None  # a file named: a table saved or read, not a model named
    said = said_model_copy(goal, memory)
    if said is None:
        if rx.search(SAVED_ALREADY_RE, goal[: rx.MAX_TEXT]) and _thread_model(memory):
            model = _thread_model(memory)
            return Plan(
                answer=f"The model is already saved, at {model}. To keep a copy under a name of "
                "your own, say e.g. 'save that model as churn_v2'."
            )
        return None
    name, source = said
    model = source or _thread_model(memory)
    if model is None:
        saved = _saved_models()
        offer = f" Saved models: {', '.join(saved)}." if saved else ""
        return Plan(
            question=f"Which model should I save as {name}? Train one first, or name its folder "
            f"(models/...).{offer}"
        )
    notes = [f"saving a copy of {model} as models/{name}"]
    if RENAME_RE.search(goal):
        notes.append(
            f"a rename keeps {model} too (a copy, not a move), so earlier runs and threads that "
            "name it still work"
        )
    step = PlanStep(tool="save_model", args={"model": model, "name": name}, why=goal)
    return Plan(steps=[step], notes=notes)
