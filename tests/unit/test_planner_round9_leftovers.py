"""Round 9 leftovers: a chained step the router may not drop, spreadsheet-ready copies, formats
a writer lacks, applying labeling functions none wrote yet, files described ambiguously, yes/no
and multi-word labels, and forecasts (invented tables and wording)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import agents.planner as planner
from agents import arbiter, router
from agents.intent import fix_typos
from agents.plan import PlanStep
from agents.planner import _drops_a_feeder, _writer_for_format, plan_goal
from settings import get_settings
from tests.utils.planning import plan_tools as _plan

ROWS = 48


@pytest.fixture
def ws() -> Path:
    """Invented tables: kennel notes with a partly filled outcome, pantry donors with a yes/no
    column, a ferry timetable without hand labels, two equally described ticket exports, two
    monthly bakery sheets, and kiosk memos with a multi-word label value."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    n = ROWS
    pd.DataFrame(
        {
            "kennel_no": [f"K-{300 + i}" for i in range(n)],
            "note": [
                f"dog {i} {'barked all night' if i % 2 else 'slept calmly'}" for i in range(n)
            ],
            "outcome": [["rehome", "keep", None, None][i % 4] for i in range(n)],
        }
    ).to_csv(root / "kennel_notes.csv", index=False)
    pd.DataFrame(
        {
            "donor_ref": [f"D{i:04d}" for i in range(n)],
            "gifts": [i % 7 for i in range(n)],
            "region": ["hill", "vale", "coast"] * (n // 3),
            "lapsed": ["yes", "no", "no"] * (n // 3),
        }
    ).to_csv(root / "pantry_donors.csv", index=False)
    pd.DataFrame(
        {
            "sailing": range(n),
            "port": ["ayr", "oban", "mull"] * (n // 3),
            "minutes_late": [(i * 5) % 40 for i in range(n)],
        }
    ).to_csv(root / "ferry_log.csv", index=False)
    for month in ("june", "july"):
        pd.DataFrame({"ticket": range(n), "queue": ["a", "b"] * (n // 2)}).to_csv(
            root / f"helpdesk_dump_{month}.csv", index=False
        )
        pd.DataFrame({"day": range(n), "loaves": [(i * 3) % 50 for i in range(n)]}).to_csv(
            root / f"shop_bakes_{month}.csv", index=False
        )
    pd.DataFrame(
        {
            "memo_id": range(n),
            "memo": [f"kiosk {i} till count {'short' if i % 3 else 'exact'}" for i in range(n)],
            "verdict": [["needs review", "ok", None][i % 3] for i in range(n)],
        }
    ).to_csv(root / "kiosk_memos.csv", index=False)
    return root


def _router_says(
    monkeypatch: pytest.MonkeyPatch, tools: tuple[str, ...], confidence: float
) -> None:
    monkeypatch.setattr(planner, "semantic_ready", lambda: True)
    monkeypatch.setattr(router, "route", lambda goal, **_: router.Route(tools, confidence))


# --- a. a step that feeds a kept step is not dropped -----------------------------------------


def test_labeling_then_saving_the_labeled_rows_keeps_the_labeling(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _router_says(monkeypatch, ("save_table",), 0.97)  # the router would keep only the save
    trace: dict = {}
    monkeypatch.setattr(arbiter, "RECORD", trace)
    tools, args = _plan("weak-label kennel_notes.csv, after that store the labeled rows as parquet")
    assert tools == ["label_dataset", "save_table"]
    assert trace["gate"] == "feeds"
    save = args["save_table"]
    assert save["dataset"] == "${steps.0.labeled_path}"
    assert save["format"] == "parquet"
    assert save["path"] == "kennel_notes_labeled.parquet"  # beside the input, not saved/table


def test_a_dropped_step_that_feeds_nothing_may_still_go() -> None:
    steps = [
        PlanStep(tool="inspect_dataset", args={"dataset": "a.csv"}, why=""),
        PlanStep(tool="save_table", args={"dataset": "a.csv"}, why=""),
    ]
    assert not _drops_a_feeder(steps, ["save_table"])
    steps[1].args["dataset"] = "${steps.0.labeled_path}"
    assert _drops_a_feeder(steps, ["save_table"])
    assert not _drops_a_feeder(steps, ["inspect_dataset", "save_table"])


def test_the_feeds_gate_is_a_gate_the_knob_may_relax() -> None:
    assert "feeds" in arbiter.OVERRULABLE and "feeds" in arbiter.GATES


# --- b. a copy a spreadsheet opens ------------------------------------------------------------


@pytest.mark.parametrize(
    "goal",
    [
        "could I have a spreadsheet-friendly version of ferry_log.csv",
        "make ferry_log.csv excel ready please",
        "I want ferry_log.csv in a form google sheets can open",
        "turn the ferry log into something my boss can open in Excel",
    ],
)
def test_a_spreadsheet_ready_copy_is_a_csv_save(ws: Path, goal: str) -> None:
    tools, args = _plan(goal)
    assert tools == ["save_table"]
    assert args["save_table"]["dataset"] == "ferry_log.csv"
    assert args["save_table"]["format"] == "csv"  # the schema has no xlsx


def test_opening_a_file_to_look_is_still_a_look(ws: Path) -> None:
    tools, _ = _plan("open ferry_log.csv and tell me which columns it has")
    assert tools == ["inspect_dataset"]


# --- c. a format the labeling export lacks ----------------------------------------------------


def test_labeled_rows_as_json_lines_go_to_save_table(ws: Path) -> None:
    tools, args = _plan(
        "weak-label kennel_notes.csv and export the labels as newline-delimited json"
    )
    assert tools == ["label_dataset", "save_table"]
    assert args["save_table"]["format"] == "jsonl"
    assert args["save_table"]["dataset"] == "${steps.0.labeled_path}"


def test_a_jsonl_output_name_swaps_the_writer_too(ws: Path) -> None:
    tools, args = _plan("weak-label kennel_notes.csv and export the labels to out/kennels.jsonl")
    assert tools == ["label_dataset", "save_table"]
    assert args["save_table"]["path"] == "out/kennels.jsonl"


def test_a_format_the_export_has_keeps_the_export() -> None:
    assert _writer_for_format(["export_labeled_data"], "export the labels as parquet", []) == [
        "export_labeled_data"
    ]
    assert _writer_for_format(["export_labeled_data"], "export the labels as jsonl", []) == [
        "save_table"
    ]
    assert _writer_for_format(["export_labeled_data"], "export the labels", []) == [
        "export_labeled_data"
    ]


# --- d. applying labeling functions -----------------------------------------------------------


@pytest.mark.parametrize(
    "goal",
    [
        "apply the labeling functions to kennel_notes.csv",
        "now run the LFs over kennel_notes.csv",
    ],
)
def test_applying_with_none_written_writes_them_from_the_hand_labels(ws: Path, goal: str) -> None:
    tools, args = _plan(goal)
    assert tools == ["write_labeling_functions", "apply_labeling_functions"]
    assert args["write_labeling_functions"]["data_path"] == "kennel_notes.csv"
    assert args["apply_labeling_functions"]["labeling_functions"] == (
        "${steps.0.labeling_functions}"
    )


def test_running_the_labeling_with_no_functions_anywhere_is_the_labeling_loop(ws: Path) -> None:
    tools, args = _plan("go ahead and run the labeling on kennel_notes.csv, coverage 0.85")
    assert tools == ["label_dataset"]
    assert args["label_dataset"]["data_path"] == "kennel_notes.csv"


@pytest.mark.parametrize(
    "goal",
    [
        "apply the labeling functions to kennel_notes.csv",
        "go ahead and run the labeling on kennel_notes.csv",
    ],
)
def test_an_earlier_runs_functions_on_the_same_data_are_applied(ws: Path, goal: str) -> None:
    for run in ("kennel_notes-20260301-090000", "kennel_notes-20260302-090000", "other-1"):
        folder = ws / "labeling" / run
        folder.mkdir(parents=True)
        (folder / "labeling_functions.json").write_text("[]", encoding="utf-8")
    tools, args = _plan(goal)
    assert tools == ["apply_labeling_functions"]
    assert args["apply_labeling_functions"]["lfs_path"] == (
        "labeling/kennel_notes-20260302-090000/labeling_functions.json"
    )


def test_applying_without_hand_labels_or_functions_still_asks(ws: Path) -> None:
    plan = plan_goal("apply the labeling functions to ferry_log.csv")
    assert not plan.steps
    assert plan.question and "labeling functions" in plan.question


# --- e. files described ambiguously -----------------------------------------------------------


@pytest.mark.parametrize(
    ("goal", "candidates"),
    [
        (
            "give me a summary of the helpdesk dump",
            ("helpdesk_dump_june.csv", "helpdesk_dump_july.csv"),
        ),
        (
            "how many rows are in last month's shop bakes file?",
            ("shop_bakes_june.csv", "shop_bakes_july.csv"),
        ),
        (
            "turn the helpdesk dump into parquet",
            ("helpdesk_dump_june.csv", "helpdesk_dump_july.csv"),
        ),
    ],
)
def test_several_described_files_are_offered_not_picked(
    ws: Path, goal: str, candidates: tuple[str, str]
) -> None:
    plan = plan_goal(goal)
    assert not plan.steps
    assert plan.question and all(c in plan.question for c in candidates)


def test_a_description_that_fits_one_file_is_used(ws: Path) -> None:
    tools, args = _plan("how many rows does the july helpdesk dump have")
    assert tools == ["inspect_dataset"]
    assert args["inspect_dataset"]["dataset"] == "helpdesk_dump_july.csv"


def test_file_name_words_are_not_fixed_as_typos() -> None:
    assert fix_typos("look at the shop sales", frozenset({"shop"})) == "look at the shop sales"
    assert fix_typos("trian on the shop sales", frozenset({"shop"})).startswith("train")


# --- f. yes/no columns and multi-word labels --------------------------------------------------


def test_a_whether_question_binds_the_yes_no_column(ws: Path) -> None:
    tools, args = _plan(
        "using pantry_donors.csv, build something that tells whether a donor lapsed"
    )
    assert tools == ["train_model"]
    assert args["train_model"]["label_column"] == "lapsed"


def test_multi_word_label_values_are_kept_whole(ws: Path) -> None:
    tools, args = _plan("tag the rest of kiosk_memos.csv as 'needs review' or 'ok'")
    assert tools == ["label_dataset"]
    assert args["label_dataset"]["label_column"] == "verdict"
    assert args["label_dataset"]["labels"] == ["needs review", "ok"]


# --- g. forecasts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "goal",
    [
        "forecast next month's loaves from shop_bakes_july.csv",
        "project the loaves we will bake over the next 3 weeks from shop_bakes_june.csv",
        "I'd like a demand projection for the coming quarter",
    ],
)
def test_a_forecast_is_answered_with_the_closest_things(ws: Path, goal: str) -> None:
    plan = plan_goal(goal)
    assert not plan.steps and not plan.question
    assert plan.answer and "forecast" in plan.answer.lower()
    assert plan.answer.count("e.g.") == 3  # the three closest things it can do, with examples


def test_forecasting_a_class_column_is_a_classifier(ws: Path) -> None:
    tools, args = _plan("forecast whether a donor has lapsed from pantry_donors.csv")
    assert tools == ["train_model"]
    assert args["train_model"]["label_column"] == "lapsed"


def test_a_step_read_from_what_someone_did_may_still_be_dropped(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agents.planner import _said_as_done

    assert _said_as_done("our shelter staff hand-marked 30 dogs, they are in kennel_notes.csv")
    assert not _said_as_done("weak-label kennel_notes.csv")
    assert not _said_as_done("please label the rest, we marked a few")
    steps = [
        PlanStep(tool="label_dataset", args={"data_path": "k.csv"}, why="the vets tagged a few"),
        PlanStep(tool="train_model", args={"dataset": "${steps.0.labeled_path}"}, why="train"),
    ]
    assert not _drops_a_feeder(steps, ["train_model"])
