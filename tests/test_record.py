"""The record's label speaks the contract's vocabularies: a metric, basis or measure read from text is checked as
it becomes one (mypy holds the rest), and a fact's review reasons are taken back by kind."""

from __future__ import annotations

import pytest

from extractor.record import Fact, Label, ReviewKind, ReviewReason, Span, Status, as_basis, as_measure, as_metric


def test_a_name_read_from_text_becomes_the_contracts_or_is_refused() -> None:
    assert (as_metric("operating_rate"), as_basis("forecast"), as_measure("yoy_pp")) == \
        ("operating_rate", "forecast", "yoy_pp")
    for check, name in ((as_metric, "output"), (as_basis, "estimate"), (as_measure, "qoq_pct")):
        with pytest.raises(ValueError, match="not one of the contract's"):
            check(name)


def test_a_review_reason_taken_back_by_kind_leaves_the_others() -> None:
    label = Label("refined_zinc", "china", "production", None, None, "2025-03", "actual", "mom_pct")
    fact = Fact(label, 2.0, "%", None, "rose 2%", Span(5, 7), Span(0, 8))
    fact.flag(ReviewReason(ReviewKind.COMPARISON_NOT_STATED, "comparison not stated; taken as MoM"))
    fact.flag(ReviewReason(ReviewKind.NO_DIRECTION, "no direction word"))
    kept = fact.unflag(ReviewKind.COMPARISON_NOT_STATED)
    assert (kept.status, kept.reason, kept.notes) == (Status.NEEDS_REVIEW, "no direction word", [])
    assert kept.unflag(ReviewKind.NO_DIRECTION).status == Status.ACCEPTED
