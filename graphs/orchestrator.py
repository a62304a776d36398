"""The orchestrator graph: plan → dispatch each step (streaming progress) → report."""

from __future__ import annotations

import re
import time
from typing import Any, Literal

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from langgraph.config import get_stream_writer
from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime
from langgraph.types import interrupt

from agents.llm import get_chat_model
from agents.planner import NOT_UNDERSTOOD, Plan, plan_goal, remember
from agents.reporter import write_answer
from agents.thread_state import SAID_KEY, TURN_KEY, said_after
from errors import Cancelled, ForgeflowError, Unavailable
from graphs.state import InputState, OrchestratorState, RunContext
from graphs.workflows import call_tool
from settings import get_settings
from tools.base import ToolContext
from tools.registry import all_tools

REF_RE = re.compile(r"\$\{steps\.(\d+)((?:\.[\w-]+)*)\}")
LOOP_FIELDS = ("target", "target_met", "attempts", "best_attempt", "history")
MAX_CLARIFICATIONS = 3
MAX_TURNS = 4
"""Acting turns the thread memory keeps as planned (for 'the same with ...' of an earlier one)."""
YES = frozenset(
    {"y", "yes", "ok", "okay", "sure", "go", "go ahead", "proceed", "continue", "confirm"}
)

# What each tool writes, for dry runs (what a goal would read and write before it runs).
WRITES: dict[str, str] = {
    "download_dataset": "files under workspace/datasets/<source>/<id>/<revision>/ and a dataset record",
    "label_dataset": "a labeled parquet, the labeling functions, an LF summary chart",
    "write_labeling_functions": "a labeling-function set",
    "apply_labeling_functions": "a label matrix and LF analysis",
    "train_model": "model weights (safetensors), config and preprocessing (JSON), curves",
    "evaluate_model": "metrics JSON, ROC and confusion-matrix charts (a regressor: a scatter)",
    "predict": "a predictions table",
    "train_generator": "a generator model (safetensors + JSON)",
    "generate_synthetic": "a synthetic table",
    "detect_anomalies": "an anomaly report",
    "chunk_documents": "stored chunks",
    "generate_qa": "a QA dataset version",
    "score_qa": "quality scores on a new QA dataset version",
    "export_dataset": "export files (jsonl/parquet/csv) with splits",
}
READ_KEYS = (
    "dataset",
    "dataset_id",
    "data_path",
    "gold_path",
    "model_path",
    "paths",
    "project_id",
    "chunk_set_id",
)


MAX_REPAIRS = 2
"""Bounded retries of one step whose bad-input error names an evident fix."""


def _norm(text: Any) -> str:
    return re.sub(r"[^0-9a-z]+", "", str(text).lower())


def repair_args(
    tool: str, args: dict[str, Any], error: dict[str, Any]
) -> tuple[dict[str, Any], str] | None:
    """The arguments fixed from a bad-input error, and what changed; None when not evident.

    Evident: the error's `details` name the argument and exactly one candidate (or one that is
    the same name in another case/spelling), e.g. label_column 'Cultivar' → 'cultivar', or a
    join key both files share. Schema errors (an LLM's unknown argument) are renamed to the
    field they misspell, or dropped.
    """
    details = error.get("details")
    if not isinstance(details, dict) or details.get("reason") == "consent":
        return None  # replacing a person's file is theirs to say, not the repair step's
    argument, candidates = details.get("argument"), details.get("candidates") or []
    if details.get("reason") == "not_unique" and argument == "id_column" and args.get(argument):
        # Ids that repeat (uniqueness was judged on a sample when the plan bound them): rows
        # are numbered instead, unless hand labels in another file join on that id.
        if args.get("gold_path") or args.get("gold"):
            return None
        fixed = {k: v for k, v in args.items() if k != argument}
        return fixed, f"{argument} {args[argument]!r} → unset (its values repeat; rows numbered)"
    if isinstance(argument, str) and isinstance(args.get(argument), dict):
        return _repair_mapping(args, argument, details)
    if isinstance(argument, str) and isinstance(candidates, list) and candidates:
        current = args.get(argument)
        same = [c for c in candidates if current is not None and _norm(c) == _norm(current)]
        pick = same[0] if same else (candidates[0] if len(candidates) == 1 else None)
        if pick is None or details.get("reason") == "ambiguous" and not same:
            return None
        if isinstance(current, list):
            value = details.get("value")
            new_value: Any = [pick if v == value else v for v in current]
            if new_value == current:
                return None
        else:
            new_value = pick
        if current == new_value:
            return None
        fixed = {**args, argument: new_value}
        before = f"{current!r}" if current is not None else "unset"
        return fixed, f"{argument} {before} → {new_value!r}"
    errors = details.get("errors")
    if isinstance(errors, list):
        from errors import closest
        from tools.registry import get_tool

        fields = list(get_tool(tool).input_model.model_fields)
        for item in errors:
            loc = str(item.get("loc", ""))
            if item.get("type") == "extra_forbidden" and loc in args:
                near = closest(loc, [f for f in fields if f not in args], n=1)
                fixed = {k: v for k, v in args.items() if k != loc}
                if near:
                    fixed[near[0]] = args[loc]
                    return fixed, f"argument {loc!r} → {near[0]!r}"
                return fixed, f"dropped unknown argument {loc!r}"
    return None


