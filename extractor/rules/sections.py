"""A report's sections, what every template shares: the `Section` record (one commodity's part of a document, with
character offsets into it), where a page's boilerplate begins, and a single-commodity text as one article section.
A template's own sectioning (the SMM review's headings) is its format's (`extractor/formats/review_sections.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.text.clauses import Sentence, split_sentences
from extractor.text import prefilter
from extractor.text.lexicon import words
from extractor.text.months import MONTH_ABBREVIATIONS, MONTH_NAMES
from extractor.text.commodities import (
    GENERIC_ALIASES,
    MINED_IDS,
    commodity_for_heading,
    commodity_from_text,
    metal_named_first,
    new_commodity_id,
    region_for,
)
from extractor.text.contract_products import CONTRACT_IDS
from extractor.text.vocabulary import SEGMENT_WORDS
from extractor.text.countries import COUNTRY_NAMES
from extractor.text.mining import mined_story
from extractor.text.numbers import find_numbers

# Lines where the report's content ends: methodology, copyright, related news, contact lines.
_END_MARKERS = re.compile(
    r"^\s*(?:\*?\s*survey methodology|related news|responses\s*$|this report is an original work|"
    r"data source statement|for queries|for more information|copyright ©|all rights reserved)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Section:
    """One commodity's part of a document: [start, end) indexes the body text in the document."""

    index: int
    commodity: str
    region: str
    heading: str | None
    start: int
    end: int
    known: bool = True
    sentences: tuple[Sentence, ...] = ()  # split once, when the section is made; every stage reads these


def content_end(text: str) -> int:
    """Offset where boilerplate (methodology, copyright, related news) begins, or len(text)."""
    offset = 0
    seen_content = False
    for line in text.splitlines(keepends=True):
        if seen_content and _END_MARKERS.match(line):
            return offset
        if len(line.strip()) > 80:
            seen_content = True
        offset += len(line)
    return len(text)


@lru_cache(maxsize=8)
def article_commodity(text: str) -> str | None:
    """The commodity a single-commodity text names most (what its one article section is about), or None: whether
    the text reads as an article, without splitting it into sentences (a format's recognise asks only this)."""
    end = content_end(text)
    return surveyed_sector(text[:min(end, 800)]) or commodity_from_text(text[:end]) \
        or named_product(text[:min(end, 800)]) or metal_named_first(text[:400])


# A processing sector whose operating rate a survey gives, by its makers or as a sector ("Utilization rate at major
# Chinese wire & cable makers", "the operating rate in the aluminium wire and cable sector", "the comprehensive
# operating rate of the enamelled wire industry").
_SURVEYED = re.compile(
    rf"\b{words('rate_metric')}\s+(?:at|of|in|among|across)\s+(?:the\s+)?"
    r"(?:(?:major|main|large|chinese|china|domestic|china['’]s|sampled|surveyed)\s+)*"
    r"(?!(?:some|many|most|several|all|other|these|those|small|medium|large)\b)"
    r"(?P<name>[A-Za-z][a-z-]*(?:\s+(?:&|and|[a-z][a-z-]*)){1,4}?)\s+"
    r"(?:sector|industry|makers|producers|manufacturers)\b", re.I)


def surveyed_sector(text: str) -> str | None:
    """The id of a processing sector the commodity table does not know whose operating rate the text surveys (its
    own name: "wire & cable" is `wire_and_cable`), where its name is more than a product the table knows."""
    found = prefilter.search(_SURVEYED, text)
    if found is None:
        return None
    name = found.group("name").replace("&", "and")
    words_ = name.split()
    if "the" in (w.lower() for w in words_) or any(pattern.search(name) for pattern, _ in SEGMENT_WORDS):
        return None  # a sector of a product ("the construction extrusion sector"), named elsewhere
    parts = [" ".join(words_[i:]) for i in range(len(words_))] + name.split(" and ")
    # a product the table knows, or one of its kinds ("scrap-using copper rod", "copper tube and pipe"), is its own
    return None if any(commodity_for_heading(part) is not None for part in parts) else new_commodity_id(name)


def article_sections(text: str) -> list[Section]:
    """A single-commodity text as one section about the commodity it names most; [] when it names none."""
    return list(_article_sections(text))


@lru_cache(maxsize=8)
def _article_sections(text: str) -> tuple[Section, ...]:
    return tuple(_single_section(text, content_end(text)))


