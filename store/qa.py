"""QA dataset tables and repository: projects, documents, chunks, versioned datasets."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from errors import BadInput, NotFound
from store.db import Base, session, utcnow


def _id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:20]}"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


class QAProject(Base):
    """A project: a named set of documents that QA datasets are built from."""

    __tablename__ = "qa_projects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class QADocument(Base):
    """One parsed document of a project (its text is kept so chunk offsets stay meaningful)."""

    __tablename__ = "qa_documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("qa_projects.id"), index=True)
    filename: Mapped[str] = mapped_column(String(500))
    source_path: Mapped[str] = mapped_column(Text, default="")
    format: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    chars: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class QAChunk(Base):
    """A chunk of a document: `text == document.text[start:end]`."""

    __tablename__ = "qa_chunks"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    project_id: Mapped[int] = mapped_column(Integer, index=True)
    document_id: Mapped[str] = mapped_column(String(64), index=True)
    chunk_set: Mapped[str] = mapped_column(String(64), index=True)
    position: Mapped[int] = mapped_column(Integer)
    strategy: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    heading: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class QAParameters(Base):
    """High-level generation parameters saved for a project (latest wins)."""

    __tablename__ = "qa_parameters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project_id: Mapped[int] = mapped_column(Integer, index=True)
    values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class QADataset(Base):
    """A QA dataset; its entries live in immutable versions."""

    __tablename__ = "qa_datasets"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    project_id: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(String(200))
    format_type: Mapped[str] = mapped_column(String(16), default="jsonl")
    latest_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class QAVersion(Base):
    """One immutable version of a dataset: why it was made and a summary of its entries."""

    __tablename__ = "qa_versions"
    __table_args__ = (UniqueConstraint("dataset_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset_id: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class QAEntry(Base):
    """One entry of one dataset version (a version copies its entries; rows never change)."""

    __tablename__ = "qa_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset_id: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[int] = mapped_column(Integer, index=True)
    position: Mapped[int] = mapped_column(Integer)
    entry_id: Mapped[str] = mapped_column(String(64))
    quality_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class QAFeedback(Base):
    """Feedback a client gave on entries (also copied onto the entries of the new version)."""

    __tablename__ = "qa_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset_id: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[int] = mapped_column(Integer)
    entry_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    feedback_type: Mapped[str] = mapped_column(String(64), default="bulk_edit")
    comments: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# --------------------------------------------------------------------------- projects


def _project_public(row: QAProject, documents: int = 0, chunks: int = 0) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "description": row.description,
        "created_at": _iso(row.created_at),
        "document_count": documents,
        "chunk_count": chunks,
        "taxonomies": (row.meta or {}).get("taxonomies", {}),
        "current_chunk_set": (row.meta or {}).get("current_chunk_set"),
    }


def _project_hint() -> str:
    return "create a project with POST /api/v1/projects; list them with GET /api/v1/projects"


def create_project(
    name: str, description: str = "", taxonomies: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Create a project and return its public shape."""
    if not name.strip():
        raise BadInput("project name is empty", hint="give the project a name")
    row = QAProject(
        name=name.strip()[:200], description=description, meta={"taxonomies": taxonomies or {}}
    )
    with session() as s:
        s.add(row)
        s.flush()
    return _project_public(row)


def _counts(s: Any, row: QAProject) -> tuple[int, int]:
    docs = s.scalar(select(func.count()).where(QADocument.project_id == row.id)) or 0
    current = (row.meta or {}).get("current_chunk_set")
    chunks = 0
    if current:
        chunks = s.scalar(select(func.count()).where(QAChunk.chunk_set == current)) or 0
    return docs, chunks


def get_project(project_id: int) -> dict[str, Any]:
    """A project by id; 404 with a hint when unknown."""
    with session() as s:
        row = s.get(QAProject, project_id)
        if row is None:
            raise NotFound(f"project {project_id} not found", hint=_project_hint())
        return _project_public(row, *_counts(s, row))


def list_projects() -> list[dict[str, Any]]:
    """Every project, newest first."""
    with session() as s:
        rows = list(s.scalars(select(QAProject).order_by(QAProject.id.desc())))
        return [_project_public(r, *_counts(s, r)) for r in rows]


