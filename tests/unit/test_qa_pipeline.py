"""The built-in QA pipeline on real prose (pydoc topics): grounding, loop, splits, formats."""

from __future__ import annotations

import zipfile
from pathlib import Path
from pydoc_data.topics import topics

import pytest

from agents.qa_judge import (
    builtin_judge,
    find_duplicates,
    grounded_sentences,
    quality_band,
    quality_summary,
)
from agents.qa_writer import builtin_generate
from graphs.workflows import call_tool
from store import qa as qa_store
from store.workspace import resolve_path
from tools.base import ToolContext
from tools.qa.export import read_table
from tools.qa.text import is_verbatim

TOPICS = ["assert", "class", "for", "if", "while", "try", "with", "import", "return", "del"]


def _write_topics(home: Path, names: list[str], folder: str = "docs") -> list[str]:
    ws = home / "workspace" / folder
    ws.mkdir(parents=True, exist_ok=True)
    for name in names:
        (ws / f"{name}.txt").write_text(topics[name])
    return [f"{folder}/{name}.txt" for name in names]


def test_builtin_pipeline_on_pydoc_is_grounded_split_and_round_trips(home: Path) -> None:
    events: list[dict] = []
    ctx = ToolContext(emit=events.append)
    chunked = call_tool("chunk_documents", {"paths": _write_topics(home, TOPICS)}, ctx)
    assert chunked["chunk_count"] >= 20
    out = call_tool(
        "generate_qa",
        {
            "chunk_set_id": chunked["chunk_set_id"],
            "datasets_per_chunk": 3,
            "quality_threshold": 0.8,
        },
        ctx,
    )
    counts = out["counts"]
    assert counts["kept"] >= 40
    assert counts["generated"] == counts["kept"] + counts["dropped"] + counts["duplicates_removed"]
    for key in ("target", "target_met", "attempts", "best_attempt", "history", "artifacts"):
        assert key in out
    assert len(out["history"]) == out["attempts"]
    # progress was streamed per chunk
    per_chunk = [e for e in events if "generated chunk" in e.get("message", "")]
    assert len(per_chunk) >= chunked["chunk_count"] - 1

    dataset = qa_store.get_dataset(out["dataset_id"])
    entries = dataset["entries"]
    assert len(entries) == counts["kept"]
    chunks = qa_store.get_chunks([e["source_chunk"] for e in entries])
    for e in entries:
        assert is_verbatim(e["answer"], chunks[e["source_chunk"]]["text"]), e
        assert e["question"].endswith("?")
        assert e["quality_score"] >= 0.8 and e["difficulty"] in (
            "basic",
            "intermediate",
            "advanced",
        )
        assert e["category"]
    assert not find_duplicates(entries)
    summary = out["quality_after"]
    scores = [e["quality_score"] for e in entries]
    assert summary["average_score"] == pytest.approx(sum(scores) / len(scores), abs=1e-4)
    assert summary["distribution"]["high"] == sum(1 for s in scores if s >= 0.8)
    assert sum(summary["distribution"].values()) == len(entries)
    assert sum(summary["categories"].values()) == len(entries)

    exported = call_tool(
        "export_dataset",
        {"dataset_id": out["dataset_id"], "format": ["jsonl", "parquet", "csv"], "splits": True},
    )
    split_chunks = exported["split_chunks"]
    train, val, test = (set(split_chunks[k]) for k in ("train", "validation", "test"))
    assert train and val and test
    assert not (train & val) and not (train & test) and not (val & test)
    assert sum(exported["split_counts"].values()) == len(entries)
    by_id = {e["id"]: e for e in entries}
    for fmt in ("jsonl", "parquet", "csv"):
        rows = []
        for f in exported["files"]:
            if f["format"] == fmt:
                part = read_table(resolve_path(f["path"]))
                assert {r["split"] for r in part} <= {f["split"]}
                rows.extend(part)
        assert sorted(r["id"] for r in rows) == sorted(by_id)
        for r in rows:
            assert r["question"] == by_id[r["id"]]["question"]
            assert r["answer"] == by_id[r["id"]]["answer"]
            assert float(r["quality_score"]) == pytest.approx(by_id[r["id"]]["quality_score"])
    with zipfile.ZipFile(resolve_path(exported["zip"])) as zf:
        assert len(zf.namelist()) == 9


