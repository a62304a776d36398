"""Thread memory: what earlier turns produced, questions answered from it, 'make it better'."""

from __future__ import annotations

import re
from typing import Any

from agents import patterns as rx
from agents.reporter import KIND_NAMES, METRIC_NAMES, output_metrics, worst_rows_said

METRIC_WORDS: dict[str, tuple[str, ...]] = {
    "f1": ("f1_macro", "f1", "macro_f1"),
    "accuracy": ("accuracy",),
    "auc": ("auc",),
    "precision": ("precision_macro", "precision"),
    "recall": ("recall_macro", "recall"),
    "log_loss": ("log_loss",),
    "coverage": ("coverage",),
    "quality": ("quality", "mean_quality", "pass_rate"),
    "ece": ("ece",),
    "brier": ("brier",),
    "mae": ("mae",),
    "rmse": ("rmse",),
    "r2": ("r2",),
}
LOWER_IS_BETTER = ("log_loss", "ece", "brier", "mae", "rmse")
METRIC_ASKED_RE = re.compile(
    r"\b(f1|f-1|f score|f-score|accuracy|acc|auc|roc[- ]?auc|precision|recall|log[- ]?loss|"
    r"coverage|cover(?:ed|ing|s)?|quality|ece|calibrat\w*|brier|mae|rmse|r2|r²|r[- ]squared|"
    r"mean absolute error|root mean squared? error)(?!\w)",
    re.I,
)
LOOP_TOOLS = ("train_model", "label_dataset", "generate_qa")
COUNT_SYNONYMS = {
    "pair": ("entrie", "entry", "count"),
    "question": ("entrie", "entry", "count"),
    "chunk": ("chunk", "count"),
    "row": ("row", "count"),
    "outlier": ("flagged",),
    "anomalie": ("flagged",),
    "flag": ("flagged",),
}
RESULT_KEYS = (
    "model_path",
    "labeled_path",
    "path",
    "output",
    "predictions_path",
    "report_path",
    "dataset_id",
    "chunk_set_id",
)
QUESTION_START = re.compile(
    r"^\s*(what|what's|whats|wat|wats|wht|waht|which|where|where's|how|how's|did|was|were|is|are|why|"
    r"(?:kindly |please |pls |plz )?(?:tell|say)(?: me| us)?|let me know|show me|"
    r"remind me|give me|report|and|so|ok|okay|can you tell)\b",
    re.I,
)
ABOUT_RESULTS = re.compile(
    r"\b(f1|f-1|f score|accuracy|acc|auc|roc|precision|recall|log[- ]?loss|coverage|quality|score|"
    r"mae|rmse|r2|r-squared|"
    r"scores|metrics?|results?|attempts?|counts?|cover(?:ed|ing)|best|how (?:did|well|good)|did it (?:work|meet|reach|hit|make)|"
    r"target (?:met|reached|hit|achieved)|where (?:is|are|did)|saved|path|file|folder|model|labels?|labeled|"
    r"predictions?|how many|(?:is|was) (?:that|it|this) (?:good|ok|okay|enough|bad|any good)|"
    r"(?:are|were) (?:they|those|these|them) (?:\w+ )?(?:good|ok|okay|any good|usable|realistic|"
    r"decent|useful|bad)|why\b[^?]{0,60}\b(?:strange|odd|weird|unusual|flagged|anomal\w*|"
    r"outliers?|suspicious|stand(?:s)? out)|"
    r"good enough|useful\w*|utility|compared? (?:to|with)|baseline|did we (?:hit|meet|reach|make)|"
    r"hit (?:it|the target)|most accurate|how accurate|better|labeling functions?|lfs?|worst|"
    r"did (?:we|it|you) (?:\w+ )?(?:get there|make it|manage|clear)|what (?:i|we) (?:asked|wanted|aimed)|"
    r"weakest|poorest|least accurate|covers? (?:the )?most|most coverage|"
    r"(?:highest|widest|biggest|largest|most) (?:coverage|covering)|"
    r"most (?:unusual|anomalous|suspicious|extreme|odd)|oddest|strangest|weirdest|"
    r"reliable|trustworthy|(?:how|are you|is it) (?:sure|confident|certain)|confidence|"
    r"beat(?:s)? the (?:first|last|previous|old|earlier|other|original)|"
    r"outperform\w*|(?:first|top) (?:one|row|reading|record|entry) (?:in|on|of) the list|"
    r"did (?:that|it|this) help|better or worse|guess\w*|confus\w*|mix\w* up|calibrat\w*|ece)\b",
    re.I,
)
ACTION = re.compile(
    r"\b(train|fit|label|annotate|fill|download|search|find|generate|chunk|predict|export|save|score|"
    r"re-?score|judge|rate|"
    r"write|apply|evaluate|build|create|make|run|detect|inspect|list|compare)\b",
    re.I,
)
IMPROVE_RE = re.compile(
    r"\b(make (?:it|that|this|them|the model|the labels?|the results?) (?:better|stronger|more "
    r"accurate)|improve(?: it| that| this| on (?:it|that)| the (?:model|labels?|results?|score))?"
    r"|do better|try harder|better (?:results?|model|score)|push (?:it|that) (?:further|higher)|"
    r"beat (?:it|that)|try again (?:harder|with more)|more attempts|boost (?:it|the \w+)|"
    r"can (?:we|you) do better|not good enough|higher (?:accuracy|f1|auc|score)|"
    r"(?:be|get) improved|do (?:it|that|this|a) better(?: job)?|again,? but better)\b",
    re.I,
)


def summarise_result(tool: str, output: dict[str, Any], args: dict[str, Any] | None) -> dict:
    """The part of a tool's output later turns ask about: metrics, paths, target, attempts."""
    metrics = output_metrics(output)
    keep = {k: metrics[k] for k in sorted(metrics) if _known_metric(k)}
    utility = output.get("utility")
    if isinstance(utility, dict) and utility.get("metric"):
        name = str(utility["metric"])
        for key, said in (("train_on_real", "real"), ("train_on_synthetic", "synthetic")):
            if isinstance(utility.get(key), int | float):
                keep[f"{name} (trained on {said} rows)"] = float(utility[key])
    for key in ("quality_after", "quality_summary"):
        quality = output.get(key)
        if isinstance(quality, dict) and isinstance(quality.get("average_score"), int | float):
            keep.setdefault(
                "quality", float(quality["average_score"])
            )  # a QA set's mean judge score
            break
    summary: dict[str, Any] = {"tool": tool, "metrics": keep}
    measured = (output.get("metrics") or {}) if isinstance(output.get("metrics"), dict) else {}
    if measured.get("measured_on") or output.get("measured_on"):
        summary["measured_on"] = measured.get("measured_on") or output.get("measured_on")
    for key in RESULT_KEYS:
        if isinstance(output.get(key), str | int) and output.get(key) not in ("", None):
            summary[key] = output[key]
    for key in ("target", "target_met", "attempts", "best_attempt", "rows", "count"):
        if key in output:
            summary[key] = output[key]
    counts: dict[str, Any] = {}
    if isinstance(output.get("label_counts"), dict):
        counts.update(output["label_counts"])  # rows per class first: 'how many got spam?'
    for key, value in output.items():
        if isinstance(value, int) and not isinstance(value, bool):
            counts[key] = value
        elif isinstance(value, list) and key not in ("history",):
            counts.setdefault(key, len(value))
        elif isinstance(value, dict):
            for sub, inner in value.items():
                if isinstance(inner, int) and not isinstance(inner, bool):
                    counts.setdefault(sub, inner)
    if counts:
        summary["counts"] = dict(list(counts.items())[:30])
    if isinstance(output.get("answer"), str):
        summary["said"] = output["answer"][:300]
    history = output.get("history")
    if isinstance(history, list):
        summary["history"] = [
            {
                "attempt": h.get("attempt"),
                "metric": h.get("metric") if not isinstance(h.get("metric"), dict) else None,
                "model": (h.get("config") or {}).get("model") or h.get("model"),
                "metrics": {
                    k: v
                    for k, v in output_metrics(h).items()
                    if _known_metric(k) and not k.startswith("dev_")
                },
            }
            for h in history[:20]
            if isinstance(h, dict)
        ]
    validation = output.get("validation_metrics")
    if isinstance(validation, dict):  # where a training loop judges its target
        judged = {
            str(k): float(v)
            for k, v in validation.items()
            if isinstance(v, int | float) and not isinstance(v, bool) and _known_metric(str(k))
        }
        if judged:
            summary["validation"] = judged
    full = next(
        (
            output[k]
            for k in ("test_metrics", "validation_metrics", "metrics")
            if isinstance(output.get(k), dict)
        ),
        {},
    )
    calibration = full.get("calibration")
    if isinstance(calibration, dict) and isinstance(calibration.get("ece"), int | float):
        keep.setdefault("ece", float(calibration["ece"]))  # 'which is better calibrated?'
    matrix = full.get("confusion_matrix")
    if isinstance(matrix, dict) and matrix.get("labels") and matrix.get("matrix"):
        summary["confusion"] = {"labels": list(matrix["labels"]), "matrix": matrix["matrix"]}
    classes = output.get("label_counts") or (
        output.get("class_counts") if tool not in ("train_model", "train_generator") else None
    )
    if isinstance(classes, dict) and classes:  # rows per class a run gave: 'how many are x?'
        summary["class_counts"] = {str(k): v for k, v in list(classes.items())[:30]}
        if isinstance(output.get("model"), str):
            summary["model"] = output["model"]
    if isinstance(output.get("model_kind"), str):  # 'is that a linear model?'
        summary["model_kind"] = output["model_kind"]
        if isinstance(output.get("model_path"), str):
            summary["model_path"] = output["model_path"]
    baseline = output.get("baseline") or output.get("test_baseline")
    if isinstance(baseline, dict):
        inner = baseline.get("metrics") if isinstance(baseline.get("metrics"), dict) else baseline
        summary["baseline"] = {
            k: float(v)
            for k, v in inner.items()
            if _known_metric(k) and isinstance(v, int | float) and not isinstance(v, bool)
        }
    comparison = output.get("comparison")
    if isinstance(comparison, dict) and isinstance(comparison.get("metrics"), dict):
        summary["comparison"] = {
            "name": comparison.get("name"),
            "metrics": {k: v for k, v in comparison["metrics"].items() if isinstance(v, float)},
        }
    lfs = output.get("lf_summary")
    if not isinstance(lfs, list):
        lfs = output.get("summary")  # apply_labeling_functions: one row per rule, the same keys
    if isinstance(lfs, list):
        rated = [r for r in lfs if isinstance(r, dict) and r.get("dev_accuracy") is not None]
        rated.sort(key=lambda r: (-float(r["dev_accuracy"]), -int(r.get("dev_votes") or 0)))
        kept = ("name", "dev_accuracy", "dev_votes", "coverage")
        if rated:
            summary["top_lfs"] = [{k: r.get(k) for k in kept} for r in rated[:5]]
            # 'which rule was the worst?': the least accurate, worst first
            summary["bottom_lfs"] = [{k: r.get(k) for k in kept} for r in rated[::-1][:5]]
        covering = [
            r
            for r in lfs
            if isinstance(r, dict)
            and isinstance(r.get("coverage"), int | float)
            and not isinstance(r.get("coverage"), bool)
        ]
        if covering:
            # 'which rule covers the most?': the widest first (rated on hand labels or not)
            covering.sort(key=lambda r: -float(r["coverage"]))
            summary["wide_lfs"] = [
                {"name": r.get("name"), "coverage": r["coverage"]} for r in covering[:5]
            ]
    top = output.get("top")
    if isinstance(top, list) and top and isinstance(top[0], dict) and "score" in top[0]:
        summary["worst"] = [
            {k: v for k, v in r.items() if k != "values" and isinstance(v, str | int | float)}
            for r in top[:5]
            if isinstance(r, dict)
        ]
        from tools.training.anomaly_reasons import reason_text

        said = [
            [reason_text(x) for x in (r.get("reasons") or [])[:3] if isinstance(x, dict)]
            for r in top[:5]
            if isinstance(r, dict)
        ]
        if said and said[0]:
            # 'why is the top one weird?': what stands out in it, as the scan measured it
            summary["worst_reasons"] = said[0]
        if any(said):
            summary["worst_reasons_each"] = said  # 'why is MTR5780 flagged?': that row's
        values = top[0].get("values")
        if isinstance(values, dict):  # 'the first one in the list, what values has it?'
            summary["worst_values"] = {
                str(k): v for k, v in list(values.items())[:16] if isinstance(v, str | int | float)
            }
    wrong = output.get("worst_rows") or output.get("test_worst_rows")
    if isinstance(wrong, list) and wrong:
        # 'which days did it get most wrong?': the evaluation's worst rows, kept small
        summary["wrong_rows"] = [
            {k: v for k, v in r.items() if isinstance(v, str | int | float) and k != "id_column"}
            | ({"id_column": r["id_column"]} if isinstance(r.get("id_column"), str) else {})
            for r in wrong[:10]
            if isinstance(r, dict)
        ]
        summary["wrong_on"] = "the test set" if output.get("test_worst_rows") else None
    filled = _filled_cells(output)
    if filled:
        summary["filled"] = filled
        if isinstance(output.get("label_column"), str):
            summary["filled_label"] = output["label_column"]
    if args:
        summary["args"] = {k: v for k, v in args.items() if isinstance(v, str | int | float)}
    _keep_figures(summary, tool, output, args or {})
    return summary


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _keep_figures(
    summary: dict[str, Any], tool: str, output: dict[str, Any], args: dict[str, Any]
) -> None:
    """What a result made and measured in the words a person asks about it: how many things it
    made (`made`), that it is a regression and of which label (an error is in the label's
    units), the predicted values' spread and extremes (`predicted`), and its warnings.
    """
    from agents.reporter import output_warnings

    if output.get("task") == "regression":
        summary["task"] = "regression"
    label = output.get("label_column") or output.get("label_name") or args.get("label_column")
    if isinstance(label, str) and label:
        summary["label"] = label[:100]
    made = _made(tool, output, args)
    if made:
        summary["made"] = made
    spread = output.get("prediction_summary")
    if isinstance(spread, dict):
        predicted: dict[str, Any] = {
            k: float(v)
            for k, v in spread.items()
            if k in ("min", "max", "mean", "median") and isinstance(v, int | float)
        }
        extremes = output.get("extremes")
        if isinstance(extremes, dict):
            predicted["extremes"] = {
                str(k): {
                    str(a): b for a, b in list(v.items())[:4] if isinstance(b, str | int | float)
                }
                for k, v in list(extremes.items())[:2]
                if isinstance(v, dict)
            }
        summary["predicted"] = predicted
        if isinstance(output.get("model"), str):
            summary["model"] = output["model"]
    warnings = output_warnings(output)
    if warnings:
        summary["warnings"] = warnings[:3]


