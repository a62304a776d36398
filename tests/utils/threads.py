"""Thread memories for follow-up tests: what a thread holds after a look, a training, a labeling.

The follow-up tests of rounds 12 and 13 each built these by hand; a memory here is the shape
`agents.planner.remember` leaves (the keys the follow-up rules read), written once.
"""

from __future__ import annotations

from typing import Any


def looked_at(table: str, tool: str = "inspect_dataset") -> dict[str, Any]:
    """A thread whose last turn only looked at `table` (inspected or previewed it)."""
    return {
        "dataset": table,
        "results": [{"tool": tool, "metrics": {}}],
        "last_call": {"tool": tool, "args": {"dataset": table}},
    }


def trained(
    model: str,
    table: str,
    label: str,
    metrics: dict[str, float] | None = None,
    kind: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A thread that trained `model` on `table` to predict `label` (`kind`: the training's
    model kind, its `model` argument; extra: more training args)."""
    args = {"dataset": table, "label_column": label, **extra}
    if kind:
        args["model"] = kind
    result = {
        "tool": "train_model",
        "metrics": dict(metrics or {"accuracy": 0.8}),
        "model_path": model,
    }
    return {
        "model": model,
        "dataset": table,
        "results": [result],
        "models": [{"path": model, "dataset": table, "label_column": label}],
        "trainings": [{"tool": "train_model", "args": dict(args)}],
        "last_loop": {**result, "args": dict(args)},
        "last_call": {"tool": "train_model", "args": dict(args)},
    }


def labeled(run_dir: str, table: str, label: str, gold: str | None = None) -> dict[str, Any]:
    """A thread whose labeling run wrote `run_dir`/labeled.parquet from `table`."""
    args: dict[str, Any] = {"data_path": table, "label_column": label}
    if gold:
        args["gold_path"] = gold
    path = f"{run_dir}/labeled.parquet"
    result = {
        "tool": "label_dataset",
        "metrics": {"auc": 0.9, "f1_macro": 0.7, "accuracy": 0.75},
        "labeled_path": path,
        "target": {"metric": "auc", "value": 0.85},
        "target_met": True,
    }
    return {
        "dataset": table,
        "labeled": path,
        "labeled_sources": {path: table},
        "last_table": path,
        "results": [result],
        "last_loop": {**result, "args": dict(args)},
        "last_call": {"tool": "label_dataset", "args": dict(args)},
    }


def planned_steps(goal: str, memory: dict[str, Any] | None = None) -> list[tuple[str, dict]]:
    """The (tool, arguments) of each step `plan_goal` plans for a turn on this memory; the plan
    must ask nothing.
    """
    from agents.planner import plan_goal

    plan = plan_goal(goal, memory or {})
    assert plan.question is None, plan.question
    return [(s.tool, s.args) for s in plan.steps]
