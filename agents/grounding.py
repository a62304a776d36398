"""Grounding a plan in the data: bind column arguments by matching the goal's words to columns."""

from __future__ import annotations

import heapq
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from agents import patterns as rx
from agents.class_target import bind_class_target
from agents.columns import (
    asked_outcome,
    feature_list,
    feature_roles,
    join_columns,
    label_from_words,
    label_missing_elsewhere,
    left_out,
    looks_id,
    outcome_label,
    ranked_columns,
    roles_by_type,
    squashed,
    stated_label,
    text_column_said,
)
from agents.hand_labels import (
    data_of_labels,
    labeled_by,
    labels_shaped,
    only_labels,
    shares_key,
    table_profile,
)
from agents.references import (
    derived_endings,
    derived_form,
    described_files,
    name_words,
    same_form,
)
from errors import ForgeflowError
from store.workspace import is_hidden
from tools.local import WHERE_NUMBER_MAX
from tools.profile import SAMPLE_ROWS, column_named, columns_mentioned
from tools.tabular import LABEL_COLUMN_GUESSES, TABLE_SUFFIX_RE

if TYPE_CHECKING:
    from agents.plan import Planning, PlanStep

PREDICT_CUES = re.compile(
    r"\b(predict\w*|classif\w*|forecast\w*|model\w*|target|estimate|guess\w*|recogni[sz]e|learn|"
    r"auto-?assign\w*|assign\w*|rout(?:e|es|ing)|catch\w*|spot\w*|identif\w*|infer\w*|"
    r"tell (?:which|whether|if)|"
    r"tell apart|outcome|label column|as the label|train\w*|fit|y|mlp|logistic|logreg|classifier|"
    r"(?:auc|accuracy|acc|f1|recall|precision)\s*(?:of\s*|>=?\s*)?\.?\d|"
    r"regression|neural|figure out|work out|find out|will|likely)\b",
    re.I,
)
TABLE_SUFFIX = TABLE_SUFFIX_RE  # one definition (tools.tabular)


def continuous(column: dict[str, Any]) -> bool:
    """A profiled column that holds a quantity (numeric, not label-like, more than 30 distinct
    values): a label train_model's task 'auto' regresses on.
    """
    return (
        column["dtype"].startswith(("float", "int"))
        and not column["label_like"]
        and column["distinct"] > 30
    )


def _plain(profile: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in profile["columns"] if c["name"] == name)


def _named_tables(files: list[str]) -> Iterator[dict[str, Any]]:
    """The profiles of the tables among the files a clause names (documents and unreadable files
    skipped).
    """
    for ref in files:
        if TABLE_SUFFIX.search(ref) and (profile := table_profile(ref)) is not None:
            yield profile


def label_target(clause: str, files: list[str]) -> str | None:
    """A column of a named table that the clause asks a model to predict ('predict cultivar')."""
    if not PREDICT_CUES.search(clause) and not rx.search(r"\S\s*(?:->|→|=>)\s*\w", clause):
        return None
    for profile in _named_tables(files):
        for name in columns_mentioned(profile, _without_files(clause)):
            column = _plain(profile, name)
            if not column["id_like"] and not column["text_like"]:
                return name
        spelt = outcome_label(profile, clause)
        if spelt:
            return spelt  # 'predict 90-day returns from a.csv' → returned_within_90d
    return None


def asked_outcome_of(clause: str, files: list[str]) -> tuple[dict[str, Any], str] | None:
    """The named table, and its label-like column, whose name spells an outcome the clause asks
    of rows ahead of time ('which ponds in p.csv will go bad?' → p.csv, went_bad), or None.
    """
    from agents.columns import asks_outcome

    if not asks_outcome(clause):
        return None  # no question ahead of time: no table is read for it
    for profile in _named_tables(files):
        column = asked_outcome(profile, clause)
        if column:
            return profile, column
    return None


def sorted_into(clause: str, files: list[str]) -> str | None:
    """The partly filled label column of a named table that the clause sorts the rows into
    ('sort the tickets in t.csv into teams', 'file them under billing or network', 'assign each
    ticket a team'), named or by two of its values; None otherwise. Every row is to get a value,
    so the filled-in cells are hand labels for labeling, not a training set to learn from.
    """
    from agents.intent import SORT_INTO, SORT_NOT

    text = _without_files(clause)  # a file's dot does not end the sentence
    said = rx.search(SORT_INTO, text, re.I)
    if said is None or rx.search(SORT_NOT, text, re.I):
        return None
    return _partly_filled_named(said.group("into") or said.group("said") or "", files)


def filled_in(clause: str, files: list[str], goal: str = "") -> str | None:
    """The partly filled label column of a named table whose gaps the clause fills ('fill in the
    team for the rest of t.csv', 'complete the missing teams in t.csv'), named or by two of its
    values; None otherwise, and None for a constant or statistic put in the gaps ('fill the
    blanks in team with unknown'). The filled-in cells are the hand labels; the rest get labels.

    Gaps said only as gaps ('team is only set on some rows, can you fill the others', 'fill them
    in') take the partly filled column named before the verb or elsewhere in `goal`, else the
    tables' only column with gaps at all when that one is a label.
    """
    from agents.intent import FILL_GAPS, FILL_NOT, GAP_REF, GAP_WORDS, SORT_NOT

    text = _without_files(clause)
    said = rx.search(FILL_GAPS, text, re.I)
    if said is None or rx.search(SORT_NOT, text, re.I) or rx.search(FILL_NOT, text, re.I):
        return None
    if not said.group("verb").lower().startswith("fill") and not rx.search(GAP_WORDS, text, re.I):
        return None  # 'complete' and 'finish' fill something only when gaps are said
    gaps = said.group("gaps") or ""
    named = _partly_filled_named(gaps, files)
    if named or not rx.match(GAP_REF, gaps, re.I):
        return named
    before = f"{text[: said.start()]} {_without_files(goal)}"
    return _partly_filled_named(before, files) or _only_gaps(files)


def _only_gaps(files: list[str]) -> str | None:
    """The one column with gaps across the named tables when it is a label (not an id, text or
    a number), or None: 'fill in the rest' can only mean that column.
    """
    gapped = [(p, c) for p in _named_tables(files) for c in p["columns"] if c["missing_share"] > 0]
    if len(gapped) != 1:
        return None
    column = gapped[0][1]
    usable = column["partly_filled"] and column["label_like"]
    return column["name"] if usable and not column["id_like"] and not column["text_like"] else None


def _partly_filled_named(words: str, files: list[str]) -> str | None:
    """The partly filled label-like column of a named table that `words` name (by its name, or
    by two of its values), or None.
    """
    lower = f" {words.lower()} "
    for profile in _named_tables(files):
        partly = [
            c["name"]
            for c in profile["columns"]
            if c["partly_filled"] and c["label_like"] and not c["id_like"] and not c["text_like"]
        ]
        for name in columns_mentioned(profile, words):
            if name in partly:
                return name
        for name in partly:
            values = [v.lower() for v in _plain(profile, name)["top"] if v.strip()]
            named = [v for v in values if rx.search(rf"(?<!\w){re.escape(v)}(?!\w)", lower)]
            if len(named) >= 2:
                return name  # 'put them under billing or network': the values of `team`
    return None


def _without_files(text: str) -> str:
    # A name starts where a run of name characters starts: tried from every character of a
    # long word instead, the pattern took quadratic time (a second on 20,000 letters).
    return rx.sub(
        rx.file_name("csv|tsv|parquet|jsonl|json|md|txt|pdf") + r"\b", " ", text, flags=re.I
    )


def _fix(profile: dict[str, Any], value: Any) -> str | None:
    """The column a slightly wrong name means ('Cultivar' → 'cultivar'), or None."""
    if not isinstance(value, str) or value in profile["names"]:
        return None
    return column_named(profile, value)


def _label_candidates(profile: dict[str, Any]) -> list[str]:
    columns = [c for c in profile["columns"] if c["label_like"]]
    columns.sort(key=lambda c: (c["dtype"].startswith(("float", "int")), c["distinct"]))
    return [c["name"] for c in columns]


def _find_gold(args: dict[str, Any], goal: str) -> None:
    """Hand labels named anywhere in the goal: the other table that shares a column with the data
    (or is named like labels); the two are swapped when the goal named the labels first.
    """
    from agents.slots import FILE_RE

    data_ref = args.get("data_path") or args.get("dataset")
    if args.get("gold_path") or args.get("gold") or not isinstance(data_ref, str):
        return
    others = [f for f in FILE_RE.findall(goal) if f != data_ref and TABLE_SUFFIX.search(f)]
    data = table_profile(data_ref)
    if data is None or not others:
        return
    own_labels = any(c["partly_filled"] and c["label_like"] for c in data["columns"])
    for other in others:
        other_profile = table_profile(other)
        if (
            own_labels
            and not rx.search(r"label|gold|annot|hand|manual|tag|verdict|coded", other, re.I)
            and not (other_profile and labels_shaped(other_profile, data))
        ):
            continue  # the hand labels are in the data's own partly filled label column
        if rx.search(
            rf"\b(?:evaluat\w*|test\w*|validat\w*|predict\w*|score\w*)\b[^.;]*?{re.escape(other)}",
            goal,
            re.I,
        ):
            continue  # a file the goal evaluates or predicts on is not the hand labels
        gold = table_profile(other)
        if gold is None or gold["names"] == data["names"]:
            continue  # the same columns: another split of the same table, not hand labels
        # 'PostID' = 'post_id'
        shared = {squashed(n) for n in gold["names"]} & {squashed(n) for n in data["names"]}
        named = rx.search(r"label|gold|annot|hand|manual|tag|verdict|coded|audit", other, re.I)
        named = named or labels_shaped(gold, data)
        if not (shared or named) or min(len(gold["names"]), len(data["names"])) > 4:
            continue
        if len(gold["names"]) > len(data["names"]):
            data_ref, other = other, data_ref
        key = "data_path" if "data_path" in args else "dataset"
        args[key] = data_ref
        args["gold_path" if key == "data_path" else "gold"] = other
        return


MAX_LISTED = 501
"""The most workspace files the planner is shown (names sorted, the rest cut)."""
MAX_DOCUMENT_FOLDERS = 64
"""The most folders per workspace folder whose documents are listed (a third level)."""
MAX_ENTRIES_READ = 20_000
"""The most folder entries read per folder when listing the workspace (names only: a folder of
ten thousand files is read in milliseconds, a hostile million is cut)."""


def _entries(folder: str) -> list[os.DirEntry[str]]:
    """A folder's entries, MAX_ENTRIES_READ at most (none when it cannot be read)."""
    try:
        with os.scandir(folder) as found:
            return list(itertools.islice(found, MAX_ENTRIES_READ))
    except OSError:
        return []


def workspace_files() -> list[str]:
    """The tables and documents in the workspace (relative paths: two levels deep at most,
    documents three).
    """
    from store.workspace import workspace_root

    root = workspace_root()
    if not root.exists():
        return []
    from store.outputs import OUTPUT_FOLDERS

    # the tools' output folders and hidden ones ('.forgeflow/outputs.jsonl') hold no data a
    # person names, and are never offered as candidates ('rules/', 'saved/' may be theirs)
    skip = set(OUTPUT_FOLDERS)
    # Two levels are listed, never the run outputs' trees below (a busy workspace holds
    # thousands of files there, and the planner asks this several times per goal). Entries
    # are read with scandir: their kind comes with the name, no stat per file.
    paths: list[tuple[str, ...]] = []  # a path's parts sort as the path does
    for entry in _entries(str(root)):
        if entry.name.startswith("."):
            continue
        if _is_file(entry):
            if _listable(entry, entry.name):
                paths.append((entry.name,))
        elif entry.name not in skip and entry.is_dir(follow_symlinks=False):
            folders: list[os.DirEntry[str]] = []
            for c in _entries(entry.path):
                if _is_file(c):
                    if _listable(c, f"{entry.name}/{c.name}"):
                        paths.append((entry.name, c.name))
                elif c.is_dir(follow_symlinks=False):
                    folders.append(c)
            paths.extend(_documents_below(entry.name, folders))
    return ["/".join(parts) for parts in heapq.nsmallest(MAX_LISTED, paths)]


def _documents_below(top: str, folders: list[os.DirEntry[str]]) -> list[tuple[str, ...]]:
    """The documents one level further down (docs/tutoring/handbook.md): a person files
    documents by subject in folders of a folder; tables are not looked for there, and only the
    first MAX_DOCUMENT_FOLDERS folders (by name) are read (a tree of thousands stays cheap).
    """
    from agents.arguments import DOC_FILES

    found: list[tuple[str, ...]] = []
    for folder in heapq.nsmallest(MAX_DOCUMENT_FOLDERS, folders, key=lambda f: f.name):
        found.extend(
            (top, folder.name, d.name)
            for d in _entries(folder.path)
            if d.name.lower().endswith(DOC_FILES)
            and _is_file(d)
            and _listable(d, f"{top}/{folder.name}/{d.name}")
        )
    return found


def _is_file(entry: os.DirEntry[str]) -> bool:
    """Whether an entry is a file or a link to one; a link to itself (ELOOP) or an entry gone
    since it was read is none (scandir's `is_file` raises there, where `Path.is_file` says no).
    """
    try:
        return entry.is_file()
    except OSError:
        return False


def _listable(entry: os.DirEntry[str], rel: str) -> bool:
    """Whether a workspace entry may be shown to the planner: a link or a name that is no valid
    text goes through the one resolver, as a read by that name would (a link leading out of the
    workspace and data folders, a name with undecodable bytes is never described, chosen or
    dated); a plain file in the workspace is inside by construction.
    """
    if not entry.is_symlink() and rel.isascii():
        return True
    from store.workspace import confined

    return confined(rel)


def workspace_match(word: str) -> list[str]:
    from store.workspace import relative_to_workspace
    from tools.tabular import local_files

    found = []
    for _, path in local_files():
        rel = relative_to_workspace(path)
        if word.lower() in path.name.lower() and rel.count("/") <= 1:
            found.append(rel)
    return sorted(found)


