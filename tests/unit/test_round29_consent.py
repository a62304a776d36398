"""No tool writes over a person's file without asking: every output a person can name (predict,
generate_synthetic, detect_anomalies' scores, vote_labels, write_labeling_functions, the
workbench export) is refused with the consent 409 when a file of theirs is there, replaced only
with overwrite=true, rewritten freely by the run that wrote it; hostile names are 4xx."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command

from agents.plan import Plan, PlanStep
from errors import Conflict, ForgeflowError
from graphs import orchestrator
from graphs.orchestrator import CONSENT_TOOLS, build_graph
from graphs.state import RunContext
from graphs.workflows import call_tool
from settings import get_settings
from store.outputs import made_by, refuse_replacing
from tools.base import ToolContext

MINE = b"appointment_id,no_show\r\nA1,\xc3\xa9\r\n"
_CACHE: dict[str, Path] = {}


def _ws() -> Path:
    return get_settings().workspace


@pytest.fixture
def ws() -> Path:
    """The workspace (the run manager fixture waits on it)."""
    _ws().mkdir(parents=True, exist_ok=True)
    return _ws()


def run(tool: str, args: dict[str, Any], run_id: str | None = None) -> Any:
    return call_tool(tool, args, ToolContext(run_id=run_id))


def _table(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(n)],
            "signal": rng.normal(size=n),
            "noise": rng.normal(size=n),
        }
    )
    frame["label"] = np.where(frame["signal"] > 0, "yes", "no")
    frame["note"] = np.where(frame["signal"] > 0, "great visit", "dull wait")
    return frame


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("consent")


@pytest.fixture
def trained(cache: Path) -> dict[str, str]:
    """signal.csv, a model (models/sig) and a generator (generators/gen), trained once."""
    if "ws" not in _CACHE:
        _ws().mkdir(parents=True, exist_ok=True)
        _table(200, 0).to_csv(_ws() / "signal.csv", index=False)
        args = {"dataset": "signal.csv", "label_column": "label", "epochs": 5}
        run("train_model", {**args, "name": "sig", "model": "logistic"})
        run("train_generator", {**args, "name": "gen"})
        shutil.copytree(_ws(), cache / "ws")
        _CACHE["ws"] = cache / "ws"
    else:
        shutil.copytree(_CACHE["ws"], _ws(), dirs_exist_ok=True)
    return {"model": "models/sig", "generator": "generators/gen"}


def _mine(name: str) -> Path:
    path = _ws() / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(MINE)
    return path


def _calls(trained: dict[str, str]) -> dict[str, tuple[str, dict[str, Any]]]:
    """tool → (the argument naming its file, the other arguments of a call)."""
    return {
        "predict": ("output", {"model": trained["model"], "dataset": "signal.csv"}),
        "generate_synthetic": ("output", {"model": trained["generator"], "n": 20}),
        "detect_anomalies": (
            "output",
            {"dataset": "signal.csv", "model": trained["generator"], "flagged_path": "f.csv"},
        ),
        "vote_labels": (
            "output_path",
            {
                "data_path": "signal.csv",
                "labeling_functions": [
                    {
                        "name": "great",
                        "label": "yes",
                        "kind": "keyword",
                        "column": "note",
                        "keywords": ["great"],
                    }
                ],
            },
        ),
    }


TABLE_TOOLS = ["predict", "generate_synthetic", "detect_anomalies", "vote_labels"]


def test_every_tool_that_writes_a_named_file_asks_first() -> None:
    assert {
        "predict",
        "generate_synthetic",
        "detect_anomalies",
        "vote_labels",
        "write_labeling_functions",
        "export_labeled_data",
        "apply_labeling_functions",
        "label_dataset",
        "save_table",
        "split_table",
        "export_dataset",
        "save_model",
    } <= CONSENT_TOOLS


@pytest.mark.parametrize("tool", TABLE_TOOLS)
def test_the_persons_file_is_refused_with_the_consent_409_and_kept(
    trained: dict[str, str], tool: str
) -> None:
    argument, args = _calls(trained)[tool]
    mine = _mine("signal_copy.csv")
    _mine("signal_copy_2.csv")
    with pytest.raises(Conflict) as caught:
        run(tool, {**args, argument: "signal_copy.csv"})
    error = caught.value
    assert error.status_code == 409 and error.code == "file_exists" and "overwrite" in error.hint
    details = error.details
    assert (details["reason"], details["argument"], details["value"]) == (
        "consent",
        argument,
        "signal_copy.csv",
    )
    assert (
        details["existing"] == ["signal_copy.csv"] and details["suggested"] == "signal_copy_3.csv"
    )
    assert mine.read_bytes() == MINE
    assert not (_ws() / "f.csv").exists()  # refused before anything was written


@pytest.mark.parametrize("tool", TABLE_TOOLS)
def test_overwrite_true_replaces_it(trained: dict[str, str], tool: str) -> None:
    argument, args = _calls(trained)[tool]
    mine = _mine("signal_copy.csv")
    out = run(tool, {**args, argument: "signal_copy.csv", "overwrite": True})
    assert mine.read_bytes() != MINE
    assert len(pd.read_csv(mine)) == (20 if tool == "generate_synthetic" else 200)
    assert "signal_copy.csv" in str(out)


@pytest.mark.parametrize("tool", TABLE_TOOLS)
def test_the_run_that_wrote_the_file_may_write_it_again_no_other_may(
    trained: dict[str, str], tool: str
) -> None:
    argument, args = _calls(trained)[tool]
    run(tool, {**args, argument: "out/rows.csv"}, run_id="run_a")
    assert made_by("out/rows.csv")["run_id"] == "run_a"
    run(tool, {**args, argument: "out/rows.csv"}, run_id="run_a")  # a resumed step
    before = (_ws() / "out/rows.csv").read_bytes()
    with pytest.raises(Conflict) as caught:
        run(tool, {**args, argument: "out/rows.csv"}, run_id="run_b")
    assert caught.value.details["existing"] == ["out/rows.csv"]
    assert (_ws() / "out/rows.csv").read_bytes() == before


@pytest.mark.parametrize("tool", ["predict", "generate_synthetic", "detect_anomalies"])
def test_the_default_file_never_needs_consent(trained: dict[str, str], tool: str) -> None:
    argument, args = _calls(trained)[tool]
    args = {k: v for k, v in args.items() if k != "flagged_path"}
    first = run(tool, args)["artifacts"][0]["path"]
    again = run(tool, args)["artifacts"][0]["path"]  # the same default name, no question
    assert first == again and first.split("/")[0] in ("predictions", "synthetic", "anomalies")


HOSTILE = [
    "../outside.csv",
    "/etc/passwd.csv",
    "~root/x.csv",
    "a\x00b.csv",
    "\ud800.csv",
    "x" * 300 + ".csv",
    "d/" * 2100 + "x.csv",
    ".forgeflow/outputs.jsonl",
    ".hidden.csv",
    "sub/.secret/x.csv",
    "folder/",
]


@pytest.mark.parametrize("tool", TABLE_TOOLS)
@pytest.mark.parametrize("bad", HOSTILE)
def test_hostile_outputs_are_4xx_and_write_nothing(
    trained: dict[str, str], tool: str, bad: str
) -> None:
    argument, args = _calls(trained)[tool]
    before = sorted(p.relative_to(_ws()).as_posix() for p in _ws().rglob("*"))
    manifest = (_ws() / ".forgeflow" / "outputs.jsonl").read_bytes()
    with pytest.raises(ForgeflowError) as caught:
        run(tool, {**args, argument: bad, "overwrite": True})
    assert 400 <= caught.value.status_code < 500 and caught.value.hint
    assert sorted(p.relative_to(_ws()).as_posix() for p in _ws().rglob("*")) == before
    assert (_ws() / ".forgeflow" / "outputs.jsonl").read_bytes() == manifest


@pytest.mark.parametrize("tool", ["predict", "generate_synthetic", "detect_anomalies"])
@pytest.mark.parametrize("bad", [2**63, ["x.csv"], {"a": 1}, True, "x.txt", "out.json"])
def test_wrong_types_and_suffixes_are_4xx(trained: dict[str, str], tool: str, bad: Any) -> None:
    argument, args = _calls(trained)[tool]
    with pytest.raises(ForgeflowError) as caught:
        run(tool, {**args, argument: bad})
    assert 400 <= caught.value.status_code < 500 and caught.value.hint
    assert not list(_ws().glob("*.txt")) and not (_ws() / "out.json").exists()


def test_scores_and_the_flagged_rows_beside_them_are_asked_about_together(
    trained: dict[str, str],
) -> None:
    scores, flagged = _mine("res.csv"), _mine("res-flagged.csv")
    with pytest.raises(Conflict) as caught:
        run(
            "detect_anomalies",
            {"dataset": "signal.csv", "model": trained["generator"], "output": "res.csv"},
        )
    details = caught.value.details
    assert details["existing"] == ["res.csv", "res-flagged.csv"]
    assert details["suggested"] == "res_2.csv"
    assert details["renamed"] == {"res.csv": "res_2.csv", "res-flagged.csv": "res_2-flagged.csv"}
    assert scores.read_bytes() == MINE and flagged.read_bytes() == MINE


@pytest.mark.parametrize("tool", ["write_labeling_functions", "export_labeled_data"])
def test_the_labeling_outputs_refuse_the_persons_file_before_any_work(tool: str) -> None:
    mine = _mine("rules.json")
    args = (
        {"dataset": "nowhere.csv", "label_column": "label"}
        if tool == "write_labeling_functions"
        else {"labeling_dir": "labeling/nowhere"}
    )
    with pytest.raises(Conflict) as caught:
        run(tool, {**args, "output_path": "rules.json"})
    assert caught.value.details["existing"] == ["rules.json"]
    assert caught.value.details["argument"] == "output_path"
    assert mine.read_bytes() == MINE
    for bad in ("../x.json", ".forgeflow/x.json", "a\x00.json"):
        with pytest.raises(ForgeflowError) as refused:
            run(tool, {**args, "output_path": bad, "overwrite": True})
        assert 400 <= refused.value.status_code < 500


def test_write_labeling_functions_replaces_only_with_overwrite(trained: dict[str, str]) -> None:
    frame = _table(200, 2)
    frame.loc[frame.index[60:], "label"] = None  # hand labels on a third
    frame.to_csv(_ws() / "visits.csv", index=False)
    mine = _mine("rules.json")
    args = {"dataset": "visits.csv", "label_column": "label", "writer": "builtin"}
    with pytest.raises(Conflict):
        run("write_labeling_functions", {**args, "output_path": "rules.json"})
    assert mine.read_bytes() == MINE
    out = run("write_labeling_functions", {**args, "output_path": "rules.json", "overwrite": True})
    assert out["lfs_path"] == "rules.json" and mine.read_bytes() != MINE


def test_the_shared_check_says_nothing_for_a_free_name_or_overwrite() -> None:
    _mine("a.csv")
    refuse_replacing("path", "b.csv", ["b.csv"], tool="save_table", overwrite=False)
    refuse_replacing("path", "a.csv", ["a.csv"], tool="save_table", overwrite=True)
    with pytest.raises(Conflict):
        refuse_replacing("path", "a.csv", ["a.csv"], tool="save_table", overwrite=False)


# ----- through the graph: the question is asked and nothing is lost ------------------------------
def _graph_turn(graph: Any, message: Any) -> dict[str, Any]:
    config = {"configurable": {"thread_id": "t"}}
    payload = message if isinstance(message, Command) else {"goal": message}
    list(graph.stream(payload, config, context=RunContext(), stream_mode="custom"))
    snapshot = graph.get_state(config)
    return {"values": snapshot.values, "interrupts": list(snapshot.interrupts)}


@pytest.mark.parametrize(
    ("reply", "kept"), [("no", True), ("save it as fake.csv", True), ("yes, replace it", False)]
)
def test_synthetic_rows_over_the_persons_table_ask_first(
    trained: dict[str, str], monkeypatch: pytest.MonkeyPatch, reply: str, kept: bool
) -> None:
    mine = _mine("vet_appointments.csv")
    step = {
        "model": trained["generator"],
        "n": 20,
        "output": "vet_appointments.csv",
        "overwrite": True,
    }
    monkeypatch.setattr(
        orchestrator,
        "_plan",
        lambda goal, memory, history: Plan(steps=[PlanStep(tool="generate_synthetic", args=step)]),
    )
    graph = build_graph(InMemorySaver())
    out = _graph_turn(graph, "generate 20 synthetic rows like the ones in vet_appointments.csv")
    (asked,) = out["interrupts"]
    assert asked.value["reason"] == "consent"
    assert asked.value["question"] == (
        "vet_appointments.csv exists — replace it, or save as vet_appointments_2.csv?"
    )
    assert mine.read_bytes() == MINE  # the plan's own overwrite=true was not consent
    out = _graph_turn(graph, Command(resume=reply))
    assert (mine.read_bytes() == MINE) is kept
    if reply.startswith("save"):
        assert len(pd.read_csv(_ws() / "fake.csv")) == 20


def test_the_planned_goal_through_the_run_manager_keeps_the_persons_table(
    manager: Any,
) -> None:
    from tests.utils.planning import turn

    rng = np.random.default_rng(4)
    n = 300
    pd.DataFrame(
        {
            "appointment_id": [f"A{i:04d}" for i in range(n)],
            "species": rng.choice(["dog", "cat"], n),
            "days_ahead": rng.integers(0, 30, n),
            "no_show": rng.choice(["yes", "no"], n, p=[0.3, 0.7]),
        }
    ).to_csv(_ws() / "vet_appointments.csv", index=False)
    before = (_ws() / "vet_appointments.csv").read_bytes()
    done = turn(
        manager,
        "generate 50 synthetic appointments that look like the no-show ones in vet_appointments.csv",
    )
    assert done["status"] == "completed", done
    assert (_ws() / "vet_appointments.csv").read_bytes() == before
    step = done["result"]["steps"][-1]
    assert step["tool"] == "generate_synthetic" and step["output"]["path"].startswith("synthetic/")
    assert step["output"]["rows"] == 50


def test_an_output_folder_holding_the_persons_files_is_asked_about(trained: dict[str, str]) -> None:
    mine = _mine("mine/lf_summary.csv")
    lfs = _calls(trained)["vote_labels"][1]["labeling_functions"]
    args = {
        "dataset": "signal.csv",
        "labeling_functions": lfs,
        "classes": ["no", "yes"],
        "output_dir": "mine",
    }
    with pytest.raises(Conflict) as caught:
        run("apply_labeling_functions", args)
    details = caught.value.details
    assert (details["argument"], details["value"], details["reason"]) == (
        "output_dir",
        "mine",
        "consent",
    )
    assert details["existing"] == ["mine/lf_summary.csv"] and details["suggested"] == "mine_2"
    assert details["renamed"]["mine/lf_summary.csv"] == "mine_2/lf_summary.csv"
    assert mine.read_bytes() == MINE and [p.name for p in (_ws() / "mine").iterdir()] == [mine.name]
    with pytest.raises(Conflict):  # the loop is refused the same way, before it loads anything
        run("label_dataset", {"dataset": "nowhere.csv", "output_dir": "mine"})
    run("apply_labeling_functions", {**args, "overwrite": True})
    assert mine.read_bytes() != MINE and (_ws() / "mine" / "label_matrix.parquet").is_file()
    # a new folder, then the same run again (a resumed step), then another run: asked
    run("apply_labeling_functions", {**args, "output_dir": "fresh"}, run_id="run_a")
    run("apply_labeling_functions", {**args, "output_dir": "fresh"}, run_id="run_a")
    with pytest.raises(Conflict):
        run("apply_labeling_functions", {**args, "output_dir": "fresh"}, run_id="run_b")
    for bad in ("../out", ".forgeflow", "~root", "a\x00b", "\ud800"):
        with pytest.raises(ForgeflowError) as refused:
            run("apply_labeling_functions", {**args, "output_dir": bad, "overwrite": True})
        assert 400 <= refused.value.status_code < 500


def test_the_generate_data_job_refuses_the_persons_file_before_training(
    trained: dict[str, str],
) -> None:
    from graphs.training import synthetic_data_job

    mine = _mine("syn.csv")
    generators = sorted(p.name for p in (_ws() / "generators").iterdir())
    request = {
        "labeled_data_path": "signal.csv",
        "num_samples": 5,
        "epochs": 2,
        "output_path": "syn.csv",
    }
    with pytest.raises(Conflict) as caught:
        synthetic_data_job(request, ToolContext(run_id="run_job"))
    assert caught.value.details["existing"] == ["syn.csv"] and mine.read_bytes() == MINE
    assert sorted(p.name for p in (_ws() / "generators").iterdir()) == generators
    out = synthetic_data_job({**request, "overwrite": True}, ToolContext(run_id="run_job"))
    assert out["output_path"] == "syn.csv" and len(pd.read_csv(mine)) == 5
