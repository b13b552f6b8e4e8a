"""issue 23 case 7: readings the rules accepted that were wrong, each kind read right or sent to review.

Every text is our own. Each test says what must not be accepted and what the same text still gives, compared on
its whole label, so a labeller that finds nothing fails it as a wrong one does. The kinds are phrasings, not one
report's sentence: each is tried in several wordings.
"""

from __future__ import annotations

import pytest

from .labels import accepted_numbers, has
from .labels import label_text as _facts


def _reviewed(facts: list[dict], value: float) -> bool:
    """The figure is kept for a person to review, with a reason."""
    return any(f["status"] == "needs_review" and f["reason"] and not isinstance(f["value"], str)
               and not isinstance(f["value"], list) and abs(f["value"]) == pytest.approx(value) for f in facts)


# 1. A decline whose size grows is still a decline: the noun gives the sign, not the verb of its size.
@pytest.mark.parametrize("text, value, measure", [
    ("Refined zinc output in April was 512,000 mt, with the MoM decline expanding to roughly 4.3%.", -4.3, "mom_pct"),
    ("Refined zinc output in April was 512,000 mt; the year-on-year drop widened further to 2.8%.", -2.8, "yoy_pct"),
    ("Refined zinc output in April was 512,000 mt, and the YoY fall deepened to 6.1%.", -6.1, "yoy_pct"),
    # ... and a growth that slows is still a growth
    ("Refined zinc output in April was 512,000 mt, and the YoY growth narrowed to 3.4%.", 3.4, "yoy_pct"),
])
def test_a_change_whose_size_moves_keeps_the_sign_of_its_noun(text: str, value: float, measure: str) -> None:
    facts = _facts(text, "2025-04")
    assert has(facts, 512000, commodity="refined_zinc", period="2025-04", measure="level")
    assert has(facts, value, commodity="refined_zinc", period="2025-04", measure=measure)
    assert not any(f["value"] == pytest.approx(-value) for f in accepted_numbers(facts))


# 2. Another product's inventory (a feed, an ore) is not the section commodity's.
@pytest.mark.parametrize("text, month, kept, other", [
    ("Copper cathode output in May was 1.13 million mt, up 2.4% MoM. Copper concentrate stocks at ports slid to "
     "612,000 mt.", "2025-05",
     (1130000, dict(commodity="copper_cathode", period="2025-05", measure="level")), 612000),
    ("Refined nickel output in May was 31,000 mt, down 1.5% MoM. Nickel concentrate inventories at ports rose to 8.6 "
     "million mt.", "2025-05",
     (31000, dict(commodity="refined_nickel", period="2025-05", measure="level")), 8600000),
    # the product named in the sentence's first clause, the figure in a later one
    ("Alumina output in May was 7.4 million mt, up 1.1% MoM. The stockpile of imported bauxite at ports shrank "
     "this month, and the port inventory now stands at 21.5 million mt.", "2025-05",
     (7400000, dict(commodity="alumina", period="2025-05", measure="level")), 21500000),
])
def test_another_product_s_inventory_is_not_the_commodity_s(text: str, month: str, kept: tuple, other: float) -> None:
    facts = _facts(text, month)
    value, label = kept
    assert has(facts, value, **label)
    assert not any(f["value"] == pytest.approx(other) for f in accepted_numbers(facts))
    assert _reviewed(facts, other)


def test_an_ore_named_as_a_product_of_its_own_is_that_product_s_inventory() -> None:
    """A metal's ore has an id of its own (the contract's id rule): its stocks are nickel_ore's, not the section's."""
    facts = _facts("Refined nickel output in May was 31,000 mt, down 1.5% MoM. Nickel ore inventories at ports rose "
                   "to 8.6 million mt.", "2025-05")
    assert has(facts, 31000, commodity="refined_nickel", period="2025-05", measure="level")
    assert has(facts, 8600000, commodity="nickel_ore", metric="inventory", period="2025-05", measure="level")
    assert not any(f["value"] == pytest.approx(8600000) and f["commodity"] == "refined_nickel" for f in facts)


