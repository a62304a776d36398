"""Study: other learners for the fresh-goal router on unseen writers (counts only, no goal text).

Usage (from the checkout whose router is measured; one CPU thread; minutes per fold):

    OMP_NUM_THREADS=1 PYTHONPATH=. .venv/bin/python benchmarks/router_finetune.py
        [--folds groups|halves] [--variants frozen,views,tune,full] [--tune supcon|ce]
        [--layers N] [--steps S] [--embed-weights 1,2] [--out FILE]

The folds and the scored rows are `benchmarks/router_study.py`'s: every goal and conversation
opening of a held-out corpus of goals.tsv ("all") and its single goals alone ("goals", as
`--goals-only` scores them), routed by a fit that never saw the fold's corpora. The baseline is
the shipped router (`agents/router.py` `Model`, its fit kept in `router-study-fits/`, so a
fold `router_study.py` has fitted loads). Every variant is fitted on the same rows
(`router.training_set`: phrasings, the other corpora's goals and openings, composed rows):

- `frozen` (on the frozen MiniLM embeddings): `knn` (a top-10 cosine vote) and `proto` (class
  centroids) blended with the router's probabilities; `mlp` (one hidden layer on the
  embeddings) alone and blended; `elr` (the logistic regression on the embedding alone);
- `views` (the embedding-only regression on other views of a goal): the goal as written (no
  file-name placeholders), and the mean of its clauses' embeddings (`slots.split_clauses`);
- `tune`: the encoder fine-tuned per fold (top `--layers` transformer layers unfrozen, the
  lower ones' outputs computed once), `--steps` batches (default: one epoch of the fold's
  rows) with `supcon` (SetFit-style: a supervised contrastive loss, texts of the same tool
  sequence pulled together, batches of 16 sequences x 4 texts) or `ce` (a cosine classifier
  head trained with the layers); then `elr` on the tuned embeddings (against `elr` on the
  frozen ones), `knn` on them blended with the router, the `ce` head's own probabilities;
- `full`: the router itself (TF-IDF blocks + embedding, the same regression) refitted with
  the tuned embeddings in place of the frozen ones (solver warm-started from the fold's
  baseline weights), once per `--embed-weights` value (`router.EMBED_WEIGHT`, the embedding
  block's scale).

Printed: one JSON line per variant with right per fold, in all, and the gained/lost rows
against the baseline; the seconds of each fold's tuning and fits. Deterministic (seeded).
"""

from __future__ import annotations

import collections
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import router_study  # noqa: E402

SEED = 0
K = 10
"""Neighbours of the kNN vote."""
TEMPERATURE = 0.05
"""Softmax temperature of the kNN and prototype similarities."""
BLENDS = (0.2, 0.35, 0.5)
"""Shares of a second learner's probabilities blended with the router's."""


class Scores:
    """Right counts per variant, fold and scope ('all' rows, single 'goals')."""

    def __init__(self) -> None:
        self.right: dict[str, dict[str, list[int]]] = collections.defaultdict(
            lambda: collections.defaultdict(lambda: [0, 0])
        )
        self.hits: dict[str, dict[tuple[int, int], bool]] = collections.defaultdict(dict)

    def add(self, variant: str, fold: int, rows: list[dict[str, Any]], guesses: list[str]) -> None:
        for row, guess in zip(rows, guesses, strict=True):
            ok = router_study._right(_tools(guess), row["want"])
            self.hits[variant][(fold, row["index"])] = ok
            for scope in ("all", "goals") if row["goal"] else ("all",):
                cell = self.right[variant][f"{scope}:{fold}"]
                cell[0] += ok
                cell[1] += 1

    def report(self, variant: str, folds: int) -> dict[str, Any]:
        out: dict[str, Any] = {"variant": variant}
        for scope in ("goals", "all"):
            cells = [self.right[variant][f"{scope}:{f}"] for f in range(folds)]
            right, total = sum(c[0] for c in cells), sum(c[1] for c in cells)
            out[scope] = f"{right}/{total} ({100 * right / max(total, 1):.1f}%)"
            out[f"{scope}_per_fold"] = [f"{c[0]}/{c[1]}" for c in cells]
        if variant != "base":
            base, mine = self.hits["base"], self.hits[variant]
            out["gained"] = sum(v and not base[k] for k, v in mine.items())
            out["lost"] = sum(base[k] and not v for k, v in mine.items())
        return out


