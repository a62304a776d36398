"""save_model: keep a copy of a trained model under a new name in models/."""

from __future__ import annotations

import os
import re
import secrets
import shutil
from pathlib import Path
from typing import Any

from pydantic import Field

from errors import BadInput, Conflict, candidate_details, consent_details
from store.outputs import record, refuse_replacing
from store.workspace import free_name, output_folder, relative_to_workspace
from tools.base import ToolContext, ToolInput, tool

MODELS = "models"
"""The folder a saved model's name is a folder of."""
MAX_NAME = 60
"""Longest model name (train_model cuts the names it is given to the same length)."""
NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
"""A model name: ASCII letters, digits, '_' and '-' (the planner reads a saved model's bare name
the same way: agents/arguments.py `_saved_model`); never a separator, a dot or a hidden name."""
ATTEMPT_RE = re.compile(r"attempt-\d+")
"""train_model's folders of the attempts before the best: its history, not the model."""


class SaveModelInput(ToolInput):
    """Arguments of save_model."""

    model: str = Field(
        min_length=1,
        max_length=1000,
        description="The trained model to save: its folder (model_path from train_model) or its "
        "name under models/.",
    )
    name: str = Field(
        min_length=1,
        max_length=1000,
        description="The new name: the folder models/<name> (ASCII letters, digits, '_' and '-', "
        f"at most {MAX_NAME} characters, starting with a letter or digit).",
    )
    overwrite: bool = Field(
        default=False,
        description="Replace a model already saved under that name (refused otherwise).",
    )


def model_name(raw: str) -> str:
    """`raw` checked as a model name (one plain folder name under models/); BadInput with a
    usable name as the candidate otherwise.
    """
    name = raw.strip()
    if name.lower().startswith(f"{MODELS}/"):
        name = name[len(MODELS) + 1 :]  # 'models/rent_v1' names the same folder as 'rent_v1'
    if NAME_RE.fullmatch(name) is not None and len(name) <= MAX_NAME:
        return name
    fixed = re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_-")[:MAX_NAME].strip("_-")
    raise BadInput(
        f"{raw[:80]!r} is not a usable model name",
        hint=f"use ASCII letters, digits, '_' and '-' (at most {MAX_NAME}, starting with a letter "
        "or digit; no '/', '.' or space)" + (f", e.g. {fixed!r}" if fixed else ""),
        code="bad_model_name",
        details=candidate_details("name", [fixed] if fixed else [], "not_found", value=raw[:200]),
    )


def trained_model(ref: str) -> Path:
    """The folder of the trained model `ref` names (a forgeflow classifier or regressor)."""
    from tools.training.models import CONFIG_FILE, open_artifact
    from tools.training.tools import model_folder

    folder = model_folder(ref)
    open_artifact(
        folder,
        kind="forgeflow.classifier",
        config_name=CONFIG_FILE,
        what="trained model",
        hint="give the model_path train_model returned (a folder under models/)",
    )
    return folder


def _copy(source: Path, target: Path) -> list[str]:
    """Copy the model folder `source` to the new folder `target` (links and attempt folders
    left out); returns the attempt folders left out.
    """
    attempts = sorted(
        p.name for p in source.iterdir() if p.is_dir() and ATTEMPT_RE.fullmatch(p.name)
    )

    def skip(folder: str, names: list[str]) -> set[str]:
        here = Path(folder)
        left = {n for n in names if (here / n).is_symlink()}
        if here == source:
            left |= set(attempts)
        return left

    shutil.copytree(source, target, ignore=skip, copy_function=shutil.copyfile)
    return attempts


def _free(name: str) -> str:
    """A model name beside `name` that no folder has yet ('best' → 'best_2'), itself usable."""
    return Path(free_name(f"{MODELS}/{name[: MAX_NAME - 4]}")).name


