"""One chunk read by the LLM and verified by the text (`strategies.read.read_chunk`, `reconcile.verify`): the
answers are hand-written (failure shapes and phrasings the verifier must take as the text means them, not a model's
answers), each read against a text of our own. The read flow of whole documents is tests/test_read_strategy.py."""

from __future__ import annotations

from typing import Any

from extractor.formats import RulesFormat
from extractor.llm import LLMResult
from extractor.reconcile import verify
from extractor.record import Status
from extractor.rules.sections import Section
from extractor.strategies import read
from extractor.text import blocks

def test_a_quote_is_verified_in_its_own_clause_and_at_the_place_the_text_states_it() -> None:
    """The verifier on a hand-written answer (a failure shape, not a model's): a short quote that stands twice, a
    number inside a longer one, a clause after "but", a previous month named in the quote."""
    text = ("Zinc Ingot\nZinc ingot output rose 0.4% MoM in October. Smelters expect output to increase.\n"
            "Tin Ingot\nTin ingot output climbed 2.8% YoY but slipped 4% MoM in October. Its operating rate is "
            "expected to increase. Tin output stood at 14,200 mt, up from September's 13,900 mt.\n")
    chunk = Section(0, "unknown", "china", None, 0, len(text))

    def figure(**fields: Any) -> dict[str, Any]:
        return {"commodity": "refined_tin", "region": "china", "segment": None, "content": None,
                "period": "2025-10", "basis": "actual", **fields}

    answer = LLMResult({"facts": [
        figure(metric="production", measure="mom_pct", value=-4.0, quote="4% MoM"),
        figure(metric="operating_rate", measure="mom_direction", value="up", basis="forecast",
               period="2025-11", quote="expected to increase"),
        figure(metric="production", measure="mom_direction", value="up", quote="up from September's 13,900 mt"),
    ], "drivers": []}, 0, 0)
    read_facts = read.read_chunk(text, RulesFormat(), chunk, answer, "2025-10", "llm").facts
    by_measure = {f.label.measure + f.label.metric: f for f in read_facts}
    mom = by_measure["mom_pctproduction"]
    assert mom.status == Status.ACCEPTED and mom.value == -4.0
    assert mom.number.start == text.index("slipped 4%") + len("slipped ")  # not the end of "0.4%"
    rate = by_measure["mom_directionoperating_rate"]
    assert rate.status == Status.ACCEPTED and rate.quote_span.start > text.index("Tin Ingot")  # the second place
    assert by_measure["mom_directionproduction"].status == Status.ACCEPTED  # "up from September's": MoM
    assert verify.check_measure("mom_pct", "slipped 4% MoM", "Tin output climbed 2.8% YoY but slipped 4%", "%") is None
    assert verify.check_measure("mom_pct", "slipped 4%", "Tin output climbed 2.8% YoY but slipped 4%", "%") is None
    assert verify.check_measure("mom_pct", "climbed 2.8%", "Tin output climbed 2.8% YoY but slipped 4%", "%") \
        is not None
    assert verify.region_named("Output in Turkiye rose.", "turkey")
    assert not verify.region_named("Output in Turkiye rose.", "brazil")

def test_a_table_cell_read_as_written_counts_in_its_tables_unit_line() -> None:
    """The verifier on a hand-written answer (a failure shape, not a model's): a reader that gives a cell's number as
    written ("812") in a table whose unit line says thousands of tonnes. The stored mass is scaled by the line and
    grounded to it; a percentage cell and a mass the reader scaled itself are kept as they were."""
    text = ("Monthly output survey\nProduct\nOct.\nYoY\nRefined Lead\n812\n4.10%\nRefined Tin\n15.2\n-3.00%\n"
            "Unit: 1,000 tonnes\n")
    chunk = Section(0, "unknown", "china", None, 0, len(text))

    def figure(commodity: str, **fields: Any) -> dict[str, Any]:
        return {"commodity": commodity, "region": "china", "segment": None, "content": None, "period": "2025-10",
                "basis": "actual", "metric": "production", **fields}

    answer = LLMResult({"facts": [
        figure("refined_lead", measure="level", value=812, quote="812"),
        figure("refined_lead", measure="yoy_pct", value=4.1, quote="4.10%"),
        figure("refined_tin", measure="level", value=15200, quote="15.2"),
    ], "drivers": []}, 0, 0)
    read_facts = read.read_chunk(text, RulesFormat(), chunk, answer, "2025-10", "llm").facts
    facts = {(f.label.commodity, f.label.measure): f for f in read_facts}
    lead = facts[("refined_lead", "level")]
    assert lead.value == 812_000 and lead.status == Status.ACCEPTED
    assert lead.scale is not None and lead.scale.of(text) == "Unit: 1,000 tonnes"
    assert facts[("refined_lead", "yoy_pct")].value == 4.1
    assert facts[("refined_tin", "level")].value == 15_200

