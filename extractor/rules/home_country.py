"""The country a text's figures are of where it is no Chinese story (issue 22): the country its first figure's
sentence names as their maker ("In January-August, Ukraine's ferroalloy production declined 20.9%"), else its
dateline's, else India for a release counting in India's numbering; the pattern of a country named as a maker,
which `subjects` also reads clause by clause; and the story as its opening tells it (`opening_story`: its country,
and whether its bare metals are its mines')."""

from __future__ import annotations

import re
from dataclasses import replace

from extractor.rules.sections import Section
from extractor.text.commodities import normalize_name
from extractor.text.countries import COUNTRIES, dateline_country, numbering_country, office_countries
from extractor.text.countries import COUNTRY as _COUNTRY
from extractor.text.lexicon import words
from extractor.text.mining import OPENING, names_refining
from extractor.text.numbers import find_numbers
from extractor.text.product_names import MINED_IDS, MINED_PRODUCTS, MINING_COUNTRIES

# a country, or a group of countries whose figures are a part of the world's ("North America's output": no U.S.)
COUNTRY_OR_GROUP = rf"(?:(?<![\w.]){words('world_region')}(?!\w)|{_COUNTRY.pattern})"
# a country named as the maker of the figures after it, anywhere in a sentence (the text normalized), described or
# not ("Chile, the top copper miner, mined ...")
# (or set off by a clause or a word: "Peru, which is a leading miner, turned out ...", "Chile, in turn, mined ...")
_SET_OFF = (r"(?:(?:which|that)\s+(?:is|was)\s+(?:[a-z]+\s+){1,8}?"
            r"|(?:in\s+particular|in\s+turn|for\s+its\s+part|alone)\s+)")
# (a country described before its name: "Production in No. 1 copper producer Chile", "output in top miner Peru")
_DESCRIBED = (r"(?:(?:no\s+\d|top|leading|largest|biggest|major|main|key|second|third)\s+(?:[a-z]+\s+){0,2}?"
              r"(?:producer|miner|supplier|maker|exporter)s?\s+)?")
# (the change "by" a figure, and the level after it: "... climbed 1.2 per cent to 6.7 mt", "decreased by 1.5% to",
# the text normalized)
_FIGURE = r"\d+(?:\s+\d+)?(?:\s+(?:per\s*cent|percent|pct))?"  # a percentage, normalized ("1 5 per cent")
_BY_THEN_TO = rf"(?:\s+by)?(?:\s+{_FIGURE}\s+to)?"
COUNTRY_MAKER = re.compile(
    rf"{COUNTRY_OR_GROUP}(?:\s+s)?\s+(?:[a-z]+\s+){{0,3}}?(?:{words('output_word', 'market_use')}|mine\s+supply)\b"
    rf"|{words('output_word', 'market_use')}\s+(?:in|by|of)\s+(?:the\s+)?{_DESCRIBED}{COUNTRY_OR_GROUP}"
    # (or its plants: "Peru's mines produced ...", "India's steel mills made ...")
    rf"|{COUNTRY_OR_GROUP}(?:\s+s\s+(?:[a-z]+\s+)?{words('plant', parts=('plural',))})?"
    rf"\s+(?:the\s+(?:[a-z]+\s+){{0,7}}?{words('market_role')}\s+(?:in\s+the\s+world\s+)?"
    rf"|{_SET_OFF})?"
    r"(?:(?:is|was|are|were)\s+(?:estimated|thought|believed|said)\s+to\s+have\s+)?"  # ("is estimated to have produced")
    rf"{words('country_maker_verb')}\b"
    rf"|{COUNTRY_OR_GROUP}\s+{words('region_record')}\s+an?(?:\s+[a-z]+){{0,2}}\s*$"  # "the EU recorded a 0.3% rise"
    # "China also reported a huge fall in steel production ..., dropping by 9%" (or its figure: "South Korea recorded a
    # 1.5% increase in crude steel production", "ZAMBIA RECORDS 12% INCREASE IN COPPER PRODUCTION")
    rf"|{COUNTRY_OR_GROUP}\s+(?:also\s+)?{words('region_record')}\s+(?:an?\s+)?(?:{_FIGURE}\s+)?(?:[a-z]+\s+){{0,2}}?"
    rf"{words('up_noun', 'down_noun')}(?:\s+in\b|(?<=s)(?!\w))"  # (or moves: "China experienced modest declines")
    rf"|^\s*in\s+(?:the\s+)?{COUNTRY_OR_GROUP}(?!\s+(?:and|or)\b)"  # "In China, apparent usage fell 2.8%"
    # a list's country with its move, right before its figure ("..., with Chile down 5% and Peru up 2%")
    # (or set against the figure before: "..., while the United States climbed 1.2%")
    rf"|\b(?:and|while|whereas|with)\s+(?:the\s+)?{COUNTRY_OR_GROUP}\s+(?:(?:was|were)\s+)?"
    rf"{words('up_or_down', 'up_verb', 'down_verb')}{_BY_THEN_TO}\s*$")


