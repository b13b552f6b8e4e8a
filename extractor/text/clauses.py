"""Sentences, clauses and the words around numbers in SMM prose: months, comparisons, directions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from extractor.text import prefilter
from extractor.text import vocabulary as vocab
from extractor.text import whole_years
from extractor.text.fiscal_years import fiscal_parts, fiscal_years
from extractor.text.lexicon import forms, words
from extractor.text.months import MONTH_ABBREVIATIONS, MONTH_NAMES, month_name, resolve_month, shift_month

# An abbreviation's full stop ends no sentence ("approx. 500 mt", "Tongling Co. Ltd", "vs. March"), nor a month's
# before its year or a dateline's day ("in Feb. 2021", "SHANGHAI, Apr. 12 (SMM)"). The end mark is looked for first:
# at the many positions with none, the regex stops there (the lookbehinds, each with its full stop, all test the place
# after it).
_ABBREVIATIONS = (r"(?<!\bapprox\.)(?<!\bNo\.)(?<!\bCo\.)(?<!\bLtd\.)(?<!\bInc\.)(?<!\bvs\.)(?<!\be\.g\.)(?<!\bi\.e\.)"
                  r"(?<!\bU\.S\.)(?<!\bSt\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)"  # (a title: "Mr. Kabuswe")
                  r"(?!(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)\s+(?:(?:19|20)\d\d\b|\d{1,2}\s*\(|"
                  # (or a day's date: "data showed Nov. 18.", not a figure: "in Nov. 12% more ...")
                  r"\d{1,2}\b(?![.,]\d|\s*(?:%|per\s?cent|percent|mt|kt|tonnes|tons|t)\b)))"
                  r"(?!(?<=\bMay\.)\s+(?:(?:19|20)\d\d\b|\d{1,2}\s*\())"  # ("SHANGHAI, May. 23 (SMM)", as some write it)
                  r"(?!(?<=\bSept\.)\s+(?:19|20)\d\d\b)"
                  r"(?!(?<=\b[Cc]onc\.)\s+\d)")  # (a concentrate's figure in a list: "Zinc conc. 130 thousand tonnes")
_SENTENCE_END = re.compile(r"(?<=[.!?])" + _ABBREVIATIONS + r"""["”']?\s+(?=[A-Z0-9(\[“"*])"""
                           r"|(?<=\])\s+(?=[A-Z][a-z])"  # after a bracketed lead-in: "[SMM Analysis: ...] In January"
                           # after a dateline: "SHANGHAI, Apr. 12 (SMM) – China's ..."
                           r"|(?<=\))\s+[–—]\s+(?=[A-Z])")

# Abbreviations too ("rises 49% YoY in Jul", "from Jan to ... in Feb"), capitalised as names are.
# (not a day's date, its full stop before the day too: "Apr. 3 (SMM)")
MONTH_MENTION = re.compile(rf"\b({MONTH_NAMES}|(?:{MONTH_ABBREVIATIONS})(?=\.|\b))\.?(?:\s*,?\s*((?:19|20)\d\d)\b)?"
                           r"(?!\.?\s+\d{1,2}\b(?!\s*(?:%|mt|kt)))")
CUMULATIVE_RANGE = re.compile(
    rf"\b(?:from\s+)?January\s*(?:-?\s*to\s*-?|-|–|through|and)\s*({MONTH_NAMES})(?:\s+((?:19|20)\d\d))?"
    rf"|\b{words('ytd')}\b[^.;]*?\bthrough\s+({MONTH_NAMES})"
    rf"|\bby the end of\s+({MONTH_NAMES})[^.;]*?\b{words('cumulative')}"
    r"|\b(?:the\s+)?(?:first|opening)\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months"
    r"(?:\s+of\s+(?:the\s+year|this\s+year|last\s+year|((?:19|20)\d\d)))?"
    # "Jan-Mar 2021", "from Jan. through Feb. 2021"
    rf"|\bJan\.?\s*(?:[-–]|\s(?:to|through|until)\s)\s*({MONTH_NAMES}|{MONTH_ABBREVIATIONS})\b\.?"
    r"(?:\s*,?\s*((?:19|20)\d\d))?"
    rf"|\b(?:the\s+)?first[\s-]+(half)(?!\s+of\s+(?:the\s+month|{MONTH_NAMES}))(?:\s+\(H1\))?"
    r"(?:\s+of\s+(?:the\s+year|this\s+year|last\s+year|((?:19|20)\d\d)))?"
    r"|\b(?:the\s+)?(?:first|opening|initial)\s+(two|three)\s+quarters(?:\s+of\s+(?:the\s+year|this\s+year|last\s+year|((?:19|20)\d\d)))?"
    # "the nine months", "the nine-month period": a span since January where it ends in the report's month
    r"|\bthe\s+(?:(?:initial|opening)\s+)?"
    r"(two|three|four|five|six|seven|eight|nine|ten|eleven|1[01]|[2-9])[- ]months?\b"
    r"(?:\s+period)?(?:\s+of\s+(?:the\s+(?:current\s+)?year|this\s+year|((?:19|20)\d\d)))?"
    r"|\b(H1|1H)(?:\s*[-/]?\s*((?:19|20)\d\d))?\b|\b((?:19|20)\d\d)\s*(H1)\b"  # "H1 2024", "2019H1"
    # the first quarter ("the initial quarter of 2022", "Q1 2019", "2019Q1"), a span since January of its March
    r"|\b(?:the\s+)?(?:first|initial|opening)[\s-]+(quarter)"
    r"(?:\s+of\s+(?:the\s+year|this\s+year|last\s+year|((?:19|20)\d\d)))?"
    r"|\b(Q1|1Q)(?:\s*[-/]?\s*((?:19|20)\d\d))?\b|\b((?:19|20)\d\d)\s*(Q1)\b",
    re.I,  # a half year is a span since January, of its June
)
_LAST_YEAR_END, _LAST_YEAR_AFTER = re.compile(r"\blast\s+year$", re.I), re.compile(r"\s+(?:of\s+)?last\s+year\b", re.I)
_THIS_YEAR_END = re.compile(r"\b(?:the|this)\s+(?:current\s+)?year$", re.I)
MONTH_COUNTS = {w: i for i, w in enumerate(
    ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"))}
# A later part of a year as the period ("in the second half of 2019", "during the third quarter"; not a month's
# half, "in the second half of July"): its last month, the part the figure's segment (a part from January is a span
# since January, read above).
PART_OF_YEAR = re.compile(rf"\b(?:in|for|during|over)\s+the\s+({words('later_part')})(?!\s+of\s+(?:{MONTH_NAMES}))"
                          r"(?:\s+\(\w+\))?"
                          r"(?:\s+of\s+(?:the\s+year|this\s+year|((?:19|20)\d\d)))?", re.I)
PART_LAST_MONTH = {"second half": 12, "second quarter": 6, "third quarter": 9, "fourth quarter": 12}
# A span of months that starts after January ("during the April-December period" of a fiscal year): its last month,
# the span's own name the figure's segment (a span from January is read above, as cumulative output).
MONTH_SPAN = re.compile(rf"\b(?:(?:during|in|for|over)\s+(?:the\s+)?({MONTH_NAMES})\s*[-–]\s*({MONTH_NAMES})"
                        rf"|\b({MONTH_NAMES})\s*[-–]\s*({MONTH_NAMES})\s+period)\b(?:\s*,?\s*((?:19|20)\d\d)\b)?")
# The end of a year as a moment ("stocks were 2,149 kt at the end of 2019"): its December, a state, no span.
YEAR_END = re.compile(r"\b(?:at|by|as\s+of)\s+the\s+end\s+of\s+((?:19|20)\d\d)\b", re.I)
_REPORTING_SPAN = re.compile(rf"\b(?:during|over|in|for)\s+the\s+{words('reporting_span')}\b", re.I)
# "last month" / "next month" as a period (the report month, the month after it); "from last month" compares.
_RELATIVE_MONTH = re.compile("".join(rf"(?<!{re.escape(word)} )" for word in forms("not_relative"))
                             + rf"\b({words('relative')})\s+month\b", re.I)
# A month named as the thing compared with ("from October", "compared to October") is not the period.
_COMPARED_SPAN = re.compile(rf"\b{words('compared_span')}\s+(?:(?:in|during)\s+)?(?:the\s+)?$", re.I)
_COMPARED_MONTH = re.compile(
    # (or an event's end: "an overhaul scheduled to continue through to early December")
    rf"(?:{words('compared_month')}\s+(?:in\s+)?|{words('event_end')}\s+(?:early\s+|mid-?|late\s+)?)"
    # ("2.65% higher than in August")
    rf"(?:(?:that|those|the\s+level)\s+(?:in|of)\s+|the\s+(?:[\w-]+\s+){{1,4}}(?:in|of)\s+)?(?:the\s+)?(?:end\s+of\s+)?"
    rf"({MONTH_NAMES}|{MONTH_ABBREVIATIONS})\s*$",
    re.I,
)

# a change set against a month named with its year ("up 6.6% on May 2020", "3.6% against September 2020")
_PERCENT_ON = re.compile(rf"(?:%|\bper\s?cent|\bpercent|\bpct)\s+{words('against_dated')}\s+$", re.I)
_AGAINST = words("against")
MOM = re.compile(
    rf"\b(?:{words('mom_marker')}|"
    rf"{_AGAINST}\s+(?:the\s+|a\s+)?{words('previous_month')}\s+month|"
    rf"{words('against_month_ago')}\s+a\s+month\s+{words('ago')}|{words('mom_adverb')}|"
    rf"(?:that|those)\s+of\s+the\s+{words('previous_month')}\s+month|"  # "2.1 per cent above that of the previous month"
    rf"on\s+a\s+{words('mom_basis')}\s+basis|in\s+{words('mom_basis')}\s+terms)\b",  # ("fell 2% in monthly terms")
    re.I,
)
YOY = re.compile(
    rf"\b(?:{words('yoy_marker')}|"
    rf"(?:{_AGAINST}|for)\s+(?:the\s+)?{words('same_period')}\s+{words('period_noun')}(?:\s+(?:of|in)\s+"
    r"(?:last\s+year|the\s+previous\s+year|(?:19|20)\d\d))?|"
    rf"{words('against_year')}\s+(?:a|one|the\s+(?:previous|prior)|last)\s+year(?:\s+{words('ago')})?|"
    rf"(?:that|those)\s+of\s+(?:a|one)\s+year\s+{words('ago')}|"  # "3.4 per cent below that of a year before"
    rf"on\s+(?:a|an)\s+{words('yoy_basis')}\s+basis|in\s+{words('yoy_basis')}\s+terms|"  # ("up 5.7% in annual terms")
    # "above the level of the same month a year ago", "in the same period last year"
    rf"{words('same_period')}\s+{words('period_noun')}\s+(?:(?:a|one)\s+year\s+{words('ago')}|"
    r"(?:(?:of|in)\s+)?(?:last|the\s+previous)\s+year)|"
    # "compared to the last year's corresponding period"
    rf"{_AGAINST}\s+(?:the\s+)?(?:last|previous|prior)\s+year['’]s\s+(?:corresponding|same)\s+{words('period_noun')}|"
    rf"\b{words('year_ago')}\s+{words('base_noun')}\b|"  # "3.1% below the year-ago level"
    # a change set against a year named alone ("up 1.5 percent on 2017"), not a span of years ("from 2020 to 2025")
    rf"{words('against_dated')}\s+(?:19|20)\d\d"
    r"(?![-/–]\d|\s*(?:to|through|and|-|–)\s*(?:19|20)\d\d|\s*,?\s*(?:in|at|when)\b))\b",
    re.I,
)
QOQ = re.compile(rf"\b{words('qoq_marker')}\b", re.I)

UP_WORDS = re.compile(rf"\b{words('up_word', 'up_verb', 'up_noun')}\b", re.I)
DOWN_WORDS = re.compile(rf"\b{words('down_word', 'down_verb', 'down_noun')}\b", re.I)
FLAT_WORDS = re.compile(rf"\b{words('flat_verb', 'flat_word')}\b", re.I)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a section with its offset into the document."""

    start: int
    text: str
    paragraph: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


