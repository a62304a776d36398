"""Seeded PyTorch training: early stopping, class weights and a soft-label (noise-aware) loss."""

from __future__ import annotations

import copy
import json
import math
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp
import torch
from pydantic import BaseModel, ConfigDict, Field

from errors import BadInput, candidate_details, column_not_found
from tools.labeling.outputs import filled_pairs, labeled_meta
from tools.profile import DEFAULT_ID_NAMES, REGRESSION_MIN_DISTINCT
from tools.training.evaluate import compute_metrics, headline, plot_curves, regression_metrics
from tools.training.features import PROB_PREFIX, ColumnSpec, Preprocessor, infer_columns
from tools.training.models import (
    CONFIG_FILE,
    PREPROCESSING_FILE,
    WEIGHTS_FILE,
    build_model,
    load_weights,
    open_artifact,
    pick_device,
    read_json,
    resolve_kind,
    save_weights,
    small_work_threads,
)

DENSE_LIMIT = 30_000_000  # cells; above this the feature matrix stays sparse, densified per batch
Task = Literal["classification", "regression"]
TASKS = ("auto", "classification", "regression")
CLASS_NAME_RE = re.compile(
    r"(?:^|_)(?:label|labels|class|classes|category|categories|cls|digit)(?:_id|_code|_idx)?$",
    re.I,
)
"""Integer label columns named like classes stay classes under `auto`, however many values.
Names that are as often quantities (`grade`, `rating`, `level`, `score`) are not in it."""
MISSING_MARKERS = frozenset({"", "nan", "na", "n/a", "none", "null", "-", "?"})
"""Text cells of a regression target read as missing (dropped and counted), not as words."""
MAX_TARGET = float(2**53)
"""The largest target magnitude a regressor takes: past it float64 no longer holds integers
exactly, and standardising such values loses the digits that tell rows apart."""


class TrainConfig(BaseModel):
    """The knobs of one training attempt (what the tuner may change); unknown keys refused."""

    model_config = ConfigDict(extra="forbid")

    model: Literal["auto", "logistic", "linear", "mlp"] = Field(
        default="auto", description="auto picks logistic for text/small data, MLP otherwise."
    )
    text_features: Literal["tfidf", "hashed"] = Field(default="tfidf")
    ngram_max: int = Field(default=2, ge=1, le=3, description="Word n-grams 1..ngram_max.")
    max_features: int = Field(default=20000, ge=16, le=1 << 20, description="Text vocabulary size.")
    min_df: int = Field(default=1, ge=1, le=100, description="Min documents per n-gram (tfidf).")
    hidden_size: int = Field(default=128, ge=4, le=4096, description="MLP width.")
    layers: int = Field(default=1, ge=1, le=4, description="MLP hidden layers.")
    dropout: float = Field(default=0.2, ge=0.0, le=0.9)
    learning_rate: float = Field(default=0.01, gt=0.0, le=1.0)
    weight_decay: float = Field(default=1e-4, ge=0.0, le=1.0, description="L2 regularisation.")
    epochs: int = Field(default=40, ge=1, le=2000)
    batch_size: int = Field(default=64, ge=1, le=65536)
    patience: int = Field(default=5, ge=1, le=200, description="Early-stopping patience.")
    class_weights: Literal["balanced", "none"] = Field(default="balanced")
    seed: int = Field(default=0, ge=0)
    device: Literal["auto", "cpu", "cuda"] = Field(default="auto")


TUNABLE_KEYS = tuple(k for k in TrainConfig.model_fields if k not in ("seed", "device"))


