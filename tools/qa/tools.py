"""QA tools: chunk_documents and export_dataset, plus the inputs of generate_qa and score_qa."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from errors import BadInput
from store import qa as qa_store
from store.outputs import refuse_replacing
from store.workspace import (
    free_names,
    numbered,
    relative_to_workspace,
    resolve_path,
    workspace_root,
)
from tools.base import ToolContext, ToolInput, tool, workflow
from tools.qa.chunking import chunk_text
from tools.qa.documents import parse_bytes, parse_path
from tools.qa.export import (
    FIELDS,
    FORMATS,
    Target,
    check_fields,
    export_entries,
    output_format,
    output_targets,
    split_file,
)

DEFAULT_SPLITS = {"train": 0.8, "validation": 0.1, "test": 0.1}
MAX_FIELDS = 30
"""At most this many names in export_dataset's `fields`."""
FieldName = Annotated[str, Field(min_length=1, max_length=100)]


def ingest_upload(
    project_id: int, name: str, data: bytes, *, text_column: str | None = None
) -> dict[str, Any]:
    """Parse one uploaded file into the project: {"filename", "status", "documents"|"error"}."""
    try:
        parsed = parse_bytes(name, data, text_column=text_column)
    except BadInput as exc:
        return {"filename": name, "status": "failed", "error": exc.message, "hint": exc.hint}
    docs = [
        qa_store.add_document(
            project_id, filename=p.filename, text=p.text, fmt=p.format, meta=p.meta
        )
        for p in parsed
    ]
    return {"filename": name, "status": "parsed", "documents": docs}


def ingest_paths(
    project_id: int, paths: list[str], *, text_column: str | None = None
) -> list[dict[str, Any]]:
    """Parse workspace files into the project; each path gets its own result (bad ones fail alone).

    Paths outside the workspace and data folders raise (that is the caller's mistake, not the
    file's).
    """
    results = []
    for raw in paths:
        path = resolve_path(raw, must_exist=True)
        try:
            parsed = parse_path(path, text_column=text_column)
        except BadInput as exc:
            results.append(
                {"filename": raw, "status": "failed", "error": exc.message, "hint": exc.hint}
            )
            continue
        docs = [
            qa_store.add_document(
                project_id,
                filename=p.filename,
                text=p.text,
                fmt=p.format,
                source_path=relative_to_workspace(path),
                meta=p.meta,
            )
            for p in parsed
        ]
        results.append({"filename": raw, "status": "parsed", "documents": docs})
    return results


class ChunkDocumentsInput(ToolInput):
    """Arguments of chunk_documents."""

    project_id: int | None = Field(
        default=None, description="Project whose documents to chunk (see /api/v1/projects)."
    )
    paths: list[str] | None = Field(
        default=None,
        description="Workspace files to add (to project_id, or to a new project) and chunk: "
        ".txt .md .html .pdf .jsonl .csv.",
    )
    strategy: Literal["paragraph", "markdown", "fixed"] = Field(
        default="paragraph",
        description="paragraph: pack paragraphs up to chunk_size; markdown: split at headings; "
        "fixed: windows of chunk_size characters or tokens with overlap.",
    )
    chunk_size: int = Field(default=1500, ge=20, le=100_000, description="Chunk size (unit).")
    chunk_overlap: int = Field(default=0, ge=0, description="Overlap between fixed windows.")
    unit: Literal["chars", "tokens"] = Field(
        default="chars", description="Unit of chunk_size for the fixed strategy."
    )
    min_chars: int = Field(
        default=100,
        ge=1,
        description="Documents shorter than this are reported as too short and not chunked.",
    )
    text_column: str | None = Field(
        default=None, description="Text column of .jsonl/.csv files (guessed when omitted)."
    )

    @model_validator(mode="after")
    def _source(self) -> ChunkDocumentsInput:
        if self.project_id is None and not self.paths:
            raise ValueError("give project_id or paths")
        return self


