"""QA datasets over HTTP: /api/v1/projects (documents, chunks) and /api/v1/datasets (jobs, entries)."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from api.common import RowId, job_progress_eta, json_safe, run_tool_now
from errors import BadInput, NotFound
from graphs.runner import get_manager
from store import qa as qa_store
from store import runs as run_store
from store.db import utcnow
from store.workspace import resolve_path

log = logging.getLogger("forgeflow.qa")
router = APIRouter(tags=["qa datasets"])

MODE_ALIASES = {"default": "qa", "qa_pairs": "qa"}
DIFFICULTY_ORDER = {"basic": 0, "intermediate": 1, "advanced": 2}


def _submit(kind: str, request: dict[str, Any], *, prefix: str = "") -> str:
    """Start a job as a run whose alias is the job id this API shows."""
    job_id = f"{prefix}{uuid.uuid4()}"
    get_manager().submit_job(kind, request, source="qa", alias=job_id)
    return job_id


# --------------------------------------------------------------------------- projects


class ProjectCreate(BaseModel):
    """A new project."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    description: str = ""
    taxonomies: dict[str, Any] = Field(
        default_factory=dict, description="{name: [categories] or {category: [keywords]}}."
    )


class ChunkRequest(BaseModel):
    """How to chunk a project's documents."""

    model_config = ConfigDict(extra="forbid")

    strategy: Literal["paragraph", "markdown", "fixed"] = "paragraph"
    chunk_size: int = Field(default=1500, ge=20, le=100_000)
    chunk_overlap: int = Field(default=0, ge=0)
    unit: Literal["chars", "tokens"] = "chars"
    min_chars: int = Field(default=100, ge=1)


class TaxonomyBody(BaseModel):
    """A taxonomy: category names, or {category: [keywords]}."""

    model_config = ConfigDict(extra="forbid")

    categories: list[Any] | dict[str, Any]


@router.post("/api/v1/projects")
def create_project(body: ProjectCreate) -> dict[str, Any]:
    """Create a project to hold documents."""
    return qa_store.create_project(body.name, body.description, body.taxonomies)


@router.get("/api/v1/projects")
def list_projects() -> dict[str, Any]:
    """Every project with its document and chunk counts."""
    projects = qa_store.list_projects()
    return {"projects": projects, "total": len(projects)}


@router.get("/api/v1/projects/{project_id}")
def get_project(project_id: RowId) -> dict[str, Any]:
    """One project."""
    return qa_store.get_project(project_id)


@router.post("/api/v1/projects/{project_id}/documents")
async def upload_documents(project_id: RowId, request: Request) -> dict[str, Any]:
    """Add documents: multipart files (`files`/`file`), or workspace `paths` (form or JSON).

    Each file is parsed on its own: a bad or empty one is reported in `results` with its
    error and the others proceed. 400 only when no file could be parsed.
    """
    from starlette.concurrency import run_in_threadpool

    from tools.qa.tools import ingest_paths, ingest_upload

    qa_store.get_project(project_id)
    content_type = request.headers.get("content-type", "")
    uploads: list[tuple[str, bytes]] = []
    paths: list[str] = []
    text_column: str | None = None
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        for key in ("files", "file"):
            for item in form.getlist(key):
                if isinstance(item, str):
                    continue
                uploads.append((Path(item.filename or "upload").name, await item.read()))
        for raw in form.getlist("paths"):
            if isinstance(raw, str) and raw.strip():
                paths.extend(_path_list(raw))
        column = form.get("text_column")
        text_column = column if isinstance(column, str) and column else None
    elif content_type.startswith("application/json"):
        try:
            parsed = DocumentPaths.model_validate_json(await request.body())
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False)) from None
        paths, text_column = parsed.paths, parsed.text_column or None
    else:
        raise BadInput(
            "send multipart/form-data with files, or JSON with paths",
            hint='curl -F files=@doc.pdf .../documents, or -d \'{"paths": ["docs/a.md"]}\'',
        )
    if not uploads and not paths:
        raise BadInput(
            "no files and no paths given", hint="attach files as 'files' or name workspace paths"
        )
    results = [
        await run_in_threadpool(ingest_upload, project_id, name, data, text_column=text_column)
        for name, data in uploads
    ]
    if paths:
        results += await run_in_threadpool(ingest_paths, project_id, paths, text_column=text_column)
    documents = [d for r in results for d in r.get("documents", [])]
    failed = [r for r in results if r["status"] == "failed"]
    if not documents:
        raise BadInput(
            f"none of the {len(results)} files could be parsed: "
            + "; ".join(r["error"] for r in failed),
            hint=failed[0].get("hint") or "upload .txt, .md, .html, .pdf, .jsonl or .csv files",
            details={"results": results},
        )
    return {
        "project_id": project_id,
        "uploaded": len(results) - len(failed),
        "failed": len(failed),
        "documents": documents,
        "results": results,
    }