def _made(tool: str, output: dict[str, Any], args: dict[str, Any]) -> dict[str, Any]:
    """How many things a run made, of how many, and where: a QA run's pairs kept of those
    written, a labeling run's rows labeled (and how many were the person's hand labels), a
    prediction's rows.
    """
    counts = output.get("counts") if isinstance(output.get("counts"), dict) else {}
    if tool == "generate_qa" and _count(counts.get("kept")) is not None:
        made = {"count": counts["kept"], "noun": "QA pairs", "verb": "kept"}
        for key, said in (("generated", "of"), ("chunks", "chunks")):
            if _count(counts.get(key)) is not None:
                made[said] = counts[key]
        if _count(args.get("max_pairs")) is not None:
            made["asked"] = args["max_pairs"]
        return made
    if tool == "label_dataset" and _count(output.get("rows")) is not None:
        rows = output["rows"]
        filled = output.get("filled") if isinstance(output.get("filled"), dict) else {}
        refit = output.get("final_refit") if isinstance(output.get("final_refit"), dict) else {}
        gold = output.get("gold") if isinstance(output.get("gold"), dict) else {}
        if _count(filled.get("weak")) is not None:
            made = {"count": filled["weak"], "noun": "rows", "verb": "filled", "of": rows}
            made["hand"] = _count(filled.get("hand"))
            if isinstance(filled.get("column"), str):
                made["column"] = filled["column"]
        else:
            labeled = _count(output.get("covered"))
            made = {"count": rows if labeled is None else labeled, "noun": "rows"}
            made.update({"verb": "labeled", "of": rows})
            made["hand"] = _count(refit.get("hand_labels")) or _count(gold.get("joined"))
        return {k: v for k, v in made.items() if v is not None}
    if tool == "predict" and _count(output.get("rows")) is not None:
        return {"count": output["rows"], "noun": "predictions", "verb": "made"}
    return {}


def _filled_cells(output: dict[str, Any]) -> dict[str, int]:
    """A table's filled cells per partly empty column (and its label column), from an
    inspection's row count and per-column missing counts: 'how many rows have a label?'.
    """
    rows, columns = output.get("rows"), output.get("columns")
    if not isinstance(rows, int) or not isinstance(columns, list):
        return {}
    label = output.get("label_column")
    filled: dict[str, int] = {}
    for column in columns[:200]:
        if not isinstance(column, dict) or not isinstance(column.get("missing"), int):
            continue
        name = str(column.get("name"))
        if column["missing"] or name == label:
            filled[name] = rows - int(column["missing"])
    return dict(list(filled.items())[:30])


HAVING_RE = re.compile(
    r"\b(?:have|has|had|got|get|with|carry|carries|contain\w*)\s+(?:a|an|the|any|some)?\s*"
    r"([a-z][\w-]*)"
)
"""What rows are counted by: 'how many rows have a label?', 'how many got a fault type?'."""


def _having_count(lower: str, results: list[dict[str, Any]]) -> str | None:
    """'how many rows have a label?' after an inspection: the rows whose label (or the column
    said) is filled in, not the table's row count.
    """
    m = HAVING_RE.search(lower)
    if m is None:
        return None
    said = m.group(1)
    rest = lower[m.start(1) :]
    for result in reversed(results):
        filled = result.get("filled")
        if not isinstance(filled, dict) or not filled:
            continue
        label = (result.get("args") or {}).get("label_column") or result.get("filled_label")
        for name, count in filled.items():
            words = name.lower().replace("-", "_").split("_")
            spoken = name.lower().replace("_", " ")
            if spoken in rest[: len(spoken) + 1] or (said in words and len(said) > 3):
                return f"{count} rows have a {name} (from {result['tool']})"
        if said.rstrip("s") in ("label", "class", "value", "answer", "tag") and len(filled) >= 1:
            name = label if isinstance(label, str) and label in filled else None
            if name is None and len(filled) == 1:
                name = next(iter(filled))  # the one partly filled column
            if name is not None:
                return f"{filled[name]} rows have a {name} label (from {result['tool']})"
        return None
    return None


def _known_metric(key: str) -> bool:
    return any(key in names for names in METRIC_WORDS.values()) or key in ("n", "n_labels")


def asked_metric(text: str) -> str | None:
    """The metric a sentence names ('tell me the F1' → 'f1'), or None."""
    match = METRIC_ASKED_RE.search(text)
    if not match:
        # 'how accurate was it?' asks the accuracy
        return "accuracy" if rx.search(r"\bhow accurate\b", text, re.I) else None
    word = match.group(1).lower().replace("-", " ")
    if word in ("f 1", "f score", "f1"):
        return "f1"
    if word in ("acc", "accuracy"):
        return "accuracy"
    if "auc" in word or word == "roc":
        return "auc"
    if "log" in word:
        return "log_loss"
    if word.startswith("cover"):
        return "coverage"
    if word.startswith("calibrat"):
        return "ece"
    if word in ("r2", "r²") or "squared" in word and word.startswith("r "):
        return "r2"
    if word == "mean absolute error":
        return "mae"
    if word.startswith("root mean"):
        return "rmse"
    return word


def asked_metrics(text: str) -> list[str]:
    """Every metric a sentence names, in order ('precision and recall?' → both)."""
    found = (asked_metric(m.group(0)) for m in METRIC_ASKED_RE.finditer(text))
    return list(dict.fromkeys(m for m in found if m))


WHERE_RESULT_RE = re.compile(
    r"^\W*(?:(?:so|and|ok|okay|sorry|right|hm+|then)\W+)*where(?:'s|\s+(?:is|are|was|were|did|do|"
    r"does|can|could|would|should|will))\b[^?.;]{0,40}?\b(?:the|my|our|that|this|those|it|its|"
    r"them)\s+(?:\w+\s+){0,2}?(?:results?|outputs?|file|labels|labell?ed\s+\w+|model|"
    r"predictions?|export)\b",
    re.I,
)
"""Where the thread's result went: 'where is the file with the result?', 'where can I find
the output?', 'where did the labeled table go?'."""


