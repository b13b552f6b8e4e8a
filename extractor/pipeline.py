"""The pipeline of one document: read its structure, label and ground its facts (the rules, or an LLM with the\nrules as its second opinion), and make the record the store writes. A batch of files is `extractor.batch`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from extractor.errors import DocumentError, ExtractorError
from extractor.formats import ReportFormat, ReportMonth, RulesFormat, Section, format_of
from extractor.llm import LLMClient
from extractor.reconcile import crosscheck
from extractor.reconcile.gate import gate_fact
from extractor.record import Driver, Fact, Status
from extractor.settings import DEFAULT_MAX_BYTES
from extractor.run_options import RunOptions
from extractor.store import DocumentRecord, section_id
from extractor.strategies import assist, examples, naive, read_flow
from extractor.strategies import section as section_strategy
from extractor.text import sentence_cache
from extractor.text.documents import Document

@dataclass(frozen=True)
class Reading:
    """A document as its format reads it before any number is labelled: format, report month, sections."""

    doc: Document
    format: ReportFormat
    month: ReportMonth
    sections: list[Section]


Plan = tuple[Reading, list[assist.SectionWork]]


def read_structure(doc: Document, options: RunOptions) -> Reading:
    """Choose the document's format and read its report month and sections (the eval's sample, when one is set).

    Raises DocumentError when no format recognises a commodity in the text.
    """
    sentence_cache.start_document()
    chosen = format_of(doc)
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
    if options.uses_llm and llm is None:
        raise ExtractorError(f"provider {options.provider} needs an LLM client")
    if llm is not None:
        llm.take_records()  # what a failed earlier document asked is not this document's account
    month, sections, facts, drivers = _facts_of(reading, options, llm, works)
    crosscheck.check_document(facts)
    return DocumentRecord(_document_row(reading, month), doc.path, options.config_hash(), _section_rows(doc, sections),
                          facts, drivers, _calls(doc, options, llm))


def _facts_of(reading: Reading, options: RunOptions, llm: LLMClient | None, works: list[assist.SectionWork] | None,
              ) -> tuple[ReportMonth, list[Section], list[Fact], list[Driver]]:
    """The report month, the sections (the LLM's chunks when it reads the document) and the facts and drivers, as
    the run's strategy reads them."""
    if options.reads_with_llm:
        assert llm is not None
        return _read_facts(reading, options, llm)
    if options.uses_llm and options.strategy == "naive":
        assert llm is not None
        facts, drivers = _naive_facts(reading.doc, reading.sections, reading.month.value, llm, options)
    else:
        facts, drivers = _assisted_facts(reading, llm, options, works)
    return reading.month, reading.sections, facts, drivers


def _read_facts(reading: Reading, options: RunOptions, llm: LLMClient,
                ) -> tuple[ReportMonth, list[Section], list[Fact], list[Driver]]:
    """The read strategy: the LLM reads the document (or its survey already did), every fact not rejected gated."""
    doc = reading.doc
    surveyed = options.survey.asked.get(doc.sha256) if options.survey else None
    result = read_flow.read_document(doc.text, reading.format, reading.sections, reading.month, llm, options.provider,
                                     examples_of(doc, options), surveyed[0] if surveyed else None,
                                     options.survey.tally if options.survey else None)
    for fact in result.facts:
        if fact.status != Status.REJECTED:
            fact.settle(*gate_fact(doc.text, fact))
    return result.month, result.chunks, result.facts, result.drivers


def _section_rows(doc: Document, sections: list[Section]) -> list[dict[str, object]]:
    return [{
        "id": section_id(doc.sha256, s.index), "document_id": doc.sha256, "idx": s.index, "commodity": s.commodity,
        "region": s.region, "heading": s.heading, "start": s.start, "end": s.end, "known": int(s.known),
    } for s in sections]


def _document_row(reading: Reading, month: ReportMonth) -> dict[str, object]:
    doc = reading.doc
    return {
        "id": doc.sha256, "name": doc.name, "path": doc.path, "size": doc.size, "encoding": doc.encoding,
        "format": doc.format, "report_format": reading.format.name, "report_month": month.value, "report_month_confidence": month.confidence,
        "report_month_evidence": month.evidence, "text": doc.text,
    }


def _calls(doc: Document, options: RunOptions, llm: LLMClient | None) -> list[dict[str, object]]:
    """The document's account of LLM calls: what it asked now, or what the survey asked of it."""
    calls = [vars(c) for c in llm.take_records()] if llm else []
    if options.reads_with_llm and options.survey and doc.sha256 in options.survey.asked:
        calls = [vars(c) for c in options.survey.asked[doc.sha256][1]]  # asked in the survey, not again
    return calls


def examples_of(doc: Document, options: RunOptions) -> Callable[[str], str] | None:
    """The reading question's worked examples for this document's chunks (never its own gold)."""
    return examples.bank_for(options.examples, DEFAULT_MAX_BYTES).render_for(doc.name) if options.examples else None


def plan_assist(reading: Reading, options: RunOptions) -> list[assist.SectionWork]:
    """Rules labels of every section, and the questions the assist strategy asks about them."""
    text, month, fmt = reading.doc.text, reading.month.value, reading.format
    drivers = options.assist_policies()[1]
    return [assist.plan_section(text, s, month, fmt.label(text, s, month), drivers) for s in reading.sections]


def _assisted_facts(reading: Reading, llm: LLMClient | None, options: RunOptions,
                    works: list[assist.SectionWork] | None = None) -> tuple[list[Fact], list[Driver]]:
    """The format's facts and drivers; with an LLM, reconciled labels and LLM-read drivers. Every fact is gated."""
    if llm is not None and options.strategy == "section":
        results = _section_results(reading, llm, options)
    elif llm is not None:
        works = works if works is not None else plan_assist(reading, options)
        labels, drivers_policy = options.assist_policies()
        results = [assist.apply_section(reading.doc.text, reading.month.value, w, a, labels, drivers_policy)
                   for w, a in zip(works, assist.ask(works, llm))]
    else:
        text, month, fmt = reading.doc.text, reading.month.value, reading.format
        results = [(fmt.label(text, s, month), fmt.drivers(text, s, month)) for s in reading.sections]
    drivers_source = "rules" if llm is None or options.assist_policies()[1] == "keyword" else options.provider
    all_facts: list[Fact] = []
    all_drivers: list[Driver] = []
    for section, (facts, drivers) in zip(reading.sections, results):
        all_facts.extend(_placed_fact(reading.doc.text, section, fact, options) for fact in facts)
        all_drivers.extend(_placed_driver(section, driver, options, drivers_source) for driver in drivers)
    return all_facts, all_drivers


def _section_results(reading: Reading, llm: LLMClient, options: RunOptions) -> list[tuple[list[Fact], list[Driver]]]:
    """The section strategy: the rules' and the LLM's reading of each section, reconciled by the policies the
    run's agreement earns (named in each fact's opinions)."""
    doc, sections, month, fmt = reading.doc, reading.sections, reading.month.value, reading.format
    rules = [(fmt.label(doc.text, s, month), fmt.drivers(doc.text, s, month)) for s in sections]
    answers = [section_strategy.read_answer(doc.text, s, a, options.provider) for s, a in
               zip(sections, llm.run([section_strategy.section_request(doc.text, s, month) for s in sections]))]
    labels, drivers_policy, why = section_strategy.trusted_policies(rules, answers, options.labels, options.drivers)
    results = [section_strategy.reconcile_section(doc.text, s, facts, drivers, answer, labels, drivers_policy,
                                                  options.provider)
               for s, (facts, drivers), answer in zip(sections, rules, answers)]
    for fact in (f for facts, _ in results for f in facts if f.opinions):
        fact.opinions["trust"] = why
    return results


def _placed_fact(text: str, section: Section, fact: Fact, options: RunOptions) -> Fact:
    """The fact with its section, gated (unless rejected), its source the provider when the LLM's label decided."""
    fact.section = section.index
    if fact.status != Status.REJECTED:
        fact.settle(*gate_fact(text, fact))
    if fact.opinions.get("decision", "").startswith("llm"):
        fact.source = options.provider
    return fact


def _placed_driver(section: Section, driver: Driver, options: RunOptions, source: str) -> Driver:
    """The driver with its section, for review when the section's heading is not a known commodity's."""
    driver.section = section.index
    if not section.known:
        driver.hold("section heading not in the commodity table")
    if options.strategy != "section":
        driver.source = source
    return driver


def _naive_facts(doc: Document, sections: list[Section], month: str | None, llm: LLMClient,
                 options: RunOptions) -> tuple[list[Fact], list[Driver]]:
    facts = naive.naive_facts(doc.text, sections, month, llm)
    for fact in facts:
        fact.accept("naive design: the LLM's answer taken unreconciled (eval only)")
        fact.source = options.provider
    return facts, []


