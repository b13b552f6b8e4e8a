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
        self._raw = client
        self.base_url = str(client.base_url)
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

    def check(self, timeout: float = 10.0) -> str:
        """Reach the endpoint before a batch asks it anything; returns what was found.

        Raises LLMError when nothing answers there (connection refused, unknown host, timeout) or the key is
        refused. A server without a model list (HTTP 404 or 405) passes: some OpenAI-compatible servers have none.
        """
        o = self._openai
        try:
            models = [m.id for m in self._raw.with_options(timeout=timeout).models.list()]
        except o.APIConnectionError as e:
            raise LLMError(f"cannot reach the LLM endpoint {self.base_url} ({type(e).__name__}: {e.__cause__ or e}); "
                           "start the server, fix --base-url, or run with --provider rules") from e
        except o.AuthenticationError as e:
            raise LLMError(f"the LLM endpoint {self.base_url} refused the key (HTTP 401); set OPENAI_API_KEY or "
                           "EXTRACTOR_API_KEY") from e
        except o.APIStatusError as e:
            return f"{self.base_url} answers (no model list: HTTP {e.status_code})"
        if models and self.model not in models:
            raise LLMError(f"the LLM endpoint {self.base_url} does not serve model {self.model!r}; it serves: "
                           f"{', '.join(models[:10])} (give one with --model)")
        return f"{self.base_url} answers and serves {self.model}"

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