def is_results_question(goal: str, has_file: bool) -> bool:
    """A question about what earlier turns produced (answered without running a tool)."""
    text = goal.strip()
    if not has_file and WHERE_RESULT_RE.search(text):
        return True  # 'where can I find the output?': the thread's own files, whatever the verb
    if has_file or not ABOUT_RESULTS.search(text) or is_reach_request(text, has_file):
        return False
    question = text.endswith("?") or bool(QUESTION_START.match(text))
    if not question:
        return False
    if rx.search(
        r"\b(leaderboard|trending|kaggle|hugging ?face|datasets?|models? (?:for|on)|"
        # 'which text-classification models', 'which Hub models rank best'
        r"(?:best|top|which|what)"
        r"(?: (?!of\b|the\b|our\b|my\b|your\b|these\b|those\b|we\b)[\w-]+){0,2}? models?|"
        r"models? (?:are|is|do|does) (?:best|good|well))\b",
        text,
        re.I,
    ):
        return False  # about the world (a search, a leaderboard), not this thread
    thread = rx.search(
        r"\b(was|were|did|it|its|it's|that|this|those|them|these|we|you|so far|now|the model|"
        r"the labels|the best|best one|end(?:ed)? up|came out|turned out|got|our|my|they|why|"
        # a loop's attempts are the thread's own ('which attempt won and what changed?')
        r"attempts?|won|changed|the (?:results?|outputs?|labell?ed (?:file|table|data|rows)))\b",
        text,
        re.I,
    )
    if not thread and len(text.split()) > 6 and not asked_metric(text):
        return False
    # "what was the accuracy?" is a question; "what datasets can I train on?" asks for a tool.
    nouns = (
        r"\b(labeled|trained|saved|made|scored|(?:average|mean|overall|quality|judge) scores?)\b"
        r"|\b(?:in|on|of) the (?:list|ranking)\b|\b\w+ counts?\b"
    )
    action = ACTION.search(rx.sub(nouns, "", text.lower()))
    past = rx.search(
        r"\b(was|were|did|got|get|is it|so far|last|earlier|you|it|that|best|ended up)\b",
        text,
        re.I,
    )
    done = r"\b(was|were|did|got|ended up)\b"  # 'how many pairs ended up in the train split?'
    return action is None or bool(past and rx.search(done, text, re.I))


def _fmt(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) > 1:
        return str(int(value))  # a count kept as a float ('n_labels=27', not 27.000)
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _metric_value(metrics: dict[str, float], metric: str) -> tuple[str, float] | None:
    for key in METRIC_WORDS.get(metric, (metric,)):
        if key in metrics:
            return key, metrics[key]
    return None


def answer_from_memory(goal: str, memory: dict[str, Any]) -> str | None:
    """Answer a question about earlier results from the thread memory, or None if it is not one."""
    results: list[dict[str, Any]] = list(memory.get("results") or [])
    lower = goal.lower()
    if not results:
        return None
    figures = figures_answer(goal, [r for r in results if isinstance(r, dict)], memory)
    if figures is not None:
        return figures  # what a run made, its error, its predictions' extremes
    last = results[-1]
    with_metrics = [r for r in results if r.get("metrics")]
    if rx.search(r"\b(where|path|saved|folder|file)\b", lower) and (
        # 'what was the recall on the test file?': a metric, measured on a file
        asked_metric(goal) is None or rx.search(r"\b(where|path|folder)\b", lower)
    ):
        wants = "model" if "model" in lower else "labeled" if "label" in lower else None
        for result in reversed(results):
            for key in ("model_path", "labeled_path", "path", "output", "predictions_path"):
                if key in result and (
                    wants is None
                    or (wants == "model" and key == "model_path")
                    or (wants == "labeled" and key == "labeled_path")
                ):
                    return f"{key.replace('_', ' ')} (from {result['tool']}): {result[key]}"
    if rx.search(
        r"\b(which|what|best)\b.*\battempts?\b|\bbest attempt\b|\bhow many attempts\b", lower
    ):
        loop = next((r for r in reversed(results) if "attempts" in r), None)
        if loop is not None:
            lines = [
                f"{loop['tool']} made {loop['attempts']} attempt(s); the best was attempt "
                f"{loop.get('best_attempt')}."
            ]
            for h in loop.get("history") or []:
                shown = ", ".join(f"{k}={_fmt(v)}" for k, v in list(h["metrics"].items())[:4])
                model = f" ({h['model']})" if h.get("model") else ""
                lines.append(f"  attempt {h['attempt']}{model}: {shown}")
            return "\n".join(lines)
    unvoted = _unvoted_answer(lower, results)
    if unvoted is not None:
        return unvoted
    special = _special_answer(lower, results, asked_metric(goal))
    if special is not None:
        return special
    several = _several_asked(goal, results)
    if several is not None:
        return several
    how_many = rx.search(r"\bhow many\s+(?:\w+\s+){0,3}?(\w+)", lower) or rx.search(
        r"^\W*(?:the\s+)?(\w+)\s+counts?\W*$",
        lower,  # 'chunk count?'
    )
    if how_many:
        having = _having_count(lower, results)
        if having is not None:
            return having
        words = [w.rstrip("s") for w in rx.findall(r"[a-z]+", lower) if len(w) > 3]
        words += [
            syn
            for w in words
            for key, synonyms in COUNT_SYNONYMS.items()
            if w == key or (len(key) >= 4 and w.startswith(key))  # 'flaged', 'flagged'
            for syn in synonyms
        ]
        for result in reversed(results):
            counts = result.get("counts") or {}
            for key, value in counts.items():
                name = key.lower().rstrip("s")
                if any(w == name or w in name.split("_") for w in words):
                    return f"{key.replace('_', ' ')}: {value} (from {result['tool']})"
        counted = _class_count(lower, results, memory)
        if counted is not None:
            return counted
        if last.get("said"):
            return str(last["said"])
    metric = asked_metric(goal)
    if with_metrics:
        source = with_metrics[-1]
        where = f" on {source['measured_on']}" if source.get("measured_on") else ""
        if metric is not None:
            line = _metric_line(metric, with_metrics, lower)
            if line is not None:
                return line
            others = ", ".join(f"{k}={_fmt(v)}" for k, v in source["metrics"].items())
            return f"{metric} was not measured by {source['tool']}; it measured: {others}{where}."
        shown = ", ".join(f"{k}={_fmt(v)}" for k, v in source["metrics"].items())
        line = f"{source['tool']}: {shown}{where}"
        if "target_met" in source and _target_set(source):
            line += f"; target {'met' if source['target_met'] else 'not met'}"
        plain = plain_verdict(source) if rx.search(PLAIN_RE, lower) else None
        return f"{plain}\n{line}" if plain else line
    paths = [f"{k}: {last[k]}" for k in RESULT_KEYS if k in last]
    if paths:
        return f"{last['tool']}: " + "; ".join(paths)
    return None


NO_VOTE_RE = re.compile(
    r"\b(?:no|without\s+(?:a|any))\s+(?:votes?|labels?)\b|\babstain\w*|\bunlabell?ed\b"
    r"|\buncovered\b|\bnot\s+(?:covered|labell?ed|voted)\b|\bnothing\s+fired\b"
)
"""Rows no labeling function voted on: 'how many got no vote at all?'."""


def _unvoted_answer(lower: str, results: list[dict[str, Any]]) -> str | None:
    """The rows of the latest vote or labeling that no function voted on (all abstained)."""
    if not NO_VOTE_RE.search(lower):
        return None
    for result in reversed(results):
        counts = result.get("counts") or {}
        rows, labeled = counts.get("rows"), counts.get("labeled_rows")
        if isinstance(rows, int) and isinstance(labeled, int) and rows >= labeled:
            return (
                f"{rows - labeled} of {rows} rows got no vote: every labeling function abstained "
                f"on them; {labeled} got a label (from {result['tool']})."
            )
    return None


def _target_set(result: dict[str, Any]) -> bool:
    """Whether the run had a target to meet (a training with none reports target_met anyway)."""
    target = result.get("target")
    if not isinstance(target, dict):
        return target not in (None, "")
    return target.get("value") is not None or target.get("quality_threshold") is not None


PLAIN_RE = (
    r"\b(?:plain (?:words|english|terms|language)|simple (?:words|terms|english|language)|"
    r"lay(?:man'?s?|person'?s?)? terms|non-?technical|(?:is|was) (?:it|that|this|the model) "
    r"(?:any )?(?:good|ok|okay|decent|usable|useful|worth (?:it|using))|any good|"
    r"(?:should|can|could) (?:i|we) (?:trust|rely on|use) (?:it|this|that|the model)|"
    r"how good is (?:it|that|this|the model)|(?:for|to) a (?:manager|non-?expert|beginner)|"
    r"(?:what does|what do) (?:that|this|these|it|the numbers?) mean)\b"
)
"""A question asking for the result in plain words ('how good is it, in plain words?')."""


def _share(value: float) -> str:
    return f"{round(value * 100)}%"


def _row_noun(result: dict[str, Any]) -> str:
    """What a table's rows are, from its name ('customers_2025.csv' → customers), else 'rows'."""
    data = (result.get("args") or {}).get("dataset") or result.get("dataset")
    if not isinstance(data, str) or "${" in data:
        return "rows"
    words = rx.findall(r"[a-z]+", data.rsplit("/", 1)[-1].split(".", 1)[0].lower())
    plural = [w for w in words if len(w) > 3 and w.endswith("s") and not w.endswith("ss")]
    plain = [w for w in plural if w not in ("labels", "labeled", "rows", "records", "items")]
    return plain[-1] if plain else "rows"


def plain_verdict(result: dict[str, Any]) -> str | None:
    """One plain sentence for a model's measured quality: 'It gets 72% of the customers right on
    the test file (always guessing "no" would get 66%).', with AUC or F1 said in words when there is
    no accuracy; None when nothing it measured reads plainly.
    """
    metrics = result.get("metrics") or {}
    where = {
        "test": "on the test rows it never saw",
        "validation": "on a held-out part of the training data",
        "heldout": "on the held-out hand labels",
        "dev": "on the hand-labeled rows",
    }.get(str(result.get("measured_on") or ""), "")
    where = f" {where}" if where else ""
    baseline = result.get("baseline") or {}
    accuracy = metrics.get("accuracy")
    if isinstance(accuracy, int | float):
        rows = _row_noun(result)
        line = f"It gets {_share(float(accuracy))} of the {rows} right{where}"
        base = baseline.get("accuracy")
        if isinstance(base, int | float):
            gain = float(accuracy) - float(base)
            line += f"; always guessing the most common answer would get {_share(float(base))}" + (
                ", so it is barely better than guessing" if gain < 0.02 else ""
            )
        f1 = metrics.get("f1_macro", metrics.get("f1"))
        if isinstance(f1, int | float) and float(f1) < float(accuracy) - 0.1:
            line += (
                f"; it does worse on the rarer answers (F1 {_fmt(float(f1))}, where 1 is perfect)"
            )
        return line + "."
    auc = metrics.get("auc")
    if isinstance(auc, int | float):
        return (
            f"Given one row of each kind, it ranks them the right way round "
            f"{_share(float(auc))} of the time{where} (50% would be a coin toss)."
        )
    f1 = metrics.get("f1_macro", metrics.get("f1"))
    if isinstance(f1, int | float):
        return (
            f"Its F1 is {_fmt(float(f1))}{where}, on a scale where 1 is perfect and 0 is useless."
        )
    return None


