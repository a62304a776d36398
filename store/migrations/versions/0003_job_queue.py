"""The job queue's tables on Postgres (procrastinate's schema); nothing on SQLite.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply procrastinate's schema (the version pinned in pyproject.toml) on Postgres."""
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return  # SQLite runs execute in the serving process; there is no queue to store
    from procrastinate.schema import SchemaManager

    # Straight to the driver: the schema's functions hold `%` and `:` that SQLAlchemy or
    # psycopg would otherwise read as parameters.
    with conn.connection.dbapi_connection.cursor() as cursor:
        cursor.execute(SchemaManager.get_schema())


def downgrade() -> None:
    """Drop the queue's tables, functions and types."""
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    for table in ("procrastinate_events", "procrastinate_periodic_defers", "procrastinate_jobs"):
        op.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
    op.execute("DROP TABLE IF EXISTS procrastinate_workers CASCADE")
