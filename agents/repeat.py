"""'Same for the other file': the thread's last acting turn again, on another input file."""

from __future__ import annotations

import re
from typing import Any

from agents import patterns as rx
from agents.plan import Plan, PlanStep, call_again
from agents.references import DOC_EXT
from agents.slots import FILE_RE

SAME_RE = (
    r"\b(?:do|run|try|apply)?\s*(?:the\s+)?same(?:\s+(?:sort|kind|type)\s+of)?"
    r"(?:\s+(?:thing|again|steps?|settings|here|job))?"
    r"\s+(?:for|on|with|to)\b"
    r"|\b(?:for|on|with)\s+\S+\s+(?:too\s+)?the same\b"
    r"|\b(?:repeat|redo|rerun|re-run)\s+(?:that|it|this|those)(?:\s+steps?)?\s+(?:for|on|with)\b"
    r"|\b(?:ditto|likewise)\s+(?:for|on|with)\b"
)
ALSO_RE = (
    r"^\W*(?:(?:and|now|also|plus|then|ok|okay|right|great|thanks)\W+)*(?:(?:do|for|on|with)\s+)?"
    r"(?:the|that|this|my|our|their)\s+(?:[\w'’-]+\s+){0,5}?(?:too|as well|also)\W*$"
)
"""The last acting turn asked for again with only its new input said: 'and the care handbook
too', 'now the March readings as well' (the whole request is the thing and 'too')."""
# Input keys a step reads its data from, and output keys that named the old file's outputs.
INPUT_KEYS = ("dataset", "data_path", "paths")
OUTPUT_KEYS = {
    "detect_anomalies": "output",
    "save_table": "path",
    "vote_labels": "output_path",
    "predict": "output",
    "generate_synthetic": "output",
}
GOLD_KEYS = ("gold_path", "gold")
DROPPED = ("output", "output_path", "path", "output_dir", "name", "dataset_name")
COLUMN_KEYS = ("label_column", "id_column", "text_column", "gold_id_column", "gold_label_column")
FORMAT_RE = r"(?<![.\w])(?:as|in|to)\s+(?:a\s+)?(csv|jsonl|parquet|json)\b"
ID_RE = r"\bid(?:\s+column)?\s+(?:is\s+|=\s*|:\s*)?([A-Za-z_][\w-]*)"


def _is_document(ref: str) -> bool:
    return ref.lower().endswith(DOC_EXT)


def _last_turn(memory: dict[str, Any]) -> list[dict[str, Any]]:
    """The steps of the thread's last acting turn (planned arguments), else its last call."""
    turn = memory.get("last_turn")
    if isinstance(turn, list) and turn and all(isinstance(s, dict) for s in turn):
        return turn
    last = memory.get("last_call")
    return [last] if isinstance(last, dict) and last.get("tool") else []


