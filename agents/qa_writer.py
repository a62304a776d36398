"""The QA writer role: built-in extractive generator and an LLM writer (prompts/qa_generate)."""

from __future__ import annotations

import json
import random
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationError

from tools.qa.text import (
    Sentence,
    content_words,
    is_agent,
    jaccard,
    leading_kind,
    normalize,
    prose_sentences,
)

Mode = Literal["qa", "question", "answer", "summarization", "instruction"]
MODES: tuple[str, ...] = ("qa", "question", "answer", "summarization", "instruction")

_PRONOUNS = frozenset(
    """it this that these those there they he she we you i such here each both all some many
    most one another other which what who whom where when why how if however but and or so as
    since because although though while for in on at by with from to of after before during note
    see thus therefore hence also then otherwise only not no""".split()
)
_DEF_VERBS = {
    "is": "is",
    "are": "are",
    "was": "was",
    "were": "were",
    "refers to": "refer to",
    "refer to": "refer to",
    "means": "mean",
    "denotes": "denote",
    "represents": "represent",
    "consists of": "consist of",
}
_FACT_VERBS = {
    "returns": "return",
    "raises": "raise",
    "causes": "cause",
    "results in": "result in",
    "leads to": "lead to",
    "produces": "produce",
    "creates": "create",
    "yields": "yield",
    "prevents": "prevent",
    "triggers": "trigger",
    "requires": "require",
    "provides": "provide",
    "contains": "contain",
    "defines": "define",
    "determines": "determine",
    "specifies": "specify",
    "allows": "allow",
    "accepts": "accept",
    "supports": "support",
    "includes": "include",
    "evaluates": "evaluate",
    "calls": "call",
    "ensures": "ensure",
    "invokes": "invoke",
}
_PARTICIPLES = frozenset(
    "written given taken made done built found held known set shown run kept put sent "
    "thrown bound chosen drawn hidden begun paid sold spent told brought bought taught caught "
    "lost won led fed laid left cut read said understood".split()
)
_CAUSAL_VERBS = frozenset({"causes", "results in", "leads to", "raises", "prevents", "triggers"})
_AUX = "is|are|was|were|can|cannot|will|would|must|should|may|might|could|does|do|did|has|have|had"
_SUBJECT = r"(?P<subj>[\"'A-Za-z_][\w\"'().\-]*(?:\s+[\w\"'().\-]+){0,7}?)"


@dataclass
class Draft:
    """A generated pair before judging; `evidence` is the chunk text the answer rests on."""

    question: str
    answer: str | None
    kind: str
    evidence: str
    rank: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)
    parts: dict[str, str] = field(default_factory=dict)
    """Subject / auxiliary / rest of an inverted question, to rephrase it as an instruction."""

    def as_entry(self, mode: str, chunk: dict[str, Any], generator: str) -> dict[str, Any]:
        """The entry dict stored in a dataset (id, scores and category are added later)."""
        meta = {
            "question_type": self.kind,
            "evidence": self.evidence,
            "generator": generator,
            "chunk_length": len(chunk["text"]),
            "generation_time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            **self.extra,
        }
        return {
            "question": self.question,
            "answer": self.answer,
            "mode": mode,
            "source_chunk": chunk["id"],
            "document_id": chunk.get("document_id"),
            "metadata": meta,
        }


# --------------------------------------------------------------------------- built-in writer


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _strip_end(text: str) -> str:
    return text.strip().rstrip(".:;,").strip()


def _lower_first(phrase: str, chunk_text: str) -> str:
    """Lower-case the first word unless it is a name (capitalised mid-sentence elsewhere)."""
    first = phrase.split(" ", 1)[0]
    if first in ("A", "An", "The", "Each", "Every", "Any", "Some", "All"):
        return first.lower() + phrase[len(first) :]
    if not first[:1].isupper() or first.isupper() or any(c.isupper() for c in first[1:]):
        return phrase
    if first.startswith(('"', "'")):
        return phrase
    if re.search(r"[a-z,;] " + re.escape(first) + r"\b", chunk_text):
        return phrase  # used capitalised mid-sentence: a proper name
    second = phrase.split(" ", 2)[1:2]
    if second and second[0][:1].isupper():
        return phrase  # "Riverside Allotment Society": a name in title case
    return first.lower() + phrase[len(first) :]


