"""Tools over HTTP: GET /tools lists the registry, POST /tools/{name} calls one."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import APIRouter, Body, Request

from api.common import json_safe, request_credentials, until_disconnect
from graphs.workflows import call_tool
from tools.base import ToolContext
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


@router.post("/tools/{name}")
async def invoke_tool(
    name: str, request: Request, args: dict[str, Any] | None = Body(default=None)
) -> dict[str, Any]:
    """Call a tool directly; the body is its arguments (422 with the schema on bad ones).

    The call stops (at the tool's next cancel check) if the client disconnects.
    """
    credentials = request_credentials(request)

    def work(cancel: threading.Event) -> Any:
        ctx = ToolContext(credentials=credentials, cancel_event=cancel)
        return call_tool(name, args, ctx)

    return {"tool": name, "output": json_safe(await until_disconnect(request, work))}
