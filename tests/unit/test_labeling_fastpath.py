"""The numpy fast paths of tools.labeling.apply against the Arrow paths they replace.

Keyword terms in ASCII rows are found by a byte-level tokenizer over the Arrow buffers, and
regex LFs skip rows without a literal every match must contain; both must give exactly what
the Arrow split/hash lookups and RE2 over every row give.
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from tools.labeling import apply as A
from tools.labeling.apply import apply_lfs
from tools.labeling.specs import parse_lfs

CLASSES = ["neg", "pos"]


def found(values: pa.Array | pa.ChunkedArray, terms: list[str], fold: bool) -> set:
    t, r = A._find_terms(values, terms, fold)
    return set(zip(t.tolist(), r.tolist(), strict=True))


def reference(values: pa.Array | pa.ChunkedArray, terms: list[str], fold: bool) -> set:
    t, r = A._arrow_find(values, terms, fold)
    return set(zip(t.tolist(), r.tolist(), strict=True))


def keyword_matrix(texts: list, keywords: list[list[str]], **options: object) -> np.ndarray:
    frame = pd.DataFrame({"text": texts})
    specs = [
        {"name": f"k{i}", "label": "pos", "kind": "keyword", "column": "text", "keywords": kws}
        | options
        for i, kws in enumerate(keywords)
    ]
    return apply_lfs(frame, parse_lfs(specs, CLASSES), CLASSES).matrix


def test_ascii_words_punctuation_digits_underscores() -> None:
    texts = [
        "Hello, world! foo_bar baz-qux 42nd",
        "HELLO...World;foo bar",
        "x42nd y_ hello_world",
        "foo_bar",
    ]
    m = keyword_matrix(
        texts, [["hello"], ["world"], ["foo_bar"], ["baz"], ["42nd"], ["y"], ["foo bar"]]
    )
    assert m[:, 0].tolist() == [1, 1, -1, -1]
    assert m[:, 1].tolist() == [1, 1, -1, -1]
    assert m[:, 2].tolist() == [1, -1, -1, 1]
    assert m[:, 3].tolist() == [1, -1, -1, -1]
    assert m[:, 4].tolist() == [1, -1, -1, -1]
    assert m[:, 5].tolist() == [-1, -1, -1, -1]  # "y_" is one word
    assert m[:, 6].tolist() == [-1, 1, -1, -1]  # phrase across ";" (not a word character)


def test_case_sensitivity() -> None:
    texts = ["The NASA launch", "the nasa launch", "A_B and a_b", "Nasa"]
    insensitive = keyword_matrix(texts, [["nasa"], ["A_B"], ["the NASA"]])
    sensitive = keyword_matrix(texts, [["NASA"], ["a_b"], ["The NASA"]], case_sensitive=True)
    assert insensitive[:, 0].tolist() == [1, 1, -1, 1]
    assert insensitive[:, 1].tolist() == [-1, -1, 1, -1]
    assert insensitive[:, 2].tolist() == [1, 1, -1, -1]
    assert sensitive[:, 0].tolist() == [1, -1, -1, -1]
    assert sensitive[:, 1].tolist() == [-1, -1, 1, -1]
    assert sensitive[:, 2].tolist() == [1, -1, -1, -1]


def test_folding_never_joins_other_bytes() -> None:
    # OR 0x20 maps "_" to 0x7F and 0x10 to "0": those bytes still separate words.
    texts = ["a\x7fb", "a\x10", "A_B", "a0"]
    m = keyword_matrix(texts, [["a_b"], ["a0"], ["a"], ["b"]])
    assert m[:, 0].tolist() == [-1, -1, 1, -1]
    assert m[:, 1].tolist() == [-1, -1, -1, 1]
    assert m[:, 2].tolist() == [1, 1, -1, -1]
    assert m[:, 3].tolist() == [1, -1, -1, -1]


def test_no_match_across_rows() -> None:
    texts = ["foo bar", "baz qux", "ab", "cd", "end", "start"]
    m = keyword_matrix(texts, [["bar baz"], ["abcd"], ["ab"], ["cd"], ["end start"], ["qux"]])
    assert (m[:, 0] == -1).all()
    assert (m[:, 1] == -1).all()
    assert m[:, 2].tolist() == [-1, -1, 1, -1, -1, -1]
    assert m[:, 3].tolist() == [-1, -1, -1, 1, -1, -1]
    assert (m[:, 4] == -1).all()
    assert m[:, 5].tolist() == [-1, 1, -1, -1, -1, -1]


def test_empty_strings_nulls_and_blank_rows() -> None:
    texts = ["", None, "   ", "a", "a b", None, ""]
    m = keyword_matrix(texts, [["a"], ["a b"], ["b"]])
    assert m[:, 0].tolist() == [-1, -1, -1, 1, 1, -1, -1]
    assert m[:, 1].tolist() == [-1, -1, -1, -1, 1, -1, -1]
    assert m[:, 2].tolist() == [-1, -1, -1, -1, 1, -1, -1]
    assert (keyword_matrix(["", None], [["a"]]) == -1).all()


def test_non_ascii_rows_use_the_unicode_path() -> None:
    texts = [
        "cafébar",  # é is a letter: one word, not "caf" + "bar"
        "caf bar",
        "naïve résumé",
        "\u212aelvin scale",  # the Kelvin sign lower-cases to k
        "ÉCOLE normale",
        "über café",
        "x²y",  # ² is a number: one word
        "plain kelvin",
    ]
    m = keyword_matrix(
        texts, [["caf"], ["bar"], ["résumé"], ["kelvin"], ["école"], ["café"], ["x²y"], ["x"]]
    )
    assert m[:, 0].tolist() == [-1, 1, -1, -1, -1, -1, -1, -1]
    assert m[:, 1].tolist() == [-1, 1, -1, -1, -1, -1, -1, -1]
    assert m[:, 2].tolist() == [-1, -1, 1, -1, -1, -1, -1, -1]
    assert m[:, 3].tolist() == [-1, -1, -1, 1, -1, -1, -1, 1]
    assert m[:, 4].tolist() == [-1, -1, -1, -1, 1, -1, -1, -1]
    assert m[:, 5].tolist() == [-1, -1, -1, -1, -1, 1, -1, -1]
    assert m[:, 6].tolist() == [-1, -1, -1, -1, -1, -1, 1, -1]
    assert m[:, 7].tolist() == [-1, -1, -1, -1, -1, -1, -1, -1]


def test_long_words() -> None:
    texts = [
        "internationalization is long",
        "internationalizations are longer",
        "abcdefgh abcdefghi abcdefghijklmnop",
        "abcdefghijklmnopq ABCDEFGH_one",
        "abcdefgh_two abcdefgh_onetwo",
        "INTERNATIONALIZATION",
    ]
    m = keyword_matrix(
        texts,
        [
            ["internationalization"],
            ["abcdefgh"],
            ["abcdefghi"],
            ["abcdefghijklmnop"],
            ["abcdefghijklmnopq"],
            ["abcdefgh_one"],
            ["abcdefgh_two"],
            ["internationalization is"],
        ],
    )
    assert m[:, 0].tolist() == [1, -1, -1, -1, -1, 1]
    assert m[:, 1].tolist() == [-1, -1, 1, -1, -1, -1]
    assert m[:, 2].tolist() == [-1, -1, 1, -1, -1, -1]
    assert m[:, 3].tolist() == [-1, -1, 1, -1, -1, -1]
    assert m[:, 4].tolist() == [-1, -1, -1, 1, -1, -1]
    assert m[:, 5].tolist() == [-1, -1, -1, 1, -1, -1]
    assert m[:, 6].tolist() == [-1, -1, -1, -1, 1, -1]
    assert m[:, 7].tolist() == [1, -1, -1, -1, -1, -1]


def test_last_row_at_the_end_of_an_exact_buffer() -> None:
    text = b"alpha beta gammadelta"
    offsets = np.array([0, 5, 10, len(text)], dtype=np.int32)
    values = pa.Array.from_buffers(
        pa.string(), 3, [None, pa.py_buffer(offsets.tobytes()), pa.py_buffer(text)]
    )
    assert found(values, ["beta", "gammadelta", "alpha beta"], True) == {(0, 1), (1, 2)}


ALPHABET = list("abcdeABCDE_019 ") * 3 + list(" .,;-\n\t\x7f\x10") + ["é", "\u212a", "ß", "ﬁ", "😀"]


def random_text(rng: random.Random, ascii_only: bool) -> str | None:
    if rng.random() < 0.05:
        return None
    chars = [c for c in ALPHABET if c.isascii()] if ascii_only else ALPHABET
    return "".join(rng.choice(chars) for _ in range(rng.randint(0, 40)))


def random_terms(rng: random.Random, texts: list, fold: bool) -> list[str]:
    words: set[str] = set()
    for text in texts:
        if text:
            words.update(A._tokens(text.lower() if fold else text))
    pool = sorted(words)
    terms = set(rng.sample(pool, min(len(pool), 30)))
    for _ in range(15):
        if pool:
            terms.add(" ".join(rng.choice(pool) for _ in range(rng.randint(2, 3))))
    terms.update({"abcdefghij", "ab ab", "x"})
    return sorted(terms)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("fold", [True, False])
def test_random_text_matches_the_arrow_path(
    seed: int, fold: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    monkeypatch.setattr(A, "_BLOCK_BYTES", rng.choice([16, 64, 1 << 21]))
    texts = [random_text(rng, ascii_only=seed % 3 == 0) for _ in range(rng.randint(1, 300))]
    # Common phrases, so some phrases really occur.
    texts += ["ab ab abc", "ab", "ab", "x x", "abcdefghij abcdefghijk"]
    values = pc.fill_null(pa.array(texts, pa.string()), "")
    terms = random_terms(rng, texts, fold)
    expected = reference(values, terms, fold)
    assert found(values, terms, fold) == expected
    # Chunked, sliced and large_string columns give the same rows.
    cut = rng.randint(0, len(texts))
    chunked = pa.chunked_array([values.slice(0, cut), values.slice(cut)])
    assert found(chunked, terms, fold) == expected
    assert found(values.cast(pa.large_string()), terms, fold) == expected
    head = pc.fill_null(pa.array(["zz top"] + texts, pa.string()), "").slice(1)
    assert found(head, terms, fold) == expected


def test_many_words_and_no_perfect_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    words = sorted(
        {"".join(rng.choice("abcxyz_09") for _ in range(rng.randint(1, 12))) for _ in range(3000)}
    )
    texts = [" ".join(rng.choice(words) for _ in range(20)) for _ in range(200)]
    values = pa.array(texts, pa.string())
    terms = sorted(set(rng.sample(words, 1500)) | {f"{words[0]} {words[1]}"})
    expected = reference(values, terms, True)
    assert found(values, terms, True) == expected
    monkeypatch.setattr(A, "_perfect_hash", lambda keys: None)
    assert found(values, terms, True) == expected


def test_pandas_string_columns_chunked_or_not() -> None:
    base = pd.DataFrame({"text": ["Orbit of Mars", "the doctor", None, "physicians!", "space"]})
    chunked = pd.concat([base, base], ignore_index=True).astype({"text": "string[pyarrow]"})
    plain = chunked.astype({"text": object})
    specs = parse_lfs(
        [
            {"name": "k", "label": "pos", "kind": "keyword", "column": "text", "keywords": ["of"]},
            {
                "name": "r",
                "label": "neg",
                "kind": "regex",
                "column": "text",
                "pattern": r"\b(?:doctor|physician)s?\b",
            },
            {"name": "o", "label": "pos", "kind": "regex", "column": "text", "pattern": r"orbit"},
        ],
        CLASSES,
    )
    a = apply_lfs(chunked, specs, CLASSES).matrix
    b = apply_lfs(plain, specs, CLASSES).matrix
    assert np.array_equal(a, b)
    assert a[:, 0].tolist() == [1, -1, -1, -1, -1] * 2
    assert a[:, 1].tolist() == [-1, 0, -1, 0, -1] * 2
    assert a[:, 2].tolist() == [-1] * 10  # case-sensitive: "Orbit" is not "orbit"


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\borbit\w*", ["orbit"]),
        (r"\b(?:doctor|physician)s?\b", ["doctor", "physician"]),
        (r"doctor|dentist", ["octor", "entist"]),
        (r"(?:ab)+cde", ["cde"]),
        (r"x(?:abc)+y", ["abc"]),
        (r"(?i)orbit", None),
        (r"a(?i:orbit)", None),
        (r"orb?it", None),
        (r"\x6frbit", None),
        (r"(?:orbit)?", None),
        (r"(?<=x)orbit", ["orbit"]),
        (r"[[:alpha:]]orbit", ["orbit"]),
        (r"ab", None),
        (r"\d+ dollars", [" dollars"]),
    ],
)
def test_required_literals(pattern: str, literals: list[str] | None) -> None:
    assert A._required_literals(pattern) == literals


@pytest.mark.parametrize(
    "pattern",
    [
        r"\borbit\w*",
        r"\b(?:doctor|physician)s?\b",
        r"^orbit",
        r"orbit$",
        r"abcdefghijk",
        r"it o",
        r"(?:or|xy)bit",
        r"\bkm\b",
        r"é",
    ],
)
def test_regex_prefilter_matches_re2(pattern: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(pattern)
    monkeypatch.setattr(A, "_BLOCK_BYTES", 32)
    pieces = ["orbit", "orbits", " ", "doctor", "physicians", "Orbit", "it", "o", "km", "é", "x"]
    pieces += ["abcdefghijk", "abcdefghij", "\n", ".", "or", "xybit"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(400)]
    texts += ["orb", "it orbit", "abcdefghi", "jk"]
    values = pa.array(texts, pa.string())
    expected = pc.match_substring_regex(values, pattern).to_numpy(zero_copy_only=False)
    assert np.array_equal(A._regex(values, pattern, False), expected)
    chunked = pa.chunked_array([values.slice(0, 123), values.slice(123)])
    assert np.array_equal(A._regex(chunked, pattern, False), expected)


def test_regex_fallbacks_still_work() -> None:
    frame = pd.DataFrame({"text": ["an orbit", "xorbit", "nothing", None]})
    specs = parse_lfs(
        [
            # RE2 has no look-behind: Python's re, also where no row has the literal.
            {
                "name": "a",
                "label": "pos",
                "kind": "regex",
                "column": "text",
                "pattern": r"(?<=x)orbit",
            },
            {
                "name": "b",
                "label": "pos",
                "kind": "regex",
                "column": "text",
                "pattern": r"(?<=x)zzz",
            },
            {
                "name": "c",
                "label": "pos",
                "kind": "regex",
                "column": "text",
                "pattern": "ORBIT",
                "ignore_case": True,
            },
        ],
        CLASSES,
    )
    m = apply_lfs(frame, specs, CLASSES).matrix
    assert m[:, 0].tolist() == [-1, 1, -1, -1]
    assert m[:, 1].tolist() == [-1, -1, -1, -1]
    assert m[:, 2].tolist() == [1, 1, -1, -1]
