"""Fiscal years that run April to March (an Indian ministry's or a Japanese federation's year): a whole one written
with both its years ("in the fiscal year 2023-24", "FY 2024-25"), or with its first alone where it ends in the
report's month ("in fiscal 2018" in March 2019's review), is the span to its March, the months it runs
("april-march") the figure's segment; its first months ("the first six months (April-September) of the current
fiscal year 2022-23", "the first half of the current fiscal year") the span from April, named as the months it runs
("april-september")."""

from __future__ import annotations

import re

from extractor.text import prefilter
from extractor.text.vocabulary import FORECAST_CUE

FISCAL_YEAR = re.compile(r"\b(?:FY|fiscal(?:\s+year)?)\s*((?:19|20)\d\d)\s*[-–/]\s*(\d\d)\b", re.I)
# one written with its first year alone ("in fiscal 2018"): April to March only where that year ends in the report's
# month (a Japanese federation's year reviewed in its March; a US fiscal year ends in September, Australia's in June)
FISCAL_SINGLE = re.compile(r"\b(?:FY|fiscal(?:\s+year)?)\s*((?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)"
                           r"(?:,?\s*which\s+ended\s+(?:in\s+)?March\s+(?:19|20)\d\d)?", re.I)  # (its end said)
FISCAL_PART = re.compile(r"\b(?:the\s+)?first\s+(half|quarter|(?:three|six|nine)\s+months)(?:\s*\([^)]{0,30}\))?"
                         r"\s+of\s+(?:the\s+)?(?:current\s+|this\s+)?(?:fiscal(?:\s+year)?|FY)"
                         r"(?:\s*((?:19|20)\d\d)\s*[-–/]\s*(\d\d)\b)?", re.I)
_PART_MONTHS = {"half": 6, "quarter": 3, "three months": 3, "six months": 6, "nine months": 9}
_MONTHS = ("april", "may", "june", "july", "august", "september", "october", "november", "december")


def in_a_part(position: int, parts: list[tuple[int, int]]) -> bool:
    """Whether a fiscal year named at `position` is the year of a part of it (`FISCAL_PART`'s spans)."""
    return any(start <= position < end for start, end in parts)


def fiscal_parts(sentence: str, report_month: str | None) -> list[tuple[int, int, str | None, str]]:
    """(start, end, its last month, its name) of each first part of a fiscal year the sentence names (`FISCAL_PART`):
    its year as written, else the fiscal year the report's month is in; its month None where neither is known."""
    found: list[tuple[int, int, str | None, str]] = []
    for match in prefilter.finditer(FISCAL_PART, sentence):
        months = _PART_MONTHS[" ".join(match.group(1).lower().split())]
        if match.group(2):
            year: int | None = int(match.group(2))
        else:
            year = None if report_month is None else int(report_month[:4]) - (int(report_month[5:]) < 4)
        period = None if year is None else f"{year}-{3 + months:02d}"
        found.append((match.start(), match.end(), period, f"april-{_MONTHS[months - 1]}"))
    return found


def fiscal_years(sentence: str, spans: list[tuple[int, int]], report_month: str | None
                 ) -> list[tuple[int, int, str]]:
    """(start, end, its March) of each whole fiscal year the sentence names: not the fiscal year a span of months
    just before it or a first part of it is of ("the April-December period of the fiscal year 2025-26": that span's),
    nor one still running in the report's month ("reaching 4.97 LT in FY 2024-25" in February's report: the year so
    far), unless the sentence looks ahead to it."""
    found = []
    parts = [(m.start(), m.end()) for m in prefilter.finditer(FISCAL_PART, sentence)]
    for match in prefilter.finditer(FISCAL_YEAR, sentence):
        year = int(match.group(1))
        march = f"{year + 1}-03"
        if (year + 1) % 100 != int(match.group(2)) or in_a_part(match.start(), parts) \
                or any(match.start() - 30 <= end <= match.start() for _, end in spans):
            continue
        if report_month is not None and report_month < march and not prefilter.search(FORECAST_CUE, sentence):
            continue
        found.append((match.start(), match.end(), march))
    for match in prefilter.finditer(FISCAL_SINGLE, sentence):
        march = f"{int(match.group(1)) + 1}-03"
        if march == report_month and not in_a_part(match.start(), parts):
            found.append((match.start(), match.end(), march))
    return sorted(found)