def test_loop_regenerates_duplicates_and_reports_counts(home: Path) -> None:
    # the same text twice: the second copy's entries are near-duplicates of the first's
    paths = _write_topics(home, ["assert"], "a") + _write_topics(home, ["assert"], "b")
    chunked = call_tool("chunk_documents", {"paths": paths})
    out = call_tool(
        "generate_qa",
        {"project_id": chunked["project_id"], "datasets_per_chunk": 2, "max_attempts": 3},
    )
    before = out["quality_before"]
    assert before["distribution"]["low"] > 0  # the duplicates, before correction
    assert out["counts"]["regenerated"] > 0
    assert out["history"][0]["metrics"]["duplicates"] > 0
    assert out["history"][-1]["changes"]["kind"] == "regenerate"
    entries = qa_store.get_dataset(out["dataset_id"])["entries"]
    assert not find_duplicates(entries)
    regenerated = [e for e in entries if e["metadata"].get("regenerated")]
    assert regenerated and all(e["metadata"]["previous"]["reasons"] for e in regenerated)
    assert all(
        "near-duplicate" in " ".join(e["metadata"]["previous"]["reasons"]) for e in regenerated
    )
    assert out["quality_after"]["distribution"]["low"] == 0


@pytest.mark.parametrize("mode", ["qa", "question", "answer", "summarization", "instruction"])
def test_every_mode_writes_grounded_entries(mode: str) -> None:
    chunk = {"id": "c1", "text": topics["class"][:2500], "heading": "Class definitions"}
    entries = builtin_generate(chunk, mode, 3)
    assert entries and all(e["mode"] == mode for e in entries)
    for e in entries:
        assert grounded_sentences(e["metadata"]["evidence"], chunk["text"])
        if mode == "question":
            assert e["answer"] is None and e["question"].endswith("?")
        elif mode in ("summarization", "instruction"):
            assert e["question"].split()[0] in (
                "Summarize",
                "List",
                "Explain",
                "Describe",
                "State",
                "Fill",
            )
        assert e["answer"] is None or grounded_sentences(e["answer"], chunk["text"])
    judged = builtin_judge([{"id": f"e{i}", **e} for i, e in enumerate(entries)], {"c1": chunk})
    assert all(j["quality_score"] >= 0.7 for j in judged), [j["quality_reasons"] for j in judged]


def test_judge_catches_ungrounded_trivial_and_malformed() -> None:
    chunk = {"id": "c", "text": topics["assert"], "heading": "The assert statement"}
    good = {
        "id": "g",
        "question": "What are assert statements?",
        "answer": "Assert statements are a convenient way to insert debugging assertions into a program:",
        "source_chunk": "c",
        "mode": "qa",
    }
    bad = [
        {**good, "id": "u", "answer": "Bananas grow on tall herbs in tropical regions."},
        {
            **good,
            "id": "t",
            "question": "Are assert statements a convenient way to insert debugging assertions?",
            "answer": "assert statements",
        },
        {**good, "id": "m", "question": "assert statements debugging"},
        {**good, "id": "d", "question": "What are the assert statements?"},
    ]
    judged = {e["id"]: e for e in builtin_judge([good, *bad], {"c": chunk})}
    assert (
        judged["g"]["quality_score"] >= 0.9 and quality_band(judged["g"]["quality_score"]) == "high"
    )
    assert judged["u"]["quality_score"] <= 0.5
    assert any("not grounded" in r for r in judged["u"]["quality_reasons"])
    assert any(
        "repeats" in r or "contains its own answer" in r for r in judged["t"]["quality_reasons"]
    )
    assert any("'?'" in r for r in judged["m"]["quality_reasons"])
    assert judged["d"]["metadata"]["duplicate_of"] == "g"
    assert any("near-duplicate of g" in r for r in judged["d"]["quality_reasons"])
    summary = quality_summary(list(judged.values()))
    assert summary["distribution"]["low"] >= 2


