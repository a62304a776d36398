"""QA generation: the generate -> judge -> regenerate loop subgraph, score_qa, and the job pipeline."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, TypedDict

from langgraph.graph import END, START, StateGraph

from agents import qa_judge, qa_writer
from errors import BadInput, NotFound, UpstreamError
from settings import get_settings
from store import qa as qa_store
from tools.base import ToolContext
from tools.qa.tools import (
    ChunkDocumentsInput,
    ExportDatasetInput,
    GenerateQAInput,
    ScoreQAInput,
    chunk_documents,
    export_dataset,
)

PARAM_FIELDS = (
    "purpose",
    "audience",
    "complexity_level",
    "domain",
    "question_style",
    "answer_style",
    "custom_prompt",
)

GenerateFn = Callable[[dict[str, Any], int, Sequence[str], Sequence[dict[str, Any]]], list[dict]]
JudgeFn = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]


# --------------------------------------------------------------------------- roles


def resolve_model(spec: str | None) -> tuple[Any, str]:
    """(chat model or None for built-in, its name) for a model spec (None: FORGEFLOW_LLM)."""
    from agents.llm import get_chat_model

    spec = (spec or get_settings().llm).strip()
    model = get_chat_model(spec=spec)
    return model, ("builtin" if model is None else spec.partition(":")[2] or spec)


@dataclass
class Roles:
    """The writer and judge of one run, built-in or LLM, with the run's LLM call budget."""

    mode: str
    params: dict[str, Any]
    taxonomy: Any = None
    writer_model: Any = None
    writer_name: str = "builtin"
    judge_model: Any = None
    judge_name: str = "builtin"
    concurrency: int = 1
    max_llm_calls: int = 2000
    callers: dict[str, qa_writer.LLMCaller] = field(default_factory=dict)

    def __post_init__(self) -> None:
        budget = qa_writer.CallBudget(self.max_llm_calls)  # one cap for writer and judge
        for role, model in (("writer", self.writer_model), ("judge", self.judge_model)):
            if model is not None:
                self.callers[role] = qa_writer.LLMCaller(
                    model, max_calls=self.max_llm_calls, budget=budget
                )

    @property
    def uses_llm(self) -> bool:
        """Whether any role calls an LLM (then work fans out over `concurrency` threads)."""
        return bool(self.callers)

    def calls_used(self) -> int:
        """LLM calls made so far in this run (all roles, retries included)."""
        return sum(c.calls for c in self.callers.values())

    def generate(
        self,
        chunk: dict[str, Any],
        n: int,
        avoid: Sequence[str] = (),
        feedback: Sequence[dict[str, Any]] = (),
    ) -> list[dict[str, Any]]:
        """Up to `n` new entries for `chunk` that avoid the given questions."""
        caller = self.callers.get("writer")
        if caller is None:
            return qa_writer.builtin_generate(
                chunk,
                self.mode,
                n,
                answer_style=self.params.get("answer_style") or "comprehensive",
                avoid=avoid,
                prefer=[
                    v
                    for v in (
                        self.params.get("question_style"),
                        self.params.get("complexity_level"),
                    )
                    if v
                ],
            )
        return qa_writer.llm_generate(
            caller,
            chunk,
            self.mode,
            n,
            params=self.params,
            feedback=feedback,
            avoid=avoid,
            model_name=self.writer_name,
        )

    def judge_chunk(self, entries: list[dict[str, Any]], chunk: dict[str, Any]) -> list[dict]:
        """Judge one chunk's entries (duplicates across chunks are marked afterwards)."""
        caller = self.callers.get("judge")
        if caller is None:
            tax = qa_judge.normalize_taxonomy(self.taxonomy)
            return [
                qa_judge.apply_verdict(e, qa_judge.judge_entry(e, chunk, tax), "builtin")
                for e in entries
            ]
        return qa_judge.llm_judge_chunk(
            caller, entries, chunk, self.taxonomy, model_name=self.judge_name
        )


def _fan_out(
    items: list[Any],
    work: Callable[[Any], Any],
    *,
    concurrency: int,
    ctx: ToolContext,
    label: Callable[[Any], str],
    span: tuple[float, float],
) -> tuple[list[tuple[Any, Any]], list[dict[str, Any]]]:
    """Run `work` on every item (threads when concurrency > 1), reporting progress per item.

    Returns ([(item, result)] in input order, failures); LLM failures are collected, not raised.
    """
    results: dict[int, Any] = {}
    failures: list[dict[str, Any]] = []
    lo, hi = span
    done = 0

    def report(i: int) -> None:
        nonlocal done
        done += 1
        ctx.progress(
            f"{label(items[i])} ({done}/{len(items)})",
            lo + (hi - lo) * done / max(1, len(items)),
            done=done,
            total=len(items),
            force=True,  # one event per chunk: callers stream them
        )

    if concurrency <= 1 or len(items) <= 1:
        for i, item in enumerate(items):
            ctx.check_cancelled()
            try:
                results[i] = work(item)
            except qa_writer.LLMCallError as exc:
                failures.append({"item": label(item), "error": str(exc)})
            report(i)
    else:
        with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="qa") as pool:
            futures = {pool.submit(work, item): i for i, item in enumerate(items)}
            try:
                for fut in as_completed(futures):
                    i = futures[fut]
                    try:
                        results[i] = fut.result()
                    except qa_writer.LLMCallError as exc:
                        failures.append({"item": label(items[i]), "error": str(exc)})
                    report(i)
                    ctx.check_cancelled()
            except BaseException:
                for fut in futures:
                    fut.cancel()
                raise
    return [(items[i], results[i]) for i in sorted(results)], failures


