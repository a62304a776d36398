"""Local dataset tools and path confinement."""

from __future__ import annotations

import io
import os
import tarfile
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from errors import BadInput, Forbidden, InvalidArguments, NotFound
from graphs.workflows import call_tool
from settings import get_settings
from store.workspace import resolve_path, safe_extract


def test_list_local_datasets_includes_bundled_and_files(home: Path) -> None:
    data = get_settings().data_dir
    pd.DataFrame({"text": ["a", "b"], "label": [0, 1]}).to_csv(data / "tweets.csv", index=False)
    pd.DataFrame({"x": [1.0]}).to_parquet(data / "nums.parquet")
    (data / "notes.txt").write_text("not a table")
    out = call_tool("list_local_datasets", {})
    ids = {item["id"] for item in out["datasets"]}
    assert {"breast_cancer", "iris", "wine", "digits", "diabetes"} <= ids
    titles = {item["title"] for item in out["datasets"]}
    assert {"tweets.csv", "nums.parquet"} <= titles
    assert "notes.txt" not in titles
    filtered = call_tool("list_local_datasets", {"query": "tweet"})
    assert [i["title"] for i in filtered["datasets"]] == ["tweets.csv"]


def test_inspect_bundled_dataset() -> None:
    out = call_tool("inspect_dataset", {"dataset": "breast_cancer", "sample_rows": 2})
    assert out["rows"] == 569
    assert out["label_column"] == "target"
    assert out["label_distribution"] == {"benign": 357, "malignant": 212}
    assert len(out["sample"]) == 2
    assert out["missing_total"] == 0
    assert {"name": "mean radius", "dtype": "float64", "missing": 0} in out["columns"]


def test_inspect_file_with_missing_values_and_named_label(home: Path) -> None:
    path = get_settings().data_dir / "people.jsonl"
    frame = pd.DataFrame({"age": [30, None, 41], "group": ["a", "b", "a"]})
    frame.to_json(path, orient="records", lines=True)
    out = call_tool("inspect_dataset", {"dataset": "people.jsonl", "label_column": "group"})
    assert out["rows"] == 3
    assert out["missing_total"] == 1
    assert out["label_distribution"] == {"a": 2, "b": 1}


def test_inspect_errors() -> None:
    with pytest.raises(NotFound) as missing:
        call_tool("inspect_dataset", {"dataset": "no_such_table.csv"})
    assert "list_local_datasets" in missing.value.hint
    with pytest.raises(BadInput) as column:
        call_tool("inspect_dataset", {"dataset": "iris", "label_column": "species"})
    assert "columns are:" in column.value.hint and "sepal length (cm)" in column.value.hint
    with pytest.raises(InvalidArguments) as bad:
        call_tool("inspect_dataset", {"dataset": "iris", "sample_rows": "many"})
    assert bad.value.details["errors"][0]["loc"] == "sample_rows"
    with pytest.raises(InvalidArguments):
        call_tool("inspect_dataset", {"dataset": "iris", "unknown": 1})


@pytest.mark.parametrize("raw", ["../outside.csv", "/etc/passwd", "a/../../b.csv", "x\x00y"])
def test_paths_outside_workspace_are_refused(raw: str) -> None:
    with pytest.raises((Forbidden, BadInput)):
        resolve_path(raw, for_write=True)


def test_symlink_out_of_workspace_is_refused(tmp_path: Path) -> None:
    ws = get_settings().workspace
    outside = tmp_path / "secret.csv"
    outside.write_text("a\n1\n")
    os.symlink(outside, ws / "link.csv")
    with pytest.raises(Forbidden):
        resolve_path("link.csv")
    inside = resolve_path("sub/new.csv", for_write=True)
    assert inside == ws / "sub" / "new.csv"


def test_inspect_refuses_traversal() -> None:
    with pytest.raises(Forbidden):
        call_tool("inspect_dataset", {"dataset": "../../../../etc/passwd.csv"})


