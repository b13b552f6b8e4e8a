"""Drivers read clause by clause, in sentences of our own: category, push on output, period and basis."""

from __future__ import annotations

from extractor.rules.drivers import find_drivers
from extractor.rules.sections import article_sections


def _drivers(text: str, month: str) -> set[tuple[str, str, str, str]]:
    found = set()
    for section in article_sections(text):
        for d in find_drivers(text, section, month):
            found.add((d.category, d.effect, d.period, d.basis))
    return found


def test_one_sentence_gives_a_cause_of_each_push() -> None:
    text = ("Refined zinc output rose in May as two smelters finished maintenance; weak demand from galvanizers "
            "weighed on the others.")
    drivers = _drivers(text, "2024-05")
    assert ("resumption", "up", "2024-05", "actual") in drivers
    assert ("demand", "down", "2024-05", "actual") in drivers
    assert not any(d[0] == "maintenance" for d in drivers)  # maintenance that ended is a resumption


def test_power_rationing_pushes_down_and_its_easing_up() -> None:
    down = _drivers("Silicon metal output fell in August amid power rationing in Yunnan.", "2022-08")
    up = _drivers("Silicon metal output recovered in September after power rationing eased in Yunnan.", "2022-09")
    assert ("policy_environment", "down", "2022-08", "actual") in down
    assert ("policy_environment", "up", "2022-09", "actual") in up


def test_an_expectation_naming_no_month_is_of_the_next_month() -> None:
    drivers = _drivers("Copper cathode output rose in May. Output is expected to climb further as new lines "
                       "ramp up.", "2024-05")
    assert ("new_capacity", "up", "2024-06", "forecast") in drivers


def test_a_cause_not_at_work_gives_no_driver() -> None:
    drivers = _drivers("Alumina output was flat in July; refiners in Shanxi have no plans to restart idled lines.",
                       "2023-07")
    assert not any(d[0] == "resumption" for d in drivers)


def test_inputs_push_by_the_way_they_went() -> None:
    drivers = _drivers("Secondary lead output fell in June: tight scrap supply curbed production at smelters in "
                       "Anhui, while ample battery scrap supported producers in Jiangxi.", "2023-06")
    assert ("raw_material", "down", "2023-06", "actual") in drivers
    assert ("raw_material", "up", "2023-06", "actual") in drivers


def test_a_market_remark_not_tied_to_output_is_no_driver() -> None:
    drivers = _drivers("Nickel output rose 2% in March. Spot prices rose on the week.", "2024-03")
    assert not any(d[0] == "price" for d in drivers)
    tied = _drivers("Nickel output rose 2% in March as higher prices encouraged producers to raise production.",
                    "2024-03")
    assert ("price", "up", "2024-03", "actual") in tied


def test_a_festival_stoppage_and_the_month_it_falls_in() -> None:
    drivers = _drivers("Magnesium ingot output is expected to fall in February due to the Spring Festival holiday.",
                       "2024-01")
    assert ("holiday", "down", "2024-02", "forecast") in drivers


def test_recovering_from_maintenance_is_a_resumption() -> None:
    drivers = _drivers("Primary lead operating rates rose in May as two smelters recovered from maintenance.", "2019-05")
    assert ("resumption", "up", "2019-05", "actual") in drivers
    assert not any(d[0] == "maintenance" for d in drivers)


def test_a_driver_quote_is_whole_words_of_its_clause() -> None:
    text = ("Manganese sulphate output in our survey of producers across several provinces slipped in March, as "
            "scheduled maintenance at three large plants in Guangxi kept lines idle for most of the month.")
    section = article_sections(text)[0]
    (driver,) = [d for d in find_drivers(text, section, "2024-03") if d.category == "maintenance"]
    start, end = driver.quote_span.start, driver.quote_span.end
    assert text[start:end] == driver.quote and "maintenance" in driver.quote
    assert (start == 0 or text[start - 1].isspace()) and (end == len(text) or not text[end].isalnum())


def test_a_price_is_a_cause_where_it_moved_output_not_where_output_moved_it() -> None:
    cause = _drivers("Zinc output fell in May as smelters cut runs due to low zinc prices.", "2024-05")
    outcome = _drivers("Zinc output fell in May because of weak demand, which pushed zinc prices lower.", "2024-05")
    assert ("price", "down", "2024-05", "actual") in cause
    assert not any(d[0] == "price" for d in outcome) and ("demand", "down", "2024-05", "actual") in outcome