@dataclass
class LabeledData:
    """Rows with their targets: `targets` is n x k (one-hot for hard labels, probabilities else)."""

    frame: pd.DataFrame
    targets: np.ndarray
    classes: list[str]
    columns: ColumnSpec
    soft: bool = False
    dropped: int = 0
    positions: np.ndarray | None = None
    """Each row's position in the table it was read from (None when unknown)."""
    task: Task = "classification"
    """`regression`: `targets` is n x 1 (the numbers, original units) and `classes` is empty."""

    def __len__(self) -> int:
        return len(self.frame)

    @property
    def y(self) -> np.ndarray:
        """The hard class index of each row (argmax of the targets); a regressor's values."""
        if self.task == "regression":
            return self.targets[:, 0].astype(np.float64)
        return self.targets.argmax(axis=1)

    def subset(self, index: np.ndarray) -> LabeledData:
        """The rows at the positional `index`."""
        return LabeledData(
            self.frame.iloc[index].reset_index(drop=True),
            self.targets[index],
            self.classes,
            self.columns,
            self.soft,
            positions=None if self.positions is None else self.positions[index],
            task=self.task,
        )


def _check_column(frame: pd.DataFrame, name: str, what: str) -> None:
    if name not in frame.columns:
        raise column_not_found(name, frame.columns, argument=f"{what}_column", what=what)


def guess_id_column(frame: pd.DataFrame) -> str | None:
    """`id` (or `ID`, `Id`) when present."""
    for name in DEFAULT_ID_NAMES:
        if name in frame.columns:
            return name
    return None


def resolve_task(frame: pd.DataFrame, label_column: str | None, task: str) -> Task:
    """The task for `task` ('auto' picks from the label column; docs/training.md says the rule).

    `auto` regresses when the label column is numeric (int or float, never bool), has more than
    REGRESSION_MIN_DISTINCT distinct finite values, and is not an integer column named like
    classes (`label`, `class`, `category`, `digit`...); everything else is classification, as
    before regression existed. A few distinct numbers are classes (digits, cultivars, 1-5
    stars); many are a quantity, which a many-class classifier would learn as unordered names.
    """
    if task not in TASKS:
        raise BadInput(f"unknown task {task!r}", hint=f"use one of: {', '.join(TASKS)}")
    if task != "auto":
        return task  # type: ignore[return-value]
    if label_column is None or label_column not in frame.columns:
        return "classification"
    series = frame[label_column]
    if pd.api.types.is_bool_dtype(series) or not pd.api.types.is_numeric_dtype(series):
        return "classification"
    if pd.api.types.is_integer_dtype(series):
        # counted exactly: huge integers (2**63 + i) are one value as floats
        distinct, integers = int(series.nunique(dropna=True)), True
    else:
        values = series.to_numpy(dtype=np.float64, na_value=np.nan)
        finite = np.unique(values[np.isfinite(values)])
        distinct, integers = len(finite), bool(np.all(finite == np.round(finite)))
    if distinct <= REGRESSION_MIN_DISTINCT:
        return "classification"
    if integers and CLASS_NAME_RE.search(str(label_column)):
        return "classification"
    return "regression"


