"""Train-then-predict plans: the model trained on one table is run over the other table named."""

from __future__ import annotations

import re
from typing import Any

from agents import patterns as rx
from agents.arguments import TEST_FILE_RE, TEST_NEAR_RE, role_files
from agents.plan import Planning, PlanStep
from agents.slots import FILE_RE, split_clauses
from errors import ForgeflowError

READ_ONLY = ("inspect_dataset", "preview_rows", "list_local_datasets")
# Running a model over rows ('run it on', 'tag the new ones', 'fill in the predicted band',
# 'inference over the pool', 'a pre-classification per id').
APPLY = (
    r"\b(run (?:it|that|this|them|the (?:model|classifier))\b[^.]{0,20}\b(?:on|over|against|for)|"
    r"apply (?:it|that|this|the (?:model|classifier))|predict\w*|inference|"
    r"pre-?classif\w*|fill\w* in|tag (?:the|every|each|all)|score (?:the|every|each|all))\b"
)
# A file only measured ('test it on', 'evaluate on', 'held-out'): a test set, not rows to predict.
MEASURED = (
    r"\b(evaluat\w*|test(?:ed|ing)?|held[- ]?out|hold[- ]?out|benchmark\w*|accuracy|auc|f1|"
    r"how (?:well|good)|metrics?|validat\w*)\b"
)
KEYED = r"\b(?:keyed by|per|with (?:the|its|their)|by|include|keep)\s+([a-z][\w]*)"


def _clause_of(name: str, clauses: list[str]) -> str:
    return next((c for c in clauses if name in FILE_RE.findall(c)), "")


def _rows_to_predict(goal: str, trained_on: str, test: object) -> str | None:
    """The one table the goal names, besides the training data, its test set and outputs,
    whose clause runs the model over it (or describes rows without the label yet).
    """
    files = list(dict.fromkeys(FILE_RE.findall(goal)))
    _, tests, outputs = role_files(goal, files)
    clauses = split_clauses(goal)
    found = []
    for name in files:
        if name in (trained_on, test) or name in outputs or name in tests:
            continue
        escaped = re.escape(name)
        if rx.search(TEST_NEAR_RE + escaped, goal, re.I) or rx.search(
            TEST_FILE_RE + escaped, goal, re.I
        ):
            continue
        clause = _clause_of(name, clauses)
        if rx.search(MEASURED, clause, re.I) and not rx.search(APPLY, clause, re.I):
            continue
        found.append(name)
    return found[0] if len(found) == 1 else None


TRAINED_ON = (
    r"\b(?:train\w*|learn\w*|fit\w*)\s+(?:it\s+|a model\s+|them\s+)?(?:on|from|with)\s+"
    r"(?:the\s+)?(\w+)\b"
)


def _tokens(path: str) -> list[str]:
    stem = path.rsplit("/", 1)[-1].split(".", 1)[0].lower()
    return [t for t in re.split(r"[^a-z0-9]+", stem) if t]


def _said_training_file(goal: str, trained_on: str) -> str | None:
    """The sibling of the training table that the goal trains on by one word of its name
    ('learn from the test file' → events_test.csv; 'a model trained on 2024' → runs_2024.csv
    when runs_2025.csv is the table named): the version said, not the one named.
    """
    from agents.grounding import workspace_files
    from agents.references import STOP, person_files

    match = rx.search(TRAINED_ON, FILE_RE.sub(" ", goal), re.I)
    if not match or match.group(1).lower() in STOP:
        return None
    word = match.group(1).lower()
    mine = _tokens(trained_on)
    if word in mine:
        return None
    found = []
    for other in person_files(workspace_files()):
        if other == trained_on or other.rsplit(".", 1)[-1] != trained_on.rsplit(".", 1)[-1]:
            continue
        theirs = _tokens(other)
        if word not in theirs:
            continue
        # the other's name is this one's plus the word, or this one's with the word for one
        swapped = len(theirs) == len(mine) and [a != b for a, b in zip(theirs, mine, strict=True)]
        if [t for t in theirs if t != word] == mine or (
            swapped and sum(swapped) == 1 and theirs[swapped.index(True)] == word
        ):
            found.append(other)
    return found[0] if len(found) == 1 else None