# --------------------------------------------------------------------------- the loop


class QALoopState(TypedDict, total=False):
    """State of the generate -> judge -> regenerate loop."""

    entries: list[dict[str, Any]]
    """Current entries, judged (ids stay stable across regenerations)."""
    changed: list[str]
    """Ids written since the last judging (all of them after the first generation)."""
    attempts: int
    """Rounds made: the first generation plus each regeneration round."""
    max_attempts: int
    """Bound on rounds; the loop stops here even if some entries stay below the threshold."""
    threshold: float
    """quality_threshold: entries scoring below it are regenerated."""
    history: list[dict[str, Any]]
    """Per round: metrics after judging and the changes that led to it."""
    before: dict[str, Any]
    """Quality summary after the first judging."""
    tried: dict[str, list[str]]
    """Per entry id, every question it has had (regeneration avoids them)."""
    previous: dict[str, dict[str, Any]]
    """Per regenerated entry id, the judged version it replaced (kept if the new one is worse)."""
    exhausted: list[str]
    """Entries the writer could not replace (no new candidate left in their chunk)."""
    failures: list[dict[str, Any]]
    """LLM calls that failed after their retries (chunk and error)."""
    target_met: bool
    """Every remaining non-duplicate entry reaches the threshold."""


def _metrics(entries: list[dict[str, Any]], threshold: float) -> dict[str, Any]:
    scored = [e for e in entries if e.get("quality_score") is not None]
    below = [e for e in scored if e["quality_score"] < threshold]
    dupes = [e for e in entries if (e.get("metadata") or {}).get("duplicate_of")]
    return {
        "entries": len(entries),
        "mean_quality": round(sum(e["quality_score"] for e in scored) / len(scored), 4)
        if scored
        else 0.0,
        "below_threshold": len(below),
        "duplicates": len(dupes),
        "share_at_or_above_threshold": round(1 - len(below) / len(scored), 4) if scored else 0.0,
    }


