"""Browser fixtures: the real server process and Debian's headless Chromium driven by Playwright.

Skipped (with the reason printed by `pytest -ra` and by `make test`) when /usr/bin/chromium or
the playwright package is missing. Playwright never downloads a browser here: it launches the
system Chromium through `executable_path`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.utils.servers import ServerProcess

CHROMIUM = os.environ.get("CONSOLE_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LOCAL = ("http://127.0.0.1", "blob:", "data:", "about:")

if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)) and not shutil.which(CHROMIUM):
    pytest.skip(
        f"browser tests skipped: {CHROMIUM} not found (apt-get install chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests skipped: no playwright")


def screenshot_dir() -> Path:
    """Where the tests save page screenshots (`make screenshots` points it at docs/screenshots)."""
    folder = Path(
        os.environ.get("CONSOLE_SCREENSHOT_DIR")
        or Path(tempfile.gettempdir()) / "forgeflow-screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per module; stopped with it, since Playwright's sync API keeps an
    event loop running that would break later tests calling asyncio.run."""
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield chromium
        chromium.close()


class Page:
    """A browser page that refuses (and records) every request leaving the server."""

    def __init__(self, browser: Any, base: str, *, enforce_csp: bool = False) -> None:
        # Playwright's wait_for_function evaluates strings, which the console's CSP (no eval)
        # forbids; the CSP header itself is checked in tests/integration/test_console_api.py.
        self.context = browser.new_context(
            viewport={"width": 1400, "height": 1000},
            accept_downloads=True,
            bypass_csp=not enforce_csp,
        )
        self.external: list[str] = []
        self.errors: list[str] = []

        def guard(route: Any) -> None:
            if route.request.url.startswith(LOCAL):
                route.continue_()
            else:
                self.external.append(route.request.url)
                route.abort()

        self.context.route("**/*", guard)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.base = base

    def goto(self, fragment: str) -> Any:
        self.page.goto(f"{self.base}/{fragment}")
        return self.page

    def shot(self, name: str) -> Path:
        path = screenshot_dir() / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        self.context.close()


def wait_run(server: ServerProcess, run_id: str, timeout: float = 300) -> dict[str, Any]:
    """Poll a run until it leaves pending/running."""
    deadline = time.monotonic() + timeout
    with server.client() as client:
        while time.monotonic() < deadline:
            run = client.get(f"/runs/{run_id}").json()
            if run["status"] not in ("pending", "running"):
                return run
            time.sleep(0.5)
    raise AssertionError(f"run {run_id} did not finish in {timeout}s")


def seed_data(home: Path) -> None:
    """The bundled labeling task and a short markdown guide for QA generation."""
    from tools.tabular import write_sample_task

    write_sample_task(home / "data", hand_labels=50)
    docs = home / "workspace" / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "guide.md").write_text(GUIDE, encoding="utf-8")


GUIDE = """# Weak supervision guide

## Labeling functions

Weak supervision is a way to label data with noisy rules instead of hand labels. A labeling function is a small rule that votes for a class or abstains on a row.

## The label model

The label model combines the votes of many labeling functions into one probabilistic label per row. It learns how accurate each function is from their agreements and disagreements.

## Coverage

Coverage is the share of rows on which at least one labeling function votes. Conflicts happen when two functions vote for different classes on the same row.

## Training

A classifier is trained on the probabilistic labels. Early stopping ends training when the validation loss stops improving for five epochs.
"""


def api_json(server: ServerProcess, method: str, path: str, **kwargs: Any) -> Any:
    with httpx.Client(base_url=server.url, timeout=300) as client:
        response = client.request(method, path, **kwargs)
        response.raise_for_status()
        return response.json()
