"""The labeling platform's training, generation, cleaning and file API, over forgeflow's tools."""

from __future__ import annotations

import json
import logging
import uuid
from datetime import UTC, datetime
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse
from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from api.common import json_safe, request_credentials, run_error, run_tool_now
from errors import BadInput, NotFound
from graphs.runner import get_manager
from store import runs as run_store
from store.workspace import relative_to_workspace, resolve_path, workspace_root

log = logging.getLogger("forgeflow.training")
router = APIRouter(tags=["training (compatible API)"])

# The labeling platform answers errors as {"error": "..."}.
FLAT_ERRORS_PREFIXES = (
    "/api/training/",
    "/api/generation/",
    "/api/cleaning/",
    "/api/files/",
    "/api/dataset/",
)


def _data_alias(*names: str) -> Any:
    return AliasChoices(*names)


class TrainingRequest(BaseModel):
    """Fields of create-config / train-model (platform names and forgeflow names both work)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    labeled_data_path: str | None = Field(
        default=None, validation_alias=_data_alias("labeled_data_path", "data_path", "dataset")
    )
    config_path: str | None = Field(default=None, description="A config from create-config.")
    label_column: str | None = None
    text_column: str | None = None
    text_columns: list[str] | None = None
    numeric_columns: list[str] | None = None
    categorical_columns: list[str] | None = None
    exclude_columns: list[str] | None = Field(
        default=None, description="Columns never used as features."
    )
    soft_labels: bool | None = Field(
        default=None, description="Default: true when the data has prob_<class> columns."
    )
    model_type: str | None = Field(
        default=None, validation_alias=_data_alias("model_type", "model")
    )
    task: Literal["auto", "classification", "regression"] | None = Field(
        default=None, description="auto (default): regression for a numeric label with many values."
    )
    holdout_test_path: str | None = Field(
        default=None, validation_alias=_data_alias("holdout_test_path", "test_dataset")
    )
    target_metric: str | None = None
    target_value: float | None = None
    max_attempts: int | None = None
    epochs: int | None = None
    learning_rate: float | None = None
    hidden_size: int | None = None
    weight_decay: float | None = None
    batch_size: int | None = None
    seed: int | None = None
    name: str | None = None
    overwrite: bool | None = Field(
        default=None,
        description="Replace the folder models/<name> when train_model did not write it (a "
        "model save_model saved, or your own folder): a 409 otherwise.",
    )
    background: bool = False


def _has_prob_columns(path: str) -> bool:
    from tools.tabular import load_table

    frame, _ = load_table(path, nrows=5)
    return sum(str(c).startswith("prob_") for c in frame.columns) >= 2


def _train_args(body: TrainingRequest) -> dict[str, Any]:
    """The train_model arguments for a request (a stored config, overridden by body fields)."""
    args: dict[str, Any] = {}
    if body.config_path:
        path = resolve_path(body.config_path, must_exist=True)
        try:
            stored = json.loads(path.read_text())
        except ValueError as exc:
            raise BadInput(f"config is not valid JSON: {exc}", hint="use create-config") from None
        args.update(stored.get("args", stored) if isinstance(stored, dict) else {})
    mapping = {
        "labeled_data_path": "dataset",
        "label_column": "label_column",
        "text_columns": "text_columns",
        "numeric_columns": "numeric_columns",
        "categorical_columns": "categorical_columns",
        "exclude_columns": "exclude_columns",
        "soft_labels": "soft_labels",
        "model_type": "model",
        "task": "task",
        "holdout_test_path": "test_dataset",
        "target_metric": "target_metric",
        "target_value": "target_value",
        "max_attempts": "max_attempts",
        "epochs": "epochs",
        "learning_rate": "learning_rate",
        "hidden_size": "hidden_size",
        "weight_decay": "weight_decay",
        "batch_size": "batch_size",
        "seed": "seed",
        "name": "name",
        "overwrite": "overwrite",
    }
    for field, arg in mapping.items():
        value = getattr(body, field)
        if value is not None:
            args[arg] = value
    if body.text_column and "text_columns" not in args:
        args["text_columns"] = [body.text_column]
    if "dataset" not in args:
        raise BadInput(
            "labeled_data_path is required",
            hint="give labeled_data_path (a file in the workspace) or a config_path",
        )
    if "soft_labels" not in args:
        args["soft_labels"] = _has_prob_columns(args["dataset"])
    from tools.registry import get_tool

    get_tool("train_model").validate(args)  # refuse bad configs before anything runs
    return args


def _train(kind: str, args: dict[str, Any], body: TrainingRequest, request: Request) -> dict:
    credentials = request_credentials(request)
    if body.background:
        job_id = f"job_{uuid.uuid4().hex[:20]}"
        run = get_manager().submit_tool(
            "train_model",
            args,
            source="training",
            alias=job_id,
            credentials=credentials,
            extra={"api_kind": kind},
        )
        return {"status": "pending", "job_id": job_id, "run_id": run["run_id"]}
    run, output = run_tool_now("train_model", args, source="training", credentials=credentials)
    return {"status": "completed", "run_id": run["run_id"], **json_safe(output)}


@router.post("/api/training/create-config")
def create_config(body: TrainingRequest) -> dict[str, Any]:
    """Validate a training configuration and save it in the workspace for train-model."""
    args = _train_args(body)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    path = resolve_path(f"configs/training-{stamp}.json", for_write=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"tool": "train_model", "args": args}, indent=2))
    return {"status": "created", "config_path": relative_to_workspace(path), "config": args}


@router.post("/api/training/train-model")
def train_model(body: TrainingRequest, request: Request) -> dict[str, Any]:
    """Train (and tune to a target when one is given); `background: true` returns a job id."""
    return _train("train-model", _train_args(body), body, request)


class PipelineRequest(BaseModel):
    """run-pipeline: train on labeled data, tune to a utility target, test on the holdout."""

    model_config = ConfigDict(extra="forbid")

    labeled_data_path: str
    holdout_test_path: str
    target_utility_pct: float = Field(default=80.0, gt=0.0, le=100.0)
    max_attempts: int = Field(default=3, ge=1, le=50)
    metric: str = Field(default="f1", description="The utility metric: f1, auc or accuracy.")
    label_column: str | None = None
    text_column: str | None = None
    soft_labels: bool | None = None
    epochs: int | None = None
    background: bool = False


@router.post("/api/training/run-pipeline")
def run_pipeline(body: PipelineRequest, request: Request) -> dict[str, Any]:
    """Tune to `target_utility_pct` (as a validation metric in percent) and test once."""
    from tools.training.evaluate import LOWER_IS_BETTER, canonical_metric

    if canonical_metric(body.metric) in LOWER_IS_BETTER:
        raise BadInput(
            f"run-pipeline's target is a percentage of a score, and {body.metric!r} is an error "
            "measure (lower is better)",
            hint="use metric f1, auc, accuracy (or r2 for a regressor), or train-model with "
            "target_metric and target_value for mae, rmse or log_loss",
        )
    train_body = TrainingRequest(
        labeled_data_path=body.labeled_data_path,
        holdout_test_path=body.holdout_test_path,
        target_metric=body.metric,
        target_value=body.target_utility_pct / 100.0,
        max_attempts=body.max_attempts,
        label_column=body.label_column,
        text_column=body.text_column,
        soft_labels=body.soft_labels,
        epochs=body.epochs,
        background=body.background,
    )
    out = _train("run-pipeline", _train_args(train_body), train_body, request)
    if out["status"] == "completed":
        metric = out["target"]["metric"]
        test = (out.get("test_metrics") or {}).get(metric)
        out["utility_pct"] = None if test is None else round(100 * test, 2)
        out["target_utility_pct"] = body.target_utility_pct
    return out


@router.get("/api/training/jobs/{job_id}")
def job_status(job_id: str) -> dict[str, Any]:
    """A background job's status, progress (0-100), result or error (the run, in this shape)."""
    run = run_store.find_run(job_id)
    if run is None or run["source"] != "training":
        raise NotFound(
            f"job {job_id!r} not found",
            hint="job ids come from POST /api/training/train-model with background: true",
        )
    result = run.get("result") or {}
    return {
        "job_id": run["alias"] or run["run_id"],
        "run_id": run["run_id"],
        "kind": run_store.get_run_request(run["run_id"]).get("api_kind", "train-model"),
        "status": run["status"],
        "progress": run["progress"],
        "message": run["current_step"] or ("done" if run["status"] == "completed" else ""),
        "result": json_safe(result.get("output", result or None)),
        "error": run.get("error"),
        "created_at": run["created_at"],
        "updated_at": run["finished_at"] or run["started_at"] or run["created_at"],
    }


