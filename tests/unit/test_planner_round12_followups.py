"""Round 12: follow-up turns of conversations (invented ferry-operator tables and wording): a
bare file beside a named one, saves with a format before the name, refits and model swaps, rows
of a class and keyword rules of the thread's run, a file by its format, a corrected label, a new
model compared with the thread's, evaluate or predict by the table's labels, quality floors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.arguments import quality_floor, role_files
from agents.planner import plan_goal
from settings import get_settings
from tests.utils.threads import trained

ROWS = 40


@pytest.fixture
def harbour() -> Path:
    """Ferry crossings (with a 'late' outcome and a 'deck' class), next month's crossings
    without the outcome, crossings already scored, two guide documents three folders down, and
    one labeling run of passenger notes with keyword rules."""
    root = get_settings().workspace
    (root / "ops" / "guides" / "winter").mkdir(parents=True, exist_ok=True)
    crossings = pd.DataFrame(
        {
            "crossing_id": [f"X{700 + i}" for i in range(ROWS)],
            "route": ["north", "south", "east", "west"] * (ROWS // 4),
            "wind_kn": [(i * 7) % 40 for i in range(ROWS)],
            "deck": ["upper", "lower"] * (ROWS // 2),
            "late": ["yes", "no", "no", "no"] * (ROWS // 4),
        }
    )
    crossings.to_csv(root / "ops" / "crossings.csv", index=False)
    crossings.to_csv(root / "ops" / "spot_checks.csv", index=False)
    crossings.drop(columns=["late"]).to_csv(root / "ops" / "crossings_next.csv", index=False)
    for name in ("icing.md", "mooring.md"):
        (root / "ops" / "guides" / "winter" / name).write_text(f"# {name}\n\nSome text.\n")
    run = root / "labeling" / "notes"
    run.mkdir(parents=True)
    pd.DataFrame(
        {
            "id": [f"N{i}" for i in range(ROWS)],
            "topic": ["seasick", "luggage", "cafe", "seasick"] * (ROWS // 4),
        }
    ).to_parquet(run / "labeled.parquet", index=False)
    (run / "metrics.json").write_text(json.dumps({"classes": ["seasick", "luggage", "cafe"]}))
    lfs = [
        {"name": "kw_wave", "kind": "keyword", "column": "note", "label": "seasick"},
        {"name": "kw_bag", "kind": "keyword", "column": "note", "label": "luggage"},
        {"name": "kw_tea", "kind": "keyword", "column": "note", "label": "cafe"},
    ]
    for lf, words in zip(lfs, (["waves"], ["suitcase"], ["tea"]), strict=True):
        lf["keywords"] = words
    (run / "labeling_functions.json").write_text(json.dumps(lfs))
    return root


def _trained(last: dict[str, Any] | None = None) -> dict[str, Any]:
    """A thread that trained a model on the crossings (then maybe used it: `last`)."""
    memory = trained("models/late_lr", "ops/crossings.csv", "late", {"auc": 0.71}, "logistic")
    return {**memory, "last_call": last} if last else memory


def _labeled_thread() -> dict[str, Any]:
    return {
        "labeled": "labeling/notes/labeled.parquet",
        "dataset": "ops/notes.csv",
        "results": [{"tool": "label_dataset", "metrics": {"accuracy": 0.8}}],
        "last_call": {"tool": "label_dataset", "args": {"data_path": "ops/notes.csv"}},
    }


def _steps(goal: str, memory: dict[str, Any] | None = None) -> list[tuple[str, dict]]:
    plan = plan_goal(goal, memory or {})
    assert plan.question is None, plan.question
    return [(s.tool, s.args) for s in plan.steps]


def test_a_bare_name_is_read_in_the_folder_of_the_file_named_with_it(harbour: Path) -> None:
    steps = _steps("split ops/guides/winter/icing.md plus mooring.md into chunks by headings")
    assert steps[0][0] == "chunk_documents"
    assert steps[0][1]["paths"] == ["ops/guides/winter/icing.md", "ops/guides/winter/mooring.md"]


def test_a_save_with_its_format_before_the_file_name(harbour: Path) -> None:
    memory = {
        "last_table": "ops/crossings_scored.parquet",
        "results": [{"tool": "detect_anomalies", "metrics": {}}],
        "last_call": {"tool": "detect_anomalies", "args": {"dataset": "ops/crossings.csv"}},
    }
    steps = _steps("store that as a csv file as well, ops/odd_crossings.csv", memory)
    assert steps == [
        ("save_table", {"dataset": "ops/crossings_scored.parquet", "path": "ops/odd_crossings.csv"})
    ]


def test_a_refit_or_a_new_kind_retrains_the_threads_model(harbour: Path) -> None:
    predicted = {"tool": "predict", "args": {"model": "models/late_lr", "dataset": "x.csv"}}
    for goal in ("go for a neural net and refit it", "use an MLP instead"):
        steps = _steps(goal, _trained(predicted))
        assert [t for t, _ in steps] == ["train_model"], goal
        assert steps[0][1]["model"] == "mlp"
        assert steps[0][1]["label_column"] == "late"
        assert steps[0][1]["dataset"] == "ops/crossings.csv"


def test_rows_of_a_class_of_the_threads_run_however_they_are_called(harbour: Path) -> None:
    for goal, wanted in (
        ("show me the luggage ones", "luggage"),
        ("list the notes it put under cafe", "cafe"),
    ):
        steps = _steps(goal, _labeled_thread())
        assert [t for t, _ in steps] == ["workbench_rows"], goal
        assert steps[0][1]["label"] == wanted
        assert steps[0][1]["labeling_dir"] == "labeling/notes"
    # a class that is not one of the run's is no request for its rows
    steps = [s.tool for s in plan_goal("show me the wifi ones", _labeled_thread()).steps]
    assert "workbench_rows" not in steps


def test_a_keyword_rule_pointed_at_by_its_word_is_dropped_and_the_rest_reapplied(
    harbour: Path,
) -> None:
    steps = _steps(
        "that 'suitcase' rule misfires, remove it and redo the labels", _labeled_thread()
    )
    assert [t for t, _ in steps] == ["reapply_labeling_functions"]
    kept = [lf["name"] for lf in steps[0][1]["labeling_functions"]]
    assert kept == ["kw_wave", "kw_tea"]


def test_the_file_the_thread_wrote_is_named_by_its_format(harbour: Path) -> None:
    memory = {
        "last_table": "ops/crossings.parquet",
        "results": [{"tool": "save_table", "metrics": {}}],
        "last_call": {
            "tool": "save_table",
            "args": {"dataset": "ops/crossings.csv", "path": "ops/crossings.parquet"},
        },
    }
    pd.read_csv(harbour / "ops" / "crossings.csv").to_parquet(harbour / "ops" / "crossings.parquet")
    steps = _steps("fit late on the parquet one please", memory)
    assert steps[0][0] == "train_model"
    assert steps[0][1]["dataset"] == "ops/crossings.parquet"


def test_a_corrected_label_column_changes_the_rerun(harbour: Path) -> None:
    steps = _steps("hm, I meant the deck, not late. run it again?", _trained())
    assert steps[0][0] == "train_model"
    assert steps[0][1]["label_column"] == "deck"


def test_a_new_training_compared_with_the_threads_model(harbour: Path) -> None:
    steps = _steps(
        "now fit a multilayer perceptron on the same data and compare the two", _trained()
    )
    assert [t for t, _ in steps] == ["train_model", "evaluate_model"]
    assert steps[0][1]["label_column"] == "late" and steps[0][1]["model"] == "mlp"
    assert steps[1][1]["model"] == "models/late_lr"
    assert steps[1][1]["compare_model"] == "${steps.0.model_path}"
    # without a comparison it is one training
    steps = _steps("now fit a multilayer perceptron on the same data", _trained())
    assert [t for t, _ in steps] == ["train_model"]


def test_the_model_tried_on_a_table_is_measured_only_where_it_has_labels(harbour: Path) -> None:
    steps = _steps("try it on ops/spot_checks.csv", _trained())
    assert steps == [
        ("evaluate_model", {"model": "models/late_lr", "dataset": "ops/spot_checks.csv"})
    ]
    evaluated = {"tool": "evaluate_model", "args": {"model": "models/late_lr"}}
    steps = _steps("try it on ops/crossings_next.csv", _trained(evaluated))
    assert [t for t, _ in steps] == ["predict"]
    steps = _steps("predict ops/spot_checks.csv with it", _trained())
    assert [t for t, _ in steps] == ["predict"]  # predictions asked for stay predictions


def test_quality_floors_said_as_what_is_left_out(harbour: Path) -> None:
    assert quality_floor("csv please, leaving out anything under 0.65") == 0.65
    assert quality_floor("excluding the pairs below 0.7") == 0.7
    memory = {
        "qa_dataset": "qa-ferry",
        "results": [{"tool": "score_qa", "metrics": {}}],
        "last_call": {"tool": "score_qa", "args": {"dataset_id": "qa-ferry"}},
    }
    steps = _steps("a csv of those questions, splits, omitting anything below 0.75", memory)
    assert steps[0][0] == "export_dataset"
    assert steps[0][1]["min_quality"] == 0.75 and steps[0][1]["splits"] is True


def test_outputs_after_into_across_a_file_name_and_after_a_bare_save(harbour: Path) -> None:
    text = "predict ops/crossings_next.csv into ops/next_late.csv"
    files = ["ops/crossings_next.csv", "ops/next_late.csv"]
    assert role_files(text, files)[2] == ["ops/next_late.csv"]
    text = "run it on ops/crossings_next.csv and save next_late.csv"
    files = ["ops/crossings_next.csv", "next_late.csv"]
    assert role_files(text, files)[2] == ["next_late.csv"]
    # an existing file after 'save' is the table saved, not an output
    assert role_files("save ops/crossings.csv as parquet", ["ops/crossings.csv"])[2] == []


def test_a_model_checked_on_a_described_table(harbour: Path) -> None:
    steps = _steps("check it on the spot checks too", _trained())
    assert steps[0][0] == "evaluate_model"
    assert steps[0][1]["dataset"] == "ops/spot_checks.csv"


def test_a_count_per_chunk_after_chunking_generates_pairs(harbour: Path) -> None:
    memory = {
        "chunk_set": "cs_ferry",
        "results": [{"tool": "chunk_documents", "metrics": {}}],
        "last_call": {"tool": "chunk_documents", "args": {"paths": ["ops/guides/winter/icing.md"]}},
    }
    steps = _steps("q&a now, four per chunk", memory)
    assert [t for t, _ in steps] == ["generate_qa"]
    assert steps[0][1]["chunk_set_id"] == "cs_ferry"
    steps = _steps("cut ops/guides/winter/icing.md into chunks of 300 characters")
    assert [t for t, _ in steps] == ["chunk_documents"]  # chunking said stays chunking


def test_the_hand_labels_the_thread_used_for_a_table_are_used_again(harbour: Path) -> None:
    from agents.planner import remember

    pd.DataFrame({"crossing_id": ["X700", "X701"], "late": ["yes", "no"]}).to_csv(
        harbour / "ops" / "late_by_hand.csv", index=False
    )
    memory = remember(
        "write_labeling_functions",
        {"labeling_functions": "labeling/lfs/labeling_functions.json"},
        {},
        {"data_path": "ops/crossings.csv", "gold_path": "ops/late_by_hand.csv"},
    )
    steps = _steps("and now the whole labeling loop on it", memory)
    assert steps[0][0] == "label_dataset"
    assert steps[0][1]["gold_path"] == "ops/late_by_hand.csv"
    steps = _steps("now the whole labeling loop on it, without the hand labels", memory)
    assert "gold_path" not in steps[0][1]