def _repair_mapping(
    args: dict[str, Any], argument: str, details: dict[str, Any]
) -> tuple[dict[str, Any], str] | None:
    """A mapping argument (inspect_dataset's `where`) fixed in the one key or value its error
    names (`part`: "column" or "value" of `column`), when the fix is evident as above.
    """
    current: dict[str, Any] = args[argument]
    value, candidates = details.get("value"), details.get("candidates") or []
    if not isinstance(value, str) or not isinstance(candidates, list):
        return None  # a number found in no row has no near spelling to take
    if details.get("reason") != "not_found":
        return None
    same = [c for c in candidates if _norm(c) == _norm(value)]
    pick = same[0] if same else (candidates[0] if len(candidates) == 1 else None)
    if pick is None or pick == value:
        return None
    if details.get("part") == "column":
        if value not in current or pick in current:
            return None
        fixed = {pick if key == value else key: v for key, v in current.items()}
        return {**args, argument: fixed}, f"{argument} column {value!r} → {pick!r}"
    column = details.get("column")
    if details.get("part") != "value" or column not in current:
        return None
    old = current[column]
    if isinstance(old, dict) and "ne" in old:  # {'ne': 'clsed'}: the value left out, fixed
        inner = old["ne"]
        ne = [pick if v == value else v for v in inner] if isinstance(inner, list) else pick
        if ne == inner or not isinstance(inner, list) and inner != value:
            return None
        fixed = {**current, column: {**old, "ne": ne}}
        return {**args, argument: fixed}, f"{argument} {column} {value!r} → {pick!r}"
    new = [pick if v == value else v for v in old] if isinstance(old, list) else pick
    if new == old or not isinstance(old, list) and old != value:
        return None
    return {**args, argument: {**current, column: new}}, f"{argument} {column} {value!r} → {pick!r}"


