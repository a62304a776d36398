"""The built-in planner: turns a plain-language goal (and the thread's memory) into tool steps."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from agents import patterns as rx
from agents.arguments import (
    BUILDERS,
    CORRECTION_RE,
    NUM,
    OTHER_FILE_RE,
    TEST_MEASURED_RE,
    TRAIN_METRICS,
    WRONG_LABEL_RE,
    _number,
    bind_run_folders,
    documents_meant,
    figure_said,
    holds_rules,
    id_by_a_part,
    labeling_dir,
    loop_options,
    model_kind,
    model_ref,
    named_file,
    role_files,
    stated_lfs,
    tool_floor,
    tool_limit,
)
from agents.comparison import note_other_kinds, shape_measurement
from agents.hand_labels import table_profile
from agents.heldout import USE_VERB
from agents.plan import Plan, Planning, PlanStep, call_again
from agents.prediction import (
    MEASURE_SAID,
    fit_model_use,
    named_as_test_set,
    shape_prediction,
    shape_test_file,
    shape_validation,
    train_then_predict,
)
from agents.references import OUTPUT_FOLDERS
from agents.slots import (
    FILE_RE,
    GOLD_RE,
    Slots,
    extract_slots,
    extract_targets,
    regression_target,
    split_clauses,
)
from errors import ForgeflowError, check_value
from store.workspace import is_workspace_file
from tools.registry import CAPABILITIES

# --- intents ---------------------------------------------------------------------------------


MODEL_TO_PREDICT = (
    r"\b(?:make|build|create|develop|get|set up|put together)\s+(?:me\s+|us\s+)?(?:an?|some)\s+"
    r"(?:\w+\s+)?(?:model|classifier|predictor)\s+(?:to|that|which|for|so it can)\s+"
    r"(?:can\s+|could\s+|will\s+)?(?:predict|tell|guess|forecast|flag|spot)"
)
"""A model asked for by what it should predict: a model to make, not one to use."""


def _has(text: str, pattern: str) -> bool:
    return rx.search(pattern, text, re.I) is not None


def clause_tools(clause: str) -> list[str]:
    """The tools one clause asks for, in order (empty when nothing matched)."""
    t = clause.lower()
    if _has(t, r"\b(trending|popular|hottest|hot datasets|most (?:downloaded|voted))\b"):
        from agents.intent import PICKS_ONE_RE

        if not _has(t, PICKS_ONE_RE):
            return ["trending_datasets"]
    if _has(t, r"\b(suggest|autocomplete|auto-complete|complete the name)\b"):
        return ["suggest_datasets"]
    if _has(t, r"\b(leaderboard|best models?|top models?|which models?|rank(?:ed|ing)? models?)\b"):
        return ["model_leaderboard"]
    if _has(
        t, r"\b(q&a|qa|question[- ]answer(?:ing)?|questions? per chunk|instruction dataset)\b"
    ) and _has(t, r"\b(build|generate|create|make|produce|write)\b"):
        from agents.intent import CHUNK_SPLIT

        tools = ["chunk_documents", "generate_qa"]
        said = rx.sub(CHUNK_SPLIT, " ", t)  # 'split it by the headings' is the chunking
        if _has(said, r"\b(export|jsonl|parquet|csv|splits?|download)\b"):
            tools.append("export_dataset")
        return tools
    if _has(t, r"\b(score|judge|rate)\b") and _has(t, r"\b(qa|questions?|entries|pairs)\b"):
        return ["score_qa"]
    per_chunk = rx.sub(r"\b(?:per|each|every|for each|a)\s+chunk\b", " ", t)
    if (
        per_chunk != t
        and not _has(per_chunk, r"\bchunk")
        and _has(t, r"\b(q&a|qa|questions?|pairs?|question[- ]answer\w*)\b")
    ):
        return ["generate_qa"]  # 'qa, 3 per chunk': a count of pairs per chunk, no chunking
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
        r"|(?<!hand )(?<!gold )(?<!the )\blabel(?:l?ing|l?ed)?\b(?!\s+columns?)"
        # 'schema + label dist?': how the labels are spread is a look at the data
        r"(?!\s+(?:dist\w*|counts?|balance|breakdown|frequenc\w*|spread))",
    ) and not _has(t, r"\b(train|fit)\b"):
        return ["label_dataset"]
    if _has(t, r"\b(train|fit)\b"):
        tools = ["train_model"]
        if _has(t, r"\b(evaluate|evaluation|how good)\b"):
            tools.append("evaluate_model")
        return tools
    if _has(t, r"\b(evaluate|evaluation|how good|assess|test (?:it|the model))\b"):
        return ["evaluate_model"]
    if _has(t, MODEL_TO_PREDICT):
        return ["train_model"]  # 'make a model to predict if a visitor comes back'
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


# An outcome asked of rows, with a model on the thread ('which of the 2025 customers are most at
# risk?', 'who in new.csv is likely to leave?'): that model run over them.
OUTCOME_ASKED = (
    r"\b(?:who|which|what)\b[^.?!]{0,60}\b(?:likely|probabl[ey]|at risk|risk of|going to|"
    r"expected to|chances? (?:of|to|that))\b|\b(?:most|least) (?:at risk|likely)\b|\briskiest\b"
)


def plan_goal(goal: str, memory: dict[str, Any] | None = None) -> Plan:
    """Plan a goal (`_plan_goal`), its counts bounded by the tools' schemas with a note."""
    plan = _plan_goal(goal, memory)
    _capped_counts(plan)
    _length_filter_said(plan, goal)
    return plan


def _plan_goal(goal: str, memory: dict[str, Any] | None = None) -> Plan:
    """Plan a goal: thread questions and 'make it better' first, then clauses → tools → arguments.

    Tools come from cue rules that read the person's wording and the data it names
    (agents/intent.py), then the keyword rules (`clause_tools`), then the nearest known
    phrasing; arguments from `BUILDERS`, then bound to the real columns of the named tables
    (agents/grounding.py). Nothing understood: the two or three closest things it can do.
    """
    from agents import memory as thread
    from agents.intent import fix_typos

    memory = memory or {}
    check_value(goal, "goal")  # a lone surrogate names no file and reaches no note: a 400
    goal, cut = bounded(goal)
    outside = path_outside_workspace(goal)
    if outside:
        return Plan(answer=outside_answer(outside))
    if rx.search(DELETE_FILES_RE, goal) and not rx.search(NOT_FILES_RE, goal):
        return Plan(answer=DELETE_ANSWER)  # 'delete everything in the workspace': no tool does
    # The router reads the goal as typed but with its cue-word typos fixed ('trian a genertor'
    # is 'train a generator' to it as to the rules); file names are not yet written in.
    goal = original = fix_typos(goal, _file_words())
    # ... and its misspelt metric names ('whats the acurracy?', two edits in a long name)
    from agents.slots import respelt_metrics

    goal = original = respelt_metrics(goal, _file_words())
    goal, renamed, unsure = _existing_files(goal)
    goal = _spreadsheet_as_csv(goal, renamed)
    goal = _other_file_named(goal, memory, renamed)
    if unsure:
        name, near = next(iter(unsure.items()))
        return Plan(question=f"There is no file named {name}. Did you mean {' or '.join(near)}?")
    goal = _made_file_named(goal, memory, renamed)
    from agents.references import DESCRIBED_TEST_AFTER_RE, DESCRIBED_TEST_RE

    if DESCRIBED_TEST_RE.search(goal) or DESCRIBED_TEST_AFTER_RE.search(goal):
        from agents.grounding import workspace_files
        from agents.references import with_described_test_file

        goal, described = with_described_test_file(goal, workspace_files())
        renamed.extend(described)
    from agents.heldout import with_described_heldout

    data = memory.get("dataset") if memory.get("model") else None
    labeled = memory.get("labeled")
    if data is None and isinstance(labeled, str) and not FILE_RE.search(goal):
        # 'then a classifier from that and test it on the test messages' after a labeling: the
        # model will learn from the labeled table (its source's columns describe the test file)
        data = (memory.get("labeled_sources") or {}).get(labeled) or memory.get("dataset")
    goal, described = with_described_heldout(
        goal, None, data if isinstance(data, str) else None, _asks_thread_outcome(goal, memory)
    )
    renamed.extend(described)
    files = FILE_RE.findall(goal)
    asked = thread.asked_metric(goal)
    for follow_up in FOLLOW_UPS:
        answered = follow_up(goal, files, memory)
        if answered is not None:
            fit_model_use(answered.steps, goal, memory)
            return answered
    from agents.references import gold_named

    goal = _described_rules(goal, renamed)
    files = FILE_RE.findall(goal)
    gold_file = gold_named(goal)
    written = role_files(goal, files)[2] + _derived_names(files)
    # a rules file is no table to read ('run the rules in x.json over the tickets'): the
    # tickets are described
    if not [f for f in files if f not in written and f != gold_file and not holds_rules(f)]:
        from agents.grounding import workspace_files
        from agents.references import described_input

        held = any(memory.get(k) for k in HELD_KEYS)
        if memory.get("model") and (MODEL_ON_RE.search(goal) or _asks_thread_outcome(goal, memory)):
            held = False  # 'run it on the March postings': 'it' is the model, the data is described
        if (memory.get("labeled") and rx.search(THREAD_LABELED_RE, goal)) or rx.search(
            PUBLIC_DATA_RE, goal
        ):
            # 'the labeled tickets': the thread's labeled table; 'a public dataset of support
            # tickets': one to find, not the person's tickets file
            described, several = [], []
        else:
            goal, described, several = described_input(
                goal, workspace_files(), held, _thread_tables(memory)
            )
        renamed.extend(described)
        if len(set(FILE_RE.findall(goal))) > 1:
            gold_file = gold_named(goal)
        elif held:
            gold_file = gold_file or gold_named(goal)  # the thread's data, these hand labels
        else:
            gold_file = None  # the one file said is the data ('from the hand labels in x.csv')
    else:
        several = []
        from agents.grounding import workspace_files
        from agents.references import documents_beside_named

        goal, described = documents_beside_named(goal, workspace_files())
        renamed.extend(described)
    again = _labeling_again_with(goal, memory)
    if again is not None:
        again.notes[:0] = renamed
        return again
    said_as = _hand_labels_for_thread(goal, memory, gold_file)
    if said_as is not None:
        # 'do the X thing on those? Priya's file has some done already': the thread's table's
        # X column labeled from those hand labels, said the way the labeling rules read it
        original = goal = said_as
    read = Goal(original, goal, memory, tuple(renamed), gold_file, asked)
    from agents.clause_check import second_reading

    plan = second_reading(read, _plan_clauses(read))  # a clause no step covers: its tool added
    _merge_comparison(plan)
    timed = bool(several) and _timed(goal, several)
    used = [f for f in several if f in _thread_tables(memory)]
    if several and _lacks_data(plan) and not timed and len(used) == 1:
        # 'save the predictions for all jobs' on a thread about bike_jobs.csv, with
        # bike_jobs.parquet and ferry_predictions.csv described as well: the conversation tells
        # them apart, so the file it used is meant, not a question
        from agents.references import mark_file

        renamed.append(f"the data you described → {used[0]} (the one this conversation used)")
        read = Goal(original, mark_file(goal, used[0]), memory, tuple(renamed), gold_file, asked)
        plan = second_reading(read, _plan_clauses(read))
        _merge_comparison(plan)
        several = []
    if several and (_lacks_data(plan) or timed):
        # several files fit; a time said of them ('the older one' of three) is not left to
        # whichever file the steps found first (the question shows when each was written)
        return Plan(question=which_file(several, dated=timed), notes=plan.notes)
    if cut:
        plan.notes.append(cut)
    _capped_attempts(plan, original)
    _impossible_share(plan, original)
    _qa_file_asked(plan, original)
    _impossible_target(plan, original)
    fit_model_use(plan.steps, goal, memory)
    return plan


def _capped_attempts(plan: Plan, goal: str) -> None:
    """'max 99999999 attempts': a loop bounded at its schema's most says so in a note, rather
    than running fewer attempts than asked without a word.
    """
    from agents.arguments import asked_attempts

    asked = asked_attempts(goal)
    for step in plan.steps:
        limit = tool_limit(step.tool, "max_attempts")
        if (
            asked is not None
            and limit is not None
            and asked > limit == step.args.get("max_attempts")
        ):
            plan.notes.append(
                f"{step.tool} runs at most {limit} attempts: {asked:,} asked, {limit} planned"
            )


THE_OTHER_FILE_RE = re.compile(
    r"\bthe\s+other\s+(?:file|table|csv|dataset|data\s*set|sheet)\b", re.I
)
"""'the other file': one table beside the thread's ('a different file' is any: asked)."""


def _other_file_named(goal: str, memory: dict[str, Any], notes: list[str]) -> str:
    """'and for the other file?' after a look at gym_churn_train.csv, with gym_churn_test.csv
    its one sibling: that file, named in the goal (a note says so); several or none: as said
    (the step asks which).
    """
    from agents.grounding import workspace_files
    from agents.references import sibling_tables

    said = rx.search(THE_OTHER_FILE_RE, goal)
    data = memory.get("dataset")
    if said is None or FILE_RE.search(goal) or not isinstance(data, str):
        return goal
    siblings = sibling_tables(data, workspace_files())
    if len(siblings) > 1:
        # 'the other file? the new one': the sibling whose name has the word said
        said_words = set(rx.findall(r"[a-z0-9]+", goal.lower()))
        own = set(rx.findall(r"[a-z0-9]+", data.lower()))
        extra = {f: set(rx.findall(r"[a-z0-9]+", f.lower())) - own for f in siblings}
        siblings = [f for f in siblings if extra[f] & said_words]
        if len(siblings) > 1:  # 'the new one' of lease_new and lease_new_copy: the plainer
            fewest = min(len(extra[f]) for f in siblings)
            siblings = [f for f in siblings if len(extra[f]) == fewest]
    if len(siblings) != 1:
        return goal
    notes.append(f"the other file → {siblings[0]} (beside {data})")
    return goal[: said.start()] + f" {siblings[0]} " + goal[said.end() :]


SPREADSHEET_NAME_RE = re.compile(
    r"(?<![\w./-])([\w][\w./-]{0,200}?)\.(xlsx|xls|xlsm|ods|pdf|docx?|xml|html?|txt)\b", re.I
)
"""A spreadsheet file named ('export it as helpdesk_labeled.xlsx'): no format written here."""


SPREADSHEET_WRITE_RE = re.compile(rf"\b(?:{rx.WRITE_VERB})\w*\b", re.I)
"""Verbs of writing a file: a spreadsheet named after one is a file to write."""
SPREADSHEET_ASKED_RE = re.compile(
    r"\b(?:as|to|into)\s+(?:an?\s+)?(?:excel|xlsx|xls|spreadsheet)\b(?!\s+(?:friendly|ready))|"
    r"\b(?:excel|xlsx|xls)\s+(?:file|format|sheet|version|copy|workbook)\b",
    re.I,
)
"""'save it as an excel file', 'export to xlsx': a spreadsheet format asked to write."""


def _spreadsheet_as_csv(goal: str, notes: list[str]) -> str:
    """'export it as x.xlsx': forgeflow writes csv, tsv, parquet and jsonl; a spreadsheet
    named to write is written as x.csv (which a spreadsheet opens), and the plan says so. A
    spreadsheet that is there is left as named (its reading says what it takes).
    """
    from store.workspace import is_workspace_file

    def to_csv(found: re.Match[str]) -> str:
        name = found.group(0)
        before = goal[max(0, found.start() - 120) : found.start()]
        sentence = rx.split(r"[.;!?]\s", before)[-1]
        if is_workspace_file(name) or not (
            rx.search(r"\b(?:as|to|into|called|named)\s+(?:a\s+file\s+)?$", sentence, re.I)
            and rx.search(SPREADSHEET_WRITE_RE, sentence)
        ):
            return name  # a spreadsheet read or told of ('inspect sales.xlsx'): as named
        sheet = found.group(2).lower() in ("xlsx", "xls", "xlsm", "ods")
        written = f"{found.group(1)}.csv"
        if is_workspace_file(written):  # 'save x.csv as x.pdf': not over x.csv itself
            written = f"{found.group(1)}_copy.csv"
        notes.append(
            f"{name} → {written}: files are written as csv, tsv, parquet or jsonl"
            + (" (a spreadsheet opens csv)" if sheet else "")
        )
        return written

    before = len(notes)
    goal = SPREADSHEET_NAME_RE.sub(to_csv, goal)
    if (
        len(notes) == before
        and rx.search(SPREADSHEET_ASKED_RE, goal)
        # a format said ('as csv so I can open it in excel'): that one, file names aside
        and not rx.search(r"\b(?:csv|tsv|parquet|jsonl)\b", FILE_RE.sub(" ", goal), re.I)
    ):
        notes.append("a spreadsheet file is not written here: csv instead (a spreadsheet opens it)")
    return goal


IMPOSSIBLE_SHARE_RE = re.compile(
    r"(?<![\d.])(\d{3,9}(?:\.\d+)?)\s*(?:%|percent\b)\s*(?:for\s+)?"
    r"(?:test|validation|val|holdout|hold-out|eval\w*)\s*(?:split|share|set|part|size)?\b",
    re.I,
)
"""'a 250% test split': a share of the rows no split can be."""


IMPOSSIBLE_SCORE_RE = re.compile(
    r"\b(auc|f1|accuracy|precision|recall)\s*(?:score\s*)?(?:>=|>|=|≥|of|at\s+least|above|over)\s*"
    r"(\d+(?:\.\d+)?)(?!\s*(?:%|percent|\.\d))",
    re.I,
)
"""'F1 >= 7': a target no score can be (they run 0 to 1, or 0-100%)."""


def _impossible_target(plan: Plan, goal: str) -> None:
    """'with F1 >= 7': said as not set, rather than read as 7% or dropped without a word."""
    said = IMPOSSIBLE_SCORE_RE.search(goal[: rx.MAX_TEXT])
    if said is None or not 1 < float(said.group(2)) < 50:
        return
    if any("target_value" not in s.args for s in plan.steps if s.tool == "train_model"):
        plan.notes.append(
            f"{said.group(0).strip()}: {said.group(1)} runs from 0 to 1 (or 0-100%), so no "
            "target was set; say e.g. 0.7 or 70%"
        )


LENGTH_FILTER_RE = re.compile(
    r"\b(?:drop|remove|skip|filter\s+out|exclude|throw\s+out|get\s+rid\s+of)\b[^.;?]{0,40}?"
    r"\b(?:shorter|longer|fewer|more|less)\s+than\s+\d+\s+(?:words?|characters?|chars?|tokens?)\b",
    re.I,
)
"""'drop the ones where the answer is shorter than 5 words': a length filter, which no tool has."""


def _length_filter_said(plan: Plan, goal: str) -> None:
    """A filter on an entry's length: said as not done (no tool filters by length), with what
    does filter QA pairs (their quality).
    """
    said = LENGTH_FILTER_RE.search(goal[: rx.MAX_TEXT])
    if said and any(s.tool in ("generate_qa", "export_dataset", "score_qa") for s in plan.steps):
        plan.notes.append(
            f"'{said.group(0)}': no filter by length here; pairs are kept by quality (a pass "
            "mark, or min_quality on export)"
        )


def _qa_file_asked(plan: Plan, goal: str) -> None:
    """'generate QA pairs from x.md and save them as qa.jsonl': the pairs exported to that file
    (an export step after the generation when none was planned; the name kept as given).
    """
    from agents.arguments import export_file_options, export_options, role_files

    gen = next((i for i, s in enumerate(plan.steps) if s.tool == "generate_qa"), None)
    if gen is None or any(s.tool == "export_dataset" for s in plan.steps):
        return
    written = [
        f
        for f in role_files(goal, FILE_RE.findall(goal))[2]
        if rx.search(r"\.(?:jsonl|csv|parquet)$", f, re.I) and not is_workspace_file(f)
    ]
    if len(written) != 1:
        return
    args: dict[str, Any] = {"dataset_id": f"${{steps.{gen}.dataset_id}}", "format": "jsonl"}
    args.update(export_options(goal))
    args.update(export_file_options(goal, written, "jsonl"))
    plan.steps.append(PlanStep(tool="export_dataset", args=args, why=goal))
    plan.notes.append(f"the pairs written to {written[0]}, as asked")


def _impossible_share(plan: Plan, goal: str) -> None:
    """'a 250% test split': said as not done, rather than the usual split without a word."""
    said = IMPOSSIBLE_SHARE_RE.search(goal[: rx.MAX_TEXT])
    if said is None or float(said.group(1)) < 100:
        return
    if any(s.tool in ("train_model", "split_table", "export_dataset") for s in plan.steps):
        plan.notes.append(
            f"{said.group(0).strip()}: no share of the rows can be {said.group(1)}%; the usual "
            "split is used (say a share under 100%, e.g. 20%)"
        )


def _capped_counts(plan: Plan) -> None:
    """'make it 40' on a count whose schema allows 20: the plan takes the most, and says so,
    rather than failing its step on the schema's bound.
    """
    for step in plan.steps:
        for name, value in list(step.args.items()):
            if not isinstance(value, int) or isinstance(value, bool):
                continue
            limit = tool_limit(step.tool, name)
            if limit is not None and value > limit:
                step.args[name] = limit
                plan.notes.append(f"{step.tool} takes at most {limit} {name}: {value:,} asked")
            floor = tool_floor(step.tool, name)
            if floor is not None and value < floor:
                del step.args[name]  # 'top 0 features': nothing to list, the tool's default
                plan.notes.append(f"{step.tool} takes at least {floor} {name}: {value} asked")


def _thread_tables(memory: dict[str, Any]) -> tuple[str, ...]:
    """The tables the thread's turns read (its data, its trainings' and labelings' inputs) and
    those the person named in the thread's last requests (a step that failed on one leaves
    none of the rest).
    """
    from agents.thread_state import SAID_KEY

    tables = [memory.get("dataset")]
    for model in (memory.get("models") or [])[-8:]:
        tables.append(model.get("dataset") if isinstance(model, dict) else None)
    sources = memory.get("labeled_sources")
    if isinstance(sources, dict):
        tables.extend(list(sources.values())[-8:])
    said = memory.get(SAID_KEY)
    for words in said[-3:] if isinstance(said, list) else []:
        if isinstance(words, str):
            tables.extend(FILE_RE.findall(words[:300]))
    # (a malformed memory's list or dict is no name, and no key of dict.fromkeys either)
    names = [t for t in tables if isinstance(t, str) and FILE_RE.fullmatch(t)]
    return tuple(dict.fromkeys(names))


RULES_SAID_RE = re.compile(
    r"\b(?:the|our|my|their|his|her|your|this|that)\s+((?:[a-z][\w-]*\s+){1,3}?)"
    r"(?:rules?|lfs|labell?ing functions|rule set|ruleset)(?:\s+file)?\b",
    re.I,
)
"""Rules spoken of by what they are for ('our callout rules file', 'the chat rules')."""


def _described_rules(goal: str, notes: list[str]) -> str:
    """'vote x.csv with the triage rules' where no .json is named: the one workspace file
    holding labeling functions whose name shares a word of the description
    (rules/triage_rules.json) is written in, and the reading noted. A description two rules
    files share, or none does, is left as said.
    """
    from agents.arguments import holds_rules
    from agents.grounding import workspace_files

    named = FILE_RE.findall(goal)
    if any(f.lower().endswith(".json") for f in named):
        return goal
    present = set(workspace_files())
    if not any(f in present for f in named):
        # the data only described too ('run our x rules file over the hive visits'): the
        # arguments' own reading binds the rules (`arguments.rules_meant`) without a .json
        # written into a goal that has no table yet to read it against
        return goal
    said = RULES_SAID_RE.search(goal)
    if said is None:
        return goal
    words = [w[:5] for w in re.findall(r"[a-z]{3,}", said.group(1).lower())]
    words = [w for w in words if w not in ("the", "these", "those", "some", "new", "old", "same")]
    if not words:
        return goal
    files = [f for f in workspace_files() if f.lower().endswith(".json")]
    fits = [
        f
        for f in files
        if any(w in part for w in words for part in re.split(r"[\W_]+", _stem(f).lower()))
        and holds_rules(f)
    ]
    if len(fits) != 1:
        return goal
    notes.append(f"the rules you described → {fits[0]}")
    return f"{goal[: said.start()]}the rules in {fits[0]}{goal[said.end() :]}"


OTHER_TOOL_WORDS = (
    r"\b(?:train\w*|fit|predict\w*|evaluat\w*|models?|classifier|export\w*|save|chunk\w*|"
    r"generat\w*|anomal\w*|outliers?|compar\w*|inspect|preview|rules?|functions?|lfs?|check\w*|"
    r"against|accura\w*|scor\w*|measur\w*|how many|count\w*|show|list|look)\b"
)
"""Words that ask for something else than labeling a table from its hand labels."""


def _hand_labels_for_thread(goal: str, memory: dict[str, Any], gold: str | None) -> str | None:
    """A goal that points at hand labels in another file for the thread's table and asks for
    no other tool: the thread's table labeled with them, on the one column the hand-label file
    shares with the table that the table lacks values of (said or not: 'the X thing', 'sort
    them out'). The goal said as the labeling rules read it, else None.
    """
    from agents.references import HAND_LABELS_RE, is_gold_file, labels_named
    from tools.profile import profile_table
    from tools.tabular import TABLE_SUFFIX_RE

    table = memory.get("dataset")
    if (
        not isinstance(gold, str)
        or not isinstance(table, str)
        or table == gold
        or not TABLE_SUFFIX_RE.search(table)
        or memory.get("labeled")
        or not (is_gold_file(gold) or labels_named(gold))
        or not HAND_LABELS_RE.search(goal)
        or rx.search(OTHER_TOOL_WORDS, goal.replace(gold, " "), re.I)
        or len(set(FILE_RE.findall(goal)) - {gold}) > 0
    ):
        return None
    try:
        data, hand = profile_table(table), profile_table(gold)
    except (ForgeflowError, OSError, ValueError):
        return None
    lacking = {c["name"] for c in data["columns"] if c["missing_share"] > 0 and not c["id_like"]}
    shared = [c["name"] for c in hand["columns"] if c["name"] in lacking and not c["id_like"]]
    if len(shared) != 1:
        return None
    return f"fill in the {shared[0]} column of {table} using the hand labels in {gold}"


ALSO_USE_RE = (
    r"\b(?:use|using|with|add|adding|include|including|plus|take|also|too|as well|"
    r"on top|in addition)\b"
)
"""Words that bring one more input into the thread's last call ('use x.csv as well')."""
LABELS_IT_RE = r"\b(?:label|annotat|tag|fill|sort)\w*\s+(?:in\s+)?(?:the\s+)?(?:rows\s+of\s+)?"
"""A labeling verb with the file as its object ('label x.csv too'): that table labeled."""
ASKS_ABOUT_RE = r"^\s*(?:how|is|are|was|were|does|do|did|what|which|why|who)\b[^?]*+\?\s*$"
"""A question about the table ('how good is x.csv too?', 'is x.csv consistent with it?'): it
asks, it brings nothing in ('could you use x.csv as well?' is a request)."""


def _labeling_again_with(goal: str, memory: dict[str, Any]) -> Plan | None:
    """'use the checked ones as well' after a labeling run: the one table the goal names (or
    describes) holds the run's label column filled in by hand and shares a key with the run's
    data: the same labeling again with those hand labels as its gold. Only when the goal asks
    for no other tool, names no other file, and brings the table in ('use', 'with', 'too').
    """
    from agents.hand_labels import shares_key
    from tools.profile import profile_table
    from tools.tabular import TABLE_SUFFIX_RE

    last = memory.get("last_call")
    if not isinstance(last, dict) or last.get("tool") != "label_dataset":
        return None
    args = last.get("args")
    if not isinstance(args, dict):
        return None
    data = args.get("data_path") or args.get("dataset")
    label = args.get("label_column")
    named = list(dict.fromkeys(FILE_RE.findall(goal)))
    if (
        not isinstance(data, str)
        or not isinstance(label, str)
        or len(named) != 1
        or named[0] == data
        or named[0] in (args.get("gold_path"), args.get("gold"))
        or not TABLE_SUFFIX_RE.search(named[0])
        or not rx.search(ALSO_USE_RE, goal, re.I)
        or rx.search(ASKS_ABOUT_RE, goal, re.I)
        or rx.search(OTHER_TOOL_WORDS, goal.replace(named[0], " "), re.I)
        or rx.search(LABELS_IT_RE + re.escape(named[0]), goal, re.I)
    ):
        return None
    gold = named[0]
    if not _in_workspace(gold) or not _in_workspace(data):
        return None
    try:
        table, hand = profile_table(data), profile_table(gold)
    except (ForgeflowError, OSError, ValueError):
        return None
    if not isinstance(table, dict) or not isinstance(hand, dict):
        return None
    filled = [
        c for c in hand["columns"] if c["name"] == label and c.get("missing_share", 1.0) < 1.0
    ]
    if not filled or not shares_key(table, hand):
        return None
    said = {k: v for k, v in args.items() if k not in ("gold", "gold_path")}
    plan = call_again("label_dataset", said, {"gold_path": gold}, {}, goal)
    plan.notes.append(f"hand labels: {gold} (its {label!r} column, filled in by hand)")
    return plan


