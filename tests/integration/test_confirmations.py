"""Human-in-the-loop confirmations: a big download pauses the run until a person answers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.utils.fake_hub import FakeHub
from tests.utils.servers import ServerProcess, start_server


@pytest.fixture(scope="module")
def hub_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeHub, ServerProcess]]:
    hub = FakeHub()
    hub.add_dataset("acme/big", {"train.csv": b"text,label\n" + b"some text,1\n" * 200_000})
    with hub.serve():
        proc = start_server(
            {
                "FORGEFLOW_HOME": str(tmp_path_factory.mktemp("confirm")),
                "HF_ENDPOINT": hub.url,
                "HF_TOKEN_PATH": "/nonexistent/forgeflow-test/hf-token",
                "FORGEFLOW_CONFIRM_DOWNLOAD_MB": "1",
            }
        )
        yield hub, proc
        proc.stop()


def test_big_download_waits_for_yes(hub_server) -> None:
    hub, srv = hub_server
    with srv.client() as c:
        first = c.post("/generate", json={"goal": "download acme/big from hugging face"}).json()
        assert first["status"] == "interrupted", first
        assert "MB" in first["result"]["question"] and "Download it?" in first["result"]["question"]
        # Nothing was fetched before the answer.
        assert hub.count("GET", "/datasets/acme/big/resolve") == 0
        second = c.post("/generate", json={"goal": "yes", "thread_id": first["thread_id"]}).json()
        assert second["status"] == "completed", second
        record = second["result"]["steps"][0]["output"]["dataset"]
        assert record["dataset_id"] == "acme/big" and record["size_bytes"] > 1_000_000
        assert hub.count("GET", "/datasets/acme/big/resolve") >= 1


def test_big_download_declined_fetches_nothing(hub_server) -> None:
    hub, srv = hub_server
    with srv.client() as c:
        for record in c.get("/datasets").json()["datasets"]:
            c.delete(f"/datasets/{record['id']}")
        before = hub.count("GET", "/datasets/acme/big/resolve")
        first = c.post(
            "/generate",
            json={"goal": "download acme/big from hugging face", "thread_id": "decline-1"},
        ).json()
        assert first["status"] == "interrupted"
        second = c.post("/generate", json={"goal": "no thanks", "thread_id": "decline-1"}).json()
        step = second["result"]["steps"][0]
        assert step["status"] == "skipped" and "not confirmed" in step["reason"]
        assert hub.count("GET", "/datasets/acme/big/resolve") == before


def test_code_labeling_functions_wait_for_confirmation(make_server) -> None:
    from pathlib import Path

    from tests.utils.fake_openai import FakeOpenAI, FakeReply

    code = "def says_good(x):\n    return 1 if 'good' in x.text else -1\n"
    call = FakeReply(
        tool_calls=[
            {
                "name": "apply_labeling_functions",
                "arguments": {
                    "dataset": "reviews.csv",
                    "classes": ["bad", "good"],
                    "labeling_functions": [{"name": "says_good", "code": code}],
                },
            }
        ]
    )
    with FakeOpenAI([call]) as fake:
        srv = make_server(
            {
                "FORGEFLOW_LLM": "openai:m",
                "OPENAI_BASE_URL": fake.base_url,
                "FORGEFLOW_CONFIRM_CODE": "1",
            }
        )
        data = Path(srv.env["FORGEFLOW_HOME"]) / "workspace"
        data.mkdir(parents=True, exist_ok=True)
        (data / "reviews.csv").write_text("id,text\n1,good film\n2,dull plot\n3,so good\n")
        with srv.client() as c:
            first = c.post("/generate", json={"goal": "apply my code LF to reviews.csv"}).json()
            assert first["status"] == "interrupted", first
            assert "says_good" in first["result"]["question"]
            assert first["result"]["interrupt"]["type"] == "confirm"
            second = c.post(
                "/generate", json={"goal": "yes", "thread_id": first["thread_id"]}
            ).json()
        assert second["status"] == "completed", second
        output = second["result"]["steps"][0]["output"]
        assert output["errors"] == []
        assert output["votes"] == {"bad": 0, "good": 2}  # the code ran, in the sandbox
