"""What the labeller knows about one number before it decides anything: where the number stands (`NumberPlace`) and
the features read from the words around it (`NumberFeatures`), computed once. The rules of the decision tables
(rules/label_rules.py) are conditions over these features; none reads the sentence again for itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from extractor.rules import cues
from extractor.rules.context import Previous, in_an_aside, metric_before
from extractor.rules.figure_months import period_at
from extractor.rules.figures import signed_direction
from extractor.rules.objections import Figure, own_market_use, whose_figure
from extractor.rules.sections import Section
from extractor.text import clauses as cl
from extractor.text import prefilter
from extractor.text import vocabulary as vocab
from extractor.text.lexicon import words
from extractor.text.months import MONTH_NAMES
from extractor.text.numbers import NumberSpan
from schemas.periods import RATE_METRICS

# The metric a metric word after a mass names ("2.6 million mt of output").
_NAMED_AFTER = {"capacity": "capacity", "output": "production", "production": "production", "imports": "imports",
                "exports": "exports", "inventory": "inventory", "inventories": "inventory"}


def clause_end(s: str, position: int) -> int:
    """Where the clause holding `position` ends: the next ';' or ':', else the sentence's end."""
    ends = [i for i in (s.find(";", position), s.find(":", position)) if i >= 0]
    return min(ends) if ends else len(s)


@dataclass(frozen=True)
class NumberPlace:
    """Where a number stands: its sentence (and the sentence's offset in the document), the bounds of its own words
    (from the figure before it, or its clause's start, to the next figure or its clause's end), the months the
    sentence names, what was carried to it from before, and the section it is in."""

    s: str
    offset: int
    number: NumberSpan
    mentions: list[cl.MonthMention]
    carried: str | None  # the period carried from the sentences before
    report_month: str | None
    section: Section
    clause_start: int
    prev_end: int  # where the figure before it ends (or its clause starts)
    next_start: int  # where the next figure starts (or its clause ends)
    previous: Previous | None  # the label of the figure before it in its clause
    paragraph_segment: str | None
    paragraph_metric: str | None


@dataclass(frozen=True)
class NumberFeatures:
    """The features of one number the rules read: its words, the metric read for it, its period, and the level,
    change and direction cues around it."""

    place: NumberPlace
    unit: str  # the number's unit, "" for none
    local_pre: str  # its own words before it (from the figure before it)
    post: str  # its own words after it (to the next figure)
    clause_pre: str  # its clause up to it
    metric: str | None
    metric_end: int  # where the metric word nearest before it ends (-1: none)
    named_after: re.Match[str] | None  # a metric word after a mass ("... mt of capacity")
    change_in: re.Match[str] | None  # "an 8.4% drop in ...": a change of what follows
    period: str | None
    cumulative: bool
    objection: str | None  # why it is not the commodity's figure, where an objection fits
    comparison_noun: re.Match[str] | None
    level_cue: re.Match[str] | None
    change_cue: re.Match[str] | None
    direction: str | None
    direction_at: int
    size_moved: re.Match[str] | None  # "the MoM decline expanding to 7%"
    comparison_after: str | None  # 'mom', 'yoy' or 'qoq' marked right after it
    expected_level: bool  # "the expected 120,600 mt": an expected level
    than_after: re.Match[str] | None  # "2.3% lower than ..."
    month_level: re.Match[str] | None  # "from April's 2.49 million tonnes"
    market_use: str | None = None  # "usage totalled 1.1 million t": what the market uses it is a figure of

    @property
    def number(self) -> NumberSpan:
        return self.place.number

    @property
    def s(self) -> str:
        return self.place.s

    @property
    def previous(self) -> Previous | None:
        return self.place.previous

    def before(self, width: int) -> str:
        """The sentence's `width` characters up to the number (not before its sentence)."""
        return self.s[max(0, self.number.start - width):self.number.start]


def features_of(place: NumberPlace) -> NumberFeatures:
    """Read every feature of the number at `place` once."""
    s, number = place.s, place.number
    unit = number.unit or ""
    local_pre = s[place.prev_end:number.qualifier_start]
    post = s[number.end:place.next_start]
    metric_word, metric_end = metric_before(s, number.start)
    named_after = cues.METRIC_AFTER.match(post) if unit.startswith("mt") else None
    change_in = prefilter.match(cues.CHANGE_IN, post)
    period, cumulative = period_at(place.mentions, number.start, place.carried, s=s, number_end=number.end)
    metric = _metric(place, unit, local_pre, post, metric_word, metric_end, named_after, change_in)
    metric = _over_the_period(place, metric, metric_end, period, cumulative)
    metric, objection, market_use = _whose(place, local_pre, post, metric, metric_end)
    direction, direction_at = cl.last_direction(local_pre)
    signed = signed_direction(s, number)
    if signed is not None and unit in ("%", "pp"):  # "+7.9% y/y", "-1.5% y/y": the sign is the direction
        direction, direction_at = signed, len(local_pre)
    size_moved = prefilter.search(cues.CHANGE_SIZE_MOVED, local_pre) if unit in ("%", "pp") else None
    if size_moved:  # "the MoM decline expanding to 7%": the noun's direction, whatever the verb of its size
        direction, direction_at = cl.last_direction(size_moved.group("noun"))[0], size_moved.start()
    # "the expected 120,600 mt", "expectations (120,600 mt)"; but "an estimated 1.8% drop in ..." is a change
    expected_level = (bool(prefilter.search(vocab.EXPECTED_BEFORE, local_pre))
                      or bool(cues.EXPECTATIONS_OPEN.search(local_pre)) or bool(cues.TARGET_AFTER.match(post))) \
        and unit != "pp" and not change_in
    return NumberFeatures(
        place, unit, local_pre, post, s[place.clause_start:number.start], metric, metric_end, named_after, change_in,
        period, cumulative, objection, prefilter.search(vocab.COMPARISON_NOUN, local_pre),
        prefilter.search(vocab.LEVEL_CUES, local_pre),
        prefilter.search(vocab.CHANGE_CUES, local_pre), direction, direction_at, size_moved,
        _comparison_after(post), expected_level,
        _than_after(s, number.end, local_pre, post), cues.MONTH_LEVEL.search(local_pre), market_use,
    )