class DocumentPaths(BaseModel):
    """JSON body of POST /api/v1/projects/{project_id}/documents (files go as multipart)."""

    model_config = ConfigDict(extra="forbid")

    paths: list[str] = Field(min_length=1, description="Workspace paths of the documents.")
    text_column: str | None = Field(default=None, description="Text column of csv/jsonl files.")


def _path_list(raw: str) -> list[str]:
    text = raw.strip()
    if text.startswith("["):
        try:
            return TypeAdapter(list[str]).validate_json(text)
        except ValidationError:
            raise BadInput(
                "paths is not a JSON list of strings", hint='use ["docs/a.md"]'
            ) from None
    return [text]


@router.get("/api/v1/projects/{project_id}/documents")
def list_documents(project_id: RowId) -> dict[str, Any]:
    """A project's documents (without their text)."""
    docs = qa_store.list_documents(project_id)
    return {"documents": docs, "total": len(docs)}


@router.post("/api/v1/projects/{project_id}/chunks")
def chunk_project(project_id: RowId, body: ChunkRequest | None = None) -> dict[str, Any]:
    """Chunk the project's documents (a new chunk set; earlier sets stay readable)."""
    args = {"project_id": project_id, **(body or ChunkRequest()).model_dump()}
    _, output = run_tool_now("chunk_documents", args, source="qa")
    return json_safe(output)


