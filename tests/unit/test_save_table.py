"""save_table: formats, output folders, refusal to overwrite, hostile paths."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from errors import BadInput, Conflict, Forbidden, ForgeflowError, InvalidArguments, NotFound
from graphs.workflows import call_tool
from settings import get_settings
from store import outputs


def _ws() -> Path:
    return get_settings().workspace


def _reviews() -> str:
    frame = pd.DataFrame(
        {"id": [1, 2, 3], "text": ["good", "bad, awful", "ok \u00e9"], "label": ["p", "n", None]}
    )
    _ws().mkdir(parents=True, exist_ok=True)
    frame.to_csv(_ws() / "reviews.csv", index=False)
    return "reviews.csv"


@pytest.mark.parametrize("name", ["out/r.csv", "out/r.jsonl", "out/r.parquet"])
def test_saves_every_format_by_suffix(name: str) -> None:
    src = _reviews()
    out = call_tool("save_table", {"dataset": src, "path": name})
    assert out["path"] == name
    assert out["rows"] == 3
    assert out["columns"] == ["id", "text", "label"]
    back, _ = __import__("tools.tabular", fromlist=["load_table"]).load_table(name)
    assert back["text"].tolist() == ["good", "bad, awful", "ok \u00e9"]
    assert back["label"].isna().sum() == 1
    assert outputs.made_by(name)["tool"] == "save_table"


def test_format_argument_adds_the_suffix_and_mismatch_is_refused() -> None:
    src = _reviews()
    out = call_tool("save_table", {"dataset": src, "path": "labeled", "format": "parquet"})
    assert out["path"] == "labeled.parquet"
    assert (_ws() / "labeled.parquet").is_file()
    with pytest.raises(BadInput) as exc:
        call_tool("save_table", {"dataset": src, "path": "x.csv", "format": "jsonl"})
    assert exc.value.code == "format_mismatch"
    with pytest.raises(BadInput) as exc:
        call_tool("save_table", {"dataset": src, "path": "x.txt"})
    assert exc.value.code == "unknown_format"


def test_refuses_to_overwrite_a_file_it_did_not_write() -> None:
    src = _reviews()
    before = (_ws() / src).read_bytes()
    with pytest.raises(Conflict) as exc:
        call_tool("save_table", {"dataset": src, "path": src})
    details = exc.value.details  # errors.consent_details: the file argument, not `overwrite`
    assert (details["reason"], details["argument"], details["existing"]) == (
        "consent",
        "path",
        [src],
    )
    assert (_ws() / src).read_bytes() == before  # nothing written
    # Its own file it may replace; the person's file only with overwrite=true.
    call_tool("save_table", {"dataset": src, "path": "copy.csv"})
    call_tool("save_table", {"dataset": src, "path": "copy.csv"})
    out = call_tool("save_table", {"dataset": "copy.csv", "path": src, "overwrite": True})
    assert out["rows"] == 3
    assert outputs.made_by(src)["tool"] == "save_table"


def test_refuses_another_tools_output_without_overwrite() -> None:
    src = _reviews()
    outputs.record(["predictions/p.csv"], tool="predict", run_id="run_x")
    (_ws() / "predictions").mkdir()
    (_ws() / "predictions/p.csv").write_text("a\n1\n")
    with pytest.raises(Conflict):
        call_tool("save_table", {"dataset": src, "path": "predictions/p.csv"})


def test_saves_the_main_table_of_an_output_folder() -> None:
    folder = _ws() / "labeling" / "run-1"
    folder.mkdir(parents=True)
    pd.DataFrame({"id": [1, 2], "label": ["a", "b"]}).to_parquet(folder / "labeled.parquet")
    (folder / "lf_summary.csv").write_text("name\nx\n")
    out = call_tool("save_table", {"dataset": "labeling/run-1", "path": "labeled.csv"})
    assert out["rows"] == 2
    assert out["dataset"] == "labeling/run-1/labeled.parquet"
    empty = _ws() / "empty"
    empty.mkdir()
    with pytest.raises(BadInput) as exc:
        call_tool("save_table", {"dataset": "empty", "path": "e.csv"})
    assert exc.value.details["argument"] == "dataset"


def test_missing_source_is_a_404_with_candidates() -> None:
    _reviews()
    with pytest.raises(NotFound) as exc:
        call_tool("save_table", {"dataset": "reveiws.csv", "path": "r.csv"})
    assert exc.value.details["candidates"] == ["reviews.csv"]
    assert not (_ws() / "r.csv").exists()


@pytest.mark.parametrize(
    "path",
    [
        "../escape.csv",
        "/etc/forgeflow.csv",
        "~/x.csv",
        "a/../../x.csv",
        "nul\x00.csv",
        "x" * 300 + ".csv",
        "out/",
    ],
)
def test_hostile_paths_are_refused(path: str) -> None:
    src = _reviews()
    with pytest.raises((Forbidden, BadInput, InvalidArguments)):
        call_tool("save_table", {"dataset": src, "path": path})
    assert not (_ws().parent / "escape.csv").exists()


def test_symlink_out_of_the_workspace_is_refused(tmp_path: Path) -> None:
    src = _reviews()
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, _ws() / "link")
    with pytest.raises(Forbidden):
        call_tool("save_table", {"dataset": src, "path": "link/x.csv"})
    assert not (outside / "x.csv").exists()


def test_writing_into_a_file_as_folder_is_refused() -> None:
    src = _reviews()
    with pytest.raises(ForgeflowError):
        call_tool("save_table", {"dataset": src, "path": "reviews.csv/x.csv"})


def test_without_a_path_it_converts_beside_the_source() -> None:
    (_ws() / "data").mkdir(parents=True)
    rows = pd.DataFrame({"order": [1, 2, 3], "total": [9.5, 3.0, 1.25]})
    rows.to_json(_ws() / "data" / "orders.jsonl", orient="records", lines=True)
    out = call_tool("save_table", {"dataset": "data/orders.jsonl", "format": "csv"})
    assert out["path"] == "data/orders.csv" and out["rows"] == 3
    assert pd.read_csv(_ws() / "data" / "orders.csv")["total"].tolist() == [9.5, 3.0, 1.25]
    bundled = call_tool("save_table", {"dataset": "iris", "format": "parquet"})
    assert bundled["path"] == "exports/iris.parquet" and bundled["rows"] == 150
    with pytest.raises(BadInput) as exc:
        call_tool("save_table", {"dataset": "data/orders.jsonl"})
    assert exc.value.details["argument"] == "format"
    # The same format as the source names the source itself: refused, nothing changed.
    before = (_ws() / "data" / "orders.jsonl").read_bytes()
    with pytest.raises(Conflict):
        call_tool("save_table", {"dataset": "data/orders.jsonl", "format": "jsonl"})
    assert (_ws() / "data" / "orders.jsonl").read_bytes() == before
