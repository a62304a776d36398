"""Training on a labeling run's filled-in label column: the person's partly filled column and
the source column are left out without a warning, and look-alike names in a plain table stay
features (invented beehive data)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tools.labeling.outputs import add_filled, filled_marks, filled_pairs
from tools.training.train import prepare_labels


def _hives(n: int = 90) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    weight = rng.uniform(5, 40, n).round(1)
    temper = np.where(weight > 22, "calm", "testy").astype(object)
    mood = temper.copy()
    mood[40:] = None  # inspected by hand: the first 40 hives
    table = pd.DataFrame(
        {
            "hive": [f"H{i:03d}" for i in range(n)],
            "weight_kg": weight,
            "apiary": rng.choice(["ridge", "meadow", "creek"], n),
            "mood": mood,
            "label": temper,
            "label_source": "label_model",
        }
    )
    add_filled(table, "mood", table["label"])
    return table


def test_the_filled_target_trains_without_the_own_column_or_a_warning() -> None:
    table = _hives()  # as a CSV copy: no metadata, found by the columns themselves
    assert filled_pairs(table) == [
        {"from": "mood", "column": "mood_filled", "source": "mood_source"}
    ]
    data = prepare_labels(table, label_column="mood_filled")
    features = set(data.columns.features)
    assert not {"mood", "mood_source"} & features
    assert "mood" not in data.columns.label_copies and "mood" not in data.columns.ignored
    assert {"weight_kg", "apiary"} <= features
    # Predicting the person's own column: its filled copy and source are no features either.
    own = prepare_labels(table, label_column="mood")
    assert not {"mood_filled", "mood_source"} & set(own.columns.features)


def test_look_alike_names_in_a_plain_table_stay_features() -> None:
    rng = np.random.default_rng(8)
    n = 60
    plain = pd.DataFrame(
        {
            "tank": rng.choice(["a", "b"], n),
            "tank_filled": rng.uniform(0, 1, n).round(2),  # how full the tank is
            "tank_source": rng.choice(["river", "well", "rain"], n),  # where its water came from
            "label_source": "survey",
            "grade": rng.choice(["good", "poor"], n),
        }
    )
    assert filled_marks(plain) == set()
    features = set(prepare_labels(plain, label_column="grade").columns.features)
    assert {"tank_filled", "tank_source"} <= features
    # Hand/weak marks that contradict the own column (a filled cell marked weak): not a run's.
    table = _hives()
    table.loc[0, "mood_source"] = "weak"
    assert filled_marks(table) == set()