def _tools(label: str) -> tuple[str, ...]:
    return () if label == "none" else tuple(label.split(","))


def _softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return exp / exp.sum(axis=1, keepdims=True)


def knn_probs(
    train: np.ndarray, y: np.ndarray, query: np.ndarray, classes: np.ndarray
) -> np.ndarray:
    """A top-K cosine vote (softmax-weighted similarities) over the classes."""
    sims = query @ train.T
    top = np.argpartition(-sims, K, axis=1)[:, :K]
    out = np.zeros((len(query), len(classes)))
    index = {c: i for i, c in enumerate(classes)}
    for row in range(len(query)):
        chosen = sims[row, top[row]]
        weights = np.exp((chosen - chosen.max()) / TEMPERATURE)
        for j, w in zip(top[row], weights, strict=True):
            out[row, index[y[j]]] += w
        out[row] /= out[row].sum()
    return out


def proto_probs(
    train: np.ndarray, y: np.ndarray, query: np.ndarray, classes: np.ndarray
) -> np.ndarray:
    """Cosine to each class's (unit) mean embedding, softmaxed."""
    centres = np.stack([train[y == c].mean(axis=0) for c in classes])
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    return _softmax(query @ centres.T / TEMPERATURE)


def embedding_lr(
    train: np.ndarray, y: np.ndarray, weights: np.ndarray, query: np.ndarray, classes: np.ndarray
) -> np.ndarray:
    """The router's regression (same C) on the embedding alone; probabilities in `classes` order."""
    from sklearn.linear_model import LogisticRegression

    from agents import router

    model = LogisticRegression(C=router.C, max_iter=2000)
    model.fit(train, y, sample_weight=weights)
    probs = model.predict_proba(query)
    order = [list(model.classes_).index(c) for c in classes]
    return probs[:, order]


def mlp_probs(train: np.ndarray, y: np.ndarray, query: np.ndarray, classes: np.ndarray) -> Any:
    """One hidden layer (512, relu) on the embeddings, seeded; probabilities in `classes` order."""
    from sklearn.neural_network import MLPClassifier

    model = MLPClassifier(hidden_layer_sizes=(512,), alpha=1e-3, max_iter=300, random_state=SEED)
    model.fit(train, y)
    probs = model.predict_proba(query)
    order = [list(model.classes_).index(c) for c in classes]
    return probs[:, order]


def fold_rows(held: frozenset[str], goals: set[tuple[str, str]]) -> list[dict[str, Any]]:
    """The held-out rows a fold scores: (index, want, normalised text, as written, goal or not)."""
    from agents import semantic

    out = []
    for index, (tools, text, corpus) in enumerate(router_study.raw_rows()):
        if corpus in held:
            out.append(
                {
                    "index": index,
                    "want": tools,
                    "text": semantic.normalise(text),
                    "raw": text,
                    "goal": (corpus, text) in goals,
                }
            )
    return out


