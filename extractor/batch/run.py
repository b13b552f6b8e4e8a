"""The batch itself: every path processed in turn (or through the pool), each outcome said as it comes, the
series of what was stored checked again, and the run's row finished with its summary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from extractor import PIPELINE_VERSION
from extractor.errors import StoreError
from extractor.record import Status
from extractor.run_options import RunOptions
from extractor.settings import Settings
from extractor.store import Store

from .ahead import PREFETCH_WINDOW, plan_ahead, survey
from .document import DocumentOutcome, process_path
from .pool import pooled

if TYPE_CHECKING:
    from extractor.llm import LLMClient
    from extractor.pipeline import Plan


def run_batch(
    paths: list[Path], store: Store, settings: Settings, options: RunOptions, command: str,
    on_document: Callable[[DocumentOutcome], None] | None = None, llm: LLMClient | None = None, workers: int = 1,
    on_survey: Callable[[Path], None] | None = None,
) -> tuple[int, list[DocumentOutcome]]:
    """Process every path, each document stored whole or not at all (`_store_in_groups`); returns (run id,
    outcomes).

    With `workers` above 1 and no LLM, documents are extracted by that many processes and stored here in input
    order: the result is the sequential run's. With the read strategy every document is asked first (`survey`).
    """
    run_id = store.start_run(options.provider, options.model, PIPELINE_VERSION, options.config(), command)
    taken = _Outcomes(on_document)
    status = "interrupted"
    current = set() if options.force else store.current_documents(options.config_hash())
    try:
        if options.reads_with_llm and llm is not None:
            options = replace(options, survey=survey(paths, settings, options, llm, on_survey))
        if llm is None and workers > 1 and len(paths) > 1:
            outcomes = pooled(paths, store, settings, options, run_id, workers, current)
        else:
            outcomes = _in_turn(paths, store, settings, options, run_id, llm, current)
        _store_in_groups(outcomes, store, taken, SAVE_GROUP if llm is None else 1)
        _recheck_stored_series(store, run_id, taken.outcomes)
        status = "finished"
    finally:
        store.finish_run(run_id, status, len(taken.outcomes), sum(1 for o in taken.outcomes if o.status == "error"),
                         _run_summary(store, run_id, options, taken.outcomes))
    return run_id, taken.outcomes


class _Outcomes:
    """A batch's outcomes as they come, each said to `on_document`; a later document of a text already taken is a
    duplicate."""

    def __init__(self, on_document: Callable[[DocumentOutcome], None] | None) -> None:
        self.outcomes: list[DocumentOutcome] = []
        self.first_of: dict[str, DocumentOutcome] = {}  # each document's first outcome
        self.on_document = on_document

    def take(self, path: Path, found: list[DocumentOutcome]) -> None:
        for outcome in found:
            self._take(path, outcome)

    def _take(self, path: Path, outcome: DocumentOutcome) -> None:
        earlier = self.first_of.get(outcome.document_id) if outcome.document_id else None
        if earlier is None and outcome.document_id:
            self.first_of[outcome.document_id] = outcome
        elif earlier is not None:  # the same text under another name: stored once, counted once
            outcome = DocumentOutcome(str(path), outcome.name, "duplicate", error=f"same text as {earlier.path}",
                                      document_id=outcome.document_id, report_month=outcome.report_month,
                                      report_format=outcome.report_format)
        self.outcomes.append(outcome)
        if self.on_document:
            self.on_document(outcome)


SAVE_GROUP = 32  # documents a batch without an LLM commits together (an LLM's batch: each alone, as it waits)


def _store_in_groups(outcomes: Iterator[tuple[Path, list[DocumentOutcome]]], store: Store, taken: _Outcomes,
                     group: int) -> None:
    """Take each path's outcomes once the transaction that stored them is committed: `group` documents at a time
    in one transaction (`Store.begin_group`), each still stored whole or not at all. What is stored when the batch
    is interrupted is committed and said; a group whose commit fails is said to have failed."""
    held: list[tuple[Path, list[DocumentOutcome]]] = []
    try:
        while True:
            if group > 1 and not held:
                store.begin_group()  # before the next document is stored, as `outcomes` stores it
            item = next(outcomes, None)
            if item is None:
                break
            held.append(item)
            if len(held) >= group:
                _take_committed(store, held, taken)
                held = []
    finally:
        _take_committed(store, held, taken)


def _take_committed(store: Store, held: list[tuple[Path, list[DocumentOutcome]]], taken: _Outcomes) -> None:
    try:
        store.commit_group()
    except StoreError as e:
        held = [(path, [_not_stored(o, str(e)) for o in found]) for path, found in held]
    for path, found in held:
        taken.take(path, found)


def _not_stored(outcome: DocumentOutcome, error: str) -> DocumentOutcome:
    """A stored document's outcome, its transaction's commit failed."""
    if outcome.status not in ("extracted", "partial"):
        return outcome
    return DocumentOutcome(outcome.path, outcome.name, "error", error=error, document_id=outcome.document_id)


def _in_turn(paths: list[Path], store: Store, settings: Settings, options: RunOptions, run_id: int,
             llm: LLMClient | None, current: set[str]) -> Iterator[tuple[Path, list[DocumentOutcome]]]:
    """Each path's outcomes, processed in this process in input order; with the assist strategy and concurrent
    requests, the questions of a window of documents are asked together first."""
    window = PREFETCH_WINDOW if llm is not None and llm.concurrency > 1 and options.strategy == "assist" else 1
    for first in range(0, len(paths), window):
        chunk = paths[first:first + window]
        plans: dict[str, Plan] = {}
        if window > 1:
            llm.prefetch([r for path in chunk for r in plan_ahead(path, store, settings, options, plans)])  # type: ignore[union-attr]
        for path in chunk:
            yield path, process_path(path, store, settings, options, run_id, llm, plans, current)


def _recheck_stored_series(store: Store, run_id: int, outcomes: list[DocumentOutcome]) -> None:
    """Check again the series of what this batch stored (of every document, after a run that did not finish)."""
    resumed = not store.previous_run_finished(run_id)
    stored = [o.document_id for o in outcomes if o.document_id and (resumed or o.status in ("extracted", "partial"))]
    if stored:
        from extractor.store.series import commodities_of, recheck_series

        recheck_series(store, sorted({c for document_id in stored for c in commodities_of(store, document_id)}))


def _run_summary(store: Store, run_id: int, options: RunOptions, outcomes: list[DocumentOutcome]) -> dict[str, Any]:
    """What the run's row keeps of it: the facts by status, the partial documents, the LLM account and trust."""
    summary: dict[str, Any] = {s: sum(getattr(o, s) for o in outcomes) for s in map(str, Status)}
    partial = [o.name for o in outcomes if o.status == "partial"]
    if partial:
        summary["partial"] = partial
        summary["failed_questions"] = sum(o.failed_questions for o in outcomes)
    if options.uses_llm:
        summary["llm"] = store.llm_account(run_id)
    if options.survey is not None:
        from extractor.strategies.read_flow import run_trust

        summary["llm"]["trust"] = run_trust(options.survey)
    return summary
