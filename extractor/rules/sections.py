"""Splitting a report into one section per commodity, with character offsets into the document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.text.clauses import Sentence, split_sentences
from extractor.text.months import MONTH_ABBREVIATIONS, MONTH_NAMES
from extractor.text.commodities import commodity_for_heading, commodity_from_text, new_commodity_id, region_for

# Lines where the report's content ends: methodology, copyright, related news, contact lines.
_END_MARKERS = re.compile(
    r"^\s*(?:\*?\s*survey methodology|related news|responses\s*$|this report is an original work|"
    r"data source statement|for queries|for more information|copyright ©|all rights reserved)",
    re.IGNORECASE,
)
_TITLE = re.compile(r"(review|overview|forecast|outlook|report)\b.*\b(19|20)\d\d|\b(19|20)\d\d\b.*(review|overview|forecast)", re.I)


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


def _lines(text: str, limit: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    offset = 0
    for line in text[:limit].splitlines(keepends=True):
        out.append((offset, line.rstrip("\n")))
        offset += len(line)
    return out


def _heading_candidate(line: str) -> bool:
    stripped = line.strip().strip("*#").strip()
    if not stripped or len(stripped) > 60 or len(stripped.split()) > 7:
        return False
    if stripped[-1] in ".:;!?,":
        return False
    return not _TITLE.search(stripped)


def review_sections(text: str) -> list[Section]:
    """A multi-commodity review's sections (see `_review_sections`); a format's recognise and sections share them."""
    return list(_review_sections(text))


@lru_cache(maxsize=8)
def _review_sections(text: str) -> tuple[Section, ...]:
    """A multi-commodity review's sections, one per commodity heading; [] unless two or more headings name
    known commodities.

    A short title-like line between headings that names no known commodity
    starts a section with a new snake_case id. Sub-headings such as "Jiangxi
    Region:" end with a colon and stay inside their section.
    """
    end = content_end(text)
    lines = _lines(text, end)
    headings: list[tuple[int, int, str, str | None]] = []  # (line start, body start, heading, commodity)
    for i, (offset, line) in enumerate(lines):
        if not _heading_candidate(line):
            continue
        commodity = commodity_for_heading(line)
        next_long = any(len(following.strip()) > 60 for _, following in lines[i + 1:i + 3])
        if commodity is None and not next_long:
            continue
        headings.append((offset, offset + len(line) + 1, line.strip(), commodity))
    known = [h for h in headings if h[3] is not None]
    if len(known) >= 2:
        return tuple(_multi_sections(text, headings, end))
    return tuple(_colon_sections(text, lines, end))


_COLON_HEADING = re.compile(r"^\s*([A-Za-z][\w ()-]{2,40}?)\s*:\s*$")
_METAL_WORD = re.compile(r"\b(?:copper|aluminium|aluminum|alumina|zinc|lead|nickel|tin|magnesium|silicon|lithium|"
                         r"cobalt|manganese|antimony|molybdenum|tungsten|titanium|stainless)\b", re.I)


def _colon_sections(text: str, lines: list[tuple[int, str]], end: int) -> list[Section]:
    """An older review's sections, headed by lines that end with a colon ("Refined Copper:", "Copper Semis:"): two or
    more such lines, at least one a known commodity and every one naming a metal. Sub-headings of a region
    ("Jiangxi Region:") name no metal, so a review with them keeps its plain headings."""
    headings: list[tuple[int, int, str, str | None]] = []
    for offset, line in lines:
        match = _COLON_HEADING.match(line)
        if match and _METAL_WORD.search(match.group(1)):
            name = match.group(1).strip()
            headings.append((offset, offset + len(line) + 1, name, commodity_for_heading(name)))
    if len(headings) < 2 or not any(h[3] for h in headings):
        return []
    return _multi_sections(text, headings, end)


@lru_cache(maxsize=8)
def article_commodity(text: str) -> str | None:
    """The commodity a single-commodity text names most (what its one article section is about), or None: whether
    the text reads as an article, without splitting it into sentences (a format's recognise asks only this)."""
    end = content_end(text)
    return commodity_from_text(text[:end]) or named_product(text[:min(end, 800)])


def article_sections(text: str) -> list[Section]:
    """A single-commodity text as one section about the commodity it names most; [] when it names none."""
    return list(_article_sections(text))


@lru_cache(maxsize=8)
def _article_sections(text: str) -> tuple[Section, ...]:
    return tuple(_single_section(text, content_end(text)))


def split_sections(text: str) -> list[Section]:
    """A review's heading sections, or else the whole text as one article section ([] if no commodity is named)."""
    return review_sections(text) or article_sections(text)


def _multi_sections(text: str, headings: list[tuple[int, int, str, str | None]], end: int) -> list[Section]:
    first_known = next(i for i, h in enumerate(headings) if h[3] is not None)
    sections: list[Section] = []
    usable = headings[first_known:]
    for i, (_, body_start, heading, commodity) in enumerate(usable):
        body_end = usable[i + 1][0] if i + 1 < len(usable) else end
        known = commodity is not None
        commodity_id = commodity if commodity is not None else new_commodity_id(heading)
        sentences = tuple(split_sentences(text[body_start:body_end], body_start))
        sections.append(Section(len(sections), commodity_id, region_for(commodity_id), heading, body_start, body_end,
                                known, sentences))
    return sections


def _single_section(text: str, end: int) -> list[Section]:
    # A product the table does not know is read under its own name where the text names what it counts (the
    # contract's id rule), its figures kept for review: accepting them lowered corpus-wide validation's core F1
    # from 0.386 to 0.367 while tune rose from 0.480 to 0.491.
    commodity = commodity_from_text(text[:end])
    known = commodity is not None
    commodity = commodity or named_product(text[:min(end, 800)])
    if commodity is None:
        return []
    start = len(text[:end]) - len(text[:end].lstrip())
    sentences = tuple(split_sentences(text[start:end], start))
    return [Section(0, commodity, region_for(commodity), None, start, end, known, sentences)]


# A product the commodity table does not know, named where a report names what it counts: "coke output", "Pr-Nd
# oxide production was", "output of copper foil", "produced 126 kt of tungsten concentrates".
_NAMED_PRODUCT = re.compile(
    r"\b(?:output|production)\s+of\s+(?:the\s+)?(?P<after>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)(?=\s+(?:in|was|were|"
    r"stood|rose|fell|reached|totall?ed|came|is|are|at|hit)\b|[,.])"
    r"|\bproduced\s+[\d,.]+\s*(?:mln|million|thousand|k)?\s*(?:kt|mt|t|tonnes?|tons?)\s+of\s+"
    r"(?P<produced>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)(?=\s*[,.(]|\s+in\b)"
    r"|(?P<before>(?:[A-Z][\w-]*|[a-z][\w-]*)(?:\s+[\w-]+){0,2}?)\s+(?:output|production)\b",
    re.I,
)
_NOT_PRODUCT = re.compile(
    rf"^(?:(?:china'?s?|chinese|domestic|global|world|total|monthly|annual|national|industry|the|its|their|"
    rf"{MONTH_NAMES}|{MONTH_ABBREVIATIONS}|jan-\w+|(?:19|20)\d\d|in|of|and|smm)\s+)+", re.I)


def named_product(text: str) -> str | None:
    """The id of the product a text names where it names what it counts, for a product the commodity table does not
    know (its own name, singular, snake_case); None when it names none."""
    for match in _NAMED_PRODUCT.finditer(text):
        name = match.group("after") or match.group("produced") or match.group("before") or ""
        name = _NOT_PRODUCT.sub("", re.sub(r"['’]s\b", "", name) + " ").strip()
        words = name.split()
        if not words or not re.match(r"[a-z]", words[-1], re.I) or words[-1].lower() in _NO_PRODUCT_WORDS:
            continue
        if words[-1].endswith("s") and not words[-1].endswith("ss"):
            words[-1] = words[-1][:-1]
        product = new_commodity_id(" ".join(words))
        if product != "unknown":
            return product
    return None


_NO_PRODUCT_WORDS = {"the", "its", "their", "total", "china", "domestic", "global", "world", "monthly", "daily",
                     "annual", "industry", "smelter", "plant", "mine", "company", "group", "increase", "decrease"}
