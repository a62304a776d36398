"""split_table: counts, strata, seeds, formats, overwrite, and hostile input that writes nothing."""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from agents.reporter import summarise_output
from errors import BadInput, Conflict, Forbidden, ForgeflowError, InvalidArguments, NotFound
from graphs.workflows import call_tool
from settings import get_settings
from store import outputs
from tools.registry import all_tools
from tools.split import split_counts

LONE = "\ud800"


def _ws() -> Path:
    ws = get_settings().workspace
    ws.mkdir(parents=True, exist_ok=True)
    return ws


def _exam(rows: int = 100, name: str = "exam_train.csv", minority: int = 0) -> str:
    """`rows` rows numbered by `id`, the last `minority` of them labelled 'b', the rest 'a'."""
    frame = pd.DataFrame(
        {
            "id": range(rows),
            "score": [round(i * 0.37, 2) for i in range(rows)],
            "label": ["a"] * (rows - minority) + ["b"] * minority,
        }
    )
    path = _ws() / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if name.endswith(".parquet"):
        frame.to_parquet(path, index=False)
    else:
        frame.to_csv(path, index=False)
    return name


def _read(rel: str) -> pd.DataFrame:
    path = _ws() / rel
    return pd.read_parquet(path) if rel.endswith(".parquet") else pd.read_csv(path)


def _snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder under `root` but the database: a refused call must
    leave them unchanged.
    """
    return {
        str(p.relative_to(root)): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
        for p in sorted(root.rglob("*"))
        if not p.name.startswith("forgeflow.db")
    }


@pytest.fixture
def untouched(tmp_path: Path) -> Iterator[None]:
    """Fails the test when anything under the test's folder (home, workspace, outside) changed."""
    from tools.tabular import load_table

    load_table(_exam())  # the home's folders and database, as any first read makes them
    before = _snapshot(tmp_path)
    yield
    assert _snapshot(tmp_path) == before


# -- behaviour --------------------------------------------------------------------------------


@pytest.mark.parametrize(("rows", "expected"), [(100, (80, 20)), (101, (81, 20)), (7, (6, 1))])
def test_80_20_is_exact_to_rounding_beside_the_source(rows: int, expected: tuple) -> None:
    src = _exam(rows)
    out = call_tool("split_table", {"dataset": src})
    assert out["paths"] == {
        "train": "exam_train_train.csv",
        "validation": "exam_train_validation.csv",
    }
    assert tuple(out["rows"].values()) == expected
    assert [len(_read(p)) for p in out["paths"].values()] == list(expected)
    assert out["columns"] == ["id", "score", "label"]
    assert out["stratified_by"] is None and out["seed"] == 0
    for rel in out["paths"].values():
        assert outputs.made_by(rel)["tool"] == "split_table"


def test_split_counts_share_the_leftover_rows_by_largest_remainder() -> None:
    assert split_counts(10, [0.8, 0.2]) == [8, 2]
    assert split_counts(101, [0.7, 0.15, 0.15]) == [71, 15, 15]
    assert split_counts(2, [0.5, 0.25, 0.25]) == [1, 1, 0]
    for n in range(0, 60):
        assert sum(split_counts(n, [0.29, 0.71])) == n


def test_three_way_and_percentages_give_the_same_split() -> None:
    src = _exam(200)
    out = call_tool("split_table", {"dataset": src, "fractions": [0.7, 0.15, 0.15]})
    assert out["rows"] == {"train": 140, "validation": 30, "test": 30}
    assert out["paths"]["test"] == "exam_train_test.csv"
    first = {n: (_ws() / p).read_bytes() for n, p in out["paths"].items()}
    again = call_tool("split_table", {"dataset": src, "fractions": [70, 15, 15]})
    assert again["fractions"] == {"train": 0.7, "validation": 0.15, "test": 0.15}
    assert {n: (_ws() / p).read_bytes() for n, p in again["paths"].items()} == first


def test_every_row_lands_in_exactly_one_split_in_the_tables_order() -> None:
    src = _exam(257, minority=40)
    for args in ({}, {"stratify_column": "label", "fractions": [0.6, 0.25, 0.15]}):
        out = call_tool("split_table", {"dataset": src, **args})
        ids = [_read(p)["id"].tolist() for p in out["paths"].values()]
        assert all(part == sorted(part) for part in ids)
        every = [i for part in ids for i in part]
        assert len(every) == 257 and sorted(every) == list(range(257))
        assert sum(out["rows"].values()) == 257