@router.get("/api/v1/projects/{project_id}/chunks")
def list_chunks(
    project_id: RowId,
    chunk_set_id: str | None = None,
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    """Chunks of the project's latest chunk set (or the one named), paginated."""
    qa_store.get_project(project_id)
    set_id = chunk_set_id or qa_store.current_chunk_set(project_id)
    if set_id is None:
        raise NotFound(
            f"project {project_id} has no chunks yet",
            hint=f"POST /api/v1/projects/{project_id}/chunks",
        )
    chunks = [c for c in qa_store.list_chunks(set_id) if c["project_id"] == project_id]
    start = (page - 1) * per_page
    return {
        "chunk_set_id": set_id,
        "chunks": chunks[start : start + per_page],
        "total": len(chunks),
        "page": page,
        "per_page": per_page,
    }


@router.put("/api/v1/projects/{project_id}/taxonomies/{name}")
def put_taxonomy(project_id: RowId, name: str, body: TaxonomyBody) -> dict[str, Any]:
    """Save a named taxonomy on the project (use it with taxonomy_name)."""
    return qa_store.set_taxonomy(project_id, name, body.categories)


# --------------------------------------------------------------------------- generation


class DatasetGenerateRequest(BaseModel):
    """Fields of the datasets API's POST /generate (plus forgeflow's chunking/model extras)."""

    model_config = ConfigDict(extra="ignore")

    project_id: RowId
    prompt_name: str = "qa_pairs"
    custom_prompt: str | None = None
    generation_mode: Literal[
        "default", "qa", "question", "answer", "summarization", "instruction"
    ] = "default"
    format_type: Literal["jsonl", "parquet", "csv"] = "jsonl"
    concurrency: int = Field(default=1, ge=1, le=64)
    include_evaluation_sets: bool = False
    taxonomy_project: RowId | None = None
    taxonomy_name: str | None = None
    output_dir: str | None = None
    analyze_quality: bool = True
    quality_threshold: float = Field(default=0.7, ge=0.0, le=1.0)
    enable_versioning: bool = False
    dataset_name: str | None = None
    run_benchmarks: bool = False
    benchmark_suite: str | None = None
    parsing_model: str | None = None
    chunking_model: str | None = None
    classification_model: str | None = None
    datasets_per_chunk: int = Field(default=3, ge=1, le=20)
    # forgeflow extras
    model: str | None = Field(default=None, description="builtin | openai:<m> | gemini:<m>")
    max_attempts: int = Field(default=3, ge=1, le=10)
    max_llm_calls: int = Field(default=2000, ge=1)
    max_chunks: int | None = Field(default=None, ge=1)
    max_pairs: int | None = Field(default=None, ge=1, le=100_000)
    chunk_strategy: Literal["paragraph", "markdown", "fixed"] | None = None
    chunk_size: int | None = Field(default=None, ge=20, le=100_000)
    chunk_overlap: int | None = Field(default=None, ge=0)
    rechunk: bool = False
    taxonomy: list[Any] | dict[str, Any] | None = None


def _pipeline_request(body: DatasetGenerateRequest) -> dict[str, Any]:
    qa_store.get_project(body.project_id)
    if body.output_dir:
        resolve_path(body.output_dir, for_write=True)  # refused (403) outside the workspace
    model = body.model
    if model is None and body.classification_model and ":" in body.classification_model:
        model = body.classification_model  # a provider:model spec; bare names use the default
    taxonomy = body.taxonomy
    if taxonomy is None and body.taxonomy_name:
        taxonomy = qa_store.get_taxonomy(
            body.taxonomy_project or body.project_id, body.taxonomy_name
        )
    notes = []
    if body.run_benchmarks:
        notes.append(
            "run_benchmarks is not run here: evaluate a model on the export with the "
            "train_model/evaluate_model tools"
        )
    for name in ("parsing_model", "chunking_model"):
        if getattr(body, name):
            notes.append(f"{name} is not used: parsing and chunking are deterministic here")
    if body.classification_model and ":" not in body.classification_model:
        notes.append(
            f"classification_model {body.classification_model!r} is not a provider:model spec; "
            "the server's FORGEFLOW_LLM was used"
        )
    request = body.model_dump()
    request["notes"] = notes
    request.update(
        generation_mode=MODE_ALIASES.get(body.generation_mode, body.generation_mode),
        model=model,
        taxonomy=taxonomy,
        taxonomy_name=None,
    )
    return request


def _start_generation(body: DatasetGenerateRequest, kind: str, message: str) -> dict[str, Any]:
    job_id = _submit("qa_generate", {**_pipeline_request(body), "api_kind": kind})
    return {"job_id": job_id, "message": message}


@router.post("/api/v1/datasets/generate")
def generate(body: DatasetGenerateRequest) -> dict[str, Any]:
    """Start a background run: chunk (when needed), generate, judge, regenerate, export."""
    return _start_generation(body, "generate", "Dataset generation started")


@router.post("/api/v1/datasets/generate-evaluation")
def generate_evaluation(body: DatasetGenerateRequest) -> dict[str, Any]:
    """Like /generate, with train/validation/test splits by source chunk."""
    body = body.model_copy(update={"include_evaluation_sets": True})
    return _start_generation(body, "generate-evaluation", "Evaluation dataset generation started")


@router.get("/api/v1/datasets/generate/{job_id}/status")
def job_status(job_id: str) -> dict[str, Any]:
    """A job's status, progress 0-100, current step, estimated completion, result, error."""
    run = run_store.find_run(job_id)
    if run is None or run["source"] != "qa":
        raise NotFound(
            f"job {job_id!r} not found",
            hint="job ids are returned by POST /api/v1/datasets/generate and /regenerate",
        )
    error = run.get("error")
    if error:
        message = error.get("message", "")
        error = message + (f" (hint: {error['hint']})" if error.get("hint") else "")
    result = run.get("result") or {}
    return {
        "job_id": run["alias"] or run["run_id"],
        "run_id": run["run_id"],
        "status": run["status"],
        "progress": run["progress"],
        "current_step": run["current_step"] or run["status"],
        "estimated_completion": job_progress_eta(run),
        "result": json_safe(result.get("output", result or None)),
        "error": error,
    }


# --------------------------------------------------------------------------- config


HIGH_LEVEL = {
    "audience_defaults": ["students", "researchers", "practitioners", "general public"],
    "purpose_defaults": ["fine-tuning", "evaluation", "education", "retrieval testing"],
    "complexity_options": ["beginner", "intermediate", "advanced", "expert"],
    "domain_defaults": ["general", "software", "science", "medicine", "law", "finance"],
    "question_style_options": ["factual", "analytical", "case_based"],
    "answer_style_options": ["concise", "comprehensive", "step_by_step"],
}


@router.get("/api/v1/datasets/config/high-level-prompts")
def high_level_prompts() -> dict[str, Any]:
    """Default options for the high-level parameters."""
    return HIGH_LEVEL


@router.get("/api/v1/datasets/config/default-prompts")
def default_prompts() -> dict[str, Any]:
    """The LLM writer's prompt for each generation mode ({chunk} marks where the chunk goes)."""
    from agents.llm import load_prompt

    names = {
        "question and answer": "qa",
        "question": "question",
        "answer": "answer",
        "summarization": "summarization",
        "instruction following": "instruction",
    }
    prompts = {
        label: load_prompt(
            "qa_generate",
            mode=mode,
            n=3,
            chunk="{chunk}",
            heading="",
            params={},
            feedback=[],
            avoid=[],
        )
        for label, mode in names.items()
    }
    return {"prompts": prompts, "system": load_prompt("qa_system")}


class ParametersBody(BaseModel):
    """High-level generation parameters of a project (fields of the datasets API)."""

    model_config = ConfigDict(extra="ignore")

    project_id: RowId
    purpose: str | None = None
    audience: str | None = None
    extraction_rules: str = "default"
    dataset_format: str = "jsonl"
    question_style: str = "factual"
    answer_style: str = "comprehensive"
    negativity_ratio: float = Field(default=0.1, ge=0.0, le=1.0)
    data_augmentation: str = "none"
    custom_audience: str | None = None
    custom_purpose: str | None = None
    complexity_level: str = "intermediate"
    domain: str = "general"
    custom_prompt: str | None = None


@router.post("/api/v1/datasets/parameters")
def save_parameters(body: ParametersBody) -> dict[str, Any]:
    """Save the project's parameters; later generations use them unless a request overrides."""
    values = body.model_dump(exclude={"project_id"})
    # the custom_* fields refine the chosen purpose/audience
    if body.custom_purpose:
        values["purpose"] = body.custom_purpose
    if body.custom_audience:
        values["audience"] = body.custom_audience
    saved = qa_store.save_parameters(body.project_id, values)
    return {
        "message": "Dataset parameters saved successfully",
        "parameter_id": saved["id"],
        "project_id": body.project_id,
    }


@router.get("/api/v1/datasets/parameters/{project_id}")
def get_parameters(project_id: RowId) -> dict[str, Any]:
    """The latest parameters saved for a project (`parameters` is null when none)."""
    qa_store.get_project(project_id)
    return {"parameters": qa_store.latest_parameters(project_id)}


# --------------------------------------------------------------------------- datasets


def _summary(entries: list[dict[str, Any]]) -> dict[str, Any]:
    from agents.qa_judge import quality_summary

    return quality_summary(entries)


@router.get("/api/v1/datasets")
def list_datasets(project_id: RowId | None = None) -> dict[str, Any]:
    """QA datasets, newest first."""
    items = qa_store.list_datasets(project_id)
    return {"datasets": items, "total": len(items)}


@router.get("/api/v1/datasets/{dataset_id}")
def get_dataset(
    dataset_id: str, version: Annotated[RowId | None, Query()] = None
) -> dict[str, Any]:
    """A dataset version (latest by default): entries, totals and the quality summary."""
    ds = qa_store.get_dataset(dataset_id, version)
    return {
        "id": ds["id"],
        "name": ds["name"],
        "project_id": ds["project_id"],
        "entries": ds["entries"],
        "total_entries": len(ds["entries"]),
        "created_at": ds["created_at"],
        "format_type": ds["format_type"],
        "version": ds["version"],
        "latest_version": ds["latest_version"],
        "versions": ds["versions"],
        "quality_summary": _summary(ds["entries"]),
        "generation": {k: v for k, v in ds["version_meta"].items() if k != "failures"},
        "feedback": qa_store.list_feedback(dataset_id),
    }


@router.get("/api/v1/datasets/{dataset_id}/entries")
def list_entries(
    dataset_id: str,
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=500)] = 50,
    filter_quality: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    sort_by: Literal["quality", "category", "difficulty"] = "quality",
    version: Annotated[RowId | None, Query()] = None,
) -> dict[str, Any]:
    """Entries, filtered by minimum quality and sorted, one page at a time."""
    ds = qa_store.get_dataset(dataset_id, version)
    entries = ds["entries"]
    if filter_quality is not None:
        entries = [e for e in entries if (e.get("quality_score") or 0.0) >= filter_quality]
    if sort_by == "quality":
        entries = sorted(entries, key=lambda e: -(e.get("quality_score") or 0.0))
    elif sort_by == "category":
        entries = sorted(entries, key=lambda e: (e.get("category") or "").lower())
    else:
        entries = sorted(entries, key=lambda e: DIFFICULTY_ORDER.get(e.get("difficulty"), 9))
    start = (page - 1) * per_page
    summary = _summary(entries)
    return {
        "entries": entries[start : start + per_page],
        "total": len(entries),
        "page": page,
        "per_page": per_page,
        "version": ds["version"],
        "quality_summary": {k: summary[k] for k in ("average_score", "distribution")},
    }


