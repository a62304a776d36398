"""Compatible labeling API: POST /api/labeling/create-labels and /api/labeling/run-pipeline."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from pydantic import BaseModel, Field

from api.common import JobPool, json_safe, until_disconnect
from errors import ForgeflowError, NotFound
from graphs.workflows import call_tool
from store.db import session, utcnow
from store.labeling_jobs import LabelingJobRow
from store.workspace import resolve_path
from tools.base import ToolContext
from tools.labeling.create import create_labels as make_labels

log = logging.getLogger("forgeflow.api.labeling")
router = APIRouter(prefix="/api/labeling", tags=["labeling"])
FLAT_ERRORS_PREFIXES = ("/api/labeling",)


_jobs = JobPool("labeling-job", 2)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Jobs left running by a previous process can never finish: mark them failed."""
    with session() as s:
        for row in s.query(LabelingJobRow).filter(
            LabelingJobRow.status.in_(["pending", "running"])
        ):
            row.status, row.error, row.finished_at = "failed", "server restarted", utcnow()
    yield
    _jobs.shutdown()


class CreateLabelsRequest(BaseModel):
    """Body of POST /api/labeling/create-labels."""

    data_path: str
    output_path: str
    labeling_functions: list[dict[str, Any]] = Field(min_length=1)
    classes: list[str] | None = Field(
        default=None, description="Class names; LF return value i means classes[i]."
    )
    id_column: str = "id"
    label_column: str | None = Field(
        default=None, description="The data's column of hand labels (its values are the classes)."
    )
    timeout_s: float = Field(default=10.0, gt=0, le=300)


class RunPipelineRequest(BaseModel):
    """Body of POST /api/labeling/run-pipeline."""

    user_goal: str = ""
    raw_data_path: str
    hand_labeled_examples_path: str | None = None
    target_auc_score: float = Field(default=0.9, ge=0, le=1)
    max_attempts: int = Field(default=3, ge=1, le=20)
    id_column: str | None = None
    label_column: str | None = None
    text_column: str | None = None
    classes: list[str] | None = None


@router.post("/create-labels")
async def create_labels(body: CreateLabelsRequest, request: Request) -> dict[str, Any]:
    """Apply labeling functions (code runs in the sandbox) and write the labeled table.

    The output has the data's columns, one column per LF (-1 = abstain), `label` (majority
    vote, -1 where no LF voted) and `label_name` when classes are named. Classes come from
    `classes`, else the hand labels in `label_column`, else the declarative LFs' labels, else
    0/1; an LF vote outside them is that LF's error. Stops if the client disconnects.
    """
    return await until_disconnect(
        request,
        lambda cancel: make_labels(
            **body.model_dump(), ctx=ToolContext(cancel_event=cancel, tool="create-labels")
        ),
    )


def _run_job(job_id: str, body: RunPipelineRequest) -> None:
    def emit(event: dict[str, Any]) -> None:
        with session() as s:
            row = s.get(LabelingJobRow, job_id)
            if row is not None:
                row.progress = str(event.get("message", ""))[:500]

    with session() as s:
        row = s.get(LabelingJobRow, job_id)
        if row is not None:
            row.status = "running"
    args: dict[str, Any] = {
        "dataset": body.raw_data_path,
        "goal": body.user_goal,
        "target_metric": "auc",
        "target_value": body.target_auc_score,
        "max_attempts": body.max_attempts,
    }
    for key, value in (
        ("id_column", body.id_column),
        ("gold", body.hand_labeled_examples_path),
        ("label_column", body.label_column),
        ("text_column", body.text_column),
        ("classes", body.classes),
    ):
        if value is not None:
            args[key] = value
    try:
        result = call_tool("label_dataset", args, ToolContext(emit=emit))
        status, error = "completed", None
    except ForgeflowError as exc:
        result, status, error = (
            None,
            "failed",
            f"{exc.message} ({exc.hint})" if exc.hint else exc.message,
        )
    except Exception:  # a bug: logged with its traceback, reported without it
        log.exception("labeling job %s failed", job_id)
        result, status, error = None, "failed", "internal error (logged on the server)"
    with session() as s:
        row = s.get(LabelingJobRow, job_id)
        if row is not None:
            row.status, row.error, row.finished_at = status, error, utcnow()
            row.result = json_safe(json.loads(json.dumps(result, default=str))) if result else None


@router.post("/run-pipeline", status_code=202)
def run_pipeline(body: RunPipelineRequest) -> dict[str, Any]:
    """Start the labeling loop in the background; poll GET /api/labeling/jobs/{job_id}."""
    resolve_path(body.raw_data_path, must_exist=True)
    if body.hand_labeled_examples_path:
        resolve_path(body.hand_labeled_examples_path, must_exist=True)
    job_id = f"lbl_{uuid.uuid4().hex[:20]}"
    with session() as s:
        s.add(LabelingJobRow(id=job_id, status="pending", request=body.model_dump()))
    _jobs.submit(_run_job, job_id, body)
    return {
        "status": "pending",
        "job_id": job_id,
        "status_url": f"/api/labeling/jobs/{job_id}",
    }


@router.get("/jobs/{job_id}")
def job_status(job_id: str) -> dict[str, Any]:
    """A run-pipeline job: status (pending, running, completed, failed), progress, result."""
    with session() as s:
        row = s.get(LabelingJobRow, job_id)
        if row is None:
            raise NotFound(
                f"labeling job {job_id!r} not found", hint="use the job_id run-pipeline returned"
            )
        return {
            "job_id": row.id,
            "status": row.status,
            "progress": row.progress,
            "result": row.result,
            "error": row.error,
            "created_at": row.created_at.isoformat() if row.created_at else None,
            "finished_at": row.finished_at.isoformat() if row.finished_at else None,
        }
