"""Scale-out on Postgres with real processes: servers and workers sharing one database, and faults.

Each test gets a database of its own (the `pg_url` fixture); processes share one FORGEFLOW_HOME
for the workspace, as machines would share a volume.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.utils.postgres import PausableProxy, proxied
from tests.utils.servers import ROOT, ServerProcess, WorkerProcess, start_server, start_worker
from tests.utils.training_data import text_frame

FAST_FAULTS = {
    "FORGEFLOW_RUN_STALE_AFTER": "3",
    "FORGEFLOW_HEARTBEAT_INTERVAL": "0.5",
    "FORGEFLOW_SWEEP_INTERVAL": "1",
    "FORGEFLOW_RUN_WORKERS": "2",
}


class Cluster:
    """Servers and workers over one Postgres database and one home."""

    def __init__(self, home: Path, url: str, extra: dict[str, str] | None = None) -> None:
        self.home = home
        self.env = {"FORGEFLOW_HOME": str(home), "FORGEFLOW_DATABASE_URL": url, **(extra or {})}
        self.servers: list[ServerProcess] = []
        self.workers: list[WorkerProcess] = []

    def server(self) -> ServerProcess:
        srv = start_server(self.env, log_name=f"server{len(self.servers)}.log")
        self.servers.append(srv)
        return srv

    def worker(self) -> WorkerProcess:
        proc = start_worker(self.env, log_name=f"worker{len(self.workers)}.log")
        self.workers.append(proc)
        return proc

    def stop(self) -> None:
        for proc in [*self.workers, *self.servers]:
            proc.stop()

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.log.name}\n{p.output()[-3000:]}" for p in [*self.servers, *self.workers]
        )


@pytest.fixture
def cluster(pg_url: str, tmp_path: Path) -> Iterator[Callable[..., Cluster]]:
    made: list[Cluster] = []

    def make(url: str | None = None, **extra: str) -> Cluster:
        c = Cluster(tmp_path / "home", url or pg_url, extra)
        made.append(c)
        return c

    yield make
    for c in made:
        c.stop()


def _wait(predicate: Callable[[], Any], timeout: float = 120.0, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _run(client: httpx.Client, run_id: str) -> dict[str, Any]:
    return client.get(f"/runs/{run_id}").json()


def _final(client: httpx.Client, run_id: str, timeout: float = 180.0) -> dict[str, Any]:
    def done() -> dict[str, Any] | None:
        r = client.get(f"/runs/{run_id}")
        if r.status_code != 200:
            return None
        run = r.json()
        return run if run["status"] not in ("pending", "running") else None

    return _wait(done, timeout, f"run {run_id} to end")


def _events(client: httpx.Client, run_id: str) -> list[dict[str, Any]]:
    out = []
    with client.stream("GET", f"/runs/{run_id}/events") as r:
        assert r.status_code == 200
        name = None
        for line in r.iter_lines():
            if line.startswith("event:"):
                name = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                out.append({"event": name, **json.loads(line[5:])})
    return out


def _long_training(home: Path, rows: int = 3000) -> dict[str, Any]:
    """A train_model call that runs for a while, reporting every epoch (cancellable per epoch)."""
    workspace = home / "workspace"
    workspace.mkdir(parents=True, exist_ok=True)
    text_frame(rows, seed=3).to_csv(workspace / "posts.csv", index=False)
    return {
        "dataset": "posts.csv",
        "label_column": "label",
        "model": "mlp",
        "epochs": 300,
        "patience": 200,
        "learning_rate": 0.0005,
    }


def _training_started(client: httpx.Client, run_id: str) -> Callable[[], bool]:
    def check() -> bool:
        run = _run(client, run_id)
        return run["status"] == "running" and "epoch" in run["current_step"]

    return check


def test_servers_and_a_worker_share_one_database(cluster: Callable[..., Cluster]) -> None:
    c = cluster()
    a, b = c.server(), c.server()
    c.worker()
    with a.client() as ca, b.client() as cb:
        health = _wait(lambda: (h := ca.get("/health").json())["workers"] and h, 60, "a worker")
        assert health["database"] == {"ok": True, "backend": "postgresql"}
        assert health["executor"] == "queue" and "jobs" in health["queue"]
        assert health["workers"][0]["kind"] == "worker"

        first = ca.post("/generate", json={"goal": "list local datasets"}).json()
        assert first["status"] == "completed"
        # A follow-up through the other server reads the thread from the Postgres checkpointer.
        second = cb.post(
            "/generate", json={"goal": "inspect the second one", "thread_id": first["thread_id"]}
        ).json()
        assert second["status"] == "completed"
        assert second["result"]["steps"][0]["output"]["rows"] == 150
        roles = [m["role"] for m in ca.get(f"/threads/{first['thread_id']}").json()["messages"]]
        assert roles == ["user", "assistant", "user", "assistant"]

        # A tool call is a run too; its events stream from the other server.
        tool = ca.post("/tools/inspect_dataset", json={"dataset": "wine"}).json()
        assert tool["output"]["rows"] == 178
        events = _events(cb, tool["run_id"])
        assert events[-1]["event"] == "end" and events[-1]["status"] == "completed"

        # Cancel across processes: started on A, cancelled on B, stopped inside its step.
        started = ca.post(
            "/tools/train_model", params={"mode": "background"}, json=_long_training(c.home)
        ).json()
        _wait(_training_started(ca, started["run_id"]), 120, "training to start")
        assert cb.post(f"/runs/{started['run_id']}/cancel").json()["cancel_requested"]
        cancelled = _final(ca, started["run_id"])
        assert cancelled["status"] == "cancelled"
        assert cancelled["result"]["removed_outputs"]

        # A compatible API's job is a run: its old-style id works on /runs, on either server.
        job = ca.post(
            "/api/training/train-model",
            json={"labeled_data_path": "posts.csv", "label_column": "label", "background": True},
        ).json()
        assert job["job_id"].startswith("job_")
        run = _final(cb, job["job_id"])
        assert run["status"] == "completed" and run["source"] == "training"
        compat = cb.get(f"/api/training/jobs/{job['job_id']}").json()
        assert compat["status"] == "completed" and compat["progress"] == 100.0

    listed = subprocess.run(
        [sys.executable, "-c", "import cli; cli.main()", "runs", "list", "--json"],
        cwd=ROOT,
        env={**a.env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    kinds = {r["kind"] for r in json.loads(listed.stdout)}
    assert {"goal", "tool"} <= kinds


def test_worker_killed_mid_step_another_resumes_without_duplicates(
    cluster: Callable[..., Cluster],
) -> None:
    c = cluster(**FAST_FAULTS)
    srv = c.server()
    workers = {}
    for _ in range(2):
        w = c.worker()
        workers[w.proc.pid] = w
    with srv.client() as client:
        _wait(lambda: len(client.get("/health").json()["workers"]) == 2, 60, "two workers")
        started = client.post(
            "/tools/train_model", params={"mode": "background"}, json=_long_training(c.home)
        ).json()
        run_id = started["run_id"]
        _wait(_training_started(client, run_id), 120, "training to start")
        holder = next(
            w for w in client.get("/health").json()["workers"] if w["active"] > 0
        )  # the worker whose heartbeat says it holds the run
        victim = workers[holder["pid"]]
        victim.kill()
        final = _final(client, run_id, timeout=240)
        assert final["status"] == "completed", c.logs()
        assert final["tries"] == 2  # taken over once, by the other worker
        events = _events(client, run_id)
        assert [e["event"] for e in events].count("end") == 1
        assert any(e.get("status") == "resumed" for e in events)
        folders = sorted(p.name for p in (c.home / "workspace" / "models").iterdir())
        assert len(folders) == 1, folders  # the resumed step reused its folder
        assert final["result"]["output"]["model_path"].endswith(folders[0])


def test_server_killed_runs_go_on_and_a_new_server_shows_them(
    cluster: Callable[..., Cluster],
) -> None:
    c = cluster(**FAST_FAULTS)
    srv = c.server()
    c.worker()
    with srv.client() as client:
        started = client.post(
            "/tools/train_model", params={"mode": "background"}, json=_long_training(c.home, 1500)
        ).json()
        goal = client.post("/generate", json={"goal": "inspect iris", "mode": "background"}).json()
    srv.kill()
    again = c.server()
    with again.client() as client:
        for run_id in (started["run_id"], goal["run_id"]):
            final = _final(client, run_id, timeout=240)
            assert final["status"] == "completed", c.logs()
            assert final["tries"] == 1  # the worker ran it once; the server's death did not matter


def test_database_outage_answers_503_and_loses_nothing(
    cluster: Callable[..., Cluster], pg_url: str
) -> None:
    with PausableProxy() as proxy:
        c = cluster(proxied(pg_url, proxy.port), **FAST_FAULTS)
        srv = c.server()
        c.worker()
        with srv.client() as client:
            _wait(lambda: client.get("/health").json()["workers"], 60, "a worker")
            started = client.post(
                "/tools/train_model",
                params={"mode": "background"},
                json=_long_training(c.home, 1500),
            ).json()
            run_id = started["run_id"]
            _wait(_training_started(client, run_id), 120, "training to start")
            proxy.pause()
            try:
                down = client.get(f"/runs/{run_id}")
                assert down.status_code == 503, down.text
                error = down.json()["error"]
                assert error["code"] == "database_unavailable" and error["hint"]
                health = client.get("/health")
                assert health.status_code == 503 and health.json()["database"]["ok"] is False
                time.sleep(4)
            finally:
                proxy.resume()
            final = _final(client, run_id, timeout=240)
            assert final["status"] == "completed", c.logs()
            events = _events(client, run_id)
            assert [e["event"] for e in events].count("end") == 1
            # The workers reconnected: new work still runs.
            after = client.post("/tools/inspect_dataset", json={"dataset": "iris"})
            assert after.status_code == 200 and after.json()["output"]["rows"] == 150
            assert client.get("/health").json()["workers"]
        c.stop()  # while the proxy still runs, so the processes shut down cleanly


def test_sigterm_hands_the_running_step_back_and_another_worker_resumes_it(
    cluster: Callable[..., Cluster],
) -> None:
    c = cluster(**FAST_FAULTS, FORGEFLOW_SHUTDOWN_GRACE="0")
    srv = c.server()
    first = c.worker()
    with srv.client() as client:
        _wait(lambda: client.get("/health").json()["workers"], 60, "a worker")
        started = client.post(
            "/tools/train_model", params={"mode": "background"}, json=_long_training(c.home)
        ).json()
        run_id = started["run_id"]
        _wait(_training_started(client, run_id), 120, "training to start")
        first.proc.terminate()  # SIGTERM: no grace left, so the step is handed back
        assert first.proc.wait(timeout=90) == 0, first.output()[-3000:]
        handed = _run(client, run_id)
        assert handed["status"] == "pending", handed
        c.worker()
        final = _final(client, run_id, timeout=240)
        assert final["status"] == "completed", c.logs()
        assert final["tries"] == 2
        statuses = [e.get("status") for e in _events(client, run_id)]
        assert "handed_back" in statuses and "resumed" in statuses
