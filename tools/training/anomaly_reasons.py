"""Why a scored row is unusual: the values furthest from their column's typical ones.

Numbers: a robust z (distance from the column's median in scaled MADs) outside the column's
5th-95th percentiles. Categories: a value held by few rows (its share). Pairs of categories: a
value common alone but rare beside the row's value of another column (`fulfilment` pickup with
a `delivery_zone`). Every reason is a dict with `column`, `value`, `usual` and `score` (the
z of a normal value as far out or as rare), so the answer can say "quantity 240 (usual 1 to 8)".
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

REASONS_PER_ROW = 3
MIN_Z = 3.0
"""A number is a reason only this many robust standard deviations from its column's median."""
RARE_SHARE = 0.05
"""A category (or a pair's category) is a reason only held by fewer rows than this share..."""
RARE_RATIO = 5.0
"""...and this many times fewer than the share of a typical row's value (a pair: than the
share of the same value among all rows)."""
MAX_LEVELS = 50
"""Columns with more distinct values (ids, free text, timestamps) give no category reason."""
PAIR_COLUMNS = 20
PAIR_MIN_ROWS = 10
"""A pair reason needs this many rows with the other column's value: fewer say nothing."""
MAX_SCORE = 1e6
TEXT_CHARS = 40


def _plain(value: Any) -> Any:
    """A JSON-safe scalar: numpy to Python, non-finite floats as text, long text cut."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return str(value)
    if isinstance(value, str | int | float | bool) or value is None:
        return value[:TEXT_CHARS] if isinstance(value, str) else value
    return str(value)[:TEXT_CHARS]


def _number(x: float) -> str:
    """A short rendering: integers bare, others to 3 significant digits."""
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    return f"{x:.3g}"


def _rarity_z(share: float) -> float:
    """The z a normal value as rare (both tails) lies at: share 0.002 -> 3.1."""
    share = min(max(share, 1e-12), 1.0)
    return float(NormalDist().inv_cdf(1.0 - share / 2)) if share < 1.0 else 0.0


def _pct(share: float) -> str:
    """0.0034 -> '0.34%', 0.25 -> '25%', 0.996 -> '99.6%' (never a rounded 0% or 100%)."""
    if 0.1 <= share <= 0.99 or share in (0.0, 1.0):
        return f"{round(100 * share)}%"
    return f"{100 * share:.3g}%" if share > 0.99 else f"{100 * share:.2g}%"


@dataclass
class _Numeric:
    original: pd.Series
    values: np.ndarray
    median: float
    spread: float
    low: float
    high: float
    missing_share: float


@dataclass
class _Category:
    codes: np.ndarray
    labels: list[Any]
    shares: np.ndarray
    typical: float


def _numeric(series: pd.Series) -> _Numeric | None:
    values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    finite = values[np.isfinite(values)]
    if not len(finite):
        return None
    median = float(np.median(finite))
    low, high = (float(q) for q in np.quantile(finite, [0.05, 0.95]))
    spread = (
        1.4826 * float(np.median(np.abs(finite - median)))
        or (high - low) / 3.29
        or float(np.std(finite))
    )
    missing = float(np.isnan(values).mean())
    return _Numeric(series, values, median, spread, low, high, missing)


def _category(series: pd.Series) -> _Category | None:
    if series.dtype == object:  # unhashable cells (lists, dicts) as text
        series = series.map(lambda v: v if isinstance(v, str | int | float | bool) else str(v))
    codes, labels = pd.factorize(series, use_na_sentinel=False)
    n = len(codes)
    if not n or len(labels) > MAX_LEVELS or len(labels) > max(2, n // 2):
        return None
    shares = np.bincount(codes, minlength=len(labels)) / n
    return _Category(codes, list(labels), shares, float(np.median(shares[codes])))


def _label(value: Any) -> str:
    return "missing" if _missing(value) else str(_plain(value))


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA


def _value(value: Any) -> Any:
    return None if _missing(value) else _plain(value)


def _usual_categories(labels: list[Any], shares: np.ndarray) -> str:
    order = [i for i in np.argsort(-shares, kind="stable")[:3] if shares[i] > 0]
    return ", ".join(f"{_label(labels[i])} {_pct(float(shares[i]))}" for i in order)


def _numeric_reason(name: str, col: _Numeric, row: int) -> dict[str, Any] | None:
    v = col.values[row]
    usual = (
        f"{_number(col.low)} to {_number(col.high)}" if col.low != col.high else _number(col.low)
    )
    if np.isnan(v):
        if not 0 < col.missing_share < RARE_SHARE:
            return None
        z = _rarity_z(col.missing_share)
        usual = f"filled in {_pct(1 - col.missing_share)} of rows, {usual}"
        return {"column": name, "value": None, "usual": usual, "score": round(z, 1)}
    z = abs(v - col.median) / col.spread if col.spread and np.isfinite(v) else MAX_SCORE
    if col.low <= v <= col.high:
        return None
    if v < 0 <= col.low:  # a negative total where the column is otherwise never negative
        z = max(z, MIN_Z)
    if z < MIN_Z:
        return None
    value = _plain(col.original.iloc[row])
    if not isinstance(value, int | float) or isinstance(value, bool):
        value = _plain(v)
    return {"column": name, "value": value, "usual": usual, "score": round(min(z, MAX_SCORE), 1)}


def _category_reason(name: str, cat: _Category, row: int) -> dict[str, Any] | None:
    share = float(cat.shares[cat.codes[row]])
    if share >= RARE_SHARE or share * RARE_RATIO > cat.typical:
        return None
    return {
        "column": name,
        "value": _value(cat.labels[cat.codes[row]]),
        "usual": _usual_categories(cat.labels, cat.shares),
        "share": round(share, 4),
        "score": round(_rarity_z(share), 1),
    }


class _Pairs:
    """Joint counts of two categorical columns, made when first asked for."""

    def __init__(self, categories: dict[str, _Category]) -> None:
        self.categories = categories
        self.joint: dict[tuple[str, str], np.ndarray] = {}

    def reason(self, a_name: str, b_name: str, row: int) -> dict[str, Any] | None:
        a, b = self.categories[a_name], self.categories[b_name]
        alone = float(b.shares[b.codes[row]])
        if alone < RARE_SHARE:
            return None  # rare alone: its own reason says it
        key = (a_name, b_name)
        if key not in self.joint:
            ka, kb = len(a.labels), len(b.labels)
            flat = np.bincount(a.codes * kb + b.codes, minlength=ka * kb)
            self.joint[key] = flat.reshape(ka, kb).astype(float)
        counts = self.joint[key][a.codes[row]]
        total = float(counts.sum())
        if total < PAIR_MIN_ROWS:
            return None  # too few rows with a's value to judge by
        shares = counts / total
        share = float(shares[b.codes[row]])
        if share >= RARE_SHARE or share * RARE_RATIO > alone:
            return None  # not rare beside a's value, or about as rare as it is alone
        a_value = a.labels[a.codes[row]]
        return {
            "column": b_name,
            "value": _value(b.labels[b.codes[row]]),
            "with": {"column": a_name, "value": _value(a_value)},
            "usual": f"{_usual_categories(b.labels, shares)} of rows with {a_name} "
            f"{_label(a_value)}",
            "share": round(share, 4),
            "score": round(_rarity_z(share), 1),
        }


def explain_rows(
    frame: pd.DataFrame, rows: list[int], *, skip: set[str] | None = None
) -> list[list[dict[str, Any]]]:
    """For each row position in `rows`, up to REASONS_PER_ROW reasons, the highest score first.

    Columns in `skip` (the id) are never a reason. A column gives at most one reason per row,
    and a pair reason is left out where either column has a reason of its own.
    """
    skip = skip or set()
    numeric: dict[str, _Numeric] = {}
    categories: dict[str, _Category] = {}
    for column in frame.columns:
        name, series = str(column), frame[column]
        if name in skip or name in numeric or name in categories:
            continue
        if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
            if (col := _numeric(series)) is not None:
                numeric[name] = col
        elif (cat := _category(series)) is not None:
            categories[name] = cat
    pairs = _Pairs(categories)
    paired = list(categories)[:PAIR_COLUMNS]
    out = []
    for row in rows:
        found: dict[str, dict[str, Any]] = {}
        for name, col in numeric.items():
            if (reason := _numeric_reason(name, col, row)) is not None:
                found[name] = reason
        for name, cat in categories.items():
            if (reason := _category_reason(name, cat, row)) is not None:
                found[name] = reason
        candidates = [
            r
            for a in paired
            for b in paired
            if a != b and a not in found and b not in found
            if (r := pairs.reason(a, b, row)) is not None
        ]
        used: set[str] = set(found)
        chosen = []
        for reason in sorted(candidates, key=lambda r: -r["score"]):
            columns = {reason["column"], reason["with"]["column"]}
            if not columns & used:  # (a, b) and (b, a) say one thing: the stronger is kept
                chosen.append(reason)
                used |= columns
        ranked = sorted([*found.values(), *chosen], key=lambda r: -r["score"])
        out.append(ranked[:REASONS_PER_ROW])
    return out


def reason_text(reason: dict[str, Any]) -> str:
    """'quantity 240 (usual 1 to 8)'; 'delivery_zone harbour with fulfilment pickup (...)'."""
    value = reason.get("value")
    shown = _label(value) if not isinstance(value, float) else _number(value)
    other = reason.get("with")
    if isinstance(other, dict):
        shown += f" with {other.get('column')} {_label(other.get('value'))}"
    elif isinstance(reason.get("share"), float):
        shown += f", {_pct(float(reason['share']))} of rows"
    return f"{reason.get('column')} {shown} (usual {reason.get('usual')})"
