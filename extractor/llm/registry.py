"""The lazy provider registry: a provider's libraries are imported only when it is made."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import ConfigError
from extractor.settings import Settings

from .base import Provider

PROVIDERS = ("rules", "local", "openai", "replay", "oracle")
DEFAULT_RECORDINGS = Path("tests/fixtures/recordings")


@dataclass(frozen=True)
class LLMConfig:
    """How to reach an LLM: which provider, which model, where, and how hard to try."""

    provider: str
    model: str | None = None
    model_path: Path | None = None
    base_url: str | None = None
    mode: str = "json_schema"
    concurrency: int = 4
    timeout: float = 60.0
    recordings: Path | None = None
    replay_source: str = "local"
    record: Path | None = None


def resolve_provider(requested: str | None, base_url: str | None) -> str:
    """The provider a run uses: as asked; else openai when --base-url is given; else EXTRACTOR_PROVIDER; else openai
    when an endpoint is set in the environment; else rules.

    The rules are the default because the embedded local models did not beat them on the corpus (README, "Providers").
    """
    provider = (requested or ("openai" if base_url else None) or os.environ.get("EXTRACTOR_PROVIDER")
                or ("openai" if endpoint(None) else "rules"))
    if provider not in PROVIDERS:
        raise ConfigError(f"unknown provider {provider!r}; choose one of {', '.join(PROVIDERS)}")
    return provider


def endpoint(base_url: str | None) -> str | None:
    return base_url or os.environ.get("EXTRACTOR_BASE_URL") or os.environ.get("OPENAI_BASE_URL")


def api_key() -> str | None:
    return os.environ.get("EXTRACTOR_API_KEY") or os.environ.get("OPENAI_API_KEY")


def make_provider(config: LLMConfig, settings: Settings) -> Provider:
    """Build the provider a config names (never `rules`, which needs none)."""
    provider: Provider
    if config.provider == "openai":
        from .openai_provider import OpenAIProvider

        model = config.model or os.environ.get("EXTRACTOR_MODEL")
        if not model:
            raise ConfigError("the openai provider needs --model (or EXTRACTOR_MODEL): the model name the endpoint serves")
        key = api_key()
        url = endpoint(config.base_url)
        if url is None and key is None:
            raise ConfigError("the openai provider needs OPENAI_API_KEY (or EXTRACTOR_API_KEY) for api.openai.com, "
                              "or --base-url for a local OpenAI-compatible server")
        provider = OpenAIProvider(model, url, key, config.mode, config.timeout, max_concurrency=max(1, config.concurrency))
    elif config.provider == "local":
        from extractor.llm.models import resolve_model

        from .local_provider import LocalProvider, require_llama_cpp

        require_llama_cpp()  # before assembling a model it could not run
        name, path = resolve_model(config.model, config.model_path, settings)
        provider = LocalProvider(path, name)
    elif config.provider == "replay":
        from extractor.llm.models import DEFAULT_MODEL

        from .replay import ReplayProvider

        recordings = config.recordings or DEFAULT_RECORDINGS
        if not recordings.is_dir():
            raise ConfigError(f"{recordings}: no recordings folder to replay from (give --replay DIR)")
        provider = ReplayProvider(recordings, config.replay_source, config.model or DEFAULT_MODEL)
    elif config.provider == "oracle":
        raise ConfigError("the oracle answers from gold: use it through `extractor eval --oracle-p P`")
    else:
        raise ConfigError(f"provider {config.provider!r} does not use an LLM")
    if config.record is not None:
        from .replay import RecordingProvider

        provider = RecordingProvider(provider, config.record)
    return provider
