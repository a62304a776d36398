"""A learned router: the tool sequence a whole goal asks for, with a calibrated confidence.

Multinomial logistic regression over the goal's all-MiniLM-L6-v2 embedding (file names as
placeholders, `semantic.normalise`) and TF-IDF word and character n-grams, trained at first use
on the labelled phrasings (`agents/data/intents.tsv`, `phrasings.tsv`: clause-sized) and the
tunable corpora's single-turn goals and conversations' first turns (`agents/data/goals.tsv`)
and the conversations' later turns (`agents/data/followups.tsv`), both written by
`benchmarks/goals/export_phrasings.py`. The fit for a goal on an empty thread also learns from
composed rows (`composed`: two clause phrasings joined, "A, then B", for each multi-step
sequence the goals ask for), so a goal's second step is not lost to its first. A block of thread-state tokens (`agents.thread_state`:
the last acting turn's tools, what the thread holds; `fresh` for a goal on an empty thread) is
part of the features, so the same words can mean another tool on another thread. The planner
(`agents/planner.py`, `_arbitrate`) decides when its answer replaces the cue rules' routing.
`FORGEFLOW_ROUTER_EXCLUDE` (a benchmark knob) leaves corpora (goals, openings and follow-ups)
out of training for leave-one-corpus-out evaluation.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from agents import semantic, thread_state

GOALS = semantic.DATA / "goals.tsv"
FOLLOW_UPS = semantic.DATA / "followups.tsv"
STATE_WEIGHT = 1.0
"""Value of a present thread-state token (one feature per token of `thread_state.TOKENS`)."""
EMBED_WEIGHT = 1.0
"""Scale of the embedding block against the (unit-length) TF-IDF blocks."""
C = 4.0
"""Inverse regularisation of the logistic regression (chosen by leave-one-corpus-out)."""
GOAL_WEIGHT = 2.0
"""Sample weight of a whole goal against a clause-sized phrasing."""

COMPOSED = 30
"""Composed rows per multi-step sequence of the goals (two clause phrasings joined; chosen by
leave-one-corpus-out router top-1, `benchmarks/router_study.py`)."""
COMPOSED_WEIGHT = 1.0
"""Sample weight of a composed row."""
JOINS = (", then ", " and then ", ". Then ", " and ", ", and after that ", "; then ")
"""How a composed row joins its two phrasings."""
REVERSED = 0.0
"""Share of composed rows said second step first ("B, but first A"; 0: none)."""
BACKWARDS = (", but first ", ". Before that, ", ", after you ")
"""How a reversed composed row joins its phrasings (the later step said first)."""
TYPOS = 0
"""Copies of each goal row with typo noise (a letter dropped, doubled or swapped; 0: none)."""
TYPO_WEIGHT = 1.0
"""Sample weight of a typo copy."""
CHAR_WEIGHT = 1.0
"""Scale of the character n-gram block (0: the block is dropped)."""
CLASS_WEIGHT: str | None = None
"""The logistic regression's class weights (None, or 'balanced')."""
TUNED_LAYERS = 4
"""The fresh-goal fit's embedding: N, MiniLM with its top N layers fine-tuned on the fit's own
rows at first use (`agents/router_encoder.py`, SetFit-style, one epoch; kept beside the fit as
arrays); 0, the packaged MiniLM as it is. 4: +2.6 points top-1 on unseen writers
(`benchmarks/router_study.py --folds groups`, seventeenth round) and, with a drop's bar
re-chosen for its probability scale (`agents/planner.py` `ROUTER_DROP` 0.4), 325 of 375 on the
arbitration selection set against 321 untuned (eighteenth round, docs/planner.md). Its first fit
takes ~6-10 min of one-thread work: `make setup` (`forgeflow warm`) pays it, not a first plan."""

log = logging.getLogger(__name__)
_lock = threading.Lock()
WARM: Any = None
"""A benchmark's hook (model, classifier, labels) that sets a warm start before a fit."""


@dataclass(frozen=True)
class Route:
    """The router's answer: a tool sequence (() for 'nothing I do') and its probability."""

    tools: tuple[str, ...]
    confidence: float


