"""Study: the learned router's top-1 on unseen writers, refitting only the classifier per fold.

Usage (from the checkout whose router is measured; counts only, a few minutes per config):

    .venv/bin/python benchmarks/router_study.py [--folds loco|groups|halves] [CONFIGS] [--misses]
        [--goals-only] [--warm] [--fraction F [--by row|corpus]] [--corpora a,b] [--dump FILE]

Every goal and conversation opening of `agents/data/goals.tsv` of a tunable corpus is routed by
the fresh-goal router (`agents/router.py` `Model`, the fit a goal on an empty thread uses)
fitted without that corpus (`--folds loco`: one fit per corpus, fifteen fits) or without its
writer group (`--folds groups`: the three groups of `benchmarks/router_followups.py`).
CONFIGS is a JSON list of overrides of `agents.router` module constants (e.g. '[{}, {"C": 8}]'),
each measured in turn from the module's own values. The MiniLM embeddings of every text are
computed once and kept (`FORGEFLOW_CACHE_DIR`/router-study-vectors.npz), so a config costs its
fits only; the fits are kept apart from the install's (`router-study-fits/` there), named as the router names them. A row is right when
the router's sequence, minus the look-ups its row does not list, is the row's. Printed per
config: right per corpus and in all, rows whose sequence no training row has, top-1 right per
confidence band (>= 0.9, 0.8-0.9, 0.6-0.8, < 0.6), the fits' seconds and the median predict
time without the embedding; each later config's gained and lost rows against the first.
`--misses` adds the most common (expected -> predicted) confusions. The frozen and validation
corpora are not rows of goals.tsv and are never read.

Fourteenth round: `--goals-only` scores the single goals alone (as `router_alone.py` does, not
the openings); the calibration adds the bands at the arbitration's gates, the mean top-1
probability, the expected calibration error and how many answers reach each gate (a scale
shift); `decomposed_below` scores the per-tool reading of the same probabilities (`decomposed`)
in place of the top-1 sequence below each probability; `--fraction` trains on a share of the
other corpora's goal rows (the learning curve); `--warm` starts each fold's solver from a
half fit that never saw the fold's corpus (a fold costs a fraction of a cold fit; `--folds
halves` scores every corpus with the two half fits alone); `--corpora` limits the folds.
"""

from __future__ import annotations

import collections
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

IGNORED = ("inspect_dataset", "list_local_datasets", "preview_rows")
GROUPS = (
    frozenset({"dev", "fresh5", "fresh9", "fresh12", "fresh16"}),
    frozenset({"fresh3", "fresh6", "fresh10", "fresh13", "fresh17"}),
    frozenset({"fresh4", "fresh7", "fresh8", "fresh11", "fresh14"}),
)
DUMP: list[dict[str, Any]] | None = None
"""Every held-out prediction (`--dump FILE`; tunable corpora only, for reading misses)."""
BANDS = ((0.9, 1.01), (0.8, 0.9), (0.6, 0.8), (0.5, 0.6), (0.3, 0.5), (0.0, 0.3))
"""Confidence bands of the calibration table (the arbitration's gates sit at 0.3, 0.5, 0.6, 0.8)."""
GATES = (0.3, 0.5, 0.6, 0.65, 0.8, 0.9)
"""Top-1 answers at or above each of these are counted (how a scale shift moves the gates)."""
GOALS_ONLY = False
"""`--goals-only`: score the single goals alone (not the conversations' openings)."""
FRACTION = 1.0
"""`--fraction F`: train on this share of the other corpora's goal rows (the learning curve)."""
BY = "row"
"""`--by row|corpus`: the share is of rows (nested: 25% within 50% ...) or of whole corpora."""
WARM = False
"""`--warm`: each fold's solver starts from the weights of a fit (module defaults) without the
half of the corpora the fold's corpus is in: the same optimum in far fewer steps, and no fit
ever sees the corpus it routes (two cold fits in all, kept on disk)."""
ANCHORS: dict[frozenset[str], Any] = {}
"""The two half fits' weights, by the corpora each was fitted without."""
ONLY: frozenset[str] | None = None
"""`--corpora a,b`: hold out (and score) only these corpora (a quick screen)."""


def _right(guess: tuple[str, ...], want: tuple[str, ...]) -> bool:
    want = () if want == ("none",) else want
    return tuple(t for t in guess if t not in IGNORED or t in want) == want


