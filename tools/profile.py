"""Profiling a table cheaply: what each column is (id, text, label, partly filled), for binding."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import pandas as pd

from errors import ForgeflowError
from store.workspace import resolve_path
from tools.tabular import (
    LABEL_COLUMN_GUESSES,
    SKLEARN_DATASETS,
    load_table,
    read_table,
    table_format,
)
from tools.text_columns import is_free_text

SAMPLE_ROWS = 500
PROFILE_ALL_ROWS = 20_000
"""A table of at most this many rows is profiled whole: the first SAMPLE_ROWS of a file sorted
by a column (ticket orders by show) miss that column's later values, and a filter or a class
said in a goal ('for A Christmas Carol') then finds no column holding it. Larger tables are
profiled on their first SAMPLE_ROWS rows (planning stays cheap)."""
DEFAULT_ID_NAMES = ("id", "ID", "Id", "row_id", "uid")
"""The id columns training, prediction and the generator take without being told
(`tools.training.train.guess_id_column`)."""
REGRESSION_MIN_DISTINCT = 20
"""A numeric column with more distinct values than this is a quantity, not classes: train_model's
task `auto` regresses such a label (docs/training.md) and inspect_dataset calls it continuous."""
MAX_CACHED = 256
"""Profiles kept per process (least recently used dropped beyond this), in each cache."""
CONTENT_KEY_MAX_BYTES = 16_000_000
"""Files up to this size are also known by their bytes (`_BY_CONTENT`)."""
_CACHE: OrderedDict[tuple[str, float, int], dict[str, Any]] = OrderedDict()
# The same bytes under another path (a workspace copied for a new thread or home, a file
# uploaded again): the profile is not computed again. Keyed by the file's name (its suffixes
# pick the parser) and a digest of its bytes, so a changed file is never served stale.
_BY_CONTENT: OrderedDict[tuple[str, int, bytes], dict[str, Any]] = OrderedDict()
_LOCK = threading.Lock()


def _remember(cache: OrderedDict[Any, dict[str, Any]], key: Any, profile: dict[str, Any]) -> None:
    cache[key] = profile
    cache.move_to_end(key)
    while len(cache) > MAX_CACHED:
        cache.popitem(last=False)


def _content_key(path: Path, size: int) -> tuple[str, int, bytes] | None:
    """(name, size, digest of the bytes) of a file small enough to hash, else None."""
    if size > CONTENT_KEY_MAX_BYTES:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return path.name, len(data), hashlib.blake2b(data, digest_size=16).digest()


def _count_rows(path: Path, sampled: int) -> int:
    """Rows of a text table without parsing it (lines minus the header); else the sample size."""
    fmt = table_format(path)
    if fmt in ("csv", "tsv", "jsonl") and not path.name.endswith(".gz"):
        if path.stat().st_size > 64_000_000:
            return sampled
        with path.open("rb") as handle:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        return max(lines - (0 if fmt == "jsonl" else 1), sampled)
    return sampled


def _column(frame: pd.DataFrame, name: Any, rows: int) -> dict[str, Any]:
    series = frame[name]
    if series.dtype == object and series.map(lambda v: isinstance(v, (list, dict))).any():
        series = series.map(lambda v: str(v) if isinstance(v, (list, dict)) else v)  # JSON cells
    present = series.dropna()
    n = max(len(series), 1)
    distinct = int(present.nunique())
    missing = 1.0 - len(present) / n
    numeric = pd.api.types.is_numeric_dtype(series)
    integer = numeric and (pd.api.types.is_integer_dtype(present) or bool((present % 1 == 0).all()))
    mean_words = 0.0
    if not numeric and len(present):
        mean_words = float(present.head(200).astype(str).str.count(" ").mean() + 1)
    lower = str(name).lower()
    unique = distinct == len(present) and len(present) > 20
    id_like = bool(
        re.search(r"(^|_)(id|uuid|key|index)$", lower)
        or (unique and not numeric and mean_words < 2)
        or (unique and integer and lower.endswith("id"))
    )
    # Free text by the one rule labeling's text guess uses too (tools.text_columns).
    text_like = not numeric and is_free_text(series)
    small = distinct <= max(2, min(30, int(0.2 * len(present)) + 1))
    named = lower in LABEL_COLUMN_GUESSES
    label_like = bool(
        distinct >= 2
        and not id_like
        and not text_like
        and (small or named)
        and (integer or not numeric or named)
    )
    counts = present.value_counts() if (small or not numeric) else None
    top = counts.head(5) if counts is not None else None
    return {
        "name": str(name),
        "dtype": str(series.dtype),
        "distinct": distinct,
        "top": {str(k): int(v) for k, v in top.items()} if top is not None else {},
        # every value of a column with few of them (a class column's classes), most common first
        "values": [str(k) for k in counts.index]
        if counts is not None and small and distinct <= 30
        else [],
        "missing_share": round(missing, 4),
        "partly_filled": 0.0 < missing < 1.0,
        "id_like": id_like,
        "text_like": bool(text_like),
        "label_like": label_like,
    }


def _profile_frame(frame: pd.DataFrame, ref: str, rows: int) -> dict[str, Any]:
    columns = [_column(frame, c, rows) for c in frame.columns]
    return {
        "dataset": ref,
        "rows": rows,
        "sampled": len(frame),
        "columns": columns,
        "names": [c["name"] for c in columns],
    }


def profile_table(ref: str) -> dict[str, Any] | None:
    """A profile of the table `ref` names (bundled name, workspace file or dataset id), or None.

    Reads a table of up to PROFILE_ALL_ROWS rows whole, a larger one's first SAMPLE_ROWS,
    through the workspace resolver, and caches by path and modification time, and by the
    file's bytes (a copy elsewhere is not profiled again), so planning stays cheap. None when
    `ref` is not a readable table.
    """
    ref = (ref or "").strip()
    if not ref or "${" in ref:
        return None
    key = ref.removeprefix("sklearn:").removeprefix("sklearn/")
    path: Path | None = None
    if key not in SKLEARN_DATASETS:
        try:
            path = resolve_path(ref, must_exist=True)
        except ForgeflowError:
            path = None
        if path is not None and (not path.is_file() or table_format(path) is None):
            return None
    stat = path.stat() if path is not None else None
    cache_key = (str(path or key), stat.st_mtime if stat else 0.0, stat.st_size if stat else 0)
    with _LOCK:
        if cache_key in _CACHE:
            _CACHE.move_to_end(cache_key)
            return _CACHE[cache_key]
    content = _content_key(path, stat.st_size) if path is not None and stat is not None else None
    with _LOCK:
        known = _BY_CONTENT.get(content) if content is not None else None
        if known is not None:
            profile = {**known, "dataset": ref}  # the same bytes: only the name asked differs
            _remember(_CACHE, cache_key, profile)
            return profile
    try:
        if path is not None:
            frame = read_table(path, nrows=PROFILE_ALL_ROWS + 1)
            rows = _count_rows(path, len(frame))
        else:
            frame, _ = load_table(ref, nrows=None)
            rows = len(frame)
        if len(frame) > PROFILE_ALL_ROWS:
            frame = frame.head(SAMPLE_ROWS)
    except ForgeflowError:
        return None
    profile = _profile_frame(frame, ref, rows)
    with _LOCK:
        _remember(_CACHE, cache_key, profile)
        if content is not None:
            _remember(_BY_CONTENT, content, profile)
    return profile


def column_named(profile: dict[str, Any], word: str) -> str | None:
    """The column a word names (case, spaces, dashes and a plural 's' ignored), or None."""
    want = _squash(word)
    if not want:
        return None
    for name in profile["names"]:
        if _squash(name) == want:
            return name
    for name in profile["names"]:
        squashed = _squash(name)
        if squashed and (squashed + "s" == want or want + "s" == squashed):
            return name
    return None


def _squash(text: str) -> str:
    return re.sub(r"[\s_\-.]+", "", str(text).lower())


def columns_mentioned(profile: dict[str, Any], text: str) -> list[str]:
    """The profile's columns that the text names as words, in the order the text names them.

    One pass over the text's words (a column may span up to three: 'monthly charges'); case,
    `_`/`-`/space and a plural 's'/'ies' are ignored. No per-column regex, so a 65-column
    table costs a dict lookup per word.
    """
    wanted: dict[str, str] = {}
    for name in profile["names"]:
        key = _squash(name)
        if len(key) < 2:
            continue
        wanted.setdefault(key, name)
        wanted.setdefault(key + "s", name)
        if key.endswith("y"):
            wanted.setdefault(key[:-1] + "ies", name)
        if key.endswith("ed") and len(key) > 5:  # 'churned' ← 'churn', 'churns'
            wanted.setdefault(key[:-2], name)
            wanted.setdefault(key[:-2] + "s", name)
    words = [(m.start(), m.group(0).lower()) for m in _WORD_RE.finditer(text)]
    found: dict[str, int] = {}
    for i, (start, _) in enumerate(words):
        for span in (3, 2, 1):
            if i + span > len(words):
                continue
            key = "".join(w for _, w in words[i : i + span]).replace("_", "").replace("-", "")
            name = wanted.get(key)
            if name is not None and name not in found:
                found[name] = start
                break
    own = set(re.findall(r"[a-z]+", str(profile.get("dataset", "")).rsplit("/", 1)[-1].lower()))
    _near_columns(profile["names"], [(i, w) for i, w in words if w not in own], wanted, found)
    return sorted(found, key=found.__getitem__)


def edit_distance(a: str, b: str, bound: int | None = None) -> int:
    """Damerau-Levenshtein distance (an adjacent swap counts 1); meant for short words. With a
    `bound`, any distance over it comes back as `bound + 1` as soon as two rows of the table
    are all over it (no later cell can come back under: each is one of those rows' plus 0 or 1).
    """
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            value = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, rows[-2][j - 2] + 1)
            row.append(value)
        rows.append(row)
        if bound is not None and min(row) > bound and min(rows[-2]) > bound:
            return bound + 1
    return rows[-1][-1]


_VERB_STEMS = (
    "predict",
    "train",
    "classif",
    "label",
    "evaluat",
    "generat",
    "detect",
    "inspect",
    "export",
    "convert",
    "produc",
)
_NOT_COLUMN_WORDS = frozenset(
    "value values count number score class label labels total model models text data name "
    "names time date type types rows column columns table file files first second where which "
    "those these their there about other after before train predict".split()
)


def _near_columns(
    names: list[str], words: list[tuple[int, str]], wanted: dict[str, str], found: dict[str, int]
) -> None:
    """Columns named loosely: a misspelt name ('departmnet'), or one distinctive part of a
    longer name that no other column shares ('fraud' → fraud_flag).
    """
    parts: dict[str, list[str]] = {}
    for name in names:
        for part in re.split(r"[_\W]+", name.lower()):
            if len(part) >= 4 and part not in _NOT_COLUMN_WORDS:
                parts.setdefault(part, []).append(name)
    for start, word in words:
        if word in wanted or word in _NOT_COLUMN_WORDS or len(word) < 4:
            continue
        owners = parts.get(word) or parts.get(word.rstrip("s")) or []
        if len(owners) == 1 and owners[0] not in found:
            found[owners[0]] = start
            continue
        if len(word) < 5 or word.startswith(_VERB_STEMS):
            continue
        limit = 1 if len(word) <= 8 else 2
        # A name under five letters is not read from a misspelling: one letter more makes
        # another English word too often ('plain' is not the column plan, 'coast' not cost).
        close = [
            key
            for key in wanted
            if len(_squash(wanted[key])) >= 5
            and abs(len(key) - len(word)) <= limit
            and edit_distance(key, word, limit) <= limit
        ]
        if len({wanted[k] for k in close}) == 1 and wanted[close[0]] not in found:
            found[wanted[close[0]]] = start


_WORD_RE = re.compile(r"(?<![<>.\w])(?<![<>]=)[a-z0-9][\w-]*(?!\w|\.\w)", re.I)


# A column name that reads as a row identifier: ends in id/no/number/ref/code/key/serial...
_ID_NAME = re.compile(
    r"(?:^|[_\-\s.])(?:id|ids|uuid|guid|no|nr|num|number|ref|reference|code|key|serial|sn|"
    r"sku|idx|index)$|^(?:sku|isbn|barcode|uid)$",
    re.I,
)
_CAMEL_ID = re.compile(r"[a-z0-9](?:Id|ID|No|Nr|Num|Ref|Code|Key)$")  # caseNo, ClaimRef
# A unique short code by its values ('C-1042', 'CR7001', 'lot_0042'): letters and digits, no
# spaces; a date, an e-mail or a plain word is not one.
_CODE_VALUE = re.compile(r"^(?=[^@\s:]*\d)(?=[^@\s:]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9#/_.\-]{1,23}$")
_DATE_VALUE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


def _reads_as_id(column: dict[str, Any]) -> bool:
    name = column["name"].strip()
    if _ID_NAME.search(name) or _CAMEL_ID.search(name):
        return True
    if re.match(r"(?:int|uint|float|bool|datetime)", column["dtype"]) or not column["top"]:
        return False
    values = list(column["top"])
    return all(_CODE_VALUE.match(v) and not _DATE_VALUE.match(v) for v in values)


def evident_id(profile: dict[str, Any]) -> str | None:
    """The one column that plainly identifies the table's rows, or None.

    A column is evident when it is `id_like`, unique and filled in the sample, never text or a
    label, and its name reads as an identifier (`case_no`, `claim_ref`, `sighting_id`, `SKU`) or
    its values are short letter-and-digit codes (`C-1042`). A unique person name or e-mail is
    not evident (its name does not read as an id and its values are not codes). Two such
    columns compete: None (the tool's own default decides).
    """
    sampled = profile.get("sampled") or 0
    found = [
        c["name"]
        for c in profile["columns"]
        if c["id_like"]
        and not c["text_like"]
        and not c["label_like"]
        and c["missing_share"] == 0
        and sampled > 1
        and c["distinct"] == sampled
        and _reads_as_id(c)
    ]
    return found[0] if len(found) == 1 else None
