"""export_dataset's output_path (one named file, per split beside it), fields and overwrite."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command

from agents.plan import Plan, PlanStep
from errors import BadInput, Conflict, Forbidden, InvalidArguments
from graphs import orchestrator
from graphs.orchestrator import CONSENT_TOOLS, build_graph, consent_asked
from graphs.state import RunContext
from graphs.workflows import call_tool
from settings import get_settings
from store import qa as qa_store
from store.outputs import made_by
from tools.qa.export import FIELDS

MINE = "mine, not forgeflow's\n"


def _ws() -> Path:
    root = get_settings().workspace
    root.mkdir(parents=True, exist_ok=True)
    return root


def _dataset(chunks: int = 6, per_chunk: int = 2) -> str:
    """A QA dataset of chunks × per_chunk pairs (each chunk's pairs share a source_chunk)."""
    entries = []
    for chunk in range(chunks):
        for _ in range(per_chunk):
            n = len(entries) + 1
            entries.append(
                {
                    "id": f"entry_{n}",
                    "question": f"What is fact {n}?",
                    "answer": f"Fact {n} is a grounded sentence.",
                    "mode": "qa",
                    "source_chunk": f"chk_{chunk}",
                    "document_id": 1,
                    "quality_score": 0.9,
                    "metadata": {"question_type": "definition"},
                }
            )
    project = qa_store.create_project("handbook")["id"]
    return qa_store.create_dataset(project, "handbook", entries)["id"]


def _export(**args: Any) -> dict[str, Any]:
    return call_tool("export_dataset", {"dataset_id": _dataset(), **args})


def _files(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and ".forgeflow" not in p.parts
    )


# -- output_path ---------------------------------------------------------------------------------


def test_output_path_jsonl_writes_that_one_file_with_every_row() -> None:
    out = _export(output_path="handbook_qa.jsonl")
    path = _ws() / "handbook_qa.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(rows) == 12 and [r["id"] for r in rows] == [f"entry_{n}" for n in range(1, 13)]
    assert rows[0]["metadata"] == {"question_type": "definition"}  # an object, as before
    assert out["path"] == "handbook_qa.jsonl" and out["zip"] is None
    assert [(f["path"], f["format"], f["rows"]) for f in out["files"]] == [
        ("handbook_qa.jsonl", "jsonl", 12)
    ]
    assert _files(_ws()) == ["handbook_qa.jsonl"]  # no qa/exports folder, no zip
    assert "handbook_qa.jsonl" in out["message"]
    assert made_by("handbook_qa.jsonl")["tool"] == "export_dataset"  # in the outputs manifest


def test_output_path_in_a_new_folder_without_a_suffix_takes_the_format() -> None:
    out = _export(output_path="out/faq", format="csv")
    assert out["path"] == "out/faq.csv"
    assert len(pd.read_csv(_ws() / "out" / "faq.csv")) == 12


def test_csv_with_fields_question_answer_has_exactly_those_columns() -> None:
    out = _export(output_path="faq.csv", fields=["question", "answer"])
    frame = pd.read_csv(_ws() / "faq.csv")
    assert list(frame.columns) == ["question", "answer"] and len(frame) == 12
    assert frame.loc[0, "answer"] == "Fact 1 is a grounded sentence."
    assert out["fields"] == ["question", "answer"]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_fields_apply_to_every_format_in_the_order_given(fmt: str) -> None:
    out = _export(format=fmt, fields=["answer", "id", "metadata"])
    (file,) = out["files"]
    path = _ws() / file["path"]
    if fmt == "jsonl":
        first = json.loads(path.read_text().splitlines()[0])
        assert list(first) == ["answer", "id", "metadata"]
        assert first["metadata"] == {"question_type": "definition"}
    else:
        assert list(pd.read_parquet(path).columns) == ["answer", "id", "metadata"]


def test_without_fields_every_column_is_kept_as_before() -> None:
    _export(output_path="all.csv")
    columns = list(pd.read_csv(_ws() / "all.csv").columns)
    assert len(columns) == 13 and columns[:3] == ["id", "question", "answer"]


def test_splits_with_output_path_write_one_file_per_split_beside_it() -> None:
    out = _export(output_path="qa/sets/handbook_qa.jsonl", splits=True)
    folder = _ws() / "qa" / "sets"
    assert sorted(p.name for p in folder.iterdir()) == [
        "handbook_qa_test.jsonl",
        "handbook_qa_train.jsonl",
        "handbook_qa_validation.jsonl",
    ]
    counts = {f["split"]: f["rows"] for f in out["files"]}
    assert counts == out["split_counts"] and sum(counts.values()) == 12
    for split, rows in counts.items():
        lines = (folder / f"handbook_qa_{split}.jsonl").read_text().splitlines()
        assert len(lines) == rows and all(json.loads(x)["split"] == split for x in lines)
    assert out["zip"] is None and out["path"] == "qa/sets/handbook_qa_train.jsonl"


def test_split_ratios_name_the_files() -> None:
    out = _export(output_path="pairs.csv", splits={"train": 0.9, "test": 0.1})
    assert [f["path"] for f in out["files"]] == ["pairs_train.csv", "pairs_test.csv"]


# -- paths refused ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["../x.jsonl", "/etc/x.jsonl", ".forgeflow/x.jsonl", ".hidden.jsonl", "~/x.jsonl"]
)
def test_a_path_out_of_the_workspace_or_into_its_state_is_refused_and_nothing_written(
    raw: str,
) -> None:
    dataset = _dataset()
    before = _files(_ws())
    with pytest.raises(Forbidden) as exc:
        call_tool("export_dataset", {"dataset_id": dataset, "output_path": raw})
    assert exc.value.status_code == 403
    assert _files(_ws()) == before and not (_ws().parent / "x.jsonl").exists()
    assert not (_ws() / ".forgeflow" / "x.jsonl").exists()


