"""The replace question for every tool that would write over a person's file: split_table's
several files (one question), detect_anomalies' flagged rows, consent said in the goal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command

from agents.plan import Plan, PlanStep
from errors import Conflict
from graphs import orchestrator
from graphs.orchestrator import CONSENT_TOOLS, PLAN_NEVER_OVERWRITES, build_graph
from graphs.state import RunContext
from graphs.workflows import call_tool
from settings import get_settings
from tests.utils.planning import turn as _turn

ROWS = 100
MINE = b"mine,only\r\n1,\xc3\xa9\r\n"


@pytest.fixture
def ws() -> Path:
    """exam.csv (ROWS rows: id, score, label) and readings.csv (80 numeric rows)."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(
        {"id": range(ROWS), "score": [i * 0.5 for i in range(ROWS)], "label": ["a", "b"] * 50}
    ).to_csv(root / "exam.csv", index=False)
    rng = np.random.default_rng(1)
    pd.DataFrame({"a": rng.normal(size=80), "b": rng.normal(size=80)}).to_csv(
        root / "readings.csv", index=False
    )
    return root


def _mine(ws: Path, *names: str) -> list[Path]:
    paths = [ws / name for name in names]
    for path in paths:
        path.write_bytes(MINE)
    return paths


SPLIT = "split exam.csv 80/20 into train.csv and valid.csv"


def _split_asked(manager: Any, ws: Path) -> dict[str, Any]:
    first = _turn(manager, SPLIT)
    assert first["status"] == "interrupted"
    assert (
        first["result"]["question"]
        == "train.csv and valid.csv exist — replace them, or save as train_2.csv and valid_2.csv?"
    )
    return first


def test_the_tools_that_may_replace_a_persons_file_are_read_from_their_schemas() -> None:
    assert {"save_table", "split_table", "detect_anomalies"} <= CONSENT_TOOLS
    assert PLAN_NEVER_OVERWRITES == CONSENT_TOOLS


@pytest.mark.parametrize("reply", ["yes", "ok, overwrite", "replace them"])
def test_a_split_over_the_persons_files_asks_once_and_a_yes_replaces_them(
    manager: Any, ws: Path, reply: str
) -> None:
    train, valid = _mine(ws, "train.csv", "valid.csv")
    first = _split_asked(manager, ws)
    assert train.read_bytes() == MINE and valid.read_bytes() == MINE  # nothing written yet
    second = _turn(manager, reply, first["thread_id"])
    assert second["status"] == "completed"
    assert len(pd.read_csv(train)) == 80 and len(pd.read_csv(valid)) == 20
    step = second["result"]["steps"][0]
    assert step["tool"] == "split_table" and step["status"] == "completed"
    assert step["args"]["overwrite"] is True
    assert step["answers"] == [f"replaced train.csv and valid.csv (your answer: {reply!r})"]


@pytest.mark.parametrize("reply", ["no", "hmm, not sure", "call them mine.csv"])
def test_a_split_the_person_does_not_allow_writes_nothing(
    manager: Any, ws: Path, reply: str
) -> None:
    train, valid = _mine(ws, "train.csv", "valid.csv")
    first = _split_asked(manager, ws)
    second = _turn(manager, reply, first["thread_id"])
    assert second["status"] == "completed"
    assert train.read_bytes() == MINE and valid.read_bytes() == MINE
    assert sorted(p.name for p in ws.glob("*.csv")) == [
        "exam.csv",
        "readings.csv",
        "train.csv",
        "valid.csv",
    ]
    step = second["result"]["steps"][0]
    assert step["status"] == "skipped" and "kept as they were" in step["reason"]
    assert "kept as they were" in second["result"]["message"]


def test_a_new_request_in_reply_to_the_split_question_is_planned_and_writes_no_split(
    manager: Any, ws: Path
) -> None:
    train, valid = _mine(ws, "train.csv", "valid.csv")
    first = _split_asked(manager, ws)
    second = _turn(manager, "no wait, what columns does exam.csv have?", first["thread_id"])
    assert second["status"] == "completed"
    assert train.read_bytes() == MINE and valid.read_bytes() == MINE
    (dropped,) = second["result"]["earlier"]["steps"]
    assert (dropped["tool"], dropped["status"]) == ("split_table", "skipped")
    assert "kept as they were" in dropped["reason"] and "new request" in dropped["reason"]
    assert all(s["tool"] != "split_table" for s in second["result"]["steps"])


def test_a_split_saved_under_the_suggested_names_keeps_the_persons_files(
    manager: Any, ws: Path
) -> None:
    train, valid = _mine(ws, "train.csv", "valid.csv")
    first = _split_asked(manager, ws)
    second = _turn(manager, "save them as the new names", first["thread_id"])
    assert second["status"] == "completed"
    assert train.read_bytes() == MINE and valid.read_bytes() == MINE
    assert len(pd.read_csv(ws / "train_2.csv")) == 80 and len(pd.read_csv(ws / "valid_2.csv")) == 20
    step = second["result"]["steps"][0]
    assert step["args"]["paths"] == ["train_2.csv", "valid_2.csv"]


def test_only_the_split_file_that_is_the_persons_is_asked_about(manager: Any, ws: Path) -> None:
    (valid,) = _mine(ws, "valid.csv")
    first = _turn(manager, SPLIT)
    assert first["result"]["question"] == "valid.csv exists — replace it, or save as valid_2.csv?"
    second = _turn(manager, "call it holdout", first["thread_id"])
    assert second["result"]["steps"][0]["args"]["paths"] == ["train.csv", "holdout.csv"]
    assert valid.read_bytes() == MINE
    assert len(pd.read_csv(ws / "train.csv")) == 80 and len(pd.read_csv(ws / "holdout.csv")) == 20


