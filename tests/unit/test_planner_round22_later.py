"""Round 22: later turns of a conversation read with the thread's memory (invented lighthouse
keepers' files and wording): 'eval' after a training, a verb before 'it' that describes no
file, the thread's model put to use on described rows, a labeling again with hand labels
brought in, hand labels said 'as the gold', scores written 'into' a file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.arguments import role_files
from agents.references import described_files, goal_words, gold_named
from settings import get_settings
from tests.utils.threads import labeled, planned_steps, trained

ROWS = 40


def _inspections(outcome: bool = True, gaps: bool = False) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "visit_no": [f"LH{500 + i}" for i in range(ROWS)],
            "station": ["cape", "reef", "point", "isle"] * (ROWS // 4),
            "wind_kn": [10 + (i * 7) % 40 for i in range(ROWS)],
            "lamp_hours": [(i * 37) % 900 for i in range(ROWS)],
            "fault": ["lens", "none", "power", "none"] * (ROWS // 4),
        }
    )
    if gaps:
        frame.loc[ROWS // 2 :, "fault"] = None
    return frame if outcome else frame.drop(columns=["fault"])


@pytest.fixture
def keepers() -> Path:
    """A training and a test table of visits, a winter queue without the outcome, a table of
    visits with gaps in the fault column, its rows checked by hand, and one more visits table."""
    root = get_settings().workspace
    _inspections().to_csv(root / "visits_train.csv", index=False)
    _inspections().to_csv(root / "visits_test.csv", index=False)
    _inspections().to_csv(root / "beacon_readings_test.csv", index=False)
    _inspections(outcome=False).to_csv(root / "visits_queue_jan.csv", index=False)
    _inspections(gaps=True).to_csv(root / "keeper_notes.csv", index=False)
    _inspections().head(12)[["visit_no", "fault"]].to_csv(root / "fault_checked.csv", index=False)
    return root


def test_eval_after_a_training_evaluates_the_threads_model(keepers: Path) -> None:
    # 'eval' is the short form of evaluate: the thread's model measured on the file, no
    # question about which column a new model should predict
    memory = trained("models/visits-1", "visits_train.csv", "fault")
    steps = planned_steps("eval on visits_test.csv", memory)
    assert [t for t, _ in steps] == ["evaluate_model"]
    assert steps[0][1]["model"] == "models/visits-1"
    assert steps[0][1]["dataset"] == "visits_test.csv"


def test_a_verb_acting_on_it_describes_no_file() -> None:
    words = goal_words("build a model from it and check it on the test file")
    assert "check" not in words and "test" in words
    assert "check" not in goal_words("please check them against the test set")
    # a noun before 'it' elsewhere in a clause still describes ('the sales it predicted')
    assert "sales" in goal_words("the sales it predicted")


def test_a_verb_before_it_does_not_pick_a_checked_file(keepers: Path) -> None:
    files = ["fault_checked.csv", "visits_test.csv"]
    found = described_files("build a model from it and check it on the test file", files)
    assert found == ["visits_test.csv"]


def test_the_threads_model_put_to_use_leaves_the_rows_described(keepers: Path) -> None:
    # 'this one' is the model: the rows after it are described, not an earlier file pointed at
    files = ["visits_train.csv", "visits_test.csv", "visits_queue_jan.csv"]
    goal = "now use this one for the visits of the january queue"
    assert described_files(goal, files) == ["visits_queue_jan.csv"]
    assert described_files("use the first one for the january queue visits", files) == []
    memory = trained("models/visits-1", "visits_train.csv", "fault")
    steps = planned_steps(goal, memory)
    assert [t for t, _ in steps] == ["predict"]
    assert steps[0][1]["dataset"] == "visits_queue_jan.csv"


def test_hand_labels_brought_in_after_a_labeling_run_label_again(keepers: Path) -> None:
    memory = labeled("labeling/keeper_notes-1", "keeper_notes.csv", "fault")
    steps = planned_steps("use fault_checked.csv as well", memory)
    assert [t for t, _ in steps] == ["label_dataset"]
    args = steps[0][1]
    assert args["data_path"] == "keeper_notes.csv" and args["label_column"] == "fault"
    assert args["gold_path"] == "fault_checked.csv"


@pytest.mark.parametrize(
    "goal",
    [
        "inspect fault_checked.csv too",  # another tool asked for
        "what's in fault_checked.csv",  # no word bringing the table in
        "use visits_test.csv as well",  # shares the key but not with the run's column filled
    ],
)
def test_other_follow_ups_naming_a_table_are_no_labeling_again(keepers: Path, goal: str) -> None:
    from agents.planner import _labeling_again_with

    pd.DataFrame({"lamp": ["a"], "wind_kn": [3]}).to_csv(keepers / "visits_test.csv", index=False)
    memory = labeled("labeling/keeper_notes-1", "keeper_notes.csv", "fault")
    assert _labeling_again_with(goal, memory) is None


def test_a_labeling_again_refuses_a_file_outside_the_workspace(keepers: Path) -> None:
    from agents.planner import _labeling_again_with

    memory = labeled("labeling/keeper_notes-1", "keeper_notes.csv", "fault")
    assert _labeling_again_with("use ../../etc/fault.csv as well", memory) is None
    assert _labeling_again_with("use " + "a" * 5000 + ".csv as well", memory) is None


def test_a_file_said_as_the_gold_is_the_hand_labels() -> None:
    goal = "now weak supervision on the fault column with fault_checked.csv as the gold, auc 0.9"
    assert gold_named(goal) == "fault_checked.csv"
    assert gold_named("label keeper_notes.csv with fault_checked.csv as the gold") == (
        "fault_checked.csv"
    )


def test_scores_written_into_a_file_are_its_output() -> None:
    files = ["visits_queue_jan.csv", "at_risk.csv"]
    goal = "Score the january queue visits.csv with it, ids included, into at_risk.csv"
    data, _, out = role_files(goal, ["visits.csv", "at_risk.csv"])
    assert out == ["at_risk.csv"] and data == ["visits.csv"]
    assert role_files("score visits_queue_jan.csv with it", files[:1])[2] == []


def test_the_threads_table_said_by_its_subject_alone(keepers: Path) -> None:
    from agents.references import described_input

    (keepers / "guides").mkdir()
    (keepers / "guides" / "visit_policy.md").write_text("# Visits\n\nEvery visit is logged.\n")
    (keepers / "visits_nov.csv").write_text((keepers / "visits_train.csv").read_text())
    files = ["guides/visit_policy.md", "visits_nov.csv", "keeper_notes.csv"]
    goal = "could you check the real visits file for odd ones too?"
    said, _, _ = described_input(goal, files, True, ("visits_nov.csv",))
    assert "visits_nov.csv" in said
    # without the thread's table the description stays as it was
    assert "visits_nov.csv" not in described_input(goal, files, True)[0]
    # a version word the thread's table lacks, or a file all of whose words are said, wins
    other, _, _ = described_input(
        "check the december visits file", files, True, ("visits_nov.csv",)
    )
    assert "visits_nov.csv" not in other
    (keepers / "visits_log.csv").write_text((keepers / "visits_train.csv").read_text())
    files.append("visits_log.csv")
    logged, _, _ = described_input("check the visits log file", files, True, ("visits_nov.csv",))
    assert "visits_log.csv" in logged


def _manuals(root: Path) -> None:
    (root / "manuals").mkdir(exist_ok=True)
    text = "# Lamp\n\nThe lamp turns every ten seconds.\n\n## Lens\n\nClean the lens weekly.\n"
    (root / "manuals" / "lamp_manual.md").write_text(text)
    (root / "manuals" / "fog_signal_guide.md").write_text(text.replace("lamp", "horn"))


def _qa_thread() -> dict:
    return {
        "chunk_set": "cs_1",
        "qa_dataset": "dataset_1",
        "results": [{"tool": "generate_qa", "metrics": {}}, {"tool": "export_dataset"}],
        "last_call": {"tool": "export_dataset", "args": {"dataset_id": "dataset_1"}},
    }


def test_one_more_set_from_a_document_on_its_own_is_chunked_and_generated() -> None:
    # 'on its own' is alone, no thread reference: the document is described; a bare small
    # count per chunk is the questions made from each chunk, and the format is the export's
    _manuals(get_settings().workspace)
    goal = "Now one more from the lamp manual on its own, 5 per chunk, jsonl."
    steps = planned_steps(goal, _qa_thread())
    assert [t for t, _ in steps] == ["chunk_documents", "generate_qa", "export_dataset"]
    assert steps[0][1]["paths"] == ["manuals/lamp_manual.md"]
    assert steps[1][1]["datasets_per_chunk"] == 5
    assert steps[2][1]["format"] == "jsonl"


def test_a_chunk_size_is_no_count_of_questions() -> None:
    from agents.slots import PER_CHUNK_RE

    assert PER_CHUNK_RE.search("split it with 500 per chunk") is None
    assert PER_CHUNK_RE.search("0.5 per chunk") is None
    assert PER_CHUNK_RE.search("3 per chunk")[2] == "3"
    assert PER_CHUNK_RE.search("2 questions per chunk")[1] == "2"


def test_a_table_named_in_an_earlier_request_is_the_threads(keepers: Path) -> None:
    # the first turn's step failed, so the memory holds no data: the request still named it
    from agents.planner import _thread_tables

    memory = {"said": ["make fake visits from visits_nov.csv", "300 please"], "results": []}
    assert _thread_tables(memory) == ("visits_nov.csv",)
    assert _thread_tables({"said": "visits_nov.csv"}) == ()
    (keepers / "guides").mkdir()
    (keepers / "guides" / "visit_policy.md").write_text("# Visits\n\nEvery visit is logged.\n")
    (keepers / "visits_nov.csv").write_text((keepers / "visits_train.csv").read_text())
    steps = planned_steps("and could you check the real visits file for odd ones too?", memory)
    assert [t for t, _ in steps] == ["detect_anomalies"]
    assert steps[0][1]["dataset"] == "visits_nov.csv"
