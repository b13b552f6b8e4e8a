from pathlib import Path

from extractor.rules.sections import split_sections
from extractor.text.documents import read_document


def test_review_sections(fixtures: Path) -> None:
    doc = read_document(fixtures / "review_2024_06.txt", 100_000)
    sections = split_sections(doc.text)
    assert [s.commodity for s in sections] == [
        "copper_cathode", "aluminum", "npi", "refined_zinc", "refined_tin", "lithium_carbonate",
        "manganese_sulphate", "cobalt_metal",
    ]
    tin = sections[4]
    assert "Yunnan Region:" in doc.text[tin.start:tin.end]
    assert not sections[-1].known
    assert "Survey Methodology" not in doc.text[sections[-1].start:sections[-1].end]


def test_single_commodity_article_drops_related_news(fixtures: Path) -> None:
    doc = read_document(fixtures / "article_2023_03.md", 100_000)
    (section,) = split_sections(doc.text)
    assert section.commodity == "antimony_ingot"
    assert "410,000" not in doc.text[section.start:section.end]


def test_text_without_commodity_has_no_sections() -> None:
    assert split_sections("The weather was fine and nothing was produced.\n") == []
