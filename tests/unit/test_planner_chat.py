"""Issue 11, done when: `forgeflow chat` holds a whole conversation in a new user's own words."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from settings import get_settings
from tests.utils.person_data import write_person_data

ROOT = Path(__file__).resolve().parents[2]
TURNS = [
    "what data do I have?",
    "inspect reviews.csv",
    "fill in the missing labels",
    "train on that and test on reviews_test.csv",
    "what was the F1?",
    "make it better",
]


@pytest.mark.slow
def test_forgeflow_chat_holds_the_done_when_conversation(home: Path) -> None:
    write_person_data(get_settings().workspace)
    env = {**os.environ, "FORGEFLOW_HOME": str(home), "FORGEFLOW_LLM": "builtin"}
    env["FORGEFLOW_MAX_ATTEMPTS"] = "2"
    done = subprocess.run(
        [sys.executable, "-m", "cli", "chat"],
        input="\n".join(TURNS) + "\n\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=900,
    )
    out = done.stdout
    assert done.returncode == 0, done.stderr[-2000:]
    # Each answer follows its prompt; split the transcript at the prompts.
    answers = [a.strip() for a in re.split(r"you> ", out)[1:]]
    assert len(answers) >= len(TURNS), out[-3000:]
    listing, inspected, labeled, trained, f1, better = answers[: len(TURNS)]
    assert "reviews.csv" in listing and "wine_train.csv" in listing
    assert "160 rows" in inspected
    assert "label_dataset" in labeled and "failed" not in labeled
    assert "train_model" in trained and "failed" not in trained
    assert "reviews_test.csv" in trained or "test" in trained
    # "what was the F1?" is answered from the thread, with the number, without running a tool.
    assert re.search(r"F1: [01]\.\d{3}", f1), f1
    assert "1. train_model" not in f1
    # "make it better" re-runs the training loop stronger and says what it changed; more
    # attempts only when a target makes them run (none can be judged above a perfect split).
    assert "train_model" in better and "instead of" in better, better
    ran_one = "no target set: 1 attempt" in better
    assert ("attempts instead of" in better) != ran_one, better
    assert not ran_one or "one attempt, as before" in better, better
