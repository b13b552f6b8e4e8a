"""The report month of texts of our own: months named, datelines and publication lines, forecasts, bases of
comparison (`find_report_month` through `report_month`). Spans, quarters, halves and fiscal years:
`tests/test_report_month_spans.py`."""

from extractor.formats.datelines import report_month
from extractor.text.months import resolve_month


def test_title_line() -> None:
    month = report_month("intro\nMarch 2019 Metal Production Review and Forecast for April\nCopper\n")
    assert (month.value, month.confidence) == ("2019-03", "high")


def test_sentence_openings_win_over_other_months() -> None:
    text = "In May 2024, output rose. In May 2024, zinc fell. Output in June 2024 will rise. In May 2024, tin rose."
    assert report_month(text).value == "2024-05"


def test_bare_month_with_publication_date() -> None:
    month = report_month("Published: Feb 3, 2022 09:00\nIn January, output fell 2% MoM.")
    assert (month.value, month.confidence) == ("2022-01", "medium")  # one mention: never "high"


def test_no_month() -> None:
    month = report_month("Zinc output rose.")
    assert month.value is None and month.confidence == "none"


def test_named_month_takes_the_nearest_year() -> None:
    assert resolve_month("January", "2025-11") == "2026-01"
    assert resolve_month("December", "2025-02") == "2024-12"
    assert resolve_month("March", "2025-02") == "2025-03"
    assert resolve_month("October", "2025-11") == "2025-10"


# Report months of other years' templates, in sentences of our own.

def test_a_dateline_month_loses_to_the_month_the_figures_are_for() -> None:
    text = ("Tin Output Dips in August\n\nSep 14, 2018 09:30\n\nLONDON, Sep 14 (SMM) - Tin output in China came to "
            "12,400 mt in August, down 3.1% on the month.\n\nOutput is expected to pick up in September.")
    assert report_month(text).value == "2018-08"


def test_a_forecast_month_points_to_the_month_before() -> None:
    text = ("Published: Mar 2, 2021\nZinc smelters plan to lift output in March as maintenance ends; output in "
            "March is expected to reach 520,000 mt.")
    assert report_month(text).value == "2021-02"


def test_a_bare_month_after_the_publication_month_is_last_year() -> None:
    text = "Jan 9, 2020 10:00\nChina produced 301,000 mt of silicon metal in December, up 4% month on month."
    assert report_month(text).value == "2019-12"


def test_compared_months_and_day_dates_cast_no_vote() -> None:
    text = ("Nickel output fell to 13,100 mt in June from May's 13,800 mt, SMM said at a meeting held on May 28. "
            "Output rose 2% from April levels.")
    assert report_month(text).value is None  # June has no year and nothing dates it


def test_without_a_publication_date_stated_years_date_bare_months() -> None:
    text = ("BEIJING - Copper output rose in 2021 to a record, the statistics bureau said. December output was "
            "910,000 tonnes, down from the high of December 2020.")
    assert report_month(text).value == "2021-12"


def test_growth_in_the_same_period_of_a_year_makes_it_the_base() -> None:
    text = ("Tin output rose 4.2 percent in the first eight months to the end of August, slower than the 6.1-percent "
            "growth seen in the same period of 2018. A smelter in the south is due to restart in 2021.")
    assert report_month(text).value == "2019-08"


def test_a_december_named_as_the_point_since_which_dates_the_bare_month_after_it() -> None:
    # "the highest since ... December 2020": the month reviewed comes after it, so in 2021; the record's year is not
    # the month's
    text = ("Chinese smelters made 912,000 tonnes of manganese alloy in June, a second monthly gain and their best "
            "result since December 2020, when 950,100 tonnes were poured, a survey of 120 plants showed.")
    assert report_month(text).value == "2021-06"


def test_an_annual_figure_is_december_of_its_year() -> None:
    text = "Published: 20 Jan 2019\nIn 2018, output of the metal was 1.2 million tonnes, up 5% from 2017."
    assert report_month(text).value == "2018-12"


def test_a_years_figures_outweigh_a_month_named_in_passing() -> None:
    """A year right after its figures ("410,000 tonnes in 2023") is their period, as a month with a figure is: it
    outweighs a past month a price is recalled for."""
    text = ("Refined cobalt output in China came to 410,000 tonnes in 2023, up 18% on the year.\n\n"
            "Cobalt prices have slid since they peaked at 550,000 yuan per ton in March 2022.\n\n"
            "Cobalt sulphate output climbed 9% to 88,000 tonnes in 2023.")
    assert report_month(text).value == "2023-12"


