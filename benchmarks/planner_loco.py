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
(heldout*, and the validation sets fresh15, fresh18, fresh19, fresh20 and fresh21) are
refused.

`--selection` measures the arbitration selection set instead (`SELECTION`: fresh15, fresh18,
fresh19, fresh20, fresh21, fifteenth round), and only it: read as aggregates, never goal by
goal. It refuses any other corpus, `-v` and `--only` (both name goals); its per-corpus and total
counts are all it prints, and `--details` (goal ids and plans, for `benchmarks/router_gates.py`,
which prints counts only) is the one output that holds turns. These corpora are no router rows,
so every turn is planned with the shared fit (the router trained on all its rows).

CONFIGS is a JSON list of overrides of `agents.planner` module constants, each planned in turn
(e.g. the router's arbitration thresholds: '[{}, {"ROUTER_FILL": 2, "ROUTER_ADD": 2,
"ROUTER_DROP": 2, "ROUTER_REPLACE": 2}]' compares the planner with and without the router); the
router's answers are cached per goal across configs. A config may also set the benchmark knob
`"FORGEFLOW_ROUTER_OVERRULE": "hard@0.9"` (`agents/arbiter.py`); every config starts from the
module's own values (what an earlier config set is undone). Each later config reports how many
goals it gains and loses against the first. `-v` prints every goal the first config misroutes.
`--details DIR` writes each corpus's turns per config (DIR/<corpus>.config<i>.json, with the
router's choice and the deciding gate) for `benchmarks/router_gates.py` (with the router's five most probable sequences, `top`).
`--only FILE` plans only the turns FILE lists (`corpus/id`, a first turn `corpus/id#1`, one a
line or space-separated), e.g. those a gate decided in an earlier run. `--group` trains one router without all the corpora named (leave-a-group-out: one fit, when
fitting twenty routers is too slow). `--relax-only` (configs after the first only pass gates, e.g. the overrule knob at 0): a turn
whose config-0 plan no overrulable gate held (`KEPT`) is not planned again. Goals and first turns
are counted apart (`goals`, `first turns`) and together.
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
KEPT = (
    "same",
    "router",
    "router_none",
    "not_ready",
    "not_buildable",
    "build_asks",
    "document",
    "not_reached",
)
"""Deciding gates after which no relaxed gate can change a plan (`--relax-only`)."""
FROZEN = ("fresh15", "fresh18", "fresh19", "fresh20", "fresh21")
SELECTION = FROZEN
"""The arbitration selection set (fifteenth round): never tuned on by the rules, no router rows;
measured only with `--selection`, as aggregates (the arbitration's development figures since)."""
VALIDATION = ("fresh60",)
"""The current round's validation set (twenty-fifth round; fresh59 was the twenty-fourth's,
fresh58 the twenty-third's, fresh57 the twenty-second's): measured before and after the round's changes, never tuned on
until then."""


def refused(corpora: list[str], argv: list[str]) -> str | None:
    """Why this run is refused (None: it may run): a frozen or validation corpus outside
    `--selection`; with `--selection`, a corpus outside `SELECTION` or a flag that names goals.
    """
    if "--selection" in argv:
        for flag in ("-v", "--only"):
            if flag in argv:
                return f"{flag} names goals: --selection prints aggregates only"
        for name in corpora:
            if name not in SELECTION:
                return f"{name} is not in the selection set ({', '.join(SELECTION)})"
        return None if corpora else "no corpus named"
    for name in corpora:
        if name.startswith("heldout") or name in FROZEN or name in VALIDATION:
            return f"{name} is a frozen or validation corpus: never tuned on"
    return None


