"""Round 18: a label column bound by its meaning when the goal's words spell none of it
(invented pottery-studio tables and wording): column descriptions, the floor and margin, the
outcome's words read from a goal, and plans that bind instead of asking, or keep asking."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents import meaning, semantic
from agents.plan import Plan
from agents.planner import plan_goal
from settings import get_settings, reset_settings

ROWS = 60
needs_model = pytest.mark.skipif(
    not semantic.available(),
    reason="the packaged sentence-embedding model is not installed",
)


@pytest.fixture
def studio() -> Path:
    """A kiln log: pieces with their glaze, clay and kiln, and two yes/no outcomes."""
    root = get_settings().workspace
    log = pd.DataFrame(
        {
            "piece_id": [f"K{300 + i}" for i in range(ROWS)],
            "kiln": ["north", "south", "annex"] * (ROWS // 3),
            "glaze": ["celadon", "tenmoku", "shino", "ash"] * (ROWS // 4),
            "clay_body": ["stoneware", "porcelain", "earthenware"] * (ROWS // 3),
            "cone": [6 + i % 5 for i in range(ROWS)],
            "firing_hours": [8.0 + (i % 9) * 0.5 for i in range(ROWS)],
            "sold_at_fair": ["yes", "no", "no"] * (ROWS // 3),
            "crazed": ["no", "no", "no", "yes"] * (ROWS // 4),
        }
    )
    log.to_csv(root / "kiln_log.csv", index=False)
    return root


def _step(plan: Plan, tool: str) -> dict[str, Any]:
    return next(s.args for s in plan.steps if s.tool == tool)


def test_a_column_is_described_in_words_short_forms_spelt_out() -> None:
    assert meaning.describe({"name": "refund_90d", "top": {"0": 5, "1": 3}}) == ("refund 90 days")
    assert meaning.describe({"name": "clientAcctStatus", "top": {}}) == ("client account status")
    column = {"name": "glaze", "top": {"celadon": 9, "shino": 8, "ash": 2}, "distinct": 3}
    assert meaning.describe(column) == "glaze: celadon, shino, ash"
    column["distinct"] = 40  # many values: a code, not a few named classes
    assert meaning.describe(column) == "glaze"


def test_a_column_is_chosen_only_when_near_enough_and_clearly_ahead() -> None:
    assert meaning.clearly_best([("a", 0.62), ("b", 0.30)]) == "a"
    assert meaning.clearly_best([("a", 0.62), ("b", 0.60)]) is None  # a tie: asked
    assert meaning.clearly_best([("a", 0.25), ("b", 0.05)]) is None  # nothing near
    assert meaning.clearly_best([]) is None


def test_the_outcome_words_are_read_without_the_rows_they_are_asked_of() -> None:
    assert meaning.outcome_phrase("which tenants will move out early in t.csv?") == (
        "move out early"
    )
    assert meaning.outcome_phrase("tell me which vans end up needing a tow") == "needing a tow"
    assert meaning.outcome_phrase("which ones are likely to get returned, from x.csv") == (
        "get returned"
    )
    assert meaning.outcome_phrase("can you predict the tenants from t.csv") is None
    assert meaning.outcome_phrase("summarise t.csv for me") is None


@needs_model
def test_an_outcome_said_by_its_meaning_binds_the_label(studio: Path) -> None:
    plan = plan_goal("which pieces in kiln_log.csv will get bought?")
    assert plan.question is None
    assert _step(plan, "train_model")["label_column"] == "sold_at_fair"


@needs_model
def test_a_model_asked_for_an_outcome_by_meaning_binds_it(studio: Path) -> None:
    plan = plan_goal(
        "train a model on kiln_log.csv that tells which pieces end up bought by visitors"
    )
    assert plan.question is None
    assert _step(plan, "train_model")["label_column"] == "sold_at_fair"


@needs_model
def test_an_outcome_no_column_means_clearly_keeps_the_question(studio: Path) -> None:
    plan = plan_goal("train a model on kiln_log.csv that tells which pots come out nice")
    assert plan.question is not None
    assert "sold_at_fair" in plan.question and "crazed" in plan.question


def test_without_the_meaning_match_the_question_stays(
    studio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORGEFLOW_MEANING", "off")
    reset_settings()
    plan = plan_goal(
        "train a model on kiln_log.csv that tells which pieces end up bought by visitors"
    )
    assert plan.question is not None
    assert "sold_at_fair" in plan.question
