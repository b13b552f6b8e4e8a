"""Which commodity and region each sentence of a section speaks of.

A single-commodity article often turns to a second product halfway ("China's
alumina output ...", then "China's aluminum output also increased ..."), and a
roundup changes commodity by paragraph rather than by heading. A sentence that
names a commodity as the subject of its figures (the name followed by a
production word, or "N mt of <name>") before its first number switches the
commodity for itself and the sentences after it; others carry the last one.
Sections under a heading keep their heading's commodity. A country named with
the product ("Indonesia's MHP production", "output in Indonesia") sets the
region the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extractor.rules.appositions import without_apposition
from extractor.rules.topics import subheading_subject
from extractor.rules.world_subject import of_the_world
from extractor.rules.cues import CHANGE_IN, INPUT_OF, OTHER_FORM, PART_OF_BEFORE, PRONOUN_SUBJECT, opens_with_figure
from extractor.rules.home_country import COUNTRY_MAKER, COUNTRY_OR_GROUP, opening_story
from extractor.rules.sections import Section, product_opening
from extractor.rules.subject_region import one_country, region_near
from extractor.text import prefilter
from extractor.text.clauses import Sentence
from extractor.text.commodities import (MINED_IDS, REGIONAL_IDS, commodity_mentions, normalize_name, refined_of,
                                        region_for)
from extractor.text.contract_products import CONTRACT_IDS
from extractor.text.countries import COUNTRIES
from extractor.text.countries import COUNTRY as _COUNTRY
from extractor.text.lexicon import words
from extractor.text.mining import names_refining
from extractor.text.numbers import NumberSpan, find_numbers
from extractor.text.product_names import MINED_PRODUCTS

# "battery cell production waste", "battery module output": a battery's cell or module is no PV product
_BATTERY_PART = re.compile(rf"\b{words('battery')}\s+$")
_PV_PARTS = frozenset({"solar_cell", "pv_module"})  # (a "battery cathode material" is the material)


def _battery_part(whole: str, start: int, commodity: str) -> bool:
    """A PV product's name after "battery" is a battery's part ("battery cell production")."""
    return commodity in _PV_PARTS and bool(_BATTERY_PART.search(whole, max(0, start - 9), start))
_OF_BEFORE = re.compile(rf"\bof\s+(?:the\s+)?(?:{words('capacity_state')}\s+)?$")


@lru_cache(maxsize=512)
def sentence_sections(section: Section) -> tuple[Section, ...]:
    """For each sentence of the section, the section as that sentence speaks of it (commodity, region).

    Cached: the labeller and the driver reader both ask it of every section.
    """
    section, mined, home = opening_story(section)
    current = section
    paragraph = -1
    out: list[Section] = []
    for sentence in section.sentences:
        if sentence.paragraph != paragraph:
            current, paragraph = _paragraph_start(section, current), sentence.paragraph
        own, current = _sentence_section(section, current, sentence, mined, home)
        if section.heading is None and own.region != "global" and of_the_world(sentence.text):
            own = replace(own, region="global")  # "Global mine production fell in 2022 to ...": the world's
        elif out and own == current and PRONOUN_SUBJECT.match(sentence.text):
            before = section.sentences[len(out) - 1].text  # "China turned out 77.1 mt. That was down 6.1% ...": China's
            own = clause_country(own, section, before, len(before))
        elif out and section.heading is None and _THE_COUNTRY.search(sentence.text) \
                and not _one_country(sentence.text, by_name=True) \
                and (named := _one_country(section.sentences[len(out) - 1].text, by_name=True)):
            own = current = replace(own, region=named)  # "South Korea lagged. The country's output fell 1.5%"
        out.append(own)
    return tuple(out)



def _sentence_section(section: Section, current: Section, sentence: Sentence, mined: bool,
                      home: bool = False) -> tuple[Section, Section]:
    """The section as one sentence speaks of it, and as the sentences after it go on (`current` before it; `home`:
    the section's region is the country the story is of)."""
    subject = _subject(sentence, section) or subheading_subject(sentence, section)
    if subject is not None:
        switched = _switched(section, current, subject, sentence.text, mined, home)
        # "Of which, the output of primary lead was ...": the parts of the total before, not what the sentences after
        # it speak of
        return switched, current if PART_OF_BEFORE.match(sentence.text) else switched
    if section.heading is None and (other := product_opening(sentence.text, current.commodity)):
        # "Zirconium sponge output: 8,100 tons": a product the table does not know, its figures held (`known`);
        # the sentences after it go on with the product before
        return replace(current, commodity=other, known=other in CONTRACT_IDS), current
    elif current.commodity in MINED_PRODUCTS and _REFINED_METAL.search(sentence.text):
        current = replace(current, commodity=refined_of(current.commodity))  # "refined metal production" after
        # the mines' output: the metal's refined product
    elif section.heading is None and current.commodity in MINED_IDS and _MINE_OUTPUT.search(sentence.text):
        # "World mine output rose 2%" in a story of the refined metal: its mines' output, and the sentences' after it
        # ("Production in Chile fell 2.5%") till refined metal is named again
        current = replace(current, commodity=MINED_IDS[current.commodity])
    elif section.heading is None:
        country = _country_subject(sentence.text)
        if country is not None and country != current.region:  # "China produced 63.3mt in the month": the
            return replace(current, region=country), current  # sentence's own, the product carried
        country = _the_country(sentence.text)
        if country is not None:  # "output in the country ..., the Japan Iron and Steel Federation said": the
            current = replace(current, region=country)  # country the sentence names, and the sentences after
    return current, current


def _paragraph_start(section: Section, current: Section) -> Section:
    """The section as a new paragraph starts speaking of it: under a heading, the heading's (a region carries within
    a paragraph); in a world release, the product carried with the world's region (a country named in one paragraph
    is not the next one's: "... a rise in Indian output. \n\n Demand was 1.1% higher" is the world's); else as
    carried."""
    if section.heading is not None:
        return section
    if section.region == "global" and current.region != "global" and current.commodity not in _REGIONAL:
        return replace(current, region="global")
    return current


def _switched(section: Section, current: Section, subject: tuple[str, str | None], text: str,
              mined: bool, home: bool = False) -> Section:
    """The section as a sentence naming a subject (commodity, region) speaks of it, the sentences before it having
    spoken of `current` (its product as the story holds it: `_as_the_story_holds`)."""
    commodity, region = _as_the_story_holds(section, subject[0], text, mined), subject[1]
    region = region or (_the_country(text) if section.heading is None else None)
    if region is None and section.region != "global" and _DOMESTIC.search(text):
        region = section.region  # "On lead, domestic production grew 4%" after Japan's figures: the story's country
    if region is None:  # no country named: the product's region so far (a world release's products are all the
        # world's until a country is named; a country's release (India's crude, then finished steel) speaks of that
        # country's products, whose default is China's)
        carry = commodity == current.commodity or current.region == "global" or (
            (home or current.region not in _HOME_REGIONS) and region_for(commodity) == "china")  # (a country's
        # story, its dateline's or its first figure's: "Jakarta, ... - Gold production ... Silver output ...")
        region = current.region if carry else (section.region if commodity == section.commodity
                                                else region_for(commodity))
    return replace(section, commodity=REGIONAL_IDS.get((commodity, region), commodity), region=region)


def _as_the_story_holds(section: Section, commodity: str, text: str, mined: bool) -> str:
    """The product a sentence names as the story holds it: in a mining story, a metal's mined product (where the
    sentence names no refining); in a story of secondary lead, refined lead's output its own ("..., which lifted
    refined lead output"), where the sentence names no primary metal."""
    if mined and not names_refining(text):
        return MINED_IDS.get(commodity, commodity)
    if _RECYCLED.get(section.commodity) == commodity and not _PRIMARY.search(text):
        return section.commodity
    return commodity


_DOMESTIC = re.compile(r"\bdomestic(?:ally)?\b", re.I)
# a recycled product and the refined metal it is part of: in a story of the recycled one, the refined metal's output
# is its own (primary metal named apart: "primary and secondary refined lead")
_RECYCLED = {"secondary_lead": "refined_lead"}
_PRIMARY = re.compile(r"\b(?:primary|mine|mined|total)\b", re.I)
_REGIONAL = frozenset(REGIONAL_IDS.values())  # a product's id of its own in a region (Indonesia's NPI)
_MINE_OUTPUT = re.compile(r"\bmine\s+(?:production|output|supply)\b"  # (or the mines as the subject: "Copper mines
                          r"|\bmines\s+(?:reported|produced|posted|recorded|saw|turned\s+out)\b", re.I)  # reported")
_MINE_OUTPUT_OF = re.compile(r"\bmine\s+(?:production|output|supply)\s+of\s+(?:the\s+)?$", re.I)
_FROM_MINES = re.compile(r"\s+(?:(?:production|output|supply)\s+from\s+(?:the\s+)?(?:[a-z]+\s+)?mines?"
                         r"|mine\s+supply)\b")  # ("lead production from mines", "lead mine supply")


# the regions a product's default may be: a release about one of them names its other products' country
_HOME_REGIONS = frozenset({"china", "overseas", "indonesia"})

_COUNTRY_FIRST = re.compile(rf"^(?:in\s+)?(?:the\s+)?([a-z][a-z .]+?)(?:\s+s)?\s+{words('country_subject_verb')}\b")


def _country_subject(text: str) -> str | None:
    """The country a sentence opens with as its subject, naming no product ("China produced 63.3mt", "India's
    output rose"): that sentence's region."""
    head = _COUNTRY_FIRST.match(normalize_name(without_apposition(text)))
    if head is None:
        return None
    country = _COUNTRY.fullmatch(head.group(1))
    return COUNTRIES[country.group(1)] if country else None


# "the country" (or described: "the Southeast Asian country")
_THE_COUNTRY = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w-]*\s+){0,2}country\b")