_CLAUSE_WORDS = (
    frozenset(
        """when if that which who whose where while because although unless until since than
    whether not never is are was were be been can cannot will would must should may might could
    does do did has have had""".split()
    )
    | frozenset(_FACT_VERBS)
    | frozenset(v.split()[0] for v in _DEF_VERBS)
)
_VAGUE = frozenset(
    "following above below former latter same first second last next previous rest".split()
)


def _good_subject(subj: str, *, noun_last: bool = False) -> bool:
    """Whether `subj` reads as the subject of a sentence. `noun_last`: the word before the
    verb may be a plural noun spelled like a verb ('Common causes are ...', 'Service calls
    are ...'), as it is right before 'is/are'.
    """
    toks = subj.split()
    if not toks or len(toks) > 8:
        return False
    first = toks[0].strip("\"'*").lower()
    if first in _PRONOUNS or first.endswith("ing") and len(toks) == 1:
        return False
    inner = (
        toks[1:-1] if noun_last and len(toks) > 1 and toks[-1].lower() in _FACT_VERBS else toks[1:]
    )
    if any(t.lower() in _CLAUSE_WORDS for t in inner):
        return False
    if toks[0][:1].isupper() and first.endswith("ed") and first not in ("nested",):
        return False  # "Called when ..." starts a participle phrase, not a subject
    meaningful = [w for w in content_words(subj) if w not in _VAGUE]
    return bool(meaningful)


def _answer(sentence: str, concise: str, style: str) -> str:
    if style == "concise" and len(concise.split()) >= 2:
        return _cap(_strip_end(concise)) + "."
    return sentence


def _definition(s: Sentence, chunk_text: str, style: str) -> Draft | None:
    verbs = "|".join(re.escape(v) for v in sorted(_DEF_VERBS, key=len, reverse=True))
    m = re.match(_SUBJECT + r"\s+(?P<verb>" + verbs + r")\s+(?P<pred>.+)$", s.text)
    if not m or not _good_subject(m.group("subj"), noun_last=True):
        return None
    pred = _strip_end(m.group("pred"))
    if len(pred.split()) < 3 or pred.split()[0].lower() in ("not", "no"):
        return None
    subj = _lower_first(m.group("subj"), chunk_text)
    verb = m.group("verb")
    base = _DEF_VERBS[verb]
    first_pred = pred.split()[0].lower()
    if pred.lower().startswith(("used to ", "used for ", "used by ", "used in ")):
        q = f"What {verb} {subj} used for?"
        kind = "purpose"
    elif verb in ("is", "are", "was", "were") and (
        re.fullmatch(r"[a-z]+ed", first_pred) or first_pred in _PARTICIPLES
    ):
        # passive voice: "X is created by Y"; the question word fits what follows the verb
        # ("Notice is sent at least 21 days in advance" asks when, not how)
        after = " ".join(pred.split()[1:])
        wh = {"time": "When", "place": "Where"}.get(leading_kind(after) or "", "How")
        q = f"{wh} {verb} {subj} {first_pred}?"
        kind = "fact"
        parts = {"subj": subj, "aux": verb, "rest": first_pred}
    elif verb in ("is", "are", "was", "were"):
        q = f"What {verb} {subj}?"
        kind = "definition"
    else:
        aux = "do" if verb in ("refer to",) else "does"
        q = f"What {aux} {subj} {base}?"
        kind = "definition"
    draft = Draft(_cap(q), _answer(s.text, pred, style), kind, s.text, 3.0)
    if kind == "fact":
        draft.parts = parts
    return draft


def _fact(s: Sentence, chunk_text: str, style: str) -> Draft | None:
    verbs = "|".join(re.escape(v) for v in sorted(_FACT_VERBS, key=len, reverse=True))
    m = re.match(_SUBJECT + r"\s+(?P<verb>" + verbs + r")\s+(?P<obj>.+)$", s.text)
    if not m or not _good_subject(m.group("subj")):
        return None
    obj = _strip_end(m.group("obj"))
    if len(obj.split()) < 2:
        return None
    subj = _lower_first(m.group("subj"), chunk_text)
    verb = m.group("verb")
    q = f"What does {subj} {_FACT_VERBS[verb]}?"
    kind = "cause_effect" if verb in _CAUSAL_VERBS else "fact"
    return Draft(_cap(q), _answer(s.text, obj, style), kind, s.text, 2.6 if kind == "fact" else 2.8)


