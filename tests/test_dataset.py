"""The dataset analysts query: numeric value columns, the views, full-text search, `series`, `forecasts`, the
output formats and Datasette, each through the CLI and then the database it wrote."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from typer.testing import CliRunner

from extractor.cli import app
from extractor.cli.analysis import datasette_metadata
from extractor.store import open_store
from extractor.store.migrations import m001_initial, m002_llm, m003_report_format

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def two_months(tmp_path: Path, fixtures: Path) -> Path:
    """June's review (with forecasts for July) and July's (with July's actuals), extracted by the rules."""
    db = tmp_path / "smm.db"
    result = _run("run", str(fixtures / "review_2024_06.txt"), str(fixtures / "months" / "review_2024_07.txt"),
                  "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def _query(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    rows = conn.execute(sql).fetchall()
    conn.close()
    return rows


def test_numbers_compare_as_numbers_in_sql(two_months: Path) -> None:
    over = _query(two_months, "SELECT value FROM facts WHERE commodity = 'copper_cathode' AND value_num > 10000 "
                              "AND status = 'accepted'")
    assert sorted(json.loads(v) for (v,) in over) == [21300.0, 27300.0, 31500.0, 612400.0, 1093000.0]
    (low, high), = _query(two_months, "SELECT value_low, value_high FROM facts WHERE value LIKE '[%'")
    assert (low, high) == (1_100_000.0, 1_120_000.0)
    directions = _query(two_months, "SELECT direction, value_num FROM facts WHERE measure LIKE '%direction'")
    assert directions and all(d in ("up", "down", "flat") and n is None for d, n in directions)


def test_an_older_database_gets_the_numeric_columns_filled(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(sqlite3.connect(str(path)))
    old.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for migration in (m001_initial, m002_llm, m003_report_format):
        migration(old)
        old.execute("INSERT INTO _migrations VALUES (?, 'then')", [migration.__name__])
    old.table("documents").insert({"id": "d", "name": "old.txt", "text": "Output rose 5% to 12,000 mt."})
    old.table("facts").insert_all([{"document_id": "d", "value": v, "status": "accepted"}
                                   for v in ("12000.0", "[1.0, 2.5]", '"up"')])
    old.conn.commit()
    old.conn.close()
    open_store(path).close()
    assert _query(path, "SELECT value_num, value_low, value_high, direction FROM facts ORDER BY id") == [
        (12000.0, 12000.0, 12000.0, None), (None, 1.0, 2.5, None), (None, None, None, "up")]
    assert _query(path, "SELECT name FROM documents_fts WHERE documents_fts MATCH 'rose'") == [("old.txt",)]


def test_forecasts_set_a_month_s_forecast_against_the_next_report_s_actual(two_months: Path) -> None:
    rows = _query(two_months, "SELECT measure, forecast_report_month, forecast_num, actual_num, ROUND(error, 2), "
                              "ROUND(error_pct, 1) FROM forecast_vs_actual WHERE commodity = 'copper_cathode' "
                              "ORDER BY measure")
    assert ("mom_pct", "2024-06", -0.88, -1.01, 0.13, 12.9) in rows
    result = _run("forecasts", "copper_cathode", "--db", str(two_months), "--format", "json")
    assert result.exit_code == 0, result.output
    listed = {r["measure"]: r for r in json.loads(result.output)}
    assert listed["mom_abs"]["forecast"] == -9800 and listed["mom_abs"]["actual"] == -11200
    assert listed["mom_abs"]["error"] == 1400
    table = _run("forecasts", "--db", str(two_months))
    assert "how far off, per commodity" in table.output and "refined_tin" in table.output


def test_series_lists_every_month_with_the_latest_report_s_figure(two_months: Path) -> None:
    result = _run("series", "copper_cathode", "--db", str(two_months), "--measure", "mom_pct", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["period"], r["value_num"]) for r in rows] == [("2024-06", "2.04"), ("2024-07", "-1.01")]
    table = _run("series", "copper_cathode", "--db", str(two_months))
    assert "2024-06" in table.output and "2024-07" in table.output and "trend" in table.output
    missing = _run("series", "unobtainium", "--db", str(two_months))
    assert missing.exit_code == 0 and "No actual production figures of unobtainium" in missing.output


def test_a_revision_in_a_later_report_supersedes_in_current_facts(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "smm.db"
    july = (fixtures / "months" / "review_2024_07.txt").read_text()
    revised = tmp_path / "review_2024_07_corrected.txt"
    revised.write_text(july.replace("down 1.01% MoM", "down 1.05% MoM"))
    assert _run("run", str(fixtures / "months" / "review_2024_07.txt"), "--db", str(db)).exit_code == 0
    assert _run("run", str(revised), "--db", str(db)).exit_code == 0
    current = _query(db, "SELECT value_num, document, reports FROM current_facts WHERE commodity = "
                         "'copper_cathode' AND measure = 'mom_pct' AND period = '2024-07'")
    assert current == [(-1.05, revised.name, 2)]
    listed = _run("conflicts", "--db", str(db), "--format", "json")
    mom = [r for r in json.loads(listed.output) if r["measure"] == "mom_pct" and r["commodity"] == "copper_cathode"]
    assert mom == [{**mom[0], "value": -1.05, "superseded_value": -1.01, "document": revised.name,
                    "superseded_document": "review_2024_07.txt"}]
    month = _run("month", "2024-07", "--db", str(db))
    assert "stated differently by two reports" in month.output, month.output


def test_a_corrected_reissue_from_a_folder_is_compared_with_the_month_stored(tmp_path: Path, fixtures: Path) -> None:
    """Issue 11, case 2: `month --from` compares a new report with what the stored reports of its month state, and
    the conflicts are exactly the figures it changed (a report giving two figures one key is no conflict)."""
    db = tmp_path / "smm.db"
    assert _run("run", str(fixtures / "review_2024_06.txt"), "--db", str(db)).exit_code == 0
    folder = tmp_path / "reissue"
    folder.mkdir()
    june = (fixtures / "review_2024_06.txt").read_text()
    (folder / "review_2024_06_corrected.txt").write_text(june.replace("rose by 2.61% MoM", "rose by 2.75% MoM"))
    result = _run("month", "2024-06", "--db", str(db), "--from", str(folder))
    assert result.exit_code == 0, result.output
    assert ("review_2024_06_corrected.txt against what the other stored reports of 2024-06 state: 0 added, "
            "0 removed, 1 changed value") in result.output
    assert "refined_tin production 2024-06 actual mom_pct = 2.75 % (was 2.61)" in result.output
    listed = json.loads(_run("conflicts", "--db", str(db), "--format", "json").output)
    assert [(r["commodity"], r["value"], r["superseded_value"]) for r in listed] == [("refined_tin", 2.75, 2.61)]


def test_quotes_and_texts_are_searchable(two_months: Path) -> None:
    quotes = _query(two_months, "SELECT f.quote FROM facts f JOIN facts_fts s ON s.rowid = f.rowid "
                                "WHERE facts_fts MATCH 'percentage' ORDER BY f.id")
    assert quotes and all("percentage" in q for (q,) in quotes)


def test_facts_say_how_many_they_leave_out_and_speak_jsonl(two_months: Path) -> None:
    result = _run("facts", "--db", str(two_months), "--limit", "3")
    total = _query(two_months, "SELECT COUNT(*) FROM facts WHERE status = 'accepted'")[0][0]
    assert f"3 of {total} fact(s)." in result.output
    lines = _run("facts", "--db", str(two_months), "--limit", "5", "--format", "jsonl").output.splitlines()
    assert len(lines) == 5 and all(json.loads(line)["document"].startswith("review_2024_0") for line in lines)
    review = _run("facts", "--db", str(two_months), "--include-review", "--format", "json")
    reasons = [r["reason"] for r in json.loads(review.output) if r["status"] == "needs_review"]
    assert reasons and all(reasons)


def test_export_to_stdout_and_jsonl(two_months: Path, tmp_path: Path) -> None:
    result = _run("export", "--db", str(two_months), "--format", "jsonl", "--out", "-")
    assert result.exit_code == 0 and not (Path.cwd() / "-").exists()
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == _query(two_months, "SELECT COUNT(*) FROM facts WHERE status = 'accepted'")[0][0]
    assert {r["document_id"][:8] for r in rows} and all(r["path"].endswith(r["document"]) for r in rows)
    drivers = list(csv.DictReader(io.StringIO(_run("export", "--db", str(two_months), "--format", "csv", "--drivers",
                                                   "--out", "-").output)))
    stored = _query(two_months, "SELECT category, effect FROM drivers WHERE status = 'accepted' ORDER BY id")
    assert sorted((d["category"], d["effect"]) for d in drivers) == sorted(stored) and stored
    per_document = _run("export", "--db", str(two_months), "--out", "-").output.splitlines()
    assert [json.loads(line)["document"] for line in per_document] == ["review_2024_06.txt", "review_2024_07.txt"]


def test_two_documents_of_one_name_export_to_two_files(tmp_path: Path, fixtures: Path) -> None:
    for folder, month in (("a", "06"), ("b", "07")):
        (tmp_path / folder).mkdir()
        source = fixtures / ("review_2024_06.txt" if month == "06" else "months/review_2024_07.txt")
        (tmp_path / folder / "report.txt").write_text(source.read_text())
    db = tmp_path / "smm.db"
    assert _run("run", str(tmp_path / "a" / "report.txt"), str(tmp_path / "b" / "report.txt"), "--db", str(db)).exit_code == 0
    result = _run("export", "--db", str(db), "--out", str(tmp_path / "out"))
    files = sorted((tmp_path / "out").glob("*.json"))
    assert "Wrote 2 facts file(s)" in result.output and len(files) == 2
    assert {json.loads(f.read_text())["report_month"] for f in files} == {"2024-06", "2024-07"}


def test_version() -> None:
    result = _run("--version")
    assert result.exit_code == 0 and result.output.startswith("extractor ") and "pipeline" in result.output


def test_datasette_opens_every_view_and_canned_query(two_months: Path) -> None:
    datasette = pytest.importorskip("datasette.app", reason="datasette is a dev dependency: pip install -e '.[dev]'")
    metadata = datasette_metadata(two_months.stem)
    printed = _run("metadata", "--db", str(two_months))
    assert json.loads(printed.output) == metadata

    async def fetch_all() -> dict[str, tuple[int, list]]:
        ds = datasette.Datasette(files=[str(two_months)], metadata=metadata)
        paths = {name: f"/smm/{name}.json?_shape=array" for name in
                 ("current_facts", "series", "forecast_vs_actual", "drivers_by_month", "facts")}
        paths.update({"forecast_error_by_commodity": "/smm/forecast_error_by_commodity.json?_shape=array",
                      "commodity_series": "/smm/commodity_series.json?_shape=array&commodity=copper_cathode",
                      "search_quotes": "/smm/search_quotes.json?_shape=array&q=MoM",
                      "search_documents": "/smm/search_documents.json?_shape=array&q=maintenance",
                      "review_queue": "/smm/review_queue.json?_shape=array"})
        answers = {}
        for name, path in paths.items():
            response = await ds.client.get(path)
            answers[name] = (response.status_code, response.json() if response.status_code == 200 else [])
        return answers

    answers = asyncio.run(fetch_all())
    assert {name: status for name, (status, _) in answers.items()} == {name: 200 for name in answers}
    assert set(metadata["databases"]["smm"]["queries"]) <= set(answers)
    assert all(rows for name, (_, rows) in answers.items()), [n for n, (_, rows) in answers.items() if not rows]
    months = {r["period"] for r in answers["commodity_series"][1]}
    assert {"2024-06", "2024-07"} <= months
