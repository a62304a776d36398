"""Twenty-seventh round: a table broken down by a column of it ('the average delay by route',
'which voice part misses the most rehearsals'): inspect_dataset's group_by, planned from the
words and the real columns, answered per group, and hostile group names refused."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from agents.planner import plan_goal
from agents.reporter import summarise_output
from errors import ForgeflowError
from graphs.workflows import call_tool
from settings import get_settings
from tools.local import GROUPS_SHOWN, group_summary


def _choir(n: int = 240) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    part = rng.choice(["soprano", "alto", "tenor", "bass"], n)
    # the basses miss the most: a clear answer per group
    missed = rng.random(n) < np.where(part == "bass", 0.6, 0.15)
    return pd.DataFrame(
        {
            "member_id": [f"M{i:03d}" for i in range(n)],
            "voice_part": part,
            "rehearsal_date": pd.date_range("2026-01-01", periods=n, freq="D").astype(str),
            "attendance": np.where(missed, "missed", "present"),
            "minutes_late": rng.integers(0, 30, n),
        }
    )


@pytest.fixture
def choir() -> pd.DataFrame:
    frame = _choir()
    frame.to_csv(get_settings().workspace / "choir_attendance.csv", index=False)
    return frame


def _inspect(plan) -> dict:
    assert plan.question is None and plan.answer is None, (plan.question, plan.answer)
    assert [s.tool for s in plan.steps] == ["inspect_dataset"]
    return plan.steps[0].args


@pytest.mark.parametrize(
    ("goal", "by", "column"),
    [
        (
            "what's the average minutes_late by voice part in choir_attendance.csv?",
            "voice_part",
            "minutes_late",
        ),
        ("choir_attendance.csv: mean minutes late per voice_part", "voice_part", "minutes_late"),
        ("which voice part is late the most in choir_attendance.csv", "voice_part", None),
        ("break down attendance by voice part, choir_attendance.csv", "voice_part", "attendance"),
    ],
)
def test_a_summary_by_a_column_is_a_grouped_look(
    choir: pd.DataFrame, goal: str, by: str, column: str | None
) -> None:
    args = _inspect(plan_goal(goal))
    assert args["dataset"] == "choir_attendance.csv"
    assert args["group_by"] == by
    if column is not None:
        assert args.get("label_column") == column


@pytest.mark.parametrize(
    "goal",
    [
        "how many members for each voice part in choir_attendance.csv?",
        "which voice part is most common in choir_attendance.csv",
    ],
)
def test_a_count_of_one_columns_values_is_its_value_counts(choir: pd.DataFrame, goal: str) -> None:
    args = _inspect(plan_goal(goal))
    assert args == {"dataset": "choir_attendance.csv", "label_column": "voice_part"}


def test_on_a_thread_the_tables_column_is_grouped(choir: pd.DataFrame) -> None:
    memory = {
        "dataset": "choir_attendance.csv",
        "last_call": {"tool": "inspect_dataset", "args": {"dataset": "choir_attendance.csv"}},
    }
    args = _inspect(plan_goal("so which voice part is late the most?", memory))
    assert (args["dataset"], args["group_by"]) == ("choir_attendance.csv", "voice_part")


@pytest.mark.parametrize(
    "goal",
    [
        "which rows in choir_attendance.csv look odd?",  # a scan for odd rows
        "train a model per voice part on choir_attendance.csv to predict attendance",
        "show choir_attendance.csv sorted by rehearsal_date",  # no summary asked
        "what's the average minutes_late by rehearsal_date in choir_attendance.csv?",  # 240 dates
    ],
)
def test_no_grouping_where_none_is_asked_or_the_column_is_no_group(
    choir: pd.DataFrame, goal: str
) -> None:
    plan = plan_goal(goal)
    assert all("group_by" not in s.args for s in plan.steps)


def test_a_metric_per_class_after_a_training_is_no_grouped_look(choir: pd.DataFrame) -> None:
    memory = {
        "dataset": "choir_attendance.csv",
        "last_call": {
            "tool": "train_model",
            "args": {"dataset": "choir_attendance.csv", "label_column": "attendance"},
        },
    }
    plan = plan_goal("what's the accuracy per voice part?", memory)
    assert all("group_by" not in s.args for s in plan.steps)


def test_the_answer_lists_each_group_with_its_figures(choir: pd.DataFrame) -> None:
    out = call_tool(
        "inspect_dataset",
        {"dataset": "choir_attendance.csv", "group_by": "voice_part", "label_column": "attendance"},
    )
    groups = out["groups"]
    assert (groups["by"], groups["column"], groups["kind"]) == (
        "voice_part",
        "attendance",
        "classes",
    )
    assert groups["group_count"] == 4
    counts = choir.groupby("voice_part")["attendance"].value_counts()
    bass = next(g for g in groups["groups"] if g["value"] == "bass")
    assert bass["counts"]["missed"] == counts["bass"]["missed"]
    assert bass["rows"] == int((choir["voice_part"] == "bass").sum())
    assert bass["shares"]["missed"] == pytest.approx(
        counts["bass"]["missed"] / bass["rows"], abs=1e-4
    )
    text = "\n".join(summarise_output("inspect_dataset", out))
    assert "'attendance' by 'voice_part' (4 groups" in text
    assert f"bass ({bass['rows']} rows): " in text and "missed" in text

    out = call_tool(
        "inspect_dataset",
        {
            "dataset": "choir_attendance.csv",
            "group_by": "voice_part",
            "label_column": "minutes_late",
        },
    )
    groups = out["groups"]
    means = choir.groupby("voice_part")["minutes_late"].mean().sort_values(ascending=False)
    assert [g["value"] for g in groups["groups"]] == list(means.index)  # highest mean first
    assert groups["groups"][0]["mean"] == pytest.approx(means.iloc[0], abs=1e-6)
    assert (
        groups["groups"][0]["sum"]
        == choir.loc[choir.voice_part == means.index[0], "minutes_late"].sum()
    )
    text = "\n".join(summarise_output("inspect_dataset", out))
    assert f"{means.index[0]}: mean {means.iloc[0]:.3f}" in text and "highest mean first" in text

    out = call_tool(
        "inspect_dataset", {"dataset": "choir_attendance.csv", "group_by": "voice_part"}
    )
    sizes = choir["voice_part"].value_counts()
    assert out["groups"]["kind"] == "rows"
    assert [(g["value"], g["rows"]) for g in out["groups"]["groups"]] == list(sizes.items())


def test_empty_cells_inf_and_text_numbers_are_grouped_sanely() -> None:
    frame = pd.DataFrame(
        {
            "shop": ["a", "a", None, "b", "b", "b"],
            "takings": ["10", "n/a", "5", "inf", "7", None],
            "kind": ["x", None, "y", "x", "x", "y"],
        }
    )
    out = group_summary(frame, "shop", "takings")
    by_value = {g["value"]: g for g in out["groups"]}
    assert set(by_value) == {"a", "b", "(empty)"}
    assert by_value["a"]["count"] == 1 and by_value["a"]["mean"] == 10.0  # 'n/a' left out
    assert by_value["b"]["count"] == 1 and by_value["b"]["mean"] == 7.0  # inf left out
    classes = group_summary(frame, "shop", "kind")
    a = next(g for g in classes["groups"] if g["value"] == "a")
    assert a["counts"] == {"(empty)": 1, "x": 1} and a["shares"] == {"x": 1.0}


def test_a_key_column_as_the_group_keeps_the_answer_bounded() -> None:
    n = 20_000
    frame = pd.DataFrame(
        {"row_key": [f"k{i}" for i in range(n)], "note": [f"free text {i}" for i in range(n)]}
    )
    out = group_summary(frame, "row_key", "note")
    assert out["group_count"] == n and len(out["groups"]) == GROUPS_SHOWN
    # the 20,000 distinct notes are counted as the commonest few and '(other)', no n x n table
    assert all(len(g["counts"]) <= 21 for g in out["groups"])


@pytest.mark.parametrize(
    ("group_by", "status"),
    [
        ("no_such_column", 400),
        ("../../etc/passwd", 400),
        ("voice_part\x00", 400),
        ("\ud800", 422),
        ("x" * 301, 422),
    ],
)
def test_a_hostile_group_by_is_refused_and_changes_nothing(
    choir: pd.DataFrame, group_by: str, status: int
) -> None:
    before = sorted(p.name for p in get_settings().workspace.iterdir())
    with pytest.raises(ForgeflowError) as caught:
        call_tool("inspect_dataset", {"dataset": "choir_attendance.csv", "group_by": group_by})
    assert caught.value.status_code == status
    assert "group_by" in str(caught.value.details) or status == 422
    assert sorted(p.name for p in get_settings().workspace.iterdir()) == before


def _trained_thread(said: list[str]) -> dict:
    from agents.thread_state import SAID_KEY

    args = {"dataset": "choir_attendance.csv", "label_column": "minutes_late", "task": "regression"}
    loop = {"tool": "train_model", "metrics": {"mae": 4.1, "r2": 0.5}, "args": args}
    return {
        "dataset": "choir_attendance.csv",
        "last_loop": loop,
        "last_call": {"tool": "train_model", "args": args},
        "results": [loop],
        SAID_KEY: said,
    }


def test_make_it_better_says_how_the_figure_asked_about_moved(choir: pd.DataFrame) -> None:
    from agents.reporter import write_answer

    memory = _trained_thread(
        ["predict minutes_late from choir_attendance.csv", "what was the MAE?"]
    )
    plan = plan_goal("make it better", memory)
    assert [s.tool for s in plan.steps] == ["train_model"]
    assert plan.asked == {"metric": "mae", "before": {"mae": 4.1}}
    step = {
        "tool": "train_model",
        "status": "completed",
        "output": {"metrics": {"mae": 4.6, "r2": 0.61}, "model_path": "models/x"},
    }
    answer = write_answer({"asked": plan.asked, "notes": []}, [step])
    assert "MAE, which you asked about: 4.100 before, 4.600 now (worse)" in answer
    step["output"]["metrics"]["mae"] = 3.0
    assert "3.000 now (better)" in write_answer({"asked": plan.asked}, [step])


def test_a_target_said_in_the_goal_is_no_figure_asked_about(choir: pd.DataFrame) -> None:
    memory = _trained_thread(["predict minutes_late from choir_attendance.csv, MAE under 3"])
    plan = plan_goal("make it better", memory)
    assert "before" not in (plan.asked or {})
    # a metric named in the request itself is the one asked, with no earlier figure
    plan = plan_goal("make it better, what's the r2 now?", _trained_thread(["what was the MAE?"]))
    assert (plan.asked or {}).get("metric") in ("r2", None) and "before" not in (plan.asked or {})


@pytest.fixture
def exams() -> None:
    rng = np.random.default_rng(5)
    n = 200
    frame = pd.DataFrame(
        {
            "student_id": [f"S{i}" for i in range(n)],
            "tutor_group": rng.choice(["10A", "10B", "11A"], n),
            "attendance_pct": rng.uniform(60, 100, n).round(1),
            "homework_avg": rng.uniform(30, 100, n).round(0),
            "free_school_meals": rng.choice(["yes", "no"], n),
            "result": rng.choice(["pass", "fail"], n),
        }
    )
    root = get_settings().workspace
    frame[:150].to_csv(root / "exam_train.csv", index=False)
    frame[150:].to_csv(root / "exam_test.csv", index=False)
    days = pd.DataFrame(
        {
            "day_id": range(1, 201),
            "sunshine_hours": rng.uniform(0, 12, 200).round(2),
            "cloud_cover_pct": rng.uniform(0, 100, 200).round(0),
            "panels_cleaned_this_week": rng.choice(["yes", "no"], 200),
            "kwh_output": rng.uniform(20, 200, 200).round(1),
        }
    )
    days.to_csv(root / "solar_daily.csv", index=False)
    # an output of a run and the manifest: never data to offer
    (root / "anomalies").mkdir(exist_ok=True)
    days.to_csv(root / "anomalies" / "solar_daily-scores.csv", index=False)


def _train(plan) -> dict:
    assert plan.question is None and plan.answer is None, (plan.question, plan.answer)
    return next(s.args for s in plan.steps if s.tool == "train_model")


def test_a_target_that_is_no_column_is_asked_about_not_guessed(exams: None) -> None:
    plan = plan_goal("train a model on exam_train.csv to predict shoe_size")
    assert not plan.steps  # was: trained on result without a word
    assert "no column 'shoe_size'" in plan.question and "result" in plan.question
    # a slightly misspelt column is still that column
    args = _train(plan_goal("train a model on exam_train.csv to predict free_school_meal"))
    assert args["label_column"] == "free_school_meals"


def test_a_column_said_after_without_is_left_out_not_the_label(exams: None) -> None:
    plan = plan_goal(
        "train a model on exam_train.csv to predict result without free_school_meals, "
        "evaluate on exam_test.csv"
    )
    args = _train(plan)
    assert args["label_column"] == "result"  # was: free_school_meals
    assert args["exclude_columns"] == ["free_school_meals"]


@pytest.mark.parametrize(
    "goal",
    [
        "can u predict how much kwh we make per day from the weather columns in solar_daily.csv",
        "can you predict the daily kwh output in solar_daily.csv?",
    ],
)
def test_a_quantity_named_by_a_part_of_its_name_is_the_label(exams: None, goal: str) -> None:
    args = _train(plan_goal(goal))
    assert (args["dataset"], args["label_column"]) == ("solar_daily.csv", "kwh_output")


def test_a_question_about_which_data_offers_only_the_persons_tables(exams: None) -> None:
    from agents.grounding import workspace_files

    root = get_settings().workspace
    (root / ".forgeflow").mkdir(exist_ok=True)
    (root / ".forgeflow" / "outputs.jsonl").write_text("{}\n")
    files = workspace_files()
    assert "solar_daily.csv" in files
    assert not any(f.startswith((".forgeflow/", "anomalies/")) for f in files)


def test_the_average_of_a_quantity_named_by_a_part_is_summarised(exams: None) -> None:
    plan = plan_goal("quick summary of solar_daily.csv - how many days, average output, any gaps?")
    args = _inspect(plan)
    # (round 29: the average asked is the look's statistic, said first in the answer)
    assert args == {"dataset": "solar_daily.csv", "label_column": "kwh_output", "statistic": "mean"}


def test_synthetic_rows_of_a_class_said_as_a_verb_form(exams: None) -> None:
    plan = plan_goal("generate 50 synthetic rows of failing students from exam_train.csv")
    gen = next(s.args for s in plan.steps if s.tool == "train_generator")
    made = next(s.args for s in plan.steps if s.tool == "generate_synthetic")
    assert gen["label_column"] == "result" and made["label"] == "fail" and made["n"] == 50


def test_attempts_past_the_schemas_most_are_said_to_be_capped(exams: None) -> None:
    plan = plan_goal(
        "train a classifier on exam_train.csv predicting result, target accuracy 0.9, "
        "max 99999999 attempts"
    )
    assert _train(plan)["max_attempts"] == 50
    assert any("at most 50 attempts: 99,999,999 asked" in n for n in plan.notes)
    plan = plan_goal("train a classifier on exam_train.csv predicting result, up to 5 attempts")
    assert _train(plan)["max_attempts"] == 5
    assert not any("at most" in n for n in plan.notes)


def test_a_preview_of_a_wide_table_keeps_its_last_column() -> None:
    names = ["day_id", "date", "a", "b", "c", "d", "e", "notes", "kwh_output"]
    out = {"rows": [list(range(9))], "columns": names, "offset": 0, "total": 1}
    lines = summarise_output("preview_rows", out)
    header = lines[1].strip().split(" | ")
    assert header[-1] == "kwh_output" and len(header) == 8  # was hidden as the ninth
    assert "notes" in lines[-1] and "kwh_output" not in lines[-1]  # the one left out is listed


def test_accuracy_below_the_majority_guess_is_said_when_macro_f1_beats_it() -> None:
    out = {
        "metrics": {"accuracy": 0.266, "f1_macro": 0.235, "auc": 0.662},
        "baseline": {"predicts": "C", "accuracy": 0.328, "f1_macro": 0.099},
        "baseline_metric": "f1_macro",
        "model_path": "models/m",
    }
    text = "\n".join(summarise_output("train_model", out))
    assert "accuracy 0.266 is below that guess's 0.328" in text
    out["metrics"]["accuracy"] = 0.5
    assert "is below that guess" not in "\n".join(summarise_output("train_model", out))


def _thread_after_training(test_dataset: str | None = "exam_test.csv", wrong: bool = True) -> dict:
    args = {"dataset": "exam_train.csv", "label_column": "result"}
    if test_dataset:
        args["test_dataset"] = test_dataset
    result = {"tool": "train_model", "metrics": {"accuracy": 0.76}, "args": args}
    if wrong:
        result["wrong_rows"] = [
            {
                "row": 3,
                "id_column": "student_id",
                "id": "S153",
                "actual": "pass",
                "predicted": "fail",
                "confidence": 0.91,
            },
        ]
        result["wrong_on"] = "the test set"
    return {
        "dataset": "exam_train.csv",
        "model": "models/exam",
        "models": [{"path": "models/exam", "dataset": "exam_train.csv", "label_column": "result"}],
        "trainings": [{"tool": "train_model", "args": args}],
        "last_loop": result,
        "last_call": {"tool": "train_model", "args": args},
        "results": [result],
    }


@pytest.mark.parametrize(
    "goal", ["which features mattered?", "what drove the predictions?", "feature importance pls"]
)
def test_which_features_mattered_explains_the_threads_model(exams: None, goal: str) -> None:
    plan = plan_goal(goal, _thread_after_training())
    assert [s.tool for s in plan.steps] == ["explain_model"], (plan.answer, plan.question)
    # measured on the file the model was tested on, not its training rows
    assert plan.steps[0].args == {"model": "models/exam", "dataset": "exam_test.csv"}


def test_which_features_matter_on_a_table_trains_first(exams: None) -> None:
    plan = plan_goal("which features matter most for predicting result in exam_train.csv?")
    assert [s.tool for s in plan.steps] == ["train_model", "explain_model"]
    assert plan.steps[0].args["label_column"] == "result"
    assert plan.steps[1].args["model"] == "${steps.0.model_path}"


def test_the_rows_it_got_wrong_are_answered_from_the_thread(exams: None) -> None:
    plan = plan_goal("which students did it get most wrong?", _thread_after_training())
    assert not plan.steps and "(student_id S153): actual 'pass', predicted 'fail'" in plan.answer
    # no worst rows kept (a model measured on its validation split): it is evaluated
    plan = plan_goal("which rows did it get wrong?", _thread_after_training(None, wrong=False))
    assert [s.tool for s in plan.steps] == ["evaluate_model"]
    assert plan.steps[0].args == {"model": "models/exam"}


def test_an_older_models_mistakes_are_not_this_ones() -> None:
    from agents.memory import figures_answer

    old = {"tool": "train_model", "wrong_rows": [{"row": 1, "actual": "a", "predicted": "b"}]}
    new = {"tool": "train_model", "metrics": {"mae": 3.0}}
    assert figures_answer("which rows did it get most wrong?", [old, new], {}) is None


@pytest.mark.parametrize(
    ("goal", "args"),
    [
        (
            "split exam_train.csv 80/20 into a train file and a validation file",
            {"dataset": "exam_train.csv", "fractions": [0.8, 0.2]},
        ),
        (
            "make train/test files from exam_train.csv, 70/30, seed 7",
            {
                "dataset": "exam_train.csv",
                "fractions": [0.7, 0.3],
                "names": ["train", "test"],
                "seed": 7,
            },
        ),
        (
            "split exam_train.csv into train, validation and test files, stratified by result",
            {
                "dataset": "exam_train.csv",
                "fractions": [0.8, 0.1, 0.1],
                "stratify_column": "result",
            },
        ),
    ],
)
def test_a_split_into_files_is_split_table(exams: None, goal: str, args: dict) -> None:
    plan = plan_goal(goal)
    assert [(s.tool, s.args) for s in plan.steps] == [("split_table", args)]


def test_a_trainings_validation_split_is_no_split_table(exams: None) -> None:
    plan = plan_goal("train a model on exam_train.csv to predict result with an 80/20 split")
    assert [s.tool for s in plan.steps] == ["train_model"]
    assert plan.steps[0].args["validation_fraction"] == 0.2


def test_the_flagged_rows_are_saved_and_the_top_ones_reasons_said() -> None:
    from agents.planner import remember

    output = {
        "path": "anomalies/x-scores.parquet",
        "flagged_path": "anomalies/x-scores-flagged.parquet",
        "top": [
            {
                "row": 33,
                "order_id": 700034,
                "score": 167.2,
                "values": {"order_id": 700034, "quantity": 240},
                "reasons": [{"column": "quantity", "value": 240, "usual": "1 to 8", "score": 37.2}],
            }
        ],
    }
    memory = remember("detect_anomalies", output, {}, {"dataset": "bakery.csv"})
    plan = plan_goal("why is the top one weird?", memory)
    assert "What stands out: quantity 240 (usual 1 to 8)" in plan.answer
    plan = plan_goal("save the flagged rows as csv", memory)
    assert [s.tool for s in plan.steps] == ["save_table"]
    assert plan.steps[0].args["dataset"] == "anomalies/x-scores-flagged.parquet"


def test_qa_pairs_made_without_an_export_say_how_to_get_a_file() -> None:
    from agents.reporter import write_answer

    made = {"tool": "generate_qa", "status": "completed", "output": {"counts": {"kept": 18}}}
    assert "export it as jsonl" in write_answer({}, [made])
    exported = {"tool": "export_dataset", "status": "completed", "output": {"rows": 18}}
    assert "export it as jsonl" not in write_answer({}, [made, exported])


def test_one_file_per_value_is_said_to_be_no_tools(exams: None) -> None:
    plan = plan_goal("split exam_train.csv by tutor_group into separate files")
    assert not plan.steps and "one file per value" in plan.answer  # was: chunk_documents
    plan = plan_goal("what's the pass split by tutor group in exam_train.csv?")
    assert _inspect(plan)["group_by"] == "tutor_group"


def test_a_split_question_about_a_table_is_no_split_into_files(exams: None) -> None:
    args = _inspect(plan_goal("wat's the result split in exam_train.csv?"))
    assert args["dataset"] == "exam_train.csv" and "group_by" not in args


def test_a_word_of_the_sentence_is_no_quantity_label_without_a_quantity_asked() -> None:
    rng = np.random.default_rng(9)
    n = 120
    pd.DataFrame(
        {
            "bin_id": range(n),
            "variety": rng.choice(["gala", "fuji"], n),
            "bin_weight_kg": rng.uniform(300, 400, n).round(1),
        }
    ).to_csv(get_settings().workspace / "bins_waiting.csv", index=False)
    plan = plan_goal("which of the bins waiting (bins_waiting.csv) are likely to go soft?")
    trained = [s.args for s in plan.steps if s.tool == "train_model"]
    assert all(a.get("label_column") != "bin_weight_kg" for a in trained)


def test_review_mends() -> None:
    """The review's cases: 'days off' is no question about a model's mistakes; 'without the
    outliers' is not the outliers; a name with more words than the column is that column."""
    from agents.arguments import flagged_table
    from agents.memory import WRONG_RE

    assert not WRONG_RE.search("which team had the most days off")
    assert not WRONG_RE.search("how do i get the header off")
    assert WRONG_RE.search("where was the model most off?")
    assert WRONG_RE.search("which days did it get most wrong?")
    memory = {"flagged_table": "anomalies/x-flagged.parquet"}
    assert flagged_table(memory, "save the flagged rows as csv") == "anomalies/x-flagged.parquet"
    assert flagged_table(memory, "save the data without the outliers as clean.csv") is None
    assert flagged_table(memory, "save it, dropping the odd rows") is None


