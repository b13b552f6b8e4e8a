"""The months a figure's sentence makes reachable (the verifier's period check): the months it names with their
year, the report month and its neighbours where the sentence points to them, the parts of a year it names (a
quarter, a half, a fiscal year, written out or short), and the month a year or a month earlier where it compares
with one. And the month a page was published, after which a month is no forecast unless the text says so."""

from __future__ import annotations

import functools
import re

from extractor.formats.datelines import publication_date
from extractor.text import clauses as cl
from extractor.text.months import MONTH_ABBREVIATIONS, MONTH_NAMES, month_number, shift_month
from extractor.text.vocabulary import FORECAST_CUE

YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
MONTH_YEAR = re.compile(rf"\b({MONTH_NAMES}|(?:{MONTH_ABBREVIATIONS})\b)\.?,?\s*(?:\d{{1,2}},?\s*)?((?:19|20)\d\d)\b"
                         rf"|\b((?:19|20)\d\d)[-/.](0?[1-9]|1[0-2])\b", re.I)
MONTH_NAME = re.compile(rf"\b({MONTH_NAMES})\b", re.I)


_MORE_FORECAST = re.compile(r"\bestimated\b|\bpreliminar|\bexpect|\bpredict|\bprojected\b|\boutlook\b", re.I)


def says_forecast(sentence: str) -> bool:
    """Whether a sentence expects: a forecast word of the lexicon's, or an estimate, an outlook, a projection."""
    return bool(FORECAST_CUE.search(sentence) or _MORE_FORECAST.search(sentence))


_YEAR_AGO = re.compile(r"a year (?:earlier|ago|before)|year[- ](?:earlier|ago)|last year|same (?:period|month|time)|"
                       r"(?:previous|prior) year|"
                       r"year[- ](?:on|over)[- ]year|y/y|yoy|corresponding", re.I)
_RELATIVE_YEAR = re.compile(r"\b(this|next|last) year\b", re.I)
_MONTH_AGO = re.compile(r"(?:previous|prior|preceding|last) month|a month (?:earlier|ago|before)", re.I)
_PART_OF_YEAR = re.compile(r"\b(?:(first|second|third|fourth)[\s-]quarter|Q([1-4])|(first|second)[\s-]half|H([12]))\b",
                           re.I)