def _than_after(s: str, end: int, local_pre: str, post: str) -> re.Match[str] | None:
    """The comparative right after a figure, past a figure set beside it ("17,200 mt or 3.5% lower than ...", "2.56
    per cent, or 65,000 mt, higher than ..."), and so of the figure set beside it."""
    if post.strip(" ,") == "or":
        return cues.THAN_AFTER.match(s[end:end + 120])
    return cues.THAN_AFTER.match(post.lstrip(" ,") if local_pre.strip(" ,") == "or" else post)


def _comparison_after(post: str) -> str | None:
    """The comparison marked within 60 characters after a figure, past the month it is of ("7.5% during the month of
    November year-on-year", "a 1.5 percent growth compared to the last year's corresponding period"): 'mom', 'yoy' or
    'qoq'."""
    if cl.QOQ.search(post[:24]):
        return "qoq"
    month = cues.MONTH_AFTER.match(post)
    return cl.comparison_near(post[month.end() if month else 0:][:60])


def _whose(place: NumberPlace, local_pre: str, post: str, metric: str | None, metric_end: int,
           ) -> tuple[str | None, str | None, str | None]:
    """The metric, the objection to the figure and what the market uses that it is a figure of (`objections.py`).
    A figure with no metric word whose own words name what the market uses ("An increase in world demand of 6.4%")
    is that use's."""
    figure = Figure(place.s, place.number, place.clause_start, local_pre, post, metric or "other", metric_end,
                    place.section.commodity)
    if metric is None and own_market_use(figure) is not None:
        metric = "production"  # a placeholder: the figure of a market's use is labelled `other`, by its word
    if metric is None:
        return None, None, None
    return (metric, *whose_figure(replace(figure, metric=metric)))


def _metric(place: NumberPlace, unit: str, local_pre: str, post: str, metric: str | None, metric_end: int,
            named_after: re.Match[str] | None, change_in: re.Match[str] | None) -> str | None:
    """The metric of the number: the word named nearest before it, else what a word after it names, else the
    figure's before it or the paragraph's; then the corrections its unit and the words after it make."""
    previous = place.previous
    if previous is not None and previous.metric is not None and metric_end <= place.prev_end \
            and not in_an_aside(place.s, place.prev_end, place.number.start):
        metric = previous.metric  # the word before the figure before is that figure's ("... 1.16 million mt, up 2.7%")
    if named_after:  # "70.86 million mt of capacity ... in operation", "2.6 million mt of output"
        metric = "operating_capacity" if cues.IN_OPERATION.search(post) else \
            _NAMED_AFTER[named_after.group(1).lower()]
    if change_in:  # "an 8.4% drop in treatment charges", "a 5% rise in imports": the change is of what follows
        metric = _first_metric(post, change_in.end(), change_in.end() + 60) or metric
    metric = metric or _named_after_figure(unit, local_pre, _past_parenthesis(place.s, place.number.end, post))
    metric = metric or _output_in_after(post) or _month_s_level(place.s, unit, local_pre)
    if metric is None and previous is not None:
        metric = previous.metric
    if metric is None:
        metric = place.paragraph_metric
    return _metric_corrected(place, unit, local_pre, post, metric)


def _over_the_period(place: NumberPlace, metric: str | None, metric_end: int, period: str | None,
                     cumulative: bool) -> str | None:
    """Output over a span or year is cumulative; a figure that takes the total's metric of the figure before it but is
    dated by a month of its own is the month's ("fell 9.5% in 2020 to 11.1 mt but rose 12.3% to 861,000 mt last
    month")."""
    if cumulative and metric in ("production", None):
        return "cumulative_production"
    if metric == "cumulative_production" and not cumulative and _month_of_its_own(place, period, metric_end):
        return "production"
    return metric


