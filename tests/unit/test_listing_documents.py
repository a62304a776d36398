"""list_local_datasets lists the person's documents (what chunk_documents reads) apart from
tables, and leaves out forgeflow's outputs, hidden folders and links leading out.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from agents.reporter import summarise_output
from graphs.workflows import call_tool
from settings import get_settings
from store import outputs


def _ws() -> Path:
    ws = get_settings().workspace
    ws.mkdir(parents=True, exist_ok=True)
    return ws


def test_documents_are_listed_apart_from_tables(tmp_path: Path) -> None:
    ws = _ws()
    pd.DataFrame({"name": ["a", "b"], "present": ["yes", "no"]}).to_csv(
        ws / "choir.csv", index=False
    )
    (ws / "volunteer_handbook.md").write_text("# Volunteers\n\nArrive at nine. " * 20)
    (ws / "docs").mkdir()
    (ws / "docs/notes.txt").write_text("Tea at four.\n")
    (ws / "docs/page.HTML").write_text("<p>Hello</p>")
    (ws / "docs/scan.pdf").write_bytes(b"%PDF-1.4 not really")
    (ws / "docs/folder.md").mkdir()  # a folder named like a document is none
    # forgeflow's own outputs, hidden folders and links leading out are not the person's
    (ws / "qa/run1").mkdir(parents=True)
    (ws / "qa/run1/report.md").write_text("made by a run")
    (ws / "written.md").write_text("noted in the manifest")
    outputs.record(["written.md"], tool="save_table", run_id="run_x")
    (ws / ".cache").mkdir()
    (ws / ".cache/hidden.md").write_text("hidden")
    secret = tmp_path / "secret.md"
    secret.write_text("outside")
    (ws / "link_out.md").symlink_to(secret)
    (ws / "loop.md").symlink_to(ws / "loop.md")
    (ws / "dangling.txt").symlink_to(ws / "nothing_here.txt")

    out = call_tool("list_local_datasets", {})
    docs = {d["id"]: d for d in out["documents"]}
    assert set(docs) == {
        "volunteer_handbook.md",
        "docs/notes.txt",
        "docs/page.HTML",
        "docs/scan.pdf",
    }
    assert out["document_count"] == 4
    handbook = docs["volunteer_handbook.md"]
    assert handbook["format"] == "md" and handbook["size"] > 0 and handbook["source"] == "local"
    assert "choir.csv" in {d["id"] for d in out["datasets"]}
    assert not {d["id"] for d in out["datasets"]} & set(docs)  # tables and documents apart
    assert str(tmp_path) not in str(out)
    # the query narrows documents as it does tables
    hits = call_tool("list_local_datasets", {"query": "handbook"})
    assert [d["id"] for d in hits["documents"]] == ["volunteer_handbook.md"]
    # a listed id is what chunk_documents takes
    chunked = call_tool("chunk_documents", {"paths": ["volunteer_handbook.md"], "min_chars": 20})
    assert chunked["document_count"] == 1
    # the answer says which documents there are, apart from the tables
    lines = summarise_output("list_local_datasets", out)
    at = lines.index("  4 documents (to chunk and make QA pairs from):")
    assert any("volunteer_handbook.md" in line for line in lines[at:])
    assert not any("volunteer_handbook.md" in line for line in lines[:at])


def test_a_listing_without_documents_reads_as_before() -> None:
    _ws()
    out = call_tool("list_local_datasets", {})
    assert out["documents"] == [] and out["document_count"] == 0
    lines = summarise_output("list_local_datasets", out)
    assert not any("documents (to chunk" in line for line in lines)
