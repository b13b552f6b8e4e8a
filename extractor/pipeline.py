"""The pipeline: read a document, split it, label and ground its facts, store it; batch over many files."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator

import prompts
from extractor import PIPELINE_VERSION
from extractor.errors import ConfigError, DocumentError, ExtractorError
from extractor.formats import ReportFormat, RulesFormat, choose_format
from extractor.formats.bundles import split_bundle
from extractor.llm import LLMClient, LLMRequest
from extractor.reconcile import crosscheck
from extractor.reconcile.typos import correct_year_typos
from extractor.reconcile.gate import diff_facts, gate_fact
from extractor.record import Driver, Fact, Status, distinct_drivers, distinct_facts
from extractor.rules.report_month import ReportMonth
from extractor.rules.sections import Section
from extractor.settings import DEFAULT_MAX_BYTES, Settings
from extractor.store import DocumentRecord, Store, section_id
from extractor.store.series import commodities_of, recheck_series
from extractor.strategies import assist, examples, naive, read_flow
from extractor.strategies import section as section_strategy
from extractor.text import sentence_cache
from extractor.text.documents import Document, read_document
from extractor.text.publishers import publisher_of

STRATEGIES = ("read", "assist", "section", "naive")


@dataclass(frozen=True)
class RunOptions:
    """What a run was asked to do; everything that changes results goes into the config hash.

    strategy is how an LLM provider is used: `read` (the default: the LLM
    reads every chunk of the document, the text verifies it, the rules are
    the second opinion), `assist` (rules first, the LLM
    labels what they could not and reads drivers, everything reconciled),
    `section` (the LLM reads each whole section, reconciled with the rules'
    reading) or `naive` (the LLM alone, for the eval's comparison only). `sections`, when
    given, limits extraction to those "document name:section index" keys (the
    eval's fixed sample).
    """

    provider: str = "rules"
    model: str | None = None
    force: bool = False
    strategy: str = "read"
    sections: frozenset[str] | None = None
    labels: str = "confirm"
    drivers: str = "keyword"
    report_month: str | None = None  # the month of documents whose text names none (--report-month)
    examples: tuple[tuple[str, str], ...] = ()  # (gold folder, documents folder) pairs the reading question's
    # worked examples are retrieved from (never from the document being read)
    # Not configuration: the batch's survey of the read strategy (every document asked before any is decided).
    survey: read_flow.Survey | None = field(default=None, compare=False, hash=False)

    @property
    def uses_llm(self) -> bool:
        return self.provider != "rules"

    @property
    def reads_with_llm(self) -> bool:
        """The LLM-first flow: the LLM reads the document, the text verifies, the rules are the second opinion."""
        return self.uses_llm and self.strategy == "read"

    def assist_policies(self) -> tuple[str, str]:
        """The label and driver policies the assist strategy applies: `auto` decides per document from a section
        reading, which assist has none of, so there it is the safe pair (confirm, keyword: no driver question)."""
        return (("confirm" if self.labels == "auto" else self.labels),
                ("keyword" if self.drivers == "auto" else self.drivers))

    def config(self) -> dict[str, Any]:
        config: dict[str, Any] = {"provider": self.provider, "model": self.model, "pipeline_version": PIPELINE_VERSION}
        if self.uses_llm:
            config["strategy"] = self.strategy
            config["prompts"] = prompts.versions()
            config["policies"] = {"labels": self.labels, "drivers": self.drivers}
        if self.sections is not None:
            config["sections"] = sorted(self.sections)
        if self.report_month is not None:
            config["report_month"] = self.report_month
        if self.examples and self.reads_with_llm:
            config["examples"] = [list(pair) for pair in self.examples]
        return config

    def config_hash(self) -> str:
        return hashlib.sha256(json.dumps(self.config(), sort_keys=True).encode()).hexdigest()[:16]


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


@dataclass(frozen=True)
class Reading:
    """A document as its format reads it before any number is labelled: format, report month, sections."""

    doc: Document
    format: ReportFormat
    month: ReportMonth
    sections: list[Section]


def read_structure(doc: Document, options: RunOptions) -> Reading:
    """Choose the document's format and read its report month and sections (the eval's sample, when one is set).

    Raises DocumentError when no format recognises a commodity in the text.
    """
    sentence_cache.start_document()
    chosen = choose_format(doc.text)
    sections = chosen.sections(doc.text) if chosen is not None else []
    fmt: ReportFormat = chosen if chosen is not None else RulesFormat()  # type: ignore[assignment]
    if (chosen is None or not sections) and not options.reads_with_llm:  # the LLM reads what the rules cannot
        raise DocumentError(doc.path, "no recognizable sections: no commodity heading and no known commodity named")
    sections = [s for s in sections if options.sections is None or f"{doc.name}:{s.index}" in options.sections]
    month = fmt.report_month(doc.text)
    if month.value is None and options.report_month is not None:
        month = ReportMonth(options.report_month, "given", "--report-month: the text names no month")
    return Reading(doc, fmt, month, sections)


def extract_document(doc: Document, options: RunOptions, llm: LLMClient | None = None,
                     planned: tuple[Reading, list[assist.SectionWork]] | None = None) -> DocumentRecord:
    """Turn one document into everything stored for it, without touching the database.

    With an LLM provider, `llm` answers the questions the strategy asks; its
    account of calls goes into the record. Raises DocumentError when the text
    holds no recognizable commodity section. `planned` is the document's reading
    and plan when the batch already made them to ask ahead (see `run_batch`).
    """
    reading, works = planned if planned is not None else (read_structure(doc, options), None)
    month, sections = reading.month, reading.sections
    if options.uses_llm and llm is None:
        raise ExtractorError(f"provider {options.provider} needs an LLM client")
    if llm is not None:
        llm.take_records()  # what a failed earlier document asked is not this document's account
    if options.reads_with_llm:
        assert llm is not None
        surveyed = options.survey.asked.get(doc.sha256) if options.survey else None
        result = read_flow.read_document(doc.text, reading.format, sections, month, llm, options.provider,
                                         _examples_of(doc, options), surveyed[0] if surveyed else None,
                                         options.survey.tally if options.survey else None)
        month, facts, drivers = result.month, result.facts, result.drivers
        sections = result.chunks
        for fact in facts:
            if fact.status != Status.REJECTED:
                fact.status, fact.reason = gate_fact(doc.text, fact)
    elif options.uses_llm and options.strategy == "naive":
        assert llm is not None
        facts, drivers = _naive_facts(doc, sections, month.value, llm, options)
    else:
        facts, drivers = _assisted_facts(reading, llm, options, works)
    section_rows = [{
        "id": section_id(doc.sha256, s.index), "document_id": doc.sha256, "idx": s.index, "commodity": s.commodity,
        "region": s.region, "heading": s.heading, "start": s.start, "end": s.end, "known": int(s.known),
    } for s in sections]
    crosscheck.check_document(facts)
    document_row = {
        "id": doc.sha256, "name": doc.name, "path": doc.path, "size": doc.size, "encoding": doc.encoding,
        "format": doc.format, "report_format": reading.format.name, "report_month": month.value, "report_month_confidence": month.confidence,
        "report_month_evidence": month.evidence, "text": doc.text,
    }
    calls = [vars(c) for c in llm.take_records()] if llm else []
    if options.reads_with_llm and options.survey and doc.sha256 in options.survey.asked:
        calls = [vars(c) for c in options.survey.asked[doc.sha256][1]]  # asked in the survey, not again
    return DocumentRecord(document_row, doc.path, options.config_hash(), section_rows, facts, drivers, calls)


def _examples_of(doc: Document, options: RunOptions) -> Callable[[str], str] | None:
    """The reading question's worked examples for this document's chunks (never its own gold)."""
    return examples.bank_for(options.examples, DEFAULT_MAX_BYTES).render_for(doc.name) if options.examples else None


def survey(paths: list[Path], settings: Settings, options: RunOptions, llm: LLMClient,
           on_file: Callable[[Path], None] | None = None) -> read_flow.Survey:
    """Ask every document of a batch its questions before any is decided, so the LLM's trust is measured on the
    whole run (a file that cannot be read is left to processing, which reports it)."""
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
                                      _examples_of(doc, options))
                found.add(doc.sha256, asked, llm.take_records())
        except ExtractorError:
            continue
    return found


def _plan(reading: Reading, options: RunOptions) -> list[assist.SectionWork]:
    """Rules labels of every section, and the questions the assist strategy asks about them."""
    text, month, fmt = reading.doc.text, reading.month.value, reading.format
    drivers = options.assist_policies()[1]
    return [assist.plan_section(text, s, month, fmt.label(text, s, month), drivers) for s in reading.sections]


def _assisted_facts(reading: Reading, llm: LLMClient | None, options: RunOptions,
                    works: list[assist.SectionWork] | None = None) -> tuple[list[Fact], list[Driver]]:
    """The format's facts and drivers; with an LLM, reconciled labels and LLM-read drivers. Every fact is gated."""
    doc, sections, month, fmt = reading.doc, reading.sections, reading.month.value, reading.format
    results: list[tuple[list[Fact], list[Driver]]]
    if llm is not None and options.strategy == "section":
        rules = [(fmt.label(doc.text, s, month), fmt.drivers(doc.text, s, month)) for s in sections]
        answers = [section_strategy.read_answer(doc.text, s, a, options.provider) for s, a in
                   zip(sections, llm.run([section_strategy.section_request(doc.text, s, month) for s in sections]))]
        labels, drivers_policy, why = section_strategy.trusted_policies(rules, answers, options.labels, options.drivers)
        results = [section_strategy.reconcile_section(doc.text, s, facts, drivers, answer, labels, drivers_policy,
                                                      options.provider)
                   for s, (facts, drivers), answer in zip(sections, rules, answers)]
        for fact in (f for facts, _ in results for f in facts if f.opinions):
            fact.opinions["trust"] = why
    elif llm is not None:
        works = works if works is not None else _plan(reading, options)
        labels, drivers_policy = options.assist_policies()
        results = [assist.apply_section(doc.text, month, w, a, labels, drivers_policy)
                   for w, a in zip(works, assist.ask(works, llm))]
    else:
        results = [(fmt.label(doc.text, s, month), fmt.drivers(doc.text, s, month)) for s in sections]
    llm_drivers = llm is not None and options.assist_policies()[1] != "keyword"
    all_facts: list[Fact] = []
    all_drivers: list[Driver] = []
    for section, (facts, drivers) in zip(sections, results):
        for fact in facts:
            fact.section = section.index
            if fact.status != Status.REJECTED:
                fact.status, fact.reason = gate_fact(doc.text, fact)
            if fact.opinions.get("decision", "").startswith("llm"):
                fact.source = options.provider
            all_facts.append(fact)
        for driver in drivers:
            driver.section = section.index
            if not section.known:
                driver.status, driver.reason = Status.NEEDS_REVIEW, "section heading not in the commodity table"
            if options.strategy != "section":
                driver.source = options.provider if llm_drivers else "rules"
            all_drivers.append(driver)
    return all_facts, all_drivers


def _naive_facts(doc: Document, sections: list[Section], month: str | None, llm: LLMClient,
                 options: RunOptions) -> tuple[list[Fact], list[Driver]]:
    facts = naive.naive_facts(doc.text, sections, month, llm)
    for fact in facts:
        fact.status, fact.reason = Status.ACCEPTED, "naive design: the LLM's answer taken unreconciled (eval only)"
        fact.source = options.provider
    return facts, []


Plan = tuple[Reading, list[assist.SectionWork]]


def process_path(path: Path, store: Store, settings: Settings, options: RunOptions, run_id: int,
                 llm: LLMClient | None = None, plans: dict[str, Plan] | None = None) -> list[DocumentOutcome]:
    """Read, extract and store one file: one outcome per report it holds (a file of several reports put together
    is split, each report stored as its own document). Never raises: any failure becomes an error outcome.

    `plans` holds the readings and plans made when the batch asked ahead, by path: such a file is not read again.
    """
    planned = (plans or {}).pop(str(path), None)
    parts = _read_parts(path, settings, planned[0].doc if planned else None)
    if isinstance(parts, DocumentOutcome):
        return [parts]
    if len(parts) == 1:
        return [_process_document(path, parts[0], store, options, run_id, llm, planned)]
    return [_process_document(path, part, store, options, run_id, llm, None) for part in parts]


def _read_parts(path: Path, settings: Settings, doc: Document | None = None) -> list[Document] | DocumentOutcome:
    """The reports a file holds (see `split_bundle`), or the error outcome of a file that cannot be read."""
    try:
        return split_bundle(doc if doc is not None else read_document(path, settings.max_document_bytes))
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
    """Store one document's extraction (made here, or `extracted` in a worker process) and say what happened."""
    try:
        if not options.force and store.is_current(doc.sha256, options.config_hash()):
            store.note_seen(doc.sha256, doc.path)
            row = store.unchanged_summary(doc.sha256)
            return DocumentOutcome(str(path), doc.name, "unchanged", document_id=doc.sha256,
                                   report_month=row["report_month"],
                                   report_format=row["report_format"],
                                   sections=row["sections"],
                                   accepted=row["accepted"], needs_review=row["needs_review"], rejected=row["rejected"])
        record = extract_document(doc, options, llm, planned) if extracted is None else _record(extracted.result())
        record.facts = correct_year_typos(doc.text, record.document["report_month"], record.facts)
        record.facts, record.drivers = distinct_facts(record.facts), distinct_drivers(record.drivers)  # a set
        record.document["publisher"] = publisher_of(doc.text)
        if record.failed_questions:
            record.config_hash = PARTIAL + record.config_hash  # not current: the next run asks again
        crosscheck.check_capacity(doc.text, record.facts)  # (the month before's level: `recheck_series`, after)
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
    except ExtractorError as e:
        return DocumentOutcome(str(path), doc.name, "error", error=str(e))
    except Exception as e:  # noqa: BLE001 - a bug on one document must not lose the rest of the batch
        kind = e.kind if isinstance(e, _WorkerBug) else type(e).__name__
        return DocumentOutcome(str(path), doc.name, "error",
                               error=f"{path}: internal error ({kind}: {e}); please report it")


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
    """extract_document in a worker process (rules only: no LLM client crosses processes)."""
    try:
        return extract_document(doc, options)
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
            workers: int) -> Iterator[tuple[Path, list[DocumentOutcome]]]:
    """Each path's outcomes, in input order, the extraction of documents done by `workers` processes.

    The batch's process reads each file, leaves out documents already current (and a text already sent), and
    keeps a few documents per worker in flight; it stores every result in input order, each after the earlier
    ones, so what is stored and said is what a sequential run stores and says. A document the pool did not
    extract (the same text twice) is extracted here when its turn comes, if the first was not stored.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["extractor.pipeline", "extractor.formats.smm_table", "extractor.formats.smm_review",
                                    "extractor.formats.smm_article"])
    pool = ProcessPoolExecutor(workers, mp_context=context)
    waiting: deque[tuple[Path, list[tuple[Document, Future[DocumentRecord | _Failed] | None]] | DocumentOutcome]]
    waiting = deque()
    sent: set[str] = set()
    remaining = iter(paths)
    config_hash = options.config_hash()

    def send_next() -> bool:
        path = next(remaining, None)
        if path is None:
            return False
        parts = _read_parts(path, settings)
        if isinstance(parts, DocumentOutcome):
            waiting.append((path, parts))
            return True
        jobs: list[tuple[Document, Future[DocumentRecord | _Failed] | None]] = []
        for part in parts:
            job = None
            if part.sha256 not in sent and (options.force or not store.is_current(part.sha256, config_hash)):
                job = pool.submit(_extract_apart, part, options)
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
        pool.shutdown(wait=True, cancel_futures=True)




PARTIAL = "partial:"  # marks the config hash of an extraction whose LLM questions failed
PREFETCH_WINDOW = 8  # documents whose LLM questions are asked together when requests run concurrently


def _plan_ahead(path: Path, store: Store, settings: Settings, options: RunOptions,
                plans: dict[str, Plan]) -> list[LLMRequest]:
    """Plan one file's questions, keep the reading and plan for when the file is processed, and return the
    questions (none if the file will be skipped or cannot be read: processing reports those)."""
    try:
        doc = read_document(path, settings.max_document_bytes)
        if len(split_bundle(doc)) > 1 or (not options.force and store.is_current(doc.sha256, options.config_hash())):
            return []
        reading = read_structure(doc, options)
        plans[str(path)] = (reading, _plan(reading, options))
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
    outcomes: list[DocumentOutcome] = []
    first_of: dict[str, DocumentOutcome] = {}  # each document's first outcome: a later one of its text is a duplicate
    status = "interrupted"
    window = PREFETCH_WINDOW if llm is not None and llm.concurrency > 1 and options.strategy == "assist" else 1

    def take(path: Path, outcome: DocumentOutcome) -> None:
        earlier = first_of.get(outcome.document_id) if outcome.document_id else None
        if earlier is None and outcome.document_id:
            first_of[outcome.document_id] = outcome
        elif earlier is not None:  # the same text under another name: stored once, counted once
            outcome = DocumentOutcome(str(path), outcome.name, "duplicate", error=f"same text as {earlier.path}",
                                      document_id=outcome.document_id, report_month=outcome.report_month,
                                      report_format=outcome.report_format)
        outcomes.append(outcome)
        if on_document:
            on_document(outcome)

    try:
        if options.reads_with_llm and llm is not None:
            options = replace(options, survey=survey(paths, settings, options, llm, on_survey))
        if llm is None and workers > 1 and len(paths) > 1:
            for path, found in _pooled(paths, store, settings, options, run_id, workers):
                for outcome in found:
                    take(path, outcome)
        else:
            for first in range(0, len(paths), window):
                chunk = paths[first:first + window]
                plans: dict[str, Plan] = {}
                if window > 1:
                    llm.prefetch([r for path in chunk for r in _plan_ahead(path, store, settings, options, plans)])  # type: ignore[union-attr]
                for path in chunk:
                    for outcome in process_path(path, store, settings, options, run_id, llm, plans):
                        take(path, outcome)
        recheck_series(store, sorted({c for o in outcomes if o.document_id for c in commodities_of(store, o.document_id)}))
        status = "finished"
    finally:
        errors = sum(1 for o in outcomes if o.status == "error")
        summary: dict[str, Any] = {s: sum(getattr(o, s) for o in outcomes) for s in map(str, Status)}
        partial = [o.name for o in outcomes if o.status == "partial"]
        if partial:
            summary["partial"] = partial
            summary["failed_questions"] = sum(o.failed_questions for o in outcomes)
        if options.uses_llm:
            summary["llm"] = store.llm_account(run_id)
        if options.survey is not None:
            summary["llm"]["trust"] = read_flow.run_trust(options.survey)
        store.finish_run(run_id, status, len(outcomes), errors, summary)
    return run_id, outcomes