def test_a_year_named_alone_does_not_date_a_bare_month() -> None:
    text = ("Zinc output in March rose 3% MoM. A new smelter is due to start by the end of 2027, and another "
            "in 2029.")
    month = report_month(text)
    assert month.value is None and "names March but not the year" in month.evidence


def test_a_cumulative_year_dates_a_bare_month() -> None:
    text = ("Zinc output in March rose 3% MoM, and cumulative output in 2023 was up 5% YoY. A new smelter is due "
            "to start by the end of 2027.")
    assert report_month(text).value == "2023-03"


def test_a_tie_between_two_stated_years_is_not_settled() -> None:
    text = ("Zinc output in March rose 3% MoM. Cumulative output in 2022 was 5.1 million mt, and cumulative output "
            "in 2023 was 5.4 million mt.")
    month = report_month(text)
    assert month.value is None and "2022 or 2023" in month.evidence


def test_a_record_s_month_is_compared_with_not_reviewed() -> None:
    text = ("Refined lead output hit a record in June, beating the previous high of 610,000 tonnes set in "
            "March 2019, as smelters ran ahead of a cut in charges for the second quarter of 2022.")
    month = report_month(text)
    assert month.value is None and "names June but not the year" in month.evidence


def test_an_estimate_of_the_month_published_late_in_it_is_that_month_s_review() -> None:
    text = ("Published: Mar 27, 2021 15:05\n\nSHANGHAI, Mar 27 (SMM) - SMM estimates that refined tin output will "
            "climb by some 1,200 mt from February and reach 14,800 mt in March.")
    assert report_month(text).value == "2021-03"


def test_a_dateline_without_a_year_comes_after_the_year_the_text_reviews_whole() -> None:
    text = ("SHANGHAI, Feb 2 (SMM) - China's output of ten nonferrous metals was 55.1 million mt in 2018, up 4% from "
            "a year ago, the statistics bureau said on January 30.")
    assert report_month(text).value == "2018-12"


def test_a_compared_month_of_last_year_dates_the_report() -> None:
    text = ("Tin output reached 15,100 tonnes in June, the bureau said. Output from January to June was 88,000 "
            "tonnes, up 3.1% from June 2020.")
    assert report_month(text).value == "2021-06"


def test_a_figure_set_against_the_same_month_of_a_named_year_reviews_the_year_after() -> None:
    """"612,000 t in March, against 598,300 t in March 2021": the named year is the base, 2022 is reviewed; the
    verifier accepts the LLM's 2022-03 and not the base's month."""
    from extractor.reconcile import verify

    text = ("Bolivia's smelters turned out 612,000 t of zinc in March, against 598,300 t in March 2021, the "
            "mining ministry said.")
    assert report_month(text).value == "2022-03"
    assert verify.check_report_month("2022-03", text) is None
    assert verify.check_report_month("2023-03", text) is not None


def test_a_publication_line_gives_its_first_date_and_a_base_set_off_by_in_is_compared_with() -> None:
    """A publication line whose caption carries an older date gives its own date; "higher than in June 2021" is
    a year-on-year base, not the month reviewed."""
    text = ("date 2023-02-14 A worker at a rolling mill, in this June 3, 2015 photo\n"
            "Smelters shipped 8,120 t of tin in January, 12% higher than in January 2022.\n")
    month = report_month(text)
    assert month.value == "2023-01", month.evidence


def test_a_month_with_a_two_digit_year_after_an_apostrophe_states_its_year() -> None:
    text = ("Nickel matte exports climb 6% in March\n"
            "Exports of nickel matte rose 6% to 41,000 t in Mar'23 against 38,700 t in Feb'23, port data showed.")
    assert report_month(text).value == "2023-03"
    # the month compared with gives no year of its own: without the stated one the year stays unknown
    assert report_month("Exports of nickel matte rose 6% against 38,700 t in Feb'23.").value is None


def test_publication_lines_of_other_sites_date_a_bare_month() -> None:
    stamped = ("Refined lead output edges up\n\nPublish time: 19th March, 2019      Source: a data service\n"
               "Refined lead output in February came to 402,000 t, up 1.2% on the month.")
    assert report_month(stamped).value == "2019-02"
    lead = ("    Zinc concentrate output slips in August\n\n    Sep. 3, 2021 - According to a survey of mines, zinc "
            "concentrate output was 301,000 t in August, down 2% from July.")
    assert report_month(lead).value == "2021-08"
    # a date inside a sentence dates nothing: "In August, ... on Sep. 3, 2021 - the data show" is no dateline
    assert report_month("Zinc concentrate output was 301,000 t in August, down 2% from July.").value is None


