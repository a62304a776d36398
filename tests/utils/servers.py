"""Start and stop real server processes (uvicorn) and small fake remote services on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """An unused TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class ChildProcess:
    """A child process with a log file: stopped politely, or killed."""

    proc: subprocess.Popen
    log: Path

    def stop(self, timeout: float = 15) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def kill(self) -> None:
        """kill -9: no shutdown, nothing handed back."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@dataclass
class ServerProcess(ChildProcess):
    """A running `uvicorn server:app` process."""

    url: str
    env: dict[str, str]

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kwargs)


def start_server(
    env: dict[str, str], *, timeout: float = 90.0, log_name: str = "server.log"
) -> ServerProcess:
    """Start the real server in a subprocess and wait until /health answers."""
    port = free_port()
    full_env = {**os.environ, "FORGEFLOW_LLM": "builtin", **env}
    home = Path(full_env["FORGEFLOW_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    log = home / log_name
    handle = open(log, "wb")  # noqa: SIM115 - kept open for the child's lifetime
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "server:app", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=full_env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text(errors='replace')}")
        try:
            if httpx.get(f"{url}/health", timeout=5).status_code == 200:
                return ServerProcess(proc=proc, url=url, log=log, env=full_env)
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"server did not start in {timeout}s:\n{log.read_text(errors='replace')}")


@dataclass
class WorkerProcess(ChildProcess):
    """A running `forgeflow worker` process."""

    def stop(self, timeout: float = 60) -> None:
        super().stop(timeout)


def start_worker(env: dict[str, str], *, log_name: str = "worker.log") -> WorkerProcess:
    """Start `forgeflow worker` in a subprocess (it needs FORGEFLOW_DATABASE_URL)."""
    full_env = {**os.environ, "FORGEFLOW_LLM": "builtin", **env}
    home = Path(full_env["FORGEFLOW_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    log = home / log_name
    handle = open(log, "wb")  # noqa: SIM115 - kept open for the child's lifetime
    proc = subprocess.Popen(
        [sys.executable, "-c", "import cli; cli.main()", "worker"],
        cwd=ROOT,
        env=full_env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    return WorkerProcess(proc=proc, log=log)


class FakeServer:
    """A threaded HTTP server on 127.0.0.1 running a handler class; use as a context manager."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
