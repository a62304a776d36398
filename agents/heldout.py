"""Held-out checking: the table an evaluation clause names, bound as the test set or asked about."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from agents import patterns as rx
from agents.hand_labels import table_profile

# The words that lead into the table a trained model is checked on: 'check it on', 'try it
# out on', 'see how it does on', 'score it against', 'validate on', 'measure on', 'run it
# against', 'how well does it do on'. ('run it on X' alone is a prediction, not a check.)
_THING = r"(?:it|that|this|them|those|these|the (?:model|classifier|predictor|thing|result)s?)"
EVAL_LEAD = (
    r"\b(?:"
    r"(?:check|test|try|tries|tried|validat|verif|measur|scor|evaluat|assess|grad|judg|"
    r"benchmark|sanity[- ]check)\w*\s+(?:" + _THING + r"\s+)?(?:out\s+)?(?:once\s+)?"
    r"(?:on|against|with|using)"
    r"|run\w*\s+(?:" + _THING + r"\s+)?against"
    r"|(?:see|check|tell\s+(?:me|us)|show\s+(?:me|us)|find\s+out|know|report)\s+how\s+"
    r"(?:well\s+|good\s+)?" + _THING + r"\s+(?:does|did|do|works?|performs?|fares?|"
    r"holds? up|scores?|goes|is|are|behaves?)\s+(?:on|against|with|for)"
    r"|how\s+(?:well|good)\s+(?:(?:does|did|is|would)\s+)?" + _THING + r"\s+(?:is|does|do|"
    r"performs?|works?|fares?|holds? up|scores?)?\s*(?:on|against|with|for)"
    r")\s+"
)
# The thread's model put to a table with no word for which use ('now run it on the 2025 file',
# 'apply the model to the march sheet'): evaluated or run over it by the table's columns
# (`agents/prediction.py` `fit_model_use`); read only when the thread has a model.
USE_VERB = r"(?:run|ran|apply|applied|use|used|try|tried|put)(?:s|ning|ing|ting)?"
"""The verbs that put a model to a table, one source for `USE_LEAD` and the planner's
`MODEL_ON_RE` (which adds the measuring verbs)."""
USE_LEAD = r"\b" + USE_VERB + r"\s+" + _THING + r"\s+(?:again\s+)?(?:on|to|over|for|against)\s+"
# 'hold out X for testing', 'keep X back for the check', 'set X aside to test on'
_HOLD_LEAD = r"\b(?:hold\w*(?:\s+(?:out|back))?|keep\w*|set\w*|put\w*)\s+"
_HOLD_TAIL = (
    r"\s+(?:out\s+|aside\s+|back\s+|apart\s+)?(?:for|as|to)\s+(?:the\s+|a\s+)?(?:final\s+)?"
    r"(?:test\w*|check\w*|evaluat\w*|validat\w*|scor\w*|measur\w*|held[- ]?out|hold[- ]?out)\b"
)
# 'use the 2025 file as the test set', 'the march sheet is for testing'
_AS_TEST = (
    r"\s+(?:(?:is|will be|are)\s+)?(?:as|for)\s+(?:the\s+|a\s+|our\s+)?(?:final\s+|honest\s+)?"
    r"(?:test(?:ing)?|check\w*|held[- ]?out|hold[- ]?out|evaluation|exam)\b"
)
# from the start of a run of name characters only (as slots.FILE_RE): linear, see
# agents/patterns.py `file_name`
_FILE = r"(?<![\w/.-])(?P<file>(?:[\w.-]+/)*[\w.-]+\.(?:csv\.gz|csv|tsv|parquet|jsonl|json))\b"
_DESC = r"(?P<desc>(?:the|my|our|this|that|those|these)\s+[\w'-]+(?:\s+[\w'-]+){0,4})"
DATA_NOUNS = {
    *"file files data dataset datasets table tables sheet sheets spreadsheet spreadsheets csv".split(),
    *"export exports extract extracts one ones batch list rows records parquet".split(),
}
# Words of a description that point at a split made inside one table, not at a file.
_SPLIT_WORDS = {"split", "part", "portion", "fold", "folds", "percent", "fraction", "share", "%"}
_STOP_DESC = {
    *"the my our this that those these a an of from in on for and with to it its".split(),
    *"then also please again too whole entire same other".split(),
}
_TIME_WORDS = {
    *"new newer newest latest recent later last next fresh current previous older old".split(),
    *"earlier earliest first second third final updated".split(),
}
_MONTHS = {
    m[:3]: m
    for m in (
        "january february march april may june july august september october november december"
    ).split()
}


@dataclass
class Target:
    """An evaluation clause's table: a file name, or the words describing one."""

    file: str | None
    desc: str | None
    start: int
    end: int
    lead: int = 0