def _zip_with(name: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("ok.txt", "fine")
        zf.writestr(name, "evil")
    return buf.getvalue()


@pytest.mark.parametrize("member", ["../evil.txt", "/abs/evil.txt", "a/../../evil.txt"])
def test_zip_traversal_extracts_nothing(tmp_path: Path, member: str) -> None:
    archive = tmp_path / "a.zip"
    archive.write_bytes(_zip_with(member))
    dest = tmp_path / "dest"
    with pytest.raises(Forbidden):
        safe_extract(archive, dest)
    assert not (dest / "ok.txt").exists()
    assert not (tmp_path / "evil.txt").exists()


def test_tar_with_symlink_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "a.tar"
    with tarfile.open(archive, "w") as tf:
        info = tarfile.TarInfo("link")
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        tf.addfile(info)
    with pytest.raises(Forbidden):
        safe_extract(archive, tmp_path / "dest")


def test_safe_extract_writes_good_archives_and_enforces_size(tmp_path: Path) -> None:
    archive = tmp_path / "good.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("data/train.csv", "a,b\n1,2\n")
    written = safe_extract(archive, tmp_path / "out")
    assert [p.name for p in written] == ["train.csv"]
    from errors import PayloadTooLarge

    with pytest.raises(PayloadTooLarge):
        safe_extract(archive, tmp_path / "out2", max_bytes=3)


def test_listing_keeps_run_outputs_apart_with_their_maker(home: Path) -> None:
    ws = get_settings().workspace
    (ws / "data").mkdir(parents=True, exist_ok=True)
    pd.DataFrame({"text": ["a b c", "d e f"] * 5, "label": ["x", "y"] * 5}).to_csv(
        ws / "data/reviews.csv", index=False
    )
    pd.DataFrame({"x": [1, 2]}).to_csv(get_settings().data_dir / "mine.csv", index=False)
    (ws / "models/m").mkdir(parents=True)
    pd.DataFrame({"x": [1]}).to_parquet(ws / "models/m/val.parquet")
    (ws / "predictions").mkdir()
    pd.DataFrame({"x": [1]}).to_parquet(ws / "predictions/legacy.parquet")  # no manifest line
    # A tool call notes what it wrote: save_table's file lands outside the output folders.
    call_tool("save_table", {"dataset": "data/reviews.csv", "path": "reviews_copy.csv"})
    from store import outputs

    outputs.record(["models/m"], tool="train_model", run_id="run_abc")
    out = call_tool("list_local_datasets", {})
    data = {d["id"]: d for d in out["datasets"]}
    made = {d["id"]: d for d in out["outputs"]}
    assert "data/reviews.csv" in data and "mine.csv" in data
    assert set(made) == {"models/m/val.parquet", "predictions/legacy.parquet", "reviews_copy.csv"}
    assert out["output_count"] == 3 and out["count"] == len(out["datasets"])
    assert made["models/m/val.parquet"]["tool"] == "train_model"
    assert made["models/m/val.parquet"]["run_id"] == "run_abc"
    assert made["reviews_copy.csv"]["tool"] == "save_table"
    assert made["predictions/legacy.parquet"]["tool"] is None
    # No absolute server path anywhere in the listing; every id loads by itself.
    text = str(out)
    assert str(home) not in text and "/tmp" not in text
    for item in [*out["datasets"], *out["outputs"]]:
        if item["source"] in ("local", "output"):
            assert not item["id"].startswith("/")
            call_tool("inspect_dataset", {"dataset": item["id"], "sample_rows": 0})
    # A file in the data folder is named relative to it everywhere, inspect included.
    assert call_tool("inspect_dataset", {"dataset": "mine.csv"})["dataset"] == "mine.csv"
    assert [d["id"] for d in call_tool("list_local_datasets", {"query": "review"})["datasets"]] == [
        "data/reviews.csv"
    ]


def test_tool_calls_note_their_outputs_for_the_listing(home: Path) -> None:
    from store import outputs

    ws = get_settings().workspace
    ws.mkdir(parents=True, exist_ok=True)
    frame = pd.DataFrame({"id": range(40), "a": [i % 7 for i in range(40)], "y": ["p", "q"] * 20})
    frame.to_csv(ws / "t.csv", index=False)
    from tools.base import ToolContext

    trained = call_tool(
        "train_model",
        {"dataset": "t.csv", "label_column": "y", "epochs": 2, "name": "tm"},
        ToolContext(run_id="run_t1"),
    )
    pred = call_tool(
        "predict",
        {"model": trained["model_path"], "dataset": "t.csv"},
        ToolContext(run_id="run_t2"),
    )
    assert outputs.made_by(trained["model_path"])["run_id"] == "run_t1"
    assert outputs.made_by(pred["predictions_path"]) == {
        **outputs.made_by(pred["predictions_path"]),
        "tool": "predict",
        "run_id": "run_t2",
    }
    listed = {d["id"]: d for d in call_tool("list_local_datasets", {})["outputs"]}
    assert listed[pred["predictions_path"]]["tool"] == "predict"
    assert "t.csv" in {d["id"] for d in call_tool("list_local_datasets", {})["datasets"]}
