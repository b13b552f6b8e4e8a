"""The embedded default: a GGUF model run in-process by llama-cpp-python, driven through instructor.

llama-cpp-python does not enforce instructor's `{"type": "json_schema"}`
response format, but it does constrain generation to a grammar when given
`{"type": "json_object", "schema": ...}`. A small adapter around the `create`
handed to `instructor.patch` rewrites the one into the other, so the model can
only produce JSON of the requested shape and instructor still validates and
re-asks. One model instance answers one request at a time.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path
from typing import Any

from .base import LLMError, LLMRequest, LLMResult, failure, usage_of

NEEDS_EXTRA = ("the local provider needs llama-cpp-python: install the local extra as the README says "
               "(pip install -e '.[local]' with the CMAKE_ARGS given there), or use --provider rules")


def require_llama_cpp() -> None:
    """Fail with what to do when llama-cpp-python is not installed."""
    try:
        import llama_cpp  # noqa: F401
    except ImportError as e:
        raise LLMError(NEEDS_EXTRA) from e


class LocalProvider:
    name = "local"
    max_concurrency = 1

    def __init__(self, model_path: Path, model_name: str, n_ctx: int = 4096, threads: int | None = None,
                 validation_retries: int = 1) -> None:
        try:
            import instructor
            from llama_cpp import Llama
        except ImportError as e:
            raise LLMError(NEEDS_EXTRA) from e
        logging.getLogger("instructor").setLevel(logging.CRITICAL)  # failures reach the account, not stderr
        self.model = model_name
        self.validation_retries = validation_retries
        self._lock = threading.Lock()
        self._llm = Llama(model_path=str(model_path), n_ctx=n_ctx, n_threads=threads or os.cpu_count() or 2,
                          verbose=False, seed=0)
        self._create = instructor.patch(create=self._constrained_create, mode=instructor.Mode.JSON_SCHEMA)

    def _constrained_create(self, **kwargs: Any) -> Any:
        response_format = kwargs.pop("response_format", None)
        if isinstance(response_format, dict) and response_format.get("type") == "json_schema":
            schema = response_format.get("json_schema", {}).get("schema")
            kwargs["response_format"] = {"type": "json_object", "schema": schema}
        kwargs.pop("model", None)
        return self._llm.create_chat_completion_openai_v1(**kwargs)

    def complete(self, request: LLMRequest) -> LLMResult:
        from instructor.core.hooks import Hooks

        calls = {"n": 0}
        hooks = Hooks()
        hooks.on("completion:kwargs", lambda *a, **k: calls.__setitem__("n", calls["n"] + 1))
        started = time.perf_counter()
        with self._lock:
            try:
                parsed = self._create(
                    messages=request.chat(), response_model=request.schema, max_retries=self.validation_retries,
                    max_tokens=request.max_tokens, temperature=0.0, hooks=hooks,
                )
            except Exception as e:
                raise failure(f"local model {self.model}", e) from e
        tokens_in, tokens_out = usage_of(parsed)
        return LLMResult(parsed.model_dump(mode="json"), tokens_in, tokens_out, max(calls["n"], 1),
                         time.perf_counter() - started)
