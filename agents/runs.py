"""Earlier labeling runs in the workspace: the one a goal names or describes, and what it asks."""

from __future__ import annotations

import functools
import json
import os
import re
import stat
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from agents import patterns as rx
from agents.plan import Plan, PlanStep
from errors import ForgeflowError

MAX_RUNS = 200
MAX_DEPTH = 4
"""Deepest run folder below the workspace that counts (labeling/<run> is 2)."""
MAX_ROWS = 200
GENERIC = {"labeling", "labelling", "run", "runs", "output", "outputs", "label", "labels", "data"}
TABLE_EXT = (".csv", ".tsv", ".parquet", ".jsonl", ".json", ".csv.gz")

DESCRIBED_RE = re.compile(
    r"\b(?:auto-?|weak-?)?label(?:l)?ing\s+(?:run|output|job|results?|pass|folder)\b"
    r"|\bauto-?label(?:l)?(?:ing|ed)\b|\bworkbench\b"
    r"|\b(?:the|that|this|my|our|last|earlier|previous|latest)\s+(?:[\w'’-]+\s+){0,2}"
    r"label(?:l)?ing\b(?!\s+(?:functions?|rules?|on|of|for)\b)",
    re.I,
)
RECENT_RE = re.compile(r"\b(last|latest|most recent|newest|previous|earlier)\b", re.I)


@dataclass
class Run:
    """One labeling output folder: labeled.parquet and what its run wrote beside it."""

    dir: str
    mtime: float
    words: set[str] = field(default_factory=set)
    classes: list[str] = field(default_factory=list)
    lfs: list[dict[str, Any]] = field(default_factory=list)
    text_column: str | None = None
    columns: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


def _tokens(text: str) -> set[str]:
    return {
        w
        for w in rx.split(r"[^a-z0-9]+", text.lower())
        if len(w) > 2 and not w.isdigit() and w not in GENERIC
    }


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _load(folder: Path, root: Path) -> Run:
    """A run's folder name, label column, classes, source data, LFs and row ids."""
    run = Run(dir=folder.relative_to(root).as_posix(), mtime=folder.stat().st_mtime)
    run.words = _tokens(folder.name)
    metrics: dict[str, Any] = {}
    try:
        metrics = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    if isinstance(metrics, dict):
        run.classes = [str(c) for c in metrics.get("classes") or []]
        run.text_column = (
            metrics.get("text_column") if isinstance(metrics.get("text_column"), str) else None
        )
        for value in metrics.values():
            if isinstance(value, str) and (value.endswith(TABLE_EXT) or len(value) < 40):
                run.words |= _tokens(value.rsplit("/", 1)[-1].split(".")[0])
    lfs_dir = (
        folder / "workbench"
        if (folder / "workbench" / "labeling_functions.json").is_file()
        else folder
    )
    try:
        lfs = json.loads((lfs_dir / "labeling_functions.json").read_text(encoding="utf-8"))
        run.lfs = [lf for lf in lfs if isinstance(lf, dict) and lf.get("name")]
    except (OSError, ValueError):
        pass
    try:
        import pyarrow.parquet as pq

        schema = pq.read_schema(folder / "labeled.parquet")
        run.columns = list(schema.names)
        if not run.classes:
            run.classes = [c.removeprefix("prob_") for c in run.columns if c.startswith("prob_")]
        if "id" in run.columns:
            table = pq.read_table(folder / "labeled.parquet", columns=["id"])
            run.ids = {str(v) for v in table.column("id").to_pylist()[:200_000]}
    except Exception:  # noqa: BLE001 - an unreadable run is still a run the person can name
        pass
    run.words |= {w for c in run.classes for w in _tokens(c)}
    return run


MAX_SCANNED = 20_000
"""The most entries of one folder read when looking for labeling runs (names, no file opened)."""


@dataclass(frozen=True)
class _Index:
    """Where the workspace's labeling runs are: found by one scan, valid while the folders it
    walked through (not the runs themselves) keep their modification times.
    """

    watched: tuple[tuple[str, int], ...]
    runs: tuple[tuple[str, float], ...]
    built_ns: int


RACY_NS = 2_000_000_000
"""A folder changed this close to the scan may change again within its clock tick unseen: an
index holding one is not reused (the same caution as git's racy index entries)."""
MAX_INDEXED = 16
_index: dict[str, _Index] = {}
_index_guard = threading.Lock()


