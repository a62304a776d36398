"""A small fake Hugging Face Hub on 127.0.0.1 answering the requests huggingface_hub really makes."""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.utils.servers import FakeServer

# The `expand` values huggingface_hub 2.4 may send for datasets (unknown ones get a 400, as on the Hub).
DATASET_EXPAND = {
    "author",
    "cardData",
    "citation",
    "createdAt",
    "disabled",
    "description",
    "downloads",
    "downloadsAllTime",
    "gated",
    "lastModified",
    "likes",
    "mainSize",
    "paperswithcode_id",
    "private",
    "siblings",
    "sha",
    "tags",
    "trendingScore",
    "usedStorage",
    "resourceGroup",
}
SORT_FIELDS = {
    "downloads": "downloads",
    "likes": "likes",
    "trendingScore": "trendingScore",
    "lastModified": "lastModified",
    "createdAt": "createdAt",
}
LFS_SUFFIXES = (".parquet", ".zip", ".gz")


def point_hf_at(monkeypatch: Any, url: str) -> None:
    """Point huggingface_hub at `url` the way HF_ENDPOINT does at import (both derived constants)."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "ENDPOINT", url)
    monkeypatch.setattr(
        constants, "HUGGINGFACE_CO_URL_TEMPLATE", url + "/{repo_id}/resolve/{revision}/{filename}"
    )
    # A developer's saved token must not ride along on "anonymous" test requests.
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", "/nonexistent/forgeflow-test/hf-token")
    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.delenv("HUGGING_FACE_HUB_TOKEN", raising=False)


def git_blob_id(content: bytes) -> str:
    """The git object id of a blob (what the Hub reports as blobId / oid)."""
    return hashlib.sha1(b"blob %d\x00" % len(content) + content).hexdigest()


@dataclass
class Commit:
    """One commit of a fake repo: its sha and full file contents."""

    sha: str
    files: dict[str, bytes]


@dataclass
class FakeDataset:
    """A dataset repo: commits (last = main), card metadata and listing facts."""

    repo_id: str
    commits: list[Commit] = field(default_factory=list)
    card: dict[str, Any] = field(default_factory=dict)
    gated: bool = False
    private: bool = False
    downloads: int = 0
    likes: int = 0
    trending: int = 0
    tags: list[str] = field(default_factory=list)
    description: str = ""
    last_modified: str = "2024-01-01T00:00:00.000Z"
    branches: dict[str, str] = field(default_factory=dict)

    def head(self) -> Commit:
        return self.commits[-1]

    def resolve(self, rev: str) -> Commit | None:
        rev = unquote(rev)
        if rev in self.branches:
            rev = self.branches[rev]
        if rev == "main":
            return self.head()
        for commit in self.commits:
            if len(rev) >= 7 and commit.sha.startswith(rev):
                return commit
        return None


@dataclass
class FakeModel:
    """A model repo with a model-index in its card."""

    model_id: str
    pipeline_tag: str
    downloads: int = 0
    likes: int = 0
    results: list[tuple[str, str, float]] = field(default_factory=list)  # dataset, metric, value


REPO_TAILS = frozenset(
    {"revision", "tree", "resolve", "paths-info", "parquet", "refs", "commits", "croissant",
     "discussions", "blob", "treesize", "settings"}
)  # fmt: skip
"""Path parts that end a repo id in the Hub's dataset URLs."""


