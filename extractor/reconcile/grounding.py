"""Grounding: a fact is accepted only if its number can be read back from its span of the source text."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from extractor.facts import contract_fact
from extractor.record import Fact
from extractor.text.clauses import FLAT_WORDS
from extractor.text.lexicon import words
from extractor.text.numbers import cell_value, number_at

_TOLERANCE = 1e-6
# the words a direction is read from: a move's, and how a country's output compares ("Peru saw weaker output")
_UP = re.compile(rf"\b{words('up_word', 'up_verb', 'up_noun', 'up_state')}\b", re.I)
_DOWN = re.compile(rf"\b{words('down_word', 'down_verb', 'down_noun', 'down_state')}\b", re.I)


def ground_fact(text: str, fact: Fact) -> tuple[bool, str | None]:
    """Check a fact against the document text.

    Returns (True, None) when the quote is the text at its offsets, the number
    span lies inside the quote and the number read there equals the fact's
    value (up to the sign a direction word supplies); otherwise (False, reason).
    """
    number_span, quote_span = fact.number, fact.quote_span
    if not (0 <= quote_span.start <= number_span.start <= number_span.end <= quote_span.end <= len(text)):
        return False, "number span is not inside the quote span"
    if quote_span.of(text) != fact.quote:
        return False, "quote is not the text at its offsets"
    value = fact.value
    measure = fact.label.measure
    if fact.label.is_direction:
        said = {"up": _UP, "down": _DOWN, "flat": FLAT_WORDS}.get(str(value))
        if said is None or not said.search(fact.quote):
            return False, f"no '{value}' word in the quote"
        return True, None
    if fact.scale is not None:  # a table cell, its mass stated in the table's unit
        return _ground_scaled(text, fact)
    number = number_at(text, number_span.start, number_span.end)
    if number is None:
        return False, "no number at the number span"
    # A level keeps the sign it is written with, but a balance's comes from "deficit" or "surplus" (the contract).
    if not _same_value(number.value, value, signed=(measure == "level" and fact.label.metric != "balance")):
        return False, f"value {value} is not the {number.text!r} stated in the text"
    return True, None


def _ground_scaled(text: str, fact: Fact) -> tuple[bool, str | None]:
    """A table cell's mass: the cell's number times a factor its unit declaration states (the factors the fact
    carries, read from the declaration where the fact was made) is the value."""
    assert fact.scale is not None
    if not 0 <= fact.scale.start <= fact.scale.end <= len(text):
        return False, "unit span is outside the text"
    factors = fact.scale.factors
    stated = cell_value(fact.number.of(text))
    if not factors:
        return False, "no mass unit at the unit span"
    if stated is None:
        return False, "no number at the number span"
    if not isinstance(fact.value, (int, float)) or all(
            abs(abs(stated) * f - abs(float(fact.value))) > 1e-6 * max(1.0, abs(stated) * f) for f in factors):
        return False, f"value {fact.value} is not the {fact.number.of(text)!r} x {factors[0]:g} the table states"
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


def contract_errors(fact: Fact) -> str | None:
    """The first reason a fact breaks the facts contract, or None when it is valid."""
    try:
        contract_fact(fact)
    except ValidationError as e:
        first = e.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc']) or 'fact'}: {first['msg']}"
    return None
