"""The FastAPI app: lifespan, auth and body-limit middleware, error mapping, and the routers."""

from __future__ import annotations

import hmac
import importlib
import json
import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from errors import Cancelled, ForgeflowError, check_json_body
from logs import configure_logging
from settings import VERSION, get_settings

log = logging.getLogger("forgeflow.server")

# Every surface is one router module exposing `router`; optional hooks:
#   `install(app)` to add what is not a FastAPI route (the MCP endpoint),
#   `lifespan(app)` an async context manager run in the app's lifespan,
#   `FLAT_ERRORS_PREFIXES` path prefixes whose errors use the flat `{"error": "..."}` shape of
#   the API the router is compatible with; `OPENAI_ERRORS_PREFIXES` likewise OpenAI's shape.
ROUTERS: list[str] = [
    "api.health",
    "api.runs",
    "api.tools",
    "api.mcp",
    "api.openai_chat",
    "api.langgraph_api",
    "api.datasets",
    "api.qa_datasets",
    "api.training",
    "api.labeling",
    "api.console",
]

OPEN_PATHS = frozenset({"/health"})
# Routers may open more: the console's page shell and its assets (they hold no data), as
# `OPEN_PATHS` (exact paths) and `OPEN_PREFIXES` on the router module.


def _shaped_error(
    state: Any, path: str, code: str, message: str, hint: str, details: Any = None
) -> dict:
    """The error body in the shape the path's API uses (forgeflow's, flat, or OpenAI's)."""
    for prefix in getattr(state, "flat_error_prefixes", ()):
        if path.startswith(prefix):
            return {"error": message, "code": code, "hint": hint}
    for prefix in getattr(state, "openai_error_prefixes", ()):
        if path.startswith(prefix):
            kind = "invalid_request_error" if not code.startswith("internal") else "server_error"
            if code in ("unauthorized",):
                kind = "authentication_error"
            text = f"{message} ({hint})" if hint else message
            return {"error": {"message": text, "type": kind, "param": None, "code": code}}
    body: dict[str, Any] = {"code": code, "message": message, "hint": hint}
    if details is not None:
        body["details"] = details
    return {"error": body}


def _error_body(request: Request, code: str, message: str, hint: str, details: Any = None) -> dict:
    return _shaped_error(request.app.state, request.url.path, code, message, hint, details)


async def _forgeflow_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ForgeflowError)
    return JSONResponse(
        _error_body(request, exc.code, exc.message, exc.hint, exc.details),
        status_code=exc.status_code,
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": ".".join(str(p) for p in e.get("loc", ())), "msg": e.get("msg", "")}
        for e in exc.errors()
    ]
    first = errors[0] if errors else {"loc": "body", "msg": "invalid"}
    return JSONResponse(
        _error_body(
            request,
            "invalid_request",
            f"invalid request: {first['loc']}: {first['msg']}",
            "check the request body against the schema at /docs",
            {"errors": errors},
        ),
        status_code=422,
    )


