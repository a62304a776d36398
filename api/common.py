"""Helpers shared by routers (not a router): credentials, JSON-safe output, following a run."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from fastapi import Request

from errors import ForgeflowError
from graphs.serialize import json_safe, jsonable, to_json

__all__ = [
    "follow_run",
    "job_progress_eta",
    "json_safe",
    "jsonable",
    "request_credentials",
    "run_error",
    "run_tool_now",
    "to_json",
]

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
