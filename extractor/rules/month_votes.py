"""The votes a report's sentences cast for the month it reviews (see `report_month`): what each sentence does with
the months, spans and years it names, weighed. A publication date (`Published`, which a format reads from a page's
publication line or dateline) dates the bare months, else the years the text states of a month (`stated_years`)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from extractor.rules.month_cues import (
    ANY_PERCENT,
    CLAUSE_CUT,
    COMING_BEFORE,
    COMPARED_BEFORE,
    DAY_AFTER,
    FISCAL_SPAN,
    FOR_BEFORE,
    FULL_YEAR,
    FUTURE_AFTER,
    LAST_MONTH_WORDS,
    MASS_BEFORE,
    MODAL_VERB,
    MONTH_MENTION,
    ORDINALS,
    PART_OF_YEAR,
    PERCENT_BEFORE,
    POSSESSIVE_AFTER,
    QUARTER,
    RECORD_BEFORE,
    SPAN_SINCE_JANUARY,
    WEEK_END,
    span_months,
)
from extractor.rules.stated_years import span_is_base, words_before
from extractor.text import prefilter
from extractor.text.fiscal_years import FISCAL_YEAR, fiscal_parts, in_a_part
from extractor.text.months import month_number, shift_month, year_month
from extractor.text.numbers import find_numbers, is_money
from extractor.text.vocabulary import FORECAST_CUE


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
    forecast = bool(prefilter.search(FORECAST_CUE, prefilter.sub(MONTH_MENTION, " ", sentence)))
    for match in prefilter.finditer(MONTH_MENTION, sentence):
        _vote_month(ballot, sentence, match, taken, forecast)
    if ballot.published is not None:
        for match in prefilter.finditer(LAST_MONTH_WORDS, sentence):
            ballot.votes.add(shift_month(ballot.published.month_key, -1), LAST_MONTH * ballot.weight,
                             f"{ballot.where}: 'last month'")
    _vote_full_years(ballot, sentence, taken)
    _vote_fiscal_spans(ballot, sentence)
    _vote_quarters(ballot, sentence)
    _vote_week_ends(ballot, sentence)


def _vote_fiscal_spans(ballot: Ballot, sentence: str) -> None:
    """A span of an April-to-March fiscal year votes, as a span since January does, for its last month ("April-
    December of 2025-26", "the first six months of the current fiscal year 2022-23"); a whole fiscal year stated as
    what happened ("51.5 million mt in the fiscal year 2023-24"), for its March."""
    spans = []
    for match in prefilter.finditer(FISCAL_SPAN, sentence):
        spans.append((match.start(), match.end()))
        first, last, year = month_number(match.group(1)), month_number(match.group(2)), int(match.group(3))
        if first != 4 or last is None or (year + 1) % 100 != int(match.group(4)):
            continue  # an Indian fiscal year starts in April and spans two years
        month = f"{year + (last < 4):04d}-{last:02d}"
        ballot.votes.add(month, ballot.weight * CUMULATIVE, f"{ballot.where}: '{match.group(0)}'")
    for start, end, part_end, part in fiscal_parts(sentence, None):
        spans.append((start, end))
        if part_end is not None:  # (a part whose fiscal year is written)
            ballot.votes.add(part_end, ballot.weight * CUMULATIVE, f"{ballot.where}: {part} of fiscal year")
    _vote_fiscal_years(ballot, sentence, spans)


def _vote_fiscal_years(ballot: Ballot, sentence: str, spans: list[tuple[int, int]]) -> None:
    """A whole fiscal year votes for its March, but the fiscal year of a span (`spans`) and one looked ahead to."""
    for match in prefilter.finditer(FISCAL_YEAR, sentence):
        year = int(match.group(1))
        if (year + 1) % 100 != int(match.group(2)) or in_a_part(match.start(), spans) \
                or _forecast_around(sentence, _clause_around(sentence, match.start(), match.end()), match.start(),
                                    match.end()):
            continue
        ballot.votes.add(f"{year + 1:04d}-03", ballot.weight * CUMULATIVE, f"{ballot.where}: '{match.group(0)}'")


def _vote_week_ends(ballot: Ballot, sentence: str) -> None:
    """A week's end date votes, as a month stated does, for its month."""
    for match in prefilter.finditer(WEEK_END, sentence):
        month = month_number(match.group(1))
        if month is not None:
            ballot.votes.add(year_month(int(match.group(2)), month), ballot.weight * ACTUAL,
                             f"{ballot.where}: '{match.group(0)}'")


QUARTER_IN_PASSING = 0.3  # a quarter named with no figure in its sentence ("Q1 is the off-season")


def _vote_quarters(ballot: Ballot, sentence: str) -> None:
    """A quarter votes, as a span does, for its last month; named in passing (no figure in the sentence), little."""
    found = list(prefilter.finditer(QUARTER, sentence))
    if not found:
        return
    weight = CUMULATIVE * (1.0 if any(n.is_quantity for n in find_numbers(sentence)) else QUARTER_IN_PASSING)
    forecast = bool(prefilter.search(FORECAST_CUE, sentence))
    for match in found:
        if FOR_BEFORE.search(sentence, max(0, match.start() - 10), match.start()):
            continue  # "a cut in charges for the second quarter": a term's quarter, not the figures'
        quarter = ORDINALS[match.group(1).lower()] if match.group(1) else int(match.group(3) or match.group(6))
        year = match.group(2) or match.group(4) or match.group(5)
        expected = forecast and _forecast_around(sentence, _clause_around(sentence, match.start(), match.end()),
                                                 match.start(), match.end())
        candidates = _resolve(3 * quarter, year, ballot.published, ballot.years, False)
        for candidate in candidates:  # a quarter looked ahead to: the one before it is reviewed
            ballot.votes.add(shift_month(candidate, -3) if expected else candidate,
                             ballot.weight * (FORECAST if expected else weight) / len(candidates),
                             f"{ballot.where}: '{match.group(0)}'" + (" (forecast)" if expected else ""))


def _vote_cumulative(ballot: Ballot, sentence: str) -> list[tuple[int, int]]:
    """A span since January ("January-May", "the first five months") votes for its last month; return the spans."""
    taken: list[tuple[int, int]] = []
    parts = [(start, end) for start, end, _, _ in fiscal_parts(sentence, None)]
    for match in prefilter.finditer(SPAN_SINCE_JANUARY, sentence):
        taken.append((match.start(), match.end()))
        if in_a_part(match.start(), parts):
            continue  # "the first six months of the current fiscal year": from April (`_vote_fiscal_spans`)
        if _ARTICLE_BEFORE.search(sentence, max(0, match.start() - 4), match.start()):
            continue  # "rebound from a January-February slump": a span qualifying a noun, no period of a figure
        if match.group(1) or match.group(3):
            month, year = month_number(match.group(1) or match.group(3)), match.group(2) or match.group(4)
        else:
            month, year = span_months(match), match.group(6)
        if month is None or not 1 <= month <= 12:
            continue
        if year and span_is_base(sentence, match.start()):
            _vote_span_base(ballot, sentence, match, month, int(year))
            continue
        candidates = _resolve(month, year, ballot.published, ballot.years, False)
        for candidate in candidates:
            ballot.votes.add(candidate, ballot.weight * CUMULATIVE / len(candidates),
                             f"{ballot.where}: '{match.group(0).strip()}'")
    return taken


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$")


def _vote_span_base(ballot: Ballot, sentence: str, match: re.Match[str], month: int, year: int) -> None:
    """A span compared with ("Compared to January-May 2015, output rose 2%") votes only as a year-on-year base."""
    if ANY_PERCENT.search(sentence):
        ballot.votes.add(year_month(year + 1, month), COMPARED_BASE * ballot.weight,
                         f"{ballot.where}: '{match.group(0).strip()}' compared with")


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
             and bool(DAY_AFTER.match(sentence[match.end():]))),
    # "beating the previous high of 833,000 t set in December 2014"
    _Passing("a record's month", lambda sentence, match, taken: bool(
        RECORD_BEFORE.search(sentence, max(0, match.start() - 80), match.start()))),
    _Passing("a price's month", lambda sentence, match, taken: _after_a_price(sentence, match.start())),
)


