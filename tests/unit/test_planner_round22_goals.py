"""Round 22, single goals: arguments bound from the goal's words and runs that no longer fail."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from agents.columns import feature_roles
from agents.planner import plan_goal
from errors import BadInput
from graphs.workflows import call_tool
from settings import get_settings
from tests.utils.training_data import put, workspace
from tools.base import ToolContext
from tools.profile import profile_table


def _write(folder: Path) -> None:
    rng = np.random.default_rng(22)
    n = 90
    jobs = pd.DataFrame(
        {
            "job_ref": [f"J{i:04d}" for i in range(n)],
            "branch": rng.choice(["north", "south", "east"], n),
            "field_notes": [f"wasps under the eaves at site {i}, sealed gap" for i in range(n)],
            "client_remark": [f"tech was on time, job {i} fine" for i in range(n)],
            "sq_ft": rng.integers(400, 4000, n),
            "prior_jobs": rng.integers(0, 6, n),
            "wait_days": rng.integers(0, 15, n),
            "visits": rng.integers(1, 4, n),
            "severity": rng.choice(["low", "medium", "high"], n),
            "complaint": rng.choice(["Y", "N"], n),
        }
    )
    jobs.to_csv(folder / "jobs_train.csv", index=False)
    jobs.sample(frac=0.4, random_state=2).to_csv(folder / "jobs_test.csv", index=False)
    # a file named like a column of the jobs table
    pd.DataFrame({"note_id": [1, 2], "field_notes": ["a", "b"]}).to_csv(
        folder / "field_notes.csv", index=False
    )
    pd.DataFrame(
        {
            "entry": range(1, n + 1),
            "van": rng.choice(["V1", "V2", "V3"], n),
            "dose_ml": rng.uniform(10, 90, n).round(1),
            "area_m2": rng.integers(20, 300, n),
        }
    ).to_csv(folder / "dose_log.csv", index=False)


@pytest.fixture
def files() -> None:
    _write(get_settings().workspace)


def test_a_role_after_a_list_is_every_listed_columns(files: None) -> None:
    profile = profile_table("jobs_train.csv")
    assert profile is not None
    # the role in brackets after the list, then a single column's own role in brackets
    roles = feature_roles(
        "predicting complaint (Y/N), features restricted to wait_days, prior_jobs, visits "
        "(numeric) and branch (categorical)",
        profile,
    )
    assert roles == {
        "numeric_columns": ["wait_days", "prior_jobs", "visits"],
        "categorical_columns": ["branch"],
    }
    # a bare role word after the list, before a break
    roles = feature_roles(
        "for complaint with field_notes and client_remark as text plus prior_jobs, sq_ft, "
        "wait_days numeric; max 4 attempts",
        profile,
    )
    assert roles == {
        "text_columns": ["field_notes", "client_remark"],
        "numeric_columns": ["prior_jobs", "sq_ft", "wait_days"],
    }
    # a list holding a word that is no column: only a bracketed role's own column
    assert feature_roles("predict severity, from branch and stuff, visits (numeric)", profile) == {
        "numeric_columns": ["visits"]
    }
    assert feature_roles("predict severity using the numeric ones", profile) == {}


def test_numeric_list_is_no_label_and_the_column_like_a_file_stays_a_column(files: None) -> None:
    plan = plan_goal(
        "Train on jobs_train.csv for severity with field_notes and client_remark as text plus "
        "prior_jobs, sq_ft, wait_days numeric; then evaluate on jobs_test.csv"
    )
    assert plan.question is None, plan.question
    train = plan.steps[0].args
    assert train["label_column"] == "severity"
    assert train["text_columns"] == ["field_notes", "client_remark"]
    assert train["numeric_columns"] == ["prior_jobs", "sq_ft", "wait_days"]
    # said alone, the joined name is still the file
    plan = plan_goal("show me the first rows of field_notes")
    assert plan.steps and plan.steps[0].args.get("dataset") == "field_notes.csv"


def test_an_outcome_asked_ahead_of_time_is_the_label(files: None) -> None:
    # 'visit' names the visits column in passing; the outcome asked is the complaint
    plan = plan_goal(
        "I want to know before the visit if the customer will make a complaint. Learn it from "
        "jobs_train.csv and tell me the accuracy on jobs_test.csv."
    )
    assert plan.question is None, plan.question
    assert plan.steps[-1].tool == "train_model"
    assert plan.steps[-1].args["label_column"] == "complaint"


def test_a_column_called_a_key_is_the_id_column(files: None) -> None:
    plan = plan_goal(
        "flag the 10 most suspicious rows in dose_log.csv, with the entry number so I can look "
        "them up"
    )
    (step,) = plan.steps
    assert step.tool == "detect_anomalies" and step.args.get("id_column") == "entry"
    # a column that repeats values is no key, however it is called
    plan = plan_goal("flag the 10 most suspicious rows in dose_log.csv, by van number")
    assert plan.steps[0].args.get("id_column") != "van"


def test_the_file_of_test_is_the_described_test_file(files: None) -> None:
    plan = plan_goal(
        "Please make the model for the severity with jobs_train.csv and after evaluate it "
        "with the file of test."
    )
    assert [s.tool for s in plan.steps] == ["train_model", "evaluate_model"]
    assert plan.steps[1].args.get("dataset") == "jobs_test.csv"


def _unlabeled_table(n: int = 120) -> pd.DataFrame:
    """Refund-like rows: an id, numbers and categories, no column named like a label."""
    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {
            "refund_id": [f"r{i:04d}" for i in range(n)],
            "amount_usd": rng.gamma(2.0, 30.0, n).round(2),
            "days_since_pledge": rng.integers(1, 90, n),
            "method": rng.choice(["card", "paypal", "bank"], n),
            "backer_country": rng.choice(["US", "DE", "FR", "GB"], n),
        }
    )


def test_a_generator_learns_a_table_without_a_label_column() -> None:
    # "Fake-but-realistic rows like these" needs no classes: the table is one class (a plain
    # VAE) instead of the run failing with "no label column given and none found".
    put(_unlabeled_table(), "refunds.csv")
    trained = call_tool(
        "train_generator",
        {"dataset": "refunds.csv", "id_column": "refund_id", "epochs": 5, "name": "ref"},
        ToolContext(),
    )
    assert trained["label_column"] is None and trained["utility"] is None
    assert "no label column" in trained["utility_note"]  # asked for (the default), not measured
    out = call_tool(
        "generate_synthetic",
        {"model": trained["model_path"], "n": 30, "output": "fake.csv"},
        ToolContext(),
    )
    rows = pd.read_csv(workspace() / "fake.csv")
    assert out["rows"] == 30 and len(rows) == 30
    assert list(rows.columns) == list(_unlabeled_table().columns)
    assert rows["refund_id"].str.startswith("syn-").all()
    assert set(rows["method"]) <= {"card", "paypal", "bank"}
    with pytest.raises(BadInput, match="without a label column"):
        call_tool(
            "generate_synthetic", {"model": trained["model_path"], "label": "x"}, ToolContext()
        )


def test_the_model_named_in_a_clause_of_its_own(files: None) -> None:
    plan = plan_goal(
        "Severity model. Training data: jobs_train.csv; outcome column: severity. Test once on "
        "jobs_test.csv. Name the model severity_v1."
    )
    train = next(s for s in plan.steps if s.tool == "train_model")
    assert train.args.get("name") == "severity_v1"
    # a file said after 'the model' is an output's name, not the model's
    plan = plan_goal("train on jobs_train.csv for severity. call the model jobs_model.csv")
    train = next(s for s in plan.steps if s.tool == "train_model")
    assert train.args.get("name") != "jobs_model"


def test_a_switch_said_by_its_name_in_words() -> None:
    from agents.options import said_by_name

    # the field's name with spaces, the switch word ending the phrase
    assert said_by_name("label_dataset", "label x.csv, target f1 0.9, end model off.") == {
        "end_model": False
    }
    assert said_by_name("label_dataset", "label x.csv, end model: on") == {"end_model": True}
    # a preposition after the words is no switch
    assert said_by_name("label_dataset", "label x.csv and run the end model on the rows") == {}