PATH_TOKEN_RE = re.compile(r"[^\s\"'`,;()<>\[\]{}]+")
"""A run of characters that may be a path (quotes, brackets and separators end it)."""


def path_outside_workspace(goal: str) -> str | None:
    """The first path the goal names that leads out of the workspace ('../../etc/passwd',
    '/etc/hosts', '~/notes.csv', 'data/../../x'), or None. Only tokens shaped like such a path
    are resolved (through the one resolver, `store.workspace`), so plain words cost nothing.
    """
    if not any(mark in goal for mark in ("/", "\\", "~")):
        return None
    from store.workspace import confined

    for match in PATH_TOKEN_RE.finditer(goal):
        token = match.group(0).rstrip(".?!:")
        # '/etc/hosts', '/x.csv', '~/a.csv', '~bob/a.csv' ('~50 rows', '/month' are no paths)
        lead = token.startswith(("../", "..\\")) or bool(
            rx.match(r"~\w*/|/[^/]+/[^/]|/[^/]+\.\w+$", token)
        )
        if not (lead or "/../" in token or "\\..\\" in token):
            continue
        if token.startswith("/") and match.start() > 0 and goal[match.start() - 1] not in " \t\n":
            continue  # 'and/or', '80/20': a slash inside a word, no path
        if rx.search(r"[A-Za-z]", token) and not confined(token):
            return token
    return None


OUTSIDE_HINT = (
    "file paths stay inside the workspace: put the file there (upload it, or copy it into the "
    "workspace folder) and name it by its path inside, e.g. 'data/readings.csv'"
)
"""What to do instead of naming a path outside the workspace (the planner's refusal, the 403)."""


def outside_answer(path: str) -> str:
    """The refusal for a goal that names a path outside the workspace, with what to do instead."""
    return (
        f"{shown_name(path)} is outside the workspace, and I do not read or write files outside "
        f"it. {OUTSIDE_HINT[0].upper()}{OUTSIDE_HINT[1:]}."
    )


def _merge_comparison(plan: Plan) -> None:
    """'evaluate a_mlp and compare it with a_lr': one evaluation with `compare_model`, not an
    evaluation of a_mlp and then the same evaluation again with the comparison.
    """
    steps = plan.steps
    for i in range(len(steps) - 1):
        first, then = steps[i], steps[i + 1]
        if first.tool != "evaluate_model" or then.tool != "evaluate_model":
            continue
        if not then.args.get("compare_model") or first.args.get("compare_model"):
            continue
        if any(then.args.get(k) != v for k, v in first.args.items()):
            continue
        if any("${steps." in str(s.args) for s in steps[i + 1 :]):
            return  # a later step reads a step by its place: leave the plan as it is
        del steps[i]
        return


def _file_words() -> frozenset[str]:
    """The words of the workspace's file and folder names (kept from typo fixing: 'the shop
    folder' of docs/shop/ is no typo of 'show').
    """
    from agents.grounding import workspace_files
    from agents.references import name_words
    from tools.profile import profile_table
    from tools.tabular import TABLE_SUFFIX_RE

    files = workspace_files()
    words = {w for f in files for part in [f, *f.split("/")[:-1]] for w in name_words(part)}
    # and the words of the person's tables' column names, plural too ('total fines' for
    # fine_eur is no typo of 'files'); profiles are cached, the tables few
    for f in [f for f in files if TABLE_SUFFIX_RE.search(f)][:COLUMN_WORD_TABLES]:
        profile = profile_table(f)
        for name in (profile or {}).get("names", []):
            for w in rx.findall(r"[a-z]{4,}", str(name).lower()):
                words.update((w, w + "s", w + "es"))
    return frozenset(words)


COLUMN_WORD_TABLES = 20
"""The most tables whose column words are kept from typo fixing (the first by name)."""


MAX_CANDIDATES = 8
"""The most equally described files a question offers by name."""


def _lacks_data(plan: Plan) -> bool:
    """Whether a plan found no data to work on: a question back, or nothing planned and no
    answer but 'not understood' (an answer from memory or out of scope stands).
    """
    if plan.steps:
        return False
    return bool(plan.question) or not plan.answer or plan.answer.startswith(NOT_UNDERSTOOD)


MAX_NAME_SHOWN = 80
"""The most characters of a file name a question shows (a name may run to 255 bytes)."""


def shown_name(name: str) -> str:
    """A workspace file name as a question may show it: control, format (bidi overrides, zero
    width) and other invisible characters as '?', cut to MAX_NAME_SHOWN characters. A name
    comes from whoever put the file there (an archive, a download), not from the person asking.
    """
    import unicodedata

    plain = "".join("?" if unicodedata.category(c)[0] in "CZ" and c != " " else c for c in name)
    return plain if len(plain) <= MAX_NAME_SHOWN else plain[: MAX_NAME_SHOWN - 1] + "…"


def _timed(goal: str, candidates: list[str]) -> bool:
    from agents.references import time_said

    return time_said(goal, candidates) is not None


def which_file(candidates: list[str], dated: bool = False) -> str:
    """The question for files the goal's words describe equally well, naming them (`dated`:
    with the day each was last written, for a goal that tells them apart by time).
    """
    shown = [shown_name(c) for c in candidates[:MAX_CANDIDATES]]
    if dated:
        from agents.references import written_on

        shown = [f"{name} ({written_on(c)})" for name, c in zip(shown, candidates, strict=False)]
    if not shown:
        return "Which file do you mean? Name it (e.g. 'data.csv')."
    if len(shown) == 1:
        return f"Do you mean {shown[0]}?"
    more = f" (+{len(candidates) - len(shown)} more)" if len(candidates) > len(shown) else ""
    listed = ", ".join(shown[:-1]) + f" or {shown[-1]}"
    return f"Several files fit that description: which one do you mean, {listed}{more}?"


MAX_GOAL_CHARS = rx.MAX_TEXT
"""The most of a goal the planner reads (agents/patterns.py `MAX_TEXT`, `bounded`)."""
bounded = rx.bounded


@dataclass(frozen=True)
class Goal:
    """A goal read up to its clauses: as typed (typos fixed), as rewritten (files resolved),
    the thread's memory, the notes of the rewriting, the gold file and the metric it names.
    """

    original: str
    text: str
    memory: dict[str, Any]
    renamed: tuple[str, ...]
    gold_file: str | None
    asked: str | None


POINTER_WORDS = frozenset(
    "it it's its is that that's this here here's see attached file files doc docs document "
    "documents path the and or are they these those".split()
)
"""Words that may stand beside file names in a clause that only points at them ('it's x.md')."""


def points_at_files(clause: str) -> bool:
    """A clause that only points at workspace files ('x.md', "it's a.csv and b.csv"): the
    files of the request said before it, not a request of its own.
    """
    files = FILE_RE.findall(clause[: rx.MAX_TEXT])
    if not files or not all(is_workspace_file(f) for f in files):
        return False  # a file yet to be written ('Path: out/x.jsonl') is an output, not a pointer
    rest = FILE_RE.sub(" ", clause[: rx.MAX_TEXT]).lower()
    return all(w in POINTER_WORDS for w in re.findall(r"[a-z']+", rest))


def _named_model_used(tools: list[str], clause: str, slots: Slots) -> list[str]:
    """A training put before a prediction or evaluation is left out when the clause names the
    saved model to use ('predict new.csv with churn_v2') and asks for no training itself.
    """
    from agents.arguments import said_model_name, saved_model_by_word

    if "train_model" not in tools:
        return tools
    if rx.search(rf"\b(?:{rx.TRAIN_VERB})\b", clause[: rx.MAX_TEXT], re.I):
        return tools
    if {"predict", "evaluate_model"} & set(tools) and said_model_name(clause, slots.files):
        return [t for t in tools if t != "train_model"]
    if rx.search(REMADE_RE, clause[: rx.MAX_TEXT]):
        return tools  # 'retrain the status model on b.csv', 'update my churn model with ...'
    rest = [t for t in tools if t != "train_model"]
    used = {"predict", "evaluate_model"} & set(rest)
    if (used or rx.search(MEASURE_SAID, clause, re.I)) and (
        slots.files and saved_model_by_word(clause, slots.files)
    ):
        # 'how good is my churn model on b.csv?' with none on the thread: the saved one measured
        return rest if used else ["evaluate_model", *rest]
    return tools


REMADE_RE = re.compile(
    r"\b(?:\w*(?:train|fit)\w*|updat\w*|improv\w*|make|build\w*|creat\w*|tun\w*)\b", re.I
)
"""Words making a model (again), not using a saved one ('retrain', 'refit', 'update')."""


def _plan_clauses(read: Goal, forced: dict[str, list[str]] | None = None) -> Plan:
    """Clauses → tools → arguments for a goal no thread follow-up answered; `forced` (the
    router's tools by clause, from `_arbitrate`) replaces the cue rules' choice.
    """
    from agents.grounding import (
        bind_evident_ids,
        bind_sampled_class,
        bind_unwritten_outputs,
        ground_plan,
        keep_sources_unwritten,
    )
    from agents.heldout import bind_heldout, bind_thread_check
    from agents.intent import is_description
    from agents.options import bind_stated
    from agents.references import HAND_LABELS_RE, is_gold_file, labels_named
    from agents.said_check import bind_said, bind_written_lfs

    goal, memory, gold_file, asked = read.text, read.memory, read.gold_file, read.asked
    planning = Planning(memory=memory, goal=goal)
    clauses = split_clauses(rx.sub(PURPOSE_RE, "", goal))
    pointers = {c for c in clauses[1:] if points_at_files(c)}
    for clause in clauses:
        if is_description(clause) or clause in pointers:
            planning.context_files.extend(FILE_RE.findall(clause))
    deferred: str | None = None
    deferred_by: str | None = None
    out_of_scope: str | None = None
    for clause in clauses:
        slots = extract_slots(clause)
        if not slots.gold:
            gold = GOLD_RE.search(goal)
            slots.gold = gold.group(1) if gold else gold_file
        thread_data = memory.get("labeled") or memory.get("dataset")
        if (
            slots.gold
            and slots.files == [slots.gold]
            and any(s.args.get("gold_path") == slots.gold for s in planning.steps)
            and HAND_LABELS_RE.search(clause)
        ):
            continue  # '... The crew marked 6 in x.csv.': where the request's hand labels are
        if (
            slots.gold
            and slots.files == [slots.gold]
            and isinstance(thread_data, str)
            and thread_data != slots.gold
            and (is_gold_file(slots.gold) or labels_named(slots.gold))
        ):
            # 'sort them using the ones I did by hand in x_by_hand.csv': the hand labels are
            # the file named, the data the thread's
            slots.files = [thread_data]
        if (is_description(clause) or (clause in pointers and planning.steps)) and not (
            slots.files
            and (planning.last_step("train_model") is not None or memory.get("model"))
            and named_as_test_set(clause, slots.files[-1])  # '..., b.csv is the holdout'
        ):
            # "reviews.csv has product reviews and only some rows have a label": context for
            # the request that follows, not a request (its files were taken above); so is a
            # clause that only points at files after the request ('... from our doc? x.md')
            continue
        if _names_last_output(planning, clause, slots):
            continue
        own_files = list(slots.files)
        if not slots.files and planning.context_files and not planning.steps:
            slots.files = list(planning.context_files)
        elif forced and forced.get(clause) and not slots.files and not planning.steps:
            # The router's tool put on a clause that names no table ('how good could a model
            # get on the panel data?'), while the goal's one input is named or written in
            # elsewhere ('... Use x.csv', a described file marked at the end): that input.
            slots.files = _lone_input(goal, gold_file)
        if forced is None:
            planning.cued = False
            tools = _clause_intent(clause, slots, planning)
            made = _made_already(tools, clause, planning)
            if tools and not made:
                continue  # a clause telling of the run it names: its table is that run's
            tools = made
            if tools == ["write_labeling_functions"] and rx.search(WRITE_THEN_RUN, clause, re.I):
                tools.append("apply_labeling_functions")  # 'write some rules and run them'
            planning.hard = planning.hard or bool(tools and not planning.cued)
        else:
            tools = list(forced.get(clause, []))
            if not tools and _dropped_evaluation(planning, clause, slots):
                continue
        tools = _writer_for_format(tools, clause, slots.files)
        tools = _labeling_meant(tools, clause, slots, planning)
        tools = _named_model_used(tools, clause, slots)
        tools = _thread_model_tested(planning, clause, tools, slots)
        tools = _other_file_meant(planning, clause, tools, slots)
        if (forced is None or tools != ["evaluate_model"]) and _folds_into_training(
            planning, clause, tools, slots
        ):
            continue
        for tool_name in tools:
            builder = BUILDERS.get(tool_name)
            if builder is None:
                continue  # no argument builder reads this tool from a clause
            args = builder(planning, slots)
            if planning.question:
                tool_name, args = _bound_otherwise(planning, tool_name, slots)
            if planning.question:
                planning.asked_by = tool_name
                break
            if args is None or _repeats(planning, tool_name, args, bool(own_files)):
                continue
            if _merges_export(planning, tool_name, args):
                continue
            planning.add(tool_name, args, why=clause)
        if planning.question and not slots.files and (planning.steps or len(clauses) > 1):
            # A side remark that cannot stand alone ("I want to look at the chunks first")
            # does not sink the request: its question is asked only if nothing else planned.
            if deferred is None:
                deferred, deferred_by = planning.question, planning.asked_by
            planning.question, planning.asked_by = None, None
            continue
        if (
            planning.answer
            and planning.answer.startswith(OUT_OF_SCOPE_ANSWER)
            and not slots.files
            and forced is None
            and len(clauses) > 1
        ):
            # 'We want to stress-test the dashboard with fake data. Train a generator on ...':
            # what the request is for may be out of scope; the steps the rest asks for are not.
            # Said only if no other clause plans a step.
            out_of_scope = out_of_scope or planning.answer
            planning.answer = None
            continue
        if planning.question or planning.answer:
            break
        planning.context_files.extend(f for f in slots.files if f not in planning.context_files)
    if not planning.steps and not planning.question and deferred:
        planning.question, planning.asked_by = deferred, deferred_by
    if (
        out_of_scope
        and not planning.question
        and not planning.answer
        and not any(s.tool not in READ_ONLY and FILE_RE.search(s.why or "") for s in planning.steps)
    ):
        # no other clause asked for an action on a table it names (a look-up of a described
        # table is no such request): the request is the out-of-scope one
        planning.answer, planning.steps = out_of_scope, []
    if forced is None and not memory.get("model"):
        from agents.grounding import workspace_files

        train_then_predict(planning, goal, workspace_files())
    targets = extract_targets(goal)
    if not planning.question:
        _trained_on_said(planning, goal)
        documents_meant(planning, read.original)
        _carry_targets(planning, targets, clauses)
        _goal_options(planning, goal)
        _scoring_pass_mark(planning, goal)
        _thread_file_as_gold(planning, goal, memory)
        shape_prediction(planning, goal)
        shape_validation(planning, goal)
        shape_test_file(planning, goal)
        bind_heldout(planning, goal)
        bind_thread_check(planning, goal)
        ground_plan(planning, goal)
        bind_stated(planning.steps, goal)
        planning.notes.extend(bind_said(planning.steps, goal))
        bind_run_folders(planning.steps)
        bind_sampled_class(planning, goal)
        bind_evident_ids(planning.steps)
        keep_sources_unwritten(planning, goal)
        bind_unwritten_outputs(planning, goal)
        planning.notes.extend(bind_written_lfs(planning.steps, goal))
        _merge_duplicates(planning)
        _carry_metric(planning, goal)
        shape_measurement(planning, goal)
        note_other_kinds(planning, goal)
        _measured_once(planning)
    plan = Plan(
        steps=[] if (planning.question or planning.answer) else planning.steps,
        targets=targets,
        question=None if planning.answer else planning.question,
        notes=[*read.renamed, *planning.notes],
        answer=planning.answer,
    )
    metric = asked or next((m for m in ("f1", "auc", "accuracy") if m in targets), None)
    if metric:
        plan.asked = {"metric": metric}
    if plan.question and rx.search(
        r"\bwhich (?:data|dataset|labeled table|table)\b", plan.question, re.I
    ):
        plan.question = _with_candidates(plan.question)
    if (
        not plan.steps
        and (plan.question or not plan.answer or plan.answer.startswith(NOT_UNDERSTOOD))
        and not rx.search(OTHER_FILE_RE, goal)  # 'in a different file': not the last call's
    ):
        changed = _adjust_last_call(goal, memory)
        if changed is not None:
            return changed
    if forced is None:
        routed = _arbitrate(read, plan, planning, clauses)
        if routed is not None:
            return routed
    missing = _missing_input(plan, goal)
    if missing:
        return Plan(answer=_no_such_file(missing), notes=plan.notes)
    if not plan.steps and not plan.question and not plan.answer:
        # Nothing fits: say so and offer the closest things, as an answer (not a question
        # that would swallow the person's next, complete request).
        plan.answer = closest_question(goal)
    return plan


VOTE_WORDS_RE = r"\b(?:vote|votes|voting|majority)\b"
LABELS_ON_ROWS_RE = (
    r"\b(?:label\w*|labl\w*|tag|tags|tagging|classif\w*|categori[sz]\w*|sort)\b|"
    r"\bput\s+(?:an?|the)\s+[\w-]+\s+on\b|\bvotes?\s+of\b"
)
"""Words that put a label on each row ('tag the tickets', 'put a topic on every comment')."""


def _votes_into_a_file(p: Planning, clause: str) -> bool:
    """'Use the rules in r.json to put a topic on every comment in a.csv and write the result
    to b.csv', 'label the claims with the rules in r.json by majority vote': rules the person
    already has (one workspace file the goal names that holds labeling functions), labels put
    on the rows, and a vote said or a file of the result asked for: the rules' vote, written
    to that file. Scoring the rules ('how accurate ... against') is applying them, and rules
    the plan writes first are voted by the steps that follow the writing.
    """
    if p.last_step("write_labeling_functions") is not None:
        return False
    lower = clause.lower()
    if not rx.search(LABELS_ON_ROWS_RE, lower) or rx.search(
        r"\b(?:against|accura\w*|how (?:good|well)|score\w*|compar\w*|gold)\b", lower
    ):
        return False
    named = list(dict.fromkeys(FILE_RE.findall(p.goal)))
    rules = [f for f in named if holds_rules(f)]
    if len(rules) != 1:
        return False
    written = [f for f in role_files(p.goal, named)[2] if not f.lower().endswith(".json")]
    return bool(rx.search(VOTE_WORDS_RE, lower) or written)


def _labeling_meant(tools: list[str], clause: str, slots: Slots, p: Planning) -> list[str]:
    """'run the labeling on x.csv' with no labeling functions anywhere (none in the plan, the
    goal, the thread, or an earlier run on x.csv) and none named: the labeling loop, which
    writes and applies them itself (to a target when one is said). Named ('apply the labeling
    functions'), or with functions at hand, the LF-applying tool stays.
    """
    from agents.arguments import earlier_lfs
    from agents.intent import LF_CUES

    if "apply_labeling_functions" not in tools or "label_dataset" in tools:
        return tools
    if rx.search(LF_CUES, clause, re.I) or rx.search(r"\.json\b", p.goal, re.I):
        return tools
    if (
        p.last_step("write_labeling_functions") is not None
        or p.memory.get("labeling_functions")
        or stated_lfs(p, slots)
        or any(earlier_lfs(f) for f in slots.files)
    ):
        return tools
    return ["label_dataset" if t == "apply_labeling_functions" else t for t in tools]


SAVES_INSTEAD = {"export_labeled_data": "save_table"}
"""Writers whose output another writer saves too, in more formats: a labeling run's rows are
a table save_table writes (its `dataset` may be the run's folder or labeled_path)."""


SAVE_WORD_RE = r"\b(?:save|write|store|export|dump|give me|hand me|call\w*|name\w*)\b"
"""A word that saves rows after a labeling (`_clause_intent`, `_trained_before_save`)."""


def _trained_before_save(p: Planning, clause: str) -> list[str]:
    """The tools of a clause that saves rows after a labeling: save_table, after a training when
    the clause opens with one of its own ('train a classifier on the labeled rows, and save the
    labeled table as x.csv'). Predictions saved after a training, said in the clause or planned
    before it ('train a model and save predictions for all the rows to x.csv'), are the model's
    prediction.
    """
    said = rx.search(SAVE_WORD_RE, clause[:400], re.I)
    if said is None:
        return ["save_table"]
    predictions = rx.search(
        r"^\W*(?:the\s+|its\s+|all\s+)?predict\w*\b", clause[said.end() : said.end() + 40], re.I
    )
    if said.start() > 0 and clause_tools(clause[: said.start()]) == ["train_model"]:
        return ["train_model", "predict" if predictions else "save_table"]
    if predictions and p.last_step("train_model") is not None:
        return ["predict"]
    return ["save_table"]


def _writer_for_format(tools: list[str], clause: str, files: list[str]) -> list[str]:
    """The tools with a writer swapped for the one that can write the format the clause says
    (by the tools' own `format` enums): 'export the labeled rows as JSON Lines' is save_table
    with jsonl, since export_labeled_data writes csv or parquet only.
    """
    from agents.arguments import said_table_format
    from agents.options import field_choices

    if not any(t in SAVES_INSTEAD for t in tools):
        return tools
    outs = role_files(clause, files)[2] if files else []
    suffixes = [f.rsplit(".", 1)[-1].lower() for f in outs if "." in f]
    fmt = said_table_format(clause, strict=True) or next(
        (x for x in suffixes if x in ("csv", "jsonl", "parquet")), None
    )
    if fmt is None:
        return tools
    out = []
    for tool in tools:
        other = SAVES_INSTEAD.get(tool)
        if (
            other
            and fmt not in field_choices(tool, "format")
            and fmt in field_choices(other, "format")
        ):
            tool = other
        if tool not in out:
            out.append(tool)
    return out


WRITE_THEN_RUN = (
    r"\b(?:write|draft|make|come up with|mine)\b(?:[^.;]|\.(?=\w))*\band\s+(?:then\s+)?(?:run|apply|test|try)\s+"
    r"(?:them|those|these|it)\b"
)
"""One clause that writes labeling functions and runs them on the data."""
READ_ONLY = ("inspect_dataset", "preview_rows", "list_local_datasets")
ROUTER_FILL = 0.25
"""Router probability at which it routes a goal the rules found nothing for. Since the fifteenth
round two bars: 0.25 where the router's reading and the rules' share nothing (filling, replacing;
and the `answer` gate, `agents.arbiter.PASSES`), 0.5 where one sequence is a part of the other
(adding, dropping: the rules read each clause the router agrees with, and a drop is where the
router errs most; a drop 0.4 since the eighteenth round, on the tuned encoder's scale); look-ups against the rules' action keep `ROUTER_LOOKUP`. Chosen on the
arbitration selection set, five sets the rules were never tuned on (fresh15, fresh18-21, read as
aggregates): the bars tuned on the rules' own corpora (round 8; round 12: fill 0.3, add 0.5,
drop 0.6, replace 0.3) held back new wording the router read right (docs/planner.md, fifteenth
round).
"""
ROUTER_ADD = 0.5
"""... at which it adds tools to the cue rules' (theirs a part of its sequence)."""
ROUTER_DROP = 0.4
"""... at which it drops tools the cue rules added (its sequence a part of theirs); 0.6 before
the fifteenth round, 0.5 before the eighteenth (re-chosen with the router's tuned encoder,
`router.TUNED_LAYERS`: 0.3-0.4 one plateau on the selection set, +3 -1 goals)."""
ROUTER_REPLACE = 0.25
"""... at which its sequence replaces a different one from the cue rules."""
ROUTER_MARGIN: float | None = 0.1
"""On a fresh goal, a router choice that would replace the rules' (different) sequence must beat
that sequence's own router probability by this much (`_torn`): a router torn between its choice
and the rules' reading ('predict air_quality in barn_checks.csv', anomaly scan 0.42 against
training 0.38) leaves the decision to the rules, which read the data. None: never (fifteenth
round, coordinator)."""
ROUTER_LOOKUP = 0.65
"""... at which a sequence of look-ups only (`READ_ONLY`) replaces or drops the cue rules'
action tools ('which claims look fishy?': an anomaly scan, not an inspect_dataset); the higher of
this and the relation's own threshold applies."""
ROUTER_QUESTION: float | None = 0.5
"""Router probability at which its plan replaces, on a fresh goal, a question of the rules that
its own plan does not raise (asked for a tool it does not plan or feeds otherwise,
`_asked_for_another`); its plan must still be built whole without a question. None: never
(chosen leave-one-corpus-out on the tunable corpora, docs/planner.md, thirteenth round)."""
ROUTER_QUESTION_ANY = 0.7
"""... at which it may answer any question of the rules on a fresh goal (the same build check)."""
ROUTER_OUTRANK: int | None = 2
"""On a fresh goal, a gate of `ROUTER_OUTRANK_GATES` is passed when the rules' own plan (look-ups
aside) is not among the router's `ROUTER_OUTRANK` most probable sequences and its top choice is
at `ROUTER_OUTRANK_FLOOR` or above (`_outranked`): the router all but rules out the rules'
reading; never when the router's choice only drops steps of the rules' plan (`_drops_from`:
what the router gets wrong most). None: never. 4 with drops kept out gained +11/-1 goals by
leave-a-group-out routing on the tunable corpora (+19/-3 with drops, which broke a two-step
goal of the unit tests); 3-5 with a floor of 0 to 0.2 is one plateau (fourteenth round,
docs/planner.md). 2 since the fifteenth round, with the bars above, chosen on the arbitration
selection set (+1 there, +5 on the tunable corpora by leave-a-group-out routing)."""
ROUTER_OUTRANK_FLOOR = 0.1
"""... the lowest top-1 probability at which that may happen."""
ROUTER_OUTRANK_GATES: tuple[str, ...] = ("threshold", "question", "answer")
"""... the gates it applies to (`agents/arbiter.py` names). `hard` gained 4 and lost 3 (hard
evidence stays ahead); the others lost as many goals as they gained."""
FOLLOW_FILL = 0.7
"""On a thread (the router given the thread's state, `agents.thread_state`): the probability at
which it routes a follow-up the rules planned nothing for; chosen by leave-one-corpus-out over
the conversation corpora's follow-ups (docs/planner.md, round 8)."""
FOLLOW_LOOKUP = 0.9
"""... at which it replaces a follow-up the rules answered with read-only look-ups only."""
FOLLOW_REPLACE = 0.8
"""... at which its sequence replaces the rules' (weak, cued) tools on a follow-up."""


