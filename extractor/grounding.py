"""Grounding: a fact is accepted only if its number can be read back from its span of the source text."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .clauses import DOWN_WORDS, FLAT_WORDS, UP_WORDS
from .facts import Fact
from .numbers import number_at

_TOLERANCE = 1e-6


def ground_fact(text: str, fields: dict[str, Any], number_start: int, number_end: int,
                quote_start: int, quote_end: int) -> tuple[bool, str | None]:
    """Check a fact against the document text.

    Returns (True, None) when the quote is the text at its offsets, the number
    span lies inside the quote and the number read there equals the fact's
    value (up to the sign a direction word supplies); otherwise (False, reason).
    """
    if not (0 <= quote_start <= number_start <= number_end <= quote_end <= len(text)):
        return False, "number span is not inside the quote span"
    if text[quote_start:quote_end] != fields.get("quote"):
        return False, "quote is not the text at its offsets"
    value = fields.get("value")
    measure = str(fields.get("measure", ""))
    if measure.endswith("_direction"):
        words = {"up": UP_WORDS, "down": DOWN_WORDS, "flat": FLAT_WORDS}.get(str(value))
        if words is None or not words.search(fields["quote"]):
            return False, f"no '{value}' word in the quote"
        return True, None
    number = number_at(text, number_start, number_end)
    if number is None:
        return False, "no number at the number span"
    if not _same_value(number.value, value, signed=(measure == "level")):
        return False, f"value {value} is not the {number.text!r} stated in the text"
    return True, None


def _same_value(stated: Any, claimed: Any, signed: bool) -> bool:
    if isinstance(stated, tuple) != isinstance(claimed, list):
        return False
    if isinstance(stated, tuple) and len(claimed) != 2:
        return False
    if isinstance(stated, tuple) and not signed:
        pairs = list(zip(sorted(abs(v) for v in stated), sorted(abs(v) for v in claimed if isinstance(v, (int, float)))))
    else:
        pairs = list(zip(stated, claimed)) if isinstance(stated, tuple) else [(stated, claimed)]
    for written, value in pairs:
        if not isinstance(value, (int, float)):
            return False
        a, b = (written, value) if signed else (abs(written), abs(value))
        if abs(a - b) > _TOLERANCE * max(1.0, abs(a)):
            return False
    return True


def contract_errors(fields: dict[str, Any]) -> str | None:
    """The first reason a fact breaks the facts contract, or None when it is valid."""
    try:
        Fact.model_validate(fields)
    except ValidationError as e:
        first = e.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc']) or 'fact'}: {first['msg']}"
    return None
