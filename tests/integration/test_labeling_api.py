"""The compatible labeling API through the real server: create-labels (sandboxed code), run-pipeline."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from tests.utils.servers import ServerProcess
from tools.labeling.sandbox import sandbox_status

ATTACKS = {
    "passwd": "def passwd(x):\n    return 1 if open('/etc/passwd').read() else 0",
    "forkbomb": "import os\ndef forkbomb(x):\n    while True:\n        os.fork()",
    "membomb": "def membomb(x):\n    return len('x' * (16 * 1024**3))",
    "loop": "def loop(x):\n    while True:\n        pass",
    "net": "import socket\ndef net(x):\n    socket.create_connection(('127.0.0.1', 80), timeout=1)\n"
    "    return 1",
    "system": "import os\ndef system(x):\n    return 1 if os.system('true') == 0 else 0",
}


def workspace(server: ServerProcess) -> Path:
    path = Path(server.env["FORGEFLOW_HOME"]) / "workspace"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.mark.skipif(not sandbox_status()[0], reason="bubblewrap sandbox unavailable here")
def test_create_labels_contains_attacks_and_the_server_keeps_serving(server: ServerProcess) -> None:
    ws = workspace(server)
    pd.DataFrame(
        {"id": range(60), "text": ["great fun" if i % 3 else "dull and slow" for i in range(60)]}
    ).to_csv(ws / "reviews.csv", index=False)
    lfs = [
        {"name": "great", "code": "def great(x):\n    return 1 if 'great' in x.text else ABSTAIN"},
        {"name": "dull", "code": "def dull(x):\n    return 0 if 'dull' in x.text else -1"},
        *({"name": k, "code": v} for k, v in ATTACKS.items()),
    ]
    answers: list = []

    def call() -> None:
        with server.client() as c:
            answers.append(
                c.post(
                    "/api/labeling/create-labels",
                    json={
                        "data_path": "reviews.csv",
                        "output_path": "out/labeled.csv",
                        "labeling_functions": lfs,
                        "timeout_s": 1.5,
                    },
                )
            )

    worker = threading.Thread(target=call)
    worker.start()
    health = []
    with server.client() as c:
        while worker.is_alive():
            health.append(c.get("/health", timeout=10).status_code)
            time.sleep(0.2)
    worker.join()
    assert health and set(health) == {200}, "the server stopped answering during the attacks"
    response = answers[0]
    assert response.status_code == 200, response.text
    body = response.json()
    errors = {e["name"]: e["reason"] for e in body["errors"]}
    assert set(errors) == set(ATTACKS) - {"system"}
    assert "FileNotFoundError" in errors["passwd"] and "timed out" in errors["loop"]
    assert "PermissionError" in errors["forkbomb"] and "MemoryError" in errors["membomb"]
    out = pd.read_csv(ws / "out" / "labeled.csv")
    assert out["lf_great"].tolist()[:3] == [-1, 1, 1] and out["lf_dull"].tolist()[:2] == [0, -1]
    assert set(out["lf_system"]) == {0}  # os.system ran but could not start a process
    assert out["label"].tolist()[0] == 0  # majority vote of dull (0) and system (0)
    assert body["rows"] == 60 and body["labeled_rows"] == 60
    with server.client() as c:
        assert c.get("/health").status_code == 200


def test_create_labels_errors_are_flat_and_paths_confined(server: ServerProcess) -> None:
    ws = workspace(server)
    pd.DataFrame({"id": [1], "text": ["a"]}).to_csv(ws / "one.csv", index=False)
    with server.client() as c:
        outside = c.post(
            "/api/labeling/create-labels",
            json={
                "data_path": "../../etc/passwd",
                "output_path": "x.csv",
                "labeling_functions": [{"name": "a", "code": "def a(x):\n    return 1"}],
            },
        )
        assert outside.status_code == 403 and isinstance(outside.json()["error"], str)
        bad = c.post(
            "/api/labeling/create-labels",
            json={
                "data_path": "one.csv",
                "output_path": "x.csv",
                "labeling_functions": [{"name": "a", "code": "def a(x) return"}],
            },
        )
        assert bad.status_code == 400 and "does not parse" in bad.json()["error"]
        missing = c.get("/api/labeling/jobs/lbl_nope")
        assert missing.status_code == 404


def test_run_pipeline_in_the_background(server: ServerProcess, shared_data: Path) -> None:
    ws = workspace(server)
    train = pd.read_csv(shared_data / "20newsgroups-train.csv.gz")
    train = train[train.Category.isin(["sci.med", "sci.space"])].sample(200, random_state=2)
    # The files share one column, `post_id`, and no id argument is given (issue 12: the
    # request used to default to 'id' and fail before labeling started).
    train.insert(0, "post_id", range(len(train)))
    train[["post_id", "Text"]].to_csv(ws / "posts.csv", index=False)
    train.sample(30, random_state=3)[["post_id", "Category"]].rename(
        columns={"Category": "label"}
    ).to_csv(ws / "posts_gold.csv", index=False)
    with server.client() as c:
        started = c.post(
            "/api/labeling/run-pipeline",
            json={
                "user_goal": "label posts as medicine or space",
                "raw_data_path": "posts.csv",
                "hand_labeled_examples_path": "posts_gold.csv",
                "target_auc_score": 0.7,
                "max_attempts": 2,
            },
        )
        assert started.status_code == 202, started.text
        job = started.json()["job_id"]
        deadline = time.monotonic() + 240
        status = {}
        while time.monotonic() < deadline:
            status = c.get(f"/api/labeling/jobs/{job}").json()
            if status["status"] in ("completed", "failed"):
                break
            time.sleep(1)
    assert status["status"] == "completed", status
    result = status["result"]
    assert result["target"]["metric"] == "auc" and result["target_met"] is True
    assert (ws / result["labeled_path"]).is_file()
    assert "post_id" in result["gold"]["join"] and result["gold"]["joined"] == 30