_PRICE_TO_MONTH = re.compile(r"^(?:\s+(?:a|per)\s+(?:tonne|ton|mt|t|lb|pound|kg))?\s+in\s+$")


def _after_a_price(sentence: str, start: int) -> bool:
    """Whether a month is named right after a price ("a record peak of $10,845 in March", "averaged 68,500 yuan/mt
    in May"): the price's month, which a review of output names in passing."""
    before = sentence[max(0, start - 40):start]
    if not before.rstrip().endswith(" in"):  # (most months named: no number is read for them)
        return False
    numbers = find_numbers(before)
    return bool(numbers) and is_money(numbers[-1].unit) and bool(_PRICE_TO_MONTH.match(before[numbers[-1].end:]))


def _vote_month(ballot: Ballot, sentence: str, match: re.Match[str], taken: list[tuple[int, int]],
                forecast: bool) -> None:
    """A month named votes as what happened or is expected (`_vote_stated`), unless it is what is compared with
    (`_vote_base`) or no period at all."""
    if any(rule.applies(sentence, match, taken) for rule in _NO_PERIOD):
        return
    month = month_number(match.group(1))
    assert month is not None
    before = words_before(sentence, match.start())
    if prefilter.search(COMPARED_BEFORE, before) or POSSESSIVE_AFTER.match(sentence[match.end():]):
        _vote_base(ballot, sentence, match, month, forecast)  # what the month is compared with
    else:
        _vote_stated(ballot, sentence, match, month, forecast)