def _scan(root: Path) -> _Index:
    """Walk the workspace to MAX_DEPTH (never through a symlink): a folder holding a regular
    `labeled.parquet` is a run (not walked into: its `workbench/` is the same run); every other
    folder walked is watched, since a run appearing or leaving changes its modification time.
    """
    built_ns = time.time_ns()
    watched: list[tuple[str, int]] = []
    runs: list[tuple[str, float]] = []
    pending = [(root, 0)]
    while pending:
        folder, depth = pending.pop()
        try:
            watched.append((str(folder), folder.stat(follow_symlinks=False).st_mtime_ns))
            with os.scandir(folder) as entries:
                children = [
                    e
                    for _, e in zip(range(MAX_SCANNED), entries, strict=False)
                    if e.is_dir(follow_symlinks=False)
                ]
        except OSError:
            continue
        for entry in children:
            path = Path(entry.path)
            try:
                is_run = stat.S_ISREG(os.lstat(path / "labeled.parquet").st_mode)
            except OSError:
                is_run = False
            try:
                if is_run and entry.name != "workbench":
                    mtime = entry.stat(follow_symlinks=False).st_mtime
                    runs.append((path.relative_to(root).as_posix(), mtime))
                elif not is_run and depth + 1 < MAX_DEPTH:
                    pending.append((path, depth + 1))
            except OSError:
                continue
    return _Index(tuple(watched), tuple(runs), built_ns)


def _still_valid(index: _Index) -> bool:
    for folder, mtime_ns in index.watched:
        if mtime_ns >= index.built_ns - RACY_NS:
            return False  # changed just before the scan: a change in the same tick is unseen
        try:
            if os.stat(folder, follow_symlinks=False).st_mtime_ns != mtime_ns:
                return False
        except OSError:
            return False
    return True


def run_index(root: Path) -> _Index:
    """The workspace's run index: the last scan's while the folders it walked are unchanged,
    else a new scan (a run written, removed or renamed changes its parent folder's time).
    """
    with _index_guard:
        index = _index.get(str(root))
    if index is not None and _still_valid(index):
        return index
    index = _scan(root)
    with _index_guard:
        if len(_index) >= MAX_INDEXED:
            _index.clear()  # a test suite's many workspaces; a server has one
        _index[str(root)] = index
    return index


def labeling_runs() -> list[Run]:
    """The workspace's labeling outputs (folders holding labeled.parquet), newest first: the
    MAX_RUNS newest of the run index, each read again only when its files change.
    """
    from store.workspace import workspace_root

    root = workspace_root()
    if not root.is_dir():
        return []
    listed = sorted(run_index(root).runs, key=lambda r: -r[1])[:MAX_RUNS]
    found = []
    for rel, _ in listed:
        try:
            if stat.S_ISREG(os.lstat(f"{root}/{rel}/labeled.parquet").st_mode):
                found.append(_load_cached(root / rel, root))
        except OSError:
            continue  # its labeled.parquet removed since the scan
    return sorted(found, key=lambda r: -r.mtime)


def _load_cached(folder: Path, root: Path) -> Run:
    """`_load`, read again only when the run's files change (planning asks on every goal that
    mentions labeling; a run's ids are a parquet read).
    """
    base = str(folder)
    stamps = []
    for name in ("labeled.parquet", "metrics.json", "labeling_functions.json"):
        for where in (base, f"{base}/workbench"):  # plain strings: no Path built per file
            try:
                info = os.stat(f"{where}/{name}")
                stamps.append((info.st_mtime_ns, info.st_size))
            except OSError:
                stamps.append(None)
    return _load_stamped(folder, root, os.stat(base).st_mtime_ns, tuple(stamps))


@functools.lru_cache(maxsize=MAX_RUNS)
def _load_stamped(folder: Path, root: Path, mtime_ns: int, stamps: tuple) -> Run:
    return _load(folder, root)


def classes_of(folder: str | None) -> list[str]:
    """The classes a labeling run folder of the workspace lists ([] when it is not one, not yet
    written, or not a workspace path `store.workspace.resolve_path` accepts for writing).
    """
    from store.workspace import resolve_path, workspace_root

    if not folder or "${" in folder:
        return []
    try:
        path = resolve_path(folder, for_write=True)
        if not path.is_dir():
            return []
        return _load_cached(path, workspace_root().resolve()).classes
    except (ForgeflowError, OSError, ValueError):
        return []


def run_named(goal: str, runs: list[Run]) -> Run | None:
    """The run whose folder the goal names ('labeling/x', 'x'), not a file inside it."""
    for run in runs:
        name = run.dir.rsplit("/", 1)[-1]
        for ref in (run.dir, name):
            pattern = rf"(?<![\w/.-]){re.escape(ref)}(?![\w.-]|/\S*\.\w+)"
            if (
                ref == run.dir or "-" in ref or "_" in ref or any(c.isdigit() for c in ref)
            ) and rx.search(pattern, goal, re.I):
                return run
    return None


