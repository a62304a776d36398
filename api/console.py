"""The web console: its page and assets at `/`, offline /docs and /redoc, files and workbench routes.

The page and its static assets are open (they hold no data); everything they read goes through
the API with the key the person typed in, like any client. Routes here are thin: the labeling
workbench and the row preview are tools (tools/labeling/workbench.py, tools/preview.py); the
workbench's actions (re-apply, corrections, export) run as runs, listed in /runs like any call.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from api.common import json_safe, request_credentials, run_tool_until_disconnect
from errors import BadInput, NotFound
from graphs.workflows import call_tool
from store import runs as run_store
from store.workspace import resolve_path, workspace_root
from tools.base import ToolContext

router = APIRouter(tags=["console"])

WEB = Path(__file__).resolve().parent.parent / "web"
STATIC = WEB / "static"
# Swagger UI and ReDoc come from the pinned fastapi-offline wheel (MIT; its licence ships in
# its dist-info), so /docs and /redoc work with no network.
_DOCS_SPEC = importlib.util.find_spec("fastapi_offline")
DOCS_ASSETS = (
    Path(next(iter(_DOCS_SPEC.submodule_search_locations))) / "static" if _DOCS_SPEC else None
)

# What the auth guard lets through without a key: the page shell and its assets, no data.
OPEN_PATHS = ("/", "/docs", "/redoc", "/favicon.ico")
OPEN_PREFIXES = ("/static/console/", "/static/docs/")

# The page loads nothing but this server's own files; the browser enforces it.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SHELL_HEADERS = {
    "Content-Security-Policy": CSP,
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# Files the console shows inline; anything else is sent as a download, never rendered as a
# page of this origin (a workspace .html or .svg could otherwise run script here).
INLINE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".json": "application/json",
    ".csv": "text/plain; charset=utf-8",
    ".tsv": "text/plain; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    ".jsonl": "text/plain; charset=utf-8",
}


def install(app: FastAPI) -> None:
    """Mount the console's static assets and, when the package is there, the docs assets."""
    app.mount("/static/console", StaticFiles(directory=STATIC), name="console-static")
    if DOCS_ASSETS is not None:
        app.mount("/static/docs", StaticFiles(directory=DOCS_ASSETS), name="docs-static")


def _page(name: str) -> HTMLResponse:
    return HTMLResponse((WEB / name).read_text(encoding="utf-8"), headers=SHELL_HEADERS)


@router.get("/", include_in_schema=False)
def console() -> HTMLResponse:
    """The console (a single page; its views are #/chat, #/runs, #/data, #/labeling, #/qa)."""
    return _page("index.html")


@router.get("/docs", include_in_schema=False)
def swagger_ui() -> HTMLResponse:
    """Swagger UI, from local assets; it reads /openapi.json with the console's key."""
    return _page("docs.html")


@router.get("/redoc", include_in_schema=False)
def redoc() -> HTMLResponse:
    """ReDoc, from local assets; it reads /openapi.json with the console's key."""
    return _page("redoc.html")


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    """The console's icon."""
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")


@router.get("/files")
def workspace_file(
    path: str = Query(max_length=1000, description="A file in the workspace."),
    download: bool = Query(default=False, description="Send as an attachment."),
) -> FileResponse:
    """A workspace file: charts and JSON inline (for the console), anything else as a download."""
    target = resolve_path(path, must_exist=True, roots=[workspace_root()])
    if not target.is_file():
        raise BadInput(f"{path!r} is not a file", hint="give a file's path in the workspace")
    media = INLINE_TYPES.get(target.suffix.lower())
    headers = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'"}
    if media is None or download:
        return FileResponse(
            target,
            media_type=media or "application/octet-stream",
            filename=target.name,
            headers=headers,
        )
    return FileResponse(
        target,
        media_type=media,
        filename=target.name,
        headers=headers,
        content_disposition_type="inline",
    )


@router.get("/data/preview")
def data_preview(
    request: Request,
    dataset: str = Query(max_length=1000),
    offset: int = Query(default=0, ge=0, le=100_000_000),
    limit: int = Query(default=25, ge=1, le=200),
    sort_by: str | None = Query(default=None, min_length=1, max_length=300),
    descending: bool = False,
) -> dict[str, Any]:
    """One page of a table's rows (the preview_rows tool), in file order or by `sort_by`."""
    args: dict[str, Any] = {"dataset": dataset, "offset": offset, "limit": limit}
    if sort_by is not None:
        args["sort_by"] = sort_by
    if descending or sort_by is not None:  # descending alone is the tool's 400, not dropped
        args["descending"] = descending
    return json_safe(call_tool("preview_rows", args, _ctx(request)))