def test_an_outlook_for_the_month_published_in_late_reviews_the_month_before() -> None:
    text = ("Nickel pig iron output to recover in June, survey shows\n\nPublished: Jun 27, 2023 09:10\n"
            "Output of nickel pig iron will recover in June as two lines restart, the survey expects, after a "
            "weak month before.")
    assert report_month(text).value == "2023-05"
    # with its figure, the month published late in is its own preliminary reading
    estimate = ("Published: Jun 27, 2023 09:10\nOutput of nickel pig iron is estimated at 32,400 mt in June, "
                "up 4% from May.")
    assert report_month(estimate).value == "2023-06"


def test_a_figure_against_the_same_period_of_a_year_names_the_year_after() -> None:
    text = ("Wafer makers lift first-half output\n\nWafer output over the first six months of this year reached "
            "41 GW, against 33 GW over the same period in 2020, an industry body said.")
    assert report_month(text).value == "2021-06"


def test_the_month_a_report_looks_ahead_to_is_the_month_after_the_one_reviewed() -> None:
    text = ("In December, cobalt sulphate output kept climbing, up 6% MoM. Heading into January 2026, several "
            "plants plan a holiday halt.")
    assert report_month(text).value == "2025-12"


def test_a_year_a_change_is_measured_from_votes_for_the_year_after_it() -> None:
    """An annual release names last year mostly as what each figure grew from: the year it reviews is the one its
    figures are of, however often the base is named."""
    text = ("World tungsten mine supply reached 84,000 t in 2021, up 3% from 81,600 t in 2020, the association said. "
            "Chinese mines produced 66,000 t, 2% more than 64,700 t in 2020. Other producers supplied 18,000 t, "
            "against 16,900 t in 2020, while use rose 5% from 90,100 t in 2020.")
    assert report_month(text).value == "2021-12"
    # a year named as what was produced, not compared with, still votes for itself
    assert report_month("Mine supply came to 81,600 t in 2020. Use was 90,100 t in 2020.").value == "2020-12"


def test_a_byline_date_with_a_full_stop_after_the_day_dates_the_bare_months() -> None:
    text = ("Zinc Exports Rise in May\n\nby | 3. Jun 2021 - 10:15 | Markets\n\nZinc exports rose in May to 1,200 t "
            "from 900 t in April, and were above the 1,000 t shipped in May 2020.")
    month = report_month(text)
    assert month.value == "2021-05" and "published 3. Jun 2021" in month.evidence


def test_a_date_in_figures_year_first_or_with_dots_dates_the_bare_months() -> None:
    # "2021/06/03 10:15" and "03.06.2021" can be read one way only (the day-first slashed date cannot: left)
    for stamp in ("2021/06/03 10:15", "Posted 2021.06.03", "By a staff writer, 03.06.2021"):
        text = f"Nickel sulphate output grows\n{stamp}\nNickel sulphate output rose 4% last month to 31,200 t."
        month = report_month(text)
        assert month.value == "2021-05", stamp
        assert "published" in month.evidence, stamp
    assert report_month("Nickel sulphate output grows\n03/06/2021\nOutput rose 4% last month.").value is None


def test_a_dateline_of_a_place_and_a_day_first_date_is_the_publication_not_a_month_named() -> None:
    # "Oslo, 19 July 2022 - ..." opens the paragraph as its dateline: July is when it was published, the half year
    # its figures are of is the month reviewed
    text = ("Tin market report\n\nOslo, 19 July 2022 - World refined tin usage fell 2.3% in the first six months "
            "of 2022, the study group said, while refined output edged up 0.8%.")
    month = report_month(text)
    assert month.value == "2022-06"
    assert "July" not in month.evidence.split("published")[0]


def test_a_paragraph_run_on_after_its_dateline_still_votes() -> None:
    text = ("date 2019-03-28 Oslo, Norway - The world market for refined tin showed a surplus of 4 kt over the first "
            "two months of 2019, while stocks fell by 2 kt over the same period, the study group said on Thursday.\n\n"
            "More figures are in the March 2019 issue of the group's bulletin.")
    assert report_month(text).value == "2019-02"
    assert report_month("date 2019-03-28\n\nTin output fell in February.").value == "2019-02"  # a dateline alone


def test_a_month_after_another_months_change_compared_with_is_the_base() -> None:
    text = ("date 2024-03-12\nOutput of the country's coal mines slipped 3.1% year on year in January, compared with a "
            "revised fall of 5.2% in December. This compares with a revised increase of 1.4% in December for the "
            "iron ore mines, the statistics office said. Total mining output fell 2.7% in January 2024.")
    assert report_month(text).value == "2024-01"


