"""The pipeline: read a document, split it, label and ground its facts, store it; batch over many files."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from . import PIPELINE_VERSION
from .documents import Document, read_document
from .drivers import find_drivers
from .errors import DocumentError, ExtractorError
from .grounding import contract_errors, ground_fact
from .label_context import ACCEPTED, NEEDS_REVIEW, REJECTED, LabelledFact
from .labeller import label_section
from .report_month import find_report_month
from .sections import split_sections
from .settings import Settings
from .store import DocumentRecord, Store


@dataclass(frozen=True)
class RunOptions:
    """What a run was asked to do; everything that changes results goes into the config hash."""

    provider: str = "rules"
    model: str | None = None
    force: bool = False

    def config(self) -> dict[str, Any]:
        return {"provider": self.provider, "model": self.model, "pipeline_version": PIPELINE_VERSION}

    def config_hash(self) -> str:
        return hashlib.sha256(json.dumps(self.config(), sort_keys=True).encode()).hexdigest()[:16]


@dataclass
class DocumentOutcome:
    """What happened to one input file in a run."""

    path: str
    name: str
    status: str  # extracted | unchanged | error
    error: str | None = None
    report_month: str | None = None
    sections: int = 0
    accepted: int = 0
    needs_review: int = 0
    rejected: int = 0
    drivers: int = 0
    changes: dict[str, list[Any]] = field(default_factory=dict)


def extract_document(doc: Document, options: RunOptions) -> DocumentRecord:
    """Turn one document into everything stored for it, without touching the database.

    Raises DocumentError when the text holds no recognizable commodity section.
    """
    month = find_report_month(doc.text)
    sections = split_sections(doc.text)
    if not sections:
        raise DocumentError(doc.path, "no recognizable sections: no commodity heading and no known commodity named")
    section_rows, fact_rows, driver_rows = [], [], []
    for section in sections:
        section_id = f"{doc.sha256[:16]}:{section.index}"
        section_rows.append({
            "id": section_id, "document_id": doc.sha256, "idx": section.index, "commodity": section.commodity,
            "region": section.region, "heading": section.heading, "start": section.start, "end": section.end,
            "known": int(section.known),
        })
        for labelled in label_section(doc.text, section, month.value):
            status, reason = gate_fact(doc.text, labelled)
            fact_rows.append({
                "document_id": doc.sha256, "section_id": section_id, **_fact_columns(labelled.fields),
                "quote_start": labelled.quote_start, "quote_end": labelled.quote_end,
                "number_start": labelled.number_start, "number_end": labelled.number_end,
                "status": status, "reason": reason, "source": options.provider,
            })
        for driver in find_drivers(doc.text, section, month.value):
            driver_rows.append({
                "document_id": doc.sha256, "section_id": section_id, **driver.fields,
                "quote_start": driver.quote_start, "quote_end": driver.quote_end,
                "status": ACCEPTED if section.known else NEEDS_REVIEW,
                "reason": None if section.known else "section heading not in the commodity table",
                "source": options.provider,
            })
    document_row = {
        "id": doc.sha256, "name": doc.name, "path": doc.path, "size": doc.size, "encoding": doc.encoding,
        "format": doc.format, "report_month": month.value, "report_month_confidence": month.confidence,
        "report_month_evidence": month.evidence, "text": doc.text,
    }
    return DocumentRecord(document_row, doc.path, options.config_hash(), section_rows, fact_rows, driver_rows)


def gate_fact(text: str, labelled: LabelledFact) -> tuple[str, str | None]:
    """The status a labelled fact is stored with, and why.

    A number no label could be given (metric 'other') keeps its needs_review
    reason. Any other fact must be grounded in the text, or it is rejected; a
    grounded fact that breaks the contract's rules is held for review.
    """
    if labelled.fields["metric"] == "other":
        return labelled.status, labelled.reason
    grounded, why = ground_fact(text, labelled.fields, labelled.number_start, labelled.number_end,
                                labelled.quote_start, labelled.quote_end)
    if not grounded:
        return REJECTED, f"not grounded: {why}"
    invalid = contract_errors(labelled.fields)
    if invalid and labelled.status == ACCEPTED:
        return NEEDS_REVIEW, f"breaks the contract: {invalid}"
    return labelled.status, labelled.reason


def _fact_columns(fields: dict[str, Any]) -> dict[str, Any]:
    columns = dict(fields)
    columns["value"] = json.dumps(fields["value"])
    return columns


def fact_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """Identity of a stored fact for diffs between extractions."""
    return (row["commodity"], row["region"], row["metric"], row["segment"], row["content"],
            row["period"], row["basis"], row["measure"], row["quote_start"])


def diff_facts(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Facts added, removed and changed in value between two extractions of the same document."""
    before = {fact_key(r): r for r in old}
    after = {fact_key(r): r for r in new}
    added = [after[k] for k in after.keys() - before.keys()]
    removed = [before[k] for k in before.keys() - after.keys()]
    changed = [(before[k], after[k]) for k in before.keys() & after.keys() if before[k]["value"] != after[k]["value"]]
    return {"added": added, "removed": removed, "changed": changed}


def process_path(path: Path, store: Store, settings: Settings, options: RunOptions, run_id: int) -> DocumentOutcome:
    """Read, extract and store one file. Never raises: any failure becomes an error outcome."""
    try:
        doc = read_document(path, settings.max_document_bytes)
        if not options.force and store.is_current(doc.sha256, options.config_hash()):
            store.note_path(doc.sha256, doc.path)
            row = store.extraction(doc.sha256)
            return DocumentOutcome(str(path), doc.name, "unchanged", report_month=store.report_month(doc.sha256),
                                   sections=row["sections"],
                                   accepted=row["accepted"], needs_review=row["needs_review"], rejected=row["rejected"])
        record = extract_document(doc, options)
        old = store.facts_for(doc.sha256)
        store.save_document(record, run_id)
        new = [f for f in record.facts if f["status"] == ACCEPTED]
        outcome = DocumentOutcome(str(path), doc.name, "extracted", report_month=record.document["report_month"],
                                  sections=len(record.sections), drivers=len(record.drivers),
                                  changes=diff_facts(old, new) if old else {})
        for fact in record.facts:
            setattr(outcome, fact["status"], getattr(outcome, fact["status"]) + 1)
        return outcome
    except ExtractorError as e:
        return DocumentOutcome(str(path), path.name, "error", error=str(e))
    except Exception as e:  # noqa: BLE001 - a bug on one document must not lose the rest of the batch
        return DocumentOutcome(str(path), path.name, "error",
                               error=f"{path}: internal error ({type(e).__name__}: {e}); please report it")


def run_batch(
    paths: list[Path], store: Store, settings: Settings, options: RunOptions, command: str,
    on_document: Callable[[DocumentOutcome], None] | None = None,
) -> tuple[int, list[DocumentOutcome]]:
    """Process every path, each document in its own transaction; returns (run id, outcomes)."""
    run_id = store.start_run(options.provider, options.model, PIPELINE_VERSION, options.config(), command)
    outcomes: list[DocumentOutcome] = []
    status = "interrupted"
    try:
        for path in paths:
            outcome = process_path(path, store, settings, options, run_id)
            outcomes.append(outcome)
            if on_document:
                on_document(outcome)
        status = "finished"
    finally:
        errors = sum(1 for o in outcomes if o.status == "error")
        summary = {s: sum(getattr(o, s) for o in outcomes) for s in (ACCEPTED, NEEDS_REVIEW, REJECTED)}
        store.finish_run(run_id, status, len(outcomes), errors, summary)
    return run_id, outcomes
