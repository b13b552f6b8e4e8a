"""The labeller's decisions as tables of named rules, read in order by one small engine.

Each rule is a value (as in Duckling's `rules` lists): a name, a condition over a number's features
(rules/features.py), the part of the label it gives, and an example of our own wording. The tables:

- `SCREENS`: numbers that get no contract label (a difference from an expectation, a size class's bound, a
  project's capacity, ...) or a label of their own (the output maintenance takes). The first rule that holds decides.
- `MEASURES`: whether the number is a level or a change. The first rule that holds decides; the order is the
  precedence ("from April's 2.49 million tonnes" is April's level even after a direction word).
- `LATE_SCREENS`: numbers screened once their measure is known.
- `FLAGS`: the reasons a labelled number is still sent to review, all that hold, in this order (the first is
  the fact's `reason`, the others its notes).

A table's order is its precedence, written here and nowhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Generic, Sequence, TypeVar

from extractor.record import ReviewKind as K
from extractor.record import ReviewReason
from extractor.rules import cues
from extractor.rules.context import (
    in_percent_range,
    month_comparison,
    names_earlier_period,
    size_classes,
)
from extractor.rules.figure_months import month_named_after
from extractor.rules.features import NumberFeatures, clause_end
from extractor.rules.objections import against_another_year, dated_to_another_year
from extractor.rules.reasons import review_reason
from extractor.rules.sections import Section
from extractor.text import clauses as cl
from extractor.text import prefilter
from extractor.text import vocabulary as vocab
from extractor.text.lexicon import MARKERS, category_of, words
from extractor.text.months import MONTH_NAMES, in_window, months_between, resolve_month, shift_month
from schemas.periods import RATE_METRICS

In = TypeVar("In")
Out = TypeVar("Out")


@dataclass(frozen=True)
class Rule(Generic[In, Out]):
    """One named decision: where `when` holds of what it reads, it gives `gives` of it."""

    name: str
    when: Callable[[In], bool]
    gives: Callable[[In], Out]
    example: str  # a sentence of our own wording it is written for


def first_match(rules: Sequence[Rule[In, Out]], subject: In) -> tuple[str, Out] | None:
    """The name and outcome of the first rule whose condition holds, or None where none does."""
    for rule in rules:
        if rule.when(subject):
            return rule.name, rule.gives(subject)
    return None


def all_matches(rules: Sequence[Rule[In, Out]], subject: In) -> list[Out]:
    """The outcomes of every rule whose condition holds, in the table's order."""
    return [rule.gives(subject) for rule in rules if rule.when(subject)]


def holding(rules: Sequence[Rule[In, Out]], subject: In) -> list[str]:
    """The names of every rule whose condition holds, in order (the first decides where the table is first-match)."""
    return [rule.name for rule in rules if rule.when(subject)]


# --- Screens ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """What a screen gives: the metric ('other' for a number kept for review) and the reason it leaves."""

    metric: str
    review: ReviewReason | None = None


def _review(kind: K) -> Callable[[NumberFeatures], Verdict]:
    return lambda f: Verdict("other", review_reason(kind))


def _mass(f: NumberFeatures) -> bool:
    return f.unit.startswith("mt")


def _versus_expectation(f: NumberFeatures) -> bool:
    return bool(vocab.VERSUS_EXPECTATION.match(f.post) or vocab.EXPECTATION_AFTER.match(f.post)
                or cues.EXPECTATIONS_BY.search(f.local_pre))


def _size_class(f: NumberFeatures) -> bool:
    n = f.number
    return any(start <= n.start < end for start, end, _ in size_classes(f.s))


def _maintenance(f: NumberFeatures) -> bool:
    n, start = f.number, f.place.clause_start
    return _mass(f) and bool(cues.CUT_BY.search(f.local_pre)) and bool(
        cues.FOR_MAINTENANCE.match(f.s[n.end:clause_end(f.s, n.end)])
        or cues.MAINTENANCE_WORD.search(f.s[max(start, n.start - 80):n.start]))


def _capacity(f: NumberFeatures) -> bool:
    return f.metric in ("capacity", "operating_capacity")


def _project(f: NumberFeatures) -> bool:
    return _capacity(f) and bool(cues.PROJECT.search(f.s[max(f.place.clause_start, f.number.start - 70):f.number.start]))


