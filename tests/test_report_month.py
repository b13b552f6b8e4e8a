from extractor.rules.report_month import find_report_month
from extractor.text.months import resolve_month


def test_title_line() -> None:
    month = find_report_month("intro\nMarch 2019 Metal Production Review and Forecast for April\nCopper\n")
    assert (month.value, month.confidence) == ("2019-03", "high")


def test_sentence_openings_win_over_other_months() -> None:
    text = "In May 2024, output rose. In May 2024, zinc fell. Output in June 2024 will rise. In May 2024, tin rose."
    assert find_report_month(text).value == "2024-05"


def test_bare_month_with_publication_date() -> None:
    month = find_report_month("Published: Feb 3, 2022 09:00\nIn January, output fell 2% MoM.")
    assert (month.value, month.confidence) == ("2022-01", "low")


def test_no_month() -> None:
    month = find_report_month("Zinc output rose.")
    assert month.value is None and month.confidence == "none"


def test_named_month_takes_the_nearest_year() -> None:
    assert resolve_month("January", "2025-11") == "2026-01"
    assert resolve_month("December", "2025-02") == "2024-12"
    assert resolve_month("March", "2025-02") == "2025-03"
    assert resolve_month("October", "2025-11") == "2025-10"
