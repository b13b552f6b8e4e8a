"""Reconciling what the LLM says with what the regex layer and the rules found.

The LLM never supplies a number. In the assist strategy it supplies a *label*
for a number the regex layer found; the value, its span and its sign come from
the text. The rules below decide between the rules' label and the LLM's, and
both opinions are kept with the fact. Under the `confirm` policy (the default:
on the seed gold, letting the local models' labels stand alone lowered
precision) the LLM is a second opinion that can only confirm:

1. The rules gave no label (metric `other`), or a known guess (no metric named
   before the number, a unit that does not fit the metric, a "respectively"
   list): the fact stays in review, with the LLM's label in its reason as a
   suggestion for the reviewer. Under `adopt` the LLM's label is taken instead,
   and the fact faces the same grounding and contract gate as any other.
2. Otherwise the two must agree on metric, measure, segment, content and basis
   for the fact to be accepted; if they disagree the rules' label is kept and
   the fact goes to review with the LLM's opinion in the reason.

`ground_llm_value` is the other direction, for designs where the LLM does give
numbers (the naive baseline): a figure is grounded only when a number the
regex layer found in the section has the same value (unit-normalized, sign
aside) inside or next to the LLM's quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extractor.record import Fact, ReviewKind, Status
from extractor.text import clauses as cl
from extractor.text.numbers import NumberSpan, find_numbers
from schemas.periods import RATE_METRICS

LABEL_KEYS = ("metric", "measure", "segment", "content", "basis")
# Kinds of review the rules give when their label is a guess: the LLM's label replaces it.
GUESSED = frozenset({ReviewKind.NO_METRIC, ReviewKind.UNIT_MISFIT, ReviewKind.RESPECTIVELY})
# Kinds of review the LLM is asked about at all.
ASK_ABOUT = GUESSED | {ReviewKind.COMPARISON_NOT_STATED}
# Numbers the contract has no fact for, whatever their label: never asked, never adopted.
NO_FACT = frozenset({ReviewKind.EXPECTATION_GAP, ReviewKind.QUARTER_ON_QUARTER, ReviewKind.FAR_PERIOD})
NEAR = 80


def needs_label(fact: Fact) -> bool:
    """Whether the assist strategy asks the LLM to label this number."""
    if fact.label.is_direction or any(review.kind in NO_FACT for review in fact.standing_reviews()):
        return False
    if fact.label.metric == "other":
        return True
    return asked_about(fact)


def asked_about(fact: Fact) -> bool:
    """Whether the fact is in review for a reason the LLM is asked about (its first reason's kind)."""
    first = fact.first_review()
    return fact.status == Status.NEEDS_REVIEW and first is not None and first.kind in ASK_ABOUT


def guessed(fact: Fact) -> bool:
    """Whether the rules gave no label, or one their first review reason calls a guess."""
    first = fact.first_review()
    return fact.label.metric == "other" or (first is not None and first.kind in GUESSED)


def contract_unit(metric: str, measure: str, number: NumberSpan) -> str | None:
    if measure.endswith("_pp"):
        return "pp"
    if measure.endswith("_pct"):
        return "%"
    if metric in RATE_METRICS:
        return "%"
    if metric in ("capacity", "operating_capacity"):
        return "mt/year"
    return number.unit


def fact_from_label(rules: Fact, label: Any, number: NumberSpan, text: str, report_month: str | None) -> Fact:
    """The fact the LLM's label makes of the rules' number: value and sign from the text, label from the LLM."""
    unit = "%" if number.unit == "%" else "pp" if number.unit == "pp" else number.unit
    measure = label.measure(unit)
    value: Any = number.value
    if measure != "level" and isinstance(value, float):
        at = rules.number.start
        clause_start = max(text.rfind(";", 0, at), text.rfind(",", 0, at), text.rfind(".", 0, at))
        direction, _ = cl.last_direction(text[clause_start + 1:at])
        value = -abs(value) if direction == "down" else abs(value)
    elif isinstance(value, tuple):
        value = list(value)
    segment = None if label.segment in (None, "null", "none") else label.segment
    period = rules.label.period or report_month
    if period is None:
        raise ValueError("no period for the number")
    return rules.relabel(metric=label.metric, measure=measure, segment=segment,
                         content="metal" if label.metal_content else None, basis=label.basis, period=period,
                         value=value, unit=contract_unit(label.metric, measure, number), qualifier=number.qualifier)


@dataclass
class Decision:
    """The fact reconciliation keeps (its label, status and reason) and both opinions with the decision."""

    fact: Fact
    status: Status
    reason: str | None
    opinions: dict[str, Any]

    def applied(self) -> Fact:
        """The kept fact with this decision's status, reason and opinions."""
        decided = self.fact.relabel(opinions=self.opinions)
        decided.settle(self.status, self.reason)
        return decided


def decide(rules: Fact, llm: Fact, policy: str = "confirm") -> Decision:
    """Apply the reconciliation rules to one number the rules and the LLM both labelled."""
    rules_label = {k: getattr(rules.label, k) for k in LABEL_KEYS}
    llm_label = {k: getattr(llm.label, k) for k in LABEL_KEYS}
    opinions = {"rules": rules_label, "llm": llm_label}
    unsure = guessed(rules)
    if unsure and policy == "adopt":
        why = "the rules gave no label" if rules.label.metric == "other" else f"the rules guessed ({rules.reason})"
        return Decision(llm, Status.ACCEPTED, None, {**opinions, "decision": f"llm: {why}"})
    if unsure:
        suggestion = ", ".join(f"{k}={llm_label[k]}" for k in LABEL_KEYS if llm_label[k] is not None)
        return Decision(rules, rules.status, f"{rules.reason}; LLM suggests {suggestion}",
                        {**opinions, "decision": "suggestion: kept in review (confirm policy)"})
    if rules_label == llm_label:
        return Decision(rules, Status.ACCEPTED, None, {**opinions, "decision": "agree"})
    differences = ", ".join(f"{k}={llm_label[k]}" for k in LABEL_KEYS if llm_label[k] != rules_label[k])
    return Decision(rules, Status.NEEDS_REVIEW, f"rules and LLM disagree (LLM says {differences}); {rules.reason}",
                    {**opinions, "decision": "disagree: rules kept, sent to review"})


def ground_llm_value(value: Any, quote: str, section_text: str, section_start: int,
                     at: int | None = None) -> NumberSpan | None:
    """The regex number in the section that states an LLM-given value in its quote, else the nearest beside it
    (within NEAR characters), or None (fabricated). `at` is where the quote stands in the section (its first
    occurrence if not given); where the quote is not found, the section's first number that states the value.

    Offsets of the returned span index the document (section_start added).
    """
    if isinstance(value, str):
        return None
    wanted = [abs(float(v)) for v in value] if isinstance(value, list) else [abs(float(value))]
    anchor = at if at is not None else section_text.find(quote) if quote else -1
    stating = [number for number in find_numbers(section_text) if _states(number, wanted)]
    found = (stating[0] if stating else None) if anchor < 0 else _nearest(stating, anchor, anchor + len(quote))
    if found is None:
        return None
    return NumberSpan(found.start + section_start, found.end + section_start, found.text, found.value,
                      found.unit, found.kind, found.qualifier, found.qualifier_start + section_start)


def _states(number: NumberSpan, wanted: list[float]) -> bool:
    """Whether a number (not a year, date or label) states the wanted values: a range's ends in either order."""
    if number.kind in ("year", "date", "label"):
        return False
    stated = sorted(abs(v) for v in number.value) if isinstance(number.value, tuple) else [abs(number.value)]
    return len(stated) == len(wanted) and _same(stated, sorted(wanted))


def _nearest(numbers: list[NumberSpan], start: int, end: int) -> NumberSpan | None:
    """The number inside [start, end), else the nearest one beside it within NEAR characters (the first of those
    as near), or None."""
    best: tuple[int, NumberSpan] | None = None
    for number in numbers:
        distance = max(start - number.end, number.start - end, 0)
        if distance <= NEAR and (best is None or distance < best[0]):
            best = (distance, number)
    return best[1] if best is not None else None


def _same(stated: list[float], wanted: list[float]) -> bool:
    return all(abs(s - w) <= max(1e-9, abs(w) * 1e-6) for s, w in zip(stated, wanted))


def naive_status(grounded: NumberSpan | None, direction: bool) -> tuple[Status, str | None]:
    """How the naive design's figure would fare under reconciliation (recorded, not applied)."""
    if direction:
        return Status.ACCEPTED, None
    if grounded is None:
        return Status.REJECTED, "fabricated: no number in the section states this value near the quote"
    return Status.ACCEPTED, None
