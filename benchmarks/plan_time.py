"""Planning-step time of the built-in planner: `plan_goal` alone on every goal of some corpora.

Usage (from the checkout whose planner is measured; its code is imported from the current
directory, so the same script measures an older checkout too):

    .venv/bin/python benchmarks/plan_time.py [CORPUS ...] [--dump PLANS.json] [--diff OLD.json]

CORPUS defaults to benchmarks/goals/dev and benchmarks/goals/fresh5. Each corpus's data
(`make_data.py`) is written once into the workspace of a fresh FORGEFLOW_HOME; every goal of its
goals.jsonl is planned there with empty thread memory (plan only: no graph, no tool runs), after
the embedding model is loaded. Reports the median and p95 milliseconds per plan (wall clock per corpus and in all; process
CPU time in all, steadier on a shared machine), and per plan
the regex compilations (calls of `re`'s compiler: a compile cache that thrashes shows here), the
embedding fallback's calls and the files opened. `--passes 2` plans everything again in the same
process and workspaces (a server that has planned before: regexes compiled, profiles and
headers cached; the embedding fallback's own cache is cleared so it is paid again) and fails
when a second-pass plan differs from the first. `--dump` writes every plan (steps with arguments,
question, answer, notes, targets; the home's path written as `$HOME`), `--diff` compares them to
an earlier dump and exits 1 when any plan differs.
"""

from __future__ import annotations

import argparse
import builtins
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT = ("benchmarks/goals/dev", "benchmarks/goals/fresh5")
COUNTS = {"regex_compiles": 0, "embeddings": 0, "opens": 0}
SLOWEST: list[tuple[float, str]] = []
CPU_MS: list[float] = []


def _count_calls() -> None:
    """Count `re`'s compilations, embedding-fallback calls and file opens while planning."""
    import agents.semantic as semantic

    compiler = re._compiler  # type: ignore[attr-defined]
    compile_ = compiler.compile

    def counted_compile(*args: Any, **kwargs: Any) -> Any:
        COUNTS["regex_compiles"] += 1
        return compile_(*args, **kwargs)

    compiler.compile = counted_compile
    nearest = semantic.nearest

    def counted_nearest(*args: Any, **kwargs: Any) -> Any:
        COUNTS["embeddings"] += 1
        return nearest(*args, **kwargs)

    semantic.nearest = counted_nearest
    open_ = builtins.open

    def counted_open(*args: Any, **kwargs: Any) -> Any:
        COUNTS["opens"] += 1
        return open_(*args, **kwargs)

    builtins.open = counted_open


def _home(corpus: Path, base: Path) -> Path:
    """A FORGEFLOW_HOME whose workspace holds the corpus's data (make_data.py)."""
    home = base / corpus.name
    data = home / "workspace"
    data.mkdir(parents=True)
    subprocess.run(
        [sys.executable, str(corpus / "make_data.py"), str(data)],
        check=True,
        cwd=base,
        stdout=subprocess.DEVNULL,
    )
    return home


def plan_corpus(corpus: Path, home: Path) -> tuple[list[float], dict[str, Any]]:
    """Plan every goal of one corpus in `home`; its per-goal milliseconds and plans by goal id."""
    from agents.planner import plan_goal
    from settings import reset_settings
    from store.db import reset_engines

    os.environ["FORGEFLOW_HOME"] = str(home)
    reset_settings()
    reset_engines()
    goals = [json.loads(line) for line in (corpus / "goals.jsonl").read_text().splitlines() if line]
    ms: list[float] = []
    plans: dict[str, Any] = {}
    for item in goals:
        start, cpu = time.perf_counter(), time.process_time()
        plan = plan_goal(item["goal"], {})
        ms.append(1000 * (time.perf_counter() - start))
        CPU_MS.append(1000 * (time.process_time() - cpu))
        SLOWEST.append((ms[-1], f"{corpus.name}/{item['id']}"))
        dumped = json.dumps(plan.model_dump(), sort_keys=True, default=str)
        plans[f"{corpus.name}/{item['id']}"] = json.loads(dumped.replace(str(home), "$HOME"))
    return ms, plans


def _summary(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)
    return {
        "n": len(ordered),
        "median": round(statistics.median(ordered), 2),
        "p95": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
        "mean": round(statistics.fmean(ordered), 2),
    }


def _diff(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The goal ids whose plans differ (or are missing on one side)."""
    changed = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    for key in changed:
        print(f"CHANGED {key}:\n  before {old.get(key)}\n  after  {new.get(key)}")
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=[Path(c) for c in DEFAULT])
    parser.add_argument("--dump", type=Path, help="write every plan here (JSON)")
    parser.add_argument("--diff", type=Path, help="compare the plans with an earlier --dump")
    parser.add_argument(
        "--passes", type=int, default=1, help="plan everything N times in this process"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(Path.cwd()))
    os.environ["FORGEFLOW_LLM"] = "builtin"
    import agents.planner
    from agents import semantic

    semantic.warm()  # the model loads once per process, before any plan is timed
    _count_calls()
    base = Path(tempfile.mkdtemp(prefix="ff-plan-time-"))
    report: dict[str, Any] = {"planner_code": str(Path(agents.planner.__file__).resolve())}
    first: dict[str, Any] = {}
    unstable: list[str] = []
    try:
        homes = [(corpus.resolve(), _home(corpus.resolve(), base)) for corpus in args.corpora]
        for number in range(1, args.passes + 1):
            semantic._embed_one.cache_clear()  # every pass pays its embedding fallbacks
            COUNTS.update(dict.fromkeys(COUNTS, 0))
            CPU_MS.clear()
            everything: list[float] = []
            out: dict[str, Any] = {}
            plans: dict[str, Any] = {}
            for corpus, home in homes:
                ms, found = plan_corpus(corpus, home)
                out[corpus.name] = _summary(ms)
                everything += ms
                plans.update(found)
            out["all"] = _summary(everything)
            out["all_cpu"] = _summary(CPU_MS)
            out["per_plan"] = {k: round(v / len(everything), 2) for k, v in COUNTS.items()}
            report[f"pass {number}"] = out
            if number == 1:
                first = plans
            else:  # warm caches must not change a plan
                unstable += _diff(first, plans)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    report["slowest"] = [f"{key} {ms:.0f} ms" for ms, key in sorted(SLOWEST, reverse=True)[:8]]
    print(json.dumps(report, indent=1))
    if args.dump:
        args.dump.write_text(json.dumps(first, indent=1, sort_keys=True))
    changed: list[str] = []
    if args.diff:
        names = {c.name for c in args.corpora}
        saved = json.loads(args.diff.read_text())
        changed = _diff({k: v for k, v in saved.items() if k.split("/")[0] in names}, first)
        print(f"{len(changed)} of {len(first)} plans differ from {args.diff}")
    if unstable:
        print(f"{len(unstable)} plans differ between passes")
    if changed or unstable:
        sys.exit(1)


if __name__ == "__main__":
    main()
