"""The record every stage passes on: a fact or a driver, its label, its spans in the source and its status.

Stages (the rules, the LLM strategies, reconciliation, cross-checks, the
store) take and return these; only the store turns them into rows. This module
imports nothing of ours but the contract's vocabularies (`schemas.contract`, which imports nothing), so every layer
can use it; a label's metric, basis, measure and content are the contract's (`as_metric`, `as_basis`, `as_measure`
check a name read from text). The label's fields are declared once (`LabelFields`): the contract's export model
(`extractor.facts.Fact`) inherits them. A status moves only through the record's methods.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Union, cast, get_args

from schemas.contract import Basis, Content, Measure, Metric

# A fact's value: a number, a [low, high] range, or a direction word for the *_direction measures.
Value = Union[float, list[float], str]


class Status(str, Enum):
    """Where a fact or driver stands: accepted into the dataset, kept for a person to review, or rejected."""

    ACCEPTED = "accepted"
    NEEDS_REVIEW = "needs_review"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return self.value


class ReviewKind(str, Enum):
    """Why the rules sent a number to review, as a kind code can decide by: which numbers the LLM is asked about,
    and which rules' labels are guesses, are sets of these kinds (reconcile/labels.py), never words of the message.
    The wording people read is the rules' (rules/reasons.py)."""

    EXPECTATION_GAP = "expectation_gap"  # a difference from an expectation
    LARGEST_CHANGE = "largest_change"  # the largest change among producers
    SIZE_CLASS = "size_class"  # the bound of a size class of producers
    OUTPUT_AFFECTED = "output_affected"  # output a cause takes: maybe a maintenance impact
    NO_METRIC = "no_metric"  # no metric word before the number
    NOT_THE_COMMODITY = "not_the_commodity"  # an objection: a week's, demand's, another product's, one plant's figure
    ANNUAL_CHANGE = "annual_change"  # the output a year a change adds or takes
    SURVEY_SAMPLE = "survey_sample"  # the capacity of a survey's sample
    PROJECT_CAPACITY = "project_capacity"  # a project's capacity
    QUARTER_ON_QUARTER = "quarter_on_quarter"  # a change against the quarter before
    COMPARISON_NOT_STATED = "comparison_not_stated"  # a change read as MoM for want of a marker
    DATED_ELSEWHERE = "dated_elsewhere"  # a change dated to another year
    NO_DIRECTION = "no_direction"  # a change with no direction word
    UNIT_MISFIT = "unit_misfit"  # a unit the metric has no measure for
    PRICE_SEGMENT = "price_segment"  # a price, whose segment needs checking
    NO_PERIOD = "no_period"  # no month for the number
    FAR_PERIOD = "far_period"  # a month far from the report month
    RATE_RANGE = "rate_range"  # a rate outside 0-100%
    SOME_PRODUCERS = "some_producers"  # a bound on the rates of some producers
    RESPECTIVELY = "respectively"  # a "respectively" list not yet counted out
    UNKNOWN_HEADING = "unknown_heading"  # a section heading not in the commodity table


