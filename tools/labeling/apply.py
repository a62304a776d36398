"""Apply labeling functions column-at-a-time into a label matrix (Snorkel's convention: -1 abstains)."""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from errors import BadInput
from tools.labeling.specs import (
    ABSTAIN,
    AndCond,
    CategoryCond,
    CodeLF,
    DeclarativeLF,
    KeywordCond,
    LFSpec,
    MissingCond,
    NotCond,
    OrCond,
    RegexCond,
    ThresholdCond,
    condition_columns,
)

# Tokens are runs of letters, digits and underscores; everything else separates words.
_NON_WORD = r"[^\pL\pN_]+"


@dataclass
class LabelMatrix:
    """The result of applying LFs: matrix (n_rows x n_lfs, int, -1 = abstain) and errors."""

    matrix: np.ndarray
    names: list[str]
    errors: list[dict[str, Any]] = field(default_factory=list)
    """{"name", "reason"} for each LF that failed; its column is all -1."""

    @property
    def failed(self) -> set[str]:
        """Names of the LFs that failed."""
        return {e["name"] for e in self.errors}


class _TextIndex:
    """Tokenised view of one text column, shared by every keyword condition on it.

    Words are runs of letters, digits and underscores. Rows are tokenised once for all
    keywords and phrases (split + hash lookups in Arrow, in parallel chunks), so adding
    keyword LFs is almost free.
    """

    def __init__(self, values: pa.Array, terms: list[str]) -> None:
        self.n = len(values)
        self.terms = {t: i for i, t in enumerate(terms)}
        self._rows: list[np.ndarray] = []
        if not terms:
            return
        step = max(1, -(-self.n // _WORKERS))
        chunks = [(start, values.slice(start, step)) for start in range(0, self.n, step)]
        with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
            parts = list(pool.map(lambda c: _lookup(c[1], terms, c[0]), chunks))
        term_idx = np.concatenate([p[0] for p in parts])
        rows = np.concatenate([p[1] for p in parts])
        order = np.argsort(term_idx, kind="stable")
        term_idx, rows = term_idx[order], rows[order]
        bounds = np.searchsorted(term_idx, np.arange(len(terms) + 1))
        self._rows = [rows[bounds[i] : bounds[i + 1]] for i in range(len(terms))]

    def has(self, term: str) -> np.ndarray:
        """Rows containing the word, or the words of the phrase in a row."""
        out = np.zeros(self.n, dtype=bool)
        idx = self.terms.get(term)
        if idx is not None:
            out[self._rows[idx]] = True
        return out


_WORKERS = max(1, min(8, os.cpu_count() or 1))


def _normalize(values: pa.Array) -> pa.Array:
    """Words separated by single spaces; only rows with other characters pay for the regex."""
    dirty = pc.match_substring_regex(values, r"[^\pL\pN_ ]|  |^ | $")
    if not pc.any(dirty).as_py():
        return values
    cleaned = pc.replace_substring_regex(values.filter(dirty), _NON_WORD, " ")
    return pc.replace_with_mask(values, dirty, pc.utf8_trim_whitespace(cleaned))


def _lookup(values: pa.Array, terms: list[str], offset: int) -> tuple[np.ndarray, np.ndarray]:
    """(term index, row) for every occurrence of a term (word or phrase) in `values`.

    One hash lookup over all tokens finds the words and the first words of phrases; rows are
    found from the list offsets for hits only (no per-token row array).
    """
    tokens = pc.split_pattern(_normalize(values), " ")
    flat = pc.list_flatten(tokens)
    offsets = np.asarray(tokens.offsets.to_numpy(zero_copy_only=False), dtype=np.int64)
    offsets = offsets - offsets[0]

    def row_of(positions: np.ndarray) -> np.ndarray:
        return np.searchsorted(offsets, positions, side="right") - 1

    index = {t: i for i, t in enumerate(terms)}
    phrases: dict[int, list[str]] = {}
    for term in terms:
        if " " in term:
            phrases.setdefault(term.count(" ") + 1, []).append(term)
    lookup = sorted(
        {t for t in terms if " " not in t} | {p.split(" ")[0] for g in phrases.values() for p in g}
    )
    position_of = {t: i for i, t in enumerate(lookup)}
    hit = pc.index_in(flat, value_set=pa.array(lookup, pa.string()))
    valid = pc.is_valid(hit)
    positions = np.flatnonzero(valid.to_numpy(zero_copy_only=False))
    which = hit.filter(valid).to_numpy()
    to_term = np.array([index.get(t, -1) for t in lookup], dtype=np.int64)
    found_terms = [to_term[which]]
    found_rows = [row_of(positions)]
    keep = found_terms[0] >= 0
    found_terms[0], found_rows[0] = found_terms[0][keep], found_rows[0][keep]
    for length, group in phrases.items():
        # Only positions whose word starts some phrase are joined with the next words.
        firsts = {position_of[p.split(" ")[0]] for p in group}
        starts = positions[np.isin(which, list(firsts))]
        starts = starts[starts + length - 1 < len(flat)]
        starts = starts[row_of(starts) == row_of(starts + length - 1)]
        if len(starts) == 0:
            continue
        pieces = [flat.take(pa.array(starts + k)) for k in range(length)]
        joined = pc.binary_join_element_wise(*pieces, pa.scalar(" ", flat.type))
        ids = np.array([index[t] for t in group], dtype=np.int64)
        phit = pc.index_in(joined, value_set=pa.array(group, pa.string()))
        pvalid = pc.is_valid(phit)
        found_terms.append(ids[phit.filter(pvalid).to_numpy()])
        found_rows.append(row_of(starts[pvalid.to_numpy(zero_copy_only=False)]))
    return np.concatenate(found_terms), np.concatenate(found_rows) + offset


def _arrow_text(series: pd.Series) -> pa.Array:
    """The column as one Arrow string array, nulls as empty strings (zero-copy when possible)."""
    try:
        values = pa.array(series.array) if pd.api.types.is_string_dtype(series.dtype) else None
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        values = None
    if (
        values is None
        or not pa.types.is_string(values.type)
        and not pa.types.is_large_string(values.type)
    ):
        values = pa.array(
            series.astype("string").to_numpy(dtype=object, na_value=None), pa.string()
        )
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if pa.types.is_large_string(values.type) and values.nbytes < 2**31 - 2**20:
        # 32-bit offsets: Arrow's split kernels run about three times faster on them.
        values = values.cast(pa.string())
    return pc.fill_null(values, "")


def _np_bool(arr: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(pc.fill_null(arr, False).to_numpy(zero_copy_only=False), dtype=bool)


def _tokens(text: str) -> list[str]:
    return re.sub(r"[^\w]+", " ", text).split()


class _Evaluator:
    """Evaluates conditions on a frame with per-column caches (text arrays, token indexes)."""

    def __init__(self, frame: pd.DataFrame, conds: list[Any]) -> None:
        self.frame = frame
        self._text: dict[tuple[str, bool], pa.Array] = {}
        self._index: dict[tuple[str, bool], _TextIndex] = {}
        self._vocab: dict[tuple[str, bool], set[str]] = {}
        for cond in conds:
            self._collect(cond)

    def _collect(self, cond: Any) -> None:
        if isinstance(cond, AndCond | OrCond):
            for c in cond.conditions:
                self._collect(c)
        elif isinstance(cond, NotCond):
            self._collect(cond.condition)
        elif isinstance(cond, KeywordCond) and cond.whole_word:
            key = (cond.column, cond.case_sensitive)
            for kw in cond.keywords:
                toks = _tokens(kw if cond.case_sensitive else kw.lower())
                if toks:
                    self._vocab.setdefault(key, set()).add(" ".join(toks))

    def column(self, name: str) -> pd.Series:
        if name not in self.frame.columns:
            raise BadInput(
                f"column {name!r} not found",
                hint=f"columns are: {', '.join(map(str, self.frame.columns))}",
                code="column_not_found",
            )
        return self.frame[name]

    def text(self, name: str, case_sensitive: bool) -> pa.Array:
        key = (name, case_sensitive)
        if key not in self._text:
            values = _arrow_text(self.column(name))
            self._text[key] = values if case_sensitive else pc.utf8_lower(values)
        return self._text[key]

    def index(self, name: str, case_sensitive: bool) -> _TextIndex:
        key = (name, case_sensitive)
        if key not in self._index:
            vocab = sorted(self._vocab.get(key, set()))
            self._index[key] = _TextIndex(self.text(name, case_sensitive), vocab)
        return self._index[key]

    def evaluate(self, cond: Any) -> np.ndarray:
        if isinstance(cond, KeywordCond):
            return self._keyword(cond)
        if isinstance(cond, RegexCond):
            values = self.text(cond.column, True)
            try:
                return _np_bool(
                    pc.match_substring_regex(values, cond.pattern, ignore_case=cond.ignore_case)
                )
            except pa.ArrowInvalid:
                # RE2 lacks some Python features (look-around, backreferences): use re.
                flags = re.IGNORECASE if cond.ignore_case else 0
                series = self.column(cond.column).astype("string").fillna("")
                compiled = re.compile(cond.pattern, flags)
                hits = series.map(lambda v: compiled.search(v) is not None)
                return hits.to_numpy(dtype=bool)
        if isinstance(cond, ThresholdCond):
            return self._threshold(cond)
        if isinstance(cond, CategoryCond):
            series = self.column(cond.column)
            hit = series.isin(cond.values).to_numpy(dtype=bool)
            as_text = series.astype("string").isin([str(v) for v in cond.values])
            return hit | as_text.fillna(False).to_numpy(dtype=bool)
        if isinstance(cond, MissingCond):
            series = self.column(cond.column)
            missing = series.isna().to_numpy(dtype=bool).copy()
            if series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
                blank = series.astype("string").str.strip().eq("").fillna(False)
                missing |= blank.to_numpy(dtype=bool)
            return missing
        if isinstance(cond, AndCond):
            return np.logical_and.reduce([self.evaluate(c) for c in cond.conditions])
        if isinstance(cond, OrCond):
            return np.logical_or.reduce([self.evaluate(c) for c in cond.conditions])
        if isinstance(cond, NotCond):
            return ~self.evaluate(cond.condition)
        raise TypeError(f"unknown condition {type(cond).__name__}")

    def _keyword(self, cond: KeywordCond) -> np.ndarray:
        masks = []
        for kw in cond.keywords:
            word = kw if cond.case_sensitive else kw.lower()
            if cond.whole_word:
                toks = _tokens(word)
                if not toks:
                    masks.append(np.zeros(len(self.frame), dtype=bool))
                    continue
                masks.append(self.index(cond.column, cond.case_sensitive).has(" ".join(toks)))
            else:
                values = self.text(cond.column, cond.case_sensitive)
                masks.append(_np_bool(pc.match_substring(values, word)))
        reduce = np.logical_or if cond.mode == "any" else np.logical_and
        return reduce.reduce(masks)

    def _threshold(self, cond: ThresholdCond) -> np.ndarray:
        series = self.column(cond.column)
        numbers = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
        if np.isnan(numbers).all() and series.notna().any():
            raise BadInput(
                f"column {cond.column!r} is not numeric; a threshold needs numbers",
                hint="use a keyword, regex or category condition on text columns",
                code="column_not_numeric",
            )
        with np.errstate(invalid="ignore"):
            if cond.op == ">":
                out = numbers > cond.value
            elif cond.op == ">=":
                out = numbers >= cond.value
            elif cond.op == "<":
                out = numbers < cond.value
            elif cond.op == "<=":
                out = numbers <= cond.value
            else:
                out = (numbers >= cond.value) & (numbers <= float(cond.high or 0.0))
        return out & ~np.isnan(numbers)


def check_columns(frame: pd.DataFrame, specs: list[LFSpec]) -> None:
    """Raise BadInput naming the first LF that reads a column the data does not have."""
    for spec in specs:
        if isinstance(spec, DeclarativeLF):
            missing = sorted(condition_columns(spec.when) - set(map(str, frame.columns)))
            if missing:
                raise BadInput(
                    f"labeling function {spec.name!r} reads column {missing[0]!r}, "
                    "which the data does not have",
                    hint=f"columns are: {', '.join(map(str, frame.columns))}",
                    code="column_not_found",
                )


def apply_declarative(
    frame: pd.DataFrame, specs: list[DeclarativeLF], classes: list[str]
) -> np.ndarray:
    """Evaluate declarative LFs vectorised; returns an int matrix (n_rows x n_lfs)."""
    check_columns(frame, list(specs))
    evaluator = _Evaluator(frame, [s.when for s in specs])
    out = np.full((len(frame), len(specs)), ABSTAIN, dtype=np.int64)
    for j, spec in enumerate(specs):
        if spec.label not in classes:
            raise BadInput(
                f"labeling function {spec.name!r} votes for unknown class {spec.label!r}",
                hint=f"classes are: {', '.join(classes)}",
                code="bad_labeling_function",
            )
        out[evaluator.evaluate(spec.when), j] = classes.index(spec.label)
    return out


def apply_lfs(
    frame: pd.DataFrame,
    specs: list[LFSpec],
    classes: list[str],
    *,
    id_column: str | None = None,
    sandbox_options: dict[str, Any] | None = None,
) -> LabelMatrix:
    """Apply every LF: declarative ones vectorised here, code ones in the sandbox.

    An LF that fails (raises, times out, returns a value outside the label set) is reported
    in `errors` by name and abstains everywhere; the others still run.
    """
    if len(frame) == 0:
        raise BadInput("the data has no rows", hint="give a table with at least one row")
    check_columns(frame, specs)
    matrix = np.full((len(frame), len(specs)), ABSTAIN, dtype=np.int64)
    declarative = [(j, s) for j, s in enumerate(specs) if isinstance(s, DeclarativeLF)]
    code = [(j, s) for j, s in enumerate(specs) if isinstance(s, CodeLF)]
    errors: list[dict[str, Any]] = []
    if declarative:
        sub = apply_declarative(frame, [s for _, s in declarative], classes)
        matrix[:, [j for j, _ in declarative]] = sub
    if code:
        from tools.labeling.sandbox import run_code_lfs

        result = run_code_lfs(
            frame, [s for _, s in code], classes, id_column=id_column, **(sandbox_options or {})
        )
        matrix[:, [j for j, _ in code]] = result.matrix
        errors.extend(result.errors)
    return LabelMatrix(matrix=matrix, names=[s.name for s in specs], errors=errors)
