"""Round 12: outcome questions (invented beehive tables and wording): 'which hives will swarm?'
on a table holding the outcome is a model trained on it and run over the rows to answer, never
an anomaly scan or a predict with no model; the thread's model put to a described file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.planner import plan_goal
from settings import get_settings

ROWS = 40


@pytest.fixture
def apiary() -> Path:
    """Hive inspections (a `swarmed` outcome, a quarter of the rows not yet known), spring
    hives (fully known), next spring's hives without the outcome, and comb checks whose outcome
    is said by a value of `comb_state` (mouldy/clean)."""
    root = get_settings().workspace
    (root / "bees").mkdir(parents=True, exist_ok=True)
    hives = pd.DataFrame(
        {
            "hive_code": [f"H{300 + i}" for i in range(ROWS)],
            "frames": [(i * 5) % 11 for i in range(ROWS)],
            "queen_age": [i % 4 for i in range(ROWS)],
            "swarmed": ["yes", "no", "no", None] * (ROWS // 4),
        }
    )
    hives.to_csv(root / "bees" / "hive_checks.csv", index=False)
    spring = hives.assign(swarmed=["yes", "no"] * (ROWS // 2))
    spring.to_csv(root / "bees" / "spring.csv", index=False)
    spring.to_csv(root / "bees" / "spring_2031.csv", index=False)
    spring.drop(columns=["swarmed"]).to_csv(root / "bees" / "spring_2032.csv", index=False)
    pd.DataFrame(
        {
            "comb_no": [f"C{i}" for i in range(ROWS)],
            "humidity": [(i * 3) % 17 for i in range(ROWS)],
            "comb_state": ["mouldy", "clean", "clean", "clean"] * (ROWS // 4),
        }
    ).to_csv(root / "bees" / "combs.csv", index=False)
    return root


def _steps(goal: str, memory: dict[str, Any] | None = None) -> list[tuple[str, dict[str, Any]]]:
    plan = plan_goal(goal, memory)
    assert plan.question is None, plan.question
    return [(s.tool, s.args) for s in plan.steps]


def test_which_rows_will_have_the_outcome_trains_and_predicts_the_unknown_rows(
    apiary: Path,
) -> None:
    steps = _steps("which hives in bees/hive_checks.csv are going to swarm?")
    assert [t for t, _ in steps] == ["train_model", "predict"]
    assert steps[0][1]["label_column"] == "swarmed"
    assert steps[0][1]["dataset"] == "bees/hive_checks.csv"
    assert steps[1][1]["dataset"] == "bees/hive_checks.csv"


def test_outcome_of_new_rows_learned_from_the_table_named_in_another_sentence(
    apiary: Path,
) -> None:
    steps = _steps(
        "Which hives in bees/spring_2032.csv might swarm? bees/spring.csv has the past seasons."
    )
    assert [t for t, _ in steps] == ["train_model", "predict"]
    assert steps[0][1]["dataset"] == "bees/spring.csv"
    assert steps[0][1]["label_column"] == "swarmed"
    assert steps[1][1]["dataset"] == "bees/spring_2032.csv"


def test_learn_from_after_the_outcome_question_adds_no_second_step(apiary: Path) -> None:
    steps = _steps("which hives in bees/spring_2032.csv will swarm? learn from bees/spring.csv")
    assert [t for t, _ in steps] == ["train_model", "predict"]
    assert steps[1][1]["dataset"] == "bees/spring_2032.csv"


def test_outcome_said_by_a_value_of_the_label_is_trained_not_a_predict_with_no_model(
    apiary: Path,
) -> None:
    steps = _steps("from bees/combs.csv, predict which ones will go mouldy")
    assert [t for t, _ in steps] == ["train_model"]
    assert steps[0][1]["label_column"] == "comb_state"


TRAINED = {"dataset": "bees/spring.csv", "label_column": "swarmed", "model": "logistic"}


def _trained() -> dict[str, Any]:
    """A thread that trained a model of `swarmed` on the spring hives."""
    return {
        "model": "models/swarm_lr",
        "dataset": "bees/spring.csv",
        "results": [{"tool": "train_model", "metrics": {"auc": 0.66}}],
        "models": [
            {"path": "models/swarm_lr", "dataset": "bees/spring.csv", "label_column": "swarmed"}
        ],
        "trainings": [{"tool": "train_model", "args": dict(TRAINED)}],
        "last_loop": {"tool": "train_model", "args": dict(TRAINED)},
        "last_call": {"tool": "train_model", "args": dict(TRAINED)},
    }


def test_thread_model_put_to_a_described_file_with_the_label_is_evaluated(apiary: Path) -> None:
    steps = _steps("ok, now run it on the 2031 file", _trained())
    assert steps == [
        ("evaluate_model", {"model": "models/swarm_lr", "dataset": "bees/spring_2031.csv"})
    ]


def test_thread_model_applied_to_a_described_file_without_the_label_predicts(
    apiary: Path,
) -> None:
    steps = _steps("apply the model to the 2032 file please", _trained())
    assert [t for t, _ in steps] == ["predict"]
    assert steps[0][1]["model"] == "models/swarm_lr"
    assert steps[0][1]["dataset"] == "bees/spring_2032.csv"


def test_outcome_asked_of_a_described_file_uses_the_thread_model(apiary: Path) -> None:
    steps = _steps("which ones will swarm in the 2032 file?", _trained())
    assert [t for t, _ in steps] == ["predict"]
    assert steps[0][1]["model"] == "models/swarm_lr"
    assert steps[0][1]["dataset"] == "bees/spring_2032.csv"


def test_a_question_about_columns_is_not_an_outcome(apiary: Path) -> None:
    steps = _steps("which columns in bees/spring.csv will matter most?")
    assert not {"predict", "train_model"} & {t for t, _ in steps}


def test_questions_that_are_no_forecast_are_no_outcome() -> None:
    from agents.columns import _WILL_RE

    for text in (
        "which hives from May were weak?",  # the month, not the verb
        "which rows would you drop?",  # a question to the assistant
        "which ones will we keep?",
    ):
        assert _WILL_RE.search(text) is None, text
    assert _WILL_RE.search("which hives may swarm next spring")[1] == "swarm"


def test_a_training_said_twice_is_one_step_and_its_reader_follows_it() -> None:
    from agents.plan import Planning
    from agents.planner import _merge_duplicates

    p = Planning(memory={}, goal="")
    p.add("train_model", {"dataset": "hives.csv", "label_column": "swarmed"}, why="will swarm?")
    p.add("train_model", {"dataset": "hives.csv"}, why="could you build that")
    p.add("evaluate_model", {"model": "${steps.1.model_path}", "dataset": "june.csv"}, why="test")
    _merge_duplicates(p)
    assert [s.tool for s in p.steps] == ["train_model", "evaluate_model"]
    assert p.steps[0].args == {"dataset": "hives.csv", "label_column": "swarmed"}
    assert p.steps[1].args["model"] == "${steps.0.model_path}"


def test_two_trainings_that_differ_both_stay_with_their_readers() -> None:
    from agents.plan import Planning
    from agents.planner import _merge_duplicates

    p = Planning(memory={}, goal="")
    p.add("train_model", {"dataset": "hives.csv", "model": "logreg"}, why="a")
    p.add("evaluate_model", {"model": "${steps.0.model_path}", "dataset": "june.csv"}, why="b")
    p.add("train_model", {"dataset": "hives.csv", "model": "mlp"}, why="c")
    p.add("evaluate_model", {"model": "${steps.2.model_path}", "dataset": "june.csv"}, why="d")
    _merge_duplicates(p)
    assert [s.args.get("model") for s in p.steps] == [
        "logreg",
        "${steps.0.model_path}",
        "mlp",
        "${steps.2.model_path}",
    ]


def test_a_training_with_settings_of_its_own_is_not_merged_and_nothing_is_copied() -> None:
    from agents.plan import Planning
    from agents.planner import _merge_duplicates

    p = Planning(memory={}, goal="")
    p.add("train_model", {"dataset": "hives.csv", "label_column": "swarmed"}, why="a")
    p.add("evaluate_model", {"model": "${steps.0.model_path}"}, why="b")
    p.add("train_model", {"dataset": "hives.csv", "model": "mlp"}, why="c")
    p.add("evaluate_model", {"model": "${steps.2.model_path}"}, why="d")
    _merge_duplicates(p)
    assert [s.tool for s in p.steps] == [
        "train_model",
        "evaluate_model",
        "train_model",
        "evaluate_model",
    ]
    assert p.steps[0].args == {"dataset": "hives.csv", "label_column": "swarmed"}
    assert p.steps[2].args == {"dataset": "hives.csv", "model": "mlp"}
