"""Dataset tools: search, trending, configs, suggestions, download (HF, Kaggle, local) and leaderboards."""

from __future__ import annotations

import csv
import gzip
import re
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from errors import BadInput, Forbidden, ForgeflowError, PayloadTooLarge, UpstreamError
from settings import get_settings
from store import datasets as dataset_store
from store.workspace import relative_to_workspace, resolve_path, safe_extract, workspace_root
from tools import hf_source, kaggle_source
from tools.base import ToolContext, ToolInput, tool
from tools.cache import CACHE
from tools.tabular import SKLEARN_DATASETS, table_format

SearchSource = Literal["all", "huggingface", "kaggle", "local"]
RemoteSource = Literal["all", "huggingface", "kaggle"]
REMOTE_SOURCES = ("huggingface", "kaggle")
SearchSort = Literal["relevance", "downloads", "likes", "updated", "trending"]


# ---------------------------------------------------------------- local source


def _local_catalogue() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for name, description in SKLEARN_DATASETS.items():
        items.append(
            {
                "id": name,
                "title": name.replace("_", " "),
                "source": "local",
                "url": None,
                "size": None,
                "lastUpdated": None,
                "tags": ["sklearn", "bundled"],
                "description": description,
            }
        )
    # The person's files only (forgeflow's outputs are listed apart), by relative ids.
    from tools.local import table_entries

    for entry in table_entries()[0]:
        items.append(
            {
                "id": entry["id"],
                "title": entry["title"],
                "source": "local",
                "url": None,
                "size": entry["size"],
                "lastUpdated": entry["modified"],
                "tags": [entry["format"] or "file"],
                "description": entry["description"],
            }
        )
    return items


def _local_search(query: str, limit: int) -> list[dict[str, Any]]:
    words = [w for w in re.split(r"\W+", query.lower()) if w]
    scored = []
    for item in _local_catalogue():
        text = f"{item['id']} {item['title']} {item['description']}".lower()
        score = sum(1 for w in words if w in text)
        if score or not words:
            scored.append((-score, item["id"], item))
    return [item for *_, item in sorted(scored, key=lambda t: (t[0], t[1]))][:limit]


def _local_suggest(query: str, limit: int) -> list[dict[str, Any]]:
    q = query.lower()
    found = []
    for item in _local_catalogue():
        name = Path(item["id"]).name.lower()
        if name.startswith(q) or item["id"].lower().startswith(q):
            found.append({"id": item["id"], "title": item["title"], "source": "local", "url": None})
    return found[:limit]


# ---------------------------------------------------------------- remote calls with cache


def _cached(
    namespace: str, source: str, ctx: ToolContext, compute: Callable[[], Any], **parts: Any
) -> tuple[Any, bool]:
    creds = ctx.credentials
    who = hf_source.identity(creds.get("hf_token")) if source == "huggingface" else ""
    if source == "kaggle":
        who = kaggle_source.identity(creds)  # raises 401 before any cache lookup when missing
    endpoint = hf_source.endpoint() if source == "huggingface" else get_settings().kaggle_endpoint
    key = CACHE.make_key(f"{namespace}:{source}", who, endpoint=endpoint, **parts)
    return CACHE.get_or_compute(key, compute)


def _listing(
    source: str, query: str | None, limit: int, sort: str | None, ctx: ToolContext
) -> tuple[list[dict[str, Any]], bool]:
    creds = ctx.credentials
    if source == "huggingface":
        return _cached(
            "list",
            source,
            ctx,
            lambda: hf_source.list_datasets(
                query, limit=limit, sort=sort, token=creds.get("hf_token")
            ),
            query=query,
            limit=limit,
            sort=sort,
        )
    if source == "kaggle":
        return _cached(
            "list",
            source,
            ctx,
            lambda: kaggle_source.list_datasets(query, limit=limit, sort=sort, credentials=creds),
            query=query,
            limit=limit,
            sort=sort,
        )
    if source == "local":
        return _local_search(query or "", limit), False
    raise BadInput(f"unknown source {source!r}", hint="use huggingface, kaggle or local")


