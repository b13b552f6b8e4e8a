"""The dataset tells the truth whatever the order the files came in: each case was reproduced on the code before
this file and stored something wrong or lost something without a word. Texts are our own sentences."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app

from .conftest import SEEDS

CORPUS = SEEDS.parent / "corpus" / "docs"

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def _rows(db: Path, sql: str, args: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


# ------------------------------------------------------------------ case 6: facts form a set

REPEATED = """June 2024 Metal Production Review and Forecast for July
Copper Cathode
In June, SMM's China copper cathode output rose by 21,300 mt MoM, up 2.04% MoM and 7.15% YoY.
Smelters said the overhaul season was nearly over.
In June, SMM's China copper cathode output rose by 21,300 mt MoM, up 2.04% MoM and 7.15% YoY.
"""


def test_a_repeated_sentence_is_stored_once(tmp_path: Path) -> None:
    report = tmp_path / "repeated.txt"
    report.write_text(REPEATED, encoding="utf-8")
    db = tmp_path / "x.db"
    assert _run("run", str(report), "--db", str(db)).exit_code == 0
    keys = _rows(db, "SELECT commodity, metric, period, basis, measure, segment, value, quote FROM facts "
                     "WHERE status = 'accepted'")
    assert keys and len(keys) == len(set(keys)), keys
    assert sum(1 for k in keys if k[6] == "2.04") == 1
    out = tmp_path / "out.jsonl"
    assert _run("export", "--db", str(db), "--format", "jsonl", "--out", str(out)).exit_code == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    exported = [(r["commodity"], r["measure"], json.dumps(r["value"]), r["quote"]) for r in lines]
    assert len(exported) == len(set(exported))


# ------------------------------------------------------------------ case 5: re-extraction replaces

def test_an_edited_report_re_extracted_by_month_replaces_its_earlier_reading(tmp_path: Path, fixtures: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    report = folder / "review_2024_06.txt"
    shutil.copy(fixtures / "review_2024_06.txt", report)
    shutil.copy(fixtures / "flagged_2024_06.txt", folder / "flagged_2024_06.txt")
    db = tmp_path / "x.db"
    assert _run("run", str(folder), "--db", str(db)).exit_code == 0
    report.write_text(report.read_text().replace("rose by 21,300 mt MoM", "rose by 23,300 mt MoM"))
    result = _run("month", "2024-06", "--db", str(db))
    assert result.exit_code == 0, result.output
    values = _rows(db, "SELECT f.value FROM facts f JOIN documents d ON d.id = f.document_id WHERE d.name = ? "
                       "AND f.commodity = 'copper_cathode' AND f.measure = 'mom_abs' AND f.period = '2024-06' "
                       "AND f.segment IS NULL", ("review_2024_06.txt",))
    assert values == [("23300.0",)] or values == [("23300",)], values
    assert _rows(db, "SELECT COUNT(*) FROM documents WHERE name = 'review_2024_06.txt'") == [(1,)]
    assert "review_2024_06.txt against its earlier extraction: 0 added, 0 removed, 1 changed value" in result.output
    assert "(was 21300" in result.output
    assert "flagged_2024_06.txt against its earlier extraction: 0 added, 0 removed, 0 changed value" in result.output
    # --force on the same text leaves one reading too
    assert _run("run", str(folder), "--db", str(db), "--force").exit_code == 0
    per_doc = _rows(db, "SELECT d.name, COUNT(*) FROM facts f JOIN documents d ON d.id = f.document_id "
                        "GROUP BY d.name ORDER BY d.name")
    assert [name for name, _ in per_doc] == ["flagged_2024_06.txt", "review_2024_06.txt"]


# ------------------------------------------------------------------ case 10: exits and messages

def test_exit_codes_are_one_table_for_every_command(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "x.db"
    missing = _run("run", str(tmp_path / "nope"), "--db", str(db))
    assert missing.exit_code == 1 and "nope: no such file or folder" in missing.output
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = _run("run", str(empty), "--db", str(db))
    assert nothing.exit_code == 1 and "empty: no report files" in nothing.output
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(fixtures / "review_2024_06.txt", good / "review_2024_06.txt")
    beside = _run("run", str(good), str(tmp_path / "nope"), "--db", str(db))
    assert beside.exit_code == 1 and "nope: no such file or folder" in beside.output
    assert _rows(db, "SELECT name FROM documents") == [("review_2024_06.txt",)]
    assert _run("run", str(good), "--db", str(db)).exit_code == 0
    for args in (["conflicts", "--month", "2025-13"], ["facts", "--period", "2025-13"],
                 ["export", "--month", "2025-13", "--out", str(tmp_path / "o")], ["month", "2025-13"],
                 ["run", str(good), "--report-month", "2025-13"]):
        result = _run(*args, "--db", str(db))
        assert result.exit_code == 2 and "'2025-13' is not a month" in result.output, (args, result.output)
    assert _run("forecasts", "--db", str(db)).exit_code == 0  # nothing to show is no failure, as for facts
    assert _run("forecasts", "--db", str(db), "--format", "json").output.strip() == "[]"
    assert _run("month", "2024-06", "--from", str(tmp_path / "nope"), "--db", str(db)).exit_code == 1
    assert _run("series", "unobtainium", "--db", str(db)).exit_code == 0
    assert _run("facts", "--commodity", "unobtainium", "--db", str(db)).exit_code == 0


def test_forecast_errors_are_averaged_per_measure_never_across_units(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "x.db"
    assert _run("run", str(fixtures / "review_2024_06.txt"), str(fixtures / "months" / "review_2024_07.txt"),
                "--db", str(db)).exit_code == 0
    from extractor.dataset import forecast_rows, forecast_summary
    from extractor.store import open_store
    store = open_store(db)
    try:
        rows = forecast_rows(store, "copper_cathode")
    finally:
        store.close()
    summary = forecast_summary(rows)
    measures = {(r["commodity"], r["measure"]) for r in summary}
    assert len(measures) == len(summary) and ("copper_cathode", "mom_pct") in measures
    pct = next(r for r in summary if r["measure"] == "mom_pct")
    assert pct["unit"] == "%" and pct["mean_abs_error"] == pytest.approx(0.13, abs=0.01)
    assert pct["mean_abs_error_pct"] is None  # a percent of a percent means nothing
    table = _run("forecasts", "--db", str(db))
    assert "how far off, per commodity and measure" in table.output


# ------------------------------------------------------------------ case 9: an interrupted batch says so

def test_an_interrupted_batch_says_what_it_stored_and_how_to_resume(tmp_path: Path, fixtures: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("review_2024_06.txt", "headline_2017_10.txt", "article_2023_03.md"):
        shutil.copy(fixtures / name, folder / name)
    from extractor import pipeline

    real = pipeline.extract_document

    def ctrl_c_on_the_third(doc, *args, **kwargs):  # files go in name order: article, headline, review
        if doc.name == "review_2024_06.txt":
            raise KeyboardInterrupt
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_document", ctrl_c_on_the_third)
    db = tmp_path / "x.db"
    result = _run("run", str(folder), "--db", str(db))
    assert result.exit_code == 130
    assert "interrupted: 2 of 3 file(s) stored" in result.output
    assert "run the same command again to resume" in result.output
    assert _rows(db, "SELECT status FROM runs") == [("interrupted",)]
    monkeypatch.setattr(pipeline, "extract_document", real)
    resumed = _run("run", str(folder), "--db", str(db))
    assert resumed.exit_code == 0 and "2 document(s) unchanged" in resumed.output


# ------------------------------------------------------------------ case 11: search the documents

def test_documents_are_searched_in_datasette_and_by_extractor_search(tmp_path: Path) -> None:
    report = tmp_path / "repeated.txt"
    report.write_text(REPEATED, encoding="utf-8")
    db = tmp_path / "smm.db"
    assert _run("run", str(report), "--db", str(db)).exit_code == 0
    found = _run("search", "overhaul", "--db", str(db))
    assert found.exit_code == 0, found.output
    assert "repeated.txt" in found.output and "overhaul" in found.output
    listed = json.loads(_run("search", "overhaul", "--db", str(db), "--format", "json").output)
    assert [r["document"] for r in listed] == ["repeated.txt"] and "[overhaul]" in listed[0]["snippet"]
    none = _run("search", "unobtainium", "--db", str(db))
    assert none.exit_code == 0 and "No document" in none.output
    bad = _run("search", '"unbalanced', "--db", str(db))
    assert bad.exit_code == 2 and "not a full-text query" in bad.output
    datasette = pytest.importorskip("datasette.app", reason="datasette is a dev dependency")
    from extractor.cli.analysis import datasette_metadata

    import asyncio

    async def fetch() -> list:
        ds = datasette.Datasette(files=[str(db)], metadata=datasette_metadata(db.stem))
        response = await ds.client.get("/smm/search_documents.json?_shape=array&q=overhaul")
        assert response.status_code == 200, response.text
        return response.json()

    rows = asyncio.run(fetch())
    assert [r["document"] for r in rows] == ["repeated.txt"] and "overhaul" in rows[0]["snippet"]


# ------------------------------------------------------------------ case 8: eval tells failures

def test_compare_shows_failed_and_missing_questions_per_provider(tmp_path: Path, fixtures: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(fixtures / "headline_2017_10.txt", docs)
    empty = tmp_path / "no-recordings"
    empty.mkdir()
    result = _run("eval", "--gold", str(fixtures / "gold"), "--docs", str(docs), "--compare",
                  "rules,replay:section", "--replay", str(empty), "--model", "m", "--report", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert "failed docs" in result.output and "missing" in result.output
    assert "replay:section: headline_2017_10.txt failed: no recording of" in result.output.replace("\n", " ")
    compared = {p["provider"]: p for p in json.loads((tmp_path / "out" / "compare.json").read_text())["providers"]}
    assert compared["rules"]["failed_documents"] == {} and compared["rules"]["missing_recordings"] == 0
    assert list(compared["replay:section"]["failed_documents"]) == ["headline_2017_10.txt"]
    assert compared["replay:section"]["missing_recordings"] >= 1


# ------------------------------------------------------------------ case 3: two publishers side by side

SMM_NOVEMBER = """November 2025 Metal Production Review and Forecast for December
Cobalt Sulphate
According to SMM, China's cobalt sulphate output in November 2025 rose 2.50% MoM as two refiners restarted lines.
"""

MYSTEEL_NOVEMBER = """Cobalt Sulfate
Based on Mysteel's survey, China's cobalt sulfate production in November 2025 rose 12.00% month-on-month.
Mysteel expects little change in December.
"""

CURRENT = ("SELECT commodity, metric, period, basis, measure, value, publisher, document FROM current_facts "
           "WHERE commodity = 'cobalt_sulphate' ORDER BY publisher")


def _store_in_order(tmp_path: Path, name: str, files: list[Path]) -> Path:
    db = tmp_path / f"{name}.db"
    for path in files:
        assert _run("run", str(path), "--db", str(db)).exit_code == 0
    return db


def test_two_publishers_figures_stand_side_by_side_in_either_order(tmp_path: Path) -> None:
    smm, mysteel = tmp_path / "smm_2025_11.txt", tmp_path / "mysteel_2025_11.txt"
    smm.write_text(SMM_NOVEMBER)
    mysteel.write_text(MYSTEEL_NOVEMBER)
    one = _store_in_order(tmp_path, "one", [smm, mysteel])
    other = _store_in_order(tmp_path, "other", [mysteel, smm])
    both = _rows(one, CURRENT)
    assert both == _rows(other, CURRENT)
    assert [(r[4], float(r[5]), r[6]) for r in both] == [("mom_pct", 12.0, "Mysteel"), ("mom_pct", 2.5, "SMM")]
    for db in (one, other):
        listed = _run("conflicts", "--db", str(db), "--format", "json")
        assert listed.exit_code == 0 and json.loads(listed.output) == [], listed.output
        assert _run("conflicts", "--db", str(db)).output.startswith("No conflicts")


# ------------------------------------------------------------------ case 2: checks over the whole stored series

ALUMINA_JULY = """July 2025 Metal Production Review and Forecast for August
Alumina
Per SMM data, in July 2025 (31 days), China's metallurgical-grade alumina output grew by 4.10% MoM and 5.20% YoY. At the close of July, existing metallurgical-grade alumina capacity in China was roughly 98.40 million mt, with actual operating capacity rising by 1.50% MoM and an operating rate of 80.2%.
"""


ALUMINA_JUNE = """China's alumina output in June 2025 came to 7.32 million mt, according to SMM's survey, up 0.6% MoM.
Refineries in the north ran steadily through the month.
"""


def _level(db: Path, period: str) -> list[tuple]:
    return _rows(db, "SELECT value_num, status, reason FROM facts WHERE commodity = 'alumina' AND metric = "
                     "'production' AND measure = 'level' AND period = ? ORDER BY value_num", (period,))


def test_a_capacity_read_as_output_goes_to_review_in_either_order(tmp_path: Path) -> None:
    july, june = tmp_path / "review_2025_07.txt", tmp_path / "alumina_2025_06.txt"
    july.write_text(ALUMINA_JULY)
    june.write_text(ALUMINA_JUNE)
    for name, order in (("july_first", [july, june]), ("june_first", [june, july])):
        db = _store_in_order(tmp_path, name, order)
        july_levels = _level(db, "2025-07")
        assert all(status != "accepted" for _, status, _ in july_levels), (name, july_levels)
        assert any(value == 98_400_000 and "capacity" in reason for value, _, reason in july_levels), july_levels
        assert [s for _, s, _ in _level(db, "2025-06")] == ["accepted"]


SERIES_MONTH = """{month} 2024 Metal Production Review and Forecast
Refined Lead
According to SMM, China's refined lead output in {month} 2024 was {level} mt.
"""


def test_storing_a_month_re_checks_its_neighbours(tmp_path: Path) -> None:
    """A level ten times its neighbours' goes to review whichever month was stored first, even each in its own run."""
    files = []
    for month, level in (("March", "520,000"), ("April", "5,310,000"), ("May", "528,000"), ("June", "531,500")):
        path = tmp_path / f"lead_{month.lower()}.txt"
        path.write_text(SERIES_MONTH.format(month=month, level=level))
        files.append(path)
    for name, order in (("forward", files), ("backward", files[::-1]), ("outlier_first", [files[1], *files[::2], files[3]])):
        db = _store_in_order(tmp_path, name, order)
        statuses = _rows(db, "SELECT period, status, reason FROM facts WHERE commodity = 'refined_lead' AND measure = "
                             "'level' ORDER BY period")
        assert [(p, s) for p, s, _ in statuses] == [("2024-03", "accepted"), ("2024-04", "needs_review"),
                                                   ("2024-05", "accepted"), ("2024-06", "accepted")], (name, statuses)
        assert "times the median" in statuses[1][2]
    one_batch = tmp_path / "one.db"
    assert _run("run", *map(str, files), "--db", str(one_batch)).exit_code == 0
    assert _rows(one_batch, "SELECT period, status FROM facts WHERE measure = 'level' ORDER BY period") == \
        [("2024-03", "accepted"), ("2024-04", "needs_review"), ("2024-05", "accepted"), ("2024-06", "accepted")]


