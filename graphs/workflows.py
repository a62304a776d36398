"""Calling a registry tool or a compatible API's job: validate, then run its function or loop."""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from typing import Any

from errors import Unavailable
from graphs.serialize import plain
from store.outputs import output_paths, record, written_since
from tools.base import ToolContext, ToolInput
from tools.registry import get_tool

# Workflow tools (func=None in the registry) are self-correcting loops that live here in
# graphs/; each entry is "module:function" taking (validated input, ToolContext) -> dict.
WORKFLOWS: dict[str, str] = {
    "generate_qa": "graphs.qa:run_generate_qa",
    "score_qa": "graphs.qa:run_score_qa",
    "label_dataset": "graphs.labeling:label_dataset",
    "write_labeling_functions": "graphs.labeling:write_labeling_functions",
    "train_model": "graphs.training:run_train_model",
}


# Jobs of the compatible APIs that are not one registry tool (a pipeline of several): each
# "module:function" takes (request dict, ToolContext) -> dict. The run manager runs them.
JOBS: dict[str, str] = {
    "qa_generate": "graphs.qa:run_pipeline",
    "qa_regenerate": "graphs.qa:regenerate_job",
    "synthetic_data": "graphs.training:synthetic_data_job",
}


def _workflow(name: str) -> Callable[[ToolInput, ToolContext], dict[str, Any]]:
    target = WORKFLOWS.get(name)
    if target is None:
        raise Unavailable(
            f"workflow {name!r} has no implementation bound",
            hint="bind it in graphs/workflows.py WORKFLOWS",
            code="tool_unavailable",
        )
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def _with_run_attempts(spec: Any, args: dict[str, Any] | None, ctx: ToolContext) -> Any:
    """The run's max_attempts reaches a loop tool whose arguments do not set their own
    (bounded by the tool's own limit).
    """
    field = spec.input_model.model_fields.get("max_attempts")
    if ctx.max_attempts is None or field is None or not isinstance(args, dict | None):
        return args
    if args and args.get("max_attempts") is not None:
        return args
    limit = next((m.le for m in field.metadata if getattr(m, "le", None) is not None), None)
    value = ctx.max_attempts if limit is None else min(ctx.max_attempts, int(limit))
    return {**(args or {}), "max_attempts": value}


def call_tool(name: str, args: dict[str, Any] | None, ctx: ToolContext | None = None) -> Any:
    """Validate `args` against the tool's schema and run it; errors are ForgeflowErrors."""
    spec = get_tool(name)
    ctx = ctx or ToolContext()
    parsed = spec.validate(_with_run_attempts(spec, args, ctx))
    ctx.tool = name
    impl = spec.func if spec.func is not None else _workflow(name)
    started = time.time()
    output = plain(impl(parsed, ctx))  # numpy scalars as Python values: a checkpoint takes them
    _note_outputs(name, output, ctx, started)
    return output


def call_job(name: str, request: dict[str, Any], ctx: ToolContext | None = None) -> Any:
    """Run a compatible API's job (JOBS) with its stored request."""
    target = JOBS.get(name)
    if target is None:
        raise Unavailable(f"job {name!r} is not known", hint="see graphs/workflows.py JOBS")
    module, _, attr = target.partition(":")
    ctx = ctx or ToolContext()
    ctx.tool = name
    started = time.time()
    output = plain(getattr(importlib.import_module(module), attr)(request, ctx))
    _note_outputs(name, output, ctx, started)
    return output


# Tools whose paths are the person's data (downloads have their own records), or that write
# their own manifest line.
_NOT_OUTPUTS = frozenset({"download_dataset", "save_table"})


def _note_outputs(name: str, output: Any, ctx: ToolContext, started: float) -> None:
    """Record the files a tool wrote, so the workspace listing shows them as outputs."""
    if name in _NOT_OUTPUTS:
        return
    paths = written_since(output_paths(output), started)
    if paths:
        record(paths, tool=name, run_id=ctx.run_id)
