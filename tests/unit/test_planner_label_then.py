"""One goal that labels a table and then works on the run it makes: fixes, rows, an export."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.arguments import corrections
from agents.planner import plan_goal
from settings import get_settings


@pytest.fixture
def kennels() -> Path:
    root = get_settings().workspace
    n = 40
    pd.DataFrame(
        {
            "visit_id": [f"K{i:04d}" for i in range(n)],
            "vet_notes": [f"dog seemed {'calm' if i % 2 else 'anxious'} today" for i in range(n)],
            "temperament": ["calm" if i % 2 else "anxious" for i in range(8)] + [None] * (n - 8),
        }
    ).to_csv(root / "kennel_visits.csv", index=False)
    return root


def _tools(goal: str) -> list[str]:
    return [s.tool for s in plan_goal(goal, {}).steps]


def test_fix_to_pairs_after_a_verb() -> None:
    got = corrections("then please set K0003 to calm and K0017 to anxious")
    assert got == [{"id": "K0003", "label": "calm"}, {"id": "K0017", "label": "anxious"}]
    assert corrections("move the meeting to friday") == []


def test_label_then_fix_named_rows(kennels: Path) -> None:
    plan = plan_goal("label kennel_visits.csv, then change K0003 to calm and K0017 to anxious", {})
    assert [s.tool for s in plan.steps] == ["label_dataset", "correct_labels"]
    fixes = plan.steps[1].args["corrections"]
    assert {f["id"] for f in fixes} == {"K0003", "K0017"}
    assert plan.steps[1].args["labeling_dir"] == "${steps.0.labeled_path}"


def test_fix_those_takes_rows_said_earlier(kennels: Path) -> None:
    goal = (
        "After you've labelled kennel_visits.csv, I know K0021 is actually calm "
        "and K0022 is anxious. Please correct those two and then export the labels as parquet."
    )
    plan = plan_goal(goal, {})
    tools = [s.tool for s in plan.steps]
    assert tools == ["label_dataset", "correct_labels", "export_labeled_data"]
    assert {f["id"] for f in plan.steps[1].args["corrections"]} == {"K0021", "K0022"}
    assert plan.steps[2].args["format"] == "parquet"


def test_after_labeling_rows_from_the_end_model(kennels: Path) -> None:
    goal = "When you've labelled kennel_visits.csv, I'd like the rows whose label comes from the end model"
    plan = plan_goal(goal, {})
    assert [s.tool for s in plan.steps] == ["label_dataset", "workbench_rows"]
    assert plan.steps[1].args.get("source") == "end_model"
    assert "label" not in plan.steps[1].args


def test_write_rules_and_run_them(kennels: Path) -> None:
    tools = _tools("draft a few rules for temperament in kennel_visits.csv and try them out")
    # the writing tool applies its rules for a summary (coverage per rule): a separate apply
    # step is one reading, the router's (twentieth round's rows) the other
    assert tools in (
        ["write_labeling_functions"],
        ["write_labeling_functions", "apply_labeling_functions"],
    )


def test_not_labelled_yet_is_a_limit(kennels: Path) -> None:
    goal = "We do not want it labelled yet. Write labeling functions for kennel_visits.csv only."
    assert _tools(goal) == ["write_labeling_functions"]


def test_a_row_range_is_one_correction_per_row() -> None:
    fixes = corrections("lines 40 to 43 should be urgent, and Q-7 is calm")
    assert fixes[:4] == [{"row": i, "label": "urgent"} for i in range(40, 44)]
    assert fixes[4:] == [{"id": "Q-7", "label": "calm"}]
    assert [f["row"] for f in corrections("move rows 8-9 to junk")] == [8, 9]
