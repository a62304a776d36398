"""Fifteenth round: the arbitration chosen on rule-unseen sets, and the selection mode that reads
them (`benchmarks/planner_loco.py --selection`, aggregates only)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

import agents.planner as planner
from agents import arbiter
from agents.planner import plan_goal
from settings import get_settings
from tests.utils.arbitration import arbitrating
from tests.utils.arbitration import router_says as says

REPO = Path(__file__).resolve().parents[2]
SELECTION = "fresh15,fresh18,fresh19,fresh20,fresh21"


def _loco() -> ModuleType:
    """benchmarks/planner_loco.py as a module (the scripts are not a package)."""
    path = REPO / "benchmarks" / "planner_loco.py"
    spec = importlib.util.spec_from_file_location("planner_loco_round15", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_selection_set_is_the_five_rule_unseen_validation_sets() -> None:
    loco = _loco()
    assert set(loco.SELECTION) == set(SELECTION.split(","))
    names = SELECTION.split(",")
    assert loco.refused(names, ["--selection"]) is None
    assert loco.refused(names, ["--selection", "--group", "--details", "d"]) is None
    # without the mode they stay refused, as every frozen set is
    for name in names:
        assert "frozen or validation" in loco.refused([name], [])


@pytest.mark.parametrize("flag", ["-v", "--only"])
def test_the_selection_mode_refuses_flags_that_name_goals(flag: str) -> None:
    loco = _loco()
    why = loco.refused(["fresh18"], ["--selection", flag])
    assert why is not None and flag in why


@pytest.mark.parametrize("name", ["heldout", "heldout13", "dev", "fresh22", "fresh30"])
def test_the_selection_mode_refuses_every_other_corpus(name: str) -> None:
    why = _loco().refused(["fresh15", name], ["--selection"])
    assert why is not None and name in why and "selection set" in why


def test_the_script_refuses_before_reading_any_corpus(tmp_path: Path) -> None:
    # an --only file that does not exist: the refusal comes before it would be read
    for extra in (["-v"], ["--only", str(tmp_path / "absent.txt")]):
        done = subprocess.run(
            [sys.executable, "benchmarks/planner_loco.py", SELECTION, "--selection", *extra],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 1 and "aggregates only" in done.stderr
    done = subprocess.run(
        [sys.executable, "benchmarks/planner_loco.py", "heldout13", "--selection"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "not in the selection set" in done.stderr


# Invented wording. 'look odd' is an anomaly cue; 'monitoring' an out-of-scope cue.
ODD = "which firings in kiln_firings.csv look odd to you?"
PREDICT = "train a model on kiln_firings.csv to predict cracked"
BOTH = "flag odd firings in kiln_firings.csv and train a model to predict cracked"
WATCH = (
    "which firings in kiln_firings.csv look odd enough that someone should be monitoring the kilns?"
)


@pytest.fixture
def kilns(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict]:
    """An invented table of kiln firings; the router counted as ready; a trace installed; each
    gate tested alone (no outranking)."""
    rows = 40
    pd.DataFrame(
        {
            "firing_id": [f"k{i:03d}" for i in range(rows)],
            "kiln": ["north", "south", "annex", "north"] * (rows // 4),
            "peak_c": [1180 + (i * 7) % 60 for i in range(rows)],
            "minutes": [300 + (i % 9) * 11 for i in range(rows)],
            "cracked": ["no", "no", "yes", "no"] * (rows // 4),
        }
    ).to_csv(get_settings().workspace / "kiln_firings.csv", index=False)
    yield from arbitrating(monkeypatch)


def planned(goal: str) -> list[str]:
    return [s.tool for s in plan_goal(goal).steps]


def test_a_low_bar_where_the_readings_share_nothing_a_higher_one_where_they_overlap() -> None:
    bar = planner.ROUTER_REPLACE
    assert bar == 0.25 == planner.ROUTER_FILL
    assert arbiter.PASSES == {"answer": bar}
    # one sequence a part of the other: higher bars (a drop's 0.4 since round 18, the tuned
    # encoder's scale)
    assert bar < planner.ROUTER_DROP <= planner.ROUTER_ADD == 0.5
    assert planner.ROUTER_OUTRANK_FLOOR < bar < planner.ROUTER_LOOKUP
    assert planner.ROUTER_OUTRANK == 2


def test_a_replacement_at_the_bar_wins_below_it_the_rules_plan_stands(
    kilns: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert planned(ODD) == ["detect_anomalies"]  # the rules' reading
    says(monkeypatch, ("train_generator",), 0.27)  # held back by the old bar of 0.3
    assert planned(ODD) == ["train_generator"]
    assert kilns["gate"] == "router" and kilns["relation"] == "replace"
    says(monkeypatch, ("train_generator",), 0.22)
    assert planned(ODD) == ["detect_anomalies"] and kilns["gate"] == "threshold"


def test_an_addition_keeps_the_higher_bar(kilns: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    says(monkeypatch, ("detect_anomalies", "train_model"), 0.45)  # above the low bar
    assert planned(PREDICT) == ["train_model"]
    assert kilns["gate"] == "threshold" and kilns["relation"] == "add"
    says(monkeypatch, ("detect_anomalies", "train_model"), 0.55)
    assert planned(PREDICT) == ["detect_anomalies", "train_model"] and kilns["gate"] == "router"


def test_a_drop_takes_the_higher_bar(kilns: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    says(monkeypatch, ("train_model",), planner.ROUTER_DROP - 0.05)  # above the low bar
    assert planned(BOTH) == ["detect_anomalies", "train_model"]
    assert kilns["gate"] == "threshold" and kilns["relation"] == "drop"
    says(monkeypatch, ("train_model",), planner.ROUTER_DROP + 0.05)  # the old bar was 0.6
    assert planned(BOTH) == ["train_model"] and kilns["gate"] == "router"


def test_an_out_of_scope_answer_gives_way_at_the_bar(
    kilns: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    says(monkeypatch, ("detect_anomalies",), 0.3)  # the old pass was at 0.8
    plan = plan_goal(WATCH)
    assert [s.tool for s in plan.steps] == ["detect_anomalies"] and not plan.answer
    assert kilns["passed"] == ["answer"]
    says(monkeypatch, ("detect_anomalies",), 0.2)
    plan = plan_goal(WATCH)
    assert plan.steps == [] and plan.answer and kilns["gate"] == "answer"


def test_the_rounds_validation_set_is_refused_in_every_mode() -> None:
    loco = _loco()
    for name in loco.VALIDATION:
        assert "frozen or validation" in loco.refused([name], [])
        assert "selection set" in loco.refused([name], ["--selection"])
