from extractor.grounding import contract_errors, ground_fact

TEXT = "Output rose by 11,500 mt MoM, up 1.05% MoM, and stayed flat YoY."


def _fields(**over) -> dict:
    base = dict(commodity="copper_cathode", region="china", metric="production", segment=None, content=None,
                period="2025-11", basis="actual", measure="mom_abs", value=11500.0, unit="mt", qualifier=None,
                quote="rose by 11,500 mt MoM")
    return {**base, **over}


def _offsets(quote: str, number: str) -> tuple[int, int, int, int]:
    q = TEXT.index(quote)
    n = TEXT.index(number)
    return n, n + len(number), q, q + len(quote)


def test_grounded_change() -> None:
    assert ground_fact(TEXT, _fields(), *_offsets("rose by 11,500 mt MoM", "11,500 mt")) == (True, None)


def test_value_not_stated_is_refused() -> None:
    ok, reason = ground_fact(TEXT, _fields(value=999999.0), *_offsets("rose by 11,500 mt MoM", "11,500 mt"))
    assert not ok and "999999" in reason


def test_quote_must_be_the_text() -> None:
    n0, n1, q0, q1 = _offsets("rose by 11,500 mt MoM", "11,500 mt")
    ok, reason = ground_fact(TEXT, _fields(quote="rose by 11,500 mt YoY"), n0, n1, q0, q1)
    assert not ok and "quote" in reason


def test_direction_needs_its_word() -> None:
    n0, n1, q0, q1 = _offsets("stayed flat YoY", "stayed flat YoY")
    assert ground_fact(TEXT, _fields(measure="yoy_direction", value="flat", unit=None, quote="stayed flat YoY"), n0, n1, q0, q1)[0]
    assert not ground_fact(TEXT, _fields(measure="yoy_direction", value="up", unit=None, quote="stayed flat YoY"), n0, n1, q0, q1)[0]


def test_contract_errors() -> None:
    assert contract_errors(_fields()) is None
    assert "period" in contract_errors(_fields(period="Nov 2025"))
    assert contract_errors(_fields(measure="mom_direction")) is not None
