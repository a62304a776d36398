"""Kaggle through the `kaggle` package (imported lazily) and its kagglesdk client, per-request creds."""

from __future__ import annotations

import contextlib
import importlib
import io
import re
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from errors import (
    BadInput,
    Forbidden,
    ForgeflowError,
    NotFound,
    Unauthorized,
    UpstreamError,
)
from settings import get_settings
from tools.cache import credential_identity

SOURCE = "kaggle"
NAME = "Kaggle"
CREDS_HINT = (
    "send the X-Kaggle-Username and X-Kaggle-Key headers, or set KAGGLE_USERNAME and "
    "KAGGLE_KEY (or ~/.kaggle/kaggle.json) on the server"
)
KAGGLE_SORTS = ("hottest", "votes", "updated", "active", "published")
# Generic sort names (search_datasets' `sort`) mapped onto Kaggle's.
SORT_ALIASES = {
    "relevance": "hottest",
    "trending": "hottest",
    "downloads": "votes",
    "likes": "votes",
    "updated": "updated",
    "modified": "updated",
}
_REF = re.compile(r"^[A-Za-z0-9][\w-]{0,99}/[A-Za-z0-9][\w.-]{0,99}$")
_import_lock = threading.Lock()
_module: Any = None


def _kaggle() -> Any:
    """The kaggle API module, imported once; its import-time authentication output is swallowed."""
    global _module
    with _import_lock:
        if _module is None:
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                # `kaggle/__init__` rebinds `kaggle.api` to an instance, so import by module name.
                _module = importlib.import_module("kaggle.api.kaggle_api_extended")
        return _module


def _env_args() -> list[str]:
    """Point kagglesdk at FORGEFLOW_KAGGLE_ENDPOINT by mapping it onto its LOCAL environment."""
    from kagglesdk import kaggle_env

    url = get_settings().kaggle_endpoint.strip().rstrip("/")
    if not url:
        return [a for a in _kaggle().KaggleApi.args if a != "--local"]
    host = urlsplit(url).hostname or ""
    if host in ("api.kaggle.com", "www.kaggle.com", "kaggle.com"):
        return []
    # kagglesdk serves non-PROD environments under `<endpoint>/api/v1/<service>/<method>`.
    kaggle_env._env_to_endpoint[kaggle_env.KaggleEnv.LOCAL] = url
    return ["--local"]


def _config_values(credentials: dict[str, str]) -> dict[str, str]:
    user, key = credentials.get("kaggle_username"), credentials.get("kaggle_key")
    if user and key:
        return {"username": user, "key": key}
    if user or key:
        raise Unauthorized(
            "Kaggle needs both a username and a key", hint=CREDS_HINT, code="kaggle_credentials"
        )
    module = _kaggle()
    probe = module.KaggleApi()
    found = probe.read_config_environment(probe.read_config_file(quiet=True))
    if found.get("username") and found.get("key"):
        return {"username": str(found["username"]), "key": str(found["key"])}
    from kagglesdk.kaggle_env import get_access_token_from_env

    token, _ = get_access_token_from_env()
    if token:
        return {"token": token}
    raise Unauthorized("Kaggle credentials are missing", hint=CREDS_HINT, code="kaggle_credentials")


def identity(credentials: dict[str, str]) -> str:
    """The cache identity of the credentials this call would use (hashed; never the secret)."""
    values = _config_values(credentials)
    return credential_identity(
        "kaggle", values.get("username"), values.get("key"), values.get("token")
    )


def make_api(credentials: dict[str, str]) -> Any:
    """A KaggleApi carrying this request's credentials (no process-wide environment changes)."""
    values = _config_values(credentials)
    api = _kaggle().KaggleApi()
    api.config_values = dict(values)
    api.args = _env_args()
    return api


@contextlib.contextmanager
def kaggle_errors(what: str) -> Iterator[None]:
    """Turn requests/kaggle errors into forgeflow errors that name Kaggle and the fix."""
    import requests

    try:
        yield
    except ForgeflowError:
        raise
    except requests.HTTPError as exc:
        status = exc.response.status_code if exc.response is not None else 0
        if status == 401:
            raise Unauthorized(
                f"{NAME} refused the credentials for {what}",
                hint=CREDS_HINT,
                code="kaggle_credentials",
            ) from None
        if status == 403:
            raise Forbidden(
                f"{NAME} refused access to {what}",
                hint="accept the dataset's rules on kaggle.com or use an account that may read it",
            ) from None
        if status == 404:
            raise NotFound(
                f"{what} not found on {NAME}", hint="check the id ('owner/slug')"
            ) from None
        raise UpstreamError(
            f"{NAME} failed for {what} (HTTP {status})", hint="retry later"
        ) from None
    except requests.RequestException as exc:
        raise UpstreamError(
            f"{NAME} could not be reached for {what}: {type(exc).__name__}",
            hint="check the network or FORGEFLOW_KAGGLE_ENDPOINT",
            code="source_unreachable",
        ) from None
    except ValueError as exc:
        raise BadInput(
            f"{NAME} refused the request for {what}: {exc}", hint="fix the value"
        ) from None


