"""The console's HTTP side on a real server: the open shell, offline docs assets, the files
route, the workbench routes, and hostile input on each."""

from __future__ import annotations

import os
import re
from pathlib import Path

import httpx

from server import GuardMiddleware
from tests.utils.servers import ServerProcess


def test_shell_and_docs_are_served_locally_with_a_strict_csp(server: ServerProcess) -> None:
    with server.client() as c:
        page = c.get("/")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        csp = page.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        for asset in re.findall(r'(?:src|href)="([^"#][^"]*)"', page.text):
            assert asset.startswith("/"), asset  # nothing from another origin
            assert c.get(asset).status_code == 200, asset
        for doc in ("/docs", "/redoc"):
            html = c.get(doc).text
            assert "http://" not in html and "https://" not in html
            for asset in re.findall(r'(?:src|href)="([^"]+)"', html):
                response = c.get(asset)
                assert response.status_code == 200 and len(response.content) > 100, asset
        spec = c.get("/openapi.json").json()
        for path in ("/labeling/workbench", "/labeling/workbench/rows", "/files", "/data/preview"):
            assert path in spec["paths"]


def test_files_route_confines_paths_and_never_renders_html(
    server: ServerProcess, tmp_path: Path
) -> None:
    home = Path(server.env["FORGEFLOW_HOME"])
    ws = home / "workspace"
    (ws / "web").mkdir(parents=True, exist_ok=True)
    (ws / "web" / "page.html").write_text("<script>alert(1)</script>")
    (ws / "web" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    secret = tmp_path / "secret.txt"
    secret.write_text("no")
    link = ws / "web" / "out"
    if not link.exists():
        os.symlink(tmp_path, link)
    with server.client() as c:
        html = c.get("/files", params={"path": "web/page.html"})
        assert html.status_code == 200
        assert html.headers["content-type"] == "application/octet-stream"
        assert html.headers["content-disposition"].startswith("attachment")
        assert html.headers["content-security-policy"] == "default-src 'none'"
        png = c.get("/files", params={"path": "web/chart.png"})
        assert png.headers["content-type"] == "image/png"
        assert png.headers["content-disposition"].startswith("inline")
        assert (
            c.get("/files", params={"path": "web/chart.png", "download": "true"})
            .headers["content-disposition"]
            .startswith("attachment")
        )
        for bad in ("../forgeflow.db", str(secret), "web/out/secret.txt", "~root/.bashrc"):
            response = c.get("/files", params={"path": bad})
            assert response.status_code == 403, (bad, response.text)
            assert response.json()["error"]["code"] == "path_outside_workspace"
        assert c.get("/files", params={"path": "web\x00x"}).status_code == 400
        assert c.get("/files?path=web/%ED%A0%80").status_code in (400, 404)
        assert c.get("/files", params={"path": "web"}).status_code == 400
        assert c.get("/files", params={"path": "nope.png"}).status_code == 404
        assert c.get("/files", params={"path": "x" * 2000}).status_code == 422


def test_data_preview_route(server: ServerProcess) -> None:
    with server.client() as c:
        ok = c.get("/data/preview", params={"dataset": "iris", "offset": 148, "limit": 5}).json()
        assert ok["total"] == 150 and len(ok["rows"]) == 2
        assert (
            c.get("/data/preview", params={"dataset": "iris", "offset": 2**63}).status_code == 422
        )
        assert c.get("/data/preview", params={"dataset": "/etc/passwd"}).status_code in (403, 404)
        assert c.get("/data/preview", params={"dataset": "../../x.csv"}).status_code in (403, 404)
        first = {"dataset": "iris", "limit": 3, "sort_by": "sepal length (cm)", "descending": True}
        top = c.get("/data/preview", params=first).json()
        assert [r[:2] for r in top["rows"]] == [
            [131, 7.9],
            [117, 7.7],
            [118, 7.7],
        ]  # ties: file order
        assert top["sorted"]["descending"] is True
        for bad in ("sepal", "a\x00b", "x" * 301, ""):
            response = c.get("/data/preview", params={"dataset": "iris", "sort_by": bad})
            assert response.status_code in (400, 422), (bad, response.text)
        assert c.get("/data/preview?dataset=iris&sort_by=%ED%A0%80").status_code in (400, 422)
        sideways = {"dataset": "iris", "sort_by": "target", "descending": "sideways"}
        assert c.get("/data/preview", params=sideways).status_code == 422
        # descending with no sort_by is the tool's 400 (it was dropped: rows in file order)
        alone = c.get("/data/preview", params={"dataset": "iris", "descending": True})
        assert alone.status_code == 400, alone.text
        assert "sort_by" in alone.json()["error"]["message"]
        assert alone.json()["error"]["hint"]
        plain = c.get("/data/preview", params={"dataset": "iris", "descending": False})
        assert plain.status_code == 200 and "sorted" not in plain.json()


def test_workbench_routes_refuse_what_is_not_a_labeling_run(server: ServerProcess) -> None:
    with server.client() as c:
        assert c.post("/labeling/workbench", json={}).status_code == 400
        both = c.post("/labeling/workbench", json={"run_id": "run_x", "labeling_dir": "a"})
        assert both.status_code == 400
        assert c.post("/labeling/workbench", json={"run_id": "run_nope"}).status_code == 404
        assert c.post("/labeling/workbench", json={"run_id": "../../x"}).status_code == 422
        done = c.post("/generate", json={"goal": "inspect iris"}).json()
        refused = c.post("/labeling/workbench", json={"run_id": done["run_id"]})
        assert refused.status_code == 404
        assert refused.json()["error"]["code"] == "not_a_labeling_run"
        outside = c.post("/labeling/workbench", json={"labeling_dir": "../.."})
        assert outside.status_code == 403
        assert c.get("/labeling/workbench/rows", params={"labeling_dir": "/etc"}).status_code == 403
        rows = c.get("/labeling/workbench/rows", params={"labeling_dir": "x", "offset": -1})
        assert rows.status_code == 422
        bad = c.post(
            "/labeling/workbench/apply", json={"labeling_dir": "x", "labeling_functions": "no"}
        )
        assert bad.status_code == 422
        corr = c.post(
            "/labeling/workbench/corrections",
            json={"labeling_dir": "../x", "corrections": [{"id": 1, "label": "a"}]},
        )
        assert corr.status_code == 403
        exp = c.post("/labeling/workbench/export", json={"labeling_dir": "x", "format": "xlsx"})
        assert exp.status_code == 422


def test_the_guard_opens_the_shell_but_no_data(make_server) -> None:  # noqa: ANN001
    proc = make_server({"FORGEFLOW_API_KEYS": "k1"})
    for path in ("/", "/docs", "/redoc", "/static/console/app.js", "/static/docs/swagger-ui.css"):
        assert httpx.get(proc.url + path).status_code == 200, path
    for path in (
        "/openapi.json",
        "/runs",
        "/threads",
        "/files?path=x.png",
        "/data/preview?dataset=iris",
    ):
        assert httpx.get(proc.url + path).status_code == 401, path
    assert httpx.post(proc.url + "/labeling/workbench", json={}).status_code == 401
    headers = {"Authorization": "Bearer k1"}
    assert httpx.get(proc.url + "/openapi.json", headers=headers).status_code == 200


def test_open_prefixes_never_let_dot_segments_through() -> None:
    guard = GuardMiddleware(lambda *a: None, frozenset({"/"}), ("/static/console/",))
    assert guard._is_open("/static/console/app.js")
    assert not guard._is_open("/static/console/../../runs")
    assert not guard._is_open("/static/console/%2e%2e/runs".replace("%2e", "."))
    assert not guard._is_open("/static/console\\..\\runs")
    assert not guard._is_open("/runs") and not guard._is_open("/static/consolex/a")


def test_workbench_actions_are_runs(server: ServerProcess) -> None:
    from tools.tabular import write_sample_task

    home = Path(server.env["FORGEFLOW_HOME"])
    write_sample_task(home / "workspace" / "wbrun", hand_labels=40)
    lfs = [
        {"name": "small", "label": "benign", "kind": "threshold", "column": "mean radius"}
        | {"op": "<=", "value": 13.0},
        {"name": "big", "label": "malignant", "kind": "threshold", "column": "mean radius"}
        | {"op": ">", "value": 16.0},
    ]
    # A generous timeout: the labeling call runs a real (small) loop on a shared machine.
    with httpx.Client(base_url=server.url, timeout=600) as c:
        made = c.post(
            "/tools/label_dataset",
            json={
                "dataset": "wbrun/bc_pool.csv",
                "label_column": "label",
                "labeling_functions": lfs,
                "max_attempts": 1,
                "end_model": False,
                "output_dir": "labeling/wbrun",
            },
        )
        assert made.status_code == 200, made.text
        folder = "labeling/wbrun"
        opened = c.post("/labeling/workbench", json={"labeling_dir": folder}).json()
        assert opened["version"] == 0
        # Re-apply, correct and export answer as before, each with the run that did it.
        applied = c.post(
            "/labeling/workbench/apply",
            json={"labeling_dir": folder, "labeling_functions": lfs[:1]},
        )
        assert applied.status_code == 200, applied.text
        assert applied.json()["version"] == 1
        row = c.get("/labeling/workbench/rows", params={"labeling_dir": folder}).json()["rows"][0]
        fixed = c.post(
            "/labeling/workbench/corrections",
            json={"labeling_dir": folder, "corrections": [{"id": row["id"], "label": "benign"}]},
        ).json()
        assert fixed["corrected"]
        exported = c.post(
            "/labeling/workbench/export", json={"labeling_dir": folder, "format": "csv"}
        ).json()
        assert exported["path"].endswith(".csv") and exported["rows"] == 398
        runs = {r["run_id"]: r for r in c.get("/runs", params={"limit": 100}).json()["runs"]}
        for out, tool in (
            (applied.json(), "reapply_labeling_functions"),
            (fixed, "correct_labels"),
            (exported, "export_labeled_data"),
        ):
            assert out["action_run_id"] in runs, tool
            assert runs[out["action_run_id"]]["status"] == "completed"
            assert runs[out["action_run_id"]]["source"] == "console"
            assert tool in str(runs[out["action_run_id"]])
        # A refused action is a failed run with the tool's 4xx, not a 500.
        refused = c.post(
            "/labeling/workbench/corrections",
            json={"labeling_dir": folder, "corrections": [{"id": "no-such-id", "label": "x"}]},
        )
        assert 400 <= refused.status_code < 500, refused.text
        # The listing shows the labeled output apart from the person's data, with its maker.
        listing = c.post("/tools/list_local_datasets", json={}).json()["output"]
        data_ids = {d["id"] for d in listing["datasets"]}
        made_by = {d["id"]: d for d in listing["outputs"]}
        assert "wbrun/bc_pool.csv" in data_ids
        assert (
            f"{folder}/labeled.parquet" in made_by and f"{folder}/labeled.parquet" not in data_ids
        )
        assert made_by[f"{folder}/labeled.parquet"]["tool"] == "label_dataset"
        assert made_by[f"{folder}/labeled.parquet"]["run_id"] == made.json()["run_id"]
        assert exported["path"] in made_by
        assert str(home) not in str(listing)
