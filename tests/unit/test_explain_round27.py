"""explain_model (permutation importance per input column) and evaluate_model's worst_rows."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from fastapi.testclient import TestClient

from agents.reporter import summarise_output
from errors import BadInput, Cancelled, ForgeflowError, InvalidArguments
from graphs.workflows import call_tool
from settings import get_settings
from tools.base import ToolContext

LONE = "\ud800"
WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()
_CACHE: dict[str, Path] = {}


def ws() -> Path:
    return get_settings().workspace


def run(tool: str, args: dict[str, Any]) -> Any:
    return call_tool(tool, args, ToolContext())


def signal_table(n: int, seed: int) -> pd.DataFrame:
    """`label` depends on `signal` only; the other columns (numeric, category, text) are noise."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(n)],
            "signal": rng.normal(size=n),
            "noise_a": rng.normal(size=n),
            "noise_b": rng.normal(size=n),
            "colour": rng.choice(["red", "green", "blue"], n),
            "note": [" ".join(rng.choice(WORDS, 6)) for _ in range(n)],
        }
    )
    frame["label"] = np.where(frame["signal"] > 0, "yes", "no")
    return frame


def sales_table(n: int, seed: int) -> pd.DataFrame:
    """`sales` is 10 * temperature + a little noise; `day` is the id."""
    rng = np.random.default_rng(seed)
    temperature = rng.uniform(0, 30, n)
    return pd.DataFrame(
        {
            "day": [f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}" for i in range(n)],
            "temperature": temperature,
            "wind": rng.uniform(0, 10, n),
            "sales": 10 * temperature + rng.normal(0, 1, n),
        }
    )


def _trained(key: str, frame: pd.DataFrame, args: dict[str, Any], cache: Path) -> None:
    """Train once per test module, then copy the table and model into each test's workspace."""
    if key not in _CACHE:
        frame.to_csv(ws() / f"{key}.csv", index=False)
        run("train_model", {"dataset": f"{key}.csv", "name": key, "seed": 0, **args})
        shutil.copytree(ws(), cache / key)
        _CACHE[key] = cache / key
    else:
        shutil.copytree(_CACHE[key], ws(), dirs_exist_ok=True)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("explain-models")


@pytest.fixture
def classifier(cache: Path) -> str:
    ws().mkdir(parents=True, exist_ok=True)
    args = {"label_column": "label", "epochs": 25, "patience": 5}
    _trained("signal", signal_table(500, 0), args, cache)
    signal_table(300, 1).to_csv(ws() / "signal_test.csv", index=False)
    return "models/signal"


@pytest.fixture
def regressor(cache: Path) -> str:
    ws().mkdir(parents=True, exist_ok=True)
    args = {"label_column": "sales", "task": "regression", "epochs": 60, "model": "linear"}
    _trained("sales", sales_table(300, 0), args, cache)
    return "models/sales"


@pytest.fixture
def tested(cache: Path) -> str:
    """A classifier trained with a test file (`held_out.csv`, recorded in its splits.json)."""
    ws().mkdir(parents=True, exist_ok=True)
    signal_table(300, 1).to_csv(ws() / "held_out.csv", index=False)
    args = {"label_column": "label", "epochs": 25, "patience": 5, "test_dataset": "held_out.csv"}
    _trained("tested", signal_table(500, 0), args, cache)
    return "models/tested"


def files() -> set[str]:
    return {str(p.relative_to(ws())) for p in ws().rglob("*")}


