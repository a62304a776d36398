"""Round 10: a label column found by a value the person names, attempt limits said in words,
and a question back before a save replaces a person's file (invented wording)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from agents.arguments import loop_options
from agents.grounding import holding_said_value
from errors import BadInput, Forbidden
from graphs.orchestrator import consent_answer
from settings import get_settings
from store.workspace import free_name
from tests.utils.planning import plan_tools
from tests.utils.planning import turn as _turn
from tools.profile import profile_table

ROWS = 200


@pytest.fixture
def ws() -> Path:
    """A bakery's orders: `outcome` (collected / spoiled / refunded) and `oven` (deck / rack /
    convection) are the class columns; `size` holds small / large. In rota.csv both `slot` and `team` hold 'late'."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(7)
    pd.DataFrame(
        {
            "order_no": [f"B-{5000 + i}" for i in range(ROWS)],
            "loaves": rng.integers(1, 40, ROWS),
            "oven": [["deck", "rack", "convection"][i % 3] for i in range(ROWS)],
            "size": [["small", "large"][i % 2] for i in range(ROWS)],
            "outcome": [
                ["collected", "spoiled", "refunded"][i % 3 - (i % 7 == 0)] for i in range(ROWS)
            ],
        }
    ).to_csv(root / "bakery_orders.csv", index=False)
    pd.DataFrame(
        {
            "order_no": [f"C-{i}" for i in range(ROWS)],
            "slot": [["early", "late"][i % 2] for i in range(ROWS)],
            "team": [["late", "early", "night"][i % 3] for i in range(ROWS)],
            "grams": rng.normal(800, 40, ROWS).round(1),
        }
    ).to_csv(root / "rota.csv", index=False)
    return root


@pytest.mark.parametrize(
    "goal",
    [
        "can you tell in advance which orders in bakery_orders.csv will be classed 'spoiled'?",
        "build me something on bakery_orders.csv that warns about the ones that end up refunded",
        'from bakery_orders.csv, learn to spot orders marked "spoiled" before they go out',
    ],
)
def test_a_named_value_picks_the_column_that_holds_it(ws: Path, goal: str) -> None:
    tools, args = plan_tools(goal)
    assert tools[0] == "train_model"
    assert args["train_model"]["label_column"] == "outcome"


def test_a_value_two_columns_hold_binds_nothing_by_value(ws: Path) -> None:
    """'late' is a slot and a team: the value rule stays out (the earlier rules decide, or ask)."""
    rota = profile_table("rota.csv")
    assert holding_said_value(rota, "which entries will turn out 'late'?") is None
    assert holding_said_value(rota, "which entries will turn out 'night'?") == "team"
    orders = profile_table("bakery_orders.csv")
    assert holding_said_value(orders, "the data is spoiled", exclude=["outcome"]) is None


@pytest.mark.parametrize(
    ("words", "tool", "count"),
    [
        ("label the notes, up to 8 goes", "label_dataset", 8),
        ("try at most five times to hit the target", "train_model", 5),
        ("no more than 3 rounds please", "label_dataset", 3),
        ("give it a dozen tries", "train_model", 12),
        ("half a dozen attempts is plenty", "train_model", 6),
        ("attempts capped at 7", "label_dataset", 7),
        ("give it 90 tries", "label_dataset", 20),  # the labeling loop's schema allows 20
        ("give it 90 tries", "train_model", 50),
    ],
)
def test_attempt_limits_in_words_are_bounded_by_the_schema(
    words: str, tool: str, count: int
) -> None:
    assert loop_options(words, tool)["max_attempts"] == count


def test_in_one_go_is_not_an_attempt_limit() -> None:
    assert "max_attempts" not in loop_options("do the whole thing in one go")


def test_attempts_said_in_words_reach_the_loop_step(ws: Path) -> None:
    _, args = plan_tools(
        "predict outcome from bakery_orders.csv, aim for 0.8 accuracy and give it a dozen tries"
    )
    assert args["train_model"]["max_attempts"] == 12