def check_ref(dataset_id: str) -> str:
    """Refuse ids that are not `owner/slug`."""
    value = (dataset_id or "").strip()
    if not _REF.match(value) or ".." in value:
        raise BadInput(
            f"{value!r} is not a Kaggle dataset id",
            hint="use 'owner/slug', e.g. 'uciml/iris'",
            code="bad_dataset_id",
        )
    return value


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else (str(value) if value else None)


def dataset_item(ds: Any) -> dict[str, Any]:
    """One result in the compatible Kaggle shape, plus source and tags."""
    ref = ds.ref or ""
    url = ds.url or f"https://www.kaggle.com/datasets/{ref}"
    if url.startswith("/"):
        url = f"https://www.kaggle.com{url}"
    return {
        "id": ref,
        "title": ds.title or ref.split("/")[-1],
        "source": SOURCE,
        "owner": ds.owner_name or ds.owner_ref or (ref.split("/")[0] if "/" in ref else None),
        "url": url,
        "size": ds.total_bytes,
        "lastUpdated": _iso(ds.last_updated),
        "downloadCount": ds.download_count,
        "voteCount": ds.vote_count,
        "tags": [t.name for t in (ds.tags or []) if getattr(t, "name", None)],
        "description": (ds.subtitle or ds.description or "")[:400],
    }


def list_datasets(
    query: str | None, *, limit: int, sort: str | None, credentials: dict[str, str]
) -> list[dict[str, Any]]:
    """Datasets matching `query` (all when None), by a Kaggle sort (or a generic alias)."""
    sort_by = SORT_ALIASES.get(sort or "", sort) or "hottest"
    if sort_by not in KAGGLE_SORTS:
        raise BadInput(
            f"unknown Kaggle sort {sort!r}", hint=f"use one of {', '.join(KAGGLE_SORTS)}"
        )
    api = make_api(credentials)
    items: list[dict[str, Any]] = []
    page = 1
    with kaggle_errors("the dataset search"):
        while len(items) < limit and page <= 5:
            batch = api.dataset_list(search=query or None, sort_by=sort_by, page=page) or []
            items.extend(dataset_item(d) for d in batch if d is not None)
            if len(batch) < 20:
                break
            page += 1
    return items[:limit]


def suggest(query: str, *, limit: int, credentials: dict[str, str]) -> list[dict[str, Any]]:
    """Dataset refs for a partial query, slug-prefix matches first."""
    found = list_datasets(query, limit=max(limit * 2, 10), sort="hottest", credentials=credentials)
    q = query.lower()
    found.sort(key=lambda i: 0 if i["id"].split("/")[-1].lower().startswith(q) else 1)
    return [
        {"id": i["id"], "title": i["title"], "source": SOURCE, "url": i["url"]}
        for i in found[:limit]
    ]


def dataset_meta(dataset_id: str, credentials: dict[str, str]) -> dict[str, Any]:
    """A dataset's current version and total size (GetDataset)."""
    from kagglesdk.datasets.types.dataset_api_service import ApiGetDatasetRequest

    ref = check_ref(dataset_id)
    api = make_api(credentials)
    owner, slug = ref.split("/")
    with kaggle_errors(f"dataset {ref!r}"):
        with api.build_kaggle_client() as client:
            request = ApiGetDatasetRequest()
            request.owner_slug = owner
            request.dataset_slug = slug
            ds = client.datasets.dataset_api_client.get_dataset(request)
    return {
        "id": ref,
        "version": ds.current_version_number,
        "total_bytes": ds.total_bytes,
        "item": dataset_item(ds),
    }


def download_archive(
    dataset_id: str, version: int | None, dest: Path, credentials: dict[str, str]
) -> Path:
    """Download the dataset's zip (pinned to `version` when given) into `dest`; returns the zip."""
    ref = check_ref(dataset_id)
    api = make_api(credentials)
    spec = f"{ref}/{version}" if version else ref
    dest.mkdir(parents=True, exist_ok=True)
    with kaggle_errors(f"dataset {ref!r}"):
        api.dataset_download_files(spec, path=str(dest), force=True, quiet=True, unzip=False)
    archive = dest / f"{ref.split('/')[1]}.zip"
    if not archive.is_file():
        raise UpstreamError(f"{NAME} sent no archive for {ref}", hint="retry later")
    return archive