def shape_prediction(p: Planning, goal: str) -> None:
    """One training on a table and a goal that runs a model over another table it names:
    predict on that table ('learn from a.csv, then tag the rows of b.csv'), whether the rules
    planned no prediction or a prediction reading the training data back.
    """
    split_one_table(p, goal)
    if not rx.search(APPLY, goal, re.I):
        return
    trainers = [s for s in p.steps if s.tool == "train_model"]
    if len(trainers) != 1:
        return
    trainer = trainers[0]
    if trainer.args.get("name") in FILE_RE.findall(goal):
        trainer.args.pop("name")  # 'save it as preds.parquet': the predictions' file, no model name
    trained_on = trainer.args.get("dataset")
    if not isinstance(trained_on, str):
        return
    others = [s for s in p.steps if s is not trainer and s.tool not in READ_ONLY]
    if any(s.tool != "predict" for s in others) or len(others) > 1:
        return
    predict = others[0] if others else None
    if predict is not None and predict.args.get("dataset") not in (None, trained_on):
        return  # it reads another table already
    said = _said_training_file(goal, trained_on)
    if said is not None:
        trainer.args["dataset"], trained_on = said, said
    rows = _rows_to_predict(goal, trained_on, trainer.args.get("test_dataset"))
    if rows is None:
        return
    p.steps[:] = [s for s in p.steps if not (s.tool in READ_ONLY and s.args.get("dataset") == rows)]
    model = f"${{steps.{p.steps.index(trainer)}.model_path}}"
    if predict is None:
        outputs = role_files(goal, list(dict.fromkeys(FILE_RE.findall(goal))))[2]
        args: dict[str, object] = {"model": model, "dataset": rows}
        if outputs:
            args["output"] = outputs[-1]
        why = _clause_of(rows, split_clauses(goal))
        p.steps.append(PlanStep(tool="predict", args=args, why=why))
        p.notes.append(f"the trained model is then run over {rows}")
    else:
        predict.args["dataset"] = rows
        if str(predict.args.get("model", "")).startswith("${steps."):
            predict.args["model"] = model


# A file name's words that mark a cut kept for measuring: never the history a model learns from.
MEASURED_CUTS = {"test", "val", "eval", "holdout", "heldout", "check", "checked"}


def _best(goal: str, candidates: list[str]) -> str | None:
    """The one candidate the goal's words describe best (a cut kept for measuring only when
    said), or None on a tie.
    """
    from agents.references import ROLE_ALIASES, description_score

    plain = set(re.findall(r"[a-z]+", goal.lower()))

    def rank(path: str) -> tuple[int, int]:
        cut = {ROLE_ALIASES.get(t, t) for t in _tokens(path)} & MEASURED_CUTS
        return (0 if cut - plain else 1, description_score(goal, path))

    ranked = sorted(candidates, key=rank, reverse=True)
    tied = [c for c in ranked if ranked and rank(c) == rank(ranked[0])]
    if len(tied) > 1:
        # a tie goes to the table whose name the others grow with words the goal does not say
        # ('sales.csv' beside 'sales_2026.csv' and 'sales_q1.csv')
        base = [c for c in tied if all(set(_tokens(c)) < set(_tokens(o)) for o in tied if o != c)]
        return base[0] if len(base) == 1 else None
    return ranked[0] if ranked else None


