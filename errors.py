"""The error hierarchy every layer raises: input mistakes carry a code, a message and a hint."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, Literal


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


# -- values every surface refuses -----------------------------------------------------------

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
"""Integers in requests stay in SQLite's (and every 64-bit column's) range."""

_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_LONG_DIGITS = re.compile(rb"\d{19}")


def bad_value(value: Any, where: str = "body") -> tuple[str, str] | None:
    """(location, problem) of the first value no store, path or subprocess can take, or None.

    Text must be valid Unicode (a lone UTF-16 surrogate cannot be written to a file name, a
    database or a log); integers must fit in 64 bits. Walks lists and dicts (keys too).
    """
    stack: list[tuple[str, Any]] = [(where, value)]
    while stack:
        loc, item = stack.pop()
        if isinstance(item, str):
            if not item.isascii():
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError as exc:
                    bad = item[exc.start]
                    return loc, f"holds a lone UTF-16 surrogate (\\u{ord(bad):04x})"
        elif isinstance(item, bool):
            continue
        elif isinstance(item, int):
            if not INT64_MIN <= item <= INT64_MAX:
                return loc, "is an integer outside the 64-bit range"
        elif isinstance(item, dict):
            for key, sub in item.items():
                stack.append((f"{loc}.{key}", key))
                stack.append((f"{loc}.{key}", sub))
        elif isinstance(item, list | tuple):
            stack.extend((f"{loc}[{i}]", sub) for i, sub in enumerate(item))
    return None


def check_value(value: Any, where: str = "body", error: type[ForgeflowError] = BadInput) -> None:
    """Raise `error` (BadInput) when `value` holds a lone surrogate or an integer past 64 bits."""
    found = bad_value(value, where)
    if found is not None:
        loc, problem = found
        raise error(
            f"{loc} {problem}",
            hint="send valid Unicode text (surrogates only in pairs) and integers below 2**63",
            code="invalid_value",
            details={"loc": loc},
        )


def check_json_body(body: bytes) -> None:
    """Check a request's JSON body with check_value; cheap for bodies that cannot fail.

    Only a body with a surrogate escape or a 19-digit number is parsed here; malformed JSON
    is left for the route, which reports it with its own schema.
    """
    if not (_SURROGATE_ESCAPE.search(body) or _LONG_DIGITS.search(body)):
        return
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        return
    check_value(value)


# -- candidates: what a caller (a person, the planner, an LLM) could have meant ----------------

CandidateReason = Literal["not_found", "ambiguous", "missing", "not_unique", "consent"]


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def closest(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The choices nearest to `value`, best first: the same name in another case or spelling
    ('Cultivar', 'person id' → 'cultivar', 'person_id'), then names that contain it or that
    it contains, then close spellings (difflib). Empty when nothing is near.
    """
    import difflib

    options = list(dict.fromkeys(str(c) for c in choices))
    want = _norm(str(value))
    if not want:
        return []
    scored: list[tuple[float, int, str]] = []
    for i, option in enumerate(options):
        norm = _norm(option)
        if not norm:
            continue
        ratio = difflib.SequenceMatcher(None, want, norm).ratio()
        if norm == want:
            ratio = 2.0
        elif len(want) >= 3 and len(norm) >= 3 and (want in norm or norm in want):
            ratio = max(ratio, 0.6)
        if ratio >= 0.6:
            scored.append((-ratio, i, option))
    return [option for *_, option in sorted(scored)][:n]


def candidate_details(
    argument: str,
    candidates: Iterable[str],
    reason: CandidateReason,
    **extra: Any,
) -> dict[str, Any]:
    """The `details` of an error about one argument, in the form every planner reads.

    `argument` is the tool argument to change, `candidates` the values that would fit (best
    first; one candidate means the fix is evident), `reason` why the value failed: `not_found`
    (no such column/file), `ambiguous` (several fit), `missing` (none given, none guessed) or
    `not_unique` (an id column whose values repeat or are empty: unset, rows are numbered) or
    `consent` (a value only the person may give, such as replacing their own file: never
    repaired automatically, however evident).
    Extra keys (e.g. `value`, `choices`: every valid value) ride along.
    """
    return {"argument": argument, "candidates": list(candidates), "reason": reason, **extra}


def consent_details(
    argument: str,
    value: Any,
    existing: Iterable[str],
    suggested: Any,
    *,
    renamed: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The `details` of a refusal to replace the person's own file(s) (`reason: "consent"`).

    `argument` is the tool argument that names the files written and `value` its value as the
    call gave or defaulted it (a path, or a list of paths); `existing` the files there that no
    forgeflow tool wrote; `suggested` the argument's value that writes beside them instead (free
    names, the single candidate). The tool's `overwrite=true` replaces them. Which one is the
    person's to say: nothing repairs this error, the orchestrator asks (the replace question).
    `renamed` maps each file to its new name where one path names several files (export_dataset's
    output_path with splits: 'qa.jsonl' writes qa_train.jsonl, …; suggested 'qa_2.jsonl').
    """
    return candidate_details(
        argument,
        [suggested],
        "consent",
        value=value,
        existing=list(existing),
        suggested=suggested,
        **({"renamed": dict(renamed)} if renamed else {}),
    )


def column_not_found(
    name: str,
    columns: Iterable[Any],
    *,
    argument: str,
    what: str = "",
    where: str = "",
    code: str = "unknown_column",
    hint: str | None = None,
) -> BadInput:
    """A BadInput for a named column that is not there, with the closest columns as candidates.

    The message and hint read as before ("label column 'x' not found"; "columns are: ...");
    details carry `argument`, `candidates`, `reason="not_found"`, `value` and `choices`.
    """
    cols = [str(c) for c in columns]
    label = f"{what} column" if what else "column"
    suffix = f" in {where}" if where else ""
    return BadInput(
        f"{label} {name!r} not found{suffix}",
        hint=hint if hint is not None else f"columns are: {', '.join(cols)}",
        code=code,
        details=candidate_details(
            argument, closest(name, cols), "not_found", value=name, choices=cols[:200]
        ),
    )
