"""Datelines and publication lines: when a page was published, read from its head, for the month it reviews.

A publication line ("Published: Apr 9, 2019", "date 2023-11-16", "Time:Mon, 08 Jan 2024") or a dateline
("SHANGHAI, Jun. 9 (SMM)", Reuters' and Mysteel's "iconJun 12, 2016 10:54") dates the report; such lines carry no
period of their own. `RulesFormat.report_month` reads the date here and gives it, with `is_header`, to the shared
month vote (`extractor/rules/report_month.py`); a template that dates itself otherwise overrides `report_month`.
A second dateline line in one file starts a second report (`PAGE_DATELINE`, read by `bundles.py`).
"""

from __future__ import annotations

import re

from extractor.rules.month_cues import FULL_YEAR, MONTH_WORD, PART_OF_YEAR, YEAR
from extractor.rules.month_votes import Published
from extractor.rules.stated_years import months_with_years, stated_years
from extractor.rules.report_month import ReportMonth, find_report_month
from extractor.text.countries import AGENCIES
from extractor.text.months import month_number

# A line that dates a page and nothing else: "iconOct 10, 2024 13:53", "Published: Apr 9, 2019", "Time:Mon, ...".
_SHORT_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
PAGE_DATELINE = re.compile(
    rf"^[ \t]*(?:(?:icon)?{_SHORT_MONTH}[ \t]*\d{{1,2}},[ \t]*\d{{4}}[ \t]+\d{{1,2}}:\d{{2}}|Published:[^\n]*\d{{4}}|"
    rf"Time:[ \t]*\w{{3}},[^\n]*\d{{4}})[^\n]*$", re.M)

# Publication dates and datelines: "Published: Apr 9, 2019", "iconJun 12, 2016 10:54", "14:14 Dec 08, 2021",
# "Published: Thursday, 14 December 2017", "Time:Mon, 08 Jan 2024", "date 2023-11-16", "SHANGHAI, Jun. 9 (SMM)",
# "by | 3. Feb 2021 - 10:15" (a day with a full stop after it, as German sites write it).
_DATE_MDY = re.compile(rf"(?:(?<![A-Za-z])|(?<=icon))({MONTH_WORD})\s*(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*{YEAR}\b")
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+({MONTH_WORD})\s*,?\s*{YEAR}\b")
_DATE_ISO = re.compile(rf"\b{YEAR}-(0[1-9]|1[0-2])-([0-2]\d|3[01])\b")
# year first with slashes or dots ("2019/08/12 10:22"), and a day first with dots, as European sites write it
# ("12.08.2019"): neither can be read the other way round
_DATE_YMD = re.compile(rf"\b{YEAR}[/.](0?[1-9]|1[0-2])[/.]([0-2]?\d|3[01])\b")
_DATE_DOTTED = re.compile(rf"\b([0-2]?\d|3[01])\.(0?[1-9]|1[0-2])\.{YEAR}\b")
_DATELINE = re.compile(rf"\b[A-Z][A-Za-z]{{2,}}\s*,\s*({MONTH_WORD})\s*(\d{{1,2}})\s*(?:,\s*{YEAR}\s*)?"
                       rf"(?:\.\s*)?(?:\((?:{AGENCIES})\)|/(?:{AGENCIES})/)"
                       # "SMM News on July 9:", its year most often left off
                       rf"|\bSMM\s+News\s+on\s+({MONTH_WORD})\s*(\d{{1,2}})(?:\s*,\s*{YEAR})?\s*:")

_ANY_YEAR = re.compile(rf"\b{YEAR}\b")
_HEADER_WORD = re.compile(r"^(?:published|publish\s+(?:time|date)|source|time|date|by|updated)\b", re.I)
# A date in figures alone on its line ("04/12/2022 | 05:57am EDT", "23/04/2021"): month first where an American time
# zone follows or the day cannot be first, day first where the month cannot be first; else not read ("10/03/2018 |
# 12:42pm CEST" on a page that writes month first: a European zone tells nothing)
_DATE_FIGURES = re.compile(rf"^\s*(\d{{1,2}})/(\d{{1,2}})/{YEAR}\b(?P<rest>[^\n]{{0,40}})$", re.M)
_AMERICAN_ZONE = re.compile(r"\b(?:E|C|M|P)[DS]T\b|\bET\b")
# A date that opens a paragraph as its dateline: "Aug. 2, 2022 - According to ...", "Lisbon, 20 August 2019 - ...",
# and after a place, with a full stop ("OSLO, May 3, 2021. Output of ...", as some wires write it)
_DATE_LEAD = re.compile(r"\s*[-–—]\s")
_PLACE_LEAD = re.compile(r"\.\s+(?=[A-Z/])")
_PLACE_BEFORE = re.compile(r"\s*(?P<place>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2}\s*,\s*)?")


