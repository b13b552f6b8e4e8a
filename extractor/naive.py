"""The naive design, kept as the anchor to beat: the LLM alone reads a whole section and its answer is taken as is.

Used only by `extractor eval --compare`, into a throw-away database: its facts
are not grounded, which the rest of the tool never allows. Each fact still
records what reconciliation *would* have said (grounded or fabricated), so the
eval can show what the gate is worth.
"""

from __future__ import annotations

from typing import Any

import prompts
from schemas import SectionFacts

from .facts import Fact
from .llm import LLMClient, LLMError, LLMRequest
from .reconcile import ground_llm_value, naive_status
from .sections import Section


def section_request(text: str, section: Section, report_month: str | None) -> LLMRequest:
    prompt = prompts.load("section_facts")
    body = text[section.start:section.end]
    messages = prompt.messages(commodity=section.commodity.replace("_", " "), report_month=report_month or "unknown",
                               section=body)
    # The naive design has no reconciliation, so its schema is not bound to the section: no quote or window checks.
    return LLMRequest.build("section_facts", prompt.version, messages, SectionFacts, 1536)


def naive_facts(text: str, sections: list[Section], report_month: str | None,
                llm: LLMClient) -> list[tuple[Section, dict[str, Any]]]:
    """Fact rows (contract fields plus would-be status) for every section, as the LLM gave them."""
    answers = llm.run([section_request(text, s, report_month) for s in sections])
    rows = []
    for section, answer in zip(sections, answers):
        if isinstance(answer, LLMError):
            continue
        body = text[section.start:section.end]
        for fact in SectionFacts.model_validate(answer.data).facts:
            fields = {"commodity": section.commodity, "region": section.region, **fact.model_dump()}
            try:
                Fact.model_validate(fields)
            except ValueError:
                continue
            grounded = ground_llm_value(fact.value, fact.quote, body, section.start)
            would_be, why = naive_status(grounded, fact.measure.endswith("_direction"))
            start = body.find(fact.quote)
            rows.append((section, {
                **fields, "unit": None, "qualifier": None,
                "quote_start": section.start + start if start >= 0 else -1,
                "quote_end": section.start + start + len(fact.quote) if start >= 0 else -1,
                "number_start": grounded.start if grounded else -1, "number_end": grounded.end if grounded else -1,
                "opinions": {"naive": True, "reconciliation_would_say": would_be, "why": why},
            }))
    return rows