def split_one_table(p: Planning, goal: str) -> None:
    """A training and a prediction on one table, while the workspace holds its column sibling
    (the same columns but the outcome): the table with the outcome is the history the model
    learns from, the one without it the rows it scores. Data decides which side moves: a
    table whose outcome columns are all filled ('learn from bookings.csv: which of next
    month's bookings will ...') keeps the training and its sibling without them is predicted;
    a table that lacks its sibling's outcome ('which of new.csv will renew? base it on last
    year') is predicted, and the training moves to the sibling, its label among the columns
    the sibling adds. An outcome with gaps in the table itself (rows of it to fill) stays.
    """
    from agents.grounding import workspace_files
    from agents.hand_labels import table_profile

    trainers = [(i, s) for i, s in enumerate(p.steps) if s.tool == "train_model"]
    if len(trainers) != 1:
        return
    index, trainer = trainers[0]
    table = trainer.args.get("dataset")
    model = f"${{steps.{index}.model_path}}"
    uses = [s for s in p.steps if s.tool == "predict" and s.args.get("model") == model]
    if not isinstance(table, str) or not uses or any(s.args.get("dataset") != table for s in uses):
        return
    profile = table_profile(table)
    if profile is None:
        return
    label = trainer.args.get("label_column")
    files = workspace_files()
    pairs = _pairs(files)
    scored = [(rows, missing) for history, rows, missing in pairs if history == table]
    scored = [(r, m) for r, m in scored if label is None or label in m]
    learnt = [(history, missing) for history, rows, missing in pairs if rows == table]
    if bool(scored) == bool(learnt):
        return  # no sibling, or the table is both a history and rows to score: not evident
    if scored:
        gaps = {c["name"] for c in profile["columns"] if c["partly_filled"]}
        outcome = [label] if label else [c for _, missing in scored for c in missing]
        if gaps & set(outcome):
            return  # the table's own gaps are the rows to predict
        rows = _best(goal, [r for r, _ in scored])
        if rows is None:
            return
        for use in uses:
            use.args["dataset"] = rows
        p.notes.append(f"{table} has the outcome, {rows} lacks it: the model is run over {rows}")
        return
    history = _best(goal, [h for h, _ in learnt])
    if history is None:
        return
    missing = next(m for h, m in learnt if h == history)
    from tools.profile import columns_mentioned

    theirs = table_profile(history)
    mentioned = [c for c in columns_mentioned(theirs, goal) if c in missing] if theirs else []
    if (
        label not in missing
        and label in columns_mentioned(profile, goal)
        and not (mentioned or _said_column(goal, missing))
    ):
        return  # 'train on next_week.csv to predict cars_booked': its own column, said by name
    asked = rx.search(OUTCOME_QUESTION, FILE_RE.sub(" ", goal), re.I) or rx.search(
        LEARN, FILE_RE.sub(" ", goal), re.I
    )
    if label not in missing and not (asked or mentioned or _said_column(goal, missing)):
        # 'Predict the honey yield in kilos of each colony in hives_autumn.csv' beside hives.csv
        # whose one extra column is swarmed: an outcome the goal does not speak of is no label
        # to learn unasked (the rules' train_then_predict asks the same of a goal): ask
        shown = ", ".join(missing[:6])
        p.question = (
            f"Which column should the model learn to predict? {history} has {shown}, which "
            f"{table} lacks; or name the model to predict {table} with."
        )
        return
    trainer.args["dataset"] = history
    if label not in missing:
        said = missing[0] if len(missing) == 1 else (mentioned or [_said_column(goal, missing)])[0]
        if said:
            trainer.args["label_column"] = said
        else:
            trainer.args.pop("label_column", None)  # grounded on the history's own columns
    p.notes.append(f"{history} has the outcome {table} lacks: the model learns from {history}")


# An outcome asked of rows that have none yet ('how many of them will be late', 'which of the
# new reports are probably critical', 'what share would be ...') or a model run over them.
OUTCOME = (
    r"\bhow many\b[^.?!]{0,80}\b(?:will|would|should|likely|expect\w*|probably|going to)\b|"
    r"\bwhich (?:of )?[^.?!]{0,50}\b(?:are|is|will|would)\s+(?:probably|likely|going to)\b|"
    r"\bwhat (?:share|fraction|percentage|proportion|portion|percent) of\b|"
    r"\b(?:scores?|preds?|predictions?|probabilit\w*)\s+(?:for|of|on)\b|"
    r"\b(?:predict\w*|predcit\w*|inference|score (?:the|every|each|all)|tag (?:the|every|each|all)|"
    r"fill\w* in|pre-?classif\w*|run (?:it|that|the (?:model|classifier)) (?:on|over))\b"
)
# The outcome asked as a question of rows ('which of them are likely to', 'how many will').
OUTCOME_QUESTION = (
    r"\bhow many\b[^.?!]{0,80}\b(?:will|would|likely|probably|going to)\b|"
    r"\bwhich (?:of )?[^.?!]{0,50}\b(?:are|is|will|would)\s+(?:probably|likely|going to)\b"
)
# Where the model comes from: labelled history, a model learnt or fitted.
LEARN = r"\b(histor\w*|past|already|learn\w*|train\w*|fit\w*|based? (?:it )?on|model|classifier)\b"
YIELDS = ("train_model", "predict", "label_dataset", "trending_datasets", "search_datasets")
MAX_LABELS = 3
MAX_PAIRED = 40
"""Tables of a workspace compared pairwise for a history/rows-to-score sibling (the first 40 in
the workspace's order): each is read for its header, and pairs grow with the square."""


