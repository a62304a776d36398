"""JSON for what runs produce: graph state and tool outputs as plain JSON values (NaN -> None)."""

from __future__ import annotations

import json
import math
from typing import Any

from langchain_core.messages import BaseMessage


def plain(value: Any) -> Any:
    """A tool's output with numpy scalars and arrays as Python values, recursively: what a run's
    checkpoint (msgpack) and JSON both take. A numpy float64 in an output made the run fail as
    an internal error when its state was saved.
    """
    import numpy as np

    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return plain(value.tolist())
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def json_safe(value: Any) -> Any:
    """Replace NaN/inf floats (not valid JSON) with None, recursively."""
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return value


def jsonable(value: Any) -> Any:
    """Graph state as JSON: messages become their dict form, NaN becomes None."""
    if isinstance(value, BaseMessage):
        return value.model_dump()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return json_safe(value)


def to_json(value: Any) -> Any:
    """`jsonable`, then anything else JSON cannot hold (paths, numpy scalars) as text."""
    return json_safe(json.loads(json.dumps(jsonable(value), default=_fallback)))


def _fallback(value: Any) -> Any:
    item = getattr(value, "item", None)
    if callable(item):  # numpy scalars
        try:
            return item()
        except (TypeError, ValueError):
            pass
    return str(value)
