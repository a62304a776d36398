"""A small fake Kaggle API on 127.0.0.1 answering the kagglesdk RPCs the `kaggle` package makes."""

from __future__ import annotations

import base64
import io
import json
import re
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import unquote, urlsplit

from tests.utils.servers import FakeServer

SERVICE = "/api/v1/datasets.DatasetApiService/"
SORT_KEYS = {
    "DATASET_SORT_BY_HOTTEST": "downloadCount",
    "DATASET_SORT_BY_VOTES": "voteCount",
    "DATASET_SORT_BY_UPDATED": "lastUpdated",
    "DATASET_SORT_BY_ACTIVE": "downloadCount",
    "DATASET_SORT_BY_PUBLISHED": "lastUpdated",
}


def isolate_kaggle(monkeypatch: Any) -> None:
    """Hide a developer's own Kaggle credentials (env vars, kaggle.json) from a test."""
    import importlib

    for var in ("KAGGLE_USERNAME", "KAGGLE_KEY", "KAGGLE_API_TOKEN", "KAGGLE_CONFIG_DIR"):
        monkeypatch.delenv(var, raising=False)
    extended = importlib.import_module("kaggle.api.kaggle_api_extended")
    monkeypatch.setattr(extended.KaggleApi, "config", "/nonexistent/forgeflow-test/kaggle.json")
    monkeypatch.setattr("kagglesdk.kaggle_env._get_access_token_from_file", lambda path: None)


@dataclass
class FakeKaggleDataset:
    """A Kaggle dataset: versions (1-based) of files, and listing facts."""

    ref: str
    title: str
    versions: list[dict[str, bytes]] = field(default_factory=list)
    subtitle: str = ""
    vote_count: int = 0
    download_count: int = 0
    last_updated: str = "2024-05-01T10:00:00.000Z"
    tags: list[str] = field(default_factory=list)
    raw_archive: bytes | None = None  # served as-is instead of a zip of the files

    def api_dataset(self) -> dict[str, Any]:
        files = self.versions[-1] if self.versions else {}
        return {
            "id": abs(hash(self.ref)) % 100000,
            "ref": self.ref,
            "title": self.title,
            "subtitle": self.subtitle,
            "ownerName": self.ref.split("/")[0],
            "ownerRef": self.ref.split("/")[0],
            "url": f"https://www.kaggle.com/datasets/{self.ref}",
            "totalBytes": sum(len(c) for c in files.values()),
            "lastUpdated": self.last_updated,
            "downloadCount": self.download_count,
            "voteCount": self.vote_count,
            "currentVersionNumber": len(self.versions),
            "tags": [{"ref": t, "name": t} for t in self.tags],
        }

    def archive(self, version: int) -> bytes:
        if self.raw_archive is not None:
            return self.raw_archive
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            for name, content in self.versions[version - 1].items():
                zf.writestr(name, content)
        return buf.getvalue()


class FakeKaggle:
    """State and request log of the fake Kaggle API; `serve()` starts it."""

    def __init__(self) -> None:
        self.datasets: dict[str, FakeKaggleDataset] = {}
        self.users: dict[str, str] = {"alice": "alice-key"}
        self.requests: list[dict[str, Any]] = []
        self.delay = 0.0  # seconds added to every answer, to stand in for network latency
        # Called with the search text when a search matches nothing: the refs it returns (after
        # adding them, if new) are the answer. None: an empty answer, as on Kaggle.
        self.search_fallback: Callable[[str], list[str]] | None = None
        self._lock = threading.Lock()
        self.server: FakeServer | None = None

    def add_dataset(self, ref: str, title: str, files: dict[str, bytes], **meta: Any) -> None:
        self.datasets[ref] = FakeKaggleDataset(ref=ref, title=title, versions=[files], **meta)

    def add_version(self, ref: str, files: dict[str, bytes]) -> int:
        self.datasets[ref].versions.append(files)
        return len(self.datasets[ref].versions)

    def calls(self, rpc: str) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["path"].endswith("/" + rpc)]

    def serve(self) -> FakeServer:
        self.server = FakeServer(_make_handler(self))
        return self.server


