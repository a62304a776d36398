"""Training plans that measure: two models compared on the same rows, evaluation artefacts."""

from __future__ import annotations

import re
from typing import Any

from agents import patterns as rx
from agents.arguments import OUTPUT_NAME_RE, role_files
from agents.plan import Planning, PlanStep
from agents.slots import FILE_RE

# Model kinds by the words people use for them; 'LR' only in capitals and not as a learning
# rate ('lr 3e-3').
KIND_PATTERNS: tuple[tuple[str, str, int], ...] = (
    (
        r"\b(mlp|multi-?layer perceptron|perceptron|neural(?: net\w*| network| one| model)?|"
        r"deep (?:learning|model|net\w*))\b",
        "mlp",
        re.I,
    ),
    (
        r"\b(logistic(?: regression)?|logreg|linear(?: classifier| model| baseline| one)?|"
        r"simple(?: model| one| baseline|r one)?)\b",
        "logistic",
        re.I,
    ),
    (r"\bLR\b(?!\s*[=:]?\s*\d)", "logistic", 0),
)
RULED_OUT = (
    r"\b(?:not|no|instead of|rather than|without)\s+(?:an?\s+|the\s+)?[\w-]+(?:\s+regression)?"
)
COMPARE_CUES = (
    r"\b(vs\.?|versus|against|compar\w*|head[- ]to[- ]head|side by side|beats?|both|challenger|"
    r"the two|deltas?|which (?:one |of (?:the|them) )?(?:\w+ )?(?:wins?|does better|is better|"
    r"performs? better|comes out ahead))\b"
)
# What evaluate_model reports beyond the training loop's headline metric.
ARTEFACTS = (
    r"\b(confusion[- ]?matri\w*|calibration (?:table|curve|plot|bins|report|read|check|error)|reliability (?:bins|diagram|curve|plot|table)|ece|"
    r"expected calibration error|brier|roc[- ]curves?|roc plots?|pr[- ]curves?|"
    r"precision[- ]recall curves?|per[- ](?:class|label|category) (?:recall|precision|f1|metrics|"
    r"scores?)|(?:recall|precision|f1) (?:of|for|per|on) (?:each|every) (?:class|label|category|"
    r"band|kind|type))\b"
)
MLP_ONLY = ("hidden_size", "layers", "dropout")
FOLLOWERS = ("evaluate_model", "predict", "inspect_dataset", "preview_rows", "list_local_datasets")


def kinds_named(goal: str) -> list[str]:
    """The model kinds a goal names, in the order it names them ('LR vs MLP' → logistic, mlp);
    a kind it rules out ('not an MLP') does not count.
    """
    text = rx.sub(RULED_OUT, " ", goal, flags=re.I)
    first: dict[str, int] = {}
    for pattern, kind, flags in KIND_PATTERNS:
        match = rx.search(pattern, text, flags)
        if match and match.start() < first.get(kind, len(text) + 1):
            first[kind] = match.start()
    return sorted(first, key=first.__getitem__)


_OTHER_KIND_NAMES = (
    r"random[- ]forests?|gradient[- ]boost\w*|boosted trees?|gbm|gbdt|xgboost|xgb|lightgbm|"
    r"lgbm|catboost|svms?|support[- ]vector\w*|k-?nn|k[- ]nearest[- ]neighbou?rs?|"
    r"nearest[- ]neighbou?rs?|decision[- ]trees?|naive[- ]bayes|bert|transformers?|extra[- ]trees"
)
OTHER_KINDS = (
    # said as the model to make ('train a random forest', 'use xgboost', 'an svm classifier',
    # 'with 500 trees'), not as a word of the data ('we surveyed 5000 trees', 'like bert would')
    rf"\b(?:an?|use|using|with|try|trying|train|fit|build|run|via)\s+(?:an?\s+|the\s+)?"
    rf"(?:(?:small|big|simple|quick|basic)\s+)?({_OTHER_KIND_NAMES})\b|"
    rf"\b({_OTHER_KIND_NAMES})\s+(?:model|classifier|regress\w*|regresor|baseline)\b|"
    r"\b(?:with|using)\s+(\d[\d,]*\s+(?:decision\s+)?trees)\b"
)
"""Model kinds people name that train_model has not (it has logistic/linear and an MLP)."""
SEVERAL_MODELS = (
    r"\b(?:compar\w*|try|benchmark|pit)\b[^.;?]{0,20}?\b(?:a\s+few|several|some|"
    r"multiple|different|various|a\s+couple(?:\s+of)?|two|2)\s+(?:\w+\s+){0,2}?"
    r"(?:models|classifiers|regressors|algorithms|kinds of models|model kinds|approaches)\b"
)
"""'compare a few regression models', 'try several classifiers': models compared, none named."""


