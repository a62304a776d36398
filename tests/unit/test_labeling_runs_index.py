"""The index of earlier labeling runs: new and removed runs seen at once, symlinks never
followed, a workbench is its run (invented folders)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from agents import runs
from agents.runs import labeling_runs
from settings import get_settings


def _make(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    pd.DataFrame({"id": ["k1", "k2"], "label": ["ripe", "green"]}).to_parquet(
        folder / "labeled.parquet", index=False
    )
    return folder


def _dirs() -> list[str]:
    return [r.dir for r in labeling_runs()]


def test_a_run_written_or_removed_after_a_lookup_is_seen(home: Path) -> None:
    ws = get_settings().workspace
    _make(ws / "labeling" / "melons-20260101-000000")
    assert _dirs() == ["labeling/melons-20260101-000000"]
    _make(ws / "labeling" / "figs-20260102-000000")
    assert set(_dirs()) == {"labeling/melons-20260101-000000", "labeling/figs-20260102-000000"}
    shutil.rmtree(ws / "labeling" / "melons-20260101-000000")
    assert _dirs() == ["labeling/figs-20260102-000000"]
    # A folder made first and its labeled.parquet written later (as a run writes it).
    (ws / "labeling" / "plums-20260103-000000").mkdir()
    assert _dirs() == ["labeling/figs-20260102-000000"]
    _make(ws / "labeling" / "plums-20260103-000000")
    assert "labeling/plums-20260103-000000" in _dirs()
    # Its labeled.parquet removed: no longer a run.
    (ws / "labeling" / "figs-20260102-000000" / "labeled.parquet").unlink()
    assert _dirs() == ["labeling/plums-20260103-000000"]


def test_symlinked_runs_are_never_listed(home: Path, tmp_path: Path) -> None:
    ws = get_settings().workspace
    outside = _make(tmp_path / "elsewhere" / "secret-run")
    (ws / "labeling").mkdir(parents=True)
    (ws / "labeling" / "linked-run").symlink_to(outside)  # a run folder leading out
    (ws / "shortcut").symlink_to(tmp_path / "elsewhere")  # a folder leading out
    plain = ws / "labeling" / "quince-20260101-000000"
    plain.mkdir()
    (plain / "labeled.parquet").symlink_to(outside / "labeled.parquet")  # a file leading out
    assert _dirs() == []
    _make(ws / "labeling" / "pears-20260101-000000")
    assert _dirs() == ["labeling/pears-20260101-000000"]


def test_a_workbench_is_its_run_and_deep_folders_stop_at_the_limit(home: Path) -> None:
    ws = get_settings().workspace
    run = _make(ws / "labeling" / "limes-20260101-000000")
    _make(run / "workbench")
    _make(ws / "projects" / "citrus" / "batch")  # depth 3: a run
    _make(ws / "a" / "b" / "c" / "d" / "e")  # depth 5: too deep
    assert sorted(_dirs()) == ["labeling/limes-20260101-000000", "projects/citrus/batch"]


def test_the_index_is_reused_until_a_folder_it_walked_changes(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = get_settings().workspace
    _make(ws / "labeling" / "kiwis-20260101-000000")
    past = time.time() - 3600
    for folder in (ws, ws / "labeling", ws / "labeling" / "kiwis-20260101-000000"):
        os.utime(folder, (past, past))  # a workspace at rest
    scans = []
    scan = runs._scan
    monkeypatch.setattr(runs, "_scan", lambda root: scans.append(root) or scan(root))
    assert _dirs() == ["labeling/kiwis-20260101-000000"]
    assert _dirs() == ["labeling/kiwis-20260101-000000"]
    assert len(scans) == 1  # the second lookup read no folder listing
    _make(ws / "labeling" / "dates-20260101-000000")
    assert _dirs() == ["labeling/dates-20260101-000000", "labeling/kiwis-20260101-000000"]
    assert len(scans) == 2  # the new run's folder changed labeling/: scanned again
