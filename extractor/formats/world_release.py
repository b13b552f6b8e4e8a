"""A study group's or association's release of world figures (ILZSG, INSG, ICSG, WBMS, the International
Aluminium Institute, the World Steel Association, the minor metals' associations: IMnI, IMOA, Vanitec, ...), as
they publish it or a wire reprints it.

What is its own: its figures are the world's unless a country or group is named (the contract's region `global`),
where the shared rules take China, the default of a Chinese market report; and a release states its comparison
once ("year on year"), so a change that names none takes it (`rules/bare_changes.py`). The text is read as one
article about the product it names most; a balance table a reprint adds (a row per measure: mine and refined
production, usage, balance; a column per month and span so far) is read cell by cell (`balance_tables.py`). The
publisher must be named in the headline or the opening sentence: a wire story that cites a study group's estimate
further down is the wire's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from extractor.formats.balance_tables import balance_facts, without_repeats
from extractor.formats.base import StatedComparisonFormat
from extractor.record import Fact
from extractor.rules.sections import Section, article_sections

# The bodies that publish world figures, by the names releases and reprints give them.
_PUBLISHERS = re.compile(
    r"\b(?:International\s+(?:Lead\s+and\s+Zinc|Nickel|Copper)\s+Study\s+Group|ILZSG|INSG|ICSG|"
    r"World\s+Bureau\s+of\s+Metal\s+Statistics|WBMS|International\s+Aluminium\s+Institute|IAI|"
    r"Alacero|"  # (a continent's association: Latin America's figures, a part of the world's)
    r"World\s+Steel\s+Association|worldsteel|World\s+Silver\s+Survey|Silver\s+Institute|"
    r"International\s+Stainless\s+Steel\s+Forum|ISSF|worldstainless|"
    # the associations of the minor and alloying metals
    r"International\s+(?:Manganese\s+Institute|Molybdenum\s+Association|Tungsten\s+Industry\s+Association|"
    r"Tin\s+Association|Magnesium\s+Association)|IMnI|IMOA|ITIA|Vanitec|Cobalt\s+Institute)\b", re.I)
_OPENING = 400  # a release names its publisher in its headline or first sentence


class WorldRelease(StatedComparisonFormat):
    name: ClassVar[str] = "world_release"
    description: ClassVar[str] = "a study group's or association's world figures (ILZSG, INSG, ICSG, WBMS, IAI, " \
                                 "worldsteel), published or reprinted"
    spans_carry: ClassVar[bool] = True  # "in the first eight months" opens a release: its figures are that span's

    def recognise(self, text: str) -> float:
        return 0.97 if _PUBLISHERS.search(text[:_OPENING]) and article_sections(text) else 0.0

    def sections(self, text: str) -> list[Section]:
        return [replace(section, region="global") for section in article_sections(text)]

    def label(self, text: str, section: Section, report_month: str | None) -> list[Fact]:
        """The story's facts, then its balance tables' cells it does not already state (`balance_tables.py`)."""
        facts = super().label(text, section, report_month)
        return facts + without_repeats(balance_facts(text, section, report_month), facts)
