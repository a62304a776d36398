"""Round 23 review: the said-value check and the clause check misread lists, negations,
deferrals and other clauses' files (each case planned wrong before the mend)."""

from __future__ import annotations

import pytest

from agents.clause_check import _files_of, _reads_inside, _said_in, second_reading
from agents.plan import PlanStep
from agents.planner import plan_goal
from agents.said_check import bind_said
from settings import get_settings
from tests.unit import test_planner_round23_clauses as clauses
from tests.unit import test_planner_round23_said as said


@pytest.fixture
def files() -> None:
    said._write(get_settings().workspace)
    clauses._write(get_settings().workspace)


def _label_step(goal: str) -> dict:
    step = PlanStep(tool="label_dataset", args={"data_path": "calls.csv"}, why=goal)
    bind_said([step], goal)
    return step.args


@pytest.mark.parametrize(
    "goal",
    [
        "Label reason on calls.csv by class and/or urgency",
        "Label reason on calls.csv and report per class precision/recall",
        "Label reason on calls.csv, per class 80/20 split",
        "Label reason on calls.csv with classes billing, leak, supply, etc.",
        "Label reason on calls.csv, the classes are billing, leak, and others we add later",
    ],
)
def test_words_that_are_no_classes_are_never_bound_as_classes(files: None, goal: str) -> None:
    assert "classes" not in _label_step(goal)


def test_a_list_of_classes_ending_in_or_keeps_its_last_class(files: None) -> None:
    args = _label_step("Label reason on calls.csv with classes billing, leak, or supply")
    assert args["classes"] == ["billing", "leak", "supply"]


@pytest.mark.parametrize(
    "goal",
    [
        "Train a classifier on bookings.csv for missed, don't use numeric: distance_km",
        "Train a classifier on bookings.csv for missed, no numeric columns days_ahead, past_missed",
        "Train a classifier on bookings.csv for missed, without the numeric columns days_ahead "
        "and past_missed",
    ],
)
def test_columns_the_person_excludes_are_never_bound(files: None, goal: str) -> None:
    step = PlanStep(
        tool="train_model", args={"dataset": "bookings.csv", "label_column": "missed"}, why=goal
    )
    bind_said([step], goal)
    assert "numeric_columns" not in step.args


def test_two_roles_claiming_one_list_bind_nothing(files: None) -> None:
    goal = (
        "on bookings.csv, categorical: branch and pet_kind, days_ahead and past_missed as numbers"
    )
    step = PlanStep(
        tool="train_model", args={"dataset": "bookings.csv", "label_column": "missed"}, why=goal
    )
    bind_said([step], goal)
    categorical = step.args.get("categorical_columns") or []
    assert "days_ahead" not in categorical and "past_missed" not in categorical


def test_a_role_word_of_another_table_a_few_words_back_binds_nothing(files: None) -> None:
    goal = "train on bookings.csv and check on the test set's label missed"
    step = PlanStep(tool="train_model", args={"dataset": "bookings.csv"}, why=goal)
    bind_said([step], goal)
    assert "label_column" not in step.args


def test_a_file_of_a_later_clause_is_not_an_added_step_s_data(files: None) -> None:
    plan = plan_goal("run the whole labeling loop. Then make a synthetic copy of bookings.csv")
    assert "label_dataset" not in [s.tool for s in plan.steps]
    plan = plan_goal("generate QA pairs. Then detect anomalies in bookings.csv")
    assert "chunk_documents" not in [s.tool for s in plan.steps]


@pytest.mark.parametrize(
    "tail",
    [
        "predict shop/tickets_new.csv with it only after I have reviewed the labels",
        "predict shop/tickets_new.csv with it next week",
        "maybe predict shop/tickets_new.csv with it",
    ],
)
def test_a_deferred_clause_adds_nothing(files: None, tail: str) -> None:
    goal = f"{clauses.LABEL}. Then {clauses.TRAIN}, and {tail}"
    read, plan = clauses._dropped(goal, {0: ["label_dataset"], 1: ["train_model"]})
    assert second_reading(read, plan) is plan


