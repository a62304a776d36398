"""A thread's state as router tokens: what the last acting turn ran and what the thread holds.

One vocabulary (`TOKENS`) for both sides, so the router's rows and its input at plan time cannot
drift: `from_turns` reads a conversation's earlier turns by their *expected* tools (the rows
written by `benchmarks/goals/export_phrasings.py`), `from_memory` reads a live thread's memory
(what really ran, `agents/planner.remember` and the plan node). Both end in `tokens`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

HOLDS: dict[str, str] = {
    "train_model": "model",
    "label_dataset": "labels",
    "generate_qa": "qa",
    "chunk_documents": "chunks",
    "detect_anomalies": "anomalies",
    "train_generator": "generator",
    "write_labeling_functions": "lfs",
}
"""A tool whose output a later turn can refer to → the thing the thread then holds."""
LAST_TOOLS = (
    "apply_labeling_functions",
    "chunk_documents",
    "correct_labels",
    "dataset_configs",
    "detect_anomalies",
    "download_dataset",
    "evaluate_model",
    "export_dataset",
    "export_labeled_data",
    "generate_qa",
    "generate_synthetic",
    "inspect_dataset",
    "label_dataset",
    "labeling_workbench",
    "list_local_datasets",
    "model_leaderboard",
    "predict",
    "preview_rows",
    "reapply_labeling_functions",
    "save_table",
    "score_qa",
    "search_datasets",
    "train_generator",
    "train_model",
    "trending_datasets",
    "vote_labels",
    "workbench_rows",
    "write_labeling_functions",
)
"""Tools whose `last_<tool>` token the router knows (another tool gives `last_other`)."""
FRESH = "fresh"
TOKENS: tuple[str, ...] = (
    FRESH,
    "thread",
    "pending_question",
    "last_answer",
    "last_other",
    *(f"last_{t}" for t in LAST_TOOLS),
    *(f"has_{h}" for h in dict.fromkeys(HOLDS.values())),
)
"""Every state token, in feature order (the router's state block)."""
TURN_KEY = "turn_kind"
"""Memory key the plan node sets: 'answer' after a turn without a tool, 'tools' after one with
tools; 'question' while the reply to the planner's own question is planned with the question,
'reply' while it is planned alone (is it a new request?)."""
SAID_KEY = "said"
"""Memory key the plan node sets: the person's last few requests on the thread, as typed (what
the thread talked about: 'how many rows have a mood?' names the column a later 'train something
on that' predicts). Not a thing the thread holds."""
SAID_KEPT = 3
"""How many of the person's requests `SAID_KEY` keeps (each cut to 300 characters)."""


def said_after(memory: dict[str, Any], goal: str) -> list[str]:
    """The thread's `SAID_KEY` list after the person said `goal` (the last `SAID_KEPT`)."""
    kept = [s for s in memory.get(SAID_KEY) or [] if isinstance(s, str)]
    return [*kept, goal[:300]][-SAID_KEPT:] if goal.strip() else kept[-SAID_KEPT:]


MEMORY_HOLDS: dict[str, str] = {
    "model": "model",
    "models": "model",
    "trainings": "model",
    "labeled": "labels",
    "qa_dataset": "qa",
    "chunk_set": "chunks",
    "generator": "generator",
    "generator_info": "generator",
    "labeling_functions": "lfs",
}
"""Memory keys (agents/planner.remember) → what the thread holds."""


def tokens(
    last_tools: Iterable[str],
    holds: Iterable[str],
    pending_question: bool = False,
    last_answer: bool = False,
    thread: bool = True,
) -> str:
    """The state as space-separated tokens of `TOKENS` (sorted); no thread: 'fresh'."""
    if not thread:
        return FRESH
    out = {"thread"}
    out |= {f"last_{t}" if t in LAST_TOOLS else "last_other" for t in last_tools}
    out |= {f"has_{h}" for h in holds if f"has_{h}" in TOKENS}
    if pending_question:
        out.add("pending_question")
    if last_answer:
        out.add("last_answer")
    return " ".join(sorted(out))


def from_turns(before: list[dict[str, Any]]) -> str:
    """The state after these conversation turns (FORMAT.md items), by their expected tools."""
    if not before:
        return FRESH
    acting = [t for t in before if t["expect"].get("tools")]
    last = acting[-1]["expect"]["tools"] if acting else []
    holds = [HOLDS[t] for turn in before for t in turn["expect"].get("tools") or [] if t in HOLDS]
    return tokens(
        last,
        holds,
        pending_question=bool(before[-1]["expect"].get("ask")),
        last_answer=not before[-1]["expect"].get("tools"),
    )


def from_memory(memory: dict[str, Any] | None) -> str:
    """The state of a live thread from its memory: the last acting turn's tools (as planned),
    what its results and kept outputs hold, how the last turn ended.
    """
    memory = memory or {}
    if not any(memory.get(k) for k in memory):
        return FRESH
    last = [str(s.get("tool")) for s in memory.get("last_turn") or [] if isinstance(s, dict)]
    holds = [h for key, h in MEMORY_HOLDS.items() if memory.get(key)]
    holds += [
        HOLDS[r["tool"]]
        for r in memory.get("results") or []
        if isinstance(r, dict) and r.get("tool") in HOLDS
    ]
    kind = memory.get(TURN_KEY)
    return tokens(
        last,
        holds,
        pending_question=kind in ("question", "reply"),
        last_answer=kind in ("answer", "question", "reply"),
    )
