"""Regression in train_model / evaluate_model / predict: the auto rule, metrics, the loop's
lower-is-better targets, hostile targets, and what reads a regressor's outputs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from fastapi.testclient import TestClient

from agents.reporter import write_answer
from agents.tuner import best_entry, builtin_tune
from errors import BadInput
from graphs.loop import better, meets
from graphs.workflows import call_tool
from tests.utils.training_data import put, workspace
from tools.base import ToolContext
from tools.training.evaluate import canonical_metric, metric_for_task, regression_metrics
from tools.training.train import TrainConfig, resolve_task

FAST = {"epochs": 60, "patience": 8, "seed": 0}


def diabetes() -> pd.DataFrame:
    """sklearn's bundled diabetes table (442 rows, 10 features, a continuous `target`)."""
    from sklearn.datasets import load_diabetes

    data = load_diabetes(as_frame=True)
    return data.frame.reset_index(drop=True)


@pytest.fixture
def tables() -> dict[str, str]:
    """diabetes split 342 / 100 rows, as CSV in the workspace; the test rows also without target."""
    frame = diabetes()
    rng = np.random.default_rng(1)
    order = rng.permutation(len(frame))
    train, test = frame.iloc[order[:342]], frame.iloc[order[342:]]
    return {
        "train": put(train.reset_index(drop=True), "diab_train.csv"),
        "test": put(test.reset_index(drop=True), "diab_test.csv"),
        "new": put(test.drop(columns=["target"]).reset_index(drop=True), "diab_new.csv"),
    }


def report_of(tool: str, output: dict[str, Any], metric: str | None = None) -> str:
    """The answer lines of one completed step (the person asked for `metric` when given)."""
    plan = {"steps": [], "asked": {"metric": metric} if metric else {}}
    return write_answer(plan, [{"tool": tool, "status": "completed", "output": output}])


def train(args: dict[str, Any]) -> dict[str, Any]:
    return call_tool("train_model", args, ToolContext())


@pytest.fixture
def trained(tables: dict[str, str]) -> dict[str, Any]:
    return train(
        {
            "dataset": tables["train"],
            "label_column": "target",
            "model": "linear",
            "name": "lin",
            **FAST,
        }
    )


# ----- the auto rule -----------------------------------------------------------------------
def test_auto_regresses_a_continuous_label_and_keeps_classes_classes() -> None:
    from tools.tabular import sklearn_frame

    frame = diabetes()
    assert resolve_task(frame, "target", "auto") == "regression"
    # digits' `digit` (10 integers) and wine's `cultivar` (3) are classes, as before
    digits = sklearn_frame("digits")
    label = "digit" if "digit" in digits.columns else "target"
    assert resolve_task(digits, label, "auto") == "classification"
    wine = sklearn_frame("wine")
    label = "cultivar" if "cultivar" in wine.columns else "target"
    assert resolve_task(wine, label, "auto") == "classification"
    # an integer column named like classes stays classes however many values it has
    codes = pd.DataFrame({"x": range(200), "label": [i % 40 for i in range(200)]})
    assert resolve_task(codes, "label", "auto") == "classification"
    # the same integers under a quantity's name are a quantity
    days = codes.rename(columns={"label": "days_to_supply"})
    assert resolve_task(days, "days_to_supply", "auto") == "regression"
    glucose = codes.rename(columns={"label": "glucose_level"})
    assert resolve_task(glucose, "glucose_level", "auto") == "regression"
    flags = pd.DataFrame({"x": range(50), "y": [bool(i % 2) for i in range(50)]})
    assert resolve_task(flags, "y", "auto") == "classification"
    words = pd.DataFrame({"x": range(50), "y": [f"w{i}" for i in range(50)]})
    assert resolve_task(words, "y", "auto") == "classification"
    assert resolve_task(words, "y", "regression") == "regression"


def test_metric_names_and_task_mismatch() -> None:
    for said, key in (
        ("MAE", "mae"),
        ("mean absolute error", "mae"),
        ("RMSE", "rmse"),
        ("root-mean-squared-error", "rmse"),
        ("R²", "r2"),
        ("r-squared", "r2"),
        ("R2", "r2"),
        ("F1", "f1_macro"),
    ):
        assert canonical_metric(said) == key
    assert metric_for_task(None, "regression") == "r2"
    assert metric_for_task(None, "classification") == "auc"
    with pytest.raises(BadInput) as caught:
        metric_for_task("auc", "regression")
    assert "r2" in caught.value.hint and "mae" in caught.value.hint
    with pytest.raises(BadInput) as caught:
        metric_for_task("mae", "classification")
    assert "auc" in caught.value.hint


