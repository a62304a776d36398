"""Round 17: hostile goals and workspaces against the planner's file readers (rules files named
or described, tables and documents per clause, profiles): paths leading out, links out and to
themselves, NUL bytes, lone surrogates, huge numbers, long names, files that are no rules, bad
bytes, deep nesting, folders named like files; wording that backtracked; review leftovers
(invented kayak-rental tables and wording)."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents import arguments
from agents.arguments import holds_rules, rules_meant
from agents.columns import feature_roles
from agents.grounding import workspace_files
from agents.planner import plan_goal
from agents.references import described_input, documents_beside_named
from agents.rules import SEGMENT_RULE, parse_rules
from errors import BadInput, ForgeflowError
from settings import get_settings
from store.workspace import is_workspace_file
from tests.utils.planning import calls_to

SECRET = "paddle-vault-4417"
"""Only the files outside the workspace hold it: never in a plan, a question or a note."""

RULES = [
    {"name": "flip", "label": "capsized", "kind": "keyword", "keywords": ["flipped", "tipped"]},
    {"name": "dry", "label": "fine", "kind": "keyword", "keywords": ["dry", "calm"]},
]


@pytest.fixture
def ws(home: Path) -> Path:
    """Kayak returns and one rules file in the workspace; beside it (`home/outside`) rules and
    returns holding SECRET, linked in under names the goals say; hostile files of every kind.
    """
    root = get_settings().workspace
    (root / "rules").mkdir(parents=True, exist_ok=True)
    rows = 40
    pd.DataFrame(
        {
            "return_id": [f"R{i}" for i in range(rows)],
            "note": [["hull dry, calm trip", "flipped near the weir"][i % 2] for i in range(rows)],
            "damaged": [["yes", "no"][i % 2] for i in range(rows)],
        }
    ).to_csv(root / "kayak_returns.csv", index=False)
    (root / "rules" / "paddle_rules.json").write_text(json.dumps(RULES))
    (root / "fleet_config.json").write_text(json.dumps({"rules": "none", "boats": 12}))
    (root / "nested_rules.json").write_text("[" * 100_000 + "]" * 100_000)
    (root / "broken_rules.json").write_bytes(b'[{"label": "\xff\xfe", "kind": "keyword"}]')
    (root / "broken_returns.csv").write_bytes(b"return_id,note\n" + b"R1,\xff\xfe wet\n" * 30)
    (root / "hull_rules.json").mkdir()  # a folder named like a rules file
    (root / "hull_returns.csv").mkdir()  # and like a table
    outside = home / "outside"
    outside.mkdir()
    leaked = [{"label": SECRET, "kind": "keyword", "keywords": [SECRET]}]
    (outside / "river_rules.json").write_text(json.dumps(leaked))
    (outside / "x.json").write_text(json.dumps(leaked))
    (outside / "river_returns.csv").write_text(
        "return_id,note,damaged\n" + "".join(f"R{i},{SECRET},{SECRET}\n" for i in range(30))
    )
    (root / "rules" / "river_rules.json").symlink_to(outside / "river_rules.json")
    (root / "river_returns.csv").symlink_to(outside / "river_returns.csv")
    (root / "loop_rules.json").symlink_to(root / "loop_rules.json")  # a link to itself
    (root / "loop_returns.csv").symlink_to(root / "loop_returns.csv")
    return root


@pytest.fixture
def reads_outside(home: Path) -> Iterator[list[str]]:
    """Every file opened or folder listed under `home/outside` while the test runs."""
    seen: list[str] = []
    outside = str(home / "outside")
    active = [True]

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if active[0] and event in ("open", "os.listdir", "os.scandir") and args:
            path = args[0]
            if isinstance(path, str | bytes | os.PathLike):
                text = os.fsdecode(path)
                if text.startswith(outside):
                    seen.append(text)

    sys.addaudithook(hook)  # hooks cannot be removed: switched off after the test instead
    yield seen
    active[0] = False


def _said(plan: Any) -> str:
    return repr(([(s.tool, s.args) for s in plan.steps], plan.question, plan.answer, plan.notes))


def _planned(goal: str) -> str:
    """The plan said, or the 4xx's code; anything else (a 500) fails the test."""
    try:
        plan = plan_goal(goal)
    except ForgeflowError as exc:
        assert exc.status < 500, exc
        return exc.code
    assert plan.steps or plan.question or plan.answer, goal
    return _said(plan)


