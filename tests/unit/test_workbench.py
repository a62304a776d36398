"""The labeling workbench tools: open, rows an LF votes on, re-apply, corrections, export, and
hostile arguments (nothing changes on a refused request)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from errors import BadInput, Forbidden, InvalidArguments, NotFound
from graphs.workflows import call_tool
from settings import get_settings
from tools.base import ToolContext
from tools.tabular import write_sample_task

LFS = [
    {
        "name": "small_radius",
        "label": "benign",
        "kind": "threshold",
        "column": "mean radius",
        "op": "<=",
        "value": 13.0,
    },
    {
        "name": "big_radius",
        "label": "malignant",
        "kind": "threshold",
        "column": "mean radius",
        "op": ">",
        "value": 16.0,
    },
    {
        "name": "big_area",
        "label": "malignant",
        "kind": "threshold",
        "column": "worst area",
        "op": ">",
        "value": 1000,
    },
    {
        "name": "smooth",
        "label": "benign",
        "kind": "threshold",
        "column": "worst concave points",
        "op": "<",
        "value": 0.1,
    },
]


def run(name: str, **args) -> dict:
    return call_tool(name, args, ToolContext())


@pytest.fixture
def labeled(home: Path) -> dict:
    """A small labeling run's output folder (given LFs, one attempt, no end model: fast)."""
    data = get_settings().data_dir
    write_sample_task(data, hand_labels=40)
    pool = pd.read_csv(data / "bc_pool.csv")
    assert "id" in pool.columns
    unlabeled = pool.loc[pool["label"].isna(), "id"][:5].tolist()
    lfs = [
        *LFS,
        {
            "name": "only_unlabeled_rows",
            "label": "benign",
            "kind": "category",
            "column": "id",
            "values": unlabeled,
        },
    ]
    out = run(
        "label_dataset",
        dataset="bc_pool.csv",
        label_column="label",
        labeling_functions=lfs,
        max_attempts=1,
        end_model=False,
        output_dir="labeling/bc",
    )
    return {"dir": "labeling/bc", "out": out, "pool": pool}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_open_shows_the_lf_table_with_hand_label_accuracy(labeled: dict) -> None:
    state = run("labeling_workbench", labeling_dir=labeled["dir"])
    assert state["version"] == 0 and state["rows"] == 398
    assert state["hand_labels"]["count"] == 40 and state["hand_labels"]["corrections"] == 0
    rows = {r["name"]: r for r in state["lf_summary"]}
    assert set(rows) == {f["name"] for f in state["labeling_functions"]}
    # An LF that votes only on rows without a hand label has no accuracy, not a zero.
    silent = rows["only_unlabeled_rows"]
    assert silent["hand_votes"] == 0 and silent["hand_accuracy"] is None
    assert rows["small_radius"]["hand_votes"] > 0
    assert 0 < rows["small_radius"]["hand_accuracy"] <= 1
    assert state["label_model"]["on_hand_labels"]["n"] == 40
    assert sum(state["label_distribution"].values()) == 398
    # Opening again reads the same workbench (no second copy, no new version).
    assert run("labeling_workbench", labeling_dir=labeled["dir"])["versions"] == state["versions"]


def test_rows_an_lf_votes_on_with_its_vote(labeled: dict) -> None:
    run("labeling_workbench", labeling_dir=labeled["dir"])
    out = run("workbench_rows", labeling_dir=labeled["dir"], lf="big_area", limit=200)
    pool = labeled["pool"]
    expected = set(pool.loc[pool["worst area"] > 1000, "id"])
    assert out["total"] == len(expected) and {r["id"] for r in out["rows"]} == expected
    assert {r["vote"] for r in out["rows"]} == {"malignant"}
    page = run("workbench_rows", labeling_dir=labeled["dir"], offset=390, limit=25)
    assert page["total"] == 398 and len(page["rows"]) == 8
    with pytest.raises(NotFound):
        run("workbench_rows", labeling_dir=labeled["dir"], lf="no_such_lf")


def test_the_workbench_tools_open_it_on_first_use_from_any_path_of_the_run(
    labeled: dict,
) -> None:
    # No labeling_workbench call first, and the run named by its labeled.parquet path.
    rows = run("workbench_rows", labeling_dir=f"{labeled['dir']}/labeled.parquet", limit=5)
    assert rows["total"] == 398 and len(rows["rows"]) == 5
    # The workbench's own labeled_path (what a thread remembers) names the same run.
    state = run("labeling_workbench", labeling_dir=labeled["dir"])
    again = run("workbench_rows", labeling_dir=state["labeled_path"], limit=5)
    assert again["total"] == 398
    exported = run("export_labeled_data", labeling_dir=labeled["dir"], format="csv")
    assert exported["rows"] == 398


