"""Round 13: follow-up turns of conversations (an invented community choir's tables and wording):
hand labels said as done by hand, terse label columns and output folders, a re-apply with a
rules file's functions, the thread's chunks named, a model kind on the same data compared by
name, a model asked for by what it predicts, a described table predicted 'with it', a save by
arrow, 'the same' for an earlier turn's kind of input, votes from a rules file, rows no rule
voted on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.memory import generator_label
from agents.options import ARTIFACTS_DIR_RE
from agents.planner import plan_goal, remember
from agents.slots import extract_slots
from graphs.workflows import call_tool
from settings import get_settings
from tests.utils.threads import looked_at, trained
from tools.base import ToolContext
from tools.training.tools import model_folder

ROWS = 40


@pytest.fixture
def choir() -> Path:
    """Song requests (topic not filled in), requests topic-tagged by hand in another file,
    members with a 'rejoined' outcome, next term's members, a labeling run of requests with
    three rules, a rules file, two guides and a trained model folder."""
    root = get_settings().workspace
    (root / "guides").mkdir(parents=True, exist_ok=True)
    requests = pd.DataFrame(
        {
            "request_id": [f"Q{500 + i}" for i in range(ROWS)],
            "note": ["please sing the anthem", "more carols", "a lullaby", "the anthem again"]
            * (ROWS // 4),
            "topic": [None] * ROWS,
        }
    )
    requests.to_csv(root / "song_requests.csv", index=False)
    pd.DataFrame(
        {"request_id": [f"Q{500 + i}" for i in range(8)], "topic": ["anthem", "carol"] * 4}
    ).to_csv(root / "requests_tagged_by_hand.csv", index=False)
    members = pd.DataFrame(
        {
            "member_id": [f"M{i}" for i in range(ROWS)],
            "voice": ["alto", "bass", "tenor", "soprano"] * (ROWS // 4),
            "years": [(i * 3) % 11 for i in range(ROWS)],
            "rejoined_after_break": ["yes", "no", "no", "yes"] * (ROWS // 4),
        }
    )
    members.to_csv(root / "members.csv", index=False)
    members.drop(columns=["rejoined_after_break"]).to_csv(root / "members_term3.csv", index=False)
    for name in ("warmups_guide.md", "concert_guide.md"):
        (root / "guides" / name).write_text(f"# {name}\n\nSome text.\n\n## Part\n\nMore.\n")
    run = root / "labeling" / "requests"
    run.mkdir(parents=True)
    pd.DataFrame(
        {"id": [f"Q{500 + i}" for i in range(ROWS)], "topic": ["anthem", "carol"] * (ROWS // 2)}
    ).to_parquet(run / "labeled.parquet", index=False)
    (run / "metrics.json").write_text(json.dumps({"classes": ["anthem", "carol", "lullaby"]}))
    rules = [
        {"name": "kw_anthem", "kind": "keyword", "column": "note", "label": "anthem"},
        {"name": "kw_carol", "kind": "keyword", "column": "note", "label": "carol"},
        {"name": "alto_only", "kind": "category", "column": "voice", "label": "lullaby"},
    ]
    rules[0]["keywords"], rules[1]["keywords"] = ["anthem"], ["carol", "carols"]
    rules[2]["values"] = ["alto"]
    (run / "labeling_functions.json").write_text(json.dumps(rules))
    (root / "choir_rules.json").write_text(json.dumps(rules))
    (root / "note_rules.json").write_text(json.dumps(rules[:2]))
    (root / "models" / "voices_lr").mkdir(parents=True)
    return root


def _plan(goal: str, memory: dict[str, Any] | None = None) -> list[tuple[str, dict]]:
    plan = plan_goal(goal, memory or {})
    assert plan.question is None, plan.question
    return [(s.tool, s.args) for s in plan.steps]


def _trained() -> dict[str, Any]:
    return trained("models/voices_lr", "members.csv", "voice", {"accuracy": 0.7}, "logistic")


def test_rows_done_by_hand_in_a_named_file_are_the_hand_labels_of_the_threads_table(
    choir: Path,
) -> None:
    steps = _plan(
        "right, group them into topics with the ones I tagged by hand in "
        "requests_tagged_by_hand.csv",
        looked_at("song_requests.csv"),
    )
    assert [t for t, _ in steps] == ["label_dataset"]
    assert steps[0][1]["data_path"] == "song_requests.csv"
    assert steps[0][1]["gold_path"] == "requests_tagged_by_hand.csv"


def test_hand_labels_in_another_file_found_by_its_name(choir: Path) -> None:
    steps = _plan(
        "bucket them by topic please, a few were done by hand in a separate file",
        looked_at("song_requests.csv"),
    )
    assert [t for t, _ in steps] == ["label_dataset"]
    assert steps[0][1]["data_path"] == "song_requests.csv"
    assert steps[0][1]["gold_path"] == "requests_tagged_by_hand.csv"


def test_a_terse_label_column_and_output_folder() -> None:
    slots = extract_slots("apply hymn_rules.json to hymns.csv, label_column mood, LF stats")
    assert slots.label_column == "mood"
    assert extract_slots("text_column=lyrics please").text_column == "lyrics"
    for said, folder in (
        ("full run with those rules, target acc 0.8, out labeling/hymns_v2", "labeling/hymns_v2"),
        ("label it, output_dir=runs/hymns", "runs/hymns"),
    ):
        match = ARTIFACTS_DIR_RE.search(said)
        assert match is not None and match.group(1) == folder
    assert ARTIFACTS_DIR_RE.search("work out hymns.csv first") is None


def test_a_reapply_takes_a_named_rules_files_functions_less_the_dropped_kind(
    choir: Path,
) -> None:
    memory = {
        "labeled": "labeling/requests/labeled.parquet",
        "results": [{"tool": "label_dataset", "metrics": {"accuracy": 0.8}}],
    }
    steps = _plan(
        "reapply, only the keyword ones from choir_rules.json, with the carol LF dropped", memory
    )
    assert [t for t, _ in steps] == ["reapply_labeling_functions"]
    assert steps[0][1]["labeling_dir"] == "labeling/requests"
    assert [lf["name"] for lf in steps[0][1]["labeling_functions"]] == ["kw_anthem"]


def test_the_threads_chunks_named_are_no_new_chunking(choir: Path) -> None:
    memory = {
        "chunk_set": "cs_choir",
        "project": 3,
        "results": [{"tool": "chunk_documents", "metrics": {}}],
        "last_call": {"tool": "chunk_documents", "args": {"paths": ["guides/warmups_guide.md"]}},
    }
    steps = _plan(
        "Out of those chunks, write 4 questions per chunk for new singers, quality threshold 0.6.",
        memory,
    )
    assert [t for t, _ in steps] == ["generate_qa"]
    assert steps[0][1]["chunk_set_id"] == "cs_choir"
    assert steps[0][1]["datasets_per_chunk"] == 4


def test_a_model_kind_on_the_same_data_is_trained_and_compared_by_name(choir: Path) -> None:
    steps = _plan(
        "Same table, a neural net this time as voices_nn2, then evaluate it on members.csv "
        "against voices_lr.",
        _trained(),
    )
    assert [t for t, _ in steps] == ["train_model", "evaluate_model"]
    train, evaluate = steps[0][1], steps[1][1]
    assert (train["dataset"], train["model"], train["name"]) == ("members.csv", "mlp", "voices_nn2")
    assert train["label_column"] == "voice"
    assert evaluate["compare_model"] == "models/voices_lr"
    # the tool reads a bare model name under models/
    assert model_folder("voices_lr") == choir / "models" / "voices_lr"


def test_a_model_asked_for_by_what_it_predicts_is_trained(choir: Path) -> None:
    memory = looked_at("members.csv", "preview_rows")
    steps = _plan("Build me a model that can tell if a singer comes back after a break", memory)
    assert [t for t, _ in steps] == ["train_model"]
    assert steps[0][1]["dataset"] == "members.csv"
    assert steps[0][1]["label_column"] == "rejoined_after_break"


def test_a_described_table_predicted_with_the_threads_model(choir: Path) -> None:
    steps = _plan("predict the term 3 members with that model", _trained())
    assert [t for t, _ in steps] == ["predict"]
    assert steps[0][1]["dataset"] == "members_term3.csv"
    assert steps[0][1]["model"] == "models/voices_lr"


def test_a_save_said_with_an_arrow_saves_the_last_table(choir: Path) -> None:
    memory = {
        "dataset": "members.csv",
        "last_table": "anomalies/members-scores.parquet",
        "results": [{"tool": "detect_anomalies", "metrics": {}}],
        "last_call": {"tool": "detect_anomalies", "args": {"dataset": "members.csv"}},
    }
    steps = _plan("store flags -> odd_members.csv", memory)
    assert steps == [
        (
            "save_table",
            {"dataset": "anomalies/members-scores.parquet", "path": "odd_members.csv"},
        )
    ]


def test_the_same_for_a_document_repeats_the_latest_turn_on_a_document(choir: Path) -> None:
    quiz = [
        {"tool": "chunk_documents", "args": {"paths": ["guides/warmups_guide.md"]}},
        {
            "tool": "generate_qa",
            "args": {"chunk_set_id": "${steps.0.chunk_set_id}", "datasets_per_chunk": 2},
        },
    ]
    export = [{"tool": "export_dataset", "args": {"dataset_id": "qa_1", "format": "csv"}}]
    memory = {
        "qa_dataset": "qa_1",
        "results": [{"tool": "export_dataset", "metrics": {}}],
        "last_call": export[0],
        "last_turn": export,
        "turns": [quiz, export],
    }
    steps = _plan("And the same thing for the concert guide now.", memory)
    assert [t for t, _ in steps] == ["chunk_documents", "generate_qa"]
    assert steps[0][1]["paths"] == ["guides/concert_guide.md"]
    assert steps[1][1]["datasets_per_chunk"] == 2


def test_votes_from_a_rules_file_and_the_rows_no_rule_voted_on(choir: Path) -> None:
    steps = _plan(
        "Run note_rules.json over song_requests.csv with a vote per row -> request_votes.csv",
        {"results": [{"tool": "inspect_dataset", "metrics": {}}]},
    )
    assert [t for t, _ in steps] == ["vote_labels"]
    args = steps[0][1]
    assert args["labeling_functions"] == "note_rules.json"
    assert (args["data_path"], args["output_path"]) == ("song_requests.csv", "request_votes.csv")
    out = call_tool("vote_labels", args, ToolContext())  # the tool reads the rules file
    assert out["rows"] == ROWS and out["labeled_rows"] == 30  # anthem, carols, anthem again
    memory = remember("vote_labels", out, {}, args)
    answer = plan_goal("and how many requests ended up without a label?", memory).answer
    assert answer is not None and answer.startswith("10 of 40 rows got no vote")


def test_a_one_letter_class_said_after_its_columns_word() -> None:
    generator = {"classes": ["S", "A", "T"], "label_column": "voice_part"}
    assert generator_label("now 30 for part T too", generator) == "T"
    assert generator_label("twenty rows of class S", generator) == "S"
    # a lone article is no class: 'a' is not 'A'
    assert generator_label("now 30 more for a part of the choir", generator) is None


def test_how_accurate_after_a_labeling_is_answered_from_the_thread(choir: Path) -> None:
    memory = remember(
        "label_dataset",
        {"labeled_path": "labeling/requests/labeled.parquet", "metrics": {"accuracy": 0.75}},
        {},
        {"data_path": "song_requests.csv", "gold_path": "requests_tagged_by_hand.csv"},
    )
    plan = plan_goal("How accurate did that come out?", memory)
    assert plan.question is None and not plan.steps
    assert plan.answer is not None and "accuracy: 0.750" in plan.answer


@pytest.mark.parametrize(
    "rules", ["../rules.json", "/etc/passwd", "~root/rules.json", "a\x00.json", "link_out.json"]
)
def test_vote_rules_file_stays_in_the_workspace(home: Path, rules: str) -> None:
    workspace = home / "workspace"
    workspace.mkdir(parents=True, exist_ok=True)
    pd.DataFrame({"text": ["late bus", "nice staff"]}).to_csv(workspace / "notes.csv", index=False)
    (home / "rules.json").write_text("[]")
    (workspace / "link_out.json").symlink_to(home / "rules.json")
    args = {"data_path": "notes.csv", "output_path": "voted.csv", "labeling_functions": rules}
    with pytest.raises(Exception) as caught:
        call_tool("vote_labels", args, ToolContext())
    assert getattr(caught.value, "code", None) in (
        "path_outside_workspace",
        "bad_input",
        "not_found",
    )
    assert not (workspace / "voted.csv").exists()
