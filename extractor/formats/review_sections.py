"""The SMM review's template: one section per commodity heading ("Copper Cathode", "Nickel Pig Iron (NPI)"), or,
in older reviews, per line ending in a colon that names a metal ("Refined Copper:"). The formats of SMM's review
and table read their sections here; the shared pieces (the `Section` record, where boilerplate begins, the single
article section) are `extractor.rules.sections`'."""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.rules.sections import Section, article_sections, content_end
from extractor.text.clauses import split_sentences
from extractor.text.commodities import commodity_for_heading, new_commodity_id, region_for

_TITLE = re.compile(r"(review|overview|forecast|outlook|report)\b.*\b(19|20)\d\d|\b(19|20)\d\d\b.*(review|overview|forecast)", re.I)


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
    if stripped[-1] in ".:;!?,|" or stripped[0] == "|":
        return False  # a sentence's end, a sub-heading, or a table's cell ("Crude steel |")
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
