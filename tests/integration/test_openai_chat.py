"""OpenAI-compatible chat with the real `openai` SDK: turns on one thread, streaming, errors."""

from __future__ import annotations

import httpx
import openai
import pytest


def client_for(server) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{server.url}/v1", api_key="unused", max_retries=0)


def test_models(server) -> None:
    models = client_for(server).models.list()
    assert "forgeflow" in [m.id for m in models.data]


def test_conversation_keeps_one_thread_when_history_is_resent(server) -> None:
    client = client_for(server)
    history = [{"role": "user", "content": "list local datasets"}]
    first = client.chat.completions.create(model="forgeflow", messages=history)
    answer = first.choices[0].message.content
    assert "breast_cancer" in answer
    assert first.usage.total_tokens > 0
    history += [
        {"role": "assistant", "content": answer},
        {"role": "user", "content": "inspect the second one"},
    ]
    second = client.chat.completions.create(model="forgeflow", messages=history)
    assert "150 rows" in second.choices[0].message.content
    thread = first.model_extra["forgeflow"]["thread_id"]
    assert second.model_extra["forgeflow"]["thread_id"] == thread
    state = httpx.get(f"{server.url}/threads/{thread}").json()
    assert [m["role"] for m in state["messages"]] == ["user", "assistant", "user", "assistant"]


def test_streaming_over_several_turns(server) -> None:
    client = client_for(server)
    history = [{"role": "user", "content": "list local datasets"}]
    for follow_up, expected in (
        (None, "breast_cancer"),
        ("inspect the third one", "178 rows"),
        ("inspect it", "178 rows"),
    ):
        if follow_up:
            history.append({"role": "user", "content": follow_up})
        stream = client.chat.completions.create(
            model="forgeflow", messages=history, stream=True, user="alice@example.com"
        )
        chunks = list(stream)
        assert chunks[0].choices[0].delta.role == "assistant"
        assert chunks[-1].choices[0].finish_reason == "stop"
        assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens > 0
        text = "".join(c.choices[0].delta.content or "" for c in chunks)
        assert "_running" in text and expected in text
        history.append({"role": "assistant", "content": text})


def test_thread_header_and_errors(server) -> None:
    client = client_for(server)
    reply = client.chat.completions.create(
        model="forgeflow",
        messages=[{"role": "user", "content": "inspect iris"}],
        extra_headers={"X-Thread-Id": "my-thread-1"},
    )
    assert reply.model_extra["forgeflow"]["thread_id"] == "my-thread-1"
    with pytest.raises(openai.BadRequestError) as err:
        client.chat.completions.create(
            model="forgeflow", messages=[{"role": "system", "content": "x"}]
        )
    assert err.value.body["type"] == "invalid_request_error"
    assert "user message" in err.value.body["message"]
    with pytest.raises(openai.UnprocessableEntityError):
        client.chat.completions.create(model="forgeflow", messages=[])


def test_interrupt_resumes_through_the_next_chat_message(server) -> None:
    client = client_for(server)
    history = [{"role": "user", "content": "inspect it, please"}]
    first = client.chat.completions.create(model="forgeflow", messages=history)
    assert first.model_extra["forgeflow"]["status"] == "interrupted"
    assert "Which dataset" in first.choices[0].message.content
    history += [
        {"role": "assistant", "content": first.choices[0].message.content},
        {"role": "user", "content": "digits"},
    ]
    second = client.chat.completions.create(model="forgeflow", messages=history)
    assert second.model_extra["forgeflow"]["status"] == "completed"
    assert "1797 rows" in second.choices[0].message.content
