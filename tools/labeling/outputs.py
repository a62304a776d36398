"""Writing labeling artifacts: labeled parquet, LF set JSON, LF summary table and its chart.

Each file is written to a temporary name in its folder and renamed over the old one, so a
rerun step never leaves a half-written file behind a fixed path.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from store.workspace import output_folder, relative_to_workspace


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`; on success it replaces `path` in one step (os.replace).

    A step killed or failing mid-write leaves the previous file whole (and no partial file
    under the real name); the temporary file is removed on failure. It keeps `path`'s suffix,
    since some writers (matplotlib) pick the format from it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


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
    label_name: str | None = None,
) -> None:
    """The labeled-data contract: id, label, prob_<class>..., covered, label_source, originals.

    The hand labels' column name (`label_name`, e.g. `income`) and the classes are stored in the
    parquet's metadata (pandas `attrs`, key `forgeflow`), so training and evaluation find a
    test file's label column by that name.
    """
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
    out.attrs["forgeflow"] = {"label_name": label_name, "classes": list(classes)}
    with replacing(path) as tmp:
        out.to_parquet(tmp, index=False)


def labeled_meta(frame: pd.DataFrame) -> dict[str, Any]:
    """What write_labeled stored about a labeled output ({} for any other table)."""
    meta = frame.attrs.get("forgeflow")
    return dict(meta) if isinstance(meta, dict) else {}


def write_json(path: Path, data: Any) -> None:
    """Pretty JSON (UTF-8), written whole or not at all."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    with replacing(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_summary(
    path_csv: Path,
    path_png: Path,
    summary: list[dict[str, Any]],
    *,
    accuracy_label: str = "dev",
) -> None:
    """The LF summary as CSV and a bar chart (coverage and accuracy on the hand labels per LF).

    An LF with no hand-labelled row among its votes has no accuracy: it is drawn as a hatched
    outline and named "no <accuracy_label>-label votes", never as a zero-accuracy bar.
    """
    table = pd.DataFrame(summary)
    if "polarity" in table:
        table["polarity"] = table["polarity"].map(lambda v: "|".join(v))
    with replacing(path_csv) as tmp:
        table.to_csv(tmp, index=False)
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    shown = sorted(summary, key=lambda r: -r["coverage"])[:40]
    height = max(3.0, 0.3 * len(shown) + 1.8)
    fig = Figure(figsize=(9, height))
    ax = fig.subplots()
    names = [r["name"][:48] for r in shown]
    y = np.arange(len(shown))
    ax.barh(y - 0.2, [r["coverage"] for r in shown], height=0.4, color="#4C72B0")
    accuracy = [r.get("dev_accuracy") for r in shown]
    ax.barh(
        y + 0.2,
        [a if a is not None else 0 for a in accuracy],
        height=0.4,
        color="#DD8452",
    )
    for i, value in enumerate(accuracy):
        if value is None:
            ax.barh(i + 0.2, 1.0, height=0.4, fill=False, hatch="//", edgecolor="#999999", lw=0)
            ax.text(0.01, i + 0.2, f"no {accuracy_label}-label votes", va="center", fontsize=6.5)
    ax.set_yticks(y, names, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"share of rows voted on (coverage) / accuracy on {accuracy_label}-labelled rows")
    ax.set_title(
        f"Labeling functions: coverage and {accuracy_label}-label accuracy "
        f"({len(shown)} of {len(summary)}, by coverage)",
        fontsize=10,
    )
    handles = [
        Patch(color="#4C72B0", label="coverage"),
        Patch(color="#DD8452", label=f"accuracy on {accuracy_label} labels"),
        Patch(
            fill=False, hatch="//", edgecolor="#999999", label=f"no {accuracy_label}-label votes"
        ),
    ]
    # Below the axes, outside them: the legend never covers a bar.
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.45 / height, 1, 1))
    with replacing(path_png) as tmp:
        fig.savefig(tmp, dpi=100, format="png")
