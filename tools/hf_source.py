"""Hugging Face Hub through huggingface_hub: search, trending, configs, model cards and downloads."""

from __future__ import annotations

import contextlib
import fnmatch
import re
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from errors import (
    BadInput,
    Forbidden,
    ForgeflowError,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
    UpstreamError,
)
from tools.cache import credential_identity

SOURCE = "huggingface"
NAME = "Hugging Face"
TOKEN_HINT = "send a Hugging Face token in the X-HF-Token header (or set HF_TOKEN on the server)"
DATA_SUFFIXES = (
    ".parquet",
    ".csv",
    ".tsv",
    ".jsonl",
    ".json",
    ".csv.gz",
    ".tsv.gz",
    ".jsonl.gz",
    ".zip",
    ".tar",
    ".tar.gz",
    ".tgz",
)
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")
LIST_EXPAND = ["author", "description", "downloads", "likes", "lastModified", "tags", "mainSize"]
HF_SORTS = {
    "downloads": "downloads",
    "trending": "trending_score",
    "modified": "last_modified",
    "likes": "likes",
    "updated": "last_modified",
    "relevance": None,
}
_REPO_ID = re.compile(r"^[A-Za-z0-9][\w.-]{0,95}(/[A-Za-z0-9][\w.-]{0,95})?$")
# Metrics where a smaller value is better; every other metric ranks descending.
LOWER_IS_BETTER = ("loss", "wer", "cer", "perplexity", "mae", "mse", "rmse", "error")


def endpoint() -> str:
    """The Hub URL, read at call time from the library's own HF_ENDPOINT setting."""
    from huggingface_hub import constants

    return constants.ENDPOINT.rstrip("/")


def identity(token: str | None) -> str:
    """The cache identity of the token this call uses (the request's, else the environment's)."""
    if token:
        return credential_identity("hf", token)
    from huggingface_hub import get_token

    env_token = get_token()
    return credential_identity("hf-env", env_token) if env_token else "anon"


def check_repo_id(dataset_id: str) -> str:
    """Refuse ids that are not `name` or `owner/name` (no '..', no absolute paths)."""
    value = (dataset_id or "").strip()
    if not _REPO_ID.match(value) or ".." in value:
        raise BadInput(
            f"{value!r} is not a Hugging Face dataset id",
            hint="use 'owner/name' (e.g. 'nyu-mll/glue') or a bare canonical name (e.g. 'imdb')",
            code="bad_dataset_id",
        )
    return value


def _api(token: str | None) -> Any:
    from huggingface_hub import HfApi

    return HfApi(endpoint=endpoint(), token=token or None)


def check_reachable(timeout: float = 3.0) -> None:
    """Fail fast (instead of the library's ~20 s of retries) when the Hub host does not answer."""
    parts = urlsplit(endpoint())
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as exc:
        raise UpstreamError(
            f"{NAME} ({endpoint()}) could not be reached: {exc.strerror or exc}",
            hint="check the network or HF_ENDPOINT; other sources still work",
            code="source_unreachable",
        ) from None