def is_header(line: str) -> bool:
    """Publication lines ("Published: ...", "iconJun 12, 2016 10:54", "Source: SMM") carry no period."""
    stripped = line.strip(" •*\t")
    if _HEADER_WORD.match(stripped):
        return True
    return len(stripped) < 60 and any(pattern.search(stripped) for pattern, *_ in _DATE_FORMATS)


# Each date pattern with the groups its month, day and year are in, tried in this order.
_DATE_FORMATS: tuple[tuple[re.Pattern[str], int, int, int], ...] = (
    (_DATE_MDY, 1, 2, 3),  # "Apr 9, 2019"
    (_DATE_DMY, 2, 1, 3),  # "14 December 2017"
    (_DATE_ISO, 2, 3, 1),  # "2023-11-16"
    (_DATE_YMD, 2, 3, 1),  # "2019/08/12"
    (_DATE_DOTTED, 2, 1, 3),  # "12.08.2019"
)


def publication_date(head: str, wider: str) -> Published | None:
    """The date the document was published or datelined, from its head: the first date on a publication line,
    else its dateline (its year, where the dateline leaves it off, from the text), else a date in figures alone on
    its line."""
    return _publication_line(head) or _dateline(head, wider) or _date_in_figures(head)


def _date_in_figures(head: str) -> Published | None:
    """A date in figures alone on its line (`_DATE_FIGURES`), where its order can be told."""
    match = _DATE_FIGURES.search(head)
    if match is None:
        return None
    first, second, rest = int(match.group(1)), int(match.group(2)), match.group("rest")
    month_first = second > 12 or bool(_AMERICAN_ZONE.search(rest))
    if not month_first and first <= 12:
        return None  # "04/05/2022": the fourth of May or the fifth of April
    month, day = (first, second) if month_first else (second, first)
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return Published(int(match.group(3)), month, day, match.group(0).strip())


def _publication_line(head: str) -> Published | None:
    """The first date on a publication line, whatever its format ("date 2019-01-21 ... March 14, 2010 file photo"
    is 2019-01-21)."""
    found: list[tuple[int, Published]] = []
    for pattern, month_group, day_group, year_group in _DATE_FORMATS:
        for match in pattern.finditer(head):
            line_start = head.rfind("\n", 0, match.start()) + 1
            line_end = head.find("\n", match.end())
            line = head[line_start:line_end if line_end >= 0 else len(head)]
            place = _PLACE_BEFORE.fullmatch(head, line_start, match.start())
            leads = place and (_DATE_LEAD.match(head, match.end())
                               or place.group("place") and _PLACE_LEAD.match(head, match.end()))
            if not is_header(line) and "(SMM)" not in line and not leads:
                continue
            written = match.group(month_group)
            month = int(written) if written.isdigit() else month_number(written)
            if month is not None:
                found.append((match.start(), Published(int(match.group(year_group)), month,
                                                       int(match.group(day_group)), match.group(0).strip())))
                break  # this format's first on a publication line; another format may come earlier
    return min(found, key=lambda item: item[0])[1] if found else None


def _dateline(head: str, wider: str) -> Published | None:
    dateline = _DATELINE.search(head)
    if not dateline:
        return None
    month, day, year = dateline.groups()[:3] if dateline.group(1) else dateline.groups()[3:]
    named_month = month_number(month)
    stated_year = year or _dateline_year(wider, named_month)
    if named_month is not None and stated_year is not None:
        return Published(int(stated_year), named_month, int(day), dateline.group(0).strip())
    return None


def _dateline_year(wider: str, named_month: int | None) -> str | None:
    """The year of a dateline that states none: the first the text names, or the year after it where the text
    reviews a year whole after the dateline's month ("SHANGHAI, Feb 1 (SMM) - ... output in 2017 ...")."""
    of_months = stated_years(wider)  # the years of the months the text states, a base of comparison's the year after
    stated = _ANY_YEAR.search(wider)
    stated_year = str(of_months[0]) if of_months else stated.group(1) if stated else None
    if stated_year is None or named_month is None:
        return stated_year
    whole_years = [m.group(1) for m in FULL_YEAR.finditer(wider)
                   if not PART_OF_YEAR.search(wider, max(0, m.start() - 25), m.start())]
    if any((int(y), 12) > (int(stated_year), named_month) for y in whole_years):
        return str(int(stated_year) + 1)  # a year reviewed whole was published after it
    if any(named > (int(stated_year), named_month) for named in months_with_years(wider)):
        return str(int(stated_year) + 1)  # "LONDON, Jan 12 (Reuters) - ... Nov 2023": published after that month
    return stated_year


def report_month(text: str) -> ReportMonth:
    """The month a report reviews: the shared vote of its months (`find_report_month`), dated by the publication
    line or dateline of its head, its publication lines casting no vote."""
    return find_report_month(text, publication_date(text[:1500], text[:6000]), is_header)
