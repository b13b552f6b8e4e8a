"""Reading the month a report reviews from its text (never from its file name), by weighing all its evidence.

Every month the text names casts a vote, by what the sentence does with it:
a month stated as what happened ("output totaled ... in May") votes for itself;
a month stated as an expectation ("is expected to recover in June") votes for
the month before it (a report reviews one month and forecasts the next), and
either counts more when the clause states a figure; a
cumulative span ("January-May", "the first five months") votes for its last
month; a month named as what is compared with ("up from April's") or a day's
date ("November 18") casts none. The title's months and the first sentence's
count more. A publication date or dateline gives each bare month its year (a
month after the publication month belongs to the year before), a prior for the
month before publication, and a bound: no report reviews a month after it was
published. Without one, bare months take their year from the years the text
states of a month or a span ("May 2024", "January-May 2024", "cumulative output
in 2024", "up 3% from May 2023"), or join a month of theirs that the text dates
otherwise ("output in 2019 ..." and "December output ..."); a year named alone
("commissioned by 2028") says nothing about the month reviewed. The best-voted
month wins; its margin over the runner-up is the confidence. When the text does
not say which year its month is of (its bare months outweigh every dated one,
or one month ties in two stated years), the month is not guessed: the value is
None and the evidence names the month, for --report-month to supply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NamedTuple

from extractor.rules.month_votes import OPENING_WEIGHT, TITLE_WEIGHT, Ballot, Published, Votes, vote_sentence
from extractor.rules.stated_years import stated_years
from extractor.text.clauses import split_sentences
from extractor.text.months import months_between, shift_month
from extractor.text.numbers import find_numbers


@dataclass(frozen=True)
class ReportMonth:
    """The reviewed month as YYYY-MM (or None), how sure we are, and the words it came from."""

    value: str | None
    confidence: str  # high | medium | low | none
    evidence: str


def find_report_month(text: str, published: Published | None, is_header: Callable[[str], bool]) -> ReportMonth:
    """Return the month the report reviews, with the confidence the evidence allows and a summary of it.

    `published` is the date the report's format reads from its publication line or dateline (None where it has
    none), and `is_header` says which lines are such lines, which carry no period (`extractor/formats/datelines.py`
    reads both for the shipped formats). Low confidence is reported as such, never presented as certain; with no
    month in the text the value is None.
    """
    votes = _votes_of(text, published, stated_years(text[:20000]), is_header)
    if published is not None:
        _weigh_publication(votes, published)
    return _verdict(votes)


_RUN_ON = 200  # a publication line this long holds a paragraph run on after its date ("date 2017-07-27 Lisbon - The
# global market ..."): it votes (the date itself is no month named)


def _states_a_figure(line: str) -> bool:
    """Whether a publication line runs on into a sentence with a figure ("date 2017-07-27 Lisbon - World demand
    exceeded supply by 91kt during the first five months of 2017.")."""
    return any(n.is_quantity for n in find_numbers(line))


def _votes_of(text: str, published: Published | None, years: list[int], is_header: Callable[[str], bool]) -> Votes:
    """The votes of the title and of every sentence of the body but its publication lines; the first sentence
    of some length counts more."""
    votes = Votes()
    title, body_start = _title(text, is_header)
    if title:
        vote_sentence(Ballot(votes, published, years, TITLE_WEIGHT, "title"), title)
    opened = False
    for sentence in split_sentences(text[body_start:60000], body_start):
        if is_header(sentence.text) and len(sentence.text) < _RUN_ON and not _states_a_figure(sentence.text):
            continue
        weight = OPENING_WEIGHT if not opened else 1.0
        opened = opened or len(sentence.text) > 60
        vote_sentence(Ballot(votes, published, years, weight, "text"), _without_the_date(sentence.text, published))
    return votes


def _without_the_date(sentence: str, published: Published | None) -> str:
    """A sentence run on after its dateline ("Lisbon, 20 August 2019 - World output rose ..."): the date is the
    publication's, which votes on its own, not a month the sentence names."""
    if published is None or not published.evidence or published.evidence not in sentence:
        return sentence
    return sentence.replace(published.evidence, " " * len(published.evidence), 1)


def _weigh_publication(votes: Votes, published: Published) -> None:
    """The publication date votes for the month before it (and, published late in a month, for that month), and
    bounds the rest: a report cannot review a month after it was published."""
    before = shift_month(published.month_key, -1)
    late = published.day is not None and published.day >= 20
    votes.add(before, 0.5 if late else 0.8, f"published {published.evidence}")
    if late:
        votes.add(published.month_key, 0.5, f"published late in {published.month_key}")
    for month in list(votes.scores):
        if months_between(published.month_key, month) > 0:
            del votes.scores[month]


class _Confidence(NamedTuple):
    name: str
    applies: Callable[[float, float, int], bool]  # (best's score, runner-up's, mentions of the best in the text)


# Read in order: the first that applies is the confidence.
_CONFIDENCES: tuple[_Confidence, ...] = (
    _Confidence("high", lambda score, runner_up, mentions: score >= 3.0 and score >= 2.0 * runner_up and mentions >= 2),
    _Confidence("medium", lambda score, runner_up, mentions: score >= 1.5 and score >= 1.3 * runner_up),
    _Confidence("low", lambda score, runner_up, mentions: True),
)


def _verdict(votes: Votes) -> ReportMonth:
    """The best-voted month and the confidence its margin gives; None where the text does not say the year."""
    undated = _date_yearless(votes)
    if votes.yearless and undated >= max(votes.scores.values(), default=0.0):
        named = ", ".join(dict.fromkeys(name for name, *_ in votes.yearless))
        return ReportMonth(None, "none", f"the text names {named} but not the year (give it with --report-month)")
    if not votes.scores:
        return ReportMonth(None, "none", "no month found in the text")
    ranked = sorted(votes.scores.items(), key=lambda item: (-item[1], _later_first(item[0])))
    best, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    tied = _tied_years(votes, ranked)
    if tied is not None:
        return tied
    mentions = sum(1 for why in votes.why[best] if not why.startswith("published"))
    confidence = next(row.name for row in _CONFIDENCES if row.applies(score, runner_up, mentions))
    reasons = "; ".join(dict.fromkeys(votes.why[best]))
    return ReportMonth(best, confidence, f"{score:.1f} against {runner_up:.1f}: {reasons}"[:300])


def _later_first(month: str) -> int:
    """A tie goes to the later month: the earlier is the base a report compares its month with ("Aug 2015" beside
    "Aug 2014")."""
    return -int(month.replace("-", ""))


def _tied_years(votes: Votes, ranked: list[tuple[str, float]]) -> ReportMonth | None:
    """None, unless one month ties in two stated years (a bare month dated by each): then the month is not guessed."""
    best, score = ranked[0]
    tied = [month for month, votes_for in ranked[1:]
            if votes_for >= score - 1e-9 and month[5:] == best[5:] and {best, month} <= votes.split]
    if not tied:
        return None
    which = " or ".join(sorted(month[:4] for month in [best, *tied]))
    return ReportMonth(None, "none", f"month {best[5:]} of {which}: the text does not say which year "
                                     "(give it with --report-month)")


def _date_yearless(votes: Votes) -> float:
    """Give each month named without a year to the candidates of its month that other evidence dates ("output in
    2019 ..." dates "December output"); return the weight of those no candidate dates."""
    undated = 0.0
    for _, month, share, evidence in votes.yearless:
        dated = [candidate for candidate in votes.scores if int(candidate[5:]) == month]
        for candidate in dated:
            votes.add(candidate, share / len(dated), evidence)
        if not dated:
            undated += share
    return undated


def _title(text: str, is_header: Callable[[str], bool]) -> tuple[str | None, int]:
    """The title: the first of the first three non-empty lines that reads as one (three or more words, short,
    no sentence end, not a publication line), and where the body after it starts."""
    offset, seen = 0, 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            seen += 1
            if (len(stripped) < 200 and len(stripped.split()) >= 3 and not stripped.endswith((".", ":"))
                    and not is_header(stripped)):
                return stripped, offset + len(line)
            if seen >= 3 or len(stripped) >= 200:
                return None, 0
        offset += len(line)
    return None, 0