def main() -> None:  # noqa: C901, PLR0912, PLR0915 (one experiment, read top to bottom)
    argv = sys.argv[1:]

    def option(name: str, default: str) -> str:
        return argv[argv.index(name) + 1] if name in argv else default

    folds = option("--folds", "groups")
    variants = set(option("--variants", "frozen,views,tune,full").split(","))
    loss = option("--tune", "supcon")
    layers = int(option("--layers", "2"))
    steps = int(option("--steps", "0")) or None
    out_path = option("--out", "")
    embed_weights = [float(w) for w in option("--embed-weights", "1").split(",")]

    import torch

    torch.set_num_threads(1)

    from agents import router, router_encoder, semantic, slots
    from settings import get_settings
    from tools.labeling import embeddings

    own_weight = router.EMBED_WEIGHT
    cache = get_settings().cache_dir.expanduser()
    vectors = router_study.Vectors(cache / "router-study-vectors.npz")
    embeddings.embed_corpus = vectors.many  # type: ignore[assignment]
    semantic._embed_one = vectors.one  # type: ignore[assignment]
    fits = cache / "router-study-fits"
    fits.mkdir(parents=True, exist_ok=True)
    get_settings().cache_dir = fits

    corpora = sorted({r[2] for r in router_study.raw_rows()})
    if folds == "halves":
        splits = [frozenset(corpora[0::2]), frozenset(corpora[1::2])]
    else:
        splits = list(router_study.GROUPS)
    goals = router_study.single_goals()
    scores = Scores()
    cost: dict[str, list[float]] = collections.defaultdict(list)
    encoder = router_encoder.Encoder(layers) if variants & {"tune", "full"} else None

    for fold, held in enumerate(splits):
        rows = fold_rows(held, goals)
        texts, y_list, weights, _, _ = router.training_set(held, threads=False)
        y = np.asarray(y_list)
        start = time.perf_counter()
        base = router.Model(held)
        cost["base_fit_s"].append(time.perf_counter() - start)
        classes = base.classes
        p_base = np.stack([base.probabilities(r["text"]) for r in rows])
        scores.add("base", fold, rows, [str(classes[i]) for i in p_base.argmax(1)])

        def blend(
            name: str,
            other: np.ndarray,
            fold: int = fold,
            rows: list[dict[str, Any]] = rows,
            p_base: np.ndarray = p_base,
            classes: np.ndarray = classes,
        ) -> None:
            scores.add(name, fold, rows, [str(classes[i]) for i in other.argmax(1)])
            for share in BLENDS:
                mixed = (1 - share) * p_base + share * other
                guesses = [str(classes[i]) for i in mixed.argmax(1)]
                scores.add(f"{name}+lr@{share}", fold, rows, guesses)

        train = vectors.many(texts)
        query = vectors.many([r["text"] for r in rows])
        if "frozen" in variants:
            blend("knn", knn_probs(train, y, query, classes))
            blend("proto", proto_probs(train, y, query, classes))
            start = time.perf_counter()
            blend("mlp", mlp_probs(train, y, query, classes))
            cost["mlp_fit_s"].append(time.perf_counter() - start)
            start = time.perf_counter()
            blend("elr", embedding_lr(train, y, weights, query, classes))
            cost["elr_fit_s"].append(time.perf_counter() - start)
        if "views" in variants:
            # the goal rows as written (no placeholders); phrasings and composed rows as they are
            written = {
                semantic.normalise(t): t for _, t, c in router_study.raw_rows() if c not in held
            }
            raw_texts = [written.get(t, t) for t in texts]
            raw_train = vectors.many(raw_texts)
            raw_query = vectors.many([r["raw"] for r in rows])
            blend("elr_raw", embedding_lr(raw_train, y, weights, raw_query, classes))

            def clause_mean(items: list[str]) -> np.ndarray:
                parts = [slots.split_clauses(t) or [t] for t in items]
                flat = sorted({p for ps in parts for p in ps})
                table = dict(zip(flat, vectors.many(flat), strict=True))
                means = np.stack([np.mean([table[p] for p in ps], axis=0) for ps in parts])
                return means / np.linalg.norm(means, axis=1, keepdims=True)

            blend(
                "elr_clauses",
                embedding_lr(
                    clause_mean(texts), y, weights, clause_mean([r["text"] for r in rows]), classes
                ),
            )
        if encoder is not None:
            encoder.reset()
            if fold == 0:  # the cached-lower-layers path reproduces the packaged pipeline
                check = encoder.embed(texts[:50])
                cos = float(np.min(np.sum(check * vectors.many(texts[:50]), axis=1)))
                print(json.dumps({"check_min_cos_untuned": round(cos, 5)}), flush=True)
            start = time.perf_counter()
            encoder.prepare(texts + [r["text"] for r in rows])
            cost["lower_layers_s"].append(time.perf_counter() - start)
            start = time.perf_counter()
            head = encoder.tune(texts, y_list, loss, steps)
            cost["tune_s"].append(time.perf_counter() - start)
            start = time.perf_counter()
            tuned_train = encoder.embed(texts)
            tuned_query = encoder.embed([r["text"] for r in rows])
            cost["reembed_s"].append(time.perf_counter() - start)
            if "tune" in variants:
                start = time.perf_counter()
                blend(
                    f"tuned_elr_{loss}", embedding_lr(tuned_train, y, weights, tuned_query, classes)
                )
                cost["tuned_elr_fit_s"].append(time.perf_counter() - start)
                blend(f"tuned_knn_{loss}", knn_probs(tuned_train, y, tuned_query, classes))
                if head is not None:
                    module, names = head
                    with torch.no_grad():
                        logits = module(torch.from_numpy(tuned_query)) * 20.0
                    probs = torch.softmax(logits, dim=1).numpy()
                    order = [names.index(str(c)) for c in classes]
                    blend("ce_head", probs[:, order])
            if "full" in variants:
                table = dict(zip(texts, tuned_train, strict=True))
                table |= dict(zip([r["text"] for r in rows], tuned_query, strict=True))

                def tuned_many(
                    items: list[str], table: dict[str, np.ndarray] = table
                ) -> np.ndarray:
                    missing = sorted({t for t in items if t not in table})
                    if missing:  # other corpora's rows the router's vector table also holds
                        table.update(zip(missing, encoder.embed(missing), strict=True))
                    return np.stack([table[t] for t in items])

                saved = (embeddings.embed_corpus, semantic._embed_one, embeddings._model_version)
                embeddings.embed_corpus = tuned_many  # type: ignore[assignment]
                semantic._embed_one = lambda t, f=tuned_many: f([t])[0]  # type: ignore[assignment]
                tag = f"tuned-{loss}-{layers}-{steps}-{fold}-{folds}"
                embeddings._model_version = lambda tag=tag: tag  # type: ignore[assignment]
                router._goal_vectors.cache_clear()
                semantic._matrix.cache_clear()

                def hook(model: Any, classifier: Any, labels: list[str], base: Any = base) -> None:
                    classifier.warm_start = True
                    classifier.coef_ = base.coef.astype(np.float64)
                    classifier.intercept_ = base.intercept.astype(np.float64)

                router.WARM = hook
                for weight in embed_weights:
                    router.EMBED_WEIGHT = weight
                    start = time.perf_counter()
                    full = router.Model(held)
                    cost[f"full_fit_s@{weight:g}"].append(time.perf_counter() - start)
                    p_full = np.stack([full.probabilities(r["text"]) for r in rows])
                    assert list(full.classes) == list(classes)
                    blend(f"full_{loss}@{weight:g}", p_full)
                router.WARM, router.EMBED_WEIGHT = None, own_weight
                embeddings.embed_corpus, semantic._embed_one, embeddings._model_version = saved
                router._goal_vectors.cache_clear()
                semantic._matrix.cache_clear()
        print(
            json.dumps(
                {
                    "fold": fold,
                    "rows": len(rows),
                    "train": len(texts),
                    **{k: round(v[-1], 1) for k, v in cost.items()},
                }
            ),
            flush=True,
        )

    lines = [scores.report(v, len(splits)) for v in scores.right]
    settings = {"folds": folds, "tune": loss, "layers": layers, "steps": steps}
    for line in lines:
        print(json.dumps(line), flush=True)
    print(
        json.dumps(
            {"settings": settings, "cost_s": {k: [round(x, 1) for x in v] for k, v in cost.items()}}
        )
    )
    if out_path:
        Path(out_path).write_text(
            json.dumps({"settings": settings, "lines": lines, "cost_s": cost}, indent=1)
        )


if __name__ == "__main__":
    main()
