"""The tuner role: propose the next training configuration from the history of attempts.

Built-in: a small deterministic search (hill-climbing from the best attempt over learning rate,
width, regularisation, epochs and feature settings, guided by over/under-fitting). LLM: the
history goes into prompts/tuner.jinja2 and the reply is validated against TrainConfig.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, Field, ValidationError

from tools.training.evaluate import LOWER_IS_BETTER
from tools.training.train import TUNABLE_KEYS, TrainConfig

FROZEN = ("seed", "device")


class Proposal(BaseModel):
    """The tuner's verdict as data: the changed settings and why."""

    changes: dict[str, Any] = Field(default_factory=dict)
    reason: str = ""
    source: str = "builtin"


def _comparable(config: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in sorted(config.items()) if k not in FROZEN}, default=str)


def _score(entry: dict[str, Any], metric: str) -> float | None:
    value = (entry.get("metrics") or {}).get(metric)
    return None if value is None else float(value)


def best_entry(history: list[dict[str, Any]], metric: str) -> dict[str, Any]:
    """The attempt with the best `metric` (first one on ties)."""
    sign = -1.0 if metric in LOWER_IS_BETTER else 1.0
    scored = [
        (sign * s, -i, h) for i, h in enumerate(history) if (s := _score(h, metric)) is not None
    ]
    if not scored:
        return history[-1]
    return max(scored, key=lambda t: (t[0], t[1]))[2]


def diagnose(entry: dict[str, Any]) -> str:
    """'overfit', 'underfit' or 'ok' from train vs validation accuracy of an attempt (a
    regressor's R², on the same 0..1 scale of "share explained").
    """
    key = "r2" if "r2" in (entry.get("metrics") or {}) else "accuracy"
    train = (entry.get("train_metrics") or {}).get(key)
    val = (entry.get("metrics") or {}).get(key)
    if train is None or val is None:
        return "ok"
    if train - val > 0.08:
        return "overfit"
    if train < 0.9 and train - val < 0.03:
        return "underfit"
    return "ok"


Move = Callable[[dict[str, Any], dict[str, Any]], tuple[dict[str, Any], str] | None]


def _lr_up(c: dict, _p: dict) -> tuple[dict, str] | None:
    lr = min(1.0, round(c["learning_rate"] * 3, 6))
    return ({"learning_rate": lr}, "learn faster") if lr != c["learning_rate"] else None


def _lr_down(c: dict, _p: dict) -> tuple[dict, str] | None:
    return {"learning_rate": round(c["learning_rate"] / 3, 6)}, "smaller steps"


def _more_epochs(c: dict, _p: dict) -> tuple[dict, str] | None:
    if c["epochs"] >= 2000:
        return None
    return (
        {"epochs": min(2000, c["epochs"] * 2), "patience": min(200, c["patience"] + 5)},
        "train longer",
    )


def _more_reg(c: dict, _p: dict) -> tuple[dict, str] | None:
    wd = min(1.0, max(c["weight_decay"] * 10, 1e-3))
    return ({"weight_decay": wd}, "more L2 regularisation") if wd != c["weight_decay"] else None


def _less_reg(c: dict, _p: dict) -> tuple[dict, str] | None:
    if c["weight_decay"] <= 0:
        return None
    wd = c["weight_decay"] / 10 if c["weight_decay"] > 1e-6 else 0.0
    return {"weight_decay": wd}, "less regularisation"


def _to_mlp(c: dict, p: dict) -> tuple[dict, str] | None:
    if c["model"] == "mlp" or p.get("resolved_model") == "mlp":
        return None
    return {"model": "mlp", "learning_rate": 0.003}, "a non-linear model (MLP)"


def _to_logistic(c: dict, p: dict) -> tuple[dict, str] | None:
    if c["model"] in ("logistic", "linear") or p.get("resolved_model") in ("logistic", "linear"):
        return None
    return {"model": "logistic", "learning_rate": 0.01}, "a simpler linear model"


def _wider(c: dict, p: dict) -> tuple[dict, str] | None:
    if p.get("resolved_model") != "mlp" or c["hidden_size"] >= 1024:
        return None
    return {"hidden_size": c["hidden_size"] * 2}, "a wider MLP"


def _narrower(c: dict, p: dict) -> tuple[dict, str] | None:
    if p.get("resolved_model") != "mlp" or c["hidden_size"] <= 16:
        return None
    return {"hidden_size": c["hidden_size"] // 2, "dropout": min(0.6, c["dropout"] + 0.2)}, (
        "a smaller MLP with more dropout"
    )


def _ngrams(c: dict, p: dict) -> tuple[dict, str] | None:
    if not p.get("has_text"):
        return None
    if c["ngram_max"] < 2:
        return {"ngram_max": 2}, "word bigrams"
    if c["max_features"] < 100_000:
        return {"max_features": c["max_features"] * 2}, "a larger vocabulary"
    return None


