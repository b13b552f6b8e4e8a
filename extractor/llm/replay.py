"""Replaying recorded answers, and recording them from a real provider.

A recording is one JSON file per request, named by the request key (provider,
model, prompt version, messages, schema). Replay answers as the recorded
provider and model would have, through the same validation as a live answer;
a request nobody recorded raises MissingRecording naming the prompt and key.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .base import InvalidAnswer, LLMError, LLMRequest, LLMResult, MissingRecording, Provider, request_key


MISSING = "no recording of"  # how a MissingRecording's message starts (the eval counts them by it)


class ReplayProvider:
    name = "replay"
    max_concurrency = 8

    def __init__(self, recordings: Path, source: str, model: str) -> None:
        self.recordings = recordings
        self.source = source
        self.model = model

    def complete(self, request: LLMRequest) -> LLMResult:
        key = request_key(self.source, self.model, request)
        path = self.recordings / f"{key}.json"
        if not path.exists():
            self._ask(key, request)
            raise MissingRecording(
                f"{MISSING} {request.purpose} ({request.prompt_version}) from {self.source}/{self.model} "
                f"in {self.recordings} (key {key[:12]}); record it with --record {self.recordings}"
            )
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved.get("error"):
            # The recorded provider failed on this request; so does its replay, in the same way.
            raise (InvalidAnswer if saved.get("invalid") else LLMError)(saved["error"])
        data = request.schema.model_validate(saved["response"]).model_dump(mode="json")
        return LLMResult(data, saved.get("tokens_in", 0), saved.get("tokens_out", 0), saved.get("attempts", 1), 0.0)


    def _ask(self, key: str, request: LLMRequest) -> None:
        """With EXTRACTOR_REPLAY_ASK set to a folder, a request nobody recorded is written there as a question
        (its key, messages and schema), for someone to answer and record (`bench/strong_reader.py`)."""
        folder = os.environ.get("EXTRACTOR_REPLAY_ASK")
        if not folder:
            return
        Path(folder).mkdir(parents=True, exist_ok=True)
        question = {"key": key, "provider": self.source, "model": self.model, "purpose": request.purpose,
                    "prompt_version": request.prompt_version, "messages": request.chat(),
                    "schema": request.schema_json()}
        (Path(folder) / f"{key}.json").write_text(json.dumps(question, indent=1, ensure_ascii=False) + "\n",
                                                  encoding="utf-8")


class RecordingProvider:
    """Wraps a real provider and writes every answer it gives as a recording."""

    def __init__(self, inner: Provider, recordings: Path) -> None:
        self.inner = inner
        self.recordings = recordings
        self.name = inner.name
        self.model = inner.model
        self.max_concurrency = inner.max_concurrency
        recordings.mkdir(parents=True, exist_ok=True)

    def complete(self, request: LLMRequest) -> LLMResult:
        key = request_key(self.inner.name, self.inner.model, request)
        record = {"provider": self.inner.name, "model": self.inner.model, "purpose": request.purpose,
                  "prompt_version": request.prompt_version, "messages": request.chat()}
        try:
            result = self.inner.complete(request)
        except LLMError as e:
            self._write(key, {**record, "response": None, "error": str(e), "invalid": isinstance(e, InvalidAnswer)})
            raise
        self._write(key, {**record, "response": result.data, "tokens_in": result.tokens_in,
                          "tokens_out": result.tokens_out, "attempts": result.attempts,
                          "seconds": round(result.seconds, 3)})
        return result

    def _write(self, key: str, record: dict[str, object]) -> None:
        (self.recordings / f"{key}.json").write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n")
