"""Runs and threads: create, update, read and list them."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from errors import NotFound
from store.db import iso, session, utcnow
from store.models import RunRow, ThreadRow

RUN_STATUSES = ("pending", "running", "interrupted", "completed", "failed", "cancelled")
FINAL_STATUSES = frozenset({"completed", "failed", "cancelled", "interrupted"})


def new_id(prefix: str) -> str:
    """A random id with a readable prefix (`run_…`, `thr_…`)."""
    return f"{prefix}_{uuid.uuid4().hex[:20]}"


def run_public(row: RunRow) -> dict[str, Any]:
    """The public shape of a run."""
    return {
        "run_id": row.id,
        "thread_id": row.thread_id,
        "kind": row.kind,
        "goal": row.goal,
        "status": row.status,
        "progress": round(row.progress, 1),
        "current_step": row.current_step,
        "created_at": iso(row.created_at),
        "started_at": iso(row.started_at),
        "finished_at": iso(row.finished_at),
        "result": row.result,
        "error": row.error,
    }


def create_run(
    thread_id: str, goal: str, *, kind: str = "goal", request: dict | None = None
) -> dict:
    """Persist a new pending run and return its public shape."""
    row = RunRow(id=new_id("run"), thread_id=thread_id, goal=goal, kind=kind, request=request or {})
    with session() as s:
        s.add(row)
    return run_public(row)


def update_run(run_id: str, **fields: Any) -> None:
    """Set fields on a run (status changes stamp started_at / finished_at)."""
    with session() as s:
        row = s.get(RunRow, run_id)
        if row is None:
            raise NotFound(f"run {run_id!r} not found", hint="list runs with GET /runs")
        status = fields.get("status")
        if status == "running" and row.started_at is None:
            row.started_at = utcnow()
        if status in FINAL_STATUSES:
            row.finished_at = utcnow()
        for key, value in fields.items():
            setattr(row, key, value)


def get_run(run_id: str) -> dict[str, Any]:
    """The run's public shape; 404 when unknown."""
    with session() as s:
        row = s.get(RunRow, run_id)
        if row is None:
            raise NotFound(f"run {run_id!r} not found", hint="list runs with GET /runs")
        return run_public(row)


def get_run_request(run_id: str) -> dict[str, Any]:
    """The stored request options of a run (resume value, attempts, dry run)."""
    with session() as s:
        row = s.get(RunRow, run_id)
        if row is None:
            raise NotFound(f"run {run_id!r} not found", hint="list runs with GET /runs")
        return dict(row.request or {})


def list_runs(
    *, thread_id: str | None = None, status: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Runs, newest first, filtered by thread and status."""
    query = select(RunRow).order_by(RunRow.created_at.desc()).limit(limit)
    if thread_id:
        query = query.where(RunRow.thread_id == thread_id)
    if status:
        query = query.where(RunRow.status == status)
    with session() as s:
        return [run_public(r) for r in s.scalars(query)]


def ensure_thread(thread_id: str | None, *, title: str = "", meta: dict | None = None) -> str:
    """Return `thread_id`, creating the thread row when new (a fresh id when None)."""
    tid = thread_id or new_id("thr")
    with session() as s:
        row = s.get(ThreadRow, tid)
        if row is None:
            s.add(ThreadRow(id=tid, title=title[:200], meta=meta or {}))
        else:
            row.updated_at = utcnow()
    return tid


def touch_thread(thread_id: str, *, title: str = "") -> None:
    """Count a turn on the thread and set its title from the first goal."""
    with session() as s:
        row = s.get(ThreadRow, thread_id)
        if row is None:
            return
        row.turns += 1
        row.updated_at = utcnow()
        if not row.title and title:
            row.title = title[:200]


def get_thread_row(thread_id: str) -> dict[str, Any]:
    """The thread's stored fields; 404 when unknown."""
    with session() as s:
        row = s.get(ThreadRow, thread_id)
        if row is None:
            raise NotFound(
                f"thread {thread_id!r} not found",
                hint="start one with POST /generate (it returns a thread_id) or POST /threads",
            )
        return {
            "thread_id": row.id,
            "title": row.title,
            "created_at": iso(row.created_at),
            "updated_at": iso(row.updated_at),
            "metadata": row.meta,
            "turns": row.turns,
        }


def thread_exists(thread_id: str) -> bool:
    """Whether a thread row exists."""
    with session() as s:
        return s.get(ThreadRow, thread_id) is not None


def list_threads(limit: int = 50) -> list[dict[str, Any]]:
    """Threads, most recently active first."""
    with session() as s:
        rows = s.scalars(select(ThreadRow).order_by(ThreadRow.updated_at.desc()).limit(limit))
        return [
            {"thread_id": r.id, "title": r.title, "updated_at": iso(r.updated_at)} for r in rows
        ]