CONSENT_ARGUMENT = "overwrite"
"""The argument by which a tool replaces a file it did not write (the person's): only the
person's own words set it (their goal, or their answer to the replace question)."""
CONSENT_TOOLS = frozenset(
    t.name for t in all_tools() if CONSENT_ARGUMENT in t.input_model.model_fields
)
"""Tools that refuse (409, `reason: "consent"`) to replace a person's file without `overwrite`:
read from the registry's input models (every tool whose output file or folder a person can
name, `store.outputs.refuse_replacing`)."""
PLAN_NEVER_OVERWRITES = CONSENT_TOOLS
"""Tools whose `overwrite` a plan (an LLM's tool call) never sets: it is dropped before the call."""
MAX_CONSENT_QUESTIONS = 2
"""Questions one step may ask before it fails (a new name that also exists asks again)."""
REPLACE_SAID = re.compile(
    r"\b(?:replace|overwrite|over-write|yes|yep|yeah|sure|ok(?:ay)?|go ahead)\b"
)
KEEP_SAID = re.compile(
    # a no, a hedge or a question: the file is kept ('not sure', 'maybe?', "don't replace it")
    r"\b(?:no|not|nope|nah|don'?t|do not|never|cancel|stop|keep|leave|maybe|perhaps|unsure|"
    r"hm+|wait|hold on|which)\b|\?"
)
OBJECT = r"(?:(?:it|them|this|that|these|those|the\s+(?:new\s+)?(?:ones?|files?|tables?|copy))\s+)?"
NEW_NAME_SAID = re.compile(
    # 'call it weekly', 'name it x.csv', 'save it as x', 'write it to out/x.csv', or a bare name
    rf"\b(?:call|name|rename)\s+{OBJECT}(?:as\s+|to\s+)?['\"`]?(?P<name>\w[\w./-]*)"
    rf"|\b(?:save|write|store|put|keep)\s+{OBJECT}(?:as|to|into|under)\s+['\"`]?(?P<put>\w[\w./-]*)"
    r"|^\s*(?:as|use|to)?\s*['\"`]?(?P<bare>\w[\w/-]*\.(?:csv|jsonl|parquet))['\"`]?\s*$",
    re.I,
)
SUGGESTED_SAID = re.compile(
    r"\b(?:the\s+)?(?:new|other|suggested|second)\s+(?:names?|ones?|files?)\b"
    r"|\bsave\s+(?:it\s+|them\s+)?as\s+new\b",
    re.I,
)
NOT_NAMES = frozenset(
    {"it", "this", "that", "as", "a", "an", "the", "new", "file", "one", "copy", "table", "is"}
    | {"them", "these", "those", "files", "ones", "tables", "names", "they", "are", "was", "were"}
)


def needs_consent(error: dict[str, Any]) -> bool:
    """Whether a step failed only for the person's consent (a file of theirs it would replace)."""
    details = error.get("details")
    return isinstance(details, dict) and details.get("reason") == "consent"


def consent_asked(error: dict[str, Any]) -> tuple[str, Any, Any, list[tuple[str, str]]]:
    """What a consent error (`errors.consent_details`) asks about: the argument naming the
    files, its value, its suggested value, and (existing file, its suggested name) pairs.
    """
    details = error["details"]
    argument, value, suggested = str(details["argument"]), details["value"], details["suggested"]
    if isinstance(details.get("renamed"), dict):  # one path naming several files (splits)
        renamed = {str(k): str(v) for k, v in details["renamed"].items()}
    elif isinstance(value, list) and isinstance(suggested, list):
        renamed = {str(v): str(n) for v, n in zip(value, suggested, strict=True)}
    else:
        renamed = {str(value): str(suggested)}
    return argument, value, suggested, [(str(e), renamed[str(e)]) for e in details["existing"]]


def listed(names: list[str]) -> str:
    """Names as a question shows them: 'a.csv', 'a.csv and b.csv', 'a.csv, b.csv and c.csv'."""
    from agents.planner import shown_name

    shown = [shown_name(n) for n in names]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def consent_answer(reply: str, suggested: str, current: str) -> tuple[str, str | None]:
    """What the person answered to 'X exists — replace it, or save as Y?': ('rename', name),
    ('replace', None), ('keep', None), or ('unclear', None) for a reply that is none of them
    (the file is kept too). Only an explicit yes or 'replace' replaces.
    """
    text = reply.strip().lower().rstrip(".!")
    said = NEW_NAME_SAID.search(reply.strip())
    name = said and (said.group("name") or said.group("put") or said.group("bare"))
    if SUGGESTED_SAID.search(text) or (name and name.lower() == suggested.lower()):
        return "rename", suggested
    if name and name.lower() not in NOT_NAMES and not REPLACE_SAID.fullmatch(name.lower()):
        from pathlib import PurePosixPath

        suffix = PurePosixPath(current).suffix
        name = name.rstrip(".")
        if not PurePosixPath(name).suffix and suffix:
            name += suffix  # 'call it march_scores': the format the save already has
        return "rename", name
    if KEEP_SAID.search(text):
        return "keep", None
    if REPLACE_SAID.search(text):
        return "replace", None
    return "unclear", None


