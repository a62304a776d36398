"""Files named with a slip or only described, tables saved in another format, loose synthetic
requests and questions about what a table holds."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.planner import plan_goal
from agents.references import described_files, misspelt_candidates
from settings import get_settings


@pytest.fixture
def shop() -> Path:
    folder = get_settings().workspace
    folder.mkdir(parents=True, exist_ok=True)
    n = 40
    kites = pd.DataFrame(
        {
            "kite_id": [f"k{i}" for i in range(n)],
            "colour": ["red", "blue", "green", "teal"] * (n // 4),
            "span_cm": [80 + i for i in range(n)],
            "flown_ok": ["yes", "no"] * (n // 2),
        }
    )
    kites.loc[3, "span_cm"] = None
    kites.to_csv(folder / "kite_flights.csv", index=False)
    kites.drop(columns="flown_ok").to_csv(folder / "kite_flights_spring.csv", index=False)
    for year in (2023, 2024):
        kites.assign(season=year).to_csv(folder / f"regatta_entries_{year}.csv", index=False)
    kites.head(10).to_json(folder / "swaps_week12.jsonl", orient="records", lines=True)
    kites.to_csv(folder / "glider_logs_q1.csv", index=False)
    kites.to_csv(folder / "glider_logs_q2.csv", index=False)
    (folder / "manuals").mkdir(exist_ok=True)
    (folder / "manuals" / "kite_repair_guide.md").write_text("# Kite repair\n\nPatch the sail.\n")
    return folder


def _plan(goal: str) -> tuple[list[tuple[str, dict]], object]:
    plan = plan_goal(goal, {})
    return [(s.tool, s.args) for s in plan.steps], plan


def test_a_misspelt_name_reads_as_the_one_nearest_file_and_says_so(shop: Path) -> None:
    steps, plan = _plan("train a classifier on kite_flghts.csv to predict flown_ok")
    assert steps and steps[0][1]["dataset"] == "kite_flights.csv"
    assert any("kite_flghts.csv → kite_flights.csv" in n for n in plan.notes)
    # a swap of two letters and a folder path are slips too
    files = ["kite_flights.csv", "manuals/kite_repair_guide.md"]
    assert misspelt_candidates("kite_filghts.csv", files) == ["kite_flights.csv"]
    assert misspelt_candidates("manuals/kite_repiar_guide.md", files) == [
        "manuals/kite_repair_guide.md"
    ]
    # another extension, or a name far from every file, is no slip
    assert misspelt_candidates("kite_flights.parquet", files) == []
    assert misspelt_candidates("balloon_rides.csv", files) == []


def test_a_name_equally_near_two_files_is_asked_about(shop: Path) -> None:
    files = ["glider_logs_qa.csv", "glider_logs_qb.csv"]
    assert misspelt_candidates("glider_logs_qc.csv", files) == files
    # another quarter's number is another file, not a slip
    assert misspelt_candidates("glider_logs_q3.csv", ["glider_logs_q1.csv"]) == []


def test_a_far_name_still_gets_the_no_such_file_answer(shop: Path) -> None:
    _, plan = _plan("train a model on hovercraft_trials.csv for flown_ok")
    assert not plan.steps and "no file named hovercraft_trials.csv" in (plan.answer or "")


def test_described_files_prefer_the_said_year_week_and_the_plainer_name(shop: Path) -> None:
    files = [
        "kite_flights.csv",
        "kite_flights_spring.csv",
        "regatta_entries_2023.csv",
        "regatta_entries_2024.csv",
        "swaps_week12.jsonl",
        "manuals/kite_repair_guide.md",
    ]
    assert described_files("the colour split of the 2024 regatta", files) == [
        "regatta_entries_2024.csv"
    ]
    assert described_files("show me the week-12 swaps", files) == ["swaps_week12.jsonl"]
    assert described_files("train something on the kite flights", files) == ["kite_flights.csv"]
    # a table and a document equally described: the goal's words pick the kind
    assert described_files("some rows of the kite stuff", files) == ["kite_flights.csv"]
    assert described_files("questions from the kite guide", files) == [
        "manuals/kite_repair_guide.md"
    ]


@pytest.mark.parametrize(
    ("goal", "column"),
    [
        ("how skewed is flown_ok in kite_flights.csv?", "flown_ok"),
        ("kite_flights.csv: what's the colour breakdown?", "colour"),
        ("which columns of kite_flights.csv have gaps?", None),
        ("is kite_flights_spring.csv labelled or not?", None),
    ],
)
def test_questions_about_a_table_inspect_it(shop: Path, goal: str, column: str | None) -> None:
    steps, _ = _plan(goal)
    assert [t for t, _ in steps] == ["inspect_dataset"]
    if column:
        assert steps[0][1].get("label_column") == column


def test_a_table_in_another_format_is_a_save(shop: Path) -> None:
    steps, _ = _plan("I'd like to have kite_flights.csv in parquet, with the name kites.parquet")
    assert steps == [
        (
            "save_table",
            {"dataset": "kite_flights.csv", "path": "kites.parquet", "format": "parquet"},
        )
    ]
    steps, _ = _plan(
        "1. Take kite_flights.csv.\n2. Write it out as jsonl.\n3. Path: out/kites.jsonl."
    )
    assert [t for t, _ in steps] == ["save_table"]
    assert steps[0][1]["path"] == "out/kites.jsonl" and steps[0][1]["format"] == "jsonl"
    steps, _ = _plan("send me the week-12 swaps in something I can open in Excel, as r/swaps.csv")
    assert steps == [
        ("save_table", {"dataset": "swaps_week12.jsonl", "path": "r/swaps.csv", "format": "csv"})
    ]


def test_loose_synthetic_counts(shop: Path) -> None:
    steps, _ = _plan("synthetic kite flights rows x250")
    assert [t for t, _ in steps] == ["train_generator", "generate_synthetic"]
    assert steps[1][1]["n"] == 250
    steps, _ = _plan("invent two hundred fake kite flights that look like ours")
    assert steps[-1][0] == "generate_synthetic" and steps[-1][1]["n"] == 200
