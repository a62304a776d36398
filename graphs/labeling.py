"""The labeling loop subgraph: write -> apply -> analyse -> combine -> evaluate -> diagnose -> write."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

from agents.lf_writer import Labelled, MinerConfig, builtin_write, llm_write, top_confident
from errors import BadInput
from graphs.loop import run_loop
from tools.base import ToolContext
from tools.labeling.analysis import label_metrics, lf_summary, matrix_summary
from tools.labeling.apply import apply_lfs
from tools.labeling.candidates import (
    Candidate,
    choose,
    gbm_candidate,
    linear_candidate,
    safe_probs,
    table_matrix,
)
from tools.labeling.combine import class_prior, combine
from tools.labeling.endmodel import MAX_TREE_CLASSES, features, match_prior, train_end_model
from tools.labeling.outputs import (
    artifact,
    file_stem,
    output_dir,
    write_json,
    write_labeled,
    write_summary,
)
from tools.labeling.sandbox import sandbox_status
from tools.labeling.specs import parse_lfs
from tools.labeling.task import Task, load_task
from tools.labeling.tools import LabelDatasetInput, WriteLabelingFunctionsInput

END_MODEL_TOLERANCE = 0.15


def _chat_model(writer: str) -> Any:
    """The chat model for the LLM writer, or None for the built-in miner."""
    if writer == "builtin":
        return None
    from agents.llm import get_chat_model

    model = get_chat_model()
    if model is None and writer == "llm":
        raise BadInput(
            "writer 'llm' needs a configured LLM",
            hint="set FORGEFLOW_LLM=openai:<model> (or gemini:<model>), or use writer 'builtin'",
            code="llm_not_configured",
        )
    return model


def _samples(task: Task, n: int = 8) -> list[dict[str, Any]]:
    """A few hand-labelled rows per class for the LLM prompt (text cut to 400 characters)."""
    out = []
    for c, name in enumerate(task.classes):
        rows = task.dev_rows[task.dev_labels == c][: max(1, n // len(task.classes))]
        for r in rows:
            record = {
                str(k): _plain(v)
                for k, v in task.frame.iloc[int(r)].to_dict().items()
                if k != task.label_column
            }
            out.append({"label": name, "row": record})
    return out


def _plain(value: Any) -> Any:
    """A JSON-safe scalar for the prompt (numpy types unwrapped, NaN as None, text cut)."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, str):
        return value[:400]
    return value if isinstance(value, int | float | bool | type(None)) else str(value)[:400]


