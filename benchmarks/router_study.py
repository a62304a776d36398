"""Study: the learned router's top-1 on unseen writers, refitting only the classifier per fold.

Usage (from the checkout whose router is measured; counts only, a few minutes per config):

    .venv/bin/python benchmarks/router_study.py [--folds loco|groups] [CONFIGS] [--misses]

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
BANDS = ((0.9, 1.01), (0.8, 0.9), (0.6, 0.8), (0.0, 0.6))


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


def evaluate(folds: str, misses: bool) -> tuple[dict[str, Any], dict[int, bool]]:
    """Fit the router per fold as the module now stands and score the held-out rows."""
    from agents import router

    rows = raw_rows()
    corpora = sorted({r[2] for r in rows})
    splits = [frozenset({c}) for c in corpora] if folds == "loco" else list(GROUPS)
    per: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    bands = {b: [0, 0] for b in BANDS}
    unseen = [0, 0]
    confusions: collections.Counter[tuple[str, str]] = collections.Counter()
    outcome: dict[int, bool] = {}
    fit_s = 0.0
    predict_s: list[float] = []
    for held in splits:
        start = time.perf_counter()
        model = router.Model(held)
        fit_s += time.perf_counter() - start
        known = {str(c) for c in model.classes}
        for index, (tools, text, corpus) in enumerate(rows):
            if corpus not in held:
                continue
            begin = time.perf_counter()
            best = model.predict(text)[0]
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
    out: dict[str, Any] = {
        "right": f"{right}/{total} ({100 * right / total:.1f}%)",
        "per_corpus": {c: f"{v[0]}/{v[1]}" for c, v in sorted(per.items())},
        "unseen_sequences_right": f"{unseen[0]}/{unseen[1]}",
        "bands": {f">={lo:g}<{min(hi, 1):g}": f"{r}/{n}" for (lo, hi), (r, n) in bands.items()},
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
    misses = "--misses" in argv
    args = [a for a in argv if a != "--misses"]
    configs: list[dict[str, Any]] = json.loads(args[0]) if args else [{}]
    sys.path.insert(0, str(Path.cwd()))

    from agents import router, semantic
    from settings import get_settings
    from tools.labeling import embeddings

    vectors = Vectors(get_settings().cache_dir.expanduser() / "router-study-vectors.npz")
    embeddings.embed_corpus = vectors.many  # type: ignore[assignment]
    semantic._embed_one = vectors.one  # type: ignore[assignment]
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
            report, outcome = evaluate(folds, misses)
            if number == 0:
                first = outcome
            else:
                report["gained"] = sum(v and not first[k] for k, v in outcome.items())
                report["lost"] = sum(first[k] and not v for k, v in outcome.items())
            print(json.dumps({"config": config, "folds": folds, **report}), flush=True)
    if dump is not None:
        dump.write_text(json.dumps(DUMP, indent=0))


if __name__ == "__main__":
    main()