_WRAPPED = re.compile(r"(?<=[^.!?:;\n\s])\n(?=[a-z(]|\d(?!\d?\s*[.)]\s*[A-Z]))")  # (not a ranked line: "2. Peru")


def _paragraphs(text: str) -> list[str]:
    """The text's paragraphs, with lines a wire copy wrapped mid-sentence joined again: a line break after no
    sentence end and before a lower-case word or a number is a space (a line opening with a rank, "3. Japan ...", is
    a list's next line). Lengths are kept, so offsets still index the text."""
    return _WRAPPED.sub(" ", text).split("\n")


def split_sentences(text: str, offset: int) -> list[Sentence]:
    """Split section text (starting at document offset `offset`) into sentences, paragraph by paragraph."""
    sentences: list[Sentence] = []
    position = 0
    for paragraph_index, paragraph in enumerate(_paragraphs(text)):
        cursor = 0
        for match in prefilter.finditer(_SENTENCE_END, paragraph):
            piece = paragraph[cursor:match.start()]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                sentences.append(Sentence(offset + position + cursor + lead, piece.strip(), paragraph_index))
            cursor = match.end()
        piece = paragraph[cursor:]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            sentences.append(Sentence(offset + position + cursor + lead, piece.strip(), paragraph_index))
        position += len(paragraph) + 1
    return sentences


