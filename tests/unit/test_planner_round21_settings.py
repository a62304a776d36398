"""Settings stated in words, twenty-first round: switches and one-word settings said by the
field's own name, misspelt metric names, counts said in other nouns, n-gram ranges, shares of
the table's own rows, quoted names kept as said, both remote sources at once.

Every wording and number here is invented for the test (no corpus goal is copied).
"""

from __future__ import annotations

from agents.arguments import (
    _args_list_local_datasets,
    _args_search_datasets,
    _synthetic_count,
    anomaly_options,
)
from agents.options import said_by_name, stated
from agents.plan import Planning
from agents.planner import network_options, validation_share
from agents.slots import extract_slots, extract_targets


def test_a_switch_said_by_its_own_name_is_set_on_or_off() -> None:
    assert said_by_name("generate_qa", "make pairs, analyze_quality off, csv out") == {
        "analyze_quality": False
    }
    assert said_by_name("label_dataset", "weak labels with end_model=false please") == {
        "end_model": False
    }
    assert said_by_name("train_generator", "fit the cvae; measure_utility: on") == {
        "measure_utility": True
    }
    # the same words without the underscore name are left to the phrase rules
    assert "analyze_quality" not in said_by_name("generate_qa", "analyze the quality off hours")


def test_a_one_word_setting_said_by_its_own_name_is_kept() -> None:
    assert (
        stated("generate_qa", "pairs over the notes, question_style conceptual, json out")[
            "question_style"
        ]
        == "conceptual"
    )
    assert said_by_name("generate_qa", "answer_style=step-by-step") == {
        "answer_style": "step_by_step"
    }
    # free text is no one-word setting, and columns or files are never set this way
    assert "custom_prompt" not in said_by_name("generate_qa", "custom_prompt: stress the dates")
    assert said_by_name("train_model", "label_column churned_flag") == {}


def test_a_misspelt_metric_name_still_states_the_target() -> None:
    assert extract_targets("fit a model for late_flag, I want atleast 75% acuracy") == {
        "accuracy": 0.75
    }
    assert extract_targets("aim for 0.65 recal on the positives")["recall"] == 0.65
    assert extract_targets("precison above 0.7 please")["precision"] == 0.7
    # a dictionary word near a metric's name is no metric ('decision', 'accurate')
    assert extract_targets("accurate predictions for the 60 rows in the decision file") == {}


def test_the_metric_respelling_answers_on_a_long_word() -> None:
    # a long word beside a misspelt metric is read for its answer (no timing assert: a respelling
    # that compares every word with every metric again shows as a slow suite)
    assert extract_targets("q" * 40_000 + " acurracy 0.8") == {"accuracy": 0.8}


def test_a_hub_task_said_with_a_space_before_its_last_word_is_the_tag() -> None:
    assert extract_slots("best models for few-shot detection lately?").task == "few-shot-detection"
    assert extract_slots("which do binary classification well").task is None


def test_counts_said_in_other_nouns() -> None:
    assert _synthetic_count("could you make a made-up batch of 250 parcel scans") == 250
    assert _synthetic_count("a dummy table of 120 visits for the demo") == 120
    assert anomaly_options("scan pumps.csv for odd readings and show me 12 of them")["top_k"] == 12


def test_a_validation_share_of_the_tables_own_rows() -> None:
    assert validation_share("set aside 15% of the voyages for validation") == 0.15
    assert validation_share("validation accuracy of 0.9 on 40% of the trips") is None


def test_the_longest_ngram_named_is_the_max() -> None:
    assert network_options("tfidf with unigrams and bigrams")["ngram_max"] == 2
    assert network_options("uni- and trigrams")["ngram_max"] == 3
    assert network_options("unigrams only")["ngram_max"] == 1


def test_a_quoted_config_name_needs_no_digit() -> None:
    assert extract_slots("download owner/set from the hub, the 'plain' config").config == "plain"
    assert stated("download_dataset", 'grab it with the "mini" subset')["config"] == "mini"


