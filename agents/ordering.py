"""Sorted looks at rows: 'which ones is it least sure about', 'the 10 most expensive listings'."""

from __future__ import annotations

import re
from typing import Any

from agents import patterns as rx
from agents.plan import Plan, PlanStep

SHOWN = 10
"""Rows a sorted look shows when the person says no count."""

WORD_COUNTS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "fifty": 50, "hundred": 100,
}  # fmt: skip
COUNT = r"(\d{1,3}|" + "|".join(WORD_COUNTS) + r")"

UNSURE_RE = re.compile(
    r"\b(?:least|lowest|not\s+(?:very|so|that|too))\s+(?:sure|confident|certain)\b|"
    r"\bmost\s+(?:uncertain|unsure|doubtful|borderline)\b|"
    r"\b(?:lowest|least|weakest|smallest)\s+(?:confidence|certainty|probabilit(?:y|ies))\b|"
    r"\b(?:unsure|uncertain|hesitant)\s+(?:about|of|on)\b|\bclosest\s+calls?\b",
    re.I,
)
"""'which ones is it least sure about?', 'the rows with the lowest confidence': least first."""
SURE_RE = re.compile(
    r"\b(?:most|highest)\s+(?:sure|confident|certain)\b|\bsurest\b|"
    r"\b(?:highest|most|strongest)\s+(?:confidence|certainty)\b",
    re.I,
)
"""'which ones is it most sure about?': the most confident first."""
CLASS_ASKED_RE = re.compile(r"\b(?:which|what)\s+(?:classes|class|categor(?:y|ies)|kinds?)\b", re.I)
"""'which class is it least sure about?' asks about classes, not rows."""
WORKBENCH_RE = re.compile(
    r"\b(?:label(?:ing)?\s+model|end\s+model|majority\s+vote|by\s+hand|rules?|lfs?)\b", re.I
)
"""A labeling run's rows picked by where their labels came from, or a run's folder named:
workbench_rows' (labeling runs), not the thread's last output sorted."""
ACTION_RE = re.compile(
    r"\b(?:train\w*|retrain\w*|fit|relabel\w*|label\s+(?:it|them|the|this|these|those|my)|"
    r"predict|sav(?:e|ing)|export\w*|writ(?:e|ing)|split\w*|generat\w*|detect\w*|delet\w*|"
    r"remov\w*|drop\w*|plot\w*|chart\w*|graph\w*|explain\w*|importan\w*|features?|"
    r"averages?|mean|median|sum|per|each|how\s+many|count|distribution|breakdown|"
    r"compar\w*|anomal\w*|outliers?|odd|weird|unusual)\b",
    re.I,
)
"""Words of another request: an action, a model's features, a figure of groups or a count;
'top 5 features' and 'average price per area' are no sorted look."""
PRICE_COLUMN_RE = re.compile(r"price|cost|fee|fare|rent|amount|charge|spend|paid", re.I)
"""A column a price word ('most expensive', 'cheapest') can only mean."""
PRICEY_RE = re.compile(
    r"\b(?:(most|least)\s+(?:expensive|pricey|costly)|(priciest|costliest|dearest)|"
    r"(cheapest)|(?:(highest|lowest)[- ]priced))\b",
    re.I,
)
HIGH_WORDS = r"highest|largest|biggest|greatest|most|top|lowest|smallest|least|fewest|bottom"
EXTREME_RE = re.compile(
    rf"\b({HIGH_WORDS})\s+(?:{COUNT}\s+)?(?:the\s+)?([A-Za-z][\w -]{{0,60}})", re.I
)
"""'the highest reviews', 'lowest 5 prices', 'most bedrooms': a superlative before a column."""
TOP_BY_RE = re.compile(
    rf"\b(top|bottom|first|last)\s+{COUNT}\s+(?:[A-Za-z]+\s+){{0,2}}?by\s+(?:the\s+|their\s+|its\s+)?"
    r"([A-Za-z][\w -]{0,60})",
    re.I,
)
"""'top 10 by price', 'bottom 5 listings by reviews'."""
SORTED_BY_RE = re.compile(
    r"\b(?:sort(?:ed)?|order(?:ed)?|rank(?:ed)?)\s+(?:[\w.-]+\s+){0,2}?"
    r"by\s+(?:the\s+|their\s+|its\s+)?([A-Za-z][\w -]{0,60})",
    re.I,
)
"""'sorted by price', 'order them by reviews'."""
DOWNWARD_RE = re.compile(
    r"\b(?:desc\w*|high(?:est)?\s+(?:to|first)|(?:large(?:st)?|big(?:gest)?|high(?:est)?|"
    r"longest|most\s+\w+)\s+(?:[a-z]+\s+){0,2}?first|reversed?|most\s+first)\b",
    re.I,
)
"""A sort said to start at the top ('sorted by price, highest first')."""
LOW_WORDS = {"lowest", "smallest", "least", "fewest", "bottom"}