@dataclass(frozen=True)
class MonthMention:
    """A month a sentence speaks of, at a position, resolved to YYYY-MM."""

    position: int
    period: str
    cumulative: bool = False
    part: str | None = None  # the part of a year it names ("second half"), the figure's segment


def month_mentions(sentence: str, report_month: str | None) -> list[MonthMention]:
    """Months a sentence speaks of as periods, in order (compared-with months left out); the labeller and the drivers
    both ask this of every sentence, and each is read once (the mentions are frozen, the list is the caller's own)."""
    return list(_month_mentions(sentence, report_month))


@lru_cache(maxsize=4096)
def _month_mentions(sentence: str, report_month: str | None) -> tuple[MonthMention, ...]:
    """The sentence's periods, read in four steps: spans since January, whole years, "last/next month", and
    months named (those inside a span or year already read are that span's)."""
    mentions, taken = _cumulative_mentions(sentence, report_month)
    fiscal = fiscal_parts(sentence, report_month)  # ("the first six months of the current fiscal year": from April)
    mentions = [m for m in mentions if not any(start <= m.position < end for start, end, _, _ in fiscal)] + [
        MonthMention(start, period, cumulative=True, part=part) for start, _, period, part in fiscal if period]
    taken += [(start, end) for start, end, _, _ in fiscal]
    cumulative_range = bool(mentions)
    parts, parts_taken = _part_mentions(sentence, report_month)
    found = whole_years.year_mentions(sentence, report_month, cumulative_range)
    years = [MonthMention(start, period, cumulative=True) for start, _, period in found]
    years_taken = [(start, end) for start, end, _ in found]
    mentions += parts + [y for y in years if not any(start <= y.position < end for start, end in parts_taken)]
    taken += parts_taken + years_taken
    mentions += _relative_mentions(sentence, report_month)
    if report_month is not None:  # ("during the reporting months": the span since January the release covers)
        mentions += [MonthMention(m.start(), report_month, cumulative=True)
                     for m in prefilter.finditer(_REPORTING_SPAN, sentence)]
    mentions += [MonthMention(m.start(), f"{m.group(1)}-12") for m in prefilter.finditer(YEAR_END, sentence)]
    mentions += _named_mentions(sentence, report_month, taken)
    return tuple(sorted(mentions, key=lambda m: m.position))