def _metric_line(metric: str, with_metrics: list[dict[str, Any]], lower: str = "") -> str | None:
    """'AUC: 0.912 (auc, from train_model on test); target auc 0.900: met': the latest result
    measured where the sentence says ('validation accuracy'), else the latest.
    """
    said_on = [
        r
        for r in with_metrics
        if r.get("measured_on")
        and rx.search(rf"\b{re.escape(str(r['measured_on']).lower())}\b", lower)
    ]
    for result in [*reversed(said_on), *reversed(with_metrics)]:
        found = _metric_value(result["metrics"], metric)
        if found is None:
            continue
        key, value = found
        where = f" on {result['measured_on']}" if result.get("measured_on") else ""
        line = f"{metric.upper() if metric in ('f1', 'auc', 'ece') else metric}: {_fmt(value)}"
        line += f" ({key}, from {result['tool']}{where})"
        target = result.get("target") or {}
        if isinstance(target, dict) and target.get("value") not in (None,):
            met = "met" if result.get("target_met") else "not met"
            line += f"; {_target_said(target)}: {met}"
        return line
    return None


def _target_said(target: dict[str, Any]) -> str:
    """'target auc 0.900', or for a QA loop 'target: every pair at quality ≥ 0.900'."""
    if target.get("quality_threshold") is not None:
        return f"target: every pair at quality ≥ {_fmt(float(target['quality_threshold']))}"
    return f"target {target.get('metric')} {_fmt(target.get('value'))}"


CONFUSION_RE = re.compile(
    r"\b(confus\w*|mix(?:es|ed|ing)?\s+(?:\w+\s+){0,3}up|mistak\w*\s+(?:\w+\s+){0,3}for)\b", re.I
)


def _confusion_answer(lower: str, results: list[dict[str, Any]]) -> str | None:
    """'how much does it confuse neutral with negative?': the cells of the latest confusion
    matrix between the classes named (else its largest off-diagonal cells).
    """
    if not CONFUSION_RE.search(lower):
        return None
    result = next((r for r in reversed(results) if r.get("confusion")), None)
    if result is None:
        return None
    labels = [str(label) for label in result["confusion"]["labels"]]
    matrix = result["confusion"]["matrix"]
    named = [
        i
        for i, label in enumerate(labels)
        if rx.search(rf"(?<![\w-]){re.escape(label.lower())}(?![\w-])", lower)
    ]
    pairs = [(i, j) for i in named for j in named if i != j]
    where = f" on {result['measured_on']}" if result.get("measured_on") else ""
    if not pairs:
        cells = [(i, j) for i in range(len(labels)) for j in range(len(labels)) if i != j]
        pairs = [
            ij
            for ij in sorted(cells, key=lambda ij: -matrix[ij[0]][ij[1]])[:3]
            if matrix[ij[0]][ij[1]]
        ]
        if not pairs:  # nothing confused: said so, not three cells of 0
            total = sum(sum(row) for row in matrix)
            each = ", ".join(f"{labels[i]} {sum(matrix[i])}" for i in range(len(labels)))
            return (
                f"It confused no classes: all {total} rows were predicted right ({each}; "
                f"confusion matrix from {result['tool']}{where})."
            )
    said = "; ".join(
        f"{matrix[i][j]} of the {sum(matrix[i])} true {labels[i]} rows were predicted {labels[j]}"
        for i, j in pairs
    )
    return f"{said} (confusion matrix from {result['tool']}{where})."


def _several_asked(goal: str, results: list[dict[str, Any]]) -> str | None:
    """'precision and recall?', 'validation accuracy, and how much does it confuse a with b?':
    one line per thing asked, each from the latest result that has it.
    """
    metrics = asked_metrics(goal)
    confusion = _confusion_answer(goal.lower(), results)
    if len(metrics) < 2 and confusion is None:
        return None
    with_metrics = [r for r in results if r.get("metrics")]
    lower = goal.lower()
    lines = [line for m in metrics if (line := _metric_line(m, with_metrics, lower)) is not None]
    if confusion is not None:
        lines.append(confusion)
    return "\n".join(lines) if lines else None


BEST_MODEL_RE = re.compile(
    r"\bwhich\s+(?:of\s+(?:the|them|these|those)\s+)?(?:model|one|classifier|regressor|run)s?\b"
    r"[^?.;]{0,40}?\b(?:best|better|won|wins?|highest|top|strongest)\b|"
    r"\bbest\s+(?:model|one|classifier|regressor)\b[^?.;]{0,30}\b(?:here|so far|on this|you trained|"
    r"we trained|i trained)\b",
    re.I,
)
"""'of the models you trained here which one was best?': the thread's trainings compared."""
HIGHER_FIRST = ("f1", "auc", "accuracy", "r2")


def best_model_answer(goal: str, memory: dict[str, Any]) -> str | None:
    """The thread's trained models side by side on the first figure they all have (F1, AUC,
    accuracy or R² higher, else MAE lower), the best named; None with fewer than two.
    """
    if not BEST_MODEL_RE.search(goal[:2000]):
        return None
    trained: dict[str, dict[str, Any]] = {}
    for r in memory.get("results") or []:
        if isinstance(r, dict) and r.get("tool") == "train_model" and r.get("model_path"):
            trained[str(r["model_path"])] = r  # the latest result of each model
    if len(trained) < 2:
        return None
    figures = {p: r.get("metrics") or {} for p, r in trained.items()}
    asked = asked_metric(goal)
    order = ([asked] if asked else []) + [*HIGHER_FIRST, "mae", "rmse"]
    metric = next((m for m in order if all(_metric_value(f, m) for f in figures.values())), None)
    if metric is None:
        return None
    values = {p: _metric_value(f, metric)[1] for p, f in figures.items()}  # type: ignore[index]
    lower = metric in LOWER_IS_BETTER
    best = (min if lower else max)(values, key=values.__getitem__)
    name = METRIC_NAMES_SAID.get(metric, metric)
    others = [
        m for m in order if m != metric and all(_metric_value(f, m) for f in figures.values())
    ]

    def said(path: str) -> str:
        kind = KIND_NAMES.get(str(trained[path].get("model_kind")), "")
        more = ""
        for m in others[:2]:  # the other figures they all have, beside the one compared
            found = _metric_value(figures[path], m)
            if found is not None:
                more += f", {METRIC_NAMES_SAID.get(m, m)} {_fmt(float(found[1]))}"
        head = f"{path} ({kind})" if kind else path
        return f"{head}: {name} {_fmt(float(values[path]))}{more}"

    shown = "; ".join(said(p) for p in values)
    return f"The models trained on this thread, by {name}: {shown}. Best: {best}."


METRIC_NAMES_SAID = {"f1": "F1", **{m: METRIC_NAMES[m] for m in ("auc", "accuracy", "r2", "mae")}}
"""The reporter's names of the figures a comparison of models uses ('f1' said short)."""


KIND_ASKED_RE = re.compile(
    r"\b(?:is|was)\s+(?:it|that|this|the model)\s+(?:an?\s+|the\s+)?(?:linear|logistic|mlp|neural|"
    r"deep|tree|forest|random|boost\w*|svm|regression)\b|\bwhat\s+(?:kind|sort|type)\s+of\s+"
    r"model\b|\bwhich\s+(?:model\s+)?(?:kind|type|algorithm)\b",
    re.I,
)
"""A question about the kind of model trained ('is that a linear model?')."""


def _kind_answer(lower: str, results: list[dict[str, Any]]) -> str | None:
    """'is that a linear model?': the kind the thread's latest training trained."""
    if not KIND_ASKED_RE.search(lower):
        return None
    found = next((r for r in reversed(results) if r.get("model_kind")), None)
    if found is None:
        return None
    kind = KIND_NAMES.get(str(found["model_kind"]), str(found["model_kind"]))
    where = f" ({found['model_path']})" if found.get("model_path") else ""
    return f"The model is {kind}{where}, from {found['tool']}."


def _class_count(lower: str, results: list[dict[str, Any]], memory: dict[str, Any]) -> str | None:
    """'how many came out as churning?': the latest per-class count (predictions, labels) of
    the class the sentence names, by its value or, for a yes/no label, by the label's word.
    """
    result = next((r for r in reversed(results) if r.get("class_counts")), None)
    if result is None:
        return None
    counts = result["class_counts"]
    column = (result.get("args") or {}).get("label_column")
    for model in memory.get("models") or []:
        if isinstance(model, dict) and model.get("path") == result.get("model"):
            column = model.get("label_column") or column
    value = generator_label(lower, {"classes": list(counts), "label_column": column})
    total = sum(v for v in counts.values() if isinstance(v, int | float))
    if value is None:
        if not rx.search(EACH_CLASS_RE, lower):
            return None
        # 'how many of each category did it end up with?': every class's count
        shown = ", ".join(f"{k}: {v}" for k, v in counts.items())
        return f"{shown} — {total} rows in all (from {result['tool']})"
    return f"{value}: {counts[value]} of {total} rows (from {result['tool']})"


EACH_CLASS_RE = re.compile(
    r"\bhow many (?:of )?(?:each|every)\b|\b(?:of|per|for|in)\s+(?:each|every)\s+"
    r"(?:categor\w*|class\w*|labels?|kinds?|types?|groups?)\b|\b(?:breakdown|distribution|split)\s+"
    r"of\s+(?:the\s+)?(?:categor\w*|class\w*|labels?)\b",
    re.I,
)
"""A count of every class asked ('how many of each category did it end up with?')."""


