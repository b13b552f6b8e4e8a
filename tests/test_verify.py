"""The text's checks of the fields an LLM gives (reconcile/verify.py), on sentences of our own."""

from __future__ import annotations

from extractor.reconcile import favours, periods, verify


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


def test_a_production_figure_is_refuted_where_its_quote_speaks_only_of_a_price_or_trade() -> None:
    trade = ("Smelters' output edged up in the month, while inbound shipments of ore climbed to 96,000 t and the "
             "per-tonne price of refined metal firmed 4.2%.")
    assert "price" in verify.check_metric("production", "the per-tonne price of refined metal firmed 4.2%", trade)
    assert verify.check_metric("production", "quoted at RMB 18,150-18,400/t", trade) is not None
    assert "imports" in verify.check_metric("production", "Net imports are seen near 52,000 t", trade)
    assert "exports" in verify.check_metric("production", "exports fell to 7,300 t", trade)
    # a production word in the quote keeps it: the other metric's word is only context
    assert verify.check_metric("production", "output edged up 1.1% despite lower imports", trade) is None
    assert verify.check_metric("price", "the per-tonne price of refined metal firmed 4.2%", trade) is None
    assert verify.check_metric("imports", "Net imports are seen near 52,000 t", trade) is None
    # a currency in words is a price; a place whose name starts like one is not
    assert verify.check_metric("production", "sold for 3,150 euros a tonne", trade) is not None
    regions = "Refined output fell 4% in Africa and 1.5% in Europe over the first quarter."
    assert verify.check_metric("cumulative_production", "1.5% in Europe", regions) is None


def test_the_text_speaks_for_a_forecast_it_expects_but_not_for_an_actual_without_forecast_words() -> None:
    """A forecast the quote expects is the rules' against a reader's actual. An actual in a clause with no forecast
    word is no evidence against a reader's forecast: a report counts its own month, still running, as a forecast
    and may say so a sentence or a heading away (on pages nobody here read, favouring it cost p = 1 0.055 core)."""
    from extractor.record import Label

    def label(basis: str, period: str = "2025-04") -> Label:
        return Label("cobalt_sulphate", "china", "production", None, None, period, basis, "level")

    expects = "Makers said output is forecast to touch 6,500 t in April as two lines restart."
    assert favours.favours_rules(label("forecast"), label("actual"), "forecast to touch 6,500 t", expects,
                                "2025-04") == {"basis"}
    done = "Cobalt sulphate output reached 6,300 t in April, 4% more than in March."
    assert favours.favours_rules(label("actual"), label("forecast"), "reached 6,300 t", done, "2025-04") == set()
    # an estimate of the report month is its preliminary reading, not a forecast
    estimate = "Output was estimated at 6,300 t in April."
    assert favours.favours_rules(label("forecast"), label("actual"), "estimated at 6,300 t", estimate,
                                "2025-04") == set()


def test_a_total_since_january_speaks_for_the_rules_cumulative_against_a_month_s_production() -> None:
    from extractor.record import Label

    def label(metric: str) -> Label:
        return Label("refined_cobalt", "china", metric, None, None, "2025-08", "actual", "level")

    total = "Over January-August, refined cobalt output came to 9,100 t, the makers' group said."
    assert favours.favours_rules(label("cumulative_production"), label("production"), "came to 9,100 t", total,
                                "2025-08") == {"metric"}
    month = "In August, refined cobalt output came to 1,200 t, the makers' group said."
    assert favours.favours_rules(label("cumulative_production"), label("production"), "came to 1,200 t", month,
                                "2025-08") == set()


def test_a_change_is_held_to_the_base_its_quote_names() -> None:
    """The month before as a base is no year-on-year change, the same month a year earlier no month-on-month one,
    and the base itself is no period of the change; a span or another year's month is no such base."""
    before = "Sulphate output grew 3.1% from June"
    assert verify.check_measure("yoy_pct", before, before, "%", "2025-07") is not None
    assert verify.check_measure("mom_pct", before, before, "%", "2025-07") is None
    year_ago = "fell 2% against July 2024"
    assert verify.check_measure("mom_pct", year_ago, year_ago, "%", "2025-07") is not None
    assert verify.check_measure("yoy_pct", year_ago, year_ago, "%", "2025-07") is None
    span = "up 4% from January-June last year"
    assert verify.check_measure("yoy_pct", span, span, "%", "2025-07") is None

    dipped = "dipped 1.5% compared with June"
    assert verify.check_change_period("2025-06", "mom_pct", dipped) is not None
    assert verify.check_change_period("2025-07", "mom_pct", dipped) is None
    assert verify.check_change_period("2025-06", "level", "stood at 1,500 t in June") is None