def _fan_out(
    sources: list[str], call: Callable[[str], tuple[list[dict[str, Any]], bool]]
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, dict[str, Any]], dict[str, bool]]:
    """Call every source in parallel; a single source's failure raises, several are reported."""
    results: dict[str, list[dict[str, Any]]] = {}
    errors: dict[str, dict[str, Any]] = {}
    cached: dict[str, bool] = {}
    if len(sources) == 1:
        results[sources[0]], cached[sources[0]] = call(sources[0])
        return results, errors, cached
    with ThreadPoolExecutor(max_workers=len(sources)) as pool:
        futures = {name: pool.submit(call, name) for name in sources}
        for name, future in futures.items():
            try:
                results[name], cached[name] = future.result()
            except ForgeflowError as exc:
                errors[name] = exc.to_dict()
    if not results:
        raise UpstreamError(
            "no dataset source answered: "
            + "; ".join(f"{k}: {v['message']}" for k, v in errors.items()),
            hint="see details for each source's error and hint",
            details={"errors": errors},
        )
    return results, errors, cached


def _sources(source: str, with_local: bool) -> list[str]:
    if source == "all":
        return [*REMOTE_SOURCES, "local"] if with_local else list(REMOTE_SOURCES)
    return [source]


# ---------------------------------------------------------------- search / trending / suggest


class SearchDatasetsInput(ToolInput):
    """Arguments of search_datasets."""

    query: str = Field(
        min_length=1, max_length=200, description="What to look for, e.g. 'sentiment'."
    )
    source: SearchSource = Field(
        default="all", description="Where to search; 'all' asks every source."
    )
    limit: int = Field(default=5, ge=1, le=50, description="Results per source.")
    sort: SearchSort | None = Field(
        default=None, description="Order: relevance (default), downloads, likes, updated, trending."
    )


@tool(SearchDatasetsInput, tags=("datasets",))
def search_datasets(args: SearchDatasetsInput, ctx: ToolContext) -> dict[str, Any]:
    """Search datasets on Hugging Face, Kaggle and locally; each item has id, title, url, size, stats.

    Items carry id, title, source, url, size, downloads/likes (HF) or downloadCount/voteCount
    (Kaggle), last update, tags and description where the source knows them. With source='all'
    the sources that answered are returned and each failing source is listed under `errors`.
    """
    ctx.progress(f"searching {args.source} for {args.query!r}", 0.1)
    by_source, errors, cached = _fan_out(
        _sources(args.source, with_local=True),
        lambda s: _listing(s, args.query, args.limit, args.sort, ctx),
    )
    flat = [item for items in by_source.values() for item in items]
    ctx.progress(f"found {len(flat)} datasets", 1.0)
    return {
        "query": args.query,
        "source": args.source,
        "count": len(flat),
        "results": flat,
        "by_source": by_source,
        "errors": errors,
        "cached": cached,
    }


class TrendingDatasetsInput(ToolInput):
    """Arguments of trending_datasets."""

    source: RemoteSource = Field(default="all", description="huggingface, kaggle or all.")
    limit: int = Field(default=10, ge=1, le=50, description="Results per source.")
    kaggle_sort: Literal["hottest", "votes", "updated", "active", "published"] = Field(
        default="hottest", description="Kaggle order."
    )
    hf_sort: Literal["downloads", "trending", "modified"] = Field(
        default="trending", description="Hugging Face order."
    )


