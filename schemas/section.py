"""What the LLM answers in the section strategy: a whole section's figures and drivers, to be reconciled.

Unlike the naive design's `SectionFacts`, the answer is bound to its section:
every quote must be the section's own words and every period must fall in the
report's window, and instructor feeds a violation back to the model. Values are
still only claims: the reconciler keeps a number only where the regex layer
finds it in the quote.
"""

from __future__ import annotations

import re
from typing import Literal, Optional

from pydantic import BaseModel, Field, model_validator

from .contract import Category, Effect
from .figures import SectionFact, SectionFacts
from .periods import in_window


class SectionFigure(SectionFact):
    """One figure of the section, and the commodity it is about when that is not the section's own."""

    commodity: Optional[str] = Field(None, description="the commodity, when not the section's (e.g. a by-product)")


class SectionDriver(BaseModel):
    """One cause the section gives for output moving, with the month and basis of the output it moves."""

    category: Category
    effect: Effect = Field(description="the cause's push on output")
    period: str = Field(description="YYYY-MM month of the output it moves")
    basis: Literal["actual", "forecast"]
    quote: str = Field(description="the words that give the cause, copied exactly")


class SectionReading(SectionFacts):
    """Every figure and every driver of output one section states."""

    facts: list[SectionFigure] = Field(default_factory=list)  # type: ignore[assignment]
    drivers: list[SectionDriver] = Field(default_factory=list)

    @model_validator(mode="after")
    def _drivers_possible(self) -> "SectionReading":
        text = self.CONTEXT.get("section_text")
        month = self.CONTEXT.get("report_month")
        problems = []
        for i, driver in enumerate(self.drivers):
            if text is not None and driver.quote not in text:
                problems.append(f"drivers[{i}].quote {driver.quote!r} is not in the section; copy the words exactly")
            if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", driver.period):
                problems.append(f"drivers[{i}].period {driver.period!r} is not YYYY-MM")
            elif month and not in_window(driver.period, month):
                problems.append(f"drivers[{i}].period {driver.period} is outside the report's window around {month}")
        if problems:
            raise ValueError("; ".join(problems[:5]))
        return self


def section_reading_for(section_text: str, report_month: str | None) -> type[SectionReading]:
    return SectionReading.bind(section_text=section_text, report_month=report_month)
