"""GET /health: liveness, version, the LLM, features, and the database, queue and workers."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from graphs.runner import get_manager
from settings import VERSION, get_settings
from tools.registry import CAPABILITIES, all_tools

router = APIRouter(tags=["health"])


@router.get("/health", response_model=None)
def health() -> Any:
    """Report what the server can do and whether its database, queue and workers are up.

    503 (same body, status "unavailable") while the database does not answer.
    """
    settings = get_settings()
    names = {t.name for t in all_tools()}
    runs = get_manager().health()
    body: dict[str, Any] = {
        "status": "ok" if runs["database"]["ok"] else "unavailable",
        "version": VERSION,
        "llm": settings.llm,
        "auth": bool(settings.keys),
        "features": {
            "tools": sorted(names),
            "unavailable": sorted(set(CAPABILITIES) - names),
        },
        **runs,
    }
    if not runs["database"]["ok"]:
        body["hint"] = "the database is not answering; runs resume when it is back"
        return JSONResponse(body, status_code=503)
    if runs["executor"] == "queue" and not runs.get("workers"):
        body["hint"] = "no worker is running: start one with `forgeflow worker`"
    return body
