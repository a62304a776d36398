"""Benchmark QA generation: built-in throughput on pydoc, LLM concurrency against a fake server.

(a) built-in pipeline on all of `pydoc_data.topics`: chunks/s of the writer alone (baseline)
    and of the full generate -> judge -> regenerate loop through the workflow.
(b) the LLM writer against a fake OpenAI-compatible server answering after a fixed latency:
    wall time for N chunks at concurrency 1, 4 and 16 against the ideal
    (calls x latency / concurrency); efficiency = ideal / wall.

Run: .venv/bin/python benchmarks/qa_generation.py [--chunks 200] [--latency 0.1]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _corpus_chunks(size: int = 1500) -> list[dict]:
    from pydoc_data.topics import topics

    from tools.qa.chunking import chunk_text

    chunks = []
    for name, text in topics.items():
        for i, sp in enumerate(chunk_text(text, strategy="paragraph", size=size)):
            chunks.append({"id": f"{name}-{i}", "text": sp.text, "heading": sp.heading})
    return chunks


def bench_builtin() -> dict:
    """Built-in writer alone vs the full loop (workflow, store included) on the whole corpus."""
    from pydoc_data.topics import topics

    from agents.qa_writer import builtin_generate

    chunks = _corpus_chunks()
    t0 = time.perf_counter()
    written = sum(len(builtin_generate(c, "qa", 3)) for c in chunks)
    writer_s = time.perf_counter() - t0

    from graphs.workflows import call_tool
    from store import qa as qa_store

    pid = qa_store.create_project("pydoc")["id"]
    for name, text in topics.items():
        qa_store.add_document(pid, filename=f"{name}.txt", text=text, fmt="txt")
    warm = call_tool("chunk_documents", {"project_id": pid})  # imports and caches, not timed
    call_tool("generate_qa", {"chunk_set_id": warm["chunk_set_id"], "max_chunks": 5})
    t0 = time.perf_counter()
    chunked = call_tool("chunk_documents", {"project_id": pid})
    out = call_tool(
        "generate_qa",
        {
            "chunk_set_id": chunked["chunk_set_id"],
            "datasets_per_chunk": 3,
            "quality_threshold": 0.8,
        },
    )
    loop_s = time.perf_counter() - t0
    return {
        "chunks": len(chunks),
        "corpus_chars": sum(len(t) for t in topics.values()),
        "writer_only": {
            "seconds": round(writer_s, 3),
            "entries": written,
            "chunks_per_s": round(len(chunks) / writer_s, 1),
        },
        "full_loop": {
            "seconds": round(loop_s, 3),
            "chunks_per_s": round(chunked["chunk_count"] / loop_s, 1),
            "counts": out["counts"],
            "attempts": out["attempts"],
            "quality_after": out["quality_after"]["average_score"],
        },
        "loop_vs_writer_ratio": round(
            (chunked["chunk_count"] / loop_s) / (len(chunks) / writer_s), 3
        ),
    }


def _reply(request: dict) -> str:
    prompt = next(m["content"] for m in request["messages"] if m["role"] == "user")
    chunk = re.search(r"<chunk>\n(.*?)\n</chunk>", prompt, re.S).group(1)
    sentence = " ".join(chunk.split())[:200]
    return json.dumps(
        {
            "items": [
                {
                    "question": "What does this section describe?",
                    "answer": sentence,
                    "evidence": sentence,
                }
            ]
        }
    )


def _serve(latency: float, rate_limited: bool, conn: Any) -> None:
    """Child process: run the fake server, report its URL, and its counters when told to stop."""
    from tests.utils.fake_openai import FakeOpenAI, FakeReply

    state = {"n": 0}

    def respond(request: dict) -> FakeReply | str:
        state["n"] += 1
        if rate_limited and state["n"] % 20 == 0:  # 5% of calls are rate limited once
            return FakeReply(status=429, headers={"retry-after": "0"})
        return _reply(request)

    with FakeOpenAI(respond, latency=latency) as fake:
        conn.send(fake.base_url)
        conn.recv()
        conn.send({"calls": fake.calls, "max_active": fake.max_active})


def bench_llm(n_chunks: int, latency: float, levels: list[int]) -> list[dict]:
    """Wall time of the LLM writer over n_chunks at each concurrency vs the ideal.

    The fake server runs in its own process, as a remote server would, so its request
    handling does not compete with the client for this process's GIL.
    """
    import multiprocessing

    from langchain_openai import ChatOpenAI

    from graphs.qa import Roles, _fan_out
    from tools.base import ToolContext

    chunks = (_corpus_chunks() * 2)[:n_chunks]
    mp = multiprocessing.get_context("fork")
    rows = []
    for rate_limited in (False, True):
        for level in levels if not rate_limited else levels[-1:]:
            parent, child = mp.Pipe()
            proc = mp.Process(target=_serve, args=(latency, rate_limited, child), daemon=True)
            proc.start()
            base_url = parent.recv()
            model = ChatOpenAI(base_url=base_url, api_key="x", model="m", max_retries=0)
            roles = Roles(
                mode="qa",
                params={},
                writer_model=model,
                writer_name="m",
                concurrency=level,
                max_llm_calls=10 * n_chunks,
            )
            t0 = time.perf_counter()
            done, failures = _fan_out(
                chunks,
                lambda c, roles=roles: roles.generate(c, 1),
                concurrency=level,
                ctx=ToolContext(),
                label=lambda c: c["id"],
                span=(0.0, 1.0),
            )
            wall = time.perf_counter() - t0
            parent.send("stop")
            served = parent.recv()
            proc.join(timeout=10)
            calls = served["calls"]
            ideal = calls * latency / level
            rows.append(
                {
                    "concurrency": level,
                    "chunks": len(chunks),
                    "calls": calls,
                    "rate_limited": rate_limited,
                    "retries": roles.callers["writer"].retries,
                    "failures": len(failures),
                    "entries": sum(len(r) for _, r in done),
                    "wall_s": round(wall, 3),
                    "ideal_s": round(ideal, 3),
                    "efficiency": round(ideal / wall, 3),
                    "max_in_flight": served["max_active"],
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--levels", default="1,4,16")
    parser.add_argument("--json", default="", help="also write the numbers to this file")
    args = parser.parse_args()
    os.environ.setdefault("FORGEFLOW_HOME", tempfile.mkdtemp(prefix="ff-bench-"))
    os.environ["FORGEFLOW_LLM"] = "builtin"

    builtin = bench_builtin()
    print(
        "(a) built-in generation on pydoc_data.topics "
        f"({builtin['corpus_chars']} chars, {builtin['chunks']} chunks)"
    )
    w, f = builtin["writer_only"], builtin["full_loop"]
    print(
        f"    writer only (baseline): {w['chunks_per_s']:8.1f} chunks/s  ({w['entries']} entries, {w['seconds']} s)"
    )
    print(
        f"    full loop (workflow):   {f['chunks_per_s']:8.1f} chunks/s  ({f['seconds']} s, "
        f"attempts {f['attempts']}, counts {f['counts']})"
    )
    print(f"    loop / writer ratio:    {builtin['loop_vs_writer_ratio']:.3f}")

    levels = [int(x) for x in args.levels.split(",")]
    print(
        f"(b) LLM writer vs fake OpenAI server, {args.chunks} chunks, {args.latency * 1000:.0f} ms latency"
    )
    print("    concurrency  rate-limited  calls   wall_s  ideal_s  efficiency  max_in_flight")
    rows = bench_llm(args.chunks, args.latency, levels)
    for r in rows:
        print(
            f"    {r['concurrency']:>11}  {str(r['rate_limited']):>12}  {r['calls']:>5}  {r['wall_s']:>7.2f}"
            f"  {r['ideal_s']:>7.2f}  {r['efficiency']:>10.1%}  {r['max_in_flight']:>13}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps({"builtin": builtin, "llm": rows}, indent=1))


if __name__ == "__main__":
    main()
