"""The LLM planner: tool calling over the registry, with invalid calls fed back to the model."""

from __future__ import annotations

import json
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage

from agents.llm import load_prompt
from agents.plan import Plan, PlanStep
from agents.slots import extract_targets
from errors import ForgeflowError, UpstreamError
from tools.registry import all_tools, get_tool

MAX_REPAIRS = 2


def tool_schemas() -> list[dict[str, Any]]:
    """The registry as OpenAI-style function schemas (what the model may call)."""
    return [
        {
            "type": "function",
            "function": {
                "name": t.name,
                "description": t.description,
                "parameters": t.input_schema(),
            },
        }
        for t in all_tools()
    ]


def _has_reference(value: Any) -> bool:
    if isinstance(value, str):
        return "${steps." in value
    if isinstance(value, dict):
        return any(_has_reference(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_reference(v) for v in value)
    return False


def check_call(name: str, args: dict[str, Any]) -> str | None:
    """None when the call is valid, else the error text to send back to the model."""
    try:
        spec = get_tool(name)
        if not _has_reference(args):
            spec.validate(args)
    except ForgeflowError as exc:
        details = exc.details.get("errors") if isinstance(exc.details, dict) else None
        return f"{exc.message}. {exc.hint}" + (f" Errors: {json.dumps(details)}" if details else "")
    return None


def data_profiles(goal: str, memory: dict[str, Any], limit: int = 4) -> list[dict[str, Any]]:
    """Compact profiles of the tables the goal names (and the thread's last ones), for the prompt."""
    from agents.slots import FILE_RE
    from tools.profile import profile_table

    refs = [*FILE_RE.findall(goal), memory.get("dataset"), memory.get("labeled")]
    profiles: list[dict[str, Any]] = []
    for ref in dict.fromkeys(r for r in refs if isinstance(r, str) and r):
        profile = profile_table(ref)
        if profile is None:
            continue
        columns = []
        for c in profile["columns"][:40]:
            flags = [
                k.removesuffix("_like") for k in ("id_like", "text_like", "label_like") if c[k]
            ]
            if c["partly_filled"]:
                flags.append(f"partly filled ({round(100 * (1 - c['missing_share']))}%)")
            top = list(c["top"])[:4] if c["label_like"] else []
            columns.append(
                {"name": c["name"], "dtype": c["dtype"], "distinct": c["distinct"]}
                | ({"flags": flags} if flags else {})
                | ({"values": top} if top else {})
            )
        profiles.append({"file": ref, "rows": profile["rows"], "columns": columns})
        if len(profiles) >= limit:
            break
    return profiles


def thread_summary(memory: dict[str, Any]) -> dict[str, Any]:
    """What the thread produced so far, small enough for a prompt."""
    keep = ("dataset", "labeled", "model", "generator", "qa_dataset", "project", "models")
    out: dict[str, Any] = {k: memory[k] for k in keep if memory.get(k)}
    results = memory.get("results") or []
    if results:
        out["results"] = [
            {k: v for k, v in r.items() if k not in ("history", "args")} for r in results[-4:]
        ]
    loop = memory.get("last_loop")
    if isinstance(loop, dict):
        out["last_loop"] = {"tool": loop.get("tool"), "args": loop.get("args")}
    if memory.get("listing"):
        out["listing"] = memory["listing"][:10]
    return out


def plan_with_llm(
    model: BaseChatModel,
    goal: str,
    memory: dict[str, Any],
    history: list[BaseMessage] | None = None,
) -> Plan:
    """Ask the model for tool calls, grounded in the data profiles, the thread's memory and the
    tools' outputs; invalid calls go back as tool messages (bounded repairs). Questions about
    earlier results are answered from the thread memory without asking the model.
    """
    from agents import memory as thread
    from agents.patterns import bounded
    from agents.slots import FILE_RE

    # the rules read the goal's head only (agents/patterns.py MAX_TEXT); the model reads it all
    read, _ = bounded(goal)
    if thread.is_results_question(read, bool(FILE_RE.findall(read))):
        answer = thread.answer_from_memory(read, memory)
        if answer is not None:
            asked = thread.asked_metric(read)
            return Plan(answer=answer, asked={"metric": asked} if asked else {}, planner="llm")
    bound = model.bind_tools(tool_schemas())
    system = load_prompt(
        "planner",
        memory=json.dumps(thread_summary(memory), default=str)[:4000],
        profiles=json.dumps(data_profiles(read, memory), default=str)[:6000],
    )
    messages: list[BaseMessage] = [SystemMessage(system), *(history or [])[-8:], HumanMessage(goal)]
    for _ in range(MAX_REPAIRS + 1):
        try:
            reply = bound.invoke(messages)
        except Exception as exc:  # noqa: BLE001 - any client failure is an upstream error here
            raise UpstreamError(
                f"the LLM planner failed: {type(exc).__name__}: {exc}",
                hint="check FORGEFLOW_LLM, OPENAI_BASE_URL and the API key, or use FORGEFLOW_LLM=builtin",
            ) from exc
        assert isinstance(reply, AIMessage)
        if not reply.tool_calls:
            text = reply.content if isinstance(reply.content, str) else str(reply.content)
            return Plan(question=text.strip() or "Could you rephrase the goal?", planner="llm")
        problems = {c["id"]: check_call(c["name"], c.get("args") or {}) for c in reply.tool_calls}
        if not any(problems.values()):
            steps = [
                PlanStep(tool=c["name"], args=c.get("args") or {}, why="chosen by the LLM planner")
                for c in reply.tool_calls
            ]
            plan = Plan(steps=steps, targets=extract_targets(goal), planner="llm")
            asked = thread.asked_metric(goal)
            if asked:
                plan.asked = {"metric": asked}
            return plan
        messages.append(reply)
        for call in reply.tool_calls:
            problem = problems[call["id"]]
            messages.append(
                ToolMessage(
                    content=f"error: {problem}" if problem else "ok (not run yet)",
                    tool_call_id=call["id"],
                )
            )
        messages.append(HumanMessage("Fix the invalid calls and send the whole plan again."))
    raise UpstreamError(
        "the LLM planner kept proposing invalid tool calls",
        hint="rephrase the goal, or use FORGEFLOW_LLM=builtin",
        code="llm_invalid_plan",
    )
