"""Hostile input to round 28's new arguments: export_dataset's output_path, detect_anomalies'
flagged_path and the where filter of inspect_dataset, save_table and preview_rows, each refused
with a 4xx and nothing written."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from errors import ForgeflowError
from graphs.workflows import call_tool
from settings import get_settings
from tests.unit.test_anomaly_round27 import orders
from tests.unit.test_qa_export_path import _dataset, _files

HOSTILE_PATHS = [
    "../x.csv",
    "/etc/x.csv",
    "~root/x.csv",
    "a\x00b.csv",
    "\ud800.csv",
    ".forgeflow/x.csv",
    "sub/../../x.csv",
]


def _ws() -> Path:
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    return root


def _refused(tool: str, args: dict) -> ForgeflowError:
    with pytest.raises(ForgeflowError) as exc:
        call_tool(tool, args)
    assert 400 <= exc.value.status_code < 500, exc.value
    return exc.value


@pytest.mark.parametrize("raw", HOSTILE_PATHS)
def test_export_output_path_refuses_hostile_names(raw: str) -> None:
    dataset = _dataset()
    before = _files(_ws())
    _refused("export_dataset", {"dataset_id": dataset, "output_path": raw})
    assert _files(_ws()) == before and not (_ws().parent / "x.csv").exists()


@pytest.mark.parametrize("raw", HOSTILE_PATHS)
def test_anomaly_flagged_path_refuses_hostile_names_before_training(raw: str) -> None:
    orders().to_csv(_ws() / "orders.csv", index=False)
    before = _files(_ws())
    _refused("detect_anomalies", {"dataset": "orders.csv", "flagged_path": raw})
    assert _files(_ws()) == before  # no generator trained, no scores written
    assert not (_ws().parent / "x.csv").exists()


@pytest.mark.parametrize(
    "where",
    [
        {"a\x00b": "x"},
        {"region": "\ud800"},
        {"region": 2**63},
        {"region": -(2**63) - 1},
        {"../region": "North"},
        {"region": ["North"] * 21},
        {f"c{i}": 1 for i in range(11)},
    ],
)
@pytest.mark.parametrize("tool", ["inspect_dataset", "save_table", "preview_rows"])
def test_a_hostile_filter_is_a_4xx_on_every_tool_that_takes_it(tool: str, where: dict) -> None:
    frame = pd.DataFrame({"region": ["North", "South"] * 5, "n": range(10)})
    frame.to_csv(_ws() / "t.csv", index=False)
    before = _files(_ws())
    args = {"dataset": "t.csv", "where": where}
    if tool == "save_table":
        args["path"] = "out.csv"
    _refused(tool, args)
    assert _files(_ws()) == before
