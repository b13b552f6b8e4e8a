"""Product tables (SMM's base-metal output table) through the real CLI into a real database: every cell a fact
grounded to its own span, masses scaled by the table's unit line, which the grounding checks too."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import sqlite_utils
from typer.testing import CliRunner

from extractor.cli import app
from extractor.formats import choose_format
from extractor.formats.tables import find_tables, header_column, row_facts, scale_factors
from extractor.reconcile.grounding import ground_fact
from extractor.record import Scale
from extractor.text.documents import read_document


def _facts(db: Path) -> dict[tuple, float]:
    rows = sqlite_utils.Database(db).execute(
        "select commodity, metric, measure, period, basis, content, value, status from facts").fetchall()
    return {(c, m, me, p, b, co): float(v) for c, m, me, p, b, co, v, status in rows if status == "accepted"}


def test_a_table_s_cells_are_facts_scaled_by_its_unit_line(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "t.db"
    result = CliRunner().invoke(app, ["run", str(fixtures / "table_2018_04.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    facts = _facts(db)
    assert facts[("copper_cathode", "production", "level", "2018-04", "actual", None)] == 701000
    assert facts[("copper_cathode", "production", "yoy_pct", "2018-04", "actual", None)] == 4.1
    assert facts[("copper_cathode", "cumulative_production", "level", "2018-04", "actual", None)] == 2795000
    assert facts[("copper_cathode", "production", "level", "2018-03", "actual", None)] == 688000  # revised
    assert facts[("copper_cathode", "production", "level", "2018-05", "forecast", None)] == 712000
    assert facts[("refined_zinc", "production", "yoy_pct", "2018-04", "actual", None)] == -1.8
    assert facts[("npi", "production", "level", "2018-04", "actual", "metal")] == 38200  # the note: in Ni content
    assert ("refined_zinc", "production", "level", "2018-03", "actual", None) not in facts  # the cell is "-"
    # the commented sections after the table are read as a review's
    assert facts[("copper_cathode", "production", "mom_pct", "2018-04", "actual", None)] == 1.9
    drivers = sqlite_utils.Database(db).execute("select commodity, category from drivers").fetchall()
    assert ("copper_cathode", "resumption") in drivers and ("refined_zinc", "policy_environment") in drivers
    scaled = sqlite_utils.Database(db).execute(
        "select count(*) from facts where scale_start is not null and measure = 'level'").fetchone()[0]
    assert scaled == 11


def test_a_note_naming_the_product_after_its_output_states_its_metal_content(fixtures: Path) -> None:
    """The table's note read however it is worded: "The output of NPI refers to output in terms of Ni content" as "NPI
    output refers to output in Ni content"; a note of no product states nothing."""
    text = read_document(fixtures / "table_2018_04.txt", 1_000_000).text
    note = "NPI output refers to output in Ni content."
    assert note in text
    (table,) = find_tables(text)
    assert table.metal == {"npi"}
    (reworded,) = find_tables(text.replace(note, "The output of NPI refers to output in terms of Ni content."))
    assert reworded.metal == {"npi"}
    assert [row.commodity for row in reworded.rows] == [row.commodity for row in table.rows]
    (none,) = find_tables(text.replace(note, "The output of the table refers to output in tonnes."))
    assert none.metal == frozenset()


def test_a_table_written_between_bars_is_read_the_same(fixtures: Path) -> None:
    text = read_document(fixtures / "table_pipes_2019_02.txt", 1_000_000).text
    assert choose_format(text).name == "smm_table"
    (table,) = find_tables(text)
    assert [row.commodity for row in table.rows] == ["alumina", "aluminum"]
    facts = {(f.label.commodity, f.label.metric, f.label.measure, f.label.period): f.value
             for row in table.rows for f in row_facts(text, table, row, "2019-02", 0)}
    assert facts[("aluminum", "production", "level", "2019-02")] == 2650000
    assert facts[("aluminum", "cumulative_production", "yoy_pct", "2019-02")] == -0.4
    assert facts[("alumina", "production", "level", "2019-01")] == 5360000


