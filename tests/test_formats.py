"""The report-format seam: the shipped formats are chosen by how well they recognise a text, and a new template
is added as a module of its own, registered by name, without touching any other format's files."""

from __future__ import annotations

import shutil
from dataclasses import replace
import sys
from pathlib import Path
from typing import Iterator

import pytest
import sqlite_utils
from typer.testing import CliRunner

from extractor.cli import app
from extractor.formats import (ReportFormat, RulesFormat, choose_format, format_names, format_of, get_format,
                               register_lazy, registry)
from extractor.formats.bundles import split_bundle
from extractor.llm import LLMResult
from extractor.pipeline import read_structure
from extractor.record import Status
from extractor.run_options import RunOptions
from extractor.strategies import read
from extractor.text.documents import read_document


def test_at_least_two_formats_ship_and_each_is_a_report_format() -> None:
    assert {"smm_review", "smm_article"} <= set(format_names())
    for name in format_names():
        assert isinstance(get_format(name), ReportFormat)


def test_a_review_and_an_article_get_their_formats(fixtures: Path) -> None:
    review = read_document(fixtures / "review_2024_06.txt", 1_000_000).text
    article = read_document(fixtures / "article_2023_03.md", 1_000_000).text
    assert choose_format(review).name == "smm_review"
    assert choose_format(article).name == "smm_article"
    assert choose_format("no figures and no commodity at all here") is None


def test_the_format_chosen_when_a_file_is_read_is_the_one_extraction_takes(fixtures: Path) -> None:
    """Reading a file for the reports it holds chooses each one's format; extraction (in the batch's process or a
    worker) takes that choice instead of choosing again, and chooses where nobody has."""
    review = read_document(fixtures / "review_2024_06.txt", 1_000_000)
    assert review.report_format is None
    [read_whole] = split_bundle(review)
    assert read_whole.report_format == "smm_review" and read_whole.text == review.text
    assert format_of(read_whole).name == format_of(review).name == "smm_review"
    told = replace(review, report_format="smm_article")  # a choice made is taken, not made again
    assert format_of(told).name == "smm_article"
    assert read_structure(told, RunOptions()).format.name == "smm_article"
    assert format_of(replace(review, report_format="gone")).name == "smm_review"  # no longer registered: chosen


@pytest.fixture
def ledger_registered(fixtures: Path):
    sys.path.insert(0, str(fixtures / "formats"))
    register_lazy("ledger", "ledger_format:Ledger")
    yield
    registry.unregister("ledger")
    sys.path.remove(str(fixtures / "formats"))
    sys.modules.pop("ledger_format", None)


def test_a_third_format_of_our_own_is_chosen_stored_and_shown(ledger_registered: None, fixtures: Path,
                                                             tmp_path: Path) -> None:
    shutil.copy(fixtures / "formats" / "ledger_2022_04.txt", tmp_path / "ledger_2022_04.txt")
    shutil.copy(fixtures / "review_2024_06.txt", tmp_path / "review_2024_06.txt")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--db", str(db), "--provider", "rules"])
    assert result.exit_code == 0, result.output
    assert "ledger" in result.output and "smm_review" in result.output
    store = sqlite_utils.Database(db)
    formats = {r["name"]: r["report_format"] for r in store["documents"].rows}
    assert formats == {"ledger_2022_04.txt": "ledger", "review_2024_06.txt": "smm_review"}
    rows = list(store.query(
        "SELECT f.* FROM facts f JOIN documents d ON d.id = f.document_id WHERE d.name = 'ledger_2022_04.txt'"))
    facts = {(r["metric"], r["measure"]): (r["value"], r["status"]) for r in rows}
    assert facts == {("production", "level"): ("455000.0", "accepted"), ("production", "mom_pct"): ("2.5", "accepted"),
                     ("operating_rate", "level"): ("81.2", "accepted")}
    assert {(r["commodity"], r["period"]) for r in rows} == {("refined_zinc", "2022-04")}


