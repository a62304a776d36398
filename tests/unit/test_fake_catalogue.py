"""The benchmark's fake catalogue answers a dataset id it lacks with a made-up dataset (the real
Hub has it), through the real huggingface_hub client; the tests' plain fake Hub still answers 404."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from huggingface_hub import HfApi
from huggingface_hub.errors import RepositoryNotFoundError

from tests.utils.fake_catalogue import serve_fake_sources
from tests.utils.fake_hub import FakeHub


def test_an_id_the_catalogue_lacks_stands_in_as_a_made_up_dataset() -> None:
    with serve_fake_sources() as (hub, _):
        api = HfApi(endpoint=hub.url)
        for repo_id in ("lex_glue", "bigbio/med_qa"):
            info = api.dataset_info(repo_id)
            assert info.id == repo_id
            files = api.list_repo_files(repo_id, repo_type="dataset")
            assert "data/train.csv" in files
        # no made-up dataset for an id the Hub could not hold
        for bad in ("a/b/c", "a/..", "x%00y", ".", "%2e", "-", "_", "a/.", "-a-/--", "a/%C3%A9t"):
            with pytest.raises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(f"{hub.url}/api/datasets/{bad}")
            assert caught.value.code in (401, 404)
        assert not any(r.startswith(("a/", "x", ".", "-", "_")) for r in hub.datasets)


def test_the_tests_fake_hub_still_answers_not_found() -> None:
    hub = FakeHub()
    with hub.serve():
        with pytest.raises(RepositoryNotFoundError):
            HfApi(endpoint=hub.url).dataset_info("lex_glue")
