"""Downloaded dataset records: find, save, list and delete them (files live in the workspace)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from errors import ForgeflowError, NotFound
from store.db import iso, session
from store.models import DatasetRow
from store.runs import new_id
from store.workspace import resolve_path

TABLE_HINT = (".parquet", ".csv", ".jsonl", ".tsv", ".json", ".csv.gz")


def record_public(row: DatasetRow) -> dict[str, Any]:
    """The public shape of a dataset record."""
    return {
        "id": row.id,
        "source": row.source,
        "dataset_id": row.dataset_id,
        "config": row.config or None,
        "revision": row.revision or None,
        "requested_revision": row.requested_revision or None,
        "path": row.path,
        "files": row.files,
        "size_bytes": row.size_bytes,
        "rows": row.rows,
        "created_at": iso(row.created_at),
        "meta": row.meta,
    }


def save_record(**fields: Any) -> dict[str, Any]:
    """Insert a record and return it."""
    row = DatasetRow(id=new_id("ds"), **fields)
    with session() as s:
        s.add(row)
    return record_public(row)


def find_existing(source: str, dataset_id: str, config: str, revision: str) -> dict | None:
    """A record for the same (source, id, config, requested revision), if its files still exist."""
    query = select(DatasetRow).where(
        DatasetRow.source == source,
        DatasetRow.dataset_id == dataset_id,
        DatasetRow.config == config,
        DatasetRow.requested_revision == revision,
    )
    with session() as s:
        for row in s.scalars(query):
            if row.path and resolve_path(row.path).exists():
                return record_public(row)
    return None


def find_reusable(
    source: str, dataset_id: str, config: str, requested_revision: str
) -> dict[str, Any] | None:
    """A record made by the same request (config and revision as asked) whose files still exist.

    `config` matches the stored config or, for requests that named none, the config the
    record was made for when none was asked (kept in meta.requested_config).
    """
    query = (
        select(DatasetRow)
        .where(
            DatasetRow.source == source,
            DatasetRow.dataset_id == dataset_id,
            DatasetRow.requested_revision == requested_revision,
        )
        .order_by(DatasetRow.created_at.desc())
    )
    with session() as s:
        for row in s.scalars(query):
            asked = (row.meta or {}).get("requested_config", row.config or "")
            if config not in (asked, row.config or "") or (not config and asked):
                continue
            if row.path and resolve_path(row.path).exists():
                return record_public(row)
    return None


def find_record(ref: str) -> dict[str, Any] | None:
    """A record by its record id or its source dataset id (newest first)."""
    with session() as s:
        row = s.get(DatasetRow, ref)
        if row is None:
            row = s.scalars(
                select(DatasetRow)
                .where(DatasetRow.dataset_id == ref)
                .order_by(DatasetRow.created_at.desc())
            ).first()
        return record_public(row) if row else None


def get_record(record_id: str) -> dict[str, Any]:
    """A record by id; 404 when unknown."""
    found = find_record(record_id)
    if found is None:
        raise NotFound(
            f"dataset {record_id!r} not found", hint="list downloaded datasets with GET /datasets"
        )
    return found


def list_records(limit: int = 200) -> list[dict[str, Any]]:
    """Every downloaded dataset, newest first."""
    with session() as s:
        rows = s.scalars(select(DatasetRow).order_by(DatasetRow.created_at.desc()).limit(limit))
        return [record_public(r) for r in rows]


def delete_record(record_id: str) -> dict[str, Any]:
    """Delete a record and the files its download wrote; never a folder it did not create.

    Records keep `meta.owned` ({"created": folders, "written": files}); files are removed one by
    one (only regular files and links inside the record's folder), then the folders the
    download created, each only once empty. Records from before `owned` lose their listed files.
    """
    with session() as s:
        row = s.get(DatasetRow, record_id)
        if row is None:
            raise NotFound(
                f"dataset {record_id!r} not found",
                hint="list downloaded datasets with GET /datasets",
            )
        public = record_public(row)
        if row.path:
            _remove_written(row.path, row.files or [], (row.meta or {}).get("owned"))
        s.delete(row)
    return public


def _remove_written(path: str, files: list[dict[str, Any]], owned: dict[str, Any] | None) -> None:
    folder = resolve_path(path, for_write=True)
    if not folder.is_dir():
        return
    names = (owned or {}).get("written") or [str(f.get("path", "")) for f in files]
    parents: set[Path] = set()
    for name in names:
        target = folder / name
        try:
            target.parent.resolve().relative_to(folder)
        except (ValueError, OSError):
            continue  # a recorded name leading out of the folder is never followed
        if target.is_symlink() or target.is_file():
            target.unlink(missing_ok=True)
            parents.update(p for p in target.parents if folder in p.parents)
    for sub in sorted(parents, key=lambda p: -len(p.parts)):
        try:
            sub.rmdir()  # only when empty: files someone added later stay
        except OSError:
            pass
    for rel in (owned or {}).get("created", []):
        try:
            resolve_path(rel, for_write=True).rmdir()
        except (OSError, ForgeflowError):
            break


def main_table(record: dict[str, Any]) -> Path | None:
    """The record's main table file (the first file with a table suffix, largest first)."""
    files = sorted(record.get("files") or [], key=lambda f: -int(f.get("size", 0) or 0))
    for suffix in TABLE_HINT:
        for f in files:
            if str(f.get("path", "")).lower().endswith(suffix):
                path = resolve_path(Path(record["path"]) / f["path"])
                if path.is_file():
                    return path
    return None
