"""Round 16: arguments of goals routed right (invented apiary tables and wording): documents
joined in the asking sentence, tables each described by a clause of their own role, output
names that are no misspelling, rules files described or named in another clause, a gold read
from the tables' shapes, the labeled history of an unlabeled batch, QA settings in everyday
words, listing and search terms, leaderboard datasets, validation, ids and folders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from agents.arguments import labeling_dir
from agents.plan import Plan, Planning
from agents.planner import plan_goal
from agents.slots import QUOTED_RE, Slots, query_terms, said_limit
from settings import get_settings

ROWS = 80
NOTES = [
    "the queen was seen laying on three frames",
    "lots of drones and capped queen cells on the bottom bars",
    "calm colony, plenty of stores going into winter",
    "mites on the drone brood, treat before autumn",
]


@pytest.fixture
def apiary() -> Path:
    """Hive inspections of two seasons and a pending batch without the outcome, a keeper's
    checked sample (key and label), a rules file under rules/, and three documents."""
    root = get_settings().workspace
    inspections = pd.DataFrame(
        {
            "inspection_id": [f"H{700 + i}" for i in range(ROWS)],
            "apiary_site": ["orchard", "heath", "meadow", "wood"] * (ROWS // 4),
            "frames_of_brood": [3 + i % 6 for i in range(ROWS)],
            "mite_count": [(i * 7) % 40 for i in range(ROWS)],
            "keeper_note": [f"{NOTES[i % 4]} (visit {i})" for i in range(ROWS)],
            "swarm_risk": ["high", "low", "medium", "low"] * (ROWS // 4),
            "requeened": ["yes", "no"] * (ROWS // 2),
        }
    )
    inspections.to_csv(root / "inspections_s4.csv", index=False)
    inspections.head(40).to_csv(root / "inspections_autumn.csv", index=False)
    inspections.to_csv(root / "hive_visits.csv", index=False)
    pending = inspections.drop(columns=["swarm_risk", "requeened"]).head(30)
    pending.to_csv(root / "hive_visits_pending.csv", index=False)
    checked = pd.DataFrame(
        {
            "inspection_id": [f"H{700 + i}" for i in range(0, 40, 2)],
            "checked_risk": ["low", "high", "medium", "low"] * 5,
        }
    )
    checked.to_csv(root / "risk_reviewed_by_keeper.csv", index=False)
    rules = [
        {"name": "cells", "label": "high", "kind": "keyword", "keywords": ["queen cells"]},
        {"name": "calm", "label": "low", "kind": "keyword", "keywords": ["calm colony"]},
    ]
    (root / "rules").mkdir()
    (root / "rules" / "swarm_rules.json").write_text(json.dumps(rules))
    (root / "guides").mkdir()
    (root / "guides" / "varroa_treatment.md").write_text("# Varroa\n\nTreat in autumn.\n")
    (root / "guides" / "winter_feeding.txt").write_text("Feed fondant when stores run low.\n")
    (root / "guides" / "queen_rearing.md").write_text("# Queens\n\nGraft young larvae.\n")
    return root


def _step(plan: Plan, tool: str) -> dict[str, Any]:
    return next(s.args for s in plan.steps if s.tool == tool)


# --- documents -------------------------------------------------------------------------------


def test_documents_joined_in_the_asking_sentence_after_a_story_mentioning_one(
    apiary: Path,
) -> None:
    plan = plan_goal(
        "Volunteers keep phoning about varroa treatment when the mites show up. Could you "
        "turn the varroa treatment sheet and the winter feeding notes into questions and "
        "answers, two per chunk?"
    )
    assert sorted(_step(plan, "chunk_documents")["paths"]) == [
        "guides/varroa_treatment.md",
        "guides/winter_feeding.txt",
    ]


def test_a_named_document_and_another_described_beside_it(apiary: Path) -> None:
    plan = plan_goal("qa pairs from guides/varroa_treatment.md and the queen rearing one")
    assert sorted(_step(plan, "chunk_documents")["paths"]) == [
        "guides/queen_rearing.md",
        "guides/varroa_treatment.md",
    ]


# --- tables by the clause that gives them a role ------------------------------------------------


def test_each_clause_describes_its_own_table(apiary: Path) -> None:
    plan = plan_goal(
        "Would a requeening predictor hold up? Train it on the season 4 inspections for "
        "requeened, then evaluate it on the autumn inspections."
    )
    assert _step(plan, "train_model")["dataset"] == "inspections_s4.csv"
    assert _step(plan, "evaluate_model")["dataset"] == "inspections_autumn.csv"


# --- names to write ----------------------------------------------------------------------------


def test_a_name_with_an_output_word_is_no_misspelling_of_a_table(apiary: Path) -> None:
    plan = plan_goal(
        "Run the swarm rules (rules/swarm_rules.json) over all the hive visits and give me a "
        "file, hive_votes.csv, with each rule's vote"
    )
    args = _step(plan, "vote_labels")
    assert args["output_path"] == "hive_votes.csv"
    assert args["data_path"] == "hive_visits.csv"


def test_votes_go_to_the_one_named_table_not_there_never_to_the_rules(apiary: Path) -> None:
    plan = plan_goal(
        "Take the keyword rules saved in rules/swarm_rules.json and run them over every row "
        "of hive_visits.csv. For each visit I want one column per rule with its vote and a "
        "final column with the majority decision. Write the result to visits_voted.csv."
    )
    assert _step(plan, "vote_labels")["output_path"] == "visits_voted.csv"
    terse = plan_goal("vote hive_visits.csv with rules/swarm_rules.json, out risk_votes.csv")
    assert _step(terse, "vote_labels")["output_path"] == "risk_votes.csv"


def test_a_rule_set_saved_to_a_new_json_is_the_output_not_the_data(apiary: Path) -> None:
    plan = plan_goal(
        "I only want the rules for now. From the swarm_risk cells already filled in "
        "hive_visits.csv, write a set of labelling functions (keywords in the keeper note, that "
        "kind of thing) and save the rule set to rules/mined_swarm_lfs.json so I can check it "
        "with the bee inspector."
    )
    args = _step(plan, "write_labeling_functions")
    assert args["data_path"] == "hive_visits.csv"
    assert args["output_path"] == "rules/mined_swarm_lfs.json"


# --- rules files --------------------------------------------------------------------------------


def test_a_rules_file_described_in_words(apiary: Path) -> None:
    plan = plan_goal(
        "can u run our swarm rules file over the hive visits and write the votes out to "
        "visit_votes.csv"
    )
    assert _step(plan, "vote_labels")["labeling_functions"] == "rules/swarm_rules.json"


def test_a_rules_file_named_in_an_earlier_sentence(apiary: Path) -> None:
    plan = plan_goal(
        "We keep rules in rules/swarm_rules.json. I want every hive visit to get a vote from "
        "each rule and the majority, written to hive_majority.csv"
    )
    assert _step(plan, "vote_labels")["labeling_functions"] == "rules/swarm_rules.json"


# --- gold by the tables' shapes -----------------------------------------------------------------


def test_a_named_gold_is_read_by_its_shape(apiary: Path) -> None:
    plan = plan_goal(
        "apply rules/swarm_rules.json to hive_visits.csv, then compare to the keeper's "
        "labels (risk_reviewed_by_keeper.csv)"
    )
    assert _step(plan, "apply_labeling_functions")["gold_path"] == "risk_reviewed_by_keeper.csv"


def test_a_described_gold_is_the_one_table_shaped_like_labels(apiary: Path) -> None:
    plan = plan_goal(
        "apply rules/swarm_rules.json to hive_visits.csv and tell me how the rules do "
        "against the keeper's checks"
    )
    assert _step(plan, "apply_labeling_functions")["gold_path"] == "risk_reviewed_by_keeper.csv"


# --- label columns and the table that has them ---------------------------------------------


def test_the_rows_a_prediction_is_for_are_no_outcome(apiary: Path) -> None:
    plan = plan_goal(
        "Please I need a model for the swarm risk on hive_visits.csv, after this make the "
        "prediction for the apiary sites of this week and put it in risk_predictions.csv"
    )
    assert _step(plan, "train_model")["label_column"] == "swarm_risk"


def test_an_unlabeled_batch_is_predicted_by_a_model_of_its_labeled_history(apiary: Path) -> None:
    plan = plan_goal(
        "Which of the pending hive visits will be requeened? Use the visits we already have."
    )
    train = _step(plan, "train_model")
    assert train["dataset"] == "hive_visits.csv"
    assert train["label_column"] == "requeened"
    assert _step(plan, "predict")["dataset"] == "hive_visits_pending.csv"


# --- QA settings --------------------------------------------------------------------------------


def test_qa_settings_in_everyday_words(apiary: Path) -> None:
    plan = plan_goal(
        "Make a little quiz from guides/queen_rearing.md, about 2 questions per bit of text, "
        "short punchy answers please"
    )
    args = _step(plan, "generate_qa")
    assert args["datasets_per_chunk"] == 2
    assert args["answer_style"] == "concise"


def test_a_misspelt_instruction_mode(apiary: Path) -> None:
    plan = plan_goal("make instrucitons from guides/queen_rearing.md, 3 per chunk")
    assert _step(plan, "generate_qa")["generation_mode"] == "instruction"


def test_a_pass_mark_said_after_the_scoring_words_is_the_scoring_steps(apiary: Path) -> None:
    plan = plan_goal(
        "Please make questions from guides/queen_rearing.md and then grade them again with a "
        "stricter 0.85 bar"
    )
    assert _step(plan, "score_qa")["quality_threshold"] == 0.85
    assert "quality_threshold" not in _step(plan, "generate_qa")


# --- listings, searches, downloads, leaderboards ---------------------------------------------


@pytest.mark.parametrize(
    "goal",
    ["list datasets matching hive", "which of my datasets have 'hive' in their names?"],
)
def test_a_name_filter_on_the_workspace_listing(apiary: Path, goal: str) -> None:
    assert _step(plan_goal(goal), "list_local_datasets")["query"] == "hive"


def test_search_terms_without_contractions_or_filler() -> None:
    assert QUOTED_RE.findall("I've heard there's a thing") == []
    assert query_terms(Slots(text="I've heard there's a public honey yield dataset")) == (
        "honey yield"
    )
    assert query_terms(Slots(text="is there anything like beehive sounds on kaggle")) == (
        "beehive sounds"
    )


def test_a_name_typed_in_part_and_the_top_match(apiary: Path) -> None:
    plan = plan_goal("I typed bee_aud in the search box and forgot the rest, what starts like it?")
    assert _step(plan, "suggest_datasets")["query"] == "bee_aud"
    fetched = plan_goal("Find a honey yield dataset on kaggle and download the top match")
    download = _step(fetched, "download_dataset")
    assert download["source"] == "kaggle"
    assert download["dataset_id"].startswith("${steps.0.results.0")


def test_a_leaderboard_dataset_said_mid_sentence_and_the_best_n() -> None:
    plan = plan_goal(
        "Which text-classification models rank best on hivemind on the Hub leaderboard? Give "
        "me the best 4 by accuracy."
    )
    args = _step(plan, "model_leaderboard")
    assert args["dataset"] == "hivemind"
    assert args["limit"] == 4
    assert said_limit("give me the best 4") == 4


# --- training, inspection, anomalies, labeling folders ------------------------------------------


def test_a_validation_share_said_tersely(apiary: Path) -> None:
    terse = plan_goal("hive_visits.csv, label requeened, logistic, val frac 0.25")
    assert _step(terse, "train_model")["validation_fraction"] == 0.25


def test_samples_ids_and_a_labeling_folder(apiary: Path) -> None:
    assert (
        _step(plan_goal("hive_visits.csv schema + 4 samples"), "inspect_dataset")["sample_rows"]
        == 4
    )
    scan = plan_goal("anomalies in hive_visits.csv, top 5, keep inspection_id in the output")
    assert _step(scan, "detect_anomalies")["id_column"] == "inspection_id"
    labeled = plan_goal("label hive_visits.csv swarm_risk into folder labeling/hives_may")
    assert _step(labeled, "label_dataset")["output_dir"] == "labeling/hives_may"
    # a later look at the run opens the folder the person named for it
    planning = Planning(memory={})
    planning.add("label_dataset", {"output_dir": "labeling/hives_may"}, why="label")
    assert labeling_dir(planning) == "labeling/hives_may"
