"""Planner test helpers: a goal's plan as (tools in order, arguments by tool), with no question;
the arguments a patched function was called with."""

from __future__ import annotations

from typing import Any

from agents.planner import plan_goal


def plan_tools(goal: str) -> tuple[list[str], dict[str, dict]]:
    """Plan `goal` on an empty thread; fail when the planner asks back instead."""
    plan = plan_goal(goal)
    assert plan.question is None, plan.question
    return [s.tool for s in plan.steps], {s.tool: s.args for s in plan.steps}


def turn(manager: Any, goal: str, thread: str | None = None) -> dict[str, Any]:
    """Submit `goal` (on `thread`) to the run manager and wait for its run (120 s at most)."""
    run = manager.submit_goal(goal, thread_id=thread)
    return manager.wait(run["run_id"], timeout=120)


def calls_to(monkeypatch: Any, owner: Any, name: str) -> list[Any]:
    """Patch `owner.name` to record the first argument of each call (then call it); the list."""
    calls: list[Any] = []
    real = getattr(owner, name)

    def spy(first: Any, *rest: Any, **named: Any) -> Any:
        calls.append(first)
        return real(first, *rest, **named)

    monkeypatch.setattr(owner, name, spy)
    return calls
