"""Round 20: routing of single goals (invented bike-repair-cooperative files and wording): a
file the goal asks to be written (generated rows, a scan's output, a copy in another format)
is no missing input."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.plan import Plan
from agents.planner import plan_goal
from settings import get_settings

ROWS = 60


def _repairs(with_outcome: bool = True) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "ticket_no": [f"R{700 + i}" for i in range(ROWS)],
            "bike_kind": ["cargo", "road", "city", "folding"] * (ROWS // 4),
            "mechanic": ["Ines", "Joss", "Kemal"] * (ROWS // 3),
            "parts_cost": [5 + (i * 11) % 90 for i in range(ROWS)],
            "hours_spent": [round(0.5 + (i % 7) * 0.5, 1) for i in range(ROWS)],
            "intake_note": [f"squeaky chain, wheel {i % 5} out of true" for i in range(ROWS)],
            "came_back": ["no", "no", "yes", "no", "no"] * (ROWS // 5),
        }
    )
    return frame if with_outcome else frame.drop(columns=["came_back"])


@pytest.fixture
def coop() -> Path:
    """Two years of repair tickets, and this week's tickets (no outcome yet)."""
    root = get_settings().workspace
    _repairs().to_csv(root / "repairs_2024.csv", index=False)
    _repairs().to_csv(root / "repairs_2025.csv", index=False)
    _repairs(with_outcome=False).to_csv(root / "repairs_this_week.csv", index=False)
    return root


def _tools(plan: Plan) -> list[str]:
    return [s.tool for s in plan.steps]


# -- a file to write is no missing input -----------------------------------------------------------


@pytest.mark.parametrize(
    "goal",
    [
        "Generator on repairs_2024.csv conditioned on came_back; then sample 120 synthetic "
        "comebacks into fake_comebacks.csv",
        "Train a conditional VAE on repairs_2024.csv with came_back as the class, then 80 "
        "synthetic 'yes' tickets to fake_comebacks.csv.",
        "train a generator on repairs_2024.csv conditioned on came_back and then make me 50 "
        "extra fake came_back='yes' tickets as fake_comebacks.csv",
    ],
)
def test_generated_rows_into_a_new_file(coop: Path, goal: str) -> None:
    plan = plan_goal(goal)
    assert _tools(plan) == ["train_generator", "generate_synthetic"], plan.answer
    assert plan.steps[1].args["output"] == "fake_comebacks.csv"


def test_a_terse_out_names_the_scans_output(coop: Path) -> None:
    plan = plan_goal(
        "repairs_2024.csv: anomaly scores, id ticket_no, threshold 3, out odd_tickets.parquet"
    )
    assert _tools(plan) == ["detect_anomalies"], plan.answer
    assert plan.steps[0].args["output"] == "odd_tickets.parquet"


def test_a_table_named_in_another_format_is_the_copy(coop: Path) -> None:
    plan = plan_goal("the mechanics want the 2024 repairs in parquet - repairs_2024.parquet pls")
    assert _tools(plan) == ["save_table"], plan.answer
    assert plan.steps[0].args["dataset"] == "repairs_2024.csv"
    assert plan.steps[0].args["path"] == "repairs_2024.parquet"


# -- tables said by their year or role beside another -------------------------------------------------


@pytest.fixture
def seasons(coop: Path) -> Path:
    """Three seasons of tickets in one span file and a yearly one, and a ride log's train/test."""
    return _seasons(coop)


def _seasons(coop: Path) -> Path:
    _repairs().to_csv(coop / "repairs_2021_2023.csv", index=False)
    rides = pd.DataFrame(
        {
            "ride_id": [f"T{i}" for i in range(ROWS)],
            "km": [3 + i % 17 for i in range(ROWS)],
            "hilly": ["yes", "no", "no"] * (ROWS // 3),
            "punctured": ["no", "yes", "no", "no"] * (ROWS // 4),
        }
    )
    rides.to_csv(coop / "rides_train.csv", index=False)
    rides.to_csv(coop / "rides_test.csv", index=False)
    _repairs().to_csv(coop / "repairs_test.csv", index=False)
    return coop


def _read(plan: Plan) -> list[str]:
    return [str(s.args.get(k)) for s in plan.steps for k in ("dataset", "test_dataset")]


@pytest.mark.parametrize(
    ("goal", "train", "test"),
    [
        (
            "Which repairs will come back? Train on the 2024 repairs, report precision on the "
            "2025 ones.",
            "repairs_2024.csv",
            "repairs_2025.csv",
        ),
        (
            "The board asked for a model of which repairs come back, trained on 2024 and "
            "measured on 2025.",
            "repairs_2024.csv",
            "repairs_2025.csv",
        ),
        (
            "Can punctures be seen coming? Learn from the training rides, measure on the test "
            "ones and give me the F1.",
            "rides_train.csv",
            "rides_test.csv",
        ),
    ],
)
def test_a_table_said_by_its_year_or_role(seasons: Path, goal: str, train: str, test: str) -> None:
    plan = plan_goal(goal)
    assert not plan.question, plan.question
    assert _tools(plan)[0] == "train_model"
    assert set(_tools(plan)) <= {"train_model", "evaluate_model"}  # measured, not looked at
    assert plan.steps[0].args["dataset"] == train
    assert test in _read(plan)


def test_a_span_of_years_names_its_table(seasons: Path) -> None:
    plan = plan_goal(
        "Comebacks are rare. Could you train a generator on the 2021-2023 repairs with "
        "came_back as the class, and then make 40 fake came_back='yes' tickets?"
    )
    assert not plan.question, plan.question
    assert plan.steps[0].tool == "train_generator"
    assert plan.steps[0].args["dataset"] == "repairs_2021_2023.csv"


def test_a_table_a_figure_is_given_from_is_read_not_written() -> None:
    from agents.arguments import role_files

    goal = "Give me the label distribution of came_back in repairs_2024.csv."
    assert role_files(goal, ["repairs_2024.csv"]) == (["repairs_2024.csv"], [], [])
    goal = "Then give me the file as parquet, odd_tickets.parquet."
    assert role_files(goal, ["odd_tickets.parquet"]) == ([], [], ["odd_tickets.parquet"])
