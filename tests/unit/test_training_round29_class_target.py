"""Round 29: a training target on one class's own figure ('recall of no_show >= 0.9'):
target_class on train_model, measured, stopped on and picked by; evaluate_model reports it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from agents.reporter import summarise_output
from agents.tuner import builtin_tune
from errors import BadInput, ForgeflowError, InvalidArguments
from graphs.workflows import call_tool
from settings import get_settings
from tests.utils.training_data import put
from tools.base import ToolContext
from tools.training.train import TrainConfig

FAST = {"epochs": 15, "patience": 5, "learning_rate": 0.05}


def _visits(n: int = 240, seed: int = 0) -> pd.DataFrame:
    """Appointments where a no-show (a fifth of them) follows from lead time and no reminder."""
    rng = np.random.default_rng(seed)
    lead = rng.integers(0, 60, n)
    reminded = rng.choice(["yes", "no"], n)
    score = lead / 60 + (reminded == "no") * 0.6 + rng.normal(0, 0.2, n)
    cut = np.quantile(score, 0.8)
    return pd.DataFrame(
        {
            "lead_days": lead,
            "reminded": reminded,
            "age": rng.integers(18, 90, n),
            "outcome": np.where(score > cut, "no_show", "attended"),
        }
    )


@pytest.fixture
def visits() -> str:
    return put(_visits(), "visits.csv")


def _train(**extra: object) -> dict:
    args = {"dataset": "visits.csv", "label_column": "outcome", **FAST, **extra}
    return call_tool("train_model", args, ToolContext())


def _models() -> list[str]:
    folder = get_settings().workspace / "models"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_a_class_target_is_measured_stopped_on_and_reported(visits: str) -> None:
    out = _train(target_metric="recall", target_class="no_show", target_value=0.5, max_attempts=2)
    assert out["target"] == {
        "metric": "recall:no_show",
        "value": 0.5,
        "class": "no_show",
        "class_metric": "recall",
    }
    recall = out["validation_metrics"]["per_class"]["no_show"]["recall"]
    assert out["validation_metrics"]["recall:no_show"] == recall
    assert out["metrics"]["recall:no_show"] == recall
    assert all("recall:no_show" in h["metrics"] for h in out["history"])
    assert out["target_met"] is (recall >= 0.5)
    if out["target_met"]:
        assert out["attempts"] == 1  # stopped as soon as the class's recall was reached
    text = "\n".join(summarise_output("train_model", out))
    assert f"recall of no_show on validation: {recall:.3f} (target 0.5)" in text
    assert "target recall (macro)" not in text


def test_the_best_attempt_is_picked_by_the_class_figure(visits: str) -> None:
    out = _train(
        target_metric="recall",
        target_class="no_show",
        target_value=1.01,  # out of reach: both attempts run
        max_attempts=2,
        class_weights="none",
        tuner="builtin",
    )
    assert out["attempts"] == 2 and out["target_met"] is False
    # the first move for a class target: the rare class weighed up
    assert out["history"][1]["changes"] == ["class_weights: 'none' -> 'balanced'"]
    figures = [h["metrics"]["recall:no_show"] for h in out["history"]]
    best = max(range(2), key=lambda i: (figures[i], -i))
    assert out["best_attempt"] == best + 1
    assert out["validation_metrics"]["recall:no_show"] == figures[best]


def test_evaluate_model_reports_the_class_the_model_was_trained_for(visits: str) -> None:
    test = put(_visits(120, seed=3), "visits_test.csv")
    out = _train(
        target_metric="precision",
        target_class="NO_SHOW",  # the same class in another case
        target_value=0.3,
        test_dataset=test,
        name="noshow",
    )
    assert out["target"]["class"] == "no_show"
    precision = out["test_metrics"]["per_class"]["no_show"]["precision"]
    assert out["test_metrics"]["precision:no_show"] == precision
    assert out["metrics"]["precision:no_show"] == precision
    report = call_tool("evaluate_model", {"model": "models/noshow", "dataset": test}, ToolContext())
    assert report["trained_for"] == {
        "metric": "precision",
        "class": "no_show",
        "value": 0.3,
        "measured": precision,
        "met": precision >= 0.3,
    }
    assert report["metrics"]["precision:no_show"] == precision
    plain = _train(name="plain")
    again = call_tool("evaluate_model", {"model": plain["model_path"]}, ToolContext())
    assert "trained_for" not in again  # a model trained for no class says nothing of one


def test_a_class_that_is_not_a_class_of_the_label_is_a_400_naming_the_classes(
    visits: str,
) -> None:
    with pytest.raises(BadInput) as err:
        _train(target_metric="recall", target_class="noshow", target_value=0.9)
    assert err.value.code == "unknown_class"
    assert err.value.details["argument"] == "target_class"
    assert err.value.details["candidates"] == ["no_show"]
    assert sorted(err.value.details["choices"]) == ["attended", "no_show"]
    assert "attended" in err.value.hint
    assert _models() == []  # refused before anything was trained or written


@pytest.mark.parametrize(
    ("extra", "argument"),
    [
        ({"target_class": "no_show"}, "target_metric"),  # no metric named
        ({"target_class": "no_show", "target_metric": "auc"}, "target_metric"),
        ({"target_class": "no_show", "target_metric": "accuracy"}, "target_metric"),
        ({"target_class": "no_show", "target_metric": "log_loss"}, "target_metric"),
    ],
)
def test_a_class_target_needs_precision_recall_or_f1(
    visits: str, extra: dict, argument: str
) -> None:
    with pytest.raises(BadInput) as err:
        _train(target_value=0.8, **extra)
    assert err.value.details["argument"] == argument
    assert err.value.hint
    assert _models() == []


def test_a_class_target_on_a_regressor_is_refused() -> None:
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"x": rng.normal(size=120), "price": rng.normal(100, 30, 120)})
    put(frame, "prices.csv")
    with pytest.raises(BadInput) as err:
        call_tool(
            "train_model",
            {
                "dataset": "prices.csv",
                "label_column": "price",
                "task": "regression",
                "target_metric": "recall",
                "target_class": "high",
                **FAST,
            },
            ToolContext(),
        )
    assert err.value.details["argument"] in ("target_class", "target_metric")
    assert _models() == []


@pytest.mark.parametrize(
    "value",
    ["no\x00show", "\ud800", "x" * 10_000, "", 7, 2**63, ["no_show"], {"c": 1}, "../etc", "\n"],
)
def test_hostile_class_names_are_a_4xx_and_nothing_is_trained(visits: str, value: object) -> None:
    with pytest.raises(ForgeflowError) as err:
        _train(target_metric="recall", target_class=value, target_value=0.9)
    assert isinstance(err.value, BadInput | InvalidArguments)
    assert 400 <= err.value.status_code < 500
    assert err.value.hint
    assert _models() == []


def test_the_builtin_tuner_weighs_the_class_up_then_tries_another_kind() -> None:
    base = {**TrainConfig().model_dump(), "class_weights": "none"}
    target = {"metric": "recall:fraud", "value": 0.8, "class": "fraud", "class_metric": "recall"}
    entry = {
        "attempt": 1,
        "config": base,
        "metrics": {"recall:fraud": 0.4, "accuracy": 0.95},
        "train_metrics": {"accuracy": 0.96},
        "resolved_model": "logistic",
    }
    first = builtin_tune([entry], target, {"has_text": False})
    assert first.changes == {"class_weights": "balanced"}
    assert "recall of 'fraud'" in first.reason
    balanced = {**entry, "config": {**base, "class_weights": "balanced"}}
    second = builtin_tune([balanced], target, {"has_text": False})
    assert second.changes.get("model") == "mlp"
    # a macro target keeps the usual search (the class moves are not put first)
    macro = builtin_tune([entry], {"metric": "recall_macro", "value": 0.8}, {"has_text": False})
    assert macro.changes != {"class_weights": "balanced"}
