"""The LLM planner: tool calling over the registry, with invalid calls fed back to the model."""

from __future__ import annotations

import json
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage

from agents.llm import load_prompt
from agents.planner import Plan, PlanStep, extract_targets
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


def plan_with_llm(
    model: BaseChatModel,
    goal: str,
    memory: dict[str, Any],
    history: list[BaseMessage] | None = None,
) -> Plan:
    """Ask the model for tool calls; invalid calls go back as tool messages (bounded repairs)."""
    bound = model.bind_tools(tool_schemas())
    system = load_prompt("planner", memory=json.dumps(memory, default=str)[:4000])
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
            return Plan(steps=steps, targets=extract_targets(goal), planner="llm")
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
