"""The text's checks of the fields an LLM gives (reconcile/verify.py), on sentences of our own."""

from __future__ import annotations

from extractor.reconcile import verify


def test_a_metric_is_held_to_the_words_of_its_own_clause() -> None:
    """Capacity needs its word before the figure or in the figure's own clause, and "a year" of a comparison is no
    annual rate; production is no stock the quote names without a production word."""
    later = "Plant B made 8,400 t in March, helped by idle capacity coming back."
    assert verify.check_metric("capacity", "8,400 t", later) is not None
    assert verify.check_metric("production", "8,400 t", later) is None
    compared = "Output in the south climbed 4.4% to 207,000t against 198,000t a year ago."
    assert verify.check_metric("capacity", "207,000t", compared) is not None
    assert verify.check_metric("production", "207,000t", compared) is None
    annual = "The new line adds 60,000 t a year, lifting capacity to 310,000 t."
    assert verify.check_metric("capacity", "60,000 t a year", annual) is None
    assert verify.check_metric("capacity", "310,000 t", annual) is None
    stocks = "Stocks at the mills shrank to 12,600 t while output held steady."
    assert verify.check_metric("production", "Stocks at the mills shrank to 12,600 t", stocks) is not None
    assert verify.check_metric("inventory", "Stocks at the mills shrank to 12,600 t", stocks) is None
    assert verify.check_metric("production", "output held steady", stocks) is None
