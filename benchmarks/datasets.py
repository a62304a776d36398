"""Dataset search latency: a cached search vs an uncached one, on real server processes."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.utils.fake_hub import FakeHub  # noqa: E402
from tests.utils.fake_kaggle import FakeKaggle  # noqa: E402
from tests.utils.servers import start_server  # noqa: E402

KAGGLE = {"X-Kaggle-Username": "alice", "X-Kaggle-Key": "alice-key"}
TOPICS = ("sentiment", "news", "spam", "reviews", "tweets", "toxicity", "medical", "finance")


def populate(hub: FakeHub, kg: FakeKaggle, n: int) -> None:
    """`n` datasets per source, named after a few topics."""
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        hub.add_dataset(
            f"org{i % 7}/{topic}-{i}",
            {"train.csv": b"text,label\nx,1\n"},
            downloads=1000 - i,
            description=f"{topic} corpus number {i}",
        )
        kg.add_dataset(
            f"user{i % 5}/{topic}-{i}",
            f"{topic.title()} {i}",
            {"data.csv": b"text,label\nx,1\n"},
            vote_count=i,
        )


def latencies(url: str, queries: list[str]) -> list[float]:
    """Seconds per GET /api/search for each query, in order."""
    out = []
    with httpx.Client(base_url=url, headers=KAGGLE, timeout=60) as client:
        for q in queries:
            start = time.perf_counter()
            r = client.get("/api/search", params={"query": q, "source": "all", "limit": 5})
            out.append(time.perf_counter() - start)
            if r.status_code != 200 or r.json().get("errors"):
                raise SystemExit(f"search failed: {r.status_code} {r.text[:300]}")
    return out


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def main() -> None:
    """Start fakes and two servers (cache on / off), time the same searches, print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=60, help="searches per configuration")
    parser.add_argument("--datasets", type=int, default=200, help="datasets per fake source")
    parser.add_argument(
        "--remote-ms", type=float, default=40.0, help="latency the fake remotes add per request"
    )
    args = parser.parse_args()

    hub, kg = FakeHub(), FakeKaggle()
    populate(hub, kg, args.datasets)
    hub.delay = kg.delay = args.remote_ms / 1000
    queries = [TOPICS[i % len(TOPICS)] for i in range(args.runs)]
    with hub.serve(), kg.serve(), tempfile.TemporaryDirectory() as tmp:
        assert kg.server is not None
        env = {"HF_ENDPOINT": hub.url, "FORGEFLOW_KAGGLE_ENDPOINT": kg.server.url}
        cached_srv = start_server(
            {**env, "FORGEFLOW_HOME": f"{tmp}/a", "FORGEFLOW_CACHE_TTL": "300"}
        )
        plain_srv = start_server({**env, "FORGEFLOW_HOME": f"{tmp}/b", "FORGEFLOW_CACHE_TTL": "0"})
        try:
            latencies(cached_srv.url, list(TOPICS))  # warm: one miss per query
            latencies(plain_srv.url, ["warmup"])
            uncached = latencies(plain_srv.url, queries)
            cached = latencies(cached_srv.url, queries)
        finally:
            cached_srv.stop()
            plain_srv.stop()

    rows = [("uncached (FORGEFLOW_CACHE_TTL=0)", uncached), ("cached (TTL 300 s, warm)", cached)]
    print(f"GET /api/search?source=all, {args.runs} searches, remote latency {args.remote_ms} ms\n")
    print("| path | median ms | p95 ms |\n| --- | --- | --- |")
    for name, values in rows:
        print(f"| {name} | {statistics.median(values) * 1000:.1f} | {p95(values) * 1000:.1f} |")
    ratio = statistics.median(uncached) / statistics.median(cached)
    print(f"\nspeed-up of the cached search (median): {ratio:.1f}x")


if __name__ == "__main__":
    main()
