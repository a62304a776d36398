"""Twenty-ninth round: sorted looks at rows ('which ones is it least sure about?', 'the 10 most
expensive listings', 'top 5 by reviews'), planned as preview_rows with sort_by and descending."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from agents.planner import plan_goal, remember
from agents.reporter import summarise_output
from graphs.workflows import call_tool
from settings import get_settings
from tests.unit.test_planner_round27 import _thread_after_training, exams  # noqa: F401


def _ws():
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    return root


@pytest.fixture
def listings() -> pd.DataFrame:
    rng = np.random.default_rng(29)
    n = 80
    frame = pd.DataFrame(
        {
            "listing_id": [f"L{i:03d}" for i in range(n)],
            "neighbourhood": rng.choice(["Harbor", "Old Town", "Airport"], n),
            "price": rng.integers(40, 600, n),
            "bedrooms": rng.integers(1, 5, n),
            "number_of_reviews": rng.integers(0, 300, n),
            "title": [f"bright flat number {i} near the park" for i in range(n)],
        }
    )
    frame.to_csv(_ws() / "listings.csv", index=False)
    return frame


@pytest.fixture
def fees() -> None:
    pd.DataFrame(
        {
            "flat": ["a", "b", "c"],
            "price": [100, 200, 150],
            "cleaning_fee": [10, 30, 20],
        }
    ).to_csv(_ws() / "fees.csv", index=False)


def _sorted(plan) -> dict:
    assert plan.question is None and plan.answer is None, (plan.question, plan.answer)
    assert [s.tool for s in plan.steps] == ["preview_rows"], plan.steps
    return plan.steps[0].args


@pytest.mark.parametrize(
    ("goal", "column", "high", "limit"),
    [
        ("the 10 most expensive listings in listings.csv", "price", True, 10),
        ("show me the 5 cheapest listings in listings.csv", "price", False, 5),
        ("top 10 by price in listings.csv", "price", True, 10),
        ("bottom 3 listings by bedrooms in listings.csv", "bedrooms", False, 3),
        ("listings.csv sorted by price, highest first", "price", True, 10),
        ("order listings.csv by bedrooms", "bedrooms", False, 10),
        ("show the rows of listings.csv with the most reviews", "number_of_reviews", True, 10),
        ("the five priciest listings in listings.csv", "price", True, 5),
        ("listings.csv: the 20 lowest priced flats", "price", False, 20),
        ("which listings in listings.csv have the fewest bedrooms?", "bedrooms", False, 10),
        ("what is the most expensive listing in listings.csv", "price", True, 10),
    ],
)
def test_an_order_said_of_a_named_table_is_a_sorted_look(
    listings: pd.DataFrame, goal: str, column: str, high: bool, limit: int
) -> None:
    args = _sorted(plan_goal(goal))
    assert args == {
        "dataset": "listings.csv",
        "sort_by": column,
        "descending": high,
        "limit": limit,
    }


@pytest.mark.parametrize(
    ("goal", "high", "limit"),
    [
        ("the 10 most expensive listings", True, 10),
        ("which are the 5 cheapest listings?", False, 5),
        ("show me the listings sorted by price", False, 10),
    ],
)
def test_a_described_table_is_ordered_too(
    listings: pd.DataFrame, goal: str, high: bool, limit: int
) -> None:
    plan = plan_goal(goal)
    args = _sorted(plan)
    assert args == {
        "dataset": "listings.csv",
        "sort_by": "price",
        "descending": high,
        "limit": limit,
    }
    assert any("listings.csv" in n for n in plan.notes[:-1]), plan.notes  # said what it read


def test_sorting_reports_into_classes_is_labeling_not_an_order() -> None:
    pd.DataFrame(
        {
            "report_id": range(30),
            "text": [f"a long incident report about a fall near pool {i}" for i in range(30)],
            "severity": ["minor", "major", None] * 10,
        }
    ).to_csv(_ws() / "incidents.csv", index=False)
    for goal in ("sort incidents.csv by severity", "I need the incidents sorted by severity"):
        plan = plan_goal(goal)
        assert not any("sort_by" in s.args for s in plan.steps), plan.steps


def test_a_sorted_look_keeps_the_rows_said(listings: pd.DataFrame) -> None:
    args = _sorted(plan_goal("the 5 cheapest listings in listings.csv in neighbourhood Harbor"))
    assert args["where"] == {"neighbourhood": "Harbor"}
    assert args["sort_by"] == "price" and args["descending"] is False
    out = call_tool("preview_rows", args)
    harbor = listings[listings["neighbourhood"] == "Harbor"].sort_values("price", kind="stable")
    assert [r[0] for r in out["rows"]] == list(harbor["listing_id"][:5])


def test_a_price_word_with_several_price_columns_asks_which(fees: None) -> None:
    plan = plan_goal("the 2 most expensive flats in fees.csv")
    assert not plan.steps and plan.question
    assert "price or cleaning_fee" in plan.question
    # the reply planned with the goal (graphs/orchestrator.py) names one: it is the order
    args = _sorted(plan_goal("the 2 most expensive flats in fees.csv cleaning_fee"))
    assert args == {
        "dataset": "fees.csv",
        "sort_by": "cleaning_fee",
        "descending": True,
        "limit": 2,
    }


def test_a_price_word_with_no_price_column_asks_among_the_numbers(listings: pd.DataFrame) -> None:
    pd.DataFrame({"name": ["a", "b"], "weight": [3, 4], "height": [1, 2]}).to_csv(
        _ws() / "boxes.csv", index=False
    )
    plan = plan_goal("the most expensive boxes in boxes.csv")
    assert not plan.steps and "weight or height" in (plan.question or "")


@pytest.mark.parametrize(
    "goal",
    [
        "which neighbourhood has the highest price in listings.csv?",  # groups compared
        "average price per neighbourhood in listings.csv",
        "first 10 rows of listings.csv",  # file order
        "train a model on listings.csv to predict price and show the top 5 by price",
        "how many listings in listings.csv have the most bedrooms",
        "what's the highest price in listings.csv?",  # a figure: inspect_dataset's max
    ],
)
def test_other_requests_on_a_table_are_no_sorted_look(listings: pd.DataFrame, goal: str) -> None:
    plan = plan_goal(goal)
    assert not any("sort_by" in s.args for s in plan.steps), plan.steps


def test_first_rows_stay_a_plain_preview(listings: pd.DataFrame) -> None:
    args = _sorted(plan_goal("show me the first 10 rows of listings.csv"))
    assert args == {"dataset": "listings.csv", "limit": 10}


def _predictions(with_confidence: bool = True) -> str:
    (_ws() / "predictions").mkdir(exist_ok=True)
    frame = pd.DataFrame({"row": range(6), "prediction": [0.5, 2.0, 1.0, 3.0, 0.1, 2.2]})
    if with_confidence:
        frame = pd.DataFrame(
            {
                "row": range(6),
                "prediction": ["pass", "fail", "pass", "pass", "fail", "pass"],
                "confidence": [0.97, 0.52, 0.61, 0.88, 0.55, 0.99],
                "prob_fail": [0.03, 0.52, 0.39, 0.12, 0.55, 0.01],
                "prob_pass": [0.97, 0.48, 0.61, 0.88, 0.45, 0.99],
            }
        )
    frame.to_csv(_ws() / "predictions" / "exam_new.csv", index=False)
    return "predictions/exam_new.csv"


def _after_prediction(path: str) -> dict:
    memory = _thread_after_training()
    args = {"model": "models/exam", "dataset": "exam_new.csv"}
    return remember("predict", {"predictions_path": path, "rows": 6}, memory, args)


@pytest.mark.parametrize(
    ("goal", "high", "limit"),
    [
        ("which ones is it least sure about?", False, 10),
        ("show the rows with the lowest confidence", False, 10),
        ("which predictions is it least confident about?", False, 10),
        ("the 3 it is most uncertain about", False, 3),
        ("and the ones it's most confident about?", True, 10),
    ],
)
def test_least_sure_after_a_prediction_orders_the_predictions(
    exams: None,  # noqa: F811
    goal: str,
    high: bool,
    limit: int,
) -> None:
    path = _predictions()
    args = _sorted(plan_goal(goal, _after_prediction(path)))
    assert args == {"dataset": path, "sort_by": "confidence", "descending": high, "limit": limit}


def test_the_least_sure_predictions_run_and_the_answer_says_the_order(exams: None) -> None:  # noqa: F811
    path = _predictions()
    args = _sorted(plan_goal("which ones is it least sure about?", _after_prediction(path)))
    out = call_tool("preview_rows", args)
    assert [r[0] for r in out["rows"]] == [1, 4, 2, 3, 0, 5]
    lines = summarise_output("preview_rows", out)
    assert lines[0] == "  the 6 rows with the lowest confidence of 6:"


def test_a_regressors_predictions_have_no_confidence_to_order_by(exams: None) -> None:  # noqa: F811
    path = _predictions(with_confidence=False)
    plan = plan_goal("which ones is it least sure about?", _after_prediction(path))
    assert not plan.steps and "gives no confidence" in (plan.answer or "")


def _labeled() -> dict:
    root = _ws() / "labeling" / "run9"
    root.mkdir(parents=True)
    pd.DataFrame(
        {
            "id": range(4),
            "label": ["network", "password", "network", "password"],
            "prob_network": [0.9, 0.3, 0.51, 0.2],
            "prob_password": [0.1, 0.7, 0.49, 0.8],
            "text": ["a", "b", "c", "d"],
        }
    ).to_parquet(root / "labeled.parquet")
    args = {"data_path": "tickets.csv"}
    out = {"labeled_path": "labeling/run9/labeled.parquet", "label_counts": {"network": 2}}
    return remember("label_dataset", out, {}, args)


@pytest.mark.parametrize(
    "goal",
    ["which labels is it least sure about?", "show me the least confident ones", "closest calls?"],
)
def test_least_sure_after_a_labeling_orders_its_labels_by_their_probability(goal: str) -> None:
    args = _sorted(plan_goal(goal, _labeled()))
    assert args["dataset"] == "labeling/run9/labeled.parquet"
    assert args["sort_by"] == "confidence" and args["descending"] is False
    out = call_tool("preview_rows", args)
    assert [r[0] for r in out["rows"]] == [2, 1, 3, 0]  # 0.51, 0.7, 0.8, 0.9


def test_least_sure_with_no_predictions_on_the_thread_is_no_sorted_look() -> None:
    plan = plan_goal("which ones is it least sure about?", {})
    assert not any("sort_by" in s.args for s in plan.steps)


@pytest.mark.parametrize(
    "goal",
    [
        "top 5 features",
        "explain the top features",
        "which features mattered?",
        "which class is it least sure about?",
    ],
)
def test_features_and_classes_are_no_sorted_look(exams: None, goal: str) -> None:  # noqa: F811
    memory = _after_prediction(_predictions())
    plan = plan_goal(goal, memory)
    assert not any("sort_by" in s.args for s in plan.steps), plan.steps
    if goal == "which features mattered?":
        assert [s.tool for s in plan.steps] == ["explain_model"]


def test_least_sure_of_a_named_predictions_file_orders_it(exams: None) -> None:  # noqa: F811
    path = _predictions()
    args = _sorted(plan_goal(f"show me the 4 least confident rows of {path}"))
    assert args == {"dataset": path, "sort_by": "confidence", "descending": False, "limit": 4}


@pytest.mark.parametrize(
    "goal",
    [
        "show me the rows the label model was least sure about",  # a workbench's source
        "from the labeling in tours/review_labels, the rows it was least sure about",
        "label the rest of tickets.csv and show me the ones it is least sure about",
    ],
)
def test_a_labeling_runs_rows_or_a_new_labeling_are_no_sorted_look(goal: str) -> None:
    plan = plan_goal(goal, _labeled())
    assert not any("sort_by" in s.args for s in plan.steps), plan.steps


def test_a_count_past_the_page_is_capped_with_a_note(listings: pd.DataFrame) -> None:
    plan = plan_goal("top 500 by price in listings.csv")
    assert _sorted(plan)["limit"] == 200
    assert any("at most 200 limit: 500 asked" in n for n in plan.notes)


@pytest.mark.parametrize(
    "goal",
    [
        "top 99999999999999999999 by price in listings.csv",
        "listings.csv sorted by ../../etc/passwd",
        "listings.csv sorted by ~root",
        "listings.csv sorted by pri\x00ce",
        "the 10 most expensive listings in listings.csv " + "very " * 3000,
        "top 10 by " + "price " * 2000 + "in listings.csv",
    ],
)
def test_hostile_orders_plan_no_bad_sort(listings: pd.DataFrame, goal: str) -> None:
    plan = plan_goal(goal)
    for step in plan.steps:
        if "sort_by" in step.args:
            assert step.args["sort_by"] in listings.columns
            assert 1 <= step.args["limit"] <= 200


def test_a_lone_surrogate_in_an_order_is_a_400(listings: pd.DataFrame) -> None:
    from errors import ForgeflowError

    with pytest.raises(ForgeflowError) as exc:
        plan_goal("listings.csv sorted by \ud800")
    assert exc.value.status_code == 400 and exc.value.hint
