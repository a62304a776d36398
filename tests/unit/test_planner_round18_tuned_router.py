"""Eighteenth round: the router's fine-tuned encoder on by default, fitted at setup (`make setup`)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from agents import router, semantic

ROOT = Path(__file__).resolve().parents[2]


class _FakeEncoder:
    def embed(self, texts: list[str], keep: bool = True) -> np.ndarray:
        return np.full((len(texts), 384), 0.5, dtype=np.float32)


def test_the_shipped_fresh_fit_tunes_its_encoder_and_the_thread_fit_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tsv = tmp_path / "goals.tsv"
    tsv.write_text(
        "# tools<TAB>goal<TAB>corpus\n"
        "train_model\tteach it which lanterns in l.csv flicker\tlamps\n"
        "detect_anomalies\twhich lanterns in l.csv burn oddly\tlamps\n"
    )
    monkeypatch.setattr(router, "GOALS", tsv)
    monkeypatch.setattr(router, "FOLLOW_UPS", tmp_path / "followups.tsv")
    monkeypatch.setattr(semantic, "available", lambda: True)
    monkeypatch.setenv("FORGEFLOW_CACHE_DIR", str(tmp_path / "cache"))
    from agents import router_encoder
    from settings import reset_settings

    reset_settings()
    tuned: list[int] = []

    def fake_tuned(texts: list[str], labels: list[str], layers: int, path: Path) -> _FakeEncoder:
        tuned.append(layers)
        assert path.name.endswith("-encoder.npz")  # kept beside the fit
        return _FakeEncoder()

    monkeypatch.setattr(router_encoder, "tuned", fake_tuned)
    monkeypatch.setattr(router.Model, "_fit", lambda self, *args: None)
    monkeypatch.setattr(router.Model, "_save", lambda self, path: None)
    monkeypatch.setattr(router.Model, "_load", lambda self, path: False)
    router.Model(frozenset())
    assert tuned == [router.TUNED_LAYERS] and router.TUNED_LAYERS > 0
    router.Model(frozenset(), threads=True)
    assert tuned == [router.TUNED_LAYERS]  # the thread fit keeps the packaged embedding


def test_the_warm_command_fits_the_router_before_any_plan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer.testing import CliRunner

    import cli

    calls: list[str] = []
    monkeypatch.setattr(semantic, "warm", lambda: calls.append("warm"))
    result = CliRunner().invoke(cli.app, ["warm"])
    assert result.exit_code == 0, result.output
    assert calls == ["warm"] and "router warm" in result.output


def _fake_checkout(tmp_path: Path) -> Path:
    """The Makefile beside stand-ins for the files its setup reads (an installed venv whose
    `forgeflow` only says it ran)."""
    tree = tmp_path / "checkout"
    (tree / "agents" / "data").mkdir(parents=True)
    (tree / ".venv" / "bin").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", tree / "Makefile")
    for name in ("pyproject.toml", "agents/router.py", "agents/router_encoder.py"):
        (tree / name).write_text("# stand-in\n")
    (tree / "agents" / "data" / "rows.tsv").write_text("# tools<TAB>goal<TAB>corpus\n")
    for name in ("python", "pip"):
        script = tree / ".venv" / "bin" / name
        script.write_text("#!/bin/sh\nexit 0\n")
        script.chmod(0o755)
    script = tree / ".venv" / "bin" / "forgeflow"
    script.write_text(f'#!/bin/sh\necho "$@" >> "{tree}/warmed"\n')
    script.chmod(0o755)
    (tree / ".venv" / ".installed").write_text("")
    old = 1_700_000_000
    for path in tree.rglob("*"):
        os.utime(path, (old, old))
    os.utime(tree / ".venv" / ".installed", (old + 10, old + 10))
    return tree


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_setup_warms_the_router_once_and_again_when_what_it_fits_on_changes(
    tmp_path: Path,
) -> None:
    tree = _fake_checkout(tmp_path)

    def setup() -> None:
        subprocess.run(["make", "-s", "setup"], cwd=tree, check=True, capture_output=True)

    setup()
    assert (tree / "warmed").read_text().split() == ["warm"]
    setup()  # nothing changed: the stamp holds, no second fit
    assert (tree / "warmed").read_text().split() == ["warm"]
    later = (tree / ".venv" / ".router-warm").stat().st_mtime + 10
    os.utime(tree / "agents" / "data" / "rows.tsv", (later, later))  # the router's rows moved
    setup()
    assert (tree / "warmed").read_text().split() == ["warm", "warm"]


@pytest.mark.usefixtures("untuned_router")
def test_the_tests_untuned_router_knob_drops_the_fits_held_in_memory() -> None:
    assert router.TUNED_LAYERS == 0
    assert router._model.cache_info().currsize == 0  # no tuned fit of an earlier test is reused
