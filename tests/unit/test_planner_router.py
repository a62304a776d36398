"""The learned router (agents/router.py) and its arbitration with the planner's rules."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents import planner, router, semantic
from agents.planner import plan_goal
from settings import get_settings, reset_settings

needs_model = pytest.mark.skipif(
    not semantic.available(), reason="the packaged embedding model is missing"
)


@pytest.fixture
def parcels() -> None:
    """An invented table: parcels with a carrier, a weight, a note and whether they were late."""
    rows = 40
    pd.DataFrame(
        {
            "parcel_ref": [f"pc{i:03d}" for i in range(rows)],
            "carrier": ["swiftly", "boxbird", "lanecart", "swiftly"] * (rows // 4),
            "weight_kg": [0.5 + (i % 7) * 1.3 for i in range(rows)],
            "courier_note": ["left at the door", "box crushed on arrival"] * (rows // 2),
            "late": ["yes", "no", "no", "no"] * (rows // 4),
        }
    ).to_csv(get_settings().workspace / "parcels.csv", index=False)


def use_goals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *rows: str) -> None:
    """Train the router on these goals.tsv rows (tools, goal, corpus), TF-IDF only (fast)."""
    tsv = tmp_path / "goals.tsv"
    tsv.write_text("# tools<TAB>goal<TAB>corpus\n" + "".join(f"{row}\n" for row in rows))
    monkeypatch.setattr(router, "GOALS", tsv)
    monkeypatch.setattr(semantic, "available", lambda: False)


def confident(tools: tuple[str, ...], confidence: float = 0.97):  # noqa: ANN201 - a fake
    """A stand-in router that always answers `tools` with `confidence`."""
    return lambda goal, exclude=None, state=None: router.Route(tools, confidence)


@needs_model
def test_the_router_routes_unseen_paraphrases() -> None:
    guess = router.route(
        "could you put together something that guesses, from parcels.csv, whether a parcel "
        "turns up late"
    )
    assert guess is not None and guess.tools == ("train_model",)
    assert 0.0 < guess.confidence <= 1.0
    odd = router.route("which parcels in parcels.csv look really strange next to all the others")
    assert odd is not None and odd.tools == ("detect_anomalies",)


@needs_model
def test_a_confident_router_replaces_weak_cues_and_a_doubtful_one_does_not(
    parcels: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = "have a look over parcels.csv for me"
    monkeypatch.setattr(router, "route", confident(("detect_anomalies",), 0.05))
    assert [s.tool for s in plan_goal(goal).steps] == ["inspect_dataset"]  # the cue rules
    monkeypatch.setattr(router, "route", confident(("detect_anomalies",)))
    plan = plan_goal(goal)
    assert [s.tool for s in plan.steps] == ["detect_anomalies"]
    assert plan.steps[0].args["dataset"] == "parcels.csv"  # arguments built as usual


def test_a_router_sequence_no_clause_can_build_leaves_the_rules_plan(
    parcels: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The router learns every tool of its training goals, including one that only the
    # labeling-run handler builds (re-applying a run's edited rules): it must not crash the
    # planner (a KeyError became a 500) and the rules' plan stands.
    monkeypatch.setattr(semantic, "available", lambda: True)
    monkeypatch.setattr(router, "route", confident(("reapply_labeling_functions",), 0.99))
    plan = plan_goal("have a look over parcels.csv for me")
    assert [s.tool for s in plan.steps] == ["inspect_dataset"]


@needs_model
def test_hard_evidence_stays_ahead_of_the_router(
    parcels: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(router, "route", confident(("detect_anomalies",), 0.99))
    named = plan_goal("run train_model on parcels.csv so it predicts late")
    assert [s.tool for s in named.steps] == ["train_model"]
    ruled = plan_goal(
        "label parcels.csv from courier_note: anything saying 'crushed' is damaged, 'door' is fine"
    )
    assert ruled.steps and "detect_anomalies" not in [s.tool for s in ruled.steps]
    memory = {"results": [{"tool": "train_model", "metrics": {"accuracy": 0.875}}]}
    answered = plan_goal("what was the accuracy?", memory)
    assert answered.steps == [] and "0.875" in (answered.answer or "")


def test_an_excluded_corpus_is_left_out_of_training(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_goals(
        tmp_path,
        monkeypatch,
        "train_model\tteach it to tell late parcels in p.csv\talpha",
        "detect_anomalies\tspot weird parcels in p.csv\tbeta",
        "none\twrite me a limerick\tbeta",
    )
    assert {r[2] for r in router.goal_rows()} == {"alpha", "beta"}
    kept = router.goal_rows(frozenset({"beta"}))
    assert [(r[0], r[2]) for r in kept] == [(("train_model",), "alpha")]
    assert kept[0][1] == "teach it to tell late parcels in the table"  # file names normalised
    monkeypatch.setenv("FORGEFLOW_ROUTER_EXCLUDE", "beta, gamma")
    reset_settings()
    assert router.excluded() == frozenset({"beta", "gamma"})
    without = router.Model(frozenset({"beta"}))
    with_all = router.Model(frozenset())
    assert with_all.size - without.size == 2


def test_the_fit_is_kept_on_disk_and_reloaded_identically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = (
        "train_model\tteach it to tell soggy crates in c.csv\tbeta",
        "detect_anomalies\tfind the crates in c.csv that look off\tbeta",
    )
    use_goals(tmp_path, monkeypatch, *rows)
    monkeypatch.setenv("FORGEFLOW_CACHE_DIR", str(tmp_path / "cache"))
    reset_settings()
    fitted = router.Model(frozenset())
    (kept,) = (tmp_path / "cache").glob("router-*.npz")

    def no_fit(*args: object) -> None:
        raise AssertionError("refitted although the fit was kept")

    monkeypatch.setattr(router.Model, "_fit", no_fit)
    loaded = router.Model(frozenset())
    for goal in ("which crates in c.csv seem odd", "teach it the soggy ones"):
        assert loaded.predict(goal) == fitted.predict(goal)
    kept.write_bytes(b"damaged")
    monkeypatch.undo()  # a damaged file is refitted, not trusted
    use_goals(tmp_path, monkeypatch, *rows)
    monkeypatch.setenv("FORGEFLOW_CACHE_DIR", str(tmp_path / "cache"))
    reset_settings()
    assert router.Model(frozenset()).predict("find odd crates") == fitted.predict("find odd crates")


@needs_model
def test_one_step_per_named_file_is_kept_when_the_router_counts_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("kelp_a.csv", "kelp_b.csv", "kelp_c.csv"):
        pd.DataFrame({"depth": [1.0, 2.5], "frond": ["long", "short"]}).to_csv(
            get_settings().workspace / name, index=False
        )
    goal = "inspect kelp_a.csv then inspect kelp_b.csv then inspect kelp_c.csv"
    monkeypatch.setattr(router, "route", confident(("inspect_dataset",), 0.99))
    steps = plan_goal(goal).steps
    assert [s.args["dataset"] for s in steps] == ["kelp_a.csv", "kelp_b.csv", "kelp_c.csv"]


@needs_model
def test_the_routers_plan_reads_the_goal_once(
    parcels: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agents import intent

    reads: list[str] = []
    real_fix = intent.fix_typos

    def counted(text: str, keep: frozenset[str] = frozenset()) -> str:
        reads.append(text)
        return real_fix(text, keep)

    monkeypatch.setattr(intent, "fix_typos", counted)
    monkeypatch.setattr(router, "route", confident(("detect_anomalies",)))
    plan = plan_goal("have a lok over parcels.csv for me")
    assert [s.tool for s in plan.steps] == ["detect_anomalies"]  # the router's plan won
    assert plan.steps[0].args["dataset"] == "parcels.csv"
    assert len(reads) == 1  # built from the goal as read for the rules, not planned again


def _load_script(path: str) -> object:
    """A benchmark script as a module (the benchmarks folder is not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(Path(path).stem, Path(path))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _invented_corpus(folder: Path) -> None:
    """A goal corpus of invented wording: two single goals and three conversations."""
    import json

    folder.mkdir(parents=True)
    goals = [
        {
            "id": "g1",
            "goal": "teach it which kilns in kilns.csv overheat",
            "expect": {"tools": ["train_model"]},
        },
        {"id": "g2", "goal": "which kiln file is the big one?", "expect": {"ask": True}},
    ]
    conversations = [
        {
            "id": "c1",
            "turns": [
                {
                    "user": "spot the odd firings in kilns.csv",
                    "expect": {"tools": ["detect_anomalies"]},
                },
                {"user": "same for the other kiln file", "expect": {"tools": ["detect_anomalies"]}},
            ],
        },
        {
            "id": "c2",
            "turns": [
                {"user": "label the glazes for me", "expect": {"ask": True}},
                {"user": "the finish column", "expect": {"tools": ["label_dataset"]}},
            ],
        },
        {
            "id": "c3",
            "turns": [
                {
                    "user": "teach it which kilns in kilns.csv overheat",
                    "expect": {"tools": ["train_model"]},
                },
            ],
        },
    ]
    (folder / "goals.jsonl").write_text("".join(json.dumps(g) + "\n" for g in goals))
    (folder / "conversations.jsonl").write_text(
        "".join(json.dumps(c) + "\n" for c in conversations)
    )


def test_conversation_first_turns_and_follow_ups_become_router_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = _load_script("benchmarks/goals/export_phrasings.py")
    _invented_corpus(tmp_path / "pottery")
    monkeypatch.setattr(export, "ROOT", tmp_path)
    monkeypatch.setattr(export, "TUNABLE", ("pottery",))
    monkeypatch.setattr(export, "FOLLOW_UPS", ("pottery",))
    rows = export.rows("pottery")
    assert rows == [
        ("train_model", "teach it which kilns in kilns.csv overheat", "pottery"),
        ("detect_anomalies", "spot the odd firings in kilns.csv", "pottery"),
    ]  # a question back is no row, a follow-up is no goal row, a repeated opening is kept once
    with pytest.raises(ValueError):
        export.rows("kept_back")
    # Follow-ups are rows of their own, each with the thread's state before it.
    assert export.follow_up_rows("pottery") == [
        (
            "detect_anomalies",
            "same for the other kiln file",
            "pottery",
            "has_anomalies last_detect_anomalies thread",
        ),
        ("label_dataset", "the finish column", "pottery", "last_answer pending_question thread"),
    ]
    out = tmp_path / "goals.tsv"
    monkeypatch.setattr("sys.argv", ["export_phrasings.py", str(out)])
    export.main()
    monkeypatch.setattr(router, "GOALS", out)
    monkeypatch.setattr(router, "FOLLOW_UPS", tmp_path / "followups.tsv")
    assert len(router.goal_rows()) == 2
    assert len(router.follow_up_rows()) == 2
    assert router.goal_rows(frozenset({"pottery"})) == []  # one knob drops every kind of row
    assert router.follow_up_rows(frozenset({"pottery"})) == []


def test_leave_one_corpus_out_scores_first_turns_on_an_empty_thread(tmp_path: Path) -> None:
    loco = _load_script("benchmarks/planner_loco.py")
    _invented_corpus(tmp_path / "pottery")
    firsts = loco._items(tmp_path / "pottery", "first turns")
    assert [i["id"] for i in firsts] == ["c1#1", "c2#1", "c3#1"]
    assert firsts[1]["expect"] == {"ask": True}  # scored as a question back
    assert len(loco._items(tmp_path / "pottery", "goals")) == 2
    assert loco._items(tmp_path / "nothing_here", "goals") == []

    class Planned:
        def __init__(self, tools: list[str], question: str | None = None) -> None:
            self.steps = [type("Step", (), {"tool": t})() for t in tools]
            self.question = question

    class Planner:
        answers = {
            "spot the odd firings in kilns.csv": Planned(["inspect_dataset", "detect_anomalies"]),
            "label the glazes for me": Planned([], "which column?"),
            "teach it which kilns in kilns.csv overheat": Planned(["detect_anomalies"]),
        }

        def plan_goal(self, goal: str, memory: dict) -> Planned:
            assert memory == {}  # a first turn is planned on an empty thread
            return self.answers[goal]

    scored = [loco._routed(Planner(), item, False) for item in firsts]
    assert scored == [True, True, False]  # an extra look-up is ignored, as the benchmark does


def test_the_follow_up_rows_read_the_thread_state_from_earlier_turns() -> None:
    from agents.thread_state import from_turns

    turns = [
        {"user": "which column of kilns.csv says a firing cracked?", "expect": {"ask": True}},
        {"user": "the crack one", "expect": {"tools": ["train_model"]}},
        {"user": "how sure is it?", "expect": {"tools": []}},
    ]
    assert from_turns([]) == "fresh"  # a first turn: a plain goal
    # a question back is also a turn without a tool: both marks
    assert from_turns(turns[:1]) == "last_answer pending_question thread"
    assert from_turns(turns) == "has_model last_answer last_train_model thread"


def test_a_router_adds_or_drops_a_tool_at_its_bar_and_below_it_does_not(
    parcels: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Round 8: adding and dropping tools take a router probability of 0.6 (was 0.8/0.75);
    round 12: adding takes 0.5 (`ROUTER_ADD`, re-chosen for the router's new scale); round 15:
    dropping takes 0.5 too (chosen on rule-unseen sets); round 18: 0.4 (`ROUTER_DROP`, the
    tuned encoder's scale)."""
    monkeypatch.setattr(semantic, "available", lambda: True)
    goal = "train a model on parcels.csv to predict late"
    monkeypatch.setattr(router, "route", confident(("detect_anomalies", "train_model"), 0.45))
    assert [s.tool for s in plan_goal(goal).steps] == ["train_model"]
    monkeypatch.setattr(router, "route", confident(("detect_anomalies", "train_model"), 0.55))
    assert [s.tool for s in plan_goal(goal).steps] == ["detect_anomalies", "train_model"]
    both = "flag strange parcels in parcels.csv and train a model to predict late"
    below, above = planner.ROUTER_DROP - 0.05, planner.ROUTER_DROP + 0.05
    monkeypatch.setattr(router, "route", confident(("train_model",), below))
    assert [s.tool for s in plan_goal(both).steps] == ["detect_anomalies", "train_model"]
    monkeypatch.setattr(router, "route", confident(("train_model",), above))
    plan = plan_goal(both)
    assert [s.tool for s in plan.steps] == ["train_model"]
    assert plan.steps[0].args["label_column"] == "late"
