"""The goal benchmark's scoring: strict routing and the outcome-equivalent test-file reading."""

from __future__ import annotations

import importlib.util
import json
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


def test_a_failed_run_is_scored_with_its_step_and_error_code_and_counted_by_them() -> None:
    bench = _bench()
    expect = {"tools": ["download_dataset"], "args": {}}
    run = {
        "status": "failed",
        "error": {"code": "hub_unreachable", "message": "no network"},
        "result": {
            "plan": {"steps": [{"tool": "download_dataset", "args": {}}]},
            "steps": [{"tool": "download_dataset", "status": "failed", "args": {}}],
            "message": "could not reach the Hub",
        },
    }
    score = bench.score_turn(expect, run, None)
    assert score["routed"] and not score["success"]
    assert score["failure"] == "download_dataset:hub_unreachable"
    assert bench.score_turn(expect, _run(("download_dataset", {})), None)["failure"] is None
    refused = bench.score_turn(expect, {"status": "refused", "result": {"message": "x"}}, None)
    assert refused["failure"] == "refused"

    spec = importlib.util.spec_from_file_location("kinds", ROOT / "benchmarks/failure_kinds.py")
    assert spec is not None and spec.loader is not None
    kinds = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kinds)
    assert kinds.kind_of(score, expect) == ("run_failed", ["download_dataset:hub_unreachable"])
    # results saved before the failure field existed still count by status
    old = {k: v for k, v in score.items() if k != "failure"}
    assert kinds.kind_of(old, expect) == ("run_failed", ["failed"])


def test_wrong_arguments_are_sorted_by_whether_their_values_were_said() -> None:
    spec = importlib.util.spec_from_file_location("kinds2", ROOT / "benchmarks/failure_kinds.py")
    assert spec is not None and spec.loader is not None
    kinds = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kinds)
    text = "train on visits_2025.csv to predict no_show, use the notes column as text"
    expect = {
        "tools": ["train_model"],
        "args": {
            "train_model": {
                "dataset": "visits_2025.csv",
                "label_column": "no_show",
                "text_columns": ["notes"],
                "model": "mlp",
            }
        },
    }
    turn = {
        "steps": [["train_model", {"dataset": "visits.csv", "label_column": "no show"}]],
        "wrong_args": [
            "train_model.dataset: want 'visits_2025.csv', got 'visits.csv'",
            "train_model.text_columns: want ['notes'], got None",
            "train_model.model: want 'mlp', got None",
        ],
    }
    assert kinds.argument_sources(turn, expect, text) == [
        "said→said train_model.dataset",  # 'visits' is said too: two said values confused
        "said→missing train_model.text_columns",
        "unsaid→missing train_model.model",
    ]
    assert kinds._said("data/visits_2025.csv", text) and kinds._said(["no_show"], text)
    assert not kinds._said([], text) and not kinds._said("wards.csv", text)


def test_a_quiet_run_prints_no_goal_id_or_outcome(home: Path, capsys: Any) -> None:
    corpus = home / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "make_data.py").write_text(
        "import pathlib, sys\n"
        "pathlib.Path(sys.argv[1], 'pets.csv').write_text('id,kind\\n1,cat\\n2,dog\\n')\n"
    )
    goal = "secret-goal-words: what columns does pets.csv have"
    line = {"id": "q-g01", "goal": goal, "expect": {"tools": ["inspect_dataset"]}}
    (corpus / "goals.jsonl").write_text(json.dumps(line) + "\n")
    out = _bench().run_corpus(corpus, True, None, None, "goals", verbose=False)
    printed = capsys.readouterr().out
    assert out["turns"] == 1 and out["details"][0]["id"] == "q-g01"  # the result file keeps it
    assert "secret-goal-words" not in printed and "q-g01" not in printed
    assert "ok " not in printed and "BAD" not in printed and "1 turns scored" in printed