def test_a_split_goal_that_says_overwrite_replaces_without_asking(manager: Any, ws: Path) -> None:
    train, valid = _mine(ws, "train.csv", "valid.csv")
    done = _turn(manager, f"{SPLIT}, overwrite them")
    assert done["status"] == "completed"
    assert len(pd.read_csv(train)) == 80 and len(pd.read_csv(valid)) == 20
    step = done["result"]["steps"][0]
    assert step["args"]["overwrite"] is True and "your words" in step["answers"][0]


def test_a_split_goal_that_says_do_not_overwrite_still_asks(manager: Any, ws: Path) -> None:
    train, valid = _mine(ws, "train.csv", "valid.csv")
    asked = _turn(manager, f"{SPLIT}, but don't overwrite anything")
    assert asked["status"] == "interrupted"
    assert train.read_bytes() == MINE and valid.read_bytes() == MINE


def _planned(monkeypatch: pytest.MonkeyPatch, tool: str, args: dict[str, Any]) -> None:
    monkeypatch.setattr(
        orchestrator,
        "_plan",
        lambda goal, memory, history: Plan(steps=[PlanStep(tool=tool, args=args)]),
    )


def _graph_turn(graph: Any, message: Any) -> dict[str, Any]:
    config = {"configurable": {"thread_id": "t"}}
    payload = message if isinstance(message, Command) else {"goal": message}
    list(graph.stream(payload, config, context=RunContext(), stream_mode="custom"))
    snapshot = graph.get_state(config)
    return {"values": snapshot.values, "interrupts": list(snapshot.interrupts)}


def test_a_plan_that_sets_overwrite_on_a_split_still_asks(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    train, valid = _mine(ws, "train.csv", "valid.csv")
    args = {"dataset": "exam.csv", "paths": ["train.csv", "valid.csv"], "overwrite": True}
    _planned(monkeypatch, "split_table", args)
    graph = build_graph(InMemorySaver())
    out = _graph_turn(graph, "split exam.csv")
    assert [i.value["reason"] for i in out["interrupts"]] == ["consent"]
    out = _graph_turn(graph, Command(resume="no"))
    assert out["values"]["result"]["steps"][0]["status"] == "skipped"
    assert train.read_bytes() == MINE and valid.read_bytes() == MINE


def test_flagged_rows_over_the_persons_file_ask_and_a_new_name_is_written_there(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (mine,) = _mine(ws, "res-flagged.csv")
    args = {"dataset": "readings.csv", "epochs": 2, "output": "res.csv", "overwrite": True}
    _planned(monkeypatch, "detect_anomalies", args)
    graph = build_graph(InMemorySaver())
    out = _graph_turn(graph, "find the odd readings in readings.csv, scores to res.csv")
    (asked,) = out["interrupts"]
    assert asked.value["question"] == (
        "res-flagged.csv exists — replace it, or save as res-flagged_2.csv?"
    )
    assert not (ws / "res.csv").exists() and not (ws / "generators").exists()
    out = _graph_turn(graph, Command(resume="call it odd_rows"))
    step = out["values"]["result"]["steps"][0]
    assert step["status"] == "completed", step
    assert step["args"]["flagged_path"] == "odd_rows.csv" and step["args"]["overwrite"] is False
    assert step["output"]["flagged_path"] == "odd_rows.csv"
    assert len(pd.read_csv(ws / "odd_rows.csv")) == step["output"]["flagged"]
    assert mine.read_bytes() == MINE and (ws / "res.csv").is_file()


def test_flagged_rows_replace_the_persons_file_only_on_their_yes(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (mine,) = _mine(ws, "res-flagged.csv")
    _planned(monkeypatch, "detect_anomalies", {"dataset": "readings.csv", "output": "res.csv"})
    graph = build_graph(InMemorySaver())
    _graph_turn(graph, "find the odd readings in readings.csv, scores to res.csv")
    out = _graph_turn(graph, Command(resume="yes, replace it"))
    step = out["values"]["result"]["steps"][0]
    assert step["status"] == "completed" and step["output"]["flagged_path"] == "res-flagged.csv"
    assert mine.read_bytes() != MINE and "anomaly_rank" in pd.read_csv(mine).columns


def test_the_flagged_rows_409_names_the_argument_and_a_free_name(ws: Path) -> None:
    _mine(ws, "mine.csv", "mine_2.csv")
    with pytest.raises(Conflict) as caught:
        call_tool(
            "detect_anomalies", {"dataset": "readings.csv", "epochs": 2, "flagged_path": "mine.csv"}
        )
    details = caught.value.details
    assert (details["argument"], details["reason"]) == ("flagged_path", "consent")
    assert details["existing"] == ["mine.csv"] and details["suggested"] == "mine_3.csv"
    assert not (ws / "generators").exists()  # refused before a generator was trained


def test_a_save_409_is_shaped_the_same_way(ws: Path) -> None:
    _mine(ws, "notes.csv")
    with pytest.raises(Conflict) as caught:
        call_tool("save_table", {"dataset": "exam.csv", "path": "notes.csv"})
    details = caught.value.details
    assert (details["argument"], details["value"], details["reason"]) == (
        "path",
        "notes.csv",
        "consent",
    )
    assert details["existing"] == ["notes.csv"] and details["suggested"] == "notes_2.csv"
