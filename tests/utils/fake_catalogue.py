"""A fixed fake Hub and Kaggle catalogue that answers any search, served for benchmark runs."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from tests.utils.fake_hub import FakeHub
from tests.utils.fake_kaggle import FakeKaggle

KAGGLE_USER, KAGGLE_KEY = "bench", "bench-key"
GLUE_SHA = "bcdcba79d07bc864c1c254ccfcedcce55bcc9a8c"  # the revision the dev goals pin
# Owners (and name suffixes, download counts) of the datasets made up for a search's words.
MADE_UP = (("open-data", "", 900), ("community-lab", "-v2", 300), ("hub-samples", "-small", 40))


def _sha(name: str) -> str:
    """A stable commit sha for a made-up repo (the same for every run and every order)."""
    return hashlib.sha1(name.encode()).hexdigest()


def _csv(header: str, rows: list[str]) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def _text_table(words: str) -> bytes:
    """A small text/label table about `words`."""
    rows = [f'"{words} example {i}: {tone}",{tone}' for i in range(12) for tone in ("pos", "neg")]
    return _csv("text,label", rows)


def _slug(text: str) -> str:
    """The first few words of a query as a repo name ('job postings?' -> 'job-postings')."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:5])


def build_hub() -> FakeHub:
    """A fake Hub with a few well-known datasets and models; unknown searches and unknown repo
    ids a request names get made-up repos."""
    hub = FakeHub()
    glue_card = {
        "configs": [
            {"config_name": name, "data_files": [{"split": "train", "path": f"{name}/train.csv"}]}
            for name in ("cola", "mrpc", "sst2")
        ],
        "dataset_info": [
            {"config_name": name, "splits": [{"name": "train", "num_examples": 24}]}
            for name in ("cola", "mrpc", "sst2")
        ],
    }
    hub.add_dataset(
        "nyu-mll/glue",
        {
            "cola/train.csv": _text_table("grammatical sentence"),
            "mrpc/train.csv": _text_table("paraphrase pair"),
            "sst2/train.csv": _text_table("movie sentence"),
        },
        sha=GLUE_SHA,
        card=glue_card,
        downloads=5000,
        likes=400,
        trending=50,
    )
    squad = [f'"Context {i} about topic {i}.","What is topic {i}?","topic {i}"' for i in range(20)]
    hub.add_dataset(
        "rajpurkar/squad",
        {"plain_text/train.csv": _csv("context,question,answer", squad)},
        sha=_sha("rajpurkar/squad"),
        downloads=8000,
        likes=300,
        trending=40,
    )
    for repo, words, downloads in (
        ("stanfordnlp/imdb", "movie review", 9000),
        ("acme/tweet-sentiment", "tweet sentiment", 700),
        ("acme/product-sentiment", "product review sentiment", 200),
    ):
        hub.add_dataset(
            repo,
            {"plain_text/train.csv": _text_table(words)},
            sha=_sha(repo),
            downloads=downloads,
            likes=downloads // 20,
            trending=downloads // 100,
        )
    for model, task, results in (
        ("acme/bert-imdb", "text-classification", [("imdb", "accuracy", 0.93), ("imdb", "f1", 0.92)]),
        ("acme/roberta-imdb", "text-classification", [("imdb", "accuracy", 0.95), ("imdb", "f1", 0.94)]),
        ("acme/tiny-sst2", "text-classification", [("sst2", "accuracy", 0.88)]),
        ("acme/bert-ner", "token-classification", [("conll2003", "f1", 0.91)]),
        ("acme/roberta-ner", "token-classification", [("conll2003", "f1", 0.93)]),
        ("acme/bert-squad", "question-answering", [("squad", "f1", 0.88), ("squad", "exact_match", 0.81)]),
    ):  # fmt: skip
        hub.add_model(model, task, downloads=int(1000 * results[0][2]), results=results)

    def made_up(text: str) -> list[str]:
        slug = _slug(text)
        if not slug:
            return sorted(hub.datasets)
        ids = []
        for owner, suffix, downloads in MADE_UP:
            repo = f"{owner}/{slug}{suffix}"
            if repo not in hub.datasets:
                words = slug.replace("-", " ")
                hub.add_dataset(
                    repo,
                    {"data/train.csv": _text_table(words), "data/test.csv": _text_table(words)},
                    sha=_sha(repo),
                    downloads=downloads,
                    likes=downloads // 10,
                    description=f"A made-up dataset of {words} (forgeflow's fake Hub).",
                )
            ids.append(repo)
        return ids

    def named(repo_id: str) -> bool:
        # a dataset the goal names that the catalogue lacks ('download lex_glue'): the real Hub
        # has it, so a made-up one stands in and the turn measures the plan, not the catalogue
        # only an id the Hub could hold: one or two parts of ASCII letters, digits, '.', '_'
        # and '-', each starting and ending with a letter or digit, no '..' or '--'
        part = r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?"
        if not re.fullmatch(rf"(?:{part}/)?{part}", repo_id) or re.search(r"\.\.|--", repo_id):
            return False
        words = _slug(repo_id.rsplit("/", 1)[-1].replace("_", " ")).replace("-", " ")
        hub.add_dataset(
            repo_id,
            {"data/train.csv": _text_table(words), "data/test.csv": _text_table(words)},
            sha=_sha(repo_id),
            downloads=100,
            likes=10,
            description=f"A made-up dataset of {words} (forgeflow's fake Hub).",
        )
        return True

    hub.search_fallback = made_up
    hub.repo_fallback = named
    return hub


