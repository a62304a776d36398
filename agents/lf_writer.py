"""The LF writer role: a built-in miner (offline) and an LLM writer that returns validated specs."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from tools.labeling.specs import parse_lf

# Candidate regex features for free text: (name, pattern, ignore_case).
REGEX_FEATURES: tuple[tuple[str, str, bool], ...] = (
    ("has_url", r"https?://|www\.", True),
    ("has_email", r"[\w.+-]+@[\w-]+\.[\w.]+", False),
    ("has_number", r"\d", False),
    ("has_money", r"[$€£]\s?\d", False),
    ("has_exclamation", r"!", False),
    ("has_question", r"\?", False),
    ("has_shouting", r"\b[A-Z]{3,}\b", False),
    ("has_mention", r"(?:^|\s)@\w+", False),
    ("has_hashtag", r"(?:^|\s)#\w+", False),
)


@dataclass
class MinerConfig:
    """How strict the built-in miner is."""

    min_precision: float = 0.75
    """Smoothed precision an LF needs on the labelled rows it fires on."""
    min_support: int = 2
    """Labelled rows of its class it must fire on."""
    min_coverage: float = 0.003
    """Share of all rows it must fire on (rules that never fire on the pool are useless)."""
    max_per_class: int = 40
    """Keyword LFs kept per class."""
    pseudo_weight: float = 0.5
    """Weight of a pseudo-labelled row against a hand-labelled one."""
    phrases: bool = True
    seed_fraction: float = 0.3
    """Share of the pool (per class) a dev-trained classifier pseudo-labels for the first mining."""
    pseudo_fraction: float = 0.6
    """Share of the pool (per class) pseudo-labelled from the current labels in later attempts."""


@dataclass
class Labelled:
    """Rows with labels to mine from: positions, class indices, weights."""

    rows: np.ndarray
    labels: np.ndarray
    weights: np.ndarray = field(default_factory=lambda: np.zeros(0))


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]+", "_", text).strip("_")[:40] or "x"


def _score_binary(
    hits: np.ndarray, labelled: Labelled, n_classes: int, cfg: MinerConfig
) -> list[tuple[int, float, float, float]]:
    """For a (n_labelled x n_candidates) 0/1 matrix: per candidate, its best class.

    Returns (class, smoothed precision, weighted support, log-odds) per candidate.
    """
    w = labelled.weights if len(labelled.weights) else np.ones(len(labelled.rows))
    per_class = np.zeros((n_classes, hits.shape[1]))
    totals = np.zeros(n_classes)
    for c in range(n_classes):
        sel = labelled.labels == c
        totals[c] = w[sel].sum()
        if sel.any():
            per_class[c] = np.asarray(hits[sel].T @ w[sel]).ravel()
    fired = per_class.sum(axis=0)
    best = per_class.argmax(axis=0)
    a = per_class[best, np.arange(hits.shape[1])]
    precision = (a + 0.5) / (fired + 0.5 * n_classes + 0.5)
    rest = totals.sum() - totals[best]
    odds = np.log((a + 0.5) / (totals[best] - a + 0.5)) - np.log(
        (fired - a + 0.5) / (rest - (fired - a) + 0.5)
    )
    return list(zip(best.tolist(), precision.tolist(), a.tolist(), odds.tolist(), strict=True))


def doc_term(frame: pd.DataFrame, column: str, cfg: MinerConfig) -> tuple[Any, np.ndarray] | None:
    """Binary document-term matrix (words and, optionally, two-word phrases) of a text column."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

    text = frame[column].astype("string").fillna("").to_numpy(dtype=object)
    min_df = max(2, int(np.ceil(cfg.min_coverage * len(frame))))
    vec = CountVectorizer(
        binary=True,
        lowercase=True,
        token_pattern=r"(?u)\b\w\w+\b",
        ngram_range=(1, 2 if cfg.phrases else 1),
        min_df=min_df,
        max_df=0.5,
        max_features=200_000,
        dtype=np.float32,
    )
    try:
        X = vec.fit_transform(text).tocsc()
    except ValueError:  # no token passes min_df: nothing to mine here
        return None
    vocab = vec.get_feature_names_out()
    keep = np.array(
        [not any(t in ENGLISH_STOP_WORDS or t.isdigit() for t in term.split()) for term in vocab]
    )
    if not keep.any():  # only stop words and numbers: nothing to mine here either
        return None
    return X[:, keep], vocab[keep]


