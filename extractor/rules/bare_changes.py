"""The comparison of a bare change (the contract): a change with no MoM/YoY word of its own takes the comparison
the document states for its figures — a release that says its changes are against a year earlier, a lead "year on
year" before each product's change — and only where the document states none is a month's change MoM.

The labeller reads a bare change as MoM; in a release that states year-on-year comparisons and never a
month-on-month one (a format that publishes so calls this), a bare change is year on year. A change whose sentence
names a month or a year is compared with that, not bare. In any section, a bare change is year on year where its
figure implies it: a span since January's, or one the section states again year on year (a headline's "down 6%", the
body's "dropped by 6% year-on-year").
"""

from __future__ import annotations

import re

from extractor.record import Fact, ReviewKind
from extractor.rules.cues import BASE_AGO, SAME_BASIS, YEAR_BEFORE_BASE
from extractor.rules.sections import Section
from extractor.text import prefilter
from extractor.text.clauses import MOM, YOY
from extractor.text.lexicon import words
from extractor.text.months import MONTH_NAMES

# "against 2023", "from October", "from the record high seen in October", "from 6.17mn mt in February": a change
# compared with a period it names
_PERIOD_NAMED = re.compile(rf"\b{words('period_named_before')}\s+(?:the\s+)?(?:[\w.,-]+\s+){{0,5}}?(?:(?:in|of)\s+)?"
                           rf"(?:{MONTH_NAMES}|(?:19|20)\d\d)\b", re.I)


def with_stated_comparison(text: str, section: Section, facts: list[Fact]) -> list[Fact]:
    """The section's facts, its bare month-on-month changes year on year where the section states only YoY."""
    body = text[section.start:section.end]
    # a year-on-year comparison stated by its marker, by a base "in the same month last year", or by the month a
    # year before the one the section names ("in May 2021, a 16.3% increase compared to May 2020")
    if not (prefilter.search(YOY, body) or YEAR_BEFORE_BASE.search(body) or _month_a_year_before(body)
            or _base_a_year_ago(body)) or prefilter.search(MOM, body):
        return facts
    return [_year_on_year(fact) if _bare(text, fact) else fact for fact in facts]


def implied_year_on_year(text: str, facts: list[Fact]) -> list[Fact]:
    """The facts, each bare change year on year where its figure implies it: a span since January's ("global mine
    output increased by 5% in the 11 months": a span is set against the same span a year before, never a month), or
    one the section states again year on year, same figure and value (a headline's "output down 6% in January", the
    body's "dropped by 6% year-on-year in January": the same change, told twice)."""
    stated = {_change_key(f, "yoy_") for f in facts if f.label.measure.startswith("yoy_")}
    return [_year_on_year(f) if (f.label.metric == "cumulative_production" or _change_key(f, "mom_") in stated)
            and _bare(text, f) else f for f in facts]


def _change_key(fact: Fact, prefix: str) -> tuple[object, ...]:
    value = tuple(fact.value) if isinstance(fact.value, list) else fact.value
    label = fact.label
    return label.commodity, label.region, label.metric, label.period, label.measure.removeprefix(prefix), value


def on_the_same_basis(sentence: str, facts: list[Fact], before: list[Fact], before_text: str = "") -> list[Fact]:
    """A sentence's facts, its bare changes compared as the changes of the sentence before it where it opens by
    saying so ("On the same basis, ...", "Under the same comparison, ...", "During the same comparative period,
    ..."); a sentence before with no change compares as the base it names ("... from 3.4 LT in the corresponding
    month of the previous fiscal year": year on year)."""
    compared = [f.label.comparison for f in before if f.label.measure != "level" and f.label.comparison]
    year_on_year = compared[-1] == "yoy" if compared else bool(YEAR_BEFORE_BASE.search(before_text))
    if not year_on_year or not SAME_BASIS.match(sentence) or prefilter.search(MOM, sentence) \
            or prefilter.search(YOY, sentence) or prefilter.search(_PERIOD_NAMED, sentence):
        return facts
    return [_year_on_year(fact) if fact.label.measure.startswith("mom_") else fact for fact in facts]


def _base_a_year_ago(body: str) -> bool:
    """Whether a change goes from a base stated a year before ("rose 5.4% to 13,017 kg from 12,354 kg a year ago",
    "from 1,841 mt the year prior")."""
    return any(m.group(1).lower() == "year" for m in prefilter.finditer(BASE_AGO, body))


_MONTH_BASE = re.compile(rf"(?:%|\bper\s?cent|\bpercent)\s+(?:[a-z]+\s+){{0,2}}?{words('against_dated')}\s+"
                         rf"({MONTH_NAMES})\s+((?:19|20)\d\d)\b")


def _month_a_year_before(body: str) -> bool:
    """Whether a change is set against a month and year the year before a month the section names with its year."""
    lowered = body.lower()
    return any(f"{m.group(1)} {int(m.group(2)) + 1}".lower() in lowered for m in prefilter.finditer(_MONTH_BASE, body))


def _bare(text: str, fact: Fact) -> bool:
    """A month-on-month change whose sentence states no comparison."""
    if not fact.label.measure.startswith("mom_"):
        return False
    start = max(text.rfind(". ", 0, fact.quote_span.start), text.rfind("\n", 0, fact.quote_span.start)) + 1
    end = min(i for i in (text.find(". ", fact.quote_span.end), text.find("\n", fact.quote_span.end), len(text))
              if i >= 0)
    sentence = text[start:end]
    return not prefilter.search(MOM, sentence) and not prefilter.search(YOY, sentence) \
        and not prefilter.search(_PERIOD_NAMED, sentence)


def _year_on_year(fact: Fact) -> Fact:
    return fact.relabel(measure="yoy_" + fact.label.measure.removeprefix("mom_")).unflag(
        ReviewKind.COMPARISON_NOT_STATED)