def _cumulative_mentions(sentence: str, report_month: str | None) -> tuple[list[MonthMention], list[tuple[int, int]]]:
    """Spans since January ("January-May", "the first five months"), each as its last month, with their spans."""
    mentions: list[MonthMention] = []
    taken: list[tuple[int, int]] = []
    for match in prefilter.finditer(CUMULATIVE_RANGE, sentence):
        month = _cumulative_last_month(match)
        if month is None or match.group(13) and not _ends_in_report_month(sentence, match, month, report_month):
            continue
        if _no_period(sentence, match):
            continue
        if _compared_span(sentence, match):
            taken.append((match.start(), match.end()))  # "Compared to January-February 2015, ...": the base of a
            continue  # comparison, not the period, and its months are its own
        year = next((match.group(g) for g in (2, 6, 8, 10, 12, 14, 16, 17, 20, 22, 23) if match.group(g)), None)
        if year is None and report_month and _THIS_YEAR_END.search(match.group(0)):  # "the first half of the year": the
            year = report_month[:4]  # report's year (a span of December's report is no span of the year after)
        period = resolve_month(month, report_month, year)
        if period and _LAST_YEAR_END.search(match.group(0)):  # "the first two months of last year"
            period = shift_month(period, -12)
        if period:
            mentions.append(MonthMention(match.start(), period, cumulative=True))
            taken.append((match.start(), cast(re.Match[str], _SPAN_END.match(sentence, match.end())).end()))
    return mentions, taken