def _acting_turns(memory: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The thread's last few acting turns, oldest first (the last one at the end)."""
    turns = [
        t
        for t in memory.get("turns") or []
        if isinstance(t, list) and t and all(isinstance(s, dict) for s in t)
    ]
    last = _last_turn(memory)
    if last and (not turns or turns[-1] != last):
        turns.append(last)
    return turns


def _old_input(step: dict[str, Any]) -> str | None:
    args = step.get("args") or {}
    for key in INPUT_KEYS:
        value = args.get(key)
        if isinstance(value, list) and value and isinstance(value[0], str):
            value = value[0]
        if isinstance(value, str) and value and "${" not in value:
            return value
    return None


def _new_files(goal: str) -> tuple[str | None, str | None]:
    """The input file the goal names or describes, and an output file it names (not there)."""
    from agents.planner import _in_workspace
    from agents.references import gold_named

    gold = gold_named(goal)  # 'the hand labels are in x.csv': not the new input
    named = [f for f in dict.fromkeys(FILE_RE.findall(goal)) if f != gold]
    inputs = [f for f in named if _in_workspace(f) or _is_document(f)]
    outputs = [f for f in named if f not in inputs]
    if not inputs:
        from agents.grounding import workspace_files
        from agents.references import described_files

        words = rx.sub(SAME_RE, " ", goal, flags=re.I)
        other = r"\b(?:the\s+)?other\s+(?:one|file|table|dataset|doc\w*)\b"
        found = [
            f
            for f in described_files(rx.sub(other, " ", words, flags=re.I), workspace_files())
            if f != gold
        ]
        inputs = found[:1] if len(found) == 1 else []
    return (inputs[0] if inputs else None), (outputs[0] if outputs else None)


def _columns(ref: str) -> dict[str, Any] | None:
    from tools.profile import profile_table

    return None if _is_document(ref) else profile_table(ref)


MEANT_RE = r"\b(?:i\s+meant?|i\s+mean|i\s+ment|meant|rather|instead|not\s+the|wrong\s+(?:column|label|target))\b"
"""A correction of what was said: 'I meant the fault column, not the material'."""


def label_meant(goal: str, dataset: str) -> str | None:
    """The label column a correction names ('I meant the fault column, not the material',
    'predict shift instead'): the one column of the table said and not ruled out ('not the
    material'), when the sentence corrects something or says to predict it.
    """
    if not rx.search(MEANT_RE + r"|\bpredict\w*\b|\btarget\b|\blabel\b|\bthis time\b", goal, re.I):
        return None
    profile = _columns(dataset)
    if profile is None:
        return None
    said = []
    for column in profile["columns"]:
        name = column["name"]
        spelled = r"[\s_-]*".join(re.escape(w) for w in rx.split(r"[\s_-]+", name) if w)
        if not spelled:
            continue  # a column named '_' or '-' is said by no word
        for m in rx.finditer(rf"(?<![\w.]){spelled}(?:e?s)?(?![\w.])", goal, re.I):
            before = goal[max(0, m.start() - 24) : m.start()]
            if rx.search(
                r"\b(?:not|instead of|rather than|isn'?t|than)\s+(?:the\s+)?$", before, re.I
            ):
                continue
            if column.get("id_like") or column.get("text_like"):
                continue
            said.append(name)
            break
    return said[0] if len(set(said)) == 1 else None


def call_changes(
    tool: str,
    goal: str,
    dataset: str | None,
    output: str | None,
    previous_path: str | None = None,
) -> dict[str, Any]:
    """What a sentence changes of a call besides numbers and choices: an output file named,
    a format ('as parquet'), an id column ('the id is log_no', 'reading_id carried into the
    report': a column of the call's table that is id-like or said with 'id').
    """
    from agents.planner import _tool_fields

    fields = _tool_fields(tool)
    changes: dict[str, Any] = {}
    if output and OUTPUT_KEYS.get(tool) in fields:
        changes[OUTPUT_KEYS[tool]] = output
    said = rx.search(FORMAT_RE, goal, re.I)
    bare = set(rx.findall(r"(?<![.\w])(csv|jsonl|parquet)(?![.\w])", goal.lower()))
    if said and "format" in fields:
        changes["format"] = said.group(1).lower()
    elif len(bare) == 1 and "format" in fields:
        changes["format"] = bare.pop()  # 'actually jsonl would suit them better'
    if tool == "save_table" and changes.get("format") and not output and previous_path:
        stem = previous_path.rsplit(".", 1)[0]
        changes["path"] = f"{stem}.{changes['format']}"  # the copy keeps its name, new format
    if "label_column" in fields and isinstance(dataset, str):
        label = label_meant(goal, dataset)
        if label:
            changes["label_column"] = label
    profile = _columns(dataset) if isinstance(dataset, str) and "id_column" in fields else None
    if profile is not None:
        from tools.profile import column_named

        ident = rx.search(ID_RE, goal, re.I)
        column = column_named(profile, ident.group(1)) if ident else None
        if column is None:
            by_name = {c["name"]: c for c in profile["columns"]}
            named = [
                n
                for n in by_name
                if rx.search(rf"(?<![\w.]){re.escape(n)}(?![\w.])", goal)
                and (by_name[n].get("id_like") or n.lower().endswith("id"))
            ]
            column = named[0] if len(named) == 1 else None
        if column:
            changes["id_column"] = column
    return changes


def said_options(tool: str, goal: str) -> dict[str, Any]:
    """The settings a follow-up sentence states through the tool's own option readers (the
    ones its argument builder uses): 'bump to trigrams' (train_model), 'more strict, quality
    minimum 0.85' (generate_qa), '90% train 10% test' (export_dataset), 'flag anything scoring
    above 3' (detect_anomalies); only fields of the tool.
    """
    from agents.arguments import anomaly_options, export_options, qa_options
    from agents.planner import _tool_fields, network_options

    readers = {
        "train_model": network_options,
        "generate_qa": qa_options,
        "export_dataset": export_options,
        "detect_anomalies": anomaly_options,
    }
    reader = readers.get(tool)
    if reader is None:
        return {}
    fields = _tool_fields(tool)
    found = {k: v for k, v in reader(goal).items() if k in fields}
    if tool == "train_model" and rx.search(
        r"\bbalanced\s+(?:class\s+)?weight|\b(?:re)?weight\w*\s+(?:the\s+)?classes\b", goal, re.I
    ):
        found.setdefault("class_weights", "balanced")  # 'switch back to balanced class weights'
    return found


ROLE_LISTS = ("numeric_columns", "categorical_columns", "text_columns")
ADD_RE = r"\b(?:add(?:ing)?|also (?:use|include)|include|plus|throw in|put in)\b"


def added_columns(goal: str, args: dict[str, Any]) -> dict[str, list[str]]:
    """'now add also rainfall_mm and irrigation', 'add x as a numeric column and y as a
    categorical one': the earlier training's input lists with the named columns of its table
    added (a role said for a column wins, else the column's type sorts it).
    """
    if not rx.search(ADD_RE, goal, re.I) or not any(args.get(k) for k in ROLE_LISTS):
        return {}
    data = args.get("dataset")
    profile = _columns(data) if isinstance(data, str) else None
    if profile is None:
        return {}
    from agents.columns import feature_roles, roles_by_type

    listed = {n for k in ROLE_LISTS for n in args.get(k) or []}
    said = [
        n
        for n in profile["names"]
        if n not in listed
        and n != args.get("label_column")
        and rx.search(rf"(?<![\w.]){re.escape(n)}(?![\w.])", goal, re.I)
    ]
    if not said:
        return {}
    roles = feature_roles(goal, profile)
    for m in rx.finditer(
        r"(?<![\w-])([A-Za-z][\w-]*)\s+as\s+(?:a\s+|an\s+|the\s+)?(numeric|numerical|number|categorical|"
        r"category|text)\b",
        goal,
        re.I,
    ):
        name = next((n for n in said if n.lower() == m.group(1).lower()), None)
        role = {"nu": "numeric_columns", "ca": "categorical_columns", "te": "text_columns"}
        if name:
            roles.setdefault(role[m.group(2)[:2].lower()], []).append(name)
    placed = {n for names in roles.values() for n in names}
    by_type = roles_by_type([n for n in said if n not in placed], profile)
    out: dict[str, list[str]] = {}
    for key in ROLE_LISTS:
        new = [n for n in [*roles.get(key, []), *by_type.get(key, [])] if n in said]
        if new:
            out[key] = list(dict.fromkeys([*(args.get(key) or []), *new]))
    return out


def new_outputs(files: list[str]) -> list[str] | None:
    """The named files when every one is a file still to be written (else None)."""
    from agents.planner import _in_workspace

    if any(_in_workspace(f) or _is_document(f) for f in files):
        return None
    return list(dict.fromkeys(files))


def same_on_other_file(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'same for fleet_notes.csv', 'now the same on the march one, id is log_no': the last
    acting turn's steps again with the new input in place of the old one; settings carried,
    outputs named after the old file dropped, columns the new table lacks dropped, and an
    output file, format or id column said in the same sentence applied.
    """
    if not any(rx.search(said, goal, re.I) for said in (SAME_RE, ALSO_RE, SAME_BUT_RE)):
        return None
    new, output = _new_files(goal)
    if not new:
        return None
    from agents.references import person_files

    for steps in reversed(_acting_turns(memory)):
        # the latest acting turn on an input of the new one's kind: 'now the same with the
        # other guide' after a guide's QA set and its export repeats the QA set
        old = _old_input(steps[0])
        if all(s.get("tool") == "save_table" for s in steps) and old and not person_files([old]):
            continue  # 'same for the other table' after a copy of a scan's scores: the scan
        if old and _is_document(new) == _is_document(old):
            break
    else:
        return None
    if new == old:
        return None
    from agents.references import gold_named

    gold = gold_named(goal)
    gold_key = GOLD_KEYS[0] if steps[0].get("tool") == "label_dataset" else None
    profile = _columns(new)
    planned: list[PlanStep] = []
    for index, step in enumerate(steps):
        tool = str(step.get("tool"))
        args: dict[str, Any] = {}
        for key, value in (step.get("args") or {}).items():
            if key in DROPPED or key == OUTPUT_KEYS.get(tool):
                if isinstance(value, str) and "${" in value:
                    args[key] = value  # a reference to an earlier step's output stays
                continue
            if value == old:
                value = new
            elif isinstance(value, list) and old in value:
                value = [new if v == old else v for v in value]
            if key in COLUMN_KEYS and profile is not None and value not in profile["names"]:
                continue
            args[key] = value
        last = index == len(steps) - 1
        for key in GOLD_KEYS:
            if gold and (key in args or (index == 0 and key == gold_key)):
                args[key] = gold  # 'the hand labels are in x.csv': the new table's own
        args.update(call_changes(tool, goal, new, output if last else None))
        # 'same for the parts orders, just the top 5': a setting said with it (file names out)
        args.update(said_options(tool, rx.sub(rx.file_name(r"\w{2,7}") + r"\b", " ", goal)))
        planned.append(PlanStep(tool=tool, args=args, why=goal))
    tools = ", ".join(s.tool for s in planned)
    return Plan(steps=planned, notes=[f"the same as last time ({tools}) on {new}"])


SAME_TRAINING_RE = (
    r"\bsame\s+(?:(?:kind\s+of|sort\s+of|type\s+of)\s+)?(?:training|train(?:ing)?\s+(?:run|job|"
    r"setup|settings)|model(?:ling)?|fit|classifier|regressor|regression|classification|"
    r"(?:model|training)\s+(?:setup|settings|config(?:uration)?))\b"
    r"|\b(?:re-?)?train\w*\s+(?:it\s+|one\s+|a\s+model\s+)?the\s+same\s+way\b"
    r"|\b(?:repeat|redo|rerun|re-run)\s+(?:the|that|this|my)\s+(?:training|fit)\b"
)
"""'run the same training on wine_2024.csv', 'the same model on b.csv', 'train it the same way
on x.csv': the thread's training again on another table (not its whole last turn)."""
SAME_BUT_RE = (
    r"\b(?:the\s+)?same(?:\s+(?:thing|again|steps?|job|here))?\s*,?\s*(?:but|just|only)\s+"
    r"(?:now\s+)?(?:for|on|with|using|to|in)\b"
    r"|\bsame(?:\s+(?:thing|again|steps?|job))?\s*,?\s+(?:but\s+)?(?:a\s+|an\s+|the\s+)?"
    r"(?:different|another|other|new)\s+(?:file|table|csv|dataset|data\s*set|sheet|batch)\b"
)
"""'same thing but on b.csv', 'same again, but with the March table', 'same, different file'."""
DROPPED_FOR_NEW_DATA = ("name", "test_dataset", "test_label_column", "validation_dataset")
"""A training's arguments that belong to its old table: its model's name (a new training under it
would replace the old model), and its test and validation files."""
COLUMN_LISTS = ("text_columns", "numeric_columns", "categorical_columns", "exclude_columns")


def _other_tables(used: str | None) -> list[str]:
    """The workspace's tables other than `used` (the candidates for 'a different file')."""
    from agents.grounding import workspace_files

    return [
        f
        for f in workspace_files()
        if rx.search(r"\.(?:csv|tsv|parquet|jsonl)$", f, re.I) and f != used
    ]


def same_training_on(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'run the same training on wine_2024.csv', 'same thing but on b.csv' after a training: the
    thread's last training again on that table (its label column, model kind, target and
    settings kept; its model name, test and validation files left behind, settings said with it
    applied); 'the same training on a different file' with none named asks which table.
    """
    from agents.planner import _training_meant

    training = rx.search(SAME_TRAINING_RE, goal, re.I)
    same = training or rx.search(SAME_BUT_RE, goal, re.I) or rx.search(SAME_RE, goal, re.I)
    call = _training_meant(goal, memory) if same else None
    if call is None:
        return None
    last = _last_turn(memory)
    trained_last = bool(last) and last[0].get("tool") == "train_model"
    if not training and not trained_last:
        return None  # 'same thing on b.csv' after another turn: that turn (same_on_other_file)
    args = dict(call.get("args") or {})
    old = args.get("dataset") if isinstance(args.get("dataset"), str) else None
    from agents.arguments import OTHER_FILE_RE, role_files

    if not files and rx.search(OTHER_FILE_RE, goal):
        tables = _other_tables(old)
        shown = ", ".join(tables[:20]) + (
            f" (+{len(tables) - 20} more)" if len(tables) > 20 else ""
        )
        offer = f" Tables in the workspace: {shown}." if tables else ""
        return Plan(question=f"Which table should I run the same training on (as on {old})?{offer}")
    if not training and any(step.get("tool") != "train_model" for step in last):
        return None  # 'same thing but on b.csv' after a training and more: the whole turn
    data, tested, _ = role_files(goal, files)
    new = [f for f in dict.fromkeys(data) if f != old]
    if len(new) != 1:
        return None
    profile = _columns(new[0])
    names = set(profile["names"]) if profile is not None else set()
    label = args.get("label_column")
    if names and isinstance(label, str) and label not in names:
        shown = ", ".join(sorted(names)[:20])
        return Plan(
            question=f"{new[0]} has no column {label!r}, which the training on {old} predicted. "
            f"Which column should I predict? Columns: {shown}."
        )
    for key in DROPPED_FOR_NEW_DATA:
        args.pop(key, None)
    for key in ("id_column",):
        if names and args.get(key) not in names:
            args.pop(key, None)
    for key in COLUMN_LISTS:
        if names and isinstance(args.get(key), list):
            kept = [c for c in args[key] if c in names]
            if kept:
                args[key] = kept
            else:
                args.pop(key)
    changes: dict[str, Any] = {"dataset": new[0]}
    if len(set(tested)) == 1 and tested[0] != new[0]:
        changes["test_dataset"] = tested[0]  # '... and test it on y.csv'
    changes.update(said_options("train_model", rx.sub(rx.file_name(r"\w{2,7}") + r"\b", " ", goal)))
    from agents.slots import extract_targets

    plan = call_again("train_model", args, changes, extract_targets(goal), goal)
    plan.notes = [f"the thread's training (on {old}) again on {new[0]}, with its settings"]
    return plan


# 'I meant early_refill, not needs_review', 'not fault but derated', 'x instead of y'.
SWAP_RES = (
    r"\b(?:i\s+)?(?:meant?|mean|ment|wanted|want|needed|need)\s+(?P<new>[\w.-]+(?:\s+f1)?)"
    r"\s*,?\s+not\s+(?:the\s+)?(?P<old>[\w.-]+)",
    r"\bnot\s+(?:the\s+)?(?P<old>[\w.-]+)\s*,?\s+(?:but|i\s+meant?|i\s+mean)\s+(?:the\s+)?"
    r"(?P<new>[\w.-]+)",
    r"\b(?P<new>[\w.-]+)\s+instead\s+of\s+(?:the\s+)?(?P<old>[\w.-]+)",
    # 'no, text is observation, not scout'
    r"\b(?:is|are|=)\s+(?P<new>[\w.-]+)\s*,?\s+not\s+(?:the\s+)?(?P<old>[\w.-]+)",
)
METRIC_KEYS = ("target_metric", "metric")


def _swapped(
    tool: str, key: str, new: str, profile: dict[str, Any] | None, memory: dict[str, Any]
) -> Any:
    """The value `new` names for the argument `key` of `tool`, or None when it names none."""
    if key in METRIC_KEYS:
        from agents.memory import asked_metric
        from agents.planner import _schema_metric

        metric = asked_metric(new)
        return _schema_metric(tool, metric) if metric else None
    if key.endswith("column") or key.endswith("_columns"):
        from tools.profile import column_named

        return column_named(profile, new) if profile is not None else None
    if key == "label":
        info = memory.get("generator_info") or {}
        classes = [str(c) for c in info.get("classes") or []]
        if classes:
            return next((c for c in classes if c.lower() == new.lower()), None)
        return new
    from agents.options import field_kinds

    kind, values = field_kinds(tool).get(key, ("", ()))
    if kind in ("enum", "enums"):
        return next((v for v in values if str(v).lower() == new.lower()), None)
    return None  # a value the sentence cannot be checked against


def swap_correction(goal: str, memory: dict[str, Any]) -> Plan | None:
    """'I meant early_refill, not needs_review': the last call again with the value it used
    replaced by the one meant (a column of its table, a metric, a class; checked), plus what
    else the sentence changes ('200 rows of it', 'file x.csv instead').
    """
    last = memory.get("last_call")
    if not isinstance(last, dict) or not last.get("tool"):
        return None
    tool, args = str(last["tool"]), dict(last.get("args") or {})
    data = args.get("dataset") or args.get("data_path")
    profile = _columns(data) if isinstance(data, str) and "${" not in data else None
    swaps: dict[str, Any] = {}
    for pattern in SWAP_RES:
        match = rx.search(pattern, goal, re.I)
        if match is None:
            continue
        old, new = match.group("old").lower().rstrip(".-"), match.group("new").rstrip(".-")
        for key, value in args.items():
            if isinstance(value, str) and value.lower() == old:
                found = _swapped(tool, key, new, profile, memory)
                if found is not None and found != value:
                    swaps[key] = found
            elif (
                isinstance(value, list)
                and key.endswith(("_columns", "detectors"))
                and old in [str(v).lower() for v in value]
            ):
                found = _swapped(tool, key, new, profile, memory)
                if found is not None:
                    swaps[key] = [found if str(v).lower() == old else v for v in value]
        if swaps:
            break
    if not swaps:
        return None
    from agents.planner import _adjust_last_call

    adjusted = _adjust_last_call(goal, memory)
    targets: dict[str, float] = {}
    if adjusted is not None and adjusted.steps and adjusted.steps[0].tool == tool:
        args, targets = dict(adjusted.steps[0].args), dict(adjusted.targets)
        for key in ("dataset", "data_path"):
            if key in args and data:
                args[key] = data  # 'I meant X' changed a value, not the file
    return call_again(tool, args, swaps, targets, goal)


OTHER_WAY_RE = (
    r"\b(?:the\s+)?(?:other|opposite)\s+way\s+(?:a)?round\b|\bvice\s+versa\b|\bbackwards\b"
    r"|\b(?:swap|flip|switch|reverse|exchange)\s+(?:them|those|these|the\s+(?:two|files|tables|"
    r"roles|sets|data\s*sets))\b|\b(?:swap|flip|switch)\s+(?:them|those|these|it)\s+(?:a)?round\b"
    r"|\b(?:mixed|got)\s+(?:them|those|the\s+(?:two|files|tables))\s+(?:up|(?:a)?round|"
    r"backwards|the\s+wrong\s+way)\b"
)
"""'no, the other way round', 'swap the two files': the last call's two tables trade roles."""
ROLE_PAIRS = (("dataset", "test_dataset"), ("data_path", "gold_path"), ("dataset", "gold"))
"""The two table roles of one call that a person swaps (the data and the test rows or hand
labels)."""


def swap_files(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'no, the other way round' after training on one file and testing on another: the last
    call again with the two files' roles swapped (everything else kept); nothing when the
    sentence names a file or the last call held no two tables.
    """
    last = memory.get("last_call")
    if files or not isinstance(last, dict) or not rx.search(OTHER_WAY_RE, goal, re.I):
        return None
    tool, args = str(last.get("tool") or ""), dict(last.get("args") or {})
    for first, second in ROLE_PAIRS:
        one, two = args.get(first), args.get(second)
        if isinstance(one, str) and isinstance(two, str) and one != two and "${" not in one + two:
            return call_again(tool, args, {first: two, second: one}, {}, goal)
    return None


QA_WORDS = r"\b(?:questions?|q&a|qa|pairs?|quiz\w*|flashcards?)\b"
EXPORT_FORMAT = r"(?<![.\w])(csv|jsonl|parquet)\b"
NEW_QA_WORDS = r"\b(?:generate|make|build|create|chunk\w*|write|draft|new|more)\b"


def export_thread_qa(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'give me a CSV of the manual questions': the thread's last QA set exported in the
    format named (no new chunking or generation; a document named is a new request).
    """
    from agents.arguments import (
        export_file_options,
        export_options,
        is_workspace_file,
        same_splits,
    )

    qa = memory.get("qa_dataset")
    said = rx.findall(EXPORT_FORMAT, FILE_RE.sub(" ", goal), re.I)
    formats = list(dict.fromkeys(f.lower() for f in said))
    last = memory.get("last_call") if isinstance(memory.get("last_call"), dict) else {}
    named = [f for f in files if not is_workspace_file(f)]  # files to write, not to read
    after_qa = last.get("tool") in QA_TOOLS and rx.search(SAVE_WORDS, goal, re.I)
    if not qa or len(named) != len(files) or len(named) > 1:
        return None
    if not (said or named) or not (rx.search(QA_WORDS, goal, re.I) or after_qa):
        return None  # 'save as handbook_qa.jsonl' right after the pairs: them
    if rx.search(NEW_QA_WORDS, goal, re.I):
        return None
    # 'export csv + jsonl': every format said (one: that one; none: jsonl)
    fmt: str | list[str] = formats[0] if len(formats) == 1 else formats or "jsonl"
    args: dict[str, Any] = {"dataset_id": str(qa), "format": fmt}
    # 'export csv, splits, nothing under 0.8': the splits and the least quality said with it
    args.update(export_options(goal))
    if "splits" not in args and (same := same_splits(goal, memory)) is not None:
        args["splits"] = same  # 'and a parquet copy with those same splits'
    args.update(export_file_options(goal, named, formats[0] if formats else "jsonl"))
    mark = thread_pass_mark(memory) if rx.search(PASSED_RE, goal, re.I) else None
    if "min_quality" not in args and mark is not None:
        args["min_quality"] = mark  # 'a csv of the good ones': those at the thread's pass mark
    return Plan(
        steps=[PlanStep(tool="export_dataset", args=args, why=goal)],
        notes=[f"exporting the thread's QA set {qa} as {args['format']}"],
    )


SAVE_WORDS = rf"\b(?:{rx.WRITE_VERB})\w*\b|\bgive\s+me\b"
"""Words of writing a file: 'save as x.jsonl' after QA pairs exports them."""
SHOW_QA_RE = re.compile(
    rx.SHOW_LEAD + r"(?:them|those|these|the\s+(?:pairs|questions|qa(?:\s+pairs)?|q&a(?:\s+pairs)?|"
    r"answers|entries|results))\b",
    re.I,
)
"""'show me a few of them' after QA pairs were made: some of the pairs themselves."""
QA_SHOWN = 5


def show_thread_qa(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'show me a few of them' on a thread that made QA pairs: the set exported as jsonl and
    its first rows shown (the pairs, their scores), not a question which table to look at.
    """
    qa = memory.get("qa_dataset")
    last = memory.get("last_call") if isinstance(memory.get("last_call"), dict) else {}
    said = SHOW_QA_RE.search(goal)
    if not qa or files or said is None or last.get("tool") not in QA_TOOLS:
        return None
    number = rx.search(r"\b(\d{1,3})\b", said.group(0))
    count = int(number.group(1)) if number else QA_SHOWN
    steps = [
        PlanStep(tool="export_dataset", args={"dataset_id": str(qa), "format": "jsonl"}, why=goal),
        PlanStep(
            tool="preview_rows",
            args={"dataset": "${steps.0.path}", "limit": max(1, min(count, 50))},
            why=goal,
        ),
    ]
    return Plan(steps=steps, notes=[f"the thread's QA set {qa}, its first pairs"])


QA_TOOLS = frozenset({"generate_qa", "score_qa", "export_dataset"})
"""Tools after which 'them' are the thread's QA pairs."""


STRICTER_RE = (
    r"\b(?:strict|stricter|harsher|tougher|stiffer|more demanding|raise the (?:bar|pass mark)|"
    r"pass(?:ing)?[- ]?mark|re-?(?:score|judge|grade|rate)|(?:score|judge|grade|rate)\s+(?:them|"
    r"those|these|the (?:pairs|questions|qa))\s+(?:again|at|with)|how (?:good|well)|any good)\b"
)
"""A QA set judged again with a new pass mark: 'be stricter, 0.85 is the pass mark', 'how good
are they at 0.9?', 're-grade them at 0.8' (not a new generation: no 'better', 'more', 'redo')."""
REDO_QA_RE = r"\b(?:better|improve\w*|more|redo|regenerat\w*|again from|new ones|export\w*)\b"


def rescore_thread_qa(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'how good are they? be stricter, 0.85 should be the pass mark': the thread's QA set
    scored again at the pass mark said (a score asked with a threshold is a scoring step, not
    an answer from the thread's earlier quality).
    """
    from agents.arguments import quality_floor

    qa = memory.get("qa_dataset")
    if not qa or files or not rx.search(STRICTER_RE, goal, re.I):
        return None
    floor = quality_floor(goal)
    if floor is None or rx.search(REDO_QA_RE, goal, re.I) or rx.search(NEW_QA_WORDS, goal, re.I):
        return None
    if rx.search(r"\b(?:was|were|did|had)\b", goal, re.I) and not rx.search(
        r"\b(?:strict\w*|harsher|tougher|stiffer|re-?(?:score|judge|grade|rate))\b", goal, re.I
    ):
        return None  # 'was the pass mark 0.8?': what the thread did, not a new scoring
    args = {"dataset_id": str(qa), "quality_threshold": floor}
    return Plan(
        steps=[PlanStep(tool="score_qa", args=args, why=goal)],
        notes=[f"scoring the thread's QA set {qa} again with pass mark {floor}"],
    )


PASSED_RE = (
    r"\b(?:the\s+)?(?:good|passing|passed|approved|accepted|kept|decent|best)\s+(?:ones|pairs|"
    r"questions|entries|items)\b|\b(?:ones|pairs|questions)\s+(?:that|which)\s+(?:passed|pass|"
    r"made (?:it|the cut)|scored (?:high|well))\b"
)
"""The QA pairs that passed the thread's pass mark: 'give me the good ones', 'the ones that
passed'."""


def thread_pass_mark(memory: dict[str, Any]) -> float | None:
    """The pass mark the thread last judged its QA set at: the last scoring's or generation's
    `quality_threshold` (a scoring after the generation wins).
    """
    for key in ("last_call", "last_loop"):
        call = memory.get(key)
        if not isinstance(call, dict) or call.get("tool") not in ("score_qa", "generate_qa"):
            continue
        value = (call.get("args") or {}).get("quality_threshold")
        if isinstance(value, (int, float)) and 0 < value <= 1:
            return float(value)
    return None
