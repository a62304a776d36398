"""Labeling speed: the same LFs through Snorkel's PandasLFApplier and through ours, 100,000 rows.

Part 1, declarative LFs: keyword (words and phrases), regex, threshold, category and an
and/not combination, applied vectorised by tools.labeling.apply, against the same rules
written as Snorkel labeling functions. Part 2, code LFs: the same rules as Python source
(`snorkel_source`) run in the bubblewrap sandbox (batches, parallel over cores) against
PandasLFApplier running the equivalent functions unsandboxed in-process. The label matrices must be identical; the script fails otherwise.

Run: .venv/bin/python benchmarks/labeling_speed.py [--rows 100000] [--keywords 80] [--code-lfs 10]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
CLASSES = ["sci.med", "sci.space"]


def load_rows(n: int) -> pd.DataFrame:
    """`n` rows of 20 Newsgroups text (repeated), with a numeric and a category column."""
    train = pd.read_csv(DATA / "20newsgroups-train.csv.gz")
    reps = -(-n // len(train))
    frame = pd.concat([train] * reps, ignore_index=True).head(n)
    frame.insert(0, "id", np.arange(n))
    frame["length"] = frame.Text.str.len()
    frame["group"] = frame.Category.str.split(".").str[0]
    return frame.drop(columns=["Category"])


def mined_keywords(limit: int) -> list[dict]:
    """A realistic LF set: the built-in writer's keyword LFs for sci.med vs sci.space."""
    from agents.lf_writer import Labelled, MinerConfig, builtin_write

    train = pd.read_csv(DATA / "20newsgroups-train.csv.gz")
    train = train[train.Category.isin(CLASSES)].reset_index(drop=True)
    y = (train.Category == CLASSES[1]).to_numpy(int)
    gold = np.random.default_rng(0).choice(len(train), 30, replace=False)
    specs = builtin_write(
        train,
        classes=CLASSES,
        text_columns=["Text"],
        feature_columns=[],
        dev=Labelled(gold, y[gold]),
        config=MinerConfig(max_per_class=limit // 2 + 10, min_precision=0.7),
    )
    return [s for s in specs if s["kind"] == "keyword"][:limit]


def declarative_set(keyword_limit: int) -> list[dict]:
    specs = mined_keywords(keyword_limit)
    specs += [
        {
            "name": "rx_orbit",
            "label": CLASSES[1],
            "kind": "regex",
            "column": "Text",
            "pattern": r"\borbit\w*",
        },
        {
            "name": "rx_doctor",
            "label": CLASSES[0],
            "kind": "regex",
            "column": "Text",
            "pattern": r"\b(?:doctor|physician)s?\b",
        },
        {
            "name": "long_post",
            "label": CLASSES[1],
            "kind": "threshold",
            "column": "length",
            "op": ">",
            "value": 4000,
        },
        {
            "name": "short_post",
            "label": CLASSES[0],
            "kind": "threshold",
            "column": "length",
            "op": "between",
            "value": 0,
            "high": 300,
        },
        {
            "name": "sci_group",
            "label": CLASSES[1],
            "kind": "category",
            "column": "group",
            "values": ["sci"],
        },
        {
            "name": "launch_not_missile",
            "label": CLASSES[1],
            "kind": "and",
            "conditions": [
                {"kind": "keyword", "column": "Text", "keywords": ["launch"]},
                {
                    "kind": "not",
                    "condition": {"kind": "keyword", "column": "Text", "keywords": ["missile"]},
                },
            ],
        },
    ]
    return specs


def snorkel_source(spec: dict) -> str:
    """The same rule as a Snorkel-style Python function (x is a row)."""
    label = CLASSES.index(spec["label"])
    name = spec["name"]
    kind = spec["kind"]
    if kind == "keyword":
        words = [k for k in spec["keywords"] if " " not in k]
        phrases = [k for k in spec["keywords"] if " " in k]
        checks = []
        if words:
            checks.append(f"any(w in tokens for w in {words!r})")
        if phrases:
            checks.append(
                f"any(' ' + p + ' ' in ' ' + ' '.join(tokens) + ' ' for p in {phrases!r})"
            )
        body = f"    tokens = x.Text.lower().split()\n    hit = {' or '.join(checks)}\n"
    elif kind == "regex":
        body = f"    import re\n    hit = re.search({spec['pattern']!r}, x.Text) is not None\n"
    elif kind == "threshold" and spec["op"] == ">":
        body = f"    hit = x.length > {spec['value']!r}\n"
    elif kind == "threshold":
        body = f"    hit = {spec['value']!r} <= x.length <= {spec['high']!r}\n"
    elif kind == "category":
        body = f"    hit = x.group in {spec['values']!r}\n"
    else:
        body = (
            "    tokens = x.Text.lower().split()\n"
            "    hit = 'launch' in tokens and 'missile' not in tokens\n"
        )
    return f"def {name}(x):\n{body}    return {label} if hit else -1\n"


def snorkel_function(spec: dict):  # noqa: ANN201
    """The same rule as a plain Python function, the way Snorkel users write it."""
    label = CLASSES.index(spec["label"])
    kind = spec["kind"]
    if kind == "keyword":
        words = [k for k in spec["keywords"] if " " not in k]
        phrases = [k for k in spec["keywords"] if " " in k]

        def f(x):  # noqa: ANN001, ANN202
            tokens = x.Text.lower().split()
            hit = any(w in tokens for w in words) or any(
                " " + p + " " in " " + " ".join(tokens) + " " for p in phrases
            )
            return label if hit else -1
    elif kind == "regex":
        pattern = re.compile(spec["pattern"])

        def f(x):  # noqa: ANN001, ANN202
            return label if pattern.search(x.Text) is not None else -1
    elif kind == "threshold" and spec["op"] == ">":

        def f(x):  # noqa: ANN001, ANN202
            return label if x.length > spec["value"] else -1
    elif kind == "threshold":

        def f(x):  # noqa: ANN001, ANN202
            return label if spec["value"] <= x.length <= spec["high"] else -1
    elif kind == "category":

        def f(x):  # noqa: ANN001, ANN202
            return label if x.group in spec["values"] else -1
    else:

        def f(x):  # noqa: ANN001, ANN202
            tokens = x.Text.lower().split()
            return label if "launch" in tokens and "missile" not in tokens else -1

    return f


def snorkel_lfs(specs: list[dict]) -> list:
    """Snorkel LabelingFunctions for the specs."""
    from snorkel.labeling import LabelingFunction

    return [LabelingFunction(name=s["name"], f=snorkel_function(s)) for s in specs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keywords", type=int, default=80)
    parser.add_argument("--code-lfs", type=int, default=10)
    parser.add_argument("--code-only", action="store_true", help="Skip part 1 (declarative LFs).")
    args = parser.parse_args()

    from snorkel.labeling import PandasLFApplier

    from tools.labeling.apply import apply_lfs
    from tools.labeling.sandbox import run_code_lfs
    from tools.labeling.specs import parse_lfs

    frame = load_rows(args.rows)
    specs = declarative_set(args.keywords)
    sources = {s["name"]: snorkel_source(s) for s in specs}
    print(f"{len(frame)} rows, {len(specs)} declarative LFs, {os.cpu_count()} CPUs", flush=True)

    parsed = parse_lfs(specs, CLASSES)
    # Warm-up on a few rows so neither side pays for first-call imports in the timing.
    apply_lfs(frame.head(50), parsed, CLASSES)
    PandasLFApplier(snorkel_lfs(specs)).apply(frame.head(50), progress_bar=False)
    warm = parse_lfs([{"name": "w", "code": "def w(x):\n    return 0"}], CLASSES)
    run_code_lfs(frame.head(50), warm, CLASSES)  # the sandbox's one-time probe and layout
    if args.code_only:
        args_code(args, frame, specs, sources)
        return
    started = time.perf_counter()
    ours = apply_lfs(frame, parsed, CLASSES).matrix
    ours_s = time.perf_counter() - started
    print(f"ours (declarative, vectorised): {ours_s:.2f}s", flush=True)

    started = time.perf_counter()
    theirs = PandasLFApplier(snorkel_lfs(specs)).apply(frame, progress_bar=False)
    theirs_s = time.perf_counter() - started
    print(f"snorkel PandasLFApplier:        {theirs_s:.2f}s", flush=True)
    if not np.array_equal(ours, theirs):
        bad = np.flatnonzero((ours != theirs).any(axis=0))
        raise SystemExit(f"label matrices differ in LFs {[specs[j]['name'] for j in bad[:5]]}")
    print(f"identical matrices; declarative speed-up: {theirs_s / ours_s:.1f}x", flush=True)
    args_code(args, frame, specs, sources)


def args_code(
    args: argparse.Namespace, frame: pd.DataFrame, specs: list[dict], sources: dict[str, str]
) -> None:
    """Part 2: the first --code-lfs rules as Python source, sandboxed vs PandasLFApplier."""
    from snorkel.labeling import PandasLFApplier

    from tools.labeling.sandbox import run_code_lfs
    from tools.labeling.specs import parse_lfs

    if args.code_lfs <= 0:
        return
    code_specs = specs[: args.code_lfs]
    code = [{"name": s["name"], "code": sources[s["name"]]} for s in code_specs]
    started = time.perf_counter()
    sandboxed = run_code_lfs(frame, parse_lfs(code, CLASSES), CLASSES, id_column="id")
    sandboxed_s = time.perf_counter() - started
    print(
        f"ours (code LFs in the sandbox): {sandboxed_s:.2f}s, errors: {sandboxed.errors}",
        flush=True,
    )
    started = time.perf_counter()
    plain = PandasLFApplier(snorkel_lfs(code_specs)).apply(frame, progress_bar=False)
    plain_s = time.perf_counter() - started
    print(f"snorkel PandasLFApplier (same code, no sandbox): {plain_s:.2f}s", flush=True)
    if not np.array_equal(sandboxed.matrix, plain):
        raise SystemExit("sandboxed and unsandboxed label matrices differ")
    print(f"identical matrices; sandboxed code speed-up: {plain_s / sandboxed_s:.2f}x")


if __name__ == "__main__":
    main()