def test_a_study_groups_release_is_read_as_the_worlds_figures(tmp_path: Path) -> None:
    """A world release (a study group's, an association's) has a format of its own: its figures are the world's
    where the shared rules would take China's, and a country it names keeps its own."""
    doc = tmp_path / "lead_release_2025_04.txt"
    doc.write_text("Lead market in deficit, says ILZSG\n"
                   "Global refined lead output rose 1.8% year on year in April 2025, reaching 1.09 million tonnes, the "
                   "International Lead and Zinc Study Group said.\nIndia produced 0.21 million tonnes in April.\n")
    assert choose_format(doc.read_text()).name == "world_release"
    result = CliRunner().invoke(app, ["run", str(doc), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    facts = {(row["region"], row["measure"], row["value_num"])
             for row in sqlite_utils.Database(tmp_path / "x.db").query("SELECT * FROM facts WHERE status = 'accepted'")}
    assert {("global", "yoy_pct", 1.8), ("global", "level", 1_090_000)} <= facts
    assert ("india", "level", 210_000) in facts


def test_a_minor_metal_association_s_release_is_a_world_release_and_a_change_from_a_named_month_is_not_bare(
        tmp_path: Path) -> None:
    """An association of a minor metal publishes world figures as the study groups do; in a release that states
    year on year, a change set off from a figure of a month it names is against that month, not bare."""
    text = ("ITA: world refined tin output up 6% year on year in March 2024\n"
            "World refined tin output reached 31,400 tonnes in March 2024, up 6% year on year, the International Tin "
            "Association said. It was 3% lower than the record set in February.\n")
    doc = tmp_path / "tin_2024_03.txt"
    doc.write_text(text)
    assert choose_format(text).name == "world_release"
    result = CliRunner().invoke(app, ["run", str(doc), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    facts = {(row["region"], row["measure"], row["value_num"])
             for row in sqlite_utils.Database(tmp_path / "x.db").query("SELECT * FROM facts WHERE status = 'accepted'")}
    assert {("global", "level", 31_400), ("global", "yoy_pct", 6.0), ("global", "mom_pct", -3.0)} <= facts
    assert not any(measure == "yoy_pct" and value == -3.0 for _, measure, value in facts)


@pytest.mark.parametrize("text, part", [
    ("World primary aluminium output reached 5.91 million tonnes in March 2023, the IAI said, up 2.3% year on "
     "year.\n", None),
    ("Alacero, the regional steel body, said crude steel output in Latin America was 5.2 million mt in March 2023, "
     "up 2.3% year on year.\n", "latin america"),
])
def test_a_release_named_by_its_publishers_abbreviation_or_a_continents_association_is_the_worlds(
        tmp_path: Path, text: str, part: str | None) -> None:
    """The aluminium institute by its abbreviation and a continent's association publish figures of the world or a
    part of it: a world release's, not China's (the shared rules' default)."""
    assert choose_format(text).name == "world_release"
    (tmp_path / "r.txt").write_text(text)
    result = CliRunner().invoke(app, ["run", str(tmp_path / "r.txt"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    facts = {(row["region"], row["segment"], row["measure"], row["value_num"])
             for row in sqlite_utils.Database(tmp_path / "x.db").query("SELECT * FROM facts WHERE status = 'accepted'")}
    assert ("global", part, "yoy_pct", 2.3) in facts
    assert not any(region == "china" for region, *_ in facts)


def test_a_wire_story_of_official_statistics_states_its_changes_year_on_year(tmp_path: Path) -> None:
    """A statistics wire (the office named in its opening) has a format of its own: a change that names no
    comparison is year on year, as official releases state; the same story without the office is an article whose
    bare change is month on month (the contract's default)."""
    story = ("China's alumina output hit 7.3 million tonnes in October 2025, data from the National Bureau of "
             "Statistics showed, up 4.4% from a year earlier. Aluminium output rose 2.1% to 3.78 million tonnes.\n")
    assert choose_format(story).name == "statistics_wire"
    (tmp_path / "wire.txt").write_text(story)
    (tmp_path / "article.txt").write_text(story.replace("data from the National Bureau of Statistics showed, ", ""))
    measures = {}
    for name in ("wire", "article"):
        result = CliRunner().invoke(app, ["run", str(tmp_path / f"{name}.txt"), "--db", str(tmp_path / f"{name}.db")])
        assert result.exit_code == 0, result.output
        measures[name] = {(row["commodity"], row["measure"]) for row in sqlite_utils.Database(
            tmp_path / f"{name}.db").query("SELECT * FROM facts WHERE value_num = 2.1")}
    assert measures == {"wire": {("aluminum", "yoy_pct")}, "article": {("aluminum", "mom_pct")}}


@pytest.mark.parametrize("office", ["the country's statistics institute", "the Mines and Energy Ministry",
                                    "Rosstat", "the Mines and Geosciences Bureau", "Turkstat"])
def test_an_official_body_named_late_in_the_opening_or_by_its_field_first_makes_a_statistics_wire(office: str) -> None:
    """A wire names the office after a sentence or two of figures, or a ministry by its field first ("the Mines and
    Energy Ministry"), or an office by its own name: still a statistics wire; the same story naming none is not."""
    story = ("Tin, zinc and copper led the country's mine output higher in March, with most metals posting gains "
             "and only lead slipping. Zinc output rose 6.2% to 81,300 tonnes and copper output climbed 3.9% to "
             "212,000 tonnes, while refined tin production gained 1.1% to 1,950 tonnes. Lead output slipped 0.8% "
             "to 24,100 tonnes as one mine in the south paused its mill for a week of upkeep. Silver output rose "
             f"2.4%, according to figures released on Friday by {office}.\n")
    assert len(story.split(office)[0]) > 400
    assert choose_format(story).name == "statistics_wire"
    assert choose_format(story.replace(f"according to figures released on Friday by {office}", "traders said")
                         ).name != "statistics_wire"


def test_the_reviews_heading_and_colon_sectioning_are_the_smm_review_formats() -> None:
    """The SMM review's sectioning (a heading per commodity, or in older reviews a "Refined Copper:" line) is its
    format's: the shared rules read the same text as one article."""
    text = ("Metal Output Review for March 2021\n\n"
            "Refined Copper:\nSmelters in the east kept their lines running for the whole month, and refined copper "
            "output came to 812,000 mt in March, up 2.4% from February as two plants came back from upkeep.\n\n"
            "Zinc Ingot:\nZinc ingot output slipped to 498,000 mt in March, down 1.3% from February, as one smelter "
            "in the north-west paused a roaster for repairs.\n")
    review = get_format("smm_review")
    assert choose_format(text) is review
    assert [(s.heading, s.commodity) for s in review.sections(text)] == [("Refined Copper", "copper_cathode"),
                                                                         ("Zinc Ingot", "refined_zinc")]
    assert [s.heading for s in RulesFormat().sections(text)] == [None]


TALLY = ("TALLY SHEET 2023-05\nCounts in kilotonnes.\n== Refined Zinc ==\nRefined zinc output came to 455 over the "
         "month, up 2.5% on the sheet before.\n== Refined Lead ==\nRefined lead output came to 212 over the month, "
         "down 1.1% on the sheet before.\nThe layout of this sheet was revised in January 2020.\n")


@pytest.fixture
def tally_registered(fixtures: Path) -> Iterator[None]:
    sys.path.insert(0, str(fixtures / "formats"))
    register_lazy("tally", "tally_format:Tally")
    yield
    registry.unregister("tally")
    sys.path.remove(str(fixtures / "formats"))
    sys.modules.pop("tally_format", None)


def test_a_format_owns_its_template_for_a_strategy_and_extractor_month(tally_registered: None,
                                                                        tmp_path: Path) -> None:
    """A format of our own, registered from the test, with its own sectioning, dating and unit line: the read
    strategy cuts its chunks at the format's headings and scales a figure by the unit the format finds, and
    `extractor month` picks the sheet by the month the format reads, where the shared rules read others."""
    tally = choose_format(TALLY)
    assert tally is not None and tally.name == "tally"
    shared = RulesFormat()
    assert shared.report_month(TALLY).value == "2020-01" and tally.report_month(TALLY).value == "2023-05"

    chunks = read.chunks(TALLY, tally.sections(TALLY))
    assert [c.heading for c in chunks] == [None, "Refined Zinc", "Refined Lead"]
    zinc = chunks[1]
    answer = LLMResult({"facts": [{"commodity": "refined_zinc", "region": "china", "segment": None, "content": None,
                                   "period": "2023-05", "basis": "actual", "metric": "production", "measure": "level",
                                   "value": 455000, "quote": "455"}], "drivers": []}, 0, 0)
    (scaled,) = read.read_chunk(TALLY, tally, zinc, answer, "2023-05", "llm").facts
    assert scaled.value == 455_000 and scaled.status == Status.ACCEPTED
    assert scaled.scale is not None and scaled.scale.of(TALLY) == "Counts in kilotonnes."
    assert scaled.scale.factors == (1e3,)
    (unscaled,) = read.read_chunk(TALLY, shared, zinc, answer, "2023-05", "llm").facts
    assert unscaled.status == Status.REJECTED and unscaled.scale is None

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "tally.txt").write_text(TALLY)
    db = tmp_path / "x.db"
    result = CliRunner().invoke(app, ["month", "2023-05", "--from", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    document = next(iter(sqlite_utils.Database(db)["documents"].rows))
    assert (document["report_format"], document["report_month"]) == ("tally", "2023-05")
    result = CliRunner().invoke(app, ["month", "2020-01", "--from", str(folder), "--db", str(db)])
    assert result.exit_code != 0 and "no documents" in result.output
