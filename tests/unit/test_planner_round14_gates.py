"""Fourteenth round: a router choice below its threshold that all but rules out the rules' plan."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest

import agents.planner as planner
from agents import router
from agents.planner import plan_goal
from settings import get_settings
from tests.utils.arbitration import arbitrating

# 'look strange' is an anomaly cue: the rules plan detect_anomalies on the named table.
STRANGE = "which of the deliveries in van_rounds.csv look strange?"
RULES = ("detect_anomalies",)
ROUTER = ("train_generator",)


# 'show me' reads as an inspection to the rules, which then ask which table.
EVERYTHING = "show me the stuff i uploaded"


@pytest.fixture
def vans(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict]:
    """An invented table of van rounds; the router counted as ready; a trace installed; the
    rules' plan outranked when it is not among the router's three likeliest sequences.
    """
    rows = 40
    pd.DataFrame(
        {
            "drop_id": [f"d{i:03d}" for i in range(rows)],
            "van": ["otter", "badger", "stoat", "vole"] * (rows // 4),
            "stops": [12 + (i * 5) % 17 for i in range(rows)],
            "km": [40 + (i % 11) * 3 for i in range(rows)],
        }
    ).to_csv(get_settings().workspace / "van_rounds.csv", index=False)
    monkeypatch.setattr(planner, "ROUTER_OUTRANK", 3)
    monkeypatch.setattr(planner, "ROUTER_OUTRANK_FLOOR", 0.15)
    monkeypatch.setattr(planner, "ROUTER_OUTRANK_GATES", ("threshold", "question"))
    yield from arbitrating(monkeypatch, outrank=True)


def test_the_outrank_defaults() -> None:
    # on, with drops kept out (`_drops_from`); 4 in the 14th round, 2 since the 15th
    assert planner.ROUTER_OUTRANK == 2
    assert planner.ROUTER_OUTRANK_FLOOR == 0.1
    assert set(planner.ROUTER_OUTRANK_GATES) == {"threshold", "question", "answer"}
    assert planner.ROUTER_OUTRANK_FLOOR < min(planner.ROUTER_FILL, planner.ROUTER_REPLACE)


def ranks(monkeypatch: pytest.MonkeyPatch, *routes: tuple[tuple[str, ...], float]) -> None:
    """Make the router rank these sequences (most probable first) for any goal."""
    ranked = [router.Route(tools, p) for tools, p in routes]
    monkeypatch.setattr(router, "route", lambda goal, exclude=None, state=None: ranked[0])
    monkeypatch.setattr(router, "ranked", lambda goal, exclude=None, state=None: ranked)


def planned(goal: str = STRANGE) -> list[str]:
    return [s.tool for s in plan_goal(goal).steps]


OTHERS = ((("predict",), 0.12), (("save_table",), 0.1))
"""Two sequences the router ranks between its choice and the rules' plan."""


def test_a_choice_that_outranks_the_rules_plan_passes_the_threshold(
    vans: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    below = planner.ROUTER_REPLACE - 0.05  # a replacement the threshold alone would hold
    ranks(monkeypatch, (ROUTER, below), *OTHERS, (RULES, 0.05))  # the rules' plan 4th
    assert planned() == list(ROUTER)
    assert vans["gate"] == "router" and vans["passed"] == ["threshold"]
    assert vans["outranked"] == ["threshold"] and vans["rank"] == 3
    assert vans["relation"] == "replace"


def test_a_rules_plan_among_the_routers_likeliest_keeps_the_threshold(
    vans: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    below = planner.ROUTER_REPLACE - 0.05
    ranks(monkeypatch, (ROUTER, below), OTHERS[0], (RULES, 0.05), OTHERS[1])  # 3rd
    assert planned() == list(RULES)
    assert vans["gate"] == "threshold" and vans["passed"] == [] and vans["rank"] == 2


def test_a_plan_the_router_does_not_know_is_outranked(
    vans: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    ranks(monkeypatch, (ROUTER, planner.ROUTER_OUTRANK_FLOOR + 0.01), *OTHERS)
    assert planned() == list(ROUTER)
    assert vans["rank"] is None and vans["outranked"] == ["threshold"]


def test_below_the_floor_or_with_the_bar_off_the_threshold_holds(
    vans: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    ranks(monkeypatch, (ROUTER, planner.ROUTER_OUTRANK_FLOOR - 0.01), *OTHERS)
    assert planned() == list(RULES) and vans["gate"] == "threshold"
    monkeypatch.setattr(planner, "ROUTER_OUTRANK", None)
    ranks(monkeypatch, (ROUTER, planner.ROUTER_REPLACE - 0.01), *OTHERS)
    assert planned() == list(RULES) and vans["gate"] == "threshold"


def test_look_ups_against_the_rules_action_keep_their_own_bar(
    vans: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a look-up choice under ROUTER_LOOKUP never replaces the cued scan, however far it ranks it
    ranks(monkeypatch, (("inspect_dataset",), planner.ROUTER_LOOKUP - 0.05), *OTHERS)
    assert planned() == list(RULES)
    assert vans["gate"] == "threshold" and vans["lookups"] is True


def test_a_question_of_the_rules_gives_way_at_the_floor(
    vans: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    # below ROUTER_QUESTION, so before this round the rules' question stood
    low = planner.ROUTER_OUTRANK_FLOOR + 0.02
    ranks(monkeypatch, (("list_local_datasets",), low), *OTHERS)
    plan = plan_goal(EVERYTHING)
    assert [s.tool for s in plan.steps] == ["list_local_datasets"] and plan.question is None
    assert vans["outranked"] == ["question", "threshold"] and vans["gate"] == "router"
    monkeypatch.setattr(planner, "ROUTER_OUTRANK_GATES", ("threshold",))
    plan = plan_goal(EVERYTHING)
    assert not plan.steps and plan.question and vans["gate"] == "question"


def test_a_choice_that_only_drops_rules_steps_is_never_outranking() -> None:
    write, apply = "write_labeling_functions", "apply_labeling_functions"
    drops = planner._drops_from
    assert drops([write, apply], [write])  # 'write rules and run them' routed as writing alone
    assert drops(["inspect_dataset", "label_dataset", "train_model"], ["train_model"])
    assert not drops([write, apply], [apply, write])  # another order is no drop
    assert not drops([write, apply], [write, apply])  # the same plan
    assert not drops(["detect_anomalies"], ["train_generator"])  # a replacement
    assert not drops([write], [write, apply])  # an addition
    assert not drops([write, apply], [])