def _train_on_labeled_batch(p: Planning, text: str) -> None:
    """'which of the pending requests will be approved?': a training put on a table that lacks
    the outcome the goal asks for, when another workspace table has every column of it and
    that outcome too (the labeled history of the same rows; of several, the one whose name the
    unlabeled table's name extends: supply_requests for supply_requests_pending), trains there;
    the first table is what the model then predicts (a prediction step must be planned).
    `text`: the goal without its file names.
    """
    from agents.columns import asked_outcome

    for index, step in enumerate(list(p.steps)):
        data = step.args.get("dataset")
        if step.tool != "train_model" or step.args.get("label_column") or not isinstance(data, str):
            continue
        model = f"${{steps.{index}.model_path}}"
        uses = [s for s in p.steps if s.tool == "predict" and s.args.get("model") == model]
        if not uses:
            continue  # a training alone on the table said is what was asked: no table scan
        profile = table_profile(data)
        if profile is None:
            continue
        # the batch's own reading ('renew their course' → course) stands unless a history
        # table, which has every column of the batch, reads a column the batch lacks: there a
        # fuller name (renewed_course) beat the batch's column on the same words
        own = asked_outcome(profile, text) or outcome_label(profile, text)
        found = []
        for other in workspace_files():
            if other == data or not TABLE_SUFFIX.search(other) or is_hidden(other):
                continue
            theirs = table_profile(other)
            if theirs is None or not set(profile["names"]) < set(theirs["names"]):
                continue
            label = asked_outcome(theirs, text) or outcome_label(theirs, text)
            if label and label not in profile["names"]:
                found.append((other, label))
        if len(found) > 1:
            found = _history_among(found, _stem_of(data))
        if len(found) != 1:
            continue
        other, label = found[0]
        step.args["dataset"], step.args["label_column"] = other, label
        p.notes.append(
            f"training on {other}: it has the {label!r} your words ask for, {data} lacks it"
            + (f" (not {own!r}, a column both have)" if own else "")
        )
        for use in uses:
            if use.args.get("dataset") in (other, None):
                use.args["dataset"] = data


TRAINING_NAME_RE = re.compile(
    r"(?:^|[_\W\d])(?:train|training|history|historic|past)(?:[_\W\d]|$)", re.I
)
"""A table name marked as the rows to learn from ('kiosks_train', 'history-2024')."""
HELD_BACK_NAME_RE = re.compile(
    r"(?:^|[_\W\d])(?:test|testing|holdout|held_out|heldout|eval|validation|val)(?:[_\W\d]|$)", re.I
)
"""A table name marked as rows held back to check a model on ('visits_2024_test')."""


def _history_among(found: list[tuple[str, str]], stem: str) -> list[tuple[str, str]]:
    """Of several labeled tables that read the same outcome for a batch, the one to train on:
    the one whose name the batch's name extends (supply_requests for supply_requests_pending);
    else, all reading one label, the one named as training rows ('visits_train' beside
    'visits_test'), else the one not named as held back ('visits_2023' beside
    'visits_2024_test'), else the one whose name the others extend ('sales' beside 'sales_2026': a
    later or held-back part). Several or none: `found` filtered to nothing (no guess).
    """
    extended = [(o, n) for o, n in found if stem.startswith(_stem_of(o) + "_")]
    if extended or len({n for _, n in found}) > 1:
        return extended
    marked = [(o, n) for o, n in found if TRAINING_NAME_RE.search(_stem_of(o))]
    if len(marked) == 1:
        return marked
    kept = [(o, n) for o, n in found if not HELD_BACK_NAME_RE.search(_stem_of(o))]
    if len(kept) == 1:
        return kept
    stems = [_stem_of(o) for o, _ in found]
    return [
        (o, n)
        for (o, n), s in zip(found, stems, strict=True)
        if all(t == s or t.startswith(s + "_") for t in stems)
    ]


def _stem_of(path: str) -> str:
    """A path's file name without its folder and suffixes, lower case."""
    return path.rsplit("/", 1)[-1].split(".", 1)[0].lower()


def _train_where_the_label_is(p: Planning, goal: str, bare: str) -> None:
    """'predict yield_class for trials.parquet using a model from history.csv': a training put
    on a named table that lacks the column the goal names, while one other named table has it,
    trains on that table; the first table is then what the model predicts (an existing
    prediction on the swapped table is moved to it, else one is added, with the output file
    the goal names). `bare`: the goal without its file names.
    """
    from agents.arguments import role_files
    from agents.slots import FILE_RE

    if not any(s.tool == "train_model" and not s.args.get("label_column") for s in p.steps):
        return
    named = list(dict.fromkeys(FILE_RE.findall(goal)))
    written = role_files(goal, named)[2]
    tables = [f for f in named if TABLE_SUFFIX.search(f) and f not in written]
    if len(tables) < 2:
        _train_on_labeled_batch(p, bare)
        return
    for index, step in enumerate(list(p.steps)):
        data = step.args.get("dataset")
        if step.tool != "train_model" or step.args.get("label_column") or data not in tables:
            continue
        profile = table_profile(data)
        if profile is None or [
            n
            for n in columns_mentioned(profile, bare)
            if not _plain(profile, n)["id_like"] and not _plain(profile, n)["text_like"]
        ]:
            continue
        found = []
        for other in tables:
            theirs = table_profile(other) if other != data else None
            if theirs is None:
                continue
            said = [
                n
                for n in columns_mentioned(theirs, bare)
                if n not in profile["names"]
                and not _plain(theirs, n)["id_like"]
                and not _plain(theirs, n)["text_like"]
            ]
            if said:
                found.append((other, said[0]))
        if len(found) != 1:
            continue
        other, label = found[0]
        step.args["dataset"], step.args["label_column"] = other, label
        p.notes.append(
            f"training on {other}: it has the {label!r} your words name, {data} lacks it"
        )
        model = f"${{steps.{index}.model_path}}"
        uses = [s for s in p.steps if s.tool == "predict" and s.args.get("model") == model]
        for use in uses:
            if use.args.get("dataset") in (other, None):
                use.args["dataset"] = data
        if not uses:
            args: dict[str, Any] = {"model": model, "dataset": data}
            if len(written) == 1:
                args["output"] = written[0]
            p.add("predict", args, why=f"predict {data}")


def ground_plan(p: Planning, goal: str) -> None:
    """Bind column arguments of the plan's steps to real columns (or ask, naming candidates)."""
    bare = _without_files(goal)  # the goal's words without its file names, read by every step
    _train_where_the_label_is(p, goal, bare)
    vague = rx.search(r"\bthe\s+([a-z][\w-]*)\s+(?:file|csv|table|spreadsheet)\b", goal, re.I)
    for step in p.steps:
        text = _without_files(step.why) if step.why else bare
        for key in ("dataset", "data_path"):
            ref = step.args.get(key)
            if vague and isinstance(ref, str) and ref.lower() == vague.group(1).lower():
                matches = workspace_match(ref)
                if len(matches) == 1:
                    step.args[key] = matches[0]
                elif len(matches) > 1:
                    p.question = f"Which {ref} file do you mean: {', '.join(matches[:6])}?"
                    return
        if step.tool in ("label_dataset", "apply_labeling_functions"):
            if data_of_labels(step.args, workspace_files()):
                p.notes.append(
                    f"{step.args['gold_path']} holds hand labels: the data is another table"
                )
        if step.tool in ("label_dataset", "write_labeling_functions"):
            _find_gold(step.args, goal)
            _workspace_gold(step.args, goal)
            _gold_by_words(step.args, goal)
        if step.tool == "train_model":
            _ground_train(p, step.args, text, bare, bare=bare or text)
            _train_on_filled(p, step.args, goal)
            _ground_features(step.args, bare)
            bind_class_target(p, step.args, bare)  # 'catch 90% of the no-shows'
        elif step.tool in ("label_dataset", "write_labeling_functions"):
            _ground_label(p, step.args, text, goal, bare)
        elif step.tool == "apply_labeling_functions":
            _apply_after_write(p, step)
            _ground_apply(step.args, text)
            _ground_apply(step.args, bare)
            _apply_gold(step.args, goal)  # a column named to score on stays what is scored on
            _said_id(step.args, "data_path", bare)  # 'apply r.json to a.csv, id col case_no'
        elif step.tool in ("predict", "detect_anomalies"):
            _said_id(step.args, "dataset", bare)
        if step.tool == "train_generator":
            _generator_class_column(p, step.args, bare)
        if step.tool == "train_generator" and "label_column" not in step.args:
            profile = table_profile(step.args.get("dataset"))
            if profile is not None:
                labels = [
                    n
                    for n in [*columns_mentioned(profile, text), *columns_mentioned(profile, goal)]
                    if _plain(profile, n)["label_like"]
                ]
                if labels:
                    step.args["label_column"] = labels[0]
                    _synthetic_label(p, profile, labels[0], goal)
        if step.tool in (
            "inspect_dataset",
            "evaluate_model",
            "detect_anomalies",
            "train_generator",
        ):
            profile = table_profile(step.args.get("dataset"))
            if profile is None:
                continue
            fixed = _fix(profile, step.args.get("label_column"))
            if fixed:
                step.args["label_column"] = fixed
            elif step.args.get("label_column") not in (None, *profile["names"]):
                step.args.pop("label_column")  # a word after 'column', not a column
            if "label_column" not in step.args and step.tool != "evaluate_model":
                mentioned = [
                    n
                    for n in columns_mentioned(profile, bare)
                    if _plain(profile, n)["label_like"]
                    and n != step.args.get("group_by")
                    and n not in (step.args.get("where") or {})  # 'from truck TR-02': the rows
                ]
                if step.tool == "inspect_dataset":
                    others = [c for c in profile["columns"] if not c["id_like"]]
                    by_value = [
                        n
                        for n in columns_by_values(profile, bare)
                        if n not in (step.args.get("where") or {})
                    ]
                    mentioned = mentioned or by_value or _label_by_word_form(profile, bare)
                    if not mentioned and rx.search(AVERAGE_RE, bare):
                        # 'average output' → kwh_output: a quantity named by a part of its name
                        quantity = quantity_by_part(profile, bare, set())
                        mentioned = [quantity] if quantity else []
                    if mentioned:
                        step.args["label_column"] = mentioned[0]
                    elif len(others) == 1 and others[0]["label_like"]:
                        step.args["label_column"] = others[0]["name"]
        if p.question:
            return


def _said_id(args: dict[str, Any], key: str, bare: str) -> None:
    """A key column of the step's table that the words name ('keep incident_no in the output',
    'id col case_no') is its `id_column`, where none is bound; `bare`: the goal without files.
    """
    profile = table_profile(args.get(key)) if "id_column" not in args else None
    if profile is None:
        return
    ids = [
        n
        for n in columns_mentioned(profile, bare)
        # a key by its name, whatever its values; or called one ('with the entry number'),
        # a different value on every row
        if _plain(profile, n)["id_like"] or looks_id(n) or _called_key(profile, n, bare)
    ]
    if ids:
        args["id_column"] = ids[0]


KEY_WORD_AFTER = r"\s+(?:numbers?|nos?\.?|nrs?|#|ids?|refs?|references?|codes?)(?![\w-])"
"""A word after a column's name that calls it the rows' key: 'the entry number', 'ticket ref'."""


def _called_key(profile: dict[str, Any], name: str, bare: str) -> bool:
    """Whether the words call column `name` a key ('with the entry number so I can look them
    up') and its values are all different, so each row is found by it.
    """
    column = _plain(profile, name)
    seen = int(profile.get("sampled") or profile.get("rows") or 0)  # the rows profiled
    if seen < 2 or int(column.get("distinct") or 0) != seen:
        return False
    return bool(rx.search(rf"(?<![\w-]){re.escape(name)}{KEY_WORD_AFTER}", bare, re.I))


LABELISH = r"class|label|status|target|outcome|category|grade|verdict"


GROUPS_MAX = 50
"""A column with more distinct values than this is no grouping ('by date' on daily rows)."""
GROUP_AFTER = re.compile(
    r"\b(?:by|per|for each|for every|in each|of each|across(?: all)?|between)\s+"
    r"(?:the\s+|each\s+|every\s+|different\s+|individual\s+|their\s+)?((?:[\w-]+\W+){0,2}[\w-]+)",
    re.I,
)
"""'delay by route', 'visits per species', 'across all stores': the words naming a grouping."""
WHICH_GROUP = re.compile(
    r"\b(?:which|what)\s+((?:[\w-]+\s+){0,2}[\w-]+)[^.?!;]*?"
    r"\b(?:most|least|highest|lowest|fewest|biggest|largest|smallest|best|worst|longest|"
    r"shortest|greatest|more|less|fewer|top)\b",
    re.I,
)
"""'which voice part misses the most rehearsals', 'what route has the highest delay'."""
AVERAGE_RE = r"\b(?:average|avg|mean|median|typical|total|sum|min(?:imum)?|max(?:imum)?|range)\b"
"""Words asking a quantity's figures ('how many days, average output, any gaps?')."""
GROUP_SUMMARY = re.compile(
    AVERAGE_RE
    + r"|\b(?:count|counts|how many|how much|number of|numbers|in all|altogether|break\s*down|"
    r"breakdown|split|distribution|compare|comparison|share|rate|percent\w*|proportion|most|"
    r"least|highest|lowest|fewest|biggest|largest|smallest|best|worst|longest|shortest|"
    r"greatest)\b",
    re.I,
)
"""Words of a summary over groups (a quantity's figures, counts, shares, extremes), not a
listing sorted by a column."""


def _groupable(profile: dict[str, Any], name: str) -> bool:
    column = _plain(profile, name)
    distinct = column.get("distinct")
    return (
        not column["id_like"]
        and not column["text_like"]
        and isinstance(distinct, int)
        and 1 <= distinct <= GROUPS_MAX
    )


def group_column(profile: dict[str, Any], text: str) -> str | None:
    """The column of the table a summary question groups the rows by ('the average delay by
    route' → route, 'which voice part misses the most rehearsals' → voice_part): a column the
    words after 'by', 'per', 'for each' or 'which' name, with at most GROUPS_MAX values and
    neither a key nor free text. None when the text asks for no summary or names no such column.
    """
    bare = _without_files(text)
    if not GROUP_SUMMARY.search(bare) and not quantity_per(profile, bare):
        return None
    for pattern in (GROUP_AFTER, WHICH_GROUP):
        for said in pattern.finditer(bare):
            found = [n for n in columns_mentioned(profile, said.group(1)) if _groupable(profile, n)]
            if found:
                return found[0]
    return None


FILTER_MAX = 3
"""Conditions one sentence sets at most (the tool takes more; a sentence rarely says more)."""
VALUE_AFTER = r"\s*(?:=|==|:|\bis\b|\bequals\b|\bof\b)?\s*[\"']?"
"""Between a column's name and its value: 'route A', 'route = A', 'region is North'."""
ONLY_BEFORE = r"\b(?:for|among|only|just|at|from)\s+(?:the\s+)?"
"""Before a class value alone limiting the rows: 'for dogs only', 'among the late ones', 'the
most appointments at Riverside', 'orders from Northside'."""
YES_VALUES = {"true": True, "yes": "yes", "y": "y", "1": 1}
NO_VALUES = {"false": False, "no": "no", "n": "n", "0": 0}