# ------------------------------------------------------------------ case 4: a year typo for the review's own month

TIN_2025 = """February 2025 Metal Production Review and Forecast for March
Refined Zinc
According to SMM, China's refined zinc output in February 2025 dropped 5.00% MoM over the short month.
Refined Tin
According to SMM, China's refined tin output in February 2024 fell 6.10% MoM but rose 9.20% YoY, as ore stayed scarce.
SMM expects refined tin output in March 2025 to recover 4.00% MoM.
"""

TIN_2024 = """February 2024 Metal Production Review and Forecast for March
Refined Tin
According to SMM, China's refined tin output in February 2024 rose 3.30% MoM after the holiday.
"""


def test_a_review_s_year_typo_for_its_own_month_does_not_supersede_that_month_a_year_before(tmp_path: Path) -> None:
    new, old = tmp_path / "review_2025_02.txt", tmp_path / "review_2024_02.txt"
    new.write_text(TIN_2025)
    old.write_text(TIN_2024)
    for name, order in (("new_first", [new, old]), ("old_first", [old, new])):
        db = _store_in_order(tmp_path, name, order)
        current = _rows(db, "SELECT period, value_num, document FROM current_facts WHERE commodity = 'refined_tin' "
                            "AND measure = 'mom_pct' AND basis = 'actual' ORDER BY period")
        assert current == [("2024-02", 3.3, "review_2024_02.txt"), ("2025-02", -6.1, "review_2025_02.txt")], current
        assert _run("conflicts", "--db", str(db)).output.startswith("No conflicts")


