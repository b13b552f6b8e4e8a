"""What the LLM answers in the read strategy (LLM-first): a document question and a reading question per chunk.

The document question asks what a report is: the month it reviews, its
publication date, and the products it reports on. The reading question asks
every figure and every driver of one chunk of the text, each with its quote and
the product it is about. Both answers are only claims: the text verifies every
field before anything is accepted (`extractor.reconcile.verify`).

The chunk schema is bound to its chunk (`ChunkReading.bind(chunk_text=...)`), so
a quote that is not the chunk's own words is re-asked with the reason.
"""

from __future__ import annotations

import re
from typing import Optional, Union

from pydantic import BaseModel, Field, model_validator

from .figures import Bound, SectionFact
from .section import SectionDriver

_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


class Product(BaseModel):
    """One product the report gives figures or causes for."""

    id: str = Field(description="the contract's id (e.g. copper_cathode, npi), else a snake_case id of its own name")
    name: str = Field(description="the product's name as the report writes it")
    region: str = Field("china", description="china, overseas, global, or a lower-case country name")


class DocumentReading(Bound):
    """What a report is: the month it reviews, when it was published, and the products it reports on."""

    report_month: Optional[str] = Field(description="YYYY-MM: the month whose figures the report reviews; null if "
                                                    "it names none")
    published: Optional[str] = Field(None, description="YYYY-MM-DD publication date if the text states one")
    products: list[Product] = Field(default_factory=list)

    @model_validator(mode="after")
    def _months(self) -> "DocumentReading":
        if self.report_month is not None and not _MONTH.fullmatch(self.report_month):
            raise ValueError(f"report_month {self.report_month!r} is not YYYY-MM")
        return self


class ReadFigure(SectionFact):
    """One figure of the chunk, with the product (and region) it is about."""

    commodity: str = Field(description="the product's id")
    region: str = Field("china", description="china, overseas, global, or a lower-case country name")


class ReadDriver(SectionDriver):
    """One cause the chunk gives for a product's output moving."""

    commodity: str = Field(description="the product's id")


class ChunkReading(Bound):
    """Every figure and every driver of output one chunk of a report states."""

    facts: list[ReadFigure] = Field(default_factory=list)
    drivers: list[ReadDriver] = Field(default_factory=list)

    @model_validator(mode="after")
    def _possible(self) -> "ChunkReading":
        text = self.CONTEXT.get("chunk_text")
        problems = []
        items: list[tuple[str, Union[ReadFigure, ReadDriver]]] = [
            *((f"facts[{i}]", f) for i, f in enumerate(self.facts)),
            *((f"drivers[{i}]", d) for i, d in enumerate(self.drivers))]
        for where, item in items:
            if not _MONTH.fullmatch(item.period):
                problems.append(f"{where}.period {item.period!r} is not YYYY-MM")
            if text is not None and item.quote not in text:
                problems.append(f"{where}.quote {item.quote!r} is not in the text; copy the words exactly")
        for i, fact in enumerate(self.facts):
            if fact.measure.endswith("_direction") != isinstance(fact.value, str):
                problems.append(f"facts[{i}]: {fact.measure} needs "
                                f"{'up/down/flat' if not isinstance(fact.value, str) else 'a number'}")
        if problems:
            raise ValueError("; ".join(problems[:5]))
        return self


def chunk_reading_for(chunk_text: str) -> type[ChunkReading]:
    return ChunkReading.bind(chunk_text=chunk_text)
