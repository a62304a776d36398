"""Round 19: goals that train, evaluate, predict and scan for anomalies (invented ferry-operator
files and wording): a metric named without a target, files said to be measured, a described
holdout, feature roles, the class column of an anomaly scan, a chance asked as the outcome."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from agents.plan import Plan
from agents.planner import plan_goal
from settings import get_settings

ROWS = 60


def _crossings(with_label: bool = True) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "sailing_id": [f"S{500 + i}" for i in range(ROWS)],
            "route": ["north", "south", "island"] * (ROWS // 3),
            "skipper": ["Ames", "Boyd", "Cole", "Dunn"] * (ROWS // 4),
            "wind_knots": [5 + (i * 7) % 30 for i in range(ROWS)],
            "swell_m": [round(0.2 + (i % 9) * 0.3, 1) for i in range(ROWS)],
            "area_loaded_m2": [300 + (i * 13) % 400 for i in range(ROWS)],
            "captain_note": [f"calm start, gusts near buoy {i % 7}" for i in range(ROWS)],
            "ran_late": ["no", "no", "yes", "no"] * (ROWS // 4),
        }
    )
    return frame if with_label else frame.drop(columns=["ran_late"])


@pytest.fixture
def ferries() -> Path:
    """Two seasons of crossings, a holdout, and next week's sailings (no outcome yet)."""
    root = get_settings().workspace
    _crossings().to_csv(root / "crossings_2023.csv", index=False)
    _crossings().to_csv(root / "crossings_2024.csv", index=False)
    _crossings().to_csv(root / "crossings_holdout.csv", index=False)
    _crossings(with_label=False).to_csv(root / "crossings_next.csv", index=False)
    return root


def _tools(plan: Plan) -> list[str]:
    return [s.tool for s in plan.steps]


def _trainer(plan: Plan) -> dict:
    return next(s.args for s in plan.steps if s.tool == "train_model")


# -- a metric named without a value ---------------------------------------------------------------


def test_a_metric_cared_about_is_the_trainings_metric(ferries: Path) -> None:
    plan = plan_goal(
        "Use crossings_2023.csv to learn ran_late. A logistic model will do; "
        "what I care about is precision"
    )
    args = _trainer(plan)
    assert args["target_metric"] == "precision"
    assert "target_value" not in args


def test_a_metric_in_a_sentence_of_its_own(ferries: Path) -> None:
    plan = plan_goal("crossings_2023.csv: learn ran_late with an MLP. Judged on F1.")
    assert _trainer(plan)["target_metric"] == "f1"
    plan = plan_goal("As we recall, late sailings cost us. Learn ran_late from crossings_2023.csv.")
    assert "target_metric" not in _trainer(plan)  # 'recall' the verb names no metric


# -- files said to be measured are the test set -----------------------------------------------------


def test_how_it_fares_on_a_file_is_its_test(ferries: Path) -> None:
    for goal in (
        "Learn ran_late from crossings_2023.csv, then tell me how it fares on crossings_2024.csv",
        "Could you learn ran_late from crossings_2023.csv and then check how it does against "
        "crossings_2024.csv?",
    ):
        plan = plan_goal(goal)
        args = _trainer(plan)
        assert args["dataset"] == "crossings_2023.csv"
        # measured once on the file: the training's test set or an evaluation of its own
        measured = [args.get("test_dataset")] + [
            s.args.get("dataset") for s in plan.steps if s.tool == "evaluate_model"
        ]
        assert [m for m in measured if m] == ["crossings_2024.csv"]
        assert set(_tools(plan)) <= {"train_model", "evaluate_model"}


def test_a_metric_reported_on_a_file_is_its_test(ferries: Path) -> None:
    plan = plan_goal(
        "Fit a logistic model for ran_late on crossings_2023.csv; report precision on "
        "crossings_2024.csv."
    )
    args = _trainer(plan)
    assert args["dataset"] == "crossings_2023.csv"
    assert args["test_dataset"] == "crossings_2024.csv"


def test_one_measurement_of_a_file_evaluated_after_training(ferries: Path) -> None:
    plan = plan_goal(
        "MLP on crossings_2023.csv for ran_late, balanced class weights, 4 attempts; "
        "then score it on crossings_2024.csv."
    )
    assert _tools(plan) == ["train_model", "evaluate_model"]
    assert plan.steps[0].args["dataset"] == "crossings_2023.csv"
    assert "test_dataset" not in plan.steps[0].args
    assert plan.steps[1].args["dataset"] == "crossings_2024.csv"


def test_a_bare_holdout_at_the_end_is_the_described_test_file(ferries: Path) -> None:
    plan = plan_goal("Model ran_late from crossings_2023.csv, and try it once on the holdout.")
    assert _trainer(plan)["test_dataset"] == "crossings_holdout.csv"