def _pairs(files: list[str]) -> list[tuple[str, str, list[str]]]:
    """(labelled, unlabelled, missing columns): two tables with the same columns but for the
    few (at most MAX_LABELS) the first has and the second lacks: history and the rows to score.
    """
    from agents.references import _columns, is_gold_file, person_files

    tables = [
        f
        for f in person_files(files)
        if not is_gold_file(f) and f.lower().endswith((".csv", ".tsv", ".jsonl"))
    ][:MAX_PAIRED]
    heads = {f: _columns(f) for f in tables}
    found = []
    for labelled in tables:
        for rows in tables:
            have, lack = heads[labelled], set(heads[rows])
            if rows == labelled or len(lack) < 2 or not lack < set(have):
                continue
            missing = [c for c in have if c not in lack]
            if len(missing) <= MAX_LABELS:
                found.append((labelled, rows, missing))
    return found


def _said_column(goal: str, columns: list[str]) -> str | None:
    from agents.references import goal_words, same_word

    words = goal_words(goal, keep=True)
    said = [c for c in columns if c.lower() in goal.lower() or any(same_word(w, c) for w in words)]
    return said[0] if len(said) == 1 else None


def _own_words_said(text: str, rows: str, labelled: str) -> bool:
    """Whether the goal says a word of `rows`' name that the history table's name lacks
    ('next week', 'new', 'reports', 'week-9'): those rows, not the history, are spoken of.
    """
    from agents.references import same_word

    def split(path: str) -> list[str]:
        return [w for t in _tokens(path) for w in re.findall(r"[a-z]+|\d+", t)]

    theirs = split(labelled)
    own = [t for t in split(rows) if not any(same_word(t, o) for o in theirs)]
    words = re.findall(r"[a-z]+|\d+", text.lower())
    return any(same_word(w, t) or w == t for t in own for w in words)


def train_then_predict(p: Planning, goal: str, files: list[str]) -> bool:
    """An outcome asked of rows without it, with a model learnt from history ('how many of
    next week's parcels will be late? base it on our history'): a training on the table that
    has the outcome column, then a prediction over its sibling that lacks it. The pair is two
    workspace tables with the same columns but the label, named or described by the goal; the
    rules' plan gives way only when it did not already do this (a look-up, a question, no plan,
    or a training/labeling on one of the two). Returns whether it planned.
    """
    from agents.references import base_table, description_score

    plain = FILE_RE.sub(" ", goal)
    if not rx.search(OUTCOME, plain, re.I):
        return False
    if any(
        s.tool in ("predict", "evaluate_model") and "${" not in str(s.args.get("model") or "${")
        for s in p.steps
    ):
        return False  # the prediction uses a model the request named: nothing to learn first
    named = list(dict.fromkeys(FILE_RE.findall(goal)))
    inputs = [f for f in named if f in files and f not in role_files(goal, named)[2]]
    if not rx.search(LEARN, plain, re.I) and not (
        # 'which of the patients in new.csv are likely to …': the rows named lack the outcome
        # their labelled sibling has, so the model is learnt from it without being asked
        rx.search(OUTCOME_QUESTION, plain, re.I)
        and len(inputs) == 1
        and any(rows == inputs[0] for _, rows, _ in _pairs(files))
    ):
        return False
    outputs = [f for f in named if f not in inputs]

    def score(path: str) -> int:
        return 10 if path in inputs else description_score(goal, path)

    ranked = []
    for labelled, rows, missing in _pairs(files):
        if any(f not in (labelled, rows) for f in inputs):
            continue
        a, b = score(labelled), score(rows)
        if rows not in inputs and not _own_words_said(plain, rows, labelled):
            continue  # 'a model predicting x from a.csv': the rows to score are not spoken of
        stem = labelled.rsplit(".", 1)[0]
        # the rows' own name grows the history's ('visits.csv' → 'visits_2026.csv')
        base = base_table(rows, files) == labelled or rows.startswith((f"{stem}_", f"{stem}-"))
        if b > 0 and (a > 0 or base):
            # a tie between labelled siblings goes to the base table (not its _val cut)
            ranked.append((a + b + (0.5 if base else 0), labelled, rows, missing))
    ranked.sort(key=lambda r: -r[0])
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return False
    _, labelled, rows, missing = ranked[0]
    steps = [s for s in p.steps if s.tool not in READ_ONLY]
    tools = [s.tool for s in steps]
    if tools == ["train_model", "predict"] and [s.args.get("dataset") for s in steps] == [
        labelled,
        rows,
    ]:
        p.hard = True  # the rules' plan is the pair's: no router second-guess
        return False
    for step in steps:
        data = step.args.get("dataset") or step.args.get("data_path")
        if step.tool not in YIELDS and data not in outputs:
            return False
        if data not in (None, labelled, rows, *outputs):
            return False
    train: dict[str, object] = {"dataset": labelled}
    label = missing[0] if len(missing) == 1 else _said_column(goal, missing)
    if label:
        train["label_column"] = label
    args: dict[str, object] = {"model": "${steps.0.model_path}", "dataset": rows}
    if outputs:
        args["output"] = outputs[-1]
    p.steps[:] = [
        PlanStep(tool="train_model", args=train, why=goal),
        PlanStep(tool="predict", args=args, why=goal),
    ]
    p.question = p.answer = None
    p.hard = True
    p.notes.append(
        f"a model learnt from {labelled} (it has {label or 'the outcome'}), run on {rows}"
    )
    return True


