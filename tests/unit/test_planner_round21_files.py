"""Round 21: file arguments read from the workspace's data (invented ferry-operator files and
wording): one table trained on and predicted, beside its column sibling; a hand-labels table
bound as a labeling step's data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.grounding import bind_unwritten_outputs, ground_plan, workspace_files
from agents.hand_labels import data_of_labels
from agents.options import ARTIFACTS_DIR_RE
from agents.plan import Planning
from agents.prediction import split_one_table
from settings import get_settings

ROWS = 48


def _sailings(outcome: bool = True, gaps: bool = False) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "sailing_no": [f"S{300 + i}" for i in range(ROWS)],
            "route": ["north", "harbour", "isles"] * (ROWS // 3),
            "wind_kn": [8 + (i * 7) % 30 for i in range(ROWS)],
            "cars_booked": [(i * 13) % 60 for i in range(ROWS)],
            "late_departure": ["yes", "no", "no", "no"] * (ROWS // 4),
            "fare_take": [400 + (i * 37) % 900 for i in range(ROWS)],
        }
    )
    if gaps:
        frame.loc[ROWS // 2 :, "late_departure"] = None
    return frame if outcome else frame.drop(columns=["late_departure", "fare_take"])


@pytest.fixture
def sailings() -> Path:
    """Past sailings (with the outcome), an older copy of them, and next week's (without)."""
    root = get_settings().workspace
    _sailings().to_csv(root / "sailings_log.csv", index=False)
    _sailings().to_csv(root / "sailings_log_1999.csv", index=False)
    _sailings(outcome=False).to_csv(root / "sailings_next_week.csv", index=False)
    return root


def _train_then_predict(table: str, label: str | None) -> Planning:
    planning = Planning(memory={})
    train = {"dataset": table} if label is None else {"dataset": table, "label_column": label}
    planning.add("train_model", train, why="")
    planning.add("predict", {"model": "${steps.0.model_path}", "dataset": table}, why="")
    return planning


def test_history_trained_on_scores_its_sibling_without_the_outcome(sailings: Path) -> None:
    # 'learn from sailings_log.csv: which of next week's sailings will leave late?' bound both
    # steps to the log; next week's table has its columns but the outcome
    planning = _train_then_predict("sailings_log.csv", "late_departure")
    split_one_table(planning, "which of next week's sailings will leave late? learn from the log")
    assert planning.steps[0].args["dataset"] == "sailings_log.csv"
    assert planning.steps[1].args["dataset"] == "sailings_next_week.csv"


def test_rows_without_the_outcome_learn_from_the_base_history(sailings: Path) -> None:
    # the rows to score bound to the training too, its label one of their own columns: the
    # model learns from the sibling with the outcome (the base log, not its 1999 copy, on a
    # tie) and its label is the added column the goal names
    planning = _train_then_predict("sailings_next_week.csv", "route")
    split_one_table(planning, "on the north route, which sailings will have a late departure?")
    trainer, predict = (s.args for s in planning.steps)
    assert trainer["dataset"] == "sailings_log.csv"
    assert trainer["label_column"] == "late_departure"
    assert predict["dataset"] == "sailings_next_week.csv"


def test_an_outcome_with_gaps_predicts_the_same_table(sailings: Path) -> None:
    # the log's own unfilled outcomes are the rows to predict: nothing moves
    _sailings(gaps=True).to_csv(sailings / "sailings_log.csv", index=False)
    planning = _train_then_predict("sailings_log.csv", "late_departure")
    split_one_table(planning, "fill in late_departure where it is missing in the log")
    assert [s.args["dataset"] for s in planning.steps] == ["sailings_log.csv"] * 2


def test_no_sibling_leaves_the_plan(sailings: Path) -> None:
    (sailings / "sailings_next_week.csv").unlink()
    planning = _train_then_predict("sailings_log.csv", "late_departure")
    split_one_table(planning, "predict late departures of the log")
    assert [s.args["dataset"] for s in planning.steps] == ["sailings_log.csv"] * 2


