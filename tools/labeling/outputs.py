"""Writing labeling artifacts: labeled parquet, LF set JSON, LF summary table and its chart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from store.workspace import output_folder, relative_to_workspace


def file_stem(dataset: str) -> str:
    """A short folder-name stem for a dataset reference (its file name without suffixes)."""
    name = dataset.rstrip("/").rsplit("/", 1)[-1]
    for suffix in (".gz", ".csv", ".tsv", ".parquet", ".jsonl", ".json"):
        name = name.removesuffix(suffix)
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:60] or "data"


def output_dir(requested: str | None, default_name: str) -> Path:
    """A folder inside the workspace for this run's artifacts (created)."""
    return output_folder(requested or f"labeling/{default_name}")


def artifact(name: str, path: Path, kind: str) -> dict[str, str]:
    """One entry of an output's "artifacts" list."""
    return {"name": name, "path": relative_to_workspace(path), "kind": kind}


def write_labeled(
    path: Path,
    frame: pd.DataFrame,
    id_column: str,
    classes: list[str],
    probs: np.ndarray,
    covered: np.ndarray,
    source: np.ndarray,
) -> None:
    """The labeled-data contract: id, label, prob_<class>..., covered, label_source, originals."""
    out = pd.DataFrame({"id": frame[id_column].to_numpy()})
    out["label"] = np.asarray(classes, dtype=object)[probs.argmax(axis=1)]
    for i, c in enumerate(classes):
        out[f"prob_{c}"] = probs[:, i].astype(float)
    out["covered"] = covered.astype(bool)
    out["label_source"] = source.astype(str)
    for col in frame.columns:
        if col == id_column and id_column == "id":
            continue
        name = col if col not in out.columns else f"{col}_original"
        out[name] = frame[col].to_numpy()
    out.to_parquet(path, index=False)


def write_json(path: Path, data: Any) -> None:
    """Pretty JSON (UTF-8)."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str), encoding="utf-8")


def write_summary(path_csv: Path, path_png: Path, summary: list[dict[str, Any]]) -> None:
    """The LF summary as CSV and a bar chart (coverage and dev accuracy per LF)."""
    table = pd.DataFrame(summary)
    if "polarity" in table:
        table["polarity"] = table["polarity"].map(lambda v: "|".join(v))
    table.to_csv(path_csv, index=False)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shown = sorted(summary, key=lambda r: -r["coverage"])[:40]
    height = max(2.5, 0.28 * len(shown) + 1.2)
    fig, ax = plt.subplots(figsize=(9, height))
    names = [r["name"][:48] for r in shown]
    y = np.arange(len(shown))
    ax.barh(y - 0.2, [r["coverage"] for r in shown], height=0.4, label="coverage")
    ax.barh(
        y + 0.2,
        [r["dev_accuracy"] if r["dev_accuracy"] is not None else 0 for r in shown],
        height=0.4,
        label="dev accuracy",
    )
    ax.set_yticks(y, names, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_title(f"labeling functions ({len(summary)}; top {len(shown)} by coverage)")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path_png, dpi=100)
    plt.close(fig)