def _norm(word: str) -> str:
    word = word.lower().strip("'")
    if word in ("sept",):
        return "sep"
    for short, full in _MONTHS.items():
        if word == full or (word == short and short != "may"):
            return short
    if word in ("heldout", "hold-out", "held-out"):
        return "holdout"
    return word


def _name_tokens(path: str) -> list[str]:
    """A file name's words with its numbers (years kept, a number apart from the word it ends,
    months in short): 'churn_2025-03.csv' → churn 2025 03, 'visits_q3.csv' → visits q 3.
    """
    from agents.references import file_tokens

    return [_norm(p) for t in file_tokens(path, years=True) for p in rx.findall(r"[a-z]+|\d+", t)]


def eval_targets(
    goal: str, nouns: frozenset[str] = frozenset(), used: bool = False, asked: bool = False
) -> list[Target]:
    """The tables the goal's evaluation clauses name, by file name or by description (one that
    ends in a data noun, or in one of `nouns`: the training table's name words, 'the 2025
    customers'); with `used`, also the tables a thread's model is put to (`USE_LEAD`); with
    `asked` (the goal asks the outcome the thread's model learned), any table it names.
    """
    found: list[Target] = []
    leads = [(EVAL_LEAD, ""), (_HOLD_LEAD, _HOLD_TAIL), (r"\b", _AS_TEST)]
    leads += [(USE_LEAD, "")] if used else []
    leads += [(r"\b(?:in|among|of|from|for)\s+", "")] if asked else []
    for lead, tail in leads:
        for what in (_FILE, _DESC):
            for m in rx.finditer(lead + what + tail, goal, re.I):
                if what == _FILE:
                    found.append(Target(m.group("file"), None, *m.span("file"), m.start()))
                    continue
                start = m.start("desc")
                desc = _trim(m.group("desc"), nouns)
                if desc:
                    found.append(Target(None, desc, start, start + len(desc), m.start()))
    found.sort(key=lambda t: (t.start, t.lead))
    unique: dict[int, Target] = {}
    for target in found:
        unique.setdefault(target.start, target)  # one table said once, read by two patterns
    return list(unique.values())


def _trim(desc: str, nouns: frozenset[str] = frozenset()) -> str | None:
    """The description cut after its head noun ('the 2025 file and tell me' → 'the 2025 file'),
    or None when no data noun ends it within five words, or when it names a split of a table.
    """
    words = desc.split()
    heads = [
        i
        for i, w in enumerate(words)
        if (word := rx.sub(r"'s?$", "", w.lower())) in DATA_NOUNS or (i and word in nouns)
    ]
    if not heads:
        return None
    cut = words[: heads[0] + 1]
    if any(w.lower() in _SPLIT_WORDS for w in cut) or rx.search(r"(?<!\d)\d+\s*%", " ".join(cut)):
        return None
    if any(w.lower() in ("and", "then", "to", "for", "with", "but") for w in cut[1:]):
        return None
    return " ".join(cut)


def desc_tokens(desc: str) -> list[str]:
    """The words of a description that can name a file (determiners and data nouns left out)."""
    words = [_norm(w) for w in rx.findall(r"[A-Za-z]+|\d+", desc)]
    return [w for w in words if w not in _STOP_DESC and w not in DATA_NOUNS]


