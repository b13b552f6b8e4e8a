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


def test_a_table_set_in_spaces_is_read_as_its_cells_would_be() -> None:
    # a wire's plain text: a header line of periods, a line per row, a row's name run on to the line after it; the
    # table's "Mine" row leaves the refined rows the metal's
    text = _STORY + ("Figures in thousands of tonnes.\nJune 2023 May 2023 Jan-June 2023 Jan-June 2022\n"
                     "World mine 24.1 23.8 141.0 146.2\nproduction\nRefined consumption 30.2 29.7 178.4 181.9\n"
                     "Balance -1.2 0.4 -3.1 2.2\n")
    facts = {(f.label.commodity, f.label.metric, f.label.segment, f.label.period): f for f in _facts(text)}
    assert facts[("mined_lead", "production", None, "2023-05")].value == 23800
    assert facts[("mined_lead", "cumulative_production", None, "2022-06")].value == 146200
    assert facts[("refined_lead", "other", "consumption", "2023-06")].value == 30200
    assert facts[("refined_lead", "balance", "cumulative", "2023-06")].value == -3100
    assert len(facts) == 12 and all(ground_fact(text, f)[0] for f in facts.values())
    # a line of prose with three numbers is no row of a table
    assert find_balance_tables(_STORY + "Figures in thousands of tonnes.\nOutput rose 3 4 5 times.\n") == []
