"""Round 29 review fixes: train names ask before replacing another tool's or the person's folder,
the consent message says which run wrote a file, and the flagged rows follow the scores' rule."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from errors import Conflict, ForgeflowError
from graphs.workflows import call_tool
from settings import get_settings
from store.outputs import made_by, record, refuse_replacing
from tools.base import ToolContext

MINE = b"id,label\r\nA1,\xc3\xa9\r\n"


def ws() -> Path:
    return get_settings().workspace


def run(tool: str, args: dict[str, Any], run_id: str | None = None) -> Any:
    return call_tool(tool, args, ToolContext(run_id=run_id))


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def table() -> str:
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"id": [f"r{i}" for i in range(120)], "signal": rng.normal(size=120)})
    frame["noise"] = rng.normal(size=120)
    frame["label"] = np.where(frame["signal"] > 0, "yes", "no")
    ws().mkdir(parents=True, exist_ok=True)
    frame.to_csv(ws() / "signal.csv", index=False)
    return "signal.csv"


def _train(name: str, run_id: str | None = None, **extra: Any) -> dict[str, Any]:
    args = {"dataset": "signal.csv", "label_column": "label", "name": name, "epochs": 2}
    return run("train_model", {**args, "model": "logistic", **extra}, run_id=run_id)


def _mine(rel: str) -> Path:
    path = ws() / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(MINE)
    return path


# ----- 1. train_model / train_generator names ------------------------------------------------
def test_retraining_under_its_own_name_replaces_its_model_in_any_run(table: str) -> None:
    _train("mine_model", run_id="run_a")
    assert made_by("models/mine_model")["tool"] == "train_model"
    out = _train("mine_model", run_id="run_b")
    assert out["model_path"] == "models/mine_model"


def test_a_model_save_model_saved_is_not_replaced_by_train_model_without_overwrite(
    table: str,
) -> None:
    _train("first", run_id="run_a")
    run("save_model", {"model": "models/first", "name": "kept"}, run_id="run_a")
    assert made_by("models/kept")["tool"] == "save_model"
    before = digest(ws() / "models/kept")
    with pytest.raises(Conflict) as caught:
        _train("kept", run_id="run_a")
    assert caught.value.status_code == 409
    assert caught.value.details["reason"] == "consent"
    assert caught.value.details["argument"] == "name"
    assert caught.value.details["existing"] == ["models/kept"]
    assert caught.value.details["suggested"] == "kept_2"
    assert "overwrite=true" in caught.value.hint
    assert digest(ws() / "models/kept") == before
    out = _train("kept", run_id="run_a", overwrite=True)
    assert out["model_path"] == "models/kept"
    assert made_by("models/kept")["tool"] == "train_model"


def test_the_persons_own_folder_is_refused_before_any_work(table: str) -> None:
    mine = _mine("models/own/notes.csv")
    with pytest.raises(Conflict) as caught:
        _train("own")
    assert caught.value.details["existing"] == ["models/own"]
    assert mine.read_bytes() == MINE
    assert sorted(p.name for p in (ws() / "models/own").iterdir()) == ["notes.csv"]


def test_train_generator_asks_before_replacing_the_persons_folder(table: str) -> None:
    mine = _mine("generators/gen/notes.csv")
    args = {"dataset": "signal.csv", "label_column": "label", "name": "gen", "epochs": 2}
    with pytest.raises(Conflict) as caught:
        run("train_generator", {**args, "measure_utility": False})
    assert caught.value.details["existing"] == ["generators/gen"]
    assert mine.read_bytes() == MINE
    run("train_generator", {**args, "measure_utility": False, "name": "gen2"}, run_id="r1")
    again = run("train_generator", {**args, "measure_utility": False, "name": "gen2"}, "r2")
    assert again["model_path"] == "generators/gen2"


def test_overwrite_is_in_the_consent_tools() -> None:
    from graphs.orchestrator import CONSENT_TOOLS

    assert {"train_model", "train_generator"} <= CONSENT_TOOLS


@pytest.mark.parametrize("bad", ["maybe", 2, [True], {"a": 1}, "\ud800", "\x00"])
def test_a_wrong_overwrite_is_4xx_and_writes_nothing(table: str, bad: Any) -> None:
    with pytest.raises(ForgeflowError) as caught:
        _train("never", overwrite=bad)
    assert 400 <= caught.value.status_code < 500
    assert not (ws() / "models/never").exists()


@pytest.mark.parametrize("name", ["..", "../../etc", "/etc/passwd", "~root", "a\x00b", "\ud800"])
def test_hostile_names_stay_inside_models_and_ask_about_what_is_there(
    table: str, name: str
) -> None:
    _mine("models/model/notes.csv")  # where names with nothing usable land ('model')
    _mine("models/etc/notes.csv")
    _mine("models/etc-passwd/notes.csv")
    _mine("models/root/notes.csv")
    _mine("models/a-b/notes.csv")
    with pytest.raises(ForgeflowError) as caught:  # a 409 consent, or a 400 for the surrogate
        _train(name)
    assert 400 <= caught.value.status_code < 500
    assert all((ws() / "models" / d / "notes.csv").read_bytes() == MINE for d in ("model", "etc"))


def test_the_training_api_asks_and_takes_overwrite(table: str) -> None:
    from fastapi.testclient import TestClient

    from graphs.runner import get_manager, reset_managers
    from server import app

    mine = _mine("models/own/notes.csv")
    client = TestClient(app, raise_server_exceptions=False)
    try:
        body = {"labeled_data_path": "signal.csv", "label_column": "label", "epochs": 2}
        asked = client.post("/api/training/train-model", json={**body, "name": "own"})
        assert asked.status_code == 409, asked.text
        assert mine.read_bytes() == MINE
        bad = client.post(
            "/api/training/train-model", json={**body, "name": "own", "overwrite": "perhaps"}
        )
        assert bad.status_code in (400, 422) and mine.read_bytes() == MINE
        ok = client.post(
            "/api/training/train-model", json={**body, "name": "own", "overwrite": True}
        )
        assert ok.status_code == 200, ok.text
        assert made_by("models/own")["tool"] == "train_model"
    finally:
        get_manager().shutdown()
        reset_managers()


# ----- 2. the flagged rows follow the scores file's rule ----------------------------------------
def _detect(run_id: str | None = None, **extra: Any) -> dict[str, Any]:
    args = {"dataset": "signal.csv", "epochs": 2, "detectors": ["isolation_forest"]}
    return run("detect_anomalies", {**args, **extra}, run_id=run_id)


def test_a_table_the_person_saved_is_not_replaced_by_the_flagged_rows(table: str) -> None:
    run("save_table", {"dataset": "signal.csv", "path": "kept.csv"})
    assert made_by("kept.csv")["tool"] == "save_table"
    before = (ws() / "kept.csv").read_bytes()
    with pytest.raises(Conflict) as caught:
        _detect(flagged_path="kept.csv")
    assert caught.value.details["argument"] == "flagged_path"
    assert caught.value.details["existing"] == ["kept.csv"]
    assert "not written by this run" in caught.value.message
    assert (ws() / "kept.csv").read_bytes() == before
    assert not (ws() / "generators").exists()  # refused before a generator was trained
    out = _detect(flagged_path="kept.csv", overwrite=True)
    assert out["flagged_path"] == "kept.csv" and (ws() / "kept.csv").read_bytes() != before


def test_an_unrecorded_file_under_an_output_folder_name_is_the_persons(table: str) -> None:
    mine = _mine("anomalies/mine.csv")
    with pytest.raises(Conflict):
        _detect(flagged_path="anomalies/mine.csv")
    assert mine.read_bytes() == MINE


def test_flagged_rows_beside_named_scores_from_another_run_are_asked_about(table: str) -> None:
    _detect("run_a", output="out/s.csv")
    _detect("run_a", output="out/s.csv")  # a resumed step rewrites both of its files
    before = (ws() / "out/s-flagged.csv").read_bytes()
    with pytest.raises(Conflict) as caught:
        _detect("run_b", output="out/s.csv")
    assert caught.value.details["existing"] == ["out/s.csv", "out/s-flagged.csv"]
    assert (ws() / "out/s-flagged.csv").read_bytes() == before


def test_the_default_flagged_rows_never_ask(table: str) -> None:
    first = _detect("run_a", model=None)
    again = _detect("run_b", model=first["model"])
    assert again["flagged_path"] == first["flagged_path"]
    assert again["flagged_path"].startswith("anomalies/")


@pytest.mark.parametrize(
    "bad", ["../x.csv", "/etc/x.csv", "~root/x.csv", "a\x00.csv", "\ud800.csv", 2**63, 7]
)
def test_hostile_flagged_paths_are_4xx_and_write_nothing(table: str, bad: Any) -> None:
    with pytest.raises(ForgeflowError) as caught:
        _detect(flagged_path=bad)
    assert 400 <= caught.value.status_code < 500
    assert not (ws() / "generators").exists() and not (ws() / "anomalies").exists()


def test_combined_as_names_the_negative_values_rule_as_a_floor(table: str) -> None:
    out = _detect(detectors=["isolation_forest", "negative_values"])
    assert "negative_values" in out["combined_as"] and "floor" in out["combined_as"]
    assert "mean of" in out["combined_as"]
    out = _detect(model=out["model"], detectors=["isolation_forest"])
    assert "negative_values" not in out["combined_as"]


# ----- 4. one rule for a number column: comparisons, statistics and sorting -------------------
@pytest.fixture
def prices() -> str:
    ws().mkdir(parents=True, exist_ok=True)
    cells = ["5", "TBC", "12", None, "7", "9", "30"]
    pd.DataFrame({"item": list("abcdefg"), "price": cells}).to_csv(ws() / "p.csv", index=False)
    return "p.csv"


def test_a_mostly_number_column_is_compared_its_words_never_matching(prices: str) -> None:
    out = run("preview_rows", {"dataset": prices, "where": {"price": {"gt": 8}}})
    assert [r[0] for r in out["rows"]] == ["c", "f", "g"]
    out = run("preview_rows", {"dataset": prices, "where": {"price": {"le": 1000}}})
    assert "b" not in [r[0] for r in out["rows"]] and out["total"] == 5
    total = run("inspect_dataset", {"dataset": prices, "label_column": "price", "statistic": "sum"})
    assert total["statistic"]["value"] == 63.0


def test_words_sort_after_the_numbers_and_before_the_empty_cells(prices: str) -> None:
    for descending, numbers in ((False, ["a", "e", "f", "c", "g"]), (True, list("gcfea"))):
        args = {"dataset": prices, "sort_by": "price", "descending": descending}
        out = run("preview_rows", args)
        assert [r[0] for r in out["rows"]] == [*numbers, "b", "d"], descending
        assert out["sorted"]["kind"] == "numbers"
        assert out["sorted"]["missing"] == 1 and out["sorted"]["not_numbers"] == 1


def test_a_column_of_words_is_still_no_number_column(prices: str) -> None:
    with pytest.raises(ForgeflowError) as caught:
        run("preview_rows", {"dataset": prices, "where": {"item": {"gt": 1}}})
    assert caught.value.status_code == 400 and "price" in caught.value.hint


def test_blank_cells_are_empty_not_words() -> None:
    from tools.local import _as_numbers, _numbers

    series = pd.Series(["1", " ", "", "2", None, "x", "3", "4", "5"], dtype=object)
    values, words = _as_numbers(series)
    assert words == 1 and values.tolist()[0] == 1.0
    assert _numbers(series) is not None and _numbers(pd.Series(["x", "y", "1"])) is None


# ----- 5. the consent message says which run ---------------------------------------------------
def test_another_runs_file_is_said_to_be_not_written_by_this_run() -> None:
    _mine("out/rows.csv")
    record(["out/rows.csv"], tool="predict", run_id="run_a")
    with pytest.raises(Conflict) as caught:
        refuse_replacing(
            "output", "out/rows.csv", ["out/rows.csv"], tool="predict", overwrite=False,
            run_id="run_b", same_run=True,
        )  # fmt: skip
    assert "not written by this run" in caught.value.message
    assert "predict did not write" not in caught.value.message
    with pytest.raises(Conflict) as caught:
        refuse_replacing(
            "output", "out/rows.csv", ["out/rows.csv"], tool="save_table", overwrite=False
        )
    assert "save_table did not write it" in caught.value.message
