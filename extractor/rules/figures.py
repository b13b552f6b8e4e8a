"""What a figure's own text says: its unit where the sentence states it once, its sign, its measure and value as
the contract writes them, and the span its quote covers."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable, NamedTuple

from extractor.text import lexicon
from extractor.text import vocabulary as vocab
from extractor.text.numbers import NumberSpan
from schemas.periods import RATE_METRICS

_MARKER_AFTER = re.compile(rf"^\s*{lexicon.MARKERS}\b", re.I)
_SCALED = re.compile(r"\b(?:million|thousand|billion|mln|mn|bn)\s*$", re.I)
_LISTED_BEFORE = re.compile(r"\s*(?:,|and|,\s*and|to|-)\s*")  # "2.1 and 3.4 percentage points"
_TO_BEFORE = re.compile(r"\bto\s*$")
_PLUS_BEFORE = re.compile(r"\+\s*$")


def units_left_off(s: str, found: list[NumberSpan]) -> list[NumberSpan]:
    """The sentence's quantities, with the mass unit a figure leaves off when the figure before it states it:
    "up 3.9% from 2.715 million in October" after "2.82 million tonnes", "up 10,000 mt to 520,000"."""
    out: list[NumberSpan] = []
    last_unit: str | None = None
    for at, number in enumerate(found):
        following = found[at + 1] if at + 1 < len(found) else None
        number = _mass_left_off(s, _percent_left_off(s, number, following), last_unit)
        if number.is_quantity:
            out.append(number)
            last_unit = "mt" if (number.unit or "").startswith("mt") else last_unit
    return out


def _percent_left_off(s: str, number: NumberSpan, following: NumberSpan | None) -> NumberSpan:
    """A bare number listed with the percentage after it takes its unit: "2.1 and 3.4 percentage points"."""
    if (number.kind == "bare" and following is not None and following.unit in ("%", "pp")
            and _LISTED_BEFORE.fullmatch(s[number.end:following.start])):
        return replace(number, unit=following.unit, kind="quantity")
    return number


def _mass_left_off(s: str, number: NumberSpan, last_unit: str | None) -> NumberSpan:
    """A figure after one in tonnes takes the tonnes where it leaves them off: a quantity scaled by its word
    ("2.715 million"), a bare number of thousands after "to" ("to 520,000")."""
    big = isinstance(number.value, float) and number.value >= 1000
    bare_after_to = (number.kind == "bare" and big and last_unit == "mt"
                     and _TO_BEFORE.search(s[max(0, number.start - 5):number.start]) is not None)
    scaled = number.is_quantity and number.unit is None and _SCALED.search(number.text) is not None
    if (scaled and last_unit == "mt") or bare_after_to:
        return replace(number, unit="mt", kind="quantity")
    return number


def signed_direction(s: str, number: NumberSpan) -> str | None:
    """'up' or 'down' for a figure written with its sign ("+7.9%", "-1.5%"), else None."""
    if isinstance(number.value, float) and number.value < 0:
        return "down"
    if _PLUS_BEFORE.search(s[max(0, number.start - 2):number.start]):
        return "up"
    return None


def _is_money(unit: str) -> bool:
    return unit.startswith(("yuan", "usd"))


class _ChangeMeasure(NamedTuple):
    """A change's unit and metric that make its measure's suffix ("mom_pct", "yoy_abs")."""

    name: str
    applies: Callable[[str, str], bool]  # (unit, metric)
    suffix: str


# Read in order: the first row that applies names the suffix; a change no row takes is no figure of the contract.
_CHANGE_MEASURES: tuple[_ChangeMeasure, ...] = (
    _ChangeMeasure("percentage points", lambda unit, metric: unit == "pp", "pp"),
    _ChangeMeasure("percent", lambda unit, metric: unit == "%", "pct"),
    _ChangeMeasure("a mass or power of a metric that is no rate or price",
                   lambda unit, metric: unit in ("mt", "GW", "MW") and metric not in (*RATE_METRICS, "price"), "abs"),
    _ChangeMeasure("money of a price", lambda unit, metric: _is_money(unit) and metric == "price", "abs"),
)


def measure_of(
    number: NumberSpan, metric: str, is_change: bool, comparison: str | None, direction: str | None
) -> tuple[str | None, str | None, Any]:
    """(measure, unit, value) as the contract writes a figure of `metric`: a level in the metric's unit, or a
    change signed by its direction; (None, None, None) where the unit does not fit."""
    unit = number.unit or ""
    raw = list(number.value) if isinstance(number.value, tuple) else number.value
    if not is_change:
        return _level(unit, metric, raw)
    row = next((row for row in _CHANGE_MEASURES if row.applies(unit, metric)), None)
    if row is None:
        return None, None, None
    sign = -1.0 if direction == "down" else 1.0
    value: Any
    if isinstance(raw, list):
        value = sorted(sign * abs(v) for v in raw)
    else:
        value = sign * abs(raw)
    return f"{comparison}_{row.suffix}", unit, value


def _level(unit: str, metric: str, raw: Any) -> tuple[str | None, str | None, Any]:
    """A level in a unit its metric allows, capacities per year and a year's output as its total."""
    allowed = vocab.METRIC_UNITS.get(metric)
    if allowed is not None and unit not in allowed:
        return None, None, None
    if metric == "price" and not _is_money(unit):
        return None, None, None
    unit_out = "mt/year" if metric in ("capacity", "operating_capacity") and unit.startswith("mt") else unit
    if metric == "cumulative_production" and unit == "mt/year":
        unit_out = "mt"  # a year's output written as a rate ("2.6 million tpy") is the year's total
    return "level", unit_out, raw


def quote_bounds(
    s: str, number: NumberSpan, local_pre: str, post: str, direction_at: int,
    level_cue: re.Match[str] | None, change_cue: re.Match[str] | None, comparison_noun: re.Match[str] | None,
) -> tuple[int, int]:
    pre_start = number.qualifier_start - len(local_pre)
    starts = [number.qualifier_start]
    if comparison_noun:
        starts.append(pre_start + comparison_noun.start())
    elif direction_at >= 0 and len(local_pre) - direction_at <= 40:
        starts.append(pre_start + direction_at)
    elif change_cue:
        starts.append(pre_start + change_cue.start())
    elif level_cue:
        starts.append(pre_start + level_cue.start())
    start = min(starts)
    end = number.end
    marker = _MARKER_AFTER.match(post)
    if marker:
        end = number.end + marker.end()
    return start, end