def _special_answer(lower: str, results: list[dict[str, Any]], metric: str | None) -> str | None:
    """Answers that compare: target hit?, against the baseline, the best LFs, which was better."""
    if rx.search(r"\b(labeling functions?|lfs?|rules?)\b", lower) and rx.search(
        r"\b(most accurate|best|worst|accura\w*|strongest|weakest|poorest)\b", lower
    ):
        loop = next((r for r in reversed(results) if r.get("top_lfs")), None)
        weakest = rx.search(r"\b(worst|least accurate|weakest|poorest)\b", lower)
        key = "bottom_lfs" if weakest and loop is not None and loop.get("bottom_lfs") else "top_lfs"
        if loop is not None:
            shown = "; ".join(
                f"{r['name']}: accuracy {_fmt(r['dev_accuracy'])} on {r['dev_votes']} dev labels"
                for r in loop[key]
            )
            said = "least" if key == "bottom_lfs" else "most"
            return f"The {said} accurate labeling functions (from {loop['tool']}): {shown}."
    if rx.search(r"\b(labeling functions?|lfs?|rules?)\b", lower) and rx.search(
        r"\b(covers? (?:the )?most|most coverage|(?:highest|widest|biggest|largest|most) "
        r"(?:coverage|covering))\b",
        lower,
    ):
        applied = next((r for r in reversed(results) if r.get("wide_lfs")), None)
        if applied is not None:
            shown = "; ".join(
                f"{r['name']}: coverage {_fmt(r['coverage'])}" for r in applied["wide_lfs"]
            )
            return f"The labeling functions that cover the most rows (from {applied['tool']}): {shown}."
    gap = _utility_gap(lower, results)
    if gap is not None:
        return gap
    worst = _worst_answer(lower, results)
    if worst is not None:
        return worst
    if rx.search(BASELINE_RE, lower):
        evaluated = next((r for r in reversed(results) if r.get("baseline")), None)
        if evaluated is not None:
            name = metric or next(iter(evaluated["baseline"]), "accuracy")
            mine = _metric_value(evaluated["metrics"], name)
            base = _metric_value(evaluated["baseline"], name)
            if mine and base:
                diff = mine[1] - base[1]
                return (
                    f"{mine[0]}: {_fmt(mine[1])} against the majority-class baseline's "
                    f"{_fmt(base[1])} ({'+' if diff >= 0 else ''}{_fmt(diff)}), "
                    f"from {evaluated['tool']}."
                )
    versus = _versus_earlier(lower, results, metric)
    if versus is not None:
        return versus
    if rx.search(
        r"\b(did (?:we|it|you) (?:hit|meet|reach|make)|hit (?:it|the target)|target met)\b", lower
    ) or rx.search(TARGET_ASKED_RE, lower):
        loop = next((r for r in reversed(results) if "target_met" in r), None)
        if loop is not None:
            target = loop.get("target") or {}
            said = (
                _target_said(target)
                if isinstance(target, dict) and target.get("value") is not None
                else "the target"
            )
            value = _metric_value(loop["metrics"], str(target.get("metric") or metric or "auc"))
            got = f" ({value[0]} {_fmt(value[1])})" if value else ""
            if not _target_set(loop):
                shown = ", ".join(f"{k}={_fmt(v)}" for k, v in loop["metrics"].items())
                return f"No target was set for {loop['tool']}, so there is none to meet; it got {shown}."
            verdict = "Yes" if loop["target_met"] else "No"
            return f"{verdict}: {said} {'met' if loop['target_met'] else 'not met'}{got}, from {loop['tool']}."
    if metric and rx.search(r"\b(which|better|best|higher|lower|compare\w*|both|each)\b", lower):
        scored = [
            (r, found)
            for r in results
            if r.get("metrics") and (found := _metric_value(r["metrics"], metric)) is not None
        ]
        if len(scored) >= 2:
            low = metric in LOWER_IS_BETTER
            best = (min if low else max)(scored, key=lambda rf: rf[1][1])
            lines = [
                f"{r.get('model_path') or r.get('labeled_path') or r['tool']}: "
                f"{found[0]} {_fmt(found[1])}"
                for r, found in scored[-4:]
            ]
            name = best[0].get("model_path") or best[0]["tool"]
            return f"Better {best[1][0]}: {name} ({_fmt(best[1][1])}). " + "; ".join(lines) + "."
    return None


TARGET_ASKED_RE = (
    r"\b(?:did|has|have)\s+(?:we|it|you|they|the\s+(?:model|labels?|run))\s+(?:\w+\s+)?"
    r"(?:get|got|make|made|manage|managed|clear|cleared|achieve|achieved|reach|reached|meet|met|"
    r"hit)\s+(?:it\b|there\b|the\s+(?:goal|target|bar|mark|line|threshold)\b)"
    r"|\bwhat\s+(?:i|we)\s+(?:asked\s+for|wanted|aimed\s+for)\b"
    r"|\b(?:goal|target|bar|threshold)\s+(?:was\s+|is\s+|been\s+)?(?:met|reached|hit|achieved|"
    r"cleared|made)\b"
)
"""'did it get there?', 'did we clear the bar?', 'is that above what I asked for?': whether
the thread's target was met."""
BASELINE_RE = (
    r"\b(baseline|majority(?: class)?|guess\w*|always (?:say|predict|answer|pick)\w*|"
    r"(?:nobody|no one|everyone|everybody) (?:\w+ ){0,2}(?:churn|leave|buy|click|pass|fail)\w*|chance)\b"
)
HELP_RE = re.compile(
    r"\b(did (?:that|it|this|the change) (?:help|make (?:a|any) difference)|any better|"
    r"better or worse|worse or better|an improvement)\b",
    re.I,
)


def _utility_gap(lower: str, results: list[dict[str, Any]]) -> str | None:
    """'utility gap?': a generator's utility on real rows against synthetic ones, subtracted."""
    if not rx.search(r"\b(gap|difference|drop|lose|loss of)\b", lower) or "log" in lower:
        return None
    for result in reversed(results):
        metrics = result.get("metrics") or {}
        real = {
            k.split(" (")[0]: v for k, v in metrics.items() if k.endswith("(trained on real rows)")
        }
        synthetic = {
            k.split(" (")[0]: v
            for k, v in metrics.items()
            if k.endswith("(trained on synthetic rows)")
        }
        for name, value in real.items():
            if name in synthetic:
                gap = value - synthetic[name]
                return (
                    f"Utility gap: {name} {_fmt(value)} trained on real rows against "
                    f"{_fmt(synthetic[name])} trained on synthetic rows, a gap of {_fmt(gap)} "
                    f"(from {result['tool']})."
                )
    return None


EARLIER_RE = re.compile(
    r"\b(?:beat|beats|outperform\w*|better than|worse than|improve\w* on|an improvement on)\s+"
    r"(?:the\s+)?(?:first|previous|old|earlier|original|last|other)\b",
    re.I,
)


def _versus_earlier(lower: str, results: list[dict[str, Any]], metric: str | None) -> str | None:
    """'did it beat the first one?': the latest result against the earlier one of its tool."""
    if not EARLIER_RE.search(lower) and not HELP_RE.search(lower):
        return None
    scored = [r for r in results if r.get("metrics")]
    if len(scored) < 2:
        return None
    latest = scored[-1]
    same = [r for r in scored[:-1] if r["tool"] == latest["tool"]] or scored[:-1]
    first = same[0] if rx.search(r"\b(first|original)\b", lower) else same[-1]
    target = latest.get("target") if isinstance(latest.get("target"), dict) else {}
    names = [metric, _short_metric(str(target.get("metric") or "")), "auc", "f1", "accuracy"]
    pairs = []
    for name in dict.fromkeys(n for n in names if n):
        now, then = _metric_value(latest["metrics"], name), _metric_value(first["metrics"], name)
        if now and then:
            pairs.append((name, now, then))
    if not pairs:
        return None
    # the verdict by the first metric that moved (lower is better for losses), the others said
    moved = next((p for p in pairs if p[1][1] != p[2][1]), pairs[0])
    diff = moved[1][1] - moved[2][1]
    gain = -diff if moved[0] in LOWER_IS_BETTER else diff
    verdict = "Yes" if gain > 0 else "No" if gain < 0 else "A tie"
    said = "; ".join(
        f"{now[0]} {_fmt(now[1])} now against {_fmt(then[1])} before "
        f"({'+' if now[1] >= then[1] else ''}{_fmt(now[1] - then[1])})"
        for _, now, then in [moved, *[p for p in pairs if p is not moved]][:3]
    )
    return f"{verdict}: {said}, from {latest['tool']}."


WORST_RE = re.compile(
    r"\b(worst|most (?:unusual|anomalous|suspicious|extreme|odd|abnormal)|oddest|strangest|"
    r"weirdest|highest[- ]scor\w*|top (?:one|row|outlier|anomaly)|"
    r"(?:first|top) (?:one|row|reading|record|entry) (?:in|on|of) the (?:list|ranking|top))\b",
    re.I,
)


QUALITY_ASKED_RE = re.compile(
    r"\bhow (?:good|well|accurate|reliable)\b|\b(?:is|was|are|were) (?:that|it|this|they|those|"
    r"these) (?:\w+ )?(?:good|ok|okay|any good|usable|decent|reliable)\b",
    re.I,
)
"""A question of how good the thread's result is, with no metric named."""
WHY_STRANGE_RE = re.compile(
    r"\bwhy\b[^?]{0,60}\b(?:strange|odd|weird|unusual|flagged|anomal\w*|outliers?|suspicious|"
    r"stand(?:s)? out)",
    re.I,
)
"""'why is the first row strange?': the top-scored row with its values (what stands out)."""


def _worst_answer(lower: str, results: list[dict[str, Any]]) -> str | None:
    """'which unit was the worst?': the top-scored row of the last anomaly scoring, by its id."""
    why = WHY_STRANGE_RE.search(lower)
    if not WORST_RE.search(lower) and not why:
        return None
    scored = next((r for r in reversed(results) if r.get("worst")), None)
    if scored is None:
        return None
    rows = scored["worst"]
    each = scored.get("worst_reasons_each") or []
    named = next(
        (
            i
            for i, row in enumerate(rows)
            if any(
                isinstance(v, str)
                and len(v) >= 3
                and rx.search(rf"(?<!\w){re.escape(v.lower())}(?!\w)", lower)
                for k, v in row.items()
                if k not in ("row", "score", "rank")
            )
        ),
        None,
    )

    def name(row: dict[str, Any]) -> str:
        ids = [k for k in row if k not in ("row", "score", "rank") and not k.startswith("score_")]
        said = ", ".join(f"{k} {row[k]}" for k in ids)
        where = f"row {row.get('row')}" if "row" in row else ""
        parts = [p for p in (where, f"score {_fmt(row.get('score'))}") if p]
        return f"{said} ({', '.join(parts)})" if said else ", ".join(parts)

    if named is not None and named > 0:
        # 'why is MTR5780 flagged?': that row, not the top one
        line = (
            f"{name(rows[named])} is number {named + 1} of the scan's top rows ({scored['tool']})."
        )
        why_said = each[named] if named < len(each) and each[named] else None
        if why_said:
            return line + " What stands out: " + "; ".join(str(r) for r in why_said) + "."
        return line + (
            " No single value of it is far from its column's usual range: it stands out by its "
            "values together (the scores file has each detector's score)."
        )
    line = f"The worst: {name(rows[0])}, from {scored['tool']}."
    values = scored.get("worst_values")
    reasons = scored.get("worst_reasons")
    if why and isinstance(reasons, list) and reasons:
        line += " What stands out: " + "; ".join(str(r) for r in reasons) + "."
    elif isinstance(values, dict) and values and (why or rx.search(r"\bvalues?\b", lower)):
        line += " Its values: " + ", ".join(f"{k}={_fmt(v)}" for k, v in values.items()) + "."
    if len(rows) > 1:
        line += " Next: " + "; ".join(name(r) for r in rows[1:]) + "."
    return line


