"""Making a decision: reading `field=value` corrections, checking the figure a decision would accept against the
contract (and a corrected value against its quote), and recording it."""

from __future__ import annotations

import json
import re
from typing import Any, get_args

from pydantic import ValidationError

from extractor.errors import ReviewError, StoreError
from extractor.eval.gold import value_in_quote
from extractor.facts import Fact
from extractor.record import CONTRACT_FIELDS
from extractor.store import Store
from extractor.store.decisions import CORRECTABLE, Recorded, key_of, record
from extractor.text.commodities import COMMODITY_ALIASES
from schemas.contract import Basis, Content, Direction, Measure, Metric, Qualifier

from .queue import find

# The contract's values for each field a correction may set (None: free text in the contract's form).
CHOICES: dict[str, tuple[str, ...] | None] = {
    "commodity": tuple(sorted(COMMODITY_ALIASES)), "region": None, "metric": get_args(Metric), "segment": None,
    "content": get_args(Content), "period": None, "basis": get_args(Basis), "measure": get_args(Measure), "value": None,
    "unit": ("mt", "%", "pp", "mt/year", "mt/day", "yuan/mt", "usd/mt"), "qualifier": get_args(Qualifier),
}
NULLABLE = ("segment", "content", "unit", "qualifier")
_RANGE = re.compile(r"^\s*(-?[\d.,]+)\s*(?:\.\.|–|to)\s*(-?[\d.,]+)\s*$")


def parse_value(text: str) -> Any:
    """A value as typed: a number ('1,234.5'), a range ('10..12' or '[10, 12]') or a direction ('up')."""
    text = text.strip()
    if text in get_args(Direction):
        return text
    try:
        if text.startswith("["):
            low, high = json.loads(text)
            return [float(low), float(high)]
        if match := _RANGE.match(text):
            return [float(match.group(1).replace(",", "")), float(match.group(2).replace(",", ""))]
        return float(text.replace(",", ""))
    except (ValueError, TypeError) as e:
        raise ReviewError(f"value {text!r}: give a number, a range 'low..high' or up/down/flat") from e


def parse_changes(assignments: list[str] | dict[str, str]) -> dict[str, Any]:
    """Corrections from `field=value` words (or a form's fields): typed, with 'null' (or nothing) for no value
    where the contract allows one. Raises ReviewError naming the field."""
    pairs = assignments.items() if isinstance(assignments, dict) else [_split(a) for a in assignments]
    changes: dict[str, Any] = {}
    for name, text in pairs:
        name = name.strip()
        if name not in CORRECTABLE:
            raise ReviewError(f"{name!r} cannot be corrected; fields: {', '.join(CORRECTABLE)}")
        text = text.strip()
        if text.lower() in ("", "null", "none"):
            if name not in NULLABLE:
                raise ReviewError(f"{name} needs a value")
            changes[name] = None
        elif name == "value":
            changes[name] = parse_value(text)
        else:
            changes[name] = text if name == "unit" else text.lower()
    return changes


def _split(assignment: str) -> tuple[str, str]:
    name, sep, value = assignment.partition("=")
    if not sep:
        raise ReviewError(f"{assignment!r}: write a correction as field=value, e.g. period=2025-10")
    return name, value


def standing_fact(row: dict[str, Any], changes: dict[str, Any]) -> Fact:
    """The contract fact a decision would leave (the row as it stands with the changes); raises ReviewError when it
    breaks the contract, or when a corrected value is not a number its quote states."""
    fields = {c: row.get(c) for c in CONTRACT_FIELDS}
    if isinstance(fields["value"], str) and fields["value"] not in get_args(Direction):
        fields["value"] = json.loads(fields["value"])
    fields.update(changes)
    try:
        fact = Fact.model_validate(fields)
    except ValidationError as e:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc']) or 'fact'}: {err['msg']}" for err in e.errors())
        raise ReviewError(f"the figure would not fit the contract ({problems}); correct those fields") from e
    if "value" in changes and not fact.measure.endswith("_direction") and not value_in_quote(fact):
        raise ReviewError(f"the quote {fact.quote!r} does not state the value {fact.value}")
    return fact


def decide(store: Store, key: str, action: str, changes: dict[str, Any] | None = None, who: str | None = None,
           why: str | None = None, seen: int | None = None) -> Recorded:
    """Record one decision on the figure with this key: accept (it must fit the contract as it stands), reject,
    correct (the changes must leave a figure that fits; the figure is then accepted) or undo. Raises ReviewError."""
    row = find(store, key)
    changes = changes or {}
    if action == "correct":
        changed = {k: v for k, v in changes.items() if row.get(k) != v}
        if not changed:
            raise ReviewError("nothing to correct: every field given already has that value")
        changes = changed
        standing_fact(row, changes)
    elif action == "accept":
        standing_fact(row, {})
    elif changes:
        raise ReviewError(f"{action} takes no field=value; use `set` to correct")
    extracted = json.loads(row["extracted"]) if row.get("extracted") else row
    value = extracted["value"]
    try:
        return record(store.db, key_of(row), action, changes=changes, who=who, why=why, seen=seen,
                      document=row["document"], value=json.loads(value) if isinstance(value, str) and value[:1] in
                      "[-0123456789" else value, quote=row["quote"])
    except StoreError as e:
        raise ReviewError(str(e)) from e
