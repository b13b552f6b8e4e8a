import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.text.numbers import find_numbers


@pytest.mark.parametrize(
    "text, value, unit, qualifier",
    [
        ("increased by 11,500 mt MoM", 11500, "mt", None),
        ("battery output came to 14.7GWh", 14.7, "GWh", None),  # as stated (the contract keeps GWh)
        ("installed 52.3 gigawatt-hours of cells", 52.3, "GWh", None),
        ("gold output of 11,204 kilograms", 11.204, "mt", None),  # every mass in tonnes (the contract)
        ("silver output of 2,350,000 grams", 2.35, "mt", None),
        ("molybdenum at 61.2 million pounds", 61200000, "lb", None),
        ("fell by over 20kt", 20000, "mt", "over"),
        ("up by 1.2894 million mt", 1289400, "mt", None),
        ("rose to 82.29%", 82.29, "%", None),
        ("up 0.64 percentage points", 0.64, "pp", None),
        ("output of 10,000 mt", 10000, "mt", None),
        ("a 28-percentage-point drop", 28, "pp", None),
        ("rose 2. 7% in June", 2.7, "%", None),
        ("by nearly 11%", 11, "%", "approx"),
        ("index at -$42.63/mt", -42.63, "usd/mt", None),
        ("held at 8,495 yuan/mt", 8495, "yuan/mt", None),
        ("capacity of 500,000 mt/year", 500000, "mt/year", None),
        ("at RMB 92,000 per tonne", 92000, "yuan/mt", None),
        ("46.3per cent", 46.3, "%", None),
        ("321,300 yuan per metric ton unit", 321300, "yuan/mtu", None),
        ("a 3.4-percent slide in March", 3.4, "%", None),
        ("a gain of three percent on the month", 3, "%", None),
        ("quoted at Yuan 2,750/mt", 2750, "yuan/mt", None),
        ("offered at Yuan 1,040/mtu", 1040, "yuan/mtu", None),
        ("a 2.3pc rise in shipments", 2.3, "%", None),
        ("a plant rated at 310ktpa", 310000, "mt/year", None),
        ("arrivals of 3.1 mnt in May", 3100000, "mt", None),
    ],
)
def test_single_numbers(text: str, value: float, unit: str, qualifier: str | None) -> None:
    found = [n for n in find_numbers(text) if n.is_quantity]
    assert len(found) == 1
    assert found[0].value == pytest.approx(value)
    assert found[0].unit == unit
    assert found[0].qualifier == qualifier
    assert text[found[0].start:found[0].end] == found[0].text


@pytest.mark.parametrize(
    "text, low, high, unit",
    [
        ("between 360,000-370,000 mt", 360000, 370000, "mt"),
        ("the 14,000–14,100 yuan/mt range", 14000, 14100, "yuan/mt"),
        ("ranged from -100 to 500 yuan/mt", -100, 500, "yuan/mt"),
        ("fell by 10%-20% MoM", 10, 20, "%"),
        ("ranged from -$70/dmt to -$50/dmt", -70, -50, "usd/dmt"),
        ("offers sat at RMB5,100~5,300/t", 5100, 5300, "yuan/mt"),
        ("premiums stayed within the -50 yuan to 150 yuan/mt band", -50, 150, "yuan/mt"),
        ("traders keep 12,000 to 20,000 tonnes in stock", 12000, 20000, "mt"),
        # each end with its own scale: the first keeps it (it was scaled twice, 3 million becoming 3e12)
        ("mines will add between 3 million and 8 million metric tons", 3e6, 8e6, "mt"),
        ("stocks ranged from 1.5 million to 2 million tonnes", 1.5e6, 2e6, "mt"),
        # the first end without a scale takes the second's
        ("a gain of 4 to 6 million tons", 4e6, 6e6, "mt"),
    ],
)
def test_ranges(text: str, low: float, high: float, unit: str) -> None:
    found = [n for n in find_numbers(text) if n.is_quantity]
    assert len(found) == 1 and found[0].is_range
    assert found[0].value == (pytest.approx(low), pytest.approx(high))
    assert found[0].unit == unit


def test_change_from_to_is_not_a_range() -> None:
    found = find_numbers("output will rise from 1 million mt/year to 2 million mt/year")
    assert [n.value for n in found] == [1_000_000, 2_000_000]
    # a change and the level it reached, and a short year before "to", are no range either
    assert [n.value for n in find_numbers("stocks grew by 3,000 to 41,000 tonnes")] == [3_000, 41_000]
    assert [n.value for n in find_numbers("up from 9.1 million tonnes in H1 '22 to 9.6 million tonnes")] == [
        9_100_000, 22, 9_600_000]