@tool(ChunkDocumentsInput, tags=("qa",))
def chunk_documents(args: ChunkDocumentsInput, ctx: ToolContext) -> dict[str, Any]:
    """Split a project's documents into chunks stored with ids, source document and offsets.

    With `paths`, the files are parsed into the project first (a new project when no
    project_id); a bad file is reported in `errors` and the others proceed. Documents shorter
    than `min_chars` are listed in `too_short`. Returns project_id, chunk_set_id (what
    generate_qa reads), counts per document and a preview of the first chunks.
    """
    project_id = args.project_id
    ingested: list[dict[str, Any]] = []
    if project_id is None:
        names = ", ".join(Path(p).name for p in (args.paths or [])[:3])
        project_id = qa_store.create_project(f"documents: {names}")["id"]
    else:
        qa_store.get_project(project_id)
    if args.paths:
        ingested = ingest_paths(project_id, args.paths, text_column=args.text_column)
    errors = [r for r in ingested if r["status"] == "failed"]
    documents = qa_store.list_documents(project_id, with_text=True)
    if not documents:
        detail = "; ".join(e["error"] for e in errors)
        raise BadInput(
            f"project {project_id} has no parsed documents" + (f" ({detail})" if detail else ""),
            hint="upload files with POST /api/v1/projects/{id}/documents or pass paths",
            details={"errors": errors} if errors else None,
        )
    chunks: list[dict[str, Any]] = []
    per_document = []
    too_short = []
    for i, doc in enumerate(documents):
        ctx.check_cancelled()
        if len(doc["text"].strip()) < args.min_chars:
            too_short.append(
                {
                    "document_id": doc["id"],
                    "filename": doc["filename"],
                    "chars": len(doc["text"].strip()),
                    "min_chars": args.min_chars,
                }
            )
            continue
        spans = chunk_text(
            doc["text"],
            strategy=args.strategy,
            size=args.chunk_size,
            overlap=args.chunk_overlap,
            unit=args.unit,
            min_chars=args.min_chars,
        )
        for sp in spans:
            chunks.append(
                {
                    "document_id": doc["id"],
                    "strategy": args.strategy,
                    "start": sp.start,
                    "end": sp.end,
                    "text": sp.text,
                    "heading": sp.heading,
                }
            )
        per_document.append(
            {"document_id": doc["id"], "filename": doc["filename"], "chunks": len(spans)}
        )
        ctx.progress(f"chunked {doc['filename']}", (i + 1) / len(documents))
    if not chunks:
        raise BadInput(
            f"no chunks: all {len(documents)} documents of project {project_id} are shorter "
            f"than min_chars={args.min_chars}",
            hint="lower min_chars or add longer documents",
            details={"too_short": too_short},
        )
    stored = qa_store.add_chunk_set(
        project_id,
        chunks,
        {
            "strategy": args.strategy,
            "chunk_size": args.chunk_size,
            "chunk_overlap": args.chunk_overlap,
            "unit": args.unit,
        },
    )
    lengths = [len(c["text"]) for c in chunks]
    return {
        "project_id": project_id,
        "chunk_set_id": stored["chunk_set_id"],
        "strategy": args.strategy,
        "chunk_count": len(chunks),
        "document_count": len(documents),
        "documents": per_document,
        "too_short": too_short,
        "errors": errors,
        "chars": {
            "min": min(lengths),
            "max": max(lengths),
            "mean": round(sum(lengths) / len(lengths)),
        },
        "preview": [
            {k: c[k] for k in ("id", "document_id", "start", "end", "heading")}
            | {"text": c["text"][:200]}
            for c in stored["chunks"][:3]
        ],
    }


class QAParams(ToolInput):
    """High-level generation parameters (they override the ones saved for the project)."""

    purpose: str | None = Field(default=None, description="What the dataset is for.")
    audience: str | None = Field(default=None, description="Who the questions are for.")
    complexity_level: str | None = Field(
        default=None, description="basic | intermediate | advanced | expert."
    )
    domain: str | None = Field(default=None, description="Content domain, e.g. medicine.")
    question_style: str | None = Field(
        default=None, description="factual | analytical | case_based."
    )
    answer_style: str | None = Field(
        default=None,
        description="concise | comprehensive | step_by_step (built-in writer: concise answers "
        "are the key phrase, comprehensive ones the full sentence).",
    )
    custom_prompt: str | None = Field(
        default=None, description="Extra guidance for the LLM writer (cannot change the format)."
    )