def _month_of_its_own(place: NumberPlace, period: str | None, metric_end: int) -> bool:
    """Whether a figure that takes the total's metric of the figure before it is dated by a month named after that
    figure, not by the span or year."""
    return place.previous is not None and metric_end <= place.prev_end and any(
        m.period == period and not m.cumulative and m.position >= place.prev_end for m in place.mentions)


_PARENTHESIS = re.compile(r"\s*\([^()]{0,60}\)")


def _past_parenthesis(s: str, end: int, post: str) -> str:
    """The words after a figure, past a parenthesis right after it ("At 126 kt (converted to 65% WO3), China's output
    was ...", "At 8.1 million tonnes (MT), India's output ..."); its own words where the next figure follows the
    parenthesis at once."""
    aside = _PARENTHESIS.match(s, end)
    return s[aside.end():aside.end() + 120] if aside is not None and not _PARENTHESIS.fullmatch(post) else post


def _named_after_figure(unit: str, local_pre: str, post: str) -> str | None:
    """The metric named after a figure that opens its clause ("At 2.62 million mt in July, stainless steel production
    was ...") or that is said to be produced ("A total of 652,379 tonnes was produced in May")."""
    if cues.opens_with_figure(local_pre):
        return _first_metric(post, 0, 80)
    return "production" if unit.startswith("mt") and cues.PRODUCED_AFTER.match(post) else None


def in_composition(place: NumberPlace) -> bool:
    """Whether the figure is one of a whole's parts its clause lists ("comprised 53.16% MHP, ...", read past the figure:
    "came 0% from nickel powder, ...")."""
    return bool(cues.COMPOSED_OF.search(place.s, place.clause_start, place.number.end + 8))


def _part_share(place: NumberPlace, local_pre: str, post: str) -> bool:
    """Whether a percentage set beside a part's output ("..., or 70.45% of the total") is the part's share."""
    previous = place.previous
    return previous is not None and not previous.change and previous.segment is not None \
        and local_pre.strip(" ,") == "or" and previous.metric in ("production", "cumulative_production")


# a sentence whose subject is a month, reaching its level ("June landed at 512,000 tonnes"): the month's output
_MONTH_REACHED = re.compile(rf"^\W*(?:{MONTH_NAMES})\.?(?:\s+(?:19|20)\d\d)?\s+(?:{words('level_reached')})\s*$",
                            re.I)


def _month_s_level(s: str, unit: str, local_pre: str) -> str | None:
    """"production" for a mass a month opening its sentence reaches ("June came in at 512,000 tonnes")."""
    return "production" if unit == "mt" and _MONTH_REACHED.match(local_pre) else None


def _output_in_after(post: str) -> str | None:
    """The output named right after a figure, "in" it ("an increase of 6.1% in zinc production"); None where none
    is."""
    in_after = _IN_AFTER.match(post)
    metric = _first_metric(post, in_after.end(), in_after.end() + 40) if in_after else None
    return metric if metric in ("production", "cumulative_production") else None


_IN_AFTER = re.compile(r"\s*in\s+(?!(?:the\s+)?(?:first|second|third|fourth|last|past|same|year|month)\b)", re.I)


def _first_metric(text: str, start: int, end: int) -> str | None:
    """The metric whose word comes first in text[start:end]."""
    named = min(((m.start(), label) for pattern, label in vocab.METRIC_WORDS
                 for m in prefilter.finditer(pattern, text, start, end)), default=None)
    return named[1] if named else None


def _metric_corrected(place: NumberPlace, unit: str, local_pre: str, post: str, metric: str | None) -> str | None:
    """The corrections of a metric read from words that the number's unit and the words after it make (each in
    turn, a later one on the metric an earlier one gave)."""
    previous = place.previous
    if unit == "pp" and previous is not None and previous.metric in RATE_METRICS:
        metric = previous.metric
    for applies, corrected in _CORRECTIONS:
        if applies(place, unit, local_pre, post, metric):
            metric = corrected
    return metric


_Correction = Callable[[NumberPlace, str, str, str, "str | None"], object]
_CORRECTIONS: tuple[tuple[_Correction, str], ...] = (
    # "300-series accounted for 1.16 million mt": the part's output, not a share
    (lambda p, unit, pre, post, m: m == "share" and unit == "mt" and cues.ACCOUNTED_FOR.search(pre), "production"),
    # "The production comprised 53.16% MHP, 38.92% high-grade nickel matte, ..."
    (lambda p, unit, pre, post, m: unit == "%" and in_composition(p), "share"),
    # "top-tier enterprises made 20,904 mt, or 70.45% of the total"
    (lambda p, unit, pre, post, m: unit == "%" and _part_share(p, pre, post), "share"),
    (lambda p, unit, pre, post, m: unit == "mt" and cues.BALANCE_AFTER.match(post), "balance"),  # "a 25,000 t deficit"
    # "40.7 mtpy of completed primary aluminium capacity"
    (lambda p, unit, pre, post, m: unit == "mt/year" and cues.CAPACITY_AFTER.match(post), "capacity"),
    # "..., of which 36.6 mtpy is operational"
    (lambda p, unit, pre, post, m: m == "capacity" and cues.OPERATIONAL_AFTER.match(post), "operating_capacity"),
)