def _conditional(s: Sentence, chunk_text: str, style: str) -> Draft | None:
    m = re.match(r"(?P<conj>If|When|Whenever|Once)\s+(?P<cond>[^,]{6,160}),\s+(?P<res>.+)$", s.text)
    if not m:
        return None
    res = re.sub(r"^then\s+", "", _strip_end(m.group("res")))
    if len(res.split()) < 3 or len(m.group("cond").split()) < 2:
        return None
    conj = m.group("conj").lower()
    conj = "if" if conj in ("if", "once") else "when"
    q = f"What happens {conj} {_lower_first(m.group('cond').strip(), chunk_text)}?"
    return Draft(q, _answer(s.text, res, style), "cause_effect", s.text, 2.9)


def _because(s: Sentence, chunk_text: str, style: str) -> Draft | None:
    m = re.match(r"(?P<a>.+?),?\s+(?:because|since|as a result of|due to)\s+(?P<b>.+)$", s.text)
    if not m:
        return None
    inv = re.match(_SUBJECT + r"\s+(?P<aux>" + _AUX + r")\s+(?P<rest>.+)$", m.group("a"))
    if not inv or not _good_subject(inv.group("subj")):
        return None
    aux = inv.group("aux")
    subj = _lower_first(inv.group("subj"), chunk_text)
    rest = _strip_end(inv.group("rest"))
    if aux == "cannot":
        q = f"Why can {subj} not {rest}?"
    else:
        q = f"Why {aux} {subj} {rest}?"
    b = _strip_end(m.group("b"))
    if len(b.split()) < 2:
        return None
    return Draft(
        _cap(q),
        _answer(s.text, "because " + b, style),
        "cause_effect",
        s.text,
        2.9,
        parts={"subj": subj, "aux": aux, "rest": rest},
    )


_NOT_VERBS = frozenset("is was has does always also often never only thus this its less".split())


def _agent(s: Sentence, chunk_text: str, style: str) -> Draft | None:
    """'A qualified electrician inspects the inverters ...' -> 'Who inspects the inverters
    ...?': the subject names a person or organisation and the verb is a present -s verb.
    """
    m = re.match(
        r"(?P<subj>(?:(?:The|A|An|Each|Every|Our|Your)\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)\s+"
        r"(?P<verb>[a-z]{3,}(?<![su])s)\s+(?P<obj>[^,;]+)",
        s.text,
    )
    if not m or not is_agent(m.group("subj")) or not _good_subject(m.group("subj")):
        return None
    verb = m.group("verb")
    if verb in _NOT_VERBS or verb in _FACT_VERBS or verb in _DEF_VERBS:
        return None
    obj = _strip_end(m.group("obj"))
    words_ = obj.split()
    if not 2 <= len(words_) <= 14 or words_[-1].lower() in _PRONOUNS:
        return None
    q = f"Who {verb} {obj}?"
    return Draft(q, _answer(s.text, m.group("subj"), style), "agent", s.text, 2.4)


_NUMBER = re.compile(r"(?<![\w.\-])(\d+(?:[.,]\d+)*%?)(?![\w.]*\w)")
_NAME = re.compile(
    r"\"([^\"]{2,40})\"|\b([A-Z][a-z]+[A-Z]\w+|[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})+)\b"
)


def _cloze(s: Sentence, _chunk_text: str, _style: str) -> Draft | None:
    n_words = len(s.text.split())
    if n_words < 6 or n_words > 40:
        return None
    for pattern, kind, noun, rank in (
        (_NUMBER, "numeric_fact", "value", 1.9),
        (_NAME, "named_entity", "name", 1.6),
    ):
        for m in pattern.finditer(s.text):
            term = next(g for g in m.groups() if g)
            if s.text.count(term) != 1 or m.start() == 0 or "**" in s.text:
                continue
            if s.text[m.start() - 1] == "[" or s.text[m.end() : m.end() + 1] == "]":
                continue  # a footnote marker, not a fact
            blanked = s.text[: m.start()] + "____" + s.text[m.end() :]
            q = f"Which {noun} completes the statement \u201c{_strip_end(blanked)}\u201d?"
            return Draft(q, term, kind, s.text, rank)
    return None


_EXTRACTORS: tuple[Callable[[Sentence, str, str], Draft | None], ...] = (
    _conditional,
    _because,
    _definition,
    _fact,
    _agent,
    _cloze,
)