def build_kaggle() -> FakeKaggle:
    """A fake Kaggle with a few well-known datasets; unknown searches get made-up datasets."""
    kg = FakeKaggle()
    kg.users = {KAGGLE_USER: KAGGLE_KEY}
    for ref, title, votes in (
        ("mlg-ulb/creditcardfraud", "Credit Card Fraud Detection", 900),
        ("yasserh/titanic-dataset", "Titanic Dataset", 500),
        ("uciml/iris", "Iris Species", 300),
    ):
        files = {ref.split("/")[1] + ".csv": _text_table(title.lower())}
        kg.add_dataset(ref, title, files, vote_count=votes, download_count=votes * 10)

    def made_up(text: str) -> list[str]:
        slug = _slug(text)
        if not slug:
            return sorted(kg.datasets)
        ids = []
        for owner, suffix, votes in MADE_UP:
            ref = f"{owner}/{slug}{suffix}"
            if ref not in kg.datasets:
                words = slug.replace("-", " ")
                kg.add_dataset(
                    ref,
                    f"{words.capitalize()}{suffix.replace('-', ' ')}",
                    {"data.csv": _text_table(words)},
                    vote_count=votes,
                    download_count=votes * 10,
                )
            ids.append(ref)
        return ids

    kg.search_fallback = made_up
    return kg


@contextmanager
def serve_fake_sources() -> Iterator[tuple[FakeHub, FakeKaggle]]:
    """Serve both fakes on 127.0.0.1 and point huggingface_hub and kaggle at them until exit.

    Sets the process environment (HF_ENDPOINT, FORGEFLOW_KAGGLE_ENDPOINT, KAGGLE_USERNAME/KEY,
    a token path and Kaggle config folder that hold nothing) and huggingface_hub's constants,
    which it reads at import; a developer's own tokens are hidden. Restores everything on exit.
    """
    from huggingface_hub import constants

    hub, kg = build_hub(), build_kaggle()
    with ExitStack() as stack:
        stack.enter_context(hub.serve())
        kaggle_server = stack.enter_context(kg.serve())
        config_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="ff-kaggle-"))
        env = {
            "HF_ENDPOINT": hub.url,
            "HF_TOKEN_PATH": "/nonexistent/forgeflow-bench/hf-token",
            "FORGEFLOW_KAGGLE_ENDPOINT": kaggle_server.url,
            "KAGGLE_USERNAME": KAGGLE_USER,
            "KAGGLE_KEY": KAGGLE_KEY,
            "KAGGLE_CONFIG_DIR": config_dir,
        }
        hidden = ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE", "KAGGLE_API_TOKEN")
        saved_env = {k: os.environ.get(k) for k in (*env, *hidden)}
        saved_constants = {
            k: getattr(constants, k)
            for k in ("ENDPOINT", "HUGGINGFACE_CO_URL_TEMPLATE", "HF_TOKEN_PATH", "HF_HUB_OFFLINE")
        }
        os.environ.update(env)
        for name in hidden:
            os.environ.pop(name, None)
        constants.ENDPOINT = hub.url
        constants.HUGGINGFACE_CO_URL_TEMPLATE = hub.url + "/{repo_id}/resolve/{revision}/{filename}"
        constants.HF_TOKEN_PATH = env["HF_TOKEN_PATH"]
        constants.HF_HUB_OFFLINE = False
        try:
            yield hub, kg
        finally:
            for name, value in saved_constants.items():
                setattr(constants, name, value)
            for name, value in saved_env.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
