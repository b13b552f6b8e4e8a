from pathlib import Path

import pytest

from extractor.rules.labeller import label_section
from extractor.rules.report_month import find_report_month
from extractor.rules.sections import split_sections
from extractor.text.documents import read_document

from .labels import has


def _facts(path: Path) -> list[dict]:
    doc = read_document(path, 100_000)
    month = find_report_month(doc.text).value
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


def _label(text: str) -> list[dict]:
    """Label our own one-section report text (a title line gives the report month)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.txt"
        path.write_text("August 2024 Metal Production Review and Forecast for September\nLFP\n" + text)
        return _facts(path)


def test_a_rate_level_with_its_move_gives_a_direction() -> None:
    facts = _label("In August 2024, the LFP operating rate rose to 61.5%. Output grew 4% MoM.")
    assert has(facts, 61.5, commodity="lfp", metric="operating_rate", period="2024-08", measure="level")
    assert has(facts, "up", commodity="lfp", metric="operating_rate", period="2024-08", measure="mom_direction")


def test_a_mass_level_with_its_move_gives_no_direction() -> None:
    facts = _label("In August 2024, LFP output grew 4% MoM. Output in September is expected to rise to 52,000 mt.")
    assert has(facts, 52000, commodity="lfp", period="2024-09", basis="forecast", measure="level")
    assert not _find(facts, period="2024-09", measure="mom_direction")


def test_outlook_without_a_marker_is_a_forecast_direction() -> None:
    facts = _label("In August 2024, LFP output grew 4% MoM. Looking ahead to September, LFP production is "
                   "expected to continue its declining trend.")
    assert has(facts, "down", commodity="lfp", period="2024-09", basis="forecast", measure="mom_direction")


def test_a_number_beats_a_direction_for_the_same_series() -> None:
    facts = _label("In August 2024, LFP output grew 4% MoM, and production increased slightly MoM in the month.")
    assert has(facts, 4.0, commodity="lfp", period="2024-08", measure="mom_pct")
    assert not _find(facts, period="2024-08", measure="mom_direction")


def test_history_directions_are_not_facts() -> None:
    facts = _label("In August 2024, LFP output grew 4% MoM. Production rebounded in June before it dipped in July.")
    assert has(facts, 4.0, commodity="lfp", period="2024-08", measure="mom_pct")
    assert not _find(facts, period="2024-06") and not _find(facts, period="2024-07")


def test_content_follows_the_clause_it_is_in() -> None:
    facts = _label("In August 2024, LFP output in physical terms fell by 2.5% MoM and the metal content fell by 3.5% MoM.")
    assert has(facts, -2.5, commodity="lfp", period="2024-08", measure="mom_pct")
    assert has(facts, -3.5, commodity="lfp", content="metal", period="2024-08", measure="mom_pct")


def test_an_aside_in_parentheses_is_not_the_period() -> None:
    facts = _label("As of the end of August 2024, LFP capacity was about 4.1 million mt (SMM revised the figure in "
                   "late May) and output grew 4% MoM.")
    assert has(facts, 4.0, commodity="lfp", period="2024-08", measure="mom_pct")
    assert has(facts, 4100000, commodity="lfp", metric="capacity", period="2024-08", measure="level")


def test_a_product_named_metal_is_not_a_metal_content(tmp_path: Path) -> None:
    """"cobalt metal output" is the product's output; "in Ni metal" states a content."""
    report = tmp_path / "cobalt.txt"
    report.write_text("May 2024 Metal Production Review and Forecast for June\nCobalt Metal\nIn May 2024, China's "
                      "cobalt metal output rose 4.1% MoM.\nNickel Pig Iron (NPI)\nIn May 2024, China's NPI output "
                      "came to 40.2 kt in Ni metal.\n")
    facts = _facts(report)
    assert [f["content"] for f in _find(facts, measure="mom_pct")] == [None]
    assert [f["content"] for f in _find(facts, measure="level")] == ["metal"]
