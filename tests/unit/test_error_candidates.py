"""Bad-input errors about a column, file or join key carry their candidates as data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from errors import BadInput, ForgeflowError, NotFound, closest
from graphs.workflows import call_tool
from settings import get_settings


def _write(frame: pd.DataFrame, name: str) -> str:
    path = get_settings().workspace / name
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False)
    return name


def _wine(n: int = 40) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": range(n),
            "alcohol": [12.0 + (i % 7) / 3 for i in range(n)],
            "ash": [2.0 + (i % 5) / 4 for i in range(n)],
            "cultivar": ["a" if i % 2 else "b" for i in range(n)],
        }
    )


def _details(exc: pytest.ExceptionInfo[ForgeflowError]) -> dict:
    details = exc.value.details
    assert isinstance(details, dict), exc.value.to_dict()
    assert {"argument", "candidates", "reason"} <= set(details)
    return details


def test_closest_prefers_case_and_spelling() -> None:
    assert closest("Cultivar", ["alcohol", "cultivar", "ash"]) == ["cultivar"]
    assert closest("person id", ["person_id", "income"]) == ["person_id"]
    assert closest("lable", ["label", "text", "id"]) == ["label"]
    assert closest("zzz", ["label", "text"]) == []


def test_train_label_column_not_found_names_the_close_column() -> None:
    name = _write(_wine(), "wine_train.csv")
    with pytest.raises(BadInput) as exc:
        call_tool("train_model", {"dataset": name, "label_column": "Cultivar"})
    details = _details(exc)
    assert details["argument"] == "label_column"
    assert details["reason"] == "not_found"
    assert details["candidates"] == ["cultivar"]
    assert "columns are:" in exc.value.hint  # the message and hint stay as they were
    assert "Cultivar" in exc.value.message


def test_train_without_label_lists_label_like_columns() -> None:
    name = _write(_wine().rename(columns={"cultivar": "kind"}), "wine2.csv")
    with pytest.raises(BadInput) as exc:
        call_tool("train_model", {"dataset": name})
    details = _details(exc)
    assert details["argument"] == "label_column"
    assert details["reason"] == "missing"
    assert details["candidates"][0] == "kind"
    assert "id" not in details["candidates"]


def test_train_id_and_feature_columns_not_found() -> None:
    name = _write(_wine(), "wine3.csv")
    with pytest.raises(BadInput) as exc:
        call_tool("train_model", {"dataset": name, "label_column": "cultivar", "id_column": "ID_"})
    assert _details(exc)["argument"] == "id_column"
    assert _details(exc)["candidates"] == ["id"]
    with pytest.raises(BadInput) as exc:
        call_tool(
            "train_model",
            {"dataset": name, "label_column": "cultivar", "numeric_columns": ["alcohol", "ashes"]},
        )
    assert _details(exc)["argument"] == "numeric_columns"
    assert _details(exc)["candidates"] == ["ash"]


def test_test_label_column_not_found() -> None:
    train = _write(_wine(), "w_train.csv")
    test = _write(_wine(12).rename(columns={"cultivar": "Cultivar"}), "w_test.csv")
    with pytest.raises(BadInput) as exc:
        call_tool(
            "train_model",
            {"dataset": train, "label_column": "cultivar", "test_dataset": test, "epochs": 2},
        )
    details = _details(exc)
    assert details["argument"] == "test_label_column"
    assert details["candidates"] == ["Cultivar"]


def test_missing_file_names_the_closest_files() -> None:
    _write(_wine(), "data/wine_train.csv")
    _write(_wine(), "data/digits.csv")
    with pytest.raises(NotFound) as exc:
        call_tool("inspect_dataset", {"dataset": "wine_trian.csv"})
    details = _details(exc)
    assert details["argument"] == "dataset"
    assert details["reason"] == "not_found"
    assert details["candidates"][0] == "data/wine_train.csv"
    assert all(not Path(c).is_absolute() for c in details["candidates"])
    with pytest.raises(NotFound) as exc:
        call_tool("inspect_dataset", {"dataset": "nothing_like_it.csv"})
    assert _details(exc)["candidates"] == []


def test_inspect_label_column_not_found() -> None:
    with pytest.raises(BadInput) as exc:
        call_tool("inspect_dataset", {"dataset": "iris", "label_column": "Target"})
    assert _details(exc)["candidates"] == ["target"]


def test_evaluate_labels_file_join_key_candidates(tmp_path: Path) -> None:
    train = _write(_wine(), "ev_train.csv")
    model = call_tool(
        "train_model", {"dataset": train, "label_column": "cultivar", "epochs": 2, "name": "m"}
    )["model_path"]
    rows = _write(_wine(10).drop(columns=["cultivar"]).rename(columns={"id": "wine_id"}), "r.csv")
    labels = _write(_wine(10)[["id", "cultivar"]].rename(columns={"id": "wine_id"}), "labels.csv")
    with pytest.raises(BadInput) as exc:
        call_tool("evaluate_model", {"model": model, "dataset": rows, "labels": labels})
    details = _details(exc)
    assert details["argument"] == "id_column"
    assert details["candidates"] == ["wine_id"]  # the column both files share
    with pytest.raises(NotFound) as exc:
        call_tool("evaluate_model", {"model": model, "dataset": rows, "labels": "labls.csv"})
    assert _details(exc)["argument"] == "labels"
    assert _details(exc)["candidates"][0] == "labels.csv"


def test_predict_id_column_not_found() -> None:
    train = _write(_wine(), "p_train.csv")
    model = call_tool(
        "train_model", {"dataset": train, "label_column": "cultivar", "epochs": 2, "name": "p"}
    )["model_path"]
    with pytest.raises(BadInput) as exc:
        call_tool("predict", {"model": model, "dataset": train, "id_column": "Id"})
    assert _details(exc)["argument"] == "id_column"
    assert _details(exc)["candidates"] == ["id"]


def _census() -> tuple[str, str]:
    people = pd.DataFrame(
        {
            "person_id": [f"p{i}" for i in range(30)],
            "occupation": ["clerk" if i % 3 else "manager sales lead" for i in range(30)],
            "age": [20 + i for i in range(30)],
        }
    )
    gold = pd.DataFrame(
        {"person_id": [f"p{i}" for i in range(12)], "income": [">50K", "<=50K"] * 6}
    )
    return _write(people, "data/census.csv"), _write(gold, "data/hand_labels.csv")


def test_gold_id_column_not_found_offers_the_shared_column() -> None:
    data, gold = _census()
    with pytest.raises(BadInput) as exc:
        call_tool(
            "label_dataset",
            {"dataset": data, "gold": gold, "id_column": "personid", "label_column": "income"},
        )
    details = _details(exc)
    assert details["argument"] == "id_column"
    assert details["candidates"] == ["person_id"]


def test_gold_label_column_not_found_offers_the_gold_label() -> None:
    data, gold = _census()
    with pytest.raises(BadInput) as exc:
        call_tool(
            "label_dataset",
            {
                "dataset": data,
                "gold": gold,
                "id_column": "person_id",
                "gold_label_column": "Income",
            },
        )
    details = _details(exc)
    assert details["argument"] == "gold_label_column"
    assert details["candidates"] == ["income"]


def test_gold_sharing_no_column_lists_id_like_columns() -> None:
    data, _ = _census()
    gold = _write(pd.DataFrame({"pid": ["p1", "p2", "p3"], "income": ["a", "b", "a"]}), "g.csv")
    with pytest.raises(BadInput) as exc:
        call_tool("label_dataset", {"dataset": data, "gold": gold, "label_column": "income"})
    details = _details(exc)
    assert exc.value.code == "no_join_column"
    assert details["argument"] == "id_column"
    assert details["candidates"] == ["person_id"]
    assert details["gold_candidates"] == ["pid"]


def test_gold_sharing_several_columns_is_ambiguous() -> None:
    data = _write(pd.DataFrame({"a": range(5), "b": range(5), "text": ["x y z"] * 5}), "amb.csv")
    gold = _write(pd.DataFrame({"a": [1, 2], "b": [1, 2], "label": ["p", "q"]}), "amb_g.csv")
    with pytest.raises(BadInput) as exc:
        call_tool("label_dataset", {"dataset": data, "gold": gold})
    details = _details(exc)
    assert details["reason"] == "ambiguous"
    assert details["candidates"] == ["a", "b"]


def test_label_text_column_not_found() -> None:
    data, gold = _census()
    with pytest.raises(BadInput) as exc:
        call_tool(
            "label_dataset",
            {"dataset": data, "gold": gold, "text_column": "Occupation", "label_column": "income"},
        )
    details = _details(exc)
    assert details["argument"] == "text_column"
    assert details["candidates"] == ["occupation"]


def test_hand_labels_in_a_missing_data_column() -> None:
    data, _ = _census()
    with pytest.raises(BadInput) as exc:
        call_tool("label_dataset", {"dataset": data, "label_column": "Age"})
    details = _details(exc)
    assert details["argument"] == "label_column"
    assert details["candidates"] == ["age"]


def test_a_labeling_function_on_a_missing_column() -> None:
    data, gold = _census()
    lf = {"name": "mgr", "label": ">50K", "kind": "keyword", "column": "Occupation"}
    with pytest.raises(BadInput) as exc:
        call_tool(
            "apply_labeling_functions",
            {"dataset": data, "labeling_functions": [lf | {"keywords": ["manager"]}]}
            | {"classes": [">50K", "<=50K"]},
        )
    details = _details(exc)
    assert details["argument"] == "labeling_functions"
    assert details["candidates"] == ["occupation"]
    assert details["labeling_function"] == "mgr"


def test_qa_text_column_not_found() -> None:
    from tools.qa.documents import parse_bytes

    with pytest.raises(BadInput) as exc:
        parse_bytes("notes.csv", b"id,body\n1,some long text here\n", text_column="Body")
    details = _details(exc)
    assert details["argument"] == "text_column"
    assert details["candidates"] == ["body"]
