"""LangGraph-style threads, runs and assistants: the Agent Protocol subset langgraph-sdk uses."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.sse import EventSourceResponse, format_sse_event
from langchain_core.messages import BaseMessage
from pydantic import BaseModel, ConfigDict, Field

from api.common import SSE_ONLY, follow_run, jsonable, request_credentials
from errors import BadInput, NotFound
from graphs.runner import get_manager
from settings import VERSION
from store import runs as run_store

router = APIRouter(tags=["langgraph"])

GRAPH_ID = "forgeflow"
ASSISTANT_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "forgeflow/assistant/forgeflow"))
STATUS = {
    "pending": "pending",
    "running": "running",
    "completed": "success",
    "failed": "error",
    "cancelled": "interrupted",
    "interrupted": "interrupted",
}
StreamMode = Literal[
    "values",
    "updates",
    "messages",
    "messages-tuple",
    "custom",
    "events",
    "debug",
    "tasks",
    "checkpoints",
]


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _assistant() -> dict[str, Any]:
    stamp = "2026-01-01T00:00:00+00:00"
    return {
        "assistant_id": ASSISTANT_ID,
        "graph_id": GRAPH_ID,
        "name": GRAPH_ID,
        "description": "forgeflow's orchestrator: plan a goal into tool steps, run, self-correct.",
        "config": {},
        "context": {},
        "metadata": {"created_by": "system", "version": VERSION},
        "version": 1,
        "created_at": stamp,
        "updated_at": stamp,
    }


def _check_assistant(assistant_id: str) -> None:
    if assistant_id not in (GRAPH_ID, ASSISTANT_ID):
        raise NotFound(
            f"assistant {assistant_id!r} not found",
            hint=f"this server has one graph: use assistant_id {GRAPH_ID!r}",
        )


def _interrupts(snapshot: Any) -> list[dict[str, Any]]:
    return [{"value": jsonable(i.value), "id": i.id} for i in (snapshot.interrupts or ())]


def _state(snapshot: Any) -> dict[str, Any]:
    config = snapshot.config or {}
    parent = snapshot.parent_config or {}
    return {
        "values": jsonable(snapshot.values or {}),
        "next": list(snapshot.next or ()),
        "tasks": [
            {
                "id": t.id,
                "name": t.name,
                "error": t.error if isinstance(t.error, str | None) else str(t.error),
                "interrupts": [{"value": jsonable(i.value), "id": i.id} for i in t.interrupts],
                "state": None,
            }
            for t in (snapshot.tasks or ())
        ],
        "checkpoint": config.get("configurable"),
        "parent_checkpoint": parent.get("configurable") if parent else None,
        "metadata": jsonable(snapshot.metadata or {}),
        "created_at": snapshot.created_at,
        "interrupts": _interrupts(snapshot),
    }


def _thread(thread_id: str) -> dict[str, Any]:
    manager = get_manager()
    row = run_store.get_thread_row(thread_id)
    snapshot = manager.graph.get_state({"configurable": {"thread_id": thread_id}})
    if manager.thread_busy(thread_id):
        status = "busy"
    elif snapshot.interrupts:
        status = "interrupted"
    else:
        runs = run_store.list_runs(thread_id=thread_id, limit=1)
        status = "error" if runs and runs[0]["status"] == "failed" else "idle"
    interrupts: dict[str, list] = {}
    for task in snapshot.tasks or ():
        if task.interrupts:
            interrupts[task.id] = [
                {"value": jsonable(i.value), "id": i.id} for i in task.interrupts
            ]
    return {
        "thread_id": thread_id,
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "metadata": row["metadata"],
        "status": status,
        "values": jsonable(snapshot.values or {}),
        "interrupts": interrupts,
    }


def _run(run: dict[str, Any]) -> dict[str, Any]:
    return {
        "run_id": run["run_id"],
        "thread_id": run["thread_id"],
        "assistant_id": ASSISTANT_ID,
        "created_at": run["created_at"],
        "updated_at": run.get("finished_at") or run.get("started_at") or run["created_at"],
        "status": STATUS.get(run["status"], run["status"]),
        "metadata": {"goal": run["goal"], "progress": run["progress"]},
        "multitask_strategy": "reject",
        "kwargs": {},
    }


class ThreadCreate(BaseModel):
    """POST /threads."""

    model_config = ConfigDict(extra="allow")

    thread_id: str | None = Field(default=None, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$")
    metadata: dict[str, Any] = Field(default_factory=dict)
    if_exists: Literal["raise", "do_nothing"] = "raise"


class RunCreate(BaseModel):
    """The run request of the Agent Protocol (fields forgeflow does not use are accepted)."""

    model_config = ConfigDict(extra="allow")

    assistant_id: str = GRAPH_ID
    input: dict[str, Any] | None = None
    command: dict[str, Any] | None = None
    stream_mode: StreamMode | list[StreamMode] = "values"
    multitask_strategy: Literal["reject", "enqueue", "interrupt", "rollback"] = "reject"
    metadata: dict[str, Any] | None = None
    config: dict[str, Any] | None = None
    context: dict[str, Any] | None = None


def _goal(body: RunCreate) -> tuple[str, Any]:
    """The goal text (from `input.goal` or the last human message) and a resume value."""
    resume = (body.command or {}).get("resume")
    if resume is not None:
        text = resume if isinstance(resume, str) else json.dumps(resume)
        return text, resume
    data = body.input or {}
    if isinstance(data.get("goal"), str) and data["goal"].strip():
        return data["goal"], None
    for message in reversed(data.get("messages") or []):
        if isinstance(message, dict) and message.get("role", message.get("type")) in (
            "user",
            "human",
        ):
            content = message.get("content")
            if isinstance(content, list):
                content = " ".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
            if isinstance(content, str) and content.strip():
                return content, None
    raise BadInput(
        "the run has no goal",
        hint='send input {"goal": "..."} or {"messages": [{"role": "user", "content": "..."}]}, '
        'or command {"resume": ...}',
    )


def _modes(body: RunCreate) -> list[str]:
    modes = body.stream_mode if isinstance(body.stream_mode, list) else [body.stream_mode]
    return list(dict.fromkeys(modes))


def _start(thread_id: str | None, body: RunCreate, request: Request) -> dict[str, Any]:
    _check_assistant(body.assistant_id)
    goal, resume = _goal(body)
    modes = _modes(body)
    graph_modes = tuple(
        m
        for m in ("values", "updates")
        if m in modes or "messages" in modes or "messages-tuple" in modes
    )
    if thread_id is not None:
        run_store.get_thread_row(thread_id)
    max_attempts = ((body.context or {}).get("max_attempts")) or (
        ((body.config or {}).get("configurable") or {}).get("max_attempts")
    )
    return get_manager().submit_goal(
        goal,
        thread_id=thread_id,
        resume=resume,
        source="langgraph",
        max_attempts=max_attempts,
        multitask_strategy=body.multitask_strategy,
        stream_modes=graph_modes,
        credentials=request_credentials(request),
    )


def _sse(event: str, data: Any) -> bytes:
    return format_sse_event(data_str=json.dumps(jsonable(data), default=str), event=event)


def _message_events(update: dict[str, Any], modes: list[str]) -> list[bytes]:
    out = []
    for node, change in update.items():
        if not isinstance(change, dict):
            continue
        for message in change.get("messages") or []:
            data = message.model_dump() if isinstance(message, BaseMessage) else message
            if not isinstance(data, dict) or data.get("type") != "ai":
                continue
            if "messages-tuple" in modes:
                out.append(_sse("messages", [data, {"langgraph_node": node}]))
            if "messages" in modes:
                out.append(_sse("messages/complete", [data]))
    return out


async def _stream(run: dict[str, Any], modes: list[str]) -> AsyncIterator[bytes]:
    yield _sse("metadata", {"run_id": run["run_id"], "thread_id": run["thread_id"], "attempt": 1})
    async for _, event in follow_run(run["run_id"]):
        kind = event.get("type")
        if kind == "lg":
            mode, data = event["mode"], event["data"]
            if mode in modes:
                yield _sse(mode, data)
            if mode == "updates" and ("messages" in modes or "messages-tuple" in modes):
                for chunk in _message_events(data, modes):
                    yield chunk
        elif kind == "end":
            final = event["run"]
            if final["status"] == "failed":
                error = final.get("error") or {}
                yield _sse(
                    "error",
                    {"error": error.get("code", "error"), "message": error.get("message", "")},
                )
            return
        elif kind not in ("status",) and "custom" in modes:
            yield _sse("custom", event)


def _wait_result(run_id: str, thread_id: str) -> dict[str, Any]:
    snapshot = get_manager().graph.get_state({"configurable": {"thread_id": thread_id}})
    values = jsonable(snapshot.values or {})
    if snapshot.interrupts:
        values["__interrupt__"] = _interrupts(snapshot)
    run = run_store.get_run(run_id)
    if run["status"] == "failed" and run.get("error"):
        values["__error__"] = run["error"]
    return values


# -- assistants ---------------------------------------------------------------------------------


@router.get("/assistants/search")
@router.post("/assistants/search")
def search_assistants() -> list[dict[str, Any]]:
    """The one assistant: the forgeflow graph."""
    return [_assistant()]


@router.get("/assistants/{assistant_id}")
def get_assistant(assistant_id: str) -> dict[str, Any]:
    """The assistant by id or graph id."""
    _check_assistant(assistant_id)
    return _assistant()


# -- threads ------------------------------------------------------------------------------------


@router.post("/threads")
def create_thread(body: ThreadCreate | None = None) -> dict[str, Any]:
    """Create a thread (or return it with if_exists=do_nothing)."""
    body = body or ThreadCreate()
    if body.thread_id and run_store.thread_exists(body.thread_id):
        if body.if_exists == "do_nothing":
            return _thread(body.thread_id)
        from errors import Conflict

        raise Conflict(f"thread {body.thread_id!r} exists", hint="use if_exists 'do_nothing'")
    tid = run_store.ensure_thread(body.thread_id or str(uuid.uuid4()), meta=body.metadata)
    return _thread(tid)


@router.post("/threads/search")
def search_threads(limit: int = Query(default=10, ge=1, le=1000)) -> list[dict[str, Any]]:
    """Threads, most recently active first."""
    return [_thread(t["thread_id"]) for t in run_store.list_threads(limit)]


@router.get("/threads/{thread_id}/state")
def get_thread_state(thread_id: str) -> dict[str, Any]:
    """The thread's current state: values, next nodes, pending interrupts, checkpoint."""
    run_store.get_thread_row(thread_id)
    return _state(get_manager().graph.get_state({"configurable": {"thread_id": thread_id}}))


