"""Review of the merged twenty-first round: each mend's case (invented wording and files)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from agents.options import class_value, said_by_name
from agents.plan import Planning
from agents.planner import plan_goal
from agents.prediction import split_one_table
from agents.slots import respelt_metrics
from settings import get_settings

ROWS = 48


def test_a_model_or_name_said_by_its_field_keeps_its_spelling() -> None:
    # 'judge_model gpt-4o-mini' names a model: no lower-casing, no '-' made '_'
    assert said_by_name("generate_qa", "use judge_model gpt-4o-mini")["judge_model"] == (
        "gpt-4o-mini"
    )
    assert said_by_name("generate_qa", "dataset_name Ferry-FAQ")["dataset_name"] == "Ferry-FAQ"
    # a style is still one of the tool's words
    assert said_by_name("generate_qa", "question_style multi-hop") == {
        "question_style": "multi_hop"
    }


def test_a_proper_name_is_no_misspelt_metric() -> None:
    # 'Coverdale' and 'Redall' are names (capitalised inside a sentence), not coverage/recall
    assert respelt_metrics("sort the Coverdale tickets from Redall") == (
        "sort the Coverdale tickets from Redall"
    )
    assert respelt_metrics("Acurracy of at least 0.9") == "accuracy of at least 0.9"
    assert respelt_metrics("whats the acurracy? Precsion too") == (
        "whats the accuracy? precision too"
    )


def _sailings(root: Path) -> None:
    frame = pd.DataFrame(
        {
            "sailing_no": [f"S{300 + i}" for i in range(ROWS)],
            "route": ["north", "harbour", "isles"] * (ROWS // 3),
            "wind_kn": [8 + (i * 7) % 30 for i in range(ROWS)],
            "cars_booked": [(i * 13) % 60 for i in range(ROWS)],
            "late_departure": ["yes", "no", "no", "no"] * (ROWS // 4),
        }
    )
    frame.to_csv(root / "sailings_log.csv", index=False)
    frame.drop(columns=["late_departure"]).to_csv(root / "sailings_next_week.csv", index=False)


def test_a_label_said_by_name_on_the_rows_table_stays() -> None:
    # the person names next week's table and its own column cars_booked: no outcome of the log
    # is asked, so the training is not moved to the log
    _sailings(get_settings().workspace)
    planning = Planning(memory={})
    planning.add(
        "train_model", {"dataset": "sailings_next_week.csv", "label_column": "cars_booked"}, why=""
    )
    planning.add(
        "predict", {"model": "${steps.0.model_path}", "dataset": "sailings_next_week.csv"}, why=""
    )
    split_one_table(planning, "train on sailings_next_week.csv to predict cars_booked")
    assert planning.steps[0].args == {
        "dataset": "sailings_next_week.csv",
        "label_column": "cars_booked",
    }


def test_a_model_field_with_is_and_a_word_sets_nothing() -> None:
    # 'the judge_model is fine' is a remark, not a model named 'fine'
    assert "judge_model" not in said_by_name("generate_qa", "the judge_model is fine, go on")
    assert said_by_name("generate_qa", "answer_style is brief.") == {"answer_style": "brief"}
    assert said_by_name("generate_qa", "judge_model=gpt-4o")["judge_model"] == "gpt-4o"


def test_the_most_popular_result_sorts_the_search_by_downloads() -> None:
    # 'download the most popular one' is the search's first result by downloads, not relevance
    plan = plan_goal("Search kaggle for bird songs and download the most popular one", {})
    search, download = plan.steps
    assert search.args["sort"] == "downloads"
    assert download.args["dataset_id"] == "${steps.0.results.0.id}"
    liked = plan_goal("find bird song sets on hugging face, download the most liked one", {})
    assert liked.steps[0].args["sort"] == "likes"


def test_a_distribution_of_other_columns_keeps_the_class_asked() -> None:
    # 'both lines', 'a realistic distribution of temperatures' speak of other columns: the
    # failing units asked for are still the class to make
    values = ["Y", "N"]
    for said in (
        "make 300 synthetic failing units, with a realistic distribution of temperatures",
        "make 300 synthetic failing units from both lines",
    ):
        assert class_value(said, "qc_fail", values) == "Y"
    for said in (
        "make 300 synthetic units, failing ones in the right proportions",
        "300 synthetic units, failing and passing: both classes",
        "300 synthetic failing units, keep the distribution",
    ):
        assert class_value(said, "qc_fail", values) is None


def test_a_router_tool_the_registry_lacks_does_not_crash_the_format_check() -> None:
    # the router's tools are checked against the builders after this check: an unknown one
    # takes no format, and the dropped export's 'jsonl' said in the goal still holds the plan
    from agents.plan import PlanStep
    from agents.planner import _format_only_dropped

    steps = [PlanStep(tool="export_dataset", args={"format": "jsonl"}, why="export it")]
    assert _format_only_dropped(steps, ["no_such_tool"], "a Q&A set from the docs, jsonl out")


def test_a_source_turned_down_is_not_searched() -> None:
    # two sources named, one refused: the other one, not both
    for goal, source in (
        ("search Kaggle, not Hugging Face, for bird song datasets", "kaggle"),
        ("find bird song datasets on hugging face rather than kaggle", "huggingface"),
        ("find bird song datasets on hugging face and kaggle", "all"),
    ):
        assert plan_goal(goal, {}).steps[0].args["source"] == source
