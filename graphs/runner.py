"""The run manager: executes goals on the orchestrator graph, persists runs, streams their events."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage
from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.types import Command

from errors import BadInput, Cancelled, Conflict, ForgeflowError, NotFound
from graphs.orchestrator import build_graph
from graphs.state import RunContext
from settings import get_settings
from store import runs as run_store

log = logging.getLogger("forgeflow.runs")

PROGRESS_WRITE_INTERVAL = 0.5


@dataclass
class RunChannel:
    """The events of one run, readable from any thread while it runs and after it ends."""

    run_id: str
    events: list[dict[str, Any]] = field(default_factory=list)
    done: bool = False
    cond: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, event: dict[str, Any]) -> None:
        """Append an event and wake readers."""
        with self.cond:
            self.events.append(event)
            self.cond.notify_all()

    def close(self) -> None:
        """Mark the run finished (readers drain and stop)."""
        with self.cond:
            self.done = True
            self.cond.notify_all()

    def read(self, start: int, timeout: float = 1.0) -> tuple[list[dict[str, Any]], bool]:
        """Events from `start` on (waiting up to `timeout` for new ones) and whether it ended."""
        with self.cond:
            if len(self.events) <= start and not self.done:
                self.cond.wait(timeout)
            # Once done, the slice holds every remaining event, so the reader can stop.
            return self.events[start:], self.done

    def iter_events(self, timeout: float | None = None) -> Iterator[dict[str, Any]]:
        """Iterate every event until the run ends (blocking)."""
        index = 0
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            batch, finished = self.read(index)
            yield from batch
            index += len(batch)
            if finished:
                return
            if deadline is not None and time.monotonic() > deadline:
                return


@dataclass
class _Active:
    run_id: str
    thread_id: str
    cancel: threading.Event
    channel: RunChannel
    after: RunChannel | None = None
    """The thread's previous run, which must end before this one starts (enqueue/interrupt)."""
    modes: tuple[str, ...] = ()
    """Extra LangGraph stream modes to publish (values, updates) for LangGraph clients."""