class GenerateRequest(BaseModel):
    """generate-data: sample from a generator, training one first when only data is given."""

    model_config = ConfigDict(extra="forbid")

    model_path: str | None = None
    labeled_data_path: str | None = Field(
        default=None, validation_alias=AliasChoices("labeled_data_path", "data_path")
    )
    label_column: str | None = None
    label: str | None = None
    num_samples: int = Field(
        default=100, ge=1, le=1_000_000, validation_alias=AliasChoices("num_samples", "n")
    )
    output_path: str | None = None
    overwrite: bool = Field(
        default=False, description="Replace a file at output_path that this job did not write."
    )
    epochs: int | None = None
    seed: int = 0


@router.post("/api/generation/generate-data")
def generate_data(body: GenerateRequest, request: Request) -> dict[str, Any]:
    """Synthetic rows for a class (or all classes) from a conditional VAE."""
    if body.model_path is None and body.labeled_data_path is None:
        raise BadInput(
            "give model_path (a generator) or labeled_data_path (to train one)",
            hint="train a generator with the train_generator tool, or send the data",
        )
    manager = get_manager()
    run = manager.submit_job(
        "synthetic_data",
        body.model_dump(),
        source="training",
        credentials=request_credentials(request),
    )
    final = manager.wait(run["run_id"])
    if final["status"] != "completed":
        raise run_error(final)
    return json_safe({**(final["result"] or {}).get("output", {}), "run_id": final["run_id"]})