def test_a_scaled_cell_is_grounded_only_with_the_unit_its_table_states(fixtures: Path) -> None:
    text = read_document(fixtures / "table_pipes_2019_02.txt", 1_000_000).text
    (table,) = find_tables(text)
    fact = next(f for f in row_facts(text, table, table.rows[1], "2019-02", 0) if f.label.measure == "level")
    assert fact.scale is not None and fact.scale.of(text) == "Unit: 1,000 tonne" and fact.scale.factors == (1e3,)
    assert ground_fact(text, fact) == (True, None)
    ok, why = ground_fact(text, fact.relabel(value=2650.0))
    assert not ok and "x 1000" in why
    quote = fact.quote_span  # a "declaration" that names no unit states no factor
    ok, why = ground_fact(text, fact.relabel(scale=Scale(quote.start, quote.end, scale_factors(quote.of(text)))))
    assert not ok and "no mass unit" in why
    ok, why = ground_fact(text, fact.relabel(scale=replace(fact.scale, factors=(1e4,))))  # the factor the fact carries
    assert not ok and "x 10000" in why


def test_prose_that_names_months_and_figures_is_no_table() -> None:
    text = "Refined Copper\n\nOutput was 701,000 mt in April, up 4.1% YoY.\n\nAlumina\n\nOutput fell 2% in April.\n"
    assert find_tables(text) == ()


def test_a_cell_whose_label_cannot_be_completed_is_kept_for_review(fixtures: Path) -> None:
    text = read_document(fixtures / "table_pipes_2019_02.txt", 1_000_000).text
    no_unit = text.replace("Unit: 1,000 tonne", "")
    (table,) = find_tables(no_unit)
    facts = row_facts(no_unit, table, table.rows[0], "2019-02", 0)
    masses = [f for f in facts if f.quote == "5120"]
    assert masses and all(f.status == "needs_review" and "no unit line" in (f.reason or "") for f in masses)
    undated = row_facts(text, table, table.rows[0], None, 0)  # the document names no year for its months
    assert len(undated) == len(facts) and all(f.status == "needs_review" for f in undated)


def test_a_month_column_with_a_two_digit_year() -> None:
    assert header_column("Jul-23", None) == header_column("Jul 2023", None)
    assert header_column("Nov-98", None) == header_column("Nov 1998", None)
    assert header_column("Jul-2023", None) is None  # not a form written so


def test_a_wire_table_with_columns_set_by_spaces_is_read_with_each_cells_unit(tmp_path: Path) -> None:
    # a wire's "TABLE-" page: columns parted by runs of spaces, masses with their own units, changes "yr/yr %", rows
    # of bare metal names ("Lead": refined lead) and a kind in brackets ("Nickel (refined)")
    doc = tmp_path / "table.txt"
    doc.write_text(
        "TABLE-China's output of base metals in October\n\n"
        "SHANGHAI, Nov 15 - The table below gives China's output of base metals, from statistics bureau data.\n\n"
        "                    Oct 2022      yr/yr %     Jan-Oct 2022    yr/yr %\n"
        "Lead                640,000 t     +3.2        5.93 mln t      +1.1\n"
        "Nickel (refined)    14.2 kt       -4.5        141.6 kt        -2.0\n"
        "Alumina             7.02 mln t    +6.6        67.4 mln t      +4.4\n\n"
        "Prose after the table, in sentences of its own, reads as prose does.\n")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(app, ["run", str(doc), "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = {(r["commodity"], r["metric"], r["measure"], r["value_num"]): r["status"]
            for r in sqlite_utils.Database(db)["facts"].rows}
    assert rows[("refined_lead", "production", "level", 640000.0)] == "accepted"
    assert rows[("refined_lead", "production", "yoy_pct", 3.2)] == "accepted"
    assert rows[("refined_lead", "cumulative_production", "level", 5930000.0)] == "accepted"
    assert rows[("refined_nickel", "production", "level", 14200.0)] == "accepted"
    assert rows[("refined_nickel", "cumulative_production", "yoy_pct", -2.0)] == "accepted"
    assert rows[("alumina", "cumulative_production", "level", 67400000.0)] == "accepted"
    periods = {r["period"] for r in sqlite_utils.Database(db)["facts"].rows}
    assert periods == {"2022-10"}