_PERCENT_BEFORE = re.compile(r"(?:%|\bper\s?cent|\bpercent|\bpct)\s+$", re.I)


def _compared_span(sentence: str, match: re.Match[str]) -> bool:
    """A span set against ("Compared to January-February 2015, ...", or right after a change with its own "from":
    "up 6.1 percent from January-February 2014"): the base of a comparison."""
    start = match.start()
    return bool(_COMPARED_SPAN.search(sentence, max(0, start - 20), start)) or (
        match.group(0)[:5].lower() == "from " and bool(_PERCENT_BEFORE.search(sentence, max(0, start - 12), start)))


def _no_period(sentence: str, match: re.Match[str]) -> bool:
    """A bare "H1" or "Q1" beside a month is a cause's ("the installation rush in H1 ... rise in March"), but not
    one that names the output it dates ("..., and Q1 production dropped 19%")."""
    bare = match.group(15) and not match.group(16) or match.group(21) and not match.group(22)
    return bool(bare) and prefilter.search(MONTH_MENTION, sentence) is not None \
        and not _OUTPUT_NAMED.match(sentence, match.end())


_OUTPUT_NAMED = re.compile(rf"\s+{words('output_word')}\b", re.I)


_ENDING = re.compile(rf"\s+(?:to|through|until|ending|ended)\s+(?:the\s+end\s+of\s+)?({MONTH_NAMES})", re.I)
_SPAN_END = re.compile(rf"(?:{_ENDING.pattern})?", re.I)  # (where a span ends: past the month it runs to; always matches)


def _ends_in_report_month(sentence: str, match: re.Match[str], month: str, report_month: str | None) -> bool:
    """Whether "the nine months" (no "first") is the span since January through the report's month: as many months
    as the report's, and ending in no other month ("the three months to June" in March's report is a quarter)."""
    if report_month is None or month != month_name(int(report_month[5:])):
        return False
    ending = _ENDING.match(sentence, match.end())
    return ending is None or ending.group(1).lower() == month.lower()


def _part_mentions(sentence: str, report_month: str | None) -> tuple[list[MonthMention], list[tuple[int, int]]]:
    """Later parts of a year ("in the second half of 2019") and spans of months after January ("the April-December
    period") as their last month, with the part, and their spans."""
    mentions: list[MonthMention] = []
    taken: list[tuple[int, int]] = []
    for match in prefilter.finditer(PART_OF_YEAR, sentence):
        year = match.group(2) or (report_month[:4] if report_month else None)
        if year is None:
            continue
        part = " ".join(match.group(1).lower().split())
        mentions.append(MonthMention(match.start(), f"{year}-{PART_LAST_MONTH[part]:02d}", part=part))
        taken.append((match.start(), match.end()))
    for match in prefilter.finditer(MONTH_SPAN, sentence):
        first, last = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        if first.lower() == "january":
            continue
        period = resolve_month(last, report_month, match.group(5))
        if period:
            mentions.append(MonthMention(match.start(), period, cumulative=True, part=f"{first}-{last}".lower()))
            taken.append((match.start(), match.end()))
    years = fiscal_years(sentence, taken, report_month)
    fiscal = [MonthMention(start, period, cumulative=True, part="april-march") for start, _, period in years]
    return mentions + fiscal, taken + [(start, end) for start, end, _ in years]