@tool(TrendingDatasetsInput, tags=("datasets",))
def trending_datasets(args: TrendingDatasetsInput, ctx: ToolContext) -> dict[str, Any]:
    """List the trending (or most downloaded, most voted, latest) datasets on Hugging Face and Kaggle.

    Output: {"huggingface": [...], "kaggle": [...], "results": [both], "errors": {source: error}}
    with the same item shape as search_datasets.
    """

    def call(source: str) -> tuple[list[dict[str, Any]], bool]:
        sort = args.hf_sort if source == "huggingface" else args.kaggle_sort
        return _listing(source, None, args.limit, sort, ctx)

    by_source, errors, cached = _fan_out(_sources(args.source, with_local=False), call)
    ctx.progress("listed trending datasets", 1.0)
    flat = [item for items in by_source.values() for item in items]
    return {
        **by_source,
        "source": args.source,
        "results": flat,
        "errors": errors,
        "cached": cached,
    }


class SuggestDatasetsInput(ToolInput):
    """Arguments of suggest_datasets."""

    query: str = Field(min_length=1, max_length=100, description="The partial name typed so far.")
    source: SearchSource = Field(default="all", description="Where to look.")
    limit: int = Field(default=8, ge=1, le=20, description="Suggestions per source.")


@tool(SuggestDatasetsInput, tags=("datasets",))
def suggest_datasets(args: SuggestDatasetsInput, ctx: ToolContext) -> dict[str, Any]:
    """Autocomplete a partial dataset name: ids whose name starts with it first, then close matches."""
    creds = ctx.credentials

    def call(source: str) -> tuple[list[dict[str, Any]], bool]:
        if source == "local":
            return _local_suggest(args.query, args.limit), False
        if source == "huggingface":
            compute = lambda: hf_source.suggest(  # noqa: E731
                args.query, limit=args.limit, token=creds.get("hf_token")
            )
        else:
            compute = lambda: kaggle_source.suggest(  # noqa: E731
                args.query, limit=args.limit, credentials=creds
            )
        return _cached("suggest", source, ctx, compute, query=args.query, limit=args.limit)

    by_source, errors, cached = _fan_out(_sources(args.source, with_local=True), call)
    suggestions = [s for items in by_source.values() for s in items]
    return {"query": args.query, "suggestions": suggestions, "errors": errors, "cached": cached}


# ---------------------------------------------------------------- configs


class DatasetConfigsInput(ToolInput):
    """Arguments of dataset_configs."""

    dataset_id: str = Field(description="A Hugging Face dataset id, e.g. 'nyu-mll/glue'.")
    revision: str | None = Field(
        default=None, description="Branch, tag or commit (latest if unset)."
    )


@tool(DatasetConfigsInput, tags=("datasets", "huggingface"))
def dataset_configs(args: DatasetConfigsInput, ctx: ToolContext) -> dict[str, Any]:
    """List a Hugging Face dataset's configs and splits, with sizes and example counts the Hub knows.

    Read from the dataset card's metadata (`configs`, `dataset_info`) and its file listing.
    """
    token = ctx.credentials.get("hf_token")
    result, cached = _cached(
        "configs",
        "huggingface",
        ctx,
        lambda: hf_source.dataset_configs(args.dataset_id, args.revision, token),
        dataset_id=args.dataset_id,
        revision=args.revision,
    )
    ctx.progress(f"{len(result['configs'])} configs", 1.0)
    return {**result, "cached": cached}


# ---------------------------------------------------------------- download


class DownloadDatasetInput(ToolInput):
    """Arguments of download_dataset."""

    source: Literal["huggingface", "kaggle", "local"] = Field(
        description="Where the dataset lives ('local' only confirms a local set loads)."
    )
    dataset_id: str = Field(description="'owner/name' (HF, or a canonical name) or 'owner/slug'.")
    config: str | None = Field(default=None, description="HF config (the default one if unset).")
    revision: str | None = Field(
        default=None, description="HF branch/tag/commit sha, or a Kaggle version number."
    )
    path: str | None = Field(
        default=None, description="Folder in the workspace (default datasets/<source>/<id>/<rev>)."
    )
    force: bool = Field(default=False, description="Download again even if a record exists.")


def _max_bytes() -> int:
    return int(get_settings().max_download_mb * 1024 * 1024)


