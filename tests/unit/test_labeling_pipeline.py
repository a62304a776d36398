"""Gold join/split, analysis, combiners, end model, the loop, tools and the LF writers."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from errors import BadInput
from graphs.workflows import call_tool
from settings import get_settings
from tools.labeling.analysis import label_metrics, lf_summary
from tools.labeling.combine import combine
from tools.labeling.gold import ensure_ids, join_gold, split_gold

TASK = ("sci.med", "sci.space")


@pytest.fixture
def newsgroups(shared_data: Path, home: Path) -> dict:
    """300 sci.med / sci.space posts in the workspace, 40 of them hand-labelled in gold.csv."""
    train = pd.read_csv(shared_data / "20newsgroups-train.csv.gz")
    train = train[train.Category.isin(TASK)].sample(300, random_state=0).reset_index(drop=True)
    train.insert(0, "id", [f"n{i}" for i in range(len(train))])
    ws = get_settings().workspace
    train[["id", "Text"]].to_parquet(ws / "pool.parquet", index=False)
    gold = train.sample(40, random_state=1)[["id", "Category"]].rename(
        columns={"Category": "label"}
    )
    gold.to_csv(ws / "gold.csv", index=False)
    return {"truth": train, "gold": gold, "ws": ws}


def test_gold_joins_by_id_and_reports_unknown_ids() -> None:
    data = ensure_ids(pd.DataFrame({"id": [3, 1, 2], "x": ["a", "b", "c"]}), "id")
    gold = pd.DataFrame({"id": ["2", 1.0, 99, 1], "label": ["b", "a", "a", "b"]})
    joined = join_gold(data, gold, id_column="id", label_column="label")
    assert joined.classes == ["a", "b"]
    assert dict(zip(joined.rows.tolist(), joined.labels.tolist(), strict=True)) == {2: 1, 1: 0}
    report = joined.report()
    assert report["unknown_ids"] == ["99"] and report["duplicate_ids"] == ["1"]


def test_gold_from_the_filled_in_label_column() -> None:
    data = pd.DataFrame({"text": list("abcdef"), "label": ["x", None, "y", "", "x", None]})
    data = ensure_ids(data, "id")
    joined = join_gold(data, None, id_column="id", label_column="label")
    assert joined.rows.tolist() == [0, 2, 4] and joined.labels.tolist() == [0, 1, 0]


def test_gold_errors_one_class_unknown_only_and_missing_columns() -> None:
    data = ensure_ids(pd.DataFrame({"text": list("abc")}), "id")
    with pytest.raises(BadInput, match="only one class") as err:
        join_gold(
            data,
            pd.DataFrame({"id": [0, 1], "label": ["a", "a"]}),
            id_column="id",
            label_column="label",
        )
    assert err.value.code == "one_class"
    with pytest.raises(BadInput, match="no hand label joined") as err:
        join_gold(
            data,
            pd.DataFrame({"id": [7, 8], "label": ["a", "b"]}),
            id_column="id",
            label_column="label",
        )
    assert "7" in err.value.hint
    with pytest.raises(BadInput, match="no label column"):
        join_gold(data, pd.DataFrame({"id": [0]}), id_column="id", label_column="tag")
    with pytest.raises(BadInput, match="repeated ids"):
        ensure_ids(pd.DataFrame({"id": [1, 1]}), "id")


def test_split_is_stratified_and_disjoint() -> None:
    data = ensure_ids(pd.DataFrame({"t": range(20)}), "id")
    gold = pd.DataFrame({"id": range(20), "label": ["a"] * 15 + ["b"] * 5})
    joined = join_gold(data, gold, id_column="id", label_column="label")
    dev, held = split_gold(joined, 0.6, seed=3)
    assert not set(dev) & set(held) and len(dev) + len(held) == 20
    assert (joined.labels[dev] == 1).sum() == 3 and (joined.labels[held] == 1).sum() == 2


def test_analysis_coverage_overlap_conflict_polarity_accuracy() -> None:
    L = np.array([[0, 0, -1], [0, 1, -1], [-1, 1, 1], [-1, -1, -1]])
    rows = lf_summary(
        L, ["a", "b", "c"], ["x", "y"], dev_rows=np.array([0, 1, 2]), dev_labels=np.array([0, 0, 1])
    )
    a, b, c = rows
    assert a["coverage"] == 0.5 and a["overlaps"] == 0.5 and a["conflicts"] == 0.25
    assert b["polarity"] == ["x", "y"] and c["polarity"] == ["y"]
    assert a["dev_accuracy"] == 1.0 and b["dev_accuracy"] == pytest.approx(2 / 3, abs=1e-5)
    metrics = label_metrics(np.array([[0.9, 0.1], [0.2, 0.8]]), np.array([0, 1]), 2)
    assert metrics["auc"] == 1.0 and metrics["accuracy"] == 1.0


def test_fewer_than_three_lfs_fall_back_to_majority_vote_with_reason() -> None:
    L = np.array([[0, -1], [1, 1], [-1, -1], [0, 0]])
    out = combine(L, 2, dev_rows=np.array([0, 1]), dev_labels=np.array([0, 1]))
    assert out.method == "majority_vote" and "label model needs at least 3" in out.reason
    assert out.probs[1].tolist() == [0.0, 1.0] and out.covered.tolist() == [True, True, False, True]


def test_label_model_runs_with_three_or_more_lfs_multiclass() -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 200)
    L = np.stack([np.where(rng.random(200) < 0.7, y, -1) for _ in range(4)], axis=1)
    out = combine(L, 3, dev_rows=np.arange(30), dev_labels=y[:30], metric="accuracy")
    assert set(out.dev_metrics) == {"majority_vote", "label_model"}
    assert out.probs.shape == (200, 3) and np.allclose(out.probs.sum(axis=1), 1)
    covered = out.covered
    assert (out.probs[covered].argmax(axis=1) == y[covered]).mean() > 0.9


def test_label_dataset_meets_a_target_and_writes_the_contract(newsgroups: dict) -> None:
    out = call_tool(
        "label_dataset",
        {
            "dataset": "pool.parquet",
            "gold": "gold.csv",
            "text_column": "Text",
            "target_metric": "auc",
            "target_value": 0.8,
            "max_attempts": 2,
            "writer": "builtin",
        },
    )
    assert out["target_met"] is True and out["attempts"] == 1 and out["best_attempt"] == 1
    assert out["target"] == {"metric": "auc", "value": 0.8, "higher_is_better": True}
    assert out["metrics"]["measured_on"] == "heldout" and out["metrics"]["n_labels"] == 16
    assert out["gold"]["dev"] == 24 and out["gold"]["heldout"] == 16
    labeled = pd.read_parquet(newsgroups["ws"] / out["labeled_path"])
    probs = labeled[[f"prob_{c}" for c in TASK]].to_numpy()
    assert np.allclose(probs.sum(axis=1), 1)
    assert set(labeled.columns) >= {"id", "label", "covered", "label_source", "Text"}
    # rows per class, as the labeled file has them ('how many got X?' reads these)
    assert out["label_counts"] == {str(c): int((labeled.label == c).sum()) for c in TASK}
    candidates = {"label_model", "end_model", "self_training", "hand_labels_linear"}
    assert set(labeled.label_source) <= candidates
    chosen = out["selection"]["chosen"]
    assert chosen in {"weak_supervision", "self_training", "hand_labels_linear"}
    assert set(out["selection"]["heldout"]) >= {"weak_supervision", "hand_labels_linear"}
    assert out["metrics"]["chosen"] == chosen and out["label_name"] == "label"
    truth = newsgroups["truth"].set_index("id").loc[labeled.id, "Category"].to_numpy()
    assert (labeled.label.to_numpy() == truth).mean() > 0.85
    kinds = {a["kind"] for a in out["artifacts"]}
    assert {"dataset", "json", "table", "image"} <= kinds
    for a in out["artifacts"]:
        assert (newsgroups["ws"] / a["path"]).is_file()
    lfs = json.loads((newsgroups["ws"] / out["artifacts"][1]["path"]).read_text())
    assert lfs and all(lf["kind"] in {"keyword", "regex"} for lf in lfs)
    # the saved LF set is reusable as-is
    again = call_tool(
        "apply_labeling_functions",
        {
            "dataset": "pool.parquet",
            "labeling_functions": lfs,
            "classes": list(TASK),
            "gold": "gold.csv",
            "label_column": "label",
        },
    )
    assert again["lf_count"] == len(lfs) and again["errors"] == []
    assert any(r["dev_accuracy"] is not None for r in again["summary"])


def test_label_dataset_runs_out_of_attempts_and_reports_the_best(newsgroups: dict) -> None:
    # Hand labels that are coin flips: no LF set can reach a held-out accuracy of 1.0.
    gold = newsgroups["gold"].copy()
    gold["label"] = np.random.default_rng(5).permutation(gold["label"].to_numpy())
    gold.to_csv(newsgroups["ws"] / "noise.csv", index=False)
    out = call_tool(
        "label_dataset",
        {
            "dataset": "pool.parquet",
            "gold": "noise.csv",
            "text_column": "Text",
            "target_metric": "accuracy",
            "target_value": 1.0,
            "max_attempts": 2,
            "writer": "builtin",
            "end_model": False,
        },
    )
    assert out["target_met"] is False and out["attempts"] == 2
    assert len(out["history"]) == 2 and out["best_attempt"] in (1, 2)
    best = out["history"][out["best_attempt"] - 1]["metrics"]["accuracy"]
    assert best == max(h["metrics"]["accuracy"] for h in out["history"])
    assert out["history"][0]["next_changes"], "the diagnosis must say what it changed"


def test_given_lfs_with_two_usable_use_majority_vote(newsgroups: dict) -> None:
    lfs = [
        {
            "name": "space",
            "label": "sci.space",
            "kind": "keyword",
            "column": "Text",
            "keywords": ["space", "orbit", "nasa"],
        },
        {
            "name": "med",
            "label": "sci.med",
            "kind": "keyword",
            "column": "Text",
            "keywords": ["doctor", "patients", "disease"],
        },
    ]
    out = call_tool(
        "label_dataset",
        {
            "dataset": "pool.parquet",
            "gold": "gold.csv",
            "labeling_functions": lfs,
            "target_value": 0.5,
            "max_attempts": 1,
            "end_model": True,
        },
    )
    assert out["combiner"] == "majority_vote" and "at least 3" in out["combiner_reason"]
    assert out["end_model"] is not None
    assert out["history"][0]["config"]["end_model"].startswith("end model used")


def test_write_labeling_functions_and_unknown_gold_ids(newsgroups: dict) -> None:
    gold = pd.concat([newsgroups["gold"], pd.DataFrame({"id": ["zz1"], "label": ["sci.med"]})])
    gold.to_csv(newsgroups["ws"] / "gold2.csv", index=False)
    out = call_tool(
        "write_labeling_functions",
        {
            "dataset": "pool.parquet",
            "gold": "gold2.csv",
            "writer": "builtin",
            "output_path": "lfs/mined.json",
        },
    )
    assert out["count"] > 5 and (newsgroups["ws"] / "lfs" / "mined.json").is_file()
    assert out["gold"]["unknown_ids"] == ["zz1"]
    good = [r for r in out["summary"] if r["dev_accuracy"] is not None]
    assert np.mean([r["dev_accuracy"] for r in good]) > 0.8
    with pytest.raises(BadInput, match="column 'txt' not found"):
        call_tool(
            "write_labeling_functions",
            {"dataset": "pool.parquet", "gold": "gold.csv", "text_column": "txt"},
        )


def test_tabular_stumps_and_categories(home: Path) -> None:
    from sklearn.datasets import load_breast_cancer

    bunch = load_breast_cancer(as_frame=True)
    data = bunch.frame.drop(columns=["target"]).iloc[:, :6].copy()
    data["size_band"] = pd.cut(data["mean radius"], 3, labels=["s", "m", "l"]).astype(str)
    data.insert(0, "id", range(len(data)))
    y = np.array(bunch.target_names)[bunch.target]
    ws = get_settings().workspace
    data.to_csv(ws / "cancer.csv", index=False)
    pd.DataFrame({"id": data.id[::10], "label": y[::10]}).to_csv(
        ws / "cancer_gold.csv", index=False
    )
    out = call_tool(
        "write_labeling_functions", {"dataset": "cancer.csv", "gold": "cancer_gold.csv"}
    )
    kinds = {lf["kind"] for lf in out["labeling_functions"]}
    assert "threshold" in kinds and "category" in kinds


def test_llm_writer_feeds_invalid_lfs_back() -> None:
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    from agents.lf_writer import llm_write

    replies = iter(
        [
            AIMessage(
                content='```json\n[{"name": "a", "label": "pos", "kind": "keyword", "column": '
                '"text", "keywords": ["great"]}, {"name": "b", "label": "pos", "kind": "regex", '
                '"column": "text", "pattern": "("}]\n```'
            ),
            AIMessage(
                content='[{"name": "b", "label": "pos", "kind": "regex", "column": "text", '
                '"pattern": "!+"}]'
            ),
        ]
    )
    model = GenericFakeChatModel(messages=replies)
    valid, invalid, rounds = llm_write(
        model,
        goal="sentiment",
        classes=["neg", "pos"],
        columns=["id", "text"],
        samples=[{"label": "pos", "row": {"text": "great!"}}],
    )
    assert rounds == 2 and invalid == []
    assert [v["name"] for v in valid] == ["a", "b"] and valid[1]["pattern"] == "!+"


def test_label_dataset_with_the_llm_writer_in_the_loop(
    newsgroups: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    import graphs.labeling as labeling

    reply = json.dumps(
        [
            {
                "name": "llm_space",
                "label": "sci.space",
                "kind": "keyword",
                "column": "Text",
                "keywords": ["nasa", "orbit", "shuttle"],
            },
            {
                "name": "llm_med",
                "label": "sci.med",
                "kind": "keyword",
                "column": "Text",
                "keywords": ["patients", "treatment", "disease"],
            },
        ]
    )
    model = GenericFakeChatModel(messages=iter([AIMessage(content=reply)] * 5))
    monkeypatch.setattr(labeling, "_chat_model", lambda writer: model)
    out = call_tool(
        "label_dataset",
        {
            "dataset": "pool.parquet",
            "gold": "gold.csv",
            "writer": "llm",
            "goal": "medicine or space",
            "target_value": 0.5,
            "max_attempts": 1,
            "end_model": False,
        },
    )
    names = {r["name"] for r in out["lf_summary"]}
    assert {"llm_space", "llm_med"} <= names
    assert any("LLM wrote 2 valid LFs" in c for c in out["history"][0]["changes"])


def test_label_dataset_multiclass(shared_data: Path, home: Path) -> None:
    classes = ["rec.sport.hockey", "sci.crypt", "talk.politics.guns"]
    train = pd.read_csv(shared_data / "20newsgroups-train.csv.gz")
    train = train[train.Category.isin(classes)].sample(240, random_state=0).reset_index(drop=True)
    # the hand labels are the filled-in cells of the data's own label column
    train["topic"] = None
    filled = train.sample(45, random_state=1).index
    train.loc[filled, "topic"] = train.loc[filled, "Category"]
    ws = get_settings().workspace
    train[["Text", "topic"]].to_csv(ws / "multi.csv", index=False)
    out = call_tool(
        "label_dataset",
        {
            "dataset": "multi.csv",
            "label_column": "topic",
            "target_metric": "accuracy",
            "target_value": 0.6,
            "max_attempts": 1,
        },
    )
    assert out["classes"] == classes and out["metrics"]["auc"] is not None
    labeled = pd.read_parquet(ws / out["labeled_path"])
    assert (labeled["label"] == train["Category"]).mean() > 0.8
    assert "topic_original" not in labeled.columns and "topic" in labeled.columns


def test_llm_writer_through_a_fake_openai_server(
    newsgroups: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    from settings import reset_settings
    from tests.utils.fake_openai import FakeOpenAI

    first = json.dumps(
        [
            {
                "name": "llm_space",
                "label": "sci.space",
                "kind": "keyword",
                "column": "Text",
                "keywords": ["orbit", "launch"],
            },
            {
                "name": "llm_bad",
                "label": "sci.med",
                "kind": "keyword",
                "column": "Body",
                "keywords": ["doctor"],
            },
        ]
    )
    fixed = json.dumps(
        [
            {
                "name": "llm_bad",
                "label": "sci.med",
                "kind": "keyword",
                "column": "Text",
                "keywords": ["doctor"],
            },
        ]
    )
    with FakeOpenAI([f"Here you go:\n```json\n{first}\n```", fixed]) as fake:
        monkeypatch.setenv("FORGEFLOW_LLM", "openai:fake-model")
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "test")
        reset_settings()
        out = call_tool(
            "label_dataset",
            {
                "dataset": "pool.parquet",
                "gold": "gold.csv",
                "writer": "llm",
                "goal": "medicine or space",
                "target_value": 0.5,
                "max_attempts": 1,
                "end_model": False,
            },
        )
        requests = list(fake.requests)
    assert len(requests) == 2
    prompt = requests[0]["messages"][0]["content"]
    assert "medicine or space" in prompt and "<example label=" in prompt
    assert "column 'Body' does not exist" in requests[1]["messages"][-1]["content"]
    names = {r["name"] for r in out["lf_summary"]}
    assert {"llm_space", "llm_bad"} <= names