def test_regression_metrics_by_hand() -> None:
    scores = regression_metrics(np.array([1.0, 2.0, 3.0, 4.0]), np.array([1.0, 2.0, 3.0, 6.0]))
    assert scores["mae"] == 0.5
    assert scores["rmse"] == 1.0
    assert scores["r2"] == pytest.approx(1 - 4 / 5)


# ----- training, evaluation, prediction ----------------------------------------------------
def test_mlp_regression_beats_the_mean_on_held_out_rows(tables: dict[str, str]) -> None:
    out = train(
        {
            "dataset": tables["train"],
            "test_dataset": tables["test"],
            "model": "mlp",
            "learning_rate": 0.003,
            **FAST,
        }
    )
    assert out["task"] == "regression" and out["classes"] == []
    assert out["label_column"] == "target"
    assert out["target"]["metric"] == "r2"
    test, base = out["test_metrics"], out["test_baseline"]
    assert test["r2"] > 0.3, test  # the mean's R² is about 0 on these rows
    assert base["r2"] < 0.05 and test["mae"] < 0.85 * base["mae"]
    assert set(out["metrics"]) >= {"r2", "mae", "rmse"} and "accuracy" not in out["metrics"]
    assert "accuracy" not in out["history"][0]["metrics"]
    folder = workspace() / out["model_path"]
    config = json.loads((folder / "config.json").read_text())
    assert config["task"] == "regression"
    assert config["arch"]["n_classes"] == 1
    # the scaling is the training split's, never pickled
    assert config["target_scaling"]["std"] > 0
    assert not list(folder.rglob("*.pkl")) and not list(folder.rglob("*.pt"))
    names = [a["name"] for a in out["artifacts"]]
    assert "test predicted vs actual" in names and "test confusion matrix" not in names
    assert (folder / "test" / "scatter.png").is_file()


def test_linear_regression_is_seeded(tables: dict[str, str]) -> None:
    args = {"dataset": tables["train"], "model": "linear", **FAST}
    a = train({**args, "name": "a"})
    b = train({**args, "name": "b"})
    assert a["history"][0]["model"] == "linear"
    assert a["validation_metrics"] == b["validation_metrics"]
    from safetensors.torch import load_file

    wa = load_file(str(workspace() / a["model_path"] / "model.safetensors"))
    wb = load_file(str(workspace() / b["model_path"] / "model.safetensors"))
    assert all(bool((wa[k] == wb[k]).all()) for k in wa)
    c = train({**args, "name": "c", "seed": 5})
    assert c["validation_metrics"] != a["validation_metrics"]  # the split moves with the seed


def test_evaluate_and_predict_a_regressor(trained: dict[str, Any], tables: dict[str, str]) -> None:
    out = call_tool(
        "evaluate_model", {"model": trained["model_path"], "dataset": tables["test"]}, ToolContext()
    )
    assert out["task"] == "regression"
    assert out["rows"] == 100
    assert out["metrics"]["r2"] > 0.3
    assert out["baseline"]["mae"] > out["metrics"]["mae"]
    assert isinstance(out["baseline"]["predicts"], float)
    assert [a["name"] for a in out["artifacts"]] == ["evaluation", "predicted vs actual"]
    assert (workspace() / out["output_dir"] / "scatter.png").is_file()
    line = report_of("evaluate_model", out)
    assert "R²=" in line and "MAE=" in line and "RMSE=" in line
    assert "training-mean baseline" in line and "majority-class" not in line
    # no dataset: the validation split, re-read by position
    again = call_tool("evaluate_model", {"model": trained["model_path"]}, ToolContext())
    assert again["rows"] == trained["rows"]["validation"]
    assert again["metrics"]["r2"] == pytest.approx(trained["validation_metrics"]["r2"])
    # two regressors compared on the same rows
    other = train({"dataset": tables["train"], "model": "mlp", "name": "mlp", **FAST})
    both = call_tool(
        "evaluate_model",
        {
            "model": trained["model_path"],
            "dataset": tables["test"],
            "compare_model": other["model_path"],
        },
        ToolContext(),
    )
    assert set(both["comparison"]["metrics"]) == {"r2", "mae", "rmse"}
    assert both["comparison"]["delta"]["mae"] == pytest.approx(
        both["metrics"]["mae"] - both["comparison"]["metrics"]["mae"], abs=1e-5
    )
    pred = call_tool(
        "predict",
        {"model": trained["model_path"], "dataset": tables["new"], "output": "preds/p.csv"},
        ToolContext(),
    )
    table = pd.read_csv(workspace() / pred["predictions_path"])
    assert list(table.columns) == ["row", "prediction"]
    assert pd.api.types.is_float_dtype(table["prediction"]) and table["prediction"].nunique() > 50
    assert "class_counts" not in pred and pred["prediction_summary"]["max"] > 100
    line = report_of("predict", pred)
    assert "predicted values" in line