def test_the_commodity_s_own_inventory_is_still_read() -> None:
    text = ("Copper cathode output in May was 1.13 million mt. Copper concentrate stocks at ports slid to 612,000 mt, "
            "while social inventory of copper cathode fell to 148,000 mt.")
    facts = _facts(text, "2025-05")
    assert has(facts, 148000, commodity="copper_cathode", metric="inventory", segment="social", period="2025-05",
               measure="level")
    assert not any(f["value"] == pytest.approx(612000) for f in accepted_numbers(facts))


# 3. Demand, consumption and sales are not production: a figure of demand or consumption is the contract's `other`
# with the word as its segment, a figure of sales is kept for review.
@pytest.mark.parametrize("text, value, segment", [
    ("China's aluminium output in May was 3.7 million mt, up 3.2% YoY, while domestic demand will grow 5.1% this "
     "year.", 5.1, "demand"),
    ("China's aluminium output in May was 3.7 million mt, up 3.2% YoY; consumption by extruders climbed 4.4%.", 4.4,
     "consumption"),
    ("China's aluminium output in May was 3.7 million mt, up 3.2% YoY, and sales of the metal rose by 2.6% MoM.", 2.6,
     None),
])
def test_demand_is_not_production(text: str, value: float, segment: str | None) -> None:
    facts = _facts(text, "2025-05")
    assert has(facts, 3700000, commodity="aluminum", period="2025-05", measure="level")
    assert has(facts, 3.2, commodity="aluminum", period="2025-05", measure="yoy_pct")
    read = [f for f in accepted_numbers(facts) if abs(f["value"]) == pytest.approx(value)]
    assert all(f["metric"] == "other" and f["segment"] == segment for f in read)
    assert read if segment else _reviewed(facts, value)


# 4. One plant's cut is not the region's, and a cut dated to a later year is no MoM change.
@pytest.mark.parametrize("sentence, value", [
    ("Separately, a miner said it would trim the capacity of its Kestrel Bay alumina refinery by 35% from March "
     "2027.", 35),
    ("A refinery in Guinea will cut its capacity by 25% in 2027.", 25),
    ("The capacity of the Lowmoor refinery is set to fall 30% next year.", 30),
])
def test_one_plant_s_cut_is_not_the_region_s_change(sentence: str, value: float) -> None:
    text = "Overseas alumina output in May was 6.1 million mt, up 1.2% MoM. " + sentence
    facts = _facts(text, "2025-05")
    assert has(facts, 6100000, commodity="overseas_alumina", region="overseas", period="2025-05", measure="level")
    assert has(facts, 1.2, commodity="overseas_alumina", region="overseas", period="2025-05", measure="mom_pct")
    assert not any(abs(f["value"]) == pytest.approx(value) for f in accepted_numbers(facts))
    assert _reviewed(facts, value)


def test_a_change_dated_to_a_later_year_is_no_mom_change() -> None:
    text = ("Alumina output in November was 7.6 million mt, up 0.9% MoM. Operating capacity will be cut by 8% in "
            "2027 under the new quota.")
    facts = _facts(text, "2025-11")
    assert has(facts, 0.9, commodity="alumina", period="2025-11", measure="mom_pct")
    assert not any(abs(f["value"]) == pytest.approx(8) for f in accepted_numbers(facts))
    assert _reviewed(facts, 8)


# 5. A week's figure is not the month's production.
@pytest.mark.parametrize("sentence, value", [
    ("Several monomer plants cut runs, and weekly supply slipped to under 45,000 mt.", 45000),
    ("In late May producers turned out about 9,000 mt per week.", 9000),
    ("Output in the last week of May was 48,500 mt.", 48500),
    ("Output fell 2.7% week on week in late May.", 2.7),
])
def test_a_week_s_figure_is_not_the_month_s_production(sentence: str, value: float) -> None:
    text = "DMC output in May was 205,000 mt, down 3% MoM. " + sentence
    facts = _facts(text, "2025-05")
    assert has(facts, 205000, commodity="dmc", period="2025-05", measure="level")
    assert has(facts, -3, commodity="dmc", period="2025-05", measure="mom_pct")
    assert not any(abs(f["value"]) == pytest.approx(value) for f in accepted_numbers(facts))
    assert _reviewed(facts, value)