def test_stratified_splits_keep_the_class_shares() -> None:
    src = _exam(100, minority=10)
    out = call_tool("split_table", {"dataset": src, "stratify_column": "label"})
    assert out["stratified_by"] == "label"
    counts = {n: _read(p)["label"].value_counts().to_dict() for n, p in out["paths"].items()}
    assert counts == {"train": {"a": 72, "b": 8}, "validation": {"a": 18, "b": 2}}
    iris = call_tool(
        "split_table",
        {"dataset": "iris", "stratify_column": "target", "fractions": [0.6, 0.2, 0.2]},
    )
    assert iris["paths"]["train"] == "exports/iris_train.csv"
    for name, rel in iris["paths"].items():
        shares = _read(rel)["target"].value_counts().to_dict()
        assert set(shares.values()) == {30 if name == "train" else 10}, (name, shares)


def test_missing_values_are_a_class_of_their_own() -> None:
    frame = pd.DataFrame({"id": range(50), "label": ["x"] * 40 + [None] * 10})
    frame.to_csv(_ws() / "gaps.csv", index=False)
    out = call_tool("split_table", {"dataset": "gaps.csv", "stratify_column": "label"})
    assert out["stratified_by"] == "label"
    assert _read(out["paths"]["validation"])["label"].isna().sum() == 2


def test_a_column_of_lists_is_no_classes_to_stratify_by(untouched) -> None:
    (_ws() / "tags.jsonl").write_text(
        "".join(f'{{"id": {i}, "tags": ["a", "b{i % 2}"]}}\n' for i in range(10))
    )
    with pytest.raises(BadInput) as exc:
        call_tool("split_table", {"dataset": "tags.jsonl", "stratify_column": "tags"})
    assert exc.value.code == "not_classes"
    (_ws() / "tags.jsonl").unlink()


def test_a_class_whose_share_rounds_to_nothing_is_named() -> None:
    src = _exam(40, minority=3)
    out = call_tool(
        "split_table",
        {"dataset": src, "stratify_column": "label", "fractions": [0.8, 0.1, 0.1]},
    )
    assert out["stratified_by"] == "label"
    held = {n: _read(p)["label"].tolist().count("b") for n, p in out["paths"].items()}
    assert sum(held.values()) == 3
    lacking = [n for n, count in held.items() if count == 0]
    assert lacking and all(
        any(f"the {n} split has no row of 'label' = 'b'" in w for w in out["warnings"])
        for n in lacking
    )


def test_a_class_too_small_falls_back_to_a_random_split_with_a_note() -> None:
    src = _exam(60, minority=2)
    out = call_tool(
        "split_table",
        {"dataset": src, "stratify_column": "label", "fractions": [0.7, 0.15, 0.15]},
    )
    assert out["stratified_by"] is None
    assert any("not stratified" in w and "'b' (2 rows)" in w for w in out["warnings"])
    assert sum(out["rows"].values()) == 60


def test_stratify_column_not_found_is_a_400_with_candidates() -> None:
    src = _exam()
    with pytest.raises(BadInput) as exc:
        call_tool("split_table", {"dataset": src, "stratify_column": "labl"})
    assert exc.value.status_code == 400
    assert exc.value.details["argument"] == "stratify_column"
    assert exc.value.details["candidates"] == ["label"]
    assert not (_ws() / "exam_train_train.csv").exists()


def test_the_same_seed_splits_the_same_way_and_another_seed_differently() -> None:
    src = _exam(200)
    one = call_tool("split_table", {"dataset": src, "seed": 7})
    first = (_ws() / one["paths"]["validation"]).read_bytes()
    call_tool("split_table", {"dataset": src, "seed": 7})  # its own files: replaced, no 409
    assert (_ws() / one["paths"]["validation"]).read_bytes() == first
    other = call_tool("split_table", {"dataset": src, "seed": 8, "paths": ["t.csv", "v.csv"]})
    assert (_ws() / other["paths"]["validation"]).read_bytes() != first
    big = call_tool("split_table", {"dataset": src, "seed": 2**63 - 1, "paths": ["a.csv", "b.csv"]})
    assert big["seed"] == 2**63 - 1 and sum(big["rows"].values()) == 200


