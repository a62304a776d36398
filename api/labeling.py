"""Compatible labeling API: POST /api/labeling/create-labels and /api/labeling/run-pipeline.

A thin adapter: both are runs (GET /runs/{id}, events, cancel); a run-pipeline job id
(`lbl_…`) is the run's alias, and its status is the run shown in this API's shape.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from api.common import json_safe, request_credentials, run_tool_until_disconnect
from errors import NotFound
from graphs.runner import get_manager
from store import runs as run_store
from store.workspace import resolve_path

router = APIRouter(prefix="/api/labeling", tags=["labeling"])
FLAT_ERRORS_PREFIXES = ("/api/labeling",)


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
    overwrite: bool = Field(
        default=False, description="Replace a file at output_path that vote_labels did not write."
    )


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
    run, output = await run_tool_until_disconnect(
        request,
        "vote_labels",
        body.model_dump(exclude_none=True),
        source="labeling",
        credentials=request_credentials(request),
    )
    return {**output, "run_id": run["run_id"]}


@router.post("/run-pipeline", status_code=202)
def run_pipeline(body: RunPipelineRequest, request: Request) -> dict[str, Any]:
    """Start the labeling loop in the background; poll GET /api/labeling/jobs/{job_id}."""
    resolve_path(body.raw_data_path, must_exist=True)
    if body.hand_labeled_examples_path:
        resolve_path(body.hand_labeled_examples_path, must_exist=True)
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
    job_id = f"lbl_{uuid.uuid4().hex[:20]}"
    run = get_manager().submit_tool(
        "label_dataset",
        args,
        source="labeling",
        alias=job_id,
        credentials=request_credentials(request),
    )
    return {
        "status": "pending",
        "job_id": job_id,
        "run_id": run["run_id"],
        "status_url": f"/api/labeling/jobs/{job_id}",
    }


@router.get("/jobs/{job_id}")
def job_status(job_id: str) -> dict[str, Any]:
    """A run-pipeline job: status (pending, running, completed, failed, cancelled), progress."""
    run = run_store.find_run(job_id)
    if run is None or run["source"] != "labeling":
        raise NotFound(
            f"labeling job {job_id!r} not found", hint="use the job_id run-pipeline returned"
        )
    error = run.get("error")
    if error:
        message = error.get("message", "")
        error = f"{message} ({error['hint']})" if error.get("hint") else message
    return {
        "job_id": run["alias"] or run["run_id"],
        "run_id": run["run_id"],
        "status": run["status"],
        "progress": run["current_step"],
        "progress_pct": run["progress"],
        "result": json_safe((run.get("result") or {}).get("output", run.get("result"))),
        "error": error,
        "created_at": run["created_at"],
        "finished_at": run["finished_at"],
    }
