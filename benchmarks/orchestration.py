"""Orchestration overhead: a direct tool call vs the same tool through /generate, and load."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.utils.servers import start_server  # noqa: E402

GOAL = "inspect iris"
TOOL, ARGS = "inspect_dataset", {"dataset": "iris"}


def timed(fn, n: int) -> list[float]:
    """Wall time of `n` sequential calls, in seconds each."""
    out = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    """Run the benchmark against a fresh server process and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=100, help="sequential calls per path")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients under load")
    parser.add_argument(
        "--load-runs", type=int, default=320, help="total /generate calls under load"
    )
    opts = parser.parse_args()

    with tempfile.TemporaryDirectory() as home:
        server = start_server({"FORGEFLOW_HOME": home, "FORGEFLOW_RUN_WORKERS": "16"})
        try:
            with httpx.Client(base_url=server.url, timeout=120) as client:

                def direct() -> None:
                    r = client.post(f"/tools/{TOOL}", json=ARGS)
                    r.raise_for_status()

                def orchestrated() -> None:
                    r = client.post("/generate", json={"goal": GOAL})
                    r.raise_for_status()
                    assert r.json()["status"] == "completed", r.text

                for _ in range(10):  # warm both paths
                    direct()
                    orchestrated()
                tool_times = timed(direct, opts.runs)
                goal_times = timed(orchestrated, opts.runs)

            errors = 0
            wrong = 0

            def one(i: int) -> float:
                nonlocal errors, wrong
                with httpx.Client(base_url=server.url, timeout=120) as c:
                    start = time.perf_counter()
                    r = c.post("/generate", json={"goal": GOAL, "thread_id": f"bench-{i}"})
                    took = time.perf_counter() - start
                    if r.status_code != 200:
                        errors += 1
                    elif r.json()["result"]["steps"][0]["output"]["rows"] != 150:
                        wrong += 1
                    return took

            start = time.perf_counter()
            with ThreadPoolExecutor(opts.clients) as pool:
                latencies = list(pool.map(one, range(opts.load_runs)))
            wall = time.perf_counter() - start
        finally:
            server.stop()

    tool_ms = statistics.median(tool_times) * 1000
    goal_ms = statistics.median(goal_times) * 1000
    print(f"# orchestration benchmark ({opts.runs} sequential calls each, median)")
    print("| path | median ms | p95 ms |")
    print("| --- | --- | --- |")
    for name, values in (
        ("POST /tools/inspect_dataset (direct)", tool_times),
        ("POST /generate (wait, built-in planner)", goal_times),
    ):
        ordered = sorted(values)
        p95 = ordered[int(0.95 * (len(ordered) - 1))] * 1000
        print(f"| {name} | {statistics.median(values) * 1000:.1f} | {p95:.1f} |")
    print()
    print(
        f"orchestration overhead per run: {goal_ms - tool_ms:.1f} ms (ratio {goal_ms / tool_ms:.2f}x)"
    )
    print(
        f"load: {opts.load_runs} runs from {opts.clients} concurrent clients in {wall:.2f} s = "
        f"{opts.load_runs / wall:.1f} runs/s; median latency {statistics.median(latencies) * 1000:.0f} ms; "
        f"errors {errors}; wrong answers {wrong}"
    )


if __name__ == "__main__":
    main()
