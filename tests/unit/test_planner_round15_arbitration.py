"""Fifteenth round: the arbitration chosen on rule-unseen sets, and the selection mode that reads
them (`benchmarks/planner_loco.py --selection`, aggregates only)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
SELECTION = "fresh15,fresh18,fresh19,fresh20,fresh21"


def _loco() -> ModuleType:
    """benchmarks/planner_loco.py as a module (the scripts are not a package)."""
    path = REPO / "benchmarks" / "planner_loco.py"
    spec = importlib.util.spec_from_file_location("planner_loco_round15", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_selection_set_is_the_five_rule_unseen_validation_sets() -> None:
    loco = _loco()
    assert set(loco.SELECTION) == set(SELECTION.split(","))
    names = SELECTION.split(",")
    assert loco.refused(names, ["--selection"]) is None
    assert loco.refused(names, ["--selection", "--group", "--details", "d"]) is None
    # without the mode they stay refused, as every frozen set is
    for name in names:
        assert "frozen or validation" in loco.refused([name], [])


@pytest.mark.parametrize("flag", ["-v", "--only"])
def test_the_selection_mode_refuses_flags_that_name_goals(flag: str) -> None:
    loco = _loco()
    why = loco.refused(["fresh18"], ["--selection", flag])
    assert why is not None and flag in why


@pytest.mark.parametrize("name", ["heldout", "heldout13", "dev", "fresh22", "fresh30"])
def test_the_selection_mode_refuses_every_other_corpus(name: str) -> None:
    why = _loco().refused(["fresh15", name], ["--selection"])
    assert why is not None and name in why and "selection set" in why


def test_the_script_refuses_before_reading_any_corpus(tmp_path: Path) -> None:
    # an --only file that does not exist: the refusal comes before it would be read
    for extra in (["-v"], ["--only", str(tmp_path / "absent.txt")]):
        done = subprocess.run(
            [sys.executable, "benchmarks/planner_loco.py", SELECTION, "--selection", *extra],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 1 and "aggregates only" in done.stderr
    done = subprocess.run(
        [sys.executable, "benchmarks/planner_loco.py", "heldout13", "--selection"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "not in the selection set" in done.stderr