OVERWRITE_SAID = re.compile(
    r"\b(?:overwrit\w*|over-writ\w*|(?:write|save|saving|writing)\s+(?:it\s+)?over|clobber\w*)\b"
    r"|\bin[- ]place\b",
    re.I,
)
OLD_FILE = (
    r"(?:the\s+)?(?:old|existing|original|previous|current|earlier)\s+"
    r"(?:one|file|copy|version|table|sheet|csv)"
)
NOT_REPLACED = re.compile(
    r"\b(?:don'?t|do\s+not|never|without|not|no\s+need\s+to)\s+(?:\w+\s+){0,2}?"
    r"(?:overwrit|over-writ|replac|clobber|writ\w*\s+over|sav\w*\s+over)",
    re.I,
)


def replace_said(goal: str, path: str) -> bool:
    """Whether the person's own words consent to replacing `path`: the goal names the file and
    says to overwrite it ('save it as clean.csv, overwrite the old one', 'replace x.csv',
    'fix x.csv in place'), with no 'don't' / 'without' before the verb. 'Replace the missing
    ages' replaces values, not a file: 'replace' counts only with a file as its object.
    """
    from pathlib import PurePosixPath

    if not goal or not path or NOT_REPLACED.search(goal):
        return False
    name = PurePosixPath(path).name
    stem = name.rsplit(".", 1)[0]
    named = rf"(?<![\w.-])(?:[\w.-]+/)*(?:{re.escape(name)}|{re.escape(stem)})(?![\w-])"
    if not re.search(named, goal, re.I):
        return False
    replaced = rf"\breplac\w*\s+(?:it\b|{OLD_FILE}\b|(?:the\s+)?(?:file\s+)?{named})"
    return bool(OVERWRITE_SAID.search(goal) or re.search(replaced, goal, re.I))


class NewRequest(Exception):
    """The answer to the replace question was a new request of its own: planned next."""

    def __init__(self, reply: str, reason: str) -> None:
        super().__init__(reason)
        self.reply = reply


def is_new_request(
    reply: str, choice: str, memory: dict[str, Any], history: list[Any], tool: str
) -> bool:
    """Whether a reply to the replace question is a new complete request rather than an answer:
    planned on its own (as a reply, the rules deciding: agents.planner._arbitrate), it plans
    steps other than the `tool` asked about, or is understood as a question of its own. A new
    name is always an answer; 'ok, overwrite' to a save's question plans only a save, so it is
    an answer too.
    """
    if choice == "rename" or not reply.strip():
        return False
    alone = _plan(reply, {**memory, TURN_KEY: "reply"}, history)
    if alone.steps:
        return any(step.tool != tool for step in alone.steps)
    return choice == "unclear" and _understood(alone)


def _ask_to_replace(
    args: dict[str, Any],
    error: dict[str, Any],
    index: int,
    new_request: Any = None,
) -> tuple[dict, str]:
    """Ask the person whether to replace the file(s) a step would overwrite, as the tool's
    consent error names them (an interrupt; the run resumes with their answer), and return the
    arguments their answer gives, and what they chose; StepFailed when they keep the files,
    NewRequest when `new_request(reply, choice)` says the reply is a new request instead (the
    files are kept, the step dropped). Several files take one answer: replace them all, or
    save them all under the suggested names (one new name for several files is not guessed).
    """
    argument, value, suggested, pairs = consent_asked(error)
    existing, names = [old for old, _ in pairs], [new for _, new in pairs]
    one = len(pairs) == 1
    them, kept = ("it", "kept as it was") if one else ("them", "kept as they were")
    question = f"{listed(existing)} exist{'s' if one else ''} — replace {them}, or save as {listed(names)}?"
    reply = str(
        interrupt({"type": "question", "question": question, "step": index, "reason": "consent"})
        or ""
    )
    said = f"your answer: {reply[:60]!r}"
    choice, name = consent_answer(reply, names[0], existing[0])
    if new_request is not None and new_request(reply, choice):
        raise NewRequest(
            reply.strip(),
            f"{listed(existing)} {kept}, nothing saved: your reply ({reply.strip()[:60]!r}) "
            "is a new request, planned next (ask again to save)",
        )
    if choice == "replace":
        return {**args, CONSENT_ARGUMENT: True}, f"replaced {listed(existing)} ({said})"
    if choice == "rename" and name:
        if not one and name.lower() != names[0].lower():
            raise StepFailed(
                f"{listed(existing)} {kept}, nothing saved: one new name for {len(pairs)} files "
                f"is not guessed ({said}); answer 'the new names' for {listed(names)}, or name "
                "every file in a new request"
            )
        if not one or name.lower() == names[0].lower():
            new_value: Any = suggested  # the suggested name(s): the argument's suggested value
        elif isinstance(value, list):  # one of several files: that one takes the new name
            new_value, names = [name if v == existing[0] else v for v in value], [name]
        else:
            new_value, names = name, [name]
        fixed = {**args, argument: new_value, CONSENT_ARGUMENT: False}
        return fixed, f"saved as {listed(names)} ({said})"
    raise StepFailed(f"{listed(existing)} {kept}, nothing saved ({said})")


