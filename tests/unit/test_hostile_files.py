"""Hostile paths and downloads: no folder is lost, no link leads out, no copy is handed over."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from errors import BadInput, Forbidden
from graphs.workflows import call_tool
from settings import get_settings
from store import datasets as dataset_store
from tests.unit.test_datasets_hf import GLUE_CARD, glue_files, hub, hub_server  # noqa: F401
from tests.utils.fake_hub import FakeHub
from tools.base import ToolContext


def ws() -> Path:
    return get_settings().workspace


def run(name: str, args: dict[str, Any], **ctx: Any) -> dict[str, Any]:
    return call_tool(name, args, ToolContext(**ctx))


def user_files() -> dict[str, bytes]:
    """Files a person keeps in the workspace that no download may touch."""
    (ws() / "models" / "clf").mkdir(parents=True)
    (ws() / "models" / "clf" / "model.safetensors").write_bytes(b"weights")
    (ws() / "notes.txt").write_text("mine")
    return {str(p.relative_to(ws())): p.read_bytes() for p in ws().rglob("*") if p.is_file()}


def still_there(files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        assert (ws() / rel).read_bytes() == data, f"{rel} was lost"


# -- High 1: a download owns its folder ---------------------------------------------------------


@pytest.mark.parametrize("path", [".", "models", "models/clf", "notes.txt"])
def test_a_download_refuses_a_folder_it_does_not_own(hub: FakeHub, path: str) -> None:  # noqa: F811
    mine = user_files()
    with pytest.raises(BadInput) as err:
        run(
            "download_dataset",
            {"source": "huggingface", "dataset_id": "nyu-mll/glue", "path": path},
        )
    assert err.value.code == "folder_not_empty"
    still_there(mine)
    assert dataset_store.list_records() == []


def test_deleting_a_record_removes_only_what_its_download_wrote(hub: FakeHub) -> None:  # noqa: F811
    mine = user_files()
    (ws() / "empty").mkdir()
    into_empty = run(
        "download_dataset", {"source": "huggingface", "dataset_id": "nyu-mll/glue", "path": "empty"}
    )
    fresh = run(
        "download_dataset",
        {"source": "huggingface", "dataset_id": "stanfordnlp/imdb", "path": "dl/imdb"},
    )
    (ws() / "dl" / "imdb" / "added-later.txt").write_text("the user's")
    dataset_store.delete_record(into_empty["dataset"]["id"])
    dataset_store.delete_record(fresh["dataset"]["id"])
    still_there(mine)
    assert (ws() / "empty").is_dir() and not any((ws() / "empty").iterdir())
    assert [p.name for p in (ws() / "dl" / "imdb").rglob("*")] == ["added-later.txt"]


def test_a_forced_download_gets_its_own_folder(hub: FakeHub) -> None:  # noqa: F811
    args = {"source": "huggingface", "dataset_id": "nyu-mll/glue"}
    first = run("download_dataset", args)
    second = run("download_dataset", {**args, "force": True})
    assert first["path"] != second["path"]
    dataset_store.delete_record(first["dataset"]["id"])
    assert not (ws() / first["path"]).exists()
    kept = [f["path"] for f in second["dataset"]["files"]]
    assert kept and all((ws() / second["path"] / f).is_file() for f in kept)


def test_an_old_record_naming_the_workspace_deletes_only_its_files() -> None:
    mine = user_files()
    (ws() / "x.csv").write_text("a\n1\n")
    record = dataset_store.save_record(
        source="huggingface",
        dataset_id="a/b",
        config="",
        revision="",
        requested_revision="",
        path=".",
        files=[{"path": "x.csv", "size": 4}],
        size_bytes=4,
        rows=1,
        meta={},
    )
    dataset_store.delete_record(record["id"])
    assert not (ws() / "x.csv").exists()
    still_there(mine)


# -- Low: a cached download is not handed to a caller the source refuses ------------------------


def test_a_copy_is_not_handed_to_a_caller_the_source_refuses(hub: FakeHub) -> None:  # noqa: F811
    hub.granted["acme/gated-set"] = {"alice"}
    args = {"source": "huggingface", "dataset_id": "acme/gated-set"}
    run("download_dataset", args, credentials={"hf_token": "hf_good_token"})
    with pytest.raises(Forbidden):
        run("download_dataset", args)  # anonymous: the Hub says gated
    again = run("download_dataset", args, credentials={"hf_token": "hf_good_token"})
    assert again["reused"] and "other credentials" not in again["message"]


def test_a_copy_made_with_other_credentials_says_so(hub: FakeHub) -> None:  # noqa: F811
    args = {"source": "huggingface", "dataset_id": "stanfordnlp/imdb"}
    run("download_dataset", args, credentials={"hf_token": "hf_good_token"})
    anonymous = run("download_dataset", args)
    assert anonymous["reused"] and "other credentials" in anonymous["message"]


# -- Medium 5: links leading out are refused, by path or by bare name ---------------------------


@pytest.fixture
def outside_link(tmp_path: Path) -> Iterator[Path]:
    """`innocent.csv` in the data folder and `linked.csv` in the workspace, both pointing out."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.csv"
    secret.write_text("id,text,label\n1,top secret,a\n2,more,b\n")
    data = get_settings().data_dir
    os.symlink(secret, data / "innocent.csv")
    os.symlink(secret, ws() / "linked.csv")
    os.symlink(outside, data / "folder")
    yield secret


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        ("inspect_dataset", {"dataset": "innocent"}),
        ("inspect_dataset", {"dataset": "innocent.csv"}),
        ("inspect_dataset", {"dataset": "linked.csv"}),
        ("inspect_dataset", {"dataset": "folder/secret.csv"}),
        (
            "apply_labeling_functions",
            {
                "dataset": "innocent",
                "classes": ["a", "b"],
                "labeling_functions": [
                    {
                        "name": "k",
                        "kind": "keyword",
                        "label": "a",
                        "column": "text",
                        "keywords": ["x"],
                    }
                ],
            },
        ),
        (
            "apply_labeling_functions",
            {
                "dataset": "breast_cancer",
                "gold": "innocent",
                "classes": ["a", "b"],
                "labeling_functions": [
                    {
                        "name": "k",
                        "kind": "threshold",
                        "label": "a",
                        "column": "mean radius",
                        "op": ">",
                        "value": 1,
                    }
                ],
            },
        ),
        (
            "train_model",
            {
                "dataset": "breast_cancer",
                "label_column": "target",
                "test_dataset": "innocent",
                "epochs": 1,
            },
        ),
    ],
)
def test_a_link_leading_out_is_refused_for_every_argument(
    outside_link: Path, tool: str, args: dict[str, Any]
) -> None:
    with pytest.raises(Forbidden) as err:
        run(tool, args)
    assert err.value.code == "path_outside_workspace"