@dataclass
class Labeler:
    """One labeling run: the task, what stays fixed across attempts, and each attempt's output."""

    task: Task
    args: LabelDatasetInput
    ctx: ToolContext
    model: Any = None
    miner: MinerConfig = field(default_factory=MinerConfig)
    outputs: dict[int, dict[str, Any]] = field(default_factory=dict)
    cache: dict[Any, Any] = field(default_factory=dict)
    _features: Any = None
    _table: Any = None
    failures: list[dict[str, str]] = field(default_factory=list)

    @property
    def metric(self) -> str:
        return self.args.target_metric if self.args.target_metric != "coverage" else "accuracy"

    def features(self) -> Any:
        if self._features is None:
            self._features = features(
                self.task.frame, self.task.text_columns, self.task.feature_columns
            )
        return self._features

    def table(self) -> tuple[np.ndarray, np.ndarray, list[str]] | None:
        """The tabular feature columns as a dense matrix for tree models (None: text only)."""
        t = self.task
        if self._table is None:
            tabular = [c for c in t.feature_columns if c not in t.text_columns]
            self._table = (table_matrix(t.frame, tabular) if tabular else None) or ()
        return self._table or None

    def write(
        self,
        pseudo: Labelled | None = None,
        analysis: list | None = None,
        diagnosis: list[str] | None = None,
    ) -> tuple[list[dict[str, Any]], list[str]]:
        """New LFs from the built-in miner and, when configured, the LLM."""
        t = self.task
        dev = Labelled(t.dev_rows, t.dev_labels)
        specs = builtin_write(
            t.frame,
            classes=t.classes,
            text_columns=t.text_columns,
            feature_columns=t.feature_columns,
            dev=dev,
            pseudo=pseudo,
            config=self.miner,
            cache=self.cache,
        )
        notes = [f"built-in miner proposed {len(specs)} LFs"]
        if self.model is not None:
            valid, invalid, rounds = llm_write(
                self.model,
                goal=self.args.goal,
                classes=t.classes,
                columns=[c for c in t.frame.columns if c != t.label_column],
                samples=_samples(t),
                analysis=analysis,
                diagnosis=diagnosis,
            )
            taken = {s["name"] for s in specs}
            code = [v for v in valid if v.get("kind") == "code"]
            if code and not sandbox_status()[0]:
                valid = [v for v in valid if v.get("kind") != "code"]
                notes.append(
                    f"dropped {len(code)} code LFs from the LLM: the sandbox is unavailable"
                )
            for spec in valid:
                if spec["name"] in taken:
                    spec = {**spec, "name": f"{spec['name']}_llm"}
                if spec["name"] not in taken:
                    taken.add(spec["name"])
                    specs.append(spec)
            notes.append(f"LLM wrote {len(valid)} valid LFs in {rounds} round(s)")
            if invalid:
                notes.append(
                    f"LLM left {len(invalid)} invalid: "
                    + "; ".join(f"{i['name']}: {i['error']}" for i in invalid[:5])
                )
        return specs, notes

    # produce: apply -> analyse -> combine -> end model
    def produce(self, config: dict[str, Any]) -> dict[str, Any]:
        t = self.task
        self.ctx.check_cancelled()
        attempt = len(self.outputs) + 1
        self.ctx.progress(f"attempt {attempt}: applying {len(config['lfs'])} LFs", None)
        specs = parse_lfs(config["lfs"], t.classes)
        result = apply_lfs(
            t.frame,
            specs,
            t.classes,
            id_column=t.id_column,
            sandbox_options={
                "timeout_s": self.args.code_timeout_s,
                "cancel_event": self.ctx.cancel_event,
            },
        )
        summary = lf_summary(
            result.matrix,
            result.names,
            t.classes,
            dev_rows=t.dev_rows,
            dev_labels=t.dev_labels,
            errors=result.errors,
        )
        ok = np.array([n not in result.failed for n in result.names], dtype=bool)
        matrix = result.matrix[:, ok] if ok.any() else result.matrix[:, :0]
        combined = combine(
            matrix,
            len(t.classes),
            dev_rows=t.dev_rows,
            dev_labels=t.dev_labels,
            metric=self.metric,
            seed=self.args.seed,
        )
        probs = combined.probs.copy()
        covered = combined.covered
        source = np.where(covered, combined.method, "prior").astype(object)
        source[covered] = "label_model"
        end = None
        end_note = "end model off"
        train_rows: np.ndarray | None = None
        unlabeled_rows: np.ndarray | None = None
        if self.args.end_model:
            X, _info = self.features()
            gold_mask = np.zeros(len(t.frame), dtype=bool)
            gold_mask[t.gold.rows] = True
            train_rows = np.flatnonzero(covered & ~gold_mask)
            unlabeled_rows = np.flatnonzero(~covered & ~gold_mask)
            table = self.table()
            try:
                end = train_end_model(
                    X,
                    combined.probs,
                    train_rows,
                    dev_rows=t.dev_rows,
                    dev_labels=t.dev_labels,
                    metric=self.metric,
                    seed=self.args.seed,
                    unlabeled_rows=unlabeled_rows,
                    table=None if table is None else table[:2],
                )
            except Exception as exc:  # noqa: BLE001 - one failing model must not end the run
                end = None
                end_note = f"end model failed and was dropped: {type(exc).__name__}: {exc}"
                self.failures.append(
                    {"attempt": str(attempt), "candidate": "end_model", "error": end_note}
                )
            if end is not None:
                end.probs = match_prior(
                    end.probs, class_prior(len(t.classes), t.dev_labels), np.flatnonzero(~gold_mask)
                )
            if end is None:
                if end_note == "end model off":
                    end_note = "end model skipped: too few covered rows or one class only"
            else:
                probs[~covered] = end.probs[~covered]
                source[~covered] = "end_model"
                comb_dev = label_metrics(probs[t.dev_rows], t.dev_labels, len(t.classes))
                end_score = end.dev_metrics.get(self.metric)
                comb_score = comb_dev.get(self.metric)
                # The LFs were written from the dev labels, so the LF-based dev score is
                # optimistic; the end model's dev probabilities are cross-fitted. It is kept
                # unless it is clearly worse on dev (by more than END_MODEL_TOLERANCE).
                if end_score is not None and (
                    comb_score is None or end_score >= comb_score - END_MODEL_TOLERANCE
                ):
                    probs = end.probs.copy()
                    source[:] = "end_model"
                    end_note = (
                        f"end model used for every row (dev {self.metric} {end_score} vs "
                        f"{comb_score} for the LF combination)"
                    )
                else:
                    end_note = (
                        f"end model used for the {int((~covered).sum())} uncovered rows "
                        f"(dev {self.metric} {end_score} < {comb_score} - "
                        f"{END_MODEL_TOLERANCE} for all rows)"
                    )
        source[(source == "prior")] = "label_model"
        probs = safe_probs(probs, len(t.classes))
        output = {
            "attempt": attempt,
            "specs": [s.to_dict() for s in specs],
            "summary": summary,
            "errors": result.errors,
            "matrix": matrix_summary(result.matrix),
            "probs": probs,
            "covered": covered,
            "source": source,
            "combiner": combined.method,
            "combiner_reason": combined.reason,
            "combiner_dev": combined.dev_metrics,
            "end_model": None
            if end is None
            else {
                "model": end.features.get("model"),
                "kind": end.kind,
                "dev": end.dev_metrics,
                "C": end.C,
                "trained_on": end.trained_on,
                "self_train_rounds": end.self_train_rounds,
            },
            "end_model_note": end_note,
            "changes": config.get("changes", []),
            "combined_probs": combined.probs,
            "train_rows": train_rows,
            "unlabeled_rows": unlabeled_rows,
        }
        self.outputs[attempt] = output
        return output

    def refit(self, output: dict[str, Any]) -> dict[str, Any]:
        """After the loop: retrain the chosen end model with every hand label (dev + held-out).

        The reported metrics are those of the attempt as measured; the refit only adds the
        held-out labels to the end model's training, as a final model is refit on all data.
        """
        t = self.task
        if output["end_model"] is None or not self.args.refit_with_heldout or not len(t.heldout):
            return {"done": False}
        X, _info = self.features()
        table = self.table()
        try:
            end = train_end_model(
                X,
                output["combined_probs"],
                output["train_rows"],
                dev_rows=t.gold.rows,
                dev_labels=t.gold.labels,
                metric=self.metric,
                seed=self.args.seed,
                grid=(output["end_model"]["C"],),
                kinds=(output["end_model"]["kind"],),
                unlabeled_rows=output["unlabeled_rows"],
                table=None if table is None else table[:2],
            )
        except Exception as exc:  # noqa: BLE001 - the unrefit model stays
            return {"done": False, "error": f"{type(exc).__name__}: {exc}"}
        if end is None:
            return {"done": False}
        gold_mask = np.zeros(len(t.frame), dtype=bool)
        gold_mask[t.gold.rows] = True
        end.probs = match_prior(
            end.probs, class_prior(len(t.classes), t.gold.labels), np.flatnonzero(~gold_mask)
        )
        use = output["source"] == "end_model"
        output["probs"] = output["probs"].copy()
        output["probs"][use] = end.probs[use]
        output["probs"] = safe_probs(output["probs"], len(t.classes))
        return {"done": True, "hand_labels": int(len(t.gold.rows)), "rows": int(use.sum())}

    def no_lfs(self, changes: list[str]) -> dict[str, Any]:
        """A stand-in for the loop when no LF could be written: no attempt, prior labels."""
        t = self.task
        n, k = len(t.frame), len(t.classes)
        self.outputs[0] = {
            "attempt": 0,
            "specs": [],
            "summary": [],
            "errors": [],
            "matrix": {"coverage": 0.0, "overlap": 0.0, "conflict": 0.0},
            "probs": np.tile(class_prior(k, t.dev_labels), (n, 1)),
            "covered": np.zeros(n, dtype=bool),
            "source": np.full(n, "prior", dtype=object),
            "combiner": None,
            "combiner_reason": "no labeling function could be written from these hand labels",
            "combiner_dev": {},
            "end_model": None,
            "end_model_note": "no LFs, so no end model on their labels",
            "changes": [*changes, "no LF could be written; only hand-label models are candidates"],
        }
        held = len(t.heldout_rows) > 0
        metrics = {
            "auc": None,
            "accuracy": None,
            "f1_macro": None,
            "coverage": 0.0,
            "measured_on": "heldout" if held else "dev",
            "n_labels": int(len(t.heldout_rows) if held else len(t.dev_rows)),
            "dev_auc": None,
            "dev_accuracy": None,
            "dev_f1_macro": None,
            "lfs": 0,
            "lf_errors": 0,
            "combiner": None,
        }
        return {
            "best_attempt": 0,
            "attempts": 0,
            "history": [],
            "target_met": False,
            "best": {"metrics": metrics},
        }

    # select: the loop's labels against models that see the hand labels only
    def candidates(self, best: dict[str, Any]) -> list[Candidate]:
        """Every candidate, trained on the dev labels only; failures are recorded and skipped."""
        t = self.task
        k = len(t.classes)
        seed = self.args.seed
        cands = [Candidate("weak_supervision", safe_probs(best["probs"], k), None, "LFs")]
        X, _info = self.features()
        text = bool(t.text_columns)

        def attempt(name: str, build: Any) -> Candidate | None:
            try:
                cand = build()
            except Exception as exc:  # noqa: BLE001 - a failing candidate is dropped, not fatal
                self.failures.append(
                    {
                        "attempt": "selection",
                        "candidate": name,
                        "error": f"{type(exc).__name__}: {exc}",
                    }
                )
                return None
            if cand is not None:
                cands.append(cand)
            return cand

        linear = None
        if X.shape[1]:
            linear = attempt(
                "hand_labels_linear",
                lambda: linear_candidate(
                    X, t.dev_rows, t.dev_labels, k, 10.0 if text else 1.0, seed
                ),
            )
        table = self.table()
        # Trees on a handful of labels only memorise them: from 30 dev labels up.
        # One tree per class and round: not past MAX_TREE_CLASSES classes (bounded cost).
        if table is not None and not text and len(t.dev_rows) >= 30 and k <= MAX_TREE_CLASSES:
            attempt(
                "hand_labels_gbm",
                lambda: gbm_candidate(table[0], table[1], t.dev_rows, t.dev_labels, k, seed),
            )
        if linear is not None:
            attempt("self_training", lambda: self._self_training(linear, X, table))
        E = self.embeddings()
        if E is not None:
            emb = attempt(
                "embedding_linear",
                lambda: _renamed(
                    linear_candidate(E, t.dev_rows, t.dev_labels, k, 10.0, seed), "embedding_linear"
                ),
            )
            if emb is not None:
                attempt(
                    "embedding_self_training",
                    lambda: _renamed(self._self_training(emb, E, None), "embedding_self_training"),
                )
        return cands

    def embeddings(self) -> Any:
        """Sentence embeddings of the text column when asked for (auto: short texts only)."""
        from tools.labeling import embeddings

        t = self.task
        mode = self.args.embeddings
        if mode == "off" or not t.text_columns or not embeddings.available():
            return None
        texts = t.frame[t.text_columns[0]].astype("string").fillna("").tolist()
        if mode == "auto" and not embeddings.short_texts(texts):
            return None
        try:
            return sparse.csr_matrix(embeddings.embed(texts))
        except Exception as exc:  # noqa: BLE001 - the other candidates go on without it
            self.failures.append(
                {
                    "attempt": "selection",
                    "candidate": "embeddings",
                    "error": f"{type(exc).__name__}: {exc}",
                }
            )
            return None

    def _self_training(self, linear: Candidate, X: Any, table: Any) -> Candidate | None:
        """The end model (with self-training) on the hand-label model's pool predictions."""
        t = self.task
        k = len(t.classes)
        gold_mask = np.zeros(len(t.frame), dtype=bool)
        gold_mask[t.gold.rows] = True
        pool = np.flatnonzero(~gold_mask)
        tab = None if table is None else table[:2]

        def run(rows: np.ndarray, labels: np.ndarray, soft: np.ndarray, **kw: Any) -> Any:
            soft = match_prior(soft, class_prior(k, labels), pool)
            end = train_end_model(
                X,
                soft,
                pool,
                dev_rows=rows,
                dev_labels=labels,
                metric=self.metric,
                seed=self.args.seed,
                table=tab,
                **kw,
            )
            if end is None:
                raise ValueError("nothing to self-train on")
            return end

        end = run(t.dev_rows, t.dev_labels, linear.probs)

        def refit(rows: np.ndarray, labels: np.ndarray) -> np.ndarray:
            assert linear.refit is not None
            again = run(rows, labels, linear.refit(rows, labels), grid=(end.C,), kinds=(end.kind,))
            return match_prior(again.probs, class_prior(k, labels), pool)

        probs = match_prior(end.probs, class_prior(k, t.dev_labels), pool)
        return Candidate(
            "self_training", safe_probs(probs, k), refit, end.features.get("model", "")
        )

    # measure: dev (tuned on) and held-out (reported; the target is checked here)
    def measure(self, output: dict[str, Any]) -> dict[str, Any]:
        t = self.task
        k = len(t.classes)
        dev = label_metrics(output["probs"][t.dev_rows], t.dev_labels, k)
        held = label_metrics(output["probs"][t.heldout_rows], t.heldout_labels, k)
        on_heldout = len(t.heldout_rows) > 0
        main = held if on_heldout else dev
        metrics = {
            "auc": main["auc"],
            "accuracy": main["accuracy"],
            "f1_macro": main["f1_macro"],
            "coverage": output["matrix"]["coverage"],
            "measured_on": "heldout" if on_heldout else "dev",
            "n_labels": main["n"],
            "dev_auc": dev["auc"],
            "dev_accuracy": dev["accuracy"],
            "dev_f1_macro": dev["f1_macro"],
            "lfs": len(output["specs"]),
            "lf_errors": len(output["errors"]),
            "combiner": output["combiner"],
        }
        self.ctx.progress(
            f"attempt {output['attempt']}: {self.args.target_metric}="
            f"{metrics.get(self.args.target_metric)} ({metrics['measured_on']})",
            min(0.95, output["attempt"] / self.args.max_attempts),
        )
        return metrics

    # diagnose: drop weak LFs, mine for uncovered / pseudo-labelled rows, adjust thresholds
    def adjust(
        self, config: dict[str, Any], history: list[dict[str, Any]]
    ) -> tuple[dict, list[str]]:
        t = self.task
        last = self.outputs[max(self.outputs)]
        changes: list[str] = []
        keep: list[dict[str, Any]] = []
        dropped = []
        by_name = {r["name"]: r for r in last["summary"]}
        for spec in last["specs"]:
            row = by_name[spec["name"]]
            if row["error"]:
                dropped.append(f"{spec['name']} (failed: {row['error']})")
            elif row["coverage"] == 0:
                dropped.append(f"{spec['name']} (never fires)")
            elif (
                row["dev_accuracy"] is not None
                and row["dev_votes"] >= 2
                and row["dev_accuracy"] < self.args.accuracy_floor
            ):
                dropped.append(f"{spec['name']} (dev accuracy {row['dev_accuracy']:.2f})")
            else:
                keep.append(spec)
        if dropped:
            changes.append(
                f"dropped {len(dropped)} LFs below the floor: " + ", ".join(dropped[:10])
            )
        coverage = last["matrix"]["coverage"]
        if coverage < 0.6 and self.miner.min_precision > 0.6:
            self.miner.min_precision = round(self.miner.min_precision - 0.05, 2)
            self.miner.max_per_class += 20
            changes.append(
                f"coverage {coverage:.2f} is low: min precision lowered to "
                f"{self.miner.min_precision}, up to {self.miner.max_per_class} per class"
            )
        elif last["matrix"]["conflict"] > 0.2:
            self.miner.min_precision = round(min(0.95, self.miner.min_precision + 0.05), 2)
            changes.append(
                f"conflicts {last['matrix']['conflict']:.2f} are high: min precision "
                f"raised to {self.miner.min_precision}"
            )
        probs = last["probs"]
        gold_mask = np.zeros(len(t.frame), dtype=bool)
        gold_mask[t.gold.rows] = True
        pseudo = top_confident(
            probs, gold_mask, self.miner.pseudo_fraction, self.miner.pseudo_weight
        )
        # Uncovered rows weigh more, so new LFs go where the current set is silent.
        uncovered = ~last["covered"][pseudo.rows]
        pseudo.weights = np.where(uncovered, 2 * self.miner.pseudo_weight, self.miner.pseudo_weight)
        changes.append(
            f"mined with {len(pseudo.rows)} confident pool rows as pseudo-labels "
            f"({int(uncovered.sum())} of them uncovered)"
        )
        diagnosis = [
            *changes,
            f"coverage {coverage:.2f}, conflict {last['matrix']['conflict']:.2f}",
        ]
        new, notes = self.write(pseudo, last["summary"], diagnosis)
        names = {s["name"] for s in keep}
        removed = {s["name"] for s in last["specs"]} - names
        added = [s for s in new if s["name"] not in names and s["name"] not in removed]
        changes.extend(notes)
        changes.append(f"added {len(added)} new LFs")
        if not keep and not added:
            # Every LF fell below the floor and the miner found none: another attempt has
            # nothing to apply, so the loop ends at its best attempt (the hand-label models
            # still compete with it for the labels).
            changes.append("no labeling function is left to try: the loop stops here")
            return {"lfs": [], "changes": changes, "stop": True}, changes
        return {"lfs": keep + added, "changes": changes}, changes


