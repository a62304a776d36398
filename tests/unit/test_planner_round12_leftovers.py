"""Round 12 leftovers: a filled-in table saved as the person's own columns, training on the
filled column, a lone yes/no column as the evident label, and 'try it on the 2025 data' in a
thread measuring the model where the table has its label (invented pond and mending wording)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from agents.planner import plan_goal
from graphs.workflows import call_tool
from settings import get_settings
from tools.base import ToolContext
from tools.labeling.outputs import write_labeled

ROWS = 120


def _ponds(seed: int, label: bool = True) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "pond_id": [f"P{seed}-{i}" for i in range(ROWS)],
            "depth_m": [1 + (i * 7 + seed) % 13 for i in range(ROWS)],
            "ph": [6 + ((i * 3) % 20) / 10 for i in range(ROWS)],
            "algae_bloom": [["yes", "no", "no"][(i + seed) % 3] for i in range(ROWS)],
        }
    )
    return frame if label else frame.drop(columns=["algae_bloom"])


@pytest.fixture
def ws() -> Path:
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    _ponds(1).to_csv(root / "ponds.csv", index=False)
    return root


@pytest.fixture
def mended(ws: Path) -> str:
    """A labeling run's output that filled in `fault` (partly filled) of a repair log."""
    frame = pd.DataFrame(
        {
            "job": [f"J{i}" for i in range(40)],
            "note": [["squeaks", "leaks", "rattles"][i % 3] + f" #{i}" for i in range(40)],
            "fault": [["hinge", "seal", "bolt"][i % 3] if i % 2 else None for i in range(40)],
        }
    )
    probs = np.eye(3)[[i % 3 for i in range(40)]] * 0.8 + 0.2 / 3
    out = ws / "labeling" / "repairs-1" / "labeled.parquet"
    out.parent.mkdir(parents=True)
    write_labeled(
        out,
        frame,
        "job",
        ["bolt", "hinge", "seal"],
        probs[:, [2, 0, 1]],
        np.ones(40, dtype=bool),
        np.full(40, "label_model", dtype=object),
        label_name="fault",
        fill_from="fault",
    )
    return "labeling/repairs-1/labeled.parquet"


def _memory(made: str) -> dict[str, Any]:
    return {"labeled": made, "last_table": made, "dataset": made}


# ----- (a) the saved filled-in table ---------------------------------------------------------
@pytest.mark.parametrize(
    "goal",
    [
        "save the filled-in repairs as mended.csv",
        "write the completed table to mended.csv",
    ],
)
def test_a_saved_filled_table_is_the_persons_columns_filled_in(
    mended: str, ws: Path, goal: str
) -> None:
    plan = plan_goal(goal, _memory(mended))
    assert [s.tool for s in plan.steps] == ["save_table"], plan
    assert "run_columns" not in plan.steps[0].args
    out = call_tool("save_table", plan.steps[0].args, ToolContext())
    saved = pd.read_csv(ws / "mended.csv")
    assert list(saved.columns) == ["job", "note", "fault"]
    assert saved["fault"].notna().all()  # every row filled in
    assert saved.loc[1, "fault"] == "seal"  # the person's own label kept
    assert out["filled"] == ["fault"] and "fault_source" in out["left_out"]


@pytest.mark.parametrize(
    "goal",
    [
        "save the filled-in repairs as mended.csv without the helper columns",
        "drop the extra columns and write the completed table to mended.csv",
    ],
)
def test_leaving_the_runs_columns_out_in_words_does_not_keep_them(
    mended: str, ws: Path, goal: str
) -> None:
    plan = plan_goal(goal, _memory(mended))
    assert [s.tool for s in plan.steps] == ["save_table"], plan
    assert not plan.steps[0].args.get("run_columns")
    call_tool("save_table", plan.steps[0].args, ToolContext())
    assert list(pd.read_csv(ws / "mended.csv").columns) == ["job", "note", "fault"]


@pytest.mark.parametrize(
    "goal",
    [
        "save the labeled table with all the columns as mended_full.csv",
        "save it as mended_full.csv with the probabilities",
        "save it as mended_full.csv, with where each label came from",
    ],
)
def test_the_runs_columns_are_kept_when_asked(mended: str, ws: Path, goal: str) -> None:
    plan = plan_goal(goal, _memory(mended))
    assert plan.steps and plan.steps[0].args.get("run_columns") is True, plan
    call_tool("save_table", plan.steps[0].args, ToolContext())
    saved = pd.read_csv(ws / "mended_full.csv")
    assert {"fault_filled", "fault_source", "label", "covered"} <= set(saved.columns)


def test_a_copy_without_metadata_is_saved_filled_in_too(mended: str, ws: Path) -> None:
    call_tool(
        "save_table",
        {"dataset": mended, "path": "copy.csv", "run_columns": True},
        ToolContext(),
    )
    call_tool("save_table", {"dataset": "copy.csv", "path": "again.csv"}, ToolContext())
    again = pd.read_csv(ws / "again.csv")
    assert list(again.columns) == ["job", "note", "fault"]
    assert again["fault"].notna().all()


