"""Round 14: arguments of goals routed right, bound from the data (invented ferry tables and
wording): a file whose name says it is held out is the test set, a class value beyond the
profile's top five is sampled, a rules file is read by its contents, a free-text column named
in passing is what labeling reads, and a prediction reads the goal's one unread table."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from agents.arguments import BUILDERS, held_out_named, holds_rules
from agents.grounding import _count_before_value
from agents.plan import Planning
from agents.planner import plan_goal
from agents.slots import extract_slots
from settings import get_settings

ROWS = 80
VESSELS = ["Aurora", "Borealis", "Corona", "Dunmore", "Eider", "Fulmar", "Gannet", "Halcyon"]


@pytest.fixture
def ferries() -> Path:
    """Crossings with a 'delayed' outcome and eight vessels (Halcyon the rarest), a held-out
    copy, passenger complaints with a partly filled 'topic', a rules file and a settings file.
    """
    root = get_settings().workspace
    weights = [20, 15, 12, 10, 8, 7, 5, 3]
    vessels = [v for v, w in zip(VESSELS, weights, strict=True) for _ in range(w)]
    crossings = pd.DataFrame(
        {
            "crossing_id": [f"C{700 + i}" for i in range(ROWS)],
            "vessel": vessels,
            "wind_knots": [(i * 7) % 40 for i in range(ROWS)],
            "passengers": [50 + (i * 13) % 200 for i in range(ROWS)],
            "delayed": ["no", "no", "yes", "no"] * (ROWS // 4),
        }
    )
    crossings.to_csv(root / "crossings.csv", index=False)
    crossings.head(20).to_csv(root / "crossings_test.csv", index=False)
    moods = ["the cabin was freezing", "staff were rude at the desk", "we left an hour late"]
    complaints = pd.DataFrame(
        {
            "complaint_id": [f"K{i}" for i in range(ROWS)],
            "written_text": [f"{moods[i % 3]} on trip {i}, really not happy" for i in range(ROWS)],
            "topic": (["comfort", "staff", "timing", None] * (ROWS // 4)),
        }
    )
    complaints.to_csv(root / "complaints.csv", index=False)
    complaints.drop(columns=["topic"]).to_csv(root / "complaints_may.csv", index=False)
    rules = [
        {"name": "cold", "label": "comfort", "kind": "keyword", "keywords": ["freezing"]},
        {"name": "late", "label": "timing", "kind": "keyword", "keywords": ["late"]},
    ]
    (root / "ferry_rules.json").write_text(json.dumps(rules))
    (root / "harbour_settings.json").write_text(json.dumps({"label": "x", "port": "Oban"}))
    return root


def _step(plan, tool: str) -> dict:
    return next(s.args for s in plan.steps if s.tool == tool)


def test_held_out_names_are_read_from_the_name_words() -> None:
    assert held_out_named("crossings_test.csv")
    assert held_out_named("holdout_rows.parquet")
    assert not held_out_named("crossings.csv")
    assert not held_out_named("train_test_merged.csv")


def test_a_test_named_file_after_labeling_is_the_test_set(ferries: Path) -> None:
    plan = plan_goal(
        "Fill in topic across complaints.csv, then put a logistic model on the soft labels "
        "and give me its numbers against crossings_test.csv"
    )
    args = _step(plan, "train_model")
    assert args["dataset"].startswith("${steps.")
    assert args["test_dataset"] == "crossings_test.csv"


def test_a_class_value_beyond_the_top_five_is_sampled(ferries: Path) -> None:
    plan = plan_goal(
        "Train a generator on crossings.csv conditioned on the vessel column and then make "
        "40 pretend Halcyon sailings saved as fake_sailings.csv"
    )
    args = _step(plan, "generate_synthetic")
    assert args["label"] == "Halcyon"
    assert args["n"] == 40


def test_the_number_before_the_class_value_is_the_count() -> None:
    args = {"n": 100}
    _count_before_value(args, "Gannet", "then squeeze out 70 extra Gannet trips to g.csv")
    assert args["n"] == 70
    said = {"n": 100}
    _count_before_value(said, "Gannet", "give me 300 rows, Gannet trips mostly, and 5 Eider")
    assert said["n"] == 100  # a count said in other words wins


def test_a_rules_file_is_known_by_its_contents() -> None:
    root = get_settings().workspace
    (root / "r.json").write_text(json.dumps([{"label": "a", "kind": "keyword", "keywords": ["x"]}]))
    (root / "s.json").write_text(json.dumps({"label": "x", "port": "Oban"}))
    assert holds_rules("r.json")
    assert not holds_rules("s.json")
    assert not holds_rules("missing.json")


def test_a_named_rules_file_votes_and_is_never_the_data(ferries: Path) -> None:
    plan = plan_goal(
        "Use the rules kept in ferry_rules.json over complaints.csv: I want every rule's vote "
        "plus the majority call in votes_out.csv, keyed by complaint_id."
    )
    args = _step(plan, "vote_labels")
    assert args["labeling_functions"] == "ferry_rules.json"
    assert args["data_path"] == "complaints.csv"


def test_a_free_text_column_named_in_passing_is_what_labeling_reads(ferries: Path) -> None:
    plan = plan_goal(
        "Finish the topic column of complaints.csv from the ones already done; what the "
        "passengers wrote sits in the written_text column."
    )
    args = _step(plan, "label_dataset")
    assert args["label_column"] == "topic"
    assert args["text_column"] == "written_text"


def test_a_prediction_reads_the_one_table_no_step_reads(ferries: Path) -> None:
    goal = (
        "Label complaints.csv on topic, learn a logistic model from what comes out, then use "
        "it on complaints_may.csv and write may_topics.csv."
    )
    p = Planning(memory={}, goal=goal)
    p.add("label_dataset", {"data_path": "complaints.csv"}, why="label")
    p.add("train_model", {"dataset": "${steps.0.labeled_path}"}, why="train")
    args = BUILDERS["predict"](p, extract_slots("learn a logistic model from what comes out"))
    assert args is not None and args["dataset"] == "complaints_may.csv"
    p.steps[0].args["data_path"] = "complaints_may.csv"  # read already: nothing left unread
    args = BUILDERS["predict"](p, extract_slots("learn a logistic model from what comes out"))
    assert args is None or args["dataset"] != "complaints_may.csv"


def test_a_rules_file_out_of_the_workspace_is_never_read(tmp_path: Path) -> None:
    rules = [{"label": "late", "kind": "keywords", "keywords": ["delay"]}]
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "rules.json").write_text(json.dumps(rules))
    workspace = get_settings().workspace
    (workspace / "link.json").symlink_to(outside / "rules.json")
    for name in (
        "../outside/rules.json",
        str(outside / "rules.json"),
        "link.json",
        "~root/rules.json",
        "rules\x00.json",
        "\udcff.json",
        f"{2**63}.json",
    ):
        assert holds_rules(name) is False, name
