"""Labeling on data it was not tuned on: no crash on odd data, joins, the label's name."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from errors import BadInput, InvalidArguments
from graphs.workflows import call_tool
from settings import get_settings
from tests.utils.training_data import write_census
from tools.labeling.endmodel import _Blend, _predict, features, train_end_model
from tools.labeling.gold import plan_join


def _ws() -> Path:
    ws = get_settings().workspace
    ws.mkdir(parents=True, exist_ok=True)
    return ws


def _tweets(n: int = 160, seed: int = 0) -> pd.DataFrame:
    """Short, messy texts: hashtags, mentions, URLs, emoji, blanks, repeats, one huge post."""
    rng = np.random.default_rng(seed)
    a = ["#tax cuts now @senator", "jobs jobs jobs 🇺🇸", "build the wall http://x.co/1", "MAGA!!"]
    b = ["#climate action @gov", "healthcare for all ❤️", "vote blue http://y.co/2", "ok"]
    rows, labels = [], []
    for i in range(n):
        side = i % 2
        text = str(rng.choice(b if side else a))
        if i % 17 == 0:
            text = ""  # missing text
        if i % 23 == 0:
            text = None  # type: ignore[assignment]
        if i == 5:
            text = "word " * 20000  # a very long document
        rows.append(text)
        labels.append("dem" if side else "rep")
    return pd.DataFrame(
        {"tweet_id": [f"t{i}" for i in range(n)], "text": rows, "constant": 1, "who": labels}
    )


def test_blend_survives_zero_probabilities() -> None:
    # The reported crash: log(0) in the NB + LR blend, then inf - inf = NaN.
    class Zero:
        classes_ = np.array([0, 1])

        def predict_proba(self, X):  # noqa: ANN001, ANN202
            return np.tile([0.0, 1.0], (X.shape[0], 1))

    class Broken(Zero):
        def predict_proba(self, X):  # noqa: ANN001, ANN202
            return np.tile([np.nan, np.nan], (X.shape[0], 1))

    X = sparse.csr_matrix(np.ones((4, 3)))
    probs = _Blend(Zero(), Zero(), X).predict_proba(X)
    assert np.isfinite(probs).all() and np.allclose(probs.sum(axis=1), 1)
    # Whatever a model returns, the end model's probabilities are finite and never zero.
    for model in (Zero(), Broken(), _Blend(Broken(), Zero(), X)):
        p = _predict(model, X, 2)
        assert np.isfinite(p).all() and (p > 0).all() and np.allclose(p.sum(axis=1), 1)
    frame = pd.DataFrame({"n": [1.0, np.inf, np.nan, 2.0], "c": [5, 5, 5, 5]})
    X2, _ = features(frame, [], ["n", "c"])
    assert np.isfinite(X2.toarray()).all()


def test_end_model_survives_nan_and_zero_soft_labels() -> None:
    rng = np.random.default_rng(0)
    X = sparse.csr_matrix(rng.random((60, 8)))
    soft = np.tile([1.0, 0.0], (60, 1))
    soft[::2] = [0.0, 1.0]
    soft[3] = [np.nan, np.nan]
    end = train_end_model(
        X, soft, np.arange(10, 60), dev_rows=np.arange(10), dev_labels=np.arange(10) % 2
    )
    assert end is not None and np.isfinite(end.probs).all()


def test_label_dataset_does_not_crash_on_odd_short_texts(home: Path) -> None:
    frame = _tweets()
    ws = _ws()
    frame.drop(columns=["who"]).to_csv(ws / "tweets.csv", index=False)
    gold = frame.iloc[:20][["tweet_id", "who"]].rename(columns={"who": "label"})
    gold = pd.concat([gold, gold.iloc[:3]])  # repeated gold ids
    gold.to_csv(ws / "tweets_gold.csv", index=False)
    out = call_tool(
        "label_dataset",
        {
            "dataset": "tweets.csv",
            "gold": "tweets_gold.csv",
            "text_column": "text",
            "writer": "builtin",
            "max_attempts": 2,
            "target_value": 1.0,
        },
    )
    labeled = pd.read_parquet(ws / out["labeled_path"])
    probs = labeled[["prob_dem", "prob_rep"]].to_numpy()
    assert np.isfinite(probs).all() and np.allclose(probs.sum(axis=1), 1)
    assert out["gold"]["duplicate_ids"] and "tweet_id" in out["gold"]["join"]
    assert (
        out["selection"]["chosen"] in out["selection"]["heldout"]
        or out["selection"]["heldout"] == {}
    )


def test_label_dataset_on_ten_labels_of_a_table_with_no_lf(home: Path) -> None:
    # Few labels on a small table: the miner may find no LF; hand-label models still label it.
    rng = np.random.default_rng(1)
    n = 120
    frame = pd.DataFrame(
        {
            "x": rng.normal(size=n),
            "flat": 3.0,
            "colour": rng.choice(["red", "blue"], n),
        }
    )
    frame["y"] = np.where(frame.x + rng.normal(scale=0.5, size=n) > 0, "hi", "lo")
    ws = _ws()
    frame.drop(columns=["y"]).to_csv(ws / "small.csv", index=False)
    # No column shared with the data and as many rows: joined by position.
    labels = frame["y"].where(np.arange(n) < 10)
    pd.DataFrame({"label": labels}).to_csv(ws / "small_gold.csv", index=False)
    out = call_tool(
        "label_dataset",
        {"dataset": "small.csv", "gold": "small_gold.csv", "writer": "builtin"},
    )
    assert out["gold"]["joined"] == 10 and "by position" in out["gold"]["join"]
    labeled = pd.read_parquet(ws / out["labeled_path"])
    assert np.isfinite(labeled[["prob_hi", "prob_lo"]].to_numpy()).all()


def test_plan_join_as_a_person_expects() -> None:
    data_cols = ["tweet_id", "text"]
    shared = plan_join(
        data_cols,
        pd.DataFrame({"tweet_id": [1], "label": ["a"]}),
        id_column=None,
        label_column=None,
    )
    assert (shared.id_column, shared.gold_id_column, shared.gold_label_column) == (
        "tweet_id",
        "tweet_id",
        "label",
    )
    # The gold label column is the one column that is not the join column.
    named = plan_join(
        ["row_id", "age"],
        pd.DataFrame({"row_id": [1], "income": [">50K"]}),
        id_column=None,
        label_column=None,
    )
    assert named.gold_label_column == "income"
    position = plan_join(
        data_cols,
        pd.DataFrame({"label": ["a", "b"]}),
        id_column=None,
        label_column=None,
        data_rows=2,
    )
    assert "by position" in position.how
    with pytest.raises(BadInput, match="share no column") as err:
        plan_join(
            data_cols,
            pd.DataFrame({"k": [1], "label": ["a"]}),
            id_column=None,
            label_column=None,
            data_rows=5,
        )
    assert "tweet_id" in err.value.hint and "k" in err.value.hint
    with pytest.raises(BadInput, match="several columns") as err:
        plan_join(
            ["a", "b", "text"],
            pd.DataFrame({"a": [1], "b": [2], "label": ["x"]}),
            id_column=None,
            label_column=None,
        )
    assert err.value.code == "ambiguous_join"


def test_label_name_travels_from_hand_labels_to_evaluation(home: Path) -> None:
    ws = _ws()
    write_census(ws)
    labeled = call_tool(
        "label_dataset",
        {
            "dataset": "census.csv",
            "gold": "census_gold.csv",
            "writer": "builtin",
            "max_attempts": 1,
        },
    )
    assert labeled["label_name"] == "income" and "row_id" in labeled["gold"]["join"]
    trained = call_tool(
        "train_model",
        {
            "dataset": labeled["labeled_path"],
            "soft_labels": True,
            "epochs": 5,
            "test_dataset": "census_test.csv",
        },
    )
    assert trained["test_metrics"] is not None
    evaluated = call_tool(
        "evaluate_model", {"model": trained["model_path"], "dataset": "census_test.csv"}
    )
    assert evaluated["label_column"] == "income" and evaluated["rows"] == 100
    assert evaluated["metrics"]["auc"] > 0.6


def test_detect_anomalies_combines_detectors_and_shows_the_worst_rows(home: Path) -> None:
    # Rare combinations: each value is common alone, the pair never occurs (shape "square"
    # is always "red" below). IsolationForest, LOF and the CVAE all score; the answer says how
    # many rows were flagged and shows the worst rows with their values.
    rng = np.random.default_rng(0)
    n = 300
    shape = rng.choice(["square", "circle"], n)
    frame = pd.DataFrame(
        {
            "row_id": np.arange(n),
            "shape": shape,
            "colour": np.where(shape == "square", "red", "blue"),
            "size": rng.normal(10, 1, n),
        }
    )
    odd = [7, 70, 170]
    frame.loc[odd, "colour"] = np.where(frame.loc[odd, "shape"] == "square", "blue", "red")
    frame.to_parquet(_ws() / "shapes.parquet", index=False)
    out = call_tool(
        "detect_anomalies",
        {"dataset": "shapes.parquet", "id_column": "row_id", "epochs": 30, "top_k": 5},
    )
    assert out["detectors"] == [
        "isolation_forest",
        "local_outlier_factor",
        "cvae",
        "category_pairs",
        "negative_values",
    ]  # one numeric column: binned_pairs sits out (the rule runs on any number column)
    assert {r["row_id"] for r in out["top"][:3]} == set(odd)
    assert out["top"][0]["values"]["shape"] in ("square", "circle")
    assert f"{out['flagged']} of {n} rows flagged" in out["answer"]
    scores = pd.read_parquet(_ws() / out["scores_path"])
    assert {"score_isolation_forest", "score_cvae", "score_category_pairs"} <= set(scores)
    only_if = call_tool(
        "detect_anomalies",
        {"dataset": "shapes.parquet", "detectors": ["isolation_forest"], "epochs": 5},
    )
    assert only_if["detectors"] == ["isolation_forest"]
    with pytest.raises(InvalidArguments, match="detectors"):
        call_tool("detect_anomalies", {"dataset": "shapes.parquet", "detectors": ["nope"]})
