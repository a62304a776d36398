"""The console in a real headless Chromium against the real server: chat, runs, charts, data,
the labeling workbench, QA review, offline API docs, and the login when keys are set."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser.conftest import Page, api_json, seed_data, wait_run
from tests.utils.servers import ServerProcess, start_server

GOAL = (
    "label bc_pool.csv with weak supervision to AUC 0.95, hand labels in the label column, "
    "then train a classifier and evaluate it on bc_test.csv"
)
state: dict[str, Any] = {}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One server for the module (no auth), with the sample task and a markdown guide."""
    home = tmp_path_factory.mktemp("console-home")
    seed_data(home)
    proc = start_server({"FORGEFLOW_HOME": str(home)})
    yield proc
    proc.stop()


@pytest.fixture
def page(browser: Any, server: ServerProcess) -> Iterator[Page]:
    p = Page(browser, server.url)
    yield p
    # Nothing the console loads may come from anywhere but the server, and no script may throw.
    assert p.external == [], f"requests left the server: {p.external}"
    assert p.errors == [], f"page errors: {p.errors}"
    p.close()


def labeling_run(server: ServerProcess) -> str:
    """The labeling run the chat test started (or one started here when it did not run)."""
    if "run_id" not in state:
        run = api_json(server, "POST", "/generate", json={"goal": GOAL, "mode": "background"})
        assert wait_run(server, run["run_id"])["status"] == "completed"
        state["run_id"] = run["run_id"]
    return state["run_id"]


def test_chat_starts_a_labeling_goal_and_streams_it_to_the_answer(page: Page) -> None:
    p = page.goto("#/chat")
    p.fill("#chat-input", GOAL)
    p.click("#chat-send")
    # The plan streams in before the work is done: three steps, each with its own badge.
    p.wait_for_selector(".plan-step >> nth=2", timeout=60_000)
    assert "label_dataset" in p.inner_text(".plan-steps")
    p.wait_for_selector(".msg-assistant", timeout=300_000)
    badges = p.locator(".plan-steps .badge").all_inner_texts()
    assert badges == ["completed", "completed", "completed"], badges
    assert "target auc 0.950: met" in p.inner_text(".msg-assistant >> nth=-1").lower()
    href = p.get_attribute(".after-run a >> nth=0", "href")
    state["run_id"] = re.search(r"#/runs/(run_\w+)", href).group(1)
    # The conversation is listed with the earlier threads.
    p.wait_for_selector(".thread-list li.active")
    page.shot("chat")


def test_run_page_shows_plan_attempts_and_every_chart(page: Page, server: ServerProcess) -> None:
    run_id = labeling_run(server)
    p = page.goto(f"#/runs/{run_id}")
    p.wait_for_selector(".step >> nth=2")
    assert p.locator(".step-completed").count() == 3
    assert p.locator(".attempts-table").count() >= 1
    assert "best" in p.inner_text(".attempts-table >> nth=0")
    # LF summary, training curves, confusion matrix and ROC: real PNGs, decoded by the browser.
    p.wait_for_function(
        "document.querySelectorAll('img.chart-img').length >= 4 && "
        "[...document.querySelectorAll('img.chart-img')].every(i => i.complete && i.naturalWidth > 100)",
        timeout=30_000,
    )
    captions = p.locator(".chart-figure figcaption").all_inner_texts()
    for name in ("LF summary chart", "training curves", "confusion matrix", "ROC curve"):
        assert name in captions, captions
    assert p.locator("#retry-run").count() == 1
    page.shot("run")


def test_runs_list_filters_by_status_and_thread(page: Page, server: ServerProcess) -> None:
    run_id = labeling_run(server)
    # A tool called with a path out of the workspace refuses it: a failed run in the list.
    refused = httpx.post(
        f"{server.url}/tools/inspect_dataset", json={"dataset": "../outside.csv"}, timeout=60
    )
    assert refused.status_code == 403
    p = page.goto("#/runs")
    p.wait_for_selector(".run-row")
    assert p.locator(".run-failed").count() >= 1 and p.locator(".run-completed").count() >= 1
    p.select_option("#filter-status", "failed")
    p.wait_for_function("location.hash.includes('status=failed')")
    p.wait_for_selector(".run-row")
    p.wait_for_function("document.querySelectorAll('.run-completed').length === 0")
    assert p.locator(".run-failed").count() >= 1
    p.select_option("#filter-status", "")
    thread = api_json(server, "GET", f"/runs/{run_id}")["thread_id"]
    p.fill("#filter-thread", thread)
    p.press("#filter-thread", "Enter")
    p.wait_for_function(f"location.hash.includes('{thread}')")
    # The filtered list replaces the old one when its fetch returns: wait for that state (a
    # plain wait for '.run-row' can see the old rows just before they are cleared).
    p.wait_for_function(
        "document.querySelectorAll('.run-row').length >= 1 && "
        "document.querySelectorAll('.run-failed').length === 0",
        timeout=30_000,
    )
    assert p.locator(".run-failed").count() == 0
    assert p.locator(".run-row").count() >= 1
    page.shot("runs")


