"""Round 27 of the QA tools, from a new user's handbook: a test split with something in it when
there are chunks enough, a shortfall against 'N per chunk' said with its cause, more distinct
questions from the built-in writer (FAQ pairs, 'who' questions, prose wrapped after ';'), and a
judge that lowers a pair whose answer is not the kind its question word asks for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from agents.qa_judge import KIND_MISMATCH_CAP, judge_entry
from agents.qa_writer import builtin_drafts, candidate_drafts, faq_drafts
from agents.reporter import summarise_output
from graphs.qa import shortfall_report
from graphs.workflows import call_tool
from store import qa as qa_store
from tools.qa.export import split_by_chunk
from tools.qa.text import is_verbatim, prose_sentences

GUIDE = """# Riverside Allotment Society: Member Guide

## About the society

Riverside Allotment Society is a volunteer-run association that manages 64 plots beside the
old mill race. The society was founded in 1987 by a group of twelve gardeners. Every plot holder
is a member, and every member has one vote at the annual meeting.

## Plots and rent

A full plot costs 40 pounds a year and a half plot costs 22 pounds. Rent is paid to the
treasurer by bank transfer before the first of March; late payers lose their plot after a
written reminder. The committee reviews the rent each autumn and announces any change at the
annual meeting.

## Water and tools

Water is drawn from four troughs that are filled from the mains every morning. Hoses are not
allowed between June and August, because the supply runs low in dry weather. The tool shed is
opened by the site warden on Saturday mornings. A member who borrows a tool signs the tool
book and returns it the same day.

## Frequently asked questions

**Can I keep chickens on my plot?** Yes, up to six hens, but no cockerels. The coop must be
cleaned every week.

**What happens if I cannot work my plot for a season?** Tell the secretary in writing. The
committee may let a neighbour look after it for up to one year.

## Contact