def test_http_routes_refuse_links_leading_out(outside_link: Path) -> None:
    from server import app

    client = TestClient(app, raise_server_exceptions=False)
    answers = [
        client.post("/api/dataset/info", json={"path": "innocent"}),
        client.post("/api/training/create-config", json={"labeled_data_path": "innocent"}),
        client.post("/api/cleaning/detect-anomalies", json={"data_path": "innocent"}),
        client.post("/tools/inspect_dataset", json={"dataset": "innocent.csv"}),
    ]
    for r in answers:
        assert r.status_code == 403, r.text
        assert "top secret" not in r.text


def test_listings_leave_out_links_leading_out(outside_link: Path) -> None:
    pd.DataFrame({"a": [1]}).to_csv(get_settings().data_dir / "ok.csv", index=False)
    listed = [d["title"] for d in run("list_local_datasets", {})["datasets"]]
    assert "ok.csv" in listed and "innocent.csv" not in listed and "linked.csv" not in listed


@pytest.mark.parametrize(
    "raw",
    [
        "..",
        "../..",
        "/etc",
        "~root",
        "runs\x00x",
        "runs\ud800",
        str(2**63),
        "out_link",
        "runs/a.csv",
    ],
)
def test_a_workspace_folder_check_refuses_what_resolve_path_refuses(raw: str) -> None:
    from store.workspace import is_workspace_folder, workspace_root

    root = workspace_root()
    (root / "runs").mkdir(parents=True, exist_ok=True)
    (root / "runs" / "a.csv").write_text("a\n1\n")
    link = root / "out_link"
    if not link.is_symlink():
        link.symlink_to("/tmp", target_is_directory=True)  # a link out of the workspace
    assert is_workspace_folder("runs") is True
    assert is_workspace_folder(raw) is False
