"""Study: route conversation follow-ups with the learned router given the thread's state.

Usage (from the checkout whose router is measured; a few minutes: three fits):

    .venv/bin/python benchmarks/router_followups.py [--json OUT | --preds KEPT] [RUN.json[.gz] ...]

The router (`agents/router.py`, trained on goals, openings and the follow-ups of
`agents/data/followups.tsv` with their thread-state tokens) is fitted on three writer-group
folds, each holding out five corpora (their goals, openings and follow-ups), and routes each
held-out later turn of the conversation corpora with the state the earlier turns' expected
tools give (`agents.thread_state.from_turns`, the rows' own function). Printed: top-1 overall,
and for the conversation runs given (`benchmarks/planner.py --json` results of the
conversation corpora), how the planner's thread arbitration would change their routing at
each pair of thresholds (`FOLLOW_FILL` where the rules planned nothing, `FOLLOW_LOOKUP` where
they planned look-ups only), with each run's corpus left out of the pick (leave-one-corpus-out:
the thresholds reported for a corpus are the best on the other runs). `--json OUT` keeps every
turn's prediction; `--preds KEPT` reuses them (no fit). The frozen and validation corpora are
never read.
"""

from __future__ import annotations

import gzip
import itertools
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
GROUPS = (
    {"dev", "fresh5", "fresh9", "fresh12", "fresh16"},
    {"fresh3", "fresh6", "fresh10", "fresh13", "fresh17"},
    {"fresh4", "fresh7", "fresh8", "fresh11", "fresh14"},
)
IGNORED = ("inspect_dataset", "list_local_datasets", "preview_rows")
GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 2.0)


def follow_ups(corpus: str) -> list[dict[str, Any]]:
    """Each later turn not expecting a question: id, label, wording, state."""
    from agents import router
    from agents.thread_state import from_turns

    out = []
    path = ROOT / "goals" / corpus / "conversations.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        conversation = json.loads(line)
        turns = conversation["turns"]
        for index, turn in enumerate(turns[1:], 1):
            if turn["expect"].get("ask"):
                continue
            out.append(
                {
                    "id": f"{conversation['id']}:{index}",
                    "label": router._label(tuple(turn["expect"].get("tools") or ())),
                    "text": " ".join(turn["user"].split()),
                    "state": from_turns(turns[:index]),
                }
            )
    return out


def predict() -> dict[str, dict[str, Any]]:
    """Every follow-up's held-out prediction (label, guess, confidence), by turn id."""
    from agents import router
    from benchmarks.goals.export_phrasings import FOLLOW_UPS

    out: dict[str, dict[str, Any]] = {}
    for group in GROUPS:
        model = router._model(frozenset(group), threads=True)
        for corpus in FOLLOW_UPS:
            if corpus not in group:
                continue
            for row in follow_ups(corpus):
                best = model.predict(row["text"], row["state"])[0]
                guess = router._label(best.tools)
                out[row["id"]] = {**row, "corpus": corpus, "guess": guess, "p": best.confidence}
    return out


def _gain(turns: list[dict[str, Any]], fill: float, lookup: float, replace: float) -> int:
    """Turns routed right minus before, if the router filled at these thresholds (an upper
    bound of what changes: hard evidence, which keeps the rules' plan, is not known here).
    """
    gain = 0
    for t in turns:
        kind = t["kind"]
        threshold = fill if kind == "nothing" else lookup if kind == "lookup" else replace
        if t["guess"] == "none" or t["p"] < threshold or t["guess"] == t["planned"]:
            continue
        gain += (t["guess"] == t["label"]) - t["routed"]
    return gain


def thresholds(preds: dict[str, dict[str, Any]], runs: list[Path]) -> None:
    """Leave-one-run-out pick of (FOLLOW_FILL, FOLLOW_LOOKUP, FOLLOW_REPLACE) on the given
    conversation runs.
    """
    by_run: dict[str, list[dict[str, Any]]] = {}
    for path in runs:
        raw = path.read_bytes()
        details = json.loads(gzip.decompress(raw) if path.suffix == ".gz" else raw)["details"]
        turns = []
        for d in details:
            key = f"{d['id']}:{d.get('turn')}"
            if key not in preds or d.get("asked"):
                continue
            planned = [t for t in d["planned"]]
            core = [t for t in planned if t not in IGNORED]
            kind = "nothing" if not planned else "lookup" if not core else "tools"
            turns.append(
                {
                    **preds[key],
                    "routed": bool(d["routed"]),
                    "kind": kind,
                    "planned": ",".join(planned),
                }
            )
        by_run[path.name] = turns
    grid = list(itertools.product(GRID, GRID, GRID))
    for name, turns in by_run.items():
        others = [t for n, ts in by_run.items() if n != name for t in ts]
        best = max(grid, key=lambda g: (_gain(others, *g), g))
        print(
            f"{name}: {len(turns)} follow-ups, planner {sum(t['routed'] for t in turns)}; "
            f"picked on the others fill {best[0]} look-up {best[1]} replace {best[2]} "
            f"(others {_gain(others, *best):+d}) -> this run {_gain(turns, *best):+d}"
        )
    every = [t for ts in by_run.values() for t in ts]
    for g in sorted(grid, key=lambda g: -_gain(every, *g))[:8]:
        print(f"all runs: fill {g[0]} look-up {g[1]} replace {g[2]}: {_gain(every, *g):+d}")


def main() -> None:
    args = sys.argv[1:]
    out = kept = None
    if "--json" in args:
        out = Path(args[args.index("--json") + 1])
        args = [a for i, a in enumerate(args) if a != "--json" and args[i - 1 : i] != ["--json"]]
    if "--preds" in args:
        kept = Path(args[args.index("--preds") + 1])
        args = [a for i, a in enumerate(args) if a != "--preds" and args[i - 1 : i] != ["--preds"]]
    preds = json.loads(kept.read_text()) if kept is not None else predict()
    right = sum(p["guess"] == p["label"] for p in preds.values())
    print(f"follow-ups, router only, with the thread state: {right}/{len(preds)}")
    if out is not None:
        out.write_text(json.dumps(preds, indent=1))
    if args:
        thresholds(preds, [Path(a) for a in args])


if __name__ == "__main__":
    sys.path.insert(0, str(Path.cwd()))
    main()
