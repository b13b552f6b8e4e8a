"""Month arithmetic on the contract's YYYY-MM periods, and the window a report's periods fall in. Defined once:
the extractor's rules, its gold checks and the LLM schemas' validators all use these."""

from __future__ import annotations

# A report speaks of months up to a year and a month before the month it reviews, and a few months after it.
WINDOW_BEFORE = 13
WINDOW_AFTER = 3

# Metrics whose level is a percentage.
RATE_METRICS = ("operating_rate", "share")


def months_between(earlier: str, later: str) -> int:
    """How many months later comes after earlier (negative when it is before)."""
    ey, em = map(int, earlier.split("-"))
    ly, lm = map(int, later.split("-"))
    return (ly * 12 + lm) - (ey * 12 + em)


def shift_month(year_month: str, months: int) -> str:
    """Add a number of months to a YYYY-MM string."""
    year, month = map(int, year_month.split("-"))
    total = year * 12 + (month - 1) + months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def in_window(period: str, report_month: str | None) -> bool:
    """Whether a period is plausible for a report: within WINDOW_BEFORE months before it and WINDOW_AFTER after."""
    if report_month is None:
        return True
    return -WINDOW_BEFORE <= months_between(report_month, period) <= WINDOW_AFTER
