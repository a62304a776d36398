"""Round 22 review: the merged change's patterns bounded on hostile text, its readings kept off
plain wordings they misread (a share of the rows for testing, 'the entry number', a question
about a table after a labeling run), and a one-class generator's follow-ups."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from agents.arguments import MODEL_NAMED_RE
from agents.columns import feature_roles
from agents.planner import _labeling_again_with, _thread_tables, plan_goal, remember
from agents.references import DESCRIBED_TEST_AFTER_RE, gold_named
from graphs.workflows import call_tool
from settings import get_settings
from tests.unit.test_planner_round22_goals import _unlabeled_table, _write
from tests.unit.test_planner_round22_later import _inspections
from tests.utils.threads import labeled
from tests.utils.training_data import put
from tools.base import ToolContext
from tools.profile import profile_table

LONG = 200_000
"""Long runs the old forms read quadratically (9-90 s at 50,000): run here for their answers,
without a timing assert; a form that backtracks again shows as a slow suite, not a flaky test.
(These shapes, a lookahead repeat after a repeat and a long run of spaces, are outside the parse
tree shape check of test_planner_round20_hostile.py.)"""


def test_the_new_patterns_answer_on_long_runs() -> None:
    # a long word before a file-like dot, a long run of spaces after a file's name
    assert MODEL_NAMED_RE.search("name the model " + "a" * LONG + ".x") is None
    assert gold_named("x.csv" + " " * LONG + "q and y.csv") is None
    # the name ends its phrase; the name read as before
    assert MODEL_NAMED_RE.search("name the model whatever you like") is None
    assert MODEL_NAMED_RE.search("Name the model severity_v1.")[1] == "severity_v1"


@pytest.fixture
def files() -> Path:
    root = get_settings().workspace
    _write(root)
    return root


def test_a_share_of_the_rows_for_testing_is_no_test_file(files: Path) -> None:
    for said in ("keep 20% of the rows for testing", "hold out the data for evaluation"):
        plan = plan_goal(f"train a model on jobs_train.csv to predict severity, {said}")
        assert "test_dataset" not in plan.steps[0].args, said
    assert DESCRIBED_TEST_AFTER_RE.search("20% of the dataset for testing") is None
    assert DESCRIBED_TEST_AFTER_RE.search("evaluate it with the file of test.") is not None


def test_a_columns_noun_phrase_is_no_role(files: Path) -> None:
    # 'the job_ref number' names the key; it is no numeric feature ('numbers' still is a role)
    plan = plan_goal(
        "train on jobs_train.csv to predict severity from wait_days and sq_ft, and keep the "
        "job_ref number."
    )
    assert "job_ref" not in plan.steps[0].args.get("numeric_columns", [])
    profile = profile_table("jobs_train.csv")
    assert profile is not None
    roles = feature_roles("for severity from prior_jobs and sq_ft numbers; and branch", profile)
    assert roles.get("numeric_columns") == ["prior_jobs", "sq_ft"]


def test_a_question_about_a_table_is_no_labeling_again() -> None:
    root = get_settings().workspace
    _inspections(gaps=True).to_csv(root / "keeper_notes.csv", index=False)
    _inspections().head(12)[["visit_no", "fault"]].to_csv(root / "fault_checked.csv", index=False)
    memory = labeled("labeling/keeper_notes-1", "keeper_notes.csv", "fault")
    for goal in ("how good is fault_checked.csv too?", "is fault_checked.csv consistent with it?"):
        assert _labeling_again_with(goal, memory) is None, goal
    # a request said as a question still brings the table in
    assert _labeling_again_with("could you use fault_checked.csv as well?", memory) is not None


def test_a_malformed_memory_names_no_thread_table() -> None:
    memory = {"dataset": ["x.csv"], "models": [{"dataset": {"a": 1}}], "said": ["see b.csv"]}
    assert _thread_tables(memory) == ("b.csv",)


def test_a_one_class_generators_follow_up_names_no_class() -> None:
    # its stand-in class 'all' was a class the planner then read in 'all of them' and the run
    # refused; a one-class generator reports no classes
    put(_unlabeled_table(), "refunds.csv")
    args = {"dataset": "refunds.csv", "id_column": "refund_id", "epochs": 2, "name": "ref"}
    trained = call_tool("train_generator", args, ToolContext())
    assert trained["classes"] == [] and trained["class_counts"] == {}
    memory = remember("train_generator", trained, {}, args)
    plan = plan_goal("now generate 200 rows, all of them realistic", memory)
    (step,) = plan.steps
    assert step.tool == "generate_synthetic" and "label" not in step.args
    out = call_tool("generate_synthetic", {**step.args, "n": 20}, ToolContext())
    assert out["rows"] == 20 and not any(re.match("_all", c) for c in out["columns"])
    assert len(pd.read_parquet(get_settings().workspace / out["path"])) == 20
