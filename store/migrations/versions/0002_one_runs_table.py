"""One runs table for every unit of work: the compatible APIs' job tables move into it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RESTARTED = {
    "code": "server_restarted",
    "message": "the server stopped while this job was in progress (before runs were durable)",
    "hint": "start it again",
}


def _json(value: Any) -> Any:
    if value is None or not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _when(value: Any) -> datetime | None:
    """A stored time (SQLite hands raw rows back as text)."""
    if value is None or isinstance(value, datetime):
        return value
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _error(value: Any) -> dict[str, Any] | None:
    value = _json(value)
    if value is None or isinstance(value, dict):
        return value
    return {"code": "failed", "message": str(value), "hint": ""}


def _copy_jobs(conn: sa.Connection, runs: sa.Table) -> None:
    """Old jobs become runs whose alias is the old job id (so the old ids keep answering)."""
    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = []

    def add(job_id: str, target: str, source: str, status: str, **fields: Any) -> None:
        error = fields.pop("error", None)
        if status in ("pending", "running"):
            status, error = "failed", RESTARTED
        rows.append(
            {
                "id": f"run_{uuid.uuid4().hex[:20]}",
                "alias": job_id,
                "thread_id": None,
                "kind": "job" if source == "qa" else "tool",
                "target": target,
                "source": source,
                "goal": "",
                "status": status,
                "progress": 100.0 if status == "completed" else float(fields.pop("progress", 0)),
                "current_step": str(fields.pop("current_step", "") or "")[:300],
                "created_at": _when(fields.pop("created_at", None)) or now,
                "started_at": _when(fields.pop("started_at", None)),
                "finished_at": _when(fields.pop("finished_at", None)) or now,
                "request": _json(fields.pop("request", None)) or {},
                "state": {"migrated_from": f"{source} job"},
                "result": _json(fields.pop("result", None)),
                "error": _error(error),
                "cancel_requested": False,
                "tries": 1,
            }
        )

    for r in conn.execute(sa.text("SELECT * FROM labeling_jobs")).mappings():
        add(
            r["id"],
            "label_dataset",
            "labeling",
            r["status"],
            current_step=r["progress"],
            request=r["request"],
            result=r["result"],
            error=r["error"],
            created_at=r["created_at"],
            finished_at=r["finished_at"],
        )
    for r in conn.execute(sa.text("SELECT * FROM training_jobs")).mappings():
        add(
            r["id"],
            "train_model",
            "training",
            r["status"],
            progress=100 * (r["progress"] or 0.0),
            current_step=r["message"],
            request={"args": _json(r["request"]) or {}, "api_kind": r["kind"]},
            result=r["result"],
            error=r["error"],
            created_at=r["created_at"],
            finished_at=r["updated_at"],
        )
    for r in conn.execute(sa.text("SELECT * FROM qa_jobs")).mappings():
        add(
            r["id"],
            "qa_regenerate" if r["kind"] == "regenerate" else "qa_generate",
            "qa",
            r["status"],
            progress=r["progress"] or 0.0,
            current_step=r["current_step"],
            request=r["request"],
            result=r["result"],
            error=r["error"],
            created_at=r["created_at"],
            started_at=r["started_at"],
            finished_at=r["finished_at"],
        )
    if rows:
        op.bulk_insert(runs, rows)


def upgrade() -> None:
    """Extend runs, add events, secrets and workers, move the old job tables into runs."""
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("alias", sa.String(80), nullable=True))
        batch.add_column(sa.Column("target", sa.String(100), nullable=False, server_default=""))
        batch.add_column(sa.Column("source", sa.String(32), nullable=False, server_default=""))
        batch.add_column(sa.Column("state", sa.JSON(), nullable=True))
        batch.add_column(
            sa.Column("cancel_requested", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("owner", sa.String(200), nullable=True))
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("tries", sa.Integer(), nullable=False, server_default="0"))
        batch.alter_column("thread_id", existing_type=sa.String(128), nullable=True)
        batch.alter_column(
            "current_step", existing_type=sa.String(200), type_=sa.String(300), nullable=False
        )
        batch.create_unique_constraint("uq_runs_alias", ["alias"])
    with op.batch_alter_table("threads") as batch:
        batch.add_column(sa.Column("active_run", sa.String(64), nullable=True))
    with op.batch_alter_table("datasets") as batch:
        batch.alter_column("size_bytes", existing_type=sa.Integer(), type_=sa.BigInteger())
    op.create_table(
        "run_events",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            primary_key=True,
            autoincrement=True,
        ),
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("run_id", "seq", name="uq_run_events_run_id_seq"),
    )
    op.create_index("ix_run_events_run_id", "run_events", ["run_id"])
    op.create_table(
        "run_secrets",
        sa.Column("run_id", sa.String(64), primary_key=True),
        sa.Column("data", sa.JSON(), nullable=False),
    )
    op.create_table(
        "workers",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("host", sa.String(200), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("active", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
    )
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE runs SET state = '{}' WHERE state IS NULL"))
    conn.execute(sa.text("UPDATE runs SET source = 'generate' WHERE source = ''"))
    runs = sa.table(
        "runs",
        *[
            sa.column(name, type_)
            for name, type_ in (
                ("id", sa.String()),
                ("alias", sa.String()),
                ("thread_id", sa.String()),
                ("kind", sa.String()),
                ("target", sa.String()),
                ("source", sa.String()),
                ("goal", sa.Text()),
                ("status", sa.String()),
                ("progress", sa.Float()),
                ("current_step", sa.String()),
                ("created_at", sa.DateTime(timezone=True)),
                ("started_at", sa.DateTime(timezone=True)),
                ("finished_at", sa.DateTime(timezone=True)),
                ("request", sa.JSON()),
                ("state", sa.JSON()),
                ("result", sa.JSON()),
                ("error", sa.JSON()),
                ("cancel_requested", sa.Boolean()),
                ("tries", sa.Integer()),
            )
        ],
    )
    _copy_jobs(conn, runs)
    op.drop_table("labeling_jobs")
    op.drop_table("training_jobs")
    op.drop_table("qa_jobs")
    with op.batch_alter_table("runs") as batch:
        batch.alter_column("state", existing_type=sa.JSON(), nullable=False)


def downgrade() -> None:
    """Not supported: the old job tables held less than runs do."""
    raise NotImplementedError("runs cannot be split back into the old job tables")
