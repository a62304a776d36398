"""benchmarks/planner_compare.py: gained / lost counts, and ids refused for frozen corpora."""

from __future__ import annotations

import gzip
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks/planner_compare.py"


def _module() -> Any:
    spec = importlib.util.spec_from_file_location("planner_compare", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _result(corpus: str, flags: dict[str, tuple[bool, bool]]) -> dict[str, Any]:
    details = [
        {"id": gid, "turn": 0, "routed": routed, "success": success}
        for gid, (routed, success) in flags.items()
    ]
    return {
        "corpus": f"benchmarks/goals/{corpus}",
        "turns": len(details),
        "routing_accuracy": 0.5,
        "argument_accuracy": 1.0,
        "turn_success": 0.5,
        "details": details,
    }


def test_counts_turns_gained_and_lost_over_the_shared_turns() -> None:
    before = _result("fresh9", {"a": (True, True), "b": (False, False), "c": (True, False)})
    after = _result("fresh9", {"a": (True, False), "b": (True, True), "c": (True, True)})
    rows = _module().compare(before, after)
    assert rows["routed"]["before"] == 2 and rows["routed"]["after"] == 3
    assert rows["routed"]["gained"] == ["b#0"] and rows["routed"]["lost"] == []
    assert rows["success"]["gained"] == ["b#0", "c#0"] and rows["success"]["lost"] == ["a#0"]
    # without an equivalent score in the saved turns, the strict one stands in
    assert rows["success_equivalent"]["lost"] == ["a#0"]


def test_ids_are_refused_for_a_frozen_corpus_but_counts_are_printed(tmp_path: Path) -> None:
    before, after = tmp_path / "b.json.gz", tmp_path / "a.json"
    before.write_bytes(
        gzip.compress(json.dumps(_result("heldout3", {"x": (False, False)})).encode())
    )
    after.write_text(json.dumps(_result("heldout3", {"x": (True, True)})))
    counts = subprocess.run(
        [sys.executable, str(SCRIPT), str(before), str(after)], capture_output=True, text=True
    )
    assert counts.returncode == 0 and "routed: 0 -> 1 of 1 (+1/-0)" in counts.stdout
    assert "x#0" not in counts.stdout
    named = subprocess.run(
        [sys.executable, str(SCRIPT), str(before), str(after), "--ids"],
        capture_output=True,
        text=True,
    )
    assert named.returncode == 2 and "refused" in named.stderr and "x#0" not in named.stdout