def test_comparing_a_regressor_with_a_classifier_is_a_400(
    trained: dict[str, Any], tables: dict[str, str]
) -> None:
    frame = diabetes()
    frame["high"] = np.where(frame["target"] > frame["target"].median(), "high", "low")
    put(frame.drop(columns=["target"]), "diab_cls.csv")
    cls = train({"dataset": "diab_cls.csv", "label_column": "high", "name": "cls", **FAST})
    assert cls["task"] == "classification"
    with pytest.raises(BadInput, match="a classification model and the first a regression"):
        call_tool(
            "evaluate_model",
            {
                "model": trained["model_path"],
                "dataset": tables["test"],
                "compare_model": cls["model_path"],
            },
            ToolContext(),
        )


# ----- the loop with a lower-is-better target ----------------------------------------------
def test_mae_target_met_stops_the_loop(tables: dict[str, str]) -> None:
    out = train(
        {
            "dataset": tables["train"],
            "model": "linear",
            "target_metric": "MAE",
            "target_value": 1000.0,
            "max_attempts": 3,
            **FAST,
        }
    )
    assert out["target"] == {"metric": "mae", "value": 1000.0}
    assert out["target_met"] is True and out["attempts"] == 1


def test_mae_target_not_met_runs_more_attempts_and_keeps_the_lowest(
    tables: dict[str, str],
) -> None:
    out = train(
        {
            "dataset": tables["train"],
            "model": "linear",
            "target_metric": "mae",
            "target_value": 1.0,
            "max_attempts": 3,
            "tuner": "builtin",
            **FAST,
        }
    )
    assert out["target_met"] is False and out["attempts"] == 3
    maes = [h["metrics"]["mae"] for h in out["history"]]
    assert out["history"][out["best_attempt"] - 1]["metrics"]["mae"] == min(maes)
    line = report_of("train_model", out)
    assert "target MAE 1.000: not met" in line


def test_lower_is_better_in_loop_tuner_and_memory() -> None:
    target = {"metric": "mae", "value": 3.0, "higher_is_better": False}
    assert meets(target, {"mae": 3.0}) and meets(target, {"mae": 2.0})
    assert not meets(target, {"mae": 3.5})
    assert better(target, {"metrics": {"mae": 2.0}}, {"metrics": {"mae": 4.0}})
    config = TrainConfig().model_dump()
    history = [
        {"attempt": 1, "config": config, "metrics": {"mae": 5.0, "r2": 0.1}},
        {"attempt": 2, "config": {**config, "seed": 1}, "metrics": {"mae": 3.0, "r2": 0.4}},
        {"attempt": 3, "config": {**config, "seed": 2}, "metrics": {"mae": 4.0, "r2": 0.5}},
    ]
    assert best_entry(history, "mae")["attempt"] == 2
    assert best_entry(history, "rmse")["attempt"] == 3  # no rmse anywhere: the last one
    assert best_entry(history, "r2")["attempt"] == 3
    # the built-in tuner diagnoses a regressor by R² (train far above validation: overfit)
    entry = {**history[1], "train_metrics": {"r2": 0.95}, "resolved_model": "mlp"}
    proposal = builtin_tune([entry], target, {"has_text": False})
    assert "overfit" in proposal.reason
    from agents.memory import answer_from_memory

    memory = {
        "results": [
            {"tool": "train_model", "model_path": "models/a", "metrics": {"mae": 4.0, "r2": 0.3}},
            {"tool": "train_model", "model_path": "models/b", "metrics": {"mae": 3.0, "r2": 0.2}},
        ]
    }
    said = answer_from_memory("which model has the better mae?", memory)
    assert said is not None and said.startswith("Better mae: models/b")


# ----- hostile targets -----------------------------------------------------------------------
def _hostile(values: list[Any], name: str = "hostile.csv") -> str:
    n = len(values)
    frame = pd.DataFrame({"x": np.arange(n, dtype=float), "z": np.arange(n) % 7, "y": values})
    return put(frame, name)


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ([float("nan")] * 40, "not_numeric_target"),
        ([f"v{i}" for i in range(40)], "not_numeric_target"),
        ([float("inf")] * 20 + [float("-inf")] * 20, "not_numeric_target"),
        ([2**63 + i for i in range(40)], "target_out_of_range"),
        ([7.5] * 40, "constant_target"),
    ],
)
def test_hostile_targets_are_clear_400s(values: list[Any], code: str) -> None:
    name = _hostile(values)
    with pytest.raises(BadInput) as caught:
        train({"dataset": name, "label_column": "y", "task": "regression", **FAST})
    assert caught.value.code == code and caught.value.hint


