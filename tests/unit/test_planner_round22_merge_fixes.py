"""Round 22 coordinator's mends after the review: an output name is never a preposition or an
open word ('then call the model on b.csv', 'name the model whatever you like')."""

from __future__ import annotations

import pytest

from agents.arguments import output_name


@pytest.mark.parametrize(
    "text",
    [
        "train on a.csv, then call the model on b.csv",
        "name the model whatever you like",
        "call it with the test rows",
        "call the model against the new file",
        "name it for the board, anything short",
    ],
)
def test_an_output_name_is_no_preposition_or_open_word(text: str) -> None:
    assert output_name(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("call it wine_v2", "wine_v2"),
        ("name the model churn_v3 please", "churn_v3"),
        ("save it as tickets_mlp", "tickets_mlp"),
        ("called the set qa_v1", "qa_v1"),
        ("name it onboarding_v1", "onboarding_v1"),  # a name that starts like a preposition
    ],
)
def test_an_output_name_said_is_still_read(text: str, name: str) -> None:
    assert output_name(text) == name


def test_one_list_of_yes_and_no_values_for_a_generators_and_a_columns_class() -> None:
    # the generator's class by the label column's word read '1.0'/'0.0' as no yes/no values
    # (memory kept its own shorter list); one list in agents.patterns now
    from agents.memory import generator_label
    from agents.options import class_value

    floats = {"classes": ["0.0", "1.0"], "label_column": "churned"}
    assert generator_label("200 rows of churned customers", floats) == "1.0"
    assert generator_label("200 rows of customers who never churned", floats) == "0.0"
    assert class_value("the churned ones", "churned", ["0.0", "1.0"]) == "1.0"


HOSTILE_NAMES = (
    "../../etc/passwd.csv",
    "/etc/shadow.csv",
    "~root/x.csv",
    "a\x00b.csv",
    "lone\ud800.csv",
    f"{2**63}.csv",
    "link_out.csv",  # a link in the workspace to a table outside it
)


def test_the_rounds_table_readers_refuse_hostile_names_without_raising(tmp_path) -> None:
    """The twenty-second round's readers of tables a goal names (`_named_tables_columns`, the
    labeling run again with named hand labels): a name outside the workspace, a link out of it
    or no valid path at all is never read, and planning raises nothing but the lone
    surrogate's clear BadInput."""
    import pandas as pd

    from agents.planner import _labeling_again_with, _named_tables_columns, plan_goal
    from errors import BadInput
    from settings import get_settings
    from tests.unit.test_planner_round21_merge_fixes import _labeling_run

    memory = _labeling_run(["damaged", "fine"])
    outside = tmp_path / "outside.csv"
    pd.DataFrame({"parcel_id": ["P-1"], "kind": ["fine"], "secret": ["s"]}).to_csv(outside)
    (get_settings().workspace / "link_out.csv").symlink_to(outside)
    # the run's data in the workspace is read: the readers work on a plain name
    assert "note" in _named_tables_columns("train on parcels.csv to predict kind")
    for name in HOSTILE_NAMES:
        assert _named_tables_columns(f"train on {name} to predict kind") == set(), name
        assert _labeling_again_with(f"use {name} as well", memory) is None, name
        for goal in (f"use {name} as well", f"train on {name} and name the model on it"):
            try:
                plan_goal(goal, memory)
            except BadInput:  # a goal no text can hold (a lone surrogate): the clear 4xx
                assert "\ud800" in name, name
