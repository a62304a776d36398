"""Twenty-ninth round: the rows a look is limited to by a range of a number column ('more than
4 bedrooms', 'rent between 1000 and 2000'), by values left out ('status is not closed',
'excluding closed') and by text contained ('reviews mentioning refund'), read from the words
and the table's own columns; numbers that are no bound ('top 5', '80/20', '3 epochs') set none."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from agents.grounding import row_filter
from agents.planner import plan_goal
from settings import get_settings
from tools.profile import profile_table

N = 300


@pytest.fixture
def rentals() -> pd.DataFrame:
    rng = np.random.default_rng(29)
    frame = pd.DataFrame(
        {
            "listing_id": [f"L{i:04d}" for i in range(N)],
            "bedrooms": rng.integers(1, 7, N),
            "rent": rng.integers(600, 3500, N),
            "price": rng.uniform(500, 3000, N).round(2),
            "status": rng.choice(["open", "closed", "pending"], N),
            "neighborhood": rng.choice(["Airport", "Downtown", "Harbor"], N),
        }
    )
    frame.to_csv(get_settings().workspace / "rentals.csv", index=False)
    return frame


WORDS = ["the", "stay", "was", "fine", "and", "my", "dog", "loved", "it", "refund", "please"]
WORDS += ["noisy", "street", "clean", "room", "pets", "allowed", "late", "delivery"]


@pytest.fixture
def reviews() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    frame = pd.DataFrame(
        {
            "review_id": range(N),
            "review": [" ".join(rng.choice(WORDS, 12)) for _ in range(N)],
            "stars": rng.integers(1, 6, N),
            "sentiment": rng.choice(["positive", "negative"], N),
        }
    )
    frame.to_csv(get_settings().workspace / "reviews.csv", index=False)
    return frame


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("how many listings have more than 4 bedrooms", {"bedrooms": {"gt": 4}}),
        ("bedrooms over 4", {"bedrooms": {"gt": 4}}),
        ("the listings with bedrooms over 4.", {"bedrooms": {"gt": 4}}),
        ("rows where price is at least 1500", {"price": {"ge": 1500}}),
        ("rent under 2000", {"rent": {"lt": 2000}}),
        ("rent below 10", {"rent": {"lt": 10}}),
        ("bedrooms >= 3", {"bedrooms": {"ge": 3}}),
        ("bedrooms<=2", {"bedrooms": {"le": 2}}),
        ("rent between 1000 and 2000", {"rent": {"ge": 1000, "le": 2000}}),
        ("rent between 2000 and 1000", {"rent": {"ge": 1000, "le": 2000}}),
        ("rent from 1,000 to 2,500", {"rent": {"ge": 1000, "le": 2500}}),
        ("between 2 and 4 bedrooms", {"bedrooms": {"ge": 2, "le": 4}}),
        ("no more than 2 bedrooms", {"bedrooms": {"le": 2}}),
        ("at most 2 bedrooms", {"bedrooms": {"le": 2}}),
        ("fewer than 3 bedrooms", {"bedrooms": {"lt": 3}}),
        ("4 or more bedrooms", {"bedrooms": {"ge": 4}}),
        ("3+ bedrooms", {"bedrooms": {"ge": 3}}),
        ("bedrooms of 2 or fewer", {"bedrooms": {"le": 2}}),
        ("rent over 1000 and under 2000", {"rent": {"gt": 1000, "lt": 2000}}),
        ("rent under $2k", {"rent": {"lt": 2000}}),
        ("price of at most 999.5", {"price": {"le": 999.5}}),
        # a value left out: the filter's ne
        ("status is not closed", {"status": {"ne": "closed"}}),
        ("status isn't pending", {"status": {"ne": "pending"}}),
        ("status other than closed or pending", {"status": {"ne": ["closed", "pending"]}}),
        ("neighborhood != Airport", {"neighborhood": {"ne": "Airport"}}),
        ("everything excluding closed", {"status": {"ne": "closed"}}),
        ("listings except the closed ones", {"status": {"ne": "closed"}}),
        ("drop the closed listings", {"status": {"ne": "closed"}}),
        ("remove the rows where status is closed", {"status": {"ne": "closed"}}),
        ("do not include pending ones", {"status": {"ne": "pending"}}),
        ("the ones that are not closed", {"status": {"ne": "closed"}}),
        ("leave out neighborhood Airport", {"neighborhood": {"ne": "Airport"}}),
        ("where status is closed", {"status": "closed"}),  # equality as before
        ("remove duplicates", {}),
        ("drop the status column", {}),
        (
            "which status is most common, except neighborhood Airport",
            {"neighborhood": {"ne": "Airport"}},
        ),
        # together with an equality
        (
            "neighborhood Harbor with more than 2 bedrooms",
            {"neighborhood": "Harbor", "bedrooms": {"gt": 2}},
        ),
        # no filter: the number is tied to no number column of the table
        ("train on 80% of rows", {}),
        ("top 5 listings by rent", {}),
        ("split 80/20", {}),
        ("train for 3 epochs", {}),
        ("keep AUC over 0.9", {}),
        ("price over 3 epochs", {}),  # a count after the number: not a bound of price
        ("more than 4 listings", {}),  # no column after the number
        ("the average rent by bedrooms", {}),
        ("rent over 80% of the time", {}),  # a share is no bound
        ("not just status open", {}),  # not a value left out
        ("but status closed", {}),  # unclear: no filter, as before
    ],
)
def test_a_range_a_value_left_out_or_none_is_read_from_the_words(
    rentals: pd.DataFrame, text: str, where: dict
) -> None:
    assert row_filter(profile_table("rentals.csv"), text) == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("reviews mentioning refund", {"review": {"contains": "refund"}}),
        ("the ones that mention pets", {"review": {"contains": "pet"}}),
        ("only the ones about pets", {"review": {"contains": "pet"}}),
        ("how many mention refund", {"review": {"contains": "refund"}}),
        ("review contains 'late delivery'", {"review": {"contains": "late delivery"}}),
        ("reviews mentioning refund or noise", {"review": {"contains": ["refund", "noise"]}}),
        ("comments that talk about dogs", {"review": {"contains": "dog"}}),
        ("what are the reviews about", {}),
        ("reviews that contain missing values", {}),
        ("tell me about the reviews", {}),
        ("reviews about the data", {}),
        (
            "stars above 3 in reviews mentioning refund",
            {
                "stars": {"gt": 3},
                "review": {"contains": "refund"},
            },
        ),
    ],
)
def test_text_contained_is_read_only_for_a_column_of_text(
    reviews: pd.DataFrame, text: str, where: dict
) -> None:
    assert row_filter(profile_table("reviews.csv"), text) == where


def test_no_text_column_no_contains(rentals: pd.DataFrame) -> None:
    assert row_filter(profile_table("rentals.csv"), "the listings that mention pets") == {}


def _one(plan) -> tuple[str, dict]:
    assert plan.question is None and plan.answer is None, (plan.question, plan.answer)
    assert len(plan.steps) == 1, plan.steps
    return plan.steps[0].tool, plan.steps[0].args


@pytest.mark.parametrize(
    ("goal", "tool", "where"),
    [
        (
            "how many listings have more than 4 bedrooms in rentals.csv",
            "inspect_dataset",
            {"bedrooms": {"gt": 4}},
        ),
        (
            "show rentals.csv rows where rent is between 1000 and 2000",
            "preview_rows",
            {"rent": {"ge": 1000, "le": 2000}},
        ),
        (
            "save the rentals with status not closed from rentals.csv to open.csv",
            "save_table",
            {"status": {"ne": "closed"}},
        ),
        (
            "which status is most common in rentals.csv other than closed",
            "inspect_dataset",
            {"status": {"ne": "closed"}},
        ),
    ],
)
def test_the_planned_tool_takes_the_condition(
    rentals: pd.DataFrame, goal: str, tool: str, where: dict
) -> None:
    planned, args = _one(plan_goal(goal))
    assert planned == tool and args["where"] == where


def test_a_grouped_look_keeps_a_range_and_a_value_left_out_of_its_grouping(
    rentals: pd.DataFrame,
) -> None:
    _, args = _one(
        plan_goal(
            "average rent by neighborhood in rentals.csv for listings with at least 3 bedrooms"
        )
    )
    assert args["group_by"] == "neighborhood" and args["label_column"] == "rent"
    assert args["where"] == {"bedrooms": {"ge": 3}}
    # the column grouped by, a value of it left out: still grouped, still limited
    _, args = _one(plan_goal("average rent by status in rentals.csv, excluding status closed"))
    assert args["group_by"] == "status" and args["where"] == {"status": {"ne": "closed"}}
    # the class counted, a value of it left out: still counted
    _, args = _one(plan_goal("which status is most common in rentals.csv, except status pending"))
    assert args["label_column"] == "status" and args["where"] == {"status": {"ne": "pending"}}


def test_reviews_mentioning_a_word_are_counted(reviews: pd.DataFrame) -> None:
    _, args = _one(plan_goal("how many reviews in reviews.csv mention refund"))
    assert args["where"] == {"review": {"contains": "refund"}}
    _, args = _one(plan_goal("preview the reviews about pets in reviews.csv"))
    assert args["where"] == {"review": {"contains": "pet"}}


@pytest.mark.parametrize(
    "goal",
    [
        "train a model on rentals.csv to predict rent over 3 epochs",
        "split rentals.csv 80/20",
        "train on 80% of rentals.csv and predict rent",
        "inspect rentals.csv",
        "show the first 5 rows of rentals.csv",
    ],
)
def test_goals_with_numbers_that_are_no_bound_keep_no_where(
    rentals: pd.DataFrame, goal: str
) -> None:
    plan = plan_goal(goal)
    assert plan.steps and all("where" not in s.args for s in plan.steps), plan.steps


def test_the_filtered_answer_end_to_end(rentals: pd.DataFrame) -> None:
    from agents.reporter import summarise_output
    from graphs.workflows import call_tool

    tool, args = _one(plan_goal("how many listings have more than 4 bedrooms in rentals.csv"))
    out = call_tool(tool, args)
    kept = int((rentals.bedrooms > 4).sum())
    assert out["filtered"] == {"where": {"bedrooms": {"gt": 4}}, "rows": kept, "of": N}
    assert f"rows where bedrooms > 4: {kept} of {N}" in "\n".join(
        summarise_output("inspect_dataset", out)
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("\ud800 bedrooms over 4", {"bedrooms": {"gt": 4}}),
        ("bedrooms over 4\x00", {"bedrooms": {"gt": 4}}),
        ("rent under 99999999999999999999", {}),  # past the tool's bound: none
        ("rent under " + "9" * 5000, {}),
        ("more than " * 3000 + "4 bedrooms", {"bedrooms": {"gt": 4}}),
        ("bedrooms " * 3000, {}),
        ("1," * 5000 + "000 bedrooms", {}),
        ("reviews mentioning " + "x" * 5000, {}),
    ],
)
def test_hostile_words_read_no_odd_filter(rentals: pd.DataFrame, text: str, where: dict) -> None:
    assert row_filter(profile_table("rentals.csv"), text) == where
