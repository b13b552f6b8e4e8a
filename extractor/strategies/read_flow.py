"""The read strategy's flow over one document: the document question, the reading questions, the rules' second
opinion, and the decision between them (see `extractor.strategies.read` and `extractor.reconcile.readings`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

from extractor.formats import ReportFormat, ReportMonth, Section
from extractor.llm import LLMClient
from extractor.llm.base import CallRecord
from extractor.reconcile import favours as text_favours
from extractor.reconcile import verify
from extractor.reconcile.readings import (RUN_VERIFIED_MIN, VERIFIED_MIN, Favours, Trust, decide, decide_drivers,
                                         good_run, trust)
from extractor.record import Driver, Fact, Status
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


@dataclass
class Asked:
    """The LLM's answers to one document's questions, read and verified, before anything is decided."""

    reading: DocumentReading | None
    llm_month: str | None
    month_problem: str | None
    month: str | None
    parts: list[Section]
    facts: list[Fact]
    drivers: list[Driver]

    def tally(self) -> tuple[int, int]:
        """(figures the text verified, figures read): this document's share of a run's trust."""
        figures = [f for f in self.facts if not f.label.is_direction]
        return sum(f.status == Status.ACCEPTED for f in figures), len(figures)


def ask(text: str, fmt: ReportFormat, sections: list[Section], rules_month: ReportMonth, llm: LLMClient, source: str,
        examples: Callable[[str], str] | None = None) -> Asked:
    """The document question, then one reading question per chunk; every answer grounded and verified."""
    reading = read.document_answer(llm.run([read.document_request(text)])[0])
    llm_month = reading.report_month if reading else None
    month_problem = verify.check_report_month(llm_month, text) if llm_month else "the LLM named no report month"
    month = llm_month if month_problem is None else rules_month.value
    parts = read.chunks(text, sections)
    answers = llm.run([read.chunk_request(text, c, month, products_line(reading),
                                          examples(text[c.start:c.end]) if examples else "") for c in parts])
    readings = [read.read_chunk(text, fmt, c, a, month, source) for c, a in zip(parts, answers)]
    settled = _settled_month(month, month_problem, rules_month, readings, text)
    if settled is not None:
        month, month_problem = settled
        readings = [read.read_chunk(text, fmt, c, a, month, source) for c, a in zip(parts, answers)]
    return Asked(reading, llm_month, month_problem, month, parts, [f for r in readings for f in r.facts],
                 [d for r in readings for d in r.drivers])


def _settled_month(month: str | None, problem: str | None, rules_month: ReportMonth,
                   readings: list[read.ChunkAnswer], text: str) -> tuple[str | None, str] | None:
    """Where the LLM's figures settle the report month otherwise than the month taken: that month and why."""
    if _outvoted(month, rules_month, readings):
        return rules_month.value, f"the LLM named {month} but its figures and the rules say {rules_month.value}"
    figures_month = _month_read(problem, month, rules_month, readings, text)
    if figures_month is None:
        return None
    named = problem or f"the LLM named {month}"
    return figures_month, f"{named}; it read the figures as of {figures_month}, a month the text states"


def _outvoted(month: str | None, rules_month: ReportMonth, readings: list[read.ChunkAnswer]) -> bool:
    """The LLM named one month and read the document's figures as of the month the rules found, or of no one month
    it named where the rules are sure of theirs: its own figures and the rules outvote its month."""
    if month == rules_month.value or rules_month.value is None:
        return False
    figures = _month_of_figures([f for r in readings for f in r.facts])
    return figures == rules_month.value or (rules_month.confidence == "high" and figures != month)


def _month_read(problem: str | None, month: str | None, rules_month: ReportMonth, readings: list[read.ChunkAnswer],
                text: str) -> str | None:
    """Where the LLM's named month was not taken, or the rules found another: the month the LLM read most of the
    document's actual figures as of (their values found in the text), if it is not the month taken and the text
    states it. The answer to the document question can be wrong where the reading of the figures is right; where
    the rules agree with the named month, it stands (a report may review a month after most of its figures)."""
    if problem is None and rules_month.value in (None, month):
        return None
    read_as = _month_of_figures([f for r in readings for f in r.facts if f.status != Status.REJECTED])
    return read_as if read_as not in (None, month) and verify.check_report_month(read_as, text) is None else None


def _month_of_figures(facts: list[Fact]) -> str | None:
    """The month most of a document's actual figures describe, where more than half of them describe one."""
    periods = Counter(f.label.period for f in facts if f.label.basis == "actual" and f.label.period)
    if not periods:
        return None
    period, count = periods.most_common(1)[0]
    return period if 2 * count > sum(periods.values()) else None


