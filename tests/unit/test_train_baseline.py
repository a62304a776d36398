"""train_model's baseline on its validation split: the commonest class or the training mean,
a warning when the model does not beat it, and the answer line that says so in plain words.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from agents.reporter import summarise_output
from graphs.workflows import call_tool
from tests.utils.training_data import breast_cancer_split, put
from tools.training.evaluate import baseline_metric, baseline_warning, beats_baseline

FAST = {"epochs": 8, "patience": 3}


def _choir(n: int = 200, seed: int = 0) -> pd.DataFrame:
    """80% present=yes, with features that say nothing about it."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "id": range(n),
            "age": rng.integers(18, 80, n),
            "voice": rng.choice(["soprano", "alto", "tenor", "bass"], n),
            "distance_km": rng.random(n) * 20,
            "present": ["yes"] * (n * 4 // 5) + ["no"] * (n - n * 4 // 5),
        }
    )


def test_a_classifier_no_better_than_the_commonest_class_is_warned_about() -> None:
    put(_choir(), "choir.csv")
    out = call_tool(
        "train_model",
        {
            "dataset": "choir.csv",
            "label_column": "present",
            "name": "ch",
            "target_metric": "accuracy",
            **FAST,
        },
    )
    assert out["metrics"]["measured_on"] == "validation" and out["test_baseline"] is None
    base = out["validation_baseline"]
    assert base["predicts"] == "yes"
    assert base["accuracy"] == pytest.approx(0.8)
    assert base["f1_macro"] == pytest.approx(
        0.8 / 1.8, abs=1e-6
    )  # 'yes' F1 0.889, 'no' 0: macro 0.444
    assert out["baseline"] == {**base, "measured_on": "validation"}
    assert out["baseline_metric"] == "accuracy"
    accuracy = out["metrics"]["accuracy"]
    assert accuracy <= 0.8  # noise features, balanced class weights: not above the guess
    warning = out["warnings"][0]
    assert f"accuracy {accuracy:.3f} on the validation split" in warning
    assert "always guessing 'yes' (accuracy 0.800)" in warning
    assert "class_weights 'balanced' (the default)" in warning
    lines = summarise_output("train_model", out)
    assert (
        "  baseline: always guessing 'yes' would get accuracy 0.800, F1 (macro) 0.444 (on the validation split)"
        in lines
    )
    assert any(line.startswith("  warning: the model's accuracy") for line in lines)
    # said once: the reporter's own majority-class warning is not added beside the tool's
    assert sum("no better than" in line for line in lines) == 1


def test_the_target_metric_is_the_one_held_against_the_baseline() -> None:
    put(_choir(), "choir.csv")
    out = call_tool(
        "train_model",
        {
            "dataset": "choir.csv",
            "label_column": "present",
            "target_metric": "f1",
            "class_weights": "none",
            **FAST,
        },
    )
    assert out["baseline_metric"] == "f1_macro"
    beaten = out["metrics"]["f1_macro"] > out["validation_baseline"]["f1_macro"]
    said = any("F1 (macro)" in w and "always guessing" in w for w in out.get("warnings", []))
    assert said == (not beaten)
    line = next(x for x in summarise_output("train_model", out) if "baseline:" in x)
    assert "F1 (macro) 0.444" in line and "accuracy 0.800" in line


def test_a_good_classifier_beats_the_baseline_without_a_warning() -> None:
    train, test = breast_cancer_split()
    put(train, "bc/train.parquet")
    out = call_tool(
        "train_model", {"dataset": "bc/train.parquet", "label_column": "target", **FAST}
    )
    base = out["validation_baseline"]
    assert base["predicts"] == "benign" and 0.55 < base["accuracy"] < 0.7
    assert out["metrics"]["accuracy"] > base["accuracy"]
    assert not any("always guessing" in w for w in out.get("warnings", []))
    # with a test file the result's `baseline` is the test set's, as its metrics are
    put(test, "bc/test.csv")
    out = call_tool(
        "train_model",
        {"dataset": "bc/train.parquet", "test_dataset": "bc/test.csv", **FAST},
    )
    assert out["baseline"] == {**out["test_baseline"], "measured_on": "test"}
    assert out["validation_baseline"]["predicts"] == "benign"
    line = next(x for x in summarise_output("train_model", out) if "baseline:" in x)
    assert "always guessing 'benign'" in line and line.endswith("(on the test set)")