def test_a_price_acting_through_margins_is_the_margin() -> None:
    drivers = _drivers("Rising concentrate prices deepened smelter losses, so refined lead output fell in May.",
                       "2024-05")
    assert ("cost_margin", "down", "2024-05", "actual") in drivers and not any(d[0] == "price" for d in drivers)


def test_quotations_are_not_quotas() -> None:
    drivers = _drivers("Ferrochrome plants in Hebei were cautious in their quotations, and output fell in June.",
                       "2024-06")
    assert not any(d[0] == "policy_environment" for d in drivers)


def test_after_the_holiday_is_its_push_only_where_output_came_back() -> None:
    back = _drivers("After the Spring Festival, smelters resumed operations and tin output rose in February.", "2024-02")
    dated = _drivers("After the Spring Festival, downstream demand stayed weak, and tin output fell in February.",
                     "2024-02")
    held = _drivers("Tin output fell in February, as many smelters only resumed operations after the Lantern "
                    "Festival.", "2024-02")
    assert ("holiday", "up", "2024-02", "actual") in back
    assert not any(d[0] == "holiday" for d in dated) and ("demand", "down", "2024-02", "actual") in dated
    assert ("holiday", "down", "2024-02", "actual") in held


def test_margins_that_improved_push_output_up() -> None:
    for text in ("Higher by-product acid prices offset smelting losses, and zinc output rose in July.",
                 "With profit margins higher than for zinc oxide, smelters raised zinc ingot output in July.",
                 "Smelter losses narrowed in July as costs fell, and zinc output rose."):
        assert ("cost_margin", "up", "2024-07", "actual") in _drivers(text, "2024-07"), text


def test_demand_said_to_have_moved_is_a_cause_without_naming_output() -> None:
    drivers = _drivers("Refined tin output rose in April. Downstream solder demand rose sharply in April.", "2024-04")
    assert ("demand", "up", "2024-04", "actual") in drivers
    flat = _drivers("Refined tin output rose in April. Demand is a topic the industry watches.", "2024-04")
    assert not any(d[0] == "demand" for d in flat)


def test_a_cause_is_of_the_month_reviewed_or_the_months_forecast() -> None:
    later_year = _drivers("Cobalt sulphate output rose in May. Stockpiling demand is expected to stay strong on rising "
                          "prices in 2026, boosting output.", "2024-05")
    earlier = _drivers("Cobalt sulphate output rose in May. Output had dipped in April. Maintenance at two plants "
                       "weighed on output then.", "2024-05")
    assert not later_year
    assert earlier == {("maintenance", "down", "2024-05", "actual")}


def test_a_cause_dated_to_the_reviewed_month_is_actual_however_worded() -> None:
    named = _drivers("Refined zinc output rose in May. A new smelter in Yunnan is expected to have started ramping up "
                     "in May.", "2024-05")
    now = _drivers("Zinc output is expected to rise in June. Some smelters currently plan maintenance, which will "
                   "limit output.", "2024-05")
    assert ("new_capacity", "up", "2024-05", "actual") in named
    assert ("maintenance", "down", "2024-05", "actual") in now


def test_a_rainy_season_that_brings_cheap_power_pushes_output_up() -> None:
    up = _drivers("Silicon metal output rose in July as smelters in Yunnan took advantage of cheap hydropower in the "
                  "rainy season.", "2024-07")
    down = _drivers("Silicon metal output fell in July as the rainy season disrupted ore transport.", "2024-07")
    assert ("weather_seasonal", "up", "2024-07", "actual") in up
    assert ("weather_seasonal", "down", "2024-07", "actual") in down


def test_other_causes_are_switches_targets_and_outages_not_plans_in_passing() -> None:
    switched = _drivers("Lithium hydroxide output fell in May as some plants switched their lines to lithium "
                        "carbonate.", "2024-05")
    passing = _drivers("Lithium hydroxide output rose in May, in line with production plans.", "2024-05")
    assert ("other", "down", "2024-05", "actual") in switched
    assert not any(d[0] == "other" for d in passing)


