"""Export the tunable corpora's single-turn goals as router training phrasings (agents/data/goals.tsv).

Each line: TOOLS<TAB>GOAL<TAB>CORPUS, TOOLS the goal's expected tool sequence (comma-separated, as
in phrasings.tsv) or `none` when the goal expects an answer without a tool. The corpus column lets
the leave-one-corpus-out evaluation drop a corpus (FORGEFLOW_ROUTER_EXCLUDE, agents/router.py).

- Only the tunable corpora (TUNABLE) are read; the held-out and frozen sets never are.
- Goals whose right move is a question (`ask: true`) are left out: the question comes from the
  data (which file, which column), not from the wording, so they carry no tool sequence.
- Read-only look-ups (inspect_dataset, list_local_datasets, preview_rows) are kept exactly as the
  goal lists them: a look-up a goal names is asked for; one it does not name is not learnt (the
  benchmark ignores an extra look-up, but never a missing one).

Run: `PYTHONPATH=. .venv/bin/python benchmarks/goals/export_phrasings.py` (deterministic).
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TUNABLE = (
    "dev",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
    "fresh10",
    "fresh11",
    "fresh12",
    "fresh13",
    "fresh14",
)
OUT = ROOT.parents[1] / "agents" / "data" / "goals.tsv"


def rows(corpus: str) -> list[tuple[str, str, str]]:
    """(tools, goal, corpus) for each single-turn goal of one tunable corpus."""
    if corpus not in TUNABLE:
        raise ValueError(f"{corpus} is not a tunable corpus")
    out: list[tuple[str, str, str]] = []
    for line in (ROOT / corpus / "goals.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        expect = item.get("expect") or {}
        if expect.get("ask"):
            continue
        tools = ",".join(expect.get("tools") or []) or "none"
        goal = " ".join(str(item["goal"]).split())  # one line: no tabs or newlines
        out.append((tools, goal, corpus))
    return out


def main() -> None:
    """Write agents/data/goals.tsv from every tunable corpus."""
    lines = [
        "# tools<TAB>goal<TAB>corpus: single-turn goals of the tunable corpora "
        "(benchmarks/goals/export_phrasings.py; do not edit by hand)"
    ]
    for corpus in TUNABLE:
        lines.extend("\t".join(row) for row in rows(corpus))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} goals -> {OUT}")


if __name__ == "__main__":
    main()