def test_data_page_lists_own_data_and_pages_rows(page: Page) -> None:
    p = page.goto("#/data")
    p.wait_for_selector("#my-datasets table")
    mine = p.inner_text("#my-datasets")
    assert "bc_pool.csv" in mine and "labeled.parquet" not in mine
    p.click("#my-datasets >> text=bc_pool.csv")
    p.wait_for_selector("#page-info")
    assert "of 398" in p.inner_text("#page-info")
    assert "mean radius" in p.inner_text("#wb-summary, main")
    p.click("#next-page")
    p.wait_for_function("document.querySelector('#page-info').textContent.startsWith('rows 21')")
    assert p.locator("svg.chart").count() == 1  # the label distribution
    page.shot("dataset")


def test_workbench_edit_an_lf_reapply_correct_two_labels_and_export(
    page: Page, server: ServerProcess
) -> None:
    run_id = labeling_run(server)
    p = page.goto(f"#/labeling/{run_id}")
    p.wait_for_selector(".lf-row")
    assert p.inner_text("#wb-version") == "v0"
    assert "accuracy on hand labels" in p.inner_text("#lf-table")
    # Click an LF: the rows it votes on, with its vote.
    p.click(".lf-row >> nth=0")
    p.wait_for_selector("#lf-rows .data-row")
    assert "votes on" in p.inner_text("#lf-rows")
    # Add an LF that votes on very large tumours, and edit the first one's threshold.
    p.click("#add-lf")
    p.fill(
        "#lf-json",
        '{"name": "huge_worst_area", "label": "malignant", "kind": "threshold", '
        '"column": "worst area", "op": ">", "value": 1500}',
    )
    p.click("#lf-save")
    p.click(".edit-lf >> nth=0")
    spec = p.input_value("#lf-json")
    p.fill("#lf-json", re.sub(r'"value": [0-9.]+', '"value": 12.0', spec, count=1))
    p.click("#lf-save")
    assert p.locator("#staged-note").count() == 1
    p.click("#reapply")
    p.wait_for_selector("#change-box", timeout=120_000)
    assert p.inner_text("#wb-version") == "v1"
    change = p.inner_text("#change-box")
    assert "v0 → v1" in change and "huge_worst_area" in change and "labels changed" in change
    # Correct two labels: each becomes a hand label at once.
    hand_before = int(p.inner_text("#hand-count .big"))
    rows = p.locator("#wb-rows .data-row")
    fixed = []
    for i in (0, 1):
        row = rows.nth(i)
        row_id = row.locator("td >> nth=0").inner_text()
        current = row.locator(".label-cell").inner_text()
        other = "benign" if current == "malignant" else "malignant"
        row.locator(".correct-select").select_option(other)
        row.locator(".correct-btn").click()
        p.wait_for_function(  # a correction is a run: slow on a loaded 2-core CI machine
            f"document.querySelector('#hand-count .big').textContent === '{hand_before + i + 1}'",
            timeout=120_000,
        )
        # The rows table reloads with the hand label in place.
        p.wait_for_function(
            "([i, label]) => { const r = document.querySelectorAll('#wb-rows .data-row')[i];"
            " return r && r.classList.contains('hand') && "
            "r.querySelector('.label-cell').textContent === label; }",
            arg=[i, other],
            timeout=120_000,
        )
        fixed.append((row_id, other))
        rows = p.locator("#wb-rows .data-row")
    page.shot("workbench")
    # Export: the CSV the browser downloads holds the corrected labels as hand labels.
    with p.expect_download() as info:
        p.click("#export-csv")
    path = Path(info.value.path())
    table = {r["id"]: r for r in csv.DictReader(io.StringIO(path.read_text()))}
    for row_id, label in fixed:
        assert table[row_id]["label"] == label and table[row_id]["hand_label"] == label
        assert table[row_id]["label_source"] == "hand"
    p.wait_for_selector(".export-path")
    with p.expect_download() as info:
        p.click("#export-parquet")
    assert info.value.suggested_filename.endswith(".parquet")


