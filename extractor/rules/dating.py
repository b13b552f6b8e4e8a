"""A figure's period and basis: the month it describes (the month named with it, the period before it for a base
"a year ago" or "in the same month last year", the next month for a forecast that names none) and whether it
happened, is forecast or was expected."""

from __future__ import annotations

import re

from extractor.rules import cues
from extractor.rules.context import blank_size_classes, earlier_period
from extractor.rules.features import NumberFeatures
from extractor.rules.figure_months import month_named_after
from extractor.rules.label_rules import Measured
from extractor.text import clauses as cl
from extractor.text import prefilter
from extractor.text import vocabulary as vocab
from extractor.text.lexicon import words
from extractor.text.months import basis_for, shift_month
from extractor.text.numbers import NumberSpan


def dating(f: NumberFeatures, measured: Measured) -> tuple[str | None, str]:
    """The period and basis of a number: its month (a month or a year before it, for "a month ago"; the next month,
    for a forecast that names none) and whether it is actual, forecast or expected."""
    place, period = f.place, measured.period
    report_month = place.report_month
    if not measured.is_change and period is not None and not _target_of_a_change(f):
        period = earlier_period(f.post, period, bool(prefilter.search(cues.FROM_BASE, f.local_pre))) or period
        period = _base_period(f, period)
    forecast_cue = bool(prefilter.search(vocab.FORECAST_CUE, f.s[_own_statement_start(f):f.number.start]))
    if forecast_cue and not place.mentions and period == report_month and place.carried == report_month \
            and report_month:
        period = shift_month(report_month, 1)  # "SMM sees output rising 7.8% YoY": no month named, the next month
    return period, _basis(f, period, forecast_cue)


# the level a change moved to, with the change's comparison after it ("rose 14.6% to 775,000 mt from a year earlier"):
# the level is of its own month, not of the year before
_TO_END = re.compile(r"\bto\s*$", re.I)
_FROM_START = re.compile(r"^\s*from\s+(?:a|one|the)\s+(?:month|year)\b", re.I)


def _target_of_a_change(f: NumberFeatures) -> bool:
    return bool(_TO_END.search(f.local_pre) and _FROM_START.match(f.post))


def _basis(f: NumberFeatures, period: str | None, forecast_cue: bool) -> str:
    """Whether the figure of `period` happened, is forecast or was expected."""
    report_month = f.place.report_month
    if f.expected_level:
        return "expected"
    basis = basis_for(period, report_month, forecast_cue) if period else ("forecast" if forecast_cue else "actual")
    if f.metric == "cumulative_production" and period == report_month:
        return "actual"  # a total through the reviewed month has closed, even worded "is expected to be"
    if basis == "forecast" and not forecast_cue and _measured_at_month_start(f, period):
        return "actual"  # "As of early June, capacity was 73.54 million mt/year" in May's review
    return basis


# The metrics of a state (what there is at a moment), not of a month's flow.
_STATE_METRICS = ("inventory", "capacity", "operating_capacity", "operating_rate")


def _measured_at_month_start(f: NumberFeatures, period: str | None) -> bool:
    """Whether the figure is a state measured at the start of the month after the report's ("as of early June",
    "21kt in early April"): what was there when the report was written."""
    report_month = f.place.report_month
    return (f.metric in _STATE_METRICS and report_month is not None and period == shift_month(report_month, 1)
            and bool(cues.MONTH_START.search(f.s)))


_FROM_BEFORE = re.compile(rf"\b(?:{words('compared_figure')}|over)\s*$", re.I)  # ("to 1mn mt against 847,000mt")


def _base_period(f: NumberFeatures, period: str) -> str:
    """The period of a change's base level, named after the level it changed to ("rose 1.8% on the year to 25,872 mt
    from 25,421 mt"): the month the change compares with, where no month of its own is named."""
    previous = f.previous
    if previous is None or previous.change or previous.period != period or not _FROM_BEFORE.search(f.local_pre):
        return period
    return shift_month(period, {"yoy": -12, "mom": -1}.get(previous.last_comparison or "", 0))


# A statement of its own after an earlier one in the sentence, told in the past ("... is estimated to be around
# 250,000 mt, and the surplus was about 85,000 mt in May"): the earlier statement's forecast word is not its own.
_PAST_STATEMENT = re.compile(r"(?:;|,\s+(?:and|while|but|whereas)\s)(?=[^;,]*\b(?:was|were)\b[^;,]*$)")


def _own_statement_start(f: NumberFeatures) -> int:
    """Where the statement holding the figure starts: after the last break before it that opens a statement told in
    the past, else the sentence's start."""
    head = f.s[:f.number.start]
    breaks = list(_PAST_STATEMENT.finditer(head))
    return breaks[-1].end() if breaks else 0


# What a sentence's months are to its figures and to the sentences after it.


def period_passed_on(mentions: list[cl.MonthMention], bases: set[int]) -> cl.MonthMention | None:
    """The period a sentence passes on: the last mention its figures are of, not a compared figure's month."""
    return next((m for m in reversed(mentions) if id(m) not in bases), None)


def sentence_mentions(s: str, report_month: str | None, carried_span: cl.MonthMention | None) -> list[cl.MonthMention]:
    """The months the sentence names as periods (a size class's "annual" is none), else the year after the one its
    change is set against, else the span carried to it (unless it states a change month on month)."""
    mentions = [m for m in cl.month_mentions(blank_size_classes(s), report_month)
                if not (_LAST_YEAR_AT.match(s, m.position) and _FROM_FIGURE.search(s, 0, m.position))]
    base_year = _BASE_YEAR.search(s) if not mentions else None
    if base_year is not None:  # "Output totalled 64.3 million t, up 1.5% on 2017": the year after the one compared with
        mentions = [cl.MonthMention(base_year.start(), f"{int(base_year.group(1)) + 1}-12", cumulative=True)]
    if not mentions and carried_span is not None and not prefilter.search(cl.MOM, s):
        mentions = [carried_span]  # the span carried is the sentence's own (not one stating a change month on month,
        # a month's: "Chinese output was down month-on-month by 1.3% but up by 5.7% year-on-year")
    return mentions


# "from 74.5% last year": a base figure's year, the same period a year before (`cues.BASE_EARLIER`), no whole year
_LAST_YEAR_AT = re.compile(r"last\s+year\b(?!['’]s)", re.I)
_FROM_FIGURE = re.compile(r"\bfrom\s+(?:about\s+|around\s+)?[\d.,]+\s*(?:%|per\s?cent|[A-Za-z]+(?:\s+[A-Za-z]+)?)\s+$",
                          re.I)
_BASE_YEAR = re.compile(rf"(?:%|\bper\s?cent|\bpercent)\s+{words('against_dated')}\s+"
                        r"((?:19|20)\d\d)\b(?!\s*[-/–]\s*\d)", re.I)


def base_months(s: str, mentions: list[cl.MonthMention], numbers: list[NumberSpan]) -> set[int]:
    """The ids of the months named with a base figure ("from a revised 427,000 tonnes in March", "compared with
    603,000 tonnes in April"): that figure's, not the period of the figures after it ("... and 0.2% higher than a
    year earlier") nor of the sentences after it."""
    return {id(named) for n, named in ((n, month_named_after(mentions, s, n.end)) for n in numbers)
            if named is not None and (prefilter.search(cues.FROM_BASE, s[max(0, n.start - 70):n.start])
                                      or cues.COMPARED_FIGURE_BEFORE.search(s[max(0, n.start - 30):n.start]))}