def _renamed(cand: Candidate | None, name: str) -> Candidate | None:
    if cand is not None:
        cand.name = name
    return cand


def _compact_history(history: list[dict[str, Any]], labeler: Labeler) -> list[dict[str, Any]]:
    out = []
    for h in history:
        output = labeler.outputs[h["attempt"]]
        out.append(
            {
                "attempt": h["attempt"],
                "metrics": h["metrics"],
                "changes": output["changes"],
                "next_changes": h.get("next_changes", []),
                "failures": [f for f in labeler.failures if f["attempt"] == str(h["attempt"])],
                "config": {
                    "lfs": len(output["specs"]),
                    "combiner": output["combiner"],
                    "end_model": output["end_model_note"],
                },
            }
        )
    return out


def _load(args: LabelDatasetInput | WriteLabelingFunctionsInput) -> Task:
    """The rows and hand labels the data arguments name."""
    return load_task(
        args.dataset,
        gold=args.gold,
        id_column=args.id_column,
        label_column=args.label_column,
        gold_id_column=args.gold_id_column,
        gold_label_column=args.gold_label_column,
        classes=args.classes,
        text_column=args.text_column,
        feature_columns=args.feature_columns,
        dev_fraction=args.dev_fraction,
        seed=args.seed,
        allow_many_classes=args.allow_many_classes,
    )


