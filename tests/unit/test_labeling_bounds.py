"""Class sets and LF counts are bounded, and never come from what LF code returns."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from errors import BadInput
from settings import get_settings
from tools.base import ToolContext
from tools.labeling import sandbox
from tools.labeling.create import create_labels, majority_labels, request_classes
from tools.labeling.gold import join_gold
from tools.labeling.specs import parse_lfs

needs_sandbox = pytest.mark.skipif(not sandbox.sandbox_status()[0], reason="sandbox unavailable")


def ws() -> Path:
    return get_settings().workspace


def keyword(name: str, label: str, word: str) -> dict:
    return {"name": name, "kind": "keyword", "label": label, "column": "text", "keywords": [word]}


def test_classes_come_from_the_request_then_hand_labels_then_declarative_lfs() -> None:
    frame = pd.DataFrame({"text": ["a", "b", "c"], "gold": ["spam", None, "ham"]})
    code = parse_lfs([{"name": "c", "code": "def c(x):\n    return 99999999999999999999999"}])
    assert request_classes(["x", "y", "z"], frame, None, code) == ["x", "y", "z"]
    assert request_classes(None, frame, "gold", code) == ["ham", "spam"]
    named = parse_lfs([keyword("k1", "neg", "a"), keyword("k2", "pos", "b")])
    assert request_classes(None, frame, None, named) == ["neg", "pos"]
    assert request_classes(None, frame, None, code) == ["0", "1"]  # never range(literal + 1)


def test_the_number_of_classes_is_capped_wherever_they_come_from() -> None:
    many = [f"c{i}" for i in range(get_settings().max_classes + 1)]
    frame = pd.DataFrame({"id": range(len(many)), "text": "t", "gold": many})
    code = parse_lfs([{"name": "c", "code": "def c(x):\n    return 0"}])
    for call in (
        lambda: request_classes(many, frame, None, code),
        lambda: request_classes(None, frame, "gold", code),
        lambda: join_gold(frame, None, id_column="id", label_column="gold"),
    ):
        with pytest.raises(BadInput) as err:
            call()
        assert err.value.code == "too_many_classes"
    with pytest.raises(BadInput) as err:
        request_classes(["a", "a"], frame, None, code)
    assert err.value.code == "duplicate_classes"


def test_the_number_of_lfs_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORGEFLOW_MAX_LFS", "5")
    from settings import reset_settings

    reset_settings()
    with pytest.raises(BadInput) as err:
        parse_lfs([keyword(f"k{i}", "a", "w") for i in range(6)])
    assert err.value.code == "too_many_lfs"


def test_majority_vote_needs_no_table_per_class() -> None:
    matrix = np.array([[0, 1, 1], [-1, -1, -1], [2, 0, -1], [150, 150, 0]])
    assert majority_labels(matrix).tolist() == [1, -1, 0, 150]


@needs_sandbox
def test_a_huge_literal_vote_is_that_lfs_error_not_a_class_count() -> None:
    pd.DataFrame({"id": range(4), "text": ["a", "b", "a", "b"]}).to_csv(ws() / "d.csv", index=False)
    out = create_labels(
        data_path="d.csv",
        output_path="out/labels.csv",
        labeling_functions=[
            {"name": "huge", "code": "def huge(x):\n    return 99999999999999999999999"},
            {"name": "ok", "code": "def ok(x):\n    return 1 if x.text == 'a' else 0"},
        ],
        classes=None,
        id_column="id",
        label_column=None,
        timeout_s=10,
        ctx=ToolContext(),
    )
    errors = {e["name"]: e["reason"] for e in out["errors"]}
    assert out["classes"] == ["0", "1"] and "outside the label set -1..1" in errors["huge"]
    labeled = pd.read_csv(ws() / "out" / "labels.csv")
    assert labeled["label"].tolist() == [1, 0, 1, 0]


def test_past_a_size_majority_vote_stands_in_for_the_label_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 201 usable LFs x 5 classes = 1,005 > 1,000: within both caps, past the product's limit.
    from tools.labeling import combine as combine_module

    def no_label_model(*args: object, **kwargs: object) -> np.ndarray:
        raise AssertionError("the label model must not run past its size limit")

    monkeypatch.setattr(combine_module, "label_model", no_label_model)
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 5, 300)
    votes = np.where(rng.random((300, 201)) < 0.7, truth[:, None], rng.integers(0, 5, (300, 201)))
    matrix = np.where(rng.random((300, 201)) < 0.5, votes, -1)
    out = combine_module.combine(matrix, 5, dev_rows=np.arange(50), dev_labels=truth[:50])
    assert out.method == "majority_vote" and "size limit" in out.reason and "1005" in out.reason
    assert (out.probs.argmax(axis=1) == truth).mean() > 0.9
    assert set(out.dev_metrics) == {"majority_vote"}
    # One LF fewer is 1,000: the label model's turn (here the stub says it was asked).
    with pytest.raises(AssertionError, match="size limit"):
        combine_module.combine(matrix[:, :200], 5, dev_rows=np.arange(50), dev_labels=truth[:50])
