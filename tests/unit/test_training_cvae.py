"""train_generator, generate_synthetic and detect_anomalies on the breast-cancer data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from errors import BadInput, Forbidden
from graphs.workflows import call_tool
from tests.utils.training_data import breast_cancer_split, put, workspace
from tools.base import ToolContext
from tools.training.cvae import load_generator

GEN = {"epochs": 80}


@pytest.fixture
def generator() -> dict:
    train, _ = breast_cancer_split()
    put(train, "bc.parquet")
    return call_tool(
        "train_generator", {"dataset": "bc.parquet", "name": "g", **GEN}, ToolContext()
    )


def test_synthetic_rows_are_nearly_as_useful_as_real_ones(generator: dict) -> None:
    utility = generator["utility"]
    assert utility["metric"] == "auc"
    assert utility["train_on_real"] > 0.95
    # Train-on-synthetic / test-on-real within 0.05 AUC of train-on-real.
    assert utility["train_on_synthetic"] >= utility["train_on_real"] - 0.05
    assert generator["model_path"] == "generators/g"
    names = {p.name for p in (workspace() / "generators" / "g").iterdir()}
    assert {"generator.safetensors", "config.json", "preprocessing.json", "curves.png"} <= names


def test_generate_rows_for_one_class(generator: dict) -> None:
    out = call_tool(
        "generate_synthetic",
        {"model": generator["model_path"], "label": "malignant", "n": 50, "output": "syn.csv"},
        ToolContext(),
    )
    assert out["rows"] == 50 and out["class_counts"] == {"malignant": 50}
    rows = pd.read_csv(workspace() / "syn.csv")
    assert len(rows) == 50 and set(rows["target"]) == {"malignant"}
    assert rows["id"].str.startswith("syn-").all()
    train, _ = breast_cancer_split()
    assert list(rows.columns) == list(train.columns)
    # Malignant tumours are larger: the generated class keeps that.
    benign = load_generator(workspace() / "generators" / "g").sample("benign", 200, seed=1)
    assert rows["mean radius"].mean() > benign["mean radius"].mean()
    with pytest.raises(BadInput, match="unknown class"):
        call_tool(
            "generate_synthetic", {"model": generator["model_path"], "label": "x"}, ToolContext()
        )


def test_corrupted_rows_score_higher_than_clean_ones(generator: dict) -> None:
    _, test = breast_cancer_split()
    rng = np.random.default_rng(0)
    corrupted = test.sample(15, random_state=1).copy()
    cols = ["mean radius", "mean texture", "worst area", "mean smoothness", "worst concavity"]
    for c in cols:
        corrupted[c] = corrupted[c] * rng.uniform(3.0, 6.0, len(corrupted))
    corrupted["id"] = corrupted["id"] + 10000
    put(pd.concat([test, corrupted], ignore_index=True), "mixed.parquet")
    out = call_tool(
        "detect_anomalies",
        {"model": generator["model_path"], "dataset": "mixed.parquet", "top_k": 15},
        ToolContext(),
    )
    top_ids = {r["id"] for r in out["top"]}
    assert len(top_ids & set(corrupted["id"])) >= 13
    scores = pd.read_parquet(workspace() / out["scores_path"])
    assert list(scores["score"]) == sorted(scores["score"], reverse=True)
    bad = scores[scores["id"].isin(corrupted["id"])]["score"]
    clean = scores[~scores["id"].isin(corrupted["id"])]["score"]
    assert bad.median() > clean.max() * 0.5 and bad.mean() > 5 * clean.mean()
    assert out["min"] <= out["mean"] <= out["max"] and out["rows"] == len(scores)
    assert out["flagged"] >= 10


def test_detect_anomalies_trains_a_generator_when_none_is_given() -> None:
    _, test = breast_cancer_split()
    put(test, "t.parquet")
    out = call_tool(
        "detect_anomalies", {"dataset": "t.parquet", "epochs": 20, "top_k": 3}, ToolContext()
    )
    assert out["model"].startswith("generators/")
    assert len(out["top"]) == 3 and out["top"][0]["rank"] == 1


def test_generator_bad_input() -> None:
    put(pd.DataFrame({"x": [1.0, 2.0, 3.0], "label": ["a", "a", "a"]}), "one.parquet")
    with pytest.raises(BadInput, match="only one class"):
        call_tool("train_generator", {"dataset": "one.parquet"}, ToolContext())
    put(pd.DataFrame({"x": [1.0, 2.0], "label": ["a", "b"]}), "two.parquet")
    with pytest.raises(BadInput, match="'nope' not found"):
        call_tool(
            "train_generator", {"dataset": "two.parquet", "label_column": "nope"}, ToolContext()
        )
    put(pd.DataFrame({"x": pd.Series([], dtype=float), "label": []}), "empty.parquet")
    with pytest.raises(BadInput, match="empty"):
        call_tool("train_generator", {"dataset": "empty.parquet"}, ToolContext())
    with pytest.raises(Forbidden):
        call_tool("generate_synthetic", {"model": "../../"}, ToolContext())


def test_detect_anomalies_on_unlabeled_rows() -> None:
    train, test = breast_cancer_split()
    rows = pd.concat([train, test], ignore_index=True).drop(columns=["target"])
    odd = rows.sample(10, random_state=2).copy()
    rng = np.random.default_rng(1)
    for c in ("worst area", "mean radius", "mean texture", "worst concavity"):
        odd[c] = odd[c] * rng.uniform(3.0, 6.0, len(odd))
    odd["id"] = odd["id"] + 50000
    put(pd.concat([rows, odd], ignore_index=True), "unlabeled.parquet")
    # No label column: the generator is trained on every row (anomalies included) as one class.
    out = call_tool("detect_anomalies", {"dataset": "unlabeled.parquet"}, ToolContext())
    scores = pd.read_parquet(workspace() / out["scores_path"])
    corrupted = scores["id"] >= 50000
    assert scores[corrupted]["score"].mean() > 3 * scores[~corrupted]["score"].mean()
    assert scores[corrupted]["rank"].median() < 0.1 * len(scores)


def test_pair_detectors_find_rare_combinations_and_broken_correlations() -> None:
    from tools.training.anomalies import pair_rarity

    # Each value is common alone; the pair (square, blue) never occurs but at rows 3 and 40.
    shape = np.array(["square", "circle"] * 50)
    colour = np.where(shape == "square", "red", "blue")
    colour[[3, 40]] = np.where(shape[[3, 40]] == "square", "blue", "red")
    codes = [pd.factorize(shape)[0], pd.factorize(colour)[0]]
    rarity = pair_rarity(codes)
    assert rarity is not None and set(np.argsort(-rarity)[:2]) == {3, 40}
    assert pair_rarity(codes[:1]) is None  # one column: nothing to pair
    # Broken correlation: height follows width except in rows 5, 50 and 77 (each pair of
    # quintiles they fall in holds no other row).
    rng = np.random.default_rng(0)
    width = rng.uniform(1, 10, 200)
    height = 2 * width + rng.normal(0, 0.3, 200)
    width[[5, 50, 77]] = [1.5, 9.5, 5.5]
    height[[5, 50, 77]] = [19.0, 3.0, 19.5]
    frame = pd.DataFrame({"width": width, "height": height, "kind": "a"})
    put(frame, "boxes.parquet")
    out = call_tool(
        "detect_anomalies",
        {"dataset": "boxes.parquet", "detectors": ["binned_pairs", "category_pairs"], "top_k": 3},
        ToolContext(),
    )
    # One categorical column: category_pairs sits out, and the answer says which ran.
    assert out["detectors"] == ["binned_pairs"]
    scores = pd.read_parquet(workspace() / out["scores_path"]).set_index("row")["score"]
    # The broken rows share the top score; quintiles cannot tell them from a natural row alone
    # in a neighbouring bin, so a few such rows tie with them. The mean of all detectors
    # (LOF and the CVAE see how far off they are) puts exactly them first.
    top = scores[scores == scores.max()].index
    assert {5, 50, 77} <= set(top) and len(top) < 10
    both = call_tool("detect_anomalies", {"dataset": "boxes.parquet", "top_k": 3}, ToolContext())
    assert "binned_pairs" in both["detectors"]
    assert {r["row"] for r in both["top"]} == {5, 50, 77}