def test_a_quoted_name_filter_is_kept_as_said() -> None:
    # the quoted word was read as the workspace file it begins ('orders' → orders_2031.csv):
    # its first name word is the filter, not made singular as a topic word is
    slots = extract_slots("show the datasets with 'orders_2031.csv' in the name")
    p = Planning(memory={}, goal=slots.text)
    assert _args_list_local_datasets(p, slots) == {"query": "orders"}
    slots = extract_slots("show the datasets with orders_2031.csv in the name")
    assert _args_list_local_datasets(Planning(memory={}, goal=slots.text), slots) == {
        "query": "order"
    }


def test_a_topic_after_who_holds_the_data() -> None:
    slots = extract_slots("which tables do we have about the greenhouse?")
    p = Planning(memory={}, goal=slots.text)
    assert _args_list_local_datasets(p, slots) == {"query": "greenhouse"}


def test_a_search_of_both_sources_with_a_count_per_source() -> None:
    slots = extract_slots("Look on Kaggle and Hugging Face for tide gauge datasets, 4 per source")
    p = Planning(memory={}, goal=slots.text)
    args = _args_search_datasets(p, slots)
    assert args["source"] == "all"
    assert args["limit"] == 4
    assert "source" not in args["query"] and "4" not in args["query"]


def test_a_misspelt_metric_is_respelt_but_not_a_file_word() -> None:
    from agents.slots import respelt_metrics

    assert respelt_metrics("whats the precission now?") == "whats the precision now?"
    assert (
        respelt_metrics("how is recal on precison_log.csv") == "how is recall on precison_log.csv"
    )
    assert respelt_metrics("the acuracy table", frozenset({"acuracy"})) == "the acuracy table"


def test_a_class_denied_then_given_is_a_correction() -> None:
    from agents.arguments import WRONG_LABEL_RE, corrections

    assert corrections("Item QT-77-4 is not urgent, it is routine. Fix it please") == [
        {"id": "QT-77-4", "label": "routine"}
    ]
    assert WRONG_LABEL_RE.search("Item QT-77-4 is not urgent, it is routine")
    assert not WRONG_LABEL_RE.search("QT-77-4 is not urgent yet")


def test_rows_that_got_a_class() -> None:
    import re

    from agents.runs import ROWS_OF_CLASS_RE

    said = re.search(ROWS_OF_CLASS_RE, "list the rows which got routine", re.I)
    assert said and said.group(1) == "routine"


def test_a_stricter_scoring_with_its_mark() -> None:
    from agents.arguments import quality_floor

    assert quality_floor("score them once more, a bit stricter, say 0.9") == 0.9
    assert quality_floor("less strict this time, around 0.6 maybe") == 0.6


def test_saving_the_threads_table_under_a_name_keeps_its_format() -> None:
    from agents.planner import _save_last_output

    memory = {"last_table": "labeling/gulls-run/labeled.csv"}
    plan = _save_last_output(
        "Lovely. Keep that as gull_counts.parquet", ["gull_counts.parquet"], memory
    )
    assert plan is not None
    assert plan.steps[0].args["format"] == "parquet"
    assert plan.steps[0].args["path"] == "gull_counts.parquet"


def test_an_output_folder_said_as_a_field_or_put_it_all_in() -> None:
    assert (
        stated("label_dataset", "Classes: a, b. Output folder: labeling/gull_run. Then save")[
            "output_dir"
        ]
        == "labeling/gull_run"
    )
    assert stated("label_dataset", "weak labels; output directory runs/terns")["output_dir"] == (
        "runs/terns"
    )
    assert (
        stated("label_dataset", "the ringers marked some. Put it all in labeling/rings please")[
            "output_dir"
        ]
        == "labeling/rings"
    )
    assert "output_dir" not in stated("label_dataset", "put it all in out/rings.csv")