def test_taxonomy_categories_and_saved_parameters(home: Path) -> None:
    chunked = call_tool("chunk_documents", {"paths": _write_topics(home, ["for", "try"])})
    pid = chunked["project_id"]
    qa_store.save_parameters(pid, {"answer_style": "concise", "purpose": "evaluation"})
    qa_store.set_taxonomy(
        pid,
        "control",
        {"Loops": ["loop", "iteration", "for", "break"], "Errors": ["exception", "try", "finally"]},
    )
    out = call_tool(
        "generate_qa", {"project_id": pid, "taxonomy_name": "control", "max_attempts": 1}
    )
    entries = qa_store.get_dataset(out["dataset_id"])["entries"]
    assert {e["category"] for e in entries} <= {"Loops", "Errors", "Other"}
    assert {"Loops", "Errors"} <= {e["category"] for e in entries}
    assert out["parameters"]["answer_style"] == "concise"
    definitions = [e for e in entries if e["metadata"]["question_type"] == "definition"]
    assert definitions and all(
        len(e["answer"]) < len(e["metadata"]["evidence"]) for e in definitions
    )
    with pytest.raises(Exception, match="taxonomy 'nope' not found"):
        call_tool("generate_qa", {"project_id": pid, "taxonomy_name": "nope"})


def test_score_qa_makes_a_new_version_and_keeps_the_old(home: Path) -> None:
    chunked = call_tool("chunk_documents", {"paths": _write_topics(home, ["while"])})
    out = call_tool("generate_qa", {"project_id": chunked["project_id"], "max_attempts": 1})
    v1 = qa_store.get_dataset(out["dataset_id"])
    scored = call_tool(
        "score_qa", {"dataset_id": out["dataset_id"], "taxonomy": ["loops", "statements"]}
    )
    assert scored["version"] == 2 and scored["scored_version"] == 1
    v2 = qa_store.get_dataset(out["dataset_id"])
    assert v2["version"] == 2 and {e["category"] for e in v2["entries"]} <= {
        "loops",
        "statements",
        "Other",
    }
    assert qa_store.get_dataset(out["dataset_id"], 1)["entries"] == v1["entries"]
    assert scored["passed"] + scored["failed"] == len(v2["entries"])
    with pytest.raises(Exception, match="not found"):
        call_tool("score_qa", {"dataset_id": "dataset_missing"})
    with pytest.raises(Exception, match="no version 9"):
        call_tool("export_dataset", {"dataset_id": out["dataset_id"], "version": 9})
    with pytest.raises(Exception, match="outside the workspace"):
        call_tool("export_dataset", {"dataset_id": out["dataset_id"], "output_dir": "../../x"})


def test_orchestrator_routes_a_qa_goal_through_chunk_generate_export(home: Path) -> None:
    from langgraph.checkpoint.memory import InMemorySaver

    from graphs.orchestrator import build_graph
    from graphs.state import RunContext

    for _ in range(2):  # project 3 must exist: make two empty ones first
        qa_store.create_project("other")
    pid = qa_store.create_project("docs")["id"]
    assert pid == 3
    for name in ("assert", "while"):
        qa_store.add_document(pid, filename=f"{name}.txt", text=topics[name], fmt="txt")
    graph = build_graph(InMemorySaver())
    config = {"configurable": {"thread_id": "qa"}}
    goal = (
        "Build a QA dataset from the docs in project 3, 3 questions per chunk, "
        "quality at least 0.8, jsonl with splits"
    )
    events = list(graph.stream({"goal": goal}, config, context=RunContext(), stream_mode="custom"))
    result = graph.get_state(config).values["result"]
    steps = result["steps"]
    assert [s["tool"] for s in steps] == ["chunk_documents", "generate_qa", "export_dataset"]
    assert all(s["status"] == "completed" for s in steps), steps
    gen, export = steps[1]["output"], steps[2]["output"]
    assert (
        gen["quality_after"]["distribution"]["low"] == 0
        and gen["target"]["quality_threshold"] == 0.8
    )
    assert export["split_counts"] and export["zip"].endswith(".zip")
    assert any("generated chunk" in str(e) for e in events)  # progress streamed per chunk
    answer = graph.get_state(config).values["answer"]
    assert "kept" in answer and "quality" in answer and "download:" in answer


