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


def test_a_figure_the_llm_read_alike_but_misvalued_is_no_figure_it_passed_over() -> None:
    """The trusted reader gave the rules' label to the number but a value the text does not state (rejected as
    fabricated): the rules' sure reading, whose value is the text's, stands. Where the misvalued reading's label
    differs, the LLM did pass the rules' reading over, and it goes to review."""
    misvalued = _fact("llm")
    misvalued.value = 46200.0
    misvalued.settle(Status.REJECTED, "fabricated: no number in the text states this value at the quote")
    rules = _fact("rules")
    rules.accept()
    unsure_of_rules = Trust("strong", verified=18, figures=20, agreed=6, compared=10)
    rejected, kept = decide([rules], [misvalued], unsure_of_rules)
    assert (rejected.status, kept.source, kept.status, kept.value) == (
        Status.REJECTED, "rules", Status.ACCEPTED, 42600.0)
    assert kept.opinions["llm"]["metric"] == "production" and "46200" in kept.opinions["decision"]

    other = _fact("llm", metric="capacity")
    other.value = 46200.0
    other.settle(Status.REJECTED, "fabricated: no number in the text states this value at the quote")
    rules = _fact("rules")
    rules.accept()
    _, held = decide([rules], [other], unsure_of_rules)
    assert (held.source, held.status) == ("rules", Status.NEEDS_REVIEW)
    assert "only the rules read this figure" in (held.reason or "")


def test_where_the_text_speaks_for_the_rules_basis_their_reading_stands_against_a_trusted_reader() -> None:
    """A trusted reader's forecast of the report month, in a sentence with no forecast word, against the rules' sure
    actual: the text speaks for the rules. The favouring fields come from the caller (the read flow asks the
    verifier); a field the text does not speak to leaves the trusted reader's reading primary."""
    rules, llm = _fact("rules"), _fact("llm")
    rules.accept()
    llm.accept()
    llm = llm.relabel(basis="forecast")
    [fact] = decide([rules], [llm], STRONG, lambda r, l: {"basis"})
    assert (fact.source, fact.status, fact.label.basis) == ("rules", Status.ACCEPTED, "actual")
    assert "the text speaks for their basis" in fact.opinions["decision"]
    [fact] = decide([rules], [llm], STRONG, lambda r, l: set())
    assert (fact.source, fact.status, fact.label.basis) == ("llm", Status.ACCEPTED, "forecast")


def test_a_run_that_verifies_too_few_figures_keeps_the_rules_drivers_while_its_figures_stay_primary() -> None:
    """A driver's value is no number the text can check: the LLM's drivers replace the rules' only in a run whose
    figures the text verified at DRIVERS_RUN_MIN or more."""
    from extractor.reconcile.readings import DRIVERS_RUN_MIN, decide_drivers
    from extractor.record import Driver

    at = TEXT.index("a restarted line")

    def driver(source: str, category: str) -> Driver:
        return Driver("refined_zinc", "2024-03", "actual", "up", category, "", "a restarted line",
                      Span(at, at + 16), source=source)

    rules, llm = [driver("rules", "resumption")], [driver("llm", "new_capacity")]
    strong_run = (90, 100)
    borderline = (int(DRIVERS_RUN_MIN * 100) - 2, 100)
    assert [d.source for d in decide_drivers(rules, llm, STRONG, strong_run)] == ["llm"]
    assert [d.source for d in decide_drivers(rules, llm, STRONG, borderline)] == ["rules"]
    assert [d.source for d in decide_drivers(rules, llm, STRONG)] == ["llm"]  # a document alone: its own trust
