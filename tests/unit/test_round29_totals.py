"""Twenty-ninth round, the tool: inspect_dataset's `statistic` (totals by a column, ordered by
them, and the total of the rows kept) and values differing only by case or outer spaces counted
as one, their spellings kept in `merged_spellings`."""

from __future__ import annotations

import pandas as pd
import pytest

from agents.reporter import summarise_output
from errors import ForgeflowError
from graphs.orchestrator import repair_args
from graphs.workflows import call_tool
from settings import get_settings
from tools.local import merge_spellings
from tools.registry import get_tool


def _sales() -> pd.DataFrame:
    # Into the Woods sells a few dear tickets (highest mean), A Christmas Carol many cheap ones
    # (highest total): ordered by mean, the wrong show would come first
    rows = (
        [("A Christmas Carol", "web", 2, 40.0)] * 30
        + [("Into the Woods", "box office", 1, 120.0)] * 5
        + [("Hamlet", "web", 3, 60.0)] * 12
    )
    return pd.DataFrame(rows, columns=["show", "channel", "tickets", "total"])


@pytest.fixture
def sales() -> pd.DataFrame:
    frame = _sales()
    frame.to_parquet(get_settings().workspace / "ticket_sales.parquet")
    return frame


def _shifts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "volunteer": ["Maria G.", "Tom B.", "Maria G.", "Ana K.", "Maria G.", "Tom B."],
            "role": ["usher", "bar", "bar", "usher", "cloakroom", "usher"],
            "hours": [3.5, 2.0, 4.0, 1.5, 2.25, 6.0],
        }
    )


@pytest.fixture
def shifts() -> pd.DataFrame:
    frame = _shifts()
    frame.to_json(get_settings().workspace / "volunteer_shifts.jsonl", orient="records", lines=True)
    return frame


@pytest.fixture
def pets() -> pd.DataFrame:
    species = ["dog"] * 5 + ["Dog"] * 2 + ["DOG", "dog "] + ["cat"] * 4 + [" Cat"] + ["rabbit"]
    frame = pd.DataFrame(
        {"species": species, "visits": list(range(1, len(species) + 1)), "clinic": "North"}
    )
    frame.loc[len(frame) - 1, "clinic"] = "South"
    frame.to_csv(get_settings().workspace / "pets.csv", index=False)
    return frame


def _inspect(dataset: str, **args) -> dict:
    return call_tool("inspect_dataset", {"dataset": dataset, **args})


def test_totals_by_a_column_are_ordered_by_the_total(sales: pd.DataFrame) -> None:
    out = _inspect("ticket_sales.parquet", group_by="show", label_column="total", statistic="sum")
    groups = out["groups"]
    assert groups["statistic"] == "sum"
    assert [g["value"] for g in groups["groups"]] == [
        "A Christmas Carol",
        "Hamlet",
        "Into the Woods",
    ]
    expected = sales.groupby("show")["total"].sum()
    assert {g["value"]: g["sum"] for g in groups["groups"]} == expected.to_dict()
    # the other figures stay in the output
    assert groups["groups"][0]["mean"] == 40.0
    text = "\n".join(summarise_output("inspect_dataset", out))
    assert (
        "total of 'total' by 'show' (3 groups, highest total first): "
        "A Christmas Carol 1,200; Hamlet 720; Into the Woods 600"
    ) in text
    assert "highest mean first" not in text


def test_the_default_is_still_the_mean_order(sales: pd.DataFrame) -> None:
    out = _inspect("ticket_sales.parquet", group_by="show", label_column="total")
    assert out["groups"]["statistic"] == "mean"
    assert out["groups"]["groups"][0]["value"] == "Into the Woods"
    assert "highest mean first" in "\n".join(summarise_output("inspect_dataset", out))


@pytest.mark.parametrize(
    ("statistic", "first"),
    [("median", "Into the Woods"), ("min", "Into the Woods"), ("count", "A Christmas Carol")],
)
def test_each_statistic_orders_the_groups(sales: pd.DataFrame, statistic: str, first: str) -> None:
    out = _inspect(
        "ticket_sales.parquet", group_by="show", label_column="total", statistic=statistic
    )
    assert out["groups"]["groups"][0]["value"] == first


def test_the_total_of_the_rows_kept(shifts: pd.DataFrame) -> None:
    out = _inspect(
        "volunteer_shifts.jsonl",
        label_column="hours",
        statistic="sum",
        where={"volunteer": "maria g."},
    )
    assert out["statistic"] == {"name": "sum", "column": "hours", "value": 9.75, "count": 3}
    lines = summarise_output("inspect_dataset", out)
    assert any("rows where volunteer = maria g.: 3 of 6" in line for line in lines)
    # the figure comes right after the filter, before the rows themselves
    total = next(i for i, line in enumerate(lines) if "total of 'hours': 9.75 (3 values)" in line)
    assert total <= 2 and "rows" not in lines[total]


