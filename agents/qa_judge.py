"""The QA judge role: built-in checks (grounding, form, answerability, dupes) and an LLM judge."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, Field

from agents.qa_writer import LLMCaller, LLMCallError, MalformedOutput, parse_reply
from tools.qa.text import (
    STOPWORDS,
    answer_cues,
    answer_news,
    content_words,
    grounding_form,
    is_verbatim,
    jaccard,
    normalize,
    question_wants,
    words,
)

Difficulty = Literal["basic", "intermediate", "advanced"]
HIGH, MEDIUM = 0.8, 0.6
WEIGHTS = {
    "grounding": 0.35,
    "well_formed": 0.2,
    "answerable": 0.2,
    "non_trivial": 0.15,
    "unique": 0.1,
}
DUPLICATE_SIMILARITY = 0.8
KIND_MISMATCH_CAP = 0.6
"""The most a pair scores when its answer is not the kind its question word asks for."""
_WH = re.compile(
    r"^(what|which|who|whom|whose|when|where|why|how|is|are|was|were|does|do|did|can|could|"
    r"should|would|will|may|in what|under what|according to)\b",
    re.I,
)
_IMPERATIVE = re.compile(
    r"^(explain|describe|summari[sz]e|list|state|give|define|compare|outline|write|name|fill|"
    r"identify|answer|provide|discuss|classify|translate|rewrite)\b",
    re.I,
)
# boilerplate the writers put around a question; it says nothing about the chunk
_FRAME = re.compile(
    r"^(which (value|name) completes the statement|summari[sz]e the section|list the key points"
    r" of the section|explain (what|why|how)|describe what happens|describe what|state what|answer the"
    r" (following|question):|fill in the blank:)|in one sentence",
    re.I,
)
_GENERIC = frozenset("what which happens happen used does mean means".split())


def topic_words(question: str) -> list[str]:
    """The words of a question that must come from the chunk (quoted code terms included)."""
    body = _FRAME.sub(" ", question)
    found = [w for w in content_words(body) if w not in _GENERIC]
    for term in re.findall(r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]", body):
        found.extend(w for w in words(term) if w not in found and len(w) > 1)
    return found


class Verdict(BaseModel):
    """The judge's verdict on one entry: a score in 0..1 with the reasons it is not 1."""

    quality_score: float = Field(ge=0.0, le=1.0)
    reasons: list[str] = Field(default_factory=list)
    checks: dict[str, float] = Field(default_factory=dict)
    difficulty: Difficulty = "intermediate"
    category: str = "general"
    duplicate_of: str | None = None


def quality_band(score: float | None) -> str:
    """high (>= 0.8), medium (>= 0.6) or low."""
    if score is None:
        return "low"
    return "high" if score >= HIGH else "medium" if score >= MEDIUM else "low"