# 'can you get it above 0.8 f1?', 'push the auc past 0.9', 'let's hit 95% accuracy': a new
# target for the last loop. 'is the f1 above 0.8?' asks about a result (no verb of reaching).
REACH_RE = re.compile(
    r"\b(?:(?:get|bring|push|take|raise|lift|boost|improve|move)\s+(?:it|that|this|them|the "
    r"(?:model|labels?|score|results?|\w+)|(?:the\s+)?(?:auc|f1|accuracy|acc))\s+(?:up\s+)?"
    r"(?:to|above|over|past|beyond|into)|(?:hit|reach|achieve|get to|get up to|get over|get above|"
    r"make it to|aim (?:for|at)|go for|shoot for))\b",
    re.I,
)


def is_reach_request(goal: str, has_file: bool) -> bool:
    """A stated metric target for what the thread already ran ('get it above 0.8 f1')."""
    if has_file or not REACH_RE.search(goal):
        return False
    if re.match(r"\s*(?:did|was|were|is|are|has|have|does|do)\b", goal, re.I):
        return False  # 'did it get over 0.8 auc?' asks how it went
    from agents.slots import extract_targets

    return any(m in extract_targets(goal) for m in ("auc", "f1", "accuracy"))


def is_improve_request(goal: str, has_file: bool) -> bool:
    """'make it better', 'improve it', 'get it above 0.8 f1': the last loop, stronger."""
    return (bool(IMPROVE_RE.search(goal)) and not has_file) or is_reach_request(goal, has_file)


def stronger_args(
    loop: dict[str, Any], limits: dict[str, int | None], asked: str | None = None
) -> tuple[dict, list[str]]:
    """The last loop's arguments with a stronger search, and what changed (in words). `asked`:
    the metric the person named ('can the F1 get better?'), the one a new target is set on
    when the loop had none (else the first the loop measured).
    """
    tool = loop["tool"]
    args = dict(loop.get("args") or {})
    changes: list[str] = []
    if tool == "train_model":
        kind = str(args.get("model") or "auto")
        models = {str(h.get("model")) for h in loop.get("history") or [] if h.get("model")}
        if kind in ("auto", "logistic", "linear") and "mlp" not in models:
            args["model"] = "mlp"
            changes.append("an MLP instead of " + (kind if kind != "auto" else "the linear model"))
        elif kind == "mlp":
            args["layers"] = min(int(args.get("layers") or 1) + 1, 4)
            args["hidden_size"] = min(int(args.get("hidden_size") or 128) * 2, 4096)
            changes.append(f"a bigger MLP ({args['layers']} layers of {args['hidden_size']})")
    metric_name = args.get("target_metric") or (loop.get("target") or {}).get("metric")
    measured = loop.get("metrics") or {}
    order = [asked] if asked in ("auc", "f1", "accuracy") else []
    if (
        order
        and tool in ("train_model", "label_dataset")
        and metric_name
        and _short_metric(str(metric_name)) != asked
        and _metric_value(measured, order[0])
    ):
        # 'can the F1 be better?' after a run aimed at AUC: the stronger run aims at the F1
        metric_name = "f1_macro" if (asked == "f1" and tool == "label_dataset") else asked
        args["target_metric"] = metric_name
        args.pop("target_value", None)
        args.pop("target_class", None)  # the asked metric is the macro one
    if not metric_name and tool in ("train_model", "label_dataset"):
        # No target before: one attempt ran. A target above the best so far is what makes the
        # stronger search use its attempts (without one the loop stops after the first).
        first = next(
            (m for m in [*order, "auc", "f1", "accuracy"] if _metric_value(measured, m)), None
        )
        if first is not None:
            metric_name = "f1_macro" if (first == "f1" and tool == "label_dataset") else first
    best = None
    where = ""
    if metric_name and not args.get("target_class"):
        # The loop judges its target where it measured it: a training's validation split (a
        # target on one class keeps the person's own value: its figure is not the macro one)
        name = _short_metric(str(metric_name))
        found = _metric_value(loop.get("validation") or {}, name)
        if found is not None:
            where = " on the validation split"
        else:
            found = _metric_value(loop.get("metrics") or {}, name)
        best = found[1] if found else None
    target = args.get("target_value")
    lower = metric_name is not None and _short_metric(str(metric_name)) in LOWER_IS_BETTER
    if lower and best is not None and (target is None or loop.get("target_met")) and best > 0:
        # an error or a loss (MAE in the target's units, log loss): aim a fifth under the best
        new = round(best * 0.8, 6)
        if target is None or new < float(target):
            args["target_value"] = new
            args.setdefault("target_metric", metric_name)
            changes.append(f"target {metric_name} {new} (best so far {best:.3f}{where})")
    elif best is not None and (target is None or loop.get("target_met")) and best < 0.999:
        new = round(min(0.99, best + (1.0 - best) / 2), 3)
        if target is None or new > float(target):
            args["target_value"] = new
            args.setdefault("target_metric", metric_name)
            changes.append(f"target {metric_name} {new} (best so far {best:.3f}{where})")
    targeted = args.get("target_value") is not None or (loop.get("target") or {}).get("value")
    # Only a training may run without a target (a labeling run's schema defaults one).
    if targeted is not None or tool != "train_model":
        changes[:0] = more_attempts(loop, args, limits)
    else:
        # No target, none to set: the loop stops after its first attempt, so more attempts
        # would be a claim, not a change; say why instead.
        why = (
            f"{_shown_metric(str(metric_name))} is already {best:.3f}{where}, so a higher target "
            "cannot be judged there"
            if best is not None
            else "nothing was measured to set one from"
        )
        changes.append(f"{NO_TARGET} ({why}): one attempt, as before")
    return args, changes


def more_attempts(
    loop: dict[str, Any], args: dict[str, Any], limits: dict[str, int | None]
) -> list[str]:
    """Raise `args`' attempts for a stronger run of `loop` (twice as many, six at least, within
    `limits`); the change in words, or nothing when no more are allowed.
    """
    before = int((loop.get("args") or {}).get("max_attempts") or loop.get("attempts") or 3)
    after = max(before * 2, 6)
    if limits.get("max_attempts"):
        after = min(after, int(limits["max_attempts"] or after))
    if after <= before:
        return []
    args["max_attempts"] = after
    return [f"{after} attempts instead of {before}"]


NO_TARGET = "no target set"
"""How `stronger_args` starts the line that says why the stronger run has no target."""


def _shown_metric(name: str) -> str:
    short = _short_metric(name)
    return {"auc": "AUC", "f1": "F1"}.get(short, short)


def _short_metric(name: str) -> str:
    name = name.lower()
    return "f1" if name.startswith("f1") else name


GENERATE_RE = re.compile(
    r"\b(generate|sample|synthesi[sz]e|produce|create|make up|make|give me|draw)\b", re.I
)
GENERIC_COLUMN_WORDS = ("ind", "flag", "label", "class", "has", "status", "col", "target", "yn")


def generator_label(goal: str, generator: dict[str, Any]) -> str | None:
    """The class a generation request names ('200 rows of the high band' → 'high'; 'churned
    customers' with label column 'churned' of yes/no → 'yes'), from the thread's generator.
    """
    classes = [str(c) for c in generator.get("classes") or []]
    lower = goal.lower()
    column_words = [
        re.escape(w)
        for w in rx.split(r"[\W_]+", str(generator.get("label_column") or "").lower())
        if len(w) > 2
    ]
    named_by = "|".join([*column_words, "class", "label", "labell?ed", "="])
    for value in classes:
        # a one-letter class said after its column's word, as written: 'for grade B'
        if len(value) == 1 and rx.search(
            rf"(?i:\b(?:{named_by}))\s*[\"'`]?{re.escape(value)}(?![\w-])", goal
        ):
            return value
    for value in sorted(classes, key=len, reverse=True):
        words = re.escape(value.lower()).replace("_", "[ _-]")
        before, after = "", ""
        if (
            value.lower() in rx.POSITIVE_VALUES + rx.NEGATIVE_VALUES
        ):  # 'no, 50 rows ...' is no class
            before = r"\b(?:class|label|labell?ed|as|=)\s*[\"'`]?"
            # 'make 300 rows of the yes ones': the value said as a kind of row
            after = (
                rf"|\b(?:the|only|just|all)\s+[\"'`]?{words}[\"'`]?\s+"
                r"(?:ones|rows|cases|examples|records|entries|class)\b"
            )
        if len(value) > 1 and rx.search(rf"{before}(?<![\w-]){words}(?![\w-]){after}", lower):
            return value
    column = str(generator.get("label_column") or "").lower()
    if not column or len(classes) != 2:
        return None
    words = [
        rx.sub(r"(ed|ing|s)$", "", w) if len(w) > 4 else w
        for w in rx.split(r"[\W_]+", column)
        if len(w) > 2 and w not in GENERIC_COLUMN_WORDS
    ]
    said = next(
        (
            m
            for w in words
            if (m := rx.search(rf"(\b(?:not|non|never|un)\b[\s-]*)?\b{re.escape(w)}\w*", lower))
        ),
        None,
    )
    if said is None:
        return None
    wanted = rx.NEGATIVE_VALUES if said.group(1) else rx.POSITIVE_VALUES
    return next((c for c in classes if c.lower() in wanted), None)


ELLIPTIC_RE = re.compile(
    r"\b(?:who|that|which)\s+(?:did|do|does|were|was|are|is|have|has|had)(n'?t|\s+not)?"
    r"(?=\s*(?:[,.;:!?()]|$|\s+(?:saved|as|and|to|into|in|please|too|instead|this time|then|->|→)\b))",
    re.I,
)
"""A class said by an auxiliary alone, its verb left to the request before: 'and 300 of people
who did', 'now the ones that weren't'."""
NEGATED_RE = re.compile(
    r"\b(?:didn'?t|don'?t|doesn'?t|weren'?t|wasn'?t|aren'?t|isn'?t|haven'?t|hasn'?t|hadn'?t|"
    r"never|not)\b",
    re.I,
)


def contrasted_label(goal: str, memory: dict[str, Any], classes: list[str]) -> str | None:
    """'And 300 of people who did' after '300 of people who didn't show' (class 'yes'): the
    verb is the earlier request's, so the class is the other of two when the polarity differs
    from that request's, the same class when it does not ('and 200 more who didn't').
    """
    said = ELLIPTIC_RE.search(goal)
    last = memory.get("last_call")
    if said is None or len(classes) != 2 or not isinstance(last, dict):
        return None
    before = str((last.get("args") or {}).get("label") or "")
    if last.get("tool") != "generate_synthetic" or before not in classes:
        return None
    from agents.thread_state import SAID_KEY

    earlier = [s for s in memory.get(SAID_KEY) or [] if isinstance(s, str) and s != goal]
    if not earlier:
        return None
    negated = bool(said.group(1))
    if negated == bool(NEGATED_RE.search(earlier[-1])):
        return before
    return next(c for c in classes if c != before)


