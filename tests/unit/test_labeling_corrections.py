"""correct_labels finds the rows corrections name: the given id column, the id-like column that
holds the ids, or row positions; an unresolvable one is a 4xx with candidates and changes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from agents.arguments import corrections
from errors import BadInput, InvalidArguments, NotFound
from graphs.workflows import call_tool
from settings import get_settings
from tools.base import ToolContext

LFS = [
    {
        "name": "light",
        "label": "flat",
        "kind": "threshold",
        "column": "mass_g",
        "op": "<",
        "value": 300,
    },
    {
        "name": "heavy",
        "label": "boxed",
        "kind": "threshold",
        "column": "mass_g",
        "op": ">",
        "value": 700,
    },
]


def run(name: str, **args) -> dict:
    return call_tool(name, args, ToolContext())


def _label(folder: str, frame: pd.DataFrame, **extra) -> str:
    data = get_settings().data_dir
    data.mkdir(parents=True, exist_ok=True)
    frame.to_csv(data / f"{folder}.csv", index=False)
    run(
        "label_dataset",
        dataset=f"{folder}.csv",
        label_column="packing",
        labeling_functions=LFS,
        max_attempts=1,
        end_model=False,
        output_dir=f"labeling/{folder}",
        **extra,
    )
    return f"labeling/{folder}"


def _shipments(n: int = 90) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    mass = rng.uniform(50, 1000, n).round(1)
    packing = np.where(mass > 500, "boxed", "flat").astype(object)
    packing[30:] = None
    return pd.DataFrame(
        {
            "consignment_no": [f"CN-{7000 + i}" for i in range(n)],
            "mass_g": mass,
            "courier": rng.choice(["swift", "pelican", "owl"], n),
            "packing": packing,
        }
    )


@pytest.fixture
def unnamed_ids(home: Path) -> str:
    """A run whose `id` is the row number; the source's own ids stay in `consignment_no`."""
    return _label("shipments", _shipments())


def _files(folder: str) -> dict[str, str]:
    root = get_settings().workspace / folder
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _labels(folder: str) -> pd.DataFrame:
    return pd.read_parquet(get_settings().workspace / folder / "workbench" / "labeled.parquet")


def test_ids_of_another_column_are_found_there(unnamed_ids: str) -> None:
    out = run(
        "correct_labels",
        labeling_dir=unnamed_ids,
        corrections=[{"id": "CN-7042", "label": "boxed"}, {"id": "CN-7071", "label": "flat"}],
    )
    assert out["resolved"]["id_column"] == "consignment_no"
    assert [c["consignment_no"] for c in out["corrected"]] == ["CN-7042", "CN-7071"]
    table = _labels(unnamed_ids).set_index("consignment_no")
    assert table.loc["CN-7042", "label"] == "boxed" and table.loc["CN-7071", "label"] == "flat"
    assert table.loc["CN-7042", "label_source"] == "hand"
    # The hand label is keyed by the row's own id (its row number), as the workbench keys them.
    assert out["hand_labels"]["corrections"] == 2
    assert {c["id"] for c in out["corrected"]} == {42, 71}


def test_a_row_number_is_the_id_when_the_ids_are_row_numbers(unnamed_ids: str) -> None:
    out = run(
        "correct_labels", labeling_dir=unnamed_ids, corrections=[{"row": 55, "label": "boxed"}]
    )
    assert out["corrected"][0]["id"] == 55
    assert _labels(unnamed_ids).set_index("id").loc[55, "label"] == "boxed"


def test_a_row_no_id_column_holds_is_taken_as_a_position(home: Path) -> None:
    frame = _shipments().rename(columns={"consignment_no": "id"})
    folder = _label("named", frame)
    out = run(
        "correct_labels",
        labeling_dir=folder,
        corrections=[{"row": 4, "label": "boxed"}, {"id": "row 6", "label": "flat"}],
    )
    assert [c["id"] for c in out["corrected"]] == ["CN-7004", "CN-7006"]
    assert out["resolved"]["row_positions"] == ["4", "6"]
    table = _labels(folder)
    assert table.loc[4, "label"] == "boxed" and table.loc[6, "label"] == "flat"