# A table said to be the validation set ('use v.csv as the validation set for early stopping',
# 'validation split: v.csv'): rows watched during training, not a second training nor a test.
_VAL = r"(?:validation|early[- ]stopping|dev)\s+(?:set|split|data|file|table|rows)"


# 'validation must be on the separate file v.csv', 'validate against v.csv during training'
_VAL_ON = (
    r"\bvalidation\s+(?:must|should|has to|needs to|will|is to)?\s*(?:be\s+)?(?:done\s+)?"
    r"(?:on|against|with|using)\s+(?:the\s+|a\s+)?(?:separate\s+|own\s+|other\s+)?"
    r"(?:file|table|set)?\s*"
)


def _validation_file(goal: str) -> str | None:
    found = []
    for name in dict.fromkeys(FILE_RE.findall(goal)):
        escaped = re.escape(name)
        if rx.search(
            escaped + r"\s+(?:as|for)\s+(?:the\s+|a\s+|our\s+)?" + _VAL, goal, re.I
        ) or rx.search(_VAL + r"\s*(?:is|:|=|of)?\s*" + escaped, goal, re.I):
            found.append(name)
        elif rx.search(_VAL_ON + escaped, goal, re.I):
            found.append(name)
    return found[0] if len(found) == 1 else None


def shape_validation(p: Planning, goal: str) -> None:
    """A table said to be the validation set goes to the training's validation_dataset: one
    training on the other table, not a training on each (and not its test set).
    """
    val = _validation_file(goal)
    if val is None or any("${steps." in str(s.args) for s in p.steps):
        return
    trainers = [s for s in p.steps if s.tool == "train_model"]
    main = [s for s in trainers if s.args.get("dataset") != val]
    if len(main) != 1 or len(trainers) - len(main) > 1:
        return
    trainer = main[0]
    for extra in trainers:
        if extra is not trainer:
            for key, value in extra.args.items():
                if key not in ("dataset", "test_dataset"):
                    trainer.args.setdefault(key, value)
            p.steps.remove(extra)
    trainer.args["validation_dataset"] = val
    if trainer.args.get("test_dataset") == val:
        trainer.args.pop("test_dataset")
    p.notes.append(f"{val} is the validation set of the training on {trainer.args.get('dataset')}")


# A file given the test role in plain words: 'X as the honest check', 'X is our exam', 'keep
# X as the final benchmark', 'measure the best attempt once on X', 'how good it is on X'.
_EXAM = (
    r"(?:check|exam|examination|test|test set|testset|benchmark|yardstick|scorecard|"
    r"final score|judge|referee|reality check|proof)"
)
_EXAM_AFTER = (
    r"(?:\s+(?:held[- ]out|kept (?:aside|back)|set aside|reserved))?"
    r"\s+(?:as|is|for|will be|serves as)\s+(?:the|a|an|our|my|your)?\s*(?:[\w-]+\s+){0,2}?"
    + _EXAM
    + r"\b"
)
_EXAM_BEFORE = (
    r"\b(?:measure|score|grade|judge|check|test|evaluate|report)\w*\s+(?:the\s+|it\s+|how\s+"
    r"(?:good|well)\s+(?:it|the model)\s+(?:is|does)\s+)?(?:(?:best|final|winning|chosen|last)\s+"
    r"(?:attempt|model|run|one|try|tries)s?\s+)?(?:only\s+)?(?:once\s+)?(?:on|against|with)\s+(?:the\s+)?"
)


