"""train_model: tabular and text training, soft labels, artifacts, determinism, bad input."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import torch

from errors import BadInput, Forbidden, InvalidArguments
from graphs.workflows import call_tool
from tests.utils.training_data import breast_cancer_split, put, text_frame, workspace
from tools.base import ToolContext
from tools.training.tools import TrainModelInput
from tools.training.train import (
    TrainConfig,
    load_model,
    prepare_labels,
    soft_cross_entropy,
    split_validation,
)

FAST = {"epochs": 8, "patience": 3}


def test_tabular_training_writes_safe_artifacts() -> None:
    train, test = breast_cancer_split()
    put(train, "bc/train.parquet")
    put(test, "bc/test.csv")
    events: list[dict] = []
    out = call_tool(
        "train_model",
        {
            "dataset": "bc/train.parquet",
            "label_column": "target",
            "test_dataset": "bc/test.csv",
            "name": "bc",
            **FAST,
        },
        ToolContext(emit=events.append),
    )
    assert out["model_path"] == "models/bc"
    assert out["classes"] == ["benign", "malignant"]
    assert len(out["columns"]["numeric"]) == 30 and out["id_column"] == "id"
    assert out["validation_metrics"]["auc"] > 0.95
    assert out["test_metrics"]["auc"] > 0.95
    assert out["test_metrics"]["accuracy"] > out["test_baseline"]["accuracy"]
    folder = workspace() / "models" / "bc"
    names = {p.name for p in folder.iterdir()}
    assert {"model.safetensors", "config.json", "preprocessing.json", "curves.png"} <= names
    assert "metrics.json" in names
    assert not list(folder.rglob("*.pkl")) and not list(folder.rglob("*.pt"))
    assert (folder / "curves.png").read_bytes()[:4] == b"\x89PNG"
    paths = {a["path"] for a in out["artifacts"]}
    assert "models/bc/model.safetensors" in paths and "models/bc/test/roc.png" in paths
    # Per-epoch progress is streamed, one event per epoch.
    epochs = [e["epoch"] for e in events if "epoch" in e]
    assert epochs == list(range(1, len(epochs) + 1)) and len(epochs) >= 2
    # The saved model predicts like the trained one (JSON + safetensors only).
    model = load_model(folder)
    proba = model.predict_proba(test)
    assert proba.shape == (len(test), 2)
    assert np.allclose(proba.sum(axis=1), 1.0, atol=1e-5)


def test_text_training_with_tfidf_and_hashing() -> None:
    put(text_frame(240), "posts.parquet")
    for mode, model in (("tfidf", "auto"), ("hashed", "mlp")):
        out = call_tool(
            "train_model",
            {
                "dataset": "posts.parquet",
                "text_features": mode,
                "max_features": 4096,
                "model": model,
                "learning_rate": 0.05 if model == "auto" else 0.01,
                **FAST,
            },
            ToolContext(),
        )
        assert out["columns"]["text"] == ["text"]
        assert out["history"][0]["model"] == ("logistic" if model == "auto" else "mlp")
        assert out["validation_metrics"]["auc"] > 0.9, (mode, out["validation_metrics"])


def test_same_seed_same_model_different_seed_differs() -> None:
    train, _ = breast_cancer_split()
    data = prepare_labels(train, label_column="target", id_column="id")
    tr, va = split_validation(data, 0.2, 0)
    from tools.training.train import fit

    a = fit(tr, va, TrainConfig(model="mlp", epochs=3, seed=1))
    b = fit(tr, va, TrainConfig(model="mlp", epochs=3, seed=1))
    c = fit(tr, va, TrainConfig(model="mlp", epochs=3, seed=2))
    wa, wb, wc = (m.module.net[0].weight.detach() for m in (a, b, c))
    assert torch.equal(wa, wb)
    assert not torch.equal(wa, wc)


def test_soft_cross_entropy_equals_ce_on_one_hot_and_follows_soft_targets() -> None:
    logits = torch.tensor([[2.0, 0.5], [0.1, 1.0]])
    hard = torch.tensor([0, 1])
    one_hot = torch.nn.functional.one_hot(hard, 2).float()
    expected = torch.nn.functional.cross_entropy(logits, hard)
    assert torch.isclose(soft_cross_entropy(logits, one_hot, None), expected)
    soft = torch.tensor([[0.6, 0.4], [0.5, 0.5]])
    manual = -(soft * torch.log_softmax(logits, 1)).sum(1).mean()
    assert torch.isclose(soft_cross_entropy(logits, soft, None), manual)


def test_soft_labels_from_labeling_output() -> None:
    frame = text_frame(200, seed=3)
    p_space = np.where(frame["label"] == "sci.space", 0.85, 0.15)
    frame["prob_sci.med"] = 1 - p_space
    frame["prob_sci.space"] = p_space
    frame["covered"] = [i % 10 != 0 for i in range(len(frame))]
    frame["label_source"] = "label_model"
    put(frame, "labeled.parquet")
    out = call_tool(
        "train_model",
        {"dataset": "labeled.parquet", "soft_labels": True, "learning_rate": 0.05, **FAST},
        ToolContext(),
    )
    assert out["soft_labels"] is True
    assert out["classes"] == ["sci.med", "sci.space"]
    assert out["rows"]["dropped"] == 20  # uncovered rows are dropped by default
    assert out["validation_metrics"]["auc"] > 0.9
    config = json.loads((workspace() / out["model_path"] / "config.json").read_text())
    assert config["soft_labels"] is True


def test_class_weights_balance_the_loss() -> None:
    train, _ = breast_cancer_split()
    # Keep 20 malignant rows only: heavy imbalance.
    small = pd.concat([train[train.target == "benign"], train[train.target == "malignant"][:20]])
    data = prepare_labels(small, label_column="target", id_column="id")
    tr, va = split_validation(data, 0.25, 0)
    from tools.training.train import fit

    cfg = {"model": "logistic", "epochs": 3, "learning_rate": 0.001, "patience": 5}
    balanced = fit(tr, va, TrainConfig(**cfg, class_weights="balanced"))
    plain = fit(tr, va, TrainConfig(**cfg, class_weights="none"))
    mal = balanced.classes.index("malignant")

    def mean_p(trained) -> float:
        from tools.training.train import predict_proba_matrix

        x = trained.preprocessor.transform(tr.frame)
        return float(predict_proba_matrix(trained.module, x, torch.device("cpu"))[:, mal].mean())

    # Early in training, weighting pushes probability mass toward the rare class.
    assert mean_p(balanced) > mean_p(plain)


@pytest.mark.parametrize(
    ("frame", "args", "match"),
    [
        (pd.DataFrame({"x": [1, 2, 3, 4], "label": ["a"] * 4}), {}, "only one class"),
        (pd.DataFrame({"x": pd.Series([], dtype=float), "label": []}), {}, "empty"),
        (pd.DataFrame({"x": [1, 2], "label": ["a", "b"]}), {"label_column": "y"}, "'y' not found"),
        (
            pd.DataFrame({"x": [1, 2], "label": ["a", "b"]}),
            {"numeric_columns": ["nope"]},
            "'nope' not found",
        ),
        (pd.DataFrame({"x": [1, 2], "label": ["a", "b"]}), {"soft_labels": True}, "prob_"),
    ],
)
def test_bad_training_input(frame: pd.DataFrame, args: dict, match: str) -> None:
    put(frame, "bad.parquet")
    with pytest.raises(BadInput, match=match) as info:
        call_tool("train_model", {"dataset": "bad.parquet", **args}, ToolContext())
    assert info.value.hint


def test_paths_outside_the_workspace_are_refused() -> None:
    with pytest.raises(Forbidden):
        call_tool("train_model", {"dataset": "../../etc/passwd.csv"}, ToolContext())
    with pytest.raises(Forbidden):
        call_tool(
            "train_model",
            {"dataset": "breast_cancer", "test_dataset": "/etc/hosts.csv", "epochs": 1},
            ToolContext(),
        )


def test_cuda_request_without_cuda_is_bad_input() -> None:
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(BadInput, match="CUDA"):
        call_tool("train_model", {"dataset": "breast_cancer", "device": "cuda"}, ToolContext())


def test_input_schema_covers_every_training_knob() -> None:
    assert set(TrainConfig.model_fields) <= set(TrainModelInput.model_fields)
    with pytest.raises(InvalidArguments):
        call_tool("train_model", {"dataset": "breast_cancer", "learning_rate": -1}, ToolContext())


def test_small_models_use_one_thread_and_restore_the_count() -> None:
    from tools.training.models import small_work_threads

    before = torch.get_num_threads()
    with small_work_threads(torch.device("cpu"), 100):
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == before
    with small_work_threads(torch.device("cpu"), 10_000_000):
        assert torch.get_num_threads() == before  # large models keep every thread
