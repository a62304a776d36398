"""Chat models from FORGEFLOW_LLM (builtin, openai:<model>, gemini:<model>) and prompt templates."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2
from langchain_core.language_models import BaseChatModel

from errors import BadInput
from settings import Settings, get_settings

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"


@functools.lru_cache(maxsize=1)
def _jinja() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(PROMPTS_DIR),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def load_prompt(name: str, **variables: Any) -> str:
    """Render `prompts/<name>.jinja2`; a missing variable is an error, never an empty string."""
    return _jinja().get_template(f"{name}.jinja2").render(**variables)


def describe_llm(spec: str | None = None) -> dict[str, str]:
    """Split an LLM spec into provider and model for display."""
    spec = spec or get_settings().llm
    provider, _, model = spec.partition(":")
    return {"provider": provider, "model": model or "builtin"}


def get_chat_model(
    settings: Settings | None = None, spec: str | None = None
) -> BaseChatModel | None:
    """The configured chat model, or None for the built-in (offline, deterministic) roles."""
    settings = settings or get_settings()
    spec = (spec or settings.llm).strip()
    if spec == "builtin":
        return None
    provider, _, model = spec.partition(":")
    if provider == "openai":
        from langchain_openai import ChatOpenAI

        kwargs: dict[str, Any] = {
            "model": model,
            "timeout": settings.llm_timeout,
            "max_retries": settings.llm_max_retries,
            "temperature": 0,
        }
        if settings.openai_base_url:
            kwargs["base_url"] = settings.openai_base_url
        # Local OpenAI-compatible servers (vLLM, Ollama, llama.cpp) often need no key.
        kwargs["api_key"] = settings.openai_api_key or "not-needed"
        return ChatOpenAI(**kwargs)
    if provider == "gemini":
        if not settings.google_api_key:
            raise BadInput(
                "FORGEFLOW_LLM uses Gemini but no Google API key is set",
                hint="set GOOGLE_API_KEY (or FORGEFLOW_GOOGLE_API_KEY)",
                code="llm_not_configured",
            )
        from langchain_google_genai import ChatGoogleGenerativeAI

        return ChatGoogleGenerativeAI(
            model=model,
            google_api_key=settings.google_api_key,
            temperature=0,
            timeout=settings.llm_timeout,
            max_retries=settings.llm_max_retries,
        )
    raise BadInput(
        f"unknown LLM provider {provider!r}", hint="use builtin, openai:<model> or gemini:<model>"
    )