def goal_rows(exclude: frozenset[str] = frozenset()) -> list[tuple[tuple[str, ...], str, str]]:
    """(tools, normalised goal, corpus) of goals.tsv (goals and conversation openings), without
    the excluded corpora.
    """
    rows: list[tuple[tuple[str, ...], str, str]] = []
    if not GOALS.exists():
        return rows
    for line in GOALS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.count("\t") < 2:
            continue
        tools, phrase, corpus = line.split("\t")[:3]
        if corpus.strip() in exclude:
            continue
        labels = tuple(t.strip() for t in tools.split(",") if t.strip())
        rows.append((labels, semantic.normalise(phrase), corpus.strip()))
    return rows


def follow_up_rows(
    exclude: frozenset[str] = frozenset(),
) -> list[tuple[tuple[str, ...], str, str, str]]:
    """(tools, normalised turn, corpus, state) of followups.tsv, without the excluded corpora."""
    rows: list[tuple[tuple[str, ...], str, str, str]] = []
    if not FOLLOW_UPS.exists():
        return rows
    for line in FOLLOW_UPS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.count("\t") < 3:
            continue
        tools, phrase, corpus, state = line.split("\t")[:4]
        if corpus.strip() in exclude:
            continue
        labels = tuple(t.strip() for t in tools.split(",") if t.strip())
        rows.append((labels, semantic.normalise(phrase), corpus.strip(), state.strip()))
    return rows


def composed(
    labels: list[tuple[str, ...]], phrases: list[str], goals: list[tuple[str, ...]], per_class: int
) -> list[tuple[tuple[str, ...], str]]:
    """Whole-goal rows made of two clause phrasings joined ("A, then B"), `per_class` for each
    multi-step sequence the goals ask for that two phrasings' sequences make up in order
    (deterministic: seeded by the sequence).
    """
    import random

    by_label: dict[tuple[str, ...], list[str]] = {}
    for label, phrase in zip(labels, phrases, strict=True):
        by_label.setdefault(label, []).append(phrase)
    out: list[tuple[tuple[str, ...], str]] = []
    for sequence in sorted({g for g in goals if len(g) > 1}):
        splits = [
            (sequence[:i], sequence[i:])
            for i in range(1, len(sequence))
            if sequence[:i] in by_label and sequence[i:] in by_label
        ]
        if not splits:
            continue
        seed = int(hashlib.sha256(",".join(sequence).encode()).hexdigest()[:8], 16)
        rng = random.Random(seed)
        for _ in range(per_class):
            first, second = rng.choice(splits)
            a, b = rng.choice(by_label[first]), rng.choice(by_label[second])
            if REVERSED and rng.random() < REVERSED:  # the later step said first
                a, b, joins = b, a, BACKWARDS
            else:
                joins = JOINS
            join = rng.choice(joins)
            b = b[:1].upper() + b[1:] if join.startswith(".") else b[:1].lower() + b[1:]
            out.append((sequence, a.rstrip(" .!?") + join + b))
    return out


def state_block(states: list[str]) -> Any:
    """The thread-state features of these states (one column per token of the vocabulary)."""
    from scipy import sparse

    index = {t: i for i, t in enumerate(thread_state.TOKENS)}
    rows, cols = [], []
    for row, state in enumerate(states):
        for token in set(state.split()):
            if token in index:
                rows.append(row)
                cols.append(index[token])
    data = np.full(len(rows), STATE_WEIGHT, dtype=np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(states), len(index)))


def excluded() -> frozenset[str]:
    """The corpora the benchmark knob FORGEFLOW_ROUTER_EXCLUDE leaves out of training."""
    from settings import get_settings

    value = get_settings().router_exclude
    return frozenset(c.strip() for c in value.split(",") if c.strip())


def _label(tools: tuple[str, ...]) -> str:
    return ",".join(tools) if tools and tools != ("none",) else "none"


@functools.lru_cache(maxsize=1)
def _goal_vectors() -> dict[str, np.ndarray]:
    """Embeddings of every goal of goals.tsv and turn of followups.tsv (once per process,
    whatever is excluded).
    """
    from tools.labeling import embeddings

    phrases = sorted({g[1] for g in goal_rows()} | {f[1] for f in follow_up_rows()})
    if not phrases:
        return {}
    with semantic._lock:
        matrix = np.asarray(embeddings.embed_corpus(phrases), dtype=np.float32)
    return dict(zip(phrases, matrix, strict=True))


