"""Round 11: composed rows for the learned router (agents/router.py `composed`) and its cache key."""

from __future__ import annotations

from pathlib import Path

import pytest

from agents import router, semantic
from settings import reset_settings

LABELS = [("sort_crates",), ("sort_crates",), ("ship_crates",), ("ship_crates",), ("weigh",)]
PHRASES = [
    "put the crates in order by size",
    "arrange my crates from small to large.",
    "send the crates to the harbour",
    "dispatch every crate by boat",
    "how heavy is the load",
]


def test_two_phrasings_are_joined_for_a_multi_step_sequence_the_goals_ask_for() -> None:
    goals = [("sort_crates", "ship_crates"), ("weigh",), ("weigh", "paint")]
    made = router.composed(LABELS, PHRASES, goals, 6)
    assert len(made) == 6  # one multi-step sequence made of known parts; 'paint' has no phrasing
    for tools, text in made:
        assert tools == ("sort_crates", "ship_crates")
        first = [p for p in PHRASES[:2] if text.startswith(p.rstrip(" .!?"))]
        second = [p for p in PHRASES[2:4] if text.lower().endswith(p.lower())]
        assert first and second, text  # the first step's words, then the second's
        assert any(join in text for join in router.JOINS)
    assert router.composed(LABELS, PHRASES, goals, 6) == made  # deterministic
    assert router.composed(LABELS, PHRASES, goals, 0) == []


def test_a_sequence_split_into_a_known_pair_in_order_only() -> None:
    labels = [*LABELS, ("ship_crates", "weigh")]
    phrases = [*PHRASES, "send them off and tell me the weight"]
    made = router.composed(labels, phrases, [("sort_crates", "ship_crates", "weigh")], 4)
    assert len(made) == 4 and all(t == ("sort_crates", "ship_crates", "weigh") for t, _ in made)
    # the reversed order is never made from these parts
    assert router.composed(LABELS, PHRASES, [("ship_crates", "sort_crates")], 4) != []
    assert all(
        text.startswith(("send", "dispatch"))
        for _, text in router.composed(LABELS, PHRASES, [("ship_crates", "sort_crates")], 4)
    )


def _fit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threads: bool) -> router.Model:
    tsv = tmp_path / "goals.tsv"
    tsv.write_text(
        "# tools<TAB>goal<TAB>corpus\n"
        "sort_crates,ship_crates\tline the crates up by size and send them by boat\tbeta\n"
        "weigh\twhat do the crates weigh\tbeta\n"
    )
    monkeypatch.setattr(router, "GOALS", tsv)
    monkeypatch.setattr(router, "FOLLOW_UPS", tmp_path / "followups.tsv")
    monkeypatch.setattr(semantic, "available", lambda: False)
    monkeypatch.setattr(semantic, "_corpus", lambda: (LABELS, PHRASES))
    monkeypatch.setenv("FORGEFLOW_CACHE_DIR", str(tmp_path / "cache"))
    reset_settings()
    return router.Model(frozenset(), threads=threads)


def test_composed_rows_train_the_fresh_fit_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(router, "COMPOSED", 5)
    assert _fit(tmp_path, monkeypatch, threads=False).size == len(PHRASES) + 2 + 5
    assert _fit(tmp_path, monkeypatch, threads=True).size == len(PHRASES) + 2


def test_the_cache_key_changes_with_the_composed_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(router, "COMPOSED", 5)
    _fit(tmp_path, monkeypatch, threads=False)
    _fit(tmp_path, monkeypatch, threads=True)
    assert len(list((tmp_path / "cache").glob("router-*.npz"))) == 2
    monkeypatch.setattr(router, "COMPOSED", 3)  # another count: the fresh fit refits
    _fit(tmp_path, monkeypatch, threads=False)
    assert len(list((tmp_path / "cache").glob("router-*.npz"))) == 3
    monkeypatch.setattr(router, "COMPOSED_WEIGHT", 0.5)
    _fit(tmp_path, monkeypatch, threads=False)
    assert len(list((tmp_path / "cache").glob("router-*.npz"))) == 4
    _fit(tmp_path, monkeypatch, threads=True)  # the thread fit is named as before: it loads
    assert len(list((tmp_path / "cache").glob("router-*.npz"))) == 4
