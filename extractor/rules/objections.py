"""Objections: a figure the labeller has a metric for that is still not the section commodity's figure of the
month: a week's figure, a figure of demand, another product's stock, one plant's or company's figure.

Each objection is a named row: what it looks for around the figure and the reason it gives. The labeller asks
`whose_figure` of every figure once its metric is known and sends the figure to review with the first reason that
fits; none fits a figure that is the commodity's own. A figure of what the market uses that a release states
("usage totalled 1.095 million tonnes") is no objection: `whose_figure` names the word, and the figure is `other`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from extractor.rules import cues
from extractor.text import prefilter
from extractor.text import vocabulary as vocab
from extractor.text.commodities import (
    REGIONAL_IDS,
    commodity_for_heading,
    commodity_mentions,
    normalize_name,
    region_for,
)
from extractor.text.lexicon import words
from extractor.text.months import MONTH_ABBREVIATIONS, MONTH_NAMES
from extractor.text.numbers import NumberSpan

# Where a figure's own words stop: a clause break, or a conjunction that starts another statement.
_OWN_BREAK = re.compile(r"[,;]|\b(?:and|while|but|whereas)\b", re.I)


@dataclass(frozen=True)
class Figure:
    """A number of a sentence as the objections see it: the words around it and the metric read for it."""

    sentence: str
    number: NumberSpan
    clause_start: int  # where the number's clause starts in the sentence
    before: str  # the sentence up to the number, from the figure before it (or the clause start)
    after: str  # the sentence after the number, up to the next figure (or the clause end)
    metric: str
    metric_end: int  # where the metric word nearest before the number ends in the sentence (-1: none)
    commodity: str


@dataclass(frozen=True)
class Objection:
    """One kind of figure that is not the commodity's: `finds` gives the reason where the figure is of the kind."""

    name: str
    finds: Callable[[Figure], str | None]
    example: str


def own_words(before: str, after: str) -> str:
    """A figure's or a move's own words: back to the last clause break before it, on to the first after it."""
    return _OWN_BREAK.split(before)[-1] + " " + _OWN_BREAK.split(after, maxsplit=1)[0]


def speaks_of_a_week(before: str, after: str) -> bool:
    """Whether a figure's or a move's own words (the text before it and after it) name a week as its span."""
    return prefilter.search(vocab.WEEK_SPAN, own_words(before, after)) is not None


def dated_to_another_year(before: str, after: str, period: str | None) -> str | None:
    """For a change stated with no comparison: the reason it is no MoM change where its own words date it to a year
    other than its period's ("cut by 8% in 2027", "by 40% starting from October 2026", "next year"), else None."""
    for dated in vocab.YEAR_DATED.finditer(own_words(before, after)):
        year = dated.group(1)
        if year is None or period is None or year != period[:4]:
            return f"a change dated to {year or 'next year'}, not a change of the month"
    return None


# a base named with its year after a change ("10% below the same period in 2019", "8% lower than in the first quarter
# of 2019", "up 4% on 2019 levels")
_BASE_YEAR = re.compile(r"^[^.;]{0,40}?\b(?:than|below|above|from|over|against|versus|vs\.?|compared\s+(?:with|to)|on)"
                        r"\s+(?:(?:in|during)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:(?:of|in)\s+)?((?:19|20)\d\d)\b"
                        r"(?!\s*[-–/]\s*\d)", re.I)


def against_another_year(after: str, period: str | None) -> str | None:
    """For a change year on year: the reason it is none where its own words set it against a year other than the
    one before its period's ("production was still 10% below the same period in 2019" in 2021), else None."""
    base = _BASE_YEAR.match(after)
    if base is None or period is None or int(base.group(1)) in (int(period[:4]) - 1, int(period[:4])):
        return None
    return f"a change set against {base.group(1)}, not against the year before"


def _a_week_s(figure: Figure) -> str | None:
    if speaks_of_a_week(figure.before, figure.after) or _framed_by_a_week(figure.sentence):
        return "a week's figure or change, not the month's"
    return None


# a week named with its last day ("the week ending on May 4, 2024", "the week ended 9 March")
_WEEK_ENDING = re.compile(rf"\bweek\s+(?:ending|ended|to)\s+(?:on\s+)?(?:(?:{MONTH_NAMES})\.?\s+\d{{1,2}}"
                          rf"(?:,\s*\d{{4}})?|\d{{1,2}}\s+(?:{MONTH_NAMES})(?:\s+\d{{4}})?)", re.I)
