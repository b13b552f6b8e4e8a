"""Phrasings of other years, templates and publishers, each in a sentence of our own (never the corpus's).

Each case is a kind of phrasing, not one report's sentence: the rules must read
the kind wherever it appears. A case names the report month the document has.
Every fact a test expects is compared on its whole label. Figures that are
not the commodity's are in test_not_facts.py.
"""

from __future__ import annotations

import pytest

from .labels import accepted_numbers, has
from .labels import label_text as _facts


CASES = [
    # comparisons written the older way
    ("Zinc output was 410,500 mt in May, down 2.1% on the month and 9.8% on the year.", "2017-05",
     [(-2.1, dict(commodity="refined_zinc", period="2017-05", measure="mom_pct")),
      (-9.8, dict(commodity="refined_zinc", period="2017-05", measure="yoy_pct"))]),
    ("Nickel pig iron output fell 4.4% m-o-m and 12.5% y-o-y in October.", "2020-10",
     [(-4.4, dict(commodity="npi", period="2020-10", measure="mom_pct")),
      (-12.5, dict(commodity="npi", period="2020-10", measure="yoy_pct"))]),
    ("China's aluminium output was 3.1 million tonnes in March, up 2.2% from a year ago.", "2019-03",
     [(2.2, dict(commodity="aluminum", period="2019-03", measure="yoy_pct")),
      (3100000, dict(commodity="aluminum", period="2019-03", measure="level"))]),
    ("Tin output rose 3% for the corresponding period last year to 15,200 mt in July.", "2021-07",
     [(3, dict(commodity="refined_tin", period="2021-07", measure="yoy_pct"))]),
    ("Copper cathode output rose 4% from the record set in June 2020 to 880,000 mt in June.", "2021-06",
     [(4, dict(commodity="copper_cathode", period="2021-06", measure="yoy_pct"))]),
    # cumulative and whole-year periods
    ("Zinc output in the first seven months of 2018 totalled 3.1 million mt, up 1.5% year on year.", "2018-07",
     [(3100000, dict(commodity="refined_zinc", metric="cumulative_production", period="2018-07", measure="level"))]),
    ("Silicon metal output reached 3.2 million mt last year, the statistics bureau said.", "2020-12",
     [(3200000, dict(commodity="silicon_metal", metric="cumulative_production", period="2020-12", measure="level"))]),
    ("Alumina output totalled 72.5 million mt in 2019, down 1% from 2018.", "2019-12",
     [(72500000, dict(commodity="alumina", metric="cumulative_production", period="2019-12", measure="level"))]),
    ("Full-year aluminium output will reach 39.8 million mt, SMM expects.", "2022-10",
     [(39800000, dict(commodity="aluminum", metric="cumulative_production", period="2022-12", basis="forecast",
                      measure="level"))]),
    # daily average and rates per year
    ("Alumina output averaged 205,000 tonnes per day in April.", "2021-04",
     [(205000, dict(commodity="alumina", segment="daily average", period="2021-04", measure="level", unit="mt/day"))]),
    ("Daily lead output was 13,400 mt in June, down 200 mt from May.", "2022-06",
     [(13400, dict(commodity="refined_lead", segment="daily average", period="2022-06", measure="level"))]),
    # operating rates of other wordings
    ("Primary lead smelters' start-up rate was 58.4% in April, down 1.2 percentage points from March.", "2019-04",
     [(58.4, dict(commodity="primary_lead", metric="operating_rate", period="2019-04", measure="level")),
      (-1.2, dict(commodity="primary_lead", metric="operating_rate", period="2019-04", measure="mom_pp"))]),
    ("Magnesium producers operated at 61.5% in August.", "2022-08",
     [(61.5, dict(commodity="magnesium_ingot", metric="operating_rate", period="2022-08", measure="level"))]),
    # months, last month and the month's own level
    ("Stainless steel output rose to 2.9 million mt in March, up from February's 2.6 million mt.", "2021-03",
     [(2600000, dict(commodity="stainless_steel", period="2021-02", measure="level")),
      (2900000, dict(commodity="stainless_steel", period="2021-03", measure="level"))]),
    ("Producers made 41,000 mt of lithium carbonate last month, SMM data showed.", "2023-05",
     [(41000, dict(commodity="lithium_carbonate", period="2023-05", measure="level"))]),
    # forecasts worded without a month: the month after the report month
    ("SMM sees refined zinc output rising 3.5% month on month to 540,000 mt.", "2022-02",
     [(3.5, dict(commodity="refined_zinc", period="2022-03", basis="forecast", measure="mom_pct")),
      (540000, dict(commodity="refined_zinc", period="2022-03", basis="forecast", measure="level"))]),
    # chains: "A or B marker", "fall A% to B% ... from a month earlier"
    ("Nickel sulphate output rose by 3,100 mt or 8.2% month on month in May.", "2023-05",
     [(3100, dict(commodity="nickel_sulphate", period="2023-05", measure="mom_abs")),
      (8.2, dict(commodity="nickel_sulphate", period="2023-05", measure="mom_pct"))]),
    # a change stated against another month after its figure
    ("Refined zinc output in May was 2.3% lower than that in April.", "2024-05",
     [(-2.3, dict(commodity="refined_zinc", period="2024-05", measure="mom_pct"))]),
    ("Zinc output was 4% higher than a year ago in May.", "2024-05",
     [(4, dict(commodity="refined_zinc", period="2024-05", measure="yoy_pct"))]),
    # lists of parts with their figures in order, the unit stated once
    ("Silicon metal operating rates in Yunnan and Sichuan climbed 2.1 and 3.4 percentage points in May.", "2024-05",
     [(2.1, dict(commodity="silicon_metal", metric="operating_rate", segment="yunnan", period="2024-05",
                 measure="mom_pp")),
      (3.4, dict(commodity="silicon_metal", metric="operating_rate", segment="sichuan", period="2024-05",
                 measure="mom_pp"))]),
    # a route named before its output
    ("Lithium hydroxide output fell in May. Smelting output decreased by 12% MoM; causticisation output rose 4% MoM.",
     "2024-05",
     [(-12, dict(commodity="lithium_hydroxide", segment="smelting", period="2024-05", measure="mom_pct")),
      (4, dict(commodity="lithium_hydroxide", segment="causticisation", period="2024-05", measure="mom_pct"))]),
    # "m tonnes", and a comparative with its marker after the figure
    ("Crude steel output reached 80.2m tonnes in May, down 1.2% m-o-m but still was 3.4% higher y-o-y.", "2021-05",
     [(80200000, dict(commodity="crude_steel", period="2021-05", measure="level")),
      (3.4, dict(commodity="crude_steel", period="2021-05", measure="yoy_pct"))]),
    # a change written with its sign
    ("China Oct zinc output -2.4% y/y at 561,000 tonnes; China Oct lead output +6.2% y/y at 640,000 tonnes.", "2022-10",
     [(-2.4, dict(commodity="refined_zinc", period="2022-10", measure="yoy_pct")),
      (6.2, dict(commodity="refined_lead", period="2022-10", measure="yoy_pct"))]),
    # bounds reached are levels, not changes
    ("Lithium carbonate output exceeded the 50,000 mt mark in January for the first time.", "2024-01",
     [(50000, dict(commodity="lithium_carbonate", period="2024-01", measure="level", qualifier="over"))]),
    # segments named after the figure, tiers, provinces
    ("The copper cathode operating rate rose to 74.1% at medium smelters in June.", "2021-06",
     [(74.1, dict(commodity="copper_cathode", metric="operating_rate", segment="medium smelters", period="2021-06",
                  measure="level"))]),
    ("Leading-tier producers made 12,500 mt of NdFeB magnets in July.", "2025-07",
     [(12500, dict(commodity="ndfeb", segment="leading-tier producers", period="2025-07", measure="level"))]),
    ("Output rebounded in Yunnan, rising 6.1% on the month to 310,000 mt of silicon metal.", "2020-08",
     [(6.1, dict(commodity="silicon_metal", segment="yunnan", period="2020-08", measure="mom_pct"))]),
    ("The output of 300 series stainless steel rose 2.5% MoM in June.", "2021-06",
     [(2.5, dict(commodity="stainless_steel", segment="300-series", period="2021-06", measure="mom_pct"))]),
    # the product named after the production word ("output of X"), in a story that began with another
    ("Nickel pig iron output fell 3.1% in June. Production of refined nickel in China came in at 14,100 mt in June, "
     "up 2.2% from May.", "2021-06",
     [(14100, dict(commodity="refined_nickel", period="2021-06", measure="level")),
      (2.2, dict(commodity="refined_nickel", period="2021-06", measure="mom_pct"))]),
    ("Refined copper output rose 1.5% in March. March output of alumina, used to make aluminium, rose 3.3% on the "
     "month to 6.61 million tonnes.", "2020-03",
     [(6610000, dict(commodity="alumina", period="2020-03", measure="level"))]),
    # a comparison noun written out in words before the change
    ("In May, nickel pig iron output was 31,200 nickel tons and 612,000 physical tons, with a month on month "
     "decrease of 4.2% in physical tons and a year-on-year decrease of 3.1% in metal tons.", "2023-05",
     [(31200, dict(commodity="npi", content="metal", period="2023-05", measure="level")),
      (612000, dict(commodity="npi", period="2023-05", measure="level")),
      (-4.2, dict(commodity="npi", period="2023-05", measure="mom_pct")),
      (-3.1, dict(commodity="npi", content="metal", period="2023-05", measure="yoy_pct"))]),
    ("Alumina output for the January-September period rose to about 66.1 million tons, a year-on-year hike of 7.4%.",
     "2025-09",
     [(7.4, dict(commodity="alumina", metric="cumulative_production", period="2025-09", measure="yoy_pct"))]),
    ("In August, refined zinc production was 491,200 mt, down 0.72% MoM (3,560 mt) and down 6.6% YoY.", "2024-08",
     [(-3560, dict(commodity="refined_zinc", period="2024-08", measure="mom_abs")),
      (-6.6, dict(commodity="refined_zinc", period="2024-08", measure="yoy_pct"))]),
    # "The 2023 total" is the year's; a battery's cell is no PV cell
    ("Lithium carbonate production was 44,500 mt in December. The 2023 total reached 458,000 mt, up 30.1% YoY. "
     "Recycling plants cut output as battery cell production waste fell, and output was 3,100 mt.", "2023-12",
     [(458000, dict(commodity="lithium_carbonate", metric="cumulative_production", period="2023-12", measure="level")),
      (30.1, dict(commodity="lithium_carbonate", metric="cumulative_production", period="2023-12", measure="yoy_pct")),
      (3100, dict(commodity="lithium_carbonate", period="2023-12", measure="level"))]),
    # capacity a year in million tonnes written "mtpy", and the operating part of it
    ("China had 41.2 mtpy of completed primary aluminium capacity by end-May, of which 37.9 mtpy is operational.",
     "2022-05",
     [(41200000, dict(commodity="aluminum", metric="capacity", period="2022-05", measure="level", unit="mt/year")),
      (37900000, dict(commodity="aluminum", metric="operating_capacity", period="2022-05", measure="level",
                      unit="mt/year"))]),
    # a month named behind a cause is the cause's, not the figure's
    ("Zinc output rose in July. That was 9.3% higher than a year ago, as power cuts halted smelters in June-July "
     "2022.", "2023-07",
     [(9.3, dict(commodity="refined_zinc", period="2023-07", measure="yoy_pct"))]),
    # a total since January named by its own word before the production word
    ("Zinc output was 480kt during June, up 1.2% MoM. YTD output was 2.9 million mt, up 4.4% YoY.", "2012-06",
     [(2900000, dict(commodity="refined_zinc", metric="cumulative_production", period="2012-06", measure="level")),
      (4.4, dict(commodity="refined_zinc", metric="cumulative_production", period="2012-06", measure="yoy_pct"))]),
    ("In 2023, the cumulative production of nickel pig iron was 401,000 nickel tons.", "2023-12",
     [(401000, dict(commodity="npi", metric="cumulative_production", content="metal", period="2023-12",
                    measure="level"))]),
    # a product made where the table gives it an id of its own; "nickel iron" is nickel pig iron
    ("In March, Indonesia's nickel pig iron production was 130,500 nickel tons, up 2.1% MoM.", "2024-03",
     [(130500, dict(commodity="indonesia_npi", region="indonesia", content="metal", period="2024-03",
                    measure="level"))]),
    ("Nickel pig iron output fell in May. Nickel iron production is expected to fall 3.3% in June.", "2024-05",
     [(-3.3, dict(commodity="npi", period="2024-06", basis="forecast", measure="mom_pct"))]),
    # a change of what follows it: "an estimated 1.8% drop in operating rates" is a rate's change, not a level
    ("PV glass makers expect cuts in August, with an estimated 1.8% drop in operating rates MoM.", "2025-07",
     [(-1.8, dict(commodity="pv_glass", metric="operating_rate", period="2025-08", basis="forecast",
                  measure="mom_pct"))]),
    # comparisons written as a basis, or against a month named with its year
    ("Tin output fell 2.2% in April. On a yearly basis, the production rose 5.5% last month.", "2019-04",
     [(5.5, dict(commodity="refined_tin", period="2019-04", measure="yoy_pct"))]),
    ("China produced 2.71 million mt of stainless steel in June, up 2.9% from May and 4.6% from June 2017.", "2018-06",
     [(2.9, dict(commodity="stainless_steel", period="2018-06", measure="mom_pct")),
      (4.6, dict(commodity="stainless_steel", period="2018-06", measure="yoy_pct"))]),
    ("Stainless steel output is expected to rise 0.8% to 2.5 million mt in July, with a year-over-year increase of "
     "6.1%.", "2019-06",
     [(0.8, dict(commodity="stainless_steel", period="2019-07", basis="forecast", measure="mom_pct")),
      (6.1, dict(commodity="stainless_steel", period="2019-07", basis="forecast", measure="yoy_pct"))]),
    # a part's output stated as what it "accounted for", with its change after it
    ("Stainless steel output fell in May. 300-series accounted for 1.31 million mt, up 2.2% from a month ago.",
     "2019-05",
     [(1310000, dict(commodity="stainless_steel", segment="300-series", period="2019-05", measure="level")),
      (2.2, dict(commodity="stainless_steel", segment="300-series", period="2019-05", measure="mom_pct"))]),
    # output maintenance took, named before the cut
    ("Output of 200-series stainless steel fell 9.5% in May, as maintenance at a southern mill cut production by "
     "about 60,000 mt.", "2020-05",
     [(60000, dict(commodity="stainless_steel", metric="maintenance_impact", segment="200-series", period="2020-05",
                   measure="level"))]),
    # machine-translated word order ("metal silicon"), and a bare metal name before its plants
    ("Across the metal silicon plants SMM tracks, the May operating rate came to 27.9%.", "2021-05",
     [(27.9, dict(commodity="silicon_metal", metric="operating_rate", period="2021-05", measure="level"))]),
    ("Silicon enterprises surveyed ran at an operating rate of 36.2% in May.", "2021-05",
     [(36.2, dict(commodity="silicon_metal", metric="operating_rate", period="2021-05", measure="level"))]),
    # wire-story comparisons: "versus a year earlier", a bare move "from a year earlier", "January-to-May"
    ("China's production of aluminium edged up 1.4% to 3.51 million tonnes in June versus a year earlier.", "2023-06",
     [(1.4, dict(commodity="aluminum", period="2023-06", measure="yoy_pct"))]),
    ("China's zinc output rose in June from a year earlier, official data showed.", "2023-06",
     [("up", dict(commodity="refined_zinc", period="2023-06", measure="yoy_direction"))]),
    ("For the January-to-June period, China produced 20.1 million tonnes of aluminium.", "2023-06",
     [(20100000, dict(commodity="aluminum", metric="cumulative_production", period="2023-06", measure="level"))]),
    # a record's figure keeps its month; the figures after it are the month reviewed's
    ("China's aluminium output was 3.31 million tonnes in March. That beat the previous high for an individual month "
     "of 3.29 million tonnes in December and works out at around 106,800 tonnes of metal per day.", "2021-03",
     [(3290000, dict(commodity="aluminum", period="2020-12", measure="level")),
      (106800, dict(commodity="aluminum", segment="daily average", period="2021-03", measure="level"))]),
    # months abbreviated as wire titles write them; "from January to stand at" is a base, not a span
    ("Refined tin output dropped 900 mt from Aug to settle at 13,600 mt in Sep, an SMM survey showed.", "2020-09",
     [(13600, dict(commodity="refined_tin", period="2020-09", measure="level")),
      (-900, dict(commodity="refined_tin", period="2020-09", measure="mom_abs"))]),
    ("Refined tin output dropped by more than 900 mt from August to settle at 13,600 mt in September, an SMM survey "
     "showed.", "2020-09",
     [(13600, dict(commodity="refined_tin", period="2020-09", measure="level")),
      (-900, dict(commodity="refined_tin", period="2020-09", measure="mom_abs"))]),
    # a list of products, each opening its clause with its move
    ("In May, copper output was up 6.1% to 910,000 mt, aluminium was up 2.2% to 3.4 million mt, and zinc was down "
     "1.3% to 520,000 mt.", "2020-05",
     [(910000, dict(commodity="copper_cathode", period="2020-05", measure="level")),
      (2.2, dict(commodity="aluminum", period="2020-05", measure="mom_pct")),
      (520000, dict(commodity="refined_zinc", period="2020-05", measure="level")),
      (-1.3, dict(commodity="refined_zinc", period="2020-05", measure="mom_pct"))]),
    # "the operating capacity was" is no plain capacity; a supply of power is no output
    ("By the end of January, primary aluminium plants had some 44.6 million mt of built capacity, while operating "
     "capacity stood near 43.0 million mt.", "2025-01",
     [(44600000, dict(commodity="aluminum", metric="capacity", period="2025-01", measure="level")),
      (43000000, dict(commodity="aluminum", metric="operating_capacity", period="2025-01", measure="level"))]),
    # an expectation naming no month is of the month after the one reviewed
    ("Refined copper output was 336kt during July. Output is expected to increase slightly in the future.", "2009-07",
     [("up", dict(commodity="copper_cathode", period="2009-08", basis="forecast", measure="mom_direction"))]),
    # PV products are counted in watts; an earlier estimate is an expectation
    ("China's silicon wafer production in October was 52.1GW. It saw a 12.5% dip MoM.", "2023-10",
     [(52.1, dict(commodity="wafer", period="2023-10", measure="level")),
      (-12.5, dict(commodity="wafer", period="2023-10", measure="mom_pct"))]),
    ("Polysilicon production in October was 141,000 mt, down from the previous estimate of 146,000 mt.", "2023-10",
     [(146000, dict(commodity="polysilicon", period="2023-10", basis="expected", measure="level"))]),
    # a province's output, named after the product or in a clause before its figure
    ("Output of high-carbon ferrochrome in Inner Mongolia was 251,300 mt in April, up 12.2% from the previous month.",
     "2021-04",
     [(251300, dict(commodity="high_carbon_ferrochrome", segment="inner mongolia", period="2021-04", measure="level")),
      (12.2, dict(commodity="high_carbon_ferrochrome", segment="inner mongolia", period="2021-04",
                  measure="mom_pct"))]),
    ("Ferrochrome output in Shanxi is expected to rise in May. Production in Guangxi dropped, with monthly output of "
     "31,200 mt, down 20.5% from the previous month.", "2021-04",
     [(31200, dict(commodity="high_carbon_ferrochrome", segment="guangxi", period="2021-04", measure="level")),
      (-20.5, dict(commodity="high_carbon_ferrochrome", segment="guangxi", period="2021-04", measure="mom_pct"))]),
    # "from May to 5.6 million mt in June" makes June no base month; a company's switch of product is no subject
    ("SMM forecasts that alumina output will ease from May to 6.02 million mt in June, while daily average output "
     "is put at 200,700 mt, still above the May rate.", "2019-05",
     [(6020000, dict(commodity="alumina", period="2019-06", basis="forecast", measure="level")),
      (200700, dict(commodity="alumina", segment="daily average", period="2019-06", basis="forecast",
                    measure="level"))]),
    ("Alumina output rose in May. Hengfeng Aluminum Magnesium moved its lines to making aluminum hydroxide. "
     "Alumina output is set to hit 6.3 million tonnes in June.", "2019-05",
     [(6300000, dict(commodity="alumina", period="2019-06", basis="forecast", measure="level"))]),
    # a sentence about "it" speaks of the figure of the sentence before
    ("Silicon metal operating rates rose 3.1 percentage points to 41.2% in May.\n\nIt was also up 4.4 percentage "
     "points year on year.", "2019-05",
     [(4.4, dict(commodity="silicon_metal", metric="operating_rate", period="2019-05", measure="yoy_pp"))]),
]


