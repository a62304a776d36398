"""Round 15: arguments of goals routed right (invented pottery-kiln tables and wording): a
key-and-labels table named alone is the gold of the table it labels, the partly filled column
the goal names or whose classes it says, settings said in a side clause, documents for
chunking, a rules file that names no data, test files by the figures asked on them, targets,
counts and classes said in everyday words."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from agents.arguments import loop_options
from agents.planner import plan_goal
from agents.slots import extract_targets, said_limit
from settings import get_settings

ROWS = 80
NOTES = [
    "the glaze ran down the side and pooled at the foot",
    "hairline crack across the base after cooling",
    "came out even and glossy, no trouble at all",
    "tiny pinholes all over the shoulder of the pot",
]


@pytest.fixture
def kilns() -> Path:
    """Firings with two partly filled columns (fault, shelf), a checked sample of faults in a
    key-and-label file, a held-out copy, a rules file, and two documents (one nested)."""
    root = get_settings().workspace
    faults = ["runny", "cracked", "fine", "pinholed"]
    firings = pd.DataFrame(
        {
            "firing_id": [f"F{500 + i}" for i in range(ROWS)],
            "clay": ["stoneware", "porcelain", "earthenware", "raku"] * (ROWS // 4),
            "peak_temp": [1180 + (i * 7) % 120 for i in range(ROWS)],
            "potter_note": [f"{NOTES[i % 4]} (firing {i})" for i in range(ROWS)],
            "shelf": [float(1 + i % 3) if i % 5 == 0 else None for i in range(ROWS)],
            "fault": [faults[i % 4] if i % 6 == 0 else None for i in range(ROWS)],
            "cracked_out": ["yes", "no"] * (ROWS // 2),
        }
    )
    firings.to_csv(root / "firings.csv", index=False)
    firings.head(20).to_csv(root / "firings_reserve.csv", index=False)
    checked = pd.DataFrame(
        {"firing_id": [f"F{500 + i}" for i in range(0, 40, 2)], "checked_fault": faults * 5}
    )
    checked.to_csv(root / "fault_sample.csv", index=False)
    rules = [
        {"name": "crack", "label": "cracked", "kind": "keyword", "keywords": ["crack"]},
        {"name": "pin", "label": "pinholed", "kind": "keyword", "keywords": ["pinholes"]},
    ]
    (root / "kiln_rules.json").write_text(json.dumps(rules))
    (root / "manuals" / "studio").mkdir(parents=True)
    (root / "manuals" / "studio" / "glaze_book.md").write_text("# Glazes\n\nMix well.\n")
    (root / "notes").mkdir()
    (root / "notes" / "firings_loading.md").write_text("# Loading\n\nStack evenly.\n")
    return root


def _step(plan, tool: str) -> dict:
    return next(s.args for s in plan.steps if s.tool == tool)


def test_a_key_and_labels_table_named_alone_is_the_gold(kilns: Path) -> None:
    plan = plan_goal(
        "Every firing needs a fault category for the studio report. Our technician's checked "
        "sample sits in fault_sample.csv."
    )
    args = _step(plan, "label_dataset")
    assert args["data_path"] == "firings.csv"
    assert args["gold_path"] == "fault_sample.csv"


def test_rules_drafted_from_a_named_key_and_labels_table_read_the_table_it_labels(
    kilns: Path,
) -> None:
    plan = plan_goal(
        "Draft keyword rules for the fault kinds off the potters' notes, with fault_sample.csv "
        "as what to learn from. Only show me the rules."
    )
    args = _step(plan, "write_labeling_functions")
    assert args["data_path"] == "firings.csv"
    assert args["gold_path"] == "fault_sample.csv"


def test_of_several_partly_filled_columns_the_one_the_goal_names(kilns: Path) -> None:
    plan = plan_goal(
        "Some firings got a fault written down by the potters. Could you fill in the rest of "
        "firings.csv?"
    )
    assert _step(plan, "label_dataset")["label_column"] == "fault"


def test_of_several_partly_filled_columns_the_one_whose_classes_are_said(kilns: Path) -> None:
    plan = plan_goal(
        "can you label which of the firings in firings.csv are runny, cracked or just pinholed, "
        "for all the ones we never got to?"
    )
    assert _step(plan, "label_dataset")["label_column"] == "fault"


def test_a_numeric_partly_filled_column_is_not_the_first_guess(kilns: Path) -> None:
    plan = plan_goal("Fill in the blanks of firings.csv from the rows already done please.")
    assert _step(plan, "label_dataset")["label_column"] == "fault"


def test_a_name_said_in_a_side_clause_names_the_run(kilns: Path) -> None:
    plan = plan_goal(
        "Weak-label fault on firings.csv, then train the final classifier on the soft labels; "
        "name the model fault_router."
    )
    assert _step(plan, "train_model")["name"] == "fault_router"


def test_store_it_as_names_the_model(kilns: Path) -> None:
    plan = plan_goal("Train on firings.csv to predict cracked_out and store it as crackwatch.")
    assert _step(plan, "train_model")["name"] == "crackwatch"


def test_a_generator_takes_its_name_and_the_column_it_is_made_by(kilns: Path) -> None:
    plan = plan_goal(
        "Fit a synthetic-data generator on firings.csv for believable fake firings (by clay) "
        "later on, call it firing_gen, nothing generated yet."
    )
    args = _step(plan, "train_generator")
    assert args["name"] == "firing_gen"
    assert args["label_column"] == "clay"


def test_a_document_named_bare_is_found_in_its_folder(kilns: Path) -> None:
    plan = plan_goal("Cut glaze_book.md into sections and write 2 questions per section.")
    assert _step(plan, "chunk_documents")["paths"] == ["manuals/studio/glaze_book.md"]


def test_a_described_document_beats_a_described_table_for_chunking(kilns: Path) -> None:
    plan = plan_goal("chop the firings procedure into little bits, about 300 characters each")
    assert _step(plan, "chunk_documents")["paths"] == ["notes/firings_loading.md"]


def test_a_qa_set_for_a_spreadsheet_is_exported_as_csv(kilns: Path) -> None:
    plan = plan_goal(
        "Turn notes/firings_loading.md into question and answer pairs and hand me something I "
        "can open in Excel."
    )
    assert _step(plan, "export_dataset")["format"] == "csv"


def test_a_rules_file_named_alone_leaves_the_data_to_the_description(kilns: Path) -> None:
    plan = plan_goal(
        "Run the rules in kiln_rules.json over the firings and show me coverage and conflicts "
        "per rule."
    )
    args = _step(plan, "apply_labeling_functions")
    assert args["lfs_path"] == "kiln_rules.json"
    assert args["data_path"] == "firings.csv"


def test_rules_scored_against_a_named_file_take_it_as_gold(kilns: Path) -> None:
    plan = plan_goal(
        "Apply the LFs in kiln_rules.json to firings.csv and give coverage, with accuracy "
        "against fault_sample.csv."
    )
    assert _step(plan, "apply_labeling_functions")["gold_path"] == "fault_sample.csv"


def test_rules_checked_against_a_column_score_on_it(kilns: Path) -> None:
    plan = plan_goal(
        "how good are the rules in kiln_rules.json? run them over firings.csv and check them "
        "agianst the fault colum"
    )
    assert _step(plan, "apply_labeling_functions")["label_column"] == "fault"


def test_figures_reported_on_a_file_make_it_the_test_set(kilns: Path) -> None:
    plan = plan_goal(
        "Build a crack model on firings.csv for cracked_out, aim for recall 0.7, and report "
        "the final numbers on firings_reserve.csv."
    )
    args = _step(plan, "train_model")
    assert args["dataset"] == "firings.csv"
    assert args["test_dataset"] == "firings_reserve.csv"


def test_columns_said_as_categories(kilns: Path) -> None:
    plan = plan_goal(
        "Train on firings.csv for cracked_out using peak_temp as numbers plus clay as categories."
    )
    assert _step(plan, "train_model")["categorical_columns"] == ["clay"]


def test_targets_said_loosely() -> None:
    assert extract_targets("Please take precision as metric, target is 0.55.") == {
        "precision": 0.55
    }
    assert extract_targets("Recall is what the owner reads, 65% would be lovely.") == {
        "recall": 0.65
    }
    assert extract_targets("recall is fine, 3 goes would be great") == {}


def test_attempts_of_a_kind() -> None:
    assert loop_options("no more than 3 tuning rounds please", "train_model") == {"max_attempts": 3}


def test_a_class_word_before_and_is_no_class(kilns: Path) -> None:
    plan = plan_goal(
        "Fit a generator on firings.csv on the clay class and spit out 60 synthetic 'raku' "
        "pots into raku_fake.csv - the studio wants to test its pricing."
    )
    args = _step(plan, "generate_synthetic")
    assert args["label"] == "raku"
    assert args["n"] == 60


def test_make_up_n_more(kilns: Path) -> None:
    plan = plan_goal("we have too few raku firings in firings.csv, can you make up 150 more")
    assert _step(plan, "generate_synthetic")["n"] == 150


def test_counts_in_everyday_words(kilns: Path) -> None:
    assert said_limit("Who tops the charts for toxicity? Give me a list of four.") == 4
    plan = plan_goal("show me firings.csv from row 30 onwards, maybe 15 of them")
    args = _step(plan, "preview_rows")
    assert args["offset"] == 30
    assert args["limit"] == 15


def test_anomaly_class_and_pair_detectors_said_in_a_list(kilns: Path) -> None:
    plan = plan_goal(
        "Kiln audit, please: score every row of firings.csv; take the clay column as the class; "
        "combine only the category-pair and binned-pair detectors; show the worst 10."
    )
    args = _step(plan, "detect_anomalies")
    assert args["label_column"] == "clay"
    assert sorted(args["detectors"]) == ["binned_pairs", "category_pairs"]