_OTHER_SPAN = re.compile(rf"\b(?:month|year|quarter|{MONTH_NAMES})", re.I)


def _framed_by_a_week(sentence: str) -> bool:
    """Whether a sentence names a week by its last day and no other span: each of its figures is that week's ("For
    the week ending on May 4, 2024, output was 1.7 million net tons, and the utilization rate 77%"; not "a strike
    halted one mine for a week")."""
    weeks = prefilter.sub(_WEEK_ENDING, " ", sentence)  # (asked of every figure: most sentences name no week)
    return weeks != sentence and not _OTHER_SPAN.search(weeks)


def _demand_subject(figure: Figure) -> str | None:
    """The demand word a figure is of ("demand", "usage", "sales"), named after its metric word, not as a cause, or
    right after a change of it ("a rise of 2% in world usage")."""
    changed = _CHANGE_IN_USE.match(figure.after)
    if changed is not None:
        return changed.group(1).lower()
    if _INSTALLED_AFTER.match(figure.after):
        return "installations"  # "12.5 GWh of packs were installed in buses": what was installed
    head = figure.sentence[:figure.number.start]
    subjects = [m for m in prefilter.finditer(vocab.DEMAND_WORDS, head)
                if m.end() > figure.metric_end and not vocab.CAUSE_BEFORE.search(head, 0, m.start())]
    return subjects[-1].group(0).lower() if subjects else None


_INSTALLED_AFTER = re.compile(r"^\s*(?:of\s+(?:[\w-]+\s+){0,3}?)?(?:were|was|had\s+been|have\s+been)\s+installed\b",
                              re.I)
# "(a rise of) 2% in world usage", "2% growth in demand": the change is of what the market uses
_CHANGE_IN_USE = re.compile(rf"\s*(?:{words('up_noun', 'down_noun')}\s+)?in\s+(?:[\w-]+\s+){{0,2}}?"
                            rf"({words('market_use')})\b", re.I)


def market_use_of(figure: Figure) -> str | None:
    """What the market uses that a figure is of, where a release states it ("usage totalled 1.095 million tonnes",
    "demand ... was 15.7 million tonnes"): the contract's metric `other` with that word as its segment."""
    subject = _demand_subject(figure)
    return subject if subject is not None and vocab.MARKET_USE.fullmatch(subject) else None


def own_market_use(figure: Figure) -> str | None:
    """What the market uses that a figure with no metric word is of, named in the figure's own words ("An increase
    in world demand of 6.4%"; not "demand was stable, with tender volumes of 13,000 mt")."""
    use = market_use_of(figure)
    return use if use is not None and use in own_words(figure.before, figure.after).lower() else None


def _demand_s(figure: Figure) -> str | None:
    subject = _demand_subject(figure)
    if subject is not None and vocab.MARKET_USE.fullmatch(subject) is None:
        return f"a figure of {subject}, not of the commodity's {figure.metric.replace('_', ' ')}"
    return None


def stocked_product(head: str) -> str | None:
    """The product the last stock word of `head` that names one is of ("copper concentrate" in "the copper
    concentrate inventory at ports ..., with the port inventory at"), from the sentence's last turn on; None where
    no stock word names a product."""
    product = None
    for stock in vocab.STOCK_OF.finditer(vocab.CONTRAST_BREAK.split(head)[-1]):
        product = _product_in(stock.group("before")) or _product_in(stock.group("after") or "") or product
    return product


def _product_in(words: str) -> str | None:
    """A product the words name: a feed or an ore ("copper concentrate", "bauxite"), or a commodity of the table."""
    feed = vocab.FEED_FORMS.search(words)
    if feed:
        return normalize_name(feed.group(0))
    text = normalize_name(words)
    mentions = commodity_mentions(text)
    return text[mentions[0][0]:mentions[0][1]] if mentions else None


def _same_product(name: str, commodity: str) -> bool:
    """Whether a product's name is the section commodity (a region's own id counts: alumina in overseas_alumina)."""
    named = commodity_for_heading(name)
    return named is not None and (named == commodity or REGIONAL_IDS.get((named, region_for(commodity))) == commodity)