def test_hours_per_role_are_summed(shifts: pd.DataFrame) -> None:
    out = _inspect("volunteer_shifts.jsonl", group_by="role", label_column="hours", statistic="sum")
    sums = {g["value"]: g["sum"] for g in out["groups"]["groups"]}
    assert sums == {"usher": 11.0, "bar": 6.0, "cloakroom": 2.25}
    assert [g["value"] for g in out["groups"]["groups"]] == ["usher", "bar", "cloakroom"]


def test_spellings_differing_by_case_or_spaces_are_one_group(pets: pd.DataFrame) -> None:
    out = _inspect("pets.csv", group_by="species", label_column="visits", statistic="sum")
    groups = {g["value"]: g for g in out["groups"]["groups"]}
    assert set(groups) == {"dog", "cat", "rabbit"}
    assert groups["dog"]["rows"] == 9 and groups["dog"]["sum"] == sum(range(1, 10))
    assert out["merged_spellings"]["species"] == {"dog": ["Dog", "DOG", "dog "], "cat": [" Cat"]}
    text = "\n".join(summarise_output("inspect_dataset", out))
    assert "species: dog also written Dog, DOG, 'dog '; cat also written ' Cat'" in text
    # the rows themselves keep their own spelling
    raw = _inspect("pets.csv", sample_rows=10)["sample"]
    assert [r["species"] for r in raw[5:9]] == ["Dog", "Dog", "DOG", "dog "]


def test_value_counts_merge_spellings_too(pets: pd.DataFrame) -> None:
    out = _inspect("pets.csv", label_column="species")
    assert out["label_distribution"] == {"dog": 9, "cat": 5, "rabbit": 1}
    assert out["merged_spellings"]["species"]["dog"] == ["Dog", "DOG", "dog "]
    counted = _inspect("pets.csv", label_column="visits")["value_counts"]
    assert counted["species"] == {"dog": 9, "cat": 5, "rabbit": 1}
    classes = _inspect("pets.csv", group_by="clinic", label_column="species")["groups"]
    north = next(g for g in classes["groups"] if g["value"] == "North")
    assert north["counts"] == {"cat": 5, "dog": 9}


def test_many_spellings_of_few_values_are_counted_as_classes() -> None:
    # 16 spellings, more than a class column may have, of 4 values
    words = ["dog", "cat", "bird", "fish"]
    cells = [v for w in words for v in (w, w.upper(), w.title(), f" {w}")] * 3
    pd.DataFrame({"species": cells, "n": range(len(cells))}).to_csv(
        get_settings().workspace / "messy.csv", index=False
    )
    out = _inspect("messy.csv", label_column="n")
    assert out["value_counts"]["species"] == {w: 12 for w in words}
    assert len(out["merged_spellings"]["species"]) == 4


def test_no_merge_leaves_no_key_and_numbers_alone() -> None:
    series = pd.Series([1, 1, 2])
    assert merge_spellings(series)[0] is series
    assert merge_spellings(pd.Series(["a", "b", None]))[1] == {}
    merged, spellings = merge_spellings(pd.Series(["x", None, "X", "x"], dtype="category"))
    assert [None if pd.isna(v) else v for v in merged] == ["x", None, "x", "x"]
    assert spellings == {"x": ["X"]}


def test_a_tie_keeps_the_trimmed_then_first_spelling() -> None:
    assert merge_spellings(pd.Series(["Dog ", "Dog", "dog"]))[1] == {"Dog": ["dog", "Dog "]}


@pytest.mark.parametrize(
    ("args", "part"),
    [
        ({"group_by": "show", "statistic": "sum"}, "needs label_column"),
        ({"statistic": "sum"}, "needs label_column"),
        ({"group_by": "show", "label_column": "show", "statistic": "sum"}, "other than group_by"),
        ({"group_by": "channel", "label_column": "show", "statistic": "sum"}, "holds no numbers"),
        ({"label_column": "show", "statistic": "mean"}, "holds no numbers"),
    ],
)
def test_a_statistic_of_no_numbers_is_a_400_naming_the_number_columns(
    sales: pd.DataFrame, args: dict, part: str
) -> None:
    before = sorted(p.name for p in get_settings().workspace.iterdir())
    with pytest.raises(ForgeflowError) as caught:
        _inspect("ticket_sales.parquet", **args)
    assert caught.value.status_code == 400 and part in caught.value.message
    assert "tickets, total" in (caught.value.hint or "")
    assert caught.value.details["candidates"] == ["tickets", "total"]
    assert sorted(p.name for p in get_settings().workspace.iterdir()) == before


def test_a_text_column_is_never_swapped_for_a_number_one(sales: pd.DataFrame) -> None:
    args = {"dataset": "ticket_sales.parquet", "label_column": "show", "statistic": "sum"}
    sales[["show", "total"]].to_parquet(get_settings().workspace / "ticket_sales.parquet")
    with pytest.raises(ForgeflowError) as caught:
        call_tool("inspect_dataset", args)
    assert caught.value.details["candidates"] == ["total"]
    assert repair_args("inspect_dataset", args, caught.value.to_dict()) is None