_COMPLETE = re.compile(r"[.!?][\"')\]]?$")
_FAQ = re.compile(
    r"^(?:(?P<mark>\*\*|__)(?P<q>[^*_]{8,200}?\?)(?P=mark)|Q(?:uestion)?\s*[:.]\s*"
    r"(?P<q2>[^?]{8,200}\?)\s*A(?:nswer)?\s*[:.])\s*(?P<a>\S.*)$"
)
FAQ_ANSWER_SENTENCES = 3
"""The most sentences of a FAQ's answer taken (its paragraph, from the question on)."""


def faq_drafts(chunk_text: str, answer_style: str = "comprehensive") -> list[Draft]:
    """The question/answer pairs a FAQ in the chunk already states ('**Q?** A.' or 'Q: ... A:
    ...'): the question as written, the answer its paragraph's sentences after it (the first
    of them when concise). A FAQ section gave nothing before: its bold questions were no prose.
    """
    sents = prose_sentences(chunk_text)
    out = []
    for s in sents:
        m = _FAQ.match(s.text)
        if not m:
            continue
        question = normalize(m.group("q") or m.group("q2"))
        first = m.group("a").strip()
        rest = [
            t.text
            for t in sents[s.index + 1 :]
            if t.paragraph == s.paragraph and not _FAQ.match(t.text)
        ]
        taken = [first] if answer_style == "concise" and len(first.split()) >= 3 else [first, *rest]
        answer = " ".join(taken[:FAQ_ANSWER_SENTENCES])
        if len(answer.split()) < 3 or not _COMPLETE.search(answer):
            continue
        out.append(Draft(_cap(question), answer, "faq", answer, 3.6 + 1.0 / (1 + s.index)))
    return out


def candidate_drafts(chunk_text: str, answer_style: str = "comprehensive") -> list[Draft]:
    """Every extractive question/answer pair the chunk supports, best first, one per question."""
    sentences = [s for s in prose_sentences(chunk_text) if 6 <= len(s.text.split()) <= 70]
    drafts: list[Draft] = faq_drafts(chunk_text, answer_style)
    for s in sentences:
        if not _COMPLETE.search(s.text):
            continue  # a sentence running into a code block or list, not a complete statement
        for extract in _EXTRACTORS:
            d = extract(s, chunk_text, answer_style)
            if d is not None:
                # earlier sentences tend to state the main point of a section
                d.rank += 1.0 / (1 + s.index)
                drafts.append(d)
                break
    drafts.sort(key=lambda d: -d.rank)
    seen: set[str] = set()
    unique = []
    for d in drafts:
        key = normalize(d.question).lower()
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique


def _topic(chunk: dict[str, Any]) -> str:
    heading = normalize(chunk.get("heading") or "")
    return heading[:80] if heading else ""


def _summary_sentences(chunk_text: str, k: int) -> list[str]:
    """The k most central prose sentences (shared content words), in reading order."""
    sents = [
        s
        for s in prose_sentences(chunk_text)
        if len(s.text.split()) >= 5 and _COMPLETE.search(s.text)
    ]
    if not sents:
        return []
    freq: dict[str, int] = {}
    for s in sents:
        for w in set(content_words(s.text)):
            freq[w] = freq.get(w, 0) + 1
    scored = []
    for s in sents:
        ws = content_words(s.text)
        score = sum(freq[w] for w in set(ws)) / (1 + len(ws)) ** 0.5 + 0.5 / (1 + s.index)
        if s.text.split(" ", 1)[0].lower() in _PRONOUNS:
            score *= 0.6  # "Their contents may change" needs the sentence before it
        scored.append((score, s))
    best = sorted(scored, key=lambda t: -t[0])[:k]
    return [s.text for _, s in sorted(best, key=lambda t: t[1].index)]


def _summaries(chunk: dict[str, Any]) -> list[Draft]:
    text = chunk["text"]
    topic = _topic(chunk)
    about = f' "{topic}"' if topic else ""
    n_sent = len(prose_sentences(text))
    k = max(1, min(4, round(n_sent * 0.3)))
    main = _summary_sentences(text, k)
    if not main:
        return []
    one = _summary_sentences(text, 1)
    points = _summary_sentences(text, min(3, max(2, k)))
    return [
        Draft(f"Summarize the section{about}.", " ".join(main), "summary", " ".join(main), 3.0),
        Draft(f"Summarize the section{about} in one sentence.", one[0], "summary", one[0], 2.0),
        Draft(
            f"List the key points of the section{about}.",
            "\n".join(f"- {p}" for p in points),
            "key_points",
            " ".join(points),
            1.5,
        ),
    ]


