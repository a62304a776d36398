"""Hostile input, nineteenth round: one text bound, linear file-name and list patterns, bounded
column matching by meaning, real words kept by the typo fixer.

No timing asserts: a 200,000-character pathological string run through a pattern function
hung the suite (minutes to hours, quadratic) before the change and returns at once after it.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from agents import columns, heldout, meaning, options, references
from agents import patterns as rx
from agents.planner import MAX_GOAL_CHARS, bounded, plan_goal
from errors import BadInput
from settings import get_settings

HUGE = 200_000


@pytest.fixture
def ws() -> Path:
    """A workspace with one small table of kiln firings."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    rows = [
        f"K{i:02d},{'stoneware' if i % 2 else 'porcelain'},{1180 + i},{'cracked' if i % 3 else 'sound'}"
        for i in range(30)
    ]
    (root / "firings.csv").write_text(
        "kiln_id,clay_body,peak_temp,result\n" + "\n".join(rows) + "\n"
    )
    return root


def _pathological(unit: str, size: int = HUGE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# -- one text bound --------------------------------------------------------------------------


def test_the_planner_reads_one_bound_the_surfaces_share() -> None:
    from graphs import runner

    assert MAX_GOAL_CHARS == rx.MAX_TEXT and bounded is rx.bounded
    assert rx.MAX_TEXT < rx.MAX_SUBMITTED
    assert runner.MAX_SUBMITTED is rx.MAX_SUBMITTED  # the run manager refuses past the same


def test_a_goal_over_the_accepted_length_is_refused_naming_what_is_read(ws: Path) -> None:
    from graphs.runner import get_manager, reset_managers

    try:
        with pytest.raises(BadInput) as refused:
            get_manager().submit_goal("glaze the firings " * (rx.MAX_SUBMITTED // 10))
    finally:
        reset_managers()
    assert f"over {rx.MAX_SUBMITTED:,} characters" in refused.value.message
    assert f"first {rx.MAX_TEXT:,} characters" in refused.value.hint


def test_a_megabyte_goal_plans_from_its_head_and_says_it_was_cut(ws: Path) -> None:
    goal = "predict result from firings.csv. " + "q" * 1_000_000
    plan = plan_goal(goal)
    assert [s.tool for s in plan.steps] == ["train_model"]
    assert f"only the first {rx.MAX_TEXT:,} of {len(goal):,} characters were read" in plan.notes


# -- file names ------------------------------------------------------------------------------

OLD_FILE = r"[\w./-]+\.(?:csv\.gz|csv|tsv|parquet|jsonl|json|md|txt|pdf|html?|rst)"


def test_the_shared_file_name_pattern_reads_names_as_before() -> None:
    new = re.compile(rx.file_name(r"csv\.gz|csv|tsv|parquet|jsonl|json|md|txt|pdf|html?|rst"), re.I)
    old = re.compile(OLD_FILE, re.I)
    text = "merge glazes/2024-q3.v2.csv with ../kilns.json, see notes.md; not kiln.csvx or .csv"
    assert (
        new.findall(text)
        == old.findall(text)
        == [
            "glazes/2024-q3.v2.csv",
            "../kilns.json",
            "notes.md",
            "kiln.csv",
        ]
    )
    pieces = ["a", "b2", ".", "/", "-", "_", " ", ".csv", ".json", ".jsonl", ".gz", "csv", ",", "é"]
    rng = random.Random(19)
    for _ in range(3000):
        sample = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert new.findall(sample) == old.findall(sample), sample
        assert new.sub("#", sample) == old.sub("#", sample), sample


@pytest.mark.parametrize("unit", ["a", "a.", "a/", "a.b-", "in a."])
def test_file_name_readers_take_a_long_run_without_an_extension(unit: str) -> None:
    text = _pathological(unit)
    assert columns._FILE.sub(" ", text) == text
    assert meaning._FILES.sub(" ", text) == text
    assert references.FILE_NAME_RE.findall(text) == []
    assert re.compile(heldout._FILE, re.I).search(text) is None
    assert meaning.outcome_phrase(text) is None
    assert re.search(rx.file_name("csv|tsv") + r"\b", text + ".csv").group(0).endswith(".csv")


# -- lists of columns ------------------------------------------------------------------------

PROFILE = {
    "names": ["kiln_id", "clay_body", "peak_temp", "glaze", "result"],
    "columns": [
        {"name": n, "text_like": False, "dtype": "object", "id_like": n == "kiln_id"}
        for n in ["kiln_id", "clay_body", "peak_temp", "glaze", "result"]
    ],
}


def test_role_lists_are_read_as_before() -> None:
    said = "treat clay_body, glaze and 'peak_temp' as categoricals, result as the text"
    assert list(columns._lists_as_role(said)) == [
        ("clay_body, glaze and 'peak_temp'", "categorical"),
        ("result", "text"),
    ]
    assert columns.feature_roles(said, PROFILE)["categorical_columns"] == [
        "clay_body",
        "glaze",
        "peak_temp",
    ]
    forward = re.compile(
        rf"{columns._LIST}\s+(?:columns?\s+)?as\s+(?:the\s+|a\s+|an\s+)?{columns._ROLE}s?\b", re.I
    )
    pieces = ["a", "b", "x1", "and", "&", ",", " ", "as", "text", "numeric", "the", "'", "-"]
    pieces += ["columns", "plus", "an", "Text"]
    rng = random.Random(19)
    for _ in range(3000):
        sample = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(12))
        expected = [(m.group(1), m.group(2)) for m in forward.finditer(sample)]
        assert list(columns._lists_as_role(sample)) == expected, sample


def test_column_roles_are_read_as_before() -> None:
    said = "use clay_body, glaze and peak_temp as numeric features and kiln_id as the id"
    assert options.column_roles(said, PROFILE["names"]) == {
        "numeric_columns": ["clay_body", "glaze", "peak_temp"],
        "id_column": "kiln_id",
    }
    pieces = ["a", "b", "x1", "and", "&", "plus", ",", " ", "as", "text", "numeric", "id"]
    pieces += ["the", "features", "columns", "-", "ids", "Text"]
    rng = random.Random(19)
    for _ in range(3000):
        sample = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(12))
        expected = [(m.group(1), m.group(2)) for m in options.ROLE_RE.finditer(sample)]
        found = rx.lists_before(options.ROLE_AFTER, options.ROLE_BACK, sample)
        assert [(listed, m.group(1)) for listed, m in found] == expected, sample


@pytest.mark.parametrize("unit", ["a", "ab1", "glaze, ", "glaze and ", "'a', ", "a-", " "])
def test_list_readers_take_a_long_list_or_word(unit: str) -> None:
    text = _pathological(unit) + " as categoricals"
    columns.feature_roles(text, PROFILE)
    columns.feature_list(text, PROFILE)
    assert columns.stated_label(text, PROFILE) is None
    options.column_roles(text, PROFILE["names"])


# -- columns by meaning ----------------------------------------------------------------------


def _label_column(name: str) -> dict[str, object]:
    return {
        "name": name,
        "label_like": True,
        "id_like": False,
        "text_like": False,
        "top": {"yes": 3, "no": 2},
        "distinct": 2,
    }


def test_a_table_of_very_many_label_columns_is_not_embedded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from agents import semantic

    embedded: list[str] = []
    monkeypatch.setattr(semantic, "available", lambda: True)
    monkeypatch.setattr(semantic, "_embed_one", lambda text: embedded.append(text))
    many = [_label_column(f"defect_{i}") for i in range(meaning.MAX_CANDIDATES + 1)]
    assert meaning.similarities("which pots will crack", many) == []
    profile = {"columns": [*many, _label_column("needs_refire")]}
    assert meaning.meant_outcome(profile, "need firing again", scope="outcome") is None
    assert embedded == []


def test_a_very_long_column_name_is_described_by_its_head() -> None:
    text = meaning.describe(_label_column("glaze_" + "z" * 5000 + "_crazed"))
    assert text.startswith("glaze ") and len(text) <= meaning.MAX_NAME
    spelt = meaning._spelt_by("crazed glaze", [_label_column("q" * 5000 + "_crazed")])
    assert spelt == []  # the name's head holds no word of the phrase


# -- real words are no typos -----------------------------------------------------------------


def test_real_words_are_not_corrected_into_cue_words() -> None:
    from agents.intent import _dictionary, fix_typos

    if not _dictionary():
        pytest.skip("the packaged sentence model (the dictionary) is not installed")
    said = "a predictive model and a generative one; the mode the potter wrote down"
    assert fix_typos(said) == said
    assert fix_typos("trian a clasifier, writ the rules") == "train a classifier, write the rules"


# -- a scoring's pass mark -------------------------------------------------------------------

THREAD = {"qa_dataset": "qa/kiln_pairs", "last_tools": ["generate_qa"]}


@pytest.mark.parametrize(
    "goal",
    [
        "check the quality of those pairs; a pair needs at least 0.7 to stay",
        "score the pairs; only pairs that reach 0.7 are kept",
    ],
)
def test_a_bar_said_for_the_scored_pairs_binds_the_scoring(ws: Path, goal: str) -> None:
    plan = plan_goal(goal, dict(THREAD))
    assert [(s.tool, s.args.get("quality_threshold")) for s in plan.steps] == [("score_qa", 0.7)]
