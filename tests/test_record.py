"""The record's label speaks the contract's vocabularies: a metric, basis or measure read from text is checked as
it becomes one (mypy holds the rest); a fact's review reasons are taken back by kind or by their words, and its
status moves only through the record's own methods."""

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


def _zinc() -> Fact:
    label = Label("refined_zinc", "china", "production", None, None, "2025-03", "actual", "mom_pct")
    return Fact(label, 2.0, "%", None, "rose 2%", Span(5, 7), Span(0, 8))


def test_flag_keeps_the_first_reason_while_hold_puts_its_own_in_place() -> None:
    flagged, held = _zinc(), _zinc()
    for fact in (flagged, held):
        fact.flag("first doubt")
    flagged.flag("second doubt")
    held.hold("second doubt")
    assert (flagged.status, flagged.reason, flagged.notes) == (Status.NEEDS_REVIEW, "first doubt", ["second doubt"])
    assert (held.status, held.reason, held.notes) == (Status.NEEDS_REVIEW, "second doubt", [])


def test_accept_and_settle_set_status_and_reason_together() -> None:
    fact = _zinc()
    fact.settle(Status.REJECTED, "not grounded: no number at the number span")
    assert (fact.status, fact.reason) == (Status.REJECTED, "not grounded: no number at the number span")
    fact.accept()
    assert (fact.status, fact.reason) == (Status.ACCEPTED, None)


def test_a_reason_withdrawn_by_its_words_promotes_the_next_or_accepts() -> None:
    fact = _zinc()
    fact.flag("which part is which needs checking")
    fact.flag("month far from the report")
    left = fact.withdraw("which part is which needs checking")
    assert (left.status, left.reason, left.notes) == (Status.NEEDS_REVIEW, "month far from the report", [])
    assert left.withdraw("month far from the report").status == Status.ACCEPTED
    assert fact.reason == "which part is which needs checking"  # the original is left as it was


def test_relabel_changes_no_status_or_reason() -> None:
    with pytest.raises(TypeError, match="no status or reason"):
        _zinc().relabel(status=Status.ACCEPTED)
    with pytest.raises(TypeError):
        _zinc().relabel(metric="capacity", reason="looked like capacity")