def test_unresolvable_ids_are_a_404_with_the_id_columns_and_change_nothing(
    unnamed_ids: str,
) -> None:
    before = _files(unnamed_ids)
    with pytest.raises(NotFound) as err:
        run(
            "correct_labels",
            labeling_dir=unnamed_ids,
            corrections=[{"id": "CN-7001", "label": "flat"}, {"id": "ZZ-1", "label": "flat"}],
        )
    e = err.value
    assert e.status_code == 404 and e.code == "row_not_found"
    assert "ZZ-1" in e.message and "consignment_no" in e.hint and "CN-7000" in e.hint
    assert e.details["argument"] == "id_column"
    assert set(e.details["candidates"]) == {"id", "consignment_no"}
    assert e.details["value"] == ["ZZ-1"]
    assert e.details["examples"]["consignment_no"][:2] == ["CN-7000", "CN-7001"]
    # Nothing was written: not even the workbench the first correction would have opened.
    assert _files(unnamed_ids) == before and not any(k.startswith("workbench") for k in before)
    # A row past the end, and a named column that is not there, are refused the same way.
    with pytest.raises(NotFound) as past:
        run(
            "correct_labels", labeling_dir=unnamed_ids, corrections=[{"row": 5000, "label": "flat"}]
        )
    assert "0 to 89" in past.value.hint
    with pytest.raises(NotFound) as named:
        run(
            "correct_labels",
            labeling_dir=unnamed_ids,
            id_column="parcel",
            corrections=[{"id": "Q9", "label": "flat"}],
        )
    assert "no column 'parcel'" in named.value.hint
    with pytest.raises(BadInput) as label:
        run(
            "correct_labels",
            labeling_dir=unnamed_ids,
            corrections=[{"id": "CN-7001", "label": "crate"}],
        )
    assert label.value.code == "unknown_label"
    with pytest.raises(InvalidArguments):
        run("correct_labels", labeling_dir=unnamed_ids, corrections=[{"label": "flat"}])
    assert _files(unnamed_ids) == before


def test_ids_two_id_columns_hold_are_ambiguous_until_one_is_named(home: Path) -> None:
    frame = _shipments()
    frame["waybill_no"] = [f"CN-{7000 + i}" for i in range(len(frame))][::-1]
    folder = _label("twice", frame)
    with pytest.raises(BadInput) as err:
        run("correct_labels", labeling_dir=folder, corrections=[{"id": "CN-7010", "label": "flat"}])
    assert err.value.code == "ambiguous_id_column"
    assert err.value.details["reason"] == "ambiguous"
    assert set(err.value.details["candidates"]) == {"consignment_no", "waybill_no"}
    out = run(
        "correct_labels",
        labeling_dir=folder,
        id_column="waybill_no",
        corrections=[{"id": "CN-7010", "label": "flat"}],
    )
    assert out["resolved"]["id_column"] == "waybill_no"
    assert out["corrected"][0]["id"] == len(frame) - 1 - 10


def test_the_planner_sends_a_named_row_as_row() -> None:
    assert corrections("row 31 ought to be boxed") == []  # no 'is/should be': not a correction
    assert corrections("Row #31 should be boxed") == [{"row": 31, "label": "boxed"}]
    assert corrections("CN-7003 is actually flat") == [{"id": "CN-7003", "label": "flat"}]
    assert corrections("parcel 88 should be flat") == [{"id": 88, "label": "flat"}]


@pytest.mark.parametrize(
    "extra",
    [
        {"corrections": [{"row": 2**63, "label": "flat"}]},
        {"corrections": [{"row": -1, "label": "flat"}]},
        {"corrections": [{"id": 2**63, "label": "flat"}]},
        {"corrections": [{"id": "\ud800", "label": "flat"}]},
        {"id_column": "\ud800"},
        {"id_column": "x" * 5000},
    ],
)
def test_hostile_rows_and_id_columns_are_a_4xx_and_change_nothing(
    unnamed_ids: str, extra: dict
) -> None:
    before = _files(unnamed_ids)
    args = {"corrections": [{"id": "CN-7001", "label": "flat"}], **extra}
    with pytest.raises((BadInput, InvalidArguments, NotFound)) as err:
        run("correct_labels", labeling_dir=unnamed_ids, **args)
    assert 400 <= err.value.status_code < 500
    assert _files(unnamed_ids) == before


@pytest.mark.parametrize("name", ["consignment\x00no", "../../etc/passwd", "/etc/passwd", "~root"])
def test_an_id_column_named_like_a_path_is_only_a_name(unnamed_ids: str, name: str) -> None:
    # A column name never reaches a path: no such column, so the id-like column holding the ids
    # is used, and only the run's own workbench is written.
    outside = {p for p in get_settings().workspace.rglob("*") if unnamed_ids not in str(p)}
    done = run(
        "correct_labels",
        labeling_dir=unnamed_ids,
        id_column=name,
        corrections=[{"id": "CN-7001", "label": "flat"}],
    )
    assert done["resolved"]["id_column"] == "consignment_no"
    now = {p for p in get_settings().workspace.rglob("*") if unnamed_ids not in str(p)}
    assert now == outside
