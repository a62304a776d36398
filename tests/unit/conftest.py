"""Fixtures shared by the planner's unit tests: a run manager over the module's workspace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graphs.runner import get_manager, reset_managers


@pytest.fixture
def manager(ws: Path) -> Iterator[Any]:
    """The run manager, after the test module's `ws` fixture has written its tables."""
    manager = get_manager()
    yield manager
    reset_managers()