def test_a_parquet_source_splits_to_parquet_and_a_format_or_paths_choose_others() -> None:
    src = _exam(40, name="data/exam.parquet")
    out = call_tool("split_table", {"dataset": src})
    assert out["paths"] == {
        "train": "data/exam_train.parquet",
        "validation": "data/exam_validation.parquet",
    }
    assert out["formats"] == {"train": "parquet", "validation": "parquet"}
    assert _read(out["paths"]["train"])["score"].dtype == float
    jsonl = call_tool("split_table", {"dataset": src, "format": "jsonl"})
    assert jsonl["paths"]["train"] == "data/exam_train.jsonl"
    assert len(pd.read_json(_ws() / "data/exam_train.jsonl", lines=True)) == 32
    mixed = call_tool(
        "split_table",
        {
            "dataset": "exam.parquet",
            "paths": ["out/tr.csv", "out/va.parquet"],
            "names": ["fit", "check"],
        },
    )
    assert mixed["paths"] == {"fit": "out/tr.csv", "check": "out/va.parquet"}
    assert mixed["formats"] == {"fit": "csv", "check": "parquet"}
    with pytest.raises(BadInput) as exc:
        call_tool("split_table", {"dataset": src, "paths": ["x.csv", "y.csv"], "format": "jsonl"})
    assert exc.value.code == "format_mismatch"
    assert not (_ws() / "x.csv").exists()


def test_an_empty_or_tiny_split_is_warned_about() -> None:
    src = _exam(3)
    out = call_tool("split_table", {"dataset": src, "fractions": [0.8, 0.1, 0.1]})
    assert out["rows"] == {"train": 3, "validation": 0, "test": 0}
    assert any("validation split is empty" in w for w in out["warnings"])
    assert len(_read(out["paths"]["test"])) == 0
    assert list(_read(out["paths"]["test"]).columns) == ["id", "score", "label"]
    few = call_tool("split_table", {"dataset": _exam(20)})
    assert few["warnings"] == ["the validation split has only 4 row(s)"]


def test_an_empty_table_is_refused() -> None:
    (_ws() / "none.csv").write_text("id,label\n")
    with pytest.raises(BadInput) as exc:
        call_tool("split_table", {"dataset": "none.csv"})
    assert exc.value.code == "empty_table"


def test_the_answer_names_each_split_and_its_file() -> None:
    out = call_tool("split_table", {"dataset": _exam(100, minority=10), "stratify_column": "label"})
    lines = summarise_output("split_table", out)
    assert lines[0] == "  split exam_train.csv (100 rows) 80/20 stratified by 'label', seed 0:"
    assert "  validation: 20 rows → exam_train_validation.csv" in lines
    tiny = call_tool("split_table", {"dataset": _exam(12), "paths": ["a.csv", "b.csv"]})
    assert "  warning: the validation split has only 2 row(s)" in summarise_output(
        "split_table", tiny
    )


def test_it_is_one_registered_tool_on_every_surface(home: Path) -> None:
    from graphs.runner import get_manager, reset_managers
    from server import app

    assert "split_table" in {t.name for t in all_tools()}
    src = _exam()
    try:
        client = TestClient(app, raise_server_exceptions=False)
        listed = {t["name"]: t for t in client.get("/tools").json()["tools"]}
        assert listed["split_table"]["input_schema"]["required"] == ["dataset"]
        ok = client.post("/tools/split_table", json={"dataset": src, "seed": 3})
        assert ok.status_code == 200, ok.text
        assert ok.json()["output"]["rows"] == {"train": 80, "validation": 20}
        out = client.post(
            "/tools/split_table", json={"dataset": src, "paths": ["../x.csv", "y.csv"]}
        )
        assert out.status_code == 403
        assert out.json()["error"]["code"] == "path_outside_workspace"
        bad = client.post("/tools/split_table", json={"dataset": src, "fractions": [0.5, 0.6]})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "fractions_sum"
    finally:
        get_manager().shutdown()
        reset_managers()


# -- files it must not replace ------------------------------------------------------------------


def test_a_file_it_did_not_write_is_refused_without_overwrite_and_nothing_is_written() -> None:
    src = _exam()
    (_ws() / "exam_train_validation.csv").write_text("mine\n1\n")
    with pytest.raises(Conflict) as exc:
        call_tool("split_table", {"dataset": src})
    assert exc.value.status_code == 409 and exc.value.code == "file_exists"
    assert exc.value.details["reason"] == "consent"
    # The files are named as the replace question reads them (errors.consent_details).
    assert exc.value.details["argument"] == "paths"
    assert exc.value.details["value"] == ["exam_train_train.csv", "exam_train_validation.csv"]
    assert exc.value.details["existing"] == ["exam_train_validation.csv"]
    assert exc.value.details["suggested"] == ["exam_train_train.csv", "exam_train_validation_2.csv"]
    assert not (_ws() / "exam_train_train.csv").exists()  # not the other split either
    assert (_ws() / "exam_train_validation.csv").read_text() == "mine\n1\n"
    out = call_tool("split_table", {"dataset": src, "overwrite": True})
    assert out["rows"]["validation"] == 20 and len(_read("exam_train_validation.csv")) == 20