def test_a_split_into_named_files_and_a_stratify_question(exams: None) -> None:
    plan = plan_goal("split exam_train.csv 80/20 into exam_tr.csv and exam_va.csv")
    assert [(s.tool, s.args) for s in plan.steps] == [
        (
            "split_table",
            {
                "dataset": "exam_train.csv",
                "fractions": [0.8, 0.2],
                "paths": ["exam_tr.csv", "exam_va.csv"],
            },
        )
    ]
    plan = plan_goal("split solar_daily.csv 70/30 keeping the class balance")
    # one class column (panels_cleaned_this_week): it is kept balanced
    assert plan.steps[0].args["stratify_column"] == "panels_cleaned_this_week"
    plan = plan_goal(
        "split exam_train.csv into train, validation and test files, stratified by result"
    )
    assert plan.steps[0].args["stratify_column"] == "result"


def test_a_target_said_with_more_words_than_its_column_is_that_column(exams: None) -> None:
    plan = plan_goal("train a model to predict result_code from exam_train.csv")
    assert plan.question is None and _train(plan)["label_column"] == "result"


def test_a_tool_output_with_numpy_values_goes_into_a_checkpoint() -> None:
    """A numpy float64 in detect_anomalies' reasons made every anomaly run fail as an internal
    error when the run's state was saved (msgpack takes no numpy scalars)."""
    from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer

    from graphs.serialize import plain

    raw = {
        "top": [{"reasons": [{"value": np.float64(240.0), "score": np.float32(3.5)}]}],
        "counts": np.array([1, 2]),
        "n": np.int64(7),
    }
    with pytest.raises(TypeError):
        JsonPlusSerializer().dumps_typed(raw)
    clean = plain(raw)
    JsonPlusSerializer().dumps_typed(clean)
    assert clean == {
        "top": [{"reasons": [{"value": 240.0, "score": 3.5}]}],
        "counts": [1, 2],
        "n": 7,
    }
    assert type(clean["top"][0]["reasons"][0]["value"]) is float

    rng = np.random.default_rng(0)
    n = 200
    frame = pd.DataFrame(
        {"order_id": range(n), "quantity": rng.integers(1, 8, n), "total": rng.uniform(3, 40, n)}
    )
    frame.loc[5, "quantity"] = 240
    frame.to_csv(get_settings().workspace / "orders.csv", index=False)
    out = call_tool(
        "detect_anomalies", {"dataset": "orders.csv", "epochs": 3, "id_column": "order_id"}
    )
    JsonPlusSerializer().dumps_typed(out)  # was: TypeError, numpy.float64


