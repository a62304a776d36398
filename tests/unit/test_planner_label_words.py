"""Labeling rules and settings said loosely: unquoted rule lists, 'if … it's X', option wordings."""

from __future__ import annotations

from agents.options import stated
from agents.rules import parse_rules


def test_unquoted_rule_segments_become_keyword_rules() -> None:
    goal = (
        "please tag feedback.csv using these rules: anything mentioning slow, laggy or stutters "
        "is performance; ugly / cluttered -> design; price or expensive is cost. save to f_out.csv"
    )
    rules = parse_rules(goal)
    assert [r["label"] for r in rules] == ["performance", "design", "cost"]
    assert rules[0]["keywords"] == ["slow", "laggy", "stutters"]
    assert rules[1]["keywords"] == ["ugly", "cluttered"]


def test_a_column_said_before_the_first_rule_carries_on() -> None:
    rules = parse_rules(
        "label these: remarks says leaky or dripping -> plumbing; sparks or fuse -> electric"
    )
    assert [r["column"] for r in rules] == ["remarks", "remarks"]


def test_settings_are_not_read_as_rules() -> None:
    assert (
        parse_rules("fit a model on z.csv; the target is churn; the model is mlp. then label it")
        == []
    )


def test_if_quoted_then_its_label() -> None:
    goal = (
        "If a note mentions 'leak' or 'puddle' it's a plumbing; if it says 'flicker' it is "
        "electric."
    )
    rules = parse_rules(goal)
    assert [(r["label"], r["keywords"]) for r in rules] == [
        ("plumbing", ["leak", "puddle"]),
        ("electric", ["flicker"]),
    ]


def test_labeling_settings_in_other_words() -> None:
    said = stated(
        "label_dataset",
        "weak labels on pets.csv with the built-in keyword miner, maximum 4 try, "
        "discard every rule under 0.65 dev accuracy",
    )
    assert said["max_attempts"] == 4
    assert said["writer"] == "builtin"
    assert said["accuracy_floor"] == 0.65
    mined = stated(
        "write_labeling_functions", "mine rules; at most 12 per class, precision floor 0.8"
    )
    assert mined["max_per_class"] == 12
    assert mined["min_precision"] == 0.8
    kept = stated("write_labeling_functions", "mine them but keep rules with precision >= 0.9")
    assert kept["min_precision"] == 0.9


def test_rules_scored_against_the_tables_own_labels(tmp_path, monkeypatch) -> None:
    import pandas as pd

    from agents import arguments

    table = tmp_path / "pets.csv"
    pd.DataFrame(
        {
            "pet_id": range(40),
            "note": ["barks a lot and fetches sticks all day"] * 40,
            "kind": (["dog", "cat", None, None] * 10),
        }
    ).to_csv(table, index=False)
    lfs = [
        {
            "name": "dog_1",
            "label": "dog",
            "kind": "keyword",
            "column": "note",
            "keywords": ["barks"],
        }
    ]
    profile = {
        "columns": [
            {"name": "note", "label_like": False, "top": {}},
            {"name": "kind", "label_like": True, "top": {"dog": 10, "cat": 10}},
        ]
    }
    monkeypatch.setattr("agents.arguments.table_profile", lambda ref: profile)
    asked = "run them over pets.csv and tell me how often they agree with the kinds we filled in"
    assert arguments.own_gold_column(asked, str(table), lfs) == "kind"
    assert arguments.own_gold_column("run them over pets.csv", str(table), lfs) is None


def test_everyday_words_near_a_cue_word_are_not_corrected() -> None:
    from agents.intent import fix_typos

    assert (
        fix_typos("in last month's run the lost parcels") == "in last month's run the lost parcels"
    )
    assert fix_typos("trian a clasifier") == "train a classifier"
