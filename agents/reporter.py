"""The built-in reporter: writes the answer message of a turn from its plan and step results.

Every tool's line shows its key result (paths, counts, the metric the person named first),
with a warning when an output is degenerate (an empty split, a target far from met, a model
no better than the majority class). The plan's `asked`, `notes`, `answer`, `suggestions` and
each step's `repairs` are shown as they are.
"""

from __future__ import annotations

import re
from typing import Any

LIST_KEYS = ("results", "datasets", "items", "models", "suggestions", "configs", "chunks")

METRIC_ORDER = (
    "auc",
    "f1_macro",
    "accuracy",
    "precision_macro",
    "recall_macro",
    "log_loss",
    "r2",
    "mae",
    "rmse",
    "quality",
    "coverage",
)
"""Metric keys shown, in this order unless the person asked for one first."""

METRIC_ALIASES: dict[str, str] = {
    "f1": "f1_macro",
    "macro_f1": "f1_macro",
    "f1_macro": "f1_macro",
    "f1_score": "f1_macro",
    "precision": "precision_macro",
    "precision_macro": "precision_macro",
    "recall": "recall_macro",
    "recall_macro": "recall_macro",
    "accuracy": "accuracy",
    "acc": "accuracy",
    "auc": "auc",
    "roc_auc": "auc",
    "log_loss": "log_loss",
    "logloss": "log_loss",
    "cross_entropy": "log_loss",
    "quality": "quality",
    "coverage": "coverage",
    "mae": "mae",
    "mean_absolute_error": "mae",
    "rmse": "rmse",
    "root_mean_squared_error": "rmse",
    "r2": "r2",
    "r²": "r2",
    "r^2": "r2",
    "r_squared": "r2",
    "rsquared": "r2",
}

METRIC_NAMES: dict[str, str] = {
    "auc": "AUC",
    "f1_macro": "F1 (macro)",
    "accuracy": "accuracy",
    "precision_macro": "precision (macro)",
    "recall_macro": "recall (macro)",
    "log_loss": "log loss",
    "quality": "quality",
    "coverage": "coverage",
    "r2": "R²",
    "mae": "MAE",
    "rmse": "RMSE",
}

_WHERE = {
    "heldout": "held-out hand labels",
    "validation": "the validation split",
    "test": "the test set",
    "dev": "the dev hand labels",
}
CHANCE_MARGIN = 0.01
"""A model within this accuracy of the majority-class baseline is no better than it."""
FAR_FROM_TARGET = 0.1
"""A target missed by this much (absolute) or more is called far from met."""


def output_metrics(output: dict[str, Any]) -> dict[str, float]:
    """A tool output's figures by name: its own numbers, then its `metrics`, then its best
    attempt's (the first found wins); what the thread memory keeps of a result.
    """
    found: dict[str, float] = {}
    for source in (output, output.get("metrics"), (output.get("best") or {}).get("metrics")):
        if isinstance(source, dict):
            for key, value in source.items():
                if isinstance(value, int | float) and not isinstance(value, bool):
                    found.setdefault(str(key), float(value))
    return found


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def canonical(name: str) -> str | None:
    """The metric key for a name a person uses ('F1' → 'f1_macro'), or None."""
    key = str(name).strip().lower().replace("-", "_").replace(" ", "_")
    return METRIC_ALIASES.get(key)


def asked_metrics(plan: dict[str, Any] | None) -> list[str]:
    """The metric keys the person named (`plan["asked"]["metric"]`, a name or a list)."""
    asked = (plan or {}).get("asked") or {}
    if not isinstance(asked, dict):
        return []
    raw = asked.get("metric") or asked.get("metrics") or []
    names = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
    keys = [canonical(n) or str(n) for n in names]
    return list(dict.fromkeys(keys))


def _from_confusion(metrics: dict[str, Any], key: str) -> float | None:
    """F1, precision, recall or accuracy worked out from a confusion matrix, when one is there."""
    confusion = metrics.get("confusion_matrix")
    matrix = confusion.get("matrix") if isinstance(confusion, dict) else None
    if not isinstance(matrix, list) or not matrix:
        return None
    k = len(matrix)
    total = sum(sum(row) for row in matrix)
    if total == 0:
        return None
    if key == "accuracy":
        return sum(matrix[i][i] for i in range(k)) / total
    precision, recall, f1 = [], [], []
    for c in range(k):
        support = sum(matrix[c])
        if support == 0:
            continue  # macro over the classes present, as evaluate_model does
        tp = matrix[c][c]
        predicted = sum(matrix[r][c] for r in range(k))
        p = tp / predicted if predicted else 0.0
        r = tp / support
        precision.append(p)
        recall.append(r)
        f1.append(2 * p * r / (p + r) if p + r else 0.0)
    series = {"precision_macro": precision, "recall_macro": recall, "f1_macro": f1}.get(key)
    return sum(series) / len(series) if series else None


def metric_values(metrics: dict[str, Any], asked: list[str]) -> tuple[list[str], list[str]]:
    """(shown `name=value` parts, asked-first; notes on asked metrics that are not there)."""
    values = {k: metrics[k] for k in METRIC_ORDER if _number(metrics.get(k))}
    for alias, key in (("f1", "f1_macro"), ("macro_f1", "f1_macro")):
        if key not in values and _number(metrics.get(alias)):
            values[key] = metrics[alias]
    notes: list[str] = []
    computed: set[str] = set()
    for key in asked:
        if key in values:
            continue
        worked = _from_confusion(metrics, key)
        if worked is not None:
            values[key] = round(worked, 6)
            computed.add(key)
            continue
        name = METRIC_NAMES.get(key, key)
        have = ", ".join(METRIC_NAMES[k] for k in values) or "no metric"
        notes.append(f"{name} is not available for this output (it has: {have})")
    order = [k for k in asked if k in values] + [k for k in values if k not in asked]
    shown = [
        f"{METRIC_NAMES.get(k, k)}={_fmt(values[k])}"
        + (" (from the confusion matrix)" if k in computed else "")
        for k in order
    ]
    return shown, notes


def _where(metrics: dict[str, Any], output: dict[str, Any]) -> str:
    where = metrics.get("measured_on") or output.get("split")
    if where == "given" and isinstance(output.get("dataset"), str):
        where = output["dataset"].rsplit("/", 1)[-1]
    where = _WHERE.get(where, where)
    count = metrics.get("n_labels") or metrics.get("n")
    if not where:
        return ""
    return f" (on {where}" + (f", {count} labeled rows" if count else "") + ")"


def _list_lines(items: list[Any], limit: int = 10) -> list[str]:
    lines = []
    for i, item in enumerate(items[:limit], 1):
        if isinstance(item, dict):
            name = item.get("id") or item.get("name") or item.get("title") or "?"
            extra = [
                f"{k}={_fmt(item[k])}"
                for k in ("source", "downloads", "likes", "voteCount", "rows", "size")
                if item.get(k) not in (None, "")
            ]
            desc = str(item.get("description") or "")[:80]
            line = f"  {i}. {name}" + (f" ({', '.join(extra)})" if extra else "")
            lines.append(line + (f" — {desc}" if desc else ""))
        else:
            lines.append(f"  {i}. {item}")
    if len(items) > limit:
        lines.append(f"  … and {len(items) - limit} more")
    return lines


def _counts(counts: dict[str, Any], limit: int = 8) -> str:
    items = list(counts.items())
    text = ", ".join(f"{k}: {v}" for k, v in items[:limit])
    return text + (f", … +{len(items) - limit}" if len(items) > limit else "")


