"""The run manager: every unit of work (goal, tool call, compatible job) is a run executed here.

One path: `submit_*` validates and persists a pending run, then hands it to an executor (a
thread pool in this process on SQLite, the Postgres queue on Postgres); `execute_run` takes
the run's lease, runs it (the orchestrator graph with its checkpointer for goals, the tool or
job for the rest), writes its events and progress, and ends it. Cancel, retry, events and
waiting read and write the run row, so they work from any process that shares the database.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage
from langgraph.types import Command
from sqlalchemy.exc import IntegrityError

from agents.patterns import MAX_SUBMITTED, MAX_TEXT
from errors import (
    BadInput,
    Cancelled,
    Conflict,
    DatabaseUnavailable,
    Forbidden,
    ForgeflowError,
    NotFound,
    check_value,
)
from graphs.orchestrator import build_graph
from graphs.serialize import to_json
from graphs.state import RunContext
from graphs.workflows import JOBS, call_job, call_tool
from settings import get_settings
from store import db
from store import runs as run_store
from store.workspace import relative_to_workspace, resolve_path
from tools.base import ToolContext
from tools.registry import get_tool

log = logging.getLogger("forgeflow.runs")

PROGRESS_WRITE_INTERVAL = 0.5
EVENT_FLUSH_INTERVAL = 0.2
MAX_RECOVERIES = 3
"""A run that keeps killing its executor is failed after this many resumptions."""


class HandBack(Exception):
    """The executor is shutting down: the run goes back to the queue at its current step."""


class LeaseLost(Exception):
    """Another executor took the run over (this one was presumed dead): stop without writing."""


def is_db_outage(exc: BaseException) -> bool:
    """Whether an exception means the database connection dropped (not a bug, not bad input)."""
    if isinstance(exc, DatabaseUnavailable):
        return True
    try:
        import psycopg
        from sqlalchemy.exc import InterfaceError, OperationalError
    except ImportError:  # pragma: no cover - both are dependencies
        return False
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    from psycopg_pool import PoolTimeout

    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError | PoolTimeout):
        return True
    from procrastinate.exceptions import ConnectorException

    return isinstance(exc, ConnectorException)


def wait_for_database(stop: threading.Event | None = None, limit: float = 600.0) -> bool:
    """Block until the database answers again (True) or `limit` seconds pass (False)."""
    deadline = time.monotonic() + limit
    delay = 0.2
    while time.monotonic() < deadline:
        if db.ping()["ok"]:
            return True
        if stop is not None and stop.wait(delay):
            return False
        if stop is None:
            time.sleep(delay)
        delay = min(delay * 2, 2.0)
    return False


def _retrying(fn: Callable[[], Any], what: str) -> Any:
    """Run a store write, waiting out a database outage (bounded) instead of losing it."""
    for _ in range(30):
        try:
            return fn()
        except DatabaseUnavailable:
            log.warning("database unavailable while %s; waiting for it", what)
            if not wait_for_database(limit=60):
                continue
    return fn()


@dataclass
class _Active:
    run_id: str
    cancel: threading.Event
    reason: str = ""
    """Why `cancel` was set: "cancel" (a person), "handback" (shutdown), "lost" (lease)."""


class EventWriter:
    """Numbers a run's events, writes them to the run_events table, wakes local readers.

    Events are written in small batches: at most every EVENT_FLUSH_INTERVAL, at once for the
    run's end or a question, and by the heartbeat thread for a step that stays silent. Of
    the progress events in one interval only the latest is kept. A database outage keeps
    events buffered until the next write succeeds.
    """

    def __init__(self, manager: RunManager, run_id: str, *, fresh: bool = False) -> None:
        self.manager = manager
        self.run_id = run_id
        # A run's first execution has no events yet; a resumed or retried one continues its own.
        self.seq = 0 if fresh else run_store.last_seq(run_id) + 1
        self.buffer: list[dict[str, Any]] = []
        self.pending_progress: dict[str, Any] | None = None
        self.last_flush = time.monotonic()  # a quick run writes its events once, with its end
        self.lock = threading.RLock()

    def publish(self, event: dict[str, Any]) -> None:
        """Queue an event (progress ones coalesced) and write what is due."""
        with self.lock:
            if event.get("type") == "progress":
                self.pending_progress = event
            else:
                if self.pending_progress is not None:
                    self.buffer.append(self.pending_progress)
                    self.pending_progress = None
                self.buffer.append(event)
            urgent = event.get("type") in ("end", "interrupt")
            if urgent or time.monotonic() - self.last_flush >= EVENT_FLUSH_INTERVAL:
                self.flush()

    def flush(self, *, must: bool = False) -> None:
        """Write buffered events; with `must`, wait out a database outage."""
        with self.lock:
            self._flush(must)

    def _flush(self, must: bool) -> None:
        if self.pending_progress is not None:
            self.buffer.append(self.pending_progress)
            self.pending_progress = None
        if not self.buffer:
            return
        batch = [_json_event(e) for e in self.buffer]

        def write() -> None:
            run_store.add_events(self.run_id, self.seq, batch)

        try:
            if must:
                _retrying(write, "writing run events")
            else:
                write()
        except DatabaseUnavailable:
            return  # kept in the buffer; the next flush writes them
        except IntegrityError:
            # A write whose commit went through while the connection dropped: the batch is
            # there already (it is written whole or not at all). Carry on after it.
            last = run_store.last_seq(self.run_id)
            if last < self.seq:
                raise
            self.buffer = self.buffer[last - self.seq + 1 :]
            self.seq = last + 1
            self.last_flush = time.monotonic()
            if self.buffer:
                self._flush(must)
            return
        self.seq += len(batch)
        self.buffer = []
        self.last_flush = time.monotonic()
        self.manager._wake()


def _json_event(event: dict[str, Any]) -> dict[str, Any]:
    return to_json(event)


class RunManager:
    """Submits, executes, cancels, retries and follows runs; one per process and home."""

    def __init__(self, role: str = "serve") -> None:
        settings = get_settings()
        self.settings = settings
        self.role = role
        self.worker_id = f"{role}:{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.postgres = db.is_postgres()
        mode = settings.run_executor
        if mode == "auto":
            mode = "queue" if self.postgres else "inprocess"
        if mode == "queue" and not self.postgres:
            raise BadInput(
                "FORGEFLOW_RUN_EXECUTOR=queue needs Postgres",
                hint="set FORGEFLOW_DATABASE_URL=postgresql://... or use the in-process executor",
            )
        self.queued = mode == "queue"
        self.checkpointer, self._close_checkpointer = _make_checkpointer()
        self.graph = build_graph(self.checkpointer)
        self.executor: ThreadPoolExecutor | None = None
        self._lock = threading.RLock()  # submit_goal may cancel a run while holding it
        self._cond = threading.Condition()
        self._active: dict[str, _Active] = {}
        self._executing: set[str] = set()  # runs inside execute_run here, claimed or claiming
        self._thread_queues: dict[str, deque[str]] = {}
        self._local_threads: dict[str, str] = {}
        self._secrets: dict[str, dict[str, str]] = {}
        self._local_runs: set[str] = set()
        self._writers: dict[str, EventWriter] = {}
        self._recovering = False
        self._stop = threading.Event()
        self._draining = False
        self._heart: threading.Thread | None = None
        self._registered = False

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        """Register this process as an executor (when it executes runs) and start heartbeats."""
        if self._heart is not None:
            return
        if self.executes_locally:
            self.executor = ThreadPoolExecutor(
                self.settings.run_workers, thread_name_prefix="forgeflow-run"
            )
        if self.executes_locally or self.role == "worker":
            try:
                run_store.register_worker(
                    self.worker_id,
                    self.role,
                    socket.gethostname(),
                    os.getpid(),
                    self.settings.run_workers,
                )
                self._registered = True
            except DatabaseUnavailable:
                log.warning("could not register this executor: the database is not answering")
        self._heart = threading.Thread(target=self._heartbeat_loop, daemon=True, name="ff-heart")
        self._heart.start()

    @property
    def executes_locally(self) -> bool:
        """Whether this process runs runs in its own thread pool (SQLite, or the test mode)."""
        return not self.queued

    def recover(self) -> int:
        """Pick up runs whose executor stopped (in-process executor; the queue has its own).

        A running run whose lease holder sent no heartbeat for FORGEFLOW_RUN_STALE_AFTER
        seconds, or a pending run nobody took that long, is resumed here from its last
        completed step (after MAX_RECOVERIES resumptions it fails with a retry hint). The
        server calls this at start and then every FORGEFLOW_SWEEP_INTERVAL seconds.
        """
        if not self.executes_locally:
            return 0
        self._recovering = True
        self.start()
        stale = self.settings.run_stale_after
        found = run_store.unfinished_runs(stale_after=stale) + run_store.pending_orphans(stale)
        with self._lock:
            found = [r for r in dict.fromkeys(found) if r not in self._local_runs]
        for run_id in found:
            run = run_store.find_run(run_id)
            if run is None:
                continue
            self._dispatch(run_id, run["thread_id"] if run["kind"] in ("goal", "resume") else None)
        if found:
            log.info("resuming %d runs left unfinished by a stopped process", len(found))
        return len(found)

    def shutdown(self, grace: float | None = None) -> None:
        """Stop: let active runs finish within `grace` seconds, hand the rest back, close."""
        grace = self.settings.shutdown_grace if grace is None else grace
        self._draining = True
        deadline = time.monotonic() + grace
        while self._active and time.monotonic() < deadline:
            time.sleep(0.1)
        with self._lock:
            for active in self._active.values():
                active.reason = active.reason or "handback"
                active.cancel.set()
        # Runs stop at their next check; give them a moment to write their hand-back.
        deadline = time.monotonic() + 30
        while self._active and time.monotonic() < deadline:
            time.sleep(0.05)
        self._stop.set()
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
        if self._registered:
            try:
                run_store.unregister_worker(self.worker_id)
            except DatabaseUnavailable:
                pass
        self._close_checkpointer()

    def _heartbeat_loop(self) -> None:
        interval = self.settings.heartbeat_interval
        last_sweep = time.monotonic()
        while not self._stop.wait(interval):
            if self._recovering and time.monotonic() - last_sweep > self.settings.sweep_interval:
                last_sweep = time.monotonic()
                try:
                    self.recover()
                except DatabaseUnavailable:
                    pass
                except Exception:  # noqa: BLE001 - the sweep must outlive any one failure
                    log.exception("recovering runs failed")
            try:
                with self._lock:
                    ids = list(self._active)
                verdicts = run_store.heartbeat(self.worker_id, ids)
                if self._registered:
                    run_store.worker_heartbeat(self.worker_id, len(ids))
            except DatabaseUnavailable:
                continue
            except Exception:  # noqa: BLE001 - the heartbeat must outlive any one failure
                log.exception("heartbeat failed")
                continue
            with self._lock:
                writers = list(self._writers.values())
            for writer in writers:  # a step that stays quiet still shows its last events
                try:
                    writer.flush()
                except Exception:  # noqa: BLE001 - the run's own thread reports its errors
                    log.debug("background flush failed", exc_info=True)
            with self._lock:
                for run_id, verdict in verdicts.items():
                    active = self._active.get(run_id)
                    if active is not None and not active.cancel.is_set():
                        active.reason = verdict
                        active.cancel.set()

    def _wake(self) -> None:
        with self._cond:
            self._cond.notify_all()

    # -- submitting --------------------------------------------------------------------------

    def submit_goal(
        self,
        goal: str,
        *,
        thread_id: str | None = None,
        max_attempts: int | None = None,
        dry_run: bool = False,
        credentials: dict[str, str] | None = None,
        resume: Any = None,
        source: str = "generate",
        multitask_strategy: str = "reject",
        stream_modes: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        """Validate and queue a goal on its thread (409 thread_busy if busy and rejecting).

        On a thread waiting for a person (an interrupted run), the goal is that person's
        answer and the run resumes the graph where it stopped; `resume` gives it explicitly.
        """
        goal = (goal or "").strip()
        if resume is not None and not goal:
            goal = resume if isinstance(resume, str) else str(resume)
        if not goal:
            raise BadInput("the goal is empty", hint='send {"goal": "what you want done"}')
        if len(goal) > MAX_SUBMITTED:
            raise BadInput(
                f"the goal is over {MAX_SUBMITTED:,} characters",
                hint=f"shorten the goal (the planner reads its first {MAX_TEXT:,} characters)",
            )
        check_value(goal, "goal")  # a lone surrogate (e.g. undecodable terminal bytes) is a 400
        refuse_outside_path(goal)
        attempts = self._attempts(max_attempts)
        with self._lock:  # one submission at a time per process keeps thread checks simple
            busy = run_store.thread_active_run(thread_id) if thread_id else None
            if busy is not None and multitask_strategy == "reject":
                raise _thread_busy(thread_id, busy)
            waiting = bool(thread_id) and busy is None and self.pending_interrupt(thread_id)
            if resume is not None and not waiting and busy is None:
                raise Conflict(
                    f"thread {thread_id!r} is not waiting for an answer",
                    hint="send a new goal instead of a resume command",
                    code="nothing_to_resume",
                )
            tid = run_store.ensure_thread(thread_id, title=goal)
            request: dict[str, Any] = {
                "max_attempts": attempts,
                "dry_run": dry_run,
                "stream_modes": list(stream_modes),
            }
            if waiting or (busy is not None and resume is not None):
                request["resume"] = resume if resume is not None else goal
            run = run_store.create_run(
                kind="resume" if waiting else "goal",
                source=source,
                goal=goal,
                thread_id=tid,
                request=request,
            )
            found = run_store.reserve_thread(
                tid, run["run_id"], queue=multitask_strategy != "reject"
            )
            if found is not None and multitask_strategy == "reject":
                run_store.delete_run(run["run_id"])  # another process took the thread first
                raise _thread_busy(tid, found)
            if found is not None:
                request["after"] = found
                run_store.update_run(run["run_id"], request=request)
                if multitask_strategy in ("interrupt", "rollback"):
                    self.cancel(found)
        self._keep_secrets(run["run_id"], credentials)
        self._dispatch(run["run_id"], tid)
        return run

    def submit_tool(
        self,
        name: str,
        args: dict[str, Any] | None,
        *,
        source: str = "tools",
        credentials: dict[str, str] | None = None,
        alias: str | None = None,
        max_attempts: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Validate a tool call (422 before anything is stored) and queue it as a run."""
        spec = get_tool(name)
        spec.validate(args)  # bad arguments are refused here: nothing is persisted
        request: dict[str, Any] = {"args": args or {}, **(extra or {})}
        if max_attempts is not None:
            request["max_attempts"] = self._attempts(max_attempts)
        run = run_store.create_run(
            kind="tool", target=name, source=source, alias=alias, request=request
        )
        self._keep_secrets(run["run_id"], credentials)
        self._dispatch(run["run_id"], None)
        return run

    def submit_job(
        self,
        name: str,
        request: dict[str, Any],
        *,
        source: str,
        alias: str | None = None,
        credentials: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """Queue a compatible API's job (graphs.workflows.JOBS) as a run."""
        if name not in JOBS:
            raise NotFound(f"job {name!r} is not known", hint="see graphs/workflows.py JOBS")
        run = run_store.create_run(
            kind="job", target=name, source=source, alias=alias, request={"args": request}
        )
        self._keep_secrets(run["run_id"], credentials)
        self._dispatch(run["run_id"], None)
        return run

    def _attempts(self, max_attempts: int | None) -> int:
        attempts = max_attempts if max_attempts is not None else self.settings.max_attempts
        if not isinstance(attempts, int) or isinstance(attempts, bool) or not 1 <= attempts <= 50:
            raise BadInput("max_attempts must be an integer from 1 to 50", hint="e.g. 3")
        return attempts

    def _keep_secrets(self, run_id: str, credentials: dict[str, str] | None) -> None:
        if not credentials:
            return
        if self.queued:
            # Another process will run it: the credentials wait in run_secrets until it ends.
            run_store.put_secrets(run_id, dict(credentials))
        else:
            with self._lock:
                self._secrets[run_id] = dict(credentials)

    def _dispatch(self, run_id: str, thread_id: str | None) -> None:
        """Hand a pending run to an executor: the queue, or this process's pool."""
        if self.queued:
            from store import queue

            queue.defer_run(run_id, lock=thread_id)
            return
        self.start()
        with self._lock:
            self._local_runs.add(run_id)
            if thread_id is not None:
                if thread_id in self._local_threads:
                    self._thread_queues.setdefault(thread_id, deque()).append(run_id)
                    return
                self._local_threads[thread_id] = run_id
        assert self.executor is not None
        self.executor.submit(self._execute_logged, run_id)

    def _execute_logged(self, run_id: str) -> None:
        try:
            self.execute_run(run_id)
        except Exception:  # noqa: BLE001 - a pool thread has nobody to raise to
            log.exception("executing run %s failed", run_id)
        finally:
            with self._lock:
                self._local_runs.discard(run_id)
            self._next_on_thread(run_id)

    def _next_on_thread(self, run_id: str) -> None:
        with self._lock:
            thread = next((t for t, r in self._local_threads.items() if r == run_id), None)
            if thread is None:
                return
            queued = self._thread_queues.get(thread)
            if queued:
                nxt = queued.popleft()
                self._local_threads[thread] = nxt
            else:
                self._local_threads.pop(thread, None)
                self._thread_queues.pop(thread, None)
                return
        if self.executor is not None and not self._stop.is_set():
            self.executor.submit(self._execute_logged, nxt)

    # -- executing ---------------------------------------------------------------------------

    def execute_run(self, run_id: str) -> None:
        """Take the run's lease and run it to its end (or hand it back); never duplicates it.

        Called by this process's pool or by a queue worker. A run another live executor
        holds is left alone; one whose executor went silent is taken over and resumed.
        """
        with self._cond:
            # The queue can hand this process a job for a run it is still executing: in a
            # database outage the queue's worker loop loses its connection, its heartbeat
            # stops and the sweep puts the job back. The lease is this process's own, so a
            # claim would succeed and run the run twice over the same files. Wait for the
            # execution here to end instead; then the claim sees how it ended.
            while run_id in self._executing:
                self._cond.wait(0.5)
            self._executing.add(run_id)
        try:
            self._claim_and_execute(run_id)
        finally:
            with self._cond:
                self._executing.discard(run_id)
                self._cond.notify_all()

    def _claim_and_execute(self, run_id: str) -> None:
        run = run_store.claim_run(run_id, self.worker_id, self.settings.run_stale_after)
        if run is None:
            return
        if self._draining:
            run_store.release_run(run_id, self.worker_id)
            if self.queued:
                raise HandBack(run_id)
            return
        active = _Active(run_id, threading.Event())
        with self._lock:
            self._active[run_id] = active
        try:
            if not run["cancel_requested"]:
                # A cancel that landed after the claim but before the run was registered
                # above found nothing to signal; it is in the store, so read it back once.
                # (From here on `cancel` finds the run in `_active` and signals it.)
                again = run_store.find_run(run_id)
                if again is not None and again["cancel_requested"]:
                    run = {**run, "cancel_requested": True}
            self._execute_claimed(run, active)
        finally:
            with self._lock:
                self._active.pop(run_id, None)
                self._secrets.pop(run_id, None)
            self._wake()

    def _execute_claimed(self, run: dict[str, Any], active: _Active) -> None:
        run_id = run["run_id"]
        writer = EventWriter(self, run_id, fresh=run["tries"] == 1)
        with self._lock:
            self._writers[run_id] = writer
        try:
            self._execute_with(run, active, writer)
        finally:
            with self._lock:
                self._writers.pop(run_id, None)

    def _execute_with(self, run: dict[str, Any], active: _Active, writer: EventWriter) -> None:
        run_id = run["run_id"]
        if run["tries"] > 1:
            if run["tries"] - run["state"].get("retry_base", 0) > MAX_RECOVERIES + 1:
                self._end(run, writer, "failed", *_lost_error(run))
                return
            writer.publish({"type": "status", "status": "resumed", "run_id": run_id})
        if run["cancel_requested"]:
            self._end(run, writer, "cancelled", *_cancelled())
            return
        after = run["request"].get("after")
        if after:
            self._wait_for(after, active)
        writer.publish({"type": "status", "status": "running", "run_id": run_id})
        credentials = self._secrets.get(run_id) or (
            run_store.get_secrets(run_id) if self.queued else {}
        )
        for _ in range(3):  # a database outage mid-run: wait for it, resume from the checkpoint
            try:
                if run["kind"] in ("goal", "resume"):
                    status, result, error = self._run_goal(run, active, writer, credentials)
                else:
                    status, result, error = self._run_tool(run, active, writer, credentials)
                break
            except Cancelled:
                if active.reason == "handback":
                    self._hand_back(run, writer)
                    return
                if active.reason == "lost":
                    log.warning("run %s was taken over by another executor", run_id)
                    return
                status, result, error = "cancelled", *_cancelled()
                break
            except HandBack:
                self._hand_back(run, writer)
                return
            except ForgeflowError as exc:
                if is_db_outage(exc):
                    if wait_for_database(self._stop):
                        continue
                    self._hand_back(run, writer)
                    return
                status, result = "failed", {"message": exc.message}
                error = {**exc.to_dict(), "status": exc.status_code}
                break
            except Exception as exc:  # noqa: BLE001 - a bug: logged in full, reported without a traceback
                if is_db_outage(exc):
                    log.warning(
                        "run %s: database connection lost; resuming when it is back", run_id
                    )
                    if wait_for_database(self._stop):
                        continue
                    self._hand_back(run, writer)
                    return
                log.exception("run %s failed", run_id)
                status, result = "failed", {"message": "internal error while running"}
                error = {
                    "code": "internal_error",
                    "message": "internal error while running",
                    "hint": "the error was logged on the server",
                }
                break
        else:
            self._hand_back(run, writer)
            return
        self._end(run, writer, status, result, error)

    def _wait_for(self, other: str, active: _Active) -> None:
        """Block until the thread's previous run ends (enqueue/interrupt strategies)."""
        while not active.cancel.is_set():
            found = run_store.find_run(other)
            if found is None or found["status"] not in ("pending", "running"):
                return
            with self._cond:
                self._cond.wait(0.2)
        if active.reason in ("handback", "lost"):
            raise HandBack(active.run_id)
        raise Cancelled(active.run_id)

    def _hand_back(self, run: dict[str, Any], writer: EventWriter) -> None:
        """Put the run back in the queue at its last completed step (shutdown or outage)."""
        writer.publish({"type": "status", "status": "handed_back", "run_id": run["run_id"]})
        writer.flush(must=True)
        _retrying(lambda: run_store.release_run(run["run_id"], self.worker_id), "handing back")
        if self.queued:
            raise HandBack(run["run_id"])  # the queue job is retried, keeping its place

    def _progress_sink(
        self, run_id: str, writer: EventWriter, scale: Callable[[dict], float | None]
    ) -> Callable[[dict[str, Any]], None]:
        last = [0.0]

        def emit(event: dict[str, Any]) -> None:
            writer.publish(event)
            now = time.monotonic()
            if event.get("type") != "step" and now - last[0] < PROGRESS_WRITE_INTERVAL:
                return
            last[0] = now
            fields: dict[str, Any] = {}
            progress = scale(event)
            if progress is not None:
                fields["progress"] = float(progress)
            if event.get("tool") or event.get("message"):
                text = event.get("message") or event.get("status", "")
                fields["current_step"] = (
                    f"{event['tool']}: {text}" if event.get("tool") else str(text)
                )[:300]
            if fields:
                try:
                    run_store.update_run(run_id, **fields)
                except DatabaseUnavailable:
                    pass  # progress is advisory; the next write carries the newer value

        return emit

    def _run_goal(
        self,
        run: dict[str, Any],
        active: _Active,
        writer: EventWriter,
        credentials: dict[str, str],
    ) -> tuple[str, dict[str, Any], dict[str, Any] | None]:
        run_id, thread_id, request = run["run_id"], run["thread_id"], run["request"]
        context = RunContext(
            run_id=run_id,
            max_attempts=int(request.get("max_attempts") or self.settings.max_attempts),
            dry_run=bool(request.get("dry_run")),
            credentials=credentials,
            cancel_event=active.cancel,
            on_output=lambda path, key: self._record_output(run_id, path, key),
        )
        config: dict[str, Any] = {
            "configurable": {"thread_id": thread_id},
            "metadata": {"run_id": run_id},
            "recursion_limit": 200,
        }
        snapshot = self.graph.get_state(config)
        ours = (snapshot.metadata or {}).get("run_id") == run_id
        checkpoint = run["state"].get("resume_checkpoint")
        graph_input: Any
        if checkpoint and run["state"].get("retry_from_checkpoint"):
            # A retry of a turn that died: continue from its last completed step.
            config["configurable"]["checkpoint_id"] = checkpoint
            graph_input = None
        elif ours and (snapshot.interrupts or not snapshot.next):
            graph_input = "done"  # it finished (or asked); only its end was not written
        elif ours:
            graph_input = None  # resume after a crash or hand-back: the interrupted step reruns
        elif "resume" in request:
            graph_input = Command(resume=request["resume"])
        else:
            graph_input = {"goal": run["goal"]}
        modes = [m for m in request.get("stream_modes", []) if m in ("values", "updates")]
        emit = self._progress_sink(run_id, writer, lambda e: e.get("progress"))
        if graph_input != "done":
            for mode, event in self.graph.stream(
                graph_input,
                config,
                context=context,
                stream_mode=["custom", "updates", *[m for m in modes if m != "updates"]],
                durability="sync",
            ):
                if mode != "custom":
                    if mode in modes:
                        writer.publish({"type": "lg", "mode": mode, "data": event})
                    continue
                emit(event)
            config["configurable"].pop("checkpoint_id", None)
        snapshot = self.graph.get_state({"configurable": {"thread_id": thread_id}})
        values = snapshot.values
        if snapshot.interrupts:
            ask = snapshot.interrupts[0].value
            question = ask.get("question") if isinstance(ask, dict) else str(ask)
            writer.publish({"type": "interrupt", "question": question, "interrupt": ask})
            return (
                "interrupted",
                {
                    "question": question,
                    "interrupt": ask,
                    "message": question,
                    "plan": values.get("plan"),
                    "steps": values.get("steps", []),
                },
                None,
            )
        result = dict(values.get("result") or {})
        result["message"] = values.get("answer", "")
        failed = [s for s in result.get("steps", []) if s.get("status") == "failed"]
        if failed:
            return "failed", result, failed[0]["error"]
        return "completed", result, None

    def _run_tool(
        self,
        run: dict[str, Any],
        active: _Active,
        writer: EventWriter,
        credentials: dict[str, str],
    ) -> tuple[str, dict[str, Any], dict[str, Any] | None]:
        run_id, name = run["run_id"], run["target"]
        emit = self._progress_sink(
            run_id,
            writer,
            lambda e: None if e.get("fraction") is None else round(100 * e["fraction"], 1),
        )
        ctx = ToolContext(
            emit=emit,
            credentials=credentials,
            cancel_event=active.cancel,
            run_id=run_id,
            max_attempts=run["request"].get("max_attempts"),
            output_key=run_id,
            on_output=lambda path: self._record_output(run_id, path, run_id),
        )
        writer.publish({"type": "step", "tool": name, "status": "started", "progress": 0.0})
        args = run["request"].get("args") or {}
        if run["kind"] == "job":
            output = call_job(name, args, ctx)
        else:
            output = call_tool(name, args, ctx)
        ctx.check_cancelled()
        writer.publish({"type": "step", "tool": name, "status": "completed", "progress": 100.0})
        return "completed", {"message": f"{name} completed", "output": to_json(output)}, None

    def _record_output(self, run_id: str, path: Path, key: str) -> None:
        """Remember an output folder a step is about to write (persisted before it writes)."""
        rel = relative_to_workspace(path)
        run = run_store.get_run_internal(run_id)
        outputs = list(run["state"].get("outputs") or [])
        if not any(o["path"] == rel for o in outputs):
            run_store.merge_state(run_id, outputs=[*outputs, {"path": rel, "key": key}])

    def _remove_unfinished_outputs(self, run: dict[str, Any], result: dict[str, Any]) -> list[str]:
        """Delete the output folders of steps that never completed (an ended run leaves no
        half-trained or empty model folder behind); returns what was removed.
        """
        state = run_store.get_run_internal(run["run_id"])["state"]
        outputs = state.get("outputs") or []
        if not outputs:
            return []
        steps = result.get("steps")
        if steps is None and run.get("thread_id"):
            snapshot = self.graph.get_state({"configurable": {"thread_id": run["thread_id"]}})
            if (snapshot.metadata or {}).get("run_id") == run["run_id"]:
                steps = (snapshot.values or {}).get("steps")
        done = {
            f"{run['run_id']}-{s.get('index')}"
            for s in steps or []
            if s.get("status") == "completed"
        }
        removed = []
        for output in outputs:
            if output["key"] in done:
                continue
            try:
                folder = resolve_path(output["path"], for_write=True)
            except ForgeflowError:
                continue
            if folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(output["path"])
        return removed

    def _end(
        self,
        run: dict[str, Any],
        writer: EventWriter,
        status: str,
        result: dict[str, Any],
        error: dict[str, Any] | None,
    ) -> None:
        run_id, thread_id = run["run_id"], run.get("thread_id")
        state_extra: dict[str, Any] = {}
        if status in ("failed", "cancelled"):
            removed = self._remove_unfinished_outputs(run, result)
            if removed:
                result = {**result, "removed_outputs": removed}
                log.info("run %s ended %s; removed unfinished outputs %s", run_id, status, removed)
        if thread_id and run["kind"] in ("goal", "resume") and status in ("failed", "cancelled"):
            state_extra = self._answer_unfinished_turn(run, status, error)
        fields: dict[str, Any] = {
            "status": status,
            "result": result,
            "error": error,
            "current_step": "",
        }
        if status == "completed":
            fields["progress"] = 100.0
        if state_extra:
            current = run_store.get_run_internal(run_id)["state"]
            fields["state"] = {**current, **state_extra}

        def finish() -> dict[str, Any] | None:
            return run_store.finish_run(
                run_id, self.worker_id, thread_id=thread_id, title=run["goal"], **fields
            )

        final = _retrying(finish, "ending a run")
        if final is None:
            log.warning("run %s was taken over before it ended here; not writing", run_id)
            return
        writer.publish({"type": "end", "run": final})
        writer.flush(must=True)

    def _answer_unfinished_turn(
        self, run: dict[str, Any], status: str, error: dict[str, Any] | None
    ) -> dict[str, Any]:
        """A turn that stopped mid-way still gets an answer on its thread (and can be retried).

        Without this the thread would keep the person's message with no reply, and the next
        turn would read as if it answered it.
        """
        config = {"configurable": {"thread_id": run["thread_id"]}}
        try:
            snapshot = self.graph.get_state(config)
        except Exception:  # noqa: BLE001 - the checkpointer may be what failed
            log.exception("could not read thread %s to close its turn", run["thread_id"])
            return {}
        messages = (snapshot.values or {}).get("messages") or []
        if not messages or not isinstance(messages[-1], HumanMessage):
            return {}
        if (snapshot.metadata or {}).get("run_id") != run["run_id"]:
            return {}
        if status == "cancelled":
            note = "This request was cancelled before it finished; nothing more was done."
        else:
            reason = (error or {}).get("message") or "it stopped before finishing"
            note = (
                f"This request did not finish: {reason}. "
                f"Retry it with POST /runs/{run['run_id']}/retry."
            )
        checkpoint = (snapshot.config or {}).get("configurable", {}).get("checkpoint_id")
        self.graph.update_state(
            config, {"messages": [AIMessage(note)], "answer": note}, as_node="report"
        )
        return {"resume_checkpoint": checkpoint} if checkpoint else {}

    # -- control -----------------------------------------------------------------------------

    def cancel(self, run_id: str) -> dict[str, Any]:
        """Ask a run to stop at its next check (a pending run is cancelled at once)."""
        run, active = run_store.request_cancel(run_id)
        if not active:
            if run["thread_id"] and run["status"] == "cancelled":
                run_store.release_thread(run["thread_id"], run["run_id"])
            return run
        with self._lock:
            local = self._active.get(run["run_id"])
            if local is not None:
                local.reason = "cancel"
                local.cancel.set()
        self._wake()
        return {**run, "cancel_requested": True}

    def retry(self, run_id: str) -> dict[str, Any]:
        """Start a failed or cancelled run again (same id), from its last completed step."""
        run = run_store.get_run_internal(run_id)
        if run["status"] not in ("failed", "cancelled"):
            raise Conflict(
                f"run {run['run_id']} is {run['status']}; only failed or cancelled runs retry",
                hint="start a new run instead",
                code="not_retryable",
            )
        thread_id = run["thread_id"] if run["kind"] in ("goal", "resume") else None
        if thread_id:
            busy = run_store.reserve_thread(thread_id, run["run_id"], queue=False)
            if busy is not None:
                raise Conflict(
                    f"thread {thread_id!r} is busy with run {busy}",
                    hint="wait for it to finish, then retry",
                    code="thread_busy",
                )
            latest = run_store.list_runs(thread_id=thread_id, limit=1)
            # Resuming from the turn's checkpoint only makes sense while it is the thread's
            # last turn; otherwise the goal runs again as a new turn.
            fork = bool(run["state"].get("resume_checkpoint")) and (
                latest and latest[0]["run_id"] == run["run_id"]
            )
            run_store.merge_state(run["run_id"], retry_from_checkpoint=bool(fork))
        public = run_store.reset_for_retry(run["run_id"])
        self._dispatch(run["run_id"], thread_id)
        return public

    # -- reading -----------------------------------------------------------------------------

    def wait(self, run_id: str, timeout: float | None = None) -> dict[str, Any]:
        """Block until the run is final (or `timeout`), then return it."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            run = run_store.get_run(run_id)
            if run["status"] not in ("pending", "running"):
                return run
            if deadline is not None and time.monotonic() > deadline:
                return run
            with self._cond:
                self._cond.wait(0.1 if not self.queued else 0.2)

    def events(
        self,
        run_id: str,
        after: int = -1,
        *,
        timeout: float | None = None,
        idle: float | None = None,
    ) -> Iterator[tuple[int, dict[str, Any] | None]]:
        """Follow a run's events (seq, event) from `after` on, until its `end` event.

        Works for a run executing anywhere: events are read from the database, with a
        wake-up from this process's executor when it runs here. With `idle`, yields
        (seq, None) after that many quiet seconds so a caller can check its client.
        """
        run_id = run_store.get_run(run_id)["run_id"]
        deadline = None if timeout is None else time.monotonic() + timeout
        quiet_since = time.monotonic()
        checks = 0
        while True:
            try:
                batch = run_store.read_events(run_id, after)
            except DatabaseUnavailable:
                batch = []
            for seq, event in batch:
                after = seq
                yield seq, event
                if event.get("type") == "end":
                    return
            now = time.monotonic()
            if batch:
                quiet_since = now
                continue
            checks += 1
            if checks % 20 == 0:
                try:
                    current = run_store.find_run(run_id)
                    ended = (
                        current is not None
                        and current["status"] not in ("pending", "running")
                        and not run_store.read_events(run_id, after)
                    )
                except DatabaseUnavailable:
                    ended = False
                if ended:
                    # Ended without an end event (a run migrated from an old job table).
                    yield after + 1, {"type": "end", "run": current}
                    return
            if deadline is not None and now > deadline:
                return
            if idle is not None and now - quiet_since >= idle:
                quiet_since = now
                yield after, None
            with self._cond:
                self._cond.wait(0.1 if not self.queued else 0.25)

    def thread_busy(self, thread_id: str) -> bool:
        """Whether a run is queued or running on the thread (in any process)."""
        return run_store.thread_active_run(thread_id) is not None

    def pending_interrupt(self, thread_id: str) -> Any:
        """The value of the interrupt a thread is waiting on (a question), or None."""
        snapshot = self.graph.get_state({"configurable": {"thread_id": thread_id}})
        return snapshot.interrupts[0].value if snapshot.interrupts else None

    def thread_state(self, thread_id: str) -> dict[str, Any]:
        """The thread's conversation, memory and last result (404 when unknown)."""
        row = run_store.get_thread_row(thread_id)
        snapshot = self.graph.get_state({"configurable": {"thread_id": thread_id}})
        values = snapshot.values or {}
        messages = []
        for message in values.get("messages", []):
            if isinstance(message, HumanMessage | AIMessage):
                role = "user" if isinstance(message, HumanMessage) else "assistant"
                messages.append({"role": role, "content": message.content})
        return {
            **row,
            "messages": messages,
            "memory": values.get("memory", {}),
            "last_plan": values.get("plan"),
            "busy_with": run_store.thread_active_run(thread_id),
            "waiting_for": self.pending_interrupt(thread_id),
            "runs": run_store.list_runs(thread_id=thread_id, limit=20),
        }

    def health(self) -> dict[str, Any]:
        """The database, the queue and the executors, for GET /health."""
        database = db.ping()
        out: dict[str, Any] = {
            "database": database,
            "executor": "queue" if self.queued else "in-process",
        }
        if not database["ok"]:
            return out
        try:
            out["queue"] = {
                "pending": run_store.count_runs("pending"),
                "running": run_store.count_runs("running"),
            }
            if self.queued:
                from store import queue

                out["queue"]["jobs"] = queue.stats()
            out["workers"] = run_store.live_workers(3 * self.settings.heartbeat_interval + 5)
        except DatabaseUnavailable as exc:
            out["database"] = {**database, "ok": False, "error": exc.message}
        return out


def refuse_outside_path(goal: str) -> None:
    """A goal (or an answer to a question) naming a path out of the workspace is bad input on
    every surface: 403 `path_outside_workspace` with the hint, before a run or thread exists.
    """
    from agents.planner import OUTSIDE_HINT, path_outside_workspace, shown_name

    outside = path_outside_workspace(goal)
    if outside:
        raise Forbidden(
            f"the goal names {shown_name(outside)}, a path outside the workspace",
            hint=OUTSIDE_HINT,
            code="path_outside_workspace",
        )


def _thread_busy(thread_id: str | None, busy: str) -> Conflict:
    return Conflict(
        f"thread {thread_id!r} is busy with run {busy}",
        hint="wait for that run to finish, cancel it (POST /runs/{id}/cancel), "
        "or send multitask_strategy 'enqueue' or 'interrupt'",
        code="thread_busy",
    )


def _cancelled() -> tuple[dict[str, Any], dict[str, Any]]:
    return (
        {"message": "the run was cancelled"},
        {"code": "cancelled", "message": "the run was cancelled", "hint": ""},
    )


def _lost_error(run: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    step = run.get("current_step") or "its current step"
    message = (
        f"the process running this run stopped {run['tries'] - 1} times during {step!r}; "
        "it was not resumed again"
    )
    return (
        {"message": message},
        {
            "code": "executor_lost",
            "message": message,
            "hint": f"POST /runs/{run['run_id']}/retry starts it again from its last completed step",
        },
    )


def _make_checkpointer() -> tuple[Any, Callable[[], None]]:
    """The LangGraph checkpointer: SQLite beside the database, or Postgres (same database)."""
    if db.is_postgres():
        from langgraph.checkpoint.postgres import PostgresSaver
        from psycopg.rows import dict_row
        from psycopg_pool import ConnectionPool

        pool = ConnectionPool(
            db.libpq_url(),
            min_size=1,
            max_size=max(4, get_settings().run_workers + 2),
            kwargs={"autocommit": True, "prepare_threshold": None, "row_factory": dict_row},
            check=ConnectionPool.check_connection,
            open=True,
        )
        saver = PostgresSaver(pool)
        _setup_postgres_saver(saver)
        return saver, pool.close

    import sqlite3

    from langgraph.checkpoint.sqlite import SqliteSaver

    conn = sqlite3.connect(
        get_settings().home_dir / "checkpoints.db", check_same_thread=False, timeout=30
    )
    conn.execute("PRAGMA journal_mode=WAL")
    return SqliteSaver(conn), conn.close


_setup_lock = threading.Lock()


def _setup_postgres_saver(saver: Any) -> None:
    """Create the checkpointer's tables once (it versions them itself); serialised across
    processes with an advisory lock so servers and workers starting together do not race.
    """
    import psycopg

    with _setup_lock, psycopg.connect(db.libpq_url(), autocommit=True) as lock_conn:
        lock_conn.execute("SELECT pg_advisory_lock(72610414)")
        try:
            saver.setup()
        finally:
            lock_conn.execute("SELECT pg_advisory_unlock(72610414)")


_managers: dict[str, RunManager] = {}
_managers_lock = threading.Lock()


def get_manager(role: str = "serve") -> RunManager:
    """The run manager for the current home and database (one per process)."""
    settings = get_settings()
    key = f"{settings.home_dir}|{settings.database_url}"
    with _managers_lock:
        if key not in _managers:
            _managers[key] = RunManager(role)
        return _managers[key]


def reset_managers() -> None:
    """Shut down every manager (tests switch FORGEFLOW_HOME)."""
    with _managers_lock:
        for manager in _managers.values():
            manager.shutdown(grace=0)
        _managers.clear()
