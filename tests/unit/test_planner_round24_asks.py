"""Round 24: needless questions (invented lighthouse keepers' files and wording). A clause that
only points at files after the request ('... from our manual? docs/x.md'), a saved model said
by its bare name ('with beacon_v3', 'the beacon_v3 model'), and rules the thread wrote or
applied ('have them vote') answer the question the planner used to ask; a request that truly
leaves two candidates open still asks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.arguments import _saved_model, _thread_rules, said_model_name
from agents.planner import plan_goal, points_at_files
from settings import get_settings
from tests.utils.threads import planned_steps, trained

ROWS = 40


def _visits(outcome: bool = True) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "visit_no": [f"LH{500 + i}" for i in range(ROWS)],
            "station": ["cape", "reef", "point", "isle"] * (ROWS // 4),
            "wind_kn": [10 + (i * 7) % 40 for i in range(ROWS)],
            "lamp_hours": [(i * 37) % 900 for i in range(ROWS)],
            "fault": ["lens", "none", "power", "none"] * (ROWS // 4),
            "note": [f"keeper wrote entry {i} about the lamp" for i in range(ROWS)],
        }
    )
    return frame if outcome else frame.drop(columns=["fault"])


@pytest.fixture
def keepers() -> Path:
    """Visits to train and test on, a queue without the outcome, two manuals, one saved model."""
    root = get_settings().workspace
    (root / "lh").mkdir(exist_ok=True)
    _visits().to_csv(root / "lh/visits_train.csv", index=False)
    _visits().to_csv(root / "lh/visits_test.csv", index=False)
    _visits(outcome=False).to_csv(root / "lh/visits_queue.csv", index=False)
    (root / "lh/docs").mkdir(exist_ok=True)
    (root / "lh/docs/lamp_manual.md").write_text("# Lamp\n\nClean the lens every week.\n" * 20)
    (root / "lh/docs/fog_signals.md").write_text("# Fog\n\nSound the horn every minute.\n" * 20)
    (root / "models/keeper").mkdir(parents=True, exist_ok=True)
    return root


# -- a clause that only points at files ------------------------------------------------------


def test_a_clause_of_file_names_only_points_at_files(keepers: Path) -> None:
    assert points_at_files("lh/docs/lamp_manual.md")
    assert points_at_files("it's lh/docs/lamp_manual.md")
    assert points_at_files("the file is lh/visits_train.csv and lh/visits_test.csv")
    assert not points_at_files("path: out/kites.jsonl")  # to be written: an output
    assert not points_at_files("train a model on lh/a.csv")
    assert not points_at_files("no file named here")
    assert not points_at_files("see " * 5000 + "x" * 5000)  # long and odd: read once, no file


def test_a_document_named_after_the_request_is_the_one_chunked(keepers: Path) -> None:
    goal = (
        "Could you build a small question-answer set from our lamp manual? lh/docs/lamp_manual.md"
    )
    steps = planned_steps(goal)
    assert [t for t, _ in steps] == ["chunk_documents", "generate_qa"]
    assert steps[0][1]["paths"] == ["lh/docs/lamp_manual.md"]


def test_two_documents_and_none_said_still_ask(keepers: Path) -> None:
    plan = plan_goal("Could you build a small question-answer set from our documents? thanks")
    assert plan.question is not None or len(plan.steps[0].args.get("paths", [])) == 2


# -- a saved model said by its bare name -----------------------------------------------------


def test_a_model_said_by_its_name_is_the_model_used(keepers: Path) -> None:
    steps = planned_steps("predict lh/visits_queue.csv with beacon_v3, id visit_no")
    assert [t for t, _ in steps] == ["predict"], steps
    assert steps[0][1]["model"] == "beacon_v3"
    assert steps[0][1]["dataset"] == "lh/visits_queue.csv"
    steps = planned_steps("could you evaluate the beacon_v3 model on lh/visits_test.csv?")
    assert steps == [("evaluate_model", {"model": "beacon_v3", "dataset": "lh/visits_test.csv"})]


def test_a_saved_folder_is_a_model_by_any_name(keepers: Path) -> None:
    assert said_model_name("predict lh/visits_queue.csv with keeper") == "keeper"
    assert said_model_name("predict lh/visits_queue.csv with lighthouse") is None


def test_a_thread_model_of_that_name_is_the_threads_path(keepers: Path) -> None:
    memory = trained("models/beacon_v3", "lh/visits_train.csv", "fault")
    memory["model"] = "models/other-2"
    steps = planned_steps("predict lh/visits_queue.csv with beacon_v3", memory)
    assert steps[0][1]["model"] == "models/beacon_v3"


def test_settings_columns_and_metrics_are_no_model_names(keepers: Path) -> None:
    files = ["lh/visits_queue.csv"]
    assert said_model_name("predict lh/visits_queue.csv with id_column visit_no", files) is None
    assert said_model_name("predict lh/visits_queue.csv with lamp_hours", files) is None
    assert said_model_name("evaluate it with f1_macro", files) is None
    assert said_model_name("score with roc-auc", files) is None


def test_two_models_said_bind_neither(keepers: Path) -> None:
    # two names said: which one is meant stays open, so neither is taken as the model
    assert said_model_name("predict lh/visits_queue.csv with beacon_v3 or with tide_v2") is None
    plan = plan_goal("evaluate with beacon_v3 or with tide_v2 on lh/visits_test.csv")
    assert all(s.args.get("model") not in ("beacon_v3", "tide_v2") for s in plan.steps)
    steps = planned_steps("evaluate with beacon_v3 on lh/visits_test.csv")
    assert steps == [("evaluate_model", {"model": "beacon_v3", "dataset": "lh/visits_test.csv"})]


@pytest.mark.parametrize(
    "name", ["..", "../models/x", "/etc/passwd", "~root", "a\x00b", "x\ud800", str(2**63), "models"]
)
def test_a_saved_model_check_stays_inside_the_workspace(keepers: Path, name: str) -> None:
    assert _saved_model(name) is False
    assert said_model_name(f"predict lh/visits_queue.csv with {name}") is None


# -- rules the thread wrote or applied -------------------------------------------------------


def _applied(rules: str) -> dict:
    args = {"data_path": "lh/visits_train.csv", "lfs_path": rules}
    return {
        "dataset": "lh/visits_train.csv",
        "results": [{"tool": "apply_labeling_functions", "metrics": {}}],
        "last_call": {"tool": "apply_labeling_functions", "args": args},
    }


def test_them_voting_after_the_rules_ran_are_the_threads_rules(keepers: Path) -> None:
    (keepers / "lh/fault_rules.json").write_text("[]")
    steps = planned_steps(
        "Have them vote and put the majority into lh/fault_vote.csv.",
        _applied("lh/fault_rules.json"),
    )
    assert [t for t, _ in steps] == ["vote_labels"]
    args = steps[0][1]
    assert args["labeling_functions"] == "lh/fault_rules.json"
    assert args["data_path"] == "lh/visits_train.csv"
    assert args["output_path"] == "lh/fault_vote.csv"


def test_a_vote_with_no_rules_anywhere_still_asks(keepers: Path) -> None:
    # no rules on the thread: nothing to vote with is guessed
    plan = plan_goal("Have them vote and put the majority into lh/fault_vote.csv.")
    assert not any(s.tool == "vote_labels" for s in plan.steps)
    assert _thread_rules({}) == (None, None)
    looked = {"last_call": {"tool": "inspect_dataset", "args": {"dataset": "lh/visits_train.csv"}}}
    assert _thread_rules(looked) == (None, None)