def yes_no_filter(profile: dict[str, Any], text: str) -> dict[str, Any]:
    """'members only', 'for members', 'among the matinees' → member = True; 'non-members',
    'excluding members' → False: a yes/no column named by its noun limits the rows.
    """
    found: dict[str, Any] = {}
    lower = text.lower()
    for column in profile["columns"]:
        values = {str(v).lower() for v in column.get("values") or []}
        yes = next((k for k in YES_VALUES if k in values), None)
        no = next((k for k in NO_VALUES if k in values), None)
        if len(values) != 2 or yes is None or no is None:
            continue
        base = r"[\s_-]?".join(
            re.escape(w) for w in rx.findall(r"[a-z]+|\d+", column["name"].lower())
        )
        noun = rf"\b{base}(?:s|es)?\b"
        true_value = True if yes == "true" else column_value(column, yes)
        false_value = False if no == "false" else column_value(column, no)
        # the noun's plural ('members', not 'for churn' naming the column asked about)
        plural = rf"\b{base}(?:s|es)\b"
        if rx.search(rf"\bnon[- ]?{base}(?:s|es)?\b|{LEFT_OUT}{plural}", lower):
            found[column["name"]] = false_value
        elif rx.search(rf"{ONLY_BEFORE}{plural}\b|\b{noun}\s+only\b", lower):
            found[column["name"]] = true_value
    return found


def column_value(column: dict[str, Any], lowered: str) -> Any:
    """The column's own spelling of a value given lower-cased ('yes' → 'Yes'); numbers as such."""
    own = next(str(v) for v in column["values"] if str(v).lower() == lowered)
    if column["dtype"].startswith(("int", "uint")):
        return int(own)
    return own


def _value_pattern(value: str) -> str:
    # a short value ('A', 'B2') must be said as written: 'route a' is too often an article
    cased = "" if len(value) > 2 else "(?-i:"
    return rf"{cased}{re.escape(value)}{')' if cased else ''}(?![\w.-])"


def row_filter(profile: dict[str, Any], text: str) -> dict[str, Any]:
    """The rows a look at the table is limited to ('which status is most common for route A' →
    route = A, 'where region is North or South' → either, 'for dogs only' → species = dog): a
    column of the table followed by one or more of its values, or after 'for', 'among' or
    'only' a class value that one column alone holds. Values are the column's own (the profile
    lists every value of a column with at most 30). Values left out ('status is not closed',
    'except route A', 'drop the closed ones') are the condition {'ne': ...}; a range of a number
    column said next to it ('more than 4 bedrooms') is {'gt': 4} and the like (`number_ranges`);
    the words a free-text column's rows mention ('reviews mentioning refund') are {'contains':
    ...} (`text_contains`). Values compared ('plan Basic vs Premium') are no filter: a
    comparison is a grouping; nor is a value after 'but' or 'no' (too often something else).
    """
    bare = _without_files(text)
    found: dict[str, Any] = {}
    # a column's every value when it has few, else its commonest (a few flagged rows' table)
    columns = [
        c for c in profile["columns"] if (c.get("values") or c.get("top")) and not c["text_like"]
    ]
    # a range said of a number column is its condition ('bedrooms of 2 or fewer' is no '2')
    ranges = dict(number_ranges(profile, bare))
    for column in columns:
        if column["name"] in ranges:
            continue
        values = [
            v
            for v in sorted(column.get("values") or list(column["top"]), key=len, reverse=True)
            if rx.search(r"\w", v)
        ]
        if not values:
            continue
        said = "|".join(_value_pattern(v) for v in values)
        name = rx.column_words(column["name"])
        # 'status is not closed', 'status other than closed': the values left out
        hit = rx.search(rf"{name}{NOT_AFTER}({said})", bare, re.I)
        negated = hit is not None
        if hit is None:
            hit = rx.search(rf"{name}{VALUE_AFTER}({said})", bare, re.I)
        if hit is None:
            continue
        before = bare[max(0, hit.start() - 40) : hit.start()]
        if not negated and rx.search(LEFT_OUT_BEFORE, before, re.I):
            negated = True  # 'except route A', 'excluding region North', 'drop route A'
        elif not negated and rx.search(NEGATED_BEFORE, before):
            continue  # 'but route A', 'no route A': unclear, no filter
        picked = [hit.group(1)]
        rest = bare[hit.end() :]
        joined = rf"(\s*(?:,|/|\bor\b|\band\b|\bvs\.?|\bversus\b)\s*(?:the\s+)?)({said})"
        while (more := rx.match(joined, rest, re.I)) is not None and len(picked) < 20:
            if rx.search(r"\bvs\.?|\bversus\b", more.group(1), re.I):
                picked = []  # 'plan Basic vs Premium': compared, not limited to
                break
            picked.append(more.group(2))
            rest = rest[more.end() :]
        if (
            not picked
            or rx.search(r"\bcompar\w*|\bvs\.?(?!\w)|\bversus\b", bare, re.I)
            and len(picked) > 1
        ):
            continue
        kept = [next(v for v in values if v.lower() == p.lower()) for p in picked]
        one = kept[0] if len(kept) == 1 else list(dict.fromkeys(kept))
        found[column["name"]] = {"ne": one} if negated else one
    lower = bare.lower()
    holders: dict[str, list[tuple[str, str]]] = {}
    for column in columns:
        if not column["label_like"] or column["name"] in found:
            continue
        for value in column["values"]:
            if len(value.strip()) < 3 or value.replace(".", "").isdigit():
                continue
            owners = holders.setdefault(value.strip().lower(), [])
            if all(name != column["name"] for name, _ in owners):
                # 'dog', 'Dog', 'DOG ' of one column: one owner, its commonest spelling
                owners.append((column["name"], value))
    for key, owners in holders.items():
        if len(owners) != 1 or not value_said(key, lower):
            continue
        only = rx.search(rf"{ONLY_BEFORE}{re.escape(key)}(?:s|es)?\b", lower) or rx.search(
            # 'the Harbor View rows', 'manual reads only': the value, then its rows or 'only'
            rf"\b{re.escape(key)}(?:s|es)?\s+(?:[a-z]+\s+)?(?:only|rows|ones|records|entries)\b",
            lower,
        )
        if only and not rx.search(NEGATED_BEFORE, lower[max(0, only.start() - 30) : only.start()]):
            found.setdefault(owners[0][0], owners[0][1])
        elif rx.search(rf"{LEFT_OUT}{re.escape(key)}(?:s|es)?\b", lower):
            found.setdefault(owners[0][0], {"ne": owners[0][1]})  # 'excluding closed'
    for name, condition in [
        *ranges.items(),
        *text_contains(profile, bare),
        *yes_no_filter(profile, bare).items(),
    ]:
        found.setdefault(name, condition)
    return dict(list(found.items())[:FILTER_MAX])


NEGATED_BEFORE = (
    r"\b(?:except|excluding|exclude|not|without|other\s+than|outside|ignoring|ignore|apart\s+from|"
    r"but|minus|no)\b[\w\s]{0,12}$|!=\s*$"
)
"""Words before a column and value that turn them into rows left out ('except route A')."""
LEFT_OUT = (
    r"\b(?:except|excluding|exclude|other\s+than|apart\s+from|besides|ignoring|ignore|"
    r"without|minus|outside(?:\s+of)?|leav(?:e|ing)\s+out|filter(?:ing)?\s+out|drop(?:ping)?|"
    r"remov(?:e|ing)|(?:do\s+not|don'?t)\s+(?:include|count|show|want)|not)"
    r"(?!\s+(?:only|just|even|all)\b)\s+"
    r"(?:(?:for|of|the|any|all|in|on|from|rows?|ones|records|entries|where|with|whose)\s+){0,4}"
)
"""Words that clearly leave rows out ('except route A', 'not closed', 'drop the closed ones',
'remove the rows where status is closed'): the filter's `ne`; 'but' or 'no' before them stay no
filter (too often something else)."""
LEFT_OUT_BEFORE = rf"(?:{LEFT_OUT}|!=\s*)$"
NOT_AFTER = (
    r"\s*(?:!=|<>|≠|\b(?:is|are|was|were)\s+(?:not|anything\s+but|other\s+than)\b|"
    r"\b(?:isn'?t|aren'?t|wasn'?t|weren'?t|not|other\s+than)\b)\s*[\"']?"
)
"""Between a column's name and a value left out: 'status is not closed', 'route != A'."""


def _number_said(tag: str) -> str:
    """A bound as said, in groups `tag` (its digits) and `tag`k (a thousands 'k')."""
    return (
        rf"[$€£]?\s?(?P<{tag}>-?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)(?P<{tag}k>k\b)?"
        r"(?!\s*(?:%|percent\b|[/:]\d)|\d|\.\d|[eE][+-]?\d"
        # a size word or an exponent ('1.2m', 'over 2 million', '1e30'): no bound guessed
        r"|\s?(?:m|mn|mil|millions?|bn|billions?|thousands?|hundreds?)\b)"
    )


NUMBER_SAID = _number_said("n")
"""A bound as said: '1500', '1,500', '$2000', '2k' (a share '80%' or a split '80/20' is none)."""
ABOVE = (
    r"(?:more|greater|higher|larger|bigger|older|longer)\s+than|over|above|exceeding|"
    r"in\s+excess\s+of|>(?!=)"
)
AT_LEAST = (
    r"at\s+least|no\s+(?:less|fewer|lower)\s+than|not\s+(?:less|fewer|lower)\s+than|"
    r"(?:a\s+)?minimum\s+of|>=|≥|=>"
)
BELOW = r"(?:less|fewer|lower|smaller|younger|shorter)\s+than|under|below|beneath|<(?!=)"
AT_MOST = (
    r"at\s+most|no\s+(?:more|greater|higher)\s+than|not\s+(?:more|greater|higher)\s+than|"
    r"not\s+(?:over|above)|(?:a\s+)?maximum\s+of|up\s+to|<=|≤|=<"
)
COMPARED = rf"(?:(?P<ge>{AT_LEAST})|(?P<le>{AT_MOST})|(?P<gt>{ABOVE})|(?P<lt>{BELOW}))"
"""A comparison said before its number ('more than 4', 'at least 1500', '>= 3'): the longer
phrases first ('no more than' is at most, not more than)."""
OR_MORE = (
    r"(?P<post_ge>\+|\s+or\s+(?:more|greater|higher|above|over)|\s+and\s+(?:up|above|over))"
    r"|(?P<post_le>\s+or\s+(?:less|fewer|lower|under|below)|\s+and\s+(?:under|below))"
)
"""A comparison said after its number: '4 or more', '3+', '2000 or less'."""
LINKED = r"\s*(?:(?:is|are|was|were|of|being|(?:that|which)\s+(?:is|are))\s+|[:=]\s*)?"
"""Between a number column's name and its comparison: 'price is at least', 'rent: under'."""
NOT_A_UNIT = (
    r"(?!\s+(?:epochs?|folds?|trials?|runs?|steps?|rows?|records?|samples?|times|models?|"
    r"features?|columns?|classes|clusters?|neighbou?rs?|trees?|layers?)\b)"
)
"""A count said after a number is no bound of the column before it ('price over 3 epochs')."""
NUMBER_COLUMN_DTYPES = ("int", "float", "uint", "Int", "Float", "UInt")


def _said_number(digits: str, thousands: str | None) -> int | float:
    number = float(digits.replace(",", "")) * (1000 if thousands else 1)
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def number_ranges(profile: dict[str, Any], text: str) -> list[tuple[str, dict[str, Any]]]:
    """The ranges of number columns the words set ('more than 4 bedrooms', 'price at least
    1500', 'rent between 1000 and 2000', '4 or more bedrooms', 'bedrooms >= 3'): a column of
    the table said next to a comparison and its number. A number not tied to such a column
    ('top 5', '80% of rows', '3 epochs', 'AUC over 0.9') sets nothing.
    """
    found: list[tuple[str, dict[str, Any]]] = []
    for column in profile["columns"]:
        if column["id_like"] or not column["dtype"].startswith(NUMBER_COLUMN_DTYPES):
            continue
        name = rx.column_words(column["name"])
        bounds = _range_said(name, text)
        if bounds and all(abs(v) <= WHERE_NUMBER_MAX for v in bounds.values()):
            found.append((column["name"], bounds))  # a bound past the tool's is no bound
    return found


def _range_said(name: str, text: str) -> dict[str, Any] | None:
    """The bounds the words put on the column `name` (a pattern), or None."""
    num, to = NUMBER_SAID, _number_said("to")
    forms = [
        # 'rent between 1000 and 2000', 'between 2 and 4 bedrooms', 'rent from 1000 to 2000'
        rf"{name}{LINKED}(?:between|from)\s+{num}\s+(?:and|to)\s+{to}",
        rf"\bbetween\s+{num}\s+and\s+{to}\s+{name}",
        # 'more than 4 bedrooms', 'at least 2 bathrooms'
        rf"(?<![\w-]){COMPARED}\s*{num}\s+{name}",
        # 'bedrooms over 4', 'price is at least 1500', 'bedrooms >= 3' (not 'over 3 epochs')
        rf"{name}{LINKED}{COMPARED}\s*{num}{NOT_A_UNIT}",
        # '4 or more bedrooms', '3+ bedrooms', 'bedrooms of 4 or more'
        rf"(?<![\w.,-]){num}(?:{OR_MORE})\s*{name}",
        rf"{name}{LINKED}{num}(?:{OR_MORE})",
    ]
    for form in forms:
        hit = rx.search(form, text, re.I)
        if hit is None:
            continue
        said = hit.groupdict()
        first = _said_number(said["n"], said["nk"])
        if said.get("to") is not None:
            low, high = sorted((first, _said_number(said["to"], said["tok"])))
            return {"ge": low, "le": high}
        op = next(k for k in ("ge", "le", "gt", "lt", "post_ge", "post_le") if said.get(k))
        bounds = {op.removeprefix("post_"): first}
        # 'rent over 1000 and under 2000': the other side said right after
        other = rx.match(rf"\s*,?\s*(?:and|but)\s+{COMPARED}\s*{to}", text[hit.end() :], re.I)
        if other is not None:
            side = next(k for k in ("ge", "le", "gt", "lt") if other.group(k))
            if (side in ("ge", "gt")) != (next(iter(bounds)) in ("ge", "gt")):
                bounds[side] = _said_number(other.group("to"), other.group("tok"))
        return bounds
    return None