class FakeHub:
    """State and request log of the fake Hub; `serve()` starts it (a context manager)."""

    def __init__(self) -> None:
        self.datasets: dict[str, FakeDataset] = {}
        self.models: list[FakeModel] = []
        self.tokens: dict[str, str] = {"hf_good_token": "alice"}
        self.granted: dict[str, set[str]] = {}
        self.requests: list[dict[str, Any]] = []
        self.broken_info = False
        self.delay = 0.0  # seconds added to every answer, to stand in for network latency
        # Called with the search text when a dataset search matches nothing: the repo ids it
        # returns (after adding them, if new) are the answer. None: an empty answer, as on the Hub.
        self.search_fallback: Callable[[str], list[str]] | None = None
        # Called with a repo id that no dataset has when a request names it: True when it added
        # that dataset (the benchmark catalogue's stand-in for the whole Hub). None: a 404.
        self.repo_fallback: Callable[[str], bool] | None = None
        self._lock = threading.Lock()
        self._counter = 0
        self.server: FakeServer | None = None

    def reset(self) -> None:
        """Forget every repo, model, grant and logged request (the server keeps running)."""
        self.datasets.clear()
        self.models.clear()
        self.granted.clear()
        self.requests.clear()
        self.tokens = {"hf_good_token": "alice"}
        self.broken_info = False

    # ------------------------------------------------------------ setup helpers
    def _sha(self, repo_id: str) -> str:
        self._counter += 1
        return hashlib.sha1(f"{repo_id}-{self._counter}".encode()).hexdigest()

    def add_dataset(
        self, repo_id: str, files: dict[str, bytes], sha: str | None = None, **meta: Any
    ) -> str:
        """Create a dataset whose main branch holds `files` (at `sha` if given); returns the sha."""
        ds = FakeDataset(repo_id=repo_id, **meta)
        ds.commits.append(Commit(sha=sha or self._sha(repo_id), files=dict(files)))
        self.datasets[repo_id] = ds
        return ds.head().sha

    def add_commit(self, repo_id: str, files: dict[str, bytes]) -> str:
        """A new commit on main replacing the files; returns its sha."""
        ds = self.datasets[repo_id]
        ds.commits.append(Commit(sha=self._sha(repo_id), files=dict(files)))
        return ds.head().sha

    def add_model(self, model_id: str, pipeline_tag: str, **meta: Any) -> None:
        self.models.append(FakeModel(model_id=model_id, pipeline_tag=pipeline_tag, **meta))

    def count(self, method: str, prefix: str) -> int:
        """How many requests with this method hit a path starting with `prefix`."""
        return sum(
            1 for r in self.requests if r["method"] == method and r["path"].startswith(prefix)
        )

    def serve(self) -> FakeServer:
        self.server = FakeServer(_make_handler(self))
        return self.server

    @property
    def url(self) -> str:
        assert self.server is not None
        return self.server.url

    @property
    def cdn_url(self) -> str:
        assert self.server is not None
        return f"http://localhost:{self.server.port}"


def _info(ds: FakeDataset, commit: Commit, *, blobs: bool, expand: list[str] | None) -> dict:
    siblings = []
    for name, content in sorted(commit.files.items()):
        entry: dict[str, Any] = {"rfilename": name}
        if blobs:
            entry["size"] = len(content)
            entry["blobId"] = git_blob_id(content)
            if name.endswith(LFS_SUFFIXES):
                entry["lfs"] = {
                    "size": len(content),
                    "sha256": hashlib.sha256(content).hexdigest(),
                    "pointerSize": 134,
                }
        siblings.append(entry)
    full = {
        "_id": hashlib.md5(ds.repo_id.encode()).hexdigest()[:24],
        "id": ds.repo_id,
        "author": ds.repo_id.split("/")[0] if "/" in ds.repo_id else None,
        "sha": commit.sha,
        "lastModified": ds.last_modified,
        "createdAt": "2023-01-01T00:00:00.000Z",
        "private": ds.private,
        "gated": "auto" if ds.gated else False,
        "disabled": False,
        "downloads": ds.downloads,
        "likes": ds.likes,
        "trendingScore": ds.trending,
        "tags": ds.tags,
        "description": ds.description,
        "cardData": ds.card,
        "siblings": siblings,
        "mainSize": sum(len(c) for c in commit.files.values()),
    }
    if expand:
        return {k: v for k, v in full.items() if k in expand or k in ("_id", "id")}
    return full


