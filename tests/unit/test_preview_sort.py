"""preview_rows' sort: rows ordered by a column (or a labeling output's confidence) after the
filter and before the page, empty cells last, ties in file order; hostile values refused."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.reporter import summarise_output
from errors import ForgeflowError
from graphs.workflows import call_tool
from settings import get_settings


def _ws() -> Path:
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    return root


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


@pytest.fixture
def listings() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "listing": ["L1", "L2", "L3", "L4", "L5", "L6"],
            "area": ["north", "south", "north", "south", "north", "east"],
            "price": [120.0, None, 300.0, 120.0, 90.0, 300.0],
            "name": ["beta", "Alpha", "gamma", None, "alpha", "Delta"],
            "listed": ["2024-03-02", "2023-01-15", None, "2025-07-01", "2024-03-01", "2022-12-31"],
        }
    )
    frame.to_csv(_ws() / "listings.csv", index=False)
    return frame


def _ids(out: dict) -> list[str]:
    return [row[0] for row in out["rows"]]


def test_highest_first_keeps_ties_in_file_order_and_empty_cells_last(listings) -> None:
    out = call_tool(
        "preview_rows", {"dataset": "listings.csv", "sort_by": "price", "descending": True}
    )
    assert _ids(out) == ["L3", "L6", "L1", "L4", "L5", "L2"]
    assert out["sorted"] == {"by": "price", "descending": True, "kind": "numbers", "missing": 1}
    low = call_tool("preview_rows", {"dataset": "listings.csv", "sort_by": "price"})
    assert _ids(low) == ["L5", "L1", "L4", "L3", "L6", "L2"]  # the empty price last both ways


def test_the_sort_comes_after_the_filter_and_before_the_page(listings) -> None:
    args = {"dataset": "listings.csv", "sort_by": "price", "descending": True}
    out = call_tool("preview_rows", {**args, "where": {"area": "north"}, "limit": 2})
    assert _ids(out) == ["L3", "L1"] and out["total"] == 3
    assert out["filtered"]["rows"] == 3 and out["filtered"]["of"] == 6
    page = call_tool("preview_rows", {**args, "offset": 2, "limit": 2})
    assert _ids(page) == ["L1", "L4"]


def test_text_ignores_case_and_iso_dates_sort_as_dates(listings) -> None:
    out = call_tool("preview_rows", {"dataset": "listings.csv", "sort_by": "name"})
    assert _ids(out) == ["L2", "L5", "L1", "L6", "L3", "L4"]  # Alpha, alpha (file order), ...
    assert out["sorted"]["kind"] == "text"
    dates = call_tool(
        "preview_rows", {"dataset": "listings.csv", "sort_by": "listed", "descending": True}
    )
    assert _ids(dates) == ["L4", "L1", "L5", "L2", "L6", "L3"]
    assert dates["sorted"]["kind"] == "dates"


def test_numbers_written_as_text_sort_as_numbers() -> None:
    pd.DataFrame({"k": ["a", "b", "c", "d", "e"], "n": ["9", "10", "n/a", "2", "100"]}).to_csv(
        _ws() / "t.csv", index=False
    )
    out = call_tool("preview_rows", {"dataset": "t.csv", "sort_by": "n", "descending": True})
    assert _ids(out) == ["e", "b", "a", "d", "c"]  # 'n/a' is no number: last


def test_predictions_sort_by_their_confidence_and_the_answer_says_the_order() -> None:
    frame = pd.DataFrame(
        {
            "row": range(5),
            "prediction": ["yes", "no", "yes", "no", "yes"],
            "confidence": [0.9, 0.55, 0.51, 0.99, 0.7],
            "prob_no": [0.1, 0.55, 0.49, 0.99, 0.3],
            "prob_yes": [0.9, 0.45, 0.51, 0.01, 0.7],
        }
    )
    frame.to_csv(_ws() / "preds.csv", index=False)
    out = call_tool("preview_rows", {"dataset": "preds.csv", "sort_by": "confidence", "limit": 3})
    assert _ids(out) == [2, 1, 4]
    lines = summarise_output("preview_rows", out)
    assert lines[0] == "  the 3 rows with the lowest confidence of 5:"
    assert lines[1].startswith("  row | confidence | ")  # the key beside the row's id


def test_a_labeling_output_sorts_by_its_largest_probability() -> None:
    frame = pd.DataFrame(
        {
            "id": [0, 1, 2, 3],
            "label": ["x", "y", "x", "y"],
            "prob_x": [0.9, 0.4, 0.55, 0.1],
            "prob_y": [0.1, 0.6, 0.45, 0.9],
            "text": ["a", "b", "c", "d"],
        }
    )
    (_ws() / "labeling" / "run").mkdir(parents=True)
    frame.to_parquet(_ws() / "labeling" / "run" / "labeled.parquet")
    out = call_tool(
        "preview_rows", {"dataset": "labeling/run/labeled.parquet", "sort_by": "confidence"}
    )
    assert _ids(out) == [2, 1, 0, 3]
    assert out["sorted"]["from"] == ["prob_x", "prob_y"]
    assert out["sorted"]["values"] == [0.55, 0.6, 0.9, 0.9]
    assert "confidence" not in out["columns"]  # the table's columns stay its own
    lines = summarise_output("preview_rows", out)
    assert lines[0].startswith("  the 4 rows with the lowest confidence of 4 (confidence: each")
    assert lines[1].startswith("  id | confidence | ") and lines[2].startswith("  2 | 0.55 | ")


def test_an_unknown_column_names_the_closest(listings) -> None:
    with pytest.raises(ForgeflowError) as exc:
        call_tool("preview_rows", {"dataset": "listings.csv", "sort_by": "prices"})
    assert exc.value.status_code == 400 and "columns are" in exc.value.hint
    assert exc.value.details["argument"] == "sort_by"
    assert exc.value.details["candidates"] == ["price"]
    # no prob_ columns: 'confidence' is a column like any other, and there is none
    with pytest.raises(ForgeflowError) as exc:
        call_tool("preview_rows", {"dataset": "listings.csv", "sort_by": "confidence"})
    assert exc.value.status_code == 400


@pytest.mark.parametrize(
    "bad",
    [
        {"sort_by": "../price"},
        {"sort_by": "/etc/passwd"},
        {"sort_by": "~root"},
        {"sort_by": "pri\x00ce"},
        {"sort_by": "\ud800"},
        {"sort_by": 2**63},
        {"sort_by": 5},
        {"sort_by": ["price"]},
        {"sort_by": "p" * 301},
        {"sort_by": ""},
        {"sort_by": "price", "descending": 2**63},
        {"sort_by": "price", "descending": "sideways"},
        {"sort_by": "price", "descending": [True]},
        {"descending": True},  # an order needs a column
    ],
)
def test_hostile_sort_arguments_are_a_4xx_with_a_hint_and_write_nothing(listings, bad) -> None:
    before = _files(_ws())
    with pytest.raises(ForgeflowError) as exc:
        call_tool("preview_rows", {"dataset": "listings.csv", **bad})
    assert 400 <= exc.value.status_code < 500 and exc.value.hint
    assert _files(_ws()) == before