MENTIONS = (
    r"(?:mention(?:s|ed|ing)?|contain(?:s|ed|ing)?|includ(?:e|es|ed|ing)|refer(?:s|red|ring)?\s+to|"
    r"talk(?:s|ed|ing)?\s+about|(?:with|using|that\s+use)\s+the\s+(?:words?|phrases?|terms?))"
)
"""A text's cells containing words: 'mentioning refund', 'that contain "late"'."""
TEXT_ROWS = (
    r"(?:ones|rows|records|entries|reviews?|comments?|tickets?|messages?|posts?|notes|texts?|"
    r"complaints?|emails?|feedback|responses?|descriptions?|tweets?|articles?|replies)"
)
"""Words for a text table's rows ('the reviews mentioning refund', 'the ones about pets')."""
NOT_A_TERM = frozenset(
    "the a an it its this that these those them they any anything something some all one ones "
    "more less other others my our your his her their what which who how when where why whether "
    "missing empty null nan blank na none nothing no duplicate duplicates value values number "
    "numbers digits data column columns row rows word words text".split()
)
"""Words after 'mentioning' or 'about' that are no text looked for ('rows that contain missing
values', 'tickets about the data')."""


def _term_said(tag: str) -> str:
    """A text looked for: quoted (group quoted`tag`) or one word (group word`tag`)."""
    return (
        rf"(?:[\"“‘'](?P<quoted{tag}>[^\"”’'\n]{{1,100}})[\"”’']"
        rf"|(?P<word{tag}>[A-Za-z][\w-]{{2,40}}))"
    )


TEXT_PLACE = (
    r"(?:\s+(?:in|of|from)(?:\s+(?:the|this|that|my|our))?(?:\s+(?:file|table|data(?:set)?))?)?"
)
"""Where the rows are, said between them and 'mention' ('reviews in reviews.csv mention')."""
CONTAINS_MAX = 5
"""The most texts one 'mentioning a, b or c' looks for."""


def text_contains(profile: dict[str, Any], text: str) -> list[tuple[str, dict[str, Any]]]:
    """The text a free-text column's cells are to contain ('reviews mentioning refund', 'the
    ones that mention "late delivery"', 'tickets about billing or invoices'): after a column
    of text, or after a word for its rows when the table has one column of free text; a list
    said with 'or' is any of them. Other words after 'about' ('what is this data about') set
    nothing.
    """
    columns = profile["columns"]
    free = [c["name"] for c in columns if c["text_like"]]
    plain = {
        c["name"]
        for c in columns
        if not c["dtype"].startswith(NUMBER_COLUMN_DTYPES) and c["dtype"] != "bool"
    }
    for name in [*free, *(n for n in profile["names"] if n in plain and n not in free)]:
        lead = rx.column_words(name)
        if len(free) == 1 and name == free[0]:
            lead = rf"(?:{lead}|\b{TEXT_ROWS}\b|\bhow\s+many)"
        hit = rx.search(
            rf"{lead}{TEXT_PLACE}\s+(?:(?:that|which|who)\s+)?(?:(?:do|does|did)\s+)?{MENTIONS}\s+{_term_said('1')}"
            + (
                rf"|\b{TEXT_ROWS}\s+(?:(?:that|which)\s+(?:are|is)\s+)?about\s+{_term_said('2')}"
                if len(free) == 1 and name == free[0]
                else ""
            ),
            text,
            re.I,
        )
        if hit is None:
            continue
        terms = [_term(hit)]
        rest = text[hit.end() :]
        while len(terms) < CONTAINS_MAX and (
            more := rx.match(rf"\s*(?:,\s*(?:or\s+)?|\s+or\s+){_term_said('')}", rest, re.I)
        ):
            terms.append(_term(more))
            rest = rest[more.end() :]
        if rx.match(r"\s+(?:values?|cells?|fields?|entries|columns?)\b", rest, re.I):
            continue  # 'rows that contain missing values': no text looked for
        kept = list(dict.fromkeys(t for t in terms if t))
        if kept and len(kept) == len(terms):
            return [(name, {"contains": kept[0] if len(kept) == 1 else kept})]
    return []


def _term(hit: re.Match[str]) -> str | None:
    """The text looked for: quoted as written, else the word (a plural 's' dropped: 'refunds'
    finds 'refund' too); None for a word that is no text looked for ('the', 'missing').
    """
    groups = hit.groupdict()
    quoted = next((v for k, v in groups.items() if k.startswith("quoted") and v), None)
    if quoted is not None:
        return quoted.strip() or None
    word = next(v for k, v in groups.items() if k.startswith("word") and v)
    if word.lower() in NOT_A_TERM:
        return None
    if (
        len(word) >= 4
        and word.lower().endswith("s")
        and not word.lower().endswith(("ss", "us", "is"))
    ):
        return word[:-1]
    return word


def unknown_group(profile: dict[str, Any], text: str) -> str | None:
    """The grouping a summary names as a column's name ('by Zip Code', 'per store_id') when the
    table has no such column nor one close to it; None otherwise.
    """
    bare = _without_files(text)
    if not GROUP_SUMMARY.search(bare):
        return None
    for said in GROUP_AFTER.finditer(bare):
        phrase = rx.match(
            r"(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}|[A-Za-z]+(?:_[A-Za-z0-9]+)+)", said.group(1)
        )
        if phrase and not columns_mentioned(profile, phrase.group(0)):
            return phrase.group(0)
    return None


def value_said(value: str, lower: str) -> bool:
    """Whether lower-cased text says a class value as a word, plural or, for a word of four
    letters or more, as a verb form ('fail' in 'failing students', 'pass' in 'who passed').
    """
    v = value.lower()
    forms = "s|es"
    if len(v) >= 4 and v.isalpha():
        forms += "|ing|ed|d" if v.endswith("e") else "|ing|ed"
        if v.endswith("e"):  # 'hire' → 'hiring'
            if rx.search(rf"\b{re.escape(v[:-1])}ing\b", lower):
                return True
    return bool(rx.search(rf"\b{re.escape(v)}(?:{forms})?\b", lower))


def columns_by_values(profile: dict[str, Any], text: str) -> list[str]:
    """Label-like columns whose class values the words name ('how many are faults',
    'lost, delayed or damaged'): the column a count or a class is about, by its values.
    """
    lower = text.lower()
    found = []
    for column in profile["columns"]:
        if not column["label_like"]:
            continue
        named = [
            v
            for v in column["top"]
            if len(v) >= 3 and not v.replace(".", "").isdigit() and value_said(v, lower)
        ]
        if named:
            found.append(column["name"])
    return found


def _generator_class_column(p: Planning, args: dict[str, Any], bare: str) -> None:
    """'200 more fake tamper rows': the class asked for names its column (by the values), and
    the generator is conditioned on it; one class value said and none chosen: it is sampled.
    `bare`: the goal without its file names.
    """
    profile = table_profile(args.get("dataset"))
    if profile is None:
        return
    step = next((s for s in p.steps if s.tool == "generate_synthetic"), None)
    label = step.args.get("label") if step is not None else None
    if isinstance(label, str):
        owners = [
            c["name"]
            for c in profile["columns"]
            if c["label_like"] and label.lower() in (v.lower() for v in c["top"])
        ]
        current = args.get("label_column")
        if owners and current not in owners:
            # several columns hold the value ('high' pest pressure, 'high' yield class): the
            # one named like a class column, else the last (the label usually comes last)
            named = [o for o in owners if rx.search(LABELISH, o.lower())]
            args["label_column"] = (named or owners)[-1]
        if owners:
            _count_before_value(step.args, label, bare)
        return
    if "label_column" not in args:
        columns = columns_by_values(profile, bare)
        if not columns:
            _yes_no_class(p, profile, args, bare)
            return
        if len(columns) != 1:
            return
        args["label_column"] = columns[0]
    _sampled_value(p, args, bare)


def _yes_no_class(p: Planning, profile: dict[str, Any], args: dict[str, Any], bare: str) -> None:
    """'more examples of fraudulent claims', 'all ones that sold': rows of a kind a yes/no
    column's name says (fraud_flag, sold_4wks) condition the generator on that column (which of
    its classes to make is read with the other settings: `options.class_value`). `bare`: the
    goal without its file names.
    """
    from agents.columns import yes_no_spelt

    spelt = yes_no_spelt(profile, bare)
    if spelt is not None:
        args["label_column"] = spelt[0]
        p.notes.append(
            f"generator conditioned on {spelt[0]!r}: the kind of rows your words ask for"
        )


def bind_sampled_class(p: Planning, goal: str) -> None:
    """After the settings said in words are bound ('conditioned on the genre column'): the
    class value to sample, from the data's values of that column (`_sampled_value`).
    """
    bare = _without_files(goal)
    for step in p.steps:
        if step.tool == "train_generator" and isinstance(step.args.get("label_column"), str):
            _sampled_value(p, step.args, bare)


def _sampled_value(p: Planning, args: dict[str, Any], bare: str) -> None:
    """The one value of the generator's class column that the goal (`bare`: without its file
    names) says: the class to make.
    """
    profile = table_profile(args.get("dataset"))
    step = next((s for s in p.steps if s.tool == "generate_synthetic"), None)
    if profile is None or step is None or "label" in step.args:
        return
    if args.get("label_column") not in profile["names"]:
        return
    # 'conditioned on genre ..., then 500 made-up horror screenings': the one value of the
    # conditioning column the goal says is the class to sample (the data says it is a value)
    lower = bare.lower()
    column = _plain(profile, args["label_column"])
    values = [
        v
        for v in column.get("values") or column["top"]
        if len(v) > 1 and v.lower() != args["label_column"].lower() and value_said(v, lower)
    ]
    if len(values) == 1:
        step.args["label"] = values[0]
        _count_before_value(step.args, values[0], bare)


def _count_before_value(args: dict[str, Any], value: str, text: str) -> None:
    """'spit out 200 IMAX shows': with no count said in other words, the number just before
    the class value asked for (a word or two between) is how many rows to make. `text`: the
    goal without its file names.
    """
    from agents.arguments import _synthetic_count

    if _synthetic_count(text) is not None:
        return
    match = rx.search(
        rf"\b(\d{{1,7}})\s+(?:[a-z][\w-]*\s+){{0,2}}?{re.escape(value)}(?:s|es)?\b", text, re.I
    )
    if match:
        args["n"] = int(match.group(1))


def _synthetic_label(p: Planning, profile: dict[str, Any], column: str, text: str) -> None:
    """'100 rows of cultivar 3': the class value named right after its column, for sampling."""
    step = next((s for s in p.steps if s.tool == "generate_synthetic"), None)
    if step is None or "label" in step.args:
        return
    values = list(_plain(profile, column)["top"])
    match = rx.search(rf"\b{re.escape(column)}\s+[\"'`]?([\w<>=.-]+)", text, re.I)
    if match and match.group(1) in values:
        step.args["label"] = match.group(1)


def _holding_named_values(
    profile: dict[str, Any], goal: str, exclude: Iterable[str] = ()
) -> list[str]:
    """Label-like columns (not in `exclude`) two or more of whose values the goal names; of
    several, the one that holds the most of them when it holds more than any other ('low /
    medium / high yield': the yield class, not the pest pressure that has no 'medium').
    """
    counts = {
        # 'Yes' and 'yes' are one value said once (a yes/no column with both spellings)
        c["name"]: sum(
            1
            for v in {str(t).strip().lower() for t in c["top"]}
            if len(v) > 2 and rx.search(rf"\b{re.escape(v)}\b", goal, re.I)
        )
        for c in profile["columns"]
        if c["label_like"] and c["name"] not in exclude
    }
    found = [name for name, count in counts.items() if count >= 2]
    if len(found) > 1:
        most = max(counts[n] for n in found)
        best = [n for n in found if counts[n] == most]
        if len(best) == 1:
            return best
    return found


OUTCOME_VALUE_CUES = (
    r"\b(?:class(?:ed|ified)|labell?ed|marked|flagged|tagged|rated|graded|categori[sz]ed|coded|"
    r"scored|end(?:s|ed)?\s+up|turn(?:s|ed)?\s+out|come(?:s)?\s+(?:back|out)|be(?:come)?|get|"
    r"gets|are|is|was|were)(?:\s+(?:as|with|being|to\s+be))?\s+(?:an?\s+|the\s+)?"
)
"""Words before a class value a person asks a model to foresee ('will be classed poor')."""


def holding_said_value(
    profile: dict[str, Any], text: str, exclude: Iterable[str] = ()
) -> str | None:
    """The one label-like column whose values hold a value the person names, quoted ('which
    tickets will be classed "urgent"') or after an outcome word ('the ones that end up
    returned'); None when no named value, or when several columns hold it (then the caller
    asks, offering the candidates).
    """
    holders: set[str] = set()
    for column in profile["columns"]:
        for value in column["top"]:
            if len(value) < 3 or value.replace(".", "").isdigit():
                continue
            said = (
                rf"(?:['\"‘“`]{re.escape(value)}['\"’”`]|{OUTCOME_VALUE_CUES}{re.escape(value)}\b"
                # 'which samples fail', 'which ones will fail': the value as the rows' verb
                rf"|\bwhich\s+(?:[a-z]+\s+){{1,2}}?(?:will\s+|would\s+|might\s+)?"
                rf"{re.escape(value)}(?:s|ed)?\b)"
            )
            if rx.search(said, text, re.I):
                holders.add(column["name"])
    if len(holders) != 1:
        return None
    name = holders.pop()
    column = _plain(profile, name)
    if not column["label_like"] or column["id_like"] or column["text_like"] or name in exclude:
        return None
    return name


def _yes_no_columns(profile: dict[str, Any], features: list[str]) -> list[str]:
    """The table's two-valued, label-like columns that are no id, no text and no input said."""
    return [
        c["name"]
        for c in profile["columns"]
        if c["label_like"]
        and c["distinct"] == 2
        and not c["id_like"]
        and not c["text_like"]
        and c["name"] not in features
    ]


def _whole_name_said(column: str, text: str) -> bool:
    """Whether the text says the column's whole name ('first time fix', 'churned', 'churn'),
    not only one part of it ('customers' of customer_note, 'make' of boiler_make).
    """
    words = [w for w in re.split(r"[\s_-]+", column.lower()) if w]
    parts = [re.escape(w) for w in words]  # a column name is data: 'count(*)' is no pattern
    if words and words[-1].endswith("ed") and len(words[-1]) > 5:
        parts[-1] = re.escape(words[-1][:-2]) + "(?:ed)?"
    elif words and words[-1].endswith("s") and len(words[-1]) > 3:
        parts[-1] = re.escape(words[-1][:-1]) + "s?"  # 'the star rating' says stars
    spaced = r"[\s_-]*".join(parts)
    return bool(rx.search(rf"\b{spaced}(?:s|es)?\b", text, re.I))