@dataclass
class Survey:
    """A batch's documents asked before any is decided: each document's answers (with the account of their calls),
    and the run's tally of figures the text verified and figures read, on which the LLM's trust is measured."""

    asked: dict[str, tuple[Asked, list[CallRecord]]] = field(default_factory=dict)
    verified: int = 0
    figures: int = 0

    def add(self, document_id: str, asked: Asked, calls: list[CallRecord]) -> None:
        self.asked[document_id] = (asked, calls)
        verified, figures = asked.tally()
        self.verified += verified
        self.figures += figures

    @property
    def tally(self) -> tuple[int, int]:
        return self.verified, self.figures


def run_trust(survey: Survey) -> dict[str, Any]:
    """What the run's summary says of the LLM's trust: the figures the text verified, of those it read."""
    verified, figures = survey.tally
    share = verified / figures if figures else 0.0
    return {"verified": verified, "figures": figures, "share": round(share, 3), "threshold": RUN_VERIFIED_MIN,
            "trusted": good_run(survey.tally)}


def read_document(text: str, fmt: ReportFormat, sections: list[Section], rules_month: ReportMonth,
                  llm: LLMClient, source: str, examples: Callable[[str], str] | None = None,
                  asked: Asked | None = None, run_tally: tuple[int, int] | None = None) -> ReadResult:
    """Ask (unless the batch's survey already did), verify and decide (the module doc of `read`). `run_tally` is
    the run's (verified, read) figures over all its documents: the LLM's trust is measured on the run where it is
    given, on the document alone otherwise."""
    asked = asked or ask(text, fmt, sections, rules_month, llm, source, examples)
    month = asked.month
    rules_facts, rules_drivers = _rules(text, fmt, sections, month)
    decided = trust(rules_facts, asked.facts, run_tally)
    sure = decided.trusted or (decided.figures > 0 and decided.verified >= VERIFIED_MIN * decided.figures)
    if month != rules_month.value and ((rules_month.value is not None and not decided.overrules) or not sure):
        month = rules_month.value  # a reader not trusted to overrule does not move the rules' month; where the rules
        # found none, the LLM's stands if the text verifies this document's figures as it would a trusted reader's
        rules_facts, rules_drivers = _rules(text, fmt, sections, month)
    facts = decide(rules_facts, asked.facts, decided, _favours(text, month))
    drivers = decide_drivers(rules_drivers, asked.drivers, decided, run_tally)
    for fact in facts:
        fact.section = _chunk_of(asked.parts, fact.quote_span.start)
    for driver in drivers:
        driver.section = _chunk_of(asked.parts, driver.quote_span.start)
    return ReadResult(_month(rules_month, asked.llm_month, month, asked.month_problem), asked.parts, facts, drivers,
                      decided)


def _favours(text: str, month: str | None) -> Favours:
    """The label fields on which the text speaks for the rules' reading of a number against the LLM's
    (`favours.favours_rules`), read in the LLM quote's sentence."""
    def favours(rules: Fact, llm: Fact) -> set[str]:
        sentence = read.sentence_of(text, llm.quote_span.start, llm.quote_span.end, before=0)
        return text_favours.favours_rules(rules.label, llm.label, llm.quote, sentence, month)
    return favours


def _rules(text: str, fmt: ReportFormat, sections: list[Section],
           month: str | None) -> tuple[list[Fact], list[Driver]]:
    drivers = []
    for section in sections:
        for driver in fmt.drivers(text, section, month):
            if not section.known:
                driver.hold("section heading not in the commodity table")
            drivers.append(driver)
    return [f for s in sections for f in fmt.label(text, s, month)], drivers


def _month(rules: ReportMonth, llm: str | None, chosen: str | None, problem: str | None) -> ReportMonth:
    if chosen == rules.value:
        agree = " (the LLM agrees)" if llm == chosen else f" (the LLM said {llm}: {problem or 'not trusted'})"
        return ReportMonth(rules.value, rules.confidence, rules.evidence + agree)
    if chosen != llm:  # the month of the LLM's figures, not the one it named
        return ReportMonth(chosen, "medium", f"{problem} (the rules said {rules.value})")
    return ReportMonth(chosen, "high" if rules.value is None else "medium",
                       f"the LLM's reading, which the text states (the rules said {rules.value})")


def _chunk_of(parts: list[Section], offset: int) -> int:
    for part in parts:
        if part.start <= offset < part.end:
            return part.index
    return parts[-1].index if parts else 0