@pytest.mark.parametrize(
    "statistic",
    ["total", "SUM", "", "\ud800", "sum\x00", "../sum", "~root", 2**63, 1, True, ["sum"], {"a": 1}],
)
def test_a_hostile_statistic_is_refused_and_writes_nothing(sales: pd.DataFrame, statistic) -> None:
    before = sorted(p.name for p in get_settings().workspace.iterdir())
    with pytest.raises(ForgeflowError) as caught:
        _inspect("ticket_sales.parquet", group_by="show", label_column="total", statistic=statistic)
    assert caught.value.status_code in (400, 422)
    assert "statistic" in caught.value.message or "surrogate" in caught.value.message
    assert caught.value.hint
    assert sorted(p.name for p in get_settings().workspace.iterdir()) == before


def test_a_huge_total_is_no_infinity() -> None:
    pd.DataFrame({"g": ["a", "a"], "x": [1e308, 1e308]}).to_csv(
        get_settings().workspace / "huge.csv", index=False
    )
    out = _inspect("huge.csv", label_column="x", statistic="sum")
    assert out["statistic"]["value"] is None
    grouped = _inspect("huge.csv", group_by="g", label_column="x", statistic="sum")
    assert grouped["groups"]["groups"][0]["sum"] is None
    assert "no numbers" in "\n".join(summarise_output("inspect_dataset", grouped))
    # beside a group with a total, the overflowing one comes last, not first
    pd.DataFrame({"g": ["a", "a", "b"], "x": [1e308, 1e308, 2.0]}).to_csv(
        get_settings().workspace / "huge.csv", index=False
    )
    grouped = _inspect("huge.csv", group_by="g", label_column="x", statistic="sum")
    assert [(g["value"], g["sum"]) for g in grouped["groups"]["groups"]] == [
        ("b", 2.0),
        ("a", None),
    ]
    assert "no numbers" in "\n".join(summarise_output("inspect_dataset", grouped))


def test_groups_with_no_figure_sort_last_not_first() -> None:
    """An overflowing total (inf) and a group with no number (its sum would be 0, above the
    negative totals) have no figure: they come after every group that has one."""
    pd.DataFrame(
        {
            "g": ["huge", "huge", "none", "low", "high", "none"],
            "x": ["1e308", "1e308", "", "-5", "-1", "n/a"],
        }
    ).to_csv(get_settings().workspace / "mixed.csv", index=False)
    out = _inspect("mixed.csv", group_by="g", label_column="x", statistic="sum")
    groups = out["groups"]["groups"]
    assert [g["value"] for g in groups] == ["high", "low", "huge", "none"]
    assert groups[2]["sum"] is None and groups[3]["sum"] is None
    assert groups[3]["count"] == 0
    out = _inspect("mixed.csv", group_by="g", label_column="x", statistic="min")
    assert [g["value"] for g in out["groups"]["groups"]][:2] == ["huge", "high"]
    assert out["groups"]["groups"][-1]["value"] == "none"


def test_the_schema_lists_the_statistics() -> None:
    schema = get_tool("inspect_dataset").input_schema()
    found = schema["properties"]["statistic"]
    choices = next(s for s in found["anyOf"] if s.get("enum"))["enum"]
    assert choices == ["sum", "mean", "median", "min", "max", "count"]
    assert "statistic" not in schema.get("required", [])


def test_the_statistic_over_http(sales: pd.DataFrame) -> None:
    from fastapi.testclient import TestClient

    from graphs.runner import get_manager, reset_managers
    from server import app

    client = TestClient(app, raise_server_exceptions=False)
    try:
        body = {"dataset": "ticket_sales.parquet", "group_by": "show", "label_column": "total"}
        r = client.post("/tools/inspect_dataset", json={**body, "statistic": "sum"})
        assert r.status_code == 200, r.text
        assert r.json()["output"]["groups"]["groups"][0]["value"] == "A Christmas Carol"
        r = client.post(
            "/tools/inspect_dataset", json={**body, "label_column": "show", "statistic": "sum"}
        )
        assert r.status_code == 400 and r.json()["error"]["hint"]
        r = client.post("/tools/inspect_dataset", json={**body, "statistic": "total"})
        assert r.status_code == 422
    finally:
        get_manager().shutdown()
        reset_managers()


def test_one_clash_among_many_distinct_values_is_merged_by_the_commonest_spelling() -> None:
    """The sort of spellings runs on whole columns (it looked counts up one value at a time)."""
    cells = [f"v{i}" for i in range(50_000)] + ["V7", "V7", " v7", "w", "W"]
    out, merged = merge_spellings(pd.Series(cells, dtype="string"))
    assert merged == {"V7": ["v7", " v7"], "w": ["W"]}
    assert out.iloc[7] == "V7" and out.iloc[-3] == "V7" and out.iloc[-1] == "w"
    assert out.iloc[8] == "v8" and len(out) == len(cells)
    same, none = merge_spellings(pd.Series(["a", "b", None, "c"]))
    assert none == {} and same.tolist()[:2] == ["a", "b"]