# CUMULATIVE_RANGE's groups that name a span by its length: a half year's (6 months) and the first quarter's (3)
_SPAN_LENGTHS = ((9, "6"), (15, "6"), (18, "6"), (19, "3"), (21, "3"), (24, "3"))


def _cumulative_last_month(match: re.Match[str]) -> str | None:
    """The name of a span's last month: the one it names, or the count of its months ("first five months")."""
    count = match.group(5) or match.group(13) or next((n for g, n in _SPAN_LENGTHS if match.group(g)), None) \
        or (str(3 * MONTH_COUNTS[match.group(11).lower()]) if match.group(11) else None)
    if not count:
        return next(g for g in (match.group(1), match.group(3), match.group(4), match.group(7)) if g)
    number = int(count) if count.isdigit() else MONTH_COUNTS[count.lower()]
    return month_name(number) if 1 <= number <= 12 else None


def _relative_mentions(sentence: str, report_month: str | None) -> list[MonthMention]:
    """ "last month" and "this month" (the report month: a review is published the month after) and "next month"
    (the one after), where the report month is known; "this month" in an expectation ("expected to slip to 69.8%
    this month") is the month the review is published in, the one after."""
    if report_month is None:
        return []
    expected = prefilter.search(vocab.FORECAST_CUE, sentence) is not None
    return [MonthMention(match.start(), shift_month(report_month, 1 if match.group(1).lower() == "next" or (
        expected and match.group(1).lower() == "this") else 0))
            for match in prefilter.finditer(_RELATIVE_MONTH, sentence)]


_DAY_BEFORE = re.compile(r"(?<![\d.,])\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+$")
_FIGURE_ASIDE = re.compile(r"\(\s*\d")  # an aside that opens with a figure: "(9,705 kg in Feb. 2021, ...)"


def _named_mentions(sentence: str, report_month: str | None, taken: list[tuple[int, int]]) -> list[MonthMention]:
    """Months named as periods: not inside a span already read, not compared with, not in a parenthesised aside."""
    mentions: list[MonthMention] = []
    for match in prefilter.finditer(MONTH_MENTION, sentence):
        if any(start <= match.start() < end for start, end in taken) \
                or _DAY_BEFORE.search(sentence, max(0, match.start() - 8), match.start()):
            continue  # (a day's date, the day first: "the duty introduced on 1st January 2019")
        if prefilter.search(_COMPARED_MONTH, sentence[max(0, match.start() - 40):match.end(1)]) or (
                match.group(2) and _PERCENT_ON.search(sentence, max(0, match.start() - 12), match.start())):
            continue
        if sentence.count("(", 0, match.start()) > sentence.count(")", 0, match.start()) \
                and not _FIGURE_ASIDE.match(sentence, sentence.rfind("(", 0, match.start())):
            continue  # an aside in parentheses ("SMM adjusted the figure in late April") is not the period, but a
            # figure's month in its own ("(9,705 kg in Feb. 2021, up 20.9 percent)") is that figure's
        year = match.group(2)
        if year is None and report_month and _LAST_YEAR_AFTER.match(sentence, match.end()):
            year = str(int(report_month[:4]) - 1)  # "in June last year": the year before the report's
        period = resolve_month(match.group(1), report_month, year)
        if period:
            mentions.append(MonthMention(match.start(), period))
    return mentions


def comparison_near(text: str) -> str | None:
    """'mom', 'yoy' or None for the first comparison marker in a short stretch of text."""
    mom = prefilter.search(MOM, text)
    yoy = prefilter.search(YOY, text)
    if mom and (not yoy or mom.start() < yoy.start()):
        return "mom"
    return "yoy" if yoy else None


def last_direction(text: str) -> tuple[str | None, int]:
    """The last direction word in text: ('up'|'down'|'flat'|None, its start offset)."""
    best: tuple[str | None, int] = (None, -1)
    for pattern, name in ((UP_WORDS, "up"), (DOWN_WORDS, "down"), (FLAT_WORDS, "flat")):
        for match in prefilter.finditer(pattern, text):
            if match.start() > best[1]:
                best = (name, match.start())
    return best
