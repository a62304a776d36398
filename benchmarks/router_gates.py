"""Which arbitration gate decided each single goal, and who was right there (aggregates only).

Usage (after a plan-only run by `benchmarks/planner.py --plan-only --kind goals --json RESULT`,
or `benchmarks/planner_loco.py --details DIR`, whose turns carry `router: {tools, confidence,
gate}`):

    .venv/bin/python benchmarks/router_gates.py benchmarks/goals/<set> RESULT.json[.gz] [--json]

For every single goal of the result, the gate of `_arbitrate` that decided its plan
(`agents/arbiter.py`: 'hard', 'question', 'threshold', ..., 'router' when the router's plan won,
'not_reached' when no arbitration ran) and the router's top-1 confidence band (>=0.9, 0.8-0.9,
0.6-0.8, <0.6, 'none'); per gate and band: how many goals, how many the router's top-1 routes
right and how many the planner's plan routes right (routing as in FORMAT.md: the tools minus
the look-ups a goal does not list; a goal that expects a question is right for the planner
only by asking, and never for the router, which cannot ask). Prints counts only, never goal
text or ids, so a validation set can be read without reading its goals. With `--follow-ups`
(on a conversation run's result), the same table over the conversations' turns after the first:
the follow-ups a thread's router arbitrates (its `FOLLOW_*` thresholds).
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

IGNORED = ("inspect_dataset", "list_local_datasets", "preview_rows")
BANDS = (">=0.9", "0.8-0.9", "0.6-0.8", "<0.6", "none")


def band(confidence: float | None) -> str:
    """The confidence band of a router answer."""
    if confidence is None:
        return "none"
    if confidence >= 0.9:
        return ">=0.9"
    if confidence >= 0.8:
        return "0.8-0.9"
    if confidence >= 0.6:
        return "0.6-0.8"
    return "<0.6"


def expectations(corpus: Path, follow_ups: bool = False) -> dict[tuple[str, int], dict[str, Any]]:
    """Each single goal's `expect` by (id, 0); with `follow_ups`, each conversation turn's after
    the first by (id, turn) instead (the turns a thread's router arbitrates).
    """
    out: dict[tuple[str, int], dict[str, Any]] = {}
    path = corpus / ("conversations.jsonl" if follow_ups else "goals.jsonl")
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if not follow_ups:
            out[(item["id"], 0)] = item["expect"]
            continue
        for number, turn in enumerate(item["turns"][1:], start=1):
            out[(item["id"], number)] = turn["expect"]
    return out


def table(
    corpus: Path, result: Path, follow_ups: bool = False
) -> dict[str, dict[str, dict[str, int]]]:
    """{gate: {band: {goals, router_right, planner_right, router_only, planner_only}}}."""
    opener: Any = gzip.open if result.suffix == ".gz" else open
    with opener(result, "rt", encoding="utf-8") as handle:
        details = json.load(handle)["details"]
    expects = expectations(corpus, follow_ups)
    counts: dict[str, dict[str, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: dict.fromkeys(KEYS, 0))
    )
    for turn in details:
        key = (turn["id"], turn.get("turn", 0))
        if bool(turn.get("conversation")) != follow_ups or key not in expects:
            continue
        expect = expects[key]
        trace = turn.get("router") or {"gate": "untraced", "tools": None, "confidence": None}
        want = list(expect.get("tools") or [])
        tools = trace.get("tools")
        got = [t for t in tools or () if t not in IGNORED or t in want]
        by_router = tools is not None and not expect.get("ask") and got == want
        by_planner = bool(turn["routed"])
        for key in (trace["gate"], "ALL"):
            row = counts[key][band(trace.get("confidence"))]
            row["goals"] += 1
            row["router_right"] += by_router
            row["planner_right"] += by_planner
            row["router_only"] += by_router and not by_planner
            row["planner_only"] += by_planner and not by_router
    return {g: dict(b) for g, b in counts.items()}


KEYS = ("goals", "router_right", "planner_right", "router_only", "planner_only")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("result", type=Path, help="planner.py --plan-only --json file (.gz too)")
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    parser.add_argument(
        "--follow-ups",
        action="store_true",
        help="the conversations' turns after the first (a conversation run's result) instead",
    )
    args = parser.parse_args()
    counts = table(args.corpus, args.result, args.follow_ups)
    if args.json:
        print(json.dumps(counts))
        return
    print(f"{'gate':<15} {'band':<8} " + " ".join(f"{k:>13}" for k in KEYS))
    order = sorted(counts, key=lambda g: (g == "ALL", -sum(r["goals"] for r in counts[g].values())))
    for gate in order:
        total = dict.fromkeys(KEYS, 0)
        for name in BANDS:
            row = counts[gate].get(name)
            if row is None:
                continue
            total = {k: total[k] + row[k] for k in KEYS}
            print(f"{gate:<15} {name:<8} " + " ".join(f"{row[k]:>13}" for k in KEYS))
        print(f"{gate:<15} {'all':<8} " + " ".join(f"{total[k]:>13}" for k in KEYS))


if __name__ == "__main__":
    main()
