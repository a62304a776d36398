"""OpenAI-compatible chat: GET /v1/models and POST /v1/chat/completions over forgeflow threads."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.sse import EventSourceResponse
from pydantic import BaseModel, ConfigDict, Field

from api.common import JSON_OR_SSE, follow_run, request_credentials
from errors import BadInput
from graphs.runner import get_manager
from settings import get_settings

router = APIRouter(tags=["openai"])
OPENAI_ERRORS_PREFIXES = ("/v1/",)
MODEL_ID = "forgeflow"


class ChatMessage(BaseModel):
    """One message of the conversation (extra OpenAI fields are accepted and ignored)."""

    model_config = ConfigDict(extra="allow")

    role: str
    content: str | list[dict[str, Any]] | None = None


class ChatRequest(BaseModel):
    """The subset of OpenAI's chat request forgeflow uses; sampling fields are ignored."""

    model_config = ConfigDict(extra="allow")

    model: str = MODEL_ID
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    user: str | None = None
    stream_options: dict[str, Any] | None = None


def _text(message: ChatMessage) -> str:
    if isinstance(message.content, str):
        return message.content
    parts = message.content or []
    return "\n".join(str(p.get("text", "")) for p in parts if p.get("type") == "text")


def _tokens(text: str) -> int:
    """Token count estimate (about 4 characters a token); forgeflow's answers are not sampled."""
    return max(1, (len(text) + 3) // 4) if text else 0


def thread_for(body: ChatRequest, header: str | None) -> str:
    """The thread of a conversation: X-Thread-Id, else the `user` field, else its first turn.

    A chat UI that resends the whole history every turn keeps the same first user message,
    so its turns land on one thread.
    """
    if header:
        return header
    if body.user:
        return "user-" + hashlib.sha256(body.user.encode()).hexdigest()[:24]
    first = next((m for m in body.messages if m.role == "user"), None)
    system = next((m for m in body.messages if m.role == "system"), None)
    seed = (_text(system) if system else "") + "\x00" + (_text(first) if first else "")
    return "chat-" + hashlib.sha256(seed.encode()).hexdigest()[:24]


@router.get("/v1/models")
def list_models() -> dict[str, Any]:
    """The models this endpoint answers as: `forgeflow` (and the configured LLM's name)."""
    created = int(time.time())
    names = [MODEL_ID]
    llm = get_settings().llm
    if llm != "builtin":
        names.append(f"{MODEL_ID}/{llm}")
    return {
        "object": "list",
        "data": [
            {"id": n, "object": "model", "created": created, "owned_by": "forgeflow"} for n in names
        ],
    }


def _completion(cid: str, model: str, prompt: str, answer: str, run: dict[str, Any]) -> dict:
    usage = {
        "prompt_tokens": _tokens(prompt),
        "completion_tokens": _tokens(answer),
        "total_tokens": _tokens(prompt) + _tokens(answer),
    }
    return {
        "id": cid,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": answer},
                "finish_reason": "stop",
            }
        ],
        "usage": usage,
        "forgeflow": {
            "run_id": run["run_id"],
            "thread_id": run["thread_id"],
            "status": run["status"],
        },
    }


def _chunk(
    cid: str, model: str, delta: dict[str, Any], finish: str | None = None, **extra: Any
) -> str:
    body = {
        "id": cid,
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        **extra,
    }
    return f"data: {json.dumps(body, default=str)}\n\n"


def _progress_text(event: dict[str, Any]) -> str | None:
    kind = event.get("type")
    if kind == "plan":
        steps = [s["tool"] for s in (event.get("plan") or {}).get("steps", [])]
        return f"_plan: {' → '.join(steps)}_\n\n" if steps else None
    if kind == "step" and event.get("tool") and event.get("status") == "started":
        return f"_running {event['tool']}…_\n"
    if kind == "step" and event.get("tool") and event.get("status") not in (None, "started"):
        return f"_{event['tool']}: {event['status']}_\n"
    return None


async def _stream(run_id: str, cid: str, model: str, prompt: str) -> AsyncIterator[str]:
    yield _chunk(cid, model, {"role": "assistant", "content": ""})
    async for _, event in follow_run(run_id):
        if event.get("type") == "end":
            run = event["run"]
            answer = (run.get("result") or {}).get("message", "")
            yield _chunk(cid, model, {"content": "\n" + answer})
            usage = {
                "prompt_tokens": _tokens(prompt),
                "completion_tokens": _tokens(answer),
                "total_tokens": _tokens(prompt) + _tokens(answer),
            }
            yield _chunk(cid, model, {}, "stop", usage=usage)
            yield "data: [DONE]\n\n"
            return
        text = _progress_text(event)
        if text:
            yield _chunk(cid, model, {"content": text})
    yield "data: [DONE]\n\n"


@router.post("/v1/chat/completions", response_model=None, responses=JSON_OR_SSE)
def chat_completions(body: ChatRequest, request: Request) -> Any:
    """Run the conversation's last user message as a goal on the conversation's thread."""
    last_user = next((m for m in reversed(body.messages) if m.role == "user"), None)
    goal = _text(last_user).strip() if last_user else ""
    if not goal:
        raise BadInput(
            "no user message with text in `messages`",
            hint="send at least one {'role': 'user', 'content': '...'} message",
        )
    header = request.headers.get("x-thread-id")
    if (
        header is not None
        and not header.replace("-", "").replace("_", "").replace(".", "").replace(":", "").isalnum()
    ):
        raise BadInput(
            "X-Thread-Id has characters other than letters, digits and -_.:", hint="use a simple id"
        )
    thread_id = thread_for(body, header)
    manager = get_manager()
    # A chat UI may send the next message before the last answer ends: queue it, don't refuse.
    run = manager.submit_goal(
        goal,
        thread_id=thread_id,
        source="openai",
        multitask_strategy="enqueue",
        credentials=request_credentials(request),
    )
    cid = "chatcmpl-" + run["run_id"].removeprefix("run_")
    if body.stream:
        return EventSourceResponse(_stream(run["run_id"], cid, body.model, goal))
    final = manager.wait(run["run_id"])
    answer = (final.get("result") or {}).get("message", "")
    return _completion(cid, body.model, goal, answer, final)