@dataclass(frozen=True)
class ReviewReason:
    """One reason a fact is in review: its kind, for code, and its message, for people (the `reason` text stored)."""

    kind: ReviewKind
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Span:
    """[start, end) character offsets into the document text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True)
class Scale(Span):
    """Where a mass's unit is declared (a table's "Unit: 1,000 tonne" line, the "mt" after "63.3") and the factors
    to tonnes that declaration states: one for a "Unit:" line, those its words name otherwise, none where it names no
    mass unit. Read where the fact is made (the table reader, the read strategy's scaling); grounding checks the
    fact's value against them. The store keeps the span only (a stored fact is not grounded again), so `factors`
    is not part of a scale's equality."""

    factors: tuple[float, ...] = field(default=(), compare=False)


_METRICS, _BASES, _MEASURES = frozenset(get_args(Metric)), frozenset(get_args(Basis)), frozenset(get_args(Measure))


def as_metric(value: str) -> Metric:
    """A metric name as the contract's (ValueError for one it has not)."""
    if value not in _METRICS:
        raise ValueError(f"{value!r} is not one of the contract's metrics")
    return cast(Metric, value)


def as_basis(value: str) -> Basis:
    """A basis as the contract's (ValueError for one it has not)."""
    if value not in _BASES:
        raise ValueError(f"{value!r} is not one of the contract's bases")
    return cast(Basis, value)


def as_measure(value: str) -> Measure:
    """A measure as the contract's (ValueError for one it has not)."""
    if value not in _MEASURES:
        raise ValueError(f"{value!r} is not one of the contract's measures")
    return cast(Measure, value)


@dataclass(frozen=True)
class LabelFields:
    """The contract's label of a fact, its fields and their types declared once: what the number is about, apart
    from its value. The record's `Label` is these fields with its methods; the contract's export model
    (`extractor.facts.Fact`) is these fields with value, unit, qualifier and quote and the contract's checks. A field
    added here, or a value added to a vocabulary of `schemas.contract`, is one edit for both."""

    commodity: str
    region: str
    metric: Metric
    segment: str | None
    content: Content | None
    period: str | None  # None while no month is known: such a fact waits in review (the export refuses it)
    basis: Basis
    measure: Measure


LABEL_FIELDS = tuple(f.name for f in dataclasses.fields(LabelFields))
CONTRACT_FIELDS = (*LABEL_FIELDS, "value", "unit", "qualifier", "quote")


@dataclass(frozen=True)
class Label(LabelFields):
    """A fact's label in the record: the contract's key fields (`LabelFields`) and what stages ask of them."""

    def replace(self, **changes: Any) -> "Label":
        return dataclasses.replace(self, **changes)

    @property
    def comparison(self) -> str | None:
        """'mom' or 'yoy' for a change, None for a level."""
        return None if self.measure == "level" else self.measure.split("_")[0]

    @property
    def is_direction(self) -> bool:
        return self.measure.endswith("_direction")

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in LABEL_FIELDS}


@dataclass
class Fact:
    """One labelled number (or stated direction) with where it came from and how far it is trusted.

    `number` is the span of the number itself (of the direction words, for a
    direction), `quote_span` the span of `quote`. `direction` is the sign word a
    change was read with (the labeller chains it: "up 1% MoM and 2% YoY");
    `opinions` holds the rules' and the LLM's labels where both were asked.
    `scale`, for a mass stated in a declared unit (a table cell), is where that unit is declared ("Unit: 1,000
    tonne") with the factors to tonnes it states: the grounding takes them from the fact.
    `reviews` holds the typed reasons behind `reason` and `notes` where the rules gave them (in memory only: the
    store keeps the messages).
    """

    label: Label
    value: Value
    unit: str | None
    qualifier: str | None
    quote: str
    number: Span
    quote_span: Span
    status: Status = Status.ACCEPTED
    reason: str | None = None
    notes: list[str] = field(default_factory=list)
    direction: str | None = None
    opinions: dict[str, Any] = field(default_factory=dict)
    source: str = "rules"
    section: int = 0
    scale: Scale | None = None
    reviews: list[ReviewReason] = field(default_factory=list, compare=False, repr=False)

    def flag(self, reason: str | ReviewReason) -> None:
        """Send an accepted fact to review for this reason; a fact already flagged keeps its first reason."""
        message = str(reason)
        if isinstance(reason, ReviewReason):
            self.reviews.append(reason)
        if self.status == Status.ACCEPTED:
            self.hold(message)
        else:
            self.notes.append(message)

    # A status changes only through these methods (`relabel` refuses status and reason): `flag` and `hold` send a
    # fact to review, `accept` takes it into the dataset, `settle` applies a verdict that may be any of the three
    # (the gate's, a reconciliation's decision); `unflag` and `withdraw` take review reasons back on a copy.

    def hold(self, reason: str) -> None:
        """Keep the fact for review for this reason, in place of any reason it had (`flag` keeps a first reason)."""
        self.settle(Status.NEEDS_REVIEW, reason)

    def accept(self, reason: str | None = None) -> None:
        """Take the fact into the dataset, with no reason unless taking it is itself worth saying; notes stay."""
        self.settle(Status.ACCEPTED, reason)

    def settle(self, status: Status, reason: str | None) -> None:
        """Take the status and reason a verdict gives."""
        self.status, self.reason = status, reason

    def unflag(self, kind: ReviewKind) -> "Fact":
        """The fact without the review reasons of one kind: accepted again where no other reason stands."""
        gone = {review.message for review in self.reviews if review.kind == kind}
        return self._without(gone, [review for review in self.reviews if review.kind != kind])

    def withdraw(self, message: str) -> "Fact":
        """The fact without one review reason, named by its message: accepted again where it was the only one."""
        return self._without({message}, list(self.reviews))

    def _without(self, gone: set[str], reviews: list[ReviewReason]) -> "Fact":
        notes = [note for note in self.notes if note not in gone]
        if self.reason not in gone:
            return dataclasses.replace(self, notes=notes, reviews=reviews)
        if notes:
            return dataclasses.replace(self, reason=notes[0], notes=notes[1:], reviews=reviews)
        return dataclasses.replace(self, status=Status.ACCEPTED, reason=None, notes=notes, reviews=reviews)

    def standing_reviews(self) -> list[ReviewReason]:
        """The typed reasons still standing: those whose message is still the fact's reason or one of its notes (a
        stage that takes a reason back rewrites `reason` and `notes`, as lists.py does for a counted-out list)."""
        held = {self.reason, *self.notes}
        return [review for review in self.reviews if review.message in held]

    def first_review(self) -> ReviewReason | None:
        """The typed reason behind `reason` (the first one given), or None where it has none (or no reason)."""
        return next((review for review in self.reviews if review.message == self.reason), None)

    def relabel(self, **changes: Any) -> "Fact":
        """A copy with label fields (metric, measure, ...) and/or fact fields (value, unit, quote, ...) changed; its
        status and reason change only through the methods above."""
        if {"status", "reason"} & changes.keys():
            raise TypeError("relabel changes no status or reason: use hold, accept or settle on the copy")
        label_changes = {k: v for k, v in changes.items() if k in LABEL_FIELDS}
        other = {k: v for k, v in changes.items() if k not in LABEL_FIELDS}
        other.setdefault("notes", list(self.notes))
        other.setdefault("reviews", list(self.reviews))
        return dataclasses.replace(self, label=self.label.replace(**label_changes), **other)

    def contract_fields(self) -> dict[str, Any]:
        """The fact in the contract's shape (shared/contract/FACTS.md): label fields, value, unit, qualifier, quote."""
        return {**self.label.as_dict(), "value": self.value, "unit": self.unit, "qualifier": self.qualifier,
                "quote": self.quote}


