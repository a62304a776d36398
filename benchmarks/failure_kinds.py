"""Failed turns of saved planner runs counted by kind: aggregates only, never a goal or an id.

Usage:

    .venv/bin/python benchmarks/failure_kinds.py RESULT.json CORPUS [RESULT.json CORPUS ...]
        [--json OUT]

Each RESULT is the `--json` output (or its `.gz`) of `benchmarks/planner.py` on CORPUS (a folder under
benchmarks/goals/). A failed turn (strict `success` false) gets exactly one kind, the first that
applies, in the order a reader would fix them:

- `needless_question`: the planner asked; the corpus expects a plan.
- `no_question`: the corpus expects a question; the planner planned.
- `missing_step`: the planned tools are the expected ones with some left out.
- `extra_step`: the expected tools all planned, in order, plus others.
- `wrong_step`: one or more expected tools replaced by others (neither a subset nor a superset).
- `order`: the same tools in another order.
- `wrong_argument`: routed right, an expected argument differs.
- `run_failed`: routed right with the right arguments, the run ended in error or was refused
  (detailed as `tool:code`, the failed step and its error's code, where the result holds it).
- `answer`: all of the above right, the answer lacks a phrase the corpus asks for.

Each wrong argument is also sorted by where its values come from (`wrong_argument_sources`):
whether the expected value and the planned one are said in the turn's own words (a file by its
name or stem, a column or setting by its value): `said→unsaid` (a said value lost to one the
person never said), `said→said` (two said values confused), `unsaid→said`, `unsaid→unsaid` (a
value the data or the thread had to supply), `→missing` (nothing bound). The split tells which
general check would pay on a set (preferring what the person said, or reading the data better)
without naming a goal.

Kinds are counted for goals and conversation turns apart (a conversation's later turns apart
too), with the tools missing, extra or replaced and the `tool.argument` names that differ (the
names only: values can quote the goal). Because nothing printed names a goal, this may be run on
the validation and selection sets to choose work that transfers; it is never run on a frozen
held-out set except to report its figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

IGNORED = ("inspect_dataset", "list_local_datasets", "preview_rows")
KINDS = (
    "needless_question",
    "no_question",
    "missing_step",
    "extra_step",
    "wrong_step",
    "order",
    "wrong_argument",
    "run_failed",
    "answer",
)


def expectations(corpus: Path) -> dict[tuple[str, int], dict[str, Any]]:
    """Each turn's `expect` by (id, turn number)."""
    out: dict[tuple[str, int], dict[str, Any]] = {}
    for name in ("goals.jsonl", "conversations.jsonl"):
        path = corpus / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines():
            if line.strip():
                item = json.loads(line)
                turns = item.get("turns") or [{"expect": item["expect"]}]
                for number, turn in enumerate(turns):
                    out[(item["id"], number)] = turn["expect"]
    return out


def texts(corpus: Path) -> dict[tuple[str, int], str]:
    """Each turn's own words by (id, turn number)."""
    out: dict[tuple[str, int], str] = {}
    for name in ("goals.jsonl", "conversations.jsonl"):
        path = corpus / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines():
            if line.strip():
                item = json.loads(line)
                for number, turn in enumerate(item.get("turns") or [item]):
                    out[(item["id"], number)] = str(turn.get("goal") or turn.get("user") or "")
    return out


def _said(value: Any, text: str) -> bool:
    """Whether the value (each one, for a list) is said in the text: a file by its name or its
    stem, anything else by its words (case and '_' / '-' / ' ' aside).
    """
    if value is None:
        return False
    values = value if isinstance(value, list) else [value]
    if not values:
        return False
    said = " ".join(text.lower().replace("_", " ").replace("-", " ").split())
    for one in values:
        name = str(one).lower().rsplit("/", 1)[-1]
        stem = name.rsplit(".", 1)[0] if "." in name else name
        words = " ".join(stem.replace("_", " ").replace("-", " ").split())
        if not words or words not in said:
            return False
    return True


