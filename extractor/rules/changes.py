"""How the labeller reads a change's comparison (MoM or YoY) and its direction: each from sources tried in order,
the first that answers giving it, and a default (flagged for review) where none does."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.rules import cues
from extractor.rules.context import Previous, comparison_between, month_comparison
from extractor.rules.features import NumberFeatures
from extractor.text import clauses as cl
from extractor.text import lexicon
from extractor.text.months import resolve_month

# What may stand between a comparison noun and its own figure ("a MoM increase of 5.71%").
_NOUN_TO_FIGURE = re.compile(r"[\s\w]{0,3}(?:\s*(?:rate\s+)?(?:of|by|at|was|is|reached|to)"
                             rf"(?:\s+{cues.FIGURE_HEDGE})?)?\s*")  # "of only 0.7%"
# "up 3% YoY but down 2%": a turn between two changes
_TURN = re.compile(r"\b(?:but|while|whereas|although)\b")
# "up 323,000 mt or 14% MoM", "a growth of 3.4% at 6.05 MT over April 2016": only a joining word between a figure
# and the next (or the figure's own month and the bracket of its level: "up 142% in April 2017 (0.747 MT) over
# April 2016")
_JOINED = re.compile(r"\s*(?:or|and|,|to|at|in\s+[A-Z][a-z]+(?:\s+(?:19|20)\d\d)?\s*(?:\(|to\b))\s*")
# a change's base figure after it, with the month it was of: "up 6.4% from 5.7 mn mt in November 2019"
# (or after the change's noun, "on" it: "a 5.4 percent rise on the 7.69 MT of the same month last year")
_FROM = re.compile(rf"\s*(?:from|against|over|(?:as\s+)?compared\s+(?:to|with)|"
                   rf"(?:{lexicon.words('up_noun', 'down_noun')})\s+on\s+the)\s*")
_BASE_MONTH = re.compile(r"\S+(?:\s+(?:mn|mln|million|thousand|bn|billion))?(?:\s+[A-Za-z]+)?\s+(?:in|during)\s+"
                         r"([A-Z][a-z]+)\.?(?:\s+((?:19|20)\d\d))?\b")
# a base compared with after the figures ("..., from 7.69 MT during the same month last year", "over April 2016")
_BASE_WORD = re.compile(rf"\b(?:{lexicon.words('compared_base')})\s+(?=[A-Z(]|the\b|a\b)", re.I)
# where the words after the next figure stop: a clause of its own ("..., with a ... increase of 8.2%") or a figure
_BEYOND_END = re.compile(r",?\s+with\s+an?\b|(?<=\s)\d[\d,.]*\s*(?:%|per)")
_BASE_FIGURE = re.compile(rf"\b(?:{lexicon.words('compared_base')})\s+[\d.,]+\s*(?:[a-z]+\s+){{0,2}}?"
                          r"(?=the\b|a\b|in\b)", re.I)
# the base figure a change's words end at, and the year named right after it ("from 90,500 t in 2016")
_LEADING_FIGURE = re.compile(r"^[\d.,]+\s*(?:[A-Za-z/]+\s+){0,2}?(?=the\b|a\b|one\b|in\b)")
_BASE_YEAR_IN = re.compile(r"^[\d.,]+\s*(?:[A-Za-z/]+\s+){0,2}?in\s+((?:19|20)\d\d)\b(?!\s*[-/–]\s*\d)")
_NEXT_FIGURE_IN = re.compile(r"^\S+\s*(?:\S+\s+)?in\s+\w+")  # "55.51% in June": the next figure's own month
_WORD_AFTER = re.compile(rf"^\s*(?:{lexicon.MARKERS})?\s*(\w+)", re.I)


@dataclass(frozen=True)
class Comparison:
    """A change's comparison, and whether it was taken as MoM for want of any marker (`guessed`)."""

    comparison: str
    guessed: bool


def noun_is_adjacent(f: NumberFeatures) -> bool:
    """Whether the comparison noun stands right before the number, naming its comparison ("a MoM increase of 5.71%");
    one further back belongs to an earlier figure ("a 4% MoM increase and a 26% YoY increase")."""
    return f.comparison_noun is not None and bool(_NOUN_TO_FIGURE.fullmatch(f.local_pre[f.comparison_noun.end():]))