def regression_targets(
    frame: pd.DataFrame, label_column: str, *, fitted: bool
) -> tuple[pd.DataFrame, np.ndarray]:
    """The rows with a finite numeric target and those targets (n x 1 float64, original units).

    Missing, NaN and infinite targets are dropped (partly filled targets are common); text that
    is no number, a target that is no number anywhere, values beyond ±2**53 and (training only)
    one value for every row are 400s with a hint.
    """
    series = frame[label_column]
    if pd.api.types.is_bool_dtype(series):
        raise BadInput(
            f"the label {label_column!r} is true/false, not a number to regress on",
            hint="train it as a classifier (task 'classification' or 'auto')",
            code="not_numeric_target",
        )
    if pd.api.types.is_numeric_dtype(series):
        values = series.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        # empty cells and the usual missing markers of a text column are gaps, not text
        cells = series.astype(str).str.strip()
        gap = series.isna() | cells.str.lower().isin(MISSING_MARKERS)
        present = cells[~gap]
        numbers = pd.to_numeric(present, errors="coerce")
        text = present[numbers.isna()]
        if len(text):
            shown = ", ".join(repr(str(v)[:30]) for v in text.unique()[:3])
            raise BadInput(
                f"the label {label_column!r} holds text that is not a number ({shown}), so it "
                "cannot be a regression target",
                hint="regress on a numeric column, or train a classifier on this one (task "
                "'classification')",
                code="not_numeric_target",
                details=candidate_details("label_column", [], "not_found", value=label_column),
            )
        values = (
            pd.to_numeric(cells.where(~gap), errors="coerce")
            .astype("float64")
            .to_numpy(dtype=np.float64, na_value=np.nan)
        )
    keep = np.isfinite(values)
    if not keep.any():
        raise BadInput(
            f"the label {label_column!r} has no finite numeric value (all missing, NaN or "
            "infinite)",
            hint="name a label column with numbers to predict",
            code="not_numeric_target",
            details=candidate_details("label_column", [], "not_found", value=label_column),
        )
    if np.abs(values[keep]).max() > MAX_TARGET:
        raise BadInput(
            f"the label {label_column!r} has values beyond ±2**53 (up to "
            f"{np.abs(values[keep]).max():.3g}): too large to regress on exactly",
            hint="rescale the target (e.g. to thousands or a log scale) or check the column",
            code="target_out_of_range",
        )
    if not fitted and len(np.unique(values[keep])) < 2:
        raise BadInput(
            f"the label {label_column!r} has one value ({values[keep][0]:g}) on every row",
            hint="a regressor needs a target that varies; name another column",
            code="constant_target",
        )
    return frame[keep], values[keep].astype(np.float64).reshape(-1, 1)