def other_kinds_named(goal: str) -> list[str]:
    """The model kinds a goal names that train_model has not ('a random forest', 'xgboost')."""
    text = rx.sub(RULED_OUT, " ", goal, flags=re.I)
    found = (next(g for g in m.groups() if g) for m in rx.finditer(OTHER_KINDS, text, re.I))
    return list(dict.fromkeys(k.lower() for k in found))


def asks_comparison(goal: str) -> list[str]:
    """The two model kinds to put head to head, or [] when the goal compares nothing; models
    compared with no kind named ('compare a few regression models') are the two there are.
    """
    kinds = kinds_named(goal)
    if len(kinds) == 2 and rx.search(COMPARE_CUES, goal, re.I):
        return kinds
    if not kinds and rx.search(SEVERAL_MODELS, goal, re.I):
        return ["logistic", "mlp"]
    return []


def note_other_kinds(p: Planning, goal: str) -> None:
    """A training asked of a kind train_model has not ('train a random forest'): said in the
    plan's notes, the kind chosen from the data (the answer names the one trained).
    """
    other = other_kinds_named(goal)
    if not other or not any(s.tool == "train_model" for s in p.steps):
        return
    named = " and ".join(other[:2])
    p.notes.append(
        f"{named}: not a model kind here (there are logistic/linear regression and an MLP); "
        "the kind is chosen from the data, and the answer names the one trained"
    )


def variants(goal: str) -> list[str]:
    """The texts of two variants a goal lists to compare ('two models, (a) ..., (b) ...')."""
    if not rx.search(r"\btwo\b[^.;]{0,40}\b(models|classifiers|variants|versions)\b", goal, re.I):
        return []
    if not rx.search(COMPARE_CUES, goal, re.I):
        return []
    parts = rx.split(r"\((?:a|b|1|2|i|ii)\)\s*", goal)
    if len(parts) != 3:
        return []
    second = rx.split(r"[;\n]|\s\d+\.\s", parts[2])[0]
    return [parts[1], second]


def variant_settings(text: str) -> dict[str, Any]:
    """What one variant states: its kind, n-grams ('unigrams only', 'uni+bigrams'), settings."""
    from agents.options import stated

    args = dict(stated("train_model", text))
    grams = [
        n for n, word in enumerate(("unigram", "bigram", "trigram"), 1) if word in text.lower()
    ]
    if grams:
        args["ngram_max"] = max(grams)
    return args


def shape_measurement(p: Planning, goal: str) -> None:
    """Reshape a planned training run the goal wants measured: two kinds compared → two
    trainings and one evaluation on the same rows; evaluation artefacts asked (a confusion
    matrix, calibration, a ROC curve) → an evaluation after the training.
    """
    _label_fragment(p)
    _side_remark_trainers(p)
    trainers = [i for i, s in enumerate(p.steps) if s.tool == "train_model"]
    if len(trainers) == 2:
        _train_then_measure(p, trainers)
        trainers = [i for i, s in enumerate(p.steps) if s.tool == "train_model"]
    if len(trainers) != 1:
        return
    index = trainers[0]
    later = p.steps[index + 1 :]
    if any(s.tool not in FOLLOWERS for s in later):
        return  # a step that reads the model's outputs: its references would shift
    if _compare_with_thread(p, goal, index):
        return
    kinds = asks_comparison(goal)
    texts = [] if kinds else variants(goal)
    if kinds or texts:
        _compare(p, goal, index, kinds, texts)
    elif rx.search(ARTEFACTS, goal, re.I) and not any(
        s.tool in ("evaluate_model", "predict") for s in later
    ):
        trainer = p.steps[index]
        args: dict[str, Any] = {"model": f"${{steps.{index}.model_path}}"}
        test = trainer.args.pop("test_dataset", None)
        looked = next(
            (
                s
                for s in later
                if rx.search(ARTEFACTS, s.why or "", re.I)
                and s.args.get("dataset") not in (None, trainer.args.get("dataset"))
            ),
            None,
        )
        if looked is not None:  # 'on test.csv give me the reliability bins': not a look-up
            test = looked.args["dataset"]
            p.steps.remove(looked)
        if test:
            args["dataset"] = test  # measured once, by the evaluation, with all its artefacts
        p.steps.insert(index + 1, PlanStep(tool="evaluate_model", args=args, why=goal))
        p.notes.append("an evaluation after training: it reports the artefacts asked for")