def _arbitrate(read: Goal, plan: Plan, planning: Planning, clauses: list[str]) -> Plan | None:
    """The learned router's plan when it should win over the cue rules', else None. Its plan
    is built from the goal as read for the rules' (no second reading of the goal).

    Hard evidence stays ahead: a tool named outright, rules said in words, a clause routed by
    the thread or by a column question, an answer that is not 'not understood' (out of scope, a
    forecast: a router choice at `arbiter.PASSES` or above passes it), a question back. On a
    thread the router is given the thread's state and fills a follow-up the rules routed nothing
    (or only a look-up) for, or replaces their cued tools, by thresholds of its own (`FOLLOW_*`).
    On a fresh goal a router choice of look-ups only replaces the rules' action tools only at
    `ROUTER_LOOKUP`; and the `threshold`, `question` and `answer` gates give way when
    the router all but rules out the rules' plan (`_outranked`, `ROUTER_OUTRANK`). Which gate
    decided is traced for benchmarks, and a benchmark knob may relax
    gates (`agents/arbiter.py`).
    """
    from agents import thread_state
    from agents.arbiter import Gates, complete
    from agents.rules import parse_rules

    goal, memory = read.text, read.memory
    state = thread_state.from_memory(memory)
    # Names the gate that decided (FORGEFLOW_ROUTER_OVERRULE); asks the router with the state.
    gates = Gates(read.original, None if state == thread_state.FRESH else state)
    rules_plan = None if plan.question else [s.tool for s in plan.steps]  # a question: no plan
    gates.relax = lambda gate: _outranked(gates, gate, rules_plan)
    if planning.hard and gates.holds("hard"):
        return None
    if plan.question and not _asked_for_another(planning, gates) and gates.holds("question"):
        return None
    if not semantic_ready():
        return gates.decide("not_ready")
    if plan.answer and not plan.answer.startswith(NOT_UNDERSTOOD) and gates.holds("answer"):
        return None
    if parse_rules(goal) and gates.holds("rules_in_words"):
        return None
    if _names_a_tool(goal) and gates.holds("named_tool"):
        return None
    thread = any(
        memory.get(k) for k in memory if k not in (thread_state.TURN_KEY, thread_state.SAID_KEY)
    )
    ruled = [s.tool for s in plan.steps]
    if memory.get(thread_state.TURN_KEY) == "reply" and not ruled:
        return gates.decide("thread")  # a bare reply to a question is no new goal by the router
    choice = gates.choice()
    if choice is None:
        return gates.decide("router_none")
    wanted = list(choice.tools)
    core = [t for t in ruled if t not in READ_ONLY or t in wanted]
    if core == wanted:
        return gates.decide("same")  # the same routing (a look-up the rules added is harmless)
    if thread and ruled and not wanted:
        return gates.decide("thread")  # a look-up the rules planned on a thread: not dropped
    if _repeats_on_purpose(core, wanted, plan) and gates.holds("repeat"):
        return None
    if _drops_a_feeder(plan.steps, wanted) and gates.holds("feeds"):
        return None
    if _remakes_said(plan.steps, core, wanted, goal):
        gates.decide("made_said")  # the model or run the person named is used, not made anew
        return None
    if not wanted and _regression_planned(plan.steps):
        # the router learnt 'a continuous number → nothing I do' before train_model regressed
        gates.decide("regression")
        return None
    if thread:
        # A follow-up: the rules found nothing, only look-ups, or tools of their own.
        if not ruled:
            threshold = FOLLOW_FILL
        elif all(t in READ_ONLY for t in ruled):
            threshold = FOLLOW_LOOKUP
        else:
            threshold = FOLLOW_REPLACE
    elif not core:
        threshold, gates.relation = ROUTER_FILL, "fill"
    elif set(core) < set(wanted):
        threshold, gates.relation = ROUTER_ADD, "add"
    elif set(wanted) < set(core):
        threshold, gates.relation = ROUTER_DROP, "drop"
    else:
        threshold, gates.relation = ROUTER_REPLACE, "replace"
    if not thread and _lookups_for_actions(core, wanted):
        threshold, gates.lookups = max(threshold, ROUTER_LOOKUP), True
    if choice.confidence < threshold and gates.holds("threshold"):
        return None
    if gates.relation == "replace" and _torn(gates, core, choice.confidence):
        return gates.decide("margin")
    if gates.relation == "drop" and _listed_steps(read.original):
        return gates.decide("listed")  # a step the person wrote out as an item is not dropped
    if gates.relation == "drop" and _asked_outright(plan.steps, wanted):
        return gates.decide("asked_outright")  # a clause that is a request for the step itself
    if gates.relation == "drop" and _format_only_dropped(plan.steps, wanted, read.original):
        return gates.decide("format_said")  # a file format said that no kept step writes
    if not wanted:
        gates.decide("router")
        return Plan(answer=closest_question(goal), notes=plan.notes)
    if thread and "workbench_rows" in wanted and "workbench_rows" not in ruled:
        from agents.runs import no_such_class

        answered = no_such_class(read.original, FILE_RE.findall(goal), memory)
        if answered is not None:
            gates.decide("not_a_class")
            return answered
    if any(tool not in BUILDERS for tool in wanted):
        return gates.decide("not_buildable")  # a tool only a thread or run handler builds
    forced = _assign(wanted, planning, clauses)
    alternative = _plan_clauses(read, forced)
    built = [s.tool for s in alternative.steps]
    if alternative.question and _asks_of_looked_at(plan, core, alternative.question):
        gates.decide("router_asks")
        return Plan(question=alternative.question, notes=alternative.notes)
    if alternative.question or (gates.passed and not complete(alternative.steps)):
        return gates.decide("build_asks")  # the question stands; after a passed gate, a step
        # lacking a required argument would have to ask too
    if [t for t in built if t not in READ_ONLY or t in wanted] != wanted:
        if not built:  # its tools could not be built from what the goal says
            return gates.decide("build_differs")
        if gates.holds("build_differs"):
            return None
    if any(_reads_document(s) for s in alternative.steps):
        return gates.decide("document")  # a table tool on a document ('train on docs/policy.md')
    gates.decide("router")
    return alternative


def _asks_of_looked_at(plan: Plan, core: list[str], question: str) -> bool:
    """Whether the router's plan, built, asks a choice about the very table the rules only
    looked at ('the print jobs thing, which will be a problem?': the rules inspect the jobs, the
    router trains on them and asks which column is the outcome): the look-up does not do what
    was asked, the question leads to it. Only when the rules planned look-ups and nothing else,
    and the question names the table they read (the router's build found the same input).
    """
    if core or not plan.steps or plan.question or plan.answer:
        return False
    if rx.search(r"\bwhich (?:data|dataset|labell?ed table|table|file)s?\b", question, re.I):
        return False  # the router's build lost the input: the look-up stays
    read = {_step_input(s.args) for s in plan.steps if s.tool in READ_ONLY}
    names = [r.strip("'\"") for r in read if r]
    return (
        bool(names)
        and all(s.tool in READ_ONLY for s in plan.steps)
        and any(n and n in question for n in names)
    )


def _asked_for_another(planning: Planning, gates: Any) -> bool:
    """Whether a confident router may answer the rules' question on a fresh goal: at
    `ROUTER_QUESTION` when the question is one its plan does not raise, asked by the argument
    builder of a tool the router does not plan ('which table should I inspect?' where the router
    lists the files) or of one it feeds from a step the rules lack ('export which QA set?' where
    the router generates the set first); at `ROUTER_QUESTION_ANY` for any question. Either way the
    router's plan is then built and must ask nothing and miss no required argument (else
    `build_asks`: the question stands), so the data, not the router, settles it. A question on a
    thread keeps its gate (the follow-ups have thresholds of their own, `FOLLOW_*`).
    """
    if ROUTER_QUESTION is None or gates.state is not None or not semantic_ready():
        return False
    choice = gates.choice()
    if choice is None or choice.confidence < ROUTER_QUESTION:
        return False
    if choice.confidence < ROUTER_QUESTION_ANY:
        if planning.asked_by is None:
            return False  # asked before any tool was built (which file?)
        wanted = list(choice.tools)
        if planning.asked_by in wanted:
            before = wanted[: wanted.index(planning.asked_by)]
            ruled = {s.tool for s in planning.steps}
            if all(t in ruled or t in READ_ONLY for t in before):
                return False  # the same step, fed the same: the router's build asks it too
    gates.passed.append("question")
    return True


def _outranked(gates: Any, gate: str, ruled: list[str] | None) -> bool:
    """Whether the router's top choice passes this gate because it all but rules out the rules'
    plan (`ROUTER_OUTRANK`): on a fresh goal, at `ROUTER_OUTRANK_FLOOR` or above, the rules' tools
    (look-ups aside) not among its `ROUTER_OUTRANK` most probable sequences; a question of the
    rules (`ruled` None) is no plan it ranks, at this gate or a later one. A look-up choice
    against the rules' action keeps `ROUTER_LOOKUP`.
    """
    if ROUTER_OUTRANK is None or gate not in ROUTER_OUTRANK_GATES or gates.state is not None:
        return False
    if gate == "threshold" and gates.lookups:
        return False
    choice = gates.choice()
    if choice is None or choice.confidence < ROUTER_OUTRANK_FLOOR:
        return False
    if ruled is not None:
        if _drops_from(ruled, [t for t in choice.tools if t not in READ_ONLY]):
            return False  # dropping a step the rules planned is where the router errs most
        gates.rank = gates.rank_of(ruled, READ_ONLY)
        if gates.rank is not None and gates.rank < ROUTER_OUTRANK:
            return False
    return True


LIST_ITEM_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*\u2022])\s+\S", re.M)


def _listed_steps(goal: str) -> bool:
    """Whether the goal is written as a list of items (numbered or bulleted, two or more lines):
    the person spelled out the steps, so the router may not drop one the rules read from them.
    """
    return len(LIST_ITEM_RE.findall(goal)) >= 2


LEAD_WORDS_RE = re.compile(
    r"(?:(?:and|then|also|finally|next|lastly|separately|please|pls|kindly|now|if\s+(?:yes|so)|"
    r"after\s+(?:that|this)|step\s+\w{1,5})\b|\(\w{1,2}\)|\w{1,2}[.)])\W{0,3}",
    re.I,
)
"""A word that leads a request without being it ('then', 'please', 'if yes', '(2)', 'step 3:')."""

KEEP_SAID_STEPS = True
"""Whether a router's drop is held by a step asked for in so many words (`_asked_outright`,
`_format_only_dropped`); a benchmark knob (`benchmarks/planner_loco.py` configs) to measure it."""


MAKES_ITS_OWN = {"train_model": ("train", "fit", "teach", "build", "make", "retrain")}
MAKES_ITS_OWN["label_dataset"] = ("label", "relabel", "annotate", "tag", "run", "redo")
"""Opening verbs of a clause that asks for the model or labeling run to be made anew."""


def _made_already(tools: list[str], clause: str, p: Planning) -> list[str]:
    """The cued tools of a clause without the step that would make what the person names as
    made: a saved model by its name ('evaluate the saved model churn_v2 on b.csv') or a labeling
    run by its folder ('from the ticket labeling in shop/ticket_labels, show me ...'). A
    training gives way only when cued by wording; a labeling run when cued, or when hard
    evidence planned it before the run's own step ('open the ticket labeling result in the
    workbench, the folder is x/y'). Only with no model or run planned or on the thread, and
    never in a clause that opens with a verb that makes one ('train ...', 'label ...').
    """
    from agents.arguments import said_model_name, said_run_folder

    if not tools or not KEEP_SAID_STEPS:
        return tools
    verb = _opening_verb(clause)
    out = list(tools)
    if (
        p.cued
        and "train_model" in out
        and verb not in MAKES_ITS_OWN["train_model"]
        and any(t in out for t in ("evaluate_model", "predict"))
        and p.last_step("train_model") is None
        and not (p.memory.get("model") or p.memory.get("models"))
        and said_model_name(clause, FILE_RE.findall(p.goal or clause)) is not None
    ):
        out.remove("train_model")  # the model to use is a saved one, by its name
    users = SAID_MADE["label_dataset"][1:]
    if (
        out[:1] == ["label_dataset"]
        and all(t in users for t in out[1:])
        and (p.cued or len(out) > 1)  # hard evidence gives way only to the run's own step
        and verb not in MAKES_ITS_OWN["label_dataset"]
        and p.last_step("label_dataset") is None
        and not p.memory.get("labeled")
        and said_run_folder(p.goal or clause) is not None
        and rx.search(r"\blabel(?:l?ing|l?ed|s)\b|\bworkbench\b", clause, re.I)
    ):
        return out[1:]  # the labeling run the goal names by its folder: used, not made
    return out


SAID_MADE = {"train_model": ("model", "predict", "evaluate_model")}
SAID_MADE["label_dataset"] = (
    "labeling_dir",
    "labeling_workbench",
    "workbench_rows",
    "correct_labels",
    "export_labeled_data",
)
"""A maker, the argument naming what it makes, and the steps that read that argument."""


def _regression_planned(steps: list[PlanStep]) -> bool:
    """A training the rules planned on a continuous numeric label of a workspace table (one
    train_model's task 'auto' regresses, as the grounding reads it: `grounding.continuous`).
    """
    from agents.grounding import continuous

    for step in steps:
        label, table = step.args.get("label_column"), step.args.get("dataset")
        if step.tool != "train_model" or not isinstance(label, str) or not isinstance(table, str):
            continue
        profile = table_profile(table) if is_workspace_file(table) else None
        column = next((c for c in (profile or {}).get("columns", []) if c["name"] == label), None)
        if column is not None and continuous(column):
            return True
    return False


def _remakes_said(steps: list[PlanStep], core: list[str], wanted: list[str], goal: str) -> bool:
    """Whether the router's plan adds a training or labeling run the rules do not plan while a
    rules step uses the model or run the person names ('evaluate the saved model churn_v2',
    'fix R12 in the shop/ticket_labels workbench'): the router would make it anew.
    """
    from agents.arguments import said_model_name, said_run_folder

    for maker, (key, *users) in SAID_MADE.items():
        if maker not in wanted or maker in core:
            continue
        files = FILE_RE.findall(goal)
        said = said_model_name(goal, files) if maker == "train_model" else said_run_folder(goal)
        if said is not None and any(
            step.tool in users and step.args.get(key) == said for step in steps
        ):
            return True
    return False


def _opening_verb(clause: str) -> str:
    """The clause's first word once the words that only lead it are taken off (at most six)."""
    text = clause[:200].lstrip(" ,;:-")
    for _ in range(6):
        lead = LEAD_WORDS_RE.match(text)
        if lead is None or not lead.group(0):
            break
        text = text[lead.end() :].lstrip(" ,;:-")
    first = re.match(r"([a-z]{2,20})\s+([\w.-]{1,60})\s*([,;:]|$)?", text, re.I)
    if first is None:
        return ""
    if (
        first.group(3) is not None
        and not FILE_RE.fullmatch(first.group(2))
        and first.group(2).lower() not in ("it", "them", "this", "that", "these", "those")
    ):
        return ""  # 'label renewed_course, 300 epochs': a setting said (the column), no request
    return first.group(1).lower()


def _asked_outright(steps: list[PlanStep], wanted: list[str]) -> bool:
    """Whether the router's plan would drop an action the rules read from a clause that opens
    with that action's own verb, the first word of its tool's name ('download the best one',
    'train a classifier for y on the same table', 'then predict b.csv into c.csv'): a request
    said in so many words, whatever the router's phrasings with it lacked. A step read from a
    clause that opens otherwise ('save the LF set to x.json' read as applying it, 'Model: predict
    y') may still be dropped.
    """
    if not KEEP_SAID_STEPS:
        return False
    for step in steps:
        if step.tool in (*READ_ONLY, "evaluate_model") or step.tool in wanted or not step.why:
            continue  # an evaluation the router leaves out is its training's test (the same)
        if _opening_verb(step.why) == step.tool.split("_")[0]:
            return True
    return False


def _format_only_dropped(steps: list[PlanStep], wanted: list[str], goal: str) -> bool:
    """Whether the router's plan drops the only step that writes a file format the goal says
    in words ('..., jsonl out', 'a Q&A set ..., jsonl.'): a dropped step's `format`, said in the
    goal as a word of its own (not a file name's extension), that none of the router's tools
    takes (no `format` field in its input model, the tools' declarations): the stated format
    would be lost with it.
    """
    from tools.registry import get_tool, has_tool

    # a router's tool the registry lacks (checked against BUILDERS only after this) takes no
    # format either: no lookup that raises
    if not KEEP_SAID_STEPS or any(
        has_tool(t) and "format" in get_tool(t).input_model.model_fields for t in wanted
    ):
        return False
    for step in steps:
        said = step.args.get("format") if step.tool not in wanted else None
        if (
            isinstance(said, str)
            and re.fullmatch(r"[a-z]{2,8}", said)
            and rx.search(rf"(?<![.\w]){said}\b", goal[:MAX_FORMAT_SCAN], re.I)
        ):
            return True
    return False


MAX_FORMAT_SCAN = 4000
"""How much of a goal `_format_only_dropped` reads for a format's word."""


def _torn(gates: Any, core: list[str], confidence: float) -> bool:
    """Whether the router's top choice is within `ROUTER_MARGIN` of the probability it gives the
    rules' own sequence (look-ups aside): then it is torn between the two readings, not sure of
    its own.
    """
    if ROUTER_MARGIN is None:
        return False
    at = gates.rank_of(core, READ_ONLY)
    return at is not None and confidence - gates.ranked()[at].confidence < ROUTER_MARGIN


def _drops_from(ruled: list[str], tools: list[str]) -> bool:
    """Whether `tools` is `ruled` (look-ups aside) with some steps left out, in the same order."""
    core = [t for t in ruled if t not in READ_ONLY]
    if not tools or len(tools) >= len(core):
        return False
    rest = iter(core)
    return all(any(t == r for r in rest) for t in tools)


def _lookups_for_actions(core: list[str], wanted: list[str]) -> bool:
    """Whether the router would plan look-ups only where the cue rules planned an action tool
    ('which claims look fishy?': the rules' anomaly scan against a router's inspect_dataset).
    """
    return (
        bool(wanted)
        and all(t in READ_ONLY for t in wanted)
        and any(t not in READ_ONLY for t in core)
    )


STEP_REF_RE = re.compile(r"\$\{steps\.(\d+)\.")


def _drops_a_feeder(steps: list[PlanStep], wanted: list[str]) -> bool:
    """Whether the router's tools drop a rules step whose output a step it keeps reads ('label
    x then save the labeled rows as parquet': the save reads the labeling's labeled_path, so
    routing the save alone would save the unlabeled file).
    """
    kept = set(wanted)
    for step in steps:
        if step.tool not in kept:
            continue
        for value in step.args.values():
            for found in STEP_REF_RE.finditer(str(value)):
                index = int(found.group(1))
                if (
                    index < len(steps)
                    and steps[index].tool not in kept
                    and not _said_as_done(steps[index].why)
                ):
                    return True
    return False


DONE_RE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|well|hi|hey|morning|fyi|and|also|now)\b\W*)*"
    r"(?:our|my|the|their|his|her|these|those|this|that|they|we|i|someone|somebody|[a-z]+s)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:have\s+|had\s+|has\s+|already\s+)?[\w-]+ed\b",
    re.I,
)
ASKS_RE = re.compile(
    r"\b(?:please|pls|can you|could you|would you|want|need|'d like|would like|let'?s)\b", re.I
)


def _said_as_done(clause: str) -> bool:
    """Whether a clause tells what someone did rather than asks for it ('our recruiters
    hand-tagged 120 postings, they are in x.csv'): a step the rules read from it is no request
    the router must keep.
    """
    return bool(DONE_RE.match(clause)) and not ASKS_RE.search(clause)


def _reads_document(step: PlanStep) -> bool:
    """Whether a step that reads a table was given a document (.md, .pdf, ...) instead."""
    from agents.references import DOC_EXT

    value = step.args.get("dataset") or step.args.get("data_path")
    return isinstance(value, str) and value.lower().endswith(DOC_EXT)


def _repeats_on_purpose(core: list[str], wanted: list[str], plan: Plan) -> bool:
    """Whether the rules run a tool more often than the router would, each time on another
    file ('inspect a.csv then inspect b.csv'): how many times a tool runs, once per file named,
    is the goal's own wording, which the rules read and a whole-goal classifier cannot. Two
    steps on the same file (a clause read twice) are no such evidence.
    """
    if set(core) != set(wanted):
        return False
    repeated = [t for t in set(core) if core.count(t) > wanted.count(t)]
    if not repeated:
        return False
    for tool in repeated:
        steps = [s for s in plan.steps if s.tool == tool]
        files = [_step_input(s.args) for s in steps]
        if None in files or len(set(files)) < len(files):
            return False
        for step, file in zip(steps, files, strict=True):
            others = {repr(v) for o in plan.steps if o is not step for v in o.args.values()}
            if file in others:
                return False  # a file another step already reads (as its gold file, say)
    return True


def _step_input(args: dict[str, Any]) -> str | None:
    """The file or dataset a step reads, as a comparable string (None when it names none)."""
    for key in ("dataset", "data_path", "paths", "path", "labeling_dir", "model_dir"):
        if args.get(key):
            return repr(args[key])
    return None


def _names_a_tool(goal: str) -> bool:
    """A tool named outright, as its name or its words ('suggest datasets for ...')."""
    return any(
        rx.search(rf"\b{t.replace('_', '[ _]')}\b", goal, re.I) for t in BUILDERS if "_" in t
    )


def _lone_input(goal: str, gold: str | None) -> list[str]:
    """The goal's input table when it names exactly one besides the files it writes and the
    gold, and reads it as data ('test it with x_test.csv' is no data to train or label on).
    """
    from agents.references import DOC_EXT

    named = [f for f in dict.fromkeys(FILE_RE.findall(goal)) if f != gold]
    data, _, written = role_files(goal, named) if named else ([], [], [])
    inputs = [f for f in named if f not in written]
    if len(inputs) != 1 or inputs[0] not in data or inputs[0].lower().endswith(DOC_EXT):
        return []
    return inputs


TWIN_TOOLS = {"export_dataset": "export_labeled_data"}
"""A tool whose input is missing, and the tool the same words mean when that one's input is at
hand: 'export it with the hand labels marked' after a labeling run, with no QA set anywhere."""


def _bound_otherwise(p: Planning, tool: str, slots: Slots) -> tuple[str, dict[str, Any] | None]:
    """A builder's question ('which table?') answered by what is at hand, else left standing:
    the twin tool whose input the plan or thread holds (`TWIN_TOOLS`). (The goal's one input
    named elsewhere was tried too: it made side remarks into steps, fresh12/fresh13.)
    """
    twin = TWIN_TOOLS.get(tool)
    if twin is None:
        return tool, None
    asked, p.question = p.question, None
    args = BUILDERS[twin](p, slots)
    if args is not None and not p.question:
        p.notes.append(f"{twin}: nothing for {tool} to read here, so what is at hand is used")
        return twin, args
    p.question = asked
    return tool, None


def _assign(wanted: list[str], planning: Planning, clauses: list[str]) -> dict[str, list[str]]:
    """Which clause each of the router's tools is built from: the clause the rules built it
    from, else the clause of the tool before it, else the first clause that asks something.
    """
    from agents.intent import is_description

    requests = [c for c in clauses if not is_description(c)] or clauses
    unused = [(s.tool, s.why) for s in planning.steps]
    built = {s.why for s in planning.steps}
    out: dict[str, list[str]] = {}
    previous: str | None = None
    for tool in wanted:
        clause = next((why for t, why in unused if t == tool and why in clauses), None)
        if clause is not None:
            unused.remove((tool, clause))
        elif tool == "evaluate_model" and previous in requests:
            # 'train on a.csv, test it on b.csv': the measurement comes from the later clause
            # the rules folded into the training (its file), not from the training's clause.
            after = requests[requests.index(previous) + 1 :]
            clause = next(
                (c for c in after if c not in built and c not in out and FILE_RE.search(c)),
                previous,
            )
        else:
            clause = previous or requests[0]
        out.setdefault(clause, []).append(tool)
        previous = clause
    return out


def semantic_ready() -> bool:
    """Whether the router can run (the packaged embedding model is there)."""
    from agents import semantic

    return semantic.available()


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
    shown = ", ".join(sorted(tables)[:15])
    if not shown:
        from tools.local import misplaced_files

        beside = misplaced_files()
        shown = "none yet (put files in the workspace folder, $FORGEFLOW_HOME/workspace)"
        if beside:
            from agents.reporter import misplaced_said

            shown += f"; {misplaced_said(beside)}"
    return f"There is no file named {name}, and no step here makes it. Your tables: {shown}."


def _in_workspace(ref: str) -> bool:
    """Whether `ref` is a relative name of a file in the workspace (then `find_table_file` finds
    it too): checked first, so a named file that is there costs no dataset-record query.
    """
    from pathlib import Path

    from store.workspace import is_workspace_file

    return not Path(ref).is_absolute() and is_workspace_file(ref)


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
            if ref in named and ref not in made and not _in_workspace(ref):
                try:
                    if find_table_file(ref) is None:
                        return ref
                except ForgeflowError:
                    return None  # a hostile or odd name: the tool's own error explains it
        for key in ("path", "output", "output_path"):
            if isinstance(step.args.get(key), str):
                made.add(step.args[key])
    return None


def _tested_file_said(clause: str, name: str) -> bool:
    """'test b.csv, logistic, target accuracy 0.8': a testing verb whose object is the file (no
    preposition), in a clause no tool was read from.
    """
    base = name.rsplit("/", 1)[-1]
    if not base or len(base) > 255:
        return False
    pattern = (
        # 'test b.csv', 'OOT test = b.csv', 'out-of-time on b.csv' (an out-of-time test set)
        rf"\b(?:(?:{OUT_OF_TIME_RE}\s+)?(?:test|validate)(?:\s+(?:set|file|data))?\s*[:=]?"
        rf"|{OUT_OF_TIME_RE}(?:\s+(?:set|file|data))?\s*(?:[:=]|on|against|with)?)\s*"
        r"(?:it\s+|the model\s+)?(?:\./)?" + re.escape(base) + r"\b"
    )
    return bool(re.search(pattern, clause, re.I))


OUT_OF_TIME_RE = r"(?:oot|out[- ]of[- ]time)"
"""An out-of-time test set ('OOT on b.csv', 'OOT test = b.csv'): a later period held out."""


def _folds_into_training(p: Planning, clause: str, tools: list[str], slots: Slots) -> bool:
    """'..., and test it with test.csv' after a training step: the training's test set; so is
    a file a clause of look-ups only measures ('..., report precision on b.csv').
    """
    trainer = p.last_step("train_model")
    if trainer is None or not slots.files:
        return False
    named = slots.files[-1]
    if (
        named_as_test_set(clause, named)
        and named != _data_of(p.steps[trainer])
        and "test_dataset" not in p.steps[trainer].args
    ):
        p.steps[trainer].args["test_dataset"] = named  # '..., the eval set is b.csv'
        return True
    measured = all(t in READ_ONLY for t in tools) and rx.search(
        TEST_MEASURED_RE + re.escape(slots.files[-1]), clause, re.I
    )
    if (
        not measured
        and tools not in (["evaluate_model"], ["predict"])
        and (tools or not _tested_file_said(clause, slots.files[-1]))
    ):
        return False
    if (
        not measured
        and not rx.search(
            rf"\b(test|tested|testing|check|validate|held[- ]?out|hold[- ]?out|{OUT_OF_TIME_RE})\w*\b",
            clause,
            re.I,
        )
        and not (tools == ["evaluate_model"] and rx.search(r"\bscore\b", clause, re.I))
    ):
        return False
    if rx.search(r"\bevaluat", clause, re.I) or "test_dataset" in p.steps[trainer].args:
        return False
    p.steps[trainer].args["test_dataset"] = slots.files[-1]
    return True


TRAINED_ON_SAID = (
    # 'build' as in `TRAIN_ON_RE`, or any word from it ('building'), and 'based'
    rf"\b(?:{rx.TRAIN_VERB}|build\w*|base\w*)\b[^.;?!]{{0,30}}?"
    rf"\b(?:{rx.LEARNT_FROM}|off)\s+(?:the\s+)?"
)
"""Words that say which table a model learns from ('use a model trained on b.csv')."""


def _trained_on_said(p: Planning, goal: str) -> None:
    """'which rows of a.csv will lapse? use a model trained on b.csv': the question's table was
    read as the training data and the table said learnt from as the rows to predict; the two
    trade places (a label read from the question's table gives way, to be grounded on b.csv).
    """
    from agents.arguments import _table_columns

    trainers = [i for i, s in enumerate(p.steps) if s.tool == "train_model"]
    if len(trainers) != 1:
        return
    trainer = p.steps[trainers[0]]
    data = trainer.args.get("dataset")
    ref = f"${{steps.{trainers[0]}.model_path}}"
    users = [s for s in p.steps if s.tool == "predict" and s.args.get("model") == ref]
    if not isinstance(data, str) or data.startswith("${") or len(users) != 1:
        return
    rows = users[0].args.get("dataset")
    if not isinstance(rows, str) or rows == data or rows.startswith("${"):
        return
    said = rx.search(TRAINED_ON_SAID + re.escape(rows), goal, re.I)
    if said is None or rx.search(TRAINED_ON_SAID + re.escape(data), goal, re.I):
        return
    columns = _table_columns(rows)
    if not columns or not set(_table_columns(data)) < set(columns):
        return  # the table learnt from holds every column of the rows, and more (the outcome)
    trainer.args["dataset"], users[0].args["dataset"] = rows, data
    label = trainer.args.get("label_column")
    if label not in columns or not rx.search(rf"(?<![\w-]){re.escape(str(label))}(?![\w-])", goal):
        trainer.args.pop("label_column", None)  # read on the other table: grounded again
    p.notes.append(f"a model learnt from {rows} (as said), run on {data}")


def _measured_once(p: Planning) -> None:
    """A training's test file that an evaluation of the same model also reads ('train on a.csv,
    then evaluate it on b.csv' read both ways) is measured by the evaluation alone; an
    evaluation of it that names no rows takes the training's test file ('train on a.csv and
    test on b.csv, then evaluate': one measurement, on b.csv).
    """
    for at, step in enumerate(p.steps):
        test = step.args.get("test_dataset") if step.tool == "train_model" else None
        if not test:
            continue
        ref = f"${{steps.{at}.model_path}}"
        evaluations = [
            s
            for s in p.steps[at + 1 :]
            if s.tool == "evaluate_model"
            and s.args.get("model") == ref
            and not s.args.get("compare_model")
        ]
        if len(evaluations) != 1:
            continue
        measured = evaluations[0].args.get("dataset")
        if measured == test:
            step.args.pop("test_dataset")
            step.args.pop("test_label_column", None)
        elif measured is None:
            evaluations[0].args["dataset"] = step.args.pop("test_dataset")
            label = step.args.pop("test_label_column", None)
            if label:
                evaluations[0].args.setdefault("label_column", label)