def _no_outcome(profile: dict[str, Any], column: str, text: str, features: list[str]) -> bool:
    """Whether a column the words name is no outcome to learn, by the data: a text value unique
    to (nearly) every row (a name, a free note) is no class; and a column of several values
    named only by one part of its name ('our customers' of customer_note, 'make me a model' of
    boiler_make) is the rows' subject or a verb, not the outcome, when the table holds two or
    more yes/no columns the person could mean (then none is guessed: asked).
    """
    info = _plain(profile, column)
    rows = int(profile.get("rows") or 0)
    if not info["dtype"].startswith(("float", "int")) and rows >= 20:
        if info["distinct"] >= 0.9 * min(rows, SAMPLE_ROWS):
            return True
    if info["distinct"] <= 2 or _whole_name_said(column, text) or _asked_for(column, text):
        return False
    two = _yes_no_columns(profile, features)
    return len(two) >= 2


def _asked_for(column: str, text: str) -> bool:
    """Whether the words ask for `column` itself ('predict the river', 'river as the target')."""
    spaced = r"[\s_-]*".join(re.escape(w) for w in re.split(r"[\s_-]+", column) if w)
    return bool(
        rx.search(
            rf"\b(?:predict\w*|forecast\w*|classif\w*|guess\w*|estimat\w*|model\w*|label)\s+"
            rf"(?:the\s+|their\s+|its\s+|each\s+\w+'?s?\s+)?{spaced}\b|\b{spaced}\s+(?:as|is)\s+"
            r"(?:the\s+)?(?:target|label|outcome)",
            text,
            re.I,
        )
    )


def _thread_label(p: Planning, dataset: Any, names: list[str]) -> str | None:
    """The label column of the thread's latest training on the same table, when it has one."""
    for call in reversed([c for c in p.memory.get("trainings") or [] if isinstance(c, dict)]):
        args = call.get("args") or {}
        if args.get("dataset") == dataset and args.get("label_column") in names:
            return str(args["label_column"])
    return None


def _evident_label(
    p: Planning, args: dict[str, Any], candidates: list[str]
) -> tuple[str, str] | None:
    """The one class column among `candidates` that the thread or the named test file makes
    evident, with why; None when both leave two or more (then the person is asked).

    The thread: its earlier steps on the same table, or the person's earlier requests while it
    was the thread's table, named one of them ('how many rows have a mood?'). The test file: a label must be there and vary to be checked against
    it ('store' absent, or 'north' on every row, is no label of that file).
    """
    from agents.thread_state import SAID_KEY

    dataset = args.get("dataset")
    named = {
        str(a.get("label_column") or a.get("column"))
        for r in p.memory.get("results") or []
        if isinstance(r, dict) and isinstance(a := r.get("args"), dict)
        if dataset in (a.get("dataset"), a.get("data_path"))
    }
    profile = table_profile(dataset) if dataset == p.memory.get("dataset") else None
    for words in p.memory.get(SAID_KEY) or [] if profile else []:
        named.update(columns_mentioned(profile, _without_files(str(words))))
    named &= set(candidates)
    if len(named) == 1:
        return named.pop(), "the column this thread talked about"
    test = table_profile(args.get("test_dataset"))
    if test is None:
        return None
    varying = [n for n in test["names"] if n in candidates and _plain(test, n)["distinct"] > 1]
    if len(varying) == 1 and len(varying) < len(candidates):
        return varying[0], (
            f"the only one of {', '.join(candidates[:6])} that {args['test_dataset']} holds "
            "with more than one value (the rest cannot be checked there)"
        )
    return None


QUANTITY_ASKED_RE = (
    r"\bhow (?:much|many|long|far|big|high|heavy)\b|\b(?:amount|number|quantity|value|level) of\b|"
    r"\bregress\w*|\bestimat\w*"
)
"""Words asking a quantity of each row ('how much kwh we make'): a training whose label is
named only by a part of its name ('kwh' → kwh_output) is then a regression of it."""


def quantity_by_part(profile: dict[str, Any], bare: str, skip: set[str]) -> str | None:
    """The one quantity column (`continuous`, not a key, not in `skip`) a word of the text
    names by a part of its name ('kwh' → kwh_output, 'rainfall' → rainfall_mm); None when no
    column, or several, fit. Words of file names and generic name parts do not count.
    """
    from agents.references import PLAIN_COLUMNS, STOP

    words = {w for w in rx.findall(r"[a-z]+", bare.lower()) if len(w) >= 3} - STOP
    found = [
        c["name"]
        for c in profile["columns"]
        if continuous(c)
        and not c["id_like"]
        and c["name"] not in skip
        and any(
            part in words or part + "s" in words
            for part in rx.findall(r"[a-z]+", c["name"].lower())
            if len(part) >= 3 and part not in PLAIN_COLUMNS and part not in STOP
        )
    ]
    return found[0] if len(found) == 1 else None


TARGET_NAME_RE = re.compile(
    r"\b(?:predict(?:s|ing)?|forecast(?:s|ing)?|estimat(?:e|es|ing)|regress(?:es|ing)?|classify|"
    r"label(?:\s+column)?(?:\s+is)?|target(?:\s+column)?(?:\s+is)?|outcome(?:\s+is)?)\s+"
    r"(?:the\s+|column\s+|col\s+)?[`'\"]?([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z]+[A-Z][A-Za-z0-9]*"
    # a capitalised word mid-sentence ('predict Evicted'): a column's name as written
    r"|(?!(?:Whether|Which|Who|What|How|When|Where|If|The|A|An|It|Its|That|This|Those|These|"
    r"Each|Every|All|My|Our|Their|Your)\b)[A-Z][a-z]{2,})\b"
)
"""A target said as a column's name ('predict shoe_size', 'label column isFraud'): words
joined by '_' or in camelCase, which name a column and nothing else."""


def unknown_target(profile: dict[str, Any], bare: str) -> str | None:
    """The column name a training's target is said as ('predict shoe_size') when the table has
    no such column, nor one close to it; None when it names none or names one the table has.
    """
    for said in TARGET_NAME_RE.finditer(bare):
        name = said.group(1)
        if name in profile["names"] or column_named(profile, name) is not None:
            return None
        parts = {
            p for p in rx.findall(r"[a-z0-9]+", rx.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower())
        }
        if any(str(c).lower() in parts for c in profile["names"] if len(str(c)) >= 3):
            return None  # 'predict status_code' where the table has status: that column, noted
        return name
    return None


SUMMARISED_NAME_RE = re.compile(
    # the summary's words in any case, the name as written (a camelCase name's capital is the
    # person's: under one case-blind flag 'in' would be camelCase too)
    r"(?i:"
    + AVERAGE_RE[:-3]
    + r"|distribution|spread|histogram|count)\b\s+(?:of\s+)?(?:the\s+)?(?:column\s+)?)[`'\"]?"
    r"([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z]+[A-Z][A-Za-z0-9]*)\b"
)
"""A column a summary is asked of, said as a column's name ('average salary_usd by dept')."""


def unknown_summarised(profile: dict[str, Any], text: str) -> str | None:
    """The column name a summary is asked of ('the average salary_usd by Department') when the
    table has no such column nor one close to it; None otherwise.
    """
    for said in SUMMARISED_NAME_RE.finditer(_without_files(text)):
        name = said.group(1)
        if name in profile["names"] or column_named(profile, name) is not None:
            return None
        said_words = set(name.lower().split("_"))
        if any(
            said_words <= set(c.lower().split("_"))
            for c in columns_mentioned(profile, name.replace("_", " "))
        ):
            return None  # 'avg time_to_resolve' for time_to_resolve_hrs: that column
        return name  # 'average late_fee' is not late_returns_last_year
    for said in PLAIN_SUMMARISED_RE.finditer(_without_files(text)):
        name, by = said.group(1), said.group(2)
        if name.lower() in NOT_A_COLUMN or column_named(profile, by) is None:
            continue  # 'average per order by channel'; 'by hand'
        if column_named(profile, name) is not None or columns_mentioned(profile, name):
            return None
        word = name.lower().removesuffix("s")
        if any(word in c.lower().replace("-", "_").split("_") for c in profile["names"]):
            return None  # 'mean age by clinic' for age_years: that column
        if any(
            rx.search(
                rf"(?:\bthe\s+{rx.column_words(c)}\s+column|\bcolumn\s+{rx.column_words(c)})",
                text,
                re.I,
            )
            for c in profile["names"]
        ):
            return None  # 'total revenue by show (the total column)': the column is said
        return name  # 'average cost by clinic' on a table with no cost
    return None


PLAIN_SUMMARISED_RE = re.compile(
    r"(?i:\b(?:average|avg|mean|median|total|sum)\s+(?:of\s+)?(?:the\s+)?)([a-z]{3,})\s+"
    r"(?i:by|per|for\s+each|across)\s+(?:the\s+)?(?:each\s+)?([a-z][\w-]*)",
)
"""'average cost by clinic': a plain word summarised by a column of the table (the column is
what makes the word a column's name)."""
NOT_A_COLUMN = {
    "row", "rows", "record", "records", "value", "values", "number", "numbers", "figure",
    "figures", "order", "orders", "item", "items", "entry", "entries", "one", "ones", "amount",
    "per", "for", "across", "each", "all",
}  # fmt: skip


def _ground_train(
    p: Planning, args: dict[str, Any], text: str, goal: str = "", bare: str | None = None
) -> None:
    """Bind a training's label column from the clause (`text`) and the goal's words; `bare` is
    `goal or text` without its file names (stripped here when not given).
    """
    if bare is None:
        bare = _without_files(goal or text)
    profile = table_profile(args.get("dataset"))
    if profile is None:
        return
    fixed = _fix(profile, args.get("label_column"))
    if fixed:
        p.notes.append(f"label column {args['label_column']!r} → {fixed!r} (a column of the data)")
        args["label_column"] = fixed
    features = _said_features(profile, bare)
    said = stated_label(goal or text, profile)
    if said and (args.get("label_column") in (None, *features) or args["label_column"] == said):
        args["label_column"] = said  # 'label is decison': the label said outright wins
        return
    if "label_column" in args and args["label_column"] in profile["names"]:
        if args["label_column"] not in features:
            return
    args.pop("label_column", None)
    # 'using everything except a and b': a column left out of the inputs is no label either
    refused = left_out(f"{text} {goal}", profile)
    mentioned = [
        n
        for n in [*columns_mentioned(profile, text), *columns_mentioned(profile, goal)]
        if not _plain(profile, n)["id_like"]
        and not _plain(profile, n)["text_like"]
        and n not in features  # a column listed as an input is never the label
        and n not in refused
        and not _no_outcome(profile, n, f"{text} {goal}", features)
    ]
    ranked = [
        r
        for r in ranked_columns(profile, f"{text} {goal}", labels_only=True)
        if r[0] not in features and r[0] not in refused
    ]
    unknown = None if mentioned else unknown_target(profile, bare)
    if unknown is not None:
        # 'predict shoe_size' on a table without it: no other column is guessed in its place
        shown = ", ".join([n for n in _label_candidates(profile) if n not in refused][:8])
        p.question = (
            f"{args['dataset']} has no column {unknown!r}. Which column should I predict?"
            + (f" Columns that could be the label: {shown}." if shown else "")
        )
        return
    made = labeling_output_label(profile["names"])
    run_columns = (made, "hand_label", *LABELING_MARKS)
    if made and made not in features and all(n in run_columns for n in mentioned):
        # 'now train a model on this file' after a labeling run saved its labels: the table's
        # own label column, not the hand labels or the coverage marks beside it
        args["label_column"] = made
        p.notes.append(f"label column {made!r}: the labels a labeling run wrote")
        return
    # 'know before the visit if the customer will make a complaint': an outcome asked of rows
    # ahead of time spells the label too (visits, named in passing, is context)
    spelt = outcome_label(profile, goal or text) or asked_outcome(profile, goal or text)
    if spelt and _no_outcome(profile, spelt, f"{text} {goal}", features):
        spelt = None
    if spelt in refused:
        spelt = None  # 'predict result without free_school_meals': left out, not the outcome
    if spelt and spelt not in features and (not mentioned or spelt != mentioned[0]):
        # the asked outcome's words spell a column ('predict 30-day readmissions' →
        # readmitted_30d): a column another word of the sentence names is context
        args["label_column"] = spelt
        p.notes.append(f"label column {spelt!r}: the outcome your words ask for")
        return
    by_value = _holding_named_values(profile, goal, features)
    if len(by_value) == 1 and mentioned and by_value[0] != mentioned[0]:
        # 'sort each visit into home, care or transfer, by ward': the classes named are the
        # label's values; the column named in passing is an input
        args["label_column"] = by_value[0]
        p.notes.append(f"label column {by_value[0]!r}: the column holding the classes you named")
        return
    holder = holding_said_value(profile, bare, features)
    if (
        holder
        and mentioned
        and holder != mentioned[0]
        and not _asked_for(mentioned[0], goal or text)
    ):
        # 'which river samples will be classed poor': the value names the label; the column
        # named in passing ('river') describes the rows
        args["label_column"] = holder
        p.notes.append(f"label column {holder!r}: the only column holding the value you named")
        return
    if mentioned and ranked and ranked[0][0] != mentioned[0] and ranked[0][1][0] == 1.0:
        first = dict(ranked).get(mentioned[0], (0.0, 0, 0.0))
        if ranked[0][1][1] > first[1]:
            mentioned.insert(0, ranked[0][0])  # 'fail QC' names qc_fail better than 'line'
    if mentioned:
        column = _plain(profile, mentioned[0])
        if continuous(column):
            from agents.intent import FORECAST

            if rx.search(FORECAST, goal or text, re.I):
                # future values of a quantity over time: a time-series forecast, out of scope
                # (regression reads each row's own columns, not the time before it)
                from agents.planner import forecast_answer

                p.answer = forecast_answer([str(args.get("dataset") or "")])
                return
            # a continuous number: train_model's task 'auto' regresses on it (MAE, RMSE, R²)
            p.notes.append(
                f"label column {mentioned[0]!r}: a continuous number "
                f"({column['distinct']} distinct values), so the model is a regression"
            )
        args["label_column"] = mentioned[0]
        return
    loose = label_from_words(profile, text) or label_from_words(profile, goal)
    if loose and _no_outcome(profile, loose, f"{text} {goal}", features):
        loose = None
    if loose and loose not in features:
        args["label_column"] = loose
        p.notes.append(f"label column {loose!r}: the column your words name")
        return
    by_value = _holding_named_values(profile, goal)
    if len(by_value) == 1:
        args["label_column"] = by_value[0]
        return
    if holder:  # the value said, read once above
        args["label_column"] = holder
        p.notes.append(f"label column {holder!r}: the only column holding the value you named")
        return
    quantity = (
        quantity_by_part(profile, bare, {*features, *refused})
        if rx.search(QUANTITY_ASKED_RE, bare)
        else None
    )
    if quantity:
        # 'how much kwh we make per day' → kwh_output: a quantity named by a part of its name
        args["label_column"] = quantity
        p.notes.append(
            f"label column {quantity!r}: the quantity your words name, so the model is a regression"
        )
        return
    categorical = [
        c["name"]
        for c in profile["columns"]
        if c["label_like"]
        and not c["dtype"].startswith(("float", "int"))
        and c["distinct"] <= 20
        and c["name"] not in features
    ]
    if features and len(categorical) == 1:
        args["label_column"] = categorical[0]
        p.notes.append(f"label column {categorical[0]!r}: the class column not named as an input")
        return
    carried = _thread_label(p, args["dataset"], profile["names"])
    if carried and carried not in features:
        # 'train an MLP on the same data' after a training of it: that training's label
        args["label_column"] = carried
        p.notes.append(f"label column {carried!r}: the one the thread's model on it predicts")
        return
    unlabeled = label_missing_elsewhere(profile, _sibling_tables(args["dataset"]))
    if unlabeled:
        args["label_column"] = unlabeled
        p.notes.append(
            f"label column {unlabeled!r}: the column the unlabeled file of the same table lacks"
        )
        return
    yes_no = _lone_yes_no(profile, features, f"{text} {goal}", categorical)
    if yes_no:
        args["label_column"] = yes_no
        p.notes.append(f"label column {yes_no!r}: the table's only yes/no column")
        return
    evident = _evident_label(p, args, categorical) if len(categorical) >= 2 else None
    if evident:
        args["label_column"], why = evident
        p.notes.append(f"label column {evident[0]!r}: {why}")
        return
    formed = [
        c
        for c in _label_by_word_form(profile, outcome_words(bare), (_derived_only,))
        if c not in features
    ]
    if formed and not args.get("soft_labels"):
        # 'a cancellation model' → cancelled: a word of the goal names the column in another form
        args["label_column"] = formed[0]
        p.notes.append(f"label column {formed[0]!r}: the column your word names in another form")
        return
    meant = _meant_label(profile, bare, features) if not args.get("soft_labels") else None
    if meant:
        args["label_column"] = meant
        p.notes.append(f"label column {meant!r}: the column whose meaning your words describe")
        return
    if len(categorical) >= 2 and not args.get("soft_labels"):
        # outcomes are written after the columns that describe the rows: the last six shown,
        # a 0/1 column among them
        shown = [
            c["name"]
            for c in profile["columns"]
            if c["name"] in categorical
            or (c["label_like"] and c["distinct"] == 2 and c["name"] not in features)
        ]
        p.question = (
            f"Which column of {args['dataset']} should the model predict: {', '.join(shown[-6:])}?"
        )
        return
    lower = {n.lower(): n for n in profile["names"]}
    if any(g in lower for g in LABEL_COLUMN_GUESSES):
        return
    candidates = _label_candidates(profile)
    if len(candidates) == 1:
        args["label_column"] = candidates[0]
        p.notes.append(f"label column {candidates[0]!r}: the only label-like column of the data")
    elif candidates:
        shown = ", ".join(candidates[:6])
        p.question = (
            f"Which column of {args['dataset']} should the model predict? Candidates: {shown}."
        )


