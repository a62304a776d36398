"""MCP: the tool registry (plus `run_goal`) as an MCP server at /mcp and over stdio."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from fastapi import APIRouter, FastAPI
from mcp.server.mcpserver import MCPServer
from mcp.server.transport_security import TransportSecuritySettings
from mcp_types import CallToolResult, TextContent
from mcp_types import Tool as MCPTool
from pydantic import BaseModel, ConfigDict, Field

from api.common import json_safe, request_credentials
from errors import ForgeflowError, check_value
from graphs.runner import get_manager
from settings import VERSION, get_settings
from tools.registry import all_tools, get_tool

router = APIRouter()

RUN_GOAL = "run_goal"


class RunGoalInput(BaseModel):
    """Arguments of the run_goal MCP tool."""

    model_config = ConfigDict(extra="forbid")

    goal: str = Field(min_length=1, description="What you want done, in plain language.")
    thread_id: str | None = Field(
        default=None, description="Continue this thread (follow-ups see earlier turns)."
    )
    max_attempts: int | None = Field(default=None, ge=1, le=50)


RUN_GOAL_DESCRIPTION = (
    "Run a goal through the forgeflow orchestrator and return its answer.\n\n"
    "The goal is planned into tool steps (dataset search and download, labeling, training, QA "
    "generation), run, and self-corrected to any target it names. Returns the run id, thread id, "
    "status, the answer message and the structured result."
)


def _error_result(message: str, hint: str = "", details: Any = None) -> CallToolResult:
    text = message + (f"\nhint: {hint}" if hint else "")
    if details:
        text += "\n" + json.dumps(details, default=str)[:4000]
    return CallToolResult(content=[TextContent(type="text", text=text)], is_error=True)


def _ok_result(output: Any) -> CallToolResult:
    safe = json_safe(output)
    structured = safe if isinstance(safe, dict) else {"result": safe}
    text = json.dumps(safe, default=str)
    return CallToolResult(
        content=[TextContent(type="text", text=text)], structured_content=structured
    )


def _run_goal(args: dict[str, Any], credentials: dict[str, str]) -> dict[str, Any]:
    parsed = RunGoalInput.model_validate(args)
    manager = get_manager()
    run = manager.submit_goal(
        parsed.goal,
        thread_id=parsed.thread_id,
        max_attempts=parsed.max_attempts,
        source="mcp",
        credentials=credentials,
    )
    final = manager.wait(run["run_id"])
    result = dict(final.get("result") or {})
    return {
        "run_id": final["run_id"],
        "thread_id": final["thread_id"],
        "status": final["status"],
        "message": result.pop("message", ""),
        "result": result,
        "error": final.get("error"),
    }


def _run_tool(name: str, args: dict[str, Any], credentials: dict[str, str]) -> Any:
    """An MCP tool call is a run like any other (listed, cancellable, with events)."""
    manager = get_manager()
    run = manager.submit_tool(name, args, source="mcp", credentials=credentials)
    final = manager.wait(run["run_id"])
    error = final.get("error") or {}
    if final["status"] != "completed":
        raise ForgeflowError(
            error.get("message", f"the tool call ended {final['status']}"),
            hint=error.get("hint", ""),
            code=error.get("code", final["status"]),
            details=error.get("details"),
        )
    return (final.get("result") or {}).get("output")


def _credentials(context: Any) -> dict[str, str]:
    """The HTTP request's credential headers (X-HF-Token, X-Kaggle-*); none over stdio."""
    try:
        request = context.request_context.request
    except (AttributeError, ValueError):
        return {}
    return request_credentials(request) if getattr(request, "headers", None) else {}


class ForgeflowMCP(MCPServer):
    """An MCP server whose tools are the registry's (same names, descriptions, schemas)."""

    async def list_tools(self) -> list[MCPTool]:
        """Every registry tool plus run_goal."""
        tools = [
            MCPTool(name=t.name, description=t.description, input_schema=t.input_schema())
            for t in all_tools()
        ]
        tools.append(
            MCPTool(
                name=RUN_GOAL,
                description=RUN_GOAL_DESCRIPTION,
                input_schema=RunGoalInput.model_json_schema(),
            )
        )
        return tools

    def _tool_input_schema(self, name: str) -> dict[str, Any] | None:
        if name == RUN_GOAL:
            return RunGoalInput.model_json_schema()
        try:
            return get_tool(name).input_schema()
        except ForgeflowError:
            return None

    async def call_tool(
        self, name: str, arguments: dict[str, Any], context: Any = None
    ) -> CallToolResult:
        """Run a registry tool (or run_goal) as a run with the request's credentials; mistakes
        become error results.
        """
        credentials = _credentials(context)
        try:
            check_value(arguments or {}, "arguments")  # stdio has no HTTP middleware in front
            if name == RUN_GOAL:
                output = await anyio.to_thread.run_sync(_run_goal, arguments or {}, credentials)
            else:
                output = await anyio.to_thread.run_sync(
                    _run_tool, name, arguments or {}, credentials
                )
        except ForgeflowError as exc:
            return _error_result(exc.message, exc.hint, exc.details)
        except ValueError as exc:  # pydantic validation of run_goal arguments
            return _error_result(f"invalid arguments for {name}: {exc}")
        return _ok_result(output)


def build_mcp_server() -> ForgeflowMCP:
    """A fresh MCP server over the registry."""
    return ForgeflowMCP(
        name="forgeflow",
        version=VERSION,
        instructions="forgeflow's tools for ML data work; run_goal runs a whole goal.",
    )


def install(app: FastAPI) -> None:
    """Mount the streamable-HTTP MCP endpoint at /mcp on the app."""
    server = build_mcp_server()
    if get_settings().keys:
        # API keys guard /mcp; the server may be reached under any host name.
        security = TransportSecuritySettings(enable_dns_rebinding_protection=False)
    else:
        security = None  # the SDK's localhost-only DNS-rebinding protection
    starlette_app = server.streamable_http_app(
        streamable_http_path="/mcp", transport_security=security, stateless_http=False
    )
    for route in starlette_app.routes:
        app.router.routes.append(route)
    app.state.mcp_server = server


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Run the MCP session manager for the app's lifetime."""
    async with app.state.mcp_server.session_manager.run():
        yield


def run_stdio() -> None:
    """Serve the registry over MCP stdio (for desktop clients)."""
    anyio.run(build_mcp_server().run_stdio_async)