def _allowed_methods(request: Request) -> str:
    """Every method some route serves at this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(request.url.path):
            methods |= set(getattr(route, "methods", None) or ())
    return ", ".join(sorted(methods))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    hints = {404: "see /docs for the endpoints", 405: "see /docs for the allowed methods"}
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request)
    return JSONResponse(
        _error_body(
            request,
            f"http_{exc.status_code}",
            str(exc.detail),
            hints.get(exc.status_code, "see /docs"),
        ),
        status_code=exc.status_code,
        headers=headers or None,
    )


async def _cancelled(request: Request, exc: Exception) -> JSONResponse:
    # The caller left (or cancelled the run): nobody may read this, and it is no bug.
    return JSONResponse(
        _error_body(request, "cancelled", "the request was cancelled", "send it again"),
        status_code=409,
    )


async def _unhandled(request: Request, exc: Exception) -> JSONResponse:
    from graphs.runner import is_db_outage

    if is_db_outage(exc):  # the checkpointer's or the queue's connection, not a bug
        log.warning("database unavailable on %s %s: %s", request.method, request.url.path, exc)
        return JSONResponse(
            _error_body(
                request,
                "database_unavailable",
                "the database is not answering",
                "retry in a few seconds; GET /health shows the database's state",
            ),
            status_code=503,
        )
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return JSONResponse(
        _error_body(
            request,
            "internal_error",
            "internal server error",
            "the error was logged on the server; retry, or report it with the time of the request",
        ),
        status_code=500,
    )


class GuardMiddleware:
    """Pure-ASGI guard: API-key auth and a request body size limit (streaming-safe)."""

    def __init__(
        self,
        app: ASGIApp,
        open_paths: frozenset[str] = OPEN_PATHS,
        open_prefixes: tuple[str, ...] = (),
    ) -> None:
        self.app = app
        self.open_paths = open_paths
        self.open_prefixes = open_prefixes

    def _is_open(self, path: str) -> bool:
        if path in self.open_paths:
            return True
        # A prefix opens plain file paths only: no dot segments that could climb out of it.
        return path.startswith(self.open_prefixes) and "/." not in path and "\\" not in path

    async def _reject(
        self,
        scope: Scope,
        send: Send,
        status: int,
        code: str,
        message: str,
        hint: str,
        details: Any = None,
    ) -> None:
        app = scope.get("app")
        state = getattr(app, "state", None)
        shaped = _shaped_error(state, scope.get("path", ""), code, message, hint, details)
        body = json.dumps(shaped).encode()
        headers = [(b"content-type", b"application/json")]
        if status == 401:
            headers.append((b"www-authenticate", b"Bearer"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        settings = get_settings()
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        keys = settings.keys
        if keys and not self._is_open(scope["path"]):
            given = headers.get("x-api-key", "")
            auth = headers.get("authorization", "")
            if auth.lower().startswith("bearer "):
                given = auth[7:].strip()
            ok = False
            for key in keys:  # compare against every key so timing does not reveal which
                ok |= hmac.compare_digest(given.encode(), key.encode())
            if not ok:
                await self._reject(
                    scope,
                    send,
                    401,
                    "unauthorized",
                    "missing or invalid API key",
                    "send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'",
                )
                return
        limit = settings.max_body_bytes
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._reject(
                scope,
                send,
                413,
                "payload_too_large",
                f"request body of {declared} bytes is over the {limit}-byte limit",
                "send a smaller body, or raise FORGEFLOW_MAX_BODY_BYTES",
            )
            return
        content_type = headers.get("content-type", "").lower()
        form = content_type.startswith("application/x-www-form-urlencoded")
        # FastAPI reads a body without a content type as JSON too.
        is_json = (
            not content_type
            or content_type.startswith("application/json")
            or "+json" in content_type
        )
        if (declared is None or form or is_json) and scope["method"] in ("POST", "PUT", "PATCH"):
            # A chunked body has no declared length: buffer it up to the limit, then replay it.
            # `curl -d '{...}'` labels JSON as a form; no endpoint takes forms, so read it as JSON.
            # JSON bodies are buffered (FastAPI would anyway) so their values can be checked once
            # here for every route: see check_json_body.
            chunks: list[bytes] = []
            size = 0
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    break
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > limit:
                    await self._reject(
                        scope,
                        send,
                        413,
                        "payload_too_large",
                        f"request body is over the {limit}-byte limit",
                        "send a smaller body, or raise FORGEFLOW_MAX_BODY_BYTES",
                    )
                    return
                if not message.get("more_body", False):
                    break
            body = b"".join(chunks)
            as_json = is_json or (form and body.lstrip()[:1] in (b"{", b"["))
            if form and as_json:
                scope = dict(scope)
                scope["headers"] = [
                    (k, b"application/json" if k.lower() == b"content-type" else v)
                    for k, v in scope["headers"]
                ]
            if as_json:
                try:
                    check_json_body(body)
                except ForgeflowError as exc:
                    await self._reject(
                        scope, send, exc.status_code, exc.code, exc.message, exc.hint, exc.details
                    )
                    return
            replayed = False

            async def replay() -> dict:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            await self.app(scope, replay, send)
            return
        await self.app(scope, receive, send)


_ERROR_SCHEMAS: dict[str, dict[str, Any]] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message", "hint"],
                "properties": {
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "hint": {"type": "string"},
                    "details": {},
                },
            }
        },
    },
    "FlatError": {
        "type": "object",
        "required": ["error", "code", "hint"],
        "properties": {
            "error": {"type": "string"},
            "code": {"type": "string"},
            "hint": {"type": "string"},
        },
    },
    "OpenAIError": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["message", "type", "code"],
                "properties": {
                    "message": {"type": "string"},
                    "type": {"type": "string"},
                    "param": {"type": ["string", "null"]},
                    "code": {"type": ["string", "null"]},
                },
            }
        },
    },
}


def _document_errors(app: FastAPI, schema: dict[str, Any]) -> dict[str, Any]:
    """Declare on every operation the error answers it can give, in its API's shape.

    Any route may answer 4xx (validation, bad values, auth, body limit, missing things) with
    the error body of its path's API; the 422 body is that shape too (not FastAPI's default).
    """
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(_ERROR_SCHEMAS)
    for path, item in schema.get("paths", {}).items():
        name = "Error"
        if any(path.startswith(p) for p in app.state.flat_error_prefixes):
            name = "FlatError"
        elif any(path.startswith(p) for p in app.state.openai_error_prefixes):
            name = "OpenAIError"
        answer = {
            "description": "The request was refused; the body says why and how to fix it.",
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
        }
        for operation in item.values():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            responses.setdefault("4XX", answer)
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    return schema


def create_app() -> FastAPI:
    """Build the app from ROUTERS; each router's lifespan hook runs inside the app's."""
    modules = [importlib.import_module(name) for name in ROUTERS]

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings = get_settings()
        configure_logging()
        if not settings.keys:
            log.warning("FORGEFLOW_API_KEYS is not set: no authentication on this server")
        from agents.semantic import warm_in_background

        warm_in_background()  # the intent model loads while the server starts, not on a goal
        async with AsyncExitStack() as stack:
            for module in modules:
                hook = getattr(module, "lifespan", None)
                if hook is not None:
                    await stack.enter_async_context(hook(app))
            yield

    app = FastAPI(
        title="forgeflow",
        version=VERSION,
        description="An LLM agent orchestrator for ML data work.",
        lifespan=lifespan,
        # The console router serves /docs and /redoc from local assets (no CDN).
        docs_url=None,
        redoc_url=None,
    )
    app.state.flat_error_prefixes = [
        prefix for m in modules for prefix in getattr(m, "FLAT_ERRORS_PREFIXES", ())
    ]
    app.state.openai_error_prefixes = [
        prefix for m in modules for prefix in getattr(m, "OPENAI_ERRORS_PREFIXES", ())
    ]
    for module in modules:
        app.include_router(module.router)
        install = getattr(module, "install", None)
        if install is not None:
            install(app)
    app.add_exception_handler(ForgeflowError, _forgeflow_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Cancelled, _cancelled)
    app.add_exception_handler(Exception, _unhandled)
    open_paths = OPEN_PATHS.union(*(getattr(m, "OPEN_PATHS", ()) for m in modules))
    open_prefixes = tuple(p for m in modules for p in getattr(m, "OPEN_PREFIXES", ()))
    app.add_middleware(GuardMiddleware, open_paths=open_paths, open_prefixes=open_prefixes)
    build_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _document_errors(app, build_openapi())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    # Last: the routers' libraries (mcp) install handlers on the root logger when built.
    configure_logging()
    return app


app = create_app()
