"""A last check on every plan: said values no argument took, bound to the one argument they fit."""

from __future__ import annotations

import re
from typing import Any

from agents import patterns as rx
from agents.hand_labels import table_profile
from agents.options import field_kinds, files_out, negated_before

TOKEN_RE = re.compile(r"[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*|[^\sA-Za-z0-9_]")
"""Words (a column name may hold '_' and inner '-') and single marks; linear."""
MAX_TOKENS = 600
"""The most tokens read (the goal is already cut to `patterns.MAX_TEXT` characters)."""
GLUE = {",", "and", "&", "plus", "/"}
"""What joins the items of a list of columns ('a, b and c')."""
FILLERS = {
    ":",
    "=",
    "is",
    "are",
    "col",
    "cols",
    "column",
    "columns",
    "feature",
    "features",
    "field",
    "fields",
    "the",
    "input",
    "inputs",
    "var",
    "vars",
    "variable",
    "variables",
}
"""Words that may stand between a role word and the column it names ('id col x', 'numeric: a')."""
NEGATIONS = {
    "no",
    "not",
    "never",
    "without",
    "except",
    "excluding",
    "exclude",
    "drop",
    "ignore",
    "ignoring",
    "avoid",
    "but",
}
"""Words before a column that keep it out of any role ('without x', 'drop y')."""
OTHER_TABLE = {"gold", "test", "hand", "validation", "reference"}
"""Words before a role word that make it another table's column (gold_label_column, ...)."""
STOPS = {".", ";", "!", "?", "\n", "(", ")", "[", "]"}
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "key"),
    "label": ("label", "target", "outcome"),
    "text": ("text",),
    "numeric": ("numeric", "numerical", "numbers"),
    "categorical": ("categorical", "category", "categories"),
}
"""The role a column argument's name says (`<role>_column(s)`), and the words that say it."""
CONDITIONED = ("condition", "conditioned", "conditioning", "cond")
"""Words that name a generator's class column, where the schema says the column conditions one
(its description mentions conditioning or a generator)."""
MAX_GAP = 3
"""The most filler words between a role word and the first column of its list."""
LIST_NAME_FIELDS = ("classes",)
"""List-of-string arguments a person names and then lists ('classes ok/warn/mute')."""


def bind_said(steps: list[Any], goal: str) -> list[str]:
    """Bind each said, untaken value to the one unbound argument of a planned step it fits
    unambiguously; never touches a bound argument. Returns notes saying what was bound.
    """
    text = files_out(goal[: rx.MAX_TEXT])
    tokens = [m.group(0) for m in TOKEN_RE.finditer(text)][:MAX_TOKENS]
    lower = [t.lower() for t in tokens]
    notes: list[str] = []
    for step in steps:
        fields = field_kinds(step.tool)
        taken = _taken(steps)
        for name, value in _said_columns(step, fields, lower, taken).items():
            step.args[name] = value
            notes.append(f"{step.tool}.{name} = {value!r}: said in the request")
        for name, value in _said_lists(step, fields, text).items():
            step.args[name] = value
            notes.append(f"{step.tool}.{name} = {value!r}: said in the request")
    for step in steps:
        for name, value in _said_count(step, steps, text).items():
            step.args[name] = value
            notes.append(f"{step.tool}.{name} = {value!r}: the one count said in its request")
    for bind in (_said_name, _said_lf, _said_target):
        notes.extend(bind(steps, text))
    return notes


def _taken(steps: list[Any]) -> set[str]:
    """Every string value any step's arguments hold (lists flattened), lower-cased."""
    out: set[str] = set()
    for step in steps:
        for value in step.args.values():
            for one in value if isinstance(value, list) else [value]:
                if isinstance(one, str):
                    out.add(one.lower())
    return out


def _role_fields(tool: str, fields: dict[str, Any]) -> dict[str, str]:
    """Role → the tool's column argument with that role (`id_column`, `numeric_columns`, ...);
    arguments of another table (gold_*, test_*) have two role words and are left out.
    """
    out: dict[str, str] = {}
    for name in fields:
        match = rx.fullmatch(r"([a-z]+)_columns?", name)
        if match and match.group(1) in ROLE_WORDS:
            out[match.group(1)] = name
    return out