def test_a_table_that_filled_nothing_is_saved_as_it_is(ws: Path) -> None:
    call_tool("save_table", {"dataset": "ponds.csv", "path": "ponds_copy.csv"}, ToolContext())
    assert list(pd.read_csv(ws / "ponds_copy.csv").columns) == list(_ponds(1).columns)


# ----- (b) training on the filled data ---------------------------------------------------------
@pytest.mark.parametrize(
    "goal",
    [
        "train a classifier on the filled data to predict fault",
        "now fit a model on it for the fault",
    ],
)
def test_training_on_a_filled_run_learns_the_filled_column(mended: str, goal: str) -> None:
    plan = plan_goal(goal, _memory(mended))
    train = next(s for s in plan.steps if s.tool == "train_model")
    assert train.args["label_column"] == "fault_filled", train.args
    assert not train.args.get("soft_labels")
    plan = plan_goal(
        "train a classifier on the filled data with soft labels to predict fault", _memory(mended)
    )
    assert next(s for s in plan.steps if s.tool == "train_model").args.get("soft_labels")


# ----- (c) a lone yes/no column -------------------------------------------------------------------
@pytest.mark.parametrize(
    "goal",
    [
        "using ponds.csv, which ones will be in trouble next summer?",
        "train a model on ponds.csv to predict",
        "learn from ponds.csv which ones will go green",
    ],
)
# the yes/no column as the label, read with the untuned router: the tuned one (round 18) reads
# 'which ones will be in trouble' as an anomaly scan (0.26, replacing the rules' training)
@pytest.mark.usefixtures("untuned_router")
def test_the_only_yes_no_column_is_the_label_of_a_which_will_question(ws: Path, goal: str) -> None:
    plan = plan_goal(goal)
    train = [s for s in plan.steps if s.tool == "train_model"]
    assert train and train[0].args["label_column"] == "algae_bloom", (plan.question, plan.steps)


@pytest.mark.usefixtures("untuned_router")  # the same wording as above
def test_a_second_class_column_still_asks_unless_rows_are_asked_about(ws: Path) -> None:
    frame = _ponds(1)
    frame["zone"] = [["north", "south", "east", "west"][i % 4] for i in range(ROWS)]
    frame.to_csv(ws / "ponds.csv", index=False)
    plan = plan_goal("train a model on ponds.csv to predict")
    assert plan.question and "zone" in plan.question and "algae_bloom" in plan.question
    plan = plan_goal("using ponds.csv, which ones will be in trouble next summer?")
    assert plan.steps and plan.steps[0].args["label_column"] == "algae_bloom"
    frame["stocked"] = ["yes", "no"] * (ROWS // 2)  # two yes/no columns: not evident
    frame.to_csv(ws / "ponds.csv", index=False)
    plan = plan_goal("using ponds.csv, which ones will be in trouble next summer?")
    assert not plan.steps and plan.question


# ----- (d) 'try it on the 2025 data' after a training --------------------------------------------
@pytest.fixture
def trained(ws: Path) -> dict[str, Any]:
    _ponds(2).to_csv(ws / "ponds_2025.csv", index=False)
    _ponds(3, label=False).to_csv(ws / "ponds_2026.csv", index=False)
    (ws / "models" / "pond-mlp").mkdir(parents=True)
    return {
        "model": "models/pond-mlp",
        "dataset": "ponds.csv",
        "models": [
            {"path": "models/pond-mlp", "dataset": "ponds.csv", "label_column": "algae_bloom"}
        ],
        "last_call": {
            "tool": "train_model",
            "args": {"dataset": "ponds.csv", "label_column": "algae_bloom"},
        },
    }


@pytest.mark.parametrize(
    "goal",
    [
        "try it on the 2025 data",
        "try it out on ponds_2025.csv",
        "see how it does on the 2025 sheet",
    ],
)
def test_trying_the_model_on_a_labeled_table_measures_it(
    trained: dict[str, Any], goal: str
) -> None:
    plan = plan_goal(goal, trained)
    assert [(s.tool, s.args.get("dataset"), s.args.get("model")) for s in plan.steps] == [
        ("evaluate_model", "ponds_2025.csv", "models/pond-mlp")
    ]


@pytest.mark.parametrize(
    "goal",
    [
        "try it on the 2026 data",
        "try it on ponds_2026.csv",
        "try it on the 2025 data and save the predictions",
    ],
)
def test_trying_it_on_a_table_without_the_label_predicts(
    trained: dict[str, Any], goal: str
) -> None:
    plan = plan_goal(goal, trained)
    assert [s.tool for s in plan.steps] == ["predict"], plan.steps
    assert plan.steps[0].args["model"] == "models/pond-mlp"
