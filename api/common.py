"""Helpers shared by routers (not a router): per-request credentials and JSON-safe output."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import Request
from langchain_core.messages import BaseMessage

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