class StepFailed(Exception):
    """A reference points at a step that did not complete."""


def _lookup(value: Any, path: list[str]) -> Any:
    for part in path:
        if isinstance(value, list) and part.lstrip("-").isdigit():
            index = int(part)
            if not -len(value) <= index < len(value):
                raise StepFailed(f"the earlier step returned only {len(value)} items")
            value = value[index]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            raise StepFailed(f"the earlier step's output has no field {part!r}")
    return value


def resolve_refs(value: Any, steps: list[dict[str, Any]]) -> Any:
    """Replace `${steps.N.path}` with values from earlier steps' outputs."""
    if isinstance(value, dict):
        return {k: resolve_refs(v, steps) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve_refs(v, steps) for v in value]
    if not isinstance(value, str) or "${steps." not in value:
        return value

    def get(match: re.Match[str]) -> Any:
        index = int(match.group(1))
        if index >= len(steps) or steps[index].get("status") != "completed":
            raise StepFailed(f"step {index + 1} did not complete")
        return _lookup(steps[index]["output"], [p for p in match.group(2).split(".") if p])

    whole = REF_RE.fullmatch(value)
    if whole:
        return get(whole)
    return REF_RE.sub(lambda m: str(get(m)), value)


def _history(messages: list[BaseMessage]) -> list[BaseMessage]:
    return [m for m in messages if isinstance(m, HumanMessage | AIMessage)][:-1]


def plan_node(state: OrchestratorState, runtime: Runtime[RunContext]) -> dict[str, Any]:
    """Turn the goal (and the thread's memory and earlier turns) into a plan."""
    goal = state.get("goal", "").strip()
    memory = state.get("memory") or {}
    writer = get_stream_writer()
    writer({"type": "step", "status": "planning", "message": "planning"})
    history = _history(state.get("messages", []))
    plan = _plan(goal, memory, history)
    if not runtime.context.dry_run:
        # An ambiguous goal: ask the person (the run ends `interrupted`) and plan again with
        # the answer; bounded, after which the question is the answer of the turn.
        # The reply is planned on a thread whose state says a question is pending.
        asking = {**memory, TURN_KEY: "question"}
        for _ in range(MAX_CLARIFICATIONS):
            if not plan.question or plan.steps:
                break
            reply = str(interrupt({"type": "question", "question": plan.question}) or "").strip()
            # Alone, only the rules may make the reply a new request (agents.planner._arbitrate):
            # the router would read a bare 'digits' as a new goal of its own.
            alone = _plan(reply, {**memory, TURN_KEY: "reply"}, history) if reply else plan
            # A complete new request is not swallowed by the pending question: the reply
            # that plans (or answers, or asks its own question) on its own is a new goal.
            if alone.steps or (alone.answer and _understood(alone)):
                plan, goal = alone, reply  # a new request, or a question about the thread
                continue
            combined = _plan(f"{goal} {reply}", asking, history)
            if not combined.steps and reply and _understood(alone):
                plan, goal = alone, reply
            else:
                plan = combined
    described = _describe(plan)
    writer({"type": "plan", "plan": described})
    update: dict[str, Any] = {"plan": described, "step_index": 0, "steps": [], "answer": ""}
    if plan.steps and not plan.question:
        # 'same for the other file' repeats this turn's steps (as planned, references kept).
        turn = [{"tool": s.tool, "args": dict(s.args)} for s in plan.steps]
        earlier = [t for t in memory.get("turns") or [] if isinstance(t, list)][-(MAX_TURNS - 1) :]
        update["memory"] = {
            **memory,
            "last_turn": turn,
            "turns": [*earlier, turn],  # 'the same with the other guide': an earlier turn too
            TURN_KEY: "tools",
        }
    elif not plan.question:
        # A turn answered without a tool: the next turn's thread state says so (the router).
        update["memory"] = {**memory, TURN_KEY: "answer"}
    if "memory" in update:
        update["memory"][SAID_KEY] = said_after(memory, goal)  # what the thread talked about
    return {**update, "result": {}}


