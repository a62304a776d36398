"""Declarative LF specs and their vectorised application: every kind, and/or/not, error paths."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from errors import BadInput
from tools.labeling.apply import apply_lfs
from tools.labeling.specs import parse_lf, parse_lfs

CLASSES = ["neg", "pos"]


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [10, 11, 12, 13, 14, 15],
            "text": [
                "Great movie, loved it!",
                "terrible plot. Awful acting",
                "the Space Shuttle launched",
                "spaceship and SHUTTLE",
                None,
                "great but terrible ending",
            ],
            "stars": [5, 1, 3, np.nan, 4, 2],
            "genre": ["drama", "horror", "scifi", "scifi", "drama", "comedy"],
        }
    )


def run(frame: pd.DataFrame, *specs: dict) -> np.ndarray:
    return apply_lfs(frame, parse_lfs(list(specs), CLASSES), CLASSES).matrix


def test_keyword_any_all_case_and_word_boundaries(frame: pd.DataFrame) -> None:
    m = run(
        frame,
        {
            "name": "a",
            "label": "pos",
            "kind": "keyword",
            "column": "text",
            "keywords": ["great", "loved"],
        },
        {
            "name": "b",
            "label": "neg",
            "kind": "keyword",
            "column": "text",
            "keywords": ["great", "terrible"],
            "mode": "all",
        },
        {
            "name": "c",
            "label": "pos",
            "kind": "keyword",
            "column": "text",
            "keywords": ["SHUTTLE"],
            "case_sensitive": True,
        },
        {"name": "d", "label": "pos", "kind": "keyword", "column": "text", "keywords": ["space"]},
        {
            "name": "e",
            "label": "pos",
            "kind": "keyword",
            "column": "text",
            "keywords": ["space"],
            "whole_word": False,
        },
        {
            "name": "f",
            "label": "pos",
            "kind": "keyword",
            "column": "text",
            "keywords": ["space shuttle"],
        },
    )
    assert m[:, 0].tolist() == [1, -1, -1, -1, -1, 1]
    assert m[:, 1].tolist() == [-1, -1, -1, -1, -1, 0]
    assert m[:, 2].tolist() == [-1, -1, -1, 1, -1, -1]
    assert m[:, 3].tolist() == [-1, -1, 1, -1, -1, -1]  # "spaceship" is not the word "space"
    assert m[:, 4].tolist() == [-1, -1, 1, 1, -1, -1]
    assert m[:, 5].tolist() == [-1, -1, 1, -1, -1, -1]


def test_regex_threshold_category_missing(frame: pd.DataFrame) -> None:
    m = run(
        frame,
        {"name": "r", "label": "pos", "kind": "regex", "column": "text", "pattern": r"!$"},
        {"name": "r2", "label": "neg", "kind": "regex", "column": "text", "pattern": r"(\w)\1"},
        {
            "name": "t1",
            "label": "pos",
            "kind": "threshold",
            "column": "stars",
            "op": ">=",
            "value": 4,
        },
        {
            "name": "t2",
            "label": "neg",
            "kind": "threshold",
            "column": "stars",
            "op": "between",
            "value": 1,
            "high": 2,
        },
        {
            "name": "t3",
            "label": "neg",
            "kind": "threshold",
            "column": "stars",
            "op": "<",
            "value": 3,
        },
        {"name": "c", "label": "pos", "kind": "category", "column": "genre", "values": ["scifi"]},
        {"name": "m", "label": "neg", "kind": "missing", "column": "stars"},
        {"name": "m2", "label": "neg", "kind": "missing", "column": "text"},
    )
    assert m[:, 0].tolist() == [1, -1, -1, -1, -1, -1]
    # backreference: RE2 cannot, so Python's re runs it (still column-at-a-time)
    assert m[:, 1].tolist() == [-1, 0, 0, 0, -1, 0]  # a doubled letter: rr, tt, TT
    assert m[:, 2].tolist() == [1, -1, -1, -1, 1, -1]
    assert m[:, 3].tolist() == [-1, 0, -1, -1, -1, 0]
    assert m[:, 4].tolist() == [-1, 0, -1, -1, -1, 0]  # NaN never passes a threshold
    assert m[:, 5].tolist() == [-1, -1, 1, 1, -1, -1]
    assert m[:, 6].tolist() == [-1, -1, -1, 0, -1, -1]
    assert m[:, 7].tolist() == [-1, -1, -1, -1, 0, -1]


def test_and_or_not(frame: pd.DataFrame) -> None:
    m = run(
        frame,
        {
            "name": "and_",
            "label": "pos",
            "kind": "and",
            "conditions": [
                {"kind": "category", "column": "genre", "values": ["scifi"]},
                {
                    "kind": "not",
                    "condition": {"kind": "keyword", "column": "text", "keywords": ["spaceship"]},
                },
            ],
        },
        {
            "name": "or_",
            "label": "neg",
            "kind": "or",
            "conditions": [
                {"kind": "threshold", "column": "stars", "op": "<=", "value": 1},
                {"kind": "keyword", "column": "text", "keywords": ["ending"]},
            ],
        },
    )
    assert m[:, 0].tolist() == [-1, -1, 1, -1, -1, -1]
    assert m[:, 1].tolist() == [-1, 0, -1, -1, -1, 0]


def test_spec_round_trip_is_reusable() -> None:
    raw = {"name": "x", "label": "pos", "kind": "keyword", "column": "text", "keywords": ["a"]}
    spec = parse_lf(raw)
    again = parse_lf(spec.to_dict())
    assert again.to_dict() == spec.to_dict()
    assert spec.to_dict()["mode"] == "any"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"name": "x", "label": "pos", "kind": "regex", "column": "t", "pattern": "("}, "compile"),
        ({"name": "x", "label": "pos", "kind": "nope", "column": "t"}, "unknown kind"),
        (
            {
                "name": "x",
                "label": "pos",
                "kind": "threshold",
                "column": "t",
                "op": "between",
                "value": 3,
            },
            "high",
        ),
        (
            {"name": "x", "label": "pos", "kind": "keyword", "column": "t", "keywords": []},
            "keywords",
        ),
        ({"name": "x", "code": "def f(x) return 1"}, "parse"),
        ({"name": "x", "code": "x = 1"}, "define a function"),
        ({"name": "bad name!", "label": "pos", "kind": "missing", "column": "t"}, "name"),
    ],
)
def test_bad_specs_are_refused_with_a_reason(raw: dict, message: str) -> None:
    with pytest.raises(BadInput) as err:
        parse_lfs([raw], CLASSES)
    assert message in err.value.message


def test_unknown_class_duplicate_names_and_empty_list() -> None:
    lf = {"name": "x", "label": "maybe", "kind": "missing", "column": "t"}
    with pytest.raises(BadInput, match="unknown class"):
        parse_lfs([lf], CLASSES)
    lf["label"] = "pos"
    with pytest.raises(BadInput, match="unique"):
        parse_lfs([lf, dict(lf)], CLASSES)
    with pytest.raises(BadInput, match="no labeling functions"):
        parse_lfs([], CLASSES)


def test_wrong_column_and_non_numeric_threshold(frame: pd.DataFrame) -> None:
    with pytest.raises(BadInput) as err:
        run(
            frame,
            {"name": "x", "label": "pos", "kind": "keyword", "column": "txt", "keywords": ["a"]},
        )
    assert "txt" in err.value.message and "text" in err.value.hint
    with pytest.raises(BadInput, match="not numeric"):
        run(
            frame,
            {
                "name": "x",
                "label": "pos",
                "kind": "threshold",
                "column": "genre",
                "op": ">",
                "value": 1,
            },
        )


def test_empty_data_is_refused() -> None:
    empty = pd.DataFrame({"text": pd.Series([], dtype=str)})
    with pytest.raises(BadInput, match="no rows"):
        run(empty, {"name": "x", "label": "pos", "kind": "missing", "column": "text"})
