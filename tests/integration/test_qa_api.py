"""The QA datasets HTTP API against a real server: projects, documents, jobs, entries, downloads."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pydoc_data.topics import topics
from typing import Any

import httpx
import pandas as pd
import pytest

from tests.unit.test_qa_documents import make_pdf
from tests.utils.servers import ServerProcess


def _wait(client: httpx.Client, job_id: str, timeout: float = 90.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(f"/api/v1/datasets/generate/{job_id}/status").json()
        if status["status"] in ("completed", "failed"):
            return status
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish: {status}")


def _project(client: httpx.Client, name: str = "pydoc") -> int:
    created = client.post("/api/v1/projects", json={"name": name})
    assert created.status_code == 200
    return created.json()["id"]


def _upload_topics(client: httpx.Client, pid: int, names: list[str]) -> httpx.Response:
    files = [("files", (f"{n}.txt", topics[n].encode(), "text/plain")) for n in names]
    return client.post(f"/api/v1/projects/{pid}/documents", files=files)


def _generated_dataset(client: httpx.Client, **extra: Any) -> tuple[int, dict[str, Any]]:
    pid = _project(client)
    assert _upload_topics(client, pid, ["assert", "while", "for"]).status_code == 200
    started = client.post(
        "/api/v1/datasets/generate", json={"project_id": pid, "datasets_per_chunk": 2, **extra}
    )
    assert started.status_code == 200 and started.json()["message"]
    status = _wait(client, started.json()["job_id"])
    assert status["status"] == "completed", status
    assert status["progress"] == 100.0 and status["error"] is None
    return pid, status["result"]


def test_projects_documents_and_chunks(server: ServerProcess) -> None:
    with server.client() as client:
        assert client.post("/api/v1/projects", json={"name": ""}).status_code == 422
        pid = _project(client, "docs")
        files = [
            ("files", ("guide.md", b"# Guide\n\n" + topics["class"].encode(), "text/markdown")),
            (
                "files",
                ("page.html", b"<h1>Loops</h1><p>" + topics["for"].encode() + b"</p>", "text/html"),
            ),
            (
                "files",
                (
                    "paper.pdf",
                    make_pdf(["Photosynthesis converts light into chemical energy."]),
                    "application/pdf",
                ),
            ),
            ("files", ("empty.txt", b"", "text/plain")),
            ("files", ("tool.exe", b"MZ\x00\x00", "application/octet-stream")),
        ]
        up = client.post(f"/api/v1/projects/{pid}/documents", files=files)
        assert up.status_code == 200
        body = up.json()
        assert body["uploaded"] == 3 and body["failed"] == 2
        errors = {r["filename"]: r.get("error", "") for r in body["results"]}
        assert "empty" in errors["empty.txt"] and "unsupported" in errors["tool.exe"]
        docs = client.get(f"/api/v1/projects/{pid}/documents").json()
        assert docs["total"] == 3 and {d["format"] for d in docs["documents"]} == {
            "md",
            "html",
            "pdf",
        }

        only_bad = client.post(
            f"/api/v1/projects/{pid}/documents", files=[("files", ("e.txt", b" ", "text/plain"))]
        )
        assert only_bad.status_code == 400 and "e.txt" in only_bad.json()["error"]["message"]
        outside = client.post(
            f"/api/v1/projects/{pid}/documents", json={"paths": ["../../etc/passwd"]}
        )
        assert outside.status_code == 403
        unknown = client.post("/api/v1/projects/9999/documents", json={"paths": ["a.txt"]})
        assert (
            unknown.status_code == 404
            and "POST /api/v1/projects" in unknown.json()["error"]["hint"]
        )
        assert client.get("/api/v1/projects/9999").status_code == 404
        assert client.get(f"/api/v1/projects/{pid}/chunks").status_code == 404  # not chunked yet

        chunked = client.post(
            f"/api/v1/projects/{pid}/chunks",
            json={"strategy": "markdown", "chunk_size": 800, "min_chars": 60},
        )
        assert chunked.status_code == 200
        out = chunked.json()
        assert out["chunk_count"] >= 3
        # the one-line PDF is shorter than min_chars: reported, not silently dropped
        assert [(t["filename"], t["min_chars"]) for t in out["too_short"]] == [("paper.pdf", 60)]
        page = client.get(f"/api/v1/projects/{pid}/chunks", params={"per_page": 2}).json()
        assert page["total"] == out["chunk_count"] and len(page["chunks"]) == 2
        assert page["chunks"][0]["end"] > page["chunks"][0]["start"]
        bad_chunk = client.post(
            f"/api/v1/projects/{pid}/chunks",
            json={"strategy": "fixed", "chunk_size": 100, "chunk_overlap": 100},
        )
        assert bad_chunk.status_code == 400 and "overlap" in bad_chunk.json()["error"]["message"]
        tax = client.put(
            f"/api/v1/projects/{pid}/taxonomies/topics", json={"categories": ["Loops", "Classes"]}
        )
        assert tax.json()["taxonomies"]["topics"] == ["Loops", "Classes"]
        listed = client.get("/api/v1/projects").json()
        assert any(
            p["id"] == pid and p["chunk_count"] == out["chunk_count"] for p in listed["projects"]
        )


def test_config_parameters_and_generation_errors(server: ServerProcess) -> None:
    with server.client() as client:
        prompts = client.get("/api/v1/datasets/config/default-prompts").json()["prompts"]
        assert "<chunk>" in prompts["question and answer"] and "summar" in prompts["summarization"]
        high = client.get("/api/v1/datasets/config/high-level-prompts").json()
        assert "complexity_options" in high and high["audience_defaults"]

        pid = _project(client)
        assert client.get(f"/api/v1/datasets/parameters/{pid}").json() == {"parameters": None}
        saved = client.post(
            "/api/v1/datasets/parameters",
            json={
                "project_id": pid,
                "purpose": "exam prep",
                "audience": "students",
                "domain": "python",
            },
        ).json()
        assert saved["project_id"] == pid and saved["parameter_id"]
        params = client.get(f"/api/v1/datasets/parameters/{pid}").json()["parameters"]
        assert params["purpose"] == "exam prep" and params["domain"] == "python"
        assert (
            client.post("/api/v1/datasets/parameters", json={"project_id": 9999}).status_code == 404
        )
        assert client.post("/api/v1/datasets/parameters", json={"purpose": "x"}).status_code == 422
        assert client.get("/api/v1/datasets/parameters/9999").status_code == 404

        assert (
            client.post("/api/v1/datasets/generate", json={"project_id": 9999}).status_code == 404
        )
        bad_format = client.post(
            "/api/v1/datasets/generate", json={"project_id": pid, "format_type": "xml"}
        )
        assert bad_format.status_code == 422
        outside = client.post(
            "/api/v1/datasets/generate", json={"project_id": pid, "output_dir": "/tmp"}
        )
        assert outside.status_code == 403 and "workspace" in outside.json()["error"]["message"]
        # a project without documents: the job fails with a clear error
        empty = client.post("/api/v1/datasets/generate", json={"project_id": pid}).json()
        status = _wait(client, empty["job_id"])
        assert status["status"] == "failed" and "no parsed documents" in status["error"]
        missing = client.get("/api/v1/datasets/generate/nope/status")
        assert missing.status_code == 404 and missing.json()["error"]["hint"]
        assert client.get("/api/v1/datasets/dataset_nope").status_code == 404
        assert client.get("/api/v1/datasets/dataset_nope/entries").status_code == 404
        assert client.get("/api/v1/datasets/dataset_nope/download").status_code == 404
        nope = "/api/v1/datasets/dataset_nope"
        assert client.put(f"{nope}/entries/entry_1", json={"category": "x"}).status_code == 404
        assert client.post(f"{nope}/feedback", json={"entry_ids": ["entry_1"]}).status_code == 404
        assert client.post(f"{nope}/regenerate", json={"entry_ids": ["entry_1"]}).status_code == 404
        assert client.post(f"{nope}/regenerate", json={"entry_ids": []}).status_code == 422
        assert client.get(f"{nope}/download", params={"format": "xlsx"}).status_code == 422
        evaluation = client.post("/api/v1/datasets/generate-evaluation", json={"project_id": 9999})
        assert evaluation.status_code == 404 and evaluation.json()["error"]["hint"]


def test_generate_read_edit_feedback_regenerate_download(server: ServerProcess) -> None:
    with server.client() as client:
        _pid, result = _generated_dataset(
            client,
            include_evaluation_sets=True,
            output_dir="exports/qa1",
            classification_model="gemini",
        )
        ds = result["dataset_id"]
        # a bare model name from an old client is reported, and the server's model is used
        assert any("classification_model 'gemini'" in n for n in result["notes"])
        assert result["counts"]["kept"] > 5 and result["export"]["zip"].startswith("exports/qa1/")
        assert set(result["export"]["split_counts"]) == {"train", "validation", "test"}

        full = client.get(f"/api/v1/datasets/{ds}").json()
        entries = full["entries"]
        assert full["total_entries"] == len(entries) == result["counts"]["kept"]
        scores = [e["quality_score"] for e in entries]
        summary = full["quality_summary"]
        assert summary["average_score"] == pytest.approx(sum(scores) / len(scores), abs=1e-4)
        assert sum(summary["distribution"].values()) == len(entries)
        assert sum(summary["categories"].values()) == len(entries)

        page = client.get(
            f"/api/v1/datasets/{ds}/entries",
            params={"page": 2, "per_page": 3, "sort_by": "quality"},
        ).json()
        assert page["total"] == len(entries) and page["page"] == 2 and len(page["entries"]) <= 3
        ordered = client.get(
            f"/api/v1/datasets/{ds}/entries", params={"per_page": 500, "sort_by": "difficulty"}
        ).json()
        ranks = [
            {"basic": 0, "intermediate": 1, "advanced": 2}[e["difficulty"]]
            for e in ordered["entries"]
        ]
        assert ranks == sorted(ranks)
        assert (
            client.get(f"/api/v1/datasets/{ds}/entries", params={"sort_by": "length"}).status_code
            == 422
        )

        target = entries[0]
        edited = client.put(
            f"/api/v1/datasets/{ds}/entries/{target['id']}",
            json={
                "answer": "Penguins live mostly in the Southern Hemisphere.",
                "category": "Edited",
                "feedback": "fixed",
            },
        )
        assert (
            edited.status_code == 200
            and edited.json()["message"] == f"Entry {target['id']} updated successfully"
        )
        assert (
            client.put(
                f"/api/v1/datasets/{ds}/entries/entry_999999", json={"category": "x"}
            ).status_code
            == 404
        )
        assert (
            client.put(f"/api/v1/datasets/{ds}/entries/{target['id']}", json={}).status_code == 400
        )
        after_edit = {e["id"]: e for e in client.get(f"/api/v1/datasets/{ds}").json()["entries"]}
        changed = after_edit[target["id"]]
        assert changed["answer"].startswith("Penguins") and changed["category"] == "Edited"
        assert changed["quality_score"] <= 0.5  # re-judged: the new answer is not in its chunk
        assert changed["feedback"][0]["comments"] == "fixed"

        fb = client.post(
            f"/api/v1/datasets/{ds}/feedback",
            json={
                "entry_ids": [target["id"], entries[1]["id"]],
                "feedback_type": "quality_issue",
                "comments": "off-topic",
                "rating": 2,
            },
        )
        assert fb.status_code == 200 and fb.json()["message"] == "Feedback submitted for 2 entries"
        assert (
            client.post(
                f"/api/v1/datasets/{ds}/feedback", json={"entry_ids": [target["id"]], "rating": 6}
            ).status_code
            == 422
        )
        assert (
            client.post(
                f"/api/v1/datasets/{ds}/feedback", json={"entry_ids": ["entry_999999"]}
            ).status_code
            == 404
        )
        seen = {e["id"]: e for e in client.get(f"/api/v1/datasets/{ds}").json()["entries"]}
        assert seen[entries[1]["id"]]["feedback"][-1]["comments"] == "off-topic"
        assert seen[entries[1]["id"]]["rating"] == 2

        regen = client.post(
            f"/api/v1/datasets/{ds}/regenerate",
            json={"entry_ids": [target["id"]], "regeneration_config": {"improve_quality": True}},
        )
        assert regen.status_code == 200 and regen.json()["job_id"].startswith("regenerate_")
        assert (
            client.post(
                f"/api/v1/datasets/{ds}/regenerate", json={"entry_ids": ["entry_999999"]}
            ).status_code
            == 404
        )
        done = _wait(client, regen.json()["job_id"])
        assert done["status"] == "completed" and done["result"]["regenerated"] == [target["id"]]
        latest = client.get(f"/api/v1/datasets/{ds}").json()
        rewritten = {e["id"]: e for e in latest["entries"]}[target["id"]]
        assert not rewritten["answer"].startswith("Penguins") and rewritten["quality_score"] >= 0.7
        assert rewritten["metadata"]["previous"]["answer"].startswith("Penguins")
        assert [v["reason"] for v in latest["versions"]] == [
            "generate",
            "edit",
            "feedback",
            "regenerate",
        ]
        v1 = client.get(f"/api/v1/datasets/{ds}", params={"version": 1}).json()
        assert {e["id"]: e for e in v1["entries"]}[target["id"]]["answer"] == target["answer"]
        assert client.get(f"/api/v1/datasets/{ds}", params={"version": 42}).status_code == 404

        jsonl = client.get(f"/api/v1/datasets/{ds}/download")
        assert jsonl.status_code == 200 and jsonl.headers["content-type"].startswith(
            "application/x-ndjson"
        )
        rows = [json.loads(line) for line in jsonl.text.splitlines()]
        assert {r["id"] for r in rows} == set(rewritten_ids := {e["id"] for e in latest["entries"]})
        csv_rows = pd.read_csv(
            io.StringIO(
                client.get(f"/api/v1/datasets/{ds}/download", params={"format": "csv"}).text
            )
        )
        assert set(csv_rows["id"]) == rewritten_ids
        parquet = client.get(f"/api/v1/datasets/{ds}/download", params={"format": "parquet"})
        assert set(pd.read_parquet(io.BytesIO(parquet.content))["id"]) == rewritten_ids
        zipped = client.get(f"/api/v1/datasets/{ds}/download", params={"include_splits": True})
        assert zipped.headers["content-type"] == "application/zip"
        with zipfile.ZipFile(io.BytesIO(zipped.content)) as zf:
            names = zf.namelist()
            assert len(names) == 3
            chunk_sets = [
                {json.loads(line)["source_chunk"] for line in zf.read(n).decode().splitlines()}
                for n in names
            ]
        assert all(not (a & b) for i, a in enumerate(chunk_sets) for b in chunk_sets[i + 1 :])


def test_generate_evaluation_splits(server: ServerProcess) -> None:
    with server.client() as client:
        pid = _project(client)
        assert _upload_topics(client, pid, ["try", "with"]).status_code == 200
        started = client.post(
            "/api/v1/datasets/generate-evaluation",
            json={"project_id": pid, "format_type": "parquet", "generation_mode": "instruction"},
        ).json()
        assert started["message"] == "Evaluation dataset generation started"
        status = _wait(client, started["job_id"])
        assert status["status"] == "completed", status
        export = status["result"]["export"]
        assert export["formats"] == ["parquet"] and export["zip"]
        assert {f["split"] for f in export["files"]} == {"train", "validation", "test"}
        ds = client.get(f"/api/v1/datasets/{status['result']['dataset_id']}").json()
        assert ds["format_type"] == "parquet" and all(
            e["mode"] == "instruction" for e in ds["entries"]
        )


def test_a_total_of_pairs_over_http(server: ServerProcess) -> None:
    with server.client() as client:
        _, result = _generated_dataset(client, max_pairs=4)
        ds = client.get(f"/api/v1/datasets/{result['dataset_id']}").json()
        assert len(ds["entries"]) == 4 and result["counts"]["kept"] == 4
        pid = _project(client)
        bad = client.post("/api/v1/datasets/generate", json={"project_id": pid, "max_pairs": 0})
        assert bad.status_code == 422


def test_generation_job_with_an_llm_behind_a_fake_openai_server(make_server) -> None:  # noqa: ANN001
    from tests.unit.test_qa_llm import _judge_reply, _user, _writer_reply
    from tests.utils.fake_openai import FakeOpenAI, FakeReply

    seen = {"writer": 0}

    def respond(request: dict) -> FakeReply | str:
        if "Review these dataset entries" in _user(request):
            return _judge_reply(request, 0.9)
        seen["writer"] += 1
        if seen["writer"] == 1:
            return FakeReply(status=503, headers={"retry-after": "0"})
        return _writer_reply(request)

    with FakeOpenAI(respond) as fake:
        srv = make_server(
            {
                "FORGEFLOW_LLM": "openai:fake-model",
                "OPENAI_BASE_URL": fake.base_url,
                "OPENAI_API_KEY": "test-key",
                "FORGEFLOW_LLM_MAX_RETRIES": "0",
            }
        )
        with srv.client() as client:
            pid = _project(client)
            assert _upload_topics(client, pid, ["assert"]).status_code == 200
            started = client.post(
                "/api/v1/datasets/generate",
                json={"project_id": pid, "datasets_per_chunk": 2, "concurrency": 2},
            ).json()
            status = _wait(client, started["job_id"])
        assert status["status"] == "completed", status
        result = status["result"]
        assert result["writer"] == "fake-model" and result["llm"]["retries"] >= 1
        assert result["counts"]["kept"] > 0 and result["quality_after"]["average_score"] == 0.9
        assert all("<chunk>" in _user(r) for r in fake.requests)
