"""What the LLM answers about figures: the label of one number, or (the naive design) all of a section's facts.

Both schemas are *bound* to their request before use (`Model.bind(...)`): the
binding carries what validators need to know (the number's unit and value, the
section text, the report month) without changing the JSON schema the model
sees, so recordings and the cache stay keyed by the schema alone.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Literal, Optional, TypeVar, Union

from pydantic import BaseModel, Field, create_model, model_validator

from .contract import Basis, Content, Direction, Measure, Metric
from .families import segments_for
from .periods import RATE_METRICS, WINDOW_BEFORE, months_between

MASS_METRICS = ("production", "cumulative_production", "capacity", "operating_capacity", "maintenance_impact",
                "imports", "exports", "inventory", "balance")


B = TypeVar("B", bound="Bound")


class Bound(BaseModel):
    """A schema whose validators read a per-request context set by `bind`."""

    CONTEXT: ClassVar[dict[str, Any]] = {}

    @classmethod
    def bind(cls: type[B], **context: Any) -> type[B]:
        return type(cls.__name__, (cls,), {"CONTEXT": {**cls.CONTEXT, **context}, "__module__": cls.__module__})


class NumberLabel(Bound):
    """The label of one number, marked «like this» in its sentence."""

    metric: Metric = Field(description="what the number measures")
    kind: Literal["level", "change"] = Field(description="level: the amount itself; change: a difference or growth rate")
    comparison: Literal["mom", "yoy", "none"] = Field(
        description="for a change: against the previous month (mom) or the same month last year (yoy)")
    segment: Optional[str] = Field(None, description="the part of the commodity, or null for the whole commodity")
    metal_content: bool = Field(False, description="true only when the text ties the figure to metal content")
    basis: Basis = Field(description="actual: happened; forecast: expected for a later month; "
                                     "expected: an earlier expectation the actual is compared with")

    @model_validator(mode="after")
    def _fits_the_number(self) -> "NumberLabel":
        unit = self.CONTEXT.get("unit")
        value = self.CONTEXT.get("value")
        if unit == "pp" and self.kind != "change":
            raise ValueError("a number in percentage points is a change, not a level")
        if self.kind == "level" and unit in ("%", "pp") and self.metric in MASS_METRICS:
            raise ValueError(f"a percentage cannot be the level of {self.metric}; it is a change or a rate")
        if self.kind == "level" and self.metric in RATE_METRICS and unit not in ("%", None):
            raise ValueError(f"{self.metric} is a percentage; this number is in {unit}")
        if (self.kind == "level" and self.metric in RATE_METRICS and isinstance(value, (int, float))
                and not 0 <= value <= 100):
            raise ValueError(f"an {self.metric} of {value}% is impossible")
        if self.metric == "price" and unit in ("mt", "mt/year"):
            raise ValueError("a price is in money per unit, not a mass")
        if unit and ("yuan" in unit or "usd" in unit) and self.metric != "price":
            raise ValueError(f"this number is in {unit}, so it is a price: metric must be price")
        if self.kind == "change" and self.comparison == "none" and unit == "pp":
            raise ValueError("say which comparison the change is against: mom or yoy")
        return self

    def measure(self, unit: str | None) -> str:
        """The contract measure this label gives a number in `unit`."""
        if self.kind == "level":
            return "level"
        comparison = "mom" if self.comparison == "none" else self.comparison
        suffix = "pp" if unit == "pp" else "pct" if unit == "%" else "abs"
        return f"{comparison}_{suffix}"


def number_label_for(commodity: str) -> type[NumberLabel]:
    """NumberLabel with the segment narrowed to the commodity family's labels (or "other")."""
    segments = segments_for(commodity)
    segment_type = Optional[Literal[(*segments, "other")]]  # type: ignore[valid-type]
    return create_model(  # type: ignore[call-overload, no-any-return]
        "NumberLabel",
        __base__=NumberLabel,
        __module__=NumberLabel.__module__,
        segment=(segment_type, Field(None, description="the part of the commodity named in the text, "
                                                        "null for the whole commodity, other for anything else")),
    )


class SectionFact(BaseModel):
    """One fact as the naive design asks the LLM for it: everything, value included."""

    metric: Metric
    segment: Optional[str] = None
    content: Optional[Content] = None
    period: str = Field(description="YYYY-MM month the number describes")
    basis: Basis
    measure: Measure
    value: Union[float, list[float], Direction]
    quote: str = Field(description="the few words of the text that state the number, copied exactly")


class SectionFacts(Bound):
    """Every fact a section states about its commodity."""

    facts: list[SectionFact] = Field(default_factory=list)

    @model_validator(mode="after")
    def _possible(self) -> "SectionFacts":
        text = self.CONTEXT.get("section_text")
        month = self.CONTEXT.get("report_month")
        problems = []
        for i, fact in enumerate(self.facts):
            if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", fact.period):
                problems.append(f"facts[{i}].period {fact.period!r} is not YYYY-MM")
            elif month and abs(months_between(month, fact.period)) > WINDOW_BEFORE:
                problems.append(f"facts[{i}].period {fact.period} is outside the report's window around {month}")
            if text is not None and fact.quote not in text:
                problems.append(f"facts[{i}].quote {fact.quote!r} is not in the section; copy the words exactly")
            if (fact.metric in RATE_METRICS and fact.measure == "level" and isinstance(fact.value, float)
                    and not 0 <= fact.value <= 100):
                problems.append(f"facts[{i}]: an {fact.metric} of {fact.value}% is impossible")
            if fact.measure.endswith("_direction") != isinstance(fact.value, str):
                problems.append(f"facts[{i}]: {fact.measure} needs {'up/down/flat' if isinstance(fact.value, float) else 'a number'}")
        if problems:
            raise ValueError("; ".join(problems[:5]))
        return self


def section_facts_for(section_text: str, report_month: str | None) -> type[SectionFacts]:
    return SectionFacts.bind(section_text=section_text, report_month=report_month)
