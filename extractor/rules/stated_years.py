"""The years a report's text states of its months and spans ("in May 2024", "Jan-Apr 2022"), which date the months it
names without a year where no publication date does (`month_votes`), and the months it names with their year."""

from __future__ import annotations

import re

from extractor.rules import cues
from extractor.rules.month_cues import (
    COMING_BEFORE,
    COMPARED_BEFORE,
    FIGURE_BEFORE,
    MONTH_MENTION,
    MONTH_SHORT_YEAR,
    PERCENT_BEFORE,
    RECORD_BEFORE,
    SAME_SPAN_BEFORE,
    SENTENCE_END,
    SPAN_COMPARED,
    SPAN_SINCE_JANUARY,
    YEAR_TO_DATE,
    YOY_BASE,
    span_months,
)
from extractor.text import prefilter
from extractor.text.months import month_number, shift_month, year_month

_BEFORE = 80  # how far before a month the words that say it is compared with are read
_SINCE_BEFORE = re.compile(r"\bsince\b[^.;]*$", re.I)


def words_before(text: str, start: int) -> str:
    """The words of a month's sentence before it, up to `_BEFORE` characters."""
    before = text[max(0, start - _BEFORE):start]
    ended = SENTENCE_END.match(before)
    return before[ended.end():] if ended else before


def stated_years(text: str) -> list[int]:
    """Years the text states of a month or a span of months (most recent first), for bare months when there is
    no publication date. A year named alone ("by the end of 2028") is not one of them."""
    years = _years_of_months(text)
    # "in Aug'24" (a month compared with in this shape is most often the month before: "against 2.6 mnt in Jul'24")
    years |= {2000 + int(m.group(1)) for m in prefilter.finditer(MONTH_SHORT_YEAR, text)
              if not prefilter.search(COMPARED_BEFORE, text[max(0, m.start() - 40):m.start()])}
    for match in prefilter.finditer(SPAN_SINCE_JANUARY, text):
        base = span_is_base(text, match.start())  # "Against Jan-May 2019"
        years |= {int(y) + base for y in (match.group(2), match.group(4), match.group(6)) if y}
    years |= {int(y) for y in YEAR_TO_DATE.findall(text)}
    # "up 7.5% from November 2017", "from the same period of 2017": a base a year before the month reviewed
    years |= {int(y) + 1 for y in YOY_BASE.findall(text)}
    # "34 GW, against 27 GW over the same period in 2016": a figure against the same span of a named year, with or
    # without a change, makes that year a base
    years |= {int(y) + 1 for y in cues.YEAR_BEFORE_BASE.findall(text) if y}
    return sorted(years - _base_years(text) or years, reverse=True)


def _base_years(text: str) -> set[int]:
    """The years whose every month the text names with its year it names a year later too: a table's columns of
    the same months a year apart ("Apr 2022 | Apr 2021 | Jan-Apr 2022 | Jan-Apr 2021"), the earlier the base."""
    named = months_with_years(text) | {(int(y), month) for match in prefilter.finditer(SPAN_SINCE_JANUARY, text)
                                       for y, month in [_span_end(match)] if y and month}
    years = {year for year, _ in named}
    return {year for year in years if all((y + 1, m) in named for y, m in named if y == year)}


def _span_end(match: re.Match[str]) -> tuple[str | None, int | None]:
    """A SPAN_SINCE_JANUARY match's year as written and its last month ("Jan-Apr 2021": 2021, 4)."""
    year = match.group(2) or match.group(4) or match.group(6)
    named = match.group(1) or match.group(3)
    if named:
        return year, month_number(named)
    return year, span_months(match) if match.group(5) else None


def _years_of_months(text: str) -> set[int]:
    """The years of the months the text names with their year: as written, the reviewed month's for a month looked
    ahead to, the year after for a month a change is measured from; none for a record's month."""
    return {year for year, _ in months_with_years(text)}


def months_with_years(text: str) -> set[tuple[int, int]]:
    """(year, month) of the months the text names with their year, as `_years_of_months` dates them (a month looked
    ahead to: the month before it, the reviewed one; a month a change is measured from: the month a year after)."""
    months = set()
    for match in prefilter.finditer(MONTH_MENTION, text):
        if not match.group(2) or RECORD_BEFORE.search(text, max(0, match.start() - 80), match.start()):
            continue
        before = words_before(text, match.start())
        named = year_month(int(match.group(2)), month_number(match.group(1)) or 1)
        if _SINCE_BEFORE.search(before):  # "its best since ... December 2016": a point before the month reviewed,
            if not named.endswith("-12"):  # which is in the year after it where it is a December, else unknown
                continue
            named = shift_month(named, 1)
        elif COMING_BEFORE.search(before):  # "Entering January 2025": the reviewed month's year
            named = shift_month(named, -1)
        elif prefilter.search(COMPARED_BEFORE, before):
            if not PERCENT_BEFORE.search(before):
                continue
            named = shift_month(named, 12)  # "up 3% from May 2023": May 2024 is reviewed
        months.add((int(named[:4]), int(named[5:])))  # "in May 2024", "December 2023's output"
    return months


def span_is_base(text: str, start: int) -> bool:
    """Whether the span since January at `start` is compared with ("Compared to January-May 2019, ...", "from
    143 000 t in January-October 2016")."""
    before = text[max(0, start - 50):start]
    return bool(SPAN_COMPARED.search(before) or FIGURE_BEFORE.search(before)
                or SAME_SPAN_BEFORE.search(text, max(0, start - 90), start))
