"""Round 13: arguments of goals routed right (invented apiary tables and wording): a file to
write said in passing, a new name made from a table's name, hubs mistyped, counts of results,
worst rows and pairs per chunk, questions without answers, and paths outside the workspace."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.arguments import anomaly_options, qa_options
from agents.planner import path_outside_workspace, plan_goal
from agents.slots import said_limit, source_said
from settings import get_settings

ROWS = 40


@pytest.fixture
def apiary() -> Path:
    """Hive inspections with a 'swarmed' outcome, next week's hives without it, beekeepers'
    notes with a partly filled 'issue' column, and one beekeeping guide."""
    root = get_settings().workspace
    (root / "docs").mkdir(parents=True, exist_ok=True)
    hives = pd.DataFrame(
        {
            "hive_id": [f"H{300 + i}" for i in range(ROWS)],
            "frames": [(i * 3) % 10 for i in range(ROWS)],
            "weight_kg": [20 + (i * 7) % 15 for i in range(ROWS)],
            "queen_seen": ["yes", "no"] * (ROWS // 2),
            "swarmed": ["no", "no", "no", "yes"] * (ROWS // 4),
        }
    )
    hives.to_csv(root / "hives.csv", index=False)
    hives.drop(columns=["swarmed"]).to_csv(root / "hives_next.csv", index=False)
    notes = pd.DataFrame(
        {
            "note_id": [f"N{i}" for i in range(ROWS)],
            "note": [
                f"the bees in box {i} look {'calm' if i % 2 else 'angry'}" for i in range(ROWS)
            ],
            "issue": (["mites", "queenless", None, None] * (ROWS // 4)),
        }
    )
    notes.to_csv(root / "keeper_notes.csv", index=False)
    moods = ["calm", "angry", "calm", "busy"] * (ROWS // 4)
    pd.DataFrame(
        {
            "visit_id": [f"V{500 + i}" for i in range(ROWS)],
            "weather": ["sun", "rain"] * (ROWS // 2),
            "remark": [f"opened box {i}, the colony seemed {moods[i]} today" for i in range(ROWS)],
        }
    ).to_csv(root / "visits.csv", index=False)
    pd.DataFrame({"visit_id": [f"V{500 + i}" for i in range(12)], "mood": moods[:12]}).to_csv(
        root / "visit_moods_by_hand.csv", index=False
    )
    (root / "docs" / "beekeeping.md").write_text(
        "# Smoking the hive\n\nUse cool smoke before opening.\n\n# Mites\n\nCount mites monthly.\n"
    )
    return root


def _step(plan, tool: str) -> dict:
    return next(s.args for s in plan.steps if s.tool == tool)


# --- a file to write, said in passing --------------------------------------------------------


def test_probabilities_to_a_new_file_are_the_prediction_output(apiary: Path) -> None:
    plan = plan_goal(
        "Fit swarmed on hives.csv, then score hives_next.csv, probabilities to out/swarm_risk.parquet"
    )
    assert _step(plan, "predict")["output"] == "out/swarm_risk.parquet"
    assert _step(plan, "predict")["dataset"] == "hives_next.csv"


def test_a_name_grown_from_a_table_is_written_not_read_as_a_misspelling(apiary: Path) -> None:
    plan = plan_goal(
        "Build a swarmed model on hives.csv and give the swarm flag for every hive, "
        "in the file hives_flagged.csv"
    )
    predict = _step(plan, "predict")
    assert predict["output"] == "hives_flagged.csv"
    assert predict["dataset"] == "hives.csv"
    assert not any("nearest name" in note for note in plan.notes)


def test_sampled_rows_to_a_new_file_are_the_generator_output(apiary: Path) -> None:
    plan = plan_goal(
        "cVAE on hives.csv conditioned on swarmed, 50 epochs; then sample 300 'yes' rows "
        "to fake_hives.jsonl"
    )
    assert _step(plan, "generate_synthetic")["output"] == "fake_hives.jsonl"


def test_rules_persisted_to_a_json_file_are_the_writer_output(apiary: Path) -> None:
    plan = plan_goal(
        "Write labeling functions for issue in keeper_notes.csv from the rows already filled in, "
        "just the functions, persisted to rules/hive_lfs.json"
    )
    assert _step(plan, "write_labeling_functions")["output_path"] == "rules/hive_lfs.json"


# --- hand labels spoken of, not named ------------------------------------------------------


def test_hand_labels_said_in_words_are_the_one_table_shaped_like_them(apiary: Path) -> None:
    args = _step(
        plan_goal("sort the visits into moods, a few were done by hand already"), "label_dataset"
    )
    assert args["data_path"] == "visits.csv"
    assert args["gold_path"] == "visit_moods_by_hand.csv"


def test_the_hand_labels_read_as_the_data_are_the_gold_of_the_table_they_label(
    apiary: Path,
) -> None:
    args = _step(
        plan_goal("Label the mood of all visits from the hand tags in visit_moods_by_hand.csv"),
        "label_dataset",
    )
    assert (args["data_path"], args["gold_path"]) == ("visits.csv", "visit_moods_by_hand.csv")


def test_no_hand_labels_spoken_of_binds_no_gold(apiary: Path) -> None:
    args = _step(plan_goal("weak-label visits.csv with keyword rules for mood"), "label_dataset")
    assert "gold_path" not in args


# --- downloads into a folder, preview spans, samples -------------------------------------------


def test_a_download_goes_into_the_folder_said(apiary: Path) -> None:
    plan = plan_goal("pull beeco/hive-sounds from hugging face into the folder data/hive_sounds")
    args = _step(plan, "download_dataset")
    assert args["dataset_id"] == "beeco/hive-sounds" and args["path"] == "data/hive_sounds"


def test_a_row_span_in_its_own_sentence_reaches_the_preview(apiary: Path) -> None:
    args = _step(plan_goal("Can I peek at the hives table? Rows 10 to 20 or so."), "preview_rows")
    assert (args["offset"], args["limit"]) == (10, 10)


def test_a_sample_of_rows_with_the_columns(apiary: Path) -> None:
    plan = plan_goal("Kindly show a sample of 4 rows from hives.csv with its column details")
    assert _step(plan, "inspect_dataset")["sample_rows"] == 4


# --- hubs mistyped, counts of results ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("what is trending on hugingface", "huggingface"),
        ("anything on hugginface?", "huggingface"),
        ("search kagle for it", "kaggle"),
        ("look on kaggel", "kaggle"),
        ("a kale and honey salad", None),
    ],
)
def test_mistyped_hubs_are_the_source(text: str, source: str | None) -> None:
    assert source_said(text) == source


def test_mistyped_hub_reaches_trending_and_autocomplete(apiary: Path) -> None:
    assert _step(plan_goal("whats hot on hugingface lately, datasets"), "trending_datasets")[
        "source"
    ] == ("huggingface")
    plan = plan_goal(
        "autocomplete 'pollen_c' dataset names for me. It was on hugging face I think."
    )
    assert _step(plan, "suggest_datasets")["source"] == "huggingface"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Seven results is enough.", 7),
        ("which five off-the-shelf image models", 5),
        ("give me the 12 most downloaded", 12),
        ("compare the two of them", None),
    ],
)
def test_counts_of_results_in_words_and_numbers(text: str, count: int | None) -> None:
    assert said_limit(text) == count


def test_a_count_said_in_another_clause_limits_the_search(apiary: Path) -> None:
    plan = plan_goal(
        "Search Kaggle for 'bee colony' datasets, sorted by downloads, and show me 6 results"
    )
    assert _step(plan, "search_datasets")["limit"] == 6


# --- worst rows, pairs per chunk, questions without answers ----------------------------------


@pytest.mark.parametrize(
    ("text", "top_k"),
    [
        ("outlier scoring, isolation forest only, k=12", 12),
        ("give me the 9 more worst readings", 9),
        ("a list of the 30 hive weights most likely to be wrong", 30),
    ],
)
def test_worst_rows_said_many_ways(text: str, top_k: int) -> None:
    assert anomaly_options(text)["top_k"] == top_k


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("a quiz from the guide, 2 questions by chunk", 2),
        ("QA from the guide, 4/chunk, export jsonl", 4),
        ("the guide, make summary dataset, for each chunk one summary", 1),
    ],
)
def test_pairs_per_chunk_said_many_ways(text: str, per: int) -> None:
    assert qa_options(text)["datasets_per_chunk"] == per


def test_questions_without_answers_are_question_mode() -> None:
    assert qa_options("I need only the questions, without the answers")["generation_mode"] == (
        "question"
    )


# --- paths outside the workspace --------------------------------------------------------------


@pytest.mark.parametrize(
    "goal",
    [
        "../../etc/shadow peek at it",
        "first rows of /var/log/syslog please",
        "inspect ~/private/hives.csv",
        "train on data/../../../hives.csv",
    ],
)
def test_a_path_out_of_the_workspace_is_refused_with_a_hint(apiary: Path, goal: str) -> None:
    plan = plan_goal(goal)
    assert not plan.steps and plan.question is None
    assert "outside the workspace" in plan.answer
    assert "inside" in plan.answer and "could not tell" not in plan.answer


@pytest.mark.parametrize(
    "goal",
    [
        "train on hives.csv with an 80/20 split and/or w/ class weights",
        "preview about ~10 rows of hives.csv",
        "inspect ./hives.csv",
    ],
)
def test_slashes_that_are_no_outside_path_are_not_refused(apiary: Path, goal: str) -> None:
    assert path_outside_workspace(goal) is None
    assert plan_goal(goal).steps
