"""The built-in reporter: writes the answer message of a turn from its plan and step results."""

from __future__ import annotations

from typing import Any

LIST_KEYS = ("results", "datasets", "items", "models", "suggestions", "configs", "chunks")
METRIC_KEYS = ("auc", "f1", "macro_f1", "accuracy", "quality", "coverage", "log_loss")


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _list_lines(items: list[Any], limit: int = 10) -> list[str]:
    lines = []
    for i, item in enumerate(items[:limit], 1):
        if isinstance(item, dict):
            name = item.get("id") or item.get("name") or item.get("title") or "?"
            extra = [
                f"{k}={_fmt(item[k])}"
                for k in ("source", "downloads", "likes", "voteCount", "rows", "size")
                if item.get(k) not in (None, "")
            ]
            desc = str(item.get("description") or "")[:80]
            line = f"  {i}. {name}" + (f" ({', '.join(extra)})" if extra else "")
            lines.append(line + (f" — {desc}" if desc else ""))
        else:
            lines.append(f"  {i}. {item}")
    if len(items) > limit:
        lines.append(f"  … and {len(items) - limit} more")
    return lines


def summarise_output(tool: str, output: Any) -> list[str]:
    """A few readable lines about one tool's output."""
    if not isinstance(output, dict):
        return [f"  {str(output)[:300]}"]
    lines: list[str] = []
    if tool == "inspect_dataset":
        cols = ", ".join(f"{c['name']} ({c['dtype']})" for c in output.get("columns", [])[:12])
        more = len(output.get("columns", [])) - 12
        lines.append(
            f"  {output.get('rows')} rows; columns: {cols}" + (f" … +{more}" if more > 0 else "")
        )
        lines.append(f"  missing values: {output.get('missing_total', 0)}")
        if output.get("label_distribution"):
            dist = ", ".join(
                f"{k}: {v}" for k, v in list(output["label_distribution"].items())[:10]
            )
            lines.append(f"  label '{output.get('label_column')}': {dist}")
        return lines
    for key in LIST_KEYS:
        value = output.get(key)
        if isinstance(value, list):
            lines.append(f"  {len(value)} {key}:")
            lines.extend(_list_lines(value))
            break
    if "target_met" in output:
        target = output.get("target") or {}
        if target.get("value") is None:
            lines.append(f"  no target set: {output.get('attempts')} attempt(s)")
        else:
            lines.append(
                f"  target {target.get('metric', '')} {_fmt(target['value'])}: "
                f"{'met' if output['target_met'] else 'not met'} after "
                f"{output.get('attempts')} attempt(s)"
            )
    metrics = output.get("metrics") if isinstance(output.get("metrics"), dict) else output
    shown = [
        f"{k}={_fmt(metrics[k])}" for k in METRIC_KEYS if isinstance(metrics.get(k), int | float)
    ]
    if shown:
        where = metrics.get("measured_on") or output.get("split")
        if where == "given" and isinstance(output.get("dataset"), str):
            where = output["dataset"].rsplit("/", 1)[-1]
        where = {"heldout": "held-out hand labels", "validation": "the validation split"}.get(
            where, where
        )
        count = metrics.get("n_labels") or metrics.get("n")
        suffix = ""
        if where:
            suffix = f" (on {where}" + (f", {count} labeled rows" if count else "") + ")"
        lines.append("  " + ", ".join(shown) + suffix)
    baseline = output.get("baseline") or output.get("test_baseline")
    if isinstance(baseline, dict):
        base = [
            f"{k}={_fmt(baseline[k])}"
            for k in METRIC_KEYS
            if isinstance(baseline.get(k), int | float)
        ]
        if base:
            lines.append("  majority-class baseline: " + ", ".join(base))
    for key in ("path", "labeled_path", "model_path", "dataset_id", "message"):
        if isinstance(output.get(key), str) and output[key]:
            lines.append(f"  {key}: {output[key]}")
    failures = output.get("errors") or output.get("failures")
    if isinstance(failures, dict) and failures:
        lines.append("  failures: " + "; ".join(f"{k}: {v}" for k, v in failures.items()))
    return lines or ["  done"]


def write_answer(
    plan: dict[str, Any], steps: list[dict[str, Any]], *, dry_run: bool = False
) -> str:
    """The turn's answer: what ran, what came out, what failed and how to fix it."""
    if plan.get("question"):
        return str(plan["question"])
    if dry_run:
        lines = ["Plan (dry run, nothing was executed):"]
        for i, step in enumerate(plan.get("steps", []), 1):
            lines.append(f"{i}. {step['tool']}({_args_text(step.get('args', {}))})")
        if plan.get("targets"):
            lines.append(
                "Targets: " + ", ".join(f"{k} {_fmt(v)}" for k, v in plan["targets"].items())
            )
        return "\n".join(lines)
    lines: list[str] = []
    for i, step in enumerate(steps, 1):
        head = f"{i}. {step['tool']}"
        status = step.get("status")
        if status == "completed":
            lines.append(f"{head}:")
            lines.extend(summarise_output(step["tool"], step.get("output")))
        elif status == "unavailable":
            lines.append(f"{head}: not available in this version — {step['error']['message']}")
        elif status == "skipped":
            lines.append(f"{head}: skipped ({step.get('reason', 'an earlier step failed')})")
        elif status == "cancelled":
            lines.append(f"{head}: cancelled")
        else:
            err = step.get("error") or {}
            hint = f" Hint: {err['hint']}" if err.get("hint") else ""
            lines.append(f"{head}: failed — {err.get('message', 'error')}.{hint}")
    return "\n".join(lines) if lines else "Nothing to do."


def _args_text(args: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in args.items())
