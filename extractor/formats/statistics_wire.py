"""A wire story of official statistics (China's National Bureau of Statistics and other statistics offices, as
Reuters, Xinhua or a trade site reprint them): several products in one story, each with its month's figure and
its change against the same month a year earlier.

What is its own: an official release states its changes year on year, so a change that names no comparison takes
that (the contract's comparison of a bare change, `rules/bare_changes.py`), where the shared rules read a bare
change as month on month. The statistics office must be named in the opening (its first 700 characters: a wire
often names it after a sentence or two of figures), by a generic name ("statistics institute", "the Energy & Mines
Ministry") or its own (INEGI, Rosstat, Cochilco: `countries.STATISTICS_OFFICES`, whose country they also give).
"""

from __future__ import annotations

import re
from typing import ClassVar

from extractor.formats.base import StatedComparisonFormat
from extractor.rules.sections import article_sections
from extractor.text.countries import STATISTICS_OFFICES

_OFFICE = re.compile(r"\b(?:National\s+Bureau\s+of\s+Statistics|NBS|statistic(?:s|al)\s+(?:bureau|office|agency|"
                     r"institute|service)|"
                     r"Ministry\s+of\s+(?:Steel|Mines|Energy\s+and\s+Mines|Industry\s+and\s+Information\s+Technology)|"
                     # the ministry named by its field first ("the Energy & Mines Ministry", "the mines ministry")
                     r"(?:Mines|Mining|Energy)(?:\s*(?:&|and)\s*(?:Mines|Mining|Energy))?\s+Ministry|"
                     # offices known by their own names (Mexico's INEGI, Russia's Rosstat, Chile's Cochilco, ...)
                     + "|".join(re.escape(name) for name in STATISTICS_OFFICES) + r")\b", re.I)
_OPENING = 700


class StatisticsWire(StatedComparisonFormat):
    name: ClassVar[str] = "statistics_wire"
    description: ClassVar[str] = "a wire story of official statistics (NBS and other offices): changes year on year"

    def recognise(self, text: str) -> float:
        return 0.96 if _OFFICE.search(text[:_OPENING]) and article_sections(text) else 0.0