# -- feature roles ------------------------------------------------------------------------------------


def test_numeric_features_starting_like_a_verb(ferries: Path) -> None:
    plan = plan_goal(
        "Logistic model on crossings_2023.csv for ran_late, numeric features area_loaded_m2 "
        "and swell_m only."
    )
    assert _trainer(plan)["numeric_columns"] == ["area_loaded_m2", "swell_m"]


def test_columns_as_numbers_and_the_only_text_column(ferries: Path) -> None:
    plan = plan_goal(
        "From crossings_2023.csv predict ran_late: wind_knots and swell_m as numbers, "
        "captain_note as the only text column."
    )
    args = _trainer(plan)
    assert args["numeric_columns"] == ["wind_knots", "swell_m"]
    assert args["text_columns"] == ["captain_note"]


# -- the class column of an anomaly scan --------------------------------------------------------------


def test_an_anomaly_scan_grouped_by_a_column(ferries: Path) -> None:
    plan = plan_goal("any strange sailings in crossings_2023.csv? group by route, worst 5")
    assert _tools(plan) == ["detect_anomalies"]
    assert plan.steps[0].args["label_column"] == "route"


def test_an_anomaly_scan_with_a_class_col_said_short(ferries: Path) -> None:
    plan = plan_goal("anomaly scan of crossings_2023.csv, class col skipper, top 5")
    assert plan.steps[0].args["label_column"] == "skipper"


# -- the outcome asked as a chance ------------------------------------------------------------------------


def test_how_likely_rows_were_to_end_a_way_names_the_outcome(ferries: Path) -> None:
    plan = plan_goal(
        "The skippers want to know how likely each sailing was to run late. Train on "
        "crossings_2023.csv and predict crossings_next.csv."
    )
    assert _tools(plan) == ["train_model", "predict"]
    assert _trainer(plan)["label_column"] == "ran_late"
    assert "missing_features" not in plan.steps[1].args  # 'fail'/'impute' never said


# -- a validation share held out, an evaluation said short ------------------------------------------------


def test_a_share_held_out_for_validation_and_an_eval_said_short(ferries: Path) -> None:
    plan = plan_goal(
        "ran_late model on crossings_2023.csv, 20% held out for validation, then eval on "
        "crossings_2024.csv"
    )
    assert _tools(plan) == ["train_model", "evaluate_model"]
    assert plan.steps[0].args["dataset"] == "crossings_2023.csv"
    assert plan.steps[0].args["validation_fraction"] == 0.2
    assert plan.steps[1].args["dataset"] == "crossings_2024.csv"


def test_a_test_file_after_a_described_table(ferries: Path) -> None:
    plan = plan_goal(
        "We logged every sailing last season (crossings_2023.csv, ran_late column: yes / no). "
        "I'd like a model that predicts ran_late from the weather, tested on this season's "
        "sailings in crossings_2024.csv"
    )
    assert [t for t in _tools(plan) if t != "inspect_dataset"] == ["train_model"]
    args = _trainer(plan)
    assert args["dataset"] == "crossings_2023.csv"
    assert args["test_dataset"] == "crossings_2024.csv"


def test_a_word_after_a_role_is_no_column(ferries: Path) -> None:
    plan = plan_goal(
        "On crossings_2023.csv, ran_late with captain_note as the only text column plus the "
        "wind numbers; target AUC 0.8."
    )
    assert _trainer(plan)["text_columns"] == ["captain_note"]


def test_a_misspelt_likely_is_read_as_the_chance_asked() -> None:
    from agents.intent import fix_typos

    assert fix_typos("which sailings are likly to run late") == (
        "which sailings are likely to run late"
    )
    assert fix_typos("who is likley to cancel") == "who is likely to cancel"
    assert fix_typos("a lively crossing") == "a lively crossing"


def test_the_table_said_learnt_from_is_the_training_data(ferries: Path) -> None:
    history = _crossings()
    history["delayed_before"] = ["yes", "no", "no"] * (ROWS // 3)
    history.to_csv(ferries / "sailings_history.csv", index=False)
    history.drop(columns=["ran_late"]).to_csv(ferries / "sailings_upcoming.csv", index=False)
    plan = plan_goal(
        "wich sailings in sailings_upcoming.csv will run late? use a model trained on "
        "sailings_history.csv, save to late_list.csv"
    )
    assert _tools(plan) == ["train_model", "predict"]
    assert _trainer(plan)["dataset"] == "sailings_history.csv"
    assert _trainer(plan)["label_column"] == "ran_late"
    assert plan.steps[1].args["dataset"] == "sailings_upcoming.csv"