def test_a_month_after_a_figure_compared_with_dates_the_year_after_it() -> None:
    text = ("Steel output in the region fell in October\n\nThe region's mills made 12.1 million tonnes of crude steel "
            "during October. Spain produced 1.21 million tonnes during the month, down 2.4% when compared with the "
            "country's output of 1.24 million tonnes during October 2018.")
    assert report_month(text).value == "2019-10"


def test_a_publication_line_run_on_into_a_figure_votes() -> None:
    text = ("date 2019-09-20 Oslo - World refined nickel demand exceeded supply by 38kt in the first seven months "
            "of 2019, the study group said.\n\nStocks fell over the period.")
    assert report_month(text).value == "2019-07"


def test_a_weeks_end_date_votes_for_its_month() -> None:
    text = ("Raw steel output in the week ending on March 9, 2024 was 1.71 million net tons, the institute said, down "
            "0.8% from the week ending March 2, 2024. In the week ending March 9, 2023 it was 1.68 million net tons.")
    assert report_month(text).value == "2024-03"


def test_a_month_tied_with_the_same_month_a_year_before_is_the_later() -> None:
    # a table's rows name each month as often as the other: the earlier is the base the later is compared with
    text = ("Period | Nickel output (kt) |\nSep 2020 | 61 |\nJan-Sep 2020 | 540 |\nSep 2021 | 64 |\n"
            "Jan-Sep 2021 | 572 |\n")
    assert report_month(text).value == "2021-09"
    # a month named more often still wins
    text = ("Nickel output in September 2020 was 61 kt. Output in September 2020 was above August's. Output in "
            "September 2021 fell short of that.")
    assert report_month(text).value == "2020-09"


def test_a_dateline_without_its_year_is_after_the_months_the_text_states() -> None:
    # published in January: the November it names with its year (a table's column) was published the year after
    text = ("Zinc market surplus grows in November\n\nLONDON, Jan 12 (Reuters) - The global zinc market surplus rose "
            "to 21,000 tonnes in November from 3,000 tonnes in October, the study group said.\n\nThousands of "
            "tonnes\n\nNov 2023\n\nOct 2023\n\nMetal output\n\n1,101.5\n\n1,088.0\n")
    assert report_month(text).value == "2023-11"
    # a month stated before the dateline's in the same year keeps that year
    text = ("Tin market in deficit in January\n\nLONDON, Mar 9 (Reuters) - The global refined tin market showed a "
            "deficit of 1,200 tonnes in January 2022, the study group said.")
    assert report_month(text).value == "2022-01"



def test_a_month_named_with_a_price_only_votes_as_a_month_named_in_passing() -> None:
    # the review is of the output's month; the margin's month is told in passing, with no amount of anything
    text = ("Zinc smelters run flat out\n\nDomestic smelters poured 512,000 tonnes of refined zinc, 4% more than a "
            "year before. Lines started in late Q3 2023 lifted volumes further. Smelters earned a margin of about "
            "RMB 1,500 per tonne in September 2023, the best in a year, as costs eased to RMB 15,800 per tonne in "
            "September. Output averaged 16,600 tonnes a day in October. In the first ten months of 2023 they poured "
            "5.1 million tonnes.")
    assert report_month(text).value == "2023-10"
    # a month stated with an amount still outweighs one stated in passing
    text = ("Smelters poured 498,000 tonnes of refined zinc in September 2023. Their margin was RMB 1,200 per tonne "
            "in October 2023.")
    assert report_month(text).value == "2023-09"


def test_a_month_a_percentage_is_below_or_above_is_compared_with() -> None:
    """ "2.1% below the peak reached in June 2022": June 2022 is the base of a change, not the month reviewed; the
    year the text reviews stays the one it names."""
    text = ("BEIJING - Nickel output fell in 2023 for the first time in five years, figures showed. December output "
            "was 31,200 mt, 2.1% below the peak reached in December 2022.")
    assert report_month(text).value == "2023-12"


def test_a_month_a_percentage_is_lower_than_is_compared_with() -> None:
    """ "3.3% lower than the record reached in March 2020": March 2020 is the base of a change, as after "below the";
    a month named after "higher than the ..." too."""
    text = ("BEIJING - Refined tin output rose in 2021 for a third year, data showed on Monday. December output "
            "reached 16,100 tonnes, up 1.2% on the month. It was 3.3% lower than the record reached in March 2020.")
    assert report_month(text).value == "2021-12"
    text = text.replace("lower than the record reached in", "higher than the level seen in")
    assert report_month(text).value == "2021-12"


