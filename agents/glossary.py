"""Plain-words answers to conceptual questions ('what's the difference between precision and
recall?'), so a question about ideas gets an answer instead of a tool run or a clarifying
question. Written for this project; each entry says how forgeflow uses the idea.
"""

from __future__ import annotations

import re

from agents import patterns as rx

ENTRIES: dict[str, tuple[str, str]] = {
    # key: (pattern that names it, what it is in plain words)
    "precision": (
        r"precision",
        "Precision: of the rows the model called positive, the share that really are.",
    ),
    "recall": (
        r"recall|sensitivity",
        "Recall: of the rows that really are positive, the share the model found.",
    ),
    "f1": (
        r"\bf1\b|f-score|f score",
        "F1: the harmonic mean of precision and recall (macro F1 averages it over the classes, "
        "so small classes count as much as large ones).",
    ),
    "accuracy": (
        r"accuracy",
        "Accuracy: the share of rows labeled right; misleading when one class dominates.",
    ),
    "auc": (
        r"\bauc\b|roc",
        "AUC: the chance that a random positive row is scored above a random negative one "
        "(0.5 = guessing, 1.0 = perfect ranking); it judges the ranking, not a threshold.",
    ),
    "log_loss": (
        r"log[- ]?loss|cross[- ]entropy",
        "Log loss: how confident and right the predicted probabilities are (lower is better).",
    ),
    "mae": (
        r"\bmae\b|mean absolute error",
        "MAE (mean absolute error): the average distance between predicted and true numbers, "
        "in the target's units (lower is better); a regression metric.",
    ),
    "rmse": (
        r"\brmse\b|root mean squared? error",
        "RMSE (root mean squared error): like MAE but large misses weigh more, in the target's "
        "units (lower is better); a regression metric.",
    ),
    "r2": (
        r"\br2\b|r²|r-?squared|coefficient of determination",
        "R² (r-squared): the share of the target's variance the model explains (1 = perfect, "
        "0 = no better than predicting the mean, below 0 = worse); a regression metric.",
    ),
    "regression": (
        r"(?<!logistic )\bregression\b",
        "Regression: predicting a number (a price, a count of days) rather than a class. "
        "train_model regresses a numeric column with many distinct values on each row's own "
        "columns (linear or MLP, scored by MAE, RMSE, R²); forecasting a time series from its "
        "past values is not offered.",
    ),
    "baseline": (
        r"baseline",
        "Baseline: what you would get without a model; forgeflow compares every evaluation "
        "with the majority-class baseline (always predicting the most common class), or for a "
        "regressor with always predicting the training mean.",
    ),
    "label_model": (
        r"label model|snorkel",
        "Label model (Snorkel): learns how accurate each labeling function is and how they "
        "correlate, from their agreements and disagreements, and weighs their votes by it.",
    ),
    "majority_vote": (
        r"majority vote|majority",
        "Majority vote: every labeling function that fires counts the same; the most common "
        "vote wins. Simple and robust, but a noisy function counts as much as a precise one.",
    ),
    "labeling_function": (
        r"labell?ing functions?|\blfs?\b",
        "Labeling function: a small rule that votes a label for a row or abstains (a keyword, "
        "a threshold, a regex); many noisy ones together label data without hand-labeling it.",
    ),
    "weak_supervision": (
        r"weak(?:ly)? supervis\w*|weak labels?",
        "Weak supervision: labeling data with many imperfect rules instead of by hand, then "
        "combining their votes into one probabilistic label per row.",
    ),
    "coverage": (
        r"coverage",
        "Coverage: the share of rows at least one labeling function votes on.",
    ),
    "conflict": (
        r"conflicts?|overlaps?",
        "Overlap / conflict: rows where two or more labeling functions vote (overlap), and "
        "where they vote different labels (conflict).",
    ),
    "soft_labels": (
        r"soft labels?|hard labels?|probabilit\w*",
        "Soft vs hard labels: the label model gives each row a probability per class; training "
        "the end classifier on those probabilities (soft labels) keeps how sure each vote was, "
        "so doubtful rows count less, while hard labels treat a 51% guess like a certainty.",
    ),
    "validation": (
        r"validation|held[- ]?out|test set|dev set",
        "Validation vs test: the validation split picks settings during training; the test set "
        "is measured once at the end, never tuned on, so its figure is honest.",
    ),
    "overfitting": (
        r"overfit\w*",
        "Overfitting: a model that learns its training rows by heart and does worse on new ones; "
        "a gap between training and validation scores shows it.",
    ),
    "chunking": (
        r"chunk\w*",
        "Chunking: cutting documents into passages (by paragraph, markdown heading or fixed size) "
        "so each question is generated from, and answerable by, one passage.",
    ),
    "synthetic": (
        r"synthetic|cvae|generator",
        "Synthetic data: new rows sampled from a model of the real table (here a conditional "
        "VAE); its utility is checked by training on synthetic rows and testing on real ones.",
    ),
    "anomaly": (
        r"anomal\w*|outliers?|isolation forest",
        "Anomaly detection: scoring rows by how unlike the rest they are (isolation forest, "
        "local outlier factor, rare value pairs); high scores are worth a look, not proof.",
    ),
    "quality_score": (
        r"quality score|quality|judge",
        "Quality score (QA pairs): a judge's 0-1 rating of each question-answer pair: is the "
        "answer grounded in its chunk (supported by the text, not invented), correct and "
        "complete, and is the question clear on its own; pairs under the threshold are "
        "regenerated or rejected.",
    ),
    "tfidf": (
        r"tf-?idf|n-?grams?",
        "TF-IDF: text as word (and n-gram) counts, weighted up for words rare across rows.",
    ),
    "mlp": (
        r"\bmlp\b|neural net\w*|multi-?layer",
        "MLP: a small neural network (layers of weighted sums and non-linearities); more "
        "flexible than logistic regression, needs more data.",
    ),
    "logistic": (
        r"logistic",
        "Logistic regression: a linear model of the log-odds of each class; fast, stable, a "
        "strong baseline for text and tables.",
    ),
}
QUESTION = re.compile(
    r"\bdifference between\b|\bwhat(?:'s| is| are| does)? .{0,40}\bmean\b|\bexplain\b|"
    r"\bin plain (?:words|english)\b|\bwhat(?:'s| is) (?:a|an)\b|\bwhat are\b|"
    r"\bhow (?:does|do) .{1,40} work\b|\bwhy (?:is|does|do|would|should)\b|\bvs\.? .{1,30}\?$|"
    r"\bwhat does .{1,60} (?:measure|tell me|show)\b|"
    r"\b(?:is|are) .{1,60}\bor\b.{1,60}\b(?:better|best|right|preferable|more useful|worse)\b|"
    r"\bwhich (?:is|one is|would be) (?:better|best|preferable)\b|\bshould i (?:use|prefer|pick)\b|"
    r"\b(?:your|an) (?:opinion|view|take)\b|\bwhat do you think\b|\bconceptually\b|"
    r"\bin (?:theory|principle)\b",
    re.I,
)
# The person says nothing should run ('just your opinion, don't train anything'): the words
# that follow are not requests, and a question naming a file is still only a question.
NO_RUN = re.compile(
    r"\b(?:don'?t|do not|no need to|without)\s+(?:actually\s+)?(?:train|run|fit|label|build|"
    r"compute|execute|do)\w*(?:\s+(?:anything|it|them|a model|any\w*))?|\bjust your (?:opinion|view|take)\b|"
    r"\bconceptually\b|\bin (?:theory|principle)\b",
    re.I,
)
ACTION = re.compile(
    r"\b(train|fit|label(?! model)|fill|download|search|find|generate|chunk|predict|export|save|apply|"
    r"evaluate|build|create|make|run|detect|inspect|list|show)\b(?! me what)",
    re.I,
)


def concept_answer(question: str, names_files: bool = False) -> str | None:
    """An answer from the entries the question names, or None when it names none.

    A question that names files is answered only when the person says nothing should run.
    """
    text = question.strip()
    no_run = NO_RUN.search(text)
    if names_files and not no_run:
        return None
    asked = rx.sub(r"\bexplain\b", "", NO_RUN.sub(" ", text))
    if not QUESTION.search(text) or (ACTION.search(asked) and not no_run):
        return None
    found = [line for pattern, line in ENTRIES.values() if rx.search(pattern, text, re.I)]
    if not found:
        return None
    return " ".join(found[:4])