def _count(text: str) -> int | None:
    """The rows asked for ('the 5 cheapest', 'top ten'); None: not said."""
    m = rx.search(
        rf"\b(?:the\s+|top\s+|bottom\s+|first\s+|last\s+){COUNT}\b(?!\s*(?:%|percent|st|nd|rd|th)\b)"
        rf"|\b{COUNT}\s+(?:rows|ones|records|entries|listings|items|examples|predictions|labels)\b",
        text,
        re.I,
    )
    if m is None:
        return None
    word = next(g for g in m.groups() if g).lower()
    number = int(word) if word.isdigit() else WORD_COUNTS.get(word, 0)
    return number if number > 0 else None  # over the page's most: plan_goal caps it, with a note


def _numeric(column: dict[str, Any]) -> bool:
    return str(column.get("dtype", "")).startswith(("int", "float", "Int", "Float", "UInt"))


def _column_at(profile: dict[str, Any], text: str) -> str | None:
    """The table's column the text starts with (one to three words: 'monthly charges')."""
    from tools.profile import column_named

    words = re.findall(r"[A-Za-z0-9_]+", text)[:3]
    for span in (3, 2, 1):
        if len(words) >= span:
            name = column_named(profile, " ".join(words[:span]))
            if name is not None:
                return name
    if not words or len(words[0]) < 4:
        return None
    # 'the most reviews': the one column whose last word it is (number_of_reviews)
    word = words[0].lower()
    ends = [
        n
        for n in profile["names"]
        if re.split(r"[\s_-]+", n.lower())[-1] in (word, word + "s", word.rstrip("s"))
    ]
    return ends[0] if len(ends) == 1 else None


def _price_column(profile: dict[str, Any]) -> tuple[str | None, list[str]]:
    """The one number column a price word means, else (None, the candidates to ask about)."""
    numbers = [c["name"] for c in profile["columns"] if _numeric(c) and not c["id_like"]]
    priced = [n for n in numbers if PRICE_COLUMN_RE.search(n)]
    if len(priced) == 1:
        return priced[0], priced
    return None, priced or numbers


def ranking(profile: dict[str, Any], text: str) -> tuple[str | None, bool, list[str]] | None:
    """How the person asks a table's rows ordered: (column, highest first, candidates), the
    column None when a price word fits several columns or none (the candidates are asked
    about); None when no order is said. Superlatives bind only number columns.
    """
    names = {c["name"]: c for c in profile["columns"]}
    m = rx.search(SORTED_BY_RE, text)
    if m:
        column = _column_at(profile, m.group(1))
        if column is not None and names[column]["label_like"] and not _numeric(names[column]):
            # 'sort them by topic', 'the reports sorted by severity': put into classes, which
            # is labeling ('sorted by price', a quantity, is an order)
            return None
        if column is not None:
            return column, bool(rx.search(DOWNWARD_RE, text)), [column]
    m = rx.search(TOP_BY_RE, text)
    if m:
        column = _column_at(profile, m.group(3))
        if column is not None:
            return column, m.group(1).lower() in ("top", "first"), [column]
    m = rx.search(PRICEY_RE, text)
    if m:
        most, extreme, cheap, priced = m.groups()
        high = (
            bool(extreme) or (most or "").lower() == "most" or (priced or "").lower() == "highest"
        )
        column, candidates = _price_column(profile)
        if column is None:
            # one of them said too ('... in fees.csv cleaning_fee', the reply to the question)
            from tools.profile import columns_mentioned

            said = [c for c in columns_mentioned(profile, text) if c in candidates]
            column = said[0] if len(said) == 1 else None
        return column, high and not cheap, candidates
    m = rx.search(LONGEST_RE, text)
    if m:
        # 'the 10 longest loans': the one duration column (days_borrowed), else asked
        numbers = [c["name"] for c in profile["columns"] if _numeric(c) and not c["id_like"]]
        timed = [n for n in numbers if DURATION_COLUMN_RE.search(n)]
        words = set(rx.findall(r"[a-z]{3,}", text.lower()))
        said = [
            n
            for n in timed
            if {
                w
                for w in rx.findall(r"[a-z]{3,}", n.lower())
                if not DURATION_COLUMN_RE.fullmatch(w)
            }
            & words
        ]
        column = (said or timed)[0] if len(said or timed) == 1 else None
        return column, m.group(1).lower() == "longest", timed or numbers
    for m in rx.finditer(EXTREME_RE, text):
        column = _column_at(profile, m.group(3))
        if column is not None and _numeric(names[column]) and not names[column]["id_like"]:
            return column, m.group(1).lower() not in LOW_WORDS, [column]
        unknown = rx.match(r"([a-z]+(?:_[a-z0-9]+)+)\b", m.group(3).strip(), re.I)
        if column is None and unknown:
            # 'the 10 biggest tip_amount' on a table without it: asked, with the number columns
            numbers = [c["name"] for c in profile["columns"] if _numeric(c) and not c["id_like"]]
            return None, m.group(1).lower() not in LOW_WORDS, [f"!{unknown.group(1)}", *numbers]
    return None


