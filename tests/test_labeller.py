from pathlib import Path

import pytest

from extractor.formats.datelines import report_month
from extractor.formats.review_sections import split_sections
from extractor.rules.labeller import label_section
from extractor.rules.sections import article_sections
from extractor.text.documents import read_document

from .labels import has

# The labeller's phrasings in texts of our own (directions, content, asides) are cases in tests/cases/phrasings.toml;
# this file reads our fixture reports whole.


def _facts(path: Path) -> list[dict]:
    doc = read_document(path, 100_000)
    month = report_month(doc.text).value
    out = []
    for section in split_sections(doc.text):
        for fact in label_section(doc.text, section, month):
            out.append({**fact.contract_fields(), "status": fact.status, "span": fact.quote_span.of(doc.text)})
    return out


def _find(facts: list[dict], **want) -> list[dict]:
    """The facts that agree with the fields named (to say what is not there, or to take the one that is)."""
    return [f for f in facts if all(f.get(k) == v for k, v in want.items())]


@pytest.fixture(scope="module")
def review() -> list[dict]:
    return _facts(Path(__file__).parent / "fixtures" / "review_2024_06.txt")


@pytest.mark.parametrize(
    "value, label",
    [
        (21300, dict(commodity="copper_cathode", period="2024-06", measure="mom_abs")),
        (7.15, dict(commodity="copper_cathode", period="2024-06", measure="yoy_pct")),
        (612400, dict(commodity="copper_cathode", metric="cumulative_production", period="2024-06", measure="yoy_abs")),
        (10.02, dict(commodity="copper_cathode", metric="cumulative_production", period="2024-06", measure="yoy_pct")),
        (27300, dict(commodity="copper_cathode", metric="maintenance_impact", period="2024-06", basis="expected",
                     measure="level")),
        (-0.31, dict(commodity="copper_cathode", metric="operating_rate", segment="medium smelters", period="2024-06",
                     measure="mom_pp")),
        (83.10, dict(commodity="copper_cathode", metric="operating_rate", segment="large smelters", period="2024-06",
                     measure="level")),
        (-9800, dict(commodity="copper_cathode", period="2024-07", basis="forecast", measure="mom_abs")),
        (-1.94, dict(commodity="aluminum", period="2024-06", measure="mom_pct")),
        (45020000, dict(commodity="aluminum", metric="capacity", period="2024-06", measure="level", unit="mt/year")),
        (-5.02, dict(commodity="npi", content="metal", period="2024-06", measure="mom_pct")),
        (1.44, dict(commodity="npi", period="2024-07", basis="forecast", measure="mom_pct")),
        (3000, dict(commodity="refined_zinc", segment="zinc alloy", period="2024-06", measure="mom_abs")),
        (-7, dict(commodity="lithium_carbonate", segment="lepidolite-derived", period="2024-06", measure="mom_pct")),
    ],
)
def test_review_facts(review: list[dict], value: float, label: dict) -> None:
    assert has(review, value, **label), [f for f in review if f["commodity"] == label["commodity"]]


def test_qualifier_and_direction(review: list[dict]) -> None:
    assert has(review, -15000, commodity="refined_zinc", period="2024-06", measure="mom_abs", qualifier="over")
    assert len(_find(review, commodity="refined_zinc", measure="mom_abs", segment=None)) == 1
    assert has(review, "down", commodity="manganese_sulphate", period="2024-06", measure="mom_direction")
    assert has(review, "up", commodity="manganese_sulphate", period="2024-07", basis="forecast",
               measure="mom_direction")


def test_versus_expectation_is_not_accepted(review: list[dict]) -> None:
    """'31,500 mt, 4,200 mt higher than the expected 27,300 mt': the impact and the expectation, not the gap."""
    assert has(review, 31500, commodity="copper_cathode", metric="maintenance_impact", period="2024-06",
               measure="level")
    assert has(review, 27300, commodity="copper_cathode", metric="maintenance_impact", period="2024-06",
               basis="expected", measure="level")
    assert not _find(review, value=4200, status="accepted")


def test_unknown_heading_is_flagged(review: list[dict]) -> None:
    (cobalt,) = _find(review, commodity="cobalt_metal")
    assert cobalt["status"] == "needs_review" and cobalt["value"] == 6.5


def test_quotes_are_the_text_at_their_offsets(review: list[dict]) -> None:
    assert len(review) > 30
    assert [f["quote"] for f in review] == [f["span"] for f in review]


def test_headline_style_2017() -> None:
    facts = _facts(Path(__file__).parent / "fixtures" / "headline_2017_10.txt")
    zinc = dict(commodity="refined_zinc", period="2017-10")
    assert has(facts, 497600, **zinc, measure="level")
    assert has(facts, -2.3, **zinc, measure="mom_pct")
    assert has(facts, -4.6, **zinc, measure="yoy_pct")
    assert has(facts, 5030000, **zinc, metric="cumulative_production", measure="level")
    assert has(facts, 1.2, **zinc, metric="cumulative_production", measure="yoy_pct")
    assert has(facts, 508000, commodity="refined_zinc", period="2017-11", basis="forecast", measure="level")


def test_a_battery_figure_in_gwh_is_read_in_its_unit_and_installations_are_held() -> None:
    # GWh figures are kept as stated: a battery's output is output, the GWh installed are held for review; the mass
    # beside them is still read
    text = ("China's power battery output rose to 14.7 GWh in March, while packs totalling 9.8 GWh were installed "
            "in new buses. Lithium carbonate output was 41,200 mt in March.")
    facts = [f for section in article_sections(text) for f in label_section(text, section, "2024-03")]
    in_gwh = [f for f in facts if f.unit == "GWh"]
    assert [(f.value, f.label.metric, f.reason) for f in in_gwh] == [
        (14.7, "production", None), (9.8, "other", "a figure of installations, not of the commodity's production")]
    assert any(f.value == 41200 and f.unit == "mt" and f.label.metric == "production" for f in facts)
