"""The goal benchmark's scoring: strict routing and the outcome-equivalent test-file reading."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("planner_bench", ROOT / "benchmarks/planner.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _run(*steps: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    plan = {"steps": [{"tool": t, "args": a} for t, a in steps]}
    return {"status": "completed", "result": {"plan": plan, "steps": [], "message": "done"}}


TRAIN = {"dataset": "sites_a.csv", "label_column": "flooded"}


def test_train_with_a_test_file_is_equivalent_to_train_then_evaluate_not_strictly() -> None:
    bench = _bench()
    expect = {
        "tools": ["train_model", "evaluate_model"],
        "args": {"train_model": TRAIN, "evaluate_model": {"dataset": "sites_b.csv"}},
    }
    score = bench.score_turn(
        expect, _run(("train_model", {**TRAIN, "test_dataset": "sites_b.csv"})), None
    )
    assert not score["routed"] and not score["success"]
    assert score["routed_equivalent"] and score["success_equivalent"]


def test_train_then_evaluate_is_equivalent_to_an_expected_test_file() -> None:
    bench = _bench()
    expect = {
        "tools": ["train_model"],
        "args": {"train_model": {**TRAIN, "test_dataset": "sites_b.csv"}},
    }
    run = _run(("train_model", TRAIN), ("evaluate_model", {"dataset": "sites_b.csv"}))
    score = bench.score_turn(expect, run, None)
    assert not score["routed"]
    assert score["routed_equivalent"] and score["success_equivalent"]


def test_the_equivalence_still_checks_which_file_is_the_test_file() -> None:
    bench = _bench()
    expect = {
        "tools": ["train_model", "evaluate_model"],
        "args": {"train_model": TRAIN, "evaluate_model": {"dataset": "sites_b.csv"}},
    }
    wrong = _run(("train_model", {**TRAIN, "test_dataset": "sites_c.csv"}))
    score = bench.score_turn(expect, wrong, None)
    assert score["routed_equivalent"] and not score["success_equivalent"]
    # a plan without the test file is neither
    alone = bench.score_turn(expect, _run(("train_model", TRAIN)), None)
    assert not alone["routed_equivalent"] and not alone["success_equivalent"]


def test_strict_scores_are_unchanged_and_agree_when_the_plan_matches() -> None:
    bench = _bench()
    expect = {"tools": ["train_model"], "args": {"train_model": {"label_column": "flooded"}}}
    score = bench.score_turn(expect, _run(("inspect_dataset", {}), ("train_model", TRAIN)), None)
    assert score["routed"] and score["success"] and score["arg_ok"] == 1
    assert score["routed_equivalent"] and score["success_equivalent"]
    off = bench.score_turn(expect, _run(("train_model", {**TRAIN, "label_column": "x"})), None)
    assert off["routed"] and not off["success"] and off["wrong_args"]
    agg = bench.aggregate([{**score, "conversation": False}, {**off, "conversation": False}], 0.0)
    assert agg["turn_success"] == 0.5 and agg["equivalent"]["goals_success"] == 0.5