# ----- one summary per tool ------------------------------------------------------------------
COLUMNS_SHOWN = 30


def _inspect(output: dict[str, Any], asked: list[str]) -> list[str]:
    cols = output.get("columns", [])
    names = ", ".join(f"{c['name']} ({c['dtype']})" for c in cols[:COLUMNS_SHOWN])
    more = len(cols) - COLUMNS_SHOWN
    lines = [f"  {output.get('rows')} rows; columns: {names}" + (f" … +{more}" if more > 0 else "")]
    if isinstance(output.get("statistic"), dict):  # 'hours in total for Maria G.': first
        lines.insert(0, _statistic_line(output["statistic"]))
    if isinstance(output.get("filtered"), dict):  # 'for route A': every figure below is of those
        lines.insert(0, _filter_line(output["filtered"]))
        lines.extend(_few_rows_lines(output))
    if isinstance(output.get("groups"), dict):  # what was asked first: 'delay by route'
        lines.extend(_group_lines(output["groups"]))
    if isinstance(output.get("merged_spellings"), dict):  # 'dog', 'Dog', 'dog ': one group
        lines.extend(_merged_lines(output["merged_spellings"]))
    partly = [f"{c['name']} ({c['missing']})" for c in cols if c.get("missing")]
    missing = f"  missing values: {output.get('missing_total', 0)}"
    lines.append(missing + (f" — in {', '.join(partly[:8])}" if partly else ""))
    rows = output.get("rows")
    filled = [
        f"{c['name']} {rows - c['missing']} of {rows}"
        for c in cols
        if isinstance(rows, int) and c.get("missing") and c["missing"] > rows / 2
    ]
    if filled:  # a mostly empty column is one being filled in: 'how many have a sentiment?'
        lines.append(f"  filled in: {', '.join(filled[:8])}")
    label = output.get("label_column")
    numbers = (output.get("numeric_summary") or {}).get(label) if label else None
    if not isinstance(numbers, dict):
        numbers = None
    if output.get("label_distribution") and not (numbers and numbers.get("continuous")):
        dist = _counts(output["label_distribution"], 10)
        lines.append(f"  label '{label}': {dist}")
    if numbers:  # a quantity's figures, not its value counts ('the average of delay')
        lines.append(f"  '{label}': {_number_summary(numbers)}")
    classes = output.get("value_counts")
    if isinstance(classes, dict):  # 'what's the breakdown?': the label-like columns' values
        for name, counts in list(classes.items())[:4]:
            if isinstance(counts, dict) and counts:
                lines.append(f"  values of '{name}': {_counts(counts, 12)}")
    return lines


def _few_rows_lines(output: dict[str, Any]) -> list[str]:
    """The rows themselves when a filter kept only a few ('the ones from truck TR-02': 2 rows),
    shown as a preview shows them.
    """
    sample = output.get("sample")
    kept = (output.get("filtered") or {}).get("rows")
    if not isinstance(sample, list) or not sample or not isinstance(kept, int):
        return []
    if kept > PREVIEW_ROWS_SHOWN or len(sample) < kept or not isinstance(sample[0], dict):
        return []
    columns = list(sample[0])
    rows = [[r.get(c) for c in columns] for r in sample if isinstance(r, dict)]
    shown = _preview({"rows": rows, "columns": columns, "offset": 0, "total": kept}, [])
    return ["  the rows:", *shown[1:]]


WHERE_VALUES_LISTED = 5
"""The most values of one filtered column the answer names ('A or B or …')."""


def _filter_line(filtered: dict[str, Any]) -> str:
    """'rows where route = A and status = late or early: 37 of 512' (a note when none met all)."""
    parts = []
    for column, wanted in (filtered.get("where") or {}).items():
        if isinstance(wanted, dict):  # 'bedrooms > 4', 'status is not closed'
            parts.append(_condition_words(str(column), wanted))
            continue
        parts.append(f"{column} = {_listed(wanted)}")
    line = f"  rows where {' and '.join(parts)}: {filtered.get('rows')} of {filtered.get('of')}"
    return line + (f" ({filtered['note']})" if filtered.get("note") else "")


def _listed(wanted: Any, sep: str = " or ", quoted: bool = False) -> str:
    """Values as an answer says them: 'A or B or …' (at most WHERE_VALUES_LISTED named)."""
    values = [
        repr(v) if quoted else str(v) for v in (wanted if isinstance(wanted, list) else [wanted])
    ]
    more = f"{sep}…" if len(values) > WHERE_VALUES_LISTED else ""
    return sep.join(values[:WHERE_VALUES_LISTED]) + more


def _bound(number: Any) -> str:
    """A bound as a person writes it: 4 not 4.0, 1500 not 1.5e+03."""
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return str(number)


def _condition_words(column: str, ops: dict[str, Any]) -> str:
    """'bedrooms > 4', 'rent between 1000 and 2000', 'status is not closed', 'review contains
    'refund' or 'return'': a condition object of a `where` filter in words.
    """
    parts = []
    if "ge" in ops and "le" in ops:
        parts.append(f"between {_bound(ops['ge'])} and {_bound(ops['le'])}")
    else:
        signs = {"gt": ">", "ge": "≥", "lt": "<", "le": "≤"}
        parts += [f"{sign} {_bound(ops[op])}" for op, sign in signs.items() if op in ops]
    if "contains" in ops:
        parts.append(f"contains {_listed(ops['contains'], quoted=True)}")
    if "ne" in ops:
        many = isinstance(ops["ne"], list) and len(ops["ne"]) > 1
        parts.append(f"is {'none of' if many else 'not'} {_listed(ops['ne'], ', ')}")
    return f"{column} {' and '.join(parts)}"


GROUPS_LISTED = 12
"""The most groups a grouped look lists, one line each."""


STATISTIC_SAID = {"sum": "total", "min": "lowest", "max": "highest", "count": "rows"}
STATISTIC_ORDER = {"rows": "most first", "max": "highest first", "min": "highest minimum first"}
"""How the groups of a statistic are ordered, said ('highest highest first' was said for max)."""
"""How the answer says a statistic asked of a column ('total of hours')."""