def build_qa_loop(
    roles: Roles,
    chunks: list[dict[str, Any]],
    per_chunk: int,
    ctx: ToolContext,
):  # noqa: ANN201 - a compiled LangGraph graph
    """Compile generate -> judge -> (all above threshold or out of attempts? stop) -> regenerate."""
    by_id = {c["id"]: c for c in chunks}
    counter = {"n": 0}

    def new_id() -> str:
        counter["n"] += 1
        return f"entry_{counter['n']}"

    def generate(state: QALoopState) -> QALoopState:
        def work(chunk: dict[str, Any]) -> list[dict[str, Any]]:
            return roles.generate(chunk, per_chunk)

        done, failures = _fan_out(
            chunks,
            work,
            concurrency=roles.concurrency if roles.uses_llm else 1,
            ctx=ctx,
            label=lambda c: f"generated chunk {c['id']}",
            span=(0.0, 0.6),
        )
        entries = []
        for _chunk, produced in done:
            for e in produced:
                entries.append({"id": new_id(), **e})
        if not entries and failures:
            raise UpstreamError(
                f"the LLM writer failed on every chunk: {failures[0]['error']}",
                hint="check the model name, OPENAI_BASE_URL/keys, or use model 'builtin'",
                details={"failures": failures[:20]},
            )
        if not entries:
            raise BadInput(
                f"the writer found nothing to ask about in {len(chunks)} chunks",
                hint="the built-in writer needs prose sentences (definitions, facts, "
                "cause/effect); try generation_mode 'summarization', larger chunks, or an LLM",
            )
        return {
            "entries": entries,
            "changed": [e["id"] for e in entries],
            "tried": {e["id"]: [e["question"]] for e in entries},
            "previous": {},
            "exhausted": [],
            "failures": [{**f, "stage": "generate"} for f in failures],
        }

    def judge(state: QALoopState) -> QALoopState:
        changed = set(state.get("changed", []))
        entries = list(state["entries"])
        groups: dict[str, list[int]] = defaultdict(list)
        for i, e in enumerate(entries):
            if e["id"] in changed:
                groups[e["source_chunk"]].append(i)

        def work(chunk_id: str) -> list[dict[str, Any]]:
            return roles.judge_chunk([entries[i] for i in groups[chunk_id]], by_id[chunk_id])

        done, failures = _fan_out(
            list(groups),
            work,
            concurrency=roles.concurrency if roles.uses_llm else 1,
            ctx=ctx,
            label=lambda cid: f"judged chunk {cid}",
            span=(0.6, 0.7) if state.get("attempts", 0) == 0 else (0.85, 0.95),
        )
        for chunk_id, judged in done:
            for i, j in zip(groups[chunk_id], judged, strict=True):
                entries[i] = j
        failed_chunks = {f["item"].rsplit(" ", 1)[-1] for f in failures}
        for i, e in enumerate(entries):  # entries no judge could score get no pass
            if e.get("quality_score") is None and e["source_chunk"] in failed_chunks:
                entries[i] = {**e, "quality_score": 0.0, "quality_reasons": ["judge failed"]}
        entries = qa_judge.mark_duplicates(entries)
        # a regenerated entry that came out worse than before is rolled back
        previous = state.get("previous", {})
        for i, e in enumerate(entries):
            old = previous.get(e["id"])
            if old is not None and e["id"] in changed:
                if (old.get("quality_score") or 0) > (e.get("quality_score") or 0):
                    meta = dict(old.get("metadata") or {})
                    meta["regeneration_rejected"] = {
                        "question": e["question"],
                        "quality_score": e.get("quality_score"),
                    }
                    entries[i] = {**old, "metadata": meta}
        if changed:
            entries = qa_judge.mark_duplicates(entries)
        attempt = state.get("attempts", 0) + 1
        metrics = _metrics(entries, state["threshold"])
        history = list(state.get("history", []))
        history.append(
            {
                "attempt": attempt,
                "metrics": metrics,
                "changes": {
                    "written": len(changed),
                    "kind": "generate" if attempt == 1 else "regenerate",
                },
            }
        )
        out: QALoopState = {
            "entries": entries,
            "changed": [],
            "attempts": attempt,
            "history": history,
            "target_met": metrics["below_threshold"] == 0,
            "failures": [*state.get("failures", []), *({**f, "stage": "judge"} for f in failures)],
        }
        if attempt == 1:
            out["before"] = qa_judge.quality_summary(entries)
        return out

    def route(state: QALoopState) -> Literal["regenerate", "__end__"]:
        exhausted = set(state.get("exhausted", []))
        retryable = [
            e
            for e in state["entries"]
            if (e.get("quality_score") or 0) < state["threshold"] and e["id"] not in exhausted
        ]
        done = state["target_met"] or state["attempts"] >= state["max_attempts"] or not retryable
        return END if done else "regenerate"

    def regenerate(state: QALoopState) -> QALoopState:
        threshold = state["threshold"]
        exhausted = set(state.get("exhausted", []))
        tried = {k: list(v) for k, v in state.get("tried", {}).items()}
        entries = list(state["entries"])
        low: dict[str, list[int]] = defaultdict(list)
        for i, e in enumerate(entries):
            if (e.get("quality_score") or 0) < threshold and e["id"] not in exhausted:
                low[e["source_chunk"]].append(i)

        def work(chunk_id: str) -> list[dict[str, Any]]:
            idx = low[chunk_id]
            avoid = [e["question"] for e in entries if e["source_chunk"] == chunk_id]
            for i in idx:
                avoid.extend(tried.get(entries[i]["id"], []))
            feedback = [
                {
                    "question": entries[i]["question"],
                    "answer": entries[i].get("answer") or "",
                    "reasons": entries[i].get("quality_reasons") or ["low quality"],
                }
                for i in idx
            ]
            return roles.generate(by_id[chunk_id], len(idx), list(dict.fromkeys(avoid)), feedback)

        done, failures = _fan_out(
            list(low),
            work,
            concurrency=roles.concurrency if roles.uses_llm else 1,
            ctx=ctx,
            label=lambda cid: f"regenerated chunk {cid}",
            span=(0.7, 0.85),
        )
        changed: list[str] = []
        previous = dict(state.get("previous", {}))
        for chunk_id, produced in done:
            idx = low[chunk_id]
            for k, i in enumerate(idx):
                old = entries[i]
                if k >= len(produced):
                    exhausted.add(old["id"])  # nothing new left to write from this chunk
                    continue
                new = produced[k]
                meta = dict(new.get("metadata") or {})
                meta["regenerated"] = int((old.get("metadata") or {}).get("regenerated", 0)) + 1
                meta["previous"] = {
                    "question": old["question"],
                    "answer": old.get("answer"),
                    "quality_score": old.get("quality_score"),
                    "reasons": old.get("quality_reasons") or [],
                }
                previous[old["id"]] = old
                entries[i] = {"id": old["id"], **new, "metadata": meta}
                tried.setdefault(old["id"], []).append(new["question"])
                changed.append(old["id"])
        for f in failures:
            exhausted.update(entries[i]["id"] for i in low.get(f["item"].rsplit(" ", 1)[-1], []))
        return {
            "entries": entries,
            "changed": changed,
            "tried": tried,
            "previous": previous,
            "exhausted": sorted(exhausted),
            "failures": [
                *state.get("failures", []),
                *({**f, "stage": "regenerate"} for f in failures),
            ],
        }

    graph = StateGraph(QALoopState)
    graph.add_node("generate", generate)
    graph.add_node("judge", judge)
    graph.add_node("regenerate", regenerate)
    graph.add_edge(START, "generate")
    graph.add_edge("generate", "judge")
    graph.add_conditional_edges("judge", route, ["regenerate", END])
    graph.add_edge("regenerate", "judge")
    return graph.compile()


