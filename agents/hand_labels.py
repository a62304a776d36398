"""Hand-label shapes: a table's profile by a step's reference, and whether one table is hand
labels for another (a shared key, a label the other lacks, fewer rows).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from agents.columns import looks_id, squashed
from store.workspace import is_hidden
from tools.profile import profile_table
from tools.tabular import TABLE_SUFFIX_RE


def table_profile(ref: Any) -> dict[str, Any] | None:
    """The profile of the table a step argument names; None for no name, a `${steps...}`
    reference (written by an earlier step, not there yet) or an unreadable file.
    """
    if not isinstance(ref, str) or "${" in ref:
        return None
    return profile_table(ref)


def labels_shaped(gold: dict[str, Any], data: dict[str, Any]) -> bool:
    """A table shaped like hand labels for the data: two or three columns, one a key, one a label
    the data does not have, and fewer rows than the data.
    """
    if not 2 <= len(gold["names"]) <= 3 or gold["rows"] >= data["rows"]:
        return False
    keys = [c for c in gold["columns"] if c["id_like"] or looks_id(c["name"])]
    partly = {c["name"] for c in data["columns"] if c["partly_filled"]}
    labels = [
        c
        for c in gold["columns"]
        if c["label_like"] and (c["name"] not in data["names"] or c["name"] in partly)
    ]
    return bool(keys) and bool(labels)


def only_labels(table: dict[str, Any]) -> bool:
    """A table of a key and complete labels: two columns, one id-like, one label-like with no
    gaps (nothing in it is left to label).
    """
    columns = table["columns"]
    keys = [c for c in columns if c["id_like"] or looks_id(c["name"])]
    labels = [c for c in columns if c["label_like"] and not c["partly_filled"] and c not in keys]
    return len(columns) == 2 and len(keys) == 1 and len(labels) == 1


def shares_key(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two tables share an id-like column (names compared without case and '_')."""
    keys = {squashed(c["name"]) for c in a["columns"] if c["id_like"] or looks_id(c["name"])}
    return bool(keys & {squashed(n) for n in b["names"]})


def labeled_by(name: str, table: dict[str, Any], files: Iterable[str]) -> list[str]:
    """The tables among `files` (the workspace's, `grounding.workspace_files()`) that `table`
    (named `name`) is shaped like hand labels for; hidden files and documents skipped.
    """
    return [
        other
        for other in files
        if other != name and TABLE_SUFFIX_RE.search(other) and not is_hidden(other)
        for profile in [table_profile(other)]
        if profile is not None and shares_key(table, profile) and labels_shaped(table, profile)
    ]


def data_of_labels(args: dict[str, Any], files: Iterable[str]) -> bool:
    """A labeling step (`label_dataset`, `apply_labeling_functions`) reading a table of hand
    labels as its data ('label the complaints with the checked file', 'check my rules on the
    reviewed reports', the described file bound to the step's data): the one table those labels
    are for (a shared key, a label it lacks or has gaps in, more rows) becomes the data and the
    labels its gold. A table with free text is data whatever its shape (rules read text). A gold
    already bound stays when it shares a key with the step's table; one that joins nothing (a
    file found from words: 'some are done by hand in a separate file') is replaced. Returns
    whether it moved.
    """
    key = "data_path" if "data_path" in args else "dataset"
    name = args.get(key)
    gold = args.get("gold_path") or args.get("gold")
    if not isinstance(name, str):
        return False
    table = table_profile(name)
    if table is None or any(c["text_like"] for c in table["columns"]):
        return False
    if gold is not None:
        bound = table_profile(gold)
        if bound is None or shares_key(bound, table):
            return False
    found = labeled_by(name, table, files)
    data = table_profile(found[0]) if len(found) == 1 else None
    if data is None:
        return False
    for joined in ("gold", "gold_id_column", "gold_label_column"):
        args.pop(joined, None)  # the join of a replaced gold
    args[key], args["gold_path"] = found[0], name
    for column in ("label_column", "id_column", "text_column"):
        if args.get(column) not in (None, *data["names"]):
            args.pop(column)  # a column of the labels, not of the data
    return True
