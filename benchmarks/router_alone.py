"""The learned router alone against the planner's routing on a corpus's single goals (aggregates).

Usage (after a plan-only run of the same corpus by `benchmarks/planner.py --json RESULT`):

    .venv/bin/python benchmarks/router_alone.py benchmarks/goals/<set> RESULT.json [--min 0.8]

Each goal that does not expect a question is routed by `agents.router.route` alone (the router
trained on its usual rows, `FORGEFLOW_ROUTER_EXCLUDE` honoured) and scored as the planner's
routing is (look-ups a goal does not list ignored). Prints counts only, never goals: both right,
only the router, only the planner, and how often the router is right at or above a confidence
(`--min`), so frozen and validation sets can be read without reading their goals.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

IGNORED = ("inspect_dataset", "list_local_datasets", "preview_rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("result", type=Path, help="benchmarks/planner.py --plan-only --json file")
    parser.add_argument("--min", type=float, default=0.8, help="confidence to report at")
    args = parser.parse_args()
    sys.path.insert(0, str(Path.cwd()))
    from agents import router

    opener = gzip.open if args.result.suffix == ".gz" else open
    with opener(args.result, "rt") as handle:
        planned = {t["id"]: bool(t["routed"]) for t in json.load(handle)["details"]}
    counts = {"goals": 0, "both": 0, "router_only": 0, "planner_only": 0, "neither": 0}
    confident = confident_right = 0
    for line in (args.corpus / "goals.jsonl").read_text().splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if item["expect"].get("ask") or item["id"] not in planned:
            continue
        want = list(item["expect"].get("tools") or [])
        choice = router.route(item["goal"])
        got = [t for t in (choice.tools if choice else ()) if t not in IGNORED or t in want]
        by_router, by_planner = got == want, planned[item["id"]]
        counts["goals"] += 1
        key = {
            (True, True): "both",
            (True, False): "router_only",
            (False, True): "planner_only",
            (False, False): "neither",
        }[(by_router, by_planner)]
        counts[key] += 1
        if choice is not None and choice.confidence >= args.min:
            confident += 1
            confident_right += by_router
    counts["router"] = counts["both"] + counts["router_only"]
    counts["planner"] = counts["both"] + counts["planner_only"]
    counts[f"router_right_at_confidence_{args.min:g}"] = f"{confident_right}/{confident}"
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