def argument_sources(turn: dict[str, Any], expect: dict[str, Any], text: str) -> list[str]:
    """For each wrong `tool.argument` of a turn, where its expected and planned values come from
    (`said→unsaid`, `said→said`, `unsaid→said`, `unsaid→unsaid`, `said→missing`,
    `unsaid→missing`), followed by the `tool.argument` name.
    """
    planned = {tool: args for tool, args in turn.get("steps") or [] if isinstance(args, dict)}
    out = []
    for wrong in turn.get("wrong_args") or []:
        tool, _, name = wrong.split(":", 1)[0].partition(".")
        want = ((expect.get("args") or {}).get(tool) or {}).get(name)
        have = (planned.get(tool) or {}).get(name)
        side = "said" if _said(want, text) else "unsaid"
        got = "missing" if have in (None, [], "") else "said" if _said(have, text) else "unsaid"
        out.append(f"{side}→{got} {tool}.{name}")
    return out


def _load(result: Path) -> dict[str, Any]:
    raw = result.read_bytes()
    return json.loads(gzip.decompress(raw) if result.suffix == ".gz" else raw)


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(tool in it for tool in short)


def kind_of(turn: dict[str, Any], expect: dict[str, Any]) -> tuple[str, list[str]]:
    """(kind, details) of one failed turn; details are tool or `tool.argument` names."""
    want = list(expect.get("tools") or [])
    planned = [t for t in turn.get("planned") or [] if t not in IGNORED or t in want]
    asked = bool(turn.get("asked"))
    if asked and not expect.get("ask"):
        return "needless_question", want
    if expect.get("ask") and not asked:
        return "no_question", planned
    if not expect.get("ask") and planned != want:
        if _is_subsequence(planned, want):
            return "missing_step", list((Counter(want) - Counter(planned)).elements())
        if _is_subsequence(want, planned):
            return "extra_step", list((Counter(planned) - Counter(want)).elements())
        if Counter(planned) == Counter(want):
            return "order", []
        gone = list((Counter(want) - Counter(planned)).elements())
        added = list((Counter(planned) - Counter(want)).elements())
        return "wrong_step", [f"{g}->{a}" for g in gone or ["-"] for a in added or ["-"]]
    if turn.get("arg_ok", 0) != turn.get("arg_total", 0):
        return "wrong_argument", [w.split(":", 1)[0] for w in turn.get("wrong_args") or []]
    if turn.get("status") not in ("completed", "interrupted"):
        # the failed step and its error code where the result holds them (tool:code), else
        # the run's status (results saved before the twenty-second round's last commit)
        return "run_failed", [str(turn.get("failure") or turn.get("status"))]
    return "answer", []


def count(pairs: list[tuple[Path, Path]]) -> dict[str, Any]:
    """Counts of failure kinds (and their tools/arguments) over the saved runs."""
    groups = ("goals", "first_turns", "later_turns")
    kinds: dict[str, Counter[str]] = {g: Counter() for g in groups}
    details: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
    totals: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    by_argument: Counter[str] = Counter()
    for result, corpus in pairs:
        expects = expectations(corpus)
        words = texts(corpus)
        for turn in _load(result)["details"]:
            group = (
                "goals"
                if not turn.get("conversation")
                else "first_turns"
                if turn["turn"] == 0
                else "later_turns"
            )
            totals[group] += 1
            if turn.get("success"):
                continue
            key = (turn["id"], turn["turn"])
            kind, names = kind_of(turn, expects[key])
            kinds[group][kind] += 1
            details[kind].update(names)
            if kind == "wrong_argument":
                found = argument_sources(turn, expects[key], words.get(key, ""))
                sources.update(f.split(" ", 1)[0] for f in found)
                by_argument.update(found)
    return {
        "turns": dict(totals),
        "failed": {g: sum(kinds[g].values()) for g in groups},
        "kinds": {g: dict(kinds[g].most_common()) for g in groups},
        "details": {k: dict(v.most_common(12)) for k, v in details.items() if v},
        "wrong_argument_sources": dict(sources.most_common()),
        "wrong_argument_sources_by_argument": dict(by_argument.most_common(20)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="+", help="RESULT.json CORPUS, repeated")
    parser.add_argument("--json", type=Path, help="write the counts here")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        sys.exit("give RESULT.json CORPUS pairs")
    paths = [Path(p) for p in args.pairs]
    out = count(list(zip(paths[::2], paths[1::2], strict=True)))
    text = json.dumps(out, indent=1)
    if args.json:
        args.json.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