def _the_country(text: str) -> str | None:
    """The one country a sentence names where it speaks of "the country" (its source's: "the Japan Iron and Steel
    Federation"), else None."""
    return _one_country(text) if _THE_COUNTRY.search(text) else None  # (most sentences: not normalized at all)


def _one_country(text: str, by_name: bool = False) -> str | None:
    """The one country a text names (`subject_region.one_country`), else None."""
    return one_country(normalize_name(text), by_name)


def clause_country(about: Section, base: Section, sentence: str, position: int, end: int | None = None) -> Section:
    """The section as the figure at `position` (to `end`) speaks of it, when the sentence names a country as the
    maker of its figures before it ("While Japan's output fell 5.8% to 6.6 mt, the United States' production rose
    1.2%"): the last country so named is the figure's region, the product carried, and a group of countries the
    world's; or a country named right after it ("a 6% rise in China"). A world total named last ("China's share of
    world output") keeps the clause's own region; under a heading the heading's region stands."""
    if base.heading is not None:
        return about
    after = _region_after(about, _past_other_form(sentence, end)) or _country_opening_parenthesis(
        sentence[max(0, position - 40):position])
    if after is not None:
        return replace(about, commodity=REGIONAL_IDS.get((about.commodity, after), about.commodity), region=after)
    head = normalize_name(without_apposition(sentence[:position]))
    found = None
    for found in COUNTRY_MAKER.finditer(head):
        pass
    if _world_after(base, about, head, found):  # "..., resulting in a global increase of 0.4%" in a world release
        return replace(about, region="global")
    if found is None:
        return about
    named = next((g for g in found.groups() if g), None)
    region = COUNTRIES[named] if named else "global"  # a group of countries is a part of the world's figures
    if region == about.region or named is not None and region == "global" or named == "domestic":
        return about  # "domestic consumption" is the country's the text speaks of
    return replace(about, commodity=REGIONAL_IDS.get((about.commodity, region), about.commodity), region=region)