def _other_file_meant(p: Planning, clause: str, tools: list[str], slots: Slots) -> list[str]:
    """'predict result in a different file than before', 'score another file with it' with a
    model on the thread and no file named: a prediction whose rows are asked for (not the
    thread's training again, on its own table).
    """
    if (
        slots.files
        or p.steps
        or not p.memory.get("model")
        or tools not in ([], ["train_model"], ["predict"])
        or not rx.search(OTHER_FILE_RE, clause)
        or not rx.search(
            r"\b(?:predict\w*|scor\w*|run|apply|classif(?:y|ies|ied)\b|forecast\w*)", clause, re.I
        )
        or rx.search(REMADE_RE, clause)  # 'train a classifier on a different dataset': a training
    ):
        return tools
    p.answer = None
    return ["predict"]


def _thread_model_tested(p: Planning, clause: str, tools: list[str], slots: Slots) -> list[str]:
    """'the eval set is b.csv', 'use b.csv as the test set' with no training in this request and
    a model on the thread: that model measured on the file (not a new model trained on it).
    """
    if (
        p.last_step("train_model") is not None
        or not p.memory.get("model")
        or len(slots.files) != 1
        or tools
        not in (
            [],
            ["inspect_dataset"],
            ["train_model"],
            ["train_model", "evaluate_model"],
            ["predict"],
        )
        or not named_as_test_set(clause, slots.files[0])
    ):
        return tools
    p.answer = None  # no 'could not tell'
    return ["evaluate_model"]


def _dropped_evaluation(p: Planning, clause: str, slots: Slots) -> bool:
    """A clause evaluating on a file ('evaluate it on b.csv') that the router's plan gives no
    tool, after its training step: the file is that training's test set (else it is lost).
    """
    trainer = p.last_step("train_model")
    if trainer is None or len(slots.files) != 1 or "test_dataset" in p.steps[trainer].args:
        return False
    if not rx.search(
        r"\b(?:evaluat\w*|test\w*|check\w*|validat\w*|scor\w*)\s+(?:it|that|them|the model|"
        r"the classifier)?\s*(?:on|against|with)\b",
        clause,
        re.I,
    ) and not (
        rx.search(TEST_MEASURED_RE + re.escape(slots.files[0]), clause, re.I)
        or named_as_test_set(clause, slots.files[0])
    ):
        return False
    if slots.files[0] == _data_of(p.steps[trainer]):
        return False
    p.steps[trainer].args["test_dataset"] = slots.files[0]
    return True


def _goal_options(p: Planning, goal: str) -> None:
    """Settings said anywhere in the goal reach its one loop step ('... Use an MLP.')."""
    for tool in ("train_model", "label_dataset"):
        steps = [s for s in p.steps if s.tool == tool]
        # one loop, or one per clause of a specification on the same data (merged later)
        if not steps or (len(steps) > 1 and len({str(_data_of(s)) for s in steps}) != 1):
            continue
        args = steps[-1].args
        options = loop_options(goal, tool)
        if tool == "train_model":
            kind = model_kind(goal)
            if kind:
                options["model"] = kind
            options.update(network_options(goal))
        else:
            options.pop("name", None)
        for key, value in options.items():
            args.setdefault(key, value)


SCORING_WORDS_RE = (
    r"\b(?:scor\w*|check\w*|judg\w*|grad\w*|rat(?:e|ing)|assess\w*|review\w*|how\s+good|"
    r"how\s+well|how\s+many\s+(?:would\s+)?(?:survive|pass))\b"
)
"""Words that ask for generated QA pairs to be scored (after they are made)."""


def _scoring_pass_mark(p: Planning, goal: str) -> None:
    """'make questions from the guide, then check them with a stricter 0.85 bar': a pass mark
    said after the words that ask for the scoring is the scoring step's, not the generation's
    (which keeps its default); one said before them stays the generation's.
    """
    from agents.arguments import quality_floor, scoring_floor

    scorers = [s for s in p.steps if s.tool == "score_qa"]
    makers = [s for s in p.steps if s.tool == "generate_qa"]
    if len(scorers) != 1:
        return
    for match in rx.finditer(SCORING_WORDS_RE, goal, re.I):
        # 'check them; a pair needs at least 0.7 to stay': the mark may be in the next clause
        mark = scoring_floor(goal[match.end() :])
        if mark is None:
            continue
        scorers[0].args.setdefault("quality_threshold", mark)
        if quality_floor(goal[: match.end()]) is None:
            for maker in makers:
                if maker.args.get("quality_threshold") == mark:
                    maker.args.pop("quality_threshold")
        return


def _data_of(step: PlanStep) -> Any:
    return step.args.get("dataset") or step.args.get("data_path")


def network_options(text: str) -> dict[str, Any]:
    """MLP settings a person states: layers, hidden size, dropout, learning rate, epochs."""
    out: dict[str, Any] = {}
    layers = rx.search(
        rf"\b{NUM}\s+(?:hidden\s+|dense\s+|fully[- ]connected\s+)?layers?"
        r"(?:\s+(?:of|with|at|x|×)\s+(\d+)(?:\s*(?:units?|neurons?|each|wide))?)?",
        text,
        re.I,
    )
    if layers:
        out["layers"] = _number(layers.group(1))
        if layers.group(2):
            out["hidden_size"] = int(layers.group(2))
    else:
        # 'n_layers 2', 'num_layers: 3', 'hidden layers: 2', 'depth 3', 'layer count = 2'
        named = rx.search(
            rf"\b(?:n[_ ]?layers|num[_ ]?layers|number of (?:hidden )?layers|hidden[_ ]layers|"
            rf"layer[_ ]count|layers|depth)\s*(?:=|:|of|is)?\s*{NUM}\b(?!\s*(?:units?|neurons?))",
            text,
            re.I,
        )
        if named and 1 <= _number(named.group(1)) <= 4:
            out["layers"] = _number(named.group(1))
    shape = rx.search(r"\b([1-4])\s*[x×]\s*(\d{2,4})\b", text, re.I)  # '2x64 MLP'
    if (
        shape
        and "layers" not in out
        and rx.search(
            r"\b(mlp|neural|hidden|layers?|perceptron|network|architecture)\b", text, re.I
        )
    ):
        out["layers"], out["hidden_size"] = int(shape.group(1)), int(shape.group(2))
    hidden = rx.search(
        r"\bhidden(?:[_ ](?:size|units?|width|dim))?\s*(?:=|:|of)?\s*(\d+)"
        r"|\b(\d+)[ -](?:hidden[ -])?(?:units?|neurons?)\b"
        r"|\b(?:width|neurons?|(?:units?|neurons?|nodes?) per layer|layer[_ ](?:size|width)|"
        r"(?:hidden[_ ])?units?)\s*(?:=|:|of|is)?\s*(\d+)\b",
        text,
        re.I,
    )
    if (
        hidden
        and "hidden_size" not in out
        and (
            hidden.group(1)
            or rx.search(r"\b(mlp|neural|hidden|layers?|perceptron|network|depth)\b", text, re.I)
        )
    ):
        value = int(next(g for g in hidden.groups() if g))
        if value >= 4:
            out["hidden_size"] = value
    dropout = rx.search(
        r"\bdropout(?:[_ ](?:rate|prob\w*|p))?\s*(?:=|:|of|at|is|to)?\s*(0?\.\d+|\d{1,2}\s*%)"
        r"|\b(0?\.\d+|\d{1,2}\s*%)\s+dropout\b",
        text,
        re.I,
    )
    if dropout:
        raw = (dropout.group(1) or dropout.group(2)).replace(" ", "")
        value = float(raw.rstrip("%")) / 100 if raw.endswith("%") else float(raw)
        if 0.0 <= value <= 0.9:
            out["dropout"] = value
    rate = rx.search(
        r"\b(?:lr|learning[ _]rate)\s*(?:=|:|of)?\s*(\d+(?:\.\d+)?(?:e-?\d+)?)", text, re.I
    )
    if rate:
        out["learning_rate"] = float(rate.group(1))
    epochs = rx.search(r"\b(\d+)\s+epochs?\b|\bepochs?\s*(?:=|:)?\s*(\d+)", text, re.I)
    if epochs:
        out["epochs"] = int(epochs.group(1) or epochs.group(2))
    batch = rx.search(
        r"\bbatch(?:[_ ]size)?\s*(?:=|:|of)?\s*(\d+)|\b(\d+)\s+(?:per )?batch\b", text, re.I
    )
    if batch:
        out["batch_size"] = int(batch.group(1) or batch.group(2))
    decay = rx.search(r"\bweight[_ ]decay\s*(?:=|:|of)?\s*(\d+(?:\.\d+)?(?:e-?\d+)?)", text, re.I)
    if decay:
        out["weight_decay"] = float(decay.group(1))
    patience = rx.search(r"\bpatience\s*(?:=|:|of)?\s*(\d+)", text, re.I)
    if patience:
        out["patience"] = int(patience.group(1))
    if rx.search(r"\bhash(?:ing|ed)?\b", text, re.I):
        out["text_features"] = "hashed"
    elif rx.search(r"\btf-?idf\b", text, re.I):
        out["text_features"] = "tfidf"
    # the longest n-gram named is the max ('unigrams+bigrams', 'uni- and bigrams' → 2)
    grams = [
        {"uni": 1, "bi": 2, "tri": 3}.get((said.group(1) or "").lower()) or int(said.group(2))
        for said in rx.finditer(
            r"\b(uni|bi|tri)-?(?:grams?\b|(?=\s*(?:and|&|\+|,|/)\s*(?:uni|bi|tri)-?grams?\b))"
            r"|\bn-?grams?\s*(?:up to|<=|=|of|max)?\s*(\d)",
            text,
            re.I,
        )
    ]
    if grams:
        out["ngram_max"] = max(grams)
    features = rx.search(
        r"\b(\d+)\s*(k)?\s+(?:max\s+)?features\b|\bmax[_ ]features\s*(?:=|:)?\s*(\d+)", text, re.I
    )
    if features:
        value = int(features.group(1) or features.group(3))
        out["max_features"] = value * 1000 if features.group(2) else value
    vocab = rx.search(
        r"\b(?:vocab(?:ulary)?|dictionary|features?)\s+(?:size\s+)?(?:capped\s+|limited\s+|cap\s+)?"
        r"(?:at|to|of|=|:)\s*(?:most\s+)?(\d+(?:[.,]\d+)?)\s*(k)?\b"
        r"|\b(?:cap|limit|restrict)\s+(?:the\s+)?(?:vocab(?:ulary)?|dictionary|features?)\s+"
        r"(?:size\s+)?(?:at|to)\s*(?:most\s+)?(\d+(?:[.,]\d+)?)\s*(k)?\b"
        r"|\b(?:top|most frequent)\s+(\d+(?:[.,]\d+)?)\s*(k)?\s+(?:words|terms|tokens)\b",
        text,
        re.I,
    )
    if vocab and "max_features" not in out:
        groups = vocab.groups()
        at = next(i for i in (0, 2, 4) if groups[i])
        number = float(groups[at].replace(",", "" if len(groups[at].split(",")[-1]) == 3 else "."))
        value = int(number * 1000) if groups[at + 1] else int(number)
        if value >= 16:
            out["max_features"] = value
    if rx.search(r"\b(gpu|cuda)\b", text, re.I) and not rx.search(
        r"\b(no|without|not on)\s+(?:a\s+)?(gpu|cuda)\b", text, re.I
    ):
        out["device"] = "cuda"
    elif rx.search(r"\b(on (?:the )?cpu|cpu only|without (?:a )?gpu)\b", text, re.I):
        out["device"] = "cpu"
    if rx.search(
        r"\bno class weights?\b|\bunweighted\b|\b(?:no|without|disable|skip|turn off)\s+(?:the\s+|any\s+)?"
        r"(?:class[- ])?(?:re-?weight\w*|class[- ]weight\w*|weighting)\b",
        text,
        re.I,
    ):
        out["class_weights"] = "none"
    share = validation_share(text)
    if share is not None:
        out["validation_fraction"] = share
    return out


_PCT = r"(\d{1,2}(?:\.\d+)?)\s*(?:%|percent\b|per\s?cent\b)"
# the rows by the table's own noun too ('30% of the runs for validation'): 'validation' pins it
_ROWS = r"(?:of\s+(?:the\s+|all\s+|my\s+|our\s+)?[a-z]{2,30}\s*,?\s*)?"
VALIDATION_SHARE_RES = (
    # '80/20 split', '70/30 train/validation split', '80/20 stratified split'
    re.compile(
        r"\b(\d{2})\s*/\s*(\d{2})\s+(?:stratified\s+|random\s+)?(?:train/?val\w*\s+)?split\b", re.I
    ),
    # '30% for validation', 'hold back 30 percent for validation', '15 per cent aside for validation'
    re.compile(
        rf"\b{_PCT}\s+{_ROWS}(?:(?:held|kept|set|put|taken|hold|keep)\s+)?"
        r"(?:aside\s+|back\s+|out\s+|apart\s+)?(?:(?:for|as)\s+(?:the\s+|a\s+)?)?"
        r"validation\b(?!\s+(?:accuracy|f1|auc|score|metric|loss|precision|recall|performance))",
        re.I,
    ),
    # 'Validation: 25% of the rows', 'validation split of 20%', 'validate on 20% of the data'
    re.compile(
        rf"\bvalidat\w*\s*(?:split|fraction|share|size|set|holdout|hold-out)?\s*(?:of|=|:|is|on|with)?"
        rf"\s*(?:the\s+)?{_PCT}",
        re.I,
    ),
    # 'hold out 25%', 'keep back 20 percent': a share held out, said alone
    re.compile(
        rf"\b(?:hold|keep|set|put)\w*\s+(?:out|back|aside|apart)\s+{_PCT}(?!\s*(?:of|for)\b)",
        re.I,
    ),
    # 'a 20% test split', '25 percent holdout set': the rows held out, measured once
    re.compile(
        rf"\b{_PCT}\s+(?:test|testing|validation|val|holdout|hold-out|held[- ]out|eval)\s*"
        r"(?:split|set|share|part|portion|fraction)\b",
        re.I,
    ),
    # '25% holdout', 'a 25 % hold-out', 'holdout of 25%', 'hold-out set: 30 percent'
    re.compile(
        rf"\b{_PCT}\s+(?:holdout|hold-out|held[- ]out)\b(?!\s+(?:file|data\w*|table)\b)"
        # (not a target on it: 'accuracy on the holdout of 80%')
        rf"|(?<!\bon\s)(?<!\bon\sthe\s)\b(?:holdout|hold-out)\s*(?:set|split|share|size)?\s*"
        rf"(?:of|=|:|is)\s*{_PCT}",
        re.I,
    ),
    # 'validation fraction 0.25', 'validation share = .3', 'val frac 0.3'
    re.compile(
        r"\bval(?:idation)?[ _](?:fraction|frac|share|split|size)\s*(?:of|=|:|is)?\s*(0?\.\d+)\b",
        re.I,
    ),
    # 'hold out 20% of the training rows instead', 'keep back 25 percent of the data'
    re.compile(
        rf"\b(?:hold|keep|set|put)\w*\s+(?:out|back|aside|apart)\s+{_PCT}\s+of\s+(?:the\s+|all\s+)?"
        r"(?:training\s+|train\s+)?(?:rows|data|records|examples|samples|set|table)\b",
        re.I,
    ),
    # 'test is 30 percent', 'test split: 20%' (a share, not a test file)
    # (not a metric's target on the test set: 'recall on test is 75% or better')
    re.compile(
        rf"(?<!\bon\s)(?<!\bon\sthe\s)\btest\s*(?:set|split|share|size|part)?\s*(?:is|=|:|of)\s*{_PCT}"
        r"(?!\s*(?:or\s+(?:better|more|higher|above)|\+|at\s+least|accuracy|acc\b|f1|auc|recall|"
        r"precision))",
        re.I,
    ),
)


def validation_share(text: str) -> float | None:
    """The share of rows held out for validation, as a fraction, in the words a specification
    uses ('hold out 30% for validation', 'Validation: 25% of the rows', '80/20 split',
    'validation fraction 0.25'); None when none is said (or it is not below 90%).
    """
    for pattern in VALIDATION_SHARE_RES:
        match = pattern.search(text)
        if match is None:
            continue
        groups = [g for g in match.groups() if g]
        raw = groups[-1]
        if len(groups) == 2 and int(groups[0]) + int(groups[1]) != 100:
            continue
        value = float(raw) if raw.startswith(("0.", ".")) else float(raw) / 100
        if 0.0 < value < 0.9:
            return value
    return None


def _merge_duplicates(p: Planning) -> None:
    """One step per tool and table: a later step on the same data only adds missing arguments."""
    if any("${steps." in str(s.args) for s in p.steps):
        _merge_agreeing_twins(p)  # steps read others' outputs: only exact repeats merge
        return
    kept: list[PlanStep] = []
    for step in p.steps:
        if any(k.tool == step.tool and k.args == step.args for k in kept):
            continue  # the same request said twice ('I want the vote of each rule ... the result'): once
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
    if len(kept) != len(p.steps):
        p.steps[:] = kept


def _merge_agreeing_twins(p: Planning) -> None:
    """Steps read earlier steps' outputs: a later step that only repeats an earlier one (same
    tool, same data, every argument of its own the same there: 'which trees will get blight?
    ... could you make that, then evaluate it on june.csv' trains once) is dropped, and the
    references to it and after it are renumbered. A step with an argument the earlier one
    lacks or sets otherwise (a second model kind to compare) stays, as does a step whose clause
    names its file itself; no kept step's arguments change.
    """
    index: dict[int, int] = {}
    kept: list[PlanStep] = []
    for i, step in enumerate(p.steps):
        key = step.args.get("dataset") or step.args.get("data_path")
        twin = next(
            (
                j
                for j, k in enumerate(kept)
                if isinstance(key, str)
                and k.tool == step.tool
                and (k.args.get("dataset") or k.args.get("data_path")) == key
                and all(n in k.args and k.args[n] == v for n, v in step.args.items())
            ),
            None,
        )
        own = isinstance(key, str) and key in FILE_RE.findall(step.why or "")
        if twin is not None and not own and "${steps." not in str(step.args):
            index[i] = twin
            continue
        index[i] = len(kept)
        kept.append(step)
    if len(kept) == len(p.steps):
        return

    def renumber(value: Any) -> Any:
        if isinstance(value, str):
            return rx.sub(
                r"\$\{steps\.(\d+)\.",
                lambda m: f"${{steps.{index.get(int(m[1]), int(m[1]))}.",
                value,
            )
        if isinstance(value, list):
            return [renumber(v) for v in value]
        return value

    for step in kept:
        step.args = {name: renumber(value) for name, value in step.args.items()}
    p.steps[:] = kept


def _with_candidates(question: str) -> str:
    """A question about which data, with the workspace's tables as the candidates."""
    from agents.grounding import workspace_files

    tables = [f for f in workspace_files() if rx.search(r"\.(csv|tsv|parquet|jsonl)$", f, re.I)]
    if not tables:
        return question
    shown = ", ".join(tables[:20]) + (f" (+{len(tables) - 20} more)" if len(tables) > 20 else "")
    return f"{question} Tables in the workspace: {shown}."


def _existing_files(goal: str) -> tuple[str, list[str], dict[str, list[str]]]:
    """A named file that does not exist but is a close misspelling of one workspace file
    ('transactoins.csv' → 'transactions.csv') is read as that file; the change is noted. A name
    equally near several files comes back with them (name → candidates), to ask which.
    """
    from agents.references import misspelt_candidates
    from errors import closest
    from store.workspace import resolve_path

    goal, stems = _bare_stems(goal)
    names = FILE_RE.findall(goal)
    if not names:
        return goal, stems, {}
    _, _, outputs = role_files(goal, names)
    names = [n for n in names if n not in outputs]
    if rx.search(SPLIT_FILES_RE, tables_named(goal)):
        names = names[:1]  # 'split a.csv into a_tr.csv and a_va.csv': the rest are new files
    changed: list[str] = stems
    unsure: dict[str, list[str]] = {}
    known: list[str] | None = None
    for name in dict.fromkeys(names):
        try:
            if resolve_path(name).exists():
                continue
        except ForgeflowError:
            continue
        sibling = _beside_named(name, names)
        if sibling:
            # 'chunk museum/exhibits/a.md + b.md': a bare name in the folder of a file said
            # with it (deeper than the two levels the workspace listing reaches)
            goal = rx.sub(rf"(?<![\w/.-]){re.escape(name)}\b", lambda _, s=sibling: s, goal)
            changed.append(f"{name} → {sibling}")
            continue
        if known is None:
            from agents.grounding import workspace_files

            known = workspace_files()
        # 'tweet_preds.csv' beside 'tweets.csv' is a new name made from it, not a misspelling:
        # a typo does not add a joined word ('_preds', '-scored') to a name
        near = [
            n
            for n in misspelt_candidates(name, known)
            if _parts(n) >= _parts(name) and not _output_word(name, n)
        ]
        if len(near) > 1:
            unsure[name] = near
            continue
        if not near:
            suffix = name.rsplit(".", 1)[-1].lower()
            near = [
                n
                for n in closest(name, known, n=3)
                if n.lower().endswith("." + suffix)
                and difflib.SequenceMatcher(None, name.lower(), n.lower()).ratio() >= 0.8
                and _parts(n) >= _parts(name)
                and not _output_word(name, n)
            ]
            if not (len(near) == 1 or (near and _same_stem(name, near[0]))):
                continue
        goal = rx.sub(rf"(?<![\w/.-]){re.escape(name)}\b", near[0], goal)
        changed.append(f"{name} → {near[0]} (no file named {name}; read as the nearest name)")
    return goal, changed, unsure


def _derived_names(files: list[str]) -> list[str]:
    """Named files that are not there and whose name is a workspace file's name with a word
    added ('app_reviews_scored.csv' beside 'app_reviews.csv'), has a word that names an
    output ('deferral_votes.csv'), or is a workspace table's name in another table format
    ('x.parquet' beside 'x.csv': the copy asked for): files to write, not to read.
    """
    from agents.grounding import workspace_files

    if not files:
        return []
    known = workspace_files()
    stems = {_stem(k): _parts(k) for k in known}
    from agents.references import TABLE_EXT

    suffixes = {_stem(k): _suffix(k) for k in known if k.lower().endswith(TABLE_EXT)}
    return [
        f
        for f in files
        if f not in known
        and (
            any(stem and stem in _stem(f) and _parts(f) > n for stem, n in stems.items())
            or (_name_words(f) & OUTPUT_WORDS and not is_workspace_file(f))
            or (_stem(f) in suffixes and _suffix(f) not in (suffixes[_stem(f)], ""))
        )
    ]


def _suffix(name: str) -> str:
    """A table file's format by its name ('x.csv.gz': .csv.gz), empty for any other file."""
    from agents.references import TABLE_EXT

    return next((e for e in TABLE_EXT if name.lower().endswith(e)), "")


def _stem(name: str) -> str:
    """A path's file name without its folder and suffixes, lower case (one rule with grounding)."""
    from agents.grounding import _stem_of

    return _stem_of(name)


OUTPUT_WORDS = frozenset(
    "votes voted preds predictions predicted scores scored labels labelled labeled results "
    "out output flagged flags cleaned clean synthetic fake export exported lfs rules anomalies "
    "report summary sample".split()
)
"""Name words of a file made by a step: a misspelling does not turn a name word into one."""


def _output_word(name: str, near: str) -> bool:
    """Whether `name` differs from the workspace file `near` by a word that names an output
    ('deferral_votes.csv' beside 'deferral_notes.csv' is the votes' file, not a slip).
    """
    return bool((_name_words(name) - _name_words(near)) & OUTPUT_WORDS)


def _name_words(path: str) -> set[str]:
    """The joined words of a file's stem ('deferral_votes.csv': deferral, votes)."""
    return {w for w in re.split(r"[_\-\s]+", _stem(path)) if w}


def _parts(name: str) -> int:
    """How many joined words a file's stem has ('app_reviews_scored.csv': three)."""
    stem = name.rsplit("/", 1)[-1].split(".", 1)[0]
    return len([w for w in re.split(r"[_\-\s]+", stem) if w])


def _beside_named(name: str, names: list[str]) -> str | None:
    """The file `name` (said without a folder) in the folder of another file the goal names,
    when it is there: a list of files whose first carries the folder for the rest.
    """
    from store.workspace import resolve_path

    if "/" in name:
        return None
    for other in names:
        folder = other.rsplit("/", 1)[0] if "/" in other else ""
        if not folder:
            continue
        candidate = f"{folder}/{name}"
        try:
            if resolve_path(candidate).is_file():
                return candidate
        except ForgeflowError:
            continue
    return None


BARE_STEM_RE = re.compile(
    r"(?<![\w./@-])(?<!call )(?<!called )(?<!name )(?<!named )([A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+)"
    r"(?![\w./@-])"
)


def _bare_stems(goal: str) -> tuple[str, list[str]]:
    """'the first rows of usage_daily': a joined name without its extension that is the name
    of exactly one workspace file is that file (tables first), noted. A column of a table the
    goal names in full stays a column ('train on calls.csv with tech_notes as text' where
    tech_notes.csv is there too).
    """
    tokens = [m.group(1) for m in BARE_STEM_RE.finditer(goal)]
    if not tokens:
        return goal, []
    from agents.grounding import workspace_files
    from agents.references import TABLE_EXT

    files = workspace_files()
    columns = _named_tables_columns(goal)
    notes: list[str] = []
    for token in dict.fromkeys(tokens):
        if token.lower() in columns:
            continue
        same = [f for f in files if f.rsplit("/", 1)[-1].split(".", 1)[0].lower() == token.lower()]
        tables = [f for f in same if f.lower().endswith(TABLE_EXT)]
        if len(same) != 1 and len(tables) == 1:
            same = tables
        if len(same) != 1:
            continue
        goal = rx.sub(rf"(?<![\w./@-]){re.escape(token)}(?![\w./@-])", same[0], goal)
        notes.append(f"{token} → {same[0]}")
    return goal, notes


NAMED_TABLES_READ = 4
"""How many of the tables a goal names in full `_named_tables_columns` profiles."""


def _named_tables_columns(goal: str) -> set[str]:
    """The columns (lower-cased) of the tables the goal names with their extension, the first
    `NAMED_TABLES_READ` that are workspace tables.
    """
    from agents.references import TABLE_EXT

    out: set[str] = set()
    named = [n for n in dict.fromkeys(FILE_RE.findall(goal)) if n.lower().endswith(TABLE_EXT)]
    for name in named[:NAMED_TABLES_READ]:
        profile = table_profile(name) if is_workspace_file(name) else None
        if profile is not None:
            out |= {str(n).lower() for n in profile["names"]}
    return out


def _same_stem(a: str, b: str) -> bool:
    return sorted(a.lower()) == sorted(b.lower())


WRITE_CLAUSE_RE = re.compile(
    r"^\W*(?:and\s+|then\s+)*(?:write|save|put|store|dump)\s+(?:(?:it|them|those|these|the "
    r"(?:results?|predictions?|output|scores?))\s+)?(?:(?:to|into|in|as)\s+)?[\"'`]?([\w./-]+)",
    re.I,
)
"""A clause that only says where to write: 'write preds.csv so I can look through them'."""


def _names_last_output(p: Planning, clause: str, slots: Slots) -> bool:
    """A clause that only names a file to write, after a step of this plan that writes a table
    and has no output yet (its clause was split off at 'and': 'predict for b.csv and write
    c.csv so I can check them'): that step's output; True when the clause was used so.
    """
    from agents.arguments import _not_there
    from tools.registry import get_tool

    said = WRITE_CLAUSE_RE.match(clause)
    if not p.steps or said is None or slots.files != [said.group(1)]:
        return False
    step = p.steps[-1]
    try:
        fields = get_tool(step.tool).input_model.model_fields
    except Exception:  # noqa: BLE001 - an unknown tool takes no output
        return False
    if "output" not in fields or step.args.get("output") or not _not_there(said.group(1)):
        return False
    if step.args.get("flagged_path") == said.group(1):
        return True  # 'and save them as odd.csv' after a scan: its flagged rows' file already
    step.args["output"] = said.group(1)
    return True


def _merges_export(p: Planning, tool: str, args: dict[str, Any]) -> bool:
    """A second export of the same QA set ('... then export jsonl and csv, no splits' after a
    clause that already planned the export) states the one export's settings: the later
    clause's values win, and no second export is planned (unless it names another output).
    """
    if tool != "export_dataset":
        return False
    index = p.last_step("export_dataset")
    if index is None:
        return False
    earlier = p.steps[index].args
    if earlier.get("dataset_id") != args.get("dataset_id"):
        return False
    if {earlier.get("output_dir"), args.get("output_dir")} - {None} and earlier.get(
        "output_dir"
    ) != args.get("output_dir"):
        return False
    earlier.update(args)
    return True