def test_every_builtin_answer_on_the_whole_pydoc_corpus_is_grounded() -> None:
    from tools.qa.chunking import chunk_text

    total = 0
    for mode in ("qa", "answer", "summarization", "instruction"):
        for text in topics.values():
            for sp in chunk_text(text, strategy="paragraph", size=1500):
                chunk = {"id": "c", "text": sp.text, "heading": sp.heading}
                for e in builtin_generate(chunk, mode, 3):
                    total += 1
                    assert grounded_sentences(e["answer"], sp.text), (mode, e["answer"])
    assert total > 3000


def test_regenerate_entries_uses_feedback_and_can_refuse_to_trade_down(home: Path) -> None:
    from graphs.qa import regenerate_entries

    chunked = call_tool("chunk_documents", {"paths": _write_topics(home, ["class"])})
    out = call_tool("generate_qa", {"project_id": chunked["project_id"], "max_attempts": 1})
    ds = out["dataset_id"]
    first = qa_store.get_dataset(ds)["entries"][0]
    done = regenerate_entries(ds, [first["id"]], {"improve_quality": False}, ToolContext())
    assert done["regenerated"] == [first["id"]] and done["version"] == 2
    new = {e["id"]: e for e in qa_store.get_dataset(ds)["entries"]}[first["id"]]
    assert new["question"] != first["question"]
    assert new["metadata"]["previous"]["question"] == first["question"]
    # with improve_quality a rewrite that scores lower than a perfect entry is not taken
    assert new["quality_score"] <= 1.0
    best = max(qa_store.get_dataset(ds)["entries"], key=lambda e: e["quality_score"])
    kept = regenerate_entries(ds, [best["id"]], {"improve_quality": True}, ToolContext())
    after = {e["id"]: e for e in qa_store.get_dataset(ds)["entries"]}[best["id"]]
    assert after["quality_score"] >= best["quality_score"]
    assert kept["regenerated"] + kept["unchanged"] == [best["id"]]
    with pytest.raises(Exception, match="unknown entry ids: entry_nope"):
        regenerate_entries(ds, ["entry_nope"], {}, ToolContext())


def test_question_style_steers_the_builtin_writer() -> None:
    chunk = {"id": "c", "text": topics["try"], "heading": "try"}
    factual = builtin_generate(chunk, "qa", 4, prefer=["factual"])
    analytical = builtin_generate(chunk, "qa", 4, prefer=["analytical"])
    kinds = [e["metadata"]["question_type"] for e in analytical]
    assert kinds.count("cause_effect") > [e["metadata"]["question_type"] for e in factual].count(
        "cause_effect"
    )


def test_chunks_without_prose_are_an_input_error(home: Path) -> None:
    pid = qa_store.create_project("code only")["id"]
    code = "\n".join(f"    x{i} = compute({i})  # step" for i in range(40))
    qa_store.add_document(pid, filename="code.txt", text=code, fmt="txt")
    call_tool("chunk_documents", {"project_id": pid})
    with pytest.raises(Exception, match="found nothing to ask about") as err:
        call_tool("generate_qa", {"project_id": pid})
    assert "summarization" in err.value.hint