def _make_handler(hub: FakeHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            return None

        # ---------------------------------------------------------------- plumbing
        def _send(
            self,
            status: int,
            body: bytes = b"",
            headers: dict[str, str] | None = None,
            content_type: str = "application/json",
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
            self._send(status, json.dumps(data).encode(), headers)

        def _error(self, status: int, message: str, code: str | None = None) -> None:
            headers = {"X-Error-Message": message}
            if code:
                headers["X-Error-Code"] = code
            self._json(status, {"error": message}, headers)

        def _user(self) -> tuple[str | None, bool]:
            """(user, bad_token): the caller behind the bearer token."""
            auth = self.headers.get("Authorization", "")
            if not auth.lower().startswith("bearer "):
                return None, False
            token = auth[7:].strip()
            user = hub.tokens.get(token)
            return user, user is None

        def _find_repo(self, rest: str) -> tuple[FakeDataset | None, str]:
            for repo_id in sorted(hub.datasets, key=len, reverse=True):
                if rest == repo_id or rest.startswith(repo_id + "/"):
                    return hub.datasets[repo_id], rest[len(repo_id) :].lstrip("/")
            parts = rest.split("/")
            ends = [i for i, part in enumerate(parts) if part in REPO_TAILS] or [len(parts)]
            if hub.repo_fallback is not None and 1 <= ends[0] <= 2:
                repo_id = "/".join(parts[: ends[0]])
                if hub.repo_fallback(repo_id):
                    return hub.datasets[repo_id], rest[len(repo_id) :].lstrip("/")
            return None, rest

        # ---------------------------------------------------------------- dispatch
        def do_HEAD(self) -> None:  # noqa: N802 - http.server API
            self._dispatch()

        def do_GET(self) -> None:  # noqa: N802 - http.server API
            self._dispatch()

        def _dispatch(self) -> None:
            parts = urlsplit(self.path)
            path = unquote(parts.path)
            query = parse_qs(parts.query)
            user, bad = self._user()
            with hub._lock:
                hub.requests.append(
                    {
                        "method": self.command,
                        "path": path,
                        "query": query,
                        "token": self.headers.get("Authorization", "")[7:] or None,
                    }
                )
            if hub.delay:
                time.sleep(hub.delay)
            if bad:
                self._error(401, "Invalid credentials in Authorization header")
                return
            if path == "/api/datasets":
                self._list(query)
            elif path.startswith("/api/datasets/"):
                self._repo_api(path[len("/api/datasets/") :], query, user)
            elif path.startswith("/datasets/"):
                self._resolve(path[len("/datasets/") :], user)
            elif path.startswith("/cdn-lfs/"):
                self._cdn(path[len("/cdn-lfs/") :])
            elif path == "/api/models":
                self._models(query)
            else:
                self._error(404, "Not Found")

        # ---------------------------------------------------------------- endpoints
        def _list(self, query: dict[str, list[str]]) -> None:
            expand = query.get("expand")
            if expand and not set(expand) <= DATASET_EXPAND:
                self._error(400, f"unknown expand values {sorted(set(expand) - DATASET_EXPAND)}")
                return
            words = [w.lower() for w in query.get("search", [])]
            found = [
                d
                for d in hub.datasets.values()
                if not d.private and all(w in d.repo_id.lower() for w in words)
            ]
            if not found and hub.search_fallback is not None:
                ids = hub.search_fallback(" ".join(query.get("search", [])))
                found = [hub.datasets[i] for i in ids if i in hub.datasets]
            sort = query.get("sort", [None])[0]
            if sort is not None:
                if sort not in SORT_FIELDS:
                    self._error(400, f"invalid sort {sort!r}")
                    return
                found.sort(
                    key=lambda d: _info(d, d.head(), blobs=False, expand=None)[SORT_FIELDS[sort]],
                    reverse=True,
                )
            limit = int(query.get("limit", ["1000"])[0])
            items = []
            for d in found[:limit]:
                info = _info(d, d.head(), blobs=False, expand=expand)
                if not expand:
                    info.pop("cardData", None)
                    info.pop("siblings", None)
                    info.pop("description", None)
                items.append(info)
            self._json(200, items)

        def _repo_api(self, rest: str, query: dict[str, list[str]], user: str | None) -> None:
            ds, tail = self._find_repo(rest)
            if ds is None or (ds.private and user is None):
                self._error(401 if user is None else 404, "Repository not found", "RepoNotFound")
                return
            if hub.broken_info:
                self._error(500, "Internal Error")
                return
            if tail == "" or tail.startswith("revision/"):
                rev = tail[len("revision/") :] if tail else "main"
                commit = ds.resolve(rev)
                if commit is None:
                    self._error(404, "Invalid rev id", "RevisionNotFound")
                    return
                blobs = query.get("blobs", ["false"])[0].lower() == "true"
                self._json(200, _info(ds, commit, blobs=blobs, expand=query.get("expand")))
                return
            match = re.match(r"^tree/([^/]+)(?:/(.*))?$", tail)
            if match:
                commit = ds.resolve(match.group(1))
                if commit is None:
                    self._error(404, "Invalid rev id", "RevisionNotFound")
                    return
                recursive = query.get("recursive", ["false"])[0].lower() == "true"
                self._json(200, _tree(commit, match.group(2) or "", recursive))
                return
            self._error(404, "Not Found")

        def _resolve(self, rest: str, user: str | None) -> None:
            ds, tail = self._find_repo(rest)
            if ds is None or (ds.private and user is None):
                self._error(401 if user is None else 404, "Repository not found", "RepoNotFound")
                return
            match = re.match(r"^resolve/([^/]+)/(.+)$", tail)
            if not match:
                self._error(404, "Not Found")
                return
            commit = ds.resolve(match.group(1))
            if commit is None:
                self._error(404, "Invalid rev id", "RevisionNotFound")
                return
            if ds.gated and user not in hub.granted.get(ds.repo_id, set()):
                self._error(
                    401 if user is None else 403,
                    "Access to this dataset is restricted. You must be authenticated and accept "
                    "its conditions.",
                    "GatedRepo",
                )
                return
            name = match.group(2)
            content = commit.files.get(name)
            if content is None:
                self._send(
                    404,
                    b"",
                    {"X-Error-Code": "EntryNotFound", "X-Repo-Commit": commit.sha},
                )
                return
            headers = {"X-Repo-Commit": commit.sha, "Accept-Ranges": "bytes"}
            if name.endswith(LFS_SUFFIXES):
                digest = hashlib.sha256(content).hexdigest()
                headers.update(
                    {
                        "X-Linked-Size": str(len(content)),
                        "X-Linked-Etag": f'"{digest}"',
                        "ETag": f'"{git_blob_id(content)}"',
                        # Another host name, like the Hub's CDN: the client stops following here.
                        "Location": f"{hub.cdn_url}/cdn-lfs/{digest}",
                    }
                )
                self._send(302, b"", headers)
                return
            headers["ETag"] = f'"{git_blob_id(content)}"'
            self._send_content(content, headers)

        def _send_content(self, content: bytes, headers: dict[str, str]) -> None:
            rng = re.match(r"bytes=(\d+)-", self.headers.get("Range", ""))
            if rng and int(rng.group(1)) < len(content):
                start = int(rng.group(1))
                headers["Content-Range"] = f"bytes {start}-{len(content) - 1}/{len(content)}"
                self._send(206, content[start:], headers, "application/octet-stream")
                return
            self._send(200, content, headers, "application/octet-stream")

        def _cdn(self, digest: str) -> None:
            for ds in hub.datasets.values():
                for commit in ds.commits:
                    for content in commit.files.values():
                        if hashlib.sha256(content).hexdigest() == digest:
                            self._send_content(content, {"ETag": f'"{digest}"'})
                            return
            self._error(404, "Not Found")

        def _models(self, query: dict[str, list[str]]) -> None:
            tag = query.get("pipeline_tag", [None])[0]
            found = [m for m in hub.models if tag is None or m.pipeline_tag == tag]
            found.sort(key=lambda m: m.downloads, reverse=True)
            limit = int(query.get("limit", ["1000"])[0])
            with_card = query.get("cardData", ["false"])[0].lower() == "true"
            items = []
            for m in found[:limit]:
                item: dict[str, Any] = {
                    "_id": hashlib.md5(m.model_id.encode()).hexdigest()[:24],
                    "id": m.model_id,
                    "modelId": m.model_id,
                    "downloads": m.downloads,
                    "likes": m.likes,
                    "pipeline_tag": m.pipeline_tag,
                    "tags": [m.pipeline_tag],
                    "private": False,
                }
                if with_card:
                    item["cardData"] = {"model-index": _model_index(m)} if m.results else {}
                items.append(item)
            self._json(200, items)

    return Handler


def _model_index(model: FakeModel) -> list[dict[str, Any]]:
    return [
        {
            "name": model.model_id.split("/")[-1],
            "results": [
                {
                    "task": {"type": model.pipeline_tag},
                    "dataset": {"type": dataset, "name": dataset, "split": "test"},
                    "metrics": [{"type": metric, "value": value}],
                }
                for dataset, metric, value in model.results
            ],
        }
    ]


def _tree(commit: Commit, prefix: str, recursive: bool) -> list[dict[str, Any]]:
    prefix = prefix.strip("/")
    entries: dict[str, dict[str, Any]] = {}
    for name, content in sorted(commit.files.items()):
        if prefix and not name.startswith(prefix + "/"):
            continue
        rel = name[len(prefix) + 1 :] if prefix else name
        parts = rel.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(([prefix] if prefix else []) + parts[:depth])
            if recursive or depth == 1:
                entries.setdefault(
                    folder,
                    {
                        "type": "directory",
                        "oid": git_blob_id(folder.encode()),
                        "size": 0,
                        "path": folder,
                    },
                )
        if recursive or len(parts) == 1:
            entry: dict[str, Any] = {
                "type": "file",
                "oid": git_blob_id(content),
                "size": len(content),
                "path": name,
            }
            if name.endswith(LFS_SUFFIXES):
                entry["lfs"] = {
                    "oid": hashlib.sha256(content).hexdigest(),
                    "size": len(content),
                    "pointerSize": 134,
                }
            entries[name] = entry
    return list(entries.values())