def _understood(plan: Plan) -> bool:
    """Whether a reply planned on its own was understood (steps, an answer or its own question,
    not 'I could not tell what to do').
    """
    said = plan.answer or plan.question
    return bool(plan.steps) or (bool(said) and not str(said).startswith(NOT_UNDERSTOOD))


def _plan(goal: str, memory: dict[str, Any], history: list[BaseMessage]) -> Plan:
    model = get_chat_model()
    if model is None:
        return plan_goal(goal, memory)
    from agents.llm_planner import plan_with_llm

    return plan_with_llm(model, goal, memory, history)


def confirmation_needed(
    tool: str, args: dict[str, Any], credentials: dict[str, str] | None = None
) -> str | None:
    """The question to ask a person before this step runs, or None (FORGEFLOW_CONFIRM_*)."""
    settings = get_settings()
    if tool == "download_dataset" and settings.confirm_download_mb > 0:
        from tools.registry import has_tool

        if not has_tool(tool):
            return None
        from tools import datasets as dataset_tools

        size = dataset_tools.estimate_download_size(args, credentials)
        if size is not None and size > settings.confirm_download_mb * 1e6:
            return (
                f"{args.get('dataset_id')} is about {size / 1e6:.0f} MB, over the "
                f"{settings.confirm_download_mb:g} MB confirmation limit. Download it? (yes/no)"
            )
    if settings.confirm_code and tool in ("label_dataset", "apply_labeling_functions"):
        functions = args.get("labeling_functions")
        code = [f for f in functions or [] if isinstance(f, dict) and f.get("code")]
        if code:
            names = ", ".join(str(f.get("name", "?")) for f in code)
            return f"Run {len(code)} code labeling function(s) ({names}) in the sandbox? (yes/no)"
    return None


def _describe(plan: Plan) -> dict[str, Any]:
    data = plan.model_dump()
    for step in data["steps"]:
        step["reads"] = {k: step["args"][k] for k in READ_KEYS if k in step["args"]}
        step["writes"] = WRITES.get(step["tool"], "nothing (read-only)")
    return data


def route_after_plan(
    state: OrchestratorState, runtime: Runtime[RunContext]
) -> Literal["dispatch", "report"]:
    """Run the steps, unless this is a dry run or the planner asked a question."""
    plan = state.get("plan") or {}
    if runtime.context.dry_run or plan.get("question") or not plan.get("steps"):
        return "report"
    return "dispatch"