def _conditions(tool: str) -> bool:
    """Whether the tool's label column is what a generator is conditioned on (by its schema)."""
    from tools.registry import get_tool

    try:
        info = get_tool(tool).input_model.model_fields.get("label_column")
    except Exception:  # noqa: BLE001 - an unknown tool has no schema to read
        return False
    words = (info.description or "").lower() if info is not None else ""
    return "condition" in words or "generator" in words


def _role_of(word: str, conditions: bool) -> str | None:
    for role, words in ROLE_WORDS.items():
        if word in words:
            return role
    if conditions and word in CONDITIONED:
        return "label"
    return None


def _said_columns(
    step: Any, fields: dict[str, Any], lower: list[str], taken: set[str]
) -> dict[str, Any]:
    """Unbound column arguments of the step bound to columns of its table that the goal says with
    the argument's role beside them ('numeric: a, b and c', 'id col x', 'c (categorical)', 'the
    label y') and that no argument took. A role whose columns do not fit it (a numeric role on a
    text column, an id that repeats) binds nothing.
    """
    roles = _role_fields(step.tool, fields)
    if not roles:
        return {}
    profile = table_profile(step.args.get("dataset") or step.args.get("data_path"))
    if profile is None:
        return {}
    columns = {c["name"].lower(): c for c in profile["columns"]}
    conditions = _conditions(step.tool)
    found: dict[str, list[str]] = {}
    for at, word in enumerate(lower):
        column = columns.get(word)
        if column is None or word in taken or _negated(lower, at):
            continue
        if word in FILLERS or _role_of(word, conditions) is not None:
            continue  # a column called 'label' or 'text': the word is no evidence of itself
        before, head = _role_before(lower, at, columns, conditions)
        after = _role_after(lower, at, columns, conditions)
        if before and after and before != after:
            continue  # two roles claim the list ('categorical: a and b, c as numbers'): ambiguous
        if head is not None and _negated(lower, head):
            continue  # 'don't use numeric: x', 'without the numeric columns a and b'
        role = before or after
        if role is None or role not in roles:
            continue
        names = found.setdefault(role, [])
        if column["name"] not in names:
            names.append(column["name"])
    out: dict[str, Any] = {}
    for role, names in found.items():
        field = roles[role]
        if field in step.args or any(n.lower() in taken for n in names):
            continue
        if not all(_fits(role, columns[n.lower()], profile) for n in names):
            continue
        if field.endswith("_columns"):
            out[field] = names
        elif len(names) == 1:
            out[field] = names[0]
    return out


def _negated(lower: list[str], at: int) -> bool:
    """Whether a negation stands in the four tokens before `at` ('without x', "don't use x")."""
    window = lower[max(0, at - 4) : at]
    if set(window) & NEGATIONS:
        return True
    return any(a == "'" and b == "t" for a, b in zip(window, window[1:], strict=False))


def _role_before(
    lower: list[str], at: int, columns: dict[str, Any], conditions: bool
) -> tuple[str | None, int | None]:
    """The role word that opens the list the column at `at` is in ('numeric: a, b and c'), and
    where it stands; (None, None) for none.
    """
    index, gap = at - 1, 0
    while index >= 0 and at - index <= 40:
        word = lower[index]
        if conditions and word == "." and index and lower[index - 1] in CONDITIONED:
            index -= 1  # 'cond. on x'
            continue
        if word in STOPS:
            return None, None
        if word in columns or word in GLUE:
            if gap:
                return None, None  # 'numeric: a' then 'the b': fillers only next to the role word
            index -= 1
            continue
        role = _role_of(word, conditions)
        if role is not None:
            # 'gold label column: x', "the test set's label y" name another table's column
            if set(lower[max(0, index - 4) : index]) & OTHER_TABLE:
                return None, None
            return role, index
        if word in FILLERS or (conditions and word == "on"):
            gap += 1
            if gap > MAX_GAP:
                return None, None
            index -= 1
            continue
        return None, None
    return None, None