def _too_big(size: int, what: str) -> PayloadTooLarge:
    limit = get_settings().max_download_mb
    return PayloadTooLarge(
        f"{what} is {size / 1048576:.1f} MB, over the {limit:g} MB download limit",
        hint="raise FORGEFLOW_MAX_DOWNLOAD_MB or pick a smaller dataset/config; nothing was written",
        details={"size_bytes": size, "limit_mb": limit},
    )


def _kaggle_version(revision: str | None) -> int | None:
    if revision in (None, "", "latest"):
        return None
    if not str(revision).isdigit():
        raise BadInput(
            f"Kaggle revision {revision!r} is not a version number",
            hint="give a Kaggle dataset version as a number, e.g. '3', or omit it for the latest",
        )
    return int(str(revision))


def estimate_download_size(
    args: dict[str, Any], credentials: dict[str, str] | None = None
) -> int | None:
    """Bytes a download_dataset call with `args` would fetch; None when the source cannot tell.

    The orchestrator calls this to ask a person before a big download; nothing is downloaded.
    A lookup error gives None: the download itself then reports that error with its hint.
    """
    source = str(args.get("source") or "")
    if source not in REMOTE_SOURCES or (not args.get("force") and _reusable(args)):
        return None
    try:
        plan = download_plan(
            source,
            str(args.get("dataset_id") or ""),
            args.get("config"),
            args.get("revision"),
            credentials,
        )
    except ForgeflowError:
        return None
    return plan["size_bytes"]


def _reusable(args: dict[str, Any]) -> bool:
    """Whether this download would reuse an earlier record (so nothing would be fetched)."""
    try:
        return (
            dataset_store.find_reusable(
                str(args.get("source")),
                str(args.get("dataset_id") or ""),
                str(args.get("config") or ""),
                str(args.get("revision") or ""),
            )
            is not None
        )
    except ForgeflowError:
        return False


def download_plan(
    source: str,
    dataset_id: str,
    config: str | None = None,
    revision: str | None = None,
    credentials: dict[str, str] | None = None,
) -> dict[str, Any]:
    """What a download would fetch: resolved revision, config, file count and bytes (or None)."""
    creds = credentials or {}
    if source == "huggingface":
        snap = hf_source.snapshot(dataset_id, revision, creds.get("hf_token"))
        cfg = snap.config(config)
        files = cfg.files(snap.files)
        sizes = [snap.files.get(f) for f in files]
        known = all(s is not None for s in sizes)
        return {
            "source": source,
            "dataset_id": snap.dataset_id,
            "config": cfg.name,
            "revision": snap.sha,
            "files": len(files),
            "size_bytes": sum(int(s or 0) for s in sizes) if known else None,
        }
    if source == "kaggle":
        _kaggle_version(revision)
        meta = kaggle_source.dataset_meta(dataset_id, creds)
        return {
            "source": source,
            "dataset_id": meta["id"],
            "config": None,
            "revision": str(revision or meta["version"] or ""),
            "files": None,
            "size_bytes": meta["total_bytes"],
        }
    raise BadInput(f"cannot download from {source!r}", hint="use huggingface or kaggle")


@dataclass
class _Claim:
    """The folder a download owns: new or empty when claimed, so all it holds is the download's."""

    folder: Path
    created: list[Path]
    """Folders this download made (the folder and missing parents), deepest first."""

    def ownership(self) -> dict[str, Any]:
        """What the record keeps so that deleting it removes exactly what was written."""
        written = sorted(
            p.relative_to(self.folder).as_posix()
            for p in self.folder.rglob("*")
            if p.is_file() or p.is_symlink()
        )
        return {"created": [relative_to_workspace(p) for p in self.created], "written": written}

    def release(self) -> None:
        """Undo a failed download: its files, then the folders it made."""
        for child in list(self.folder.iterdir()) if self.folder.is_dir() else []:
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
        for folder in self.created:
            try:
                folder.rmdir()
            except OSError:  # not empty: another download lives there
                break