# 'report the final figures on b.csv': the figures of the run asked on a file
_FIGURES_ON = (
    r"\b(?:report|give|show|tell)\w*\s+(?:me\s+|us\s+)?(?:the\s+|its\s+)?(?:final\s+|test\s+)?"
    r"(?:numbers|figures|metrics|scores|results|performance)\s+(?:on|against|with)\s+(?:the\s+)?"
)


# 'report b.csv measured once on the best attempt': a file measured once is the test set
_MEASURED_ONCE = (
    r"\s+(?:measured|scored|tested|checked|evaluated|graded)\s+(?:only\s+)?(?:once|exactly once|"
    r"(?:on|with)\s+the\s+(?:best|final|winning|chosen)\s+(?:attempt|model|run))\b"
)


TEST_SET_WORDS = (
    r"(?:eval(?:uation)?|test(?:ing)?|hold[- ]?out|held[- ]out|oot|out[- ]of[- ]time)"
    r"(?:\s*(?:set|file|data|split|table|rows))?"
)
"""What a file named as the rows a model is measured on is called ('the eval set', 'holdout')."""


def named_as_test_set(clause: str, name: str) -> bool:
    """'the eval set is b.csv', 'b.csv is my test set', 'use b.csv as the holdout': the file is
    named as the rows a model is measured on, with no verb of testing.
    """
    base = re.escape(name.rsplit("/", 1)[-1])
    if not base or len(base) > 600:
        return False
    owner = r"(?:the\s+|my\s+|our\s+|a\s+|your\s+)?"
    return bool(
        rx.search(
            rf"\b{owner}{TEST_SET_WORDS}\s*(?:is|=|:|will be|should be|would be|goes?)\s*"
            rf"(?:in\s+|at\s+)?(?:\./)?{base}\b",
            clause,
            re.I,
        )
        or rx.search(
            rf"\b{base}\s+(?:is|as|=|will be|should be|would be)\s+{owner}"
            rf"{TEST_SET_WORDS}\b(?!\s+(?:accuracy|score|metric|f1|auc))",
            clause,
            re.I,
        )
    )


def _test_file(goal: str, trained_on: str) -> str | None:
    found = []
    for name in dict.fromkeys(FILE_RE.findall(goal)):
        escaped = re.escape(name)
        if name == trained_on or rx.search(escaped + r"\s+(?:as|for)\s+(?:the\s+)?" + _VAL, goal):
            continue
        if (
            named_as_test_set(goal, name)
            or rx.search(escaped + _EXAM_AFTER, goal, re.I)
            or rx.search(_EXAM_BEFORE + escaped, goal, re.I)
            or rx.search(_FIGURES_ON + escaped, goal, re.I)
            or rx.search(escaped + _MEASURED_ONCE, goal, re.I)
        ):
            found.append(name)
    if not found:
        # 'use the holdout file as the exam': the one workspace table with that word in its name
        from agents.grounding import workspace_match

        said = rx.search(
            r"\bthe\s+([a-z][\w-]*)\s+(?:file|table|set|rows|data)" + _EXAM_AFTER, goal, re.I
        )
        matches = workspace_match(said.group(1)) if said and len(said.group(1)) > 3 else []
        found = [m for m in matches if m != trained_on]
    return found[0] if len(found) == 1 else None


def shape_test_file(p: Planning, goal: str) -> None:
    """A table said to be the check of one training ('use X as the honest check', 'measure the
    best attempt once on X') is its test_dataset: not rows to predict, not a second training.
    """
    trainers = [s for s in p.steps if s.tool == "train_model"]
    if not trainers or any(s.tool == "evaluate_model" for s in p.steps):
        return
    main = [s for s in trainers if not str(s.args.get("dataset", "")).startswith("${")]
    test = _test_file(goal, str(main[0].args.get("dataset"))) if main else None
    if test is None:
        return
    keep = [s for s in main if s.args.get("dataset") != test]
    if len(keep) != 1:
        return
    trainer = keep[0]
    drop = [
        s
        for s in p.steps
        if s is not trainer
        and s.args.get("dataset") == test
        and (s.tool == "train_model" or (s.tool == "predict" and not s.args.get("output")))
    ]
    rest = [s for s in p.steps if s not in drop]
    if any("${steps." in str(s.args) for s in rest):
        return  # a step reads another's outputs: its references would shift
    p.steps[:] = rest
    trainer.args["test_dataset"] = test


