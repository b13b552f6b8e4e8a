"""A batch: every file read, its reports extracted (in worker processes, or asked of the LLM first) and stored in
input order, each document in its own transaction; what happened to each said in one outcome.

A document already extracted with the run's configuration is noted and summarised from the store. The pipeline,
the rules and the LLM layer are imported where a document must be read (`_extracted`, `_extract_apart`, `survey`,
`_plan_ahead`), so a re-run whose documents are all current imports none of them.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from extractor import PIPELINE_VERSION
from extractor.errors import ConfigError, ExtractorError
from extractor.record import Status, distinct_drivers, distinct_facts
from extractor.run_options import RunOptions
from extractor.settings import Settings
from extractor.store import DocumentRecord, Store
from extractor.text.documents import Document, read_document

if TYPE_CHECKING:
    from extractor.llm import LLMClient, LLMRequest
    from extractor.pipeline import Plan
    from extractor.strategies.read_flow import Survey


@dataclass
class DocumentOutcome:
    """What happened to one input file in a run."""

    path: str
    name: str
    status: str  # extracted | partial (LLM questions failed: the rules' results stored) | unchanged | error
    error: str | None = None
    failed_questions: int = 0
    document_id: str | None = None
    report_month: str | None = None
    month_note: str | None = None  # why the report month is unknown or a guess, for the run's summary
    report_format: str | None = None
    sections: int = 0
    accepted: int = 0
    needs_review: int = 0
    rejected: int = 0
    drivers: int = 0
    changes: dict[str, list[Any]] = field(default_factory=dict)
    compared_with: str | None = None  # what `changes` is against: its earlier extraction, or its month's reports


def survey(paths: list[Path], settings: Settings, options: RunOptions, llm: LLMClient,
           on_file: Callable[[Path], None] | None = None) -> Survey:
    """Ask every document of a batch its questions before any is decided, so the LLM's trust is measured on the
    whole run (a file that cannot be read is left to processing, which reports it)."""
    from extractor.formats.bundles import split_bundle
    from extractor.pipeline import examples_of, read_structure
    from extractor.strategies import read_flow

    found = read_flow.Survey()
    for path in paths:
        if on_file:
            on_file(path)
        try:
            for doc in split_bundle(read_document(path, settings.max_document_bytes)):
                if doc.sha256 in found.asked:
                    continue
                reading = read_structure(doc, options)
                llm.take_records()
                asked = read_flow.ask(doc.text, reading.sections, reading.month, llm, options.provider,
                                      examples_of(doc, options))
                found.add(doc.sha256, asked, llm.take_records())
        except ExtractorError:
            continue
    return found


def process_path(path: Path, store: Store, settings: Settings, options: RunOptions, run_id: int,
                 llm: LLMClient | None = None, plans: dict[str, Plan] | None = None,
                 current: set[str] | None = None) -> list[DocumentOutcome]:
    """Read, extract and store one file: one outcome per report it holds (a file of several reports put together
    is split, each report stored as its own document). Never raises: any failure becomes an error outcome.

    `plans` holds the readings and plans made when the batch asked ahead, by path: such a file is not read again.
    `current` holds the documents already extracted with this configuration when the batch started (see
    `_read_parts`; whether a document is still current is asked of the store when it is stored).
    """
    planned = (plans or {}).pop(str(path), None)
    parts = _read_parts(path, settings, planned[0].doc if planned else None, current or set())
    if isinstance(parts, DocumentOutcome):
        return [parts]
    if len(parts) == 1:
        return [_process_document(path, parts[0], store, options, run_id, llm, planned)]
    return [_process_document(path, part, store, options, run_id, llm, None) for part in parts]


def _read_parts(path: Path, settings: Settings, doc: Document | None, current: set[str]
                ) -> list[Document] | DocumentOutcome:
    """The reports a file holds (see `split_bundle`), or the error outcome of a file that cannot be read. A file
    stored whole and current (its hash in `current`) is one report: it is not read for others again."""
    try:
        doc = doc if doc is not None else read_document(path, settings.max_document_bytes)
        if doc.sha256 in current:
            return [doc]
        from extractor.formats.bundles import split_bundle  # the formats: only for a document to read

        return split_bundle(doc)
    except ExtractorError as e:
        return DocumentOutcome(str(path), path.name, "error", error=str(e))
    except Exception as e:  # noqa: BLE001 - a bug on one file must not lose the rest of the batch
        return DocumentOutcome(str(path), path.name, "error",
                               error=f"{path}: internal error ({type(e).__name__}: {e}); please report it")


def _month_note(document: dict[str, Any]) -> str | None:
    """What the summary says of a report month that is unknown or only a guess."""
    if document["report_month"] is None:
        return f"report month unknown: {document['report_month_evidence']}"
    if document["report_month_confidence"] == "low":
        return f"report month {document['report_month']} is a guess: {document['report_month_evidence'][:160]}"
    return None


def _process_document(path: Path, doc: Document, store: Store, options: RunOptions, run_id: int,
                      llm: LLMClient | None, planned: Plan | None,
                      extracted: "Future[DocumentRecord | _Failed] | None" = None) -> DocumentOutcome:
    """Store one document's extraction (made here, or `extracted` in a worker process) and say what happened. A
    document already extracted with this configuration is noted as seen at its path and summarised from the store.
    """
    try:
        summary = None if options.force else store.current_summary(doc.sha256, options.config_hash())
        if summary is not None:
            store.note_seen(doc.sha256, doc.path)
            return DocumentOutcome(str(path), doc.name, "unchanged", document_id=doc.sha256, **summary)
        return _extracted(path, doc, store, options, run_id, llm, planned, extracted)
    except ExtractorError as e:
        return DocumentOutcome(str(path), doc.name, "error", error=str(e))
    except Exception as e:  # noqa: BLE001 - a bug on one document must not lose the rest of the batch
        kind = e.kind if isinstance(e, _WorkerBug) else type(e).__name__
        return DocumentOutcome(str(path), doc.name, "error",
                               error=f"{path}: internal error ({kind}: {e}); please report it")


def _finished(doc: Document, record: DocumentRecord) -> DocumentRecord:
    """A document's extraction as it is stored: a year's typo corrected, its facts and drivers a set, its publisher
    named, its capacity checked (the month before's level: `recheck_series`, after). Done where the document was
    extracted, in this process or a worker's: the same steps on the same record either way."""
    from extractor.reconcile import crosscheck
    from extractor.reconcile.typos import correct_year_typos
    from extractor.text.publishers import publisher_of

    record.facts = correct_year_typos(doc.text, record.document["report_month"], record.facts)
    record.facts, record.drivers = distinct_facts(record.facts), distinct_drivers(record.drivers)  # a set
    record.document["publisher"] = publisher_of(doc.text)
    crosscheck.check_capacity(doc.text, record.facts)
    return record


def _extracted(path: Path, doc: Document, store: Store, options: RunOptions, run_id: int, llm: LLMClient | None,
               planned: Plan | None, extracted: "Future[DocumentRecord | _Failed] | None") -> DocumentOutcome:
    """Extract one document (or take the worker's extraction), store it and say what happened."""
    from extractor import pipeline
    from extractor.reconcile.gate import diff_facts

    if extracted is None:
        record = _finished(doc, pipeline.extract_document(doc, options, llm, planned))
    else:
        record = _record(extracted.result())
    if record.failed_questions:
        record.config_hash = PARTIAL + record.config_hash  # not current: the next run asks again
    record.replaces = store.earlier_versions(doc.path, doc.sha256, record.document["report_month"])
    read_before = store.is_stored(doc.sha256) or bool(record.replaces)
    old = store.stored_facts(doc.sha256) or [f for d in record.replaces for f in store.stored_facts(d)]
    store.save_document(record, run_id)
    new = [f for f in record.facts if f.status == Status.ACCEPTED]
    outcome = DocumentOutcome(str(path), doc.name, "partial" if record.failed_questions else "extracted",
                              failed_questions=record.failed_questions, document_id=doc.sha256,
                              report_month=record.document["report_month"],
                              month_note=_month_note(record.document),
                              report_format=record.document["report_format"],
                              sections=len(record.sections), drivers=len(record.drivers))
    if read_before:
        outcome.changes, outcome.compared_with = diff_facts(old, new), "its earlier extraction"
    for fact in record.facts:
        setattr(outcome, str(fact.status), getattr(outcome, str(fact.status)) + 1)
    return outcome


@dataclass(frozen=True)
class _Failed:
    """An extraction that raised in a worker process: its message, and the exception's type name for a bug
    (None for an ExtractorError). Exceptions are sent back this way: not every one survives pickling."""

    message: str
    kind: str | None = None


class _WorkerBug(Exception):
    """A bug a worker process met, raised again in the batch's process under the original type name."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _extract_apart(doc: Document, options: RunOptions) -> DocumentRecord | _Failed:
    """extract_document and `_finished` in a worker process (rules only: no LLM client crosses processes)."""
    from extractor import pipeline  # preloaded by the pool's server process

    try:
        return _finished(doc, pipeline.extract_document(doc, options))
    except ExtractorError as e:
        return _Failed(str(e))
    except Exception as e:  # noqa: BLE001 - reported as the sequential run reports it
        return _Failed(str(e), type(e).__name__)


def _record(result: DocumentRecord | _Failed) -> DocumentRecord:
    if isinstance(result, _Failed):
        if result.kind is None:
            raise ExtractorError(result.message)
        raise _WorkerBug(result.kind, result.message)
    return result


def default_workers() -> int:
    """EXTRACTOR_WORKERS when set, else the cores this process may run on."""
    given = os.environ.get("EXTRACTOR_WORKERS", "").strip()
    if given:
        if not given.isdigit() or int(given) < 1:
            raise ConfigError(f"EXTRACTOR_WORKERS={given!r}: give a number of processes, 1 or more")
        return int(given)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _pooled(paths: list[Path], store: Store, settings: Settings, options: RunOptions, run_id: int,
            workers: int, current: set[str]) -> Iterator[tuple[Path, list[DocumentOutcome]]]:
    """Each path's outcomes, in input order, the extraction of documents done by `workers` processes.

    The batch's process reads each file, leaves out documents current when the batch started (`current`) and a
    text already sent, and keeps a few documents per worker in flight; it stores every result in input order, each
    after the earlier ones, so what is stored and said is what a sequential run stores and says. A document the
    pool did not extract (the same text twice; a document current when the batch started that an earlier one
    replaced since) is extracted here when its turn comes, if it is not current then. The pool starts with the
    first document to extract: a batch of current documents starts no process.
    """
    pool: ProcessPoolExecutor | None = None
    waiting: deque[tuple[Path, list[tuple[Document, Future[DocumentRecord | _Failed] | None]] | DocumentOutcome]]
    waiting = deque()
    sent: set[str] = set()
    remaining = iter(paths)

    def submit(doc: Document) -> Future[DocumentRecord | _Failed]:
        nonlocal pool
        if pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["extractor.batch", "extractor.pipeline", "extractor.formats.smm_table",
                                            "extractor.formats.smm_review", "extractor.formats.smm_article"])
            pool = ProcessPoolExecutor(workers, mp_context=context)
        return pool.submit(_extract_apart, doc, options)

    def send_next() -> bool:
        path = next(remaining, None)
        if path is None:
            return False
        parts = _read_parts(path, settings, None, current)
        if isinstance(parts, DocumentOutcome):
            waiting.append((path, parts))
            return True
        jobs: list[tuple[Document, Future[DocumentRecord | _Failed] | None]] = []
        for part in parts:
            job = None
            if part.sha256 not in sent and part.sha256 not in current:
                job = submit(part)
                sent.add(part.sha256)
            jobs.append((part, job))
        waiting.append((path, jobs))
        return True

    try:
        while len(waiting) < workers * 4 and send_next():
            pass
        while waiting:
            path, jobs = waiting.popleft()
            if isinstance(jobs, DocumentOutcome):
                yield path, [jobs]
            else:
                yield path, [_process_document(path, part, store, options, run_id, None, None, job)
                             for part, job in jobs]
            while len(waiting) < workers * 4 and send_next():
                pass
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


PARTIAL = "partial:"  # marks the config hash of an extraction whose LLM questions failed
PREFETCH_WINDOW = 8  # documents whose LLM questions are asked together when requests run concurrently


def _plan_ahead(path: Path, store: Store, settings: Settings, options: RunOptions,
                plans: dict[str, Plan]) -> list[LLMRequest]:
    """Plan one file's questions, keep the reading and plan for when the file is processed, and return the
    questions (none if the file will be skipped or cannot be read: processing reports those)."""
    from extractor import pipeline
    from extractor.formats.bundles import split_bundle
    from extractor.strategies import assist

    try:
        doc = read_document(path, settings.max_document_bytes)
        if len(split_bundle(doc)) > 1 or (not options.force and store.is_current(doc.sha256, options.config_hash())):
            return []
        reading = pipeline.read_structure(doc, options)
        plans[str(path)] = (reading, pipeline.plan_assist(reading, options))
    except ExtractorError:
        return []
    return assist.requests_of(plans[str(path)][1])


def run_batch(
    paths: list[Path], store: Store, settings: Settings, options: RunOptions, command: str,
    on_document: Callable[[DocumentOutcome], None] | None = None, llm: LLMClient | None = None, workers: int = 1,
    on_survey: Callable[[Path], None] | None = None,
) -> tuple[int, list[DocumentOutcome]]:
    """Process every path, each document in its own transaction; returns (run id, outcomes).

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
            for path, found in _pooled(paths, store, settings, options, run_id, workers, current):
                taken.take(path, found)
        else:
            for path, found in _in_turn(paths, store, settings, options, run_id, llm, current):
                taken.take(path, found)
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


def _in_turn(paths: list[Path], store: Store, settings: Settings, options: RunOptions, run_id: int,
             llm: LLMClient | None, current: set[str]) -> Iterator[tuple[Path, list[DocumentOutcome]]]:
    """Each path's outcomes, processed in this process in input order; with the assist strategy and concurrent
    requests, the questions of a window of documents are asked together first."""
    window = PREFETCH_WINDOW if llm is not None and llm.concurrency > 1 and options.strategy == "assist" else 1
    for first in range(0, len(paths), window):
        chunk = paths[first:first + window]
        plans: dict[str, Plan] = {}
        if window > 1:
            llm.prefetch([r for path in chunk for r in _plan_ahead(path, store, settings, options, plans)])  # type: ignore[union-attr]
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