SCREENS: tuple[Rule[NumberFeatures, Verdict], ...] = (
    Rule("versus expectation", _versus_expectation, _review(K.EXPECTATION_GAP),
         "output came in 2,000 mt below expectations"),
    Rule("largest change", lambda f: bool(prefilter.search(cues.LARGEST_CHANGE, f.local_pre)),
         _review(K.LARGEST_CHANGE), "the sharpest drop reached 9%"),
    Rule("size class", _size_class, _review(K.SIZE_CLASS), "mills with annual capacity above 80,000 mt ran at 71%"),
    Rule("maintenance loss", _maintenance, lambda f: Verdict("maintenance_impact"),
         "an overhaul cut production by 6,000 mt"),
    Rule("output affected", lambda f: _mass(f) and bool(cues.OUTPUT_AFFECTED.search(f.clause_pre)),
         _review(K.OUTPUT_AFFECTED), "the output affected is put at 4,000 mt"),
    Rule("loss named after", lambda f: bool(f.named_after and cues.LOSS_BEFORE.search(f.local_pre)),
         _review(K.OUTPUT_AFFECTED), "the outage hit about 3,000 mt of output"),
    Rule("no metric", lambda f: f.metric is None, _review(K.NO_METRIC), "the figure was 5,000 mt"),
    Rule("objection", lambda f: f.objection is not None,
         lambda f: Verdict("other", review_reason(K.NOT_THE_COMMODITY, f.objection)),
         "a refinery in the south will cut its capacity by 10%"),
    Rule("annual change", lambda f: bool(prefilter.search(cues.ANNUAL_CHANGE, f.clause_pre)), _review(K.ANNUAL_CHANGE),
         "two lines will add annual output of 20,000 mt"),
    Rule("survey sample", lambda f: _capacity(f) and bool(cues.SURVEY_SAMPLE.search(f.s)), _review(K.SURVEY_SAMPLE),
         "the surveyed smelters hold a capacity of 3 million mt"),
    Rule("project capacity", _project, _review(K.PROJECT_CAPACITY), "the new projects' capacity of 200,000 mt"),
    Rule("quarter on quarter", lambda f: f.comparison_after == "qoq", _review(K.QUARTER_ON_QUARTER),
         "output rose 4% QoQ"),
)


# --- Level or change ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    """What a measure rule gives: level or change, and the direction and period it is read with."""

    is_change: bool
    direction: str | None
    direction_at: int
    period: str | None


def _level(f: NumberFeatures) -> Measured:
    return Measured(False, f.direction, f.direction_at, f.period)


def _change(f: NumberFeatures) -> Measured:
    return Measured(True, f.direction, f.direction_at, f.period)


def _month_level(f: NumberFeatures, change: bool = False) -> Measured:
    """Another month's level named after a comparison ("up from March's 1.2 million tonnes"), or its own change
    ("faster than April's 5.2-percent growth")."""
    assert f.month_level is not None
    named = resolve_month(f.month_level.group(1), f.place.report_month)
    return Measured(change, f.direction, f.direction_at, named or f.period)


def _than(f: NumberFeatures) -> Measured:
    assert f.than_after is not None
    word = f.than_after.group(1)
    up = word.lower() == "up" or category_of(word, "comparative_up") is not None
    return Measured(True, "up" if up else "down", len(f.local_pre), f.period)


# a move's comparison, then its figure with "about" or "around" and no "by": the level it moves to
_MARKER_LAST = re.compile(rf"\b(?:{MARKERS})\s*$", re.I)


def _level_cue_last(f: NumberFeatures) -> bool:
    return f.level_cue is not None and (f.direction is None or f.level_cue.start() > f.direction_at) \
        and not _same_kind_as_before(f)  # ("a decrease of 3.5% month-on-month and of 12.4% year-on-year")


def _base_of_change(f: NumberFeatures) -> bool:
    """A mass (or a rate, after a rate's level) a change starts from, named with its own month or an earlier period
    ("climbed from 1.9 million mt in July", "down from 2.61 million mt the previous year")."""
    based = prefilter.search(cues.FROM_BASE, f.local_pre) \
        or f.previous is not None and cues.THAN_THE_FIGURE.match(f.local_pre) \
        or f.number.qualifier == "over" and cues.CHANGE_NOUN_OVER.search(f.local_pre)
    rate_after_a_rate = f.unit == "%" and f.metric in RATE_METRICS and f.previous is not None \
        and not f.previous.change  # ("ran at 68.3% in March, down from 70.9% a year earlier")
    return bool(based) and (f.unit.startswith("mt") or rate_after_a_rate) and (
        month_named_after(f.place.mentions, f.s, f.number.end) is not None
        or names_earlier_period(f.post, base=True))


