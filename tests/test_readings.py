"""The two readings of one number decided (reconcile/readings.py), on hand-written readings: failure shapes of a
trusted reader, not a model's answers."""

from __future__ import annotations

from extractor.reconcile.readings import Trust, decide
from extractor.record import Fact, Label, Span, Status

TEXT = "In March, output in the north rose to 42,600 t, as a restarted line made up for idle capacity elsewhere."
AT = TEXT.index("42,600")


def _fact(source: str, metric: str = "production", segment: str | None = None) -> Fact:
    label = Label(commodity="refined_zinc", region="china", metric=metric, segment=segment, content=None,
                  period="2024-03", basis="actual", measure="level")
    return Fact(label, 42600.0, "t", None, "42,600 t", Span(AT, AT + 6), Span(AT, AT + 8), source=source)


def _refuted(fact: Fact, field: str) -> Fact:
    """An LLM reading the text refuted on one field (what the read strategy's verifier leaves)."""
    fact.hold(f"LLM reading not verified: {field}")
    fact.opinions = {"unverified": [field]}
    return fact


STRONG = Trust("strong", verified=18, figures=20, agreed=9, compared=10)


def test_a_refuted_reading_falls_back_to_the_rules_where_they_differ_only_on_the_refuted_field() -> None:
    llm = _refuted(_fact("llm", metric="capacity", segment="north"), "metric")
    [fact] = decide([_fact("rules", segment="north")], [llm], STRONG)
    assert (fact.source, fact.status, fact.label.metric, fact.label.segment) == (
        "rules", Status.ACCEPTED, "production", "north")


def test_a_refuted_reading_contests_the_rules_on_a_field_the_text_did_not_refute() -> None:
    """The trusted reader named the part ("the north") and the rules did not: the rules' reading is one opinion
    against another there, so it goes to review with both, not into the dataset."""
    llm = _refuted(_fact("llm", metric="capacity", segment="north"), "metric")
    [fact] = decide([_fact("rules")], [llm], STRONG)
    assert (fact.source, fact.status) == ("rules", Status.NEEDS_REVIEW)
    assert "differ from the LLM on segment" in (fact.reason or "")
    assert fact.opinions["llm"]["segment"] == "north" and fact.opinions["rules"]["segment"] is None


def test_an_untrusted_reader_never_contests_the_rules() -> None:
    llm = _refuted(_fact("llm", metric="capacity", segment="north"), "metric")
    weak = Trust("none", verified=2, figures=10, agreed=1, compared=10)
    [fact] = decide([_fact("rules")], [llm], weak)
    assert (fact.source, fact.status, fact.label.segment) == ("rules", Status.ACCEPTED, None)
