"""QA goals in loose wording: all the documents, scoring after generating, pairs per chunk."""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.arguments import qa_options
from agents.intent import cue_tools
from agents.plan import PlanStep
from agents.planner import _reads_document, plan_goal
from agents.references import every_document
from settings import get_settings


@pytest.fixture
def two_docs() -> Path:
    """A workspace with two manuals and one table."""
    ws = get_settings().workspace
    (ws / "manuals").mkdir(parents=True, exist_ok=True)
    (ws / "manuals" / "forklift_safety.md").write_text("# Forklift\n\nWear a helmet.\n")
    (ws / "manuals" / "night_shift.md").write_text("# Night shift\n\nLock the gate at 22:00.\n")
    (ws / "pallets.csv").write_text("pallet_id,weight\n1,20\n2,35\n")
    return ws


def test_both_manuals_are_every_document() -> None:
    docs = ["manuals/a.md", "manuals/b.md", "pallets.csv"]
    assert every_document("questions over both of our shift manuals", docs) == docs[:2]
    assert every_document("an FAQ set from both internal documents", docs) == docs[:2]
    # 'both' with three documents is not all of them; no such words: nothing
    assert every_document("both docs please", [*docs, "manuals/c.md"]) == []
    assert every_document("questions from the forklift manual", docs) == []


def test_qa_over_both_documents_chunks_both(two_docs: Path) -> None:
    plan = plan_goal("Make a quiz covering both docs delivered in CSV for the trainers.")
    assert plan.question is None, plan.question
    tools = [s.tool for s in plan.steps]
    assert tools == ["chunk_documents", "generate_qa", "export_dataset"]
    assert sorted(plan.steps[0].args["paths"]) == [
        "manuals/forklift_safety.md",
        "manuals/night_shift.md",
    ]
    assert plan.steps[2].args["format"] == "csv"


def test_rescoring_after_generation_is_its_own_step() -> None:
    def tools(goal: str) -> list[str] | None:
        return cue_tools(goal, ["manuals/forklift_safety.md"], None, lambda _: True)

    assert tools(
        "write question/answer pairs from manuals/forklift_safety.md, then grade them at 0.85"
    ) == ["chunk_documents", "generate_qa", "score_qa"]
    # the judge's threshold as a setting of the generation is no extra step
    assert "score_qa" not in (
        tools("make QA from manuals/forklift_safety.md with a judge threshold of 0.7") or []
    )


def test_pairs_per_chunk_is_not_the_chunk_size() -> None:
    assert "datasets_per_chunk" not in qa_options("chunks of 300 tokens per chunk, concise")
    assert qa_options("300 tokens per chunk; Four QA pairs per chunk")["datasets_per_chunk"] == 4
    assert qa_options("five question-answer pairs per section")["datasets_per_chunk"] == 5
    assert qa_options("two for each part are plenty")["datasets_per_chunk"] == 2


def test_a_table_tool_on_a_document_is_not_buildable() -> None:
    assert _reads_document(PlanStep(tool="train_model", args={"dataset": "manuals/night_shift.md"}))
    assert not _reads_document(PlanStep(tool="train_model", args={"dataset": "pallets.csv"}))
    assert not _reads_document(PlanStep(tool="chunk_documents", args={"paths": ["manuals/a.md"]}))