class Vectors:
    """Every text's embedding, computed once (the planner's own embedding function)."""

    def __init__(self, path: Path) -> None:
        from tools.labeling import embeddings

        self.path = path
        self.embed = embeddings.embed
        self.known: dict[str, np.ndarray] = {}
        try:
            with np.load(path, allow_pickle=False) as saved:
                self.known = dict(zip(saved["texts"], saved["vectors"], strict=True))
        except (OSError, ValueError, KeyError):
            pass

    def many(self, texts: list[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self.known})
        if missing:
            for text, vector in zip(missing, self.embed(missing), strict=True):
                self.known[text] = np.asarray(vector, dtype=np.float32)
            names = list(self.known)
            np.savez(
                self.path, texts=np.asarray(names), vectors=np.stack([self.known[t] for t in names])
            )
        return np.stack([self.known[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)

    def one(self, text: str) -> np.ndarray:
        return self.many([text])[0]


def raw_rows() -> list[tuple[tuple[str, ...], str, str]]:
    """(tools, goal as written, corpus) of goals.tsv."""
    from agents import router

    out = []
    for line in router.GOALS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.count("\t") < 2:
            continue
        tools, goal, corpus = line.split("\t")[:3]
        out.append((tuple(t.strip() for t in tools.split(",") if t.strip()), goal, corpus.strip()))
    return out


def single_goals() -> set[tuple[str, str]]:
    """(corpus, goal) of every single goal of a corpus of goals.tsv that does not expect a
    question (the rows `--goals-only` scores; conversations' openings are the rest).
    """
    root = Path(__file__).resolve().parent / "goals"
    out: set[tuple[str, str]] = set()
    for corpus in sorted({r[2] for r in raw_rows()}):  # tunable corpora only
        path = root / corpus / "goals.jsonl"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                if not (item.get("expect") or {}).get("ask"):
                    out.add((corpus, " ".join(str(item["goal"]).split())))
    return out


def _share(key: str) -> float:
    """A stable number in [0, 1) for a key (the learning curve's nested subsets)."""
    import hashlib

    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 16**8


def subsample(goal_rows: Any) -> Any:
    """`router.goal_rows` keeping FRACTION of the other corpora's rows (by row or corpus)."""

    def rows(exclude: frozenset[str] = frozenset()) -> list[tuple[tuple[str, ...], str, str]]:
        kept = goal_rows(exclude)
        if FRACTION >= 1.0:
            return kept
        if BY == "corpus":
            others = sorted({r[2] for r in kept}, key=lambda c: _share(c + "|".join(exclude)))
            chosen = set(others[: max(1, round(FRACTION * len(others)))])
            return [r for r in kept if r[2] in chosen]
        return [r for r in kept if _share(r[2] + "\t" + r[1]) < FRACTION]

    return rows


HYBRID = (0.3, 0.5, 0.7, 1.01)
"""The decomposed reading replaces the top-1 sequence below these probabilities (1.01: always)."""


def decomposed(ranked: list[Any]) -> tuple[str, ...]:
    """The per-tool reading of the router's sequence probabilities: every tool whose summed
    probability (over the sequences holding it) is at least 0.5, in the order of its expected
    position; it can answer a combination of tools no training row has.
    """
    present: dict[str, float] = collections.defaultdict(float)
    place: dict[str, float] = collections.defaultdict(float)
    for route in ranked:
        for i, tool in enumerate(route.tools):
            present[tool] += route.confidence
            place[tool] += route.confidence * i / max(len(route.tools) - 1, 1)
    tools = [t for t, p in present.items() if p >= 0.5]
    return tuple(sorted(tools, key=lambda t: place[t] / present[t]))


def warm_start(held: frozenset[str]) -> Any:
    """The router's `WARM` hook for one fold: start the solver from the anchor fit's weights,
    matched by feature (word, character n-gram, embedding dimension) and class.
    """

    def hook(model: Any, classifier: Any, y: list[str]) -> None:
        anchor = next((a for half, a in ANCHORS.items() if held <= half), None)
        if anchor is None:
            return
        names = [("w", w) for w in sorted(model.word.vocabulary_, key=model.word.vocabulary_.get)]
        names += [("c", c) for c in sorted(model.char.vocabulary_, key=model.char.vocabulary_.get)]
        names += [("e", str(i)) for i in range(384 if model.use_embeddings else 0)]
        old = {name: i for i, name in enumerate(anchor["names"])}
        columns = [(j, old[n]) for j, n in enumerate(names) if n in old]
        classes = sorted(set(y))
        row = {str(c): i for i, c in enumerate(anchor["classes"])}
        coef = np.zeros((len(classes), len(names)))
        intercept = np.zeros(len(classes))
        new_cols = np.array([j for j, _ in columns])
        old_cols = np.array([i for _, i in columns])
        for k, label in enumerate(classes):
            if label in row:
                coef[k, new_cols] = anchor["coef"][row[label], old_cols]
                intercept[k] = anchor["intercept"][row[label]]
        classifier.warm_start = True
        classifier.coef_, classifier.intercept_ = coef, intercept

    return hook


def anchor_of(model: Any) -> dict[str, Any]:
    """A fitted fold's weights, named by feature (for `warm_start`)."""
    names = [("w", w) for w in sorted(model.word.vocabulary_, key=model.word.vocabulary_.get)]
    names += [("c", c) for c in sorted(model.char.vocabulary_, key=model.char.vocabulary_.get)]
    names += [("e", str(i)) for i in range(384 if model.use_embeddings else 0)]
    return {
        "names": names,
        "classes": model.classes,
        "coef": model.coef,
        "intercept": model.intercept,
    }


def anchors(own: dict[str, Any]) -> None:
    """Fit (or load) the two half fits with the module's defaults: corpora alternately split."""
    from agents import router

    global FRACTION
    configured = {name: getattr(router, name) for name in own}
    for name, value in own.items():
        setattr(router, name, value)
    fraction, FRACTION = FRACTION, 1.0  # the anchors learn from every row of their half
    corpora = sorted({r[2] for r in raw_rows()})
    for half in (frozenset(corpora[0::2]), frozenset(corpora[1::2])):
        start = time.perf_counter()
        ANCHORS[half] = anchor_of(router.Model(half))
        print(f"anchor fit {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    for name, value in configured.items():
        setattr(router, name, value)
    FRACTION = fraction


def evaluate(folds: str, misses: bool) -> tuple[dict[str, Any], dict[int, bool]]:
    """Fit the router per fold as the module now stands and score the held-out rows."""
    from agents import router

    rows = raw_rows()
    corpora = sorted({r[2] for r in rows})
    if folds == "halves":  # the two half fits of `--warm`: every corpus routed, two fits
        splits = [frozenset(corpora[0::2]), frozenset(corpora[1::2])]
    else:
        splits = [frozenset({c}) for c in corpora] if folds == "loco" else list(GROUPS)
    if ONLY is not None:
        splits = [s for s in splits if s & ONLY]
    scored = single_goals() if GOALS_ONLY else None
    confident = dict.fromkeys(GATES, 0)
    hybrid = dict.fromkeys(HYBRID, 0)
    gaps: list[tuple[float, bool]] = []
    per: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    bands = {b: [0, 0] for b in BANDS}
    unseen = [0, 0]
    confusions: collections.Counter[tuple[str, str]] = collections.Counter()
    outcome: dict[int, bool] = {}
    fit_s = 0.0
    predict_s: list[float] = []
    for held in splits:
        start = time.perf_counter()
        router.WARM = warm_start(held) if WARM else None
        model = router.Model(held)
        router.WARM = None
        fit_s += time.perf_counter() - start
        known = {str(c) for c in model.classes}
        for index, (tools, text, corpus) in enumerate(rows):
            if corpus not in held or (scored is not None and (corpus, text) not in scored):
                continue
            begin = time.perf_counter()
            ranked = model.predict(text)
            best = ranked[0]
            parts = decomposed(ranked)
            for low in HYBRID:
                guess = parts if best.confidence < low else best.tools
                hybrid[low] += _right(guess, tools)
            predict_s.append(time.perf_counter() - begin)
            ok = _right(best.tools, tools)
            outcome[index] = ok
            if DUMP is not None:
                DUMP.append(
                    {
                        "corpus": corpus,
                        "want": router._label(tools),
                        "text": text,
                        "guess": router._label(best.tools),
                        "p": best.confidence,
                    }
                )
            per[corpus][0] += ok
            per[corpus][1] += 1
            gaps.append((best.confidence, ok))
            for gate in GATES:
                confident[gate] += best.confidence >= gate
            for low, high in BANDS:
                if low <= best.confidence < high:
                    bands[(low, high)][0] += ok
                    bands[(low, high)][1] += 1
            if router._label(tools) not in known:
                unseen[0] += ok
                unseen[1] += 1
            if not ok:
                confusions[(router._label(tools), router._label(best.tools))] += 1
    right = sum(v[0] for v in per.values())
    total = sum(v[1] for v in per.values())
    # expected calibration error over ten equal-width bins, and the mean top-1 probability
    ece = 0.0
    for low in np.arange(0.0, 1.0, 0.1):
        inside = [(p, ok) for p, ok in gaps if low <= p < low + 0.1 or (low >= 0.9 and p >= 1)]
        if inside:
            mean_p = float(np.mean([p for p, _ in inside]))
            ece += len(inside) / len(gaps) * abs(mean_p - float(np.mean([ok for _, ok in inside])))
    out: dict[str, Any] = {
        "right": f"{right}/{total} ({100 * right / total:.1f}%)",
        "per_corpus": {c: f"{v[0]}/{v[1]}" for c, v in sorted(per.items())},
        "unseen_sequences_right": f"{unseen[0]}/{unseen[1]}",
        "bands": {f">={lo:g}<{min(hi, 1):g}": f"{r}/{n}" for (lo, hi), (r, n) in bands.items()},
        "decomposed_below": {f"{k:g}": f"{v}/{total}" for k, v in hybrid.items()},
        "mean_confidence": round(float(np.mean([p for p, _ in gaps])), 3),
        "ece": round(ece, 3),
        "at_or_above": {f"{g:g}": n for g, n in confident.items()},
        "fit_s": round(fit_s, 1),
        "predict_ms_median_without_embedding": round(1000 * float(np.median(predict_s)), 2),
    }
    if misses:
        out["confusions"] = [f"{n} {w} -> {g}" for (w, g), n in confusions.most_common(30)]
    return out, outcome


def main() -> None:
    argv = sys.argv[1:]
    folds = "groups"
    if "--folds" in argv:
        at = argv.index("--folds")
        folds = argv[at + 1]
        argv = argv[:at] + argv[at + 2 :]
    dump: Path | None = None
    if "--dump" in argv:
        at = argv.index("--dump")
        dump = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
        global DUMP
        DUMP = []
    global GOALS_ONLY, FRACTION, BY, ONLY
    for flag in ("--fraction", "--by", "--corpora"):
        if flag in argv:
            at = argv.index(flag)
            value = argv[at + 1]
            argv = argv[:at] + argv[at + 2 :]
            if flag == "--fraction":
                FRACTION = float(value)
            elif flag == "--by":
                BY = value
            else:
                ONLY = frozenset(value.split(","))
    GOALS_ONLY = "--goals-only" in argv
    global WARM
    WARM = "--warm" in argv
    misses = "--misses" in argv
    args = [a for a in argv if a not in ("--misses", "--goals-only", "--warm")]
    configs: list[dict[str, Any]] = json.loads(args[0]) if args else [{}]
    sys.path.insert(0, str(Path.cwd()))

    from agents import router, semantic
    from settings import get_settings
    from tools.labeling import embeddings

    vectors = Vectors(get_settings().cache_dir.expanduser() / "router-study-vectors.npz")
    embeddings.embed_corpus = vectors.many  # type: ignore[assignment]
    semantic._embed_one = vectors.one  # type: ignore[assignment]
    router.goal_rows = subsample(router.goal_rows)  # type: ignore[assignment]
    own = {name: getattr(router, name) for c in configs for name in c}
    first: dict[int, bool] = {}
    fits = get_settings().cache_dir.expanduser() / "router-study-fits"
    fits.mkdir(parents=True, exist_ok=True)
    get_settings().cache_dir = fits
    if True:
        for number, config in enumerate(configs):
            for name, value in own.items():
                setattr(router, name, value)
            for name, value in config.items():
                setattr(router, name, tuple(value) if isinstance(value, list) else value)
            router._goal_vectors.cache_clear()
            semantic._matrix.cache_clear()
            if WARM and not ANCHORS:
                anchors(own)
            report, outcome = evaluate(folds, misses)
            if number == 0:
                first = outcome
            else:
                report["gained"] = sum(v and not first[k] for k, v in outcome.items())
                report["lost"] = sum(first[k] and not v for k, v in outcome.items())
            settings = {"fraction": FRACTION, "by": BY} if FRACTION < 1 else {}
            settings |= {"goals_only": True} if GOALS_ONLY else {}
            print(json.dumps({"config": config, "folds": folds, **settings, **report}), flush=True)
    if dump is not None:
        dump.write_text(json.dumps(DUMP, indent=0))


if __name__ == "__main__":
    main()
