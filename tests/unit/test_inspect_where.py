"""inspect_dataset's `where` row filter: every figure is of the rows kept, the answer says how
many of how many, and unknown columns, values found in no row and hostile filters are refused."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from agents.reporter import summarise_output
from errors import ForgeflowError
from graphs.orchestrator import repair_args
from graphs.workflows import call_tool
from settings import get_settings
from tools.local import WHERE_MAX, WHERE_TEXT_MAX, WHERE_VALUES_MAX, where_mask
from tools.registry import get_tool

N = 240


def _trips() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    route = rng.choice(["A", "B", "C"], N)
    # route A runs late far more: the filtered answer differs from the whole table's
    late = rng.random(N) < np.where(route == "A", 0.7, 0.2)
    region = rng.choice(["North", "South"], N).astype(object)
    region[rng.random(N) < 0.1] = None
    delay = np.where(late, rng.integers(5, 60, N), 0).astype(float)
    delay[rng.random(N) < 0.05] = np.nan
    return pd.DataFrame(
        {
            "trip_id": [f"T{i:04d}" for i in range(N)],
            "route": route,
            "region": region,
            "month": rng.integers(1, 13, N),
            "status": np.where(late, "late", "on time"),
            "delay": delay,
        }
    )


@pytest.fixture
def trips() -> pd.DataFrame:
    frame = _trips()
    frame.to_csv(get_settings().workspace / "trips.csv", index=False)
    return pd.read_csv(get_settings().workspace / "trips.csv")


def _inspect(**args) -> dict:
    return call_tool("inspect_dataset", {"dataset": "trips.csv", **args})


def test_the_filter_comes_before_the_label_counts_and_every_figure(trips: pd.DataFrame) -> None:
    out = _inspect(where={"route": "A"}, label_column="status")
    kept = trips[trips.route == "A"]
    assert out["filtered"] == {"where": {"route": "A"}, "rows": len(kept), "of": N}
    assert out["rows"] == len(kept)
    assert out["label_distribution"] == {k: int(v) for k, v in kept.status.value_counts().items()}
    assert out["missing_total"] == int(kept.isna().sum().sum())
    by_name = {c["name"]: c["missing"] for c in out["columns"]}
    assert by_name["region"] == int(kept.region.isna().sum())
    assert out["numeric_summary"]["delay"]["mean"] == pytest.approx(kept.delay.mean(), abs=1e-6)
    assert {row["route"] for row in out["sample"]} == {"A"}
    text = "\n".join(summarise_output("inspect_dataset", out))
    assert f"rows where route = A: {len(kept)} of {N}" in text
    # the whole table's answer is a different one: the filter did something
    whole = _inspect(label_column="status")
    assert "filtered" not in whole and whole["label_distribution"] != out["label_distribution"]


def test_the_filter_comes_before_group_by(trips: pd.DataFrame) -> None:
    out = _inspect(where={"region": "North"}, group_by="route", label_column="delay")
    kept = trips[trips.region == "North"]
    means = kept.groupby("route")["delay"].mean().sort_values(ascending=False)
    groups = out["groups"]["groups"]
    assert [g["value"] for g in groups] == list(means.index)
    assert groups[0]["mean"] == pytest.approx(means.iloc[0], abs=1e-6)
    assert sum(g["rows"] for g in groups) == len(kept) == out["filtered"]["rows"]
    classes = _inspect(where={"route": ["A", "B"]}, group_by="route", label_column="status")
    assert {g["value"] for g in classes["groups"]["groups"]} == {"A", "B"}
    a = next(g for g in classes["groups"]["groups"] if g["value"] == "A")
    assert a["counts"]["late"] == int(((trips.route == "A") & (trips.status == "late")).sum())
    text = "\n".join(summarise_output("inspect_dataset", classes))
    assert "rows where route = A or B: " in text and "'status' by 'route' (2 groups" in text


@pytest.mark.parametrize("value", [3, "3", 3.0, " 3 ", "3.0"])
def test_a_number_matches_as_a_number(trips: pd.DataFrame, value: object) -> None:
    out = _inspect(where={"month": value})
    assert out["filtered"]["rows"] == int((trips.month == 3).sum()) > 0


def test_text_matches_ignoring_case_and_spaces_and_numbers_in_text_columns() -> None:
    frame = pd.DataFrame(
        {
            "species": ["Dog", "dog ", "cat", None, "DOG"],
            "code": ["2", "02", "2.0", "x", None],
            "vaccinated": [True, False, True, True, False],
        }
    )
    assert where_mask(frame, {"species": "dog"}).tolist() == [True, True, False, False, True]
    assert where_mask(frame, {"code": 2}).tolist() == [True, True, True, False, False]
    assert where_mask(frame, {"code": "x"}).tolist() == [False, False, False, True, False]
    both = where_mask(frame, {"species": ["dog", "cat"], "vaccinated": True})
    assert both.tolist() == [True, False, True, False, False]
    assert where_mask(frame, {"vaccinated": False}).tolist() == [False, True, False, False, True]


def test_conditions_met_apart_but_never_together_keep_no_rows(trips: pd.DataFrame) -> None:
    other = next(r for r in "ABC" if r != trips.route[0])  # a route trip T0000 is not on
    out = _inspect(where={"route": other, "trip_id": "T0000"})
    assert out["rows"] == 0 and out["filtered"]["rows"] == 0 and out["filtered"]["of"] == N
    assert "no row meets all the conditions together" in out["filtered"]["note"]
    assert out["sample"] == [] and out["missing_total"] == 0
    text = "\n".join(summarise_output("inspect_dataset", out))
    assert f"rows where route = {other} and trip_id = T0000: 0 of {N}" in text


def test_a_value_in_no_row_is_a_400_naming_the_column_values(trips: pd.DataFrame) -> None:
    before = sorted(p.name for p in get_settings().workspace.iterdir())
    with pytest.raises(ForgeflowError) as caught:
        _inspect(where={"route": "Z"})
    error = caught.value
    assert error.status_code == 400 and "route" in error.message and "'Z'" in error.message
    assert "A (" in error.hint and "B (" in error.hint
    details = error.details
    assert (details["argument"], details["column"], details["value"]) == ("where", "route", "Z")
    assert details["reason"] == "not_found" and set(details["choices"]) == {"A", "B", "C"}
    assert sorted(p.name for p in get_settings().workspace.iterdir()) == before
    # a number no row holds: no near spelling offered (7 is no typo of 17)
    with pytest.raises(ForgeflowError) as caught:
        _inspect(where={"month": 13})
    assert caught.value.status_code == 400 and caught.value.details["candidates"] == []
    # one value of a list that no row holds is refused too, not quietly dropped
    with pytest.raises(ForgeflowError) as caught:
        _inspect(where={"region": ["North", "Nrth"]})
    assert caught.value.details["value"] == "Nrth"
    assert caught.value.details["candidates"] == ["North"]


def test_an_unknown_column_is_a_400_with_the_close_column(trips: pd.DataFrame) -> None:
    with pytest.raises(ForgeflowError) as caught:
        _inspect(where={"Route": "A"})
    error = caught.value
    assert error.status_code == 400 and "Route" in error.message
    assert error.details["argument"] == "where" and error.details["candidates"] == ["route"]
    assert error.details["part"] == "column"


def test_an_evident_fix_is_repaired_in_the_one_key_or_value_named(trips: pd.DataFrame) -> None:
    args = {"dataset": "trips.csv", "where": {"Route": "A", "region": "North"}}
    with pytest.raises(ForgeflowError) as caught:
        call_tool("inspect_dataset", args)
    fixed = repair_args("inspect_dataset", args, caught.value.to_dict())
    assert fixed is not None
    assert fixed[0]["where"] == {"route": "A", "region": "North"}
    args = {"dataset": "trips.csv", "where": {"region": ["south", "Nrth"]}}
    with pytest.raises(ForgeflowError) as caught:
        call_tool("inspect_dataset", args)
    fixed = repair_args("inspect_dataset", args, caught.value.to_dict())
    assert fixed is not None and fixed[0]["where"] == {"region": ["south", "North"]}
    assert "'Nrth' → 'North'" in fixed[1]
    # no near value: nothing is guessed
    args = {"dataset": "trips.csv", "where": {"route": "Z"}}
    with pytest.raises(ForgeflowError) as caught:
        call_tool("inspect_dataset", args)
    assert repair_args("inspect_dataset", args, caught.value.to_dict()) is None


@pytest.mark.parametrize(
    "where",
    [
        {f"c{i}": "x" for i in range(WHERE_MAX + 1)},  # too many conditions
        {"route": ["A"] * (WHERE_VALUES_MAX + 1)},  # too many values for one column
        {"route": []},
        {"route": {"$ne": "A"}},  # an object is no value
        {"route": [["A"]]},
        {"route": None},
        {"route": "x" * (WHERE_TEXT_MAX + 1)},
        {"x" * (WHERE_TEXT_MAX + 1): "A"},
        {"route": ""},
        {"route": "\ud800"},
        "route == 'A'",  # no query strings
        ["route", "A"],
    ],
)
def test_a_hostile_filter_is_refused_and_changes_nothing(trips: pd.DataFrame, where) -> None:
    before = sorted(p.name for p in get_settings().workspace.iterdir())
    with pytest.raises(ForgeflowError) as caught:
        _inspect(where=where)
    # the schema's refusal: 422 invalid_arguments, the field named
    assert caught.value.status_code == 422, caught.value.message
    assert "where" in caught.value.message or "surrogate" in caught.value.message
    assert sorted(p.name for p in get_settings().workspace.iterdir()) == before


def test_a_query_looking_value_is_only_text(trips: pd.DataFrame) -> None:
    with pytest.raises(ForgeflowError) as caught:
        _inspect(where={"route": "A' or route == 'B"})
    assert caught.value.status_code == 400  # matched as a cell's text, found in no row


def test_the_schema_every_surface_lists_bounds_the_filter() -> None:
    schema = get_tool("inspect_dataset").input_schema()
    where = schema["properties"]["where"]
    mapping = next(s for s in where["anyOf"] if s.get("type") == "object")
    assert mapping["maxProperties"] == WHERE_MAX
    assert "where" not in schema.get("required", [])


def test_the_filter_over_http(trips: pd.DataFrame) -> None:
    from fastapi.testclient import TestClient

    from graphs.runner import get_manager, reset_managers
    from server import app

    client = TestClient(app, raise_server_exceptions=False)
    try:
        listed = {t["name"]: t for t in client.get("/tools").json()["tools"]}
        assert "where" in listed["inspect_dataset"]["input_schema"]["properties"]
        r = client.post(
            "/tools/inspect_dataset", json={"dataset": "trips.csv", "where": {"route": "b"}}
        )
        assert r.status_code == 200, r.text
        assert r.json()["output"]["filtered"]["rows"] == int((trips.route == "B").sum())
        r = client.post(
            "/tools/inspect_dataset", json={"dataset": "trips.csv", "where": {"rout": "B"}}
        )
        assert r.status_code == 400 and r.json()["error"]["details"]["candidates"] == ["route"]
        many = {f"c{i}": 1 for i in range(WHERE_MAX + 1)}
        r = client.post("/tools/inspect_dataset", json={"dataset": "trips.csv", "where": many})
        assert r.status_code == 422
    finally:
        get_manager().shutdown()
        reset_managers()