def described_tables(desc: str, trained_on: str, files: list[str]) -> list[str]:
    """The workspace tables a description fits by a distinctive word of their name: one that the
    training file's name lacks ('the 2025 file' → customers_2025.csv beside customers.csv, 'the
    march data' → visits_mar.csv, 'the holdout sheet' → leads_holdout.xlsx's csv). Several
    when they fit equally well; none when no distinctive word fits.
    """
    from agents.references import TABLE_EXT, is_gold_file, person_files, says

    words = desc_tokens(desc)
    base = set(_name_tokens(trained_on))
    scored: list[tuple[int, str]] = []
    for path in person_files(files):
        if path == trained_on or not path.lower().endswith(TABLE_EXT) or is_gold_file(path):
            continue
        tokens = _name_tokens(path)
        own = [t for t in tokens if t not in base]
        hits = sum(any(says(w, t) for t in own) for w in words)
        if hits:
            scored.append((hits, path))
    if not scored:
        return []
    best = max(h for h, _ in scored)
    return [p for h, p in scored if h == best]


def points_at_file(desc: str, trained_on: str, files: list[str]) -> bool:
    """Whether a description names a file of its own (a year, a month, a time or order word, a
    word of a workspace file's name the training file lacks), not a split of the training data.
    """
    base = set(_name_tokens(trained_on))
    words = [w for w in desc_tokens(desc) if w not in base]
    if not words:
        return False
    if any(rx.fullmatch(r"(?:19|20)\d\d", w) or w in _MONTHS or w in _TIME_WORDS for w in words):
        return True
    if any(w in ("holdout", "test", "testing", "eval", "evaluation") for w in words):
        return True
    return bool(described_tables(desc, trained_on, files))


def _columns(path: str) -> list[str] | None:
    profile = table_profile(path)
    return None if profile is None else [str(n) for n in profile["names"]]