def _explicit_folder(raw: str) -> Path:
    try:
        folder = resolve_path(raw, for_write=True)
    except Forbidden as exc:
        raise BadInput(exc.message, hint=exc.hint, code=exc.code) from None
    if folder == workspace_root() or (
        folder.exists() and (not folder.is_dir() or any(folder.iterdir()))
    ):
        raise BadInput(
            f"download folder {raw!r} is not empty",
            hint="name a new or empty folder: a download owns its folder, and deleting the "
            "record removes what it wrote",
            code="folder_not_empty",
        )
    return folder


def _claim_folder(args: DownloadDatasetInput, revision: str, config: str | None) -> _Claim:
    """A new (or, for an explicit path, empty) folder for this download; never a shared one."""
    if args.path:
        base = _explicit_folder(args.path)
        candidates = [base]
    else:
        parts = ["datasets", args.source, *args.dataset_id.split("/"), revision or "latest"]
        if config:
            parts.append(config)
        base = resolve_path("/".join(parts), for_write=True)
        # A forced re-download of the same revision gets a fresh sibling, not the old files.
        candidates = [base, *(base.with_name(f"{base.name}-{n}") for n in range(2, 1000))]
    for folder in candidates:
        created = []
        parent = folder
        while not parent.exists():
            created.append(parent)
            parent = parent.parent
        if folder.is_dir() and not any(folder.iterdir()):
            return _Claim(folder, created)
        try:
            folder.mkdir(parents=True, exist_ok=False)
        except FileExistsError:  # taken (perhaps just now by a concurrent download)
            continue
        except NotADirectoryError:
            raise BadInput(
                f"download folder {relative_to_workspace(folder)!r} is under a file",
                hint="choose another path",
                code="folder_not_empty",
            ) from None
        return _Claim(folder, created)
    raise BadInput("no free download folder", hint="delete old downloads of this dataset")


def count_rows(path: Path) -> int | None:
    """Rows in a table file (parquet metadata, or a streamed count for text formats)."""
    fmt = table_format(path)
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        if fmt in ("csv", "tsv"):
            with opener(path, "rt", encoding="utf-8", errors="replace", newline="") as fh:
                reader = csv.reader(fh, delimiter="\t" if fmt == "tsv" else ",")
                return max(sum(1 for _ in reader) - 1, 0)
        if fmt == "jsonl":
            with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
                return sum(1 for line in fh if line.strip())
        if fmt == "json":
            import pandas as pd

            return int(len(pd.read_json(path)))
    except (OSError, ValueError, csv.Error, UnicodeDecodeError):
        return None
    return None


def _is_archive(name: str) -> bool:
    return name.lower().endswith(hf_source.ARCHIVE_SUFFIXES)


def _finish_files(folder: Path, entries: list[dict[str, Any]], budget: int) -> list[dict[str, Any]]:
    """Extract archives safely (no traversal, within the size budget) and count table rows."""
    out: list[dict[str, Any]] = []
    for entry in entries:
        path = folder / entry["path"]
        if _is_archive(entry["path"]):
            target = path.parent / re.sub(r"(\.tar\.gz|\.tgz|\.tar|\.zip)$", "", path.name)
            extracted = safe_extract(path, target, max_bytes=budget)
            out.append({**entry, "kind": "archive"})
            for member in extracted:
                rel = member.relative_to(folder).as_posix()
                item = {"path": rel, "size": member.stat().st_size, "from_archive": entry["path"]}
                if table_format(member):
                    item["rows"] = count_rows(member)
                out.append(item)
            continue
        item = dict(entry)
        if table_format(path):
            item["rows"] = count_rows(path)
        out.append(item)
    return out


def _total_rows(files: list[dict[str, Any]]) -> int | None:
    counts = [f["rows"] for f in files if f.get("rows") is not None]
    return sum(counts) if counts else None