HOSTILE_GOALS = [
    "vote kayak_returns.csv with the rules in ../x.json",
    "vote kayak_returns.csv with the rules in /etc/passwd",
    "label kayak_returns.csv with the rules in ~root/x.csv",
    "vote kayak_returns.csv with the rules in rules/../../outside/x.json",
    "vote kayak_returns.csv with our river rules file",
    "run the river rules over kayak_returns.csv",
    "we keep rules in rules/river_rules.json. Vote kayak_returns.csv with them",
    "train it on the river returns, then evaluate it on the kayak returns",
    "vote kayak_returns.csv with the rules in loop_rules.json",
    "vote kayak_returns.csv with our loop rules file",
    "train it on the loop returns, then evaluate it on the kayak returns",
    "inspect hull_returns.csv",
    "vote kayak_returns.csv with the rules in hull_rules.json",
    "vote kayak_returns.csv with our hull rules file",
    "vote kayak_returns.csv with the rules in fleet_config.json",
    "vote kayak_returns.csv with the fleet rules",
    "vote kayak_returns.csv with the rules in nested_rules.json",
    "vote kayak_returns.csv with the nested rules",
    "vote kayak_returns.csv with the broken rules",
    "train it on the broken returns, then evaluate it on the kayak returns",
    "vote kayak_returns.csv with the rules in a\x00b.json",
    "train a model on kayak_returns\x00.csv to predict damaged",
    "train it on the season 9223372036854775808 returns, then test it on the kayak returns",
    "label 9223372036854775808 rows of kayak_returns.csv with the paddle rules",
    "vote kayak_returns.csv with the rules in " + "k" * 10_000 + ".json",
    "vote kayak_returns.csv with our " + "k" * 10_000 + " rules file",
    "train it on the " + "k" * 10_000 + " returns, then evaluate it on the kayak returns",
]


@pytest.mark.parametrize("goal", HOSTILE_GOALS, ids=range(len(HOSTILE_GOALS)))
def test_hostile_goals_plan_or_ask_and_read_nothing_outside(
    ws: Path, reads_outside: list[str], goal: str
) -> None:
    said = _planned(goal)
    assert SECRET not in said
    assert reads_outside == []


def test_a_lone_surrogate_in_a_rules_goal_is_a_400(ws: Path) -> None:
    with pytest.raises(BadInput) as caught:
        plan_goal("vote kayak_returns.csv with the \ud800 rules")
    assert caught.value.code == "invalid_value"


def test_a_link_to_itself_in_the_workspace_breaks_no_goal(ws: Path) -> None:
    # scandir's is_file raised ELOOP here: every goal was a 500
    listed = workspace_files()
    assert "kayak_returns.csv" in listed
    assert not {"loop_rules.json", "loop_returns.csv", "river_returns.csv"} & set(listed)
    assert "train_model" in _planned("train a model on kayak_returns.csv to predict damaged")


def test_a_missing_file_suggests_only_files_the_resolver_accepts(ws: Path) -> None:
    # the suggestions came from an unchecked listing: a looping link was a 500 (RuntimeError)
    # and a link leading out was offered as a name to use
    answer = plan_goal("inspect river_return.csv").answer or ""
    assert "river_returns.csv" not in answer
    answer = plan_goal("inspect loop_return.csv").answer or ""
    assert "loop_returns.csv" not in answer and "There is no file named" in answer


def test_rules_readers_take_no_rules_from_odd_files(ws: Path) -> None:
    for name in (
        "fleet_config.json",
        "nested_rules.json",
        "broken_rules.json",
        "hull_rules.json",
        "loop_rules.json",
        "rules/river_rules.json",
        "../outside/x.json",
        "k" * 10_000 + ".json",
    ):
        assert holds_rules(name) is False, name
    assert holds_rules("rules/paddle_rules.json") is True
    assert rules_meant("vote it with our paddle rules file") == "rules/paddle_rules.json"
    assert rules_meant("vote it with our river rules file") is None


