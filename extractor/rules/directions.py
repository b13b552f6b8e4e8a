"""Directions stated without a number ("edged down MoM", "expected to rebound MoM") as *_direction facts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, NamedTuple

from extractor.record import Fact, Label, Span, as_basis, as_measure, as_metric
from extractor.rules.context import (
    clause_start_of,
    content_of,
    metric_before,
    own_part,
    segment_after,
    segment_in,
)
from extractor.rules.figure_months import period_at
from extractor.rules.objections import speaks_of_a_week
from extractor.rules.sections import Section
from extractor.text import clauses as cl
from extractor.text import lexicon, prefilter
from extractor.text import vocabulary as vocab
from extractor.text.months import basis_for, shift_month
from extractor.text.numbers import NumberSpan
from schemas.periods import RATE_METRICS

_words = lexicon.words
_MOVE_VERBS = lexicon.words("up_verb", "down_verb", "flat_verb")
_MOVE_BASE = lexicon.words("up_verb", "down_verb", "flat_verb", parts=("base",))
_PLAIN_PAST = lexicon.words("plain_move", parts=("past",))
_CHANGE_NOUNS = lexicon.words("up_noun", "down_noun")
_FORECAST_TO = lexicon.words("forecast_to")  # "expected", "set", "likely": before "to" and the move
_DIRECTION_CLAUSE = re.compile(
    rf"(?P<verb>\b(?:{_MOVE_VERBS}|(?:{_words('slight')}\s+)?{_CHANGE_NOUNS}|{_words('bare_direction')}))\b"
    rf"(?P<gap>[^.;,%\d]{{0,40}}?)\s*(?P<marker>\b{lexicon.MARKERS}\b)",
    re.I,
)
_MARKER_FIRST = re.compile(
    rf"(?P<marker>\b{lexicon.MARKERS})\s+(?P<verb>{_CHANGE_NOUNS})\b", re.I
)
_A_MARKER = re.compile(rf"\b{lexicon.MARKERS}", re.I)  # what both patterns above hold, searched first
_FORECAST_DIRECTION = re.compile(
    rf"\b{_FORECAST_TO}\s+to\s+(?:{_words('continue_verb')}\s+(?:to\s+)?|{_words('further')}\s+)?"
    rf"(?:{_words('see_a')}\s+a\s+(?:{_words('slight')}\s+)?|{_words('keep_a')}\s+a\s+{_words('slight')}\s+)?"
    rf"(?P<verb>{_words('forecast_trend')}|{_MOVE_BASE}(?:\s+{_words('slightly')})?|{_CHANGE_NOUNS})\b",
    re.I,
)


# "the operating rate rose to 75.89%": a rate's level stated with the way it moved.
_LEVEL_MOVE = re.compile(
    rf"\b(?P<verb>{_words('back_verb', 'hold_verb', parts=('past',))}|"
    rf"{_words('up_verb', 'down_verb', 'flat_verb', parts=('past', 'ing'))}|"
    rf"(?:{_FORECAST_TO}\s+to|{_words('modal')}(?:\s+{_words('modal_hedge')})?)\s+"
    rf"(?:{_MOVE_BASE}|{_words('hold_verb', parts=('base',), but=('stand steady',))}))"
    rf"(?:\s+{_words('level_move_degree')})*\s+(?:to|at)\s*$",
    re.I,
)
_STEADY = re.compile(rf"\b{_words('flat_verb', 'hold_verb', parts=('past',))}\b", re.I)

# Statements of where output goes with no MoM marker: "is expected to continue its declining trend",
# "will decrease slightly in August", "may continue to decline slightly", "increased slightly".
_OUTLOOK = re.compile(rf"\b{_FORECAST_TO}\s+to\s+|\b{_words('modal')}\s+(?:{_words('modal_hedge')}\s+)?", re.I)
_OUTLOOK_VERB = re.compile(
    rf"^(?:(?:{_words('continue_verb')}|{_words('outlook_degree')})\s+(?:to\s+)?)*(?:{_words('see_verb')}\s+)?"
    rf"(?:(?:a|an|some|its)\s+)?(?:{_words('degree_adjective')}\s+)?"
    rf"(?P<verb>{_words('turn_move', 'outlook_trend', 'back_verb', parts=('base',))}|"
    rf"{_words('up_verb', 'down_verb', 'flat_verb', parts=('base', 'ing'))}|{_CHANGE_NOUNS})\b",
    re.I,
)
_PAST_MOVE = re.compile(
    rf"\b{_words('output_or_rate')}\s+(?:(?:in|for|during)\s+[A-Z][a-z]+\s+)?(?:{_words('past_move_degree')}\s+)?"
    rf"(?P<verb>{_PLAIN_PAST})(?:\s+{_words('slightly')})?\b(?!\s+(?:by|to|{_words('short_of')})\b)",
    re.I,
)

# Output that held still, stated with no figure: "gold output was virtually flat" (not a level: "remained stable at")
_FLAT_STATE = re.compile(
    rf"\b{_words('output_or_rate')}\s+(?:was|were|remained|stayed)\s+"
    rf"(?P<verb>{_words('flat_word')})\b(?!\s+(?:at|around|near|in\s+the\s+range)\b)",
    re.I,
)

# A change of output expected, named as a noun: "SMM expects a slight rise in June output", "insiders anticipated a
# marked decline in February output", "a decline in zinc output is expected in June".
_OF_OUTPUT = rf"\s+in\s+(?:[\w'’-]+\s+){{0,3}}?{_words('output_word')}\b"
_EXPECTED_CHANGE = re.compile(
    rf"\b{_words('forecast_verb')}\s+(?:a|an)\s+(?:[a-z]+\s+)?(?P<verb>{_CHANGE_NOUNS}){_OF_OUTPUT}"
    rf"|\b(?:a|an)\s+(?:[a-z]+\s+)?(?P<verb2>{_CHANGE_NOUNS}){_OF_OUTPUT}\s+(?:is|was)\s+{_FORECAST_TO}\b",
    re.I,
)


def _expected_changes(s: str) -> list[tuple[int, int, str, str]]:
    """Changes of output expected, named as nouns: (start, end, noun, comparison)."""
    return [(m.start(), m.end(), m.group("verb") or m.group("verb2"), _compared_after(s, m.end()))
            for m in prefilter.finditer(_EXPECTED_CHANGE, s)]


_FIGURE_FOLLOWS = re.compile(
    rf"^\s*(?:[a-z]+\s+){{0,2}}(?:by|to|at|of|from)\s+(?:{_words('figure_approx')}\s+)?[-$\d]", re.I)
_APPROX_AT_END = re.compile(rf"{_words('approx')}\s*$", re.I)


def level_directions(s: str, offset: int, numeric_facts: list[Fact]) -> list[Fact]:
    """Direction facts for rate levels stated with their move ("rose to 75.89%") and no change figure of their
    comparison: month on month, or year on year where the base the level moved from is of a year before ("fell to
    71.2% from 74.5% last year")."""
    found = []
    changed = {(f.label.metric, f.label.segment, f.label.period, f.label.measure[:3]) for f in numeric_facts
               if f.label.measure.startswith(("mom_", "yoy_"))}
    for fact in numeric_facts:
        label = fact.label
        if label.measure != "level" or label.metric not in RATE_METRICS:
            continue
        comparison = _level_base_comparison(fact, numeric_facts)
        if (label.metric, label.segment, label.period, comparison) in changed:
            continue
        window = max(0, fact.number.start - offset - 60)
        before = _APPROX_AT_END.sub("", s[window:fact.number.start - offset])  # "rose to about 75%"
        match = _LEVEL_MOVE.search(before)
        if not match:
            continue
        verb = match.group("verb")
        direction = "flat" if _STEADY.match(verb) else cl.last_direction(verb)[0]
        if direction is None:
            continue
        start = window + match.start()
        quote = s[start:fact.number.end - offset]
        span = Span(offset + start, offset + start + len(quote))
        found.append(Fact(label.replace(measure=as_measure(f"{comparison}_direction")), direction, None, None, quote,
                          span, span, fact.status, fact.reason, section=fact.section))
    return found


def _level_base_comparison(fact: Fact, facts: list[Fact]) -> str:
    """'yoy' where a level of the same figure after this one, its base, is of a year before; else 'mom'."""
    label = fact.label
    year_before = shift_month(label.period, -12) if label.period else None
    based = any(f.label.measure == "level" and f.number.start > fact.number.start and f.label.period == year_before
                and (f.label.metric, f.label.segment) == (label.metric, label.segment) for f in facts)
    return "yoy" if based else "mom"


def outlook_candidates(s: str) -> list[tuple[int, int, str, str]]:
    """Direction statements with no marker of their own: (start, end, verb, comparison), the comparison MoM unless
    the words after the verb compare with a year before ("rose in March from a year earlier")."""
    found = []
    for match in prefilter.finditer(_OUTLOOK, s):
        verb = _OUTLOOK_VERB.match(s[match.end():])
        if verb:
            end = match.end() + verb.end()
            found.append((match.start(), end, verb.group("verb"), _compared_after(s, end)))
    for match in (*prefilter.finditer(_PAST_MOVE, s), *prefilter.finditer(_FLAT_STATE, s)):
        found.append((match.start("verb"), match.end(), match.group("verb"), _compared_after(s, match.end())))
    return found + _expected_changes(s)


_WORDS_AFTER_END = re.compile(r"[\d;,]|\b(?:and|but|while|as)\b")  # a figure or a clause break


def _compared_after(s: str, end: int) -> str:
    """'yoy' where the words right after a verb, up to a figure or a clause break, compare with a year before."""
    after = _WORDS_AFTER_END.split(s[end:end + 50], maxsplit=1)[0]
    return "yoy" if prefilter.search(cl.YOY, after) else "mom"


_Candidate = tuple[int, int, str, str]  # (start, end, verb, comparison) of a move stated without its figure


def find_directions(
    s: str, offset: int, mentions: list[cl.MonthMention], carried: str | None, report_month: str | None,
    section: Section, numbers: list[NumberSpan], numeric_facts: list[Fact], paragraph_segment: str | None,
) -> list[Fact]:
    """Directions stated with no number for that measure: 'edged down MoM', 'expected to rebound MoM'.

    A clause whose numbers already state a MoM (or YoY) change gets no MoM (YoY)
    direction: the contract records a direction only where no number is given.
    """
    found: list[Fact] = []
    figures = _Figures(
        s, numbers, [(f.quote_span.start - offset, f.quote_span.end - offset) for f in numeric_facts],
        {(clause_start_of(s, f.quote_span.start - offset), f.label.comparison)
         for f in numeric_facts if f.label.measure != "level"})
    seen: set[tuple[str, str | None, str | None]] = set()
    for candidate in sorted(_direction_candidates(s, numbers)):
        if any(rule.applies(figures, candidate) for rule in _FIGURE_STATED):
            continue
        move = _read_move(s, candidate, mentions, carried)
        if any(rule.applies(s, move, report_month) for rule in _NOT_THIS_MONTHS_MOVE) or move.direction is None:
            continue
        # a part named after the move ("production increased in southwestern Guizhou") is the move's
        segment = own_part(segment_after(s[move.end:]) or segment_in(s[move.clause:move.start], paragraph_segment),
                           section.commodity)
        key = (move.comparison, segment, move.metric)
        if key in seen:
            continue
        seen.add(key)
        found.append(_direction_fact(s, offset, move, segment, bool(mentions), report_month, section))
    return found


def _direction_candidates(s: str, numbers: list[NumberSpan]) -> list[_Candidate]:
    """Moves stated with a marker ("edged down MoM", "YoY decline"), then expectations ("expected to rebound") where
    the sentence has no number, then outlooks and past moves with no marker, each unless an earlier one covers it."""
    marked = prefilter.search(_A_MARKER, s) is not None  # a sentence with no marker holds no marked move
    candidates: list[_Candidate] = [
        (m.start(), m.end(), m.group("verb"), _marked(m))
        for m in ((*prefilter.finditer(_DIRECTION_CLAUSE, s), *prefilter.finditer(_MARKER_FIRST, s)) if marked else ())]
    if not numbers:
        for match in prefilter.finditer(_FORECAST_DIRECTION, s):
            if not any(a <= match.start() < b for a, b, _, _ in candidates):
                candidates.append((match.start(), match.end(), match.group("verb"), _compared_after(s, match.end())))
    for start, end, verb, comparison in outlook_candidates(s):
        if not any(a <= start < b or a < end <= b for a, b, _, _ in candidates):
            candidates.append((start, end, verb, comparison))
    return candidates


def _marked(match: re.Match[str]) -> str:
    """The comparison a move's marker names: 'yoy' or 'mom'."""
    return "yoy" if lexicon.category_of(match.group("marker"), "yoy_marker") else "mom"


@dataclass(frozen=True)
class _Figures:
    """What the sentence's numbers already state: the spans of its figures' quotes and the (clause start,
    comparison) of its changes."""

    s: str
    numbers: list[NumberSpan]
    consumed: list[tuple[int, int]]
    stated: set[tuple[int, str | None]]


class _FigureRule(NamedTuple):
    name: str
    applies: Callable[[_Figures, _Candidate], bool]


# A move a figure already states is no bare direction; read before the move's metric and period are looked for.
_FIGURE_STATED: tuple[_FigureRule, ...] = (
    _FigureRule("inside a figure's quote", lambda figures, c: any(
        a <= c[0] < b or a < c[1] <= b for a, b in figures.consumed)),
    _FigureRule("a number inside the move", lambda figures, c: any(
        n.start >= c[0] and n.end <= c[1] for n in figures.numbers)),
    _FigureRule("its clause states a change of this comparison with a number",
                lambda figures, c: (clause_start_of(figures.s, c[0]), c[3]) in figures.stated),
)


@dataclass(frozen=True)
class _Move:
    """A candidate move with what its words say: its clause's start, metric, period and direction."""

    start: int
    end: int
    clause: int
    metric: str | None
    comparison: str
    period: str | None
    direction: str | None


_DIRECTION_METRICS = ("production", "operating_rate", "cumulative_production")
_OUTPUT_AFTER = re.compile(rf"^\s+(?:the\s+|its\s+|their\s+)?{_words('output_word')}\b", re.I)
_WHAT_MOVES_IT = re.compile(rf"^\s*{_words('moving_subject')}\b", re.I)  # "This is set to increase the output"
_FLAT_VERB = re.compile(rf"\b{_words('flat_state')}\b", re.I)
_DOWN_TREND = re.compile(_words("down_trend"), re.I)


def _read_move(s: str, candidate: _Candidate, mentions: list[cl.MonthMention], carried: str | None) -> _Move:
    """The move's metric, its period (the nearest month named), and its direction; a move of the cumulative
    total is of cumulative production, compared with the same span of last year."""
    start, end, verb, comparison = candidate
    metric, _ = metric_before(s, end)
    if metric is None and _OUTPUT_AFTER.match(s[end:]) and _WHAT_MOVES_IT.match(s[clause_start_of(s, start):start]):
        metric = "production"  # "this is set to increase the output of primary lead": the move's object
    period, cumulative = period_at(mentions, start, carried, nearest=True)
    if cumulative and metric in _DIRECTION_METRICS:
        metric = "cumulative_production"
    if metric == "cumulative_production":
        comparison = "yoy"  # a total since January moves against the same span of last year
    return _Move(start, end, clause_start_of(s, start), metric, comparison, period, _direction_of(verb))


def _direction_of(verb: str) -> str | None:
    if _DOWN_TREND.search(verb):
        return "down"
    return "flat" if _FLAT_VERB.search(verb) else cl.last_direction(verb)[0]


class _MoveRule(NamedTuple):
    name: str
    applies: Callable[[str, _Move, str | None], bool]  # (sentence, move, report month)


# Read in order; the first that applies leaves the move out.
_NOT_THIS_MONTHS_MOVE: tuple[_MoveRule, ...] = (
    _MoveRule("not a move of output or its rate", lambda s, move, report_month: move.metric not in _DIRECTION_METRICS),
    # narrative about earlier months ("rebounded in October") is history, not this report's facts
    _MoveRule("no period, or a month before the report's", lambda s, move, report_month: move.period is None or bool(
        report_month and move.period < report_month)),
    # "expected to rise to 525,000 mt": the number is the fact, not a bare direction
    _MoveRule("a figure follows", lambda s, move, report_month: bool(_FIGURE_FOLLOWS.match(s[move.end:move.end + 40]))),
    # "output fell week on week", "weekly output is expected to rise": no move of the month
    _MoveRule("a week's move", lambda s, move, report_month: speaks_of_a_week(s[move.clause:move.start], s[move.end:])),
)


def _direction_fact(s: str, offset: int, move: _Move, segment: str | None, names_month: bool,
                    report_month: str | None, section: Section) -> Fact:
    """The *_direction fact of a move; "is expected to increase in the future", no month named, is of the month
    after the report month."""
    assert move.metric is not None and move.period is not None and move.direction is not None
    period = move.period
    forecast_cue = bool(prefilter.search(vocab.FORECAST_CUE, s[:move.end]))
    if forecast_cue and not names_month and period == report_month and report_month is not None:
        period = shift_month(report_month, 1)
    basis = basis_for(period, report_month, forecast_cue)
    content = content_of(s[move.clause:move.start], s[move.end:move.end + 40], None)
    label = Label(section.commodity, section.region, as_metric(move.metric), segment, content, period,
                  as_basis(basis), as_measure(f"{move.comparison}_direction"))
    span = Span(offset + move.start, offset + move.end)
    fact = Fact(label, move.direction, None, None, s[move.start:move.end], span, span, section=section.index)
    if not section.known:
        fact.flag(f"heading '{section.heading}' is not in the commodity table" if section.heading else
                  f"product '{section.commodity}' is not in the commodity table")
    return fact