LONGEST_RE = re.compile(r"\b(longest|shortest)\b", re.I)
DURATION_COLUMN_RE = re.compile(
    r"days?|hours?|hrs|minutes?|mins?|seconds?|secs|duration|length|weeks?|months?|time", re.I
)
"""A column a length of time ('the longest loans', 'shortest shifts') can only mean."""


def _grouping(profile: dict[str, Any], text: str) -> bool:
    """'which neighbourhood has the highest price': a column's groups compared, not rows."""
    # (and 'top 5 couriers by deliveries': the couriers ranked, each a group of rows)
    groups = r"\b(?:which|what|top|bottom|best|worst)\s+(?:\d{1,3}\s+)?([A-Za-z][\w -]{0,40})"
    for m in rx.finditer(groups, text, re.I):
        said = m.group(1)
        column = _column_at(profile, said) or _column_at(profile, rx.sub(r"es\b", "", said, 1))
        kind = next((c for c in profile["columns"] if c["name"] == column), None)
        if kind is not None and not kind["id_like"] and not _numeric(kind):
            return True
    return False


VALUE_ASKED_RE = re.compile(
    rf"\bwhat(?:'s|s|\s+is|\s+was)\s+the\s+(?:{HIGH_WORDS})\s+([A-Za-z][\w -]{{0,60}})", re.I
)
"""'what's the highest price?': a figure (inspect_dataset's max), not rows."""


def _value_asked(profile: dict[str, Any], text: str) -> bool:
    """'what's the highest price in x.csv?' asks a column's figure; 'what is the most expensive
    listing' (no column after the superlative) asks which rows.
    """
    m = rx.search(VALUE_ASKED_RE, text)
    return m is not None and _count(text) is None and _column_at(profile, m.group(1)) is not None


ORDER_CUES = (SORTED_BY_RE, TOP_BY_RE, PRICEY_RE, EXTREME_RE)
ROWS_ASKED_RE = re.compile(
    r"\b(?:show|list|give|display|see|pull\s+up|print)\b|\b(?:sort(?:ed)?|order(?:ed)?)\s", re.I
)
"""A request to see rows (not 'what's the largest prediction?', a value the thread answers)."""


def _rows_asked(text: str) -> bool:
    """Rows asked for by a count ('the 10 most expensive') or a verb of showing or sorting."""
    return _count(text) is not None or bool(rx.search(ROWS_ASKED_RE, text))


def _described_table(text: str) -> tuple[list[str], list[str]]:
    """The one workspace table the words describe ('the listings' → listings.csv) and the note
    saying so; none when no table or several fit (the clauses' reading asks which).
    """
    from agents.grounding import workspace_files
    from agents.references import described_input
    from agents.slots import FILE_RE

    said, notes, several = described_input(text, workspace_files())
    found = [f for f in FILE_RE.findall(said) if rx.search(r"\.(?:csv|tsv|parquet|jsonl)$", f)]
    if several or len(set(found)) != 1:
        return [], []
    return found[:1], notes


def _look(dataset: str, column: str, high: bool, count: int | None, goal: str) -> PlanStep:
    args = {"dataset": dataset, "sort_by": column, "descending": high, "limit": count or SHOWN}
    return PlanStep(tool="preview_rows", args=args, why=goal)


def _order_note(column: str, high: bool) -> str:
    return f"rows ordered by {column}, {'highest' if high else 'lowest'} first"


def _thread_table(goal: str, memory: dict[str, Any]) -> str | None:
    """The predictions or labels the thread made last ('the labels': a labeling's output)."""
    keys = ("predictions_path", "labeled_path")
    if rx.search(r"\blabel", goal, re.I) and not rx.search(r"\bpredict", goal, re.I):
        keys = ("labeled_path",)
    elif rx.search(r"\bpredict", goal, re.I) and not rx.search(r"\blabel", goal, re.I):
        keys = ("predictions_path",)
    for result in reversed([r for r in memory.get("results") or [] if isinstance(r, dict)]):
        for key in keys:
            path = result.get(key)
            if isinstance(path, str) and rx.search(r"\.(?:csv|tsv|parquet|jsonl)$", path):
                return path
    labeled = memory.get("labeled")
    if "labeled_path" in keys and isinstance(labeled, str) and labeled:
        return labeled
    return None