def run_described(goal: str, runs: list[Run]) -> tuple[Run | None, str | None]:
    """(the run 'the severity labeling run' means, or a question offering the candidates)."""
    if not runs or not DESCRIBED_RE.search(goal):
        return None, None
    if len(runs) == 1:
        return runs[0], None
    said = {_stem(w) for w in _tokens(goal)}
    scores = [len(said & {_stem(w) for w in run.words}) for run in runs]
    best = max(scores)
    if best > 0 and scores.count(best) == 1:
        return runs[scores.index(best)], None
    if RECENT_RE.search(goal):
        return runs[0], None
    names = ", ".join(r.dir for r in runs[:8])
    return None, f"Which labeling run do you mean? The workspace has: {names}."


# --- what a goal asks of the run ----------------------------------------------------------


def _lf_names(goal: str, run: Run) -> list[str]:
    return [lf["name"] for lf in run.lfs if rx.search(rf"\b{re.escape(lf['name'])}\b", goal, re.I)]


LF_WORD_RES = (
    r"[\"'`‘“]([^\"'`’”]{2,40})[\"'`’”]",
    r"\b(?:rules?|lfs?|functions?|keywords?)\s+(?:about|for|on|with|matching|looking for|that "
    r"(?:fires?|matches|looks?) (?:on|for))\s+(?:the\s+(?:word\s+)?)?([\w-]{2,40})",
    r"\b(?:the|that)\s+([\w-]{2,40})\s+(?:rule|lf|function|keyword)\b",
)
"""How a person points at a keyword labeling function without its name: the word it looks for,
quoted ("the 'closed' rule") or after 'the rule about/for/on'."""


def _lfs_said(text: str, run: Run) -> list[str]:
    """The run's labeling functions a text names, by name or by the keyword they look for."""
    names = _lf_names(text, run)
    words = {m.group(1).strip().lower() for p in LF_WORD_RES for m in rx.finditer(p, text, re.I)}
    for lf in run.lfs:
        keys = [str(k).lower() for k in lf.get("keywords") or [] if isinstance(k, str)]
        if lf["name"] not in names and words & set(keys):
            names.append(lf["name"])
    return names


def _class_in(text: str, run: Run) -> list[tuple[int, str]]:
    """(position, class) for each of the run's classes said in `text`, not after 'not'."""
    found = []
    for label in run.classes:
        spelled = re.escape(label).replace("_", "[_ ]")
        for m in rx.finditer(rf"(?<![\w-]){spelled}(?![\w-])", text, re.I):
            if not rx.search(
                r"\b(?:not|isn'?t|wasn'?t|rather than|instead of)\s+(?:an?\s+)?$",
                text[: m.start()],
                re.I,
            ):
                found.append((m.start(), label))
    return sorted(found)


def run_corrections(goal: str, run: Run) -> list[dict[str, Any]]:
    """'R0018 is water through the ceiling, so plumbing, not appliance': (id, class) pairs.

    With the run's row ids and classes known, each id said gets the first class said after
    it (before the next id); without them, the wording rules of agents/arguments.py.
    """
    from agents.arguments import corrections

    if not run.ids or not run.classes:
        return corrections(goal)
    spots = []
    for m in rx.finditer(rf"#?(?<![\w-])({rx.ID_TOKEN})(?![\w-])", goal):
        if m.group(1) in run.ids:
            spots.append((m.start(), m.end(), m.group(1)))
    out = []
    pending: list[str] = []  # 'A and B are X': ids listed together share the class said after
    for i, (_, end, ident) in enumerate(spots):
        stop = spots[i + 1][0] if i + 1 < len(spots) else len(goal)
        said = _class_in(goal[end:stop], run)
        if said:
            for one in [*pending, ident]:
                out.append({"id": int(one) if one.isdigit() else one, "label": said[0][1]})
            pending = []
        elif rx.fullmatch(r"\s*(?:,|&|/|\band\b|\bor\b|,\s*and\b)?\s*", goal[end:stop], re.I):
            pending.append(ident)
        else:
            pending = []
    return out or corrections(goal)


def _rows_args(goal: str, run: Run) -> dict[str, Any]:
    from agents.arguments import _args_workbench_rows
    from agents.plan import Planning
    from agents.slots import extract_slots

    p = Planning(memory={"labeled": f"{run.dir}/labeled.parquet"}, goal=goal)
    args = _args_workbench_rows(p, extract_slots(goal)) or {"labeling_dir": run.dir}
    args["labeling_dir"] = run.dir
    said = [c for _, c in _class_in(goal, run)] or [c for c in [_class_thought(goal, run)] if c]
    if said:
        args["label"] = said[0]
    elif args.get("label") and args["label"] not in run.classes:
        args.pop("label")
    names = _lf_names(goal, run)
    if names:
        args["lf"] = names[0]
    limit = rx.search(
        r"\b(?:first|top|last|pull|show|list|give me|see)\s+(?:me\s+)?(\d{1,4})\b", goal, re.I
    )
    if limit and 0 < int(limit.group(1)) <= MAX_ROWS:
        args["limit"] = int(limit.group(1))
    query = rx.search(
        r"\b(?:mention(?:s|ing)?|contain(?:s|ing)?|say(?:s|ing)?|about)\s+(?:the\s+|a\s+|an\s+)?"
        r"[\"'`]?([\w-]{3,})",
        goal,
        re.I,
    )
    if query and query.group(1).lower() not in GENERIC:
        args["query"] = query.group(1)
    return args


