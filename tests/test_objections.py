"""The objections' own readings, each in words of our own: the product a stock is of, a week as a figure's span, a
change dated to another year. The labeller's use of them is in test_accepted_wrong.py."""

from __future__ import annotations

import pytest

from extractor.rules.objections import OBJECTIONS, dated_to_another_year, speaks_of_a_week, stocked_product


@pytest.mark.parametrize("head, product", [
    ("Zinc concentrate stocks at smelters rose to ", "zinc concentrate"),
    ("The stockpile of imported bauxite shrank, and port inventory stood at ", "imported bauxite"),
    ("Nickel ore inventories fell, while social inventory of refined nickel rose to ", "refined nickel"),
    ("Nickel ore inventories fell, while social inventory rose to ", None),  # a turn: the stock after it is its own
    ("Social inventory stood at ", None),
])
def test_the_product_a_stock_is_of(head: str, product: str | None) -> None:
    assert stocked_product(head) == product


@pytest.mark.parametrize("before, after, week", [
    ("Producers cut runs, and weekly supply slipped to ", " mt.", True),
    ("Output reached ", " mt per week in late June.", True),
    ("Output fell ", "% week on week.", True),
    ("Output was ", " mt in June, after a plant stopped for a week", False),  # another statement's week
    ("Output was ", " mt in June.", False),
])
def test_a_week_as_a_figure_s_span(before: str, after: str, week: bool) -> None:
    assert speaks_of_a_week(before, after) is week


@pytest.mark.parametrize("before, after, period, dated", [
    ("capacity will be cut by ", "% in 2028 under the plan.", "2026-03", True),
    ("the plant will trim output by ", "% starting from July 2027.", "2026-12", True),
    ("output is set to fall ", "% next year.", "2026-05", True),
    ("output fell ", "% in May 2026.", "2026-05", False),
    ("output fell ", "%, and a new line starts in 2027.", "2026-05", False),  # the year is another statement's
])
def test_a_change_dated_to_another_year(before: str, after: str, period: str, dated: bool) -> None:
    assert (dated_to_another_year(before, after, period) is not None) is dated


def test_every_objection_is_named_and_has_an_example() -> None:
    names = [objection.name for objection in OBJECTIONS]
    assert len(names) == len(set(names))
    assert all(objection.example for objection in OBJECTIONS)
