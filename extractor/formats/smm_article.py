"""SMM's single-commodity article: one commodity's output (or operating rate) for the month, its causes and
the next month's expectation, read as one section about the commodity the text names most."""

from __future__ import annotations

from typing import ClassVar

from extractor.formats.base import RulesFormat
from extractor.rules.sections import article_commodity


class SMMArticle(RulesFormat):
    name: ClassVar[str] = "smm_article"
    description: ClassVar[str] = "SMM single-commodity article: the whole text about one commodity"

    def recognise(self, text: str) -> float:
        return 0.5 if article_commodity(text) is not None else 0.0
