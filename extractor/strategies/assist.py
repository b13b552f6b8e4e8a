"""The rules + LLM strategy: the rules label what they can; the LLM gives a second opinion where they are unsure,
and reads the drivers of each sentence that gives a cause.

For one document, every question is planned first (which numbers to label,
which sentences to read for drivers), asked in one batch through the client
(cache, concurrency, account), then reconciled under the run's policies
(`reconcile.decide`, `apply_section`). A failed question leaves the rules'
answer in place.
"""

from __future__ import annotations

from dataclasses import dataclass

import prompts
from extractor.formats import Section
from extractor.llm import LLMClient, LLMError, LLMRequest, LLMResult
from extractor.reconcile.labels import decide, fact_from_label, needs_label
from extractor.record import Driver, Fact, Span
from extractor.rules.drivers import Candidate, candidate_sentences, keyword_drivers, unique
from extractor.text.numbers import number_at
from schemas import SentenceDrivers, number_label_for, segments_for


@dataclass
class SectionWork:
    """One section's rules output, and the questions asked about it."""

    section: Section
    facts: list[Fact]
    candidates: list[Candidate]
    label_asks: list[tuple[int, LLMRequest]]  # (index into facts, request)
    driver_asks: list[LLMRequest]


def plan_section(text: str, section: Section, report_month: str | None, facts: list[Fact],
                 drivers_policy: str = "keyword") -> SectionWork:
    """The questions to ask about one section: labels of flagged numbers, and (unless the driver policy is
    `keyword`, which needs no LLM) the drivers of each sentence that gives a cause."""
    label_prompt, driver_prompt = prompts.load("label_number"), prompts.load("drivers")
    commodity = section.commodity.replace("_", " ")
    sentences = section.sentences
    label_asks = []
    for i, fact in enumerate(facts):
        if not needs_label(fact):
            continue
        number = number_at(text, fact.number.start, fact.number.end)
        sentence = next((s for s in sentences if s.start <= fact.number.start < s.end), None)
        if number is None or sentence is None:
            continue
        at = fact.number.start - sentence.start
        marked = f"{sentence.text[:at]}«{number.text}»{sentence.text[at + len(number.text):]}"
        schema = number_label_for(section.commodity).bind(unit=number.unit, value=number.value)
        messages = label_prompt.messages(commodity=commodity, report_month=report_month or "unknown",
                                         segments=", ".join(segments_for(section.commodity)), sentence=marked)
        label_asks.append((i, LLMRequest.build("label_number", label_prompt.version, messages, schema, 96)))
    candidates = candidate_sentences(text, section, report_month)
    driver_asks = [] if drivers_policy == "keyword" else [
        LLMRequest.build("drivers", driver_prompt.version,
                         driver_prompt.messages(commodity=commodity, sentence=c.text), SentenceDrivers, 96)
        for c in candidates
    ]
    return SectionWork(section, facts, candidates, label_asks, driver_asks)


def requests_of(works: list[SectionWork]) -> list[LLMRequest]:
    """Every planned question, section by section: labels, then drivers (the order `ask` answers in)."""
    return [r for w in works for r in [*(req for _, req in w.label_asks), *w.driver_asks]]


def ask(works: list[SectionWork], llm: LLMClient) -> list[list[LLMResult | LLMError]]:
    """Every planned question of a document in one batch; answers per section, labels then drivers."""
    answers = llm.run(requests_of(works))
    per_section, position = [], 0
    for work in works:
        size = len(work.label_asks) + len(work.driver_asks)
        per_section.append(answers[position:position + size])
        position += size
    return per_section


def apply_section(text: str, report_month: str | None, work: SectionWork, answers: list[LLMResult | LLMError],
                  labels: str = "confirm", drivers_policy: str = "keyword",
                  ) -> tuple[list[Fact], list[Driver]]:
    """Reconciled facts (each with its opinions where the LLM was asked), and drivers, for one section.

    Drivers per candidate sentence, by policy: `keyword` asks the LLM nothing
    (the measured default with the local models), `confirm` keeps the keyword
    baseline's drivers whose category the LLM also names, `llm` takes the LLM's
    alone, `union` takes both.
    A failed question falls back to the keyword drivers.
    """
    facts = list(work.facts)
    label_answers, driver_answers = answers[:len(work.label_asks)], answers[len(work.label_asks):]
    if not work.driver_asks:  # nothing was asked about drivers: the keyword baseline's stand
        driver_answers = [LLMError("not asked")] * len(work.candidates)
    for (i, request), answer in zip(work.label_asks, label_answers):
        rules = facts[i]
        if isinstance(answer, LLMError):
            rules.notes.append(f"LLM label failed: {answer}")
            rules.opinions = {"llm_error": str(answer)}
            continue
        number = number_at(text, rules.number.start, rules.number.end)
        assert number is not None
        label = request.schema.model_validate(answer.data)
        try:
            llm_fact = fact_from_label(rules, label, number, text, report_month)
        except ValueError as e:
            rules.opinions = {"llm": answer.data, "decision": f"unusable: {e}"}
            continue
        facts[i] = decide(rules, llm_fact, labels).applied()
    drivers: list[Driver] = []
    for candidate, answer in zip(work.candidates, driver_answers):
        keyword = keyword_drivers(candidate, work.section.commodity)
        if isinstance(answer, LLMError) or drivers_policy == "keyword":
            drivers += keyword
            continue
        named = SentenceDrivers.model_validate(answer.data).drivers
        if drivers_policy == "confirm":
            drivers += [d for d in keyword if d.category in {n.category for n in named}]
            continue
        if drivers_policy == "union":
            drivers += keyword
        for label in named:
            drivers.append(Driver(
                work.section.commodity, candidate.period, candidate.basis, label.effect, label.category,
                f"{label.category.replace('_', ' ')} pushed output {label.effect}", candidate.text,
                Span(candidate.start, candidate.start + len(candidate.text)),
            ))
    return facts, unique(drivers)