def _meant_label(profile: dict[str, Any], words: str, features: list[str]) -> str | None:
    """The label-like column (no input said) the asked outcome means though its words name no
    column ('which ones end up having to be redone' → reprint_needed), when a sentence-embedding
    match finds it clearly best (agents/meaning.py); None keeps the question. `words`: without
    their file names.
    """
    from agents import meaning

    allowed = [n for n in profile["names"] if n not in features]
    return meaning.meant_label(profile, words, allowed)


WHICH_WILL_RE = (
    r"\b(?:which|what)\s+(?:ones?|of\s+(?:them|these|those)|[a-z]+)\s+(?:will|would|might|could|"
    r"are\s+(?:going|likely)\s+to|is\s+(?:going|likely)\s+to)\b"
    r"|\bwho(?:'ll|\s+will|\s+would|\s+(?:is|are)\s+(?:going|likely)\s+to)\b"
    r"|\b(?:whether|if)\s+(?:each|a|an|the)\s+[a-z]+\s+will\b"
)
"""A question about which rows will do something: its answer is yes or no for each row."""


def _lone_yes_no(
    profile: dict[str, Any], features: list[str], words: str, categorical: list[str]
) -> str | None:
    """The table's one yes/no column (two values, label-like, not an id or an input said) when
    the words ask which rows will do something ('which ones will fail?', 'who will leave?'), or
    say 'predict' and no other class column is there; else None (no evident label: asked).
    """
    two = _yes_no_columns(profile, features)
    if len(two) != 1:
        return None
    if rx.search(WHICH_WILL_RE, words, re.I):
        return two[0]
    if rx.search(r"\bpredict\w*\b", words, re.I) and set(categorical) <= set(two):
        return two[0]
    return None


SOFT_SAID = r"\b(?:soft[- ]labels?|probabilit\w+|prob_\w+)"
"""Words asking a training to learn the run's soft labels rather than a label column."""


def _train_on_filled(p: Planning, args: dict[str, Any], goal: str) -> None:
    """A training on a labeling run's output that filled in the person's partly filled column
    `x` learns `x` as filled in (`x_filled`: their own label where they gave one, the run's
    elsewhere) when the words ask for `x` or for no other column: not the run's soft labels, nor
    `x` with its gaps. Soft labels said outright stay.
    """
    profile = table_profile(args.get("dataset"))
    if profile is None or rx.search(SOFT_SAID, goal, re.I):
        return
    names = [str(n) for n in profile["names"]]
    if not any(n.endswith("_filled") or "_filled_" in n for n in names):
        return
    from tools.labeling.outputs import filled_pairs, labeled_meta
    from tools.tabular import load_table

    try:
        frame, _ = load_table(str(args["dataset"]), nrows=200)
    except ForgeflowError:
        return
    pairs = filled_pairs(frame, labeled_meta(frame))
    label = args.get("label_column")
    pair = next((q for q in pairs if label in (q["from"], q["column"])), None)
    if pair is None and label is None and len(pairs) == 1:
        pair = pairs[0]
    if pair is None:
        return
    args["label_column"] = pair["column"]
    args.pop("soft_labels", None)
    p.notes[:] = [n for n in p.notes if not n.startswith(f"label column {label!r}")]
    p.notes.append(
        f"label column {pair['column']!r}: {pair['from']!r} as the labeling run filled it in "
        "(your own labels where you gave one, the run's elsewhere)"
    )


LABELING_MARKS = ("label_source", "covered")
"""Columns a labeling run writes beside its `label` column (label_dataset, export_labeled_data)."""


def labeling_output_label(names: list[str]) -> str | None:
    """The label column of a table a labeling run's labels were saved to (a `label` column with
    the run's marks beside it, no `prob_<class>` columns), else None.
    """
    lower = {str(n).lower(): str(n) for n in names}
    if any(n.startswith("prob_") for n in lower):
        return None  # the run's own labeled file: trained on its soft labels (graphs/training)
    if "label" in lower and any(mark in lower for mark in LABELING_MARKS):
        return lower["label"]
    return None


def _sibling_tables(ref: str) -> list[dict[str, Any]]:
    """Profiles of the workspace tables beside `ref` (same folder), for column comparisons."""
    folder = ref.rsplit("/", 1)[0] + "/" if "/" in ref else ""
    stem = {w for w in rx.split(r"[\W_]+", ref[len(folder) :].lower()) if len(w) > 2}
    out = []
    for rel in workspace_files():
        if TABLE_SUFFIX.search(rel) and rel != ref and rel.startswith(folder):
            words = set(rx.split(r"[\W_]+", rel[len(folder) :].lower()))
            if rel[len(folder) :].count("/") == 0 and stem & words - {"csv", "tsv", "parquet"}:
                profile = table_profile(rel)
                if profile is not None:
                    out.append(profile)
    return out[:40]


SCORED_BY_RE = (
    r"\b(?:against|versus|vs|compar\w*|checks?|checked|gold|hand[- ]?labels?|reference|"
    r"agree\w*|(?:how|what)\s+(?:well|good|accurate|right)|precision|accuracy)\b"
)
"""Words that ask for rules to be scored against someone's labels."""


def _apply_gold(args: dict[str, Any], goal: str) -> None:
    """The gold an applying step scores its rules against, read from the tables' shapes: a
    table the goal names beside the data that is shaped like hand labels for it (its key and a
    label the data lacks: 'gold x.csv', 'compared to Sam's labels (x.csv)'); with no other
    table named and a scoring word said ('against the fleet manager's checks'), the one
    workspace table shaped so.
    """
    from agents.slots import FILE_RE

    data_ref = args.get("data_path")
    if args.get("gold_path") or args.get("label_column") or not isinstance(data_ref, str):
        return
    data = table_profile(data_ref)
    if data is None:
        return
    named = [
        f
        for f in dict.fromkeys(FILE_RE.findall(goal))
        if f != data_ref and TABLE_SUFFIX.search(f) and not f.lower().endswith(".json")
    ]
    if named:
        candidates = named
    elif rx.search(SCORED_BY_RE, goal, re.I):
        candidates = [f for f in workspace_files() if f != data_ref and TABLE_SUFFIX.search(f)]
    else:
        return
    golds = [
        name
        for name in candidates
        if not is_hidden(name)
        for profile in [table_profile(name)]
        if profile is not None and shares_key(profile, data) and labels_shaped(profile, data)
    ]
    if len(golds) == 1:
        args["gold_path"] = golds[0]


def _apply_after_write(p: Planning, step: PlanStep) -> None:
    """Rules applied after the plan writes them ('... rules learned from the gold in g.csv,
    saved to r.json, then see how those score against the same gold'): a data that is the rules
    file or the writing step's gold is the table the rules were written for, and scoring words
    with no other gold named score them against the gold they were written from.
    """
    index = p.steps.index(step)
    writers = [s for s in p.steps[:index] if s.tool == "write_labeling_functions"]
    if not writers:
        return
    written = writers[-1].args
    data, gold = step.args.get("data_path"), written.get("gold_path")
    if isinstance(data, str) and (data.lower().endswith(".json") or data == gold):
        if isinstance(written.get("data_path"), str):
            step.args["data_path"] = written["data_path"]
    if (
        gold
        and not step.args.get("gold_path")
        and not step.args.get("label_column")
        and step.args.get("data_path") == written.get("data_path")
        and rx.search(
            r"\b(?:against|versus|vs\.?|compar\w*|scor\w*|accura\w*)\b", step.why or "", re.I
        )
    ):
        step.args["gold_path"] = gold


def _ground_apply(args: dict[str, Any], text: str) -> None:
    """'how accurate each one is against its topic column': the test file's own labels score
    the labeling functions (label_column), when no gold file is given.
    """
    if args.get("gold_path") or args.get("label_column"):
        return
    profile = table_profile(args.get("data_path"))
    if profile is None or not rx.search(
        r"\b(against|agianst|accura\w*|compar\w*|scor\w*|versus|vs\.?|check\w*|right|"
        r"correct\w*|how (?:good|well)|agree\w*)\b",
        text,
        re.I,
    ):
        return
    labels = [n for n in columns_mentioned(profile, text) if _plain(profile, n)["label_like"]]
    if labels:
        args["label_column"] = labels[0]


def _id_fit(profile: dict[str, Any], name: str) -> bool:
    """Whether a column can key a join: id-like, or mostly distinct and filled, never a label."""
    column = _plain(profile, name)
    if column["id_like"]:
        return True
    return not column["label_like"] and column["missing_share"] < 0.05


def _ground_features(args: dict[str, Any], text: str) -> None:
    """Feature columns stated by role ('numeric features a, b', 'x as categoricals') in the
    goal's words (`text`: without its file names).
    """
    profile = table_profile(args.get("dataset"))
    if profile is None:
        return
    roles = feature_roles(text, profile)
    placed = {n for names in roles.values() for n in names}
    listed = [n for n in feature_list(text, profile) if n not in placed]
    for key, names in roles_by_type(listed, profile).items():
        roles.setdefault(key, []).extend(names)
    for key, names in roles.items():
        names = [n for n in names if n != args.get("label_column")]
        given = args.get(key)
        if isinstance(given, list) and not set(given) <= set(profile["names"]):
            args.pop(key)  # a clause's word read as a column ('text column plus ...'): no column
        if names:
            args.setdefault(key, names)
    refused = inputs_left_out(text, profile, args.get("label_column"))
    if refused and "exclude_columns" not in args:
        args["exclude_columns"] = refused


def inputs_left_out(text: str, profile: dict[str, Any], label: Any) -> list[str]:
    """The columns a training's words leave out of its inputs ('without delay_minutes',
    'everything except a and b'), sorted; never the label (it is no input).
    """
    return sorted(left_out(text, profile) - {label, None})


def _said_features(profile: dict[str, Any], text: str) -> set[str]:
    """Every column the goal (`text`: without its file names) names as a model input, by role
    or in a plain list.
    """
    named = {n for names in feature_roles(text, profile).values() for n in names}
    return named | set(feature_list(text, profile))


def _classes(args: dict[str, Any], profile: dict[str, Any], column: str, goal: str) -> None:
    """The class names when the goal names two or more of the label column's values."""
    if args.get("labels") or args.get("classes"):
        return
    values = [v for v in _plain(profile, column)["top"] if len(v) > 1]
    found = [
        (m.start(), v)
        for v in values
        if (m := rx.search(rf"(?<![\w<>=]){re.escape(v)}(?![\w])", goal, re.I))
    ]
    named = [v for _, v in sorted(found)]
    if len(named) >= 2 and len(named) == len(values):
        key = "labels" if "data_path" in args else "classes"
        args[key] = _listed_classes(goal, sorted(found)[0][0], named) or named


LIST_SEP = r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*"


def _listed_classes(goal: str, start: int, values: list[str]) -> list[str] | None:
    """The classes of a list said after a classes word that holds every value the column has
    and more ('5 classes: exhibits, cafe, staff, prices, queues' where no row says queues yet):
    the person's list, their values as the column spells them; else None.
    """
    if not rx.search(
        r"\b(?:class(?:es)?|categor(?:y|ies)|labels?)\b\W*(?:\w+\W+){0,2}$", goal[:start], re.I
    ):
        return None
    said = rx.match(rf"[\w-]+(?:(?:{LIST_SEP})[\w-]+)*", goal[start:])
    if said is None:
        return None
    items = [i for i in rx.split(LIST_SEP, said.group()) if i]
    if rx.match(r"\s+\w", goal[start + said.end() :]):
        items = items[:-1]  # '..., mixed, target accuracy 0.8': the list ended before 'target'

    spelt = {v.lower(): v for v in values}
    if len(items) <= len(values) or len(items) > len(values) + 3 or len(items) > 30:
        return None
    if not set(spelt) <= {i.lower() for i in items} or len({i.lower() for i in items}) != len(
        items
    ):
        return None
    return [spelt.get(i.lower(), i) for i in items]


