"""Leave-one-corpus-out goal routing of the built-in planner on the tunable corpora.

Usage (from the checkout whose planner is measured):

    .venv/bin/python benchmarks/planner_loco.py dev,fresh3,fresh4 [CONFIGS] [-v] [--goals-only]

Every single-turn goal of each named corpus, and every conversation's first turn (a thread's
first message: planned on an empty memory, as the graph plans it; `--goals-only` skips them,
`--first-turns-only` scores only them), is planned with `plan_goal` (no graph, no tool runs)
in a fresh FORGEFLOW_HOME holding the corpus's data, with the learned router trained WITHOUT that
corpus (`agents/router.py`, the same knob as FORGEFLOW_ROUTER_EXCLUDE), and scored as
`benchmarks/planner.py` scores routing: the planned tools, minus the look-ups a goal does not
list, equal the expected ones (a goal expecting a question: a question and no step). These are
development figures: the tunable corpora are tuned on. The frozen and validation corpora
(heldout*, and the validation sets fresh15 and fresh18) are refused.

CONFIGS is a JSON list of overrides of `agents.planner` module constants, each planned in turn
(e.g. the router's arbitration thresholds: '[{}, {"ROUTER_FILL": 2, "ROUTER_ADD": 2,
"ROUTER_DROP": 2, "ROUTER_REPLACE": 2}]' compares the planner with and without the router); the
router's answers are cached per goal across configs. `-v` prints every goal the first config
misroutes. Goals and first turns are counted apart (`goals`, `first turns`) and together.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent / "goals"
IGNORED = ("inspect_dataset", "list_local_datasets", "preview_rows")
FROZEN = ("fresh15", "fresh18")


def main() -> None:
    flags = ("-v", "--goals-only", "--first-turns-only")
    args = [a for a in sys.argv[1:] if a not in flags]
    verbose = "-v" in sys.argv[1:]
    kinds: tuple[str, ...] = ("goals", "first turns")
    if "--goals-only" in sys.argv[1:]:
        kinds = ("goals",)
    elif "--first-turns-only" in sys.argv[1:]:
        kinds = ("first turns",)
    if not args:
        raise SystemExit(__doc__)
    corpora = [c for c in args[0].split(",") if c]
    configs: list[dict[str, Any]] = json.loads(args[1]) if len(args) > 1 else [{}]
    for name in corpora:
        if name.startswith("heldout") or name in FROZEN:
            raise SystemExit(f"{name} is a frozen or validation corpus: never tuned on")
    sys.path.insert(0, str(Path.cwd()))

    import agents.planner as planner
    from agents import router
    from settings import reset_settings
    from store.db import reset_engines

    current: dict[str, frozenset[str]] = {"exclude": frozenset()}
    route = router.route

    @functools.cache
    def cached(goal: str, exclude: frozenset[str]) -> router.Route | None:
        return route(goal, exclude=exclude)

    router.route = lambda goal, exclude=None: cached(
        goal, current["exclude"] if exclude is None else exclude
    )
    base = Path(tempfile.mkdtemp(prefix="ff-loco-"))
    totals = {kind: [[0, 0] for _ in configs] for kind in kinds}
    for name in corpora:
        corpus = ROOT / name
        home = base / name
        (home / "workspace").mkdir(parents=True)
        subprocess.run(
            [sys.executable, str(corpus / "make_data.py"), str(home / "workspace")],
            check=True,
            cwd=base,
            stdout=subprocess.DEVNULL,
        )
        os.environ["FORGEFLOW_HOME"] = str(home)
        reset_settings()
        reset_engines()
        current["exclude"] = frozenset({name})
        started = time.perf_counter()
        model = router._model(current["exclude"])  # fitted now (or loaded from the cache)
        print(f"{name}: router of {model.size} rows in {time.perf_counter() - started:.1f} s")
        for kind in kinds:
            goals = _items(corpus, kind)
            if not goals:
                continue
            for index, config in enumerate(configs):
                for key, value in config.items():
                    setattr(planner, key, value)
                right = sum(_routed(planner, item, verbose and index == 0) for item in goals)
                totals[kind][index][0] += right
                totals[kind][index][1] += len(goals)
                print(
                    f"{name} {kind} config {index}: {right}/{len(goals)} = "
                    f"{right / len(goals):.3f}",
                    flush=True,
                )
    for index, config in enumerate(configs):
        for kind in kinds:
            right, n = totals[kind][index]
            print(f"ALL {kind} config {index} {config}: {right}/{n} = {right / max(n, 1):.4f}")
        right = sum(totals[kind][index][0] for kind in kinds)
        n = sum(totals[kind][index][1] for kind in kinds)
        print(f"ALL config {index} {config}: {right}/{n} = {right / max(n, 1):.4f}")


def _items(corpus: Path, kind: str) -> list[dict[str, Any]]:
    """The corpus's single-turn goals, or its conversations' first turns as goal items."""
    path = corpus / ("goals.jsonl" if kind == "goals" else "conversations.jsonl")
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    if kind == "goals":
        return items
    return [
        {"id": f"{c['id']}#1", "goal": c["turns"][0]["user"], "expect": c["turns"][0]["expect"]}
        for c in items
    ]


def _routed(planner: Any, item: dict[str, Any], verbose: bool) -> bool:
    """Whether the planner routes one goal as expected (scored as benchmarks/planner.py does)."""
    expect = item["expect"]
    want = list(expect.get("tools") or [])
    plan = planner.plan_goal(item["goal"], {})
    got = [s.tool for s in plan.steps]
    kept = [t for t in got if t not in IGNORED or t in want]
    ok = (bool(plan.question) and not got) if expect.get("ask") else kept == want
    if verbose and not ok:
        print(f"  BAD {item['id']} {item['goal'][:110]!r}\n      want={want} got={got}")
    return ok


if __name__ == "__main__":
    main()