# --------------------------------------------------------------------------- workflows


def _project_params(project_id: int | None, given: dict[str, Any]) -> dict[str, Any]:
    saved = (qa_store.latest_parameters(project_id) or {}) if project_id is not None else {}
    params = {k: saved.get(k) for k in PARAM_FIELDS if saved.get(k)}
    params.update({k: v for k, v in given.items() if k in PARAM_FIELDS and v})
    return params


def _taxonomy(project_id: int | None, taxonomy: Any, name: str | None) -> Any:
    if taxonomy:
        return taxonomy
    if name:
        if project_id is None:
            raise BadInput("taxonomy_name needs a project", hint="give project_id too")
        return qa_store.get_taxonomy(project_id, name)
    return None


def _load_chunks(args: GenerateQAInput) -> tuple[int, str, list[dict[str, Any]]]:
    if args.chunk_set_id:
        chunks = qa_store.list_chunks(args.chunk_set_id)
        project_id = chunks[0]["project_id"]
        if args.project_id is not None and args.project_id != project_id:
            raise BadInput(
                f"chunk set {args.chunk_set_id} belongs to project {project_id}, "
                f"not {args.project_id}",
                hint="give only one of project_id and chunk_set_id",
            )
        return project_id, args.chunk_set_id, chunks
    assert args.project_id is not None
    set_id = qa_store.current_chunk_set(args.project_id)
    if set_id is None:
        raise BadInput(
            f"project {args.project_id} has no chunks yet",
            hint="run chunk_documents on the project first (or POST /api/v1/datasets/generate, "
            "which chunks when needed)",
        )
    return args.project_id, set_id, qa_store.list_chunks(set_id)


def make_roles(
    *,
    mode: str,
    params: dict[str, Any],
    taxonomy: Any,
    model: str | None,
    judge_model: str | None,
    concurrency: int,
    max_llm_calls: int,
) -> Roles:
    """Build the run's writer and judge from model specs (None: FORGEFLOW_LLM)."""
    writer, writer_name = resolve_model(model)
    judge, judge_name = resolve_model(judge_model or model)
    return Roles(
        mode=mode,
        params=params,
        taxonomy=taxonomy,
        writer_model=writer,
        writer_name=writer_name,
        judge_model=judge,
        judge_name=judge_name,
        concurrency=concurrency,
        max_llm_calls=max_llm_calls,
    )


