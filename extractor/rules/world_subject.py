"""A sentence whose figures are the world's: one opening with the world's output or use ("Global mine production fell
...", "World demand rose ...", "The world's smelters made ..."), or stating it after the words that report it
("Preliminary data suggests global mine output increased by 5%"), naming no country in that clause."""

from __future__ import annotations

import re

from extractor.text.commodities import normalize_name
from extractor.text.countries import COUNTRIES
from extractor.text.countries import COUNTRY as _COUNTRY
from extractor.text.lexicon import words

_WORLD_OPENING = re.compile(
    # (past the words that report it: "Preliminary data available up to November suggests global mine output ...")
    r"^\s*(?:(?:[\w'’-]+\s+){1,8}?(?:suggests?|suggested|shows?|showed|indicates?|indicated)\s+(?:that\s+)?)?"
    rf"(?:the\s+)?(?:global|world(?:wide|['’]s)?)\s+(?:[a-z]+\s+){{0,3}}?"
    rf"(?:{words('output_word')}|supply|demand|usage|consumption|smelters|refineries|mines|mills)\b",
    re.I)  # ("The world's smelters made 5.4 million tonnes")
_WORLD_CLAUSE_END = re.compile(r";|,\s+(?:with|as|while|whereas|led\s+by|mainly\s+in|mostly\s+in)\s", re.I)


def of_the_world(text: str) -> bool:
    """Whether a sentence opens with the world's output or use and names no country ("Global mine production fell
    marginally in 2022 to 822.4 Moz"; not "Global demand rose, represented by 452 kt of China's exports")."""
    if not _WORLD_OPENING.match(text):
        return False
    opening = _WORLD_CLAUSE_END.split(text, maxsplit=1)[0]  # ("..., with output in Chile falling 5%": Chile's clause)
    return not {COUNTRIES[m.group(1)] for m in _COUNTRY.finditer(normalize_name(opening))} - {"global", "overseas"}