def test_an_output_path_equal_to_the_source_is_refused_even_with_overwrite() -> None:
    src = _exam()
    before = (_ws() / src).read_bytes()
    os.symlink(_ws() / src, _ws() / "alias.csv")
    for paths in ([src, "v.csv"], ["t.csv", "./exam_train.csv"], ["t.csv", "alias.csv"]):
        with pytest.raises(BadInput) as exc:
            call_tool("split_table", {"dataset": src, "paths": paths, "overwrite": True})
        assert exc.value.code == "output_is_source", paths
    assert (_ws() / src).read_bytes() == before
    assert not (_ws() / "t.csv").exists() and not (_ws() / "v.csv").exists()


def test_a_failed_write_leaves_no_split_and_no_temporary_file(monkeypatch) -> None:
    import tools.split as split

    src = _exam()
    calls: list[Path] = []

    def fail_second(frame: pd.DataFrame, path: Path, fmt: str) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError("disk full")
        frame.to_csv(path, index=False)

    monkeypatch.setattr(split, "write_frame", fail_second)
    with pytest.raises(OSError):
        call_tool("split_table", {"dataset": src})
    assert sorted(p.name for p in _ws().iterdir() if not p.name.startswith(".forgeflow")) == [src]


# -- hostile input: a clear 4xx, nothing written ------------------------------------------------

HOSTILE_PATHS = [
    ("../escape.csv", Forbidden),
    ("/etc/forgeflow.csv", Forbidden),
    ("~/x.csv", Forbidden),
    ("~root/x.csv", Forbidden),
    ("a/../../x.csv", Forbidden),
    ("nul\x00.csv", BadInput),
    (f"{LONE}.csv", InvalidArguments),
    ("x" * 300 + ".csv", BadInput),
    ("out/", BadInput),
    ("exam_train.csv/x.csv", BadInput),
    (".forgeflow/outputs.jsonl", Forbidden),
]


@pytest.mark.parametrize(("path", "error"), HOSTILE_PATHS)
@pytest.mark.parametrize("slot", [0, 1])
def test_hostile_output_paths_are_refused(untouched, path: str, error: type, slot: int) -> None:
    paths = ["ok_a.csv", "ok_b.csv"]
    paths[slot] = path
    with pytest.raises(error) as exc:
        call_tool("split_table", {"dataset": "exam_train.csv", "paths": paths})
    assert 400 <= exc.value.status_code < 500


def test_a_symlink_leading_out_is_refused_as_output_and_as_source(tmp_path: Path) -> None:
    _exam()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.csv").write_text("id,label\n1,a\n2,b\n3,a\n")
    os.symlink(outside, _ws() / "link")
    os.symlink(outside / "secret.csv", _ws() / "secret.csv")
    with pytest.raises(Forbidden):
        call_tool("split_table", {"dataset": "exam_train.csv", "paths": ["link/t.csv", "v.csv"]})
    assert sorted(p.name for p in outside.iterdir()) == ["secret.csv"]
    assert not (_ws() / "v.csv").exists()
    for ref in ("secret.csv", "link/secret.csv"):
        with pytest.raises(Forbidden):
            call_tool("split_table", {"dataset": ref, "paths": ["t.csv", "v.csv"]})
    assert not (_ws() / "t.csv").exists()
    assert sorted(p.name for p in outside.iterdir()) == ["secret.csv"]


@pytest.mark.parametrize(
    "dataset",
    [
        "../exam_train.csv",
        "/etc/passwd",
        "~/exam_train.csv",
        "~root",
        "a\x00.csv",
        LONE,
        "x" * 2000,
    ],
)
def test_hostile_datasets_are_refused(untouched, dataset: str) -> None:
    with pytest.raises(ForgeflowError) as exc:
        call_tool("split_table", {"dataset": dataset})
    assert 400 <= exc.value.status_code < 500