def test_a_change_s_comparison_named_right_after_its_number_is_its_own() -> None:
    both = "Ferrochrome output slid 4.4% m-o-m and 19.80% y-o-y in the month."
    assert verify.check_measure("mom_pct", "slid 4.4% m-o-m and 19.80% y-o-y", both, "%", "2025-03",
                                after="% y-o-y in the month.") is not None
    assert verify.check_measure("yoy_pct", "slid 4.4% m-o-m and 19.80% y-o-y", both, "%", "2025-03",
                                after="% y-o-y in the month.") is None
    assert verify.check_measure("yoy_pp", "rose 1.2 percentage points month on month", both, "pp", "2025-03",
                                after=" percentage points month on month") is not None
    # no comparison right after the number: the quote and its clause decide, as before
    assert verify.check_measure("mom_pct", "slid 4.4% m-o-m", both, "%", "2025-03", after="% to 61,000 t") is None



def test_quarters_halves_and_fiscal_years_written_short_are_periods_the_sentence_names() -> None:
    reachable = [("Third-quarter shipments of slab rose 4% to 1.2 mt.", "2024-09"),
                 ("Mills made 2.2 mt in 3Q24, a record.", "2024-09"), ("Output in Q2'24 eased.", "2024-06"),
                 ("First-half output came to 2 mt.", "2024-06"), ("2H23 output was 2.4 mt.", "2023-12"),
                 ("Half-year output reached 2 mt.", "2024-06"), ("In FY24 the mills made 144 mt.", "2024-03"),
                 ("Output in fiscal 2024-25 is seen at 152 mt.", "2025-03"),
                 ("Output last quarter was 1 mt.", "2024-09")]
    for sentence, period in reachable:
        assert verify.check_period(period, sentence, "2024-11") is None, sentence
    # the quarter named is not another quarter, nor the fiscal year another month
    assert verify.check_period("2024-06", "Mills made 2.2 mt in 3Q24, a record.", "2024-11") is not None
    assert verify.check_period("2024-09", "In FY24 the mills made 144 mt.", "2024-11") is not None


def test_a_metric_s_other_words_and_a_product_s_running_name_do_not_refute_a_reading() -> None:
    assert verify.check_metric("operating_rate", "ran at 81%", "The rolling mills ran at 81% in May.") is None
    assert verify.check_metric("exports", "despatches of 1.1 mt", "Despatches of 1.1 mt went to Vietnam.") is None
    assert verify.check_metric("exports", "2.05 million wet tonnes", "Miners shipped 2.05 million wet tonnes.") is None
    assert verify.check_metric("share", "representing 42%", "Integrated mills made 3 mt, representing 42%.") is None
    assert verify.check_metric("share", "3 mt", "Integrated mills made 3 mt in May.") is not None
    assert verify.named_in("Manganese oxide output rose 3% in May.", "mn3o4")


def test_a_clause_that_dates_its_figure_to_one_month_speaks_for_the_rules_period() -> None:
    from extractor.record import Label

    def label(period: str) -> Label:
        return Label("cobalt_sulphate", "china", "operating_rate", None, None, period, "forecast", "level")

    dated = "The survey puts the operating rate for August at 71.5%, with two idle lines back at work."
    assert favours.favours_rules(label("2025-08"), label("2025-07"), "at 71.5%", dated, "2025-07") == {"period"}
    # a clause that compares, or dates a time before its figure, may hold a figure of another month
    after = "After slipping below 70% in June, the operating rate climbed to 71.5%."
    assert favours.favours_rules(label("2025-06"), label("2025-07"), "climbed to 71.5%", after, "2025-07") == set()