def quality_summary(entries: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """average_score, the high/medium/low distribution and the count per category."""
    scores = [e["quality_score"] for e in entries if e.get("quality_score") is not None]
    dist = {"high": 0, "medium": 0, "low": 0}
    for e in entries:
        dist[quality_band(e.get("quality_score"))] += 1
    categories: dict[str, int] = {}
    for e in entries:
        cat = e.get("category") or "uncategorized"
        categories[cat] = categories.get(cat, 0) + 1
    return {
        "average_score": round(sum(scores) / len(scores), 4) if scores else 0.0,
        "distribution": dist,
        "categories": dict(sorted(categories.items(), key=lambda kv: (-kv[1], kv[0]))),
        "scored": len(scores),
        "total": len(entries),
    }


# --------------------------------------------------------------------------- taxonomy


def normalize_taxonomy(taxonomy: Any) -> list[tuple[str, set[str]]]:
    """[(category, keywords)] from a list of names, {name: [keywords]} or [{name, keywords}]."""
    if not taxonomy:
        return []
    out: list[tuple[str, set[str]]] = []
    if isinstance(taxonomy, dict):
        items = [
            {"name": k, "keywords": v if isinstance(v, list) else [str(v)]}
            for k, v in taxonomy.items()
        ]
    else:
        items = [t if isinstance(t, dict) else {"name": str(t)} for t in taxonomy]
    for item in items:
        name = str(item.get("name", "")).strip()
        if not name:
            continue
        keys = set(content_words(name))
        for kw in item.get("keywords") or []:
            keys.update(content_words(str(kw)))
        keys.update(content_words(str(item.get("description", ""))))
        out.append((name, keys))
    return out


def categorize(
    entry: dict[str, Any], chunk: dict[str, Any] | None, taxonomy: list[tuple[str, set[str]]]
) -> str:
    """A taxonomy category by keyword overlap ("Other" when none fits); else the chunk's topic."""
    text = f"{entry.get('question', '')} {entry.get('answer') or ''}"
    heading = (chunk or {}).get("heading") or ""
    if taxonomy:
        mine = set(content_words(text)) | set(content_words(heading))
        best, best_hits = "Other", 0
        for name, keys in taxonomy:
            hits = len(mine & keys)
            if hits > best_hits:
                best, best_hits = name, hits
        return best
    topic = normalize(heading).strip("#*=- ")
    if topic:
        return topic[:80]
    counts: dict[str, int] = {}
    for w in content_words((chunk or {}).get("text", "") or text):
        if not w.isdigit():
            counts[w] = counts.get(w, 0) + 1
    return max(counts, key=lambda w: (counts[w], w)) if counts else "general"


def estimate_difficulty(entry: dict[str, Any]) -> Difficulty:
    """basic / intermediate / advanced from the kind of question and the answer's length."""
    kind = (entry.get("metadata") or {}).get("question_type", "")
    answer_words = len((entry.get("answer") or "").split())
    question = entry.get("question", "").lower()
    if kind in ("summary", "key_points") or answer_words > 45:
        return "advanced"
    if kind == "cause_effect" or question.startswith(("why", "how", "explain why")):
        return "advanced" if answer_words > 30 else "intermediate"
    if kind in ("definition", "named_entity", "numeric_fact", "purpose") and answer_words <= 25:
        return "basic"
    return "intermediate"


# --------------------------------------------------------------------------- built-in judge


def grounded_sentences(answer: str, chunk_text: str) -> bool:
    """Whether every sentence (or list item) of `answer` appears verbatim in the chunk.

    Parts are cut at every sentence or clause end, so sentences an extractive summary
    joined from different places are each checked where they are.
    """
    lines = [re.sub(r"^\s*-\s+", "", ln) for ln in answer.splitlines() if ln.strip()]
    parts = [
        part
        for ln in lines
        for part in re.split(r"(?<=[.!?:;)\]\"'])\s+", normalize(ln))
        if part.strip()
    ]
    return bool(parts) and all(is_verbatim(p, chunk_text) for p in parts)


def _grounding(entry: dict[str, Any], chunk_text: str) -> tuple[float, list[str]]:
    answer = entry.get("answer")
    if not answer:  # question-only entries: their evidence must come from the chunk
        evidence = (entry.get("metadata") or {}).get("evidence") or ""
        if evidence and is_verbatim(evidence, chunk_text):
            return 1.0, []
        return 0.6, ["no answer and no evidence quoted from the chunk"]
    if grounded_sentences(answer, chunk_text):
        return 1.0, []
    chunk_words = set(words(grounding_form(chunk_text)))
    ans = content_words(answer)
    if not ans:
        return 0.0, ["the answer has no content words"]
    found = sum(1 for w in ans if w in chunk_words)
    coverage = found / len(ans)
    reasons = []
    numbers = [w for w in words(answer) if w[:1].isdigit()]
    missing_numbers = [n for n in numbers if n not in chunk_words]
    if missing_numbers:
        coverage *= 0.5
        reasons.append(f"numbers not in the chunk: {', '.join(missing_numbers[:3])}")
    if coverage < 0.9:
        reasons.append(
            f"answer not grounded in the chunk: {round(100 * found / len(ans))}% of its content "
            "words appear in it"
        )
    return round(coverage, 3), reasons


def _well_formed(entry: dict[str, Any]) -> tuple[float, list[str]]:
    q = normalize(entry.get("question") or "")
    mode = entry.get("mode", "qa")
    n = len(q.split())
    reasons = []
    score = 1.0
    if n < 3:
        return 0.0, ["the question is too short to be a question"]
    if n > 60:
        score -= 0.3
        reasons.append(f"the question is long ({n} words)")
    imperative = _IMPERATIVE.match(q) is not None
    if mode in ("instruction", "summarization"):
        if not (imperative or q.endswith("?")):
            score -= 0.5
            reasons.append("the instruction does not start with a verb nor ask a question")
    elif not q.endswith("?"):
        score -= 0.5
        reasons.append("the question does not end with '?'")
    elif not _WH.match(q):
        score -= 0.2
        reasons.append("the question does not start with a question word")
    if q.count('"') % 2 or q.count("(") != q.count(")"):
        score -= 0.2
        reasons.append("unbalanced quotes or brackets in the question")
    if re.search(r"\b(\w+) \1\b", q, re.I):
        score -= 0.2
        reasons.append("a word is repeated in the question")
    return max(0.0, score), reasons


def _answerable(entry: dict[str, Any], chunk_text: str) -> tuple[float, list[str]]:
    topic = topic_words(entry.get("question") or "")
    if not topic:
        return 0.3, ["the question names nothing from the chunk"]
    chunk_words = set(words(grounding_form(chunk_text)))
    found = sum(1 for w in topic if w in chunk_words)
    share = found / len(topic)
    if share >= 0.75:
        return 1.0, []
    return round(share, 3), [
        f"the chunk may not answer it: {found} of {len(topic)} question terms appear in the chunk"
    ]


def _non_trivial(entry: dict[str, Any]) -> tuple[float, list[str]]:
    question = entry.get("question") or ""
    answer = entry.get("answer") or ""
    topic = topic_words(question)
    score, reasons = 1.0, []
    if len(set(topic)) == 1 and entry.get("mode") not in ("summarization",):
        score -= 0.5
        reasons.append(f"the question is vague: it names only '{topic[0]}'")
    if answer:
        if grounding_form(answer).lower() in grounding_form(question).lower():
            score -= 0.8
            reasons.append("the question contains its own answer")
        elif set(content_words(answer)) and set(content_words(answer)) <= set(
            content_words(question)
        ):
            score -= 0.6
            reasons.append("the answer only repeats words of the question")
        if answer.strip().lower().rstrip(".") in ("yes", "no", "true", "false"):
            score -= 0.4
            reasons.append("a yes/no answer")
        if len(answer.split()) > 120 and entry.get("mode") not in ("summarization",):
            score -= 0.2
            reasons.append("the answer is very long")
    return max(0.0, score), reasons


_KIND_WORDS = {
    "time": "time or date",
    "number": "number or amount",
    "person": "person or organisation",
    "place": "place",
    "manner": "manner (how it is done)",
}
_OPENER = {
    "time": "a 'when'",
    "number": "a 'how many/much'",
    "person": "a 'who'",
    "place": "a 'where'",
    "manner": "a 'how'",
}


def _subject_is_new(question: str, answer: str) -> bool:
    """Whether the answer opens with words the question lacks before it meets the question's
    own ('The site warden opens the tool shed' to 'Who opens the tool shed?'): its subject
    is what a 'who' question asks for, whatever the noun.
    """
    asked = set(content_words(question))
    opening: list[str] = []
    for w in words(answer):
        if w in asked:
            return any(x not in asked and x not in STOPWORDS for x in opening)
        opening.append(w)
    return False


def answer_kind_fits(entry: dict[str, Any]) -> tuple[float, list[str]]:
    """Whether the answer is the kind of thing its question word asks for (1.0) or not (0.0).

    Only what the answer adds to the question is read ('Notice of the meeting is sent at least
    twenty-one days in advance' adds 'at least twenty-one days in advance' to 'How is notice
    of the meeting sent?': a duration, no manner). 'when' wants a time or date, 'how many/much'
    a number, 'who' a person or organisation, 'where' a place; 'how is X done' wants a manner
    and fails only when the answer gives a time or a number and no manner. Questions with other
    openings, and entries without an answer, pass.
    """
    question, answer = entry.get("question") or "", entry.get("answer") or ""
    wants = question_wants(question)
    if wants is None or not answer or entry.get("mode") not in (None, "qa", "answer"):
        return 1.0, []
    cues = answer_cues(answer_news(question, answer))
    if wants in cues or wants == "person" and _subject_is_new(question, answer):
        return 1.0, []
    if wants == "manner" and not cues & {"time", "amount"}:
        return 1.0, []  # a 'how' is failed only by a time or an amount with no manner
    gives = [_KIND_WORDS[k] for k in ("time", "number", "place", "person") if k in cues][:1]
    return 0.0, [
        f"{_OPENER[wants]} question whose answer gives no {_KIND_WORDS[wants]}"
        + (f" (it gives a {gives[0]})" if gives else "")
    ]


def find_duplicates(entries: Sequence[dict[str, Any]]) -> dict[str, str]:
    """{entry id: id of the better-scored (or earlier) entry it nearly duplicates}.

    Near-duplicate: question word sets with Jaccard >= 0.8, or the same (non-trivial) answer
    to questions sharing a word. Candidates come from prefix filtering: with words ordered
    rarest first, two sets with Jaccard >= t share one of their first |A| - ceil(t|A|) + 1
    words, so only those are indexed and probed.
    """
    order = sorted(
        range(len(entries)), key=lambda i: (-(entries[i].get("quality_score") or 0.0), i)
    )
    sets = [set(content_words(e.get("question") or "")) for e in entries]
    freq: dict[str, int] = defaultdict(int)
    for qset in sets:
        for w in qset:
            freq[w] += 1
    kept: list[tuple[str, set[str]]] = []
    by_prefix: dict[str, list[int]] = defaultdict(list)
    by_answer: dict[str, list[int]] = defaultdict(list)
    dupes: dict[str, str] = {}
    for i in order:
        e = entries[i]
        qset = sets[i]
        ranked = sorted(qset, key=lambda w: (freq[w], w))
        prefix = ranked[: len(ranked) - math.ceil(DUPLICATE_SIMILARITY * len(ranked)) + 1]
        ans = grounding_form(e.get("answer") or "").lower()
        match = None
        for k in sorted({k for w in prefix for k in by_prefix.get(w, ())}):
            if jaccard(qset, kept[k][1]) >= DUPLICATE_SIMILARITY:
                match = k
                break
        if match is None and ans and len(ans.split()) > 3:
            match = next((k for k in by_answer.get(ans, ()) if qset & kept[k][1]), None)
        if match is not None:
            dupes[e["id"]] = kept[match][0]
            continue
        kept.append((e["id"], qset))
        for w in prefix:
            by_prefix[w].append(len(kept) - 1)
        if ans:
            by_answer[ans].append(len(kept) - 1)
    return dupes


def judge_entry(
    entry: dict[str, Any],
    chunk: dict[str, Any] | None,
    taxonomy: list[tuple[str, set[str]]] = (),  # type: ignore[assignment]
) -> Verdict:
    """Score one entry against its chunk (duplicates are found across entries separately)."""
    text = (chunk or {}).get("text", "")
    if not text:
        return Verdict(
            quality_score=0.0,
            reasons=["the source chunk of this entry is missing"],
            category=categorize(entry, chunk, list(taxonomy)),
        )
    checks: dict[str, float] = {}
    reasons: list[str] = []
    for name, (value, why) in (
        ("grounding", _grounding(entry, text)),
        ("well_formed", _well_formed(entry)),
        ("answerable", _answerable(entry, text)),
        ("non_trivial", _non_trivial(entry)),
    ):
        checks[name] = value
        reasons.extend(why)
    checks["unique"] = 1.0
    score = sum(WEIGHTS[k] * v for k, v in checks.items())
    if checks["grounding"] < 0.5:
        score = min(score, 0.5)  # an ungrounded answer is never acceptable
    fits, why = answer_kind_fits(entry)
    checks["answer_kind"] = fits
    if not fits:  # "How is notice sent?" -> "twenty-one days in advance" scored 1.0
        score = min(score, KIND_MISMATCH_CAP)
        reasons.extend(why)
    return Verdict(
        quality_score=round(score, 4),
        reasons=reasons,
        checks=checks,
        difficulty=estimate_difficulty(entry),
        category=categorize(entry, chunk, list(taxonomy)),
    )


def apply_verdict(entry: dict[str, Any], verdict: Verdict, judge: str) -> dict[str, Any]:
    """A copy of `entry` carrying the verdict's score, reasons, difficulty and category."""
    meta = dict(entry.get("metadata") or {})
    meta["judge"] = judge
    meta["base_score"] = verdict.quality_score
    meta["base_reasons"] = list(verdict.reasons)
    meta.pop("duplicate_of", None)
    if verdict.checks:
        meta["quality_checks"] = verdict.checks
    return {
        **entry,
        "quality_score": verdict.quality_score,
        "quality_reasons": verdict.reasons,
        "difficulty": verdict.difficulty,
        "category": verdict.category,
        "metadata": meta,
    }


def mark_duplicates(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries with near-duplicates flagged (unique check 0, score capped at 0.5, reason given).

    Scores start again from each entry's judged `base_score`, so marking twice never
    penalises twice and an entry whose twin went away is restored.
    """
    base = []
    for e in entries:
        meta = dict(e.get("metadata") or {})
        meta.pop("duplicate_of", None)
        score = meta.get("base_score", e.get("quality_score"))
        reasons = meta.get("base_reasons", e.get("quality_reasons") or [])
        checks = dict(meta.get("quality_checks") or {})
        if "unique" in checks:
            checks["unique"] = 1.0
            meta["quality_checks"] = checks
        base.append(
            {**e, "quality_score": score, "quality_reasons": list(reasons), "metadata": meta}
        )
    dupes = find_duplicates(base)
    out = []
    for e in base:
        if e["id"] in dupes:
            meta = dict(e["metadata"])
            checks = dict(meta.get("quality_checks") or {})
            checks["unique"] = 0.0
            meta["quality_checks"] = checks
            meta["duplicate_of"] = dupes[e["id"]]
            score = min((e.get("quality_score") or 0.0) - WEIGHTS["unique"], 0.5)
            e = {
                **e,
                "quality_score": round(max(0.0, score), 4),
                "quality_reasons": [*e["quality_reasons"], f"near-duplicate of {dupes[e['id']]}"],
                "metadata": meta,
            }
        out.append(e)
    return out


def builtin_judge(
    entries: Sequence[dict[str, Any]],
    chunks: dict[str, dict[str, Any]],
    taxonomy: Any = None,
) -> list[dict[str, Any]]:
    """Judge every entry with the built-in checks, then flag near-duplicates across entries."""
    tax = normalize_taxonomy(taxonomy)
    judged = [
        apply_verdict(e, judge_entry(e, chunks.get(e.get("source_chunk", "")), tax), "builtin")
        for e in entries
    ]
    return mark_duplicates(judged)


# --------------------------------------------------------------------------- LLM judge


class LLMScore(BaseModel):
    """One entry's score as the LLM judge must return it."""

    index: int = Field(ge=0)
    quality_score: float = Field(ge=0.0, le=1.0)
    reasons: list[str] = Field(default_factory=list)
    difficulty: Difficulty = "intermediate"
    category: str = ""


class LLMScores(BaseModel):
    """The LLM judge's reply: {"scores": [...]}."""

    scores: list[LLMScore]


def parse_scores(text: str, count: int) -> list[LLMScore]:
    """Validate the judge's reply: one score per entry index 0..count-1."""
    scores = parse_reply(text, LLMScores, "scores").scores
    got = {s.index for s in scores}
    missing = sorted(set(range(count)) - got)
    if missing:
        raise MalformedOutput(f"no score for entries {missing[:10]}")
    return sorted((s for s in scores if s.index < count), key=lambda s: s.index)


def llm_judge_chunk(
    caller: LLMCaller,
    entries: Sequence[dict[str, Any]],
    chunk: dict[str, Any],
    taxonomy: Any = None,
    *,
    model_name: str = "llm",
) -> list[dict[str, Any]]:
    """Judge one chunk's entries with the LLM; built-in checks still guard grounding."""
    from langchain_core.messages import HumanMessage, SystemMessage

    from agents.llm import load_prompt

    tax = normalize_taxonomy(taxonomy)
    prompt = load_prompt(
        "qa_judge",
        chunk=chunk["text"],
        entries=[
            {"index": i, "question": e.get("question", ""), "answer": e.get("answer") or ""}
            for i, e in enumerate(entries)
        ],
        taxonomy=[name for name, _ in tax],
    )
    scores = caller.call(
        [SystemMessage(content=load_prompt("qa_system")), HumanMessage(content=prompt)],
        lambda text: parse_scores(text, len(entries)),
    )
    out = []
    for entry, s in zip(entries, scores, strict=True):
        grounding, why = _grounding(entry, chunk["text"])
        score, reasons = s.quality_score, list(s.reasons)
        if grounding < 0.5:  # the model cannot talk an ungrounded answer into the dataset
            score = min(score, 0.5)
            reasons.extend(why)
        category = s.category.strip()
        if tax:
            names = {n.lower(): n for n, _ in tax}
            category = names.get(category.lower(), categorize(entry, chunk, tax))
        elif not category:
            category = categorize(entry, chunk, tax)
        verdict = Verdict(
            quality_score=round(score, 4),
            reasons=reasons,
            checks={"grounding": grounding},
            difficulty=s.difficulty,
            category=category[:80],
        )
        out.append(apply_verdict(entry, verdict, f"llm:{model_name}"))
    return out


__all__ = [
    "HIGH",
    "MEDIUM",
    "LLMCallError",
    "Verdict",
    "builtin_judge",
    "categorize",
    "find_duplicates",
    "judge_entry",
    "llm_judge_chunk",
    "mark_duplicates",
    "quality_band",
    "quality_summary",
]