class GenerateQAInput(QAParams):
    """Arguments of generate_qa."""

    project_id: int | None = Field(default=None, description="Project (its latest chunk set).")
    chunk_set_id: str | None = Field(default=None, description="A chunk set from chunk_documents.")
    generation_mode: Literal["qa", "question", "answer", "summarization", "instruction"] = Field(
        default="qa", description="What each entry is."
    )
    datasets_per_chunk: int = Field(default=3, ge=1, le=20, description="Entries per chunk.")
    quality_threshold: float = Field(
        default=0.7, ge=0.0, le=1.0, description="Entries scoring below this are regenerated."
    )
    max_attempts: int = Field(
        default=3, ge=1, le=10, description="Generation rounds: 1 + regeneration rounds."
    )
    concurrency: int = Field(default=4, ge=1, le=64, description="Parallel LLM calls.")
    max_llm_calls: int = Field(
        default=2000, ge=1, description="Cap on LLM calls in this run, retries included."
    )
    max_chunks: int | None = Field(default=None, ge=1, description="Use only the first N chunks.")
    max_pairs: int | None = Field(
        default=None,
        ge=1,
        le=100_000,
        description="Entries wanted in all ('10 QA pairs'): chunks spread over the documents are "
        "written (about twice the entries needed), and the best-scored N are kept.",
    )
    model: str | None = Field(
        default=None,
        description="builtin | openai:<model> | gemini:<model>; default: FORGEFLOW_LLM.",
    )
    judge_model: str | None = Field(default=None, description="Judge model; default: model.")
    taxonomy: list[Any] | dict[str, Any] | None = Field(
        default=None,
        description="Categories: a list of names, {name: [keywords]} or [{name, keywords}].",
    )
    taxonomy_name: str | None = Field(default=None, description="A taxonomy saved on the project.")
    dataset_name: str | None = Field(default=None, description="Name of the new dataset.")
    analyze_quality: bool = Field(
        default=True, description="False: score only; nothing is regenerated or dropped."
    )

    @model_validator(mode="after")
    def _source(self) -> GenerateQAInput:
        if self.project_id is None and not self.chunk_set_id:
            raise ValueError("give project_id or chunk_set_id")
        return self


class ScoreQAInput(ToolInput):
    """Arguments of score_qa."""

    dataset_id: str = Field(description="The dataset to judge.")
    version: int | None = Field(default=None, ge=1, description="Version (default: latest).")
    quality_threshold: float = Field(default=0.7, ge=0.0, le=1.0, description="Pass mark.")
    model: str | None = Field(default=None, description="Judge model; default: FORGEFLOW_LLM.")
    taxonomy: list[Any] | dict[str, Any] | None = Field(default=None, description="Categories.")
    taxonomy_name: str | None = Field(default=None, description="A taxonomy saved on the project.")
    concurrency: int = Field(default=4, ge=1, le=64, description="Parallel LLM calls.")
    max_llm_calls: int = Field(default=2000, ge=1, description="Cap on LLM calls.")


