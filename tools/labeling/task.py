"""A labeling task: the data, its id/text/feature columns, the classes, and the joined hand labels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from errors import BadInput, column_not_found
from tools.labeling.gold import Gold, ensure_ids, join_gold, plan_join, split_gold
from tools.labeling.limits import check_label_kind
from tools.tabular import load_table
from tools.text_columns import read_text_column


@dataclass
class Task:
    """Everything one labeling run works on; rows are positions in `frame`."""

    frame: pd.DataFrame
    dataset: str
    id_column: str
    label_column: str | None
    text_columns: list[str]
    feature_columns: list[str]
    gold: Gold
    dev: np.ndarray
    """Indices into gold.rows of the dev part (the loop may tune on it)."""
    heldout: np.ndarray
    """Indices into gold.rows of the held-out part (only reported)."""

    @property
    def classes(self) -> list[str]:
        return self.gold.classes

    @property
    def dev_rows(self) -> np.ndarray:
        return self.gold.rows[self.dev]

    @property
    def dev_labels(self) -> np.ndarray:
        return self.gold.labels[self.dev]

    @property
    def heldout_rows(self) -> np.ndarray:
        return self.gold.rows[self.heldout]

    @property
    def heldout_labels(self) -> np.ndarray:
        return self.gold.labels[self.heldout]

    def split_report(self) -> dict[str, Any]:
        return {"dev": int(len(self.dev)), "heldout": int(len(self.heldout))}


def guess_text_columns(frame: pd.DataFrame, exclude: set[str]) -> list[str]:
    """The columns that hold free text (`tools.text_columns.read_text_column`, the rule the
    table profile's `text_like` uses), but those in `exclude`, the wordiest first.
    """
    found: list[tuple[float, str]] = []
    for col in frame.columns:
        if col in exclude:
            continue
        reading = read_text_column(frame[col])
        if reading.free_text:
            found.append((reading.words, str(col)))
    # The wordiest first: the labeling functions mine the first.
    return [col for _, col in sorted(found, key=lambda f: -f[0])]


def load_task(
    dataset: str,
    *,
    gold: str | None,
    id_column: str | None,
    label_column: str | None,
    gold_id_column: str | None,
    gold_label_column: str | None,
    classes: list[str] | None,
    text_column: str | None,
    feature_columns: list[str] | None,
    dev_fraction: float,
    seed: int,
    allow_many_classes: bool = False,
) -> Task:
    """Load the data and the hand labels, join by id, pick columns, split dev/held-out.

    A label that looks like a quantity or has too many classes is refused here, before any
    work (check_label_kind), unless `allow_many_classes`.
    """
    frame, origin = load_table(dataset)
    if len(frame) == 0:
        raise BadInput(f"dataset {dataset!r} has no rows", hint="give a table with rows to label")
    frame.columns = [str(c) for c in frame.columns]
    gold_frame = None
    source = ""
    if gold:
        gold_frame, gold_origin = load_table(gold, argument="gold")
        gold_frame.columns = [str(c) for c in gold_frame.columns]
        source = gold_origin["id"]
    plan = plan_join(
        list(frame.columns),
        gold_frame,
        id_column=id_column,
        label_column=label_column,
        gold_id_column=gold_id_column,
        gold_label_column=gold_label_column,
        data_rows=len(frame),
    )
    id_column = plan.id_column
    frame = ensure_ids(frame, id_column).reset_index(drop=True)
    joined = join_gold(
        frame,
        gold_frame,
        id_column=id_column,
        label_column=label_column,
        gold_id_column=plan.gold_id_column,
        gold_label_column=plan.gold_label_column,
        classes=classes,
        source=source,
        how=plan.how,
    )
    check_label_kind(joined.classes, len(joined.rows), force=allow_many_classes)
    exclude = {id_column}
    if label_column:
        exclude.add(label_column)
    for col, argument in [
        (text_column, "text_column"),
        *((c, "feature_columns") for c in feature_columns or []),
    ]:
        if col is not None and col not in frame.columns:
            raise column_not_found(col, frame.columns, argument=argument, code="column_not_found")
    text_columns = [text_column] if text_column else guess_text_columns(frame, exclude)
    if feature_columns is None:
        feature_columns = [c for c in frame.columns if c not in exclude]
    if not text_columns and not [c for c in feature_columns if c not in exclude]:
        raise BadInput(
            "the data has no column to label from",
            hint="name a text_column or feature_columns",
        )
    dev, heldout = split_gold(joined, dev_fraction, seed)
    return Task(
        frame=frame,
        dataset=origin["id"],
        id_column=id_column,
        label_column=label_column,
        text_columns=text_columns,
        feature_columns=[c for c in feature_columns if c not in exclude],
        gold=joined,
        dev=dev,
        heldout=heldout,
    )
