"""`forgeflow worker`: takes queued runs from Postgres (procrastinate) and executes them.

Any number of workers (and servers) share one database. Each worker also sweeps: jobs of a
worker that stopped sending heartbeats (killed) go back to the queue, and a run whose enqueue
was lost (its server died between writing the run and queueing it) is queued again. Either
way the run's lease (store.runs.claim_run) keeps it from executing twice.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from datetime import datetime, timedelta

from errors import DatabaseUnavailable
from graphs.runner import HandBack, get_manager, wait_for_database
from settings import get_settings
from store import queue
from store import runs as run_store
from store.db import utcnow

log = logging.getLogger("forgeflow.worker")


def sweep_once() -> dict[str, int]:
    """One sweep: requeue stalled jobs and runs with no job; returns what it did."""
    settings = get_settings()
    stalled = queue.retry_stalled(settings.run_stale_after)
    pending = [
        r["run_id"]
        for r in run_store.list_runs(status="pending", limit=500)
        if r["created_at"] is not None
        and utcnow() - _parse(r["created_at"]) > timedelta(seconds=settings.run_stale_after)
    ]
    lost = queue.runs_without_job(pending)
    for run_id in lost:
        found = run_store.find_run(run_id)
        thread = found["thread_id"] if found and found["kind"] in ("goal", "resume") else None
        queue.defer_run(run_id, lock=thread)
    if lost:
        log.warning("queued %d runs whose enqueue was lost: %s", len(lost), lost)
    return {"stalled": len(stalled), "requeued": len(lost)}


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def _sweeper(stop: threading.Event) -> None:
    interval = get_settings().sweep_interval
    while not stop.wait(interval):
        try:
            sweep_once()
        except DatabaseUnavailable:
            continue
        except Exception:  # noqa: BLE001 - keep sweeping whatever one pass hit
            log.exception("sweep failed")


def run_worker(concurrency: int | None = None) -> None:
    """Run queued runs until SIGTERM/SIGINT; then finish or hand back the current steps."""
    settings = get_settings()
    manager = get_manager("worker")
    if not manager.queued:
        raise SystemExit(
            "forgeflow worker needs the Postgres queue: set FORGEFLOW_DATABASE_URL=postgresql://..."
        )
    manager.start()
    app = queue.worker_app()

    @app.task(name=queue.TASK, queue=queue.QUEUE, retry=queue.RETRY)
    def execute_run(run_id: str) -> None:
        try:
            manager.execute_run(run_id)
        except HandBack as exc:
            raise queue.HandedBack(run_id) from exc

    stop = threading.Event()
    sweeper = threading.Thread(target=_sweeper, args=(stop,), daemon=True, name="ff-sweeper")
    sweeper.start()

    async def main() -> None:
        loop = asyncio.get_running_loop()
        stopping = asyncio.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stopping.set)
        async with app.open_async():
            while True:
                work = asyncio.create_task(
                    app.run_worker_async(
                        queues=[queue.QUEUE],
                        concurrency=concurrency or settings.run_workers,
                        install_signal_handlers=False,
                        update_heartbeat_interval=max(0.5, settings.heartbeat_interval),
                        stalled_worker_timeout=settings.run_stale_after,
                        fetch_job_polling_interval=1.0,
                        abort_job_polling_interval=1.0,
                    )
                )
                waiter = asyncio.create_task(stopping.wait())
                done, _ = await asyncio.wait({work, waiter}, return_when=asyncio.FIRST_COMPLETED)
                if waiter in done:
                    break
                waiter.cancel()
                error = work.exception()
                if error is None:
                    return
                # The queue's connection broke (the database went away): the running runs
                # wait for it themselves; take jobs again once it answers.
                log.warning(
                    "queue connection lost (%s); reconnecting when the database is back", error
                )
                while not stopping.is_set():
                    if await asyncio.to_thread(wait_for_database, None, 5.0):
                        break
                if stopping.is_set():
                    return
            log.info("stopping: finishing or handing back the current runs")
            # procrastinate stops taking jobs and waits for the running ones, which end
            # within the grace period or are handed back at their next check.
            work.cancel()
            await asyncio.to_thread(manager.shutdown)
            try:
                await work
            except asyncio.CancelledError:
                pass

    try:
        asyncio.run(main())
    finally:
        stop.set()
        log.info("worker stopped")
