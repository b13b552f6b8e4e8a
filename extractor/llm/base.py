"""What every provider shares: the request, the result, the key requests are cached and recorded under."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from extractor.errors import ExtractorError

if TYPE_CHECKING:
    from pydantic import BaseModel  # in annotations only: importing this module builds no pydantic model


class LLMError(ExtractorError):
    """A call that failed for good (after retries): the provider, and what went wrong."""


class InvalidAnswer(LLMError):
    """The model kept answering outside the schema after the re-asks: deterministic, so cached like an answer."""


class MissingRecording(LLMError):
    """Replay was asked for a request nobody recorded; tests must fail loudly on it."""


@dataclass(frozen=True)
class LLMRequest:
    """One structured question: chat messages, the (bound) schema to answer in, and the prompt version."""

    purpose: str  # drivers | label_number | section_facts
    prompt_version: str
    messages: tuple[tuple[str, str], ...]  # (role, content)
    schema: type[BaseModel]
    max_tokens: int = 256

    @staticmethod
    def build(purpose: str, prompt_version: str, messages: list[dict[str, str]], schema: type[BaseModel],
              max_tokens: int = 256) -> "LLMRequest":
        return LLMRequest(purpose, prompt_version, tuple((m["role"], m["content"]) for m in messages), schema,
                          max_tokens)

    def chat(self) -> list[dict[str, str]]:
        return [{"role": role, "content": content} for role, content in self.messages]

    def schema_json(self) -> dict[str, Any]:
        return self.schema.model_json_schema()


def request_key(provider: str, model: str, request: LLMRequest) -> str:
    """The key of a request's answer in the cache and in recordings: provider, model, prompt version, messages, schema."""
    payload = [provider, model, request.prompt_version, request.chat(), request.schema_json(), request.max_tokens]
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass
class LLMResult:
    """A validated answer (as plain JSON data) and what it cost."""

    data: dict[str, Any]
    tokens_in: int = 0
    tokens_out: int = 0
    attempts: int = 1
    seconds: float = 0.0
    cached: bool = False


@dataclass
class CallRecord:
    """One line of the per-run account: a request, and what answering it cost."""

    purpose: str
    prompt_version: str
    key: str
    tokens_in: int
    tokens_out: int
    attempts: int
    seconds: float
    cached: bool
    error: str | None = None
    transient: bool = False  # a failure worth asking again (connection, server, timeout), not the model's answer


class Provider(Protocol):
    """Anything that answers a structured request: openai, local, replay."""

    name: str
    model: str
    max_concurrency: int

    def complete(self, request: LLMRequest) -> LLMResult: ...


def failure(prefix: str, error: BaseException) -> LLMError:
    """The LLMError a provider raises for an exception: InvalidAnswer when validation never passed."""
    attempts = getattr(error, "failed_attempts", None)
    kind = InvalidAnswer if attempts or type(error).__name__ == "ValidationError" else LLMError
    return kind(f"{prefix}: {describe_failure(error)}")


def describe_failure(error: BaseException) -> str:
    """One line saying why a call failed: the root cause, or the last validation error instructor gave up on."""
    attempts = getattr(error, "failed_attempts", None)
    root: BaseException = attempts[-1].exception if attempts else error
    while root.__cause__ is not None and not attempts:
        root = root.__cause__
    text = " ".join(line.strip() for line in str(root).splitlines() if "errors.pydantic.dev" not in line)
    tries = f" after {len(attempts)} attempts" if attempts else ""
    return f"{type(root).__name__}{tries}: {text[:300] or 'no detail'}"


def usage_of(parsed: Any) -> tuple[int, int]:
    """Prompt and completion tokens instructor summed over its attempts (0, 0 when the server gave none)."""
    usage = getattr(parsed, "_total_usage", None)
    if usage is None:
        raw = getattr(parsed, "_raw_response", None)
        usage = getattr(raw, "usage", None)
    return int(getattr(usage, "prompt_tokens", 0) or 0), int(getattr(usage, "completion_tokens", 0) or 0)
