"""Masses written in "mt" where the product's scale says millions.

Steel, iron ore and coal are counted in millions of tonnes, and wire stories and associations write those millions
as "mt" ("China produced 63.3mt in the month"), the abbreviation others use for metric tonnes. A product whose
national or world output is never a few hundred tonnes a month takes "mt" after a number under 5,000 as millions;
the fact is grounded to its number and to the "mt" it is scaled by, as a table cell is to its unit line. So is every
product's in a text that says its "mt" are millions ("135 million tonnes (mt) ... 1.7 mt").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from extractor.record import Fact, Scale, Span

# Products counted in millions of tonnes (the contract's ids).
MILLION_TONNE_PRODUCTS = frozenset({
    "crude_steel", "pig_iron", "hot_metal", "finished_steel", "steel_billet", "rebar", "wire_rod", "hot_rolled_coil",
    "iron_ore", "coke", "coking_coal", "raw_coal",
})
_MASS_METRICS = frozenset({"production", "cumulative_production", "capacity", "imports", "exports", "inventory"})
_LARGEST_STATED = 5000.0  # a figure in "mt" above this is tonnes whatever the product
_MT_AFTER = re.compile(r"\s?(mt|MT|Mt)\b")
_DIGITS = re.compile(r"[-−]?[\d,]*\.?\d+")
# a text that says its "mt" are millions ("135 million tonnes (mt)"): every product's "mt" under 5,000 is
_MT_DEFINED = re.compile(r"\bmillion\s+(?:metric\s+)?(?:tonnes|tons)\s*\((?:mt|MT|Mt)\)")


def in_millions(text: str, facts: list[Fact], scale_factors: Callable[[str], tuple[float, ...]]) -> list[Fact]:
    """The facts with each mass of a million-tonne product (of any product, where the text says its "mt" are millions)
    written "mt" under 5,000 scaled to tonnes; each carries the factors its "mt" states as the format reads unit words
    (`scale_factors`, which the format gives)."""
    defined = _says_mt_are_millions(text)
    return [_scaled(text, fact, scale_factors, defined) for fact in facts]


@lru_cache(maxsize=8)  # a document's sections each ask of its whole text
def _says_mt_are_millions(text: str) -> bool:
    return "million" in text and _MT_DEFINED.search(text) is not None


def _scaled(text: str, fact: Fact, scale_factors: Callable[[str], tuple[float, ...]], defined: bool) -> Fact:
    label = fact.label
    if (label.commodity not in MILLION_TONNE_PRODUCTS and not defined or label.metric not in _MASS_METRICS
            or fact.scale is not None or label.measure not in ("level", "mom_abs", "yoy_abs") or fact.unit != "mt"
            or not isinstance(fact.value, (int, float)) or abs(fact.value) >= _LARGEST_STATED):
        return fact
    digits = _DIGITS.match(text[fact.number.start:fact.number.end])
    unit = _MT_AFTER.match(text, fact.number.start + digits.end()) if digits else None
    if digits is None or unit is None or unit.end() > fact.number.end:
        return fact  # "tonnes", "metric tons": tonnes as written
    number = Span(fact.number.start, fact.number.start + digits.end())
    return fact.relabel(value=float(fact.value) * 1e6, number=number,
                        scale=Scale(unit.start(1), unit.end(1), scale_factors(unit.group(1))))
