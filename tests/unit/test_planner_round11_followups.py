"""Round 11: follow-up turns of a conversation (invented beekeeping tables and wording): reruns
that name their output, the thread's labeling run reviewed, answers from the thread, labels
files and acknowledgements in described files, output folders, hedged counts, hub datasets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.columns import text_column_said
from agents.planner import plan_goal
from agents.references import described_files, labels_named
from agents.slots import extract_slots
from settings import get_settings

ROWS = 40


@pytest.fixture
def apiary() -> Path:
    """Hive inspections with a free-text note and a partly filled 'issue', the inspector's
    labels for some of them, a table of queens, and one labeling run of the inspections."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    notes = ["mites on the drone brood", "queen cells along the frame", "wax moth webbing"]
    pd.DataFrame(
        {
            "hive_id": [f"H-{200 + i}" for i in range(ROWS)],
            "apiary": ["north", "south"] * (ROWS // 2),
            "inspector_note": [f"{notes[i % 3]} seen at hive {i}" for i in range(ROWS)],
            "issue": [["varroa", "swarming", "moth", None][i % 4] for i in range(ROWS)],
        }
    ).to_csv(root / "hive_checks.csv", index=False)
    pd.DataFrame(
        {"hive_id": [f"H-{200 + i}" for i in range(12)], "issue": ["varroa", "moth"] * 6}
    ).to_csv(root / "checks_labels.csv", index=False)
    pd.DataFrame(
        {"queen_id": [f"Q{i}" for i in range(ROWS)], "age_years": [i % 4 for i in range(ROWS)]}
    ).to_csv(root / "finesse_queens.csv", index=False)
    run = root / "labeling" / "hives"
    run.mkdir(parents=True)
    pd.DataFrame(
        {
            "id": [f"H-{200 + i}" for i in range(ROWS)],
            "issue": ["varroa", "swarming", "moth", "varroa"] * (ROWS // 4),
        }
    ).to_parquet(run / "labeled.parquet", index=False)
    (run / "metrics.json").write_text(json.dumps({"classes": ["varroa", "swarming", "moth"]}))
    lfs = [{"name": "kw_mites", "kind": "keyword", "column": "inspector_note", "label": "varroa"}]
    (run / "labeling_functions.json").write_text(json.dumps(lfs))
    return root


def _labeled_thread() -> dict[str, Any]:
    return {
        "labeled": "labeling/hives/labeled.parquet",
        "dataset": "hive_checks.csv",
        "results": [{"tool": "label_dataset", "metrics": {"accuracy": 0.9}}],
        "last_call": {"tool": "label_dataset", "args": {"data_path": "hive_checks.csv"}},
    }


def _steps(goal: str, memory: dict[str, Any] | None = None) -> list[tuple[str, dict]]:
    plan = plan_goal(goal, memory or {})
    assert plan.question is None, plan.question
    return [(s.tool, s.args) for s in plan.steps]


def test_a_rerun_that_names_a_file_reruns_the_call_with_that_output(apiary: Path) -> None:
    memory = {
        "results": [{"tool": "detect_anomalies", "metrics": {}}],
        "last_table": "anomalies/hive_checks-1.parquet",
        "dataset": "hive_checks.csv",
        "last_call": {"tool": "detect_anomalies", "args": {"dataset": "hive_checks.csv"}},
    }
    steps = _steps(
        "run that again with only the isolation forest, scores into odd_hives.csv", memory
    )
    assert [t for t, _ in steps] == ["detect_anomalies"]
    assert steps[0][1]["output"] == "odd_hives.csv"
    assert steps[0][1]["dataset"] == "hive_checks.csv"
    # without a rerun word it stays a save of the last table
    steps = _steps("store those as odd_hives.csv", memory)
    assert [t for t, _ in steps] == ["save_table"]


def test_the_threads_run_is_opened_and_its_rows_of_a_class_listed(apiary: Path) -> None:
    steps = _steps("bring up this run, I want to go over it", _labeled_thread())
    assert steps == [("labeling_workbench", {"labeling_dir": "labeling/hives"})]
    steps = _steps("give me the rules table of the last run", _labeled_thread())
    assert [t for t, _ in steps] == ["labeling_workbench"]
    steps = _steps("list the records it tagged as swarming", _labeled_thread())
    assert [t for t, _ in steps] == ["workbench_rows"]
    assert steps[0][1]["label"] == "swarming"
    assert steps[0][1]["labeling_dir"] == "labeling/hives"


def test_why_a_row_stands_out_is_answered_from_the_scoring(apiary: Path) -> None:
    memory = {
        "results": [
            {
                "tool": "detect_anomalies",
                "metrics": {},
                "worst": [{"row": 7, "hive_id": "H-207", "score": 9.5}],
                "worst_values": {"apiary": "north", "frames": 31},
            }
        ],
        "last_call": {"tool": "detect_anomalies", "args": {"dataset": "hive_checks.csv"}},
    }
    plan = plan_goal("why does the top one look so unusual?", memory)
    assert not plan.steps
    assert "H-207" in (plan.answer or "") and "frames=31" in (plan.answer or "")


def test_how_good_with_nothing_measured_answers_instead_of_asking(apiary: Path) -> None:
    memory = {
        "results": [{"tool": "inspect_dataset", "metrics": {}}],
        "last_call": {"tool": "inspect_dataset", "args": {"dataset": "hive_checks.csv"}},
    }
    for goal in ("so how well did that go", "are those decent?"):
        plan = plan_goal(goal, memory)
        assert plan.question is None and not plan.steps
        assert "measured" in (plan.answer or "")


def test_a_labels_file_is_not_the_table_a_sheet_describes(apiary: Path) -> None:
    files = ["hive_checks.csv", "checks_labels.csv", "finesse_queens.csv"]
    assert labels_named("checks_labels.csv") and not labels_named("hive_checks.csv")
    assert described_files("open the checks sheet", files) == ["hive_checks.csv"]
    assert described_files("open the checks labels", files) == ["checks_labels.csv"]
    steps = _steps("sort the checks sheet by issue using the hand-label file")
    assert steps[0][0] == "label_dataset"
    assert steps[0][1]["data_path"] == "hive_checks.csv"
    assert steps[0][1]["gold_path"] == "checks_labels.csv"


def test_an_opening_acknowledgement_describes_no_file(apiary: Path) -> None:
    files = ["hive_checks.csv", "finesse_queens.csv"]
    assert described_files("Fine! show me the table", files) == []
    steps = _steps("Fine, export the labels as parquet", _labeled_thread())
    assert steps[0][0] == "export_labeled_data"


def test_a_run_put_in_a_folder_and_output_to_a_folder(apiary: Path) -> None:
    steps = _steps("fill in the missing issues in hive_checks.csv and put the run in out/bees")
    assert steps[0][1]["output_dir"] == "out/bees"
    steps = _steps("label hive_checks.csv for issue, output to labeling/bees2")
    assert steps[0][1]["output_dir"] == "labeling/bees2"
    steps = _steps("label hive_checks.csv for issue, output to issues_filled.csv")
    assert "output_dir" not in steps[0][1]


def test_labeling_functions_written_in_a_table_read_it_and_its_text_column(apiary: Path) -> None:
    steps = _steps(
        "write labeling functions for issue in hive_checks.csv reading inspector_note, "
        "store them to rules/bees.json"
    )
    assert steps[0][0] == "write_labeling_functions"
    assert steps[0][1]["data_path"] == "hive_checks.csv"
    assert steps[0][1]["text_column"] == "inspector_note"
    profile = {"names": ["a", "body"], "columns": [{"name": "body", "text_like": True}]}
    assert text_column_said("rules based on the body", profile) == "body"
    assert text_column_said("rules based on the a", profile) is None  # not a text column


def test_a_hedged_count_and_a_file_after_a_comma(apiary: Path) -> None:
    memory = {
        "results": [{"tool": "generate_synthetic", "metrics": {}}],
        "last_call": {"tool": "generate_synthetic", "args": {"generator": "g/1", "n": 50}},
    }
    steps = _steps("maybe 250", memory)
    assert steps == [("generate_synthetic", {"generator": "g/1", "n": 250})]
    steps = _steps("put those into a file: more_hives.csv", memory)
    assert steps[0][0] == "generate_synthetic"
    assert steps[0][1]["output"] == "more_hives.csv"


def test_the_hub_dataset_just_looked_at_is_it(apiary: Path) -> None:
    memory = {
        "results": [{"tool": "dataset_configs", "metrics": {}}],
        "last_call": {
            "tool": "dataset_configs",
            "args": {"dataset_id": "apis/hive-sounds", "source": "huggingface"},
        },
    }
    steps = _steps("grab it please", memory)
    assert steps[0][0] == "download_dataset"
    assert steps[0][1]["dataset_id"] == "apis/hive-sounds"
    assert extract_slots("splits/configs of the second hit").repos == []
    assert extract_slots("the apis/hive-sounds set").repos == ["apis/hive-sounds"]


def test_a_label_distribution_is_a_look_at_the_data(apiary: Path) -> None:
    steps = _steps("columns and label distribution of hive_checks.csv?")
    assert [t for t, _ in steps] == ["inspect_dataset"]


def test_evaluate_and_compare_is_one_evaluation(apiary: Path) -> None:
    memory = {
        "models": [
            {"path": "models/hive_lr", "dataset": "hive_checks.csv", "label_column": "issue"},
            {"path": "models/hive_mlp", "dataset": "hive_checks.csv", "label_column": "issue"},
        ],
        "model": "models/hive_mlp",
        "results": [{"tool": "train_model", "metrics": {"accuracy": 0.7}}],
    }
    steps = _steps("evaluate hive_mlp, then compare it against hive_lr", memory)
    assert steps == [
        ("evaluate_model", {"model": "models/hive_mlp", "compare_model": "models/hive_lr"})
    ]


def test_an_overlap_said_with_a_hyphen(apiary: Path) -> None:
    (apiary / "guide.md").write_text("# Bees\n\n" + "Smoke the hive gently. " * 60)
    steps = _steps("split guide.md in fixed pieces of 300 characters with a 40-character overlap")
    assert steps[0][1]["chunk_overlap"] == 40


def test_the_threads_functions_changed_and_rerun_are_a_reapply(apiary: Path) -> None:
    memory = _labeled_thread()
    goal = "leave the other rules alone, add one: 'comb' in the note means moth. rerun with those"
    steps = _steps(goal, memory)
    assert [t for t, _ in steps] == ["reapply_labeling_functions"]
    assert steps[0][1]["labeling_dir"] == "labeling/hives"


def test_a_rules_file_named_beats_the_threads_functions(apiary: Path) -> None:
    (apiary / "rules").mkdir()
    (apiary / "rules" / "bee_rules.json").write_text("[]")
    memory = {
        "labeling_functions": [{"name": "kw_old", "kind": "keyword"}],
        "results": [{"tool": "write_labeling_functions", "metrics": {}}],
        "last_call": {"tool": "write_labeling_functions", "args": {"data_path": "hive_checks.csv"}},
    }
    steps = _steps("apply rules/bee_rules.json to hive_checks.csv", memory)
    assert steps[0][1].get("lfs_path") == "rules/bee_rules.json"
    assert "labeling_functions" not in steps[0][1]
    steps = _steps("now apply them to hive_checks.csv", memory)
    assert steps[0][1]["labeling_functions"] == [{"name": "kw_old", "kind": "keyword"}]


def test_it_is_the_hub_dataset_of_the_last_turns_results(apiary: Path) -> None:
    memory = {
        "results": [
            {"tool": "dataset_configs", "metrics": {}, "dataset_id": "apis/hive-sounds"},
            {"tool": "inspect_dataset", "metrics": {}},
        ],
        "last_call": {"tool": "inspect_dataset", "args": {"dataset": "hive_checks.csv"}},
    }
    steps = _steps("download it", memory)
    assert steps[0][1]["dataset_id"] == "apis/hive-sounds"


def test_rules_listed_by_commas_are_voted_on_the_table_said_before(apiary: Path) -> None:
    from agents.rules import parse_rules

    said = (
        "some rules for hive_checks.csv: if inspector_note says mites or varroa its varroa, "
        "moth or webbing is moth, cells is swarming"
    )
    rules = parse_rules(said)
    assert [r["label"] for r in rules] == ["varroa", "moth", "swarming"]
    assert rules[0]["keywords"] == ["mites", "varroa"]
    steps = _steps(f"{said}. vote them on every row and write hive_votes.csv")
    vote = dict(steps)["vote_labels"]
    assert vote["data_path"] == "hive_checks.csv"
    assert vote["output_path"] == "hive_votes.csv"
