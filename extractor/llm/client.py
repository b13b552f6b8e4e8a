"""The client the pipeline talks to: cache first, then the provider with bounded concurrency, and an account."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any, Callable, Protocol

from .base import CallRecord, InvalidAnswer, LLMError, LLMRequest, LLMResult, MissingRecording, Provider, request_key

INVALID = "__invalid__"  # how a cached InvalidAnswer is stored


class ResponseCache(Protocol):
    def get(self, key: str) -> dict[str, Any] | None: ...

    def put(self, key: str, provider: str, model: str, request: LLMRequest, result: LLMResult) -> None: ...


class LLMClient:
    """Answers batches of requests; one failed request never costs the others.

    Cache reads and writes happen on the calling thread (SQLite connections
    stay on their thread); only provider calls run in the pool.
    """

    def __init__(self, provider: Provider, cache: ResponseCache | None = None, concurrency: int = 1) -> None:
        self.provider = provider
        self.cache = cache
        self.concurrency = max(1, min(concurrency, provider.max_concurrency))
        self.records: list[CallRecord] = []
        self.on_answer: Callable[[], None] | None = None  # ticks a progress display
        self._memo: dict[str, LLMResult | LLMError] = {}  # prefetched answers not yet taken by `run`

    @property
    def label(self) -> str:
        return f"{self.provider.name}/{self.provider.model}"

    def prefetch(self, requests: list[LLMRequest]) -> None:
        """Ask ahead, with full concurrency across many documents; `run` then takes these answers.

        Answers are cached as they arrive, so a crash mid-prefetch loses none; the
        account of each call is written later, with the document that asks for it.
        """
        todo: dict[str, LLMRequest] = {}
        for request in requests:
            key = request_key(self.provider.name, self.provider.model, request)
            if key not in self._memo and key not in todo and self._cached(request, key) is None:
                todo[key] = request
        if not todo:
            return
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            futures = {pool.submit(self._call, request): key for key, request in todo.items()}
            for future in as_completed(futures):
                key = futures[future]
                answer = future.result()
                self._memo[key] = answer
                self._store(key, todo[key], answer)

    def run(self, requests: list[LLMRequest]) -> list[LLMResult | LLMError]:
        """Answers in request order: an LLMResult, or the LLMError that call ended with.

        MissingRecording is not swallowed: a replayed run without its recording must fail loudly.
        """
        keys = [request_key(self.provider.name, self.provider.model, r) for r in requests]
        prefetched = {i for i, k in enumerate(keys) if k in self._memo}
        taken = {k: self._memo.pop(k) for k in dict.fromkeys(keys) if k in self._memo}  # a question asked twice
        answers: list[LLMResult | LLMError | None] = [
            taken[k] if i in prefetched else self._cached(r, k) for i, (r, k) in enumerate(zip(requests, keys))
        ]
        from_cache = {i for i, a in enumerate(answers) if a is not None} - prefetched
        self._ask_pending(requests, keys, answers)
        done: list[LLMResult | LLMError] = [a for a in answers if a is not None]
        assert len(done) == len(requests)
        for i, (request, key, answer) in enumerate(zip(requests, keys, done)):
            self._account(request, key, answer, cached=i in from_cache)
        return done

    def _ask_pending(self, requests: list[LLMRequest], keys: list[str],
                     answers: list[LLMResult | LLMError | None]) -> None:
        """Ask the provider the requests not answered yet (None in `answers`), concurrently; fill in and cache each."""
        pending = [i for i, a in enumerate(answers) if a is None]
        if not pending:
            return
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            for i, answer in zip(pending, pool.map(self._call, [requests[i] for i in pending])):
                answers[i] = answer
                self._store(keys[i], requests[i], answer)

    def _account(self, request: LLMRequest, key: str, answer: LLMResult | LLMError, cached: bool) -> None:
        """Keep the call's record; a missing recording is raised, not recorded."""
        if isinstance(answer, MissingRecording):
            raise answer
        if isinstance(answer, LLMResult):
            self.records.append(CallRecord(request.purpose, request.prompt_version, key, answer.tokens_in,
                                           answer.tokens_out, answer.attempts, answer.seconds, cached))
        else:
            self.records.append(CallRecord(request.purpose, request.prompt_version, key, 0, 0, 0, 0.0, cached,
                                           str(answer), transient=not isinstance(answer, InvalidAnswer)))

    def _store(self, key: str, request: LLMRequest, answer: LLMResult | LLMError) -> None:
        """Cache an answer (and a deterministic InvalidAnswer); transient failures are asked again next time."""
        if self.cache and isinstance(answer, (LLMResult, InvalidAnswer)):
            stored = answer if isinstance(answer, LLMResult) else LLMResult({INVALID: str(answer)})
            self.cache.put(key, self.provider.name, self.provider.model, request, stored)

    def _cached(self, request: LLMRequest, key: str) -> LLMResult | LLMError | None:
        """The cached answer to a request (an InvalidAnswer is cached too: it is deterministic), or None."""
        saved = self.cache.get(key) if self.cache else None
        if saved is None:
            return None
        if INVALID in saved["response"]:
            return InvalidAnswer(saved["response"][INVALID])
        try:
            data = request.schema.model_validate(saved["response"]).model_dump(mode="json")
        except ValueError:
            return None  # the schema changed under the same key: ask again
        return LLMResult(data, saved.get("tokens_in", 0), saved.get("tokens_out", 0), 0, 0.0, cached=True)

    def _call(self, request: LLMRequest) -> LLMResult | LLMError:
        started = time.perf_counter()
        try:
            result = self.provider.complete(request)
            if self.on_answer:
                self.on_answer()
        except LLMError as e:
            return e
        except Exception as e:  # a provider bug must not take the batch down
            return LLMError(f"{self.label}: {type(e).__name__}: {e}")
        result.seconds = result.seconds or time.perf_counter() - started
        return result

    def take_records(self) -> list[CallRecord]:
        """The account since the last call, emptied (one document's calls at a time)."""
        records, self.records = self.records, []
        return records
