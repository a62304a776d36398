"""Hostile input through the app in-process: every listed crash is a 4xx that changes nothing."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from settings import get_settings

LONE = "\ud800"


@pytest.fixture
def client(home: Path) -> Iterator[TestClient]:
    """The real app without its lifespan; server errors come back as 500s, not exceptions."""
    from graphs.runner import get_manager, reset_managers
    from server import app

    yield TestClient(app, raise_server_exceptions=False)
    get_manager().shutdown()
    reset_managers()


def post_raw(client: TestClient, path: str, payload: object) -> object:
    """POST JSON with the surrogate kept as an escape (json.dumps writes \\ud800)."""
    body = json.dumps(payload).encode()
    return client.post(path, content=body, headers={"content-type": "application/json"})


def workspace() -> Path:
    return get_settings().workspace


# -- lone surrogates anywhere in input -----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("/generate", {"goal": f"label {LONE} data"}),
        (
            "/v1/chat/completions",
            {"model": "forgeflow", "messages": [{"role": "user", "content": LONE}]},
        ),
        ("/threads/t1/runs/wait", {"assistant_id": "forgeflow", "input": {"goal": LONE}}),
        ("/tools/inspect_dataset", {"dataset": f"data{LONE}.csv"}),
        ("/api/dataset/info", {"path": LONE}),
        (
            "/api/labeling/create-labels",
            {
                "data_path": "a.csv",
                "output_path": LONE,
                "labeling_functions": [{"name": "a", "code": "x"}],
            },
        ),
        ("/api/v1/projects", {"name": LONE}),
    ],
)
def test_lone_surrogates_are_refused_with_a_4xx_and_nothing_is_stored(
    client: TestClient, path: str, payload: dict
) -> None:
    r = post_raw(client, path, payload)
    assert r.status_code == 400, r.text
    assert "surrogate" in r.text
    assert client.get("/runs").json().get("runs", []) == []


def test_a_body_without_content_type_is_checked_too(client: TestClient) -> None:
    r = client.post("/generate", content=json.dumps({"goal": LONE}).encode())
    assert r.status_code == 400 and "surrogate" in r.text


def test_a_surrogate_pair_is_fine_and_the_check_is_skipped_for_plain_bodies(
    client: TestClient,
) -> None:
    r = post_raw(client, "/tools/inspect_dataset", {"dataset": "\U0001f600.csv"})
    assert r.status_code == 404  # a valid (if odd) name that does not exist


def test_surrogates_reach_no_sink_through_other_surfaces() -> None:
    from errors import BadInput, InvalidArguments
    from graphs.workflows import call_tool
    from store.workspace import resolve_path

    with pytest.raises(InvalidArguments):
        call_tool("inspect_dataset", {"dataset": LONE})  # MCP stdio, CLI, LLM tool calls
    with pytest.raises(BadInput):
        resolve_path(f"a{LONE}")  # JSON inside a form field, file names from archives


# -- integers past 64 bits as ids -------------------------------------------------------------------

BIG = 2**63


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", f"/api/v1/projects/{BIG}", None),
        ("post", f"/api/v1/projects/{BIG}/documents", {"paths": ["a.md"]}),
        ("get", f"/api/v1/projects/{BIG}/documents", None),
        ("post", f"/api/v1/projects/{BIG}/chunks", None),
        ("get", f"/api/v1/projects/{BIG}/chunks", None),
        ("get", f"/api/v1/datasets/parameters/{BIG}", None),
        ("post", "/api/v1/datasets/parameters", {"project_id": BIG}),
        ("post", "/api/v1/datasets/generate", {"project_id": BIG}),
        ("get", f"/api/v1/datasets?project_id={BIG}", None),
        ("post", "/tools/chunk_documents", {"project_id": BIG}),
    ],
)
def test_ids_past_64_bits_are_a_4xx(client: TestClient, method: str, path: str, body) -> None:
    r = client.request(method, path, json=body)
    assert 400 <= r.status_code < 500, r.text


# -- other crashes that are 4xx now ------------------------------------------------------------------


def test_thread_history_with_a_bad_limit_is_422(client: TestClient) -> None:
    thread = client.post("/threads", json={}).json()["thread_id"]
    assert client.get(f"/threads/{thread}/history?limit=abc").status_code == 422
    assert client.post(f"/threads/{thread}/history", json={"limit": "x"}).status_code == 422
    assert client.get(f"/threads/{thread}/history?limit=5").status_code == 200


def test_create_labels_into_a_folder_is_refused(client: TestClient) -> None:
    pd.DataFrame({"id": [1, 2], "text": ["a", "b"]}).to_csv(workspace() / "d.csv", index=False)
    (workspace() / "out").mkdir()
    body = {
        "data_path": "d.csv",
        "output_path": "out",
        "labeling_functions": [
            {"name": "a", "kind": "keyword", "label": "x", "column": "text", "keywords": ["a"]},
            {"name": "b", "kind": "keyword", "label": "y", "column": "text", "keywords": ["b"]},
        ],
    }
    r = client.post("/api/labeling/create-labels", json=body)
    assert r.status_code == 400 and r.json()["code"] == "output_is_folder"
    assert (workspace() / "out").is_dir() and not any((workspace() / "out").iterdir())


@pytest.mark.parametrize("path", ["~root/x.csv", "~/x.csv", "~nosuchuser/x.csv"])
def test_tilde_paths_are_refused_not_expanded(client: TestClient, path: str) -> None:
    r = client.post("/api/dataset/info", json={"path": path})
    assert r.status_code == 403 and "~" in r.text
    r = client.post("/tools/inspect_dataset", json={"dataset": path})
    assert r.status_code in (403, 404)


def test_names_too_long_for_the_os_are_a_4xx(client: TestClient) -> None:
    assert client.get("/api/files/download", params={"path": "a" * 300}).status_code == 400
    assert client.post("/tools/inspect_dataset", json={"dataset": "b/" * 2100}).status_code == 400
    assert client.post("/api/dataset/info", json={"path": "a" * 300}).status_code == 404


def test_qa_document_upload_validates_its_json(client: TestClient) -> None:
    project = client.post("/api/v1/projects", json={"name": "p"}).json()["id"]
    url = f"/api/v1/projects/{project}/documents"
    headers = {"content-type": "application/json"}
    assert client.post(url, content=b'{"paths": [', headers=headers).status_code == 422
    assert client.post(url, json={"paths": "docs/a.md"}).status_code == 422
    form = client.post(url, files={"paths": (None, '["a", {"b": 1}]')})
    assert form.status_code == 400


# -- the logging configuration -----------------------------------------------------------------------


def test_the_root_logger_has_only_our_handler_after_the_app_and_mcp(client: TestClient) -> None:
    from api.mcp import build_mcp_server
    from logs import ForgeflowHandler, LineFormatter

    build_mcp_server()  # the mcp package installs a Rich handler when it finds none
    from logs import configure_logging

    configure_logging()
    handlers = logging.getLogger().handlers
    ours = [h for h in handlers if isinstance(h, ForgeflowHandler)]
    others = [h for h in handlers if not isinstance(h, ForgeflowHandler)]
    # pytest's own capture handlers may sit there during a test; no library's handler does.
    assert len(ours) == 1 and isinstance(ours[0].formatter, LineFormatter)
    assert not [h for h in others if type(h).__module__.split(".")[0] in ("rich", "mcp")]


def test_an_unhandled_error_is_a_plain_500_and_one_cheap_log_line(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from logs import ForgeflowHandler

    lines: list[str] = []
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, ForgeflowHandler))
    monkeypatch.setattr(handler, "emit", lambda record: lines.append(handler.format(record)))

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("api.health.all_tools", boom)
    r = client.get("/health")
    assert r.status_code == 500 and "a bug" not in r.text
    errors = [line for line in lines if '"level": "ERROR"' in line]
    assert len(errors) == 1 and "\n" not in errors[0]
    logged = json.loads(errors[0])
    assert logged["level"] == "ERROR" and logged["exc"] == "RuntimeError: a bug"
    assert any("health.py" in frame for frame in logged["trace"])


def test_serve_binds_loopback_unless_host_says_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import uvicorn
    from typer.testing import CliRunner

    import cli

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: calls.append(kw))
    monkeypatch.setenv("FORGEFLOW_API_KEYS", "k1")
    from settings import reset_settings

    reset_settings()
    runner = CliRunner()
    assert runner.invoke(cli.app, ["serve"]).exit_code == 0
    assert runner.invoke(cli.app, ["serve", "--host", "0.0.0.0"]).exit_code == 0
    assert [c["host"] for c in calls] == ["127.0.0.1", "0.0.0.0"]
    os.environ.pop("FORGEFLOW_API_KEYS", None)
    reset_settings()