def _figure(value: float) -> str:
    """A total as a person writes it: '41,230', '12.5', '0.333'."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0")


def _statistic_line(figure: dict[str, Any]) -> str:
    """'total of hours: 23.5 (9 values)': the figure asked of the rows kept."""
    name = str(figure.get("name"))
    value = figure.get("value")
    shown = _figure(float(value)) if _number(value) else "no numbers"
    if name == "count":
        column = figure.get("column")
        return f"  rows with '{column}': {shown}" if column else f"  rows: {shown}"
    said = STATISTIC_SAID.get(name, name)
    return f"  {said} of '{figure.get('column')}': {shown} ({figure.get('count', 0)} values)"


def _merged_lines(merged: dict[str, Any]) -> list[str]:
    """'species: dog also written Dog, DOG, 'dog '': spellings counted as one value."""
    lines = []
    for column, values in list(merged.items())[:4]:
        if not isinstance(values, dict):
            continue
        said = [
            f"{shown} also written {', '.join(_spelling(v) for v in others[:6])}"
            + (" …" if len(others) > 6 else "")
            for shown, others in list(values.items())[:6]
            if isinstance(others, list)
        ]
        more = f"; … +{len(values) - 6} more" if len(values) > 6 else ""
        lines.append(f"  {column}: {'; '.join(said)}{more} (counted as one)")
    return lines


def _spelling(value: Any) -> str:
    """A spelling as written, quoted when its outer spaces are what differ ('dog ')."""
    text = str(value)
    return f"'{text}'" if text != text.strip() or not text else text


def _group_lines(groups: dict[str, Any]) -> list[str]:
    """'delay' by 'route' (3 groups, highest mean first) and a line per group: its figures, its
    classes' counts and shares, or its rows; a statistic asked ('total of total by show') leads
    with its figure per group, in one line.
    """
    by, column, kind = groups.get("by"), groups.get("column"), groups.get("kind")
    listed = [g for g in groups.get("groups") or [] if isinstance(g, dict)]
    total = groups.get("group_count") or len(listed)
    statistic = groups.get("statistic")
    if kind == "numbers" and statistic in ("sum", "median", "min", "max", "count"):
        key = "rows" if statistic == "count" else str(statistic)
        said = STATISTIC_SAID.get(key, key)
        figures = "; ".join(
            f"{g['value']} {_figure(float(g[key])) if _number(g.get(key)) else 'no numbers'}"
            for g in listed[:GROUPS_LISTED]
        )
        more = total - min(len(listed), GROUPS_LISTED)
        head = f"rows by '{by}'" if key == "rows" else f"{said} of '{column}' by '{by}'"
        return [
            f"  {head} ({total} groups, {STATISTIC_ORDER.get(key, 'highest ' + said + ' first')}): "
            f"{figures}" + (f"; … +{more} more groups" if more > 0 else "")
        ]
    order = {"numbers": ", highest mean first", "classes": ", most rows first"}.get(str(kind), "")
    head = f"'{column}' by '{by}'" if column else f"rows by '{by}'"
    lines = [f"  {head} ({total} groups{order}):"]
    if kind == "rows":
        lines[0] += " " + ", ".join(f"{g['value']} {g['rows']}" for g in listed[:GROUPS_LISTED])
    for group in listed[:GROUPS_LISTED] if kind != "rows" else []:
        if kind == "numbers":
            figures = ", ".join(
                f"{k} {_fmt(float(group[k]))}"
                for k in ("mean", "median", "min", "max")
                if _number(group.get(k))
            )
            lines.append(
                f"    {group['value']}: {figures or 'no numbers'} ({group.get('count', 0)} values"
                f" of {group['rows']} rows)"
            )
        else:
            shares = group.get("shares") or {}
            counts = ", ".join(
                f"{v} {c}" + (f" ({shares[v]:.0%})" if v in shares else "")
                for v, c in (group.get("counts") or {}).items()
            )
            lines.append(f"    {group['value']} ({group['rows']} rows): {counts}")
    if total > min(len(listed), GROUPS_LISTED):
        lines.append(f"    … +{total - min(len(listed), GROUPS_LISTED)} more groups")
    return lines


def _number_summary(summary: dict[str, Any]) -> str:
    """'mean 12.400, median 11.000, min 0.000, max 95.000, std 8.100 (184 values, 66 missing)'."""
    figures = ", ".join(
        f"{k} {_fmt(float(summary[k]))}"
        for k in ("mean", "median", "min", "max", "std")
        if _number(summary.get(k))
    )
    counts = [f"{summary.get('count')} values", f"{summary.get('missing')} missing"]
    if summary.get("infinite"):
        counts.append(f"{summary['infinite']} infinite, left out")
    if summary.get("not_numbers"):
        counts.append(f"{summary['not_numbers']} not numbers, left out")
    return (figures or "no numbers to summarise") + f" ({', '.join(counts)})"


def _local_listing(output: dict[str, Any], asked: list[str]) -> list[str]:
    data = output.get("datasets") or []
    made = output.get("outputs") or []
    lines = [f"  {len(data)} datasets:"]
    lines.extend(_list_lines(data, limit=15))
    docs = output.get("documents") or []
    if docs:  # prose, not tables: what chunk_documents and generate_qa work from
        count = output.get("document_count") or len(docs)
        lines.append(f"  {count} documents (to chunk and make QA pairs from):")
        lines.extend(_list_lines(docs, limit=15))
    if made:
        tools = sorted({str(o.get("tool")) for o in made if o.get("tool")})
        by = f" (by {', '.join(tools[:6])})" if tools else ""
        lines.append(f"  and {len(made)} outputs of earlier runs{by}, listed apart")
    if output.get("hint"):
        lines.append(f"  {output['hint']}")
    misplaced = output.get("misplaced")
    if isinstance(misplaced, int) and misplaced > 0:  # put in FORGEFLOW_HOME itself
        lines.append(f"  {misplaced_said(misplaced)}")
    return lines


def misplaced_said(count: int) -> str:
    """'2 tables or documents lie in $FORGEFLOW_HOME itself, ...': files put beside the
    workspace, and where they belong (one wording for the listing and a file not found).
    """
    what = "table or document lies" if count == 1 else "tables or documents lie"
    them = "it" if count == 1 else "them"
    return (
        f"{count} {what} in $FORGEFLOW_HOME itself, beside the workspace: move {them} into its "
        "workspace folder"
    )


def _predict(output: dict[str, Any], asked: list[str]) -> list[str]:
    lines = [f"  {output.get('rows')} predictions written to {output.get('predictions_path')}"]
    counts = output.get("class_counts") or {}
    summary = output.get("prediction_summary")
    if isinstance(summary, dict) and summary:
        lines.append(
            "  predicted values: "
            + ", ".join(f"{k} {_fmt(v)}" for k, v in summary.items() if _number(v))
        )
    if counts:
        lines.append(f"  predicted classes: {_counts(counts)}")
        if len(counts) == 1 and (output.get("rows") or 0) > 1:
            lines.append(f"  warning: every row was predicted as {next(iter(counts))!r}")
    return lines + _warning_lines(output)


def _warning_lines(output: dict[str, Any]) -> list[str]:
    """A tool's own `warnings` (imputed feature columns, label copies left out, ...)."""
    warnings = output.get("warnings")
    if not isinstance(warnings, list):
        return []
    return [f"  warning: {w}" for w in warnings[:5] if isinstance(w, str) and w]


WARNING_CHARS = 240
"""A warning is shown cut to this many characters (the whole one stays in the result)."""
MESSAGE_WARNING_RE = re.compile(r"(?:^|;\s*)warning:\s*(.+?)(?=;\s*warning:|$)", re.I | re.S)
"""A warning written into a tool's `message` ('kept 5 of 5 ...; warning: 10 asked, only 5 kept')."""


def output_warnings(output: Any) -> list[str]:
    """Every warning a tool's output carries, whatever its tool: its `warnings` (a list or one
    string), a `warning`, and the 'warning: ...' parts of its `message`; once each, cut short.
    """
    if not isinstance(output, dict):
        return []
    found: list[str] = []
    for key in ("warnings", "warning"):
        value = output.get(key)
        items = value if isinstance(value, list) else [value]
        found += [w for w in items[:10] if isinstance(w, str)]
    message = output.get("message")
    if isinstance(message, str):
        found += [m.group(1) for m in MESSAGE_WARNING_RE.finditer(message[:4000])]
    short = [" ".join(w.split()) for w in found]
    short = [w if len(w) <= WARNING_CHARS else w[: WARNING_CHARS - 1] + "…" for w in short if w]
    return list(dict.fromkeys(short))[:5]


def _unshown_warnings(output: Any, lines: list[str]) -> list[str]:
    """The output's warnings its tool's lines left out (a tool's own summary may say some)."""
    shown = "\n".join(lines).lower()
    return [
        f"  warning: {w}"
        for w in output_warnings(output)
        if f"warning: {w.removesuffix('…')}".lower() not in shown
    ]


