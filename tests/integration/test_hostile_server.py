"""Hostile LFs against a real server process whose environment holds secrets."""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from tests.unit.test_sandbox_hostile import SNOOP
from tests.utils.servers import ServerProcess
from tools.labeling.sandbox import sandbox_status

SECRET = "sk-forgeflow-test-SECRET-4242"
KEY = f"{SECRET}-key-one"
pytestmark = pytest.mark.skipif(not sandbox_status()[0], reason="bubblewrap sandbox unavailable")


def _bwrap_children(pid: int) -> list[int]:
    """Processes descended from `pid` that are bwrap sandboxes (from /proc, no psutil)."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
        names[int(entry.name)] = name
    found = []
    for child, name in names.items():
        up = child
        while up in parents and up != pid and up > 1:
            up = parents[up]
        if up == pid and name == "bwrap":
            found.append(child)
    return found


def test_an_lf_reads_nothing_of_the_server_through_either_route(
    make_server: Callable[..., ServerProcess],
) -> None:
    srv = make_server({"OPENAI_API_KEY": SECRET, "FORGEFLOW_API_KEYS": f"{KEY},{SECRET}-two"})
    ws = Path(srv.env["FORGEFLOW_HOME"]) / "workspace"
    ws.mkdir(parents=True, exist_ok=True)
    pd.DataFrame({"id": range(4), "text": ["a", "b", "c", "d"]}).to_csv(ws / "d.csv", index=False)
    lfs = [{"name": "snoop", "code": SNOOP}, {"name": "one", "code": "def one(x):\n    return 1"}]
    headers = {"Authorization": f"Bearer {KEY}"}
    with srv.client(headers=headers) as c:
        labels = c.post(
            "/api/labeling/create-labels",
            json={
                "data_path": "d.csv",
                "output_path": "out/l.csv",
                "labeling_functions": lfs,
                "timeout_s": 60,
            },
        )
        applied = c.post(
            "/tools/apply_labeling_functions",
            json={
                "dataset": "d.csv",
                "classes": ["0", "1"],
                "labeling_functions": lfs,
                "output_dir": "applied",
                "code_timeout_s": 60,
            },
        )
    assert labels.status_code == 200 and applied.status_code == 200, (labels.text, applied.text)
    for r in (labels, applied):
        assert SECRET not in r.text and "LEAK" not in r.text
    for path in ws.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), f"{path} holds the secret"
    assert SECRET not in srv.output()


def test_a_request_whose_client_leaves_stops_its_sandboxes(
    make_server: Callable[..., ServerProcess],
) -> None:
    srv = make_server()
    ws = Path(srv.env["FORGEFLOW_HOME"]) / "workspace"
    ws.mkdir(parents=True, exist_ok=True)
    pd.DataFrame({"id": range(2), "text": ["a", "b"]}).to_csv(ws / "d.csv", index=False)
    body = (
        b'{"data_path": "d.csv", "output_path": "o.csv", "timeout_s": 300, "labeling_functions":'
        b' [{"name": "spin", "code": "def spin(x):\\n    while True:\\n        pass"}]}'
    )
    port = int(srv.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            b"POST /api/labeling/create-labels HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        # wait (bounded) until the LF's sandbox runs: a loaded machine starts it late. An
        # answer before that (the request refused or failed) ends the wait with what it said.
        deadline = time.monotonic() + 240
        answer = b""
        while time.monotonic() < deadline and not _bwrap_children(srv.proc.pid):
            if select.select([sock], [], [], 0.1)[0]:
                answer = sock.recv(65536)
                break
        assert _bwrap_children(srv.proc.pid), (
            f"the sandbox never started; the server answered {answer[:2000]!r}\n"
            f"{srv.output()[-4000:]}"
        )
    # The client is gone: the server stops the work long before the LF's 300 s timeout. The
    # first bwrap seen may be the sandbox's start-up probe, which ends on its own: wait until
    # the run has ended and no sandbox has been seen for a while (bounded).
    deadline = time.monotonic() + 90
    quiet_since: float | None = None
    runs: list[dict] = []
    with srv.client() as c:
        while time.monotonic() < deadline:
            if _bwrap_children(srv.proc.pid):
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            runs = c.get("/runs", params={"source": "labeling"}).json()["runs"]
            ended = bool(runs) and runs[0]["status"] not in ("pending", "running")
            if ended and quiet_since is not None and time.monotonic() - quiet_since > 2:
                break
            time.sleep(0.2)
    left = _bwrap_children(srv.proc.pid)
    assert not left, f"sandboxes {left} kept running for a departed client:\n{srv.output()[-4000:]}"
    assert runs and runs[0]["status"] == "cancelled", (runs, srv.output()[-4000:])
    with srv.client() as c:
        assert c.get("/health").status_code == 200