PREDICTIONS_SAID = (
    r"\b(predict\w*|forecast\w*|scor(?:e|es|ing)\b|classif\w*|inference|probabilit\w+|output|"
    r"save|write|into|export|send|list|which|who|flag|mark|each|every)\b"
)
"""Words that ask for the predictions themselves (a file of them, the rows flagged, listed,
each one's score): the one list by which a use of the thread's model is a prediction
(`model_use`). 'file' alone is not one ('try it on the march file' names the table)."""
MEASURE_SAID = (
    r"\b(evaluat\w*|test(?:ed|ing)?|check\w*|measur\w*|benchmark\w*|accuracy|auc|f1|metrics?|"
    r"how (?:well|good)|hold[s]? up|validat\w*|compar\w*|against)\b"
)
"""Words that ask how well the model does on the rows."""


def model_use(tool: str, labeled: bool, said: str) -> str:
    """Which use of the thread's model a one-step plan on a table is, `evaluate_model` or
    `predict`, decided once for every planner path (`fit_model_use`, `heldout.bind_thread_check`).

    `tool` is the step planned (a look at the table, `inspect_dataset` or `preview_rows`, is a
    use said with no word for which), `labeled` whether the table holds the model's label column,
    `said` the words read for the use. A table with the label is measured, unless a prediction
    was planned and the predictions themselves are asked for (`PREDICTIONS_SAID`); a table
    without it is predicted (there is nothing to check against), unless an evaluation was planned
    and measuring is said without asking for predictions (its error then names the column).
    """
    rows = bool(rx.search(PREDICTIONS_SAID, said, re.I))
    if labeled:
        return "predict" if tool == "predict" and rows else "evaluate_model"
    if tool == "evaluate_model" and not rows and rx.search(MEASURE_SAID, said, re.I):
        return "evaluate_model"
    return "predict"


def model_label(memory: dict[str, Any], model: object) -> str | None:
    """The label column the thread's model `model` learned, when the thread knows: its entry in
    the thread's models, else (when it is the thread's current model) its latest training's, or
    the last call's when that was the training. One reading for every planner path.
    """
    for entry in reversed([m for m in memory.get("models") or [] if isinstance(m, dict)]):
        if entry.get("path") == model and entry.get("label_column"):
            return str(entry["label_column"])
    if memory.get("model") != model:
        return None
    for call in reversed([c for c in memory.get("trainings") or [] if isinstance(c, dict)]):
        label = (call.get("args") or {}).get("label_column")
        if isinstance(label, str) and label:
            return label
    call = memory.get("last_call")
    if isinstance(call, dict) and call.get("tool") == "train_model":
        label = (call.get("args") or {}).get("label_column")
        if isinstance(label, str) and label:
            return label
    return None


def fit_model_use(steps: list[PlanStep], goal: str, memory: dict[str, Any]) -> None:
    """The thread's model used on a table, said with no word for which use ('try it on the test
    customers', 'and the new ones' after an evaluation): an evaluation when the table holds the
    model's label column, else predictions. An evaluation planned on a table without that
    column (which could only fail) becomes predictions, unless separate labels are given.
    """
    if len(steps) != 1 or steps[0].tool not in ("predict", "evaluate_model"):
        return
    step = steps[0]
    model, data = step.args.get("model"), step.args.get("dataset")
    if not isinstance(model, str) or model != memory.get("model") or not isinstance(data, str):
        return
    if step.args.get("labels") or step.args.get("output") or "$" in data:
        return
    label = model_label(memory, model)
    if label is None:
        return
    from tools.profile import profile_table

    try:
        profile = profile_table(data)
    except ForgeflowError:  # a refused name: leave the plan as it is
        return
    if profile is None:
        return
    use = model_use(step.tool, label in profile["names"], goal)
    if use != step.tool:
        steps[0] = PlanStep(tool=use, args={"model": model, "dataset": data}, why=goal)