def prepare_labels(
    frame: pd.DataFrame,
    *,
    label_column: str | None,
    soft_labels: bool = False,
    id_column: str | None = None,
    text_columns: list[str] | None = None,
    numeric_columns: list[str] | None = None,
    categorical_columns: list[str] | None = None,
    drop_uncovered: bool = True,
    classes: list[str] | None = None,
    task: Task = "classification",
    fitted: bool = False,
) -> LabeledData:
    """Validate the label (a column or the `prob_<class>` columns) and pick the feature columns.

    Rows without a label are dropped; with `drop_uncovered`, rows the labeling functions did
    not cover (`covered` false and `label_source` 'label_model') are dropped too. A regression
    label must be numeric: rows whose target is missing or not finite are dropped and counted.
    `fitted`: the rows are for a trained model (evaluation), not to train one.
    """
    regression = task == "regression"
    if regression and soft_labels:
        raise BadInput(
            "soft_labels apply to classification only (they are class probabilities)",
            hint="set soft_labels false and name the numeric label_column, or train a "
            "classifier (task 'classification')",
            code="soft_labels_regression",
        )
    if frame.empty:
        raise BadInput("the dataset is empty", hint="give a dataset with labeled rows")
    # A labeling run's filled-in copy of the hand-label column (`team_filled`, `team_source`):
    # the label and who gave it, never a feature (read before filtering drops the metadata).
    # Predicting `team_filled` (or `team`), the person's partly filled `team` is the same label
    # with gaps: left out as deliberately, not found later as a copy of the label.
    marks = set()
    for pair in filled_pairs(frame, labeled_meta(frame)):
        marks |= {pair["column"], pair["source"]}
        if label_column in pair.values():
            marks.add(pair["from"])
    marks.discard(label_column)
    if id_column is not None:
        _check_column(frame, id_column, "id")
    before = len(frame)
    # The index becomes each row's position in the table, kept through the filters below.
    frame = frame.reset_index(drop=True)
    if drop_uncovered and "covered" in frame.columns:
        covered = frame["covered"].fillna(False).astype(bool)
        if "label_source" in frame.columns:
            covered = covered | (frame["label_source"].astype(str) == "end_model")
        if covered.any():
            frame = frame[covered]
    if soft_labels:
        probs = [str(c) for c in frame.columns if str(c).startswith(PROB_PREFIX)]
        if len(probs) < 2:
            raise BadInput(
                "soft_labels needs two or more prob_<class> columns",
                hint="train on a label_dataset output, or set soft_labels false and name "
                "label_column",
            )
        values = frame[probs].astype("float64").to_numpy()
        keep = np.isfinite(values).all(axis=1) & (values.sum(axis=1) > 0)
        frame, values = frame[keep], values[keep]
        values = values / values.sum(axis=1, keepdims=True)
        found = [p[len(PROB_PREFIX) :] for p in probs]
        if classes is not None and found != classes:
            raise BadInput(
                f"the prob_ columns are {found}, the model's classes {classes}",
                hint="evaluate with data labeled for the same classes",
            )
        targets, cls = values.astype(np.float32), found
    else:
        if label_column is None:
            from tools.tabular import label_candidates

            raise BadInput(
                "no label column given and none found",
                hint=f"set label_column to one of: {', '.join(map(str, frame.columns))}",
                details=candidate_details(
                    "label_column",
                    label_candidates(frame),
                    "missing",
                    choices=[str(c) for c in frame.columns][:200],
                ),
            )
        _check_column(frame, label_column, "label")
    if regression:
        assert label_column is not None
        frame, targets = regression_targets(frame, label_column, fitted=fitted)
        cls = []
    elif not soft_labels:
        frame = frame[frame[label_column].notna()]
        labels = frame[label_column].astype(str)
        cls = classes or sorted(labels.unique().tolist())
        unknown = sorted(set(labels) - set(cls))
        if unknown:
            raise BadInput(
                f"labels {unknown[:5]} are not among the model's classes {cls}",
                hint="evaluate on data with the classes the model was trained on",
            )
        index = {c: i for i, c in enumerate(cls)}
        targets = np.zeros((len(frame), len(cls)), dtype=np.float32)
        targets[np.arange(len(frame)), [index[v] for v in labels]] = 1.0
    if frame.empty:
        raise BadInput("no labeled rows left", hint="check the label column has values")
    label_values = None
    if not regression:
        label_values = pd.Series(
            [cls[i] for i in targets.argmax(axis=1)] if soft_labels else labels.tolist(),
            index=frame.index,
        )
    if not regression and classes is None and len(cls) < 2:
        raise BadInput(
            f"only one class ({cls[0]!r}) in the labels",
            hint="a classifier needs at least two classes; label more varied rows",
            code="one_class",
        )
    spec = infer_columns(
        frame,
        label=label_column,
        id_column=id_column,
        text=text_columns,
        numeric=numeric_columns,
        categorical=categorical_columns,
        classes=list(cls),
        labels=label_values if classes is None and not fitted else None,
        skip_columns=marks,
    )
    if not spec.features:
        raise BadInput(
            "no usable feature columns",
            hint="name text_columns, numeric_columns or categorical_columns",
        )
    return LabeledData(
        frame.reset_index(drop=True),
        targets,
        list(cls),
        spec,
        soft_labels,
        before - len(frame),
        positions=frame.index.to_numpy(),
        task=task,
    )


def table_fingerprint(frame: pd.DataFrame) -> str:
    """A SHA-256 of a table's columns, dtypes and cell values in row order (not its index).

    Recorded with a model so its validation rows can be found again by position, and a table
    edited since training is noticed instead of silently yielding other rows.
    """
    import hashlib

    digest = hashlib.sha256()
    digest.update(json.dumps([[str(c), str(t)] for c, t in frame.dtypes.items()]).encode())
    try:
        rows = pd.util.hash_pandas_object(frame, index=False)
    except TypeError:  # unhashable cells (lists, dicts): hash their text
        rows = pd.util.hash_pandas_object(frame.astype(str), index=False)
    digest.update(rows.to_numpy().tobytes())
    return digest.hexdigest()


