"""Round 16: routing of single goals by mechanism (invented beekeeping tables and wording): no
outcome guessed from a part of a column's name or a per-row name when yes/no columns compete (a
question, last columns first), the router's question over a look-up of the same table, the
workbench named as the place of another action, an out-of-scope purpose clause beside real
steps, learning said for fake rows, rules described by what they are for, and asides in
parentheses."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import agents.planner as planner
from agents import router
from agents.planner import plan_goal
from agents.slots import split_clauses
from settings import get_settings
from tests.utils.arbitration import arbitrating

ROWS = 60
NOTES = ["calm on the frames", "bees were testy", "queen spotted, brood good", "low stores"]


def _hives(root: Path) -> None:
    """Hive checks: a free-ish keeper note partly filled, a per-row site name, several
    descriptive classes, then two yes/no outcomes (one stored as 0/1)."""
    pd.DataFrame(
        {
            "hive_id": [f"H{100 + i}" for i in range(ROWS)],
            "site_name": [f"meadow plot {i}" for i in range(ROWS)],
            "apiary": ["north", "orchard", "ridge"] * (ROWS // 3),
            "queen_breed": ["carniolan", "buckfast", "italian", "native"] * (ROWS // 4),
            "frames": [8 + i % 3 for i in range(ROWS)],
            "keeper_note": [NOTES[i % 4] if i % 3 == 0 else None for i in range(ROWS)],
            "temper": ["calm", "testy", "calm", "defensive", "calm", "testy"] * (ROWS // 6),
            "swarmed": ["yes", "no", "no"] * (ROWS // 3),
            "requeened": [1, 0, 0, 0] * (ROWS // 4),
        }
    ).to_csv(root / "hives.csv", index=False)


@pytest.fixture
def hives(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The hive checks and a spring batch without the outcomes; the rules alone decide (the
    learned router is not consulted)."""
    root = get_settings().workspace
    _hives(root)
    spring = pd.read_csv(root / "hives.csv").drop(columns=["swarmed", "requeened"]).head(20)
    spring.to_csv(root / "hives_spring.csv", index=False)
    rules = [
        {"name": "testy", "label": "alarm", "kind": "keyword", "keywords": ["testy"]},
        {"name": "calm", "label": "quiet", "kind": "keyword", "keywords": ["calm"]},
    ]
    (root / "rules").mkdir()
    (root / "rules" / "hive_alarm_rules.json").write_text(json.dumps(rules))
    (root / "rules" / "honey_grade_rules.json").write_text(json.dumps(rules))
    monkeypatch.setattr(planner, "semantic_ready", lambda: False)
    return root


def _tools(goal: str) -> list[str]:
    return [s.tool for s in plan_goal(goal).steps]


def test_a_part_of_a_columns_name_is_no_outcome_when_yes_no_columns_compete(hives: Path) -> None:
    plan = plan_goal("can you build something on hives.csv so we learn more about our keepers?")
    assert not plan.steps and plan.question
    # the outcomes come last in the table: both shown, the 0/1 one too
    assert "swarmed" in plan.question and "requeened" in plan.question
    # an outcome said whole is still the label
    plan = plan_goal("make me a model on hives.csv that tells which hives swarmed")
    step = next(s for s in plan.steps if s.tool == "train_model")
    assert step.args["label_column"] == "swarmed"


def test_a_name_unique_to_every_row_is_no_class(hives: Path) -> None:
    plan = plan_goal(
        "Please make a model from hives.csv and predict for the sites in hives_spring.csv"
    )
    assert not plan.steps and plan.question
    assert "site_name" not in plan.question
    assert "swarmed" in plan.question and "requeened" in plan.question


def test_the_workbench_named_as_the_place_of_an_export_or_a_fix(hives: Path) -> None:
    assert _tools(
        "label hives.csv temper to labeling/temper_run, then export the workbench labels as parquet"
    ) == ["label_dataset", "export_labeled_data"]
    assert _tools(
        "Label hives.csv temper, then correct hive H103 to calm and H107 to testy in the "
        "workbench, then export parquet."
    ) == ["label_dataset", "correct_labels", "export_labeled_data"]


def test_an_out_of_scope_purpose_beside_real_steps(hives: Path) -> None:
    goal = (
        "We want to demo the monitoring dashboard with made-up data. Train a generator on "
        "hives.csv conditioned on swarmed, and then make 40 yes rows into demo_colonies.parquet."
    )
    assert _tools(goal) == ["train_generator", "generate_synthetic"]
    alone = plan_goal("put the hive model on a dashboard for the club")
    assert not alone.steps and alone.answer and "outside" in alone.answer


def test_learning_said_for_the_fake_rows_the_goal_asks_for(hives: Path) -> None:
    assert _tools(
        "The app team needs more testy colonies, can you make fake rows? Learn on hives.csv "
        "with the class temper, and generate 30 rows of testy into fake_testy.csv."
    ) == ["train_generator", "generate_synthetic"]
    assert _tools(
        "I want to make more fake examples of hives that swarmed, for a club quiz. Learn from "
        "hives.csv and give me 25 rows of the yes ones in fake_swarms.csv."
    ) == ["train_generator", "generate_synthetic"]


def test_rules_described_by_what_they_are_for(hives: Path) -> None:
    plan = plan_goal("vote hives.csv with the alarm rules -> alarm_votes.csv")
    step = next(s for s in plan.steps if s.tool == "vote_labels")
    assert step.args["labeling_functions"] == "rules/hive_alarm_rules.json"
    assert any("rules/hive_alarm_rules.json" in n for n in plan.notes)
    # a description no rules file's name shares is left as said
    plan = plan_goal("vote hives.csv with the wax rules -> alarm_votes.csv")
    assert not any("rules you described" in n for n in plan.notes)


def test_an_aside_in_parentheses_splits_no_clause() -> None:
    clauses = split_clauses(
        "Hive pipeline: use checks.csv (id column hive_id, label column temper) as hand labels "
        "for hives.csv; then train a classifier on the labelled rows"
    )
    assert clauses[0].endswith("as hand labels for hives.csv")
    assert len(clauses) == 2


@pytest.fixture
def arbitrated(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict]:
    _hives(get_settings().workspace)
    yield from arbitrating(monkeypatch)


def test_the_routers_question_over_a_look_up_of_the_same_table(
    arbitrated: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = "the hives.csv thing - I want to know which are going to be trouble"
    monkeypatch.setattr(planner, "ROUTER_FILL", 2.0)  # the router held back: the rules' plan
    assert _tools(goal) == ["inspect_dataset"]
    monkeypatch.setattr(planner, "ROUTER_FILL", 0.25)
    route = router.Route(("train_model",), 0.8)
    monkeypatch.setattr(router, "route", lambda goal, exclude=None, state=None: route)
    monkeypatch.setattr(router, "ranked", lambda goal, exclude=None, state=None: [route])
    plan = plan_goal(goal)
    assert not plan.steps and plan.question and "hives.csv" in plan.question
    assert "swarmed" in plan.question and "requeened" in plan.question
    assert arbitrated["gate"] == "router_asks"