def dispatch_node(state: OrchestratorState, runtime: Runtime[RunContext]) -> dict[str, Any]:
    """Run the next step's tool, stream its progress, record its output or error."""
    ctx = runtime.context
    plan = state["plan"] or {}
    planned = plan["steps"]
    index = state.get("step_index", 0)
    step = planned[index]
    done = list(state.get("steps", []))
    writer = get_stream_writer()
    total = len(planned)
    if ctx.cancel_event is not None and ctx.cancel_event.is_set():
        raise Cancelled(ctx.run_id)
    record: dict[str, Any] = {"index": index, "tool": step["tool"], "args": step["args"]}
    writer(
        {
            "type": "step",
            "index": index,
            "tool": step["tool"],
            "status": "started",
            "progress": round(100 * index / total, 1),
        }
    )

    def emit(event: dict[str, Any]) -> None:
        fraction = event.get("fraction")
        overall = (index + (fraction if fraction is not None else 0.0)) / total
        writer({**event, "index": index, "progress": round(100 * overall, 1)})

    started = time.perf_counter()
    step_key = f"{ctx.run_id}-{index}" if ctx.run_id else None
    repairs: list[str] = []
    answers: list[str] = []
    goal = str(state.get("goal") or "")
    follow: str | None = None

    def new_request(reply: str, choice: str) -> bool:
        memory = state.get("memory") or {}
        history = _history(state.get("messages", []))
        return is_new_request(reply, choice, memory, history, step["tool"])

    try:
        args = resolve_refs(step["args"], done)
        if args.get(CONSENT_ARGUMENT) and step["tool"] in PLAN_NEVER_OVERWRITES:
            # A plan (an LLM's tool call) does not give the person's consent: their answer does.
            args = {k: v for k, v in args.items() if k != CONSENT_ARGUMENT}
        record["args"] = args
        question = confirmation_needed(step["tool"], args, ctx.credentials)
        if question is not None:
            reply = str(interrupt({"type": "confirm", "question": question, "step": index}))
            if reply.strip().lower().rstrip(".!") not in YES:
                raise StepFailed(f"not confirmed (answer: {reply[:80]!r})")
        while True:
            try:
                output = call_tool(
                    step["tool"],
                    args,
                    ToolContext(
                        emit=emit,
                        credentials=ctx.credentials,
                        cancel_event=ctx.cancel_event,
                        run_id=ctx.run_id,
                        max_attempts=ctx.max_attempts,
                        output_key=step_key,
                        on_output=(lambda path: ctx.on_output(path, step_key))
                        if ctx.on_output is not None and step_key
                        else None,
                    ),
                )
                break
            except Unavailable:
                raise
            except ForgeflowError as exc:
                if needs_consent(exc.to_dict()) and not answers and not args.get(CONSENT_ARGUMENT):
                    existing = [old for old, _ in consent_asked(exc.to_dict())[3]]
                    if existing and all(replace_said(goal, name) for name in existing):
                        # 'save it as x.csv, overwrite the old one': the person's own words
                        # (the goal, not the plan) already answer the replace question.
                        args = {**args, CONSENT_ARGUMENT: True}
                        answers.append(f"replaced {listed(existing)} (your words: {goal[:60]!r})")
                        record["args"] = args
                        continue
                if needs_consent(exc.to_dict()) and len(answers) < MAX_CONSENT_QUESTIONS:
                    # Replacing a person's file is theirs to say: ask, and do what they answer.
                    args, said = _ask_to_replace(args, exc.to_dict(), index, new_request)
                    answers.append(said)
                    record["args"] = args
                    continue
                # Bad input whose fix is evident from the error (one candidate): fix, retry.
                fix = repair_args(step["tool"], args, exc.to_dict())
                if fix is None or len(repairs) >= MAX_REPAIRS:
                    raise
                args, change = fix
                repairs.append(change)
                record["args"] = args
                writer({"type": "repair", "index": index, "tool": step["tool"], "change": change})
        record.update(status="completed", output=output)
    except NewRequest as exc:
        record.update(status="skipped", reason=str(exc))
        follow = exc.reply
    except StepFailed as exc:
        record.update(status="skipped", reason=str(exc))
    except Unavailable as exc:
        record.update(status="unavailable", error=exc.to_dict())
    except ForgeflowError as exc:
        record.update(status="failed", error=exc.to_dict())
    if repairs:
        record["repairs"] = repairs
    if answers:
        record["answers"] = answers
    record["seconds"] = round(time.perf_counter() - started, 4)
    writer(
        {
            "type": "step",
            "index": index,
            "tool": step["tool"],
            "status": record["status"],
            "progress": round(100 * (index + 1) / total, 1),
        }
    )
    memory = state.get("memory") or {}
    if record["status"] == "completed":
        memory = remember(step["tool"], record["output"], memory, record.get("args"))
    elif record["status"] == "failed":
        # A failed call can still be adjusted next turn ("rank by f1 instead").
        memory = {**memory, "last_call": {"tool": step["tool"], "args": record.get("args") or {}}}
    update = {"steps": [*done, record], "step_index": index + 1, "memory": memory}
    if follow:
        update["next_goal"] = follow  # the reply to the replace question: a turn of its own
    return update


