"""Fresh-goal threshold settings scored from three leave-one-corpus-out runs (counts only).

Usage (after `benchmarks/planner_loco.py CORPORA CONFIGS --details DIR` with CONFIGS
'[{"ROUTER_FILL": 0.5, "ROUTER_ADD": 0.6, "ROUTER_LOOKUP": 0},
{"ROUTER_FILL": 0, "ROUTER_ADD": 0, "ROUTER_DROP": 0, "ROUTER_REPLACE": 0, "ROUTER_LOOKUP": 0},
{"ROUTER_FILL": 2, "ROUTER_ADD": 2, "ROUTER_DROP": 2, "ROUTER_REPLACE": 2}]': the first holds
the eleventh round's thresholds, `BASE`, the second lets every router choice pass, the third
none):

    .venv/bin/python benchmarks/router_thresholds.py DIR '{"fill": 0.3}' '{"lookup": 0.65}' ...

Only the threshold gate differs between the three runs, so a goal whose arbitration reached it
(its trace names the `relation` whose threshold applied) is routed as in the run with every
threshold 0 when the router's confidence is at or above the setting's threshold for that
relation (`lookup` too when the router planned look-ups only against the rules' action tools),
else as in the run with every threshold 2; any other goal as in the first run. Each setting
(overrides of the first run's values, given as BASE below) prints the goals routed right and
the goals gained and lost against the first run, per corpus; `--decisive` lists the goals whose
outcome a threshold decides (relation, look-ups only, confidence, who is right, corpus).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

BASE = {"fill": 0.5, "add": 0.6, "drop": 0.6, "replace": 0.3, "lookup": 0.0}
"""The thresholds of the first run (the eleventh round's; `lookup` 0: no look-up bar)."""

Key = tuple[str, str, bool]


def load(folder: Path, index: int) -> dict[Key, dict[str, Any]]:
    """Every turn of one config's details, by (corpus, id, conversation)."""
    out: dict[Key, dict[str, Any]] = {}
    for path in sorted(folder.glob(f"*.config{index}.json")):
        corpus = path.name.split(".")[0]
        for row in json.loads(path.read_text())["details"]:
            out[(corpus, row["id"], row["conversation"])] = row
    return out


def routed(key: Key, runs: list[dict[Key, dict[str, Any]]], setting: dict[str, float]) -> bool:
    """Whether the goal is routed right under `setting`."""
    first, low, high = (run[key] for run in runs)
    trace = low["router"]
    relation = trace.get("relation")
    if relation is None:
        return bool(first["routed"])
    threshold = setting[relation]
    if trace.get("lookups"):
        threshold = max(threshold, setting["lookup"])
    return bool(low["routed"] if trace["confidence"] >= threshold else high["routed"])


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--decisive"]
    if not args:
        raise SystemExit(__doc__)
    runs = [load(Path(args[0]), i) for i in range(3)]
    keys = [k for k in runs[0] if k in runs[1] and k in runs[2]]
    wrong = sum(routed(k, runs, BASE) != bool(runs[0][k]["routed"]) for k in keys)
    right = sum(bool(runs[0][k]["routed"]) for k in keys)
    print(
        f"{len(keys)} goals, first run {right} right; the first run's values re-scored: {wrong} differ"
    )
    for text in args[1:]:
        setting = {**BASE, **json.loads(text)}
        gained, lost, per = 0, 0, {}
        for key in keys:
            before, after = bool(runs[0][key]["routed"]), routed(key, runs, setting)
            if before != after:
                gained, lost = gained + after, lost + before
                per.setdefault(key[0], [0, 0])[0 if after else 1] += 1
        total = right + gained - lost
        changes = ", ".join(f"{c} +{g} -{ls}" for c, (g, ls) in sorted(per.items()))
        print(f"{text:<50} {total}/{len(keys)} +{gained} -{lost}  {changes}")
    if "--decisive" in sys.argv:
        rows = []
        for key in keys:
            trace = runs[1][key]["router"]
            if trace.get("relation") and runs[1][key]["routed"] != runs[2][key]["routed"]:
                who = "router" if runs[1][key]["routed"] else "rules"
                rows.append(
                    (trace["relation"], bool(trace.get("lookups")), trace["confidence"], who)
                )
                rows[-1] += (key[0],)
        for row in sorted(rows):
            print(f"  {row[0]:<8} lookups={row[1]!s:<5} {row[2]:.3f} {row[3]:<6} {row[4]}")


if __name__ == "__main__":
    main()
