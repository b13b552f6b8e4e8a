"""Printed lines joined back into the text's lines: lines made by hand, in points, as a page would print them."""

from __future__ import annotations

from extractor.text.reflow import PrintedLine, reflow

EDGE, EM, PITCH = 320.0, 10.0, 13.0  # a column ending at 320 pt, 10 pt type on 13 pt lines


def page(*lines: tuple[str, float] | str, top: float = 700.0, number: int = 0, gap: float = 6.0) -> list[PrintedLine]:
    """Lines down one page, each full to the column's edge unless given its right end; "" leaves a paragraph's
    space; a line in ** is a bold heading; a line in | | is a table row."""
    out, y = [], top
    for item in lines:
        if item == "":
            y -= gap
            continue
        text, right = item if isinstance(item, tuple) else (item, EDGE)
        bold = text.startswith("**")
        text = text.strip("*")
        first = len(text.split(" ", 1)[0]) * 0.55 * EM
        out.append(PrintedLine(text, number, 40.0, right, y, y - EM, 11.0 if bold else EM, bold, first,
                               text.startswith("|")))
        y -= PITCH
    return out


def test_a_wrapped_paragraph_is_one_line_and_a_heading_its_own() -> None:
    lines = page("**Refined Zinc**", "China's refined zinc output in June 2024 was",
                 "512,300 mt, up 2.4% MoM, as two smelters came", ("back from maintenance.", 150.0))
    assert reflow(lines) == ("Refined Zinc\nChina's refined zinc output in June 2024 was 512,300 mt, up 2.4% MoM, "
                             "as two smelters came back from maintenance.\n")


def test_a_heading_in_the_bodys_type_after_a_full_last_line_stays_a_heading() -> None:
    lines = page("Output rose 3% in June as smelters finished", ("their maintenance on time, the survey said.", 300.0),
                 ("Refined Lead", 110.0), "Lead output fell 1% in June as two smelters", ("cut runs.", 90.0))
    assert reflow(lines).splitlines() == [
        "Output rose 3% in June as smelters finished their maintenance on time, the survey said.", "Refined Lead",
        "Lead output fell 1% in June as two smelters cut runs."]


def test_a_line_the_next_word_would_have_fitted_on_ends_its_paragraph() -> None:
    lines = page("China's refined zinc output in June 2024 was", ("512,300 mt.", 110.0), ("Lead fell.", 90.0))
    assert reflow(lines) == "China's refined zinc output in June 2024 was 512,300 mt.\nLead fell.\n"


def test_a_paragraphs_space_ends_a_full_line_paragraph() -> None:
    lines = page("Output rose 3% in June as smelters finished", "their maintenance on time.", "",
                 "Zinc output is expected to fall in July, says the", ("survey.", 90.0))
    assert reflow(lines).splitlines() == [
        "Output rose 3% in June as smelters finished their maintenance on time.",
        "Zinc output is expected to fall in July, says the survey."]


def test_an_indented_line_starts_a_paragraph() -> None:
    first, second = page("Output rose 3% in June as smelters finished", "Lead output fell.")
    indented = PrintedLine(second.text, 0, 60.0, second.right, second.top, second.bottom, EM, False, 20.0)
    assert reflow([first, indented]) == "Output rose 3% in June as smelters finished\nLead output fell.\n"


def test_a_word_hyphenated_at_a_lines_end_is_whole_again() -> None:
    lines = page("Smelters raised their produc-", "tion in June; production rose", ("by 2.1% MoM.", 120.0))
    assert reflow(lines) == "Smelters raised their production in June; production rose by 2.1% MoM.\n"


def test_a_word_the_text_never_spells_whole_is_joined_too() -> None:
    lines = page("Smelters cut runs on the consump-", ("tion slowdown.", 120.0))
    assert reflow(lines) == "Smelters cut runs on the consumption slowdown.\n"


def test_a_word_hyphenated_as_the_printer_does_elsewhere() -> None:
    """A browser breaks lines only at a compound's own hyphen: where the text writes such pieces with their hyphen
    elsewhere, a compound it writes nowhere else keeps its hyphen too; where the printer hyphenates words, it goes."""
    compounds = page("Smelters with by-products and state-owned", "mines raised their output of by-",
                     "products; the state-", "owned mines and other molybdenum-", ("containing feeds held.", 150.0))
    assert reflow(compounds).splitlines()[0].endswith("state-owned mines and other molybdenum-containing feeds held.")
    words = page("Output and production rose in June as produc-", "tion of concentrates and out-",
                 "put of refined metal rose; smelters ended main-", ("tenance early.", 150.0))
    assert reflow(words).splitlines()[0].endswith("and output of refined metal rose; smelters ended maintenance early.")


def test_a_compound_keeps_its_hyphen() -> None:
    lines = page("Output rose 4% year-on-year in June, and state-owned", "smelters rose 3% year-on-",
                 "year; private ones held, and the state-", ("owned share grew.", 150.0))
    assert reflow(lines) == ("Output rose 4% year-on-year in June, and state-owned smelters rose 3% year-on-year; "
                             "private ones held, and the state-owned share grew.\n")


def test_hyphens_before_numbers_and_capitals_stay_without_a_space() -> None:
    lines = page("Prices ranged 5,100-", "5,300 yuan/mt in January-", ("March.", 100.0))
    assert reflow(lines) == "Prices ranged 5,100-5,300 yuan/mt in January-March.\n"


def test_a_soft_hyphen_is_dropped() -> None:
    lines = page("Smelters raised their produc\u00ad", ("tion.", 80.0))
    assert reflow(lines) == "Smelters raised their production.\n"


def test_table_rows_stay_rows() -> None:
    lines = page("The table below gives the survey's output for", "June 2024:",
                 ("| Jun. | YoY |", 200.0), ("| Refined Zinc | 512 | 2.4% |", 200.0), ("Unit: 1,000 tonne", 120.0))
    assert reflow(lines).splitlines() == [
        "The table below gives the survey's output for June 2024:", "| Jun. | YoY |", "| Refined Zinc | 512 | 2.4% |",
        "Unit: 1,000 tonne"]


def test_a_paragraph_runs_on_over_a_page_break_unless_a_sentence_ends_short_of_the_edge_there() -> None:
    on = page("Output rose 3% in June as smelters finished") + page(("their maintenance.", 150.0), number=1)
    assert reflow(on) == "Output rose 3% in June as smelters finished their maintenance.\n"
    justified = page("Output rose 3% in June as smelters finished.") + page(("Lead fell.", 90.0), number=1)
    assert reflow(justified) == "Output rose 3% in June as smelters finished. Lead fell.\n"
    ended = page("Output rose 3% in June as smelters finished", ("their maintenance work.", 305.0))
    ended += page(("Lead fell.", 90.0), number=1)
    assert reflow(ended).splitlines() == ["Output rose 3% in June as smelters finished their maintenance work.",
                                          "Lead fell."]