# ----- explain_model: what it finds ---------------------------------------------------------------
def test_the_one_column_the_label_depends_on_ranks_first_by_a_clear_margin(
    classifier: str,
) -> None:
    out = run("explain_model", {"model": classifier, "dataset": "signal_test.csv"})
    ranked = out["importances"]
    assert out["metric"] == "f1_macro" and out["higher_is_better"] is True
    assert out["baseline_value"] > 0.85
    assert ranked[0]["column"] == "signal"
    assert ranked[0]["drop"] > 0.3
    assert all(r["drop"] < 0.05 for r in ranked[1:])
    assert ranked[0]["drop"] - ranked[1]["drop"] > 0.25
    # every input column, text and category included, was shuffled as a whole
    assert {r["column"] for r in ranked} == {"signal", "noise_a", "noise_b", "colour", "note"}
    assert {r["kind"] for r in ranked} == {"numeric", "categorical", "text"}
    assert [r["drop"] for r in ranked] == sorted((r["drop"] for r in ranked), reverse=True)
    assert out["rows_used"] == 300 and out["capped"] == [] and out["not_measured"] == []
    assert set(ranked[0]) == {"column", "kind", "drop", "std"}


def test_the_same_seed_gives_the_same_answer_and_top_bounds_the_list(classifier: str) -> None:
    args = {"model": classifier, "dataset": "signal_test.csv", "repeats": 2, "seed": 7}
    first, second = run("explain_model", args), run("explain_model", args)
    assert first == second
    top = run("explain_model", {**args, "top": 2})
    assert top["importances"] == first["importances"][:2] and top["columns_measured"] == 5


def test_it_reports_progress_per_column_and_stops_when_cancelled(classifier: str) -> None:
    import threading

    events: list[dict[str, Any]] = []
    ctx = ToolContext(emit=events.append)
    call_tool("explain_model", {"model": classifier, "repeats": 1}, ctx)
    assert any("shuffling signal" in e["message"] for e in events)
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        call_tool("explain_model", {"model": classifier}, ToolContext(cancel_event=stop))


def test_with_no_dataset_it_measures_on_the_models_validation_rows(classifier: str) -> None:
    before = files()
    out = run("explain_model", {"model": "signal"})  # a bare model name, as evaluate_model
    assert out["split"] == "validation" and out["dataset"] == "signal.csv"
    assert out["rows_used"] == 100 and out["importances"][0]["column"] == "signal"
    assert files() == before  # it writes nothing


def test_a_model_with_no_recorded_validation_rows_asks_for_a_dataset(classifier: str) -> None:
    (ws() / classifier / "splits.json").unlink()
    with pytest.raises(BadInput) as err:
        run("explain_model", {"model": classifier})
    assert err.value.status_code == 400
    assert "dataset" in err.value.hint and err.value.details["argument"] == "dataset"


def test_with_no_dataset_it_measures_on_the_test_file_the_model_was_tested_on(
    tested: str,
) -> None:
    splits = json.loads((ws() / tested / "splits.json").read_text())
    assert splits["test_dataset"] == "held_out.csv" and splits["test_rows"] == 300
    assert splits["test_label_column"] == "label" and len(splits["test_fingerprint"]) == 64
    before = files()
    out = run("explain_model", {"model": tested})
    assert out["split"] == "test" and out["dataset"] == "held_out.csv"
    assert out["rows_used"] == 300 and out["importances"][0]["column"] == "signal"
    assert "warnings" not in out
    assert files() == before  # it writes nothing
    # evaluate_model with no dataset still re-measures the validation split (docs/training.md)
    assert run("evaluate_model", {"model": tested})["split"] == "validation"


def test_with_the_test_file_gone_it_falls_back_to_the_validation_split_and_says_so(
    tested: str,
) -> None:
    (ws() / "held_out.csv").unlink()
    out = run("explain_model", {"model": tested})
    assert out["split"] == "validation" and out["dataset"] == "tested.csv"
    assert out["rows_used"] == 100 and out["importances"][0]["column"] == "signal"
    assert "held_out.csv" in out["warnings"][0] and "gone" in out["warnings"][0]
    assert any("gone" in line for line in summarise_output("explain_model", out))


def test_a_test_file_changed_since_training_is_still_used_with_a_warning(tested: str) -> None:
    signal_table(250, 2).to_csv(ws() / "held_out.csv", index=False)
    out = run("explain_model", {"model": tested})
    assert out["split"] == "test" and out["rows_used"] == 250
    assert "changed since" in out["warnings"][0] and "300 rows then, 250 now" in out["warnings"][0]