class ExportDatasetInput(ToolInput):
    """Arguments of export_dataset."""

    dataset_id: str = Field(description="The dataset to export.")
    version: int | None = Field(default=None, ge=1, description="Version (default: latest).")
    format: Literal["jsonl", "parquet", "csv"] | list[Literal["jsonl", "parquet", "csv"]] = Field(
        default="jsonl", description="One format or several."
    )
    splits: bool | dict[str, float] = Field(
        default=False,
        description="true: train/validation/test 0.8/0.1/0.1 by source chunk; or the ratios.",
    )
    seed: int = Field(default=0, description="Seed of the chunk shuffle for splits.")
    min_quality: float | None = Field(
        default=None, ge=0.0, le=1.0, description="Leave out entries scoring below this."
    )
    output_dir: str | None = Field(
        default=None, description="Folder inside the workspace (default: qa/exports/<id>/v<n>)."
    )
    output_path: str | None = Field(
        default=None,
        min_length=1,
        max_length=1000,
        description="One file to write instead, relative to the workspace (e.g. "
        "'handbook_qa.jsonl'); its suffix (.jsonl, .csv, .parquet) gives the format. With splits, "
        "one file per split beside it: '<stem>_<split><suffix>' (handbook_qa_train.jsonl); no zip.",
    )
    fields: list[FieldName] | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_FIELDS,
        description="The entry fields to keep, in this order (e.g. ['question', 'answer']); "
        f"default: all of them ({', '.join(FIELDS)}).",
    )
    overwrite: bool = Field(
        default=False,
        description="Replace a file at output_path that export_dataset did not write itself "
        "(refused otherwise).",
    )
    exclude_rejected: bool = Field(
        default=False,
        description="Leave out entries whose latest review (feedback_type 'reject') came after "
        "they were last written.",
    )


def _when(text: Any) -> datetime | None:
    try:
        stamp = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def review_status(entry: dict[str, Any]) -> str:
    """accepted | rejected | regenerated | unreviewed: the latest accept/reject feedback.

    A rejected entry that was rewritten after the rejection is `regenerated` (to review again).
    """
    reviews = [
        f
        for f in entry.get("feedback") or []
        if isinstance(f, dict) and f.get("feedback_type") in ("accept", "reject")
    ]
    if not reviews:
        return "unreviewed"
    last = reviews[-1]
    meta = entry.get("metadata") or {}
    written = _when(meta.get("regenerated_at") or meta.get("generation_time"))
    reviewed = _when(last.get("created_at"))
    if meta.get("regenerated") and written and reviewed and written > reviewed:
        return "regenerated"
    return "accepted" if last["feedback_type"] == "accept" else "rejected"


def _refuse_theirs(rel: str, targets: list[Target], splits: list[str] | None) -> None:
    """A 409 (`consent_details` on output_path) naming the targets that exist and that
    export_dataset did not write (the person's files), with a free output_path beside them.
    """
    renamed: dict[str, str] | None = None
    if splits is None:
        suggested = free_names([rel])[0]
    else:  # one number for the output path that frees every split's file
        root = workspace_root()
        suggested = numbered(rel, "new")
        for number in range(2, 1000):
            candidate = numbered(rel, number)
            if not any((root / split_file(candidate, s)).exists() for s in splits):
                suggested = candidate
                break
        renamed = {split_file(rel, s): split_file(suggested, s) for s in splits}
    refuse_replacing(
        "output_path",
        rel,
        [t_rel for _, t_rel, _ in targets],
        tool="export_dataset",
        overwrite=False,
        suggested=suggested,
        renamed=renamed,
    )