def test_signs_comparisons_and_periods_the_text_gives_in_other_words() -> None:
    """The verifier on a hand-written answer (a failure shape, not a model's), in phrasings met on fresh pages: a
    balance's sign from "shortfall"/"surplus", a change's direction named after its numbers, a year-ago month named
    by date, "barely change", "the year-earlier month", and the same month of years the sentence names."""
    text = ("Cobalt Market\nThe refined cobalt market ran a shortfall of 3,400 t in March, after a surplus of 1,200 t "
            "in February, after -900 t of deficit in January. Higher Zambian and Chilean feed gave 12% and 4% increases in the two countries' output "
            "respectively. Cathode output slipped 2.1 percent compared with March 2024. Output is set to barely "
            "change from March in April. March output was 61,500 t against 58,000 t of the year-earlier month. "
            "Those in 2023 and 2022 were 51,000 t and 47,500 t respectively.\n")
    chunk = Section(0, "unknown", "china", None, 0, len(text))

    def figure(metric: str, measure: str, value: Any, quote: str, **fields: Any) -> dict[str, Any]:
        return {"commodity": "refined_cobalt", "region": "china", "segment": None, "content": None,
                "period": "2025-03", "basis": "actual", "metric": metric, "measure": measure, "value": value,
                "quote": quote, **fields}

    answer = LLMResult({"facts": [
        figure("balance", "level", 3400, "ran a shortfall of 3,400 t"),  # the reader left the sign off
        figure("balance", "level", 1200, "a surplus of 1,200 t", period="2025-02"),
        figure("balance", "level", -900, "-900 t of deficit", period="2025-01"),
        figure("production", "yoy_pct", 4.0, "4% increases", region="chile"),
        figure("production", "yoy_pct", -2.1, "slipped 2.1 percent compared with March 2024"),
        figure("production", "mom_direction", "flat", "set to barely change from March in April", period="2025-04",
               basis="forecast"),
        figure("production", "level", 58000, "58,000 t of the year-earlier month", period="2024-03"),
        figure("production", "level", 51000, "51,000 t", period="2023-03"),
    ], "drivers": []}, 0, 0)
    facts = read.read_chunk(text, RulesFormat(), chunk, answer, "2025-03", "llm").facts
    by_quote = {f.quote: f for f in facts}
    assert [f.reason for f in facts if f.status != Status.ACCEPTED] == []
    assert by_quote["ran a shortfall of 3,400 t"].value == -3400
    assert by_quote["a surplus of 1,200 t"].value == 1200
    assert by_quote["-900 t of deficit"].value == -900  # a deficit written with its minus sign
    assert by_quote["4% increases"].value == 4.0
    assert by_quote["slipped 2.1 percent compared with March 2024"].value == -2.1
    assert {f.label.period for f in facts if f.label.metric == "production" and f.label.measure == "level"} == \
        {"2024-03", "2023-03"}
    # What the text does not support is still caught: a year it does not name, a country it does not name.
    assert verify.check_period("2019-03", "Those in 2023 and 2022 were 51,000 t.", "2025-03") is not None
    assert verify.region_named(text, "chile") and not verify.region_named(text, "peru")
    # A change set against a year named alone is year on year; a span of years is no comparison.
    assert verify.check_measure("mom_pct", "up 1.5 percent on 2024", "Output was up 1.5 percent on 2024.", "%") \
        is not None
    assert verify.check_measure("mom_pct", "up 9% from 2020 to 2024", "Output was up 9% from 2020 to 2024.", "%") \
        is None

