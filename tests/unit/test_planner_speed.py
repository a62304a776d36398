"""Planning-step speed mechanisms: the shared regex compile cache and the header cache."""

from __future__ import annotations

import builtins
import os
import re
from pathlib import Path
from typing import Any

import pytest

from agents import patterns, references
from settings import get_settings
from tests.utils.planning import calls_to


def test_a_pattern_built_from_words_is_compiled_once() -> None:
    word = "zymurgy_batches"
    pattern = rf"\b{re.escape(word)}\b"
    before = patterns.compiled.cache_info()
    assert patterns.search(pattern, "count the ZYMURGY_BATCHES rows", re.I)
    assert patterns.search(pattern, "zymurgy_batches again", re.I)
    after = patterns.compiled.cache_info()
    assert after.misses - before.misses <= 1
    assert after.hits - before.hits >= 1
    assert patterns.compiled(pattern, re.I) is patterns.compiled(pattern, re.I)


def test_the_helpers_behave_like_re() -> None:
    text = "Kiln A: 40, kiln b: 7; KILN c: 12"
    assert patterns.findall(r"kiln (\w)", text, re.I) == re.findall(r"kiln (\w)", text, re.I)
    assert patterns.sub(r"\d+", "#", text, count=1) == re.sub(r"\d+", "#", text, count=1)
    assert patterns.sub(r"kiln", "oven", text, flags=re.I) == re.sub(
        r"kiln", "oven", text, flags=re.I
    )
    assert patterns.split(r"[,;]", text, maxsplit=1) == re.split(r"[,;]", text, maxsplit=1)
    assert patterns.match(r"kiln", text) is None
    assert patterns.fullmatch(r"\d+", "40")
    assert [m.group() for m in patterns.finditer(r"\d+", text)] == ["40", "7", "12"]
    compiled = re.compile(r"b:\s*(\d+)")
    found = patterns.search(compiled, text)
    assert found is not None and found.group(1) == "7"


def test_many_word_patterns_do_not_evict_the_constant_ones() -> None:
    constant = r"\bquern_(?:stone|wheel)s?\b"
    first = patterns.compiled(constant)
    for number in range(700):  # more than re's own 512-entry cache holds
        patterns.search(rf"\bglebe{number}\b", "glebe3 field")
    assert patterns.compiled(constant) is first


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths opened while a test runs."""
    seen: list[str] = []
    real_open = builtins.open

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    return seen


def test_an_unchanged_header_is_read_once(opened: list[str]) -> None:
    table: Path = get_settings().workspace / "orchard_yields.csv"
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_text("tree_row,apples_kg\n1,40\n")
    assert references._columns("orchard_yields.csv") == ["tree_row", "apples_kg"]
    assert references._columns("orchard_yields.csv") == ["tree_row", "apples_kg"]
    assert sum(p.endswith("orchard_yields.csv") for p in opened) == 1


def test_a_changed_header_is_read_again(opened: list[str]) -> None:
    table: Path = get_settings().workspace / "hive_checks.csv"
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_text("hive,queen_seen\nh1,yes\n")
    assert references._columns("hive_checks.csv") == ["hive", "queen_seen"]
    stat = table.stat()
    table.write_text("hive,mite_count,queen_seen\nh1,3,yes\n")
    os.utime(table, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert references._columns("hive_checks.csv") == ["hive", "mite_count", "queen_seen"]
    assert sum(p.endswith("hive_checks.csv") for p in opened) == 2


def test_the_cached_header_is_not_shared_with_callers() -> None:
    table: Path = get_settings().workspace / "loom_runs.jsonl"
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_text('{"loom": "l2", "warp_breaks": 1}\n')
    first = references._columns("loom_runs.jsonl")
    first.append("mutated")
    assert references._columns("loom_runs.jsonl") == ["loom", "warp_breaks"]


def test_a_named_workspace_file_needs_no_record_query(monkeypatch: pytest.MonkeyPatch) -> None:
    from agents.planner import Plan, PlanStep, _missing_input
    from store import datasets as dataset_store

    queried = calls_to(monkeypatch, dataset_store, "find_record")
    table: Path = get_settings().workspace / "quarry_shifts.csv"
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_text("shift,tonnes\nam,12\n")
    there = Plan(steps=[PlanStep(tool="inspect_dataset", args={"dataset": "quarry_shifts.csv"})])
    assert _missing_input(there, "look at quarry_shifts.csv") is None
    assert queried == []
    gone = Plan(steps=[PlanStep(tool="inspect_dataset", args={"dataset": "slate_runs.csv"})])
    assert _missing_input(gone, "look at slate_runs.csv") == "slate_runs.csv"
    assert queried == ["slate_runs.csv"]
