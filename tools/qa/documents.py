"""Parse documents to plain text: .txt .md .html .pdf (pypdf), .jsonl/.csv with a text column."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from errors import BadInput, candidate_details, closest

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
"""Files that are documents (prose to chunk), as list_local_datasets shows them."""
SUPPORTED_SUFFIXES = (*DOCUMENT_SUFFIXES, ".jsonl", ".csv")
"""What chunk_documents parses: documents, and tables whose text column holds them."""
TEXT_COLUMN_GUESSES = ("text", "content", "body", "document", "passage", "article", "context")
MAX_ROWS = 10_000


@dataclass
class ParsedDocument:
    """One document's text and where it came from (a table row becomes its own document)."""

    filename: str
    format: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise BadInput(
            f"{name}: looks like a binary file, not text",
            hint="upload .txt, .md, .html, .pdf, .jsonl or .csv files",
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = re.sub(r"[ \u00a0]+\n", "\n", text)
    return re.sub(r"\n{4,}", "\n\n\n", text).strip("\n")


class _HTMLText(HTMLParser):
    """Collect visible text; block elements end lines, headings become markdown headings."""

    BLOCKS = frozenset(
        "p div section article header footer li ul ol table tr br pre blockquote dl dt dd "
        "figure figcaption main nav aside form hr".split()
    )
    SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self.SKIP:
            self.skip_depth += 1
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.parts.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n" if tag in ("p", "div", "section", "article", "pre") else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if re.fullmatch(r"h[1-6]", tag) or tag in ("p", "div", "section", "article", "pre"):
            self.parts.append("\n\n")
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self.skip_depth:
            return
        self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(html: str) -> tuple[str, str]:
    """Visible text of an HTML page (headings as `#` lines) and its <title>."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    lines = [line.strip() for line in raw.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, parser.title.strip()


def pdf_to_text(data: bytes, name: str) -> tuple[str, int]:
    """Text of a PDF's pages (pypdf), pages separated by blank lines; and the page count."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise BadInput(
                f"{name}: the PDF is encrypted", hint="upload an unencrypted copy of the PDF"
            )
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise BadInput(
            f"{name}: not a readable PDF ({exc.__class__.__name__}: {exc})",
            hint="check the file is a complete, valid PDF",
        ) from None
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise BadInput(
            f"{name}: the PDF has no extractable text ({len(pages)} pages)",
            hint="it is probably scanned images; run OCR first and upload the text",
        )
    return text, len(pages)


def _pick_column(columns: list[str], wanted: str | None, name: str) -> str:
    if wanted:
        if wanted not in columns:
            raise BadInput(
                f"{name}: column {wanted!r} not found; columns are: {', '.join(columns)}",
                hint="set text_column to one of the listed columns",
                details=candidate_details(
                    "text_column",
                    closest(wanted, columns),
                    "not_found",
                    value=wanted,
                    choices=columns[:200],
                ),
            )
        return wanted
    lower = {c.lower(): c for c in columns}
    for guess in TEXT_COLUMN_GUESSES:
        if guess in lower:
            return lower[guess]
    raise BadInput(
        f"{name}: no text column found; columns are: {', '.join(columns) or 'none'}",
        hint="set text_column to the column holding the document text",
        details=candidate_details("text_column", [], "missing", choices=columns[:200]),
    )


def _rows_to_documents(
    rows: list[dict[str, Any]], name: str, fmt: str, text_column: str | None
) -> list[ParsedDocument]:
    if not rows:
        raise BadInput(f"{name}: the file has no rows", hint="upload a file with at least one row")
    columns = list(rows[0].keys())
    column = _pick_column(columns, text_column, name)
    docs = []
    for i, row in enumerate(rows[:MAX_ROWS]):
        value = row.get(column)
        if value is None or not str(value).strip():
            continue
        extra = {k: v for k, v in row.items() if k != column and isinstance(v, str | int | float)}
        docs.append(
            ParsedDocument(
                filename=f"{name}#{i}",
                format=fmt,
                text=_normalise(str(value)),
                meta={"row": i, "text_column": column, "fields": extra},
            )
        )
    if not docs:
        raise BadInput(
            f"{name}: column {column!r} is empty in every row",
            hint="set text_column to the column holding the document text",
        )
    return docs


def parse_bytes(name: str, data: bytes, *, text_column: str | None = None) -> list[ParsedDocument]:
    """Parse one uploaded file by its suffix; raises BadInput with a hint for bad or empty files."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise BadInput(
            f"{name}: unsupported file type {suffix or '(none)'!r}",
            hint=f"supported types: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    if not data.strip():
        raise BadInput(f"{name}: the file is empty", hint="upload a file with some text in it")
    if suffix == ".pdf":
        text, pages = pdf_to_text(data, name)
        return [ParsedDocument(name, "pdf", _normalise(text), {"pages": pages})]
    raw = _decode(data, name)
    if suffix in (".html", ".htm"):
        text, title = html_to_text(raw)
        docs = [ParsedDocument(name, "html", _normalise(text), {"title": title} if title else {})]
    elif suffix == ".jsonl":
        rows = []
        for lineno, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BadInput(
                    f"{name}: line {lineno} is not valid JSON ({exc.msg})",
                    hint="each line of a .jsonl file must be one JSON object",
                ) from None
            if not isinstance(obj, dict):
                raise BadInput(
                    f"{name}: line {lineno} is not a JSON object",
                    hint="each line of a .jsonl file must be one JSON object",
                )
            rows.append(obj)
        return _rows_to_documents(rows, name, "jsonl", text_column)
    elif suffix == ".csv":
        try:
            rows = list(csv.DictReader(io.StringIO(raw)))
        except csv.Error as exc:
            raise BadInput(f"{name}: not a valid CSV ({exc})", hint="check quoting") from None
        return _rows_to_documents(rows, name, "csv", text_column)
    else:
        fmt = "md" if suffix in (".md", ".markdown") else "txt"
        docs = [ParsedDocument(name, fmt, _normalise(raw))]
    if not docs[0].text.strip():
        raise BadInput(f"{name}: no text found in the file", hint="upload a file with some text")
    return docs


def parse_path(path: Path, *, text_column: str | None = None) -> list[ParsedDocument]:
    """Parse a file already on disk (the caller resolved it inside the workspace)."""
    if not path.is_file():
        raise BadInput(f"{path.name}: not a file", hint="give the path of a file, not a folder")
    return parse_bytes(path.name, path.read_bytes(), text_column=text_column)