def test_a_change_s_base_named_in_its_quote_is_not_its_period_and_ferroalloys_go_by_symbol() -> None:
    assert verify.check_change_period("2025-06", "mom_pct", "edged up 1.2% MoM from June") is not None
    assert verify.check_change_period("2025-07", "mom_pct", "edged up 1.2% MoM from June") is None
    # a base named after the quote, in its clause, may be another figure's: only the quote's own base counts
    assert verify.check_change_period("2025-06", "mom_pct", "edged up 1.2% MoM") is None
    assert verify.named_in("Makers of 72% grade FeSi cut offers.", "ferrosilicon")
    assert verify.named_in("Cell makers lifted battery cell schedules.", "lithium_ion_battery")
    assert not verify.named_in("Few analysts expected the cut.", "ferrotungsten")


def test_sales_demand_and_a_balance_are_no_production_and_speak_for_the_rules_metric() -> None:
    from extractor.record import Label

    def label(metric: str) -> Label:
        return Label("crude_steel", "brazil", metric, None, None, "2025-04", "actual", "level")

    sales = "Domestic sales of flat steel came to 1.6 mt in April."
    assert "demand or sales" in verify.check_metric("production", "sales of flat steel came to 1.6 mt", sales)
    gap = "In April consumption outran supply, a deficit of 45 kt."
    assert verify.check_metric("production", "a deficit of 45 kt", gap) is not None
    # output with a demand word in its clause is still output
    assert verify.check_metric("production", "output rose 3% to 2.8 mt", "Output rose 3% to 2.8 mt on demand.") is None
    stocks = "Exchange stocks totalled 1.2 mt at the end of April."
    assert favours.favours_rules(label("inventory"), label("production"), "totalled 1.2 mt", stocks,
                                "2025-04") == {"metric"}
    assert favours.favours_rules(label("other"), label("production"), "came to 1.6 mt", sales, "2025-04") == {"metric"}


def test_a_month_over_when_the_page_was_published_is_no_forecast_without_a_forecast_word() -> None:
    """A reader's forecast of a month the page's own date line puts in the past is refuted unless the sentence or the
    headline expects; the same figure of a page published inside that month may be a forecast."""
    late = ("Cobalt Wire, 4 December 2025\nRefined cobalt output came to 3,120 tonnes in November, 2.4% more than in "
            "October.\n")
    early = "Cobalt Wire, 21 November 2025\n" + late.partition("\n")[2]
    headlined = "Refined cobalt output in November expected at 3,120 tonnes\n" + late
    outlook = "Cobalt: November output and an outlook for December\n" + late
    sentence = late.partition("\n")[2]
    assert periods.published_before(late, "2025-11") == "2025-12"
    assert verify.check_basis("forecast", "2025-11", sentence, "2025-11", "3,120 tonnes", "2025-12")
    assert periods.published_before(outlook, "2025-11") == "2025-12"  # the headline expects the month after
    # what is still a forecast: inside the month, under a headline that expects it, or said so in the sentence
    assert periods.published_before(early, "2025-11") == "2025-11"
    assert verify.check_basis("forecast", "2025-11", sentence, "2025-11", "3,120 tonnes", "2025-11") is None
    assert periods.published_before(headlined, "2025-11") is None
    assert verify.check_basis("forecast", "2025-11", "Output is expected at 3,120 tonnes in November.", "2025-11",
                              "3,120 tonnes", "2025-12") is None
    assert verify.check_basis("actual", "2025-11", sentence, "2025-11", "3,120 tonnes", "2025-12") is None


def test_output_is_refuted_where_the_sentence_speaks_only_of_trade_or_stocks() -> None:
    """A reader's "production" for a figure whose sentence names imports, exports or stocks and no output is refuted;
    a study group's "mine supply" is output, and a market "balanced by" falls is no balance."""
    imports = "Manganese ore imports reached about 2.9 million tons in March, 4% more than in February."
    assert verify.check_metric("production", "about 2.9 million tons", imports, "mt") is not None
    assert verify.check_metric("imports", "about 2.9 million tons", imports, "mt") is None
    stocks = "Stocks held in bonded warehouses came to 61,000 t at the end of March."
    assert verify.check_metric("production", "came to 61,000 t", stocks, "mt") is not None
    # what is still output
    supply = ("World tin mine supply in the first quarter was close to last year's, with gains in Peru balanced by "
              "falls.")
    assert verify.check_metric("cumulative_production", "gains in Peru", supply, None) is None
    both = "Smelters produced 41,000 t of ferrochrome in March while exports fell to 3,000 t."
    assert verify.check_metric("production", "41,000 t", both, "mt") is None