@pytest.mark.parametrize(
    "values",
    [[float("nan")] * 40, [2**63 + i for i in range(40)], [7.5] * 40],
)
def test_hostile_targets_under_auto_are_400s_too(values: list[Any]) -> None:
    name = _hostile(values)
    with pytest.raises(BadInput) as caught:
        train({"dataset": name, "label_column": "y", **FAST})
    assert caught.value.hint


def test_one_row_and_soft_labels_and_wrong_metric_are_400s(tables: dict[str, str]) -> None:
    put(pd.DataFrame({"x": [1.0], "y": [2.5]}), "one_row.csv")
    with pytest.raises(BadInput) as caught:
        train({"dataset": "one_row.csv", "label_column": "y", "task": "regression"})
    assert caught.value.code == "constant_target"
    put(pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [2.5, 1.0, 7.0]}), "three_rows.csv")
    with pytest.raises(BadInput, match="only 3 labeled rows"):
        train({"dataset": "three_rows.csv", "label_column": "y", "task": "regression"})
    with pytest.raises(BadInput) as caught:
        train({"dataset": tables["train"], "task": "regression", "soft_labels": True})
    assert caught.value.code == "soft_labels_regression"
    with pytest.raises(BadInput) as caught:
        train({"dataset": tables["train"], "target_metric": "auc", "target_value": 0.9, **FAST})
    assert "r2" in caught.value.hint
    assert not (workspace() / "models").exists() or not list((workspace() / "models").iterdir())


def test_partly_filled_and_infinite_targets_are_dropped_and_counted() -> None:
    frame = diabetes()
    frame.loc[:19, "target"] = np.nan
    frame.loc[20:24, "target"] = np.inf
    put(frame, "partly.csv")
    out = train({"dataset": "partly.csv", "model": "linear", **FAST})
    assert out["task"] == "regression"
    assert out["rows"]["dropped"] == 25
    assert out["rows"]["train"] + out["rows"]["validation"] == len(frame) - 25
    # a text column of numbers with gaps written as 'n/a' and '': regressed when asked
    frame["target"] = frame["target"].astype(object)
    frame.loc[25:29, "target"] = "n/a"
    frame.loc[30:31, "target"] = " "
    put(frame.assign(target=frame["target"].astype(str)), "partly_text.parquet")
    out = train({"dataset": "partly_text.parquet", "task": "regression", "model": "linear", **FAST})
    assert out["rows"]["dropped"] == 32


def test_a_tampered_target_scaling_is_refused(
    trained: dict[str, Any], tables: dict[str, str]
) -> None:
    path = workspace() / trained["model_path"] / "config.json"
    config = json.loads(path.read_text())
    config["target_scaling"] = {"mean": "x", "std": 0}
    path.write_text(json.dumps(config))
    with pytest.raises(BadInput, match="target_scaling"):
        call_tool(
            "predict", {"model": trained["model_path"], "dataset": tables["new"]}, ToolContext()
        )


# ----- classification unchanged ------------------------------------------------------------
def test_a_small_integer_class_column_still_classifies() -> None:
    from tools.tabular import sklearn_frame

    wine = sklearn_frame("wine")
    label = "cultivar" if "cultivar" in wine.columns else "target"
    put(wine, "wine.csv")
    out = train({"dataset": "wine.csv", "label_column": label, **FAST})
    assert out["task"] == "classification"
    assert len(out["classes"]) == 3 and out["target"]["metric"] == "auc"
    assert out["validation_metrics"]["accuracy"] > 0.8


# ----- over HTTP ---------------------------------------------------------------------------
@pytest.fixture
def client(home: Path) -> Iterator[TestClient]:
    from graphs.runner import get_manager, reset_managers
    from server import app

    yield TestClient(app, raise_server_exceptions=False)
    get_manager().shutdown()
    reset_managers()


