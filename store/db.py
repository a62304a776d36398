"""The database: one SQLAlchemy engine (SQLite under FORGEFLOW_HOME, or Postgres), migrated by Alembic."""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from errors import DatabaseUnavailable
from settings import get_settings

log = logging.getLogger("forgeflow.db")

_lock = threading.Lock()
_engines: dict[str, tuple[Engine, sessionmaker[Session]]] = {}

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001"
"""The revision that matches the tables of homes made before Alembic (they are stamped at it)."""
TABLE_MODULES = ("store.models", "store.qa")
"""Every module that declares tables (Alembic's autogenerate compares the migrations to them)."""
_MIGRATION_LOCK = 72_610_413
"""A Postgres advisory lock id: processes starting together migrate one after another."""


class Base(DeclarativeBase):
    """Declarative base of every table."""


def all_table_modules() -> None:
    """Import every module that declares tables, so Base.metadata knows them all."""
    for name in TABLE_MODULES:
        importlib.import_module(name)


def utcnow() -> datetime:
    """Timezone-aware now, the one clock the store uses."""
    return datetime.now(UTC)


def iso(value: datetime | None) -> str | None:
    """ISO-8601 with a UTC offset (SQLite hands back naive datetimes; they are UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat()


def aware(value: datetime | None) -> datetime | None:
    """A stored datetime as timezone-aware UTC (SQLite drops the offset)."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def database_url() -> str:
    """The configured URL, or the SQLite file under FORGEFLOW_HOME."""
    s = get_settings()
    return s.database_url or f"sqlite:///{s.sqlite_path}"


def is_postgres(url: str | None = None) -> bool:
    """Whether the store runs on Postgres."""
    return (url or database_url()).split(":", 1)[0].split("+", 1)[0] in ("postgresql", "postgres")


def sqlalchemy_url(url: str | None = None) -> str:
    """The URL with the driver SQLAlchemy should use (psycopg 3 for Postgres)."""
    url = url or database_url()
    if is_postgres(url) and "+" not in url.split(":", 1)[0]:
        return "postgresql+psycopg:" + url.split(":", 1)[1]
    return url


def libpq_url(url: str | None = None) -> str:
    """The Postgres URL as libpq takes it (the checkpointer and the job queue connect with it)."""
    url = url or database_url()
    scheme, rest = url.split(":", 1)
    return "postgresql:" + rest if scheme.startswith("postgres") else url


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI hook
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the database to the newest revision; homes made before Alembic are stamped first."""
    logging.getLogger("alembic").setLevel(logging.WARNING)  # one line per revision is noise
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK})
        tables = set(inspect(conn).get_table_names())
        config.attributes["connection"] = conn
        # Other libraries' tables may share the database (the checkpointer's, the queue's):
        # only our own tables without a version mean a home made before migrations.
        if "runs" in tables and "alembic_version" not in tables:
            log.info("stamping a database made before migrations at revision %s", BASELINE)
            command.stamp(config, BASELINE)
        command.upgrade(config, "head")


def _get(url: str) -> tuple[Engine, sessionmaker[Session]]:
    with _lock:
        if url not in _engines:
            if url.startswith("sqlite"):
                engine = create_engine(url, connect_args={"check_same_thread": False})
                event.listen(engine, "connect", _sqlite_pragmas)
            else:
                engine = create_engine(
                    sqlalchemy_url(url),
                    pool_pre_ping=True,
                    pool_size=10,
                    max_overflow=20,
                    connect_args={"connect_timeout": 5},
                )
            all_table_modules()
            try:
                migrate(engine)
            except (OperationalError, InterfaceError) as exc:
                engine.dispose()
                raise _unavailable(exc) from exc
            _engines[url] = (engine, sessionmaker(engine, expire_on_commit=False))
        return _engines[url]


def _unavailable(exc: Exception) -> DatabaseUnavailable:
    log.warning("database unavailable: %s", str(exc).splitlines()[0] if str(exc) else exc)
    return DatabaseUnavailable(
        "the database is not answering",
        hint="retry in a few seconds; if it persists, check that the database server is up "
        "(GET /health shows its state)",
    )


def engine() -> Engine:
    """The engine for the configured database (migrated on first use)."""
    return _get(database_url())[0]


@contextmanager
def session() -> Iterator[Session]:
    """A unit of work: commits on success, rolls back on error; a lost database is a 503."""
    maker = _get(database_url())[1]
    try:
        with maker() as s:
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                raise
    except (OperationalError, InterfaceError) as exc:
        raise _unavailable(exc) from exc


def ping() -> dict[str, object]:
    """Check the database answers: {ok, backend, error?}."""
    backend = "postgresql" if is_postgres() else "sqlite"
    try:
        with engine().connect() as conn:
            conn.execute(text("SELECT 1"))
        return {"ok": True, "backend": backend}
    except (DatabaseUnavailable, OperationalError, InterfaceError) as exc:
        return {"ok": False, "backend": backend, "error": str(exc).splitlines()[0][:200]}


def reset_engines() -> None:
    """Dispose every engine (tests switch FORGEFLOW_HOME between cases)."""
    with _lock:
        for eng, _ in _engines.values():
            eng.dispose()
        _engines.clear()
