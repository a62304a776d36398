"""Helpers shared by routers (not a router): credentials, bounded id types, JSON-safe output."""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, Any, TypeVar

import anyio
from annotated_types import Ge, Le
from fastapi import Request
from langchain_core.messages import BaseMessage

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


def json_safe(value: Any) -> Any:
    """Replace NaN/inf floats (not valid JSON) with None, recursively."""
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return value


def jsonable(value: Any) -> Any:
    """Graph state as JSON: messages become their dict form, NaN becomes None."""
    if isinstance(value, BaseMessage):
        return value.model_dump()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return json_safe(value)


class JobPool:
    """A lazily started thread pool for a compatible API's background jobs (one per router)."""

    def __init__(self, name: str, workers: int = 2) -> None:
        self.name = name
        self.workers = workers
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run `fn(*args)` in the background."""
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix=self.name)
            self._pool.submit(fn, *args)

    def shutdown(self) -> None:
        """Stop the pool, dropping jobs not yet started (they are failed at the next start)."""
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None


T = TypeVar("T")


async def until_disconnect(request: Request, work: Callable[[threading.Event], T]) -> T:
    """Run blocking `work(cancel_event)` in a worker thread; set the event if the client leaves.

    Long synchronous calls (code LFs, tool calls) check the event and stop: work does not go
    on for a caller who is gone.
    """
    cancel = threading.Event()
    task = asyncio.ensure_future(anyio.to_thread.run_sync(work, cancel))
    while not task.done():
        await asyncio.wait({task}, timeout=0.25)
        if not task.done() and not cancel.is_set() and await request.is_disconnected():
            cancel.set()
    return task.result()