def test_a_regressor_is_held_against_the_training_mean() -> None:
    rng = np.random.default_rng(1)
    n = 200
    x = rng.normal(size=n)
    frame = pd.DataFrame({"x": x, "noise": rng.normal(size=n), "y": 3 * x + rng.normal(size=n)})
    put(frame, "reg.csv")
    out = call_tool(
        "train_model", {"dataset": "reg.csv", "label_column": "y", "task": "regression", **FAST}
    )
    base = out["validation_baseline"]
    assert set(base) >= {"mae", "rmse", "r2", "predicts"}
    assert abs(base["r2"]) < 0.1  # the training mean: R² about 0 on rows it did not see
    assert out["baseline_metric"] == "mae"
    assert out["metrics"]["mae"] < base["mae"]
    assert not any("training mean" in w for w in out.get("warnings", []))
    line = next(x for x in summarise_output("train_model", out) if "baseline:" in x)
    assert f"always predicting the training mean {base['predicts']:.3f} would get MAE" in line


def test_baseline_comparison_rules() -> None:
    base = {"accuracy": 0.8, "log_loss": 0.5, "predicts": "yes"}
    assert beats_baseline({"accuracy": 0.81}, base, "accuracy") is True
    assert beats_baseline({"accuracy": 0.8}, base, "accuracy") is False  # a tie does not beat
    assert beats_baseline({"log_loss": 0.4}, base, "log_loss") is True  # lower is better
    assert beats_baseline({"accuracy": None}, base, "accuracy") is None
    assert baseline_warning({"accuracy": 0.9}, base, "accuracy", "x") is None
    mean = {"mae": 2.0, "predicts": 10.0}
    said = baseline_warning({"mae": 2.5}, mean, "mae", "the validation split")
    assert said is not None and "training mean 10.000 (MAE 2.000)" in said
    assert baseline_metric("regression", "r2") == "mae"
    assert baseline_metric("classification", None) == "f1_macro"
    assert baseline_metric("classification", "AUC") == "auc"


def test_an_older_result_without_a_baseline_reads_as_before() -> None:
    old = {
        "target_met": False,
        "target": {"metric": "auc", "value": None},
        "attempts": 1,
        "metrics": {"accuracy": 0.6, "auc": 0.7, "measured_on": "test"},
        "test_metrics": {"accuracy": 0.6},
        "validation_metrics": {"accuracy": 0.7},
        "test_baseline": {"accuracy": 0.6, "predicts": "b"},
    }
    lines = summarise_output("train_model", old)
    assert any("majority-class baseline" in line for line in lines)
    assert any("no better than always predicting 'b'" in line for line in lines)


def test_hostile_tables_and_names_give_a_4xx_or_a_sane_baseline() -> None:
    from errors import BadInput, Forbidden, NotFound

    n = 60
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {
            "x": rng.normal(size=n),
            "empty": [np.nan] * n,
            "inf": [np.inf, *rng.normal(size=n - 1)],
            "mixed": ["x", 1.5] * (n // 2),
            "amount": [*rng.normal(size=n - 2), np.inf, -np.inf],
            "y": ["a"] * 45 + ["b"] * 15,
        }
    )
    put(frame, "odd.csv")
    fast = {"epochs": 3}
    with pytest.raises(BadInput):
        call_tool("train_model", {"dataset": "odd.csv", "label_column": "empty", **fast})
    out = call_tool("train_model", {"dataset": "odd.csv", "label_column": "y", **fast})
    assert out["baseline"]["predicts"] == "a" and out["baseline"]["accuracy"] == 0.75
    out = call_tool("train_model", {"dataset": "odd.csv", "label_column": "mixed", **fast})
    assert out["baseline"]["accuracy"] == 0.5  # two classes, 'x' and '1.5', half each
    out = call_tool(
        "train_model",
        {"dataset": "odd.csv", "label_column": "amount", "task": "regression", **fast},
    )
    assert np.isfinite(out["baseline"]["predicts"]) and np.isfinite(out["baseline"]["mae"])
    for dataset, error in (
        ("/etc/passwd", Forbidden),
        ("../odd.csv", Forbidden),
        ("odd\x00.csv", NotFound),
    ):
        with pytest.raises(error):
            call_tool("train_model", {"dataset": dataset, **fast})
    with pytest.raises(BadInput):
        call_tool("train_model", {"dataset": "odd.csv", "label_column": "y\x00", **fast})


def test_a_good_model_of_a_rare_class_is_not_said_to_add_nothing() -> None:
    # the review's fraud case: balanced class weights lower accuracy under the commonest-class
    # guess while macro F1 and AUC are far above it; held against macro F1 by default
    rng = np.random.default_rng(5)
    n = 600
    x = rng.normal(size=n)
    fraud = x + rng.normal(scale=0.3, size=n) > 1.9
    put(
        pd.DataFrame(
            {"id": range(n), "x": x, "noise": rng.normal(size=n), "fraud": fraud.astype(int)}
        ),
        "txns.csv",
    )
    out = call_tool("train_model", {"dataset": "txns.csv", "label_column": "fraud", **FAST})
    assert out["baseline_metric"] == "f1_macro"
    assert out["metrics"]["f1_macro"] > out["baseline"]["f1_macro"]
    assert not any("no better than always guessing" in w for w in out.get("warnings") or [])