def comparison_of(f: NumberFeatures, period: str | None) -> Comparison:
    """The comparison of the change at `f`, read in `period`: stated near it, else the figure's before it, else
    YoY for a span's figure and MoM (guessed) for any other."""
    stated = _stated_comparison(f, period)
    if stated is not None:
        return Comparison(stated, False)
    previous = f.previous
    span = f.metric == "cumulative_production" or f.cumulative  # a span's change (its imports, its usage): on the
    # same span a year before
    if previous is not None and previous.change and previous.comparison is not None:
        return Comparison(_after_a_change(f, previous.comparison, span), False)
    if span:
        return Comparison("yoy", False)
    if previous is not None and not previous.change and previous.last_comparison is not None \
            and previous.period == period and f.change_cue is not None:
        return Comparison(previous.last_comparison, False)  # "..., a rise of 38% year on year, while imports came to
        # 459,000 mt, a decline of 45.5%": a list's parallel change, compared as the one before
    between = _between_levels(previous, period)
    if between is not None:
        return Comparison(between, False)
    return Comparison("mom", True)  # the guidelines read an unstated comparison as MoM


def _after_a_change(f: NumberFeatures, before: str, span: bool) -> str:
    """The comparison of a change that states none after one that does: the same, but "up 3% YoY but down 2%" (both
    cannot be YoY; a span's can)."""
    return "mom" if before == "yoy" and not span and _TURN.search(f.local_pre) else before


def _between_levels(previous: Previous | None, period: str | None) -> str | None:
    """The comparison of a change after two levels of its clause a month or a year apart, one of them its own
    ("went up from 1.52 mt in April 2024 to 1.61 mt in April 2025, a growth of 5.9 per cent": YoY)."""
    if previous is None or previous.change or previous.other_period is None or period is None:
        return None
    levels = {previous.period, previous.other_period}
    if period not in levels:
        return None
    other = (levels - {period}).pop()
    return comparison_between(other, period) if other else None


def _stated_comparison(f: NumberFeatures, period: str | None) -> str | None:
    noun = f.comparison_noun
    if noun and (noun_is_adjacent(f) or not f.comparison_after):
        return "yoy" if lexicon.category_of(noun.group(1), "yoy_marker") else "mom"
    # a month compared with right after the figure is its own, before words of the figure before it ("up 2% compared
    # to the previous month and down 3% compared to May 2023")
    stated = f.comparison_after or month_comparison(f.post, period) or cl.comparison_near(f.local_pre)
    if stated is None and _JOINED.fullmatch(f.post):
        stated = _comparison_beyond(f, period)
    if stated is None and _FROM.fullmatch(f.post):
        stated = _base_month_comparison(f, period)
    return stated if stated is not None else _opening_comparison(f.s[:f.number.start], period)


# a month and year the sentence opens comparing with, for its changes ("Compared with the September 2023 figures,
# output in Asia was up 3.3%": YoY), or sets off before them ("The data show that, compared to February of 2016, gold
# production fell 11.91%")
_OPENING_BASE = re.compile(r"(?:^\W*|,\s+)(?:[Cc]ompared\s+(?:with|to)|[Aa]gainst|[Rr]elative\s+to)\s+(?:the\s+)?"
                           # (or with a base figure of that month: "Compared with 1.62 MT in March 2017, ...")
                           r"(?:[\d.,]+\s*(?:[A-Za-z]+\s+){0,2}?(?:in|during)\s+)?"
                           r"([A-Z][a-z]+)\.?\s+(?:of\s+)?((?:19|20)\d\d)\b[^,;]{0,20},")


def _opening_comparison(s: str, period: str | None) -> str | None:
    """The comparison the words before a change state by their base month, opening its sentence or set off by
    commas ('mom' or 'yoy'), None where they state none."""
    opening = _OPENING_BASE.search(s)
    named = resolve_month(opening.group(1), period, opening.group(2)) if opening is not None and period else None
    return None if named is None or period is None else comparison_between(named, period)