def test_names_dates_and_years_are_not_quantities() -> None:
    found = [(n.text, n.kind) for n in find_numbers("On November 6, Co3O4 and 6-series pb60 210R #1 output in 2025")]
    assert found == [("6", "date"), ("6", "label"), ("2025", "year")]
    assert not [n for n in find_numbers("Co3O4 Mn3O4 pb60 210R") if n.is_quantity]


# How reports write a mass: the unit as written, the separator before it, and its factor to tonnes.
_MASS = st.sampled_from([("mt", " ", 1), ("mt", "", 1), ("kt", "", 1000), ("kt", " ", 1000), ("million mt", " ", 1_000_000)])
_QUALIFIERS = {"": None, "about ": "approx", "nearly ": "approx", "over ": "over", "less than ": "under"}


@given(
    whole=st.integers(min_value=0, max_value=9_999_999),
    decimals=st.integers(min_value=0, max_value=3),
    commas=st.booleans(),
    unit=_MASS,
    qualifier=st.sampled_from(sorted(_QUALIFIERS)),
)
def test_masses_parse_back(whole: int, decimals: int, commas: bool, unit: tuple[str, str, int], qualifier: str) -> None:
    value = whole / (10 ** decimals)
    written = f"{value:,.{decimals}f}" if commas else f"{value:.{decimals}f}"
    name, separator, factor = unit
    found = [n for n in find_numbers(f"output fell by {qualifier}{written}{separator}{name} MoM") if n.is_quantity]
    assert len(found) == 1
    assert found[0].unit == "mt"
    assert found[0].value == pytest.approx(float(written.replace(",", "")) * factor)
    assert found[0].qualifier == _QUALIFIERS[qualifier]


@given(
    value=st.decimals(min_value=0, max_value=999, places=2, allow_nan=False, allow_infinity=False),
    unit=st.sampled_from([("%", "%"), (" per cent", "%"), (" percent", "%"), (" percentage points", "pp"), (" pp", "pp")]),
)
def test_rates_parse_back(value, unit: tuple[str, str]) -> None:
    text = f"the rate rose {value}{unit[0]} MoM"
    found = [n for n in find_numbers(text) if n.is_quantity]
    assert len(found) == 1
    assert found[0].unit == unit[1]
    assert found[0].value == pytest.approx(float(value))


@pytest.mark.parametrize(
    "text, read",
    [
        # India's lakh and crore, and kilotonnes, scale a mass; a plain figure with no scale word stays as written
        ("dispatches reached 4.35 lakh tonnes", [(435000.0, "mt")]),
        ("a 1.05 crore tonne year", [(10500000.0, "mt")]),
        ("smelters made 612.4 kilotonnes", [(612400.0, "mt")]),
        ("some 38 kilo-tons more", [(38000.0, "mt")]),
        ("4.35 tonnes", [(4.35, "mt")]),
        # a price in yuan, euros or rupees written by its code is a price
        ("quoted at CNY84,300/ton", [(84300.0, "yuan/mt")]),
        ("sold at EUR 1,975/t", [(1975.0, "eur/mt")]),
        ("Rs. 48,200 per tonne", [(48200.0, "inr/mt")]),
        # "Mrs": letters before the code make it no currency, and the number stays as it was read
        ("Mrs 7 tons", [(7.0, "mt")]),
    ],
)
def test_scale_words_and_currency_codes(text: str, read: list[tuple[float, str]]) -> None:
    assert [(n.value, n.unit) for n in find_numbers(text)] == read


def test_a_word_ending_like_a_currency_code_is_none() -> None:
    assert [(n.value, n.kind) for n in find_numbers("five yrs 2019")] == [(2019.0, "year")]


def test_an_energy_written_against_its_number_reads_as_the_number() -> None:
    """ "36.5GWh" is the number 36.5 in GWh as "36.5 GWh" is (no mass); "812MWh" the bare number 812; a name with
    digits is still none."""
    assert [(n.value, n.unit) for n in find_numbers("installations of 36.5GWh and 812MWh")] == [(36.5, "GWh"),
                                                                                                (812, None)]
    assert [(n.value, n.unit) for n in find_numbers("installations of 36.5 GWh")] == [(36.5, "GWh")]
    assert not find_numbers("LiNi0Mn2 cells and 18650B types")


def test_india_s_lt_is_lakh_tonnes_and_only_in_capitals() -> None:
    assert [(n.value, n.unit) for n in find_numbers("dispatches climbed to 2.65 LT in June")] == [(265000.0, "mt")]
    assert [n.unit for n in find_numbers("a 12 lt jar")] == [None]


def test_a_figure_glued_to_a_short_word_by_a_lost_space_is_read() -> None:
    """ "a rise of41%" lost its space in a page's markup: read as "of 41%"; a name with digits is still none."""
    assert [(n.value, n.unit) for n in find_numbers("a rise of41% and a share for7.5% of it")] == [(41.0, "%"),
                                                                                                   (7.5, "%")]
    assert not find_numbers("grades Pb99 and Zn4 only")