def test_a_tables_rows_stay_in_the_chunk_of_its_header() -> None:
    """A table whose row labels the format takes as headings is one chunk with its column header (a reader given
    a row alone cannot say which month each cell is); a heading over prose still cuts."""
    text = ("Cobalt study group, monthly balance\nThe market ran a small surplus in May.\n\n"
            "May 2025\nApril 2025\nJan-May 2025\nMine output\n21.4\n20.9\n103.2\nRefined output\n18.8\n18.1\n91.0\n"
            "Balance\n0.6\n-0.4\n2.2\n")
    labels = ("Mine output", "Refined output", "Balance")
    starts = [text.index(label) for label in labels]
    rows = [Section(i, "refined_cobalt", "global", label, start, end - 1, False)
            for i, (label, start, end) in enumerate(zip(labels, starts, [*starts[1:], len(text)]))]
    parts = read.chunks(text, rows)
    assert len(parts) == 1 and "Jan-May 2025" in text[parts[0].start:parts[0].end]
    assert all(read._table_row(text, row) for row in rows)
    prose = Section(0, "refined_cobalt", "global", "Cobalt study group, monthly balance", 0, starts[0] - 1, False)
    assert not read._table_row(text, prose)

def test_a_mass_the_reader_converted_to_tonnes_is_stored_as_the_text_states_it() -> None:
    """The verifier on a hand-written answer (a failure shape, not a model's): a reader that converted ounces and
    kilograms to tonnes. Ounces are grounded to the text's number and kept in the text's unit, as the contract keeps
    silver's; kilograms are a mass, in tonnes as every mass; a tonnage the text does not state is still rejected."""
    text = "Silver Mines\nMine output of silver came to 26.4 million oz in 2024, and gold to 9,850 kg.\n"
    chunk = Section(0, "unknown", "global", None, 0, len(text))

    def figure(commodity: str, value: float, quote: str) -> dict[str, Any]:
        return {"commodity": commodity, "region": "global", "segment": None, "content": None, "period": "2024-12",
                "basis": "actual", "metric": "cumulative_production", "measure": "level", "value": value,
                "quote": quote}

    answer = LLMResult({"facts": [figure("mined_silver", 821.13, "26.4 million oz"),
                                  figure("mined_gold", 9.85, "9,850 kg"), figure("mined_gold", 12.0, "9,850 kg")],
                        "drivers": []}, 0, 0)
    facts = read.read_chunk(text, RulesFormat(), chunk, answer, "2024-12", "llm").facts
    assert [(f.value, f.unit, f.status) for f in facts] == [
        (26_400_000, "oz", Status.ACCEPTED), (9.85, "mt", Status.ACCEPTED),
        (12.0, None, Status.REJECTED)]

def test_last_month_named_a_flat_outlook_and_a_qualifier_are_read_as_the_text_means() -> None:
    """The verifier on a hand-written answer (a failure shape, not a model's): "last November" in a November report
    is a year earlier; "basically the same" is flat; "declines exceeding 8%" is a decline, "exceeding" being the
    number's qualifier, not its direction."""
    text = ("Alumina\nRefineries made 268,000 t this month against 251,000 t in last November. Both outputs saw "
            "declines exceeding 8% from peaks. Next month's rate will be basically the same.\n")
    chunk = Section(0, "unknown", "global", None, 0, len(text))

    def figure(measure: str, value: Any, quote: str, period: str = "2024-11", **fields: Any) -> dict[str, Any]:
        return {"commodity": "alumina", "region": "global", "segment": None, "content": None, "period": period,
                "basis": "actual", "metric": "production", "measure": measure, "value": value, "quote": quote,
                **fields}

    answer = LLMResult({"facts": [
        figure("level", 251000, "251,000 t in last November", period="2023-11"),
        figure("yoy_pct", -8, "declines exceeding 8%"),
        figure("mom_direction", "flat", "will be basically the same", period="2024-12", basis="forecast",
               metric="operating_rate"),
    ], "drivers": []}, 0, 0)
    facts = read.read_chunk(text, RulesFormat(), chunk, answer, "2024-11", "llm").facts
    assert [(f.value, f.status) for f in facts] == [(251000, Status.ACCEPTED), (-8, Status.ACCEPTED),
                                                    ("flat", Status.ACCEPTED)], [f.reason for f in facts]

