"""Calling a registry tool from any surface: validate, then run its function or its loop subgraph."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from errors import Unavailable
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


def call_tool(name: str, args: dict[str, Any] | None, ctx: ToolContext | None = None) -> Any:
    """Validate `args` against the tool's schema and run it; errors are ForgeflowErrors."""
    spec = get_tool(name)
    parsed = spec.validate(args)
    ctx = ctx or ToolContext()
    ctx.tool = name
    impl = spec.func if spec.func is not None else _workflow(name)
    return impl(parsed, ctx)
