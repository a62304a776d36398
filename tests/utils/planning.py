"""Planner test helper: a goal's plan as (tools in order, arguments by tool), with no question."""

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
