"""Check a goal corpus folder against FORMAT.md: JSON, tool and argument names, files, ids.

Run: .venv/bin/python benchmarks/goals/validate.py benchmarks/goals/dev [more dirs...]
Exit status 1 when any error is found; warnings (a file named in a goal's text that the data
does not hold and no step writes) are printed but do not fail.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.registry import TOOLS  # noqa: E402

EXPECT_KEYS = {"tools", "args", "ask", "ask_mentions", "answer_contains"}
GOAL_KEYS = {"id", "voice", "goal", "expect"}
CONVERSATION_KEYS = {"id", "voice", "turns"}
TURN_KEYS = {"user", "expect"}
# Arguments that name a file the step reads (must exist, or be written by an earlier turn).
INPUT_FILE_ARGS = {
    "dataset",
    "gold",
    "test_dataset",
    "validation_dataset",
    "labels",
    "paths",
    "data_path",
    "lfs_path",
}
# Arguments that name what a step writes.
OUTPUT_ARGS = {"output", "output_path", "path", "output_dir", "name"}
FILE_RE = re.compile(r"[\w./-]+\.(?:csv|jsonl|json|parquet|md|txt|tsv|html|pdf)\b", re.IGNORECASE)
FILE_SUFFIXES = (".csv", ".jsonl", ".json", ".parquet", ".md", ".txt", ".tsv", ".html", ".pdf")


def schemas() -> dict[str, dict[str, Any]]:
    """Each registered tool's input JSON schema by name."""
    return {tool.name: tool.input_model.model_json_schema() for tool in TOOLS}