def _reply(record: dict[str, Any], reused: bool, note: str = "") -> dict[str, Any]:
    verb = "reused the earlier download of" if reused else "downloaded"
    at = f" at revision {record['revision']}" if record.get("revision") else ""
    return {
        "status": "success",
        "message": f"{verb} {record['source']} dataset {record['dataset_id']}{at}{note}",
        "path": record["path"],
        "dataset": record,
        "reused": reused,
        "artifacts": [{"name": record["dataset_id"], "path": record["path"], "kind": "dataset"}],
    }


def _caller(source: str, ctx: ToolContext) -> str:
    """The hashed identity of the credentials this call uses at the source (never the secret)."""
    if source == "huggingface":
        return hf_source.identity(ctx.credentials.get("hf_token"))
    return kaggle_source.identity(ctx.credentials)


def _reuse(record: dict[str, Any], ctx: ToolContext) -> dict[str, Any]:
    """Hand back an earlier download only to a caller the source lets see it.

    A copy made with the same credentials is reused as is. Otherwise the caller's own
    credentials must pass the source's access check (a metadata call, no download): a refusal
    is raised to the caller. If the source cannot be reached the copy is reused and the reply
    says that it was downloaded with other credentials and access could not be checked.
    """
    source, dataset_id = record["source"], record["dataset_id"]
    owner = (record.get("meta") or {}).get("downloaded_by")
    if owner is not None and owner == _caller(source, ctx):
        return _reply(record, True)
    try:
        if source == "huggingface":
            files = [f["path"] for f in record.get("files") or [] if not f.get("from_archive")]
            token = ctx.credentials.get("hf_token")
            if files:
                hf_source.check_file_access(
                    dataset_id, record.get("revision") or "main", files[0], token
                )
            else:
                hf_source.snapshot(dataset_id, record.get("revision"), token)
        else:
            kaggle_source.dataset_meta(dataset_id, ctx.credentials)
    except UpstreamError as exc:
        if exc.code != "source_unreachable":
            raise
        return _reply(
            record,
            True,
            " (a copy downloaded with other credentials; the source could not be reached to "
            "check that yours may read it)",
        )
    return _reply(record, True, " (a copy downloaded with other credentials; yours may read it)")


def _local_reply(dataset_id: str) -> dict[str, Any]:
    """A local dataset needs no download: confirm it loads and describe it like a record."""
    from tools.tabular import load_table

    frame, origin = load_table(dataset_id, nrows=1)
    record = {
        "id": origin["id"],
        "source": "local",
        "dataset_id": origin["id"],
        "config": None,
        "revision": None,
        "path": origin.get("path"),
        "columns": [str(c) for c in frame.columns],
    }
    return {
        "status": "success",
        "message": f"{origin['id']} is already local; nothing to download",
        "path": origin.get("path"),
        "dataset": record,
        "reused": True,
        "artifacts": [],
    }


