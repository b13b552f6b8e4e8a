"""Any OpenAI-compatible endpoint through openai + instructor: OpenAI, vLLM, llama.cpp server, Ollama.

Transient failures (timeouts, connection errors, 429, 5xx, a body that is not
JSON) are retried by tenacity with exponential backoff and jitter; the openai
client's own retries are off so there is one retry policy. Answers that fail
the schema are re-asked by instructor with the validation error fed back.
"""

from __future__ import annotations

import json
import logging
import threading
import time

from .base import LLMError, LLMRequest, LLMResult, failure, usage_of

DEFAULT_MODE = "json_schema"
# Our mode names and instructor's: json_schema sends response_format json_schema (vLLM, OpenAI, recent
# llama.cpp server and Ollama); tools uses function calling; json asks for a JSON object; md_json parses a
# ```json block from plain text, for servers with no structured output at all.
MODES = {"json_schema": "JSON_SCHEMA", "tools": "TOOLS", "json": "JSON", "md_json": "MD_JSON"}


class OpenAIProvider:
    name = "openai"

    def __init__(self, model: str, base_url: str | None, api_key: str | None, mode: str = DEFAULT_MODE,
                 timeout: float = 60.0, attempts: int = 5, validation_retries: int = 2,
                 max_concurrency: int = 4, backoff_max: float = 20.0, backoff_base: float = 0.5) -> None:
        import instructor
        import openai

        if mode not in MODES:
            raise LLMError(f"unknown instructor mode {mode!r}; use one of {', '.join(MODES)}")
        logging.getLogger("instructor").setLevel(logging.CRITICAL)  # failures reach the account, not stderr
        self.model = model
        self.max_concurrency = max_concurrency
        self.attempts = attempts
        self.validation_retries = validation_retries
        self.backoff_max = backoff_max
        self.backoff_base = backoff_base
        self._openai = openai
        client = openai.OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=0)
        self._client = instructor.from_openai(client, mode=getattr(instructor.Mode, MODES[mode]))
        self._local = threading.local()

    def complete(self, request: LLMRequest) -> LLMResult:
        from instructor.core.hooks import Hooks
        from tenacity import (
            Retrying,
            retry_if_exception,
            stop_after_attempt,
            wait_random_exponential,
        )

        calls = {"n": 0}
        hooks = Hooks()
        hooks.on("completion:kwargs", lambda *a, **k: calls.__setitem__("n", calls["n"] + 1))
        started = time.perf_counter()
        retrying = Retrying(
            retry=retry_if_exception(self._transient), reraise=True,
            stop=stop_after_attempt(self.attempts), wait=wait_random_exponential(multiplier=self.backoff_base, max=self.backoff_max),
        )
        try:
            for attempt in retrying:
                with attempt:
                    parsed = self._client.chat.completions.create(
                        model=self.model, messages=request.chat(), response_model=request.schema,  # type: ignore[arg-type]
                        max_retries=self.validation_retries, max_tokens=request.max_tokens, temperature=0,
                        hooks=hooks,
                    )
        except Exception as e:
            raise failure(f"openai provider ({self.model})", e) from e
        tokens_in, tokens_out = usage_of(parsed)
        return LLMResult(parsed.model_dump(mode="json"), tokens_in, tokens_out, max(calls["n"], 1),
                         time.perf_counter() - started)

    def _transient(self, error: BaseException) -> bool:
        o = self._openai
        transient = (o.APITimeoutError, o.APIConnectionError, o.RateLimitError, o.InternalServerError,
                     o.APIResponseValidationError, json.JSONDecodeError)
        seen: BaseException | None = error
        while seen is not None:
            if isinstance(seen, transient):
                return True
            if isinstance(seen, o.APIStatusError) and seen.status_code >= 500:
                return True
            seen = seen.__cause__ or seen.__context__
        return False