def split_validation(
    data: LabeledData, fraction: float, seed: int
) -> tuple[LabeledData, LabeledData]:
    """A stratified, seeded train/validation split (by the hard label); a regressor's is a
    plain seeded random split (stratifying needs classes).
    """
    from sklearn.model_selection import train_test_split

    n = len(data)
    if n < 4:
        raise BadInput(f"only {n} labeled rows", hint="training needs at least 4 labeled rows")
    if data.task == "regression":
        n_val = min(max(int(round(n * fraction)), 1), n - 2)
        train_idx, val_idx = train_test_split(np.arange(n), test_size=n_val, random_state=seed)
        return data.subset(np.sort(train_idx)), data.subset(np.sort(val_idx))
    y = data.y
    counts = np.bincount(y, minlength=len(data.classes))
    stratify = y if counts[counts > 0].min() >= 2 else None
    n_val = max(int(round(n * fraction)), len(np.unique(y)) if stratify is not None else 1)
    train_idx, val_idx = train_test_split(
        np.arange(n), test_size=n_val, random_state=seed, stratify=stratify
    )
    return data.subset(np.sort(train_idx)), data.subset(np.sort(val_idx))


# ----- the training loop ---------------------------------------------------------------------
def _tensorize(matrix: sp.csr_matrix, device: torch.device) -> torch.Tensor | sp.csr_matrix:
    if matrix.shape[0] * max(matrix.shape[1], 1) <= DENSE_LIMIT:
        return torch.from_numpy(matrix.toarray()).to(device)
    return matrix


def _rows(x: torch.Tensor | sp.csr_matrix, idx: np.ndarray, device: torch.device) -> torch.Tensor:
    if isinstance(x, torch.Tensor):
        return x[torch.from_numpy(idx).to(x.device)]
    return torch.from_numpy(x[idx].toarray()).to(device)


def soft_cross_entropy(
    logits: torch.Tensor, targets: torch.Tensor, weights: torch.Tensor | None
) -> torch.Tensor:
    """Noise-aware loss: cross-entropy against label probabilities (one-hot = ordinary CE)."""
    logp = torch.log_softmax(logits, dim=1)
    per = targets * logp
    if weights is not None:
        per = per * weights
    return -(per.sum(dim=1)).mean()


def predict_proba_matrix(
    module: torch.nn.Module, x: sp.csr_matrix, device: torch.device, batch: int = 2048
) -> np.ndarray:
    """Softmax probabilities for a feature matrix, in batches."""
    module.eval()
    out = []
    with torch.no_grad():
        for start in range(0, x.shape[0], batch):
            chunk = torch.from_numpy(x[start : start + batch].toarray()).to(device)
            out.append(torch.softmax(module(chunk), dim=1).cpu().numpy())
    if not out:
        return np.zeros((0, 0), dtype=np.float32)
    return np.concatenate(out).astype(np.float64)


def predict_value_matrix(
    module: torch.nn.Module,
    x: sp.csr_matrix,
    device: torch.device,
    scaling: dict[str, float],
    batch: int = 2048,
) -> np.ndarray:
    """A regressor's predictions in the target's units (the module predicts standardised values)."""
    module.eval()
    out = []
    with torch.no_grad():
        for start in range(0, x.shape[0], batch):
            chunk = torch.from_numpy(x[start : start + batch].toarray()).to(device)
            out.append(module(chunk)[:, 0].double().cpu().numpy())
    values = np.concatenate(out) if out else np.zeros(0)
    return values * float(scaling["std"]) + float(scaling["mean"])


def target_scaling(values: np.ndarray) -> dict[str, float]:
    """The mean and std a regressor's target is standardised with (training split only)."""
    mean = float(np.mean(values))
    std = float(np.std(values))
    if not np.isfinite(std) or std <= 0:
        raise BadInput(
            "the target does not vary on the training split",
            hint="a regressor needs a target that varies; give more varied rows",
            code="constant_target",
        )
    return {"mean": mean, "std": std}