def opening_country(section: Section) -> str | None:
    """The one country the text's first sentence with a quantity names as the maker of its figures ("In January-
    August, Ukraine's ferroalloy production declined 20.9%"), where the text has no heading and is no world release:
    the country its figures are of. None where it names none, or China."""
    if section.heading is not None or section.region == "global":
        return None
    at = next((i for i, s in enumerate(section.sentences) if any(n.is_quantity for n in find_numbers(s.text))), None)
    first = "" if at is None else section.sentences[at].text
    # the countries named as makers (a group of countries, none: its figures are the world's); else those the
    # sentences before it name ("Mexico's mine production increased in January. ... the increase was 2.5%")
    named = _makers(first) or _makers(" ".join(s.text for s in section.sentences[:at or 0]))
    named = named or _home_named_elsewhere(section)
    return named.pop() if len(named) == 1 else None


# (in a story's opening, a country's makers, whatever they do: "Japan's leading producers of non-ferrous metals
# project ...")
_COUNTRY_S_MAKERS = re.compile(rf"{COUNTRY_OR_GROUP}\s+s\s+(?:[a-z-]+\s+){{0,3}}?{words('plant', parts=('plural',))}\b")


def _makers(text: str) -> set[str]:
    """The countries a text names as makers, but the world, "overseas" and China."""
    normalized = normalize_name(text)
    return {COUNTRIES[g] for pattern in (COUNTRY_MAKER, _COUNTRY_S_MAKERS) for m in pattern.finditer(normalized)
            for g in m.groups() if g} - {"global", "overseas", "china"}


# a country's official body, as the one whose figures a release gives ("Kazakhstan's statistics office said ...",
# "Peru's energy and mines ministry", "Statistics South Africa said"; the text normalized)
_COUNTRY_S_OFFICE = re.compile(
    rf"{_COUNTRY.pattern}\s+s\s+(?:[a-z]+\s+){{0,4}}?(?:ministry|office|agency|bureau|committee|commission|institute)\b"
    rf"|\bstatistics\s+{_COUNTRY.pattern}")


def _home_named_elsewhere(section: Section) -> set[str]:
    """The country of a text whose first figure names none: its dateline's ("Tokyo, May 20 (Kyodo) Output of crude
    steel slipped ...": Japan's), else the one country whose official body its opening names ("Kazakhstan's
    statistics office said silver output ..."), or India for a ministry's release counting in lakh tonnes."""
    opening = "\n".join(s.text for s in section.sentences[:3])
    place = dateline_country(opening)
    if place is not None:
        return {place} - {"china"}
    offices = {COUNTRIES[g] for m in _COUNTRY_S_OFFICE.finditer(normalize_name(opening)) for g in m.groups() if g}
    offices |= office_countries(opening)  # ("..., according to the Mines and Geosciences Bureau (MGB)")
    if offices - {"china", "global", "overseas"}:  # (China's own bureau leaves the text to the rules after it)
        return offices - {"china", "global", "overseas"}
    home = numbering_country(" ".join(s.text for s in section.sentences))
    return {home} if home else set()


def opening_story(section: Section) -> tuple[Section, bool, bool]:
    """The section as its opening speaks of it, whether its bare metals are mined, and whether its region is the
    country the story is of."""
    home = opening_country(section)
    if home is not None:  # "Ukraine's ferroalloy production declined ...": the text's figures are that country's
        section = replace(section, region=home)
    # a mining story (its product mined, nothing refined named as it opens): its bare metals are the mines' ("zinc
    # output rose"); a refinery named further on is one product's; so is a mining country's story
    opening_refines = any(names_refining(s.text) for s in section.sentences
                          if s.start < section.sentences[0].start + OPENING)
    mining_country = section.region in MINING_COUNTRIES and not opening_refines
    if mining_country and section.commodity in MINED_IDS:
        section = replace(section, commodity=MINED_IDS[section.commodity])
    return section, section.commodity in MINED_PRODUCTS and not opening_refines or mining_country, home is not None
