"""The `where` filter's condition objects: ranges of a number column (gt, ge, lt, le), values
left out (ne) and text contained (contains), on every tool that takes `where`; the answer's
wording, the 400s for a column of the wrong kind and hostile conditions refused."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from agents.reporter import summarise_output
from errors import ForgeflowError
from graphs.orchestrator import repair_args
from graphs.workflows import call_tool
from settings import get_settings
from tools.local import WHERE_TEXT_MAX, WHERE_VALUES_MAX, where_mask
from tools.registry import get_tool

N = 200


@pytest.fixture
def rentals() -> pd.DataFrame:
    rng = np.random.default_rng(11)
    status = rng.choice(["open", "closed", "pending"], N).astype(object)
    status[rng.random(N) < 0.1] = None
    rent = rng.integers(600, 3500, N).astype(float)
    rent[rng.random(N) < 0.05] = np.nan
    notes = rng.choice(["Quiet street", "pets welcome", "REFUND asked", "near the Harbor"], N)
    frame = pd.DataFrame(
        {
            "listing_id": [f"L{i:03d}" for i in range(N)],
            "bedrooms": rng.integers(1, 7, N),
            "rent": rent,
            "deposit": [str(v) for v in rng.integers(100, 900, N)],  # numbers stored as text
            "status": status,
            "notes": notes,
            "furnished": rng.random(N) < 0.5,
        }
    )
    frame.to_csv(get_settings().workspace / "rentals.csv", index=False)
    return pd.read_csv(get_settings().workspace / "rentals.csv")


def _inspect(**args) -> dict:
    return call_tool("inspect_dataset", {"dataset": "rentals.csv", **args})


def _said(out: dict) -> str:
    return "\n".join(summarise_output("inspect_dataset", out))


@pytest.mark.parametrize(
    ("condition", "kept", "words"),
    [
        ({"gt": 4}, lambda f: f.bedrooms > 4, "bedrooms > 4"),
        ({"ge": 4}, lambda f: f.bedrooms >= 4, "bedrooms ≥ 4"),
        ({"lt": 3}, lambda f: f.bedrooms < 3, "bedrooms < 3"),
        ({"le": 3.5}, lambda f: f.bedrooms <= 3.5, "bedrooms ≤ 3.5"),
        ({"ge": 2, "le": 4}, lambda f: f.bedrooms.between(2, 4), "bedrooms between 2 and 4"),
        ({"gt": 2, "lt": 5}, lambda f: (f.bedrooms > 2) & (f.bedrooms < 5), "bedrooms > 2 and < 5"),
    ],
)
def test_a_range_of_a_number_column_keeps_the_rows_in_it(
    rentals: pd.DataFrame, condition: dict, kept, words: str
) -> None:
    out = _inspect(where={"bedrooms": condition})
    rows = rentals[kept(rentals)]
    assert 0 < len(rows) < N
    assert out["filtered"] == {"where": {"bedrooms": condition}, "rows": len(rows), "of": N}
    assert out["numeric_summary"]["rent"]["mean"] == pytest.approx(rows.rent.mean(), abs=1e-6)
    assert f"rows where {words}: {len(rows)} of {N}" in _said(out)


def test_empty_cells_are_never_in_a_range_and_numbers_as_text_compare(
    rentals: pd.DataFrame,
) -> None:
    out = _inspect(where={"rent": {"ge": 0}})
    assert out["filtered"]["rows"] == int(rentals.rent.notna().sum()) < N
    out = _inspect(where={"deposit": {"lt": 300}})  # '250' read as a number, not as text
    assert out["filtered"]["rows"] == int((rentals.deposit.astype(float) < 300).sum()) > 0


def test_a_range_no_row_is_in_is_a_true_answer(rentals: pd.DataFrame) -> None:
    out = _inspect(where={"bedrooms": {"gt": 40}})
    assert out["rows"] == 0 and out["filtered"]["note"] == "no row meets the conditions"
    assert f"rows where bedrooms > 40: 0 of {N} (no row meets the conditions)" in _said(out)


def test_values_left_out_keep_every_other_row_and_empty_cells(rentals: pd.DataFrame) -> None:
    out = _inspect(where={"status": {"ne": "Closed "}})  # case and spaces ignored as for =
    assert out["filtered"]["rows"] == int((rentals.status != "closed").sum())
    assert f"rows where status is not Closed : {out['filtered']['rows']} of {N}" in _said(out)
    out = _inspect(where={"status": {"ne": ["closed", "pending"]}}, label_column="status")
    assert set(out["label_distribution"]) == {"open", "nan"}  # the empty cells are kept
    assert "rows where status is none of closed, pending: " in _said(out)
    # a number left out, with an equality on another column
    out = _inspect(where={"bedrooms": {"ne": 1}, "status": "open"})
    rows = rentals[(rentals.bedrooms != 1) & (rentals.status == "open")]
    assert out["filtered"]["rows"] == len(rows)
    assert "rows where bedrooms is not 1 and status = open: " in _said(out)


def test_a_value_left_out_that_no_row_holds_is_a_400_naming_the_close_one(
    rentals: pd.DataFrame,
) -> None:
    with pytest.raises(ForgeflowError) as caught:
        _inspect(where={"status": {"ne": "closd"}})
    error = caught.value
    assert error.status_code == 400 and "'closd'" in error.message
    assert error.details["candidates"] == ["closed"] and error.details["part"] == "value"
    assert "open (" in error.hint


def test_contains_finds_text_ignoring_case_and_a_list_is_any(rentals: pd.DataFrame) -> None:
    out = _inspect(where={"notes": {"contains": "refund"}})
    assert out["filtered"]["rows"] == int((rentals.notes == "REFUND asked").sum()) > 0
    assert f"rows where notes contains 'refund': {out['filtered']['rows']} of {N}" in _said(out)
    out = _inspect(where={"notes": {"contains": ["PETS", "harbor"]}})
    wanted = rentals.notes.isin(["pets welcome", "near the Harbor"])
    assert out["filtered"]["rows"] == int(wanted.sum())
    assert "rows where notes contains 'PETS' or 'harbor': " in _said(out)
    # a text in no cell: no row, a true answer (a search, not a value that must exist)
    assert _inspect(where={"notes": {"contains": "garage"}})["filtered"]["rows"] == 0
    # text that looks like a path or a pattern is only text
    for text in ("../etc/passwd", "~root", ".*", "' or 1=1"):
        assert _inspect(where={"notes": {"contains": text}})["filtered"]["rows"] == 0


@pytest.mark.parametrize(
    ("where", "kind", "wanted"),
    [
        ({"status": {"gt": 1}}, "text", "number"),
        ({"notes": {"ge": 1, "le": 5}}, "text", "number"),
        ({"furnished": {"lt": 1}}, "yes/no", "number"),
        ({"bedrooms": {"contains": "4"}}, "number", "text"),
        ({"furnished": {"contains": "true"}}, "yes/no", "text"),
    ],
)
def test_a_condition_on_a_column_of_the_wrong_kind_is_a_400_naming_its_kind(
    rentals: pd.DataFrame, where: dict, kind: str, wanted: str
) -> None:
    column = next(iter(where))
    with pytest.raises(ForgeflowError) as caught:
        _inspect(where=where)
    error = caught.value
    assert error.status_code == 400
    assert f"needs a {wanted} column; {column} is a {kind} column" in error.message
    assert f"{wanted} columns are: " in error.hint
    details = error.details
    assert (details["argument"], details["column"], details["part"]) == ("where", column, "kind")
    if wanted == "number":
        assert {"bedrooms", "rent", "deposit"} <= set(details["choices"])
        assert "status" not in details["choices"]
    else:
        assert set(details["choices"]) == {"listing_id", "status", "notes"}
    # no evident fix: nothing is repaired
    args = {"dataset": "rentals.csv", "where": where}
    assert repair_args("inspect_dataset", args, error.to_dict()) is None


def test_an_unknown_column_in_a_condition_is_a_400_with_the_close_one(
    rentals: pd.DataFrame,
) -> None:
    with pytest.raises(ForgeflowError) as caught:
        _inspect(where={"bedroom": {"gt": 2}})
    assert caught.value.status_code == 400 and caught.value.details["candidates"] == ["bedrooms"]


def test_where_mask_takes_a_plain_condition_and_checks_it() -> None:
    frame = pd.DataFrame({"n": [1, 5, None, 9], "t": ["a cat", "dog", None, "Cat"]})
    assert where_mask(frame, {"n": {"gt": 2, "le": 9}}).tolist() == [False, True, False, True]
    assert where_mask(frame, {"t": {"contains": "cat"}}).tolist() == [True, False, False, True]
    assert where_mask(frame, {"t": {"ne": "dog"}}).tolist() == [True, False, True, True]
    with pytest.raises(ValueError):
        where_mask(frame, {"n": {"between": [1, 2]}})


HOSTILE_CONDITIONS = [
    {"bedrooms": {"gt": 2**63}},
    {"bedrooms": {"lt": -(2**63) - 1}},
    {"bedrooms": {"ge": 1e300}},
    {"bedrooms": {"gt": float("nan")}},
    {"bedrooms": {"le": float("inf")}},
    {"bedrooms": {"gt": "4"}},  # a number as text: the schema is strict
    {"bedrooms": {"gt": True}},
    {"bedrooms": {"gt": [4]}},
    {"bedrooms": {}},
    {"bedrooms": {"gt": None}},
    {"bedrooms": {"gt": 1, "ge": 2}},  # two lower bounds
    {"bedrooms": {"lt": 1, "le": 2}},
    {"bedrooms": {"ge": 5, "le": 2}},  # no number in the range
    {"bedrooms": {"gt": 3, "lt": 3}},
    {"bedrooms": {"$gt": 3}},  # no other operators
    {"bedrooms": {"between": [1, 3]}},
    {"notes": {"contains": "a", "gt": 1}},  # text and number at once
    {"notes": {"contains": ""}},
    {"notes": {"contains": "x" * (WHERE_TEXT_MAX + 1)}},
    {"notes": {"contains": ["a"] * (WHERE_VALUES_MAX + 1)}},
    {"notes": {"contains": []}},
    {"notes": {"contains": "a\x00b"}},
    {"notes": {"contains": "\ud800"}},
    {"notes": {"contains": {"x": 1}}},
    {"notes": {"contains": 5}},
    {"status": {"ne": []}},
    {"status": {"ne": [["open"]]}},
    {"status": {"ne": {"ne": "open"}}},
    {"status": {"ne": "\ud800"}},
    {"status": {"ne": 2**63}},  # held by no row: a 400
    {"status": {"ne": "x" * (WHERE_TEXT_MAX + 1)}},
    {"../status": {"ne": "open"}},
    {"a\x00b": {"gt": 1}},
    {"~root": {"contains": "x"}},
    {"/etc/passwd": {"lt": 1}},
]


@pytest.mark.parametrize("where", HOSTILE_CONDITIONS)
@pytest.mark.parametrize("tool", ["inspect_dataset", "save_table", "preview_rows"])
def test_a_hostile_condition_is_a_4xx_on_every_tool_and_writes_nothing(
    rentals: pd.DataFrame, tool: str, where: dict
) -> None:
    root = get_settings().workspace
    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    args = {"dataset": "rentals.csv", "where": where}
    if tool == "save_table":
        args["path"] = "out.csv"
    with pytest.raises(ForgeflowError) as caught:
        call_tool(tool, args)
    assert 400 <= caught.value.status_code < 500, caught.value.message
    assert caught.value.hint or caught.value.status_code == 422
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == before


def test_save_and_preview_keep_the_rows_in_range(rentals: pd.DataFrame) -> None:
    where = {"rent": {"ge": 1000, "le": 2000}, "notes": {"contains": "pets"}}
    kept = rentals[rentals.rent.between(1000, 2000) & (rentals.notes == "pets welcome")]
    saved = call_tool("save_table", {"dataset": "rentals.csv", "path": "mid.csv", "where": where})
    written = pd.read_csv(get_settings().workspace / "mid.csv")
    assert written.listing_id.tolist() == kept.listing_id.tolist()
    assert saved["filtered"] == {"where": where, "rows": len(kept), "of": N}
    shown = call_tool("preview_rows", {"dataset": "rentals.csv", "where": where, "limit": 200})
    assert shown["total"] == len(kept) and shown["filtered"]["rows"] == len(kept)


def test_the_schema_every_surface_lists_names_the_operators() -> None:
    schema = get_tool("inspect_dataset").input_schema()
    condition = next(v for k, v in schema["$defs"].items() if k == "WhereCondition")
    assert set(condition["properties"]) == {"gt", "ge", "lt", "le", "ne", "contains"}
    assert condition["additionalProperties"] is False
    assert "{'bedrooms': {'gt': 4}}" in schema["properties"]["where"]["description"]


def test_a_condition_over_http(rentals: pd.DataFrame) -> None:
    from fastapi.testclient import TestClient

    from graphs.runner import get_manager, reset_managers
    from server import app

    client = TestClient(app, raise_server_exceptions=False)
    try:
        r = client.post(
            "/tools/inspect_dataset",
            json={"dataset": "rentals.csv", "where": {"bedrooms": {"gt": 4}}},
        )
        assert r.status_code == 200, r.text
        assert r.json()["output"]["filtered"]["rows"] == int((rentals.bedrooms > 4).sum())
        r = client.post(
            "/tools/inspect_dataset",
            json={"dataset": "rentals.csv", "where": {"status": {"gt": 4}}},
        )
        assert r.status_code == 400 and r.json()["error"]["details"]["kind"] == "text"
        r = client.post(
            "/tools/inspect_dataset",
            json={"dataset": "rentals.csv", "where": {"bedrooms": {"ge": 5, "le": 1}}},
        )
        assert r.status_code == 422
    finally:
        get_manager().shutdown()
        reset_managers()


def test_a_misspelt_value_left_out_is_repaired_in_its_condition(rentals: pd.DataFrame) -> None:
    args = {"dataset": "rentals.csv", "where": {"status": {"ne": ["pending", "closd"]}}}
    with pytest.raises(ForgeflowError) as caught:
        call_tool("inspect_dataset", args)
    fixed = repair_args("inspect_dataset", args, caught.value.to_dict())
    assert fixed is not None and fixed[0]["where"] == {"status": {"ne": ["pending", "closed"]}}
    assert "'closd' → 'closed'" in fixed[1]
    out = call_tool("inspect_dataset", fixed[0])
    assert out["filtered"]["rows"] == int(
        (rentals.status == "open").sum() + rentals.status.isna().sum()
    )