def test_the_biggest_errors_with_no_worst_rows_kept_evaluate_the_model(exams: None) -> None:
    plan = plan_goal("what were the biggest errors?", _thread_after_training(None, wrong=False))
    assert [s.tool for s in plan.steps] == ["evaluate_model"]  # was: the MAE line again
    plan = plan_goal("what were the biggest errors?", _thread_after_training())
    assert not plan.steps and "student_id S153" in plan.answer


def test_the_flagged_rows_never_overwrite_a_persons_file() -> None:
    """detect_anomalies writes '<output stem>-flagged': a file of that name no tool wrote is
    refused (409) before anything is written."""
    from errors import ForgeflowError

    root = get_settings().workspace
    rng = np.random.default_rng(1)
    pd.DataFrame({"a": rng.normal(size=80), "b": rng.normal(size=80)}).to_csv(
        root / "o.csv", index=False
    )
    mine = root / "res-flagged.csv"
    mine.write_text("my,own\n1,2\n")
    with pytest.raises(ForgeflowError) as caught:
        call_tool("detect_anomalies", {"dataset": "o.csv", "epochs": 2, "output": "res.csv"})
    assert caught.value.status_code == 409 and caught.value.code == "file_exists"
    assert mine.read_text() == "my,own\n1,2\n" and not (root / "res.csv").exists()