class HistoryRequest(BaseModel):
    """Body of POST /threads/{thread_id}/history (langgraph-sdk sends limit, before, metadata)."""

    model_config = ConfigDict(extra="ignore")

    limit: int = Field(default=10, ge=1, le=1000)


async def _history(thread_id: str, limit: int) -> list[dict[str, Any]]:
    run_store.get_thread_row(thread_id)
    config = {"configurable": {"thread_id": thread_id}}
    history = await asyncio.to_thread(
        lambda: list(get_manager().graph.get_state_history(config, limit=limit))
    )
    return [_state(s) for s in history]


@router.get("/threads/{thread_id}/history")
async def get_thread_history(
    thread_id: str, limit: int = Query(default=10, ge=1, le=1000)
) -> list[dict[str, Any]]:
    """Past states of the thread, newest first."""
    return await _history(thread_id, limit)


@router.post("/threads/{thread_id}/history")
async def post_thread_history(
    thread_id: str, body: HistoryRequest | None = None
) -> list[dict[str, Any]]:
    """Past states of the thread, newest first (`limit` in the JSON body)."""
    return await _history(thread_id, (body or HistoryRequest()).limit)


# -- runs ---------------------------------------------------------------------------------------


@router.post("/threads/{thread_id}/runs")
def create_background_run(thread_id: str, body: RunCreate, request: Request) -> dict[str, Any]:
    """Start a run on the thread in the background."""
    return _run(_start(thread_id, body, request))


