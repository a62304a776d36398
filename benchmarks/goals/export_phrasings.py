"""Export the tunable corpora's goals, conversation openings and follow-ups as router rows.

The rows of `agents/data/goals.tsv` are every single-turn goal (`goals.jsonl`) and every
conversation's first turn (`conversations.jsonl`: a thread's first message is a plain goal,
planned on an empty memory). The rows of `agents/data/followups.tsv` are the later turns of the
conversation corpora (FOLLOW_UPS), each with the thread's state after the turns before it
(`agents.thread_state.from_turns`, by their expected tools): TOOLS<TAB>TURN<TAB>CORPUS<TAB>STATE;
a follow-up whose right move is a question is left out, as a goal is. Each goals.tsv line: TOOLS<TAB>GOAL<TAB>CORPUS, TOOLS the goal's
expected tool sequence (comma-separated, as in phrasings.tsv) or `none` when the goal expects an
answer without a tool. The corpus column lets the leave-one-corpus-out evaluation drop a corpus
(FORGEFLOW_ROUTER_EXCLUDE, agents/router.py).

- Only the tunable corpora (TUNABLE) are read; the held-out and frozen sets never are.
- A first turn worded exactly as one of its corpus's goals is kept once.
- Goals whose right move is a question (`ask: true`) are left out: the question comes from the
  data (which file, which column), not from the wording, so they carry no tool sequence.
- Read-only look-ups (inspect_dataset, list_local_datasets, preview_rows) are kept exactly as the
  goal lists them: a look-up a goal names is asked for; one it does not name is not learnt (the
  benchmark ignores an extra look-up, but never a missing one).

Run: `PYTHONPATH=. .venv/bin/python benchmarks/goals/export_phrasings.py [OUT [FOLLOW_OUT]]`
(deterministic; OUT defaults to agents/data/goals.tsv, FOLLOW_OUT to followups.tsv beside it).
"""

from __future__ import annotations

import json
import sys
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
    "fresh16",
    "fresh17",
    "fresh22",
    "fresh23",
    "fresh24",
    "fresh25",
    "fresh26",
    "fresh27",
    "fresh28",
    "fresh29",
    "fresh30",
    "fresh31",
    "fresh32",
    "fresh33",
    "fresh34",
    "fresh35",
    "fresh36",
    "fresh37",
    "fresh38",
    "fresh39",
    "fresh40",
    "fresh41",
    "fresh42",
    "fresh43",
    "fresh44",
    "fresh45",
    "fresh46",
    "fresh47",
    "fresh48",
    "fresh49",
    "fresh50",
    "fresh51",
    "fresh52",
    "fresh53",
    "fresh55",
    "fresh56",
)
FOLLOW_UPS_HELD: tuple[str, ...] = ()
"""Tunable corpora whose follow-ups are not rows yet: none since the twentieth round (the
eighteenth and nineteenth rounds held back fresh36, fresh41-fresh50's follow-ups while two tested
follow-up wordings planned worse with them)."""
FOLLOW_UPS = tuple(
    c
    for c in TUNABLE
    if (ROOT / c / "conversations.jsonl").is_file()
    and c not in FOLLOW_UPS_HELD
    and (ROOT / c / "conversations.jsonl").stat().st_size > 0
)
"""The conversation corpora whose later turns are router rows (tunable, with conversations)."""
OUT = ROOT.parents[1] / "agents" / "data" / "goals.tsv"
FOLLOW_OUT = ROOT.parents[1] / "agents" / "data" / "followups.tsv"


def openings(corpus: str) -> list[dict]:
    """The single-turn goals and the conversations' first turns of one corpus, as goal items
    (`goal`, `expect`), goals first.
    """
    folder = ROOT / corpus
    items: list[dict] = []
    for name in ("goals.jsonl", "conversations.jsonl"):
        path = folder / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if "turns" in item:
                first = item["turns"][0]
                item = {"id": f"{item['id']}#1", "goal": first["user"], "expect": first["expect"]}
            items.append(item)
    return items


def rows(corpus: str) -> list[tuple[str, str, str]]:
    """(tools, goal, corpus) for each single-turn goal and conversation opening of one
    tunable corpus.
    """
    if corpus not in TUNABLE:
        raise ValueError(f"{corpus} is not a tunable corpus")
    out: list[tuple[str, str, str]] = []
    for item in openings(corpus):
        expect = item.get("expect") or {}
        if expect.get("ask"):
            continue
        tools = ",".join(expect.get("tools") or []) or "none"
        goal = " ".join(str(item["goal"]).split())  # one line: no tabs or newlines
        if (tools, goal, corpus) not in out:
            out.append((tools, goal, corpus))
    return out


def follow_up_rows(corpus: str) -> list[tuple[str, str, str, str]]:
    """(tools, turn, corpus, state) for each later turn of one conversation corpus."""
    from agents.thread_state import from_turns

    if corpus not in FOLLOW_UPS:
        raise ValueError(f"{corpus} is not a tunable conversation corpus")
    out: list[tuple[str, str, str, str]] = []
    path = ROOT / corpus / "conversations.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        turns = json.loads(line)["turns"]
        for index, turn in enumerate(turns[1:], 1):
            expect = turn.get("expect") or {}
            if expect.get("ask"):
                continue
            tools = ",".join(expect.get("tools") or []) or "none"
            row = (tools, " ".join(str(turn["user"]).split()), corpus, from_turns(turns[:index]))
            if row not in out:
                out.append(row)
    return out


def main() -> None:
    """Write agents/data/goals.tsv (or the path given) from every tunable corpus, and
    agents/data/followups.tsv (or the second path given) from the conversation corpora.
    """
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    follow_out = Path(sys.argv[2]) if len(sys.argv) > 2 else out.parent / FOLLOW_OUT.name
    lines = [
        "# tools<TAB>goal<TAB>corpus: single-turn goals and conversations' first turns of the "
        "tunable corpora "
        "(benchmarks/goals/export_phrasings.py; do not edit by hand)"
    ]
    for corpus in TUNABLE:
        lines.extend("\t".join(row) for row in rows(corpus))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} goals -> {out}")
    lines = [
        "# tools<TAB>turn<TAB>corpus<TAB>state: conversations' later turns of the tunable "
        "corpora, with the thread state before them (benchmarks/goals/export_phrasings.py; "
        "do not edit by hand)"
    ]
    for corpus in FOLLOW_UPS:
        if corpus in TUNABLE and (ROOT / corpus / "conversations.jsonl").exists():
            lines.extend("\t".join(row) for row in follow_up_rows(corpus))
    follow_out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} follow-ups -> {follow_out}")


if __name__ == "__main__":
    main()
