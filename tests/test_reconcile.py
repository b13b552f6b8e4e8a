"""The reconciliation rules between the rules' and the LLM's labels, the grounding of LLM-given numbers, and the
cross-checks of figures that cannot all be true together."""

from __future__ import annotations

from pathlib import Path

from extractor.reconcile.labels import decide, ground_llm_value, needs_label
from extractor.record import Fact, Label, ReviewKind, ReviewReason, Span, Status
from extractor.rules.reasons import review_reason

ACCEPTED, NEEDS_REVIEW = Status.ACCEPTED, Status.NEEDS_REVIEW


def _rules_fact(*reviews: ReviewReason, **fields) -> Fact:
    """A rules fact, flagged with these typed reasons in order."""
    fact = Fact(Label("copper_cathode", "china", "production", None, None, "2024-06", "actual", "mom_pct"),
                2.0, "%", None, "up 2% MoM", Span(3, 5), Span(0, 9)).relabel(**fields)
    for review in reviews:
        fact.flag(review)
    return fact


def test_confirm_policy_keeps_an_unlabelled_number_in_review_with_the_suggestion() -> None:
    rules = _rules_fact(review_reason(ReviewKind.NO_METRIC), metric="other")
    decision = decide(rules, rules.relabel(metric="production"), "confirm")
    assert decision.status == NEEDS_REVIEW and decision.fact.label.metric == "other"
    assert "LLM suggests metric=production" in (decision.reason or "")
    assert decision.opinions["rules"]["metric"] == "other" and decision.opinions["llm"]["metric"] == "production"


def test_adopt_policy_takes_the_llm_label_where_rules_gave_none() -> None:
    rules = _rules_fact(review_reason(ReviewKind.NO_METRIC), metric="other")
    decision = decide(rules, rules.relabel(metric="production"), "adopt")
    assert decision.status == ACCEPTED and decision.fact.label.metric == "production"


def test_adopt_policy_takes_the_llm_label_over_a_rules_guess() -> None:
    rules = _rules_fact(review_reason(ReviewKind.RESPECTIVELY), segment="9-series")
    decision = decide(rules, rules.relabel(segment="8-series"), "adopt")
    assert decision.status == ACCEPTED and decision.fact.label.segment == "8-series"
    kept = decide(rules, rules.relabel(segment="8-series"), "confirm")
    assert kept.status == NEEDS_REVIEW and kept.fact.label.segment == "9-series"


def test_reconcile_accepts_agreement_and_reviews_disagreement() -> None:
    rules = _rules_fact(review_reason(ReviewKind.COMPARISON_NOT_STATED))
    agree = decide(rules, rules.relabel())
    assert agree.status == ACCEPTED and agree.opinions["decision"] == "agree"
    disagree = decide(rules, rules.relabel(measure="yoy_pct"))
    assert disagree.status == NEEDS_REVIEW and disagree.fact.label.measure == "mom_pct"
    assert "LLM says measure=yoy_pct" in (disagree.reason or "")


def test_what_the_llm_is_asked_follows_the_kind_not_the_wording() -> None:
    """A message reworded (or one that happens to say "respectively") changes nothing: the kind decides."""
    reworded = _rules_fact(ReviewReason(ReviewKind.COMPARISON_NOT_STATED, "read as a monthly change: no marker"))
    assert needs_label(reworded)
    look_alike = _rules_fact(ReviewReason(ReviewKind.PRICE_SEGMENT, "no metric named; respectively"))
    assert not needs_label(look_alike)
    assert decide(look_alike, look_alike.relabel(segment="8-series"), "adopt").status == NEEDS_REVIEW
    plain = _rules_fact(metric="production")
    plain.flag("a message without a kind")  # a stage that gives only words: nothing to ask
    assert not needs_label(plain)


def test_a_number_with_no_contract_fact_is_never_asked_about() -> None:
    """A far month among the notes keeps even an unlabelled number from the LLM."""
    far = _rules_fact(review_reason(ReviewKind.NO_METRIC), review_reason(ReviewKind.FAR_PERIOD, "2021-01", "2024-06"),
                      metric="other")
    assert far.notes == ["period 2021-01 is far from the report month 2024-06"]
    assert not needs_label(far)
    assert needs_label(_rules_fact(review_reason(ReviewKind.NO_METRIC), metric="other"))


def test_a_reason_taken_back_no_longer_stands() -> None:
    """A stage that rewrites reason and notes (a counted-out list) takes the typed reason back with it."""
    listed = _rules_fact(review_reason(ReviewKind.RESPECTIVELY))
    assert needs_label(listed)
    counted = listed.relabel(notes=[])
    counted.accept()
    assert counted.standing_reviews() == [] and not needs_label(counted)


def test_llm_numbers_are_grounded_only_when_the_text_states_them() -> None:
    section = "Output rose 2.6% MoM to 512,300 mt in September."
    assert ground_llm_value(512300, "to 512,300 mt", section, 100) is not None
    assert ground_llm_value(0.0512, "to 512,300 mt", section, 100) is None
    assert ground_llm_value(999999, "to 512,300 mt", section, 100) is None  # fabricated


def test_cross_check_flags_a_level_that_disagrees_with_its_change() -> None:
    from extractor.reconcile.crosscheck import check_document

    def fact(measure: str, value: float) -> Fact:
        return Fact(Label("lfp", "china", "production", None, None, "2024-06", "actual", measure),
                    value, "mt", None, "", Span(0, 0), Span(0, 0))

    good = [fact("level", 105.0), fact("mom_abs", 5.0), fact("mom_pct", 5.0)]
    bad = [fact("level", 105.0), fact("mom_abs", 5.0), fact("mom_pct", 9.0)]
    assert check_document(good) == 0 and all(f.status == ACCEPTED for f in good)
    assert check_document(bad) == 1 and all(f.status == NEEDS_REVIEW for f in bad)


def test_cross_check_against_the_previous_month_in_the_database(tmp_path: Path, fixtures: Path) -> None:
    from extractor.reconcile.crosscheck import check_history

    facts = [Fact(Label("refined_zinc", "china", "production", None, None, "2017-11", "actual", m), v, "mt", None, "",
                  Span(0, 0), Span(0, 0)) for m, v in (("level", 530000.0), ("mom_pct", 10.0))]
    assert check_history(facts, lambda label, period: 512300.0 if period == "2017-10" else None) == 1
    assert "512300" in (facts[0].reason or "") and facts[1].status == NEEDS_REVIEW


def test_a_round_level_is_checked_against_the_month_before_within_its_rounding() -> None:
    """ "a record of 9 million tons, up 0.8%" against a stored 8.93 million: 9 million may be 8.5-9.5 million, so
    the change fits; the same change against a stored 8.1 million does not, nor does a precise level's."""
    from extractor.reconcile.crosscheck import check_history

    def facts(level: float) -> list[Fact]:
        return [Fact(Label("alumina", "china", "production", None, None, "2025-05", "actual", m), v, "mt", None, "",
                     Span(0, 0), Span(0, 0)) for m, v in (("level", level), ("mom_pct", 0.8))]

    assert check_history(facts(9_000_000.0), lambda label, period: 8_930_000.0) == 0
    assert check_history(facts(9_000_000.0), lambda label, period: 8_100_000.0) == 1
    assert check_history(facts(9_410_000.0), lambda label, period: 8_930_000.0) == 1