Questions go to the secretary at the pavilion.
"""

MEETING = (
    "The annual meeting is held every March in the pavilion. Notice of the meeting is sent at "
    "least twenty-one days in advance. The society has 64 plots and 58 members. The site "
    "warden opens the tool shed on Saturday mornings. Members vote by a show of hands. The "
    "ballot is reopened if no candidate wins a majority."
)


def _entries(sizes: list[int]) -> list[dict[str, Any]]:
    out = []
    for chunk, size in enumerate(sizes):
        for _ in range(size):
            n = len(out) + 1
            out.append(
                {
                    "id": f"entry_{n}",
                    "question": f"What is fact {n} of part {chunk}?",
                    "answer": f"Fact {n} of part {chunk} is a grounded sentence.",
                    "mode": "qa",
                    "source_chunk": f"chk_{chunk}",
                    "document_id": 1,
                    "quality_score": 0.9,
                    "metadata": {"question_type": "definition"},
                }
            )
    return out


def _export(entries: list[dict[str, Any]]) -> dict[str, Any]:
    project = qa_store.create_project("handbook")["id"]
    created = qa_store.create_dataset(project, "handbook", entries)
    return call_tool("export_dataset", {"dataset_id": created["id"], "splits": True})


# --------------------------------------------------------------------------- splits

RATIOS = {"train": 0.8, "validation": 0.1, "test": 0.1}


@pytest.mark.parametrize(
    "sizes",
    [[2, 2, 2, 2, 2], [2, 2, 2, 2, 1, 1], [3, 3, 3, 3, 3], [3, 3, 3, 3, 2, 1], [1, 1, 1]],
    ids=["10-from-5", "10-from-6", "15-from-5", "15-from-6", "3-from-3"],
)
@pytest.mark.parametrize("seed", [0, 1, 2, 3, 7])
def test_every_split_asked_gets_a_chunk_when_there_are_chunks_enough(
    sizes: list[int], seed: int
) -> None:
    entries = _entries(sizes)
    parts = split_by_chunk(entries, RATIOS, seed=seed)
    assert all(parts[k] for k in RATIOS), {k: len(v) for k, v in parts.items()}
    assert sum(len(v) for v in parts.values()) == len(entries)
    chunks = [{e["source_chunk"] for e in v} for v in parts.values()]
    assert not (chunks[0] & chunks[1] or chunks[0] & chunks[2] or chunks[1] & chunks[2])
    assert len(parts["train"]) >= len(parts["test"])  # train stays the largest


def test_many_chunks_split_as_the_ratios_ask_as_before() -> None:
    parts = split_by_chunk(_entries([10] * 20), RATIOS, seed=0)
    assert {k: len(v) for k, v in parts.items()} == {"train": 160, "validation": 20, "test": 20}


@pytest.mark.parametrize("sizes", [[2, 2, 2, 2, 1, 1], [3, 3, 3, 3, 2, 1]], ids=["10", "15"])
def test_the_export_of_10_and_15_pairs_from_6_chunks_has_a_test_split(
    home: Path, sizes: list[int]
) -> None:
    out = _export(_entries(sizes))
    counts = out["split_counts"]
    assert all(counts[k] > 0 for k in ("train", "validation", "test")), counts
    assert sum(counts.values()) == sum(sizes) and not out.get("warnings")
    files = {f["split"]: f["rows"] for f in out["files"]}
    assert files == counts
    lines = "\n".join(summarise_output("export_dataset", out))
    assert f"test {counts['test']}" in lines and "are empty" not in lines
    if counts != {"train": round(0.8 * sum(sizes)), "validation": 1, "test": 1}:
        assert out["split_notes"] and "note: " in lines  # counts other than the ratios: said
    small = [k for k in ("validation", "test") if counts[k] <= 2]
    assert all(f"{k} {counts[k]} entr" in lines for k in small)  # a small split is named


@pytest.mark.parametrize("sizes", [[1, 1], [2]], ids=["2-pairs-2-chunks", "2-pairs-1-chunk"])
def test_too_few_chunks_for_three_splits_warns_honestly(home: Path, sizes: list[int]) -> None:
    out = _export(_entries(sizes))
    empty = [k for k, v in out["split_counts"].items() if not v]
    assert empty and "test" in empty
    (warning,) = out["warnings"]
    assert "are empty" in warning and "fewer than the 3 splits asked" in warning
    assert "chunk_size" in warning  # how to get more source chunks
    assert "warning: " in out["message"]
    lines = summarise_output("export_dataset", out)
    said = [ln for ln in lines if "are empty" in ln]
    assert len(said) == 1 and said[0].startswith("  warning: ")  # said once, not twice


# --------------------------------------------------------------------------- shortfall


def _guide(home: Path) -> str:
    (home / "workspace").mkdir(parents=True, exist_ok=True)
    (home / "workspace" / "guide.md").write_text(GUIDE)
    chunked = call_tool("chunk_documents", {"paths": ["guide.md"], "strategy": "markdown"})
    assert chunked["chunk_count"] == 5
    return chunked["chunk_set_id"]


def test_fewer_than_asked_per_chunk_is_said_with_the_chunks_and_the_cause(home: Path) -> None:
    out = call_tool("generate_qa", {"chunk_set_id": _guide(home), "datasets_per_chunk": 3})
    kept = out["counts"]["kept"]
    assert out["asked"] == {"per_chunk": 3, "chunks": 5, "total": 15}
    assert kept < 15
    short = out["shortfall"]
    assert short["asked"] == 15 and short["kept"] == kept and short["missing"] == 15 - kept
    by_number = {c["chunk"]: c for c in short["chunks"]}
    assert by_number[5]["kept"] == 0 and by_number[5]["heading"] == "Contact"
    assert all(c["kept"] < 3 and c["written"] < 3 for c in short["chunks"])
    assert sum(3 - c["kept"] for c in short["chunks"]) == 15 - kept
    summary = short["summary"]
    assert summary.startswith(f"{kept} of 15 asked (3 per chunk from 5 chunks): ")
    assert "the built-in writer found no more distinct questions there" in summary
    assert f"warning: {summary}" in out["message"]
    lines = summarise_output("generate_qa", out)
    assert f"{kept} QA pairs kept (15 asked: 3 per chunk)" in lines[0]
    assert sum(summary[:60] in ln for ln in lines) == 1  # said once in the answer


def test_no_shortfall_no_warning(home: Path) -> None:
    out = call_tool(
        "generate_qa", {"chunk_set_id": _guide(home), "datasets_per_chunk": 2, "max_chunks": 3}
    )
    assert out["counts"]["kept"] == 6 and out["shortfall"] is None
    assert out["asked"]["total"] == 6 and "warning" not in out["message"]
    lines = summarise_output("generate_qa", out, ["f1"])
    assert lines[0].startswith("  6 QA pairs kept (6 asked: 2 per chunk) of ")
    assert not any("warning" in ln or "regenerated" in ln for ln in lines)


def test_the_shortfall_names_duplicates_the_judge_and_an_llm_writer() -> None:
    chunks = [{"id": "a", "heading": "A"}, {"id": "b", "heading": "B"}]
    entries = [
        {"id": "1", "source_chunk": "a", "quality_score": 0.9},
        {"id": "2", "source_chunk": "a", "quality_score": 0.4, "metadata": {"duplicate_of": "1"}},
        {"id": "3", "source_chunk": "b", "quality_score": 0.9},
        {"id": "4", "source_chunk": "b", "quality_score": 0.3},
    ]
    kept = [entries[0], entries[2]]
    report = shortfall_report(
        chunks, entries, kept, per_chunk=2, threshold=0.7, failures=[], writer="gpt-x"
    )
    assert report is not None and report["missing"] == 2
    a, b = report["chunks"]
    assert a["why"] == "1 near-duplicate(s) removed"
    assert b["why"] == "1 under the quality threshold 0.7 dropped"
    assert "chunk 1 gave 1 (1 near-duplicate(s) removed)" in report["summary"]
    fewer = shortfall_report(
        chunks, entries[:1], entries[:1], per_chunk=1, threshold=0.7, failures=[], writer="gpt-x"
    )
    assert fewer is not None and "the writer returned fewer" in fewer["summary"]
    assert (
        shortfall_report(
            chunks, entries, kept, per_chunk=1, threshold=0.7, failures=[], writer="builtin"
        )
        is None
    )


# --------------------------------------------------------------------------- the writer


def test_faq_pairs_are_taken_as_written_and_grounded() -> None:
    section = GUIDE.split("## Frequently asked questions")[1].split("## Contact")[0]
    drafts = faq_drafts(section)
    assert [d.question for d in drafts] == [
        "Can I keep chickens on my plot?",
        "What happens if I cannot work my plot for a season?",
    ]
    assert drafts[0].answer == (
        "Yes, up to six hens, but no cockerels. The coop must be cleaned every week."
    )
    assert all(is_verbatim(d.answer, section) for d in drafts)
    concise = faq_drafts(section, "concise")
    assert concise[1].answer == "Tell the secretary in writing."
    # the FAQ section now gives entries, and they pass the judge
    chunk = {"id": "faq", "text": section}
    for d in builtin_drafts(chunk, "qa"):
        verdict = judge_entry(d.as_entry("qa", chunk, "builtin"), chunk)
        assert verdict.quality_score >= 0.8, (d.question, verdict.reasons)


def test_prose_wrapped_after_a_semicolon_is_read_and_code_is_not() -> None:
    prose = (
        "Shares earn interest at a rate set each year by the general meeting;\n"
        "for 2025 the rate is 3.5 percent, paid in April. Interest is paid into the bank\n"
        "account you registered when you joined."
    )
    assert len(prose_sentences(prose)) == 2
    assert any(d.question == "Where is interest paid?" for d in candidate_drafts(prose))
    code = "The counter starts here and counts up.\nint count = 0;\nreturn count;"
    assert prose_sentences(code) == []


def test_the_writer_asks_when_where_who_as_the_sentence_says() -> None:
    questions = {d.question for d in candidate_drafts(MEETING)}
    assert "When is notice of the meeting sent?" in questions
    assert "When is the annual meeting held?" in questions
    assert not any(q.startswith("How is notice") for q in questions)
    assert any(q.startswith("Who opens the tool shed") for q in questions)
    assert "What are common causes?" in {
        d.question
        for d in candidate_drafts(
            "Common causes are an inverter trip and an export limit set by the network operator."
        )
    }


# --------------------------------------------------------------------------- the judge


def _score(question: str, answer: str) -> tuple[float, list[str]]:
    chunk = {"id": "c", "text": MEETING, "heading": "The annual meeting"}
    entry = {"id": "e", "question": question, "answer": answer, "mode": "qa", "metadata": {}}
    verdict = judge_entry(entry, chunk)
    return verdict.quality_score, verdict.reasons


@pytest.mark.parametrize(
    ("question", "answer", "said"),
    [
        (
            "How is notice of the meeting sent?",
            "Notice of the meeting is sent at least twenty-one days in advance.",
            "a 'how' question whose answer gives no manner (how it is done) (it gives a time",
        ),
        ("How is notice of the meeting sent?", "At least twenty-one days in advance.", "'how'"),
        ("When is the annual meeting held?", "In the pavilion.", "'when'"),
        ("How many plots does the society have?", "In the pavilion.", "'how many/much'"),
        ("Who opens the tool shed?", "On Saturday mornings.", "'who'"),
        ("Where is the annual meeting held?", "Every March.", "'where'"),
    ],
)
def test_an_answer_of_the_wrong_kind_is_scored_down(question: str, answer: str, said: str) -> None:
    score, reasons = _score(question, answer)
    assert score <= KIND_MISMATCH_CAP
    assert any(said in r for r in reasons), reasons


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("When is notice of the meeting sent?", "At least twenty-one days in advance."),
        (
            "When is the annual meeting held?",
            "The annual meeting is held every March in the pavilion.",
        ),
        ("Where is the annual meeting held?", "In the pavilion."),
        ("How many plots does the society have?", "The society has 64 plots and 58 members."),
        ("Who opens the tool shed?", "The site warden opens the tool shed on Saturday mornings."),
        ("How do members vote?", "Members vote by a show of hands."),
        ("How is the ballot reopened?", "The ballot is reopened if no candidate wins a majority."),
        ("What is held every March?", "The annual meeting is held every March in the pavilion."),
    ],
)
def test_an_answer_of_the_right_kind_keeps_its_score(question: str, answer: str) -> None:
    score, reasons = _score(question, answer)
    assert score >= 0.9, reasons
    assert not any("question whose answer" in r for r in reasons)
