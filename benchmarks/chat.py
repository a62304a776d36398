"""Chat latency: time to first streamed token and full answer over /v1/chat/completions, 16 at once."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openai

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.utils.servers import start_server  # noqa: E402

# Each conversation lists the datasets, then inspects one by its position: the row count in
# the answer tells whether the answer belongs to this conversation (no cross-talk).
ORDINALS = ["first", "second", "third", "fourth", "fifth"]
ROWS = {
    "first": "569 rows",
    "second": "150 rows",
    "third": "178 rows",
    "fourth": "1797 rows",
    "fifth": "442 rows",
}


def conversation(url: str, index: int) -> dict:
    """Two streamed turns on one conversation; returns timings and whether answers matched."""
    client = openai.OpenAI(base_url=f"{url}/v1", api_key="bench", max_retries=0, timeout=300)
    ordinal = ORDINALS[index % len(ORDINALS)]
    history = [{"role": "user", "content": "list local datasets"}]
    out = {"ttft": [], "total": [], "ok": True, "error": None}
    for turn in (None, f"inspect the {ordinal} one"):
        if turn:
            history.append({"role": "user", "content": turn})
        start = time.perf_counter()
        first = None
        text = ""
        try:
            for chunk in client.chat.completions.create(
                model="forgeflow", messages=history, stream=True, user=f"bench-{index}"
            ):
                piece = chunk.choices[0].delta.content if chunk.choices else None
                if piece and first is None:
                    first = time.perf_counter() - start
                text += piece or ""
        except openai.OpenAIError as exc:
            out["ok"], out["error"] = False, str(exc)
            return out
        out["ttft"].append(first or 0.0)
        out["total"].append(time.perf_counter() - start)
        history.append({"role": "assistant", "content": text})
        if turn and ROWS[ordinal] not in text:
            out["ok"] = False
    return out


def main() -> None:
    """Run the benchmark on a fresh server process and print the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conversations", type=int, default=16)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        server = start_server({"FORGEFLOW_HOME": home, "FORGEFLOW_RUN_WORKERS": "16"})
        try:
            conversation(server.url, 0)  # warm up
            start = time.perf_counter()
            with ThreadPoolExecutor(opts.conversations) as pool:
                results = list(
                    pool.map(lambda i: conversation(server.url, i), range(opts.conversations))
                )
            wall = time.perf_counter() - start
        finally:
            server.stop()
    ttft = [t for r in results for t in r["ttft"]]
    total = [t for r in results for t in r["total"]]
    errors = [r["error"] for r in results if r["error"]]
    crossed = sum(1 for r in results if not r["ok"] and not r["error"])
    print(f"# chat benchmark: {opts.conversations} concurrent conversations x 2 streamed turns")
    print("| measure | median ms | p95 ms |")
    print("| --- | --- | --- |")
    for name, values in (("time to first streamed token", ttft), ("full answer", total)):
        ordered = sorted(values)
        p95 = ordered[int(0.95 * (len(ordered) - 1))] * 1000 if ordered else float("nan")
        print(f"| {name} | {statistics.median(values) * 1000:.0f} | {p95:.0f} |")
    print(
        f"\n{len(total)} turns in {wall:.2f} s; errors {len(errors)}; "
        f"conversations with an answer that was not theirs: {crossed}"
    )
    if errors:
        print("first error:", errors[0])


if __name__ == "__main__":
    main()
