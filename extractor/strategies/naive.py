"""The naive design, kept as the anchor to beat: the LLM alone reads a whole section and its answer is taken as is.

Used only by `extractor eval --compare`, into a throw-away database: its facts
are not grounded, which the rest of the tool never allows. Each fact still
records what reconciliation *would* have said (grounded or fabricated), so the
eval can show what the gate is worth.
"""

from __future__ import annotations

import prompts
from extractor.facts import Fact as ContractFact
from extractor.formats import Section
from extractor.llm import LLMClient, LLMError, LLMRequest
from extractor.reconcile.labels import ground_llm_value, naive_status
from extractor.record import LABEL_FIELDS, Fact, Label, Span
from schemas import SectionFacts


def section_request(text: str, section: Section, report_month: str | None) -> LLMRequest:
    prompt = prompts.load("section_facts")
    body = text[section.start:section.end]
    messages = prompt.messages(commodity=section.commodity.replace("_", " "), report_month=report_month or "unknown",
                               section=body)
    # The naive design has no reconciliation, so its schema is not bound to the section: no quote or window checks.
    return LLMRequest.build("section_facts", prompt.version, messages, SectionFacts, 1536)


def naive_facts(text: str, sections: list[Section], report_month: str | None, llm: LLMClient) -> list[Fact]:
    """Every section's facts as the LLM gave them, each with what reconciliation would have said in its opinions.

    A quote the section does not hold gets the span (-1, -1); a value no regex number states, the number span (-1, -1).
    """
    answers = llm.run([section_request(text, s, report_month) for s in sections])
    facts = []
    for section, answer in zip(sections, answers):
        if isinstance(answer, LLMError):
            continue
        body = text[section.start:section.end]
        for given in SectionFacts.model_validate(answer.data).facts:
            fields = {"commodity": section.commodity, "region": section.region, **given.model_dump()}
            try:
                ContractFact.model_validate(fields)
            except ValueError:
                continue
            grounded = ground_llm_value(given.value, given.quote, body, section.start)
            would_be, why = naive_status(grounded, given.measure.endswith("_direction"))
            start = body.find(given.quote)
            quote_span = Span(section.start + start, section.start + start + len(given.quote)) if start >= 0 else Span(-1, -1)
            label = Label(*(fields[k] for k in LABEL_FIELDS))
            facts.append(Fact(label, given.value, None, None, given.quote,
                              Span(grounded.start, grounded.end) if grounded else Span(-1, -1), quote_span,
                              opinions={"naive": True, "reconciliation_would_say": str(would_be), "why": why},
                              section=section.index))
    return facts