# A quarter or half with its year in short ("3Q24", "Q3'24", "1H 2024", "H2-23"), and a fiscal year ("FY24",
# "fiscal 2023-24", "FY2024/25": it ends in March in India and Japan, in June in Australia).
_SHORT_PART = re.compile(r"\b(?:([1-4])Q|Q([1-4])|([12])H|H([12]))[\s'’-]?((?:19|20)?\d\d)\b", re.I)
_FISCAL = re.compile(r"\b(?:FY|fiscal(?:\s+year)?)\s?['’]?((?:19|20)?\d\d)(?:\s*[-/–]\s*((?:19|20)?\d\d))?\b", re.I)
_HALF_YEAR = re.compile(r"\bhalf[\s-]year", re.I)
_FIRST_MONTH_OF = re.compile(r"\bfirst\s+month\s+of\s+((?:19|20)\d\d)\b", re.I)
_LAST_QUARTER = re.compile(r"\b(?:last|previous|past|latest)\s+quarter\b", re.I)
_PART_END = {"first": 3, "second": 6, "third": 9, "fourth": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def part_ends(text: str) -> set[int]:
    """The last months of the quarters and halves a text names ("Q3" 9, "the first half" 6)."""
    return {_PART_END[(quarter or q).lower()] if quarter or q else 6 if (half or h).lower() in ("first", "1") else 12
            for quarter, q, half, h in _PART_OF_YEAR.findall(text)}


def reachable_periods(sentence: str, report_month: str | None, bare: bool = False) -> set[str]:
    """The months a figure in this sentence may describe: those it names (with a year-ago month where it compares
    with a year earlier, the December or June of a year it names), else the report month and, where it expects, the
    month after. A bare table cell (`bare`) may be of the report month or either neighbour (a revised or an
    expected column, a year-ago column)."""
    periods = _named_periods(sentence, report_month)
    years = set(YEAR.findall(sentence))
    if report_month is not None:
        periods |= _around_report_month(sentence, report_month)
        years |= _relative_years(sentence, report_month)
    periods |= _year_parts(sentence, years, report_month) | _dated_parts(sentence, report_month)
    if bare and report_month is not None:
        periods.update(shift_month(report_month, k) for k in range(-13, 2))  # a table's columns name its months
    if _MONTH_AGO.search(sentence):
        periods.update({shift_month(p, -1) for p in list(periods)})
    if _YEAR_AGO.search(sentence):
        periods.update({shift_month(p, -12) for p in list(periods)})
    return periods


def _named_periods(sentence: str, report_month: str | None) -> set[str]:
    """The months the sentence names with their year ("May 2024", "2024-05"), or that the clause reader dates."""
    periods = {m.period for m in cl.month_mentions(sentence, report_month)}
    for match in MONTH_YEAR.finditer(sentence):
        if match.group(1):
            number = month_number(match.group(1))
            if number:
                periods.add(f"{int(match.group(2)):04d}-{number:02d}")
        else:
            periods.add(f"{int(match.group(3)):04d}-{int(match.group(4)):02d}")
    return periods


def _around_report_month(sentence: str, report_month: str) -> set[str]:
    """The report month, the months named without a year (the latest such month by the report's; a January named
    in a December report may be the next one), and the month after where the sentence expects."""
    periods = {report_month}
    for name in MONTH_NAME.findall(sentence):  # "April's 4.9 percent", "compared with April"
        number = month_number(name)
        if number:
            year = int(report_month[:4]) - (number > int(report_month[5:]) + 1)
            periods.add(f"{year:04d}-{number:02d}")
            if report_month[5:] == "12" and number == 1:
                periods.add(f"{year + 1:04d}-01")
    for name in _LAST_MONTH_NAMED.findall(sentence):  # "239,000 t in last November": the one before the report's
        number = month_number(name)
        if number:
            year = int(report_month[:4]) - (number >= int(report_month[5:]))
            periods.add(f"{year:04d}-{number:02d}")
    if says_forecast(sentence):
        periods.add(shift_month(report_month, 1))
    return periods


_LAST_MONTH_NAMED = re.compile(rf"\blast\s+({MONTH_NAMES})\b", re.I)


def _relative_years(sentence: str, report_month: str) -> set[str]:
    """The years "this year", "next year" and "last year" name, by the report month's."""
    shifts = {"this": 0, "next": 1, "last": -1}
    return {str(int(report_month[:4]) + shifts[m.lower()]) for m in _RELATIVE_YEAR.findall(sentence)}


def _full_year(short: str) -> int:
    return int(short) if len(short) == 4 else 2000 + int(short)


def _dated_parts(sentence: str, report_month: str | None) -> set[str]:
    """The last months of the quarters and halves named with a short year ("3Q24": 2024-09), of a fiscal year (its
    March and June), of a half year (June, December) and of the quarter a report calls its last."""
    periods = set()
    for match in _SHORT_PART.finditer(sentence):
        quarter, q, half, h, year = match.groups()
        end = int(quarter or q) * 3 if quarter or q else 6 * int(half or h)
        periods.add(f"{_full_year(year):04d}-{end:02d}")
    periods.update(f"{year}-01" for year in _FIRST_MONTH_OF.findall(sentence))  # "the first month of 2024"
    for match in _FISCAL.finditer(sentence):
        end_year = _full_year(match.group(2) or match.group(1))
        periods.update({f"{end_year:04d}-03", f"{end_year:04d}-06"})
    if report_month is not None:
        if _HALF_YEAR.search(sentence):
            periods.update({f"{report_month[:4]}-06", f"{int(report_month[:4]) - 1:04d}-12"})
        if _LAST_QUARTER.search(sentence):
            this_end = shift_month(report_month, (3 - int(report_month[5:]) % 3) % 3)
            periods.update({this_end, shift_month(this_end, -3)})
    return periods


def _year_parts(sentence: str, years: set[str], report_month: str | None) -> set[str]:
    """The Decembers and Junes of the years named (a whole year, a half year), and the last months of the quarters
    and halves named, in those years (or the report's)."""
    periods = set()
    for year in years:
        periods.update({f"{year}-12", f"{year}-06"})  # a whole year, a half year
        if report_month is not None:  # "those in 2011 and 2010 were ...": the report's months of those years
            periods.add(f"{year}-{report_month[5:]}")
    for year in years or ({report_month[:4]} if report_month else set()):
        periods.update(f"{year}-{end:02d}" for end in part_ends(sentence))
    return periods


@functools.lru_cache(maxsize=4)
def _publication_month(text: str) -> str | None:
    """The month the page was published or datelined (YYYY-MM), from its head; None where it states none."""
    published = publication_date(text[:1500], text[:6000])
    return None if published is None else published.month_key


def published_before(text: str, period: str) -> str | None:
    """The month the page was published, against which a forecast of `period` is checked; None where the page
    states none, or where its headline expects a figure of that month and names none later ("September output
    expected at ...": such a page counts the month as a forecast after it too)."""
    headline = text.lstrip().partition("\n")[0]
    if len(headline) < 200 and says_forecast(headline) and not any(
            0 < (number - int(period[5:])) % 12 <= 3 for number in months_in(headline)):
        return None
    return _publication_month(text)


def months_in(text: str) -> set[int]:
    """The months a text names by name or abbreviation ("June", "Sept.")."""
    return {n for n in (month_number(m) for m in re.findall(rf"\b({MONTH_NAMES}|{MONTH_ABBREVIATIONS})\b", text,
                                                            re.I)) if n}