@router.get("/threads/{thread_id}/runs")
def list_thread_runs(thread_id: str, limit: int = Query(default=10, ge=1, le=1000)) -> list[dict]:
    """The thread's runs, newest first."""
    run_store.get_thread_row(thread_id)
    return [_run(r) for r in run_store.list_runs(thread_id=thread_id, limit=limit)]


@router.post(
    "/threads/{thread_id}/runs/stream",
    response_model=None,
    response_class=Response,
    responses=SSE_ONLY,
)
def stream_thread_run(thread_id: str, body: RunCreate, request: Request) -> EventSourceResponse:
    """Start a run and stream it (modes values, updates, messages, custom)."""
    run = _start(thread_id, body, request)
    return EventSourceResponse(
        _stream(run, _modes(body)),
        headers={"Content-Location": f"/threads/{run['thread_id']}/runs/{run['run_id']}"},
    )


@router.post("/threads/{thread_id}/runs/wait")
def wait_thread_run(thread_id: str, body: RunCreate, request: Request) -> dict[str, Any]:
    """Run to the end and return the thread's final values."""
    run = _start(thread_id, body, request)
    final = get_manager().wait(run["run_id"])
    return _wait_result(final["run_id"], final["thread_id"])


@router.post("/runs/stream", response_model=None, response_class=Response, responses=SSE_ONLY)
def stream_stateless_run(body: RunCreate, request: Request) -> EventSourceResponse:
    """A run on a fresh thread, streamed."""
    run = _start(None, body, request)
    return EventSourceResponse(_stream(run, _modes(body)))