LABEL_FILES = (
    "labeled.parquet",
    "labeling_functions.json",
    "lf_summary.csv",
    "lf_summary.png",
    "metrics.json",
)
"""The files label_dataset writes into its output folder."""


def label_dataset(args: LabelDatasetInput, ctx: ToolContext) -> dict[str, Any]:
    """Run the labeling loop to its target or its attempts, write the best attempt's artifacts."""
    from store.outputs import refuse_filling

    if args.output_dir:  # files of the person's in that folder are refused before any work
        refuse_filling(
            args.output_dir,
            LABEL_FILES,
            "output_dir",
            tool="label_dataset",
            overwrite=args.overwrite,
            run_id=ctx.run_id,
        )
    started = time.perf_counter()
    task = _load(args)
    ctx.progress(f"loaded {len(task.frame)} rows, {len(task.gold.rows)} hand labels", 0.05)
    labeler = Labeler(task=task, args=args, ctx=ctx, model=_chat_model(args.writer))
    if args.labeling_functions:
        lfs = [s.to_dict() for s in parse_lfs(args.labeling_functions, task.classes)]
        first_changes = [f"started from the {len(lfs)} given LFs"]
    else:
        lfs, first_changes = labeler.write()
    target = {"metric": args.target_metric, "value": args.target_value, "higher_is_better": True}
    if lfs:
        loop = run_loop(
            labeler.produce,
            labeler.measure,
            labeler.adjust,
            config={"lfs": lfs, "changes": first_changes},
            target=target,
            max_attempts=args.max_attempts,
        )
    else:
        # No LF could be mined (e.g. a few hand labels on a small table): the models of the
        # hand labels alone still label the data; the loop itself has nothing to run.
        loop = labeler.no_lfs(first_changes)
    best = labeler.outputs[loop["best_attempt"]]
    metrics = dict(loop["best"]["metrics"])
    cands = labeler.candidates(best)
    if not lfs:
        cands = [c for c in cands if c.name != "weak_supervision"]
    if not cands:
        raise BadInput(
            "no labeling function could be written from these hand labels, and no model could "
            "be trained on them",
            hint="give more hand labels, or pass labeling_functions",
            code="no_lfs",
        )
    chosen, selection = choose(
        cands, task.heldout_rows, task.heldout_labels, len(task.classes), labeler.metric, args.seed
    )
    if chosen.name == "weak_supervision":
        refit = labeler.refit(best)
    else:
        # A model of the hand labels alone (or self-trained from one) won on held-out labels:
        # its probabilities label every row, refit on all hand labels when allowed.
        k = len(task.classes)
        held = label_metrics(chosen.probs[task.heldout_rows], task.heldout_labels, k)
        for key in ("auc", "accuracy", "f1_macro"):
            metrics[key] = held[key]
        metrics["dev_auc"] = metrics["dev_accuracy"] = metrics["dev_f1_macro"] = None
        probs, refit = chosen.probs, {"done": False}
        if args.refit_with_heldout and len(task.heldout) and chosen.refit is not None:
            try:
                probs = safe_probs(chosen.refit(task.gold.rows, task.gold.labels), k)
                refit = {"done": True, "hand_labels": int(len(task.gold.rows)), "rows": len(probs)}
            except Exception as exc:  # noqa: BLE001 - keep the dev-trained model
                refit = {"done": False, "error": f"{type(exc).__name__}: {exc}"}
        best = {
            **best,
            "probs": probs,
            "source": np.full(len(task.frame), chosen.name, dtype=object),
        }
    selection["failed"] = [f for f in labeler.failures if f["attempt"] == "selection"]
    metrics["chosen"] = chosen.name
    target_met = bool(
        metrics.get(args.target_metric) is not None
        and metrics[args.target_metric] >= args.target_value
    )
    stem = file_stem(task.dataset)
    out = output_dir(args.output_dir, f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}")
    labeled = out / "labeled.parquet"
    filled = write_labeled(
        labeled,
        task.frame,
        task.id_column,
        task.classes,
        best["probs"],
        best["covered"],
        best["source"],
        label_name=task.gold.label_name,
        # The hand labels are the filled cells of the table's own column (`team` on 70 of 480
        # rows): the output also carries that column filled in, beside it.
        fill_from=task.gold.label_name if task.gold.from_data else None,
    )
    lfs_path, summary_csv, chart, metrics_path = (
        out / "labeling_functions.json",
        out / "lf_summary.csv",
        out / "lf_summary.png",
        out / "metrics.json",
    )
    write_json(lfs_path, best["specs"])
    write_summary(summary_csv, chart, best["summary"])
    history = _compact_history(loop["history"], labeler)
    source = best["source"]
    result = {
        "target": target,
        "target_met": target_met,
        "attempts": loop["attempts"],
        "best_attempt": loop["best_attempt"],
        "history": history,
        "metrics": metrics,
        "metrics_note": (
            f"{args.target_metric} measured on {metrics['measured_on']} hand labels "
            f"({metrics['n_labels']} rows); the loop tuned on {len(task.dev)} dev labels only; "
            f"{chosen.name} was chosen on those held-out labels (selection.crossfit is the "
            "figure for that choice measured on rows it was not made on)"
        ),
        "selection": selection,
        "failures": labeler.failures,
        "label_name": task.gold.label_name,
        **({"filled": filled} if filled else {}),
        "labeled_path": artifact("", labeled, "")["path"],
        "classes": task.classes,
        "label_counts": {
            str(c): int(n)
            for c, n in zip(
                task.classes,
                np.bincount(best["probs"].argmax(axis=1), minlength=len(task.classes)),
                strict=False,
            )
        },
        "text_column": task.text_columns[0] if task.text_columns else None,
        "id_column": "id",
        "rows": int(len(task.frame)),
        "covered": int(best["covered"].sum()),
        "label_sources": {str(s): int((source == s).sum()) for s in np.unique(source.astype(str))},
        "combiner": best["combiner"],
        "combiner_reason": best["combiner_reason"],
        "combiner_dev": best["combiner_dev"],
        "end_model": best["end_model"],
        "end_model_note": best["end_model_note"],
        "final_refit": refit,
        "lf_count": len(best["specs"]),
        "lf_summary": best["summary"],
        "lf_errors": best["errors"],
        "gold": {**task.gold.report(), **task.split_report()},
        "seconds": round(time.perf_counter() - started, 2),
        "artifacts": [
            artifact("labeled dataset", labeled, "dataset"),
            artifact("labeling functions", lfs_path, "json"),
            artifact("LF summary", summary_csv, "table"),
            artifact("LF summary chart", chart, "image"),
            artifact("metrics", metrics_path, "json"),
        ],
    }
    write_json(metrics_path, {k: v for k, v in result.items() if k not in ("lf_summary",)})
    ctx.progress("labeled", 1.0)
    return result


