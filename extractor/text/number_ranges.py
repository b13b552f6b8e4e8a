"""Ranges: when two adjacent numbers are the two ends of one ("360,000-370,000 mt", "between 20% and 30%",
"hold 30,000 to 50,000 tons"), and the span they make."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, NamedTuple

from extractor.text.number_span import NUM, NumberSpan, parse_number, tidy

_RANGE_DASH = re.compile(r"^\s?[-–—~]\s?$")
_RANGE_TO = re.compile(r"^\s+(?:to|and)\s+$", re.I)
_RANGE_CUE = re.compile(r"(rang\w*|between|from|within)\s+(?:\w+\s+){0,2}$", re.I)
# Words before a change's number: "up by 2,000 to 50,000 tons" is a change and a level, no range.
_CHANGE_BEFORE = re.compile(r"\b(?:by|up|down|rose|fell|increased|decreased|grew|gained|climbed|dropped|declined|"
                            r"added|lost|cut|raised)\s+$", re.I)


def merge_ranges(text: str, spans: list[NumberSpan]) -> list[NumberSpan]:
    merged: list[NumberSpan] = []
    i = 0
    while i < len(spans):
        first = spans[i]
        if i + 1 < len(spans):
            second = spans[i + 1]
            gap = text[first.end:second.start]
            if _is_range_pair(text, first, second, gap):
                merged.append(_range_span(text, first, second))
                i += 2
                continue
        merged.append(first)
        i += 1
    return merged


class _RangeRule(NamedTuple):
    """One rule for two adjacent numbers: when it applies, and whether they are then one range."""

    name: str
    applies: Callable[[NumberSpan, NumberSpan], bool]
    verdict: Callable[[str, NumberSpan, str], bool]


def _never(text: str, first: NumberSpan, gap: str) -> bool:
    return False


def _dashed(text: str, first: NumberSpan, gap: str) -> bool:
    return bool(_RANGE_DASH.match(gap))


def _joined(text: str, first: NumberSpan, gap: str) -> bool:
    """Two ends joined by a dash, or by "to"/"and" after a range's cue ("between 20% and 30%"), or a bare first end
    by "to" with no cue ("hold 30,000 to 50,000 tons"); "from 1 million mt/year to 2 million mt/year" is a change,
    not a range, though "ranged from -100 to 500 yuan/mt" is one."""
    if _RANGE_DASH.match(gap):
        return True
    if not _RANGE_TO.match(gap):
        return False
    before = text[max(0, first.qualifier_start - 40):first.qualifier_start]
    cue = _RANGE_CUE.search(before)
    if cue is None:  # not after a change's word ("by 2,000 to 50,000 tons") nor a short year ("Jan-Sep '19 to")
        return (first.kind == "bare" and gap.strip().lower() == "to" and not _CHANGE_BEFORE.search(before)
                and not before.endswith(("'", "’")))
    return cue.group(1).lower() != "from" or first.unit is None


def _units_differ(first: NumberSpan, second: NumberSpan) -> bool:
    return first.unit is not None and first.unit != second.unit and not (second.unit or "").startswith(first.unit + "/")


_LABEL_KINDS = ("label", "date")
# Read in order: the first rule that applies decides.
_RANGE_RULES: tuple[_RangeRule, ...] = (
    _RangeRule("a label or a day's date is no range's end",
               lambda first, second: first.kind in _LABEL_KINDS or second.kind in _LABEL_KINDS, _never),
    _RangeRule("a range is not merged again", lambda first, second: first.is_range or second.is_range, _never),
    _RangeRule("two years joined by a dash ('2023-2024')",
               lambda first, second: first.kind == "year" and second.kind == "year", _dashed),
    _RangeRule("a price, then its second end in the first's currency ('RMB128,000~132,000/t')",
               lambda first, second: first.kind == "quantity" and second.kind == "bare"
               and (first.unit or "").startswith(("yuan", "usd")), _dashed),
    _RangeRule("the second end is no quantity",
               lambda first, second: first.kind not in ("quantity", "bare") or second.kind != "quantity", _never),
    _RangeRule("the ends are of different units", _units_differ, _never),
    _RangeRule("two ends of one unit", lambda first, second: True, _joined),
)


def _is_range_pair(text: str, first: NumberSpan, second: NumberSpan, gap: str) -> bool:
    """Whether two adjacent numbers, `gap` between them, are the two ends of one range."""
    rule = next(rule for rule in _RANGE_RULES if rule.applies(first, second))
    return rule.verdict(text, first, gap)


def _range_span(text: str, first: NumberSpan, second: NumberSpan) -> NumberSpan:
    low = first.value
    if first.unit is None and second.unit is not None:
        low = _inherit_scale(first, second)
    assert not isinstance(low, tuple) and not isinstance(second.value, tuple)
    kind = "year" if first.kind == "year" else "quantity"
    unit = second.unit
    if unit is None and first.unit is not None:
        unit = first.unit + ("/mt" if "/" not in first.unit and re.search(r"/\s?(?:t|mt|tonnes?|tons?)$", second.text)
                             else "")
    return replace(
        second,
        unit=unit,
        start=first.start,
        text=text[first.start:second.end],
        value=(float(low), float(second.value)),
        kind=kind,
        qualifier=first.qualifier,
        qualifier_start=first.qualifier_start,
    )


def _inherit_scale(first: NumberSpan, second: NumberSpan) -> float:
    """A range's first end written without unit takes the second end's scale ("$9-110 million"), unless it has a
    scale of its own ("between 5 million and 10 million tons")."""
    assert not isinstance(first.value, tuple) and not isinstance(second.value, tuple)
    written = re.search(NUM, second.text)
    own = re.search(NUM, first.text)
    if not written or own is None or abs(float(first.value)) != abs(parse_number(own.group(0))):
        return float(first.value)
    raw_second = parse_number(written.group(0))
    if raw_second == 0:
        return float(first.value)
    factor = abs(second.value) / raw_second
    return tidy(float(first.value) * factor)
