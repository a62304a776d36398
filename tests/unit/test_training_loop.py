"""The train_model loop: meets a target, runs out of attempts, built-in and LLM tuners."""

from __future__ import annotations

import json

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from agents.tuner import builtin_tune, llm_tune, validate_changes
from errors import BadInput
from graphs.workflows import call_tool
from tests.utils.training_data import breast_cancer_split, put
from tools.base import ToolContext
from tools.training.train import TrainConfig

FAST = {"epochs": 4, "patience": 2}


def _entry(attempt: int, auc: float, config: dict | None = None, train_acc: float = 0.95) -> dict:
    return {
        "attempt": attempt,
        "config": config or TrainConfig().model_dump(),
        "metrics": {"auc": auc, "accuracy": 0.9},
        "train_metrics": {"accuracy": train_acc},
        "resolved_model": "mlp",
    }


def test_loop_meets_its_target_in_one_attempt() -> None:
    train, test = breast_cancer_split()
    put(train, "train.parquet")
    put(test, "test.parquet")
    out = call_tool(
        "train_model",
        {
            "dataset": "train.parquet",
            "test_dataset": "test.parquet",
            "target_metric": "auc",
            "target_value": 0.9,
            "max_attempts": 3,
            **FAST,
        },
        ToolContext(),
    )
    assert out["target"] == {"metric": "auc", "value": 0.9}
    assert out["target_met"] is True
    assert out["attempts"] == 1 and out["best_attempt"] == 1
    assert len(out["history"]) == 1
    assert out["history"][0]["metrics"]["auc"] >= 0.9
    assert out["test_metrics"]["auc"] > 0.9


def test_loop_runs_out_of_attempts_and_keeps_the_best(monkeypatch: pytest.MonkeyPatch) -> None:
    import graphs.training

    measured: list[int] = []
    real = graphs.training.evaluate_loaded

    def counting(model, frame, **kwargs):  # noqa: ANN001, ANN202
        measured.append(model.config["best_attempt"])
        return real(model, frame, **kwargs)

    monkeypatch.setattr(graphs.training, "evaluate_loaded", counting)
    train, test = breast_cancer_split()
    put(train, "train.parquet")
    put(test, "test.parquet")
    events: list[dict] = []
    out = call_tool(
        "train_model",
        {
            "dataset": "train.parquet",
            "test_dataset": "test.parquet",
            "target_metric": "f1",
            "target_value": 1.01,  # unreachable: the loop must stop at max_attempts
            "max_attempts": 3,
            "tuner": "builtin",
            **FAST,
        },
        ToolContext(emit=events.append),
    )
    assert out["target_met"] is False
    assert out["attempts"] == 3 and len(out["history"]) == 3
    configs = [json.dumps(h["config"], sort_keys=True) for h in out["history"]]
    assert len(set(configs)) == 3, "the tuner must not repeat a configuration"
    assert out["history"][0]["changes"] == [] and out["history"][1]["changes"]
    best = max(out["history"], key=lambda h: (h["metrics"]["f1_macro"], -h["attempt"]))
    assert out["best_attempt"] == best["attempt"]
    assert out["validation_metrics"]["f1_macro"] == best["metrics"]["f1_macro"]
    # The test set is measured once, after the loop, on the best attempt only.
    assert measured == [out["best_attempt"]]
    assert {e["attempt"] for e in events if "attempt" in e} == {1, 2, 3}


def test_builtin_tuner_reacts_to_overfitting_and_never_repeats() -> None:
    overfit = _entry(1, 0.8, train_acc=1.0)
    proposal = builtin_tune([overfit], {"metric": "auc"}, {"has_text": False})
    assert "weight_decay" in proposal.changes
    history = [overfit]
    seen = {json.dumps(overfit["config"], sort_keys=True)}
    for attempt in range(2, 12):
        p = builtin_tune(history, {"metric": "auc"}, {"has_text": True})
        config = TrainConfig(**{**history[0]["config"], **p.changes}).model_dump()
        key = json.dumps(config, sort_keys=True)
        assert key not in seen
        seen.add(key)
        history.append(_entry(attempt, 0.7, config))