def test_training_api_regresses_and_refuses_hostile_targets(
    client: TestClient, tables: dict[str, str]
) -> None:
    ok = client.post(
        "/api/training/train-model",
        json={
            "labeled_data_path": tables["train"],
            "task": "regression",
            "model_type": "linear",
            "epochs": 30,
            "target_metric": "rmse",
            "target_value": 1000.0,
        },
    )
    assert ok.status_code == 200, ok.text
    body = ok.json()
    assert body["task"] == "regression" and body["target"]["metric"] == "rmse"
    assert body["target_met"] is True
    name = _hostile([f"v{i}" for i in range(40)], "words.csv")
    bad = client.post(
        "/api/training/train-model",
        json={"labeled_data_path": name, "label_column": "y", "task": "regression"},
    )
    assert bad.status_code == 400 and "not a number" in bad.text
    tool = client.post(
        "/tools/train_model",
        json={"dataset": tables["train"], "target_metric": "accuracy", "target_value": 0.9},
    )
    assert tool.status_code == 400 and "r2" in tool.text
    pipeline = client.post(
        "/api/training/run-pipeline",
        json={
            "labeled_data_path": tables["train"],
            "holdout_test_path": tables["test"],
            "metric": "mae",
        },
    )
    assert pipeline.status_code == 400
    listed = client.get("/tools").json()
    tools = listed if isinstance(listed, list) else listed.get("tools", listed)
    schema = next(t for t in tools if t["name"] == "train_model")
    props = json.dumps(schema)
    assert "regression" in props and "task" in props


# ----- the hub leaderboard and the LLM tuner for regression metrics -----------------------
def test_model_leaderboard_ranks_mae_lowest_first_and_r2_highest_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.utils.fake_hub import FakeHub, point_hf_at
    from tools.cache import CACHE

    fake = FakeHub()
    with fake.serve():
        fake.add_model(
            "a/gbm", "tabular-regression", downloads=10, results=[("housing", "mae", 3.1)]
        )
        fake.add_model(
            "b/mlp",
            "tabular-regression",
            downloads=5,
            results=[("housing", "mae", 2.4), ("housing", "r2", 0.71)],
        )
        fake.add_model(
            "c/linear",
            "tabular-regression",
            downloads=99,
            results=[("housing", "mae", 4.0), ("housing", "r2", 0.82)],
        )
        point_hf_at(monkeypatch, fake.url)
        CACHE.clear()
        by_mae = call_tool(
            "model_leaderboard", {"task": "tabular-regression", "metric": "mae"}, ToolContext()
        )
        assert by_mae["higher_is_better"] is False
        assert [m["id"] for m in by_mae["models"]] == ["b/mlp", "a/gbm", "c/linear"]
        by_r2 = call_tool(
            "model_leaderboard", {"task": "tabular-regression", "metric": "r2"}, ToolContext()
        )
        assert by_r2["higher_is_better"] is True
        assert [m["id"] for m in by_r2["models"]][:2] == ["c/linear", "b/mlp"]
        CACHE.clear()


def test_llm_tuner_is_told_the_task_and_the_direction() -> None:
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    from agents.tuner import llm_tune

    seen: list[str] = []

    class Recording(GenericFakeChatModel):
        def invoke(self, messages: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
            seen.append("\n".join(str(m.content) for m in messages))
            return super().invoke(messages, *args, **kwargs)

    chat = Recording(
        messages=iter([AIMessage('{"changes": {"weight_decay": 0.01}, "reason": "overfit"}')])
    )
    config = TrainConfig().model_dump()
    history = [
        {
            "attempt": 1,
            "config": config,
            "metrics": {"r2": 0.4, "mae": 44.0, "rmse": 55.0},
            "train_metrics": {"r2": 0.7, "mae": 30.0, "rmse": 40.0},
        }
    ]
    target = {"metric": "mae", "value": 40.0, "higher_is_better": False}
    proposal = llm_tune(chat, history, target, {"task": "regression", "classes": []})
    assert proposal.source == "llm" and proposal.changes == {"weight_decay": 0.01}
    assert '"task": "regression"' in seen[0] and '"higher_is_better": false' in seen[0]
    assert "regressor" in seen[0] and "ceiling" in seen[0]


def test_the_metric_asked_is_shown_first_and_a_useless_regressor_is_called_out() -> None:
    output = {
        "task": "regression",
        "rows": 50,
        "split": "given",
        "dataset": "y.csv",
        "metrics": {"n": 50, "r2": -0.02, "mae": 61.0, "rmse": 72.0},
        "baseline": {"r2": -0.004, "mae": 60.6, "rmse": 71.7, "predicts": 153.3},
    }
    line = report_of("evaluate_model", output, metric="MAE")
    shown = next(s for s in line.splitlines() if "R²=" in s)
    assert shown.strip().startswith("MAE=61.000")
    assert "no better than always predicting the training mean" in line
    rmse_first = report_of("evaluate_model", output, metric="root mean squared error")
    assert next(s for s in rmse_first.splitlines() if "R²=" in s).strip().startswith("RMSE=")