@router.post("/runs/wait")
def wait_stateless_run(body: RunCreate, request: Request) -> dict[str, Any]:
    """A run on a fresh thread, to the end; returns its final values."""
    run = _start(None, body, request)
    final = get_manager().wait(run["run_id"])
    return _wait_result(final["run_id"], final["thread_id"])


def _thread_run(thread_id: str, run_id: str) -> dict[str, Any]:
    run = run_store.get_run(run_id)
    if run["thread_id"] != thread_id:
        raise NotFound(f"run {run_id!r} not found on thread {thread_id!r}", hint="check both ids")
    return run


@router.get("/threads/{thread_id}/runs/{run_id}")
def get_thread_run(thread_id: str, run_id: str) -> dict[str, Any]:
    """One run of the thread."""
    return _run(_thread_run(thread_id, run_id))


def _join(thread_id: str, run_id: str, timeout: float = 3600.0) -> None:
    run = _thread_run(thread_id, run_id)
    if run["status"] in ("pending", "running"):
        get_manager().wait(run["run_id"], timeout=timeout)


@router.get("/threads/{thread_id}/runs/{run_id}/join")
@router.post("/threads/{thread_id}/runs/{run_id}/join")
def join_run(thread_id: str, run_id: str) -> dict[str, Any]:
    """Wait for a run to end and return the thread's values."""
    _join(thread_id, run_id)
    return _wait_result(run_id, thread_id)


@router.post(
    "/threads/{thread_id}/runs/{run_id}/cancel",
    response_model=None,
    responses={
        202: {"description": "Cancel requested (without wait): the run stops at its next step."}
    },
)
def cancel_thread_run(
    thread_id: str,
    run_id: str,
    wait: bool = False,
    action: Literal["interrupt", "rollback"] = "interrupt",
) -> Any:
    """Cancel a run (it stops at its next step boundary); `wait=1` waits for it to end."""
    _thread_run(thread_id, run_id)
    get_manager().cancel(run_id)
    if wait:
        _join(thread_id, run_id)
        return _run(run_store.get_run(run_id))
    return JSONResponse(None, status_code=202)