def test_one_helper_says_whether_a_workspace_file_is_there(ws: Path) -> None:
    assert is_workspace_file("kayak_returns.csv")
    for name in ("hull_returns.csv", "loop_rules.json", "river_returns.csv", "../outside/x.json"):
        assert not is_workspace_file(name), name
    assert not is_workspace_file("a\x00b.csv") and not is_workspace_file("k" * 10_000)


def test_rules_files_are_read_once_while_unchanged(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = calls_to(monkeypatch, arguments, "_reads_as_rules")
    for _ in range(3):
        assert rules_meant("vote it with our paddle rules file") == "rules/paddle_rules.json"
    first = len(reads)
    assert first and all(reads.count(p) == 1 for p in reads)
    path = ws / "rules" / "paddle_rules.json"
    path.write_text(json.dumps(RULES[:1]))  # another size: read again
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert holds_rules("rules/paddle_rules.json") is True
    assert len(reads) == first + 1


def _quick(call: Any, limit: float = 1.0) -> Any:
    start = time.perf_counter()
    out = call()
    assert time.perf_counter() - start < limit
    return out


def test_a_run_of_ands_in_a_list_of_columns_does_not_backtrack() -> None:
    profile = {"names": ["note", "damaged"], "columns": []}
    # 16 'and's took 0.6 s, each one more doubled it
    _quick(lambda: feature_roles("vote   with " + "  and  " * 60, profile))
    _quick(lambda: feature_roles("a ,  and  " * 200, profile))
    profile = {
        "names": ["hull", "paddle", "note"],
        "columns": [{"name": n, "text_like": n == "note"} for n in ("hull", "paddle", "note")],
    }
    roles = feature_roles("treat hull and paddle as categoricals", profile)
    assert roles == {"categorical_columns": ["hull", "paddle"]}


def test_keyword_rules_said_with_many_ors_do_not_backtrack() -> None:
    # 80 characters of 'a or a or ...' with no label took 30 s
    for unit in ("a or ", "or or ", "a  or  ", "x / ", "a ,  or  ", "a ,   "):
        _quick(lambda unit=unit: SEGMENT_RULE.match((unit * 400)[:2000]))
    _quick(lambda: parse_rules("rules: " + "wet or " * 280))
    match = SEGMENT_RULE.match("flipped, tipped or rolled -> capsized")
    assert match and match.group(2) == "capsized"
    rules = parse_rules("label rules: flipped or tipped is capsized; dry, calm or smooth is fine")
    assert [(r["label"], r["keywords"]) for r in rules] == [
        ("capsized", ["flipped", "tipped"]),
        ("fine", ["dry", "calm", "smooth"]),
    ]


@pytest.fixture
def manuals(home: Path) -> Path:
    root = get_settings().workspace
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "kayak_handbook.md").write_text("Paddle with care along the shore. " * 40)
    (root / "docs" / "rental_notes.md").write_text("Return the kayak by six. " * 40)
    return root


def test_a_document_is_marked_where_the_request_joins_it(manuals: Path) -> None:
    # the same words said first in a story sentence got the mark, and the request lost it
    goal = "ok so the rental notes are long. Make qa pairs from the kayak handbook and the rental notes"
    marked, notes, _ = described_input(goal, workspace_files())
    story, request = marked.split(". ", 1)
    assert "docs/rental_notes.md" not in story
    assert "docs/rental_notes.md" in request and "docs/kayak_handbook.md" in request
    plan = plan_goal(goal)
    assert plan.steps[0].args["paths"] == ["docs/kayak_handbook.md", "docs/rental_notes.md"]


def test_a_document_beside_a_named_one_is_marked_in_the_request(manuals: Path) -> None:
    goal = "the rental notes are old; qa from docs/kayak_handbook.md and the rental notes"
    marked, _ = documents_beside_named(goal, workspace_files())
    assert marked.count("docs/rental_notes.md") == 1
    assert marked.rindex("docs/rental_notes.md") > marked.index("docs/kayak_handbook.md")
