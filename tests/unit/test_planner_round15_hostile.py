"""Fifteenth round: a document named by its bare name and looked up in the workspace's folders
(`agents.arguments._nested_document`) never resolves to a file outside the workspace."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from agents.arguments import _nested_document
from settings import get_settings


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A workspace with one nested guide, and a folder link leading out to a secret document."""
    ws = get_settings().workspace
    (ws / "docs" / "yard").mkdir(parents=True, exist_ok=True)
    (ws / "docs" / "yard" / "crane_guide.md").write_text("# Cranes\nCheck the hooks.\n")
    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "deep" / "secret.md").write_text("# Secret\n")
    os.symlink(outside, ws / "linked")
    return ws


def test_a_bare_name_finds_the_one_nested_document(root: Path) -> None:
    assert _nested_document("crane_guide.md") == "docs/yard/crane_guide.md"


@pytest.mark.parametrize(
    "name",
    [
        "secret.md",  # only reachable through the link leading out
        "../outside/deep/secret.md",
        "/etc/secret.md",
        "~root/secret.md",
        "sec\x00ret.md",
        "sec\udcffret.md",
        str(2**63) + ".md",
        "*.md",
        "[!x]*.md",
    ],
)
def test_hostile_names_never_resolve_out_of_the_workspace(root: Path, name: str) -> None:
    got = _nested_document(name)
    # unchanged (the planner's own path checks then refuse or ask) or a file inside the workspace
    assert got == name