def _role_after(lower: list[str], at: int, columns: dict[str, Any], conditions: bool) -> str | None:
    """The role that closes the column's list, in brackets or after 'as' ('a, b (numeric)',
    'c as categories').
    """
    index = at + 1
    while index < len(lower) and index - at <= 40:
        word = lower[index]
        if word in columns or word in GLUE:
            index += 1
            continue
        if word == "as":  # 'a, b and c as numbers', 'x as the key'
            index += 2 if index + 1 < len(lower) and lower[index + 1] == "the" else 1
            return _role_of(lower[index], conditions) if index < len(lower) else None
        if word == "(" and index + 2 < len(lower) and lower[index + 2] == ")":
            return _role_of(lower[index + 1], conditions)
        if word == "(" and index + 3 < len(lower) and lower[index + 3] == ")":
            if lower[index + 2] in FILLERS:  # '(numeric features)'
                return _role_of(lower[index + 1], conditions)
        return None
    return None


def _fits(role: str, column: dict[str, Any], profile: dict[str, Any]) -> bool:
    """Whether the profiled column can play the role (by its values, not its name)."""
    numeric = bool(rx.match(r"(?:int|uint|float)", column["dtype"]))
    if role == "numeric":
        return numeric
    if role == "id":
        present = round(profile["sampled"] * (1 - column["missing_share"]))
        whole = not rx.match(r"float", column["dtype"])  # measured values all differ too
        return bool(column["id_like"]) or (whole and present > 1 and column["distinct"] >= present)
    if role == "label":
        return not column["id_like"] and not column["text_like"]
    if role == "text":
        return not numeric
    return True


NOT_ITEMS = {"and", "or", "etc", "others", "other", "more", "so", "on", "the", "a", "an"}
"""Words that end or pad a list rather than name a class ('a, b, etc.', 'a and others')."""

LIST_RE = r"[\w-]{1,40}(?:\s*/\s*[\w-]{1,40}){1,29}"
"""'a/b/c': one run of slash-joined words (linear: each repeat starts at a '/')."""


def _said_lists(step: Any, fields: dict[str, Any], text: str) -> dict[str, Any]:
    """Unbound list arguments the person names and then lists: 'classes ok/warn/mute', 'with
    the classes billing, leak, supply and quality'. Two items at least; the list ends where a
    word follows an item without a comma or 'and' ('classes a, b, out x' is a and b).
    """
    out: dict[str, Any] = {}
    for name in LIST_NAME_FIELDS:
        if name not in fields or step.args.get(name):
            continue
        singular = name[:-2] if name.endswith("ses") else name.rstrip("s")
        # the plural leads a list on its own ('classes a/b'); the singular only with a mark
        # ('class: a, b'): 'per class precision/recall', 'by class and/or x' list no classes
        for lead in rx.finditer(
            rf"\b(?:{name}\b\s{{0,3}}(?:[:=]|\bare\b|\bis\b)?|"
            rf"{singular}\s{{0,3}}(?:[:=]|\bare\b))\s{{0,3}}",
            text,
            re.I,
        ):
            if negated_before(text, lead.start()):
                continue
            items = _list_items(text[lead.end() : lead.end() + 400])
            if any(i.lower() in NOT_ITEMS or i.isdigit() for i in items):
                continue  # 'and/or', '80/20', 'a, b, etc.': not a list of classes
            if len(items) >= 2:
                out[name] = items
                break
    return out


def _list_items(rest: str) -> list[str]:
    slashed = rx.match(LIST_RE, rest)
    if slashed:
        return [w.strip() for w in slashed.group(0).split("/")]
    words = [m.group(0) for m in TOKEN_RE.finditer(rest[:400])]
    items: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if not rx.fullmatch(r"[\w-]+", word) or word.lower() in ("and", "or", "the", "file"):
            break
        after = words[index + 1].lower() if index + 1 < len(words) else ""
        if after == ",":
            items.append(word)
            index += 2
            if index < len(words) and words[index].lower() in ("and", "or"):
                index += 1
                if index < len(words):
                    items.append(words[index])
                break
            continue
        if after in ("and", "&", "or"):
            items.append(word)
            if index + 2 < len(words) and rx.fullmatch(r"[\w-]+", words[index + 2]):
                items.append(words[index + 2])
            break
        if after in ("", ".", ";", ")", "!", "?"):
            items.append(word)
        break
    return items