def _repeats(p: Planning, tool: str, args: dict[str, Any], explicit: bool = False) -> bool:
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


def _narrowed_rows(
    goal: str, tool: str, args: dict[str, Any], fields: set[str] | dict[str, Any]
) -> dict[str, Any] | None:
    """'only the dogs', 'and for Into the Woods?' after a look at (or a save of) a table: the
    last call's row filter with the rows this sentence limits it to (a condition on a column
    already filtered replaces it); None when the sentence names no rows of that table.
    """
    from agents.grounding import row_filter

    data = args.get("dataset")
    if "where" not in fields or not isinstance(data, str) or "${" in data:
        return None
    profile = table_profile(data)
    said = row_filter(profile, goal) if profile is not None else {}
    if not said:
        return None
    before = args.get("where") if isinstance(args.get("where"), dict) else {}
    return {**before, **said}


def _adjust_last_call(goal: str, memory: dict[str, Any]) -> Plan | None:
    """'rank by f1 instead', 'top 3 only', 'I meant logistic regression': the last call again
    with what this sentence changes (only when the sentence plans nothing on its own).
    """
    last = memory.get("last_call")
    loop = memory.get("last_loop")
    if isinstance(last, dict) and isinstance(loop, dict) and loop.get("tool") != last.get("tool"):
        from agents.repeat import said_options

        if said_options(str(loop.get("tool")), goal) and not said_options(
            str(last.get("tool")), goal
        ):
            last = loop  # 'bump to trigrams' after an evaluation: the training's setting
    kind = model_kind(goal)
    if kind and isinstance(last, dict) and last.get("tool") != "train_model":
        # 'use an MLP instead' after predicting with the model: its training, with that kind
        last = _training_meant(goal, memory) or last
    if not isinstance(last, dict) or last.get("tool") not in BUILDERS:
        return None
    tool, args = last["tool"], dict(last.get("args") or {})
    if rx.search(r"\bexport\w*\b", goal, re.I) and not tool.startswith("export"):
        return None  # 'ok export, only the good ones above 0.85': an export, not a rerun
    if rx.search(r"\btrending\b", goal, re.I) and tool != "trending_datasets":
        return None  # 'what's trending on the Hub instead?' after a search: its own look-up
    fields = _tool_fields(tool)
    changes: dict[str, Any] = {}
    if kind and "model" in fields and tool == "train_model":
        changes["model"] = kind
    changes.update({k: v for k, v in loop_options(goal, tool).items() if k in fields})
    targets = extract_targets(goal)
    metric = next((m for m in ("auc", "f1", "accuracy") if m in targets), None)
    if metric and "target_value" in fields:
        changes["target_metric"], changes["target_value"] = metric, targets[metric]
    named = rx.search(r"\b(?:by|on|using)\s+(f1|accuracy|auc|precision|recall)\b", goal, re.I)
    if named and "metric" in fields:
        changes["metric"] = named.group(1).lower()
    top = rx.search(r"\btop\s+(\d+)\b|\b(\d+)\s+only\b|\bonly\s+(\d+)\b", goal, re.I)
    if top and "limit" in fields:
        changes["limit"] = int(next(g for g in top.groups() if g))
    slots = extract_slots(goal)
    if slots.source and "source" in fields:
        changes["source"] = slots.source
    from agents.options import stated
    from agents.repeat import added_columns, call_changes, new_outputs, said_options

    changes.update(said_options(tool, goal))
    if tool == "train_model":
        changes.update(added_columns(goal, args))
    changes.update({k: v for k, v in stated(tool, goal).items() if k in fields})
    changes.update(_enum_choices(tool, goal))
    info = memory.get("generator_info")
    if tool == "generate_synthetic" and isinstance(info, dict):
        from agents.memory import contrasted_label

        classes = [str(c) for c in info.get("classes") or []]
        label = contrasted_label(goal, memory, classes)  # 'and 300 of people who did'
        if label is not None and label != args.get("label"):
            changes["label"] = label

    outputs = new_outputs(FILE_RE.findall(goal)) or [None]
    data = args.get("dataset") or args.get("data_path")
    changes.update(call_changes(tool, goal, data, outputs[0], args.get("path")))
    count = _count_change(tool, goal, changes, args)
    if count is not None:
        changes[count[0]] = count[1]
    planning = Planning(memory=memory, goal=goal)
    other = named_file(planning, slots) if outputs[0] is None else None  # not the new output
    key = "dataset" if "dataset" in args else "data_path" if "data_path" in args else None
    if not other and key and WRONG_FILE_RE.search(goal):
        other = _described_input(goal, str(args.get(key) or ""))
    if other and key:
        changes[key] = other
    narrowed = _narrowed_rows(goal, tool, args, fields)
    if narrowed:
        changes["where"] = narrowed  # 'only the dogs', 'and for Into the Woods?'
    figure = figure_said(goal) if "statistic" in fields and args.get("label_column") else None
    if figure and figure != (args.get("statistic") or "mean"):
        changes["statistic"] = figure  # 'and the max instead of the average'
    if not changes:
        return None
    from tools.tabular import TABLE_SUFFIX_RE

    named = str(changes.get("name") or "")
    if tool in ("train_model", "train_generator") and TABLE_SUFFIX_RE.search(named):
        # 'save it as scores.csv' after a training: a model is a folder, not a table
        model = memory.get("model") or "the model"
        return Plan(
            question=f"{model} is a model (a folder), so it cannot be saved as the table "
            f"{named}. Do you want predictions saved as {named} (say which file to predict), "
            "or the model kept under a new name (say 'save the model as <name>')?"
        )
    plan = call_again(tool, args, changes, targets, goal)
    if tool == "train_model":
        from agents.comparison import _compare_with_thread

        # 'try an MLP instead and compare the two': the new training, then one evaluation of
        # the thread's model with it on the same rows
        planning = Planning(memory=memory, goal=goal)
        planning.steps = plan.steps
        _compare_with_thread(planning, goal, 0)
        plan.notes.extend(planning.notes)
    return plan


WRONG_FILE_RE = re.compile(
    r"\b(wrong (?:file|table|data|one|csv)|i meant?|i mean|i ment|i mena?t|not that (?:file|one)|"
    r"instead|rather|other (?:file|table|one))\b",
    re.I,
)
MAKE_THAT_RE = re.compile(
    r"\b(?:make|change|set|bump|raise|increase|lower|reduce|drop|up|double) "
    r"(?:that|it|this|them|those)(?: (?:up|down))?(?: to)? (\d+)\b(?!\s*%|\.\d)"
    # 'like 400', 'maybe 250 instead': a bare new count, hedged
    r"|^\W*(?:no,?\s*|actually,?\s*)?(?:(?:like|maybe|say|about|around|roughly|more like)\s+)?"
    r"(\d+)(?: instead| rather| please| or so)?\W*$"
    # 'perfect, now 1000 rows and put them in x.csv', 'ok now 2000'
    r"|^\W*(?:(?:ok|okay|perfect|great|good|nice|cool|thanks)\W+)*(?:now|then|and now)\s+(\d+)"
    r"(?:\s+(?:rows|records|samples|examples|of them|instead|more))?\b(?!\s*%|\.\d|\s*[a-z]+\s+only\b)"
    r"(?=\s*(?:$|[.!,;]|and\b|please\b|pls\b|instead\b))",
    re.I,
)
# The field a bare new number changes, per kind of call (the first one the tool has).
COUNT_FIELDS = (
    "n",
    "datasets_per_chunk",
    "questions_per_chunk",
    "limit",
    "top_k",
    "max_attempts",
    "epochs",
)
THREAD_OUTPUT_RE = (
    r"^\s*(?:it|them|those|these|that|this|everything)\b|^\s*(?:the|my|our)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:table|data|dataset|rows|results?|version|copy|output|labels|"
    r"predictions|scores|sheet)\s+(?:as|to|into|in|under)\b"
)
"""The words between 'save' and 'as x.csv' that speak of the thread's table ('it', 'the
filled-in table'), not of a file."""
SAVE_AS_RE = re.compile(
    r"\b(save|write|store|dump|keep|put|export|copy)\b[^.?!]*?(?:\b(?:as|to|into|in|under)\s+"
    # 'keep a copy called x.csv', 'save that under the name x.csv'
    r"|\b(?:called|named|under\s+the\s+(?:file\s+)?name|(?:call|name)\s+(?:it|them|that|the\s+file))\s+"
    r"|\s*(?:->|=>|→)\s*)"  # 'save scores -> x.csv'
    # 'save that as csv too, x.csv', 'as a parquet file: x.parquet': the format, then the name
    r"(?:(?:an?\s+)?(?:csv|tsv|parquet|jsonl)(?:\s+file)?(?:\s+(?:too|also|as\s+well))?\s*"
    r"[,:;-]\s*(?:(?:called|named|at|in|to)\s+)?)?"
    r"(?:a\s+file\s+(?:called|named)\s+)?([\w./-]+\.(?:csv|tsv|parquet|jsonl))\b",
    re.I,
)


def _count_change(
    tool: str, goal: str, changes: dict[str, Any], args: dict[str, Any] | None = None
) -> tuple[str, int] | None:
    """'make that 300', 'bump it to 4': the last call's main count, unless already set. QA
    pairs are counted in all ('make it 40' after 15 pairs), unless the last call set a count
    per chunk.
    """
    match = MAKE_THAT_RE.search(goal)
    if match is None:
        return None
    from tools.registry import get_tool

    try:
        model_fields = get_tool(tool).input_model.model_fields
    except Exception:  # noqa: BLE001 - no tool, no count to change
        return None
    value = int(next(g for g in match.groups() if g))
    if value in changes.values():
        return None  # 'make it 100 epochs': the number already set the field it names
    fields = COUNT_FIELDS
    if "max_pairs" in model_fields and "datasets_per_chunk" not in (args or {}):
        fields = ("max_pairs", *COUNT_FIELDS)
    for name in fields:
        info = model_fields.get(name)
        if info is not None and info.annotation in (int, int | None):
            if name in changes:
                return None
            return name, value
    return None


def _enum_choices(tool: str, goal: str) -> dict[str, Any]:
    """'only with the isolation forest': a list-of-choices setting narrowed to the choices
    the sentence names (the choices come from the tool's schema, words loosely matched).
    """
    import typing

    from agents.options import ENUM_SYNONYMS
    from tools.registry import get_tool

    if not rx.search(r"\b(only|just|solely|alone|nothing but|instead)\b", goal, re.I):
        return {}
    try:
        model_fields = get_tool(tool).input_model.model_fields
    except Exception:  # noqa: BLE001 - no tool, no choices
        return {}
    words = rx.findall(r"[a-z]+", goal.lower())
    out: dict[str, Any] = {}
    for name, info in model_fields.items():
        if typing.get_origin(info.annotation) is not list:
            continue
        (inner,) = typing.get_args(info.annotation) or (None,)
        if typing.get_origin(inner) is not typing.Literal:
            continue
        named = [
            str(choice)
            for choice in typing.get_args(inner)
            if all(
                any(difflib.SequenceMatcher(None, part, w).ratio() >= 0.8 for w in words)
                for part in str(choice).split("_")
                if len(part) > 2
            )
            or _initials(str(choice)) in words  # 'LOF' for local_outlier_factor
            # 'the local outlier one': the choice's own other words (agents/options.py)
            or bool(
                (name, str(choice)) in ENUM_SYNONYMS
                and rx.search(ENUM_SYNONYMS[(name, str(choice))], goal, re.I)
            )
        ]
        if named:
            out[name] = named
    return out


def _initials(choice: str) -> str:
    """'local_outlier_factor' → 'lof' (only for names of three parts or more)."""
    parts = [p for p in choice.split("_") if p]
    return "".join(p[0] for p in parts) if len(parts) >= 3 else "\0"


def _described_input(goal: str, current: str) -> str | None:
    """'oops wrong file, I meant the greenhouse readings': the other file the words describe."""
    from agents.grounding import workspace_files
    from agents.references import described_file

    files = [f for f in workspace_files() if f.split("/", 1)[0] not in OUTPUT_FOLDERS]
    found = described_file(goal, [f for f in files if f != current])
    return found


GOLD_TOOLS = ("label_dataset", "write_labeling_functions", "apply_labeling_functions")
NO_GOLD_RE = r"\b(?:without|no|ignore|skip|drop)\s+(?:the\s+|any\s+)?(?:hand[- ]?labels?|gold)\b"


def _thread_gold(plan: Planning, goal: str, memory: dict[str, Any]) -> None:
    """'write LFs for a.csv, gold g.csv' ... 'now the full label model': a labeling step on a
    table the thread labeled with hand labels, naming none now, uses those hand labels again.
    """
    golds = memory.get("golds")
    if not isinstance(golds, dict) or not golds or rx.search(NO_GOLD_RE, goal, re.I):
        return
    for step in plan.steps:
        if step.tool not in GOLD_TOOLS or step.args.get("gold_path") or step.args.get("gold"):
            continue
        data = step.args.get("data_path") or step.args.get("dataset")
        gold = golds.get(data) if isinstance(data, str) else None
        if isinstance(gold, str):
            step.args["gold_path"] = gold
            plan.notes.append(f"hand labels: {gold} (the ones this thread used for {data})")


def _thread_file_as_gold(plan: Planning, goal: str, memory: dict[str, Any]) -> None:
    """'use that file to label headlines.csv': the file the thread just looked at holds the
    hand labels of the labeling step (which names another file as its data).
    """
    _thread_gold(plan, goal, memory)
    if not rx.search(
        r"\b(?:use|with|from|using|per)\s+(?:that|this|these|the same|the previous|those)\s+"
        r"(?:file|table|labels?|hand[- ]?labels|sheet|one)\b",
        goal,
        re.I,
    ):
        return
    looked = memory.get("dataset")
    if not isinstance(looked, str) or not FILE_RE.fullmatch(looked.rsplit("/", 1)[-1]):
        return
    for step in plan.steps:
        if step.tool != "label_dataset" or step.args.get("gold_path") or step.args.get("gold"):
            continue
        if step.args.get("data_path") not in (None, looked):
            step.args["gold_path"] = looked
            plan.notes[:] = [n for n in plan.notes if not n.startswith("hand labels:")]
            plan.notes.append(f"hand labels: {looked} (the file this thread just looked at)")


