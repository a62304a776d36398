"""Round 19, labeling goals: hand labels named by their file's words or named before the data,
the data described beside its hand labels, folders for a run said in other words, preview
windows, a save said after a fill-in, rules scored against their gold, and a list of classes
longer than the column's values (invented ferry-line files and wording)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.options import stated
from agents.plan import Plan
from agents.planner import plan_goal
from settings import get_settings

ROWS = 60
ROUTES = ["north", "south", "island"]
ISSUES = ["delay", "cabin", "food", "crew"]


@pytest.fixture
def ferry() -> Path:
    """Passenger complaints with a partly filled category, their verified categories in another
    file; deck reports with no label and the bosun's checks of some of them; cabin notes and
    their graded issues; rules for the deck reports."""
    root = get_settings().workspace
    write_ferry(root)
    return root


def write_ferry(root: Path) -> None:
    pd.DataFrame(
        {
            "complaint_id": [f"C{1000 + i}" for i in range(ROWS)],
            "route": [ROUTES[i % 3] for i in range(ROWS)],
            "complaint": [
                f"the crossing on day {i} was {['late again', 'cold in the cabin', 'bad food'][i % 3]}"
                " and nobody told us why"
                for i in range(ROWS)
            ],
            "category": [ISSUES[i % 4] if i % 3 == 0 else None for i in range(ROWS)],
        }
    ).to_csv(root / "passenger_complaints.csv", index=False)
    pd.DataFrame(
        {
            "complaint_id": [f"C{1000 + i}" for i in range(1, 25)],
            "category": [ISSUES[i % 4] for i in range(1, 25)],
        }
    ).to_csv(root / "complaints_verified.csv", index=False)
    pd.DataFrame(
        {
            "report_id": [f"R{500 + i}" for i in range(ROWS)],
            "deck": [["car", "upper", "bridge"][i % 3] for i in range(ROWS)],
            "note": [
                f"{['wet steps', 'loose rail', 'oil on the ramp'][i % 3]} seen near bay {i} at dawn"
                for i in range(ROWS)
            ],
        }
    ).to_csv(root / "deck_reports.csv", index=False)
    pd.DataFrame(
        {
            "report_id": [f"R{500 + i}" for i in range(24)],
            "hazard": [["slip", "trip", "none"][i % 3] for i in range(24)],
        }
    ).to_csv(root / "bosun_checks.csv", index=False)
    pd.DataFrame(
        {
            "note_id": [f"N{i}" for i in range(ROWS)],
            "cabin": [f"K{i % 12}" for i in range(ROWS)],
            "text": [
                f"cabin {i % 12} had {['a broken lamp', 'no hot water', 'a noisy fan'][i % 3]} "
                "on the night sailing"
                for i in range(ROWS)
            ],
        }
    ).to_csv(root / "cabin_notes.csv", index=False)
    pd.DataFrame(
        {
            "note_id": [f"N{i}" for i in range(24)],
            "issue": [["lighting", "plumbing", "noise"][i % 3] for i in range(24)],
        }
    ).to_csv(root / "notes_graded.csv", index=False)
    (root / "deck_rules.json").write_text(
        '[{"name": "wet", "label": "slip", "kind": "keyword", "column": "note", '
        '"keywords": ["wet", "oil"]}, {"name": "rail", "label": "trip", "kind": "keyword", '
        '"column": "note", "keywords": ["rail"]}]'
    )


def _tools(plan: Plan) -> list[str]:
    return [s.tool for s in plan.steps]


def _step(plan: Plan, tool: str) -> dict:
    return next(s.args for s in plan.steps if s.tool == tool)


# --- hand labels named by their file's words -----------------------------------------------


def test_hand_labels_named_by_words_of_their_file(ferry: Path) -> None:
    plan = plan_goal(
        "write labeling functions for the category in passenger_complaints.csv using the "
        "verified file"
    )
    args = _step(plan, "write_labeling_functions")
    assert args["data_path"] == "passenger_complaints.csv"
    assert args["gold_path"] == "complaints_verified.csv"  # not the data's own partly filled column
    plan = plan_goal("Label the deck reports using what the bosun found, then train a classifier")
    args = _step(plan, "label_dataset")
    assert (args["data_path"], args["gold_path"]) == ("deck_reports.csv", "bosun_checks.csv")
    # 'category' and 'complaints' are the data's own words: no other file is pointed at
    plan = plan_goal("fill in the missing category values in passenger_complaints.csv")
    assert "gold_path" not in _step(plan, "label_dataset")


def test_the_data_named_after_its_hand_labels_stays_the_data(ferry: Path) -> None:
    plan = plan_goal(
        "Snorkel the category on passenger_complaints.csv with gold complaints_verified.csv, "
        "then train on the soft labels."
    )
    args = _step(plan, "label_dataset")
    assert (args["data_path"], args["gold_path"]) == (
        "passenger_complaints.csv",
        "complaints_verified.csv",
    )


def test_hand_labels_named_as_the_data_label_the_table_the_words_describe(ferry: Path) -> None:
    pd.DataFrame(
        {
            "report_id": [f"R{500 + i}" for i in range(ROWS)],
            "crew": [f"P{i % 7}" for i in range(ROWS)],
            "hours": [i % 9 for i in range(ROWS)],
            "cost": [10.5 * i for i in range(ROWS)],
        }
    ).to_csv(ferry / "deck_repairs.csv", index=False)
    plan = plan_goal(
        "labl the deck reports as slip or trip using bosun_checks.csv, then save as x.csv"
    )
    args = _step(plan, "label_dataset")
    assert (args["data_path"], args["gold_path"]) == ("deck_reports.csv", "bosun_checks.csv")


def test_the_data_described_beside_its_hand_labels(ferry: Path) -> None:
    plan = plan_goal("Could you try weak supervision on the cabin notes with our graded ones?")
    assert plan.question is None
    args = _step(plan, "label_dataset")
    assert (args["data_path"], args["gold_path"]) == ("cabin_notes.csv", "notes_graded.csv")


def test_hand_labels_described_by_a_joined_word(ferry: Path) -> None:
    plan = plan_goal(
        "Please mine labeling functions from the hand-graded notes and save them as cabin_lfs.json"
    )
    assert plan.answer is None and plan.question is None
    args = _step(plan, "write_labeling_functions")
    assert (args["data_path"], args["gold_path"]) == ("cabin_notes.csv", "notes_graded.csv")
    assert args["output_path"] == "cabin_lfs.json"


# --- rules scored against hand labels --------------------------------------------------------


def test_rules_scored_against_hand_labels_said_in_other_words(ferry: Path) -> None:
    plan = plan_goal(
        "How well do the rules in deck_rules.json do on deck_reports.csv against the "
        "bosun-checked hazards in bosun_checks.csv?"
    )
    assert _step(plan, "apply_labeling_functions")["gold_path"] == "bosun_checks.csv"
    plan = plan_goal(
        "deck hazards via deck_rules.json on deck_reports.csv, gold bosun_checks.csv, accuracy?"
    )
    assert _step(plan, "apply_labeling_functions")["gold_path"] == "bosun_checks.csv"


def test_rules_written_then_scored_against_the_same_hand_labels(ferry: Path) -> None:
    plan = plan_goal(
        "I'd like rules learned from the bosun's gold labels in bosun_checks.csv, saved to "
        "learned_deck_rules.json, and then see how those rules score against the same gold."
    )
    assert _tools(plan) == ["write_labeling_functions", "apply_labeling_functions"]
    applied = _step(plan, "apply_labeling_functions")
    assert applied["data_path"] == "deck_reports.csv"
    assert applied["gold_path"] == "bosun_checks.csv"


def test_a_joining_word_after_column_is_no_column(ferry: Path) -> None:
    plan = plan_goal(
        "apply deck_rules.json to passenger_complaints.csv, using the partly filled category "
        "column for the rule accuracies"
    )
    assert _step(plan, "apply_labeling_functions")["label_column"] == "category"


# --- the run's folder -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "label deck_reports.csv with bosun_checks.csv, artifacts in runs/deck_ws.",
        "label deck_reports.csv, no end model, outputs written to runs/deck_ws",
        "label deck_reports.csv over 3 attempts; write to runs/deck_ws.",
        "label deck_reports.csv hazard, output runs/deck_ws, then show the slips",
        "label the deck reports (put it under runs/deck_ws) for the bosun",
    ],
)
def test_a_folder_for_the_run_said_in_other_words(text: str) -> None:
    assert stated("label_dataset", text)["output_dir"] == "runs/deck_ws"
    # a file, or no folder, is no run folder
    assert "output_dir" not in stated("label_dataset", "label x.csv and write it to out.csv")
    assert "output_dir" not in stated("label_dataset", "label x.csv, results go to the team")


def test_the_workbench_opens_the_folder_named_for_the_run(ferry: Path) -> None:
    plan = plan_goal(
        "label cabin_notes.csv issue with notes_graded.csv then open the workbench so i can "
        "fix the wrong ones, put the run in labeling/cabin_review"
    )
    assert _tools(plan) == ["label_dataset", "labeling_workbench"]
    assert _step(plan, "label_dataset")["output_dir"] == "labeling/cabin_review"
    assert _step(plan, "labeling_workbench")["labeling_dir"] == "labeling/cabin_review"


# --- preview windows -----------------------------------------------------------------------------


def test_preview_windows_in_loose_words(ferry: Path) -> None:
    plan = plan_goal("Is possible to look at the deck reports rows from number 20 to 35?")
    assert _step(plan, "preview_rows")["offset"] == 20
    plan = plan_goal("deck_reports.csv rows from 30, 15 of them")
    assert (_step(plan, "preview_rows")["offset"], _step(plan, "preview_rows")["limit"]) == (30, 15)
    plan = plan_goal("could I see a handful of rows from deck_reports.csv? like 6")
    assert _step(plan, "preview_rows")["limit"] == 6


# --- a save said after a fill-in ------------------------------------------------------------------


def test_a_file_asked_for_after_a_fill_in_is_saved_from_the_run(ferry: Path) -> None:
    plan = plan_goal(
        "The category column in passenger_complaints.csv, can you fill it and give me the file "
        "complaints_sorted.csv after?"
    )
    assert _tools(plan) == ["label_dataset", "save_table"]
    saved = _step(plan, "save_table")
    assert saved["dataset"] == "${steps.0.labeled_path}"
    assert saved["path"] == "complaints_sorted.csv"


def test_a_copy_asked_for_after_a_fill_in_is_the_runs_output(ferry: Path) -> None:
    plan = plan_goal(
        "I need the category filled in on every passenger complaint, and a copy I can open in "
        "Excel called complaints_full.csv."
    )
    assert _tools(plan) == ["label_dataset", "save_table"]
    assert _step(plan, "save_table")["dataset"] == "${steps.0.labeled_path}"


# --- classes ---------------------------------------------------------------------------------------


def test_a_list_of_classes_longer_than_the_columns_values(ferry: Path) -> None:
    plan = plan_goal(
        "Weak labels for category in passenger_complaints.csv (5 classes: delay, cabin, food, "
        "crew, noise), coverage target 0.9."
    )
    assert _step(plan, "label_dataset")["labels"] == ["delay", "cabin", "food", "crew", "noise"]


# --- rules voted into a file, said twice; two columns with gaps -----------------------------------


def test_rules_put_on_every_row_and_written_to_a_file_are_voted(ferry: Path) -> None:
    plan = plan_goal(
        "We have rules file deck_rules.json. Use it for put a hazard on every note in "
        "deck_reports.csv and write the result to deck_hazards.csv"
    )
    assert _tools(plan) == ["vote_labels"]
    args = _step(plan, "vote_labels")
    assert (args["data_path"], args["output_path"]) == ("deck_reports.csv", "deck_hazards.csv")
    assert args["labeling_functions"] == "deck_rules.json"
    plan = plan_goal(
        "Mark the deck reports slip or trip with the rules in deck_rules.json by majority vote, "
        "and save the outcome in deck_votes.csv."
    )
    assert _tools(plan) == ["vote_labels"]


def test_a_request_said_twice_is_one_step() -> None:
    from agents.plan import Planning
    from agents.planner import _merge_duplicates

    p = Planning(memory={})
    args = {"data_path": "deck_reports.csv", "output_path": "v.csv", "labeling_functions": "r.json"}
    # two clauses each naming the table asked for the same vote: one step
    p.add("vote_labels", dict(args), why="the vote of every rule on deck_reports.csv")
    p.add("vote_labels", dict(args), why="each report of deck_reports.csv, the result in v.csv")
    p.add("vote_labels", {**args, "output_path": "w.csv"}, why="and on deck_reports.csv to w.csv")
    _merge_duplicates(p)
    assert [s.args["output_path"] for s in p.steps] == ["v.csv", "w.csv"]


def test_two_columns_with_gaps_and_none_said_is_a_question(ferry: Path) -> None:
    pd.DataFrame(
        {
            "booking_id": [f"B{i}" for i in range(ROWS)],
            "remark": [
                f"passenger {i} asked about the {['dog', 'bike', 'car'][i % 3]}"
                for i in range(ROWS)
            ],
            "reason": [
                ["pets", "bikes", "vehicles"][i % 3] if i % 4 == 0 else None for i in range(ROWS)
            ],
            "refund": [["yes", "no"][i % 2] if i % 5 == 0 else None for i in range(ROWS)],
        }
    ).to_csv(ferry / "bookings.csv", index=False)
    plan = plan_goal("Could you fill in the gaps in bookings.csv? Half the rows are blank.")
    assert not plan.steps and "reason" in plan.question and "refund" in plan.question
    plan = plan_goal("Could you fill in the gaps in bookings.csv? Half the rows are blank. reason")
    assert _step(plan, "label_dataset")["label_column"] == "reason"
    # a class list said: the list ends where the words go on ('..., target accuracy 0.8')
    plan = plan_goal(
        "Weak supervision on bookings.csv, classes pets/bikes/vehicles, target accuracy 0.8"
    )
    assert _step(plan, "label_dataset")["labels"] == ["pets", "bikes", "vehicles"]


# --- labeling said in a passive, data described beside a named file -------------------------------


def test_a_table_wanted_labelled_is_labeled_not_trained_on() -> None:
    from agents.intent import cue_tools

    def has_tool(name: str) -> bool:
        return True

    for clause in (
        "I want the deck_reports.csv labelled by hazard to AUC 0.8",
        "we need deck_reports.csv tagged with a hazard, macro F1 0.7 at least",
    ):
        assert cue_tools(clause, ["deck_reports.csv"], "hazard", has_tool) == ["label_dataset"]


def test_described_data_labeled_beside_a_named_file(ferry: Path) -> None:
    pd.DataFrame(
        {
            "report_id": [f"R{900 + i}" for i in range(20)],
            "deck": [["car", "upper", "bridge"][i % 3] for i in range(20)],
            "note": [
                f"{['wet steps', 'loose rail'][i % 2]} near bay {i} at noon" for i in range(20)
            ],
        }
    ).to_csv(ferry / "reports_this_week.csv", index=False)
    plan = plan_goal(
        "Get the deck reports labelled for hazards using the bosun results, then train a "
        "classifier on those labels and predict reports_this_week.csv."
    )
    assert _tools(plan) == ["label_dataset", "train_model", "predict"]
    args = _step(plan, "label_dataset")
    assert (args["data_path"], args["gold_path"]) == ("deck_reports.csv", "bosun_checks.csv")


def test_rules_described_by_their_data_scored_on_its_own_column(ferry: Path) -> None:
    (ferry / "complaint_rules.json").write_text(
        '[{"name": "late", "label": "delay", "kind": "keyword", "column": "complaint", '
        '"keywords": ["late"]}]'
    )
    plan = plan_goal(
        "Before we trust the rules Sam wrote for the passenger complaints, tell me how good "
        "each is against the categories the crew already filled in."
    )
    args = _step(plan, "apply_labeling_functions")
    assert args["lfs_path"] == "complaint_rules.json"
    assert args["label_column"] == "category"


def test_a_look_up_names_the_label_in_another_form(ferry: Path) -> None:
    pd.DataFrame(
        {
            "crew_id": [f"K{i}" for i in range(ROWS)],
            "vessel": [["Skua", "Tern"][i % 2] for i in range(ROWS)],
            "minutes": [10 + i % 7 for i in range(ROWS)],
            "passed_drill": [["yes", "no", "yes"][i % 3] for i in range(ROWS)],
        }
    ).to_csv(ferry / "crew_drills.csv", index=False)
    plan = plan_goal("whats in crew_drills.csv? colums and the pass rate")
    assert _step(plan, "inspect_dataset")["label_column"] == "passed_drill"