def test_trade_measures_are_trade_drivers() -> None:
    down = _drivers("Ferrochrome output fell in May as anti-dumping duties closed export markets.", "2024-05")
    up = _drivers("Ferrochrome output rose in May as domestic plants filled the import supply gap.", "2024-05")
    assert ("trade", "down", "2024-05", "actual") in down
    assert ("trade", "up", "2024-05", "actual") in up


def test_inputs_read_tight_by_their_prices_grades_and_stocks() -> None:
    for text in ("Zinc output fell in May due to the high prices of raw materials.",
                 "Zinc concentrate output fell in May on declining ore grades.",
                 "Zinc output fell in May as raw material stocks at smelters fell to low levels.",
                 "Copper cathode output fell in May amid an increasingly tight supply of blister copper."):
        assert ("raw_material", "down", "2024-05", "actual") in _drivers(text, "2024-05"), text
    assert ("raw_material", "up", "2024-05", "actual") in _drivers(
        "Zinc output rose in May as concentrate supply improved.", "2024-05")


def test_a_cause_negated_a_few_words_before_is_not_at_work() -> None:
    drivers = _drivers("Aluminium output was steady in January, without large-scale production suspensions or "
                       "resumptions. Smelters in Yunnan have not yet received notice to resume production.", "2024-01")
    assert not any(d[0] == "resumption" for d in drivers)
    worked = _drivers("Zinc output rose in May; output dipped early but as smelters resumed production it recovered.",
                      "2024-05")
    assert ("resumption", "up", "2024-05", "actual") in worked


def test_the_rainy_season_pushes_output_up_where_plants_came_back_with_it() -> None:
    up = _drivers("As the rainy season arrived in the south-west, a growing number of silicon metal plants in Yunnan "
                  "and Sichuan restarted furnaces in June.", "2021-06")
    down = _drivers("Tin concentrate output fell in July due to the impact of the rainy season on mining.", "2021-07")
    assert ("weather_seasonal", "up", "2021-06", "actual") in up
    assert ("weather_seasonal", "down", "2021-07", "actual") in down


def test_causes_put_off_uncertain_or_negated_read_as_such() -> None:
    drivers = _drivers("Magnesium plants began their summer overhaul in July, and output fell. The resumption of "
                       "normal production depends on the market. Some small smelters postponed their resumption.",
                       "2022-07")
    assert ("maintenance", "down", "2022-07", "actual") in drivers
    assert not any(d[0] in ("weather_seasonal", "resumption") for d in drivers)
    demand = _drivers("In August, the lead battery market did not show significant improvement in consumption, and "
                      "lead output fell.", "2024-08")
    assert ("demand", "down", "2024-08", "actual") in demand and ("demand", "up", "2024-08", "actual") not in demand
    late = _drivers("Lead output fell in June as a smelter delayed the commissioning of its new capacity.", "2024-06")
    assert ("new_capacity", "down", "2024-06", "actual") in late


def test_workers_back_after_the_holiday_push_output_up() -> None:
    drivers = _drivers("Magnesium plants ran harder in February once the return of their seasonal workers after the "
                       "Spring Festival was complete.", "2023-02")
    assert ("holiday", "up", "2023-02", "actual") in drivers


def test_a_commission_named_as_a_body_is_no_new_capacity() -> None:
    drivers = _drivers("Zinc output rose 3% in May, data released by the National Development and Reform Commission "
                       "showed.", "2020-05")
    assert not any(d[0] == "new_capacity" for d in drivers)
    assert ("new_capacity", "up", "2020-05", "actual") in _drivers(
        "Zinc output rose in May as a smelter was commissioned in Yunnan.", "2020-05")


def test_sluggishness_is_weak_demand() -> None:
    drivers = _drivers("Polysilicon output growth may cease in December amid year-end demand sluggishness.", "2023-11")
    assert ("demand", "down", "2023-12", "forecast") in drivers


def test_a_longer_month_and_a_production_recovery_push_output_up() -> None:
    drivers = _drivers("Refined nickel output rose 12% in March. A longer month and production recovery contributed to "
                       "the increase. April is shorter than March, and output is expected to dip.", "2020-03")
    assert ("calendar", "up", "2020-03", "actual") in drivers
    assert ("resumption", "up", "2020-03", "actual") in drivers
    assert ("calendar", "down", "2020-04", "forecast") in drivers
    hard = _drivers("EMD output fell in May, with weak demand making a recovery in production difficult.", "2020-05")
    assert not any(d[0] == "resumption" for d in hard)