COUNT_FIELDS = ("top_k", "limit")
"""Integer arguments that say how many rows, results or models a step shows."""
COUNT_TOOLS = ("detect_anomalies", "workbench_rows", "preview_rows", "model_leaderboard")
"""Tools whose count is what they show (a search's number more often describes the data)."""
NUMBER_RE = r"(?<![\w.,/$£€#-])(\d{1,4})(?![\w,/%:-]|\.[\w,/%:-])"
"""A bare whole number: not part of a name, a path, a decimal, a ratio, a time or a percentage
(a full stop after it ends a sentence: 'show 10.')."""
NOT_A_COUNT_RE = (
    r"\A\s{0,3}(?:epochs?|percent|pct|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|years?|mb|gb|kb|folds?|trees?|layers?|neighbou?rs?|estimators?|dims?|dimensions?|"
    r"characters?|chars?|tokens?|words?|sentences?|times|x|st|nd|rd|th|am|pm)\b"
)
"""Words after a number that make it a setting or a measure, not how many to show."""

COUNTED_RE = (
    r"\A(?:\s{1,3}[\w-]{1,30}){0,2}?\s{1,3}(?!(?:is|was|has|this|its|as|us|plus)\b)[a-z-]{2,30}s\b"
)
"""A plural noun within three words after the number: it counts things ('15 worst rows')."""
COUNT_LEAD_RE = (
    r"(?:\A|\b(?:the|me|us|show|list|give|find|flag|pull|get|return|display|see|print|only|"
    r"just|about|most|least|some|want|need|those|these|which|what|up))\s{0,3}\Z"
)
"""What stands before a count of things: the clause's start, a determiner or a verb of showing
('give me 7 models', 'the 15 worst rows'); a name before it makes it an id ('sensor 7')."""
TOP_BEFORE_RE = r"\b(?:top|first|last)\s{1,3}\Z"
"""'top 10', 'first 5': a count with no noun after it."""


SHOWN_BEFORE_RE = (
    r"(?:\b(?:show|give|list|return|display|print)\s{1,3}(?:(?:me|us)\s{1,3})?|\bme\s{1,3}see\s{1,3}|"
    r"(?:\A|[,;:.!?]|\bme|\bus)\s{0,3}(?:only|just)\s{1,3})\Z"
)
"""A verb of showing (with its person) right before a count that ends its clause ('give me 10',
'let me see 11', 'give me only 9', ', only 7'); 'cost us 500', 'we see 12', 'I expect just 3'
are no count."""
CLAUSE_END_RE = r"\A\s{0,3}(?:[.!?;)]|\Z)"
"""Nothing but the clause's end after the number ('..., show 10')."""


def _said_count(step: Any, steps: list[Any], goal: str = "") -> dict[str, int]:
    """The step's unbound count argument (`top_k`, `limit`) bound to the one whole number its own
    request says that no argument took and no unit word follows ('list the 15 worst rows',
    'give me 7 models', '..., show 10'), from 1 to the schema's bound; nothing when its request
    says two. The one showing step of a plan reads the whole goal when its clause says none (a
    count said in a sentence of its own: '... which ones are odd? give me 10').
    """
    from agents.arguments import tool_limit

    if step.tool not in COUNT_TOOLS or not isinstance(step.why, str):
        return {}
    bounded = {f: tool_limit(step.tool, f) for f in COUNT_FIELDS if f not in step.args}
    fields = [(f, high) for f, high in bounded.items() if high is not None]
    if len(fields) != 1:
        return {}
    texts = [step.why[: rx.MAX_TEXT]]
    if goal and sum(s.tool in COUNT_TOOLS for s in steps) == 1:
        texts.append(goal[: rx.MAX_TEXT])
    taken = {
        float(v)
        for s in steps
        for v in s.args.values()
        if isinstance(v, (int, float)) and not isinstance(v, bool)
    }
    (field, high) = fields[0]
    for clause in texts:
        value = _one_count(clause)
        if value is None:
            continue
        if value in taken or not 1 <= value <= high or 1900 <= value <= 2100:
            return {}
        return {field: value}
    return {}


