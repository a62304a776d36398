"""Apply labeling functions column-at-a-time into a label matrix (Snorkel's convention: -1 abstains)."""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from re import _parser as _sre_parser  # type: ignore[attr-defined]
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from errors import BadInput, candidate_details, closest
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

Text = pa.Array | pa.ChunkedArray
"""A text column in Arrow: string or large_string, without nulls."""


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
    keywords and phrases, so adding keyword LFs is almost free. Rows of ASCII text are
    tokenised in numpy straight over the Arrow data buffer (`_scan_rows`); other rows, and
    columns no ASCII term could match, go through Arrow's split and hash lookups.
    """

    def __init__(self, values: Text, terms: list[str], fold: bool) -> None:
        """`values` is the raw text; `fold`: match case-insensitively (terms are lower case)."""
        self.n = len(values)
        self.terms = {t: i for i, t in enumerate(terms)}
        self._rows: list[np.ndarray] = []
        if not terms:
            return
        term_idx, rows = _find_terms(values, terms, fold)
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
_BLOCK_BYTES = 1 << 21
"""Text is scanned in row-aligned blocks of about this size (temporaries stay in cache)."""
_PAD = 16
_ONES = np.uint64(0x0101010101010101)
_FOLD = np.uint64(0x2020202020202020)
"""OR-ed into ASCII word bytes: lower-cases letters, keeps digits, maps `_` to 0x7F."""
_SIZE_MASK = np.array([(1 << (8 * k)) - 1 for k in range(8)] + [2**64 - 1], dtype=np.uint64)
"""The bytes of a token's first 8-byte window that are in the token, by its length."""


def _find_terms(values: Text, terms: list[str], fold: bool) -> tuple[np.ndarray, np.ndarray]:
    """(term index, row) for every occurrence of a term (word or phrase) in `values`."""
    segments = _text_buffers(values)
    ascii_terms = [i for i, t in enumerate(terms) if t.isascii()]
    if not segments or not ascii_terms:
        return _arrow_find(values, terms, fold)
    words = sorted({w for i in ascii_terms for w in terms[i].split(" ")})
    word_id = {w: i for i, w in enumerate(words)}
    single = np.full(len(words), -1, dtype=np.int64)
    phrases: list[tuple[int, list[int]]] = []
    for i in ascii_terms:
        parts = terms[i].split(" ")
        if len(parts) == 1:
            single[word_id[parts[0]]] = i
        else:
            phrases.append((i, [word_id[p] for p in parts]))
    vocab = _Vocab(words, fold)

    def scan(task: tuple[int, np.ndarray, np.ndarray, int, int]) -> tuple[np.ndarray, ...]:
        base, data, offsets, first, last = task
        found, rows, other = _scan_rows(data, offsets, first, last, vocab, single, phrases)
        return found, rows + base, other + base

    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        parts = list(pool.map(scan, _tasks(segments)))
    found_terms = [p[0] for p in parts]
    found_rows = [p[1] for p in parts]
    other = np.concatenate([p[2] for p in parts])
    if len(other):
        # Rows with non-ASCII text: Arrow's Unicode-aware path, on those rows only.
        sub_terms, sub_rows = _arrow_find(_take(values, other), terms, fold)
        found_terms.append(sub_terms)
        found_rows.append(other[sub_rows])
    return np.concatenate(found_terms), np.concatenate(found_rows)