@dataclass
class Trained:
    """The result of one attempt: the fitted preprocessing and module plus what was measured."""

    module: torch.nn.Module
    preprocessor: Preprocessor
    arch: dict[str, Any]
    classes: list[str]
    columns: ColumnSpec
    config: TrainConfig
    history: list[dict[str, Any]]
    best_epoch: int
    train_metrics: dict[str, Any]
    val_metrics: dict[str, Any]
    class_counts: dict[str, float]
    device: str
    soft: bool
    rows: dict[str, int]
    task: Task = "classification"
    target_scaling: dict[str, float] | None = None
    """A regressor's target mean and std (training split), to map its outputs back."""


EpochCallback = Callable[[int, int, dict[str, Any]], None]


def fit(
    train: LabeledData,
    val: LabeledData,
    config: TrainConfig,
    *,
    on_epoch: EpochCallback | None = None,
    check_cancelled: Callable[[], None] | None = None,
) -> Trained:
    """Fit preprocessing on `train`, train with early stopping on `val`, keep the best epoch."""
    torch.manual_seed(config.seed)
    rng = np.random.default_rng(config.seed)
    device = pick_device(config.device)
    pre = Preprocessor.fit(
        train.frame,
        train.columns,
        text_features=config.text_features,
        ngram_max=config.ngram_max,
        max_features=config.max_features,
        min_df=config.min_df,
    )
    x_train_sp, x_val_sp = pre.transform(train.frame), pre.transform(val.frame)
    if pre.n_features == 0:
        raise BadInput("the features are empty after preprocessing", hint="check feature columns")
    kind = resolve_kind(
        config.model,
        n_rows=len(train),
        has_text=bool(train.columns.text),
        n_features=pre.n_features,
    )
    regression = train.task == "regression"
    if regression and kind == "logistic":
        kind = "linear"  # one linear layer to one output: linear regression
    k = 1 if regression else len(train.classes)
    arch = {
        "kind": kind,
        "n_inputs": pre.n_features,
        "n_classes": k,
        "hidden_size": config.hidden_size,
        "dropout": config.dropout,
        "layers": config.layers,
    }
    with small_work_threads(device, pre.n_features * max(config.hidden_size, k)):
        module = build_model(arch).to(device)
        optimizer = torch.optim.AdamW(
            module.parameters(), lr=config.learning_rate, weight_decay=config.weight_decay
        )
        class_mass = train.targets.sum(axis=0).astype(np.float64)
        weights = None
        scaling = None
        if regression:
            # The target is standardised with the training split's mean/std (class weights do
            # not apply): one learning rate then suits any target's units.
            scaling = target_scaling(train.y)
            y_train_np = ((train.targets - scaling["mean"]) / scaling["std"]).astype(np.float32)
            y_val_np = ((val.targets - scaling["mean"]) / scaling["std"]).astype(np.float32)
        else:
            y_train_np, y_val_np = train.targets, val.targets
            if config.class_weights == "balanced":
                w = class_mass.sum() / (k * np.clip(class_mass, 1e-6, None))
                weights = torch.tensor(w / w.mean(), dtype=torch.float32, device=device)
        x_train = _tensorize(x_train_sp, device)
        y_train = torch.from_numpy(y_train_np).to(device)
        y_val_t = torch.from_numpy(y_val_np).to(device)
        history: list[dict[str, Any]] = []
        best_loss, best_state, best_epoch, stale = math.inf, None, 0, 0
        n = len(train)
        for epoch in range(1, config.epochs + 1):
            if check_cancelled is not None:
                check_cancelled()
            module.train()
            order = rng.permutation(n)
            total = 0.0
            for start in range(0, n, config.batch_size):
                idx = order[start : start + config.batch_size]
                xb = _rows(x_train, idx, device)
                yb = y_train[torch.from_numpy(idx).to(device)]
                if regression:
                    loss = torch.nn.functional.mse_loss(module(xb), yb)
                else:
                    loss = soft_cross_entropy(module(xb), yb, weights)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                total += float(loss.detach()) * len(idx)
            if regression:
                assert scaling is not None
                pred_val = predict_value_matrix(module, x_val_sp, device, scaling)
                standard = (pred_val - scaling["mean"]) / scaling["std"]
                val_loss = float(np.mean((standard - y_val_np[:, 0].astype(np.float64)) ** 2))
                scores = regression_metrics(val.y, pred_val)
                record = {
                    "epoch": epoch,
                    "train_loss": round(total / n, 6),
                    "val_loss": round(val_loss, 6),
                    "val_mae": scores["mae"],
                    "val_r2": scores["r2"],
                }
            else:
                proba_val = predict_proba_matrix(module, x_val_sp, device)
                with torch.no_grad():
                    logits_val = torch.log(torch.from_numpy(proba_val).clamp_min(1e-9)).to(device)
                    val_loss = float(soft_cross_entropy(logits_val.float(), y_val_t, weights))
                record = {
                    "epoch": epoch,
                    "train_loss": round(total / n, 6),
                    "val_loss": round(val_loss, 6),
                    "val_accuracy": round(float((proba_val.argmax(axis=1) == val.y).mean()), 6),
                }
            if not math.isfinite(val_loss):
                # a diverging run (learning rate too high): stop, keep the best epoch so far
                history.append(record)
                break
            history.append(record)
            if on_epoch is not None:
                on_epoch(epoch, config.epochs, record)
            if val_loss < best_loss - 1e-5:
                best_loss, best_epoch, stale = val_loss, epoch, 0
                best_state = copy.deepcopy(module.state_dict())
            else:
                stale += 1
                if stale >= config.patience:
                    break
        if best_state is not None:
            module.load_state_dict(best_state)
        if regression:
            assert scaling is not None
            return Trained(
                module=module,
                preprocessor=pre,
                arch=arch,
                classes=[],
                columns=train.columns,
                config=config,
                history=history,
                best_epoch=best_epoch,
                train_metrics=headline(
                    regression_metrics(
                        train.y, predict_value_matrix(module, x_train_sp, device, scaling)
                    )
                ),
                val_metrics=regression_metrics(
                    val.y, predict_value_matrix(module, x_val_sp, device, scaling)
                ),
                class_counts={},
                device=str(device),
                soft=False,
                rows={"train": len(train), "validation": len(val)},
                task="regression",
                target_scaling=scaling,
            )
        proba_train = predict_proba_matrix(module, x_train_sp, device)
        proba_val = predict_proba_matrix(module, x_val_sp, device)
        return Trained(
            module=module,
            preprocessor=pre,
            arch=arch,
            classes=list(train.classes),
            columns=train.columns,
            config=config,
            history=history,
            best_epoch=best_epoch,
            train_metrics=headline(compute_metrics(train.y, proba_train, train.classes)),
            val_metrics=compute_metrics(val.y, proba_val, val.classes),
            class_counts={
                c: round(float(m), 4) for c, m in zip(train.classes, class_mass, strict=True)
            },
            device=str(device),
            soft=train.soft,
            rows={"train": len(train), "validation": len(val)},
        )