class AnomalyRequest(BaseModel):
    """detect-anomalies: reconstruction-error scores for a table."""

    model_config = ConfigDict(extra="forbid")

    data_path: str = Field(validation_alias=AliasChoices("data_path", "labeled_data_path"))
    model_path: str | None = None
    label_column: str | None = None
    top_k: int = Field(default=20, ge=1, le=1000)
    threshold: float | None = None
    epochs: int | None = None


@router.post("/api/cleaning/detect-anomalies")
def detect_anomalies(body: AnomalyRequest, request: Request) -> dict[str, Any]:
    """Rows sorted by anomaly score, highest first, with min/max/mean."""
    args: dict[str, Any] = {"dataset": body.data_path, "top_k": body.top_k}
    for key, arg in (
        ("model_path", "model"),
        ("label_column", "label_column"),
        ("threshold", "threshold"),
        ("epochs", "epochs"),
    ):
        if getattr(body, key) is not None:
            args[arg] = getattr(body, key)
    run, output = run_tool_now(
        "detect_anomalies", args, source="training", credentials=request_credentials(request)
    )
    return json_safe({**output, "run_id": run["run_id"]})


@router.get("/api/files/list")
def list_files(
    path: str = Query(default="", description="A folder in the workspace (default: its root)."),
    recursive: bool = True,
) -> dict[str, Any]:
    """Files in the workspace (relative paths, sizes, modification times)."""
    root = workspace_root()
    folder = resolve_path(path, must_exist=True, roots=[root]) if path else root
    if not folder.is_dir():
        raise BadInput(f"{path!r} is not a folder", hint="give a folder, or nothing for the root")
    pattern = folder.rglob("*") if recursive else folder.glob("*")
    files = []
    for item in sorted(pattern):
        if not item.is_file() or item.is_symlink():
            continue
        stat = item.stat()
        files.append(
            {
                "path": relative_to_workspace(item),
                "name": item.name,
                "size": stat.st_size,
                "modified": datetime.fromtimestamp(stat.st_mtime, UTC).isoformat(),
            }
        )
    return {
        "path": relative_to_workspace(folder) if path else "",
        "count": len(files),
        "files": files,
    }


@router.get("/api/files/download")
def download_file(path: str = Query(description="A file in the workspace.")) -> FileResponse:
    """One workspace file's bytes (paths outside the workspace are refused)."""
    target = resolve_path(path, must_exist=True, roots=[workspace_root()])
    if not target.is_file():
        raise BadInput(f"{path!r} is not a file", hint="list files with GET /api/files/list")
    return FileResponse(target, filename=target.name)


class DatasetInfoRequest(BaseModel):
    """dataset/info: a table's shape, columns and label distribution."""

    model_config = ConfigDict(extra="forbid")

    path: str = Field(validation_alias=AliasChoices("path", "data_path", "dataset"))
    label_column: str | None = None


@router.post("/api/dataset/info")
def dataset_info(body: DatasetInfoRequest, request: Request) -> dict[str, Any]:
    """Rows, columns with dtypes and missing counts, the label distribution and sample rows."""
    args: dict[str, Any] = {"dataset": body.path}
    if body.label_column:
        args["label_column"] = body.label_column
    _, out = run_tool_now(
        "inspect_dataset", args, source="training", credentials=request_credentials(request)
    )
    return json_safe(
        {**out, "num_rows": out["rows"], "column_names": [c["name"] for c in out["columns"]]}
    )
