"""The read strategy's flow over one document: the document question, the reading questions, the rules' second
opinion, and the decision between them (see `extractor.strategies.read` and `extractor.reconcile.readings`)."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.formats import ReportFormat
from extractor.llm import LLMClient
from extractor.reconcile import verify
from extractor.reconcile.readings import Trust, decide, decide_drivers, trust
from extractor.record import Driver, Fact
from extractor.rules.report_month import ReportMonth
from extractor.rules.sections import Section
from extractor.strategies import read
from schemas.reading import DocumentReading


@dataclass
class ReadResult:
    """What the read strategy makes of a document: its month, the chunks it read, the decided facts and drivers."""

    month: ReportMonth
    chunks: list[Section]
    facts: list[Fact]
    drivers: list[Driver]
    trust: Trust


def products_line(reading: DocumentReading | None) -> str:
    if reading is None or not reading.products:
        return ""
    return "; ".join(f"{verify.commodity_id(p.id)} ({p.name}{', ' + p.region if p.region != 'china' else ''})"
                     for p in reading.products)


def read_document(text: str, fmt: ReportFormat | None, sections: list[Section], rules_month: ReportMonth,
                  llm: LLMClient, source: str) -> ReadResult:
    """Ask, verify and decide (the module doc of `read`): one document question, one question per chunk."""
    reading = read.document_answer(llm.run([read.document_request(text)])[0])
    llm_month = reading.report_month if reading else None
    month_problem = verify.check_report_month(llm_month, text) if llm_month else "the LLM named no report month"
    month = llm_month if month_problem is None else rules_month.value
    parts = read.chunks(text, sections)
    answers = llm.run([read.chunk_request(text, c, month, products_line(reading)) for c in parts])
    readings = [read.read_chunk(text, c, a, month, source) for c, a in zip(parts, answers)]
    llm_facts = [f for r in readings for f in r.facts]
    llm_drivers = [d for r in readings for d in r.drivers]
    rules_facts, rules_drivers = _rules(text, fmt, sections, month)
    decided = trust(rules_facts, llm_facts)
    if not decided.trusted and rules_month.value is not None and month != rules_month.value:
        month = rules_month.value  # an untrusted reader does not move the rules' month
        rules_facts, rules_drivers = _rules(text, fmt, sections, month)
    facts = decide(rules_facts, llm_facts, decided)
    drivers = decide_drivers(rules_drivers, llm_drivers, decided)
    for fact in facts:
        fact.section = _chunk_of(parts, fact.quote_span.start)
    for driver in drivers:
        driver.section = _chunk_of(parts, driver.quote_span.start)
    return ReadResult(_month(rules_month, llm_month, month, month_problem), parts, facts, drivers, decided)


def _rules(text: str, fmt: ReportFormat | None, sections: list[Section],
           month: str | None) -> tuple[list[Fact], list[Driver]]:
    if fmt is None:
        return [], []
    return ([f for s in sections for f in fmt.label(text, s, month)],
            [d for s in sections for d in fmt.drivers(text, s, month)])


def _month(rules: ReportMonth, llm: str | None, chosen: str | None, problem: str | None) -> ReportMonth:
    if chosen == rules.value:
        agree = " (the LLM agrees)" if llm == chosen else f" (the LLM said {llm}: {problem or 'not trusted'})"
        return ReportMonth(rules.value, rules.confidence, rules.evidence + agree)
    return ReportMonth(chosen, "high" if rules.value is None else "medium",
                       f"the LLM's reading, which the text states (the rules said {rules.value})")


def _chunk_of(parts: list[Section], offset: int) -> int:
    for part in parts:
        if part.start <= offset < part.end:
            return part.index
    return parts[-1].index if parts else 0
