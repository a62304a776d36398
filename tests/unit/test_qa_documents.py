"""Document parsing and chunking for QA datasets: formats, errors, offsets, strategies."""

from __future__ import annotations

import json

import pytest

from errors import BadInput, Forbidden
from graphs.workflows import call_tool
from store import qa as qa_store
from tools.qa.chunking import chunk_text, count_tokens, find_headings
from tools.qa.documents import parse_bytes


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF with real text objects (correct xref offsets)."""
    text_ops = " ".join(f"({line}) Tj 0 -16 Td" for line in lines)
    stream = f"BT /F1 12 Tf 72 720 Td {text_ops} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def test_parse_text_markdown_and_html() -> None:
    txt = parse_bytes("a.txt", b"Hello world.\r\n\r\nSecond paragraph.")
    assert txt[0].text == "Hello world.\n\nSecond paragraph."
    html = parse_bytes(
        "page.html",
        b"<html><head><title>T</title><style>p{}</style><script>var x=1;</script></head>"
        b"<body><h2>Intro</h2><p>First &amp; best.</p><p>Next one.</p></body></html>",
    )[0]
    assert html.format == "html" and html.meta["title"] == "T"
    assert "## Intro" in html.text and "First & best." in html.text
    assert "var x" not in html.text and "p{}" not in html.text


def test_parse_pdf_with_pypdf() -> None:
    doc = parse_bytes("paper.pdf", make_pdf(["The mitochondria is the powerhouse.", "Line two."]))[
        0
    ]
    assert doc.format == "pdf" and doc.meta["pages"] == 1
    assert "mitochondria is the powerhouse" in doc.text


def test_parse_tables_row_per_document_and_errors() -> None:
    rows = b'{"body": "Row one text.", "id": 1}\n{"body": "Row two text.", "id": 2}\n'
    docs = parse_bytes("d.jsonl", rows)
    assert [d.text for d in docs] == ["Row one text.", "Row two text."]
    assert docs[1].filename == "d.jsonl#1" and docs[1].meta["fields"] == {"id": 2}
    csv_docs = parse_bytes("d.csv", b"title,content\nA,Alpha text\nB,Beta text\n")
    assert [d.text for d in csv_docs] == ["Alpha text", "Beta text"]
    with pytest.raises(BadInput, match="column 'nope' not found; columns are: title, content"):
        parse_bytes("d.csv", b"title,content\nA,x\n", text_column="nope")
    with pytest.raises(BadInput, match="line 2 is not valid JSON"):
        parse_bytes("d.jsonl", b'{"text": "ok"}\n{broken\n')


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"   \n", "the file is empty"),
        ("bin.txt", b"\x00\x01\x02binary", "binary"),
        ("x.docx", b"PK..", "unsupported file type"),
        ("bad.pdf", b"%PDF-1.4 nonsense", "PDF"),
        ("blank.pdf", make_pdf([]), "no extractable text"),
    ],
)
def test_bad_files_get_clear_errors(name: str, data: bytes, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        parse_bytes(name, data)


DOC = """Title
=====

Intro paragraph one explains the topic in a few words of text.

# Section A

Alpha paragraph is here. It has two sentences.

Another alpha paragraph follows with more words in it.

## Section B

Beta paragraph text that is long enough to matter for the chunker.
"""


@pytest.mark.parametrize("strategy", ["paragraph", "markdown", "fixed"])
def test_chunks_carry_exact_offsets(strategy: str) -> None:
    spans = chunk_text(
        DOC * 3, strategy=strategy, size=120, overlap=20 if strategy == "fixed" else 0, min_chars=10
    )
    assert len(spans) > 3
    for sp in spans:
        assert (DOC * 3)[sp.start : sp.end] == sp.text
        assert len(sp.text) <= 120 or strategy != "fixed"


def test_markdown_chunks_never_cross_headings() -> None:
    headings = find_headings(DOC)
    assert [h for _, h in headings] == ["Title", "Section A", "Section B"]
    spans = chunk_text(DOC, strategy="markdown", size=2000, min_chars=10)
    assert [sp.heading for sp in spans] == ["Title", "Section A", "Section B"]
    assert spans[1].text.startswith("# Section A") and "Beta" not in spans[1].text


def test_fixed_overlap_and_tokens() -> None:
    text = " ".join(f"w{i}" for i in range(100))
    spans = chunk_text(text, strategy="fixed", size=20, overlap=5, unit="tokens")
    assert all(count_tokens(sp.text) <= 20 for sp in spans)
    first, second = spans[0].text.split(), spans[1].text.split()
    assert first[-5:] == second[:5]  # 5 tokens of overlap
    assert spans[-1].text.endswith("w99")
    with pytest.raises(BadInput, match="overlap"):
        chunk_text(text, strategy="fixed", size=10, overlap=10)
    with pytest.raises(BadInput, match="tokens"):
        chunk_text(text, strategy="paragraph", unit="tokens")


def test_chunk_documents_tool_reports_short_and_bad_files(home) -> None:  # noqa: ANN001
    ws = home / "workspace" / "docs"
    ws.mkdir(parents=True)
    (ws / "long.md").write_text(DOC * 4)
    (ws / "short.txt").write_text("Tiny.")
    (ws / "broken.jsonl").write_text("{not json\n")
    out = call_tool(
        "chunk_documents",
        {"paths": ["docs/long.md", "docs/short.txt", "docs/broken.jsonl"], "strategy": "markdown"},
    )
    assert out["chunk_count"] >= 3 and out["document_count"] == 2
    assert [t["filename"] for t in out["too_short"]] == ["short.txt"]
    assert (
        out["errors"][0]["filename"] == "docs/broken.jsonl"
        and "not valid JSON" in out["errors"][0]["error"]
    )
    chunks = qa_store.list_chunks(out["chunk_set_id"])
    docs = {d["id"]: d for d in qa_store.list_documents(out["project_id"], with_text=True)}
    for c in chunks:
        assert docs[c["document_id"]]["text"][c["start"] : c["end"]] == c["text"]
    with pytest.raises(Forbidden):
        call_tool("chunk_documents", {"paths": ["../../etc/passwd"]})
    with pytest.raises(Exception, match="project 999 not found"):
        call_tool("chunk_documents", {"project_id": 999})


def test_chunk_documents_all_too_short_is_an_input_error(home) -> None:  # noqa: ANN001
    pid = qa_store.create_project("p")["id"]
    qa_store.add_document(pid, filename="a.txt", text="short", fmt="txt")
    with pytest.raises(BadInput, match="shorter than min_chars") as err:
        call_tool("chunk_documents", {"project_id": pid})
    assert err.value.details["too_short"][0]["chars"] == 5
    json.dumps(err.value.to_dict())
