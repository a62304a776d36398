"""The error hierarchy every layer raises: input mistakes carry a code, a message and a hint."""

from __future__ import annotations

from typing import Any


class ForgeflowError(Exception):
    """A mistake in what was asked (not a bug): shown to the caller with a hint to fix it."""

    status_code: int = 400
    code: str = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        hint: str = "",
        code: str | None = None,
        status_code: int | None = None,
        details: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        if code is not None:
            self.code = code
        if status_code is not None:
            self.status_code = status_code
        self.details = details

    def to_dict(self) -> dict[str, Any]:
        """Return the `{"code", "message", "hint"}` body used by every surface."""
        body: dict[str, Any] = {"code": self.code, "message": self.message, "hint": self.hint}
        if self.details is not None:
            body["details"] = self.details
        return body


class BadInput(ForgeflowError):
    """The request's values are wrong: a missing column, an empty goal, a bad spec."""

    status_code = 400
    code = "bad_input"


class InvalidArguments(ForgeflowError):
    """Arguments fail the tool's schema; details hold the validation errors."""

    status_code = 422
    code = "invalid_arguments"


class NotFound(ForgeflowError):
    """A named thing (run, thread, tool, dataset, file) does not exist."""

    status_code = 404
    code = "not_found"


class Unauthorized(ForgeflowError):
    """Credentials are missing or wrong."""

    status_code = 401
    code = "unauthorized"


class Forbidden(ForgeflowError):
    """The caller may not do this (gated dataset, path outside the workspace)."""

    status_code = 403
    code = "forbidden"


class Conflict(ForgeflowError):
    """The thing is busy or in a state that does not allow the action."""

    status_code = 409
    code = "conflict"


class PayloadTooLarge(ForgeflowError):
    """A body, file or download is over its configured limit."""

    status_code = 413
    code = "payload_too_large"


class Unavailable(ForgeflowError):
    """A capability is not available here (tool not built yet, sandbox cannot start)."""

    status_code = 501
    code = "unavailable"


class UpstreamError(ForgeflowError):
    """A remote service (Hugging Face, Kaggle, an LLM API) failed or could not be reached."""

    status_code = 502
    code = "upstream_error"


class Cancelled(Exception):
    """A run was cancelled; raised at a step boundary to stop it (not an error of the caller)."""


class DatabaseUnavailable(ForgeflowError):
    """The database did not answer (down, restarting, unreachable); the request changed nothing."""

    status_code = 503
    code = "database_unavailable"
