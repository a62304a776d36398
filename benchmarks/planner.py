"""Planner quality: routing, argument and turn success of a goal corpus through the real graph.

Usage (from the checkout whose planner is measured; its code is imported from the current
directory, so the same script measures an older checkout too):

    .venv/bin/python benchmarks/planner.py benchmarks/goals/dev [--plan-only] [--json OUT]

Every goal and every conversation gets a fresh FORGEFLOW_HOME with the corpus's data
(written once by its make_data.py) copied into the workspace, and runs through the run
manager with the built-in LLM, exactly as `forgeflow chat` does: a turn after a question is
that question's answer, heavy tools really run. `--plan-only` scores the first plan of each
single goal as a dry run (no tool runs), for fast iteration; turn success needs real runs.
The planning step's time is the plan node alone (wrapped before the graph is compiled).
Dataset-hub tools (search, trending, configs, suggestions, downloads, leaderboards) run, for the
whole run, against the tests' fake Hugging Face Hub and fake Kaggle on 127.0.0.1
(tests/utils/fake_catalogue.py: a few well-known datasets and models, made-up datasets named
after the words of any other search, and a made-up dataset for any other id a turn names), so hub
turns measure routing and arguments, not the real Hub.
Format of a corpus: benchmarks/goals/FORMAT.md.
"""

from __future__ import annotations

import argparse
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

IGNORED = ("inspect_dataset", "list_local_datasets", "preview_rows")
PLAN_MS: list[float] = []


def _install_timer() -> None:
    """Wrap the orchestrator's plan node (before any graph is compiled) to time it alone."""
    import graphs.orchestrator as orchestrator

    original = orchestrator.plan_node

    def timed(state: Any, runtime: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(state, runtime)
        finally:
            PLAN_MS.append(1000 * (time.perf_counter() - start))

    orchestrator.plan_node = timed


def _fresh_home(data: Path, base: Path) -> Path:
    """A new FORGEFLOW_HOME with the corpus data in its workspace; settings re-read it."""
    from graphs.runner import reset_managers
    from settings import reset_settings
    from store.db import reset_engines

    reset_managers()
    home = Path(tempfile.mkdtemp(prefix="home-", dir=base))
    shutil.copytree(data, home / "workspace")
    os.environ["FORGEFLOW_HOME"] = str(home)
    reset_settings()
    reset_engines()
    return home


# --- comparing -----------------------------------------------------------------------------


def _aliases(tool: str) -> dict[str, str]:
    """Every accepted argument name of a tool → its field name (aliases like data_path)."""
    from tools.registry import get_tool

    try:
        model = get_tool(tool).input_model
    except Exception:  # noqa: BLE001 - an unknown tool simply has no aliases
        return {}
    names: dict[str, str] = {}
    for name, info in model.model_fields.items():
        names[name] = name
        alias = info.validation_alias
        for choice in getattr(alias, "choices", None) or ([alias] if alias else []):
            if isinstance(choice, str):
                names[choice] = name
    return names


def _canonical_args(tool: str, args: dict[str, Any]) -> dict[str, Any]:
    names = _aliases(tool)
    return {names.get(k, k): v for k, v in (args or {}).items()}


def _norm(value: Any, workspace: Path | None) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if workspace is not None and text.startswith(str(workspace)):
            text = text[len(str(workspace)) :].lstrip("/")
        while text.startswith("./"):
            text = text[2:]
        return text.lower()
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, list):
        return [_norm(v, workspace) for v in value]
    return value


def _same(expected: Any, actual: Any, workspace: Path | None) -> bool:
    exp, act = _norm(expected, workspace), _norm(actual, workspace)
    if isinstance(exp, float) and isinstance(act, float):
        return abs(exp - act) < 1e-6 or (exp > 1 and abs(exp / 100 - act) < 1e-6)
    if isinstance(act, list) and not isinstance(exp, list):
        return len(act) == 1 and _same(expected, actual[0], workspace)
    if isinstance(exp, list) and isinstance(act, list):
        return sorted(map(str, exp)) == sorted(map(str, act))
    return exp == act