def _comparison_lines(output: dict[str, Any], asked: list[str]) -> list[str]:
    """evaluate_model's second model: its figures and on which rows both were measured."""
    comparison = output.get("comparison")
    if not isinstance(comparison, dict) or not isinstance(comparison.get("metrics"), dict):
        return []
    shown, _ = metric_values(comparison["metrics"], asked)
    name = comparison.get("name") or "the second model"
    rows = output.get("rows")
    if comparison.get("same_validation_rows"):
        where = f"on the same {rows} held-out validation rows (same table, seed and fraction)"
    elif output.get("split") == "validation":
        where = f"on the first model's {rows} validation rows"
    else:
        where = f"on the same {rows} rows"
    first = f" (the figures above: {output['model']})" if output.get("model") else ""
    return [f"  compared with {name} {where}{first}: " + ", ".join(shown[:4])]


def _anomalies(output: dict[str, Any], asked: list[str]) -> list[str]:
    """The tool's answer (the worst rows and why), then where the scores and flagged rows are."""
    flagged, rows = output.get("flagged"), output.get("rows")
    if isinstance(output.get("answer"), str):
        lines = [f"  {output['answer']}"]
    else:
        lines = [f"  {flagged} of {rows} rows flagged (score above {output.get('threshold')})"]
        top = output.get("top") if isinstance(output.get("top"), list) else []
        for record in [r for r in top[:3] if isinstance(r, dict) and r.get("reasons")]:
            why = [
                f"{r.get('column')} {'missing' if r.get('value') is None else r.get('value')} "
                f"(usual {r.get('usual')})"
                for r in record["reasons"][:3]
                if isinstance(r, dict)
            ]
            lines.append(f"  row {record.get('row')}: " + ", ".join(why))
    if output.get("scores_path"):
        lines.append(f"  scores for every row: {output['scores_path']}")
    if output.get("flagged_path"):
        lines.append(f"  the flagged rows with all their columns: {output['flagged_path']}")
    if flagged == 0:
        lines.append("  no row scored above the threshold; the worst rows are still listed first")
    return lines


def _chunks(output: dict[str, Any], asked: list[str]) -> list[str]:
    count = output.get("chunk_count")
    lines = [
        f"  {count} chunks from {output.get('document_count')} documents "
        f"(chunk set {output.get('chunk_set_id')}, project {output.get('project_id')})"
    ]
    chars = output.get("chars")
    if isinstance(chars, dict):
        lines.append(
            f"  chunk length: {chars.get('min')}–{chars.get('max')} characters, "
            f"{chars.get('mean')} on average"
        )
    if not count:
        lines.append("  warning: no chunks were made; check the documents hold text")
    errors = output.get("errors")
    if isinstance(errors, list) and errors:
        lines.append(f"  warning: {len(errors)} document(s) could not be read")
    return lines


