"""The workbench's own labeled table keeps the filled-in copy of the person's label column in
step with corrections and re-applies, not only its export (invented tea-chest data)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from graphs.workflows import call_tool
from settings import get_settings
from tools.base import ToolContext

RULES = [
    {"name": "small", "label": "hold", "kind": "threshold", "column": "volume_l", "op": "<",
     "value": 40},
    {"name": "large", "label": "deck", "kind": "threshold", "column": "volume_l", "op": ">",
     "value": 60},
]  # fmt: skip


def _chests(n: int = 70) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    volume = rng.uniform(10, 90, n).round(1)
    stow = np.where(volume > 50, "deck", "hold").astype(object)
    stow[25:] = None  # the person stowed the first 25 chests by hand
    return pd.DataFrame(
        {"chest": [f"TC-{900 + i}" for i in range(n)], "volume_l": volume, "stow": stow}
    )


def _labeled(folder: str) -> pd.DataFrame:
    return pd.read_parquet(get_settings().workspace / folder / "workbench" / "labeled.parquet")


def test_a_correction_is_in_the_workbench_table_filled_column(home: Path) -> None:
    data = get_settings().data_dir
    data.mkdir(parents=True, exist_ok=True)
    _chests().to_csv(data / "chests.csv", index=False)
    folder = "labeling/chests"
    call_tool(
        "label_dataset",
        {
            "dataset": "chests.csv",
            "label_column": "stow",
            "labeling_functions": RULES,
            "max_attempts": 1,
            "end_model": False,
            "output_dir": folder,
        },
        ToolContext(),
    )
    run_table = pd.read_parquet(get_settings().workspace / folder / "labeled.parquet")
    row = 50  # labelled by the run, not by the person
    flip = "hold" if run_table.loc[row, "label"] == "deck" else "deck"
    call_tool(
        "correct_labels",
        {"labeling_dir": folder, "corrections": [{"row": row, "label": flip}]},
        ToolContext(),
    )
    table = _labeled(folder)
    assert table.loc[row, "label"] == flip
    assert table.loc[row, "stow_filled"] == flip and table.loc[row, "stow_source"] == "hand"
    assert (table["stow_source"] == "hand").sum() == 26  # the person's 25 and the correction
    assert table["stow"].notna().sum() == 25  # their own column as it was
    weak = table["stow_source"] == "weak"
    assert (table.loc[weak, "stow_filled"] == table.loc[weak, "label"]).all()
    # The run's own artifacts are never changed by the workbench.
    assert pd.read_parquet(get_settings().workspace / folder / "labeled.parquet").equals(run_table)
    # A re-apply with the rules turned round moves the weak rows; the filled column follows.
    turned = [{**r, "label": "deck" if r["label"] == "hold" else "hold"} for r in RULES]
    call_tool(
        "reapply_labeling_functions",
        {"labeling_dir": folder, "labeling_functions": turned, "end_model": False},
        ToolContext(),
    )
    table = _labeled(folder)
    weak = table["stow_source"] == "weak"
    assert weak.sum() == 70 - 26
    assert (table.loc[weak, "stow_filled"] == table.loc[weak, "label"]).all()
    assert table.loc[row, "stow_filled"] == flip  # a hand label stays
