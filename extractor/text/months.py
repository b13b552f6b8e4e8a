"""Month names as reports write them, and giving a month named without a year its year.

Every regex that looks for a month builds on `MONTH_NAMES` / `MONTH_ABBREVIATIONS`
here; the period arithmetic is the contract's (`schemas.periods`).
"""

from __future__ import annotations

from schemas.periods import in_window, months_between, shift_month

__all__ = ["MONTH_NUMBERS", "MONTH_NAMES", "MONTH_ABBREVIATIONS", "month_name", "month_number", "year_month",
           "resolve_month", "in_window", "months_between", "shift_month"]

_NAMES = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
)
MONTH_NUMBERS = {name: i + 1 for i, names in enumerate(_NAMES) for name in names}

# Alternations for regexes (no group of their own): full names, and abbreviations with an optional dot.
MONTH_NAMES = r"January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_ABBREVIATIONS = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"


def month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation ('Sept.', 'november'), None for anything else."""
    return MONTH_NUMBERS.get(name.lower().rstrip("."))


def month_name(number: int) -> str:
    """The full name of month 1-12 ('September' for 9)."""
    return MONTH_NAMES.split("|")[number - 1]


def year_month(year: str | int, month: str | int) -> str:
    """'YYYY-MM' from a year and a month number or name."""
    number = month if isinstance(month, int) else month_number(month)
    if number is None:
        raise ValueError(f"not a month: {month!r}")
    return f"{int(year):04d}-{number:02d}"


def resolve_month(month_name: str, report_month: str | None, year: str | None = None) -> str | None:
    """Give a month named in a report its year: the one nearest the report month, leaning forward.

    With report month 2025-11, "January" is 2026-01 (a forecast two months on),
    "March" is 2025-03. An explicit year is kept as written.
    """
    month = month_number(month_name)
    if month is None:
        return None
    if year:
        return f"{int(year):04d}-{month:02d}"
    if report_month is None:
        return None
    report_year = int(report_month[:4])
    options = [f"{y:04d}-{month:02d}" for y in (report_year - 1, report_year, report_year + 1)]
    return min(options, key=lambda ym: (abs(months_between(report_month, ym) - 1), -months_between(report_month, ym)))


def basis_for(period: str, report_month: str | None, forecast_cue: bool) -> str:
    """actual for past months, forecast for later months or a current month stated as an expectation."""
    if report_month is None:
        return "forecast" if forecast_cue else "actual"
    distance = months_between(report_month, period)
    return "forecast" if distance > 0 or (distance == 0 and forecast_cue) else "actual"
