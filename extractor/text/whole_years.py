"""Whole years as a figure's period: "full-year 2023", "annual output", "In 2016, ...", "output in 2019",
"35.04 million tonnes last year", each as its December, cumulative (the contract's cumulative production of month
12). `clauses.month_mentions` reads them with every other period of a sentence."""

from __future__ import annotations

import re

from extractor.text import prefilter
from extractor.text import vocabulary as vocab
from extractor.text.lexicon import words
from extractor.text.months import shift_month

# What every match of FULL_YEAR holds (a year's digits, "year" or "annual"; its words' pieces hold no digit, so the
# prefilter cannot tell): a sentence without one is not searched. `tests/test_prefilter.py` holds the two together.
NAMES_A_YEAR = re.compile(r"(?:19|20)\d\d|year|annual", re.I)
# A whole year as the period: "full-year 2023", "full year output", "annual output", "In 2016, ...",
# "output in 2019" (the contract's cumulative_production for month 12). (A look-behind is read after a look-ahead
# for the word it stands before: Python's engine tries the look-ahead, the cheaper, first at each place.)
FULL_YEAR = re.compile(
    rf"\b{words('whole_year')}\b(?:\s+{words('output_word')})?(?:\s+(?:in|of|for))?"
    r"\s*((?:19|20)\d\d)?"
    # "In 2016, ...", "For 2014, ...", "- In 2016, ..." (a list's item), "In 2016 output ...", "It is said that in
    # 2016, ..." (not "In 2016-17", "In 2016 Q1")
    # (or a clause's: "..., while in 2019 it produced 71.41 million mt"; or after a label: "Source: In 2019, ...")
    r"|(?:^[-•*]?\s*|[.;:]\s+|\bthat\s+|,\s+(?:while|whereas|and|but)\s+)(?:In|During|For)\s+((?:19|20)\d\d)\b"
    r"(?!\s*(?:[-/–]\s*\d|[QH]\d\b|\())\s*,?"
    rf"|\b{words('output_word')}\s+(?:in|for|of)\s+((?:19|20)\d\d)\b(?!\s*[-/]\d)"
    # "10.28 million mt in 2022"
    r"|(?=in|for)(?:(?<=mt |kt |ns |es |\dt |oz |GW |Wh |t\) |yr )|(?<=\d t )|(?<=ion t )|(?<=mn t ))"
    r"(?:in|for)\s+((?:19|20)\d\d)\b(?!\s*[-/]\d)"  # "(MT) in", "310,000 t in", "6.2 million t in", "t/yr in"
    # "35.04 million tonnes last year": the year before publication
    rf"|(?=last|this)(?<=mt |kt |ns |es |\dt |oz |GW |Wh )({words('this_or_last')})\s+year\b"
    rf"|\bthe\s+((?:19|20)\d\d)\s+{words('year_total')}\b"  # "The 2023 total reached 460,000 mt"
    # a change over a year, the year right after its figure ("edge 0.2% higher this year", "a further 1.7%
    # increase in 2017", "1.8% next year")
    rf"|(?<=\s)(?:(?<=%\s)|(?<=percent\s)|(?<=per\scent\s)|(?<=pct\s)|(?<=\dpc\s))(?:{words('year_change_word')}\s+)?"
    r"(?:(?:in|for)\s+((?:19|20)\d\d)\b(?!\s*[-/]\d)"
    rf"|({words('relative')})\s+year\b)"
    r"|(?=the)(?<=for |ver | in )the\s+whole\s+of\s+((?:19|20)\d\d)\b"  # "a surplus of 761 kt for the whole of 2019"
    # a year after the product of a figure ("produced 969 kt of primary magnesium in 2019")
    # (not "7.69 MT of the same month last year": a month a year before)
    rf"|(?=of)(?<=mt |kt |ns |es |\dt |oz |GW |Wh )of\s+(?!the\s+{words('same_period')}\b)"
    r"(?:[a-z][\w-]*\s+){1,3}?(?:(?:in|for|during)\s+"
    r"((?:19|20)\d\d)\b(?!\s*[-/]\d)|(this|last)\s+year\b(?!['’]s))"  # (or "171,000 t of nickel this year")
    # a release's data of a year ("according to preliminary data of the study group for 2016, ...")
    rf"|\b{words('release_data')}\s+(?:of\s+(?:the\s+)?[A-Z][^.;]{{0,80}}?\s+)?for\s+((?:19|20)\d\d)\b(?!\s*[-/]\d)"
    # a move over the year before publication, its figures in the sentences after ("production rose last year.")
    rf"|\b{words('output_word')}\s+{words('up_verb', 'down_verb')}\s+({words('this_or_last')})\s+year\b"
    # "production fell marginally in 2022 to 822.4 Moz": the year of a move, right after it
    rf"|\b{words('output_word')}\s+{words('up_verb', 'down_verb', parts=('past',))}(?:\s+[a-z]+ly)?\s+in\s+"
    r"((?:19|20)\d\d)\b(?!\s*[-/]\d)"
    r"|,\s+in\s+((?:19|20)\d\d)\s*,"  # "In terms of polysilicon, in 2023, the domestic production reaches ..."
    # a year before its output, after a possessive ("China's 2018 tungsten concentrate output")
    rf"|(?<=['’]s\s)((?:19|20)\d\d)\s+(?:[a-z][\w-]*\s+){{0,3}}?{words('output_word')}\b",
    re.I,
)


