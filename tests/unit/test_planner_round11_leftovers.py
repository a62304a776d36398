"""Round 11 leftovers: the replace question, consent said in the goal, every document, file
descriptions by time, one table-suffix definition (invented wording)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from agents import grounding
from agents.plan import Planning
from settings import get_settings
from tests.utils.planning import plan_tools
from tools.labeling.outputs import file_stem
from tools.tabular import table_stem

ROWS = 120


@pytest.fixture
def ws() -> Path:
    """A kennel's stays: `result` (adopted / returned / fostered) is the class column."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(3)
    pd.DataFrame(
        {
            "stay_id": [f"K-{900 + i}" for i in range(ROWS)],
            "nights": rng.integers(1, 60, ROWS),
            "breed_group": [["terrier", "hound", "toy"][i % 3] for i in range(ROWS)],
            "result": [["adopted", "returned", "fostered"][(i * 7) % 3] for i in range(ROWS)],
        }
    ).to_csv(root / "kennel_stays.csv", index=False)
    return root


def test_the_value_said_is_read_once_per_label_choice(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No column named, no word naming one: the named value picks the label, read once."""
    calls: list[str] = []
    real = grounding.holding_said_value

    def counting(*args: Any, **kwargs: Any) -> str | None:
        calls.append("read")
        return real(*args, **kwargs)

    monkeypatch.setattr(grounding, "holding_said_value", counting)
    monkeypatch.setattr(grounding, "label_from_words", lambda *_: None)
    planning = Planning(memory={})
    args: dict[str, Any] = {"dataset": "kennel_stays.csv"}
    words = "learn which dogs end up returned"
    grounding._ground_train(planning, args, words, words)
    assert args["label_column"] == "result"
    assert calls == ["read"]


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("shelter/intake.csv", "shelter/intake"),
        ("intake.CSV", "intake"),
        ("logs/intake.jsonl.gz", "logs/intake"),
        ("intake.parquet", "intake"),
        ("intake.md", "intake.md"),
        ("intake", "intake"),
    ],
)
def test_one_table_suffix_definition(name: str, stem: str) -> None:
    assert table_stem(name) == stem
    assert file_stem(name) == stem.rsplit("/", 1)[-1].replace(".", "_")


def test_a_save_with_no_name_is_named_by_the_table_stem(ws: Path) -> None:
    tools, args = plan_tools("write kennel_stays.csv out as parquet")
    assert tools == ["save_table"]
    assert args["save_table"]["path"] == "kennel_stays.parquet"
