"""A labeling run whose hand labels are the table's own, partly filled column also writes that
column filled in (`<column>_filled`, `<column>_source`) beside it; the column itself, training,
the workbench and its export keep working as before."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from agents.reporter import summarise_output
from graphs.workflows import call_tool
from settings import get_settings
from tools.base import ToolContext
from tools.labeling.outputs import filled_marks, labeled_meta, write_labeled
from tools.training.train import prepare_labels

LFS = [
    {"name": "light", "label": "shelf", "kind": "threshold", "column": "weight_kg",
     "op": "<", "value": 8},
    {"name": "heavy", "label": "pallet", "kind": "threshold", "column": "weight_kg",
     "op": ">", "value": 12},
]  # fmt: skip


def run(name: str, **args: object) -> dict:
    return call_tool(name, args, ToolContext())


def _crates(n: int = 80) -> pd.DataFrame:
    rng = np.random.default_rng(11)
    weight = rng.uniform(1, 20, n).round(2)
    bay = np.where(weight > 10, "pallet", "shelf").astype(object)
    bay[int(np.argmin(weight[:30]))] = "pallet"  # the lightest crate: an odd hand label
    bay[30:] = None
    bay[31] = "  "  # blank text counts as unlabelled
    return pd.DataFrame(
        {
            "crate_code": [f"KR-{500 + i}" for i in range(n)],
            "weight_kg": weight,
            "dock": rng.choice(["north", "south"], n),
            "bay": bay,
        }
    )


def _run(frame: pd.DataFrame, folder: str, **extra: object) -> dict:
    data = get_settings().data_dir
    data.mkdir(parents=True, exist_ok=True)
    frame.to_csv(data / f"{folder}.csv", index=False)
    args = {"label_column": "bay", **extra}
    return run(
        "label_dataset",
        dataset=f"{folder}.csv",
        labeling_functions=LFS,
        max_attempts=1,
        end_model=False,
        output_dir=f"labeling/{folder}",
        **args,
    )


def _read(out: dict) -> pd.DataFrame:
    return pd.read_parquet(get_settings().workspace / out["labeled_path"])


def test_the_own_column_is_filled_beside_itself_and_left_as_it_was(home: Path) -> None:
    frame = _crates()
    out = _run(frame, "crates")
    table = _read(out)
    cols = list(table.columns)
    assert cols[cols.index("bay") + 1 : cols.index("bay") + 3] == ["bay_filled", "bay_source"]
    assert out["filled"] == {
        "from": "bay",
        "named": "bay",
        "column": "bay_filled",
        "source": "bay_source",
        "hand": 30,
        "weak": 50,
    }
    assert labeled_meta(table)["filled"]["column"] == "bay_filled"
    # The person's column is untouched: still blank where it was blank.
    assert (
        table["bay"].isna().sum() == 49
        and table["bay"].iloc[:30].tolist() == frame["bay"].iloc[:30].tolist()
    )
    # Their own value wins where given (even against the run's label), the run's elsewhere.
    assert table["bay_filled"].notna().all()
    assert table["bay_filled"].iloc[:30].tolist() == frame["bay"].iloc[:30].tolist()
    odd = int(np.argmin(frame["weight_kg"].iloc[:30]))
    assert table.loc[odd, "bay_filled"] == "pallet"
    assert (table["bay_filled"].iloc[30:] == table["label"].iloc[30:]).all()
    assert table["bay_source"].tolist() == ["hand"] * 30 + ["weak"] * 50
    # The answer names the filled column.
    text = "\n".join(summarise_output("label_dataset", out))
    assert "bay_filled" in text and "30 of your own labels kept" in text


def test_hand_labels_from_a_separate_file_add_no_filled_column(home: Path) -> None:
    frame = _crates().drop(columns=["bay"])
    gold = _crates().iloc[:30][["crate_code", "bay"]]
    data = get_settings().data_dir
    data.mkdir(parents=True, exist_ok=True)
    gold.to_csv(data / "crate_gold.csv", index=False)
    out = _run(frame, "crates_gold", label_column=None, gold="crate_gold.csv")
    assert "filled" not in out
    assert not [
        c for c in _read(out).columns if c.endswith(("_filled", "_source")) and c != "label_source"
    ]


def test_training_on_the_output_never_uses_the_filled_columns(home: Path) -> None:
    out = _run(_crates(), "crates_train")
    table = _read(out)
    soft = prepare_labels(table, label_column=None, soft_labels=True)
    assert not {"bay_filled", "bay_source"} & set(soft.columns.features)
    # Saved as CSV (no metadata), the columns are still known by name.
    csv = get_settings().workspace / "crates_sorted.csv"
    table.to_csv(csv, index=False)
    again = pd.read_csv(csv)
    assert filled_marks(again) == {"bay_filled", "bay_source"}
    soft = prepare_labels(again, label_column=None, soft_labels=True)
    assert not {"bay_filled", "bay_source"} & set(soft.columns.features)
    # Trained on the filled column as the label: its source column is no feature either.
    hard = prepare_labels(again, label_column="bay_filled")
    assert "bay_source" not in hard.columns.features and len(hard.frame) >= 50
    # A table that merely has such names, not from a labeling run, keeps them as features.
    plain = pd.DataFrame({"x": ["a"] * 4, "x_filled": [1, 2, 3, 4], "x_source": ["p", "q"] * 2})
    assert filled_marks(plain) == set()


def test_workbench_ignores_them_and_its_export_brings_them_up_to_date(home: Path) -> None:
    out = _run(_crates(), "crates_wb")
    folder = "labeling/crates_wb"
    state = run("labeling_workbench", labeling_dir=folder)
    assert not {"bay_filled", "bay_source"} & set(state["columns"])
    assert state["hand_labels"]["count"] == 30  # not every filled row
    table = _read(out)
    target = 40  # a row the run labelled: corrected, it becomes a hand label
    flip = "shelf" if table.loc[target, "label"] == "pallet" else "pallet"
    run("correct_labels", labeling_dir=folder, corrections=[{"row": target, "label": flip}])
    export = run("export_labeled_data", labeling_dir=folder, format="csv")
    saved = pd.read_csv(get_settings().workspace / export["path"])
    assert saved.loc[target, "bay_filled"] == flip and saved.loc[target, "bay_source"] == "hand"
    assert saved["bay_filled"].notna().all()
    assert saved["bay"].fillna("").str.strip().ne("").sum() == 30  # their column as it was
    assert (saved["bay_source"] == "hand").sum() == 31


def test_clashing_names_get_a_number_and_a_label_column_named_label(tmp_path: Path) -> None:
    frame = pd.DataFrame({"id": [1, 2, 3], "label": ["x", None, "y"], "label_original_filled": 0})
    probs = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    path = tmp_path / "labeled.parquet"
    names = write_labeled(
        path, frame, "id", ["x", "y"], probs, np.ones(3, bool), np.array(["lf"] * 3), "label",
        fill_from="label",
    )  # fmt: skip
    assert names is not None and names["column"] == "label_original_filled_2"
    table = pd.read_parquet(path)
    # Row 2's own 'y' wins over the run's 'x'; row 1 (blank) gets the run's 'y'.
    assert table["label"].tolist() == ["x", "y", "x"]
    assert table["label_original_filled_2"].tolist() == ["x", "y", "y"]
    assert table["label_original_source"].tolist() == ["hand", "weak", "hand"]
    assert table["label_original_filled"].tolist() == [0, 0, 0]  # the data's own, kept
    # The answer names the person's column by their name for it, not its copy's.
    line = next(x for x in summarise_output("label_dataset", {"filled": names}) if "filled in" in x)
    assert "your label column filled in" in line and "label_original_filled_2" in line
