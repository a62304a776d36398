"""The sandbox against an LF that wants the server's secrets, native code, votes or time."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest

from errors import BadInput, Cancelled
from tools.labeling import sandbox
from tools.labeling.specs import parse_lfs

CLASSES = ["neg", "pos"]
SECRET = "sk-forgeflow-test-SECRET-4242"
pytestmark = pytest.mark.skipif(
    not sandbox.sandbox_status()[0], reason=f"sandbox unavailable: {sandbox.sandbox_status()[1]}"
)


def frame(n: int = 6) -> pd.DataFrame:
    return pd.DataFrame(
        {"id": range(n), "text": ["good film" if i % 2 else "bad" for i in range(n)]}
    )


def run(lfs: dict[str, str], **kwargs: object) -> sandbox.CodeResult:
    specs = parse_lfs([{"name": k, "code": v} for k, v in lfs.items()], CLASSES)
    kwargs.setdefault("timeout_s", 40.0)
    return sandbox.run_code_lfs(frame(), specs, CLASSES, id_column="id", **kwargs)


# An LF that looks everywhere an LF could find the server's environment, files or memory, and
# reports what it read in its error message (which the parent returns to the caller).
SNOOP = r"""
import os, time
def snoop(x):
    if x.id:
        return 0  # one thorough search is enough
    marker = b"sk-forgeflow-test-SECRET"
    def check(data, where):
        if marker in data:
            at = data.index(marker)
            raise ValueError("LEAK via " + where + ": " + data[at:at + 60].decode("latin-1"))
    def grab(path, size=1 << 20):
        try:
            with open(path, "rb") as fh:
                data = fh.read(size)
        except Exception:
            return
        check(data, path)
    pids = ["self", "thread-self"] + [str(i) for i in range(0, 200)]
    for pid in pids:
        for leaf in ("environ", "cmdline", "status"):
            grab(f"/proc/{pid}/{leaf}")
    for pid in pids[:64]:
        try:
            maps = open(f"/proc/{pid}/maps").read().splitlines()
            mem = open(f"/proc/{pid}/mem", "rb")
        except Exception:
            continue
        for line in maps:
            span, perms = line.split()[:2]
            lo, hi = (int(v, 16) for v in span.split("-"))
            if "r" not in perms:
                continue
            try:
                mem.seek(lo)
                data = mem.read(min(hi - lo, 1 << 22))
            except Exception:
                continue
            check(data, f"/proc/{pid}/mem")
    for fd in range(0, 64):
        try:
            check(os.read(fd, 1 << 16), f"fd {fd}")
        except OSError:
            pass
    check(repr(dict(os.environ)).encode(), "os.environ")
    deadline = time.monotonic() + 5
    for root, dirs, files in os.walk("/"):
        dirs[:] = [d for d in dirs if os.path.join(root, d) not in ("/dev", "/proc", "/sys")]
        for name in files:
            if time.monotonic() > deadline:
                return 0
            grab(os.path.join(root, name), 1 << 16)
    return 0
