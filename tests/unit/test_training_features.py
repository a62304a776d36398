"""Feature preprocessing: column inference, fitted on train only, JSON round trip."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from errors import BadInput
from tools.training.features import Preprocessor, infer_columns


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "text": [
                "the rocket reached orbit today",
                "the doctor prescribed a new drug",
                "a satellite launch is planned",
                "patients respond to the drug",
            ],
            "size": [1.0, 2.0, 3.0, np.nan],
            "colour": ["red", "blue", "red", None],
            "label": ["space", "med", "space", "med"],
            "prob_med": [0.1, 0.9, 0.2, 0.8],
            "prob_space": [0.9, 0.1, 0.8, 0.2],
            "covered": [True, True, True, False],
        }
    )


def test_infer_columns_by_dtype_and_content() -> None:
    spec = infer_columns(_frame(), label="label", id_column="id")
    assert spec.text == ["text"]
    assert spec.numeric == ["size"]
    assert spec.categorical == ["colour"]
    # Labeling-output columns and the id are never features.
    assert not {"prob_med", "prob_space", "covered", "id", "label"} & set(spec.features)


def test_unknown_feature_column_is_bad_input() -> None:
    with pytest.raises(BadInput, match="'nope' not found") as info:
        infer_columns(_frame(), label="label", id_column=None, numeric=["nope"])
    assert "columns are" in info.value.hint


def test_fitted_on_train_rows_only() -> None:
    frame = _frame()
    spec = infer_columns(frame, label="label", id_column="id")
    train, other = frame.iloc[:2], frame.iloc[2:]
    pre = Preprocessor.fit(train, spec, ngram_max=1)
    assert pre.means == [1.5]  # the mean of the two training rows only
    assert "satellite" not in pre.vocabulary  # a word seen only outside train
    assert pre.categories["colour"] == ["blue", "red"] or pre.categories["colour"] == [
        "red",
        "blue",
    ]
    x = pre.transform(other).toarray()
    assert x.shape == (2, pre.n_features)
    # Row 4: size NaN becomes the training mean (0 after scaling), colour None -> no one-hot.
    numeric_col = pre.text_dim
    assert x[1, numeric_col] == pytest.approx(0.0)
    assert x[1, numeric_col + 1 :].sum() == 0.0


def test_json_round_trip_gives_the_same_matrix() -> None:
    frame = _frame()
    spec = infer_columns(frame, label="label", id_column="id")
    for mode in ("tfidf", "hashed"):
        pre = Preprocessor.fit(frame, spec, text_features=mode, max_features=256)
        again = Preprocessor.from_dict(json.loads(json.dumps(pre.to_dict())))
        a, b = pre.transform(frame).toarray(), again.transform(frame).toarray()
        assert np.allclose(a, b)
        assert a.shape[1] == pre.n_features == len(pre.feature_names())


def test_tfidf_rows_are_l2_normalised() -> None:
    frame = _frame()
    spec = infer_columns(frame, label="label", id_column="id")
    pre = Preprocessor.fit(frame, spec)
    text = pre.transform(frame).toarray()[:, : pre.text_dim]
    assert np.allclose(np.linalg.norm(text, axis=1), 1.0, atol=1e-5)


def test_tampered_preprocessing_is_refused() -> None:
    frame = _frame()
    spec = infer_columns(frame, label="label", id_column="id")
    data = Preprocessor.fit(frame, spec).to_dict()
    data["idf"] = data["idf"][:-1]
    with pytest.raises(BadInput):
        Preprocessor.from_dict(data)
    with pytest.raises(BadInput):
        Preprocessor.from_dict({"kind": "something else"})


def test_columns_holding_class_names_are_never_features() -> None:
    frame = _frame().assign(hand=["space", None, None, "med"], label_original=None)
    spec = infer_columns(frame, label=None, id_column="id", classes=["med", "space"])
    # 'label' (argmax names) and 'hand' (hand labels) would leak the target.
    assert {"label", "hand"} <= set(spec.ignored)
    assert "label" not in spec.features and "hand" not in spec.features
    assert spec.categorical == ["colour"]


def test_a_yes_no_feature_beside_a_yes_no_label_is_a_feature_not_a_copy_of_it() -> None:
    # Round 29's trial: reminder_sent and first_visit (yes/no) were left out of every no-show
    # model as 'copies of the label', because they hold only the label's class names.

    rng = np.random.default_rng(0)
    n = 300
    labels = pd.Series(rng.choice(["yes", "no"], n, p=[0.25, 0.75]))
    hand = labels.where(rng.random(n) < 0.4)  # the label itself, on some rows: a copy
    hand[hand.notna() & (rng.random(n) < 0.05)] = "no"  # a few disagree
    frame = pd.DataFrame(
        {
            "reminder_sent": rng.choice(["yes", "no"], n, p=[0.8, 0.2]),
            "first_visit": rng.choice(["yes", "no"], n),
            "hand_label": hand,
            "age": rng.uniform(1, 15, n),
            "no_show": labels,
        }
    )
    spec = infer_columns(
        frame, label="no_show", id_column=None, classes=["no", "yes"], labels=labels
    )
    assert {"reminder_sent", "first_visit"} <= set(spec.categorical)
    assert "hand_label" in spec.ignored and "hand_label" not in spec.features
