"""Typed state of the orchestrator graph, its narrow input, and the per-run context."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, TypedDict

from langchain_core.messages import AnyMessage
from langgraph.graph.message import add_messages


class InputState(TypedDict, total=False):
    """What a caller gives: the goal of this turn (the thread keeps everything else)."""

    goal: str
    messages: Annotated[list[AnyMessage], add_messages]
    """The conversation; the caller's goal is appended as a human message."""


class OrchestratorState(InputState, total=False):
    """The full state of one thread; each node returns a partial update of it."""

    plan: dict[str, Any] | None
    """This turn's plan: {"steps": [{"tool", "args", "why"}], "targets": {...}, "question"?}."""
    step_index: int
    """Index of the next plan step to run."""
    steps: list[dict[str, Any]]
    """What ran this turn: {tool, args, status, output | error, started_at, seconds}."""
    memory: dict[str, Any]
    """What later turns may refer to: last listing, last dataset, last model, ... (kept across turns)."""
    answer: str
    """The answer message of this turn."""
    result: dict[str, Any]
    """The structured result of this turn (plan, steps, artifacts, loop fields)."""
    next_goal: str | None
    """A reply to the replace question that was a new request: planned as the next turn."""
    earlier: dict[str, Any] | None
    """The answer and result of the turn a `next_goal` followed (shown before the new one's)."""


@dataclass
class RunContext:
    """Per-run settings passed through LangGraph's `context` (not checkpointed)."""

    run_id: str = ""
    max_attempts: int = 3
    dry_run: bool = False
    credentials: dict[str, str] = field(default_factory=dict)
    cancel_event: threading.Event | None = None
    on_output: Callable[[Path, str], None] | None = None
    """Told about each output folder a step creates, with the step's output key."""
