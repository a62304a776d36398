"""Goals and runs over HTTP: POST /generate (wait, background, stream), /runs, /threads/{id}."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Literal

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.sse import EventSourceResponse, format_sse_event
from pydantic import BaseModel, ConfigDict, Field, model_validator

from api.common import JSON_OR_SSE, SSE_ONLY, follow_run, json_safe, jsonable, request_credentials
from errors import BadInput
from graphs.runner import get_manager
from store import runs as run_store

router = APIRouter(tags=["runs"])

ThreadId = Field(default=None, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the run manager; runs a stopped process left unfinished are resumed."""
    manager = get_manager()
    await asyncio.to_thread(manager.recover)
    try:
        yield
    finally:
        # Let active runs finish their step (or hand them back for the next start).
        await asyncio.to_thread(manager.shutdown)
        from graphs.runner import reset_managers

        reset_managers()


class GenerateRequest(BaseModel):
    """A goal to run. `input_message` is accepted as an alias of `goal` (DataFoundry clients)."""

    model_config = ConfigDict(extra="forbid")

    goal: str | None = Field(default=None, description="What you want done, in plain language.")
    input_message: str | None = Field(default=None, description="Alias of goal.")
    thread_id: str | None = ThreadId
    max_attempts: int | None = Field(default=None, ge=1, le=50)
    mode: Literal["wait", "background", "stream"] = "wait"
    dry_run: bool = Field(default=False, description="Return the plan without running any tool.")

    @model_validator(mode="after")
    def _one_goal(self) -> GenerateRequest:
        if self.goal is None and self.input_message is not None:
            self.goal = self.input_message
        return self


def _sse(event: str, data: Any, seq: int | None = None) -> bytes:
    return format_sse_event(
        data_str=json.dumps(json_safe(data), default=str),
        event=event,
        id=None if seq is None else str(seq),
    )


def _event_name(event: dict[str, Any]) -> str:
    kind = event.get("type")
    if kind == "progress":
        return "progress"
    return "step"


async def stream_events(run_id: str, after: int = -1) -> AsyncIterator[bytes]:
    """Serve a run's events as SSE: progress, step, message, result | error, end."""
    async for seq, event in follow_run(run_id, after):
        if event.get("type") == "lg":
            continue
        if event.get("type") == "end":
            run = event["run"]
            result = run.get("result") or {}
            yield _sse("message", {"run_id": run["run_id"], "content": result.get("message", "")})
            if run["status"] == "failed" and run.get("error"):
                yield _sse("error", {"run_id": run["run_id"], "error": run["error"]})
            yield _sse("result", _public(run))
            yield _sse("end", {"run_id": run["run_id"], "status": run["status"]}, seq)
            return
        yield _sse(_event_name(event), event, seq)


def _public(run: dict[str, Any]) -> dict[str, Any]:
    result = dict(run.get("result") or {})
    message = result.pop("message", "")
    return json_safe(
        {
            "run_id": run["run_id"],
            "thread_id": run["thread_id"],
            "status": run["status"],
            "message": message,
            "result": result or None,
            "error": run.get("error"),
        }
    )


@router.post(
    "/generate",
    response_model=None,
    responses={
        **JSON_OR_SSE,
        202: {"description": "mode=background: the run was queued; poll GET /runs/{run_id}."},
    },
)
def generate(body: GenerateRequest, request: Request) -> Any:
    """Run a goal: wait for the answer (default), start it in the background, or stream it."""
    if body.goal is None:
        raise BadInput(
            "no goal given", hint='send {"goal": "what you want done"} (or "input_message")'
        )
    manager = get_manager()
    run = manager.submit_goal(
        body.goal,
        thread_id=body.thread_id,
        max_attempts=body.max_attempts,
        dry_run=body.dry_run,
        credentials=request_credentials(request),
    )
    if body.mode == "background":
        return JSONResponse(
            {"run_id": run["run_id"], "thread_id": run["thread_id"], "status": "pending"},
            status_code=202,
        )
    if body.mode == "stream":
        return EventSourceResponse(stream_events(run["run_id"]))
    return _public(manager.wait(run["run_id"]))


@router.get("/runs/{run_id}")
def get_run(run_id: str) -> dict[str, Any]:
    """A run's status, progress, current step, timestamps, result and error."""
    return json_safe(run_store.get_run(run_id))


@router.get("/runs")
def list_runs(
    thread_id: str | None = Query(default=None, max_length=128),
    status: Literal["pending", "running", "interrupted", "completed", "failed", "cancelled"]
    | None = None,
    kind: Literal["goal", "resume", "tool", "job"] | None = None,
    source: str | None = Query(default=None, max_length=32, pattern=r"^[a-z_]+$"),
    limit: int = Query(default=50, ge=1, le=500),
) -> dict[str, Any]:
    """Runs (goals, tool calls, compatible jobs), newest first, filtered."""
    runs = run_store.list_runs(
        thread_id=thread_id, status=status, kind=kind, source=source, limit=limit
    )
    return {"runs": json_safe(runs)}


@router.post("/runs/{run_id}/cancel")
def cancel_run(run_id: str) -> dict[str, Any]:
    """Cancel a run: a running step stops at its next check and the run ends `cancelled`."""
    return json_safe(get_manager().cancel(run_id))


@router.post("/runs/{run_id}/retry", status_code=202)
def retry_run(run_id: str) -> dict[str, Any]:
    """Start a failed or cancelled run again (same id), from its last completed step."""
    return json_safe(get_manager().retry(run_id))


@router.get(
    "/runs/{run_id}/events",
    response_model=None,
    response_class=Response,
    responses=SSE_ONLY,
)
async def run_events(
    run_id: str,
    request: Request,
    after: int = Query(default=-1, ge=-1, le=2**31 - 1),
) -> EventSourceResponse:
    """Follow any run's events as SSE (the same events as mode=stream); `after` (or the
    Last-Event-ID header) resumes after an event number.
    """
    last = request.headers.get("last-event-id", "")
    if last.isdigit() and len(last) < 10:
        after = max(after, int(last))
    await asyncio.to_thread(run_store.get_run, run_id)  # 404 before the stream starts
    return EventSourceResponse(stream_events(run_id, after))


@router.get("/threads/{thread_id}")
def get_thread(thread_id: str) -> dict[str, Any]:
    """A thread: its messages, memory (what follow-ups can refer to) and runs."""
    manager = get_manager()
    state = manager.thread_state(thread_id)
    snapshot = manager.graph.get_state({"configurable": {"thread_id": thread_id}})
    if state.get("busy_with"):
        state["status"] = "busy"
    else:
        state["status"] = "interrupted" if state.get("waiting_for") else "idle"
    # The LangGraph thread shape too, so langgraph-sdk's threads.get reads it.
    state["values"] = jsonable(snapshot.values or {})
    state["interrupts"] = {
        t.id: [{"value": jsonable(i.value), "id": i.id} for i in t.interrupts]
        for t in snapshot.tasks or ()
        if t.interrupts
    }
    return jsonable(state)


@router.get("/threads")
def list_threads(limit: int = Query(default=50, ge=1, le=500)) -> dict[str, Any]:
    """Threads, most recently active first."""
    return {"threads": run_store.list_threads(limit)}