def _make_handler(kg: FakeKaggle) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            return None

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status: int, data: Any) -> None:
            self._send(status, json.dumps(data).encode(), {"Content-Type": "application/json"})

        def _user(self) -> str | None:
            auth = self.headers.get("Authorization", "")
            if not auth.startswith("Basic "):
                return None
            user, _, key = base64.b64decode(auth[6:]).decode().partition(":")
            return user if kg.users.get(user) == key else None

        def _log(self, body: Any) -> None:
            with kg._lock:
                kg.requests.append(
                    {
                        "method": self.command,
                        "path": urlsplit(self.path).path,
                        "body": body,
                        "user": self._user(),
                    }
                )

        def do_POST(self) -> None:  # noqa: N802 - http.server API
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw or b"{}")
            self._log(body)
            if kg.delay:
                time.sleep(kg.delay)
            path = urlsplit(self.path).path
            if not path.startswith(SERVICE):
                self._json(404, {"code": 404, "message": "Not found"})
                return
            if self._user() is None:
                self._json(401, {"code": 401, "message": "Unauthenticated"})
                return
            rpc = path[len(SERVICE) :]
            if rpc == "ListDatasets":
                self._list(body)
            elif rpc == "GetDataset":
                ds = kg.datasets.get(f"{body.get('ownerSlug')}/{body.get('datasetSlug')}")
                if ds is None:
                    self._json(404, {"code": 404, "message": "Dataset not found"})
                    return
                self._json(200, ds.api_dataset())
            elif rpc == "DownloadDataset":
                ref = f"{body.get('ownerSlug')}/{body.get('datasetSlug')}"
                ds = kg.datasets.get(ref)
                version = int(body.get("datasetVersionNumber") or 0) or (
                    len(ds.versions) if ds else 0
                )
                if ds is None or version > len(ds.versions):
                    self._json(404, {"code": 404, "message": "Dataset not found"})
                    return
                self._send(302, b"", {"Location": f"/files/{ref}/{version}"})
            else:
                self._json(404, {"code": 404, "message": f"unknown rpc {rpc}"})

        def _list(self, body: dict[str, Any]) -> None:
            search = str(body.get("search") or "").lower()
            found = [
                d
                for d in kg.datasets.values()
                if search in d.ref.lower() or search in d.title.lower()
            ]
            if not found and kg.search_fallback is not None:
                refs = kg.search_fallback(search)
                found = [kg.datasets[r] for r in refs if r in kg.datasets]
            key = SORT_KEYS.get(
                str(body.get("sortBy") or "DATASET_SORT_BY_HOTTEST"), "downloadCount"
            )
            found.sort(key=lambda d: d.api_dataset()[key], reverse=True)
            size = int(body.get("pageSize") or 20)
            page = int(body.get("page") or 1)
            chunk = found[(page - 1) * size : page * size]
            self._json(200, {"datasets": [d.api_dataset() for d in chunk], "nextPageToken": ""})

        def do_GET(self) -> None:  # noqa: N802 - http.server API
            self._log(None)
            match = re.match(r"^/files/([^/]+/[^/]+)/(\d+)$", unquote(urlsplit(self.path).path))
            if not match or match.group(1) not in kg.datasets:
                self._json(404, {"code": 404, "message": "Not found"})
                return
            if self._user() is None:
                self._json(401, {"code": 401, "message": "Unauthenticated"})
                return
            data = kg.datasets[match.group(1)].archive(int(match.group(2)))
            self._send(
                200,
                data,
                {
                    "Content-Type": "application/zip",
                    "Last-Modified": "Wed, 01 May 2024 10:00:00 GMT",
                    "ETag": f'"{len(data)}-{match.group(2)}"',
                },
            )

    return Handler