# A list of our own under headings: the metric is named only by the section's heading.
HEADED_LIST = """Battery raw materials trade, March 2025

March shipments abroad

Manganese sulphate

3,120 tonnes, up by 4.10% month on month, down by 12.05% year on year

Nickel sulphate

880 tonnes, down by 9.30% month on month, up by 21.70% year on year
"""

def test_a_figure_under_a_heading_is_verified_by_the_heading_s_metric_word() -> None:
    """The list's figures name no metric; the heading over the list does ("shipments abroad": exports). Headings
    above a paragraph are read up to the first line of prose, past the figure lines of the list."""
    second = HEADED_LIST.index("880 tonnes")
    assert "March shipments abroad" in blocks.headings_above(HEADED_LIST, second)
    assert "Nickel sulphate" in blocks.headings_above(HEADED_LIST, second)
    assert verify.check_metric("exports", "880 tonnes", "Nickel sulphate\n880 tonnes, down by 9.30%", "mt", "level",
                               blocks.headings_above(HEADED_LIST, second)) is None
    # a metric no heading names is still refuted
    assert verify.check_metric("inventory", "880 tonnes", "Nickel sulphate\n880 tonnes, down by 9.30%", "mt",
                               "level", blocks.headings_above(HEADED_LIST, second)) is not None
    prose = "Output rose in March as two lines restarted.\n880 tonnes were made."
    assert blocks.headings_above(prose, prose.index("880")) == ""

def test_release_phrasings_of_other_publishers_are_verified_as_they_mean() -> None:
    """The verifier on a hand-written answer (a failure shape, not a model's), in phrasings met on fresh pages: a
    table headed "(t)" under a paragraph stating millions keeps its cells in tonnes; a four-digit cell of a table in
    thousands is a mass, not a year; a separator named as a "diaphragm"; "a similar level" is flat; a change
    against "May last year" is YoY; "the first month of 2024" dates the report."""
    text = ("Alloy Wire\nTitanium sponge output reached 1.26 million tonnes in May, 3.5% below May last year, while "
            "smaller plants kept output at a similar level.\nProduct |\nMay 2024 (t) |\nSponge grade A |\n"
            "512,400 |\n\nBattery diaphragm output came to 1.9 billion square meters in the first month of 2024.\n")
    table = ("Titanium sponge balance\nAll figures in thousands of tonnes.\nMay-24\nJan-May 2024\nSponge output\n"
             "260.3\n2011\n")
    chunk = Section(0, "unknown", "china", None, 0, len(text))

    def figure(**fields: Any) -> dict[str, Any]:
        return {"commodity": "titanium_sponge", "region": "china", "segment": None, "content": None,
                "period": "2024-05", "basis": "actual", "metric": "production", **fields}

    answer = LLMResult({"facts": [
        figure(measure="level", value=512_400, quote="512,400", segment="sponge grade a"),
        figure(measure="yoy_pct", value=-3.5, quote="3.5% below May last year"),
        figure(measure="yoy_direction", value="flat", quote="kept output at a similar level", segment="small plants"),
        figure(commodity="separator", measure="level", value=1.9e9, quote="1.9 billion square meters",
               period="2024-01"),
    ], "drivers": []}, 0, 0)
    facts = {f.quote: f for f in read.read_chunk(text, RulesFormat(), chunk, answer, "2024-05", "llm").facts}
    assert facts["512,400"].value == 512_400 and facts["512,400"].scale is None
    cell = LLMResult({"facts": [figure(measure="level", value=2_011_000, quote="2011", metric="cumulative_production")],
                      "drivers": []}, 0, 0)
    year_like = read.read_chunk(table, RulesFormat(), Section(0, "unknown", "china", None, 0, len(table)), cell,
                                "2024-05", "llm").facts[0]
    assert year_like.value == 2_011_000 and year_like.status == Status.ACCEPTED and year_like.scale is not None
    for quote in ("3.5% below May last year", "kept output at a similar level", "1.9 billion square meters"):
        assert facts[quote].status == Status.ACCEPTED, (quote, facts[quote].reason)
    # what is still refuted: the same change called MoM
    assert verify.check_measure("mom_pct", "3.5% below May last year", text, "%", "2024-05") is not None
    assert verify.check_report_month("2024-01", "Output came to 1.9 billion square meters in the first month of "
                                     "2024.") is None
    assert verify.check_report_month("2024-02", "Output came to 1.9 billion square meters in the first month of "
                                     "2024.") is not None
