"""Round 11 leftovers: the replace question, consent said in the goal, every document, file
descriptions by time, one table-suffix definition (invented wording)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from agents import grounding
from agents.plan import Planning
from agents.planner import plan_goal
from agents.references import _window, time_said, timed_file
from agents.reporter import summarise_output
from graphs.orchestrator import replace_said
from settings import get_settings
from tests.utils.planning import plan_tools
from tests.utils.planning import turn as _turn
from tools.labeling.outputs import file_stem
from tools.tabular import table_stem

ROWS = 120


@pytest.fixture
def ws() -> Path:
    """A kennel's stays: `result` (adopted / returned / fostered) is the class column."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(3)
    pd.DataFrame(
        {
            "stay_id": [f"K-{900 + i}" for i in range(ROWS)],
            "nights": rng.integers(1, 60, ROWS),
            "breed_group": [["terrier", "hound", "toy"][i % 3] for i in range(ROWS)],
            "result": [["adopted", "returned", "fostered"][(i * 7) % 3] for i in range(ROWS)],
        }
    ).to_csv(root / "kennel_stays.csv", index=False)
    return root


def test_the_value_said_is_read_once_per_label_choice(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No column named, no word naming one: the named value picks the label, read once."""
    calls: list[str] = []
    real = grounding.holding_said_value

    def counting(*args: Any, **kwargs: Any) -> str | None:
        calls.append("read")
        return real(*args, **kwargs)

    monkeypatch.setattr(grounding, "holding_said_value", counting)
    monkeypatch.setattr(grounding, "label_from_words", lambda *_: None)
    planning = Planning(memory={})
    args: dict[str, Any] = {"dataset": "kennel_stays.csv"}
    words = "learn which dogs end up returned"
    grounding._ground_train(planning, args, words, words)
    assert args["label_column"] == "result"
    assert calls == ["read"]


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("shelter/intake.csv", "shelter/intake"),
        ("intake.CSV", "intake"),
        ("logs/intake.jsonl.gz", "logs/intake"),
        ("intake.parquet", "intake"),
        ("intake.md", "intake.md"),
        ("intake", "intake"),
    ],
)
def test_one_table_suffix_definition(name: str, stem: str) -> None:
    assert table_stem(name) == stem
    assert file_stem(name) == stem.rsplit("/", 1)[-1].replace(".", "_")


def test_a_save_with_no_name_is_named_by_the_table_stem(ws: Path) -> None:
    tools, args = plan_tools("write kennel_stays.csv out as parquet")
    assert tools == ["save_table"]
    assert args["save_table"]["path"] == "kennel_stays.parquet"


def _asked(manager: Any, mine: Path) -> dict[str, Any]:
    first = _turn(manager, f"save kennel_stays.csv as {mine.name}")
    assert first["status"] == "interrupted"
    assert "exists — replace it" in first["result"]["question"]
    return first


def _tools(result: dict[str, Any]) -> list[tuple[str, str]]:
    return [(s["tool"], s["status"]) for s in result["steps"]]


@pytest.mark.parametrize(
    "reply",
    [
        "no wait, train a classifier on kennel_stays.csv that predicts the result",
        "replace the empty nights with 0 and train a classifier predicting result",
        "what columns does kennel_stays.csv have?",
    ],
)
def test_a_new_request_in_reply_to_the_replace_question_is_planned(
    manager: Any, ws: Path, reply: str
) -> None:
    mine = ws / "shelter_notes.csv"
    mine.write_bytes(b"mine,only\r\n1,2\r\n")
    first = _asked(manager, mine)
    second = _turn(manager, reply, first["thread_id"])
    assert second["status"] == "completed"
    assert mine.read_bytes() == b"mine,only\r\n1,2\r\n"  # untouched, whatever the reply says
    assert not (ws / "shelter_notes_2.csv").exists()
    result = second["result"]
    dropped = result["earlier"]["steps"]
    assert [(s["tool"], s["status"]) for s in dropped] == [("save_table", "skipped")]
    message = result["message"]
    assert "kept as it was" in message and "new request" in message
    assert result["steps"] and all(s["tool"] != "save_table" for s in result["steps"])
    assert all(status == "completed" for _, status in _tools(result))


def test_an_overwrite_answer_that_plans_a_save_still_replaces(manager: Any, ws: Path) -> None:
    mine = ws / "shelter_notes.csv"
    mine.write_text("mine\n")
    first = _asked(manager, mine)
    second = _turn(manager, "ok, overwrite", first["thread_id"])
    assert second["status"] == "completed"
    assert len(pd.read_csv(mine)) == ROWS
    assert "earlier" not in second["result"]


def test_a_no_with_nothing_else_keeps_the_file_without_a_new_turn(manager: Any, ws: Path) -> None:
    mine = ws / "shelter_notes.csv"
    mine.write_text("mine\n")
    first = _asked(manager, mine)
    second = _turn(manager, "nope, leave it", first["thread_id"])
    assert mine.read_text() == "mine\n"
    assert "kept as it was" in second["result"]["message"]
    assert "earlier" not in second["result"]


@pytest.mark.parametrize(
    ("goal", "path", "said"),
    [
        ("save it as clean.csv, overwrite the old one", "clean.csv", True),
        (
            "export the stays to out/clean.csv and overwrite whatever is there",
            "out/clean.csv",
            True,
        ),
        ("replace clean.csv with the filtered rows", "clean.csv", True),
        ("fix the typos in clean.csv in place", "clean.csv", True),
        ("save to clean.csv, replace the existing file", "clean.csv", True),
        ("replace the missing nights in clean.csv with zeros", "clean.csv", False),
        ("save as clean.csv but don't overwrite anything", "clean.csv", False),
        ("write clean.csv without overwriting the old one", "clean.csv", False),
        ("save it as clean.csv, overwrite the old one", "other.csv", False),
        ("overwrite it", "clean.csv", False),  # no file named: the question decides
    ],
)
def test_consent_said_in_the_goal(goal: str, path: str, said: bool) -> None:
    assert replace_said(goal, path) is said


def test_a_goal_that_says_overwrite_replaces_without_asking(manager: Any, ws: Path) -> None:
    mine = ws / "shelter_notes.csv"
    mine.write_text("mine\n")
    done = _turn(manager, "save kennel_stays.csv as shelter_notes.csv, overwriting the old one")
    assert done["status"] == "completed"
    assert len(pd.read_csv(mine)) == ROWS
    step = done["result"]["steps"][0]
    assert step["args"]["overwrite"] is True
    assert "your words" in step["answers"][0]


def test_a_goal_that_says_keep_it_still_asks(manager: Any, ws: Path) -> None:
    mine = ws / "shelter_notes.csv"
    mine.write_text("mine\n")
    asked = _turn(manager, "save kennel_stays.csv as shelter_notes.csv, do not overwrite it")
    assert asked["status"] == "interrupted"
    assert mine.read_text() == "mine\n"


@pytest.fixture
def two_docs(ws: Path) -> list[str]:
    (ws / "volunteer_handbook.md").write_text("# Volunteers\n\n" + "Walk the dogs twice. " * 30)
    (ws / "intake_rules.txt").write_text("Every arrival is scanned for a chip. " * 30)
    return ["intake_rules.txt", "volunteer_handbook.md"]


@pytest.mark.parametrize(
    "goal",
    [
        "make question answer pairs from the docs",
        "chunk my documents into sections",
        "turn both guides into a QA set",
        "generate Q&A from our manuals, short answers",
    ],
)
def test_documents_in_the_plural_are_all_of_them(two_docs: list[str], goal: str) -> None:
    tools, args = plan_tools(goal)
    assert tools[0] == "chunk_documents"
    assert sorted(args["chunk_documents"]["paths"]) == two_docs


def test_one_document_in_the_singular_is_asked_for(two_docs: list[str]) -> None:
    plan = plan_goal("make question answer pairs from the document")
    assert not plan.steps and plan.question and "intake_rules.txt" in plan.question


def test_a_named_document_stays_the_only_one(two_docs: list[str]) -> None:
    _, args = plan_tools("chunk the docs, just intake_rules.txt")
    assert args["chunk_documents"]["paths"] == ["intake_rules.txt"]


def _written(path: Path, stamp: float) -> None:
    path.write_text("parcel,kind\nlate lid,delivery\nbent box,damage\nlost,delivery\n")
    os.utime(path, (stamp, stamp))


@pytest.fixture
def exports(ws: Path) -> dict[str, str]:
    """Three exports of one system, written long ago, last month and just now."""
    now = time.time()
    start, end = _window("last month", now)
    stamps = {
        "old": ("crm_export_4417.csv", start - 40 * 86400),
        "last_month": ("crm_export_5802.csv", (start + end) / 2),
        "now": ("crm_export_6630.csv", now),
    }
    for name, stamp in stamps.values():
        _written(ws / name, stamp)
    return {key: name for key, (name, _) in stamps.items()}


@pytest.mark.parametrize(
    ("goal", "which"),
    [
        ("preview the newest crm export", "now"),
        ("show me the most recent export", "now"),
        ("give me a look at the oldest export", "old"),
        ("preview last month's export", "last_month"),
        ("what's in the export from last month?", "last_month"),
    ],
)
def test_a_file_described_by_when_it_was_written(
    exports: dict[str, str], goal: str, which: str
) -> None:
    _, args = plan_tools(goal)
    step = next(a for a in args.values() if "dataset" in a)
    assert step["dataset"] == exports[which]


def test_a_comparison_of_three_files_asks_with_their_dates(exports: dict[str, str]) -> None:
    plan = plan_goal("preview the older export")
    assert not plan.steps and plan.question
    assert all(name in plan.question for name in exports.values())
    assert "written " in plan.question


def test_the_older_of_two(ws: Path) -> None:
    now = time.time()
    _written(ws / "scan_batch_alpha.csv", now - 9 * 86400)
    _written(ws / "scan_batch_beta.csv", now - 2 * 86400)
    _, args = plan_tools("preview the older scan batch")
    assert args["preview_rows"]["dataset"] == "scan_batch_alpha.csv"


def test_yesterdays_sheet_among_unrelated_files(ws: Path) -> None:
    now = time.time()
    start, end = _window("yesterday", now)
    _written(ws / "parcels_north.csv", (start + end) / 2)
    _written(ws / "parcels_south.csv", now)
    _written(ws / "parcels_east.csv", now - 6 * 86400)
    _, args = plan_tools("preview yesterday's sheet")
    assert args["preview_rows"]["dataset"] == "parcels_north.csv"


def test_a_time_said_of_a_model_picks_no_file(exports: dict[str, str]) -> None:
    assert time_said("evaluate the latest model", list(exports.values())) is None
    assert timed_file("which is the newest model?", list(exports.values()), []) is None


@pytest.mark.parametrize(
    "goal",
    [
        "save it as kennel_stays.csv",
        "save the filled-in table as kennel_stays.csv",
        "write the cleaned up data to kennel_stays.csv",
    ],
)
def test_the_threads_table_saved_onto_an_existing_name(ws: Path, goal: str) -> None:
    """After a training turn, 'save it as <a file that exists>' saves the thread's table there
    (the save asks before replacing), not a model renamed to a .csv name."""
    made = "labeling/kennel_stays-run/labeled.parquet"
    memory = {
        "last_table": made,
        "labeled": made,
        "dataset": made,
        "model": "models/kennel-1",
        "last_call": {"tool": "train_model", "args": {"dataset": made, "label_column": "x"}},
    }
    plan = plan_goal(goal, memory)
    assert [(s.tool, s.args["dataset"], s.args["path"]) for s in plan.steps] == [
        ("save_table", made, "kennel_stays.csv")
    ]


def test_a_file_named_first_is_still_the_table_saved(ws: Path) -> None:
    plan = plan_goal("save kennel_stays.csv as kennel_stays.csv", {"last_table": "other.csv"})
    assert plan.steps[0].args["dataset"] == "kennel_stays.csv"


def test_a_preview_answer_shows_the_rows() -> None:
    output = {
        "dataset": "kennel_stays.csv",
        "total": 120,
        "offset": 0,
        "limit": 25,
        "columns": ["stay_id", "nights", "note", *[f"extra_{i}" for i in range(8)]],
        "rows": [["K-900", 3, "quiet " * 20, *range(8)], ["K-901", None, "barks", *range(8)]],
    }
    lines = summarise_output("preview_rows", output)
    text = "\n".join(lines)
    assert "rows 1–2 of 120" in text
    assert "K-900" in text and "K-901" in text and "barks" in text
    assert "—" in lines[3]  # the empty cell is shown as empty
    assert "more columns" in text and max(len(line) for line in lines) < 400


@pytest.mark.parametrize(
    "goal",
    [
        "turn docs/handbook.md into question answer pairs and export them as jsonl",
        "Sources: docs/handbook.md. Split by headings, two QA pairs per chunk, export as csv.",
        "We're fine-tuning a chatbot for the kennel staff. Make instruction-style training "
        "data out of the handbook in docs/handbook.md.",
        "For a volunteer quiz, could you turn docs/handbook.md into question/answer pairs, say "
        "3 per chunk, and keep only the good ones, 0.7 quality or better?",
    ],
)
def test_a_docs_folder_in_a_path_is_no_plural(ws: Path, goal: str) -> None:
    (ws / "docs").mkdir()
    (ws / "docs" / "handbook.md").write_text("# Kennel\n\n" + "Feed at eight. " * 40)
    (ws / "docs" / "rota_notes.md").write_text("# Rota\n\n" + "Swap shifts by Friday. " * 40)
    tools, args = plan_tools(goal)
    assert tools.count("chunk_documents") == 1
    assert args["chunk_documents"]["paths"] == ["docs/handbook.md"]
