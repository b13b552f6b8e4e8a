"""The standing facts table stays what ranking every accepted fact gives, whatever writes the facts: a run, a
re-run with --force, the series checks, a person's decision, an edited document, a changed month or publisher."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.store import open_store
from extractor.store import standing
from extractor.store.decisions import DecisionKey, key_of, record
from extractor.store.views import SERIES_KEY

from .sqlrows import rows

runner = CliRunner()

# current_facts as it was computed on every query before standing_facts (migration m030): the reference.
_KEY = ", ".join(f"f.{c}" for c in SERIES_KEY)
RANKED = f"""
SELECT f.id, f.commodity, f.region, f.metric, f.segment, f.content, f.period, f.basis, f.measure, f.value,
       f.value_num, f.value_low, f.value_high, f.direction, f.unit, f.qualifier, f.quote, f.source,
       d.name AS document, d.report_month, f.document_id, d.publisher, 1 AS revision_rank, standing.reports
FROM (
  SELECT f.id, MAX(printf('%-7s%-40s%020d%020d', COALESCE(d.report_month, ''), COALESCE(d.first_seen, ''), d.rowid,
                          f.id)) AS latest, COUNT(*) AS reports
  FROM facts f JOIN documents d ON d.id = f.document_id
  WHERE f.status = 'accepted'
  GROUP BY {_KEY}, f.period, d.publisher
) standing
JOIN facts f ON f.id = standing.id
JOIN documents d ON d.id = f.document_id
ORDER BY {_KEY}, f.period, d.publisher
"""


def _copies(folder: Path, fixtures: Path) -> Path:
    """June's review three times (each copy a document of its own) and July's: keys stated by several reports."""
    folder.mkdir()
    june = (fixtures / "review_2024_06.txt").read_text(encoding="utf-8")
    for n in range(3):
        (folder / f"june_{n}.txt").write_text(f"{june.rstrip()}\n\nCopy {n}.\n", encoding="utf-8")
    shutil.copy(fixtures / "months" / "review_2024_07.txt", folder / "july.txt")
    return folder


def _assert_current(db: Path) -> None:
    assert rows(db, "SELECT * FROM current_facts") == rows(db, RANKED)
    kept = rows(db, "SELECT * FROM standing_facts ORDER BY fact_id")
    store = open_store(db)
    try:
        standing.rebuild(store.db)
    finally:
        store.close()
    assert kept == rows(db, "SELECT * FROM standing_facts ORDER BY fact_id")


def _decide(db: Path, key: DecisionKey, action: str, **given: Any) -> None:
    store = open_store(db)
    try:
        record(store.db, key, action, who="ann", **given)
    finally:
        store.close()


def _run(*args: str) -> None:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture
def archive(tmp_path: Path, fixtures: Path) -> tuple[Path, Path]:
    folder = _copies(tmp_path / "in", fixtures)
    db = tmp_path / "x.db"
    _run("run", str(folder), "--db", str(db))
    return folder, db


def test_runs_keep_the_standing_facts_current(archive: tuple[Path, Path]) -> None:
    folder, db = archive
    several = rows(db, "SELECT COUNT(*) AS n FROM current_facts WHERE reports > 1")[0]["n"]
    assert several > 20  # the copies state the same keys
    _assert_current(db)
    _run("run", str(folder), "--db", str(db), "--force")
    _assert_current(db)
    edited = folder / "june_2.txt"  # an edited report at the same path replaces its earlier reading
    edited.write_text(edited.read_text(encoding="utf-8").replace("Copy 2.", "Copy 2, edited."), encoding="utf-8")
    _run("run", str(folder), "--db", str(db))
    _assert_current(db)


def test_status_label_month_and_publisher_changes_keep_them_current(archive: tuple[Path, Path]) -> None:
    _, db = archive
    top = rows(db, "SELECT * FROM current_facts WHERE reports > 1 ORDER BY id LIMIT 1")[0]
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        for statement, args in [
            ("UPDATE facts SET status = 'needs_review' WHERE id = ?", [top["id"]]),  # the standing fact leaves
            ("UPDATE facts SET status = 'accepted' WHERE id = ?", [top["id"]]),
            ("UPDATE facts SET period = '2019-01' WHERE id = ?", [top["id"]]),  # to a key of its own
            ("UPDATE documents SET report_month = '2030-01' WHERE name = 'june_0.txt'", []),  # now the latest
            ("UPDATE documents SET report_month = NULL WHERE name = 'june_0.txt'", []),  # now before any month
            ("UPDATE documents SET publisher = 'Other' WHERE name = 'june_1.txt'", []),  # side by side
            ("DELETE FROM facts WHERE document_id = (SELECT id FROM documents WHERE name = 'july.txt')", []),
        ]:
            conn.execute(statement, args)
            _assert_current(db)
    finally:
        conn.close()


def test_a_person_s_decision_keeps_them_current(archive: tuple[Path, Path]) -> None:
    folder, db = archive
    shared = rows(db, "SELECT * FROM current_facts WHERE reports > 1 ORDER BY id LIMIT 1")[0]
    alone = rows(db, "SELECT * FROM current_facts WHERE reports = 1 ORDER BY id LIMIT 1")[0]
    key = key_of(rows(db, "SELECT * FROM facts WHERE id = ?", shared["id"])[0])
    _decide(db, key, "reject")
    assert shared["id"] not in {r["id"] for r in rows(db, "SELECT id FROM current_facts")}
    _assert_current(db)
    _decide(db, key, "correct", changes={"period": "2019-02"})
    _decide(db, key_of(rows(db, "SELECT * FROM facts WHERE id = ?", alone["id"])[0]), "correct",
            changes={"period": "2019-03"})
    _assert_current(db)
    _run("run", str(folder), "--db", str(db), "--force")  # the decisions rewrite the figures as they are written
    assert rows(db, "SELECT period FROM current_facts WHERE id IN (SELECT id FROM facts WHERE decision_id IS NOT "
                    "NULL) ORDER BY period") == [{"period": "2019-02"}, {"period": "2019-03"}]
    _assert_current(db)