def _base_month_comparison(f: NumberFeatures, period: str | None) -> str | None:
    """The comparison of a change whose base figure follows it with its month ("up 6.4% from 5.7 mn mt in November
    2019": the year before; "from 5.1 mn mt in October": the month before), else what the words after it say."""
    base = _BASE_MONTH.match(f.s, f.place.next_start)
    named = resolve_month(base.group(1), period, base.group(2)) if base and period else None
    if named is not None and period is not None:
        return comparison_between(named, period)
    return _base_comparison(f.s[f.place.next_start:f.place.next_start + 100], period)


def _comparison_beyond(f: NumberFeatures, period: str | None) -> str | None:
    """ "up 323,000 mt or 14% MoM", "fall 7.52% to 55.51% in June from a month earlier": the comparison stated after
    the next figure, up to the figure after it or a clause of its own ("..., with a year-over-year increase of 8.2%")."""
    start = f.place.next_start
    window = f.s[start:start + 60]
    window = _BEYOND_END.split(window, maxsplit=1)[0]
    return (cl.comparison_near(window) or month_comparison(_NEXT_FIGURE_IN.sub("", window), period)
            or _base_comparison(f.s[start:start + 130], period))


def _base_comparison(text: str, period: str | None) -> str | None:
    """The comparison a base named after the figures states: "over April 2016" (12 months before), "from 7.69 MT
    during the same month last year"."""
    year_before = cues.YEAR_BEFORE_BASE.search(text)
    if year_before and (not year_before.group(1) or period is not None and year_before.group(1) == _year_before(period)):
        return "yoy"  # "... of 2020" in a figure of 2021 too
    ago = cues.BASE_AGO.search(text)  # "to 13,017 kg from 12,354 kg a year ago"
    if ago:
        return "yoy" if ago.group(1).lower() == "year" else "mom"
    earlier = _base_figure_earlier(text, period)
    if earlier is not None:
        return earlier
    for base in _BASE_WORD.finditer(text):
        stated = month_comparison(text[base.start():], period)
        if stated is not None:
            return stated
    return None


def _base_figure_earlier(text: str, period: str | None) -> str | None:
    """The comparison a base figure states by the time named bare right after it: "down from 2.61 million mt the
    previous year", "from 58,000 t a year earlier", "from 90,500 t in 2016" in a figure of 2017."""
    base = _BASE_FIGURE.search(text) or _LEADING_FIGURE.match(text)
    bare = cues.BASE_EARLIER.match(text[base.end():]) if base else None
    if bare:
        return "mom" if cues.earlier_months(bare) == 1 else "yoy"
    year = _BASE_YEAR_IN.match(text)
    return "yoy" if year and period is not None and year.group(1) == _year_before(period) else None


def _year_before(period: str) -> str:
    return str(int(period[:4]) - 1)


def direction_of(f: NumberFeatures, direction: str | None) -> tuple[str, bool]:
    """The direction of the change at `f` (starting from the one its measure was read with), and whether no word
    gave it (then 'up', flagged for review)."""
    noun = f.comparison_noun
    if noun and (noun_is_adjacent(f) or direction is None):  # "a MoM decline expanding to 7%" is a decline
        direction = "up" if cl.UP_WORDS.search(noun.group(2)) else "down"
    noun_after = cues.CHANGE_NOUN_AFTER.match(f.post) if not noun else None
    if noun_after is not None:  # "a 6% rise in China and a 4% fall in Chile": the second is a fall
        direction = cl.last_direction(noun_after.group(1))[0] or direction
    if direction is None:
        direction = _direction_around(f)
    if direction in (None, "flat"):
        return direction or "up", True
    return direction, False


def _direction_around(f: NumberFeatures) -> str | None:
    """A direction word after the number, else the figure's before it, else the last one in its clause."""
    noun_after = cues.CHANGE_NOUN_AFTER.match(f.post)
    if noun_after:
        direction, _ = cl.last_direction(noun_after.group(1))
        if direction is not None:
            return direction
    after = _WORD_AFTER.match(f.post)
    if after:
        direction, _ = cl.last_direction(after.group(1))
        if direction is not None:
            return direction
    if f.previous is not None and f.previous.change and f.previous.direction is not None:
        return f.previous.direction
    return cl.last_direction(f.clause_pre)[0]
