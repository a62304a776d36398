"""Helpers shared by routers (not a router): credentials, bounded ids, JSON output, runs."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any, TypeVar

import anyio
from annotated_types import Ge, Le
from fastapi import Request

from errors import ForgeflowError
from graphs.serialize import json_safe, jsonable, to_json

__all__ = [
    "JSON_OR_SSE",
    "MAX_ROW_ID",
    "SSE_ONLY",
    "RowId",
    "follow_run",
    "job_progress_eta",
    "json_safe",
    "jsonable",
    "request_credentials",
    "run_error",
    "run_tool_now",
    "run_tool_until_disconnect",
    "to_json",
    "until_disconnect",
]

MAX_ROW_ID = 2**53 - 1
"""Largest row id a request may name: fits every 64-bit column and is exact as a JSON number."""

RowId = Annotated[int, Ge(1), Le(MAX_ROW_ID)]

SSE_EVENT: dict[str, Any] = {
    "type": "object",
    "properties": {
        "event": {"type": "string"},
        "data": {"type": "string"},
        "id": {"type": "string"},
        "retry": {"type": "integer"},
    },
}
"""One server-sent event as OpenAPI describes an item of a text/event-stream body."""

SSE_ONLY: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Server-sent events.",
        "content": {"text/event-stream": {"schema": SSE_EVENT}},
    }
}
"""`responses=` of a route that always answers an event stream."""

JSON_OR_SSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "JSON, or server-sent events when the request asks to stream.",
        "content": {"application/json": {}, "text/event-stream": {"schema": SSE_EVENT}},
    }
}
"""`responses=` of a route that answers JSON or, when asked to stream, an event stream."""
"""A database row id or version number in a path, query or body (declared in the OpenAPI schema)."""

CREDENTIAL_HEADERS = {
    "x-hf-token": "hf_token",
    "x-kaggle-username": "kaggle_username",
    "x-kaggle-key": "kaggle_key",
}


def request_credentials(request: Request) -> dict[str, str]:
    """Credentials sent with this request; used for it only, never stored or returned."""
    found: dict[str, str] = {}
    for header, key in CREDENTIAL_HEADERS.items():
        value = request.headers.get(header)
        if value:
            found[key] = value
    return found


async def follow_run(run_id: str, after: int = -1) -> AsyncIterator[tuple[int, dict[str, Any]]]:
    """A run's events as an async stream, read from wherever the run executes."""
    from graphs.runner import get_manager

    events = get_manager().events(run_id, after, idle=1.0)
    while True:
        item = await asyncio.to_thread(next, events, None)
        if item is None:
            return
        seq, event = item
        if event is None:  # an idle tick: lets the server notice a closed connection
            await asyncio.sleep(0)
            continue
        yield seq, event


def run_error(run: dict[str, Any]) -> ForgeflowError:
    """The error a run ended with, as the exception its tool raised (same status and code)."""
    error = run.get("error") or {}
    if run["status"] == "cancelled":
        return ForgeflowError(
            "the run was cancelled",
            hint=f"its run is {run['run_id']}",
            code="cancelled",
            status_code=409,
        )
    details = error.get("details")
    return ForgeflowError(
        error.get("message", f"the run ended {run['status']}"),
        hint=error.get("hint", ""),
        code=error.get("code", "failed"),
        status_code=int(error.get("status") or 500),
        details=details,
    )


def run_tool_now(
    name: str,
    args: dict[str, Any] | None,
    *,
    source: str,
    credentials: dict[str, str] | None = None,
) -> tuple[dict[str, Any], Any]:
    """Call a tool as a run and wait for it: (the run, the tool's output); its error raises."""
    from graphs.runner import get_manager

    manager = get_manager()
    run = manager.submit_tool(name, args, source=source, credentials=credentials)
    final = manager.wait(run["run_id"])
    if final["status"] != "completed":
        raise run_error(final)
    return final, (final.get("result") or {}).get("output")


def job_progress_eta(run: dict[str, Any]) -> str | None:
    """When a running run should end, from its progress so far (ISO-8601), or None."""
    from datetime import datetime, timedelta

    if run["status"] == "completed":
        return run.get("finished_at")
    started = run.get("started_at")
    progress = float(run.get("progress") or 0.0)
    if run["status"] != "running" or not started or progress < 2.0:
        return None
    begun = datetime.fromisoformat(started)
    now = datetime.now(begun.tzinfo)
    remaining = (now - begun).total_seconds() * (100.0 - progress) / progress
    return (now + timedelta(seconds=remaining)).isoformat()


T = TypeVar("T")
log = logging.getLogger("forgeflow.api")


async def until_disconnect(
    request: Request,
    work: Callable[[threading.Event], T],
    on_gone: Callable[[], object] | None = None,
) -> T:
    """Run blocking `work(cancel_event)` in a worker thread; if the client leaves, stop it.

    When the client is gone the event is set (long synchronous calls check it and stop) and
    `on_gone()` runs in a thread, from this loop itself, so stopping does not depend on the
    worker noticing; a failing `on_gone` is logged and tried again on the next check.
    """
    cancel = threading.Event()
    task = asyncio.ensure_future(anyio.to_thread.run_sync(work, cancel))
    stopped = on_gone is None
    while not task.done():
        await asyncio.wait({task}, timeout=0.25)
        if task.done() or (cancel.is_set() and stopped):
            continue
        if cancel.is_set() or await request.is_disconnected():
            cancel.set()
            if on_gone is not None:
                try:
                    await anyio.to_thread.run_sync(on_gone)
                    stopped = True
                except Exception:  # noqa: BLE001 - retried on the next check
                    log.warning("stopping the work of a departed client failed", exc_info=True)
    return task.result()


async def run_tool_until_disconnect(
    request: Request,
    name: str,
    args: dict[str, Any] | None,
    *,
    source: str,
    credentials: dict[str, str] | None = None,
) -> tuple[dict[str, Any], Any]:
    """Call a tool as a run and wait for it; a client that leaves cancels the run.

    Returns (the run, the tool's output); a failed or cancelled run raises its error.
    """
    from graphs.runner import get_manager

    manager = get_manager()
    run = await anyio.to_thread.run_sync(
        lambda: manager.submit_tool(name, args, source=source, credentials=credentials)
    )
    run_id = run["run_id"]

    def work(gone: threading.Event) -> dict[str, Any]:
        while True:  # `gone` is for until_disconnect's stop(): a cancelled run ends here too
            final = manager.wait(run_id, timeout=0.5)
            if final["status"] not in ("pending", "running"):
                return final

    def stop() -> None:
        log.info("the client of run %s left: cancelling it", run_id)
        manager.cancel(run_id)  # nobody waits for the answer any more

    final = await until_disconnect(request, work, stop)
    if final["status"] != "completed":
        raise run_error(final)
    return final, (final.get("result") or {}).get("output")
