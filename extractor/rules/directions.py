"""Directions stated without a number ("edged down MoM", "expected to rebound MoM") as *_direction facts."""

from __future__ import annotations

import re

from extractor.record import Fact, Label, Span
from extractor.rules.context import (
    clause_start_of,
    content_of,
    metric_before,
    period_at,
    segment_after,
    segment_in,
)
from extractor.rules.objections import speaks_of_a_week
from extractor.rules.sections import Section
from extractor.text import clauses as cl
from extractor.text import vocabulary as vocab
from extractor.text.months import shift_month
from extractor.text.numbers import NumberSpan
from schemas.periods import RATE_METRICS

_DIRECTION_CLAUSE = re.compile(
    r"(?P<verb>\b(?:increas\w*|decreas\w*|declin\w*|rose|rise|rising|fell|fall\w*|drop\w*|grew|grow\w*|rebound\w*|"
    r"edged (?:up|down)|pull\w* back|pullback|dip\w*|climb\w*|contract\w*|remain\w* (?:flat|stable|unchanged)|"
    r"flat|unchanged|little change|no significant change|down|up|increase|decrease|decline|rise|growth|slight rise|"
    r"slight decline|slight increase|slight decrease|upward trend|downward trend))\b"
    r"(?P<gap>[^.;,%\d]{0,40}?)\s*(?P<marker>\bMoM\b|\bYoY\b|month[- ]on[- ]month|year[- ]on[- ]year|M-o-M|Y-o-Y)",
    re.I,
)
_MARKER_FIRST = re.compile(
    r"(?P<marker>\bMoM\b|\bYoY\b)\s+(?P<verb>increase|decrease|decline|rise|growth|drop|pullback|rebound|reduction)\b", re.I
)
_FORECAST_DIRECTION = re.compile(
    r"\b(?:expected|projected|forecast|likely|set|estimated)\s+to\s+(?:continue\s+(?:to\s+)?|further\s+)?(?:show\s+a\s+(?:slight\s+)?|see\s+a\s+(?:slight\s+)?|maintain\s+a\s+slight\s+)?"
    r"(?P<verb>increase|decrease|decline|rise|rebound|drop|fall|grow|contract|pull back|remain flat|remain stable|edge (?:up|down)|"
    r"dip|recover|trend (?:upward|downward)|decline slightly|increase slightly|decrease slightly|rise slightly)\b",
    re.I,
)


# "the operating rate rose to 75.89%": a rate's level stated with the way it moved.
_LEVEL_MOVE = re.compile(
    r"\b(?P<verb>rose|rising|increased|climbed|rebounded|recovered|edged up|fell|dropped|dropping|declined|decreased|"
    r"slid|dropped back|pulled back|remained stable|remained|held steady|stood steady|stayed|"
    r"(?:expected|likely|set|projected|forecast|estimated|anticipated)\s+to\s+(?:increase|rise|climb|rebound|recover|"
    r"grow|fall|drop|decline|decrease|dip|edge (?:up|down)|remain(?: stable)?|stay))"
    r"(?:\s+(?:slightly|significantly|sharply|further|noticeably|back|significantly further))*\s+(?:to|at)\s*$",
    re.I,
)
_STEADY = re.compile(r"\b(?:remained stable|remained|held steady|stood steady|stayed)\b", re.I)

# Statements of where output goes with no MoM marker: "is expected to continue its declining trend",
# "will decrease slightly in August", "may continue to decline slightly", "increased slightly".
_OUTLOOK = re.compile(
    r"\b(?:expected|projected|forecast|anticipated|likely|set|estimated|predicted)\s+to\s+|\bwill\s+|\bmay\s+|\bcould\s+",
    re.I,
)
_OUTLOOK_VERB = re.compile(
    r"^(?:(?:continue|also|still|further|gradually|significantly|slightly)\s+(?:to\s+)?)*"
    r"(?:(?:show|see|maintain|achieve|experience|turn\s+to)\s+)?(?:(?:a|an|some|its)\s+)?(?:(?:slight|significant|further|steady)\s+)?"
    r"(?P<verb>increase|increasing|rise|rising|grow|growing|growth|rebound|recover|pick up|upward trend|"
    r"decrease|decline|declining trend|fall|drop|drop back|dip|contract|pull back|downward trend|weak trend|"
    r"remain (?:flat|stable|unchanged)|stay (?:flat|stable)|stop falling and rebound)\b",
    re.I,
)
_PAST_MOVE = re.compile(
    r"\b(?:production|output)\s+(?:(?:in|for|during)\s+[A-Z][a-z]+\s+)?(?:(?:also|further|again|slightly)\s+)?(?P<verb>increased|decreased|declined|rose|fell|edged (?:up|down)|rebounded|"
    r"remained (?:flat|stable|unchanged))(?:\s+slightly)?\b(?!\s+(?:by|to|short)\b)",
    re.I,
)


_FIGURE_FOLLOWS = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}(?:by|to|at|of|from)\s+(?:about |around |approximately |nearly |over |some )?[-$\d]", re.I)


def level_directions(s: str, offset: int, numeric_facts: list[Fact]) -> list[Fact]:
    """mom_direction facts for rate levels stated with their move ("rose to 75.89%") and no MoM figure."""
    found = []
    changed = {(f.label.metric, f.label.segment, f.label.period) for f in numeric_facts
               if f.label.measure.startswith("mom_")}
    for fact in numeric_facts:
        label = fact.label
        if label.measure != "level" or label.metric not in RATE_METRICS:
            continue
        if (label.metric, label.segment, label.period) in changed:
            continue
        before = s[max(0, fact.number.start - offset - 60):fact.number.start - offset]
        before = re.sub(r"(?:approximately|about|around|nearly|roughly)\s*$", "", before, flags=re.I)
        match = _LEVEL_MOVE.search(before)
        if not match:
            continue
        verb = match.group("verb")
        direction = "flat" if _STEADY.match(verb) else cl.last_direction(verb)[0]
        if direction is None:
            continue
        start = fact.number.start - offset - len(before) + match.start()
        quote = s[start:fact.number.end - offset]
        span = Span(offset + start, offset + start + len(quote))
        found.append(Fact(label.replace(measure="mom_direction"), direction, None, None, quote, span, span,
                          fact.status, fact.reason, section=fact.section))
    return found