def test_listed_paths_are_checked_and_files_said_as_whole_names(files: None) -> None:
    assert not _reads_inside({"paths": ["docs/a.md", "../../etc/passwd.md"]})
    assert not _reads_inside({"paths": ["/etc/x.md"]})
    assert _reads_inside({"paths": ["shop/tickets.csv"]})
    assert _files_of({"paths": ["a.md", "${steps.0.path}"], "dataset": "b.csv"}) == [
        "b.csv",
        "a.md",
    ]
    assert not _said_in("a.csv", "label data.csv")
    assert _said_in("a.csv", "label a.csv, then train")


def _counted(tool: str, why: str, args: dict | None = None) -> dict:
    step = PlanStep(tool=tool, args=dict(args or {}), why=why)
    bind_said([step], why)
    return step.args


@pytest.mark.parametrize(
    ("tool", "why", "field", "value"),
    [
        ("detect_anomalies", "which 15 bookings look strangest in bookings.csv", "top_k", 15),
        ("model_leaderboard", "give me 7 text-classification models", "limit", 7),
        ("workbench_rows", "pull up 12 rows the rules disagree on", "limit", 12),
    ],
)
def test_the_one_count_a_request_says_is_bound(tool: str, why: str, field: str, value: int) -> None:
    assert _counted(tool, why).get(field) == value


@pytest.mark.parametrize(
    "why",
    [
        "flag the odd rows of bookings2.csv",  # a number inside a file name
        "odd rows over the last 30 days",  # a unit: a setting, not a count
        "odd rows since 2024",  # a year
        "odd rows, 5% of them at most",  # a share
        "show 10 or 20 odd rows",  # two numbers: which one?
        "odd rows with a score above 3.5",  # a decimal
        "not 10 rows, all of them",  # negated
        "show 5000 odd rows",  # beyond the schema's bound
    ],
)
def test_no_count_is_bound_from_other_numbers(why: str) -> None:
    assert "top_k" not in _counted("detect_anomalies", why)


def test_a_number_another_argument_took_is_no_count_and_a_bound_count_stays() -> None:
    assert "top_k" not in _counted(
        "detect_anomalies", "flag rows scoring 3 or more", {"threshold": 3.0}
    )
    assert _counted("detect_anomalies", "show 15 rows", {"top_k": 40})["top_k"] == 40
    assert "limit" not in _counted("search_datasets", "find reviews with 20 columns")


@pytest.mark.parametrize(
    "why",
    [
        "a lot went for 48 grand, which can't be right: check the results for typos",
        "sensor 7 acts up: find the odd readings",
    ],
)
def test_a_number_that_counts_no_things_is_no_count(why: str) -> None:
    assert "top_k" not in _counted("detect_anomalies", why)


def test_top_n_is_a_count_with_no_noun_after_it() -> None:
    assert _counted("detect_anomalies", "flag the odd rows and show the top 25")["top_k"] == 25


def test_odd_values_are_never_read_by_either_check(files: None) -> None:
    # a lone surrogate, a NUL and an integer past any index never reach a read
    for bad in ("\udc80.csv", "shop/a\x00.csv", "~root/x.csv", "/etc/passwd"):
        assert not _reads_inside({"dataset": bad}), bad
    assert _reads_inside({"dataset": 2**63, "top_k": 2**63})  # no file named: nothing read
    for ref in ("\udc80.csv", 2**63, ["bookings.csv"], None):
        step = PlanStep(tool="train_model", args={"dataset": ref}, why="numeric: days_ahead")
        bind_said([step], "numeric: days_ahead")
        assert "numeric_columns" not in step.args, ref
    step = PlanStep(
        tool="detect_anomalies", args={"dataset": "bookings.csv"}, why="show 99999 rows"
    )
    bind_said([step], "show 99999 rows")
    assert "top_k" not in step.args
