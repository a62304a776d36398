"""Hand labels that differ only by case or outer spaces are one class in a labeling run (the
commonest spelling, said in `merged_spellings`), in the gold comparison and in the filled-in
column (a trial's 'History' / 'history' were two classes)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from graphs.workflows import call_tool
from settings import get_settings
from tools.base import ToolContext
from tools.labeling.gold import fold_spellings, join_gold
from tools.labeling.outputs import add_filled

HISTORY = ["the war of the roses", "kings and queens of old", "the roman empire fell", "a treaty"]
SCIENCE = ["atoms and molecules", "the speed of light", "cells divide", "gravity pulls"]


def _library(n: int = 80) -> pd.DataFrame:
    """Book notes with a partly filled `topic`, spelled 'History' and 'history' by two people."""
    rng = np.random.default_rng(4)
    rows: list[dict[str, Any]] = []
    for i in range(n):
        science = i % 2 == 1
        words = rng.choice(SCIENCE if science else HISTORY)
        topic: Any = None
        if i < 40:  # labelled by hand, in two hands
            name = "science" if science else "history"
            topic = name.title() if i % 4 < 2 else (name if i % 3 else f" {name.upper()} ")
        rows.append({"book": f"B{i:03d}", "note": f"{words} {i}", "topic": topic})
    return pd.DataFrame(rows)


def test_the_data_columns_spellings_are_one_class() -> None:
    frame = _library()
    gold = join_gold(frame, None, id_column="book", label_column="topic")
    assert gold.classes == ["History", "Science"]
    assert set(gold.merged_spellings) == {"History", "Science"}
    assert "history" in gold.merged_spellings["History"]
    assert len(gold.rows) == 40
    science = frame.loc[gold.rows, "note"].str.contains("|".join(SCIENCE)).to_numpy()
    assert (gold.labels == science.astype(int)).all()  # each row's class, whatever its spelling
    report = gold.report()
    assert report["per_class"] == {"History": 20, "Science": 20}
    assert report["merged_spellings"] == gold.merged_spellings


def test_a_gold_file_meets_the_given_classes_whatever_the_case() -> None:
    frame = _library()
    gold_file = pd.DataFrame({"book": ["B000", "B001", "B002", "B003"]})
    gold_file["topic"] = ["HISTORY", "science ", "History", "Science"]
    gold = join_gold(
        frame.drop(columns="topic"),
        gold_file,
        id_column="book",
        label_column="topic",
        classes=["history", "science"],
    )
    assert gold.classes == ["history", "science"]
    assert gold.labels.tolist() == [0, 1, 0, 1] and gold.unknown_labels == []
    assert gold.merged_spellings == {"history": ["HISTORY", "History"], "science": ["Science"]}


def test_without_clashes_nothing_is_merged_or_reported() -> None:
    frame = _library().assign(topic=lambda f: f["topic"].str.strip().str.lower())
    gold = join_gold(frame, None, id_column="book", label_column="topic")
    assert gold.classes == ["history", "science"]
    assert gold.merged_spellings == {} and "merged_spellings" not in gold.report()


def test_classes_given_in_two_cases_are_compared_exactly() -> None:
    labels = pd.Series(["a", "A", "b"], dtype=object)
    assert fold_spellings(labels, ["a", "A", "b"])[0].tolist() == ["a", "A", "b"]


def test_the_filled_column_has_one_spelling_per_class() -> None:
    table = _library()
    table["label"] = np.where(table.index % 2 == 1, "Science", "History")
    names = add_filled(table, "topic", table["label"], ["History", "Science"])
    assert names is not None
    assert set(table[names["column"]]) == {"History", "Science"}
    assert table["topic"].dropna().str.strip().nunique() == 6  # the person's column as it was


@pytest.mark.parametrize("end_model", [False])
def test_a_labeling_run_counts_and_fills_one_class_per_spelling(end_model: bool) -> None:
    ws = get_settings().workspace
    ws.mkdir(parents=True, exist_ok=True)
    _library().to_csv(ws / "library.csv", index=False)
    out = call_tool(
        "label_dataset",
        {
            "data_path": "library.csv",
            "label_column": "topic",
            "text_column": "note",
            "end_model": end_model,
            "max_attempts": 1,
        },
        ToolContext(),
    )
    assert out["gold"]["per_class"] == {"History": 20, "Science": 20}
    assert "history" in out["gold"]["merged_spellings"]["History"]
    assert out["classes"] == ["History", "Science"]
    labeled = pd.read_parquet(ws / out["labeled_path"])
    assert set(labeled["topic_filled"]) <= {"History", "Science"}
