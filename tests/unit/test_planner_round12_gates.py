"""Twelfth round: a weak router choice of look-ups only never replaces the rules' cued action."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest

import agents.planner as planner
from agents.planner import plan_goal
from settings import get_settings
from tests.utils.arbitration import arbitrating
from tests.utils.arbitration import router_says as says

# 'look odd' is an anomaly cue: the rules plan detect_anomalies on the named table
ODD = "which of the crossings in ferry_trips.csv look odd to you?"


@pytest.fixture
def ferries(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict]:
    """An invented table of ferry crossings; the router counted as ready; a trace installed."""
    rows = 48
    pd.DataFrame(
        {
            "crossing": [f"x{i:03d}" for i in range(rows)],
            "boat": ["heron", "puffin", "tern", "gannet"] * (rows // 4),
            "minutes": [35 + (i % 9) * 2 for i in range(rows)],
            "cars": [20 + (i * 7) % 31 for i in range(rows)],
            "late": ["no", "no", "yes", "no"] * (rows // 4),
        }
    ).to_csv(get_settings().workspace / "ferry_trips.csv", index=False)
    yield from arbitrating(monkeypatch)


def planned(goal: str) -> list[str]:
    return [s.tool for s in plan_goal(goal).steps]


def test_the_thresholds_on_the_new_scale() -> None:
    # raising it lost goals leave-one-corpus-out (round 12); 0.25 on rule-unseen sets (round 15)
    assert planner.ROUTER_REPLACE == 0.25
    assert planner.ROUTER_LOOKUP == 0.65
    assert planner.ROUTER_REPLACE < planner.ROUTER_LOOKUP


def test_a_weak_look_up_choice_keeps_the_cued_action(
    ferries: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    # above ROUTER_REPLACE, so without the look-up bar the router's inspect_dataset would win
    says(monkeypatch, ("inspect_dataset",), 0.45)
    plan = plan_goal(ODD)
    assert [(s.tool, s.args.get("dataset")) for s in plan.steps] == [
        ("detect_anomalies", "ferry_trips.csv")
    ]
    assert ferries["gate"] == "threshold"
    assert ferries["relation"] == "replace" and ferries["lookups"] is True
    says(monkeypatch, ("preview_rows",), 0.6)
    assert planned(ODD) == ["detect_anomalies"]
    says(monkeypatch, ("list_local_datasets",), 0.64)
    assert planned(ODD) == ["detect_anomalies"]


def test_a_confident_look_up_choice_still_replaces(
    ferries: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    says(monkeypatch, ("inspect_dataset",), 0.8)
    assert planned(ODD) == ["inspect_dataset"]
    assert ferries["gate"] == "router" and ferries["lookups"] is True


def test_a_weak_action_choice_still_replaces_the_rules_action(
    ferries: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the bar is for look-ups only: another action tool at ROUTER_REPLACE still wins
    says(monkeypatch, ("train_generator",), 0.4)
    assert planned(ODD) == ["train_generator"]
    assert ferries["gate"] == "router"
    assert ferries["relation"] == "replace" and ferries["lookups"] is False
    says(monkeypatch, ("train_generator",), 0.2)  # below ROUTER_REPLACE: the rules' plan
    assert planned(ODD) == ["detect_anomalies"]
    assert ferries["gate"] == "threshold" and ferries["lookups"] is False


def test_look_ups_beside_an_action_are_no_replacement(
    ferries: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a look-up the router adds to the rules' action is an addition, not the look-up bar's case
    says(monkeypatch, ("inspect_dataset", "detect_anomalies"), 0.65)
    assert planned(ODD) == ["inspect_dataset", "detect_anomalies"]
    assert ferries["relation"] == "add" and ferries["lookups"] is False
