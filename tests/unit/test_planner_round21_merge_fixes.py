"""Mends made when the twenty-first round's areas and router rows were merged (coordinator)."""

from __future__ import annotations

from tests.utils.threads import planned_steps


def _generator_thread() -> dict:
    model = "generators/kiosk-2"
    return {
        "generator": model,
        "generator_info": {
            "path": model,
            "dataset": "kiosk_sales.csv",
            "label_column": "refunded",
            "classes": ["no", "yes"],
        },
        "last_call": {
            "tool": "generate_synthetic",
            "args": {"model": model, "n": 100, "label": "yes"},
        },
        "said": ["100 fake sales that got refunded"],
    }


def test_a_count_and_more_after_a_generation_is_another_generation() -> None:
    # no generating verb: the thread's last call says what 'more' is more of
    steps = planned_steps("then 40 more that were refunded", _generator_thread())
    assert [t for t, _ in steps] == ["generate_synthetic"]
    assert steps[0][1]["n"] == 40


def test_more_epochs_after_a_generation_is_no_generation() -> None:
    from agents.planner import plan_goal

    plan = plan_goal("train it 20 more epochs", _generator_thread())
    assert "generate_synthetic" not in [s.tool for s in plan.steps]


def test_sibling_tables_are_looked_for_among_a_bounded_number_of_tables(monkeypatch) -> None:
    from agents import prediction, references

    read: list[str] = []
    monkeypatch.setattr(references, "_columns", lambda f: read.append(f) or ["a", "b", "c"])
    files = [f"t{i:03d}.csv" for i in range(500)]
    assert prediction._pairs(files) == []  # the same columns everywhere: no history/rows pair
    assert len(read) == prediction.MAX_PAIRED


def _labeling_run(classes: list[str]) -> dict:
    """A workspace holding one labeling run of parcel notes with `classes`; its thread."""
    import json

    import pandas as pd

    from settings import get_settings
    from tests.utils.threads import labeled

    root = get_settings().workspace
    run = root / "labeling" / "parcels"
    run.mkdir(parents=True, exist_ok=True)
    ids = [f"P-{i}" for i in range(8)]
    notes = ["left at door", "signed by neighbour", "box crushed", "late again"] * 2
    pd.DataFrame({"parcel_id": ids, "note": notes}).to_csv(root / "parcels.csv", index=False)
    kinds = [classes[i % len(classes)] for i in range(8)]
    pd.DataFrame({"parcel_id": ids, "kind": kinds}).to_parquet(run / "labeled.parquet")
    (run / "metrics.json").write_text(json.dumps({"classes": classes}))
    return labeled("labeling/parcels", "parcels.csv", "kind")


def test_a_denied_class_corrects_a_label_only_with_one_of_the_runs_classes() -> None:
    from agents.plan import Planning
    from agents.planner import _denied_class

    p = Planning(memory=_labeling_run(["damaged", "delayed", "fine"]))
    assert _denied_class(p, "P-3 is not fine, it is damaged")
    # two runs compared: 'worse' is no class of the run, so nothing is corrected
    assert not _denied_class(p, "run2 is not better, it is worse")
    # a run whose classes are not known yet: the wording decides, as before
    assert _denied_class(Planning(memory={}), "run2 is not better, it is worse")


def test_a_run_folder_outside_the_workspace_or_not_a_path_has_no_classes(tmp_path) -> None:
    from agents.runs import classes_of
    from settings import get_settings

    _labeling_run(["damaged", "fine"])
    root = get_settings().workspace
    assert classes_of("labeling/parcels") == ["damaged", "fine"]
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "metrics.json").write_text('{"classes": ["x"]}')
    (root / "link_out").symlink_to(outside)
    for hostile in (
        "../elsewhere",
        str(outside),
        "link_out",
        "~root/labeling",
        "labeling/\x00parcels",
        "labeling/\ud800",
        str(2**63),
        "",
        None,
    ):
        assert classes_of(hostile) == [], hostile


HOSTILE_NAMES = (
    "../../etc/passwd.csv",
    "/etc/shadow.csv",
    "~root/x.csv",
    "a\x00b.csv",
    "lone\ud800.csv",
    f"{2**63}.csv",
)


def test_the_rounds_file_readers_refuse_hostile_names_without_raising(tmp_path) -> None:
    """data_of_labels and the plans that use split_one_table / bind_unwritten_outputs: a name
    outside the workspace (or no valid path at all) is never read, and planning does not raise."""
    from agents.hand_labels import data_of_labels
    from agents.planner import plan_goal
    from errors import BadInput

    _labeling_run(["damaged", "fine"])
    for name in HOSTILE_NAMES:
        args = {"data_path": name, "gold_path": name, "label_column": "kind"}
        assert data_of_labels(dict(args), [name, "parcels.csv"]) is False, name
        assert data_of_labels({**args, "data_path": "parcels.csv"}, [name]) is False, name
        for goal in (
            f"train on {name} to predict kind and score parcels.csv",
            f"label parcels.csv with the hand labels in {name}",
            f"predict kind for parcels.csv and write the scores to {name}",
        ):
            try:
                plan_goal(goal, {})  # the readers skip what the resolver refuses
            except BadInput:  # a goal no text can hold (a lone surrogate): the clear 4xx
                assert "\ud800" in name, name