def test_reapply_an_edited_set_makes_a_version_and_leaves_the_run_alone(labeled: dict) -> None:
    folder = get_settings().workspace / labeled["dir"]
    original = digest(folder / "labeled.parquet")
    state = run("labeling_workbench", labeling_dir=labeled["dir"])
    lfs = [f for f in state["labeling_functions"] if f["name"] != "smooth"]
    lfs[0] = {**lfs[0], "value": 11.0}
    lfs.append(
        {
            "name": "huge_area",
            "label": "malignant",
            "kind": "threshold",
            "column": "worst area",
            "op": ">",
            "value": 1500,
        }
    )
    before = pd.read_parquet(folder / "workbench" / "labeled.parquet")
    out = run("reapply_labeling_functions", labeling_dir=labeled["dir"], labeling_functions=lfs)
    after = pd.read_parquet(folder / "workbench" / "labeled.parquet")
    assert out["version"] == 1 and len(out["versions"]) == 2
    assert out["change"]["lf_changes"] == {
        "added": ["huge_area"],
        "removed": ["smooth"],
        "edited": ["small_radius"],
    }
    changed = int((before["label"] != after["label"]).sum())
    assert out["change"]["rows_changed"] == changed
    cov = {r["name"]: r["coverage"] for r in out["lf_summary"]}
    assert cov["small_radius"] == pytest.approx(
        (labeled["pool"]["mean radius"] <= 11.0).mean(), abs=1e-6
    )
    # Hand-labelled rows carry their hand label; the run's own files are untouched.
    hand = labeled["pool"].dropna(subset=["label"])
    merged = after.set_index("id").loc[hand["id"]]
    assert (merged["label_source"] == "hand").all()
    assert list(merged["label"]) == list(hand["label"])
    assert digest(folder / "labeled.parquet") == original


def test_corrections_become_hand_labels_and_survive_a_reapply(labeled: dict) -> None:
    state = run("labeling_workbench", labeling_dir=labeled["dir"])
    pool = labeled["pool"]
    targets = pool.loc[pool["label"].isna(), "id"][:2].tolist()
    rows = {
        r["id"]: r for r in run("workbench_rows", labeling_dir=labeled["dir"], limit=200)["rows"]
    }
    flips = [
        {"id": t, "label": "malignant" if rows[t]["label"] == "benign" else "benign"}
        for t in targets
    ]
    out = run("correct_labels", labeling_dir=labeled["dir"], corrections=flips)
    assert out["hand_labels"]["count"] == 42 and out["hand_labels"]["corrections"] == 2
    assert [c["after"] for c in out["corrected"]] == [f["label"] for f in flips]
    # The LF analysis now counts them: the LFs voting on those rows have more hand votes.
    votes = lambda s: {r["name"]: r["hand_votes"] for r in s["lf_summary"]}  # noqa: E731
    assert sum(votes(out).values()) > sum(votes(state).values())
    again = run(
        "reapply_labeling_functions",
        labeling_dir=labeled["dir"],
        labeling_functions=out["labeling_functions"],
    )
    page = {
        r["id"]: r
        for r in run("workbench_rows", labeling_dir=labeled["dir"], source="hand", limit=200)[
            "rows"
        ]
    }
    for f in flips:
        assert page[f["id"]]["label"] == f["label"] and page[f["id"]]["hand_source"] == "correction"
    assert again["hand_labels"]["count"] == 42


def test_export_csv_and_parquet_mark_hand_labels(labeled: dict) -> None:
    run("labeling_workbench", labeling_dir=labeled["dir"])
    pool = labeled["pool"]
    target = int(pool.loc[pool["label"].isna(), "id"].iloc[0])
    run(
        "correct_labels",
        labeling_dir=labeled["dir"],
        corrections=[{"id": str(target), "label": "malignant"}],
    )
    csv_out = run("export_labeled_data", labeling_dir=labeled["dir"], format="csv")
    table = pd.read_csv(get_settings().workspace / csv_out["path"])
    assert list(table.columns[:6]) == [
        "id",
        "label",
        "prob_benign",
        "prob_malignant",
        "covered",
        "label_source",
    ]
    assert table.columns[6] == "hand_label" and "mean radius" in table.columns
    row = table.set_index("id").loc[target]
    assert row["label"] == "malignant" and row["hand_label"] == "malignant"
    assert csv_out["hand_labels"] == 41 and table["hand_label"].notna().sum() == 41
    pq = run(
        "export_labeled_data",
        labeling_dir=labeled["dir"],
        format="parquet",
        output_path="exports/mine.parquet",
    )
    assert pq["path"] == "exports/mine.parquet"
    assert len(pd.read_parquet(get_settings().workspace / "exports/mine.parquet")) == 398


