"""Round 11: a held-out check said in everyday words ('see how it does on the 2023 sheet') binds
the table it names as the training's test_dataset, or asks; training said as 'learn from x.csv';
plain-words answers with no 'target met' for a run that had no target; value counts of
label-like columns in inspect_dataset (invented orchard and repair-shop tables and wording)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.heldout import described_tables, eval_targets, learns_from
from agents.memory import answer_from_memory, summarise_result
from agents.planner import plan_goal
from agents.reporter import _inspect
from graphs.workflows import call_tool
from settings import get_settings
from tests.utils.planning import plan_tools as _plan
from tools.base import ToolContext

ROWS = 120


def _orchard(seed: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "tree_id": [f"T{seed}-{i}" for i in range(ROWS)],
            "height_m": [2 + (i * 7 + seed) % 9 for i in range(ROWS)],
            "rain_mm": [300 + (i * 11 + seed) % 400 for i in range(ROWS)],
            "age_years": [1 + (i * 3) % 40 for i in range(ROWS)],
            "got_blight": [["yes", "no", "no"][(i + seed) % 3] for i in range(ROWS)],
        }
    )


@pytest.fixture
def ws() -> Path:
    """Orchard trees of two seasons (a yes/no `got_blight`), an April and a holdout orchard
    table, and repair-shop jobs with a partly filled `fault` column."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    _orchard(1).to_csv(root / "orchard_trees.csv", index=False)
    _orchard(2).to_csv(root / "orchard_trees_2023.csv", index=False)
    _orchard(3).to_csv(root / "pear_rows_apr.csv", index=False)
    _orchard(4).to_csv(root / "pear_rows.csv", index=False)
    jobs = {
        "job_no": list(range(200)),
        "note": [
            f"customer says {['it rattles', 'no power', 'leaks'][i % 3]} #{i}" for i in range(200)
        ],
        "fault": [
            ["engine", "electrics", "hydraulics"][i % 3] if i < 45 else None for i in range(200)
        ],
    }
    pd.DataFrame(jobs).to_csv(root / "repair_jobs.csv", index=False)
    return root


# ----- (a) the evaluation clause, (b) the described table ------------------------------------
@pytest.mark.parametrize(
    "goal",
    [
        "spot the trees that will get blight: learn from orchard_trees.csv and check it on the "
        "2023 file",
        "predict got_blight from orchard_trees.csv and test on the 2023 sheet",
        "fit a model on orchard_trees.csv for got_blight, then see how it does on the 2023 one",
        "train on orchard_trees.csv to predict got_blight; score it against the 2023 data",
        "train on orchard_trees.csv to predict got_blight and try it out on the 2023 table",
        "predict got_blight from orchard_trees.csv. Hold the 2023 file out for testing.",
        "teach it on orchard_trees.csv which trees got blight, then run it against the 2023 file",
        "build something that predicts got_blight using orchard_trees.csv, then let's see how "
        "well it holds up on the 2023 file",
        "train on orchard_trees.csv to predict got_blight. how well does it do on the 2023 file?",
        "train on orchard_trees.csv to predict got_blight and use the 2023 file as the test set",
        "train on orchard_trees.csv to predict got_blight; the 2023 sheet is for testing",
    ],
)
def test_a_described_table_in_an_evaluation_clause_is_the_test_set(ws: Path, goal: str) -> None:
    tools, args = _plan(goal)
    assert args["train_model"]["dataset"] == "orchard_trees.csv"
    assert args["train_model"]["label_column"] == "got_blight"
    if tools == ["train_model", "evaluate_model"]:
        # the held-out table as an evaluation step of the trained model: the same requirement
        assert args["evaluate_model"]["dataset"] == "orchard_trees_2023.csv", args
        assert args["evaluate_model"]["model"] == "${steps.0.model_path}", args
        return
    assert tools == ["train_model"], tools
    assert args["train_model"]["test_dataset"] == "orchard_trees_2023.csv"


