"""The console's run page for a regression goal: plan, attempts with MAE, curves and the
predicted-vs-actual scatter render in a real headless Chromium, with no script error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import Page, api_json, wait_run
from tests.utils.servers import ServerProcess, start_server

GOAL = (
    "MLP regression of progression on diab.csv with mae under 5, 2 attempts max, "
    "then evaluate it on diab_test.csv"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One server for the module (no auth) with the diabetes table split in its workspace."""
    from sklearn.datasets import load_diabetes

    home = tmp_path_factory.mktemp("console-regression-home")
    frame = load_diabetes(as_frame=True).frame.rename(columns={"target": "progression"})
    workspace = home / "workspace"
    workspace.mkdir(parents=True)
    frame.iloc[:340].to_csv(workspace / "diab.csv", index=False)
    frame.iloc[340:].to_csv(workspace / "diab_test.csv", index=False)
    proc = start_server({"FORGEFLOW_HOME": str(home)})
    yield proc
    proc.stop()


@pytest.fixture
def page(browser: Any, server: ServerProcess) -> Iterator[Page]:
    p = Page(browser, server.url)
    yield p
    assert p.external == [], f"requests left the server: {p.external}"
    assert p.errors == [], f"page errors: {p.errors}"
    p.close()


def test_regression_run_page_renders(page: Page, server: ServerProcess) -> None:
    run = api_json(server, "POST", "/generate", json={"goal": GOAL, "mode": "background"})
    done = wait_run(server, run["run_id"])
    assert done["status"] == "completed", done.get("error")
    p = page.goto(f"#/runs/{run['run_id']}")
    p.wait_for_selector(".step >> nth=1")
    assert p.locator(".step-completed").count() == 2
    table = p.inner_text(".attempts-table >> nth=0")
    assert "mae" in table and "r2" in table and "accuracy" not in table
    assert "target 5" in table
    p.wait_for_function(
        "document.querySelectorAll('img.chart-img').length >= 2 && "
        "[...document.querySelectorAll('img.chart-img')].every(i => i.complete && i.naturalWidth > 100)",
        timeout=30_000,
    )
    captions = p.locator(".chart-figure figcaption").all_inner_texts()
    for name in ("training curves", "predicted vs actual"):
        assert name in captions, captions
    assert "confusion matrix" not in captions
    page.shot("run-regression")
