"""The votes a report's sentences cast for the month it reviews (see `report_month`): what each sentence does with
the months, spans and years it names, weighed; and the years the text states of a month. A publication date
(`Published`, which a format reads from a page's publication line or dateline) dates the bare months."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from extractor.rules import cues
from extractor.text import prefilter
from extractor.text.lexicon import words
from extractor.text.months import MONTH_ABBREVIATIONS, MONTH_NAMES, month_number, shift_month, year_month
from extractor.text.numbers import find_numbers
from extractor.text.vocabulary import FORECAST_CUE

YEAR = r"((?:19|20)\d\d)"
MONTH_WORD = rf"(?:{MONTH_NAMES}|(?:{MONTH_ABBREVIATIONS})\b\.?)"

# A whole year named as a period ("output in 2017", "for the full year 2023"), and the part of a year before one
# ("the first quarter of 2018") that makes it no whole year.
FULL_YEAR = re.compile(rf"\b(?:in|of|for)\s+(?:the\s+(?:whole|full)\s+(?:year\s+(?:of\s+)?)?)?{YEAR}\b(?![-/]\d)", re.I)
PART_OF_YEAR = re.compile(r"\b(?:months?|quarter|half|season|Q[1-4]|H[12])\s*$", re.I)  # "the first quarter of"


@dataclass(frozen=True)
class Published:
    """The date a document was published or datelined (its day where stated), and the words it came from."""

    year: int
    month: int
    day: int | None
    evidence: str

    @property
    def month_key(self) -> str:
        return year_month(self.year, self.month)


# A month named in a sentence, with its year when one follows ("May 2024", "December, 2023").
_MONTH_MENTION = re.compile(rf"(?<![A-Za-z-])({MONTH_WORD})(?![A-Za-z])(?:\s*,?\s*{YEAR}\b)?")
# A month with its year in two digits after an apostrophe ("Aug'24", "in Jan-Aug'24"): a year of this century.
_MONTH_SHORT_YEAR = re.compile(rf"(?<![A-Za-z-])(?:{MONTH_NAMES}|{MONTH_ABBREVIATIONS})['’](\d\d)\b(?![.,]\d)", re.I)
_DAY_AFTER = re.compile(r"^\s*\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:%|mt|kt|tons?|tonnes?|million|thousand|,\d))")
_BEFORE = 80  # how far before a month the words that say it is compared with are read
_SENTENCE_END = re.compile(r".*(?:[.!?]\s|\n)", re.S)


def _words_before(text: str, start: int) -> str:
    """The words of a month's sentence before it, up to `_BEFORE` characters."""
    before = text[max(0, start - _BEFORE):start]
    ended = _SENTENCE_END.match(before)
    return before[ended.end():] if ended else before


