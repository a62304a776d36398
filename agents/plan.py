"""What a plan is: the steps, targets and question the planners return, and the plan being built."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field


class PlanStep(BaseModel):
    """One step: a registry tool and its arguments (values may be `${steps.N.path}` references)."""

    tool: str
    args: dict[str, Any] = Field(default_factory=dict)
    why: str = ""


class Plan(BaseModel):
    """What a goal will do: ordered steps, the quality targets it named, or a question back."""

    steps: list[PlanStep] = Field(default_factory=list)
    targets: dict[str, float] = Field(default_factory=dict)
    question: str | None = None
    notes: list[str] = Field(default_factory=list)
    planner: str = "builtin"
    asked: dict[str, Any] = Field(default_factory=dict)
    """What the person asked to see, e.g. {"metric": "f1"} (the answer leads with it)."""
    answer: str | None = None
    """An answer from the thread's memory when the turn needs no tool ("what was the F1?")."""


@dataclass
class Planning:
    memory: dict[str, Any]
    steps: list[PlanStep] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    question: str | None = None
    answer: str | None = None
    context_files: list[str] = field(default_factory=list)
    goal: str = ""
    hard: bool = False
    """A clause was routed by hard evidence (a tool named, rules said, the thread): no router."""
    cued: bool = False
    """Set by the clause intent when it reached the cue rules (weak evidence) for this clause."""
    asked_by: str | None = None
    """The tool whose argument builder asked the question (None: no question, or one asked
    before any tool was built, e.g. which file)."""

    def last_step(self, *tools: str) -> int | None:
        for index in range(len(self.steps) - 1, -1, -1):
            if not tools or self.steps[index].tool in tools:
                return index
        return None

    def add(self, tool: str, args: dict[str, Any], why: str) -> None:
        self.steps.append(PlanStep(tool=tool, args=args, why=why))


def call_again(
    tool: str, args: dict[str, Any], changes: dict[str, Any], targets: dict[str, float], why: str
) -> Plan:
    """The last call of `tool` once more with `changes` applied, the note saying what changed."""
    said = ", ".join(f"{k}={v!r}" for k, v in changes.items())
    return Plan(
        steps=[PlanStep(tool=tool, args={**args, **changes}, why=why)],
        targets=targets,
        notes=[f"{tool} again with {said}"],
    )
