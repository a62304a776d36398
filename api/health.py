"""GET /health: liveness, version, the configured LLM and the features this server has."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from settings import VERSION, get_settings
from tools.registry import CAPABILITIES, all_tools

router = APIRouter(tags=["health"])


@router.get("/health")
def health() -> dict[str, Any]:
    """Report that the server is up and what it can do."""
    settings = get_settings()
    names = {t.name for t in all_tools()}
    return {
        "status": "ok",
        "version": VERSION,
        "llm": settings.llm,
        "auth": bool(settings.keys),
        "features": {
            "tools": sorted(names),
            "unavailable": sorted(set(CAPABILITIES) - names),
        },
    }
