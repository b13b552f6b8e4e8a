"""What is stored of a document's record: the record a batch writes in one transaction, and its facts, drivers
and sections as rows of their tables (and a stored fact back as the record)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from extractor.record import LABEL_FIELDS, Driver, Fact, Label, Scale, Span, Status

from . import views


@dataclass
class DocumentRecord:
    """Everything written for one document in one transaction."""

    document: dict[str, Any]
    path: str
    config_hash: str
    sections: list[dict[str, Any]]
    facts: list[Fact]
    drivers: list[Driver]
    llm_calls: list[dict[str, Any]] = field(default_factory=list)
    replaces: list[str] = field(default_factory=list)  # earlier versions of this report, read from the same path

    @property
    def failed_questions(self) -> int:
        """LLM questions of this extraction that failed for a reason worth asking again (not the model's answer)."""
        return sum(1 for call in self.llm_calls if call.get("error") and call.get("transient"))


def section_id(document_id: str, index: int) -> str:
    return f"{document_id[:16]}:{index}"


def fact_row(document_id: str, fact: Fact) -> dict[str, Any]:
    """A fact as a row of the facts table: the value JSON-encoded and as numbers, spans as offset columns."""
    return {
        "document_id": document_id, "section_id": section_id(document_id, fact.section), **fact.label.as_dict(),
        "value": json.dumps(fact.value), **views.value_columns(fact.value), "unit": fact.unit, "qualifier": fact.qualifier, "quote": fact.quote,
        "quote_start": fact.quote_span.start, "quote_end": fact.quote_span.end,
        "number_start": fact.number.start, "number_end": fact.number.end,
        "scale_start": fact.scale.start if fact.scale else None, "scale_end": fact.scale.end if fact.scale else None,
        "status": str(fact.status), "reason": fact.reason, "source": fact.source,
        "opinions": json.dumps(fact.opinions) if fact.opinions else None,
    }


def fact_from_row(row: dict[str, Any]) -> Fact:
    """A stored fact back as the record."""
    label = Label(*(row[k] for k in LABEL_FIELDS))
    return Fact(label, json.loads(row["value"]), row["unit"], row["qualifier"], row["quote"],
                Span(row["number_start"], row["number_end"]), Span(row["quote_start"], row["quote_end"]),
                Status(row["status"]), row["reason"], opinions=json.loads(row["opinions"]) if row.get("opinions") else {},
                source=row["source"], section=int(str(row["section_id"]).rsplit(":", 1)[-1]),
                scale=Scale(row["scale_start"], row["scale_end"]) if row.get("scale_start") is not None else None)


def driver_row(document_id: str, driver: Driver) -> dict[str, Any]:
    return {
        "document_id": document_id, "section_id": section_id(document_id, driver.section),
        **driver.contract_fields(), "quote_start": driver.quote_span.start, "quote_end": driver.quote_span.end,
        "status": str(driver.status), "reason": driver.reason, "source": driver.source,
    }
