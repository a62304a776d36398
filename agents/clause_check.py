"""A clause of the goal that no planned step covers: the tool it asks for, added by a second reading."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from agents import patterns as rx

if TYPE_CHECKING:
    from agents.plan import Plan
    from agents.planner import Goal

ADDABLE = frozenset(
    {
        "train_model",
        "evaluate_model",
        "predict",
        "label_dataset",
        "write_labeling_functions",
        "apply_labeling_functions",
        "train_generator",
        "generate_synthetic",
        "detect_anomalies",
        "chunk_documents",
        "generate_qa",
        "export_dataset",
        "score_qa",
    }
)
"""The actions a clause may bring back: those a clause names by its verb and whose arguments the
usual builders bind (look-ups and hub searches, read off looser words, are never added)."""

COVERED_BY: dict[str, frozenset[str]] = {
    # a training measures its model (on a named test file, else its validation split); a
    # labeling run and labeling functions are measured against their hand labels
    "evaluate_model": frozenset(
        {"train_model", "label_dataset", "apply_labeling_functions", "write_labeling_functions"}
    ),
    # labels put on the rows some other way: the rules run, a correction, the workbench (a vote of
    # rules is no full labeling run: 'vote the rules, then run the weak-supervision loop')
    "label_dataset": frozenset(
        {
            "apply_labeling_functions",
            "correct_labels",
            "labeling_workbench",
            "workbench_rows",
            "export_labeled_data",
        }
    ),
    "train_generator": frozenset({"generate_synthetic"}),
    "export_dataset": frozenset({"export_labeled_data", "save_table"}),
}
"""A tool a clause asks for that a planned step of another tool already does."""

NOT_ASKED_RE = re.compile(
    r"\b(?:not|never|no need|without|skip|instead|rather than|if|unless|once|when(?:ever)?|"
    r"whether|in case|later|until|wait|only after|after (?:i|we|you|my|our|the review|approval|"
    r"sign-?off)|before (?:i|we)|tomorrow|next (?:week|month|time|run)|maybe|perhaps|eventually|"
    r"hold off|avoid)\b|n't\b|\?",
    re.I,
)
"""A clause that negates, defers or conditions its verb ('don't train yet', 'if it is below 0.8,
retrain'), or asks a question about it: no request to plan on its own."""


DOING_VERBS = frozenset({"run", "do", "make", "build", "create", "get", "start", "launch", "kick"})
"""Verbs that ask for whatever their object names ('run the full labeling loop')."""

TOOL_VERBS: dict[str, tuple[str, ...]] = {
    "train_model": ("train", "fit", "teach"),
    "evaluate_model": ("evaluate", "eval", "test", "check", "assess", "measure"),
    "predict": ("predict", "score", "classify"),
    "label_dataset": ("label", "annotate", "tag", "weak"),
    "write_labeling_functions": ("write", "mine", "generate", "suggest"),
    "apply_labeling_functions": ("apply",),
    "train_generator": ("train", "fit"),
    "generate_synthetic": ("generate", "sample", "synthesize", "synthesise"),
    "detect_anomalies": ("detect", "find", "flag", "spot"),
    "chunk_documents": ("chunk", "split"),
    "generate_qa": ("generate", "write"),
    "export_dataset": ("export", "save", "write"),
    "score_qa": ("score", "judge", "rate"),
}
"""The verbs that open a clause asking for each addable tool: a clause is read as asking for
its tools only when it opens with one of them (`planner._opening_verb`) or a doing verb; a
word of the tool said inside a clause that asks for something else ('save the rule-labeled
rows as x.csv', 'label quote_outcome, latent 4' giving a setting) is no request for it."""

ASIDE_RE = r"\([^()]{0,160}\)"
"""A bracketed aside of a clause (its detail; `split_clauses` keeps it inside the clause)."""


def _asked(clause: str) -> list[str]:
    """The action tools a clause asks for outright, or none when it only describes or defers."""
    from agents.intent import is_description
    from agents.planner import _opening_verb, _said_as_done, clause_tools

    if is_description(clause) or _said_as_done(clause) or rx.search(NOT_ASKED_RE, clause):
        return []
    # an aside in brackets ('inspect it (columns, label candidates)') is the request's detail;
    # 'col' is a column ('label col y' names the label column)
    said = rx.sub(r"\bcol\b", "column", rx.sub(ASIDE_RE, " ", clause), flags=re.I)
    tools = clause_tools(said)
    if any(t not in ADDABLE for t in tools):
        return []  # a look-up reading of the clause: its verb is no clear action
    verb = _opening_verb(said)
    if verb not in DOING_VERBS and not any(verb in TOOL_VERBS.get(t, ()) for t in tools):
        return []  # the clause's request is another verb's ('save the labeled rows'), or none
    return tools


def _covered(tool: str, planned: set[str]) -> bool:
    return tool in planned or bool(COVERED_BY.get(tool, frozenset()) & planned)


def uncovered_clauses(clauses: list[str], plan: Plan) -> dict[str, list[str]]:
    """Each clause with no step of its own whose asked tools no planned step does (or subsumes)."""
    planned = {s.tool for s in plan.steps}
    own = {s.why for s in plan.steps}
    out: dict[str, list[str]] = {}
    for clause in clauses:
        if clause in own:
            continue
        tools = _asked(clause)
        if tools and not any(_covered(t, planned) for t in tools):
            out[clause] = tools
    return out


WRITES = frozenset({"output", "output_path", "path", "name", "output_dir"})
"""Arguments that name what a step writes, not a file it reads."""


def _reads_inside(args: dict[str, Any]) -> bool:
    """Whether every value an added step reads (not an earlier step's output, not what it
    writes) is one the workspace resolver accepts, and every value shaped like a file name is a
    file in the workspace: '..', an absolute path, '~user', a NUL byte, a lone surrogate or a
    link out of it is never read (`store.workspace`, the one resolver).
    """
    from agents.slots import FILE_RE
    from store.workspace import confined, is_workspace_file

    for key, value in args.items():
        if key in WRITES:
            continue
        for one in value if isinstance(value, list) else [value]:
            if not isinstance(one, str) or "${" in one:
                continue
            if not confined(one) or (FILE_RE.search(one) and not is_workspace_file(one)):
                return False
    return True


def _files_of(args: dict[str, Any]) -> list[str]:
    """The data a step reads by name (its dataset, data path or listed paths), references left
    out.
    """
    refs: list[Any] = [args.get("dataset"), args.get("data_path")]
    paths = args.get("paths")
    refs += paths if isinstance(paths, list) else [paths]
    return [r for r in refs if isinstance(r, str) and r and "${" not in r]


def _said_in(name: str, clause: str) -> bool:
    """Whether the clause names the file as a whole word ('a.csv' is not said by 'data.csv')."""
    return bool(rx.search(rf"(?<![\w./-]){re.escape(name)}(?![\w/-])", clause, re.I))


STEP_REF_RE = re.compile(r"\$\{steps\.\d+\.")


def _shape(args: dict[str, Any]) -> str:
    """A step's arguments with its references to earlier steps unnumbered (a step added before
    it moves them).
    """
    return STEP_REF_RE.sub("${steps.", repr(sorted(args.items(), key=lambda kv: kv[0])))


def second_reading(read: Goal, plan: Plan) -> Plan:
    """The plan with the tools of its uncovered clauses added where those clauses sit, when the
    plan rebuilt that way keeps every step it had, asks nothing and binds every required
    argument; else the plan as it was.
    """
    from agents.arbiter import complete
    from agents.planner import (
        HELD_KEYS,
        KEEP_SAID_STEPS,
        PURPOSE_RE,
        READ_ONLY,
        _plan_clauses,
        path_outside_workspace,
    )
    from agents.slots import split_clauses

    if not KEEP_SAID_STEPS:  # the benchmark knob that measures the router's drops unguarded
        return plan
    if plan.question or plan.answer or not plan.steps or path_outside_workspace(read.text):
        return plan
    clauses = split_clauses(rx.sub(PURPOSE_RE, "", read.text))
    if any(s.why not in clauses for s in plan.steps):
        return plan  # a step a later pass added: the plan cannot be rebuilt clause by clause
    missing = uncovered_clauses(clauses, plan)
    if not missing:
        return plan
    forced: dict[str, list[str]] = {}
    for step in plan.steps:
        forced.setdefault(step.why, []).append(step.tool)
    for clause, tools in missing.items():
        forced[clause] = list(tools)
    wanted = [t for c in clauses for t in forced.get(c, []) if t not in READ_ONLY]
    rebuilt = _plan_clauses(read, forced)
    built = [s.tool for s in rebuilt.steps if s.tool not in READ_ONLY]
    if rebuilt.question or rebuilt.answer or built != wanted or not complete(rebuilt.steps):
        return plan
    added_steps = [s for s in rebuilt.steps if s.why in missing]
    kept = [_shape(s.args) for s in rebuilt.steps if s.why not in missing]
    if kept != [_shape(s.args) for s in plan.steps]:
        return plan  # the rebuild read the other clauses otherwise: the first reading stands
    if not all(_reads_inside(s.args) for s in added_steps):
        return plan
    held = {v for k in HELD_KEYS if isinstance(v := read.memory.get(k), str)}  # the thread's
    for step in added_steps:
        # its data: said in its clause, read by a step before it, or the thread's; else a guess
        # (a file a later clause names is that clause's, not this one's)
        at = rebuilt.steps.index(step)
        known = held | {
            f for s in rebuilt.steps[:at] if s not in added_steps for f in _files_of(s.args)
        }
        if any(not _said_in(f, step.why) and f not in known for f in _files_of(step.args)):
            return plan
    added = ", ".join(t for tools in missing.values() for t in tools)
    rebuilt.notes.append(f"added {added}: a clause of the goal asked for it and no step did it")
    return rebuilt
