"""The one list of tools: graph nodes, LLM schemas, HTTP, MCP and CLI all come from TOOLS."""

from __future__ import annotations

from errors import NotFound, Unavailable
from tools.base import Tool
from tools.datasets import (
    dataset_configs,
    download_dataset,
    model_leaderboard,
    search_datasets,
    suggest_datasets,
    trending_datasets,
)
from tools.labeling.tools import apply_labeling_functions, label_dataset, write_labeling_functions
from tools.labeling.vote import vote_labels
from tools.labeling.workbench import (
    correct_labels,
    export_labeled_data,
    labeling_workbench,
    reapply_labeling_functions,
    workbench_rows,
)
from tools.local import inspect_dataset, list_local_datasets
from tools.preview import preview_rows
from tools.qa.tools import chunk_documents, export_dataset, generate_qa, score_qa
from tools.save import save_table
from tools.split import split_table
from tools.training.save_model import save_model
from tools.training.tools import (
    detect_anomalies,
    evaluate_model,
    explain_model,
    generate_synthetic,
    predict,
    train_generator,
    train_model,
)

TOOLS: list[Tool] = [
    write_labeling_functions,
    apply_labeling_functions,
    label_dataset,
    vote_labels,
    labeling_workbench,
    workbench_rows,
    reapply_labeling_functions,
    correct_labels,
    export_labeled_data,
    list_local_datasets,
    inspect_dataset,
    preview_rows,
    save_table,
    split_table,
    search_datasets,
    trending_datasets,
    dataset_configs,
    suggest_datasets,
    download_dataset,
    model_leaderboard,
    train_model,
    evaluate_model,
    explain_model,
    predict,
    save_model,
    train_generator,
    generate_synthetic,
    detect_anomalies,
    chunk_documents,
    generate_qa,
    score_qa,
    export_dataset,
]

# Every capability the planner understands; a name here but not in TOOLS is answered with
# "not available in this version" instead of failing.
CAPABILITIES: dict[str, str] = {
    "search_datasets": "search datasets on Hugging Face, Kaggle and locally",
    "trending_datasets": "list trending datasets",
    "dataset_configs": "list a Hugging Face dataset's configs and splits",
    "suggest_datasets": "autocomplete dataset names",
    "download_dataset": "download a dataset into the workspace",
    "list_local_datasets": "list datasets available offline",
    "inspect_dataset": "inspect a dataset's columns and labels",
    "model_leaderboard": "rank models for a task by reported results",
    "write_labeling_functions": "write labeling functions from hand labels",
    "apply_labeling_functions": "apply labeling functions and analyse them",
    "label_dataset": "weak-supervise labels to a quality target",
    "train_model": "train a classifier or a regressor",
    "evaluate_model": "evaluate a trained model",
    "explain_model": "say which input columns a trained model relies on",
    "predict": "predict with a trained model",
    "save_model": "save a copy of a trained model under a new name",
    "train_generator": "train a synthetic-data generator",
    "generate_synthetic": "generate synthetic rows",
    "detect_anomalies": "score rows for anomalies",
    "chunk_documents": "split documents into chunks",
    "generate_qa": "generate QA pairs from chunks",
    "score_qa": "judge QA pairs",
    "export_dataset": "export a QA dataset with splits",
    "save_table": "save a table as csv, jsonl or parquet",
    "split_table": "split a table's rows into train / validation / test files",
}

_BY_NAME: dict[str, Tool] = {t.name: t for t in TOOLS}
if len(_BY_NAME) != len(TOOLS):
    raise RuntimeError("two tools share a name in tools/registry.py")


def all_tools() -> list[Tool]:
    """Every registered tool, in registry order."""
    return list(TOOLS)


def has_tool(name: str) -> bool:
    """Whether `name` is a registered tool."""
    return name in _BY_NAME


def get_tool(name: str) -> Tool:
    """A tool by name; a 501 for known-but-unbuilt capabilities, a 404 for unknown names."""
    found = _BY_NAME.get(name)
    if found is not None:
        return found
    if name in CAPABILITIES:
        raise Unavailable(
            f"tool {name!r} ({CAPABILITIES[name]}) is not available in this version",
            hint="GET /tools lists the tools this server has",
            code="tool_unavailable",
        )
    raise NotFound(f"tool {name!r} not found", hint="GET /tools lists the available tools")
