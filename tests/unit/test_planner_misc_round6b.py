"""Non-training goals in loose wording: previews, QA export/score steps, run saves, hub look-ups."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from agents.intent import fix_typos
from settings import get_settings
from tests.utils.planning import plan_tools as _plan


@pytest.fixture
def ws() -> Path:
    """A workspace with a table of kiln firings and one glazing manual."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    rows = [f"K{i:03d},{900 + i % 50},{'cone6' if i % 2 else 'cone10'}" for i in range(40)]
    (root / "kiln_firings.csv").write_text("firing_id,peak_temp,cone\n" + "\n".join(rows) + "\n")
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "glaze_manual.md").write_text(
        "# Glazes\n\nCeladon needs reduction.\n\n# Firing\n\nCone 6 is mid-range.\n"
    )
    return root


def test_preview_ranges_said_with_from_and_between(ws: Path) -> None:
    tools, args = _plan("could you show the rows from 10 until 20 of kiln_firings.csv")
    assert tools == ["preview_rows"]
    assert args["preview_rows"]["offset"] == 10
    _, args = _plan("show me the firings between row 30 and row 35 in kiln_firings.csv")
    assert (args["preview_rows"]["offset"], args["preview_rows"]["limit"]) == (30, 5)


def test_a_page_of_a_table_is_a_preview_not_a_labeling(ws: Path) -> None:
    tools, _ = _plan(
        "Before I start labelling anything I want to read a few of the firings myself; "
        "show me a page of kiln_firings.csv please"
    )
    assert tools == ["preview_rows"]


def test_one_export_when_a_later_clause_restates_it(ws: Path) -> None:
    tools, args = _plan(
        "Make QA pairs from docs/glaze_manual.md and export them; 3 per chunk; "
        "export as csv and jsonl, no splits."
    )
    assert tools.count("export_dataset") == 1
    assert args["export_dataset"]["splits"] is False
    assert sorted(args["export_dataset"]["format"]) == ["csv", "jsonl"]


def test_export_splits_said_as_train_validation_and_test(ws: Path) -> None:
    _, args = _plan(
        "build questions and answers from docs/glaze_manual.md and export it in parquet "
        "with train, validation and test"
    )
    assert args["export_dataset"]["splits"] is True


def test_judge_pass_mark_is_a_threshold_not_a_scoring_step(ws: Path) -> None:
    tools, args = _plan(
        "Instruction set from docs/glaze_manual.md: 2 per chunk, judge pass mark 0.65, "
        "then export jsonl."
    )
    assert tools == ["chunk_documents", "generate_qa", "export_dataset"]
    assert args["generate_qa"]["quality_threshold"] == 0.65


def test_rescoring_said_after_generation_is_a_step(ws: Path) -> None:
    tools, args = _plan(
        "generate QA from docs/glaze_manual.md and then get the judge to re-score them at 0.95"
    )
    assert tools == ["chunk_documents", "generate_qa", "score_qa"]
    assert args["score_qa"]["quality_threshold"] == 0.95


def test_saving_a_runs_labeled_rows_is_a_table_save(ws: Path) -> None:
    folder = ws / "labeling" / "kiln-notes-run"
    folder.mkdir(parents=True)
    pd.DataFrame({"id": ["a", "b"], "label": ["ok", "crack"]}).to_parquet(
        folder / "labeled.parquet", index=False
    )
    (folder / "metrics.json").write_text(json.dumps({"classes": ["ok", "crack"]}))
    tools, args = _plan("store the labelled rows of labeling/kiln-notes-run as kiln_tags.jsonl")
    assert tools == ["save_table"]
    assert args["save_table"] == {
        "dataset": "labeling/kiln-notes-run",
        "path": "kiln_tags.jsonl",
        "format": "jsonl",
    }
    tools, _ = _plan("export the labels of labeling/kiln-notes-run as csv")
    assert tools == ["export_labeled_data"]


def test_search_order_words_are_no_query_and_singulars_stay() -> None:
    _, args = _plan("Search Kaggle for pottery glaze datasets, 7 results, most liked first.")
    assert args["search_datasets"]["query"] == "pottery glaze"
    assert args["search_datasets"]["sort"] == "likes"
    assert fix_typos("customer feedback") == "customer feedback"


def test_download_source_is_the_one_said_or_searched() -> None:
    tools, args = _plan("search Hugging Face for kiln sensor datasets, then download the top hit")
    assert tools == ["search_datasets", "download_dataset"]
    assert args["download_dataset"]["source"] == "huggingface"
    _, args = _plan(
        "search Hugging Face and Kaggle for ceramic glaze data, then download the first one "
        "from Kaggle"
    )
    assert args["download_dataset"]["source"] == "kaggle"


def test_half_remembered_hub_name_is_completed() -> None:
    tools, args = _plan(
        "the Hugging Face dataset we used once started with 'potsherd' I think, what could it be?"
    )
    assert tools == ["suggest_datasets"]
    assert args["suggest_datasets"]["query"] == "potsherd"
    _, args = _plan("a kaggle dataset whose name starts with glaze_ch-something, what's it called?")
    assert args["suggest_datasets"]["query"] == "glaze_ch"


def test_expert_is_a_word_not_a_misspelt_export() -> None:
    assert fix_typos("ask a glaze expert to review the pairs") == (
        "ask a glaze expert to review the pairs"
    )
    assert fix_typos("exprot the pairs as jsonl") == "export the pairs as jsonl"