def write_labeling_functions(args: WriteLabelingFunctionsInput, ctx: ToolContext) -> dict[str, Any]:
    """Write an LF set from the hand labels (built-in miner and/or LLM) and save it as JSON."""
    from store.outputs import named_target, record

    if args.output_path:  # the person's file there is refused (a 409) before any work
        named_target(
            args.output_path,
            "output_path",
            tool="write_labeling_functions",
            overwrite=args.overwrite,
            run_id=ctx.run_id,
        )
    task = _load(args)
    run_args = LabelDatasetInput(dataset=args.dataset, goal=args.goal, writer=args.writer)
    labeler = Labeler(
        task=task,
        args=run_args,
        ctx=ctx,
        model=_chat_model(args.writer),
        miner=MinerConfig(min_precision=args.min_precision, max_per_class=args.max_per_class),
    )
    specs, notes = labeler.write()
    result = (
        apply_lfs(task.frame, parse_lfs(specs, task.classes) if specs else [], task.classes)
        if specs
        else None
    )
    summary = (
        []
        if result is None
        else lf_summary(
            result.matrix,
            result.names,
            task.classes,
            dev_rows=task.dev_rows,
            dev_labels=task.dev_labels,
            errors=result.errors,
        )
    )
    stem = file_stem(task.dataset)
    if args.output_path:
        from store.workspace import output_file

        path = output_file(args.output_path)
    else:
        path = (
            output_dir(None, f"lfs-{stem}-{time.strftime('%Y%m%d-%H%M%S')}")
            / "labeling_functions.json"
        )
    write_json(path, specs)
    record([path], tool="write_labeling_functions", run_id=ctx.run_id)  # a resumed step rewrites
    ctx.progress(f"wrote {len(specs)} labeling functions", 1.0)
    return {
        "labeling_functions": specs,
        "count": len(specs),
        "classes": task.classes,
        "notes": notes,
        "summary": summary,
        "coverage": None if result is None else matrix_summary(result.matrix)["coverage"],
        "lfs_path": artifact("", path, "")["path"],
        "gold": {**task.gold.report(), **task.split_report()},
        "artifacts": [artifact("labeling functions", path, "json")],
    }
