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


MAX_NUMERIC_CLASSES = 10
"""A numeric label with more distinct values than this looks like a quantity, not classes."""
MAX_NUMERIC_SHARE = 0.2
"""...as does one with more than 5 distinct values that are over this share of its labels."""
MAX_WEAK_CLASSES = 30
"""Classes weak supervision takes without being forced (its cost grows with the classes)."""


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def looks_like_quantity(classes: list[str], labeled_rows: int) -> bool:
    """Every class is a number, and there are more than MAX_NUMERIC_CLASSES of them or more
    than 5 that are over MAX_NUMERIC_SHARE of the labeled rows.
    """
    k = len(classes)
    if k == 0 or not all(_is_number(c) for c in classes):
        return False
    return k > MAX_NUMERIC_CLASSES or (k > 5 and k > MAX_NUMERIC_SHARE * max(labeled_rows, 1))


def check_label_kind(classes: list[str], labeled_rows: int, *, force: bool = False) -> None:
    """Refuse, before any work, a label that looks like a quantity or has too many classes.

    A quantity: looks_like_quantity (e.g. 17 visit counts on 1,200 rows). Too many: more than MAX_WEAK_CLASSES classes of any kind. `force` (the
    person asked for it) lets both through; the run's cost is bounded anyway (docs/labeling.md).
    """
    if force:
        return
    k = len(classes)
    if looks_like_quantity(classes, labeled_rows):
        shown = sorted(classes, key=float)
        raise BadInput(
            f"the label has {k} distinct numeric values ({shown[0]} to {shown[-1]} over "
            f"{labeled_rows} labeled rows): it looks like a quantity, not classes",
            hint=f"this looks like a regression target: weak supervision takes at most "
            f"{MAX_NUMERIC_CLASSES} numeric classes; bin it into a few classes, predict it "
            "with a regression model, or pass allow_many_classes=true to label it anyway",
            code="label_looks_like_quantity",
            details={"argument": "label_column", "classes": k, "limit": MAX_NUMERIC_CLASSES},
        )
    if k > MAX_WEAK_CLASSES:
        raise BadInput(
            f"the label has {k} classes; weak supervision here takes at most {MAX_WEAK_CLASSES}",
            hint="too many classes: group them into fewer, check that the label column holds "
            "labels, or pass allow_many_classes=true to label it anyway",
            code="too_many_classes",
            details={"argument": "label_column", "classes": k, "limit": MAX_WEAK_CLASSES},
        )
