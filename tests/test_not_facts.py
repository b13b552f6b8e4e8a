"""Figures that are not the commodity's: one plant's or company's, a project's, a survey sample's, a size class's
bound, an expectation's gap. Each text is our own, and each test also says what the same text does give, compared
on its whole label, so a labeller that finds nothing fails it.
"""

from __future__ import annotations

from .labels import accepted_numbers, has
from .labels import label_text as _facts


def test_figures_that_are_not_the_commodity_s_output_are_not_accepted_as_it() -> None:
    """A charge's move, one smelter's output and a planned cut in yearly output are not the month's output."""
    text = ("Copper cathode output climbed 6.4% MoM in December, even as spot treatment charges slid 8.5%. The output "
            "of a Shandong smelter slid 11.2% MoM during a furnace repair. Three smelters plan to trim their yearly "
            "output by roughly 90,000 mt. For the whole year, output of the metal grew 2.8% YoY.")
    facts = _facts(text, "2019-12")
    assert has(facts, 6.4, commodity="copper_cathode", period="2019-12", measure="mom_pct")
    assert has(facts, 2.8, commodity="copper_cathode", metric="cumulative_production", period="2019-12",
               measure="yoy_pct")
    assert not any(abs(f["value"]) in (8.5, 11.2, 90000) for f in accepted_numbers(facts))


def test_a_figure_that_rounds_another_of_its_label_is_not_a_second_fact() -> None:
    text = "Zinc output up 4% in May\n\nRefined zinc output rose 4.3% MoM in May to 520,000 mt."
    facts = _facts(text, "2021-05")
    assert has(facts, 4.3, commodity="refined_zinc", period="2021-05", measure="mom_pct")
    assert [f["value"] for f in facts if f["measure"] == "mom_pct" and f["status"] == "accepted"] == [4.3]


def test_a_size_class_written_as_a_range_is_no_figure() -> None:
    text = ("Zinc smelters ran at 72% on average in August; the rate among those with annual capacity of "
            "100,000-200,000 mt was 68%.")
    facts = _facts(text, "2022-08")
    assert has(facts, 72, commodity="refined_zinc", metric="operating_rate", period="2022-08", measure="level")
    assert not any(f["value"] == [100000, 200000] for f in accepted_numbers(facts))
    # the size class's own rate is not the whole commodity's
    assert [f["value"] for f in accepted_numbers(facts) if f["metric"] == "operating_rate"] == [72]


def test_a_supply_of_power_is_not_the_commodity_s_output() -> None:
    text = ("Aluminium output reached 3.6 million mt in March. In Guizhou, the supply of hydro and coal-fired power to "
            "smelters grew YoY as reservoirs filled.")
    facts = _facts(text, "2023-03")
    assert has(facts, 3600000, commodity="aluminum", period="2023-03", measure="level")
    assert not any(f["measure"] == "yoy_direction" for f in facts)


def test_a_shortfall_against_a_forecast_and_the_largest_producer_change_are_no_figures() -> None:
    text = ("Silicon wafer production fell 18% MoM in October and fell about 21% short of the October forecast. "
            "Six of the top ten module makers grew output, with the highest increase exceeding 1.5GW.")
    facts = _facts(text, "2023-10")
    assert has(facts, -18, commodity="wafer", period="2023-10", measure="mom_pct")
    assert not any(abs(f["value"]) in (21, 1.5) for f in accepted_numbers(facts))


def test_a_project_s_capacity_is_not_the_commodity_s() -> None:
    text = ("Copper cathode output rose 2% in September. SMM revised the estimated capacity of refining projects in "
            "the fourth quarter from 450,000 tonnes to 350,000 tonnes.")
    facts = _facts(text, "2017-09")
    assert has(facts, 2, commodity="copper_cathode", period="2017-09", measure="mom_pct")
    assert not any(f["value"] in (450000, 350000) for f in accepted_numbers(facts))


def test_one_producer_s_output_and_output_affected_are_not_the_commodity_s() -> None:
    text = ("Copper cathode output fell 2% in September. The output of a smelter in Central China fell by around 20% "
            "on inspections. The total output to be affected will reach 12,000 mt.")
    facts = _facts(text, "2021-09")
    assert has(facts, -2, commodity="copper_cathode", period="2021-09", measure="mom_pct")
    assert not any(abs(f["value"]) in (20, 12000) for f in accepted_numbers(facts))