def spread_chunks(chunks: list[dict[str, Any]], pairs: int, per_chunk: int) -> list[dict[str, Any]]:
    """The chunks to write `pairs` entries from: about twice the entries needed (room for the
    judge's drops and duplicates), shared out over the documents in turn (a long document
    does not crowd out short ones), evenly spaced within each, in their order.
    """
    wanted = max(1, -(-2 * pairs // per_chunk))
    if wanted >= len(chunks):
        return chunks
    documents: dict[Any, list[int]] = {}
    for i, chunk in enumerate(chunks):
        documents.setdefault(chunk.get("document_id"), []).append(i)
    groups = list(documents.values())
    if wanted < len(groups):  # fewer chunks than documents: documents spread evenly
        groups = [groups[round(k * (len(groups) - 1) / max(wanted - 1, 1))] for k in range(wanted)]
        groups = list({id(g): g for g in groups}.values())
    quota = [0] * len(groups)
    left = wanted
    while left > 0 and any(q < len(g) for q, g in zip(quota, groups, strict=True)):
        for k, group in enumerate(groups):
            if left > 0 and quota[k] < len(group):
                quota[k] += 1
                left -= 1
    picked: list[int] = []
    for group, n in zip(groups, quota, strict=True):
        if n == 1:
            picked.append(group[len(group) // 2])
        elif n > 1:
            step = (len(group) - 1) / (n - 1)
            picked.extend(group[round(j * step)] for j in range(n))
    return [chunks[i] for i in sorted(set(picked))]


PER_CHUNK_MAX = 20
"""The most entries asked of one chunk (generate_qa's own bound on datasets_per_chunk)."""


def per_chunk_for(pairs: int, chunks: int, per_chunk: int, said: set[str]) -> int:
    """Entries to ask of each chunk for `pairs` in all: the default count raised when too few
    chunks could give about twice the pairs at it ('10 pairs' from a handbook cut into two
    chunks gave 6 entries and kept 5), up to PER_CHUNK_MAX; a count per chunk the person set
    is kept as theirs.
    """
    if "datasets_per_chunk" in said or chunks <= 0:
        return per_chunk
    return max(per_chunk, min(PER_CHUNK_MAX, -(-2 * pairs // chunks)))


def best_of(
    kept: list[dict[str, Any]], limit: int | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(the `limit` best-scored entries in their order, the rest): all of them with no limit."""
    if limit is None or len(kept) <= limit:
        return kept, []
    ranked = sorted(range(len(kept)), key=lambda i: (-(kept[i].get("quality_score") or 0.0), i))
    chosen = set(ranked[:limit])
    return (
        [e for i, e in enumerate(kept) if i in chosen],
        [e for i, e in enumerate(kept) if i not in chosen],
    )


def _numbers(values: list[Any]) -> str:
    """'1', '1 and 2', '1, 2 and 3'."""
    items = [str(v) for v in values]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def shortfall_report(
    chunks: list[dict[str, Any]],
    entries: list[dict[str, Any]],
    kept: list[dict[str, Any]],
    *,
    per_chunk: int,
    threshold: float,
    failures: list[dict[str, Any]],
    writer: str,
    mode: str = "qa",
) -> dict[str, Any] | None:
    """Which chunks gave fewer entries than `per_chunk` asked of each, and why (None: none).

    The causes per chunk, as counted: the writer wrote fewer (the built-in writer found no
    more distinct questions there; an LLM returned fewer), near-duplicates removed, entries
    under the quality threshold dropped, the LLM failing on the chunk. `summary` says it in
    one line: '15 of 18 asked (3 per chunk from 6 chunks): chunks 3 and 5 gave 1 and 2; the
    built-in writer found no more distinct questions there'.
    """
    asked = per_chunk * len(chunks)
    if len(kept) >= asked:
        return None
    written: dict[str, int] = defaultdict(int)
    dupes: dict[str, int] = defaultdict(int)
    low: dict[str, int] = defaultdict(int)
    for e in entries:
        written[e["source_chunk"]] += 1
        if (e.get("metadata") or {}).get("duplicate_of"):
            dupes[e["source_chunk"]] += 1
        elif (e.get("quality_score") or 0.0) < threshold:
            low[e["source_chunk"]] += 1
    kept_by: dict[str, int] = defaultdict(int)
    for e in kept:
        kept_by[e["source_chunk"]] += 1
    failed = {str(f.get("item", "")).rsplit(" ", 1)[-1] for f in failures}
    noun = "questions" if mode in ("qa", "question", "answer") else f"{mode} entries"
    fewer = (
        f"the built-in writer found no more distinct {noun} there"
        if writer == "builtin"
        else "the writer returned fewer distinct entries there"
    )
    short = []
    for number, chunk in enumerate(chunks, start=1):
        cid = chunk["id"]
        if kept_by[cid] >= per_chunk:
            continue
        why = []
        if cid in failed and not written[cid]:
            why.append("the LLM writer failed on it")
        elif written[cid] < per_chunk:
            why.append(fewer)
        if dupes[cid]:
            why.append(f"{dupes[cid]} near-duplicate(s) removed")
        if low[cid]:
            why.append(f"{low[cid]} under the quality threshold {threshold:g} dropped")
        short.append(
            {
                "chunk": number,
                "chunk_id": cid,
                "heading": chunk.get("heading"),
                "asked": per_chunk,
                "written": written[cid],
                "kept": kept_by[cid],
                "duplicates_removed": dupes[cid],
                "dropped": low[cid],
                "why": "; ".join(why) or "fewer kept",
            }
        )
    reasons = {c["why"] for c in short}
    listed = short[:6]
    more = f" and {len(short) - len(listed)} more chunk(s)" if len(short) > len(listed) else ""
    if len(reasons) == 1:
        label = "chunk" if len(listed) == 1 else "chunks"
        said = (
            f"{label} {_numbers([c['chunk'] for c in listed])}{more} gave "
            f"{_numbers([c['kept'] for c in listed])}; {short[0]['why']}"
        )
    else:
        said = ", ".join(f"chunk {c['chunk']} gave {c['kept']} ({c['why']})" for c in listed) + more
    return {
        "asked": asked,
        "kept": len(kept),
        "missing": asked - len(kept),
        "chunks": short,
        "summary": f"{len(kept)} of {asked} asked ({per_chunk} per chunk from {len(chunks)} "
        f"chunk{'' if len(chunks) == 1 else 's'}): {said}",
    }


def run_generate_qa(args: GenerateQAInput, ctx: ToolContext) -> dict[str, Any]:
    """Workflow generate_qa: write entries per chunk, judge them, regenerate the weak ones.

    Entries under quality_threshold are regenerated with the judge's reasons fed back, up to
    max_attempts rounds; near-duplicates are removed and entries still under the threshold
    dropped. The kept entries become version 1 of a new dataset.
    """
    project_id, chunk_set_id, chunks = _load_chunks(args)
    if args.max_chunks:
        chunks = chunks[: args.max_chunks]
    per_chunk = args.datasets_per_chunk
    if args.max_pairs:
        chunks = spread_chunks(chunks, args.max_pairs, per_chunk)
        per_chunk = per_chunk_for(args.max_pairs, len(chunks), per_chunk, args.model_fields_set)
    params = _project_params(project_id, args.model_dump())
    taxonomy = _taxonomy(project_id, args.taxonomy, args.taxonomy_name)
    roles = make_roles(
        mode=args.generation_mode,
        params=params,
        taxonomy=taxonomy,
        model=args.model,
        judge_model=args.judge_model,
        concurrency=args.concurrency,
        max_llm_calls=args.max_llm_calls,
    )
    threshold = args.quality_threshold if args.analyze_quality else 0.0
    max_attempts = args.max_attempts if args.analyze_quality else 1
    ctx.progress(f"generating from {len(chunks)} chunks", 0.0, force=True)
    final = build_qa_loop(roles, chunks, per_chunk, ctx).invoke(
        {"attempts": 0, "max_attempts": max_attempts, "threshold": threshold, "history": []},
        {"recursion_limit": 4 * max_attempts + 10},
    )
    entries = final["entries"]
    duplicates = [e for e in entries if (e.get("metadata") or {}).get("duplicate_of")]
    remaining = [e for e in entries if not (e.get("metadata") or {}).get("duplicate_of")]
    kept = [e for e in remaining if (e.get("quality_score") or 0.0) >= threshold]
    dropped = [e for e in remaining if (e.get("quality_score") or 0.0) < threshold]
    kept, trimmed = best_of(kept, args.max_pairs)
    regenerated = [e for e in entries if (e.get("metadata") or {}).get("regenerated")]
    history = final.get("history", [])
    best_attempt = max(
        history, key=lambda h: (h["metrics"]["share_at_or_above_threshold"], -h["attempt"])
    )["attempt"]
    after = qa_judge.quality_summary(kept)
    target = {
        "metric": "share_at_or_above_threshold",
        "value": 1.0,
        "quality_threshold": threshold,
    }
    counts = {
        "chunks": len(chunks),
        "generated": len(entries),
        "regenerated": len(regenerated),
        "duplicates_removed": len(duplicates),
        "dropped": len(dropped),
        "kept": len(kept),
        "failed_chunks": len({f["item"] for f in final.get("failures", [])}),
        "trimmed": len(trimmed),
    }
    report = {
        "counts": counts,
        "quality_before": final.get("before") or qa_judge.quality_summary([]),
        "quality_after": after,
        "target": target,
        "target_met": bool(final.get("target_met")),
        "attempts": final.get("attempts", 0),
        "best_attempt": best_attempt,
        "history": history,
        "generation_mode": args.generation_mode,
        "writer": roles.writer_name,
        "judge": roles.judge_name,
        "parameters": params,
    }
    if roles.uses_llm:
        callers = roles.callers.values()
        report["llm"] = {
            "calls": sum(c.calls for c in callers),
            "retries": sum(c.retries for c in callers),
            "format_retries": sum(c.format_retries for c in callers),
            "max_llm_calls": args.max_llm_calls,
        }
    failures = final.get("failures", [])
    name = args.dataset_name or f"project{project_id}_{args.generation_mode}"
    created = qa_store.create_dataset(
        project_id,
        name,
        kept,
        dataset_id=(
            f"dataset_{uuid.uuid5(uuid.NAMESPACE_URL, 'forgeflow:' + ctx.output_key)}"
            if ctx.output_key
            else None
        ),
        meta={"chunk_set_id": chunk_set_id, "generation_mode": args.generation_mode},
        note=f"generated: kept {len(kept)} of {len(entries)}",
        version_meta={
            **{k: v for k, v in report.items() if k != "history"},
            "dropped_sample": [
                {"id": e["id"], "question": e["question"], "reasons": e.get("quality_reasons")}
                for e in (dropped + duplicates)[:20]
            ],
            "failures": failures[:50],
        },
    )
    ctx.progress(f"kept {len(kept)} of {len(entries)} entries", 1.0, force=True)
    dist = after["distribution"]
    message = (
        f"kept {len(kept)} of {len(entries)} entries from {len(chunks)} chunks "
        f"(regenerated {len(regenerated)}, dropped {len(dropped)}, duplicates removed "
        f"{len(duplicates)}); quality {after['average_score']:.2f} average, "
        f"high {dist['high']} / medium {dist['medium']} / low {dist['low']}"
    )
    shortfall = (
        None
        if args.max_pairs
        else shortfall_report(
            chunks,
            entries,
            kept,
            per_chunk=per_chunk,
            threshold=threshold,
            failures=final.get("failures", []),
            writer=roles.writer_name,
            mode=args.generation_mode,
        )
    )
    if shortfall:  # "3 per chunk" from 6 chunks kept 15 and said nothing of the other 3
        message += f"; warning: {shortfall['summary']}"
    if trimmed:
        message += f"; the best {len(kept)} of {len(kept) + len(trimmed)} kept, as asked"
    elif args.max_pairs and len(kept) < args.max_pairs:
        # the cause said: entries under the threshold, or too few written at all
        message += f"; warning: {args.max_pairs} asked, only {len(kept)} kept: " + (
            f"{len(dropped)} scored under the quality threshold {threshold:g} (lower "
            "quality_threshold, or add documents)"
            if dropped
            else f"the {len(chunks)} chunks used gave only {len(entries)} entries (raise "
            "datasets_per_chunk or max_chunks, or add documents)"
        )
    return {
        "message": message,
        "asked": {"total": args.max_pairs}
        if args.max_pairs
        else {"per_chunk": per_chunk, "chunks": len(chunks), "total": per_chunk * len(chunks)},
        "shortfall": shortfall,
        "dataset_id": created["id"],
        "version": created["version"],
        "name": name,
        "project_id": project_id,
        "chunk_set_id": chunk_set_id,
        **report,
        "failures": failures[:50],
        "sample": kept[:3],
        "artifacts": [],
    }


def run_score_qa(args: ScoreQAInput, ctx: ToolContext) -> dict[str, Any]:
    """Workflow score_qa: judge every entry of a dataset version and save the scores as a new one."""
    dataset = qa_store.get_dataset(args.dataset_id, args.version)
    taxonomy = _taxonomy(dataset["project_id"], args.taxonomy, args.taxonomy_name)
    roles = make_roles(
        mode="qa",
        params={},
        taxonomy=taxonomy,
        model=None,
        judge_model=args.model,
        concurrency=args.concurrency,
        max_llm_calls=args.max_llm_calls,
    )
    roles.callers.pop("writer", None)
    entries = dataset["entries"]
    chunks = qa_store.get_chunks([e.get("source_chunk") for e in entries])
    groups: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        groups[e.get("source_chunk") or ""].append(i)

    def work(chunk_id: str) -> list[dict[str, Any]]:
        chunk = chunks.get(chunk_id) or {"id": chunk_id, "text": "", "heading": ""}
        return roles.judge_chunk([entries[i] for i in groups[chunk_id]], chunk)

    done, failures = _fan_out(
        list(groups),
        work,
        concurrency=roles.concurrency if roles.uses_llm else 1,
        ctx=ctx,
        label=lambda cid: f"judged chunk {cid}",
        span=(0.0, 0.95),
    )
    judged = list(entries)
    for chunk_id, out in done:
        for i, j in zip(groups[chunk_id], out, strict=True):
            judged[i] = j
    judged = qa_judge.mark_duplicates(judged)
    summary = qa_judge.quality_summary(judged)
    passed = sum(1 for e in judged if (e.get("quality_score") or 0) >= args.quality_threshold)
    version = qa_store.add_version(
        dataset["id"],
        judged,
        reason="score",
        note=f"scored by {roles.judge_name}",
        meta={"quality_summary": summary, "failures": failures[:50]},
    )
    ctx.progress(f"scored {len(judged)} entries", 1.0, force=True)
    return {
        "dataset_id": dataset["id"],
        "version": version,
        "scored_version": dataset["version"],
        "judge": roles.judge_name,
        "quality_summary": summary,
        "quality_threshold": args.quality_threshold,
        "passed": passed,
        "failed": len(judged) - passed,
        "failures": failures[:50],
        "artifacts": [],
    }


def regenerate_entries(
    dataset_id: str,
    entry_ids: list[str],
    config: dict[str, Any],
    ctx: ToolContext,
) -> dict[str, Any]:
    """Rewrite the given entries (judge reasons and feedback fed back) into a new version."""
    dataset = qa_store.get_dataset(dataset_id)
    entries = list(dataset["entries"])
    index = {e["id"]: i for i, e in enumerate(entries)}
    unknown = [i for i in entry_ids if i not in index]
    if unknown:
        raise NotFound(
            f"unknown entry ids: {', '.join(unknown[:10])}",
            hint=f"GET /api/v1/datasets/{dataset_id}/entries lists the ids",
        )
    meta = dataset["meta"]
    spec = config.get("model")
    model_spec = spec if isinstance(spec, str) and ":" in spec else None
    roles = make_roles(
        mode=meta.get("generation_mode", "qa"),
        params=_project_params(dataset["project_id"], config),
        taxonomy=config.get("taxonomy"),
        model=model_spec,
        judge_model=None,
        concurrency=int(config.get("concurrency", 4)),
        max_llm_calls=int(config.get("max_llm_calls", 500)),
    )
    sampling = {k: config[k] for k in ("temperature", "max_tokens") if config.get(k) is not None}
    writer = roles.callers.get("writer")
    if writer is not None and sampling:  # per-request sampling for the LLM writer only
        writer.model = writer.model.bind(**sampling)
    improve = bool(config.get("improve_quality", False))
    chunks = qa_store.get_chunks([entries[index[i]].get("source_chunk") for i in entry_ids])
    groups: dict[str, list[str]] = defaultdict(list)
    for eid in dict.fromkeys(entry_ids):
        groups[entries[index[eid]].get("source_chunk") or ""].append(eid)
    results: dict[str, dict[str, Any]] = {}

    def work(chunk_id: str) -> list[dict[str, Any]]:
        chunk = chunks.get(chunk_id)
        if chunk is None:
            return []
        ids = groups[chunk_id]
        avoid = [e["question"] for e in entries if e.get("source_chunk") == chunk_id]
        for eid in ids:
            prev = (entries[index[eid]].get("metadata") or {}).get("previous") or {}
            if prev.get("question"):
                avoid.append(prev["question"])
        feedback = []
        for eid in ids:
            e = entries[index[eid]]
            reasons = list(e.get("quality_reasons") or [])
            reasons += [f["comments"] for f in e.get("feedback") or [] if f.get("comments")]
            feedback.append(
                {
                    "question": e["question"],
                    "answer": e.get("answer") or "",
                    "reasons": reasons or ["rewrite it"],
                }
            )
        new = roles.generate(chunk, len(ids), avoid, feedback)
        return roles.judge_chunk(
            [{"id": eid, **n} for eid, n in zip(ids, new, strict=False)], chunk
        )

    done, failures = _fan_out(
        list(groups),
        work,
        concurrency=roles.concurrency if roles.uses_llm else 1,
        ctx=ctx,
        label=lambda cid: f"regenerated chunk {cid}",
        span=(0.0, 0.9),
    )
    for _cid, judged in done:
        for j in judged:
            old = entries[index[j["id"]]]
            if improve and (j.get("quality_score") or 0) < (old.get("quality_score") or 0):
                continue  # improve_quality: never trade down; it is reported as unchanged
            meta_new = dict(j.get("metadata") or {})
            meta_new["regenerated"] = int((old.get("metadata") or {}).get("regenerated", 0)) + 1
            # A review given before this moment was about the old text (see review_status).
            meta_new["regenerated_at"] = datetime.now(UTC).isoformat()
            meta_new["previous"] = {
                "question": old["question"],
                "answer": old.get("answer"),
                "quality_score": old.get("quality_score"),
            }
            results[j["id"]] = {**j, "feedback": old.get("feedback") or [], "metadata": meta_new}
    for eid, new in results.items():
        entries[index[eid]] = new
    entries = qa_judge.mark_duplicates(entries)
    unchanged = [eid for eid in dict.fromkeys(entry_ids) if eid not in results]
    version = dataset["version"]
    if results:
        version = qa_store.add_version(
            dataset_id,
            entries,
            reason="regenerate",
            note=f"regenerated {len(results)} entries",
            meta={"entry_ids": sorted(results), "config": config, "failures": failures[:50]},
        )
    ctx.progress(f"regenerated {len(results)} entries", 1.0, force=True)
    return {
        "dataset_id": dataset_id,
        "version": version,
        "regenerated": sorted(results),
        "unchanged": unchanged,
        "failures": failures[:50],
        "quality_summary": qa_judge.quality_summary(entries),
    }


def run_pipeline(request: dict[str, Any], ctx: ToolContext) -> dict[str, Any]:
    """The /api/v1/datasets/generate job: chunk when needed -> generate/judge/regenerate -> export.

    `request` holds GenerateQAInput fields plus chunking (chunk_strategy, chunk_size,
    chunk_overlap, rechunk) and export (format_type, include_evaluation_sets, output_dir).
    """
    project_id = int(request["project_id"])
    qa_store.get_project(project_id)
    outer = ctx

    def scaled(lo: float, hi: float) -> ToolContext:
        def emit(event: dict[str, Any]) -> None:
            if outer.emit is None:
                return
            if event.get("fraction") is not None:
                event = {**event, "fraction": lo + (hi - lo) * event["fraction"]}
            outer.emit(event)

        return ToolContext(
            emit=emit,
            cancel_event=outer.cancel_event,
            run_id=outer.run_id,
            output_key=outer.output_key,
            on_output=outer.on_output,
        )

    chunk_set_id = qa_store.current_chunk_set(project_id)
    chunking = None
    if chunk_set_id is None or request.get("rechunk"):
        chunking = chunk_documents.func(  # type: ignore[misc]
            ChunkDocumentsInput(
                project_id=project_id,
                strategy=request.get("chunk_strategy") or "paragraph",
                chunk_size=int(request.get("chunk_size") or 1500),
                chunk_overlap=int(request.get("chunk_overlap") or 0),
            ),
            scaled(0.0, 0.05),
        )
        chunk_set_id = chunking["chunk_set_id"]
    fields = set(GenerateQAInput.model_fields)
    gen_args = {k: v for k, v in request.items() if k in fields and v is not None}
    gen_args.pop("project_id", None)
    gen_args["chunk_set_id"] = chunk_set_id
    generated = run_generate_qa(GenerateQAInput(**gen_args), scaled(0.05, 0.9))
    export = export_dataset.func(  # type: ignore[misc]
        ExportDatasetInput(
            dataset_id=generated["dataset_id"],
            format=request.get("format_type") or "jsonl",
            splits=bool(request.get("include_evaluation_sets")),
            output_dir=request.get("output_dir"),
        ),
        scaled(0.9, 1.0),
    )
    result = {
        **{k: v for k, v in generated.items() if k not in ("sample",)},
        "chunking": {k: v for k, v in chunking.items() if k != "preview"} if chunking else None,
        "export": {k: v for k, v in export.items() if k != "artifacts"},
        "artifacts": export["artifacts"],
        "notes": list(request.get("notes") or []),
    }
    qa_store.update_dataset_meta(
        generated["dataset_id"], format_type=request.get("format_type") or "jsonl"
    )
    return result


def regenerate_job(request: dict[str, Any], ctx: ToolContext) -> dict[str, Any]:
    """The /api/v1/datasets/{id}/regenerate job: `request` holds dataset_id, entry_ids and
    regeneration_config.
    """
    return regenerate_entries(
        request["dataset_id"],
        list(request["entry_ids"]),
        dict(request.get("regeneration_config") or {}),
        ctx,
    )
