"""The database: one SQLAlchemy engine (SQLite under FORGEFLOW_HOME by default) and the table base."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from settings import get_settings

_lock = threading.Lock()
_engines: dict[str, tuple[Engine, sessionmaker[Session]]] = {}
_created: dict[str, int] = {}


class Base(DeclarativeBase):
    """Declarative base of every table."""


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


def database_url() -> str:
    """The configured URL, or the SQLite file under FORGEFLOW_HOME."""
    s = get_settings()
    return s.database_url or f"sqlite:///{s.sqlite_path}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI hook
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _get(url: str) -> tuple[Engine, sessionmaker[Session]]:
    with _lock:
        if url not in _engines:
            if url.startswith("sqlite"):
                engine = create_engine(url, connect_args={"check_same_thread": False})
                event.listen(engine, "connect", _sqlite_pragmas)
            else:
                engine = create_engine(url, pool_pre_ping=True)
            # Import the table modules so every table is known before create_all.
            from store import models  # noqa: F401

            Base.metadata.create_all(engine)
            _engines[url] = (engine, sessionmaker(engine, expire_on_commit=False))
            _created[url] = len(Base.metadata.tables)
        elif _created.get(url) != len(Base.metadata.tables):
            # A table module imported after the engine was made: create its tables now.
            Base.metadata.create_all(_engines[url][0])
            _created[url] = len(Base.metadata.tables)
        return _engines[url]


def engine() -> Engine:
    """The engine for the configured database (tables created on first use)."""
    return _get(database_url())[0]


@contextmanager
def session() -> Iterator[Session]:
    """A unit of work: commits on success, rolls back on error."""
    maker = _get(database_url())[1]
    with maker() as s:
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise


def reset_engines() -> None:
    """Dispose every engine (tests switch FORGEFLOW_HOME between cases)."""
    with _lock:
        for eng, _ in _engines.values():
            eng.dispose()
        _engines.clear()
        _created.clear()
