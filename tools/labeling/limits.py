"""Bounds of a labeling request: how many classes and labeling functions one may have."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from errors import BadInput
from settings import get_settings

BINARY = ["0", "1"]
"""Classes of a compatible-API request that names none and has no hand labels (votes 0/1)."""


def checked_classes(classes: Iterable[Any], source: str, *, minimum: int = 2) -> list[str]:
    """The class names as text, refused when repeated, fewer than `minimum`, or over the cap.

    Every class set (from a request, hand labels or LFs) passes here, so no input can make
    a label model, a vote count or a probability table grow past FORGEFLOW_MAX_CLASSES.
    """
    limit = get_settings().max_classes
    names: list[str] = []
    for value in classes:
        names.append(str(value))
        if len(names) > limit:
            raise BadInput(
                f"more than {limit} classes from {source}",
                hint="weak supervision here takes at most FORGEFLOW_MAX_CLASSES classes; check "
                "that the label column holds labels, or raise the limit",
                code="too_many_classes",
            )
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise BadInput(
            f"classes from {source} repeat {', '.join(map(repr, repeated[:5]))}",
            hint="name every class once",
            code="duplicate_classes",
        )
    if len(names) < minimum:
        raise BadInput(
            f"{source} give{'s' if len(names) == 1 else ''} fewer than two classes",
            hint="weak supervision needs at least two classes",
            code="one_class",
        )
    return names


def check_lf_count(count: int) -> None:
    """Refuse a request with more labeling functions than FORGEFLOW_MAX_LFS."""
    limit = get_settings().max_lfs
    if count > limit:
        raise BadInput(
            f"{count} labeling functions in one request; at most {limit} are taken",
            hint="send fewer (or raise FORGEFLOW_MAX_LFS)",
            code="too_many_lfs",
        )
