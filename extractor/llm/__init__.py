"""The LLM layer: one small provider interface, a lazy registry, and a client with cache and accounting.

Providers answer one structured request at a time (`Provider.complete`). The
`LLMClient` in front of them looks requests up in the response cache, runs the
rest with bounded concurrency, records tokens, attempts and time per call, and
never lets one failed call stop the others. Heavy libraries (openai, instructor,
llama_cpp) are imported only when their provider is made.
"""

from .base import CallRecord, InvalidAnswer, LLMError, LLMRequest, LLMResult, MissingRecording, Provider, request_key
from .client import LLMClient

__all__ = ["CallRecord", "InvalidAnswer", "LLMClient", "LLMError", "LLMRequest", "LLMResult", "MissingRecording", "Provider",
           "request_key"]
