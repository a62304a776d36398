"""Alembic migrations: a fresh database, a home made before migrations, and drift from models."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from store import db
from store import runs as run_store

OLD_JOB_TABLES = {"labeling_jobs", "training_jobs", "qa_jobs"}


def _config(conn) -> Config:  # noqa: ANN001
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def _legacy_home(path: Path) -> None:
    """A SQLite home as main made it before Alembic: tables only, old job rows in them."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_config(conn), db.BASELINE)
        conn.exec_driver_sql("DROP TABLE alembic_version")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO labeling_jobs VALUES ('lbl_old1','completed','done',?,?,NULL,"
        "'2026-01-01 10:00:00','2026-01-01 10:05:00')",
        (json.dumps({"raw_data_path": "a.csv"}), json.dumps({"labeled_path": "x.parquet"})),
    )
    con.execute(
        "INSERT INTO training_jobs VALUES ('job_old2','train-model','running',0.4,'epoch 3',"
        "'{}',NULL,NULL,'2026-01-01 10:00:00','2026-01-01 10:01:00')"
    )
    con.execute(
        "INSERT INTO qa_jobs VALUES ('regenerate_old3','regenerate','failed',50.0,'judging',"
        "NULL,'{}',NULL,'the model went away','2026-01-01 10:00:00',NULL,"
        "'2026-01-01 10:02:00')"
    )
    con.execute(
        "INSERT INTO runs VALUES ('run_old4','thr_1','goal','inspect iris','completed',100.0,'',"
        "'2026-01-01 09:00:00',NULL,NULL,'{}','{\"message\": \"ok\"}',NULL)"
    )
    con.commit()
    con.close()


def test_old_sqlite_home_is_migrated_and_old_job_ids_keep_answering(home: Path) -> None:
    _legacy_home(db.get_settings().sqlite_path)
    engine = db.engine()  # first use: stamps the baseline, then upgrades to head
    tables = set(inspect(engine).get_table_names())
    assert not tables & OLD_JOB_TABLES
    assert {"runs", "run_events", "workers", "run_secrets"} <= tables
    labeling = run_store.get_run("lbl_old1")
    assert labeling["status"] == "completed" and labeling["alias"] == "lbl_old1"
    assert labeling["source"] == "labeling" and labeling["tool"] == "label_dataset"
    assert labeling["result"] == {"labeled_path": "x.parquet"}
    training = run_store.get_run("job_old2")
    # A job that was running when its server stopped cannot resume: it ends failed.
    assert training["status"] == "failed" and training["error"]["code"] == "server_restarted"
    qa = run_store.get_run("regenerate_old3")
    assert qa["error"]["message"] == "the model went away" and qa["tool"] == "qa_regenerate"
    assert run_store.get_run("run_old4")["source"] == "generate"


def test_migrations_match_the_models(home: Path) -> None:
    engine = db.engine()
    db.all_table_modules()
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), db.Base.metadata)
    assert diff == [], "a table changed without a migration: add one in store/migrations"