def main() -> None:
    flags = ("-v", "--goals-only", "--first-turns-only", "--relax-only", "--group", "--selection")
    argv = sys.argv[1:]
    selection = "--selection" in argv
    if selection and ("-v" in argv or "--only" in argv):
        raise SystemExit(refused([], argv))
    details_dir: Path | None = None
    only: set[str] | None = None
    if "--only" in argv:
        at = argv.index("--only")
        only = set(Path(argv[at + 1]).read_text().split())
        argv = argv[:at] + argv[at + 2 :]
    if "--details" in argv:
        at = argv.index("--details")
        details_dir = Path(argv[at + 1])
        details_dir.mkdir(parents=True, exist_ok=True)
        argv = argv[:at] + argv[at + 2 :]
    args = [a for a in argv if a not in flags]
    verbose = "-v" in sys.argv[1:] and not selection
    relax_only = "--relax-only" in sys.argv[1:]
    kinds: tuple[str, ...] = ("goals", "first turns")
    if "--goals-only" in sys.argv[1:]:
        kinds = ("goals",)
    elif "--first-turns-only" in sys.argv[1:]:
        kinds = ("first turns",)
    if not args:
        raise SystemExit(__doc__)
    corpora = [c for c in args[0].split(",") if c]
    configs: list[dict[str, Any]] = json.loads(args[1]) if len(args) > 1 else [{}]
    why = refused(corpora, sys.argv[1:])
    if why is not None:
        raise SystemExit(why)
    sys.path.insert(0, str(Path.cwd()))

    import agents.planner as planner
    from agents import arbiter, router
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
    ranked = router.ranked

    @functools.cache
    def cached_ranks(goal: str, exclude: frozenset[str]) -> list[router.Route]:
        return ranked(goal, exclude=exclude)

    router.ranked = lambda goal, exclude=None: cached_ranks(
        goal, current["exclude"] if exclude is None else exclude
    )
    base = Path(tempfile.mkdtemp(prefix="ff-loco-"))
    totals = {kind: [[0, 0] for _ in configs] for kind in kinds}
    changes = [[0, 0] for _ in configs]  # goals gained, lost against the first config
    knob = "FORGEFLOW_ROUTER_OVERRULE"
    defaults = {key: getattr(planner, key) for config in configs for key in config if key != knob}
    arbiter.RECORD = {}
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
        # --group: one router for the run, trained without every corpus named (one fit)
        # --selection: no router rows of these corpora, so the shared fit (nothing left out)
        current["exclude"] = frozenset(
            () if selection else corpora if "--group" in sys.argv[1:] else {name}
        )
        started = time.perf_counter()
        model = router._model(current["exclude"])  # fitted now (or loaded from the cache)
        print(f"{name}: router of {model.size} rows in {time.perf_counter() - started:.1f} s")
        for kind in kinds:
            goals = _items(corpus, kind)
            if only is not None:
                goals = [g for g in goals if f"{name}/{g['id']}" in only]
            if not goals:
                continue
            first: list[bool] = []
            firsts: list[dict[str, Any]] = []
            for index, config in enumerate(configs):
                for key, value in {**defaults, **config}.items():
                    if key != knob:
                        setattr(planner, key, value)
                os.environ[knob] = config.get(knob, "")
                reset_settings()
                rows: list[dict[str, Any]] = []
                marks = []
                for at, item in enumerate(goals):
                    if index and relax_only and firsts[at]["router"]["gate"] in KEPT:
                        rows.append(firsts[at])  # no gate held it: a relaxed gate changes nothing
                        marks.append(first[at])
                        continue
                    marks.append(_routed(planner, item, verbose and index == 0, rows))
                if index == 0:
                    firsts = rows
                right = sum(marks)
                if index == 0:
                    first = marks
                else:
                    changes[index][0] += sum(m and not f for m, f in zip(marks, first, strict=True))
                    changes[index][1] += sum(f and not m for m, f in zip(marks, first, strict=True))
                if details_dir is not None:
                    out = details_dir / f"{name}.config{index}.json"
                    old = json.loads(out.read_text())["details"] if out.exists() else []
                    old = [r for r in old if r["conversation"] != (kind != "goals")]
                    out.write_text(json.dumps({"config": config, "details": old + rows}))
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
        if index:
            print(f"ALL config {index} against config 0: +{changes[index][0]} -{changes[index][1]}")


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


def _routed(
    planner: Any, item: dict[str, Any], verbose: bool, rows: list[dict[str, Any]] | None = None
) -> bool:
    """Whether the planner routes one goal as expected (scored as benchmarks/planner.py does);
    `rows` gets the turn as benchmarks/planner.py details it, with the router's trace.
    """
    expect = item["expect"]
    want = list(expect.get("tools") or [])
    if rows is not None:
        from agents import arbiter
        from benchmarks.planner import router_trace  # the same trace as the graph benchmark's

        arbiter.RECORD = {}
    plan = planner.plan_goal(item["goal"], {})
    got = [s.tool for s in plan.steps]
    kept = [t for t in got if t not in IGNORED or t in want]
    ok = (bool(plan.question) and not got) if expect.get("ask") else kept == want
    if verbose and not ok:
        print(f"  BAD {item['id']} {item['goal'][:110]!r}\n      want={want} got={got}")
    if rows is not None:
        rows.append(
            {
                "id": item["id"].split("#")[0],
                "turn": 0,
                "conversation": "#" in item["id"],
                "routed": ok,
                "planned": got,
                "asked": bool(plan.question),
                "router": router_trace(item["goal"], arbiter.RECORD),
                "top": _top(item["goal"]),
            }
        )
    return ok


def _top(goal: str, k: int = 5) -> list[list[Any]]:
    """The router's k most probable sequences for a fresh goal ([tools, probability] each), as
    the loco router (trained without the corpus) ranks them.
    """
    from agents import router

    return [[list(r.tools), r.confidence] for r in router.ranked(goal)[:k]]


if __name__ == "__main__":
    main()
