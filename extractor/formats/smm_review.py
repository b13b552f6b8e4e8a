"""SMM's multi-commodity monthly review: a title line, then one section per commodity heading ("Copper Cathode",
"Nickel Pig Iron (NPI)", ...), each reviewing the month and forecasting the next."""

from __future__ import annotations

from typing import ClassVar

from extractor.formats.base import RulesFormat
from extractor.formats.review_sections import review_sections
from extractor.rules.sections import Section


class SMMReview(RulesFormat):
    name: ClassVar[str] = "smm_review"
    description: ClassVar[str] = "SMM multi-commodity monthly review: one section per commodity heading"

    def recognise(self, text: str) -> float:
        return 0.9 if review_sections(text) else 0.0

    def sections(self, text: str) -> list[Section]:
        return review_sections(text)
