"""The SQLite default with real processes: kill -9 the server mid-step, restart, the run resumes."""

from __future__ import annotations

import time
from pathlib import Path

from tests.utils.servers import start_server
from tests.utils.training_data import text_frame


def test_killed_server_resumes_its_runs_after_restart(tmp_path: Path) -> None:
    home = tmp_path / "home"
    workspace = home / "workspace"
    workspace.mkdir(parents=True)
    text_frame(3000, seed=5).to_csv(workspace / "posts.csv", index=False)
    env = {
        "FORGEFLOW_HOME": str(home),
        "FORGEFLOW_RUN_STALE_AFTER": "2",
        "FORGEFLOW_HEARTBEAT_INTERVAL": "0.5",
        "FORGEFLOW_SWEEP_INTERVAL": "1",
    }
    srv = start_server(env)
    try:
        with srv.client() as c:
            goal = c.post(
                "/generate", json={"goal": "inspect iris then inspect wine", "mode": "background"}
            ).json()
            tool = c.post(
                "/tools/train_model",
                params={"mode": "background"},
                json={
                    "dataset": "posts.csv",
                    "label_column": "label",
                    "model": "mlp",
                    "epochs": 300,
                    "patience": 200,
                    "learning_rate": 0.0005,
                },
            ).json()
            deadline = time.monotonic() + 120
            while "epoch" not in c.get(f"/runs/{tool['run_id']}").json()["current_step"]:
                assert time.monotonic() < deadline, "training did not start"
                time.sleep(0.1)
    finally:
        srv.kill()  # kill -9: nothing is handed back, leases are left as they were
    again = start_server(env, log_name="server2.log")
    try:
        with again.client() as c:
            deadline = time.monotonic() + 240
            while True:
                runs = [c.get(f"/runs/{r}").json() for r in (goal["run_id"], tool["run_id"])]
                if all(r["status"] not in ("pending", "running") for r in runs):
                    break
                assert time.monotonic() < deadline, runs
                time.sleep(0.3)
            assert [r["status"] for r in runs] == ["completed", "completed"], again.output()
            assert runs[1]["tries"] == 2  # taken over once by the restarted server
            models = list((workspace / "models").iterdir())
            assert len(models) == 1  # the resumed step reused its folder
            roles = [m["role"] for m in c.get(f"/threads/{goal['thread_id']}").json()["messages"]]
            assert roles == ["user", "assistant"]
            assert c.get("/health").json()["workers"][0]["kind"] == "serve"
    finally:
        again.stop()
