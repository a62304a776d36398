"""Runs, their events, leases and workers, and threads: the repository over the run tables."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, or_, select, update

from errors import NotFound
from store.db import aware, iso, session, utcnow
from store.models import RunEventRow, RunRow, RunSecretRow, ThreadRow, WorkerRow

RUN_STATUSES = ("pending", "running", "interrupted", "completed", "failed", "cancelled")
FINAL_STATUSES = frozenset({"completed", "failed", "cancelled", "interrupted"})
ACTIVE_STATUSES = ("pending", "running")


def new_id(prefix: str) -> str:
    """A random id with a readable prefix (`run_…`, `thr_…`)."""
    return f"{prefix}_{uuid.uuid4().hex[:20]}"


def _run_hint() -> str:
    return "list runs with GET /runs"


def run_public(row: RunRow) -> dict[str, Any]:
    """The public shape of a run."""
    return {
        "run_id": row.id,
        "alias": row.alias,
        "thread_id": row.thread_id,
        "kind": row.kind,
        "tool": row.target or None,
        "source": row.source,
        "goal": row.goal,
        "status": row.status,
        "progress": round(row.progress or 0.0, 1),
        "current_step": row.current_step,
        "created_at": iso(row.created_at),
        "started_at": iso(row.started_at),
        "finished_at": iso(row.finished_at),
        "result": row.result,
        "error": row.error,
        "cancel_requested": bool(row.cancel_requested),
        "tries": row.tries or 0,
    }


def create_run(
    *,
    kind: str,
    source: str,
    goal: str = "",
    target: str = "",
    thread_id: str | None = None,
    alias: str | None = None,
    request: dict[str, Any] | None = None,
    run_id: str | None = None,
) -> dict[str, Any]:
    """Persist a new pending run and return its public shape."""
    row = RunRow(
        id=run_id or new_id("run"),
        alias=alias,
        thread_id=thread_id,
        kind=kind,
        target=target,
        source=source,
        goal=goal,
        status="pending",
        progress=0.0,
        current_step="",
        request=request or {},
        state={},
        cancel_requested=False,
        tries=0,
    )
    with session() as s:
        s.add(row)
    return run_public(row)


def _find(s: Any, run_id: str) -> RunRow | None:
    row = s.get(RunRow, run_id)
    if row is None:
        row = s.scalars(select(RunRow).where(RunRow.alias == run_id)).first()
    return row


def _row(s: Any, run_id: str) -> RunRow:
    row = _find(s, run_id)
    if row is None:
        raise NotFound(f"run {run_id!r} not found", hint=_run_hint())
    return row


def _stamp(row: RunRow, status: str | None) -> None:
    if status == "running" and row.started_at is None:
        row.started_at = utcnow()
    if status in FINAL_STATUSES:
        row.finished_at = utcnow()


def update_run(run_id: str, **fields: Any) -> None:
    """Set fields on a run (status changes stamp started_at / finished_at)."""
    with session() as s:
        row = _row(s, run_id)
        _stamp(row, fields.get("status"))
        for key, value in fields.items():
            setattr(row, key, value)


def merge_state(run_id: str, **values: Any) -> None:
    """Merge values into a run's executor bookkeeping."""
    with session() as s:
        row = _row(s, run_id)
        row.state = {**(row.state or {}), **values}


def get_run(run_id: str) -> dict[str, Any]:
    """The run's public shape by id or alias; 404 when unknown."""
    with session() as s:
        return run_public(_row(s, run_id))


def find_run(run_id: str) -> dict[str, Any] | None:
    """The run's public shape by id or alias, or None."""
    with session() as s:
        row = _find(s, run_id)
        return run_public(row) if row is not None else None


def get_run_internal(run_id: str) -> dict[str, Any]:
    """The public shape plus `request` and `state` (what an executor needs)."""
    with session() as s:
        row = _row(s, run_id)
        return {
            **run_public(row),
            "target": row.target,
            "request": dict(row.request or {}),
            "state": dict(row.state or {}),
            "owner": row.owner,
            "heartbeat_at": iso(row.heartbeat_at),
        }