VALUE_ASKED_RE = re.compile(
    r"\b(average|mean|median|overall|final|current|our|we|did|was|were|so far|now|it|its|got)\b",
    re.I,
)


def asks_measured_value(goal: str, memory: dict[str, Any]) -> bool:
    """'what's the average quality score?' on a thread that measured quality: its value is
    asked (not what the measure means).
    """
    metric = asked_metric(goal)
    if metric is None or not VALUE_ASKED_RE.search(goal):
        return False
    return any(
        _metric_value(r.get("metrics") or {}, metric) is not None
        for r in memory.get("results") or []
        if isinstance(r, dict)
    )


LISTED_MOST_RE = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|right|hm+|then)\W+)*(?:which|what)\b(?:\s+one|(?:\s+one)?\s+of\s+"
    r"(?:those|these|them|the\s+(?:results|list|hits|ones\s+(?:you\s+)?found)))"
    r"[^?.;]{0,25}?\b(?P<way>most|fewest|least|highest|lowest|biggest|largest|smallest|top)\s+"
    r"(?:number\s+of\s+|amount\s+of\s+)?(?P<what>downloads?|downloaded|likes?|liked|votes?|"
    r"voted|popular|rows|size|big|large)?",
    re.I,
)
"""'which of those has the most downloads?', 'which one is biggest?': of the thread's listing."""
LISTED_KEYS = (
    ("download", "downloads"),
    ("like", "likes"),
    ("popular", "likes"),
    ("vote", "votes"),
    ("row", "rows"),
    ("size", "size"),
    ("big", "size"),
    ("large", "size"),
)


def listing_answer(goal: str, memory: dict[str, Any]) -> str | None:
    """The item of the thread's last listing (a search, trending) with the most or fewest of
    what the question names, from the counts each item came with; None when the question is
    no such question or the listing does not hold that count.
    """
    match = LISTED_MOST_RE.search(goal)
    listing = memory.get("listing") or []
    stats = memory.get("listing_stats") or []
    if match is None or not listing or len(stats) != len(listing):
        return None
    said = (match.group("what") or match.group("way")).lower()
    key = next((k for stem, k in LISTED_KEYS if said.startswith(stem)), None)
    if key is None:
        return None
    counted = [(s[key], item) for s, item in zip(stats, listing, strict=True) if key in s]
    if not counted:
        return None
    fewest = match.group("way").lower() in ("fewest", "least", "lowest", "smallest")
    value, item = (min if fewest else max)(counted, key=lambda c: c[0])
    source = f" ({item['source']})" if item.get("source") else ""
    return (
        f"{item['id']}{source}: {key} {_fmt(value)}, the {'fewest' if fewest else 'most'} of "
        f"the {len(listing)} listed."
    )


# --- figures a result holds, asked in a person's words (twenty-sixth round) -------------------
HOW_MANY_RE = re.compile(r"\b(?:how\s+many|(?:the\s+)?number\s+of|count\s+of)\b", re.I)
NOUN_AFTER_RE = re.compile(
    r"\b(?:how\s+many|number\s+of|count\s+of)\s+(?:(?:the|those|of)\s+)*([a-z][\w-]*)"
)
"""The thing counted ('how many pairs', 'the number of rows'), or a verb ('how many did you')."""
NO_NOUN = frozenset(
    "did do does were was are is have has had you it we they of in there got get came ended "
    "would could will".split()
)
MADE_WORDS = {
    "generate_qa": ("pair", "question", "answer", "qa", "entr", "item", "example"),
    "label_dataset": ("row", "label", "record", "item", "example", "entr", "tag"),
    "predict": ("prediction", "row", "forecast", "estimate", "record"),
}
"""Words a result's made things go by (stems), besides its label column's words."""
NOT_MADE_RE = re.compile(
    r"\b(?:train(?:ing)?|validation|test|dev)\s+(?:split|set|part)|\bsplits?\b|\battempts?\b|"
    r"\b(?:labell?ing\s+functions?|lfs?|rules?|columns?|chunks?|classes|categories|duplicates?|"
    r"dropped|epochs?|features?)\b",
    re.I,
)
"""Counts of something else than what the run made (a split, attempts, rules, columns)."""
SURE_RE = re.compile(
    r"\b(?:sure|confident|certain|trust\w*|reliable|any good|good|accurate|right|correct|"
    r"quality|decent|usable|ok|okay)\b",
    re.I,
)
"""A question of how good what was made is ('how sure are you?', 'are they any good?')."""
ERROR_RE = re.compile(
    r"\b(?:errors?|off\s+by|(?:how\s+(?:far|much)\s+)(?:\w+\s+){0,3}?off|wrong|miss(?:es|ed)?\s+by|"
    r"deviat\w*|mistakes?|mae|rmse|mean\s+absolute|how\s+(?:close|precise|exact|accurate))\b",
    re.I,
)
"""A question of a regression's error: 'what's the error in minutes?', 'how far off is it?'."""
EXTREME_RE = re.compile(
    r"\b(biggest|largest|highest|greatest|longest|max(?:imum)?|top|most|smallest|lowest|least|"
    r"shortest|min(?:imum)?|average|mean|median|typical)\b",
    re.I,
)
PREDICTED_RE = re.compile(r"\b(?:predict\w*|forecast\w*|estimat\w*|expected)\b", re.I)
UNIT_WORDS = frozenset(
    "minutes mins hours hrs days seconds secs weeks months years ms eur usd gbp euros dollars "
    "pounds km kg g m cm mm miles metres meters litres liters kwh percent pct celsius degrees "
    "points".split()
)
WHERE_SAID = {
    "validation": "the validation split",
    "test": "the test set",
    "heldout": "held-out hand labels the run did not tune on",
    "dev": "the dev hand labels",
}


def _num(value: Any) -> str:
    """A figure as a person reads it: 16.0, 0.958, 228."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int) or float(value).is_integer() and abs(value) >= 10:
        return str(int(value))
    return (
        f"{value:.1f}"
        if abs(value) >= 10
        else f"{value:.3g}"
        if abs(value) >= 1
        else f"{value:.3f}"
    )


def _unit(label: Any) -> str:
    """The unit a label's name says ('repair_minutes' → 'minutes'), else ''."""
    if not isinstance(label, str):
        return ""
    words = [w for w in rx.split(r"[^a-z]+", label.lower()) if w]
    return next((w for w in reversed(words) if w in UNIT_WORDS), "")


def _words(text: str) -> list[str]:
    return rx.findall(r"[a-z][a-z'-]*", text.lower())


