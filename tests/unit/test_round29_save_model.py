"""save_model: a trained model copied under a new name in models/, usable by that name, the old
one kept; names checked, a taken name asked about (409 consent), overwrite=true replaces it."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from fastapi.testclient import TestClient

from errors import Conflict, ForgeflowError
from graphs.workflows import call_tool
from settings import get_settings
from store.outputs import made_by
from tools.base import ToolContext

LONE = "\ud800"
_CACHE: dict[str, Path] = {}


def ws() -> Path:
    return get_settings().workspace


def run(tool: str, args: dict[str, Any], ctx: ToolContext | None = None) -> Any:
    return call_tool(tool, args, ctx or ToolContext())


def signal_table(n: int, seed: int) -> pd.DataFrame:
    """`label` follows `signal`; `noise` does not."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(n)],
            "signal": rng.normal(size=n),
            "noise": rng.normal(size=n),
        }
    )
    frame["label"] = np.where(frame["signal"] > 0, "yes", "no")
    return frame


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("save-model")


def _trained(cache: Path, key: str, extra: dict[str, Any]) -> str:
    """Train `models/<key>` once per module (with a test file), then copy it into each test's
    workspace."""
    if key not in _CACHE:
        ws().mkdir(parents=True, exist_ok=True)
        signal_table(300, 0).to_csv(ws() / "signal.csv", index=False)
        signal_table(100, 1).to_csv(ws() / "signal_test.csv", index=False)
        args = {"dataset": "signal.csv", "label_column": "label", "name": key, "epochs": 15}
        run("train_model", {**args, "test_dataset": "signal_test.csv", **extra})
        shutil.copytree(ws(), cache / key)
        _CACHE[key] = cache / key
    else:
        shutil.copytree(_CACHE[key], ws(), dirs_exist_ok=True)
    return f"models/{key}"


@pytest.fixture
def model(cache: Path) -> str:
    return _trained(cache, "signal", {"model": "logistic"})


@pytest.fixture
def other(cache: Path) -> str:
    return _trained(cache, "wider", {"model": "mlp", "hidden_size": 8})


def digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` → its sha256 (what 'kept as it was' means)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def models_listing() -> list[str]:
    """Everything under models/, hidden names included (a temporary folder left would show)."""
    return sorted(p.relative_to(ws()).as_posix() for p in (ws() / "models").rglob("*"))


# ----- the copy ---------------------------------------------------------------------------------
def test_the_copy_has_the_model_and_the_old_folder_is_kept_as_it_was(model: str) -> None:
    before = digest(ws() / model)
    out = run("save_model", {"model": model, "name": "signal_v1"})
    assert out["model_path"] == "models/signal_v1" and out["name"] == "signal_v1"
    assert out["copied_from"] == model and out["replaced"] is False
    assert {"model.safetensors", "config.json", "preprocessing.json", "splits.json"} <= set(
        out["files"]
    )
    assert "test/evaluation.json" in out["files"]  # its one test measurement travels with it
    assert out["attempts_left_out"] == ["attempt-1"]
    assert not (ws() / "models/signal_v1/attempt-1").exists()
    assert "kept as it was" in out["message"]
    assert digest(ws() / model) == before
    copied = digest(ws() / "models/signal_v1")
    for name in ("model.safetensors", "config.json", "preprocessing.json", "splits.json"):
        assert copied[name] == before[name]
    assert made_by("models/signal_v1")["tool"] == "save_model"
    assert not [n for n in models_listing() if "/." in f"/{n}"]  # no temporary folder left


def test_the_copy_is_used_by_its_new_name_like_the_model(model: str) -> None:
    run("save_model", {"model": model, "name": "signal_v1"})
    first = run("evaluate_model", {"model": model, "dataset": "signal_test.csv"})
    copy = run("evaluate_model", {"model": "signal_v1", "dataset": "signal_test.csv"})
    assert copy["model"] == "models/signal_v1"
    assert copy["metrics"] == first["metrics"] and copy["metrics"]["accuracy"] > 0.8
    # no dataset: the copy's recorded split (its test file) is found as the original's is
    held = run("evaluate_model", {"model": "models/signal_v1"})
    assert held["split"] == "validation" and held["rows"] == 60
    said = run("predict", {"model": "signal_v1", "dataset": "signal_test.csv", "output": "p.csv"})
    before = run("predict", {"model": model, "dataset": "signal_test.csv", "output": "q.csv"})
    assert said["model"] == "models/signal_v1"
    assert pd.read_csv(ws() / "p.csv").equals(pd.read_csv(ws() / "q.csv"))
    assert said["class_counts"] == before["class_counts"]
    explained = run("explain_model", {"model": "signal_v1", "repeats": 1})
    assert explained["split"] == "test" and explained["importances"][0]["column"] == "signal"


def test_the_copy_works_after_the_old_model_is_gone(model: str) -> None:
    run("save_model", {"model": model, "name": "keeper"})
    shutil.rmtree(ws() / model)
    out = run("evaluate_model", {"model": "keeper", "dataset": "signal_test.csv"})
    assert out["metrics"]["accuracy"] > 0.8


# ----- a taken name: the replace question ---------------------------------------------------------
def test_a_taken_name_is_a_409_consent_and_nothing_changes(model: str, other: str) -> None:
    from graphs.orchestrator import CONSENT_TOOLS, consent_asked

    assert "save_model" in CONSENT_TOOLS  # the replace question, read from the registry
    run("save_model", {"model": model, "name": "best"})
    before = digest(ws() / "models/best")
    with pytest.raises(Conflict) as exc:
        run("save_model", {"model": other, "name": "best"})
    assert exc.value.status_code == 409 and exc.value.code == "file_exists"
    assert exc.value.hint and "overwrite=true" in exc.value.hint
    details = exc.value.details
    assert details["reason"] == "consent" and details["argument"] == "name"
    assert details["value"] == "best" and details["existing"] == ["models/best"]
    assert details["suggested"] == "best_2"
    # the orchestrator's question reads it: 'models/best exists — replace it, or save as best_2?'
    assert consent_asked({"details": details})[3] == [("models/best", "best_2")]
    assert digest(ws() / "models/best") == before
    assert not (ws() / "models/best_2").exists()


def test_a_folder_of_the_persons_under_models_is_asked_about_too(model: str) -> None:
    mine = ws() / "models/notes"
    mine.mkdir(parents=True)
    (mine / "readme.txt").write_text("mine")
    with pytest.raises(Conflict) as exc:
        run("save_model", {"model": model, "name": "notes"})
    assert exc.value.details["reason"] == "consent"
    assert [p.name for p in mine.iterdir()] == ["readme.txt"]


def test_overwrite_true_replaces_the_taken_name_with_the_new_model(model: str, other: str) -> None:
    run("save_model", {"model": model, "name": "best"})
    out = run("save_model", {"model": other, "name": "best", "overwrite": True})
    assert out["replaced"] is True
    saved = json.loads((ws() / "models/best/config.json").read_text())
    assert saved["arch"]["kind"] == "mlp"  # the second model's, not the first's
    assert (
        digest(ws() / "models/best")["model.safetensors"]
        == (digest(ws() / other)["model.safetensors"])
    )
    assert not [n for n in models_listing() if "/." in f"/{n}"]
    assert run("evaluate_model", {"model": "best", "dataset": "signal_test.csv"})["rows"] == 100


def test_the_suggested_name_for_a_long_taken_name_is_itself_usable(model: str) -> None:
    long = "m" * 60
    run("save_model", {"model": model, "name": long})
    with pytest.raises(Conflict) as exc:
        run("save_model", {"model": model, "name": long})
    suggested = exc.value.details["suggested"]
    assert len(suggested) <= 60 and suggested.endswith("_2")
    assert run("save_model", {"model": model, "name": suggested})["name"] == suggested


def test_a_file_named_models_is_a_400_not_a_crash(model: str) -> None:
    shutil.move(ws() / model, ws() / "kept_signal")
    shutil.rmtree(ws() / "models")
    (ws() / "models").write_text("not a folder")
    with pytest.raises(ForgeflowError) as exc:
        run("save_model", {"model": "kept_signal", "name": "x1"})
    assert exc.value.status_code == 400 and exc.value.code == "output_is_file"
    assert (ws() / "models").read_text() == "not a folder"


def test_a_resumed_step_replaces_its_own_copy_without_asking(model: str) -> None:
    ctx = ToolContext(run_id="run_abc")
    run("save_model", {"model": model, "name": "again"}, ctx)
    out = run("save_model", {"model": model, "name": "again"}, ToolContext(run_id="run_abc"))
    assert out["replaced"] is True
    with pytest.raises(Conflict):  # another run's copy: asked
        run("save_model", {"model": model, "name": "again"}, ToolContext(run_id="run_other"))


def test_the_models_own_name_and_a_name_holding_it_are_refused(model: str) -> None:
    before = models_listing()
    for name in ("signal", "models/signal"):
        with pytest.raises(ForgeflowError) as exc:
            run("save_model", {"model": model, "name": name, "overwrite": True})
        assert exc.value.status_code == 400 and exc.value.code == "same_model", name
    inner = f"{model}/attempt-1"
    with pytest.raises(ForgeflowError) as exc:  # a folder inside the name it would replace
        run("save_model", {"model": inner, "name": "signal", "overwrite": True})
    assert exc.value.code in ("output_is_source", "bad_input")
    assert models_listing() == before


# ----- hostile input ------------------------------------------------------------------------------
BAD_NAMES: list[Any] = [
    "..",
    "../escape",
    "../../etc/passwd",
    "/tmp/abs",
    "~root",
    "~/x",
    "a/b",
    "models/a/b",
    ".hidden",
    "-dash",
    "a.b",
    "rent model v1",
    "a\x00b",
    LONE,
    "x" * 61,
    "x" * 5000,
    "",
    "   ",
    "é_model",
    "a\\b",
]
BAD_TYPES: list[Any] = [2**63, 12, None, ["a"], {"a": 1}, True, 1.5]


@pytest.mark.parametrize("name", BAD_NAMES + BAD_TYPES)
def test_a_bad_name_is_a_4xx_with_a_hint_and_writes_nothing(model: str, name: Any) -> None:
    before = models_listing()
    with pytest.raises(ForgeflowError) as exc:
        run("save_model", {"model": model, "name": name})
    assert 400 <= exc.value.status_code < 500 and exc.value.hint, exc.value.message
    assert models_listing() == before
    assert not (ws().parent / "escape").exists() and not Path("/tmp/abs").exists()


def test_a_spaced_name_offers_its_usable_spelling(model: str) -> None:
    with pytest.raises(ForgeflowError) as exc:
        run("save_model", {"model": model, "name": "rent model v1"})
    assert exc.value.code == "bad_model_name"
    assert exc.value.details["argument"] == "name"
    assert exc.value.details["candidates"] == ["rent_model_v1"]


BAD_MODELS: list[Any] = [
    "../outside",
    "/etc",
    "~root/models/x",
    "models/\x00x",
    LONE,
    "models/" + "x" * 300,
    "x" * 5000,
    "models/missing",
    "signal.csv",  # a file, not a model folder
    "models",  # a folder, not a model
    2**63,
    None,
    ["models/signal"],
]


@pytest.mark.parametrize("source", BAD_MODELS)
def test_a_bad_model_is_a_4xx_with_a_hint_and_writes_nothing(model: str, source: Any) -> None:
    before = models_listing()
    with pytest.raises(ForgeflowError) as exc:
        run("save_model", {"model": source, "name": "copy_1"})
    assert 400 <= exc.value.status_code < 500 and exc.value.hint, exc.value.message
    assert models_listing() == before


def test_a_folder_that_is_no_trained_model_is_refused(model: str) -> None:
    odd = ws() / "models/odd"
    odd.mkdir()
    (odd / "config.json").write_text(json.dumps({"kind": "forgeflow.generator"}))
    with pytest.raises(ForgeflowError) as exc:
        run("save_model", {"model": "models/odd", "name": "odd_copy"})
    assert exc.value.status_code == 400 and "not a forgeflow trained model" in exc.value.message
    assert not (ws() / "models/odd_copy").exists()


def test_a_link_inside_the_model_is_not_followed(model: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("outside")
    (ws() / model / "leak.txt").symlink_to(secret)
    out = run("save_model", {"model": model, "name": "linked"})
    assert "leak.txt" not in out["files"]
    assert not (ws() / "models/linked/leak.txt").exists()


def test_a_name_that_is_a_link_is_refused(model: str, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    target.mkdir()
    (ws() / "models/linkname").symlink_to(target)
    with pytest.raises(ForgeflowError) as exc:
        run("save_model", {"model": model, "name": "linkname", "overwrite": True})
    assert exc.value.status_code in (400, 403)
    assert list(target.iterdir()) == []


# ----- one registry, every surface ----------------------------------------------------------------
def test_http_cli_and_mcp_list_it_from_the_registry(model: str) -> None:
    import anyio
    from typer.testing import CliRunner

    import cli
    from api.mcp import build_mcp_server
    from graphs.runner import get_manager, reset_managers
    from server import app
    from tools.registry import get_tool

    spec = get_tool("save_model")
    listed = json.loads(CliRunner().invoke(cli.app, ["tools", "list", "--json"]).stdout)
    assert {t["name"]: t for t in listed}["save_model"]["input_schema"] == spec.input_schema()
    mcp = {t.name: t for t in anyio.run(build_mcp_server().list_tools)}
    assert mcp["save_model"].input_schema == spec.input_schema()
    assert mcp["save_model"].description == spec.description
    try:
        client = TestClient(app, raise_server_exceptions=False)
        tools = {t["name"]: t for t in client.get("/tools").json()["tools"]}
        assert tools["save_model"]["input_schema"]["required"] == ["model", "name"]
        ok = client.post("/tools/save_model", json={"model": model, "name": "via_http"})
        assert ok.status_code == 200, ok.text
        assert ok.json()["output"]["model_path"] == "models/via_http"
        again = client.post("/tools/save_model", json={"model": model, "name": "via_http"})
        assert again.status_code == 409
        assert again.json()["error"]["details"]["reason"] == "consent"
        bad = client.post("/tools/save_model", json={"model": model, "name": "../x"})
        assert bad.status_code == 400 and bad.json()["error"]["hint"]
    finally:
        get_manager().shutdown()
        reset_managers()
