from pathlib import Path

from extractor.formats.review_sections import split_sections
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


def test_an_older_review_heads_its_sections_with_colon_lines() -> None:
    text = ("Refined Zinc:\nZinc output was 310kt in March, up 1.2% MoM.\n"
            "Zinc Alloy:\nZinc alloy output was 52kt in March, down 3.1% MoM.\n")
    sections = split_sections(text)
    # zinc alloy is one of the contract's other products, so its heading is a known one
    assert [(s.commodity, s.known) for s in sections] == [("refined_zinc", True), ("zinc_alloy", True)]
    assert "52kt" in text[sections[1].start:sections[1].end] and "52kt" not in text[sections[0].start:sections[0].end]


def test_region_sub_headings_with_colons_are_no_sections() -> None:
    text = "Jiangxi Region:\nLithium carbonate output rose 3% in May.\nQinghai Region:\nSalt lake output fell 2%.\n"
    assert len(split_sections(text)) == 1


def test_an_abbreviation_s_full_stop_ends_no_sentence_but_a_month_s_at_a_sentence_end_does() -> None:
    from extractor.text.clauses import split_sentences

    def texts(text: str) -> list[str]:
        return [s.text for s in split_sentences(text, 0)]

    assert texts("Output was approx. 500 mt in Sept. 2020. Plant No. 2 was shut.") == [
        "Output was approx. 500 mt in Sept. 2020.", "Plant No. 2 was shut."]
    assert texts("Tin rose vs. March, Yunnan Tin Co. Ltd said. Lead fell.") == [
        "Tin rose vs. March, Yunnan Tin Co. Ltd said.", "Lead fell."]
    assert texts("Output rose 2% in Jan. Zinc fell 1% in Feb. 2021 was a low year.") == [
        "Output rose 2% in Jan.", "Zinc fell 1% in Feb. 2021 was a low year."]
    # a title's full stop ends nothing; "May." ends a sentence but in a dateline ("QINGDAO, May. 9 (SMM)")
    assert texts("Mr. Lungu said output would rise. Dr. Banda agreed. Output rose in May. 12 mines ran.") == [
        "Mr. Lungu said output would rise.", "Dr. Banda agreed.", "Output rose in May.", "12 mines ran."]
    assert texts("QINGDAO, May. 9 (SMM) – Zinc output rose.") == ["QINGDAO, May. 9 (SMM)", "Zinc output rose."]


def test_a_dateline_is_a_sentence_of_its_own_and_its_month_and_day_stay_together() -> None:
    from extractor.text.clauses import split_sentences

    text = "SHANGHAI, Apr. 12 (SMM) – Tight ore supply cut zinc output. Output is expected to rise in May."
    assert [s.text for s in split_sentences(text, 0)] == [
        "SHANGHAI, Apr. 12 (SMM)", "Tight ore supply cut zinc output.", "Output is expected to rise in May."]
    # a dash after a parenthesis in a sentence's middle, before lower case, ends nothing
    assert len(split_sentences("Output reached 81,735kg (2.63Moz) – a record. It rose.", 0)) == 2