# a rate's next figure after "from" ("edged down from 59.8% in May, to 58.7% in June"; "rose from 55.1% to 58.3%")
_FROM_END = re.compile(r"\bfrom\s*$")
_TO_RATE = re.compile(rf"\s*(?:in\s+(?:{MONTH_NAMES})\.?(?:\s+(?:19|20)\d\d)?\s*)?,?\s*to\s+[\d.]+\s*(?:%|per\s?cent)")


def _rate_base(f: NumberFeatures) -> bool:
    """A rate a move starts from, before the rate it moves to: a level, not a change."""
    return f.unit == "%" and f.metric in RATE_METRICS and bool(_FROM_END.search(f.local_pre)) \
        and bool(_TO_RATE.match(f.s, f.number.end))


def _rate_base_level(f: NumberFeatures) -> Measured:
    """The rate moved from: of the month named after it, else of the month before the figure's."""
    named = month_named_after(f.place.mentions, f.s, f.number.end) is not None
    period = f.period if named or f.period is None else shift_month(f.period, -1)
    return Measured(False, None, -1, period)


# a place named in a list, capitalised as a name is ("Yunnan", "the Republic of Korea", "Eastern and Central Europe")
_PLACE = r"(?-i:[A-Z][\w-]*(?:\s+(?:(?:of|and)\s+(?:the\s+)?)?[A-Z][\w-]*){0,3})"
# a list's next change after a place named for the one before ("rose 7% in Yunnan and 3% in Hunan")
_PLACE_BEFORE = rf"(?:in\s+(?:the\s+)?{_PLACE}\s*)?"


def _same_kind_as_before(f: NumberFeatures) -> bool:
    return f.previous is not None and f.previous.change and bool(re.fullmatch(
        rf"\s*,?\s*(?:(?:{MARKERS}|(?:over|from|against)\s+(?:{MONTH_NAMES}))\s+)?{_PLACE_BEFORE}"  # ("... over June and of
        rf"(?:,|and|,\s*and|or|,\s*or|(?:{MARKERS})?\s*\()(?:\s+(?:of|by))?\s*", f.local_pre or " ", re.I))  # 3.6%")


# a list's next place and its change, after a change and its level ("rose by 19.8% to 218 kt, Western Europe 4.1% to
# 280 kt, Oceania by 5.0% to 151 kt")
_LIST_PLACE = re.compile(rf"\s*(?:,|,?\s*and)\s+(?:the\s+)?{_PLACE}\s+(?:by\s+)?")


def _unknown_named(section: Section) -> str:
    """How a review names a product the commodity table does not know: its heading, else its id."""
    return f"heading '{section.heading}'" if section.heading else f"product '{section.commodity}'"


def _list_places_change(f: NumberFeatures) -> bool:
    return f.unit == "%" and f.previous is not None and bool(_LIST_PLACE.fullmatch(f.local_pre)) \
        and cl.last_direction(f.clause_pre)[0] is not None


def _change_compared(f: NumberFeatures) -> bool:
    """A percentage compared with after a change, another month's change ("up 0.1% YoY, compared with 4.2% in
    April")."""
    return f.previous is not None and f.previous.change and f.unit == "%" and bool(
        cues.CHANGE_COMPARED_BEFORE.search(f.local_pre)) and month_named_after(f.place.mentions, f.s, f.number.end) \
        is not None



_PCT = ("%", "pp")
_FROM_BEFORE = re.compile(rf"\bfrom\s+(?:{words('approx')}\s*)?$", re.I)  # a change's base level ("from about")
_PCT_OR_MASS = ("%", "pp", "mt")

