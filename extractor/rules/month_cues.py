"""The words a report-month vote reads around a month (`month_votes`): a month named and its year, what makes it a
base compared with or a record's, spans since January, quarters, a fiscal year's span and a week's end, and what
says a month is looked ahead to."""

from __future__ import annotations

import re

from extractor.text.lexicon import words
from extractor.text.months import MONTH_ABBREVIATIONS, MONTH_NAMES

YEAR = r"((?:19|20)\d\d)"

MONTH_WORD = rf"(?:{MONTH_NAMES}|(?:{MONTH_ABBREVIATIONS})\b\.?)"

# A whole year named as a period ("output in 2017", "for the full year 2023"), and the part of a year before one
# ("the first quarter of 2018") that makes it no whole year.
# (or one a sentence opens with as its subject: "2021 saw refined tin output recover", "2019 was a year of ...")
FULL_YEAR = re.compile(rf"(?:\b(?:in|of|for|during)\s+(?:the\s+(?:whole|full)\s+(?:year\s+(?:of\s+)?)?)?"
                       rf"|^\s*(?=(?:19|20)\d\d\s+(?:saw|was|marked|proved|brought)\b)){YEAR}\b(?![-/]\d)", re.I)

PART_OF_YEAR = re.compile(r"\b(?:months?|quarter|half|season|Q[1-4]|H[12])\s*$", re.I)  # "the first quarter of"

# A month named in a sentence, with its year when one follows ("May 2024", "December, 2023").
MONTH_MENTION = re.compile(rf"(?<![A-Za-z-])({MONTH_WORD})(?![A-Za-z])(?:\s*,?\s*{YEAR}\b)?")

# A month with its year in two digits after an apostrophe ("Aug'24", "in Jan-Aug'24"): a year of this century.
MONTH_SHORT_YEAR = re.compile(rf"(?<![A-Za-z-])(?:{MONTH_NAMES}|{MONTH_ABBREVIATIONS})['’](\d\d)\b(?![.,]\d)", re.I)

DAY_AFTER = re.compile(r"^\s*\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:%|mt|kt|tons?|tonnes?|million|thousand|,\d))")

SENTENCE_END = re.compile(r".*(?:[.!?]\s|\n)", re.S)

COMPARED_BEFORE = re.compile(
    rf"(?:\b{words('compared_before')}|\b(?:from|than) the [\w\s-]{{0,30}}?\b(?:in|of|at)|"
    r"\b(?:that|those|levels?)\s+(?:in|of)|"
    # "0.7% below the peak reached in December 2018", "6.4% above April 2021": a percentage's base
    r"(?:%|\bper\s?cent|\bpct)\s+(?:below|above|under|short\s+of)(?:\s+the\s+[\w\s-]{0,30}?\b(?:in|of|at))?|"
    rf"\b{words('compared_figure')}\s+[\d.,]+\s*(?:[a-z]+\s+){{0,2}}?(?:in|of)|"
    # "compared with a revised decline of 6.6% in October", "compared with the country's output of 3.59 million
    # tonnes during November 2014": another month's change or figure
    rf"\b{words('compared_span')}\s+(?:[\w'’-]+\s+){{0,4}}?(?:of\s+)?[\d.,]+\s*(?:%|per\s?cent|(?:[a-z]+\s+){{0,2}}?)"
    r"\s*(?:in|of|during)|"
    rf"\bfrom\s+{MONTH_WORD}\s+(?:to|until|through)|\bbetween\s+{MONTH_WORD}\s+and)"
    rf"\s+(?:in\s+)?(?:the\s+)?(?:{words('period_edge')}\s+of\s+)?(?:early\s+|mid-?|late\s+)?$",
    re.I,
)

# "beating the previous high of 833,000 t set in December 2014": a record's month is compared with, not reviewed
RECORD_BEFORE = re.compile(rf"\b{words('previous')}\s+{words('record_word')}\b[^.;]{{0,40}}?\b(?:in|of)\s+$", re.I)

POSSESSIVE_AFTER = re.compile(r"^['’]s\b")

SPAN_SINCE_JANUARY = re.compile(
    rf"\b(?:from\s+)?(?:January\s*(?:-?\s*to\s*-?|-|–|through|and)|(?:{MONTH_NAMES})\s*(?:-|–|\s+to\s+|\s+through\s+))"
    rf"\s*({MONTH_NAMES})(?:\s*,?\s*(?:in\s+)?{YEAR})?"  # "January-May", "April-December" (a fiscal year's): month N
    rf"|\bJan(?:uary)?\.?\s*(?:-|\s(?:to|through|until)\s)\s*({MONTH_ABBREVIATIONS})\b\.?(?:\s*,?\s*{YEAR})?"
    r"|\b(?:the\s+)?first\s+((?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})(?=\s+months)|month\b|"
    rf"half\b(?!\s+of\s+(?:the\s+month|{MONTH_NAMES}))|(?:two|three)(?=\s+quarters))(?:\s+months|\s+quarters)?"
    r"(?:\s+of\s+(?:this\s+year|" + YEAR + r"))?",  # ("the first three quarters of 2023": January to September)
    re.I,
)