def _download_hf(args: DownloadDatasetInput, ctx: ToolContext) -> dict[str, Any]:
    token = ctx.credentials.get("hf_token")
    ctx.progress(f"resolving {args.dataset_id}", 0.02, force=True)
    snap = hf_source.snapshot(args.dataset_id, args.revision, token)
    cfg = snap.config(args.config)
    if not args.force:  # the same config at the same commit, asked for by another name
        earlier = dataset_store.find_reusable(
            "huggingface", snap.dataset_id, cfg.name, args.revision or ""
        )
        if earlier is not None and earlier["revision"] == snap.sha:
            return _reply(earlier, True)  # the snapshot above was read with this caller's token
    files = cfg.files(snap.files)
    if not files:
        raise BadInput(
            f"config {cfg.name!r} of {snap.dataset_id} has no data files this tool can read",
            hint="data files are parquet, csv, tsv, jsonl, json or zip/tar archives of them",
        )
    sizes = [snap.files.get(f) for f in files]
    expected = sum(int(s or 0) for s in sizes) if all(s is not None for s in sizes) else None
    limit = _max_bytes()
    if expected is not None and expected > limit:
        raise _too_big(expected, f"{snap.dataset_id} ({cfg.name})")
    for name in files:  # refuse a hostile listing before anything is written
        hf_source.safe_member(Path("/nonexistent-root"), name)
    claim = _claim_folder(args, snap.sha, cfg.name)
    folder = claim.folder
    done = {"bytes": 0, "file": ""}

    def on_bytes(n: int) -> None:
        ctx.check_cancelled()
        done["bytes"] += n
        fraction = 0.05 + 0.85 * done["bytes"] / expected if expected else None
        ctx.progress(
            f"downloading {done['file']}", fraction, bytes=done["bytes"], total_bytes=expected
        )

    def before_file(name: str) -> None:
        ctx.check_cancelled()
        done["file"] = name
        ctx.progress(f"downloading {name}", None, force=True, file=name)

    ctx.progress(
        f"downloading {len(files)} files of {snap.dataset_id} at {snap.sha[:12]}",
        0.05,
        force=True,
        total_bytes=expected,
    )
    try:
        entries = hf_source.download_files(
            snap,
            files,
            folder,
            token=token,
            max_bytes=limit,
            on_bytes=on_bytes,
            before_file=before_file,
        )
        got = sum(e["size"] for e in entries)
        final = _finish_files(folder, entries, max(limit - got, 0))
    except BaseException:
        claim.release()
        raise
    ctx.progress("recording", 0.95, force=True)
    record = dataset_store.save_record(
        source="huggingface",
        dataset_id=snap.dataset_id,
        config=cfg.name,
        revision=snap.sha,
        requested_revision=args.revision or "",
        path=relative_to_workspace(folder),
        files=final,
        size_bytes=sum(int(f.get("size") or 0) for f in final if not f.get("from_archive")),
        rows=_total_rows(final),
        meta={
            "requested_config": args.config or "",
            "url": f"{hf_source.endpoint()}/datasets/{snap.dataset_id}",
            "splits": cfg.splits,
            "description": snap.description,
            "owned": claim.ownership(),
            "downloaded_by": _caller("huggingface", ctx),
        },
    )
    ctx.progress(f"downloaded {snap.dataset_id}", 1.0)
    return _reply(record, False)


def _download_kaggle(args: DownloadDatasetInput, ctx: ToolContext) -> dict[str, Any]:
    if args.config:
        raise BadInput(
            "Kaggle datasets have no configs", hint="omit config for Kaggle; revision is a version"
        )
    ref = kaggle_source.check_ref(args.dataset_id)
    version = _kaggle_version(args.revision)
    ctx.progress(f"resolving {ref}", 0.02, force=True)
    meta = kaggle_source.dataset_meta(ref, ctx.credentials)
    resolved = version or meta["version"]
    limit = _max_bytes()
    expected = meta["total_bytes"]
    if expected and expected > limit:
        raise _too_big(int(expected), ref)
    claim = _claim_folder(args, str(resolved or "latest"), None)
    folder = claim.folder
    ctx.progress(f"downloading {ref}", 0.1, force=True, total_bytes=expected)
    try:
        staging = folder / ".download"
        archive = kaggle_source.download_archive(ref, version, staging, ctx.credentials)
        ctx.check_cancelled()
        size = archive.stat().st_size
        if size > limit:
            raise _too_big(size, ref)
        ctx.progress(f"extracting {archive.name}", 0.8, force=True)
        extracted = safe_extract(archive, folder, max_bytes=limit)
        shutil.rmtree(staging, ignore_errors=True)
        files = []
        for member in extracted:
            item: dict[str, Any] = {
                "path": member.relative_to(folder).as_posix(),
                "size": member.stat().st_size,
            }
            if table_format(member):
                item["rows"] = count_rows(member)
            files.append(item)
    except BaseException:
        claim.release()
        raise
    record = dataset_store.save_record(
        source="kaggle",
        dataset_id=ref,
        config="",
        revision=str(resolved or ""),
        requested_revision=args.revision or "",
        path=relative_to_workspace(folder),
        files=files,
        size_bytes=sum(f["size"] for f in files),
        rows=_total_rows(files),
        meta={
            "requested_config": "",
            "url": meta["item"]["url"],
            "title": meta["item"]["title"],
            "archive_bytes": size,
            "owned": claim.ownership(),
            "downloaded_by": _caller("kaggle", ctx),
        },
    )
    ctx.progress(f"downloaded {ref}", 1.0)
    return _reply(record, False)