@pytest.mark.parametrize("text, month, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_phrasing(text: str, month: str, expected: list[tuple[object, dict]]) -> None:
    assert expected
    facts = _facts(text, month)
    for value, label in expected:
        assert has(facts, value, **label), (value, label, facts)


def test_an_article_turns_to_a_second_product() -> None:
    text = ("China alumina and aluminium output in May\n\n"
            "China's alumina output rose 2.5% month on month to 6.6 million mt in May. "
            "China's aluminium output also increased, up 1.1% on the month to 3.4 million mt.")
    facts = _facts(text, "2022-05")
    assert has(facts, 6600000, commodity="alumina", period="2022-05", measure="level")
    assert has(facts, 2.5, commodity="alumina", period="2022-05", measure="mom_pct")
    assert has(facts, 3400000, commodity="aluminum", period="2022-05", measure="level")
    assert has(facts, 1.1, commodity="aluminum", period="2022-05", measure="mom_pct")


def test_a_country_named_with_the_product_is_its_region() -> None:
    text = "Indonesia's nickel matte production was 30,100 mt in Ni content in March, up 2.2% MoM."
    facts = _facts(text, "2025-03")
    assert has(facts, 30100, commodity="nickel_matte", region="indonesia", content="metal", period="2025-03",
               measure="level")
    assert has(facts, 2.2, commodity="nickel_matte", region="indonesia", content="metal", period="2025-03",
               measure="mom_pct")


def test_respectively_lists_take_the_parts_named() -> None:
    text = ("The 200-series, 300-series and 400-series made 980,000 mt, 1.71 million mt and 520,000 mt of stainless "
            "steel respectively in August.")
    facts = _facts(text, "2022-08")
    for value, series in ((980000, "200-series"), (1710000, "300-series"), (520000, "400-series")):
        assert has(facts, value, commodity="stainless_steel", segment=series, period="2022-08", measure="level")


def test_a_breakdown_keeps_the_metal_content_of_its_total() -> None:
    text = ("China produced 40.2 kt of NPI (in Ni metal) in June, down 1.5% m-o-m. Of this figure, high-grade NPI "
            "output was 31.0 kt.")
    facts = _facts(text, "2021-06")
    assert has(facts, 31000, commodity="npi", segment="high-grade", content="metal", period="2021-06",
               measure="level")
    assert has(facts, -1.5, commodity="npi", content="metal", period="2021-06", measure="mom_pct")


def test_shares_take_the_part_the_clause_names() -> None:
    text = ("Nickel sulphate output rose in May. The feed mix was: nickel intermediates accounted for about 61%, "
            "nickel beans about 12%, and the proportion of recycled materials rose to 27%. Battery scrap was the "
            "second feed for the refiners, accounting for 9%; these three feeds accounted for 97%.")
    facts = _facts(text, "2024-05")
    for value, part in ((61, "nickel intermediates"), (12, "nickel beans"), (27, "recycled materials"),
                        (9, "battery scrap")):
        assert has(facts, value, commodity="nickel_sulphate", metric="share", segment=part, period="2024-05",
                   measure="level")
    assert not any(f["value"] == 97 and (f["segment"] or "").startswith("these") for f in facts)


def test_a_respectively_list_in_a_later_clause_leaves_the_first_clause_alone() -> None:
    text = ("Ternary precursor output rose in May. The 6-series share stayed high, accounting for 44.1%; the "
            "5-series, 8-series and 9-series accounted for 14.2%, 29.5% and 12.2% respectively.")
    facts = _facts(text, "2024-05")
    for value, series in ((44.1, "6-series"), (14.2, "5-series"), (29.5, "8-series"), (12.2, "9-series")):
        assert has(facts, value, commodity="ternary_precursor", metric="share", segment=series, period="2024-05",
                   measure="level")


def test_figures_of_wire_reprints() -> None:
    """Reprints of statistics-bureau figures: 'churned out', a base figure with its unit left off, 'on-year', and a
    peak that keeps its own month."""
    text = ("Smelters churned out 2.84 million tonnes of aluminium in September, a rise of 1.8% from "
            "2.79 million in August and 3.6% higher on-year, though short of the peak of 2.90 million tonnes "
            "reached in July.")
    facts = _facts(text, "2021-09")
    assert has(facts, 2840000, commodity="aluminum", period="2021-09", measure="level")
    assert has(facts, 2790000, commodity="aluminum", period="2021-08", measure="level")
    assert has(facts, 2900000, commodity="aluminum", period="2021-07", measure="level")
    assert has(facts, 1.8, commodity="aluminum", period="2021-09", measure="mom_pct")
    assert has(facts, 3.6, commodity="aluminum", period="2021-09", measure="yoy_pct")


def test_a_research_house_breakdown_by_product() -> None:
    """An Antaike-style survey: capitals 'Mt' are million tonnes, a mass with its marker after it is a change,
    the survey's capacity is no fact, and 'of which primary lead output was ...' is primary lead's."""
    text = ("Refined lead output report, March 2022\n\nThe survey covers 30 smelters with 3.2Mt of capacity. They "
            "produced 1.05Mt of refined lead in Jan-Mar 2022, up 6.1% year on year, and March output was 371kt, "
            "rising 9.9% year on year and 41kt month on month, of which primary lead output was 201kt, up 1.2% "
            "year on year, secondary lead output was 170kt, up 21.4% year on year.")
    facts = _facts(text, "2022-03")
    assert has(facts, 1050000, commodity="refined_lead", metric="cumulative_production", period="2022-03",
               measure="level")
    assert has(facts, 41000, commodity="refined_lead", period="2022-03", measure="mom_abs")
    assert has(facts, 201000, commodity="primary_lead", period="2022-03", measure="level")
    assert has(facts, 170000, commodity="secondary_lead", period="2022-03", measure="level")
    assert has(facts, 21.4, commodity="secondary_lead", period="2022-03", measure="yoy_pct")
    assert not any(f["metric"] == "capacity" for f in accepted_numbers(facts))


def test_a_wire_copy_wrapped_mid_sentence_is_read_as_one_sentence() -> None:
    text = ("China's refined zinc output rose in April.\n\nSmelters surveyed produced 438,000 tonnes of zinc\nlast "
            "month, up by 11,000 tonnes from a revised output of 427,000\ntonnes in March and 0.2% higher than a year "
            "earlier.")
    facts = _facts(text, "2022-04")
    assert has(facts, 11000, commodity="refined_zinc", period="2022-04", measure="mom_abs")
    assert has(facts, 427000, commodity="refined_zinc", period="2022-03", measure="level")
    assert has(facts, 0.2, commodity="refined_zinc", period="2022-04", measure="yoy_pct")


def test_output_cut_for_maintenance_is_its_impact() -> None:
    text = "Copper cathode output fell in October; some smelters cut the production by 12,000 mt for maintenance."
    assert has(_facts(text, "2021-10"), 12000, commodity="copper_cathode", metric="maintenance_impact",
               period="2021-10", measure="level")


def test_a_products_exports_are_its_own_figures() -> None:
    text = ("Ternary cathode output fell 5% MoM in May. China's lithium hydroxide exports in April reached 6,100 mt, "
            "down 12% MoM.")
    facts = _facts(text, "2024-05")
    assert has(facts, 6100, commodity="lithium_hydroxide", metric="exports", period="2024-04", measure="level")
    assert has(facts, -5, commodity="ternary_cathode", period="2024-05", measure="mom_pct")
