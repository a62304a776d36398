"""Numeric options, targets and output names said in a person's own words (invented wording)."""

from __future__ import annotations

import pandas as pd

from agents.arguments import _synthetic_count, qa_options, quality_floor, role_files
from agents.options import bind_stated, class_value, stated
from agents.plan import PlanStep
from agents.planner import network_options
from agents.slots import extract_targets
from settings import get_settings


def test_targets_said_as_what_the_model_should_do() -> None:
    assert extract_targets("it has to spot at least 75% of the defective parts") == {"recall": 0.75}
    assert extract_targets("a router that is correct 88% of the time") == {"accuracy": 0.88}
    assert extract_targets("the bot should get 70% of them right") == {"accuracy": 0.7}
    assert extract_targets("keep adding rules until they cover 60% of the tickets") == {
        "coverage": 0.6
    }
    assert extract_targets("push the cross-entropy under 0.42") == {"log_loss": 0.42}
    assert extract_targets("log loss at most 1.2 please") == {"log_loss": 1.2}
    assert extract_targets("show the first 3 of the files") == {}


def test_quality_floors_in_many_phrasings() -> None:
    assert quality_floor("hold on to the strong pairs only (0.9 or higher)") == 0.9
    assert quality_floor("a 0.65 pass mark is fine") == 0.65
    assert quality_floor("re-scoring with a bar of 0.7") == 0.7
    assert quality_floor("throw out anything below 55%") == 0.55
    assert quality_floor("just the ones above 0.6") == 0.6
    assert quality_floor("make 4 questions for each of the 6 chunks") is None


def test_qa_counts_and_styles_in_other_orders() -> None:
    assert qa_options("use the first 2 sections, four questions apiece") == {
        "datasets_per_chunk": 4
    }
    assert qa_options("answers kept brief")["answer_style"] == "concise"
    assert qa_options("the answers should be very detailed")["answer_style"] == "comprehensive"


def test_switches_and_counts_by_word() -> None:
    assert stated("label_dataset", "turn embeddings off for this one")["embeddings"] == "off"
    assert stated("label_dataset", "run it without any embeddings")["embeddings"] == "off"
    assert stated("train_model", "drop the balanced class weights")["class_weights"] != "balanced"
    assert stated("train_model", "no class weighting please").get("class_weights") in (None, "none")
    assert stated("train_model", "skip the class weights")["class_weights"] == "none"
    assert stated("train_model", "three hidden layer, 40 epochs") == {"layers": 3, "epochs": 40}
    assert stated("train_model", "3 layers of 64 units")["layers"] == 3
    assert network_options("one hidden layer of 32")["layers"] == 1
    assert stated("detect_anomalies", "mark rows whose anomaly score above 3.5")["threshold"] == 3.5
    assert (
        stated("label_dataset", "set aside 40% of our gold labels for tuning")["dev_fraction"]
        == 0.4
    )


def test_outputs_and_synthetic_counts() -> None:
    assert role_files("score fresh.csv => fresh_scored.csv", ["fresh.csv", "fresh_scored.csv"]) == (
        ["fresh.csv"],
        [],
        ["fresh_scored.csv"],
    )
    assert _synthetic_count("produce 250 simulated broken sensors") == 250
    assert _synthetic_count("create me 80 new late deliveries") == 80


def test_a_class_word_maps_to_the_label_columns_value() -> None:
    assert class_value("forge 40 made-up churned customers", "churned", ["0", "1"]) == "1"
    assert class_value("give me 40 non-churned ones", "churned", ["0", "1"]) == "0"
    assert class_value("30 rows of the delayed kind", "status", ["ontime", "delayed"]) == "delayed"
    assert class_value("30 more rows", "late_flag", ["N", "Y"]) is None
    assert class_value("100 more labeled rows", "label", ["0", "1"]) is None


def test_the_generator_in_the_same_plan_tells_the_class() -> None:
    pd.DataFrame(
        {
            "unit": range(20),
            "volts": [float(i) for i in range(20)],
            "burnt_out": ["N"] * 17 + ["Y"] * 3,
        }
    ).to_csv(get_settings().workspace / "bulbs.csv", index=False)
    steps = [
        PlanStep(
            tool="train_generator", args={"dataset": "bulbs.csv", "label_column": "burnt_out"}
        ),
        PlanStep(
            tool="generate_synthetic",
            args={"model": "${steps.0.model_path}", "n": 60},
            why="make 60 burnt-out bulbs",
        ),
    ]
    bind_stated(steps, "learn bulbs.csv and make 60 burnt-out bulbs")
    assert steps[1].args["label"] == "Y"


def test_roles_folders_and_offsets_in_words() -> None:
    from agents.options import column_roles

    assert column_roles("treat region and tier as categoricals", ["region", "tier", "y"]) == {
        "categorical_columns": ["region", "tier"]
    }
    assert stated("label_dataset", "store all outputs under runs/try2.")["output_dir"] == (
        "runs/try2"
    )
    assert stated("preview_rows", "10 lines starting at line 55")["offset"] == 55
    assert stated("preview_rows", "give me rows from row number 12")["offset"] == 12


def test_a_small_share_to_act_on_is_not_a_target() -> None:
    assert extract_targets("flag 5% of the rows as outliers") == {}


def test_an_anomaly_cut_said_as_a_z() -> None:
    assert stated("detect_anomalies", "flag rows beyond a combined z of 3")["threshold"] == 3


def test_out_colon_and_label_into_name_the_output_file() -> None:
    _, _, out = role_files(
        "rules over pets.csv: weight > 9 -> big. out: pet_votes.csv", ["pets.csv", "pet_votes.csv"]
    )
    assert out == ["pet_votes.csv"]
    _, _, out = role_files(
        "majority label into pet_tags.csv from pets.csv", ["pet_tags.csv", "pets.csv"]
    )
    assert out == ["pet_tags.csv"]