def test_a_symlink_leading_out_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, _ws() / "link")
    (_ws() / "file-link.jsonl").symlink_to(outside / "x.jsonl")
    dataset = _dataset()
    for raw in ("link/x.jsonl", "file-link.jsonl"):
        with pytest.raises(Forbidden) as exc:
            call_tool("export_dataset", {"dataset_id": dataset, "output_path": raw})
        assert exc.value.code == "path_outside_workspace"
    with pytest.raises(Forbidden):  # a split's file through the link is refused too
        call_tool(
            "export_dataset", {"dataset_id": dataset, "output_path": "link/x.csv", "splits": True}
        )
    assert list(outside.iterdir()) == []


# -- bad arguments -------------------------------------------------------------------------------


def test_a_format_that_disagrees_with_the_suffix_is_a_400_with_a_hint() -> None:
    with pytest.raises(BadInput) as exc:
        _export(output_path="faq.csv", format="jsonl")
    assert exc.value.status_code == 400 and exc.value.code == "format_mismatch"
    assert ".jsonl" in exc.value.hint and "leave format unset" in exc.value.hint
    assert exc.value.details["argument"] == "format" and exc.value.details["candidates"] == ["csv"]
    assert exc.value.details["reason"] == "not_found"  # one candidate: an evident repair
    with pytest.raises(BadInput) as many:
        _export(output_path="faq.csv", format=["csv", "jsonl"])
    assert many.value.code == "format_mismatch"
    with pytest.raises(BadInput) as unknown:
        _export(output_path="faq.json")
    assert unknown.value.code == "unknown_format"
    assert unknown.value.details["candidates"][0] == "faq.jsonl"
    assert _files(_ws()) == []


def test_output_path_and_output_dir_together_are_a_400() -> None:
    with pytest.raises(BadInput) as exc:
        _export(output_path="a.jsonl", output_dir="out")
    assert exc.value.code == "conflicting_arguments"


def test_an_unknown_field_is_a_400_with_the_valid_names_as_candidates() -> None:
    with pytest.raises(BadInput) as exc:
        _export(output_path="faq.csv", fields=["question", "answr"])
    details = exc.value.details
    assert exc.value.status_code == 400 and exc.value.code == "unknown_field"
    assert details["argument"] == "fields" and details["value"] == "answr"
    assert details["candidates"] == ["answer"] and details["choices"] == list(FIELDS)
    with pytest.raises(BadInput) as far:
        _export(fields=["zzz"])
    assert far.value.details["candidates"] == list(FIELDS)  # nothing near: every valid name
    assert not (_ws() / "faq.csv").exists()


