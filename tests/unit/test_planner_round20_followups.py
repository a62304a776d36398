"""Round 20: follow-up turns (an invented bicycle-courier depot's tables and wording): rows of a
class the thread's labeling run does not have, a request said as a question about a column, and
an outcome said in a relative clause after the rows' noun."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from agents.columns import outcome_label
from agents.hand_labels import table_profile
from agents.planner import plan_goal
from agents.runs import Run, class_not_of_run
from settings import get_settings
from tests.utils.threads import labeled, looked_at, planned_steps

ROWS = 40
RUN = "labeling/depot_notes-run1"


@pytest.fixture
def depot() -> Path:
    """Courier notes (a `reason` column mostly empty) with a labeling run of three classes, and a
    log of cargo bikes whose `bike_type` sits beside the outcome `breakdown_logged`."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    ids = [f"DN-{300 + i}" for i in range(ROWS)]
    notes = ["tyre flat again", "rain all day", "road closed", "bag strap torn"] * (ROWS // 4)
    reasons = ["puncture", None, None, None] * (ROWS // 4)
    pd.DataFrame({"note_id": ids, "note": notes, "reason": reasons}).to_csv(
        root / "depot_notes.csv", index=False
    )
    run = root / RUN
    run.mkdir(parents=True)
    classes = ["puncture", "weather", "roadworks"]
    pd.DataFrame({"id": ids, "reason": (classes * ROWS)[:ROWS]}).to_parquet(
        run / "labeled.parquet", index=False
    )
    (run / "metrics.json").write_text(json.dumps({"classes": classes}))
    pd.DataFrame(
        {
            "bike_id": [f"B{i}" for i in range(ROWS)],
            "bike_type": ["longtail", "box", "trike", "box"] * (ROWS // 4),
            "km_week": [(i * 37) % 400 for i in range(ROWS)],
            "breakdown_logged": ["yes", "no", "no", "no"] * (ROWS // 4),
        }
    ).to_csv(root / "cargo_bikes.csv", index=False)
    return root


def test_a_class_the_run_does_not_have_is_answered_with_its_classes(depot: Path) -> None:
    thread = labeled(RUN, "depot_notes.csv", "reason")
    plan = plan_goal("show me the theft ones", thread)
    assert [s.tool for s in plan.steps] == []
    assert plan.answer is not None and "no class 'theft'" in plan.answer
    assert "puncture, weather, roadworks" in plan.answer
    # a class of the run is its rows, as before
    steps = planned_steps("show me the weather ones", thread)
    assert steps == [("workbench_rows", {"labeling_dir": RUN, "label": "weather"})]


def test_words_that_pick_rows_another_way_are_no_class() -> None:
    run = Run(dir=RUN, mtime=0.0, classes=["puncture", "weather"], columns=["id", "reason"])
    for goal in (
        "show me the first ones",
        "show me the low-confidence ones",
        "list the rows labelled by hand",
        "show me the ones it put under weather",  # a class of the run
        "show me a few of the courier notes",  # the data's rows by their noun
        "give me 50 more of the theft ones",  # more rows made, not rows shown
        "how many theft ones did it find?",  # a count: the thread's answer
    ):
        assert class_not_of_run(goal, run, []) is None, goal
    assert class_not_of_run("show me the theft ones", run, []) == "theft"
    assert class_not_of_run("list the rows it tagged as theft", run, []) == "theft"
    # a word of a file the goal names is no class ('the theft ones in theft_log.csv')
    assert class_not_of_run("show me the theft ones", run, ["theft_log.csv"]) is None


def test_a_request_said_as_a_question_about_a_column_is_the_request(depot: Path) -> None:
    thread = looked_at("depot_notes.csv")
    steps = planned_steps("right, so could you fill in the reasons that are missing?", thread)
    assert [t for t, _ in steps] == ["label_dataset"]
    assert steps[0][1]["label_column"] == "reason"
    # a question about the column is still a look at it
    steps = planned_steps("could you tell me which reasons there are?", thread)
    assert [t for t, _ in steps] == ["inspect_dataset"]


def test_an_outcome_said_after_the_rows_noun_in_a_relative_clause(depot: Path) -> None:
    profile = table_profile("cargo_bikes.csv")
    assert profile is not None
    for text in (
        "something to spot the bikes that end up logging a breakdown",
        "predict the bikes which will log a breakdown",
    ):
        assert outcome_label(profile, text) == "breakdown_logged", text
    thread = looked_at("cargo_bikes.csv", "preview_rows")
    steps = planned_steps(
        "Could we also teach something to spot the bikes that end up logging a breakdown?", thread
    )
    assert [t for t, _ in steps] == ["train_model"]
    assert steps[0][1]["label_column"] == "breakdown_logged"


def test_which_rule_covers_the_most_is_answered_from_the_applied_rules(depot: Path) -> None:
    from agents.planner import remember

    rows = [
        {"name": "kw_flat", "coverage": 0.12, "dev_accuracy": None},
        {"name": "kw_rain", "coverage": 0.31, "dev_accuracy": None},
        {"name": "kw_closed", "coverage": 0.05, "dev_accuracy": None},
    ]
    args = {"dataset": "depot_notes.csv", "lfs_path": "depot_rules.json"}
    memory = remember("apply_labeling_functions", {"summary": rows}, {}, args)
    for goal in ("which rule covers the most?", "which of the rules has the widest coverage?"):
        plan = plan_goal(goal, memory)
        assert plan.steps == [], goal
        assert plan.answer is not None and plan.answer.index("kw_rain") < plan.answer.index(
            "kw_flat"
        ), goal