def _another_product_s_stock(figure: Figure) -> str | None:
    if figure.metric != "inventory":
        return None
    product = stocked_product(figure.sentence[:figure.number.start])
    if product is None or _same_product(product, figure.commodity):
        return None
    return f"the inventory of another product ({product}), not of {figure.commodity.replace('_', ' ')}"


def _one_plant_s(figure: Figure) -> str | None:
    s, start, clause_start = figure.sentence, figure.number.start, figure.clause_start
    clause_head = s[clause_start:start]
    one_plant = (prefilter.search(cues.ONE_PLANT, s[:start]) or prefilter.search(cues.NAMED_PLANT, clause_head)
                 or prefilter.search(cues.ONE_PRODUCER_OUTPUT, clause_head)
                 or prefilter.search(cues.PLANT_IN_CLAUSE, clause_head)
                 or prefilter.search(cues.PROPER_PLANT, s[:start])) \
        and not cues.NATIONWIDE.search(s[:start]) and not cues.WHOLE_AFTER_PLANT.search(s[:start])
    a_company = cues.COMPANY_SUBJECT.match(s[clause_start:]) and not vocab.AGGREGATE.search(clause_head)
    return "a single company's or plant's figure, not the commodity's" if one_plant or a_company else None


def _output_value_s(figure: Figure) -> str | None:
    """ "gross output value reaching 336 billion yuan, a rise of 27%": the money an output is worth."""
    if prefilter.search(cues.OUTPUT_VALUE, figure.sentence[figure.clause_start:figure.number.start]):
        return "the value of an output in money, not the output"
    return None


def _installations_s(figure: Figure) -> str | None:
    """ "newly installed PV capacity reached 34.5 GW", "new PV installations reached 252.87GW": what was installed
    (demand), not the commodity's capacity or output."""
    if figure.metric == "capacity" and prefilter.search(cues.NEWLY_INSTALLED, figure.sentence[:figure.number.start]):
        return "newly installed capacity (installations, a demand), not the commodity's capacity"
    if prefilter.search(cues.INSTALLATIONS, figure.sentence[figure.clause_start:figure.number.start]):
        return "installations (a demand), not the commodity's output"
    return None


# "81,735kg (2.63Moz)": a quantity in parentheses right after another (not a change's) is the same one restated.
_RESTATED = re.compile(r"\d\s*(?:[a-z]+\.?\s*){1,3}\(\s*$", re.I)
# (not one of a month of its own: "amounted to 19,412 kg (9,705 kg in Feb. 2021, ...)" is the span's, then the month's)
_OWN_MONTH_AFTER = re.compile(rf"\s*(?:in|for|during)\s+(?:{MONTH_NAMES}|{MONTH_ABBREVIATIONS})\b")


def _restated(figure: Figure) -> str | None:
    """ "gold output reached 81,735kg (2.63Moz)": the figure before in another unit, not a figure of its own."""
    if figure.number.unit not in (None, "%", "pp") and _RESTATED.search(figure.sentence, 0, figure.number.start) \
            and not _OWN_MONTH_AFTER.match(figure.sentence, figure.number.end):
        return "the figure before restated in another unit"
    return None


OBJECTIONS: tuple[Objection, ...] = (
    Objection("restated", _restated, "output reached 1.2 million tonnes (2.6 billion lb)"),
    Objection("week", _a_week_s, "weekly supply slipped to 45,000 mt; output fell 2% week on week"),
    Objection("demand", _demand_s, "output rose 3%, while demand will grow 4.6% this year"),
    Objection("another product's stock", _another_product_s_stock,
              "copper concentrate stocks at ports slid to 612,000 mt"),
    Objection("one plant", _one_plant_s, "a refinery in Guinea will cut its capacity by 25%"),
    Objection("output value", _output_value_s, "gross output value rose 12% to 61 billion yuan"),
    Objection("installations", _installations_s, "newly installed PV capacity reached 87 GW"),
)


def whose_figure(figure: Figure) -> tuple[str | None, str | None]:
    """(the objection's reason, what the market uses it is a figure of): (None, None) for the commodity's own."""
    objection = objection_to(figure)
    return objection, None if objection is not None else market_use_of(figure)


def objection_to(figure: Figure) -> str | None:
    """The reason the first objection that fits gives, or None where the figure is the commodity's own."""
    for objection in OBJECTIONS:
        reason = objection.finds(figure)
        if reason is not None:
            return reason
    return None
