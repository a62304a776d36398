"""Profiles read only workspace tables: hostile names a goal may carry give no profile."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.planner import plan_goal
from settings import get_settings
from tools.profile import profile_table


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A table outside the workspace, and a symlink to it inside."""
    secret = tmp_path / "outside" / "secret.csv"
    secret.parent.mkdir()
    pd.DataFrame({"password": ["hunter2"], "label": [1]}).to_csv(secret, index=False)
    ws = get_settings().workspace
    ws.mkdir(parents=True, exist_ok=True)
    (ws / "innocent.csv").symlink_to(secret)
    return secret


@pytest.mark.parametrize(
    "name",
    [
        "../outside/secret.csv",
        "../../outside/secret.csv",
        "innocent.csv",  # a symlink leading out
        "~root/secret.csv",
        "secret\x00.csv",
        "secret\ud800.csv",
        str(2**63),
        "/etc/passwd",
    ],
)
def test_hostile_names_give_no_profile(outside: Path, name: str) -> None:
    assert profile_table(name) is None
    assert profile_table(str(outside)) is None  # an absolute path outside the workspace


def test_a_goal_naming_a_file_outside_reads_nothing_of_it(outside: Path) -> None:
    plan = plan_goal("predict password from ../outside/secret.csv")
    text = plan.model_dump_json()
    assert "hunter2" not in text
    plan = plan_goal("show me what's in innocent.csv")
    assert "hunter2" not in plan.model_dump_json()
