"""A study group's balance table in a wire reprint (formats/balance_tables.py): a row per measure of the story's
metal, a column per month or span so far, the cells scaled by the unit line before the table and grounded to it.
Every text is our own."""

from __future__ import annotations

from extractor.formats import choose_format
from extractor.formats.balance_tables import balance_facts, find_balance_tables
from extractor.reconcile.grounding import ground_fact

_STORY = ("Lead market in deficit in June - study group\n\nThe global refined lead market showed a deficit of 1,200 "
          "tonnes in June, the International Lead and Zinc Study Group said.\n\n")
_PIPES = ("{unit}\n\n| | June 2023 | June 2022 | May 2023 | Jan-June 2023 | Jan-June 2022 |\n"
          "| World mine production | 24.1 | 25.3 | 23.8 | 141.0 | 146.2 |\n"
          "| Refined consumption* | 30.2 | 31.0 | 29.7 | 178.4 | 181.9 |\n")


def _facts(text: str) -> list:
    fmt = choose_format(text)
    assert fmt is not None and fmt.name == "world_release"
    section = fmt.sections(text)[0]
    return balance_facts(text, section, "2023-06")


def test_the_rows_are_measures_and_the_cells_are_scaled_by_the_unit_line() -> None:
    text = _STORY + _PIPES.format(unit="Figures in thousands of tonnes:")
    facts = {(f.label.commodity, f.label.metric, f.label.segment, f.label.period): f for f in _facts(text)}
    assert facts[("mined_lead", "production", None, "2022-06")].value == 25300
    assert facts[("mined_lead", "cumulative_production", None, "2023-06")].value == 141000
    assert facts[("refined_lead", "other", "consumption", "2023-05")].value == 29700
    assert facts[("refined_lead", "other", "consumption, cumulative", "2022-06")].value == 181900
    assert all(ground_fact(text, f)[0] for f in facts.values())


def test_a_table_with_no_unit_line_is_not_read() -> None:
    text = _STORY + _PIPES.format(unit="Figures below:")
    assert find_balance_tables(text) == []