@dataclass
class Driver:
    """A cause of output the report gives, with its effect and category, tied to its quote's span."""

    commodity: str
    period: str
    basis: str
    effect: str
    category: str
    summary: str
    quote: str
    quote_span: Span
    status: Status = Status.ACCEPTED
    reason: str | None = None
    source: str = "rules"
    section: int = 0

    def hold(self, reason: str) -> None:
        """Keep the driver for review for this reason, in place of any reason it had."""
        self.status, self.reason = Status.NEEDS_REVIEW, reason

    def key(self) -> tuple[str, str, str, str, str]:
        """What makes two drivers the same (the contract's matching key): commodity, period, basis, effect,
        category."""
        return (self.commodity, self.period, self.basis, self.effect, self.category)

    def contract_fields(self) -> dict[str, Any]:
        return {"commodity": self.commodity, "period": self.period, "basis": self.basis, "effect": self.effect,
                "category": self.category, "summary": self.summary, "quote": self.quote}


_STANDING = {Status.ACCEPTED: 0, Status.NEEDS_REVIEW: 1, Status.REJECTED: 2}


def distinct_facts(facts: list[Fact]) -> list[Fact]:
    """The facts as a set: an exact repeat (the same contract fields, a sentence the report states twice) is kept
    once, at its first place, as its most trusted reading (accepted before review before rejected)."""
    kept: dict[str, Fact] = {}
    for fact in facts:
        key = repr(sorted(fact.contract_fields().items()))
        if key not in kept or _STANDING[fact.status] < _STANDING[kept[key].status]:
            kept[key] = fact
    return list(kept.values())


def distinct_drivers(drivers: list[Driver]) -> list[Driver]:
    """The drivers as a set: an exact repeat (the same contract fields) is kept once, at its first place."""
    kept: dict[str, Driver] = {}
    for driver in drivers:
        key = repr(sorted(driver.contract_fields().items()))
        if key not in kept or _STANDING[driver.status] < _STANDING[kept[key].status]:
            kept[key] = driver
    return list(kept.values())
