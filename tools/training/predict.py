"""Batch inference with a saved classifier or regressor, and writing tables by suffix."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from errors import BadInput
from tools.training.train import LoadedModel

WRITE_SUFFIXES = (".parquet", ".csv", ".jsonl")


def predict_frame(model: LoadedModel, frame: pd.DataFrame, id_column: str | None) -> pd.DataFrame:
    """Rows' predicted label, its probability and one `prob_<class>` column per class; a
    regressor's rows get a numeric `prediction` only.
    """
    if frame.empty:
        raise BadInput("the dataset is empty", hint="give rows to predict")
    out = pd.DataFrame(index=range(len(frame)))
    if id_column is not None:
        out[id_column] = frame[id_column].to_numpy()
    else:
        out["row"] = range(len(frame))
    if model.task == "regression":
        out["prediction"] = model.predict_values(frame).round(6)
        return out
    proba = model.predict_proba(frame)
    classes = model.classes
    out["prediction"] = [classes[i] for i in proba.argmax(axis=1)]
    out["confidence"] = proba.max(axis=1).round(6)
    for i, c in enumerate(classes):
        out[f"prob_{c}"] = proba[:, i].round(6)
    return out


def write_table(frame: pd.DataFrame, path: Path) -> None:
    """Write parquet, csv or jsonl by the path's suffix."""
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".parquet":
        frame.to_parquet(path, index=False)
    elif suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True)
    else:
        raise BadInput(f"cannot write {path.name}", hint=f"use one of: {', '.join(WRITE_SUFFIXES)}")