def _instruction(d: Draft) -> Draft:
    """Turn a question draft into an imperative instruction with the same grounded response."""
    q = d.question.rstrip("?")
    m = re.match(r"What (is|are|was|were) (.+?)( used for)?$", q)
    if m and d.kind in ("definition", "purpose"):
        instr = f"Explain what {m.group(2)} {m.group(1)}{m.group(3) or ''}."
    elif q.startswith(("Why ", "How ", "When ", "Where ")) and d.parts:
        p = d.parts
        aux = "cannot" if p["aux"] == "cannot" else p["aux"]
        instr = f"Explain {q.split()[0].lower()} {p['subj']} {aux} {p['rest']}."
    elif q.startswith("What happens "):
        instr = f"Describe what happens {q[len('What happens ') :]}."
    elif m2 := re.match(r"What does (.+) (\w+)$", q):
        instr = f"State what {m2.group(1)} {_third_person(m2.group(2))}."
    elif q.startswith("Which ") and "completes the statement" in q:
        instr = f"Fill in the blank: {q.split('completes the statement ', 1)[1]}."
    else:
        instr = f"Answer the question: {d.question}"
    return Draft(instr, d.answer, d.kind, d.evidence, d.rank, dict(d.extra), dict(d.parts))


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


# which kinds of question a question_style / complexity_level asks the built-in writer to favour
STYLE_PREFERENCES: dict[str, dict[str, float]] = {
    "factual": {"definition": 1.0, "numeric_fact": 1.0, "named_entity": 0.5, "fact": 0.5},
    "analytical": {"cause_effect": 1.5, "purpose": 1.0, "fact": 0.5},
    "case_based": {"cause_effect": 1.5},
    "basic": {"definition": 1.0, "named_entity": 0.5, "numeric_fact": 0.5},
    "beginner": {"definition": 1.0, "named_entity": 0.5, "numeric_fact": 0.5},
    "advanced": {"cause_effect": 1.0, "purpose": 0.5, "fact": 0.5},
    "expert": {"cause_effect": 1.5, "fact": 0.5},
}


def builtin_drafts(
    chunk: dict[str, Any],
    mode: str,
    *,
    answer_style: str = "comprehensive",
    prefer: Sequence[str] = (),
) -> list[Draft]:
    """All drafts the built-in writer can make for `chunk` in `mode`, best first.

    `prefer` names question styles or complexity levels (STYLE_PREFERENCES) whose kinds of
    question move up the ranking.
    """
    text = chunk["text"]
    if mode == "summarization":
        return _summaries(chunk)
    drafts = candidate_drafts(text, answer_style)
    bonus: dict[str, float] = {}
    for name in prefer:
        for kind, value in STYLE_PREFERENCES.get(str(name).lower(), {}).items():
            bonus[kind] = bonus.get(kind, 0.0) + value
    if bonus:
        for d in drafts:
            d.rank += bonus.get(d.kind, 0.0)
        drafts.sort(key=lambda d: -d.rank)
    if mode == "question":
        return [Draft(d.question, None, d.kind, d.evidence, d.rank, d.extra) for d in drafts]
    if mode == "answer":
        sents = prose_sentences(text)
        by_text = {s.text: s for s in sents}
        out = []
        for d in drafts:
            s = by_text.get(d.evidence)
            answer = d.evidence
            if s is not None and s.index + 1 < len(sents):
                nxt = sents[s.index + 1]
                first = nxt.text.split(" ", 1)[0].lower()
                if nxt.paragraph == s.paragraph and first in ("it", "this", "they", "these", "the"):
                    answer = f"{d.evidence} {nxt.text}"
            out.append(Draft(d.question, answer, d.kind, answer, d.rank, d.extra))
        return out
    if mode == "instruction":
        return [_instruction(d) for d in drafts] + _summaries(chunk)[:1]
    return drafts


def _similar(question: str, others: Sequence[str], threshold: float = 0.8) -> bool:
    mine = set(content_words(question))
    return any(jaccard(mine, set(content_words(o))) >= threshold for o in others)


