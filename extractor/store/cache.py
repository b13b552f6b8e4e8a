"""The database as the LLM client's response cache."""

from __future__ import annotations

from typing import Any

from extractor.llm import LLMRequest, LLMResult
from extractor.store.database import Store


class StoreCache:
    """The database as the LLM client's response cache (used on the calling thread only)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str) -> dict[str, Any] | None:
        return self.store.cache_get(key)

    def put(self, key: str, provider: str, model: str, request: LLMRequest, result: LLMResult) -> None:
        self.store.cache_put(key, provider, model, request.purpose, request.prompt_version, result.data,
                             result.tokens_in, result.tokens_out)