# ------------------------------------------------------------------ case 12: the eval HTML report

TWO_SECTIONS = """March 2024 Metal Production Review and Forecast for April
Copper Cathode
In March 2024, China's copper cathode output rose 3.10% MoM as smelters came back from overhauls.
Refined Zinc
In March 2024, China's refined zinc output rose 3.10% MoM as concentrate arrived.
"""


def _gold_fact(commodity: str) -> dict:
    return {"commodity": commodity, "region": "china", "metric": "production", "segment": None, "content": None,
            "period": "2024-03", "basis": "actual", "measure": "mom_pct", "value": 3.1, "unit": "%",
            "qualifier": None, "quote": "rose 3.10% MoM"}


def test_the_html_report_marks_each_fact_at_its_own_span_with_a_legend_and_an_index(tmp_path: Path) -> None:
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "two_sections.txt").write_text(TWO_SECTIONS)
    (gold / "two_sections.json").write_text(json.dumps({
        "document": "two_sections.txt", "report_month": "2024-03",
        "facts": [_gold_fact("refined_zinc"), _gold_fact("copper_cathode")], "drivers": []}))
    result = _run("eval", "--gold", str(gold), "--docs", str(docs), "--report", str(tmp_path / "out"), "--html")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "report.html").read_text()
    copper_at, zinc_at = page.index("Copper Cathode\n"), page.index("Refined Zinc\n")
    marks = [(i, page[i:page.index(">", i)]) for i in range(len(page)) if page.startswith("<mark class='matched'", i)]
    in_text = [(i, tag) for i, tag in marks if i > copper_at]
    assert len(in_text) == 2, in_text
    (first, first_tag), (second, second_tag) = in_text
    assert copper_at < first < zinc_at and "copper_cathode" in first_tag
    assert second > zinc_at and "refined_zinc" in second_tag
    legend = page[page.index("Legend"):page.index("</p>", page.index("Legend"))]
    for mark in ("matched", "missed", "extra", "&#9873;"):
        assert mark in legend
    assert "<a href='#doc-1'>two_sections.txt</a>" in page and "id='doc-1'" in page