def typo(text: str, rng: Any) -> str:
    """The text with one or two words misspelt (a letter dropped, doubled or two swapped)."""
    words = text.split(" ")
    spots = [
        i
        for i, w in enumerate(words)
        if len(w) >= 4 and w.isalpha() and w not in ("table", "document")  # not placeholders
    ]
    for i in rng.sample(spots, min(len(spots), rng.choice((1, 2)))):
        word, at = words[i], rng.randrange(1, len(words[i]) - 1)
        kind = rng.randrange(3)
        if kind == 0:
            word = word[:at] + word[at + 1 :]
        elif kind == 1:
            word = word[:at] + word[at] + word[at:]
        else:
            word = word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]
        words[i] = word
    return " ".join(words)


def training_set(
    exclude: frozenset[str], threads: bool
) -> tuple[list[str], list[str], np.ndarray, list[str], list[str]]:
    """(texts, labels, sample weights, thread states, the texts that are not phrasings) of a
    fit: phrasings, goals and openings without the excluded corpora, and either the composed
    rows (the fresh fit) or the follow-ups (the thread fit).
    """
    import random

    labels, phrases = semantic._corpus()
    goals = goal_rows(exclude)
    later = follow_up_rows(exclude) if threads else []
    # composed rows teach the fresh fit that a goal's steps add up (not the thread fit)
    per_class = 0 if threads else COMPOSED
    made = composed(list(labels), list(phrases), [g[0] for g in goals], per_class)
    noisy: list[tuple[tuple[str, ...], str]] = []
    if TYPOS and not threads:
        for tools, goal, _ in goals:
            rng = random.Random(int(hashlib.sha256(goal.encode()).hexdigest()[:8], 16))
            noisy += [(tools, typo(goal, rng)) for _ in range(TYPOS)]
    texts = list(phrases) + [g[1] for g in goals] + [f[1] for f in later]
    texts += [m[1] for m in made] + [n[1] for n in noisy]
    y = [_label(t) for t in labels] + [_label(g[0]) for g in goals]
    y += [_label(f[0]) for f in later] + [_label(m[0]) for m in made]
    y += [_label(n[0]) for n in noisy]
    states = [thread_state.FRESH] * (len(phrases) + len(goals)) + [f[3] for f in later]
    states += [thread_state.FRESH] * (len(made) + len(noisy))
    weights = np.array(
        [1.0] * len(phrases)
        + [GOAL_WEIGHT] * (len(goals) + len(later))
        + [COMPOSED_WEIGHT] * len(made)
        + [TYPO_WEIGHT] * len(noisy)
    )
    return texts, y, weights, states, texts[len(phrases) :]


WORD = {"ngram_range": (1, 2), "sublinear_tf": True, "min_df": 1}
CHAR = {"analyzer": "char_wb", "ngram_range": (3, 5), "sublinear_tf": True, "min_df": 2}


