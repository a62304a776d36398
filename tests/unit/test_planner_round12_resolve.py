"""Round 12: number words name a file's digits exactly, the router reads a goal with its typos
fixed, a pronoun is never a search query, and an export after a labeling run exports the run
(invented greenhouse, tide and beehive tables and wording)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.planner import plan_goal
from agents.references import described_files, described_input, goal_words, says
from errors import ForgeflowError
from settings import get_settings


def _readings(seed: int, label: bool = True) -> pd.DataFrame:
    rows = 60
    frame = pd.DataFrame(
        {
            "sensor_id": [f"S{seed}-{i}" for i in range(rows)],
            "humidity": [40 + (i * 7 + seed) % 30 for i in range(rows)],
            "soil_temp": [12 + (i * 3 + seed) % 9 for i in range(rows)],
        }
    )
    if label:
        frame["wilted"] = [["yes", "no"][(i + seed) % 2] for i in range(rows)]
    return frame


@pytest.fixture
def ws(home: Path) -> Path:
    """Greenhouse readings of batches 3, 4 and 12, a plain greenhouse table and tide logs whose
    names spell their week in words."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    _readings(1).to_csv(root / "greenhouse.csv", index=False)
    _readings(3, False).to_csv(root / "greenhouse_batch3.csv", index=False)
    _readings(4, False).to_csv(root / "greenhouse_batch4.csv", index=False)
    _readings(12, False).to_csv(root / "greenhouse_batch12.csv", index=False)
    _readings(5).to_csv(root / "tide_log_week_one.csv", index=False)
    _readings(6).to_csv(root / "tide_log_week_two.csv", index=False)
    return root


def _files(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob("*.csv"))


# --- number words ------------------------------------------------------------------------------


def test_number_words_say_digits_exactly() -> None:
    assert says("2", "two") and says("two", "two")  # a file name's number word is its digit
    # a number word alone in the goal is ordinary English ('a second look', 'two tables'): its
    # joined forms ('week two' → 'week2') carry it, not the bare word
    assert not says("two", "2") and not says("second", "2") and not says("first", "1")
    assert says("batch3", "batch03")  # leading zeros aside, the same number
    assert not says("three", "13") and not says("batch3", "batch4")
    assert not says("3", "batch3") and not says("batch3", "batch03x")
    assert says("covid19", "covid")  # a number said with its noun: a file of the noun alone
    assert not says("9" * 60, "9" * 59 + "8") and says("9" * 60, "9" * 60)


def test_number_word_joins_its_noun() -> None:
    assert "batch3" in goal_words("the batch-three readings")
    assert "batch3" in goal_words("the batch three readings")
    assert "batch3" in goal_words("the third batch of readings")


def test_batch_in_words_picks_its_file(ws: Path) -> None:
    files = _files(ws)
    assert described_files("check the batch-three greenhouse readings", files) == [
        "greenhouse_batch3.csv"
    ]
    assert described_files("check the third batch of greenhouse readings", files) == [
        "greenhouse_batch3.csv"
    ]
    assert described_files("look over greenhouse batch twelve please", files) == [
        "greenhouse_batch12.csv"
    ]
    # a number names a file only exactly: batch 5 is none of them
    assert described_files("the greenhouse batch-five readings", files) != ["greenhouse_batch4.csv"]


def test_week_in_digits_picks_the_file_spelt_in_words(ws: Path) -> None:
    assert described_files("show me the tide log of week 2", _files(ws)) == [
        "tide_log_week_two.csv"
    ]


def test_described_name_written_in_place_not_after_the_output(ws: Path) -> None:
    goal = "use the model on the batch-four readings and save batch4_wilt.csv"
    text, notes, several = described_input(goal, _files(ws))
    assert "the greenhouse_batch4.csv readings" in text and not several
    assert text.index("greenhouse_batch4.csv") < text.index("batch4_wilt.csv")


def test_prediction_on_described_batch_writes_the_named_output(ws: Path) -> None:
    memory = {"dataset": "greenhouse.csv", "model": "models/wilt-1", "label_column": "wilted"}
    plan = plan_goal("Then run it on the batch-three readings and save batch3_wilt.csv", memory)
    step = next(s for s in plan.steps if s.tool == "predict")
    assert step.args["dataset"] == "greenhouse_batch3.csv"
    assert step.args["output"] == "batch3_wilt.csv"


@pytest.mark.parametrize(
    "goal",
    [
        "preview the batch-three readings in ../greenhouse_batch3.csv",
        "preview the batch-three readings from /etc/greenhouse_batch3.csv",
        "preview the batch-99999999999999999999999999 readings",
        "preview the batch-" + "9" * 5000 + " readings",
    ],
)
def test_hostile_numbered_descriptions_stay_inside(ws: Path, goal: str) -> None:
    try:
        plan = plan_goal(goal)
    except ForgeflowError:
        return
    for step in plan.steps:
        for value in step.args.values():
            if isinstance(value, str) and value.endswith(".csv"):
                # a path said outright stays as said (the tool refuses it); a described one is
                # a workspace file
                assert value in goal or value in _files(ws), step.args