def _export_args(goal: str, run: Run) -> dict[str, Any]:
    from agents.slots import FILE_RE

    args: dict[str, Any] = {"labeling_dir": run.dir}
    outs = [f for f in FILE_RE.findall(goal) if f.lower().endswith((".csv", ".parquet"))]
    if outs:
        args["output_path"] = outs[-1]
        args["format"] = "parquet" if outs[-1].lower().endswith(".parquet") else "csv"
    fmt = rx.search(
        r"\b(csv|parquet)\b", rx.sub(rx.file_name("csv|parquet") + r"\b", " ", goal), re.I
    )
    if fmt and "format" not in args:
        args["format"] = fmt.group(1).lower()
    return args


def _reapply_args(goal: str, run: Run) -> dict[str, Any] | None:
    """The run's LF set with the LFs the goal drops left out and the rules it states added."""
    from agents.rules import parse_rules, to_lfs

    dropped = set()
    for m in rx.finditer(
        r"\b(?:drop|remove|delete|without|take out|get rid of|lose|ditch|kill)\b[^.;\n]{0,60}",
        goal,
        re.I,
    ):
        said = _lfs_said(m.group(0), run)
        if not said and rx.match(
            r"\w+(?:\s+\w+)?\s+(?:it|that|this|them|those|these)\b", m.group(0)
        ):
            # 'the rule about X is wrong, drop it': the functions said before the pronoun
            said = _lfs_said(goal[: m.start()], run)
        dropped |= set(said)
    for m in rx.finditer(
        r"[^.;,\n—–]{0,60}\b(?:dropped|removed|deleted|left out|taken out)\b", goal, re.I
    ):
        dropped |= set(_lfs_said(m.group(0), run))  # 'with the X rule dropped'
    kept = [lf for lf in run.lfs if lf["name"] not in dropped]
    kind = rx.search(
        r"\b(?:just|only)\s+(?:the\s+)?(keyword|regex|threshold|category)\s+"
        r"(?:ones|rules|lfs|functions)\b",
        goal,
        re.I,
    )
    if kind:  # 'use just the keyword ones'
        kept = [lf for lf in kept if str(lf.get("kind", "")).lower() == kind.group(1).lower()]
    added_text = " ".join(m.group(0) for m in rx.finditer(r"\badd\b[^;\n]*", goal, re.I))
    added = to_lfs(parse_rules(added_text), run.columns, run.text_column) if added_text else []
    taken = {lf["name"] for lf in kept}
    for lf in added:
        while lf["name"] in taken:
            lf["name"] += "_new"
        taken.add(lf["name"])
    lfs = kept + added
    if not lfs:
        return None
    return {"labeling_dir": run.dir, "labeling_functions": lfs}


OPS: tuple[tuple[str, str], ...] = (
    (
        "reapply_labeling_functions",
        r"\bre-?appl\w*|\bre-?run\w*|\bre-?label\w*|\bre-?vote\w*"
        r"|\b(?:drop|remove|delete|take out|get rid of)\b[^.;\n]{0,40}\b(?:rule|lf|function)s?\b",
    ),
    (
        "labeling_workbench",
        r"\bworkbench\b(?![^.;\n]*\b(?:drop|remove|re-?appl))|\bscore ?card\b|\bper[- ]lf\b"
        r"|\beach (?:labell?ing function|lf|rule)\b|\blfs?\b[^.;\n]{0,20}\b(?:coverage|conflicts?|"
        r"accuracy|overlaps?)\b|\bpulling their weight\b|\bhow (?:the|its|my) (?:rules|lfs|labell?ing "
        r"functions) (?:do|did|perform)",
    ),
    (
        "export_labeled_data",
        r"\b(?:export|download|dump|hand over|send)\w*\b|\b(?:as|in|into) (?:an? )?(?:csv|parquet)\b"
        r"|\b(?:give|put|save|write)\b[^.;\n]{0,40}\.(?:csv|parquet)\b",
    ),
    (
        "workbench_rows",
        r"\b(?:show|list|pull|find|see|eyeball|which|what|how many|give me)\b|\brows?\b"
        r"|\b(?:fires?|fired|votes?|voted) on\b",
    ),
)