def _confidence_look(dataset: str, high: bool, goal: str) -> Plan | None:
    """The table's rows by how sure the model or the labels are; a regressor's predictions,
    which have no confidence, are said to have none. None: not a table of predictions.
    """
    from agents.hand_labels import table_profile

    profile = table_profile(dataset)
    if profile is None:
        return None
    names = profile["names"]
    if "confidence" in names or any(n.startswith("prob_") for n in names):
        step = _look(dataset, "confidence", high, _count(goal), goal)
        return Plan(steps=[step], notes=[_order_note("confidence", high)])
    if "prediction" in names:
        return Plan(
            answer=f"The predictions in {dataset} are numbers from a regressor: it gives no "
            "confidence to order them by. Ask for 'the rows with the highest prediction' to "
            "order them by the predicted value."
        )
    return None


def sorted_look(goal: str, files: list[str], memory: dict[str, Any]) -> Plan | None:
    """'which ones is it least sure about?' after a prediction or a labeling: the thread's
    output by confidence, least first; 'the 10 most expensive listings in listings.csv', 'top 5
    by reviews', 'sorted by price': the named table by that column. None: no sorted look.
    """
    from agents.hand_labels import table_profile

    text = goal[: rx.MAX_TEXT]
    tables = [f for f in dict.fromkeys(files) if rx.search(r"\.(?:csv|tsv|parquet|jsonl)$", f)]
    unsure, sure = rx.search(UNSURE_RE, text), rx.search(SURE_RE, text)
    if unsure or sure:
        if rx.search(CLASS_ASKED_RE, text) or rx.search(ACTION_RE, text):
            return None
        if rx.search(WORKBENCH_RE, text) or (not tables and rx.search(r"[\w-]/[\w-]", text)):
            return None  # 'the rows the label model was least sure about in runs/x': its rows
        if not tables:
            found = _thread_table(text, memory)
            return _confidence_look(found, not unsure, text) if found else None
        if len(tables) == 1:
            return _confidence_look(tables[0], not unsure, text)
        return None
    if rx.search(ACTION_RE, text):
        return None
    notes: list[str] = []
    kept: dict[str, Any] = {}
    looked = (memory.get("last_call") or {}).get("args") or {}
    ordered = any(rx.search(cue, text) for cue in ORDER_CUES)
    if (
        not files
        and ordered
        and rx.search(THEM_RE, text)
        and isinstance(looked.get("dataset"), str)
    ):
        # 'sort them by days borrowed, longest first' after 'only the students': those rows
        tables = [looked["dataset"]]
        kept = dict(looked.get("where") or {}) if isinstance(looked.get("where"), dict) else {}
    elif not files and ordered and _rows_asked(text):
        tables, notes = _described_table(text)  # 'the 10 most expensive listings'
    elif len(files) != len(tables):
        return None
    if len(tables) != 1:
        return None
    profile = table_profile(tables[0])
    if profile is None or _grouping(profile, text) or _value_asked(profile, text):
        return None
    said = ranking(profile, text)
    if said is None:
        return None
    column, high, candidates = said
    if column is None:
        # a column said that is not there comes first, marked ('the 10 biggest tip_amount')
        missing = candidates[0][1:] if candidates and candidates[0].startswith("!") else None
        candidates = candidates[1:] if missing else candidates
        listed = " or ".join(candidates[:8]) if candidates else "none: the table has no numbers"
        meant = (
            "the price"
            if rx.search(PRICEY_RE, text)
            else "the length of time"
            if rx.search(LONGEST_RE, text)
            else "meant"
        )
        lead = f"{tables[0]} has no column {missing!r}. " if missing else ""
        return Plan(
            question=f"{lead}Order the rows of {tables[0]} by which column? The number columns "
            f"that could be {meant}: {listed}."
        )
    step = _look(tables[0], column, high, _count(text), text)
    from agents.grounding import row_filter

    where = {**kept, **row_filter(profile, text)}
    if where:
        step.args["where"] = where  # 'the 5 cheapest listings in neighbourhood B'
    return Plan(steps=[step], notes=[*notes, _order_note(column, high)])


THEM_RE = re.compile(r"\b(?:them|those|these|they|that|it)\b", re.I)
"""The rows of the thread's last look ('sort them by price')."""
