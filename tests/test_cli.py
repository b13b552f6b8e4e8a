import csv
import json
import shutil
from pathlib import Path

import pytest
import sqlite_utils
from typer.testing import CliRunner

from extractor.cli import app
from extractor.facts import load_document_facts

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def archive(tmp_path: Path, fixtures: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    for name in ("review_2024_06.txt", "headline_2017_10.txt", "article_2023_03.md"):
        shutil.copy(fixtures / name, folder / name)
    return folder


def _command_paths() -> list[list[str]]:
    """Every command and subcommand of the app, walked from typer's click group (none listed by hand)."""
    import typer.main

    from extractor.cli import app

    paths: list[list[str]] = []

    def walk(group: object, prefix: list[str]) -> None:
        for name, command in getattr(group, "commands", {}).items():  # a group has subcommands, a command none
            paths.append([*prefix, name])
            walk(command, [*prefix, name])

    walk(typer.main.get_command(app), [])
    return paths


def test_every_command_has_help() -> None:
    paths = _command_paths()
    assert {"run", "month", "facts", "export", "series", "forecasts", "conflicts", "metadata", "eval", "models"} <= {p[0] for p in paths}
    assert ["eval", "check-gold"] in paths and ["models", "install"] in paths
    for path in paths:
        result = _run(*path, "--help")
        assert result.exit_code == 0 and len(result.output) > 200, path
        assert "Usage" in result.output, path


def test_run_eval_and_month_share_one_definition_of_the_llm_options() -> None:
    for command in ("run", "month", "eval"):
        output = _run(command, "--help").output
        for option in ("--provider", "--model-path", "--base-url", "--mode", "--concurrency", "--llm-labels", "--llm-drivers",
                       "--strategy"):
            assert option in output, (command, option)


def test_run_stores_documents_and_is_idempotent(tmp_path: Path, archive: Path) -> None:
    db = tmp_path / "x.db"
    result = _run("run", str(archive), "--db", str(db))
    assert result.exit_code == 0, result.output
    store = sqlite_utils.Database(db)
    assert store["documents"].count == 3
    months = {r["name"]: r["report_month"] for r in store["documents"].rows}
    assert months == {"review_2024_06.txt": "2024-06", "headline_2017_10.txt": "2017-10", "article_2023_03.md": "2023-03"}
    facts_before = store["facts"].count
    assert facts_before > 30
    again = _run("run", str(archive), "--db", str(db))
    assert "Nothing to do" in again.output
    assert store["facts"].count == facts_before
    assert [r["status"] for r in store["runs"].rows] == ["finished", "finished"]
    forced = _run("run", str(archive), "--db", str(db), "--force")
    assert "extracted" in forced.output and store["facts"].count == facts_before


def test_bad_files_do_not_stop_the_batch(tmp_path: Path, archive: Path) -> None:
    (archive / "empty.txt").write_text("")
    (archive / "blob.txt").write_bytes(b"\x00\x01" * 50)
    (archive / "nothing.txt").write_text("A note about the weather, with no metal named in it at all.\n")
    db = tmp_path / "x.db"
    result = _run("run", str(archive), "--db", str(db))
    assert result.exit_code == 1  # the batch goes on, and the exit says some input failed
    assert "empty.txt: file is empty" in result.output
    assert "blob.txt: file looks binary" in result.output
    assert "nothing.txt: no recognizable sections" in result.output
    strict = _run("run", str(archive), "--db", str(db), "--strict")
    assert strict.exit_code == 1


def test_all_bad_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = _run("run", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    missing = _run("run", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db"))
    assert missing.exit_code == 1


def test_export_facts_follows_the_contract(tmp_path: Path, archive: Path) -> None:
    db = tmp_path / "x.db"
    _run("run", str(archive), "--db", str(db))
    out = tmp_path / "out"
    result = _run("export", "--db", str(db), "--format", "facts", "--out", str(out))
    assert result.exit_code == 0
    files = sorted(out.glob("*.json"))
    assert [f.name for f in files] == ["article_2023_03.json", "headline_2017_10.json", "review_2024_06.json"]
    for file in files:
        parsed = load_document_facts(file)
        source = (archive / parsed.document).read_text()
        assert parsed.facts
        assert all(f.quote in source for f in parsed.facts)
        assert all(d.quote in source for d in parsed.drivers)


def test_export_csv_and_json(tmp_path: Path, archive: Path) -> None:
    db = tmp_path / "x.db"
    _run("run", str(archive), "--db", str(db))
    _run("export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "f.csv"))
    _run("export", "--db", str(db), "--format", "json", "--out", str(tmp_path / "f.json"), "--include-review")
    rows = list(csv.DictReader((tmp_path / "f.csv").open()))
    table = json.loads((tmp_path / "f.json").read_text())
    assert rows and {r["status"] for r in rows} == {"accepted"}
    assert len(table) > len(rows) and {"accepted", "needs_review"} <= {r["status"] for r in table}


def test_facts_table(tmp_path: Path, archive: Path) -> None:
    db = tmp_path / "x.db"
    _run("run", str(archive), "--db", str(db))
    result = _run("facts", "--db", str(db), "--commodity", "refined_zinc", "--metric", "production")
    assert result.exit_code == 0
    assert "497,600" in result.output and "2017-11" in result.output
    assert result.output.index("2024-06") < result.output.index("2017-10")


def test_month_re_extracts_and_shows_changes(tmp_path: Path, archive: Path) -> None:
    db = tmp_path / "x.db"
    _run("run", str(archive), "--db", str(db))
    store = sqlite_utils.Database(db)
    store.execute("UPDATE facts SET value = '1.0' WHERE quote = 'up 2.04% MoM'")
    store.execute("DELETE FROM facts WHERE quote = 'rose by 21,300 mt MoM'")
    store.conn.commit()
    result = _run("month", "2024-06", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "review_2024_06.txt against its earlier extraction: 1 added, 0 removed, 1 changed value" in result.output
    other = _run("month", "2017-10", "--from", str(archive), "--db", str(db))
    assert "headline_2017_10.txt against its earlier extraction: 0 added, 0 removed, 0 changed value" in other.output
    none = _run("month", "1999-01", "--db", str(db))
    assert none.exit_code == 2 and "no documents" in none.output


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = _run("facts", "--db", str(tmp_path / "missing.db"))
    assert result.exit_code == 2 and "no such database" in result.output


def test_eval_scores_and_fails_under_threshold(tmp_path: Path, fixtures: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(fixtures / "headline_2017_10.txt", docs)
    gold = fixtures / "gold"
    result = _run("eval", "--gold", str(gold), "--docs", str(docs), "--report", str(tmp_path / "rep"))
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "rep" / "report.json").read_text())
    assert report["overall"]["core"]["recall"] == 1.0 and report["report_month_accuracy"] == 1.0
    assert "## Missed" in (tmp_path / "rep" / "report.md").read_text()
    strict = _run("eval", "--gold", str(gold), "--docs", str(docs), "--fail-under", "all_precision=1.01")
    assert strict.exit_code == 1 and "below threshold" in strict.output
    db = tmp_path / "x.db"
    _run("run", str(docs), "--db", str(db))
    from_db = _run("eval", "--gold", str(gold), "--from-db", str(db))
    assert from_db.exit_code == 0 and "core" in from_db.output


def test_a_crash_on_one_document_keeps_the_others(tmp_path: Path, archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.formats import RulesFormat

    real = RulesFormat.label

    def crash_on_zinc(self, text, section, month):
        if section.commodity == "refined_zinc" and "SHANGHAI" in text:
            raise RuntimeError("simulated labeller bug")
        return real(self, text, section, month)

    monkeypatch.setattr(RulesFormat, "label", crash_on_zinc)
    db = tmp_path / "x.db"
    result = _run("run", str(archive), "--db", str(db))
    assert result.exit_code == 1
    assert "headline_2017_10.txt: internal error (RuntimeError: simulated labeller bug)" in result.output
    names = {r["name"] for r in sqlite_utils.Database(db)["documents"].rows}
    assert names == {"review_2024_06.txt", "article_2023_03.md"}


def test_an_undated_document_keeps_its_labels_and_takes_report_month(tmp_path: Path, fixtures: Path) -> None:
    """With no month in the text, facts keep every label but the period and wait in review; --report-month
    gives them their period (a month the text names would win)."""
    db = tmp_path / "x.db"
    result = _run("run", str(fixtures / "undated_clipping.txt"), "--db", str(db))
    assert result.exit_code == 0, result.output
    rows = list(sqlite_utils.Database(db)["facts"].rows_where("quote LIKE '%1.8%'"))
    assert [(r["metric"], r["measure"], r["period"], r["status"]) for r in rows] == [
        ("production", "mom_pct", None, "needs_review")]
    assert "--report-month" in rows[0]["reason"]
    given = _run("run", str(fixtures / "undated_clipping.txt"), "--db", str(db), "--report-month", "2023-04")
    assert given.exit_code == 0, given.output
    store = sqlite_utils.Database(db)
    rows = list(store["facts"].rows_where("quote LIKE '%1.8%'"))
    assert [(r["period"], r["status"]) for r in rows] == [("2023-04", "accepted")]
    assert next(store["documents"].rows)["report_month_confidence"] == "given"


def test_a_month_that_is_not_one_is_refused_in_one_line(tmp_path: Path, fixtures: Path) -> None:
    result = _run("run", str(fixtures / "undated_clipping.txt"), "--db", str(tmp_path / "x.db"), "--report-month", "2023-13")
    assert result.exit_code == 2 and "not a month" in result.output and "Traceback" not in result.output
    result = _run("month", "2025-13", "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 2 and "not a month" in result.output


def test_month_says_each_change_and_what_it_could_not_compare(tmp_path: Path, archive: Path, fixtures: Path) -> None:
    """What `extractor month` prints after its summary, line by line: a fact added, removed and changed against
    the earlier extraction; a first extraction with nothing to compare with; a stored path that is gone."""
    db = tmp_path / "x.db"
    assert _run("run", str(archive), "--db", str(db)).exit_code == 0
    store = sqlite_utils.Database(db)
    store.execute("UPDATE facts SET value = '1.0' WHERE quote = 'up 2.04% MoM'")
    store.execute("DELETE FROM facts WHERE quote = 'rose by 21,300 mt MoM'")
    store.execute("UPDATE facts SET metric = 'imports' WHERE quote = 'up 2.04% MoM'")
    store.conn.commit()
    lines = _run("month", "2024-06", "--db", str(db)).output.splitlines()
    at = lines.index("review_2024_06.txt against its earlier extraction: 2 added, 1 removed, 0 changed value")
    assert sorted(lines[at + 1:at + 4]) == [
        "  + copper_cathode production 2024-06 actual mom_abs = 21300.0 mt",
        "  + copper_cathode production 2024-06 actual mom_pct = 2.04 %",
        "  - copper_cathode imports 2024-06 actual mom_pct = 1.0 %",
    ]
    first = _run("month", "2017-10", "--from", str(archive), "--db", str(tmp_path / "fresh.db"))
    assert first.exit_code == 0
    assert ("headline_2017_10.txt: first extraction, and no other report of its month is stored: nothing to "
            "compare with.") in first.output.splitlines()
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.copy(fixtures / "headline_2017_10.txt", moved / "headline_2017_10.txt")
    assert _run("run", str(moved), "--db", str(tmp_path / "moved.db")).exit_code == 0
    shutil.rmtree(moved)
    gone = _run("month", "2017-10", "--db", str(tmp_path / "moved.db"))
    assert gone.exit_code == 2
    assert gone.output.splitlines()[:2] == [
        "warning: headline_2017_10.txt: no stored path exists any more; use --from DIR",
        "error: no documents for report month 2017-10 (in the database, or in --from)",
    ]