class RunManager:
    """Starts runs (inline or in a worker pool), cancels them, and reads thread state."""

    def __init__(self) -> None:
        settings = get_settings()
        self._conn = sqlite3.connect(
            settings.home_dir / "checkpoints.db", check_same_thread=False, timeout=30
        )
        self._conn.execute("PRAGMA journal_mode=WAL")
        self.checkpointer = SqliteSaver(self._conn)
        self.graph = build_graph(self.checkpointer)
        self.executor = ThreadPoolExecutor(settings.run_workers, thread_name_prefix="forgeflow-run")
        self._lock = threading.Lock()
        self._active: dict[str, _Active] = {}
        self._busy_threads: dict[str, str] = {}
        self._channels: dict[str, RunChannel] = {}

    # -- lifecycle ---------------------------------------------------------------------------

    def recover(self) -> int:
        """Mark runs left pending/running by a dead process as failed; return how many."""
        count = 0
        for status in ("pending", "running"):
            for run in run_store.list_runs(status=status, limit=10_000):
                run_store.update_run(
                    run["run_id"],
                    status="failed",
                    error={
                        "code": "server_restarted",
                        "message": "the server stopped while this run was in progress",
                        "hint": "start the goal again",
                    },
                )
                count += 1
        return count

    def shutdown(self) -> None:
        """Cancel active runs and stop the pool."""
        with self._lock:
            for active in self._active.values():
                active.cancel.set()
        self.executor.shutdown(wait=True, cancel_futures=True)
        self._conn.close()

    # -- starting runs -----------------------------------------------------------------------

    def create(
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
    ) -> tuple[dict[str, Any], RunContext]:
        """Validate, persist a pending run on its thread (409 if the thread is busy).

        On a thread waiting for a person (an interrupted run), the goal is that person's
        answer and the run resumes the graph where it stopped; `resume` gives it explicitly.
        """
        goal = (goal or "").strip()
        if resume is not None and not goal:
            goal = resume if isinstance(resume, str) else str(resume)
        if not goal:
            raise BadInput("the goal is empty", hint='send {"goal": "what you want done"}')
        if len(goal) > 10_000:
            raise BadInput("the goal is over 10,000 characters", hint="shorten the goal")
        settings = get_settings()
        attempts = max_attempts if max_attempts is not None else settings.max_attempts
        if not isinstance(attempts, int) or not 1 <= attempts <= 50:
            raise BadInput("max_attempts must be an integer from 1 to 50", hint="e.g. 3")
        with self._lock:
            after: RunChannel | None = None
            if thread_id and thread_id in self._busy_threads:
                busy = self._busy_threads[thread_id]
                if multitask_strategy == "reject":
                    raise Conflict(
                        f"thread {thread_id!r} is busy with run {busy}",
                        hint="wait for that run to finish, cancel it (POST /runs/{id}/cancel), "
                        "or send multitask_strategy 'enqueue' or 'interrupt'",
                        code="thread_busy",
                    )
                if multitask_strategy in ("interrupt", "rollback"):
                    self._active[busy].cancel.set()
                after = self._channels.get(busy)
            waiting = (
                bool(thread_id) and after is None and self.pending_interrupt(thread_id) is not None
            )
            if resume is not None and not waiting:
                raise Conflict(
                    f"thread {thread_id!r} is not waiting for an answer",
                    hint="send a new goal instead of a resume command",
                    code="nothing_to_resume",
                )
            tid = run_store.ensure_thread(thread_id, title=goal)
            request: dict[str, Any] = {
                "max_attempts": attempts,
                "dry_run": dry_run,
                "source": source,
            }
            if waiting or (after is not None and resume is not None):
                request["resume"] = resume if resume is not None else goal
            run = run_store.create_run(
                tid, goal, kind="resume" if waiting else "goal", request=request
            )
            cancel = threading.Event()
            channel = RunChannel(run["run_id"])
            self._busy_threads[tid] = run["run_id"]
            self._active[run["run_id"]] = _Active(
                run["run_id"], tid, cancel, channel, after=after, modes=stream_modes
            )
            self._channels[run["run_id"]] = channel
        context = RunContext(
            run_id=run["run_id"],
            max_attempts=attempts,
            dry_run=dry_run,
            credentials=dict(credentials or {}),
            cancel_event=cancel,
        )
        return run, context

    def start_background(self, run: dict[str, Any], context: RunContext) -> None:
        """Run in the worker pool."""
        self.executor.submit(self.execute, run, context)

    def channel(self, run_id: str) -> RunChannel:
        """The event channel of a run started by this process."""
        with self._lock:
            found = self._channels.get(run_id)
        if found is None:
            run_store.get_run(run_id)  # 404 when unknown
            raise NotFound(
                f"run {run_id!r} has no live event stream in this process",
                hint="read its final state with GET /runs/{id}",
            )
        return found

    # -- executing ---------------------------------------------------------------------------

    def execute(self, run: dict[str, Any], context: RunContext) -> dict[str, Any]:
        """Run the graph for one goal to its end; persist and publish everything; never raises."""
        run_id, thread_id = run["run_id"], run["thread_id"]
        channel = self._channels[run_id]
        active = self._active[run_id]
        previous = active.after
        if previous is not None:
            for _ in previous.iter_events():  # wait for the thread's previous run to end
                pass
        config = {"configurable": {"thread_id": thread_id}, "recursion_limit": 200}
        status, error, last_write = "completed", None, 0.0
        try:
            if context.cancel_event is not None and context.cancel_event.is_set():
                raise Cancelled(run_id)
            run_store.update_run(run_id, status="running", current_step="planning")
            channel.publish({"type": "status", "status": "running", "run_id": run_id})
            request = run_store.get_run_request(run_id)
            graph_input: Any = (
                Command(resume=request["resume"]) if "resume" in request else {"goal": run["goal"]}
            )
            for mode, event in self.graph.stream(
                graph_input,
                config,
                context=context,
                stream_mode=["custom", "updates", *[m for m in active.modes if m != "updates"]],
            ):
                if mode != "custom":
                    if mode in active.modes:
                        channel.publish({"type": "lg", "mode": mode, "data": event})
                    continue
                channel.publish(event)
                now = time.monotonic()
                if event.get("type") == "step" or now - last_write > PROGRESS_WRITE_INTERVAL:
                    last_write = now
                    fields: dict[str, Any] = {}
                    if "progress" in event:
                        fields["progress"] = float(event["progress"])
                    if event.get("tool"):
                        fields["current_step"] = (
                            f"{event['tool']}: {event.get('message') or event.get('status', '')}"
                        )
                    if fields:
                        run_store.update_run(run_id, **fields)
            snapshot = self.graph.get_state(config)
            values = snapshot.values
            if snapshot.interrupts:
                ask = snapshot.interrupts[0].value
                question = ask.get("question") if isinstance(ask, dict) else str(ask)
                status = "interrupted"
                result = {
                    "question": question,
                    "interrupt": ask,
                    "message": question,
                    "plan": values.get("plan"),
                    "steps": values.get("steps", []),
                }
                channel.publish({"type": "interrupt", "question": question, "interrupt": ask})
            else:
                result = dict(values.get("result") or {})
                result["message"] = values.get("answer", "")
                failed = [s for s in result.get("steps", []) if s.get("status") == "failed"]
                if failed:
                    status, error = "failed", failed[0]["error"]
        except Cancelled:
            status, result = "cancelled", {"message": "the run was cancelled"}
            error = {"code": "cancelled", "message": "the run was cancelled", "hint": ""}
        except ForgeflowError as exc:
            status, result, error = "failed", {"message": exc.message}, exc.to_dict()
        except Exception:  # noqa: BLE001 - a bug: logged in full, reported without a traceback
            log.exception("run %s failed", run_id)
            status, result = "failed", {"message": "internal error while running the goal"}
            error = {
                "code": "internal_error",
                "message": "internal error while running the goal",
                "hint": "the error was logged on the server",
            }
        progress = 100.0 if status == "completed" else None
        fields = {"status": status, "result": result, "error": error, "current_step": ""}
        if progress is not None:
            fields["progress"] = progress
        run_store.update_run(run_id, **fields)
        run_store.touch_thread(thread_id, title=run["goal"])
        final = run_store.get_run(run_id)
        # Free the thread before announcing the end, so a client that sends its next turn
        # the moment it reads the end never finds the thread still busy.
        with self._lock:
            self._active.pop(run_id, None)
            if self._busy_threads.get(thread_id) == run_id:
                del self._busy_threads[thread_id]
            for other in self._active.values():
                if other.after is channel:
                    other.after = None
            self._forget_old_channels()
        channel.publish({"type": "end", "run": final})
        channel.close()
        return final

    def _forget_old_channels(self, keep: int = 256) -> None:
        finished = [rid for rid, ch in self._channels.items() if ch.done]
        for rid in finished[: max(0, len(finished) - keep)]:
            del self._channels[rid]

    # -- control and reading -----------------------------------------------------------------

    def cancel(self, run_id: str) -> dict[str, Any]:
        """Ask a run to stop at its next step boundary; final runs are returned unchanged."""
        run = run_store.get_run(run_id)
        with self._lock:
            active = self._active.get(run_id)
        if active is None:
            if run["status"] in ("pending", "running"):
                run_store.update_run(run_id, status="cancelled")
                return run_store.get_run(run_id)
            return run
        active.cancel.set()
        return {**run, "cancel_requested": True}

    def thread_busy(self, thread_id: str) -> bool:
        """Whether a run of this process is active on the thread."""
        with self._lock:
            return thread_id in self._busy_threads

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
            "busy_with": self._busy_threads.get(thread_id),
            "waiting_for": self.pending_interrupt(thread_id),
            "runs": run_store.list_runs(thread_id=thread_id, limit=20),
        }


_managers: dict[str, RunManager] = {}
_managers_lock = threading.Lock()


def get_manager() -> RunManager:
    """The run manager for the current FORGEFLOW_HOME (one per process and home)."""
    key = str(get_settings().home_dir)
    with _managers_lock:
        if key not in _managers:
            _managers[key] = RunManager()
        return _managers[key]


def reset_managers() -> None:
    """Shut down every manager (tests switch FORGEFLOW_HOME)."""
    with _managers_lock:
        for manager in _managers.values():
            manager.shutdown()
        _managers.clear()