@pytest.mark.parametrize(
    "goal",
    [
        "which trees will get blight? learn from orchard_trees.csv and check it on "
        "orchard_trees_2023.csv",
        "learn who gets blight from orchard_trees.csv; measure it on orchard_trees_2023.csv",
        "train on orchard_trees.csv to predict got_blight, then see how well it does on "
        "orchard_trees_2023.csv",
        "train on orchard_trees.csv to predict got_blight and run it against orchard_trees_2023.csv",
    ],
)
def test_a_named_table_in_an_evaluation_clause_is_the_test_set(ws: Path, goal: str) -> None:
    tools, args = _plan(goal)
    assert tools[0] == "train_model" and "inspect_dataset" not in tools, tools
    assert args["train_model"]["dataset"] == "orchard_trees.csv"
    # the test set of the training, or (an 'evaluate'/'measure' step of its own) its dataset
    checked = args["train_model"].get("test_dataset") or args.get("evaluate_model", {}).get(
        "dataset"
    )
    assert checked == "orchard_trees_2023.csv"


def test_a_month_or_role_word_picks_the_one_file_whose_name_has_it(ws: Path) -> None:
    files = ["orchard_trees.csv", "orchard_trees_2023.csv", "pear_rows.csv", "pear_rows_apr.csv"]
    assert described_tables("the april data", "pear_rows.csv", files) == ["pear_rows_apr.csv"]
    assert described_tables("the 2023 file", "orchard_trees.csv", files) == [
        "orchard_trees_2023.csv"
    ]
    leads = ["leads.csv", "leads_holdout.csv", "leads_second.csv", "leads_gold.csv", "misc.csv"]
    assert described_tables("the holdout sheet", "leads.csv", leads) == ["leads_holdout.csv"]
    assert described_tables("the second file", "leads.csv", leads) == ["leads_second.csv"]
    assert described_tables("the gold file", "leads.csv", leads) == []  # hand labels, no test
    assert described_tables("the leads file", "leads.csv", leads) == []  # nothing distinctive
    tools, args = _plan("train on pear_rows.csv to predict got_blight, validate on the april data")
    assert args["train_model"]["test_dataset"] == "pear_rows_apr.csv"


def test_two_fitting_tables_are_asked_about_with_both_named(ws: Path) -> None:
    root = get_settings().workspace
    _orchard(5).to_csv(root / "orchard_trees_2023_b.csv", index=False)
    plan = plan_goal("predict got_blight from orchard_trees.csv and check it on the 2023 file")
    assert not plan.steps
    assert "orchard_trees_2023.csv" in (plan.question or "")
    assert "orchard_trees_2023_b.csv" in (plan.question or "")


def test_a_test_file_that_cannot_be_bound_is_asked_about_not_dropped(ws: Path) -> None:
    plan = plan_goal("predict got_blight from orchard_trees.csv and check it on the 2019 file")
    assert not plan.steps
    assert plan.question and "2019" in plan.question
    plan = plan_goal(
        "predict got_blight from orchard_trees.csv, evaluate on the newer orchard file"
    )
    assert not plan.steps and plan.question
    assert "orchard_trees_2023.csv" in plan.question  # the candidate offered


def test_a_split_of_the_training_data_is_no_file_to_ask_about(ws: Path) -> None:
    for goal in (
        "predict got_blight from orchard_trees.csv and check it on a held-out 20%",
        "predict got_blight from orchard_trees.csv and check it on the test split",
    ):
        tools, args = _plan(goal)
        # the training's own held-out split: trained alone (its metrics are on that split), or
        # followed by an evaluation with no dataset (the model's validation split)
        assert tools in (["train_model"], ["train_model", "evaluate_model"]), goal
        assert "test_dataset" not in args["train_model"]
        assert not args.get("evaluate_model", {}).get("dataset"), args


def test_rows_to_predict_stay_a_prediction(ws: Path) -> None:
    tools, args = _plan(
        "train on orchard_trees.csv to predict got_blight, then try it on "
        "orchard_trees_2023.csv and save the predictions"
    )
    assert "predict" in tools
    assert "test_dataset" not in args["train_model"]


def test_a_described_table_without_the_label_is_not_the_test_set(ws: Path) -> None:
    plan = plan_goal(
        "train on orchard_trees.csv to predict got_blight, check it on the repair file"
    )
    assert not plan.steps and plan.question
    assert "repair_jobs.csv" not in plan.question  # it lacks got_blight: no candidate
    assert "orchard_trees_2023.csv" in plan.question


def test_evaluation_targets_read_paraphrases() -> None:
    said = [
        t.desc or t.file
        for t in eval_targets(
            "fit it, sanity-check it against the spring export and see how the model fares on b.csv"
        )
    ]
    assert said == ["the spring export", "b.csv"]
    nouns = frozenset({"orchard", "trees"})
    assert [t.desc for t in eval_targets("then measure it against the 2023 trees", nouns)] == [
        "the 2023 trees"
    ]
    assert eval_targets("check the columns of a.csv") == []


