from extractor.formats.datelines import is_header, publication_date


def test_a_publication_line_dates_the_report() -> None:
    head = "Tin ingot output steadies\nPublished: Mar 14, 2022\nSmelters held their runs in February."
    published = publication_date(head, head)
    assert published is not None
    assert (published.year, published.month, published.day) == (2022, 3, 14)


def test_day_first_and_iso_dates_on_publication_lines() -> None:
    dmy = publication_date("Updated: 7 October 2020\nBody text.", "")
    iso = publication_date("date 2019-06-03\nBody text.", "")
    assert dmy is not None and (dmy.year, dmy.month, dmy.day) == (2020, 10, 7)
    assert iso is not None and (iso.year, iso.month, iso.day) == (2019, 6, 3)


def test_a_date_inside_prose_is_no_publication_date() -> None:
    text = "Output fell after a furnace stopped on Apr 2, 2021 for relining, and the plant restarted later."
    assert publication_date(text, text) is None


def test_a_dateline_without_a_year_takes_the_year_after_a_year_reviewed_whole() -> None:
    head = "QINGDAO, Jan 4 (SMM) - Cobalt output in 2021 rose on new lines."
    published = publication_date(head, head)
    assert published is not None
    assert (published.year, published.month, published.day) == (2022, 1, 4)


def test_publication_lines_carry_no_period() -> None:
    assert is_header("Source: SMM")
    assert is_header("Sep 9, 2023 10:20")
    assert not is_header("Nickel output in August rose 3% from July, as two lines returned from upkeep.")


def test_an_smm_news_line_is_a_dateline_its_year_from_the_text() -> None:
    # "SMM News on March 6:" states no year: the months the text states with theirs give it
    text = ("SMM News on March 6:\nIn January 2024, domestic cobalt sulphate output fell 6% MoM. In February, output "
            "fell a further 9% MoM to 5,100 mt (metal content) as plants stopped for the holiday.")
    published = publication_date(text, text)
    assert published is not None and (published.year, published.month, published.day) == (2024, 3, 6)
    # with its year, the year as written
    published = publication_date("SMM News on March 6, 2023:\nOutput fell in February.", "")
    assert published is not None and (published.year, published.month) == (2023, 3)


def test_a_datelines_city_names_the_country_of_its_story() -> None:
    from extractor.text.countries import dateline_country

    assert dateline_country("Tin output slips\nLima, Apr 3 (Reuters) - Mine output fell.") == "peru"
    assert dateline_country("Nickel targets missed\n\nJakarta, Example News – The ministry said ...") == "indonesia"
    # the agency among other words in the parentheses
    dated = "date 2022-05-03\n\nMOSCOW (Example Daily / Sputnik - 3rd May, 2022) A miner said"
    assert dateline_country(dated) == "russia"
    assert dateline_country("MOSCOW (a note in passing) the text goes on") is None  # no agency named
    # a market's city is no country's story, nor is a city named in a sentence
    assert dateline_country("LONDON, May 2 (Reuters) - The global zinc market ...") is None
    assert dateline_country("Output rose, traders in Jakarta said on Monday.") is None


def test_a_place_and_date_with_a_full_stop_is_a_dateline() -> None:
    # "CITY, Month D, YYYY." opening a paragraph, and a wire's "CITY, Month D. /AGENCY/." (its year from the text)
    text = "BERGEN, October 12, 2021. Refined nickel output fell 3% in September."
    published = publication_date(text, text)
    assert published is not None and (published.year, published.month, published.day) == (2021, 10, 12)
    text = "KAZAN, June 3. /TASS/. Output of alloy steel in May 2022 rose by 1.5%, the office said."
    published = publication_date(text, text)
    assert published is not None and (published.year, published.month, published.day) == (2022, 6, 3)
    # a date that ends a sentence in prose dates nothing
    text = "Smelters said output fell after a halt that began on October 12, 2021. Runs resumed later in the month."
    assert publication_date(text, text) is None