def year_mentions(sentence: str, report_month: str | None, cumulative_range: bool) -> list[tuple[int, int, str]]:
    """(start, end, its December) of each whole year the sentence names as a period; `cumulative_range` where the
    sentence names a span since January too (the report's own year is then the span's)."""
    found: list[tuple[int, int, str]] = []
    if not NAMES_A_YEAR.search(sentence):  # (most sentences: FULL_YEAR is not searched, issue 24)
        return found
    for match in prefilter.finditer(FULL_YEAR, sentence):
        year = _whole_year(match, report_month, sentence)
        if year is None or (cumulative_range and report_month and year == report_month[:4]):
            continue  # "cumulative production for 2025" by the end of November is the range's, not the year's
        if (match.group(2) or match.group(3) or match.group(10) or match.group(14)) and report_month is not None \
                and year == report_month[:4] and not report_month.endswith("-12") \
                and not prefilter.search(vocab.FORECAST_CUE, sentence):
            continue  # "output in 2025" in a report of a month of 2025 before December: the year is still running
            # (but "production for 2023 was expected to reach ..." is the year's, forecast)
        found.append((match.start(), match.end(), f"{year}-12"))
    return found


# FULL_YEAR's groups that hold a year as written, and those that hold "last", "this" or "next"
_YEAR_GROUPS, _RELATIVE_GROUPS = (1, 2, 3, 4, 6, 7, 9, 10, 12, 14, 15, 16), (5, 8, 11, 13)


# a move told in the past right before the year ("capacity rose by 40% this year": the year so far, the report's)
_PAST_MOVE_BEFORE = re.compile(rf"\b{words('told_move', parts=('past',))}\b[^,;]{{0,40}}$", re.I)


def _whole_year(match: re.Match[str], report_month: str | None, sentence: str = "") -> str | None:
    """The year a FULL_YEAR match names: as written, "last/this year" from the publication (the month after the
    report month), but "this year" after a move told in the past the report's own ("rose by 40% this year" in
    December's report), or for "full-year output" the report's own year (a forecast before December)."""
    year = next((match.group(g) for g in _YEAR_GROUPS if match.group(g)), None)
    relative = next((match.group(g) for g in _RELATIVE_GROUPS if match.group(g)), None)
    if relative and report_month is not None and relative.lower() == "this" \
            and _PAST_MOVE_BEFORE.search(sentence, 0, match.start()):
        year = report_month[:4]
    elif relative and report_month is not None:
        year = shift_month(report_month, 1)[:4]
        year = str(int(year) + {"last": -1, "next": 1}.get(relative.lower(), 0))
    elif year is None and report_month is not None:
        year = report_month[:4]
    return year
