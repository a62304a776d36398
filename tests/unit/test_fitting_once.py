"""Processes that start together make a cached file once: the others wait for the first and
load what it kept (four CLI runs each refitted the planner's router for half an hour)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

MAKER = """
import sys, time
from pathlib import Path
from tools.labeling.embeddings import fitting_once
path, log, marker = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
with fitting_once(path):
    marker.touch()
    if not path.exists():
        with log.open("a") as out:
            out.write("made\\n")
        time.sleep(1.0)  # long enough that a second process arrives while this one works
        path.write_text("fitted")
"""


def _start(path: Path, log: Path, marker: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", MAKER, str(path), str(log), str(marker)],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_process_waits_and_does_not_make_it_again(tmp_path: Path) -> None:
    path, log = tmp_path / "router-x.npz", tmp_path / "made.log"
    first = _start(path, log, tmp_path / "first")
    while not (tmp_path / "first").exists():  # the first holds the lock before the second starts
        assert first.poll() is None, first.stderr.read() if first.stderr else ""
        time.sleep(0.05)
    second = _start(path, log, tmp_path / "second")
    _, first_err = first.communicate(timeout=120)
    _, second_err = second.communicate(timeout=120)
    assert first.returncode == 0 and second.returncode == 0, first_err + second_err
    assert log.read_text() == "made\n"  # made once, by the first; the second found it
    assert path.read_text() == "fitted"
    assert "waiting for another process that is making router-x.npz" in second_err


def test_an_unwritable_cache_folder_still_does_the_work(tmp_path: Path) -> None:
    from tools.labeling.embeddings import fitting_once

    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    ran = []
    with fitting_once(blocked / "router-y.npz"):  # its folder cannot be made: no lock, no error
        ran.append(True)
    assert ran == [True]
