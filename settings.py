"""Configuration: the one place that reads the environment (pydantic-settings, FORGEFLOW_*)."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

VERSION = "0.1.0"


class Settings(BaseSettings):
    """Every knob of forgeflow; per-request values override these, these override defaults."""

    model_config = SettingsConfigDict(env_prefix="FORGEFLOW_", extra="ignore")

    home: Path = Field(default=Path(".forgeflow"), description="Database and workspace root.")
    llm: str = Field(default="builtin", description="builtin | openai:<model> | gemini:<model>")
    database_url: str = Field(default="", description="Empty: SQLite under home.")
    api_keys: str = Field(default="", description="Comma-separated bearer keys; empty: no auth.")
    max_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    max_attempts: int = Field(default=3, ge=1, le=50)
    max_download_mb: float = Field(default=2048.0, gt=0)
    confirm_download_mb: float = Field(default=0.0, ge=0, description="0 disables the prompt.")
    confirm_code: bool = False
    cache_ttl: float = Field(default=300.0, ge=0)
    cache_dir: Path = Field(
        default=Path("~/.cache/forgeflow"),
        description="Derived files kept between processes (the planner's phrase embeddings).",
    )
    data_dirs: str = Field(default="", description="Extra data folders, os.pathsep-separated.")
    kaggle_endpoint: str = ""
    run_workers: int = Field(default=4, ge=1, le=64, description="Runs executed at once.")
    run_executor: Literal["auto", "inprocess", "queue"] = Field(
        default="auto",
        description="auto: in this process on SQLite, the Postgres queue (forgeflow worker) "
        "on Postgres.",
    )
    heartbeat_interval: float = Field(default=1.0, gt=0, le=60)
    run_stale_after: float = Field(
        default=15.0, gt=0, description="Seconds without a heartbeat before a run is taken over."
    )
    shutdown_grace: float = Field(
        default=20.0, ge=0, description="Seconds a stopping process lets runs finish."
    )
    sweep_interval: float = Field(default=2.0, gt=0, le=300)
    extra_tools: str = Field(
        default="", description="Comma-separated 'module:attr' tools added to the registry."
    )
    llm_timeout: float = Field(default=60.0, gt=0)
    llm_max_retries: int = Field(default=2, ge=0)
    lf_budget_s: float = Field(
        default=600.0, gt=0, description="Wall seconds all code LFs of one request may take."
    )
    max_code_lfs: int = Field(default=50, ge=1, description="Code LFs one request may run.")
    max_lfs: int = Field(default=500, ge=1, description="LFs (any kind) in one request.")
    router_exclude: str = Field(
        default="",
        description="Benchmark knob: goal corpora (comma-separated) left out of the planner "
        "router's training, for leave-one-corpus-out evaluation.",
    )
    meaning: str = Field(
        default="",
        description="Benchmark knob: where the planner binds label columns by meaning "
        "('all', 'ask' or 'off'; empty: agents/meaning.py MODE).",
    )
    router_overrule: str = Field(
        default="",
        description="Benchmark knob: 'gate@confidence,...' lets a router choice at or above "
        "that confidence pass that gate of the planner's arbitration (agents/arbiter.py).",
    )
    max_classes: int = Field(default=200, ge=2, description="Classes one labeling task may have.")
    log_level: str = Field(
        default="",
        pattern=r"(?i)^(|debug|info|warning|error|critical)$",
        description="Empty: INFO for the server, WARNING for the CLI.",
    )

    openai_api_key: str = Field(
        default="", validation_alias=AliasChoices("FORGEFLOW_OPENAI_API_KEY", "OPENAI_API_KEY")
    )
    openai_base_url: str = Field(
        default="", validation_alias=AliasChoices("FORGEFLOW_OPENAI_BASE_URL", "OPENAI_BASE_URL")
    )
    google_api_key: str = Field(
        default="", validation_alias=AliasChoices("FORGEFLOW_GOOGLE_API_KEY", "GOOGLE_API_KEY")
    )

    @field_validator("llm")
    @classmethod
    def _check_llm(cls, value: str) -> str:
        value = value.strip()
        if value == "builtin":
            return value
        provider, _, model = value.partition(":")
        if provider not in {"openai", "gemini"} or not model:
            raise ValueError(
                f"FORGEFLOW_LLM={value!r} is not understood; use 'builtin', "
                "'openai:<model>' or 'gemini:<model>'"
            )
        return value

    @property
    def home_dir(self) -> Path:
        """The resolved home folder (created on first use)."""
        return _folder(_resolved(str(self.home), os.getcwd()))

    @property
    def workspace(self) -> Path:
        """The folder every request-named path must stay inside."""
        return _folder(self.home_dir / "workspace")

    @property
    def data_dir(self) -> Path:
        """Local datasets dropped in by the user (`$FORGEFLOW_HOME/data`)."""
        return _folder(self.home_dir / "data")

    @property
    def extra_data_dirs(self) -> list[Path]:
        """Folders from FORGEFLOW_DATA_DIRS, read-only sources of local datasets."""
        import os

        return [Path(p).expanduser().resolve() for p in self.data_dirs.split(os.pathsep) if p]

    @property
    def sqlite_path(self) -> Path:
        """The SQLite file used when no database URL is set."""
        return self.home_dir / "forgeflow.db"

    @property
    def keys(self) -> list[str]:
        """The configured API keys, without blanks."""
        return [k.strip() for k in self.api_keys.split(",") if k.strip()]


@functools.lru_cache(maxsize=64)
def _resolved(home: str, cwd: str) -> Path:
    """The home folder's absolute path (a planning step asks for it thousands of times; the
    cwd is part of the key, so a relative home follows a change of directory).
    """
    return Path(home).expanduser().resolve()


def _folder(path: Path) -> Path:
    """`path`, created when it is not a folder yet (one stat when it is)."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True)
    return path


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings (cached; call `reset_settings` after changing env)."""
    return Settings()


def reset_settings() -> None:
    """Forget cached settings so the next `get_settings` reads the environment again."""
    get_settings.cache_clear()
