"""The cue categories of a figure's period and of what it is compared with: the words of another period compared with,
the spans (a year to date, a whole year, a week), the words of now and of an earlier record (`lexemes` says how a form
is written; `lexicon` compiles them)."""

from __future__ import annotations

from extractor.text.lexemes import categories_in, category, fixed, only, word
from extractor.text.lexicon_changes import DEGREE, DOWN_VERB, UP_VERB

# (a) what a change or a level is compared with ("up 3% from April", "lower than a year ago", "versus 2023")
COMPARED_WITH = category(
    "compared_with", "up 3% from April; lower than a year ago; versus 2023",
    fixed("from", "compared to", "compared with", "than", "versus", "vs.", "vs", "over", "against", "on",
          "matched with", "since", "after", "before", "until", "by the end of", "above", "below", "compares with",
          "compares to", "in comparison to", "in comparison with"))
# Narrower sets of those, each as one rule reads it (a wider set would read a month named after "since" or "on" as
# compared with, where these rules read it as the period):
COMPARED_MONTH = category(
    "compared_month", "down 2% from October; compared with the end of May; 1% below the peak reached in March",
    only(COMPARED_WITH, "from", "compared to", "compared with", "than", "versus", "vs.", "vs", "over", "against",
         "since", "after", "before", "above", "below"),
    word("of", not_after=("output ", "production ", "mt ", "tonnes ", "tons ")))  # ("3,780 mt of April": April's)
AGAINST = category(
    "against", "up 3% against the previous month; 2% lower than in the same month of 2023",
    only(COMPARED_WITH, "compared to", "compared with", "matched with", "from", "than", "over", "against", "versus",
         "vs.", "vs", "on"), fixed("than in", "than during"))
AGAINST_YEAR = category(
    "against_year", "up 3% compared with a year earlier; 2% above last year's level",
    only(COMPARED_WITH, "compared to", "compared with", "from", "than", "over", "versus", "vs.", "vs", "above",
         "below"))
AGAINST_DATED = category(  # (a month or year named with its year after: read as dated, where "on May 5" is a day)
    "against_dated", "up 1.5% on 2017; down 3.6% against September 2020; 4% up on May 2020",
    only(COMPARED_WITH, "on", "from", "over", "than", "compared to", "compared with", "in comparison to",
         "in comparison with", "versus", "vs.", "vs", "against"))
AGAINST_MONTH_AGO = category("against_month_ago", "up 3% from a month earlier",
                             only(COMPARED_WITH, "from", "than", "compared to", "compared with"))
FROM_THAN = category("from_than", "up 3% from April's 2.49 million mt; 512,000 mt, against August's 496,600 mt",
                     only(COMPARED_WITH, "from", "than", "versus", "vs.", "vs", "compared to", "compared with",
                          "against", "over", "above", "below"))
COMPARED_BEFORE = category(
    "compared_before", "up 7.5% from November 2017",
    only(COMPARED_WITH, "from", "than", "over", "compared to", "compared with", "versus", "vs.", "vs", "against",
         "since", "after", "before", "until", "by the end of"))
COMPARED_FIGURE = category("compared_figure", "462,000 t in August, compared with 496,600 t in August 2017",
                           only(COMPARED_WITH, "compared to", "compared with", "from", "against", "versus",
                                "compares with", "compares to"))
COMPARED_BASE = category("compared_base", "up 2% from the same period of 2018; down 1% against May 2018",
                         only(COMPARED_WITH, "from", "over", "than", "compared to", "compared with", "in comparison to",
                              "in comparison with", "against", "versus", "vs.", "vs"))
COMPARED_SPAN = category("compared_span", "Compared to January-May 2019, output rose 2%",
                         only(COMPARED_WITH, "compared to", "compared with", "against", "versus", "vs.", "vs", "than",
                              "compares with", "compares to"))
PERIOD_NAMED_BEFORE = category(
    "period_named_before", "output rose 4% against 2023",
    only(COMPARED_WITH, "from", "than", "over", "against", "on", "versus", "compared to", "compared with"))
MONTH_COMPARED = category("month_compared", "2% higher compared with April; down 1% against May 2018",
                          only(COMPARED_WITH, "from", "compared to", "compared with", "in comparison to",
                               "in comparison with", "than", "versus", "vs.", "vs", "over", "against"))
# the end of an event's time, no period of a figure ("an overhaul scheduled to continue through to early December")
EVENT_END = category("event_end", "maintenance will last until mid-May; an overhaul through to early December",
                     fixed("until", "till", "through to", "lasting to", "last to", "continue to", "extend to"))
# "last month" is a period, "from last month" a comparison
NOT_RELATIVE = category("not_relative", "output fell from last month", only(COMPARED_WITH, "from", "than", "over"))

# (b) earlier periods and records compared with
PREVIOUS = category("previous", "up 3% from the previous month",
                    fixed("previous", "prior", "last", "preceding", "former", "earlier"))
PREVIOUS_MONTH = category("previous_month", "up 3% on the prior month",
                          only(PREVIOUS, "previous", "prior", "last", "preceding", "former"))
PREVIOUS_RECORD = category("previous_record", "beating the previous high of 833,000 mt",
                           only(PREVIOUS, "previous", "prior", "former"))
AGO = category("ago", "up 3% from a month earlier; a year ago", fixed("ago", "earlier", "before"))
RECORD_WORD = category("record_word", "beating the previous record of 833,000 mt",
                       fixed("record", "high", "low", "peak", "highest", "lowest"))
RECORD_BASE = category("record_base", "from the previous peak of 3.27 million mt",
                       only(RECORD_WORD, "record", "high", "peak", "low"))
