"""No tool writes in forgeflow's own folder (`.forgeflow/`) or a hidden name of the workspace."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from errors import Forbidden
from graphs.workflows import call_tool
from settings import get_settings
from store import outputs
from store.workspace import resolve_path


def _ws() -> Path:
    return get_settings().workspace


def _reviews() -> str:
    _ws().mkdir(parents=True, exist_ok=True)
    pd.DataFrame({"id": [1, 2, 3], "text": ["good", "bad", "ok"]}).to_csv(
        _ws() / "reviews.csv", index=False
    )
    return "reviews.csv"


def _state() -> dict[str, bytes]:
    """Every file in `.forgeflow/` with its bytes."""
    folder = _ws() / ".forgeflow"
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def manifest() -> dict[str, bytes]:
    """A workspace with a table and a manifest that already names an output."""
    _reviews()
    outputs.record(["earlier.csv"], tool="save_table")
    os.symlink(_ws() / ".forgeflow", _ws() / "state")  # a link in the workspace leading in
    os.symlink(outputs.manifest_path(), _ws() / "manifest.jsonl")
    return _state()


@pytest.mark.parametrize(
    "path",
    [
        ".forgeflow/outputs.jsonl",
        "./.forgeflow/x.csv",
        "sub/../.forgeflow/outputs.jsonl",
        "state/outputs.jsonl",
        "manifest.jsonl",
    ],
)
def test_save_table_never_writes_in_forgeflows_folder_even_with_overwrite(
    manifest: dict[str, bytes], path: str
) -> None:
    with pytest.raises(Forbidden) as exc:
        call_tool("save_table", {"dataset": "reviews.csv", "path": path, "overwrite": True})
    assert exc.value.status_code == 403 and exc.value.code == "reserved_path"
    assert "forgeflow's own folder" in exc.value.message and exc.value.hint
    assert _state() == manifest
    assert not (_ws() / "sub").exists()


@pytest.mark.parametrize("path", [".x.csv", ".cache/x.csv", "out/.hidden/x.csv"])
def test_a_hidden_name_is_refused_for_writing_and_nothing_is_written(path: str) -> None:
    _reviews()
    before = sorted(p.relative_to(_ws()) for p in _ws().rglob("*"))
    with pytest.raises(Forbidden) as exc:
        call_tool("save_table", {"dataset": "reviews.csv", "path": path, "overwrite": True})
    assert exc.value.code == "reserved_path" and "hidden" in exc.value.message
    assert sorted(p.relative_to(_ws()) for p in _ws().rglob("*")) == before


def test_a_folder_writer_is_refused_in_forgeflows_folder_too(manifest: dict[str, bytes]) -> None:
    lf = {"name": "k", "kind": "keyword", "label": "a", "column": "text", "keywords": ["good"]}
    for folder in (".forgeflow", ".forgeflow/labeling", "state/labeling"):
        with pytest.raises(Forbidden) as exc:
            call_tool(
                "apply_labeling_functions",
                {
                    "dataset": "reviews.csv",
                    "classes": ["a", "b"],
                    "labeling_functions": [lf],
                    "output_dir": folder,
                },
            )
        assert exc.value.code == "reserved_path"
    assert _state() == manifest


def test_reading_hidden_files_and_recording_outputs_still_work(manifest: dict[str, bytes]) -> None:
    assert resolve_path(".forgeflow/outputs.jsonl", must_exist=True) == outputs.manifest_path()
    (_ws() / ".cache").mkdir()
    pd.DataFrame({"a": [1, 2]}).to_csv(_ws() / ".cache" / "t.csv", index=False)
    out = call_tool("save_table", {"dataset": ".cache/t.csv", "path": "t.parquet"})
    assert out["rows"] == 2 and (_ws() / "t.parquet").is_file()
    assert outputs.made_by("t.parquet")["tool"] == "save_table"  # the manifest was appended to
    assert outputs.made_by("earlier.csv")["tool"] == "save_table"
