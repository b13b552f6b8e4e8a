"""The pipeline: read a document, split it, label and ground its facts, store it; batch over many files."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import prompts

from . import PIPELINE_VERSION
from . import assist, crosscheck, naive
from .documents import Document, read_document
from .drivers import find_drivers
from .errors import DocumentError, ExtractorError
from .grounding import contract_errors, ground_fact
from .llm import LLMClient, LLMRequest, LLMResult
from .label_context import ACCEPTED, NEEDS_REVIEW, REJECTED, LabelledFact
from .labeller import label_section
from .report_month import find_report_month
from .sections import Section, split_sections
from .settings import Settings
from .store import DocumentRecord, Store
from .vocabulary import INSTRUCTION_CUE


STRATEGIES = ("assist", "naive")


@dataclass(frozen=True)
class RunOptions:
    """What a run was asked to do; everything that changes results goes into the config hash.

    strategy is how an LLM provider is used: `assist` (rules first, the LLM
    labels what they could not and reads drivers, everything reconciled) or
    `naive` (the LLM alone, for the eval's comparison only). `sections`, when
    given, limits extraction to those "document name:section index" keys (the
    eval's fixed sample).
    """

    provider: str = "rules"
    model: str | None = None
    force: bool = False
    strategy: str = "assist"
    sections: frozenset[str] | None = None
    labels: str = "confirm"
    drivers: str = "keyword"

    @property
    def uses_llm(self) -> bool:
        return self.provider != "rules"

    def config(self) -> dict[str, Any]:
        config: dict[str, Any] = {"provider": self.provider, "model": self.model, "pipeline_version": PIPELINE_VERSION}
        if self.uses_llm:
            config["strategy"] = self.strategy
            config["prompts"] = prompts.versions()
            config["policies"] = {"labels": self.labels, "drivers": self.drivers}
        if self.sections is not None:
            config["sections"] = sorted(self.sections)
        return config

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


def extract_document(doc: Document, options: RunOptions, llm: LLMClient | None = None,
                     works: list[assist.SectionWork] | None = None) -> DocumentRecord:
    """Turn one document into everything stored for it, without touching the database.

    With an LLM provider, `llm` answers the questions the strategy asks; its
    account of calls goes into the record. Raises DocumentError when the text
    holds no recognizable commodity section. `works` is the document's plan when
    the batch already made it to ask ahead (see `run_batch`).
    """
    month = find_report_month(doc.text)
    sections = _sections(doc, options)
    if options.uses_llm and llm is None:
        raise ExtractorError(f"provider {options.provider} needs an LLM client")
    if llm is not None:
        llm.take_records()  # what a failed earlier document asked is not this document's account
    section_rows = [{
        "id": _section_id(doc, s), "document_id": doc.sha256, "idx": s.index, "commodity": s.commodity,
        "region": s.region, "heading": s.heading, "start": s.start, "end": s.end, "known": int(s.known),
    } for s in sections]
    if options.uses_llm and options.strategy == "naive":
        assert llm is not None
        fact_rows, driver_rows = _naive_rows(doc, sections, month.value, llm, options)
    else:
        fact_rows, driver_rows = _assisted_rows(doc, sections, month.value, llm, options, works)
    crosscheck.check_document(fact_rows)
    document_row = {
        "id": doc.sha256, "name": doc.name, "path": doc.path, "size": doc.size, "encoding": doc.encoding,
        "format": doc.format, "report_month": month.value, "report_month_confidence": month.confidence,
        "report_month_evidence": month.evidence, "text": doc.text,
    }
    calls = [vars(c) for c in llm.take_records()] if llm else []
    return DocumentRecord(document_row, doc.path, options.config_hash(), section_rows, fact_rows, driver_rows, calls)


def _section_id(doc: Document, section: Section) -> str:
    return f"{doc.sha256[:16]}:{section.index}"


def _sections(doc: Document, options: RunOptions) -> list[Section]:
    """The document's sections to extract (the eval's sample, when one is set)."""
    sections = split_sections(doc.text)
    if not sections:
        raise DocumentError(doc.path, "no recognizable sections: no commodity heading and no known commodity named")
    return [s for s in sections if options.sections is None or f"{doc.name}:{s.index}" in options.sections]


def _plan(doc: Document, sections: list[Section], month: str | None, options: RunOptions) -> list[assist.SectionWork]:
    """Rules labels of every section, and the questions the assist strategy asks about them."""
    return [assist.plan_section(doc.text, s, month, label_section(doc.text, s, month), options.drivers) for s in sections]


def _assisted_rows(doc: Document, sections: list[Section], month: str | None, llm: LLMClient | None,
                   options: RunOptions, works: list[assist.SectionWork] | None = None,
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rules facts and keyword drivers; with an LLM, reconciled labels and LLM-read drivers."""
    if llm is not None:
        works = works if works is not None else _plan(doc, sections, month, options)
        results = [assist.apply_section(doc.text, month, w, a, options.labels, options.drivers)
                   for w, a in zip(works, assist.ask(works, llm))]
    else:
        results = [(facts, [{} for _ in facts], find_drivers(doc.text, s, month))
                   for s, facts in ((s, label_section(doc.text, s, month)) for s in sections)]
    fact_rows, driver_rows = [], []
    for section, (facts, opinions, drivers) in zip(sections, results):
        for fact, opinion in zip(facts, opinions):
            status, reason = gate_fact(doc.text, fact)
            fact_rows.append({
                "document_id": doc.sha256, "section_id": _section_id(doc, section), **_fact_columns(fact.fields),
                "quote_start": fact.quote_start, "quote_end": fact.quote_end,
                "number_start": fact.number_start, "number_end": fact.number_end,
                "status": status, "reason": reason,
                "source": options.provider if opinion.get("decision", "").startswith("llm") else "rules",
                "opinions": json.dumps(opinion) if opinion else None,
            })
        for driver in drivers:
            driver_rows.append({
                "document_id": doc.sha256, "section_id": _section_id(doc, section), **driver.fields,
                "quote_start": driver.quote_start, "quote_end": driver.quote_end,
                "status": ACCEPTED if section.known else NEEDS_REVIEW,
                "reason": None if section.known else "section heading not in the commodity table",
                "source": options.provider if llm is not None and options.drivers != "keyword" else "rules",
            })
    return fact_rows, driver_rows


def _naive_rows(doc: Document, sections: list[Section], month: str | None, llm: LLMClient,
                options: RunOptions) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows = []
    for section, fields in naive.naive_facts(doc.text, sections, month, llm):
        rows.append({
            "document_id": doc.sha256, "section_id": _section_id(doc, section), **_fact_columns(fields),
            "opinions": json.dumps(fields["opinions"]), "status": ACCEPTED,
            "reason": "naive design: the LLM's answer taken unreconciled (eval only)", "source": options.provider,
        })
    return rows, []


class StoreCache:
    """The database as the LLM client's response cache (used on the calling thread only)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str) -> dict[str, Any] | None:
        return self.store.cache_get(key)

    def put(self, key: str, provider: str, model: str, request: LLMRequest, result: LLMResult) -> None:
        self.store.cache_put(key, provider, model, request.purpose, request.prompt_version, result.data,
                             result.tokens_in, result.tokens_out)


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding [start, end): from the last sentence end before it to the next one after it."""
    window_start = max(0, start - 400)
    before = [m.end() for m in _SENTENCE_END.finditer(text, window_start, start)]
    after = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return text[before[-1] if before else window_start:after.start() if after else min(len(text), end + 400)]


def gate_fact(text: str, labelled: LabelledFact) -> tuple[str, str | None]:
    """The status a labelled fact is stored with, and why.

    A number no label could be given (metric 'other') keeps its needs_review
    reason. Any other fact must be grounded in the text, or it is rejected; a
    grounded fact that breaks the contract's rules is held for review.
    """
    if labelled.fields["metric"] == "other":
        return labelled.status, labelled.reason
    if INSTRUCTION_CUE.search(_sentence_around(text, labelled.quote_start, labelled.quote_end)):
        return NEEDS_REVIEW, "instruction-like text around the number (possible prompt injection)"
    grounded, why = ground_fact(text, labelled.fields, labelled.number_start, labelled.number_end,
                                labelled.quote_start, labelled.quote_end)
    if not grounded:
        return REJECTED, f"not grounded: {why}"
    invalid = contract_errors(labelled.fields)
    if invalid and labelled.status == ACCEPTED:
        return NEEDS_REVIEW, f"breaks the contract: {invalid}"
    return labelled.status, labelled.reason


def _fact_columns(fields: dict[str, Any]) -> dict[str, Any]:
    columns = {k: v for k, v in fields.items() if k != "opinions"}
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


def process_path(path: Path, store: Store, settings: Settings, options: RunOptions, run_id: int,
                 llm: LLMClient | None = None, plans: dict[str, list[assist.SectionWork]] | None = None,
                 ) -> DocumentOutcome:
    """Read, extract and store one file. Never raises: any failure becomes an error outcome."""
    try:
        doc = read_document(path, settings.max_document_bytes)
        if not options.force and store.is_current(doc.sha256, options.config_hash()):
            store.note_path(doc.sha256, doc.path)
            row = store.extraction(doc.sha256)
            return DocumentOutcome(str(path), doc.name, "unchanged", report_month=store.report_month(doc.sha256),
                                   sections=row["sections"],
                                   accepted=row["accepted"], needs_review=row["needs_review"], rejected=row["rejected"])
        record = extract_document(doc, options, llm, (plans or {}).pop(doc.sha256, None))
        crosscheck.check_history(record.facts, store.previous_level)
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


PREFETCH_WINDOW = 8  # documents whose LLM questions are asked together when requests run concurrently


def _plan_ahead(path: Path, store: Store, settings: Settings, options: RunOptions,
                plans: dict[str, list[assist.SectionWork]]) -> list[LLMRequest]:
    """Plan one file's questions, keep the plan for when the file is processed, and return the questions
    (none if the file will be skipped or cannot be read: processing reports those)."""
    try:
        doc = read_document(path, settings.max_document_bytes)
        if not options.force and store.is_current(doc.sha256, options.config_hash()):
            return []
        plans[doc.sha256] = _plan(doc, _sections(doc, options), find_report_month(doc.text).value, options)
    except ExtractorError:
        return []
    return assist.requests_of(plans[doc.sha256])


def run_batch(
    paths: list[Path], store: Store, settings: Settings, options: RunOptions, command: str,
    on_document: Callable[[DocumentOutcome], None] | None = None, llm: LLMClient | None = None,
) -> tuple[int, list[DocumentOutcome]]:
    """Process every path, each document in its own transaction; returns (run id, outcomes)."""
    run_id = store.start_run(options.provider, options.model, PIPELINE_VERSION, options.config(), command)
    outcomes: list[DocumentOutcome] = []
    status = "interrupted"
    window = PREFETCH_WINDOW if llm is not None and llm.concurrency > 1 and options.strategy == "assist" else 1
    try:
        for first in range(0, len(paths), window):
            chunk = paths[first:first + window]
            plans: dict[str, list[assist.SectionWork]] = {}
            if window > 1:
                llm.prefetch([r for path in chunk for r in _plan_ahead(path, store, settings, options, plans)])  # type: ignore[union-attr]
            for path in chunk:
                outcome = process_path(path, store, settings, options, run_id, llm, plans)
                outcomes.append(outcome)
                if on_document:
                    on_document(outcome)
        status = "finished"
    finally:
        errors = sum(1 for o in outcomes if o.status == "error")
        summary: dict[str, Any] = {s: sum(getattr(o, s) for o in outcomes) for s in (ACCEPTED, NEEDS_REVIEW, REJECTED)}
        if options.uses_llm:
            summary["llm"] = store.llm_account(run_id)
        store.finish_run(run_id, status, len(outcomes), errors, summary)
    return run_id, outcomes