def test_fields_are_bounded_and_not_repeated() -> None:
    with pytest.raises(BadInput) as exc:
        _export(fields=["question", "question"])
    assert exc.value.code == "duplicate_fields"
    for bad in ([], ["question"] * 31, ["x" * 101]):
        with pytest.raises(InvalidArguments):
            _export(fields=bad)


# -- files it must not replace ------------------------------------------------------------------


def test_the_persons_file_is_refused_with_the_consent_shape_and_left_as_it_was() -> None:
    mine = _ws() / "handbook_qa.jsonl"
    mine.write_text(MINE)
    with pytest.raises(Conflict) as exc:
        _export(output_path="handbook_qa.jsonl")
    assert exc.value.status_code == 409 and exc.value.code == "file_exists"
    assert exc.value.details == {
        "argument": "output_path",
        "candidates": ["handbook_qa_2.jsonl"],
        "reason": "consent",
        "value": "handbook_qa.jsonl",
        "existing": ["handbook_qa.jsonl"],
        "suggested": "handbook_qa_2.jsonl",
    }
    assert mine.read_text() == MINE and _files(_ws()) == ["handbook_qa.jsonl"]
    assert "export_dataset" in CONSENT_TOOLS  # read from the registry: the replace question


def test_overwrite_true_replaces_the_persons_file() -> None:
    mine = _ws() / "faq.csv"
    mine.write_text(MINE)
    _export(output_path="faq.csv", fields=["question", "answer"], overwrite=True)
    assert len(pd.read_csv(mine)) == 12


def test_an_earlier_exports_own_file_is_replaced_without_asking() -> None:
    first = _export(output_path="faq.csv")
    assert len(pd.read_csv(_ws() / "faq.csv").columns) == 13
    again = call_tool(
        "export_dataset",
        {"dataset_id": first["dataset_id"], "output_path": "faq.csv", "fields": ["question"]},
    )
    assert again["path"] == "faq.csv"
    assert list(pd.read_csv(_ws() / "faq.csv").columns) == ["question"]


def test_another_tools_output_is_not_replaced_without_asking() -> None:
    from store.outputs import record

    (_ws() / "faq.csv").write_text("a\n1\n")
    record(["faq.csv"], tool="save_table")
    with pytest.raises(Conflict):
        _export(output_path="faq.csv")


def test_split_files_of_the_person_name_each_file_and_a_free_output_path() -> None:
    mine = _ws() / "qa_train.jsonl"
    mine.write_text(MINE)
    (_ws() / "qa_2_test.jsonl").write_text(MINE)  # qa_2 would clash too: qa_3 is suggested
    with pytest.raises(Conflict) as exc:
        _export(output_path="qa.jsonl", splits=True)
    details = exc.value.details
    assert (details["argument"], details["value"], details["existing"]) == (
        "output_path",
        "qa.jsonl",
        ["qa_train.jsonl"],
    )
    assert details["suggested"] == "qa_3.jsonl"
    assert details["renamed"]["qa_train.jsonl"] == "qa_3_train.jsonl"
    assert mine.read_text() == MINE and not (_ws() / "qa_test.jsonl").exists()
    # the replace question reads it: the person's file and the name it would take
    assert consent_asked(exc.value.to_dict())[3] == [("qa_train.jsonl", "qa_3_train.jsonl")]


# -- the replace question, through the orchestrator ---------------------------------------------


def _graph_turn(graph: Any, message: Any) -> dict[str, Any]:
    config = {"configurable": {"thread_id": "t"}}
    payload = message if isinstance(message, Command) else {"goal": message}
    list(graph.stream(payload, config, context=RunContext(), stream_mode="custom"))
    snapshot = graph.get_state(config)
    return {"values": snapshot.values, "interrupts": list(snapshot.interrupts)}