def _one_count(clause: str) -> int | None:
    """The one whole number of the clause said as a count of things shown, or None."""
    numbers = [
        m
        for m in rx.finditer(NUMBER_RE, clause)
        if not rx.match(NOT_A_COUNT_RE, clause[m.end() : m.end() + 40], re.I)
        and not negated_before(clause, m.start())
    ]
    if len(numbers) != 1:
        return None
    at = numbers[0]
    before = clause[max(0, at.start() - 12) : at.start()]
    after = clause[at.end() : at.end() + 120]
    counted = rx.match(COUNTED_RE, after, re.I) and rx.search(COUNT_LEAD_RE, before, re.I)
    shown = rx.search(SHOWN_BEFORE_RE, before, re.I) and rx.match(CLAUSE_END_RE, after)
    if not (counted or shown or rx.search(TOP_BEFORE_RE, before)):
        return None  # '48 grand', 'sensor 7 acts up', 'threshold 4': a number, no count of things
    return int(at.group(1))


NAME_TOOLS = ("train_model", "train_generator")
"""Steps whose `name` is a model's (or generator's) folder name, said of 'the model'."""
NAME_WORD = (
    r"[\"'`]?([A-Za-z][\w-]{0,99}+)(?!\.\w)[\"'`]?"
    r"(?=\s*+(?:[,;:.!?)]|$|(?:and|then|so|please|too|also)\b))"
)
"""A name: one identifier, not a file name ('x.csv' is an output's)."""
NAME_SAID_RES = (
    # 'model name: x', "the classifier's name is x", 'output name for the model: x'
    r"\b(?:model|classifier|generator)(?:'s)?\s{1,3}name\s{0,3}(?:[:=]|\bis\b|\bwill be\b|"
    r"\bshould be\b)?\s{0,3}" + NAME_WORD,
    r"\bname\s{1,3}(?:for|of)\s{1,3}(?:the\s{1,3}|this\s{1,3}|my\s{1,3})?(?:new\s{1,3}|trained\s{1,3})?"
    r"(?:model|classifier|generator)\s{0,3}(?:[:=]|\bis\b|\bwill be\b|\bshould be\b)\s{0,3}"
    + NAME_WORD,
)
SAVE_AS_RE = r"\b(?:save|store|keep|register)\s{1,3}(?:it\s{1,3})?as\s{1,3}" + NAME_WORD
"""'save as x': a model's name only when the plan writes no table it could name."""
NOT_NAMES = {
    "it", "the", "a", "an", "is", "be", "csv", "parquet", "json", "jsonl", "tsv", "txt", "file",
    "table", "model", "classifier", "whatever", "anything", "something", "default", "well",
    "before", "usual", "above", "below", "follows", "such", "new", "same", "one", "up", "you",
    "yours", "any", "tbd", "later", "pickle", "pkl", "joblib", "onnx", "pt", "h5", "safetensors",
}  # fmt: skip
"""Words after a naming phrase that are no name ('save it as csv', 'name of the model is the same')."""
OUTPUT_FIELDS = ("output", "output_path", "output_dir", "path")


def _said_name(steps: list[Any], text: str) -> list[str]:
    """The one training step's unbound `name` bound to the one name the goal says of the model
    ('Output name for the model: x', 'model name = x', '..., save as x_v2'); nothing when two
    steps could take it or the goal says two names.
    """
    open_steps = [s for s in steps if s.tool in NAME_TOOLS and not s.args.get("name")]
    if not open_steps:
        return []
    patterns = list(NAME_SAID_RES)
    writes_open = any(
        f in field_kinds(s.tool) and not s.args.get(f)
        for s in steps
        if s.tool not in NAME_TOOLS
        for f in OUTPUT_FIELDS
    )
    if not writes_open:
        patterns.append(SAVE_AS_RE)
    taken = _taken(steps)
    names: list[str] = []
    for pattern in patterns:
        for m in rx.finditer(pattern, text, re.I):
            name = m.group(1)
            if (
                name.lower() in NOT_NAMES
                or name.lower() in taken
                or negated_before(text, m.start())
            ):
                continue
            if name not in names:
                names.append(name)
    if len(names) != 1:
        return []
    if len(open_steps) > 1:
        return [_unplaced(names[0], [f"{s.tool}.name" for s in open_steps])]
    open_steps[0].args["name"] = names[0]
    return [f"{open_steps[0].tool}.name = {names[0]!r}: said in the request"]


