"""The section strategy: the design card's flow, reconciled. The LLM reads a whole section (its figures and
drivers, in the schema); the rules read it too; the two are reconciled by written rules.

1. An LLM figure is kept only where a number the regex layer finds in or next
   to its quote states its value; otherwise it is stored rejected as fabricated.
   Its value and sign come from the text, never from the answer.
2. Where the rules labelled the same number, the rules' label stands. If the
   two agree, a rules fact held only because its label was a guess is accepted;
   if they disagree, the LLM's label is kept as an opinion (and, under `adopt`,
   replaces a rules label that was a guess).
3. A figure only the LLM read goes to review under `confirm`; under `adopt` it
   faces the same grounding and contract gate as a rules fact.
4. Drivers follow the run's driver policy: `keyword` keeps the rules', `confirm`
   the rules' that the LLM also gives, `llm` the LLM's, `union` both.
5. Under `auto` (both policies), the LLM earns its say per document: it is
   trusted (`adopt`, `llm`) only where it reads the rules' accepted figures of
   that document as the rules do (`trusted_policies`); otherwise it may only
   confirm (`confirm`, `keyword`). With the gold oracle this beats the rules
   for a good LLM and never falls below them for a bad one (docs/benchmarks.md).

Both opinions are kept with every fact the LLM spoke about. A failed question
leaves the rules' reading of the section as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import prompts
from extractor.formats import Section
from extractor.llm import LLMError, LLMRequest, LLMResult
from extractor.reconcile import verify
from extractor.reconcile.labels import LABEL_KEYS, asked_about, contract_unit, ground_llm_value, guessed
from extractor.record import Driver, Fact, Label, Span, Status
from extractor.rules.drivers import unique
from extractor.text import clauses as cl
from extractor.text.commodities import COMMODITY_ALIASES
from schemas.section import SectionDriver, SectionFigure, SectionReading, section_reading_for

COMPARED = (*LABEL_KEYS, "period", "commodity")


def section_request(text: str, section: Section, report_month: str | None) -> LLMRequest:
    """The question of one section: all its figures and drivers, bound to its text and the report's window."""
    prompt = prompts.load("section_reading")
    body = text[section.start:section.end]
    messages = prompt.messages(commodity=section.commodity.replace("_", " "), report_month=report_month or "unknown",
                               section=body)
    return LLMRequest.build("section_reading", prompt.version, messages, section_reading_for(body, report_month), 2048)


@dataclass(frozen=True)
class SectionAnswer:
    """The LLM's reading of one section as facts grounded to the text (each once), or the error it ended with."""

    facts: list[Fact] = field(default_factory=list)
    drivers: list[SectionDriver] = field(default_factory=list)
    error: LLMError | None = None


def read_answer(text: str, section: Section, answer: LLMResult | LLMError, source: str = "llm") -> SectionAnswer:
    """The answer's figures grounded to the section's text (or rejected as fabricated) and its drivers."""
    if isinstance(answer, LLMError):
        return SectionAnswer(error=answer)
    reading = SectionReading.model_validate(answer.data)
    return SectionAnswer([_llm_fact(text, section, given, source) for given in reading.facts], reading.drivers)


def reconcile_section(text: str, section: Section, rules_facts: list[Fact], rules_drivers: list[Driver],
                      answer: SectionAnswer, labels: str = "confirm", drivers: str = "keyword",
                      source: str = "llm") -> tuple[list[Fact], list[Driver]]:
    """The section's facts and drivers once the LLM's reading is reconciled with the rules' (see the module doc)."""
    if answer.error is not None:
        for fact in rules_facts:
            fact.notes.append(f"LLM section reading failed: {answer.error}")
        return rules_facts, rules_drivers
    facts = list(rules_facts)
    by_number: dict[int, int] = {f.number.start: i for i, f in enumerate(facts) if not f.label.is_direction}
    seen: set[tuple[Label, int]] = {(f.label, f.number.start) for f in facts}
    for llm_fact in answer.facts:
        if llm_fact.status == Status.REJECTED or llm_fact.label.is_direction:
            match = _same_direction(facts, llm_fact) if llm_fact.label.is_direction else None
        else:
            match = by_number.get(llm_fact.number.start)
        if match is not None:
            facts[match] = _decide(facts[match], llm_fact, labels, source)
            continue
        if (llm_fact.label, llm_fact.number.start) in seen:
            continue
        seen.add((llm_fact.label, llm_fact.number.start))
        if llm_fact.status != Status.REJECTED and labels != "adopt":
            llm_fact.hold("only the LLM read this figure (confirm policy)")
        facts.append(llm_fact)
    return facts, _drivers(text, section, rules_drivers, answer.drivers, drivers, source)


TRUSTED = 0.7  # the share of the rules' accepted figures the LLM must read the same way (less what it makes up)
MIN_COMPARED = 8


def trusted_policies(rules: list[tuple[list[Fact], list[Driver]]], answers: list[SectionAnswer], labels: str,
                     drivers: str) -> tuple[str, str, str]:
    """The concrete policies for one document, and why. `auto` trusts the LLM (adopts its figures, takes its
    drivers) only where it read at least TRUSTED of the rules' accepted figures of this document as the rules did,
    each value it made up counting against it, and the rules accepted at least MIN_COMPARED; otherwise the LLM may
    only confirm. Other policies pass through."""
    if "auto" not in (labels, drivers):
        return labels, drivers, "as asked"
    agreed, compared, fabricated = _agreement(rules, answers)
    trusted = compared >= MIN_COMPARED and agreed >= TRUSTED * (compared + fabricated)
    why = (f"the LLM read {agreed} of the rules' {compared} accepted figures alike and gave {fabricated} value(s) "
           f"the text does not state: {'trusted' if trusted else 'not trusted'}")
    return (("adopt" if trusted else "confirm") if labels == "auto" else labels,
            ("llm" if trusted else "keyword") if drivers == "auto" else drivers, why)