def data_files(corpus: Path) -> set[str]:
    """The workspace-relative files the corpus's make_data.py writes."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(corpus / "make_data.py"), tmp], check=True)
        base = Path(tmp)
        return {p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file()}


def _norm(path: str) -> str:
    return path[2:] if path.startswith("./") else path


def _enum(prop: dict[str, Any]) -> list[Any] | None:
    """The allowed values of a schema property, when it is an enum (directly or in anyOf/items)."""
    if "enum" in prop:
        return prop["enum"]
    values: list[Any] = []
    for option in prop.get("anyOf", []):
        if "enum" in option:
            values += option["enum"]
        elif option.get("type") == "array" and "enum" in option.get("items", {}):
            values += option["items"]["enum"]
        elif option.get("type") not in (None, "null"):
            return None
    if prop.get("type") == "array" and "enum" in prop.get("items", {}):
        values += prop["items"]["enum"]
    return values or None


class Checker:
    """Collects errors and warnings for one corpus folder."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus
        self.schemas = schemas()
        self.files = data_files(corpus)
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.tool_use: Counter[str] = Counter()

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def check_expect(self, where: str, expect: Any, written: set[str], text: str) -> None:
        """One `expect` object; `written` holds files earlier steps of the same item write."""
        if not isinstance(expect, dict):
            self.error(where, "expect is not an object")
            return
        extra = set(expect) - EXPECT_KEYS
        if extra:
            self.error(where, f"unknown expect keys {sorted(extra)}")
        tools = expect.get("tools")
        if not isinstance(tools, list) or not all(isinstance(t, str) for t in tools):
            self.error(where, "expect.tools must be a list of tool names")
            tools = []
        for name in tools:
            if name not in self.schemas:
                self.error(where, f"unknown tool {name!r}")
            self.tool_use[name] += 1
        if expect.get("ask") is True and not expect.get("ask_mentions"):
            self.error(where, "ask is true but ask_mentions is empty")
        if "ask_mentions" in expect and expect.get("ask") is not True:
            self.error(where, "ask_mentions without ask: true")
        for key in ("ask_mentions", "answer_contains"):
            value = expect.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                self.error(where, f"{key} must be a list of non-empty strings")
        args = expect.get("args", {})
        if not isinstance(args, dict):
            self.error(where, "expect.args must be an object")
            return
        for tool, values in args.items():
            if tool not in tools:
                self.error(where, f"args given for {tool!r}, which is not in tools")
            schema = self.schemas.get(tool)
            if schema is None or not isinstance(values, dict):
                continue
            props = schema.get("properties", {})
            for arg, value in values.items():
                if arg not in props:
                    self.error(
                        where, f"{tool} has no argument {arg!r} (has: {', '.join(sorted(props))})"
                    )
                    continue
                allowed = _enum(props[arg])
                if allowed is not None:
                    given = value if isinstance(value, list) else [value]
                    low = [str(a).lower() for a in allowed]
                    for item in given:
                        if str(item).lower() not in low:
                            self.error(where, f"{tool}.{arg}={item!r} not one of {allowed}")
                if arg in INPUT_FILE_ARGS:
                    for item in value if isinstance(value, list) else [value]:
                        if isinstance(item, str) and item.lower().endswith(FILE_SUFFIXES):
                            path = _norm(item)
                            if path not in self.files and path not in written:
                                self.error(where, f"{tool}.{arg}: file {item!r} is not in the data")
            for arg in OUTPUT_ARGS & set(values):
                if isinstance(values[arg], str):
                    written.add(_norm(values[arg]))
        for mention in FILE_RE.findall(text):
            path = _norm(mention.rstrip("."))
            if (
                path not in self.files
                and path not in written
                and not any(f.endswith("/" + path) for f in self.files)
            ):
                self.warnings.append(
                    f"{where}: text names {mention!r}, not in the data nor written"
                )

    def items(self, path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
        """(where, item) for each JSON line of a corpus file; bad lines are errors."""
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{number}"
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                self.error(where, f"not JSON: {exc}")
                continue
            yield f"{where} ({item.get('id')})", item

    def run(self) -> None:
        ids: Counter[str] = Counter()
        goals = self.corpus / "goals.jsonl"
        conversations = self.corpus / "conversations.jsonl"
        n_goals = n_convs = n_turns = 0
        for where, item in self.items(goals):
            n_goals += 1
            ids[item.get("id", "")] += 1
            if set(item) != GOAL_KEYS:
                self.error(where, f"keys {sorted(item)} != {sorted(GOAL_KEYS)}")
            if not str(item.get("goal", "")).strip():
                self.error(where, "empty goal")
            self.check_expect(where, item.get("expect"), set(), str(item.get("goal", "")))
        for where, item in self.items(conversations):
            n_convs += 1
            ids[item.get("id", "")] += 1
            if set(item) != CONVERSATION_KEYS:
                self.error(where, f"keys {sorted(item)} != {sorted(CONVERSATION_KEYS)}")
            turns = item.get("turns", [])
            if not 3 <= len(turns) <= 7:
                self.error(where, f"{len(turns)} turns (want 3-7)")
            written: set[str] = set()
            for t, turn in enumerate(turns, 1):
                n_turns += 1
                if set(turn) != TURN_KEYS:
                    self.error(f"{where} turn {t}", f"keys {sorted(turn)} != {sorted(TURN_KEYS)}")
                self.check_expect(
                    f"{where} turn {t}", turn.get("expect"), written, str(turn.get("user", ""))
                )
        for key, count in ids.items():
            if not key:
                self.error("ids", "an item has no id")
            elif count > 1:
                self.error("ids", f"{key!r} used {count} times")
        print(f"{self.corpus}: {n_goals} goals, {n_convs} conversations ({n_turns} turns)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument(
        "--coverage", action="store_true", help="print how often each tool is expected"
    )
    args = parser.parse_args()
    failed = False
    for corpus in args.corpora:
        checker = Checker(corpus)
        checker.run()
        for warning in checker.warnings:
            print("warning:", warning)
        for error in checker.errors:
            print("error:", error)
        if args.coverage:
            for tool in [*sorted(checker.schemas)]:
                print(f"  {tool:28s} {checker.tool_use.get(tool, 0)}")
        failed = failed or bool(checker.errors)
    print("FAILED" if failed else "ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
