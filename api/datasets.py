"""Dataset HTTP: the compatible dataset-browser API (/api/...) and native /datasets records."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Body, Query, Request

from api.common import json_safe, request_credentials, run_tool_now
from store import datasets as dataset_store
from tools.base import ToolContext
from tools.cache import CACHE

router = APIRouter(tags=["datasets"])

# The dataset-browser API this is compatible with answers errors as {"error": "..."}.
FLAT_ERRORS_PREFIXES = ("/api/datasets", "/api/search", "/api/suggestions", "/api/cache-status")


def _call(name: str, args: dict[str, Any], request: Request) -> dict[str, Any]:
    """Call the tool as a run (listed in GET /runs) with the request's credentials."""
    clean = {k: v for k, v in args.items() if v is not None}
    _, output = run_tool_now(
        name, clean, source="datasets", credentials=request_credentials(request)
    )
    return json_safe(output)


def _by_source(output: dict[str, Any], sources: tuple[str, ...]) -> dict[str, Any]:
    body: dict[str, Any] = {name: output.get(name, []) for name in sources}
    if output.get("errors"):
        body["errors"] = output["errors"]
    return body


@router.get("/api/datasets")
def trending(
    request: Request,
    source: Literal["all", "kaggle", "huggingface"] = "all",
    limit: int = Query(default=10, ge=1, le=50),
    kaggle_sort: str | None = None,
    hf_sort: str | None = None,
) -> dict[str, Any]:
    """Trending datasets per source: {"kaggle": [...], "huggingface": [...]}."""
    out = _call(
        "trending_datasets",
        {"source": source, "limit": limit, "kaggle_sort": kaggle_sort, "hf_sort": hf_sort},
        request,
    )
    return _by_source(out, ("kaggle", "huggingface"))


@router.get("/api/datasets/configs")
def configs(request: Request, dataset_id: str, revision: str | None = None) -> dict[str, Any]:
    """A Hugging Face dataset's configs: {"configs": [{"name", "total_size_bytes", ...}]}."""
    out = _call("dataset_configs", {"dataset_id": dataset_id, "revision": revision}, request)
    return {"dataset_id": out["dataset_id"], "revision": out["revision"], "configs": out["configs"]}


@router.post("/api/datasets/download")
def download(request: Request, body: dict[str, Any] = Body(...)) -> dict[str, Any]:
    """Download into the workspace: {"status", "message", "path", "dataset"} (path is relative)."""
    out = _call("download_dataset", body, request)
    return {
        "status": out["status"],
        "message": out["message"],
        "path": out["path"],
        "dataset": out["dataset"],
        "reused": out["reused"],
    }


@router.get("/api/search")
def search(
    request: Request,
    query: str,
    source: Literal["all", "kaggle", "huggingface", "local"] = "all",
    limit: int = Query(default=5, ge=1, le=50),
    sort: str | None = None,
) -> dict[str, Any]:
    """Search: {"kaggle": [...], "huggingface": [...]} (and "local" when asked or 'all')."""
    out = _call(
        "search_datasets", {"query": query, "source": source, "limit": limit, "sort": sort}, request
    )
    by_source = out["by_source"]
    body = {"kaggle": by_source.get("kaggle", []), "huggingface": by_source.get("huggingface", [])}
    if "local" in by_source:
        body["local"] = by_source["local"]
    if out.get("errors"):
        body["errors"] = out["errors"]
    return body


@router.get("/api/search/huggingface")
def search_huggingface(
    request: Request,
    query: str,
    include_configs: bool = False,
    config_detail: Literal["none", "basic", "full"] = "none",
    limit: int = Query(default=5, ge=1, le=50),
) -> dict[str, Any]:
    """Hugging Face search: {"datasets": [...]}, each with its configs when asked."""
    from tools.datasets import configs_for_items

    out = _call(
        "search_datasets", {"query": query, "source": "huggingface", "limit": limit}, request
    )
    items = out["by_source"].get("huggingface", [])
    detail = config_detail if config_detail != "none" else ("basic" if include_configs else "none")
    if detail != "none":
        ctx = ToolContext(credentials=request_credentials(request))
        items = json_safe(configs_for_items(items, detail, ctx))
    return {"datasets": items}


@router.get("/api/suggestions")
def suggestions(
    request: Request,
    query: str,
    source: Literal["all", "kaggle", "huggingface", "local"] = "all",
    limit: int = Query(default=8, ge=1, le=20),
) -> dict[str, Any]:
    """Autocomplete: {"suggestions": [{"id", "title", "source", "url"}]}."""
    out = _call("suggest_datasets", {"query": query, "source": source, "limit": limit}, request)
    body: dict[str, Any] = {"suggestions": out["suggestions"]}
    if out.get("errors"):
        body["errors"] = out["errors"]
    return body


@router.get("/api/cache-status")
def cache_status() -> dict[str, Any]:
    """The listing cache: ttl, entries (namespace, age, time left, hits), hits and misses."""
    return CACHE.status()


@router.get("/datasets")
def list_downloads(limit: int = Query(default=200, ge=1, le=1000)) -> dict[str, Any]:
    """Downloaded dataset records, newest first."""
    records = dataset_store.list_records(limit=limit)
    return {"count": len(records), "datasets": records}


@router.get("/datasets/{record_id}")
def get_download(record_id: str) -> dict[str, Any]:
    """One downloaded dataset record."""
    return dataset_store.get_record(record_id)


@router.delete("/datasets/{record_id}")
def delete_download(record_id: str) -> dict[str, Any]:
    """Delete a downloaded dataset: its record and its files in the workspace."""
    return {"deleted": True, "dataset": dataset_store.delete_record(record_id)}
