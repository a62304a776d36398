"""The tool contract: a typed function, a pydantic input model, a docstring, and a call context."""

from __future__ import annotations

import inspect
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from errors import Cancelled, InvalidArguments, check_value


class ToolInput(BaseModel):
    """Base of every tool's input model: unknown fields are refused so typos surface."""

    model_config = ConfigDict(extra="forbid")


@dataclass
class ToolContext:
    """What a tool may use besides its arguments.

    `emit` receives progress events (dicts); `credentials` are per-request secrets (never
    stored or returned); `cancel_event` is set when the run was cancelled. `max_attempts` is
    the run's bound for self-correcting loops (used when the arguments do not set one);
    `output_key` names this step's outputs the same way every time the step runs, so a step
    resumed after a crash overwrites its own files instead of adding a second copy.
    """

    emit: Callable[[dict[str, Any]], None] | None = None
    credentials: dict[str, str] = field(default_factory=dict)
    cancel_event: threading.Event | None = None
    run_id: str | None = None
    tool: str = ""
    max_attempts: int | None = None
    output_key: str | None = None
    on_output: Callable[[Path], None] | None = None
    """Told about each output folder a step creates (the run removes them if it never ends)."""
    _last_emit: float = 0.0

    def progress(self, message: str, fraction: float | None = None, **data: Any) -> None:
        """Report progress (`fraction` 0..1 of this tool's work); cheap to call often."""
        if self.emit is None:
            return
        now = time.monotonic()
        final = fraction is not None and fraction >= 1.0
        if not final and now - self._last_emit < 0.05 and not data.get("force"):
            return
        self._last_emit = now
        event: dict[str, Any] = {"type": "progress", "tool": self.tool, "message": message}
        if fraction is not None:
            event["fraction"] = max(0.0, min(1.0, float(fraction)))
        event.update({k: v for k, v in data.items() if k != "force"})
        self.emit(event)

    def check_cancelled(self) -> None:
        """Raise `Cancelled` if the run was cancelled; long tools call this between chunks."""
        if self.cancel_event is not None and self.cancel_event.is_set():
            raise Cancelled(self.run_id or "")


ToolFunc = Callable[[Any, ToolContext], Any]


@dataclass(frozen=True)
class Tool:
    """One registry entry. `func` is None for workflow tools, whose loop lives in graphs/."""

    name: str
    description: str
    input_model: type[ToolInput]
    func: ToolFunc | None = None
    tags: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """The first line of the description."""
        return self.description.strip().splitlines()[0] if self.description else self.name

    @property
    def is_workflow(self) -> bool:
        """True when the implementation is a self-correcting subgraph in graphs/."""
        return self.func is None

    def input_schema(self) -> dict[str, Any]:
        """The JSON Schema of the arguments."""
        return self.input_model.model_json_schema()

    def validate(self, args: dict[str, Any] | None) -> ToolInput:
        """Validate raw arguments; raise `InvalidArguments` with the field errors and schema."""
        if args is not None and not isinstance(args, dict):
            raise InvalidArguments(
                f"arguments for {self.name} must be a JSON object",
                hint=f"send an object matching the schema at GET /tools/{self.name}",
            )
        # Every surface (HTTP, MCP stdio, CLI, the LLM) reaches the stores through here.
        check_value(args or {}, "arguments", InvalidArguments)
        try:
            return self.input_model.model_validate(args or {})
        except ValidationError as exc:
            errors = [
                {"loc": ".".join(str(p) for p in e["loc"]), "msg": e["msg"], "type": e["type"]}
                for e in exc.errors(include_url=False, include_context=False, include_input=False)
            ]
            first = errors[0] if errors else {"loc": "", "msg": "invalid"}
            raise InvalidArguments(
                f"invalid arguments for {self.name}: {first['loc'] or 'body'}: {first['msg']}",
                hint="fix the fields listed in details; the schema is in details.schema",
                details={"errors": errors, "schema": self.input_schema()},
            ) from None


def tool(input_model: type[ToolInput], *, tags: tuple[str, ...] = ()) -> Callable[[ToolFunc], Tool]:
    """Turn `def name(args: Input, ctx: ToolContext) -> dict` into a `Tool` (docstring = contract)."""

    def wrap(func: ToolFunc) -> Tool:
        doc = inspect.getdoc(func) or ""
        if not doc:
            raise TypeError(f"tool {func.__name__} needs a docstring (its contract)")
        return Tool(
            name=func.__name__, description=doc, input_model=input_model, func=func, tags=tags
        )

    return wrap


def workflow(name: str, input_model: type[ToolInput], description: str) -> Tool:
    """Declare a tool whose implementation is a self-correcting loop bound in graphs/."""
    return Tool(name=name, description=description, input_model=input_model, func=None)