def _snapshot(labeled: dict) -> dict:
    wb = get_settings().workspace / labeled["dir"] / "workbench"
    return {p.name: digest(p) for p in sorted(wb.glob("*")) if p.is_file()}


def test_bad_corrections_and_bad_lfs_change_nothing(labeled: dict) -> None:
    run("labeling_workbench", labeling_dir=labeled["dir"])
    first = int(labeled["pool"]["id"].iloc[0])
    before = _snapshot(labeled)
    with pytest.raises(NotFound):
        run(
            "correct_labels",
            labeling_dir=labeled["dir"],
            corrections=[{"id": first, "label": "benign"}, {"id": 999999, "label": "benign"}],
        )
    with pytest.raises(BadInput):
        run(
            "correct_labels",
            labeling_dir=labeled["dir"],
            corrections=[{"id": first, "label": "cancerous"}],
        )
    with pytest.raises(InvalidArguments):
        run("correct_labels", labeling_dir=labeled["dir"], corrections=[])
    with pytest.raises(BadInput):
        run(
            "reapply_labeling_functions",
            labeling_dir=labeled["dir"],
            labeling_functions=[
                {
                    "name": "x",
                    "label": "benign",
                    "kind": "threshold",
                    "column": "mean radius",
                    "op": "~",
                    "value": 1,
                }
            ],
        )
    with pytest.raises(BadInput):
        run(
            "reapply_labeling_functions",
            labeling_dir=labeled["dir"],
            labeling_functions=[
                {"name": "x", "label": "other", "kind": "missing", "column": "mean radius"}
            ],
        )
    with pytest.raises(BadInput):
        run(
            "reapply_labeling_functions",
            labeling_dir=labeled["dir"],
            labeling_functions=[
                {"name": "x", "label": "benign", "kind": "missing", "column": "no_such_column"}
            ],
        )
    with pytest.raises(InvalidArguments):
        run("workbench_rows", labeling_dir=labeled["dir"], offset=2**63)
    assert _snapshot(labeled) == before


def test_hostile_paths_are_refused(labeled: dict, tmp_path: Path) -> None:
    ws = get_settings().workspace
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "labeled.parquet").write_bytes(
        (ws / labeled["dir"] / "labeled.parquet").read_bytes()
    )
    os.symlink(outside, ws / "link_out")
    for bad in ("../outside", str(outside), "link_out", "~root", "labeling/../../outside"):
        with pytest.raises(Forbidden):
            run("labeling_workbench", labeling_dir=bad)
    for bad in ("labeling/bc\x00x", "labeling/\udcff"):
        with pytest.raises((BadInput, InvalidArguments)):
            run("labeling_workbench", labeling_dir=bad)
    with pytest.raises(NotFound):
        run("labeling_workbench", labeling_dir="labeling")  # a folder, not a labeling output
    with pytest.raises(Forbidden):
        run("workbench_rows", labeling_dir="link_out")  # first use opens it: still inside only
    run("labeling_workbench", labeling_dir=labeled["dir"])
    for bad in ("../x.csv", str(outside / "x.csv"), "link_out/x.csv"):
        with pytest.raises(Forbidden):
            run("export_labeled_data", labeling_dir=labeled["dir"], output_path=bad)
    assert not (outside / "x.csv").exists()
    assert json.loads((ws / labeled["dir"] / "workbench" / "state.json").read_text())[
        "classes"
    ] == ["benign", "malignant"]


def test_preview_rows_pages_and_refuses_hostile_input(home: Path) -> None:
    write_sample_task(get_settings().data_dir)
    out = run("preview_rows", dataset="bc_pool.csv", offset=395, limit=10)
    assert (
        out["total"] == 398
        and len(out["rows"]) == 3
        and out["columns"][:2] == ["id", "mean radius"]
    )
    assert any(v is None for row in run("preview_rows", dataset="bc_pool.csv")["rows"] for v in row)
    for bad in ("../../etc/passwd", "/etc/passwd"):
        with pytest.raises((Forbidden, NotFound)):
            run("preview_rows", dataset=bad)
    with pytest.raises(InvalidArguments):
        run("preview_rows", dataset="bc_pool.csv", offset=2**63)
    with pytest.raises(InvalidArguments):
        run("preview_rows", dataset="bc_pool.csv", limit=10_000)