def _split_lines(output: dict[str, Any]) -> list[str]:
    """Pairs per split; an empty split asked for is a warning with its cause, and the
    export's `split_notes` (counts other than the ratios give, small splits) are said.
    """
    counts = output.get("split_counts")
    lines: list[str] = []
    if isinstance(counts, dict) and counts:
        lines.append("  pairs per split: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        empty = [k for k, v in counts.items() if not v]
        said = [
            w
            for w in output.get("warnings") or []
            if isinstance(w, str) and " split(s) are empty" in w
        ]
        if said:
            lines += [f"  warning: {w}" for w in said]
        elif empty:
            chunks = output.get("split_chunks") or {}
            sources = len({c for ids in chunks.values() for c in ids}) if chunks else None
            why = (
                f": the {sum(counts.values())} pairs come from {sources} source chunk(s), and "
                "one chunk's pairs stay in one split"
                if sources is not None
                else ""
            )
            lines.append(f"  warning: the {' and '.join(empty)} split(s) are empty{why}")
        notes = output.get("split_notes")
        if isinstance(notes, list):
            lines += [f"  note: {n}" for n in notes[:3] if isinstance(n, str) and n]
    return lines


def _qa_generate(output: dict[str, Any], asked: list[str]) -> list[str]:
    counts = output.get("counts") or {}
    kept = counts.get("kept")
    wanted = output.get("asked") if isinstance(output.get("asked"), dict) else {}
    lines = []
    if kept is not None:
        # a total asked ('10 pairs') is said by the message's own warning when it falls short
        of_wanted = (
            f" ({wanted['total']} asked: {wanted['per_chunk']} per chunk)"
            if wanted.get("per_chunk") and _number(wanted.get("total"))
            else ""
        )
        lines.append(
            f"  {kept} QA pairs kept{of_wanted} of {counts.get('generated')} generated from "
            f"{counts.get('chunks')} chunks (dataset {output.get('dataset_id')} "
            f"v{output.get('version')})"
        )
    elif output.get("message"):
        lines.append(f"  {output['message']}")
    shortfall = output.get("shortfall")
    if isinstance(shortfall, dict) and isinstance(shortfall.get("summary"), str):
        # fewer than asked is said with its cause, per chunk (the writer, duplicates, the judge)
        lines.append(f"  warning: {shortfall['summary']}")
    quality = output.get("quality_after")
    if isinstance(quality, dict) and _number(quality.get("average_score")):
        lines.append(f"  average quality {_fmt(float(quality['average_score']))}")
    lines += _target_lines(output, asked)
    if kept == 0:
        lines.append("  warning: no QA pair was kept")
    lines += _split_lines(output)
    return lines


def _qa_export(output: dict[str, Any], asked: list[str]) -> list[str]:
    formats = ", ".join(output.get("formats") or [])
    lines = [f"  {output.get('rows')} QA pairs exported as {formats}"]
    lines += _split_lines(output)
    files = output.get("files") or []
    for f in files[:9]:
        split = f" ({f['split']}, {f.get('rows')} rows)" if f.get("split") else ""
        lines.append(f"  file: {f.get('path')}{split}")
    download = output.get("path") or output.get("zip")
    if download:
        lines.append(f"  download: {download}")
    if not output.get("rows"):
        lines.append("  warning: the export is empty")
    return lines


def _coverage(value: Any) -> str:
    return f"{float(value):.0%}" if _number(value) else "?"


def _apply_lfs(output: dict[str, Any], asked: list[str]) -> list[str]:
    matrix = output.get("matrix") or {}
    lines = [
        f"  {output.get('lf_count')} labeling functions on {output.get('rows')} rows: "
        f"{output.get('rows_covered')} rows covered (coverage {_coverage(matrix.get('coverage'))}"
        f", overlap {_coverage(matrix.get('overlap'))}, conflict {_coverage(matrix.get('conflict'))})"
    ]
    if output.get("votes"):
        lines.append(f"  votes: {_counts(output['votes'])}")
    if output.get("matrix_path"):
        lines.append(f"  label matrix: {output['matrix_path']}")
    errors = output.get("errors")
    if isinstance(errors, list) and errors:
        names = ", ".join(str(e.get("name")) for e in errors[:5] if isinstance(e, dict))
        lines.append(f"  warning: {len(errors)} labeling function(s) failed: {names}")
    if output.get("rows_covered") == 0:
        lines.append("  warning: no labeling function voted on any row")
    return lines


def _write_lfs(output: dict[str, Any], asked: list[str]) -> list[str]:
    lines = [
        f"  wrote {output.get('count')} labeling functions to {output.get('lfs_path')} "
        f"(coverage {_coverage(output.get('coverage'))})"
    ]
    if not output.get("count"):
        lines.append("  warning: no labeling function could be written from the hand labels")
    return lines


def _vote(output: dict[str, Any], asked: list[str]) -> list[str]:
    rows, labeled = output.get("rows"), output.get("labeled_rows")
    lines = [
        f"  {labeled} of {rows} rows labeled by majority vote, written to {output.get('output_path')}"
    ]
    if labeled == 0:
        lines.append("  warning: no labeling function voted on any row")
    return lines


def _synthetic(output: dict[str, Any], asked: list[str]) -> list[str]:
    lines = [f"  {output.get('rows')} synthetic rows written to {output.get('path')}"]
    if output.get("class_counts"):
        lines.append(f"  classes: {_counts(output['class_counts'])}")
    return lines


def _generator(output: dict[str, Any], asked: list[str]) -> list[str]:
    lines = [f"  generator saved to {output.get('model_path')}"]
    utility = output.get("utility")
    if isinstance(utility, dict):
        shown = ", ".join(f"{k}={_fmt(v)}" for k, v in utility.items() if _number(v))
        if shown:
            lines.append(f"  utility on held-out real rows: {shown}")
    return lines


def _save(output: dict[str, Any], asked: list[str]) -> list[str]:
    columns = output.get("columns") or []
    kept = [_filter_line(output["filtered"])] if isinstance(output.get("filtered"), dict) else []
    return [
        *kept,
        f"  saved {output.get('rows')} rows × {len(columns)} columns to {output.get('path')} "
        f"({output.get('format')})",
        *(
            [
                f"  {', '.join(repr(c) for c in output['filled'])} filled in; the labeling run's "
                f"own columns left out ({', '.join(output.get('left_out') or [])}): say 'with "
                "the run's columns' to keep them"
            ]
            if output.get("filled")
            else []
        ),
    ]


def _split_table(output: dict[str, Any], asked: list[str]) -> list[str]:
    """split_table: each split's rows and file, and whether class shares were kept."""
    paths, rows = output.get("paths"), output.get("rows")
    if not isinstance(paths, dict) or not paths or not isinstance(rows, dict):
        return []
    total = sum(v for v in rows.values() if isinstance(v, int))
    shares = "/".join(
        f"{round(100 * rows[n] / total)}" if total and isinstance(rows.get(n), int) else "?"
        for n in paths
    )
    stratified = output.get("stratified_by")
    how = f"stratified by {stratified!r}" if stratified else "at random"
    return [
        f"  split {output.get('dataset')} ({total} rows) {shares} {how}, seed {output.get('seed')}:",
        *(f"  {name}: {rows.get(name)} rows → {path}" for name, path in paths.items()),
    ]


def _target_lines(output: dict[str, Any], asked: list[str]) -> list[str]:
    if "target_met" not in output:
        return []
    target = output.get("target") or {}
    if target.get("value") is None:
        return [f"  no target set: {output.get('attempts')} attempt(s)"]
    if isinstance(target.get("class"), str):
        return _class_target_lines(output, target)
    metric = canonical(str(target.get("metric", ""))) or str(target.get("metric", ""))
    name = METRIC_NAMES.get(metric, metric)
    what = f"{name} {_fmt(target['value'])}"
    if metric == "share_at_or_above_threshold" and _number(target.get("quality_threshold")):
        share = float(target["value"])
        who = "every pair" if share >= 1.0 else f"{share:.0%} of pairs"
        what = f"{who} at quality ≥ {_fmt(float(target['quality_threshold']))}"
    validation = output.get("validation_metrics")
    judged = isinstance(validation, dict) and _number(validation.get(metric))
    lines = [
        f"  target {what}: "
        f"{'met' if output['target_met'] else 'not met'} after {output.get('attempts')} attempt(s)"
        + (" on the validation split" if judged else "")
    ]
    test = output.get("metrics")
    if (
        judged
        and output["target_met"]
        and isinstance(test, dict)
        and _number(test.get(metric))
        and _short_of(float(test[metric]), float(target["value"]), metric)
    ):
        lines.append(
            f"  note: on the test set {name} is {_fmt(float(test[metric]))}, short of the "
            f"target (the target is judged on the validation split)"
        )
    if not output["target_met"]:
        reached = _reached(output, metric)
        if reached is not None:
            gap = abs(float(target["value"]) - reached)
            # an error in the target's units (MAE, RMSE) is far off by a share of the target
            scale = abs(float(target["value"])) if metric in ("mae", "rmse") else 1.0
            far = "far from met" if gap >= FAR_FROM_TARGET * scale else "not met"
            lines.append(
                f"  warning: target {far}: best {name} {_fmt(reached)} against "
                f"{_fmt(target['value'])} (a gap of {_fmt(gap)})"
            )
    return lines


def _class_target_lines(output: dict[str, Any], target: dict[str, Any]) -> list[str]:
    """A target on one class's figure: 'recall of no_show on validation: 0.910 (target 0.9)',
    and on the test set when the best attempt was tested.
    """
    key, value = str(target.get("metric")), float(target["value"])
    name = f"{target.get('class_metric') or key.split(':', 1)[0]} of {target['class']}"
    verdict = "met" if output["target_met"] else "not met"
    lines = [f"  target {name} {value:g}: {verdict} after {output.get('attempts')} attempt(s)"]
    validation = output.get("validation_metrics")
    if isinstance(validation, dict) and _number(validation.get(key)):
        lines.append(f"  {name} on validation: {_fmt(float(validation[key]))} (target {value:g})")
    test = output.get("test_metrics")
    if isinstance(test, dict) and _number(test.get(key)):
        short = " (short of the target, which is judged on validation)"
        said = short if output["target_met"] and float(test[key]) < value else ""
        lines.append(f"  {name} on the test set: {_fmt(float(test[key]))}{said}")
    return lines


def _short_of(value: float, target: float, metric: str) -> bool:
    """Whether a metric value falls short of a target (lower is better for losses)."""
    from tools.training.evaluate import LOWER_IS_BETTER

    return value > target if metric in LOWER_IS_BETTER else value < target


def _reached(output: dict[str, Any], metric: str) -> float | None:
    """The loop's best value of its target metric (validation for training)."""
    for source in (output.get("validation_metrics"), output.get("metrics"), output):
        if isinstance(source, dict) and _number(source.get(metric)):
            return float(source[metric])
    quality = output.get("quality_after")
    if isinstance(quality, dict) and _number(quality.get("share_at_or_above_threshold")):
        return float(quality["share_at_or_above_threshold"])
    return None


def _chance_warning(metrics: dict[str, Any], baseline: Any) -> str | None:
    """A warning when the model does no better than predicting the majority class (a
    regressor: than predicting the training mean).
    """
    if not isinstance(baseline, dict):
        return None
    mae, base_mae = metrics.get("mae"), baseline.get("mae")
    if _number(mae) and _number(base_mae):
        if float(mae) >= float(base_mae):
            return (
                f"warning: MAE {_fmt(float(mae))} is no better than always predicting the "
                f"training mean {_fmt(baseline.get('predicts'))} ({_fmt(float(base_mae))})"
            )
        return None
    acc, base = metrics.get("accuracy"), baseline.get("accuracy")
    auc = metrics.get("auc")
    if _number(auc) and float(auc) <= 0.55:
        return f"warning: AUC {_fmt(float(auc))} is no better than chance (0.5)"
    if _number(acc) and _number(base) and float(acc) <= float(base) + CHANCE_MARGIN:
        return (
            f"warning: accuracy {_fmt(float(acc))} is no better than always predicting "
            f"{baseline.get('predicts', 'the majority class')!r} ({_fmt(float(base))})"
        )
    return None


def _metric_lines(output: dict[str, Any], asked: list[str]) -> list[str]:
    metrics = output.get("metrics") if isinstance(output.get("metrics"), dict) else output
    lines: list[str] = []
    shown, notes = metric_values(metrics, asked)
    if shown:
        lines.append("  " + ", ".join(shown) + _where(metrics, output))
    lines.extend(f"  {note}" for note in notes)
    baseline = output.get("baseline") or output.get("test_baseline")
    if isinstance(baseline, dict):
        base, _ = metric_values(baseline, [k for k in asked if k in baseline])
        if base and "mae" in baseline:
            predicts = (
                f" ({_fmt(baseline['predicts'])})" if _number(baseline.get("predicts")) else ""
            )
            lines.append(f"  training-mean baseline{predicts}: " + ", ".join(base[:3]))
        elif base:
            lines.append("  majority-class baseline: " + ", ".join(base[:3]))
        warning = _chance_warning(metrics, baseline)
        if warning:
            lines.append(f"  {warning}")
    return lines


KIND_NAMES = {"logistic": "logistic regression", "linear": "linear regression", "mlp": "an MLP"}
"""A trained model's kind in words, after its path."""


def _training(output: dict[str, Any], asked: list[str]) -> list[str]:
    lines = _target_lines(output, asked)
    lines += _metric_lines(output, asked)
    test = output.get("test_metrics")
    validation = output.get("validation_metrics")
    if isinstance(test, dict) and isinstance(validation, dict):
        shown, _ = metric_values(validation, asked)
        if shown:
            lines.append("  on the validation split: " + ", ".join(shown[:4]))
    for key in ("model_path", "labeled_path", "output_dir"):
        if isinstance(output.get(key), str) and output[key]:
            kind = KIND_NAMES.get(str(output.get("model_kind"))) if key == "model_path" else None
            said = f" ({kind})" if kind else ""
            lines.append(f"  {key.replace('_', ' ')}: {output[key]}{said}")
    filled = output.get("filled")
    if isinstance(filled, dict) and filled.get("column"):
        # The person's own, partly filled column (e.g. `team`) filled in beside it.
        lines.append(
            f"  column {filled['column']}: your {filled.get('named') or filled.get('from')} column filled in "
            f"({filled.get('hand')} of your own labels kept, {filled.get('weak')} rows labeled "
            f"by the run; {filled.get('source')} says which)"
        )
    rows = output.get("rows")
    if isinstance(rows, dict) and rows:
        lines.append("  rows: " + ", ".join(f"{k} {v}" for k, v in rows.items()))
    elif _number(rows) and _number(output.get("covered")):
        lines.append(f"  {output['covered']} of {rows} rows covered by the labeling functions")
    failures = output.get("failures")
    if isinstance(failures, list) and failures:
        lines.append(f"  {len(failures)} failure(s) along the way (see the run's output)")
    lines += _no_lf_lines(output)
    return (
        lines
        + _comparison_lines(output, asked)
        + _warning_lines(output)
        + _worst_rows_lines(output)
    )


def _train_model(output: dict[str, Any], asked: list[str]) -> list[str]:
    """train_model: the training lines with its baseline in plain words after the metrics
    (the result's own warning says when the model does not beat it).
    """
    baseline = output.get("baseline")
    if not isinstance(baseline, dict) or "predicts" not in baseline:
        return _training(output, asked)  # a result from before train_model had a baseline
    plain = {k: v for k, v in output.items() if k not in ("baseline", "test_baseline")}
    lines = _training(plain, asked)
    at = len(_target_lines(plain, asked)) + len(_metric_lines(plain, asked))
    extra = [_baseline_words(baseline, output.get("baseline_metric"), asked)]
    metrics = output.get("metrics")
    chance = _chance_warning(metrics, {}) if isinstance(metrics, dict) else None
    if chance and output.get("baseline_metric") != "auc":
        extra.append(f"  {chance}")
    elif isinstance(metrics, dict) and "mae" not in baseline:
        acc, base = metrics.get("accuracy"), baseline.get("accuracy")
        if _number(acc) and _number(base) and float(acc) < float(base):
            # held against it on macro F1 (no warning), but a person reads accuracy first
            extra.append(
                f"  note: accuracy {_fmt(float(acc))} is below that guess's "
                f"{_fmt(float(base))}; the model does better on the rarer classes (macro F1), "
                "worse on the commonest"
            )
    return lines[:at] + extra + lines[at:]


def _baseline_words(baseline: dict[str, Any], first: Any, asked: list[str]) -> str:
    """'always guessing 'yes' would get accuracy 0.800, F1 (macro) 0.296 (on the validation
    split)'; a regressor's: always predicting the training mean.
    """
    regression = "mae" in baseline
    usual = ("mae", "rmse", "r2") if regression else ("accuracy", "f1_macro")
    keys = [k for k in (*asked, first, *usual) if isinstance(k, str) and _number(baseline.get(k))]
    figures = ", ".join(
        f"{METRIC_NAMES.get(k, k)} {_fmt(float(baseline[k]))}" for k in dict.fromkeys(keys)
    )
    where = _WHERE.get(str(baseline.get("measured_on")), "")
    predicts = baseline.get("predicts")
    who = (
        f"always predicting the training mean {_fmt(predicts)}"
        if regression
        else f"always guessing {str(predicts)!r}"
    )
    return f"  baseline: {who} would get {figures or 'no measurable score'}" + (
        f" (on {where})" if where else ""
    )


def _no_lf_lines(output: dict[str, Any]) -> list[str]:
    """A labeling run that wrote no labeling function: say so and where its labels came from
    (its coverage of 0 alone reads like a broken run), and what would let it write some.
    """
    if output.get("lf_count") != 0 or not isinstance(output.get("combiner_reason"), str):
        return []
    sources = output.get("label_sources")
    came = (
        ", ".join(str(k).replace("_", " ") for k in sources)
        if isinstance(sources, dict) and sources
        else "no labeling function"
    )
    hint = (
        "give more hand labels per class, or say rules in words"
        if output.get("text_column")
        else "if a column holds text, name it ('text column body'); else give more hand labels "
        "per class, or say rules on the columns ('if amount is over 500, label it high')"
    )
    return [
        f"  warning: {output['combiner_reason']}; the run's labels came from {came}. To fix: {hint}"
    ]


PREVIEW_ROWS_SHOWN = 10
"""The most rows of a preview page the answer prints (the whole page is in the result)."""
PREVIEW_COLUMNS_SHOWN = 8
PREVIEW_CELL_CHARS = 40


def _cell(value: Any) -> str:
    if value is None:
        return "—"  # an empty cell
    text = f"{value:.4g}" if isinstance(value, float) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW_CELL_CHARS else text[: PREVIEW_CELL_CHARS - 1] + "…"


def _preview(output: dict[str, Any], asked: list[str]) -> list[str]:
    """preview_rows: which rows of how many, then the first rows themselves (a few columns,
    long cells cut; the whole page stays in the result).
    """
    rows, columns = output.get("rows"), output.get("columns")
    if not isinstance(rows, list) or not isinstance(columns, list):
        return []
    offset = int(output.get("offset") or 0)
    total = output.get("total")
    if not rows:
        return [f"  no rows from row {offset + 1} (the table has {total})"]
    order_said = output.get("sorted") if isinstance(output.get("sorted"), dict) else None
    if order_said is not None:
        lines = [_sorted_line(order_said, offset, len(rows), total)]
    else:
        lines = [f"  rows {offset + 1}–{offset + len(rows)} of {total}:"]
    if isinstance(output.get("filtered"), dict):  # 'where Neighborhood is Airport'
        lines.insert(0, _filter_line(output["filtered"]))
    names = [str(c) for c in columns]
    derived = order_said is not None and isinstance(order_said.get("values"), list)
    if derived:  # 'least sure' of labels: each row's largest prob_<class>, shown as a column
        names = [*names, str(order_said.get("by"))]
        rows = [
            [*row, value] if isinstance(row, list) else row
            for row, value in zip(rows, order_said["values"], strict=False)
        ]
    filled = {n[: -len("_filled")] for n in names if n.endswith("_filled")}
    key = str(order_said.get("by")) if order_said is not None else None
    sort_at = (len(names) - 1) if derived else (names.index(key) if key in names else None)

    def tier(i: int) -> tuple[int, int]:
        # the column the rows are ordered by is shown right after the row's id
        return (0, 1) if i == sort_at and i != 0 else _column_tier(names[i], i, filled)

    order = sorted(range(len(names)), key=tier)
    picked = order[:PREVIEW_COLUMNS_SHOWN]
    last = len(names) - 1
    if last not in picked and _column_tier(names[last], last, filled)[0] == 2:
        # a table's last column is most often its outcome ('kwh_output' of nine): shown at the
        # end in place of the last of the others
        picked = [*picked[:-1], last]
    lines.append("  " + " | ".join(names[i] for i in picked))
    for row in rows[:PREVIEW_ROWS_SHOWN]:
        cells = [row[i] for i in picked if i < len(row)] if isinstance(row, list) else [row]
        lines.append("  " + " | ".join(_cell(v) for v in cells))
    if len(rows) > PREVIEW_ROWS_SHOWN:
        lines.append(f"  … {len(rows) - PREVIEW_ROWS_SHOWN} more rows on this page (in the result)")
    if len(names) > len(picked):
        rest = ", ".join(names[i] for i in order if i not in picked)
        lines.append(f"  (+{len(names) - len(picked)} more columns: {_cell(rest)})")
    return lines


SORT_ENDS = {"numbers": ("lowest", "highest"), "dates": ("earliest", "latest")}
"""How a sorted preview's answer says its first rows: 'the 10 rows with the lowest confidence'."""


def _sorted_line(said: dict[str, Any], offset: int, shown: int, total: Any) -> str:
    """'the 10 rows with the lowest confidence of 240:', 'rows 11–20 of 240 by price, highest
    first:', 'the 5 rows first by name (Z to A) of 40:'; where rows without a value are on the
    page, how many come last; a key made from the prob_ columns says so.
    """
    by, descending = said.get("by"), bool(said.get("descending"))
    ends = SORT_ENDS.get(str(said.get("kind")))
    end = (ends[1] if descending else ends[0]) if ends else ("Z to A" if descending else "A to Z")
    if offset == 0 and ends:
        line = f"  the {shown} rows with the {end} {by} of {total}"
    elif offset == 0:
        line = f"  the {shown} rows first by {by} ({end}) of {total}"
    else:
        line = f"  rows {offset + 1}–{offset + shown} of {total} by {by}, {end} first"
    notes = []
    if isinstance(said.get("from"), list):
        notes.append(f"{by}: each row's largest of {', '.join(map(str, said['from'][:4]))}")
    missing = said.get("missing")
    if isinstance(missing, int) and missing and isinstance(total, int):
        if offset + shown > total - missing:
            notes.append(f"{missing} with no {by}, last")
    return line + (f" ({'; '.join(notes)})" if notes else "") + ":"


RUN_COLUMNS = frozenset({"covered", "label_source", "label_original"})
"""A labeling output's bookkeeping beside the person's columns (with `prob_<class>`)."""


def _column_tier(name: str, index: int, filled: set[str]) -> tuple[int, int]:
    """Where a preview shows a column: the first (the row's id) and a labeling run's answer in
    the person's terms (`<x>_filled`, `<x>`, `<x>_source`) first, then the person's columns,
    then the run's bookkeeping (`prob_*`, `covered`, `label_source`, and its `label` beside a
    `<x>_filled`; `filled`: the table's `<x>`s): 'show me some of the rows you labeled' showed
    only the bookkeeping.
    """
    if index == 0:
        return (0, index)
    if name.startswith("prob_") or name in RUN_COLUMNS or (name == "label" and filled):
        return (3, index)
    base = name.removesuffix("_filled").removesuffix("_source")
    if name in filled or base in filled:
        return (1, index)
    return (2, index)


WORST_ROWS_SHOWN = 5
"""evaluate_model's `worst_rows` shown in the answer (all of them stay in the result)."""


def worst_rows_said(rows: Any) -> tuple[str, str] | None:
    """The rows a model got most wrong, as (heading, rows): a regressor's 'largest errors', 'row
    12 (day 2024-03-02): actual 3, predicted 45.1 (error +42.1)'; a classifier's 'most confident
    wrong predictions', "row 5 (id r5): actual 'no', predicted 'yes' at confidence 0.97". The one
    wording for a step's line and an answer from the thread.
    """
    if not isinstance(rows, list) or not rows:
        return None
    shown = []
    for r in rows[:WORST_ROWS_SHOWN]:
        if not isinstance(r, dict):
            continue
        where = f"row {r.get('row')}"
        if r.get("id_column"):
            where += f" ({r['id_column']} {r.get('id')})"
        if "error" in r:
            error = r.get("error")
            sign = "+" if _number(error) and float(error) > 0 else ""
            shown.append(
                f"{where}: actual {_fmt(r.get('actual'))}, predicted {_fmt(r.get('predicted'))} "
                f"(error {sign}{_fmt(error)})"
            )
        else:
            shown.append(
                f"{where}: actual {r.get('actual')!r}, predicted {r.get('predicted')!r} at "
                f"confidence {_fmt(r.get('confidence'))}"
            )
    if not shown:
        return None
    regression = "error" in rows[0] if isinstance(rows[0], dict) else False
    return "largest errors" if regression else "most confident wrong predictions", "; ".join(shown)


def _worst_rows_lines(output: dict[str, Any]) -> list[str]:
    """evaluate_model's rows it got most wrong, as one indented line."""
    said = worst_rows_said(output.get("worst_rows"))
    return [f"  {said[0]}: {said[1]}"] if said else []


def _explain_model(output: dict[str, Any], asked: list[str]) -> list[str]:
    """explain_model: the columns that mattered most, by how much shuffling each hurt."""
    ranked = output.get("importances")
    if not isinstance(ranked, list):
        return []
    metric = output.get("metric")
    name = METRIC_NAMES.get(str(metric), str(metric))
    verb = "raises" if metric == "mae" else "lowers"
    lines = [
        f"  columns that mattered most (how much shuffling each one {verb} {name} from "
        f"{_fmt(output.get('baseline_value'))}, on {output.get('rows_used')} rows of "
        f"{output.get('dataset')}):"
    ]
    for r in ranked[:10]:
        if isinstance(r, dict):
            lines.append(f"    {r.get('column')}: {_fmt(r.get('drop'))} ± {_fmt(r.get('std'))}")
    if not ranked:
        lines.append("    no column could be measured")
    return lines + _warning_lines(output)


SUMMARISERS = {
    "inspect_dataset": _inspect,
    "preview_rows": _preview,
    "list_local_datasets": _local_listing,
    "predict": _predict,
    "detect_anomalies": _anomalies,
    "chunk_documents": _chunks,
    "generate_qa": _qa_generate,
    "export_dataset": _qa_export,
    "save_table": _save,
    "split_table": _split_table,
    "apply_labeling_functions": _apply_lfs,
    "write_labeling_functions": _write_lfs,
    "vote_labels": _vote,
    "generate_synthetic": _synthetic,
    "train_generator": _generator,
    "train_model": _train_model,
    "evaluate_model": _training,
    "explain_model": _explain_model,
    "label_dataset": _training,
}


def summarise_output(tool: str, output: Any, asked: list[str] | None = None) -> list[str]:
    """A few readable lines about one tool's output: its key result first, then warnings."""
    if not isinstance(output, dict):
        return [f"  {str(output)[:300]}"]
    asked = asked or []
    special = SUMMARISERS.get(tool)
    if special is not None:
        lines = special(output, asked)
        if lines:
            return lines + _unshown_warnings(output, lines)
    lines = []
    for key in LIST_KEYS:
        value = output.get(key)
        if isinstance(value, list):
            lines.append(f"  {len(value)} {key}:")
            lines.extend(_list_lines(value))
            break
    lines += _target_lines(output, asked)
    lines += _metric_lines(output, asked)
    for key, value in output.items():
        if key.endswith("path") and isinstance(value, str) and value:
            lines.append(f"  {key.replace('_', ' ')}: {value}")
    for key in ("dataset_id", "message"):
        if isinstance(output.get(key), str) and output[key]:
            lines.append(f"  {key}: {output[key]}")
    failures = output.get("errors") or output.get("failures")
    if isinstance(failures, dict) and failures:
        lines.append("  failures: " + "; ".join(f"{k}: {v}" for k, v in failures.items()))
    lines += _unshown_warnings(output, lines)
    return lines or ["  done"]


# ----- the answer ----------------------------------------------------------------------------
def suggestion_lines(suggestions: list[Any], limit: int = 3) -> list[str]:
    """Two or three things to try instead, one per line (strings or {text|goal, why})."""
    lines = []
    for item in suggestions[:limit]:
        if isinstance(item, dict):
            text = item.get("text") or item.get("goal") or item.get("tool") or ""
            why = item.get("why") or item.get("description")
            lines.append(f"  - {text}" + (f" ({why})" if why else ""))
        else:
            lines.append(f"  - {item}")
    return lines


def _notes(plan: dict[str, Any]) -> list[str]:
    notes = plan.get("notes") or []
    if isinstance(notes, str):
        notes = [notes]
    return [f"Note: {n}" for n in notes if n]


def write_answer(
    plan: dict[str, Any], steps: list[dict[str, Any]], *, dry_run: bool = False
) -> str:
    """The turn's answer: what ran, what came out, what failed and how to fix it."""
    notes = _notes(plan)
    suggestions = plan.get("suggestions") or []
    if plan.get("answer"):  # answered from the thread's memory: nothing ran
        return "\n".join([str(plan["answer"]), *notes])
    if plan.get("question"):
        lines = [str(plan["question"])]
        if suggestions:
            lines.append("Closest things I can do:")
            lines.extend(suggestion_lines(suggestions))
        return "\n".join([*lines, *notes])
    if dry_run:
        lines = ["Plan (dry run, nothing was executed):"]
        for i, step in enumerate(plan.get("steps", []), 1):
            lines.append(f"{i}. {step['tool']}({_args_text(step.get('args', {}))})")
        if plan.get("targets"):
            lines.append(
                "Targets: " + ", ".join(f"{k} {_fmt(v)}" for k, v in plan["targets"].items())
            )
        return "\n".join([*lines, *notes])
    asked = asked_metrics(plan)
    lines: list[str] = list(notes)
    tools = [s.get("tool") for s in steps]
    for i, step in enumerate(steps, 1):
        head = f"{i}. {step['tool']}"
        data = (step.get("args") or {}).get("dataset")
        if tools.count(step.get("tool")) > 1 and isinstance(data, str) and "${" not in data:
            head += f" ({data})"  # 'rows in each of my tables': which table each look is
        status = step.get("status")
        repairs = [f"  repaired: {_repair_text(r)}" for r in step.get("repairs") or []]
        repairs += [f"  as you answered: {a}" for a in step.get("answers") or []]
        if status == "completed":
            lines.append(f"{head}:")
            lines.extend(repairs)
            lines.extend(summarise_output(step["tool"], step.get("output"), asked))
        elif status == "unavailable":
            lines.append(f"{head}: not available in this version — {step['error']['message']}")
        elif status == "skipped":
            lines.append(f"{head}: skipped ({step.get('reason', 'an earlier step failed')})")
        elif status == "cancelled":
            lines.append(f"{head}: cancelled")
        else:
            err = step.get("error") or {}
            hint = f" Hint: {err['hint']}" if err.get("hint") else ""
            lines.append(f"{head}: failed — {err.get('message', 'error')}.{hint}")
            lines.extend(repairs)
    lines.extend(_against_before(plan, steps))
    tools = [s.get("tool") for s in steps]
    if (
        "generate_qa" in tools
        and "export_dataset" not in tools
        and any(s.get("tool") == "generate_qa" and s.get("status") == "completed" for s in steps)
    ):
        # the pairs are a dataset in the store; a person who wants a file is told the words
        lines.append(
            "To get them as a file, say 'export it as jsonl' (or 'export it as jsonl with "
            "train/val/test splits')."
        )
    if not steps and suggestions:
        lines.append("I could not tell what to do. Closest things I can do:")
        lines.extend(suggestion_lines(suggestions))
    return "\n".join(lines) if lines else "Nothing to do."


def _against_before(plan: dict[str, Any], steps: list[dict[str, Any]]) -> list[str]:
    """'make it better' after 'what was the MAE?': the figure the person asked about, before
    and after the re-run (`plan["asked"]["before"]`, from the thread), said better or worse,
    whatever the loop aimed at; and the figure the re-run aimed at when it is another (an AUC
    that fell while the accuracy asked about rose is said too).
    """
    before = ((plan.get("asked") or {}) if isinstance(plan.get("asked"), dict) else {}).get(
        "before"
    )
    done = [
        s for s in steps if s.get("status") == "completed" and isinstance(s.get("output"), dict)
    ]
    if not isinstance(before, dict) or not done:
        return []
    from tools.training.evaluate import LOWER_IS_BETTER  # (it imports torch: only when needed)

    now = output_metrics(done[-1]["output"])
    asked = canonical(str((plan.get("asked") or {}).get("metric") or "")) or ""
    lines = []
    for key, was in before.items():
        if not _number(was) or not _number(now.get(key)):
            continue
        after = float(now[key])
        lower = key in LOWER_IS_BETTER
        if abs(after - float(was)) < 1e-9:
            verdict = "unchanged"
        else:
            verdict = "better" if (after < float(was)) == lower else "worse"
        name = {"f1_macro": "F1", "auc": "AUC", "mae": "MAE", "rmse": "RMSE", "r2": "R²"}.get(
            key, key
        )
        said = "which you asked about" if key == asked or len(before) == 1 else "the target"
        lines.append(f"{name}, {said}: {_fmt(float(was))} before, {_fmt(after)} now ({verdict})")
    return lines


def _repair_text(repair: Any) -> str:
    """A repair as words: a string as is; {argument, from, to} as "argument 'from' → 'to'"."""
    if isinstance(repair, dict) and "argument" in repair:
        return f"{repair['argument']} {repair.get('from')!r} → {repair.get('to')!r}"
    return str(repair)


def _args_text(args: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in args.items())