def outlook_candidates(s: str) -> list[tuple[int, int, str, str]]:
    """Direction statements with no marker of their own: (start, end, verb, comparison), the comparison MoM unless
    the words after the verb compare with a year before ("rose in March from a year earlier")."""
    found = []
    for match in _OUTLOOK.finditer(s):
        verb = _OUTLOOK_VERB.match(s[match.end():])
        if verb:
            end = match.end() + verb.end()
            found.append((match.start(), end, verb.group("verb"), _compared_after(s, end)))
    for match in _PAST_MOVE.finditer(s):
        found.append((match.start("verb"), match.end(), match.group("verb"), _compared_after(s, match.end())))
    return found


def _compared_after(s: str, end: int) -> str:
    """'yoy' where the words right after a verb, up to a figure or a clause break, compare with a year before."""
    after = re.split(r"[\d;,]|\b(?:and|but|while|as)\b", s[end:end + 50], maxsplit=1)[0]
    return "yoy" if cl.YOY.search(after) else "mom"


def find_directions(
    s: str, offset: int, mentions: list[cl.MonthMention], carried: str | None, report_month: str | None,
    section: Section, numbers: list[NumberSpan], numeric_facts: list[Fact], paragraph_segment: str | None,
) -> list[Fact]:
    """Directions stated with no number for that measure: 'edged down MoM', 'expected to rebound MoM'.

    A clause whose numbers already state a MoM (or YoY) change gets no MoM (YoY)
    direction: the contract records a direction only where no number is given.
    """
    found: list[Fact] = []
    consumed = [(f.quote_span.start - offset, f.quote_span.end - offset) for f in numeric_facts]
    stated = {
        (clause_start_of(s, f.quote_span.start - offset), f.label.comparison)
        for f in numeric_facts if f.label.measure != "level"
    }
    candidates: list[tuple[int, int, str, str]] = []
    for match in _DIRECTION_CLAUSE.finditer(s):
        marker = match.group("marker").lower()
        candidates.append((match.start(), match.end(), match.group("verb"), "yoy" if marker.startswith(("y", "year")) else "mom"))
    for match in _MARKER_FIRST.finditer(s):
        candidates.append((match.start(), match.end(), match.group("verb"), "yoy" if match.group("marker").lower() == "yoy" else "mom"))
    if not numbers:
        for match in _FORECAST_DIRECTION.finditer(s):
            if not any(a <= match.start() < b for a, b, _, _ in candidates):
                candidates.append((match.start(), match.end(), match.group("verb"), _compared_after(s, match.end())))
    for start, end, verb, comparison in outlook_candidates(s):
        if not any(a <= start < b or a < end <= b for a, b, _, _ in candidates):
            candidates.append((start, end, verb, comparison))
    seen: set[tuple[str, str | None, str]] = set()
    for start, end, verb, comparison in sorted(candidates):
        if any(a <= start < b or a < end <= b for a, b in consumed):
            continue
        if any(n.start >= start and n.end <= end for n in numbers):
            continue
        clause = clause_start_of(s, start)
        if (clause, comparison) in stated:
            continue
        metric, _ = metric_before(s, end)
        if metric not in ("production", "operating_rate", "cumulative_production"):
            continue
        period, cumulative = period_at(mentions, start, carried, nearest=True)
        if period is None or (report_month and period < report_month):
            continue  # narrative about earlier months ("rebounded in October") is history, not this report's facts
        if _FIGURE_FOLLOWS.match(s[end:end + 40]):
            continue  # "expected to rise to 525,000 mt": the number is the fact, not a bare direction
        if speaks_of_a_week(s[clause:start], s[end:]):
            continue  # "output fell week on week", "weekly output is expected to rise": no move of the month
        if cumulative:
            metric = "cumulative_production"
        if metric == "cumulative_production":
            comparison = "yoy"  # a total since January moves against the same span of last year
        direction = "flat" if re.search(r"\b(?:flat|stable|unchanged)\b", verb, re.I) else cl.last_direction(verb)[0]
        if re.search(r"weak trend|declining trend", verb, re.I):
            direction = "down"
        if direction is None:
            continue
        # a part named after the move ("production increased in southwestern Guizhou") is the move's
        segment = segment_after(s[end:]) or segment_in(s[clause:start], paragraph_segment)
        content = content_of(s[clause:start], s[end:end + 40], None)
        forecast_cue = bool(vocab.FORECAST_CUE.search(s[:end]))
        if forecast_cue and not mentions and period == report_month and report_month is not None:
            period = shift_month(report_month, 1)  # "is expected to increase in the future": no month named, the next
        basis = cl.basis_for(period, report_month, forecast_cue)
        key = (comparison, segment, metric)
        if key in seen:
            continue
        seen.add(key)
        label = Label(section.commodity, section.region, metric, segment, content, period, basis,
                      f"{comparison}_direction")
        span = Span(offset + start, offset + end)
        fact = Fact(label, direction, None, None, s[start:end], span, span, section=section.index)
        if not section.known:
            fact.flag(f"heading '{section.heading}' is not in the commodity table")
        found.append(fact)
    return found