class Model:
    """The fitted router: vectorisers, weights, classes. Fitted once per install: the fit is
    kept in the cache folder (`FORGEFLOW_CACHE_DIR`) as plain arrays (no pickles), named by a
    hash of everything it was fitted on, and refitted when any of that changes.
    """

    def __init__(self, exclude: frozenset[str], threads: bool = False) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        # Two fits: one for a goal on an empty thread (phrasings, goals and openings alone, so
        # a follow-up's words never move a fresh goal's routing) and one for a thread's turns
        # (plus the follow-ups, with the state block).
        self.threads = threads
        texts, y, weights, states, rest = training_set(exclude, threads)
        self.size = len(y)
        self.use_embeddings = semantic.available()
        self.word = TfidfVectorizer(**WORD)
        self.char = TfidfVectorizer(**CHAR)
        path = self._path(texts, y, weights, states)
        self.encoder: Any = None
        from tools.labeling import embeddings

        # One process fits; others started meanwhile wait for its files rather than each
        # spending the same minutes.
        with embeddings.fitting_once(path):
            if not path.exists():
                log.warning(
                    "fitting the planner's router once (minutes; `forgeflow warm` does it "
                    "ahead of the first plan)"
                )
            if TUNED_LAYERS and self.use_embeddings and not threads:
                from agents import router_encoder

                tuned = path.with_name(path.stem + "-encoder.npz")
                self.encoder = router_encoder.tuned(texts, y, TUNED_LAYERS, tuned)
            if not self._load(path):
                self._fit(texts, y, weights, rest, states)
                self._save(path)

    def _path(self, texts: list[str], y: list[str], weights: np.ndarray, states: list[str]) -> Any:
        import sklearn

        from settings import get_settings
        from tools.labeling import embeddings

        if self.threads:
            version = "router-v2"
            settings = repr((C, EMBED_WEIGHT, GOAL_WEIGHT, STATE_WEIGHT, WORD, CHAR))
            extra = [repr(thread_state.TOKENS), *states]
        else:  # the fresh-goal fit (v3: with the composed rows)
            version, settings, extra = (
                "router-v3",
                repr((C, EMBED_WEIGHT, GOAL_WEIGHT, WORD, CHAR, COMPOSED, COMPOSED_WEIGHT, JOINS)),
                [],
            )
        knobs = (REVERSED, TYPOS, TYPO_WEIGHT, CHAR_WEIGHT, CLASS_WEIGHT)
        if knobs != (0.0, 0, 1.0, 1.0, None):  # the experiments' knobs (defaults: old names)
            settings += repr((knobs, BACKWARDS))
        if TUNED_LAYERS and not self.threads:  # a fine-tuned encoder (default off: old names)
            from agents import router_encoder

            settings += repr((router_encoder.VERSION, TUNED_LAYERS))
        parts = [
            version,
            sklearn.__version__,
            embeddings._model_version() if self.use_embeddings else "no-embeddings",
            settings,
            *texts,
            *y,
            *extra,
            weights.tobytes().hex(),
        ]
        digest = hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass"))
        return get_settings().cache_dir.expanduser() / f"router-{digest.hexdigest()[:32]}.npz"

    def _fit(
        self,
        texts: list[str],
        y: list[str],
        weights: np.ndarray,
        goals: list[str],
        states: list[str],
    ) -> None:
        from scipy import sparse
        from sklearn.linear_model import LogisticRegression

        blocks: list[Any] = [self.word.fit_transform(texts), self.char.fit_transform(texts)]
        blocks[1] = blocks[1] * CHAR_WEIGHT
        if self.encoder is not None:  # the fine-tuned encoder embeds every row itself
            blocks.append(sparse.csr_matrix(self.encoder.embed(texts, keep=False) * EMBED_WEIGHT))
        elif self.use_embeddings:
            from tools.labeling import embeddings

            vectors = _goal_vectors()
            extra = sorted({g for g in goals if g not in vectors})  # the composed rows
            if extra:
                with semantic._lock:
                    made = embeddings.embed_corpus(extra)
                vectors = {**vectors, **dict(zip(extra, made, strict=True))}
            dense = np.vstack([semantic._matrix(), *[vectors[g][None, :] for g in goals]])
            blocks.append(sparse.csr_matrix(dense * EMBED_WEIGHT))
        if self.threads:
            blocks.append(state_block(states))
        x = sparse.hstack(blocks).tocsr()
        classifier = LogisticRegression(C=C, max_iter=2000, class_weight=CLASS_WEIGHT)
        if WARM is not None:  # a benchmark's warm start (the same optimum, fewer steps)
            WARM(self, classifier, y)
        classifier.fit(x, y, sample_weight=weights)
        self.classes = np.asarray(classifier.classes_, dtype=str)
        self.coef = np.asarray(classifier.coef_, dtype=np.float32)
        self.intercept = np.asarray(classifier.intercept_, dtype=np.float32)

    def _save(self, path: Any) -> None:
        from tools.labeling import embeddings

        words = sorted(self.word.vocabulary_, key=self.word.vocabulary_.__getitem__)
        chars = sorted(self.char.vocabulary_, key=self.char.vocabulary_.__getitem__)
        arrays = {
            "words": np.asarray(words, dtype=str),
            "word_idf": self.word.idf_,
            "chars": np.asarray(chars, dtype=str),
            "char_idf": self.char.idf_,
            "classes": self.classes,
            "coef": self.coef,
            "intercept": self.intercept,
        }
        embeddings.keep(path, lambda out: np.savez(out, **arrays))

    def _load(self, path: Any) -> bool:
        try:
            with np.load(path, allow_pickle=False) as saved:
                words, chars = list(saved["words"]), list(saved["chars"])
                word_idf, char_idf = saved["word_idf"], saved["char_idf"]
                classes, coef, intercept = saved["classes"], saved["coef"], saved["intercept"]
        except (OSError, ValueError, KeyError):
            return False
        features = len(words) + len(chars) + (384 if self.use_embeddings else 0)
        features += len(thread_state.TOKENS) if self.threads else 0
        if (
            len(word_idf) != len(words)
            or len(char_idf) != len(chars)
            or coef.shape != (len(classes) if len(classes) > 2 else 1, features)
            or intercept.shape != (coef.shape[0],)
        ):
            return False
        self.word.vocabulary_ = {w: i for i, w in enumerate(words)}
        self.word.idf_ = word_idf
        self.char.vocabulary_ = {c: i for i, c in enumerate(chars)}
        self.char.idf_ = char_idf
        self.classes, self.coef, self.intercept = classes, coef, intercept
        return True

    def features(self, text: str, state: str = thread_state.FRESH) -> Any:
        from scipy import sparse

        blocks: list[Any] = [self.word.transform([text]), self.char.transform([text])]
        blocks[1] = blocks[1] * CHAR_WEIGHT
        if self.use_embeddings:
            vector = (
                self.encoder.embed([text], keep=False)[0]
                if self.encoder is not None
                else semantic._embed_one(text)
            )
            blocks.append(sparse.csr_matrix(vector[None, :] * EMBED_WEIGHT))
        if self.threads:
            blocks.append(state_block([state]))
        return sparse.hstack(blocks).tocsr()

    def probabilities(self, text: str, state: str = thread_state.FRESH) -> np.ndarray:
        """The probability of every class (softmax of the linear scores; two classes: logistic)."""
        scores = np.asarray(self.features(text, state) @ self.coef.T).ravel() + self.intercept
        if len(self.classes) == 2:
            p = 1.0 / (1.0 + np.exp(-scores[0]))
            return np.array([1.0 - p, p])
        scores = scores - scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def predict(self, goal: str, state: str = thread_state.FRESH) -> list[Route]:
        """Every tool sequence it knows, most probable first, on a thread in this state."""
        probs = self.probabilities(semantic.normalise(goal), state)
        order = np.argsort(-probs)
        out = []
        for i in order:
            label = str(self.classes[i])
            tools = () if label == "none" else tuple(label.split(","))
            out.append(Route(tools, round(float(probs[i]), 4)))
        return out


@functools.lru_cache(maxsize=4)
def _model(exclude: frozenset[str], threads: bool = False) -> Model:
    with _lock:
        return Model(exclude, threads)


def route(
    goal: str, exclude: frozenset[str] | None = None, state: str = thread_state.FRESH
) -> Route | None:
    """The most probable tool sequence for a whole goal on a thread in this state (tokens of
    `thread_state`; 'fresh': an empty thread); None without training data.
    """
    if not goal.strip():
        return None
    fresh = state == thread_state.FRESH
    model = _model(excluded() if exclude is None else exclude, threads=not fresh)
    return model.predict(goal, state)[0]


def ranked(
    goal: str, exclude: frozenset[str] | None = None, state: str = thread_state.FRESH
) -> list[Route]:
    """Every tool sequence the router knows for a whole goal, most probable first (as `route`
    ranks them); [] without training data or words.
    """
    if not goal.strip():
        return []
    fresh = state == thread_state.FRESH
    model = _model(excluded() if exclude is None else exclude, threads=not fresh)
    return model.predict(goal, state)


def warm() -> None:
    """Fit the router now (after the embedding model is warm), so the first plan does not wait."""
    _model(excluded())
    _model(excluded(), threads=True)
