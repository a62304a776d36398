"""Eleventh round: a confident router passes the rules' out-of-scope answer by default."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest

import agents.planner as planner
from agents import arbiter
from agents.planner import plan_goal
from settings import get_settings, reset_settings
from tests.utils.arbitration import arbitrating
from tests.utils.arbitration import router_says as says

# 'monitoring' is an out-of-scope cue (a monitoring service), yet the person asks for odd rows
ODD = "which batches in dyes.csv look strange enough that someone should be monitoring them?"
CRON = "set up a cron job that mails me dyes.csv every friday"


@pytest.fixture
def dyes(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict]:
    """An invented table of dye batches; the router counted as ready; a trace installed."""
    rows = 40
    pd.DataFrame(
        {
            "batch": [f"d{i:03d}" for i in range(rows)],
            "vat": ["indigo", "madder", "weld", "indigo"] * (rows // 4),
            "ph": [4.0 + (i % 7) * 0.3 for i in range(rows)],
            "faded": ["yes", "no", "no", "no"] * (rows // 4),
        }
    ).to_csv(get_settings().workspace / "dyes.csv", index=False)
    yield from arbitrating(monkeypatch)


def test_the_answer_gate_passes_at_the_default_confidence_only() -> None:
    # 0.8 in the eleventh round; the fresh goal's bar since the fifteenth (rule-unseen sets)
    assert arbiter.PASSES == {"answer": planner.ROUTER_REPLACE} == {"answer": 0.25}
    assert set(arbiter.PASSES) <= set(arbiter.OVERRULABLE)


def test_a_confident_router_plans_what_the_rules_called_out_of_scope(
    dyes: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    says(monkeypatch, ("detect_anomalies",), 0.85)
    plan = plan_goal(ODD)
    assert [(s.tool, s.args.get("dataset")) for s in plan.steps] == [
        ("detect_anomalies", "dyes.csv")
    ]
    assert not plan.answer
    assert dyes["gate"] == "router" and dyes["passed"] == ["answer"]


def test_below_the_default_the_out_of_scope_answer_stands(
    dyes: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    says(monkeypatch, ("detect_anomalies",), 0.2)
    plan = plan_goal(ODD)
    assert plan.steps == [] and plan.answer.startswith("That is outside what I can do here")
    assert dyes["gate"] == "answer" and dyes["passed"] == []
    says(monkeypatch, ("detect_anomalies",), 0.15)
    plan = plan_goal(CRON)
    assert plan.steps == [] and plan.answer.startswith("That is outside what I can do here")


def test_a_router_plan_that_would_have_to_ask_leaves_the_answer(
    dyes: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    says(monkeypatch, ("train_model",), 0.97)  # which column to predict: the goal never says
    plan = plan_goal(ODD)
    assert plan.steps == [] and plan.question is None
    assert plan.answer.startswith("That is outside what I can do here")
    assert dyes["gate"] == "build_asks" and dyes["passed"] == ["answer"]


def test_the_knob_still_replaces_the_default_per_gate(
    dyes: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    says(monkeypatch, ("detect_anomalies",), 0.85)
    monkeypatch.setenv("FORGEFLOW_ROUTER_OVERRULE", "answer@0.95")
    reset_settings()
    assert arbiter.overrule() == {"answer": 0.95}
    assert plan_goal(ODD).steps == [] and dyes["gate"] == "answer"
    monkeypatch.setenv("FORGEFLOW_ROUTER_OVERRULE", "hard@0.9")
    reset_settings()
    assert arbiter.overrule() == {"answer": 0.25, "hard": 0.9}
    assert [s.tool for s in plan_goal(ODD).steps] == ["detect_anomalies"]