MEASURES: tuple[Rule[NumberFeatures, Measured], ...] = (
    Rule("another month's change", lambda f: bool(f.month_level) and bool(cues.CHANGE_NOUN_AFTER.match(f.post)),
         lambda f: _month_level(f, change=True), "faster than April's 5.2-percent growth"),
    Rule("another month's level", lambda f: bool(f.month_level) and f.unit != "pp", _month_level,
         "up from March's 1.2 million tonnes"),
    Rule("expected level", lambda f: f.expected_level, _level, "against the expected 90,000 mt"),
    Rule("percentage points", lambda f: f.unit == "pp" and (f.direction is not None or f.than_after is None), _change,
         "the rate gained 2.5 percentage points"),
    Rule("balance by", lambda f: f.metric == "balance" and bool(cues.BALANCE_BY.search(f.local_pre)), _level,
         "the market was in surplus by 20,000 mt"),
    Rule("a mark", lambda f: f.unit == "mt" and bool(cues.MARK_AFTER.match(f.post)), _level,
         "output fell below the 3,000 mt mark"),
    Rule("share accounted for", lambda f: f.metric == "share" and f.unit == "%"
         and bool(cues.SHARE_VERB_BEFORE.search(f.local_pre)), _level,
         "on higher ore supply, it accounts for about 54% of world output"),
    Rule("growth rate", lambda f: f.unit == "%" and bool(prefilter.search(cues.GROWTH_RATE, f.clause_pre)),
         lambda f: Measured(True, "up", len(f.local_pre), f.period), "growth slowed to 1.3%, from 6.2% in April"),
    Rule("a rate moved from", _rate_base, _rate_base_level, "the rate rose from 55.1% to 58.3%"),
    Rule("a base from", lambda f: f.unit not in _PCT and bool(_FROM_BEFORE.search(f.local_pre)), _level,
         "a 16.93% MoM drop from 3,780 mt in April"),
    Rule("change word before", lambda f: bool(f.comparison_noun or f.change_cue or f.size_moved), _change,
         "a MoM increase of 3.1%"),
    Rule("than after", lambda f: f.than_after is not None and f.unit in _PCT_OR_MASS, _than,
         "was 1.8% lower than in May"),
    Rule("level word last", _level_cue_last, _level, "rose and stood at 40,000 mt"),
    Rule("about a level after the comparison", lambda f: f.unit == "mt" and f.number.qualifier == "approx"
         and bool(_MARKER_LAST.search(f.local_pre)), _level, "will be higher on the month around 3.1 million mt"),
    Rule("base of a change", _base_of_change, _level, "climbed from 1.9 million in July"),
    Rule("bound reached", lambda f: f.number.qualifier in ("over", "under") and bool(
        cues.BOUND_MOVE.search(f.s[f.place.prev_end:f.number.start])), _level, "topped the 50,000 mt mark"),
    Rule("direction word", lambda f: f.direction in ("up", "down"), _change, "output fell 2%"),
    Rule("comparison after", lambda f: bool(f.comparison_after) and f.unit in _PCT, _change, "4% YoY"),
    Rule("mass with marker after", lambda f: f.unit == "mt" and bool(cues.MARKER_AFTER.match(f.post)), _change,
         "and 12kt month on month"),
    Rule("change noun after", lambda f: bool(cues.CHANGE_NOUN_AFTER.match(f.post)) and f.unit in _PCT_OR_MASS,
         _change, "marking a 2.2% rise"),
    Rule("same kind as before", _same_kind_as_before, _change, "up 1.5% and 6% YoY"),
    Rule("a list's next place", _list_places_change, _change, "rose 9% to 218 kt, Western Europe 4% to 280 kt"),
    Rule("another month's change compared", _change_compared, _change, "up 1% YoY, compared with 4% in April"),
    Rule("against a month named", lambda f: f.unit in _PCT and month_comparison(f.post, f.period) is not None,
         _change, "3% above June"),
    Rule("otherwise a level", lambda f: True, _level, "output was 64,000 mt"),
)


