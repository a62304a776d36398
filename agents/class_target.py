"""A training target on one class, read from the goal's words and the label's own values."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from agents import patterns as rx
from agents.hand_labels import table_profile
from agents.slots import fraction
from tools.tabular import LABEL_COLUMN_GUESSES

if TYPE_CHECKING:
    from agents.plan import Planning

METRIC_WORD = r"(?P<metric>recall|precision|f1(?:[- ]score)?|f[- ]score|sensitivity)"
"""The figures a class has of its own; 'sensitivity' is recall."""
VALUE = (
    r"\s*(?:(?:score\s+)?(?:is|should\s+be|must\s+be|needs\s+to\s+be|of|to|at\s+least|above|"
    r"over|more\s+than|greater\s+than|no\s+less\s+than|>=?|≥|=|:)\s*){0,3}"
    r"(?P<n>\d*\.\d+|\d+(?:\.\d+)?)\s*(?P<pct>%|\s?per\s?cent)?(?![\w.]\d)"
)
"""Between a metric (or its class) and the number: 'above 0.8', '>= .75', 'of at least 90%'."""
DEEDS = (
    r"\b(?:catch|detect|spot|flag|find|identify|recover|pick\s+up)\w*\s+"
    r"(?:at\s+least\s+|over\s+|more\s+than\s+|above\s+)?"
    r"(?P<n>\d*\.\d+|\d+(?:\.\d+)?)\s*(?P<pct>%|\s?per\s?cent)?\s+of\s+(?:the\s+|all\s+)?"
)
"""'catch at least 90% of the ...': the class's recall, said as what the model should do."""
POSITIVE = ("yes", "true", "1", "y", "positive", "pos")
"""A yes/no label's positive value, in the order looked for."""


def _said(value: str) -> str:
    """A class value as words may say it: 'no_show' as 'no-shows', 'no show', 'No_Show'."""
    parts = [re.escape(p) for p in re.split(r"[\s_-]+", value.strip()) if p]
    return r"[\s_-]*".join(parts) + r"(?:s|es)?"


def _classes(profile: dict[str, Any], label: str) -> list[str]:
    """The label column's values (every one when it has at most 30), else none."""
    column = next((c for c in profile["columns"] if c["name"] == label), None)
    values = (column or {}).get("values") or []
    return [str(v) for v in values if str(v).strip()]


def _positive(classes: list[str]) -> str | None:
    """A two-valued label's positive value ('yes', 'true', '1'), when it is one."""
    if len(classes) != 2:
        return None
    lower = {c.lower(): c for c in classes}
    return next((lower[p] for p in POSITIVE if p in lower), None)


def _class_pattern(classes: list[str], label: str) -> tuple[str, dict[str, str]]:
    """An alternation of the class values as said, and each spelling's key back to the class.

    A number or a one-letter value is only a class said with 'class' before it ('class 1');
    the label's own name stands for its positive value ('the no_show cases' of a yes/no
    column no_show), as does 'positive'.
    """
    names: dict[str, str] = {}
    spelt: list[tuple[int, str]] = []  # (length said, pattern): the longest is tried first
    for value in classes:
        bare = len(value) >= 2 and not value.replace(".", "").isdigit()
        said = _said(value)
        spelt.append((len(value), said if bare else rf"(?<=class\s){re.escape(value)}"))
        names[_key(value)] = value
    positive = _positive(classes)
    if positive is not None:
        spelt += [(len(label), _said(label)), (len("positive"), "positive")]
        names[_key(label)] = positive
        names["positive"] = positive
    return "|".join(s for _, s in sorted(spelt, key=lambda t: -t[0])), names


def _key(text: str) -> str:
    """A spelling reduced for lookup: 'No-Shows' → 'noshow'."""
    key = re.sub(r"[\s_-]+", "", text.lower())
    return key


def _lookup(names: dict[str, str], said: str) -> str | None:
    key = _key(said)
    for cut in (key, key.removesuffix("es"), key.removesuffix("s")):
        if cut in names:
            return names[cut]
    return None