def _ground_label(p: Planning, args: dict[str, Any], text: str, goal: str, bare: str) -> None:
    """Bind a labeling step's text, label, id and hand-label columns from the clause (`text`)
    and the goal (`bare`: without its file names).
    """
    data_ref = args.get("data_path") or args.get("dataset")
    gold_ref = args.get("gold_path") or args.get("gold")
    data = table_profile(data_ref)
    gold = table_profile(gold_ref)
    label = args.get("label_column")
    if data is not None and args.get("text_column") not in data["names"]:
        said = text_column_said(goal, data) or _text_column_named(data, bare, label)
        if said:
            args["text_column"] = said
        elif args.get("text_column") is not None:
            args.pop("text_column")
    if gold is not None:
        join = join_columns(data, gold, goal) if data is not None else {}
        # the data's own column, said whole ('fill blank x'), is the column filled in; the gold's
        # label column of another name is only where the hand labels are read from
        if label is None and data is not None:
            said = [
                n
                for n in data["names"]
                if n not in gold["names"]
                and _plain(data, n)["label_like"]
                and _plain(data, n)["missing_share"] > 0
                and _whole_name_said(n, bare)
            ]
            if len(said) == 1:
                label = args["label_column"] = said[0]
        kept = (
            data is not None
            and label is not None
            and label in data["names"]
            and label not in gold["names"]
            and _whole_name_said(label, goal)
        )
        if label is not None and label not in gold["names"] and not kept:
            fixed = _fix(gold, label)
            if fixed:
                args["label_column"] = fixed
                label = fixed
        target = "gold_label_column" if kept else "label_column"
        if (label is None or label not in gold["names"]) and join.get("gold_label_column"):
            args[target] = join["gold_label_column"]
        elif label is None or label not in gold["names"]:
            mentioned = [n for n in columns_mentioned(gold, text) if not _plain(gold, n)["id_like"]]
            if data is not None:
                mentioned = [n for n in mentioned if n not in data["names"]] or mentioned
            others = [
                c["name"]
                for c in gold["columns"]
                if not c["id_like"] and (data is None or c["name"] not in data["names"])
            ]
            # a gold column that is also the data's label-like column is the label both share
            shared_labels = [
                n
                for n in gold["names"]
                if data is not None and n in data["names"] and _plain(data, n)["label_like"]
            ]
            choice = mentioned[0] if mentioned else (others[0] if len(others) == 1 else None)
            choice = choice if mentioned or not shared_labels else shared_labels[0]
            if choice:
                args[target] = choice
        if args.get("label_column") in gold["names"]:
            _classes(args, gold, args["label_column"], goal)
        if data is not None:
            id_col = args.get("id_column")
            if id_col is not None and id_col not in data["names"]:
                fixed = _fix(data, id_col)
                if fixed:
                    args["id_column"] = fixed
                elif id_col in gold["names"]:
                    args.pop("id_column")  # the gold file's key, said where the data's goes
                    args.setdefault("gold_id_column", id_col)
            if args.get("id_column") in data["names"] and not _id_fit(data, args["id_column"]):
                args.pop("id_column")  # a label column is never the join key
            if args.get("id_column") is None:
                shared = [n for n in gold["names"] if n in data["names"]]
                ids = [n for n in shared if _plain(data, n)["id_like"]] or [
                    n for n in shared if not _plain(data, n)["label_like"] and _id_fit(data, n)
                ]
                if len(ids) == 1 and ids[0] != args.get("label_column"):
                    args["id_column"] = ids[0]
                elif join.get("id_column"):
                    args["id_column"] = join["id_column"]
            for key in ("gold_id_column", "gold_label_column"):
                if join.get(key) and args.get(key) not in gold["names"]:
                    args[key] = join[key]
        return
    if data is None:
        return
    fixed = _fix(data, label)
    if fixed:
        args["label_column"] = fixed
        _classes(args, data, fixed, goal)
        return
    if label is not None and label in data["names"]:
        _classes(args, data, label, goal)
        return
    args.pop("label_column", None)
    partly = [c for c in data["columns"] if c["partly_filled"] and not c["text_like"]]
    mentioned = columns_mentioned(data, text)
    pick = [c["name"] for c in partly if c["name"] in mentioned]
    if len(pick) > 1:
        # 'label delay_cat ... off the delay_reason text': of two named columns with gaps, the
        # one said as the text is read, the other is filled in
        source = next(
            (
                n
                for n in pick
                if rx.search(rf"\b{re.escape(n)}\s+(?:free[- ]?)?text\b", goal, re.I)
                and not _plain(data, n)["dtype"].startswith(("float", "int"))
            ),
            None,
        )
        if source:
            pick = [n for n in pick if n != source]
            args.setdefault("text_column", source)
    if not pick and len(partly) > 1:
        pick = _partly_said(partly, data, goal, bare)
    labels = [
        c["name"]
        for c in partly
        if c["label_like"] and not c["dtype"].startswith("float") and not c["id_like"]
    ]
    if not pick and len(labels) > 1 and not label and not p.question:
        pick = _gaps_meant(partly, labels, goal)
    if not pick and len(labels) > 1 and not label and not p.question:
        # 'fill in the gaps in x.csv' where two label columns have gaps: which one is meant is
        # the person's to say (the first one is no better a guess than the second)
        p.question = (
            f"{data['dataset']} has gaps in more than one column: which should I fill in, "
            f"{' or '.join(labels[:6])}?"
        )
        return
    pick = pick or [
        c["name"]
        for c in sorted(partly, key=lambda c: c["dtype"].startswith("float"))
        if c["label_like"] or c["name"].lower() in LABEL_COLUMN_GUESSES
    ]
    if pick:
        args["label_column"] = pick[0]
        _classes(args, data, pick[0], goal)
        column = _plain(data, pick[0])
        filled = round(100 * (1 - column["missing_share"]))
        p.notes.append(
            f"hand labels: the filled-in cells of {pick[0]!r} ({filled}% of rows); "
            "the rest get labels"
        )


OUTCOME_WORD_RES = (
    # 'a cancellation model', 'the renewal predictor', 'completion risk'
    r"\b([a-z]{5,})\s+(?:model|predictor|classifier|forecast|risk|probability|likelihood|flag)s?\b",
    # 'predict cancellation', 'predicting the renewal'
    r"\bpredict(?:s|ed|ing)?\s+(?:the\s+|a\s+|an\s+)?([a-z]{5,})\b",
    # 'the risk of cancellation', 'chance of a renewal'
    r"\b(?:risk|chance|probability|likelihood|odds)\s+of\s+(?:a\s+|an\s+|the\s+)?([a-z]{5,})\b",
)
"""Where a word names the outcome a model is for (the only places another form of a column's
word is read as the label)."""
REQUEST_STEMS = (
    "train", "process", "predict", "model", "classif", "build", "learn", "machine", "random",
    "forest", "regress", "logistic", "neural", "network", "baseline", "simple", "quick", "better",
    "improv", "proper", "decent", "little", "small", "final", "first", "second", "whole",
)  # fmt: skip
"""Words of the request itself ('a training model', 'a prediction model'): no outcome."""


def outcome_words(text: str) -> str:
    """The words in an outcome's place ('a cancellation model', 'predict renewal'), joined;
    request words ('prediction model', 'training') left out.
    """
    found = [
        m.group(1)
        for pattern in OUTCOME_WORD_RES
        for m in rx.finditer(pattern, text.lower())
        if not m.group(1).startswith(REQUEST_STEMS)
    ]
    return " ".join(found)


PLAIN_ENDINGS = frozenset({"", "s", "es"})
"""A word and its plural: one word, not a form derived from it."""


def _derived_only(a: str, b: str) -> bool:
    """Another form of one stem, not the word itself ('cancellation' for cancelled, where a
    bare 'paid' would name deposit_paid by a part of its name).
    """
    ends = derived_endings(a, b)
    return ends is not None and not set(ends) <= PLAIN_ENDINGS  # 'keepers' is keeper_note's word


def _label_by_word_form(
    profile: dict[str, Any], bare: str, forms: tuple[Callable[[str, str], bool], ...] = ()
) -> list[str]:
    """The one label-like column a word of the goal (`bare`: without its file names) names in
    another form ('the pass rate' → passed_final, 'how many failed' → failed_in_year): a word of
    4+ letters that is a form of a word of the column's name; none when no column, or several,
    match.
    """
    words = {w for w in rx.findall(r"[a-z]+", bare.lower()) if len(w) >= 4}
    words -= NAME_WORDS_PLAIN
    for same in forms or (same_form, derived_form):  # 'cancellation' → cancelled: no closer form
        found = [
            c["name"]
            for c in profile["columns"]
            if c["label_like"]
            and not c["id_like"]
            and any(
                same(part, w)
                for part in rx.findall(r"[a-z]+", c["name"].lower())
                if len(part) >= 4
                for w in words
            )
        ]
        if found:
            return found if len(found) == 1 else []
    return []


def _gaps_meant(partly: list[dict[str, Any]], labels: list[str], goal: str) -> list[str]:
    """Of several label columns with gaps, the one the goal's outcome words mean ('so we know
    which are good and bad' → sentiment), when a sentence-embedding match finds it clearly best
    (`agents/meaning.py`); else none, and the planner asks.
    """
    from agents import meaning

    if not meaning.enabled("ask"):
        return []
    phrase = meaning.outcome_phrase(goal)
    if not phrase:
        return []
    columns = [c for c in partly if c["name"] in labels]
    best = meaning.clearly_best(meaning.similarities(phrase, columns))
    return [best] if best else []


def _partly_said(
    partly: list[dict[str, Any]], data: dict[str, Any], goal: str, bare: str
) -> list[str]:
    """Of several partly filled columns, the ones the goal names in another clause ('the root
    cause', "ticked 'escalated'"), else the one whose classes it says ('happy, annoyed or
    neutral'): the labels to fill in. `bare`: the goal without its file names.
    """
    named = columns_mentioned(data, bare)
    pick = [c["name"] for c in partly if c["name"] in named]
    if pick:
        return pick
    said = [
        c["name"]
        for c in partly
        if c["label_like"]
        and any(
            len(v) > 2 and rx.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", goal, re.I)
            for v in c.get("values") or list(c["top"])
        )
    ]
    return said if len(said) == 1 else []


def _text_column_named(profile: dict[str, Any], bare: str, label: Any) -> str | None:
    """The one column the goal (`bare`: without its file names) names that the data shows is
    free text ('the text to read is in the message column'): what labeling reads, whatever words
    surround it.
    """
    named = [
        n
        for n in columns_mentioned(profile, bare)
        if n != label and _plain(profile, n)["text_like"]
    ]
    return named[0] if len(set(named)) == 1 else None


# Tools whose `id_column` names the table's row ids (kept in outputs, never a feature) and the
# argument holding that table. evaluate_model is left out: its id_column is the join key to a
# separate labels file, which the model's own trained id already covers.
ID_TOOLS = {
    "train_model": "dataset",
    "predict": "dataset",
    "detect_anomalies": "dataset",
    "train_generator": "dataset",
    "label_dataset": "data_path",
    "write_labeling_functions": "data_path",
}


def bind_evident_ids(steps: list[Any]) -> None:
    """Bind `id_column` to the one column the data makes evident as its row id (`case_no`,
    `claim_ref`, `sighting_id`: `tools.profile.evident_id`) where nothing bound it yet, so the
    run reports rows by their real ids and the id is never modelled. Labeling with a separate
    gold file is left to the join rules (`_ground_label`); a column already given another role
    (label, text, a named feature) is never the id.
    """
    from tools.profile import DEFAULT_ID_NAMES, evident_id

    for step in steps:
        key = ID_TOOLS.get(step.tool)
        if key is None or step.args.get("id_column") or step.args.get("gold_path"):
            continue
        profile = table_profile(step.args.get(key))
        column = evident_id(profile) if profile is not None else None
        if column is None or column in (("id",) if key == "data_path" else DEFAULT_ID_NAMES):
            continue  # the tool's own default already takes it (labeling: only `id`)
        taken = {step.args.get("label_column"), step.args.get("text_column")}
        for name in ("text_columns", "numeric_columns", "categorical_columns"):
            value = step.args.get(name)
            if isinstance(value, list):
                taken.update(value)
        if column not in taken:
            step.args["id_column"] = column


OUTPUT_FIELDS = ("output", "output_path")
"""The input fields through which a tool is told which file to write (its declared output)."""


def output_field(tool: str) -> str | None:
    """The field of `tool`'s input model that names the file it writes, or None."""
    from tools.registry import get_tool, has_tool

    if not has_tool(tool):
        return None
    fields = get_tool(tool).input_model.model_fields
    return next((f for f in OUTPUT_FIELDS if f in fields), None)


def _step_values(args: dict[str, Any]) -> Iterator[str]:
    for value in args.values():
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (v for v in value if isinstance(v, str))


SOURCE_SAID_RE = (
    r"\b(?:like|resembl\w*|similar\s+to|based\s+on|modell?ed\s+(?:on|after)|mimic\w*|"
    r"matching|copies\s+of)\b"
    # 'that look like the no-show ones in x.csv' (no saying where to write in between)
    r"(?:(?!\b(?:save|saving|saved|write|writing|written|store|put|export|dump|output|into|"
    r"to|as|then)\b)[^.;]){0,60}?[\"'`]?"
)
"""The words before a file the rows are made like: the source, not the file they go to."""
SAVED_TO_RE = (
    r"\b(?:save|saving|saved|write|writing|written|store|stored|put|export\w*|dump\w*|output)\b"
    r"[^.;]{0,40}?\b(?:to|into|in|as)\s+[\"'`]?"
)
"""A saving verb before a file: the file is where the person asked the rows to go."""


def keep_sources_unwritten(p: Planning, goal: str) -> None:
    """A generate_synthetic step's output that is the table the rows are made like (a table the
    plan reads: the generator's data; or one the goal names after 'like': '30 fake orders that
    look like the ones in x.parquet') is unset, so the rows go to the tool's own synthetic/
    file, unless a saving verb names it as where they go ('... and save them to x.csv': then
    the tool asks before it replaces the person's file).
    """
    reads = {
        value
        for step in p.steps
        if step.tool != "generate_synthetic"
        for key, value in step.args.items()
        if key in ("dataset", "data_path") and isinstance(value, str)
    }
    for step in p.steps:
        out = step.args.get("output")
        if step.tool != "generate_synthetic" or not isinstance(out, str):
            continue
        name = re.escape(out) + r"(?![\w.-])"
        source = out in reads or rx.search(SOURCE_SAID_RE + name, goal, re.I)
        if source and not rx.search(SAVED_TO_RE + name, goal, re.I):
            step.args.pop("output")