_COMPARED_BEFORE = re.compile(
    rf"(?:\b{words('compared_before')}|\bfrom the [\w\s-]{{0,30}}?\b(?:in|of|at)|\b(?:that|those|levels?)\s+(?:in|of)|"
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
_RECORD_BEFORE = re.compile(rf"\b{words('previous')}\s+{words('record_word')}\b[^.;]{{0,40}}?\b(?:in|of)\s+$", re.I)
_POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
_CUMULATIVE = re.compile(
    rf"\b(?:from\s+)?(?:January\s*(?:-?\s*to\s*-?|-|–|through|and)|(?:{MONTH_NAMES})\s*(?:-|–|\s+to\s+|\s+through\s+))"
    rf"\s*({MONTH_NAMES})(?:\s*,?\s*(?:in\s+)?{YEAR})?"  # "January-May", "April-December" (a fiscal year's): month N
    rf"|\bJan(?:uary)?\s*-\s*({MONTH_ABBREVIATIONS})\b\.?(?:\s*,?\s*{YEAR})?"
    r"|\b(?:the\s+)?first\s+((?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})(?=\s+months)|month\b|"
    rf"half\b(?!\s+of\s+(?:the\s+month|{MONTH_NAMES})))(?:\s+months)?(?:\s+of\s+(?:this\s+year|" + YEAR + r"))?",
    re.I,
)
_COUNTS = {w: i for i, w in enumerate(
    ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"))} | {
    "month": 1, "half": 6}  # "the first month of 2015": January; "the first half": January to June
# Before a span compared with ("Compared to January-May 2019, ..."): not "over" or "from", which open a span read
# ("over the first nine months of 2012").
_SPAN_COMPARED = re.compile(rf"\b{words('compared_span')}(?:\s+(?:in|during))?\s+(?:the\s+)?$"
                            # a change from the span: "up 2% from the January-June 2018 volume"
                            rf"|(?:%|\bper ?cent)\s+{words('compared_base')}\s+(?:the\s+)?$"
                            # a change from the span: "a 122,000-t increase from the first half of 2023"
                            rf"|\b(?:{words('up_noun', 'down_noun')}|up|down|higher|lower)\s+from\s+(?:the\s+)?$", re.I)
# "up 2% from the January-June 2018 volume", "growth of 3% in the same period of 2018": 2019 is reviewed
_YOY_BASE = re.compile(rf"(?:%|per ?cent)[^.;%]{{0,30}}?\b(?:{words('compared_base')}\s+(?:the\s+{words('same_period')}\s+"
                       rf"{words('period_noun')}\s+(?:of|in)\s+|the\s+)?"
                       rf"(?:(?:{MONTH_NAMES})(?:\s*[-–]\s*(?:{MONTH_NAMES}))?\s+)?"
                       rf"|in\s+the\s+{words('same_period')}\s+{words('period_noun')}\s+(?:of|in)\s+){YEAR}\b", re.I)
# A span a figure is set off from ("the deficit grew from 143 000 t in January-October 2016 to ..."): the base.
_FIGURE_BEFORE = re.compile(rf"\b{words('compared_figure')}\s+[\d.,]+(?:\s\d{{3}})*\s*(?:[a-z]+\s+){{0,2}}?"
                            rf"(?:in|of|during)\s+(?:the\s+)?$", re.I)
# "in comparison with the corresponding eleven-month period from January to November in 2015": the span named
# after a comparison with the same period is that period
_SAME_SPAN_BEFORE = re.compile(r"\b(?:in\s+comparison\s+(?:with|to)|compared\s+(?:with|to)|against|versus)\s+the\s+"
                               r"(?:corresponding|same)\b[^.;]{0,50}$", re.I)
_LAST_MONTH = re.compile(r"\blast month\b", re.I)
# Before a month that is the coming one ("Entering January 2025, ..."): an expectation, of the month after the
# reviewed one
_COMING_BEFORE = re.compile(rf"\b{words('coming')}\s+(?:the\s+month\s+of\s+)?$", re.I)
# Before a month compared with: a change against it ("up 3% from May 2023"), or a figure against that month's
# ("462,000 t in August, compared with 496,600 in August 2017"): a year-on-year base.
_PERCENT = re.compile(rf"%|per ?cent|\b{words('compared_figure')}\s+[\d.,]+\s*(?:[a-z]+\s+){{0,2}}?(?:in|of)\s+$", re.I)
_YEAR_TO_DATE = re.compile(rf"\b{words('year_to_date')}\b[^.;]{{0,30}}?\b(?:in|for|of)\s+{YEAR}\b", re.I)

ACTUAL, FORECAST, CUMULATIVE, YEAR_ACTUAL, YEAR_FORECAST, LAST_MONTH, COMPARED_BASE = 2.0, 1.0, 3.0, 0.8, 0.4, 1.5, 1.0
TITLE_WEIGHT, OPENING_WEIGHT = 1.5, 1.5
FIGURE_WEIGHT = 1.5  # a month stated with a figure ("3.6 million tons in December") outweighs one named in passing


@dataclass
class Votes:
    """Votes per candidate month, with the words behind each."""

    scores: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    why: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    yearless: list[tuple[str, int, float, str]] = field(default_factory=list)  # (name, month voted for, weight,
    # evidence) of months named whose year the text states nowhere
    split: set[str] = field(default_factory=set)  # candidates of a month named without a year, one per year stated

    def add(self, month: str | None, weight: float, evidence: str) -> None:
        if month is not None and weight > 0:
            self.scores[month] += weight
            self.why[month].append(evidence)


@dataclass(frozen=True)
class Ballot:
    """Where a sentence votes: the votes, the publication date and stated years its bare months are dated by, its
    weight (the title's and the opening's count more) and the name its evidence is given under."""

    votes: Votes
    published: Published | None
    years: list[int]
    weight: float
    where: str


def stated_years(text: str) -> list[int]:
    """Years the text states of a month or a span of months (most recent first), for bare months when there is
    no publication date. A year named alone ("by the end of 2028") is not one of them."""
    years = _years_of_months(text)
    # "in Aug'24" (a month compared with in this shape is most often the month before: "against 2.6 mnt in Jul'24")
    years |= {2000 + int(m.group(1)) for m in prefilter.finditer(_MONTH_SHORT_YEAR, text)
              if not prefilter.search(_COMPARED_BEFORE, text[max(0, m.start() - 40):m.start()])}
    for match in prefilter.finditer(_CUMULATIVE, text):
        base = _span_is_base(text, match.start())  # "Against Jan-May 2019"
        years |= {int(y) + base for y in (match.group(2), match.group(4), match.group(6)) if y}
    years |= {int(y) for y in _YEAR_TO_DATE.findall(text)}
    # "up 7.5% from November 2017", "from the same period of 2017": a base a year before the month reviewed
    years |= {int(y) + 1 for y in _YOY_BASE.findall(text)}
    # "34 GW, against 27 GW over the same period in 2016": a figure against the same span of a named year, with or
    # without a change, makes that year a base
    years |= {int(y) + 1 for y in cues.YEAR_BEFORE_BASE.findall(text) if y}
    return sorted(years, reverse=True)


def _years_of_months(text: str) -> set[int]:
    """The years of the months the text names with their year: as written, the reviewed month's for a month looked
    ahead to, the year after for a month a change is measured from; none for a record's month."""
    years = set()
    for match in prefilter.finditer(_MONTH_MENTION, text):
        if not match.group(2) or _RECORD_BEFORE.search(text, max(0, match.start() - 80), match.start()):
            continue
        before = _words_before(text, match.start())
        if _COMING_BEFORE.search(before):  # "Entering January 2025": the reviewed month's year
            years.add(int(shift_month(year_month(int(match.group(2)), month_number(match.group(1)) or 1), -1)[:4]))
        elif not prefilter.search(_COMPARED_BEFORE, before):
            years.add(int(match.group(2)))  # "in May 2024", "December 2023's output"
        elif _PERCENT.search(before):
            years.add(int(match.group(2)) + 1)  # "up 3% from May 2023": May 2024 is reviewed
    return years


def _resolve(month: int, year: str | None, published: Published | None, years: list[int],
             forecast: bool) -> list[str]:
    """The YYYY-MM a named month may stand for: as written; else against the publication date; else each year
    the text states (the votes decide between them)."""
    if year:
        return [year_month(year, month)]
    if published is not None:
        ahead = 2 if forecast else 0
        distance = (month - published.month) % 12
        if distance <= ahead and distance != 0:
            return [year_month(published.year + (1 if month < published.month else 0), month)]
        return [year_month(published.year if month <= published.month else published.year - 1, month)]
    return [year_month(y, month) for y in years[:3]]


def vote_sentence(ballot: Ballot, sentence: str) -> None:
    """Cast a sentence's votes: its spans since January, the months it names, "last month", and whole years."""
    taken = _vote_cumulative(ballot, sentence)
    forecast = bool(prefilter.search(FORECAST_CUE, prefilter.sub(_MONTH_MENTION, " ", sentence)))
    for match in prefilter.finditer(_MONTH_MENTION, sentence):
        _vote_month(ballot, sentence, match, taken, forecast)
    if ballot.published is not None:
        for match in prefilter.finditer(_LAST_MONTH, sentence):
            ballot.votes.add(shift_month(ballot.published.month_key, -1), LAST_MONTH * ballot.weight,
                             f"{ballot.where}: 'last month'")
    _vote_full_years(ballot, sentence, taken)
    _vote_fiscal_spans(ballot, sentence)


# A span of a fiscal year that runs April to March ("the April-February period of FY 2024-25", "April-January of
# 2023-24"): its last month, in the year the fiscal year has reached by then.
_FISCAL_SPAN = re.compile(rf"\b({MONTH_WORD})\s*[-–]\s*({MONTH_WORD})(?:\s+period)?\s+(?:of\s+)?(?:the\s+)?"
                          rf"(?:(?:FY|fiscal(?:\s+year)?)\s*)?{YEAR}\s*[-–/]\s*(\d\d)\b", re.I)


def _vote_fiscal_spans(ballot: Ballot, sentence: str) -> None:
    """A span of an April-to-March fiscal year votes, as a span since January does, for its last month."""
    for match in prefilter.finditer(_FISCAL_SPAN, sentence):
        first, last, year = month_number(match.group(1)), month_number(match.group(2)), int(match.group(3))
        if first != 4 or last is None or (year + 1) % 100 != int(match.group(4)):
            continue  # an Indian fiscal year starts in April and spans two years
        month = f"{year + (last < 4):04d}-{last:02d}"
        ballot.votes.add(month, ballot.weight * CUMULATIVE, f"{ballot.where}: '{match.group(0)}'")


def _vote_cumulative(ballot: Ballot, sentence: str) -> list[tuple[int, int]]:
    """A span since January ("January-May", "the first five months") votes for its last month; return the spans."""
    taken: list[tuple[int, int]] = []
    for match in prefilter.finditer(_CUMULATIVE, sentence):
        taken.append((match.start(), match.end()))
        if match.group(1) or match.group(3):
            month, year = month_number(match.group(1) or match.group(3)), match.group(2) or match.group(4)
        else:
            count = match.group(5).lower()
            month, year = (int(count) if count.isdigit() else _COUNTS[count]), match.group(6)
        if month is None or not 1 <= month <= 12:
            continue
        if year and _span_is_base(sentence, match.start()):
            _vote_span_base(ballot, sentence, match, month, int(year))
            continue
        candidates = _resolve(month, year, ballot.published, ballot.years, False)
        for candidate in candidates:
            ballot.votes.add(candidate, ballot.weight * CUMULATIVE / len(candidates),
                             f"{ballot.where}: '{match.group(0).strip()}'")
    return taken


def _span_is_base(text: str, start: int) -> bool:
    """Whether the span since January at `start` is compared with ("Compared to January-May 2019, ...", "from
    143 000 t in January-October 2016")."""
    before = text[max(0, start - 50):start]
    return bool(_SPAN_COMPARED.search(before) or _FIGURE_BEFORE.search(before)
                or _SAME_SPAN_BEFORE.search(text, max(0, start - 90), start))


def _vote_span_base(ballot: Ballot, sentence: str, match: re.Match[str], month: int, year: int) -> None:
    """A span compared with ("Compared to January-May 2015, output rose 2%") votes only as a year-on-year base."""
    if _ANY_PERCENT.search(sentence):
        ballot.votes.add(year_month(year + 1, month), COMPARED_BASE * ballot.weight,
                         f"{ballot.where}: '{match.group(0).strip()}' compared with")


_ANY_PERCENT = re.compile(r"%|\bper ?cent\b", re.I)


class _Passing(NamedTuple):
    """A month named that is no period of the sentence where `applies(sentence, match, taken)` holds."""

    name: str
    applies: Callable[[str, re.Match[str], list[tuple[int, int]]], bool]


# Read in order; the first that applies leaves the month named out of the vote.
_NO_PERIOD: tuple[_Passing, ...] = (
    _Passing("inside a span since January already read",
             lambda sentence, match, taken: any(start <= match.start() < end for start, end in taken)),
    _Passing("no month", lambda sentence, match, taken: month_number(match.group(1)) is None),
    _Passing("'May' the verb ('output may rise')", lambda sentence, match, taken: match.group(1) == "May"
             and match.group(2) is None and _modal_may(sentence, match.start())),
    # a day's date ("November 18", "Jun 5") is when something happened, not a period
    _Passing("a day's date", lambda sentence, match, taken: match.group(2) is None
             and bool(_DAY_AFTER.match(sentence[match.end():]))),
    # "beating the previous high of 833,000 t set in December 2014"
    _Passing("a record's month", lambda sentence, match, taken: bool(
        _RECORD_BEFORE.search(sentence, max(0, match.start() - 80), match.start()))),
)


def _vote_month(ballot: Ballot, sentence: str, match: re.Match[str], taken: list[tuple[int, int]],
                forecast: bool) -> None:
    """A month named votes as what happened or is expected (`_vote_stated`), unless it is what is compared with
    (`_vote_base`) or no period at all."""
    if any(rule.applies(sentence, match, taken) for rule in _NO_PERIOD):
        return
    month = month_number(match.group(1))
    assert month is not None
    before = _words_before(sentence, match.start())
    if prefilter.search(_COMPARED_BEFORE, before) or _POSSESSIVE_AFTER.match(sentence[match.end():]):
        _vote_base(ballot, match, month, before)  # what the month is compared with
    else:
        _vote_stated(ballot, sentence, match, month, forecast)


def _vote_base(ballot: Ballot, match: re.Match[str], month: int, before: str) -> None:
    """A month compared with votes only as a year-on-year base: "up 7.5% from November 2017" reviews November
    2018."""
    year = match.group(2)
    if year and _PERCENT.search(before):
        ballot.votes.add(year_month(int(year) + 1, month), COMPARED_BASE * ballot.weight,
                         f"{ballot.where}: '{match.group(0)}' compared with")


def _vote_stated(ballot: Ballot, sentence: str, match: re.Match[str], month: int, forecast: bool) -> None:
    """A month stated as what happened votes for itself, one stated as an expectation for the month before it,
    more where its clause states a figure; a bare month whose year the text states nowhere waits in `yearless`."""
    year = match.group(2)
    clause = _clause_around(sentence, match.start(), match.end())
    is_forecast = (forecast and _forecast_around(sentence, clause, match.start(), match.end())) or bool(
        _COMING_BEFORE.search(sentence, max(0, match.start() - 30), match.start()))
    figure = FIGURE_WEIGHT if any(n.is_quantity for n in find_numbers(clause)) else 1.0
    candidates = _resolve(month, year, ballot.published, ballot.years, is_forecast)
    evidence = f"{ballot.where}: '{match.group(0)}'" + (" (forecast)" if is_forecast else "")
    share = (FORECAST if is_forecast else ACTUAL) * ballot.weight * figure
    if not candidates:
        ballot.votes.yearless.append((match.group(1), (month - 2) % 12 + 1 if is_forecast else month, share, evidence))
    elif len(candidates) > 1 and year is None:
        ballot.votes.split.update(shift_month(c, -1) if is_forecast else c for c in candidates)
    for candidate in candidates:
        ballot.votes.add(_voted_for(candidate, is_forecast, ballot.published, figure > 1.0), share / len(candidates),
                         evidence)


def _voted_for(candidate: str, is_forecast: bool, published: Published | None, with_figure: bool) -> str:
    """The month an expectation of `candidate` votes for: the one before it, unless it is an estimate of the month
    it is published late in, with its figure ("estimated at 102,200 mt in February", Feb 26), that month's
    preliminary figure ("output will rebound in March", Mar 29, is an outlook: February is reviewed)."""
    preliminary = published is not None and published.day is not None and published.day >= 20 \
        and candidate == published.month_key and with_figure
    return shift_month(candidate, -1) if is_forecast and not preliminary else candidate


def _vote_full_years(ballot: Ballot, sentence: str, taken: list[tuple[int, int]]) -> None:
    """A whole year votes a little for its December (its year before's, where stated as an expectation); a year
    compared with only as a base, for the year after it ("up 1% from 5.7 million t in 2018" reviews 2019)."""
    for match in FULL_YEAR.finditer(sentence):
        if any(start <= match.start() < end for start, end in taken) or PART_OF_YEAR.search(
                sentence, max(0, match.start() - 25), match.start()):
            continue  # "the first quarter of 2018" is not the year 2018
        before = sentence[max(0, match.start(1) - 60):match.start(1)]
        if prefilter.search(_COMPARED_BEFORE, before):
            if _PERCENT.search(before):
                ballot.votes.add(f"{int(match.group(1)) + 1:04d}-12", YEAR_ACTUAL * ballot.weight,
                                 f"{ballot.where}: '{match.group(0)}' compared with")
            continue
        clause = _clause_around(sentence, match.start(), match.end())
        is_forecast = _forecast_around(sentence, clause, match.start(), match.end())
        year = int(match.group(1))
        target = f"{year - 1:04d}-12" if is_forecast else f"{year:04d}-12"
        # a year right after its figure ("670,000 metric tons in 2024") is the period of a figure, as a month is
        actual = ACTUAL if _MASS_BEFORE.search(sentence, max(0, match.start() - 40), match.start()) else YEAR_ACTUAL
        ballot.votes.add(target, (YEAR_FORECAST if is_forecast else actual) * ballot.weight,
                         f"{ballot.where}: '{match.group(0)}'")


_MASS_BEFORE = re.compile(r"\d\s*(?:(?:million|billion|mn|bn)\s+)?(?:metric\s+)?"
                          r"(?:tons?|tonnes?|mt|kt|t|GW|GWh|oz|Moz)\s*$", re.I)


_FUTURE_AFTER = re.compile(
    rf"\b(?:{words('modal')}|is|are)\s+(?:\w+\s+)?(?:be\s+)?(?:{words('forecast_to')}|{words('going')})\b|"
    rf"\b{words('modal', but=('may',))}\b|\bis\s+to\b", re.I)  # "may" alone is also the month



def _forecast_around(sentence: str, clause: str, start: int, end: int) -> bool:
    """Whether a period named at [start, end) of the sentence is spoken of as an expectation: a forecast cue
    before it in its clause ("is expected to recover in June"), or a future verb after it ("output in June will
    rise"). A noun after it ("March Review and Forecast for April") does not make March a forecast."""
    at = sentence.find(clause)
    before = clause[:max(0, start - at)] if at >= 0 else clause
    after = clause[max(0, end - at):] if at >= 0 else ""
    return bool(prefilter.search(FORECAST_CUE, prefilter.sub(_MONTH_MENTION, " ", before))
                or _FUTURE_AFTER.search(after))


_MODAL_VERB = re.compile(rf"\s+{words('after_modal', parts=('base',))}\b", re.I)


def _modal_may(sentence: str, position: int) -> bool:
    """'May' as the verb ("May rise", "output may ...") rather than the month."""
    return bool(_MODAL_VERB.match(sentence[position + 3:position + 20]))


_CLAUSE_CUT = re.compile(r";|,\s*(?:while|but|whereas|although|and)\b|\b(?:but|while|whereas)\b", re.I)


def _clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of a sentence around a span: between the nearest ';', ', and', 'but', 'while' boundaries."""
    left = max((m.end() for m in prefilter.finditer(_CLAUSE_CUT, sentence, 0, start)), default=0)
    right = next((m.start() for m in prefilter.finditer(_CLAUSE_CUT, sentence, end)), len(sentence))
    return sentence[left:right]