def test_batteries_named_by_the_vehicles_they_go_into_and_cobalt_from_feedstock() -> None:
    """Power batteries are named by what they are fitted to ("EV batteries", "xEV battery deployment"), and
    "feedstock" holds no stock: a cobalt supply figure stays output."""
    ev = "Fitted EV batteries in Europe came to 4.1 GWh in March."
    assert verify.named_in(ev, "power_battery")
    assert verify.named_in("Global xEV battery deployment reached 9 GWh.", "power_battery")
    assert not verify.named_in("Lead-acid starter units fell 3%.", "power_battery")
    cobalt = "Around 81,000 t of cobalt metal was supplied from hydroxide feedstock in 2023, up 9% on the year."
    assert verify.check_metric("cumulative_production", "Around 81,000 t", cobalt, "mt") is None
    assert verify.check_metric("inventory", "Around 81,000 t", cobalt, "mt") is not None


def test_the_text_verifies_each_field() -> None:
    sentence = "Output in May 2024 rose 3% year on year, and June output is expected to fall."
    assert verify.check_period("2024-05", sentence, "2024-05") is None
    assert verify.check_period("2023-05", sentence, "2024-05") is None  # the year-ago month it compares with
    assert verify.check_period("2022-11", sentence, "2024-05") is not None
    assert verify.check_measure("yoy_pct", "rose 3% year on year", sentence, "%") is None
    assert verify.check_measure("mom_pct", "rose 3% year on year", sentence, "%") is not None
    assert verify.check_basis("actual", "2024-07", sentence, "2024-05") is not None
    assert verify.check_basis("forecast", "2024-06", sentence, "2024-05") is None
    assert verify.check_metric("capacity", "rose 3%", sentence) is not None
    assert verify.check_metric("production", "rose 3%", sentence) is None
    assert verify.check_report_month("2024-05", sentence) is None
    assert verify.check_report_month("2021-02", sentence) is not None
    assert verify.named_in("Nickel sulfate output rose.", "nickel_sulphate")
    assert not verify.named_in("Nickel sulfate output rose.", "cobalt_sulphate")
    assert verify.segment_label("Jinchuan  Group", "refined_nickel") == "jinchuan group"
    assert verify.segment_label("null", "refined_nickel") is None
    # A size and a raw-material route in the contract's labels, whatever words the reader used.
    assert verify.segment_label("Middle-sized smelters", "primary_lead") == "medium smelters"
    assert verify.segment_label("medium-scale plants", "primary_lead") == "medium plants"
    assert verify.segment_label("large-scale mills", "aluminum_extrusion") == "large mills"
    assert verify.segment_label("mid-size refiners", "refined_zinc") == "medium refiners"
    assert verify.segment_label("Salt lake-based", "lithium_carbonate") == "salt lake-derived"
    assert verify.segment_label("spodumene-derived", "lithium_carbonate") == "spodumene-derived"
    assert verify.segment_label("midstream producers", "refined_zinc") == "midstream producers"
    assert verify.segment_label("mid-tier enterprises", "ndfeb") == "mid-tier enterprises"  # the report's own words
    # a total since January in the contract's form, whatever the reader called it
    assert verify.segment_label("Consumption YTD", "refined_tin") == "consumption, cumulative"
    assert verify.segment_label("year-to-date", "refined_tin") == "cumulative"
    assert verify.segment_label("net imports, cumulative", "refined_tin") == "net imports, cumulative"
    # A group of countries given as a region is the contract's `global` with the group as segment; a country stays.
    assert verify.region_and_group("South America", None) == ("global", "south america")
    assert verify.region_and_group("the EU", "demand") == ("global", "demand, eu")
    assert verify.region_and_group("Zambia", None) == ("zambia", None)
    assert verify.region_and_group("Slovakia", "refined") == ("slovakia", "refined")  # a country not in the table
    assert verify.commodity_id("Copper Foil (lithium battery)") == "copper_foil_lithium_battery"
