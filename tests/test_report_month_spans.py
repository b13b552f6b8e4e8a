"""The report month of texts that review a span: spans since January, quarters, halves and April-to-March fiscal
years, and the same span a year earlier as a base (`find_report_month` through `report_month`, in texts of our own).
The months, datelines and publication lines of other reports: `tests/test_report_month.py`."""

from __future__ import annotations

from extractor.formats.datelines import report_month


def test_the_first_n_months_name_the_report_month() -> None:
    text = "Output in the first seven months of 2019 totalled 2.2 million mt, up 3% on year."
    assert report_month(text).value == "2019-07"


def test_a_fiscal_year_range_names_its_last_month() -> None:
    text = ("date 2024-02-06 The ministry put the country's pig iron output at 7.31 million mt in January 2024. "
            "Over the April-January span of the fiscal year, output was 71.9 million mt. For April-January, "
            "shipments rose 4%. April-January consumption grew too, and the April-January total beat the plan.")
    assert report_month(text).value == "2024-01"


def test_a_span_of_a_fiscal_year_written_with_its_two_years() -> None:
    """ "April-February period of FY 2022-23": an April-to-March fiscal year's span ends in February 2023; a span
    not from April, or years that do not follow each other, name no fiscal year."""
    assert report_month("Zinc output grew 4 per cent in the April-February period of FY 2022-23.").value == "2023-02"
    assert report_month("Steel output grew 2 per cent in April-September of 2021-22.").value == "2021-09"
    assert report_month("Steel output grew 2 per cent in June-September of 2021-22.").value is None
    assert report_month("Steel output grew 2 per cent in April-September of 2021-25.").value is None


def test_the_same_span_of_a_year_named_with_its_length_is_the_base() -> None:
    text = ("Global nickel output reached 0.71 million tonnes over the opening three months of this year, 4.5% "
            "above its level in the corresponding three-month period of 2022, the study group said in March.")
    assert report_month(text).value == "2023-03"


def test_a_span_compared_with_is_the_base_of_the_span_reviewed() -> None:
    text = ("Against January-April 2019, world refined tin output rose 3% in the first four months of this year, "
            "the study group said. Mine output in the same months fell 1.5%.")
    assert report_month(text).value == "2020-04"


def test_a_span_read_over_is_no_base() -> None:
    text = ("Nickel output in October fell 2% from September. Over the first ten months of 2021, output was down "
            "4% from the same months of 2020.")
    assert report_month(text).value == "2021-10"


def test_a_change_against_a_span_of_a_named_year_reviews_the_year_after() -> None:
    """"up 4% from the January-May 2023 tonnage": the span of 2023 is the base, so 2024 is reviewed, and the
    verifier accepts an LLM's 2024-05."""
    from extractor.reconcile import verify

    text = "Ore shipments rose 4% from the January-May 2023 tonnage, the mines bureau said, on higher output in May."
    assert verify.check_report_month("2024-05", text) is None


def test_a_half_compared_with_the_same_half_of_the_year_before_is_of_the_year_after() -> None:
    text = ("Country X first-half tin output climbs 5%\n\n"
            "JAKARTA, Oct 4 (Reuters) - Refined tin output in Country X rose 5% between January and June, "
            "the energy ministry said, up 5% from the January-June 2021 volume.\n\n"
            "Country X was 2021's third-biggest producer of the metal.")
    # the span compared with is a base: its year is the year before; the dateline's year is the year after it
    assert report_month(text).value == "2022-06"


def test_a_span_a_figure_grew_from_is_the_base_of_the_span_reviewed() -> None:
    text = ("World nickel output rose 4% to 2 150 000 t in the first nine months of this year, from 2 067 000 t in "
            "January-September 2022, the study group said. Use rose from 2 010 000 t in January-September 2022.")
    assert report_month("Published: 20 Dec 2023\n" + text).value == "2023-09"


def test_a_span_since_january_with_its_year_after_in_names_that_year() -> None:
    text = ("Stocks fell from the December 2022 level. Output of the metal rose 3% from January to May in 2023, and "
            "use rose in May.")
    assert report_month(text).value == "2023-05"


def test_a_span_after_a_comparison_with_the_same_period_is_the_base() -> None:
    text = ("Mine output grew 2.5% in the first ten months of 2020 in comparison with the corresponding ten-month "
            "period from January to October in 2019. Refined output rose in October.")
    assert report_month(text).value == "2020-10"