_COUNTRY_LAST = re.compile(rf"(?:^|\s){_COUNTRY.pattern}$")


def _country_opening_parenthesis(window: str) -> str | None:
    """The country a figure is given for in parentheses right after its name ("Poland (9.4 MT, 12th)")."""
    if not window.rstrip().endswith("("):
        return None
    named = _COUNTRY_LAST.search(normalize_name(window))
    return COUNTRIES.get(named.group(1)) if named else None


_OTHER_FORM = re.compile(OTHER_FORM)


def _past_other_form(sentence: str, end: int | None) -> str:
    """The 40 characters after a figure, past its other form where one follows it."""
    if end is None:
        return ""
    other = _OTHER_FORM.match(sentence, end)
    start = other.end() if other is not None else end
    return sentence[start:start + 40]


def _region_after(about: Section, window: str) -> str | None:
    """The region a figure's words right after it name ("a 6% rise in China"; "by 12.2 percent in Europe": the
    world's part), where it is not the one the figure has."""
    after = _IN_COUNTRY_AFTER.match(normalize_name(window)) if " in " in window else None
    if after is None:
        return None
    if after.group(1) is None:
        return "global" if about.region != "global" else None
    region = COUNTRIES[after.group(1)]
    return None if region in ("global", about.region) else region


_WORLD_WORD = re.compile(r"(?<!\bof )\b(?:global|world|worldwide)\b")  # not a share's whole ("share of world output")


