"""The self-correction loop shape as a reusable subgraph: produce, measure, stop or diagnose/adjust."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypedDict

from langgraph.graph import END, START, StateGraph


class LoopState(TypedDict, total=False):
    """State of one self-correcting loop."""

    config: dict[str, Any]
    """What the next attempt will use (LF set, hyper-parameters, generation settings)."""
    attempts: int
    """Attempts made so far."""
    max_attempts: int
    """The bound: the loop stops here even if the target is not met."""
    target: dict[str, Any]
    """{"metric": name, "value": threshold, "higher_is_better": bool}."""
    last: dict[str, Any]
    """The latest attempt: {"attempt", "config", "metrics", "artifacts"}."""
    best: dict[str, Any] | None
    """The best attempt seen so far by the target metric."""
    history: list[dict[str, Any]]
    """Every attempt's config, metrics and the changes that led to it."""
    target_met: bool
    """Whether the best attempt meets the target."""


Producer = Callable[[dict[str, Any]], dict[str, Any]]
Measurer = Callable[[dict[str, Any]], dict[str, float]]
Adjuster = Callable[[dict[str, Any], list[dict[str, Any]]], tuple[dict[str, Any], list[str]]]


def meets(target: dict[str, Any], metrics: dict[str, float]) -> bool:
    """Whether `metrics` reach `target` (respecting the direction of the metric)."""
    value = metrics.get(target["metric"])
    if value is None:
        return False
    if target.get("higher_is_better", True):
        return value >= target["value"]
    return value <= target["value"]


def better(target: dict[str, Any], a: dict[str, Any], b: dict[str, Any] | None) -> bool:
    """Whether attempt `a` beats attempt `b` on the target metric."""
    if b is None:
        return True
    metric = target["metric"]
    va, vb = a["metrics"].get(metric), b["metrics"].get(metric)
    if va is None:
        return False
    if vb is None:
        return True
    return va > vb if target.get("higher_is_better", True) else va < vb


def build_loop(produce: Producer, measure: Measurer, adjust: Adjuster):  # noqa: ANN201
    """Compile produce → measure → (target met or out of attempts? stop) → adjust → produce.

    `produce(config)` returns the attempt's output (artifacts), `measure(output)` its metrics
    on data the loop did not tune on, `adjust(config, history)` the next config and the
    list of changes it made; a next config with `stop` set ends the loop at the best attempt
    so far (the adjuster found nothing left to try).
    """

    def produce_node(state: LoopState) -> LoopState:
        output = produce(state.get("config", {}))
        return {"last": {"config": state.get("config", {}), "output": output}}

    def measure_node(state: LoopState) -> LoopState:
        attempt = state.get("attempts", 0) + 1
        last = {**state["last"], "attempt": attempt, "metrics": measure(state["last"]["output"])}
        best = state.get("best")
        if better(state["target"], last, best):
            best = last
        history = [*state.get("history", []), {k: v for k, v in last.items() if k != "output"}]
        return {
            "attempts": attempt,
            "last": last,
            "best": best,
            "history": history,
            "target_met": meets(state["target"], best["metrics"]),
        }

    def route(state: LoopState) -> Literal["adjust", "__end__"]:
        done = state["target_met"] or state["attempts"] >= state["max_attempts"]
        return END if done else "adjust"

    def adjust_node(state: LoopState) -> LoopState:
        config, changes = adjust(state.get("config", {}), state.get("history", []))
        history = list(state["history"])
        history[-1] = {**history[-1], "next_changes": changes}
        return {"config": config, "history": history}

    def after_adjust(state: LoopState) -> Literal["produce", "__end__"]:
        return END if state.get("config", {}).get("stop") else "produce"

    graph = StateGraph(LoopState)
    graph.add_node("produce", produce_node)
    graph.add_node("measure", measure_node)
    graph.add_node("adjust", adjust_node)
    graph.add_edge(START, "produce")
    graph.add_edge("produce", "measure")
    graph.add_conditional_edges("measure", route, ["adjust", END])
    graph.add_conditional_edges("adjust", after_adjust, ["produce", END])
    return graph.compile()


def run_loop(
    produce: Producer,
    measure: Measurer,
    adjust: Adjuster,
    *,
    config: dict[str, Any],
    target: dict[str, Any],
    max_attempts: int,
) -> dict[str, Any]:
    """Run a loop to its exit and return the loop fields every workflow reports."""
    final = build_loop(produce, measure, adjust).invoke(
        {"config": config, "attempts": 0, "max_attempts": max_attempts, "target": target},
        {"recursion_limit": 4 * max_attempts + 10},
    )
    best = final["best"]
    return {
        "target": target,
        "target_met": final["target_met"],
        "attempts": final["attempts"],
        "best_attempt": best["attempt"],
        "best": best,
        "history": final["history"],
    }