@pytest.mark.parametrize(
    ("fractions", "error"),
    [
        ([0.8, 0.3], BadInput),  # sums to 1.1
        ([0.5, 0.4], BadInput),  # sums to 0.9
        ([80, 30], BadInput),  # percentages summing to 110
        ([1.2, -0.2], InvalidArguments),
        ([0, 1], InvalidArguments),
        ([math.nan, 0.5], InvalidArguments),
        ([math.inf, 0.5], InvalidArguments),
        ([-math.inf, 1.0], InvalidArguments),
        ([1e308, 1e308], InvalidArguments),
        ([1.0], InvalidArguments),
        ([], InvalidArguments),
        ([0.4, 0.3, 0.2, 0.1], InvalidArguments),  # too many splits
        (["a", "b"], InvalidArguments),
        ("0.8,0.2", InvalidArguments),
    ],
)
def test_bad_fractions_are_refused(untouched, fractions: object, error: type) -> None:
    with pytest.raises(error) as exc:
        call_tool("split_table", {"dataset": "exam_train.csv", "fractions": fractions})
    assert 400 <= exc.value.status_code < 500
    if error is BadInput:
        assert exc.value.code == "fractions_sum" and exc.value.details["argument"] == "fractions"


@pytest.mark.parametrize("seed", [2**63, -1, -(2**63) - 1, 1.5, "x", 10**40])
def test_bad_seeds_are_refused(untouched, seed: object) -> None:
    with pytest.raises(InvalidArguments):
        call_tool("split_table", {"dataset": "exam_train.csv", "seed": seed})


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ({"names": ["train", "val", "test"]}, "names_count"),
        ({"names": ["train", "Train"]}, "duplicate_names"),
        ({"paths": ["a.csv", "b.csv", "c.csv"]}, "paths_count"),
        ({"paths": ["a.csv", "a.csv"]}, "duplicate_paths"),
        ({"paths": ["a.csv", "./sub/../a.csv"]}, "duplicate_paths"),
        ({"names": ["a", "b"], "paths": ["z.csv", "z.csv"]}, "duplicate_paths"),
    ],
)
def test_mismatched_or_repeated_names_and_paths_are_a_400(untouched, args: dict, code: str) -> None:
    with pytest.raises(BadInput) as exc:
        call_tool("split_table", {"dataset": "exam_train.csv", **args})
    assert exc.value.status_code == 400 and exc.value.code == code


@pytest.mark.parametrize(
    "names",
    [
        ["../x", "v"],
        ["a/b", "v"],
        [f"t{LONE}", "v"],
        ["", "v"],
        [".hidden", "v"],
        ["t\x00", "v"],
        ["t", "v", "w", "z"],
        ["~t", "v"],
        ["t" * 65, "v"],
    ],
)
def test_hostile_split_names_are_refused(untouched, names: list) -> None:
    with pytest.raises(InvalidArguments):
        call_tool("split_table", {"dataset": "exam_train.csv", "names": names})


@pytest.mark.parametrize(
    ("column", "error"),
    [
        (LONE, InvalidArguments),
        ("lab\x00el", BadInput),
        ("", InvalidArguments),
        ("../label", BadInput),
    ],
)
def test_hostile_stratify_columns_are_refused(untouched, column: str, error: type) -> None:
    with pytest.raises(error):
        call_tool("split_table", {"dataset": "exam_train.csv", "stratify_column": column})


def test_unknown_arguments_and_a_missing_dataset_are_refused(untouched) -> None:
    with pytest.raises(InvalidArguments):
        call_tool("split_table", {"dataset": "exam_train.csv", "path": "x.csv"})
    with pytest.raises(NotFound) as exc:
        call_tool("split_table", {"dataset": "exam_trian.csv"})
    assert exc.value.details["candidates"][0] == "exam_train.csv"


def test_the_manifest_is_not_replaced_even_with_overwrite() -> None:
    src = _exam()
    outputs.record(["earlier.csv"], tool="save_table")
    before = outputs.manifest_path().read_bytes()
    with pytest.raises(Forbidden) as exc:
        call_tool(
            "split_table",
            {"dataset": src, "paths": [".forgeflow/outputs.jsonl", "v.jsonl"], "overwrite": True},
        )
    assert exc.value.code == "reserved_path"
    assert outputs.manifest_path().read_bytes() == before


def test_the_temporary_file_is_never_a_link_already_there(tmp_path: Path, monkeypatch) -> None:
    import secrets

    src = _exam()
    outside = tmp_path / "outside.csv"
    outside.write_text("keep\n")
    tokens = iter(["aaaa", "bbbb", "cccc"])
    monkeypatch.setattr(secrets, "token_hex", lambda n: next(tokens))
    pid = os.getpid()
    os.symlink(outside, _ws() / f".exam_train_train.csv.{pid}.aaaa.tmp")
    out = call_tool("split_table", {"dataset": src})
    assert outside.read_text() == "keep\n"
    assert len(_read(out["paths"]["train"])) == 80
    assert (_ws() / f".exam_train_train.csv.{pid}.aaaa.tmp").is_symlink()  # left as it was