def _single_section(text: str, end: int) -> list[Section]:
    # A product the table does not know is read under its own name where the text names what it counts (the
    # contract's id rule), its figures kept for review: accepting them lowered corpus-wide validation's core F1
    # from 0.386 to 0.367 while tune rose from 0.480 to 0.491.
    # A name the contract's table of other products has an id for ("tungsten concentrate") is known.
    surveyed = surveyed_sector(text[:min(end, 800)])
    commodity = surveyed or commodity_from_text(text[:end])
    known = commodity is not None and surveyed is None
    commodity = commodity or named_product(text[:min(end, 800)])
    commodity = GENERIC_ALIASES.get(commodity or "", commodity)  # a bare metal ("produced 447,000 tonnes of copper")
    if commodity is None and (commodity := metal_named_first(text[:400])) is not None:
        known = True  # a study group's "global nickel market" story: the metal's product
    known = known or commodity in CONTRACT_IDS
    if commodity is None:
        return []
    if commodity in MINED_IDS and mined_story(text[:end]):
        commodity = MINED_IDS[commodity]  # a mining ministry's "copper production": its mines'
    start = len(text[:end]) - len(text[:end].lstrip())
    sentences = tuple(split_sentences(text[start:end], start))
    return [Section(0, commodity, region_for(commodity), None, start, end, known, sentences)]


# A product the commodity table does not know, named where a report names what it counts: "coke output", "Pr-Nd
# oxide production was", "output of copper foil", "produced 126 kt of tungsten concentrates".
# What a report counts of a product: its output, or what the country imports or exports of it ("manganese ore
# imports", "imports of cobalt intermediates"); after the name, its supply too ("world manganese ore supply": "the
# supply of tungsten" names the metal of a product the text counts under another name).
_COUNTED = rf"(?:{words('output_word')}|{words('import_word', 'export_word')})"
_COUNTED_AFTER = rf"(?:{words('output_word')}|supply|{words('import_word', 'export_word')})"
_NAMED_PRODUCT = re.compile(
    rf"\b{_COUNTED}\s+of\s+(?:the\s+)?(?P<after>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}}?)(?=\s+(?:in|was|were|"
    r"stood|rose|fell|reached|totall?ed|came|is|are|at|hit)\b|[,.])"
    r"|\bproduced\s+[\d,.]+\s*(?:mln|million|thousand|k)?\s*(?:kt|mt|t|tonnes?|tons?)\s+of\s+"
    r"(?P<produced>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)(?=\s*[,.(]|\s+in\b)"
    rf"|(?<![\w'’])(?P<before>(?:[A-Z][\w-]*|[a-z][\w-]*)(?:\s+[\w-]+){{0,2}}?)\s+{_COUNTED_AFTER}\b",
    re.I,
)
_NOT_PRODUCT = re.compile(
    rf"^(?:(?:china'?s?|chinese|domestic|global|world|total|monthly|annual|national|industry|the|its|their|"
    rf"{MONTH_NAMES}|{MONTH_ABBREVIATIONS}|jan-\w+|(?:19|20)\d\d|[HQ][1-4]|[1-4][HQ]|in|of|and|smm|"
    # (a clause's opening word: "..., with concentrate output increasing by 4%")
    r"with|while|whereas|as|but|when|after|by|for|to|on|at|than|since)\s+)+", re.I)


# a change or a part of a year before the product's name ("a decline in molybdenum output", "first-quarter cobalt
# production"): the name is what follows it
_AFTER_A_CHANGE = re.compile(rf"^.*\b(?:{words('up_noun', 'down_noun')})\s+(?:in|of)\s+"
                             r"|^(?:first|second|third|fourth)[\s-](?:quarter|half)\s+", re.I)
# a metal's trade name, and the id its own name gives ("moly": molybdenum)
_TRADE_NAMES = {"moly": "molybdenum"}


def named_product(text: str) -> str | None:
    """The id of the product a text names where it names what it counts, for a product the commodity table does not
    know (its own name, singular, snake_case); None when it names none."""
    at = 0
    while (match := _NAMED_PRODUCT.search(text, at)) is not None:
        # a name refused before "production" leaves that word to be read again ("when production of gallium")
        at = match.end("before") if match.group("before") else match.end()
        words = _name_words(match.group("after") or match.group("produced") or match.group("before") or "")
        if words is None:
            continue
        product = new_commodity_id(" ".join(words))
        product = _TRADE_NAMES.get(product, product)
        if product != "unknown":
            return product
    return None