LF_SAID_RES = (
    r"\b(?:the|that|this)\s{1,3}([A-Za-z][\w-]{1,40})\s{1,3}(?:lf|labell?ing\s{1,3}function|rule)\b(?!-)",
    r"\b([A-Za-z][\w-]{1,40})\s{1,3}lf\b(?!-)",
    r"\b(?:lf|labell?ing\s{1,3}function|rule)\s{1,3}(?:called|named)\s{1,3}[\"'`]?([A-Za-z][\w-]{1,40})",
)
"""'the praise LF', 'the refund rule', 'the rule called late_fee': one labeling function."""
NOT_LF_WORDS = {
    "the", "a", "an", "each", "every", "any", "all", "this", "that", "which", "one", "my", "our",
    "your", "its", "their", "per", "new", "best", "worst", "keyword", "first", "last", "same",
    "other", "what", "labeling", "labelling", "weak", "bad", "good", "noisy", "top", "single",
    "given", "written", "mined", "voting", "own", "whole", "second", "third", "next", "previous",
    "no", "latest", "current", "old", "broken", "wrong", "worse", "better", "strongest",
    "weakest",
}  # fmt: skip


def _said_lf(steps: list[Any], text: str) -> list[str]:
    """A step's unbound `lf` (the rows one labeling function votes on) bound to the one function
    the goal points at: by the run's own names or keywords where the run is readable
    (`runs._lfs_said`), else the word said before 'LF'/'rule' ('the praise LF').
    """
    open_steps = [s for s in steps if "lf" in field_kinds(s.tool) and not s.args.get("lf")]
    if len(open_steps) != 1:
        return []
    step = open_steps[0]
    words: list[str] = []
    for pattern in LF_SAID_RES:
        for m in rx.finditer(pattern, text, re.I):
            word = m.group(1)
            if word.lower() in NOT_LF_WORDS or negated_before(text, m.start()):
                continue
            if word.lower() not in [w.lower() for w in words]:
                words.append(word)
    if len(words) != 1:
        return []
    value = _run_lf(step.args.get("labeling_dir"), text) or words[0]
    step.args["lf"] = value
    return [f"{step.tool}.lf = {value!r}: said in the request"]


def _run_lf(folder: Any, text: str) -> str | None:
    """The one labeling function of the run in `folder` the text names (by name or keyword)."""
    from agents.runs import _lfs_said, labeling_runs

    if not isinstance(folder, str):
        return None
    try:
        runs = [r for r in labeling_runs() if r.dir == folder]
    except Exception:  # noqa: BLE001 - an unreadable workspace names no function
        return None
    names = _lfs_said(text, runs[0]) if runs else []
    return names[0] if len(names) == 1 else None


TARGET_SAID_RE = (
    r"\b(?:aim(?:ing)?\s{1,3}(?:for|at)|target(?:ing)?(?:\s{1,3}of)?|reach(?:ing)?|hit(?:ting)?|"
    r"get\s{1,3}(?:it\s{1,3})?(?:to|up\s{1,3}to)|go\s{1,3}for|shoot\s{1,3}for)\s{1,3}"
    r"(?:an?\s{1,3}|the\s{1,3})?(?:about\s{1,3}|around\s{1,3})?"
    r"(\d{1,3}(?:\.\d{1,4})?\s?%|0?\.\d{1,4}|1\.0)(?![\w.%/-])"
    r"(?=\s{0,3}(?:[,;.)!?]|$|\b(?:and|then|this|next|now|please|for|on|with|or)\b))"
)
METRIC_NEAR_RE = (
    r"\b(?:precision|recall|f1|auc|roc|accuracy|acc|coverage|loss|rmse|mae|r2|score|quality|"
    r"confidence|threshold|share|split)\b"
)
"""A metric or a setting said beside the number: the target is another's (or a threshold)."""
"""'aim for 90%', 'target 0.85', 'get it to .8': a target with no metric named beside it."""


