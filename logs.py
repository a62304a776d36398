"""Logging: forgeflow owns the root logger (one handler, one JSON line per record, cheap tracebacks)."""

from __future__ import annotations

import json
import logging
import sys
import time
import traceback
from typing import Any

_TRACE_FRAMES = 12
"""Innermost frames kept of an exception's traceback (enough to find the bug, cheap to write)."""


class LineFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, and for errors exc and trace.

    Tracebacks are a short list of `file:line function` strings made with the standard
    library: no source rendering, no locals, no terminal markup, so logging an error costs
    well under a millisecond instead of the seconds a rich renderer takes.
    """

    def format(self, record: logging.LogRecord) -> str:
        """The record as one line of JSON."""
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
        line: dict[str, Any] = {
            "ts": f"{stamp}.{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            line["exc"] = f"{type(exc).__name__}: {exc}"[:2000]
            frames = traceback.extract_tb(exc.__traceback__)[-_TRACE_FRAMES:]
            line["trace"] = [f"{f.filename}:{f.lineno} {f.name}" for f in frames]
        return json.dumps(line, ensure_ascii=False, default=str)


class ForgeflowHandler(logging.StreamHandler):
    """The one handler forgeflow puts on the root logger (stderr, LineFormatter)."""

    def __init__(self) -> None:
        """Write to the process's stderr (stdout stays free for CLI output and MCP stdio)."""
        super().__init__(sys.stderr)
        self.setFormatter(LineFormatter())


def configure_logging(default: str = "INFO") -> None:
    """Make the root logger forgeflow's: drop every handler a library installed, add ours.

    The level is FORGEFLOW_LOG_LEVEL, else `default` (the CLI passes WARNING so its output is
    not interleaved with INFO lines). Idempotent; call it at every entry point (the app, the
    CLI) after the libraries that install handlers when built (mcp) have been imported.
    """
    from settings import get_settings

    level = get_settings().log_level or default
    root = logging.getLogger()
    for handler in list(root.handlers):
        if not isinstance(handler, ForgeflowHandler):
            root.removeHandler(handler)
    if not any(isinstance(h, ForgeflowHandler) for h in root.handlers):
        root.addHandler(ForgeflowHandler())
    root.setLevel(level.upper())


def uvicorn_log_config() -> dict[str, Any]:
    """A uvicorn `log_config` that sends its lines through the root logger (our format)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "loggers": {
            name: {"handlers": [], "propagate": True}
            for name in ("uvicorn", "uvicorn.error", "uvicorn.access")
        },
    }