def _name_words(name: str) -> list[str] | None:
    """The words of a product's name as a text writes it before or after what it counts, singular; None where they
    name no product."""
    name = _NOT_PRODUCT.sub("", _AFTER_A_CHANGE.sub("", re.sub(r"['’]s\b", "", name)) + " ").strip()
    words = name.split()
    # the name is what follows the last word that names no product ("cut overall May output": none)
    words = words[max((i + 1 for i, w in enumerate(words[:-1]) if _NO_NAME.fullmatch(w)), default=0):]
    if not words or not re.match(r"[a-z]", words[-1], re.I) or _NO_NAME.fullmatch(words[-1]) \
            or {w.lower() for w in words} <= _MEASURE_KINDS:
        return None
    if words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return words


_NO_PRODUCT_WORDS = {"the", "its", "their", "total", "china", "domestic", "global", "world", "monthly", "daily",
                     "annual", "industry", "smelter", "plant", "mine", "company", "group", "increase", "decrease",
                     # words that may stand before "production" and name no product ("..., when production fell")
                     "when", "while", "as", "where", "which", "that", "with", "after", "before", "but", "and", "or",
                     "to", "for", "by", "from", "on", "at", "if", "than", "since", "because", "lower", "higher",
                     "reduced", "increased", "decreased", "weak", "weaker", "strong", "stronger", "overall", "stable",
                     "steady", "record", "more", "less", "normal", "full", "actual", "average", "expected", "planned",
                     # a part of the output, not a product ("the largest regional output")
                     "regional", "largest", "biggest", "smallest",
                     # what supply is said to be ("tight supply", "raw material supply")
                     "tight", "tighter", "ample", "abundant", "loose", "short", "sufficient", "excess", "material",
                     "materials", "spot", "market"}
_NO_NAME = re.compile(rf"(?:{'|'.join(sorted(_NO_PRODUCT_WORDS))}|{MONTH_NAMES}|{MONTH_ABBREVIATIONS})", re.I)
# a measure's kind, not a product, where it is the whole name ("Refined production", "Metal production"; but
# "gallium metal production")
_MEASURE_KINDS = {"refined", "metal", "primary", "secondary", "mined", "mining", "concentrate", "concentrates"}


# a sentence opening with a product and its output ("Hafnium sponge output: ...", "Zirconium sponge production rose")
# (the month it is of may come between: "Antimony trioxide output in March fell ...")
_MONTH_BETWEEN = rf"(?:\s+(?:in|for|during)\s+(?:{MONTH_NAMES})(?:\s+(?:19|20)\d\d)?)?"
_PRODUCT_OPENING = re.compile(rf"^\W*((?:[A-Z][a-z-]+)(?:\s+[a-z][a-z-]+){{1,3}}?)\s+{words('output_word')}\b"
                              rf"(?=\s*:|{_MONTH_BETWEEN}\s+(?:{words('up_verb', 'down_verb', parts=('past',))}|was|"
                              r"were|reached|stood|amounted|totall?ed|came)\b)"
                              # "Production of bauxite increased ...", "The output of limestone has risen ..."
                              rf"|(?i:^\W*(?:the\s+)?{words('output_word')}\s+of\s+"
                              r"([a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2}?)"
                              rf"(?={_MONTH_BETWEEN}\s+(?:(?:has|have)\s+)?"
                              rf"(?:{words('up_verb', 'down_verb', parts=('past',))}|was|"
                              r"were|reached|stood|amounted|totall?ed|came|witnessed|registered|recorded)\b))")


# words that make an opening no product's name ("The rise in production was ...", "Total output reached ...",
# "Output of South America slipped ...", "Output of principal minerals in May was as follows: ...")
_NOT_A_NAME = re.compile(rf"^(?:the|a|an|this|that|its|their|total|monthly|annual|domestic|global|world)\b|"
                         r"\b(?:minerals|metals|commodities|goods|items)$|"
                         rf"\b(?:in|of|and|for|from)\b|\b{words('up_noun', 'down_noun')}\b"
                         rf"|(?<![\w.])(?:{words('world_region')}|{COUNTRY_NAMES})(?!\w)", re.I)


def product_opening(text: str, commodity: str) -> str | None:
    """The id of a product the table does not know that a sentence opens with, with its output; None for any other
    sentence (a table's product is `subjects._subject`'s)."""
    opening = _PRODUCT_OPENING.match(text)
    name = opening and (opening.group(1) or opening.group(2))
    if not name or _NOT_A_NAME.search(name) or not any(n.is_quantity for n in find_numbers(text)):
        return None  # (a sentence of no figure, a cause's, is left to the product before)
    product = named_product(f"{name} production")
    return product if product is not None and product != commodity else None
