"""Regression over HTTP against a real server: a background train-model job, evaluate and
predict through /tools, and hostile targets answered as flat 4xx errors."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.utils.servers import ServerProcess


@pytest.fixture
def data(server: ServerProcess) -> str:
    """A fresh folder in the server's workspace with the diabetes table split in two."""
    from sklearn.datasets import load_diabetes

    folder = f"regression-it-{uuid.uuid4().hex[:8]}"
    root = Path(server.env["FORGEFLOW_HOME"]) / "workspace" / folder
    root.mkdir(parents=True)
    frame = load_diabetes(as_frame=True).frame
    frame.iloc[:340].to_csv(root / "train.csv", index=False)
    frame.iloc[340:].to_csv(root / "test.csv", index=False)
    frame.iloc[340:].drop(columns=["target"]).to_csv(root / "new.csv", index=False)
    n = 40
    base = pd.DataFrame({"x": np.arange(n, dtype=float), "z": np.arange(n) % 5})
    base.assign(y=[float("nan")] * n).to_csv(root / "all_nan.csv", index=False)
    base.assign(y=[f"v{i}" for i in range(n)]).to_csv(root / "words.csv", index=False)
    base.assign(y=[2**63 + i for i in range(n)]).to_csv(root / "huge.csv", index=False)
    return folder


def test_background_regression_job_then_evaluate_and_predict(
    server: ServerProcess, data: str
) -> None:
    with server.client() as c:
        r = c.post(
            "/api/training/train-model",
            json={
                "labeled_data_path": f"{data}/train.csv",
                "model_type": "linear",
                "epochs": 40,
                "target_metric": "MAE",
                "target_value": 500.0,
                "background": True,
            },
        )
        assert r.status_code == 200, r.text
        job_id = r.json()["job_id"]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            job = c.get(f"/api/training/jobs/{job_id}").json()
            if job["status"] in ("completed", "failed"):
                break
            time.sleep(0.3)
        assert job["status"] == "completed", job
        result = job["result"]
        assert result["task"] == "regression" and result["target"]["metric"] == "mae"
        assert result["target_met"] is True and result["attempts"] == 1
        model = result["model_path"]
        r = c.post("/tools/evaluate_model", json={"model": model, "dataset": f"{data}/test.csv"})
        assert r.status_code == 200, r.text
        evaluated = r.json()
        out = evaluated.get("output", evaluated)
        assert out["metrics"]["r2"] > 0.2 and out["metrics"]["mae"] < out["baseline"]["mae"]
        r = c.post(
            "/tools/predict",
            json={"model": model, "dataset": f"{data}/new.csv", "output": f"{data}/p.csv"},
        )
        assert r.status_code == 200, r.text
        download = c.get("/api/files/download", params={"path": f"{data}/p.csv"})
        assert download.status_code == 200
        header = download.text.splitlines()[0]
        assert header == "row,prediction"


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ("all_nan.csv", "no finite numeric value"),
        ("words.csv", "not a number"),
        ("huge.csv", "2**53"),
    ],
)
def test_hostile_regression_targets_are_flat_400s(
    server: ServerProcess, data: str, table: str, said: str
) -> None:
    with server.client() as c:
        r = c.post(
            "/api/training/train-model",
            json={
                "labeled_data_path": f"{data}/{table}",
                "label_column": "y",
                "task": "regression",
            },
        )
    assert r.status_code == 400, r.text
    body = r.json()
    assert said in body["error"] and body["hint"]
