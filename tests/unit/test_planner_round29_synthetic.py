"""Twenty-ninth round: the table synthetic rows are made like is never the file they are written
to ('50 synthetic appointments that look like the no-show ones in vet_appointments.csv' once
replaced the person's 640 rows with 50 made-up ones)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from settings import get_settings
from tests.utils.planning import plan_tools

N = 640


@pytest.fixture
def tables() -> None:
    """vet_appointments.csv (a yes/no no_show column) and ticket_sales.parquet."""
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(3)
    pd.DataFrame(
        {
            "appointment_id": [f"A{i:04d}" for i in range(N)],
            "species": rng.choice(["dog", "cat", "rabbit"], N),
            "days_ahead": rng.integers(0, 30, N),
            "no_show": rng.choice(["yes", "no"], N, p=[0.2, 0.8]),
        }
    ).to_csv(root / "vet_appointments.csv", index=False)
    pd.DataFrame(
        {
            "order_id": range(N),
            "event": rng.choice(["gig", "play", "match"], N),
            "tickets": rng.integers(1, 6, N),
            "price": rng.random(N) * 100,
        }
    ).to_parquet(root / "ticket_sales.parquet", index=False)


@pytest.mark.parametrize(
    ("goal", "source"),
    [
        (
            "generate 50 synthetic appointments that look like the no-show ones in "
            "vet_appointments.csv",
            "vet_appointments.csv",
        ),
        ("make 30 fake ticket orders that look like the ones in ticket_sales.parquet", None),
        ("make 30 fake ticket orders like the ones in ticket_sales.parquet", None),
        ("generate 40 synthetic rows resembling vet_appointments.csv", None),
    ],
)
def test_the_table_the_rows_are_made_like_is_not_their_output(
    tables: None, goal: str, source: str | None
) -> None:
    tools, args = plan_tools(goal)
    assert tools == ["train_generator", "generate_synthetic"]
    assert "output" not in args["generate_synthetic"]  # the tool's own synthetic/ file
    assert args["generate_synthetic"]["n"] in (30, 40, 50)
    if source:
        assert args["train_generator"]["dataset"] == source


def test_the_no_show_ones_are_the_class_asked_for(tables: None) -> None:
    _, args = plan_tools(
        "generate 50 synthetic appointments that look like the no-show ones in vet_appointments.csv"
    )
    assert args["train_generator"]["label_column"] == "no_show"
    assert args["generate_synthetic"]["label"] == "yes"


@pytest.mark.parametrize(
    ("goal", "output"),
    [
        (
            "generate 50 synthetic rows like vet_appointments.csv and save them to fake.csv",
            "fake.csv",
        ),
        (
            "generate 40 synthetic rows resembling vet_appointments.csv into fake_vet.csv",
            "fake_vet.csv",
        ),
        (
            "train a generator on vet_appointments.csv then generate 20 rows into fresh.csv",
            "fresh.csv",
        ),
    ],
)
def test_a_new_file_named_for_the_rows_is_still_their_output(
    tables: None, goal: str, output: str
) -> None:
    tools, args = plan_tools(goal)
    assert tools == ["train_generator", "generate_synthetic"]
    assert args["generate_synthetic"]["output"] == output
    assert args["train_generator"]["dataset"] == "vet_appointments.csv"
