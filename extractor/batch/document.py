"""One file of a batch: read, split into the reports it holds, each extracted (here, or taken from a worker
process), stored whole or not at all and said in one outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from extractor.errors import ExtractorError
from extractor.record import Status, distinct_drivers, distinct_facts
from extractor.run_options import RunOptions
from extractor.settings import Settings
from extractor.store import DocumentRecord, Store
from extractor.text import pattern_cache
from extractor.text.documents import Document, read_document

if TYPE_CHECKING:
    from extractor.llm import LLMClient
    from extractor.pipeline import Plan

_T = TypeVar("_T")

PARTIAL = "partial:"  # marks the config hash of an extraction whose LLM questions failed


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


def process_path(path: Path, store: Store, settings: Settings, options: RunOptions, run_id: int,
                 llm: LLMClient | None = None, plans: dict[str, Plan] | None = None,
                 current: set[str] | None = None) -> list[DocumentOutcome]:
    """Read, extract and store one file: one outcome per report it holds (a file of several reports put together
    is split, each report stored as its own document). Never raises: any failure becomes an error outcome.

    `plans` holds the readings and plans made when the batch asked ahead, by path: such a file is not read again.
    `current` holds the documents already extracted with this configuration when the batch started (see
    `read_parts`; whether a document is still current is asked of the store when it is stored).
    """
    planned = (plans or {}).pop(str(path), None)
    parts = read_parts(path, settings, planned[0].doc if planned else None, current or set())
    if isinstance(parts, DocumentOutcome):
        return [parts]
    if len(parts) == 1:
        return [process_document(path, parts[0], store, options, run_id, llm, planned)]
    return [process_document(path, part, store, options, run_id, llm, None) for part in parts]


def read_parts(path: Path, settings: Settings, doc: Document | None, current: set[str]
               ) -> list[Document] | DocumentOutcome:
    """The reports a file holds (see `split_bundle`), or the error outcome of a file that cannot be read. A file
    stored whole and current (its hash in `current`) is one report: it is not read for others again."""
    whole = doc if doc is not None else read_whole(path, settings)
    if isinstance(whole, DocumentOutcome):
        return whole
    return [whole] if whole.sha256 in current else _or_error(path, lambda: _split(whole))


def read_whole(path: Path, settings: Settings) -> Document | DocumentOutcome:
    """The file as one document, or the error outcome of a file that cannot be read."""
    return _or_error(path, lambda: read_document(path, settings.max_document_bytes))


def _split(doc: Document) -> list[Document]:
    from extractor.formats.bundles import split_bundle  # the formats: only for a document to read

    return split_bundle(doc)


def _or_error(path: Path, read: Callable[[], _T]) -> _T | DocumentOutcome:
    try:
        return read()
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


def process_document(path: Path, doc: Document, store: Store, options: RunOptions, run_id: int,
                      llm: LLMClient | None, planned: Plan | None,
                      extracted: DocumentRecord | FailedExtraction | None = None) -> DocumentOutcome:
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
               planned: Plan | None, extracted: DocumentRecord | FailedExtraction | None) -> DocumentOutcome:
    """Extract one document (or take the worker's extraction), store it and say what happened."""
    if extracted is None:
        from extractor import pipeline  # not in a batch's process whose workers extract

        record = _finished(doc, pipeline.extract_document(doc, options, llm, planned))
    else:
        record = _record(extracted)
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
    if read_before:  # (the gate's module, with the rules' patterns, imported only here: a batch's own process whose
        from extractor.reconcile.gate import diff_facts  # workers extract reads no document's text)

        outcome.changes, outcome.compared_with = diff_facts(old, new), "its earlier extraction"
    for fact in record.facts:
        setattr(outcome, str(fact.status), getattr(outcome, str(fact.status)) + 1)
    return outcome


@dataclass(frozen=True)
class FailedExtraction:
    """An extraction that raised in a worker process: its message, and the exception's type name for a bug
    (None for an ExtractorError). Exceptions are sent back this way: not every one survives pickling."""

    message: str
    kind: str | None = None


class _WorkerBug(Exception):
    """A bug a worker process met, raised again in the batch's process under the original type name."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def extract_apart(doc: Document, options: RunOptions) -> DocumentRecord | FailedExtraction:
    """extract_document and `_finished` in a worker process (rules only: no LLM client crosses processes)."""
    from extractor import pipeline  # preloaded by the pool's server process

    try:
        return _finished(doc, pipeline.extract_document(doc, options))
    except ExtractorError as e:
        return FailedExtraction(str(e))
    except Exception as e:  # noqa: BLE001 - reported as the sequential run reports it
        return FailedExtraction(str(e), type(e).__name__)
    finally:
        pattern_cache.save()  # a pool's worker exits without running atexit: what it read of new patterns is kept here


def extract_file_apart(path: Path, doc: Document, options: RunOptions
                       ) -> list[tuple[Document, DocumentRecord | FailedExtraction]] | DocumentOutcome:
    """The reports a file holds (`read_parts`), each extracted (`extract_apart`), in a worker process: choosing a
    file's format to split it is the worker's work, not the batch's process's."""
    parts = _or_error(path, lambda: _split(doc))
    if isinstance(parts, DocumentOutcome):
        return parts
    return [(part, extract_apart(part, options)) for part in parts]


def _record(result: DocumentRecord | FailedExtraction) -> DocumentRecord:
    if isinstance(result, FailedExtraction):
        if result.kind is None:
            raise ExtractorError(result.message)
        raise _WorkerBug(result.kind, result.message)
    return result


def finish_record(doc: Document, record: DocumentRecord) -> DocumentRecord:
    """A document's extraction as a batch stores it (`_finished`), for readers of texts that are not files (the
    eval's phrasing cases)."""
    return _finished(doc, record)