@pytest.mark.parametrize(
    ("splits", "reply", "written"),
    [
        (False, "yes", ["handbook_qa.jsonl"]),
        (False, "the new name", ["handbook_qa_2.jsonl"]),
        (True, "the new names", ["handbook_qa_2_train.jsonl", "handbook_qa_2_test.jsonl"]),
    ],
)
def test_the_replace_question_asks_and_its_answer_is_followed(
    monkeypatch: pytest.MonkeyPatch, splits: bool, reply: str, written: list[str]
) -> None:
    dataset = _dataset()
    args: dict[str, Any] = {"dataset_id": dataset, "output_path": "handbook_qa.jsonl"}
    mine = ["handbook_qa.jsonl"]
    if splits:
        args["splits"] = {"train": 0.5, "test": 0.5}
        mine = ["handbook_qa_train.jsonl", "handbook_qa_test.jsonl"]
    for name in mine:
        (_ws() / name).write_text(MINE)
    monkeypatch.setattr(
        orchestrator,
        "_plan",
        lambda goal, memory, history: Plan(steps=[PlanStep(tool="export_dataset", args=args)]),
    )
    graph = build_graph(InMemorySaver())
    out = _graph_turn(graph, "save the pairs as handbook_qa.jsonl")
    (asked,) = out["interrupts"]
    assert asked.value["reason"] == "consent"
    assert " or save as " in asked.value["question"] and "handbook_qa_2" in asked.value["question"]
    out = _graph_turn(graph, Command(resume=reply))
    step = out["values"]["result"]["steps"][0]
    assert step["status"] == "completed", step
    for name in written:
        lines = (_ws() / name).read_text().splitlines()
        assert lines and json.loads(lines[0])["question"].startswith("What is fact")
    if reply != "yes":
        assert all((_ws() / name).read_text() == MINE for name in mine)


def test_a_planned_default_format_is_repaired_to_the_named_files_suffix(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 'export the pairs to faq.csv': the plan binds output_path and keeps its jsonl default;
    # the 400 names csv as the one candidate, so the step is repaired and says so
    args = {"dataset_id": _dataset(), "format": "jsonl", "output_path": "faq.csv"}
    monkeypatch.setattr(
        orchestrator,
        "_plan",
        lambda goal, memory, history: Plan(steps=[PlanStep(tool="export_dataset", args=args)]),
    )
    out = _graph_turn(build_graph(InMemorySaver()), "export the pairs to faq.csv")
    step = out["values"]["result"]["steps"][0]
    assert step["status"] == "completed" and step["args"]["format"] == "csv"
    assert "format 'jsonl' → 'csv'" in json.dumps(step, ensure_ascii=False)
    assert len(pd.read_csv(_ws() / "faq.csv")) == 12


# -- every surface -------------------------------------------------------------------------------


def test_http_lists_the_arguments_and_an_export_to_a_named_csv_works() -> None:
    from graphs.runner import get_manager, reset_managers
    from server import app

    dataset = _dataset()
    try:
        client = TestClient(app, raise_server_exceptions=False)
        listed = {t["name"]: t for t in client.get("/tools").json()["tools"]}
        props = listed["export_dataset"]["input_schema"]["properties"]
        assert {"output_path", "fields", "overwrite"} <= set(props)
        ok = client.post(
            "/tools/export_dataset",
            json={
                "dataset_id": dataset,
                "output_path": "faq.csv",
                "fields": ["question", "answer"],
            },
        )
        assert ok.status_code == 200, ok.text
        assert ok.json()["output"]["path"] == "faq.csv"
        assert list(pd.read_csv(_ws() / "faq.csv").columns) == ["question", "answer"]
        out = client.post(
            "/tools/export_dataset", json={"dataset_id": dataset, "output_path": "../x.csv"}
        )
        assert out.status_code == 403
        assert out.json()["error"]["code"] == "path_outside_workspace"
        (_ws() / "mine.csv").write_text(MINE)
        kept = client.post(
            "/tools/export_dataset", json={"dataset_id": dataset, "output_path": "mine.csv"}
        )
        assert kept.status_code == 409 and kept.json()["error"]["details"]["reason"] == "consent"
        assert (_ws() / "mine.csv").read_text() == MINE
    finally:
        get_manager().shutdown()
        reset_managers()


def test_the_cli_and_mcp_list_the_arguments_from_the_registry() -> None:
    import anyio
    from typer.testing import CliRunner

    import cli
    from api.mcp import build_mcp_server
    from tools.registry import get_tool

    schema = get_tool("export_dataset").input_schema()
    assert {"output_path", "fields", "overwrite"} <= set(schema["properties"])
    listed = json.loads(CliRunner().invoke(cli.app, ["tools", "list", "--json"]).stdout)
    assert {t["name"]: t for t in listed}["export_dataset"]["input_schema"] == schema
    mcp = {t.name: t for t in anyio.run(build_mcp_server().list_tools)}
    assert mcp["export_dataset"].input_schema == schema