def test_the_first_month_of_a_year_is_its_january() -> None:
    text = ("Steel mills in the country made 7.4 million tonnes during the first month of 2016, the national steel "
            "federation reported on Friday.")
    assert report_month(text).value == "2016-01"


def test_a_half_year_a_change_is_measured_from_is_the_base_of_the_half_year_reviewed() -> None:
    text = ("Refined tin usage came to 61,000 tonnes in the first half of 2022, the association said. Exports rose "
            "to 9,000 tonnes, a 2,000-tonne increase from the first half of 2021.")
    assert report_month(text).value == "2022-06"
    # the half year of a month is no span since January, and votes for no June
    assert report_month("Smelters cut output in the first half of March 2023, mills said.").value == "2023-03"


def test_a_quarter_with_figures_votes_for_its_last_month_and_one_looked_ahead_to_for_the_one_before() -> None:
    text = ("Miner lifts quarterly copper output\n\nThe miner said it produced 212,000 tonnes of copper in the second "
            "quarter, up 6% from the same period in 2021. It expects output to rise further in the third quarter as "
            "a new concentrator ramps up.")
    assert report_month(text).value == "2022-06"
    # a quarter a term is for, not its figures' ("charges for the third quarter"), casts no vote
    text = "Output hit a record in May, as smelters ran ahead of a cut in charges for the third quarter of 2021."
    assert report_month(text).value is None


def test_a_span_stated_beside_the_same_span_a_year_later_is_its_base() -> None:
    # the bare "April" is dated by the later of a table's two columns, the earlier being the base it is compared with
    text = ("Nickel market in deficit in April\n\nThe market showed a deficit of 9,000 tonnes in April, against a "
            "surplus in March, the study group said.\n\nThousand tonnes | Jan-Apr 2021 | Jan-Apr 2020\n"
            "Refined output | 812.4 | 790.6\n")
    assert report_month(text).value == "2021-04"


def test_the_first_three_quarters_is_a_span_to_september() -> None:
    """ "the first three quarters of 2023" ends in September, as "the first nine months" does; "the first two
    quarters" in June."""
    text = ("Cathode shipments rise\n\nData from a research firm show that China's cathode shipments reached 1.6 "
            "million tons in the first three quarters of 2023, up 31% year on year. Anode shipments are expected "
            "to keep growing in the fourth quarter.")
    assert report_month(text).value == "2023-09"
    assert report_month(text.replace("first three quarters", "first two quarters")).value == "2023-06"


def test_a_quarter_compared_with_the_same_period_of_a_year_is_the_year_after() -> None:
    """ "in Q3 rose 4% to 61.5 mlbs when compared to the same period of 2017": the quarter is of 2018 (the level's
    decimals between the change and its base do not hide the base)."""
    text = ("Figures from a metals association show that world output of the metal in Q3 rose 4% to 61.5 mlbs when "
            "compared to the same period of 2017, and 2% from the previous quarter.")
    assert report_month(text).value == "2018-09"


def test_a_whole_fiscal_year_is_reviewed_in_its_march() -> None:
    """A release of an April-to-March fiscal year ("in the fiscal year 2023-24") reviews its March, though published
    months later; a fiscal year looked ahead to ("will reach 90 million mt by the fiscal year 2029-30") casts no
    vote."""
    text = ("date 2024-10-02 India's output of crude steel rose to 144.2 million mt in the fiscal year 2023-24, "
            "from 109.3 million mt in the fiscal year 2018-19, a rating agency said on Wednesday, October 2. Output "
            "will reach 190 million mt by the fiscal year 2029-30.")
    assert report_month(text).value == "2024-03"


def test_the_first_half_of_a_fiscal_year_is_reviewed_in_september() -> None:
    """ "the first six months (April-September) of the current fiscal year 2022-23" ends in September 2022: not June
    (a span since January) and not March 2023 (the whole fiscal year)."""
    text = ("date 2022-10-12 India's crude steel output during the first six months (April-September) of the "
            "current fiscal year 2022-23 came to 60.1 million mt, up eight percent year on year, official data show. "
            "Finished steel exports in the first half of the current fiscal year fell 54 percent.")
    assert report_month(text).value == "2022-09"
    assert report_month(text.removeprefix("date 2022-10-12 ")).value == "2022-09"
