"""A list of places set one to a line after a line that opens it ("The largest producers in May 2019:" then "1. Chile
5,480 thousand tonnes", "2. Peru 2,210 thousand tonnes"): each line's figure is of the place it names, of the metric
the opening line names (or the section's, where it names none)."""

from __future__ import annotations

import re

from extractor.rules.context import metric_before
from extractor.text.countries import COUNTRIES, COUNTRY_NAMES

# a line of the list: its rank or a bullet, a place, its figure ("1. China 86,140 thousand tonnes", "- Japan: 8.8 mt")
_LIST_LINE = re.compile(rf"^\W{{0,3}}(?:\d{{1,2}}\s*[.)]\s*)?(?:the\s+)?({COUNTRY_NAMES})\s*[:,\-–]?\s*[-−]?\d",
                        re.I)


def list_place(line: str) -> str | None:
    """The region of a list's line: the place it names before its figure, or None for a line of another kind."""
    match = _LIST_LINE.match(line)
    return COUNTRIES.get(" ".join(match.group(1).lower().split())) if match else None


def opening_metric(line: str) -> str | None:
    """The metric a list's opening line names ("... in terms of crude steel production in March:"), None for a line
    that opens no list."""
    if not line.rstrip().endswith(":"):
        return None
    return metric_before(line, len(line))[0] or "production"


def keeps_list(line: str, place: str | None) -> bool:
    """Whether the list goes on after a line: one of its places' lines, or a line with no word (a rank split off
    its line, "2.")."""
    return place is not None or not re.search(r"[A-Za-z]", line)
