from pathlib import Path

import pytest

from extractor.rules.labeller import label_section
from extractor.rules.report_month import find_report_month
from extractor.rules.sections import split_sections
from extractor.text.documents import read_document


def _facts(path: Path) -> list[dict]:
    doc = read_document(path, 100_000)
    month = find_report_month(doc.text).value
    out = []
    for section in split_sections(doc.text):
        for fact in label_section(doc.text, section, month):
            out.append({**fact.contract_fields(), "status": fact.status, "span": fact.quote_span.of(doc.text)})
    return out


def _find(facts: list[dict], **want) -> list[dict]:
    return [f for f in facts if all(f.get(k) == v for k, v in want.items())]


@pytest.fixture(scope="module")
def review() -> list[dict]:
    return _facts(Path(__file__).parent / "fixtures" / "review_2024_06.txt")


@pytest.mark.parametrize(
    "want, value",
    [
        (dict(commodity="copper_cathode", metric="production", period="2024-06", measure="mom_abs"), 21300),
        (dict(commodity="copper_cathode", metric="production", period="2024-06", measure="yoy_pct"), 7.15),
        (dict(commodity="copper_cathode", metric="cumulative_production", measure="yoy_abs"), 612400),
        (dict(commodity="copper_cathode", metric="cumulative_production", measure="yoy_pct"), 10.02),
        (dict(commodity="copper_cathode", metric="maintenance_impact", basis="expected"), 27300),
        (dict(commodity="copper_cathode", metric="operating_rate", segment="medium smelters", measure="mom_pp"), -0.31),
        (dict(commodity="copper_cathode", metric="operating_rate", segment="large smelters", measure="level"), 83.10),
        (dict(commodity="copper_cathode", period="2024-07", basis="forecast", measure="mom_abs"), -9800),
        (dict(commodity="aluminum", measure="mom_pct"), -1.94),
        (dict(commodity="aluminum", metric="capacity"), 45020000),
        (dict(commodity="npi", content="metal", period="2024-06"), -5.02),
        (dict(commodity="npi", content=None, period="2024-07"), 1.44),
        (dict(commodity="refined_zinc", segment="zinc alloy"), 3000),
        (dict(commodity="lithium_carbonate", segment="lepidolite-derived"), -7),
    ],
)
def test_review_facts(review: list[dict], want: dict, value: float) -> None:
    found = _find(review, status="accepted", **want)
    assert found, f"no accepted fact for {want}"
    assert any(f["value"] == pytest.approx(value) for f in found), [f["value"] for f in found]


def test_qualifier_and_direction(review: list[dict]) -> None:
    (zinc,) = _find(review, commodity="refined_zinc", measure="mom_abs", segment=None)
    assert zinc["value"] == -15000 and zinc["qualifier"] == "over"
    assert _find(review, commodity="manganese_sulphate", measure="mom_direction", value="down", period="2024-06")
    assert _find(review, commodity="manganese_sulphate", measure="mom_direction", value="up", basis="forecast")


def test_versus_expectation_is_not_accepted(review: list[dict]) -> None:
    assert not _find(review, value=4200, status="accepted")


def test_unknown_heading_is_flagged(review: list[dict]) -> None:
    (cobalt,) = _find(review, commodity="cobalt_metal")
    assert cobalt["status"] == "needs_review" and cobalt["value"] == 6.5


def test_quotes_are_the_text_at_their_offsets(review: list[dict]) -> None:
    assert all(f["quote"] == f["span"] for f in review)


def test_headline_style_2017() -> None:
    facts = _facts(Path(__file__).parent / "fixtures" / "headline_2017_10.txt")
    assert _find(facts, metric="production", measure="level", value=512300, period="2017-10")
    assert _find(facts, metric="production", measure="mom_pct", value=-1.7)
    assert _find(facts, metric="production", measure="yoy_pct", value=-3.9)
    assert _find(facts, metric="cumulative_production", measure="level", value=5120000)
    assert _find(facts, period="2017-11", basis="forecast", value=525000)


def _label(text: str) -> list[dict]:
    """Label our own one-section report text (a title line gives the report month)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.txt"
        path.write_text("August 2024 Metal Production Review and Forecast for September\nLFP\n" + text)
        return _facts(path)


def test_a_rate_level_with_its_move_gives_a_direction() -> None:
    facts = _label("In August 2024, the LFP operating rate rose to 61.5%. Output grew 4% MoM.")
    assert _find(facts, metric="operating_rate", measure="level", value=61.5)
    assert _find(facts, metric="operating_rate", measure="mom_direction", value="up")


def test_a_mass_level_with_its_move_gives_no_direction() -> None:
    facts = _label("In August 2024, LFP output grew 4% MoM. Output in September is expected to rise to 52,000 mt.")
    assert _find(facts, metric="production", period="2024-09", measure="level", value=52000)
    assert not _find(facts, period="2024-09", measure="mom_direction")


def test_outlook_without_a_marker_is_a_forecast_direction() -> None:
    facts = _label("In August 2024, LFP output grew 4% MoM. Looking ahead to September, LFP production is "
                   "expected to continue its declining trend.")
    assert _find(facts, period="2024-09", basis="forecast", measure="mom_direction", value="down")


def test_a_number_beats_a_direction_for_the_same_series() -> None:
    facts = _label("In August 2024, LFP output grew 4% MoM, and production increased slightly MoM in the month.")
    assert _find(facts, period="2024-08", measure="mom_pct", value=4.0)
    assert not _find(facts, period="2024-08", measure="mom_direction")


def test_history_directions_are_not_facts() -> None:
    facts = _label("In August 2024, LFP output grew 4% MoM. Production rebounded in June before it dipped in July.")
    assert not _find(facts, period="2024-06") and not _find(facts, period="2024-07")


def test_content_follows_the_clause_it_is_in() -> None:
    facts = _label("In August 2024, LFP output in physical terms fell by 2.5% MoM and the metal content fell by 3.5% MoM.")
    assert _find(facts, measure="mom_pct", value=-2.5, content=None)
    assert _find(facts, measure="mom_pct", value=-3.5, content="metal")


def test_an_aside_in_parentheses_is_not_the_period() -> None:
    facts = _label("As of the end of August 2024, LFP capacity was about 4.1 million mt (SMM revised the figure in "
                   "late May) and output grew 4% MoM.")
    assert _find(facts, metric="production", measure="mom_pct", period="2024-08")


def test_a_product_named_metal_is_not_a_metal_content(tmp_path: Path) -> None:
    """"cobalt metal output" is the product's output; "in Ni metal" states a content."""
    report = tmp_path / "cobalt.txt"
    report.write_text("May 2024 Metal Production Review and Forecast for June\nCobalt Metal\nIn May 2024, China's "
                      "cobalt metal output rose 4.1% MoM.\nNickel Pig Iron (NPI)\nIn May 2024, China's NPI output "
                      "came to 40.2 kt in Ni metal.\n")
    facts = _facts(report)
    assert [f["content"] for f in _find(facts, measure="mom_pct")] == [None]
    assert [f["content"] for f in _find(facts, measure="level")] == ["metal"]
