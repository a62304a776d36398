"""Review leftovers, twentieth round: the goal's words without file names computed once per
plan's grounding, one word-form test (`references.same_form`), shared training and 'against'
words (`agents/patterns.py`), public hand-label shapes (`agents/hand_labels.py`).

Behaviour-preserving refactors: `benchmarks/plan_time.py --dump/--diff` showed no plan of the
tunable corpora changing; these tests pin the structure so the duplication does not come back.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from agents import grounding
from agents import patterns as rx
from agents.plan import Planning
from settings import get_settings


@pytest.fixture
def ws() -> Path:
    """A workspace with a table of ferry crossings and a later batch without the outcome."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    rows = [
        f"C{i:03d},{'north' if i % 2 else 'south'},{20 + i % 7},{'late' if i % 3 else 'on_time'}"
        for i in range(40)
    ]
    (root / "crossings.csv").write_text(
        "crossing_id,route,passengers,arrival\n" + "\n".join(rows) + "\n"
    )
    return root


# -- the goal without file names, once per grounding ------------------------------------------


def test_grounding_strips_the_goals_file_names_once(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = "train a model on crossings.csv to predict arrival, then look at crossings.csv"
    calls: list[str] = []
    strip = grounding._without_files

    def counted(text: str) -> str:
        calls.append(text)
        return strip(text)

    monkeypatch.setattr(grounding, "_without_files", counted)
    p = Planning(memory={}, goal=goal)
    p.add("train_model", {"dataset": "crossings.csv"}, why="")
    p.add("inspect_dataset", {"dataset": "crossings.csv"}, why="")
    p.add("predict", {"dataset": "crossings.csv", "model": "${steps.0.model_path}"}, why="")
    grounding.ground_plan(p, goal)
    assert p.steps[0].args["label_column"] == "arrival"
    assert calls.count(goal) == 1
    assert len(calls) == 1  # no step strips it again, nor its stripped form


def test_stripping_file_names_twice_changes_nothing() -> None:
    """Helpers given the stripped goal no longer strip it again: the strip is idempotent."""
    pieces = ["a", "b.csv", ".csv", "x.json", "-", "/", ".", " ", "d/e.tsv", "csv", "_", "1", ","]
    rng = random.Random(20)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        once = grounding._without_files(text)
        assert grounding._without_files(once) == once, text


# -- one word-form test ------------------------------------------------------------------------


def test_word_forms_are_decided_in_one_place() -> None:
    from agents import references

    assert not hasattr(grounding, "_same_word")
    assert grounding.same_form is references.same_form
    assert references.same_form("topics", "topic")
    assert references.same_form("scout", "scouting")
    assert not references.same_form("lab", "label")  # a short word only matches itself
    assert not references.same_form("crossing", "crossings_archive")  # over 3 letters more
    assert not references.same_form("feedbak", "feedback")  # no typos: that is `same_word`
    assert references.same_word("feedbak", "feedback")


# -- shared training and 'against' words -------------------------------------------------------


def test_the_training_and_against_words_are_one_constant() -> None:
    from agents import arguments, planner, references

    assert rx.TRAIN_VERB in arguments.TRAIN_ON_RE
    assert rx.TRAIN_VERB in planner.TRAINED_ON_SAID
    assert rx.LEARNT_FROM in planner.TRAINED_ON_SAID
    assert rx.LEARNT_FROM in planner.RETRAIN_ON_RE
    assert rx.MEASURED_AGAINST in references.AGAINST
    source = Path(arguments.__file__).read_text()
    assert "train\\w*|fit\\w*" not in source


def test_the_shared_training_words_read_as_the_former_pattern() -> None:
    """TRAINED_ON_SAID's verbs were spelt in another order, 'build\\w*' beside 'build'."""
    from agents import planner

    former = re.compile(
        r"\b(?:train\w*|learn\w*|fit\w*|built|build\w*|base\w*)\b[^.;?!]{0,30}?"
        r"\b(?:on|from|with|using|off)\s+(?:the\s+)?",
        re.I,
    )
    shared = re.compile(planner.TRAINED_ON_SAID, re.I)
    words = "train trained built build building based fit fitting learn on off from with using the"
    pieces = [*words.split(), " ", ".", "x", "?", "s"]
    rng = random.Random(20)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(8))
        spans = [(m.span(), m.group()) for m in former.finditer(text)]
        assert spans == [(m.span(), m.group()) for m in shared.finditer(text)], text


# -- hand-label shapes, public --------------------------------------------------------------------


def test_hand_label_shapes_are_public_and_read_where_used(ws: Path) -> None:
    from agents import hand_labels

    for private in ("_table", "_labels_shaped", "_only_labels", "_shares_key", "_labeled_by"):
        assert not hasattr(grounding, private), private
    agents_dir = Path(grounding.__file__).parent
    for module in agents_dir.glob("*.py"):
        source = module.read_text()
        assert "from agents.grounding import _table" not in source, module
        assert "_labels_shaped, _only_labels" not in source, module
    rows = [f"C{i:03d},{'yes' if i % 2 else 'no'}" for i in range(10)]
    (ws / "crossing_checks.csv").write_text("crossing_id,delayed\n" + "\n".join(rows) + "\n")
    checks = hand_labels.table_profile("crossing_checks.csv")
    crossings = hand_labels.table_profile("crossings.csv")
    assert checks is not None and crossings is not None
    assert hand_labels.only_labels(checks) and not hand_labels.only_labels(crossings)
    assert hand_labels.shares_key(checks, crossings)
    assert hand_labels.labels_shaped(checks, crossings)
    assert not hand_labels.labels_shaped(crossings, checks)
    files = grounding.workspace_files()
    assert hand_labels.labeled_by("crossing_checks.csv", checks, files) == ["crossings.csv"]
    assert hand_labels.table_profile("${steps.0.output}") is None
