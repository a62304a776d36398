"""Schemathesis over the app's own OpenAPI, in-process: no 5xx, no hang, answers match the schema.

Every operation gets a bounded number of generated requests (valid and invalid); the checks
are schemathesis's defaults. Remote services are the fake Hub and Kaggle on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from server import app
from tests.utils.fake_hub import FakeHub, point_hf_at
from tests.utils.fake_kaggle import FakeKaggle, isolate_kaggle

EXAMPLES = 20
"""Generated requests per operation: enough to hit the edges, small enough for 2 busy cores."""


async def _no_lifespan(scope: dict, receive: Any, send: Any) -> None:
    """The app without its lifespan: the test client would start it (and MCP) per request."""
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    await app(scope, receive, send)


schema = schemathesis.openapi.from_asgi("/openapi.json", _no_lifespan)


@pytest.fixture(scope="module")
def fakes() -> Iterator[tuple[FakeHub, FakeKaggle]]:
    hub, kg = FakeHub(), FakeKaggle()
    hub.add_dataset("acme/reviews", {"train.csv": b"text,label\ngood,1\nbad,0\n"})
    kg.add_dataset("alice/tweets", "Tweets", {"tweets.csv": b"text,label\nyay,pos\n"})
    with hub.serve(), kg.serve():
        yield hub, kg


@pytest.fixture(autouse=True)
def offline(
    home: object, fakes: tuple[FakeHub, FakeKaggle], monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Remote sources are the fakes; nothing leaves 127.0.0.1. A fresh run manager per operation."""
    from graphs.runner import get_manager, reset_managers
    from settings import reset_settings

    hub, kg = fakes
    assert kg.server is not None
    point_hf_at(monkeypatch, hub.url)
    isolate_kaggle(monkeypatch)
    monkeypatch.setenv("FORGEFLOW_KAGGLE_ENDPOINT", kg.server.url)
    reset_settings()
    yield
    get_manager().shutdown()
    reset_managers()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_without_5xx_and_as_documented(case: schemathesis.Case) -> None:
    # positive_data_acceptance is the one check left out: the schema cannot express the rules
    # that depend on data (a file that must exist, a column it must have, a dataset id the
    # source knows), which answer a schema-valid request with a documented 4xx.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
