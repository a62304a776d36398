"""A label that looks like a quantity (numeric, many values) or has too many classes is refused
up-front by weak supervision unless forced; forced runs have a bounded cost; train_model warns."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from errors import BadInput
from graphs.workflows import call_tool
from settings import get_settings
from tools.base import ToolContext
from tools.labeling import endmodel
from tools.labeling.limits import MAX_NUMERIC_CLASSES, looks_like_quantity


def run(name: str, **args) -> dict:
    return call_tool(name, args, ToolContext())


def _write(name: str, frame: pd.DataFrame) -> str:
    data = get_settings().data_dir
    data.mkdir(parents=True, exist_ok=True)
    frame.to_csv(data / name, index=False)
    return name


def _greenhouse(n: int, values: int, seed: int = 5) -> pd.DataFrame:
    """Plants with a count-like label (`leaves`: `values` distinct integers), a third filled."""
    rng = np.random.default_rng(seed)
    height = rng.uniform(5, 90, n).round(1)
    leaves = np.minimum((height / 90 * values).astype(int), values - 1).astype(float)
    leaves[rng.random(n) > 0.35] = np.nan
    return pd.DataFrame(
        {
            "height_cm": height,
            "pot": rng.choice(["clay", "plastic", "peat"], n),
            "leaves": leaves,
        }
    )


def test_which_labels_look_like_quantities() -> None:
    assert not looks_like_quantity(["0", "1"], 40)
    assert not looks_like_quantity(["1", "2", "3", "4", "5"], 12)  # star ratings
    assert not looks_like_quantity([str(d) for d in range(10)], 500)  # digit classes
    assert looks_like_quantity([str(v) for v in range(17)], 400)
    assert looks_like_quantity(["1.5", "2", "2.5", "3", "4", "7"], 12)  # 6 values in 12 rows
    assert not looks_like_quantity([f"grade {v}" for v in range(17)], 400)  # named classes


def test_a_quantity_label_is_refused_fast_and_writes_nothing(home: Path) -> None:
    name = _write("greenhouse.csv", _greenhouse(1200, 17))
    started = time.perf_counter()
    with pytest.raises(BadInput) as err:
        run("label_dataset", dataset=name, label_column="leaves")
    assert time.perf_counter() - started < 20  # the unbounded run took minutes
    e = err.value
    assert e.status_code == 400 and e.code == "label_looks_like_quantity"
    assert "regression target" in e.hint and str(MAX_NUMERIC_CLASSES) in e.hint
    assert "allow_many_classes" in e.hint and "17" in e.message
    assert e.details["limit"] == MAX_NUMERIC_CLASSES
    assert not (get_settings().workspace / "labeling").exists()
    with pytest.raises(BadInput):  # the LF writer refuses it the same way
        run("write_labeling_functions", dataset=name, label_column="leaves")


def test_too_many_named_classes_are_refused(home: Path) -> None:
    rng = np.random.default_rng(1)
    frame = pd.DataFrame(
        {
            "word": rng.choice(["fern", "moss", "ivy"], 400),
            "habitat": [f"biome-{i % 35}" for i in range(400)],
        }
    )
    with pytest.raises(BadInput) as err:
        run("label_dataset", dataset=_write("biomes.csv", frame), label_column="habitat")
    assert err.value.code == "too_many_classes" and "30" in err.value.message


def test_a_few_numeric_classes_still_label(home: Path) -> None:
    name = _write("trays.csv", _greenhouse(240, 3))
    lfs = [
        {
            "name": "short",
            "label": "0",
            "kind": "threshold",
            "column": "height_cm",
            "op": "<",
            "value": 25,
        },
        {
            "name": "tall",
            "label": "2",
            "kind": "threshold",
            "column": "height_cm",
            "op": ">",
            "value": 70,
        },
        {
            "name": "mid",
            "label": "1",
            "kind": "threshold",
            "column": "height_cm",
            "op": "between",
            "value": 35,
            "high": 55,
        },
    ]
    out = run(
        "label_dataset",
        dataset=name,
        label_column="leaves",
        labeling_functions=lfs,
        max_attempts=1,
        end_model=False,
    )
    assert out["classes"] == ["0", "1", "2"] and out["rows"] == 240
    assert out["metrics"]["accuracy"] > 0.6


def test_forced_many_classes_train_on_few_copies_per_row(monkeypatch: pytest.MonkeyPatch) -> None:
    from sklearn.linear_model import LogisticRegression

    seen: list[int] = []
    fit = LogisticRegression.fit

    def spy(self, X, y, sample_weight=None):  # noqa: ANN001, ANN202
        seen.append(X.shape[0])
        return fit(self, X, y, sample_weight=sample_weight)

    monkeypatch.setattr(LogisticRegression, "fit", spy)
    rng = np.random.default_rng(0)
    n, k = 300, 16
    X = rng.normal(size=(n, 4))
    soft = rng.dirichlet(np.ones(k), n)  # every class has weight on every row
    endmodel._fit_soft(X, soft, np.ones(n), 1.0, 0)
    assert seen == [n * endmodel.SOFT_TOP_CLASSES]  # not n * k
    seen.clear()
    few = rng.dirichlet(np.ones(3), n)
    endmodel._fit_soft(X, few, np.ones(n), 1.0, 0)
    assert seen == [n * 3]  # up to SOFT_TOP_CLASSES classes: every class, as before


def test_train_model_warns_on_a_quantity_label_and_still_trains(home: Path) -> None:
    frame = _greenhouse(600, 17, seed=9).dropna(subset=["leaves"])
    out = run("train_model", dataset=_write("counts.csv", frame), label_column="leaves", epochs=2)
    assert len(out["classes"]) > MAX_NUMERIC_CLASSES and out["model_path"]
    assert any("looks like a" in w and "regression" in w for w in out.get("warnings", []))
