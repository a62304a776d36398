"""The router's shipped training rows: every tunable corpus, exactly as the export writes them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from agents import router

REPO = Path(__file__).resolve().parents[2]


def _load(relative: str) -> ModuleType:
    """A benchmark script as a module (the scripts are not a package)."""
    path = REPO / relative
    spec = importlib.util.spec_from_file_location(path.stem + "_round12", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_newest_writers_are_tunable_and_no_frozen_set_is() -> None:
    export = _load("benchmarks/goals/export_phrasings.py")
    loco = _load("benchmarks/planner_loco.py")
    assert {"fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh28", "fresh29"} <= set(
        export.TUNABLE
    )
    assert not set(export.TUNABLE) & set(loco.FROZEN)
    assert "fresh25" not in loco.FROZEN  # the twelfth round's validation set, tunable in the 13th
    assert "fresh26" not in loco.FROZEN  # the 13th round's validation set, tunable in the 14th
    assert not [c for c in export.TUNABLE if c.startswith("heldout")]
    # the seventeenth round: its validation set is no row until measured before and after
    assert not set(export.TUNABLE) & set(loco.VALIDATION)
    assert {"fresh33", "fresh36", "fresh37", "fresh40", "fresh42", "fresh45"} <= set(export.TUNABLE)
    # All four wrote conversations, so their later turns are follow-up rows too.
    assert {"fresh22", "fresh23", "fresh24", "fresh25"} <= set(export.FOLLOW_UPS)


def test_the_shipped_rows_are_what_the_export_writes_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = _load("benchmarks/goals/export_phrasings.py")
    goals, follow_ups = tmp_path / "goals.tsv", tmp_path / "followups.tsv"
    monkeypatch.setattr("sys.argv", ["export_phrasings.py", str(goals), str(follow_ups)])
    export.main()
    # A corpus edited (or added to TUNABLE) without a re-export leaves the router on stale rows.
    assert goals.read_bytes() == router.GOALS.read_bytes()
    assert follow_ups.read_bytes() == router.FOLLOW_UPS.read_bytes()
    shipped = {corpus for _, _, corpus in router.goal_rows()}
    assert shipped == set(export.TUNABLE)
    assert {row[2] for row in router.follow_up_rows()} == set(export.FOLLOW_UPS)


def test_a_goal_whose_right_move_is_a_question_is_never_a_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = _load("benchmarks/goals/export_phrasings.py")
    folder = tmp_path / "ferry"
    folder.mkdir()
    (folder / "goals.jsonl").write_text(
        '{"id": "fy1", "goal": "which sailings ran late in sailings.csv?", '
        '"expect": {"tools": ["detect_anomalies"]}}\n'
        '{"id": "fy2", "goal": "tidy the ferry file", "expect": {"ask": true}}\n'
    )
    (folder / "conversations.jsonl").write_text("")
    monkeypatch.setattr(export, "ROOT", tmp_path)
    monkeypatch.setattr(export, "TUNABLE", ("ferry",))
    assert export.rows("ferry") == [
        ("detect_anomalies", "which sailings ran late in sailings.csv?", "ferry")
    ]