def _regression(results: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The latest result that measured a regression's error (MAE)."""
    return next(
        (
            r
            for r in reversed(results)
            if isinstance(r.get("metrics"), dict) and "mae" in r["metrics"]
        ),
        None,
    )


def _error_line(result: dict[str, Any]) -> str:
    """'MAE 16.0 minutes (RMSE 21.3) on the validation split, from train_model predicting
    repair_minutes: its predictions are about 16.0 minutes off on average; R² 0.648.'
    """
    metrics = result["metrics"]
    unit = _unit(result.get("label") or (result.get("args") or {}).get("label_column"))
    said = f" {unit}" if unit else ""
    mae = metrics["mae"]
    line = f"MAE {_num(mae)}{said}"
    if isinstance(metrics.get("rmse"), int | float):
        line += f" (RMSE {_num(metrics['rmse'])})"
    where = WHERE_SAID.get(str(result.get("measured_on") or ""), result.get("measured_on"))
    line += f" on {where}" if where else ""
    label = result.get("label")
    line += f", from {result['tool']}" + (f" predicting {label}" if label else "")
    line += f": its predictions are about {_num(mae)}{said} off on average"
    if not unit and label:
        line += f" (in {label}'s own units)"
    if isinstance(metrics.get("r2"), int | float):
        line += f"; R² {_fmt(float(metrics['r2']))} (1 is perfect, 0 no better than the mean)"
    return line + "."


def _predicted_result(results: list[dict[str, Any]]) -> dict[str, Any] | None:
    return next((r for r in reversed(results) if isinstance(r.get("predicted"), dict)), None)


def _label_of_model(result: dict[str, Any], memory: dict[str, Any]) -> str | None:
    for model in memory.get("models") or []:
        if isinstance(model, dict) and model.get("path") == result.get("model"):
            label = model.get("label_column")
            return label if isinstance(label, str) else None
    return None


def _extreme_asked(lower: str, result: dict[str, Any], memory: dict[str, Any]) -> str | None:
    """Which extreme of the predictions a question asks ('max', 'min', 'mean', 'median', 'all'),
    when it speaks of predictions ('the biggest predicted delay', 'the largest prediction') or of
    the predicted label's own words ('the longest delay'); else None.
    """
    m = EXTREME_RE.search(lower)
    if m is None:
        return None
    label = _label_of_model(result, memory) or ""
    label_words = {w for w in rx.split(r"[^a-z]+", label.lower()) if len(w) > 3}
    said = {w.rstrip("s") for w in _words(lower)}
    if not PREDICTED_RE.search(lower) and not label_words & said:
        return None
    word = m.group(1).lower()
    if word in ("biggest", "largest", "highest", "greatest", "longest", "top", "most") or (
        word.startswith("max")
    ):
        return "max"
    if word in ("smallest", "lowest", "least", "shortest") or word.startswith("min"):
        return "min"
    return "median" if word == "median" else "mean"


def _extreme_line(result: dict[str, Any], which: str, memory: dict[str, Any]) -> str:
    """'The highest predicted delay_minutes is 35.5 (sailing_id N12, row 12) of 30 predictions in
    next_week_delays.csv; lowest 13.2, mean 15.1, median 14.7.'
    """
    predicted = result["predicted"]
    label = _label_of_model(result, memory) or "value"
    rows = (result.get("made") or {}).get("count")
    where = result.get("predictions_path")
    among = (f" of {rows} predictions" if rows else "") + (f" in {where}" if where else "")
    names = {"max": "highest", "min": "lowest", "mean": "mean", "median": "median"}
    if which not in predicted:
        which = next((k for k in names if k in predicted), which)
    head = f"The {names[which]} predicted {label} is {_num(predicted.get(which))}"
    row = (predicted.get("extremes") or {}).get(which) if which in ("max", "min") else None
    if isinstance(row, dict):
        parts = [f"{row['id_column']} {row['id']}"] if "id" in row and "id_column" in row else []
        parts += [f"row {row['row']}"] if "row" in row else []
        head += f" ({', '.join(parts)})" if parts else ""
    rest = [f"{names[k]} {_num(predicted[k])}" for k in names if k != which and k in predicted]
    return head + among + (f"; {', '.join(rest)}" if rest else "") + f" (from {result['tool']})."


def _made_asked(lower: str, results: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The result whose made things a 'how many' question counts: by the thing it names ('how
    many pairs', 'how many rows got a label'), else, named none ('how many did you fill?'), the
    latest run that made any. None when it counts something else (a split, rules, attempts).
    """
    if not HOW_MANY_RE.search(lower) or NOT_MADE_RE.search(lower) or NO_VOTE_RE.search(lower):
        return None
    noun = NOUN_AFTER_RE.search(lower)
    made = [r for r in results if isinstance(r.get("made"), dict)]
    if not made:
        return None
    if noun is None or noun.group(1) in NO_NOUN:
        return made[-1]
    said = noun.group(1)
    for result in reversed(made):
        label = str(result.get("label") or "").lower()
        stems = (*MADE_WORDS.get(result["tool"], ()), *[w for w in label.split("_") if len(w) > 3])
        if any(said.startswith(s) for s in stems):
            return result
    return None


def _made_line(result: dict[str, Any]) -> str:
    made = result["made"]
    count, noun, verb = made["count"], made.get("noun", "items"), made.get("verb", "made")
    if result["tool"] == "label_dataset":
        label = result.get("label") or "label"
        total = made.get("of")
        if verb == "filled":
            line = f"I filled in {label} on {count} rows" + (f" of {total}" if total else "")
            if made.get("hand") is not None:
                line += (
                    f"; the other {made['hand']} already had your own {label} (hand labels, kept)"
                )
            if made.get("column"):
                line += f"; the filled column is {made['column']}"
        else:
            line = f"{count}" + (f" of {total}" if total else "") + f" rows got a {label} label"
            if made.get("hand") is not None:
                line += f"; {made['hand']} of your hand labels were used to learn and check them"
        if result.get("labeled_path"):
            line += f" (in {result['labeled_path']})"
        return line + "."
    line = f"{count} {noun} {verb}"
    if made.get("of") is not None:
        line += f" of {made['of']} written"
    if made.get("chunks") is not None:
        line += f" from {made['chunks']} chunk(s)"
    if made.get("asked") is not None and made["asked"] != count and not result.get("warnings"):
        line += f"; {made['asked']} were asked"
    where = result.get("predictions_path") or result.get("dataset_id")
    return line + (f" ({where})" if where else "") + "."


def _quality_line(result: dict[str, Any]) -> str | None:
    """How good what a run made is, in plain words with its figures: a QA set's mean judge
    score and its target; a labeling's quality on the hand labels it held out.
    """
    metrics = result.get("metrics") or {}
    target = result.get("target") if isinstance(result.get("target"), dict) else {}
    met = ""
    if _target_set(result) and "target_met" in result:
        met = f"; {_target_said(target)}: {'met' if result['target_met'] else 'not met'}"
    if result["tool"] == "generate_qa" and isinstance(metrics.get("quality"), int | float):
        return (
            f"Their average quality score is {_fmt(float(metrics['quality']))} (the judge's "
            f"score, 0 to 1, 1 is best){met}."
        )
    plain = plain_verdict(result)
    shown = [
        f"{_shown_metric(k)} {_fmt(float(metrics[k]))}"
        for k in ("accuracy", "auc", "f1_macro", "f1", "mae")
        if isinstance(metrics.get(k), int | float)
    ][:3]
    if not plain and not shown:
        return None
    n = metrics.get("n_labels") or metrics.get("n")
    where = WHERE_SAID.get(str(result.get("measured_on") or ""), "")
    on = f" on {_num(n)} {where}" if n and where else f" on {where}" if where else ""
    line = (plain or "It measured").rstrip(".") + (
        f" ({', '.join(shown)}{on}{met})" if shown else ""
    )
    line += "."
    coverage = metrics.get("coverage")
    if isinstance(coverage, int | float) and coverage < 1:
        line += f" Its labeling functions voted on {_share(float(coverage))} of the rows."
    return line


def asks_thread_figure(goal: str, memory: dict[str, Any], has_file: bool = False) -> bool:
    """A question about a figure the thread's results hold though it names no metric: the error
    of the last regression ('what's the error in minutes?'), an extreme of the last predictions
    ('what's the biggest predicted delay?'). Answered from the thread, never by a tool.
    """
    text = goal.strip()
    if has_file or not (text.endswith("?") or QUESTION_START.match(text)):
        return False
    results = [r for r in memory.get("results") or [] if isinstance(r, dict)]
    return figures_answer(goal, results, memory) is not None


WRONG_RE = re.compile(
    r"\b(?:it|the model|the classifier|the regressor|the predictions?)\s+(?:get|gets|got|was|"
    r"were|is|are)\b[^?.;]{0,20}?\b(?:wrong|off)\b|"
    r"\b(?:was|were|is|are|did)\s+(?:it|the model|the classifier|the regressor|the predictions?)"
    r"\s+(?:get\s+)?(?:\w+\s+)?(?:wrong|off)\b|"
    r"\b(?:get|gets|got|getting)\b[^?.;]{0,30}?\bwrong\b|\bmost wrong\b|\b(?:biggest|largest|worst|highest)\s+(?:prediction\s+)?"
    r"(?:errors?|misses|mistakes|residuals?)\b|\bworst[- ]predicted\b|\bmisclassified\b|"
    r"\bwrong(?:ly)?\s+(?:predicted|classified|labell?ed)\b|\bmissed by the most\b|"
    r"\b(?:where|which\s+\w+)\s+(?:did|does|was|is)\s+(?:it|the model)\s+(?:most\s+)?wrong\b",
    re.I,
)
"""A question about the rows a model got most wrong ('which days did it get most wrong?')."""


def wrong_rows_line(results: list[dict[str, Any]]) -> str | None:
    """The rows the thread's last evaluation got most wrong, by id or row number, or None."""
    # the latest model's own: an older training's rows are not this model's mistakes
    found = next(
        (r for r in reversed(results) if r.get("tool") in ("train_model", "evaluate_model")), None
    )
    said = worst_rows_said(found.get("wrong_rows")) if found is not None else None
    if said is None:
        return None
    where = f" on {found['wrong_on']}" if found.get("wrong_on") else ""
    return f"The {said[0]}{where} (from {found['tool']}): {said[1]}."


def figures_answer(goal: str, results: list[dict[str, Any]], memory: dict[str, Any]) -> str | None:
    """The thread's answer to a question about what its runs made and measured, one line per
    thing asked: how many a run made ('how many did you fill?', with how many were hand labels
    or asked for, and its warnings), how good they are when asked too ('... and how sure are
    you?'), a regression's error in its label's units, an extreme of the predictions.
    """
    lower = goal.lower()
    lines: list[str] = []
    kind = _kind_answer(lower, results)
    if kind:
        lines.append(kind)  # 'is that a linear model? and what was MAE?': both answered
    if WRONG_RE.search(lower):
        wrong = wrong_rows_line(results)
        if wrong is not None:
            return wrong
    predicted = _predicted_result(results)
    which = _extreme_asked(lower, predicted, memory) if predicted is not None else None
    if which is not None:
        lines.append(_extreme_line(predicted, which, memory))
    counted = _made_asked(lower, results)
    if counted is not None and not (counted["tool"] == "predict" and which is not None):
        if _class_count(lower, [counted], memory) is None:
            lines.append(_made_line(counted))
            lines += [f"Warning: {w}" for w in counted.get("warnings") or []]
            if SURE_RE.search(lower.split("how many", 1)[-1]) or rx.search(PLAIN_RE, lower):
                quality = _quality_line(counted)
                if quality:
                    lines.append(quality)
    regression = _regression(results)
    compared = rx.search(
        r"\b(which|better|best|worse|worst|compar\w*|both|each|beat\w*|versus|vs|than|"
        r"baseline|guess\w*|target|help)\b",
        lower,
    )
    if regression is not None and not compared:  # a comparison or a target keeps its answer
        # 'how accurate is it?' of a regression, nothing else answered: its error
        accuracy = asked_metric(goal) == "accuracy" and "accuracy" not in regression["metrics"]
        if ERROR_RE.search(lower) or (accuracy and not lines):
            lines.append(_error_line(regression))
    return "\n".join(lines) if lines else None


SHOW_MADE_RE = re.compile(
    rx.SHOW_LEAD + r"(?:the\s+|those\s+|these\s+)?(?:rows?|ones|records|entries|"
    r"examples|labels|predictions|results|output)\b[^.?!;\n]{0,30}?\b(?:you|it|the\s+(?:run|model))"
    r"\s+(?:just\s+)?(labell?ed|filled(?:\s+in)?|tagged|predicted|wrote|made|scored)\b"
    r"(?!\s+(?:as|into|under|with)\b)"
    r"|^\W*(?:show|let\s+me\s+see|give|display|print|preview)\b(?:\s+(?:me|us))?\s+(?:(?:a\s+few|"
    r"some|a\s+sample|\d{1,3})\s+(?:of\s+)?)?the\s+(labell?ed|filled|predicted)\s+(?:rows|data|"
    r"table|file|output|results)\b",
    re.I,
)
"""A request to see rows the thread's run wrote: 'show me some of the rows you labeled', 'give
me a few of the predictions it made', 'show me the labeled rows'."""


def made_rows_asked(goal: str, memory: dict[str, Any]) -> tuple[str, int | None] | None:
    """The table a request to see the rows a run wrote means, and the rows said ('5 of the rows
    ...'): the labeled output of the latest labeling ('... the rows you labeled'), the
    predictions written ('... it predicted'), else the last table written; None when it asks
    for none (the rows of a class said are the workbench's) or the thread wrote no table.
    """
    m = SHOW_MADE_RE.search(goal[:2000])
    if m is None:
        return None
    verb = (m.group(1) or m.group(2) or "").lower()
    said = rx.search(r"\b(\d{1,3})\b", m.group(0))
    count = min(int(said.group(1)), 200) or None if said else None
    keys = {"predicted": ("predictions_path",)}.get(verb, ("labeled_path",))
    if not verb.startswith(("label", "fill", "tag", "predict")):
        keys = ("labeled_path", "predictions_path", "output", "path")
    for result in reversed([r for r in memory.get("results") or [] if isinstance(r, dict)]):
        for key in keys:
            path = result.get(key)
            if isinstance(path, str) and rx.search(r"\.(?:csv|tsv|parquet|jsonl)$", path):
                return path, count
    table = memory.get("last_table")
    return (table, count) if isinstance(table, str) and table else None