def builtin_generate(
    chunk: dict[str, Any],
    mode: str,
    n: int,
    *,
    answer_style: str = "comprehensive",
    avoid: Sequence[str] = (),
    prefer: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Write up to `n` extractive entries for `chunk`, skipping questions similar to `avoid`."""
    taken: list[str] = list(avoid)
    out = []
    for d in builtin_drafts(chunk, mode, answer_style=answer_style, prefer=prefer):
        if len(out) >= n:
            break
        if _similar(d.question, taken):
            continue
        taken.append(d.question)
        out.append(d.as_entry(mode, chunk, "builtin"))
    return out


# --------------------------------------------------------------------------- LLM plumbing

T = TypeVar("T")


class LLMCallError(Exception):
    """An LLM call failed after its retries (the message says why)."""


class CallBudgetExceeded(LLMCallError):
    """The per-run cap on LLM calls was reached."""


def _status_of(exc: BaseException) -> int | None:
    for attr in ("status_code", "code", "status"):
        value = getattr(exc, attr, None)
        if isinstance(value, int):
            return value
    response = getattr(exc, "response", None)
    value = getattr(response, "status_code", None)
    return value if isinstance(value, int) else None


def is_retryable(exc: BaseException) -> bool:
    """Rate limits (429), server errors (5xx), timeouts and dropped connections are retried."""
    status = _status_of(exc)
    if status is not None:
        return status == 429 or 500 <= status < 600
    if isinstance(exc, TimeoutError | ConnectionError):
        return True
    name = type(exc).__name__
    return name in {
        "APIConnectionError",
        "APITimeoutError",
        "RateLimitError",
        "InternalServerError",
        "ConnectError",
        "ReadTimeout",
        "RemoteProtocolError",
        "ResourceExhausted",
        "ServiceUnavailable",
    }


_PROVIDER_MODULES = (
    "openai",
    "httpx",
    "httpx2",
    "httpcore",
    "httpcore2",
    "google",
    "langchain_google",
)


def _from_provider(exc: BaseException) -> bool:
    """Whether the exception is a failed call to the model provider (vs a bug in our code)."""
    module = type(exc).__module__ or ""
    return (
        _status_of(exc) is not None
        or is_retryable(exc)
        or module.split(".")[0] in _PROVIDER_MODULES
        or isinstance(exc, TimeoutError | ConnectionError)
    )


def _retry_after(exc: BaseException) -> float | None:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    value = headers.get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


_Reply = TypeVar("_Reply", bound=BaseModel)


class MalformedOutput(ValueError):
    """The model's reply did not parse or validate; the message is fed back on retry."""


class CallBudget:
    """A thread-safe cap on LLM calls shared by every caller of one run."""

    def __init__(self, max_calls: int) -> None:
        self.max_calls = max_calls
        self.used = 0
        self._lock = threading.Lock()

    def take(self) -> None:
        """Count one call; raise CallBudgetExceeded when the cap is reached."""
        with self._lock:
            if self.used >= self.max_calls:
                raise CallBudgetExceeded(
                    f"the per-run cap of {self.max_calls} LLM calls was reached"
                )
            self.used += 1


@dataclass
class LLMCaller:
    """Calls a chat model with retries, exponential backoff with jitter, and a per-run call cap.

    `max_calls` counts every HTTP attempt, retries included, across all threads of a run.
    """

    model: Any
    max_calls: int = 1000
    max_retries: int = 4
    max_format_retries: int = 1
    backoff: float = 0.5
    max_backoff: float = 8.0
    sleep: Callable[[float], None] = time.sleep
    calls: int = 0
    retries: int = 0
    format_retries: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    budget: CallBudget | None = None

    def __post_init__(self) -> None:
        if self.budget is None:
            self.budget = CallBudget(self.max_calls)

    def _take_call(self) -> None:
        assert self.budget is not None
        self.budget.take()
        with self._lock:
            self.calls += 1

    def _invoke(self, messages: list[Any]) -> str:
        attempt = 0
        while True:
            self._take_call()
            try:
                reply = self.model.invoke(messages)
            except Exception as exc:  # noqa: BLE001 - classified: transient ones are retried
                if not _from_provider(exc):
                    raise  # a bug, not a failed call: it must surface
                if not is_retryable(exc) or attempt >= self.max_retries:
                    status = _status_of(exc)
                    where = f"HTTP {status}" if status else type(exc).__name__
                    raise LLMCallError(f"LLM call failed ({where}): {exc}") from exc
                delay = _retry_after(exc)
                if delay is None:
                    delay = min(self.max_backoff, self.backoff * 2**attempt)
                    delay *= 0.5 + random.random() / 2
                with self._lock:
                    self.retries += 1
                attempt += 1
                self.sleep(delay)
                continue
            content = reply.content if hasattr(reply, "content") else reply
            if isinstance(content, list):
                content = "".join(
                    p.get("text", "") if isinstance(p, dict) else str(p) for p in content
                )
            return str(content)

    def call(self, messages: list[Any], parse: Callable[[str], T]) -> T:
        """Invoke the model and parse its reply; malformed replies are retried with the error."""
        from langchain_core.messages import AIMessage, HumanMessage

        history = list(messages)
        for attempt in range(self.max_format_retries + 1):
            text = self._invoke(history)
            try:
                return parse(text)
            except MalformedOutput as exc:
                if attempt >= self.max_format_retries:
                    raise LLMCallError(f"malformed model output: {exc}") from exc
                with self._lock:
                    self.format_retries += 1
                history = [
                    *messages,
                    AIMessage(content=text),
                    HumanMessage(
                        content=f"Your reply was not valid: {exc}. Reply again with only the "
                        "JSON object described above."
                    ),
                ]
        raise AssertionError("unreachable")


def extract_json(text: str) -> Any:
    """The JSON object in a model reply (bare, or inside a ```json fence)."""
    fenced = re.search(r"```(?:json)?\s*(.+?)```", text, re.S)
    body = fenced.group(1) if fenced else text
    start = min((i for i in (body.find("{"), body.find("[")) if i != -1), default=-1)
    if start == -1:
        raise MalformedOutput("no JSON object found in the reply")
    try:
        value, _ = json.JSONDecoder().raw_decode(body[start:])
    except json.JSONDecodeError as exc:
        raise MalformedOutput(f"invalid JSON ({exc.msg} at position {exc.pos})") from None
    return value


class QAItem(BaseModel):
    """One pair as the LLM must return it."""

    question: str = Field(min_length=3)
    answer: str | None = None
    evidence: str = ""


class QAItems(BaseModel):
    """The LLM writer's reply: {"items": [...]}."""

    items: list[QAItem] = Field(min_length=1)


def parse_reply(text: str, schema: type[_Reply], key: str) -> _Reply:
    """Validate a model's JSON reply against `schema`; a bare list is taken as `{key: list}`."""
    value = extract_json(text)
    if isinstance(value, list):
        value = {key: value}
    try:
        return schema.model_validate(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise MalformedOutput(f"{loc}: {first['msg']}") from None


def parse_items(text: str, mode: str) -> list[QAItem]:
    """Validate the writer's reply; answers are required in every mode but `question`."""
    items = parse_reply(text, QAItems, "items").items
    if mode != "question":
        for i, item in enumerate(items):
            if not (item.answer or "").strip():
                raise MalformedOutput(f"items.{i}.answer is empty")
    return items


def llm_generate(
    caller: LLMCaller,
    chunk: dict[str, Any],
    mode: str,
    n: int,
    *,
    params: dict[str, Any],
    feedback: Sequence[dict[str, Any]] = (),
    avoid: Sequence[str] = (),
    model_name: str = "llm",
) -> list[dict[str, Any]]:
    """Ask the LLM for `n` entries from `chunk` (fenced as data), validated, at most `n` kept."""
    from langchain_core.messages import HumanMessage, SystemMessage

    from agents.llm import load_prompt

    system = load_prompt("qa_system")
    user = load_prompt(
        "qa_generate",
        mode=mode,
        n=n,
        chunk=chunk["text"],
        heading=chunk.get("heading") or "",
        params=params,
        feedback=list(feedback),
        avoid=list(avoid),
    )
    items = caller.call(
        [SystemMessage(content=system), HumanMessage(content=user)],
        lambda text: parse_items(text, mode),
    )
    out = []
    for item in items[:n]:
        draft = Draft(
            question=normalize(item.question),
            answer=(item.answer or "").strip() or None if mode == "question" else item.answer,
            kind="llm",
            evidence=normalize(item.evidence),
        )
        out.append(draft.as_entry(mode, chunk, f"llm:{model_name}"))
    return out