# ------------------------------------------------------------------ done when: the order the files came in does not matter

def _dataset(db: Path) -> tuple[list[tuple], list[str]]:
    current = _rows(db, "SELECT commodity, region, metric, segment, content, period, basis, measure, value, unit, "
                        "quote, document FROM current_facts ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12")
    exported = _run("export", "--db", str(db), "--format", "jsonl", "--out", "-").output.splitlines()
    rows = [json.loads(line) for line in exported]
    for row in rows:
        row.pop("id", None)
        row.pop("run_id", None)
    return current, sorted(json.dumps(r, sort_keys=True) for r in rows)


def _either_order(tmp_path: Path, first: list[Path], second: list[Path]) -> None:
    datasets = []
    for name, runs in (("first_then_second", [first, second]), ("second_then_first", [second, first]),
                       ("one_batch", [first + second])):
        db = tmp_path / f"{name}.db"
        for paths in runs:
            assert _run("run", *map(str, paths), "--db", str(db)).exit_code == 0
        datasets.append(_dataset(db))
    assert datasets[0][0] and datasets[0] == datasets[1] == datasets[2]


@pytest.mark.skipif(not SEEDS.is_dir() or not CORPUS.is_dir(), reason="../shared is not beside the checkout")
def test_seeds_and_articles_give_one_dataset_in_either_order(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("00[01]*.txt"))
    articles = [CORPUS / "2025-11-mysteel-battery-materials-output.txt", CORPUS / "2019-03-smm-alumina-output.txt"]
    _either_order(tmp_path, seeds, articles)


@pytest.mark.slow
@pytest.mark.skipif(not SEEDS.is_dir() or not CORPUS.is_dir(), reason="../shared is not beside the checkout")
def test_all_seeds_and_the_corpus_give_one_dataset_in_either_order(tmp_path: Path) -> None:
    _either_order(tmp_path, sorted(SEEDS.glob("00*.txt")), sorted(CORPUS.glob("*.txt")))