@pytest.mark.parametrize("sentence", [
    "In late May, output fell week on week.",
    "Weekly output is expected to rise in June.",
])
def test_a_week_s_move_is_no_month_s_direction(sentence: str) -> None:
    text = "DMC output in May was 205,000 mt, with a MoM rise. " + sentence
    facts = _facts(text, "2025-05")
    assert has(facts, 205000, commodity="dmc", period="2025-05", measure="level")
    directions = [(f["value"], f["period"]) for f in facts
                  if f["measure"] == "mom_direction" and f["status"] == "accepted"]
    assert directions == [("up", "2025-05")]  # the month's rise, and no move of a week


def test_a_day_s_supply_is_the_daily_average() -> None:
    text = "Alumina output in May was 7.3 million mt, and daily supply averaged 235,000 mt."
    facts = _facts(text, "2025-05")
    assert has(facts, 7300000, commodity="alumina", period="2025-05", measure="level")
    assert has(facts, 235000, commodity="alumina", segment="daily average", period="2025-05", measure="level",
               unit="mt/day")


# 6. A province's, a city's or an area's move is not the country's.
@pytest.mark.parametrize("sentence, value, segment, measure", [
    ("Production increased in southwestern Guizhou province as power supply improved.", "up", "guizhou",
     "mom_direction"),
    ("Output declined in northern Xinjiang because of a potline fault.", "down", "xinjiang", "mom_direction"),
    ("Output in eastern Shandong fell 4.2% MoM.", -4.2, "shandong", "mom_pct"),
    ("Production in Baotou city rose 3.3% MoM after a smelter restarted.", 3.3, "baotou", "mom_pct"),
])
def test_an_area_s_move_is_not_china_s(sentence: str, value: object, segment: str, measure: str) -> None:
    text = "China's aluminium output in May was 3.65 million mt, up 2.9% YoY. " + sentence
    facts = _facts(text, "2025-05")
    assert has(facts, 3650000, commodity="aluminum", period="2025-05", measure="level")
    assert has(facts, 2.9, commodity="aluminum", period="2025-05", measure="yoy_pct")
    assert has(facts, value, commodity="aluminum", segment=segment, period="2025-05", measure=measure)
    assert not has(facts, value, commodity="aluminum", period="2025-05", measure=measure)  # not the whole's


def test_the_country_s_move_beside_an_area_s_is_still_the_country_s() -> None:
    text = ("China's aluminium output edged up MoM in May, and production increased in southwestern Yunnan as "
            "reservoirs filled.")
    facts = _facts(text, "2025-05")
    assert has(facts, "up", commodity="aluminum", period="2025-05", measure="mom_direction")
    assert has(facts, "up", commodity="aluminum", segment="yunnan", period="2025-05", measure="mom_direction")


def test_the_kinds_through_the_cli_into_sqlite(tmp_path) -> None:
    """The same kinds in one report of our own, run by `extractor run` into a real database: none of the wrong
    readings is accepted, the review holds them with a reason, and the report's own figures are accepted."""
    import sqlite3

    from typer.testing import CliRunner

    from extractor.cli import app

    report = tmp_path / "zinc_2025_04.txt"
    report.write_text(
        "Refined zinc output in April 2025 was 512,000 mt, with the MoM decline expanding to roughly 4.3%. "
        "Zinc concentrate stocks at ports slid to 61,000 mt. Weekly zinc supply came to 118,000 mt in the third "
        "week of April.\n", encoding="utf-8")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(app, ["run", str(report), "--db", str(db), "--provider", "rules"])
    assert result.exit_code == 0, result.output
    rows = sqlite3.connect(db).execute("SELECT commodity, measure, value_num, status, reason FROM facts").fetchall()
    accepted = {(c, m, v) for c, m, v, s, _ in rows if s == "accepted"}
    assert ("refined_zinc", "level", 512000) in accepted and ("refined_zinc", "mom_pct", -4.3) in accepted
    assert not any(v in (4.3, 61000, 118000) for _, _, v in accepted)
    reviewed = {v: reason for _, _, v, s, reason in rows if s == "needs_review"}
    assert reviewed.get(61000) and reviewed.get(118000)