@contextlib.contextmanager
def hub_errors(what: str) -> Iterator[None]:
    """Turn huggingface_hub errors into forgeflow errors that name the source and the fix."""
    import httpx2
    from huggingface_hub import errors as hf

    try:
        yield
    except ForgeflowError:
        raise
    except hf.GatedRepoError:
        raise Forbidden(
            f"{what} on {NAME} is gated: its conditions must be accepted first",
            hint=f"accept the conditions on the dataset's page, then {TOKEN_HINT}",
            code="gated",
        ) from None
    except hf.RevisionNotFoundError:
        raise NotFound(
            f"revision not found for {what} on {NAME}",
            hint="give a branch, tag or commit sha that exists (omit it for the latest)",
            code="revision_not_found",
        ) from None
    except hf.RepositoryNotFoundError:
        raise NotFound(
            f"{what} not found on {NAME}",
            hint=f"check the id with search_datasets; if it is private, {TOKEN_HINT}",
        ) from None
    except hf.RemoteEntryNotFoundError:
        raise NotFound(f"a file of {what} is missing on {NAME}", hint="retry later") from None
    except hf.HfHubHTTPError as exc:
        status = exc.response.status_code if exc.response is not None else 0
        if status == 401:
            raise Unauthorized(
                f"{NAME} refused the credentials for {what}", hint=TOKEN_HINT
            ) from None
        if status == 403:
            raise Forbidden(f"{NAME} refused access to {what}", hint=TOKEN_HINT) from None
        raise UpstreamError(
            f"{NAME} failed for {what} (HTTP {status})", hint="retry later"
        ) from None
    except hf.HFValidationError as exc:
        raise BadInput(f"invalid {NAME} id: {exc}", hint="use 'owner/name'") from None
    except httpx2.HTTPError as exc:
        raise UpstreamError(
            f"{NAME} ({endpoint()}) could not be reached: {exc}",
            hint="check the network or HF_ENDPOINT",
            code="source_unreachable",
        ) from None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _clip(text: str | None, limit: int = 400) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def dataset_item(info: Any) -> dict[str, Any]:
    """One search result in the compatible Hugging Face shape, plus title, source and size."""
    repo_id = info.id
    return {
        "id": repo_id,
        "title": repo_id.split("/")[-1],
        "source": SOURCE,
        "author": info.author or (repo_id.split("/")[0] if "/" in repo_id else None),
        "url": f"{endpoint()}/datasets/{repo_id}",
        "size": getattr(info, "main_size", None),
        "downloads": info.downloads,
        "likes": info.likes,
        "lastModified": _iso(info.last_modified),
        "tags": list(info.tags or []),
        "description": _clip(info.description),
    }


def list_datasets(
    query: str | None, *, limit: int, sort: str | None, token: str | None
) -> list[dict[str, Any]]:
    """Datasets matching `query` (all when None), sorted by a HF_SORTS key."""
    check_reachable()
    hub_sort = HF_SORTS.get(sort or "relevance")
    with hub_errors("the dataset search"):
        infos = _api(token).list_datasets(
            search=query or None, sort=hub_sort, limit=limit, expand=LIST_EXPAND
        )
        return [dataset_item(i) for i in infos]


def suggest(query: str, *, limit: int, token: str | None) -> list[dict[str, Any]]:
    """Dataset ids for a partial query: name-prefix matches first, then the rest by downloads."""
    found = list_datasets(query, limit=max(limit * 3, 10), sort="downloads", token=token)
    q = query.lower()

    def rank(item: dict[str, Any]) -> tuple[int, int]:
        name = item["id"].split("/")[-1].lower()
        if name == q:
            first = 0
        elif name.startswith(q):
            first = 1
        else:
            first = 2 if item["id"].lower().startswith(q) else 3
        return first, -(item.get("downloads") or 0)

    return [
        {"id": i["id"], "title": i["title"], "source": SOURCE, "url": i["url"]}
        for i in sorted(found, key=rank)[:limit]
    ]


def _card_dict(info: Any) -> dict[str, Any]:
    card = info.card_data
    if card is None:
        return {}
    return card.to_dict() if hasattr(card, "to_dict") else dict(card)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _patterns(data_files: Any) -> list[str]:
    out: list[str] = []
    for entry in _as_list(data_files):
        if isinstance(entry, str):
            out.append(entry)
        elif isinstance(entry, dict):
            out.extend(p for p in _as_list(entry.get("path")) if isinstance(p, str))
    return out


def is_data_file(path: str) -> bool:
    """Whether a repo file is data (table or archive), not a card, script or hidden file."""
    name = PurePosixPath(path)
    # Hidden files are skipped; '..' is kept so safe_member refuses the listing loudly.
    if any(part.startswith(".") and part != ".." for part in name.parts):
        return False
    return path.lower().endswith(DATA_SUFFIXES)


