"""Round 14: follow-up turns (an invented community orchard's tables and wording): the run's
rules asked to be seen, a terse test file after a training, where the result went, a few of a
described table's rows, hand labels in someone's file said as 'some done already', a stronger
run that keeps the person's quality floor or metric, a model checked against guessing, and the
rows that have a label counted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.memory import answer_from_memory, stronger_args, summarise_result
from agents.planner import plan_goal
from settings import get_settings
from tests.utils.threads import labeled, looked_at, planned_steps, trained

ROWS = 40


@pytest.fixture
def orchard() -> Path:
    """Tree notes (ripeness empty), a few notes graded by hand in a volunteer's file, a test
    file with ripeness, and a labeling run of the notes with two rules."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    notes = pd.DataFrame(
        {
            "note_id": [f"N{300 + i}" for i in range(ROWS)],
            "row_no": [i % 7 for i in range(ROWS)],
            "note": ["soft and sweet", "hard and green", "split skin", "very soft"] * (ROWS // 4),
            "ripeness": [None] * ROWS,
        }
    )
    notes.to_csv(root / "tree_notes.csv", index=False)
    pd.DataFrame(
        {"note_id": [f"N{300 + i}" for i in range(8)], "ripeness": ["ripe", "unripe"] * 4}
    ).to_csv(root / "tree_notes_handgraded.csv", index=False)
    test = notes.copy()
    test["ripeness"] = ["ripe", "unripe"] * (ROWS // 2)
    test.to_csv(root / "tree_notes_check.csv", index=False)
    run = root / "labeling" / "tree_notes-run1"
    run.mkdir(parents=True)
    pd.DataFrame(
        {"id": [f"N{300 + i}" for i in range(ROWS)], "ripeness": ["ripe", "unripe"] * (ROWS // 2)}
    ).to_parquet(run / "labeled.parquet", index=False)
    (run / "metrics.json").write_text(json.dumps({"classes": ["ripe", "unripe"]}))
    rules = [
        {"name": "kw_soft", "kind": "keyword", "column": "note", "label": "ripe"},
        {"name": "kw_green", "kind": "keyword", "column": "note", "label": "unripe"},
    ]
    rules[0]["keywords"], rules[1]["keywords"] = ["soft"], ["green"]
    (run / "labeling_functions.json").write_text(json.dumps(rules))
    return root


_steps = planned_steps


def _run_thread() -> dict[str, Any]:
    return labeled("labeling/tree_notes-run1", "tree_notes.csv", "ripeness")


def test_the_runs_rules_asked_to_be_seen_open_its_workbench(orchard: Path) -> None:
    for goal in (
        "could I go over the rules it wrote, and how each of them scored on my grades?",
        "show me its labeling functions please",
    ):
        steps = _steps(goal, _run_thread())
        assert [t for t, _ in steps] == ["labeling_workbench"], goal
        assert steps[0][1]["labeling_dir"] == "labeling/tree_notes-run1"


def test_a_terse_test_file_after_a_training_clause_is_the_test_set(orchard: Path) -> None:
    steps = _steps("fit a model on that, test tree_notes_check.csv", _run_thread())
    assert [t for t, _ in steps] == ["train_model"]
    assert steps[0][1].get("test_dataset") == "tree_notes_check.csv"
    assert steps[0][1].get("dataset") != "tree_notes_check.csv"


def test_where_the_result_went_is_answered_from_the_thread(orchard: Path) -> None:
    plan = plan_goal("where can I find the output now?", _run_thread())
    assert not plan.steps
    assert "labeling/tree_notes-run1" in (plan.answer or "")


def test_a_few_of_a_tables_rows_are_previewed(orchard: Path) -> None:
    steps = _steps("let me see a handful of the entries in tree_notes.csv")
    assert [t for t, _ in steps] == ["preview_rows"]


def test_hand_labels_in_someones_file_said_as_some_done_already(orchard: Path) -> None:
    steps = _steps(
        "right, could you sort out the ripeness for those? Marta's sheet has a few graded already",
        looked_at("tree_notes.csv", "preview_rows"),
    )
    assert [t for t, _ in steps] == ["label_dataset"]
    assert steps[0][1]["data_path"] == "tree_notes.csv"
    assert steps[0][1]["gold_path"] == "tree_notes_handgraded.csv"


def test_a_stronger_qa_run_keeps_the_quality_floor_asked(orchard: Path) -> None:
    args = {"chunk_set_id": "chunks-1", "pairs_per_chunk": 2}
    memory = {
        "chunk_set": "chunks-1",
        "qa_dataset": "qa-orchard",
        "results": [{"tool": "generate_qa", "metrics": {"quality": 0.8}}],
        "last_loop": {"tool": "generate_qa", "args": dict(args), "metrics": {"quality": 0.8}},
        "last_call": {"tool": "generate_qa", "args": dict(args)},
    }
    plan = plan_goal("could they be better? I only want ones scoring 0.9 or more", memory)
    assert [s.tool for s in plan.steps] == ["generate_qa"]
    assert plan.steps[0].args["quality_threshold"] == 0.9
    assert "quality_threshold" in " ".join(plan.notes)


def test_a_stronger_run_aims_at_the_metric_the_person_names() -> None:
    loop = {
        "tool": "train_model",
        "args": {"dataset": "t.csv", "label_column": "y", "model": "mlp"},
        "metrics": {"auc": 0.92, "f1": 0.61},
        "attempts": 1,
    }
    args, changes = stronger_args(loop, {"max_attempts": 20}, "f1")
    assert args["target_metric"] == "f1" and 0.61 < args["target_value"] < 1
    assert any("f1" in c for c in changes) and not any("auc" in c for c in changes)
    aimed = {**loop, "args": {**loop["args"], "target_metric": "auc", "target_value": 0.9}}
    args, changes = stronger_args(aimed, {"max_attempts": 20}, "f1")
    assert args["target_metric"] == "f1" and not any("auc" in c for c in changes)
    args, _ = stronger_args(loop, {"max_attempts": 20})
    assert args["target_metric"] == "auc"  # nothing named: the first measured, as before


def test_better_than_guessing_evaluates_the_model_unless_a_baseline_is_known(
    orchard: Path,
) -> None:
    memory = trained("models/ripeness_mlp", "tree_notes_check.csv", "ripeness")
    plan = plan_goal("does it do any better than just guessing?", memory)
    assert [s.tool for s in plan.steps] == ["evaluate_model"]
    assert plan.steps[0].args["model"] == "models/ripeness_mlp"
    tested = trained(
        "models/ripeness_mlp", "tree_notes.csv", "ripeness", test_dataset="tree_notes_check.csv"
    )
    plan = plan_goal("is that better than chance?", tested)
    assert plan.steps[0].args.get("dataset") == "tree_notes_check.csv"
    evaluated = dict(memory)
    evaluated["results"] = [
        *memory["results"],
        {
            "tool": "evaluate_model",
            "metrics": {"accuracy": 0.8},
            "baseline": {"accuracy": 0.5},
        },
    ]
    plan = plan_goal("does it do any better than just guessing?", evaluated)
    assert not plan.steps and "baseline" in (plan.answer or "")


def test_rows_that_have_a_label_are_counted_not_all_rows() -> None:
    output = {
        "dataset": "t.csv",
        "rows": 120,
        "label_column": "grade",
        "columns": [
            {"name": "tree", "missing": 0},
            {"name": "grade", "missing": 75},
        ],
    }
    memory = {"results": [summarise_result("inspect_dataset", output, {"dataset": "t.csv"})]}
    assert "45" in (answer_from_memory("how many rows have a label?", memory) or "")
    assert "45" in (answer_from_memory("how many of them have a grade?", memory) or "")
    assert "120" in (answer_from_memory("how many rows are there?", memory) or "")