class EntryUpdate(BaseModel):
    """Fields a client may change on an entry."""

    model_config = ConfigDict(extra="forbid")

    question: str | None = Field(default=None, min_length=1)
    answer: str | None = None
    category: str | None = Field(default=None, max_length=200)
    difficulty: Literal["basic", "intermediate", "advanced"] | None = None
    feedback: str | None = None


def _entry_index(entries: list[dict[str, Any]], dataset_id: str, entry_ids: list[str]) -> dict:
    index = {e["id"]: i for i, e in enumerate(entries)}
    unknown = [i for i in entry_ids if i not in index]
    if unknown:
        raise NotFound(
            f"entries not found in dataset {dataset_id}: {', '.join(unknown[:10])}",
            hint=f"GET /api/v1/datasets/{dataset_id}/entries lists the entry ids",
        )
    return index


@router.put("/api/v1/datasets/{dataset_id}/entries/{entry_id}")
def update_entry(dataset_id: str, entry_id: str, body: EntryUpdate) -> dict[str, Any]:
    """Edit an entry: a new version with the entry changed and re-judged."""
    from agents.qa_judge import apply_verdict, judge_entry, mark_duplicates

    ds = qa_store.get_dataset(dataset_id)
    entries = list(ds["entries"])
    i = _entry_index(entries, dataset_id, [entry_id])[entry_id]
    changes = body.model_dump(exclude_none=True, exclude={"feedback"})
    if not changes and body.feedback is None:
        raise BadInput("nothing to update", hint="send question, answer, category or feedback")
    entry = {**entries[i], **changes}
    meta = dict(entry.get("metadata") or {})
    if {"question", "answer"} & changes.keys():
        chunk = qa_store.get_chunks([entry.get("source_chunk")]).get(entry.get("source_chunk"))
        judged = apply_verdict(entry, judge_entry(entry, chunk), "builtin")
        entry = {**judged, **{k: v for k, v in changes.items() if k in ("category", "difficulty")}}
        meta = dict(entry["metadata"])
    meta["edited"] = True
    entry["metadata"] = meta
    if body.feedback:
        entry["feedback"] = [
            *(entry.get("feedback") or []),
            {
                "feedback_type": "edit",
                "comments": body.feedback,
                "rating": None,
                "created_at": utcnow().isoformat(),
            },
        ]
    entries[i] = entry
    entries = mark_duplicates(entries)
    version = qa_store.add_version(
        dataset_id,
        entries,
        reason="edit",
        note=f"edited {entry_id}",
        meta={"entry_ids": [entry_id], "changes": sorted(changes)},
    )
    return {
        "message": f"Entry {entry_id} updated successfully",
        "version": version,
        "entry": entries[i],
    }