def export_version(args: ExportDatasetInput) -> dict[str, Any]:
    """Export one dataset version as `export_dataset` does (shared with the HTTP download).

    Every check (fields, formats, the files output_path names and whose they are) is made
    before anything is written.
    """
    dataset = qa_store.get_dataset(args.dataset_id, args.version)
    fields = check_fields(args.fields)
    formats = [args.format] if isinstance(args.format, str) else list(dict.fromkeys(args.format))
    for fmt in formats:
        if fmt not in FORMATS:
            raise BadInput(f"unknown format {fmt!r}", hint=f"use one of {FORMATS}")
    ratios = DEFAULT_SPLITS if args.splits is True else (args.splits or None)
    targets: list[Target] | None = None
    if args.output_path is not None:
        if args.output_dir is not None:
            raise BadInput(
                "give output_path (one file) or output_dir (a folder), not both",
                hint="leave output_dir unset: output_path names the file itself",
                code="conflicting_arguments",
                details={"argument": "output_dir", "value": args.output_dir},
            )
        if len(formats) > 1:
            raise BadInput(
                f"output_path is one file, but {len(formats)} formats were asked",
                hint="give one format (or none: the suffix gives it), or use output_dir",
                code="format_mismatch",
                details={"argument": "format", "value": formats},
            )
        raw, fmt = output_format(args.output_path, formats[0], "format" in args.model_fields_set)
        formats = [fmt]
        split_names = list(ratios) if ratios else None
        targets = output_targets(raw, split_names)
        rel = relative_to_workspace(resolve_path(raw, for_write=True))
        if not args.overwrite:
            _refuse_theirs(rel, targets, split_names)
    entries = dataset["entries"]
    if args.min_quality is not None:
        entries = [e for e in entries if (e.get("quality_score") or 0.0) >= args.min_quality]
    if args.exclude_rejected:
        entries = [e for e in entries if review_status(e) != "rejected"]
    folder = args.output_dir or f"qa/exports/{dataset['id']}/v{dataset['version']}"
    name = f"{dataset['name']}_v{dataset['version']}"
    result = export_entries(
        entries,
        name=name,
        folder=folder,
        formats=formats,
        splits=ratios,
        seed=args.seed,
        zip_name=name,
        fields=fields,
        targets=targets,
    )
    download = result["zip"] or result["files"][0]["path"]
    splits = result["split_counts"]
    split_text = (
        " (" + ", ".join(f"{k} {v}" for k, v in splits.items()) + " by source chunk)"
        if splits
        else ""
    )
    warned = "".join(f"; warning: {w}" for w in result.get("warnings") or [])
    where = (
        f"written: {', '.join(f['path'] for f in result['files'])}"
        if targets is not None
        else f"download: {download}"
    )
    return {
        "message": f"exported {len(entries)} entries as {', '.join(formats)}{split_text}; "
        f"{where}{warned}",
        "path": download,
        "dataset_id": dataset["id"],
        "version": dataset["version"],
        "rows": len(entries),
        "formats": formats,
        "fields": fields,
        **result,
    }


@tool(ExportDatasetInput, tags=("qa",))
def export_dataset(args: ExportDatasetInput, ctx: ToolContext) -> dict[str, Any]:
    """Export a QA dataset version to jsonl, parquet or csv, optionally split by source chunk.

    Splits (train/validation/test) never put one chunk's entries in two splits. Several
    files are also bundled into one zip. `output_path` writes one file the person names instead
    (its suffix gives the format; with splits '<stem>_<split><suffix>' beside it, no zip),
    inside the workspace; a file there that export_dataset did not write itself is replaced
    only with overwrite=true. `fields` keeps only those fields, in that order. Returns files
    with row counts, path (the file, or the zip), split counts, the zip path and the
    artifacts list (paths relative to the workspace).
    """
    result = export_version(args)
    ctx.progress(f"exported {result['rows']} entries", 1.0)
    qa_store.update_dataset_meta(
        args.dataset_id, last_export={"version": result["version"], "files": result["files"]}
    )
    return result


generate_qa = workflow(
    "generate_qa",
    GenerateQAInput,
    """Generate a QA dataset from a project's chunks: write, judge, regenerate weak entries.

Modes: qa, question, answer, summarization, instruction; `datasets_per_chunk` entries per
chunk, or `max_pairs` entries in all (from chunks spread over the documents, the best kept). The built-in writer (offline) extracts definitions, facts with numbers or names, and
cause/effect pairs from the chunk's own sentences; an LLM writer (model) is used when
configured. Every entry is judged (quality_score 0..1 with reasons, difficulty, category);
entries under quality_threshold are regenerated with the reasons fed back, up to
max_attempts rounds; near-duplicates are removed and entries still under the threshold are
dropped. Returns dataset_id, counts (generated, regenerated, dropped, kept), the quality
summary before and after, target, target_met, attempts, best_attempt and history.""",
)

score_qa = workflow(
    "score_qa",
    ScoreQAInput,
    """Judge every entry of a QA dataset and save the scores as a new version.

Each entry gets quality_score 0..1 with reasons (grounding in its chunk, well-formed and
answerable question, not trivial, no near-duplicate), difficulty and category (from the
taxonomy when given). Returns the quality summary and how many pass quality_threshold.""",
)
