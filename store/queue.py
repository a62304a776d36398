"""The run queue on Postgres (procrastinate): defer a run, count jobs, retry stalled ones.

Only used when the store is on Postgres. A queued job carries nothing but a run id; the run
row holds the request, so a job can be retried (a worker died) without losing anything.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from typing import Any

import procrastinate
from procrastinate import sql as procrastinate_sql

from store.db import libpq_url

log = logging.getLogger("forgeflow.queue")
logging.getLogger("procrastinate.jobs").setLevel(logging.WARNING)  # a line per deferred run

TASK = "forgeflow.execute_run"
QUEUE = "runs"


class HandedBack(Exception):
    """Raised by a run's job when its worker stops mid-run: the queue retries the same job."""


RETRY = procrastinate.RetryStrategy(max_attempts=1000, wait=0, retry_exceptions={HandedBack})


_apps: dict[str, procrastinate.App] = {}
_lock = threading.Lock()


def sync_app() -> procrastinate.App:
    """An opened app for deferring and inspecting from ordinary threads (one per database)."""
    url = libpq_url()
    with _lock:
        if url not in _apps:
            app = procrastinate.App(
                connector=procrastinate.SyncPsycopgConnector(
                    conninfo=url,
                    min_size=1,
                    max_size=4,
                    kwargs={"connect_timeout": 5},
                )
            )
            app.open()
            _apps[url] = app
        return _apps[url]


def worker_app() -> procrastinate.App:
    """A fresh app for `forgeflow worker` (procrastinate's async worker loop)."""
    return procrastinate.App(
        connector=procrastinate.PsycopgConnector(
            conninfo=libpq_url(), min_size=1, max_size=8, kwargs={"connect_timeout": 5}
        )
    )


def defer_run(run_id: str, *, lock: str | None = None) -> int:
    """Queue a run; runs sharing a lock (a thread's turns) execute one at a time, in order."""
    from store.db import _unavailable

    task = sync_app().configure_task(name=TASK, queue=QUEUE, lock=lock)
    try:
        return task.defer(run_id=run_id)
    except procrastinate.exceptions.ConnectorException as exc:
        raise _unavailable(exc) from exc


def stats() -> dict[str, int]:
    """How many queued jobs wait (todo) and run (doing)."""
    rows = sync_app().connector.execute_query_all(
        query="SELECT status::text AS status, count(*) AS n FROM procrastinate_jobs "
        "WHERE queue_name = %(queue)s AND status IN ('todo', 'doing') GROUP BY status",
        queue=QUEUE,
    )
    counts = {row["status"]: int(row["n"]) for row in rows}
    return {"todo": counts.get("todo", 0), "doing": counts.get("doing", 0)}


def retry_stalled(seconds_since_heartbeat: float) -> list[int]:
    """Put back jobs whose worker stopped sending heartbeats (killed); returns their ids."""
    app = sync_app()
    rows = app.connector.execute_query_all(
        query=procrastinate_sql.queries["select_stalled_jobs_by_heartbeat"],
        queue=QUEUE,
        task_name=TASK,
        seconds_since_heartbeat=seconds_since_heartbeat,
    )
    ids = [int(row["id"]) for row in rows]
    for job_id in ids:
        app.job_manager.retry_job_by_id(job_id=job_id, retry_at=datetime.now(UTC))
    if ids:
        log.warning("requeued %d jobs of stopped workers: %s", len(ids), ids)
    return ids


def runs_without_job(run_ids: list[str]) -> list[str]:
    """Of these runs, those with no waiting or running job (their enqueue was lost)."""
    if not run_ids:
        return []
    rows = sync_app().connector.execute_query_all(
        query="SELECT args->>'run_id' AS run_id FROM procrastinate_jobs "
        "WHERE task_name = %(task)s AND status IN ('todo', 'doing') "
        "AND args->>'run_id' = ANY(%(ids)s)",
        task=TASK,
        ids=run_ids,
    )
    queued: set[Any] = {row["run_id"] for row in rows}
    return [r for r in run_ids if r not in queued]


def reset() -> None:
    """Close the opened apps (tests switch databases)."""
    with _lock:
        for app in _apps.values():
            app.close()
        _apps.clear()
