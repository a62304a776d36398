"""Twenty-eighth round: the rows a look is limited to ('which status is most common for route
A', 'for dogs only'), read from the table's own columns and values, and the one wording of the
rows a model got most wrong."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from agents.grounding import row_filter
from agents.planner import plan_goal
from settings import get_settings
from tools.profile import profile_table


def _deliveries(n: int = 300) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    return pd.DataFrame(
        {
            "delivery_id": [f"D{i:04d}" for i in range(n)],
            "route": rng.choice(["A", "B", "C"], n),
            "region": rng.choice(["North", "South", "East"], n),
            "status": rng.choice(["on time", "late", "lost"], n, p=[0.7, 0.25, 0.05]),
            "pet": rng.choice(["dog", "cat", "none"], n),
            "minutes": rng.integers(5, 90, n),
        }
    )


@pytest.fixture
def deliveries() -> pd.DataFrame:
    frame = _deliveries()
    frame.to_csv(get_settings().workspace / "deliveries.csv", index=False)
    return frame


def _inspect(plan) -> dict:
    assert plan.question is None and plan.answer is None, (plan.question, plan.answer)
    assert [s.tool for s in plan.steps] == ["inspect_dataset"]
    return plan.steps[0].args


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("which status is most common for route A", {"route": "A"}),
        ("average minutes where region is north", {"region": "North"}),
        ("route = B only", {"route": "B"}),
        ("minutes by status for dogs only", {"pet": "dog"}),
        ("average minutes by route", {}),
        ("a route across the north", {}),  # no column followed by its value
        ("which route is late the most", {}),  # 'late' is counted, not a filter
        # left out: the filter's ne (round 29; the tool had no 'not' before)
        ("which status is most common, except route A", {"route": {"ne": "A"}}),
        ("minutes by status, excluding region North", {"region": {"ne": "North"}}),
        ("how many have status late or lost, by route", {"status": ["late", "lost"]}),
        ("where region is North or South", {"region": ["North", "South"]}),
        ("compare region North vs South on minutes", {}),  # compared: a grouping
    ],
)
def test_the_rows_a_look_is_limited_to_are_a_column_and_its_value(
    deliveries: pd.DataFrame, text: str, where: dict
) -> None:
    assert row_filter(profile_table("deliveries.csv"), text) == where


def test_most_common_for_a_value_counts_the_asked_column_in_those_rows(
    deliveries: pd.DataFrame,
) -> None:
    args = _inspect(plan_goal("which status is most common for route A in deliveries.csv?"))
    assert args == {
        "dataset": "deliveries.csv",
        "label_column": "status",
        "where": {"route": "A"},
        "sample_rows": 10,  # listed when no more are kept
    }


def test_a_grouped_look_keeps_its_filter(deliveries: pd.DataFrame) -> None:
    args = _inspect(plan_goal("average minutes by status in deliveries.csv, for dogs only"))
    assert args["group_by"] == "status" and args["where"] == {"pet": "dog"}
    assert args["label_column"] == "minutes"


def test_an_empty_workspace_says_where_files_go_and_finds_ones_put_beside_it() -> None:
    from agents.reporter import summarise_output
    from graphs.workflows import call_tool

    home = get_settings().home_dir
    (home / "members.csv").write_text("a,b\n1,2\n")
    (home / "handbook.md").write_text("# Rules\n")
    out = call_tool("list_local_datasets", {})
    assert "$FORGEFLOW_HOME/workspace" in out["hint"]
    assert out["misplaced"] == 2  # counted, never named (the database is no data)
    lines = "\n".join(summarise_output("list_local_datasets", out))
    assert "2 tables or documents lie in $FORGEFLOW_HOME itself" in lines
    assert "members.csv" not in lines
    # a file of theirs in the workspace: nothing to say
    (get_settings().workspace / "members.csv").write_text("a,b\n1,2\n")
    out = call_tool("list_local_datasets", {})
    assert out["hint"] is None and out["misplaced"] == 0
    assert "beside the workspace" not in "\n".join(summarise_output("list_local_datasets", out))


def test_the_planned_filter_runs_on_the_asked_rows(deliveries: pd.DataFrame) -> None:
    from agents.reporter import summarise_output
    from graphs.workflows import call_tool

    args = _inspect(plan_goal("which status is most common for route A in deliveries.csv?"))
    out = call_tool("inspect_dataset", args)
    rows = deliveries[deliveries["route"] == "A"]
    assert out["filtered"] == {"where": {"route": "A"}, "rows": len(rows), "of": len(deliveries)}
    assert out["label_distribution"] == rows["status"].value_counts().to_dict()
    assert f"rows where route = A: {len(rows)} of {len(deliveries)}" in "\n".join(
        summarise_output("inspect_dataset", out)
    )


@pytest.fixture
def exams() -> None:
    rng = np.random.default_rng(5)
    n = 200
    frame = pd.DataFrame(
        {
            "student_id": [f"S{i}" for i in range(n)],
            "attendance_pct": rng.uniform(60, 100, n).round(1),
            "homework_avg": rng.uniform(30, 100, n).round(0),
            "result": rng.choice(["pass", "fail"], n),
        }
    )
    root = get_settings().workspace
    frame[:150].to_csv(root / "exam_train.csv", index=False)
    frame[150:].to_csv(root / "exam_test.csv", index=False)


def _thread_with_a_model() -> dict:
    args = {"dataset": "exam_train.csv", "label_column": "result"}
    result = {"tool": "train_model", "metrics": {"accuracy": 0.76}, "args": args}
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
    "goal",
    [
        "the eval set is exam_test.csv",
        "exam_test.csv is my test set",
        "use exam_test.csv as the test set",
        "exam_test.csv is the holdout, how did it do?",
    ],
)
def test_a_file_named_as_the_test_set_measures_the_threads_model(exams: None, goal: str) -> None:
    plan = plan_goal(goal, _thread_with_a_model())
    assert [(s.tool, s.args) for s in plan.steps] == [
        ("evaluate_model", {"model": "models/exam", "dataset": "exam_test.csv"})
    ], (plan.answer, plan.question)


@pytest.mark.parametrize(
    "goal",
    [
        "predict result from exam_train.csv, the eval set is exam_test.csv",
        "train a classifier for result on exam_train.csv. exam_test.csv is the holdout",
        "exam_train.csv is my training data and exam_test.csv is the test set. predict result",
    ],
)
def test_a_file_named_as_the_test_set_is_the_trainings_test_file(exams: None, goal: str) -> None:
    plan = plan_goal(goal)
    assert [s.tool for s in plan.steps] == ["train_model"], (plan.answer, plan.question)
    args = plan.steps[0].args
    assert args["dataset"] == "exam_train.csv" and args["test_dataset"] == "exam_test.csv"
    assert args["label_column"] == "result"


@pytest.mark.parametrize(
    ("goal", "asked"),
    [
        ("predict result in a different file than before", "Which table should I predict on"),
        ("score a different file with it", "Which table should I predict on with models/exam?"),
        ("train on a different dataset", "Which data should I train on?"),
        ("inspect another file", "Which dataset should I inspect?"),
    ],
)
def test_another_file_is_asked_for_not_the_threads_own(exams: None, goal: str, asked: str) -> None:
    plan = plan_goal(goal, _thread_with_a_model())
    assert not plan.steps and plan.question and plan.question.startswith(asked), plan.answer
    assert "exam_test.csv" in plan.question  # the candidates offered


def test_a_file_named_with_the_model_is_still_predicted(exams: None) -> None:
    plan = plan_goal("predict result for exam_test.csv", _thread_with_a_model())
    assert [(s.tool, s.args["dataset"]) for s in plan.steps] == [("predict", "exam_test.csv")]


def test_a_models_80_20_split_is_its_validation_share_not_files(deliveries: pd.DataFrame) -> None:
    plan = plan_goal(
        "regression model for minutes on deliveries.csv, 80/20 split, report MAE and R2"
    )
    assert [s.tool for s in plan.steps] == ["train_model"]
    assert plan.steps[0].args["validation_fraction"] == 0.2
    assert plan.steps[0].args["label_column"] == "minutes"


@pytest.mark.parametrize(
    "goal",
    [
        "split deliveries.csv into train and validation 85/15, stratified on status",
        "split deliveries.csv into train/test 85/15 stratified on status",
        "split deliveries.csv 85/15 stratified by status",  # not a grouped look
    ],
)
def test_splitting_a_table_into_train_and_validation_is_files(
    deliveries: pd.DataFrame, goal: str
) -> None:
    plan = plan_goal(goal)
    assert [(s.tool, s.args) for s in plan.steps][0][0] == "split_table", plan.steps
    args = plan.steps[0].args
    assert args["fractions"] == [0.85, 0.15] and args["stratify_column"] == "status"


@pytest.mark.parametrize(
    ("goal", "kind"),
    [
        ("train a random forest on deliveries.csv to predict status", "random forest"),
        ("xgboost regressor for minutes on deliveries.csv", "xgboost"),
    ],
)
def test_a_model_kind_there_is_not_is_said(deliveries: pd.DataFrame, goal: str, kind: str) -> None:
    plan = plan_goal(goal)
    assert [s.tool for s in plan.steps] == ["train_model"]
    assert "model" not in plan.steps[0].args  # chosen from the data
    assert any(n.startswith(f"{kind}: not a model kind here") for n in plan.notes), plan.notes


def test_a_kind_ruled_out_is_not_said(deliveries: pd.DataFrame) -> None:
    plan = plan_goal("not a random forest, an mlp on deliveries.csv for status")
    assert plan.steps[0].args["model"] == "mlp" and not any("random" in n for n in plan.notes)


def test_a_few_models_compared_are_the_two_kinds_there_are(deliveries: pd.DataFrame) -> None:
    plan = plan_goal("compare a few regression models for minutes in deliveries.csv")
    assert [s.tool for s in plan.steps] == ["train_model", "train_model", "evaluate_model"]
    assert [s.args.get("model") for s in plan.steps[:2]] == ["logistic", "mlp"]
    assert plan.steps[2].args["compare_model"] == "${steps.1.model_path}"


def test_the_answer_names_the_kind_trained() -> None:
    from agents.reporter import summarise_output

    out = {"model_path": "models/m", "model_kind": "mlp", "metrics": {"accuracy": 0.9}}
    assert any(
        line == "  model path: models/m (an MLP)" for line in summarise_output("train_model", out)
    )


def test_train_model_says_the_kind_it_trained(deliveries: pd.DataFrame) -> None:
    import json

    from graphs.workflows import call_tool

    out = call_tool(
        "train_model",
        {"dataset": "deliveries.csv", "label_column": "status", "model": "logistic", "epochs": 2},
    )
    assert out["model_kind"] == "logistic"
    saved = json.loads((get_settings().workspace / out["model_path"] / "config.json").read_text())
    assert saved["arch"]["kind"] == out["model_kind"]
    out = call_tool(
        "train_model",
        {"dataset": "deliveries.csv", "label_column": "minutes", "model": "logistic", "epochs": 2},
    )
    assert out["model_kind"] == "linear"  # a regressor's one layer


def _qa_thread(**args: int) -> dict:
    call = {"tool": "generate_qa", "args": {"chunk_set_id": "cs_x", **args}}
    return {"last_call": call, "last_loop": call}


def test_make_it_40_after_qa_pairs_counts_pairs_in_all() -> None:
    plan = plan_goal("make it 40", _qa_thread())
    assert [(s.tool, s.args) for s in plan.steps] == [
        ("generate_qa", {"chunk_set_id": "cs_x", "max_pairs": 40})
    ]
    # a count per chunk said before: the same count changes
    plan = plan_goal("make it 5", _qa_thread(datasets_per_chunk=3))
    assert plan.steps[0].args["datasets_per_chunk"] == 5


def test_a_count_over_its_schemas_bound_is_capped_with_a_note() -> None:
    plan = plan_goal("make it 45", _qa_thread(datasets_per_chunk=3))
    assert plan.steps[0].args["datasets_per_chunk"] == 20
    assert "generate_qa takes at most 20 datasets_per_chunk: 45 asked" in plan.notes


def test_a_summary_of_a_column_the_table_has_not_asks_which(deliveries: pd.DataFrame) -> None:
    plan = plan_goal("average salary_usd by region in deliveries.csv")
    assert not plan.steps
    assert plan.question == (
        "deliveries.csv has no column 'salary_usd'. Which column should I summarise? "
        "Number columns: minutes."
    )
    # a plain word after 'average' or 'count' is no column name ('the count of rows')
    _inspect(plan_goal("give me the count of rows in deliveries.csv"))
    _inspect(plan_goal("what's the average of the minutes among deliveries.csv rows?"))
    # a column it has is summarised as before
    args = _inspect(plan_goal("median minutes by region in deliveries.csv"))
    assert args["group_by"] == "region" and args["label_column"] == "minutes"


@pytest.mark.parametrize(
    "goal", ["show only the ones from route B", "which of the flagged ones are from route B?"]
)
def test_the_ones_after_a_scan_are_its_flagged_rows_filtered(
    deliveries: pd.DataFrame, goal: str
) -> None:
    from agents.reporter import summarise_output
    from graphs.workflows import call_tool

    folder = get_settings().workspace / "anomalies"
    folder.mkdir()
    flagged = deliveries.iloc[[3, 40, 41, 77, 150, 151, 200]]
    flagged.to_csv(folder / "deliveries-flagged.csv", index=False)
    call = {"tool": "detect_anomalies", "args": {"dataset": "deliveries.csv"}}
    memory = {
        "last_call": call,
        "last_loop": call,
        "dataset": "deliveries.csv",
        "flagged_table": "anomalies/deliveries-flagged.csv",
    }
    args = _inspect(plan_goal(goal, memory))
    assert args["dataset"] == "anomalies/deliveries-flagged.csv"
    assert args["where"] == {"route": "B"} and "label_column" not in args
    lines = summarise_output("inspect_dataset", call_tool("inspect_dataset", args))
    wanted = flagged[flagged["route"] == "B"]["delivery_id"].tolist()
    assert lines[0] == f"  rows where route = B: {len(wanted)} of 7"
    listed = [line for line in lines if line.startswith("  D")]
    assert [line.split(" | ")[0].strip() for line in listed] == wanted  # the rows themselves


def test_a_spreadsheet_named_to_write_is_written_as_csv_with_a_note(
    deliveries: pd.DataFrame,
) -> None:
    plan = plan_goal("save deliveries.csv as deliveries_out.xlsx")
    assert [(s.tool, s.args["path"]) for s in plan.steps] == [("save_table", "deliveries_out.csv")]
    assert any(n.startswith("deliveries_out.xlsx → deliveries_out.csv") for n in plan.notes)
    plan = plan_goal("save deliveries.csv as an excel file")
    assert plan.steps[0].args.get("format") == "csv"
    assert any("spreadsheet file is not written here" in n for n in plan.notes)


def test_the_churn_model_on_a_new_thread_is_the_saved_one_not_a_new_training(
    deliveries: pd.DataFrame,
) -> None:
    from graphs.workflows import call_tool

    root = get_settings().workspace
    deliveries[:200].to_csv(root / "lateness_train.csv", index=False)
    deliveries[200:].to_csv(root / "lateness_test.csv", index=False)
    trained = call_tool(
        "train_model", {"dataset": "lateness_train.csv", "label_column": "status", "epochs": 2}
    )
    for goal in (
        "evaluate the lateness model on lateness_test.csv",
        "how good is my status model on lateness_test.csv?",
    ):
        plan = plan_goal(goal)
        assert [(s.tool, s.args) for s in plan.steps] == [
            ("evaluate_model", {"model": trained["model_path"], "dataset": "lateness_test.csv"})
        ], (goal, plan.steps)
    # a model that learnt from the rows to measure is no measure of them: not taken
    plan = plan_goal("evaluate the lateness model on lateness_train.csv")
    assert all(s.args.get("model") != trained["model_path"] for s in plan.steps)


def test_the_labeled_tickets_on_a_labeling_thread_are_its_output() -> None:
    root = get_settings().workspace
    rng = np.random.default_rng(2)
    n = 120
    cats = rng.choice(["network", "password", "hardware"], n)
    given = np.where(rng.random(n) < 0.3, cats, None)
    tickets = pd.DataFrame(
        {
            "ticket_id": [f"T{i}" for i in range(n)],
            "description": [f"my {c} problem number {i}" for i, c in enumerate(cats)],
            "Category": given,
        }
    )
    tickets.to_csv(root / "support_tickets.csv", index=False)
    (root / "labeling" / "run1").mkdir(parents=True)
    labeled = tickets.assign(
        id=range(n),
        label=cats,
        covered=True,
        label_source="lf",
        Category_filled=cats,
        Category_source=np.where(given == None, "run", "yours"),  # noqa: E711
    )
    labeled.to_parquet(root / "labeling" / "run1" / "labeled.parquet")
    out = "labeling/run1/labeled.parquet"
    call = {"tool": "label_dataset", "args": {"dataset": "support_tickets.csv"}}
    memory = {
        "last_call": call,
        "last_loop": call,
        "dataset": "support_tickets.csv",
        "labeled": out,
        "labeled_sources": {out: "support_tickets.csv"},
        "labeling_dir": "labeling/run1",
    }
    plan = plan_goal("now train a classifier on the labeled tickets", memory)
    assert [(s.tool, s.args.get("dataset")) for s in plan.steps] == [("train_model", out)]
    assert plan.steps[0].args["label_column"] in ("Category_filled", "label")  # the run's labels
    assert not any(n.startswith("the data you described") for n in plan.notes)


@pytest.mark.parametrize(
    ("goal", "splits"),
    [
        ("split them 90/10 train/test", {"train": 0.9, "test": 0.1}),
        ("export with an 80/20 train/validation split", {"train": 0.8, "validation": 0.2}),
        ("export as jsonl with 70/15/15 splits", {"train": 0.7, "validation": 0.15, "test": 0.15}),
        ("export as jsonl with splits", True),
    ],
)
def test_two_shares_said_are_two_qa_splits(goal: str, splits: object) -> None:
    call = {"tool": "generate_qa", "args": {"chunk_set_id": "cs_x"}}
    memory = {"last_call": call, "last_loop": call, "qa_dataset": "ds_1", "chunk_set": "cs_x"}
    plan = plan_goal(goal, memory)
    assert [(s.tool, s.args.get("splits")) for s in plan.steps] == [("export_dataset", splits)]


def test_the_other_file_is_the_one_sibling_of_the_threads_table(deliveries: pd.DataFrame) -> None:
    root = get_settings().workspace
    deliveries.to_csv(root / "deliveries_test.csv", index=False)
    pd.DataFrame({"a": [1, 2]}).to_csv(root / "unrelated.csv", index=False)
    memory = {
        "last_call": {"tool": "inspect_dataset", "args": {"dataset": "deliveries.csv"}},
        "dataset": "deliveries.csv",
    }
    plan = plan_goal("and for the other file?", memory)
    assert [(s.tool, s.args["dataset"]) for s in plan.steps] == [
        ("inspect_dataset", "deliveries_test.csv")
    ]
    assert "the other file → deliveries_test.csv (beside deliveries.csv)" in plan.notes
    # two siblings: which one is asked, not guessed
    deliveries.to_csv(root / "deliveries_new.csv", index=False)
    plan = plan_goal("and for the other file?", memory)
    assert not plan.steps and plan.question and "deliveries_new.csv" in plan.question


@pytest.mark.parametrize(
    "goal", ["delete everything in the workspace", "wipe all my models", "delete the old outputs"]
)
def test_deleting_files_is_answered_not_planned(goal: str) -> None:
    plan = plan_goal(goal)
    assert not plan.steps and plan.answer and plan.answer.startswith("No request deletes files")


@pytest.mark.parametrize(
    "goal",
    [
        "delete the duplicate rows from all my files",  # rows, not files
        "save deliveries.csv as clean.parquet and don't delete the original file",
        "train a classifier on deliveries.csv for status. Never erase my datasets.",
        "find rows in deliveries.csv asking to delete their files",
    ],
)
def test_a_deletion_told_of_or_of_rows_is_no_deletion_asked(
    deliveries: pd.DataFrame, goal: str
) -> None:
    plan = plan_goal(goal)
    assert not (plan.answer or "").startswith("No request deletes files"), goal


def test_absurd_settings_are_said_not_dropped(deliveries: pd.DataFrame) -> None:
    plan = plan_goal(
        "train a classifier on deliveries.csv for status with 5000000 trees and a 250% test split"
    )
    assert [s.tool for s in plan.steps] == ["train_model"]
    assert "validation_fraction" not in plan.steps[0].args
    assert any(n.startswith("5000000 trees: not a model kind here") for n in plan.notes)
    assert any(
        n.startswith("250% test split: no share of the rows can be 250%") for n in plan.notes
    )
    plan = plan_goal("train on deliveries.csv for status with a 20% test split")
    assert plan.steps[0].args["validation_fraction"] == 0.2 and not plan.notes[1:]


def test_a_million_qa_pairs_are_capped_with_a_note() -> None:
    (get_settings().workspace / "guide.md").write_text("# Guide\n\n" + "Members get keys. " * 50)
    plan = plan_goal("make 1000000 QA pairs from guide.md")
    assert plan.steps[-1].tool == "generate_qa" and plan.steps[-1].args["max_pairs"] == 100_000
    assert "generate_qa takes at most 100000 max_pairs: 1,000,000 asked" in plan.notes


def test_rows_in_each_of_my_tables_looks_at_every_table(deliveries: pd.DataFrame) -> None:
    from agents.reporter import summarise_output
    from graphs.workflows import call_tool

    deliveries[:40].to_csv(get_settings().workspace / "small.csv", index=False)
    plan = plan_goal("how many rows in each of my tables?")
    assert [(s.tool, s.args["dataset"]) for s in plan.steps] == [
        ("inspect_dataset", "deliveries.csv"),
        ("inspect_dataset", "small.csv"),
    ]
    first = [summarise_output("inspect_dataset", call_tool(s.tool, s.args))[0] for s in plan.steps]
    assert first[0].startswith("  300 rows;") and first[1].startswith("  40 rows;")


def test_a_mean_asked_per_group_beside_a_class_balance_is_the_grouped_value(
    deliveries: pd.DataFrame,
) -> None:
    args = _inspect(
        plan_goal("deliveries.csv: class balance of status, and mean minutes per region")
    )
    assert args["group_by"] == "region" and args["label_column"] == "minutes"


def test_a_columns_words_match_as_a_person_writes_them() -> None:
    import re

    from agents import patterns as rx

    pattern = rx.column_words("visits_last_month")
    for said in ("visits_last_month", "visits last month", "Visits-Last-Month"):
        assert re.search(pattern, f"mean {said} per plan", re.I), said
    assert not re.search(pattern, "visits this month", re.I)
    assert not re.search(rx.column_words("__"), "anything")


def test_a_public_dataset_asked_for_is_searched_not_the_persons_file() -> None:
    pd.DataFrame({"ticket": ["a", "b"], "category": ["x", "y"]}).to_csv(
        get_settings().workspace / "support_tickets.csv", index=False
    )
    plan = plan_goal("find me a public dataset of IT support tickets with categories")
    assert [s.tool for s in plan.steps] == ["search_datasets"]
    assert "support_tickets.csv" not in str(plan.steps[0].args)
    assert not any(n.startswith("the data you described") for n in plan.notes)


def test_a_file_put_beside_the_workspace_is_pointed_at() -> None:
    (get_settings().home_dir / "members.csv").write_text("a,b\n1,2\n")
    plan = plan_goal("show me the columns of members.csv")
    assert not plan.steps and "$FORGEFLOW_HOME/workspace" in plan.answer
    assert "1 table or document lies in $FORGEFLOW_HOME itself" in plan.answer


def test_how_confident_on_those_summarises_that_class_probability() -> None:
    from agents.reporter import summarise_output
    from graphs.workflows import call_tool

    root = get_settings().workspace
    (root / "labeling" / "run2").mkdir(parents=True)
    frame = pd.DataFrame(
        {
            "id": range(6),
            "label": ["network", "network", "password", "network", "password", "password"],
            "prob_network": [0.9, 0.8, 0.1, 0.7, 0.2, 0.3],
            "prob_password": [0.1, 0.2, 0.9, 0.3, 0.8, 0.7],
            "text": ["a", "b", "c", "d", "e", "f"],
        }
    )
    frame.to_parquet(root / "labeling" / "run2" / "labeled.parquet")
    memory = {
        "labeled": "labeling/run2/labeled.parquet",
        "said": ["label the tickets", "how many got labeled as network?"],
    }
    plan = plan_goal("how confident is it on those?", memory)
    assert [(s.tool, s.args) for s in plan.steps] == [
        (
            "inspect_dataset",
            {
                "dataset": "labeling/run2/labeled.parquet",
                "where": {"label": "network"},
                "label_column": "prob_network",
            },
        )
    ]
    lines = summarise_output("inspect_dataset", call_tool("inspect_dataset", plan.steps[0].args))
    assert any(line.startswith("  'prob_network': mean 0.800") for line in lines), lines


def test_which_classes_it_confuses_with_none_confused_says_so() -> None:
    result = {
        "tool": "evaluate_model",
        "measured_on": "b.csv",
        "confusion": {"labels": ["a", "b"], "matrix": [[5, 0], [0, 7]]},
    }
    plan = plan_goal("which categories does it confuse most?", {"results": [result]})
    assert plan.answer and plan.answer.startswith(
        "It confused no classes: all 12 rows were predicted right (a 5, b 7;"
    )
    result["confusion"]["matrix"] = [[5, 2], [0, 7]]
    plan = plan_goal("which categories does it confuse most?", {"results": [result]})
    assert plan.answer.startswith("2 of the 7 true a rows were predicted b (confusion")


def test_review_retrain_and_whole_word_model_names(deliveries: pd.DataFrame) -> None:
    from graphs.workflows import call_tool

    root = get_settings().workspace
    deliveries[:200].to_csv(root / "lateness_train.csv", index=False)
    deliveries[200:].to_csv(root / "lateness_new.csv", index=False)
    call_tool(
        "train_model", {"dataset": "lateness_train.csv", "label_column": "status", "epochs": 2}
    )
    plan = plan_goal("retrain the status model on lateness_new.csv")
    assert [s.tool for s in plan.steps] == ["train_model"]  # a training, not an evaluation
    assert plan.steps[0].args["dataset"] == "lateness_new.csv"
    plan = plan_goal("evaluate the ness model on lateness_new.csv")  # 'ness' is in no name's words
    assert not any(str(s.args.get("model", "")).startswith("models/lateness") for s in plan.steps)


def test_review_false_notes_and_rewrites(deliveries: pd.DataFrame) -> None:
    from agents.arguments import split_ratios

    plan = plan_goal("train a classifier on deliveries.csv for status; we surveyed 5000 trees")
    assert not any("not a model kind" in n for n in plan.notes)
    plan = plan_goal("100% of the training set is labeled, train on deliveries.csv for status")
    assert not any("no share of the rows" in n for n in plan.notes)
    plan = plan_goal("inspect sales.xlsx")  # a spreadsheet to read is left as named
    assert not any("→ sales.csv" in n for n in plan.notes)
    plan = plan_goal("save deliveries.csv as csv so I can open it in excel")
    assert not any("spreadsheet" in n for n in plan.notes)
    assert split_ratios("chapters 30-70 of the guide") is None


def test_review_a_split_into_named_files_for_a_model_is_a_split(deliveries: pd.DataFrame) -> None:
    plan = plan_goal("split deliveries.csv 80/20 into train.csv and test.csv for my model")
    assert [(s.tool, s.args.get("paths")) for s in plan.steps] == [
        ("split_table", ["train.csv", "test.csv"])
    ]


def test_review_an_action_on_each_table_is_no_look_at_each(deliveries: pd.DataFrame) -> None:
    plan = plan_goal("fill the missing values in all my tables")
    assert not plan.steps or any(s.tool != "inspect_dataset" for s in plan.steps)


def test_review_a_training_on_a_different_dataset_asks_what_to_train_on(exams: None) -> None:
    plan = plan_goal("train a classifier on a different dataset", _thread_with_a_model())
    assert plan.question and plan.question.startswith("Which data should I train on?")


def test_review_my_open_dataset_is_the_persons_own() -> None:
    pd.DataFrame({"priority": ["high", "low"] * 30, "text": ["a b c", "d e f"] * 30}).to_csv(
        get_settings().workspace / "open_tickets.csv", index=False
    )
    plan = plan_goal("train a classifier on my open tickets dataset to predict priority")
    assert [(s.tool, s.args["dataset"]) for s in plan.steps] == [
        ("train_model", "open_tickets.csv")
    ]


def test_save_and_preview_keep_only_the_rows_asked(deliveries: pd.DataFrame) -> None:
    from agents.reporter import summarise_output
    from errors import ForgeflowError
    from graphs.workflows import call_tool

    plan = plan_goal("save only rows where region is North from deliveries.csv to north.parquet")
    assert [(s.tool, s.args.get("where")) for s in plan.steps] == [
        ("save_table", {"region": "North"})
    ]
    out = call_tool("save_table", plan.steps[0].args)
    saved = pd.read_parquet(get_settings().workspace / "north.parquet")
    north = deliveries[deliveries["region"] == "North"]
    assert len(saved) == len(north) == out["rows"] and set(saved["region"]) == {"North"}
    assert summarise_output("save_table", out)[0] == (
        f"  rows where region = North: {len(north)} of {len(deliveries)}"
    )
    plan = plan_goal("show me the first 5 rows of deliveries.csv where route is C")
    args = plan.steps[0].args
    assert plan.steps[0].tool == "preview_rows" and args["where"] == {"route": "C"}
    page = call_tool("preview_rows", args)
    route = page["columns"].index("route")
    assert len(page["rows"]) == 5 and {r[route] for r in page["rows"]} == {"C"}
    assert page["total"] == int((deliveries["route"] == "C").sum())
    # the one filter's checks hold for every tool that takes it
    for tool, extra in (("save_table", {"path": "x.csv"}), ("preview_rows", {})):
        with pytest.raises(ForgeflowError) as bad:
            call_tool(tool, {"dataset": "deliveries.csv", "where": {"regoin": "North"}, **extra})
        assert bad.value.status_code == 400 and bad.value.details["candidates"] == ["region"]
        with pytest.raises(ForgeflowError) as bad:
            call_tool(tool, {"dataset": "deliveries.csv", "where": {"region": {"a": 1}}, **extra})
        assert bad.value.status_code == 422
    assert not (get_settings().workspace / "x.csv").exists()


def test_the_harbor_view_rows_and_reads_only_are_filters(deliveries: pd.DataFrame) -> None:
    plan = plan_goal("export the North rows of deliveries.csv as north_rows.csv")
    assert plan.steps[0].args.get("where") == {"region": "North"}
    args = _inspect(plan_goal("median minutes per route in deliveries.csv, lost ones only"))
    assert args["where"] == {"status": "lost"} and args["group_by"] == "route"


def test_the_other_file_the_new_one_picks_among_siblings(deliveries: pd.DataFrame) -> None:
    root = get_settings().workspace
    deliveries.to_csv(root / "deliveries_test.csv", index=False)
    deliveries.to_csv(root / "deliveries_new.csv", index=False)
    deliveries.to_csv(root / "deliveries_new_copy.csv", index=False)  # 'new' too: the plainer
    memory = {"dataset": "deliveries.csv"}
    plan = plan_goal("and for the other file? the new one", memory)
    assert [s.args["dataset"] for s in plan.steps] == ["deliveries_new.csv"]


def test_a_pdf_to_write_is_a_csv_beside_not_over_the_source(deliveries: pd.DataFrame) -> None:
    plan = plan_goal("save deliveries.csv as deliveries.pdf")
    assert [(s.tool, s.args["path"]) for s in plan.steps] == [("save_table", "deliveries_copy.csv")]
    assert plan.notes[0].startswith("deliveries.pdf → deliveries_copy.csv")


def test_trial_two_columns_models_and_shares(deliveries: pd.DataFrame) -> None:
    plan = plan_goal("fit a linear regression for minutes in deliveries.csv, hold out 25%")
    args = plan.steps[0].args
    assert args["model"] == "linear" and args["validation_fraction"] == 0.25
    plan = plan_goal("train a classifier on deliveries.csv to predict Evicted")
    assert not plan.steps and plan.question.startswith("deliveries.csv has no column 'Evicted'")
    plan = plan_goal("average minutes by Zip Code in deliveries.csv")
    assert not plan.steps
    assert plan.question.startswith("deliveries.csv has no column 'Zip Code' to group by.")
    plan = plan_goal("eval rent_model on deliveries.csv")
    assert plan.question == "There is no saved model named rent_model. No model is saved yet."


def test_a_scans_answer_keeps_flagged_and_not_flagged_apart() -> None:
    from tools.training.tools import _scan_answer

    top = [{"row": i, "id": f"M{i}", "score": 10 - i, "reasons": []} for i in range(5)]
    answer = _scan_answer({"flagged": 2, "rows": 100, "threshold": 7.5, "top": top}, "id")
    head, rest = answer.split("; flagged: ", 1)
    assert head == "2 of 100 rows flagged (score above 7.5)"
    flagged, later = rest.split("; next highest, not flagged: ")
    assert flagged.count("score") == 2 and later.count("score") == 3
    none = _scan_answer({"flagged": 0, "rows": 100, "threshold": 99, "top": top}, "id")
    assert "; flagged: " not in none and "; next highest, not flagged: " in none


def test_thread_answers_of_class_counts_and_the_kind_trained() -> None:
    labeled = {"tool": "label_dataset", "class_counts": {"hvac": 3, "pest": 5}}
    plan = plan_goal("how many of each category did it end up with?", {"results": [labeled]})
    assert plan.answer == "hvac: 3, pest: 5 — 8 rows in all (from label_dataset)"
    trained = {
        "tool": "train_model",
        "model_kind": "mlp",
        "model_path": "models/rent",
        "task": "regression",
        "metrics": {"mae": 125.3, "rmse": 153.1, "r2": 0.91},
        "args": {"label_column": "rent"},
    }
    plan = plan_goal("hmm, is that a linear model? and what was MAE?", {"results": [trained]})
    assert plan.answer.startswith("The model is an MLP (models/rent), from train_model.")
    assert "MAE 125.3" in plan.answer


def test_the_kind_trained_is_kept_in_the_threads_memory() -> None:
    from agents.memory import summarise_result

    kept = summarise_result(
        "train_model",
        {"model_kind": "linear", "model_path": "models/m", "metrics": {"r2": 0.5}},
        None,
    )
    assert kept["model_kind"] == "linear" and kept["model_path"] == "models/m"


def test_why_a_named_row_was_flagged_is_that_rows_answer() -> None:
    scan = {
        "tool": "detect_anomalies",
        "worst": [
            {"meter_id": "MTR6022", "row": 22, "score": 30.1},
            {"meter_id": "MTR5780", "row": 780, "score": 7.8},
        ],
        "worst_reasons": ["Gas Therms 410 (usual 10 to 80)"],
        "worst_reasons_each": [["Gas Therms 410 (usual 10 to 80)"], ["kWh 0 (usual 200 to 900)"]],
    }
    plan = plan_goal("why is MTR5780 flagged?", {"results": [scan]})
    assert plan.answer.startswith("meter_id MTR5780 (row 780, score 7.800) is number 2")
    assert plan.answer.endswith("What stands out: kWh 0 (usual 200 to 900).")
    plan = plan_goal("why is the top one weird?", {"results": [scan]})
    assert plan.answer.startswith("The worst: meter_id MTR6022")


def test_a_scans_answer_lists_as_many_rows_as_asked() -> None:
    from tools.training.tools import _scan_answer

    top = [{"row": i, "id": f"M{i}", "score": 30 - i, "reasons": []} for i in range(12)]
    summary = {"flagged": 3, "rows": 100, "threshold": 25, "top": top}
    assert _scan_answer(summary, "id", 10).count(", score ") == 10  # the head's is 'score above'
    assert _scan_answer(summary, "id").count(", score ") == 5


def test_make_it_better_with_a_recall_target_aims_at_recall(exams: None) -> None:
    plan = plan_goal("make it better, try to get recall for pass above 0.9", _thread_with_a_model())
    args = plan.steps[0].args
    assert (args["target_metric"], args["target_value"]) == ("recall", 0.9)
    # round 29: 'pass' is a class of the label, so the target is its own recall
    assert args["target_class"] == "pass"
    assert any("that class's own recall" in n for n in plan.notes), plan.notes


def test_a_score_target_no_score_can_be_is_said_not_read_as_a_percent(
    deliveries: pd.DataFrame,
) -> None:
    plan = plan_goal("train a classifier on deliveries.csv for status with F1 >= 7")
    assert "target_value" not in plan.steps[0].args
    assert any(n.startswith("F1 >= 7: F1 runs from 0 to 1") for n in plan.notes)
    plan = plan_goal("train a classifier on deliveries.csv for status with F1 >= 70")
    assert plan.steps[0].args["target_value"] == 0.7 and not any(
        "runs from" in n for n in plan.notes
    )


def test_show_me_a_few_of_them_after_qa_pairs_shows_the_pairs() -> None:
    call = {"tool": "generate_qa", "args": {"chunk_set_id": "cs_x"}}
    memory = {"last_call": call, "qa_dataset": "ds_7", "chunk_set": "cs_x"}
    plan = plan_goal("show me a few of them", memory)
    assert [(s.tool, s.args) for s in plan.steps] == [
        ("export_dataset", {"dataset_id": "ds_7", "format": "jsonl"}),
        ("preview_rows", {"dataset": "${steps.0.path}", "limit": 5}),
    ]
    assert plan_goal("show me 3 of the questions", memory).steps[1].args["limit"] == 3
    # not after a labeling: 'them' are other rows there
    assert plan_goal("show me a few of them", {**memory, "last_call": {"tool": "x"}}).steps != (
        plan.steps
    )


def test_which_of_the_threads_models_was_best_compares_them() -> None:
    def trained(path: str, kind: str, f1: float) -> dict:
        return {
            "tool": "train_model",
            "model_path": path,
            "model_kind": kind,
            "metrics": {"f1": f1, "auc": 0.9},
        }

    memory = {"results": [trained("models/a", "logistic", 0.78), trained("models/b", "mlp", 0.8)]}
    for goal in ("of the models you trained here which one was best?", "which model was best?"):
        plan = plan_goal(goal, memory)
        assert not plan.steps and plan.answer == (
            "The models trained on this thread, by F1: models/a (logistic regression): F1 "
            "0.780, AUC 0.900; models/b (an MLP): F1 0.800, AUC 0.900. Best: models/b."
        )
    one = {"results": [trained("models/a", "logistic", 0.78)]}
    assert not (plan_goal("which model was best?", one).answer or "").startswith("The models")


@pytest.mark.parametrize(
    ("goal", "wanted"),
    [
        ("save as handbook_qa.jsonl", {"format": "jsonl", "output_path": "handbook_qa.jsonl"}),
        (
            "export them as csv, name it chatbot_eval",
            {"format": "csv", "output_path": "chatbot_eval.csv"},
        ),
        ("export the pairs to faq.csv", {"format": "csv", "output_path": "faq.csv"}),
        (
            "export them as csv with columns question,answer",
            {"format": "csv", "fields": ["question", "answer"]},
        ),
    ],
)
def test_a_qa_set_is_exported_to_the_file_and_fields_said(goal: str, wanted: dict) -> None:
    call = {"tool": "generate_qa", "args": {"chunk_set_id": "cs_x"}}
    memory = {"last_call": call, "last_loop": call, "qa_dataset": "ds_1", "chunk_set": "cs_x"}
    plan = plan_goal(goal, memory)
    assert [(s.tool, s.args) for s in plan.steps] == [
        ("export_dataset", {"dataset_id": "ds_1", **wanted})
    ]


def test_qa_pairs_saved_as_a_file_are_made_then_written_there() -> None:
    (get_settings().workspace / "guide.md").write_text("# Guide\n\n" + "Members get keys. " * 40)
    plan = plan_goal("generate QA pairs from guide.md and save them as guide_qa.jsonl")
    assert [s.tool for s in plan.steps] == ["chunk_documents", "generate_qa", "export_dataset"]
    assert plan.steps[0].args["paths"] == ["guide.md"]  # the file to write is not read
    assert plan.steps[2].args["output_path"] == "guide_qa.jsonl"


def test_several_looks_in_one_answer_name_their_tables() -> None:
    from agents.reporter import write_answer

    def look(name: str, rows: int) -> dict:
        output = {"rows": rows, "columns": [{"name": "a", "dtype": "int64", "missing": 0}]}
        args = {"dataset": name}
        return {"tool": "inspect_dataset", "args": args, "status": "completed", "output": output}

    answer = write_answer({"steps": []}, [look("a.csv", 3), look("b.csv", 5)])
    assert "1. inspect_dataset (a.csv):\n  3 rows;" in answer
    assert "2. inspect_dataset (b.csv):\n  5 rows;" in answer
    one = write_answer({"steps": []}, [look("a.csv", 3)])
    assert "1. inspect_dataset:\n" in one  # one look: as before


def test_a_length_filter_on_qa_pairs_is_said_not_dropped() -> None:
    call = {"tool": "generate_qa", "args": {"chunk_set_id": "cs_x"}}
    memory = {"last_call": call, "last_loop": call, "qa_dataset": "ds_1", "chunk_set": "cs_x"}
    plan = plan_goal(
        "make it 40 and drop the ones where the answer is shorter than 5 words", memory
    )
    assert plan.steps[0].args["max_pairs"] == 40
    assert any("no filter by length here" in n for n in plan.notes), plan.notes


def test_every_format_said_after_qa_pairs_is_exported() -> None:
    memory = {
        "last_call": {"tool": "score_qa", "args": {"dataset_id": "ds_1"}},
        "qa_dataset": "ds_1",
    }
    plan = plan_goal("export csv + jsonl", memory)
    assert [(s.tool, s.args) for s in plan.steps] == [
        ("export_dataset", {"dataset_id": "ds_1", "format": ["csv", "jsonl"]})
    ]


def test_a_copy_with_the_same_splits_after_an_export_keeps_them() -> None:
    splits = {"train": 0.6, "validation": 0.2, "test": 0.2}
    call = {"tool": "export_dataset", "args": {"dataset_id": "ds5", "splits": splits}}
    memory = {"last_call": call, "qa_dataset": "ds5"}
    for goal in ("export it as parquet with those same splits", "save as qa.parquet, same splits"):
        plan = plan_goal(goal, memory)
        assert plan.steps[0].tool == "export_dataset" and plan.steps[0].args["splits"] == splits
