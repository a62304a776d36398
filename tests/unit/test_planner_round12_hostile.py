"""Round 12: hostile goals and workspaces against the planner's file-naming paths (described,
time-relative, held-out and 'the docs' files) resolve only inside the workspace: `..`, absolute
paths, links leading out, NUL bytes, lone surrogates, huge numbers and very long text (invented
apiary tables and wording)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.grounding import workspace_files
from agents.planner import MAX_GOAL_CHARS, plan_goal
from agents.references import by_time, time_said, timed_file, written_on
from errors import BadInput, Forbidden, ForgeflowError
from graphs.workflows import call_tool
from settings import get_settings
from tools.base import ToolContext

SECRET = "queen-code-7781"
"""A marker only the files outside the workspace hold: never in a plan, a question or an output."""
LINKS = ("apiary_visits_2025.csv", "swarm_export.csv", "docs/smoker_guide.md")
"""Links in the workspace that lead out: never listed, chosen, dated or read."""


def _visits(seed: int, marker: str = "") -> pd.DataFrame:
    rows = 80
    return pd.DataFrame(
        {
            "visit_id": [f"V{seed}-{i}" for i in range(rows)],
            "note": [f"calm colony, frames {i % 9} {marker}".strip() for i in range(rows)],
            "frames_brood": [(i * 5 + seed) % 9 for i in range(rows)],
            "queen_seen": [["yes", "no"][(i + seed) % 2] for i in range(rows)],
        }
    )


def _age(path: Path, days: float) -> None:
    stamp = time.time() - days * 86400
    os.utime(path, (stamp, stamp), follow_symlinks=False)


@pytest.fixture
def ws(home: Path) -> Path:
    """Apiary visits of two seasons and an old swarm export in the workspace, written weeks ago;
    beside them (in `home/outside`, reachable as `../outside`) a 2025 season, a newer swarm
    export and a guide holding SECRET, linked into the workspace under names the goals describe.
    """
    root = get_settings().workspace
    (root / "docs").mkdir(parents=True, exist_ok=True)
    _visits(1).to_csv(root / "apiary_visits.csv", index=False)
    _visits(2).to_csv(root / "apiary_visits_2024.csv", index=False)
    _visits(3).to_csv(root / "swarm_export_old.csv", index=False)
    manual = "Lift the frames slowly and keep the smoker lit while the colony settles. " * 4
    (root / "docs" / "hive_manual.md").write_text(f"# Hive manual\n\n{manual}\n")
    for path in (*root.glob("*.csv"), root / "docs" / "hive_manual.md"):
        _age(path, 40)
    outside = home / "outside"
    outside.mkdir()
    _visits(4, SECRET).to_csv(outside / "apiary_visits_2025.csv", index=False)
    _visits(5, SECRET).to_csv(outside / "swarm_export.csv", index=False)
    (outside / "smoker_guide.md").write_text(f"# Smoker guide\n\nThe code is {SECRET}. " * 9)
    for name in LINKS:
        (root / name).symlink_to(outside / name.rsplit("/", 1)[-1])
    return root


def _said(plan: Any) -> str:
    """Everything a plan says: its steps' arguments, its question, answer and notes."""
    return repr(([(s.tool, s.args) for s in plan.steps], plan.question, plan.answer, plan.notes))


def _run(step: Any) -> Any:
    return call_tool(step.tool, step.args, ToolContext())


def _nothing_outside(plan: Any) -> None:
    said = _said(plan)
    for name in LINKS:
        assert name not in said, said
    assert SECRET not in said and "outside" not in said, said


# ----- the listing every file-naming path starts from -------------------------------------------
def test_links_leading_out_are_never_listed_for_the_planner(ws: Path) -> None:
    listed = workspace_files()
    assert "apiary_visits_2024.csv" in listed and "docs/hive_manual.md" in listed
    for name in LINKS:
        assert name not in listed
    # a link that stays inside is a file like any other
    (ws / "visits_alias.csv").symlink_to(ws / "apiary_visits.csv")
    assert "visits_alias.csv" in workspace_files()


def test_a_name_that_is_no_valid_text_is_never_listed_or_chosen(ws: Path) -> None:
    bad = os.path.join(os.fsencode(ws), b"apiary_visits_\xff\xfe.csv")
    with open(bad, "w") as handle:  # the newest file, and its name says 'apiary visits'
        handle.write(_visits(6).to_csv(index=False))
    listed = workspace_files()
    assert all(name.isascii() for name in listed), listed
    plan = plan_goal("preview the newest apiary visits file")
    said = _said(plan)
    assert "\\udc" not in said and "\udcff" not in said, said
    assert "apiary_visits" in said  # one of the real visits tables, or a question naming them


