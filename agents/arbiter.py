"""The gates of the planner's router arbitration: which gate decided, and the overrule knob.

`agents/planner.py` (`_arbitrate`) holds the learned router back through gates (hard evidence, a
question back, a tool named outright, the relation thresholds, a build that differs, ...). Each
arbitration goes through a `Gates`: it asks the router at most once (lazily), names the gate that
decided (`RECORD`, filled only when a benchmark installs a dict there: nothing reaches users),
and applies the benchmark knob `FORGEFLOW_ROUTER_OVERRULE` (`gate@confidence,...`): a router
choice at or above that confidence passes that gate (the later gates still apply). Unset, only
the defaults (`PASSES`, chosen on new writers' goals) pass: every other gate holds.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from agents.plan import PlanStep
    from agents.router import Route

logger = logging.getLogger(__name__)

OVERRULABLE = (
    "hard",
    "question",
    "answer",
    "rules_in_words",
    "named_tool",
    "thread",
    "repeat",
    "feeds",
    "threshold",
    "build_differs",
)
"""Gates a confident router may pass. Never: `not_ready`/`router_none` (no router answer),
`same` (nothing to change), `not_buildable` (no builder reads the tool from a clause),
`build_asks` (the router's own build asks a question, or lacks a required argument: the question
stands; `router_asks` when the rules only looked at the table the router's build asks about:
its question, not the look-up), `document` (a table tool given a document fails whatever the
confidence) and `not_a_class` (the router's rows of a class the thread's labeling run does not
have: the run's classes are the answer).
"""
GATES = (
    *OVERRULABLE,
    "not_ready",
    "router_none",
    "same",
    "not_buildable",
    "build_asks",
    "router_asks",
    "document",
    "not_a_class",
    "made_said",
    "regression",
    "router",
)
"""Every gate name the trace can hold; 'router' when the router's plan won."""

PASSES: dict[str, float] = {"answer": 0.25}
"""The gates a confident router passes by default (the knob's entries replace these per gate):
`answer`, a plan that is an answer of the rules (a glossary entry, an out-of-scope reply), not
'not understood', gives way to a router choice at the bar of a fresh goal's fill or replacement
(`ROUTER_FILL`, `ROUTER_REPLACE`: 0.25) or above; its plan must still be built whole (`complete`,
`build_asks`). 0.8 from the eleventh round (three new writers' sets); 0.25 since the fifteenth,
chosen with that bar on the arbitration selection set (rule-unseen sets, aggregates;
docs/planner.md).
"""

RECORD: dict[str, Any] | None = None
"""Where a benchmark reads the last arbitration's trace (gate, passed gates, the router's tools
and confidence when the router was asked, and for a fresh goal that reached the thresholds the
relation whose threshold applied, `fill`/`add`/`drop`/`replace`, and whether the router planned
look-ups only against the rules' action tools, `lookups`); None (the default) records nothing. One
benchmark process plans one goal at a time, so one dict is enough.
"""

_UNSET: Any = object()


@functools.lru_cache(maxsize=8)
def parse(value: str) -> dict[str, float]:
    """`gate@confidence,...` → {gate: confidence}; a malformed entry is ignored with a warning."""
    out: dict[str, float] = {}
    for part in (p.strip() for p in value.split(",")):
        if not part:
            continue
        gate, sep, number = (s.strip() for s in part.partition("@"))
        try:
            limit = float(number) if sep else None
        except ValueError:
            limit = None
        if gate not in OVERRULABLE or limit is None or not 0.0 <= limit <= 1.0:
            logger.warning(
                "FORGEFLOW_ROUTER_OVERRULE: %r ignored (want gate@confidence, confidence in "
                "0..1, gate one of %s)",
                part,
                ", ".join(OVERRULABLE),
            )
            continue
        out[gate] = limit
    return out


def overrule() -> dict[str, float]:
    """The gates a router choice may pass and at which confidence: the defaults (`PASSES`),
    each replaced by the knob's entry for that gate (parsed once per value).
    """
    from settings import get_settings

    return {**PASSES, **parse(get_settings().router_overrule)}


class Gates:
    """One arbitration: the router's choice (asked once, when first needed) and the gates passed."""

    def __init__(self, goal: str, state: str | None = None) -> None:
        self.goal = goal
        self.state = state  # a thread's state tokens (agents/thread_state.py); None: fresh
        self.passed: list[str] = []
        self.relation: str | None = None  # fill, add, drop or replace (a fresh goal's threshold)
        self.lookups = False  # the router plans look-ups only against the rules' action tools
        self._choice: Route | None = _UNSET
        self._ranked: list[Route] | None = None
        self.rank: int | None = None  # where the router ranks the rules' plan (when asked)
        self.relax: Callable[[str], bool] | None = None  # passes a gate before the knob
        self.outranked: list[str] = []  # the gates `relax` passed

    def choice(self) -> Route | None:
        """The router's top choice for the goal (None without training data)."""
        if self._choice is _UNSET:
            from agents import router

            self._choice = (
                router.route(self.goal)
                if self.state is None
                else router.route(self.goal, state=self.state)
            )
        return self._choice

    def ranked(self) -> list[Route]:
        """Every sequence the router knows for the goal, most probable first ([] without data)."""
        if self._ranked is None:
            from agents import router

            self._ranked = (
                router.ranked(self.goal)
                if self.state is None
                else router.ranked(self.goal, state=self.state)
            )
        return self._ranked

    def rank_of(self, tools: list[str], ignored: tuple[str, ...] = ()) -> int | None:
        """Where the router ranks a tool sequence (0: its top choice), `ignored` tools (look-ups)
        left out on both sides; None for a sequence it does not know.
        """
        want = [t for t in tools if t not in ignored]
        for at, route in enumerate(self.ranked()):
            if [t for t in route.tools if t not in ignored] == want:
                return at
        return None

    def holds(self, gate: str) -> bool:
        """Whether a gate that fired holds the router back: yes, unless the knob names this gate
        and the router's choice is at or above its confidence (then the gate is passed).
        """
        if gate in OVERRULABLE and self.relax is not None and self.relax(gate):
            self.passed.append(gate)
            self.outranked.append(gate)
            return False
        limit = overrule().get(gate) if gate in OVERRULABLE else None
        if limit is not None:
            choice = self.choice()
            if choice is not None and choice.confidence >= limit:
                self.passed.append(gate)
                return False
        self.decide(gate)
        return True

    def decide(self, gate: str) -> None:
        """Record the gate that decided (only when a benchmark asked for it)."""
        if RECORD is None:
            return
        choice = None if self._choice is _UNSET else self._choice
        RECORD.clear()
        RECORD.update(
            gate=gate,
            passed=list(self.passed),
            tools=list(choice.tools) if choice is not None else None,
            confidence=choice.confidence if choice is not None else None,
            relation=self.relation,
            lookups=self.lookups,
            rank=self.rank,
            outranked=list(self.outranked),
        )


def complete(steps: list[PlanStep]) -> bool:
    """Whether every step has its tool's required arguments (by name or alias): checked only for a
    router plan that passed a gate, so a relaxed gate never plans a step that would have to ask.
    """
    from tools.registry import get_tool

    for step in steps:
        try:
            model = get_tool(step.tool).input_model
        except Exception:  # noqa: BLE001 - an unknown tool is not a complete step
            return False
        for name, info in model.model_fields.items():
            if not info.is_required():
                continue
            alias = info.validation_alias
            names = {name, *(getattr(alias, "choices", None) or ([alias] if alias else []))}
            if not any(isinstance(n, str) and step.args.get(n) is not None for n in names):
                return False
    return True