def _agreement(rules: list[tuple[list[Fact], list[Driver]]], answers: list[SectionAnswer]) -> tuple[int, int, int]:
    """Over a document's sections: the rules' accepted figures the LLM read alike, the rules' accepted figures, and
    the values the LLM gave that the text does not state."""
    agreed = compared = fabricated = 0
    for (facts, _), answer in zip(rules, answers):
        confident = {f.number.start: f for f in facts if f.status == Status.ACCEPTED and not f.label.is_direction}
        compared += len(confident)
        alike = set()
        for llm_fact in answer.facts:
            fabricated += llm_fact.status == Status.REJECTED
            rules_fact = confident.get(llm_fact.number.start)
            if rules_fact is not None and all(getattr(rules_fact.label, k) == getattr(llm_fact.label, k)
                                              for k in COMPARED):
                alike.add(llm_fact.number.start)
        agreed += len(alike)
    return agreed, compared, fabricated


def _llm_fact(text: str, section: Section, given: SectionFigure, source: str) -> Fact:
    """The LLM's figure as a fact: grounded to a regex number near its quote (value and sign from the text), or
    rejected as fabricated."""
    body = text[section.start:section.end]
    at = body.find(given.quote)
    quote_span = Span(section.start + at, section.start + at + len(given.quote)) if at >= 0 else Span(-1, -1)
    commodity = given.commodity if given.commodity in COMMODITY_ALIASES else section.commodity
    label = Label(commodity, section.region, given.metric, verify.segment_label(given.segment, commodity),
                  given.content, given.period, given.basis, given.measure)
    opinion = {"llm": {**label.as_dict(), "value": given.value}}
    if label.is_direction:
        return Fact(label, given.value, None, None, given.quote, quote_span, quote_span, opinions=opinion,
                    source=source, section=section.index)
    number = ground_llm_value(given.value, given.quote, body, section.start)
    if number is None:
        return Fact(label, given.value, None, None, given.quote, Span(-1, -1), quote_span, Status.REJECTED,
                    "fabricated: no number in the section states this value near the quote", opinions=opinion,
                    source=source, section=section.index)
    value: Any = list(number.value) if isinstance(number.value, tuple) else number.value
    if label.measure != "level" and isinstance(value, float):
        clause_start = max(text.rfind(c, section.start, number.start) for c in ";,.")
        direction, _ = cl.last_direction(text[clause_start + 1:number.start])
        negative = direction == "down" if direction in ("up", "down") else given_sign(given.value) < 0
        value = -abs(value) if negative else abs(value)
    span = Span(min(quote_span.start, number.start) if at >= 0 else number.start,
                max(quote_span.end, number.end) if at >= 0 else number.end)
    return Fact(label, value, contract_unit(label.metric, label.measure, number), number.qualifier, span.of(text),
                Span(number.start, number.end), span, opinions=opinion, source=source, section=section.index)


def given_sign(value: Any) -> float:
    return float(value[0] if isinstance(value, list) else value) if not isinstance(value, str) else 0.0


def _same_direction(facts: list[Fact], llm_fact: Fact) -> int | None:
    """The rules' direction fact whose quote overlaps the LLM's, with the same comparison."""
    for i, fact in enumerate(facts):
        if (fact.label.is_direction and fact.label.measure == llm_fact.label.measure
                and fact.quote_span.start < llm_fact.quote_span.end and llm_fact.quote_span.start < fact.quote_span.end):
            return i
    return None


def _decide(rules: Fact, llm: Fact, policy: str, source: str) -> Fact:
    """Reconcile the rules' fact and the LLM's reading of the same number (rule 2 of the module doc)."""
    if llm.status == Status.REJECTED:
        rules.opinions = {**llm.opinions, "decision": "the LLM's value is not the text's: rules kept"}
        return rules
    rules_label = {k: getattr(rules.label, k) for k in COMPARED}
    llm_label = {k: getattr(llm.label, k) for k in COMPARED}
    opinions = {"rules": rules_label, "llm": llm_label}
    if rules_label == llm_label:
        if asked_about(rules):
            confirmed = rules.relabel(opinions={**opinions, "decision": "agree: the rules' guess confirmed"})
            confirmed.accept()
            return confirmed
        return rules.relabel(opinions={**opinions, "decision": "agree"})
    if guessed(rules) and policy == "adopt":
        adopted = llm.relabel(source=source, opinions={**opinions, "decision": "llm: the rules guessed"})
        adopted.accept()
        return adopted
    differences = ", ".join(f"{k}={llm_label[k]}" for k in COMPARED if llm_label[k] != rules_label[k])
    return rules.relabel(opinions={**opinions, "decision": f"disagree ({differences}): rules kept"})


def _drivers(text: str, section: Section, rules: list[Driver], given: list[SectionDriver], policy: str,
             source: str) -> list[Driver]:
    if policy == "keyword":
        return rules
    body = text[section.start:section.end]
    llm = []
    for d in given:
        at = section.start + body.find(d.quote)
        llm.append(Driver(section.commodity, d.period, d.basis, d.effect, d.category,
                          f"{d.category.replace('_', ' ')} pushed output {d.effect}", d.quote,
                          Span(at, at + len(d.quote)), source=source, section=section.index))
    named = {d.key() for d in llm}
    if policy == "confirm":
        return [d for d in rules if d.key() in named]
    if policy == "llm":
        return unique(llm)
    return unique([*rules, *llm])
