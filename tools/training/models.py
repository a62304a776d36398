"""PyTorch classifiers (logistic and MLP), the `auto` choice, device pick, and safetensors I/O."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import torch
from torch import nn

from errors import BadInput, NotFound

MODEL_KINDS = ("auto", "logistic", "linear", "mlp")
WEIGHTS_FILE = "model.safetensors"
CONFIG_FILE = "config.json"
PREPROCESSING_FILE = "preprocessing.json"


class MLP(nn.Module):
    """One or more hidden ReLU layers with dropout, then a linear layer to class logits."""

    def __init__(
        self, n_inputs: int, n_classes: int, hidden_size: int, dropout: float, layers: int = 1
    ) -> None:
        super().__init__()
        blocks: list[nn.Module] = []
        width = n_inputs
        for _ in range(max(1, layers)):
            blocks += [nn.Linear(width, hidden_size), nn.ReLU(), nn.Dropout(dropout)]
            width = hidden_size
        blocks.append(nn.Linear(width, n_classes))
        self.net = nn.Sequential(*blocks)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Class logits."""
        return self.net(x)


class Logistic(nn.Module):
    """Multinomial logistic regression: a single linear layer to class logits."""

    def __init__(self, n_inputs: int, n_classes: int) -> None:
        super().__init__()
        self.linear = nn.Linear(n_inputs, n_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Class logits."""
        return self.linear(x)


def resolve_kind(kind: str, *, n_rows: int, has_text: bool, n_features: int) -> str:
    """The concrete model for `kind`; `auto` picks from the data.

    Text (high-dimensional, sparse n-grams) and small tables (< 300 rows) get logistic
    regression, which is strong and hard to overfit there; larger dense tables get an MLP.
    """
    if kind not in MODEL_KINDS:
        raise BadInput(f"unknown model {kind!r}", hint=f"use one of: {', '.join(MODEL_KINDS)}")
    if kind == "linear":
        return "logistic"
    if kind != "auto":
        return kind
    if has_text or n_rows < 300 or n_features > 5000:
        return "logistic"
    return "mlp"


def build_model(arch: dict[str, Any]) -> nn.Module:
    """A fresh module from its architecture dict (kind, n_inputs, n_classes, hidden_size, ...)."""
    kind = arch["kind"]
    if kind in ("logistic", "linear"):  # one linear layer (a regressor's is named linear)
        return Logistic(int(arch["n_inputs"]), int(arch["n_classes"]))
    if kind == "mlp":
        return MLP(
            int(arch["n_inputs"]),
            int(arch["n_classes"]),
            int(arch["hidden_size"]),
            float(arch.get("dropout", 0.0)),
            int(arch.get("layers", 1)),
        )
    raise BadInput(f"unknown model kind {kind!r} in config", hint="retrain the model")


def pick_device(device: str = "auto") -> torch.device:
    """`auto`: CUDA when available, else CPU. Asking for CUDA where there is none is an error."""
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if device == "cuda" and not torch.cuda.is_available():
        raise BadInput("CUDA is not available on this machine", hint="use device 'auto' or 'cpu'")
    if device not in ("cpu", "cuda"):
        raise BadInput(f"unknown device {device!r}", hint="use 'auto', 'cpu' or 'cuda'")
    return torch.device(device)


def save_weights(module: nn.Module, path: Path) -> None:
    """Write the state dict as safetensors (CPU, contiguous)."""
    from safetensors.torch import save_file

    state = {k: v.detach().to("cpu").contiguous() for k, v in module.state_dict().items()}
    save_file(state, str(path))


def load_weights(module: nn.Module, path: Path) -> nn.Module:
    """Load safetensors weights into `module` (strict: every key must match)."""
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    if not path.is_file():
        raise NotFound(f"weights {path.name} not found", hint="retrain the model")
    try:
        state = load_file(str(path))
        module.load_state_dict(state, strict=True)
    except (RuntimeError, OSError, SafetensorError) as exc:
        raise BadInput(
            f"weights in {path.name} do not match the model config: {exc}",
            hint="point at an unchanged model folder written by train_model",
        ) from None
    return module


def read_json(path: Path, what: str) -> dict[str, Any]:
    """Read a JSON artifact with a clear error when missing or malformed."""
    if not path.is_file():
        raise NotFound(
            f"{what} {path.name} not found in {path.parent.name}",
            hint="point at a folder written by train_model / train_generator",
        )
    try:
        data = json.loads(path.read_text())
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path.name} is not valid JSON: {exc}", hint="retrain the model") from None
    if not isinstance(data, dict):
        raise BadInput(f"{path.name} is not a JSON object", hint="retrain the model")
    return data


def open_artifact(folder: Path, *, kind: str, config_name: str, what: str, hint: str) -> dict:
    """The config of a saved model folder, checked to exist and to be of `kind`."""
    if not folder.is_dir():
        raise NotFound(f"{what} folder {folder.name!r} not found", hint=hint)
    config = read_json(folder / config_name, f"{what} config")
    if config.get("kind") != kind:
        raise BadInput(f"{folder.name} is not a forgeflow {what}", hint=hint)
    return config


@contextlib.contextmanager
def small_work_threads(device: torch.device, cells: int) -> Iterator[None]:
    """Use one CPU thread for small models: intra-op threads only add overhead there and
    oversubscribe a shared machine. With torch's OpenMP backend the count belongs to the
    calling thread, so concurrent trainings in other threads are not affected; it is restored
    on exit.
    """
    if device.type != "cpu" or cells > 2_000_000:
        yield
        return
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)
