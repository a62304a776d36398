"""Shared fixtures: an isolated FORGEFLOW_HOME per test, and a real server process."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from settings import reset_settings
from store.db import reset_engines
from tests.utils.postgres import ADMIN_URL, fresh_database, postgres_error
from tests.utils.servers import ServerProcess, start_server

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"

# Never let a developer's real keys or endpoints leak into a test run.
for _var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "GOOGLE_API_KEY", "HF_TOKEN", "KAGGLE_KEY"):
    os.environ.pop(_var, None)
os.environ["FORGEFLOW_LLM"] = "builtin"
os.environ["HF_HUB_OFFLINE"] = "0"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"

# .ci/run sets this: in CI an unreachable Postgres is a failure, not a skip.
REQUIRE_POSTGRES = os.environ.get("FORGEFLOW_REQUIRE_POSTGRES") == "1"
_POSTGRES: dict[str, str | None] = {}
_SKIPPED_POSTGRES: list[str] = []


def _postgres_error() -> str | None:
    if "error" not in _POSTGRES:
        _POSTGRES["error"] = postgres_error()
    return _POSTGRES["error"]


def pytest_report_header(config: pytest.Config) -> str:
    error = _postgres_error()
    where = ADMIN_URL.rsplit("@", 1)[-1]
    if error is None:
        return f"postgres: {where} answers; the Postgres tests run (each in its own database)"
    return f"postgres: {where} is NOT reachable ({error}); the Postgres tests will be SKIPPED"


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ANN001
    if _SKIPPED_POSTGRES:
        terminalreporter.write_line(
            f"NOTE: {len(_SKIPPED_POSTGRES)} Postgres tests were SKIPPED: PostgreSQL at "
            f"{ADMIN_URL.rsplit('@', 1)[-1]} did not answer ({_postgres_error()}).",
            yellow=True,
            bold=True,
        )


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh Postgres database of this test's own (dropped after); skips without Postgres."""
    error = _postgres_error()
    if error is not None:
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required (FORGEFLOW_REQUIRE_POSTGRES=1) but: {error}")
        _SKIPPED_POSTGRES.append(request.node.nodeid)
        pytest.skip(f"PostgreSQL not reachable ({error}): Postgres test skipped")
    with fresh_database() as url:
        yield url


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh FORGEFLOW_HOME for every test; settings and engines re-read it."""
    path = tmp_path / "home"
    monkeypatch.setenv("FORGEFLOW_HOME", str(path))
    for var in list(os.environ):
        if var.startswith("FORGEFLOW_") and var not in ("FORGEFLOW_HOME", "FORGEFLOW_LLM"):
            monkeypatch.delenv(var, raising=False)
    reset_settings()
    reset_engines()
    yield path
    reset_engines()
    reset_settings()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One real uvicorn process for the session (no auth, built-in LLM)."""
    home_dir = tmp_path_factory.mktemp("server-home")
    proc = start_server({"FORGEFLOW_HOME": str(home_dir)})
    yield proc
    proc.stop()


@pytest.fixture
def make_server(tmp_path: Path) -> Iterator:
    """Start extra server processes with their own environment; all stopped at test end."""
    started: list[ServerProcess] = []

    def factory(env: dict[str, str] | None = None) -> ServerProcess:
        merged = {"FORGEFLOW_HOME": str(tmp_path / f"srv{len(started)}"), **(env or {})}
        proc = start_server(merged)
        started.append(proc)
        return proc

    yield factory
    for proc in started:
        proc.stop()


@pytest.fixture
def shared_data() -> Path:
    """The read-only shared data folder (skips when absent)."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture
def untuned_router(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The learned router with the packaged embedding (`router.TUNED_LAYERS = 0`), for a test
    of something else whose goal wording the shipped (tuned) router reads otherwise; the fits
    held in memory are dropped before and after, so no other test gets this one's router.
    """
    from agents import router

    router._model.cache_clear()
    monkeypatch.setattr(router, "TUNED_LAYERS", 0)
    yield
    router._model.cache_clear()
