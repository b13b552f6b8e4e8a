"""The driver finder's quotes; the driver phrasings (category, push on output, period and basis, in sentences of
our own) are cases in tests/cases/phrasings.toml, run by test_cases.py."""

from __future__ import annotations

from extractor.rules.drivers import find_drivers
from extractor.rules.sections import article_sections


def test_a_driver_quote_is_whole_words_of_its_clause() -> None:
    text = ("Nickel sulphate production across the refiners our survey covers in four provinces edged lower in "
            "October, as planned maintenance at two big plants in Jiangsu left lines idle for much of the month.")
    section = article_sections(text)[0]
    (driver,) = [d for d in find_drivers(text, section, "2024-10") if d.category == "maintenance"]
    start, end = driver.quote_span.start, driver.quote_span.end
    assert text[start:end] == driver.quote and "maintenance" in driver.quote
    assert (start == 0 or text[start - 1].isspace()) and (end == len(text) or not text[end].isalnum())