def get_run_request(run_id: str) -> dict[str, Any]:
    """The stored request options of a run (resume value, attempts, dry run, arguments)."""
    with session() as s:
        return dict(_row(s, run_id).request or {})


def list_runs(
    *,
    thread_id: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    source: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Runs, newest first, filtered by thread, status, kind and source."""
    query = select(RunRow).order_by(RunRow.created_at.desc(), RunRow.id.desc()).limit(limit)
    if thread_id:
        query = query.where(RunRow.thread_id == thread_id)
    if status:
        query = query.where(RunRow.status == status)
    if kind:
        query = query.where(RunRow.kind == kind)
    if source:
        query = query.where(RunRow.source == source)
    with session() as s:
        return [run_public(r) for r in s.scalars(query)]


def count_runs(status: str) -> int:
    """How many runs have this status (the queue depth for `pending`)."""
    with session() as s:
        return int(s.scalar(select(func.count()).where(RunRow.status == status)) or 0)


def unfinished_runs(stale_after: float | None = None) -> list[str]:
    """Ids of pending/running runs, oldest first; with `stale_after`, only those whose
    executor stopped sending heartbeats that many seconds ago (or never started one).
    """
    query = select(RunRow.id).where(RunRow.status.in_(ACTIVE_STATUSES))
    if stale_after is not None:
        cutoff = utcnow() - timedelta(seconds=stale_after)
        query = query.where(
            RunRow.owner.is_not(None),
            or_(RunRow.heartbeat_at.is_(None), RunRow.heartbeat_at < cutoff),
        )
    with session() as s:
        return list(s.scalars(query.order_by(RunRow.created_at)))


# -- leases ------------------------------------------------------------------------------------


def claim_run(run_id: str, owner: str, stale_after: float) -> dict[str, Any] | None:
    """Take the run's lease for `owner`: only a pending run, or one whose holder went silent.

    Returns the run (with request and state) when claimed, None when another executor holds
    it or it already ended. This is what keeps a run from executing twice.
    """
    now = utcnow()
    cutoff = now - timedelta(seconds=stale_after)
    with session() as s:
        result = s.execute(
            update(RunRow)
            .where(
                RunRow.id == run_id,
                RunRow.status.in_(ACTIVE_STATUSES),
                or_(
                    RunRow.owner.is_(None),
                    RunRow.owner == owner,
                    RunRow.heartbeat_at.is_(None),
                    RunRow.heartbeat_at < cutoff,
                ),
            )
            .values(
                owner=owner,
                heartbeat_at=now,
                tries=RunRow.tries + 1,
                status="running",
                started_at=func.coalesce(RunRow.started_at, now),
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            return None
    return get_run_internal(run_id)


def heartbeat(owner: str, run_ids: list[str]) -> dict[str, str]:
    """Renew the leases `owner` holds; returns {run_id: "cancel" | "lost"} for runs to stop."""
    if not run_ids:
        return {}
    now = utcnow()
    out: dict[str, str] = {}
    with session() as s:
        s.execute(
            update(RunRow)
            .where(RunRow.id.in_(run_ids), RunRow.owner == owner)
            .values(heartbeat_at=now)
            .execution_options(synchronize_session=False)
        )
        rows = s.execute(
            select(RunRow.id, RunRow.owner, RunRow.cancel_requested, RunRow.status).where(
                RunRow.id.in_(run_ids)
            )
        )
        for rid, holder, cancel, status in rows:
            if holder != owner or status in FINAL_STATUSES:
                out[rid] = "lost"
            elif cancel:
                out[rid] = "cancel"
    return out


def finish_run(
    run_id: str,
    owner: str | None,
    *,
    thread_id: str | None = None,
    title: str = "",
    **fields: Any,
) -> dict[str, Any] | None:
    """Write a run's end, release its lease and free its thread (one transaction).

    Returns the final run, or None when `owner` no longer holds the lease.
    """
    with session() as s:
        row = _row(s, run_id)
        if owner is not None and row.owner != owner:
            # Our own earlier write may have committed while the connection dropped.
            done = row.owner is None and row.status == fields.get("status")
            return run_public(row) if done else None
        _stamp(row, fields.get("status"))
        for key, value in fields.items():
            setattr(row, key, value)
        row.owner = None
        s.execute(delete(RunSecretRow).where(RunSecretRow.run_id == run_id))
        if thread_id:
            thread = s.get(ThreadRow, thread_id)
            if thread is not None:
                thread.turns += 1
                thread.updated_at = utcnow()
                if not thread.title and title:
                    thread.title = title[:200]
                if thread.active_run == run_id:
                    thread.active_run = None
        return run_public(row)


def release_run(run_id: str, owner: str) -> None:
    """Hand a run back to the queue (graceful shutdown): pending, no owner, same progress."""
    with session() as s:
        s.execute(
            update(RunRow)
            .where(RunRow.id == run_id, RunRow.owner == owner)
            .values(owner=None, heartbeat_at=None, status="pending")
            .execution_options(synchronize_session=False)
        )


def request_cancel(run_id: str) -> tuple[dict[str, Any], bool]:
    """Flag a run for cancellation; a pending run nobody holds ends `cancelled` at once.

    Returns the run and whether it was still active (an executor will stop it).
    """
    with session() as s:
        row = _row(s, run_id)
        if row.status not in ACTIVE_STATUSES:
            return run_public(row), False
        if row.status == "pending" and row.owner is None:
            row.status = "cancelled"
            row.cancel_requested = True
            row.error = {"code": "cancelled", "message": "the run was cancelled", "hint": ""}
            row.result = {"message": "the run was cancelled before it started"}
            _stamp(row, "cancelled")
            s.execute(delete(RunSecretRow).where(RunSecretRow.run_id == row.id))
            return run_public(row), False
        row.cancel_requested = True
        return run_public(row), True


def reset_for_retry(run_id: str) -> dict[str, Any]:
    """Put a failed or cancelled run back to pending (same id and alias, tries kept)."""
    with session() as s:
        row = _row(s, run_id)
        row.status = "pending"
        row.error = None
        row.result = None
        row.cancel_requested = False
        row.owner = None
        row.heartbeat_at = None
        row.finished_at = None
        row.current_step = "queued for retry"
        row.state = {
            **(row.state or {}),
            "retried": (row.state or {}).get("retried", 0) + 1,
            "retry_base": row.tries or 0,  # a retry gets a fresh budget of resumptions
        }
        return run_public(row)


# -- events ------------------------------------------------------------------------------------


def add_events(run_id: str, first_seq: int, events: list[dict[str, Any]]) -> None:
    """Append events numbered from `first_seq`."""
    if not events:
        return
    with session() as s:
        s.add_all(
            RunEventRow(run_id=run_id, seq=first_seq + i, data=e) for i, e in enumerate(events)
        )


def last_seq(run_id: str) -> int:
    """The number of the run's last event (-1 when it has none)."""
    with session() as s:
        found = s.scalar(select(func.max(RunEventRow.seq)).where(RunEventRow.run_id == run_id))
        return -1 if found is None else int(found)


def read_events(run_id: str, after: int = -1, limit: int = 500) -> list[tuple[int, dict]]:
    """Events with seq > `after`, in order, as (seq, event)."""
    with session() as s:
        rows = s.execute(
            select(RunEventRow.seq, RunEventRow.data)
            .where(RunEventRow.run_id == run_id, RunEventRow.seq > after)
            .order_by(RunEventRow.seq)
            .limit(limit)
        )
        return [(int(seq), data) for seq, data in rows]


# -- secrets (queued runs only) ------------------------------------------------------------------


def put_secrets(run_id: str, data: dict[str, str]) -> None:
    """Keep a queued run's credentials until it ends (then finish_run deletes them)."""
    if data:
        with session() as s:
            s.merge(RunSecretRow(run_id=run_id, data=data))


def get_secrets(run_id: str) -> dict[str, str]:
    """A queued run's credentials ({} when none)."""
    with session() as s:
        row = s.get(RunSecretRow, run_id)
        return dict(row.data) if row is not None else {}


# -- workers -----------------------------------------------------------------------------------


def register_worker(worker_id: str, kind: str, host: str, pid: int, capacity: int) -> None:
    """Record a live executor process."""
    with session() as s:
        s.merge(
            WorkerRow(
                id=worker_id,
                kind=kind,
                host=host,
                pid=pid,
                capacity=capacity,
                active=0,
                started_at=utcnow(),
                heartbeat_at=utcnow(),
            )
        )


def worker_heartbeat(worker_id: str, active: int) -> None:
    """Say the executor is alive and how many runs it holds."""
    with session() as s:
        s.execute(
            update(WorkerRow)
            .where(WorkerRow.id == worker_id)
            .values(heartbeat_at=utcnow(), active=active)
            .execution_options(synchronize_session=False)
        )


def unregister_worker(worker_id: str) -> None:
    """Forget an executor that stopped."""
    with session() as s:
        s.execute(delete(WorkerRow).where(WorkerRow.id == worker_id))


def live_workers(within: float) -> list[dict[str, Any]]:
    """Executors that sent a heartbeat in the last `within` seconds (older rows are removed)."""
    cutoff = utcnow() - timedelta(seconds=within)
    with session() as s:
        s.execute(delete(WorkerRow).where(WorkerRow.heartbeat_at < cutoff - timedelta(hours=1)))
        rows = s.scalars(select(WorkerRow).order_by(WorkerRow.started_at))
        return [
            {
                "id": r.id,
                "kind": r.kind,
                "host": r.host,
                "pid": r.pid,
                "capacity": r.capacity,
                "active": r.active,
                "started_at": iso(r.started_at),
                "heartbeat_at": iso(r.heartbeat_at),
            }
            for r in rows
            if aware(r.heartbeat_at) >= cutoff
        ]


# -- threads -----------------------------------------------------------------------------------


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


def reserve_thread(thread_id: str, run_id: str, *, queue: bool) -> str | None:
    """Make `run_id` the thread's active run unless another run is active on it.

    Returns the active run that was found (None when the thread was free). With `queue`,
    the new run is recorded as active even so, to start after the one found.
    """
    with session() as s:
        row = s.execute(
            select(ThreadRow).where(ThreadRow.id == thread_id).with_for_update()
        ).scalar_one()
        busy = None
        if row.active_run and row.active_run != run_id:
            status = s.scalar(select(RunRow.status).where(RunRow.id == row.active_run))
            if status in ACTIVE_STATUSES:
                busy = row.active_run
        if busy is None or queue:
            row.active_run = run_id
        return busy


def thread_active_run(thread_id: str) -> str | None:
    """The run queued or running on the thread, or None when it is free."""
    with session() as s:
        active = s.scalar(select(ThreadRow.active_run).where(ThreadRow.id == thread_id))
        if not active:
            return None
        status = s.scalar(select(RunRow.status).where(RunRow.id == active))
        return active if status in ACTIVE_STATUSES else None


def release_thread(thread_id: str, run_id: str) -> None:
    """Free the thread if `run_id` is still its active run."""
    with session() as s:
        s.execute(
            update(ThreadRow)
            .where(ThreadRow.id == thread_id, ThreadRow.active_run == run_id)
            .values(active_run=None)
            .execution_options(synchronize_session=False)
        )


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


def delete_run(run_id: str) -> None:
    """Remove a run that was refused right after it was written (it never started)."""
    with session() as s:
        s.execute(delete(RunRow).where(RunRow.id == run_id))


def pending_orphans(older_than: float) -> list[str]:
    """Pending runs nobody holds, queued more than `older_than` seconds ago, oldest first."""
    cutoff = utcnow() - timedelta(seconds=older_than)
    with session() as s:
        return list(
            s.scalars(
                select(RunRow.id)
                .where(
                    RunRow.status == "pending",
                    RunRow.owner.is_(None),
                    RunRow.created_at < cutoff,
                )
                .order_by(RunRow.created_at)
            )
        )