def test_qa_review_accept_reject_regenerate_and_export(page: Page, server: ServerProcess) -> None:
    chunks = api_json(
        server,
        "POST",
        "/tools/chunk_documents",
        json={"paths": ["docs/guide.md"], "chunk_size": 600, "min_chars": 50},
    )["output"]
    made = api_json(
        server,
        "POST",
        "/tools/generate_qa",
        json={"chunk_set_id": chunks["chunk_set_id"], "datasets_per_chunk": 1},
    )["output"]
    dataset = made["dataset_id"]
    p = page.goto(f"#/qa/{dataset}")
    p.wait_for_selector(".qa-entry")
    assert p.locator("svg.chart").count() >= 1  # the quality chart
    # The first chunk has more to ask about; its entry is the one rejected and rewritten.
    rejected, accepted = p.locator(".qa-entry").nth(0), p.locator(".qa-entry").nth(1)
    rejected_id = rejected.get_attribute("data-entry")
    accepted_id = accepted.get_attribute("data-entry")
    accepted.locator("button.accept").click()
    p.wait_for_selector(f"#entry-{accepted_id}[data-review=accepted]")
    p.locator(f"#entry-{rejected_id} .comment").fill("too close to the text; ask about the idea")
    p.locator(f"#entry-{rejected_id} button.reject").click()
    p.wait_for_selector(f"#entry-{rejected_id}[data-review=rejected]")
    # The chunk each entry came from is there to compare with.
    p.locator(f"#entry-{accepted_id} details.chunk summary").click()
    assert p.locator(f"#entry-{accepted_id} .chunk-text").inner_text().strip()
    page.shot("qa")
    # The server's own record agrees (the existing feedback API was used).
    entries = api_json(server, "GET", f"/api/v1/datasets/{dataset}")["entries"]
    kinds = {e["id"]: [f["feedback_type"] for f in e.get("feedback") or []] for e in entries}
    assert kinds[accepted_id] == ["accept"] and kinds[rejected_id] == ["reject"]
    before = {e["id"]: e["question"] for e in entries}
    p.click("#regenerate")
    p.wait_for_selector(f"#entry-{rejected_id}[data-review=regenerated]", timeout=60_000)
    after = {
        e["id"]: e["question"]
        for e in api_json(server, "GET", f"/api/v1/datasets/{dataset}")["entries"]
    }
    assert after[rejected_id] != before[rejected_id]
    assert after[accepted_id] == before[accepted_id]
    # Export with splits: a zip of train/validation/test files.
    p.check("#qa-splits")
    with p.expect_download() as info:
        p.click("#qa-export-btn")
    with zipfile.ZipFile(info.value.path()) as archive:
        names = archive.namelist()
    assert any("train" in n for n in names) and any("test" in n for n in names), names


def test_api_docs_render_from_local_assets(browser: Any, server: ServerProcess) -> None:
    # With the page's CSP enforced (as in any browser): ReDoc's sidebar logo points at a CDN,
    # and the CSP stops it before any request leaves.
    page = Page(browser, server.url, enforce_csp=True)
    p = page.goto("docs")
    p.wait_for_selector(".swagger-ui .info .title", timeout=30_000)
    assert "forgeflow" in p.inner_text(".swagger-ui .info .title")
    page.shot("docs")
    p = page.goto("redoc")
    p.wait_for_selector("text=An LLM agent orchestrator", timeout=30_000)
    assert page.external == [] and page.errors == []
    page.close()


def test_login_keeps_the_key_in_the_tab_and_data_needs_it(browser: Any, tmp_path: Path) -> None:
    proc = start_server(
        {"FORGEFLOW_HOME": str(tmp_path / "auth-home"), "FORGEFLOW_API_KEYS": "s3cret"}
    )
    try:
        # The shell is open; its data is not.
        assert httpx.get(f"{proc.url}/").status_code == 200
        assert httpx.get(f"{proc.url}/static/console/app.js").status_code == 200
        assert httpx.get(f"{proc.url}/runs").status_code == 401
        assert httpx.get(f"{proc.url}/openapi.json").status_code == 401
        assert httpx.get(f"{proc.url}/files", params={"path": "x.png"}).status_code == 401
        page = Page(browser, proc.url)
        p = page.goto("#/runs")
        p.wait_for_selector("#api-key")
        p.fill("#api-key", "wrong")
        p.click("#login-submit")
        p.wait_for_selector(".login .error")
        assert "refused" in p.inner_text(".login .error")
        page.shot("login")
        p.fill("#api-key", "s3cret")
        p.click("#login-submit")
        p.wait_for_selector("#runs-table")
        assert p.evaluate("sessionStorage.getItem('forgeflow.key')") == "s3cret"
        assert p.evaluate("localStorage.length") == 0
        # The docs page reads the spec with the same key.
        p = page.goto("docs")
        p.wait_for_selector(".swagger-ui .info .title", timeout=30_000)
        p = page.goto("#/chat")
        p.click("#sign-out")
        p.wait_for_selector("#api-key")
        assert p.evaluate("sessionStorage.getItem('forgeflow.key')") is None
        assert page.external == [] and page.errors == []
        page.close()
    finally:
        proc.stop()
