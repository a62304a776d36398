"""Runs/s and latency: SQLite default (1 server) vs Postgres with 1 server + 1 worker and 2 + 2.

Every configuration gets the same goals, submitted with POST /generate mode=background by a
pool of client threads spread over the servers, and is then checked for lost or duplicated
runs: every submitted run must end `completed` exactly once (one `end` event, one execution),
and the database must hold no run that was not submitted.

    .venv/bin/python benchmarks/scale.py --runs 500

Postgres: 127.0.0.1:5432 (FORGEFLOW_TEST_POSTGRES), a fresh database per configuration.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.utils.postgres import fresh_database, postgres_error  # noqa: E402
from tests.utils.servers import start_server, start_worker  # noqa: E402

GOALS = ["inspect iris", "list local datasets", "inspect wine", "inspect digits"]


def _submit(urls: list[str], n: int, clients: int) -> tuple[list[str], float]:
    def one(i: int) -> str:
        url = urls[i % len(urls)]
        r = httpx.post(
            f"{url}/generate",
            json={"goal": GOALS[i % len(GOALS)], "mode": "background"},
            timeout=120,
        )
        r.raise_for_status()
        return r.json()["run_id"]

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        ids = list(pool.map(one, range(n)))
    return ids, time.perf_counter() - start


def _wait_all(url: str, ids: list[str], timeout: float) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    pending = set(ids)
    while pending and time.monotonic() < deadline:
        runs = httpx.get(f"{url}/runs", params={"limit": 500, "status": "completed"}, timeout=60)
        done = {r["run_id"] for r in runs.json()["runs"]}
        for status in ("failed", "cancelled"):
            other = httpx.get(f"{url}/runs", params={"limit": 500, "status": status}, timeout=60)
            done |= {r["run_id"] for r in other.json()["runs"]}
        pending -= done
        if pending:
            # /runs lists the newest 500; look the rest up one by one.
            for run_id in list(pending)[:50]:
                run = httpx.get(f"{url}/runs/{run_id}", timeout=60).json()
                if run["status"] not in ("pending", "running"):
                    pending.discard(run_id)
            time.sleep(0.5)
    return [httpx.get(f"{url}/runs/{r}", timeout=60).json() for r in ids]


def _end_events(url: str, run_id: str) -> int:
    count = 0
    with httpx.stream("GET", f"{url}/runs/{run_id}/events", timeout=60) as r:
        for line in r.iter_lines():
            if line.startswith("event: end"):
                count += 1
    return count


def _measure(name: str, urls: list[str], n: int, clients: int) -> dict[str, Any]:
    for url in urls:  # warm each server (imports, first graph compile, first connection)
        httpx.post(f"{url}/generate", json={"goal": "inspect iris"}, timeout=300)
    before = {
        r["run_id"] for r in httpx.get(f"{urls[0]}/runs", params={"limit": 500}).json()["runs"]
    }
    ids, submit_s = _submit(urls, n, clients)
    runs = _wait_all(urls[0], ids, timeout=1800)
    created = [datetime.fromisoformat(r["created_at"]) for r in runs]
    finished = [datetime.fromisoformat(r["finished_at"]) for r in runs if r["finished_at"]]
    latencies = sorted(
        (
            datetime.fromisoformat(r["finished_at"]) - datetime.fromisoformat(r["created_at"])
        ).total_seconds()
        for r in runs
        if r["finished_at"]
    )
    span = (max(finished) - min(created)).total_seconds() if finished else float("nan")
    completed = [r for r in runs if r["status"] == "completed"]
    sample = ids[:: max(1, n // 50)]  # one end event each, on a sample of runs
    ends = [_end_events(urls[-1], run_id) for run_id in sample]
    all_runs = httpx.get(f"{urls[0]}/runs", params={"limit": 500}).json()["runs"]
    extra = {r["run_id"] for r in all_runs} - before - set(ids)
    return {
        "config": name,
        "runs": n,
        "completed": len(completed),
        "lost": n - len(completed),
        "duplicated": sum(1 for r in runs if r.get("tries", 1) != 1)
        + sum(1 for e in ends if e != 1)
        + len(extra),
        "runs_per_s": round(n / span, 2),
        "p50_s": round(statistics.median(latencies), 3),
        "p95_s": round(latencies[int(0.95 * (len(latencies) - 1))], 3),
        "submit_s": round(submit_s, 2),
    }


def _cluster(stack: ExitStack, home: Path, env: dict[str, str], servers: int, workers: int):  # noqa: ANN202
    urls = []
    for i in range(servers):
        srv = start_server({"FORGEFLOW_HOME": str(home), **env}, log_name=f"server{i}.log")
        stack.callback(srv.stop)
        urls.append(srv.url)
    for i in range(workers):
        w = start_worker({"FORGEFLOW_HOME": str(home), **env}, log_name=f"worker{i}.log")
        stack.callback(w.stop)
    if workers:
        deadline = time.monotonic() + 120
        while len(httpx.get(f"{urls[0]}/health", timeout=30).json().get("workers", [])) < workers:
            if time.monotonic() > deadline:
                raise RuntimeError("workers did not start")
            time.sleep(0.5)
    return urls


def main() -> None:
    """Run the three configurations and print (and save) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--out", type=Path, default=None, help="Write the results as JSON.")
    args = parser.parse_args()
    env = {"FORGEFLOW_RUN_WORKERS": "4"}
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        with ExitStack() as stack:
            urls = _cluster(stack, Path(tmp) / "sqlite", env, 1, 0)
            results.append(_measure("sqlite, 1 server (in-process)", urls, args.runs, args.clients))
            print(json.dumps(results[-1]), flush=True)
        error = postgres_error()
        if error is not None:
            print(f"Postgres not reachable ({error}): Postgres configurations skipped")
        else:
            for servers, workers in ((1, 1), (2, 2)):
                with fresh_database() as url, ExitStack() as stack:
                    home = Path(tmp) / f"pg{servers}{workers}"
                    urls = _cluster(
                        stack, home, {**env, "FORGEFLOW_DATABASE_URL": url}, servers, workers
                    )
                    name = f"postgres, {servers} server + {workers} worker"
                    results.append(_measure(name, urls, args.runs, args.clients))
                    print(json.dumps(results[-1]), flush=True)
    print()
    print("| configuration | runs | lost | duplicated | runs/s | p50 s | p95 s |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['config']} | {r['runs']} | {r['lost']} | {r['duplicated']} | "
            f"{r['runs_per_s']} | {r['p50_s']} | {r['p95_s']} |"
        )
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