def _said_target(steps: list[Any], text: str) -> list[str]:
    """The one step with a target (`target_value`) left unbound takes the one target the goal
    says without a metric ('make it better, aim for 90%'); a threshold or a share said otherwise
    ('threshold 0.8', 'hold back 30%') is no target.
    """
    open_steps = [
        s for s in steps if field_kinds(s.tool).get("target_value", ("",))[0] == "float"
        and s.args.get("target_value") is None
    ]  # fmt: skip
    if not open_steps:
        return []
    value = said_target(text)
    taken = {
        float(v)
        for s in steps
        for v in s.args.values()
        if isinstance(v, (int, float)) and not isinstance(v, bool)
    }
    if value is None or value in taken:
        return []
    if len(open_steps) > 1:
        return [_unplaced(str(value), [f"{s.tool}.target_value" for s in open_steps])]
    open_steps[0].args["target_value"] = value
    return [f"{open_steps[0].tool}.target_value = {value!r}: the target said in the request"]


REACHED_BEFORE_RE = r"(?:\b(?:we|they|i)|(?<!make )(?<!let )(?<!have )(?<!get )\bit)\s{1,3}\Z"
"""A subject right before 'hit' ('we hit 0.72'): a score told, in the past ('make it hit'
asks for one)."""


def said_target(text: str) -> float | None:
    """The one target the text says with no metric beside it ('aim for 90%' → 0.9), or None."""
    values: list[float] = []
    text = text[: rx.MAX_TEXT]
    for m in rx.finditer(TARGET_SAID_RE, text, re.I):
        near = text[max(0, m.start() - 30) : m.end() + 30]
        if rx.search(METRIC_NEAR_RE, near, re.I):
            continue
        if negated_before(text, m.start()) or rx.search(
            r"(?:\bnot|\bnever|n't|\bno)\s{0,3}\Z", text[max(0, m.start() - 12) : m.start()], re.I
        ):
            continue
        if rx.search(
            REACHED_BEFORE_RE, text[max(0, m.start() - 12) : m.start()], re.I
        ) and rx.match(r"hit\b", text[m.start() :], re.I):
            continue  # 'last run we hit 0.72': a score reached, not one to aim for
        raw = m.group(1).replace(" ", "")
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
        if 0 < value <= 1 and value not in values:
            values.append(value)
    return values[0] if len(values) == 1 else None


STEP_LFS_RE = r"\$\{steps\.(\d{1,4})\.labeling_functions\}"


def bind_written_lfs(steps: list[Any], goal: str) -> list[str]:
    """A step applying the functions an earlier step writes reads the file they are written to
    ('write LFs ..., then apply them ... Save the functions to x.json'), as when the file is said
    in the writing clause itself: `lfs_path` for the reference. Run after the outputs are bound
    (`grounding.bind_unwritten_outputs`).
    """
    from store.workspace import confined

    text = goal[: rx.MAX_TEXT]
    notes: list[str] = []
    for step in steps:
        ref = step.args.get("labeling_functions")
        fields = field_kinds(step.tool)
        if not isinstance(ref, str) or "lfs_path" not in fields or step.args.get("lfs_path"):
            continue
        m = rx.fullmatch(STEP_LFS_RE, ref)
        index = int(m.group(1)) if m else -1
        if not 0 <= index < len(steps):
            continue
        written = steps[index].args.get("output_path")
        if not isinstance(written, str) or not written or written.lower() not in text.lower():
            continue
        if confined(written):  # the workspace resolver: no '..', absolute, '~user', NUL, link out
            step.args.pop("labeling_functions")
            step.args["lfs_path"] = written
            notes.append(
                f"{step.tool}.lfs_path = {written!r}: the file the functions are written to"
            )
    return notes


UNPLACED_NOTE = "left unbound: "
"""How a plan's notes begin for a said value two or more unbound arguments could take."""


def _unplaced(value: str, candidates: list[str]) -> str:
    """The plan's note for a said value that two or more unbound arguments could take."""
    return f"{UNPLACED_NOTE}{value!r} was said, and {', '.join(candidates)} could each take it"