COUNTS = {w: i for i, w in enumerate(
    ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"))} | {
    "month": 1, "half": 6}  # "the first month of 2015": January; "the first half": January to June


def span_months(match: re.Match[str]) -> int | None:
    """The number of months a SPAN_SINCE_JANUARY match counts (its group 5: "five" months, "two" quarters)."""
    count = match.group(5).lower()
    months = int(count) if count.isdigit() else COUNTS.get(count)
    return months * 3 if months is not None and "quarter" in match.group(0).lower() else months

# Before a span compared with ("Compared to January-May 2019, ..."): not "over" or "from", which open a span read
# ("over the first nine months of 2012").
SPAN_COMPARED = re.compile(rf"\b{words('compared_span')}(?:\s+(?:in|during))?\s+(?:the\s+)?$"
                            # a change from the span: "up 2% from the January-June 2018 volume"
                            rf"|(?:%|\bper ?cent)\s+{words('compared_base')}\s+(?:the\s+)?$"
                            # a change from the span: "a 122,000-t increase from the first half of 2023"
                            rf"|\b(?:{words('up_noun', 'down_noun')}|up|down|higher|lower)\s+from\s+(?:the\s+)?$", re.I)

# "up 2% from the January-June 2018 volume", "growth of 3% in the same period of 2018": 2019 is reviewed (a level's
# decimals may stand between: "5% to 149.5 mlbs when compared to the same period of 2019")
YOY_BASE = re.compile(rf"(?:%|per ?cent)(?:[^.;%]|\.(?=\d)){{0,30}}?\b(?:{words('compared_base')}\s+"
                      rf"(?:the\s+{words('same_period')}\s+"
                      rf"{words('period_noun')}\s+(?:of|in)\s+|the\s+)?"
                      rf"(?:(?:{MONTH_NAMES})(?:\s*[-–]\s*(?:{MONTH_NAMES}))?\s+)?"
                      rf"|in\s+the\s+{words('same_period')}\s+{words('period_noun')}\s+(?:of|in)\s+){YEAR}\b", re.I)

# A span a figure is set off from ("the deficit grew from 143 000 t in January-October 2016 to ..."): the base.
FIGURE_BEFORE = re.compile(rf"\b{words('compared_figure')}\s+[\d.,]+(?:\s\d{{3}})*\s*(?:[a-z]+\s+){{0,2}}?"
                            rf"(?:in|of|during)\s+(?:the\s+)?$", re.I)

# "in comparison with the corresponding eleven-month period from January to November in 2015": the span named
# after a comparison with the same period is that period
SAME_SPAN_BEFORE = re.compile(r"\b(?:in\s+comparison\s+(?:with|to)|compared\s+(?:with|to)|against|versus)\s+the\s+"
                               r"(?:corresponding|same)\b[^.;]{0,50}$", re.I)

LAST_MONTH_WORDS = re.compile(r"\blast month\b", re.I)

# Before a month that is the coming one ("Entering January 2025, ..."): an expectation, of the month after the
# reviewed one
COMING_BEFORE = re.compile(rf"\b{words('coming')}\s+(?:the\s+month\s+of\s+)?$", re.I)

# Before a month compared with: a change against it ("up 3% from May 2023"), or a figure against that month's
# ("462,000 t in August, compared with 496,600 in August 2017"): a year-on-year base.
PERCENT_BEFORE = re.compile(rf"%|per ?cent|\b{words('compared_figure')}\s+[\d.,]+\s*(?:[a-z]+\s+){{0,2}}?(?:in|of)\s+$", re.I)

YEAR_TO_DATE = re.compile(rf"\b{words('year_to_date')}\b[^.;]{{0,30}}?\b(?:in|for|of)\s+{YEAR}\b", re.I)

# A span of a fiscal year that runs April to March ("the April-February period of FY 2024-25", "April-January of
# 2023-24"): its last month, in the year the fiscal year has reached by then.
FISCAL_SPAN = re.compile(rf"\b({MONTH_WORD})\s*[-–]\s*({MONTH_WORD})(?:\s+period)?\s+(?:of\s+)?(?:the\s+)?"
                          rf"(?:(?:FY|fiscal(?:\s+year)?)\s*)?{YEAR}\s*[-–/]\s*(\d\d)\b", re.I)

# The day a week's figures end on ("the week ending on September 14, 2024"): a weekly release's month.
WEEK_END = re.compile(rf"\bweek\s+end(?:ing|ed)\s+(?:on\s+)?({MONTH_WORD})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}",
                      re.I)

# A quarter of a year ("in the third quarter", "Q3 2020", "2020Q3"): the months its figures end in.
QUARTER = re.compile(rf"\b(?:(first|second|third|fourth)\s+quarter(?:\s+of\s+{YEAR})?|Q([1-4])(?:\s*[-/]?\s*{YEAR})?"
                      rf"|{YEAR}\s*Q([1-4]))\b", re.I)

FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)  # "charges for the second quarter"

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}

ANY_PERCENT = re.compile(r"%|\bper ?cent\b", re.I)

MASS_BEFORE = re.compile(r"\d\s*(?:(?:million|billion|mn|bn)\s+)?(?:metric\s+)?"
                          r"(?:tons?|tonnes?|mt|kt|t|GW|GWh|oz|Moz)\s*$", re.I)

FUTURE_AFTER = re.compile(
    rf"\b(?:{words('modal')}|is|are)\s+(?:\w+\s+)?(?:be\s+)?(?:{words('forecast_to', but=('set',))}|set\s+to|"
    rf"{words('going')})\b|"
    rf"\b{words('modal', but=('may',))}\b|\bis\s+to\b", re.I)  # "may" alone is also the month

MODAL_VERB = re.compile(rf"\s+{words('after_modal', parts=('base',))}\b", re.I)

CLAUSE_CUT = re.compile(r";|,\s*(?:while|but|whereas|although|and)\b|\b(?:but|while|whereas)\b", re.I)
