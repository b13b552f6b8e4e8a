"""Whole fiscal years that run April to March, written with both their years ("in the fiscal year 2023-24", "FY
2024-25"): each is the span to its March, the span's name ("fiscal year") the figure's segment (an Indian ministry's
or a Japanese federation's year)."""

from __future__ import annotations

import re

from extractor.text import prefilter
from extractor.text.vocabulary import FORECAST_CUE

FISCAL_YEAR = re.compile(r"\b(?:FY|fiscal(?:\s+year)?)\s*((?:19|20)\d\d)\s*[-–/]\s*(\d\d)\b", re.I)


def fiscal_years(sentence: str, spans: list[tuple[int, int]], report_month: str | None) -> list[tuple[int, str]]:
    """(position, its March) of each whole fiscal year the sentence names: not the fiscal year a span of months just
    before it is of ("the April-December period of the fiscal year 2025-26": that span's), nor one still running in
    the report's month ("reaching 4.97 LT in FY 2024-25" in February's report: the year so far), unless the sentence
    looks ahead to it."""
    found = []
    for match in prefilter.finditer(FISCAL_YEAR, sentence):
        year = int(match.group(1))
        march = f"{year + 1}-03"
        if (year + 1) % 100 != int(match.group(2)) \
                or any(match.start() - 30 <= end <= match.start() for _, end in spans):
            continue
        if report_month is not None and report_month < march and not prefilter.search(FORECAST_CUE, sentence):
            continue
        found.append((match.start(), march))
    return found