def test_a_date_in_figures_dates_the_page_where_its_order_can_be_told() -> None:
    """A date written in figures on a line of its own dates a page that names its month but no year: month first
    before an American time zone ("05/09/2023 | 06:10am EDT": May 9) or where the day cannot be first, day first
    where the month cannot be; "05/09/2023" alone could be either and is not read."""
    body = ("BEIJING (Reuters) - China's refined lead output rose in April, a research house said on Tuesday. Smelters "
            "made 412,000 tonnes of the metal last month, up 2.1% year on year.")
    assert report_month(f"Lead output rises\n05/09/2023 | 06:10am EDT\n{body}").value == "2023-04"
    assert report_month(f"Lead output rises\n09/05/2023\n{body}").value is None
    assert report_month(f"Lead output rises\n19/05/2023\n{body}").value == "2023-04"
    assert report_month(f"Lead output rises\n05/19/2023\n{body}").value == "2023-04"


def test_a_headline_that_a_country_is_to_see_a_year_is_a_forecast() -> None:
    """ "China to see more magnesium output in 2025", published late in 2025: the year the headline looks ahead to is
    no year reviewed; the year before, whose figures the text gives, is."""
    text = ("China to see more magnesium smelters and higher output in 2025\n\nPublished: Friday, 11 December 2025\n\n"
            "An increase in 2025 in the output of primary magnesium has been forecast by the association. Its members "
            "turned out 1.02 million tonnes in 2024, up 3.1% on the year.")
    assert report_month(text).value == "2024-12"


def test_figures_set_out_in_a_table_are_no_forecast() -> None:
    text = ("We poll the main plants each month; the newest output numbers, those for March 2021, are set out in the "
            "table that follows.")
    assert report_month(text).value == "2021-03"
    assert report_month("Output is set to rise in March 2021.").value == "2021-02"  # "set to" still looks ahead


def test_a_span_qualifying_a_noun_is_no_period() -> None:
    text = ("date 2021-06-11 https://www.example.com/\n\nBEIJING - China's tungsten exports jumped 14.6% "
            "year-on-year in May, customs figures showed on Friday, as the trade shook off a March-April lull caused by port "
            "closures and a March-April fall in orders.\n\nExports came to 1,862.5 tonnes last month.\n\n"
            "Shipments in March and April 2021 together fell 9.1% from a year before.")
    assert report_month(text).value == "2021-05"
    # a span its figure is of still votes
    spans = ("Published: 2021-06-11\n\nTungsten exports in January-April 2021 came to 6,100 tonnes, after a "
             "January-February lull.")
    assert report_month(spans).value == "2021-04"


def test_a_price_s_month_is_no_period() -> None:
    text = ("date 2023-11-08 Cobalt study group sees a 2024 surplus\n\nThe world cobalt market will see a surplus of "
            "about 21,000 tonnes this year, the group said on Wednesday.\n\nCobalt metal was trading near $33,400 a "
            "tonne on Tuesday, down from a peak of $52,100 in April.")
    month = report_month(text)
    assert month.value == "2023-10" and "April" not in month.evidence
    # a month after a mass still votes
    assert report_month(text.replace("$52,100 in April", "17,300 tonnes in April")).value == "2023-04"


def test_a_year_a_sentence_opens_with_as_its_subject_is_the_year_reviewed() -> None:
    """'2023 saw ...' names the year a yearly review is of; years compared with and a year's problems named in
    passing ('issues they had in 2022') weigh less. A year 'during' which something happened counts as one 'in'
    it."""
    text = ("2023 saw refined lead output climb back from two weak years.\n\nOne smelter closed for good, while two "
            "others made more than in 2022. World refined lead output is put at 12.4 million tonnes, up 2% on last "
            "year's 12.16 million tonnes.\n\nSecondary plants in Europe restarted during 2023, after the energy "
            "costs they faced in 2022.")
    month = report_month(text)
    assert month.value == "2023-12" and "'2023'" in month.evidence
    assert month.confidence in ("medium", "high")


def test_a_month_of_last_year_compared_with_an_expectation_dates_the_month_before_the_one_expected() -> None:
    # "this month" is expected and set against the same month a year before; the month reviewed is the one before
    text = ("Nickel pig iron output edged down in March as a smelter in Inner Mongolia stopped for repairs.\n\n"
            "Output came to 41,300 mt of nickel content last month, down 1.2% from a month earlier.\n\n"
            "Output is forecast to recover to 42,000 mt this month, 6.4% above April 2021.")
    month = report_month(text)
    assert month.value == "2022-03", month.evidence
    # an actual figure set against the same month a year before still dates that month of the year after
    assert report_month("Output came to 41,300 mt in March, 6.4% above March 2021.").value == "2022-03"
