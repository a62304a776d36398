"""Round 24, said but left unbound: counts, model names, one labeling function, a bare target and
the file written functions go to, bound from the person's words (`agents/said_check.py`)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from agents import said_check
from agents.plan import PlanStep
from agents.planner import plan_goal
from agents.said_check import bind_said, bind_written_lfs, said_target
from settings import get_settings


def _bound(tool: str, why: str, goal: str | None = None, args: dict | None = None) -> dict:
    step = PlanStep(tool=tool, args=dict(args or {}), why=why)
    bind_said([step], goal if goal is not None else why)
    return step.args


# --- counts said at a clause's end ---------------------------------------------------------


@pytest.mark.parametrize(
    ("tool", "why", "goal", "field", "value"),
    [
        # the count said in a sentence of its own, after the showing step's clause
        ("detect_anomalies", "odd rows of parcels.csv", "which parcels look off? give me 12", "top_k", 12),
        ("model_leaderboard", "best summarisation models, show 8", None, "limit", 8),
        ("workbench_rows", "rows the rules argue about; list 6.", None, "limit", 6),
    ],
)  # fmt: skip
def test_a_count_ending_its_clause_after_a_showing_verb_is_bound(
    tool: str, why: str, goal: str | None, field: str, value: int
) -> None:
    assert _bound(tool, why, goal).get(field) == value


@pytest.mark.parametrize(
    "goal",
    [
        "odd parcels in parcels.csv, threshold 4",  # a threshold, no showing verb
        "odd parcels in parcels.csv, show 2025",  # a year
        "odd parcels in parcels.csv, give me 10 minutes",  # a unit
        "odd parcels in parcels.csv, show 10 or 12",  # two numbers
        "odd parcels in parcels.csv, give me 10%",  # a share
        "odd parcels of depot 7, show them",  # a number naming a thing
    ],
)
def test_numbers_that_are_no_count_are_not_bound(goal: str) -> None:
    assert "top_k" not in _bound("detect_anomalies", "odd parcels in parcels.csv", goal)


def test_the_goal_is_read_for_a_count_only_by_the_plans_one_showing_step() -> None:
    goal = "odd parcels in parcels.csv, and the leaderboard too. give me 9"
    one = PlanStep(tool="detect_anomalies", args={}, why="odd parcels in parcels.csv")
    two = PlanStep(tool="model_leaderboard", args={}, why="and the leaderboard too")
    bind_said([one, two], goal)
    assert "top_k" not in one.args and "limit" not in two.args


# --- a model's name said of the model ------------------------------------------------------


@pytest.mark.parametrize(
    ("goal", "name"),
    [
        ("Train on parcels.csv for late. Output name for the model: parcel_watch.", "parcel_watch"),
        ("train on parcels.csv for late, model name = late_v3", "late_v3"),
        ("Train on parcels.csv for late, then save as late_mlp", "late_mlp"),
        ("train on parcels.csv for late; the classifier's name is Hermes.", "Hermes"),
    ],
)
def test_a_name_said_of_the_model_is_bound_to_the_one_training(goal: str, name: str) -> None:
    assert _bound("train_model", "train on parcels.csv for late", goal).get("name") == name


@pytest.mark.parametrize(
    "goal",
    [
        "train on parcels.csv for late, then save as csv",  # a format
        "train on parcels.csv for late, save as scores.csv",  # a file
        "train on parcels.csv; the name of the model is up to you",  # left open
        "train on parcels.csv, model name: whatever you like",
        "train on parcels.csv, model name: a and b",  # no name ending its phrase
    ],
)
def test_words_that_are_no_name_are_not_bound(goal: str) -> None:
    assert "name" not in _bound("train_model", "train on parcels.csv", goal)


def test_save_as_names_no_model_when_a_table_writing_step_has_no_output() -> None:
    goal = "train on parcels.csv then predict new.csv, save as late_scores"
    train = PlanStep(tool="train_model", args={"dataset": "parcels.csv"}, why="train")
    predict = PlanStep(tool="predict", args={"dataset": "new.csv"}, why="predict new.csv")
    bind_said([train, predict], goal)
    assert "name" not in train.args


def test_a_name_two_trainings_could_take_is_left_and_recorded() -> None:
    goal = "train a logistic and an MLP on parcels.csv. Model name: late_v9."
    one = PlanStep(tool="train_model", args={"model": "logistic"}, why="a logistic")
    two = PlanStep(tool="train_model", args={"model": "mlp"}, why="an MLP")
    notes = bind_said([one, two], goal)
    assert "name" not in one.args and "name" not in two.args
    assert [n for n in notes if n.startswith(said_check.UNPLACED_NOTE)] == [
        "left unbound: 'late_v9' was said, and train_model.name, train_model.name could each take it"
    ]


# --- one labeling function said --------------------------------------------------------------


def test_the_function_said_before_lf_is_bound() -> None:
    args = _bound("workbench_rows", "show rows voted by the refund LF", None, {"labeling_dir": "r"})
    assert args["lf"] == "refund"
    args = _bound("workbench_rows", "rows that the rule called late_fee fires on", None, {})
    assert args["lf"] == "late_fee"


@pytest.mark.parametrize(
    "goal",
    [
        "show rows where each LF disagrees",
        "show the rows the keyword rule missed",
        "show rows no rule covers",
        "show the rows of the late_fee LF and the refund LF",  # two: which one?
        "show the rows of the weak LF",
        "show the rows labeled refund",
    ],
)
def test_words_that_are_no_function_are_not_bound(goal: str) -> None:
    assert "lf" not in _bound("workbench_rows", goal, None, {"labeling_dir": "r"})


def test_a_readable_run_gives_its_own_function_for_the_keyword_said() -> None:
    run = get_settings().workspace / "runs" / "mail"
    run.mkdir(parents=True)
    pd.DataFrame({"id": [1, 2], "label": ["a", "b"]}).to_parquet(run / "labeled.parquet")
    lfs = [{"name": "kw_refund__billing", "kind": "keyword", "keywords": ["refund"], "label": "b"}]
    (run / "labeling_functions.json").write_text(json.dumps(lfs))
    args = _bound(
        "workbench_rows", "show rows of the refund rule", None, {"labeling_dir": "runs/mail"}
    )
    assert args["lf"] == "kw_refund__billing"


# --- a target said with no metric --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("do it again, aim for 85%", 0.85), ("target .8 this time", 0.8), ("get it to 0.93", 0.93)],
)
def test_a_bare_target_is_read(text: str, value: float) -> None:
    assert said_target(text) == value
    assert _bound("label_dataset", text, None, {"dataset": "x.csv"})["target_value"] == value


@pytest.mark.parametrize(
    "text",
    [
        "quality threshold 0.8",  # a threshold
        "hold back 30% for validation",  # a share
        "aim for 90% of the rows",  # a share of rows
        "don't aim for 90%",  # negated
        "aim for 3 attempts",  # no fraction
        "aim for 80%, or target 0.9",  # two targets
        "target 0.8 precision",  # a metric said beside it
        "precision target 0.8",
        "aim for 90% rows done",  # a share of something
    ],
)
def test_numbers_that_are_no_target_are_not_read(text: str) -> None:
    assert said_target(text) is None
    assert "target_value" not in _bound("label_dataset", text, None, {"dataset": "x.csv"})


def test_a_bare_target_sets_the_rerun_of_make_it_better() -> None:
    folder = get_settings().workspace
    pd.DataFrame({"id": range(20), "note": ["late again"] * 20, "kind": ["a"] * 20}).to_csv(
        folder / "notes.csv", index=False
    )
    loop = {"tool": "label_dataset", "args": {"dataset": "notes.csv", "label_column": "kind"}}
    plan = plan_goal("make it better, aim for 95%", {"last_loop": loop, "last_call": loop})
    assert plan.steps and plan.steps[0].args["target_value"] == 0.95


# --- the file written functions go to --------------------------------------------------------


def _applied(output: object, goal: str) -> dict:
    write = PlanStep(tool="write_labeling_functions", args={"output_path": output}, why="write")
    apply = PlanStep(
        tool="apply_labeling_functions",
        args={"dataset": "mail.csv", "labeling_functions": "${steps.0.labeling_functions}"},
        why="apply them",
    )
    bind_written_lfs([write, apply], goal)
    return apply.args


def test_functions_applied_after_their_writing_read_the_file_said_for_them() -> None:
    args = _applied(
        "rules/mail_lfs.json", "write LFs, apply them. Save them to rules/mail_lfs.json"
    )
    assert args == {"dataset": "mail.csv", "lfs_path": "rules/mail_lfs.json"}


@pytest.mark.parametrize(
    "output",
    ["../mail_lfs.json", "/etc/mail_lfs.json", "~root/mail_lfs.json", "a\x00.json", "\udcff.json"],
)
def test_a_written_file_outside_the_workspace_is_never_read(output: str) -> None:
    args = _applied(output, f"write LFs, apply them. Save them to {output}")
    assert "lfs_path" not in args and "labeling_functions" in args


def test_an_unsaid_or_odd_output_leaves_the_reference() -> None:
    assert "lfs_path" not in _applied("made_up.json", "write LFs then apply them")
    assert "lfs_path" not in _applied(2**63, f"write LFs then apply them to {2**63}")
    assert "lfs_path" not in _applied(None, "write LFs then apply them")


# --- hostile input stays linear ------------------------------------------------------------


@pytest.mark.parametrize(
    "goal",
    [
        "name for the model: " + "x" * 50_000,
        "the " * 20_000 + "LF",
        "aim for " * 10_000 + "90%",
        "model name " * 8_000,
        "give me " + "1 " * 20_000,
        "\udcff rule " * 5_000,
    ],
)
def test_long_odd_input_binds_nothing_odd(goal: str) -> None:
    steps = [
        PlanStep(tool="train_model", args={}, why=goal[:200]),
        PlanStep(tool="workbench_rows", args={"labeling_dir": "r"}, why=goal[:200]),
    ]
    bind_said(steps, goal)
    name = steps[0].args.get("name")
    assert name is None or len(name) <= 100
    assert steps[1].args.get("lf") in (None, "x" * 41) or len(steps[1].args["lf"]) <= 41


@pytest.fixture(autouse=True)
def _workspace() -> Path:
    folder = get_settings().workspace
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# --- labeling rules said in words, unquoted ----------------------------------------------------


@pytest.mark.parametrize(
    ("goal", "rules"),
    [
        ("if a parcel note mentions crushed or torn, label it damaged", [("damaged", ["crushed", "torn"])]),
        ("when the memo says overdue, it's late", [("late", ["overdue"])]),
        ("tag as fraud anything that mentions gift card or wire", [("fraud", ["gift card", "wire"])]),
        ("mark rows containing leak as plumbing", [("plumbing", ["leak"])]),
        (
            "label the calls: calls mentioning bill are money, calls with burst pipe are water",
            [("money", ["bill"]), ("water", ["burst pipe"])],
        ),
    ],
)  # fmt: skip
def test_unquoted_rules_said_with_a_labeling_verb_are_read(
    goal: str, rules: list[tuple[str, list[str]]]
) -> None:
    from agents.rules import parse_rules

    assert [(r["label"], r["keywords"]) for r in parse_rules(goal)] == rules


@pytest.mark.parametrize(
    "goal",
    [
        "label the rows: rows with a score above 3 are outliers",  # a threshold, no keyword
        "rows with missing values are dropped, then label the rest",  # what to do, no class
        "if the model says yes, then train it on parcels.csv",  # no labeling verb
        "train on parcels.csv and label it damaged",  # no condition
        "calls with burst pipe are water",  # no word of labels or rules
    ],
)
def test_words_that_are_no_rule_are_not_read_as_one(goal: str) -> None:
    from agents.rules import parse_rules

    assert parse_rules(goal) == []


@pytest.mark.parametrize(
    "goal",
    [
        "if it mentions " + "a, " * 5_000 + "label it x",
        "label as x anything that mentions " + "a or " * 5_000,
        "mark rows containing " + "word " * 8_000 + "as x",
        "tickets mentioning " + "a/" * 8_000 + " are x",
    ],
)
def test_long_rule_lists_stay_linear_and_bounded(goal: str) -> None:
    from agents.rules import parse_rules

    for rule in parse_rules(goal[:2000]):
        assert len(rule["keywords"]) <= 10


# --- a test file said as 'used as the test set' ------------------------------------------------


def _tables() -> None:
    folder = get_settings().workspace
    for name, n in (("trips_2024.csv", 60), ("trips_2025.csv", 30), ("trips_new.csv", 20)):
        pd.DataFrame(
            {
                "trip_no": range(n),
                "distance": [float(i % 7) for i in range(n)],
                "late": ["yes", "no"] * (n // 2),
            }
        ).to_csv(folder / name, index=False)


def test_a_file_used_as_the_test_set_is_the_trainings_test_file() -> None:
    _tables()
    plan = plan_goal(
        "a classifier for late trained on trips_2024.csv, with trips_2025.csv used as the test "
        "set, and save the model as trips_late"
    )
    assert plan.steps[0].args["test_dataset"] == "trips_2025.csv"


def test_a_file_used_as_something_else_is_no_test_file() -> None:
    from agents.arguments import role_files

    text = "train on trips_2024.csv with trips_2025.csv used as the extra training rows"
    assert role_files(text, ["trips_2024.csv", "trips_2025.csv"])[1] == []
    text = "train on trips_2024.csv with trips_2025.csv used as the test set"
    assert role_files(text, ["trips_2024.csv", "trips_2025.csv"])[1] == ["trips_2025.csv"]