def test_the_affected_output_is_no_output() -> None:
    text = "Zinc output rose in January. SMM expects the affected output would amount to over 25,000 mt in February."
    facts = _facts(text, "2018-01")
    assert has(facts, "up", commodity="refined_zinc", period="2018-01", measure="mom_direction")
    assert not any(f["value"] == 25000 for f in accepted_numbers(facts))


def test_one_mill_s_output_is_not_the_commodity_s() -> None:
    text = "Stainless steel output rose in May. In May, this mill produced 80,000 mt of 300-series products."
    facts = _facts(text, "2021-05")
    assert has(facts, "up", commodity="stainless_steel", period="2021-05", measure="mom_direction")
    assert not any(f["value"] == 80000 for f in accepted_numbers(facts))


def test_a_single_companys_figure_is_no_fact_of_the_commodity() -> None:
    text = ("Refined lead output rose 1.9% MoM in May. Sunrise Metals Group raised production in May, up over "
            "8,000 mt from a month ago.")
    facts = _facts(text, "2022-05")
    assert has(facts, 1.9, commodity="refined_lead", period="2022-05", measure="mom_pct")
    assert not any(f["value"] == 8000 for f in accepted_numbers(facts))


def test_bounds_on_some_producers_rates_are_not_the_rate() -> None:
    text = ("Zinc smelters' operating rate averaged 63.5% in April, though tight ore supply kept operating rates at "
            "most smelters below 60%.")
    facts = _facts(text, "2024-04")
    assert has(facts, 63.5, commodity="refined_zinc", metric="operating_rate", period="2024-04", measure="level")
    assert not any(f["metric"] == "operating_rate" and f["value"] == 60 for f in accepted_numbers(facts))


def test_a_survey_samples_capacity_is_no_fact() -> None:
    text = ("Refined lead output was 402,000 mt in April. The survey covered 38 smelters with a production capacity "
            "of 3.9 million mt.")
    facts = _facts(text, "2019-04")
    assert has(facts, 402000, commodity="refined_lead", period="2019-04", measure="level")
    assert not any(f["metric"] in ("capacity", "operating_capacity") for f in accepted_numbers(facts))


def test_one_plants_figures_are_not_the_commoditys() -> None:
    text = ("Overseas aluminium output rose 2% YoY in May. As planned, the plant will start its new line in June, "
            "with a total capacity of 0.9 million mt after expansion.")
    facts = _facts(text, "2025-05")
    assert has(facts, 2, commodity="overseas_aluminum", region="overseas", period="2025-05", measure="yoy_pct")
    assert not any(f["value"] == 900000 for f in accepted_numbers(facts))


def test_a_size_class_bound_is_no_figure_and_annual_capacity_no_year() -> None:
    text = ("Operating rates across primary lead smelters rose 1.1 percentage points to 61.2% in May. Smelters with "
            "annual capacity greater than 100,000 mt operated at 68.4% in May, up 2.2 percentage points.")
    facts = _facts(text, "2019-05")
    assert has(facts, 61.2, commodity="primary_lead", metric="operating_rate", period="2019-05", measure="level")
    assert has(facts, 1.1, commodity="primary_lead", metric="operating_rate", period="2019-05", measure="mom_pp")
    assert not any(f["value"] == 100000 for f in accepted_numbers(facts))
    # "annual capacity" names the class, not a year: the class's rate is May's, as it happened. (The class itself
    # is not read as a segment yet, so the segment is left out of this comparison.)
    (rate,) = [f for f in accepted_numbers(facts) if f["value"] == 68.4]
    assert (rate["metric"], rate["period"], rate["basis"], rate["measure"]) == ("operating_rate", "2019-05", "actual",
                                                                                "level")


def test_falling_short_of_an_expectation_is_no_decline() -> None:
    text = ("Actual polysilicon production in March was 98,300 mt, as output fell short of market expectations "
            "(104,500 mt).")
    facts = _facts(text, "2025-03")
    assert has(facts, 98300, commodity="polysilicon", period="2025-03", measure="level")
    assert has(facts, 104500, commodity="polysilicon", period="2025-03", basis="expected", measure="level")
    assert not any(f["status"] == "accepted" and f["measure"] == "mom_direction" for f in facts)
