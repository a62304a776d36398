"""Compare two saved `benchmarks/planner.py` results: aggregates and turns gained / lost.

Usage:

    .venv/bin/python benchmarks/planner_compare.py BEFORE.json[.gz] AFTER.json[.gz] [--ids]

Prints each result's aggregates (routing, argument accuracy, turn success, the
outcome-equivalent scores, plan time) and, over the turns both results hold, how many turns the
second gained and lost on routing and on success (strict and outcome-equivalent). `--ids` also
names the turns (`id#turn`) and is refused for a frozen or validation corpus (`heldout*` and
`planner_loco.VALIDATION`): those are read as counts only, never goal by goal.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from planner_loco import FROZEN, VALIDATION  # noqa: E402

KEYS = ("routed", "success", "routed_equivalent", "success_equivalent")


def load(path: Path) -> dict[str, Any]:
    """A saved result, gzipped or not."""
    raw = gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()
    return json.loads(raw)


def counted_only(result: dict[str, Any]) -> bool:
    """Whether a result's corpus may be read as counts only (frozen or validation)."""
    name = Path(str(result.get("corpus") or "")).name
    return name.startswith("heldout") or name in VALIDATION or name in FROZEN


def compare(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per score, the count in each result over the shared turns and the turns gained / lost."""
    old = {(t["id"], t["turn"]): t for t in before["details"]}
    new = {(t["id"], t["turn"]): t for t in after["details"]}
    shared = [key for key in old if key in new]
    out: dict[str, dict[str, Any]] = {}
    for score in KEYS:
        value_old = {k: bool(old[k].get(score, old[k].get(score.split("_")[0]))) for k in shared}
        value_new = {k: bool(new[k].get(score, new[k].get(score.split("_")[0]))) for k in shared}
        out[score] = {
            "shared": len(shared),
            "before": sum(value_old.values()),
            "after": sum(value_new.values()),
            "gained": [
                f"{i}#{n}" for (i, n) in shared if value_new[(i, n)] and not value_old[(i, n)]
            ],
            "lost": [
                f"{i}#{n}" for (i, n) in shared if value_old[(i, n)] and not value_new[(i, n)]
            ],
        }
    return out


def summary(result: dict[str, Any]) -> str:
    """One line of a result's aggregates."""
    eq = result.get("equivalent") or {}
    plan = result.get("plan_ms") or {}
    return (
        f"{result.get('corpus')}: {result['turns']} turns, routing {result['routing_accuracy']}, "
        f"arguments {result['argument_accuracy']}, success {result['turn_success']} "
        f"(equivalent {eq.get('routing')} / {eq.get('success')}), plan ms median "
        f"{plan.get('median')} p95 {plan.get('p95')}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--ids", action="store_true", help="name the turns gained and lost")
    args = parser.parse_args()
    before, after = load(args.before), load(args.after)
    if args.ids and (counted_only(before) or counted_only(after)):
        parser.error("--ids names turns: refused for a frozen or validation corpus (counts only)")
    print("before:", summary(before))
    print("after: ", summary(after))
    for score, row in compare(before, after).items():
        line = (
            f"{score}: {row['before']} -> {row['after']} of {row['shared']} "
            f"(+{len(row['gained'])}/-{len(row['lost'])})"
        )
        if args.ids:
            line += f" gained {row['gained']} lost {row['lost']}"
        print(line)


if __name__ == "__main__":
    main()