# ----- saving and loading --------------------------------------------------------------------
def save_trained(trained: Trained, folder: Path, *, extra: dict[str, Any] | None = None) -> dict:
    """Write weights (safetensors), config.json, preprocessing.json, curves.png, metrics.json."""
    folder.mkdir(parents=True, exist_ok=True)
    save_weights(trained.module, folder / WEIGHTS_FILE)
    trained.preprocessor.save(folder / PREPROCESSING_FILE)
    cols = trained.columns
    config = {
        "kind": "forgeflow.classifier",
        "version": 1,
        "arch": trained.arch,
        "classes": trained.classes,
        "class_counts": trained.class_counts,
        "columns": {
            "label": cols.label,
            "id": cols.id,
            "text": cols.text,
            "numeric": cols.numeric,
            "categorical": cols.categorical,
            "ignored": cols.ignored,
            "label_copies": cols.label_copies,
        },
        "soft_labels": trained.soft,
        "task": trained.task,
        **({"target_scaling": trained.target_scaling} if trained.target_scaling else {}),
        "train_config": trained.config.model_dump(),
        "best_epoch": trained.best_epoch,
        "device": trained.device,
        "rows": trained.rows,
        "created_at": datetime.now(UTC).isoformat(),
        **(extra or {}),
    }
    (folder / CONFIG_FILE).write_text(json.dumps(config, indent=2))
    plot_curves(trained.history, folder / "curves.png", trained.best_epoch)
    metrics = {
        "train": trained.train_metrics,
        "validation": trained.val_metrics,
        "best_epoch": trained.best_epoch,
        "history": trained.history,
    }
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2))
    return config