@dataclass
class ConfigInfo:
    """One config of a dataset as far as the card and the file tree tell."""

    name: str
    default: bool = False
    splits: list[dict[str, Any]] = field(default_factory=list)
    size_bytes: int | None = None
    patterns: list[str] = field(default_factory=list)

    def public(self, files: dict[str, int | None]) -> dict[str, Any]:
        matched = self.files(files)
        examples = [s["num_examples"] for s in self.splits if s.get("num_examples") is not None]
        size = self.size_bytes
        if size is None and matched and all(files[f] is not None for f in matched):
            size = sum(int(files[f] or 0) for f in matched)
        return {
            "name": self.name,
            "default": self.default,
            "total_size_bytes": size,
            "total_examples": sum(examples) if examples else None,
            "splits": self.splits,
            "files": len(matched),
        }

    def files(self, files: dict[str, int | None]) -> list[str]:
        """The repo data files of this config."""
        data = [f for f in files if is_data_file(f)]
        if self.patterns:
            return [f for f in data if any(fnmatch.fnmatch(f, p) for p in self.patterns)]
        by_folder = [f for f in data if self.name in PurePosixPath(f).parts[:-1]]
        if by_folder:
            return by_folder
        by_name = [f for f in data if PurePosixPath(f).name.startswith(f"{self.name}")]
        return by_name


def configs_from_card(card: dict[str, Any]) -> list[ConfigInfo]:
    """Configs from the card's `configs` and `dataset_info` metadata (the Hub's YAML header)."""
    found: dict[str, ConfigInfo] = {}
    for entry in _as_list(card.get("configs")):
        if not isinstance(entry, dict):
            continue
        name = str(entry.get("config_name") or "default")
        found[name] = ConfigInfo(
            name=name,
            default=bool(entry.get("default")),
            patterns=_patterns(entry.get("data_files")),
        )
    for entry in _as_list(card.get("dataset_info")):
        if not isinstance(entry, dict):
            continue
        name = str(entry.get("config_name") or "default")
        cfg = found.setdefault(name, ConfigInfo(name=name))
        cfg.splits = [
            {
                "name": str(s.get("name")),
                "num_examples": s.get("num_examples"),
                "num_bytes": s.get("num_bytes"),
            }
            for s in _as_list(entry.get("splits"))
            if isinstance(s, dict)
        ]
        size = entry.get("dataset_size") or entry.get("download_size")
        cfg.size_bytes = int(size) if isinstance(size, int | float) else None
    return list(found.values())


@dataclass
class RepoSnapshot:
    """A dataset repo at one resolved commit: its files (with sizes), configs and card facts."""

    dataset_id: str
    sha: str
    files: dict[str, int | None]
    blob_ids: dict[str, str | None]
    configs: list[ConfigInfo]
    description: str
    gated: Any

    def default_config(self) -> ConfigInfo:
        for cfg in self.configs:
            if cfg.default:
                return cfg
        for cfg in self.configs:
            if cfg.name == "default":
                return cfg
        return self.configs[0]

    def config(self, name: str | None) -> ConfigInfo:
        """The named config (the default one when None); 404 listing the configs when unknown."""
        if not name:
            return self.default_config()
        for cfg in self.configs:
            if cfg.name == name:
                return cfg
        raise NotFound(
            f"config {name!r} not found in {self.dataset_id}",
            hint="configs are: " + ", ".join(c.name for c in self.configs),
            code="config_not_found",
        )


def snapshot(dataset_id: str, revision: str | None, token: str | None) -> RepoSnapshot:
    """Resolve `revision` (latest when None) to a commit and read the repo's files and configs."""
    dataset_id = check_repo_id(dataset_id)
    check_reachable()
    with hub_errors(f"dataset {dataset_id!r}"):
        info = _api(token).dataset_info(dataset_id, revision=revision, files_metadata=True)
    if not info.sha:
        raise UpstreamError(f"{NAME} did not report a commit for {dataset_id}", hint="retry later")
    files = {s.rfilename: s.size for s in info.siblings or []}
    blobs = {s.rfilename: (s.lfs.sha256 if s.lfs else s.blob_id) for s in info.siblings or []}
    configs = configs_from_card(_card_dict(info))
    if not configs:
        configs = [ConfigInfo(name="default", default=True, patterns=["*"])]
    return RepoSnapshot(
        dataset_id=dataset_id,
        sha=info.sha,
        files=files,
        blob_ids=blobs,
        configs=configs,
        description=_clip(info.description),
        gated=info.gated,
    )


