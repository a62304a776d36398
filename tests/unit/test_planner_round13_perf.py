"""Round 13: plan-time caches stay correct, and one evaluate-or-predict decision for a model's use."""

from __future__ import annotations

import random
import re
import shutil
from difflib import SequenceMatcher
from pathlib import Path

import pytest

import tools.profile as profile_module
from agents.heldout import USE_LEAD
from agents.planner import MODEL_ON_RE, RERUN_RE, RETRAIN_RE
from agents.prediction import PREDICTIONS_SAID, model_use
from agents.references import similar
from settings import get_settings, reset_settings
from store.db import reset_engines
from tools.profile import profile_table


def _write(path: Path, header: str, rows: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + "\n" + "".join(f"{i},{'ab'[i % 2]},{i * 3}\n" for i in range(rows)))


def _new_home(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / name
    monkeypatch.setenv("FORGEFLOW_HOME", str(home))
    reset_settings()
    reset_engines()
    get_settings().workspace.mkdir(parents=True, exist_ok=True)
    return get_settings().workspace


def test_a_copied_table_is_not_profiled_again_and_keeps_its_own_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _new_home(tmp_path, "one", monkeypatch)
    _write(first / "orchards.csv", "tree_id,variety,yield_kg", 40)
    original = profile_table("orchards.csv")
    assert original is not None and original["names"] == ["tree_id", "variety", "yield_kg"]
    second = _new_home(tmp_path, "two", monkeypatch)
    shutil.copy2(first / "orchards.csv", second / "orchards.csv")
    (second / "sub").mkdir()
    shutil.copy2(first / "orchards.csv", second / "sub" / "orchards.csv")

    def no_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the same bytes were read as a table again")

    monkeypatch.setattr(profile_module, "read_table", no_read)
    copied = profile_table("sub/orchards.csv")
    assert copied is not None and copied is not original
    assert copied["dataset"] == "sub/orchards.csv" and original["dataset"] == "orchards.csv"
    assert copied["columns"] == original["columns"] and copied["rows"] == 40


def test_a_changed_table_is_profiled_again_wherever_it_lies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = _new_home(tmp_path, "one", monkeypatch)
    _write(workspace / "hives.csv", "hive_id,colour,honey_g", 30)
    assert profile_table("hives.csv")["names"] == ["hive_id", "colour", "honey_g"]  # type: ignore[index]
    _write(workspace / "hives.csv", "hive_id,queen_seen,honey_g", 45)  # new bytes, same path
    changed = profile_table("hives.csv")
    assert changed is not None and changed["names"] == ["hive_id", "queen_seen", "honey_g"]
    assert changed["rows"] == 45
    other = _new_home(tmp_path, "two", monkeypatch)
    _write(other / "hives.csv", "hive_id,colour,honey_g", 31)  # not the bytes profiled before
    again = profile_table("hives.csv")
    assert again is not None and again["rows"] == 31


def test_the_profile_caches_stay_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile_module, "MAX_CACHED", 5)
    workspace = _new_home(tmp_path, "one", monkeypatch)
    for i in range(12):
        _write(workspace / f"t{i}.csv", "row_id,kind,amount", 10 + i)
        assert profile_table(f"t{i}.csv") is not None
    assert len(profile_module._CACHE) <= 5 and len(profile_module._BY_CONTENT) <= 5
    assert profile_table("t11.csv")["rows"] == 21  # type: ignore[index]


def test_the_quick_word_match_agrees_with_the_matcher() -> None:
    rng = random.Random(13)
    letters = ["xy", "xyz", "lmnopq", "abcdefghijklmnopqrstuvwxyz"]
    for _ in range(20000):
        alphabet = rng.choice(letters)
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 11)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 11)))
        if rng.random() < 0.4 and a:
            b = a[:-1] + rng.choice(alphabet)  # a near spelling
        for bar in (0.86, 0.8):
            assert similar(a, b, bar) == (SequenceMatcher(None, a, b).ratio() >= bar)


@pytest.mark.parametrize(
    ("tool", "labeled", "said", "use"),
    [
        ("predict", True, "and tell me how it went", "evaluate_model"),
        ("predict", True, "and write the guesses into guesses.csv", "predict"),
        ("predict", True, "and flag each parcel", "predict"),
        ("inspect_dataset", True, "and list the late parcels", "evaluate_model"),
        ("inspect_dataset", False, "please", "predict"),
        ("evaluate_model", False, "and measure the accuracy", "evaluate_model"),
        ("evaluate_model", False, "the accuracy, and save the guesses", "predict"),
        ("evaluate_model", False, "now", "predict"),
        ("evaluate_model", True, "and save them", "evaluate_model"),
        ("predict", False, "and measure it", "predict"),
    ],
)
def test_one_decision_for_the_use_of_the_threads_model(
    tool: str, labeled: bool, said: str, use: str
) -> None:
    assert model_use(tool, labeled, said) == use


def test_a_file_named_is_no_word_for_predictions() -> None:
    assert not re.search(PREDICTIONS_SAID, "try it on the parcels file from june", re.I)
    assert re.search(PREDICTIONS_SAID, "put the probabilities in a file", re.I)


def test_a_training_said_again_is_a_rerun_from_one_source() -> None:
    for said in ("refit the forest", "re-train it", "train it again", "fit the forest anew"):
        assert re.search(RETRAIN_RE, said, re.I), said
        assert RERUN_RE.search(said), said
    assert not re.search(RETRAIN_RE, "train a forest on parcels.csv", re.I)


def test_the_verbs_that_put_a_model_to_a_table_are_shared() -> None:
    for said in ("tried it on the june parcels", "applied it to the june parcels"):
        assert MODEL_ON_RE.search(said), said
        assert re.search(USE_LEAD, said, re.I), said
    assert MODEL_ON_RE.search("check it against the june parcels")  # a measuring verb
    assert not re.search(USE_LEAD, "check it against the june parcels", re.I)
