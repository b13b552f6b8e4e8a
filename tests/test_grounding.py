from extractor.reconcile.grounding import contract_errors, ground_fact
from extractor.record import Fact, Label, Span

TEXT = "Output rose by 11,500 mt MoM, up 1.05% MoM, and stayed flat YoY."


def _fact(quote: str = "rose by 11,500 mt MoM", number: str = "11,500 mt", **over) -> Fact:
    q = TEXT.index(quote)
    n = TEXT.index(number)
    base = Fact(Label("copper_cathode", "china", "production", None, None, "2025-11", "actual", "mom_abs"),
                11500.0, "mt", None, quote, Span(n, n + len(number)), Span(q, q + len(quote)))
    return base.relabel(**over)


def test_grounded_change() -> None:
    assert ground_fact(TEXT, _fact()) == (True, None)


def test_value_not_stated_is_refused() -> None:
    ok, reason = ground_fact(TEXT, _fact(value=999999.0))
    assert not ok and "999999" in reason


def test_quote_must_be_the_text() -> None:
    ok, reason = ground_fact(TEXT, _fact().relabel(quote="rose by 11,500 mt YoY"))
    assert not ok and "quote" in reason


def test_direction_needs_its_word() -> None:
    flat = _fact("stayed flat YoY", "stayed flat YoY", measure="yoy_direction", value="flat", unit=None)
    assert ground_fact(TEXT, flat)[0]
    assert not ground_fact(TEXT, flat.relabel(value="up"))[0]


def test_contract_errors() -> None:
    assert contract_errors(_fact()) is None
    assert "period" in contract_errors(_fact(period="Nov 2025"))
    assert contract_errors(_fact(measure="mom_direction")) is not None