def class_target(
    text: str, profile: dict[str, Any], label: str
) -> tuple[str, str, float | None] | None:
    """(metric, class, value) when the words aim a precision, recall or F1 at one of the
    label's classes: 'recall for the fraud class above 0.8' → ('recall', 'fraud', 0.8),
    'catch 90% of the no-shows' → ('recall', 'no_show', 0.9), 'precision on urgent at least
    .75' → ('precision', 'urgent', 0.75); None when no class of the label is named with it
    ('recall above 0.9' stays the macro figure).
    """
    classes = _classes(profile, label)
    if not classes:
        return None
    alternation, names = _class_pattern(classes, label)
    cls = rf"['\"“]?(?P<cls>{alternation})(?![\w-])['\"”]?"
    noun = r"(?:\s+(?:class|category|label|ones|cases|rows|records|group|tickets|items))?"
    lead = r"(?:the\s+)?(?:class\s+|category\s+|label\s+)?"
    patterns = (
        # 'recall for the fraud class above 0.8', 'precision on "urgent" >= .75'
        rf"\b{METRIC_WORD}\s+(?:score\s+)?(?:for|of|on|in|among|with)\s+{lead}{cls}{noun}{VALUE}",
        # 'fraud recall above 0.8', 'the no-show class's recall of 90%'
        rf"\b{lead}{cls}{noun}(?:'s)?\s+{METRIC_WORD}{VALUE}",
        # 'catch at least 90% of the no-shows'
        rf"{DEEDS}{cls}",
        # 'recall of 0.8 or more for the fraud class'
        rf"\b{METRIC_WORD}{VALUE}(?:\s+or\s+(?:more|better|higher|above))?\s+"
        rf"(?:for|on|of|in|among)\s+{lead}{cls}",
    )
    for i, pattern in enumerate(patterns):
        hit = rx.search(pattern, text, re.I)
        if hit is None:
            continue
        found = _lookup(names, hit.group("cls"))
        if found is None:
            continue
        word = "recall" if i == 2 else hit.group("metric").lower()
        metric = "recall" if word == "sensitivity" else "f1" if "f" in word[:1] else word
        value = fraction(hit.group("n"), hit.group("pct"))
        if not hit.group("pct") and 1 < float(hit.group("n")) < 50:
            value = None  # 'recall for fraud of 7' is no score: the class, no target
        return metric, found, value
    return None


def _label_of(args: dict[str, Any], profile: dict[str, Any]) -> str | None:
    label = args.get("label_column")
    if isinstance(label, str):
        return label
    lower = {n.lower(): n for n in profile["names"]}
    return next((lower[g] for g in LABEL_COLUMN_GUESSES if g in lower), None)


def aim_at_class(args: dict[str, Any], text: str) -> str | None:
    """Set train_model's target_metric, target_class (and target_value when said) when the
    words name a class of its label with the metric; the note that says so, or None (the
    arguments unchanged: the macro target stays when no class of the label is named).
    """
    if args.get("soft_labels") or args.get("task") == "regression":
        return None
    profile = table_profile(args.get("dataset"))
    label = _label_of(args, profile) if profile is not None else None
    if profile is None or label is None:
        return None
    said = class_target(text, profile, label)
    if said is None:
        return None
    metric, cls, value = said
    args["target_metric"], args["target_class"] = metric, cls
    if value is not None:
        args["target_value"] = value
    aim = f" ≥ {value:g}" if value is not None else ""
    return (
        f"target: {metric} of {label} {cls!r}{aim} on validation (that class's own {metric}, "
        "not the average over the classes)"
    )


def bind_class_target(p: Planning, args: dict[str, Any], text: str) -> None:
    """Aim a train_model step at one class's own figure when the words say one (aim_at_class),
    and say so in the plan's notes.
    """
    note = aim_at_class(args, text)
    if note is not None:
        p.notes.append(note)