SUMMARY_RE = (
    r"\bhow (?:good|accurate|reliable|trustworthy)\b|\baccuracy\b|\b(?:class |label )?(?:split|"
    r"breakdown|distribution)\b|\bper (?:class|label)\b"
)
"""A run's summary asked: its accuracy on the hand labels, or how the rows split by class."""


def _summary_asked(goal: str, run: Run) -> re.Match[str] | None:
    """The workbench's summary: 'how good are the labels', 'how many ended up a, b and c'."""
    m = rx.search(SUMMARY_RE, goal, re.I)
    if m is not None:
        return m
    m = rx.search(r"\bhow many\b([^.;?\n]*)", goal, re.I)
    if m is None:
        return None
    named = [c for c in run.classes if rx.search(rf"\b{re.escape(c)}\b", m.group(1), re.I)]
    return m if len(named) >= 2 else None  # each class's count, not one class's rows


def run_tools(goal: str, run: Run) -> list[str]:
    """The run operations a goal asks for, in the order it says them."""
    found: list[tuple[int, str]] = []
    fixes = run_corrections(goal, run)
    if fixes and (
        run.ids or rx.search(r"\b(actually|really|should|must|wrong|fix|correct)\w*\b", goal, re.I)
    ):
        m = rx.search(r"(?<![\w-])" + re.escape(str(fixes[0]["id"])), goal)
        found.append((m.start() if m else 0, "correct_labels"))
    for tool, pattern in OPS:
        m = rx.search(pattern, goal, re.I)
        if m is None and tool == "labeling_workbench":
            m = _summary_asked(goal, run)
        if m is None:
            continue
        if tool == "workbench_rows" and found:
            continue  # 'show me how the count moved' after a re-apply is its report
        if tool == "labeling_workbench" and any(
            t == "reapply_labeling_functions" for _, t in found
        ):
            continue
        found.append((m.start(), tool))
    return [t for _, t in sorted(found)]