def _fewer_features(c: dict, p: dict) -> tuple[dict, str] | None:
    if not p.get("has_text"):
        return None
    if c["min_df"] < 2:
        return {"min_df": 2}, "drop n-grams seen once"
    return {"max_features": max(1000, c["max_features"] // 2)}, "a smaller vocabulary"


def _balance(c: dict, _p: dict) -> tuple[dict, str] | None:
    if c.get("class_weights") == "balanced":
        return None
    return {"class_weights": "balanced"}, "balanced class weights (the rarer classes count more)"


def _other_kind(c: dict, p: dict) -> tuple[dict, str] | None:
    return _to_mlp(c, p) or _to_logistic(c, p)


CLASS_MOVES: list[Move] = [_balance, _other_kind, _more_epochs, _lr_down, _less_reg]
"""Tried first for a target on one class's figure ('recall of no_show >= 0.9'): weigh the
rare class up, then another model kind, then train longer or finer. A decision threshold is
no move here: predict and evaluate_model take the most probable class."""

MOVES: dict[str, list[Move]] = {
    "underfit": [_lr_up, _more_epochs, _to_mlp, _ngrams, _wider, _less_reg, _lr_down],
    "overfit": [_more_reg, _narrower, _to_logistic, _fewer_features, _lr_down, _more_epochs],
    "ok": [_to_mlp, _lr_down, _more_reg, _ngrams, _lr_up, _to_logistic, _more_epochs, _wider],
}


def builtin_tune(
    history: list[dict[str, Any]], target: dict[str, Any], profile: dict[str, Any]
) -> Proposal:
    """The next config: one move away from the best attempt, never one already tried."""
    best = best_entry(history, target["metric"])
    base = dict(best["config"])
    state = diagnose(best)
    tried = {_comparable(h["config"]) for h in history}
    prof = {**profile, "resolved_model": best.get("resolved_model")}
    first = CLASS_MOVES if target.get("class") is not None else []
    moves = first + MOVES[state] + [m for s in ("ok", "underfit", "overfit") for m in MOVES[s]]
    for move in moves:
        step = move(base, prof)
        if step is None:
            continue
        changes, why = step
        candidate = {**base, **changes}
        try:
            candidate = TrainConfig(**candidate).model_dump()
        except ValidationError:
            continue
        if _comparable(candidate) in tried:
            continue
        aim = (
            f" for {target.get('class_metric')} of {target['class']!r}"
            if target.get("class") is not None
            else ""
        )
        return Proposal(
            changes=changes,
            reason=f"attempt {best['attempt']} looks {state}; try {why}{aim}",
            source="builtin",
        )
    # Every move was tried: vary the seed so the attempt still adds information.
    return Proposal(
        changes={"seed": int(base.get("seed", 0)) + len(history)},
        reason="every nearby setting was tried; retry with another seed",
        source="builtin",
    )


def _extract_json(text: str) -> dict[str, Any]:
    match = re.search(r"\{.*\}", text, re.S)
    if match is None:
        raise ValueError("no JSON object in the reply")
    data = json.loads(match.group(0))
    if not isinstance(data, dict):
        raise ValueError("the reply is not a JSON object")
    return data


def allowed_settings() -> dict[str, dict[str, Any]]:
    """The tunable settings with their type, bounds and choices (from TrainConfig's schema)."""
    props = TrainConfig.model_json_schema()["properties"]
    keep = ("type", "enum", "minimum", "maximum", "exclusiveMinimum", "default", "description")
    return {k: {f: v for f, v in props[k].items() if f in keep} for k in TUNABLE_KEYS}


def validate_changes(base: dict[str, Any], changes: Any) -> dict[str, Any]:
    """Keep a proposal only if every key is tunable and the merged config validates."""
    if not isinstance(changes, dict) or not changes:
        raise ValueError("'changes' must be a non-empty object")
    unknown = [k for k in changes if k not in TUNABLE_KEYS]
    if unknown:
        raise ValueError(f"unknown or frozen settings {unknown}; allowed: {list(TUNABLE_KEYS)}")
    TrainConfig(**{**base, **changes})
    return dict(changes)


def llm_tune(
    model: BaseChatModel,
    history: list[dict[str, Any]],
    target: dict[str, Any],
    profile: dict[str, Any],
    *,
    repairs: int = 1,
) -> Proposal:
    """Ask the model for the next changes; invalid replies are sent back once, then the
    built-in search decides (and the reason says so).
    """
    from agents.llm import load_prompt

    best = best_entry(history, target["metric"])
    base = dict(best["config"])
    brief = [
        {
            "attempt": h["attempt"],
            "config": h["config"],
            "validation": h.get("metrics"),
            "train": h.get("train_metrics"),
        }
        for h in history
    ]
    prompt = load_prompt(
        "tuner",
        target=json.dumps(target),
        history=json.dumps(brief, default=str),
        best_attempt=best["attempt"],
        base_config=json.dumps(base),
        profile=json.dumps(profile),
        allowed=json.dumps(allowed_settings()),
    )
    messages: list[Any] = [
        SystemMessage(
            "You tune model training runs (classifiers and regressors). "
            "Reply with one JSON object only."
        ),
        HumanMessage(prompt),
    ]
    tried = {_comparable(h["config"]) for h in history}
    problem = ""
    for _ in range(repairs + 1):
        reply = model.invoke(messages)
        text = reply.content if isinstance(reply.content, str) else str(reply.content)
        try:
            data = _extract_json(text)
            changes = validate_changes(base, data.get("changes"))
            merged = TrainConfig(**{**base, **changes}).model_dump()
            if _comparable(merged) in tried:
                raise ValueError("that configuration was already tried")
            return Proposal(changes=changes, reason=str(data.get("reason", ""))[:500], source="llm")
        except (ValueError, ValidationError) as exc:
            problem = str(exc).splitlines()[0][:300]
            messages += [reply, HumanMessage(f"Invalid proposal: {problem}. Reply again.")]
    fallback = builtin_tune(history, target, profile)
    fallback.reason = f"LLM proposal rejected ({problem}); {fallback.reason}"
    return fallback
