"""Finding the workspace's earlier labeling runs (`agents/runs.labeling_runs`): index vs scan.

Usage: .venv/bin/python benchmarks/labeling_runs.py [--runs 10000] [--repeat 20]

Writes RUNS labeling run folders (labeled.parquet, metrics.json, labeling_functions.json) into
the workspace of a fresh FORGEFLOW_HOME, then times, in the same process: the lookup as it was
before the tenth round (a glob of every depth below the workspace, opening every run folder,
reimplemented here as the baseline), a fresh scan (`_scan`, what the index is rebuilt from) and
`labeling_runs()` with its index warm (what each plan pays while no run folder appears or goes).
Reports the median milliseconds of each and the ratios to the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _glob_scan(root: Path, max_depth: int = 4, max_runs: int = 200) -> list[Path]:
    """The previous lookup's walk: labeled.parquet at each depth, the first max_runs kept."""
    found: list[Path] = []
    for depth in range(max_depth + 1):
        for path in root.glob("/".join(["*"] * depth + ["labeled.parquet"])):
            if path.parent.name != "workbench" and len(found) < max_runs:
                found.append(path.parent)
    return found


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _populate(root: Path, runs: int) -> None:
    import pandas as pd

    labeling = root / "labeling"
    labeling.mkdir(parents=True)
    sample = root / "sample.parquet"
    frame = pd.DataFrame({"id": range(50), "label": ["a", "b"] * 25, "prob_a": 0.5, "prob_b": 0.5})
    frame.to_parquet(sample, index=False)
    data = sample.read_bytes()
    lfs = json.dumps([{"name": "kw_a", "label": "a", "kind": "keyword", "column": "t"}])
    for i in range(runs):
        folder = labeling / f"notes_{i:05d}-20260101-000000"
        folder.mkdir()
        (folder / "labeled.parquet").write_bytes(data)
        (folder / "metrics.json").write_text(json.dumps({"classes": ["a", "b"]}))
        (folder / "labeling_functions.json").write_text(lfs)
    sample.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="ff-runs-bench-"))
    os.environ["FORGEFLOW_HOME"] = str(home)
    try:
        from agents import runs
        from store.workspace import workspace_root

        root = workspace_root()
        _populate(root, args.runs)
        time.sleep(runs.RACY_NS / 1e9 + 0.1)  # a workspace at rest: no folder just changed
        listed = runs.labeling_runs()  # loads the newest runs once (their reads are cached)
        baseline = _median_ms(lambda: _glob_scan(root), args.repeat)
        scan = _median_ms(lambda: runs._scan(root), args.repeat)
        warm = _median_ms(runs.labeling_runs, args.repeat)
        print(f"labeling runs: {args.runs} folders, {len(listed)} listed (newest first)")
        print(f"  previous glob walk (baseline) {baseline:8.2f} ms")
        print(f"  fresh scan (index rebuilt)    {scan:8.2f} ms   x{baseline / scan:.1f} faster")
        print(f"  labeling_runs(), index warm   {warm:8.2f} ms   x{baseline / warm:.1f} faster")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