@tool(DownloadDatasetInput, tags=("datasets", "download"))
def download_dataset(args: DownloadDatasetInput, ctx: ToolContext) -> dict[str, Any]:
    """Download a dataset into the workspace, pinned and recorded with its revision, files and rows.

    The revision (HF commit sha / Kaggle version) is resolved and recorded; the same (source, id,
    config, revision) again reuses the record. Stops before writing anything when the size is over
    FORGEFLOW_MAX_DOWNLOAD_MB. Archives are extracted with traversal protection. Afterwards
    inspect_dataset works on the returned record id.
    """
    if args.source == "local":
        return _local_reply(args.dataset_id)
    if args.path:
        _explicit_folder(args.path)  # refuse an outside or non-empty folder before any request
    if args.source == "huggingface":
        dataset_id = hf_source.check_repo_id(args.dataset_id)
        if args.config and not re.match(r"^[\w.-]{1,100}$", args.config):
            raise BadInput(
                f"config {args.config!r} is not a valid name", hint="see dataset_configs"
            )
    else:
        dataset_id = kaggle_source.check_ref(args.dataset_id)
    if not args.force:
        existing = dataset_store.find_reusable(
            args.source, dataset_id, args.config or "", args.revision or ""
        )
        if existing is not None:
            reply = _reuse(existing, ctx)
            ctx.progress(f"reusing {existing['path']}", 1.0)
            return reply
    if args.source == "huggingface":
        return _download_hf(args, ctx)
    return _download_kaggle(args, ctx)


# ---------------------------------------------------------------- model leaderboard


class ModelLeaderboardInput(ToolInput):
    """Arguments of model_leaderboard."""

    task: str = Field(
        min_length=2, max_length=80, description="A Hub pipeline tag, e.g. 'text-classification'."
    )
    dataset: str | None = Field(
        default=None, description="Only results on this dataset (substring)."
    )
    metric: str | None = Field(
        default=None, description="Rank by this metric (most common if unset)."
    )
    limit: int = Field(default=10, ge=1, le=50, description="How many models to return.")


@tool(ModelLeaderboardInput, tags=("models", "huggingface"))
def model_leaderboard(args: ModelLeaderboardInput, ctx: ToolContext) -> dict[str, Any]:
    """Rank Hub models for a task by the evaluation results in their model cards (model-index).

    Each model has its score on the ranking metric, the dataset it was measured on, downloads
    and likes; models without a matching result follow, by downloads.
    """
    token = ctx.credentials.get("hf_token")
    result, cached = _cached(
        "leaderboard",
        "huggingface",
        ctx,
        lambda: hf_source.model_leaderboard(
            args.task, args.dataset, args.metric, args.limit, token
        ),
        task=args.task,
        dataset=args.dataset,
        metric=args.metric,
        limit=args.limit,
    )
    ctx.progress(f"ranked {len(result['models'])} models", 1.0)
    return {**result, "cached": cached}


def configs_for_items(
    items: list[dict[str, Any]], detail: str, ctx: ToolContext
) -> list[dict[str, Any]]:
    """Attach configs to HF search items ('basic': names, 'full': splits and sizes)."""
    out = []
    for item in items:
        try:
            found = dataset_configs.func(DatasetConfigsInput(dataset_id=item["id"]), ctx)
        except ForgeflowError as exc:
            out.append({**item, "configs": [], "configs_error": exc.message})
            continue
        configs = found["configs"]
        if detail == "basic":
            configs = [c["name"] for c in configs]
        out.append({**item, "configs": configs})
    return out
