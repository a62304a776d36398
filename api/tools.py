"""Tools over HTTP: GET /tools lists the registry, POST /tools/{name} calls one (as a run)."""

from __future__ import annotations

from typing import Any, Literal

import anyio
from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import JSONResponse

from api.common import json_safe, request_credentials, run_tool_until_disconnect
from graphs.runner import get_manager
from tools.registry import all_tools, get_tool

router = APIRouter(tags=["tools"])


def _describe(name: str) -> dict[str, Any]:
    spec = get_tool(name)
    return {
        "name": spec.name,
        "description": spec.description,
        "input_schema": spec.input_schema(),
        "workflow": spec.is_workflow,
        "tags": list(spec.tags),
    }


@router.get("/tools")
def list_tools() -> dict[str, Any]:
    """Every tool with its description and the JSON Schema of its inputs."""
    return {"tools": [_describe(t.name) for t in all_tools()]}


@router.get("/tools/{name}")
def describe_tool(name: str) -> dict[str, Any]:
    """One tool's description and input schema."""
    return _describe(name)


@router.post(
    "/tools/{name}",
    response_model=None,
    responses={202: {"description": "mode=background: the call was queued as a run."}},
)
async def invoke_tool(
    name: str,
    request: Request,
    args: dict[str, Any] | None = Body(default=None),
    mode: Literal["wait", "background"] = Query(default="wait"),
) -> Any:
    """Call a tool directly; the body is its arguments (422 with the schema on bad ones).

    The call is a run (GET /runs/{run_id}, its events, cancel): `mode=background` answers
    202 with the run id at once; the default waits and returns the tool's output, and a
    client that disconnects cancels the run (it stops at the tool's next cancel check).
    """
    credentials = request_credentials(request)
    if mode == "background":
        manager = get_manager()
        run = await anyio.to_thread.run_sync(
            lambda: manager.submit_tool(name, args, source="tools", credentials=credentials)
        )
        return JSONResponse(
            {"tool": name, "run_id": run["run_id"], "status": "pending"}, status_code=202
        )
    final, output = await run_tool_until_disconnect(
        request, name, args, source="tools", credentials=credentials
    )
    return {"tool": name, "run_id": final["run_id"], "output": json_safe(output)}
