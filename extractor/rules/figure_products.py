"""A figure's own product, named with it, where a sentence counts several products ("The country produced 30,250t
of sulfur ..., as well as 30,156t of zinc and 14,176t of lead"): the product named right after a quantity ("N t of
<product>") is that quantity's, and a change that follows it before the next quantity is the same product's
("12,000 tonnes of lead, up 4%"); in a list, the product named right before its figure ("Coal 662 lakh tonnes, Gold
98 kg, ..."), one the tables do not know read under its own name."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extractor.rules.sections import Section, named_product
from extractor.text import vocabulary as vocab
from extractor.text.contract_products import CONTRACT_IDS
from extractor.text.countries import COUNTRY_NAMES
from extractor.text.commodities import MINED_IDS, REGIONAL_IDS, commodity_mentions, normalize_name
from extractor.text.mining import names_refining
from extractor.text.numbers import NumberSpan
from extractor.text.product_names import MINED_PRODUCTS

_OF_AFTER = re.compile(r"\s+of\s", re.I)
# (normalized: "30 156t of ", "4 5 mln metric tons of ")
_OF_WORDS = re.compile(r"^\S+(?:\s+\S+){0,3}?\s+of\s+(?:the\s+)?")
_WINDOW = 60


def figure_product(about: Section, base: Section, sentence: str, number: NumberSpan) -> str | None:
    """The product a quantity names right after it, as `about` would hold it; None where it names none (or the one
    `about` is already of). Under a heading the heading's product stands."""
    if base.heading is not None or not _amount(number) or not _OF_AFTER.match(sentence, number.end):
        return None
    whole = normalize_name(sentence[number.start:number.end + _WINDOW])
    opening = _OF_WORDS.match(whole)
    if opening is None:
        return None
    named = next((m for m in commodity_mentions(whole) if m[0] == opening.end()), None)
    return None if named is None else _as_held(about, named[2], whole)


def _as_held(about: Section, commodity: str, named: str) -> str | None:
    """A product named with a figure as `about` holds it (in a mining story, the mines' product of a metal); None
    where it is `about`'s own."""
    if about.commodity in MINED_PRODUCTS and not names_refining(named):
        commodity = MINED_IDS.get(commodity, commodity)
    return None if commodity == about.commodity else commodity


# A list's item: a product's name right before its figure, after the list's opening or the item before ("Production
# in October was: Iron ore 210 lakh tonnes, Gold 95 kg and ...", "... include Bauxite (14%), Iron Ore (8%)")
_ITEM = (r"(?:[:;,]|\b(?:and|includes?|included|including))\s+"
         r"(?P<name>[A-Za-z][A-Za-z.-]*(?:\s+[A-Za-z.-]+){0,2})\s*\(?\s*")
_ITEM_NAME = re.compile(_ITEM + "$")  # (the item a figure ends)
_ANY_ITEM = re.compile(_ITEM + r"\d")  # (any item of the sentence, with its figure)
_ITEM_REST = frozenset({"", "ore", "ores", "conc", "concentrate", "concentrates"})


def listed_product(about: Section, base: Section, sentence: str, number: NumberSpan) -> str | None:
    """The product a list's item names right before its figure, as `about` would hold it; None where the figure is
    no list's item or names no product (or the one `about` is already of). In a list of products, a name the tables
    do not know is its own product's, the contract's id of its name (`named_product`): the name is written beside
    the figure as a known one is."""
    if base.heading is not None:
        return None
    item = _ITEM_NAME.search(sentence, max(0, number.start - 45), number.start)
    if item is None:
        return None
    name = normalize_name(item.group("name"))
    named = _known_at_start(name)
    if named is None:  # a name the tables do not know, in a list of products: its own name's
        unknown = _unknown_item(name) if _lists_products(sentence) else None
        return None if unknown == about.commodity else unknown
    rest = name[named[1]:].strip()
    if rest not in _ITEM_REST:
        return None
    concentrate = f"{name[:named[1]].replace(' ', '_')}_concentrate"  # ("Zinc conc.": the contract's concentrate)
    held = _as_held(about, concentrate if rest.startswith("conc") and concentrate in CONTRACT_IDS else named[2], name)
    return held


_PLACE = re.compile(rf"(?:{COUNTRY_NAMES}|{vocab.AREA})", re.I)


def _known_at_start(name: str) -> tuple[int, int, str, bool] | None:
    """The product the tables know that a (normalized) item name starts with, None where it names none."""
    return next((m for m in commodity_mentions(name + " output") if m[0] == 0), None)


@lru_cache(maxsize=256)  # (asked for each unknown item of the sentence)
def _lists_products(sentence: str) -> bool:
    """Whether a sentence lists products by name, two of them ones the tables know ("Production ... was: Coal 662
    lakh tonnes, Bauxite 2069 thousand tonnes, Gold 98 kg, ...")."""
    known = (_known_at_start(normalize_name(item.group("name"))) for item in _ANY_ITEM.finditer(sentence))
    return sum(1 for named in known if named is not None) >= 2


def _unknown_item(name: str) -> str | None:
    """The id of a listed product the tables do not know ("Lignite 35 lakh tonnes": lignite), none for a place."""
    if _PLACE.fullmatch(name):
        return None
    return named_product(f"{name} production")


def _amount(number: NumberSpan) -> bool:
    """A quantity counted in its own unit (not a change's or a rate's percentage)."""
    return number.is_quantity and number.unit not in ("%", "pp")


class FigureProducts:
    """Over one sentence's numbers in turn: each number's section, with a quantity's own product (`figure_product`)
    kept for the changes after it until the next quantity, where they speak of the product the quantity's clause
    did."""

    def __init__(self, base: Section, sentence: str) -> None:
        self.base, self.sentence = base, sentence
        self.own: tuple[str, str] | None = None  # (the product the clause spoke of, the quantity's own)

    def of(self, about: Section, number: NumberSpan) -> Section:
        if _amount(number):
            own = figure_product(about, self.base, self.sentence, number)
            self.own = None if own is None else (about.commodity, own)
        listed = listed_product(about, self.base, self.sentence, number)
        if listed is not None:
            return replace(about, commodity=REGIONAL_IDS.get((listed, about.region), listed))
        if self.own is None or self.own[0] != about.commodity:
            return about
        return replace(about, commodity=REGIONAL_IDS.get((self.own[1], about.region), self.own[1]))
