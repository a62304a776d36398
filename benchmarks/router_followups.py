"""Study: could the learned router route conversation follow-ups, given the thread's state?

Usage (from the checkout whose router is measured; a few minutes: three fits):

    .venv/bin/python benchmarks/router_followups.py [--no-state]

Later turns of the tunable corpora's conversations become rows (their wording, file names as
placeholders) with thread-state tokens taken from the earlier turns' expected tools
(`thread_state`): the tools of the last acting turn, what the thread holds (a model, labels, a
QA set, ...), a pending question, a turn without a tool last. The router's features
(agents/router.py) plus the state tokens (`--no-state`: without them) are fitted on three writer-group folds, each
holding out five corpora (their goals, openings and follow-ups), and the held-out follow-ups'
top-1 is counted, then set beside the planner's routing of the same turns in the stored
conversation runs (benchmarks/results/planner). Router-only figures: the planner does not use
such rows (docs/planner.md, round 7). The frozen and validation corpora are never read.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent
GROUPS = (
    {"dev", "fresh5", "fresh9", "fresh12", "fresh16"},
    {"fresh3", "fresh6", "fresh10", "fresh13", "fresh17"},
    {"fresh4", "fresh7", "fresh8", "fresh11", "fresh14"},
)
CONVERSATIONS = ("dev", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8")
CONVERSATIONS += ("fresh16", "fresh17")
HOLDS = {
    "train_model": "model",
    "label_dataset": "labels",
    "generate_qa": "qa",
    "chunk_documents": "chunks",
    "detect_anomalies": "anomalies",
    "train_generator": "generator",
    "write_labeling_functions": "lfs",
}
STORED = {
    "fresh16": "fresh16_convs_after_round6",
    "fresh8": "fresh8_convs_after_round5",
    "fresh7": "fresh7_convs_after_round4",
    "dev": "dev_conversations_after_round2",
}


def thread_state(before: list[dict[str, Any]]) -> str:
    """Tokens for what a thread holds after these turns (by their expected tools)."""
    tokens = {"thread"}
    acting = [t for t in before if t["expect"].get("tools")]
    if acting:
        tokens |= {f"last_{tool}" for tool in acting[-1]["expect"]["tools"]}
    for turn in before:
        tokens |= {f"has_{HOLDS[t]}" for t in turn["expect"].get("tools") or [] if t in HOLDS}
    if before and before[-1]["expect"].get("ask"):
        tokens.add("pending_question")
    if before and not before[-1]["expect"].get("tools"):
        tokens.add("last_answer")
    return " ".join(sorted(tokens))


def follow_ups(corpus: str) -> list[tuple[str, str, str, str]]:
    """(label, normalised wording, state, turn id) of each later turn not expecting a question."""
    from agents import router, semantic

    out = []
    for line in (ROOT / "goals" / corpus / "conversations.jsonl").read_text().splitlines():
        if not line.strip():
            continue
        conversation = json.loads(line)
        turns = conversation["turns"]
        for index, turn in enumerate(turns[1:], 1):
            if turn["expect"].get("ask"):
                continue
            label = router._label(tuple(turn["expect"].get("tools") or ()))
            text = semantic.normalise(" ".join(turn["user"].split()))
            out.append((label, text, thread_state(turns[:index]), f"{conversation['id']}:{index}"))
    return out


def main() -> None:
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from agents import router, semantic
    from tools.labeling import embeddings

    state = "--no-state" not in sys.argv[1:]
    labels, phrases = semantic._corpus()
    matrix = semantic._matrix()
    goals = router.goal_rows()
    vectors = router._goal_vectors()
    rows = {c: follow_ups(c) for c in CONVERSATIONS}
    texts = sorted({r[1] for rs in rows.values() for r in rs})
    vectors.update(zip(texts, embeddings.embed_corpus(texts), strict=True))
    right: dict[str, bool] = {}
    for group in GROUPS:
        train = [g for g in goals if g[2] not in group]
        later = [r for c, rs in rows.items() if c not in group for r in rs]
        test = [r for c, rs in rows.items() if c in group for r in rs]
        words = list(phrases) + [g[1] for g in train] + [r[1] for r in later]
        states = ["fresh"] * (len(phrases) + len(train)) + [r[2] for r in later]
        y = [router._label(t) for t in labels] + [router._label(g[0]) for g in train]
        y += [r[0] for r in later]
        weights = np.array([1.0] * len(phrases) + [router.GOAL_WEIGHT] * (len(y) - len(phrases)))
        word, char = TfidfVectorizer(**router.WORD), TfidfVectorizer(**router.CHAR)
        marks = TfidfVectorizer(token_pattern=r"\S+", use_idf=False, norm=None, binary=True)
        dense = np.vstack([matrix, *[vectors[t][None, :] for t in words[len(phrases) :]]])
        blocks = [word.fit_transform(words), char.fit_transform(words), sparse.csr_matrix(dense)]
        if state:
            blocks.append(marks.fit_transform(states))
        model = LogisticRegression(C=router.C, max_iter=2000)
        model.fit(sparse.hstack(blocks).tocsr(), y, sample_weight=weights)
        asked = [r[1] for r in test]
        probe = [word.transform(asked), char.transform(asked)]
        probe.append(sparse.csr_matrix(np.vstack([vectors[t][None, :] for t in asked])))
        if state:
            probe.append(marks.transform([r[2] for r in test]))
        for row, guess in zip(test, model.predict(sparse.hstack(probe).tocsr()), strict=True):
            right[row[3]] = guess == row[0]
    print(
        f"follow-ups, router only ({'with' if state else 'without'} the thread state): "
        f"{sum(right.values())}/{len(right)} = {sum(right.values()) / len(right):.4f}"
    )
    for corpus, name in STORED.items():
        path = ROOT / "results" / "planner" / f"{name}.json.gz"
        if not path.exists():
            continue
        details = json.loads(gzip.decompress(path.read_bytes()))["details"]
        turns = [d for d in details if f"{d['id']}:{d.get('turn')}" in right]
        routed = sum(bool(d["routed"]) for d in turns)
        learned = sum(right[f"{d['id']}:{d.get('turn')}"] for d in turns)
        print(f"{corpus} ({name}): {len(turns)} follow-ups, planner {routed}, router {learned}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path.cwd()))
    main()