def _world_after(base: Section, about: Section, head: str, country: re.Match[str] | None) -> bool:
    """Whether a world release's figure is the world's again: the words before it name the world after the last
    country they name (or the sentence's country carried)."""
    if base.region != "global" or about.region == "global" or about.commodity in _REGIONAL:
        return False
    world = None
    for world in _WORLD_WORD.finditer(head):
        pass
    return world is not None and (country is None or world.start() > country.end())


# a country or a group of countries named right after a figure ("a 6% rise in China", "fell 12% in the US", "by 12.2
# percent in Europe"), the text normalized, not the next clause's
_IN_COUNTRY_AFTER = re.compile(
    rf"^\s*(?:(?!(?:and|but|while|whereas|with|as)\b)[a-z]+\s+){{0,3}}?in\s+(?:the\s+)?"
    rf"(?:(?:apparent|refined|total|overall|mine|mined)\s+)?{COUNTRY_OR_GROUP}")  # ("in apparent Chinese demand")


_CLAUSE_BREAK = re.compile(r";|,?\s+while\s+|,\s+whereas\s+|,\s+of which\s+|"
                           # (", including a 58pc rise in output of NCM ternary material which reached 86,000t")
                           rf",\s+including\s+(?=[^,;]{{0,40}}?\b{words('output_word')}\s+of\s)|"
                           # (after a figure with its unit, "and" alone: "... fell 5% to 98,400 kg and lead output ...")
                           r"(?:,\s+(?:and\s+)?|(?<=\d%)\s+and\s+|(?<=\d\s[a-z]{2})\s+and\s+)"
                           r"(?=[a-z][\w-]*(?:\s+[\w-]+){0,2}\s+"
                           rf"{words('output_word')}\s+{words('product_figure_verb', 'up_verb', 'down_verb')}\b)|"
                           rf",\s+(?:and\s+|with\s+)?(?=[a-z][\w-]*\s+(?:(?:was|were)\s+)?{words('up_or_down')}\b)|"
                           rf",\s+(?:and\s+)?(?=[a-z][\w-]*\s+(?:{words('level_reached')}"  # ", and tin reached 14,100 mt"
                           rf"|{words('up_verb', 'down_verb', parts=('past',))})\b)|"  # ", and zinc fell 1.2%"
                           # (", and the output of silicon wafers was 253 GW")
                           rf",\s+(?:and\s+)?(?=(?:the\s+)?{words('output_word')}\s+of\s)")
# (the last: a list of products each with its move, "copper output was up 7.7%, aluminium was up 1.6%, ...", "...,
# with gold down 10.2%, silver up 1.1%")


@lru_cache(maxsize=256)
def _break_ends(sentence: str) -> tuple[int, ...]:
    """Where each clause break of the sentence ends, read once for all its figures (a break's look-ahead may read
    past a figure: ", including a 58pc rise in output of ...")."""
    return tuple(m.end() for m in prefilter.finditer(_CLAUSE_BREAK, sentence))


def has_clauses(sentence: str) -> bool:
    """Whether a sentence has clauses that may each name their own product (see `clause_section`)."""
    return prefilter.search(_CLAUSE_BREAK, sentence) is not None