def bind_unwritten_outputs(p: Planning, goal: str) -> None:
    """A file the goal names that is not in the workspace and that no step reads or writes is
    the file a writing step was asked to make ('probs to scored.parquet', 'in the file x.csv',
    'persist to rules.json'): it becomes that step's output. The step whose clause names the
    file gets it; else the plan's one writing step still without an output. A labeling-function
    set is written as .json, a table as a table.
    """
    from agents.slots import FILE_RE

    named = list(dict.fromkeys(FILE_RE.findall(goal)))
    if not named or not p.steps:
        return
    there = set(workspace_files())
    _read_as_written(p, named, there)
    used = {v for step in p.steps for v in _step_values(step.args)}
    loose = [f for f in named if f not in used and f not in there and not is_hidden(f)]
    if not loose:
        return
    writers = [
        (step, field)
        for step in p.steps
        # a save's `path` is the table it writes, though no declared output field names it
        if (field := output_field(step.tool) or ("path" if step.tool == "save_table" else None))
    ]
    open_steps = [(s, f) for s, f in writers if not s.args.get(f)]
    # An output the goal never named and that is not there (a name made up beside the input,
    # 'x_copy.csv'), or a file some step of the plan reads (a write over the person's input):
    # a named new file goes to such a step when no step without an output takes it.
    made_up = [
        (s, f)
        for s, f in writers
        if isinstance(out := s.args.get(f), str)
        and (
            (out not in there and out not in named)
            or any(
                out == v
                for other in p.steps
                for k, v in other.args.items()
                if not (other is s and k == f)
            )
        )
    ]
    for name in loose:
        for steps in (open_steps, made_up):
            fits = [(s, f) for s, f in steps if _writes_kind(s.tool, name)]
            said = [(s, f) for s, f in fits if name in (s.why or "")]
            chosen = said[:1] if said else (fits if len(fits) == 1 and len(loose) == 1 else [])
            if chosen:
                step, field = chosen[0]
                step.args[field] = name
                suffix = name.rsplit(".", 1)[-1].lower()
                if steps is made_up and "format" in step.args and suffix in TABLE_FORMATS:
                    step.args["format"] = suffix  # the format the new name says
                open_steps = [(s, f) for s, f in open_steps if s is not step]
                made_up = [(s, f) for s, f in made_up if s is not step]
                break


TABLE_FORMATS = ("csv", "jsonl", "parquet")


def _writes_kind(tool: str, name: str) -> bool:
    """Whether a file named `name` is the kind `tool` writes (rules as .json, else a table)."""
    if tool == "write_labeling_functions":
        return name.lower().endswith(".json")
    return bool(TABLE_SUFFIX.search(name))


def _read_as_written(p: Planning, named: list[str], there: set[str]) -> None:
    """'..., give me the file preds.csv' read as the rows to predict: a prediction whose input is
    a named file that is not there and that no earlier step writes, and that has no output yet,
    writes that file; it reads the goal's one named table no step reads, else (for 'all the
    rows') the rows its model learned from.
    """
    for index, step in enumerate(p.steps):
        data = step.args.get("dataset")
        if step.tool != "predict" or step.args.get("output") or not isinstance(data, str):
            continue
        if data in there or data not in named or "${" in data:
            continue
        if any(data in _step_values(s.args) for s in p.steps[:index]):
            continue  # written by an earlier step
        read = {v for s in p.steps for v in _step_values(s.args)}
        unread = [f for f in named if f in there and f not in read and TABLE_SUFFIX.search(f)]
        source = unread[0] if len(unread) == 1 else None
        model = str(step.args.get("model", ""))
        trained = rx.search(r"^\$\{steps\.(\d+)\.model_path\}$", model)
        if source is None and trained and rx.search(r"\b(?:all|every|each)\b", p.goal or "", re.I):
            learned = p.steps[int(trained.group(1))].args.get("dataset")
            source = learned if isinstance(learned, str) and learned in there else None
        if source is not None:
            step.args["dataset"], step.args["output"] = source, data


HAND_DONE_RE = re.compile(
    r"\b(?:by hand|hand[- ]?(?:labels?|labell?ed|tags?|tagged|sorted|coded)|gold|"
    r"review(?:er|ers|ed)\b|verdicts?|annotat\w*|already\s+(?:did|done|labell?ed|tagged|sorted)|"
    r"did\s+(?:a\s+few|some|the\s+first)|(?:tagged|labell?ed|sorted)\s+(?:a\s+few|some)|"
    r"(?:a\s+few|some)\s+(?:\w+\s+)?(?:tagged|labell?ed|sorted|done))",
    re.I,
)
"""Words saying some rows were labeled by people ('a few I did by hand', 'the reviewer gold',
'the ones Lena already did', 'the TAs did a few')."""


def _data_without_gold(args: dict[str, Any]) -> tuple[str, str, dict[str, Any]] | None:
    """(its argument, its name, its profile) of a labeling step's data table when the step
    names no hand labels yet; None when it does or its data is no readable table.
    """
    key = "data_path" if "data_path" in args else "dataset"
    data_ref = args.get(key)
    if args.get("gold_path") or args.get("gold") or not isinstance(data_ref, str):
        return None
    data = table_profile(data_ref)
    return None if data is None else (key, data_ref, data)


def _workspace_gold(args: dict[str, Any], goal: str) -> None:
    """Hand labels the goal speaks of without naming their file: the one workspace table shaped
    like hand labels for the data (a key it shares, a label the data lacks, fewer rows). When the
    step's data is itself such a table ('label the reviews from our hand tags' read as the tags
    file), the table it labels is the data and it is the gold.
    """
    found = _data_without_gold(args)
    if found is None:
        return
    key, data_ref, data = found
    if not HAND_DONE_RE.search(goal):
        # 'label every report, the checked ones are in x.csv': the one table named is a key and
        # a complete label for another table, nothing in it is left to label; that table is the
        # data, whatever words the goal uses for the labels
        labeled = labeled_by(data_ref, data, workspace_files()) if only_labels(data) else []
        if len(labeled) > 1:
            labeled = _described_among(goal, labeled)
        if len(labeled) == 1:
            args[key], args["gold_path" if key == "data_path" else "gold"] = labeled[0], data_ref
        return
    if any(c["partly_filled"] and c["label_like"] for c in data["columns"]):
        return  # the hand labels are the data's own partly filled column
    others = [
        (name, profile)
        for name in workspace_files()
        if name != data_ref and TABLE_SUFFIX.search(name) and not is_hidden(name)
        for profile in [table_profile(name)]
        if profile is not None and shares_key(profile, data)
    ]
    golds = [name for name, profile in others if labels_shaped(profile, data)]
    if len(golds) == 1:
        args[key], args["gold_path" if key == "data_path" else "gold"] = data_ref, golds[0]
        return
    labeled = [name for name, profile in others if labels_shaped(data, profile)]
    if not golds and len(labeled) > 1:
        labeled = _described_among(goal, labeled)
    if not golds and len(labeled) == 1:
        args[key], args["gold_path" if key == "data_path" else "gold"] = labeled[0], data_ref


NAME_WORDS_PLAIN = frozenset(
    "the and for with from into csv tsv parquet json jsonl data file files list sheet table new "
    "old final all copy output export set latest current clean cleaned records rows row results "
    "result review reviews info test train holdout sample labels label labelled labeled by of "
    "to in on v".split()
)
"""Words of a file's name too common in requests to say which file is meant ('show me the
results', 'review the labels')."""


def _gold_by_words(args: dict[str, Any], goal: str) -> None:
    """Hand labels the goal names by the words of their file's name rather than by the name:
    'off the checked labels file' (topics_checked.csv), 'against the hand-checked file'
    (verdicts_handchecked.csv), 'use the lab results' (lab_results.csv). A workspace table
    shaped like hand labels for the data (a shared key, a label the data lacks or has only
    partly, fewer rows) is the gold when a word of the goal matches a word of its name that
    neither the data's name nor the data's columns have (those say the data, not its labels),
    and exactly one such table matches. Said so, it is the gold even where the data has a
    partly filled column of its own: the person pointed at another file.
    """
    from agents.slots import FILE_RE

    found = _data_without_gold(args)
    if found is None:
        return
    key, data_ref, data = found
    text = FILE_RE.sub(" ", goal).lower()
    words = rx.findall(r"[a-z]+", text)
    said = set(words) | {a + b for a, b in itertools.pairwise(words)}  # 'hand-checked'
    own = set(name_words(data_ref)) | {
        w for n in data["names"] for w in rx.findall(r"[a-z]+", n.lower())
    }
    found = []
    for name in workspace_files():
        if name == data_ref or not TABLE_SUFFIX.search(name) or is_hidden(name):
            continue
        tokens = [
            t
            for t in name_words(name)
            if t.isalpha()
            and (len(t) >= 3)
            and t not in NAME_WORDS_PLAIN
            and not any(same_form(t, o) for o in own)
        ]
        if not tokens or not any(same_form(t, w) for t in tokens for w in said if len(w) >= 3):
            continue
        profile = table_profile(name)
        if profile is None or not shares_key(profile, data) or not labels_shaped(profile, data):
            continue
        # a word that is a whole column name of the table names its label ('rules for mood'
        # beside visit_moods_by_hand.csv), not the file
        whole = {c["name"].lower() for c in profile["columns"]}
        tokens = [t for t in tokens if not any(same_form(t, w) for w in whole)]
        if any(same_form(t, w) for t in tokens for w in said if len(w) >= 3):
            found.append(name)
    if len(found) == 1:
        args["gold_path" if key == "data_path" else "gold"] = found[0]


def _described_among(goal: str, tables: list[str]) -> list[str]:
    """Of several tables a hand-label file could label, the one the goal's words describe
    ('label the open claims ... using siu.csv' with open_claims.csv beside claims_2023.csv);
    all of them when the words pick none or several.
    """
    picked = described_files(goal, tables, columns=False)
    return picked if len(picked) == 1 else tables


TOTAL_RE = (
    r"\b(?:total(?:s|led|ed)?|sum(?:s|med)?|in\s+all|altogether|combined|added\s+up|add\s+up)\b"
)
"""Words asking a quantity's total ('total revenue', 'sum of hours', 'hours in all')."""
NOT_TOTAL_RE = r"\b(?:average|avg|mean|median|typical|per\s+(?:row|entry|record))\b"
"""Words asking another figure than the total ('average rent', 'hours per row')."""


def quantity_per(profile: dict[str, Any], text: str, column: str | None = None) -> bool:
    """Whether the words say a number column, then (a word later) 'per' ('tickets sold per
    show', 'revenue per show'): that quantity broken down, its total per group. `column`:
    that column only; else any of the table's number columns.
    """
    names = [column] if column is not None else list(profile["names"])
    return any(
        number_column(profile, name)
        and rx.search(rx.column_words(str(name)) + r"\s+(?:[a-z]+\s+)?per\s+\w", text, re.I)
        for name in names
    )


def number_column(profile: dict[str, Any], name: str | None) -> bool:
    """Whether column `name` of the profiled table holds numbers to add up (not a key)."""
    column = next((c for c in profile["columns"] if c["name"] == name), None)
    return bool(
        column is not None
        and column["dtype"].startswith(("int", "float", "uint"))
        and not column["id_like"]
    )


def asks_total(profile: dict[str, Any], text: str, column: str | None) -> bool:
    """Whether the words ask the total of number column `column`: 'total revenue by show',
    'sum of hours per role', 'hours in all', or a count of the quantity itself ('how many
    volunteer hours per role', 'how much revenue'); not 'average rent by building', and not
    'how many tickets per channel' when no number column is what is counted.
    """
    if not number_column(profile, column):
        return False
    bare = _without_files(text)
    if rx.search(NOT_TOTAL_RE, bare, re.I):
        return False
    # 'total charges by contract' names total_charges: its 'total' asks no sum of it
    named = bare
    for name in profile["names"]:
        if len(rx.findall(r"[A-Za-z]+|\d+", str(name))) > 1:
            named = rx.sub(rx.column_words(str(name)), " ", named, flags=re.I)
    if rx.search(TOTAL_RE, named, re.I) or quantity_per(profile, bare, column):
        return True
    # 'how many (volunteer) hours', 'the number of tickets sold': the column's own amount
    counted = rx.search(
        r"\b(?:how\s+many|how\s+much|number\s+of|amount\s+of)\s+(?:[\w.-]+\s+){0,3}?"
        + rx.column_words(str(column)),
        bare,
        re.I,
    )
    if counted is None:
        # 'which show sold the most tickets', 'the fewest hours': the quantity's total ranks
        counted = rx.search(
            r"\b(?:the\s+)?(?:most|fewest)\s+(?:[\w.-]+\s+){0,2}?" + rx.column_words(str(column)),
            bare,
            re.I,
        )
    return counted is not None


def total_column(profile: dict[str, Any], text: str, skip: set[str | None]) -> str | None:
    """The number column a total names ('how many hours did Maria G. do in total' → hours):
    the first one the words name, or the one quantity named by a part of its name; None when
    no total is asked or no number column is named.
    """
    bare = _without_files(text)
    named = [
        n for n in columns_mentioned(profile, bare) if n not in skip and number_column(profile, n)
    ]
    if not named and (part := quantity_by_part(profile, bare, {s for s in skip if s})):
        named = [part]
    return next((n for n in named if asks_total(profile, text, n)), None)


def value_named(profile: dict[str, Any], text: str, skip: set[str | None]) -> dict[str, Any]:
    """The rows a total is of when the words name a value of one column alone, with no column
    before it ('how many hours did Maria G. do in total' → volunteer = Maria G.); {} when no
    value, or one several columns hold, is said. Values of 3 characters or more, not numbers.
    """
    lower = _without_files(text).lower()
    owners: dict[str, list[tuple[str, str]]] = {}
    for column in profile["columns"]:
        if column["name"] in skip or column["text_like"] or column["id_like"]:
            continue
        for value in column.get("values") or list(column.get("top") or {}):
            if len(value.strip()) >= 3 and _as_float(value) is None:
                owners.setdefault(value.strip().lower(), []).append((column["name"], value))
    said = [
        found[0]
        for key, found in owners.items()
        # 'Maria G.' at a sentence's end loses its full stop when the goal is split
        if len(found) == 1 and rx.search(rf"(?<!\w){re.escape(key.rstrip('.'))}\.?(?![\w.])", lower)
    ]
    # a longer value said wins over one inside it ('Maria G.' over 'Maria')
    said.sort(key=lambda hit: -len(hit[1]))
    return {said[0][0]: said[0][1]} if said else {}


def _as_float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None