def fits_as_test(path: str, trained_on: str, label: str | None) -> bool:
    """Whether `path` can be the test set of a model trained on `trained_on`: it holds the label
    column (when known) and most of the training table's columns.
    """
    mine, theirs = _columns(path), _columns(trained_on)
    if mine is None or theirs is None:
        return False
    if label and label not in mine:
        return False
    shared = len(set(mine) & set(theirs))
    return shared >= max(1, (len(set(theirs)) + 1) // 2)


def _training_file(goal: str, targets: list[Target]) -> str | None:
    from agents.slots import FILE_RE

    held = {t.file for t in targets if t.file}
    for name in FILE_RE.findall(goal):
        if name not in held and name.lower().endswith((".csv", ".tsv", ".parquet", ".jsonl")):
            return name
    return None


def with_described_heldout(
    goal: str, files: list[str] | None = None, thread_data: str | None = None, asked: bool = False
) -> tuple[str, list[str]]:
    """The goal with the table an evaluation clause describes ('check it on the 2025 file')
    written in by name when exactly one workspace table fits the description and can be the
    test set of the named training table; the goal unchanged otherwise (the planner then asks,
    see `bind_heldout`). `thread_data`: the table the thread's model learned from, for a
    follow-up that names no training table ('now check it on the 2025 file'); `asked`: the goal
    asks the outcome that model learned ('which will churn in the 2025 file?').
    """
    if not rx.search(TRAINS, goal, re.I) and thread_data is None:
        return goal, []
    used = thread_data is not None
    asked = asked and used
    targets = eval_targets(goal, used=used, asked=asked)
    trained_on = _training_file(goal, targets) or thread_data
    if trained_on is None:
        return goal, []
    targets = eval_targets(goal, frozenset(_name_tokens(trained_on)), used, asked)
    if not any(t.desc for t in targets):
        return goal, []
    if files is None:
        from agents.grounding import workspace_files

        files = workspace_files()
    notes: list[str] = []
    for target in sorted((t for t in targets if t.desc), key=lambda t: -t.start):
        assert target.desc is not None
        fits = [
            f
            for f in described_tables(target.desc, trained_on, files)
            if fits_as_test(f, trained_on, None)
        ]
        if len(fits) != 1:
            continue
        goal = f"{goal[: target.start]}{fits[0]}{goal[target.end :]}"
        notes.append(f"the test file you described ({target.desc}) → {fits[0]}")
    return goal, notes[::-1]


TRAINS = (
    r"\b(?:train\w*|fit|fitted|model|classifier|predict\w*|learn\w*|teach\w*|forecast\w*|"
    r"classify)\b"
)
"""Words of a goal that trains a model (a held-out table is only looked for then)."""


def _said_after(goal: str, target: Target) -> str:
    """The evaluation clause's words after its table, to the end of its sentence ('... and
    list who will leave'): what is asked of the rows (the lead's own verb, 'score it on', and the
    table's name are not read for it).
    """
    ends = [i for i in (goal.find(c, target.end) for c in ".;?!\n") if i >= 0]
    return goal[target.end : min(ends) if ends else len(goal)]


def bind_heldout(p: Any, goal: str) -> None:
    """The table the goal's evaluation clause names becomes the training's test_dataset (a
    step that only read it is dropped); a described table that cannot be bound is asked about,
    with the candidates, rather than trained without (a stated requirement is never dropped).
    """
    from agents.grounding import workspace_files
    from agents.prediction import PREDICTIONS_SAID

    trainers = [
        s
        for s in p.steps
        if s.tool == "train_model" and not str(s.args.get("dataset", "")).startswith("${")
    ]
    if len(trainers) != 1 or trainers[0].args.get("test_dataset"):
        return
    trainer = trainers[0]
    trained_on = str(trainer.args.get("dataset", ""))
    label = trainer.args.get("label_column")
    targets = eval_targets(goal, frozenset(_name_tokens(trained_on)))
    named = {
        t.file: t
        for t in targets[::-1]
        if t.file and t.file not in (trained_on, trainer.args.get("validation_dataset"))
    }
    for name, target in list(named.items())[::-1]:
        if not fits_as_test(name, trained_on, label):
            continue
        readers = [
            s
            for s in p.steps
            if s is not trainer
            and (s.args.get("dataset") == name or s.args.get("data_path") == name)
            and s.tool in ("inspect_dataset", "preview_rows", "evaluate_model", "predict")
        ]
        if any(s.tool == "evaluate_model" for s in readers):
            return  # 'evaluate on b.csv': measured by a step of its own, already bound
        if any(
            s.tool == "predict" and (s.args.get("output") or s.args.get("output_path"))
            for s in readers
        ):
            return
        if any(s.tool == "predict" for s in readers) and rx.search(
            PREDICTIONS_SAID, _said_after(goal, target), re.I
        ):
            return  # 'try it on b.csv and list who will leave': rows to predict
        drop = readers + [
            s
            for s in p.steps
            if s.tool == "evaluate_model" and not s.args.get("dataset") and s not in readers
        ]
        rest = [s for s in p.steps if s not in drop]
        first = min((p.steps.index(s) for s in drop), default=len(p.steps))
        if any("${steps." in str(s.args) for s in rest[first:]):
            return  # a later step reads another's outputs: its references would shift
        p.steps[:] = rest
        trainer.args["test_dataset"] = name
        p.notes.append(f"{name} is the test set of the training on {trained_on}")
        return
    files = workspace_files()
    for target in targets:
        if not target.desc or not points_at_file(target.desc, trained_on, files):
            continue
        fits = [
            f
            for f in described_tables(target.desc, trained_on, files)
            if fits_as_test(f, trained_on, label)
        ]
        if not fits:
            fits = _test_candidates(trained_on, label, files)
        p.question = _which_test(target.desc, trained_on, fits)
        return


def bind_thread_check(p: Any, goal: str) -> None:
    """A follow-up after a training that puts the thread's model to a table an evaluation
    clause names ('try it on the 2025 data', 'see how it does on x.csv'): a one-step plan on
    that table (a prediction, or a look at it) becomes the use `prediction.model_use` decides
    from the table's columns and the clause's words after the table: measured when it holds
    the model's label column, predicted when it does not (nothing to check against);
    predictions asked for ('... and save them', 'which ones ...') stay a prediction. A planned
    evaluation is left to `fit_model_use`, which decides the same way on the whole goal.
    """
    model = p.memory.get("model")
    if not isinstance(model, str) or len(p.steps) != 1 or p.question or p.answer:
        return
    step = p.steps[0]
    if step.tool not in ("predict", "inspect_dataset", "preview_rows"):
        return
    named = [t for t in eval_targets(goal) if t.file]
    name = named[0].file if len(named) == 1 else None
    if name is None or name not in (step.args.get("dataset"), step.args.get("data_path")):
        return
    if step.tool == "predict" and (step.args.get("output") or step.args.get("output_path")):
        return
    from agents.prediction import model_label, model_use

    label = model_label(p.memory, model)
    columns = _columns(name)
    if label is None or columns is None:
        return
    use = model_use(step.tool, label in columns, _said_after(goal, named[0]))
    if use == step.tool:
        return
    p.steps[:] = []
    p.add(use, {"model": model, "dataset": name}, why=step.why)
    if use == "evaluate_model":
        p.notes.append(f"{name} has the {label!r} column: the model is measured on it")
    else:
        p.notes.append(f"{name} has no {label!r} column to check against: the model predicts it")


def _test_candidates(trained_on: str, label: str | None, files: list[str]) -> list[str]:
    from agents.references import TABLE_EXT, is_gold_file, person_files

    return [
        f
        for f in person_files(files)
        if f != trained_on
        and f.lower().endswith(TABLE_EXT)
        and not is_gold_file(f)
        and fits_as_test(f, trained_on, label)
    ]


def _which_test(desc: str, trained_on: str, fits: list[str]) -> str:
    from agents.planner import shown_name

    if len(fits) == 1:
        return (
            f"You asked to check the model on {desc}: do you mean {shown_name(fits[0])}? "
            f"Say so, or name the file to test on (the model learns from {trained_on})."
        )
    if fits:
        shown = [shown_name(f) for f in fits[:8]]
        listed = ", ".join(shown[:-1]) + f" or {shown[-1]}"
        return f"Which file is {desc} to test the model on: {listed}?"
    return (
        f"I found no file that is {desc} to test the model on. Name the file (e.g. "
        f"'test on b.csv'), or say 'no test file' to check it on a held-out part of {trained_on}."
    )


# Training said with other verbs: 'learn from X', 'learn who leaves from X', 'teach it on X',
# 'fit on X', 'let it learn on X'.
TRAIN_VERB_RE = (
    r"\b(?:learn\w*|teach\w*|fit|fitted|fitting)\b(?:\s+(?!(?:rules?|functions?|lfs?|patterns?|"
    r"about|what|how)\b)[\w'-]+){0,4}?\s+(?:from|on|with|using|off)\s+(?:the\s+|my\s+|our\s+)?"
)
_NOT_A_MODEL = (
    r"\b(?:rules?|labeling functions?|lfs?|keywords?|patterns?|generators?|synthetic|fake|look like|"
    r"looks like|about|c?vaes?|gans?|autoencoders?|sample|samples|simulat\w*|generat\w*)\b"
)


def learns_from(clause: str, files: list[str], goal: str) -> bool:
    """Whether the clause trains a model with another verb ('learn from customers.csv', 'teach
    it on x.csv', 'fit on x.csv') on a named table whose label is evident: bound from the goal's
    words with no question back.
    """
    if not files or rx.search(_NOT_A_MODEL, clause, re.I):
        return False
    name = next((f for f in files if rx.search(TRAIN_VERB_RE + re.escape(f), clause, re.I)), None)
    if name is None or not name.lower().endswith((".csv", ".tsv", ".parquet", ".jsonl")):
        return False
    return evident_label(name, clause, goal) is not None


def evident_label(path: str, clause: str, goal: str) -> str | None:
    """The label column the grounding binds for a training on `path` with no question back."""
    from agents.grounding import _ground_train
    from agents.plan import Planning

    probe = Planning(memory={}, goal=goal)
    args: dict[str, Any] = {"dataset": path}
    _ground_train(probe, args, clause, goal)
    if probe.question or probe.answer:
        return None
    label = args.get("label_column")
    return label if isinstance(label, str) else None