def _unfolded(steps: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """The steps with a training step's test file written as its own evaluation step.

    `train_model(test_dataset=B)` measures the best attempt once on B, never tuning on it: the
    same model and the same figures as `train_model` then `evaluate_model(dataset=B)`. Writers
    word-for-word disagree on which of the two "train on A, test on B" is, so the benchmark's
    outcome-equivalent score (`routed_equivalent`, `success_equivalent`) compares both sides in
    this unfolded form; the strict score (`routed`, `success`) does not.
    """
    out: list[tuple[str, dict[str, Any]]] = []
    for at, (tool, args) in enumerate(steps):
        args = dict(args)
        following = steps[at + 1][0] if at + 1 < len(steps) else None
        test = args.get("test_dataset") if tool == "train_model" else None
        if test and following != "evaluate_model":
            args.pop("test_dataset")
            label = args.pop("test_label_column", None)
            out.append((tool, args))
            out.append(
                ("evaluate_model", {"dataset": test, **({"label_column": label} if label else {})})
            )
        else:
            out.append((tool, args))
    return out


def _check_args(
    want: list[tuple[str, dict[str, Any]]],
    actual: dict[str, dict[str, Any]],
    workspace: Path | None,
) -> tuple[int, int, list[str]]:
    """(listed, matched, mismatches) of the expected steps' arguments against the arguments each
    tool ran with (the first step of each tool).
    """
    total = ok = 0
    wrong: list[str] = []
    seen: set[str] = set()
    for tool, args in want:
        if tool in seen:
            continue
        seen.add(tool)
        have = actual.get(tool, {})
        for name, value in args.items():
            total += 1
            if name in have and _same(value, have[name], workspace):
                ok += 1
            else:
                wrong.append(f"{tool}.{name}: want {value!r}, got {have.get(name)!r}")
    return total, ok, wrong


def score_turn(expect: dict[str, Any], run: dict[str, Any], workspace: Path | None) -> dict:
    """Routing, argument matches and success of one turn (see FORMAT.md), strict and
    outcome-equivalent (`_unfolded`).
    """
    result = run.get("result") or {}
    plan = result.get("plan") or {}
    asked = run.get("status") == "interrupted" or bool(plan.get("question"))
    planned = [s["tool"] for s in plan.get("steps") or []] if not asked else []
    want = list(expect.get("tools") or [])
    keep = [t for t in planned if t not in IGNORED or t in want]
    # FORMAT.md: routing is "the tools run, minus the ignored look-ups, equal `tools`"; a turn
    # that must ask routes right only by asking.
    routed = (asked and not planned) if expect.get("ask") else keep == want
    executed: dict[str, dict[str, Any]] = {}
    for step in result.get("steps") or []:
        executed.setdefault(step["tool"], step.get("args") or {})
    for step in plan.get("steps") or []:
        executed.setdefault(step["tool"], step.get("args") or {})
    # the planned steps in order, each with the arguments it ran with (the plan's otherwise)
    ran = {t: _canonical_args(t, a) for t, a in executed.items()}
    got = [(t, ran.get(t, {})) for t in keep] if not asked else []
    expected_args = {t: _canonical_args(t, a) for t, a in (expect.get("args") or {}).items()}
    listed = [(t, expected_args.get(t, {})) for t in want]
    listed += [(t, a) for t, a in expected_args.items() if t not in want]
    arg_total = arg_ok = 0
    wrong: list[str] = []
    if routed:
        arg_total, arg_ok, wrong = _check_args(listed, ran, workspace)
    # outcome-equivalent: both sides unfolded (a training step's test file as its evaluation)
    eq_routed, eq_total, eq_ok = routed, arg_total, arg_ok
    if not routed and not expect.get("ask") and not asked:
        want_u, got_u = _unfolded(listed[: len(want)]), _unfolded(got)
        if [t for t, _ in want_u] == [t for t, _ in got_u]:
            extra = [(t, a) for t, a in expected_args.items() if t not in want]
            eq_routed = True
            unfolded = dict(ran)
            for tool, args in reversed(got_u):  # the unfolded steps' arguments first
                unfolded[tool] = args
            eq_total, eq_ok, _ = _check_args(want_u + extra, unfolded, workspace)
    answer = str(result.get("message") or result.get("question") or "")
    missing = [s for s in expect.get("answer_contains") or [] if s.lower() not in answer.lower()]
    if expect.get("ask"):
        missing += [s for s in expect.get("ask_mentions") or [] if s.lower() not in answer.lower()]
    status_ok = run.get("status") == "completed" or (asked and expect.get("ask"))
    failure = _failure(run) if not status_ok else None
    if run.get("dry_run"):
        status_ok = True
        missing = []
    return {
        "routed": routed,
        "planned": planned,
        "asked": asked,
        "arg_total": arg_total,
        "arg_ok": arg_ok,
        "wrong_args": wrong,
        "missing": missing,
        "status": run.get("status"),
        "success": bool(routed and arg_ok == arg_total and status_ok and not missing),
        "routed_equivalent": eq_routed,
        "success_equivalent": bool(eq_routed and eq_ok == eq_total and status_ok and not missing),
        "steps": [[t, a] for t, a in got],
        "answer": answer[:600],
        "failure": failure,
    }


def _failure(run: dict[str, Any]) -> str:
    """A failed run as `tool:code` (the step that failed, the error's code; 'refused' for a goal
    refused before it ran): identifiers only, so failure counts can be shown for any set.
    """
    if run.get("status") == "refused":
        return "refused"
    error = run.get("error") if isinstance(run.get("error"), dict) else {}
    code = str(error.get("code") or run.get("status") or "failed")
    failed = [
        s
        for s in (run.get("result") or {}).get("steps") or []
        if isinstance(s, dict) and s.get("status") == "failed"
    ]
    tool = str(failed[0].get("tool") or "") if failed else ""
    out = f"{tool}:{code}" if tool else code
    return re.sub(r"[^a-z0-9_:]", "_", out.lower())[:80]


# --- running -------------------------------------------------------------------------------


def _run_turn(manager: Any, goal: str, thread: str | None, dry: bool) -> dict[str, Any]:
    try:
        run = manager.submit_goal(goal, thread_id=thread, dry_run=dry, source="cli")
    except Exception as exc:  # noqa: BLE001 - a refused goal is a failed turn, not a crash
        return {"status": "refused", "result": {"message": str(exc)}, "thread_id": thread}
    final = manager.wait(run["run_id"], timeout=900)
    final["dry_run"] = dry
    return final


def run_corpus(
    corpus: Path,
    plan_only: bool,
    limit: int | None,
    only: str | None,
    kind: str = "all",
    verbose: bool = False,
    partial: Path | None = None,
) -> dict:
    """Run every goal and conversation of a corpus; return per-turn scores and aggregates."""
    from graphs.runner import get_manager, reset_managers

    base = Path(tempfile.mkdtemp(prefix="ff-planner-bench-"))
    data = base / "data"
    data.mkdir()
    subprocess.run([sys.executable, str(corpus / "make_data.py"), str(data)], check=True, cwd=base)
    items: list[tuple[str, dict[str, Any]]] = []
    for name in ("goals.jsonl", "conversations.jsonl"):
        path = corpus / name
        wanted = kind == "all" or name.startswith(kind)
        if path.exists() and wanted and not (plan_only and name == "conversations.jsonl"):
            for line in path.read_text().splitlines():
                if line.strip():
                    items.append((name, json.loads(line)))
    if only:
        items = [i for i in items if i[1]["id"] in only.split(",")]
    if limit:
        items = items[:limit]
    turns: list[dict[str, Any]] = []
    try:
        from agents import arbiter  # the router's arbitration trace (absent in older checkouts)

        arbiter.RECORD = {}
    except ImportError:
        arbiter = None
    started = time.perf_counter()
    try:
        for kind, item in items:
            home = _fresh_home(data, base)
            manager = get_manager("cli")
            manager.start()
            thread = None
            entries = (
                [{"user": item["goal"], "expect": item["expect"]}]
                if kind == "goals.jsonl"
                else item["turns"]
            )
            for number, turn in enumerate(entries):
                t0 = time.perf_counter()
                if arbiter is not None:
                    arbiter.RECORD = {}
                run = _run_turn(manager, turn["user"], thread, plan_only)
                thread = run.get("thread_id") or thread
                score = score_turn(turn["expect"], run, home / "workspace")
                if arbiter is not None:
                    score["router"] = router_trace(turn["user"], arbiter.RECORD)
                score.update(
                    id=item["id"],
                    turn=number,
                    conversation=kind == "conversations.jsonl",
                    voice=item.get("voice"),
                    user=turn["user"],
                    seconds=round(time.perf_counter() - t0, 2),
                )
                turns.append(score)
                if not verbose:  # a closed set's goals and outcomes stay off the console
                    print(f"{len(turns)} turns scored", flush=True)
                    continue
                mark = "ok " if score["success"] else "BAD"
                print(f"{mark} {item['id']}#{number} {turn['user'][:70]!r}", flush=True)
                if not score["success"]:
                    print(
                        f"    planned={score['planned']} asked={score['asked']} "
                        f"status={score['status']} wrong={score['wrong_args']} "
                        f"missing={score['missing']}\n    answer: {score['answer'][:300]!r}",
                        flush=True,
                    )
            shutil.rmtree(home, ignore_errors=True)
            if partial is not None:  # survives a timeout: what ran so far
                partial.write_text(json.dumps(aggregate(turns, 0.0), default=str))
    finally:
        reset_managers()
        shutil.rmtree(base, ignore_errors=True)
    return aggregate(turns, time.perf_counter() - started)


def router_trace(goal: str, record: dict[str, Any] | None) -> dict[str, Any]:
    """The router's top choice, its confidence and the arbitration gate that decided the turn's
    plan ('not_reached': no arbitration ran, e.g. a follow-up the thread answered); the router is
    asked here (outside the timed plan node) when the gate decided before it was consulted.
    """
    from agents import router

    trace = dict(record or {"gate": "not_reached", "tools": None, "confidence": None})
    if trace.get("tools") is None and trace["gate"] != "not_ready":
        choice = router.route(goal)
        if choice is not None:
            trace["tools"], trace["confidence"] = list(choice.tools), choice.confidence
    return trace


def aggregate(turns: list[dict[str, Any]], seconds: float) -> dict[str, Any]:
    """Routing accuracy, argument accuracy, turn success (all and per kind), plan-node time."""

    def share(rows: list[dict[str, Any]], key: str) -> float | None:
        return round(sum(bool(r[key]) for r in rows) / len(rows), 4) if rows else None

    singles = [t for t in turns if not t["conversation"]]
    convs = [t for t in turns if t["conversation"]]
    args_total = sum(t["arg_total"] for t in turns)
    ms = sorted(PLAN_MS)
    return {
        "turns": len(turns),
        "routing_accuracy": share(turns, "routed"),
        "argument_accuracy": round(sum(t["arg_ok"] for t in turns) / args_total, 4)
        if args_total
        else None,
        "turn_success": share(turns, "success"),
        "equivalent": {  # outcome-equivalent plans count (`_unfolded`); absent in old results
            "routing": share([t for t in turns if "routed_equivalent" in t], "routed_equivalent"),
            "success": share([t for t in turns if "routed_equivalent" in t], "success_equivalent"),
            "goals_routing": share(
                [t for t in singles if "routed_equivalent" in t], "routed_equivalent"
            ),
            "goals_success": share(
                [t for t in singles if "routed_equivalent" in t], "success_equivalent"
            ),
            "conversations_routing": share(
                [t for t in convs if "routed_equivalent" in t], "routed_equivalent"
            ),
            "conversations_success": share(
                [t for t in convs if "routed_equivalent" in t], "success_equivalent"
            ),
        },
        "goals": {
            "n": len(singles),
            "routing": share(singles, "routed"),
            "success": share(singles, "success"),
        },
        "conversation_turns": {
            "n": len(convs),
            "routing": share(convs, "routed"),
            "success": share(convs, "success"),
        },
        "plan_ms": {
            "n": len(ms),
            "median": round(statistics.median(ms), 2) if ms else None,
            "p95": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 2) if ms else None,
        },
        "seconds": round(seconds, 1),
        "details": turns,
    }