# ----- files described by their time ---------------------------------------------------------
@pytest.mark.parametrize(
    "goal",
    [
        "show me the newest swarm export",  # the link is the newest by its target's time
        "preview the latest export",
        "what columns does today's export have?",
        "preview the most recent table",
        "look at the swarm export from this week",
    ],
)
def test_time_words_never_pick_a_link_leading_out(ws: Path, goal: str) -> None:
    plan = plan_goal(goal)
    _nothing_outside(plan)
    assert plan.steps or plan.question or plan.answer, goal  # planned, not dropped
    for step in plan.steps:
        if step.tool in ("preview_rows", "inspect_dataset"):
            assert SECRET not in repr(_run(step))  # the chosen file is read inside


def test_the_time_of_a_link_leading_out_is_never_read(ws: Path) -> None:
    assert written_on("swarm_export.csv") == "date unknown"
    assert written_on("../outside/swarm_export.csv") == "date unknown"
    assert written_on("/etc/hostname") == "date unknown"
    match = time_said("preview the newest export")
    assert match is not None
    # handed a link by a caller anyway, the link has no time: the file inside is not outranked
    assert by_time(match, ["swarm_export_old.csv", "swarm_export.csv"]) == [
        "swarm_export_old.csv",
        "swarm_export.csv",
    ]
    timed = timed_file("preview the newest export", workspace_files(), [])
    assert timed is not None and not set(timed[0]) & set(LINKS), timed


# ----- 'the docs', documents by description ---------------------------------------------------
@pytest.mark.parametrize(
    "goal",
    [
        "turn all my documents into a question-answer set",
        "chunk the docs for a Q&A set",
        "make practice questions from the smoker guide",
        "write questions from the newest document",
    ],
)
def test_documents_are_only_those_inside(ws: Path, goal: str) -> None:
    plan = plan_goal(goal)
    _nothing_outside(plan)
    chunking = [s for s in plan.steps if s.tool == "chunk_documents"]
    for step in chunking:
        result = _run(step)
        assert SECRET not in repr(result)


# ----- held-out tables said in words ----------------------------------------------------------
@pytest.mark.parametrize(
    "goal",
    [
        "train on apiary_visits.csv to predict queen_seen and check it on the 2025 file",
        "learn queen_seen from apiary_visits.csv, then see how it does on the newest visits",
        "predict queen_seen from apiary_visits.csv; hold the 2025 sheet out for testing",
    ],
)
def test_a_described_test_table_is_never_a_link_leading_out(ws: Path, goal: str) -> None:
    plan = plan_goal(goal)
    _nothing_outside(plan)


def test_a_thread_follow_up_never_tests_on_a_link_leading_out(ws: Path) -> None:
    memory = {"model": "models/queen_mlp", "dataset": "apiary_visits.csv"}
    _nothing_outside(plan_goal("now check it on the 2025 file", memory))
    # a thread whose table is itself outside (a hostile memory) reads nothing from it
    memory = {"model": "models/queen_mlp", "dataset": "../outside/apiary_visits_2025.csv"}
    plan = plan_goal("now check it on the 2024 file", memory)
    assert SECRET not in _said(plan)


# ----- paths said outright: '..', absolute paths, NUL bytes, names too long ------------------------
@pytest.mark.parametrize(
    "named",
    [
        "../outside/apiary_visits_2025.csv",
        "docs/../../outside/apiary_visits_2025.csv",
        "apiary_visits_2025.csv",  # the link, named by its own name
    ],
)
def test_a_path_leading_out_is_refused_when_the_step_runs(ws: Path, named: str) -> None:
    for goal in (
        f"train on apiary_visits.csv to predict queen_seen and check it on {named}",
        f"preview {named}",
    ):
        plan = plan_goal(goal)
        assert SECRET not in _said(plan)
        if "/" in named:  # a path said outright: refused at once, with the hint (round 13)
            assert not plan.steps and "outside the workspace" in str(plan.answer)
            continue
        reading = [s for s in plan.steps if named in repr(s.args)]
        assert reading, _said(plan)  # the person's own words are kept, and the tool refuses
        for step in reading:
            with pytest.raises(Forbidden) as err:
                _run(step)
            assert err.value.code == "path_outside_workspace"


@pytest.mark.parametrize(
    "goal",
    [
        "train on apiary_visits.csv to predict queen_seen and check it on /etc/passwd",
        "train on apiary_visits.csv to predict queen_seen and check it on /etc/hosts.csv",
        "preview the apiary visits file in /etc",
        "show me the newest file in ~/",
    ],
)
def test_absolute_paths_name_nothing_outside(ws: Path, goal: str) -> None:
    plan = plan_goal(goal)
    if plan.answer and "is outside the workspace" in plan.answer:  # refused at once (round 13)
        assert not plan.steps and SECRET not in _said(plan)
        return
    _nothing_outside(plan)
    for step in plan.steps:
        for value in step.args.values():
            assert not str(value).startswith(("/", "~")), step.args