class FeedbackBody(BaseModel):
    """Feedback on several entries."""

    model_config = ConfigDict(extra="forbid")

    entry_ids: list[str] = Field(min_length=1)
    feedback_type: str = Field(default="bulk_edit", max_length=64)
    comments: str = ""
    rating: int | None = Field(default=None, ge=1, le=5)


@router.post("/api/v1/datasets/{dataset_id}/feedback")
def submit_feedback(dataset_id: str, body: FeedbackBody) -> dict[str, Any]:
    """Record feedback; it is stored and shown on the entries of a new version."""
    ds = qa_store.get_dataset(dataset_id)
    entries = list(ds["entries"])
    index = _entry_index(entries, dataset_id, body.entry_ids)
    note = {
        "feedback_type": body.feedback_type,
        "comments": body.comments,
        "rating": body.rating,
        "created_at": utcnow().isoformat(),
    }
    for eid in dict.fromkeys(body.entry_ids):
        e = entries[index[eid]]
        feedback = [*(e.get("feedback") or []), note]
        ratings = [f["rating"] for f in feedback if f.get("rating")]
        entries[index[eid]] = {
            **e,
            "feedback": feedback,
            "rating": round(sum(ratings) / len(ratings), 2) if ratings else None,
        }
    version = qa_store.add_version(
        dataset_id,
        entries,
        reason="feedback",
        note=f"feedback on {len(index)} entries",
        meta={"entry_ids": body.entry_ids, **note},
    )
    stored = qa_store.add_feedback(
        dataset_id, version, body.entry_ids, body.feedback_type, body.comments, body.rating
    )
    return {
        "message": f"Feedback submitted for {len(set(body.entry_ids))} entries",
        "version": version,
        "feedback_id": stored["id"],
    }