def test_output_that_failed_to_reach_expectation_is_the_month_reviewed() -> None:
    drivers = _drivers("Copper cathode output of September kept rising but failed to reach expectation, as smelters "
                       "were "
                       "held back by environmental inspections.", "2017-09")
    assert ("policy_environment", "down", "2017-09", "actual") in drivers


def test_rainy_season_power_prices_push_output_up_and_a_resumption_that_must_wait_is_not_at_work() -> None:
    drivers = _drivers("Sichuan's silicon metal output climbed in May, as power charges for smelters moved onto the "
                       "flood season schedule. For idle furnaces, a full resumption will have to wait until July.",
                       "2020-05")
    assert ("weather_seasonal", "up", "2020-05", "actual") in drivers
    assert not any(d[0] == "resumption" for d in drivers)


def test_a_rationing_notice_issued_pushes_output_down_and_a_licence_issued_up() -> None:
    down = _drivers("Copper cathode output fell in September after the government issued a power rationing notice.",
                    "2021-09")
    up = _drivers("Lithium carbonate output rose in May after mining licences were issued in Jiangxi.", "2025-05")
    assert ("policy_environment", "down", "2021-09", "actual") in down
    assert ("policy_environment", "up", "2025-05", "actual") in up


def test_a_sentence_whose_result_the_next_one_states_gives_causes() -> None:
    drivers = _drivers("Ferrochrome output fell in April. The environmental inspection in Inner Mongolia has ended, the "
                       "pandemic in Shanxi has alleviated, and the rainy season in Sichuan brings more hydropower. As "
                       "a result, the operating rate is expected to increase in May.", "2022-04")
    assert ("policy_environment", "up", "2022-05", "forecast") in drivers
    assert ("weather_seasonal", "up", "2022-05", "forecast") in drivers
    assert ("other", "up", "2022-05", "forecast") in drivers


def test_a_slow_resumption_holds_output_down_and_a_longer_calendar_month_lifts_it() -> None:
    drivers = _drivers("Slow resumption pace, EMM production decreases in February. In March, the longer calendar "
                       "month is expected to lift EMM output.", "2025-02")
    assert ("resumption", "down", "2025-02", "actual") in drivers
    assert ("calendar", "up", "2025-03", "forecast") in drivers


def test_heavy_rains_procurement_difficulties_and_no_new_maintenance() -> None:
    drivers = _drivers("Refined zinc output declined in August due to heavy rains in Sichuan. Raw material procurement "
                       "difficulties also weighed on output.", "2024-08")
    assert ("weather_seasonal", "down", "2024-08", "actual") in drivers
    assert ("raw_material", "down", "2024-08", "actual") in drivers and not any(d[0] == "demand" for d in drivers)
    later = _drivers("Zinc smelters ran steadily in January. For February, no new maintenance work has been planned so "
                     "far, but zinc production is set to be lower due to the Chinese New Year holiday.", "2018-01")
    assert not any(d[0] == "maintenance" for d in later)
    assert ("holiday", "down", "2018-02", "forecast") in later


def test_supportive_policies_lift_output_and_export_policies_are_trade() -> None:
    drivers = _drivers("NdFeB production rose 9% in November, benefiting from supportive policies. The production "
                       "contraction was earlier driven by several factors, including declining prices and adjustments "
                       "to export policies.", "2025-11")
    assert ("policy_environment", "up", "2025-11", "actual") in drivers
    assert ("trade", "down", "2025-11", "actual") in drivers
    assert ("price", "down", "2025-11", "actual") in drivers


def test_demand_said_sluggish_or_consumption_that_dropped_is_weak_demand() -> None:
    drivers = _drivers("Antimony ingot output fell 6% in July. The consumption dropped sharply in July, and export orders "
                       "also shrank. Domestic demand has been sluggish, as the summer off-season set in.", "2022-07")
    assert ("demand", "down", "2022-07", "actual") in drivers
    assert not any(d[0] == "weather_seasonal" for d in drivers)
