"""Background training jobs of the compatible training API: status, progress, result, error."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Float, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from errors import NotFound
from store.db import Base, session, utcnow


class TrainingJob(Base):
    """One background train-model / run-pipeline request."""

    __tablename__ = "training_jobs"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), index=True, default="pending")
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    message: Mapped[str] = mapped_column(Text, default="")
    request: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def _public(row: TrainingJob) -> dict[str, Any]:
    return {
        "job_id": row.id,
        "kind": row.kind,
        "status": row.status,
        "progress": round(row.progress * 100, 1),
        "message": row.message,
        "result": row.result,
        "error": row.error,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "updated_at": row.updated_at.isoformat() if row.updated_at else None,
    }


def create_job(kind: str, request: dict[str, Any]) -> dict[str, Any]:
    """A new pending job."""
    row = TrainingJob(id=f"job_{uuid.uuid4().hex[:20]}", kind=kind, request=request)
    with session() as s:
        s.add(row)
    return _public(row)


def update_job(job_id: str, **fields: Any) -> None:
    """Set fields (status, progress 0..1, message, result, error)."""
    with session() as s:
        row = s.get(TrainingJob, job_id)
        if row is None:
            raise NotFound(f"job {job_id!r} not found", hint="start one with background: true")
        for key, value in fields.items():
            setattr(row, key, value)
        row.updated_at = utcnow()


def get_job(job_id: str) -> dict[str, Any]:
    """A job's public shape; 404 when unknown."""
    with session() as s:
        row = s.get(TrainingJob, job_id)
        if row is None:
            raise NotFound(
                f"job {job_id!r} not found",
                hint="job ids come from POST /api/training/train-model with background: true",
            )
        return _public(row)


def fail_unfinished(reason: str) -> int:
    """Mark jobs left pending/running by a previous process as failed; return how many."""
    with session() as s:
        rows = list(
            s.scalars(select(TrainingJob).where(TrainingJob.status.in_(("pending", "running"))))
        )
        for row in rows:
            row.status = "failed"
            row.error = {"code": "interrupted", "message": reason, "hint": "start it again"}
            row.updated_at = utcnow()
        return len(rows)
