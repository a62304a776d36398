"""Labeling artifacts are replaced whole: a write that fails midway leaves the old file."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tools.labeling.outputs import labeled_meta, write_json, write_labeled, write_summary


def _labeled(path: Path, probs: np.ndarray) -> None:
    frame = pd.DataFrame({"id": [1, 2, 3], "text": ["a", "b", "c"]})
    covered = np.ones(3, dtype=bool)
    write_labeled(path, frame, "id", ["x", "y"], probs, covered, np.array(["lf"] * 3), "topic")


def test_a_failed_rewrite_of_the_labeled_file_leaves_the_previous_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "labeled.parquet"
    first = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    _labeled(path, first)

    def half_then_die(self: pd.DataFrame, target: object, **kwargs: object) -> None:
        Path(str(target)).write_bytes(b"PAR1 half a file")  # killed mid-write
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", half_then_die)
    with pytest.raises(OSError, match="disk full"):
        _labeled(path, first[::-1])
    monkeypatch.undo()
    kept = pd.read_parquet(path)
    assert np.allclose(kept[["prob_x", "prob_y"]].to_numpy(), first)
    assert labeled_meta(kept)["label_name"] == "topic"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["labeled.parquet"]  # no temp left
    _labeled(path, first[::-1])  # a rerun replaces it
    assert np.allclose(pd.read_parquet(path)[["prob_x", "prob_y"]].to_numpy(), first[::-1])


def test_json_and_summary_are_replaced_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "metrics.json"
    write_json(path, {"auc": 0.9})

    def half_then_die(self: Path, text: str, **kwargs: object) -> int:
        with open(self, "w", encoding="utf-8") as f:
            f.write(text[:3])
        raise OSError("killed")

    monkeypatch.setattr(Path, "write_text", half_then_die)
    with pytest.raises(OSError, match="killed"):
        write_json(path, {"auc": 0.5, "more": list(range(100))})
    monkeypatch.undo()
    assert json.loads(path.read_text(encoding="utf-8")) == {"auc": 0.9}
    summary = [{"name": "kw", "coverage": 0.5, "dev_accuracy": 0.8, "polarity": ["x"]}]
    csv, png = tmp_path / "lf_summary.csv", tmp_path / "lf_summary.png"
    write_summary(csv, png, summary)
    assert pd.read_csv(csv)["name"].tolist() == ["kw"]
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "lf_summary.csv",
        "lf_summary.png",
        "metrics.json",
    ]
