"""Round 19: follow-up turns of a conversation (an invented ferry operator's tables and wording):
hand labels said as what rules are measured against, a typed correction of the label column,
rows of a class said with 'ended up', and more (see docs/planner.md, "Nineteenth round")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.planner import plan_goal, remember
from settings import get_settings
from tests.utils.threads import labeled, planned_steps, trained

ROWS = 40
RUN = "labeling/crossing_notes-run1"


@pytest.fixture
def ferry() -> Path:
    """Crossing notes (delay cause mostly empty), their checked causes, a rules file, sailings
    with two outcomes to learn, and a labeling run of the notes with three classes."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    ids = [f"CX-{500 + i}" for i in range(ROWS)]
    notes = ["fog at the harbour mouth", "ramp jammed", "late lorry", "calm sea"] * (ROWS // 4)
    causes = (["weather", "mechanical", "cargo", "none"] * (ROWS // 4))[:8] + [None] * (ROWS - 8)
    pd.DataFrame({"crossing_id": ids, "note": notes, "delay_cause": causes}).to_csv(
        root / "crossing_notes.csv", index=False
    )
    pd.DataFrame({"crossing_id": ids[:12], "delay_cause": (causes * 2)[:12]}).to_csv(
        root / "cause_gold.csv", index=False
    )
    rules = [{"name": "kw_fog", "kind": "keyword", "column": "note", "label": "weather"}]
    (root / "cause_rules.json").write_text(json.dumps(rules))
    pd.DataFrame(
        {
            "sailing_no": [f"S-{i}" for i in range(ROWS)],
            "wind_knots": [5 + i % 30 for i in range(ROWS)],
            "cars_booked": [40 + i for i in range(ROWS)],
            "ran_late": ["yes" if i % 3 else "no" for i in range(ROWS)],
            "cancelled": ["yes" if i % 5 == 0 else "no" for i in range(ROWS)],
        }
    ).to_csv(root / "sailings_2024.csv", index=False)
    run = root / RUN
    run.mkdir(parents=True)
    pd.DataFrame({"id": ids, "delay_cause": (causes[:8] * 5)[:ROWS]}).to_parquet(
        run / "labeled.parquet", index=False
    )
    classes = ["cargo", "mechanical", "none", "weather"]
    (run / "metrics.json").write_text(json.dumps({"classes": classes}))
    (run / "labeling_functions.json").write_text(json.dumps(rules))
    return root


_steps = planned_steps


def test_hand_labels_named_after_against_are_the_gold_not_the_data(ferry: Path) -> None:
    [(tool, args)] = _steps(
        "How well do the deck crew's rules in cause_rules.json score on the crossing notes, "
        "against cause_gold.csv?"
    )
    assert tool == "apply_labeling_functions"
    assert args["data_path"] == "crossing_notes.csv"
    assert args["gold_path"] == "cause_gold.csv"


def test_a_typed_correction_of_the_label_column_retrains_on_the_same_table(ferry: Path) -> None:
    memory = trained("models/sail-1", "sailings_2024.csv", "ran_late")
    [(tool, args)] = _steps("oops no i ment cancelled", memory)
    assert tool == "train_model"
    assert (args["dataset"], args["label_column"]) == ("sailings_2024.csv", "cancelled")


def test_rows_that_ended_up_in_a_class_are_the_runs_rows(ferry: Path) -> None:
    memory = labeled(RUN, "crossing_notes.csv", "delay_cause")
    memory = remember(
        "train_model",
        {"model_path": "models/cause-1", "metrics": {"f1": 0.7}},
        memory,
        {"dataset": f"{RUN}/labeled.parquet", "label_column": "delay_cause"},
    )
    [(tool, args)] = _steps(
        "let me see the notes that ended up mechanical in the workbench", memory
    )
    assert tool == "workbench_rows" and args["label"] == "mechanical"


def test_a_rerun_names_a_detector_by_its_first_words_and_a_count_to_show(ferry: Path) -> None:
    memory = remember(
        "detect_anomalies",
        {"flagged": 6, "rows": ROWS, "scores_path": "anomalies/sailings.csv"},
        {},
        {"dataset": "sailings_2024.csv", "id_column": "sailing_no"},
    )
    [(tool, args)] = _steps(
        "redo that using only the local outlier one plus isolation forest, and show me 12", memory
    )
    assert tool == "detect_anomalies" and args["dataset"] == "sailings_2024.csv"
    assert sorted(args["detectors"]) == ["isolation_forest", "local_outlier_factor"]
    assert args["top_k"] == 12


def test_a_metric_asked_of_the_test_file_is_the_metric_not_a_path(ferry: Path) -> None:
    memory = trained(
        "models/sail-1",
        "sailings_2024.csv",
        "ran_late",
        metrics={"accuracy": 0.81, "precision": 0.66, "measured_on": "test"},
        test_dataset="sailings_2024.csv",
    )
    plan = plan_goal("and the precision on that test file?", memory)
    assert not plan.steps and "0.66" in (plan.answer or "")


def test_a_run_folder_said_after_write_to_is_the_labeling_output(ferry: Path) -> None:
    [(tool, args)] = _steps(
        "weak labels for delay_cause on crossing_notes.csv, gold cause_gold.csv, write to "
        "labeling/causes_v1."
    )
    assert tool == "label_dataset" and args["output_dir"] == "labeling/causes_v1"


def test_rows_of_the_yes_ones_are_that_class_of_the_generator(ferry: Path) -> None:
    memory = remember(
        "train_generator",
        {"model_path": "generators/sail-0", "label_column": "cancelled", "classes": ["no", "yes"]},
        {},
        {"dataset": "sailings_2024.csv", "label_column": "cancelled"},
    )
    [(tool, args)] = _steps("generate 80 rows of just the yes ones", memory)
    assert tool == "generate_synthetic" and (args["n"], args["label"]) == (80, "yes")


def test_a_misspelt_check_for_weird_rows_is_an_anomaly_scan(ferry: Path) -> None:
    memory = trained("models/sail-1", "sailings_2024.csv", "ran_late")
    [(tool, args)] = _steps("also chek crossing_notes.csv for wierd trips", memory)
    assert tool == "detect_anomalies" and args["dataset"] == "crossing_notes.csv"


def test_the_worst_rule_of_an_applied_rules_file_is_answered_from_the_thread(ferry: Path) -> None:
    per_rule = [
        {"name": "kw_fog", "coverage": 0.3, "dev_votes": 9, "dev_correct": 8, "dev_accuracy": 0.89},
        {
            "name": "kw_ramp",
            "coverage": 0.1,
            "dev_votes": 6,
            "dev_correct": 2,
            "dev_accuracy": 0.33,
        },
    ]
    memory = remember(
        "apply_labeling_functions",
        {"rows": ROWS, "lf_count": 2, "summary": per_rule},
        {},
        {"data_path": "crossing_notes.csv", "lfs_path": "cause_rules.json"},
    )
    plan = plan_goal("which of the rules did the poorest job?", memory)
    assert not plan.steps and (plan.answer or "").index("kw_ramp") < plan.answer.index("kw_fog")


def test_which_listed_dataset_has_the_most_downloads_is_answered_from_the_listing(
    ferry: Path,
) -> None:
    found = [
        {"id": "harbours/ferry-delays", "source": "kaggle", "downloadCount": 120, "voteCount": 9},
        {"id": "coast/tides-2020", "source": "kaggle", "downloadCount": 870, "voteCount": 2},
    ]
    memory = remember("search_datasets", {"results": found}, {}, {"query": "ferry delays"})
    plan = plan_goal("ok and which of them got the most downloads?", memory)
    assert not plan.steps and "coast/tides-2020" in (plan.answer or "")
    plan = plan_goal("which one has the fewest votes?", memory)
    assert not plan.steps and "coast/tides-2020" in (plan.answer or "")
    [(tool, args)] = _steps("download the first one", memory)
    assert tool == "download_dataset" and args["dataset_id"] == "harbours/ferry-delays"


def _scanned() -> dict[str, Any]:
    return remember(
        "detect_anomalies",
        {"flagged": 6, "rows": ROWS, "scores_path": "anomalies/sailings-scores.csv"},
        {},
        {"dataset": "sailings_2024.csv", "id_column": "sailing_no"},
    )


def test_keep_a_copy_called_a_file_saves_the_last_output(ferry: Path) -> None:
    for goal in ("keep a copy called odd_sailings.csv", "save it under the name odd_sailings.csv"):
        [(tool, args)] = _steps(goal, _scanned())
        assert tool == "save_table"
        assert args == {"dataset": "anomalies/sailings-scores.csv", "path": "odd_sailings.csv"}


def test_whether_the_target_was_reached_asked_in_other_words(ferry: Path) -> None:
    memory = labeled(RUN, "crossing_notes.csv", "delay_cause")  # auc 0.9 against 0.85: met
    for goal in (
        "did it get there?",
        "so did we clear the bar?",
        "is that above what I asked for?",
    ):
        plan = plan_goal(goal, memory)
        assert not plan.steps and (plan.answer or "").startswith("Yes"), goal


def test_the_other_way_round_swaps_the_training_and_test_files(ferry: Path) -> None:
    (ferry / "sailings_2025.csv").write_text((ferry / "sailings_2024.csv").read_text())
    memory = trained(
        "models/sail-1", "sailings_2024.csv", "ran_late", test_dataset="sailings_2025.csv"
    )
    for goal in ("no no, the other way round", "hm, I got them backwards"):
        [(tool, args)] = _steps(goal, memory)
        assert tool == "train_model" and args["label_column"] == "ran_late"
        assert (args["dataset"], args["test_dataset"]) == ("sailings_2025.csv", "sailings_2024.csv")


def test_learn_it_on_another_table_is_the_training_again_there(ferry: Path) -> None:
    (ferry / "sailings_2025.csv").write_text((ferry / "sailings_2024.csv").read_text())
    (ferry / "sailings_winter.csv").write_text((ferry / "sailings_2024.csv").read_text())
    memory = trained("models/sail-1", "sailings_2024.csv", "cancelled", kind="mlp")
    [(tool, args)] = _steps("ok, now learn it from sailings_2025.csv", memory)
    assert (tool, args["dataset"], args["label_column"]) == (
        "train_model",
        "sailings_2025.csv",
        "cancelled",
    )
    assert args["model"] == "mlp"
    [(tool, args)] = _steps("fit that on sailings_2025.csv and test on sailings_winter.csv", memory)
    assert (args["dataset"], args["test_dataset"]) == ("sailings_2025.csv", "sailings_winter.csv")


def test_the_table_a_vote_wrote_is_what_that_and_it_point_at(ferry: Path) -> None:
    (ferry / "cause_votes.csv").write_text((ferry / "crossing_notes.csv").read_text())
    memory = remember(
        "vote_labels",
        {"output_path": "cause_votes.csv", "rows": ROWS},
        {},
        {"data_path": "crossing_notes.csv", "output_path": "cause_votes.csv"},
    )
    [(tool, args)] = _steps("head -8 of that", memory)
    assert (tool, args["dataset"], args["limit"]) == ("preview_rows", "cause_votes.csv", 8)


def test_terse_target_question_and_call_it_a_file(ferry: Path) -> None:
    plan = plan_goal("target hit?", labeled(RUN, "crossing_notes.csv", "delay_cause"))
    assert not plan.steps and (plan.answer or "").startswith("Yes")
    [(tool, args)] = _steps("keep the scores, csv, call it odd_sailings.csv", _scanned())
    assert (tool, args["path"]) == ("save_table", "odd_sailings.csv")


def test_the_same_on_another_table_takes_a_setting_said_with_it(ferry: Path) -> None:
    [(tool, args)] = _steps("same for the crossing notes, only the top 4", _scanned())
    assert (tool, args["dataset"], args["top_k"]) == ("detect_anomalies", "crossing_notes.csv", 4)


def test_these_labels_after_looking_at_a_file_are_its_hand_labels(ferry: Path) -> None:
    memory = remember("inspect_dataset", {"rows": 12}, {}, {"dataset": "cause_gold.csv"})
    [(tool, args)] = _steps(
        "right, with these labels fill delay_cause in crossing_notes.csv", memory
    )
    assert tool == "label_dataset"
    assert (args["data_path"], args["gold_path"]) == ("crossing_notes.csv", "cause_gold.csv")


def test_a_scan_of_another_table_does_not_use_the_threads_generator(ferry: Path) -> None:
    memory = remember(
        "train_generator",
        {"model_path": "generators/sail-0", "label_column": "cancelled", "classes": ["no", "yes"]},
        {},
        {"dataset": "sailings_2024.csv", "label_column": "cancelled"},
    )
    [(tool, args)] = _steps("now check crossing_notes.csv for weird ones too", memory)
    assert tool == "detect_anomalies" and "model" not in args
    [(tool, args)] = _steps("any odd rows in sailings_2024.csv compared with this?", memory)
    assert args.get("model") == "generators/sail-0"


def test_trending_after_a_search_is_its_own_look_up(ferry: Path) -> None:
    found = [{"id": "harbours/ferry-delays", "source": "kaggle", "downloadCount": 120}]
    memory = remember(
        "search_datasets", {"results": found}, {}, {"query": "ferry", "source": "kaggle"}
    )
    [(tool, args)] = _steps("and what's trending on hugging face instead?", memory)
    assert (tool, args["source"]) == ("trending_datasets", "huggingface")


def test_the_same_after_saving_a_scans_scores_repeats_the_scan(ferry: Path) -> None:
    memory = _scanned()
    memory["turns"] = [[dict(memory["last_call"])]]
    memory = remember(
        "save_table",
        {"path": "odd_sailings.csv"},
        memory,
        {"dataset": "anomalies/sailings-scores.csv", "path": "odd_sailings.csv"},
    )
    memory["last_turn"] = [dict(memory["last_call"])]
    [(tool, args)] = _steps("same for the crossing notes, just the top 3", memory)
    assert (tool, args["dataset"], args["top_k"]) == ("detect_anomalies", "crossing_notes.csv", 3)