@pytest.mark.parametrize(
    ("reply", "choice", "name"),
    [
        ("yes replace it", "replace", None),
        ("ok, overwrite", "replace", None),
        ("no", "keep", None),
        ("no, don't replace it", "keep", None),
        ("call it weekly_totals", "rename", "weekly_totals.csv"),
        ("save it as archive/old.csv", "rename", "archive/old.csv"),
        ("the new name is fine", "rename", "totals_2.csv"),
        ("save them as the new names", "rename", "totals_2.csv"),
        ("keep them as they are", "keep", None),
        ("hmm, not sure", "keep", None),
        ("train a model on rota.csv", "unclear", None),
        ("replace?", "keep", None),
    ],
)
def test_the_answer_to_a_replace_question(reply: str, choice: str, name: str | None) -> None:
    assert consent_answer(reply, "totals_2.csv", "totals.csv") == (choice, name)


def test_the_suggested_name_is_free(ws: Path) -> None:
    (ws / "bakery_orders_2.csv").write_text("x\n")
    assert free_name("bakery_orders.csv") == "bakery_orders_3.csv"


def _asked(manager: Any, mine: Path) -> dict[str, Any]:
    first = _turn(manager, f"save rota.csv as {mine.name}")
    assert first["status"] == "interrupted"
    assert (
        first["result"]["question"] == f"{mine.name} exists — replace it, or save as notes_2.csv?"
    )
    return first


def test_a_no_leaves_the_persons_file_byte_identical(manager: Any, ws: Path) -> None:
    mine = ws / "notes.csv"
    mine.write_bytes(b"my own,notes\r\n1,\xc3\xa9\r\n")
    first = _asked(manager, mine)
    second = _turn(manager, "no", first["thread_id"])
    assert second["status"] == "completed"
    assert "kept as it was" in second["result"]["message"]
    assert mine.read_bytes() == b"my own,notes\r\n1,\xc3\xa9\r\n"
    assert not (ws / "notes_2.csv").exists()


def test_a_new_name_is_saved_beside_the_persons_file(manager: Any, ws: Path) -> None:
    mine = ws / "notes.csv"
    mine.write_text("kept\n")
    first = _asked(manager, mine)
    second = _turn(manager, "call it shift_copy", first["thread_id"])
    assert second["status"] == "completed"
    assert mine.read_text() == "kept\n"
    assert len(pd.read_csv(ws / "shift_copy.csv")) == ROWS
    assert "shift_copy.csv" in second["result"]["message"]


def test_only_the_persons_yes_replaces_their_file(manager: Any, ws: Path) -> None:
    mine = ws / "notes.csv"
    mine.write_text("kept\n")
    first = _asked(manager, mine)
    second = _turn(manager, "yes replace it", first["thread_id"])
    assert second["status"] == "completed"
    assert len(pd.read_csv(mine)) == ROWS
    step = second["result"]["steps"][0]
    assert step["args"]["overwrite"] is True and not step.get("repairs")
    assert step["answers"] and "your answer" in step["answers"][0]


@pytest.mark.parametrize(
    "reply",
    [
        "call it sub/../../../escape",
        "save it as ../escape.csv",
        "name it escape\x00.csv",
        "call it ~root/escape",
        f"call it {2**63}",
    ],
)
def test_a_hostile_new_name_never_leaves_the_workspace(manager: Any, ws: Path, reply: str) -> None:
    mine = ws / "notes.csv"
    mine.write_text("kept\n")
    first = _asked(manager, mine)
    try:
        second = _turn(manager, reply, first["thread_id"])
        assert second["status"] in ("completed", "failed")
    except Forbidden as refused:  # a reply naming a path out is refused before it runs
        assert refused.code == "path_outside_workspace" and (".." in reply or "~" in reply)
    assert mine.read_text() == "kept\n"
    outside = [p for p in ws.parent.rglob("*escape*") if ws not in p.parents]
    assert outside == []


def test_a_lone_surrogate_in_a_reply_is_refused_and_changes_nothing(manager: Any, ws: Path) -> None:
    """Undecodable terminal bytes reach `forgeflow chat` as lone surrogates: a 400, not a crash."""
    mine = ws / "notes.csv"
    mine.write_text("kept\n")
    first = _asked(manager, mine)
    with pytest.raises(BadInput, match="surrogate"):
        manager.submit_goal("call it \udcff_escape", thread_id=first["thread_id"])
    assert mine.read_text() == "kept\n"
    second = _turn(manager, "no", first["thread_id"])  # the question still waits for its answer
    assert "kept as it was" in second["result"]["message"]
