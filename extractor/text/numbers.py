"""The regex number layer: every number in a text with its span, normalized value, unit and qualifier.

Masses are normalized to metric tonnes (`20kt` -> 20,000 mt, `1.2894 million mt`
-> 1,289,400 mt); rates keep `%`, percentage points become `pp`; prices keep
their stated unit (`yuan/mt`, `usd/mt`). Ranges (`360,000-370,000 mt`) come back
as one span with a (low, high) value. Years, days of a month and labels such as
`6-series`, `#1`, `Co3O4` are found too but marked with a kind other than
"quantity", so callers can ignore them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extractor.text import prefilter
from extractor.text.lexicon import words
from extractor.text.number_ranges import merge_ranges
from extractor.text.number_span import NUM as _NUM
from extractor.text.number_span import NumberSpan, Value, parse_number, tidy

__all__ = ["NUMBER_CELL", "NumberSpan", "Value", "cell_value", "find_numbers", "number_at", "parse_number"]


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

_UNIT = (
    r"percentage[\s-]points?|percentage[\s-]pts?|per\s?cent|percent|pct\b|pc\b|%|pp\b"
    r"|ktpa\b|ktpy\b|tpy\b|tpa\b|mtpa\b|mtpy\b|t/y\b|t/a\b|tpd\b"
    r"|(?:nickel|metal|ni|cobalt|co|lithium|physical)\s+(?:tonnes?|tons?)\b"
    r"|kilo[\s-]?tonnes?\b|kilo[\s-]?tons?\b|kmt\b|kt\b|mmt\b|mnt\b|(?-i:LT)\b|net\s+tons?\b|short\s+tons?\b"
    r"|metric\s+tons?\b|metric\s+tonnes?\b|metric\s+t\b|mt\b|tonnes?\b|tons?\b|t\b"
    r"|yuan\b|rmb\b|dollars?\b|usd\b|mtu\b|kg\b|kilograms?\b|grams?\b|gwh\b|gigawatt[\s-]hours?\b|gw\b|mw\b|[mk]?oz\b"
    r"|(?:troy\s+)?ounces?\b|lbs?\b|pounds?\b|square\s+met(?:er|re)s?\b|sq\.?\s?m\b|m2\b|m²"
)
_PER = r"year|yr|annum|a\b|day|month|mtu\b|mt|dmt|metric\s+ton\s+unit|metric\s+tons?|metric\s+tonnes?|tonnes?|tons?|t\b|kg|kilogram|wmt|lb"

_PATTERN = re.compile(
    rf"""
    (?P<neg>(?<![\w.,%)])[-−])?
    (?P<cur>US\$|\$|RMB\s?|¥|USD\s?|yuan\s|€\s?|(?<![a-z])(?:CNY|EUR|INR|Rs\.?)\s?)?
    (?P<num>{_NUM})
    (?:\s?(?P<scale>million|billion|thousand|mln\b|mn\b|bn\b|lakhs?\b|crores?\b|m(?=\s?(?:tonnes?|tons?)\b)))?
    (?:(?:\s?|-(?=percentage|per\s?cent|percent|tp[ya]\b))(?P<unit>{_UNIT}))?
    (?:(?:\s?/\s?|\s+(?:of\s+[a-z]+\s+)?per\s+|\s+a\s+(?=day\b))(?P<per>{_PER}))?
    """,
    re.IGNORECASE | re.VERBOSE,
)

_DIGIT = re.compile(r"\d")

# What qualifies a figure right before it ("about 3,000 mt", "more than 5%", "below 40%"): the lexicon's categories.
_QUALIFIERS = [
    (re.compile(rf"{words('approx')}\s*$", re.I), "approx"),
    (re.compile(rf"{words('above')}\s*(?:the\s+)?$", re.I), "over"),
    (re.compile(rf"{words('below')}\s*$", re.I), "under"),
]

_SCALE = {"million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3,
          "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}  # India's hundred thousand and ten million
_MASS_FACTORS = {"kt": 1e3, "kmt": 1e3, "mmt": 1e6, "mnt": 1e6, "kilotonne": 1e3, "kilotonnes": 1e3,
                 "kilo tonne": 1e3, "kilo tonnes": 1e3, "kiloton": 1e3, "kilotons": 1e3, "kilo ton": 1e3,
                 "kilo tons": 1e3, "lt": 1e5,  # India's "LT": lakh (hundred thousand) tonnes
                 "kg": 1e-3, "kilogram": 1e-3, "kilograms": 1e-3, "gram": 1e-6, "grams": 1e-6}  # a mass in tonnes
_PER_NAMES = {
    "year": "year", "yr": "year", "annum": "year", "a": "year", "day": "day", "month": "month",
    "mt": "mt", "t": "mt", "tonne": "mt", "tonnes": "mt", "ton": "mt", "tons": "mt",
    "metric ton": "mt", "metric tons": "mt", "metric tonne": "mt", "metric tonnes": "mt",
    "dmt": "dmt", "wmt": "wmt", "mtu": "mtu", "metric ton unit": "mtu", "kg": "kg", "kilogram": "kg", "lb": "lb",
}


# A table cell's number, alone on its cell ("4,976*", "-2.30%"): the digits and a percent sign, no unit.
NUMBER_CELL = re.compile(r"^[-−]?\d[\d,]*(?:\.\d+)?\s*%?(?=\s*\*?$)")


def cell_value(text: str) -> float | None:
    """The number a table cell states ("4,976*", "-2.30%"), or None for an empty or non-number cell."""
    match = NUMBER_CELL.match(text.strip())
    return parse_number(match.group(0).replace("%", "").replace("−", "-").strip()) if match else None


def find_numbers(text: str) -> list[NumberSpan]:
    """Return every number in text, in order, ranges merged into one span.

    Never raises: text with no numbers gives an empty list. The labeller, the sentence subjects, the drivers and
    the report month all ask about the same sentences: each text's numbers are found once (the spans are frozen,
    the list is the caller's own).
    """
    return list(_numbers_of(text))


@lru_cache(maxsize=4096)
def _numbers_of(text: str) -> tuple[NumberSpan, ...]:
    if not _DIGIT.search(text) and not prefilter.search(_WORD_PERCENT, text):
        return ()  # a number has a digit (or is a percentage in words): a text with none is not searched
    spans: list[NumberSpan] = []
    for match in prefilter.finditer(_PATTERN, text):
        span = _to_span(text, match)
        if span is not None:
            spans.append(span)
    spans.extend(_word_percentages(text))
    return tuple(merge_ranges(text, sorted(spans, key=lambda n: n.start)))


_WORD_NUMBERS = {w: float(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_WORD_PERCENT = re.compile(rf"\b({'|'.join(_WORD_NUMBERS)})[\s-]+(?:per\s?cent|percent)\b", re.I)


def _word_percentages(text: str) -> list[NumberSpan]:
    """ "a rise of two percent": a percentage written in words."""
    return [NumberSpan(m.start(), m.end(), m.group(0), _WORD_NUMBERS[m.group(1).lower()], "%", "quantity",
                       *_qualifier(text, m.start())) for m in prefilter.finditer(_WORD_PERCENT, text)]


_LABEL_SUFFIX = re.compile(r"-(series|grade|day|month|year|sized|size)\b", re.I)


def _to_span(text: str, match: re.Match[str]) -> NumberSpan | None:
    """The number a match of the pattern reads: None where it is glued into a name, a label ("6-series"), a bare
    number (a year, a day's date, a figure with no unit), or a quantity in the contract's unit."""
    start, end = match.start(), match.end()
    digits = match.group("num")
    if _glued(text, start, end) and not (match.group("unit") and _WORD_GLUED_BEFORE.search(text, 0, start)):
        return None
    if text[end:end + 1] == "-" and _LABEL_SUFFIX.match(text[end:end + 8]):
        return _label(text, start, end, digits)
    value = parse_number(digits)
    scale_word = (match.group("scale") or "").lower()
    currency = (match.group("cur") or "").strip().upper()
    unit, factor = _unit_of(match, currency, scale_word, value)
    if unit is None and not currency and not scale_word:
        return _bare(text, match, digits, value)
    value = value * _SCALE.get(scale_word, 1.0) * factor
    if match.group("neg"):
        value = -value
    qualifier, qualifier_start = _qualifier(text, start)
    return NumberSpan(start, end, text[start:end], tidy(value), unit, "quantity", qualifier, qualifier_start)


def _glued(text: str, start: int, end: int) -> bool:
    """A number glued to letters is part of a name (Co3O4, pb60, 210R, #1), not a quantity."""
    before = text[max(0, start - 1):start]
    after = text[end:end + 1]
    if after and _ENERGY_UNIT.match(text, end):
        after = " "  # "36.24GWh": an energy written against its number reads as "36.24 GWh"
    return bool(before and (before.isalpha() or before in "#")) or bool(after and (after.isalnum() or after in "#"))


_ENERGY_UNIT = re.compile(r"[GMkT]Wh\b")
# a figure with its unit glued to the word before it by a lost space ("a rise of41%", "a share for7.5%")
_WORD_GLUED_BEFORE = re.compile(r"(?<![A-Za-z])(?:of|for|to|by|at)$")


def _unit_of(match: re.Match[str], currency: str, scale_word: str, value: float) -> tuple[str | None, float]:
    """The contract's unit of a matched number and the factor its value takes (a capital "Mt" is a million)."""
    written = match.group("unit") or ""
    unit_raw = written.lower()
    per = _PER_NAMES.get(re.sub(r"\s+", " ", (match.group("per") or "").lower()))
    unit, factor = _normalize_unit(unit_raw, currency, per)
    if written.startswith("Mt") and not scale_word:
        factor *= 1e6  # "3.49Mt", "4.39Mtpy": a capital M is a million tonnes (metric tons are "mt" or "MT")
    elif unit_raw in ("mtpy", "mtpa") and not scale_word and value < 1000:
        factor *= 1e6  # "40.73 mtpy of capacity": no plant's or country's capacity is under 1,000 t a year
    return unit, factor


def _bare(text: str, match: re.Match[str], digits: str, value: float) -> NumberSpan:
    """A number with no unit, currency or scale: a year, a day's date or a bare figure (signed where written so)."""
    start, end = match.start(), match.end()
    kind = _bare_kind(text, match.start("num"), digits, value)
    if match.group("neg") and kind == "bare":
        value = -value
    return NumberSpan(start, end, text[start:end], value, None, kind, *_qualifier(text, start))


def _label(text: str, start: int, end: int, digits: str) -> NumberSpan:
    return NumberSpan(start, end, text[start:end], parse_number(digits), None, "label", None, start)


# Written units the contract keeps as one unit, with the factor their values take.
_SIMPLE_UNITS: dict[str, tuple[str, float]] = {
    "%": ("%", 1.0), "per cent": ("%", 1.0), "percent": ("%", 1.0), "pct": ("%", 1.0), "pc": ("%", 1.0),
    "pp": ("pp", 1.0),
    "tpy": ("mt/year", 1.0), "tpa": ("mt/year", 1.0), "mtpa": ("mt/year", 1.0), "mtpy": ("mt/year", 1.0),
    "t/y": ("mt/year", 1.0), "t/a": ("mt/year", 1.0),
    "ktpa": ("mt/year", 1e3), "ktpy": ("mt/year", 1e3),  # "12,940ktpa": thousand tonnes a year
    "tpd": ("mt/day", 1.0),
    "mtu": ("mtu", 1.0), "gw": ("GW", 1.0),
    "mw": ("MW", 1.0), "gwh": ("GWh", 1.0), "gigawatt hour": ("GWh", 1.0), "gigawatt hours": ("GWh", 1.0),  # batteries'

    "oz": ("oz", 1.0), "ounce": ("oz", 1.0), "ounces": ("oz", 1.0), "troy ounce": ("oz", 1.0),
    "troy ounces": ("oz", 1.0),  # silver and gold as stated (the contract keeps their unit)
    "moz": ("oz", 1e6), "koz": ("oz", 1e3),  # "886.7 Moz": million ounces
    "lb": ("lb", 1.0), "lbs": ("lb", 1.0), "pound": ("lb", 1.0), "pounds": ("lb", 1.0),  # as stated (molybdenum)
    # American steel's short tons of 2,000 pounds, as stated
    "net ton": ("net tons", 1.0), "net tons": ("net tons", 1.0), "short ton": ("short tons", 1.0),
    "short tons": ("short tons", 1.0),
    # an area, as stated (a battery separator's output)
    **{written: ("m2", 1.0) for written in ("square meter", "square meters", "square metre", "square metres", "sq m",
                                           "sq. m", "sqm", "m2", "m²")},
}
_CONTENT_WORDS = ("nickel", "metal", "ni", "cobalt", "co", "lithium", "physical")
_MASS_WORDS = ("mt", "t", "tonne", "tonnes", "ton", "tons")


def _normalize_unit(unit_raw: str, currency: str, per: str | None) -> tuple[str | None, float]:
    """Map the written unit to the contract's unit; return (unit, factor to apply to the value)."""
    unit_raw = re.sub(r"[\s-]+", " ", unit_raw)
    if unit_raw.startswith("percentage"):
        return "pp", 1.0
    money = _currency(currency, unit_raw)
    if money is not None:
        return (money + "/" + per) if per else money, 1.0
    if unit_raw in _SIMPLE_UNITS and _SIMPLE_UNITS[unit_raw][0] not in ("mtu", "GW", "MW", "oz"):
        return _SIMPLE_UNITS[unit_raw]
    if unit_raw.split(" ")[0] in _CONTENT_WORDS:
        return "mt", 1.0  # "28,400 nickel tons", "647,000 physical tons": the content is read by the labeller
    if unit_raw in _MASS_FACTORS or unit_raw in _MASS_WORDS or unit_raw.startswith("metric"):
        factor = _MASS_FACTORS.get(unit_raw, 1.0)
        return ("mt/" + per) if per in ("year", "day", "month") else "mt", factor
    return _SIMPLE_UNITS.get(unit_raw, (None, 1.0))


# Currencies by their signs and codes, and by the words written after a number; others as stated (the contract
# keeps them).
_CURRENCIES = {"$": "usd", "US$": "usd", "USD": "usd", "dollar": "usd", "dollars": "usd", "usd": "usd",
               "RMB": "yuan", "CNY": "yuan", "¥": "yuan", "YUAN": "yuan", "yuan": "yuan", "rmb": "yuan",
               "EUR": "eur", "€": "eur", "INR": "inr", "RS": "inr", "RS.": "inr"}


def is_money(unit: str | None) -> bool:
    """Whether a unit is a currency's, alone or per another unit ("usd/mt")."""
    return unit is not None and unit.split("/")[0] in _MONEY


_MONEY = frozenset(_CURRENCIES.values())


def _currency(currency: str, unit_raw: str) -> str | None:
    """The contract's name of a number's currency, from its sign or code before it or its word after it."""
    return _CURRENCIES.get(currency) or _CURRENCIES.get(unit_raw)


def _bare_kind(text: str, num_start: int, digits: str, value: float) -> str:
    window = text[max(0, num_start - 12):num_start].lower()
    if re.search(rf"\b(?:{_MONTHS})\.?\s*$", window) and value <= 31 and "." not in digits:
        return "date"
    if re.fullmatch(r"(19|20)\d\d", digits):
        return "year"
    return "bare"


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    window = text[max(0, start - 30):start]
    for pattern, name in _QUALIFIERS:
        found = prefilter.search(pattern, window)
        if found:
            return name, start - (len(window) - found.start())
    return None, start


def number_at(text: str, start: int, end: int) -> NumberSpan | None:
    """The number the finder reads exactly at [start, end) of text (a quantity, or a bare number: a table's cell,
    "an increase of 164,000" with its unit cut off), with text offsets; None if there is none.

    The number is read in a little context: a range's "from"/"ranged" cue stands before its span.
    """
    context = max(0, start - 60)
    for number in find_numbers(text[context:end + 20]):
        if number.kind in ("quantity", "bare") and number.start + context == start and number.end + context == end:
            return replace(number, start=start, end=end, qualifier_start=number.qualifier_start + context)
    return None
