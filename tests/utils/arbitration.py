"""Router-arbitration test harness: the router counted as ready, a trace installed, a stub router."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import agents.planner as planner
from agents import arbiter, router
from settings import reset_settings


def arbitrating(monkeypatch: pytest.MonkeyPatch, outrank: bool = False) -> Iterator[dict]:
    """Count the router as ready, unset the overrule knob and install the gate trace (yielded);
    settings are re-read before and after. Use with `yield from` inside a fixture. Unless
    `outrank`, the gates are tested alone: no gate gives way to a router that outranks the
    rules' plan (`planner.ROUTER_OUTRANK` off, fourteenth round).
    """
    monkeypatch.setattr(planner, "semantic_ready", lambda: True)
    if not outrank:
        monkeypatch.setattr(planner, "ROUTER_OUTRANK", None)
    monkeypatch.delenv("FORGEFLOW_ROUTER_OVERRULE", raising=False)
    reset_settings()
    trace: dict = {}
    monkeypatch.setattr(arbiter, "RECORD", trace)
    yield trace
    reset_settings()


def router_says(
    monkeypatch: pytest.MonkeyPatch, tools: tuple[str, ...], confidence: float
) -> list[str]:
    """Make the router answer `tools` with `confidence`; returns the goals it was asked about."""
    asked: list[str] = []

    def route(goal: str, exclude: frozenset[str] | None = None) -> router.Route:
        asked.append(goal)
        return router.Route(tools, confidence)

    monkeypatch.setattr(router, "route", route)
    monkeypatch.setattr(
        router, "ranked", lambda goal, exclude=None, state=None: [router.Route(tools, confidence)]
    )
    return asked