def _tickets(root: Path, key: str = "ticket_no") -> None:
    pd.DataFrame(
        {
            "ticket_no": [f"T{i:03d}" for i in range(ROWS)],
            "deck": ["car", "passenger", "engine"] * (ROWS // 3),
            "crew_report": [
                f"the {w} on deck {i % 4} was making a grinding noise after the crossing"
                for i, w in enumerate(["winch", "ramp", "door", "pump"] * (ROWS // 4))
            ],
            "fault_area": (["hydraulic", None, "electrical", None] * (ROWS // 4)),
        }
    ).to_csv(root / "repair_tickets.csv", index=False)
    pd.DataFrame(
        {
            key: [f"T{i:03d}" for i in range(0, ROWS, 3)],
            "fault_area": ["hydraulic", "electrical", "mechanical", "hydraulic"] * (ROWS // 12),
        }
    ).to_csv(root / "tickets_engineer_checked.csv", index=False)


@pytest.mark.parametrize("key", ["data_path", "dataset"])
def test_hand_labels_bound_as_data_become_the_gold(key: str) -> None:
    # 'label the repair tickets using the engineer's checked file' bound the checked file (a key
    # and complete labels for a third of the tickets) as the data
    _tickets(get_settings().workspace)
    args = {key: "tickets_engineer_checked.csv", "label_column": "fault_area"}
    assert data_of_labels(args, workspace_files())
    assert args[key] == "repair_tickets.csv"
    assert args["gold_path"] == "tickets_engineer_checked.csv"
    assert args["label_column"] == "fault_area"


def test_data_with_text_or_a_gold_already_stays() -> None:
    _tickets(get_settings().workspace)
    with_text = {"data_path": "repair_tickets.csv"}
    assert not data_of_labels(with_text, workspace_files())
    assert with_text == {"data_path": "repair_tickets.csv"}
    given = {"data_path": "tickets_engineer_checked.csv", "gold_path": "other.csv"}
    assert not data_of_labels(given, workspace_files())
    assert given["data_path"] == "tickets_engineer_checked.csv"


def test_labels_sharing_no_key_are_not_moved() -> None:
    _tickets(get_settings().workspace, key="form_ref")
    args = {"data_path": "tickets_engineer_checked.csv"}
    assert not data_of_labels(args, workspace_files())


def _labeled_then_saved(path: str) -> Planning:
    planning = Planning(memory={})
    planning.add("label_dataset", {"data_path": "repair_tickets.csv"}, why="")
    planning.add(
        "save_table",
        {"dataset": "${steps.0.labeled_path}", "path": path, "format": "csv"},
        why="",
    )
    return planning


@pytest.mark.parametrize("bound", ["repair_tickets.csv", "repair_tickets_copy.csv"])
def test_a_named_new_file_replaces_a_save_over_the_input_or_a_made_up_name(bound: str) -> None:
    # 'fill in fault_area for repair_tickets.csv and hand it back as tickets_done.parquet': the
    # save bound to the input itself (a write over the person's data) or to a name made up
    # beside it, while the new file the goal names is written by no step
    _tickets(get_settings().workspace)
    goal = "fill in fault_area for repair_tickets.csv and hand it back as tickets_done.parquet"
    planning = _labeled_then_saved(bound)
    bind_unwritten_outputs(planning, goal)
    assert planning.steps[1].args["path"] == "tickets_done.parquet"
    assert planning.steps[1].args["format"] == "parquet"


def test_a_rules_file_is_not_written_over() -> None:
    _tickets(get_settings().workspace)
    (get_settings().workspace / "deck_rules.json").write_text("[]")
    planning = Planning(memory={})
    planning.add(
        "vote_labels",
        {
            "data_path": "repair_tickets.csv",
            "labeling_functions": "deck_rules.json",
            "output_path": "deck_rules.json",
        },
        why="",
    )
    goal = "run deck_rules.json over repair_tickets.csv and put each ticket's votes in votes.csv"
    bind_unwritten_outputs(planning, goal)
    assert planning.steps[0].args["output_path"] == "votes.csv"


def test_a_named_output_already_there_stays() -> None:
    # a save to another existing table that no step reads is the person's choice: kept
    _tickets(get_settings().workspace)
    goal = "fill in fault_area for repair_tickets.csv, save to tickets_engineer_checked.csv; x.csv"
    planning = _labeled_then_saved("tickets_engineer_checked.csv")
    bind_unwritten_outputs(planning, goal)
    assert planning.steps[1].args["path"] == "tickets_engineer_checked.csv"


@pytest.mark.parametrize(
    "said",
    [
        "Output folder: runs/ferry_v1.",
        "output folder runs/ferry_v1; target 0.8",
        "output directory = runs/ferry_v1",
    ],
)
def test_an_output_folder_said_tersely(said: str) -> None:
    match = ARTIFACTS_DIR_RE.search(f"Label repair_tickets.csv by fault_area. {said}")
    assert match is not None and match.group(1).rstrip("/") == "runs/ferry_v1"


def test_an_id_said_for_applied_rules() -> None:
    # 'apply deck_rules.json to repair_tickets.csv, id col ticket_no': the key named is the id
    _tickets(get_settings().workspace)
    (get_settings().workspace / "deck_rules.json").write_text("[]")
    planning = Planning(memory={})
    planning.add(
        "apply_labeling_functions",
        {"data_path": "repair_tickets.csv", "lfs_path": "deck_rules.json"},
        why="",
    )
    ground_plan(planning, "apply deck_rules.json to repair_tickets.csv, id col ticket_no")
    assert planning.steps[0].args["id_column"] == "ticket_no"


def test_a_gold_that_joins_nothing_gives_way_to_the_labels_bound_as_data() -> None:
    # 'tag the tickets by fault area, some are done by hand in a separate file': the labels read
    # as the data, and another hand-checked file (a key the tickets lack) bound as their gold
    root = get_settings().workspace
    _tickets(root)
    pd.DataFrame({"survey_ref": ["A1", "A2", "A3"], "verdict": ["ok", "bad", "ok"]}).to_csv(
        root / "hull_handchecked.csv", index=False
    )
    args = {
        "data_path": "tickets_engineer_checked.csv",
        "gold_path": "hull_handchecked.csv",
        "gold_id_column": "survey_ref",
        "label_column": "verdict",
    }
    assert data_of_labels(args, workspace_files())
    assert args == {"data_path": "repair_tickets.csv", "gold_path": "tickets_engineer_checked.csv"}