SAME_PERIOD = category("same_period", "up 3% from the same period last year",
                       fixed("same", "corresponding", "year-earlier", "yearearlier", "year-ago", "prior-year", "prior year",
                             "previous-year", "previous year"))
# a year before's figure as the base of a change ("3.1% below the year-ago level")
YEAR_AGO = category("year_ago", "3% below the year-ago level",
                    fixed("year-ago", "year ago", "year-earlier", "prior-year", "previous-year"))
BASE_NOUN = category("base_noun", "3% below the year-ago level", fixed("level", "figure", "total", "volume", "mark"))
PERIOD_NOUN = category("period_noun", "up 3% from the same month of 2023",
                       fixed("period", "month", "time", "quarter"))
MOM_BASIS = category("mom_basis", "up 3% on a monthly basis", fixed("monthly", "month-on-month", "sequential"))
YOY_BASIS = category("yoy_basis", "up 3% on an annual basis", fixed("yearly", "annual", "year-on-year"))
MOM_ADVERB = category("mom_adverb", "output rose 3% sequentially", fixed("sequentially"))
QOQ_MARKER = category("qoq_marker", "output rose 3% QoQ",
                      fixed("QoQ", "Q-o-Q", "q/q", "quarter-on-quarter", "quarter-over-quarter", "on the quarter"))

# the start of a month as the moment a stock or a capacity is measured ("as of early June", "in early April")
MONTH_START = category("month_start", "inventory was 21,000 mt in early April",
                       fixed("early", "as of early", "as of the start of", "at the start of", "at the beginning of",
                             "as of the beginning of"))

# (c) spans and parts of a period
YTD = category("ytd", "YTD output reached 3 million mt", fixed("YTD", "year-to-date"))
# the span a statistics office's release covers, named again after its months ("from January through February ...;
# gold output increased by 22 percent during the reporting months"): the span since January to the report's month
REPORTING_SPAN = category("reporting_span", "output rose 3% over the reporting period",
                          fixed("reporting period", "reporting months"))
# a later part of a year as a figure's span ("in the second half of 2019"): that part is the figure's segment
LATER_PART = category("later_part", "output is expected at 68,000 mt in the second half of the year",
                      fixed("second half", "second quarter", "third quarter", "fourth quarter"))
CUMULATIVE = category("cumulative", "by the end of May, cumulative output reached 1.2 million mt", fixed("cumulative"))
YEAR_TO_DATE = category("year_to_date", "cumulatively 1.2 million mt in 2023", CUMULATIVE, fixed("cumulatively"), YTD)
WHOLE_YEAR = category(
    "whole_year", "full-year output in 2023", fixed("full-year", "whole-year"),
    word("annual", only_before=(" output", " production")))
# a release's own figures of a year ("according to preliminary data of the study group for 2016")
RELEASE_DATA = category("release_data", "preliminary data of the study group for 2016",
                        fixed("data", "figures", "statistics", "estimates"))
RELATIVE = category("relative", "output fell last month; expected to rise next month", fixed("last", "next", "this"))
THIS_OR_LAST = category("this_or_last", "35 million tonnes last year", only(RELATIVE, "last", "this"))
PERIOD_PART = category("period_part", "by the end of May; in early June", fixed("early", "mid", "late", "the end of"))
PERIOD_EDGE = category("period_edge", "compared with the end of May", fixed("end", "middle", "start", "beginning"))
# what dates a figure to a year ("by 8% in 2027", "starting from October 2026")
YEAR_PREPOSITION = category(
    "year_preposition", "output will be cut by 8% in 2027",
    fixed("in", "by", "from", "for", "during", "until", "through", "since", "starting", "starting from"))
# a week as a figure's span ("weekly supply", "down 2% week on week", "9,000 mt per week")
WEEK_WORD = category(
    "week_word", "weekly supply fell; output fell 2% week on week",
    fixed("weekly", "week-on-week", "week-over-week", "WoW", "w/w", "per week", "a week", "each week", "every week",
          "previous week", "prior week", "preceding week", "week before"))
# a month named as what happened in ("3.6 million tons produced in August")
STATED_VERB = category("stated_verb", "3.6 million tons produced in August",
                       fixed("produced", "made", "recorded", "registered", "posted", "reached", "seen", "set", "hit"))
# words of now: what dates a clause to the month reviewed ("some smelters currently plan maintenance")
NOW = category("now", "smelters currently plan maintenance",
               fixed("this month", "during the month", "in the month", "currently", "at present", "so far"))
# after "May", the verb it is ("output May rise"), not the month
AFTER_MODAL = category(
    "after_modal", "output may rise in June",
    fixed("be", "see", "continue", "remain"), only(UP_VERB, "rise", "increase"),
    only(DOWN_VERB, "fall", "decrease", "decline", "drop"), only(DEGREE, "also", "still", "further"))
# a month spoken of as the one coming, the reviewed month's next ("Entering January 2025, the holiday nears")
COMING = category("coming", "Heading into March, smelters plan maintenance",
                  fixed("entering", "heading into", "moving into", "going into", "looking ahead to", "looking into"))
# an expectation in the future after its period ("output in June will rise", "is going to")
GOING = category("going", "output in June is going to rise", fixed("going"))
# the words of a total ("the 2023 total reached 460,000 mt")
# what a change over a year is called between its figure and the year ("0.2% higher this year", "1.7% increase in
# 2017")
YEAR_CHANGE_WORD = category("year_change_word", "a further 1.7% increase in 2017",
                            fixed("higher", "lower", "increase", "decrease", "rise", "decline", "growth", "gain",
                                  "drop"))
YEAR_TOTAL = category("year_total", "the 2023 total reached 460,000 mt", fixed("total", "output", "production"))

CATEGORIES = categories_in(globals())