# --- After the measure --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """A number's label as read so far, for the rules that check it: its features, how its change was read
    (`comparison_guessed`: taken as MoM for want of a marker; `direction_guessed`: no direction word), its measure,
    unit and value, the period it was measured with (`change_period`) and its final period."""

    features: NumberFeatures
    is_change: bool
    comparison_guessed: bool
    direction_guessed: bool
    measure: str | None
    unit: str | None
    value: Any
    change_period: str | None
    period: str | None


LATE_SCREENS: tuple[Rule[Draft, Verdict], ...] = (
    Rule("unit misfit", lambda d: d.measure is None,
         lambda d: Verdict("other", review_reason(K.UNIT_MISFIT, d.features.unit or "unitless", d.features.metric)),
         "a price of 5 for the capacity"),
    Rule("some producers' bound", lambda d: d.measure == "level" and d.features.number.qualifier in ("over", "under")
         and d.features.metric in RATE_METRICS and bool(vocab.SOME_PRODUCERS.search(d.features.clause_pre)),
         lambda d: Verdict("other", review_reason(K.SOME_PRODUCERS)), "some mills ran above 90%"),
)


def _far_from_report(d: Draft) -> bool:
    """A guessed MoM is sure enough for the reviewed and the forecast month only."""
    report_month = d.features.place.report_month
    return d.change_period is None or report_month is None or months_between(report_month, d.change_period) not in (0, 1)


def _dated(d: Draft) -> str | None:
    return dated_to_another_year(d.features.local_pre, d.features.post, d.change_period)


def _whole_year_near(d: Draft) -> bool:
    """A year's total of the report's year or the next (its December, cumulative): an outlook for the year ("is
    expected to edge 0.2% higher this year", "a further 1.7% increase in 2017") is no far month; nor is a year named
    two years back ("a year-on-year growth of 8.1% in 2013" in a report of February 2015)."""
    report_month = d.features.place.report_month
    return d.period is not None and report_month is not None and d.period.endswith("-12") and \
        d.features.metric == "cumulative_production" and -2 <= int(d.period[:4]) - int(report_month[:4]) <= 1


def _respectively(d: Draft) -> bool:
    s, end = d.features.s, d.features.number.end
    return bool(cues.RESPECTIVELY_WORD.search(s[end:clause_end(s, end)]))


# A span's figure (a whole year's, "the second half of 2019") may be forecast further ahead than a month's: up to the
# end of the year after the report's.
_SPAN_AHEAD = 24


def _far(d: Draft) -> bool:
    f, period = d.features, d.period
    if period is None or in_window(period, f.place.report_month):
        return False
    span = f.cumulative or any(m.part and m.period == period for m in f.place.mentions)
    report_month = f.place.report_month
    return not (span and report_month is not None and 0 < months_between(report_month, period) <= _SPAN_AHEAD)


FLAGS: tuple[Rule[Draft, ReviewReason], ...] = (
    Rule("no period", lambda d: d.period is None, lambda d: review_reason(K.NO_PERIOD), "output was 3,000 mt"),
    Rule("comparison not stated", lambda d: d.comparison_guessed and _far_from_report(d),
         lambda d: review_reason(K.COMPARISON_NOT_STATED), "output rose 3% in January 2021"),
    Rule("dated to another year", lambda d: d.comparison_guessed and _dated(d) is not None,
         lambda d: review_reason(K.DATED_ELSEWHERE, _dated(d)), "capacity will be cut by 8% in 2031"),
    Rule("against another year", lambda d: d.measure is not None and d.measure.startswith("yoy_")
         and against_another_year(d.features.post, d.change_period) is not None,
         lambda d: review_reason(K.DATED_ELSEWHERE, against_another_year(d.features.post, d.change_period)),
         "output was 10% below the same period in 2019"),
    Rule("no direction", lambda d: d.direction_guessed, lambda d: review_reason(K.NO_DIRECTION),
         "the change was 3%"),
    Rule("price segment", lambda d: d.features.metric == "price", lambda d: review_reason(K.PRICE_SEGMENT),
         "the price was 20,000 yuan/mt"),
    Rule("far period", lambda d: _far(d) and not _whole_year_near(d),
         lambda d: review_reason(K.FAR_PERIOD, d.period, d.features.place.report_month),
         "output in January 2019 was 5,000 mt"),
    Rule("rate out of range", lambda d: d.features.metric in RATE_METRICS and d.measure == "level"
         and not in_percent_range(d.value), lambda d: review_reason(K.RATE_RANGE), "the operating rate was 130%"),
    Rule("respectively", _respectively, lambda d: review_reason(K.RESPECTIVELY), "rose 2% and 3%, respectively"),
    Rule("unknown heading", lambda d: not d.features.place.section.known,
         lambda d: review_reason(K.UNKNOWN_HEADING, _unknown_named(d.features.place.section)),
         "(a section of no commodity)"),
)
