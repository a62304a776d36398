"""Round 14: the router's experiment knobs (typo copies, reversed composed rows, block and class
weights) and the leave-one-corpus-out study's helpers (benchmarks/router_study.py)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from agents import router, semantic
from benchmarks import router_study
from settings import reset_settings

LABELS = [("sort_crates",), ("sort_crates",), ("ship_crates",), ("ship_crates",), ("weigh",)]
PHRASES = [
    "put the crates in order by size",
    "arrange my crates from small to large.",
    "send the crates to the harbour",
    "dispatch every crate by boat",
    "how heavy is the load",
]


def test_a_typo_copy_misspells_one_or_two_words_and_never_a_placeholder() -> None:
    text = "please arrange the crates in the table by their weight before shipping"
    for seed in range(40):
        noisy = router.typo(text, random.Random(seed))
        assert noisy == router.typo(text, random.Random(seed))  # deterministic
        before, after = text.split(" "), noisy.split(" ")
        assert len(before) == len(after)
        changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
        assert 1 <= len(changed) <= 2, noisy
        assert all(a not in ("table", "document") for a, _ in changed)
        assert all(abs(len(a) - len(b)) <= 1 for a, b in changed)


def test_reversed_composed_rows_say_the_later_step_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(router, "REVERSED", 1.0)
    made = router.composed(LABELS, PHRASES, [("sort_crates", "ship_crates")], 6)
    assert len(made) == 6
    for tools, text in made:
        assert tools == ("sort_crates", "ship_crates")  # the label keeps the order of the work
        assert text.lower().startswith(("send", "dispatch")), text
        assert any(join in text for join in router.BACKWARDS)
    monkeypatch.setattr(router, "REVERSED", 0.0)
    plain = router.composed(LABELS, PHRASES, [("sort_crates", "ship_crates")], 6)
    assert all(text.startswith(("put", "arrange")) for _, text in plain)


def _use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tsv = tmp_path / "goals.tsv"
    tsv.write_text(
        "# tools<TAB>goal<TAB>corpus\n"
        "sort_crates,ship_crates\tline the crates up by size and send them by boat\tbeta\n"
        "weigh\twhat do the crates weigh altogether\tbeta\n"
    )
    monkeypatch.setattr(router, "GOALS", tsv)
    monkeypatch.setattr(router, "FOLLOW_UPS", tmp_path / "followups.tsv")
    monkeypatch.setattr(semantic, "available", lambda: False)
    monkeypatch.setattr(semantic, "_corpus", lambda: (LABELS, PHRASES))
    monkeypatch.setenv("FORGEFLOW_CACHE_DIR", str(tmp_path / "cache"))
    reset_settings()


def test_typo_copies_train_the_fresh_fit_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(tmp_path, monkeypatch)
    monkeypatch.setattr(router, "COMPOSED", 0)
    monkeypatch.setattr(router, "TYPOS", 2)
    monkeypatch.setattr(router, "TYPO_WEIGHT", 0.5)
    texts, y, weights, _, rest = router.training_set(frozenset(), threads=False)
    assert len(texts) == len(PHRASES) + 2 + 4 and len(rest) == 6
    assert list(weights[-4:]) == [0.5] * 4
    assert sorted(y[-4:]) == sorted(["sort_crates,ship_crates"] * 2 + ["weigh"] * 2)
    assert all(t not in texts[: len(PHRASES) + 2] for t in texts[-4:])  # misspelt copies
    assert len(router.training_set(frozenset(), threads=True)[0]) == len(PHRASES) + 2


def test_the_knobs_change_the_cache_name_only_off_their_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(tmp_path, monkeypatch)
    router.Model(frozenset())
    monkeypatch.setattr(router, "BACKWARDS", (" whatever ",))  # unused at the defaults
    router.Model(frozenset())
    assert len(list((tmp_path / "cache").glob("router-*.npz"))) == 1
    monkeypatch.setattr(router, "CHAR_WEIGHT", 0.5)
    model = router.Model(frozenset())
    assert len(list((tmp_path / "cache").glob("router-*.npz"))) == 2
    x = model.features("weigh the crates").toarray()[0]
    words, chars = len(model.word.vocabulary_), len(model.char.vocabulary_)
    assert abs(float((x[words : words + chars] ** 2).sum()) ** 0.5 - 0.5) < 1e-6  # scaled block


def test_the_decomposed_reading_can_answer_an_unseen_combination() -> None:
    ranked = [
        router.Route(("sort_crates",), 0.4),
        router.Route(("sort_crates", "ship_crates"), 0.25),
        router.Route(("weigh", "ship_crates"), 0.3),
        router.Route(("weigh",), 0.05),
    ]
    # sort 0.65, ship 0.55, weigh 0.35: sort before ship, a sequence no route has alone
    assert router_study.decomposed(ranked) == ("sort_crates", "ship_crates")
    assert router_study.decomposed([router.Route(("weigh",), 0.9)]) == ("weigh",)
    assert router_study.decomposed([router.Route((), 0.9)]) == ()


def test_the_learning_curve_keeps_nested_shares(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [((f"t{i % 3}",), f"goal number {i}", f"c{i % 4}") for i in range(400)]
    kept = {}
    for share in (0.25, 0.5, 1.0):
        monkeypatch.setattr(router_study, "FRACTION", share)
        kept[share] = set(router_study.subsample(lambda exclude=frozenset(): rows)())
    assert kept[0.25] <= kept[0.5] <= kept[1.0] and len(kept[1.0]) == 400
    assert 60 <= len(kept[0.25]) <= 140 and 150 <= len(kept[0.5]) <= 250
    monkeypatch.setattr(router_study, "BY", "corpus")
    monkeypatch.setattr(router_study, "FRACTION", 0.5)
    by_corpus = router_study.subsample(lambda exclude=frozenset(): rows)()
    assert len({r[2] for r in by_corpus}) == 2  # whole corpora kept or dropped
