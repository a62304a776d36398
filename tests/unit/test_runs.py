"""The run manager in-process (SQLite): one run model, cancel mid-step, max_attempts, recovery."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest
from langchain_core.messages import AIMessage, HumanMessage

from graphs.runner import MAX_RECOVERIES, get_manager, reset_managers
from store import runs as run_store
from store.db import session, utcnow
from store.models import RunRow
from tests.utils.training_data import put, text_frame, workspace


@pytest.fixture
def manager(home) -> Any:
    manager = get_manager()
    yield manager
    reset_managers()


def _wait_for(predicate: Any, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def test_goal_tool_and_job_share_one_table_and_vocabulary(manager: Any) -> None:
    goal = manager.submit_goal("inspect iris")
    tool = manager.submit_tool("inspect_dataset", {"dataset": "wine"}, source="tools")
    finals = [manager.wait(r["run_id"], timeout=120) for r in (goal, tool)]
    assert [f["status"] for f in finals] == ["completed", "completed"]
    assert [f["kind"] for f in finals] == ["goal", "tool"]
    assert finals[1]["result"]["output"]["rows"] == 178 and finals[1]["progress"] == 100.0
    listed = {r["run_id"] for r in run_store.list_runs()}
    assert {goal["run_id"], tool["run_id"]} <= listed
    events = [e for _, e in manager.events(tool["run_id"], timeout=5)]
    assert events[0]["type"] == "status" and events[-1]["type"] == "end"
    assert events[-1]["run"]["status"] == "completed"


def test_bad_tool_arguments_are_refused_before_a_run_exists(manager: Any) -> None:
    from errors import InvalidArguments

    with pytest.raises(InvalidArguments):
        manager.submit_tool("inspect_dataset", {"dataset": 5}, source="tools")
    assert run_store.list_runs() == []


@pytest.mark.parametrize(
    "goal",
    [
        "what columns does ../../../var/log/app.csv have",
        "fit a classifier on ~/Downloads/leads.csv",
        "label /srv/share/tickets.csv then train on it",
    ],
)
def test_a_goal_naming_a_path_out_of_the_workspace_is_refused_before_a_run(
    manager: Any, goal: str
) -> None:
    from errors import Forbidden

    with pytest.raises(Forbidden) as refused:
        manager.submit_goal(goal, thread_id="thr-out")
    assert refused.value.code == "path_outside_workspace"
    assert refused.value.hint and "inside" in refused.value.hint
    assert run_store.list_runs() == []
    assert "thr-out" not in {t["thread_id"] for t in run_store.list_threads()}


def test_cancel_stops_a_step_while_it_runs(manager: Any) -> None:
    data = put(text_frame(400, seed=1), "posts.csv")
    run = manager.submit_tool(
        "train_model",
        {"dataset": data, "label_column": "label", "model": "mlp", "epochs": 2000, "patience": 200},
        source="tools",
    )
    run_id = run["run_id"]

    def training() -> bool:
        return any("epoch" in str(e.get("message", "")) for _, e in run_store.read_events(run_id))

    _wait_for(training)
    assert run_store.get_run(run_id)["status"] == "running"
    manager.cancel(run_id)
    final = manager.wait(run_id, timeout=60)
    assert final["status"] == "cancelled"
    assert final["error"]["code"] == "cancelled"
    epochs = [
        e["epoch"] for _, e in run_store.read_events(run_id) if isinstance(e.get("epoch"), int)
    ]
    assert epochs and max(epochs) < 2000  # stopped inside the step, long before its end
    # The half-trained model folder is removed and reported, not left behind.
    assert final["result"]["removed_outputs"]
    assert not list((workspace() / "models").glob("*/"))


def test_max_attempts_reaches_the_loop(manager: Any) -> None:
    goal = "train a classifier on digits to accuracy 100%"
    one = manager.wait(manager.submit_goal(goal, max_attempts=1)["run_id"], timeout=300)
    three = manager.wait(manager.submit_goal(goal, max_attempts=3)["run_id"], timeout=300)
    assert one["status"] == three["status"] == "completed"
    assert one["result"]["attempts"] == 1
    assert three["result"]["attempts"] == 3
    assert not three["result"]["target_met"]


def _crash_mid_turn(manager: Any, goal: str, tries: int) -> tuple[str, str]:
    """A goal run whose process died after its first step: checkpoints, a stale lease."""
    thread = run_store.ensure_thread("thr_crash", title=goal)
    created = run_store.create_run(kind="goal", source="generate", goal=goal, thread_id=thread)
    run_id = created["run_id"]
    run_store.reserve_thread(thread, run_id, queue=False)
    config = {"configurable": {"thread_id": thread}, "metadata": {"run_id": run_id}}
    from graphs.state import RunContext

    stream = manager.graph.stream(
        {"goal": goal}, config, context=RunContext(run_id=run_id), durability="sync"
    )
    for update in stream:  # stop after the first tool step, as a kill -9 would
        if "dispatch" in update:
            break
    stream.close()
    with session() as s:
        row = s.get(RunRow, run_id)
        row.status, row.owner, row.tries = "running", "serve:gone:1:x", tries
        row.started_at = row.heartbeat_at = utcnow() - timedelta(minutes=5)
    return run_id, thread


def _roles(manager: Any, thread: str) -> list[str]:
    return [m["role"] for m in manager.thread_state(thread)["messages"]]


def test_a_run_left_by_a_dead_process_resumes_from_its_last_step(manager: Any) -> None:
    run_id, thread = _crash_mid_turn(manager, "inspect iris then inspect wine", tries=1)
    assert manager.recover() == 1
    final = manager.wait(run_id, timeout=120)
    assert final["status"] == "completed" and final["tries"] == 2
    steps = final["result"]["steps"]
    assert [s["status"] for s in steps] == ["completed", "completed"]
    assert steps[1]["output"]["rows"] == 178
    assert _roles(manager, thread) == ["user", "assistant"]


def test_a_run_that_keeps_dying_fails_answers_its_turn_and_retries(manager: Any) -> None:
    run_id, thread = _crash_mid_turn(manager, "inspect iris then inspect wine", MAX_RECOVERIES + 1)
    manager.recover()
    failed = manager.wait(run_id, timeout=120)
    assert failed["status"] == "failed"
    assert failed["error"]["code"] == "executor_lost"
    assert f"/runs/{run_id}/retry" in failed["error"]["hint"]
    # The person's message is not left unanswered on the thread.
    state = manager.thread_state(thread)
    assert [m["role"] for m in state["messages"]] == ["user", "assistant"]
    assert "did not finish" in state["messages"][-1]["content"]
    assert not manager.thread_busy(thread)

    retried = manager.retry(run_id)
    assert retried["status"] == "pending" and retried["run_id"] == run_id
    final = manager.wait(run_id, timeout=120)
    assert final["status"] == "completed"
    # Resumed from the last completed step: the first step's output was not recomputed.
    assert [s["status"] for s in final["result"]["steps"]] == ["completed", "completed"]
    values = manager.graph.get_state({"configurable": {"thread_id": thread}}).values
    kinds = [type(m) for m in values["messages"]]
    assert kinds == [HumanMessage, AIMessage]


def test_retry_refuses_runs_that_did_not_fail(manager: Any) -> None:
    from errors import Conflict

    run = manager.wait(manager.submit_goal("inspect iris")["run_id"], timeout=120)
    with pytest.raises(Conflict):
        manager.retry(run["run_id"])


def test_cancel_a_pending_run_and_a_finished_one(manager: Any) -> None:
    created = run_store.create_run(kind="tool", target="inspect_dataset", source="tools")
    cancelled = manager.cancel(created["run_id"])
    assert cancelled["status"] == "cancelled"
    assert manager.cancel(created["run_id"])["status"] == "cancelled"


def test_cli_runs_show_cancel_and_retry(manager: Any) -> None:
    import json as _json

    from typer.testing import CliRunner

    from cli import app

    runner = CliRunner()
    created = run_store.create_run(
        kind="tool", target="inspect_dataset", source="tools", request={"args": {"dataset": "iris"}}
    )
    run_id = created["run_id"]
    shown = runner.invoke(app, ["runs", "show", run_id])
    assert shown.exit_code == 0 and _json.loads(shown.stdout)["status"] == "pending"
    cancelled = runner.invoke(app, ["runs", "cancel", run_id])
    assert cancelled.exit_code == 0 and "cancelled" in cancelled.stdout
    retried = runner.invoke(app, ["runs", "retry", run_id, "--wait"])
    assert retried.exit_code == 0, retried.stdout
    assert run_store.get_run(run_id)["status"] == "completed"
    assert run_store.get_run(run_id)["result"]["output"]["rows"] == 150
    listed = runner.invoke(app, ["runs", "list", "--json"])
    assert run_id in listed.stdout
    missing = runner.invoke(app, ["runs", "show", "run_nope"])
    assert missing.exit_code == 2


def test_a_cancel_between_claim_and_start_is_not_lost(home: Any, monkeypatch: Any) -> None:
    """A cancel that arrives after an executor claimed the run, before it registered it.

    That window is where the 'interrupt' strategy's cancel of a just-submitted run lands; the
    cancel then reaches only the store, and the run must still end cancelled, not completed.
    The heartbeat (which would notice the stored flag a second later) is slowed to a minute so
    that only the executor's own check can stop the run.
    """
    from settings import reset_settings

    monkeypatch.setenv("FORGEFLOW_HEARTBEAT_INTERVAL", "60")
    reset_settings()
    manager = get_manager()
    claim = run_store.claim_run

    def claim_then_cancel(run_id: str, owner: str, stale_after: float) -> Any:
        run = claim(run_id, owner, stale_after)
        if run is not None:
            manager.cancel(run_id)  # nothing registered yet: only the stored flag is set
        return run

    monkeypatch.setattr(run_store, "claim_run", claim_then_cancel)
    try:
        run = manager.submit_tool("inspect_dataset", {"dataset": "iris"}, source="tools")
        final = manager.wait(run["run_id"], timeout=120)
    finally:
        reset_managers()
    assert final["status"] == "cancelled"
    assert final["error"]["code"] == "cancelled"


def test_a_job_put_back_while_this_process_runs_it_does_not_run_it_twice(
    manager: Any, monkeypatch: Any
) -> None:
    """The queue's sweep can hand a worker a job for a run that same worker still executes.

    In a database outage the queue's worker loop loses its connection and its heartbeat, so
    the job is put back while the run goes on here under this process's own lease. A second
    execution would claim that lease and redo the step over the same files (CI saw a training
    step's curves.png vanish under it). It must wait for the first and find the run ended.
    """
    import threading

    started = threading.Event()
    release = threading.Event()
    calls: list[str] = []
    real = manager._execute_claimed

    def held(run: dict, active: Any) -> None:
        calls.append(run["run_id"])
        if len(calls) == 1:
            started.set()
            assert release.wait(60)
        real(run, active)

    monkeypatch.setattr(manager, "_execute_claimed", held)
    run = manager.submit_tool("inspect_dataset", {"dataset": "iris"}, source="tools")
    assert started.wait(60)
    again = threading.Thread(target=manager.execute_run, args=(run["run_id"],))
    again.start()  # the job the queue put back, in this same process
    again.join(timeout=1.0)
    assert again.is_alive() and calls == [run["run_id"]]  # it waits; it did not execute
    release.set()
    again.join(timeout=120)
    assert not again.is_alive()
    final = manager.wait(run["run_id"], timeout=120)
    assert final["status"] == "completed" and final["tries"] == 1
    assert calls == [run["run_id"]]