def rescore(result_path: Path, corpus: Path) -> dict[str, Any]:
    """Recompute the aggregates of a saved run with this script's scoring rules (routing as in
    FORMAT.md); prints aggregates only, never individual turns.
    """
    saved = json.loads(result_path.read_text())
    expects: dict[tuple[str, int], dict[str, Any]] = {}
    for name in ("goals.jsonl", "conversations.jsonl"):
        for line in (corpus / name).read_text().splitlines():
            if line.strip():
                item = json.loads(line)
                turns = item.get("turns") or [{"expect": item["expect"]}]
                for number, turn in enumerate(turns):
                    expects[(item["id"], number)] = turn["expect"]
    for turn in saved["details"]:
        expect = expects[(turn["id"], turn["turn"])]
        want = list(expect.get("tools") or [])
        keep = [t for t in turn["planned"] if t not in IGNORED or t in want]
        routed = (turn["asked"] and not turn["planned"]) if expect.get("ask") else keep == want
        status_ok = turn["status"] == "completed" or (turn["asked"] and expect.get("ask"))
        turn["routed"] = routed
        turn["success"] = bool(
            routed and turn["arg_ok"] == turn["arg_total"] and status_ok and not turn["missing"]
        )
    PLAN_MS.extend([saved["plan_ms"]["median"]] if saved["plan_ms"]["median"] else [])
    out = aggregate(saved["details"], saved.get("seconds") or 0.0)
    out["plan_ms"] = saved["plan_ms"]
    out["rescored_from"] = str(result_path)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--plan-only", action="store_true", help="dry runs of single goals")
    parser.add_argument("--json", type=Path, help="write the full result here")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--kind", choices=("all", "goals", "conversations"), default="all")
    parser.add_argument("--only", default=None, help="comma-separated goal/conversation ids")
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="no goal, id or per-turn outcome on stdout (a count of turns scored and the "
        "aggregates only): for the frozen and validation sets, whose goals nobody reads",
    )
    parser.add_argument("--rescore", type=Path, help="recompute a saved result's aggregates")
    args = parser.parse_args()
    if args.rescore:
        out = rescore(args.rescore, args.corpus)
        if args.json:
            args.json.write_text(json.dumps(out, indent=1, default=str))
        print(json.dumps({k: v for k, v in out.items() if k != "details"}, indent=1))
        return
    root = Path.cwd()
    sys.path.insert(0, str(root))
    os.environ["FORGEFLOW_LLM"] = "builtin"
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "GOOGLE_API_KEY"):
        os.environ.pop(var, None)
    from tests.utils.fake_catalogue import serve_fake_sources

    with serve_fake_sources():
        _install_timer()
        import agents.planner

        print(f"planner code: {Path(agents.planner.__file__).resolve()}", flush=True)
        out = run_corpus(
            args.corpus.resolve(),
            args.plan_only,
            args.limit,
            args.only,
            args.kind,
            not args.quiet,
            args.json.with_suffix(".partial.json") if args.json else None,
        )
    out["planner_code"] = str(Path(agents.planner.__file__).resolve())
    out["corpus"] = str(args.corpus)
    out["plan_only"] = args.plan_only
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=1, default=str))
    if not args.quiet:
        for t in out["details"]:
            if not t["success"]:
                print(
                    f"- {t['id']}#{t['turn']} {t['user']!r}: planned={t['planned']} "
                    f"asked={t['asked']} status={t['status']} wrong={t['wrong_args']} "
                    f"missing={t['missing']}\n    answer: {t['answer'][:200]!r}"
                )
    summary = {k: v for k, v in out.items() if k != "details"}
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
