"""Code LFs in the bubblewrap sandbox: real attacks are contained and reported by LF name."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pandas as pd
import pytest

from errors import Unavailable
from settings import get_settings
from tools.labeling import sandbox
from tools.labeling.apply import apply_lfs
from tools.labeling.specs import parse_lfs

CLASSES = ["neg", "pos"]
pytestmark = pytest.mark.skipif(
    not sandbox.sandbox_status()[0], reason=f"sandbox unavailable: {sandbox.sandbox_status()[1]}"
)


def frame(n: int = 40) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(n)],
            "text": ["good film" if i % 2 else "bad film" for i in range(n)],
        }
    )


def run(lfs: dict[str, str], data: pd.DataFrame | None = None, timeout: float = 2.0):  # noqa: ANN201
    specs = parse_lfs([{"name": k, "code": v} for k, v in lfs.items()], CLASSES)
    return sandbox.run_code_lfs(
        data if data is not None else frame(), specs, CLASSES, id_column="id", timeout_s=timeout
    )


def test_good_lfs_label_like_snorkel_and_by_class_name() -> None:
    result = run(
        {
            "good": "def good(x):\n    return POS if 'good' in x.text else ABSTAIN",
            "bad": "def bad(x):\n    return 'neg' if x['text'].startswith('bad') else None",
        }
    )
    assert result.errors == []
    assert result.matrix[:4].tolist() == [[-1, 0], [1, -1], [-1, 0], [1, -1]]


def test_attacks_are_contained_and_reported_while_others_run(home: Path) -> None:
    ws = get_settings().workspace
    (ws / "secret.txt").write_text("top secret")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.1)
    port = listener.getsockname()[1]
    accepted: list[object] = []

    def accept() -> None:
        for _ in range(60):
            try:
                accepted.append(listener.accept())
            except OSError:
                continue

    watcher = threading.Thread(target=accept, daemon=True)
    watcher.start()
    os.environ["FORGEFLOW_TEST_SECRET"] = "hunter2"
    try:
        result = run(
            {
                "ok": "def ok(x):\n    return 1 if 'good' in x.text else -1",
                "passwd": "def passwd(x):\n    return 1 if 'root' in open('/etc/passwd').read() else 0",
                "workspace": f"def workspace(x):\n    return 1 if open({str(ws / 'secret.txt')!r}).read() else 0",
                "write": f"def write(x):\n    open({str(ws / 'pwned.txt')!r}, 'w').write('x')\n    return 1",
                "write_usr": "def write_usr(x):\n    open('/usr/pwned', 'w').write('x')\n    return 1",
                "sock_local": "import socket\ndef sock_local(x):\n"
                f"    socket.create_connection(('127.0.0.1', {port}), timeout=1)\n    return 1",
                "sock_out": "import socket\ndef sock_out(x):\n"
                "    socket.create_connection(('1.1.1.1', 80), timeout=1)\n    return 1",
                "env": "import os\ndef env(x):\n    return 1 if os.environ.get('FORGEFLOW_TEST_SECRET') else 0",
                "system": "import os\ndef system(x):\n    return 1 if os.system('true') == 0 else 0",
                "subproc": "import subprocess\ndef subproc(x):\n    subprocess.run(['true'])\n    return 1",
                "forkbomb": "import os\ndef forkbomb(x):\n    while True:\n        os.fork()",
                "membomb": "def membomb(x):\n    a = bytearray(8 * 1024**3)\n    return 1",
                "loop": "def loop(x):\n    while True:\n        pass",
                "output": "import sys\ndef output(x):\n    while True:\n        sys.__stdout__.write('x' * 100000)",
                "ctypes_": "def ctypes_(x):\n    import ctypes\n    return 1",
                "ctypes2": "import sys\ndef ctypes2(x):\n    del sys.modules['ctypes']\n    import _ctypes\n    return 1",
                "bad_value": "def bad_value(x):\n    return 7",
                "bad_type": "def bad_type(x):\n    return 0.5",
                "raises": "def raises(x):\n    raise KeyError('boom')",
            }
        )
    finally:
        os.environ.pop("FORGEFLOW_TEST_SECRET", None)
    errors = {e["name"]: e["reason"] for e in result.errors}
    assert "ok" not in errors and result.matrix[:2, 0].tolist() == [-1, 1]
    # the environment is cleared; os.system cannot fork
    assert "env" not in errors and set(result.matrix[:, 7].tolist()) == {0}
    assert "system" not in errors and set(result.matrix[:, 8].tolist()) == {0}
    assert "FileNotFoundError" in errors["passwd"]
    assert "FileNotFoundError" in errors["workspace"]
    assert "write" in errors and not (ws / "pwned.txt").exists()
    assert "write_usr" in errors and not Path("/usr/pwned").exists()
    assert "sock_local" in errors and "sock_out" in errors
    assert not accepted, "a sandboxed LF reached a socket on the host"
    assert "subproc" in errors
    assert "PermissionError" in errors["forkbomb"]
    assert "MemoryError" in errors["membomb"]
    assert "timed out" in errors["loop"]
    assert "output" in errors
    assert "ctypes" in errors["ctypes_"] and "ctypes2" in errors
    assert "outside the label set" in errors["bad_value"] and "outside" in errors["bad_type"]
    assert "KeyError" in errors["raises"] and "row id 'r0'" in errors["raises"]
    listener.close()


def test_many_batches_run_in_parallel_and_agree() -> None:
    data = frame(500)
    specs = parse_lfs([{"name": "g", "code": "def g(x):\n    return 1 if 'good' in x.text else 0"}])
    result = sandbox.run_code_lfs(data, specs, CLASSES, id_column="id", batch_rows=120, workers=2)
    assert result.matrix[:, 0].tolist() == [i % 2 for i in range(500)]


def test_code_lfs_are_refused_when_the_sandbox_cannot_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sandbox, "bwrap_binary", lambda: Path("/nonexistent/bwrap"))
    sandbox.forget_sandbox_status()
    try:
        specs = parse_lfs([{"name": "g", "code": "def g(x):\n    return 1"}])
        with pytest.raises(Unavailable) as err:
            apply_lfs(frame(), specs, CLASSES)
        assert err.value.code == "sandbox_unavailable" and "declarative" in err.value.hint
    finally:
        monkeypatch.undo()
        sandbox.forget_sandbox_status()


def test_a_failed_probe_is_tried_again_and_a_success_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    busy = (False, "bwrap did not start: busy")
    answers = iter([busy, busy, (True, "ok")])
    probes: list[int] = []

    def probe() -> tuple[bool, str]:
        probes.append(1)
        return next(answers)

    monkeypatch.setattr(sandbox, "_probe_sandbox", probe)
    monkeypatch.setattr(sandbox, "PROBE_RETRY_S", 3600.0)
    monkeypatch.setattr(sandbox, "PROBE_PAUSE_S", 0.0)
    sandbox.forget_sandbox_status()
    try:
        assert sandbox.sandbox_status() == busy and len(probes) == 2  # failed twice running
        # within the retry delay the failure is answered without probing again
        assert sandbox.sandbox_status()[0] is False and len(probes) == 2
        monkeypatch.setattr(sandbox, "PROBE_RETRY_S", 0.0)  # the delay has passed
        assert sandbox.sandbox_status() == (True, "ok") and len(probes) == 3
        # a success is kept for good, however long ago it was probed
        assert sandbox.sandbox_status() == (True, "ok") and len(probes) == 3
    finally:
        monkeypatch.undo()
        sandbox.forget_sandbox_status()


def test_one_failed_probe_is_not_believed(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([(False, "bwrap did not start: busy"), (True, "ok")])
    monkeypatch.setattr(sandbox, "_probe_sandbox", lambda: next(answers))
    monkeypatch.setattr(sandbox, "PROBE_PAUSE_S", 0.0)
    sandbox.forget_sandbox_status()
    try:
        assert sandbox.sandbox_status() == (True, "ok")  # the request that probed goes on
    finally:
        monkeypatch.undo()
        sandbox.forget_sandbox_status()