def _vote_base(ballot: Ballot, sentence: str, match: re.Match[str], month: int, forecast: bool) -> None:
    """A month compared with votes only as a year-on-year base: "up 7.5% from November 2017" reviews November
    2018; where its clause is an expectation ("expected to reach 2.4 million mt this month, 9% higher than December
    2018"), the month before that."""
    year = match.group(2)
    if year and PERCENT_BEFORE.search(words_before(sentence, match.start())):
        expected = forecast and _forecast_around(sentence, _clause_around(sentence, match.start(), match.end()),
                                                 match.start(), match.end())
        ballot.votes.add(shift_month(year_month(int(year) + 1, month), -1 if expected else 0),
                         COMPARED_BASE * ballot.weight,
                         f"{ballot.where}: '{match.group(0)}' compared with" + (" (forecast)" if expected else ""))


def _vote_stated(ballot: Ballot, sentence: str, match: re.Match[str], month: int, forecast: bool) -> None:
    """A month stated as what happened votes for itself, one stated as an expectation for the month before it,
    more where its clause states a figure; a bare month whose year the text states nowhere waits in `yearless`."""
    year = match.group(2)
    clause = _clause_around(sentence, match.start(), match.end())
    is_forecast = (forecast and _forecast_around(sentence, clause, match.start(), match.end())) or bool(
        COMING_BEFORE.search(sentence, max(0, match.start() - 30), match.start()))
    figure = FIGURE_WEIGHT if _states_an_amount(clause) else 1.0
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


def _states_an_amount(clause: str) -> bool:
    """Whether a clause states an amount of something, not only a price ("a profit in June of RMB 900 per tonne"
    names June in passing: a review of output is of its output's month)."""
    return any(n.is_quantity and not is_money(n.unit) for n in find_numbers(clause))


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
        if prefilter.search(COMPARED_BEFORE, before):
            if PERCENT_BEFORE.search(before):
                ballot.votes.add(f"{int(match.group(1)) + 1:04d}-12", YEAR_ACTUAL * ballot.weight,
                                 f"{ballot.where}: '{match.group(0)}' compared with")
            continue
        clause = _clause_around(sentence, match.start(), match.end())
        is_forecast = _forecast_around(sentence, clause, match.start(), match.end())
        year = int(match.group(1))
        target = f"{year - 1:04d}-12" if is_forecast else f"{year:04d}-12"
        # a year right after its figure ("670,000 metric tons in 2024") is the period of a figure, as a month is
        actual = ACTUAL if MASS_BEFORE.search(sentence, max(0, match.start() - 40), match.start()) else YEAR_ACTUAL
        ballot.votes.add(target, (YEAR_FORECAST if is_forecast else actual) * ballot.weight,
                         f"{ballot.where}: '{match.group(0)}'")


def _forecast_around(sentence: str, clause: str, start: int, end: int) -> bool:
    """Whether a period named at [start, end) of the sentence is spoken of as an expectation: a forecast cue
    before it in its clause ("is expected to recover in June"), or a future verb after it ("output in June will
    rise"). A noun after it ("March Review and Forecast for April") does not make March a forecast."""
    at = sentence.find(clause)
    before = clause[:max(0, start - at)] if at >= 0 else clause
    after = clause[max(0, end - at):] if at >= 0 else ""
    return bool(prefilter.search(FORECAST_CUE, prefilter.sub(MONTH_MENTION, " ", before))
                or FUTURE_AFTER.search(after))


def _modal_may(sentence: str, position: int) -> bool:
    """'May' as the verb ("May rise", "output may ...") rather than the month."""
    return bool(MODAL_VERB.match(sentence[position + 3:position + 20]))


def _clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of a sentence around a span: between the nearest ';', ', and', 'but', 'while' boundaries."""
    left = max((m.end() for m in prefilter.finditer(CLAUSE_CUT, sentence, 0, start)), default=0)
    right = next((m.start() for m in prefilter.finditer(CLAUSE_CUT, sentence, end)), len(sentence))
    return sentence[left:right]