def set_taxonomy(project_id: int, name: str, categories: Any) -> dict[str, Any]:
    """Save (or replace) a named taxonomy on a project."""
    with session() as s:
        row = s.get(QAProject, project_id)
        if row is None:
            raise NotFound(f"project {project_id} not found", hint=_project_hint())
        meta = dict(row.meta or {})
        taxonomies = dict(meta.get("taxonomies", {}))
        taxonomies[name] = categories
        meta["taxonomies"] = taxonomies
        row.meta = meta
    return get_project(project_id)


def get_taxonomy(project_id: int, name: str) -> Any:
    """A named taxonomy of a project; 404 listing the known names when missing."""
    project = get_project(project_id)
    found = project["taxonomies"].get(name)
    if found is None:
        known = ", ".join(sorted(project["taxonomies"])) or "none"
        raise NotFound(
            f"taxonomy {name!r} not found in project {project_id}",
            hint=f"known taxonomies: {known}; add one with PUT "
            f"/api/v1/projects/{project_id}/taxonomies/{{name}}",
        )
    return found


# --------------------------------------------------------------------------- documents


def _document_public(row: QADocument, *, with_text: bool = False) -> dict[str, Any]:
    out = {
        "id": row.id,
        "project_id": row.project_id,
        "filename": row.filename,
        "source_path": row.source_path,
        "format": row.format,
        "chars": row.chars,
        "status": "parsed",
        "created_at": _iso(row.created_at),
        "metadata": row.meta or {},
    }
    if with_text:
        out["text"] = row.text
    return out