def route_after_dispatch(state: OrchestratorState) -> Literal["dispatch", "report"]:
    """Next step while steps remain and none failed; else report."""
    steps = state.get("steps", [])
    if steps and steps[-1]["status"] in ("failed", "unavailable", "skipped"):
        return "report"
    return "dispatch" if state.get("step_index", 0) < len(state["plan"]["steps"]) else "report"


def report_node(state: OrchestratorState, runtime: Runtime[RunContext]) -> dict[str, Any]:
    """Write the answer message and the structured result of the turn."""
    plan = state.get("plan") or {}
    steps = list(state.get("steps", []))
    planned = plan.get("steps", [])
    if not runtime.context.dry_run and not plan.get("question"):
        for index in range(len(steps), len(planned)):
            steps.append(
                {
                    "index": index,
                    "tool": planned[index]["tool"],
                    "args": planned[index]["args"],
                    "status": "skipped",
                    "reason": "an earlier step did not complete",
                }
            )
    answer = write_answer(plan, steps, dry_run=runtime.context.dry_run)
    artifacts: list[Any] = []
    loop: dict[str, Any] = {}
    for step in steps:
        output = step.get("output")
        if isinstance(output, dict):
            artifacts.extend(output.get("artifacts") or [])
            if "target_met" in output:
                loop = {k: output[k] for k in LOOP_FIELDS if k in output}
    result: dict[str, Any] = {
        "plan": plan,
        "steps": steps,
        "artifacts": artifacts,
        "targets": plan.get("targets", {}),
        "dry_run": runtime.context.dry_run,
        **loop,
    }
    if plan.get("question"):
        result["question"] = plan["question"]
    update: dict[str, Any] = {"result": result, "steps": steps, "messages": [AIMessage(answer)]}
    earlier = state.get("earlier")
    if earlier:
        # This turn followed a reply to the replace question: the person reads both answers.
        result["earlier"] = earlier.get("result") or {}
        update["earlier"] = None
        return {**update, "answer": f"{earlier.get('answer', '')}\n\n{answer}".strip()}
    return {**update, "answer": answer}


def route_after_report(state: OrchestratorState) -> Literal["follow", "__end__"]:
    """A reply to the replace question that was a new request is planned as its own turn."""
    return "follow" if state.get("next_goal") else END


def follow_turn(state: OrchestratorState) -> dict[str, Any]:
    """Start the turn of the new request sent in reply to the replace question (the answer so
    far is kept and shown before this turn's).
    """
    goal = str(state.get("next_goal") or "")
    earlier = {"answer": state.get("answer", ""), "result": state.get("result") or {}}
    return {"goal": goal, "messages": [HumanMessage(goal)], "next_goal": None, "earlier": earlier}


def start_turn(state: InputState) -> dict[str, Any]:
    """Record the goal as the human turn of the conversation."""
    goal = state.get("goal", "")
    return {"goal": goal, "messages": [HumanMessage(goal)]}


def build_graph(checkpointer: Any = None):  # noqa: ANN201 - a compiled LangGraph
    """Compile the orchestrator graph (with a checkpointer for threads when given)."""
    graph = StateGraph(OrchestratorState, context_schema=RunContext, input_schema=InputState)
    graph.add_node("start", start_turn)
    graph.add_node("plan", plan_node)
    graph.add_node("dispatch", dispatch_node)
    graph.add_node("report", report_node)
    graph.add_node("follow", follow_turn)
    graph.add_edge(START, "start")
    graph.add_edge("start", "plan")
    graph.add_edge("follow", "plan")
    graph.add_conditional_edges("plan", route_after_plan, ["dispatch", "report"])
    graph.add_conditional_edges("dispatch", route_after_dispatch, ["dispatch", "report"])
    graph.add_conditional_edges("report", route_after_report, ["follow", END])
    return graph.compile(checkpointer=checkpointer, name="forgeflow")


# For LangGraph Studio / `langgraph dev` (the platform supplies its own checkpointer).
graph = build_graph()
