"""Alembic environment: migrations run on the connection store.db hands over (or a URL)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from store.db import Base, all_table_modules

all_table_modules()
config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # noqa: ANN001 - a SQLAlchemy Connection
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # `alembic -x url=...` from a shell (writing a new revision)
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    with create_engine(url).connect() as conn:
        _run(conn)
        conn.commit()
