"""PostgreSQL for tests: a fresh database per test (unique name, dropped after) and a pausable proxy.

The server at 127.0.0.1:5432 (trust auth) is shared with other test runs on this machine, so
nothing here stops or reconfigures it: each test gets its own database, and a fault test
breaks the connection with a TCP proxy in front of it instead of stopping the server.
"""

from __future__ import annotations

import os
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

ADMIN_URL = os.environ.get("FORGEFLOW_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def postgres_error() -> str | None:
    """None when the test Postgres answers, else why it does not."""
    try:
        import psycopg

        with psycopg.connect(ADMIN_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not available"
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _url_for(name: str, host: str = "127.0.0.1", port: int = 5432) -> str:
    base = ADMIN_URL.rsplit("/", 1)[0]
    if "@" in base:
        user = base.split("//", 1)[1].split("@", 1)[0]
        return f"postgresql://{user}@{host}:{port}/{name}"
    return f"postgresql://{host}:{port}/{name}"


@contextmanager
def fresh_database() -> Iterator[str]:
    """Create `ff_test_<random>`, yield its URL, drop it (closing any connection left)."""
    import psycopg

    name = f"ff_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _url_for(name)
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def proxied(url: str, port: int) -> str:
    """The same database reached through the proxy on `port`."""
    return url.replace("@127.0.0.1:5432/", f"@127.0.0.1:{port}/")


class PausableProxy:
    """A TCP proxy to Postgres that a test can 'take down': it cuts every open connection and
    refuses new ones until resumed, as a database restart would look to its clients."""

    def __init__(self, target: tuple[str, int] = ("127.0.0.1", 5432)) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._up = threading.Event()
        self._up.set()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> PausableProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.listener.close()
        self._cut()

    def pause(self) -> None:
        """Cut every connection and refuse new ones."""
        self._up.clear()
        self._cut()

    def resume(self) -> None:
        """Accept connections again."""
        self._up.set()

    def _cut(self) -> None:
        with self._lock:
            for sock in list(self._sockets):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self._sockets.clear()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self._up.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._sockets.update((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
