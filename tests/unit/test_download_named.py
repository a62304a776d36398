"""A hub dataset named in plain words: the name is the identifier said, never a word of the
sentence ('Could you grab ...'), and the word after it is a config only when it can be one;
the benchmark catalogue stands in for ids it lacks."""

from __future__ import annotations

import pytest

from agents.arguments import said_download
from agents.planner import plan_goal


def _download(goal: str) -> dict:
    plan = plan_goal(goal)
    steps = [s for s in plan.steps if s.tool == "download_dataset"]
    assert steps, (goal, [s.tool for s in plan.steps], plan.question)
    return steps[0].args


@pytest.mark.parametrize(
    ("goal", "dataset", "config"),
    [
        # a polite question's first words are no dataset and no config
        ("Could you grab the bee_sounds_pairs dataset from Hugging Face for me?", "bee_sounds_pairs", None),
        # a preposition after the name is no config
        ("download the hugging face dataset hive_glue into the workspace", "hive_glue", None),
        ("Would you download apiary_logs for us please", "apiary_logs", None),
        # the config said right after the name is kept
        ("download glue sst2", "glue", "sst2"),
        ("download imdb plain_text", "imdb", "plain_text"),
        ("download imdb", "imdb", None),
        # review: a split, filler or a mark after the name is no config; 'called x' names x
        ("download imdb train split only", "imdb", None),
        ("download imdb - need it for a demo", "imdb", None),
        ("download imdb via the hub", "imdb", None),
        ("download imdb, thx", "imdb", None),
        ("fetch the dataset called beans", "beans", None),
        ("kindly download dataset imdb", "imdb", None),
    ],
)  # fmt: skip
def test_the_dataset_and_config_said(goal: str, dataset: str, config: str | None) -> None:
    args = _download(goal)
    assert args["dataset_id"] == dataset
    assert args.get("config") == config


def test_a_config_said_with_its_word_is_no_dataset() -> None:
    assert said_download("download the en config of glue", None, "en") == ("glue", None)


def test_nothing_named_is_no_dataset() -> None:
    assert said_download("could you download it for me please", None, None) is None


def test_a_hostile_sentence_is_read_without_error() -> None:
    for text in ("download " + "a_" * 5000, "grab \x00 the \udcff set", "download " + "9" * 40):
        said_download(text, None, None)


def test_the_folder_a_download_goes_into_is_no_dataset() -> None:
    args = _download("download imdb to data/imdb")
    assert (args["dataset_id"], args.get("path")) == ("imdb", "data/imdb")
    args = _download("download tweet_eval sentiment into data/tw")
    assert (args["dataset_id"], args.get("config"), args.get("path")) == (
        "tweet_eval",
        "sentiment",
        "data/tw",
    )