def check_file_access(dataset_id: str, revision: str, filename: str, token: str | None) -> None:
    """Raise unless `token` may fetch `filename` at `revision` (a HEAD request, no download).

    Metadata of a gated dataset is public on the Hub; its files are not. This is the check a
    download would meet, made without downloading.
    """
    from huggingface_hub import get_hf_file_metadata, hf_hub_url

    check_reachable()
    url = hf_hub_url(
        dataset_id, filename, repo_type="dataset", revision=revision, endpoint=endpoint()
    )
    with hub_errors(f"dataset {dataset_id!r}"):
        get_hf_file_metadata(url, token=token or False)


def dataset_configs(dataset_id: str, revision: str | None, token: str | None) -> dict[str, Any]:
    """Configs and splits with sizes and example counts where the Hub knows them."""
    snap = snapshot(dataset_id, revision, token)
    return {
        "dataset_id": snap.dataset_id,
        "revision": snap.sha,
        "configs": [c.public(snap.files) for c in snap.configs],
    }


def safe_member(dest: Path, name: str) -> Path:
    """The local path for repo file `name` under `dest`; refuses absolute paths and '..'."""
    pure = PurePosixPath(name)
    if (
        not name
        or "\x00" in name
        or "\\" in name
        or pure.is_absolute()
        or any(p in ("..", "") for p in pure.parts)
    ):
        raise Forbidden(
            f"remote file name {name!r} is unsafe (absolute or '..')",
            hint="the remote listing tried to write outside the dataset folder; nothing was kept",
            code="unsafe_path",
        )
    target = (dest / name).resolve()
    try:
        target.relative_to(dest.resolve())
    except ValueError:
        raise Forbidden(
            f"remote file name {name!r} leads outside the dataset folder",
            hint="symlinks or traversal in the dataset folder are refused",
            code="unsafe_path",
        ) from None
    return target


class _Progress:
    """A tqdm stand-in huggingface_hub drives while it streams a file; it feeds ctx.progress."""

    on_bytes: Callable[[int], None] = staticmethod(lambda n: None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.n = int(kwargs.get("initial") or 0)
        self.total = kwargs.get("total")

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int | float | None = 1) -> None:
        step = int(n or 0)
        self.n += step
        type(self).on_bytes(step)

    def close(self) -> None:
        return None

    def set_description(self, *args: Any, **kwargs: Any) -> None:
        return None

    def refresh(self, *args: Any, **kwargs: Any) -> None:
        return None


def progress_class(on_bytes: Callable[[int], None]) -> type:
    """A fresh progress class bound to one download's byte callback (no shared state)."""
    return type("ForgeflowProgress", (_Progress,), {"on_bytes": staticmethod(on_bytes)})


def download_files(
    snap: RepoSnapshot,
    files: list[str],
    dest: Path,
    *,
    token: str | None,
    max_bytes: int,
    on_bytes: Callable[[int], None],
    before_file: Callable[[str], None],
) -> list[dict[str, Any]]:
    """Download `files` at the snapshot's commit into `dest` (pinned by sha); returns file facts."""
    from huggingface_hub import hf_hub_download

    written: list[dict[str, Any]] = []
    total = 0
    for name in files:
        target = safe_member(dest, name)
        before_file(name)
        with hub_errors(f"dataset {snap.dataset_id!r}"):
            local = hf_hub_download(
                snap.dataset_id,
                name,
                repo_type="dataset",
                revision=snap.sha,
                local_dir=dest,
                endpoint=endpoint(),
                token=token or None,
                tqdm_class=progress_class(on_bytes),
            )
        path = Path(local).resolve()
        if path != target:
            raise Forbidden(
                f"remote file {name!r} was written to an unexpected place",
                hint="nothing outside the dataset folder is kept",
                code="unsafe_path",
            )
        size = path.stat().st_size
        total += size
        if total > max_bytes:
            raise PayloadTooLarge(
                f"download of {snap.dataset_id} passed the {max_bytes / 1e6:.1f} MB limit",
                hint="raise FORGEFLOW_MAX_DOWNLOAD_MB or pick a smaller config",
            )
        written.append({"path": name, "size": size, "blob_id": snap.blob_ids.get(name)})
    return written