"""


def test_nothing_of_the_servers_environment_files_or_memory_is_readable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("FORGEFLOW_API_KEYS", f"{SECRET}-a,{SECRET}-b")
    (tmp_path / "secret.txt").write_text(SECRET)
    result = run({"snoop": SNOOP})
    assert SECRET not in repr(result.errors) and "LEAK" not in repr(result.errors)
    assert result.errors == [] and set(result.matrix[:, 0]) == {0}


def test_the_lf_runs_as_pid_1_without_proc_and_an_empty_environment() -> None:
    probe = (
        "import os\ndef probe(x):\n"
        "    assert os.getpid() == 1 and not os.path.exists('/proc'), 'sees processes'\n"
        "    assert set(os.environ) <= {'PYTHONDONTWRITEBYTECODE', 'HOME', 'PWD'}, dict(os.environ)\n"
        "    return 1"
    )
    result = run({"probe": probe})
    assert result.errors == [] and set(result.matrix[:, 0]) == {1}


def test_native_code_cannot_be_loaded() -> None:
    host_ctypes = os.path.dirname(os.__file__) + "/lib-dynload"
    attacks = {
        "ctypes": "import sys\ndef ctypes(x):\n    sys.modules.pop('ctypes', None)\n"
        "    sys.modules.pop('_ctypes', None)\n    import ctypes\n    return 1",
        "ctypes_file": "import glob, importlib.machinery, importlib.util\ndef ctypes_file(x):\n"
        f"    paths = glob.glob({host_ctypes!r} + '/_ctypes*')\n"
        "    paths += glob.glob('/usr/lib/python3*/lib-dynload/_ctypes*')\n"
        "    paths += glob.glob('/usr/local/lib/python3*/lib-dynload/_ctypes*')\n"
        "    assert not paths, paths\n    return 1",
        "site": "import sys\ndef site(x):\n"
        f"    sys.path += {sys.path!r}\n    import cffi\n    return 1",
        "site_dirs": "import os, sys\ndef site_dirs(x):\n"
        "    for p in sys.path:\n"
        "        if p.endswith('site-packages') and os.path.isdir(p):\n"
        "            assert not os.listdir(p), os.listdir(p)\n"
        "    return 1",
        "drop_so": "def drop_so(x):\n    open('/x.so', 'wb').write(b'\\x7fELF' * 100)\n    return 1",
        "memfd": "import os\ndef memfd(x):\n    os.memfd_create('x')\n    return 1",
        "numpy": "def numpy(x):\n    import numpy\n    return 1",
    }
    result = run(attacks)
    errors = {e["name"]: e["reason"] for e in result.errors}
    assert {"ctypes", "site", "drop_so", "memfd", "numpy"} <= set(errors), errors
    assert "ctypes_file" not in errors and "site_dirs" not in errors, errors
    assert "ModuleNotFoundError" in errors["ctypes"] and "ModuleNotFoundError" in errors["site"]


def test_an_lf_cannot_forge_votes_through_the_result_channel() -> None:
    forge = (
        "import json, os\ndef forger(x):\n"
        "    for fd in range(0, 40):\n"
        "        for name in ('forger', 'honest'):\n"
        "            line = json.dumps({'name': name, 'values': [1] * 6}) + '\\n'\n"
        "            try:\n"
        "                os.write(fd, line.encode())\n"
        "                os.write(fd, b'{\"values\": [1, 1, 1, 1, 1, 1]}\\n')\n"
        "            except OSError:\n"
        "                pass\n"
        "    return 0"
    )
    quiet_exit = (
        "import os\ndef exiter(x):\n"
        "    for fd in range(3, 40):\n"
        "        try:\n"
        "            os.write(fd, b'{\"values\": [1, 1, 1, 1, 1, 9]}\\n')\n"
        "        except OSError:\n"
        "            pass\n"
        "    os._exit(0)"
    )
    honest = "def honest(x):\n    return 0"
    result = run({"forger": forge, "honest": honest, "exiter": quiet_exit})
    errors = {e["name"]: e["reason"] for e in result.errors}
    assert "honest" not in errors and set(result.matrix[:, 1]) == {0}
    assert "result channel" in errors["forger"] and set(result.matrix[:, 0]) == {-1}
    # Whatever an LF writes is checked like a return value: 9 is outside the label set.
    assert "exiter" in errors and set(result.matrix[:, 2]) == {-1}


def test_code_lfs_per_request_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORGEFLOW_MAX_CODE_LFS", "3")
    from settings import reset_settings

    reset_settings()
    lfs = {f"lf{i}": f"def lf{i}(x):\n    return 1" for i in range(4)}
    with pytest.raises(BadInput) as err:
        run(lfs)
    assert err.value.code == "too_many_code_lfs"


def test_all_lfs_of_a_request_share_one_time_budget() -> None:
    loops = {f"loop{i}": f"def loop{i}(x):\n    while True:\n        pass" for i in range(3)}
    result = run(loops, timeout_s=300.0, budget_s=2.0)
    reasons = {e["reason"] for e in result.errors}
    assert len(result.errors) == 3 and all("budget" in r for r in reasons), reasons


def test_cancelling_stops_the_sandboxed_work() -> None:
    cancel = threading.Event()
    outcome: list[BaseException | None] = []

    def work() -> None:
        try:
            run(
                {"loop": "def loop(x):\n    while True:\n        pass"},
                timeout_s=300.0,
                cancel_event=cancel,
            )
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            outcome.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    cancel.set()
    # The LF alone would run 300 s; cancelled, the call ends (its processes killed and reaped).
    worker.join(timeout=120)
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)