# ----- (c) training verbs ----------------------------------------------------------------------
def test_learning_verbs_train_when_the_label_is_evident(ws: Path) -> None:
    files = ["orchard_trees.csv"]
    assert learns_from("learn from orchard_trees.csv which trees got blight", files, "")
    assert learns_from("teach it on orchard_trees.csv to spot blight", files, "")
    assert not learns_from("learn from orchard_trees.csv", files, "")  # no label evident
    assert not learns_from(
        "learn some rules from orchard_trees.csv about blight", files, ""
    )  # rules, not a model
    tools, args = _plan("learn which trees get blight from orchard_trees.csv")
    assert tools == ["train_model"]
    assert args["train_model"]["label_column"] == "got_blight"


# ----- 5: plain words, no target -------------------------------------------------------------
def _trained(target_value: float | None, measured_on: str = "validation") -> dict:
    output = {
        "model_path": "models/orchard",
        "target": {"metric": "accuracy", "value": target_value},
        "target_met": True,
        "attempts": 2,
        "best_attempt": 1,
        "metrics": {"accuracy": 0.81, "f1_macro": 0.62, "auc": 0.77, "measured_on": measured_on},
        "validation_metrics": {"accuracy": 0.81},
        "test_baseline": {"accuracy": 0.67} if measured_on == "test" else None,
    }
    return {"results": [summarise_result("train_model", output, {})]}


def test_no_target_means_no_target_met() -> None:
    memory = _trained(None)
    for question in ("how did it go?", "how good is it, in plain words?"):
        answer = answer_from_memory(question, memory) or ""
        assert "target met" not in answer and "accuracy=0.810" in answer
    said = answer_from_memory("did we hit the target?", memory) or ""
    assert said.startswith("No target was set")
    assert "target met" in (answer_from_memory("how did it go?", _trained(0.8)) or "")


@pytest.mark.parametrize(
    "question", ["how good is it, in plain words?", "is it any good?", "explain it in simple terms"]
)
def test_plain_words_get_one_plain_sentence_besides_the_numbers(question: str) -> None:
    answer = answer_from_memory(question, _trained(None, "test")) or ""
    first = answer.splitlines()[0]
    assert first.startswith("It gets 81% of the rows right on the test rows")
    assert "67%" in first  # the guessing baseline, in words
    assert "accuracy=0.810" in answer.splitlines()[1]
    assert not (answer_from_memory("what's the accuracy?", _trained(None)) or "").startswith("It")


def test_the_plain_sentence_names_the_rows_by_the_table() -> None:
    memory = _trained(None)
    memory["results"][0]["args"] = {"dataset": "orchard_trees_2022.csv"}
    answer = answer_from_memory("is the model any good?", memory) or ""
    assert answer.startswith("It gets 81% of the trees right on a held-out part")


# ----- 6: value counts of label-like columns -------------------------------------------------
def test_inspection_counts_the_values_of_a_partly_filled_label_like_column(ws: Path) -> None:
    out = call_tool("inspect_dataset", {"dataset": "repair_jobs.csv"}, ToolContext())
    assert out["value_counts"]["fault"] == {
        "engine": 15,
        "electrics": 15,
        "hydraulics": 15,
        "(empty)": 155,
    }
    assert "note" not in out["value_counts"]  # free text, not classes
    lines = "\n".join(_inspect(out, []))
    assert "values of 'fault': engine: 15" in lines and "(empty): 155" in lines
    tools, args = _plan("the repair jobs - what's the fault breakdown?")
    assert tools == ["inspect_dataset"] and args["inspect_dataset"]["dataset"] == "repair_jobs.csv"


def test_a_thread_follow_up_binds_the_described_table_against_the_models_data(ws: Path) -> None:
    from agents.planner import remember

    output = {
        "model_path": "models/blight",
        "dataset": "orchard_trees.csv",
        "label_column": "got_blight",
        "metrics": {"accuracy": 0.7, "measured_on": "validation"},
    }
    memory = remember(
        "train_model", output, {}, {"dataset": "orchard_trees.csv", "label_column": "got_blight"}
    )
    plan = plan_goal("now check it on the 2023 file", memory)
    assert [s.tool for s in plan.steps] == ["evaluate_model"]
    assert plan.steps[0].args["dataset"] == "orchard_trees_2023.csv"