def add_document(
    project_id: int,
    *,
    filename: str,
    text: str,
    fmt: str,
    source_path: str = "",
    meta: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Store a parsed document in a project."""
    get_project(project_id)
    row = QADocument(
        id=_id("doc"),
        project_id=project_id,
        filename=filename[:500],
        source_path=source_path,
        format=fmt,
        text=text,
        chars=len(text),
        meta=meta or {},
    )
    with session() as s:
        s.add(row)
    return _document_public(row)


def list_documents(project_id: int, *, with_text: bool = False) -> list[dict[str, Any]]:
    """A project's documents in upload order."""
    get_project(project_id)
    with session() as s:
        rows = s.scalars(
            select(QADocument)
            .where(QADocument.project_id == project_id)
            .order_by(QADocument.created_at, QADocument.id)
        )
        return [_document_public(r, with_text=with_text) for r in rows]


# --------------------------------------------------------------------------- chunks


def chunk_public(row: QAChunk) -> dict[str, Any]:
    """The public shape of a chunk."""
    return {
        "id": row.id,
        "chunk_set_id": row.chunk_set,
        "project_id": row.project_id,
        "document_id": row.document_id,
        "position": row.position,
        "strategy": row.strategy,
        "start": row.start,
        "end": row.end,
        "chars": len(row.text),
        "heading": row.heading,
        "text": row.text,
    }


def add_chunk_set(
    project_id: int, chunks: list[dict[str, Any]], config: dict[str, Any]
) -> dict[str, Any]:
    """Store a new chunk set for the project (earlier sets stay: entries keep pointing at them)."""
    set_id = _id("cs")
    rows = [
        QAChunk(
            id=_id("chk"),
            project_id=project_id,
            document_id=c["document_id"],
            chunk_set=set_id,
            position=i,
            strategy=c["strategy"],
            start=c["start"],
            end=c["end"],
            text=c["text"],
            heading=(c.get("heading") or "")[:500],
        )
        for i, c in enumerate(chunks)
    ]
    with session() as s:
        project = s.get(QAProject, project_id)
        if project is None:
            raise NotFound(f"project {project_id} not found", hint=_project_hint())
        s.add_all(rows)
        meta = dict(project.meta or {})
        meta["current_chunk_set"] = set_id
        meta.setdefault("chunk_sets", {})
        meta["chunk_sets"] = {**meta["chunk_sets"], set_id: {**config, "chunks": len(rows)}}
        project.meta = meta
    return {"chunk_set_id": set_id, "chunks": [chunk_public(r) for r in rows]}


def current_chunk_set(project_id: int) -> str | None:
    """The id of the project's latest chunk set, or None before any chunking."""
    with session() as s:
        project = s.get(QAProject, project_id)
        if project is None:
            raise NotFound(f"project {project_id} not found", hint=_project_hint())
        return (project.meta or {}).get("current_chunk_set")


def list_chunks(chunk_set_id: str) -> list[dict[str, Any]]:
    """The chunks of a chunk set, in order; 404 when the set is unknown."""
    with session() as s:
        rows = list(
            s.scalars(
                select(QAChunk).where(QAChunk.chunk_set == chunk_set_id).order_by(QAChunk.position)
            )
        )
    if not rows:
        raise NotFound(
            f"chunk set {chunk_set_id!r} not found",
            hint="chunk a project's documents first (chunk_documents); it returns chunk_set_id",
        )
    return [chunk_public(r) for r in rows]


def get_chunks(chunk_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Chunks by id (missing ids are simply absent from the result)."""
    if not chunk_ids:
        return {}
    with session() as s:
        rows = s.scalars(select(QAChunk).where(QAChunk.id.in_(set(chunk_ids))))
        return {r.id: chunk_public(r) for r in rows}


# --------------------------------------------------------------------------- parameters


def save_parameters(project_id: int, values: dict[str, Any]) -> dict[str, Any]:
    """Save a project's high-level generation parameters; returns the stored record."""
    get_project(project_id)
    row = QAParameters(project_id=project_id, values=values)
    with session() as s:
        s.add(row)
        s.flush()
    return _parameters_public(row)


def _parameters_public(row: QAParameters) -> dict[str, Any]:
    return {
        "id": row.id,
        "project_id": row.project_id,
        **row.values,
        "created_at": _iso(row.created_at),
    }


def latest_parameters(project_id: int) -> dict[str, Any] | None:
    """The most recently saved parameters of a project, or None."""
    with session() as s:
        row = s.scalars(
            select(QAParameters)
            .where(QAParameters.project_id == project_id)
            .order_by(QAParameters.id.desc())
        ).first()
        return _parameters_public(row) if row else None


# --------------------------------------------------------------------------- datasets


def _dataset_hint() -> str:
    return (
        "dataset ids come from a finished generation job's result (GET /generate/{job_id}/status)"
    )


def create_dataset(
    project_id: int,
    name: str,
    entries: list[dict[str, Any]],
    *,
    format_type: str = "jsonl",
    meta: dict[str, Any] | None = None,
    note: str = "",
    version_meta: dict[str, Any] | None = None,
    dataset_id: str | None = None,
) -> dict[str, Any]:
    """Create a dataset with its first version holding `entries`.

    With `dataset_id` (a run step's own id), a dataset left by an earlier try of the same
    step is replaced, so a resumed step never leaves a second copy of its entries.
    """
    if dataset_id is not None:
        with session() as s:
            if s.get(QADataset, dataset_id) is not None:
                for table in (QAEntry, QAVersion, QAFeedback):
                    s.execute(delete(table).where(table.dataset_id == dataset_id))
                s.execute(delete(QADataset).where(QADataset.id == dataset_id))
    row = QADataset(
        id=dataset_id or f"dataset_{uuid.uuid4()}",
        project_id=project_id,
        name=name[:200],
        format_type=format_type,
        meta=meta or {},
    )
    with session() as s:
        s.add(row)
    version = add_version(row.id, entries, reason="generate", note=note, meta=version_meta)
    return {"id": row.id, "version": version}


def _dataset_row(s: Any, dataset_id: str) -> QADataset:
    row = s.get(QADataset, dataset_id)
    if row is None:
        raise NotFound(f"dataset {dataset_id!r} not found", hint=_dataset_hint())
    return row


def add_version(
    dataset_id: str,
    entries: list[dict[str, Any]],
    *,
    reason: str,
    note: str = "",
    meta: dict[str, Any] | None = None,
) -> int:
    """Write `entries` as the next immutable version of the dataset; returns its number."""
    for _ in range(5):
        try:
            with session() as s:
                ds = _dataset_row(s, dataset_id)
                number = (
                    s.scalar(
                        select(func.max(QAVersion.version)).where(
                            QAVersion.dataset_id == dataset_id
                        )
                    )
                    or 0
                ) + 1
                s.add(
                    QAVersion(
                        dataset_id=dataset_id,
                        version=number,
                        reason=reason,
                        note=note,
                        meta=meta or {},
                    )
                )
                s.flush()
                s.add_all(
                    QAEntry(
                        dataset_id=dataset_id,
                        version=number,
                        position=i,
                        entry_id=e["id"],
                        quality_score=e.get("quality_score"),
                        data=e,
                    )
                    for i, e in enumerate(entries)
                )
                ds.latest_version = number
            return number
        except IntegrityError:
            continue  # a concurrent writer took this number; take the next one
    raise RuntimeError(f"could not allocate a new version for dataset {dataset_id}")


def get_dataset(dataset_id: str, version: int | None = None) -> dict[str, Any]:
    """A dataset's record and the entries of one version (the latest when not given)."""
    with session() as s:
        ds = _dataset_row(s, dataset_id)
        number = version if version is not None else ds.latest_version
        vrow = s.scalars(
            select(QAVersion).where(QAVersion.dataset_id == dataset_id, QAVersion.version == number)
        ).first()
        if vrow is None:
            raise NotFound(
                f"dataset {dataset_id!r} has no version {number}",
                hint=f"versions run from 1 to {ds.latest_version}",
            )
        entries = [
            r.data
            for r in s.scalars(
                select(QAEntry)
                .where(QAEntry.dataset_id == dataset_id, QAEntry.version == number)
                .order_by(QAEntry.position)
            )
        ]
        versions = [
            {
                "version": v.version,
                "reason": v.reason,
                "note": v.note,
                "created_at": _iso(v.created_at),
            }
            for v in s.scalars(
                select(QAVersion)
                .where(QAVersion.dataset_id == dataset_id)
                .order_by(QAVersion.version)
            )
        ]
        return {
            "id": ds.id,
            "name": ds.name,
            "project_id": ds.project_id,
            "format_type": ds.format_type,
            "created_at": _iso(ds.created_at),
            "version": number,
            "latest_version": ds.latest_version,
            "versions": versions,
            "version_meta": vrow.meta or {},
            "meta": ds.meta or {},
            "entries": entries,
        }


def update_dataset_meta(dataset_id: str, *, format_type: str | None = None, **values: Any) -> None:
    """Merge `values` into the dataset's metadata (export paths); set its default format."""
    with session() as s:
        ds = _dataset_row(s, dataset_id)
        ds.meta = {**(ds.meta or {}), **values}
        if format_type:
            ds.format_type = format_type


def list_datasets(project_id: int | None = None) -> list[dict[str, Any]]:
    """Datasets, newest first (optionally of one project)."""
    query = select(QADataset).order_by(QADataset.created_at.desc())
    if project_id is not None:
        query = query.where(QADataset.project_id == project_id)
    with session() as s:
        return [
            {
                "id": r.id,
                "name": r.name,
                "project_id": r.project_id,
                "latest_version": r.latest_version,
                "created_at": _iso(r.created_at),
            }
            for r in s.scalars(query)
        ]


def add_feedback(
    dataset_id: str,
    version: int,
    entry_ids: list[str],
    feedback_type: str,
    comments: str,
    rating: int | None,
) -> dict[str, Any]:
    """Record a feedback submission (the version it created is `version`)."""
    row = QAFeedback(
        dataset_id=dataset_id,
        version=version,
        entry_ids=entry_ids,
        feedback_type=feedback_type,
        comments=comments,
        rating=rating,
    )
    with session() as s:
        s.add(row)
        s.flush()
    return {"id": row.id, "created_at": _iso(row.created_at)}


def list_feedback(dataset_id: str) -> list[dict[str, Any]]:
    """Every feedback submission on a dataset, oldest first."""
    with session() as s:
        return [
            {
                "id": r.id,
                "version": r.version,
                "entry_ids": r.entry_ids,
                "feedback_type": r.feedback_type,
                "comments": r.comments,
                "rating": r.rating,
                "created_at": _iso(r.created_at),
            }
            for r in s.scalars(
                select(QAFeedback)
                .where(QAFeedback.dataset_id == dataset_id)
                .order_by(QAFeedback.id)
            )
        ]
