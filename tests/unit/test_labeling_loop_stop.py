"""The labeling loop ends, instead of failing, when no labeling function is left to try."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from graphs import labeling
from graphs.loop import run_loop
from graphs.workflows import call_tool
from settings import get_settings


def test_an_adjuster_that_stops_ends_the_loop_at_the_best_attempt() -> None:
    seen: list[dict[str, Any]] = []

    def produce(config: dict[str, Any]) -> dict[str, Any]:
        seen.append(config)
        return {"score": config["score"]}

    def adjust(config: dict[str, Any], history: list) -> tuple[dict[str, Any], list[str]]:
        return {"score": 0.0, "stop": True}, ["nothing left"]

    out = run_loop(
        produce,
        lambda output: {"m": output["score"]},
        adjust,
        config={"score": 0.4},
        target={"metric": "m", "value": 0.9},
        max_attempts=5,
    )
    assert len(seen) == 1 and out["attempts"] == 1
    assert out["best"]["metrics"]["m"] == 0.4
    assert out["history"][-1]["next_changes"] == ["nothing left"]


def test_label_dataset_whose_only_lf_is_dropped_still_labels(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Invented bakery complaints; a third of the 'topic' cells are filled in by hand.
    rng = np.random.default_rng(3)
    words = {
        "bread": ["stale loaf", "crust too hard", "sourdough flat"],
        "cake": ["icing melted", "sponge dry", "wrong candles"],
        "delivery": ["van was late", "box crushed", "driver rude"],
    }
    rows = []
    for i in range(150):
        topic = list(words)[i % 3]
        # The words say nothing about the topic: no model can reach the target.
        note = f"{rng.choice(words[list(words)[rng.integers(3)]])} on order {i}"
        rows.append({"ticket": i + 1, "note": note, "topic": topic if i % 3 == 0 or i < 45 else ""})
    pd.DataFrame(rows).to_csv(get_settings().workspace / "bakery_notes.csv", index=False)

    # The miner first proposes one LF that votes wrong on the hand labels, then nothing.
    bad = {
        "name": "always_cake",
        "label": "cake",
        "kind": "keyword",
        "column": "note",
        "keywords": ["order"],
    }
    calls: list[int] = []

    def write(self: Any, *args: Any, **kwargs: Any) -> tuple[list, list[str]]:
        calls.append(1)
        return ([dict(bad)] if len(calls) == 1 else []), ["stub writer"]

    monkeypatch.setattr(labeling.Labeler, "write", write)
    out = call_tool(
        "label_dataset",
        {
            "dataset": "bakery_notes.csv",
            "label_column": "topic",
            "target_metric": "accuracy",
            "target_value": 0.99,
            "max_attempts": 4,
        },
    )
    assert out["attempts"] == 1
    assert "loop stops" in " ".join(out["history"][-1]["next_changes"])
    assert out["labeled_path"].endswith("labeled.parquet")