class _Scripted(GenericFakeChatModel):
    """A fake chat model that answers with the scripted replies in order."""


def _fake(*replies: str) -> GenericFakeChatModel:
    return _Scripted(messages=iter([AIMessage(r) for r in replies]))


def test_llm_tuner_validates_and_repairs() -> None:
    history = [_entry(1, 0.8)]
    bad = '{"changes": {"learning_rate": -5}, "reason": "x"}'
    good = 'Sure: {"changes": {"learning_rate": 0.05, "epochs": 60}, "reason": "underfit"}'
    proposal = llm_tune(_fake(bad, good), history, {"metric": "auc", "value": 0.9}, {})
    assert proposal.source == "llm"
    assert proposal.changes == {"learning_rate": 0.05, "epochs": 60}


def test_llm_tuner_falls_back_to_builtin_after_bad_replies() -> None:
    history = [_entry(1, 0.8)]
    proposal = llm_tune(
        _fake("no idea", '{"changes": {"seed": 3}}'), history, {"metric": "auc"}, {}
    )
    assert proposal.source == "builtin"
    assert "LLM proposal rejected" in proposal.reason
    with pytest.raises(ValueError, match="unknown or frozen"):
        validate_changes(TrainConfig().model_dump(), {"device": "cuda"})


def test_loop_with_llm_tuner(monkeypatch: pytest.MonkeyPatch) -> None:
    train, _ = breast_cancer_split()
    put(train, "train.parquet")
    reply = '{"changes": {"model": "logistic", "learning_rate": 0.05}, "reason": "simpler"}'
    monkeypatch.setattr("agents.llm.get_chat_model", lambda *a, **k: _fake(reply))
    out = call_tool(
        "train_model",
        {
            "dataset": "train.parquet",
            "target_value": 1.01,
            "max_attempts": 2,
            "tuner": "llm",
            **FAST,
        },
        ToolContext(),
    )
    assert out["tuner"] == "llm" and out["attempts"] == 2
    assert out["history"][1]["config"]["model"] == "logistic"
    assert out["history"][1]["reason"].startswith("[llm] simpler")


def test_llm_tuner_without_an_llm_is_bad_input() -> None:
    with pytest.raises(BadInput, match="needs an LLM"):
        call_tool(
            "train_model",
            {"dataset": "breast_cancer", "target_value": 0.9, "tuner": "llm", **FAST},
            ToolContext(),
        )


def test_tuner_through_a_fake_openai_server(monkeypatch: pytest.MonkeyPatch) -> None:
    from settings import reset_settings
    from tests.utils.fake_openai import FakeOpenAI

    train, _ = breast_cancer_split()
    put(train, "train.parquet")
    reply = '{"changes": {"weight_decay": 0.01}, "reason": "regularise"}'
    with FakeOpenAI([reply]) as fake:
        monkeypatch.setenv("FORGEFLOW_LLM", "openai:fake-model")
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "test-key")
        reset_settings()
        out = call_tool(
            "train_model",
            {"dataset": "train.parquet", "target_value": 1.01, "max_attempts": 2, **FAST},
            ToolContext(),
        )
        prompt = json.dumps(fake.requests[0])
    reset_settings()
    assert out["tuner"] == "llm"
    assert out["history"][1]["config"]["weight_decay"] == 0.01
    # The history reached the model fenced as data, with the allowed settings.
    assert "<history>" in prompt and "<allowed>" in prompt and "learning_rate" in prompt


def test_retraining_under_a_name_replaces_the_earlier_attempts() -> None:
    from tests.utils.training_data import workspace

    train, _ = breast_cancer_split()
    put(train, "train.parquet")
    args = {"dataset": "train.parquet", "name": "same", **FAST}
    call_tool("train_model", {**args, "target_value": 1.01, "max_attempts": 2}, ToolContext())
    assert (workspace() / "models" / "same" / "attempt-2").is_dir()
    out = call_tool("train_model", args, ToolContext())
    assert out["attempts"] == 1
    assert not (workspace() / "models" / "same" / "attempt-2").exists()
