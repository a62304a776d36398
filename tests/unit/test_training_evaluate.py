"""evaluate_model and predict: metrics, id joins, baselines, comparisons, plots, bad input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import f1_score, log_loss, roc_auc_score

from errors import BadInput, Forbidden, NotFound
from graphs.workflows import call_tool
from tests.utils.training_data import breast_cancer_split, put, workspace
from tools.base import ToolContext
from tools.training.evaluate import compute_metrics, join_labels


@pytest.fixture
def trained() -> dict:
    train, test = breast_cancer_split()
    put(train, "train.parquet")
    put(test, "test.parquet")
    return call_tool(
        "train_model",
        {"dataset": "train.parquet", "epochs": 6, "patience": 3, "name": "m1"},
        ToolContext(),
    )


def test_metrics_match_scikit_learn() -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 200)
    p1 = np.clip(y * 0.6 + rng.random(200) * 0.5, 0, 1)
    proba = np.stack([1 - p1, p1], axis=1)
    m = compute_metrics(y, proba, ["neg", "pos"])
    assert m["auc"] == pytest.approx(roc_auc_score(y, p1), abs=1e-6)
    assert m["f1_macro"] == pytest.approx(f1_score(y, p1 > 0.5, average="macro"), abs=1e-6)
    assert m["log_loss"] == pytest.approx(log_loss(y, proba), abs=1e-4)
    assert np.array(m["confusion_matrix"]["matrix"]).sum() == 200
    assert m["positive_class"] == "pos"
    assert sum(b["count"] for b in m["calibration"]["bins"]) == 200
    assert 0 <= m["calibration"]["ece"] <= 1


def test_multiclass_auc_is_one_vs_rest() -> None:
    rng = np.random.default_rng(1)
    y = rng.integers(0, 3, 300)
    proba = rng.random((300, 3)) + np.eye(3)[y]
    proba /= proba.sum(axis=1, keepdims=True)
    m = compute_metrics(y, proba, ["a", "b", "c"])
    assert m["auc"] == pytest.approx(roc_auc_score(y, proba, multi_class="ovr"), abs=1e-6)
    assert set(m["per_class"]) == {"a", "b", "c"}


def test_evaluate_model_report_baseline_and_plots(trained: dict) -> None:
    out = call_tool(
        "evaluate_model", {"model": trained["model_path"], "dataset": "test.parquet"}, ToolContext()
    )
    assert out["label_column"] == "target"
    assert out["metrics"]["auc"] > 0.95
    assert out["baseline"]["predicts"] == "benign"
    assert out["baseline"]["auc"] == 0.5
    assert out["metrics"]["accuracy"] > out["baseline"]["accuracy"]
    for a in out["artifacts"]:
        assert (workspace() / a["path"]).is_file()
    assert {a["name"] for a in out["artifacts"]} >= {"ROC curve", "confusion matrix"}


def test_labels_are_joined_by_id_not_position(trained: dict) -> None:
    _, test = breast_cancer_split()
    put(test.drop(columns=["target"]), "features.parquet")
    # The labels file is shuffled: joining by position would scramble them.
    put(test[["id", "target"]].sample(frac=1.0, random_state=3), "labels.csv")
    joined = call_tool(
        "evaluate_model",
        {"model": trained["model_path"], "dataset": "features.parquet", "labels": "labels.csv"},
        ToolContext(),
    )
    direct = call_tool(
        "evaluate_model", {"model": trained["model_path"], "dataset": "test.parquet"}, ToolContext()
    )
    assert joined["metrics"]["auc"] == direct["metrics"]["auc"]
    assert joined["metrics"]["confusion_matrix"] == direct["metrics"]["confusion_matrix"]


def test_mismatched_and_duplicate_ids_are_bad_input(trained: dict) -> None:
    _, test = breast_cancer_split()
    put(test.drop(columns=["target"]), "features.parquet")
    wrong = test[["id", "target"]].assign(id=test["id"] + 100000)
    put(wrong, "wrong.csv")
    with pytest.raises(BadInput, match="no label with the same id") as info:
        call_tool(
            "evaluate_model",
            {"model": trained["model_path"], "dataset": "features.parquet", "labels": "wrong.csv"},
            ToolContext(),
        )
    assert info.value.code == "mismatched_ids"
    frame = pd.DataFrame({"id": [1, 1], "target": ["a", "b"]})
    with pytest.raises(BadInput, match="duplicate ids"):
        join_labels(frame.drop(columns="target"), frame, id_column="id", label_column="target")


def test_comparison_with_a_second_model(trained: dict) -> None:
    other = call_tool(
        "train_model",
        {"dataset": "train.parquet", "epochs": 2, "model": "logistic", "name": "m2"},
        ToolContext(),
    )
    out = call_tool(
        "evaluate_model",
        {
            "model": trained["model_path"],
            "dataset": "test.parquet",
            "compare_model": other["model_path"],
        },
        ToolContext(),
    )
    cmp = out["comparison"]
    assert cmp["name"] == "models/m2"
    assert cmp["delta"]["auc"] == pytest.approx(out["metrics"]["auc"] - cmp["metrics"]["auc"])


def test_unknown_classes_in_test_labels_are_bad_input(trained: dict) -> None:
    _, test = breast_cancer_split()
    test.loc[0, "target"] = "unknown"
    put(test, "odd.parquet")
    with pytest.raises(BadInput, match="not among the model's classes"):
        call_tool(
            "evaluate_model",
            {"model": trained["model_path"], "dataset": "odd.parquet"},
            ToolContext(),
        )


def test_predict_writes_probabilities_with_ids(trained: dict) -> None:
    _, test = breast_cancer_split()
    put(test.drop(columns=["target"]), "new.csv")
    out = call_tool(
        "predict",
        {"model": trained["model_path"], "dataset": "new.csv", "output": "preds/out.csv"},
        ToolContext(),
    )
    assert out["predictions_path"] == "preds/out.csv" and out["rows"] == len(test)
    preds = pd.read_csv(workspace() / "preds" / "out.csv")
    assert list(preds["id"]) == list(test["id"])
    assert np.allclose(preds["prob_benign"] + preds["prob_malignant"], 1.0, atol=1e-5)
    accuracy = (preds["prediction"].to_numpy() == test["target"].to_numpy()).mean()
    assert accuracy > 0.9


def test_model_paths_are_confined_and_checked(trained: dict) -> None:
    with pytest.raises(Forbidden):
        call_tool("predict", {"model": "/etc", "dataset": "test.parquet"}, ToolContext())
    with pytest.raises(Forbidden):
        call_tool(
            "predict",
            {"model": trained["model_path"], "dataset": "test.parquet", "output": "../out.csv"},
            ToolContext(),
        )
    with pytest.raises(NotFound):
        call_tool("predict", {"model": "models/none", "dataset": "test.parquet"}, ToolContext())
    (workspace() / "notamodel").mkdir()
    with pytest.raises(NotFound, match="config"):
        call_tool("predict", {"model": "notamodel", "dataset": "test.parquet"}, ToolContext())


def test_evaluate_without_a_dataset_uses_the_validation_split(trained: dict) -> None:
    out = call_tool("evaluate_model", {"model": trained["model_path"]}, ToolContext())
    assert out["split"] == "validation"
    assert out["rows"] == trained["rows"]["validation"]
    assert out["metrics"]["auc"] == pytest.approx(trained["validation_metrics"]["auc"], abs=1e-6)


NAMED_METRICS = ("f1", "precision", "recall", "accuracy", "auc", "log_loss")


def test_every_metric_a_person_may_name_is_in_the_outputs(trained: dict) -> None:
    from agents.reporter import canonical, write_answer

    keys = [canonical(name) for name in NAMED_METRICS]
    assert all(isinstance(trained["metrics"].get(k), float) for k in keys), trained["metrics"]
    assert all(isinstance(trained["validation_metrics"].get(k), float) for k in keys)
    out = call_tool("evaluate_model", {"model": trained["model_path"], "dataset": "test.parquet"})
    assert all(isinstance(out["metrics"].get(k), float) for k in keys), out["metrics"]
    # And the answer shows each of them first when asked for it by name.
    for name in NAMED_METRICS:
        answer = write_answer(
            {"steps": [], "asked": {"metric": name}},
            [{"tool": "evaluate_model", "status": "completed", "output": out}],
        )
        line = next(x for x in answer.splitlines() if "accuracy=" in x and "baseline" not in x)
        first = line.strip().split("=")[0].split(" (")[0].replace(" ", "_")
        assert canonical(first) == canonical(name), (name, line)