def copy_model(src: Path, dest: Path) -> None:
    """Copy a model folder's files (the best attempt becomes the model)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in (WEIGHTS_FILE, CONFIG_FILE, PREPROCESSING_FILE, "curves.png", "metrics.json"):
        if (src / name).is_file():
            shutil.copyfile(src / name, dest / name)


@dataclass
class LoadedModel:
    """A saved classifier ready for inference."""

    module: torch.nn.Module
    preprocessor: Preprocessor
    config: dict[str, Any]
    device: torch.device

    @property
    def classes(self) -> list[str]:
        """Class names in output order (none for a regressor)."""
        return list(self.config["classes"])

    @property
    def task(self) -> Task:
        """`classification` or `regression` (models from before regression: classification)."""
        return "regression" if self.config.get("task") == "regression" else "classification"

    def predict_proba(self, frame: pd.DataFrame) -> np.ndarray:
        """Class probabilities for the rows of `frame` (n x k)."""
        return predict_proba_matrix(self.module, self.preprocessor.transform(frame), self.device)

    def predict_values(self, frame: pd.DataFrame) -> np.ndarray:
        """A regressor's predictions for the rows of `frame`, in the target's units."""
        return predict_value_matrix(
            self.module,
            self.preprocessor.transform(frame),
            self.device,
            self.config["target_scaling"],
        )


def load_model(folder: Path, device: str = "auto") -> LoadedModel:
    """Load a folder written by `save_trained`: JSON + safetensors only, never pickle."""
    config = open_artifact(
        folder,
        kind="forgeflow.classifier",
        config_name=CONFIG_FILE,
        what="classifier",
        hint="give the model_path train_model returned",
    )
    pre = Preprocessor.from_dict(read_json(folder / PREPROCESSING_FILE, "preprocessing"))
    arch = dict(config["arch"])
    if int(arch["n_inputs"]) != pre.n_features:
        raise BadInput("config and preprocessing disagree on the input width", hint="retrain")
    if config.get("task") == "regression":
        _check_scaling(config.get("target_scaling"), arch)
    dev = pick_device(device)
    module = load_weights(build_model(arch), folder / WEIGHTS_FILE).to(dev)
    module.eval()
    return LoadedModel(module, pre, config, dev)


def _check_scaling(scaling: Any, arch: dict[str, Any]) -> None:
    """A regressor's config must hold a finite target mean and a positive std, and one output."""
    ok = (
        isinstance(scaling, dict)
        and all(isinstance(scaling.get(k), int | float) for k in ("mean", "std"))
        and math.isfinite(scaling["mean"])
        and math.isfinite(scaling["std"])
        and scaling["std"] > 0
        and int(arch.get("n_classes", 0)) == 1
    )
    if not ok:
        raise BadInput(
            "the regressor's config has no valid target_scaling (mean, std) or output",
            hint="point at an unchanged model folder written by train_model, or retrain",
        )
