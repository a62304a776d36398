"""A small fake OpenAI-compatible chat completions server on 127.0.0.1 for tests and benchmarks.

Script it with replies (a queue, or a callable that sees each request), make it fail with
429/5xx, return malformed text, call tools, stream, or answer after a fixed latency; every
request body is recorded. Point the real `openai` / `langchain-openai` clients at
`fake.base_url` (which ends in /v1).

    with FakeOpenAI(["first reply", FakeReply(status=429), "after retry"]) as fake:
        client = openai.OpenAI(base_url=fake.base_url, api_key="x")
"""

from __future__ import annotations

import json
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class FakeReply:
    """One scripted answer.

    `content` is the assistant text; `tool_calls` a list of {"name", "arguments"} (arguments
    as a dict or a JSON string); `status` != 200 sends an OpenAI-style error body (`body`
    overrides it) with `headers` (e.g. {"retry-after": "0"}); `delay` adds latency to this
    reply only.
    """

    content: str | None = ""
    status: int = 200
    tool_calls: list[dict[str, Any]] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] | None = None
    delay: float = 0.0
    finish_reason: str | None = None


Script = Iterable["FakeReply | str | dict[str, Any]"] | Callable[[dict[str, Any]], Any]


def _as_reply(value: Any) -> FakeReply:
    if isinstance(value, FakeReply):
        return value
    if isinstance(value, str):
        return FakeReply(content=value)
    if isinstance(value, dict):
        return FakeReply(**value)
    raise TypeError(f"a scripted reply must be FakeReply, str or dict, not {type(value)}")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # many concurrent clients connect at once in benchmarks


class FakeOpenAI:
    """A threaded fake of POST /v1/chat/completions (and GET /v1/models)."""

    def __init__(
        self,
        replies: Script | None = None,
        *,
        latency: float = 0.0,
        default: FakeReply | str | dict[str, Any] | None = None,
        model: str = "fake-model",
    ) -> None:
        self.latency = latency
        self.model = model
        self.requests: list[dict[str, Any]] = []
        self.default = _as_reply(default) if default is not None else None
        self._responder: Callable[[dict[str, Any]], Any] | None = None
        self._queue: deque[FakeReply] = deque()
        if callable(replies):
            self._responder = replies
        elif replies is not None:
            self._queue.extend(_as_reply(r) for r in replies)
        self._lock = threading.Lock()
        self._active = 0
        self.max_active = 0
        self.httpd = _Server(("127.0.0.1", 0), self._handler())
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.base_url = f"{self.url}/v1"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    # -- scripting --------------------------------------------------------------------------

    def push(self, *replies: FakeReply | str | dict[str, Any]) -> None:
        """Queue more replies (served in order, after those already queued)."""
        with self._lock:
            self._queue.extend(_as_reply(r) for r in replies)

    @property
    def calls(self) -> int:
        """How many chat completion requests arrived."""
        with self._lock:
            return len(self.requests)

    def _next(self, request: dict[str, Any]) -> FakeReply:
        if self._responder is not None:
            try:
                return _as_reply(self._responder(request))
            except Exception as exc:  # noqa: BLE001 - a broken script answers 500, visibly
                return FakeReply(
                    status=500, body={"error": {"message": f"responder raised {exc!r}"}}
                )
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        if self.default is not None:
            return self.default
        return FakeReply(status=500, body={"error": {"message": "no scripted reply left"}})

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> FakeOpenAI:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- HTTP -------------------------------------------------------------------------------

    def _completion(self, request: dict[str, Any], reply: FakeReply) -> dict[str, Any]:
        message: dict[str, Any] = {"role": "assistant", "content": reply.content}
        finish = reply.finish_reason or "stop"
        if reply.tool_calls:
            message["tool_calls"] = [
                {
                    "id": f"call_{uuid.uuid4().hex[:12]}",
                    "type": "function",
                    "function": {
                        "name": call["name"],
                        "arguments": call["arguments"]
                        if isinstance(call["arguments"], str)
                        else json.dumps(call["arguments"]),
                    },
                }
                for call in reply.tool_calls
            ]
            finish = reply.finish_reason or "tool_calls"
        prompt_chars = sum(len(str(m.get("content") or "")) for m in request.get("messages", []))
        completion_tokens = len((reply.content or "").split())
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex[:16]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.get("model") or self.model,
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {
                "prompt_tokens": prompt_chars // 4,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_chars // 4 + completion_tokens,
            },
        }

    def _chunks(self, request: dict[str, Any], reply: FakeReply) -> list[dict[str, Any]]:
        base = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:16]}",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": request.get("model") or self.model,
        }
        out = [{**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]}]
        for piece in _pieces(reply.content or ""):
            out.append({**base, "choices": [{"index": 0, "delta": {"content": piece}}]})
        for i, call in enumerate(reply.tool_calls or []):
            args = call["arguments"]
            out.append(
                {
                    **base,
                    "choices": [
                        {
                            "index": 0,
                            "delta": {
                                "tool_calls": [
                                    {
                                        "index": i,
                                        "id": f"call_{uuid.uuid4().hex[:12]}",
                                        "type": "function",
                                        "function": {
                                            "name": call["name"],
                                            "arguments": args
                                            if isinstance(args, str)
                                            else json.dumps(args),
                                        },
                                    }
                                ]
                            },
                        }
                    ],
                }
            )
        finish = reply.finish_reason or ("tool_calls" if reply.tool_calls else "stop")
        out.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": finish}]})
        return out

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # headers and body go out in separate writes; without this, Nagle's algorithm
                # and the client's delayed ACK add ~40 ms to every keep-alive response
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, *args: Any) -> None:
                pass

            def _send_json(self, status: int, body: Any, headers: dict[str, str]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802 - http.server naming
                if self.path.rstrip("/").endswith("/models"):
                    body = {"object": "list", "data": [{"id": fake.model, "object": "model"}]}
                    self._send_json(200, body, {})
                else:
                    self._send_json(404, {"error": {"message": "not found"}}, {})

            def do_POST(self) -> None:  # noqa: N802 - http.server naming
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send_json(404, {"error": {"message": f"no route {self.path}"}}, {})
                    return
                try:
                    request = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    self._send_json(400, {"error": {"message": "body is not JSON"}}, {})
                    return
                with fake._lock:
                    fake.requests.append(request)
                    fake._active += 1
                    fake.max_active = max(fake.max_active, fake._active)
                try:
                    reply = fake._next(request)
                    wait = fake.latency + reply.delay
                    if wait:
                        time.sleep(wait)
                    if reply.status != 200:
                        body = reply.body or {
                            "error": {
                                "message": f"scripted error {reply.status}",
                                "type": "rate_limit_error"
                                if reply.status == 429
                                else "server_error",
                                "code": str(reply.status),
                            }
                        }
                        self._send_json(reply.status, body, reply.headers)
                        return
                    if request.get("stream"):
                        self._stream(request, reply)
                        return
                    self._send_json(200, fake._completion(request, reply), reply.headers)
                finally:
                    with fake._lock:
                        fake._active -= 1

            def _stream(self, request: dict[str, Any], reply: FakeReply) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.end_headers()
                for chunk in fake._chunks(request, reply):
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
                self.close_connection = True

        return Handler


def _pieces(text: str, size: int = 8) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] if text else []