def test_nul_in_a_numbered_description_names_no_file(ws: Path) -> None:
    try:
        plan = plan_goal("preview the batch-three\x00 readings")
    except ForgeflowError:
        return
    for step in plan.steps:
        assert "\x00" not in repr(step.args) and "\\x00" not in repr(step.args)
        for value in step.args.values():
            if isinstance(value, str) and value.endswith(".csv"):
                assert value in _files(ws)


# --- typos reach the router too --------------------------------------------------------------


def test_router_reads_the_goal_with_typos_fixed(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import agents.arbiter as arbiter
    import agents.planner as planner

    seen: list[str] = []

    class Recording(arbiter.Gates):
        def __init__(self, goal: str, state: str | None = None) -> None:
            seen.append(goal)
            super().__init__(goal, state)

    monkeypatch.setattr(arbiter, "Gates", Recording)
    monkeypatch.setattr(planner, "semantic_ready", lambda: False)
    plan = plan_goal("trian a genertor on greenhouse.csv for wilted")
    assert seen and "train a generator" in seen[0] and "trian" not in seen[0]
    assert [s.tool for s in plan.steps] == ["train_generator"]


# --- a pronoun is no search query --------------------------------------------------------------


def _tools(plan: Any) -> list[str]:
    return [s.tool for s in plan.steps]


def test_find_them_after_odd_values_scans_the_thread_table(ws: Path) -> None:
    memory = {"dataset": "greenhouse.csv", "last_table": "greenhouse.csv"}
    plan = plan_goal(
        "A few humidity values look really weird, the sensor may be broken. Find them.", memory
    )
    assert "search_datasets" not in _tools(plan)
    scan = next(s for s in plan.steps if s.tool == "detect_anomalies")
    assert scan.args["dataset"] == "greenhouse.csv"


def test_find_them_alone_searches_nothing(ws: Path) -> None:
    plan = plan_goal("Find them please.", {"dataset": "greenhouse.csv"})
    assert all(s.args.get("query") not in ("them", "it") for s in plan.steps)
    assert "search_datasets" not in _tools(plan)


def test_find_them_after_a_hub_request_searches_the_topic(ws: Path) -> None:
    plan = plan_goal("I want public data about beehives. Find them.")
    queries = [s.args.get("query") for s in plan.steps if s.tool == "search_datasets"]
    assert queries and all(q not in ("them", "it", "") for q in queries)


# --- an export after a labeling run ------------------------------------------------------------


LABELED = "labeling/hive_notes-1/workbench/labeled.parquet"


def _labeling_thread() -> dict[str, Any]:
    return {
        "dataset": "hive_notes.csv",
        "labeled": LABELED,
        "last_table": LABELED,
        "last_call": {"tool": "reapply_labeling_functions", "args": {}},
    }


def test_export_after_reapply_exports_the_run(ws: Path) -> None:
    plan = plan_goal("Export this version as parquet to hive_tags.parquet.", _labeling_thread())
    assert _tools(plan) == ["export_labeled_data"]
    args = plan.steps[0].args
    assert args["labeling_dir"] == "labeling/hive_notes-1"
    assert args["output_path"] == "hive_tags.parquet" and args["format"] == "parquet"


def test_export_to_a_format_the_exporter_lacks_saves_the_table(ws: Path) -> None:
    plan = plan_goal("Export it to hive_tags.jsonl", _labeling_thread())
    assert _tools(plan) == ["save_table"]
    assert plan.steps[0].args["dataset"] == LABELED


def test_export_without_a_labeling_run_is_no_run_export(ws: Path) -> None:
    memory = {"dataset": "greenhouse.csv", "last_table": "greenhouse.csv"}
    plan = plan_goal("Export that as parquet to greenhouse_copy.parquet.", memory)
    assert "export_labeled_data" not in _tools(plan)


def test_an_export_onto_an_existing_file_is_left_to_the_save_that_asks(ws: Path) -> None:
    (ws / "hive_tags.parquet").write_bytes(b"the person's own file")
    plan = plan_goal("Export this version as parquet to hive_tags.parquet.", _labeling_thread())
    # the run's exporter replaces files without asking: the save (which asks first) handles it
    assert "export_labeled_data" not in _tools(plan)
    assert (ws / "hive_tags.parquet").read_bytes() == b"the person's own file"


def test_number_words_in_ordinary_text_pick_no_numbered_file() -> None:
    files = ["sales_1.csv", "sales_2.csv"]
    for goal in (
        "first, clean up the sales data",
        "take a second look at the sales table",
        "compare two sales tables",
    ):
        assert described_files(goal, files) == files, goal  # both fit: nothing chosen by it