def run_request(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """A goal about an earlier labeling run it names or describes: its review tools, planned.

    Named: a labeling output folder in the workspace ('labeling/x', or its distinctive folder
    name). Described: 'the labeling run', 'the severity labeling', 'the last auto-labelling',
    with no input table named, matched against the runs' folder names, label columns, classes
    and source data (a tie: the most recent when the goal says 'last', else a question).
    Nothing is planned here when the goal asks for no review, correction, export or re-apply.
    """
    from agents.slots import FILE_RE

    if not rx.search(r"label|workbench|\blfs?\b|\bkw_", goal, re.I):
        return None
    runs = labeling_runs()
    if not runs:
        return None
    run = run_named(goal, runs)
    if run is None:
        if memory.get("labeled"):
            return None  # the thread's own run: the follow-up rules handle it
        outputs = _output_files(goal, files)
        if [f for f in files if f not in outputs and not f.endswith("labeled.parquet")]:
            return None  # a table to label: a new run, not an earlier one
        if FILE_RE.search(goal) and not outputs:
            return None
        run, question = run_described(goal, runs)
        if run is None:
            if question and _asks_of_run(goal):
                return Plan(question=question)
            return None
    saved = _save_rows(goal, files)
    if saved is not None:
        args = {"dataset": run.dir, "path": saved}
        if saved.rsplit(".", 1)[-1].lower() in ("csv", "jsonl", "parquet"):
            args["format"] = saved.rsplit(".", 1)[-1].lower()
        return Plan(
            steps=[PlanStep(tool="save_table", args=args, why=goal)],
            notes=[f"labeling run: {run.dir}"],
        )
    tools = run_tools(goal, run)
    if not tools:
        return None
    steps = []
    for tool in tools:
        if tool == "correct_labels":
            args: dict[str, Any] | None = {
                "labeling_dir": run.dir,
                "corrections": run_corrections(goal, run),
            }
        elif tool == "workbench_rows":
            args = _rows_args(goal, run)
        elif tool == "export_labeled_data":
            args = _export_args(goal, run)
        elif tool == "reapply_labeling_functions":
            args = _reapply_args(goal, run)
            if args is not None:
                from agents.options import stated

                for name, value in stated(tool, goal).items():
                    args.setdefault(
                        name, value
                    )  # 'without the end model', 'keep the uncovered rows'
        else:
            args = {"labeling_dir": run.dir}
        if args is None:
            return Plan(question=f"Which labeling functions should {run.dir} keep or add?")
        steps.append(PlanStep(tool=tool, args=args, why=goal))
    return Plan(steps=steps, notes=[f"labeling run: {run.dir}"])


SAVE_ROWS = (
    r"\b(?:save|store|keep|write|materiali[sz]e|persist|copy|turn|convert)\w*\b[^.;\n]*?\b(?:labell?ed\s+)?"
    r"(?:rows|table|data|records|output)\b"
)
"""Saving a run's labeled rows as a table file: a copy of the table, not the labels' export."""
KEEP_RUN_RE = (
    r"\b(?:export\w*|download\w*|send|dump|hand over|correct\w*|fix\w*|marked|hand[- ]?label\w*|"
    r"workbench)\b"
)
"""What keeps a goal with the run's own export: corrections, hand-label marks, a download."""


def _save_rows(goal: str, files: list[str]) -> str | None:
    """The file a goal saves a run's labeled rows to ('save the labeled rows of labeling/x as
    y.csv', 'materialise the labeled rows of the run as y.jsonl'), else None. Corrections,
    hand labels or an 'export' stay with export_labeled_data.
    """
    if not rx.search(SAVE_ROWS, goal, re.I) or rx.search(KEEP_RUN_RE, goal, re.I):
        return None
    outputs = [f for f in _output_files(goal, files) if "/" not in f]
    return outputs[-1] if len(outputs) == 1 else None


def _output_files(goal: str, files: list[str]) -> list[str]:
    from agents.arguments import role_files

    return role_files(goal, files)[2]


def _asks_of_run(goal: str) -> bool:
    return any(rx.search(p, goal, re.I) for _, p in OPS[:3]) or bool(
        rx.search(r"\b(?:show|list|pull|which|correct|fix)\b", goal, re.I)
    )


THREAD_RUN_RE = (
    r"\b(?:that|the|this|last|its|your|our)\s+(?:labell?ing\s+|auto-?labell?ing\s+)?run\b"
)
"""The thread's own labeling run said as a run ('open that run', 'the table for that run')."""
OPEN_RE = r"\b(?:open|review|pull up|bring up|look (?:at|over|through)|go (?:over|through)|show)\b"
LF_TABLE_RE = (
    r"\b(?:labell?ing[- ]functions?|lfs?|rules?)[- ](?:table|overview|summary|stats|report|"
    r"score ?card|breakdown)\b"
)
"""A run's table of labeling functions (coverage, conflicts, accuracy): its workbench."""
LFS_SHOWN_RE = (
    r"\b(?:open|review|pull up|bring up|look (?:at|over|through)|go (?:over|through)|show|see|"
    r"check|inspect|display)\b(?:\s+(?:me|us))?\s+(?:(?:all|each|every)(?:\s+of)?\s+)?"
    r"(?:the|its|your|those|these|their)\s+(?:\w+\s+)?(?:labell?ing[- ]functions?|lfs?|rules?|"
    r"heuristics)\b"
)
"""The run's functions themselves asked to be seen ('have a look at the rules it came up with',
'show me the labeling functions', 'go over its rules'): the workbench lists each with its
coverage and accuracy on the hand labels."""
ROWS_OF_CLASS_RE = (
    r"\b(?:rows?|ones|items|records|entries|examples)\b[^.;?\n]{0,30}?\b(?:labell?ed|tagged|"
    r"marked|classed|classified|put|called|voted|assigned|"
    # 'the rows that ended up negative', 'the ones that came out as urgent', 'which got reject'
    r"(?:ended|wound)\s+up(?:\s+being)?|came\s+out|turned\s+out(?:\s+to\s+be)?|got|received|"
    r"were\s+given)"
    r"\s+(?:as\s+|in(?:to)?\s+|to\s+)?"
    r"[\"'`]?([\w-]+)"
)
"""'the rows it labeled as water', 'records tagged billing': a class of the run's rows."""
MARKED_AS_RE = (
    r"\b(?:labell?ed|tagged|marked|classed|classified|called|voted|assigned|flagged|sorted|filed|"
    r"put|(?:ended|wound)\s+up(?:\s+being)?|came\s+out|turned\s+out(?:\s+to\s+be)?)\s+"
    r"(?:as\s+|in(?:to)?\s+|to\s+|under\s+)?(?:an?\s+)?[\"'`]?([\w-]+)"
)
"""'the calls it marked as X', 'whatever got tagged X': a class said after a labeling verb,
whatever the rows are called."""
CLASS_ONES_RE = (
    r"\b(?:the|all|only|just)\s+(?:the\s+)?[\"'`]?([\w-]+)[\"'`]?\s+(?:ones|rows|entries|records|"
    r"items|examples|cases|comments|messages|texts|notes|reviews|calls|emails|tickets|lines)\b"
)
"""'show me the negative ones', 'list all the billing calls': a class said before the rows."""
SEE_RE = r"\b(?:show|list|pull|see|give|display|which|what|let me|bring up|find|print)\b"
THINKS_RE = (
    r"\b(?:ones|rows?|items|records|entries|examples|cases|lines)\s+(?:that\s+|which\s+)?(?:do(?:es)?\s+|did\s+)?(?:it|"
    r"the (?:end |label )?model|the labell?er|they|you)\s+(?:thinks?|reckons?|believes?|predicts?|"
    r"says?|decided|guessed|judged|figured|considers?)\s+(?:are\s+|is\s+|were\s+|should\s+be\s+|"
    r"to\s+be\s+)?(?:an?\s+)?([^.;,?!]{1,40})"
)
"""'the ones it thinks need the vet', 'rows the model reckons are late': a class said in the
person's words after what the run thinks (matched to the run's classes by their words)."""
FILLER = {"the", "a", "an", "to", "of", "be", "is", "are", "please", "just", "only"}


def _class_loosely(span: str, run: Run) -> str | None:
    """The run's class whose words are all in `span`, however joined ('need the vet' is
    needs_vet, 'price question' price_question); the one with the most words wins.
    """
    said = {_stem(w) for w in rx.split(r"[^a-z0-9]+", span.lower()) if w and w not in FILLER}
    best, most = None, 0
    for label in run.classes:
        words = {_stem(w) for w in rx.split(r"[^a-z0-9]+", label.lower()) if w}
        if words and words <= said and len(words) > most:
            best, most = label, len(words)
    return best


def _class_thought(goal: str, run: Run) -> str | None:
    """The class of 'the ones it thinks need the vet': said exactly, else in other words."""
    for m in rx.finditer(THINKS_RE, goal, re.I):
        exact = _class_in(m.group(1), run)
        found = exact[0][1] if exact else _class_loosely(m.group(1), run)
        if found:
            return found
    return None


def _names_run_ids(goal: str, run: Run) -> bool:
    """Whether the goal names one of the run's row ids (a correction of that row, not rows)."""
    return any(t in run.ids for t in rx.findall(r"[\w-]+", goal) if any(c.isdigit() for c in t))


def _rows_of_class(goal: str, run: Run) -> bool:
    """Whether the goal asks to see the run's rows of one of its classes, in any of the ways
    above (the class is one of the run's, checked here).
    """
    classes = {c.lower() for c in run.classes}
    if run.ids and _names_run_ids(goal, run):
        return False  # 'C0042 should be tagged billing': a correction of a row it names
    if _class_thought(goal, run) and rx.search(SEE_RE, goal, re.I):
        return True  # 'show me just the ones it thinks need the vet'
    for pattern in (ROWS_OF_CLASS_RE, MARKED_AS_RE, CLASS_ONES_RE):
        for m in rx.finditer(pattern, goal, re.I):
            word = m.group(1).lower()
            if word in classes or word.replace(" ", "_") in classes:
                if pattern == ROWS_OF_CLASS_RE or rx.search(SEE_RE, goal, re.I):
                    return True
    return False


ROWS_PICKED_WORDS = frozenset(
    """a an the by from with using via under it me us them you yourself itself hand manual
    manually auto automatic first last top next new old other others same rest remaining leftover
    wrong right correct incorrect flagged labeled labelled unlabeled unlabelled missing empty blank
    odd weird strange uncertain unsure confident confidence low high conflicting disputed mixed
    borderline tricky hard easy ambiguous changed corrected fixed edited bad good best worst these
    those few fewest most more less only all some any each every both end model rules rule
    majority vote gold random sample that this down up back aside away as in into to uncovered
    abstained abstain covered misclassified mislabeled mislabelled out earlier before today again
    twice differently previously already""".split()
)
"""Words said where a class would be that pick rows another way ('the first ones', 'labelled by
hand', 'the low-confidence ones', 'the ones it got wrong'): no class named, so nothing to check."""
CLASS_ONES_ONLY_RE = r"\b(?:the|all|only|just)\s+(?:the\s+)?[\"'`]?([\w-]+)[\"'`]?\s+ones\b"
"""'show me the wifi ones' (not 'the audience comments': a noun there says which rows of the data,
not which class)."""
SHOW_ROWS_RE = r"\b(?:show|list|pull|see|display|bring up|print|give me)\b"
"""A request to see rows (not 'which class has the most rows?', a question about the run)."""


def class_not_of_run(goal: str, run: Run, files: list[str]) -> str | None:
    """The word said where a class would be in a request for the run's rows of a class ('show
    me the wifi ones', 'list the rows it labelled wifi') when it is none of the run's classes:
    None when the run's classes are unknown, one of them is said, or the word picks rows
    another way (`ROWS_PICKED_WORDS`), is a word of a file named, a column or the run's name.
    """
    if not run.classes or not rx.search(SHOW_ROWS_RE, goal, re.I):
        return None
    if _class_in(goal, run) or _class_thought(goal, run):
        return None
    if rx.search(r"\b(?:how many|count|number of|more)\b", goal, re.I):
        return None  # a count of a class (the thread's answer), more rows made of one
    named = {w for f in files for w in rx.split(r"[^a-z0-9]+", f.lower()) if w}
    known = named | {c.lower() for c in run.columns} | run.words
    for pattern in (ROWS_OF_CLASS_RE, MARKED_AS_RE, CLASS_ONES_ONLY_RE):
        for m in rx.finditer(pattern, goal, re.I):
            word = m.group(1).lower().strip("-_")
            parts = {p for p in rx.split(r"[-_]", word) if p}
            if (
                len(word) >= 3
                and rx.fullmatch(r"[a-z][a-z_-]*", word)
                and not parts & ROWS_PICKED_WORDS
                and not word.endswith("ly")  # 'labeled incorrectly', 'flagged manually'
                and word not in known
                and not parts & known
            ):
                return word
    return None


def _rules_file(name: str) -> list[dict[str, Any]] | None:
    """The labeling functions of a rules file the goal names (a JSON list of named LFs)."""
    from store.workspace import resolve_path

    try:
        path = resolve_path(name)
        if not path.is_file() or path.stat().st_size > 1_000_000:
            return None
        lfs = json.loads(path.read_text(encoding="utf-8"))
    except (ForgeflowError, OSError, ValueError):
        return None
    if not isinstance(lfs, list):
        return None
    named = [lf for lf in lfs if isinstance(lf, dict) and lf.get("name")]
    return named or None


def _thread_labeling_run(memory: dict[str, Any]) -> Run | None:
    """The labeling run whose labeled table the thread holds (None when it labeled nothing)."""
    labeled = memory.get("labeled")
    if not isinstance(labeled, str) or not labeled.endswith("labeled.parquet"):
        return None
    folder = rx.sub(r"(?:/workbench)?/labeled\.parquet$", "", labeled)
    return next((r for r in labeling_runs() if r.dir == folder), None)


def no_such_class(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """The answer to a request for the thread's run's rows of a class it does not have ('show me
    the wifi ones' where its classes are seasick, luggage and cafe): its classes, not all its rows.
    Asked by the planner when the learned router reads the goal as such a request; None when the
    thread labeled nothing, a row id is named (a correction) or `class_not_of_run` finds no word.
    """
    run = _thread_labeling_run(memory)
    if run is None or (run.ids and _names_run_ids(goal, run)):
        return None
    other = class_not_of_run(goal, run, files)
    if other is None:
        return None
    return Plan(
        answer=f"The labeling run {run.dir} has no class '{other}': its classes are "
        f"{', '.join(run.classes)}. Say which one to see its rows (e.g. 'show me the rows "
        f"labeled {run.classes[0]}').",
        notes=[f"labeling run: {run.dir}"],
    )


def thread_run_request(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """The thread's own labeling run reviewed: 'open that run so I can review it', 'the
    labeling-function table for that run' (its workbench), 'the rows it labeled as X' (its rows
    of a class the run has). Nothing when no table is named and the thread labeled nothing.
    """
    rules = [f for f in files if f.lower().endswith(".json")]
    run = _thread_labeling_run(memory) if files == rules else None
    if run is None:
        return None
    if rules:
        lfs = _rules_file(rules[0]) if len(rules) == 1 else None
        if lfs is None or not rx.search(r"\bre-?(?:appl|run|label|vote)\w*", goal, re.I):
            return None
        run = replace(run, lfs=lfs)  # 're-apply with the keyword ones from rules.json'
    if _rows_of_class(goal, run):
        if rx.search(r"\b(?:how many|count|number of)\b", goal, re.I):
            return None  # a count: the thread's answer, not the rows
        step = PlanStep(tool="workbench_rows", args=_rows_args(goal, run), why=goal)
        return Plan(steps=[step], notes=[f"labeling run: {run.dir}"])
    if rx.search(r"\b(?:functions?|rules?|lfs?)\b", goal, re.I) and rx.search(
        r"\bre-?(?:run|appl\w*|vote|do|label)\w*\b|\b(?:again|once more)\b", goal, re.I
    ):
        # 'keep every function except ..., add one: ... Re-run with that set': the run's LFs
        args = _reapply_args(goal, run)
        if args is not None:
            step = PlanStep(tool="reapply_labeling_functions", args=args, why=goal)
            return Plan(steps=[step], notes=[f"labeling run: {run.dir}"])
    table = rx.search(LF_TABLE_RE, goal, re.I) or rx.search(LFS_SHOWN_RE, goal, re.I)
    opened = rx.search(OPEN_RE, goal, re.I) and rx.search(THREAD_RUN_RE, goal, re.I)
    changes = r"\b(?:export|download|save|re-?(?:appl|run|label|vote)\w*|drop|add|remove)\b"
    if (table or opened) and not rx.search(changes, goal, re.I):
        step = PlanStep(tool="labeling_workbench", args={"labeling_dir": run.dir}, why=goal)
        return Plan(steps=[step], notes=[f"labeling run: {run.dir}"])
    return None