THREAD_COMPARE = (
    r"\bcompar\w*|\bversus\b|\bvs\.?(?!\w)|\bhead[- ]to[- ]head\b|\bside by side\b|\bthe two\b"
    r"|\bboth (?:models|of them)\b|\bwhich (?:one )?(?:is|does|did|was) better\b"
)
"""A new training measured against the thread's model ('... and compare the two')."""


def _compare_with_thread(p: Planning, goal: str, index: int) -> bool:
    """One training in a thread that already trained a model, compared with it ('now train a
    logistic regression on the same data and compare the two on the MLP's validation rows'):
    the training, then one evaluation of the thread's model with the new one on the same rows
    (the earlier model's validation rows). Two kinds named where the thread's last training is
    one of them and one training said: the other kind is this training.
    """
    model = p.memory.get("model")
    if not isinstance(model, str) or not rx.search(THREAD_COMPARE, goal, re.I):
        return False
    if any(s.tool == "evaluate_model" for s in p.steps[index + 1 :]):
        return False
    if rx.search(r"\bbaseline\b", goal, re.I) and not rx.search(
        r"\bthe two\b|\bboth\b", goal, re.I
    ):
        return False  # 'compare it with the baseline': the evaluation's own baseline
    trainings = [c for c in p.memory.get("trainings") or [] if isinstance(c, dict)]
    if not trainings or (trainings[-1].get("args") or {}).get("dataset") != p.steps[index].args.get(
        "dataset"
    ):
        return False  # the same rows only when both learn from the same table
    earlier = (trainings[-1].get("args") or {}).get("model")
    kinds = kinds_named(goal)
    if len(kinds) == 2:
        if earlier not in kinds or len(rx.findall(TRAIN_VERB, goal, re.I)) != 1:
            return False
        p.steps[index].args["model"] = next(k for k in kinds if k != earlier)
    elif len(kinds) > 2:
        return False
    args = {"model": model, "compare_model": f"${{steps.{index}.model_path}}"}
    p.steps.insert(index + 1, PlanStep(tool="evaluate_model", args=args, why=goal))
    p.notes.append(f"the new model compared with the thread's {model} on the same rows")
    return True


def _compare(
    p: Planning, goal: str, index: int, kinds: list[str], texts: list[str] | None = None
) -> None:
    trainer = p.steps[index]
    later = p.steps[index + 1 :]
    evaluation = next((s for s in later if s.tool == "evaluate_model"), None)
    stated = [variant_settings(t) for t in texts or []]
    varied = {k for v in stated for k in v}
    base = {k: v for k, v in trainer.args.items() if k not in ("model", "name", *varied)}
    mlp_settings = {k: base.pop(k) for k in MLP_ONLY if k in base}
    test = base.pop("test_dataset", None)
    names = [m.group(1).strip(".") for m in OUTPUT_NAME_RE.finditer(goal)]
    names = [n for n in names if n not in FILE_RE.findall(goal)]
    steps: list[PlanStep] = []
    kinds = kinds or [v.get("model", "auto") for v in stated]
    for position, kind in enumerate(kinds):
        args = {**base, "model": kind, **(mlp_settings if kind == "mlp" else {})}
        if stated:
            args.update(stated[position])
        if len(names) == len(kinds):
            args["name"] = names[position]
        steps.append(PlanStep(tool="train_model", args=args, why=trainer.why))
    first, second = index, index + 1
    eval_args: dict[str, Any] = {
        k: v for k, v in (evaluation.args if evaluation else {}).items() if k != "model"
    }
    eval_args["model"] = f"${{steps.{first}.model_path}}"
    eval_args["compare_model"] = f"${{steps.{second}.model_path}}"
    if "dataset" not in eval_args:
        other = test or _other_table(goal, base.get("dataset"))
        if other:
            eval_args["dataset"] = other
    steps.append(PlanStep(tool="evaluate_model", args=eval_args, why=goal))
    p.steps[index:] = steps
    p.notes.append(
        "two models trained with the same seed and split, then compared on the same rows"
    )