def _arrow_find(values: Text, terms: list[str], fold: bool) -> tuple[np.ndarray, np.ndarray]:
    """(term index, row) of every term in `values` with Arrow's split and hash lookups."""
    values = _one_array(values)
    if fold:
        values = pc.utf8_lower(values)
    n = len(values)
    step = max(1, -(-n // _WORKERS))
    chunks = [(start, values.slice(start, step)) for start in range(0, n, step)]
    if not chunks:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        parts = list(pool.map(lambda c: _lookup(c[1], terms, c[0]), chunks))
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


Segment = tuple[int, np.ndarray, np.ndarray]
"""(first row, UTF-8 bytes as uint8, row offsets into them as int64 (rows + 1))."""


def _text_buffers(values: Text) -> list[Segment] | None:
    """The bytes and offsets of each chunk of a string column, without copies.

    None for other types or where there are nulls.
    """
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    segments = []
    base = 0
    for chunk in chunks:
        if not (pa.types.is_string(chunk.type) or pa.types.is_large_string(chunk.type)):
            return None
        if chunk.null_count:
            return None
        if len(chunk):
            _, off_buf, data_buf = chunk.buffers()
            wide = pa.types.is_large_string(chunk.type)
            count = chunk.offset + len(chunk) + 1
            offsets = np.frombuffer(off_buf, dtype=np.int64 if wide else np.int32, count=count)
            offsets = offsets[chunk.offset :].astype(np.int64)
            data = np.zeros(0, dtype=np.uint8)
            if data_buf is not None:
                data = np.frombuffer(data_buf, dtype=np.uint8)
            if offsets[-1] > len(data):
                return None
            segments.append((base, data, offsets))
        base += len(chunk)
    return segments


def _tasks(segments: list[Segment]) -> list[tuple[int, np.ndarray, np.ndarray, int, int]]:
    """(first row, bytes, offsets, first, last): row runs of about equal bytes for the threads."""
    total = sum(int(off[-1] - off[0]) for _, _, off in segments)
    target = max(1, total // (_WORKERS * 8))
    tasks = []
    for base, data, offsets in segments:
        bounds = _row_chunks(offsets, max(1, round(int(offsets[-1] - offsets[0]) / target)))
        pairs = zip(bounds[:-1], bounds[1:], strict=True)
        tasks += [(base, data, offsets, int(a), int(b)) for a, b in pairs]
    return tasks


def _row_chunks(offsets: np.ndarray, parts: int) -> np.ndarray:
    """Row bounds splitting the rows into `parts` runs of about equal bytes."""
    n = len(offsets) - 1
    targets = offsets[0] + (offsets[-1] - offsets[0]) * np.arange(1, parts) // parts
    cuts = np.searchsorted(offsets, targets, side="left")
    return np.unique(np.concatenate([[0], np.clip(cuts, 0, n), [n]]))


def _u64_windows(buf: np.ndarray) -> np.ndarray:
    """Every 8-byte little-endian window of `buf` (window i = bytes i..i+7), without a copy."""
    return np.ndarray((len(buf) - 7,), dtype="<u8", buffer=buf, strides=(1,))


def _perfect_hash(keys: np.ndarray) -> tuple[np.uint64, np.uint64, np.ndarray] | None:
    """(multiplier, shift, table): `table[(key * mult) >> shift] - 1` is the key's index."""
    rng = np.random.default_rng(20_241)
    bits = max(8, len(keys).bit_length() + 3)
    for _ in range(12):
        for mult in rng.integers(0, 2**64, size=8, dtype=np.uint64) | np.uint64(1):
            shift = np.uint64(64 - bits)
            slots = (keys * mult) >> shift
            if len(np.unique(slots)) == len(keys):
                table = np.zeros(1 << bits, dtype=np.int32)
                table[slots] = np.arange(1, len(keys) + 1, dtype=np.int32)
                return mult, shift, table
        bits += 1
    return None


class _Vocab:
    """ASCII words keyed by their first 8 bytes (a uint64), found by a collision-free hash.

    A token's key is its first 8 bytes with the bytes past its end zeroed; word bytes are
    never zero, so a key of a word shorter than 8 bytes fixes the length too. Words of 8
    bytes or more share keys with longer tokens and are checked byte by byte.
    """

    def __init__(self, words: list[str], fold: bool) -> None:
        self.fold = fold
        encoded = [w.encode("ascii") for w in words]
        if fold:
            encoded = [bytes(b | 0x20 for b in e) for e in encoded]
        first = [int.from_bytes(e[:8], "little") for e in encoded]
        unique = sorted(set(first))
        self.keys = np.array(unique, dtype=np.uint64)
        slot = {k: i for i, k in enumerate(unique)}
        self.short = np.full(len(unique), -1, dtype=np.int64)
        self.long: dict[int, list[tuple[int, bytes]]] = {}
        for i, (e, k) in enumerate(zip(encoded, first, strict=True)):
            if len(e) < 8:
                self.short[slot[k]] = i
            else:
                self.long.setdefault(slot[k], []).append((i, e))
        self.first_and_size = np.zeros(256 * 16, dtype=bool)
        for e in encoded:
            self.first_and_size[e[0] << 4 | min(len(e), 15)] = True
        self.has_long = np.zeros(len(unique), dtype=bool)
        self.has_long[list(self.long)] = True
        self.hash = _perfect_hash(self.keys)

    def find(self, key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions in `key`, key index) of the keys that are vocabulary keys."""
        if self.hash is not None:
            mult, shift, table = self.hash
            slot = key * mult
            slot >>= shift
            hit = table.take(slot.view(np.int64))
            cand = np.flatnonzero(hit)
            idx = hit[cand].astype(np.int64) - 1
        else:
            idx = np.minimum(np.searchsorted(self.keys, key), len(self.keys) - 1)
            cand = np.arange(len(key))
        ok = key[cand] == self.keys[idx]
        return cand[ok], idx[ok]


def _scan_block(
    buf: np.ndarray, n: int, row_starts: np.ndarray, vocab: _Vocab
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """(token ordinal, word id, byte position) of the vocabulary words in a block, and its
    token count. `buf` holds the block's `n` bytes of ASCII text and `_PAD` more readable
    bytes; `row_starts` are the block's row starts (< n): tokens never cross them.
    """
    text = buf[:n]
    word = np.empty(n + _PAD, dtype=np.uint8)  # 1 on word bytes, later 1 where a token goes on
    is_word = word[:n].view(bool)
    tmp = np.empty(n, dtype=np.uint8)
    flag = np.empty(n, dtype=bool)
    np.bitwise_or(text, 0x20, out=tmp)
    np.subtract(tmp, ord("a"), out=tmp)
    np.less(tmp, 26, out=is_word)
    np.subtract(text, ord("0"), out=tmp)
    np.less(tmp, 10, out=flag)
    is_word |= flag
    np.equal(text, ord("_"), out=flag)
    is_word |= flag
    word[n:] = 0
    starts = flag
    starts[0] = is_word[0]
    np.greater(word[1:n], word[: n - 1], out=starts[1:])
    starts[row_starts] = is_word[row_starts]
    pos = np.flatnonzero(starts)
    count = len(pos)
    ends = tmp.view(bool)
    np.greater(word[:n], word[1 : n + 1], out=ends)
    inner = row_starts[row_starts > 0] - 1
    ends[inner] = is_word[inner]
    size = np.flatnonzero(ends)
    size -= pos
    size += 1
    word[row_starts] = 0  # now 1 where a token goes on
    # Only tokens whose first byte and length some word has are looked up.
    first = text.take(pos)
    if vocab.fold:
        first |= 0x20
    code = np.minimum(size, 15)
    code |= first.astype(np.int64) << 4
    ordinal = np.flatnonzero(vocab.first_and_size.take(code))
    pos, size = pos.take(ordinal), size.take(ordinal)
    key = _u64_windows(buf)[pos]
    if vocab.fold:
        key |= _FOLD
    key &= _SIZE_MASK.take(np.minimum(size, 8))
    cand, idx = vocab.find(key)
    ids = vocab.short[idx]
    if vocab.long:
        for k in np.flatnonzero(np.bincount(idx, minlength=len(vocab.keys)) * vocab.has_long):
            sel = np.flatnonzero(idx == k)
            at = pos[cand[sel]]
            for wid, encoded in vocab.long[int(k)]:
                ok = _long_word_at(buf, word, n, at, encoded, vocab.fold)
                ids[sel[ok]] = wid
    keep = ids >= 0
    cand = cand[keep]
    return ordinal[cand], ids[keep], pos[cand], count


def _long_word_at(
    buf: np.ndarray, word: np.ndarray, n: int, at: np.ndarray, encoded: bytes, fold: bool
) -> np.ndarray:
    """Where the token starting at each of `at` is exactly `encoded` (8 bytes or more)."""
    size = len(encoded)
    ok = at + size <= n
    data, going = _u64_windows(buf), _u64_windows(word)
    for start in range(8, size, 8):
        piece = encoded[start : start + 8]
        mask = np.uint64((1 << (8 * len(piece))) - 1)
        where = np.where(ok, at + start, 0)
        got = data[where] | _FOLD if fold else data[where]
        ok &= (got & mask) == np.uint64(int.from_bytes(piece, "little"))
        ok &= (going[where] & mask) == (_ONES & mask)
    ok &= word[np.where(ok, at + size, 0)] == 0
    return ok


def _scan_rows(
    data: np.ndarray,
    offsets: np.ndarray,
    first: int,
    last: int,
    vocab: _Vocab,
    single: np.ndarray,
    phrases: list[tuple[int, list[int]]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(term index, row) of the ASCII terms in rows first..last-1, and the rows not in ASCII.

    `single[word id]` is the term of a one-word term; phrases are (term, word ids).
    """
    ordinals, ids, rows, other = [], [], [], []
    base = 0
    for row, buf, n, starts in _blocks(data, offsets, first, last):
        bad = None
        if buf[:n].max() >= 0x80:
            high = np.flatnonzero(buf[:n] >= 0x80)
            bad = np.unique(np.searchsorted(starts, high, side="right") - 1) + row
            other.append(bad)
        cand, found, at, count = _scan_block(buf, n, starts[starts < n], vocab)
        hit_rows = np.searchsorted(starts, at, side="right") - 1 + row
        if bad is not None:
            keep = ~np.isin(hit_rows, bad)
            cand, found, hit_rows = cand[keep], found[keep], hit_rows[keep]
        ordinals.append(cand + base)
        ids.append(found)
        rows.append(hit_rows)
        base += count
    empty = np.zeros(0, dtype=np.int64)
    other_rows = np.concatenate(other) if other else empty
    if not ordinals:
        return empty, empty, other_rows
    ordinal, wid, hit_row = np.concatenate(ordinals), np.concatenate(ids), np.concatenate(rows)
    term = single[wid]
    keep = term >= 0
    out_terms, out_rows = [term[keep]], [hit_row[keep]]
    if phrases and len(ordinal):
        order = np.argsort(wid, kind="stable")
        bounds = np.searchsorted(wid[order], np.arange(len(single) + 1))
        for term_id, words in phrases:
            at = order[bounds[words[0]] : bounds[words[0] + 1]]
            ok = np.ones(len(at), dtype=bool)
            for step, next_word in enumerate(words[1:], start=1):
                target = ordinal[at] + step
                j = np.minimum(np.searchsorted(ordinal, target), len(ordinal) - 1)
                ok &= (ordinal[j] == target) & (wid[j] == next_word) & (hit_row[j] == hit_row[at])
            out_rows.append(hit_row[at[ok]])
            out_terms.append(np.full(int(ok.sum()), term_id, dtype=np.int64))
    return np.concatenate(out_terms), np.concatenate(out_rows), other_rows


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


def _blocks(
    data: np.ndarray, offsets: np.ndarray, first: int, last: int
) -> Iterator[tuple[int, np.ndarray, int, np.ndarray]]:
    """Row-aligned blocks of rows first..last-1 of about `_BLOCK_BYTES`.

    Yields (first row, bytes, size, row starts in the block); the bytes array holds the
    block's `size` bytes and `_PAD` more readable bytes after them.
    """
    ends = np.searchsorted(offsets, offsets[first:last] + _BLOCK_BYTES, side="right") - 1
    row = first
    while row < last:
        end = int(min(max(ends[row - first], row + 1), last))
        lo, hi = int(offsets[row]), int(offsets[end])
        if hi > lo:
            if hi + _PAD <= len(data):
                buf = data[lo : hi + _PAD]
            else:
                buf = np.zeros(hi - lo + _PAD, dtype=np.uint8)
                buf[: hi - lo] = data[lo:hi]
            yield row, buf, hi - lo, offsets[row:end] - lo
        row = end


def _required_literals(pattern: str) -> list[str] | None:
    """Strings of which every match of `pattern` contains one, or None when unsure.

    Read from Python's parse of the pattern, for patterns without flags; only runs of ASCII
    letters, digits, spaces and underscores written out in the pattern are used, so Python
    and RE2 read them alike.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the LF's validation already warned
            if re.compile(pattern).flags != re.UNICODE:
                return None
            parsed = _sre_parser.parse(pattern)
        found = _literals(list(parsed))
    except (re.error, RecursionError, ValueError, TypeError, IndexError, AttributeError):
        return None
    if not found or min(map(len, found)) < 3 or any(f not in pattern for f in found):
        return None
    return found


def _literals(items: list[tuple[Any, Any]]) -> list[str] | None:
    """The best set of strings one of which every match of the parsed sequence contains."""
    options: list[list[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op == _sre_parser.LITERAL and av < 128 and (chr(av).isalnum() or chr(av) in " _"):
            run.append(chr(av))
            continue
        if run:
            options.append(["".join(run)])
            run = []
        if op == _sre_parser.SUBPATTERN and not av[1] and not av[2]:
            options.append(_literals(list(av[3])) or [])
        elif op in _REPEATS and av[0] >= 1:
            options.append(_literals(list(av[2])) or [])
        elif op == _sre_parser.BRANCH:
            alternatives = [_literals(list(b)) for b in av[1]]
            if alternatives and all(alternatives):
                options.append([s for a in alternatives if a for s in a])
    options = [o for o in options if o and len(o) <= 8]
    return max(options, key=lambda o: min(map(len, o)) - 2 * len(o), default=None)


_REPEATS = {
    getattr(_sre_parser, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_sre_parser, name)
}


def _rows_containing(values: Text, literals: list[str]) -> np.ndarray | None:
    """Rows (bool) whose text contains one of the ASCII literals, by a numpy byte scan.

    Each literal is found from its rarest pair of adjacent bytes (counted on the first MiB),
    then compared in 8-byte windows; a literal never spans two rows. None when the buffers
    are not there.
    """
    segments = _text_buffers(values)
    if segments is None:
        return None
    out = np.zeros(len(values), dtype=bool)
    if not segments:
        return out
    _, data, offsets = segments[0]
    sample = data[offsets[0] : min(offsets[-1], offsets[0] + (1 << 20))].astype(np.int64)
    counts = np.bincount(sample[:-1] << 8 | sample[1:], minlength=1 << 16)
    encoded = [lit.encode("ascii") for lit in literals]
    anchors = [
        min(range(len(e) - 1), key=lambda i, e=e: counts[e[i] << 8 | e[i + 1]]) for e in encoded
    ]

    def scan(task: tuple[int, np.ndarray, np.ndarray, int, int]) -> None:
        base, data, offsets, first, last = task
        for row, block, n, starts in _blocks(data, offsets, first, last):
            windows = _u64_windows(block)
            hit = np.empty(n, dtype=bool)
            other = np.empty(n, dtype=bool)
            for lit, anchor in zip(encoded, anchors, strict=True):
                np.equal(block[:n], lit[anchor], out=hit)
                np.equal(block[1 : n + 1], lit[anchor + 1], out=other)
                hit &= other
                at = np.flatnonzero(hit)
                at -= anchor
                at = at[(at >= 0) & (at + len(lit) <= n)]
                for start in range(0, len(lit), 8):
                    piece = lit[start : start + 8]
                    mask = np.uint64((1 << (8 * len(piece))) - 1)
                    key = np.uint64(int.from_bytes(piece, "little"))
                    at = at[(windows[at + start] & mask) == key]
                first_row = np.searchsorted(starts, at, side="right")
                last_row = np.searchsorted(starts, at + len(lit) - 1, side="right")
                out[base + row - 1 + first_row[first_row == last_row]] = True

    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        list(pool.map(scan, _tasks(segments)))
    return out


def _chunked(values: Text, fn: Callable[[pa.Array], np.ndarray]) -> np.ndarray:
    """`fn` over slices of `values` in parallel threads (Arrow releases the GIL), joined."""
    step = max(1 << 12, -(-len(values) // _WORKERS))
    chunks = [values.slice(start, step) for start in range(0, len(values), step)]
    if len(chunks) <= 1:
        return fn(values)
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        return np.concatenate(list(pool.map(fn, chunks)))


def _regex(values: Text, pattern: str, ignore_case: bool) -> np.ndarray:
    """Rows where RE2 finds the pattern; raises ArrowInvalid where RE2 cannot compile it.

    Rows without a literal every match must contain are skipped without running RE2.
    """

    def match(chunk: pa.Array) -> np.ndarray:
        return _np_bool(pc.match_substring_regex(chunk, pattern, ignore_case=ignore_case))

    literals = None if ignore_case else _required_literals(pattern)
    rows = _rows_containing(values, literals) if literals else None
    if rows is None:
        return _chunked(values, match)
    match(pa.array([""], values.type))  # compile errors as for the whole column
    out = np.zeros(len(values), dtype=bool)
    idx = np.flatnonzero(rows)
    if len(idx):
        out[idx] = _chunked(_take(values, idx), match)
    return out


def _arrow_text(series: pd.Series) -> Text:
    """The column as Arrow strings, nulls as empty strings (zero-copy when possible).

    The chunks of a chunked column are kept (joining them would copy all the text); the
    Arrow-only paths join them where they need one array.
    """
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
    if isinstance(values, pa.ChunkedArray) and values.num_chunks == 1:
        values = values.chunk(0)
    if pa.types.is_large_string(values.type) and values.nbytes < 2**31 - 2**20:
        # 32-bit offsets: Arrow's split kernels run about three times faster on them.
        values = values.cast(pa.string())
    return pc.fill_null(values, "") if values.null_count else values


def _take(values: Text, rows: np.ndarray) -> pa.Array:
    """The rows (sorted) as one array, taken chunk by chunk (never joining whole chunks)."""
    if not isinstance(values, pa.ChunkedArray):
        return values.take(pa.array(rows))
    bounds = np.cumsum([0] + [len(c) for c in values.chunks])
    which = np.searchsorted(bounds, rows, side="right") - 1
    pieces = [
        chunk.take(pa.array(rows[which == k] - bounds[k]))
        for k, chunk in enumerate(values.chunks)
        if np.any(which == k)
    ]
    return pa.chunked_array(pieces, type=values.type).combine_chunks()


def _one_array(values: Text) -> pa.Array:
    """One array of the text (chunks joined)."""
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _np_bool(arr: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(pc.fill_null(arr, False).to_numpy(zero_copy_only=False), dtype=bool)


def _tokens(text: str) -> list[str]:
    return re.sub(r"[^\w]+", " ", text).split()


class _Evaluator:
    """Evaluates conditions on a frame with per-column caches (text arrays, token indexes)."""

    def __init__(self, frame: pd.DataFrame, conds: list[Any]) -> None:
        self.frame = frame
        self._text: dict[tuple[str, bool], Text] = {}
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

    def text(self, name: str, case_sensitive: bool) -> Text:
        key = (name, case_sensitive)
        if key not in self._text:
            values = _arrow_text(self.column(name))
            self._text[key] = values if case_sensitive else pc.utf8_lower(values)
        return self._text[key]

    def index(self, name: str, case_sensitive: bool) -> _TextIndex:
        key = (name, case_sensitive)
        if key not in self._index:
            vocab = sorted(self._vocab.get(key, set()))
            self._index[key] = _TextIndex(self.text(name, True), vocab, not case_sensitive)
        return self._index[key]

    def evaluate(self, cond: Any) -> np.ndarray:
        if isinstance(cond, KeywordCond):
            return self._keyword(cond)
        if isinstance(cond, RegexCond):
            values = self.text(cond.column, True)
            try:
                return _regex(values, cond.pattern, cond.ignore_case)
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
                columns = [str(c) for c in frame.columns]
                raise BadInput(
                    f"labeling function {spec.name!r} reads column {missing[0]!r}, "
                    "which the data does not have",
                    hint=f"columns are: {', '.join(columns)}",
                    code="column_not_found",
                    details=candidate_details(
                        "labeling_functions",
                        closest(missing[0], columns),
                        "not_found",
                        value=missing[0],
                        labeling_function=spec.name,
                        choices=columns[:200],
                    ),
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
    declarative = [(j, s) for j, s in enumerate(specs) if isinstance(s, DeclarativeLF)]
    code = [(j, s) for j, s in enumerate(specs) if isinstance(s, CodeLF)]
    errors: list[dict[str, Any]] = []
    if not code:
        matrix = apply_declarative(frame, [s for _, s in declarative], classes)
        return LabelMatrix(matrix=matrix, names=[s.name for s in specs], errors=errors)
    matrix = np.full((len(frame), len(specs)), ABSTAIN, dtype=np.int64)
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
