"""Round 21: routing (invented cidery files and wording): the router may not drop a step the
goal asks for in so many words, nor the one step that writes a format said; a pick among search
results ('the most popular one') is a download, not a trending listing."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import agents.planner as planner
from agents import router
from agents.plan import Plan, PlanStep
from agents.planner import _asked_outright, _format_only_dropped, _opening_verb, plan_goal
from settings import get_settings

ROWS = 40


@pytest.fixture
def cidery() -> Path:
    """A pressing log and a cellar handbook."""
    root = get_settings().workspace
    pd.DataFrame(
        {
            "pressing_id": [f"P{300 + i}" for i in range(ROWS)],
            "orchard": ["north", "river", "hill", "old"] * (ROWS // 4),
            "brix": [10 + (i * 3) % 9 for i in range(ROWS)],
            "press_minutes": [20 + (i * 7) % 40 for i in range(ROWS)],
            "cellar_note": [f"bruised fruit in crate {i % 6}" for i in range(ROWS)],
            "went_sour": ["no", "no", "no", "yes"] * (ROWS // 4),
        }
    ).to_csv(root / "pressings.csv", index=False)
    (root / "cellar_handbook.md").write_text(
        "# Racking\n\nRack the cider off the lees after three weeks, keeping the siphon above "
        "the sediment.\n\n# Sulphiting\n\nAdd campden tablets at one per gallon before the "
        "yeast is pitched, and wait a day.\n"
    )
    return root


def _tools(plan: Plan) -> list[str]:
    return [s.tool for s in plan.steps]


def _router_says(monkeypatch: pytest.MonkeyPatch, tools: tuple[str, ...], p: float) -> None:
    """The learned router, scripted: one sequence at probability p."""
    choice = router.Route(tools, p)
    monkeypatch.setattr(planner, "semantic_ready", lambda: True)
    monkeypatch.setattr(router, "route", lambda goal, state=None: choice)
    monkeypatch.setattr(router, "ranked", lambda goal, state=None: [choice])


# -- the opening verb of a clause --------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "verb"),
    [
        ("if so kindly download the top one", "download"),
        ("(b) separately, train a model for went_sour", "train"),
        ("Step 2: export the pairs", "export"),
        ("then, please predict pressings.csv", "predict"),
        ("Cellar model: predict went_sour", ""),
        ("could you fetch it", "could"),
        ("then train it", "train"),
        # a verb and one word before a comma is a setting said ('label y'), not a request
        ("label went_sour, 200 epochs", ""),
    ],
)
def test_the_opening_verb_is_read_past_leading_words(clause: str, verb: str) -> None:
    assert _opening_verb(clause) == verb


def test_a_hostile_clause_is_read_in_bounded_time() -> None:
    # at most six leading words and 200 characters are read: no verb found past them
    assert _opening_verb("then " * 20_000 + "train it") == "then"
    assert _opening_verb("(1) " * 5 + "x" * 50_000) == ""


# -- a step asked for outright is not dropped --------------------------------------------------


def test_a_step_whose_clause_opens_with_its_verb_is_asked_outright() -> None:
    steps = [
        PlanStep(tool="detect_anomalies", why="flag odd pressings in pressings.csv"),
        PlanStep(tool="train_model", why="(2) also train a model for went_sour"),
    ]
    assert _asked_outright(steps, ["detect_anomalies"])
    assert not _asked_outright(steps, ["detect_anomalies", "train_model"])


def test_a_step_read_from_other_words_may_still_be_dropped() -> None:
    steps = [
        PlanStep(tool="write_labeling_functions", why="mine rules for went_sour"),
        PlanStep(tool="apply_labeling_functions", why="keep the rule set as sour_rules.json"),
    ]
    assert not _asked_outright(steps, ["write_labeling_functions"])
    # an evaluation left out is its training's test file (the same measurement)
    tested = [PlanStep(tool="evaluate_model", why="evaluate it on pressings.csv")]
    assert not _asked_outright(tested, ["train_model"])


def test_the_router_does_not_drop_a_download_asked_for(
    cidery: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _router_says(monkeypatch, ("search_datasets",), 0.9)
    plan = plan_goal("Any cider fermentation data on Kaggle? If so please download the best one.")
    assert _tools(plan) == ["search_datasets", "download_dataset"], plan.answer
    assert plan.steps[1].args["dataset_id"] == "${steps.0.results.0.id}"


def test_the_router_still_drops_where_the_step_was_not_asked(
    cidery: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(planner, "KEEP_SAID_STEPS", False)
    _router_says(monkeypatch, ("search_datasets",), 0.9)
    plan = plan_goal("Any cider fermentation data on Kaggle? If so please download the best one.")
    assert _tools(plan) == ["search_datasets"]  # the knob off: the router's drop (as before)


# -- a format said keeps the step that writes it -----------------------------------------------


def test_a_format_said_keeps_its_writer() -> None:
    steps = [
        PlanStep(tool="chunk_documents"),
        PlanStep(tool="generate_qa"),
        PlanStep(tool="export_dataset", args={"format": "jsonl"}),
    ]
    wanted = ["chunk_documents", "generate_qa"]
    assert _format_only_dropped(steps, wanted, "pairs from the handbook, 4 a chunk, jsonl out")
    # a format only as a file's extension, or one a kept step writes itself, is no such word
    assert not _format_only_dropped(steps, wanted, "pairs from the handbook into qa.jsonl")
    assert not _format_only_dropped(steps, [*wanted, "save_table"], "pairs, jsonl out")
    assert not _format_only_dropped(steps, wanted, "pairs from the handbook, 4 a chunk")


def test_the_router_does_not_drop_the_export_of_a_format_said(
    cidery: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _router_says(monkeypatch, ("chunk_documents", "generate_qa"), 0.8)
    plan = plan_goal("cellar crew quiz from cellar_handbook.md: 2 questions per chunk, jsonl")
    assert _tools(plan) == ["chunk_documents", "generate_qa", "export_dataset"], plan.answer
    assert plan.steps[2].args["format"] == "jsonl"


# -- a pick among search results ---------------------------------------------------------------


def test_the_most_popular_one_of_a_search_is_downloaded(
    cidery: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(planner, "semantic_ready", lambda: False)  # the rules alone
    plan = plan_goal(
        "We'd like a public dataset on apple varieties to compare with. Find a few on Kaggle "
        "and fetch the most popular one."
    )
    # one search (the bare 'find a few on Kaggle' is the same search, its source said)
    assert _tools(plan) == ["search_datasets", "download_dataset"], plan.answer
    assert plan.steps[0].args["source"] == "kaggle"
    assert plan.steps[1].args["dataset_id"] == "${steps.0.results.0.id}"


def test_popular_on_its_own_still_lists_what_is_trending(
    cidery: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(planner, "semantic_ready", lambda: False)
    plan = plan_goal("what are the most popular datasets on Hugging Face this week?")
    assert _tools(plan) == ["trending_datasets"], plan.answer


# -- a training said before the save of a labeling's rows ----------------------------------------


@pytest.fixture
def tastings(cidery: Path) -> Path:
    """Tasting notes with a flaw column filled for a quarter of the rows."""
    notes = ["vinegar nose", "mousy finish", "clean and bright", "sulphur whiff"] * (ROWS // 4)
    flaws = ["acetic", "mousy", "none", "sulphur"] * (ROWS // 4)
    pd.DataFrame(
        {
            "tasting_id": [f"T{i}" for i in range(ROWS)],
            "note": notes,
            "flaw": [f if i % 4 == 0 else None for i, f in enumerate(flaws)],
        }
    ).to_csv(cidery / "tastings.csv", index=False)
    return cidery


def test_a_training_before_saving_the_labeled_rows_is_kept(
    tastings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(planner, "semantic_ready", lambda: False)
    plan = plan_goal(
        "Fill in the flaw column of tastings.csv with weak supervision, then fit a classifier "
        "on the labeled rows for next season's notes, and save the labeled tastings as "
        "tastings_done.csv"
    )
    assert _tools(plan) == ["label_dataset", "train_model", "save_table"], plan.answer
    assert plan.steps[2].args["dataset"] == "${steps.0.labeled_path}"
    assert plan.steps[2].args["path"] == "tastings_done.csv"


def test_predictions_saved_after_a_training_are_a_prediction(
    tastings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(planner, "semantic_ready", lambda: False)
    plan = plan_goal(
        "label the flaws (only some are filled in tastings.csv), then train a model and "
        "write predictions for every tasting to flaw_guesses.csv"
    )
    assert _tools(plan) == ["label_dataset", "train_model", "predict"], plan.answer
    assert plan.steps[2].args["output"] == "flaw_guesses.csv"