def _other_table(goal: str, trained_on: Any) -> str | None:
    """The one table the goal names besides the training data and its outputs."""
    files = list(dict.fromkeys(FILE_RE.findall(goal)))
    outputs = role_files(goal, files)[2]
    others = [f for f in files if f != trained_on and f not in outputs]
    return others[0] if len(others) == 1 else None


TRAIN_VERB = r"\b(train\w*|fit\w*|build|learn\w*|teach)\b"
MEASURE = (
    r"\b(evaluat\w*|test\w*|score|measure\w*|check\w*|how (?:well|good)|auc|accuracy|f1|"
    r"precision|recall|log[- ]?loss|metrics?)\b"
)


def _train_then_measure(p: Planning, trainers: list[int]) -> None:
    """Two trainings on two files where one clause only measures ('evaluate a classifier on
    test.csv ... train it on train.csv first'; 'fit on a.csv, then on b.csv give me the ECE'):
    one training, then that file measured — by an evaluation when artefacts are asked, else as
    the training's test set.
    """
    first, second = (p.steps[i] for i in trainers)
    if trainers[0] != 0 or any(
        s.tool not in FOLLOWERS for i, s in enumerate(p.steps) if i not in trainers
    ):
        return
    a, b = first.args.get("dataset"), second.args.get("dataset")
    if not a or not b or a == b:
        return

    def measures_only(step: PlanStep) -> bool:
        why = step.why or ""
        asks = rx.search(MEASURE, why, re.I) or rx.search(ARTEFACTS, why, re.I)
        return bool(asks) and not rx.search(TRAIN_VERB, why, re.I)

    if measures_only(first) and not measures_only(second):
        trainer, measured, artefacts = second, a, True  # evaluated first, trained 'first'
    elif measures_only(second) and not measures_only(first):
        trainer, measured = first, b
        artefacts = bool(rx.search(ARTEFACTS, second.why or "", re.I))
    else:
        return
    trainer.args.pop("test_dataset", None)
    other = second if trainer is first else first
    for key in ("model", "target_metric", "target_value", "max_attempts"):
        if key in other.args:
            # 'train a.csv, test b.csv, logistic, target AUC 0.9': the settings said beside the
            # measured file are the one training's, where it has none
            trainer.args.setdefault(key, other.args[key])
    if artefacts:
        evaluate = PlanStep(
            tool="evaluate_model",
            args={"model": "${steps.0.model_path}", "dataset": measured},
            why=second.why if trainer is first else first.why,
        )
        p.steps[:] = [trainer, evaluate]
    else:
        trainer.args["test_dataset"] = measured
        p.steps[:] = [trainer]


def _side_remark_trainers(p: Planning) -> None:
    """A second training whose clause names no file and no training ('Discrimination alone
    won't do') took the goal's files as context: it is a remark, not another run. A setting it
    says ('; name the model x') is the run's, where the run has none.
    """
    trainers = [s for s in p.steps if s.tool == "train_model"]
    for step in trainers[1:]:
        why = step.why or ""
        if not FILE_RE.findall(why) and not rx.search(TRAIN_VERB, why, re.I):
            index = p.steps.index(step)
            if index == len(p.steps) - 1:
                p.steps.pop(index)
                if step.args.get("dataset") == trainers[0].args.get("dataset"):
                    for key, value in step.args.items():
                        trainers[0].args.setdefault(key, value)


def _label_fragment(p: Planning) -> None:
    """'..., label causality (b) ... (d) target AUC 0.85': a requirement fragment naming the
    training's label column is no labeling request; its targets join the training run.
    """
    for index, step in enumerate(list(p.steps)):
        if step.tool != "label_dataset" or index == 0:
            continue
        trainer = p.steps[index - 1]
        label = trainer.args.get("label_column")
        data = step.args.get("data_path") or step.args.get("dataset")
        if trainer.tool != "train_model" or not label or data != trainer.args.get("dataset"):
            continue
        if not rx.search(
            rf"^\s*label(?:\s+column)?\s*(?:is|=|:)?\s*{re.escape(str(label))}\b",
            step.why or "",
            re.I,
        ):
            continue
        for name in ("target_metric", "target_value"):
            if name in step.args and "target_value" not in trainer.args:
                trainer.args[name] = step.args[name]
        if "target_value" in step.args and trainer.args.get("target_value") is None:
            trainer.args["target_value"] = step.args["target_value"]
        p.steps.pop(index)
        return