def _eval_rows(model: Any) -> list[dict[str, Any]]:
    card = model.card_data
    results = getattr(card, "eval_results", None) if card is not None else None
    rows = []
    for r in results or []:
        if r.metric_value is None or not isinstance(r.metric_value, int | float):
            continue
        rows.append(
            {
                "task": r.task_type,
                "dataset": r.dataset_type,
                "dataset_name": r.dataset_name,
                "split": r.dataset_split,
                "config": r.dataset_config,
                "metric": (r.metric_type or r.metric_name or "").lower(),
                "metric_name": r.metric_name,
                "value": float(r.metric_value),
            }
        )
    return rows


# Everyday task names mapped onto the Hub's pipeline tags.
TASK_ALIASES = {
    "sentiment": "text-classification",
    "sentiment-analysis": "text-classification",
    "classification": "text-classification",
    "ner": "token-classification",
    "named-entity-recognition": "token-classification",
    "summarisation": "summarization",
    "qa": "question-answering",
}


def pipeline_tag(task: str) -> str:
    """The Hub pipeline tag for a task name ('sentiment analysis' -> 'text-classification')."""
    key = re.sub(r"[\s_]+", "-", task.strip().lower())
    return TASK_ALIASES.get(key, key)


def model_leaderboard(
    task: str, dataset: str | None, metric: str | None, limit: int, token: str | None
) -> dict[str, Any]:
    """Models for a pipeline task ranked by the results in their cards' model-index."""
    task = pipeline_tag(task)
    check_reachable()
    with hub_errors(f"the {task!r} model list"):
        models = list(
            _api(token).list_models(
                pipeline_tag=task, sort="downloads", limit=max(limit * 5, 50), cardData=True
            )
        )
    want = (dataset or "").lower()
    entries = []
    for m in models:
        rows = _eval_rows(m)
        if want:
            rows = [
                r
                for r in rows
                if want in str(r["dataset"] or "").lower()
                or want in str(r["dataset_name"] or "").lower()
            ]
        entries.append((m, rows))
    counts: dict[str, int] = {}
    for _, rows in entries:
        for metric_name in {r["metric"] for r in rows if r["metric"]}:
            counts[metric_name] = counts.get(metric_name, 0) + 1
    chosen = (metric or "").lower() or (max(counts, key=lambda k: counts[k]) if counts else "")
    lower_better = any(word in chosen for word in LOWER_IS_BETTER)
    ranked: list[dict[str, Any]] = []
    unscored: list[dict[str, Any]] = []
    for m, rows in entries:
        scored = [r for r in rows if r["metric"] == chosen]
        best = None
        if scored:
            pick = min if lower_better else max
            best = pick(scored, key=lambda r: r["value"])
        item = {
            "id": m.id,
            "url": f"{endpoint()}/{m.id}",
            "downloads": m.downloads,
            "likes": m.likes,
            "pipeline_tag": m.pipeline_tag,
            "score": best["value"] if best else None,
            "metric": chosen or None,
            "dataset": (best or {}).get("dataset"),
            "split": (best or {}).get("split"),
            "results": rows[:10],
        }
        (ranked if best else unscored).append(item)
    ranked.sort(key=lambda i: i["score"], reverse=not lower_better)
    unscored.sort(key=lambda i: -(i["downloads"] or 0))
    board = ranked + unscored
    for place, item in enumerate(board, start=1):
        item["rank"] = place
    return {
        "task": task,
        "dataset": dataset,
        "metric": chosen or None,
        "higher_is_better": not lower_better,
        "scored": len(ranked),
        "models": board[:limit],
    }
