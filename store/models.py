"""Tables: runs (every unit of work), their events, workers, threads and downloaded datasets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from store.db import Base, utcnow


class RunRow(Base):
    """One unit of work: a goal, a direct tool call, or a job of a compatible API."""

    __tablename__ = "runs"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    alias: Mapped[str | None] = mapped_column(String(80), unique=True, nullable=True)
    """The id a compatible API shows for this run (`lbl_…`, `job_…`, a QA job uuid)."""
    thread_id: Mapped[str | None] = mapped_column(String(128), index=True, nullable=True)
    kind: Mapped[str] = mapped_column(String(32), default="goal")
    """goal | resume (a goal answering a question) | tool | job."""
    target: Mapped[str] = mapped_column(String(100), default="")
    """The tool or job name (empty for goals)."""
    source: Mapped[str] = mapped_column(String(32), default="")
    """The surface that started it: generate, tools, mcp, cli, langgraph, openai, labeling, ..."""
    goal: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), index=True, default="pending")
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    current_step: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    request: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """What was asked: arguments, max_attempts, dry_run, resume value, stream modes."""
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """Bookkeeping of the executor: the checkpoint to resume from, recoveries made."""
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    owner: Mapped[str | None] = mapped_column(String(200), nullable=True)
    """The worker holding the run's lease while it executes."""
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    tries: Mapped[int] = mapped_column(Integer, default=0)
    """How many times an executor started (or resumed) this run."""


class RunEventRow(Base):
    """One event of a run (progress, step, plan, status, end), readable from any process."""

    __tablename__ = "run_events"
    __table_args__ = (UniqueConstraint("run_id", "seq"),)

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    run_id: Mapped[str] = mapped_column(String(64), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RunSecretRow(Base):
    """A queued run's request credentials, deleted when the run ends (never returned)."""

    __tablename__ = "run_secrets"

    run_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class WorkerRow(Base):
    """A process that executes runs (a server's in-process pool or a `forgeflow worker`)."""

    __tablename__ = "workers"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    host: Mapped[str] = mapped_column(String(200), default="")
    pid: Mapped[int] = mapped_column(Integer, default=0)
    capacity: Mapped[int] = mapped_column(Integer, default=1)
    active: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ThreadRow(Base):
    """A chat session; its graph state lives in the LangGraph checkpointer under the same id."""

    __tablename__ = "threads"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    turns: Mapped[int] = mapped_column(Integer, default=0)
    active_run: Mapped[str | None] = mapped_column(String(64), nullable=True)
    """The newest run queued or running on the thread (one at a time per thread)."""


class DatasetRow(Base):
    """A dataset downloaded into the workspace, pinned to the revision it was fetched at."""

    __tablename__ = "datasets"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str] = mapped_column(String(32), index=True)
    dataset_id: Mapped[str] = mapped_column(String(300), index=True)
    config: Mapped[str] = mapped_column(String(200), default="")
    revision: Mapped[str] = mapped_column(String(100), default="")
    requested_revision: Mapped[str] = mapped_column(String(200), default="")
    path: Mapped[str] = mapped_column(Text, default="")
    files: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    rows: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
