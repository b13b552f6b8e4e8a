"""Reading the month a report reviews from its text (never from its file name)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extractor.text.months import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    month_number,
    year_month,
)

_MONTH = rf"({MONTH_NAMES})"
_MONTH_ABBR = rf"({MONTH_ABBREVIATIONS})\.?"

_TITLE_PATTERNS = [
    re.compile(rf"^\W*{_MONTH}\s+((?:19|20)\d\d)\b.*\b(?:review|production|overview|output)", re.I | re.M),
    re.compile(rf"^.*\b(?:production|output|overview|review)\b.*\bin\s+{_MONTH}\s+((?:19|20)\d\d)\b.*$", re.I | re.M),
]
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s*,?\s+((?:19|20)\d\d)\b", re.I)
_SENTENCE_OPENING = re.compile(rf"(?:^|[.!?]\s+|\n)(?:In|During)\s+{_MONTH}\s+((?:19|20)\d\d)\b", re.I)
_PUBLISHED = [
    re.compile(rf"Published:?\s*{_MONTH_ABBR}\w*\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)", re.I),
    re.compile(rf"\b[A-Z]{{3,}},\s+{_MONTH_ABBR}\w*\s+(\d{{1,2}})\s*\(SMM\)", re.I),
    re.compile(rf"^{_MONTH_ABBR}\w*\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.I | re.M),
]
_BARE_MONTH = re.compile(rf"(?:^|[.!?]\s+|\n)(?:In|During)\s+{_MONTH}\b(?!\s*,?\s*(?:19|20)\d\d)", re.I)


@dataclass(frozen=True)
class ReportMonth:
    """The reviewed month as YYYY-MM (or None), how sure we are, and the words it came from."""

    value: str | None
    confidence: str  # high | medium | low | none
    evidence: str


def find_report_month(text: str) -> ReportMonth:
    """Return the month the report reviews.

    Order of evidence: a title line ("November 2025 Metal Production Review");
    the month-year a report's sentences open with most often ("In February
    2025, ..."); a month with no year resolved against a publication date
    ("SHANGHAI, Sep 8 (SMM)", "Published: Feb 27, 2025"). Low confidence is
    reported as such, never presented as certain.
    """
    head = text[:6000]
    title_lines = "\n".join(line for line in head.splitlines() if len(line) < 160 and not line.rstrip().endswith("."))
    for pattern in _TITLE_PATTERNS:
        match = pattern.search(title_lines)
        if match:
            return ReportMonth(year_month(match.group(2), match.group(1)), "high", match.group(0).strip()[:120])
    openings = Counter(year_month(m.group(2), m.group(1)) for m in _SENTENCE_OPENING.finditer(text))
    mentions = Counter(year_month(m.group(2), m.group(1)) for m in _MONTH_YEAR.finditer(text))
    if openings:
        best, count = openings.most_common(1)[0]
        confidence = "high" if count >= 3 or count == sum(openings.values()) else "medium"
        return ReportMonth(best, confidence, f'{count} sentence(s) open with "In {best}"')
    published = _publication_date(head)
    bare = _BARE_MONTH.search(head)
    if published and bare:
        pub_year, pub_month = published
        month = _number(bare.group(1))
        year = pub_year if month <= pub_month else pub_year - 1
        return ReportMonth(year_month(year, month), "low", f"'{bare.group(0).strip()}' with publication date {pub_year}-{pub_month:02d}")
    if mentions:
        best, count = mentions.most_common(1)[0]
        confidence = "medium" if len(mentions) == 1 else "low"
        return ReportMonth(best, confidence, f"month-year mentioned in the text ({count}x, {len(mentions)} distinct)")
    if published:
        pub_year, pub_month = published
        return ReportMonth(year_month(pub_year, pub_month), "low", "publication date only")
    return ReportMonth(None, "none", "no month found in the text")


def _number(name: str) -> int:
    """The number of a month name the patterns above matched (they match month names only)."""
    number = month_number(name)
    assert number is not None, name
    return number


def _publication_date(head: str) -> tuple[int, int] | None:
    for pattern in _PUBLISHED:
        match = pattern.search(head)
        if not match:
            continue
        month = _number(match.group(1))
        if match.lastindex and match.lastindex >= 3:
            return int(match.group(3)), month
        year_match = re.search(r"\b((?:19|20)\d\d)\b", head)
        if year_match:
            return int(year_match.group(1)), month
    return None
