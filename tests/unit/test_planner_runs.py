"""Earlier labeling runs named or described in a goal, and rules said with column conditions."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pandas as pd
import pytest

from agents.conditions import condition_lfs
from agents.planner import plan_goal
from agents.rules import parse_rules
from settings import get_settings


def _run(folder: Path, prefix: str, classes: list[str], lfs: list[dict], label_name: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    n = 30
    labeled = pd.DataFrame(
        {"id": [f"{prefix}-{i:03d}" for i in range(n)], "label": [classes[i % 2] for i in range(n)]}
    )
    for c in classes:
        labeled[f"prob_{c}"] = 0.5
    labeled["label_source"] = "label_model"
    labeled["note"] = [f"note {i}" for i in range(n)]
    labeled.to_parquet(folder / "labeled.parquet", index=False)
    (folder / "labeling_functions.json").write_text(json.dumps(lfs))
    metrics = {"classes": classes, "text_column": "note", "label_name": label_name}
    (folder / "metrics.json").write_text(json.dumps(metrics))


@pytest.fixture
def one_run() -> Path:
    root = get_settings().workspace
    lfs = [
        {
            "name": "kw_mould",
            "label": "damp",
            "kind": "keyword",
            "column": "note",
            "keywords": ["mould"],
        },
        {
            "name": "kw_draught",
            "label": "draughty",
            "kind": "keyword",
            "column": "note",
            "keywords": ["gap"],
        },
    ]
    _run(root / "labeling" / "flat-survey-a", "FS", ["damp", "draughty"], lfs, "defect")
    pd.DataFrame({"visit": ["v1", "v2"], "remarks": ["a", "b"]}).to_csv(
        root / "visits.csv", index=False
    )
    return root


def _tools(goal: str) -> list[str]:
    return [s.tool for s in plan_goal(goal, {}).steps]


def test_a_named_run_folder_takes_corrections_without_a_thread(one_run: Path) -> None:
    plan = plan_goal("labeling/flat-survey-a: FS-004 ought to be draughty, and FS-007 damp", {})
    assert [s.tool for s in plan.steps] == ["correct_labels"]
    assert plan.steps[0].args["labeling_dir"] == "labeling/flat-survey-a"
    assert plan.steps[0].args["corrections"] == [
        {"id": "FS-004", "label": "draughty"},
        {"id": "FS-007", "label": "damp"},
    ]


def test_the_class_after_an_id_wins_over_a_negated_one(one_run: Path) -> None:
    plan = plan_goal(
        "in labeling/flat-survey-a FS-010 is the bathroom one with black spots, so damp and "
        "not draughty. please fix",
        {},
    )
    assert plan.steps[0].args["corrections"] == [{"id": "FS-010", "label": "damp"}]


def test_correct_then_export_in_order_and_no_new_labeling(one_run: Path) -> None:
    goal = "Fix FS-002 to damp in labeling/flat-survey-a and afterwards export it all as parquet"
    plan = plan_goal(goal, {})
    assert [s.tool for s in plan.steps] == ["correct_labels", "export_labeled_data"]
    assert plan.steps[1].args == {"labeling_dir": "labeling/flat-survey-a", "format": "parquet"}


def test_a_described_run_resolves_to_the_only_one(one_run: Path) -> None:
    plan = plan_goal("list what the survey labeling run marked as draughty, first 12", {})
    assert [s.tool for s in plan.steps] == ["workbench_rows"]
    assert plan.steps[0].args["label"] == "draughty"
    assert plan.steps[0].args["limit"] == 12


def test_rows_an_lf_fires_on_and_the_workbench(one_run: Path) -> None:
    rows = plan_goal("rows kw_mould votes on in flat-survey-a", {}).steps
    assert rows[0].tool == "workbench_rows" and rows[0].args["lf"] == "kw_mould"
    assert _tools("open the workbench for labeling/flat-survey-a please") == ["labeling_workbench"]


def test_reapply_drops_the_named_lf_and_adds_the_stated_rule(one_run: Path) -> None:
    plan = plan_goal(
        "For labeling/flat-survey-a remove kw_draught, add 'condensation' -> damp and re-apply",
        {},
    )
    assert [s.tool for s in plan.steps] == ["reapply_labeling_functions"]
    lfs = plan.steps[0].args["labeling_functions"]
    assert [lf["name"] for lf in lfs][:1] == ["kw_mould"]
    assert "kw_draught" not in [lf["name"] for lf in lfs]
    assert lfs[-1]["keywords"] == ["condensation"] and lfs[-1]["column"] == "note"


def test_a_file_inside_the_run_is_a_file_not_the_run(one_run: Path) -> None:
    assert "workbench_rows" not in _tools("peek at labeling/flat-survey-a/labeled.parquet")


def test_several_runs_match_words_else_ask(one_run: Path) -> None:
    lfs = [
        {"name": "kw_x", "label": "loud", "kind": "keyword", "column": "note", "keywords": ["x"]}
    ]
    other = one_run / "labeling" / "noise-complaints-b"
    _run(other, "NC", ["loud", "quiet"], lfs, "volume")
    past = time.time() - 3600
    os.utime(one_run / "labeling" / "flat-survey-a", (past, past))
    plan = plan_goal("show me the rows the noise labeling run called loud", {})
    assert plan.steps[0].args["labeling_dir"] == "labeling/noise-complaints-b"
    plan = plan_goal("show me what the last labeling run called damp", {})
    assert plan.steps[0].args["labeling_dir"] == "labeling/flat-survey-a"  # a class of it
    asked = plan_goal("in the labeling run, which rows came from the end model?", {})
    assert asked.question and "flat-survey-a" in asked.question and not asked.steps


def test_labeling_a_named_table_is_still_a_new_run(one_run: Path) -> None:
    assert "correct_labels" not in _tools("label visits.csv by remarks with weak supervision")


# --- rules with column conditions ------------------------------------------------------------


def _profile() -> dict:
    cols = [
        {"name": "fare_gbp", "dtype": "float64", "top": {}, "distinct": 90},
        {"name": "cabin", "dtype": "str", "top": {"economy": 50, "business": 10}, "distinct": 2},
        {"name": "stops", "dtype": "int64", "top": {"0": 40, "1": 20}, "distinct": 3},
    ]
    return {"columns": cols, "names": [c["name"] for c in cols]}


def test_numeric_and_categorical_conditions_become_declarative_lfs() -> None:
    text = "pricey if fare_gbp above 900 and cabin is business; cheap when fare_gbp is 80 or less"
    lfs = condition_lfs(text, _profile())
    assert lfs[0]["label"] == "pricey" and lfs[0]["kind"] == "and"
    assert lfs[0]["conditions"][0] == {
        "kind": "threshold",
        "column": "fare_gbp",
        "op": ">",
        "value": 900.0,
    }
    assert lfs[0]["conditions"][1] == {
        "kind": "category",
        "column": "cabin",
        "values": ["business"],
    }
    assert lfs[1] == {
        "name": "cheap_2",
        "label": "cheap",
        "kind": "threshold",
        "column": "fare_gbp",
        "op": "<=",
        "value": 80.0,
    }


def test_between_them_and_it_refer_to_the_previous_column() -> None:
    text = "'short' when stops is under 1, 'long' when it is over 2 and 'medium' between them."
    lfs = condition_lfs(text, _profile())
    assert [lf["label"] for lf in lfs] == ["short", "long", "medium"]
    assert lfs[2]["op"] == "between" and (lfs[2]["value"], lfs[2]["high"]) == (1.0, 2.0)


def test_an_unknown_column_or_value_gives_no_rules() -> None:
    assert condition_lfs("pricey if price_usd above 900", _profile()) == []
    assert condition_lfs("odd if cabin is submarine", _profile()) == []


def test_keyword_lists_with_slashes_and_equals() -> None:
    assert parse_rules("weather if rain/snow/heat wave, crime if theft/burglary.")[1] == {
        "label": "crime",
        "keywords": ["theft", "burglary"],
        "column": None,
    }
    assert parse_rules("food = any of bread, cheese, olives; drink = tea, wine")[0]["keywords"] == [
        "bread",
        "cheese",
        "olives",
    ]
    assert parse_rules("label=late") == []


def test_condition_rules_route_to_vote_labels_with_an_output(one_run: Path) -> None:
    pd.DataFrame(
        {
            "trip": [f"t{i}" for i in range(40)],
            "fare_gbp": [i * 30.0 for i in range(40)],
            "cabin": ["economy", "business"] * 20,
        }
    ).to_csv(one_run / "flights.csv", index=False)
    plan = plan_goal(
        "tag flights.csv: pricey if fare_gbp over 900, cheap if fare_gbp under 100. "
        "save to tags/flight_tags.csv",
        {},
    )
    assert [s.tool for s in plan.steps] == ["vote_labels"]
    assert plan.steps[0].args["output_path"] == "tags/flight_tags.csv"
    assert [lf["kind"] for lf in plan.steps[0].args["labeling_functions"]] == ["threshold"] * 2


def test_a_settings_spec_with_equals_is_not_a_keyword_list() -> None:
    assert (
        parse_rules("data = trips.csv; label = tier; model = MLP, 2 hidden layers, dropout") == []
    )


def test_arrow_rules_with_symbols_or_and_units() -> None:
    text = (
        "tag the flights: fare_gbp ≥ 700 → premium; stops >= 2 or fare_gbp under 40 £ -> budget, "
        "luggage over 30 kg means heavy"
    )
    profile = _profile()
    profile["columns"].append({"name": "luggage_kg", "dtype": "float64", "top": {}, "distinct": 50})
    lfs = condition_lfs(text, profile)
    assert [lf["label"] for lf in lfs] == ["premium", "budget", "heavy"]
    assert lfs[0]["op"] == ">=" and lfs[0]["value"] == 700.0
    assert lfs[1]["kind"] == "or"
    assert [c["column"] for c in lfs[1]["conditions"]] == ["stops", "fare_gbp"]
    assert lfs[2]["column"] == "luggage_kg" and lfs[2]["op"] == ">"


def test_a_quoted_label_before_if_mentions_is_a_keyword_rule() -> None:
    text = "Tagger over x.jsonl: 'sporty' if the blurb mentions goal, match or league; 'arty' if it mentions gallery."
    rules = parse_rules(text)
    assert [r["label"] for r in rules] == ["sporty", "arty"]
    assert rules[0]["keywords"] == ["goal", "match", "league"]


def test_score_them_against_a_file_is_the_rules_gold_not_training() -> None:
    root = get_settings().workspace
    pd.DataFrame(
        {"kit_id": [f"K{i}" for i in range(40)], "dents": [i % 4 for i in range(40)]}
    ).to_csv(root / "kits.csv", index=False)
    pd.DataFrame({"kit_id": ["K1", "K2"], "grade": ["bad", "ok"]}).to_csv(
        root / "kit_grades.csv", index=False
    )
    plan = plan_goal(
        "rules for kits.csv: dents >= 3 -> bad, dents = 0 -> ok. check them against kit_grades.csv",
        {},
    )
    assert [s.tool for s in plan.steps] == ["apply_labeling_functions"]
    assert plan.steps[0].args["gold_path"] == "kit_grades.csv"


def test_export_of_corrected_labels_to_a_file_is_the_run_export() -> None:
    root = get_settings().workspace
    notes = ["calm sea today", "storm warning issued", "gentle breeze", "gale force winds"] * 10
    pd.DataFrame(
        {
            "log_id": [f"M-{i}" for i in range(40)],
            "entry": notes,
            "mood": ["calm", "rough"] + [None] * 38,
        }
    ).to_csv(root / "sea_logs.csv", index=False)
    plan = plan_goal(
        "1) weak-label sea_logs.csv on mood; 2) correct log M-7 to calm; "
        "3) export the corrected labels as csv to sea_moods.csv",
        {},
    )
    assert [s.tool for s in plan.steps] == [
        "label_dataset",
        "correct_labels",
        "export_labeled_data",
    ]
    assert plan.steps[2].args["output_path"] == "sea_moods.csv"


def test_rules_file_named_in_an_earlier_sentence_is_applied() -> None:
    root = get_settings().workspace
    (root / "rules").mkdir(exist_ok=True)
    lf = {
        "name": "kw_fog",
        "label": "grey",
        "kind": "keyword",
        "column": "sky",
        "keywords": ["fog"],
    }
    (root / "rules" / "sky_lfs.json").write_text(json.dumps([lf]))
    pd.DataFrame({"obs_id": [1, 2, 3], "sky": ["fog", "sun", "fog again"]}).to_csv(
        root / "sky_obs.csv", index=False
    )
    plan = plan_goal(
        "My rules live in rules/sky_lfs.json. Please apply them to sky_obs.csv and tell me the coverage.",
        {},
    )
    assert [s.tool for s in plan.steps] == ["apply_labeling_functions"]
    assert plan.steps[0].args["lfs_path"] == "rules/sky_lfs.json"
    assert plan.steps[0].args["data_path"] == "sky_obs.csv"


def test_a_spaced_column_name_and_it_for_the_column_holding_the_value() -> None:
    cols = [
        {"name": "wind_speed", "dtype": "float64", "top": {}, "distinct": 80},
        {"name": "cloud_cover", "dtype": "str", "top": {"clear": 9, "overcast": 5}, "distinct": 2},
    ]
    profile = {"columns": cols, "names": [c["name"] for c in cols]}
    text = "mark 'rough' when cloud is overcast and wind speed is 20 or more; 'calm' when wind speed 5 or less and it is clear."
    lfs = condition_lfs(text, profile)
    assert [lf["label"] for lf in lfs] == ["rough", "calm"]
    assert [c["column"] for c in lfs[0]["conditions"]] == ["cloud_cover", "wind_speed"]
    assert lfs[1]["conditions"][1] == {
        "kind": "category",
        "column": "cloud_cover",
        "values": ["clear"],
    }


def test_reapply_takes_switches_said_in_words(one_run: Path) -> None:
    plan = plan_goal(
        "re-apply the rules of labeling/flat-survey-a unchanged, but skip the end model", {}
    )
    assert [s.tool for s in plan.steps] == ["reapply_labeling_functions"]
    assert plan.steps[0].args["end_model"] is False


def test_saving_a_named_runs_rows_as_a_table(one_run: Path) -> None:
    plan = plan_goal(
        "write the labelled rows of labeling/flat-survey-a out as survey_rows.jsonl", {}
    )
    assert [s.tool for s in plan.steps] == ["save_table"]
    assert plan.steps[0].args == {
        "dataset": "labeling/flat-survey-a",
        "path": "survey_rows.jsonl",
        "format": "jsonl",
    }
    marked = plan_goal("export labeling/flat-survey-a with the hand fixes marked to s.csv", {})
    assert [s.tool for s in marked.steps] == ["export_labeled_data"]


def test_a_runs_summary_asked_is_the_workbench(one_run: Path) -> None:
    assert _tools("for labeling/flat-survey-a, how many visits came out damp and draughty?") == [
        "labeling_workbench"
    ]
    assert _tools("how trustworthy are the labels in labeling/flat-survey-a?") == [
        "labeling_workbench"
    ]
    assert _tools("show me the damp rows of labeling/flat-survey-a") == ["workbench_rows"]


def test_a_run_described_with_a_possessive_time(one_run: Path) -> None:
    plan = plan_goal("in last week's defect labelling, FS-004 is actually draughty", {})
    assert [s.tool for s in plan.steps] == ["correct_labels"]
    assert plan.steps[0].args["labeling_dir"] == "labeling/flat-survey-a"


def test_ids_listed_together_share_the_class_after_them(one_run: Path) -> None:
    plan = plan_goal(
        "in labeling/flat-survey-a FS-003, FS-005 and FS-007 are damp, not draughty", {}
    )
    assert plan.steps[0].args["corrections"] == [
        {"id": "FS-003", "label": "damp"},
        {"id": "FS-005", "label": "damp"},
        {"id": "FS-007", "label": "damp"},
    ]


def test_a_later_rule_may_leave_out_its_column_and_a_column_may_follow_the_number() -> None:
    profile = {
        "columns": [
            {"name": "days_late", "dtype": "int64", "top": {}},
            {"name": "night_shifts", "dtype": "int64", "top": {}},
        ]
    }
    lfs = condition_lfs(
        "tag crew.csv: days_late more than 10 is overdue, less than 2 is prompt", profile
    )
    assert [(lf["label"], lf["column"], lf["op"], lf["value"]) for lf in lfs] == [
        ("overdue", "days_late", ">", 10.0),
        ("prompt", "days_late", "<", 2.0),
    ]
    lfs = condition_lfs("tired if more than 8 night shifts, rested when under 3", profile)
    assert [(lf["label"], lf["column"], lf["op"]) for lf in lfs] == [
        ("tired", "night_shifts", ">"),
        ("rested", "night_shifts", "<"),
    ]


def test_otherwise_ends_the_condition() -> None:
    profile = {"columns": [{"name": "pressure_bar", "dtype": "float64", "top": {}}]}
    lfs = condition_lfs("mark pumps as leaking when pressure is under 2.5, otherwise fine", profile)
    assert [(lf["label"], lf["column"], lf["op"], lf["value"]) for lf in lfs] == [
        ("leaking", "pressure_bar", "<", 2.5)
    ]