def test_a_regressor_is_measured_by_the_mae_shuffling_adds(regressor: str) -> None:
    out = run("explain_model", {"model": regressor})
    assert out["metric"] == "mae" and out["higher_is_better"] is False
    assert [r["column"] for r in out["importances"]] == ["temperature", "wind"]
    assert out["importances"][0]["drop"] > 20 * max(out["importances"][1]["drop"], 0.1)


def test_the_cost_cap_samples_rows_then_cuts_repeats_then_columns_and_says_so(
    classifier: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tools.training import explain

    plan = explain.plan_work(5000, 3, ["a", "b", "c"], budget=9_000)
    assert (plan.rows, plan.repeats, plan.columns) == (1000, 3, ["a", "b", "c"])
    assert plan.capped == ["rows sampled down from 2000 to 1000"]
    plan = explain.plan_work(5000, 3, [f"c{i}" for i in range(60)], budget=9_000)
    assert (plan.rows, plan.repeats, plan.columns) == (200, 1, [f"c{i}" for i in range(45)])
    assert plan.capped == [
        "rows sampled down from 2000 to 200",
        "repeats cut from 3 to 1",
        "only the first 45 of 60 columns measured",
    ]
    assert explain.plan_work(150, 3, ["a"]) == explain.Plan(150, 3, ["a"], [])

    monkeypatch.setattr(explain, "CELL_BUDGET", 600)
    out = run("explain_model", {"model": classifier, "dataset": "signal_test.csv"})
    assert out["capped"] and "cost cap" in out["warnings"][0]
    assert out["rows_used"] * out["repeats"] * out["columns_measured"] <= 600
    assert {r["reason"] for r in out["not_measured"]} == {"over the cost cap"}


def test_a_large_table_is_sampled_with_the_seed(classifier: str) -> None:
    signal_table(2600, 5).to_csv(ws() / "big.csv", index=False)
    out = run("explain_model", {"model": classifier, "dataset": "big.csv", "repeats": 1})
    assert out["rows_used"] == 2000 and out["rows_available"] == 2600
    assert out["importances"][0]["column"] == "signal"


def test_shuffled_features_are_what_the_models_own_preprocessing_makes(classifier: str) -> None:
    from tools.training.explain import permuted_features
    from tools.training.train import load_model

    model = load_model(ws() / classifier)
    frame = signal_table(40, 3)
    base = model.preprocessor.transform(frame)
    order = np.random.default_rng(0).permutation(len(frame))
    for column in model.preprocessor.feature_columns:
        shuffled = frame.copy()
        shuffled[column] = frame[column].to_numpy()[order]
        want = model.preprocessor.transform(shuffled).toarray()
        got = permuted_features(model, frame, base.tocsc(), column, order).toarray()
        assert np.array_equal(got, want), column
    # two text columns share one block: shuffling one re-vectorises the joined documents
    model.preprocessor.text_columns = ["note", "colour"]
    model.preprocessor.categorical_columns = []
    base = model.preprocessor.transform(frame)
    shuffled = frame.assign(colour=frame["colour"].to_numpy()[order])
    want = model.preprocessor.transform(shuffled).toarray()
    assert np.array_equal(permuted_features(model, frame, base, "colour", order).toarray(), want)


def test_the_answer_names_the_columns_that_mattered(classifier: str) -> None:
    out = run("explain_model", {"model": classifier, "dataset": "signal_test.csv"})
    lines = summarise_output("explain_model", out)
    assert "columns that mattered most" in lines[0] and "F1 (macro)" in lines[0]
    assert lines[1].strip().startswith("signal:")


# ----- explain_model: hostile input ---------------------------------------------------------------
@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A model folder and a table outside the workspace, linked from inside it."""
    target = tmp_path / "outside"
    target.mkdir()
    return target


def _links(classifier: str, outside: Path) -> None:
    shutil.copytree(ws() / classifier, outside / "model")
    shutil.copyfile(ws() / "signal_test.csv", outside / "rows.csv")
    os.symlink(outside / "model", ws() / "model_link")
    os.symlink(outside / "rows.csv", ws() / "rows_link.csv")
    (ws() / "not_a_model").mkdir()
    (ws() / "not_a_model" / "notes.txt").write_text("hello")


HOSTILE_PATHS = [
    ("..", 403),
    ("../..", 403),
    ("/etc", 403),
    ("~root", 403),
    ("models\x00/signal", 400),
    (f"models/{LONE}", 422),
    (str(2**63), 404),
    ("model_link", 403),
    ("not_a_model", 404),
    ("signal_test.csv", 400),
]


@pytest.mark.parametrize(("value", "status"), HOSTILE_PATHS)
def test_a_hostile_model_path_is_a_clear_4xx_that_writes_nothing(
    classifier: str, outside: Path, value: str, status: int
) -> None:
    _links(classifier, outside)
    before = files()
    with pytest.raises(ForgeflowError) as err:
        run("explain_model", {"model": value, "dataset": "signal_test.csv"})
    assert err.value.status_code == status, err.value
    assert err.value.hint
    assert files() == before


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("..", 403),
        ("/etc/passwd", 403),
        ("~root/rows.csv", 403),
        ("rows\x00.csv", 404),  # as evaluate_model and predict answer it
        (f"rows{LONE}.csv", 422),
        (str(2**63), 404),
        ("rows_link.csv", 403),
        ("not_a_model", 404),
    ],
)
def test_a_hostile_dataset_is_a_clear_4xx_that_writes_nothing(
    classifier: str, outside: Path, value: str, status: int
) -> None:
    _links(classifier, outside)
    before = files()
    with pytest.raises(ForgeflowError) as err:
        run("explain_model", {"model": classifier, "dataset": value})
    assert err.value.status_code == status, err.value
    assert files() == before


@pytest.mark.parametrize("name", ["top", "repeats", "seed"])
@pytest.mark.parametrize("value", [2**63, -1, "3\x00", LONE, 10**6])
def test_a_hostile_number_is_a_422(classifier: str, name: str, value: Any) -> None:
    if name == "seed" and value == 10**6:
        value = 2**32  # a seed of a million is fine; past 32 bits is not
    before = files()
    with pytest.raises(InvalidArguments) as err:
        run("explain_model", {"model": classifier, name: value})
    assert err.value.status_code == 422
    assert files() == before


def test_a_label_column_the_rows_lack_names_the_columns(classifier: str) -> None:
    with pytest.raises(BadInput) as err:
        run(
            "explain_model",
            {"model": classifier, "dataset": "signal_test.csv", "label_column": "lable"},
        )
    assert err.value.details["argument"] == "label_column"
    assert "label" in err.value.details["candidates"]


# ----- every surface, from the one registry -------------------------------------------------------
@pytest.fixture
def client(home: Path) -> Iterator[TestClient]:
    from graphs.runner import get_manager, reset_managers
    from server import app

    yield TestClient(app, raise_server_exceptions=False)
    get_manager().shutdown()
    reset_managers()


def test_the_tool_is_listed_and_callable_over_http(classifier: str, client: TestClient) -> None:
    listed = {t["name"]: t for t in client.get("/tools").json()["tools"]}
    schema = listed["explain_model"]["input_schema"]
    assert schema["required"] == ["model"]
    assert {"dataset", "top", "repeats", "seed", "label_column"} <= set(schema["properties"])
    r = client.post("/tools/explain_model", json={"model": classifier, "repeats": 1})
    assert r.status_code == 200, r.text
    assert r.json()["output"]["importances"][0]["column"] == "signal"
    for body, status in [
        ({"model": "../x"}, 403),
        ({"model": classifier, "top": 0}, 422),
        ({"model": "models/none"}, 404),
    ]:
        assert client.post("/tools/explain_model", json=body).status_code == status


def test_the_cli_and_mcp_list_it_from_the_registry() -> None:
    import anyio
    from typer.testing import CliRunner

    import cli
    from api.mcp import build_mcp_server
    from tools.registry import get_tool

    spec = get_tool("explain_model")
    assert spec.summary.startswith("Rank a trained model's input columns")
    listed = json.loads(CliRunner().invoke(cli.app, ["tools", "list", "--json"]).stdout)
    by_name = {t["name"]: t for t in listed}
    assert by_name["explain_model"]["input_schema"] == spec.input_schema()
    mcp = {t.name: t for t in anyio.run(build_mcp_server().list_tools)}
    assert mcp["explain_model"].input_schema == spec.input_schema()
    assert mcp["explain_model"].description == spec.description


# ----- evaluate_model: the rows it got most wrong ------------------------------------------------
def test_a_regressors_worst_rows_list_the_planted_large_error_first(regressor: str) -> None:
    test = sales_table(60, 9)
    test.loc[17, "sales"] += 500  # a day the model cannot have foreseen
    test.loc[40, "sales"] -= 200
    test.to_csv(ws() / "sales_test.csv", index=False)
    out = run("evaluate_model", {"model": regressor, "dataset": "sales_test.csv"})
    worst = out["worst_rows"]
    assert 1 <= len(worst) <= 10
    assert worst[0]["row"] == 17 and worst[0]["id_column"] == "day"
    assert worst[0]["id"] == test.loc[17, "day"]
    assert worst[0]["actual"] == pytest.approx(test.loc[17, "sales"], abs=1e-4)
    assert worst[0]["error"] == pytest.approx(worst[0]["predicted"] - worst[0]["actual"], abs=1e-4)
    assert worst[0]["error"] < -400 and worst[1]["row"] == 40 and worst[1]["error"] > 150
    errors = [abs(r["error"]) for r in worst]
    assert errors == sorted(errors, reverse=True)
    lines = summarise_output("evaluate_model", out)
    assert any(line.startswith("  largest errors: row 17 (day ") for line in lines)
    assert json.loads(json.dumps(worst)) == worst


def test_a_classifiers_worst_rows_are_its_most_confident_mistakes(classifier: str) -> None:
    test = signal_table(200, 4)
    test.loc[5, "signal"] = 6.0  # far on the 'yes' side, labeled 'no'
    test.loc[5, "label"] = "no"
    test.to_csv(ws() / "flipped.csv", index=False)
    out = run("evaluate_model", {"model": classifier, "dataset": "flipped.csv"})
    worst = out["worst_rows"]
    assert worst[0] == {
        "row": 5,
        "id_column": "id",
        "id": "r5",
        "actual": "no",
        "predicted": "yes",
        "confidence": worst[0]["confidence"],
    }
    assert worst[0]["confidence"] > 0.9
    assert all(r["actual"] != r["predicted"] for r in worst)
    confidences = [r["confidence"] for r in worst]
    assert confidences == sorted(confidences, reverse=True) and len(worst) <= 10
    lines = summarise_output("evaluate_model", out)
    assert any("most confident wrong predictions: row 5 (id r5)" in line for line in lines)


def test_validation_worst_rows_are_numbered_in_the_training_table(classifier: str) -> None:
    out = run("evaluate_model", {"model": classifier})
    table = pd.read_csv(ws() / "signal.csv")
    for r in out["worst_rows"]:
        assert table.loc[r["row"], "id"] == r["id"]
        assert table.loc[r["row"], "label"] == r["actual"]


def test_worst_rows_without_an_id_give_the_row_number(regressor: str) -> None:
    test = sales_table(30, 2).drop(columns=["day"])
    test.loc[3, "sales"] += 300
    test.to_csv(ws() / "no_ids.csv", index=False)
    worst = run("evaluate_model", {"model": regressor, "dataset": "no_ids.csv"})["worst_rows"]
    assert worst[0] == {
        "row": 3,
        "actual": worst[0]["actual"],
        "predicted": worst[0]["predicted"],
        "error": worst[0]["error"],
    }