def cached_doc_term(
    frame: pd.DataFrame, column: str, cfg: MinerConfig, cache: dict[Any, Any] | None
) -> tuple[Any, np.ndarray] | None:
    """`doc_term`, remembered in `cache` across attempts of one run."""
    key = ("doc_term", column, cfg.min_coverage, cfg.phrases)
    if cache is None:
        return doc_term(frame, column, cfg)
    if key not in cache:
        cache[key] = doc_term(frame, column, cfg)
    return cache[key]


def seed_pseudo_labels(
    X: Any, dev: Labelled, n_classes: int, exclude: np.ndarray, fraction: float, weight: float
) -> Labelled:
    """Pool rows a classifier trained on the dev labels is surest about (top share per class)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import normalize

    Xn = normalize(X.tocsr())
    model = LogisticRegression(C=10.0, max_iter=2000).fit(Xn[dev.rows], dev.labels)
    probs = np.zeros((X.shape[0], n_classes))
    probs[:, model.classes_] = model.predict_proba(Xn)
    return top_confident(probs, exclude, fraction, weight)


def top_confident(
    probs: np.ndarray, exclude: np.ndarray, fraction: float, weight: float
) -> Labelled:
    """Per predicted class, the `fraction` of its rows with the highest probability."""
    pred = probs.argmax(axis=1)
    rows_out, labels_out = [], []
    for c in range(probs.shape[1]):
        rows = np.flatnonzero((pred == c) & ~exclude)
        if len(rows) == 0:
            continue
        take = rows[np.argsort(-probs[rows, c])][: max(1, int(fraction * len(rows)))]
        rows_out.append(take)
        labels_out.append(np.full(len(take), c))
    if not rows_out:
        return Labelled(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    rows = np.concatenate(rows_out)
    return Labelled(rows, np.concatenate(labels_out), np.full(len(rows), weight))


def mine_text_lfs(
    frame: pd.DataFrame,
    column: str,
    classes: list[str],
    labelled: Labelled,
    cfg: MinerConfig,
    *,
    dev: Labelled,
    cache: dict[Any, Any] | None = None,
) -> list[dict[str, Any]]:
    """Discriminative words and phrases per class (smoothed log-odds, min precision/support).

    Only labelled rows count; with pseudo-labels they are weighted (see `Labelled`).
    """
    built = cached_doc_term(frame, column, cfg, cache)
    if built is None:
        return []
    X, vocab = built
    Xl = X[labelled.rows]
    scores = _score_binary(
        Xl.toarray() if Xl.shape[1] < 50_000 else Xl, labelled, len(classes), cfg
    )
    dev_hits = X[dev.rows]
    found: dict[int, list[tuple[float, str, int]]] = {c: [] for c in range(len(classes))}
    for j, (c, precision, support, odds) in enumerate(scores):
        if support < cfg.min_support or precision < cfg.min_precision or odds <= 0:
            continue
        # Hold up on dev: where it fires on hand labels, it must mostly be right.
        fired = dev_hits[:, j].nonzero()[0]
        if len(fired):
            right = (dev.labels[fired] == c).sum()
            if (right + 0.5) / (len(fired) + 1.0) < cfg.min_precision:
                continue
        found[c].append((odds * np.sqrt(support), str(vocab[j]), c))
    specs: list[dict[str, Any]] = []
    for c, items in found.items():
        items.sort(reverse=True)
        for _, term, _ in items[: cfg.max_per_class]:
            specs.append(
                {
                    "name": f"kw_{_slug(term)}__{_slug(classes[c])}",
                    "label": classes[c],
                    "kind": "keyword",
                    "column": column,
                    "keywords": [term],
                }
            )
    return specs


def mine_regex_lfs(
    frame: pd.DataFrame, column: str, classes: list[str], labelled: Labelled, cfg: MinerConfig
) -> list[dict[str, Any]]:
    """Regex features (URLs, numbers, shouting, ...) that point to one class."""
    text = frame[column].astype("string").fillna("")
    sub = text.iloc[labelled.rows]
    specs = []
    for name, pattern, icase in REGEX_FEATURES:
        flags = re.IGNORECASE if icase else 0
        whole = text.str.contains(pattern, flags=flags, regex=True).to_numpy(bool)
        if whole.mean() < cfg.min_coverage or whole.mean() > 0.6:
            continue
        hits = sub.str.contains(pattern, flags=flags, regex=True).to_numpy(float)[:, None]
        c, precision, support, odds = _score_binary(hits, labelled, len(classes), cfg)[0]
        if support >= cfg.min_support and precision >= cfg.min_precision and odds > 0:
            specs.append(
                {
                    "name": f"re_{name}__{_slug(classes[c])}",
                    "label": classes[c],
                    "kind": "regex",
                    "column": column,
                    "pattern": pattern,
                    "ignore_case": icase,
                }
            )
    return specs


def mine_tabular_lfs(
    frame: pd.DataFrame,
    columns: list[str],
    classes: list[str],
    labelled: Labelled,
    cfg: MinerConfig,
) -> list[dict[str, Any]]:
    """Numeric stumps (quantile thresholds), category values, and two-column conjunctions.

    Each condition is scored by smoothed precision on the labelled rows (min support, min pool
    coverage); the best single conditions are paired across columns, and a pair is kept when
    it is more precise than either of its halves.
    """
    specs: list[dict[str, Any]] = []
    atoms: list[tuple[float, str, dict[str, Any], np.ndarray]] = []
    for col in columns:
        series = frame[col]
        numbers = pd.to_numeric(series, errors="coerce")
        if pd.api.types.is_numeric_dtype(series) and numbers.notna().mean() > 0.5:
            values = numbers.to_numpy(dtype=float)
            cuts = np.unique(np.nanquantile(values, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]))
            cands, conds = [], []
            for cut in cuts:
                for op in (">", "<="):
                    mask = values > cut if op == ">" else values <= cut
                    cands.append(mask[labelled.rows])
                    conds.append((op, float(cut), mask.mean()))
            if not cands:
                continue
            scores = _score_binary(np.array(cands, dtype=float).T, labelled, len(classes), cfg)
            best: dict[int, tuple[float, dict[str, Any]]] = {}
            for (c, precision, support, odds), (op, cut, cov) in zip(scores, conds, strict=True):
                if support < cfg.min_support or precision < cfg.min_precision or odds <= 0:
                    continue
                if cov < cfg.min_coverage:
                    continue
                key = odds * np.sqrt(support)
                mask = values > cut if op == ">" else values <= cut
                atoms.append(
                    (key, col, {"kind": "threshold", "column": col, "op": op, "value": cut}, mask)
                )
                if c not in best or key > best[c][0]:
                    name = f"num_{_slug(col)}_{'gt' if op == '>' else 'le'}__{_slug(classes[c])}"
                    best[c] = (
                        key,
                        {
                            "name": name,
                            "label": classes[c],
                            "kind": "threshold",
                            "column": col,
                            "op": op,
                            "value": round(cut, 6),
                        },
                    )
            specs.extend(spec for _, spec in best.values())
        elif series.nunique(dropna=True) <= 30:
            values = series.astype("string")
            for value in values.dropna().unique().tolist():
                mask = (values == value).fillna(False).to_numpy(bool)
                if mask.mean() < cfg.min_coverage:
                    continue
                c, precision, support, odds = _score_binary(
                    mask[labelled.rows].astype(float)[:, None], labelled, len(classes), cfg
                )[0]
                if support >= cfg.min_support and odds > 0:
                    cond = {"kind": "category", "column": col, "values": [value]}
                    atoms.append((odds * np.sqrt(support), col, cond, mask))
                if support >= cfg.min_support and precision >= cfg.min_precision and odds > 0:
                    specs.append(
                        {
                            "name": f"cat_{_slug(col)}_{_slug(str(value))}__{_slug(classes[c])}",
                            "label": classes[c],
                            "kind": "category",
                            "column": col,
                            "values": [value],
                        }
                    )
    specs.extend(_conjunctions(atoms, classes, labelled, cfg))
    return specs


def _conjunctions(
    atoms: list[tuple[float, str, dict[str, Any], np.ndarray]],
    classes: list[str],
    labelled: Labelled,
    cfg: MinerConfig,
    top: int = 24,
    per_class: int = 8,
) -> list[dict[str, Any]]:
    """`and` LFs of two conditions on different columns, more precise than either alone."""
    atoms = sorted(atoms, key=lambda a: -a[0])[:top]
    if len(atoms) < 2:
        return []
    single = _score_binary(
        np.array([a[3][labelled.rows] for a in atoms], dtype=float).T, labelled, len(classes), cfg
    )
    pairs, masks = [], []
    for i in range(len(atoms)):
        for j in range(i + 1, len(atoms)):
            if atoms[i][1] == atoms[j][1]:
                continue
            mask = atoms[i][3] & atoms[j][3]
            if mask.mean() < cfg.min_coverage:
                continue
            pairs.append((i, j))
            masks.append(mask[labelled.rows])
    if not pairs:
        return []
    scores = _score_binary(np.array(masks, dtype=float).T, labelled, len(classes), cfg)
    found: dict[int, list[tuple[float, dict[str, Any]]]] = {}
    for (i, j), (c, precision, support, odds) in zip(pairs, scores, strict=True):
        if support < cfg.min_support or precision < cfg.min_precision or odds <= 0:
            continue
        if precision <= max(single[i][1], single[j][1]):
            continue
        conds = [dict(atoms[i][2]), dict(atoms[j][2])]
        for cond in conds:
            if "value" in cond:
                cond["value"] = round(float(cond["value"]), 6)
        name = "and_" + "_".join(_slug(_cond_name(cond)) for cond in conds)[:80]
        spec = {
            "name": f"{name}__{_slug(classes[c])}",
            "label": classes[c],
            "kind": "and",
            "conditions": conds,
        }
        found.setdefault(c, []).append((odds * np.sqrt(support), spec))
    out = []
    for items in found.values():
        items.sort(key=lambda item: -item[0])
        out.extend(spec for _, spec in items[:per_class])
    return out


def _cond_name(cond: dict[str, Any]) -> str:
    if cond["kind"] == "threshold":
        return f"{cond['column']}_{'gt' if cond['op'] == '>' else 'le'}_{cond['value']:g}"
    return f"{cond['column']}_{cond['values'][0]}"


def builtin_write(
    frame: pd.DataFrame,
    *,
    classes: list[str],
    text_columns: list[str],
    feature_columns: list[str],
    dev: Labelled,
    pseudo: Labelled | None = None,
    config: MinerConfig | None = None,
    cache: dict[Any, Any] | None = None,
) -> list[dict[str, Any]]:
    """Mine LFs from the dev hand labels (and confident pseudo-labels of the pool, if given)."""
    cfg = config or MinerConfig()
    if pseudo is None and text_columns and cfg.seed_fraction > 0:
        # No labels beyond the few hand labels yet: a classifier trained on them picks the
        # pool rows it is surest about, so word statistics rest on more than a few rows.
        built = cached_doc_term(frame, text_columns[0], cfg, cache)
        if built is not None and len(np.unique(dev.labels)) > 1:
            exclude = np.zeros(len(frame), dtype=bool)
            exclude[dev.rows] = True
            pseudo = seed_pseudo_labels(
                built[0], dev, len(classes), exclude, cfg.seed_fraction, cfg.pseudo_weight
            )
    labelled = Labelled(dev.rows, dev.labels, np.ones(len(dev.rows)))
    if pseudo is not None and len(pseudo.rows):
        weights = (
            pseudo.weights if len(pseudo.weights) else np.full(len(pseudo.rows), cfg.pseudo_weight)
        )
        labelled = Labelled(
            np.concatenate([labelled.rows, pseudo.rows]),
            np.concatenate([labelled.labels, pseudo.labels]),
            np.concatenate([labelled.weights, weights]),
        )
    specs: list[dict[str, Any]] = []
    for col in text_columns:
        specs.extend(mine_text_lfs(frame, col, classes, labelled, cfg, dev=dev, cache=cache))
        specs.extend(mine_regex_lfs(frame, col, classes, labelled, cfg))
    tabular = [c for c in feature_columns if c not in text_columns]
    if tabular:
        specs.extend(mine_tabular_lfs(frame, tabular, classes, labelled, cfg))
    seen: set[str] = set()
    unique = []
    for spec in specs:
        if spec["name"] not in seen:
            seen.add(spec["name"])
            unique.append(spec)
    return unique


# ---------------------------------------------------------------------------------------------
# LLM writer


def _extract_json(text: str) -> Any:
    """The first JSON array or object in a model reply (fenced or bare)."""
    fence = re.search(r"```(?:json)?\s*(.*?)```", text, re.DOTALL)
    body = fence.group(1) if fence else text
    start = min((i for i in (body.find("["), body.find("{")) if i >= 0), default=-1)
    if start < 0:
        raise ValueError("the reply has no JSON array of labeling functions")
    decoded, _ = json.JSONDecoder().raw_decode(body[start:])
    if isinstance(decoded, dict):
        decoded = decoded.get("labeling_functions", [decoded])
    if not isinstance(decoded, list):
        raise ValueError("expected a JSON array of labeling functions")
    return decoded


def validate_llm_lfs(
    items: list[Any], classes: list[str], columns: list[str]
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Split the model's LFs into valid flat specs and {name, error} for the invalid ones."""
    from tools.labeling.specs import CodeLF, condition_columns

    valid: list[dict[str, Any]] = []
    invalid: list[dict[str, str]] = []
    names: set[str] = set()
    for i, item in enumerate(items):
        name = item.get("name", f"#{i}") if isinstance(item, dict) else f"#{i}"
        try:
            spec = parse_lf(item)
            if isinstance(spec, CodeLF):
                out = spec.to_dict()
            else:
                if spec.label not in classes:
                    raise ValueError(f"label {spec.label!r} is not one of {classes}")
                unknown = sorted(condition_columns(spec.when) - set(columns))
                if unknown:
                    raise ValueError(f"column {unknown[0]!r} does not exist; columns: {columns}")
                out = spec.to_dict()
            if spec.name in names:
                raise ValueError(f"name {spec.name!r} is used twice")
            names.add(spec.name)
            valid.append(out)
        except ValueError as exc:
            invalid.append({"name": str(name), "error": str(exc)})
    return valid, invalid


