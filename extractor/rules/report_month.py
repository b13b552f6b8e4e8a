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

import re
from collections import defaultdict
from dataclasses import dataclass, field

from extractor.text.clauses import split_sentences
from extractor.text.months import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    month_number,
    months_between,
    shift_month,
    year_month,
)
from extractor.text.numbers import find_numbers
from extractor.text.vocabulary import FORECAST_CUE

_YEAR = r"((?:19|20)\d\d)"
_MONTH_WORD = rf"(?:{MONTH_NAMES}|(?:{MONTH_ABBREVIATIONS})\b\.?)"

# Publication dates and datelines: "Published: Apr 9, 2019", "iconJun 12, 2016 10:54", "14:14 Dec 08, 2021",
# "Published: Thursday, 14 December 2017", "Time:Mon, 08 Jan 2024", "date 2023-11-16", "SHANGHAI, Jun. 9 (SMM)".
_DATE_MDY = re.compile(rf"(?:(?<![A-Za-z])|(?<=icon))({_MONTH_WORD})\s*(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*{_YEAR}\b")
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_WORD})\s*,?\s*{_YEAR}\b")
_DATE_ISO = re.compile(rf"\b{_YEAR}-(0[1-9]|1[0-2])-([0-2]\d|3[01])\b")
_DATELINE = re.compile(rf"\b[A-Z][A-Za-z]{{2,}}\s*,\s*({_MONTH_WORD})\s*(\d{{1,2}})\s*(?:,\s*{_YEAR}\s*)?\((?:SMM|Reuters|Mysteel)\)")

# A month named in a sentence, with its year when one follows ("May 2024", "December, 2023").
_MONTH_MENTION = re.compile(rf"(?<![A-Za-z-])({_MONTH_WORD})(?![A-Za-z])(?:\s*,?\s*{_YEAR}\b)?")
_DAY_AFTER = re.compile(r"^\s*\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:%|mt|kt|tons?|tonnes?|million|thousand|,\d))")
_COMPARED_BEFORE = re.compile(
    r"(?:\bfrom|\bthan|\bover|\bcompared\s+(?:to|with)|\bversus|\bvs\.?|\bagainst|\bsince|\bafter|\bbefore|\buntil|"
    r"\bby the end of|\bfrom the [\w\s-]{0,30}?\b(?:in|of|at)|\b(?:that|those|levels?)\s+(?:in|of)|"
    rf"\bfrom\s+{_MONTH_WORD}\s+(?:to|until|through)|\bbetween\s+{_MONTH_WORD}\s+and)"
    r"\s+(?:the\s+)?(?:(?:end|middle|start|beginning)\s+of\s+)?(?:early\s+|mid-?|late\s+)?$",
    re.I,
)
# "beating the previous high of 833,000 t set in December 2014": a record's month is compared with, not reviewed
_RECORD_BEFORE = re.compile(r"\b(?:previous|prior|former|earlier|last)\s+(?:record|high|low|peak|highest|lowest)\b"
                            r"[^.;]{0,40}?\b(?:in|of)\s+$", re.I)
_POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
_CUMULATIVE = re.compile(
    rf"\b(?:from\s+)?(?:January\s*(?:-?\s*to\s*-?|-|–|through|and)|(?:{MONTH_NAMES})\s*(?:-|–|\s+to\s+|\s+through\s+))"
    rf"\s*({MONTH_NAMES})(?:\s*,?\s*{_YEAR})?"  # "January-May", "April-December" (a fiscal year's): month N
    rf"|\bJan(?:uary)?\s*-\s*({MONTH_ABBREVIATIONS})\b\.?(?:\s*,?\s*{_YEAR})?"
    r"|\b(?:the\s+)?first\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months(?:\s+of\s+(?:this\s+year|"
    + _YEAR + r"))?",
    re.I,
)
_COUNTS = {w: i for i, w in enumerate(
    ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"))}
_FULL_YEAR = re.compile(rf"\b(?:in|of|for)\s+(?:the\s+(?:whole|full)\s+(?:year\s+(?:of\s+)?)?)?{_YEAR}\b(?![-/]\d)", re.I)
_YOY_BASE = re.compile(rf"(?:%|per ?cent)[^.;%]{{0,30}}?\b(?:from|over|than|compared (?:to|with))\s+(?:the\s+same\s+"
                       rf"(?:period|month)\s+(?:of|in)\s+)?(?:(?:{MONTH_NAMES})\s+)?{_YEAR}\b", re.I)
_PART_OF_YEAR = re.compile(r"\b(?:months?|quarter|half|season|Q[1-4]|H[12])\s*$", re.I)  # "the first quarter of"
_LAST_MONTH = re.compile(r"\blast month\b", re.I)
_PERCENT = re.compile(r"%|per ?cent")  # before a month compared with: a change against it, so a year-on-year base
_YEAR_TO_DATE = re.compile(rf"\b(?:cumulative(?:ly)?|year-to-date|YTD)\b[^.;]{{0,30}}?\b(?:in|for|of)\s+{_YEAR}\b", re.I)

ACTUAL, FORECAST, CUMULATIVE, YEAR_ACTUAL, YEAR_FORECAST, LAST_MONTH, COMPARED_BASE = 2.0, 1.0, 3.0, 0.8, 0.4, 1.5, 1.0
TITLE_WEIGHT, OPENING_WEIGHT = 1.5, 1.5
FIGURE_WEIGHT = 1.5  # a month stated with a figure ("3.6 million tons in December") outweighs one named in passing


@dataclass(frozen=True)
class ReportMonth:
    """The reviewed month as YYYY-MM (or None), how sure we are, and the words it came from."""

    value: str | None
    confidence: str  # high | medium | low | none
    evidence: str


@dataclass
class _Votes:
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
class _Published:
    year: int
    month: int
    day: int | None
    evidence: str

    @property
    def month_key(self) -> str:
        return year_month(self.year, self.month)


def find_report_month(text: str) -> ReportMonth:
    """Return the month the report reviews, with the confidence the evidence allows and a summary of it.

    Low confidence is reported as such, never presented as certain; with no
    month in the text the value is None.
    """
    head = text[:1500]
    published = _publication_date(head, text[:6000])
    years = _stated_years(text[:20000])
    votes = _Votes()
    title, body_start = _title(text)
    if title:
        _vote_sentence(votes, title, published, years, TITLE_WEIGHT, "title")
    opened = False
    for sentence in split_sentences(text[body_start:60000], body_start):
        if _is_header(sentence.text):
            continue
        weight = OPENING_WEIGHT if not opened else 1.0
        opened = opened or len(sentence.text) > 60
        _vote_sentence(votes, sentence.text, published, years, weight, "text")
    if published is not None:
        before = shift_month(published.month_key, -1)
        late = published.day is not None and published.day >= 20
        votes.add(before, 0.5 if late else 0.8, f"published {published.evidence}")
        if late:
            votes.add(published.month_key, 0.5, f"published late in {published.month_key}")
        for month in list(votes.scores):
            if months_between(published.month_key, month) > 0:
                del votes.scores[month]  # a report cannot review a month after it was published
    undated = _date_yearless(votes)
    if votes.yearless and undated >= max(votes.scores.values(), default=0.0):
        named = ", ".join(dict.fromkeys(name for name, *_ in votes.yearless))
        return ReportMonth(None, "none", f"the text names {named} but not the year (give it with --report-month)")
    if not votes.scores:
        return ReportMonth(None, "none", "no month found in the text")
    ranked = sorted(votes.scores.items(), key=lambda item: (-item[1], item[0]))
    best, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    tied = [month for month, votes_for in ranked[1:]
            if votes_for >= score - 1e-9 and month[5:] == best[5:] and {best, month} <= votes.split]
    if tied:
        which = " or ".join(sorted(month[:4] for month in [best, *tied]))
        return ReportMonth(None, "none", f"month {best[5:]} of {which}: the text does not say which year "
                                         "(give it with --report-month)")
    mentions = sum(1 for why in votes.why[best] if not why.startswith("published"))
    if score >= 3.0 and score >= 2.0 * runner_up and mentions >= 2:
        confidence = "high"
    elif score >= 1.5 and score >= 1.3 * runner_up:
        confidence = "medium"
    else:
        confidence = "low"
    reasons = "; ".join(dict.fromkeys(votes.why[best]))
    return ReportMonth(best, confidence, f"{score:.1f} against {runner_up:.1f}: {reasons}"[:300])


def _date_yearless(votes: _Votes) -> float:
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


def _title(text: str) -> tuple[str | None, int]:
    """The title: the first of the first three non-empty lines that reads as one (three or more words, short,
    no sentence end, not a publication line), and where the body after it starts."""
    offset, seen = 0, 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            seen += 1
            if (len(stripped) < 200 and len(stripped.split()) >= 3 and not stripped.endswith((".", ":"))
                    and not _is_header(stripped)):
                return stripped, offset + len(line)
            if seen >= 3 or len(stripped) >= 200:
                return None, 0
        offset += len(line)
    return None, 0


def _is_header(line: str) -> bool:
    """Publication lines ("Published: ...", "iconJun 12, 2016 10:54", "Source: SMM") carry no period."""
    stripped = line.strip(" •*\t")
    if re.match(r"^(?:published|source|time|date|by|updated)\b", stripped, re.I):
        return True
    date = _DATE_MDY.search(stripped) or _DATE_DMY.search(stripped) or _DATE_ISO.search(stripped)
    return bool(date) and len(stripped) < 60


def _publication_date(head: str, wider: str) -> _Published | None:
    """The date the document was published or datelined, from its head."""
    found: list[_Published] = []
    for pattern, order in ((_DATE_MDY, "mdy"), (_DATE_DMY, "dmy"), (_DATE_ISO, "iso")):
        for match in pattern.finditer(head):
            line_start = head.rfind("\n", 0, match.start()) + 1
            line_end = head.find("\n", match.end())
            line = head[line_start:line_end if line_end >= 0 else len(head)]
            if not _is_header(line) and "(SMM)" not in line:
                continue
            if order == "mdy":
                month, day, year = month_number(match.group(1)), int(match.group(2)), int(match.group(3))
            elif order == "dmy":
                day, month, year = int(match.group(1)), month_number(match.group(2)), int(match.group(3))
            else:
                year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
            if month is not None:
                found.append(_Published(year, month, day, match.group(0).strip()))
    if found:
        return found[0]
    dateline = _DATELINE.search(head)
    if dateline:
        named_month = month_number(dateline.group(1))
        stated_year = dateline.group(3)
        if stated_year is None:
            stated = re.search(rf"\b{_YEAR}\b", wider)
            stated_year = stated.group(1) if stated else None
            whole_years = [m.group(1) for m in _FULL_YEAR.finditer(wider)
                           if not _PART_OF_YEAR.search(wider, max(0, m.start() - 25), m.start())]
            if stated_year is not None and named_month is not None and any(
                    (int(y), 12) > (int(stated_year), named_month) for y in whole_years):
                # "SHANGHAI, Feb 1 (SMM) - ... output in 2017 ...": a year reviewed whole was published after it
                stated_year = str(int(stated_year) + 1)
        if named_month is not None and stated_year is not None:
            return _Published(int(stated_year), named_month, int(dateline.group(2)), dateline.group(0).strip())
    return None


def _stated_years(text: str) -> list[int]:
    """Years the text states of a month or a span of months (most recent first), for bare months when there is
    no publication date. A year named alone ("by the end of 2028") is not one of them."""
    years = set()
    for match in _MONTH_MENTION.finditer(text):
        if match.group(2):
            before = text[max(0, match.start() - 40):match.start()]
            if _RECORD_BEFORE.search(text, max(0, match.start() - 80), match.start()):
                continue
            if not _COMPARED_BEFORE.search(before):
                years.add(int(match.group(2)))  # "in May 2024", "December 2023's output"
            elif _PERCENT.search(before):
                years.add(int(match.group(2)) + 1)  # "up 3% from May 2023": May 2024 is reviewed
    for match in _CUMULATIVE.finditer(text):
        years |= {int(y) for y in (match.group(2), match.group(4), match.group(6)) if y}
    years |= {int(y) for y in _YEAR_TO_DATE.findall(text)}
    # "up 7.5% from November 2017", "from the same period of 2017": a base a year before the month reviewed
    years |= {int(y) + 1 for y in _YOY_BASE.findall(text)}
    return sorted(years, reverse=True)


def _resolve(month: int, year: str | None, published: _Published | None, years: list[int],
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


def _vote_sentence(votes: _Votes, sentence: str, published: _Published | None, years: list[int], weight: float,
                   where: str) -> None:
    taken: list[tuple[int, int]] = []
    forecast = bool(FORECAST_CUE.search(_MONTH_MENTION.sub(" ", sentence)))
    for match in _CUMULATIVE.finditer(sentence):
        taken.append((match.start(), match.end()))
        if match.group(1) or match.group(3):
            month, year = month_number(match.group(1) or match.group(3)), match.group(2) or match.group(4)
        else:
            count = match.group(5).lower()
            month, year = (int(count) if count.isdigit() else _COUNTS[count]), match.group(6)
        if month is None or not 1 <= month <= 12:
            continue
        candidates = _resolve(month, year, published, years, False)
        for candidate in candidates:
            votes.add(candidate, weight * CUMULATIVE / len(candidates), f"{where}: '{match.group(0).strip()}'")
    for match in _MONTH_MENTION.finditer(sentence):
        if any(start <= match.start() < end for start, end in taken):
            continue
        name, year = match.group(1), match.group(2)
        month = month_number(name)
        if month is None or (name == "May" and year is None and _modal_may(sentence, match.start())):
            continue
        if year is None and _DAY_AFTER.match(sentence[match.end():]):
            continue  # a day's date ("November 18", "Jun 5") is when something happened, not a period
        before = sentence[max(0, match.start() - 40):match.start()]
        if _RECORD_BEFORE.search(sentence, max(0, match.start() - 80), match.start()):
            continue
        if _COMPARED_BEFORE.search(before) or _POSSESSIVE_AFTER.match(sentence[match.end():]):
            if year and _PERCENT.search(before):
                # "up 7.5% from November 2017": a year-on-year base, so the month reviewed is a year later
                votes.add(year_month(int(year) + 1, month), COMPARED_BASE * weight,
                          f"{where}: '{match.group(0)}' compared with")
            continue  # what the month is compared with
        clause = _clause_around(sentence, match.start(), match.end())
        is_forecast = forecast and _forecast_around(sentence, clause, match.start(), match.end())
        figure = FIGURE_WEIGHT if any(n.is_quantity for n in find_numbers(clause)) else 1.0
        candidates = _resolve(month, year, published, years, is_forecast)
        if not candidates:
            share = (FORECAST if is_forecast else ACTUAL) * weight * figure
            votes.yearless.append((name, (month - 2) % 12 + 1 if is_forecast else month, share,
                                   f"{where}: '{match.group(0)}'" + (" (forecast)" if is_forecast else "")))
        elif len(candidates) > 1 and year is None:
            votes.split.update(shift_month(c, -1) if is_forecast else c for c in candidates)
        for candidate in candidates:
            # an estimate of the month it is published late in ("estimated at 102,200 mt in February", Feb 26) is
            # that month's preliminary figure: the month reviewed, not the next month's forecast
            preliminary = published is not None and published.day is not None and published.day >= 20 \
                and candidate == published.month_key
            target = shift_month(candidate, -1) if is_forecast and not preliminary else candidate
            share = (FORECAST if is_forecast else ACTUAL) * weight * figure / len(candidates)
            votes.add(target, share, f"{where}: '{match.group(0)}'" + (" (forecast)" if is_forecast else ""))
    if published is not None:
        for match in _LAST_MONTH.finditer(sentence):
            votes.add(shift_month(published.month_key, -1), LAST_MONTH * weight, f"{where}: 'last month'")
    for match in _FULL_YEAR.finditer(sentence):
        if any(start <= match.start() < end for start, end in taken) or _PART_OF_YEAR.search(
                sentence, max(0, match.start() - 25), match.start()):
            continue  # "the first quarter of 2018" is not the year 2018
        clause = _clause_around(sentence, match.start(), match.end())
        is_forecast = _forecast_around(sentence, clause, match.start(), match.end())
        year = int(match.group(1))
        target = f"{year - 1:04d}-12" if is_forecast else f"{year:04d}-12"
        votes.add(target, (YEAR_FORECAST if is_forecast else YEAR_ACTUAL) * weight, f"{where}: '{match.group(0)}'")


_FUTURE_AFTER = re.compile(
    r"\b(?:will|would|may|might|could|shall|is|are)\s+(?:\w+\s+)?(?:be\s+)?(?:expected|likely|set|projected|forecast|"
    r"estimated|anticipated|poised|going)\b|\b(?:will|would|might|could|shall)\b|\bis\s+to\b", re.I)


def _forecast_around(sentence: str, clause: str, start: int, end: int) -> bool:
    """Whether a period named at [start, end) of the sentence is spoken of as an expectation: a forecast cue
    before it in its clause ("is expected to recover in June"), or a future verb after it ("output in June will
    rise"). A noun after it ("March Review and Forecast for April") does not make March a forecast."""
    at = sentence.find(clause)
    before = clause[:max(0, start - at)] if at >= 0 else clause
    after = clause[max(0, end - at):] if at >= 0 else ""
    return bool(FORECAST_CUE.search(_MONTH_MENTION.sub(" ", before)) or _FUTURE_AFTER.search(after))


def _modal_may(sentence: str, position: int) -> bool:
    """'May' as the verb ("May rise", "output may ...") rather than the month."""
    after = sentence[position + 3:position + 20]
    return bool(re.match(r"\s+(?:be|see|rise|fall|continue|increase|decrease|decline|drop|remain|also|still|further)\b",
                         after, re.I))


def _clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of a sentence around a span: between the nearest ';', ', and', 'but', 'while' boundaries."""
    cut = re.compile(r";|,\s*(?:while|but|whereas|although|and)\b|\b(?:but|while|whereas)\b", re.I)
    left = max((m.end() for m in cut.finditer(sentence, 0, start)), default=0)
    right = next((m.start() for m in cut.finditer(sentence, end)), len(sentence))
    return sentence[left:right]