def _correction_follow_up(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'FB10 is wrong, it's mixed' on a thread with a labeling run: correct those labels."""
    from agents.arguments import corrections

    if files or not memory.get("labeled") or not corrections(goal):
        return None
    if not rx.search(r"\b(actually|really|should be|wrong|fix|correct|mislabel)\w*\b", goal, re.I):
        return None
    planning = Planning(memory=memory, goal=goal)
    args = BUILDERS["correct_labels"](planning, extract_slots(goal))
    if not args:
        return None
    return Plan(steps=[PlanStep(tool="correct_labels", args=args, why=goal)])


def _export_of_labeling_run(
    goal: str, verb: str, source: str, path: str, memory: dict[str, Any]
) -> Plan | None:
    """'Export that version as parquet to x.parquet' after a labeling run (or a re-apply of its
    functions): the run's labeled output exported by the run's own exporter (its current
    version), not its table copied by save_table; a format the exporter cannot write is left
    to save_table.
    """
    from agents.options import field_choices

    labeled = memory.get("labeled")
    if verb.lower() != "export" or not isinstance(labeled, str):
        return None
    of_run = source == labeled or source.replace("\\", "/").startswith("labeling/")
    suffix = path.rsplit(".", 1)[-1].lower()
    if not of_run or suffix not in field_choices("export_labeled_data", "format"):
        return None
    from store.workspace import resolve_path

    try:
        if resolve_path(path).exists():
            return None  # the exporter replaces files: save_table asks before it does
    except ForgeflowError:
        return None
    planning = Planning(memory=memory, goal=goal)
    args = BUILDERS["export_labeled_data"](planning, extract_slots(goal))
    if not args or args.get("output_path") != path:
        return None
    args.setdefault("format", suffix)
    step = PlanStep(tool="export_labeled_data", args=args, why=goal)
    return Plan(steps=[step], notes=[f"exporting the labeling run's labeled rows as {path}"])


def _save_last_output(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'save those as fraud_synth.csv', 'save the scores as x.csv': the thread's last table
    (or its labeled rows, when the sentence speaks of labels) written to the named file.
    """
    match = SAVE_AS_RE.search(goal)
    if match is None or len(set(files)) != 1 or match.group(2) != files[0]:
        return None
    last_tool = (memory.get("last_call") or {}).get("tool")
    if MAKE_THAT_RE.search(goal) and last_tool in ("generate_synthetic", "predict"):
        return None  # 'now 1000 rows and put them in x.csv': the last call again, changed
    if RERUN_RE.search(goal) and last_tool in BUILDERS and "output" in _tool_fields(last_tool):
        return None  # 'redo that with X and write it to x.csv': the last call again, its output
    from agents.arguments import flagged_table, looked_at_last, scan_rows_meant

    labeled = memory.get("labeled")
    table = memory.get("last_table")
    if labeled and rx.search(CORRECTED_SAVE_RE, goal, re.I):
        return None  # the corrected labels: an export of the run (the clause rules plan it)
    if labeled and rx.search(r"\blabel", goal, re.I):
        source = labeled
    else:
        source = (
            flagged_table(memory, goal)
            # 'save them as bad_shifts.csv' right after a scan: its flagged rows, not the scores
            or scan_rows_meant(Planning(memory=memory, goal=goal), goal[: match.start(2)])
            or looked_at_last(memory)
            or table
            or labeled
        )
    if not isinstance(source, str) or not source:
        return None
    exported = _export_of_labeling_run(goal, match.group(1), source, files[0], memory)
    if exported is not None:
        return exported
    from store.workspace import resolve_path

    try:
        exists = resolve_path(files[0]).exists()
    except ForgeflowError:
        return None
    if exists and not rx.search(THREAD_OUTPUT_RE, goal[match.end(1) : match.start(2)], re.I):
        return None  # an existing file: 'save reviews.csv as ...' names the table itself
    # 'save it as complaints.csv', 'save the filled-in table as x.csv' with x.csv there: the
    # thread's table onto the person's file, which the save asks before replacing
    from agents.arguments import with_run_columns

    args = with_run_columns({"dataset": source, "path": files[0]}, goal)
    looked = (memory.get("last_call") or {}).get("args") or {}
    if (
        isinstance(looked.get("where"), dict)
        and looked["where"]
        and looked.get("dataset") == source
    ):
        args["where"] = looked["where"]  # 'save those rows as x.csv' after a filtered look
    from agents.options import field_choices

    suffix = files[0].rsplit(".", 1)[-1].lower()
    if suffix != "csv" and suffix in field_choices("save_table", "format"):
        # 'save that as x.parquet': a format other than the plain csv is said by the name
        args["format"] = suffix
    step = PlanStep(tool="save_table", args=args, why=goal)
    return Plan(steps=[step], notes=[f"saving {source} as {files[0]}"])


MADE_FILE_RE = re.compile(
    r"\bthe\s+(?:(?:newly|just)\s+)?(?:converted|saved|exported|copied|written|new)\s+"
    r"(?:file|table|csv|copy|version|one|sheet)\b",
    re.I,
)


MADE_FORMAT_RE = (
    r"\b(?:the|that|this)\s+(csv|tsv|parquet|jsonl)(?:\s+(?:file|version|copy|one|table))?\b"
    r"(?!\s*(?:format|export|splits?)\b)"
)
"""'train on the parquet': the file of that format the thread wrote, when its data was another."""


def _made_file_named(goal: str, memory: dict[str, Any], notes: list[str]) -> str:
    """'predict the queue for the converted file', 'train x on the parquet' (after a conversion
    to parquet): the table the thread last wrote, by name.
    """
    made = memory.get("last_table")
    match = MADE_FILE_RE.search(goal)
    if match is None and isinstance(made, str):
        match = rx.search(MADE_FORMAT_RE, goal, re.I)
        data = memory.get("dataset")
        if match is not None and (
            not made.lower().endswith("." + match.group(1).lower())
            or (isinstance(data, str) and data.lower().endswith("." + match.group(1).lower()))
        ):
            match = None  # not the format it wrote, or its data was already of that format
    if match is None or not isinstance(made, str) or not FILE_RE.fullmatch(made):
        return goal
    notes.append(f"{match.group(0)} → {made}")
    return f"{goal[: match.start()]}{made}{goal[match.end() :]}"


def _schema_metric(tool: str, metric: str) -> str:
    """A metric word as the tool's target_metric spells it ('f1' → 'f1_macro' where that is
    the only F1 the schema offers).
    """
    import typing

    from tools.registry import get_tool

    try:
        info = get_tool(tool).input_model.model_fields.get("target_metric")
    except Exception:  # noqa: BLE001 - no tool: the word as said
        return metric
    choices = [str(c) for c in typing.get_args(info.annotation)] if info is not None else []
    if not choices or metric in choices:
        return metric
    return next(
        (c for c in choices if c.startswith(f"{metric}_") or c.endswith(f"_{metric}")), metric
    )


def _metric_switch(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'sorry, I meant recall, not precision; same 0.7': the last targeted run again with the
    metric the sentence wants (the one not negated), keeping the target unless a new one is said.
    """
    from agents import memory as thread

    if files:
        return None
    said = [
        (m.start(), thread.asked_metric(m.group(0))) for m in thread.METRIC_ASKED_RE.finditer(goal)
    ]
    negated = {
        metric
        for start, metric in said
        if rx.search(
            r"\b(?:not|instead of|rather than|no longer|than)\s+(?:the\s+)?$", goal[:start], re.I
        )
    }
    wanted = [metric for _, metric in said if metric and metric not in negated]
    if not wanted or not (negated or WRONG_FILE_RE.search(goal) or FOLLOW_UP_RE.search(goal)):
        return None
    last = memory.get("last_call")
    if not isinstance(last, dict) or last.get("tool") not in BUILDERS:
        return None
    args = dict(last.get("args") or {})
    if not args.get("target_metric"):
        return None
    tool = str(last["tool"])
    metric = _schema_metric(tool, wanted[0])
    args["target_metric"] = metric
    targets = extract_targets(goal)
    value = targets.get(wanted[0])
    if value is None:
        number = rx.search(r"(?<![\w.])(0?\.\d+|1\.0+|\d{1,3}(?:\.\d+)?\s*%)", goal)
        if number:
            raw = number.group(1).replace(" ", "")
            value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    if value is not None:
        args["target_value"] = value
    note = f"{tool} again with target {metric} {args.get('target_value')}"
    plan = Plan(steps=[PlanStep(tool=tool, args=args, why=goal)], notes=[note])
    plan.asked = {"metric": wanted[0]}
    return plan


def _generate_from_thread(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'now sample 250 rows of the churned ones' on a thread that trained a generator: rows
    from that generator (the class read from the words and its classes), not a new one.
    """
    from agents import memory as thread
    from agents.arguments import _synthetic_count, role_files

    info = memory.get("generator_info")
    if not isinstance(info, dict) or not info.get("path"):
        return None
    _, _, out = role_files(goal, files)
    bare = rx.fullmatch(  # '200 high rows': a count, a class, rows
        r"\W*(?:now\s+|and\s+)?\d[\d,]*\s+(?:[\w-]+\s+){0,2}(?:rows|records|samples)\W*", goal, re.I
    )
    if [f for f in files if f not in out] or not (thread.GENERATE_RE.search(goal) or bare):
        return None
    if rx.search(r"\b(train|fit|retrain)\w*\b|\bnew (?:generator|c?vae)\b", goal, re.I):
        return None  # a new generator (or one named), planned by the clause rules
    count = _synthetic_count(goal)
    if count is None:
        said = rx.search(rf"{thread.GENERATE_RE.pattern}\s+(?:me\s+)?(\d{{1,7}})\b", goal, re.I)
        count = int(said.group(2)) if said else None
    if count is None and not rx.search(r"\b(rows|records|samples|examples)\b", goal, re.I):
        return None
    args: dict[str, Any] = {"model": info["path"], "n": count or 100}
    label = thread.generator_label(goal, info)
    if label is None:
        # 'and 300 of people who did': the class of the request before, or its other one
        label = thread.contrasted_label(goal, memory, [str(c) for c in info.get("classes") or []])
    if label is not None:
        args["label"] = label
    if out:
        args["output"] = out[-1]
    note = f"from the generator trained on {info.get('dataset') or 'this thread'}"
    if label is not None:
        note += f", class {info.get('label_column')}={label}"
    return Plan(steps=[PlanStep(tool="generate_synthetic", args=args, why=goal)], notes=[note])


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


def _class_target(clause: str, slots: Slots, p: Planning) -> bool:
    """Whether a forecasting clause names a class column of its table ('forecast sell-outs' with
    a sold_out column): a classifier's job, in scope.
    """
    from agents.grounding import _plain, label_target

    files = slots.files or _memory_tables(p)
    target = label_target(clause, files)
    if target is None:
        return False
    for ref in files:
        profile = table_profile(ref)
        if profile is not None and target in profile["names"]:
            return bool(_plain(profile, target)["label_like"])
    return False


def forecast_answer(files: list[str]) -> str:
    """What to say to a forecast (future values over time): out of scope, and the closest
    things it can do, on the person's own table when one is named.
    """
    table = next((f for f in files if rx.search(r"\.(csv|tsv|parquet|jsonl)$", f, re.I)), None)
    name = table or "data.csv"
    options = [
        f"inspect the data's columns and value ranges (e.g. 'show me the columns of {name}')",
        f"train a regression of a numeric column on each row's other columns (inputs known "
        f"when the row is predicted), or a classifier for a yes/no or category column, such as "
        f"whether a period beats a threshold (e.g. 'predict high_demand from {name}')",
        f"flag unusual rows such as spikes or drops (e.g. 'find unusual rows in {name}')",
    ]
    return (
        "Forecasting future values of a time series is outside what I can do here: there is no "
        "forecasting tool (train_model regresses a number on each row's own columns; it does "
        f"not model time or lags). The closest things I can do: {'; '.join(options)}."
    )


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
    "save_model": "save that model as churn_v2",
}


SEEDS_THE_LOOP = (
    r"\b(?:start(?:s|ing)?\s+(?:from|with)\s+(?:these|those|them|the(?:se)? rules|my|our)|"
    r"get (?:us|me|it|things) started|seed(?:s|ed|ing)?\b|as a (?:start|starting point|seed)|"
    r"to begin with|on top of (?:these|those|them|it))"
)
"""Rules said as a starting point ('start from these', 'seed the labeling with them')."""
LOOP_GOES_ON = (
    r"\b(?:loop|weak[- ]?supervis\w*|let (?:the|it|the system|the loop)\b[^.;]{0,30}"
    r"\b(?:improve|refine|add|grow|extend|build on|mine)|improv\w* on (?:them|those|these|it)|"
    r"until (?:it|we|the \w+) (?:reach|hit|get)\w*)"
)
"""... that the labeling loop carries on from ('let the system improve on them', 'run the full
weak-supervision loop', 'until it reaches 0.9'): label_dataset, not a one-off application."""
LOOP_SEED_NOTE = (
    "your rules are read as a starting point for the labeling loop (label_dataset), which writes "
    "and refines rules of its own to the target; it takes no rules as input"
)


TARGET_ONLY = (
    r"^\W*(?:\(?[a-z0-9]\)\s*|\d+[.)]\s*)?(?:(?:the\s+)?(?:target|aim|goal)\w*\s*(?:is\s+|of\s+|:\s*|=\s*)?)"
    r"(?:an?\s+)?(?:auc|accuracy|acc|macro[- _]?f1|f1(?:[- _]macro)?|precision|recall|coverage)\s*"
    r"(?:of\s+|>=?\s*|=\s*|:\s*|at least\s+)?\d*\.?\d+\s*%?"
    r"(?:\s*,?\s*(?:within|in|over|with|at most|max(?:imum)?|up to)\s+(?:at most\s+|up to\s+)?\d+\s+"
    r"(?:attempts?|rounds?|tries|iterations?))?\W*$"
)
"""A list item that only states a target ('(d) target AUC 0.92 within 5 attempts'): the target
goes to the loop planned before it (`_carry_targets`); it asks for no step of its own."""


PRONOUN_SEARCH = (
    r"(?:(?:now|ok(?:ay)?|so|and|then|please|pls|can|could|would|will|you|for|me|us|all|of)\W+)*"
    r"(?:find|search(?:\s+for)?|look\s+for|locate|spot|track\s+down|dig\s+up)\s+"
    r"(?:them|they|it|those|these|that|this|ones|them\s+all|all\s+of\s+them)"
    r"(?:\W+(?:please|pls|for\s+me|for\s+us|now|too|as\s+well|thanks?))*"
)
"""A search whose only object is a pronoun ('Find them please.'): a pronoun is never a query."""


def _antecedent_tools(
    p: Planning, clause: str, slots: Slots, target: str | None, has_tool: Any, after: bool
) -> list[str]:
    """The tools for 'find them' read with the words before it ('... very strange numbers ...
    Find them') on the named or thread's table: an anomaly scan, say; nothing when those words
    cue no step on data (the earlier clause plans its own).
    """
    from agents import semantic
    from agents.intent import cue_tools

    at = p.goal.find(clause)
    before = p.goal[:at] if at > 0 else ""
    table = next(iter([*slots.files, *_memory_tables(p)]), None)
    if not before.strip() or table is None:
        return []
    tools = cue_tools(f"{before} {clause}", [table], target, has_tool, after) or []
    if not tools or any(t in semantic.ONLINE_TOOLS for t in tools):
        return []
    if not slots.files:
        slots.files = [table]
    return tools


OUT_OF_SCOPE_ANSWER = "That is outside what I can do here. "
DELETE_FILES_RE = re.compile(
    # asked, not told of: the verb starts the request or a sentence of it ('delete everything
    # in the workspace', 'ok, please wipe my models'), so 'don't delete the original file',
    # 'Never erase my datasets.' and 'tickets asking to delete their files' are none
    r"(?:^|[.;!?\n]\s*|,\s*(?:and\s+|then\s+)?|\b(?:and|then)\s+)"
    r"(?:(?:please|pls|ok(?:ay)?|now|so|just|can\s+you|could\s+you|would\s+you)[\s,]+)*"
    r"(?:delete|erase|wipe|purge|rm\s+-rf|clear\s+out)\b[^.;?]{0,30}?\b(?:files?|everything|"
    r"workspace|datasets?|folders?|outputs?|models?|all\s+(?:my|the|of\s+the)\s+(?:data|tables))\b",
    re.I,
)
"""Files asked to be deleted ('delete everything in the workspace'): no tool deletes files."""
NOT_FILES_RE = re.compile(
    r"\b(?:rows?|columns?|duplicates?|values?|cells?|outliers?|records?|labels?|entries|pairs)\b",
    re.I,
)
"""What a deletion of parts of a table names ('delete the duplicate rows'): no files."""
DELETE_ANSWER = (
    "No request deletes files here: I read your data and write new outputs beside it. Remove "
    "files from the workspace folder yourself ($FORGEFLOW_HOME/workspace); a download is "
    "removed with DELETE /datasets/<id>."
)
CHART_ANSWER = (
    "I draw no charts of a table's columns (a spreadsheet or plotting tool does); I can count a "
    "column's values ('how many of each value of x in data.csv?'), and an evaluation draws its "
    "model's own curves. "
)
"""What a chart of the data is told: what it is not, and the nearest thing that is."""
"""How the answer to a clause out of scope (`agents.intent.OUT_OF_SCOPE`) begins."""


def _clause_intent(clause: str, slots: Slots, p: Planning) -> list[str]:
    """The tools one clause asks for: cue rules with data evidence, keyword rules, neighbours."""
    from agents import semantic
    from agents.grounding import filled_in, label_target, sorted_into
    from agents.intent import (
        CHUNK_SPLIT,
        DATA_CHART,
        FORECAST,
        MODEL_CHART,
        OUT_OF_SCOPE,
        cue_tools,
        nearest_tools,
    )
    from tools.registry import has_tool

    purpose = without_purpose(clause)
    data_chart = rx.search(DATA_CHART, purpose, re.I) and not rx.search(MODEL_CHART, clause, re.I)
    if (rx.search(OUT_OF_SCOPE, purpose, re.I) or data_chart) and not p.steps:
        why = "" if rx.search(OUT_OF_SCOPE, purpose, re.I) else CHART_ANSWER
        p.answer = (
            OUT_OF_SCOPE_ANSWER
            + why
            + closest_question(clause).replace("I could not tell what to do. ", "")
        )
        return []
    if (
        rx.search(FORECAST, clause, re.I)
        and not p.steps
        and not rx.search(
            r"\b(?:whether|if|which (?:ones?|rows?|customers?|items?))\b", clause, re.I
        )
        and not _class_target(clause, slots, p)
    ):
        p.answer = forecast_answer(slots.files or _memory_tables(p))
        return []
    grouped = _grouped_question(p, clause, slots) or _figure_question(p, clause, slots)
    if grouped:
        return grouped
    explained = _explain_question(p, clause, slots)
    if explained:
        return explained
    split = _split_request(p, clause, slots)
    if split == "by_value":
        p.answer = SPLIT_BY_VALUE_ANSWER
        p.hard = True  # a table named and split by its column: no chunking of a document
        return []
    if split:
        return ["split_table"]
    from agents.arguments import saved_model_by_word
    from agents.memory import WRONG_RE

    if (
        rx.search(WRONG_RE, clause)
        and not p.steps
        and ((not slots.files and p.memory.get("model")) or saved_model_by_word(clause) is not None)
    ):
        # 'which days did it get most wrong?' with no worst rows kept: the thread's model (or
        # 'the noshow model' saved earlier) evaluated (its validation split), which lists them
        return ["evaluate_model"]
    if rx.search(WRONG_RE, clause) and not p.steps and not p.memory.get("model"):
        from agents.arguments import MODEL_WORD_RE, NOT_MODEL_WORDS, saved_models_said

        named = rx.search(MODEL_WORD_RE, clause)
        if named and named.group(1).lower() not in NOT_MODEL_WORDS:
            # 'which appointments did the noshow model get most wrong?' with no model at all:
            # said, not an anomaly scan of the table
            p.answer = (
                f"There is no saved {named.group(1)} model to measure.{saved_models_said()} "
                "Train one first, e.g. 'train a model to predict <column> in <file>'."
            )
            p.hard = True  # an answer of its own: no router's guess in its place
            return []
    lower = clause.lower()
    if (
        p.memory.get("trainings")
        and not slots.files
        and not p.steps
        and model_kind(clause)
        and rx.search(SAME_DATA_RE, lower)
        and not rx.search(
            r"\b(?:evaluat\w*|predict\w*|compar\w*|scor\w*|label\w*|generat\w*)", lower
        )
    ):
        return ["train_model"]  # 'same data, an MLP this time as x': the thread's training again
    if p.last_step("label_dataset", "train_model") is not None and rx.match(TARGET_ONLY, lower):
        return []  # '(d) target AUC 0.9 within 5 attempts': the loop's target, no step of its own
    if rx.match(r"^\s*(?:but\s+|and\s+|please\s+)?(?:don'?t|do not|never|no need to|not)\b", lower):
        return []
    if rx.search(
        r"\b(?:don'?t|do not|no need to)\s+(?:want\s+(?:you\s+to\s+)?)?(?:\w+\s+){0,2}"
        r"label(?:l?ed|l?ing)?\b[^.;]{0,20}\byet\b",
        lower,
    ):
        return []  # "I don't want anything labelled yet": a limit on the rest, not a request  # "don't run the whole labeling loop": a limit on the rest, not a request
    if p.last_step("write_labeling_functions") is not None and rx.search(r"\bapply\b", lower):
        return ["apply_labeling_functions"]
    if (
        p.steps
        and p.steps[-1].tool in ("apply_labeling_functions", "vote_labels")
        and len(slots.files) == 1
        and rx.match(
            r"^\W*(?:then\s+|and\s+)?(?:score|check|compare|measure|grade|test)\w*\s+(?:them|those|these|"
            r"the (?:rules|lfs?|labeling functions|votes))\s+(?:against|with|on|to)\b",
            lower,
        )
    ):
        # 'score them against gold.csv': the rules' gold file, not a model to train
        p.steps[-1].args["gold_path"] = slots.files[0]
        return []
    in_plan = p.last_step("generate_qa") is not None
    qa_context = in_plan or (
        p.memory.get("qa_dataset")
        and p.memory.get("last_call", {}).get("tool")
        in ("generate_qa", "score_qa", "export_dataset")
    )
    if qa_context and not slots.files:
        judge = rx.search(r"\b(score|judge|rate|grade|re-?score|re-?judge)\w*\b", lower)
        if judge and rx.search(
            r"\b(?:judge|scor\w*|rating|grade)\s+(?:pass(?:ing)?[- ]?mark|threshold|bar|floor|cut-?off|"
            r"minimum|min|pass(?:ing)? (?:score|level))\b",
            lower,
        ):
            judge = None  # 'judge pass mark 0.75': the generation's threshold, not a scoring step
        if (
            judge
            and not rx.search(r"\bexport\b", lower)
            and (
                not in_plan
                or rx.search(r"^(?:then\s+|and\s+)?(?:score|judge|rate|grade)\b", lower)
                # 'have the judge re-score them at 0.9': a scoring step said after the generation
                or rx.search(
                    r"\bre-?(?:score|judge|rate|grade)\b|\b(?:score|judge|rate|grade)\s+"
                    r"(?:them|those|these|the (?:pairs|qa|questions|entries))\s+(?:again|at|with|against)\b",
                    lower,
                )
            )
        ):
            return ["score_qa"]
        if in_plan and judge and not rx.search(r"\b(export|csv|jsonl|parquet)\b", lower):
            return []
        if rx.search(
            r"\b(export|download|give me|hand me|send me|save|dump|write)\b|\b(?:as|in|into)\s+"
            r"(?:a|one)\s+(?:\w+\s+)?file\b",
            lower,
        ) or rx.search(r"\b(csv|jsonl|parquet|splits?)\b", rx.sub(CHUNK_SPLIT, " ", lower)):
            return ["export_dataset"]  # ('split it by the headings' is the chunking's setting)
    if (
        # a generator of the thread, or one this goal trains ('..., then generate 300 rows')
        (
            p.memory.get("generator")
            or (
                p.last_step("train_generator") is not None
                and p.last_step("generate_synthetic") is None
                # a training setting of that generator ('make sure it runs 200 epochs') is not
                and not rx.search(r"\b(epochs?|latent|layers?|batch|make sure)\b", lower)
            )
        )
        and not set(slots.files) - set(role_files(clause, slots.files)[2])
        and rx.search(r"\b(generate|make|sample|create|produce|synthesi[sz]e)\b", lower)
        and rx.search(r"\b\d+\b|\bmore\b|\bsynthetic\b|\bfake\b", lower)
    ):
        return ["generate_synthetic"]
    if (
        # 'now 50 more who didn't' right after a generation: more of the same, no verb needed
        (p.memory.get("last_call") or {}).get("tool") == "generate_synthetic"
        and not slots.files
        and rx.search(r"\b\d+\s+more\b", lower)
        and not rx.search(r"\b(train|label|predict|evaluate|epochs?|search|download)\b", lower)
    ):
        return ["generate_synthetic"]
    if (
        p.memory.get("chunk_set")
        and not slots.files
        and rx.fullmatch(
            r"\W*(?:(?:and|so|ok(?:ay)?|now|then)\W+)*(?:from|of|on|with|using|out of|based on)\s+"
            r"(?:those|these|the|that|its|our|your|my)\s+(?:\w+\s+)?chunks\W*",
            lower,
        )
    ):
        return []  # 'From those chunks, generate ...': the thread's chunks named, no new step
    if (
        p.memory.get("chunk_set")
        and not slots.files
        and rx.search(r"\b(chunks?)\b", lower)
        and rx.search(r"\b(generate|make|create|write|produce|build)\b", lower)
        and p.last_step("chunk_documents") is None
    ):
        return ["generate_qa"]  # 'now make instruction pairs from those chunks'
    if (
        p.memory.get("labeling_functions")
        and rx.search(r"\bapply\b|\brun\b", lower)
        and rx.search(r"\b(functions?|them|those|these|rules|lfs?)\b", lower)
        and p.last_step("write_labeling_functions") is None
    ):
        return ["apply_labeling_functions"]
    models = p.memory.get("models") or []
    if rx.search(r"\bcompare\b|\bversus\b|\bvs\.?\b", lower) and len(models) >= 2:
        return ["evaluate_model"]
    if (
        p.memory.get("model")
        and slots.files
        and (
            rx.search(
                rf"\b((?:run|apply|use|try) {MODEL_REF} (?:to|on|for|over)|predict\w* (?:on|for)|"
                r"score|inference on|route|classify|categori[sz]e|assign|tag)\b",
                lower,
            )
            or rx.search(OUTCOME_ASKED, FILE_RE.sub("FILE", lower))
        )
    ):
        return ["predict"]
    if (
        p.steps
        and p.steps[-1].tool == "evaluate_model"
        and not slots.files
        and rx.fullmatch(
            rf"\W*(?:\w+\W+){{0,10}}?(?:evaluate|test|check|score|measure) {MODEL_REF}\W*", lower
        )
    ):
        return []  # '... on holdout.csv? so please evaluate it': the step the clause before made
    if p.memory.get("model") and slots.files and _asks_model_label(clause, p.memory):
        return ["predict"]  # 'the band of every essay in new.csv': the model's label, per row
    if p.memory.get("model") and inputs_named(clause, slots) and not p.steps:
        last_tool = (p.memory.get("last_call") or {}).get("tool")
        if (
            rx.search(
                r"\bhow (?:does|did|would|do|will|is|are) (?:it|that|this|that one|this one|the model|"
                r"they|those|the classifier)\b.{0,40}\b(?:do|perform|fare|score|hold up|doing|good|well)\b"
                r"|\b(?:test|check|try|validate)\s+(?:it|that(?: one)?|this(?: one)?|the model)\s+(?:on|against)\b",
                lower,
            )
            or rx.search(
                rf"\b(?:is|was|would|will) {MODEL_REF} (?:\w+ )?(?:be )?(?:any )?(?:good|accurate|reliable|"
                r"decent|usable|ok|okay|hold up)\b",
                lower,
            )
            or (
                rx.match(
                    r"^\W*(?:and\s+)?(?:(?:what|how) about|and|now)\s+(?:(?:on|with|for|against)\b|"
                    r"the\b(?!.*\b(?:columns?|rows?|schema)\b))",
                    lower,
                )
                and last_tool in ("train_model", "evaluate_model")
            )
        ):
            return ["evaluate_model"]  # 'and on the test postings?': the thread's model, measured
    named = [t for t in BUILDERS if "_" in t and rx.search(rf"\b{t}\b", clause)]
    if len(named) == 1:
        return named  # the person named the tool itself ('run label_dataset on ...')
    if rx.match(r"^\s*(?:the\s+)?[\w ]{1,24}?\s*[=:]\s*[\w.%<>-]+\s*$", clause):
        return []  # a setting ('label=late'), read by the other steps' builders
    if rx.search(
        r"\bworkbench\b|\b(?:go through|review|check|look over|fix|correct)\b[^.]{0,30}"
        r"\b(?:myself|by hand|manually|wrong ones)\b",
        lower,
    ) and (p.last_step("label_dataset") is not None or p.memory.get("labeled")):
        # 'export the workbench labels', 'correct R7 to x in the workbench': the workbench is
        # where another action happens, and that action is the step
        return [t for t in _after_labeling(clause, p.goal) if t in BUILDERS] or [
            "labeling_workbench"
        ]
    written = role_files(clause, slots.files)[2]
    inputs = [f for f in slots.files if f not in written]
    if p.last_step("apply_labeling_functions", "vote_labels") is not None and not inputs:
        from agents.conditions import says_conditions
        from agents.rules import parse_rules

        if parse_rules(p.goal) or says_conditions(p.goal):
            return []  # the rest of the rules the step already holds
    workbench = _workbench_follow_up(p, clause, slots)
    if workbench:
        return workbench
    stated_rules = stated_lfs(p, slots)
    if (
        stated_rules
        and rx.search(SEEDS_THE_LOOP, p.goal, re.I)
        and rx.search(LOOP_GOES_ON, p.goal, re.I)
    ):
        # 'start from these rules and let the system improve on them until 0.9 AUC': the
        # labeling loop, which writes and refines rules of its own to a target.
        p.notes.append(LOOP_SEED_NOTE)
        return ["label_dataset"]
    if stated_rules:
        vote = (
            rx.search(r"\b(vote|votes|voting|majority)\b", lower)
            or role_files(p.goal, FILE_RE.findall(p.goal))[2]
        )
        return ["vote_labels"] if vote else ["apply_labeling_functions"]
    if _votes_into_a_file(p, clause):
        return ["vote_labels"]
    # 'sort the tickets in t.csv into teams' where `team` is partly filled: every row gets a
    # team, the filled-in cells are the hand labels (data evidence, ahead of the router)
    # 'fill in the team for the rest of t.csv', 'complete the missing teams': the same; named
    # no table, the thread's ('mood is only set on some rows, can you fill the others')
    filling = slots.files or _memory_tables(p)
    sorting = bool(
        filling
        and p.last_step("train_model") is None
        and (sorted_into(clause, filling) or filled_in(clause, filling, p.goal))
    )
    tables = [t for t in [p.memory.get("last_table"), *_memory_tables(p)] if isinstance(t, str)]
    if (
        not slots.files
        and not sorting
        and tables
        and rx.search(
            r"^\s*(?:please\s+)?(?:preview|peek at|head)\b|\b(?:first|some|a few) rows\b", lower
        )
    ):
        slots.files = [tables[0]]
        return ["preview_rows"]  # 'preview that file'
    if (
        p.last_step("label_dataset") is not None
        and slots.files
        and all(f in role_files(clause, slots.files)[2] for f in slots.files)
        and rx.search(SAVE_WORD_RE, lower)
    ):
        if rx.search(r"\b(export|download|dump)\b", lower) and (
            p.last_step("correct_labels") is not None
            or rx.search(r"\b(corrected|corrections|hand[- ]?labels?|marked|workbench)\b", lower)
        ):
            return ["export_labeled_data"]  # the run's export keeps the fixes and their marks
        return _trained_before_save(p, clause)  # '... and save the labeled rows as x.csv'
    asked_about = _column_question(p, clause, slots)
    if asked_about:
        return asked_about
    from agents.intent import data_question

    if data_question(clause, slots.files):
        return ["inspect_dataset"]  # a question about what the table holds
    if sorting and not slots.files:
        slots.files = list(filling)

    from agents.intent import SORT_NOT

    if (
        not sorting
        and slots.gold
        and slots.files
        and slots.gold not in slots.files
        and p.last_step("label_dataset", "train_model") is None
        and rx.search(r"\b(?:sort|categori[sz]|group|tag|bucket|triage)\w*\b", lower)
        and not rx.search(SORT_NOT, lower)
    ):
        # 'sort them like a and b, using the hand-sorted file': rows sorted with hand labels
        # from another file are labeled (the hand labels are no training table)
        p.cued = False
        return ["label_dataset"]
    p.cued = not sorting  # from here on: wording cues (weak evidence; the router may know better)
    target = label_target(clause, slots.files or _memory_tables(p))
    after_train = p.last_step("train_model") is not None
    if _learns_for_fakes(clause, p.goal):
        # 'learn what the rows look like and make 500 fake ones'; 'can you make fake rows?
        # Learn on x.csv with the class y, and generate 150': the learning is the generator's
        if rx.search(r"\b\d+\s+(?:\w+\s+){0,2}?(?:rows|records|examples|samples|ones)\b", lower):
            return ["train_generator", "generate_synthetic"]
        return ["train_generator"]
    unused = [
        f
        for f in p.context_files
        if not any(f in (s.args.get("dataset"), s.args.get("data_path")) for s in p.steps)
    ]
    if (
        after_train
        and not FILE_RE.search(clause)
        and unused
        and rx.search(
            r"\b(predict\w*|classify|what \w+ (?:each|every|they|it|these|those)|which \w+ (?:each|"
            r"every)|would (?:land|fall|get|go|end up)|(?:the )?new ones?)\b",
            lower,
        )
    ):
        slots.files = [unused[-1]]
        return ["predict"]  # 'tell me what band each new one gets': the described new rows
    from agents.heldout import learns_from

    if not sorting and learns_from(clause, slots.files, p.goal):
        p.cued = False  # a training verb on a table whose label the data makes evident
        trained = p.last_step("train_model")
        if trained is not None and p.steps[trained].args.get("dataset") in slots.files:
            return []  # '... will go bad? learn from p.csv': the training an outcome asked for
        if not after_train:
            return ["train_model"]
    if not sorting and not after_train:
        asked = _outcome_to_learn(p, clause, slots)
        if asked:
            p.cued = False  # an outcome the table holds as a column: hard evidence
            return asked
    tools = (
        ["label_dataset"]
        if sorting
        else cue_tools(clause, slots.files, target, has_tool, after_train)
    )
    if tools is None:
        tools = clause_tools(clause)
        lower = clause.lower()
        if tools == ["predict"] and target and not model_ref(p, slots, "train_model"):
            tools = ["train_model"]
        if (
            not tools
            and (
                # 'eval on b.csv': the short form of evaluate, as people write it; the first
                # such verb then on/against/with after it (one '.*' per verb was quadratic)
                verb := rx.search(r"\b(?:test|eval|check|score|validate|measure)\w*+\b", lower)
            )
            and rx.search(r"\b(?:on|against|with)\b", lower[verb.end() :])
            and slots.files
            and (p.last_step("train_model") is not None or p.memory.get("model"))
        ):
            tools = ["evaluate_model"]
    if tools == ["search_datasets"] and rx.fullmatch(PRONOUN_SEARCH, clause.strip(" .!?,;"), re.I):
        tools = _antecedent_tools(p, clause, slots, target, has_tool, after_train)
    words = len(
        rx.sub(rx.file_name("csv|tsv|parquet|jsonl|json|md|txt") + r"\b", " ", clause).split()
    )
    fragment = words < 2 or (
        bool(rx.match(r"^\s*(?:the|a|an|that|this|my|our|its?)\b", clause, re.I)) and words <= 4
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

        written = role_files(clause, slots.files)[2]
        inputs = [f for f in slots.files if f not in written]
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
    if rx.match(r"^[A-Za-z][\w /()-]{1,30}:\s", clause) and not FILE_RE.search(clause):
        # A spec's heading line ('Architecture: MLP, 2 layers'): settings for a step the spec
        # already asked for, read from the whole goal; only a new kind of step is added.
        tools = [t for t in tools if p.last_step(t) is None]
    if (
        tools == ["search_datasets"]
        and p.last_step("search_datasets") is not None
        and not rx.sub(
            r"\b(please|search\w*|look|only|just|there|here|it|them|that|on|in|the)\b", "", lower
        ).strip(" ,.?!")
    ):
        return []  # 'please search only there': how to run the search already planned
    first = rx.match(
        r"^\W*(?:once|after|when)\s+(?:you(?:'ve| have)?\s+)?(?:done\s+)?(?:the\s+)?label",
        lower,
    )
    if (
        "label_dataset" in tools
        or first
        or (p.last_step("label_dataset") is not None and not inputs_named(clause, slots))
    ):
        extra = _after_labeling(clause, p.goal)
        if extra:
            lead = ["label_dataset"] if first and p.last_step("label_dataset") is None else []
            tools = lead + [t for t in tools if t == "label_dataset" and not lead] + extra
            p.cued = False  # what follows a labeling run: hard evidence, ahead of the router
    if _saves_after(tools, clause):
        tools = [*tools, "save_table"]  # '... into teams and save the result as sorted.csv'
        p.cued = False
    return [t for t in tools if t in BUILDERS]


FAKE_RE = r"\b(?:fake|synthetic|artificial|simulated|made-up)\b"
"""Rows asked for that are made, not real."""


def _learns_for_fakes(clause: str, goal: str) -> bool:
    """Whether a clause's learning serves the fake rows the goal asks for: it says learn (or
    what the rows look like) and no model, classifier or prediction, and the goal asks for fake
    or synthetic rows ('make more fake examples ... Learn from x.csv and give me 150').
    """
    lower = clause.lower()
    if not rx.search(r"\blearn\w*\b", lower) or not rx.search(FAKE_RE, goal, re.I):
        return False
    if rx.search(r"\blearn\w*\b[^.]{0,40}\b(?:look|looks|behave|behaves)\s+like\b", lower):
        return not FILE_RE.search(clause)
    return not rx.search(
        r"\b(?:models?|classifier|predict\w*|classif\w*|forecast\w*|evaluat\w*|accuracy|f1)\b",
        lower,
    )


def _outcome_to_learn(p: Planning, clause: str, slots: Slots) -> list[str]:
    """An outcome asked of rows ahead of time that a named table holds as a label-like column
    ('which ponds in p.csv will go bad?' with `went_bad`), and no model of the thread learned
    it: a model trained on the rows that have it, then run over the rows to answer (another
    named table without the column, else the table itself when some rows lack the outcome).
    A thread model of that label answers alone (the OUTCOME_ASKED rule).
    """
    from agents.grounding import asked_outcome_of
    from agents.prediction import model_label

    files = slots.files or _memory_tables(p)
    found = asked_outcome_of(clause, files)
    if found is None and slots.files:
        # 'which of the ponds in new.csv will go bad? old.csv has past seasons': the goal's
        # other table holds the outcome; the clause's table is the rows to answer for
        elsewhere = [f for f in dict.fromkeys(FILE_RE.findall(p.goal)) if f not in slots.files]
        found = asked_outcome_of(clause, elsewhere) if elsewhere else None
        if found is not None:
            slots.files = [str(found[0]["dataset"]), *slots.files]
    model = p.memory.get("model")
    if found is None:
        if slots.files and _asks_thread_outcome(clause, p.memory):
            return ["predict"]  # 'which will turn green in the 2026 file?': the model's label
        return []
    profile, label = found
    if model and model_label(p.memory, model) == label:
        return ["predict"] if slots.files else []
    table = str(profile["dataset"])
    slots.label_column = slots.label_column or label  # not a column the sentence's nouns name
    written = role_files(clause, slots.files)[2]
    others = [f for f in slots.files if f != table and f not in written]
    column = next(c for c in profile["columns"] if c["name"] == label)
    if others or column["partly_filled"]:
        return ["train_model", "predict"]
    return ["train_model"]


def _asks_thread_outcome(text: str, memory: dict[str, Any]) -> bool:
    """Whether the text asks of rows ahead of time the outcome the thread's model learned
    ('which ones will turn green in the 2026 file?' after a model of `turned_green`).
    """
    from agents.columns import asked_outcome
    from agents.prediction import model_label

    model = memory.get("model")
    label = model_label(memory, model) if model else None
    if not label:
        return False
    column = {"name": label, "label_like": True, "id_like": False, "text_like": False}
    return asked_outcome({"rows": 0, "columns": [column]}, text) is not None


def _saves_after(tools: list[str], clause: str) -> bool:
    """Whether the clause ends by saving what its last step writes into a folder of its own
    ('sort x.csv into teams and save the result as y.csv', '... then write it to y.parquet').
    """
    from agents.arguments import PRODUCED_TABLE
    from agents.intent import TRAILING_SAVE
    from tools.registry import has_tool

    if not tools or tools[-1] not in PRODUCED_TABLE or not has_tool("save_table"):
        return False
    if {"save_table", "export_labeled_data"} & set(tools):
        return False
    said = rx.search(TRAILING_SAVE, clause, re.I)
    # '... and write the labeling functions to lfs.json' saves no table
    return bool(said) and not rx.search(
        r"\b(?:functions?|rules?|lfs?|models?|classifiers?|reports?|metrics|workbench|summary)\b",
        said.group("what"),
        re.I,
    )


PURPOSE_TAIL_RE = (
    r",?\s+\bfor\s+(?:the|a|an|our|my|their|your|this|that|next|tomorrow'?s?)\s+"
    r"(?:[\w-]+\s+){0,3}?[\w-]+\W*$"
)
"""A trailing purpose ('..., for the dashboard test'): what the result is for, not the request."""


def without_purpose(clause: str) -> str:
    """The clause without a trailing 'for the X' purpose, unless that is all there is: 'make
    fake orders for the dashboard test' asks for fake orders, not for a dashboard.
    """
    rest = rx.sub(PURPOSE_TAIL_RE, "", clause, flags=re.I)
    return rest if len(rest.split()) >= 3 else clause


def _after_labeling(clause: str, goal: str = "") -> list[str]:
    """What a clause asks of the labeling run it names or follows: fixes, review, an export.

    A fix said of 'those two' takes its rows from the rest of the goal.
    """
    from agents.arguments import corrections

    lower = clause.lower()
    out = []
    if rx.search(r"\b(correct|fix|change|relabel|override|amend)\w*\b", lower) and (
        corrections(clause)
        or (rx.search(r"\b(those|these|them|both|the two)\b", lower) and corrections(goal))
    ):
        out.append("correct_labels")
    if rx.search(
        r"\b(workbench|review (?:screen|page|ui|tool|app|view)|labell?ing (?:screen|ui|app))\b",
        lower,
    ):
        out.append("labeling_workbench")
    elif (
        rx.search(
            r"\b(eyeball|look at|see|show me|review|check|inspect|go through)\b[^.]{0,50}\b(?:ones?|rows?|"
            r"items?|those) (?:that |which )?(?:came out|ended up|were|got|turned out)?\s*"
            r"(?:labell?ed |tagged |marked |predicted )?as\b",
            lower,
        )
        or rx.search(
            r"\b(?:rows?|ones|items?|examples?)\b[^.;]{0,40}\blabels?\b[^.;]{0,30}\b(?:comes?|coming|came)"
            r"\s+from\b",
            lower,
        )
        or rx.search(WHERE_ROWS_WENT_RE, lower)
    ):
        out.append("workbench_rows")
    if (
        rx.search(
            r"\b(export|download|dump)\b[^.]{0,30}\b(labels?|labell?ed|them|results?)\b", lower
        )
        or rx.search(CORRECTED_SAVE_RE, lower)
    ) and not [f for f in FILE_RE.findall(clause) if f not in role_files(clause, [f])[2]]:
        out.append("export_labeled_data")  # to a named output file, or the run's default
    if "labeling_workbench" in out and len(out) > 1 and not rx.search(OPEN_WORKBENCH_RE, lower):
        out.remove("labeling_workbench")  # the workbench named as the place of the action
    return out


OPEN_WORKBENCH_RE = (
    r"\b(?:open|launch|start|bring up|pull up|show|give)\b[^.;]{0,25}\b(?:workbench|review "
    r"(?:screen|page|ui|tool|app|view)|labell?ing (?:screen|ui|app))\b"
)
"""The workbench itself asked for ('open the workbench'), beside another action."""


WHERE_ROWS_WENT_RE = (
    # 'show me the rows it put in porosity', 'the ones the model sorted into X'
    r"\b(?:rows?|ones|items?|records?|examples?)\s+(?:that\s+|which\s+)?(?:it|the (?:end )?model|"
    r"the labell?er|they)\s+(?:put|placed|sorted|assigned|filed|labell?ed|tagged|classified|called)"
    r"\s+(?:in|into|as|under|to)\b"
)
CORRECTED_SAVE_RE = (
    # 'save the corrected labels as x.csv': the run's labels with the fixes, an export
    r"\b(?:save|write|store|keep|export)\b[^.;]{0,30}\b(?:corrected|fixed|reviewed|amended|hand[- ]fixed)\s+"
    r"(?:labels?|rows|set|data|file)\b|\b(?:save|write|store)\b[^.;]{0,30}\bcorrections\b"
)


def _asks_model_label(clause: str, memory: dict[str, Any]) -> bool:
    """'give me the band for every essay in new.csv' with a model of 'score_band' in the thread:
    the clause asks for the model's label, per row, and trains nothing.
    """
    models = memory.get("models") or []
    column = str((models[-1] if models else {}).get("label_column") or "")
    words = [w for w in rx.split(r"[\W_]+", column.lower()) if len(w) > 2]
    lower = clause.lower()
    if not words or rx.search(
        r"\b(train\w*|fit|label\w*|evaluat\w*|test\w*|accuracy|f1|auc|generat\w*|columns?|rows)\b",
        lower,
    ):
        return False
    said = any(rx.search(rf"\b{re.escape(w)}s?\b", lower) for w in words)
    return said and bool(rx.search(r"\b(?:each|every|all)\b", lower))


SAME_DATA_RE = (
    r"\bsame (?:data|dataset|table|rows|file|training data|split)\b|\bthis time\b|\binstead\b"
)
"""A model kind said of the thread's training data: 'same data, MLP this time'."""
PUBLIC_DATA_RE = re.compile(
    # one to find: 'a public dataset of ...', 'find me an open dataset', 'any kaggle datasets'
    # (not 'my open tickets dataset': the person's own, described)
    r"(?:\b(?:a|an|any|some|other)\s+|\b(?:find|search|look|browse|get)\w*\s+(?:me\s+|for\s+)?)"
    r"(?:good\s+|free\s+|well[- ]known\s+)?(?:public|open|published|kaggle|hugging\s?face|hf|online)"
    r"\s+(?:\w+\s+){0,2}?(?:datasets?|data\s*sets?|corpus|corpora|benchmarks?)\b",
    re.I,
)
"""'a public dataset of support tickets': data to find, not the person's file like it."""
THREAD_LABELED_RE = re.compile(
    r"\bthe\s+(?:newly\s+|now\s+|freshly\s+)?(?:labell?ed|filled[- ]in|filled|annotated|tagged|"
    r"completed|auto-?labell?ed)\s+(?!by\b|with\b)[a-z]",
    re.I,
)
"""'the labeled tickets', 'the filled-in table' on a thread that labeled a table: its output."""
HELD_KEYS = ("dataset", "labeled", "last_table", "model", "chunk_set", "qa_dataset", "generator")
"""What a thread holds that 'it', 'those' can mean: no file is read into a goal that says so."""
MODEL_REF = (
    r"(?:it|that(?: one| model)?|this(?: one| model)?|the (?:\w+ )?(?:model|classifier|one))"
)
"""How a clause names the thread's model: 'it', 'that one', 'the better model', 'the new one'."""
MODEL_ON_RE = re.compile(
    r"\b(?:" + USE_VERB + r"|test|evaluate|score|check|measure|validate|benchmark)\s+"
    r"(?:it|that(?: one)?|this(?: one)?|the model)\s+"
    r"(?:on|to|against|with|for|over)\b|\b(?:how (?:does|did|would) (?:it|that(?: one)?|the model) do)\b"
    r"|^\W*(?:and|what about|how about)\s+(?:on|with|for)\b"
    r"|\b(?:predict|score|classify|forecast)\b[^.?!;]{0,60}?\b(?:with|using)\s+"
    r"(?:it|that(?: one| model)?|this(?: one| model)?|the (?:new |same |trained |last )?model)\b",
    re.I,
)
"""'run it on X', 'how does it do on X', 'predict X with it': the thread's model used on data."""


def inputs_named(clause: str, slots: Slots) -> list[str]:
    """The data files a clause reads (not its outputs)."""
    written = role_files(clause, slots.files)[2]
    return [f for f in slots.files if f not in written]


def _denied_class(p: Planning, clause: str) -> bool:
    """'X is not reject, it is amend': the right class one of the run's own (when its classes are
    known: 'run2 is not better, it is worse' corrects no label).
    """
    from agents.runs import classes_of

    said = WRONG_LABEL_RE.search(clause)
    if said is None:
        return False
    classes = classes_of(labeling_dir(p))
    if not classes:
        return True
    spelt = {c.lower().replace(" ", "_") for c in classes}
    return said.group(2).lower().replace(" ", "_") in spelt


def _workbench_follow_up(p: Planning, clause: str, slots: Slots) -> list[str]:
    """On a thread with a labeling run: its rows, corrections and export, asked in words."""
    if slots.files and not rx.search(r"\b(export|save)\b", clause, re.I):
        return []
    if labeling_dir(p) is None or p.last_step("label_dataset") is not None:
        return []
    lower = clause.lower()
    opened = "/workbench/" in str(p.memory.get("labeled") or "") or any(
        r.get("tool") in ("labeling_workbench", "workbench_rows", "correct_labels")
        for r in p.memory.get("results") or []
        if isinstance(r, dict)
    )
    if (
        CORRECTION_RE.search(clause)
        and rx.search(
            r"\b(actually|really|should be|wrong|fix|correct|update|relabel|change)\w*\b", lower
        )
    ) or _denied_class(p, clause):
        return [
            "correct_labels"
        ]  # 'X is not reject, it is amend': a denied class and the right one
    if rx.search(r"\b(export|download|save|write)\b", lower) and (
        rx.search(r"\b(corrected|corrections|workbench)\b", lower)
        or (opened and rx.search(r"\b(labels|labeled|labelled|csv|parquet)\b", lower))
        or rx.search(
            r"\bexport\w*\b[^.;]{0,20}\b(?:labels|labell?ed (?:set|data|rows|file))\b", lower
        )
    ):
        return ["export_labeled_data"]
    if rx.search(r"\bexport\w*\b", lower) and not p.memory.get("qa_dataset") and not slots.files:
        return ["export_labeled_data"]  # 'parquet export' after labeling: no QA set to export
    if rx.search(WHERE_ROWS_WENT_RE, lower):
        return ["workbench_rows"]  # 'show me the rows it put in porosity'
    if (
        rx.search(r"\b(show|list|which|see|find)\b", lower)
        and rx.search(
            r"\brows?\b|\bposts?\b|\bexamples?\b|\brecords?\b|\bones\b|\bthose\b|\bentries\b",
            lower,
        )
        and rx.search(
            r"\blabel|\bend[- ]model|\bvoted?\b|\bclass\b|\b(?:ended up|came out|turned out|"
            r"marked|tagged|called|classified|predicted)\b",
            lower,
        )
    ):
        return ["workbench_rows"]
    return []


POLITE_REQUEST_RE = (
    r"^\W*(?!(?:what|which|how|where|who|whom|whose|when|why)\b)"
    r"(?:(?!(?:what|which|how|where|who|whom|whose|when|why)\b)\w+[,!.]*\s+){0,3}?"
    r"(?:can|could|would|will)\s+(?:you|we|i|someone|something)\s+"
    r"(?:please\s+|also\s+|maybe\s+|just\s+|now\s+)*"
    r"(?!(?:tell|show|list|give|see|check|look|count|say|explain|remind|describe)\b)[a-z]+"
)
"""A request said as a question ('ok, so could you fill in the categories that are missing?',
'could we also teach something to spot the ones that fail?'): a verb of its own after 'could
you/we', not a question about a column (telling, showing or counting verbs are still asked)."""


def _column_question(p: Planning, clause: str, slots: Slots) -> list[str]:
    """'what categories exist?' on a thread about a table: inspect that column of it."""
    from tools.profile import columns_mentioned

    tables = _memory_tables(p)
    if slots.files or not tables or p.steps:
        return []
    if not rx.search(r"^\s*(what|which|how many|are there|list)\b|\?\s*$", clause, re.I):
        return []
    if rx.search(
        r"\b(train|fit|predict|label|generate|build|make|find|detect|search)\b", clause, re.I
    ) or rx.search(POLITE_REQUEST_RE, clause, re.I):
        return []
    profile = table_profile(tables[0])
    if profile is None:
        return []
    # an id column named by a part of its name is no column asked about ('how much would a
    # flat sell for?' says flat_id's word): one row per value, counting it answers nothing
    mentioned = [
        c for c in columns_mentioned(profile, clause) if not id_by_a_part(profile, c, clause)
    ]
    if not mentioned:
        return []
    slots.files = [tables[0]]
    slots.label_column = slots.label_column or mentioned[0]
    return ["inspect_dataset"]


SPLIT_FILES_RE = re.compile(
    r"\b(?:split|divide|partition)\b[^.;?]{0,60}?\binto\s+TABLE_NAMED\s*(?:and|,)\s*TABLE_NAMED\b|"
    r"\b(?:split|divide|partition)\s+TABLE_NAMED\s+\d{1,2}\s*%?\s*[/:-]\s*\d{1,2}\b|"
    # 'split x.csv into train and validation 85/15', 'into train/test'
    r"\b(?:split|divide|partition)\s+TABLE_NAMED\s+(?:in)?to\s+(?:an?\s+|the\s+)?"
    r"(?:train(?:ing)?|test|validation|val|dev|holdout)(?:\s+(?:set|file|part|table))?\s*"
    r"(?:/|and|,|&)\s*(?:an?\s+|the\s+)?(?:test|validation|val|dev|holdout)\b|"
    r"\b(?:split|divide|cut|break|partition)\b[^.;?]{0,60}?\b(?:into|to)\b[^.;?]{0,50}?"
    r"\b(?:files?|sets?|tables?|csvs?|parts|pieces|halves)\b|"
    r"\b(?:make|create|write|give me|produce)\b[^.;]{0,30}\b(?:train(?:ing)?|test|validation|"
    r"val|dev|holdout)\s*(?:/|and|,)\s*(?:test|validation|val|dev|holdout)\b[^.;]{0,20}?\b"
    r"(?:files?|sets?|splits?|tables?)\b|"
    r"\b\d{1,2}\s*%?\s*/\s*\d{1,2}\s*%?(?:\s*/\s*\d{1,2}\s*%?)?\s+split\b(?!\s+(?:of|for)\s+"
    r"(?:the\s+)?(?:qa|pairs|questions))",
    re.I,
)
"""A request for a table's rows as separate files ('split x.csv 80/20 into a train file and a
validation file', 'make train/test files from x.csv', 'a 70/30 split of x.csv'), read with the
file names written as TABLE_NAMED ('split x.csv into a.csv and b.csv')."""


SPLIT_BY_VALUE_ANSWER = (
    "Writing one file per value of a column is not something I do yet. I can split the rows "
    "into train / validation / test files ('split x.csv 80/20 into train and validation "
    "files'), or break the table down by that column ('how many rows per region in x.csv')."
)


def tables_named(text: str) -> str:
    """The text with each table's file name written as TABLE_NAMED (what SPLIT_FILES_RE reads:
    a name's dots and words are neither a sentence end nor 'files').
    """
    return rx.sub(rx.file_name("csv|tsv|parquet|jsonl|json") + r"\b", " TABLE_NAMED ", text)


def _split_request(p: Planning, clause: str, slots: Slots) -> bool | str:
    """Whether the clause asks for a named table's rows split into files (not a training's
    validation split, not a QA export's splits, not chunking); 'by_value' for one file per
    value of a column ('split x.csv by region into files'), which no tool does.
    """
    from agents.intent import data_kind

    if p.steps or not slots.files or data_kind(slots.files) != "tables":
        return False
    clause = tables_named(clause)
    said_by = rx.sub(
        r"\b(?:stratif\w*|balanced?|keep\w*\s+\w+\s+balance)\s+(?:by|on)\s+\w+", " ", clause
    )
    if rx.search(r"\b(?:by|per|for each|for every)\s+(?!\d)\w", said_by, re.I):
        # 'split x.csv by region into files': one file per value, no tool's job
        return "by_value" if rx.search(SPLIT_FILES_RE, clause) else False
    if not rx.search(SPLIT_FILES_RE, clause):
        return False
    if rx.search(r"\binto\s+TABLE_NAMED\s*(?:and|,|&)\s*TABLE_NAMED\b", clause, re.I):
        return True  # 'into train.csv and test.csv for my model': files, whatever they are for
    return not rx.search(
        r"\b(?:train|fit)\s+(?:an?\s+|the\s+|my\s+)?(?:\w+\s+)?(?:model|classifier|regressor|mlp)\b|"
        r"\b(?:label|predict|qa|questions?|chunks?|headings?|models?|classifier|regressor|"
        r"regression|mae|rmse|r2|r²|accuracy|f1|auc)\b",
        clause,
        re.I,
    )


EXPLAIN_RE = re.compile(
    r"\b(?:which|what)\s+(?:of\s+the\s+)?(?:features?|columns?|inputs?|variables?|factors?|"
    r"fields?|predictors?)\b[^?.;]{0,40}?\b(?:matter\w*|important|importance|count(?:s|ed)?|"
    r"drive[sn]?|drove|driving|influence\w*|affect\w*|contribut\w*|useful|predictive|relevant|"
    r"weigh\w*|made (?:the|a) difference)\b|"
    r"\bfeature importances?\b|\bimportance of (?:the |each |its )?(?:features?|columns?|inputs?)\b|"
    r"\b(?:most|least) (?:important|influential|predictive|useful) (?:features?|columns?|inputs?|"
    r"variables?|factors?|predictors?)\b|"
    r"\bwhat (?:drives|drove|influences|influenced|affects|affected) (?:the |its |their |his |her )?"
    r"(?:predictions?|model|results?|outcome|scores?)\b|"
    r"\bexplain (?:the |this |that |my |our |its )?(?:model|classifier|regressor|predictions?)\b|"
    # 'top 5 features', 'the top 3 predictors' (a model's, on a thread with one)
    r"\btop\s+\d{1,3}\s+(?:features?|predictors?|variables?|factors?|inputs?)\b(?!\s+(?:of|in)\s+\S+\.)",
    re.I,
)
"""A question about which inputs a model relies on ('which features mattered?')."""


def _explain_question(p: Planning, clause: str, slots: Slots) -> list[str]:
    """'which features mattered?' after a training (the plan's or the thread's): explain_model
    on that model; on a named table with no model yet, a training first.
    """
    if not rx.search(EXPLAIN_RE, clause):
        return []
    if p.last_step("train_model") is not None or (p.memory.get("model") and not slots.files):
        return ["explain_model"]
    tables = [f for f in slots.files if rx.search(r"\.(csv|tsv|parquet|jsonl)$", f, re.I)]
    return ["train_model", "explain_model"] if tables else []


GROUPED_NOT = re.compile(
    r"\b(?:accuracy|f1|precision|recall|auc|roc|mae|rmse|mse|r2|r²|log ?loss|metrics?|"
    r"attempts?|runs?|models?|classifiers?|predictions?|chunks?|questions?|qa|pairs?|rules|lfs?)\b",
    re.I,
)
"""A summary of a run's results or outputs, not of a table's rows ('accuracy per class')."""


def _grouped_question(p: Planning, clause: str, slots: Slots) -> list[str]:
    """'what's the average delay by route in ferries.csv?', 'which voice part misses the most
    rehearsals' (on a thread about that table): the table broken down by a column of it (data
    evidence: the column is there, with few values), a look at the data and not a scan for odd
    rows or a model.
    """
    from agents.arguments import ranked_groups, unknown_group_question
    from agents.grounding import columns_by_values, group_column, number_column, row_filter
    from tools.profile import columns_mentioned

    looked = _one_table_look(p, clause, slots)
    if looked is None or rx.search(SPLIT_FILES_RE, tables_named(clause)):
        return []  # ('split x.csv by region into files': files, not a look)
    tables, bare, profile = [looked[0]], looked[1], looked[2]
    where = row_filter(profile, clause)  # 'for route A': the rows looked at, not a grouping
    group = group_column(profile, clause)
    if group is None or number_column(profile, group):
        # 'top 3 branches by fine_eur': the branches ranked by the figure after 'by'
        group = ranked_groups(tables[0], clause) or group
    if group is None and (missing := unknown_group_question(tables[0], clause)):
        p.question = missing  # 'the average rent by Zip Code': no such column
        return []
    if (
        group is None
        or (group in where and not isinstance(where[group], dict))  # 'by route, for route A'
        or _of_results(profile, bare)
    ):
        return []
    by_name = {c["name"]: c for c in profile["columns"]}
    values = [
        n
        for n in [*columns_mentioned(profile, bare), *columns_by_values(profile, bare)]
        if n != group and n not in where and not by_name[n]["id_like"]
    ]
    slots.files = [tables[0]]
    slots.where = where
    if not values:
        # 'how many of each label', 'which species is most common': the column's own value
        # counts answer it, no grouping of another column
        slots.label_column = group
        return ["inspect_dataset"]
    slots.group_by = group
    from agents.grounding import AVERAGE_RE, asks_total

    averaged = [
        n
        for n in values
        if rx.search(AVERAGE_RE + r"\s+(?:of\s+)?(?:the\s+)?" + rx.column_words(n), bare, re.I)
    ]
    totals = [n for n in values if asks_total(profile, bare, n)]
    if averaged:
        # 'class balance of churned, and mean visits per Plan': the quantity averaged per group
        # (the class column's counts are in the look anyway)
        slots.label_column = averaged[0]
    elif totals:
        slots.label_column = totals[0]  # 'how many volunteer hours per role': hours, summed
    elif slots.label_column in (None, group) or slots.label_column not in by_name:
        slots.label_column = values[0]
    return ["inspect_dataset"]


def _looked_tables(p: Planning, slots: Slots, clause: str) -> list[str]:
    """The tables a look is of: those the clause names, else the thread's, else the one table
    of the person's holding a column the words name ('avg delivery time by area' with only
    orders.csv having `area`).
    """
    from agents.arguments import COLUMN_TABLES_READ, id_by_a_part
    from agents.grounding import workspace_files
    from tools.profile import columns_mentioned
    from tools.tabular import TABLE_SUFFIX_RE

    tables = [f for f in slots.files if TABLE_SUFFIX_RE.search(f)] or _memory_tables(p)
    if tables or slots.files:
        return tables
    person = [f for f in workspace_files() if TABLE_SUFFIX_RE.search(f)]
    if len(person) > COLUMN_TABLES_READ:
        return []
    holding = []
    for table in person:
        profile = table_profile(table)
        if profile is not None and any(
            not id_by_a_part(profile, c, clause) for c in columns_mentioned(profile, clause)
        ):
            holding.append(table)
    if len(holding) > 1:
        # orders.csv with its orders_train.csv and orders_test.csv: the whole table
        stems = {t: t.rsplit(".", 1)[0] for t in holding}
        holding = [
            t
            for t in holding
            if all(o == t or stems[o].startswith(stems[t] + "_") for o in holding)
        ]
    note = f"the table with the columns you named → {holding[0]}" if len(holding) == 1 else ""
    if note and note not in p.notes:
        p.notes.append(note)
    return holding[:1] if len(holding) == 1 else []


def _figure_question(p: Planning, clause: str, slots: Slots) -> list[str]:
    """'average hours for Hannah in shifts.jsonl', 'the median rent of the Harbor View units':
    a figure of a number column of the one table (data evidence: the column is there), of the
    rows the words name, a look; not a scan, a model or a table's files.
    """
    from agents.grounding import AVERAGE_RE, number_column, quantity_by_part
    from tools.profile import columns_mentioned

    looked = _one_table_look(p, clause, slots)
    if looked is None:
        return []
    table, bare, profile = looked
    if not rx.search(AVERAGE_RE, bare) or _of_results(profile, bare):
        return []
    named = [n for n in columns_mentioned(profile, bare) if number_column(profile, n)]
    if not named and quantity_by_part(profile, bare, set()) is None:
        return []
    slots.files = [table]
    return ["inspect_dataset"]


def _one_table_look(
    p: Planning, clause: str, slots: Slots
) -> tuple[str, str, dict[str, Any]] | None:
    """(table, the clause lower-cased without file names, its profile) when the clause can be
    a look at one table of the person's: nothing planned before it, no step that changes data,
    no anomaly scan and no split into files; None otherwise.
    """
    from agents.intent import ANOMALY_CUES, DATA_ACTION, data_kind

    if p.steps or (slots.files and data_kind(slots.files) != "tables"):
        return None
    tables = _looked_tables(p, slots, clause)
    if len(tables) != 1:
        return None
    bare = rx.sub(rx.file_name("csv|tsv|parquet|jsonl|json") + r"\b", " ", clause.lower())
    if rx.search(DATA_ACTION, bare) or rx.search(ANOMALY_CUES, bare):
        return None
    if rx.search(SPLIT_FILES_RE, bare):
        return None  # 'split x.csv by region into files': files, not a look
    profile = table_profile(tables[0])
    return (tables[0], bare, profile) if profile is not None else None


def _of_results(profile: dict[str, Any], bare: str) -> bool:
    """Whether the words speak of a run's results or outputs ('accuracy per class'), not of
    the table's rows (its own column names do not count).
    """
    from tools.profile import columns_mentioned

    words = [w for w in rx.findall(r"[\w²]+", bare) if not columns_mentioned(profile, w)]
    return bool(rx.search(GROUPED_NOT, " ".join(words)))


# 'call it x so I can find it again later': a purpose, not a request to search for anything
PURPOSE_RE = re.compile(
    r",?\s*\bso(?: that)? (?:i|we|you|they|people|others) (?:can|could|will be able to) "
    r"(?:find|locate|look up|spot|recogni[sz]e|refer to|come back to|reuse|pick up)\s+"
    r"(?:it|this|that|them|the model|the run)(?:\s+again)?(?:\s+later)?\b|"
    # 'before I start labelling anything, ...': when the request comes, not a request
    r"\bbefore (?:i|we) (?:start|begin|get going|do any)\s+(?:\w+ing\b)?(?:\s+anything)?",
    re.I,
)


def _memory_tables(p: Planning) -> list[str]:
    ref = p.memory.get("labeled") or p.memory.get("dataset")
    return [ref] if isinstance(ref, str) and FILE_RE.fullmatch(ref.rsplit("/", 1)[-1]) else []


def _carry_targets(
    p: Planning, targets: dict[str, float], clauses: list[str] | None = None
) -> None:
    """A target said in another sentence ('... Need 90% acc.') goes to the loop that lacks one:
    the last loop planned before the sentence that says it ('1. weak-label x. 2. target
    accuracy 0.8. 3. train a classifier': the labeling), else the last loop.
    """
    metric = next((m for m in (*TRAIN_METRICS, "coverage") if m in targets), None)
    if metric is None or any("target_value" in s.args for s in p.steps):
        return
    order = list(reversed(p.steps))
    said = next((i for i, c in enumerate(clauses or []) if metric in extract_targets(c)), None)
    if said is not None:
        where = {c: i for i, c in enumerate(clauses or [])}
        before = [s for s in order if where.get(s.why or "", len(where)) < said]
        if before and before[0] is not order[0]:
            order = before
    for step in order:
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


METRIC_WORD_RE = (
    r"(?<![\w-])(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bto )"
    r"(roc[- ]?auc|auc|macro[- ]?f1|f1(?:[- ]score)?|f[- ]score|accuracy|precision|recall|"
    r"log[- ]?loss)(?![\w-])"
)
"""A training metric said by name ('I mostly care about recall', 'scored on AUC'); never the
verb ('as we recall')."""
METRIC_NOT_RE = r"\b(?:not|no|instead of|rather than|than|ignore|forget)\s+(?:the\s+|about\s+)?$"
"""Words just before a metric that rule it out ('recall rather than precision')."""


def _metric_name(word: str) -> str:
    word = word.lower().replace("-", " ")
    if "auc" in word:
        return "auc"
    if "f1" in word or "score" in word:
        return "f1"
    if "log" in word:
        return "log_loss"
    return word


def _carry_metric(p: Planning, goal: str) -> None:
    """A metric named outside the training's clause, often in a clause of its own ('..., a
    logistic model is fine, I mostly care about recall'; 'Logistic baseline, scored on AUC.'), is
    the metric of the goal's one training that has none: with its target when the goal gives
    one, otherwise one attempt, measured and reported on it. Not when a labeling loop is also
    planned (its metric could be meant), nor when the goal names two different metrics.
    """
    trainers = [s for s in p.steps if s.tool == "train_model"]
    if len(trainers) != 1 or trainers[0].args.get("target_metric"):
        return
    if any(s.tool in ("label_dataset", "generate_qa") for s in p.steps):
        return
    said = set()
    for match in rx.finditer(METRIC_WORD_RE, goal, re.I):
        if rx.search(METRIC_NOT_RE, goal[: match.start()], re.I):
            continue
        said.add(_metric_name(match.group(1)))
    if len(said) != 1:
        return
    (metric,) = said
    if metric in TRAIN_METRICS:
        trainers[0].args["target_metric"] = metric
        # '..., aiming for a validation AUC of 0.85 within 4 attempts; name the model x': the
        # metric's value said in a clause that planned no training is still its target
        value = extract_targets(goal).get(metric)
        if value is not None:
            trainers[0].args["target_value"] = value
        p.notes.append(f"{metric} is the training's metric")


RETRAIN_WORDS = (
    r"re-?(?:train|fit)|(?:train|fit)\s+(?:it\s+|that\s+|this\s+|the\s+\w+\s+)?(?:again|anew)\b"
)
"""A training said again ('refit', 're-train', 'fit it again'), one source for `RETRAIN_RE` and
`RERUN_RE` (a training said again is a rerun too)."""
RETRAIN_RE = r"\b(?:" + RETRAIN_WORDS + r")"
"""A training said again: the thread's training, whatever ran since (a prediction or an
evaluation of its model)."""
RERUN_RE = re.compile(
    r"\b(re-?run|run (?:it|that|this) again|retry|try (?:it |that )?again|redo|do (?:it |that )?again|"
    r"one more time|same (?:thing|again) (?:but|with)|(?:run|do) (?:it|that|this) once more|"
    r"(?:" + RETRAIN_WORDS + r")|"
    r"everything else (?:the )?same|same (?:setup|settings|config\w*),? (?:but|with|and))\b"
    r"|^\W*(?:and\s+)?(?:once\s+)?again\b",
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
    if rx.search(r"\b(thanks|thank you|thx|cheers)\b", lower):
        return "You're welcome. Ask for the next step whenever you like."
    if rx.search(r"\b(ok|okay|cool|great|nice|perfect|awesome|got it|sounds good)\b", lower):
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
    from agents.repeat import added_columns, call_changes, new_outputs, said_options

    loop = memory.get("last_loop")
    last = memory.get("last_call")
    outputs = new_outputs(FILE_RE.findall(goal)) or [None]

    def told(call: dict[str, Any]) -> dict[str, Any]:
        data = (call.get("args") or {}).get("dataset") or (call.get("args") or {}).get("data_path")
        return call_changes(call["tool"], goal, data, outputs[0])

    retrain = rx.search(RETRAIN_RE, goal, re.I)
    if retrain:
        loop = _training_meant(goal, memory) or loop
    if isinstance(last, dict) and last.get("tool") in BUILDERS and not retrain:
        own = (
            stated(last["tool"], goal)
            or said_options(last["tool"], goal)
            or _enum_choices(last["tool"], goal)
            or told(last)
        )
        if (own or not isinstance(loop, dict)) and last["tool"] not in READ_ONLY:
            loop = last  # the last call changed ('redo it with only X'), or no loop ran
    if not isinstance(loop, dict) or loop.get("tool") not in BUILDERS:
        return None
    args = dict(loop.get("args") or {})
    fields = _tool_fields(loop["tool"])
    changes: dict[str, Any] = {
        k: v for k, v in loop_options(goal, loop["tool"]).items() if k in fields
    }
    changes.update(said_options(loop["tool"], goal))
    if loop["tool"] == "train_model":
        changes.update(added_columns(goal, args))
        changes.update(_left_out_again(goal, args))
    changes.update({k: v for k, v in stated(loop["tool"], goal).items() if k in fields})
    changes.update(_enum_choices(loop["tool"], goal))
    changes.update(told(loop))
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


def _left_out_again(goal: str, args: dict[str, Any]) -> dict[str, Any]:
    """'retrain without delay_minutes': the columns the goal leaves out of the inputs, added to
    those the training already left out (the label never: it is no input).
    """
    from agents.grounding import inputs_left_out

    data = args.get("dataset")
    profile = table_profile(data) if isinstance(data, str) and "${" not in data else None
    if profile is None:
        return {}
    refused = inputs_left_out(goal, profile, args.get("label_column"))
    if not refused:
        return {}
    before = args.get("exclude_columns") if isinstance(args.get("exclude_columns"), list) else []
    return {"exclude_columns": sorted({*before, *refused})}


def _said_settings(goal: str, tool: str) -> dict[str, Any]:
    """The settings of `tool` a follow-up sentence states in the tool's own terms ('keep only
    the ones at 0.85 or above', 'with trigrams', 'up to 8 attempts'); no target (the caller
    reads targets) and no output name.
    """
    from agents.options import stated
    from agents.repeat import said_options

    fields = _tool_fields(tool)
    found = {k: v for k, v in loop_options(goal, tool).items() if k in fields and k != "name"}
    found.update(said_options(tool, goal))
    found.update({k: v for k, v in stated(tool, goal).items() if k in fields})
    for key in ("target_metric", "target_value", "name", "dataset_name"):
        found.pop(key, None)
    return found


def _training_meant(goal: str, memory: dict[str, Any]) -> dict[str, Any] | None:
    """'retrain the MLP ...': the thread's training the sentence describes (by its name or model
    kind), else its last one, whatever ran since.
    """
    calls = [c for c in memory.get("trainings") or [] if isinstance(c, dict)]
    lower = goal.lower()
    for call in reversed(calls):
        args = call.get("args") or {}
        name = str(args.get("name") or "").lower()
        if (name and name in lower) or (args.get("model") and args["model"] == model_kind(goal)):
            return call
    return calls[-1] if calls else None


def _improve(goal: str, memory: dict[str, Any]) -> Plan | None:
    """'make it better': the last loop again with a stronger search; notes say what changed."""
    from agents import memory as thread
    from agents.class_target import aim_at_class
    from agents.said_check import said_target

    loop = memory.get("last_loop")
    last = memory.get("last_call")
    if (
        not isinstance(loop, dict)
        and isinstance(last, dict)
        and last.get("tool") in thread.LOOP_TOOLS
    ):
        loop = last  # the loop has not completed yet (it failed): that call, stronger
    if not isinstance(loop, dict) or loop.get("tool") not in BUILDERS:
        return None
    args, changes = thread.stronger_args(
        loop, {"max_attempts": tool_limit(loop["tool"], "max_attempts")}, thread.asked_metric(goal)
    )
    said = _said_settings(goal, loop["tool"])
    if said:
        # 'make them better, only keep the ones at 0.85 or above': the person's own settings
        # ride along with the stronger search (and win over it)
        args.update(said)
        changes.append(", ".join(f"{k}={v!r}" for k, v in said.items()) + " as asked")
    targets = extract_targets(goal)
    said = ("auc", "f1", "accuracy", "recall", "precision")  # what train_model can aim at
    if loop["tool"] != "train_model":
        said = said[:3]
    metric = next((m for m in said if m in targets), None)
    regression = regression_target(goal) if loop["tool"] == "train_model" else None
    if metric is None and regression is not None and regression[1] is not None:
        # 'make it better, MAE under 40': a regressor's target in the target's units
        metric, targets = regression[0], {**targets, regression[0]: regression[1]}
    aimed = aim_at_class(args, goal) if loop["tool"] == "train_model" else None
    if aimed is not None:
        # 'make it better, catch 90% of the no-shows': that class's own recall
        metric = str(args["target_metric"])
        changes.append(aimed.removeprefix("target: ") + " as asked")
    elif metric:
        args["target_metric"] = (
            "f1_macro" if metric == "f1" and loop["tool"] == "label_dataset" else metric
        )
        args["target_value"] = targets[metric]
        args.pop("target_class", None)  # the metric asked now, over all classes
        changes.append(f"target {metric} {targets[metric]} as asked")
        one = rx.search(rf"\b{metric}\s+(?:for|of|on)\s+(?:the\s+)?['\"]?([\w-]+)", goal, re.I)
        if metric in ("recall", "precision") and one:
            # 'recall for yes above 0.9': the loop aims at the macro figure over the classes
            changes.append(
                f"{metric} is aimed at over all classes (macro); {one.group(1)}'s own {metric} "
                "is in the evaluation's per-class figures"
            )
    bare = None if metric else said_target(goal)
    if bare is not None and "target_value" in _tool_fields(loop["tool"]):
        args["target_value"] = bare  # 'make it better, aim for 90%': the loop's own metric
        changes.append(f"target {bare} as asked")
    if metric or bare is not None:
        if any(c.startswith(thread.NO_TARGET) for c in changes):
            # the asked target is what makes the attempts run: now they do
            limits = {"max_attempts": tool_limit(loop["tool"], "max_attempts")}
            changes = thread.more_attempts(loop, args, limits) + [
                c for c in changes if not c.startswith(thread.NO_TARGET)
            ]
    real = [c for c in changes if not c.startswith(thread.NO_TARGET)]
    note = f"make it better: re-running {loop['tool']} with " + "; ".join(
        [", ".join(real) or "the same settings (nothing stronger to try)", *changes[len(real) :]]
    )
    step = PlanStep(tool=loop["tool"], args=args, why=goal)
    plan = Plan(steps=[step], targets=targets, notes=[note])
    earlier = None if thread.asked_metric(goal) else _metric_asked_before(memory)
    if earlier and _loop_figure(loop, earlier) is None:
        earlier = None  # asked of another model ('what was the MAE?' before this classifier)
    asked = (
        thread.asked_metric(goal)
        or earlier
        or (thread._short_metric(str(args["target_metric"])) if args.get("target_metric") else None)
    )
    if asked:
        plan.asked = {"metric": asked}
    before = _loop_figure(loop, earlier) if earlier else None
    if before is not None:
        # 'what was the MAE?' → 'make it better': the answer says whether that figure moved
        aimed = args.get("target_metric")
        aimed_before = _loop_figure(loop, str(aimed)) if aimed else None
        if aimed_before and not set(aimed_before) & set(before):
            before = {**before, **aimed_before}  # and the figure the re-run aimed at
        plan.asked["before"] = before
    return plan


def _metric_asked_before(memory: dict[str, Any]) -> str | None:
    """The metric the person's last question about a figure named ('what's the MAE?'), from
    the thread's said goals, newest first.
    """
    from agents import memory as thread
    from agents.thread_state import SAID_KEY

    said = [s for s in memory.get(SAID_KEY) or [] if isinstance(s, str)]
    # a question about a figure, not a goal that set a target ('label x to AUC 0.9')
    asked = (thread.asked_metric(s) for s in reversed(said) if thread.is_results_question(s, False))
    return next((m for m in asked if m), None)


def _loop_figure(loop: dict[str, Any], metric: str) -> dict[str, float] | None:
    """{key: value} of `metric` in the loop's kept figures ('f1' → f1_macro), or None."""
    from agents.reporter import canonical

    figures = loop.get("metrics") if isinstance(loop.get("metrics"), dict) else {}
    key = canonical(metric) or metric
    value = figures.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {key: float(value)}
    return None


# --- thread follow-ups: tried in order before the goal's clauses are read ------------------


def _concept(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'what is macro F1?': the glossary's answer (not when the thread measured what is asked)."""
    from agents import memory as thread
    from agents.glossary import concept_answer

    concept = concept_answer(goal, bool(files))
    if concept is None or thread.asks_measured_value(goal, memory):
        return None
    return Plan(answer=concept)


def _asks_of_thread_table(goal: str, memory: dict[str, Any]) -> bool:
    """Whether the goal asks a figure of the thread's table itself: a total of one of its
    number columns ('how many hours did Maria G. do in total'), not of a run's results.
    """
    from agents.grounding import total_column

    tables = _memory_tables(Planning(memory=memory, goal=goal))
    profile = table_profile(tables[0]) if tables else None
    return profile is not None and total_column(profile, goal, set()) is not None


def _results_answer(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'what was the accuracy?': answered from the thread's results, without a tool."""
    from agents import memory as thread

    if memory.get("model") and EXPLAIN_RE.search(goal):
        return None  # 'what drove the predictions?': the model explained, not its figures again
    results = [r for r in memory.get("results") or [] if isinstance(r, dict)]
    if (
        memory.get("model")
        and thread.WRONG_RE.search(goal)
        and thread.wrong_rows_line(results) is None
    ):
        return None  # 'what were the biggest errors?', no worst rows kept: the model evaluated
    if not thread.is_results_question(goal, bool(files)) and not thread.asks_thread_figure(
        goal, memory, bool(files)
    ):
        return None
    if _asks_of_thread_table(goal, memory):
        return None  # 'how many hours did Maria G. do in total': the table's rows, not a result
    against = _baseline_check(goal, memory)
    if against is not None:
        return against
    asked = thread.asked_metric(goal)
    answer = thread.answer_from_memory(goal, memory)
    if answer is None and asked:
        answer = (
            f"Nothing on this thread has measured {asked} yet. Train or label something "
            "first, e.g. 'train a classifier on data.csv'."
        )
    results = memory.get("results") or []
    if answer is None and results and thread.QUALITY_ASKED_RE.search(goal):
        # 'how good is that?' after steps that measured nothing: say so, ask for no model
        answer = (
            f"Nothing on this thread has been measured yet: the last step, "
            f"{results[-1].get('tool')}, gives no score. Train, label or evaluate something "
            "first, e.g. 'label data.csv' or 'train a classifier on data.csv'."
        )
    if answer is None:
        return None
    return Plan(answer=answer, asked={"metric": asked} if asked else {})


SHOWN_ROWS = 10
"""Rows shown of a table the thread wrote when the person asks to see some."""


def _made_rows(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'show me some of the rows you labeled': the first rows of the table the thread's run
    wrote (its labeled output, its predictions), not its metrics again.
    """
    from agents.memory import made_rows_asked

    asked = None if files else made_rows_asked(goal, memory)
    if asked is None:
        return None
    path, count = asked
    args = {"dataset": path, "limit": count or SHOWN_ROWS}
    step = PlanStep(tool="preview_rows", args=args, why=goal)
    return Plan(steps=[step], notes=[f"the rows the run wrote: {path}"])


EACH_TABLE_RE = re.compile(
    r"\b(?:each|every|all)\s+(?:of\s+)?(?:my|the|our|your|these)?\s*(?:tables|files|datasets|"
    r"data\s*sets|csvs|spreadsheets)\b",
    re.I,
)
"""'each of my tables', 'all the files': every table of the person's, one look each."""
TABLE_LOOK_RE = re.compile(
    r"\b(?:how many|number of|count)\s+(?:rows|records|lines|columns|missing)|\bmissing\s+values?\b|"
    r"\b(?:size|shape|columns|dimensions)\b",
    re.I,
)
TABLE_ACTION_RE = re.compile(
    r"\b(?:fill\w*|impute\w*|train\w*|fit\w*|label\w*|remov\w*|drop\w*|delet\w*|clean\w*|"
    r"fix\w*|predict\w*|convert\w*|sav(?:e|ing)|export\w*|split\w*|merg\w*|join\w*|generat\w*|"
    r"detect\w*|find\s+(?:odd|weird|anomal)\w*)\b",
    re.I,
)
"""Words of an action on the tables: 'each of my tables' with one is no look at each."""
TABLES_LOOKED = 12
"""Tables one 'each of my tables' look reads at most (the rest are named in a note)."""


def _each_table(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'how many rows in each of my tables?': a look at every table of the person's (rows,
    columns, missing values first in each answer), not a question which one.
    """
    from agents.grounding import workspace_files
    from tools.tabular import TABLE_SUFFIX_RE

    if files or not rx.search(EACH_TABLE_RE, goal) or not rx.search(TABLE_LOOK_RE, goal):
        return None
    if rx.search(TABLE_ACTION_RE, goal):
        return None  # 'fill the missing values in all my tables': an action, not a look
    tables = [f for f in workspace_files() if TABLE_SUFFIX_RE.search(f)]
    if not tables:
        return None
    plan = Plan(
        steps=[
            PlanStep(tool="inspect_dataset", args={"dataset": t, "sample_rows": 0}, why=goal)
            for t in tables[:TABLES_LOOKED]
        ]
    )
    if len(tables) > TABLES_LOOKED:
        rest = ", ".join(tables[TABLES_LOOKED:][:10])
        plan.notes.append(f"the first {TABLES_LOOKED} tables looked at; not: {rest}")
    return plan


CONFIDENCE_RE = re.compile(
    r"\bhow\s+(?:confident|sure|certain)\b|\b(?:confidence|certainty)\s+(?:on|of|for|in)\b",
    re.I,
)
"""'how confident is it on those?': the labels' probabilities, not the run's metrics."""


def _confidence_look(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'how confident is it on those?' after 'how many got labeled as network?': the labeling
    output's rows of that class, their `prob_network` summarised (mean, median, least).
    """
    from agents.grounding import value_said
    from agents.thread_state import SAID_KEY

    labeled = memory.get("labeled")
    if files or not isinstance(labeled, str) or not rx.search(CONFIDENCE_RE, goal):
        return None
    profile = table_profile(labeled)
    if profile is None or "label" not in profile["names"]:
        return None
    classes = [n[len("prob_") :] for n in profile["names"] if n.startswith("prob_")]
    said = [goal, *reversed([s for s in memory.get(SAID_KEY) or [] if isinstance(s, str)])]
    for text in said:
        named = [c for c in classes if value_said(c, text.lower())]
        if len(named) == 1:
            args = {"dataset": labeled, "where": {"label": named[0]}}
            args["label_column"] = f"prob_{named[0]}"
            note = f"how sure the labels '{named[0]}' are: prob_{named[0]} of those rows"
            return Plan(steps=[PlanStep(tool="inspect_dataset", args=args, why=goal)], notes=[note])
    return None


def _sorted_look(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'which ones is it least sure about?', 'the 10 most expensive listings in x.csv'."""
    from agents.ordering import sorted_look

    return sorted_look(goal, files, memory)


def _listing_answer(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'which of those has the most downloads?' after a search: answered from the listing."""
    from agents.memory import listing_answer

    answer = None if files else listing_answer(goal, memory)
    return Plan(answer=answer) if answer else None


def _baseline_check(goal: str, memory: dict[str, Any]) -> Plan | None:
    """'is it better than guessing?' after a training whose results hold no baseline: the
    thread's model evaluated (on its training's test file, else its validation split), which
    measures it against the majority-class baseline. A baseline already measured is answered
    from the thread instead.
    """
    from agents.memory import BASELINE_RE

    model = memory.get("model")
    results = memory.get("results") or []
    if (
        not isinstance(model, str)
        or not rx.search(BASELINE_RE, goal, re.I)
        or any(isinstance(r, dict) and r.get("baseline") for r in results)
    ):
        return None
    step = _thread_model_evaluation(goal, model, memory)
    return Plan(
        steps=[step],
        notes=[f"the model against a majority-class baseline: evaluating {model} {_on(step)}"],
    )


def _thread_model_evaluation(goal: str, model: str, memory: dict[str, Any]) -> PlanStep:
    """An evaluation of the thread's model on its training's test file, else (no dataset) on
    its validation split.
    """
    args: dict[str, Any] = {"model": model}
    training = next(
        (
            c
            for c in reversed(memory.get("trainings") or [])
            if isinstance(c, dict) and isinstance(c.get("args"), dict)
        ),
        None,
    )
    test = (training or {}).get("args", {}).get("test_dataset")
    if isinstance(test, str) and "$" not in test:
        args["dataset"] = test
    return PlanStep(tool="evaluate_model", args=args, why=goal)


def _on(step: PlanStep) -> str:
    """Where an evaluation of `_thread_model_evaluation` measures, in words."""
    return f"on {step.args['dataset']}" if "dataset" in step.args else "on its validation split"


def _artefact_check(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'show me the confusion matrix on the validation rows' on a thread whose model nothing
    has evaluated yet: the model evaluated, which reports the matrix, calibration and curves
    (a training's summary keeps at most its matrix cells, for 'how often does it confuse a with
    b?', which the thread answers). After an evaluation the thread answers.
    """
    from agents.comparison import ARTEFACTS

    model = memory.get("model")
    results = [r for r in memory.get("results") or [] if isinstance(r, dict)]
    if (
        files
        or not isinstance(model, str)
        or not rx.search(ARTEFACTS, goal, re.I)
        or rx.search(r"\b(?:train|fit|retrain|label|generat|predict)\w*", goal, re.I)
        or any(r.get("tool") == "evaluate_model" for r in results)
    ):
        return None
    step = _thread_model_evaluation(goal, model, memory)
    return Plan(steps=[step], notes=[f"evaluating {model} {_on(step)}"])


def _improve_request(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    from agents import memory as thread

    if not thread.is_improve_request(goal, bool(files)):
        return None
    return _improve(goal, memory) or _nothing_to_improve(goal, memory)


def _nothing_to_improve(goal: str, memory: dict[str, Any]) -> Plan | None:
    """'can you do better?' on a thread with no training or labeling run: say so, with what to
    ask first in the person's terms (their table and its columns). Not when the words ask for
    more than the improvement ('train a better model on x' plans the training).
    """
    from agents.memory import IMPROVE_RE

    rest = IMPROVE_RE.sub(" ", goal)
    if clause_tools(rest) or len(rest.split()) > 6:
        return None
    return Plan(answer=nothing_to_improve_answer(memory))


def nothing_to_improve_answer(memory: dict[str, Any]) -> str:
    """The answer to an improvement asked of a thread that has trained and labeled nothing:
    examples that name the thread's table (else a workspace table) and its label-like columns.
    """
    from agents.grounding import workspace_files
    from tools.profile import profile_table
    from tools.tabular import TABLE_SUFFIX_RE

    held = memory.get("dataset")
    tables = [held] if isinstance(held, str) and TABLE_SUFFIX_RE.search(held) else []
    tables = tables or [f for f in workspace_files() if TABLE_SUFFIX_RE.search(f)][:3]
    examples: list[str] = []
    for table in tables:
        try:
            profile = profile_table(table)
        except (ForgeflowError, OSError, ValueError):
            continue  # a table that cannot be read suggests nothing
        labels = sorted(
            (
                c
                for c in profile["columns"]
                if c["label_like"] and not (c["id_like"] or c["text_like"])
                if 2 <= c["distinct"] <= 20
            ),
            key=lambda c: c["distinct"],
        )
        partly = next((c["name"] for c in labels if c["partly_filled"]), None)
        if partly:
            examples.append(f"'fill in the {partly} column of {table}'")
        full = next((c["name"] for c in labels if not c["partly_filled"]), None)
        if partly or full:
            examples.append(f"'train a classifier to predict {partly or full} from {table}'")
        if len(examples) >= 2:
            break
    if not examples:
        examples = [f"'{EXAMPLES['train_model']}'", f"'{EXAMPLES['label_dataset']}'"]
    return (
        "There is nothing on this thread to improve yet: no model has been trained and nothing "
        f"labeled here. Start with one, e.g. {' or '.join(examples[:2])}; then 'can you do "
        "better' runs it again with a stronger search."
    )


def _rerun_request(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'rerun it that way', 'redo it with the scores written to x.csv' (files only as outputs)."""
    from agents.repeat import new_outputs

    rerun = RERUN_RE.search(goal)
    if files and not new_outputs(files):
        # 'now learn it on x.csv': the training again on that table, said without a 're-'
        if rerun or rx.search(RETRAIN_ON_RE, goal, re.I):
            return _retrain_on(goal, files, memory)
        return None
    return _rerun(goal, memory) if rerun else None


RETRAIN_ON_RE = (
    r"\bre-?train|\b(?:learn|fit|train)\s+(?:it|that|this|one|the\s+(?:same\s+)?(?:model|thing))"
    rf"\s+(?:again\s+)?(?:{rx.LEARNT_FROM})\b|\blet\s+it\s+learn\s+(?:on|from)\b"
)
"""'retrain it on x.csv', 'now learn it on x.csv', 'fit that from x.csv': the thread's training
again on another table."""


def _retrain_on(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'retrain qn_clf on qn_v2.csv': that training again on the one table named."""
    from agents.arguments import _table_columns, role_files

    data, tested, _ = role_files(goal, files)
    call = _training_meant(goal, memory)
    if len(set(data)) != 1 or call is None or not rx.search(RETRAIN_ON_RE, goal, re.I):
        return None
    args = dict(call.get("args") or {})
    changes: dict[str, Any] = {"dataset": data[0]}
    if len(set(tested)) == 1:
        changes["test_dataset"] = tested[0]  # '... and test it on y.csv'
    columns = _table_columns(data[0])
    for key in ("label_column", "id_column", "text_column"):
        if args.get(key) and columns and args[key] not in columns:
            args.pop(key)  # a column the new table lacks (the labeling output's own label)
    for key in ("numeric_columns", "categorical_columns", "text_columns", "test_dataset"):
        if key in args and args[key] == data[0]:
            args.pop(key)
    return call_again("train_model", args, changes, extract_targets(goal), goal)


def _columns_added(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'now add also rainfall_mm and irrigation': the thread's last training again with those
    columns added to its input lists (agents/repeat.py `added_columns`).
    """
    from agents.repeat import ADD_RE, added_columns

    if files or not rx.search(ADD_RE, goal, re.I):
        return None
    call = _training_meant(goal, memory)
    if call is None:
        return None
    args = dict(call.get("args") or {})
    changes = added_columns(goal, args)
    if not changes:
        return None
    return call_again("train_model", args, changes, extract_targets(goal), goal)


def _last_call_change(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'this time with 5 attempts', 'make that 300', 'wrong file': the last call, changed."""
    from agents.repeat import new_outputs

    said = FOLLOW_UP_RE.search(goal) or MAKE_THAT_RE.search(goal) or WRONG_FILE_RE.search(goal)
    return _adjust_last_call(goal, memory) if said and (not files or new_outputs(files)) else None


def _run_request(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """A goal about an earlier labeling run named or described (agents/runs.py)."""
    from agents.runs import run_request

    return run_request(goal, files, memory)


def _same_request(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'same for other.csv': the last acting turn on another file (agents/repeat.py)."""
    from agents.repeat import same_on_other_file, same_training_on

    return same_training_on(goal, files, memory) or same_on_other_file(goal, files, memory)


def _swap_request(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'I meant early_refill, not needs_review': a value of the last call swapped."""
    from agents.repeat import new_outputs, swap_correction, swap_files

    swapped = swap_files(goal, files, memory)
    if swapped is not None:
        return swapped  # 'no, the other way round': the two tables trade roles
    return swap_correction(goal, memory) if not files or new_outputs(files) else None


def _qa_export_request(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'a CSV of those questions': the thread's QA set exported (agents/repeat.py)."""
    from agents.repeat import export_thread_qa

    return export_thread_qa(goal, files, memory)


def _model_copy(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'save that model as rent_model_v1', 'rename the model to X' (agents/model_copy.py)."""
    from agents.model_copy import model_copy_plan

    return model_copy_plan(goal, files, memory)


def _best_model(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'of the models you trained here which one was best?' (agents/memory.py)."""
    from agents.memory import best_model_answer

    answer = None if files else best_model_answer(goal, memory)
    return Plan(answer=answer) if answer else None


def _qa_show(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'show me a few of them' after QA pairs were made (agents/repeat.py)."""
    from agents.repeat import show_thread_qa

    return show_thread_qa(goal, files, memory)


def _qa_rescore(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'be stricter, 0.85 is the pass mark': the thread's QA set scored again (agents/repeat.py)."""
    from agents.repeat import rescore_thread_qa

    return rescore_thread_qa(goal, files, memory)


def _small_talk_answer(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    return Plan(answer=_small_talk(goal)) if SMALL_TALK_RE.match(goal.strip()) else None


def _thread_run(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'open that run so I can review it', 'the rows it labeled as X': the thread's run."""
    from agents.runs import thread_run_request

    return thread_run_request(goal, files, memory)


FOLLOW_UPS = (
    _concept,
    _listing_answer,
    _model_copy,
    _best_model,
    _qa_show,
    _each_table,
    _confidence_look,
    _sorted_look,
    _thread_run,
    _qa_rescore,
    _artefact_check,
    _made_rows,
    _results_answer,
    _same_request,
    _improve_request,
    _correction_follow_up,
    _run_request,
    _save_last_output,
    _metric_switch,
    _swap_request,
    _qa_export_request,
    _generate_from_thread,
    _columns_added,
    _rerun_request,
    _last_call_change,
    _small_talk_answer,
)
"""What `plan_goal` tries, in this order, before reading the goal's clauses: each takes
(goal, files named, thread memory) and answers with a plan or None (not this kind of goal).
"""


# --- thread memory ---------------------------------------------------------------------------

_LISTING_KEYS = ("results", "datasets", "items", "models")
LISTING_STATS = {
    "downloads": "downloads",
    "downloadCount": "downloads",  # Kaggle's
    "likes": "likes",
    "votes": "votes",
    "voteCount": "votes",
    "size": "size",
    "rows": "rows",
}
# Tools whose input table becomes the thread's data ('now run the labeling loop' reads it).
DATA_TOOLS = (
    "inspect_dataset",
    "preview_rows",
    "train_model",
    "write_labeling_functions",
    "apply_labeling_functions",
    "label_dataset",
    "detect_anomalies",
    "vote_labels",
)


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
        if isinstance(ref, str) and tool in DATA_TOOLS:
            memory["dataset"] = ref
        gold = args.get("gold_path") or args.get("gold")
        if isinstance(ref, str) and isinstance(gold, str) and "$" not in gold:
            # the hand labels the thread used for a table ('now the full label model' reuses them)
            known = memory.get("golds")
            golds = {k: v for k, v in known.items() if k != ref} if isinstance(known, dict) else {}
            memory["golds"] = dict(list({**golds, ref: gold}.items())[-8:])
    for key in ("output", "output_path", "path", "labeled_path", "predictions_path", "scores_path"):
        value = output.get(key)
        if isinstance(value, str) and rx.search(r"\.(csv|tsv|parquet|jsonl)$", value):
            memory["last_table"] = value
            break
    if output.get("chunk_set_id"):
        memory["chunk_set"] = output["chunk_set_id"]
    if tool == "detect_anomalies":
        flagged = output.get("flagged_path")
        if isinstance(flagged, str):
            memory["flagged_table"] = flagged  # 'save the flagged rows': these, with their data
        else:
            memory.pop("flagged_table", None)
    if tool in LOOP_TOOLS and args is not None:
        memory["last_loop"] = {**summary, "args": dict(args)}
    if tool == "train_model" and args is not None:
        memory["trainings"] = [
            *(memory.get("trainings") or [])[-4:],
            {"tool": tool, "args": dict(args)},
        ]
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
            # beside it (the listing's items are call arguments): what each item counts, so
            # 'which of those has the most downloads?' is answered from the thread
            memory["listing_stats"] = [
                {
                    name: i[k]
                    for k, name in LISTING_STATS.items()
                    if isinstance(i.get(k), int | float) and not isinstance(i.get(k), bool)
                }
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
    source = (args or {}).get("data_path") or (args or {}).get("dataset")
    if tool == "label_dataset" and output.get("labeled_path") and isinstance(source, str):
        # the table a labeling run read: labeling its output again relabels that table
        kept = list((memory.get("labeled_sources") or {}).items())[-9:]
        memory["labeled_sources"] = {**dict(kept), str(output["labeled_path"]): source}
    if output.get("model_path"):
        memory["generator" if tool == "train_generator" else "model"] = output["model_path"]
    if tool == "train_generator" and output.get("model_path"):
        memory["generator_info"] = {
            "path": output["model_path"],
            "dataset": str((args or {}).get("dataset") or output.get("dataset") or ""),
            "label_column": output.get("label_column"),
            "classes": [str(c) for c in output.get("classes") or []][:50],
        }
    if tool in ("generate_qa", "score_qa", "export_dataset") and output.get("dataset_id"):
        memory["qa_dataset"] = output["dataset_id"]
    return memory