def llm_write(
    model: Any,
    *,
    goal: str,
    classes: list[str],
    columns: list[str],
    samples: list[dict[str, Any]],
    analysis: list[dict[str, Any]] | None = None,
    diagnosis: list[str] | None = None,
    max_rounds: int = 3,
) -> tuple[list[dict[str, Any]], list[dict[str, str]], int]:
    """Ask the chat model for LFs; invalid ones go back to it with their errors.

    Returns (valid specs, LFs still invalid after the last round, rounds used).
    """
    from langchain_core.messages import AIMessage, HumanMessage

    from agents.llm import load_prompt

    prompt = load_prompt(
        "lf_writer",
        goal=goal,
        classes=classes,
        columns=columns,
        samples=samples,
        analysis=analysis or [],
        diagnosis=diagnosis or [],
    )
    messages: list[Any] = [HumanMessage(prompt)]
    valid: list[dict[str, Any]] = []
    invalid: list[dict[str, str]] = []
    rounds = 0
    for rounds in range(1, max_rounds + 1):  # noqa: B007 - the count is returned
        reply = model.invoke(messages)
        text = reply.content if isinstance(reply.content, str) else str(reply.content)
        messages.append(AIMessage(text))
        try:
            items = _extract_json(text)
        except (ValueError, json.JSONDecodeError) as exc:
            invalid = [{"name": "reply", "error": str(exc)}]
        else:
            got, invalid = validate_llm_lfs(items, classes, columns)
            taken = {v["name"] for v in valid}
            valid.extend(g for g in got if g["name"] not in taken)
        if not invalid:
            break
        messages.append(
            HumanMessage(
                load_prompt("lf_writer_fix", errors=invalid, classes=classes, columns=columns)
            )
        )
    return valid, invalid, rounds
