"""The compatible training / generation / cleaning / files API against a real server process."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import pandas as pd
import pytest

from tests.utils.servers import ServerProcess
from tests.utils.training_data import breast_cancer_split, text_frame


@pytest.fixture
def data(server: ServerProcess) -> str:
    """A fresh folder in the server's workspace with train/test tables; returns its name."""
    folder = f"training-it-{uuid.uuid4().hex[:8]}"
    root = Path(server.env["FORGEFLOW_HOME"]) / "workspace" / folder
    root.mkdir(parents=True)
    train, test = breast_cancer_split()
    train.to_parquet(root / "bc_train.parquet", index=False)
    test.to_csv(root / "bc_test.csv", index=False)
    text = text_frame(160, seed=5)
    text.iloc[:120].to_csv(root / "posts_train.csv", index=False)
    text.iloc[120:].to_csv(root / "posts_test.csv", index=False)
    pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0], "label": ["a"] * 4}).to_csv(
        root / "one.csv", index=False
    )
    pd.DataFrame({"x": [], "label": []}).to_csv(root / "empty.csv", index=False)
    return folder


def test_config_then_train(server: ServerProcess, data: str) -> None:
    with server.client() as c:
        r = c.post(
            "/api/training/create-config",
            json={"labeled_data_path": f"{data}/bc_train.parquet", "epochs": 4},
        )
        assert r.status_code == 200, r.text
        config_path = r.json()["config_path"]
        assert r.json()["config"]["dataset"] == f"{data}/bc_train.parquet"
        r = c.post("/api/training/train-model", json={"config_path": config_path})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["status"] == "completed" and body["model_path"].startswith("models/")
        assert body["validation_metrics"]["auc"] > 0.9
        r = c.get("/api/files/download", params={"path": f"{body['model_path']}/config.json"})
        assert r.status_code == 200 and r.json()["classes"] == ["benign", "malignant"]


def test_run_pipeline_on_text_reports_utility(server: ServerProcess, data: str) -> None:
    with server.client() as c:
        r = c.post(
            "/api/training/run-pipeline",
            json={
                "labeled_data_path": f"{data}/posts_train.csv",
                "holdout_test_path": f"{data}/posts_test.csv",
                "target_utility_pct": 80,
                "max_attempts": 2,
                "epochs": 6,
            },
        )
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["target"] == {"metric": "f1_macro", "value": 0.8}
        assert body["attempts"] <= 2 and isinstance(body["target_met"], bool)
        assert body["utility_pct"] == pytest.approx(100 * body["test_metrics"]["f1_macro"], 0.01)
        assert body["columns"]["text"] == ["text"]


def test_background_job_reports_progress_and_result(server: ServerProcess, data: str) -> None:
    with server.client() as c:
        r = c.post(
            "/api/training/train-model",
            json={"labeled_data_path": f"{data}/bc_train.parquet", "epochs": 4, "background": True},
        )
        assert r.status_code == 200 and r.json()["status"] == "pending"
        job_id = r.json()["job_id"]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            job = c.get(f"/api/training/jobs/{job_id}").json()
            if job["status"] in ("completed", "failed"):
                break
            time.sleep(0.3)
        assert job["status"] == "completed", job
        assert job["progress"] == 100.0 and job["result"]["model_path"].startswith("models/")
        assert c.get("/api/training/jobs/job_nope").status_code == 404


def test_generation_and_anomalies(server: ServerProcess, data: str) -> None:
    with server.client() as c:
        r = c.post(
            "/api/generation/generate-data",
            json={
                "labeled_data_path": f"{data}/bc_train.parquet",
                "label": "malignant",
                "num_samples": 12,
                "epochs": 15,
                "output_path": f"{data}/syn.csv",
            },
        )
        assert r.status_code == 200, r.text
        assert r.json()["output_path"] == f"{data}/syn.csv"
        assert r.json()["class_counts"] == {"malignant": 12}
        generator = r.json()["generator"]["model_path"]
        r = c.post(
            "/api/cleaning/detect-anomalies",
            json={"data_path": f"{data}/bc_test.csv", "model_path": generator, "top_k": 5},
        )
        assert r.status_code == 200, r.text
        body = r.json()
        scores = [row["score"] for row in body["top"]]
        assert scores == sorted(scores, reverse=True) and body["max"] == scores[0]
        assert body["min"] <= body["mean"] <= body["max"]


def test_files_and_dataset_info(server: ServerProcess, data: str) -> None:
    with server.client() as c:
        r = c.get("/api/files/list", params={"path": data})
        assert r.status_code == 200
        names = {f["name"] for f in r.json()["files"]}
        assert {"bc_train.parquet", "bc_test.csv", "posts_train.csv"} <= names
        r = c.get("/api/files/download", params={"path": f"{data}/bc_test.csv"})
        assert r.status_code == 200 and r.content.startswith(b"id,")
        r = c.post("/api/dataset/info", json={"path": f"{data}/bc_test.csv"})
        assert r.status_code == 200 and r.json()["num_rows"] == 143
        assert r.json()["label_column"] == "target"


@pytest.mark.parametrize(
    ("method", "url", "payload", "status"),
    [
        ("get", "/api/files/download", {"path": "../forgeflow.db"}, 403),
        ("get", "/api/files/download", {"path": "/etc/passwd"}, 403),
        ("get", "/api/files/list", {"path": "../"}, 403),
        ("post", "/api/dataset/info", {"path": "../../etc/hosts.csv"}, 403),
        ("post", "/api/training/train-model", {"labeled_data_path": "/etc/passwd.csv"}, 403),
        ("post", "/api/training/train-model", {"labeled_data_path": "{d}/missing.csv"}, 404),
        (
            "post",
            "/api/training/train-model",
            {"labeled_data_path": "{d}/bc_train.parquet", "label_column": "nope"},
            400,
        ),
        ("post", "/api/training/train-model", {"labeled_data_path": "{d}/one.csv"}, 400),
        ("post", "/api/training/train-model", {"labeled_data_path": "{d}/empty.csv"}, 400),
        ("post", "/api/training/create-config", {"epochs": 3}, 400),
        (
            "post",
            "/api/training/run-pipeline",
            {"labeled_data_path": "{d}/posts_train.csv", "holdout_test_path": "/etc/x.csv"},
            403,
        ),
        ("post", "/api/cleaning/detect-anomalies", {"data_path": "{d}/one.csv"}, 400),
        ("post", "/api/generation/generate-data", {"num_samples": 5}, 400),
    ],
)
def test_bad_requests_get_flat_errors(
    server: ServerProcess, data: str, method: str, url: str, payload: dict, status: int
) -> None:
    filled = {k: v.replace("{d}", data) if isinstance(v, str) else v for k, v in payload.items()}
    with server.client() as c:
        if method == "get":
            r = c.get(url, params=filled)
        else:
            r = c.post(url, json=filled)
    assert r.status_code == status, r.text
    body = r.json()
    assert isinstance(body["error"], str) and body["hint"]