def _temp_beside(path: Path, what: str) -> Path:
    """A hidden name beside `path` that nothing has yet (a new folder is built there first)."""
    for _ in range(100):
        temp = path.with_name(f".{path.name}.{what}.{os.getpid()}.{secrets.token_hex(4)}")
        if not os.path.lexists(temp):
            return temp
    raise FileExistsError(f"no free temporary name beside {path}")


@tool(SaveModelInput, tags=("training",))
def save_model(args: SaveModelInput, ctx: ToolContext) -> dict[str, Any]:
    """Save a copy of a trained model under a new name (models/<name>), e.g. 'rent_model_v1'.

    The weights, config, preprocessing, metrics, curves, recorded splits and test evaluation
    are copied (not the folders of the attempts before the best one); the model it was copied
    from is kept as it was, so earlier runs and threads that name it still work. The copy is
    used by name like any model (evaluate_model, predict, explain_model). A name already taken
    is replaced only with overwrite=true. Returns the new model_path and what it was copied from.
    """
    name = model_name(args.name)
    source = trained_model(args.model)
    root = output_folder(MODELS)  # refused when it is a file or leads out of the workspace
    target = root / name
    rel, source_rel = f"{MODELS}/{name}", relative_to_workspace(source)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise BadInput(
            f"{rel} is a file or a link, not a model folder",
            hint="choose another name",
            code="output_is_file",
            details=candidate_details("name", [_free(name)], "not_found", value=name),
        )
    if target.resolve() == source.resolve():
        raise BadInput(
            f"the model is already called {name!r} ({rel})",
            hint="give another name to keep a copy under",
            code="same_model",
            details=candidate_details("name", [], "missing", value=name),
        )
    if source.resolve().is_relative_to(target.resolve()):
        raise BadInput(
            f"{source_rel} lies inside {rel}, which replacing would remove",
            hint="choose another name",
            code="output_is_source",
            details=candidate_details("name", [_free(name)], "not_found", value=name),
        )
    replaced = target.exists()
    if replaced:  # a step resumed after a crash replaces its own copy without asking
        suggested = _free(name)
        refuse_replacing(
            "name",
            name,
            [rel],
            tool="save_model",
            overwrite=args.overwrite,
            run_id=ctx.run_id,
            same_run=True,
            suggested=suggested,
            renamed={rel: suggested},
            message=f"a model is already saved as {name!r} ({rel})",
            hint=f"choose another name (e.g. {suggested!r}), or set overwrite=true to replace it",
        )
    ctx.progress(f"copying {source_rel} to {rel}", 0.2)
    building = _temp_beside(target, "new")
    try:
        attempts = _copy(source, building)
        if replaced:
            old = _temp_beside(target, "old")
            os.replace(target, old)
            try:
                os.replace(building, target)
            except OSError:
                os.replace(old, target)  # the model that was there is put back
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            try:
                os.replace(building, target)
            except OSError:  # another call saved a model under the name meanwhile
                raise Conflict(
                    f"a model was saved as {name!r} ({rel}) while this one was copied",
                    hint="choose another name, or set overwrite=true to replace it",
                    code="file_exists",
                    details=consent_details(
                        "name", name, [rel], _free(name), renamed={rel: _free(name)}
                    ),
                ) from None
    finally:
        if building.exists():
            shutil.rmtree(building, ignore_errors=True)
    record([rel], tool="save_model", run_id=ctx.run_id)
    ctx.progress("saved", 1.0)
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    return {
        "model_path": rel,
        "name": name,
        "copied_from": source_rel,
        "replaced": replaced,
        "files": files,
        **({"attempts_left_out": attempts} if attempts else {}),
        "message": f"{rel} is a copy of {source_rel}, which is kept as it was",
        "artifacts": [
            {"name": "model weights", "path": f"{rel}/model.safetensors", "kind": "model"},
            {"name": "model config", "path": f"{rel}/config.json", "kind": "json"},
        ],
    }
