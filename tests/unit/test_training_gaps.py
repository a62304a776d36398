"""Tables without ids: evaluating on a model's own validation rows, comparing two models on the
same held-out rows, predicting on rows that lack a feature, and label copies as features.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from agents.reporter import summarise_output
from errors import BadInput, ForgeflowError
from graphs.workflows import call_tool
from tests.utils.training_data import put, workspace
from tools.base import ToolContext
from tools.training.features import infer_columns


def orchard(n: int = 160, seed: int = 4) -> pd.DataFrame:
    """Invented fruit inspections with no id column: ripeness from sugar, firmness and soil."""
    rng = np.random.default_rng(seed)
    sugar = rng.normal(12, 3, n)
    firmness = rng.normal(6, 2, n)
    soil = rng.choice(["loam", "clay", "sand"], n)
    score = 0.9 * (sugar - 12) - 0.7 * (firmness - 6) + np.where(soil == "loam", 0.8, 0.0)
    ripe = score + rng.normal(0, 1.0, n) > 0
    return pd.DataFrame(
        {
            "sugar_brix": sugar.round(2),
            "firmness_kg": firmness.round(2),
            "soil": soil,
            "ripeness": np.where(ripe, "ripe", "green"),
        }
    )


def _train(dataset: str, name: str, model: str = "logistic", **extra: object) -> dict:
    args = {"dataset": dataset, "label_column": "ripeness", "model": model, "name": name}
    args.update({"epochs": 8, "patience": 3, "device": "cpu", **extra})
    return call_tool("train_model", args, ToolContext())


# ----- the validation split without an id column -----------------------------------------------
def test_validation_split_is_found_again_without_an_id_column() -> None:
    put(orchard(), "orchard.csv")
    trained = _train("orchard.csv", "pickers-lr")
    assert trained["id_column"] is None
    out = call_tool("evaluate_model", {"model": trained["model_path"]}, ToolContext())
    assert out["split"] == "validation"
    assert out["rows_matched_by"] == "position"
    assert out["rows"] == trained["rows"]["validation"]
    assert out["metrics"]["auc"] == pytest.approx(trained["validation_metrics"]["auc"], abs=1e-6)
    assert out["metrics"]["log_loss"] == pytest.approx(
        trained["validation_metrics"]["log_loss"], abs=1e-5
    )


def test_two_models_with_the_same_seed_are_compared_on_the_same_held_out_rows() -> None:
    put(orchard(), "orchard.csv")
    linear = _train("orchard.csv", "pickers-lr", model="logistic")
    mlp = _train("orchard.csv", "pickers-mlp", model="mlp", hidden_size=16)
    out = call_tool(
        "evaluate_model",
        {"model": linear["model_path"], "compare_model": mlp["model_path"]},
        ToolContext(),
    )
    comparison = out["comparison"]
    assert comparison["same_validation_rows"] is True
    assert comparison["rows_seen"] == 0
    # The second model's figures are its own validation figures: the very same rows.
    assert comparison["metrics"]["auc"] == pytest.approx(mlp["validation_metrics"]["auc"], abs=1e-6)
    assert "warnings" not in out
    answer = "\n".join(summarise_output("evaluate_model", out))
    rows = linear["rows"]["validation"]
    assert rows == out["rows"] and f"same {rows} held-out validation rows" in answer


def test_a_second_model_with_another_split_is_flagged_as_optimistic() -> None:
    put(orchard(), "orchard.csv")
    first = _train("orchard.csv", "pickers-a", seed=0)
    other = _train("orchard.csv", "pickers-b", seed=7)
    out = call_tool(
        "evaluate_model",
        {"model": first["model_path"], "compare_model": other["model_path"]},
        ToolContext(),
    )
    assert out["comparison"]["same_validation_rows"] is False
    assert out["comparison"]["rows_seen"] > 0
    assert any("optimistic" in w for w in out["warnings"])


def test_a_table_edited_since_training_is_refused_with_a_hint() -> None:
    put(orchard(), "orchard.csv")
    trained = _train("orchard.csv", "pickers-lr")
    put(orchard().iloc[5:], "orchard.csv")  # rows removed: positions no longer line up
    before = sorted(p.name for p in workspace().rglob("*"))
    with pytest.raises(ForgeflowError) as info:
        call_tool("evaluate_model", {"model": trained["model_path"]}, ToolContext())
    assert info.value.status_code == 409
    assert info.value.code == "training_data_changed"
    assert "retrain" in info.value.hint
    assert info.value.details["argument"] == "dataset"
    assert sorted(p.name for p in workspace().rglob("*")) == before


def test_an_edited_table_with_ids_still_finds_its_rows_by_id() -> None:
    frame = orchard().assign(crate=[f"c{i}" for i in range(160)])
    put(frame, "crates.csv")
    trained = _train("crates.csv", "crates-lr", id_column="crate")
    put(frame.sample(frac=1.0, random_state=2), "crates.csv")  # reordered: positions move
    out = call_tool("evaluate_model", {"model": trained["model_path"]}, ToolContext())
    assert out["rows_matched_by"] == "id"
    assert out["metrics"]["auc"] == pytest.approx(trained["validation_metrics"]["auc"], abs=1e-6)


def test_splits_record_positions_fingerprint_seed_and_fraction() -> None:
    put(orchard(), "orchard.csv")
    trained = _train("orchard.csv", "pickers-lr", seed=3, validation_fraction=0.25)
    splits = json.loads((workspace() / trained["model_path"] / "splits.json").read_text())
    assert splits["seed"] == 3 and splits["validation_fraction"] == 0.25
    assert len(splits["validation_rows"]) == trained["rows"]["validation"] == 40
    assert len(splits["table_fingerprint"]) == 64 and splits["table_rows"] == 160


# ----- predict on rows that lack columns --------------------------------------------------------
def test_predict_needs_neither_the_label_nor_ignored_columns() -> None:
    put(orchard().assign(inspector_note=None), "orchard.csv")
    trained = _train("orchard.csv", "pickers-lr")
    assert "inspector_note" in trained["columns"]["ignored"]
    put(orchard(40, seed=9).drop(columns=["ripeness"]), "new_crates.csv")
    out = call_tool(
        "predict", {"model": trained["model_path"], "dataset": "new_crates.csv"}, ToolContext()
    )
    assert out["rows"] == 40
    assert "warnings" not in out and "imputed" not in out


def test_predict_imputes_a_missing_feature_and_names_it() -> None:
    put(orchard(), "orchard.csv")
    trained = _train("orchard.csv", "pickers-lr")
    put(orchard(40, seed=9).drop(columns=["ripeness", "firmness_kg"]), "no_firmness.csv")
    out = call_tool(
        "predict", {"model": trained["model_path"], "dataset": "no_firmness.csv"}, ToolContext()
    )
    assert out["rows"] == 40
    assert out["imputed"] == [
        {
            "column": "firmness_kg",
            "kind": "numeric",
            "absent": True,
            "share_imputed": 1.0,
            "imputed_with": "the training mean",
        }
    ]
    assert len(out["warnings"]) == 1 and "'firmness_kg'" in out["warnings"][0]
    assert "100%" in out["warnings"][0]
    assert any(
        "warning: feature column 'firmness_kg'" in line for line in summarise_output("predict", out)
    )


def test_predict_can_refuse_a_missing_feature_instead() -> None:
    put(orchard(), "orchard.csv")
    trained = _train("orchard.csv", "pickers-lr")
    put(orchard(40, seed=9).drop(columns=["firmness_kg", "soil"]), "thin.csv")
    args = {"model": trained["model_path"], "dataset": "thin.csv", "missing_features": "fail"}
    with pytest.raises(BadInput) as info:
        call_tool("predict", args, ToolContext())
    assert info.value.code == "missing_features"
    assert info.value.details["missing"] == ["firmness_kg", "soil"]
    assert "'firmness_kg'" in info.value.message and info.value.hint
    assert not (workspace() / "predictions").exists()


def test_predict_without_any_feature_column_is_a_clear_error() -> None:
    put(orchard(), "orchard.csv")
    trained = _train("orchard.csv", "pickers-lr")
    put(pd.DataFrame({"crate": ["a", "b"], "weight": [3.1, 2.7]}), "unrelated.csv")
    with pytest.raises(BadInput) as info:
        call_tool(
            "predict", {"model": trained["model_path"], "dataset": "unrelated.csv"}, ToolContext()
        )
    assert info.value.code == "missing_features"
    assert set(info.value.details["missing"]) == {"sugar_brix", "firmness_kg", "soil"}
    assert info.value.details["argument"] == "dataset"


def test_evaluate_imputes_a_missing_feature_too() -> None:
    put(orchard(), "orchard.csv")
    trained = _train("orchard.csv", "pickers-lr")
    put(orchard(60, seed=11).drop(columns=["soil"]), "soil_lost.csv")
    out = call_tool(
        "evaluate_model",
        {"model": trained["model_path"], "dataset": "soil_lost.csv"},
        ToolContext(),
    )
    assert out["rows"] == 60
    assert [i["column"] for i in out["imputed"]] == ["soil"]
    assert any("'soil'" in w for w in out["warnings"])


# ----- label copies are never features ----------------------------------------------------------
def test_a_numeric_recoding_of_the_label_is_not_a_feature() -> None:
    frame = orchard()
    frame["ripe_flag"] = (frame["ripeness"] == "ripe").astype(int)
    put(frame, "flagged.csv")
    trained = _train("flagged.csv", "flagged-lr")
    assert trained["columns"]["label_copies"] == ["ripe_flag"]
    assert "ripe_flag" not in trained["columns"]["numeric"]
    assert any("'ripe_flag'" in w and "leak" in w for w in trained["warnings"])
    # The new rows have no such flag (it is what is to be predicted): nothing to impute.
    put(orchard(30, seed=5).drop(columns=["ripeness"]), "unflagged.csv")
    out = call_tool(
        "predict", {"model": trained["model_path"], "dataset": "unflagged.csv"}, ToolContext()
    )
    assert "warnings" not in out


def test_naming_the_label_as_a_feature_is_refused() -> None:
    frame = orchard()
    with pytest.raises(BadInput) as info:
        infer_columns(frame, label="ripeness", id_column=None, categorical=["soil", "ripeness"])
    assert "label column 'ripeness'" in info.value.message
    assert info.value.details["argument"] == "categorical_columns"


def test_mirrors_label_only_flags_one_to_one_recodings() -> None:
    from tools.training.features import mirrors_label

    labels = pd.Series(["ripe", "green"] * 20)
    assert mirrors_label(labels.map({"ripe": "R", "green": "G"}), labels)
    assert mirrors_label(labels.map({"ripe": 1.0, "green": 0.0}), labels)
    noisy = labels.map({"ripe": 1, "green": 0}).copy()
    noisy.iloc[3] = 1 - noisy.iloc[3]
    assert not mirrors_label(noisy, labels)
    assert not mirrors_label(pd.Series(np.linspace(0, 1, 40)), labels)
    assert not mirrors_label(labels.head(10).map({"ripe": 1, "green": 0}), labels.head(10))


def test_a_labeled_files_own_label_columns_are_left_out_without_a_warning() -> None:
    from types import SimpleNamespace

    from graphs.training import _column_warnings

    class Rows(SimpleNamespace):
        def __len__(self) -> int:
            return 40

    copies = SimpleNamespace(missing_with_label={}, label_copies=["label", "label_original"])
    train = Rows(columns=copies, classes=["ripe", "unripe"])
    assert _column_warnings(train, {"label": None}) == []  # soft labels of a labeled file
    named = _column_warnings(train, {"label": "ripeness"})
    assert len(named) == 2 and "'label'" in named[0]  # a table of the person's: said
    stray = Rows(
        columns=SimpleNamespace(missing_with_label={}, label_copies=["ripe_flag"]),
        classes=["ripe", "unripe"],
    )
    assert "ripe_flag" in _column_warnings(stray, {"label": None})[0]


def test_a_labeled_files_hand_label_column_is_its_label_too() -> None:
    """The partly filled column the labeling run read its hand labels from (kept in the
    labeled file under its own name) is left out silently; another copy names the label."""
    from types import SimpleNamespace

    from graphs.training import _column_warnings

    class Rows(SimpleNamespace):
        def __len__(self) -> int:
            return 40

    meta = {"label": None, "label_name": "ripeness"}
    own = Rows(
        columns=SimpleNamespace(missing_with_label={}, label_copies=["ripeness"]),
        classes=["ripe", "unripe"],
    )
    assert _column_warnings(own, meta) == []
    stray = Rows(
        columns=SimpleNamespace(missing_with_label={}, label_copies=["ripe_flag"]),
        classes=["ripe", "unripe"],
    )
    (warning,) = _column_warnings(stray, meta)
    assert "'ripe_flag'" in warning and "label 'ripeness'" in warning


def test_a_labeled_files_label_is_tested_on_the_test_files_hand_label_column() -> None:
    """Trained on a labeling run's file with its `label` named (as a plan may), tested on a
    file whose labels sit under the hand labels' own name (`ripeness`): found, not refused."""
    from agents.grounding import labeling_output_label

    frame = orchard()
    labeled = frame.rename(columns={"ripeness": "label"}).assign(
        prob_green=(frame["ripeness"] == "green").astype(float),
        prob_ripe=(frame["ripeness"] == "ripe").astype(float),
        covered=True,
        label_source="label_model",
    )
    labeled.attrs["forgeflow"] = {"label_name": "ripeness", "classes": ["green", "ripe"]}
    put(labeled, "orchard_labeled.parquet")
    put(orchard(60, seed=9), "orchard_test.csv")
    # the run's own file is trained on its soft labels: the planner names no label column
    assert labeling_output_label(list(labeled.columns)) is None
    assert labeling_output_label(["label", "label_source", "covered", "sugar_brix"]) == "label"
    out = call_tool(
        "train_model",
        {
            "dataset": "orchard_labeled.parquet",
            "label_column": "label",
            "test_dataset": "orchard_test.csv",
            "model": "logistic",
            "device": "cpu",
        },
        ToolContext(),
    )
    assert out["test_metrics"]["accuracy"] > 0.5