def clause_section(about: Section, base: Section, sentence: str, position: int) -> Section:
    """The section as the clause of `sentence` holding `position` speaks of it: a clause after ';' or 'while'
    that names its own product ("...; China Oct lead output +6.2% y/y") switches for that clause alone. Under a
    heading the heading's commodity stands."""
    if base.heading is not None:
        return about
    cuts = [end for end in _break_ends(sentence) if end <= position]
    if not cuts:
        return about
    clause = sentence[cuts[-1]:]
    ends = prefilter.search(_CLAUSE_BREAK, clause)
    clause = clause[:ends.start()] if ends else clause
    subject = _subject(Sentence(0, clause, 0), base)
    if subject is None and about.commodity in MINED_PRODUCTS and _REFINED_METAL.search(clause):
        # "... mine supply rose 1.1% to 351kt while refined metal output fell 1.5%": the metal's refined product
        return replace(about, commodity=refined_of(about.commodity))
    if subject is None or subject[0] == about.commodity:
        return about
    # the region as a sentence's switch carries it ("..., while its crude steel production came to ...": Japan's)
    # (in a mining story, where the sentence is of a mined product, so is the clause's: "... and lead output fell")
    return _switched(replace(base, region=about.region), about, subject, clause, about.commodity in MINED_PRODUCTS)


def _subject(sentence: Sentence, section: Section) -> tuple[str, str | None] | None:
    """The (commodity, region) a sentence names as the subject of its figures, or None if it names none; the
    region is None where the sentence names no country with the product. Under a heading the subject is the
    heading's commodity, named first, or else only a country named with it (`_region_only`)."""
    whole, named = _products_named(sentence.text)
    if section.heading is not None:
        if not named or named[0][2] != section.commodity:
            return _region_only(whole, section)
        return section.commodity, region_near(whole, named[0][0], named[0][1])
    if not named:
        return None
    if len(named) > 1 and INPUT_OF.search(whole, max(0, named[0][0] - 40), named[0][0]):
        named = named[1:]  # (the input named first: `INPUT_OF`)
    start, end, commodity = named[0]
    if _MINE_OUTPUT_OF.search(whole, max(0, start - 40), start) or _FROM_MINES.match(whole, end):
        commodity = MINED_IDS.get(commodity, commodity)  # "world mine output of zinc", "lead production from mines"
    return commodity, region_near(whole, start, end)


_REFINED_METAL = re.compile(r"\brefined\s+(?:metal\s+)?(?:production|output|supply)\b", re.I)


def _products_named(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The sentence normalized, and the (start, end, commodity) of each product it names as its figures' subject:
    produced before its first quantity or in the change it opens (not a battery's part), else "N mt of <name>" right
    after that quantity."""
    text = without_apposition(text)
    quantities = [n for n in find_numbers(text) if n.is_quantity]
    head = normalize_name(text[:_subject_end(text, quantities)])
    whole = normalize_name(text)
    named = [(start, end, commodity) for start, end, commodity, produced in commodity_mentions(whole)
             if produced and start < len(head) + 1 and not _battery_part(whole, start, commodity)]
    if not named and quantities:
        after_first = normalize_name(text[:quantities[0].end])
        opening = opens_with_figure(text[:quantities[0].start])  # "At 49 GW, solar cell production was"
        named = [(start, end, commodity) for start, end, commodity, produced in commodity_mentions(whole)
                 if len(after_first) <= start < len(after_first) + 25 and _OF_BEFORE.search(whole[:start])
                 or opening and produced and len(after_first) <= start < len(after_first) + 60]
    return whole, named



def _subject_end(text: str, quantities: list[NumberSpan]) -> int:
    """Where the words that may name a sentence's subject end: at its first quantity, or at the second where the
    first opens a change that names its product after it ("a 0.1% fall in world zinc output")."""
    if not quantities:
        return len(text)
    if prefilter.match(CHANGE_IN, text[quantities[0].end:]):
        return quantities[1].start if len(quantities) > 1 else len(text)
    return quantities[0].start


def _region_only(whole: str, section: Section) -> tuple[str, str | None] | None:
    """Under a heading, a sentence may still name where its product is made ("Indonesia's MHP ...")."""
    for start, end, commodity, _ in commodity_mentions(whole):
        if commodity == section.commodity:
            region = region_near(whole, start, end)
            if region and region != section.region:
                return section.commodity, region
    return None