class RegenerateBody(BaseModel):
    """Entries to rewrite and how."""

    model_config = ConfigDict(extra="forbid")

    entry_ids: list[str] = Field(min_length=1)
    regeneration_config: dict[str, Any] = Field(default_factory=dict)


@router.post("/api/v1/datasets/{dataset_id}/regenerate")
def regenerate(dataset_id: str, body: RegenerateBody) -> dict[str, Any]:
    """Start a background job rewriting the entries (their reasons and feedback fed back)."""
    ds = qa_store.get_dataset(dataset_id)
    _entry_index(ds["entries"], dataset_id, body.entry_ids)
    job_id = _submit(
        "qa_regenerate", {"dataset_id": dataset_id, **body.model_dump()}, prefix="regenerate_"
    )
    return {
        "job_id": job_id,
        "message": f"Regeneration started for {len(set(body.entry_ids))} entries",
    }


@router.get("/api/v1/datasets/{dataset_id}/download")
def download(
    dataset_id: str,
    format: Literal["jsonl", "parquet", "csv"] | None = None,  # noqa: A002 - API field name
    version: Annotated[RowId | None, Query()] = None,
    include_splits: bool = False,
    min_quality: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    exclude_rejected: bool = False,
) -> FileResponse:
    """The dataset as one file, or a zip when it is several (splits)."""
    from tools.qa.tools import ExportDatasetInput, export_version

    ds = qa_store.get_dataset(dataset_id, version)
    result = export_version(
        ExportDatasetInput(
            dataset_id=dataset_id,
            version=ds["version"],
            format=format or ds["format_type"],
            splits=include_splits,
            min_quality=min_quality,
            exclude_rejected=exclude_rejected,
            output_dir=f"qa/downloads/{dataset_id}/v{ds['version']}",
        )
    )
    if result["zip"]:
        path = resolve_path(result["zip"])
        return FileResponse(path, media_type="application/zip", filename=path.name)
    path = resolve_path(result["files"][0]["path"])
    media = {
        ".jsonl": "application/x-ndjson",
        ".csv": "text/csv",
        ".parquet": "application/vnd.apache.parquet",
    }[path.suffix]
    return FileResponse(path, media_type=media, filename=path.name)
