"""Twenty-ninth round, the planner: a total asked of a number column ('total revenue by show',
'how many volunteer hours per role', 'how many hours did Maria G. do in total') is
inspect_dataset's sum, by a column or of the rows of one value; an average stays the mean and a
count of rows stays a count."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from agents.grounding import asks_total, value_named
from agents.planner import plan_goal
from agents.reporter import summarise_output
from agents.slots import split_clauses
from graphs.workflows import call_tool
from settings import get_settings
from tools.profile import profile_table

N = 200


@pytest.fixture
def tables() -> None:
    rng = np.random.default_rng(29)
    workspace = get_settings().workspace
    pd.DataFrame(
        {
            "ticket_id": [f"T{i:04d}" for i in range(N)],
            "show": rng.choice(["A Christmas Carol", "Into the Woods", "Hamlet"], N),
            "channel": rng.choice(["web", "box office", "phone"], N),
            "tickets": rng.integers(1, 8, N),
            "total": rng.integers(20, 400, N).astype(float),
        }
    ).to_parquet(workspace / "ticket_sales.parquet")
    pd.DataFrame(
        {
            "volunteer": rng.choice(["Maria G.", "Tom B.", "Ana K.", "Li W."], N),
            "role": rng.choice(["usher", "bar", "cloakroom"], N),
            "hours": rng.choice([1.5, 2.0, 3.0, 4.0], N),
        }
    ).to_json(workspace / "volunteer_shifts.jsonl", orient="records", lines=True)
    pd.DataFrame(
        {
            "unit": [f"U{i:03d}" for i in range(N)],
            "building": rng.choice(["North", "South", "East"], N),
            "rent": rng.integers(800, 2000, N),
        }
    ).to_csv(workspace / "rents.csv", index=False)
    # one row a ticket: no number column to add up
    pd.DataFrame(
        {
            "ticket_id": [f"K{i:04d}" for i in range(N)],
            "channel": rng.choice(["web", "box office", "phone"], N),
            "seat": rng.choice(["stalls", "circle"], N),
        }
    ).to_csv(workspace / "tickets.csv", index=False)


SHIFTS = {
    "dataset": "volunteer_shifts.jsonl",
    "last_call": {"tool": "inspect_dataset", "args": {"dataset": "volunteer_shifts.jsonl"}},
}
"""A thread that has just looked at the shifts."""


def _inspect(plan) -> dict:
    assert plan.question is None and plan.answer is None, (plan.question, plan.answer)
    assert [s.tool for s in plan.steps] == ["inspect_dataset"]
    return plan.steps[0].args


@pytest.mark.parametrize(
    ("goal", "label", "group"),
    [
        ("total revenue by show in ticket_sales.parquet (the total column)", "total", "show"),
        ("total tickets sold per show in ticket_sales.parquet", "tickets", "show"),
        ("sum of total per channel in ticket_sales.parquet", "total", "channel"),
        ("how many tickets per channel in ticket_sales.parquet", "tickets", "channel"),
        ("how many volunteer hours per role in volunteer_shifts.jsonl?", "hours", "role"),
        ("hours in all by role in volunteer_shifts.jsonl", "hours", "role"),
    ],
)
def test_a_total_by_a_column_is_the_sum(tables: None, goal: str, label: str, group: str) -> None:
    args = _inspect(plan_goal(goal))
    assert (args["label_column"], args["group_by"], args["statistic"]) == (label, group, "sum")


def test_a_total_by_a_column_on_a_thread(tables: None) -> None:
    args = _inspect(plan_goal("how many volunteer hours per role?", SHIFTS))
    assert args == {
        "dataset": "volunteer_shifts.jsonl",
        "label_column": "hours",
        "group_by": "role",
        "statistic": "sum",
    }


@pytest.mark.parametrize(
    ("goal", "who"),
    [
        ("how many hours did Maria G. do in total", "Maria G."),
        ("and Tom B.'s hours in total?", "Tom B."),
        ("total hours for volunteer Ana K.", "Ana K."),
    ],
)
def test_a_total_for_one_value_is_the_sum_of_its_rows(tables: None, goal: str, who: str) -> None:
    args = _inspect(plan_goal(goal, SHIFTS))
    assert args["label_column"] == "hours" and args["statistic"] == "sum"
    assert args["where"] == {"volunteer": who} and "group_by" not in args
    out = call_tool("inspect_dataset", args)
    shifts = pd.read_json(get_settings().workspace / "volunteer_shifts.jsonl", lines=True)
    expected = float(shifts.loc[shifts.volunteer == who, "hours"].sum())
    assert out["statistic"]["value"] == pytest.approx(expected)
    lines = summarise_output("inspect_dataset", out)
    assert lines[1].strip().startswith("total of 'hours': ")


def test_the_planned_totals_run_ordered_by_the_sum(tables: None) -> None:
    args = _inspect(plan_goal("total revenue by show in ticket_sales.parquet (the total column)"))
    out = call_tool("inspect_dataset", args)
    sums = [g["sum"] for g in out["groups"]["groups"]]
    assert sums == sorted(sums, reverse=True)
    assert "total of 'total' by 'show'" in "\n".join(summarise_output("inspect_dataset", out))


@pytest.mark.parametrize(
    ("goal", "label"),
    [
        ("average rent by building in rents.csv", "rent"),
        ("median total by show in ticket_sales.parquet", "total"),
        ("mean hours per role in volunteer_shifts.jsonl", "hours"),
    ],
)
def test_an_average_stays_the_mean(tables: None, goal: str, label: str) -> None:
    args = _inspect(plan_goal(goal))
    assert args["label_column"] == label and "statistic" not in args


@pytest.mark.parametrize(
    ("goal", "label"),
    [
        ("how many tickets per channel in tickets.csv", "channel"),  # a row a ticket
        ("how many rows per show in ticket_sales.parquet", "show"),
        ("how many shifts per role in volunteer_shifts.jsonl", "role"),
    ],
)
def test_a_count_of_rows_stays_a_count(tables: None, goal: str, label: str) -> None:
    args = _inspect(plan_goal(goal))
    assert args.get("label_column") == label and "statistic" not in args


def test_a_total_of_a_key_or_of_nothing_named_is_no_sum(tables: None) -> None:
    profile = profile_table("ticket_sales.parquet")
    assert not asks_total(profile, "total ticket_id by show", "ticket_id")
    assert not asks_total(profile, "total by show", "show")  # text: no numbers
    assert not asks_total(profile, "show the tickets by show", "tickets")
    assert asks_total(profile, "how much total did each show take", "total")
    pd.DataFrame({"contract": ["a", "b"] * 20, "total_charges": range(40)}).to_csv(
        get_settings().workspace / "churn.csv", index=False
    )
    churn = profile_table("churn.csv")
    # the column's own name says 'total': no sum asked, the mean stays
    assert not asks_total(churn, "compare total charges by contract", "total_charges")
    assert asks_total(churn, "sum of total charges by contract", "total_charges")


def test_a_value_said_alone_is_found_whole(tables: None) -> None:
    profile = profile_table("volunteer_shifts.jsonl")
    assert value_named(profile, "hours of Maria G. in total", {"hours"}) == {
        "volunteer": "Maria G."
    }
    assert value_named(profile, "hours of Mariano in total", {"hours"}) == {}
    assert value_named(profile, "hours of maria g.x in total", {"hours"}) == {}
    assert value_named(profile, "hours of ../Maria G./x\x00 in total", set()) == {
        "volunteer": "Maria G."
    }
    assert value_named(profile, "hours of \ud800 in total", set()) == {}


def test_a_names_initial_ends_no_sentence() -> None:
    assert split_clauses("how many hours did Maria G. do in total") == [
        "how many hours did Maria G. do in total"
    ]
    assert split_clauses("use plan B. train a model") == ["use plan B", "train a model"]
    assert split_clauses("look at route A. Then train") == ["look at route A", "train"]


@pytest.mark.parametrize(
    ("goal", "label", "group"),
    [
        ("tickets sold per show in ticket_sales.parquet", "tickets", "show"),
        ("rent per building in rents.csv", "rent", "building"),
    ],
)
def test_a_quantity_per_a_column_is_its_total(
    tables: None, goal: str, label: str, group: str
) -> None:
    args = _inspect(plan_goal(goal))
    assert (args["label_column"], args["group_by"], args["statistic"]) == (label, group, "sum")
