"""Round 15: follow-up turns (an invented harbour's tables and wording): a QA set judged again at
a stricter pass mark and its passing pairs exported with a test share kept aside, the rows the
run 'thinks' are of a class said in other words, and corrections listed with the verb left out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.memory import contrasted_label
from agents.planner import plan_goal
from settings import get_settings
from tests.utils.threads import labeled, looked_at, planned_steps, trained

ROWS = 40
RUN = "labeling/hull_checks-run1"


@pytest.fixture
def harbour() -> Path:
    """Hull inspection notes (verdict mostly empty) and a labeling run of them with three
    classes, two of them several words joined by underscores."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    ids = [f"HC-{100 + i}" for i in range(ROWS)]
    notes = ["barnacles thick", "paint fine", "crack near keel", "all clean"] * (ROWS // 4)
    pd.DataFrame({"check_id": ids, "note": notes, "verdict": [None] * ROWS}).to_csv(
        root / "hull_checks.csv", index=False
    )
    run = root / RUN
    run.mkdir(parents=True)
    verdicts = ["needs_repair", "fine", "needs_cleaning", "fine"] * (ROWS // 4)
    pd.DataFrame({"id": ids, "verdict": verdicts}).to_parquet(run / "labeled.parquet", index=False)
    classes = ["fine", "needs_cleaning", "needs_repair"]
    (run / "metrics.json").write_text(json.dumps({"classes": classes}))
    rules = [{"name": "kw_crack", "kind": "keyword", "column": "note", "label": "needs_repair"}]
    (run / "labeling_functions.json").write_text(json.dumps(rules))
    return root


_steps = planned_steps


def _run_thread() -> dict[str, Any]:
    return labeled(RUN, "hull_checks.csv", "verdict")


def _qa_thread(last: str = "generate_qa", mark: float | None = None) -> dict[str, Any]:
    """A thread that generated a QA set (and, with `last='score_qa'`, scored it at `mark`)."""
    generation = {"chunk_set_id": "chunks-7", "pairs_per_chunk": 2}
    call = (
        {"tool": "score_qa", "args": {"dataset_id": "qa-harbour", "quality_threshold": mark}}
        if last == "score_qa"
        else {"tool": "generate_qa", "args": dict(generation)}
    )
    return {
        "chunk_set": "chunks-7",
        "qa_dataset": "qa-harbour",
        "results": [{"tool": "generate_qa", "metrics": {"quality": 0.8}}],
        "last_loop": {"tool": "generate_qa", "args": dict(generation), "metrics": {"quality": 0.8}},
        "last_call": call,
    }


def test_a_stricter_pass_mark_scores_the_thread_qa_set_again(harbour: Path) -> None:
    for goal, mark in (
        ("are these any good? be tougher on them, 0.9 should be the pass mark", 0.9),
        ("how well do they hold up if 0.75 is the bar?", 0.75),
    ):
        steps = _steps(goal, _qa_thread())
        assert [t for t, _ in steps] == ["score_qa"], goal
        assert steps[0][1] == {"dataset_id": "qa-harbour", "quality_threshold": mark}
    # a better generation is asked for with 'better': the generation again, not a scoring
    steps = _steps("could they be better? 0.9 should be the pass mark", _qa_thread())
    assert [t for t, _ in steps] == ["generate_qa"]
    # no pass mark said, or one asked about: the thread's own quality answers
    for goal in ("how good are they?", "how good were they, was 0.7 the pass mark?"):
        plan = plan_goal(goal, _qa_thread())
        assert [s.tool for s in plan.steps] != ["score_qa"], goal


def test_the_passing_pairs_exported_keep_the_threads_pass_mark(harbour: Path) -> None:
    thread = _qa_thread("score_qa", 0.9)
    steps = _steps(
        "hand me the good ones in a file for the crew, with a test part kept aside", thread
    )
    assert [t for t, _ in steps] == ["export_dataset"]
    assert steps[0][1]["min_quality"] == 0.9
    assert steps[0][1]["splits"] is True
    steps = _steps("a csv of the ones that passed, please", thread)
    assert steps[0][1]["format"] == "csv"
    assert steps[0][1]["min_quality"] == 0.9
    # all of them asked for: no floor carried over
    steps = _steps("export every pair as jsonl", thread)
    assert "min_quality" not in steps[0][1]


def test_rows_the_run_thinks_are_a_class_said_in_other_words(harbour: Path) -> None:
    for goal, label in (
        ("show me only the ones it thinks need repair", "needs_repair"),
        ("which rows does the model reckon need cleaning?", "needs_cleaning"),
    ):
        steps = _steps(goal, _run_thread())
        assert [t for t, _ in steps] == ["workbench_rows"], goal
        assert steps[0][1]["label"] == label
        assert steps[0][1]["labeling_dir"] == RUN


def test_the_thing_and_too_repeats_the_last_turn_on_it(harbour: Path) -> None:
    docs = harbour / "harbour_docs"
    docs.mkdir()
    (docs / "mooring_rules.md").write_text("# Mooring\n\nTie up at the east pontoon only.\n")
    (docs / "engine_room_manual.md").write_text("# Engine room\n\nCheck the oil every morning.\n")
    first = {"paths": ["harbour_docs/mooring_rules.md"]}
    thread = {
        **_qa_thread(),
        "last_turn": [
            {"tool": "chunk_documents", "args": first},
            {"tool": "generate_qa", "args": {"chunk_set_id": "${steps.0.chunk_set_id}"}},
        ],
    }
    for goal in ("and the engine room manual too", "now the engine room manual as well"):
        steps = _steps(goal, thread)
        assert [t for t, _ in steps] == ["chunk_documents", "generate_qa"], goal
        assert steps[0][1]["paths"] == ["harbour_docs/engine_room_manual.md"]


def test_rows_someone_labeled_in_a_file_are_the_hand_labels(harbour: Path) -> None:
    pd.DataFrame(
        {"check_id": [f"HC-{100 + i}" for i in range(6)], "verdict": ["fine", "needs_repair"] * 3}
    ).to_csv(harbour / "crew_marks.csv", index=False)
    steps = _steps(
        "ok, fill in the verdict for all of them. The crew marked 6 in crew_marks.csv.",
        looked_at("hull_checks.csv"),
    )
    assert [t for t, _ in steps] == ["label_dataset"]
    assert steps[0][1]["data_path"] == "hull_checks.csv"
    assert steps[0][1]["gold_path"] == "crew_marks.csv"


def test_the_same_kind_of_thing_for_a_described_table_with_its_own_hand_labels(
    harbour: Path,
) -> None:
    ids = [f"E{i}" for i in range(ROWS)]
    entries = ["oil pressure low", "all normal", "belt squeal", "all normal"] * (ROWS // 4)
    pd.DataFrame({"log_id": ids, "entry": entries, "fault": [None] * ROWS}).to_csv(
        harbour / "engine_logs.csv", index=False
    )
    pd.DataFrame({"log_id": ids[:8], "fault": ["oil", "none"] * 4}).to_csv(
        harbour / "engine_log_labels.csv", index=False
    )
    thread = labeled(RUN, "hull_checks.csv", "verdict", gold="crew_marks.csv")
    steps = _steps(
        "Right, the same kind of thing for the engine logs now, faults this time, the hand "
        "labels are in engine_log_labels.csv.",
        thread,
    )
    assert [t for t, _ in steps] == ["label_dataset"]
    assert steps[0][1]["data_path"] == "engine_logs.csv"
    assert steps[0][1]["gold_path"] == "engine_log_labels.csv"
    assert steps[0][1]["label_column"] == "fault"


def test_a_class_said_by_its_auxiliary_alone_reads_the_request_before(harbour: Path) -> None:
    model = "generators/ferry-0"
    thread = {
        "generator": model,
        "generator_info": {
            "path": model,
            "dataset": "ferry_bookings.csv",
            "label_column": "boarded",
            "classes": ["no", "yes"],
        },
        "last_call": {
            "tool": "generate_synthetic",
            "args": {"model": model, "n": 200, "label": "no"},
        },
        "said": ["200 bookings of passengers who didn't make it on board please"],
    }
    for goal, label in (
        ("and 200 of the ones who did, saved as aboard.csv", "yes"),
        ("now 50 more who didn't", "no"),
    ):
        steps = _steps(goal, thread)
        assert [t for t, _ in steps] == ["generate_synthetic"], goal
        assert steps[0][1]["label"] == label, goal
    assert _steps("and 200 of the ones who did, saved as aboard.csv", thread)[0][1]["output"] == (
        "aboard.csv"
    )
    # a file the words describe, written in after the auxiliary, does not hide it
    marked = "and 200 of the ones who did (synthetic/ferry-0-no-200.parquet), saved as aboard.csv"
    assert contrasted_label(marked, thread, ["no", "yes"]) == "yes"


def test_two_corrections_with_the_verb_said_once(harbour: Path) -> None:
    steps = _steps(
        "HC-104 should be fine and HC-110 a needs repair, can you set those two right?",
        _run_thread(),
    )
    assert [t for t, _ in steps] == ["correct_labels"]
    assert steps[0][1]["corrections"] == [
        {"id": "HC-104", "label": "fine"},
        {"id": "HC-110", "label": "needs_repair"},
    ]


@pytest.fixture
def crossings(harbour: Path) -> Path:
    """Ferry crossings with how each ended, for a thread that trained a model on them."""
    pd.DataFrame(
        {
            "crossing_id": range(60),
            "crew": [3, 4, 5] * 20,
            "wind_knots": [5.0, 12.5, 20.0, 31.0] * 15,
            "result": ["late", "on_time", "cancelled"] * 20,
        }
    ).to_csv(harbour / "crossings.csv", index=False)
    return harbour


def test_an_evaluation_artefact_of_the_threads_model_evaluates_it(crossings: Path) -> None:
    thread = trained("models/crossings-0", "crossings.csv", "result")
    # the training's summary keeps its matrix cells ('how often does it confuse a with b?')
    thread["results"][0]["confusion"] = {"labels": ["late", "on_time"], "matrix": [[3, 1], [2, 4]]}
    for goal in (
        "let me see the confusion matrix on the held back rows",
        "show me the confusoin matrix please",  # the typo of the first word too
    ):
        steps = _steps(goal, thread)
        assert steps == [("evaluate_model", {"model": "models/crossings-0"})], goal
    # evaluated already: the thread answers, no second evaluation
    evaluated = {**thread, "results": [*thread["results"], {"tool": "evaluate_model"}]}
    assert [t for t, _ in _steps("show me the confusion matrix", evaluated)] != ["evaluate_model"]


def test_another_kind_instead_compared_with_the_threads_model(crossings: Path) -> None:
    thread = trained("models/crossings-0", "crossings.csv", "result")
    for goal in (
        "try an mlp instead and compare the two",
        "an mlp insted, then compare both models",
    ):
        steps = _steps(goal, thread)
        assert [t for t, _ in steps] == ["train_model", "evaluate_model"], goal
        assert steps[0][1]["model"] == "mlp"
        assert steps[1][1] == {
            "model": "models/crossings-0",
            "compare_model": "${steps.0.model_path}",
        }
    steps = _steps("use an mlp instead", thread)
    assert [t for t, _ in steps] == ["train_model"]


def test_two_documents_described_one_by_one_are_both_read(harbour: Path) -> None:
    docs = harbour / "harbour_docs"
    docs.mkdir()
    (docs / "mooring_rules.md").write_text("# Mooring\n\nTie up at the east pontoon only.\n")
    (docs / "fuel_dock_safety_procedure.md").write_text("# Fuel dock\n\nNo smoking.\n")
    (docs / "crew_rota.md").write_text("# Rota\n\nMonday: Ana.\n")
    steps = _steps(
        "make quiz questions for the new deckhands on our mooring rules and the fuel safety procedure"
    )
    assert [t for t, _ in steps] == ["chunk_documents", "generate_qa"]
    assert sorted(steps[0][1]["paths"]) == [
        "harbour_docs/fuel_dock_safety_procedure.md",
        "harbour_docs/mooring_rules.md",
    ]