@pytest.mark.parametrize(
    "goal",
    [
        "train on apiary_visits.csv to predict queen_seen and check it on the 2024\x00 file",
        "preview the newest\x00 export",
        "preview apiary_visits_2024.csv\x00../outside/swarm_export.csv",
    ],
)
def test_nul_bytes_reach_no_path_that_is_read(ws: Path, goal: str) -> None:
    plan = plan_goal(goal)
    _nothing_outside(plan)
    assert plan.steps or plan.question or plan.answer, goal  # planned, not dropped
    for step in plan.steps:
        if "\x00" in repr(step.args) or "\\x00" in repr(step.args):
            with pytest.raises(ForgeflowError):
                _run(step)


def test_a_name_too_long_for_the_os_is_a_clear_refusal(ws: Path) -> None:
    for name in ("v" * 300 + ".csv", "docs/" + "v" * 300 + ".csv"):
        plan = plan_goal(f"preview {name}")
        reading = [s for s in plan.steps if name in repr(s.args)]
        assert reading or "no file named" in str(plan.answer or plan.question), _said(plan)
        for step in reading:
            with pytest.raises(ForgeflowError) as err:  # a 4xx that says so, never an OSError
                _run(step)
            assert err.value.status_code < 500
            assert err.value.code in ("path_too_long", "not_found"), err.value.code


# ----- lone surrogates, huge numbers, very long text ---------------------------------------------
@pytest.mark.parametrize(
    "goal",
    [
        "train on apiary_visits.csv to predict queen_seen and check it on the \ud800 file",
        "preview the apiary visits file from \udfff yesterday",
        "chunk the d\ud800ocs",
    ],
)
def test_a_lone_surrogate_is_bad_input_before_any_file_is_named(ws: Path, goal: str) -> None:
    with pytest.raises(BadInput) as err:
        plan_goal(goal)
    assert err.value.code == "invalid_value"


@pytest.mark.parametrize(
    "said",
    [
        "the 9223372036854775808 file",
        "the 2**63 file",
        "the year 99999999999999999999999 data",
        "the file from 9223372036854775807 days ago",
        "the -9223372036854775809 sheet",
    ],
)
def test_huge_numbers_in_descriptions_name_nothing_outside(ws: Path, said: str) -> None:
    plan = plan_goal(f"train on apiary_visits.csv to predict queen_seen and check it on {said}")
    _nothing_outside(plan)
    tests = [s.args.get("test_dataset") for s in plan.steps if s.args.get("test_dataset")]
    assert all(t in workspace_files() for t in tests), tests
    plan = plan_goal(f"preview {said}")
    _nothing_outside(plan)


def test_a_huge_number_in_a_workspace_name_is_matched_as_text(ws: Path) -> None:
    _visits(7).to_csv(ws / "apiary_visits_9223372036854775808.csv", index=False)
    plan = plan_goal(
        "train on apiary_visits.csv to predict queen_seen and check it on the "
        "9223372036854775808 file"
    )
    assert plan.steps and plan.steps[0].args.get("test_dataset") == (
        "apiary_visits_9223372036854775808.csv"
    ), _said(plan)


def test_a_huge_number_names_a_file_only_exactly(ws: Path) -> None:
    # its neighbour is another file, however long the number (no near-spelling of digits)
    _visits(8).to_csv(ws / "apiary_visits_9223372036854775807.csv", index=False)
    for goal in (
        "preview the 9223372036854775808 visits",
        "train on apiary_visits.csv to predict queen_seen and check it on the "
        "9223372036854775808 file",
    ):
        assert "9223372036854775807" not in _said(plan_goal(goal)), goal
    plan = plan_goal("preview the 9223372036854775807 visits")
    assert plan.steps and plan.steps[0].args.get("dataset") == (
        "apiary_visits_9223372036854775807.csv"
    ), _said(plan)


@pytest.mark.parametrize(
    "goal",
    [
        "preview the " + "newest " * 600 + "export",
        "train on apiary_visits.csv to predict queen_seen and check it on the "
        + "x" * 5000
        + " file",
        "chunk " + "all the docs and " * 300,
        "check it on the " + "../" * 900 + "outside/swarm_export.csv",
    ],
)
def test_very_long_goals_are_cut_and_name_nothing_outside(ws: Path, goal: str) -> None:
    plan = plan_goal(goal)
    _nothing_outside(plan)
    assert any("characters were read" in n for n in plan.notes)
    assert len(goal) > MAX_GOAL_CHARS