def _ctx(request: Request) -> ToolContext:
    return ToolContext(credentials=request_credentials(request))


class OpenWorkbench(BaseModel):
    """Open a workbench for a labeling run, or for a labeling output folder."""

    model_config = ConfigDict(extra="forbid")

    run_id: str | None = Field(default=None, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$")
    labeling_dir: str | None = Field(default=None, max_length=1000)


_GOLD_ARGS = {
    "gold": ("gold", "gold_path"),
    "label_column": ("label_column",),
    "gold_id_column": ("gold_id_column",),
    "gold_label_column": ("gold_label_column",),
}


def _labeling_step(run: dict[str, Any]) -> dict[str, Any]:
    """The workbench arguments of a run's completed label_dataset step (its output folder, gold)."""
    result = run.get("result") or {}
    steps = [s for s in result.get("steps") or [] if isinstance(s, dict)]
    found = [
        s
        for s in steps
        if s.get("status") == "completed"
        and isinstance((s.get("output") or {}).get("labeled_path"), str)
    ]
    if not found and isinstance(result.get("labeled_path"), str):
        found = [{"output": result, "args": {}}]
    if not found:
        raise NotFound(
            f"run {run['run_id']} has no completed labeling step",
            hint="open the workbench from a run whose goal labeled data (label_dataset)",
            code="not_a_labeling_run",
        )
    step = found[-1]
    args: dict[str, Any] = {"labeling_dir": str(Path(step["output"]["labeled_path"]).parent)}
    given = step.get("args") or {}
    for name, aliases in _GOLD_ARGS.items():
        for alias in aliases:
            if isinstance(given.get(alias), str):
                args[name] = given[alias]
                break
    return args


@router.post("/labeling/workbench")
def open_workbench(body: OpenWorkbench, request: Request) -> dict[str, Any]:
    """Open (first time: create) the workbench of a labeling run or output folder."""
    if (body.run_id is None) == (body.labeling_dir is None):
        raise BadInput("give run_id or labeling_dir", hint='e.g. {"run_id": "run_..."}')
    if body.run_id is not None:
        args = _labeling_step(run_store.get_run(body.run_id))
        out = call_tool("labeling_workbench", args, _ctx(request))
        out["run_id"] = body.run_id
        return json_safe(out)
    return json_safe(
        call_tool("labeling_workbench", {"labeling_dir": body.labeling_dir}, _ctx(request))
    )


@router.get("/labeling/workbench/rows")
def workbench_rows(
    request: Request,
    labeling_dir: str = Query(max_length=1000),
    lf: str | None = Query(default=None, max_length=100),
    label: str | None = Query(default=None, max_length=300),
    source: Literal["hand", "label_model", "majority_vote", "end_model", "prior"] | None = None,
    query: str | None = Query(default=None, max_length=200),
    offset: int = Query(default=0, ge=0, le=10_000_000),
    limit: int = Query(default=25, ge=1, le=200),
) -> dict[str, Any]:
    """A page of the workbench's labeled rows (only those `lf` votes on, when given)."""
    args = {
        "labeling_dir": labeling_dir,
        "lf": lf,
        "label": label,
        "source": source,
        "query": query,
        "offset": offset,
        "limit": limit,
    }
    clean = {k: v for k, v in args.items() if v is not None}
    return json_safe(call_tool("workbench_rows", clean, _ctx(request)))


async def _as_run(request: Request, name: str, body: dict[str, Any]) -> dict[str, Any]:
    """Run a workbench action as a run (listed in /runs, cancelled if the page goes away) and
    answer with the tool's output, as the page expects, plus the run's id (`action_run_id`:
    `run_id` in a workbench state names the labeling run it was opened from).
    """
    run, output = await run_tool_until_disconnect(
        request, name, body, source="console", credentials=request_credentials(request)
    )
    out = json_safe(output)
    if isinstance(out, dict):
        out["action_run_id"] = run["run_id"]
    return out


@router.post("/labeling/workbench/apply")
async def workbench_apply(request: Request, body: dict[str, Any]) -> dict[str, Any]:
    """Re-apply an edited LF set: a new version (the reapply_labeling_functions tool, as a run)."""
    return await _as_run(request, "reapply_labeling_functions", body)


@router.post("/labeling/workbench/corrections")
async def workbench_corrections(request: Request, body: dict[str, Any]) -> dict[str, Any]:
    """Correct labels; they become hand labels (the correct_labels tool, as a run)."""
    return await _as_run(request, "correct_labels", body)


@router.post("/labeling/workbench/export")
async def workbench_export(request: Request, body: dict[str, Any]) -> dict[str, Any]:
    """Write the current labels as CSV or Parquet (the export_labeled_data tool, as a run)."""
    return await _as_run(request, "export_labeled_data", body)
