"""generate_qa's `max_pairs`: entries wanted in all, written from chunks spread over the
documents and the best-scored kept; a shortfall is said, never silent. The planner binds a
total said in words ('10 Q&A pairs', 'pairs, 10 of them') and keeps a per-chunk count apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.arguments import qa_options
from graphs.qa import best_of, spread_chunks
from graphs.workflows import call_tool
from store import qa as qa_store
from tests.unit.test_qa_pipeline import TOPICS, _write_topics


def test_a_total_keeps_that_many_of_the_best_from_across_the_documents(home: Path) -> None:
    paths = _write_topics(home, TOPICS)
    chunked = call_tool("chunk_documents", {"paths": paths})
    out = call_tool("generate_qa", {"project_id": chunked["project_id"], "max_pairs": 5})
    entries = qa_store.get_dataset(out["dataset_id"])["entries"]
    assert out["counts"]["kept"] == len(entries) == 5
    assert out["counts"]["chunks"] < chunked["chunk_count"]  # not every chunk was written
    assert "the best 5 of" in out["message"] and out["counts"]["trimmed"] > 0
    # the kept ones are the best-scored of those written
    floor = min(e["quality_score"] for e in entries)
    assert out["counts"]["generated"] > 5 and floor >= out["target"]["quality_threshold"]
    # spread over the documents, not their first chunks
    assert len({e["document_id"] for e in entries}) > 1


def test_more_than_the_documents_give_is_a_warning(home: Path) -> None:
    chunked = call_tool("chunk_documents", {"paths": _write_topics(home, ["assert"])})
    out = call_tool("generate_qa", {"project_id": chunked["project_id"], "max_pairs": 500})
    assert out["counts"]["kept"] < 500 and "warning: 500 asked" in out["message"]


def test_spread_and_best_of() -> None:
    chunks = [{"id": i} for i in range(100)]
    picked = spread_chunks(chunks, 10, 3)
    assert len(picked) == 7 and picked[0]["id"] == 0 and picked[-1]["id"] == 99
    assert spread_chunks(chunks[:3], 10, 3) == chunks[:3]
    assert len(spread_chunks(chunks, 1, 20)) == 1
    entries = [{"quality_score": s} for s in (0.7, 0.9, 0.8, 0.9)]
    kept, rest = best_of(entries, 2)
    assert kept == [entries[1], entries[3]] and rest == [entries[0], entries[2]]
    assert best_of(entries, None) == (entries, [])


@pytest.mark.parametrize("bad", [0, -1, 10**6, 2**63, "ten", 1.5])
def test_a_bad_total_is_refused(home: Path, bad: object) -> None:
    from errors import ForgeflowError

    chunked = call_tool("chunk_documents", {"paths": _write_topics(home, ["assert"])})
    with pytest.raises(ForgeflowError) as caught:
        call_tool("generate_qa", {"project_id": chunked["project_id"], "max_pairs": bad})
    assert caught.value.status_code == 422


@pytest.mark.parametrize(
    ("said", "total", "per"),
    [
        ("turn the handbook into 10 Q&A pairs, jsonl", 10, None),
        ("turn the handbook into Q&A pairs, 10 of them, jsonl", 10, None),
        ("make twenty questions from the guide", 20, None),
        ("3 QA pairs per chunk from the guide", None, 3),
        ("the first 5 chunks, 3 questions each", None, 3),
        ("chunk it into 200 token pieces and write QA", None, None),
    ],
)
def test_a_total_said_in_words_is_bound_apart_from_a_per_chunk_count(
    said: str, total: int | None, per: int | None
) -> None:
    options = qa_options(said)
    assert options.get("max_pairs") == total
    assert options.get("datasets_per_chunk") == per


def test_a_total_from_few_chunks_asks_more_of_each(home: Path) -> None:
    # '10 pairs from the handbook' on a handbook cut into two chunks wrote 3 entries a chunk
    # and kept 5: the count per chunk rises so that the few chunks can give the total
    chunked = call_tool("chunk_documents", {"paths": _write_topics(home, ["class"])})
    assert 1 < chunked["chunk_count"] <= 4
    wanted = 4 * chunked["chunk_count"] + 4
    out = call_tool("generate_qa", {"project_id": chunked["project_id"], "max_pairs": wanted})
    assert out["counts"]["generated"] > 3 * chunked["chunk_count"]  # 3: the default per chunk


def test_a_count_per_chunk_the_person_set_is_kept() -> None:
    from graphs.qa import PER_CHUNK_MAX, per_chunk_for

    assert per_chunk_for(10, 2, 3, set()) == 10
    assert per_chunk_for(10, 2, 3, {"datasets_per_chunk"}) == 3
    assert per_chunk_for(500, 1, 3, set()) == PER_CHUNK_MAX
    assert per_chunk_for(4, 10, 3, set()) == 3  # enough chunks: the default stays
